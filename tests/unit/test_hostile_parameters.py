"""Hostile parameters and YAML: only plain values reach a notebook, checked all the way
down; anchors that expand without bound are refused in every YAML the tool reads."""

import ast
import base64
import subprocess
import sys
import time

import pytest
from papermill.translators import PythonTranslator

from actorlens import cli
from actorlens.core import config, parameters, safe_yaml
from actorlens.corpus.actors import ActorsFileError, load_actors
from actorlens.corpus.folder import CorpusError
from actorlens.corpus.text_cleaning import load_boilerplate
from actorlens.runner import pipeline
from actorlens.scoring.scorers import LexiconError, load_lexicon

# Nine levels of nine aliases: 9**9 (387 million) strings from a few hundred bytes.
LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)
)


@pytest.mark.parametrize(
    "text",
    [
        "target_terms: {talks: [!!binary aGVsbG8=]}\n",
        "target_terms: {talks: !!set {a, b}}\n",
        "target_terms: {talks: [1, 2]}\n",
        "target_terms: {3: [talks]}\n",
        "target_terms: {talks: [.nan]}\n",
        "top_n: 2.5\n",
    ],
)
def test_a_value_that_is_not_plain_or_not_of_the_declared_type_is_exit_2(tmp_path, text, capsys):
    file = tmp_path / "params.yaml"
    file.write_text(text, encoding="utf-8")
    status = cli.main(["run", "-f", str(file), "--out", str(tmp_path / "out")])
    assert status == 2
    name = text.split(":")[0]
    assert f"parameter {name} must be" in capsys.readouterr().err
    assert not (tmp_path / "out" / "reports").exists()


def live_payload(marker) -> bytes:
    """Bytes whose repr, rendered by papermill as ``"{value}"``, closes the string and
    runs code that writes ``marker``."""
    return f'"+str(__import__("pathlib").Path(r"{marker}").write_text("ran"))+"'.encode()


def test_binary_in_a_parameter_runs_no_code(tmp_path, capsys):
    # the payload is live: papermill's cell for it runs the code ...
    probe = tmp_path / "probe"
    exec(PythonTranslator.codify({"target_terms": {"talks": [live_payload(probe)]}}), {})  # noqa: S102
    assert probe.read_text() == "ran"
    # ... so it must never reach a notebook, from a file or from -p
    marker = tmp_path / "marker"
    encoded = base64.b64encode(live_payload(marker)).decode()
    file = tmp_path / "params.yaml"
    file.write_text(f"target_terms: {{talks: [!!binary {encoded}]}}\n", encoding="utf-8")
    for args in (["-f", str(file)], ["-p", "target_terms", f"{{talks: [!!binary {encoded}]}}"]):
        assert cli.main(["run", *args, "--out", str(tmp_path / "out")]) == 2
        assert "parameter target_terms must be a mapping of text to a list of text" in (
            capsys.readouterr().err
        )
    assert not marker.exists() and not (tmp_path / "out" / "reports").exists()


@pytest.mark.parametrize(
    "value",
    [
        "quote \" and ' and \\ backslash",
        "two\nlines\r\tand a NUL \x00",
        "üñí€ 😀",
        {"talks": ['a"b', "c\\", "}"], 'x"y': []},
        ["a", "b"],
        -3,
        0.1,
        True,
        None,
    ],
)
def test_the_parameter_cell_papermill_writes_round_trips(value):
    source = PythonTranslator.codify({"value": value})
    assignment = ast.parse(source).body[0]
    assert ast.literal_eval(assignment.value) == value


def test_every_declared_default_round_trips_through_the_cell():
    source = PythonTranslator.codify(parameters.defaults())
    values = {node.targets[0].id: ast.literal_eval(node.value) for node in ast.parse(source).body}
    assert values == parameters.defaults()


@pytest.mark.parametrize(
    ("override", "message"),
    [
        (("max_docs", "-1"), "parameter max_docs must be at least 0, got -1"),
        (("n_workers", "0"), "parameter n_workers must be at least 1, got 0"),
        (("min_shift_mentions", "0"), "parameter min_shift_mentions must be at least 1, got 0"),
    ],
)
def test_numbers_out_of_range_are_exit_2(override, message):
    with pytest.raises(pipeline.PipelineError, match=message) as info:
        pipeline.load_parameters([], [override])
    assert info.value.status == 2


def test_a_p_value_that_is_not_utf8_is_exit_2():
    value = b"caf\xe9".decode("utf-8", "surrogateescape")  # as Python passes such an argument
    with pytest.raises(
        pipeline.PipelineError, match="value of parameter corpus_dir is not valid UTF-8"
    ):
        pipeline.load_parameters([], [("corpus_dir", value)])


def test_a_parameter_file_that_is_not_utf8_is_exit_2(tmp_path):
    file = tmp_path / "p.yaml"
    file.write_bytes(b"corpus_dir: caf\xe9\n")
    with pytest.raises(pipeline.PipelineError, match="parameter file .*p.yaml") as info:
        pipeline.load_parameters([str(file)], [])
    assert info.value.status == 2


def test_expanded_size_counts_aliases_and_refuses_cycles():
    import yaml

    node = yaml.compose("a: &a [1, 2]\nb: [*a, *a]\n")
    # the mapping, key a, [1, 2] (3 nodes), key b, and [*a, *a] (1 + 3 + 3)
    assert safe_yaml.expanded_size(node) == 1 + 1 + 3 + 1 + 7
    with pytest.raises(safe_yaml.YamlBombError, match="refers to itself"):
        safe_yaml.load("a: &a [1, *a]\n")
    assert safe_yaml.load("a: &x {k: v}\nb: *x\n") == {"a": {"k": "v"}, "b": {"k": "v"}}


def test_a_laughing_parameter_file_is_refused_quickly(tmp_path):
    file = tmp_path / "p.yaml"
    file.write_text(LAUGHS + "top_n: 3\n", encoding="utf-8")
    assert len(file.read_bytes()) < 1000
    tick = time.perf_counter()
    with pytest.raises(pipeline.PipelineError, match="more than 100,000 values"):
        pipeline.load_parameters([str(file)], [])
    assert time.perf_counter() - tick < 10  # bounded, not a speed goal: unbounded takes GBs


def test_laughing_actors_lexicon_and_boilerplate_files_are_refused(tmp_path):
    actors = tmp_path / "actors.yml"
    actors.write_text(LAUGHS + "actors: []\n", encoding="utf-8")
    with pytest.raises(ActorsFileError, match="more than 100,000 values"):
        load_actors(actors)
    lexicon = tmp_path / "lexicon.yml"
    lexicon.write_text(LAUGHS + "entries: []\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="more than 100,000 values"):
        load_lexicon(lexicon)
    rules = tmp_path / "boilerplate.yml"
    rules.write_text(LAUGHS + "patterns: []\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="more than 100,000 values"):
        load_boilerplate(rules)


def test_laughing_p_value_is_exit_2_in_a_bounded_time(tmp_path):
    value = "{" + LAUGHS.replace("\n", ", ").rstrip(", ") + "}"
    run = subprocess.run(
        [sys.executable, "-m", "actorlens", "run", "-p", "target_terms", value, "--out",
         str(tmp_path)],
        capture_output=True, text=True, timeout=120, cwd=config.PROJ_ROOT,
    )  # fmt: skip
    assert run.returncode == 2, run.stderr
    assert "parameter target_terms" in run.stderr and "Traceback" not in run.stderr
