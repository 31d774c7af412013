"""Resampling: fixed bootstrap intervals, grouped as one at a time, thin cells marked;
differences between periods with clusters as the unit, checked on simulated clustered data
with a known truth; Benjamini-Hochberg q-values by hand."""

import numpy as np
import pandas as pd
import pytest

from actorlens.analysis import resampling


def test_bootstrap_interval_is_fixed_and_brackets_the_mean():
    values = [-1.0, 0.0, 0.0, 1.0, 1.0]
    (low, high), alone = resampling.bootstrap_intervals([values, [0.5]])
    assert (low, high) == tuple(resampling.bootstrap_intervals([values])[0])
    assert low < np.mean(values) < high
    assert np.isnan(alone).all()


def test_grouped_intervals_equal_one_group_at_a_time():
    rng = np.random.default_rng(3)
    groups = [rng.normal(size=n) for n in (1, 2, 5, 5, 40, 5, 300)]
    # a tiny chunk forces several chunks per size
    grouped = resampling.bootstrap_intervals(groups, cells=1000)
    for values, (low, high) in zip(groups[1:], grouped[1:], strict=True):
        assert (low, high) == tuple(resampling.bootstrap_intervals([values])[0])
    assert np.isnan(grouped[0]).all()


def test_summary_marks_thin_cells():
    frame = pd.DataFrame({"actor_id": ["a", "a", "a", "b"], "sentiment": [0.2, 0.4, 0.6, -1.0]})
    table = resampling.summarise(frame, ["actor_id"], "sentiment", min_cell_scores=3)
    assert table[["actor_id", "n", "mean", "thin"]].values.tolist() == [
        ["a", 3, 0.4, False],
        ["b", 1, -1.0, True],
    ]


def clustered_side(rng, n_docs: int, shift: float):
    """Scores with a document effect and a sentence effect shared by their mentions
    (1-3 mentions per sentence, 2-6 sentences per document), centred on ``shift``."""
    scores, docs = [], []
    for doc in range(n_docs):
        doc_effect = rng.normal(0, 0.3)
        for _ in range(rng.integers(2, 7)):
            sentence_effect, k = rng.normal(0, 0.2), rng.integers(1, 4)
            scores.extend(shift + doc_effect + sentence_effect + rng.normal(0, 0.3, k))
            docs.extend([doc] * k)
    return np.array(scores), np.array(docs)


def simulate(true_difference: float, n: int = 400, n_docs: int = 30, seed: int = 0):
    """Coverage of the 95 % interval and the share of p < 0.05 over ``n`` datasets."""
    rng = np.random.default_rng(seed)
    covered = rejected = 0
    for i in range(n):
        before, after = (
            clustered_side(rng, n_docs, 0.0),
            clustered_side(rng, n_docs, true_difference),
        )
        _, low, high, p_value = resampling.clustered_difference(
            before, after, samples=999, permutations=999, seed=i
        )
        covered += low <= true_difference <= high
        rejected += p_value < 0.05
    return covered / n, rejected / n


def test_clustered_intervals_cover_and_the_null_is_rarely_rejected():
    coverage, rejected = simulate(0.0)
    assert 0.93 <= coverage <= 0.97
    assert rejected <= 0.06
    coverage, rejected = simulate(0.3, seed=1)
    assert 0.93 <= coverage <= 0.97
    assert rejected >= 0.8  # and a real difference is found


def test_treating_mentions_as_independent_would_undercover():
    # the same clustered data with every mention its own cluster: intervals too narrow
    rng = np.random.default_rng(2)
    covered = 0
    for i in range(200):
        (b, _), (a, _) = clustered_side(rng, 30, 0.0), clustered_side(rng, 30, 0.0)
        _, low, high, _ = resampling.clustered_difference(
            (b, np.arange(len(b))), (a, np.arange(len(a))), test=False, samples=999, seed=i
        )
        covered += low <= 0 <= high
    assert covered / 200 < 0.85


def test_the_interval_is_95_percent_and_the_p_value_two_sided():
    before = (np.array([0.0, 0.1, 0.2, 0.1, 0.0, 0.3]), np.array([0, 0, 1, 1, 2, 2]))
    after = (np.array([0.4, 0.3, 0.5, 0.2, 0.6, 0.4]), np.array([0, 0, 1, 1, 2, 2]))
    delta, low, high, p_value = resampling.clustered_difference(before, after)
    assert delta == pytest.approx(2.4 / 6 - 0.7 / 6)
    # three documents a side: 20 ways to split six documents, exactly enumerated; the
    # observed split is the most extreme of them, in each direction: p = 2 / 20
    assert p_value == pytest.approx(0.1)
    wider = resampling.clustered_difference(before, after, level=0.99)
    narrower = resampling.clustered_difference(before, after, level=0.90)
    assert wider[1] < low < narrower[1] and narrower[2] < high < wider[2]


def test_fewer_than_two_clusters_give_no_interval_and_no_test():
    delta, low, high, p_value = resampling.clustered_difference(
        (np.array([0.1, 0.3]), np.array(["a", "a"])), (np.array([0.5]), np.array(["b"]))
    )
    assert delta == pytest.approx(0.3) and np.isnan([low, high, p_value]).all()


def test_benjamini_hochberg_q_values_by_hand():
    # sorted p 0.01, 0.02, 0.03, 0.04 of m = 5 tests: p * m / rank = 0.05, 0.05, 0.05, 0.05;
    # the fifth 0.5 * 5 / 5 = 0.5; untested pairs stay NaN
    q = resampling.q_values([0.04, 0.01, np.nan, 0.5, 0.03, 0.02])
    assert q[[0, 1, 3, 4, 5]] == pytest.approx([0.05, 0.05, 0.5, 0.05, 0.05])
    assert np.isnan(q[2])
