"""One definition of every parameter: the notebooks' parameters cells, papermill's view of
them and the library's defaults all come from actorlens.core.parameters."""

import inspect

import nbformat
import papermill
import pytest
import yaml

from actorlens.analysis import sentiment, shift
from actorlens.core import config, parameters
from actorlens.core.stages import STAGES
from actorlens.corpus import ingest
from actorlens.mentions import count


@pytest.mark.parametrize("stage", STAGES, ids=lambda s: s.name)
def test_each_parameters_cell_is_the_definition_written_out(stage):
    notebook = nbformat.read(config.NOTEBOOKS_DIR / stage.notebook, as_version=4)
    cells = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(cells) == 1
    assert cells[0].source == parameters.cell_source(stage.parameters)


@pytest.mark.parametrize("stage", STAGES, ids=lambda s: s.name)
def test_papermill_reads_the_declared_types_defaults_and_help(stage):
    declared = papermill.inspect_notebook(str(config.NOTEBOOKS_DIR / stage.notebook))
    assert list(declared) == list(stage.parameters)
    for name, seen in declared.items():
        wanted = parameters.PARAMETERS[name]
        assert seen["inferred_type_name"] == wanted.type.__name__
        assert yaml.safe_load(seen["default"]) == wanted.default
        assert seen["help"] == wanted.help


def test_the_line_of_a_parameter():
    line = parameters.PARAMETERS["target_terms"].line()
    assert line.startswith('target_terms: dict = {"talks": ["talks", "negotiat*",')
    assert (
        parameters.PARAMETERS["include_demonyms"]
        .line()
        .startswith("include_demonyms: bool = False")
    )


@pytest.mark.parametrize(
    "function",
    [ingest.run, count.run, sentiment.run, shift.run, sentiment.analyse, shift.analyse],
)
def test_library_defaults_are_the_declared_ones(function):
    # None stands for the declared default (target_terms) or a local Engine (engine)
    for name, argument in inspect.signature(function).parameters.items():
        if name in parameters.PARAMETERS and argument.default not in (
            None,
            inspect.Parameter.empty,
        ):
            assert argument.default == parameters.PARAMETERS[name].default, name


def test_defaults_are_copies():
    terms = parameters.default("target_terms")
    terms["talks"].append("summit")
    assert "summit" not in parameters.default("target_terms")["talks"]
