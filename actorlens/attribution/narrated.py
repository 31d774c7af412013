"""Quotes the narrator owns: a scare quote or term no one is presented as saying
(:func:`is_scare_quote`), and the narrator's clause that a quote closes when the cue follows
it (:func:`narrated_start`, one mixed clause: "The plan was “a waste,” Smith said")."""

import bisect
import re

from actorlens.attribution.cueless import MIN_SENTENCE_QUOTE_WORDS
from actorlens.attribution.document import Attribution, Document
from actorlens.attribution.quotes import HEADLINE_CUE_WORD, LETTER

NARRATED_WORD = re.compile(r"[^\W\d_]+")
EXCLAIMED = re.compile(r"[!?]\W?$")  # “Nuts!”: a cry or a question is someone's words


def is_scare_quote(document: Document, start: int, end: int, attribution: Attribution) -> bool:
    """Whether the quote ``text[start:end]`` is a term no one is presented as saying: it has
    no cue, and it stands in parentheses, or is a few words inside the narrator's sentence
    (a “backstop” that would ...)."""
    if attribution.cue:
        return False
    text = document.text
    if text[start - 1 : start] == "(" and text[end : end + 1] == ")":
        return True
    if len(text[start:end].split()) >= MIN_SENTENCE_QUOTE_WORDS or EXCLAIMED.search(
        text, start, end
    ):
        return False
    since = max(document.sentence_start(start), document.paragraph_start(start))
    return bool(LETTER.search(text, since, start))


def narrated_start(document: Document, start: int, end: int, attribution: Attribution) -> int:
    """Where the narrator's clause that the quote at ``[start, end)`` closes begins, when
    its cue follows it ("The plan was “a waste,” Smith said": one mixed clause), else -1:
    the sentence's words before a quote that opens in lower case, run on into it: no cue,
    earlier quote, colon or comma ("In a calm tone, “...”" is a quote) stands between."""
    first = NARRATED_WORD.search(document.text, start, end)
    if attribution.cue_start < end or not first or not first.group()[0].islower():
        return -1
    since = max(document.sentence_start(start), document.paragraph_start(start))
    before = document.text[since:start]
    quoted = bisect.bisect_left(document.quote_starts, start) > bisect.bisect_left(
        document.quote_starts, since
    )  # an earlier quote of the sentence
    if (quoted or before.rstrip().endswith((":", ",")) or len(NARRATED_WORD.findall(before)) < 2
            or HEADLINE_CUE_WORD.search(before)):  # fmt: skip
        return -1
    return since + len(before) - len(before.lstrip())
