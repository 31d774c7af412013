"""Trend: how each actor's score moves over all the periods, beside the first-to-last shift.

Documents are the unit of evidence: each document gives one point, the mean of its scores
for the actor and role, placed at its period's rank (0, 1, 2, ... over the corpus's
periods). The trend is the least-squares slope of these points: the change in the score per
period. For a tested pair, its 95 % interval is a percentile bootstrap that resamples
documents, and its test a two-sided permutation of the period ranks of whole documents
(fixed seeds, as for the shift). A pair gets a row with scores in at least ``MIN_PERIODS`` periods; it is tested with at
least twice ``min_docs`` documents and twice ``min_shift_mentions`` scores over all periods,
the least a tested first-to-last shift rests on at its two ends together. The trend tests
and the shift tests are one family: :func:`corrected` gives both their Benjamini-Hochberg
q-values.
"""

import numpy as np
import pandas as pd
from scipy import stats

from actorlens.analysis.resampling import (
    BOOTSTRAP_SAMPLES,
    BOOTSTRAP_SEED,
    LEVEL,
    PERMUTATIONS,
    q_values,
)
from actorlens.core.engine import Engine
from actorlens.core.tables import SCHEMAS, frame

MIN_PERIODS = 3
DRAWS_PER_CHUNK = 100


def slope(x: np.ndarray, y: np.ndarray, axis: int = -1) -> np.ndarray:
    """The least-squares slope of ``y`` on ``x`` along ``axis``; NaN where ``x`` has no spread."""
    x_centred = x - x.mean(axis, keepdims=True)
    y_centred = y - y.mean(axis, keepdims=True)
    spread = (x_centred**2).sum(axis)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(spread > 0, (x_centred * y_centred).sum(axis) / spread, np.nan)


def document_points(units: pd.DataFrame) -> pd.DataFrame:
    """One row per actor, role and document: its period, the period's rank, the mean of its
    scores and how many there are."""
    scored = units.dropna(subset=["sentiment"]).astype({"sentiment": "float64"})
    return (
        scored.groupby(["actor_id", "role", "doc_id"], sort=True)
        .agg(rank=("rank", "first"), period=("period", "first"),
             mean=("sentiment", "mean"), n=("sentiment", "size"))
        .reset_index()
    )  # fmt: skip


def trend_test(
    ranks: np.ndarray,
    means: np.ndarray,
    test: bool = True,
    samples: int = BOOTSTRAP_SAMPLES,
    permutations: int = PERMUTATIONS,
    seed: int = BOOTSTRAP_SEED,
    level: float = LEVEL,
) -> tuple[float, float, float, float]:
    """Slope of the document ``means`` on their period ``ranks`` and, with ``test``, its
    ``level`` percentile interval over resampled documents (resamples whose documents share
    one period have no slope and are left out) and the two-sided p-value of a permutation of
    the ranks among the documents (scipy.stats.permutation_test; exact when there are fewer
    orderings than ``permutations``); NaN where it cannot be had."""
    ranks, means = np.asarray(ranks, float), np.asarray(means, float)
    found = float(slope(ranks, means))
    if not test:
        return found, float("nan"), float("nan"), float("nan")
    rng = np.random.default_rng(seed)
    drawn = []
    for done in range(0, samples, DRAWS_PER_CHUNK):
        index = rng.integers(0, len(ranks), (min(DRAWS_PER_CHUNK, samples - done), len(ranks)))
        drawn.append(slope(ranks[index], means[index]))
    slopes = np.concatenate(drawn)
    slopes = slopes[np.isfinite(slopes)]
    low = high = p_value = float("nan")
    if len(slopes):
        low, high = np.percentile(slopes, [50 * (1 - level), 50 * (1 + level)])
    if np.isfinite(found):
        p_value = stats.permutation_test(
            (ranks,), lambda x, axis=-1: slope(x, means, axis), permutation_type="pairings",
            n_resamples=permutations, vectorized=True, alternative="two-sided",
            random_state=np.random.default_rng(seed),
        ).pvalue  # fmt: skip
    return found, float(low), float(high), float(p_value)


def trend_batch(batch: list[tuple]) -> list[tuple]:
    """:func:`trend_test` of each (ranks, means, test) item of a batch."""
    return [trend_test(ranks, means, test) for ranks, means, test in batch]


def trends(units: pd.DataFrame, min_shift_mentions: int, min_docs: int,
           engine: Engine | None = None) -> pd.DataFrame:  # fmt: skip
    """One row per actor and role with scores in at least ``MIN_PERIODS`` periods: the
    slope per period over its documents and, when tested, its interval, permutation
    p-value and a q-value among the trends alone (:func:`corrected` makes it one with the
    shifts'). Tested pairs first, then by the size of the slope; the resampling runs on
    ``engine``."""
    rows, items = [], []
    for (actor_id, role), points in document_points(units).groupby(["actor_id", "role"]):
        if points["rank"].nunique() < MIN_PERIODS:
            continue
        points = points.sort_values(["rank", "doc_id"])
        n, docs = int(points["n"].sum()), len(points)
        tested = docs >= 2 * min_docs and n >= 2 * min_shift_mentions
        items.append((points["rank"].to_numpy(float), points["mean"].to_numpy(float), tested))
        rows.append([actor_id, role, points["period"].iloc[0], points["period"].iloc[-1],
                     points["rank"].nunique(), n, docs, tested])  # fmt: skip
    found = (engine or Engine()).map(trend_batch, items, batch=1,
                                     costs=[len(ranks) for ranks, _, _ in items])  # fmt: skip
    described = frame("stance_trend", rows, ["actor_id", "role", "first_period", "last_period",
                                             "n_periods", "n", "docs", "tested"])  # fmt: skip
    tests = pd.DataFrame(found, columns=["slope", "ci_low", "ci_high", "p_value"], dtype=float)
    table = pd.concat([described, tests], axis=1)
    table["q_value"] = q_values(table["p_value"])
    rounded = ["slope", "ci_low", "ci_high", "p_value", "q_value"]
    table[rounded] = table[rounded].astype(float).round(4)
    order = table.assign(size=-table["slope"].abs(), untested=~table["tested"].astype(bool))
    columns = SCHEMAS["stance_trend"].names
    return order.sort_values(["untested", "size", "actor_id", "role"])[columns].reset_index(
        drop=True
    )


def corrected(shift_table: pd.DataFrame, trend_table: pd.DataFrame):
    """The shift and trend tables with Benjamini-Hochberg q-values over the tests of both
    (one family), from their p-values as written."""
    found = q_values(pd.concat([shift_table["p_value"], trend_table["p_value"]])).round(4)
    return (shift_table.assign(q_value=found[: len(shift_table)]),
            trend_table.assign(q_value=found[len(shift_table) :]))  # fmt: skip


def called_trends(trend_table: pd.DataFrame, level: float = 0.05) -> pd.DataFrame:
    """The trends a reader may be told of: tested, q-value below ``level`` and an interval
    that excludes zero."""
    table = trend_table
    excludes = (table["ci_low"] > 0) | (table["ci_high"] < 0)
    return table[table["tested"] & (table["q_value"] < level) & excludes]
