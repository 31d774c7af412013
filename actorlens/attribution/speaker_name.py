"""The name a speaker phrase holds (:func:`name_of`): titles left out, a person's name before
an organisation's, an owner's "'s" passed over ("the Brevik Post's Anna Holm"), the point of
an initialism or a suffix kept ("U.N.", "Jo Holm Jr."), and nothing for a pronoun or a
description ("US officials", "a spokeswoman for X").
"""

import re
from functools import lru_cache

from actorlens.attribution.phrases import (
    CAPITALS,
    NAME_RUN,
    PRONOUNS,
    described,
    is_body,
    is_person_name,
)
from actorlens.text.given_names import is_given_name
from actorlens.text.lexicon import (
    DESCRIPTORS,
    HONORIFICS,
    NOT_NAMES,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    TITLE_WORDS,
)

# A title's head word right before a name ("Acme president Jo Holm"), not a modifier ("former").
TITLE_HEADS_BEFORE = TITLE_WORDS - TITLE_MODIFIERS
POSSESSIVE = re.compile(r"['’]s\s+")  # "the Brevik Post's Anna Holm"
# A name's last word whose point is its own: an initialism or an abbreviated suffix.
ABBREVIATED = re.compile(r"(?:\b(?:[A-Z]\.){2,}|\b(?:Jr|Sr|Inc|Co|Corp|Ltd)\.)\Z")
# Words the text may have lost a name after ("Jo Holm at the [lost link]"): dropped.
TRAILING_LINKS = frozenset({"the", "a", "an", "of", "for", "from", "at", "and"})
HEAD_OF = re.compile(r"\s+(?:of|at|from)\s")  # after a person's name heading the phrase

BODY_OF = re.compile(
    rf"(?:(?:[Tt]he|[Aa]n?)\s+)?(?P<name>(?P<body>{CAPITALS})"
    rf"(?:\s+(?:of|for)\s+(?:the\s+)?{CAPITALS})+)"
)


@lru_cache(maxsize=65536)
def name_of(phrase: str) -> str:
    """The name a speaker phrase holds, titles left out: "Foreign Minister Jack Straw"
    -> "Jack Straw", "Kofi Annan, the UN secretary general" -> "Kofi Annan" (the longest
    run of capitalised words, the last of equals, a person's name before an organisation's:
    "Acme Foundation chief Jo Bloggs" -> "Jo Bloggs"); "" for a pronoun, a description
    ending in a common noun ("US officials") or someone described by their organisation
    ("a spokeswoman for X")."""
    head = phrase.split(",")[0].split()
    while len(head) > 1 and head[-1] in TRAILING_LINKS:
        head.pop()  # "Jo Holm at the [lost link]": the words the text lost named nothing
    titled = len(head) > 2 and all(w[:1].isupper() for w in head[-3:])  # "Energy Agency"
    if described(phrase):  # "a spokeswoman for X"; "The President of Venezuela Hugo Chávez"
        return _given_name_tail(phrase)
    if head and (head[-1].islower() or (head[-1].lower() in DESCRIPTORS and not titled)):
        return ""  # "US officials", "the newspaper", "Police": a description, no name
    body = BODY_OF.fullmatch(phrase)  # "the Foreign Ministry of N. Korea": the whole name
    if body and is_body(body.group("body")):
        return body.group("name")
    best: list[str] = []
    best_key = (False, False, False, 0)
    for match in NAME_RUN.finditer(phrase):
        run = words = _owned_person(match.group()).replace("’s", "").replace("'s", "").split()
        while words and words[0] in NOT_NAMES:
            words = words[1:]  # "The BNP", "It"
        titles = [i for i, w in enumerate(words)  # "Major-General" too
                  if all(part in TITLE_WORDS for part in w.lower().rstrip(".").split("-"))]  # fmt: skip
        stripped = len(run) - len(words)  # "Ms Bishop": "Ms" went, yet it stands before
        before = words[-2] if len(words) > 1 else (run[stripped - 1] if stripped else "")
        if titles and titles[-1] == len(words) - 1 and _surname_title(before, words[-1]):
            titles.pop()  # "Julie Bishop", "Ms Bishop", "Mr Major": a surname, no title
        if titles:  # "Iraqi Prime Minister Nouri al-Maliki"; a title alone names nobody
            words = words[titles[-1] + 1 :]
        person = len(words) > 1 and is_person_name(" ".join(words))
        heads = person and bool(HEAD_OF.match(phrase, match.end()))  # "Jo Bloggs of Acme"
        # "Acme Election Systems president Jo Bloggs": the name a title word stands before
        titled = person and bool(titles or _title_before(phrase, match.start()))
        key = (heads, titled, person, len(words))
        if words and words[0].lower() not in PRONOUNS and key >= best_key:
            best, best_key = words, key
    name = " ".join(best).rstrip(",’'")  # "Daily Mirror''": no markup
    return name if ABBREVIATED.search(name) else name.rstrip(".")  # "Jo Holm Jr.", "U.N."


def _title_before(phrase: str, at: int) -> bool:
    """Whether the word right before ``at`` is a title's head ("president" in "Acme
    president Jo Holm"), read from the last space back, not by a search of the phrase."""
    space = phrase.rfind(" ", 0, max(at - 1, 0))
    return phrase[space + 1 : at].strip().lower() in TITLE_HEADS_BEFORE


def _owned_person(run: str) -> str:
    """The person's name after an owner's "'s" in a run of capitalised words, from a given
    name on ("Brevik Post's Jo Holm", "Tarnland's Foreign Minister Ann Berg"); else the run
    ("Swiss People's Party")."""
    owned = POSSESSIVE.split(run) if "s " in run else [run]
    words = owned[-1].split() if len(owned) > 1 else []
    while words and words[0].lower().rstrip(".") in TITLE_WORDS:
        words = words[1:]
    return owned[-1] if len(words) > 1 and is_given_name(words[0]) else run


def _given_name_tail(phrase: str) -> str:
    """The person's name that ends ``phrase`` from a given name on, two words or more
    ("Venezuela Hugo Chávez" -> "Hugo Chávez"); "" when none does."""
    runs = list(NAME_RUN.finditer(phrase))
    words = runs[-1].group().split() if runs and runs[-1].end() == len(phrase.rstrip()) else []
    given = next((i for i, word in enumerate(words) if is_given_name(word)), len(words))
    return " ".join(words[given:]) if len(words) - given >= 2 else ""


def _surname_title(before: str, word: str) -> bool:
    """Whether a title word ending a name is a surname: after a given name or an honorific
    ("Julie Bishop", "Mr Major"), not "Mr President"."""
    honorific = before.lower().rstrip(".") in HONORIFICS and word.lower() not in TITLE_HEADS
    return honorific or is_given_name(before)
