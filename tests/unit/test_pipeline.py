"""The runner's parameter handling and the swap that protects the previous products."""

import pytest

from actorlens.runner import pipeline


def test_defaults_come_from_the_definitions():
    params = pipeline.load_parameters([], [])
    assert params["corpus_dir"] == "seeds"
    assert params["max_docs"] == 0
    assert "processed_dir" not in params  # set by the runner for each run


def test_the_runner_sets_where_products_go():
    with pytest.raises(pipeline.PipelineError, match="processed_dir is set by the runner"):
        pipeline.load_parameters([], [("processed_dir", "x")])


def test_files_then_overrides(tmp_path):
    file = tmp_path / "p.yaml"
    file.write_text("corpus_dir: other\nmax_docs: 2\n")
    params = pipeline.load_parameters([str(file)], [("max_docs", "3")])
    assert params["corpus_dir"] == "other"
    assert params["max_docs"] == 3


def test_unknown_parameter_is_an_input_error():
    with pytest.raises(pipeline.PipelineError, match="unknown parameter") as info:
        pipeline.load_parameters([], [("corpus_dri", "x")])
    assert info.value.status == 2


@pytest.mark.parametrize(
    ("override", "message"),
    [
        (("max_docs", "abc"), "parameter max_docs must be a whole number, got 'abc'"),
        (("include_demonyms", "3"), "parameter include_demonyms must be true or false, got 3"),
        (("target_terms", "talks"), "parameter target_terms must be a mapping, got 'talks'"),
    ],
)
def test_a_value_of_the_wrong_type_is_an_input_error(override, message):
    with pytest.raises(pipeline.PipelineError, match=message) as info:
        pipeline.load_parameters([], [override])
    assert info.value.status == 2


def test_text_parameters_stay_text(tmp_path):
    params = pipeline.load_parameters([], [("from_period", "000"), ("include_demonyms", "true")])
    assert params["from_period"] == "000" and params["include_demonyms"] is True
    file = tmp_path / "p.yaml"
    file.write_text("from_period: 000\n")
    with pytest.raises(pipeline.PipelineError, match="must be text, got 0; quote it"):
        pipeline.load_parameters([str(file)], [])


def test_relative_paths_resolve_against_the_base(tmp_path):
    resolved = pipeline.resolve_paths({"corpus_dir": "a b/ü", "max_docs": 1}, tmp_path)
    assert resolved == {"corpus_dir": str(tmp_path / "a b" / "ü"), "max_docs": 1}
