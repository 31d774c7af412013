"""The Dask engine writes the same tables as the local engine."""

import pickle
import time

import pandas as pd
import pytest

from actorlens.analysis import sentiment, shift
from actorlens.core import config
from actorlens.core.engine import QUIET_CLUSTER, Engine, EngineError, apply_pickled, balanced_groups
from actorlens.corpus.actors import load_actors
from actorlens.corpus.ingest import ingest_corpus
from actorlens.mentions.count import analyse


@pytest.fixture(scope="module")
def dask_engine():
    with Engine("dask", n_workers=2) as engine:
        yield engine


def test_local_engine_keeps_the_order_over_batches():
    assert Engine().map(lambda batch: [x * 2 for x in batch], range(450), batch=200) == [
        x * 2 for x in range(450)
    ]


def test_dask_engine_keeps_the_order_over_batches(dask_engine):
    # 8 batches of 125, each unpickled as its task ends; the first ends last
    def late_first(batch):
        time.sleep(0.5 if batch[0] == 0 else 0)
        return [x * 2 for x in batch]

    assert dask_engine.map(late_first, range(1000), batch=10) == [x * 2 for x in range(1000)]


def test_items_are_dealt_into_groups_of_about_equal_cost():
    assert balanced_groups([1, 5, 2, 5, 1, 3], 3) == [[1, 0], [3, 4], [5, 2]]  # loads 6, 6, 5
    assert balanced_groups([4, 4], 8) == [[0], [1]]  # no empty groups
    assert balanced_groups([], 2) == []


def test_dask_engine_with_costs_returns_one_result_per_item_in_order(dask_engine):
    costs = [1 + (x % 7) * 10 for x in range(60)]
    tripled = dask_engine.map(lambda batch: [x * 3 for x in batch], range(60), costs=costs)
    assert tripled == [x * 3 for x in range(60)]


def test_unknown_engine_is_named():
    with pytest.raises(EngineError, match="engine must be one of local, dask, got 'spark'"):
        Engine("spark")


def test_dask_and_local_engines_write_identical_tables(seeds, dask_engine):
    actors_file = config.SEEDS_DIR / "actors.yml"
    actors = load_actors(actors_file)
    local_mentions = analyse(seeds, actors)
    dask_mentions = analyse(seeds, actors, engine=dask_engine)
    pd.testing.assert_frame_equal(local_mentions.mentions, dask_mentions.mentions)
    local = sentiment.analyse(seeds, local_mentions, actors_file=actors_file)
    remote = sentiment.analyse(seeds, dask_mentions, actors_file=actors_file, engine=dask_engine)
    for name in ("mentions", *sentiment.Sentiment.TABLES):
        pd.testing.assert_frame_equal(getattr(local, name), getattr(remote, name))
    # the shift stage's bootstrap intervals and permutation tests, computed on the workers
    local_shift = shift.analyse(seeds, local, min_shift_mentions=2, min_docs=2, period="day")
    remote_shift = shift.analyse(
        seeds, remote, min_shift_mentions=2, min_docs=2, period="day", engine=dask_engine
    )
    assert local_shift.shift["ci_low"].notna().sum() >= 5
    for name in ("periods", "trajectory", "shift", "trend", "evidence", "stance"):
        pd.testing.assert_frame_equal(getattr(local_shift, name), getattr(remote_shift, name))


def test_dask_and_local_ingestion_agree(seeds, dask_engine):
    remote = ingest_corpus(config.SEEDS_DIR, engine=dask_engine)
    for name in ("documents", "sentences", "texts", "warnings", "boilerplate"):
        pd.testing.assert_frame_equal(getattr(seeds, name), getattr(remote, name))


def test_a_batch_and_its_results_travel_as_one_pickle_each():
    sent = pickle.dumps([(1, "a"), (2, "b")])
    assert pickle.loads(apply_pickled(lambda batch: [n * 10 for n, _ in batch], sent)) == [10, 20]


def test_local_cluster_workers_run_quiet_housekeeping(dask_engine):
    def settings():
        import dask

        return [dask.config.get(key) for key in QUIET_CLUSTER]

    on_workers = dask_engine.client().run(settings)
    assert len(on_workers) == 2
    assert all(values == list(QUIET_CLUSTER.values()) for values in on_workers.values())
    assert QUIET_CLUSTER["distributed.admin.tick.interval"] == "1s"
