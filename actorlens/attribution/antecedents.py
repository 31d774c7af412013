"""Antecedents: the speakers a document has named so far, in text order, and whom a pronoun
or a continuation refers to.

:class:`Antecedents` keeps each quote's or clause's named speaker with the pronoun their
phrase takes ("Mr Holm": he; "the statement": no person). A pronoun ("he added") resolves to
the most recent speaker or sentence subject that is a person the pronoun fits: "she" skips a
person known as "he" and the other way round; unknown fits both. "they" names the latest
speaker that is a body or a group, never one person. Earlier speakers and subjects are found by
a bisect over their offsets and a walk back that stops at a window (two paragraphs for a
pronoun), never a scan of every earlier quote.
"""

import bisect

from actorlens.attribution.document import Attribution, Document
from actorlens.attribution.phrases import is_person_name, no_person, pronoun_cue
from actorlens.text.given_names import given_name_pronoun

GENDERED = ("he", "she")
NO_PERSON = "-"  # the pronoun cue of a speaker no pronoun refers to


class Antecedents:
    """The named speakers of one document so far, for the pronouns and continuations that
    follow them."""

    def __init__(self, document: Document):
        self.doc = document
        # (offset, speaker, cue, name) of quotes with a named speaker; speaker "" for a
        # person who is no actor (their name kept), the cue the pronoun of the speaker
        # phrase ("Mr Howard": he)
        self.recent: list[tuple[int, str, str, str]] = []
        self.recent_starts: list[int] = []  # their offsets, in order (quotes come in order)

    def remember(self, start: int, chosen: Attribution) -> None:
        """Keep a named speaker for the pronouns and continuations that follow."""
        named = chosen.speaker_text and chosen.speaker_text.lower() not in ("they", "we", "i")
        if chosen.speaker_id or chosen.speaker_name or named:
            said = chosen.speaker_text  # "he", "Mr Holm", "Anna Holm": the pronoun it takes
            phrase = said.lower()
            cue = phrase if phrase in GENDERED else pronoun_cue(said) or given_name_pronoun(said)
            if not (cue or chosen.speaker_id or chosen.speaker_name) and no_person(phrase):
                cue = NO_PERSON  # "reports said", "the statement said": never "he" or "she"
            if cue and not self.doc.pronouns.get(chosen.speaker_id, "x"):
                self.doc.pronouns[chosen.speaker_id] = cue  # "she said" named her
            self.recent.append((start, chosen.speaker_id, cue, chosen.speaker_name))
            self.recent_starts.append(start)

    def _takes(self, speaker: str, cue: str) -> str:
        """The pronoun a person takes: an actor's as known so far, else the cue."""
        return self.doc.pronouns.get(speaker, "") if speaker else cue

    def pronoun(self, offset: int, pronoun: str) -> tuple[str, str]:
        """The most recent speaker or person subject before ``offset`` whom ``pronoun``
        fits (their own pronoun is the same or unknown), within two paragraphs."""
        window = self.doc.line_start(max(self.doc.line_start(offset) - 2, 0))
        window = self.doc.line_start(max(window - 2, 0))
        fits = ("", pronoun) if pronoun else ("", "he", "she")
        # Walk back from ``offset`` to the window's start only, the latest fit first.
        speaker_at, speaker = -1, None
        for o, s, cue, name in back(self.recent, self.recent_starts, window, offset):
            person = s in self.doc.persons or (not s and is_person_name(name))
            if person and self._takes(s, cue) in fits:
                speaker_at, speaker = o, (s, name)
                break
        subject_at, subject = -1, ("", "")
        since = max(window, speaker_at + 1)  # a subject before the speaker loses to them
        for o, s, cue, name in back(self.doc.subjects, self.doc.subject_starts, since, offset):
            person = s in self.doc.persons or (not s and is_person_name(name))
            if person and self._takes(s, cue) in fits:  # never a place or a body
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
        for _, _, actor in back(self.doc.mentions, self.doc.mention_starts, since, offset):
            if actor in self.doc.persons and self._takes(actor, "") in fits[1:]:
                return actor
        return ""

    def latest_speaker(self, offset: int) -> tuple[str, str]:
        """The latest speaker before ``offset`` in its paragraph or the one before."""
        window = self.doc.paragraph_start(max(self.doc.paragraph_start(offset) - 2, 0))
        for _, speaker, _, name in back(self.recent, self.recent_starts, window, offset):
            return speaker, name
        return "", ""

    def latest_group(self, offset: int) -> tuple[str, str]:
        """Whom "they" names: the latest speaker of this sentence or the one before when it is
        a body or a group, not one person ("Acme say they have asked ...")."""
        window = self.doc.sentence_start(max(self.doc.sentence_start(offset) - 1, 0))
        # a clause that opens at ``offset`` holds "they": "Acme say [they have asked]"
        for _, speaker, _, name in back(self.recent, self.recent_starts, window, offset + 1):
            one_person = speaker in self.doc.persons or (
                not speaker and is_person_name(name) and len(name.split()) > 1
            )
            return ("", "") if one_person else (speaker, name)
        return "", ""

    def earlier_in_sentence(self, offset: int) -> tuple[str, str]:
        """The speaker of the latest earlier quote of the sentence holding ``offset``."""
        sentence = self.doc.sentence_start(offset)
        index = bisect.bisect_left(self.recent_starts, offset) - 1
        if index >= 0 and self.recent[index][0] >= sentence:
            return self.recent[index][1], self.recent[index][3]
        return "", ""


def back(items: list[tuple], starts: list[int], since: int, offset: int):
    """The ``items`` (sorted, their offsets in ``starts``) at ``since <= start < offset``,
    latest first: a bisect, then a walk back that stops at ``since``."""
    for index in range(bisect.bisect_left(starts, offset) - 1, -1, -1):
        if starts[index] < since:
            return
        yield items[index]
