"""The output folder of runs: each run writes into a folder of its own, and one atomic
switch makes it the current products.

Layout under the output folder ``out``::

    .actorlens/lock                 held by the run writing into ``out``
    .actorlens/runs/<run id>/       one run's data/processed and reports/...
    .actorlens/current -> runs/<run id>
    .actorlens/replaced/<time>/     what was found at a product path, moved aside
    data/processed -> ../.actorlens/current/data/processed   (and so each product)

Switching ``current`` is a single ``rename`` of a symbolic link, so a reader sees either
the old products or the new ones, never a mixture. What a killed run leaves (its run
folder, a half-made link) is removed or repaired by the next run.

The folder is the tool's own: a link planted in ``.actorlens`` is refused before anything
is written, a file at a product path is moved aside and named (never deleted), and in a
folder that is not an output folder yet only with ``force``. The published run is
read-only: :func:`check_writable` refuses a notebook writing into it.
"""

import fcntl
import os
import shutil
import stat
from collections.abc import Callable
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from actorlens.core.parameters import default
from actorlens.core.stages import StageInputError

STATE = ".actorlens"
PRODUCTS = (
    Path("data") / "processed",
    Path("reports") / "notebooks",
    Path("reports") / "html",
    Path("reports") / "figures",
    Path("reports") / "evidence",
    Path("reports") / "index.html",
)
LEGACY_STAGING = ".actorlens-run-*"  # the staging folders of earlier versions
LOCK_FLAGS = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC  # a link is not followed


class OutputBusyError(Exception):
    """Another run holds the output folder."""


class OutputFolderError(Exception):
    """The output folder is not safe to write into; the message names the path."""


class PublishedRunError(StageInputError):
    """A notebook would write into the published run, which is read-only."""

    def _render_traceback_(self) -> list[str]:  # IPython's hook for how an error shows
        return [f"PublishedRunError: {self}"]


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")


def check_writable(path: Path) -> Path:
    """``path``, unless it lies in the published run of an output folder (the run its
    ``.actorlens/current`` leads to): :class:`PublishedRunError` names the folders to use."""
    resolved = Path(os.path.realpath(path))
    for run in (resolved, *resolved.parents):
        runs = run.parent
        if runs.name != "runs" or runs.parent.name != STATE:
            continue
        if OutputFolder(runs.parent.parent).current_run() == run:
            raise PublishedRunError(
                f"{path} is in the published run {run}, which is read-only: a notebook run "
                "by hand writes to the folders of its parameters cell's defaults (processed_dir "
                f"{default('processed_dir')!r}, figures_dir {default('figures_dir')!r}) or to "
                "folders of your own"
            )
    return path


class OutputFolder:
    """Runs into ``out``: a lock, a fresh run folder, and the switch to it. ``force``
    lets a folder that is not an output folder yet have its product paths moved aside;
    ``report`` is told where each thing moved aside went."""

    def __init__(self, out: Path, force: bool = False, report: Callable[[str], None] = print):
        self.out = Path(out).resolve()
        self.force = force
        self.report = report
        self.state = self.out / STATE
        self.runs = self.state / "runs"
        self.current = self.state / "current"
        self.replaced = self.state / "replaced"
        self.lock = self.state / "lock"

    def check(self) -> None:
        """:class:`OutputFolderError` unless ``.actorlens`` and its entries are what this
        tool made (no links, ``current`` leading to one of ``runs``), and, in a folder that
        is not an output folder yet, nothing is at a product path or ``force`` is given."""
        owned = ((self.state, Path.is_dir, "a folder"), (self.runs, Path.is_dir, "a folder"),
                 (self.replaced, Path.is_dir, "a folder"), (self.lock, Path.is_file, "a file"))  # fmt: skip
        for path, is_kind, kind in owned:
            if path.is_symlink():
                raise OutputFolderError(
                    f"{path} is a symbolic link (to {os.readlink(path)}); actorlens keeps its "
                    "own state there and follows no link: remove the link, or choose another "
                    "--out folder"
                )
            if path.exists() and not is_kind(path):
                raise OutputFolderError(f"{path} is not {kind}: remove it, or choose another "
                                        "--out folder")  # fmt: skip
        if os.path.lexists(self.current):
            run = self.current_run()
            if run is None or run.parent != self.runs:
                where = f"leads to {run}" if run else "is not a link"
                raise OutputFolderError(
                    f"{self.current} {where}, not to a run in {self.runs}: remove it, or "
                    "choose another --out folder"
                )
        theirs = [str(relative) for relative in PRODUCTS if os.path.lexists(self.out / relative)]
        if theirs and not self.state.is_dir() and not self.force:
            raise OutputFolderError(
                f"{self.out} is not an actorlens output folder and holds {', '.join(theirs)}: "
                f"give --force to move them aside into {self.replaced} (nothing is deleted), "
                "or choose another --out folder"
            )

    @contextmanager
    def locked(self):
        """Hold the output folder for one run, once :meth:`check` passed;
        :class:`OutputBusyError` if another run holds it."""
        self.check()
        self.runs.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(self.lock, LOCK_FLAGS, 0o644)
        with open(descriptor, "r+", encoding="utf-8") as lock:
            found = os.fstat(descriptor)
            if not stat.S_ISREG(found.st_mode) or found.st_nlink != 1:  # a hard link: not ours
                raise OutputFolderError(
                    f"{self.lock} is not actorlens's own lock file (a hard link to another "
                    "file, or not a plain file): remove it"
                )
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as exc:
                holder = lock.read(100).strip() or "another process"
                raise OutputBusyError(
                    f"another actorlens run ({holder}) is writing into {self.out}; "
                    "wait for it to finish, or choose another --out folder"
                ) from exc
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
        run = self.runs / _stamp()
        run.mkdir(parents=True)
        return run

    def current_run(self) -> Path | None:
        """The run folder ``current`` leads to (links followed), if it is a link."""
        if not self.current.is_symlink():
            return None
        return Path(os.path.realpath(self.state / os.readlink(self.current)))

    def clean(self) -> list[Path]:
        """Remove run folders other than the current one (failed or killed runs), half-made
        links and the staging folders of earlier versions; repair the product links.
        Follows no link: a link is removed, never what it leads to. Returns what was
        removed."""
        keep = self.current_run()
        runs = (
            list(self.runs.iterdir()) if self.runs.is_dir() and not self.runs.is_symlink() else []
        )
        removed = [run for run in runs if Path(os.path.realpath(run)) != keep]
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
        """Each product path a link through ``current``; anything else found there (a
        real folder of an earlier version, a user's file, another link) is moved into
        ``replaced/<time>/`` and reported, never deleted."""
        aside_folder = self.replaced / _stamp()
        for relative in PRODUCTS:
            path = self.out / relative
            target = os.path.relpath(self.current / relative, path.parent)
            if path.is_symlink() and os.readlink(path) == target:
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            if os.path.lexists(path):
                aside = aside_folder / relative
                aside.parent.mkdir(parents=True, exist_ok=True)
                path.rename(aside)
                self.report(f"moved {path} to {aside}")
            pending = path.with_name(f".{path.name}.{os.getpid()}")
            if pending.is_symlink():  # half made by a killed run of this process id
                pending.unlink()
            pending.symlink_to(target)
            os.replace(pending, path)
