"""Every parameter value is checked before the first notebook runs: a value outside a
parameter's allowed values is exit status 2, naming the parameter and its choices, and
nothing is written."""

import pytest

from actorlens import cli
from actorlens.analysis import shift
from actorlens.attribution import extract
from actorlens.core import config, engine, parameters
from actorlens.runner import pipeline
from actorlens.scoring import stance


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("period", "quarter",
         "parameter period must be one of doc, day, week, month, got 'quarter'"),
        ("stance_scorer", "bert",
         "parameter stance_scorer must be one of minilm, lexicon, got 'bert'"),
    ],
)  # fmt: skip
def test_a_value_outside_the_choices_is_exit_2_before_any_stage(
    tmp_path, capsys, name, value, message
):
    out = tmp_path / "out"
    assert cli.main(["run", "-p", name, value, "--out", str(out)]) == 2
    printed = capsys.readouterr()
    assert f"actorlens: error: {message}" in printed.err
    assert "[1/" not in printed.out  # no stage started
    assert not out.exists()


@pytest.mark.parametrize(
    ("name", "value"),
    [("period", "quarter"), ("engine", "spark"), ("speech", "indirect"),
     ("scorer", "sentence_vader"), ("stance_scorer", "bert"), ("period", "Month")],
)  # fmt: skip
def test_every_enumerated_parameter_refuses_a_value_outside_its_choices(name, value):
    with pytest.raises(pipeline.PipelineError, match=f"parameter {name} must be one of") as info:
        pipeline.load_parameters([], [(name, value)])
    assert info.value.status == 2


def test_a_value_from_a_file_is_checked_too(tmp_path):
    file = tmp_path / "params.yaml"
    file.write_text("engine: spark\n", encoding="utf-8")
    with pytest.raises(
        pipeline.PipelineError, match="parameter engine must be one of local, dask, got 'spark'"
    ):
        pipeline.load_parameters([str(file)], [])


def test_every_choice_is_accepted():
    for name in ("period", "engine", "speech", "scorer", "stance_scorer"):
        for value in parameters.PARAMETERS[name].choices:
            assert pipeline.load_parameters([], [(name, value)])[name] == value


def test_the_choices_are_the_ones_the_library_takes():
    choices = {name: p.choices for name, p in parameters.PARAMETERS.items() if p.choices}
    assert choices == {
        "period": shift.PERIODS,
        "engine": engine.ENGINES,
        "speech": tuple(extract.SPEECH),
        "scorer": config.SCORERS,
        "stance_scorer": stance.READERS,
    }


def test_the_help_names_every_choice():
    for p in parameters.PARAMETERS.values():
        for value in p.choices:
            assert value in p.help, (p.name, value)


@pytest.mark.parametrize("name", ["actors_file", "manifest_file", "boilerplate_file"])
def test_an_input_file_that_is_not_there_is_exit_2_before_any_stage(tmp_path, capsys, name):
    missing, out = tmp_path / "no such file.yml", tmp_path / "out"
    assert cli.main(["run", "-p", name, str(missing), "--out", str(out)]) == 2
    printed = capsys.readouterr()
    assert f"actorlens: error: parameter {name}: no such file: {missing}" in printed.err
    assert "[1/" not in printed.out and not out.exists()


def test_a_folder_is_not_an_input_file(tmp_path):
    params = pipeline.load_parameters([], [("actors_file", str(tmp_path))])
    with pytest.raises(pipeline.PipelineError, match="parameter actors_file: no such file") as info:
        pipeline.check_input_files(params)
    assert info.value.status == 2


def test_the_default_input_files_are_there():
    params = pipeline.resolve_paths(pipeline.load_parameters([], []), config.PROJ_ROOT)
    pipeline.check_input_files(params)  # empty manifest and boilerplate: not checked


@pytest.mark.parametrize(
    "value", ['{talks: ["*"]}', '{talks: ["peace", ""]}', '{"": [talks]}', '{" ": [talks]}']
)
def test_a_target_or_term_without_a_word_is_exit_2(value):
    # a term of no word ("", "*") would match at every word boundary: every sentence
    with pytest.raises(
        pipeline.PipelineError,
        match="parameter target_terms must have a letter or digit in every target and term",
    ) as info:
        pipeline.load_parameters([], [("target_terms", value)])
    assert info.value.status == 2


def test_no_target_or_a_target_without_terms_is_accepted():
    for value, expected in [("{}", {}), ("{talks: []}", {"talks": []}),
                            ('{talks: ["cease-fire", "deal*"]}', {"talks": ["cease-fire", "deal*"]})]:  # fmt: skip
        assert pipeline.load_parameters([], [("target_terms", value)])["target_terms"] == expected
