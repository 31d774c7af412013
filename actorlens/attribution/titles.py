"""Titles: the one person a document gives a title (:func:`titled_person`), for a speaker
described by it ("the minister said", "the Greens leader"). A title stands before the name
("Harbour Minister Greta Holm", "Minister Holm" where the full name is given) or after it in
an apposition ("Greta Holm, the harbour minister"); a hyphenated prefix makes another title
("vice-president" is no president). One person's name in two forms ("General Felix",
"General Jorge Félix") is one person."""

import bisect
import re
from functools import cache

from actorlens.attribution.document import Document
from actorlens.attribution.phrases import is_person_name, person_part
from actorlens.attribution.speaker_name import name_of
from actorlens.text.lexicon import TITLE_HEADS, alternation
from actorlens.text.spans import fold

# A description by a title ("the Greens leader", "Harbour minister"): ``head`` the title word.
TITLED = re.compile(rf"(?:the\s+)?(?:[\w’'-]+\s+){{0,3}}(?P<head>{alternation(TITLE_HEADS)})", re.I)
# What lies between a name and the title of its apposition ("Greta Holm, the harbour minister").
APPOSITION_GAP = re.compile(r"\s*,\s*(?:(?:the|a|an)\s+)?(?:[\w’'-]+\s+){0,4}")
OTHER_TITLE_PREFIXES = ("vice", "ex", "co", "deputy", "under", "sub")  # "vice-president"
TITLE_REACH = 60  # a title stands at most this far before the name it gives
# The rest of a title before its name ("Minister for Education and Training, Gary Hardgrave").
TITLE_LEAD = re.compile(r"(?:[A-Z][\w’'-]*\s+)*\Z")  # the capitalised words before a title word
TITLE_REST = re.compile(r"(?:\s+(?:for|of|and|the|[A-Z][\w’'-]*))*\s*,?\s*")


def titled_person(doc: Document, head: str, offset: int, modifiers=()) -> tuple[str, str]:
    """(actor id, name) of the one person ``doc`` titles ``head`` before ``offset``
    ("Harbour Minister Greta Holm", "Greta Holm, the harbour minister", "Minister Holm"
    where the document or the actors file gives her full name): the person actor
    the name mentions, else the fullest name; ("", "") when the document titles nobody
    so, or two different persons. With ``modifiers`` ("Greens" in "the Greens leader"), one of
    them must stand by the title."""
    found: dict[tuple[str, str], None] = {}  # in text order
    for match in _title_word(head).finditer(doc.text, 0, offset):
        run_start, run_end, name = _titled_at(doc, match.start(), match.end())
        lead = TITLE_LEAD.search(doc.text, max(0, match.start() - TITLE_REACH), match.start())
        near = doc.text[lead.start() : max(run_end, match.end())]  # "Greens leader Bob Brown"
        if name and (not modifiers or any(word in near for word in modifiers)):
            persons = [a for a in doc.actors_in(run_start, run_end) if a in doc.persons]
            found[(persons[-1], "") if persons else ("", doc.fullest(name))] = None
    people = _one_form_each(list(found))
    return people.pop() if len(people) == 1 else ("", "")


def _one_form_each(found: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """``found`` with each person's name once, its longest form, the first of equals:
    accents aside ("Félix" is "Felix") and a surname left out where a fuller name ends in it
    ("Felix" beside "Jorge Felix")."""
    names: dict[str, str] = {}
    for name in sorted((name for actor, name in found if not actor), key=len, reverse=True):
        names.setdefault(fold(name).lower(), name)
    kept = {key for key in names if not any(other.endswith(f" {key}") for other in names)}
    return {(actor, name) for actor, name in found if actor} | {("", names[k]) for k in kept}


def _titled_at(doc: Document, start: int, end: int) -> tuple[int, int, str]:
    """The person's name the title word at ``[start, end)`` gives, with its run's offsets:
    the run of capitalised words holding it or starting right after it, or the name its
    apposition follows; (-1, -1, "") when there is none."""
    starts = [s for s, _, _ in doc.long_names]
    index = bisect.bisect_right(starts, end + TITLE_REACH) - 1
    while index >= 0 and doc.long_names[index][0] >= start - TITLE_REACH:
        run_start, run_end, run = doc.long_names[index]
        name = person_part(name_of(run), doc.text)
        person = " " in name and is_person_name(name)
        # "Minister Holm": a title right before one word of its run, a surname when the
        # document gives the full name ("Greta Holm") or an actor file's person has it
        surname = run_start <= start and doc.text[end:run_end].split() == [name]
        if surname and is_person_name(name) and not person:
            person = " " in doc.fullest(name) or any(
                a in doc.persons for a in doc.actors_in(end, run_end)
            )
        if person and run_end >= end and TITLE_REST.fullmatch(doc.text, end, max(end, run_start)):
            return run_start, run_end, name  # "Harbour Minister Greta Holm"
        if person and run_end <= start and APPOSITION_GAP.fullmatch(doc.text, run_end, start):
            return run_start, run_end, name  # "Greta Holm, the harbour minister"
        index -= 1
    return -1, -1, ""


@cache
def _title_word(head: str) -> re.Pattern:
    """The pattern of a title word, in any case ("minister", "Minister"), not after a
    prefix that makes it another title ("vice-president", "ex-minister"; "Major-General"
    is a general)."""
    other = "".join(f"(?<!{prefix}-)" for prefix in OTHER_TITLE_PREFIXES)
    return re.compile(rf"\b{other}{re.escape(head)}\b", re.IGNORECASE)
