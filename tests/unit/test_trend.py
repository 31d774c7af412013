"""Trend over all periods: a planted slope found, none found at the nominal rate, thin pairs
not tested, one family of q-values with the shifts, the summary's words."""

import numpy as np
import pandas as pd
import pytest

from actorlens.analysis import shift, trend
from actorlens.core import tables
from actorlens.core.tables import SCHEMAS
from actorlens.report import summary


def dated_units(slope, periods=6, docs_per_period=8, scores_per_doc=3, seed=0, actor="x"):
    """Scored units of one actor's portrayal: ``docs_per_period`` documents in each period,
    each with ``scores_per_doc`` scores of ``slope`` x the period's rank plus a document
    effect and noise (fixed seed)."""
    rng = np.random.default_rng(seed)
    rows = []
    for rank in range(periods):
        for d in range(docs_per_period):
            effect = rng.normal(0, 0.1)
            for s in range(scores_per_doc):
                score = slope * rank + effect + rng.normal(0, 0.2)
                rows.append((f"{rank}-{d}", actor, "portrayal", f"sentence {s}", score,
                             f"p{rank}", rank))  # fmt: skip
    return pd.DataFrame(
        rows, columns=["doc_id", "actor_id", "role", "where", "sentiment", "period", "rank"]
    )


@pytest.mark.parametrize("planted", [0.1, -0.1])
def test_a_planted_linear_trend_is_found_with_its_sign_and_interval(planted):
    units = dated_units(planted)
    table = trend.trends(units, min_shift_mentions=20, min_docs=3)
    row = table.iloc[0]
    assert list(table.columns) == SCHEMAS["stance_trend"].names
    assert (row["first_period"], row["last_period"], row["n_periods"], row["n"], row["docs"]) == (
        "p0", "p5", 6, 144, 48)  # fmt: skip
    means = units.groupby("doc_id").agg(rank=("rank", "first"), mean=("sentiment", "mean"))
    assert row["slope"] == round(np.polyfit(means["rank"], means["mean"], 1)[0], 4)
    assert np.sign(row["slope"]) == np.sign(planted)
    assert row["ci_low"] < planted < row["ci_high"] and row["ci_low"] * row["ci_high"] > 0
    # none of 5000 random orderings of the 48 documents is as extreme: two-sided, twice
    # the one-sided (0 + 1) / (5000 + 1)
    assert bool(row["tested"]) and row["p_value"] == round(2 / 5001, 4)
    assert len(trend.called_trends(table)) == 1


def test_trendless_data_is_called_at_about_the_nominal_rate():
    rejected = 0
    for seed in range(100):
        units = dated_units(0.0, periods=4, docs_per_period=3, scores_per_doc=2, seed=seed)
        row = trend.trends(units, min_shift_mentions=10, min_docs=3).iloc[0]
        assert bool(row["tested"])
        rejected += row["p_value"] < 0.05
    assert 1 <= rejected <= 10


def test_a_pair_with_too_few_documents_or_periods_is_not_tested():
    thin = dated_units(0.3, periods=3, docs_per_period=1, scores_per_doc=30, actor="thin")
    short = dated_units(0.3, periods=2, docs_per_period=8, actor="short")
    table = trend.trends(pd.concat([thin, short]), min_shift_mentions=20, min_docs=3)
    # thin: 90 scores but 3 documents (a test needs 2 x min_docs = 6); short: two periods
    assert table["actor_id"].tolist() == ["thin"]
    row = table.iloc[0]
    assert (bool(row["tested"]), row["docs"], row["n"]) == (False, 3, 90)
    means = thin.groupby("doc_id").agg(rank=("rank", "first"), mean=("sentiment", "mean"))
    assert row["slope"] == round(np.polyfit(means["rank"], means["mean"], 1)[0], 4)  # described,
    assert row[["ci_low", "ci_high", "p_value", "q_value"]].isna().all()  # with no interval
    assert trend.called_trends(table).empty


def test_no_trend_below_three_periods_and_an_empty_table_keeps_its_schema():
    table = trend.trends(dated_units(0.1, periods=2), min_shift_mentions=20, min_docs=3)
    assert table.empty and list(table.columns) == SCHEMAS["stance_trend"].names


def test_shift_and_trend_tests_are_one_family_of_q_values():
    shifts = pd.DataFrame({"actor_id": ["a", "b"], "p_value": [0.01, 0.04], "q_value": 0.0})
    trends = pd.DataFrame({"actor_id": ["a", "c"], "p_value": [0.03, np.nan], "q_value": 0.0})
    shifts, trends = trend.corrected(shifts, trends)
    # Benjamini-Hochberg over three tests: 0.01 x 3 / 1, min(0.03 x 3 / 2, 0.04 x 3 / 3)
    assert shifts["q_value"].tolist() == [0.03, 0.04]
    assert trends["q_value"].tolist()[0] == 0.04 and np.isnan(trends["q_value"].iloc[1])


def trend_row(actor, slope, ci, q, tested=True, docs=12):
    return [actor, "portrayal", "p0", "p5", 6, 40, docs, slope, *ci, q, q, tested]


def test_the_summary_reports_a_called_trend_and_no_clear_trend_with_its_documents():
    table = pd.DataFrame([trend_row("a", 0.1, (-0.02, 0.2), 0.3, docs=30),
                          trend_row("b", -0.12, (-0.2, -0.05), 0.01),
                          trend_row("c", 0.5, (0.1, 0.9), np.nan, tested=False, docs=5)],
                         columns=SCHEMAS["stance_trend"].names)  # fmt: skip
    lines = summary.trend_lines(table, {"b": "Bee"})
    assert lines == [
        "Trend over all periods (change in the score per period, documents as the unit):",
        "Bee (portrayal) fell by -0.120 per period (12 documents in 6 periods from p0 to p5, "
        "n=40), 95% CI [-0.200, -0.050] over documents, permutation p=0.010, q=0.010.",
        "a (portrayal): no clear trend (30 documents in 6 periods from p0 to p5, n=40): "
        "slope +0.100 per period, 95% CI [-0.020, +0.200] over documents, q=0.300.",
        "c (portrayal): no clear trend, too few documents to test (5 documents in 6 periods "
        "from p0 to p5, n=40).",
    ]
    assert summary.trend_lines(table.iloc[:0], {}) == []


def test_the_findings_end_with_the_trend_before_the_coverage():
    periods = pd.DataFrame({"doc_id": ["d0", "d1", "d2", "d3"], "period": ["p0", "p1", "p2", ""],
                            "rank": [0, 1, 2, -1]})  # fmt: skip
    table = pd.DataFrame([trend_row("a", 0.5, (np.nan, np.nan), np.nan, tested=False, docs=3)],
                         columns=SCHEMAS["stance_trend"].names)  # fmt: skip
    result = shift.Shift(periods=periods, trajectory=pd.DataFrame({"n": [1]}),
                         shift=tables.frame("stance_shift"), evidence=tables.frame("shift_evidence"),
                         stance=pd.DataFrame(), trend=table)  # fmt: skip
    assert summary.findings(result, {"a": "Actor A"}) == [
        "No actor has scores in both the first and the last period.",
        "Trend over all periods (change in the score per period, documents as the unit):",
        "Actor A (portrayal): no clear trend, too few documents to test (3 documents in 6 "
        "periods from p0 to p5, n=40).",
        "1 of 4 documents are undated and left out of the periods.",
    ]
