"""Joint sources: a source naming two speakers gives one attribution per speaker
(:func:`each_source`): "AFP and Reuters reported that ...", "The Greens and the Harbour Party
oppose the levy", "Minister Jo Holm and her state counterpart Sam Ortiz said ...".
"""

import re
from dataclasses import replace

from actorlens.attribution.reported_source import Reported
from actorlens.text.lexicon import BODY_NOUNS, PREPOSITIONS, alternation

NAME = r"[A-Z][\w’'.&-]*(?: [A-Z][\w’'.&-]*){0,3}"
OPENING = r"(?:[Bb]oth\s+)?"  # "Both the NDP and"
# "and", then an article or a possessive, and after it a short lower-case title ("and her
# state counterpart")
JOINER = (
    r"\s+(?:and|as\s+well\s+as)\s+"
    r"(?P<article>(?:the|his|her|their|its)\s+(?:[a-z][\w’'-]*\s+){0,3})?"
)
NAME_PAIR = re.compile(rf"{OPENING}(?P<a>(?:[Tt]he\s+)?{NAME})\s*,?{JOINER}(?P<b>{NAME})")
# the first name and the joiner right before a source phrase that names only the second
FIRST_OF_PAIR = re.compile(rf"(?:^|(?<=[\s(]))(?P<a>{NAME}){JOINER}$")
# the last word of one organisation's name ("the Justice and Equality Movement")
BODY_HEAD = re.compile(
    rf"\b(?:{alternation(word.capitalize() for word in BODY_NOUNS)}|Movement|Administration"
    r"|Commission|Association|Alliance|League|Front|Organi[sz]ation|Institute|Foundation"
    r"|Partners|Associates|Sons|Company|Co\.?)$"
)
WHOLE_NAME = re.compile(NAME)
NOT_NAMES = frozenset({"The", "A", "An", "But", "And", "Both"})  # a sentence's first word
AFTER_PREPOSITION = re.compile(
    rf"\b(?:between|among|{alternation(PREPOSITIONS)})\s+(?:the\s+)?$", re.IGNORECASE
)
REACH = 80  # how far before the source the first name may start


def each_source(text: str, item: Reported) -> list[Reported]:
    """``item`` once per speaker its source names: the two names of "X and Y", also where
    the source phrase holds only Y and "X and" stands right before it. Not one organisation's
    name ("the National Oceanic and Atmospheric Administration"), nor names after a
    preposition ("talks between X and Y")."""
    if item.source_start < 0 or AFTER_PREPOSITION.search(
        text, max(0, item.source_start - 16), item.source_start
    ):
        return [item]
    pair = NAME_PAIR.fullmatch(item.source)
    if pair:
        if pair.group("a") in NOT_NAMES or _one_name(pair, pair.group("b")):
            return [item]
        return [replace(item, source=pair.group("a"), source_start=item.source_start + pair.start("a")),
                replace(item, source=pair.group("b"), source_start=item.source_start + pair.start("b"))]  # fmt: skip
    if not WHOLE_NAME.fullmatch(item.source):
        return [item]  # "Colombian and American authorities": adjectives of one noun
    first = FIRST_OF_PAIR.search(text, max(0, item.source_start - REACH), item.source_start)
    if (
        not first
        or first.group("a") in NOT_NAMES
        or AFTER_PREPOSITION.search(text, max(0, first.start() - 16), first.start())
        or _one_name(first, item.source)
    ):
        return [item]  # "talks between Brevik and Jo Holm": the first name is no speaker
    return [replace(item, source=first.group("a"), source_start=first.start("a")), item]


def _one_name(pair: re.Match, second: str) -> bool:
    """Whether "A and B" is one organisation's name: B, with no article of its own, ends in an
    organisation's head word and A does not ("Justice and Equality Movement")."""
    return not pair.group("article") and bool(
        BODY_HEAD.search(second) and not BODY_HEAD.search(pair.group("a"))
    )
