"""Notebooks run out of order in one folder, as a user in JupyterLab would: a later
notebook whose inputs were rewritten says which notebook to run first, in one sentence;
one writing into the published run is refused."""

import contextlib
import io
import shutil

import papermill
import pytest

from actorlens import cli
from actorlens.core import config
from actorlens.core.stages import BY_NAME


@pytest.fixture(scope="module")
def ran(tmp_path_factory):
    out = tmp_path_factory.mktemp("handover")
    with contextlib.redirect_stdout(io.StringIO()):
        assert (
            cli.main(["run", "-f", str(config.PARAMS_DIR / "smoke.yaml"), "--out", str(out)]) == 0
        )
    # the published run is read-only: a hand run works on a copy of its tables
    shutil.copytree(out / "data" / "processed", out / "by hand" / "processed")
    return out


def execute(stage: str, out, tmp_path, **parameters):
    notebook = BY_NAME[stage].notebook
    papermill.execute_notebook(
        str(config.NOTEBOOKS_DIR / notebook),
        str(tmp_path / notebook),
        parameters={
            "processed_dir": str(out / "by hand" / "processed"),
            "figures_dir": str(tmp_path / "figures"),
            **parameters,
        },  # fmt: skip
        kernel_name=config.KERNEL_NAME,
        cwd=str(config.NOTEBOOKS_DIR),
        progress_bar=False,
    )


def test_mentions_again_with_the_same_actors_then_shift_works(ran, tmp_path):
    execute("mentions", ran, tmp_path)
    execute("shift", ran, tmp_path)


def test_mentions_with_other_actors_then_shift_names_notebook_03(ran, tmp_path):
    actors = tmp_path / "two actors.yml"
    actors.write_text(
        "actors:\n  - {id: putin, label: Vladimir Putin, type: person, names: [Putin]}\n"
        "  - {id: trump, label: Donald Trump, type: person, names: [Trump]}\n",
        encoding="utf-8",
    )
    execute("mentions", ran, tmp_path, actors_file=str(actors))
    with pytest.raises(papermill.PapermillExecutionError) as info:
        execute("shift", ran, tmp_path)
    assert info.value.ename == "StageInputError"
    assert info.value.evalue.startswith("notebook 04-stance-shift needs attributions.csv, which was "
                                        "derived from tables that have been rewritten since: "
                                        "run notebook 03-voice-and-portrayal first")  # fmt: skip
    assert info.value.traceback == [f"StageInputError: {info.value.evalue}"]
    execute("mentions", ran, tmp_path)  # leave the folder as the smoke run wrote it


def test_a_notebook_writing_into_the_published_run_is_refused(ran, tmp_path):
    published = ran / "data" / "processed"
    before = {p.name: p.read_bytes() for p in published.iterdir()}
    with pytest.raises(papermill.PapermillExecutionError) as info:
        execute("mentions", ran, tmp_path, processed_dir=str(published))
    assert info.value.ename == "PublishedRunError"
    assert info.value.evalue.startswith(f"{published} is in the published run ")
    assert {p.name: p.read_bytes() for p in published.iterdir()} == before
