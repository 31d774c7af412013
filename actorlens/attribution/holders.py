"""Holders of positions: the phrase before a position's cue that names who holds it
(:func:`holder_before`), and whether it names nobody in particular (:func:`generic_holder`).

A holder is a name, a pronoun, a title phrase, a description ("security experts"), a body
("the Australian federal government"), a quantified group ("several MPs", "one group in
Darfur") or a plain noun phrase opening the sentence ("The couple"); adverbs, auxiliaries and
a short form in parentheses between the holder and its cue are skipped. Failing those, the
holder is read as a speech source is (:func:`~actorlens.attribution.reported_source.source_before`).
"""

import re

from actorlens.attribution.phrases import PRONOUNS, phrase_tail
from actorlens.attribution.reported_source import (
    SHARE,
    name_before_apposition,
    plain_subject,
    source_before,
)
from actorlens.text.lexicon import DESCRIPTORS, HOLDERS, NOT_SOURCES, PHRASE_WORDS, alternation

DESCRIBED = re.compile(
    rf"(?:(?:the|some|many|several|most|[A-Z][\w-]*|[a-z]+)\s+)?\b(?:{alternation(DESCRIPTORS)})"
    r"\s+(?:\w+ly\s+)?$"
)
HELD = re.compile(  # "the Australian federal government", "The party"
    r"(?:\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Mm]ost|[A-Z][\w’'-]*"
    r"|[a-z]+(?:al|an|ish|ese|ic|ive|ary|ern|ist|ior|ent|ant)|\d[\d.,]*)\s+){0,3}"
    rf"\b(?:{alternation(HOLDERS)})\s+$"
)
# A verb that passes its subject on to the cue after "to" ("refused to", "went on to").
RAISING_TO = (
    r"(?:(?:refus|declin|continu)(?:e|es|ed)|(?:appear|seem|start|tend)(?:s|ed)?"
    r"|beg(?:in|ins|an)|(?:went|goes|go|gone)\s+on)\s+to"
)
ADVERBS = re.compile(
    r"(?:\s+(?:so\s+far|in\s+the\s+past|for\s+(?:years|months|weeks|decades)|today|yesterday|again"
    r"|(?:earlier|later)\s+(?:in\s+the|this|last)\s+(?:week|month|year|day)|earlier|later"
    rf"|{RAISING_TO}"
    r"|(?:on|last|this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|long|already|still|most|just|even|also|now|however|has|have|had|will|would|been|could"
    r"|may|might|must|should|is|are|was|were|(?!(?:rally|ally|family|assembly|supply|monopoly"
    r"|reply)\b)[a-z]+ly)\b)+\s*$"
)
SHORT_FORM = re.compile(r"\s*\([A-Z][\w.&-]{0,15}\)\s*,?\s*$")  # "(IDF) demanded", "(IDF), has"
PLURAL = re.compile(
    r"(?:(?:[Tt]he|[Ss]ome|[Mm]any|[Mm]ost|[Oo]ther|[Ss]everal|[Bb]oth|[A-Z][\w’'-]*)\s+){0,3}"
    r"[a-z]{3,}[a-rt-z]s\s*$"
)
QUANTIFIED = re.compile(
    r"\b(?:[Aa]t\s+least\s+)?(?:[Ss]everal|[Ss]ome|[Mm]any|[Mm]ost|[Ff]ew|[Bb]oth"
    r"|[Oo]ne|\d+|[Vv]arious|[Nn]umerous)\s+(?:(?:[a-z]+\s+){1,3}(?:in|of|from|within)\s+)?\Z"
)
GENERIC = re.compile(
    r"^(?:[Ss]everal|[Ss]ome|[Mm]any|[Mm]ost|[Ff]ew|[Oo]ther|[Bb]oth|[Aa]ll|\d+|[Tt]wo|[Tt]hree"
    r"|[Aa]t least|[Oo]ne|[Vv]arious|[Nn]umerous|[Mm]ore|\d[\d.,]*\s*(?:%|per ?cent|percent))\s"
    r"|\s[a-z]+[a-rt-z]s$|^[a-z]+[a-rt-z]s$"
)
ARTICLES = ("the", "a", "an")  # "the president" ruled out


def generic_holder(phrase: str) -> bool:
    """Whether a holder phrase describes people it does not name ("European countries",
    "several MPs", "most voters"): their speaker is unnamed, not an actor the words mention."""
    return bool(GENERIC.search(phrase))


def holder_before(before: str, whole: bool) -> tuple[int, str]:
    """The holder phrase that ends ``before`` (``whole``: from the sentence's start): a name,
    a pronoun, a title phrase, a description ("security experts") or a plain noun phrase
    opening the sentence ("The couple"); (0, "") when there is none."""
    adverbs = ADVERBS.search(before)
    before = before[: adverbs.start()] + " " if adverbs else before
    short = SHORT_FORM.search(before)  # "The Israel Defence Forces (IDF) demanded"
    before = before[: short.start()] + " " if short else before
    offset, phrase = phrase_tail(before)
    if phrase.lower() in PRONOUNS:
        return offset, phrase
    share = SHARE.search(before)
    if share:  # "49% of Germans believe": a share of people, no one named
        return share.start("phrase"), share.group("phrase")
    if (
        phrase
        and phrase.lower() not in NOT_SOURCES
        and (
            any(c.isupper() for c in phrase)
            or (phrase.split()[0] in ARTICLES and phrase.split()[-1] in PHRASE_WORDS)
        )
    ):
        some = QUANTIFIED.search(before, 0, offset)  # "several MPs", "one group in Darfur"
        named = phrase[0].islower() and name_before_apposition(before, offset)
        if named:  # "Kofi Annan, the UN chief, who opposed": Annan
            return named
        return (some.start(), before[some.start() :].strip()) if some else (offset, phrase)
    described = DESCRIBED.search(before) or PLURAL.search(before) or HELD.search(before)
    if described:
        return described.start(), described.group().strip()
    # as speech sources are read: "Boris Johnson, MP for Henley, has", "Jo Holm, the chief,"
    offset, phrase = source_before(before)
    return (offset, phrase) if phrase else plain_subject(before, whole)
