"""The hand-over between stages: inputs present and fresh, or one sentence naming the
notebook to run first."""

import json

import pytest

from actorlens.core import stages


def fake_stage(processed, name, inputs, sha="a"):
    """Record every product of stage ``name`` with sha256 ``sha``, files included."""
    stage = stages.BY_NAME[name]
    for table in stage.products:
        (processed / f"{table}.csv").write_text("x\n")
    stages.record(name, processed, dict.fromkeys(stage.products, sha), inputs, {"top_n": 3})


def test_a_stage_with_nothing_before_it_names_the_first_notebook(tmp_path):
    with pytest.raises(stages.StageInputError) as info:
        stages.check_inputs("mentions", tmp_path)
    assert str(info.value) == (
        f"notebook 02-count-mentions needs documents.csv, which has not been written in "
        f"{tmp_path}: run notebook 01-ingest-corpus first (and the notebooks after it, in order)"
    )


def test_fresh_inputs_give_their_hashes(tmp_path):
    fake_stage(tmp_path, "ingest", {})
    inputs = stages.check_inputs("mentions", tmp_path)
    assert inputs == dict.fromkeys(stages.INGEST_TABLES, "a")


def test_rewritten_earlier_tables_make_later_ones_stale(tmp_path):
    fake_stage(tmp_path, "ingest", {})
    fake_stage(tmp_path, "mentions", stages.check_inputs("mentions", tmp_path))
    fake_stage(tmp_path, "voice", stages.check_inputs("voice", tmp_path))
    stages.check_inputs("shift", tmp_path)
    fake_stage(tmp_path, "mentions", stages.check_inputs("mentions", tmp_path), sha="b")
    with pytest.raises(stages.StageInputError, match=r"needs attributions\.csv, which was derived from "
                       r"tables that have been rewritten since: run notebook "
                       r"03-voice-and-portrayal first"):  # fmt: skip
        stages.check_inputs("shift", tmp_path)
    # the same bytes again are no change
    fake_stage(tmp_path, "mentions", stages.check_inputs("mentions", tmp_path), sha="a")
    stages.check_inputs("shift", tmp_path)


def test_the_earliest_stale_stage_is_named(tmp_path):
    fake_stage(tmp_path, "ingest", {})
    fake_stage(tmp_path, "mentions", stages.check_inputs("mentions", tmp_path))
    fake_stage(tmp_path, "voice", stages.check_inputs("voice", tmp_path))
    fake_stage(tmp_path, "ingest", {}, sha="c")
    with pytest.raises(stages.StageInputError, match="run notebook 02-count-mentions first"):
        stages.check_inputs("shift", tmp_path)


def test_the_manifest_records_stage_parameters_and_inputs(tmp_path):
    fake_stage(tmp_path, "ingest", {})
    stages.record("mentions", tmp_path, dict.fromkeys(stages.MENTION_TABLES, "m"), {"texts": "a"},
                  {"actors_file": "x.yml", "processed_dir": "/tmp/y", "engine": "dask"})  # fmt: skip
    entry = json.loads((tmp_path / stages.MANIFEST).read_text())["kwic"]
    assert entry == {"sha256": "m", "stage": "mentions", "parameters": {"actors_file": "x.yml"},
                     "inputs": {"texts": "a"}}  # fmt: skip


def test_a_stage_must_write_exactly_what_it_declares(tmp_path):
    with pytest.raises(ValueError, match="declares"):
        stages.record("ingest", tmp_path, {"documents": "a"}, {}, {})


def test_the_error_shows_in_a_notebook_without_a_traceback():
    error = stages.StageInputError("run notebook 01-ingest-corpus first")
    assert error._render_traceback_() == ["StageInputError: run notebook 01-ingest-corpus first"]
