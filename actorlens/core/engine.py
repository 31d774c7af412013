"""Where the per-document work runs: in this process (``local``) or on Dask.

The per-document stages (mention matching, quote extraction, scoring) are pure
functions of a batch of documents; :meth:`Engine.map` splits the items into batches,
applies the function to each and returns the results in input order. With ``dask``
the function is scattered once to every worker and the batches run as futures on the
distributed scheduler: an existing cluster
(``dask_address``) or a local one with ``n_workers`` processes, one thread each.
Aggregation always happens on the gathered tables, so both engines give the same
tables.
"""

import math
import pickle
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

ENGINES = ("local", "dask")
ITEMS_PER_BATCH = 200
TASKS_PER_WORKER = 4
# Seconds a map runs before its progress bar shows: a short map (the seeds, the labelled
# documents of the validation, whose checked outputs nbval compares) prints nothing.
PROGRESS_DELAY = 5.0


# A local cluster's periodic housekeeping, slowed down: every wake-up of a worker's event
# loop takes the GIL from the task running beside it. The statistical profiler samples
# every thread every 10 ms and nothing here reads it; the event-loop tick (20 ms), the
# system monitor (500 ms, dashboard figures) and the memory monitor (100 ms) run less
# often. Measured on the 70,000-mention scoring map, 2 workers (monitors at 10 s): 18.9 s
# median with the defaults, 17.4 s quieted, 17.0 s for a plain multiprocessing pool.
QUIET_CLUSTER = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}


class EngineError(ValueError):
    """The engine parameters cannot be used."""


@dataclass
class Engine:
    """How to run a function over batches of items."""

    name: str = "local"
    dask_address: str = ""
    n_workers: int = 2
    _client: object = field(default=None, init=False, repr=False)

    def __post_init__(self):
        if self.name not in ENGINES:
            raise EngineError(f"engine must be one of {', '.join(ENGINES)}, got {self.name!r}")
        if self.name == "dask" and not self.dask_address and int(self.n_workers) < 1:
            raise EngineError(f"n_workers must be at least 1, got {self.n_workers!r}")

    def client(self):
        """The Dask client, connected on first use."""
        if self._client is None:
            from distributed import Client, LocalCluster

            if self.dask_address:
                self._client = Client(self.dask_address)
            else:
                import dask

                dask.config.set(QUIET_CLUSTER)
                cluster = LocalCluster(
                    n_workers=int(self.n_workers),
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                )
                self._client = Client(cluster)
        return self._client

    def map(
        self,
        func: Callable[[list], list],
        items: Sequence,
        batch: int = ITEMS_PER_BATCH,
        costs: Sequence[float] | None = None,
        progress: str = "",
    ):
        """``func`` over consecutive batches of ``items``; the concatenated results.

        On Dask a batch is at least ``batch`` items and there are about
        ``TASKS_PER_WORKER`` batches per worker: each task costs its worker a fixed
        overhead, which at 200 items per task measured a quarter of the work. With
        ``costs`` (one per item; ``func`` must then give one result per item) the items
        are dealt into batches of about equal cost instead, the costliest first, and the
        results come back in the order of ``items``. A ``progress`` label shows a progress
        bar of the batches (tqdm, on standard error)."""
        items = list(items)
        if self.name == "local" or not items:
            starts = range(0, len(items), batch)
            return [result for start in progress_bar(starts, progress)
                    for result in func(items[start : start + batch])]  # fmt: skip
        client = self.client()
        workers = len(client.scheduler_info().get("workers", {})) or int(self.n_workers)
        if costs is None:
            size = max(batch, math.ceil(len(items) / (TASKS_PER_WORKER * workers)))
            groups = [range(start, min(start + size, len(items)))
                      for start in range(0, len(items), size)]  # fmt: skip
        else:
            groups = balanced_groups(costs, min(len(items), TASKS_PER_WORKER * workers))
        results = self._run(func, [[items[i] for i in group] for group in groups], client,
                            progress)  # fmt: skip
        if costs is None:
            return results
        placed = [None] * len(items)
        for index, result in zip((i for group in groups for i in group), results, strict=True):
            placed[index] = result
        return placed

    def _run(self, func: Callable[[list], list], batches: list[list], client, progress="") -> list:
        """``func`` over each batch as one task; the concatenated results, in order."""
        from distributed import as_completed

        # ``func`` may hold a 10 MB model: it travels once per worker, unhashed (hashing
        # it costs the client more than sending it); the batches go with their tasks,
        # which measured faster than scattering them first.
        shared = client.scatter(func, broadcast=True, hash=False)
        # Batches and results travel as one pickle each: Dask serialises a list item by
        # item, which made gathering the results of the sentiment stage take 0.8 s
        # after the last task had finished (3,000 documents), and burnt as much CPU on
        # the workers and the client; a pickle of the same list takes milliseconds.
        pickled = [pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL) for part in batches]
        futures = client.map(apply_pickled, [shared] * len(pickled), pickled, pure=False)
        # Each result is unpickled as soon as its task ends, while the others still run.
        position = {future.key: number for number, future in enumerate(futures)}
        parts = [None] * len(futures)
        done = as_completed(futures, with_results=True)
        for future, part in progress_bar(done, progress, total=len(futures)):
            parts[position[future.key]] = pickle.loads(part)
        return [result for part in parts for result in part]

    def close(self) -> None:
        """Shut down a local Dask cluster started by this engine."""
        if self._client is not None:
            cluster = getattr(self._client, "cluster", None)
            self._client.close()
            if cluster is not None and not self.dask_address:
                cluster.close()
            self._client = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def balanced_groups(costs: Sequence[float], n_groups: int) -> list[list[int]]:
    """Item positions dealt into ``n_groups`` groups of about equal total cost: each
    item, costliest first, to the group with the least so far (ties: the lower group).
    Empty groups are left out."""
    groups: list[list[int]] = [[] for _ in range(max(n_groups, 1))]
    loads = [0.0] * len(groups)
    for index in sorted(range(len(costs)), key=lambda i: (-costs[i], i)):
        lightest = loads.index(min(loads))
        groups[lightest].append(index)
        loads[lightest] += costs[index]
    return [group for group in groups if group]


def progress_bar(steps, label: str, total: int | None = None):
    """``steps``, with a tqdm progress bar named ``label`` when it is not empty, shown
    once they have run :data:`PROGRESS_DELAY` seconds."""
    if not label:
        return steps
    from tqdm import tqdm

    return tqdm(steps, desc=label, total=total, unit="batch", mininterval=1.0,
                delay=PROGRESS_DELAY)  # fmt: skip


def apply_pickled(func: Callable[[list], list], batch: bytes) -> bytes:
    """``func`` applied to a pickled batch, its result pickled (what a Dask worker runs)."""
    return pickle.dumps(func(pickle.loads(batch)), protocol=pickle.HIGHEST_PROTOCOL)
