"""The runner's parameter handling and the swap that protects the previous products."""

import pytest

from actorlens import pipeline


def test_defaults_come_from_the_notebooks():
    params = pipeline.default_parameters()
    assert params["corpus_dir"] == "seeds"
    assert params["max_docs"] == 0


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


def test_relative_paths_resolve_against_the_base(tmp_path):
    resolved = pipeline.resolve_paths({"corpus_dir": "a b/ü", "max_docs": 1}, tmp_path)
    assert resolved == {"corpus_dir": str(tmp_path / "a b" / "ü"), "max_docs": 1}


def test_swap_replaces_products_and_keeps_other_files(tmp_path):
    out, staging = tmp_path / "out", tmp_path / "staging"
    (out / "reports" / "html").mkdir(parents=True)
    (out / "reports" / "html" / "old.html").write_text("old")
    (out / "reports" / "README.md").write_text("keep")
    (staging / "reports" / "html").mkdir(parents=True)
    (staging / "reports" / "html" / "new.html").write_text("new")
    pipeline._swap_into(staging, out)
    assert [p.name for p in (out / "reports" / "html").iterdir()] == ["new.html"]
    assert (out / "reports" / "README.md").read_text() == "keep"
