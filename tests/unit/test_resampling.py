"""Resampling: fixed bootstrap intervals, grouped as one at a time, thin cells marked;
the difference test fixed by its seed."""

import numpy as np
import pandas as pd

from actorlens import resampling


def test_bootstrap_interval_is_fixed_and_brackets_the_mean():
    values = [-1.0, 0.0, 0.0, 1.0, 1.0]
    low, high = resampling.bootstrap_ci(values)
    assert (low, high) == resampling.bootstrap_ci(values)
    assert low < np.mean(values) < high
    assert np.isnan(resampling.bootstrap_ci([0.5])[0])


def test_grouped_intervals_equal_one_group_at_a_time():
    rng = np.random.default_rng(3)
    groups = [rng.normal(size=n) for n in (1, 2, 5, 5, 40, 5, 300)]
    # a tiny chunk forces several chunks per size
    grouped = resampling.bootstrap_intervals(groups, cells=1000)
    for values, (low, high) in zip(groups[1:], grouped[1:], strict=True):
        assert (low, high) == resampling.bootstrap_ci(values)
    assert np.isnan(grouped[0]).all()


def test_summary_marks_thin_cells():
    frame = pd.DataFrame({"actor_id": ["a", "a", "a", "b"], "sentiment": [0.2, 0.4, 0.6, -1.0]})
    table = resampling.summarise(frame, ["actor_id"], "sentiment", min_cell_scores=3)
    assert table[["actor_id", "n", "mean", "thin"]].values.tolist() == [
        ["a", 3, 0.4, False],
        ["b", 1, -1.0, True],
    ]


def test_permutation_test_is_fixed():
    assert resampling.difference_test([0, 0.2, 0.1], [0.3, 0.5, 0.4]) == resampling.difference_test(
        [0, 0.2, 0.1], [0.3, 0.5, 0.4])  # fmt: skip
