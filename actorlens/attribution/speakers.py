"""Who speaks: :class:`SpeakerResolver` turns a speaker phrase into a speaker, keeping the
speakers of a document, in text order, in its :class:`~actorlens.attribution.antecedents.Antecedents`
for the pronouns and continuations that follow.

The speaker phrase resolves through the actor mentions it holds (names, titles such as "the
Kremlin leader", metonyms such as "the Kremlin"), else to the name it holds, in the fullest
form the document gives. A pronoun resolves to the latest person it fits
(:mod:`actorlens.attribution.antecedents`). A person's pronoun comes from the actors file
(``pronoun:``), else from the words the document puts before their name ("Ms.",
"spokeswoman", "King") or from the pronoun that named them as the speaker of an earlier quote.
A title ("the minister") is the one person the document gives it
(:mod:`actorlens.attribution.titles`); a statement its owner names ("Holm's statement") speaks
for that owner. When the text names a speaker who is no actor ("Protesters chanted"),
``speaker_id`` stays empty, ``speaker_text`` keeps the words.
"""

import bisect
import re

from actorlens.attribution.antecedents import Antecedents
from actorlens.attribution.document import DEFINITE_BODY, Attribution, Document
from actorlens.attribution.people import AGED, aged_runs, describes_people
from actorlens.attribution.phrases import (
    PRONOUNS,
    body_tail,
    is_person_name,
    person_part,
    phrase_tail,
)
from actorlens.attribution.reported_source import source_before
from actorlens.attribution.speaker_name import name_of
from actorlens.attribution.titles import TITLED, titled_person
from actorlens.text.lexicon import (
    AUXILIARIES,
    BODY_NOUNS,
    DESCRIPTORS,
    ISSUE_VERBS,
    MADE_BY_NOUNS,
    NOT_NAMES,
    NOT_PERSON_WORDS,
    STATEMENT_NOUNS,
    alternation,
)

TRAILING_NAME = re.compile(r"\s+(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)+)\s*")
A_STATEMENT = re.compile(rf"(?:an?|its|their)\s+(?:\w+\s+)?(?:{alternation(STATEMENT_NOUNS)})")
ISSUER = re.compile(
    rf"(?P<issuer>[^,;:]*?)\s+(?:ha(?:s|ve|d)\s+)?(?:{alternation(ISSUE_VERBS)})\s+$"
)
ISSUED_STATEMENT = re.compile(  # "The agency issued a statement": its issuer
    rf"(?P<issuer>[^,;:.]*?)\s+(?:ha(?:s|ve|d)\s+)?(?:{alternation(ISSUE_VERBS)})\s+"
    rf"{A_STATEMENT.pattern}"
)
OWNERS = {"his": "he", "her": "she"}
OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}
OWNED_STATEMENT = re.compile(
    rf"(?P<owner>his|her)\s+(?:\w+\s+)?(?:{alternation(STATEMENT_NOUNS)}|comments|remarks)"
)
# "Holm's statement", "the agency's comments": what its owner said
NAMED_STATEMENT = re.compile(
    rf"(?P<owner>.*?\S)['’]s?\s+(?:{alternation(STATEMENT_NOUNS)}|comments|remarks)"
)
THE_STATEMENT = re.compile(rf"(?:the|this|that)\s+(?:{alternation(STATEMENT_NOUNS)})")
# The first verb of a sentence ("The ministry has denied ...", "The board rejected ..."): the
# words before it are the sentence's subject; one word may come before it ("Currently the").
FIRST_VERB = re.compile(rf"\s(?:{alternation(AUXILIARIES)}|[a-z]+ed|[a-z]+(?=\s+(?:on\s+)?to\s))\b")
OPENING_WORDS = 1
# "One employee from (Acme)", "Lawyers acting (for Jo Smith)": a described speaker, not the name.
LINKS = ("for", "from", "in", "at", "of", "with", "to")  # "an aide to", "embassy in"
OPENERS = ("a", "an", "the", "one", "two", "three", "several", "some", "many")
DESCRIBED_BEFORE = re.compile(
    rf"(?:^|(?<=[\s,;:]))(?:(?P<opener>{'|'.join(OPENERS)})\s+)?(?P<head>[A-Za-z][a-z-]+)"
    rf"\s+(?:acting\s+)?(?:{'|'.join(LINKS)})\s+$",
    re.IGNORECASE,
)
# A body's name of capitalised words ending in a descriptor ("The International Energy Agency").
CAPITALISED_BODY = re.compile(
    r"(?:(?:[Tt]he|[Aa]n?)\s+)?(?P<name>(?:[A-Z][\w’'-]*\s+)+(?P<head>[A-Z]\w*))"
)
# "a WTO panel", "the poll": what a named body made or sat as speaks in its name.
MADE_PHRASE = re.compile(
    r"(?P<article>[Aa]n?|[Tt]he)\s+(?:(?:recent|new|latest|separate)\s+)?"
    rf"(?:(?P<name>[A-Z0-9][\w.&-]*(?:\s+[A-Z0-9][\w.&-]*)*)\s+)?(?P<noun>(?:{alternation(MADE_BY_NOUNS)})s?)"
)
# What follows a place inside a body's name: "(Russia)'s Federal Atomic Energy Agency".
BODY_AFTER_PLACE = re.compile(
    r"(?P<own>['’]s)?[\s-]*(?P<body>(?:[A-Z][\w-]*\s+)*(?P<head>[A-Z]\w*))"
)


class SpeakerResolver:
    """Resolves the speaker phrases of one document, in text order, remembering the speakers
    found for the pronouns and continuations that follow."""

    def __init__(self, document: Document):
        self.doc = document
        # (offset, speaker, cue, name) of quotes with a named speaker; speaker "" for a
        # person who is no actor (their name kept), the cue the pronoun of the speaker
        # phrase ("Mr Howard": he)
        self.said = Antecedents(document)  # the speakers named so far
        self.unnamed_at = -1  # the latest quote with a cue that names nobody
        self.asked = (-1, "", "")  # (offset, speaker, name) of the person a question asks

    def resolve(self, phrase: str, start: int) -> tuple[str, str]:
        """(actor id, name) of a speaker phrase found at ``start``: the actor it mentions,
        else the name it holds (:func:`name_of`); a pronoun takes the latest fitting
        speaker or subject."""
        if not phrase:
            return "", ""
        if "''" in phrase and (title := self.doc.wiki_title(start, start + len(phrase))):
            return "", title  # ''News of the World'': the title, never its marks
        pronoun = OBJECT_PRONOUNS.get(phrase.lower(), phrase.lower())  # "according to him"
        if pronoun in ("they", "it"):  # "According to Privacy International, ... It also stated"
            speaker, name = self.said.latest_speaker(start)
            if not (speaker or name) and pronoun == "it":  # "Acme met. It claims": Acme
                speaker, name = self.opening_subject(self.doc.sentence_start(start) - 1)
            body = (
                speaker not in self.doc.persons
                if speaker
                else not is_person_name(name) or (name.split()[-1:] and name.split()[-1].islower())
            )  # "Tarnish government"
            return (speaker, name) if body else ("", "")
        if pronoun in PRONOUNS:
            return self.said.pronoun(start, pronoun) if PRONOUNS[pronoun] else ("", "")
        if THE_STATEMENT.fullmatch(pronoun):  # "added the statement": its issuer, said last,
            return self._statement_issuer(start) or self.said.latest_speaker(start)  # or issued
        owned = OWNED_STATEMENT.fullmatch(pronoun)
        if owned:  # "His statement said", "Her comments indicated": the pronoun's person
            return self.said.pronoun(start, OWNERS[owned["owner"]])
        if named := NAMED_STATEMENT.fullmatch(phrase):  # "Holm's statement said"
            return self.resolve_source(named["owner"], start)
        issuer = A_STATEMENT.fullmatch(pronoun) and ISSUER.search(
            self.doc.text, max(self.doc.sentence_start(start), start - 200), start
        )
        if issuer:  # "X has issued a statement declaring"
            return self._issuer(issuer)
        actors = self.doc.actors_in(start, start + len(phrase))
        if describes_people(phrase):  # "American lumber producers": no one's voice
            return "", ""
        persons = [a for a in actors if a in self.doc.persons]
        if aged := AGED.fullmatch(phrase):  # "the 54-year-old": the one person aged 54
            found = {self.resolve(run, at) for at, _, run in aged_runs(self.doc, aged[1], start)}
            return found.pop() if len(found) == 1 else ("", "")
        titled = TITLED.fullmatch(phrase) if not persons else None
        modifiers = [w for w in phrase.split()[1:-1] if w[:1].isupper()]  # "the Greens leader"
        if titled and any(person := titled_person(self.doc, titled["head"], start, modifiers)):
            return person  # "the Australian leader": the one person the document titled so
        if titled and titled["head"].islower() and not actors:
            return "", ""  # "Northern Ireland secretary": a title, not the place it names
        name = self.doc.fullest(person_part(name_of(phrase), self.doc.text)) or self._surname(
            phrase
        )
        if not (name or actors):  # "the Egyptian interior ministry"
            name = body_tail(phrase)[1]
        elif actors and not (name or persons):  # "The leader of the PFLP Ahmed Saadat"
            name = self._name_after_actor(phrase, start)
        if persons:
            return persons[-1], ""
        if actors and not (name and self.doc.names_unmatched(start, phrase, name)):
            return actors[-1], ""
        return "", name  # "Canada's Trade Minister Jim Peterson": the person, not Canada

    def _name_after_actor(self, phrase: str, start: int) -> str:
        """A person's name of two words or more that ends ``phrase`` (at ``start``) right
        after the last actor it mentions: the person a description names at its end."""
        end = start + len(phrase)
        index = bisect.bisect_left(self.doc.mention_starts, end) - 1
        if index < 0 or self.doc.mentions[index][0] < start:
            return ""
        tail = TRAILING_NAME.fullmatch(self.doc.text, self.doc.mentions[index][1], end)
        name = name_of(tail.group("name")) if tail else ""  # no titles: "Governor General"
        return self.doc.fullest(name) if " " in name and is_person_name(name) else ""

    def resolve_source(self, phrase: str, start: int) -> tuple[str, str]:
        """:meth:`resolve` for the source of a reported clause or a position, which also
        reads "the committee" as the body of that name said last, an acronym as the name
        the document spells out and a body named after a place ("the Israeli High Court",
        "Russia's Federal Atomic Energy Agency") as that body, not the place."""
        if self._described_before(phrase, start):  # "One employee from Acme": unnamed
            speaker, _ = self.resolve(phrase, start)
            return (speaker, "") if speaker not in self.doc.persons else ("", "")
        if phrase.lower() == "they":
            return self.said.latest_group(start)
        made = MADE_PHRASE.fullmatch(phrase)
        if made and (maker := self._maker(made, start)):
            return maker
        description = DEFINITE_BODY.fullmatch(phrase)
        if description and (named := self.doc.named_before(description["noun"], start)):
            at, end, name = named
            speaker, found = self._resolve_body(self.doc.text[at:end], at)
            return (speaker, "") if speaker else ("", max(found, " ".join(name.split()), key=len))
        return self._resolve_body(phrase, start)

    def _maker(self, made: re.Match, start: int) -> tuple[str, str] | None:
        """Whom "a WTO panel" or "the poll" (after "a poll by Acme") speaks for, if named."""
        if made["name"]:
            at, end = start + made.start("name"), start + made.end("name")
        elif made["article"].lower() == "the" and (
            found := self.doc.maker_before(made["noun"], start)
        ):
            at, end = found
        else:
            return None
        speaker, name = self._resolve_body(self.doc.text[at:end], at)
        return (speaker, name) if speaker or name else ("", " ".join(self.doc.text[at:end].split()))

    def _described_before(self, phrase: str, start: int) -> bool:
        """Whether a common noun and a link ("One employee from", "Lawyers acting for") come
        right before the name ``phrase`` holds: the speaker is described, not named."""
        first, _, rest = phrase.partition(" ")
        if first.lower() in LINKS and rest:
            first = rest.split()[0]
        if not first[:1].isupper() or first in NOT_NAMES:
            return False
        before = self.doc.text[max(0, start - 40) : start + phrase.find(first)]
        if before.rsplit(None, 1)[-1:] not in ([link] for link in LINKS):
            return False  # no link: "Acme employee Jo Smith" names Jo Smith
        described = DESCRIBED_BEFORE.search(before)
        if not described:
            return False
        head = described["head"]
        place = before.split()[-1] in ("in", "at")  # "the U.S. embassy in (Tarnland)"
        return head.lower() in DESCRIPTORS or (head.islower() and (described["opener"] or place))

    def _resolve_body(self, phrase: str, start: int) -> tuple[str, str]:
        """:meth:`resolve`, with acronyms spelt out and bodies named after a place."""
        speaker, name = self.resolve(phrase, start)
        if speaker not in self.doc.persons and (body := self._body_after_place(phrase, start)):
            return "", body  # "Russia's Federal Atomic Energy Agency", read as a name or not
        if speaker and speaker not in self.doc.persons:
            return speaker, ""
        if not (speaker or name):  # "The International Energy Agency": its name
            return "", self._capitalised_body(phrase)
        return speaker, name if speaker else (self.doc.expansion(name) or name)

    @staticmethod
    def _capitalised_body(phrase: str) -> str:
        """The name of capitalised words a phrase is, when its last word is a descriptor or
        a body noun ("Merseyside Police"), which :func:`name_of` reads as a description."""
        body = CAPITALISED_BODY.fullmatch(phrase)
        head = body["head"].lower() if body else ""
        if not head or (head not in DESCRIPTORS and head not in BODY_NOUNS):
            return ""
        return " ".join(body["name"].split())

    def _body_after_place(self, phrase: str, start: int) -> str:
        """The body's name when capitalised words ending in a body word ("Court") follow the
        last actor a phrase mentions: the name from that actor on, or after its "'s"."""
        end = start + len(phrase)
        index = bisect.bisect_left(self.doc.mention_starts, end) - 1
        if (
            index < 0
            or not start <= self.doc.mentions[index][0]
            or self.doc.mentions[index][1] >= end
        ):
            return ""
        at, place_end, _ = self.doc.mentions[index]
        rest = BODY_AFTER_PLACE.fullmatch(self.doc.text, place_end, end)
        if not rest or rest["head"] not in NOT_PERSON_WORDS:
            return ""
        return rest["body"] if rest["own"] else " ".join(self.doc.text[at:end].split())

    def names_person(self, phrase: str, start: int) -> bool:
        """Whether ``phrase`` (at ``start``) names a person: a person actor or a person's
        name, not a title or a body ("Iran's President", "the director of TV3")."""
        speaker, name = self.resolve(phrase, start)
        return speaker in self.doc.persons or (not speaker and bool(name) and is_person_name(name))

    def _surname(self, phrase: str) -> str:
        """The fuller name of a one-word phrase that is also a common capitalised word,
        which :func:`name_of` reads as no name ("May said" after "Elizabeth May")."""
        if phrase in NOT_NAMES:
            fuller = self.doc.fullest(phrase)
            return fuller if fuller != phrase else ""
        return ""

    def _issuer(self, issuer: re.Match) -> tuple[str, str]:
        """Whom the words before "issued" (``issuer``'s group) name: a body or a speaker."""
        offset, phrase = phrase_tail(issuer.group("issuer"))
        at, body = body_tail(issuer.group("issuer"))
        offset, phrase = (at, body) if body and (not phrase or at < offset) else (offset, phrase)
        return self.resolve(phrase, issuer.start() + offset) if phrase else ("", "")

    def _statement_issuer(self, offset: int) -> tuple[str, str] | None:
        """Who issued "the statement" at ``offset``, told in its sentence or the two before
        ("X issued a statement"), after the latest quote; None when no issue is told."""
        since = max(self.doc.sentence_start(self.doc.sentence_start(offset) - 1) - 1, 0)
        since = max(
            self.doc.sentence_start(since), self.said.recent[-1][0] if self.said.recent else 0
        )
        issues = list(ISSUED_STATEMENT.finditer(self.doc.text, since, offset))
        return self._issuer(issues[-1]) if issues else None

    def opening_subject(self, offset: int) -> tuple[str, str]:
        """The body, place or person that opens the sentence of ``offset`` as its subject,
        before its first verb ("The ministry has denied the report and said ...")."""
        sentence_start = self.doc.sentence_start(offset)
        verb = FIRST_VERB.search(self.doc.text, sentence_start, offset)
        before = self.doc.text[sentence_start : verb.start() + 1] if verb else ""
        at, phrase = source_before(before) if before else (0, "")
        if not phrase and TITLED.fullmatch(before.strip()):  # "The treasurer went on to say"
            at, phrase = len(before) - len(before.lstrip()), before.strip()
        if not phrase or len(before[:at].split()) > OPENING_WORDS:
            return "", ""
        return self.resolve_source(phrase, sentence_start + at)

    def note_quote(self, start: int, chosen: Attribution, addressee: tuple[str, str]) -> None:
        """Keep what a quote tells the quotes after it: that its cue names nobody, or the
        person it asks ("“...?” Reed asked Sanchez": the next paragraph's quote answers)."""
        if chosen.speaker_text and not (chosen.speaker_id or chosen.speaker_name):
            self.unnamed_at = start
        if any(addressee):
            self.asked = (start, *addressee)
        elif chosen.cue:
            self.asked = (-1, "", "")
