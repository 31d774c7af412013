"""Speaker phrases: the words right before or after a reporting cue that name who speaks
(:func:`phrase_tail`, :func:`phrase_head`) and the pronoun its words tell (:func:`pronoun_cue`);
the name such a phrase holds is :func:`actorlens.attribution.speaker_name.name_of`. Pure string functions over the words of the
lexicon (:mod:`actorlens.text.lexicon`): phrase words, descriptors, fillers, titles, name
particles and abbreviations; each reads only the words it needs, in time linear in its input.
"""

import re
from functools import lru_cache

from actorlens.attribution.people import DETERMINERS, person_noun, titling
from actorlens.text.given_names import is_given_name
from actorlens.text.lexicon import (
    BODY_NOUNS,
    COORDINATORS,
    FILLERS,
    MADE_BY_NOUNS,
    NAME_PARTICLES,
    NOT_NAMES,
    NOT_PERSON_WORDS,
    PHRASE_ABBREVIATIONS,
    PHRASE_WORDS,
    PRONOUN_WORDS,
    STATEMENT_NOUNS,
    TITLE_WORDS,
    alternation,
)

# Words between a speaker and the cue that do not break the link ("Trump last week said"),
# each a whole word: see _filler_start. Also the empty parentheses a removed link leaves.
FILLER_WORD = re.compile(rf"{alternation(FILLERS)}|[A-Z][a-z]+day|\w+ly|\(\)")
NON_SPACE_RUN = re.compile(r"\S+")
PARTICLE = alternation(NAME_PARTICLES)
NAME_PARTICLE = re.compile(rf"(?:{PARTICLE})-[A-Z]")  # "al-Mussawi"
PRONOUNS = {"he": "person", "she": "person", "they": None, "we": None, "i": None}
# A phrase character: no clause punctuation, but the period of an initial or an
# abbreviated title ("Janet L. Yellen", "Ms. Smith", "Rep. Smith").
ABBREVIATION_DOT = (
    r"(?:(?<=\b[A-Z])"
    + "".join(rf"|(?<=\b{re.escape(word.capitalize())})" for word in PHRASE_ABBREVIATIONS)
    + r")\."
)
PHRASE_CHAR = rf"(?:[^,.;:!?\n“”\"]|{ABBREVIATION_DOT})"
# A non-phrase character; the class in front keeps the abbreviation test (dozens of
# look-behinds) to the stop characters, not every character of the text.
PHRASE_STOP = re.compile(rf"(?=[,.;:!?\n“”\"])(?!{ABBREVIATION_DOT})[,.;:!?\n“”\"]")
WORD = re.compile(r"[\w’'.-]+")
# A run of capitalised words and name particles ("Nouri al-Maliki", "Ursula von der Leyen").
NAME_RUN = re.compile(
    rf"\b(?:[A-Z][\w’'.-]*|(?:{PARTICLE})-[A-Z][\w’'-]*)"
    rf"(?:\s+(?:[A-Z][\w’'.-]*|(?:{PARTICLE})(?:-[A-Z][\w’'-]*)?(?=\s|$)))*"
)
# A name of two words or more between commas (or at the start), then a lower-case
# description up to the end: "His friend, Jo Bloggs, a doctor at Acme in Wales".
APPOSITION = re.compile(
    rf"(?:^|,)\s*(?P<name>[A-Z][\w’'.-]*(?:\s+(?:{PARTICLE}))*(?:\s+[A-Z][\w’'.-]*)+),\s+"
    rf"(?:(?:a|an|the)\s+)?(?:[a-z]|(?:{alternation(w.capitalize() for w in TITLE_WORDS)})"
    r"\b[^,]*?\b(?:of|for|at)\b)[^,]*(?:,\s*(?:a|an|the)\s[^,]*)?,?\s*$"
)  # a description in lower case, or a title of a body: "Jo Bloggs, President of Acme,"; one
# apposition may sit inside it ("Jo Holm, adviser to Olga Berg, the harbour chief, said")
# A body's name that runs over "of" or "for": "the Ministry of External Relations".
CAPITALS = r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*"
# A body named by capitalised words before a body noun ("the Egyptian interior ministry").
BODY = re.compile(
    rf"(?:(?:[Tt]he|[Aa]n?)\s+)?(?P<body>(?:[A-Z][\w.’'-]*\s+)+(?:[a-z][\w-]*\s+){{0,2}}"
    rf"(?:{alternation(BODY_NOUNS)}))\s*$"
)
# "a spokeswoman for X", "officials of X": the person speaking is not named.
DESCRIPTION_OPENERS = ("a", "an", "the", "one", "two", "three", "several", "some", "many")
# The description a phrase opening with "for" or "of" belongs to: "A source" (for X).
DESCRIPTION_HEAD = re.compile(
    rf"\b(?:{'|'.join(o.capitalize() + '|' + o for o in DESCRIPTION_OPENERS)})\s+"
    r"(?:[a-z][\w-]*\s+){1,2}$"
)
RELATIVE_CLAUSE = re.compile(r"(?<=\S)\s+(?:who|which)\s")  # "Jo Holm who represents ..."
UNNAMED_HEAD = re.compile(
    rf"^(?:(?:{'|'.join(DESCRIPTION_OPENERS)})\s+(?P<head>[\w -]+?)|[a-z][\w -]*?)\s*"
    r"\b(?:for|of|at|from|with)\s"
)


def described(phrase: str) -> bool:
    """Whether ``phrase`` describes someone by whom they speak for ("A spokeswoman for X",
    "officials of X"): it names nobody."""
    first, _, rest = phrase.partition(" ")
    if first.lower() in DESCRIPTION_OPENERS:  # "A spokesman for X" opening a sentence
        phrase = f"{first.lower()} {rest}"
    head = UNNAMED_HEAD.match(phrase)  # "the Director of X" too; "the Foreign Ministry of X" names
    return bool(head) and not is_body(head.group("head") or "")


def is_body(words: str) -> bool:
    """Whether capitalised ``words`` name a body ("Foreign Ministry"), not a role."""
    return any(word in NOT_PERSON_WORDS for word in words.split() if word[:1].isupper())


def is_person_name(name: str) -> bool:
    """Whether ``name`` may be a person's: no word of it makes it a place, a building, an
    institution or an event ("Belmarsh Prison", "Acme Foundation")."""
    words = name.replace("’s", "").replace("'s", "").split()
    return not any(word.rstrip(".,") in NOT_PERSON_WORDS for word in words)


def pronoun_cue(words: str) -> str:
    """ "he" or "she" when the cue words among ``words`` agree on it, else ""."""
    found = {PRONOUN_WORDS.get(w.lower()) for w in re.findall(r"[A-Za-z]+", words)} - {None}
    return found.pop() if len(found) == 1 else ""


def _filler_start(before: str) -> int:
    r"""Where the filler words that end ``before`` start, with the space before them:
    ``re.search(r"(?:\s+(?:FILLER_WORD))*\s*$", before).start()``, in time linear in
    the length. (That search takes quadratic time on a run of filler words followed by
    another word, "Putin quickly quickly ... Smith said": it matches the run again from
    every space.) A filler word is a whole space-separated word, since the next one must
    follow a space, so the run is read backwards word by word."""
    words = list(NON_SPACE_RUN.finditer(before))
    start = words[-1].end() if words else 0  # the trailing spaces
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if word.start() == 0 or not FILLER_WORD.fullmatch(word.group()):
            break  # not a filler word, or no space before it
        start = words[index - 1].end() if index else 0
    return start


def phrase_tail(before: str) -> tuple[int, str]:
    """The speaker phrase that ends ``before`` (the words right in front of a cue) and
    where it starts in ``before``; empty after a comma or a coordinating "and"."""
    before = before[: _filler_start(before)]
    words = list(WORD.finditer(before))
    if not words or before[words[-1].end() :].strip() or words[-1].group() in COORDINATORS:
        return 0, ""
    kept: list[re.Match] = []
    for word in reversed(words):
        token = word.group()
        if kept and before[word.end() : kept[-1].start()].strip():
            break
        if not kept and token.lower() in PRONOUNS:
            return word.start(), token
        if (
            token[0].isupper()
            or NAME_PARTICLE.match(token)
            or (kept and token in NAME_PARTICLES)  # "bin Laden said"
            or token.lower().rstrip("’'s") in PHRASE_WORDS
            or token.endswith(("’s", "'s"))
        ):
            kept.append(word)
            continue
        break
    while kept and kept[-1].group().lower() in {"and", "of", "from", "at"}:
        kept.pop()  # "heard from Greta Holm": the phrase starts after "from"
    if kept and kept[0].group() in ("from", "at"):
        return 0, ""  # "to stop Taiwan from declaring": a gerund after a preposition
    head = DESCRIPTION_HEAD.search(before, 0, kept[-1].start()) if kept else None
    if head and kept[-1].group() in ("for", "of", "at", "from", "with"):
        return head.start(), before[head.start() : kept[0].end()]  # "A source for the Party"
    return (kept[-1].start(), before[kept[-1].start() : kept[0].end()]) if kept else (0, "")


def without_fillers(before: str) -> str:
    """``before`` less the filler words that end it ("Jo, who recently" -> "Jo, who")."""
    return before[: _filler_start(before)]


def subject_apart(before: str) -> bool:
    """Whether the words before a cue leave its subject to the rest of the sentence: none,
    a comma ("Putin, speaking in Moscow, said"), a coordinator ("arrived and said") or an
    infinitive's "to" ("went on to say"), besides fillers; not a noun that names nobody
    ("one of the inspectors said")."""
    words = before[: _filler_start(before)].split()
    return not words or words[-1].endswith(",") or words[-1] in ("to", *COORDINATORS)


def body_tail(before: str) -> tuple[int, str]:
    """The body named by the words that end ``before``, fillers left out, and where it
    starts: "The Egyptian interior ministry has" -> "Egyptian interior ministry"; (0, "")
    for none (a body noun with no capitalised word before it names no one body)."""
    match = BODY.search(before, 0, _filler_start(before))
    if not match or match.group("body").split()[0] in NOT_NAMES:
        return 0, ""
    return match.start("body"), match.group("body")


def apposition_head(before: str) -> tuple[int, str]:
    """The name heading an apposition that ends ``before`` (the words in front of a cue)
    and where it starts: "Jo Bloggs, director of security at Acme Corp" -> "Jo Bloggs";
    (0, "") unless a name of two words or more stands alone between commas (or at the
    start) and a lower-case description follows it."""
    match = APPOSITION.search(before)
    if (not match or match.group("name").split()[0] in NOT_NAMES
            or before[match.end("name") :].strip(" ,").lower() in PRONOUNS):  # fmt: skip
        return 0, ""  # "Last August, he said": a time and the subject, no apposition
    return match.start("name"), match.group("name")


def subject_words(before: str) -> tuple[int, str]:
    """The words before a cue back to the clause's start, fillers left out, and where they
    start: the description a cue's subject is when it names nobody ("According to Jo, one
    of the inspectors said" -> "one of the inspectors"); (0, "") past eight words."""
    end = _filler_start(before)
    start = max(before.rfind(mark, 0, end) for mark in ",;:") + 1
    words = before[start:end].strip()
    return (
        (end - len(before[start:end].lstrip()), words) if 0 < len(words.split()) <= 8 else (0, "")
    )


def no_person(phrase: str) -> bool:
    """Whether an unnamed speaker phrase is no one person: plural ("officials"), or a body
    or a document ("the ministry", "reports", "the statement")."""
    head = phrase.split()[-1] if phrase.split() else ""
    plural = head.endswith("s") and not head.endswith("ss")
    return plural or head in BODY_NOUNS or head in STATEMENT_NOUNS or head in MADE_BY_NOUNS


def plain_lead(words: str) -> bool:
    """Whether the words before a speaker phrase are a short lower-case description
    ("campaign chairman", "a smiling") that does not break the phrase from its cue."""
    words = words.split()
    opens_clause = bool(words) and words[0] in COORDINATORS  # "so she blames": a new clause
    return len(words) <= 3 and all(w.islower() for w in words) and not opens_clause


MAX_TITLE_WORDS = 6  # two more for titles joined by "and"
SPEAKING_LINKS = ("for", "in", "of", "at", "from", "with")  # "a spokesman in London": London


def title_lead(words: str) -> bool:
    """Whether the words before a name are its title ("Opposition spokesman for state
    affairs", "U.S. military spokesman"): at most :data:`MAX_TITLE_WORDS`, one of them a title
    word or a descriptor, none a coordinator."""
    words = words.split()
    joined = any(w == "and" and _joins_titles(words, i) for i, w in enumerate(words))
    return (0 < len(words) <= MAX_TITLE_WORDS + 2 * joined and words[-1] not in SPEAKING_LINKS
            and words[0].lower() not in SPEAKING_LINKS  # not "In a statement Colonel Joyce"
            and not any(w in COORDINATORS and not _joins_titles(words, i)
                        for i, w in enumerate(words))
            and any(titling(w.lower().strip(".,")) for w in words))  # fmt: skip


def _joins_titles(words: list[str], index: int) -> bool:
    """Whether the coordinator ``words[index]`` joins two titles of one person ("deputy
    leader and finance spokesman"): "and" between lower-case words, no determiner after it."""
    before, after = words[index - 1 : index], words[index + 1 : index + 2]
    return (words[index] == "and" and bool(before) and bool(after) and before[0].islower()
            and after[0].islower() and after[0] not in DETERMINERS)  # fmt: skip


LOWER_WORD = re.compile(r"\s+(?P<noun>[a-z][\w’'-]*)\b")
NAME_NEXT = re.compile(r"\s+[A-Z]")


def phrase_head(after: str, start: int = 0, end: int | None = None) -> str:
    """The speaker phrase that starts ``after[start:end]`` (the words right after a cue),
    read in place: only its first words are visited."""
    kept = []
    for word in WORD.finditer(after, start, len(after) if end is None else end):
        token = word.group()
        if kept and after[kept[-1].end() : word.start()].strip():
            break
        if not kept and token.lower() in PRONOUNS:
            return token
        if (
            token[0].isupper()
            or token in NAME_PARTICLES  # "said bin Laden", "said de Villepin"
            or token.lower().rstrip("’'s") in PHRASE_WORDS
        ):
            kept.append(word)
            continue
        break
    while kept and kept[-1].group() in NAME_PARTICLES:
        kept.pop()
    if not kept:
        return ""
    end_at = kept[-1].end()
    if kept[0].group().lower() in DETERMINERS:  # "said a Boston lawyer": the noun heads it
        at = end_at
        for _ in range(2):  # "a Boston attorney", "a Brevik harbour official"
            noun = LOWER_WORD.match(after, at, len(after) if end is None else end)
            if not noun:
                break
            at = noun.end()
            end_at = at if person_noun(noun.group("noun")) else end_at
        if NAME_NEXT.match(after, end_at):  # "according to the journalist Jo Holm": the name
            end_at = kept[-1].end()
    return after[start:end_at].strip()


@lru_cache(maxsize=64)
def _named_bodies(noun: str) -> re.Pattern:
    return re.compile(
        rf"\b(?P<pre>(?:(?!(?:The|A|An)\s)[A-Z][\w’'.-]*\s+){{1,3}}){noun}s?\b"
        rf"|\b{noun}s?\s+of\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*"
    )


def bodies_named(text: str, noun: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, name) of each body ``text[start:end]`` names with the lower-case ``noun``
    as its head ("the Brevik government", "the government of Brevik")."""
    found = []
    for match in _named_bodies(noun).finditer(text, start, end):
        at = match.start("pre") if match["pre"] else match.start()
        found.append((at, match.end(), " ".join(text[at : match.end()].split())))
    return found


def person_part(name: str, text: str) -> str:
    """``name`` from its given name on when the words before that are a place or a body
    ``text`` also names apart from it ("Venezuela Hugo Chavez" -> "Hugo Chavez", not
    "Jean Marie Ngendahayo" -> "Marie Ngendahayo")."""
    words = name.split()
    given = next((i for i, w in enumerate(words[1:-1], 1) if is_given_name(w)), 0)
    if not given or is_given_name(words[0]) or not is_person_name(" ".join(words[given:])):
        return name
    alone = re.compile(rf"\b{re.escape(' '.join(words[:given]))}\b(?!\s+{re.escape(words[given])})")
    return " ".join(words[given:]) if alone.search(text) else name
