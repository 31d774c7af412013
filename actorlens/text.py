"""Small text helpers shared by the stages: accent folding that keeps offsets, quote spans."""

import bisect
import re
import unicodedata
from functools import cache
from itertools import accumulate

APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "\u00a0": " "})
OPEN_CLOSE = {"“": "”", "«": "»", "„": "“"}
LINE = re.compile(r"[^\n]+")
# Every mark that opens or closes a double-quoted passage (the closers of OPEN_CLOSE too).
QUOTE_MARK = re.compile('[“”«»„"]')
# ‘single-quoted’ passages (headlines, nested quotes); the closing mark is not an
# apostrophe because no letter follows it (“Russia’s” never closes a quote).
SINGLE_QUOTED = re.compile(r"(?<![\w’'])‘(?=\S)[^‘’\n]*?[^\s‘]’(?!\w)")


@cache
def _fold_char(char: str) -> str:
    base = unicodedata.normalize("NFD", char)[0]
    folded = base if base.isascii() or len(unicodedata.normalize("NFD", char)) > 1 else char
    return folded.translate(APOSTROPHES)


def fold(text: str) -> str:
    """``text`` without accents, with straight apostrophes and plain spaces.

    The result has the same length as ``text`` (one character for one), so offsets
    found in the folded text hold in the original.
    """
    if text.isascii():
        return text
    return text.translate({ord(c): _fold_char(c) for c in set(text) if not c.isascii()})


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the double-quoted passages of ``text``, marks included.

    Curly quotes pair an opening mark with the next closing one; straight quotes pair
    in order within a paragraph; curly single quotes count outside double quotes
    (a headline's ‘First Step’), inside them they belong to the outer quote. Broken marks get a best effort, never an error: an
    opening mark with no close runs to the paragraph's end, a closing mark with no
    opening reaches back to the end of the previous quote (or the paragraph's start).
    """
    spans = []
    for line in LINE.finditer(text):
        spans.extend(_line_quote_spans(line.group(), line.start()))
    spans.sort()
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))  # furthest end so far
    singles = []
    for m in SINGLE_QUOTED.finditer(text):
        # inside a double quote: some span starting at or before it ends at or after it
        index = bisect.bisect_right(starts, m.start()) - 1
        if index < 0 or reach[index] < m.end():
            singles.append(m.span())
    return sorted(spans + singles)


def _line_quote_spans(line: str, offset: int) -> list[tuple[int, int]]:
    """The double-quoted spans of one paragraph, visiting only its quotation marks."""
    spans, start, closer, last_end = [], None, None, 0
    for mark in QUOTE_MARK.finditer(line):
        i, char = mark.start(), mark.group()
        if start is None:
            if char in OPEN_CLOSE or char == '"':
                start, closer = i, OPEN_CLOSE.get(char, '"')
            else:  # a closing mark with no opening: quote since the last one
                begin = last_end + len(line[last_end:i]) - len(line[last_end:i].lstrip())
                spans.append((offset + begin, offset + i + 1))
                last_end = i + 1
        elif char == closer or (char in '"”' and closer in '"”'):
            spans.append((offset + start, offset + i + 1))
            start, last_end = None, i + 1
        elif char in OPEN_CLOSE and closer == "”":  # a new opening before a close: restart
            spans.append((offset + start, offset + i))
            start = i
    if start is not None:
        spans.append((offset + start, offset + len(line)))
    return spans
