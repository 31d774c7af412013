"""The table schemas: one write and one read per table, typed, checked."""

import pandas as pd
import pytest

from actorlens.core import tables
from actorlens.core.stages import STAGES, StageInputError


def test_every_product_has_a_schema_and_one_writer():
    products = [table for stage in STAGES for table in stage.products]
    assert sorted(products) == sorted(tables.SCHEMAS)
    assert len(products) == len(set(products))


def test_every_input_is_written_by_an_earlier_stage():
    for number, stage in enumerate(STAGES):
        earlier = {table for before in STAGES[:number] for table in before.products}
        assert set(stage.inputs) <= earlier, stage.name


def test_an_empty_table_reads_back_with_its_types(tmp_path):
    schema = tables.SCHEMAS["mentions"]
    tables.write("mentions", pd.DataFrame(columns=schema.names), tmp_path)
    back = tables.read("mentions", tmp_path)
    assert back.empty and str(back["start"].dtype) == "int64" and str(back["doc_id"].dtype) == "str"
    assert (tmp_path / "mentions.parquet").is_file()


def test_nullable_floats_and_empty_text_round_trip(tmp_path):
    frame = pd.DataFrame({"doc_id": ["007"], "speaker_id": ["putin"], "target_id": ["trump"],
                          "n": [2], "mean": [float("nan")]})  # fmt: skip
    sha = tables.write("speaker_target", frame, tmp_path)
    back = tables.read("speaker_target", tmp_path)
    assert back["doc_id"].tolist() == ["007"] and pd.isna(back["mean"].iloc[0])
    assert len(sha) == 64
    assert (tmp_path / "speaker_target.csv").read_text() == (
        "doc_id,speaker_id,target_id,n,mean\n007,putin,trump,2,\n"
    )


def test_a_frame_that_does_not_fit_is_refused(tmp_path):
    with pytest.raises(tables.TableSchemaError, match="columns"):
        tables.write("texts", pd.DataFrame({"doc_id": ["1"]}), tmp_path)
    empty_key = pd.DataFrame({"doc_id": [""], "text": ["x"]})
    with pytest.raises(tables.TableSchemaError, match="doc_id has empty values"):
        tables.write("texts", empty_key, tmp_path)
    wrong_kind = pd.DataFrame({"doc_id": ["1"], "sent_id": ["first"], "start": [0], "end": [1],
                               "text": ["x"]})  # fmt: skip
    with pytest.raises(tables.TableSchemaError, match="sent_id is str, not int"):
        tables.write("sentences", wrong_kind, tmp_path)


def test_documents_keep_their_extra_columns_as_text(tmp_path):
    schema = tables.SCHEMAS["documents"]
    row = {"doc_id": "1", "file": "a.txt", "date": "", "outlet": "", "title": "T", "n_words": 3,
           "n_sentences": 1, "sha256": "ab", "wikinews_id": "0042"}  # fmt: skip
    tables.write("documents", pd.DataFrame([row], columns=[*schema.names, "wikinews_id"]), tmp_path)
    assert tables.read("documents", tmp_path)["wikinews_id"].tolist() == ["0042"]


def test_a_table_of_another_layout_names_its_writer(tmp_path):
    (tmp_path / "mentions.csv").write_text(
        "doc_id,sent_id,actor_id,surface,start,end,kind,in_quote\n"
    )
    with pytest.raises(StageInputError, match="run notebook 02-count-mentions again"):
        tables.read("mentions", tmp_path)
