"""Small text helpers shared by the stages: the text as names are matched in (with a map
back to the original offsets), words mixing scripts, quote spans."""

import bisect
import re
import unicodedata
from functools import cache
from itertools import accumulate
from typing import NamedTuple

APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
OPEN_CLOSE = {"“": "”", "«": "»", "„": "“"}
LINE = re.compile(r"[^\n]+")
# Every mark that opens or closes a double-quoted passage (the closers of OPEN_CLOSE too).
QUOTE_MARK = re.compile('[“”«»„"]')
# A straight mark that can only open: a space before it, a word after it.
JOINED_BREAK = re.compile(r"(?<=[.!?…])[ \t]{2,}(?=\S)")  # paragraphs joined on one line
OPENS_ONLY = re.compile(r'(?<=\s)"(?=[^\W_]|[\[(‘…])')
# ‘single-quoted’ passages (headlines, nested quotes); the closing mark is not an
# apostrophe because no letter follows it (“Russia’s” never closes a quote).
SINGLE_QUOTED = re.compile(r"(?<![\w’'])‘(?=\S)[^‘’\n]*?[^\s‘]’(?!\w)")
# Cyrillic and Greek letters drawn like Latin ones (after Unicode's confusables.txt).
LATIN_LOOKALIKES = str.maketrans(
    "АВЕКМНОРСТУХЅІЈҮҺӀԚԜаеорсухѕіјүһӏԁԛԝ" "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧαινορυγ",
    "ABEKMHOPCTYXSIJYHIQWaeopcyxsijyhldqw" "ABEZHIKMNOPTYXaivopuy",
)  # fmt: skip
OTHER_SCRIPT = re.compile("[\u0370-\u03ff\u0400-\u052f]")  # Greek and Cyrillic letters
LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")
LETTERS = re.compile(r"[^\W\d_]+")


@cache
def _fold_char(char: str) -> str:
    """What one character is matched as: "" for a format character (zero-width, soft
    hyphen, direction mark), else its compatibility decomposition (full-width letters,
    ligatures) without accents, with straight apostrophes."""
    if unicodedata.category(char) == "Cf":
        return ""
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").translate(APOSTROPHES)


class Folded(NamedTuple):
    """A text as names are matched in it, and where each of its characters comes from."""

    text: str
    origins: list[int] | None  # per character, its index in the original; None: the same

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original text's span of the non-empty folded span ``start:end``."""
        if self.origins is None:
            return start, end
        return self.origins[start], self.origins[end - 1] + 1


def fold_with_origins(text: str) -> Folded:
    """``text`` as a reader sees it, for matching: compatibility forms as letters (ＰＵＴＩＮ),
    no accents, no format characters (zero-width, soft hyphen, direction marks), straight
    apostrophes, and Cyrillic or Greek look-alikes inside a Latin word read as Latin.

    Built in time linear in the length; ``origins`` maps the result back to ``text``.
    """
    if text.isascii():
        return Folded(text, None)
    table = {ord(c): _fold_char(c) for c in set(text) if not c.isascii()}
    folded = read_lookalikes(text.translate(table))
    resized = "".join(chr(c) for c, folded_char in table.items() if len(folded_char) != 1)
    if not resized:
        return Folded(folded, None)
    origins: list[int] = []
    done = 0
    for found in re.finditer(f"[{re.escape(resized)}]", text):
        at = found.start()
        origins.extend(range(done, at))
        origins.extend([at] * len(table[ord(text[at])]))
        done = at + 1
    origins.extend(range(done, len(text)))
    return Folded(folded, origins)


def fold(text: str) -> str:
    """``text`` as names are matched in it (see :func:`fold_with_origins`)."""
    return fold_with_origins(text).text


def mixed_script_words(text: str) -> list[str]:
    """The words of ``text`` that mix Latin letters with Cyrillic or Greek ones."""
    if not OTHER_SCRIPT.search(text):
        return []
    return [
        word.group()
        for word in LETTERS.finditer(text)
        if OTHER_SCRIPT.search(word.group()) and LATIN_LETTER.search(word.group())
    ]


def read_lookalikes(text: str) -> str:
    """``text`` with the Cyrillic and Greek look-alikes of Latin letters inside words that
    mix scripts ("Рutin" with a Cyrillic Р) replaced by the Latin letters (same length)."""
    if not OTHER_SCRIPT.search(text):
        return text
    return LETTERS.sub(
        lambda word: (
            word.group().translate(LATIN_LOOKALIKES)
            if OTHER_SCRIPT.search(word.group()) and LATIN_LETTER.search(word.group())
            else word.group()
        ),
        text,
    )


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the double-quoted passages of ``text``, marks included.

    Curly quotes pair an opening mark with the next closing one; straight quotes pair
    in order within a paragraph. As newspapers quote a speech over several paragraphs
    (each opens a mark, only the last closes it), an opening mark after the end of a
    sentence while a quote is open starts a new quote, and a quote left open ends with its
    paragraph, also where paragraphs are joined on one line (a sentence's end and two
    spaces): a paragraph that opens no mark is the narrator's. Curly single quotes count
    outside double quotes (a headline's ‘First Step’), inside them they belong to the outer
    quote. A doubled straight mark opens once; a straight mark with spaces on both sides
    opens nothing when a mark that can only open follows it before a close. Broken marks get
    a best effort, never an error: a closing mark with no opening reaches back to the end
    of the previous quote (or the paragraph's start).
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
        elif (
            char == '"' and i == start + 1 and line[start] == '"' and line[i + 1 : i + 2].isalnum()
        ):
            start = i  # a doubled opening mark: '""We'
        elif char == '"' and _sentence_ended(line, start, mark):  # reopened
            spans.append((offset + start, offset + _open_end(line, start, i)))
            start, closer = i, '"'
        elif char == '"' and line[start + 1 : start + 2].isspace() and OPENS_ONLY.match(line, i):
            start = i  # 'saying " However, he felt, "In': the first mark opens nothing
        elif char == closer or (char in '"”' and closer in '"”'):
            spans.append((offset + start, offset + i + 1))
            start, last_end = None, i + 1
        elif char in OPEN_CLOSE and closer == "”":  # a new opening before a close: restart
            spans.append((offset + start, offset + _open_end(line, start, i)))
            start = i
    if start is not None:
        spans.append((offset + start, offset + _open_end(line, start, len(line))))
    return spans


def _open_end(line: str, start: int, stop: int) -> int:
    """Where a quote opened at ``start`` and still open at ``stop`` ends: at the first
    paragraph break joined on the line (a sentence's end, then two spaces or more), since a
    paragraph that opens no quotation ends the speech; else right before ``stop``."""
    joined = JOINED_BREAK.search(line, start + 1, stop)
    return joined.start() if joined else _trimmed(line, start, stop)


def _sentence_ended(line: str, start: int, mark: re.Match) -> int:
    """Where the quote open since ``start`` ended if the straight ``mark`` opens a new one
    (it can only open, and a sentence ends right before it); else 0."""
    if not OPENS_ONLY.match(line, mark.start()):
        return 0
    end = _trimmed(line, start, mark.start())
    at = end - 1 if line[end - 1] in "’'”)]" and end - 2 > start else end
    return end if line[at - 1] in ".!?…" else 0


def _trimmed(line: str, start: int, end: int) -> int:
    """``end`` moved back over the spaces before it (not past ``start``): reads those only."""
    while end - 1 > start and line[end - 1].isspace():
        end -= 1
    return end


HEX_VALUE = re.compile(r"#?[0-9a-fA-F]{3,8}")


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """The quoted spans of ``text`` (:func:`quote_spans`) that hold words
    and are no attribute's value (``style="..."``)."""
    return [(s, e) for s, e in quote_spans(text)
            if not _is_markup(text[s:e]) and text[s - 1 : s] != "="]  # fmt: skip


def _is_markup(span: str) -> bool:
    """A quoted span that holds no words: an empty pair, a number, a colour or
    attribute value left over from HTML or wiki markup ("2", "#ffffcc")."""
    inner = span.strip('"“”‘’«»„ ')
    return not re.search(r"[^\W\d_]{2,}", inner) or bool(HEX_VALUE.fullmatch(inner))
