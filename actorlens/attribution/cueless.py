"""Quotes with no cue of their own, and whose speaker the quotes and sentences around them
give, tried in this order (:func:`speaker_without_cue`):

1. a continuation: the previous quote's speaker, in the same paragraph or ending the one
   before when the quote opens its paragraph, or the person a question there asked;
2. the person subject of the quote's own sentence, for a quote of a few words or more;
3. the person subject of the sentence before it in its paragraph, when the quote opens its
   sentence ("Jo Holm drew attention to the debt. “...”"), or ending the paragraph before,
   for a quote that is its paragraph and a subject known as a person.

After every quote is read, a full-sentence quote still without a speaker takes the speaker
of the quote that follows it right away (:func:`lead_into_next`). A cue with no speaker
phrase of its own ("X replied, saying “...”", "He went on to say, “...”") takes the subject
its sentence gives it (:func:`subject_of`).
"""

import bisect
import re

from actorlens.attribution.document import Attribution, Document
from actorlens.attribution.phrases import phrase_tail
from actorlens.attribution.speakers import SpeakerResolver

MIN_SENTENCE_QUOTE_WORDS = 4  # fewer words with no cue: a term or a scare quote
NON_SPACE = re.compile(r"\S")
LETTER = re.compile(r"[^\W\d_]")


def speaker_without_cue(resolver: SpeakerResolver, start: int, end: int) -> tuple[str, str]:
    """(actor id, name) of the quote ``text[start:end]`` that no cue attributes."""
    speaker, name = continuation(resolver, start)
    if not (speaker or name):
        speaker, name = person_subject(resolver, start, end)
    if not (speaker or name):
        speaker, name = previous_subject(resolver, start, end)
    return speaker, name


def person_subject(resolver: SpeakerResolver, start: int, end: int) -> tuple[str, str]:
    """The person the quote's sentence is about speaks a quote of a few words ("Lavrov also
    ruled out any deal that allowed Ukraine to be “pumped up with weapons again”"); a
    shorter one is a scare quote, nobody's words."""
    doc = resolver.doc
    if len(doc.text[start:end].split()) < MIN_SENTENCE_QUOTE_WORDS:
        return "", ""
    return doc.subject_before(start, doc.sentence_start(start))


def previous_subject(resolver: SpeakerResolver, start: int, end: int) -> tuple[str, str]:
    """A quote that opens its sentence: the person subject of the sentence before it in its
    paragraph ("Jo Holm drew attention to the debt. “...”"), or, for a quote that is its
    paragraph, of the sentence ending the paragraph before when the document shows that
    subject is a person ("Jo Holm spoke about the debt.¶“...”")."""
    doc = resolver.doc
    sentence = doc.sentence_start(start)
    if NON_SPACE.search(doc.text, sentence, start):
        return "", ""
    if len(doc.text[start:end].split()) < MIN_SENTENCE_QUOTE_WORDS:
        return "", ""
    paragraph = doc.paragraph_start(start)
    if sentence > paragraph:
        return doc.subject_before(sentence, doc.sentence_start(sentence - 1))
    last = len(doc.text[:paragraph].rstrip())  # the end of the paragraph before
    if not last or LETTER.search(doc.text, end, doc.paragraph_end(end)):
        return "", ""
    index = bisect.bisect_left(doc.subject_starts, last) - 1
    at, subject, pronoun, name = doc.subjects[index] if index >= 0 else (-1, "", "", "")
    if at < doc.sentence_start(last - 1) or not (subject in doc.persons or pronoun):
        return "", ""  # no subject there, or one that may be a place ("South Korea")
    return subject, name


def continuation(resolver: SpeakerResolver, start: int) -> tuple[str, str]:
    """The previous quote's speaker if it sits in this paragraph or ends the one before."""
    if not resolver.said.recent:
        return "", ""
    doc = resolver.doc
    paragraph = doc.paragraph_start(start)
    previous_paragraph = doc.paragraph_start(max(paragraph - 2, 0))
    offset, speaker, _, name = resolver.said.recent[-1]
    if resolver.unnamed_at > offset:  # the quote before names nobody ("one of the men said")
        offset, speaker, name = resolver.unnamed_at, "", ""
    if offset >= paragraph:
        return speaker, name
    if offset < previous_paragraph:
        return "", ""
    opens_with_quote = not NON_SPACE.search(doc.text, paragraph, start)  # no copy
    if opens_with_quote and resolver.asked[0] >= previous_paragraph:  # the one asked answers
        answer, resolver.asked = resolver.asked[1:], (-1, "", "")
        return answer
    return (speaker, name) if opens_with_quote else ("", "")


def lead_into_next(document: Document, attributions: list[Attribution]) -> None:
    """A full-sentence quote with no speaker, directly followed by an attributed quote,
    has the same speaker (“Russia was not going to go in. “And they went in,” Trump said)."""
    spans = document.quotes
    for i in range(len(spans) - 2, -1, -1):
        (start, end), (next_start, _) = spans[i], spans[i + 1]
        follower = attributions[i + 1]
        if (
            not (attributions[i].speaker_id or attributions[i].speaker_name or attributions[i].cue)
            and (follower.speaker_id or follower.speaker_name)
            and not document.text[end:next_start].strip()
            and len(document.text[start:end].split()) >= MIN_SENTENCE_QUOTE_WORDS
        ):
            attributions[i] = Attribution(follower.speaker_id, "", "", -1, follower.speaker_name)


OPENING_PRONOUN = re.compile(r"\s*(?P<pronoun>He|She)\s")  # the sentence's subject


def subject_of(resolver, start: int, region: str, cues: list, participle: bool) -> tuple:
    """The speaker of a cue with no speaker phrase of its own (``region`` ends at the quote
    at ``start``, ``cues`` found in it): the subject of an earlier cue of a participle
    ("X replied, saying “...”"), an earlier quote's speaker or the person subject of the
    sentence, or, for a participle opening the sentence, the latest person."""
    doc = resolver.doc
    speaker, name = "", ""
    if participle and len(cues) > 1:
        earlier, earlier_phrase = phrase_tail(region[: cues[-2].start()])
        speaker, name = resolver.resolve(earlier_phrase, start - len(region) + earlier)
    if not (speaker or name):
        speaker, name = resolver.said.earlier_in_sentence(start)
    if not (speaker or name):
        speaker, name = doc.subject_before(start, doc.sentence_start(start))
    opening = OPENING_PRONOUN.match(doc.text, doc.sentence_start(start), start)
    if not (speaker or name) and opening:  # "He went on to say, “...”": the pronoun subject
        speaker, name = resolver.resolve(opening["pronoun"], opening.start("pronoun"))
    if not (speaker or name) and participle:  # "The board defended the fees, saying “...”"
        speaker, name = resolver.opening_subject(start)
    if not (speaker or name) and participle and not region[: cues[-1].start()].strip():
        speaker, name = resolver.said.pronoun(start, "")
    return speaker, name
