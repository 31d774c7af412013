"""Ingestion: a folder of articles in, documents, sentences and a record of every problem out.

Reads ``*.txt`` files (listed by an optional ``manifest.csv``), cleans each with
:mod:`actorlens.corpus.text_cleaning` (decoding with a recorded fallback, boilerplate
lines listed, never dropped silently, Unicode NFC), splits sentences and builds the
corpus tables (:class:`Corpus`). Character offsets refer to the cleaned text, which is
kept in ``texts.csv``.
"""

import dataclasses
import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path

import pandas as pd

from actorlens.core import stages
from actorlens.core.config import input_path, output_path
from actorlens.core.engine import Engine
from actorlens.core.parameters import default
from actorlens.core.tables import SCHEMAS, TableSet
from actorlens.corpus.folder import (
    MANIFEST_COLUMNS,
    NOT_DOCUMENT_KINDS,
    SKIP_KINDS,
    CorpusError,
    Log,
    inside,
    read_manifest,
)
from actorlens.corpus.text_cleaning import (
    HTML_COMMENT,
    HTML_MARKERS,
    clean_text,
    decode,
    guess_title,
    load_boilerplate,
    looks_binary,
    repair_mojibake,
    strip_html,
)
from actorlens.text.sentences import sentence_spans
from actorlens.text.spans import OTHER_SCRIPT, mixed_script_words

WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")


@dataclass
class Corpus(TableSet):
    """The tables produced by ingestion."""

    documents: pd.DataFrame
    sentences: pd.DataFrame
    texts: pd.DataFrame
    warnings: pd.DataFrame
    boilerplate: pd.DataFrame

    TABLES = {
        "documents": "documents",
        "sentences": "sentences",
        "texts": "texts",
        "warnings": "ingest_warnings",
        "boilerplate": "boilerplate",
    }

    def ordered_ids(self) -> list[str]:
        """Document ids by date (undated last), then id."""
        order = self.documents.assign(undated=self.documents["date"].eq(""))
        return order.sort_values(["undated", "date", "doc_id"])["doc_id"].tolist()

    def overview(self) -> pd.DataFrame:
        """Headline numbers of the corpus as a two-column table (what, value)."""
        dates = sorted(d for d in self.documents["date"] if d)
        kinds = self.warnings["kind"]
        rows = [
            ("documents analysed", len(self.documents)),
            ("documents skipped", int(kinds.isin(SKIP_KINDS).sum())),
            ("other entries not read", int(kinds.isin(NOT_DOCUMENT_KINDS).sum())),
            ("first date", dates[0] if dates else ""),
            ("last date", dates[-1] if dates else ""),
            ("documents without a date", len(self.documents) - len(dates)),
            ("words", int(self.documents["n_words"].sum())),
            ("sentences", int(self.documents["n_sentences"].sum())),
            ("boilerplate lines removed", len(self.boilerplate)),
            ("warnings", len(self.warnings)),
        ]
        return pd.DataFrame(rows, columns=["what", "value"])


def iso_date(text: str, date_format: str = "") -> str:
    """``text`` as an ISO date (YYYY-MM-DD): read as ISO 8601 unless ``date_format``
    (``strptime`` codes, e.g. ``%d/%m/%Y``) is given; ValueError if it is no such date."""
    text = text.strip()
    parsed = datetime.strptime(text, date_format) if date_format else datetime.fromisoformat(text)
    return parsed.date().isoformat()


def read_document(
    corpus_dir: Path, rules, extra_columns: list[str], date_format: str, row: dict
) -> dict:
    """One manifest row read into its document, sentence spans, text and removed lines,
    with the warnings it raised (``document`` is None when the file is skipped). A row
    whose file lies outside the corpus folder (after following links) is never read."""
    file = row["file"]
    result = {"warnings": [], "document": None}
    path = corpus_dir / file
    skipped = _unreadable_path(corpus_dir, path)
    if skipped:
        result["warnings"].append((file, *skipped))
        return result
    try:
        data = path.read_bytes()
    except OSError as exc:
        result["warnings"].append((file, "unreadable", f"skipped: {exc.strerror or exc}"))
        return result
    if looks_binary(data):
        result["warnings"].append((file, "binary", "skipped: the file holds binary data, not text"))
        return result
    raw, fallback = decode(data)
    if fallback:
        result["warnings"].append((file, "encoding", f"not valid UTF-8; decoded as {fallback}"))
    raw, repaired = repair_mojibake(raw)
    if repaired:
        result["warnings"].append((file, "encoding", "repaired text that was UTF-8 read as "
                                   "Latin-1 or cp1252 before it was saved ('â€™' for '’')"))  # fmt: skip
    if HTML_MARKERS.search(raw):
        raw = strip_html(raw)
        result["warnings"].append((file, "html", "HTML markup removed; visible text kept"))
    raw, comments = HTML_COMMENT.subn(" ", raw)
    if comments:
        result["warnings"].append((file, "html", f"{comments} HTML comment(s) removed"))
    text, removed, header_date = clean_text(raw, rules)
    if not text.strip():
        result["warnings"].append((file, "empty", "skipped: no text after cleaning"))
        return result
    spans = list(sentence_spans(text))
    doc_id = row["doc_id"]
    if mixed := mixed_script_words(text):
        result["warnings"].append((file, "mixed_script", _mixed_script_detail(doc_id, mixed)))
    date, problem = _date_of(row["date"], header_date, date_format)
    if problem:
        result["warnings"].append((file, "bad_date", problem))
    result["document"] = {
        "doc_id": doc_id,
        "file": file,
        "date": date,
        "outlet": row["outlet"],
        "title": row["title"] or guess_title(text, spans),
        "n_words": len(WORD.findall(text)),
        "n_sentences": len(spans),
        "sha256": hashlib.sha256(data).hexdigest(),
        **{c: row[c] for c in extra_columns},
    }
    result["spans"] = spans  # the sentences' offsets; their texts are slices of ``text``
    result["text"] = text
    result["removed"] = removed
    return result


def _mixed_script_detail(doc_id: str, words: list[str], shown: int = 10) -> str:
    """The ``mixed_script`` warning of a document: its words mixing scripts, each with its
    Cyrillic or Greek letters and their code points."""
    distinct = list(dict.fromkeys(words))
    listed = []
    for word in distinct[:shown]:
        letters = dict.fromkeys(OTHER_SCRIPT.findall(word))
        listed.append(f"'{word}' ({', '.join(f'{c} U+{ord(c):04X}' for c in letters)})")
    more = f" and {len(distinct) - shown} more" if len(distinct) > shown else ""
    return (
        f"doc {doc_id}: {len(distinct)} word(s) mix Latin with Cyrillic or Greek letters "
        f"(look-alikes are matched as Latin): {', '.join(listed)}{more}"
    )


def _date_of(listed: str, header: str | None, date_format: str) -> tuple[str, str]:
    """The document's ISO date (from the manifest, else its ``date`` header line) and
    the problem with it ("" when none); a date that is not one leaves it undated."""
    given, form = (listed, date_format) if listed else (header or "", "")
    if not given:
        return "", ""
    try:
        return iso_date(given, form), ""
    except ValueError:
        wanted = f"the format {form}" if form else "ISO 8601 (YYYY-MM-DD)"
        return "", f"date {given!r} is not a date in {wanted}; read as undated"


def _unreadable_path(corpus_dir: Path, path: Path) -> tuple[str, str] | None:
    """(kind, detail) when the manifest's ``path`` must not or cannot be read, else None."""
    if not inside(corpus_dir, path):
        return "outside_corpus", "skipped: the file lies outside the corpus folder"
    if not path.exists():
        if path.is_symlink():
            return "broken_link", "skipped: a link to something that does not exist"
        return "missing_file", "skipped: listed in the manifest but not found"
    if not path.is_file():
        return "not_a_file", "skipped: not a regular file (a folder, pipe, socket or device)"
    return None


def _read_batch(corpus_dir: Path, rules, extra_columns: list[str], date_format: str,
                rows: list[dict]) -> list[dict]:  # fmt: skip
    return [read_document(corpus_dir, rules, extra_columns, date_format, row) for row in rows]


def ingest_corpus(
    corpus_dir: str | Path,
    manifest: str | Path | None = None,
    boilerplate: str | Path | None = None,
    max_docs: int | None = None,
    engine: Engine | None = None,
    recursive: bool = True,
    date_format: str = "",
) -> Corpus:
    """Read every document of ``corpus_dir`` (and of its subfolders when ``recursive``)
    into a :class:`Corpus`; dates are read as ISO 8601 unless ``date_format`` is given.

    Problems with single files are recorded in ``Corpus.warnings`` and the file is
    skipped or read with a fallback; a missing folder or a corpus with no readable
    document raises :class:`CorpusError`.
    """
    corpus_dir = Path(corpus_dir)
    log = Log()
    rules = load_boilerplate(boilerplate)
    table = read_manifest(corpus_dir, Path(manifest) if manifest else None, log, recursive)
    if max_docs:
        table = table.head(max_docs)
    extra_columns = [c for c in table.columns if c not in MANIFEST_COLUMNS]
    documents, texts, removed_rows = [], [], []
    sentences = {column: [] for column in SCHEMAS["sentences"].names}
    seen_hashes: dict[str, str] = {}
    read = partial(_read_batch, corpus_dir, rules, extra_columns, date_format)
    for result in (engine or Engine()).map(
        read, table.to_dict("records"), progress="reading documents"
    ):
        for file, kind, detail in result["warnings"]:
            log.add(file, kind, detail)
        document = result["document"]
        if document is None:
            continue
        digest, doc_id = document["sha256"], document["doc_id"]
        if digest in seen_hashes:
            log.add(
                document["file"], "duplicate", f"same bytes as {seen_hashes[digest]}; kept both"
            )
        seen_hashes.setdefault(digest, document["file"])
        documents.append(document)
        text, spans = result["text"], result["spans"]
        sentences["doc_id"].extend([doc_id] * len(spans))
        sentences["sent_id"].extend(range(len(spans)))
        sentences["start"].extend(start for start, _ in spans)
        sentences["end"].extend(end for _, end in spans)
        sentences["text"].extend(text[start:end] for start, end in spans)
        texts.append({"doc_id": doc_id, "text": text})
        removed_rows.extend(
            {"doc_id": doc_id, "line": line, "rule": r} for line, r in result["removed"]
        )
    if not documents:
        skipped = [f"{r['file']} ({r['kind']})" for r in log.rows if r["kind"] in SKIP_KINDS]
        raise CorpusError(
            f"no readable documents in {corpus_dir}"
            + (f"; skipped: {', '.join(skipped)}" if skipped else "")
        )
    return Corpus(
        documents=pd.DataFrame(documents, columns=SCHEMAS["documents"].names + extra_columns),
        sentences=pd.DataFrame(sentences).astype(
            {"sent_id": "int64", "start": "int64", "end": "int64"}
        ),
        texts=pd.DataFrame(texts, columns=SCHEMAS["texts"].names),
        warnings=pd.DataFrame(log.rows, columns=SCHEMAS["ingest_warnings"].names),
        boilerplate=pd.DataFrame(removed_rows, columns=SCHEMAS["boilerplate"].names),
    )


def run(
    processed_dir: str = default("processed_dir"), engine: Engine | None = None, **parameters
) -> Corpus:
    """The ingestion stage as a notebook calls it: read the corpus named by the
    ``parameters`` of its settings (:func:`actorlens.core.stages.settings`, by name; relative
    paths as in :mod:`actorlens.core.config`) and write its tables; an empty ``corpus_dir``
    (which would be the project folder) is a :class:`CorpusError`."""
    given = stages.settings("ingest", **parameters)
    if not given.corpus_dir.strip():
        raise CorpusError(
            f"corpus_dir is empty: name the folder of articles, got {given.corpus_dir!r}"
        )
    corpus = ingest_corpus(
        input_path(given.corpus_dir),
        input_path(given.manifest_file) if given.manifest_file else None,
        input_path(given.boilerplate_file) if given.boilerplate_file else None,
        given.max_docs or None,
        engine,
        given.recursive,
        given.date_format,
    )
    processed = output_path(processed_dir)
    stages.record("ingest", processed, corpus.write(processed), {}, dataclasses.asdict(given))
    return corpus
