"""One parameter definition drives the stages: each stage's settings are a frozen
dataclass generated from its declared parameters, taken by name only."""

import dataclasses

import pytest

from actorlens.analysis import sentiment, shift
from actorlens.core import parameters, stages
from actorlens.corpus import ingest


def test_the_settings_are_the_parameters_that_make_the_tables():
    fields = {name: [f.name for f in dataclasses.fields(cls)]
              for name, cls in stages.SETTINGS.items()}  # fmt: skip
    assert fields["voice"] == ["actors_file", "scorer", "min_cell_scores", "include_demonyms",
                               "speech"]  # fmt: skip
    assert fields["shift"] == [
        "order_by", "period", "from_period", "to_period", "min_cell_scores",
        "min_shift_mentions", "min_docs", "quoted_portrayal", "include_demonyms",
        "target_terms", "stance_scorer", "speech",
    ]  # fmt: skip
    assert fields["validation"] == ["persent_dir"]


def test_unset_settings_are_the_declared_defaults_unshared():
    first, second = stages.settings("shift"), stages.settings("shift", min_docs=5)
    assert dataclasses.asdict(first) == parameters.defaults(stages.BY_NAME["shift"].settings)
    assert second.min_docs == 5 and first.target_terms is not second.target_terms


def test_settings_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        stages.settings("voice").scorer = "trained"


@pytest.mark.parametrize("function", [shift.analyse, sentiment.analyse])
def test_a_parameter_cannot_bind_by_position(function):
    with pytest.raises(TypeError, match="positional"):
        function(None, None, "date", "doc", "", "", 3)


@pytest.mark.parametrize("function", [shift.run, sentiment.run, ingest.run])
def test_a_name_the_stage_does_not_take_is_refused_before_any_reading(function):
    with pytest.raises(TypeError, match="min_doc"):
        function("nowhere", min_doc=2)


def test_chosen_picks_the_stage_settings_from_a_namespace():
    namespace = {"period": "week", "top_n": 4, "processed_dir": "x", "runner": object()}
    assert stages.chosen("shift", namespace) == {"period": "week"}
