"""Resampling statistics with fixed seeds: bootstrap intervals of means (groups of one
size share their resamples, chunks run on an engine); for a difference between two
periods, intervals and permutation p-values that draw whole clusters (documents, or
sentences), and Benjamini-Hochberg q-values across the tests."""

import warnings
from functools import partial

import numpy as np
import pandas as pd
from scipy import stats

from actorlens.core.engine import Engine

BOOTSTRAP_SAMPLES = 2000
BOOTSTRAP_SEED = 0
PERMUTATIONS = 5000
LEVEL = 0.95


def bootstrap_intervals(
    groups: list[np.ndarray],
    samples: int = BOOTSTRAP_SAMPLES,
    seed: int = BOOTSTRAP_SEED,
    cells: int = 4_000_000,
    engine: Engine | None = None,
) -> np.ndarray:
    """The 95 % percentile bootstrap interval of the mean of every group (NaN below two
    values), as an (n_groups, 2) array.

    A group's resamples depend only on its size (a fresh generator per group), so the
    groups of one size share one set of resampled indices, applied to all of them at
    once in chunks of about ``cells`` values (drawn values and kept means). The chunks
    run on ``engine`` in batches of about equal cost; the intervals do not depend on where."""
    intervals = np.full((len(groups), 2), np.nan)
    by_size: dict[int, list[int]] = {}
    for index, values in enumerate(groups):
        by_size.setdefault(len(values), []).append(index)
    chunks = []
    for size, members in by_size.items():
        if size < 2:
            continue
        step = max(1, cells // (100 * size + samples))  # draws, and the means kept
        chunks.extend(members[first : first + step] for first in range(0, len(members), step))
    stacked = [np.stack([np.asarray(groups[i], dtype=float) for i in rows]) for rows in chunks]
    found = (engine or Engine()).map(partial(_interval_batch, samples, seed), stacked, batch=1,
                                     costs=[values.size for values in stacked])  # fmt: skip
    for rows, chunk_intervals in zip(chunks, found, strict=True):
        intervals[rows] = chunk_intervals
    return intervals


def _interval_batch(samples: int, seed: int, batch: list[np.ndarray]) -> list[np.ndarray]:
    """Bootstrap intervals of each (groups x size) array of a batch: one set of resampled
    indices per array, from a fresh generator (the same draws for every array of a size)."""
    found = []
    for values in batch:
        size = values.shape[1]
        rng = np.random.default_rng(seed)
        means = np.concatenate(
            [
                values[:, rng.integers(0, size, (min(100, samples - done), size))].mean(axis=2)
                for done in range(0, samples, 100)
            ],
            axis=1,
        )
        found.append(np.percentile(means, [2.5, 97.5], axis=1).T)
    return found


def summarise(
    frame: pd.DataFrame, keys: list[str], value: str, min_cell_scores: int, engine=None
) -> pd.DataFrame:
    """n, mean and bootstrap interval of ``value`` per ``keys`` group; ``thin`` below
    ``min_cell_scores``. The intervals are computed on ``engine``."""
    scored = frame.dropna(subset=[value]).astype({value: "float64"})  # a float mean, even of none
    grouped = scored.groupby(keys, sort=True)[value]
    table = grouped.agg(n="size", mean="mean").reset_index()
    intervals = bootstrap_intervals([group.to_numpy() for _, group in grouped], engine=engine)
    table["ci_low"], table["ci_high"] = intervals[:, 0], intervals[:, 1]
    table[["mean", "ci_low", "ci_high"]] = table[["mean", "ci_low", "ci_high"]].round(4)
    table["thin"] = table["n"] < min_cell_scores
    return table[[*keys, "n", "mean", "ci_low", "ci_high", "thin"]]


def cluster_totals(scores, clusters) -> tuple[np.ndarray, np.ndarray]:
    """Per cluster (a document, or a sentence) the sum and the number of its scores."""
    codes, index = np.unique(np.asarray(clusters), return_inverse=True)
    sums = np.bincount(index, weights=np.asarray(scores, float), minlength=len(codes))
    return sums, np.bincount(index, minlength=len(codes)).astype(float)


def clustered_difference(
    before: tuple[np.ndarray, np.ndarray],
    after: tuple[np.ndarray, np.ndarray],
    test: bool = True,
    samples: int = BOOTSTRAP_SAMPLES,
    permutations: int = PERMUTATIONS,
    seed: int = BOOTSTRAP_SEED,
    level: float = LEVEL,
) -> tuple[float, float, float, float]:
    """Difference of the mean score after minus before, where each side is (scores,
    cluster labels) and clusters (documents, or sentences) are the unit that is drawn:
    the ``level`` BCa bootstrap interval resamples clusters within each side, and the
    two-sided permutation p-value (NaN unless ``test``) moves whole clusters between the
    sides (scipy.stats.bootstrap and permutation_test, fixed seed). The interval is NaN
    with fewer than two clusters on a side."""
    sums_b, counts_b = cluster_totals(*before)
    sums_a, counts_a = cluster_totals(*after)
    sums, counts = np.concatenate([sums_b, sums_a]), np.concatenate([counts_b, counts_a])
    first, second = np.arange(len(sums_b)), np.arange(len(sums_b), len(sums))

    def statistic(b, a, axis=-1):
        return sums[a].sum(axis) / counts[a].sum(axis) - sums[b].sum(axis) / counts[b].sum(axis)

    delta = float(statistic(first, second))
    low = high = p_value = float("nan")
    if min(len(sums_b), len(sums_a)) >= 2:
        with np.errstate(invalid="ignore", divide="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # BCa on near-constant data: NaN, handled below
            found = stats.bootstrap((first, second), statistic, n_resamples=samples,
                                    confidence_level=level, method="BCa", vectorized=True,
                                    random_state=np.random.default_rng(seed))  # fmt: skip
        low, high = found.confidence_interval
        if not (np.isfinite(low) and np.isfinite(high)):  # degenerate: the percentile one
            low, high = np.percentile(found.bootstrap_distribution,
                                      [50 * (1 - level), 50 * (1 + level)])  # fmt: skip
    if test and min(len(sums_b), len(sums_a)) >= 2:
        found = stats.permutation_test((first, second), statistic, permutation_type="independent",
                                       n_resamples=permutations, vectorized=True,
                                       alternative="two-sided",
                                       random_state=np.random.default_rng(seed))  # fmt: skip
        p_value = float(found.pvalue)
    return delta, float(low), float(high), p_value


def permutation_batch(batch: list[tuple]) -> list[tuple]:
    """:func:`clustered_difference` of each (before, after, test) item of a batch."""
    return [clustered_difference(before, after, test) for before, after, test in batch]


def q_values(p_values) -> np.ndarray:
    """Benjamini-Hochberg q-values of ``p_values`` (NaN entries are not tests)."""
    p_values = np.asarray(p_values, dtype=float)
    out = np.full(len(p_values), np.nan)
    tested = ~np.isnan(p_values)
    if tested.any():
        out[tested] = stats.false_discovery_control(p_values[tested], method="bh")
    return out
