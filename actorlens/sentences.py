"""Sentence boundaries with NLTK Punkt, parameterised in code (no model download).

Punkt's unsupervised model normally comes from the punkt_tab data package. Here
it is given its parameters directly: a list of news abbreviations (so "U.S.", "Gen."
and "St." end no sentence), the words that start a sentence after an abbreviation
("the U.S. The cost ..." does split), and Punkt's own initial heuristic ("J. R.").
Sentences never cross a line break, and an attribution that follows a closing quote
stays with its quote.
"""

import re
from collections.abc import Iterator
from functools import lru_cache

ABBREVIATIONS = frozenset(
    "u.s u.s.a u.k u.n e.u d.c u.a.e "
    "mr mrs ms messrs dr prof rev sr jr st mt ft "
    "gen lt col maj capt cpt sgt cpl adm cmdr brig gov sen rep pres amb sec "
    "dept corp inc ltd co bros no nos vol fig approx est "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "mon tue tues wed thu thurs fri sat sun "
    "ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn "
    "miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo".split()
)

SENTENCE_STARTERS = frozenset(
    "the a an it its he she they we i you his her their our this that these those "
    "there but and however meanwhile in on at for after before while when if as "
    "some many most no not one two three".split()
)

CLOSING_QUOTES = "\"”’'»"
ATTRIBUTION_START = re.compile(
    r"(?:[A-Z][\w'’.-]*\s+){1,4}"
    r"(?:said|says|added|adds|told|tells|wrote|writes|stated|states|asked|replied|declared"
    r"|noted|insisted|warned|explained|continued|argued|claimed|concluded)\b"
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
