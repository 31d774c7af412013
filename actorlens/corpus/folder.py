"""What a corpus folder holds: its ``*.txt`` documents (in subfolders too), its manifest,
and a warning row for every entry that is not read. No file outside the folder is ever
read: a manifest row or a link that leads out of it is recorded and skipped.
"""

import csv
import os
import stat
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain, count
from pathlib import Path, PurePosixPath

import pandas as pd

from actorlens.core.tables import SCHEMAS

MANIFEST_COLUMNS = ["doc_id", "file", "date", "title", "outlet"]
# Columns of documents.csv that ingestion computes: a manifest may not name them.
COMPUTED_COLUMNS = [c for c in SCHEMAS["documents"].names if c not in MANIFEST_COLUMNS]
MANIFEST_DELIMITERS = (",", ";", "\t")
# Warning kinds of a document that is found but not analysed, and of entries that are
# not documents at all (counted apart).
SKIP_KINDS = (
    "missing_file", "unreadable", "binary", "empty", "outside_corpus", "broken_link",
    "not_a_file",
)  # fmt: skip
NOT_DOCUMENT_KINDS = ("not_text_file", "subfolder", "linked_folder")


class CorpusError(Exception):
    """A problem that stops ingestion (no corpus folder, no readable document)."""


@dataclass
class Log:
    """Collects warning rows while a corpus is read."""

    rows: list = field(default_factory=list)

    def add(self, file: str, kind: str, detail: str) -> None:
        self.rows.append({"file": file, "kind": kind, "detail": detail})


def shown(name: str) -> str:
    """A file name as text, undecodable bytes replaced."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def is_text_file(name: str | Path) -> bool:
    """True for the files ingestion reads: ``*.txt`` in any letter case."""
    return Path(name).suffix.lower() == ".txt"


def inside(root: Path, path: Path) -> bool:
    """True when ``path``, every link followed, lies inside the folder ``root``."""
    return path.resolve().is_relative_to(root.resolve())


def document_files(corpus_dir: Path, recursive: bool, log: Log, skip=()) -> list[str]:
    """Paths (relative, ``/``-separated) of the ``*.txt`` documents under ``corpus_dir``,
    in order; every other entry is a row of ``log``, except the files in ``skip`` (the
    manifest in use). :class:`CorpusError` if the folder itself cannot be listed."""
    if not corpus_dir.is_dir():
        raise CorpusError(f"corpus folder not found: {corpus_dir}")
    found: list[str] = []
    folders = [corpus_dir]
    while folders:
        folder = folders.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            if folder == corpus_dir:
                raise CorpusError(
                    f"cannot list corpus folder {corpus_dir}: {exc.strerror}"
                ) from exc
            log.add(
                _relative(corpus_dir, Path(folder)), "unreadable", f"folder skipped: {exc.strerror}"
            )
            continue
        for entry in entries:
            path = Path(entry.path)
            name = _relative(corpus_dir, path)
            kind = _entry_kind(corpus_dir, path, entry)
            if kind == "folder":
                if recursive:
                    folders.append(path)
                else:
                    log.add(shown(name), "subfolder", "not read: recursive is false")
            elif kind != "file":
                log.add(shown(name), kind, SKIPPED[kind])
            elif path in skip:
                continue
            elif not is_text_file(name):
                log.add(shown(name), "not_text_file", "not read: only *.txt files are documents")
            elif shown(name) != name:
                log.add(shown(name), "unreadable", "skipped: the file name is not valid UTF-8")
            else:
                found.append(name)
    return sorted(found)


SKIPPED = {
    "broken_link": "skipped: a link to something that does not exist",
    "outside_corpus": "skipped: it leads outside the corpus folder",
    "linked_folder": "not read: a link to a folder (its files are read where they are)",
    "not_a_file": "skipped: not a regular file (a pipe, socket or device)",
}


def _relative(root: Path, path: Path) -> str:
    return PurePosixPath(path.relative_to(root)).as_posix()


def _entry_kind(root: Path, path: Path, entry: os.DirEntry) -> str:
    """folder, file, or the warning kind of an entry that is not read."""
    if entry.is_symlink():
        if not path.exists():
            return "broken_link"
        if not inside(root, path):
            return "outside_corpus"
        if path.is_dir():
            return "linked_folder"
    if entry.is_dir():
        return "folder"
    try:
        mode = path.stat().st_mode
    except OSError:
        return "broken_link"
    return "file" if stat.S_ISREG(mode) else "not_a_file"


def doc_id_from_name(path: str | Path) -> str:
    """The document id a file name implies: the part before the first underscore."""
    return Path(path).stem.split("_", 1)[0]


def ids_from_names(names: list[str], taken: set[str], log: Log) -> list[str]:
    """Document ids for files the manifest does not name; an id already in ``taken``
    becomes the file's stem (numbered if need be) and is recorded."""
    ids = []
    for name in names:
        implied, stem = doc_id_from_name(name), Path(name).stem
        candidates = chain([implied, stem], (f"{stem}-{n}" for n in count(2)))
        doc_id = next(c for c in candidates if c not in taken)
        if doc_id != implied:
            log.add(name, "duplicate_doc_id", f"doc_id {implied} already used; read as {doc_id}")
        taken.add(doc_id)
        ids.append(doc_id)
    return ids


def _manifest_table(manifest: Path) -> pd.DataFrame:
    """The manifest's rows as text, its delimiter (comma, semicolon or tab) found from
    the header."""
    try:
        text = manifest.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorpusError(
            f"manifest {manifest}: not UTF-8 text ({exc.reason} at byte {exc.start})"
        ) from exc
    except OSError as exc:
        raise CorpusError(f"manifest {manifest}: cannot be read ({exc.strerror})") from exc
    first_line = text.split("\n", 1)[0]
    delimiter = next(
        (d for d in MANIFEST_DELIMITERS
         if {"doc_id", "file"} <= {c.strip() for c in first_line.split(d)}),
        ",",
    )  # fmt: skip
    header = [c.strip() for c in next(csv.reader([first_line], delimiter=delimiter), [])]
    _check_header(manifest, header)
    try:
        table = pd.read_csv(manifest, dtype=str, keep_default_na=False, encoding="utf-8-sig",
                            sep=delimiter)  # fmt: skip
    except (ValueError, pd.errors.ParserError) as exc:
        raise CorpusError(f"manifest {manifest}: not a readable CSV table ({exc})") from exc
    table.columns = [c.strip() for c in table.columns]
    missing = [c for c in ("doc_id", "file") if c not in table.columns]
    if missing:
        raise CorpusError(
            f"manifest {manifest}: missing column(s) {', '.join(missing)} (header: {header})"
        )
    return table


def _check_header(manifest: Path, header: list[str]) -> None:
    """:class:`CorpusError` naming the manifest's header line when a column is repeated
    (pandas would rename it ``title.1``) or is one that ingestion computes."""
    repeated = sorted(name for name, times in Counter(header).items() if times > 1)
    if repeated:
        raise CorpusError(f"manifest {manifest}, line 1: repeated column(s): {', '.join(repeated)}")
    computed = [name for name in header if name in COMPUTED_COLUMNS]
    if computed:
        raise CorpusError(
            f"manifest {manifest}, line 1: column(s) {', '.join(computed)} are computed by "
            "ingestion (documents.csv): rename them"
        )


def _normalised(name: str) -> str:
    return PurePosixPath(os.path.normpath(name.replace("\\", "/"))).as_posix() if name else name


def read_manifest(
    corpus_dir: Path, manifest: Path | None, log: Log, recursive: bool = True
) -> pd.DataFrame:
    """The manifest rows for ``corpus_dir``: from ``manifest`` when given or present,
    otherwise one row per ``*.txt`` file. Files on disk that the manifest does not
    list are added (and recorded); a doc_id listed twice keeps both files (the second
    renamed, recorded)."""
    if manifest and not manifest.is_file():
        raise CorpusError(f"manifest not found: {manifest}")
    manifest = manifest or (corpus_dir / "manifest.csv")
    in_use = {manifest.absolute()} if manifest.is_file() else set()
    listing = Log()
    on_disk = document_files(corpus_dir, recursive, listing, skip=in_use)
    if not in_use:
        log.rows.extend(listing.rows)
        table = pd.DataFrame({"doc_id": ids_from_names(on_disk, set(), log), "file": on_disk})
    else:
        table = _manifest_table(manifest)
        table["file"] = table["file"].map(_normalised)
        listed = set(table["file"])
        # a listed file is recorded when it is read (or cannot be), not twice
        log.rows.extend(row for row in listing.rows if row["file"] not in listed)
        table = _distinct_ids(table, manifest.name, log)
        extra = [name for name in on_disk if name not in listed]
        for name in extra:
            log.add(name, "not_in_manifest", "file not listed in the manifest; read anyway")
        extra_rows = pd.DataFrame(
            {"doc_id": ids_from_names(extra, set(table["doc_id"]), log), "file": extra}
        )
        table = pd.concat([table, extra_rows], ignore_index=True).fillna("")
    for column in MANIFEST_COLUMNS:
        if column not in table.columns:
            table[column] = ""
    return table.astype(str)


def _distinct_ids(table: pd.DataFrame, manifest_name: str, log: Log) -> pd.DataFrame:
    """Rows with distinct doc_ids: the same file listed again is dropped, another file
    under a used doc_id is kept under a new id; both recorded."""
    repeated_file = table.duplicated(["doc_id", "file"], keep="first")
    for doc_id, file in table.loc[repeated_file, ["doc_id", "file"]].itertuples(index=False):
        log.add(
            manifest_name,
            "duplicate_doc_id",
            f"doc_id {doc_id} with {file} listed twice; kept the first",
        )
    table = table.loc[~repeated_file].reset_index(drop=True)
    clash = table["doc_id"].duplicated(keep="first")
    taken = set(table["doc_id"])
    for index in table.index[clash]:
        doc_id, file = table.at[index, "doc_id"], table.at[index, "file"]
        stem = Path(file).stem
        new_id = next(c for c in chain([stem], (f"{stem}-{n}" for n in count(2))) if c not in taken)
        taken.add(new_id)
        table.at[index, "doc_id"] = new_id
        log.add(
            file, "duplicate_doc_id", f"doc_id {doc_id} listed twice; this file read as {new_id}"
        )
    return table
