"""Ingestion: a folder of articles in, documents, sentences and a record of every problem out.

Reads ``*.txt`` files (listed by an optional ``manifest.csv``), decodes them with a
recorded fallback, removes boilerplate lines (listed, never dropped silently),
normalises to Unicode NFC and splits sentences. Character offsets refer to the
cleaned text, which is kept in ``texts.csv``.
"""

import dataclasses
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path

import pandas as pd
import yaml

from actorlens.core import safe_yaml, stages
from actorlens.core.config import DEFAULT_BOILERPLATE, input_path, output_path
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
from actorlens.text.sentences import sentence_spans
from actorlens.text.spans import OTHER_SCRIPT, mixed_script_words

DATE_HEADER = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})\b")
WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
HEADLINE_MAX_WORDS = 20
TITLE_MAX_CHARS = 100
HTML_MARKERS = re.compile(r"<(?:html|body|p|div|script|br|span|head)\b", re.IGNORECASE)
HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)  # editors' notes; unclosed: to the end


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


@dataclass
class BoilerplateRule:
    """One line pattern that marks a line as boilerplate."""

    name: str
    regex: re.Pattern
    reason: str = ""


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
    bare = utf16_without_bom(data)
    if bare:
        return data.decode(bare), f"{bare} (no byte-order mark)"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" for text saved as UTF-16 without a byte-order mark
    (mostly Latin script: every other byte is zero), else None."""
    head = data[:4096]
    head = head[: len(head) - len(head) % 2]
    if len(head) < 4:
        return None
    for encoding, zeros, letters in (("utf-16-le", head[1::2], head[::2]),
                                     ("utf-16-be", head[::2], head[1::2])):  # fmt: skip
        if zeros.count(0) >= 0.9 * len(zeros) and letters.count(0) == 0:
            try:
                data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return encoding
    return None


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any encoding we read (NUL bytes, not UTF-16)."""
    return (
        b"\x00" in data[:4096]
        and not data.startswith((b"\xff\xfe", b"\xfe\xff"))
        and not utf16_without_bom(data)
    )


def iso_date(text: str, date_format: str = "") -> str:
    """``text`` as an ISO date (YYYY-MM-DD): read as ISO 8601 unless ``date_format``
    (``strptime`` codes, e.g. ``%d/%m/%Y``) is given; ValueError if it is no such date."""
    text = text.strip()
    parsed = datetime.strptime(text, date_format) if date_format else datetime.fromisoformat(text)
    return parsed.date().isoformat()


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
