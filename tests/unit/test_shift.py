"""Stance shift: periods, a built-in shift found, a null shift not called, thin cells not ranked."""

import numpy as np
import pandas as pd
import pytest

from actorlens import shift
from actorlens.sentiment import Sentiment

DOCUMENTS = pd.DataFrame(
    {"doc_id": ["a", "b", "c", "d"], "date": ["2025-03-02", "2025-02-01", "", "2025-02-20"]}
)


def test_documents_order_by_date_then_id_and_group_by_month():
    assert shift.document_periods(DOCUMENTS, "date", "doc")["period"].tolist() == [
        "b",
        "d",
        "a",
        "c",
    ]
    months = shift.document_periods(DOCUMENTS, "date", "month")
    assert months[["doc_id", "period", "rank"]].values.tolist() == [
        ["b", "2025-02", 0],
        ["d", "2025-02", 0],
        ["a", "2025-03", 1],
        ["c", "", -1],
    ]  # fmt: skip  (the undated document has no month)
    assert shift.document_periods(DOCUMENTS, "date", "week")["period"].tolist()[:2] == [
        "2025-W05", "2025-W08"]  # fmt: skip


@pytest.mark.parametrize(
    ("order_by", "period", "message"),
    [("date", "year", "period must be one of"), ("outlet", "doc", "order_by 'outlet' is not")],
)
def test_bad_order_or_period_is_named(order_by, period, message):
    with pytest.raises(shift.ShiftParameterError, match=message):
        shift.document_periods(DOCUMENTS, order_by, period)


def test_unknown_end_period_is_named():
    periods = shift.document_periods(DOCUMENTS)
    assert shift.resolve_ends(periods) == ("b", "c")
    with pytest.raises(shift.ShiftParameterError, match="from_period 'z' is not a period"):
        shift.resolve_ends(periods, "z")


def units(before, after, actor="x", role="portrayal"):
    rows = [("p1", actor, role, v) for v in before] + [("p2", actor, role, v) for v in after]
    return pd.DataFrame(rows, columns=["period", "actor_id", "role", "sentiment"])


def test_a_built_in_shift_is_found():
    table = shift.shifts(
        units([-0.6, -0.5, -0.4, -0.5, -0.6], [0.4, 0.5, 0.6, 0.5, 0.4]), "p1", "p2", 3
    )
    row = table.iloc[0]
    assert row["delta"] == pytest.approx(1.0)
    assert row["ci_low"] > 0.8 and row["ci_high"] < 1.2
    assert row["p_value"] < 0.01
    assert bool(row["ranked"])


def test_a_null_shift_is_not_called_significant():
    rng = np.random.default_rng(1)
    values = rng.normal(0, 0.5, 40)
    row = shift.shifts(units(values[:20], values[20:]), "p1", "p2", 3).iloc[0]
    assert row["p_value"] > 0.05
    assert row["ci_low"] < 0 < row["ci_high"]


def test_thin_cells_are_listed_not_ranked():
    frame = pd.concat(
        [units([0.1, 0.2, 0.3], [0.5, 0.6, 0.7], "big"), units([0.0], [0.9, 0.9, 0.9], "thin")]
    )
    table = shift.shifts(frame, "p1", "p2", min_shift_scores=3)
    assert table["actor_id"].tolist() == ["big", "thin"]  # ranked first, though smaller
    assert table["ranked"].tolist() == [True, False]
    assert np.isnan(table.iloc[1]["p_value"])


def test_evidence_pulls_each_end_and_summary_quotes_it():
    frame = units([-0.6, 0.1, -0.5], [0.2, 0.9, 0.4]).assign(
        doc_id=["1", "1", "1", "2", "2", "2"], where=[f"sentence {i}" for i in range(6)]
    )
    table = shift.shifts(frame, "p1", "p2", 3)
    texts = {("2", "sentence 4"): "X was praised.", ("1", "sentence 0"): "X was blamed."}
    found = shift.evidence(frame, table, texts, per_end=1)
    assert found[["end", "where", "score", "text"]].values.tolist() == [
        ["from", "sentence 0", -0.6, "X was blamed."], ["to", "sentence 4", 0.9, "X was praised."]
    ]  # fmt: skip
    periods = pd.DataFrame({"doc_id": ["1", "2", "3"], "period": ["p1", "p2", ""],
                            "rank": [0, 1, -1]})  # fmt: skip
    result = shift.Shift(
        periods=periods, trajectory=frame, shift=table, evidence=found,
        targets=pd.DataFrame(),
    )  # fmt: skip
    lines = result.summary({"x": "Actor X"})
    assert lines[0] == "From period p1 to period p2:"
    assert lines[1].startswith(
        "Actor X (portrayal) became more positive: -0.33 (n=3) -> +0.50 (n=3)"
    )
    assert 'Example (2): "X was praised."' in lines[1]
    assert lines[-1] == "1 of 3 documents are undated and left out of the periods."
    one = shift.Shift(periods=periods.assign(period="p1", rank=0), trajectory=pd.DataFrame(),
                      shift=table.iloc[:0], evidence=found, targets=pd.DataFrame())  # fmt: skip
    assert one.summary({}) == [
        "Every document in the analysis falls in one period (p1): there is no shift to measure."
    ]
    unmentioned = shift.Shift(periods=periods, trajectory=pd.DataFrame(), shift=table.iloc[:0],
                              evidence=found, targets=pd.DataFrame())  # fmt: skip
    assert unmentioned.summary({})[0].startswith("No actor has a score in any period")


def test_stance_targets_from_topic_words_and_about():
    quotes = pd.DataFrame(
        {
            "doc_id": ["1", "1"],
            "quote_id": ["q1", "q2"],
            "speaker_id": ["a", "a"],
            "text": ["The peace talks went well.", "B is wrong."],
            "about": ["", "b"],
            "sentiment": [0.5, -0.5],
        }  # fmt: skip
    )
    result = Sentiment(pd.DataFrame(), quotes, pd.DataFrame(), pd.DataFrame(), pd.DataFrame())
    periods = pd.DataFrame({"doc_id": ["1"], "period": ["1"], "rank": [0]})
    table = shift.stance_targets(result, periods, {"talks": ["talks", "negotiat*"]})
    assert table.values.tolist() == [["1", "a", "b", 1, -0.5], ["1", "a", "talks", 1, 0.5]]


def test_source_texts_find_sentences_and_quotes():
    sentences = pd.DataFrame(
        {"doc_id": ["1", "1", "2"], "sent_id": [0, 1, 0], "text": ["A.", "B.", "C."]}
    )
    quotes = pd.DataFrame({"doc_id": ["2"], "quote_id": ["2-q0"], "text": ["“Yes.”"]})
    texts = shift.SourceTexts(sentences, quotes)
    assert texts.get(("1", "sentence 1")) == "B."
    assert texts.get(("2", "2-q0")) == "“Yes.”"
    assert texts.get(("2", "sentence 5"), "none") == "none"
