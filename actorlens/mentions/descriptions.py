"""Descriptions as mentions: "the Liberal Democrat leader" is a mention (kind ``description``) of
the person the document itself says holds it, never a guess.

A description is "the", up to four modifiers (capitalised words or title words) and a head noun
(``description_words`` in the lexicon: "leader", "prime minister"). The document says who holds
one by apposition ("Charles Kennedy, the Liberal Democrat leader," and "the Liberal Democrat
leader, Charles Kennedy,"), by the words before a name ("Liberal Democrat leader Charles
Kennedy"), and through the actors file: a person actor it mentions holds their ``titles``.
Every such link makes its holder hold the description and each shorter one down to the head
that drops no qualifier ("Greens leader", "leader"; "vice president" is not "president"). A
description resolves when exactly one person holds it in the document, actor or not: a bare
"the president" only when the document names one president. The actors file's own titles stay
mentions of kind ``title``; a description overlapping a person's mention is not counted again.
"""

import re

from actorlens.corpus.actors import Actor
from actorlens.text.lexicon import (
    DESCRIPTION_HEADS,
    DESCRIPTION_QUALIFIERS,
    NOT_NAMES,
    TITLE_WORDS,
    alternation,
)
from actorlens.text.spans import fold

MAX_MODIFIERS = 4
WINDOW = 80  # characters before a description searched for the name it follows


def _case_free(word: str) -> str:
    return f"[{word[0]}{word[0].upper()}]{re.escape(word[1:])}"


_HEADS = sorted(DESCRIPTION_HEADS, key=lambda h: (-len(h), h))
_LOWER = {*TITLE_WORDS, *DESCRIPTION_QUALIFIERS, *(w for h in _HEADS for w in h.split())}
_MODIFIER = rf"(?:[A-Z](?:\.[A-Z])+\.?|[A-Z][\w&-]*|{alternation(_LOWER)})"  # U.S., Greens
_HEAD = "|".join(r"\s+".join(_case_free(w) for w in head.split()) for head in _HEADS)
DESCRIPTION = re.compile(
    rf"(?<![\w'’])(?:(?P<the>[Tt]he)\s+)?(?P<words>(?:{_MODIFIER}\s+){{0,{MAX_MODIFIERS}}}"
    rf"(?:{_HEAD}))(?![\w-])"
)
# Where a head starts (overlapping ones too), found first: trying DESCRIPTION at every
# word costs more than the rest of the stage. The first letters filter the positions.
_FIRSTS = "".join(sorted({c for head in _HEADS for c in (head[0], head[0].upper())}))
HEAD_START = re.compile(rf"(?=[{_FIRSTS}])(?<![\w'’])(?=(?:{_HEAD})(?![\w-]))")
# A description's words before its head are whitespace-free, at most MAX_MODIFIERS and "the":
# in the reversed text, from where a head starts, this reaches back to the start of the
# sixth word (whitespace-free run) ending there, never nearer than for an earlier head.
WORDS_BEFORE = re.compile(rf"\S*(?:\s+\S+){{0,{MAX_MODIFIERS + 1}}}")
WORD_START = re.compile(r"(?<![\w'’])[A-Za-z]")  # where DESCRIPTION can start
_NAME = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)+"  # a name no actor covers: two or more words
NAME_BEFORE = re.compile(rf"(?P<name>{_NAME})\s*,\s+$")  # "Bob Brown, " before a description
NAME_AFTER = re.compile(rf"\s*,\s+(?P<name>{_NAME})(?=\s*[,;:)])")  # ", Bob Brown," after one
NAME_NEXT = re.compile(r"\s+(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)*)")  # "leader Bob Brown"
COMMA_BEFORE = re.compile(r"\s*,\s+$")
# ", " then any titles before the name: "the envoy, Gen. Keith Kellogg,"
COMMA_AFTER = re.compile(
    rf"\s*,\s+(?:(?:{'|'.join(_case_free(w) for w in sorted(TITLE_WORDS))})\.?\s+)*"
)
CLOSES = re.compile(r"\s*(?:[,.;:)]|$)")
OF_AFTER = re.compile(r"\s+of\b")


def keys(words: str) -> list[str]:
    """The descriptions ``words`` (without "the") hold: the whole, then each shorter one down
    to the head that drops no qualifier; none without a head."""
    parts = fold(words).lower().split()
    head = next((h.split() for h in _HEADS if parts[-len(h.split()) :] == h.split()), None)
    if head is None:
        return []
    found = [" ".join(parts)]
    for i in range(1, len(parts) - len(head) + 1):
        if parts[i - 1] in DESCRIPTION_QUALIFIERS:
            break
        found.append(" ".join(parts[i:]))
    return found


class Describer:
    """Finds the descriptions of one document that it resolves to a person actor."""

    def __init__(self, actors: list[Actor]):
        self.persons = {a.id for a in actors if a.type == "person"}
        self.titles = {a.id: [k for t in a.titles for k in keys(_without_the(t))]
                       for a in actors if a.type == "person"}  # fmt: skip

    def find(self, text: str, mentions: list[dict]) -> list[dict]:
        """Description mentions of ``text`` (dicts as :meth:`Matcher.find` gives), given the
        document's actor ``mentions``."""
        persons = [m for m in mentions if m["actor_id"] in self.persons]
        starting = {m["start"]: m for m in persons}
        ending = {m["end"]: m["actor_id"] for m in persons}
        holders: dict[str, set[str]] = {}

        def hold(words: str, holder: str) -> None:
            for key in keys(words):
                holders.setdefault(key, set()).add(holder)

        for actor in {m["actor_id"] for m in persons}:
            for key in self.titles[actor]:
                holders.setdefault(key, set()).add(actor)
        candidates = []
        for match in find_descriptions(text):
            start, end, words = match.start(), match.end(), match.group("words")
            if (following := _holder_after(text, end, starting, NAME_NEXT)) and not match["the"]:
                hold(words, following)  # "Greens leader Bob Brown"
            elif match["the"] and not OF_AFTER.match(text, end):
                linked = _apposition(text, start, end, starting, ending)
                if linked:
                    hold(words, linked)
                candidates.append((start, end, words, linked))
        found = []
        for start, end, words, linked in candidates:
            if any(m["start"] < end and start < m["end"] for m in persons):
                continue  # the actors file's title, already a mention
            holder = linked or _only(holders.get(" ".join(fold(words).lower().split()), set()))
            if holder in self.persons:
                found.append({"actor_id": holder, "kind": "description", "start": start,
                              "end": end, "surface": text[start:end]})  # fmt: skip
        return found


def find_descriptions(text: str):
    """The matches of ``DESCRIPTION.finditer(text)``, tried only at the words that reach a
    head (:data:`HEAD_START`, :data:`WORDS_BEFORE`), in the same order."""
    backwards, reached, after = text[::-1], 0, 0  # words tried up to, last match's end
    for head in HEAD_START.finditer(text):
        at = head.start()
        first = len(text) - WORDS_BEFORE.match(backwards, len(text) - at).end()
        for word in WORD_START.finditer(text, max(first, reached, after), at + 1):
            if word.start() >= after and (match := DESCRIPTION.match(text, word.start())):
                after = match.end()
                yield match
        reached = max(reached, at + 1)


def _without_the(title: str) -> str:
    return re.sub(r"^[Tt]he\s+", "", title)


def _only(holders: set[str]) -> str:
    return next(iter(holders)) if len(holders) == 1 else ""


def _holder_after(text: str, end: int, starting: dict, pattern: re.Pattern) -> str:
    """The person right after ``end`` by ``pattern``: the actor whose mention starts where the
    name does, else the name itself (lower case, so that no actor id equals it)."""
    match = pattern.match(text, end)
    if not match or match["name"].split()[0] in NOT_NAMES:
        return ""
    if match["name"].split()[0].lower() in TITLE_WORDS:
        return ""
    mention = starting.get(match.start("name"))
    return mention["actor_id"] if mention else "name: " + match["name"].lower()


def _apposition(text: str, start: int, end: int, starting: dict, ending: dict) -> str:
    """The person a description at ``start:end`` stands in apposition to: "X, the Y," (the
    description closing) or "the Y, X," (the name closing), else ""."""
    if CLOSES.match(text, end):
        before = text[max(start - WINDOW, 0) : start]
        comma = COMMA_BEFORE.search(before)
        if comma and (actor := ending.get(start - len(before) + comma.start())):
            return actor
        if name := NAME_BEFORE.search(before):
            words = name["name"].split()
            if words[0] not in NOT_NAMES and words[0].lower() not in TITLE_WORDS:
                return "name: " + name["name"].lower()
    if comma := COMMA_AFTER.match(text, end):
        mention = starting.get(comma.end())
        if mention and CLOSES.match(text, mention["end"]):
            return mention["actor_id"]
        return _holder_after(text, end, {}, NAME_AFTER)
    return ""
