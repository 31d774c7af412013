"""Reported speech whose cue follows its clause (:mod:`actorlens.attribution.reported`):
``CLAUSE, SOURCE CUE.``, ``CLAUSE, CUE SOURCE.``, ``CLAUSE, Holm, the harbour chief, said.``
and ``CLAUSE, according to SOURCE.`` at the sentence's end, and ``CLAUSE, SOURCE CUE, ...``
inside it; each pattern is compiled once."""

import re

from actorlens.attribution.document import OPENING_CLAUSE
from actorlens.attribution.phrases import phrase_head
from actorlens.attribution.reported_source import (
    Reported,
    according_source,
    make_raw,
    source_before,
    trim_end,
)
from actorlens.text.lexicon import (
    CLOSING_CUES,
    DESCRIPTORS,
    INVERTED_CUES,
    NOT_SOURCES,
    alternation,
)

SPACES = re.compile(r"\s*")
AFTER_COMMA = re.compile(r"\s*,?\s*")
QUOTE_START = re.compile(r"[\"“”]")
CLOSING_CUE = re.compile(
    r",\s*(?P<a>[^,;:]{1,80}?)\s+(?:\w+ly\s+)?(?P<cue>"
    + alternation(CLOSING_CUES)
    + r")(?P<tail>(?:\s+(?!that\b)[^\s,;:\"“”]+){0,4})[.!?]?\s*$"
)
CLOSING_INVERTED = re.compile(
    r",\s*(?P<cue>"
    + alternation(INVERTED_CUES)
    + r"|according to)\s+(?P<a>[^,;:]{1,80}?)[.!?]?\s*$"
)
# ", Holm, the harbour chief, said.": a name and its apposition close the sentence.
CLOSING_APPOSITION = re.compile(
    r",\s*(?P<a>[^,;:]{1,60}?,[^,;:]{1,60}?),?\s+(?:\w+ly\s+)?(?P<cue>"
    + alternation(CLOSING_CUES)
    + r")(?P<tail>(?:\s+(?!that\b)[^\s,;:\"“”]+){0,4})[.!?]?\s*$"
)
NAMED_OR_DESCRIBED = re.compile(
    r"\b[A-Z]|\b(?:" + alternation(DESCRIPTORS) + r")\b|\b(?:poll|survey|study)\b"
)
CLOSING_ACCORDING = re.compile(r"\s(?P<cue>according to)\s+(?P<a>[^,;:]{1,80}?)[.!?]?\s*$")


def closing_cue(doc, sentence_start: int, sentence_end: int) -> Reported | None:
    """``CLAUSE, SOURCE CUE.`` / ``CLAUSE, CUE SOURCE.`` / ``CLAUSE, according to SOURCE.``"""
    text = doc.text
    sentence = text[sentence_start:sentence_end]
    for pattern in (CLOSING_INVERTED, CLOSING_CUE, CLOSING_APPOSITION, CLOSING_ACCORDING):
        match = pattern.search(sentence)
        if not match:
            continue
        phrase_text = match.group("a")
        if QUOTE_START.match(phrase_text):
            continue  # 'Holm, who leads the board, said "we are ready".': a quote, no source
        if pattern in (CLOSING_CUE, CLOSING_APPOSITION):
            offset, phrase = source_before(
                phrase_text + (", " if pattern is CLOSING_APPOSITION else " ")
            )
            if not phrase or phrase_text[:offset].strip() not in ("", "as"):
                continue  # ", as officials said": the clause before the comma
        else:
            phrase = according_source(phrase_text) if match.group("cue") == "according to" else (
                phrase_head(phrase_text))  # fmt: skip
            if (pattern is CLOSING_ACCORDING and not NAMED_OR_DESCRIBED.search(phrase_text)) or (
                phrase.lower() in NOT_SOURCES
            ):
                continue  # "rose according to plan", ", said the fees would rise"
            offset = 0
            if not phrase or (match.group("cue") != "according to"
                              and len(phrase_text[len(phrase) :].split()) > 3):  # fmt: skip
                continue  # ", said she and other ministers spoke ...": not a closing cue
        cue_at = sentence_start + match.start("cue")
        if doc.in_quote(cue_at, cue_at + 1):
            continue
        start = sentence_start + len(sentence) - len(sentence.lstrip())
        end = trim_end(text, start, sentence_start + match.start())
        if (doc.in_quote(start, end) or text[start:end].strip()[:1] in '"“'
                or OPENING_CLAUSE.match(text[start : end + 1])):  # fmt: skip
            continue  # a quotation (the direct quotes have it) or "While ..., X says ..."
        return make_raw("", start, end, match.group("cue"), cue_at, cue_at + len(match.group("cue")),
                         phrase, sentence_start + match.start("a") + offset, False)  # fmt: skip
    return None


def parenthetical(doc, comma: int, sentence_start: int, word: str, cue: re.Match, phrase: str,
                   source_start: int) -> Reported | None:  # fmt: skip
    """``CLAUSE, SOURCE CUE, ...`` ("The bus was hit, police said, killing one"): the clause
    is the sentence up to the comma before the source; none when no comma stands there, the
    clause is a quotation or a quotation follows the cue."""
    text = doc.text
    start = SPACES.match(text, sentence_start, comma).end()
    if text[comma - 1 : comma] != "," or OPENING_CLAUSE.match(text[start:comma]):
        return None  # "During a speech, Holm said, ...": no clause before the source
    if QUOTE_START.match(text, AFTER_COMMA.match(text, cue.end()).end()):
        return None  # 'The chief, Holm, said, "...': an apposition before a quote's cue
    end = trim_end(text, start, comma)
    if doc.in_quote(start, end) or QUOTE_START.match(text, start):
        return None
    return make_raw("", start, end, word, cue.start(), cue.end(), phrase, source_start, False)
