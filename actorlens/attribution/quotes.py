"""Quotations and their speakers.

Every quoted passage (:func:`actorlens.text.spans.quote_spans`) is attributed to a speaker
actor from the reporting cue around it, tried in this order, the first one that names
a known actor winning:

1. after the quote: ``“...,” Putin said`` / ``“...,” said Putin`` / ``according to X``;
2. before it, in the same sentence: ``Zelenskyy told Ukrainian TV, “...”``,
   ``Trump called Zelenskyy a “dictator”``, ``saying, “...”`` (a participle takes the
   sentence's subject), ``X: “...”``;
3. a quote with no cue of its own continues the previous quote of the paragraph.

The speaker phrase resolves through the actor mentions it holds (names, titles such
as "the Kremlin leader", metonyms such as "the Kremlin"); a pronoun ("he added")
resolves to the most recent speaker or sentence subject that is a person the pronoun
fits: "she" skips a person known as "he" and the other way round. A person's pronoun
comes from the actors file (``pronoun:``), else from the words the document puts
before their name ("Ms.", "spokeswoman", "King") or from the pronoun that named them as
the speaker of an earlier quote; unknown fits both. When the
text names a speaker who is not an actor ("Protesters chanted"), ``speaker_id`` stays
empty and ``speaker_text`` keeps the words.

The cue verbs, name particles, honorifics and title words come from the lexicon
(:mod:`actorlens.text.lexicon`, ``resources/lexicon.yml``), as for every other stage.

The cost is linear in a document's length: each quote's look-ups are local (its cues
are matched in place within its paragraph, paragraph bounds, earlier speakers and
sentence subjects come from a bisect over sorted offsets), never a copy or a scan of
the whole text or of every earlier quote.
"""

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache, partial

import pandas as pd

from actorlens.core.engine import Engine
from actorlens.mentions.count import CAPITALISED_NAME, NOT_NAMES, sentence_starts
from actorlens.text.lexicon import (
    NAME_PARTICLES,
    PASSIVE_QUOTE_CUES,
    PHRASE_ABBREVIATIONS,
    PRONOUN_WORDS,
    QUOTE_CUES,
    QUOTE_PARTICIPLES,
    TITLE_WORDS,
    alternation,
)
from actorlens.text.spans import quote_spans

QUOTE_COLUMNS = [
    "doc_id", "quote_id", "start", "end", "text", "speaker_id", "speaker_text", "cue", "about",
]  # fmt: skip
CUE = (
    rf"according\s+to|(?:was|were|is|are)\s+(?:{alternation(PASSIVE_QUOTE_CUES)})"
    rf"(?:\s+as\s+saying)?|{alternation(QUOTE_CUES)}"
)
CUE_WORD = re.compile(rf"\b(?:{CUE})\b")
HEADLINE_CUE_WORD = re.compile(rf"\b(?:{CUE})\b", re.IGNORECASE)  # headlines capitalise verbs
MIN_SENTENCE_QUOTE_WORDS = 4
MAX_HEADLINE_CHARS = 200
HEX_VALUE = re.compile(r"#?[0-9a-fA-F]{3,8}")
# Words a speaker phrase may hold besides capitalised ones ("the Kremlin leader",
# "Russia's deputy foreign minister", "a senior official").
PHRASE_WORDS = frozenset(
    """
    the a an of and for his her its their state foreign prime deputy minister ministry
    president vice secretary spokesman spokeswoman spokesperson press leader leaders official
    officials envoy ambassador chancellor senator general chief head special top senior former
    adviser advisor aide representative office government administration lawmaker lawmakers
    """.split()
)
# Words between a speaker and the cue that do not break the link ("Trump last week said"),
# each a whole word: see _filler_start.
FILLER_WORD = re.compile(
    r"also|later|then|again|once|now|previously|earlier|recently|has|had|have|was|"
    r"were|is|will|would|last|this|next|week|month|year|on|[A-Z][a-z]+day|\w+ly"
)
NON_SPACE_RUN = re.compile(r"\S+")
# Words that make a capitalised name an organisation or a place, not a person.
NOT_PERSON_WORDS = frozenset(
    """
    Union Nations Council Party Ministry Department Commission Times News Agency Organization
    Organisation Court Parliament Congress Senate House Government Bank Fund Office Association
    University Company Corporation Committee Republic Kingdom States Forces Army Navy Post Press
    Street Square Island Islands Sea Ocean River City Province State Territory Airport Station
    Assembly Democrats Republicans Conference Summit Security Intelligence Service Guard Police
    """.split()
)
COORDINATORS = frozenset({"and", "but", "or", "then"})
PARTICLE = alternation(NAME_PARTICLES)
NAME_PARTICLE = re.compile(rf"(?:{PARTICLE})-[A-Z]")  # "al-Mussawi"
SUBORDINATORS = re.compile(
    r"^\W*(?:While|Although|Though|After|Before|When|Since|As|Because|If|Unlike|Despite|At|In|On|During|Following|Amid|Under|With|Without|Through|From|For|Speaking)\b[^,]*,"
)
PRONOUNS = {"he": "person", "she": "person", "they": None, "we": None, "i": None}
WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?\s+$")
# The cues right after a quote, matched from the quote's end to its paragraph's end
# (``pattern.match(text, end, paragraph_end)``: no copy of the rest of the text).
# A phrase character: no clause punctuation, but the period of an initial or an
# abbreviated title ("Janet L. Yellen", "Ms. Smith", "Rep. Smith").
ABBREVIATION_DOT = (
    r"(?:(?<=\b[A-Z])"
    + "".join(rf"|(?<=\b{re.escape(word.capitalize())})" for word in PHRASE_ABBREVIATIONS)
    + r")\."
)
PHRASE_CHAR = rf"(?:[^,.;:!?\n“”\"]|{ABBREVIATION_DOT})"
# The cue, then the first character of the phrase: the phrase runs on to the next
# PHRASE_STOP, found with a bisect (:meth:`Document.phrase_end`), and only its first words
# are read, not every character to the paragraph's end ("‘...’ said X ‘...’ said X ...").
RIGHT_CUE_FIRST = re.compile(rf"\s*[,.!?]?\s*(?P<cue>{CUE})\s+(?P<phrase>{PHRASE_CHAR})")
PHRASE_STOP = re.compile(rf"(?!{ABBREVIATION_DOT})[,.;:!?\n“”\"]")  # a non-phrase character
RIGHT_SPEAKER_FIRST = re.compile(
    rf"\s*[,.!?]?\s*(?P<phrase>{PHRASE_CHAR}{{1,80}}?)\s+(?:\w+ly\s+)?(?P<cue>{CUE})\b"
)
# "“...,” Smith, chief strategist at Acme, said": a name, an apposition, the cue.
RIGHT_APPOSITION = re.compile(
    rf"\s*[,.!?]?\s*(?P<phrase>{PHRASE_CHAR}{{1,60}}?),\s*[^,;:!?\n“”\"]{{1,80}}?,\s*"
    rf"(?:\w+ly\s+)?(?P<cue>{CUE})\b"
)
COLON = re.compile(r"(?P<phrase>[^,.;:!?\n“”\"]{1,60}):\s*$")
WORD = re.compile(r"[\w’'.-]+")
NEWLINE = re.compile(r"\n")
NON_SPACE = re.compile(r"\S")


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


# A run of capitalised words and name particles ("Nouri al-Maliki", "Ursula von der Leyen").
NAME_RUN = re.compile(
    rf"\b(?:[A-Z][\w’'.-]*|(?:{PARTICLE})-[A-Z][\w’'-]*)"
    rf"(?:\s+(?:[A-Z][\w’'.-]*|(?:{PARTICLE})(?:-[A-Z][\w’'-]*)?(?=\s|$)))*"
)
# Plural or generic nouns that describe a source without naming it ("Police said").
DESCRIPTORS = frozenset(
    """
    police officials official diplomats diplomat witnesses witness sources source analysts
    analyst experts expert critics critic residents resident authorities doctors protesters
    lawyers investigators observers reports report statement statements newspaper agency
    prosecutors prosecutor officers soldiers troops militants rebels activists organisers
    organizers supporters opponents leaders members scientists researchers economists army
    military hospital ministry court panel committee company spokesman spokeswoman
    spokesperson policeman journalist journalists
    """.split()
)
# "a spokeswoman for X", "officials of X": the person speaking is not named.
UNNAMED_HEAD = re.compile(
    r"^(?:an?|the|one|two|three|several|some|many)?\s*[a-z][\w -]*\b(?:for|of|at|from|with)\s"
)


@lru_cache(maxsize=65536)
def name_of(phrase: str) -> str:
    """The name a speaker phrase holds, titles left out: "Foreign Minister Jack Straw"
    -> "Jack Straw", "Kofi Annan, the UN secretary general" -> "Kofi Annan" (the longest
    run of capitalised words, the last of equals); "" for a pronoun, a description
    ending in a common noun ("US officials") or someone described by their organisation
    ("a spokeswoman for X")."""
    head = phrase.split(",")[0].split()
    if UNNAMED_HEAD.match(phrase) or (
        head and (head[-1].islower() or head[-1].lower() in DESCRIPTORS)
    ):
        return ""  # "US officials", "the newspaper", "Police": a description, no name
    best: list[str] = []
    for match in NAME_RUN.finditer(phrase):
        words = match.group().replace("’s", "").replace("'s", "").split()
        while words and words[0] in NOT_NAMES:
            words = words[1:]  # "The BNP", "It"
        titles = [i for i, w in enumerate(words) if w.lower().rstrip(".") in TITLE_WORDS]
        if titles:  # "Iraqi Prime Minister Nouri al-Maliki"; a title alone names nobody
            words = words[titles[-1] + 1 :]
        if words and words[0].lower() not in PRONOUNS and len(words) >= len(best):
            best = words
    return " ".join(best).rstrip(".,")


def pronoun_cue(words: str) -> str:
    """ "he" or "she" when the cue words among ``words`` agree on it, else ""."""
    found = {PRONOUN_WORDS.get(w.lower()) for w in re.findall(r"[A-Za-z]+", words)} - {None}
    return found.pop() if len(found) == 1 else ""


class Document:
    """One document's text, sentences and actor mentions, with lookups by offset."""

    def __init__(self, text: str, sentence_starts: list[int], mentions: list[tuple], persons):
        self.text = text
        self.sentence_starts = sentence_starts
        self.mentions = sorted(mentions)  # (start, end, actor_id)
        self.mention_starts = [m[0] for m in self.mentions]
        self.persons = persons  # person actor id -> pronoun from the actors file, or ""
        self.quotes = [(s, e) for s, e in quote_spans(text) if not _is_markup(text[s:e])]
        self.quote_starts = [s for s, _ in self.quotes]
        self.newlines = [m.start() for m in NEWLINE.finditer(text)]  # paragraph bounds
        self.pronouns = self._person_pronouns()
        # runs of two or more capitalised words, found once: the names a speaker or a
        # sentence subject can have
        self.long_names = [(m.start(), m.end(), m.group()) for m in CAPITALISED_NAME.finditer(text)
                           if len(m.group().split()) >= 2]  # fmt: skip
        self._names_by_last: dict[str, str] | None = None
        self._phrase_stops: list[int] | None = None
        self.subjects = self._sentence_subjects()
        self.subject_starts = [subject[0] for subject in self.subjects]

    def _named_with(self, start: int, end: int) -> str:
        """The pronoun cue of a name at ``[start, end)``: its own words and the word before."""
        before = WORD_BEFORE.search(self.text, max(start - 20, 0), start)
        return pronoun_cue(self.text[start:end] + " " + (before.group(1) if before else ""))

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
        Blair"), titles left out; built on first use."""
        if self._names_by_last is None:
            self._names_by_last = {}
            for _, _, run in self.long_names:
                name = name_of(run)
                last = name.split()[-1] if name else ""
                if name and len(name) > len(self._names_by_last.get(last, "")):
                    self._names_by_last[last] = name
        return self._names_by_last

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
        fuller = self.names_by_last_word().get(name.split()[-1], name)
        return fuller if len(fuller) > len(name) else name

    def phrase_end(self, offset: int) -> int:
        """Where the phrase of :data:`PHRASE_CHAR` that holds ``offset`` ends: the next
        :data:`PHRASE_STOP` (all found once, on first use), else the text's end."""
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
        for start, end, run in self.long_names:
            words = [w for w in run.split() if w not in NOT_NAMES]
            if len(words) < 2 or any(w.strip("’'s") in NOT_PERSON_WORDS for w in words):
                continue
            if not self._overlaps_mention(start, end):
                candidates.append((start, end, "", name_of(run)))
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
                clause = SUBORDINATORS.match(self.text[sentence[0] : sentence[1]])
                clauses[sentence] = sentence_start + clause.end() if clause else -1
            if clauses[sentence] > start:
                continue  # inside an opening "While ..., " clause: not the subject
            subjects[sentence_start] = (start, subject, self._named_with(start, end), name)
        return sorted(subjects.values())

    def sentence_start(self, offset: int) -> int:
        index = bisect.bisect_right(self.sentence_starts, offset) - 1
        return self.sentence_starts[index] if index >= 0 else 0

    def sentence_end(self, offset: int) -> int:
        index = bisect.bisect_right(self.sentence_starts, offset)
        return self.sentence_starts[index] if index < len(self.sentence_starts) else len(self.text)

    def paragraph_start(self, offset: int) -> int:
        """Start of the line holding ``offset`` (``text.rfind("\\n", 0, offset) + 1``)."""
        index = bisect.bisect_left(self.newlines, offset) - 1
        return self.newlines[index] + 1 if index >= 0 else 0

    def paragraph_end(self, offset: int) -> int:
        """The first line break at or after ``offset``, else the text's end."""
        index = bisect.bisect_left(self.newlines, offset)
        return self.newlines[index] if index < len(self.newlines) else len(self.text)

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


def _back(items: list[tuple], starts: list[int], since: int, offset: int):
    """The ``items`` (sorted, their offsets in ``starts``) at ``since <= start < offset``,
    latest first: a bisect, then a walk back that stops at ``since``."""
    for index in range(bisect.bisect_left(starts, offset) - 1, -1, -1):
        if starts[index] < since:
            return
        yield items[index]


def _is_markup(span: str) -> bool:
    """A quoted span that holds no words: an empty pair, a number, a colour or
    attribute value left over from HTML or wiki markup ("2", "#ffffcc")."""
    inner = span.strip('"“”‘’«»„ ')
    return not re.search(r"[^\W\d_]{2,}", inner) or bool(HEX_VALUE.fullmatch(inner))


def _is_headline(text: str, line_start: int, line_end: int) -> bool:
    """Whether the line ``text[line_start:line_end]`` is a title-case headline."""
    if line_end - line_start > MAX_HEADLINE_CHARS:
        return False
    words = re.findall(r"[A-Za-z][\w’'-]*", text[line_start:line_end])
    long_words = [w for w in words if len(w) > 3]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) / len(long_words) >= 0.6


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
            or token.lower().rstrip("’'s") in PHRASE_WORDS
            or token.endswith(("’s", "'s"))
        ):
            kept.append(word)
            continue
        break
    while kept and kept[-1].group().lower() in {"and", "of"}:
        kept.pop()
    return (kept[-1].start(), before[kept[-1].start() : kept[0].end()]) if kept else (0, "")


def _plain_lead(words: str) -> bool:
    """Whether the words before a speaker phrase are a short lower-case description
    ("campaign chairman", "a smiling") that does not break the phrase from its cue."""
    words = words.split()
    return len(words) <= 3 and all(w.islower() for w in words)


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
        if token[0].isupper() or token.lower().rstrip("’'s") in PHRASE_WORDS:
            kept.append(word)
            continue
        break
    return after[start : kept[-1].end()].strip() if kept else ""


class SpeakerResolver:
    """Attributes the quotes of one document, in order, remembering recent speakers."""

    def __init__(self, document: Document):
        self.doc = document
        # (offset, speaker, cue, name) of quotes with a named speaker; speaker "" for a
        # person who is no actor (their name kept), the cue the pronoun of the speaker
        # phrase ("Mr Howard": he)
        self.recent: list[tuple[int, str, str, str]] = []
        self.recent_starts: list[int] = []  # their offsets, in order (quotes come in order)

    def resolve(self, phrase: str, start: int) -> tuple[str, str]:
        """(actor id, name) of a speaker phrase found at ``start``: the actor it mentions,
        else the name it holds (:func:`name_of`); a pronoun takes the latest fitting
        speaker or subject."""
        if not phrase:
            return "", ""
        pronoun = phrase.lower()
        if pronoun in PRONOUNS:
            return self._pronoun(start, pronoun) if PRONOUNS[pronoun] else ("", "")
        actors = self.doc.actors_in(start, start + len(phrase))
        persons = [a for a in actors if a in self.doc.persons]
        name = self.doc.fullest(name_of(phrase))
        if persons:
            return persons[-1], ""
        if actors and not (name and self.doc.names_unmatched(start, phrase, name)):
            return actors[-1], ""
        return "", name  # "Canada's Trade Minister Jim Peterson": the person, not Canada

    def _pronoun(self, offset: int, pronoun: str) -> tuple[str, str]:
        """The most recent speaker or person subject before ``offset`` whom ``pronoun``
        fits (their own pronoun is the same or unknown), within two paragraphs."""
        window = self.doc.paragraph_start(max(self.doc.paragraph_start(offset) - 2, 0))
        window = self.doc.paragraph_start(max(window - 2, 0))
        fits = ("", pronoun)
        # Walk back from ``offset`` to the window's start only, the latest fit first.
        speaker_at, speaker = -1, None
        for o, s, cue, name in _back(self.recent, self.recent_starts, window, offset):
            if (s in self.doc.persons or not s) and self._takes(s, cue) in fits:
                speaker_at, speaker = o, (s, name)
                break
        subject_at, subject = -1, ("", "")
        since = max(window, speaker_at + 1)  # a subject before the speaker loses to them
        for o, s, cue, name in _back(self.doc.subjects, self.doc.subject_starts, since, offset):
            if self._takes(s, cue) in fits:
                subject_at, subject = o, (s, name)
                break
        if speaker is not None and speaker_at >= subject_at:
            return speaker
        if subject[0] or subject[1]:
            return subject
        return self._mentioned_person(window, offset, fits), ""

    def _mentioned_person(self, since: int, offset: int, fits) -> str:
        """The person actor mentioned last before ``offset`` (from ``since``) whom the
        pronoun fits: "Smith met Jones. ... He said" finds Jones."""
        for _, _, actor in _back(self.doc.mentions, self.doc.mention_starts, since, offset):
            if actor in self.doc.persons and self._takes(actor, "") in fits[1:]:
                return actor
        return ""

    def after(self, end: int) -> Attribution | None:
        """``“...,” X said`` or ``“...,” said X`` right after the quote."""
        text, line_end = self.doc.text, self.doc.paragraph_end(end)
        match = RIGHT_CUE_FIRST.match(text, end, line_end)
        if match:
            at = match.start("phrase")
            phrase_end = self.doc.phrase_end(at)
            phrase = phrase_head(text, at, phrase_end)
        else:
            match = RIGHT_SPEAKER_FIRST.match(text, end, line_end)
            offset, phrase = phrase_tail(match.group("phrase")) if match else (0, "")
            if not phrase or not _plain_lead(match.group("phrase")[:offset]):
                match = RIGHT_APPOSITION.match(text, end, line_end)
                offset, phrase = phrase_tail(match.group("phrase")) if match else (0, "")
                if not phrase or not _plain_lead(match.group("phrase")[:offset]):
                    return None
            at = match.start("phrase") + offset
            phrase_end = match.end()
        speaker, name = self.resolve(phrase, at)
        return Attribution(speaker, phrase, re.sub(r"\s+", " ", match.group("cue")), phrase_end,
                           name, at if phrase else -1, match.start("cue"))  # fmt: skip

    def before(self, start: int, since: int) -> Attribution | None:
        """A cue earlier in the quote's sentence (after ``since``), or ``X: “...”``."""
        text = self.doc.text
        region_start = max(self.doc.sentence_start(start), since, self.doc.paragraph_start(start))
        region = text[region_start:start]
        colon = COLON.search(region)
        if colon and not CUE_WORD.search(colon.group("phrase")):
            offset, phrase = phrase_tail(colon.group("phrase"))
            at = region_start + colon.start("phrase") + offset
            speaker, name = self.resolve(phrase, at)
            if not (speaker or name):  # "Olga Berg, a banker, disagreed: “...”"
                speaker, name = self.doc.subject_before(start, self.doc.sentence_start(start))
            return Attribution(speaker, phrase, ":", start, name, at if phrase else -1,
                               region_start + colon.end("phrase"))  # fmt: skip
        headline = _is_headline(
            text, self.doc.paragraph_start(start), self.doc.paragraph_end(start)
        )
        pattern = HEADLINE_CUE_WORD if headline else CUE_WORD
        cues = [c for c in pattern.finditer(region) if not self.doc.in_quote(
            region_start + c.start(), region_start + c.end())]  # fmt: skip
        if not cues:
            return None
        cue = cues[-1]
        offset, phrase = phrase_tail(region[: cue.start()])
        speaker, name = self.resolve(phrase, region_start + offset)
        if not (speaker or name) and (not phrase or cue.group() in QUOTE_PARTICIPLES):
            speaker, name = self._earlier_in_sentence(start)
            if not (speaker or name):
                speaker, name = self.doc.subject_before(start, self.doc.sentence_start(start))
        return Attribution(speaker, phrase, re.sub(r"\s+", " ", cue.group()),
                           region_start + cue.end(), name,
                           region_start + offset if phrase else -1, region_start + cue.start())  # fmt: skip

    def _earlier_in_sentence(self, offset: int) -> tuple[str, str]:
        """The speaker of the latest earlier quote of the sentence holding ``offset``."""
        sentence = self.doc.sentence_start(offset)
        index = bisect.bisect_left(self.recent_starts, offset) - 1
        if index >= 0 and self.recent[index][0] >= sentence:
            return self.recent[index][1], self.recent[index][3]
        return "", ""

    def attribute(self, start: int, end: int, previous_end: int) -> Attribution:
        """Speaker of the quote ``text[start:end]``; ``previous_end`` ends the quote before it."""
        found = [a for a in (self.after(end), self.before(start, previous_end)) if a]
        known = [a for a in found if a.speaker_id] or [a for a in found if a.speaker_name]
        chosen = (known or found or [None])[0]
        if chosen is None:
            speaker, name = self._continuation(start)
            if not (speaker or name):
                speaker, name = self._person_subject(start, end)
            chosen = Attribution(speaker, "", "", -1, name)
        self.remember(start, chosen)
        return chosen

    def remember(self, start: int, chosen: Attribution) -> None:
        """Keep a named speaker for the pronouns and continuations that follow."""
        named = chosen.speaker_text and chosen.speaker_text.lower() not in ("they", "we", "i")
        if chosen.speaker_id or chosen.speaker_name or named:
            phrase = chosen.speaker_text.lower()
            cue = phrase if phrase in ("he", "she") else pronoun_cue(chosen.speaker_text)
            if cue and not self.doc.pronouns.get(chosen.speaker_id, "x"):
                self.doc.pronouns[chosen.speaker_id] = cue  # "she said" named her
            self.recent.append((start, chosen.speaker_id, cue, chosen.speaker_name))
            self.recent_starts.append(start)

    def _takes(self, speaker: str, cue: str) -> str:
        """The pronoun a person takes: an actor's as known so far, else the cue."""
        return self.doc.pronouns.get(speaker, "") if speaker else cue

    def _person_subject(self, start: int, end: int) -> tuple[str, str]:
        """With no cue at all, the person the quote's sentence is about speaks a quote of
        a few words ("Lavrov also ruled out any deal that allowed Ukraine to be “pumped up
        with weapons again”"); a shorter one is a scare quote, nobody's words."""
        if len(self.doc.text[start:end].split()) < MIN_SENTENCE_QUOTE_WORDS:
            return "", ""
        return self.doc.subject_before(start, self.doc.sentence_start(start))

    def _continuation(self, start: int) -> tuple[str, str]:
        """The previous quote's speaker if it sits in this paragraph or ends the one before."""
        if not self.recent:
            return "", ""
        paragraph = self.doc.paragraph_start(start)
        previous_paragraph = self.doc.paragraph_start(max(paragraph - 2, 0))
        offset, speaker, _, name = self.recent[-1]
        if offset >= paragraph:
            return speaker, name
        if offset < previous_paragraph:
            return "", ""
        opens_with_quote = not NON_SPACE.search(self.doc.text, paragraph, start)  # no copy
        return (speaker, name) if opens_with_quote else ("", "")


def about_actors(doc: Document, start: int, end: int, attribution: Attribution) -> str:
    """Actors the quote names, plus those named between its cue and the quote
    (``called Zelenskyy a “dictator”``); the speaker is left out."""
    actors = doc.actors_in(start, end)
    if 0 <= attribution.cue_end <= start:
        actors = doc.actors_in(attribution.cue_end, start) + actors
    ordered = dict.fromkeys(a for a in actors if a != attribution.speaker_id)
    return ";".join(ordered)


def find_quotes(
    doc_id: str, text: str, sentence_starts: list[int], mentions: list[tuple], persons
) -> list[dict]:
    """Every quotation in one document with its speaker, cue and the actors it is about."""
    document = Document(text, sentence_starts, mentions, persons)
    resolver = SpeakerResolver(document)
    attributions, previous_end = [], 0
    for start, end in document.quotes:
        attributions.append(resolver.attribute(start, end, previous_end))
        previous_end = end
    lead_into_next(document, attributions)
    rows = []
    for number, ((start, end), attribution) in enumerate(
        zip(document.quotes, attributions, strict=True)
    ):
        rows.append(
            {
                "doc_id": doc_id,
                "quote_id": f"{doc_id}-q{number:03d}",
                "start": start,
                "end": end,
                "text": text[start:end],
                "speaker_id": attribution.speaker_id,
                "speaker_text": attribution.speaker_text,
                "cue": attribution.cue,
                "about": about_actors(document, start, end, attribution),
            }
        )
    return rows


def lead_into_next(document: Document, attributions: list[Attribution]) -> None:
    """A full-sentence quote with no speaker, directly followed by an attributed quote,
    has the same speaker (“Russia was not going to go in. “And they went in,” Trump said)."""
    spans = document.quotes
    for i in range(len(spans) - 2, -1, -1):
        (start, end), (next_start, _) = spans[i], spans[i + 1]
        follower = attributions[i + 1]
        if (
            not (attributions[i].speaker_id or attributions[i].speaker_name)
            and (follower.speaker_id or follower.speaker_name)
            and not document.text[end:next_start].strip()
            and len(document.text[start:end].split()) >= MIN_SENTENCE_QUOTE_WORDS
        ):
            attributions[i] = Attribution(follower.speaker_id, "", "", -1, follower.speaker_name)


def extract_quotes(
    texts: pd.DataFrame,
    sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    actors: pd.DataFrame,
    engine: Engine | None = None,
) -> pd.DataFrame:
    """The quotes table over a corpus (see :data:`QUOTE_COLUMNS`)."""
    people = actors[actors["type"] == "person"]
    pronouns = people["pronoun"] if "pronoun" in people else pd.Series("", index=people.index)
    persons = dict(zip(people["id"], pronouns.fillna(""), strict=True))
    starts = sentence_starts(sentences)
    spans: dict[str, list[tuple]] = {}
    for doc_id, start, end, actor_id in zip(
        mentions["doc_id"], mentions["start"], mentions["end"], mentions["actor_id"], strict=True
    ):
        spans.setdefault(doc_id, []).append((int(start), int(end), actor_id))
    items = [(doc_id, text, starts.get(doc_id, []), spans.get(doc_id, []))
             for doc_id, text in zip(texts["doc_id"], texts["text"], strict=True)]  # fmt: skip
    rows = (engine or Engine()).map(partial(_batch_quotes, persons), items)
    return pd.DataFrame(rows, columns=QUOTE_COLUMNS)


def _batch_quotes(persons: dict, batch: list[tuple]) -> list[dict]:
    """Quote rows of a batch of (doc_id, text, sentence starts, mentions)."""
    return [row for doc_id, text, starts, spans in batch
            for row in find_quotes(doc_id, text, starts, spans, persons)]  # fmt: skip
