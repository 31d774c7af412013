"""Descriptions of people: the nouns that name a person by a role ("a Boston attorney",
"the colonel", "local residents"), and the people a place or a person describes who do not
speak for it ("American lumber producers", "Putin's critics", "Some refugees near Tarnby").
Word lists from the lexicon."""

import re

from actorlens.text.lexicon import (
    BODY_NOUNS,
    DESCRIPTORS,
    INSTITUTION_WORDS,
    LEXICON,
    MADE_BY_NOUNS,
    PEOPLE_WORDS,
    STATEMENT_NOUNS,
    TITLE_MODIFIERS,
    TITLE_WORDS,
    alternation,
    trie_alternation,
)


def titling(word: str) -> bool:
    """A title word or a descriptor, singular or plural ("protester", "officials"), also
    after a hyphenated prefix ("co-chairman", "vice-president")."""
    word = word.rsplit("-", 1)[-1]
    return word in TITLE_WORDS or word in DESCRIPTORS or f"{word}s" in DESCRIPTORS


GENDERED_NOUNS = frozenset(noun for nouns in LEXICON.gendered_nouns.values() for noun in nouns)
DETERMINERS = ("a", "an", "the", "one", "another", "some", "many", "several", "two", "three")
POSSESSIVES = ("his", "her", "their", "its", "our", "my")
# "a Boston attorney", "some residents", "two local farmers": a description of people, whole
DESCRIBED_PEOPLE = re.compile(
    rf"(?:(?:{'|'.join(DETERMINERS)})\s+)?(?:[\w’'.-]+\s+){{0,3}}?(?P<noun>[a-z]+)",
    re.IGNORECASE,
)


def person_noun(word: str) -> bool:
    """Whether a lower-case noun names a person by a role ("attorney", "residents",
    "spokesman"): a title word, a descriptor or a word for people, singular or plural."""
    if word in PEOPLE_WORDS or f"{word}s" in PEOPLE_WORDS:
        return True
    if word in TITLE_MODIFIERS:
        return False
    single = word[:-1] if word.endswith("s") else word
    return titling(word) and not any(
        w in INSTITUTION_WORDS or w in BODY_NOUNS or w in STATEMENT_NOUNS or w in MADE_BY_NOUNS
        for w in (word, single)
    )  # "a Brevik official", not "the police", "a report", "The East African newspaper"


def described_people(phrase: str) -> bool:
    """Whether ``phrase`` is a description of a person or of people, with a determiner or a
    possessor ("a Boston attorney", "the local farmer", "his lawyer", "Holm’s sister") or
    plural ("local residents")."""
    match = DESCRIBED_PEOPLE.fullmatch(phrase)
    first = phrase.split()[0] if match else ""
    possessed = first.lower() in POSSESSIVES or first.endswith(("’s", "'s"))  # "Holm’s sister"
    noun = match.group("noun") if match else ""
    if not (person_noun(noun) or (possessed and noun in GENDERED_NOUNS)):
        return False
    return first.lower() in DETERMINERS or possessed or noun.endswith("s")


PEOPLE_OF = re.compile(
    r"(?:(?:the|an?|some|many|several|one|two|three|other)\s+)?"
    rf"(?:[\w’'-]+\s+){{0,2}}?(?:{alternation(PEOPLE_WORDS)})"
    r"\s+(?:of|for|in|from|at|near|outside|around|based\s+in|(?!(?:during|including|according"
    r"|following|regarding|concerning|saying)\b)[a-z]+ing)\s",
    re.IGNORECASE,
)


def describes_people(phrase: str) -> bool:
    """Whether a source phrase describes people by a place or a person they do not speak
    for ("American lumber producers", "Putin's critics", "supporters of Mr Howard")."""
    words = phrase.split()
    return bool(words) and (
        words[-1] in PEOPLE_WORDS
        or f"{words[-1]}s" in PEOPLE_WORDS
        or bool(PEOPLE_OF.match(phrase))
    )


# "Some refugees near", "One resident of the town of", "A doctor treating", "lawyers acting
# for": people a place, or a participle and its object, after them describes
NOT_MODIFYING = (
    r"by|to|with|and|or|of|for|in|from|at|on|was|were|is|are|has|have|had|while|when|as|after"
    r"|before|but|since|because|although|though|if|who|which|that"
)
PEOPLE_BEFORE = re.compile(
    r"(?<![\w’'-])(?P<head>(?:(?:[Tt]he|[Aa]n?|[Oo]ne|[Ss]ome|[Mm]any|[Ss]everal|[Tt]wo|[Tt]hree"
    r"|[Oo]ther)\s+)?"
    rf"(?:(?!(?:{NOT_MODIFYING})\b)[\w’'-]+\s+){{0,2}}?(?i:{trie_alternation(PEOPLE_WORDS)}))"
    r"\s+(?:of|in|near|from|at|outside|around|based\s+in|(?!(?:during|including|according"
    r"|following|regarding|concerning|saying)\b)[a-z]+ing"
    r"(?:\s+(?:for|to|with|on|in|at))?)\s+(?:(?:the|a)\s+)?(?:[\w’'-]+\s+){0,3}?"
    r"(?:of\s+)?$"
)


# The one a speech verb addresses before "that": "warned MPs that", "warned the board that"
ADDRESSED = re.compile(
    r"\s*(?:the\s+)?(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*|(?P<people>[a-z]+))\s+(?=that\b)"
)


def past_addressee(text: str, position: int, limit: int) -> int:
    """Where the clause of a speech verb at ``position`` may start: past a name or people it
    addresses before "that" ("warned MPs that", "warned reporters that"), not past a thing
    ("said the problems that were found")."""
    addressed = ADDRESSED.match(text, position, limit)
    if addressed and (not addressed["people"] or person_noun(addressed["people"])):
        return addressed.end()
    return position


# "the 54-year-old (former minister)": the person the document gave that age
AGED = re.compile(r"(?:the\s+)?(?P<age>\d{1,3})-year-old(?:\s+[\w-]+){0,2}", re.IGNORECASE)


def aged_runs(doc, age: str, offset: int) -> list[tuple[int, int, str]]:
    """The names (start, end, words) ``doc`` gives ``age`` before ``offset``: "Jo Holm, 54,
    said", "Jo Holm (54)"."""
    given = re.compile(rf"\s*(?:,\s*|\(\s*){age}\s*[,)]")
    return [run for run in doc.long_names if run[1] <= offset and given.match(doc.text, run[1])]
