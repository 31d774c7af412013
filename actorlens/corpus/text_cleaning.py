"""Bytes to clean text: decoding with a recorded fallback (UTF-8, UTF-16 with or without a
byte-order mark, cp1252, latin-1), text once mis-decoded repaired (ftfy), telling binary files apart, HTML markup and comments,
the boilerplate line rules and their YAML file, Unicode NFC normalisation with the leading
``date`` header, and the title guessed for a document without one. Nothing here reads a folder
or builds a table: :mod:`actorlens.corpus.ingest` does, with these.
"""

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import ftfy
import yaml

from actorlens.core import safe_yaml
from actorlens.core.config import DEFAULT_BOILERPLATE
from actorlens.corpus.folder import CorpusError

# A pair that UTF-8 read as Latin-1 or cp1252 leaves: a lead byte's letter, then a
# continuation byte's character (a C1 control, or cp1252's punctuation in 0x80-0xBF).
MOJIBAKE = re.compile("[ÂÃâÅ][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")
DATE_HEADER = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})\b")
HEADLINE_MAX_WORDS = 20
TITLE_MAX_CHARS = 100
HTML_MARKERS = re.compile(r"<(?:html|body|p|div|script|br|span|head)\b", re.IGNORECASE)
HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)  # editors' notes; unclosed: to the end


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


def repair_mojibake(text: str) -> tuple[str, bool]:
    """``text`` with the characters of UTF-8 that was read as Latin-1 or cp1252 before it was
    saved put back ("â€™" -> "’", "Ã©" -> "é"), by ftfy; whether anything changed. Text
    with none of their tell-tale pairs is returned at once, untouched."""
    if not MOJIBAKE.search(text):
        return text, False
    fixed = ftfy.fix_encoding(text)
    return fixed, fixed != text


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
