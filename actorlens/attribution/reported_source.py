"""The parts of a reported attribution (:mod:`actorlens.attribution.reported`): the
:class:`Reported` record, the cue words, the source phrase that ends the words before a
cue (:func:`source_before`), the source of "according to X" and the end of a clause
less its closing punctuation and a trailing coordinator."""

import re
from dataclasses import dataclass

from actorlens.attribution.people import PEOPLE_BEFORE
from actorlens.attribution.phrases import phrase_head, phrase_tail, without_fillers
from actorlens.attribution.speaker_name import name_of
from actorlens.text.lexicon import (
    AUXILIARIES,
    BASE_CUES,
    CLAUSE_CUES,
    CLAUSE_OPENERS,
    COORDINATORS,
    DESCRIPTORS,
    FILLERS,
    NOT_IN_SUBJECTS,
    NOT_SOURCES,
    PHRASE_NOUNS,
    PHRASE_VERBS,
    PREPOSITIONS,
    SUBJECT_BOUNDARIES,
    SUBJECT_OPENERS,
    TITLE_WORDS,
    alternation,
    trie_alternation,
)

# "called Y Z": Y of a few words (not "called a meeting", "called for"), Z quoted or "a ..."
NAMED_OBJECT = re.compile(
    r"\s+(?!(?:a|an|for|on|upon|off|in|up|out|back|to|by|from|at|into|that|as)\b)"
    r"(?P<obj>[\w’'.-]+(?:\s+[\w’'.-]+){0,3}?)\s+(?=[“\"]|(?:a|an)\s)"
)
NAMING = frozenset(form for form, takes in CLAUSE_CUES.items() if takes == "name")
# "expressed concern that", "issued a warning in a letter that", "made it clear that"
PHRASE_REST = re.compile(
    r"\s+(?:(?:a|an|the|its|his|her|their|our|some|strong|deep|grave|serious)\s+){0,2}"
    rf"(?:{alternation(PHRASE_NOUNS)})\s+(?:[^,.;:“”\"]{{0,40}}?\s+)?that\s+"
)
# cue word -> what it takes: say, that, told, intend, name, phrase or an OBJECT_LINKS word
CUES = {**CLAUSE_CUES, **dict.fromkeys(PHRASE_VERBS, "phrase")}
# A base form cues only before a that-clause or a pronoun subject, a naming verb only before
# its object and name: the look-aheads keep the sentences with neither from the rules.


CUE_WORD = re.compile(  # not after a hyphen: "co-wrote", "so-called" cue nothing
    rf"(?<!-)\b(?:according to|{trie_alternation(set(CLAUSE_CUES) - BASE_CUES - NAMING, space=' ')}"
    rf"|(?:{alternation(BASE_CUES)})(?=\s+(?:that|he|she|it|they|we|there)\b)"
    rf"|(?:{alternation(NAMING)})(?={NAMED_OBJECT.pattern})"
    rf"|(?:{alternation(PHRASE_VERBS)})(?={PHRASE_REST.pattern}))\b"
)

TRAILING_COORDINATOR = re.compile(r"\s+(?:and|but|or)$")
DUMMY_IT = re.compile(r"\s+(?:is|was|has\s+been|had\s+been|will\s+be|would\s+be)\b")  # "It is said"
IT_OPENS = re.compile(r"(?:^|[;:]|\b(?:and|but))\s*$")  # "it" opening its clause: its subject
TRAILING_FUNCTION = re.compile(r"(?:\s+(?:of|the|a|an|and|for|at|in|from))+$")

# Adverbs between a source and its cue that the speaker phrases do not pass ("has long said").
ASPECT_ADVERB = re.compile(r"\s(?:long|always|already|still|consistently|since)\s+$")
# A share of the people polled ("84% said", "Four per cent of those surveyed said").
SHARE = re.compile(
    r"(?P<phrase>(?:[Uu]p to\s+)?(?:\d[\d.,]*\s*(?:%|per ?cent|percent)|[A-Za-z]+\s+(?:per ?cent|percent))"
    r"(?:\s+of\s+(?:the\s+|those\s+)?[\w ]{1,30}?)?)\s+(?:have\s+|had\s+)?$"
)
PARENTHESIS = re.compile(r"\s*\([^()\n]{1,40}\)\s*$")  # "(BHC)", "(Brevik, Greens)"
NAMED_START = re.compile(r"(?!(?:The|A|An)\b)[A-Z]")
END_PUNCT = ".!?;: \n"


@dataclass
class Reported:
    """One reported attribution found in a sentence (offsets into the document)."""

    kind: str
    start: int
    end: int
    cue: str
    cue_start: int
    cue_end: int
    source: str
    source_start: int
    negated: bool
    hearsay: bool = False  # speech of no named source: the sentence's subject is not it


def source_before(before: str) -> tuple[int, str]:
    """The source phrase that ends ``before``: a name or title phrase, a description
    ("health officials"), a name with an apposition ("Kallas, an Estonian,"), the name a
    relative "who" refers to, or the one quoted ("X was quoted by Y as"); (0, "") when there
    is none."""
    quoted = QUOTED_AS.search(before) if "quoted" in before else None
    if quoted:  # "Jo Holm was quoted by a spokesman as saying": Holm speaks
        before = before[: quoted.start()] + " "
    elif "quoted" in before and (active := QUOTED_OBJECT.search(before)):
        offset, phrase = source_before(active["object"] + " ")  # "The Herald quoted Jo Holm as"
        return (active.start("object") + offset, phrase) if phrase else (0, "")
    reported_to = REPORTED_TO_HAVE.search(before)
    if reported_to:  # "Jo Holm is also reported to have said": Holm speaks
        before = before[: reported_to.start()] + " "
    relative = RELATIVE_WHO.search(before) or WHO_CLAUSE.search(before)
    if relative:  # "General Sir Richard Dannatt, who said", "Jo Holm, who came here said"
        before = before[: relative.start()] + " "
    parenthesis = PARENTHESIS.search(before)
    if parenthesis:  # "The Harbour Centre (BHC) reports", "Jo Holm (Brevik, Greens) told"
        before = before[: parenthesis.start()] + " "
    aspect = ASPECT_ADVERB.search(before)
    if aspect:  # "Holm has long said"
        before = before[: aspect.start()] + " "
    share = SHARE.search(before)
    if share:
        return share.start("phrase"), share.group("phrase")
    offset, phrase = phrase_tail(before)
    people = PEOPLE_BEFORE.search(before, max(0, offset - 80), offset) if phrase else None
    if people:  # "Some refugees near Tarnby said": the people, not the place
        named = name_before_apposition(before, people.start("head"), MAX_PEOPLE_WORDS)
        return named or (people.start("head"), before[people.start("head") : offset + len(phrase)])
    last = before.split()[-1:]
    described = DESCRIBED.search(before) if last and is_descriptor(last[0]) else None
    if described and (not phrase or described.start("phrase") < offset):
        named = name_before_apposition(before, described.start("phrase"))
        return named or (described.start("phrase"), described.group("phrase"))  # "officials"
    link = LINK_BEFORE.search(before, max(0, offset - 8), offset) if phrase else None
    at = link.start() if link else offset if phrase.split(" ", 1)[0] in SPEAKING_LINKS else -1
    if at > 0 and (named := name_before_apposition(before, at)):
        return named  # "Jo Holm, a captain in Brevik said": Holm, not Brevik
    head_word = before[max(0, at - 30) : at].split()[-1:] if at > 0 else []
    if (
        head_word
        and is_descriptor(head_word[0])
        and (head := DESCRIBED.search(before, max(0, at - 60), at))
    ):  # "Officials in Brevik", "A source for the Acme Party": the description speaks
        return head.start("phrase"), head.group("phrase")
    if (phrase == "It" or (phrase == "it" and IT_OPENS.search(before, 0, offset))) and not (
        DUMMY_IT.match(before, offset + 2)
    ):
        return offset, phrase  # "It said the talks failed": a body named before speaks
    if phrase and phrase.lower() not in NOT_SOURCES:
        after_comma = before[:offset].rstrip().endswith(",")  # "..., in Nairobi, Kenya said"
        named = (
            name_before_apposition(before, offset, MAX_PEOPLE_WORDS if after_comma else 0)
            if phrase[0].islower() or _is_title(phrase) or after_comma
            else None
        )
        if named:  # "Jo Holm, the harbour chief said": Holm, whom the description describes
            return named
        speaking = SPEAKING_FOR.match(phrase)  # "A spokesperson for Mr Howard": not Howard
        return offset, speaking.group("head") if speaking else phrase
    trimmed = without_fillers(before).rstrip()  # "The US, however, has stated"
    if trimmed.endswith(","):  # "Mohammad Saeedi, the deputy head of the agency, denied"
        opening = trimmed.rfind(",", max(0, len(trimmed) - 120), len(trimmed) - 1)
        inner_at = opening + 1 if opening > 0 else max(0, len(trimmed) - 120)
        offset, phrase = phrase_tail(trimmed[:-1] + " ")  # "The envoy, Gen. Kellogg, said"
        if phrase.startswith(("The ", "the ")):  # "The newspaper, The Herald, said": Herald
            offset, phrase = offset + 4, phrase[4:]
        article = trimmed[inner_at:offset].strip().lower() in ("", "the")
        if (phrase and article and NAMED_START.match(phrase)
                and name_of(phrase) and not TITLE_LIKE.search(phrase)
                and not _holds_title(phrase)):  # fmt: skip
            return offset, phrase  # not "Brownlee, Deputy leader of National, denies"
        if opening > 0 and not CUE_WORD.search(trimmed, opening):
            head = trimmed[:opening]  # "The Harbour Union (BHU), a dockers' union, said"
            paren = PARENTHESIS.search(head)
            offset, phrase = phrase_tail(head[: paren.start()] + " " if paren else head)
            if phrase and phrase.lower() not in NOT_SOURCES and name_of(phrase):
                return offset, phrase
    return 0, ""


APPOSITION_OPENERS = frozenset(("the", "a", "an", "his", "her", "its", "their", "of"))
ARTICLES = ("the", "a", "an")


def _is_title(phrase: str) -> bool:
    """``phrase`` opens with a title ("Director-General of the Agency", "Chief Whip")."""
    return phrase.split(maxsplit=1)[0].split("-")[0].lower() in TITLE_WORDS


def _holds_title(phrase: str) -> bool:
    """``phrase`` is a title, its title word last or before a preposition ("Acme CEO", "U.S.
    District Judge for Hawaii"), not a titled name ("Lt. Gen. Kevin Kiley")."""
    words = phrase.split()
    titles = [i for i, w in enumerate(words) if w.lower().strip(".,").split("-")[0] in TITLE_WORDS]
    return bool(titles) and (
        titles[-1] == len(words) - 1 or words[titles[-1] + 1] in ("for", "of", "at", "in", "to")
    )


def name_before_apposition(before: str, offset: int, max_words: int = 0) -> tuple[int, str] | None:
    """The name that opens ``before`` and a comma sets off from the description that ends
    at ``offset`` or holds it ("Jo Holm , the Tarnish harbour chief"), or None; the
    description of at most ``max_words`` (default :data:`MAX_SUBJECT_WORDS`)."""
    comma = before.rfind(",", 0, offset)
    described = before[comma + 1 :].split()  # the description, up to the cue
    if comma > 0 and 0 < len(described) <= 2 and all(w[:1].isupper() for w in described):
        comma = before.rfind(",", 0, comma)  # "..., officer in Nairobi, Kenya": past the place
        described = before[comma + 1 :].split()
    if (
        comma < 0
        or not described
        or len(described) > (max_words or MAX_SUBJECT_WORDS)
        or (
            described[0] not in APPOSITION_OPENERS
            and not _is_title(described[0])
            and not described[0].endswith(("’s", "'s"))  # "Jo Holm, Brevik's harbour chief"
        )
    ):
        return None
    if (
        described[0] in ARTICLES
        and all(w[:1].isupper() for w in described[1:])
        and not _holds_title(" ".join(described[1:]))
    ):
        return None  # "..., Syria and Iran, the United States has": a name, no description
    at, name = phrase_tail(before[:comma].rstrip() + " ")
    opening = before[:at].strip()  # nothing, or an opening phrase with its comma
    if (name and " " in name.strip() and NAMED_START.match(name) and name_of(name)
            and not name.split()[0].endswith("ing")  # not "Echoing the Xinhua News Agency"
            and (not opening or (opening.endswith((",", '"', "”", "''"))
                                 and len(opening.split()) > 1))):  # fmt: skip
        return at, name  # two words or more: not "Furthermore, the committee"
    return None


def subject_ends(before: str, whole: bool) -> bool:
    """A source phrase or a plain noun phrase subject ends ``before``: the cue after it
    is a verb ("The union claims that"), not a noun ("There are claims that")."""
    return bool(source_before(before)[1] or plain_subject(before, whole)[1])


QUOTED_AS = re.compile(
    r"\s(?:is|was|were|has\s+been|had\s+been)\s+(?:\w+ly\s+)?quoted\s+(?:(?:by|in)\s+[^,;:]{1,80}?\s+)?as\s+$"
)
# "was said to have": hearsay; "is reported to have said": the cue after it gives the source
HEARSAY_TO = re.compile(rf"\s*to\b(?!\s+have\s+(?:\w+ly\s+)?(?:{alternation(CUES)})\b)")
QUOTED_OBJECT = re.compile(r"\bquoted\s+(?P<object>[^;:“”\"]{1,80}?)\s+as\s+$")
REPORTED_TO_HAVE = re.compile(
    r"\s(?:is|was|are|were)\s+(?:also\s+|\w+ly\s+)?(?:reported|said|alleged|understood)\s+to\s+have\s+$"
)
RELATIVE_WHO = re.compile(
    rf"(?:,?\s*who|,\s*which)\s+(?:(?:{alternation(FILLERS)}|\w+ly)\s+)*$"
)  # "who recently", "the Trust, which has"
WHO_CLAUSE = re.compile(  # a "who" clause, its closing comma left out, or any relative clause
    # closed by a comma; not "X, who he said", "who said Y", "X, which Israel says"
    r",\s*(?:who\s+(?!(?:he|she|they|we|it)\b)(?![^,]*\b(?:said|says|say|told)\b)[^,;:“”\"]+"
    r"|(?:who|which)\s+(?!(?:he|she|they|we|it)\b)(?![^,]*\b(?:said|says|say|told)\b)"
    r"[^,;:“”\"]+,)\s*$"
)
TITLE_LIKE = re.compile(r"\s(?!(?:of|the|for|and)\b)[a-z]")  # a lower-case word: a description
SUBJECT_WORD = re.compile(r"[\w’'&-]+")
NOT_WORD = re.compile(r"[^\w\s’'&-]")
SKIPPED = frozenset((*FILLERS, "did", "does", "do"))
OPENERS, BOUNDARIES = frozenset(SUBJECT_OPENERS), frozenset(SUBJECT_BOUNDARIES)
NOT_OPENING = frozenset(CLAUSE_OPENERS)
MAX_SUBJECT_WORDS = 7
MAX_PEOPLE_WORDS = 12  # "Jo Holm, an associate professor in physics at the University of X"
PLURAL_WORD = re.compile(r"[a-z]{3,}[a-rt-z]s")  # "On Saturday, villagers told"
VERB_AFTER_NAME = re.compile(r"[A-Z][\w-]*(?<!['’]s)\s+(?:\w+ly\s+)?\w+ed\b")  # "Korea denied"


def plain_subject(before: str, whole: bool) -> tuple[int, str]:
    """The plain noun phrase that ends ``before`` (its last words, fillers aside) when it
    opens the sentence (``whole``: ``before`` starts there) or follows a comma or a
    subordinator: "The party has", "Some politicians", "after American lumber producers";
    its head a lower-case noun, its first word a capital or a determiner ("the", "some");
    (0, "") otherwise. Reads at most a few words back."""
    words = list(SUBJECT_WORD.finditer(before, max(0, len(before) - 120)))
    end = len(words)
    while end and (words[end - 1].group().lower() in SKIPPED
                   or words[end - 1].group().endswith("ly")):  # fmt: skip
        end -= 1
    if not end or NOT_WORD.search(before, words[end - 1].end()):
        return 0, ""
    head = words[end - 1].group()
    if (not head.islower() or head in NOT_IN_SUBJECTS or head in OPENERS or len(head) < 3
            or head.endswith(("ly", "ing", "ed"))):  # fmt: skip
        return 0, ""
    first = end - 1
    while True:
        gap = before[words[first - 1].end() : words[first].start()] if first else ""
        if first == 0 or gap.strip() or words[first - 1].group().lower() in BOUNDARIES:
            break  # the start of ``before``, a comma or a subordinator before the phrase
        word = words[first - 1].group()
        if (word.lower() in NOT_IN_SUBJECTS or word in CUES or end - first >= MAX_SUBJECT_WORDS
                or (word.endswith("ed") and first > 1 and VERB_AFTER_NAME.match(
                    before, words[first - 2].start()))):  # fmt: skip
            return 0, ""  # "North Korea immediately denied all": a clause, not a phrase
        first -= 1
    gap = before[words[first - 1].end() : words[first].start()].strip() if first else ""
    opening = words[first].group()
    bounded = gap in (",", ";") or (first and not gap) or (not first and whole)
    plural = first == end - 1 and gap in (",", ";") and PLURAL_WORD.fullmatch(opening)
    if (not bounded or opening in NOT_OPENING or opening.lower() in NOT_IN_SUBJECTS
            or not (opening[0].isupper() or opening.lower() in OPENERS or plural)):  # fmt: skip
        return 0, ""
    if gap == "," and opening.islower():  # "Julia Gillard, the party's spokeswoman said"
        named_at, named = phrase_tail(before[: words[first - 1].end()] + " ")
        if (named and NAMED_START.match(named) and named.split()[0] not in NOT_OPENING
                and not before[:named_at].strip() and name_of(named)):  # fmt: skip
            return named_at, named
    return words[first].start(), before[words[first].start() : words[end - 1].end()]


# A description and whom it speaks for ("a spokeswoman for Acme", "a source in the party"): the
# speaker is the description, unnamed.
SPEAKING_LINKS = ("for", "from", "in", "at", "with")
LINK_BEFORE = re.compile(rf"\b(?:{alternation(SPEAKING_LINKS)})\s+$")
SPEAKING_FOR = re.compile(
    r"(?P<head>(?:(?:a|an|the|one|some|two|three|several)\s+)?(?:[\w’'-]+\s+){0,2}?"
    rf"(?:{alternation(DESCRIPTORS)}))\s+(?:{alternation(SPEAKING_LINKS)})\s",
    re.IGNORECASE,
)
DESCRIPTOR_ENDINGS = (*DESCRIPTORS, "ly")


def is_descriptor(word: str) -> bool:
    """Whether ``word`` (the last before a cue, maybe an adverb after it) could end a
    description: cheap, before the regular expression that finds the description."""
    return word.lower().endswith(DESCRIPTOR_ENDINGS)


NOT_DESCRIBING = alternation({*NOT_SOURCES, *PREPOSITIONS, *COORDINATORS, *CUES})
DESCRIBED = re.compile(
    r"(?P<phrase>(?<![\w.’'-])(?:(?:the|a|an|some|many|several)\s+)?(?:[A-Z][\w.’'-]*(?:’s|'s)\s+)?"
    rf"(?:(?!(?:{NOT_DESCRIBING})\b)[\w.’'-]+\s+)?"
    r"(?:" + "|".join(sorted(DESCRIPTORS, key=len, reverse=True)) + r"))\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)


CLAUSE_SUBJECT = re.compile(  # "announced it would", "announced the government will provide"
    r"(?:he|she|it|they|we|there)\b|(?:the|a|an|his|her|its|their|[A-Z][\w’'-]*)\s+"
    rf"(?:[\w’'-]+\s+){{0,3}}?(?:{alternation(AUXILIARIES)})\b"
)  # "The fees, according to Holm, will rise.": the sentence is the clause.


def according_source(phrase_text: str) -> str:
    """The source of "according to PHRASE": its head phrase less trailing function words
    ("Olsen of the port board" -> "Olsen"), else the whole phrase ("eyewitnesses")."""
    head = TRAILING_FUNCTION.sub("", phrase_head(phrase_text))
    return head if head and head.lower() not in NOT_SOURCES else phrase_text.strip()


def make_reported(doc, cue, cue_start, cue_end, phrase_text, phrase_at, start, limit, negated):
    phrase = according_source(phrase_text)
    end = trim_end(doc.text, start, limit)
    return make_raw("", start, end, cue, cue_start, cue_end, phrase, phrase_at, negated)


def make_raw(kind, start, end, cue, cue_start, cue_end, phrase, source_start, negated,
             hearsay=False):  # fmt: skip
    return Reported(kind, start, end, re.sub(r"\s+", " ", cue), cue_start, cue_end, phrase,
                    source_start, negated, hearsay)  # fmt: skip


def trim_end(text: str, start: int, end: int) -> int:
    """``end`` moved back over closing punctuation and spaces."""
    while end > start and text[end - 1] in END_PUNCT + ",":
        end -= 1
    coordinator = TRAILING_COORDINATOR.search(text, max(start, end - 5), end)
    return trim_end(text, start, coordinator.start()) if coordinator else end


BREAK_WORD = re.compile(r"\b(?:which|who|whom|because|when|if|so)\b")
SPACE_RUN = re.compile(r"\s*")
THAT_WORD = re.compile(r"\bthat\s+")
PRONOUN_WORD = re.compile(r"\b(?:he|she|it|they|we|there)\b")


def past_phrase(text: str, start: int, limit: int) -> int:
    """Where the clause starts after an opening prepositional phrase ("said after
    meeting Lavrov that ...", "said in the past it wants ..."): after a "that" or a comma
    close by, else at the first subject pronoun; -1 when there is none."""
    window = min(limit, start + 80)
    that = THAT_WORD.search(text, start, window)
    if BREAK_WORD.search(text, start, that.start() if that else window):
        return -1  # "told them about the plans, which meant that": no clause of the cue
    if that:
        return that.end()
    comma = text.find(",", start, window)
    if comma >= 0:
        return SPACE_RUN.match(text, comma + 1, limit).end()
    pronoun = PRONOUN_WORD.search(text, start, window)
    return pronoun.start() if pronoun else -1
