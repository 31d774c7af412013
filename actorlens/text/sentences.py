"""Sentence boundaries with NLTK Punkt, parameterised in code (no model download).

Punkt's unsupervised model normally comes from the punkt_tab data package. Here
it is given its parameters directly: the news abbreviations of the lexicon (so "U.S.",
"Gen." and "St." end no sentence), the words that start a sentence after an abbreviation
("the U.S. The cost ..." does split), and Punkt's own initial heuristic ("J. R.").
Sentences never cross a line break, and an attribution that follows a closing quote
stays with its quote.
"""

import re
from collections.abc import Iterator
from functools import lru_cache

from actorlens.text.lexicon import ABBREVIATIONS, AFTER_QUOTE_CUES, alternation

SENTENCE_STARTERS = frozenset(
    "the a an it its he she they we i you his her their our this that these those "
    "there but and however meanwhile in on at for after before while when if as "
    "some many most no not one two three".split()
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
