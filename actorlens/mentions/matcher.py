"""Matching the actors file against a text: each alias as a pattern (whole words,
accent-insensitive, case-sensitive except for the first letter of an alias written in lower
case, so "the Kremlin leader" also matches "The Kremlin leader"), the longest alias winning;
persons and other actors in separate passes, so that a state named inside a person's title
also counts ("U.S. President Donald Trump": trump and united_states); a title directly
followed by the same actor's name is one mention; a person's one-word name after another
given name ("Laura Bush") is someone else, and so is an organisation's name ending a longer
name ("Trades Union Congress"); ``exclude`` phrases never match. The
descriptions a document resolves are found apart (:mod:`actorlens.mentions.descriptions`).
"""

import bisect
import re
from typing import NamedTuple

from actorlens.corpus.actors import Actor
from actorlens.mentions.descriptions import Describer
from actorlens.text.given_names import is_given_name
from actorlens.text.spans import fold, fold_with_origins

TITLE_NAME_GAP = re.compile(r"[\s,]*")
WORD_BEFORE = re.compile(r"(?<![\w.'’-])([A-Z][a-z]+)\s+\Z")  # "Union " before "Congress"
DETERMINERS = frozenset({"The", "A", "An", "This", "That", "These", "Those", "Its", "Their"})
COMMON_NAME = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")  # "Congress", "General Assembly"
SENTENCE_OPENING = re.compile(r"(?:\A|[.!?:;\"“(\n])\s*\Z")  # before a sentence's first word
GIVEN_BEFORE = re.compile(r"(?<![\w.'’-])(?P<given>[A-Z][a-z]+)\s+\Z")  # "Laura " before "Bush"


class _Alias(NamedTuple):
    actor_id: str
    kind: str


def _alias_pattern(alias: str) -> str:
    """Regex source for one alias: any run of spaces for a space, first letter's case
    free when written in lower case, a trailing ``*`` as a word wildcard."""
    folded = " ".join(fold(alias).split())
    wildcard = folded.endswith("*")
    folded = folded.rstrip("*")
    parts = []
    for i, char in enumerate(folded):
        if char == " ":
            parts.append(r"\s+")
        elif i == 0 and char.islower():
            parts.append(f"[{char}{char.upper()}]")
        else:
            parts.append(re.escape(char))
    return "".join(parts) + (r"\w*" if wildcard else "")


def _longest_first(aliases) -> list[str]:
    return sorted(set(aliases), key=lambda a: (-len(a), a))


def _first_chars(aliases) -> str:
    """A class of the characters the patterns of ``aliases`` start with (both cases of a
    lower-case first letter): in front of their union, it keeps the search off other places."""
    firsts = set()
    for alias in aliases:
        first = " ".join(fold(alias).split())[:1]
        firsts.update({first, first.upper()} if first.islower() else {first})
    return "[" + "".join(re.escape(char) for char in sorted(firsts - {""})) + "]"


def _union(sources: list[str], firsts: str) -> re.Pattern:
    """One pattern matching any of ``sources`` (starting with a character of ``firsts``) as
    whole words, the first that fits winning."""
    return re.compile(rf"(?={firsts})(?<![\w'])(?:{'|'.join(sources)})(?![\w])")


class _Pass(NamedTuple):
    """One matching pass: a pattern and its alternatives in order, each with its alias."""

    pattern: re.Pattern
    alternatives: list[tuple[re.Pattern, _Alias]]
    resolved: dict[str, _Alias]  # surface -> alias, filled as surfaces are met

    @classmethod
    def of(cls, aliases: dict[str, _Alias]) -> "_Pass | None":
        """The pass over ``aliases`` (alias -> its actor and kind), longest first."""
        if not aliases:
            return None
        alternatives = [
            (re.compile(_alias_pattern(a)), aliases[a]) for a in _longest_first(aliases)
        ]
        union = _union([pattern.pattern for pattern, _ in alternatives], _first_chars(aliases))
        return cls(union, alternatives, {})

    def alias_of(self, surface: str) -> _Alias:
        """The alias that matched ``surface``: the first alternative matching it whole (an
        earlier one matching it would have matched in its place)."""
        if surface not in self.resolved:
            self.resolved[surface] = next(
                alias for pattern, alias in self.alternatives if pattern.fullmatch(surface)
            )
        return self.resolved[surface]


class Matcher:
    """Finds mentions of a list of actors in a text."""

    def __init__(self, actors: list[Actor]):
        self.actors = {actor.id: actor for actor in actors}
        persons: dict[str, _Alias] = {}
        others: dict[str, _Alias] = {}
        for actor in actors:
            for alias, kind in actor.aliases():
                (persons if actor.type == "person" else others)[alias] = _Alias(actor.id, kind)
        self.passes = [p for p in (_Pass.of(persons), _Pass.of(others)) if p]
        excluded = _longest_first(e for actor in actors for e in actor.exclude)
        self.exclude = (_union([_alias_pattern(e) for e in excluded], _first_chars(excluded))
                        if excluded else None)  # fmt: skip
        self.describer = Describer(actors)

    def _other_given_name(self, text: str, start: int, alias: _Alias) -> bool:
        """Whether a person's one-word name at ``start`` follows a given name none of the
        person's names opens with ("Laura Bush" for George W. Bush, "Ian Blair" for Tony Blair)."""
        actor = self.actors[alias.actor_id]
        if alias.kind != "name" or actor.type != "person":
            return False
        before = GIVEN_BEFORE.search(text, max(0, start - 40), start)
        if not before or not is_given_name(before["given"]):
            return False
        return before["given"] not in {name.split()[0] for name in actor.names if " " in name}

    def _inside_name(self, text: str, start: int, end: int, alias: _Alias) -> bool:
        """Whether an organisation's name of common words at ``start``-``end`` ends a longer
        name ("Trades Union Congress", "Bolivian Congress"): a capitalised word that opens no
        sentence stands right before it, ending no name of the organisation or of its state."""
        actor = self.actors[alias.actor_id]
        before = WORD_BEFORE.search(text, max(0, start - 40), start)
        if (
            actor.type != "organisation"
            or not before
            or before[1] in DETERMINERS
            or not COMMON_NAME.fullmatch(text, start, end)
            or SENTENCE_OPENING.search(text, max(0, before.start() - 5), before.start())
        ):
            return False  # "UN", "Al-Qaeda": no common words; "Three Hamas fighters": an opening
        own = [actor, *([self.actors[actor.affiliation]] if actor.affiliation else [])]
        lead = text[max(0, start - 40) : start].rstrip()  # "United Nations Security Council"
        return not any(lead.endswith(fold(a)) for owner in own for a, _ in owner.aliases())

    def find(self, text: str) -> list[dict]:
        """Mentions in ``text`` as dicts with actor_id, kind, start, end, surface: matched
        in the folded text (see :func:`actorlens.text.spans.fold_with_origins`), the offsets and
        surface those of the original."""
        folded = fold_with_origins(text)
        view = folded.text
        # excluded phrases: sorted, non-overlapping spans, so only the last one starting
        # before a match's end can overlap it (a bisect, not a scan per match)
        blocked = [m.span() for m in self.exclude.finditer(view)] if self.exclude else []
        blocked_starts = [s for s, _ in blocked]
        found = []
        for matching in self.passes:
            matches = []
            for match in matching.pattern.finditer(view):
                start, end = match.span()
                before = bisect.bisect_left(blocked_starts, end)
                if before and blocked[before - 1][1] > start:
                    continue
                alias = matching.alias_of(match.group())
                if self._other_given_name(view, start, alias) or self._inside_name(
                    view, start, end, alias
                ):
                    continue  # "Laura Bush"; "Trades Union Congress": another person or body
                matches.append({"actor_id": alias.actor_id, "kind": alias.kind,
                                "start": start, "end": end})  # fmt: skip
            found.extend(_merge_title_and_name(matches, view))
        for mention in found:
            start, end = folded.span(mention["start"], mention["end"])
            mention.update(start=start, end=end, surface=text[start:end])
        return sorted(found, key=lambda m: (m["start"], m["end"], m["actor_id"]))


def _merge_title_and_name(matches: list[dict], text: str) -> list[dict]:
    """Join a title directly followed by the same actor's name into one name mention."""
    merged: list[dict] = []
    for match in matches:
        previous = merged[-1] if merged else None
        if (
            previous
            and previous["kind"] == "title"
            and match["kind"] == "name"
            and previous["actor_id"] == match["actor_id"]
            and TITLE_NAME_GAP.fullmatch(text[previous["end"] : match["start"]])
        ):
            previous.update(kind="name", end=match["end"])
            continue
        merged.append(match)
    return merged
