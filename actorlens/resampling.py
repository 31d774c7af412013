"""Resampling statistics with fixed seeds: bootstrap intervals of means (groups of one
size share their resamples, chunks run on an engine), and the bootstrap interval and
permutation p-value of a difference of means."""

from functools import partial

import numpy as np
import pandas as pd

from actorlens.engine import Engine

BOOTSTRAP_SAMPLES = 2000
BOOTSTRAP_SEED = 0
PERMUTATIONS = 5000


def bootstrap_ci(values, samples: int = BOOTSTRAP_SAMPLES, seed: int = BOOTSTRAP_SEED):
    """95 % percentile bootstrap interval of the mean (NaN below two values)."""
    values = np.asarray(values, dtype=float)
    if len(values) < 2:
        return float("nan"), float("nan")
    means = resampled_means(values, samples, np.random.default_rng(seed))
    return float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5))


def resampled_means(values: np.ndarray, samples: int, rng, block: int = 100) -> np.ndarray:
    """Means of ``samples`` resamples with replacement, drawn ``block`` at a time so
    memory stays small for large groups."""
    means = [
        values[rng.integers(0, len(values), (min(block, samples - done), len(values)))].mean(axis=1)
        for done in range(0, samples, block)
    ]
    return np.concatenate(means)


def bootstrap_intervals(
    groups: list[np.ndarray],
    samples: int = BOOTSTRAP_SAMPLES,
    seed: int = BOOTSTRAP_SEED,
    cells: int = 4_000_000,
    engine: Engine | None = None,
) -> np.ndarray:
    """:func:`bootstrap_ci` of every group, as an (n_groups, 2) array.

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
    grouped = frame.dropna(subset=[value]).groupby(keys, sort=True)[value]
    table = grouped.agg(n="size", mean="mean").reset_index()
    intervals = bootstrap_intervals([group.to_numpy() for _, group in grouped], engine=engine)
    table["ci_low"], table["ci_high"] = intervals[:, 0], intervals[:, 1]
    table[["mean", "ci_low", "ci_high"]] = table[["mean", "ci_low", "ci_high"]].round(4)
    table["thin"] = table["n"] < min_cell_scores
    return table[[*keys, "n", "mean", "ci_low", "ci_high", "thin"]]


def difference_test(before, after, samples: int = BOOTSTRAP_SAMPLES,
                    permutations: int = PERMUTATIONS, seed: int = BOOTSTRAP_SEED):  # fmt: skip
    """Delta of means (after - before), its 95 % bootstrap interval and the two-sided
    permutation p-value, both with a fixed seed."""
    before, after = np.asarray(before, float), np.asarray(after, float)
    delta = after.mean() - before.mean()
    rng = np.random.default_rng(seed)
    boot = resampled_means(after, samples, rng) - resampled_means(before, samples, rng)
    pooled = np.concatenate([before, after])
    null = np.empty(permutations)
    for i in range(permutations):
        shuffled = rng.permutation(pooled)
        null[i] = shuffled[len(before) :].mean() - shuffled[: len(before)].mean()
    p_value = (np.sum(np.abs(null) >= abs(delta) - 1e-12) + 1) / (permutations + 1)
    low, high = np.percentile(boot, [2.5, 97.5])
    return float(delta), float(low), float(high), float(p_value)


def _test_batch(batch: list[tuple[np.ndarray, np.ndarray]]) -> list[tuple]:
    """:func:`difference_test` of each (before, after) pair of a batch."""
    return [difference_test(before, after) for before, after in batch]
