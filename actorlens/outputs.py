"""The output folder of runs: each run writes into a folder of its own, and one atomic
switch makes it the current products.

Layout under the output folder ``out``::

    .actorlens/lock                 held by the run writing into ``out``
    .actorlens/runs/<run id>/       one run's data/processed and reports/...
    .actorlens/current -> runs/<run id>
    data/processed -> ../.actorlens/current/data/processed   (and so each product)

Switching ``current`` is a single ``rename`` of a symbolic link, so a reader sees either
the old products or the new ones, never a mixture. What a killed run leaves (its run
folder, a half-made link) is removed or repaired by the next run.
"""

import fcntl
import os
import shutil
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

STATE = ".actorlens"
PRODUCTS = (
    Path("data") / "processed",
    Path("reports") / "notebooks",
    Path("reports") / "html",
    Path("reports") / "figures",
    Path("reports") / "index.html",
)
LEGACY_STAGING = ".actorlens-run-*"  # the staging folders of earlier versions


class OutputBusyError(Exception):
    """Another run holds the output folder."""


class OutputFolder:
    """Runs into ``out``: a lock, a fresh run folder, and the switch to it."""

    def __init__(self, out: Path):
        self.out = Path(out)
        self.state = self.out / STATE
        self.runs = self.state / "runs"
        self.current = self.state / "current"

    @contextmanager
    def locked(self):
        """Hold the output folder for one run; :class:`OutputBusyError` if another holds it."""
        self.runs.mkdir(parents=True, exist_ok=True)
        with open(self.state / "lock", "a+", encoding="utf-8") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as exc:
                lock.seek(0)
                holder = lock.read().strip() or "another process"
                raise OutputBusyError(
                    f"another actorlens run ({holder}) is writing into {self.out}; "
                    "wait for it to finish, or choose another --out folder"
                ) from exc
            lock.seek(0)
            lock.truncate()
            lock.write(f"process {os.getpid()}")
            lock.flush()
            try:
                yield self
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def new_run(self) -> Path:
        """A new, empty run folder, once what earlier runs left behind is cleaned up."""
        self.clean()
        run = self.runs / datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        run.mkdir(parents=True)
        return run

    def current_run(self) -> Path | None:
        """The run folder ``current`` points to, if any."""
        if not self.current.is_symlink():
            return None
        return (self.state / os.readlink(self.current)).resolve()

    def clean(self) -> list[Path]:
        """Remove run folders other than the current one (failed or killed runs, replaced
        products), half-made links and the staging folders of earlier versions; repair
        the product links. Returns what was removed."""
        keep = self.current_run()
        removed = (
            [p for p in self.runs.iterdir() if p.resolve() != keep] if self.runs.is_dir() else []
        )
        removed += list(self.out.glob(LEGACY_STAGING)) + list(self.state.glob("current.*"))
        for path in removed:
            shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()
        if keep:
            self._link_products()
        return removed

    def publish(self, run: Path) -> None:
        """Make ``run`` the current products: one atomic switch of ``current``."""
        pending = self.state / f"current.{os.getpid()}"
        pending.unlink(missing_ok=True)
        pending.symlink_to(run.relative_to(self.state))
        os.replace(pending, self.current)
        self._link_products()
        self.clean()

    def _link_products(self) -> None:
        """Each product path a link through ``current``; a real folder or file left there
        (by an earlier version, or a notebook run by hand) is moved into a run folder,
        which the cleaning then removes."""
        for relative in PRODUCTS:
            path = self.out / relative
            target = os.path.relpath(self.current / relative, path.parent)
            if path.is_symlink() and os.readlink(path) == target:
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.exists() and not path.is_symlink():
                aside = self.runs / f"replaced-{datetime.now(UTC):%Y%m%dT%H%M%S%f}" / relative
                aside.parent.mkdir(parents=True, exist_ok=True)
                path.rename(aside)
            pending = path.with_name(f".{path.name}.{os.getpid()}")
            pending.unlink(missing_ok=True)
            pending.symlink_to(target)
            os.replace(pending, path)
