"""The output folder is the tool's own: links planted in its state are refused before anything
is written, a user's files at the product paths are never deleted (refused without --force,
moved aside and named with it), and a notebook run by hand never changes the published run."""

import contextlib
import io
import os

import pytest

from actorlens import cli
from actorlens.core import config, parameters
from actorlens.core.outputs import PRODUCTS, OutputFolder, OutputFolderError, PublishedRunError
from actorlens.core.stages import StageInputError
from actorlens.corpus import ingest
from actorlens.corpus.ingest import Corpus
from actorlens.runner import pipeline
from tests.unit.test_outputs import fake_run


@pytest.fixture
def stages_faked(monkeypatch):
    """``actorlens run`` with every stage replaced by a run that writes a product each; the
    runs made are listed."""
    made = []

    def run_stages(params, folder, progress):
        run = fake_run(folder, f"run {len(made)}")
        folder.publish(run)
        made.append(run)
        return pipeline.RunResult(out_dir=folder.out, parameters=params)

    monkeypatch.setattr(pipeline, "_run_stages", run_stages)
    return made


def run_cli(tmp_path, out, *options) -> tuple[int, str, str]:
    """``actorlens run`` on a one-file corpus into ``out``: status, standard output and error."""
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    (corpus / "a.txt").write_text("Putin spoke.\n")
    output, error = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(output), contextlib.redirect_stderr(error):
        status = cli.main(["run", "-p", "corpus_dir", str(corpus), "--out", str(out), *options])
    return status, output.getvalue(), error.getvalue()


def outside_folder(tmp_path):
    """A folder outside the output folder with a file of the user's."""
    outside = tmp_path / "home"
    outside.mkdir()
    (outside / "thesis.tex").write_text("years of work")
    return outside


@pytest.mark.parametrize("entry", ["runs", "replaced"])
def test_state_entry_linked_out_of_the_folder_is_refused_and_nothing_outside_deleted(
    tmp_path, stages_faked, entry
):
    outside = outside_folder(tmp_path)
    (tmp_path / "out/.actorlens").mkdir(parents=True)
    (tmp_path / "out/.actorlens" / entry).symlink_to(outside)
    status, _, error = run_cli(tmp_path, tmp_path / "out")
    assert status == 2
    assert f"{tmp_path}/out/.actorlens/{entry} is a symbolic link (to {outside})" in error
    assert sorted(p.name for p in outside.iterdir()) == ["thesis.tex"]
    assert (outside / "thesis.tex").read_text() == "years of work"
    assert stages_faked == []


def test_state_folder_linked_elsewhere_is_refused(tmp_path, stages_faked):
    outside = outside_folder(tmp_path)
    (outside / "runs").mkdir()
    (outside / "runs/20250101T000000000000").mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "out/.actorlens").symlink_to(outside)
    status, _, error = run_cli(tmp_path, tmp_path / "out")
    assert status == 2
    assert f"{tmp_path}/out/.actorlens is a symbolic link" in error
    assert sorted(p.name for p in outside.iterdir()) == ["runs", "thesis.tex"]
    assert [p.name for p in (outside / "runs").iterdir()] == ["20250101T000000000000"]


def test_lock_linked_to_a_file_is_refused_and_the_file_untouched(tmp_path, stages_faked):
    outside = outside_folder(tmp_path)
    (tmp_path / "out/.actorlens/runs").mkdir(parents=True)
    (tmp_path / "out/.actorlens/lock").symlink_to(outside / "thesis.tex")
    status, _, error = run_cli(tmp_path, tmp_path / "out")
    assert status == 2
    assert f"{tmp_path}/out/.actorlens/lock is a symbolic link" in error
    assert (outside / "thesis.tex").read_text() == "years of work"


def test_lock_hard_linked_to_a_file_is_refused_and_the_file_untouched(tmp_path):
    outside = outside_folder(tmp_path)
    folder = OutputFolder(tmp_path / "out")
    folder.runs.mkdir(parents=True)
    os.link(outside / "thesis.tex", folder.state / "lock")
    refused = pytest.raises(OutputFolderError, match=r"lock is not actorlens's own lock file")
    with refused, folder.locked():
        pass
    assert (outside / "thesis.tex").read_text() == "years of work"


@pytest.mark.parametrize(
    "link", ["../../home", "runs/../../../home", "runs/20250101T000000000000"], ids=str
)
def test_current_resolving_outside_the_runs_is_refused(tmp_path, stages_faked, link):
    outside = outside_folder(tmp_path)
    (tmp_path / "out/.actorlens/runs").mkdir(parents=True)
    (tmp_path / "out/.actorlens/runs/20250101T000000000000").symlink_to(outside)
    (tmp_path / "out/.actorlens/current").symlink_to(link)
    status, _, error = run_cli(tmp_path, tmp_path / "out")
    assert status == 2
    assert f"{tmp_path}/out/.actorlens/current leads to {outside}" in error
    assert sorted(p.name for p in outside.iterdir()) == ["thesis.tex"]
    assert stages_faked == []


def test_a_users_files_at_the_product_paths_are_kept_without_force(tmp_path, stages_faked):
    out = tmp_path / "out"
    (out / "data/processed").mkdir(parents=True)
    (out / "data/processed/survey.csv").write_text("mine")
    (out / "reports").mkdir()
    (out / "reports/index.html").write_text("<p>my site</p>")
    status, _, error = run_cli(tmp_path, out)
    assert status == 2
    assert f"{out} is not an actorlens output folder and holds data/processed, " in error
    assert "reports/index.html: give --force to move them aside into" in error
    assert (out / "data/processed/survey.csv").read_text() == "mine"
    assert (out / "reports/index.html").read_text() == "<p>my site</p>"
    assert not (out / ".actorlens").exists() and stages_faked == []


def test_with_force_a_users_files_are_moved_aside_named_and_kept(tmp_path, stages_faked):
    out = tmp_path / "out"
    (out / "data/processed").mkdir(parents=True)
    (out / "data/processed/survey.csv").write_text("mine")
    status, output, error = run_cli(tmp_path, out, "--force")
    assert status == 0, error
    (aside,) = (out / ".actorlens/replaced").iterdir()
    assert (aside / "data/processed/survey.csv").read_text() == "mine"
    assert f"moved {out}/data/processed to {aside}/data/processed" in output
    assert (out / "data/processed/table.csv").read_text() == "run 0"
    assert run_cli(tmp_path, out)[0] == 0  # a later run keeps what was moved aside
    assert (aside / "data/processed/survey.csv").read_text() == "mine"


def test_real_products_in_an_actorlens_folder_are_moved_aside_not_deleted(tmp_path):
    announced = []
    folder = OutputFolder(tmp_path, report=announced.append)
    with folder.locked():
        folder.publish(fake_run(folder, "first"))
    (tmp_path / "reports/figures").unlink()  # the link replaced by a real folder
    (tmp_path / "reports/figures").mkdir()
    (tmp_path / "reports/figures/by_hand.png").write_text("hand")
    with folder.locked():
        folder.publish(fake_run(folder, "second"))
    (aside,) = folder.replaced.iterdir()
    assert (aside / "reports/figures/by_hand.png").read_text() == "hand"
    assert announced == [f"moved {tmp_path}/reports/figures to {aside}/reports/figures"]
    assert (tmp_path / "reports/figures/table.csv").read_text() == "second"


@pytest.fixture
def published(tmp_path, monkeypatch):
    """An output folder at ``OUTPUT_ROOT`` (as in a checkout) with a published run."""
    monkeypatch.setattr(config, "OUTPUT_ROOT", tmp_path)
    folder = OutputFolder(tmp_path)
    with folder.locked():
        run = fake_run(folder, "published")
        folder.publish(run)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus/a.txt").write_text("date 2025-01-01\nPutin spoke of peace.\n")
    return run


def published_files(run) -> dict[str, bytes]:
    return {str(p.relative_to(run)): p.read_bytes() for p in run.rglob("*") if p.is_file()}


def test_a_notebook_run_by_hand_with_its_defaults_leaves_the_published_run_alone(
    tmp_path, published
):
    before = published_files(published)
    ingest.run(corpus_dir=str(tmp_path / "corpus"))  # notebook 01 with its parameters cell as it is
    assert published_files(published) == before
    assert (tmp_path / "data/notebook_runs/processed/documents.csv").is_file()
    figures = config.output_path(parameters.default("figures_dir"))
    assert figures == tmp_path / "data/notebook_runs/figures"


def test_writing_into_the_published_run_is_refused(tmp_path, published):
    before = published_files(published)
    with pytest.raises(PublishedRunError) as refused:
        ingest.run(
            corpus_dir=str(tmp_path / "corpus"), processed_dir=str(tmp_path / "data/processed")
        )
    assert str(refused.value) == (
        f"{tmp_path}/data/processed is in the published run {published}, which is read-only: "
        "a notebook run by hand writes to the folders of its parameters cell's defaults "
        "(processed_dir 'data/notebook_runs/processed', figures_dir "
        "'data/notebook_runs/figures') or to folders of your own"
    )
    with pytest.raises(PublishedRunError):
        config.output_path("reports/figures")
    assert published_files(published) == before
    assert "PublishedRunError" in pipeline.INPUT_ERRORS


def test_a_run_folder_not_yet_published_is_writable(tmp_path, published):
    folder = OutputFolder(tmp_path)
    with folder.locked():
        staging = fake_run(folder, "next")
        assert config.output_path(staging / PRODUCTS[0]) == staging / PRODUCTS[0]


def test_a_later_notebook_run_by_hand_first_names_notebook_01(tmp_path, published):
    with pytest.raises(StageInputError) as refused:  # notebook 02's first cell, by hand
        Corpus.read(config.output_path(parameters.default("processed_dir")))
    assert str(refused.value) == (
        f"{tmp_path}/data/notebook_runs/processed/documents.csv has not been written: run "
        "notebook 01-ingest-corpus first (and the notebooks after it, in order)"
    )
