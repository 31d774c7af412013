"""Ingestion: a folder of articles in, documents, sentences and a record of every problem out.

Reads ``*.txt`` files (listed by an optional ``manifest.csv``), decodes them with a
recorded fallback, removes boilerplate lines (listed, never dropped silently),
normalises to Unicode NFC and splits sentences. Character offsets refer to the
cleaned text, which is kept in ``texts.csv``.
"""

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import partial
from itertools import chain, count
from pathlib import Path

import pandas as pd
import yaml

from actorlens import safe_yaml, stages
from actorlens.config import DEFAULT_BOILERPLATE, input_path, output_path
from actorlens.engine import Engine
from actorlens.parameters import default
from actorlens.sentences import sentence_spans
from actorlens.tables import TableSet

MANIFEST_COLUMNS = ["doc_id", "file", "date", "title", "outlet"]
DOCUMENT_COLUMNS = ["doc_id", "file", "date", "outlet", "title", "n_words", "n_sentences", "sha256"]
SENTENCE_COLUMNS = ["doc_id", "sent_id", "start", "end", "text"]
WARNING_COLUMNS = ["file", "kind", "detail"]
BOILERPLATE_COLUMNS = ["doc_id", "line", "rule"]

DATE_HEADER = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})\b")
WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
HEADLINE_MAX_WORDS = 20
TITLE_MAX_CHARS = 100
COMPANION_SUFFIXES = (".txt", ".csv", ".yml", ".yaml", ".md")
SKIP_KINDS = ("missing_file", "unreadable", "binary", "empty")
HTML_MARKERS = re.compile(r"<(?:html|body|p|div|script|br|span|head)\b", re.IGNORECASE)
HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)  # editors' notes; unclosed: to the end


class CorpusError(Exception):
    """A problem that stops ingestion (no corpus folder, no readable document)."""


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
        skipped = self.warnings["kind"].isin(SKIP_KINDS).sum()
        rows = [
            ("documents analysed", len(self.documents)),
            ("documents skipped", int(skipped)),
            ("first date", dates[0] if dates else ""),
            ("last date", dates[-1] if dates else ""),
            ("documents without a date", len(self.documents) - len(dates)),
            ("words", int(self.documents["n_words"].sum())),
            ("sentences", int(self.documents["n_sentences"].sum())),
            ("boilerplate lines removed", len(self.boilerplate)),
            ("warnings", len(self.warnings)),
        ]
        return pd.DataFrame(rows, columns=["what", "value"])


@dataclass
class BoilerplateRule:
    """One line pattern that marks a line as boilerplate."""

    name: str
    regex: re.Pattern
    reason: str = ""


@dataclass
class _Log:
    """Collects warning rows while a corpus is read."""

    rows: list = field(default_factory=list)

    def add(self, file: str, kind: str, detail: str) -> None:
        self.rows.append({"file": file, "kind": kind, "detail": detail})


def load_boilerplate(path: str | Path | None = None) -> list[BoilerplateRule]:
    """Read boilerplate line patterns from a YAML file (the packaged defaults if None)."""
    path = Path(path) if path else DEFAULT_BOILERPLATE
    try:
        spec = safe_yaml.load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CorpusError(f"boilerplate file {path}: {exc}") from exc
    if not isinstance(spec, dict) or not isinstance(spec.get("patterns"), list):
        raise CorpusError(f"boilerplate file {path}: expected a 'patterns:' list")
    rules = []
    for i, item in enumerate(spec["patterns"], start=1):
        if not isinstance(item, dict) or "regex" not in item:
            raise CorpusError(f"boilerplate file {path}: pattern {i} has no 'regex'")
        try:
            regex = re.compile(item["regex"])
        except re.error as exc:
            raise CorpusError(f"boilerplate file {path}: pattern {i}: {exc}") from exc
        rules.append(BoilerplateRule(item.get("name", f"rule{i}"), regex, item.get("reason", "")))
    return rules


def decode(data: bytes) -> tuple[str, str | None]:
    """Decode file bytes; return the text and the fallback encoding used (None if UTF-8)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding we read (NUL bytes, no UTF-16 BOM)."""
    return b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff"))


def strip_html(text: str) -> str:
    """Visible text of an HTML page: scripts and styles removed, tags dropped, entities decoded."""
    from html import unescape

    text = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", text)
    text = re.sub(r"(?i)<br\s*/?>|</p\s*>|</div\s*>|</h\d\s*>|</li\s*>", "\n", text)
    text = re.sub(r"(?s)<[^>]*>", " ", text)
    return unescape(text)


def clean_text(
    raw: str, rules: list[BoilerplateRule]
) -> tuple[str, list[tuple[str, str]], str | None]:
    """Normalise ``raw`` and drop boilerplate lines.

    Returns the cleaned text, the removed ``(line, rule)`` pairs and the date of a
    leading ``date YYYY-MM-DD`` header (None without one).
    """
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    lines = text.split("\n")
    first = next((line for line in lines if line.strip()), "")
    header = DATE_HEADER.match(first)
    kept, removed = [], []
    for line in lines:
        rule = next((r.name for r in rules if r.regex.fullmatch(line.strip())), None)
        if rule and line.strip():
            removed.append((line.strip(), rule))
        else:
            kept.append(line.rstrip())
    return "\n".join(kept).strip("\n"), removed, header.group(1) if header else None


def guess_title(text: str, spans: list[tuple[int, int]]) -> str:
    """A title for a document without one: its first line if it reads as a headline,
    otherwise the start of its first sentence."""
    first_line = text.split("\n", 1)[0].strip()
    if (
        first_line
        and len(first_line.split()) <= HEADLINE_MAX_WORDS
        and not first_line.endswith((".", "!", "?", '"', "”", ":"))
    ):
        return first_line
    first = text[slice(*spans[0])].strip() if spans else first_line
    return first if len(first) <= TITLE_MAX_CHARS else first[: TITLE_MAX_CHARS - 1].rstrip() + "…"


def doc_id_from_name(path: Path) -> str:
    """The document id a file name implies: the part before the first underscore."""
    return path.stem.split("_", 1)[0]


def ids_from_names(names: list[str], taken: set[str], log: _Log) -> list[str]:
    """Document ids for files the manifest does not name; an id already in ``taken``
    becomes the file's stem (numbered if need be) and is recorded."""
    ids = []
    for name in names:
        implied, stem = doc_id_from_name(Path(name)), Path(name).stem
        candidates = chain([implied, stem], (f"{stem}-{n}" for n in count(2)))
        doc_id = next(c for c in candidates if c not in taken)
        if doc_id != implied:
            log.add(name, "duplicate_doc_id", f"doc_id {implied} already used; read as {doc_id}")
        taken.add(doc_id)
        ids.append(doc_id)
    return ids


def corpus_files(corpus_dir: Path) -> list[Path]:
    """The files in ``corpus_dir`` by name; :class:`CorpusError` if it cannot be listed."""
    if not corpus_dir.is_dir():
        raise CorpusError(f"corpus folder not found: {corpus_dir}")
    try:
        return sorted(p for p in corpus_dir.iterdir() if p.is_file())
    except OSError as exc:
        raise CorpusError(f"cannot list corpus folder {corpus_dir}: {exc.strerror}") from exc


def is_text_file(path: Path) -> bool:
    """True for the files ingestion reads: ``*.txt`` in any letter case."""
    return path.suffix.lower() == ".txt"


def read_manifest(corpus_dir: Path, manifest: Path | None, log: _Log) -> pd.DataFrame:
    """The manifest rows for ``corpus_dir``: from ``manifest`` when given or present,
    otherwise one row per ``*.txt`` file. Files on disk that the manifest does not
    list are added (and recorded); listed files that are missing are recorded."""
    on_disk = []
    for path in corpus_files(corpus_dir):
        shown = path.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        if path.suffix.lower() not in COMPANION_SUFFIXES:
            log.add(shown, "not_text_file", "ignored: only *.txt files are read")
        elif is_text_file(path) and shown != path.name:
            log.add(shown, "unreadable", "skipped: the file name is not valid UTF-8")
        elif is_text_file(path):
            on_disk.append(path.name)
    if manifest and not manifest.is_file():
        raise CorpusError(f"manifest not found: {manifest}")
    manifest = manifest or (corpus_dir / "manifest.csv")
    if manifest.is_file():
        try:
            table = pd.read_csv(manifest, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        except ValueError as exc:  # also UnicodeDecodeError and the parser's errors
            raise CorpusError(f"manifest {manifest}: not readable as UTF-8 CSV ({exc})") from exc
        missing = [c for c in ("doc_id", "file") if c not in table.columns]
        if missing:
            raise CorpusError(f"manifest {manifest}: missing column(s) {', '.join(missing)}")
        duplicated = table["doc_id"].duplicated(keep="first")
        for doc_id in table.loc[duplicated, "doc_id"]:
            log.add(
                manifest.name, "duplicate_doc_id", f"doc_id {doc_id} listed twice; kept the first"
            )
        table = table.loc[~duplicated]
        listed = set(table["file"])
        extra = [name for name in on_disk if name not in listed]
        for name in extra:
            log.add(name, "not_in_manifest", "file not listed in the manifest; read anyway")
        extra_rows = pd.DataFrame(
            {"doc_id": ids_from_names(extra, set(table["doc_id"]), log), "file": extra}
        )
        table = pd.concat([table, extra_rows], ignore_index=True).fillna("")
    else:
        table = pd.DataFrame({"doc_id": ids_from_names(on_disk, set(), log), "file": on_disk})
    for column in MANIFEST_COLUMNS:
        if column not in table.columns:
            table[column] = ""
    return table.astype(str)


def read_document(corpus_dir: Path, rules, extra_columns: list[str], row: dict) -> dict:
    """One manifest row read into its document, sentence spans, text and removed lines,
    with the warnings it raised (``document`` is None when the file is skipped)."""
    file = row["file"]
    result = {"warnings": [], "document": None}
    path = corpus_dir / file
    if not path.is_file():
        result["warnings"].append(
            (file, "missing_file", "skipped: listed in the manifest but not found")
        )
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
    result["document"] = {
        "doc_id": doc_id,
        "file": file,
        "date": row["date"] or header_date or "",
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


def _read_batch(corpus_dir: Path, rules, extra_columns: list[str], rows: list[dict]) -> list[dict]:
    return [read_document(corpus_dir, rules, extra_columns, row) for row in rows]


def ingest_corpus(
    corpus_dir: str | Path,
    manifest: str | Path | None = None,
    boilerplate: str | Path | None = None,
    max_docs: int | None = None,
    engine: Engine | None = None,
) -> Corpus:
    """Read every document of ``corpus_dir`` into a :class:`Corpus`.

    Problems with single files are recorded in ``Corpus.warnings`` and the file is
    skipped or read with a fallback; a missing folder or a corpus with no readable
    document raises :class:`CorpusError`.
    """
    corpus_dir = Path(corpus_dir)
    log = _Log()
    rules = load_boilerplate(boilerplate)
    table = read_manifest(corpus_dir, Path(manifest) if manifest else None, log)
    if max_docs:
        table = table.head(max_docs)
    extra_columns = [c for c in table.columns if c not in MANIFEST_COLUMNS]
    documents, texts, removed_rows = [], [], []
    sentences = {column: [] for column in SENTENCE_COLUMNS}
    seen_hashes: dict[str, str] = {}
    read = partial(_read_batch, corpus_dir, rules, extra_columns)
    for result in (engine or Engine()).map(read, table.to_dict("records")):
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
        documents=pd.DataFrame(documents, columns=DOCUMENT_COLUMNS + extra_columns),
        sentences=pd.DataFrame(sentences, columns=SENTENCE_COLUMNS).astype(
            {"sent_id": "int64", "start": "int64", "end": "int64"}
        ),
        texts=pd.DataFrame(texts, columns=["doc_id", "text"]),
        warnings=pd.DataFrame(log.rows, columns=WARNING_COLUMNS),
        boilerplate=pd.DataFrame(removed_rows, columns=BOILERPLATE_COLUMNS),
    )


def run(
    corpus_dir: str = default("corpus_dir"),
    manifest_file: str = default("manifest_file"),
    boilerplate_file: str = default("boilerplate_file"),
    max_docs: int = default("max_docs"),
    processed_dir: str = default("processed_dir"),
    engine: Engine | None = None,
) -> Corpus:
    """The ingestion stage as a notebook calls it: read the corpus named by the
    parameters (relative paths as in :mod:`actorlens.config`) and write its tables."""
    corpus = ingest_corpus(
        input_path(corpus_dir),
        input_path(manifest_file) if manifest_file else None,
        input_path(boilerplate_file) if boilerplate_file else None,
        max_docs or None,
        engine,
    )
    processed = output_path(processed_dir)
    given = {"corpus_dir": corpus_dir, "manifest_file": manifest_file,
             "boilerplate_file": boilerplate_file, "max_docs": max_docs}  # fmt: skip
    stages.record("ingest", processed, corpus.write(processed), {}, given)
    return corpus
