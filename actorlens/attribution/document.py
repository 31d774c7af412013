"""The document model the attribution rules read: one document's text with its sentences,
paragraphs, quotations (:func:`~actorlens.text.spans.quotation_spans`), actor mentions and
sentence subjects, looked up by offset (:class:`Document`), and the record of who speaks a
passage (:class:`Attribution`).

Every look-up is a bisect over offsets sorted once per document, never a copy or a scan of the
whole text, so the rules that use them cost time linear in a document's length. A sentence's
subject is the first person it names outside quotes and outside an opening "While ..., " clause
(:data:`OPENING_CLAUSE`); a person's pronoun comes from the actors file, else from the words the
document puts before their name ("Ms.", "spokeswoman").
"""

import bisect
import re
from dataclasses import dataclass
from functools import cache

from actorlens.attribution.phrases import (
    PHRASE_STOP,
    bodies_named,
    is_person_name,
    person_part,
    pronoun_cue,
)
from actorlens.attribution.speaker_name import name_of
from actorlens.text.given_names import given_name_pronoun
from actorlens.text.lexicon import (
    BODY_NOUNS,
    CLAUSE_OPENERS,
    INSTITUTION_WORDS,
    LEXICON,
    MADE_BY_NOUNS,
    NOT_NAMES,
    NOT_PERSON_WORDS,
    alternation,
)
from actorlens.text.names import CAPITALISED_NAME
from actorlens.text.spans import quotation_spans

# An opening subordinate or prepositional clause, up to its comma ("While Zelenskyy asked for
# arms, ", never a comma inside a quotation): a name inside it is not the sentence's subject.
OPENING_CLAUSE = re.compile(rf"^\W*(?:{alternation(CLAUSE_OPENERS)})\b[^,\"“”]*,")
WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?\s+$")
NEWLINE = re.compile(r"\n")
PRONOUN_SUBJECT = re.compile(r"\W*(?:He|She)\s")
HONORIFICS = frozenset(word for words in LEXICON.honorifics.values() for word in words)
# A paragraph break: a line break, or a run of spaces after a sentence's end in text whose
# paragraphs were joined onto one line ("... it.  The next paragraph"): its last character.
PARAGRAPH_BREAK = re.compile(
    r"\n|(?<=[.!?])[\"”’']?(?:[ \t]{2,}(?=\S)|[ \t]+(?=\*))"
)  # "*": a bullet
WIKI_TITLE = re.compile(r"''(?P<title>[^'\n]{1,80}?)\s*''")  # a title in wiki italics
ACRONYM = re.compile(r"[A-Z]{2,6}")
INITIAL_SKIPS = frozenset(("of", "the", "and", "for", "on", "&"))
DESCRIPTION_WINDOW = 3000  # how far back "the committee" looks for its name
LINKS = ("at", "of", "from", "in", "for", "with", "to")  # "a surgeon at (the hospital)"
# "the committee", "The courts", "the newspaper": a body or an outlet the document named before
DEFINITE_BODY = re.compile(
    rf"the\s+(?P<noun>(?:{alternation((*BODY_NOUNS, *INSTITUTION_WORDS))})s?)", re.IGNORECASE
)
WORD_SPAN = re.compile(r"\S+")
# "a WTO panel", "a 3 News poll"; "a poll by Acme Research": who made a poll or sat as a panel.
# A maker's word ends in a point only as an initialism ("U.N."): "Agency.  The" is two sentences.
MAKER_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z0-9][\w&-]*(?:\.[\w&-]+)*)"
MAKER = rf"(?!(?:The|A|An)\b){MAKER_WORD}(?:\s+{MAKER_WORD})*"
MADE = rf"(?:{alternation(MADE_BY_NOUNS)})s?\b"
MADE_BY = re.compile(
    rf"\b(?P<name>{MAKER})\s+(?P<noun>{MADE})|\b(?P<made>{MADE})\s+(?:(?:conducted|commissioned"
    rf"|published|released|carried out)\s+)?by\s+(?:the\s+)?(?P<maker>{MAKER})"
)


@dataclass(frozen=True)
class Attribution:
    """Who speaks a quote and which cue says so: the speaker (an actor, or the name of
    a person or organisation that is none), the phrase naming them and the cue, with
    their offsets (-1 when absent)."""

    speaker_id: str = ""
    speaker_text: str = ""
    cue: str = ""
    cue_end: int = -1
    speaker_name: str = ""
    source_start: int = -1
    cue_start: int = -1


class Document:
    """One document's text, sentences and actor mentions, with lookups by offset."""

    def __init__(self, text: str, sentence_starts: list[int], mentions: list[tuple], persons):
        self.text = text
        self.sentence_starts = sentence_starts
        self.mentions = sorted(mentions)  # (start, end, actor_id)
        self.mention_starts = [m[0] for m in self.mentions]
        self.persons = persons  # person actor id -> pronoun from the actors file, or ""
        self.quotes = quotation_spans(text)
        self.quote_starts = [s for s, _ in self.quotes]
        self.newlines = [m.start() for m in NEWLINE.finditer(text)]
        self.breaks = [m.end() - 1 for m in PARAGRAPH_BREAK.finditer(text)]  # paragraph bounds
        self.pronouns = self._person_pronouns()
        # runs of two or more capitalised words, found once: the names a speaker or a
        # sentence subject can have
        runs = [(m.start(), m.end(), m.group()) for m in CAPITALISED_NAME.finditer(text)]
        self.long_names = [run for run in runs if len(run[2].split()) >= 2]
        self.one_word_names = [run for run in runs if len(run[2].split()) == 1]
        self._names_by_last: dict[str, str] | None = None
        self._phrase_stops: list[int] | None = None
        self._by_head: dict[str, list[tuple[int, int, str]]] | None = None
        self._initials: dict[str, set[str]] | None = None
        self.subjects = self._sentence_subjects()
        self.subject_starts = [subject[0] for subject in self.subjects]

    def _named_with(self, start: int, end: int) -> str:
        """The pronoun cue of a name at ``[start, end)``: its own words and the word before,
        else its given name ("Paul Kagame": he)."""
        before = WORD_BEFORE.search(self.text, max(start - 20, 0), start)
        name = self.text[start:end]
        return pronoun_cue(name + " " + (before.group(1) if before else "")) or (
            given_name_pronoun(name)
        )

    def _person_pronouns(self) -> dict[str, str]:
        """Person actor -> pronoun: the actors file's, else the one cue this document's
        mentions of them agree on ("spokeswoman Tammy Bruce"), else ""."""
        cues: dict[str, set] = {}
        for start, end, actor in self.mentions:
            if actor in self.persons and not self.persons[actor]:
                cues.setdefault(actor, set()).add(self._named_with(start, end))
        agreed = {actor: (given - {""}).pop() for actor, given in cues.items()
                  if len(given - {""}) == 1}  # fmt: skip
        return {actor: self.persons[actor] or agreed.get(actor, "") for actor in self.persons}

    def names_by_last_word(self) -> dict[str, str]:
        """Last word -> the longest name ending with it in the document ("Blair" -> "Tony
        Blair"), a person's before an organisation's ("Ahmad" -> "Muneer Ahmad", not "the
        Union Tribune Ahmad"), titles and the places or bodies of the actors file that run
        into it ("New Zealand Helen Clark") left out; built on first use."""
        if self._names_by_last is None:
            best: dict[str, tuple[bool, int, str]] = {}
            for start, end, run in self.long_names:
                cut = self._after_bodies(start, end)
                name = person_part(name_of(run[cut - start :]), self.text)
                last = name.split()[-1] if name else ""
                key = (is_person_name(name), len(name), name)
                if name and key > best.get(last, (False, 0, "")):
                    best[last] = key
            self._names_by_last = {last: key[2] for last, key in best.items()}
        return self._names_by_last

    def _after_bodies(self, start: int, end: int) -> int:
        """Where a run of names at ``[start, end)`` goes on after the mentions of actors
        that are no persons it opens with ("New Zealand" in "New Zealand Helen Clark")."""
        index = bisect.bisect_left(self.mention_starts, start)
        cut = start
        while index < len(self.mentions) and self.mentions[index][0] == cut:
            m_end, actor = self.mentions[index][1], self.mentions[index][2]
            if actor in self.persons or m_end >= end:
                break
            cut = m_end + len(self.text[m_end:end]) - len(self.text[m_end:end].lstrip())
            index = bisect.bisect_left(self.mention_starts, cut)
        return cut

    def names_unmatched(self, start: int, phrase: str, name: str) -> bool:
        """Whether the last word of ``name`` in ``phrase`` (at ``start``) lies outside
        every actor mention: the name is someone the actors file does not list."""
        at = start + phrase.rfind(name.split()[-1])
        index = bisect.bisect_right(self.mention_starts, at) - 1
        return index < 0 or self.mentions[index][1] <= at

    def fullest(self, name: str) -> str:
        """The fullest form of ``name`` the document gives."""
        if not name:
            return ""
        words = name.split()
        fuller = self.names_by_last_word().get(words[-1], name)
        given = fuller.lower().split()[:-1]  # "Jo Smith" is no "Adam Smith", "Jo K. Smith" is
        fits = len(words) == 1 or words[0].lower() in given
        fits = fits and (is_person_name(fuller) or not is_person_name(name))  # not a body's run
        return fuller if fits and len(fuller) > len(name) else name

    def wiki_title(self, start: int, end: int) -> str:
        """The title in wiki italics (''News of the World'') that ``[start, end)`` reaches
        into, a leading "The" left out; "" when the span holds no wiki mark."""
        if self.text.find("''", start, end) < 0:
            return ""
        paragraph = self.paragraph_start(start)
        for match in WIKI_TITLE.finditer(self.text, paragraph, self.paragraph_end(end)):
            if match.start() < end and match.end() > start:
                return _without_article(match.group("title"))
        return ""

    def named_before(self, noun: str, offset: int) -> tuple[int, int, str] | None:
        """The latest name before ``offset`` (within :data:`DESCRIPTION_WINDOW`) whose last
        word, or the word before its "of", is ``noun``, singular or plural ("the committee" ->
        "Norwegian Nobel Committee", "the court" -> "Brevik Court of Appeals"), or an outlet
        named beside it ("the magazine" -> "''Veja''" after "the weekly magazine ''Veja''");
        with its offsets; None when there is none, two different names share its sentence or
        the description follows a preposition ("a surgeon at the hospital")."""
        before = self.text[max(0, offset - 16) : offset].lower().split()[-2:]
        if before[-1:] in ([link] for link in LINKS) and before[:1] != ["according"]:
            return None  # "a surgeon at the hospital": a place a person is at, not a body's voice
        if self._by_head is None:
            self._by_head = {}
            for start, end, run in self.long_names:  # "Nobel Committee", "Court of Appeals"
                for head in {run.split()[-1], run.split(" of ")[0].split()[-1]}:
                    self._by_head.setdefault(_singular(head), []).append((start, end, run))
        window, head = max(offset - DESCRIPTION_WINDOW, 0), _singular(noun)
        found = [f for f in self._by_head.get(head, []) if window <= f[0] < offset]
        if head.lower() in INSTITUTION_WORDS:  # "the Brazilian magazine": a place, no name
            outlets = outlets_named(self.text, head.lower(), window, offset)
            found += [o for o in outlets if not self.actors_in(o[0], o[1])]
        else:
            found += bodies_named(self.text, head.lower(), window, offset)
        found.sort()
        if not found:
            return None
        (start, end, run), previous = found[-1], found[-2] if len(found) > 1 else None
        if (
            previous
            and _without_article(previous[2]) != _without_article(run)
            and self.sentence_start(previous[0]) == self.sentence_start(start)
        ):
            return None  # two bodies of that name in one sentence: no guess
        return start, end, _without_article(run)

    def maker_before(self, noun: str, offset: int) -> tuple[int, int] | None:
        """Where the name of the latest maker of a ``noun`` before ``offset`` stands (within
        :data:`DESCRIPTION_WINDOW`): "the poll" after "a 3 News poll" or "a poll by Acme"."""
        found = None
        for match in MADE_BY.finditer(self.text, max(0, offset - DESCRIPTION_WINDOW), offset):
            made, group = (match["noun"], "name") if match["name"] else (match["made"], "maker")
            words = match[group].split()
            while words and words[0] in NOT_NAMES:  # "The WTO panel", "A survey": no name
                words = words[1:]
            if words and _singular(made) == _singular(noun):
                found = self.text.index(words[0], match.start(group)), match.end(group)
        return found

    def expansion(self, acronym: str) -> str:
        """The name the document spells ``acronym`` out as: the one name whose initials it
        is ("NSA" -> "National Security Agency"); "" for none or several."""
        if not ACRONYM.fullmatch(acronym):
            return ""
        if self._initials is None:
            self._initials = {}
            for _, _, run in self.long_names:  # each tail: "Archive The British National Party"
                words = run.split()
                for first in range(len(words) - 1):
                    tail = [w for w in words[first:] if w.lower() not in INITIAL_SKIPS]
                    initials = "".join(word[0] for word in tail)
                    self._initials.setdefault(initials, set()).add(
                        _without_article(" ".join(words[first:]))
                    )
        names = self._initials.get(acronym, ())
        return next(iter(names)) if len(names) == 1 else ""

    def phrase_end(self, offset: int) -> int:
        """Where the phrase of :data:`~actorlens.attribution.phrases.PHRASE_CHAR` that holds
        ``offset`` ends: the next :data:`~actorlens.attribution.phrases.PHRASE_STOP` (all found
        once, on first use), else the text's end."""
        if self._phrase_stops is None:
            self._phrase_stops = [m.start() for m in PHRASE_STOP.finditer(self.text)]
        index = bisect.bisect_left(self._phrase_stops, offset)
        return self._phrase_stops[index] if index < len(self._phrase_stops) else len(self.text)

    def in_quote(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self.quote_starts, start) - 1
        return index >= 0 and end <= self.quotes[index][1]

    def _overlaps_mention(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self.mention_starts, end)
        return any(e > start for _, e, _ in self.mentions[max(index - 8, 0) : index])

    def _sentence_subjects(self) -> list[tuple[int, str, str, str]]:
        """(offset, subject, cue, name) of each sentence: the first person named outside
        quotes (and outside an opening "While ..., " clause): an actor id, or "" for a
        named person who is not an actor ("Kevin Andrews", kept as the name), with the
        pronoun cue of that name ("Ms. Jane Doe": she)."""
        candidates = [(*m, "") for m in self.mentions if m[2] in self.persons]
        lone = list(self.one_word_names)
        for start, end, run in self.long_names:
            spans = [
                m for m in WORD_SPAN.finditer(run) if m.group().strip("’'s") in NOT_PERSON_WORDS
            ]
            if spans:  # "Supreme Court Associate Justice Sandra Day O'Connor": after the body
                start, run = start + spans[-1].end() + 1, run[spans[-1].end() + 1 :]
            words = [w for w in run.split() if w not in NOT_NAMES]
            titled = len(words) == 1 and run.split()[0].lower().rstrip(".") in HONORIFICS
            if len(words) < 2 and not titled:
                if words and run.endswith(words[0]):  # "When Moussaoui": the one name word
                    lone.append((end - len(words[0]), end, words[0]))
                continue
            if not self._overlaps_mention(start, end):  # "Mr Reid": the fullest form given
                name = person_part(name_of(run), self.text)
                candidates.append((start, end, "", self.fullest(name) if titled else name))
        for start, end, word in lone:  # "Moussaoui" after "Zacarias Moussaoui"
            fuller = self.names_by_last_word().get(word, word)
            if fuller != word and is_person_name(fuller) and not self._overlaps_mention(start, end):
                candidates.append((start, end, "", fuller))
        subjects: dict[int, tuple[int, str, str, str]] = {}
        clauses: dict[tuple[int, int], int] = {}  # sentence -> end of its opening clause
        for start, end, subject, name in sorted(candidates):
            if self.in_quote(start, end):
                continue
            sentence_start = self.sentence_start(start)
            if sentence_start in subjects:
                continue  # the sentence has its subject: a later name changes nothing
            sentence = (sentence_start, self.sentence_end(start))
            if sentence not in clauses:  # read once per sentence, not once per name
                clause = OPENING_CLAUSE.match(self.text[sentence[0] : sentence[1]])
                clauses[sentence] = sentence_start + clause.end() if clause else -1
                if PRONOUN_SUBJECT.match(self.text, sentence_start):  # "He said that X ..."
                    clauses[sentence] = sentence[1]  # the pronoun is the subject, no name
            if clauses[sentence] > start:
                continue  # inside an opening "While ..., " clause: not the subject
            cue = self._named_with(start, end) or (name and given_name_pronoun(name))
            subjects[sentence_start] = (start, subject, cue, name)
        return sorted(subjects.values())

    def sentence_start(self, offset: int) -> int:
        index = bisect.bisect_right(self.sentence_starts, offset) - 1
        return self.sentence_starts[index] if index >= 0 else 0

    def sentence_end(self, offset: int) -> int:
        index = bisect.bisect_right(self.sentence_starts, offset)
        return self.sentence_starts[index] if index < len(self.sentence_starts) else len(self.text)

    def line_start(self, offset: int) -> int:
        """Start of the line holding ``offset`` (``text.rfind("\\n", 0, offset) + 1``)."""
        index = bisect.bisect_left(self.newlines, offset) - 1
        return self.newlines[index] + 1 if index >= 0 else 0

    def paragraph_start(self, offset: int) -> int:
        """Start of the paragraph holding ``offset``: after the latest break before it."""
        index = bisect.bisect_left(self.breaks, offset) - 1
        return self.breaks[index] + 1 if index >= 0 else 0

    def paragraph_end(self, offset: int) -> int:
        """The first paragraph break at or after ``offset``, else the text's end."""
        index = bisect.bisect_left(self.breaks, offset)
        return self.breaks[index] if index < len(self.breaks) else len(self.text)

    def actors_in(self, start: int, end: int) -> list[str]:
        """Actors mentioned wholly inside ``[start, end)``, in text order."""
        first = bisect.bisect_left(self.mention_starts, start)
        last = bisect.bisect_left(self.mention_starts, end)
        return [actor for _, e, actor in self.mentions[first:last] if e <= end]

    def subject_before(self, offset: int, since: int = 0) -> tuple[str, str]:
        """The person (actor id, name) who is the latest sentence subject before ``offset``
        (from ``since``); ("", "") when there is none."""
        index = bisect.bisect_left(self.subject_starts, offset) - 1
        if index >= 0 and self.subjects[index][0] >= since:
            return self.subjects[index][1], self.subjects[index][3]
        return "", ""


def _singular(word: str) -> str:
    word = word.lower()
    return word[:-3] + "y" if word.endswith("ies") else word.removesuffix("s")


def _without_article(name: str) -> str:
    """``name`` less the article that opens it ("The Sunday Telegraph")."""
    first, _, rest = name.partition(" ")
    return rest if rest and first in ("The", "A", "An") else name


@cache
def _named_outlets(noun: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The patterns of ``noun``, of an outlet's name right after it ("the newspaper
    ''Times''") and right before it ("the Harbour Times newspaper"): wiki italics or
    capitalised words."""
    word = r"(?!(?:The|A|An)\b)[A-Z][\w’'&]*(?:-[A-Z][\w’'&]*)*\b(?!-)"  # not "Jutland-based"
    name = rf"''[^'\n]{{1,60}}?''|{word}(?:\s+{word}){{0,3}}"
    return (re.compile(rf"\b{noun}s?\b"), re.compile(rf"\s+(?P<name>{name})"),
            re.compile(rf"(?P<name>{name})\s+$"))  # fmt: skip


def outlets_named(text: str, noun: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, name) of each outlet ``text[start:end]`` names beside the lower-case
    ``noun``, the name after it first ("the Danish newspaper Jyllands-Posten", "the Harbour
    Times newspaper"), the name only."""
    nouns, after, before = _named_outlets(noun)
    found = []
    for at in nouns.finditer(text, start, end):
        match = after.match(text, at.end(), end) or before.search(text, max(0, at.start() - 80),
                                                                   at.start())  # fmt: skip
        if not match:
            continue
        first, words = match.start("name"), match["name"].split()
        while len(words) > 1 and words[0] in NOT_NAMES:  # "What Veja magazine": Veja
            first, words = text.index(words[1], first), words[1:]
        found.append((first, match.end("name"), " ".join(words).strip("'")))
    return found
