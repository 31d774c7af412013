"""Sentence boundaries with NLTK Punkt, parameterised in code (no model download).

Punkt's unsupervised model normally comes from the punkt_tab data package. Here
it is given its parameters directly, from the lexicon: the news abbreviations (so "U.S.",
"Gen." and "St." end no sentence), the words that start a sentence after an abbreviation
("the U.S. The cost ..." does split), and Punkt's own initial heuristic ("J. R.").
Sentences never cross a line break, and an attribution that follows a closing quote
stays with its quote. Also: the sentences table read back as offsets per document.
"""

import re
from collections.abc import Iterator
from functools import lru_cache

import pandas as pd

from actorlens.text.lexicon import (
    ABBREVIATIONS,
    AFTER_QUOTE_CUES,
    SENTENCE_STARTERS,
    alternation,
)

CLOSING_QUOTES = "\"”’'»"
# A name or title phrase and a verb that follows quotes: the attribution of the quote before it.
ATTRIBUTION_START = re.compile(
    rf"(?:[A-Z][\w'’.-]*\s+){{1,4}}(?:{alternation(AFTER_QUOTE_CUES)})\b"
)
LINE = re.compile(r"[^\n]+")


@lru_cache(maxsize=1)
def punkt():
    """The parameterised NLTK ``PunktSentenceTokenizer`` (built once; NLTK is imported
    here, on first use, because importing it takes over a second)."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    params.sent_starters = set(SENTENCE_STARTERS)
    return PunktSentenceTokenizer(params)


def _belongs_to_previous(previous: str, following: str) -> bool:
    """True when ``following`` continues a quote that ``previous`` closed."""
    if not previous.rstrip().endswith(tuple(CLOSING_QUOTES)):
        return False
    return following[:1].islower() or ATTRIBUTION_START.match(following) is not None


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` character offsets of the sentences of ``text``."""
    tokenizer = punkt()
    for line in LINE.finditer(text):
        spans = []
        for start, end in tokenizer.span_tokenize(line.group()):
            start, end = start + line.start(), end + line.start()
            if spans and _belongs_to_previous(text[slice(*spans[-1])], text[start:end]):
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
        for start, end in spans:
            if text[start:end].strip():
                yield start, end


def sentence_starts(sentences: pd.DataFrame) -> dict[str, list[int]]:
    """doc_id -> the start offsets of its sentences, in order (``sentences``: the
    sentences table)."""
    starts: dict[str, list[int]] = {}
    for doc_id, start in zip(sentences["doc_id"], sentences["start"], strict=True):
        starts.setdefault(doc_id, []).append(int(start))
    return starts


def sentence_spans_by_document(sentences: pd.DataFrame) -> dict[str, list[tuple[int, int]]]:
    """doc_id -> the (start, end) offsets of its sentences, in order (``sentences``: the
    sentences table)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for doc_id, start, end in zip(sentences["doc_id"], sentences["start"], sentences["end"],
                                  strict=True):  # fmt: skip
        spans.setdefault(doc_id, []).append((int(start), int(end)))
    return spans
