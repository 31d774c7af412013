"""Stance shift: periods, a built-in shift found, a null shift not called, thin cells not ranked."""

import numpy as np
import pandas as pd
import pytest

from actorlens.analysis import shift
from actorlens.core.tables import score_columns
from actorlens.report import summary

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


def units(before, after, actor="x", role="portrayal", docs_per_end=1, scorers=None):
    """Scores of one actor and role at two ends, spread over ``docs_per_end`` documents
    each (one sentence per score); every scorer gives the same score unless ``scorers``
    says otherwise (column -> (before, after))."""
    rows = []
    for period, values, offset in (("p1", before, 0), ("p2", after, 1000)):
        for i, value in enumerate(values):
            doc = f"{offset + i % docs_per_end}"
            rows.append((period, doc, f"sentence {i}", actor, role, value))
    frame = pd.DataFrame(
        rows, columns=["period", "doc_id", "where", "actor_id", "role", "sentiment"]
    )
    for column in score_columns():
        frame[column] = frame["sentiment"]
    for column, (b, a) in (scorers or {}).items():
        frame[column] = [*b, *a]
    return frame


def test_a_built_in_shift_over_documents_is_tested_and_called():
    before, after = [-0.6, -0.5, -0.4, -0.5, -0.6] * 5, [0.4, 0.5, 0.6, 0.5, 0.4] * 5
    table = shift.shifts(units(before, after, docs_per_end=5), "p1", "p2", 20, 3)
    row = table.iloc[0]
    assert row["delta"] == pytest.approx(1.0)
    assert (row["unit"], bool(row["tested"]), row["docs_from"], row["docs_to"]) == (
        "documents", True, 5, 5)  # fmt: skip
    assert row["ci_low"] > 0.8 and row["ci_high"] < 1.2
    # 5 documents a side: 252 splits, exactly enumerated; two are as extreme
    assert row["p_value"] == round(2 / 252, 4) and row["q_value"] == row["p_value"]
    assert len(shift.called_shifts(table)) == 1


def test_one_article_at_each_end_is_described_over_sentences_and_not_tested():
    table = shift.shifts(units([-0.5] * 30, [0.5] * 30), "p1", "p2", 20, 3)
    row = table.iloc[0]
    assert (row["unit"], bool(row["tested"])) == ("sentences", False)
    assert np.isnan(row["p_value"]) and np.isnan(row["q_value"])
    assert shift.called_shifts(table).empty


def test_a_shift_the_scorers_disagree_on_is_not_called():
    before, after = [-0.5] * 25, [0.5] * 25
    flipped = {"score_vader": ([0.5] * 25, [-0.5] * 25)}
    table = shift.shifts(units(before, after, docs_per_end=5, scorers=flipped), "p1", "p2", 20, 3)
    assert not table.iloc[0]["same_sign"]
    assert shift.called_shifts(table).empty
    periods = pd.DataFrame({"doc_id": ["0", "1000"], "period": ["p1", "p2"], "rank": [0, 1]})
    result = shift.Shift(periods=periods, trajectory=table, shift=table, evidence=table.iloc[:0],
                         stance=pd.DataFrame())  # fmt: skip
    lines = summary.findings(result, {})
    assert lines[1] == (
        "No shift is clear at this sample size: of 1 tested actor-role pair, none has a q-value "
        "below 0.05, an interval that excludes zero and the same sign under every scorer."
    )


def test_a_null_shift_is_not_called():
    rng = np.random.default_rng(1)
    values = rng.normal(0, 0.5, 60)
    row = shift.shifts(units(values[:30], values[30:], docs_per_end=6), "p1", "p2", 20, 3).iloc[0]
    assert row["p_value"] > 0.05
    assert row["ci_low"] < 0 < row["ci_high"]


def test_tested_pairs_come_first_and_share_their_q_values():
    frame = pd.concat(
        [units([0.1] * 10 + [0.2] * 10, [0.5] * 20, "big", docs_per_end=4),
         units([0.0] * 20, [0.9] * 20, "few docs", docs_per_end=2),
         units([0.0] * 5, [0.9] * 5, "thin", docs_per_end=5)]
    )  # fmt: skip
    table = shift.shifts(frame, "p1", "p2", min_shift_mentions=20, min_docs=3)
    assert table["actor_id"].tolist() == ["big", "few docs", "thin"]  # tested first, though smaller
    assert table["tested"].tolist() == [True, False, False]
    assert table["unit"].tolist() == ["documents", "sentences", "documents"]


def test_evidence_pulls_each_end_and_summary_quotes_it():
    frame = units([-0.6, 0.1, -0.5] * 8, [0.2, 0.9, 0.4] * 8, docs_per_end=5)
    table = shift.shifts(frame, "p1", "p2", 20, 3)
    texts = {("1001", "sentence 1"): "X was praised.", ("0", "sentence 0"): "X was blamed."}
    found = shift.evidence(frame, table, texts, per_end=1)
    assert found[["end", "doc_id", "where", "score", "text"]].values.tolist() == [
        ["from", "0", "sentence 0", -0.6, "X was blamed."],
        ["to", "1001", "sentence 1", 0.9, "X was praised."],
    ]  # fmt: skip
    docs = sorted(set(frame["doc_id"]))
    periods = pd.DataFrame({"doc_id": [*docs, "x"], "period": [*frame.drop_duplicates("doc_id")
                            .set_index("doc_id").loc[docs, "period"], ""],
                            "rank": [0] * 5 + [1] * 5 + [-1]})  # fmt: skip
    result = shift.Shift(periods=periods, trajectory=frame, shift=table, evidence=found,
                         stance=pd.DataFrame())  # fmt: skip
    lines = summary.findings(result, {"x": "Actor X"})
    assert lines[0] == "From period p1 (5 documents) to period p2 (5 documents):"
    assert lines[1] == (
        "Actor X (portrayal) became more positive: -0.33 (n=24, 5 documents) -> +0.50 (n=24, "
        "5 documents), delta +0.83, 95% CI [+0.74, +0.92] over documents, permutation "
        'p=0.008, q=0.008; the same sign under every scorer. Example (1001): "X was praised."'
    )
    assert lines[-1] == "1 of 11 documents are undated and left out of the periods."
    # one article at each end: nothing is called, the difference is described as such
    single = units([-0.6, 0.1, -0.5] * 8, [0.2, 0.9, 0.4] * 8)
    described = summary.findings(shift.Shift(periods=periods, trajectory=single,
                                 shift=shift.shifts(single, "p1", "p2", 20, 3), evidence=found,
                                 stance=pd.DataFrame()), {"x": "Actor X"})  # fmt: skip
    assert described[1].startswith("No shift can be tested")
    assert described[2:4] == [
        "Differences with the most evidence at both ends (documents, then scores), descriptive "
        "only:",
        "Actor X (portrayal): -0.33 (n=24, 1 document) -> +0.50 (n=24, 1 document), "
        "delta +0.83, 95% CI [+0.66, +1.00] over sentences, between these articles only, "
        "not tested.",
    ]
    one = shift.Shift(periods=periods.assign(period="p1", rank=0), trajectory=pd.DataFrame(),
                      shift=table.iloc[:0], evidence=found, stance=pd.DataFrame())  # fmt: skip
    assert summary.findings(one, {}) == [
        "Every document in the analysis falls in one period (p1): there is no shift to measure."
    ]
    unmentioned = shift.Shift(periods=periods, trajectory=pd.DataFrame(), shift=table.iloc[:0],
                              evidence=found, stance=pd.DataFrame())  # fmt: skip
    assert summary.findings(unmentioned, {})[0].startswith("No actor has a score in any period")


def test_source_texts_find_sentences_and_quotes():
    sentences = pd.DataFrame(
        {"doc_id": ["1", "1", "2"], "sent_id": [0, 1, 0], "text": ["A.", "B.", "C."]}
    )
    quotes = pd.DataFrame({"doc_id": ["2"], "attr_id": ["2-q0"], "text": ["“Yes.”"]})
    texts = shift.SourceTexts(sentences, quotes)
    assert texts.get(("1", "sentence 1")) == "B."
    assert texts.get(("2", "2-q0")) == "“Yes.”"
    assert texts.get(("2", "sentence 5"), "none") == "none"


def test_trajectory_cells_say_what_they_rest_on():
    frame = pd.DataFrame({
        "rank": [0, 0, 0, 0], "period": ["p1"] * 4, "actor_id": ["x"] * 4,
        "role": ["portrayal"] * 4, "doc_id": ["0", "0", "1", "1"],
        "where": ["sentence 0", "sentence 0", "sentence 2", "sentence 3"],
        "sentiment": [-0.5, 0.0, 0.5, 0.6],
    })  # fmt: skip
    row = shift.trajectory(frame, 3).iloc[0]
    assert (row["n"], row["n_sentences"], row["n_documents"]) == (4, 3, 2)
    assert (row["share_negative"], row["share_positive"], row["net_tone"]) == (0.25, 0.5, 0.25)
    assert row["mean"] == pytest.approx(0.15)
