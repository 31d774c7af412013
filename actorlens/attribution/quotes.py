"""Direct quotes: the speaker of each quotation from the reporting cue around it
(:func:`attribute_quote`), tried in this order, the first one that names a known actor winning:

1. after the quote: ``“...,” Putin said`` / ``“...,” said Putin`` / ``according to X``
   (:mod:`actorlens.attribution.after_quote`), or a list of reactions' ``“...” — Putin``
   (:mod:`actorlens.attribution.listed`);
2. before it, in the same sentence: ``Zelenskyy told Ukrainian TV, “...”``,
   ``Trump called Zelenskyy a “dictator”``, ``saying, “...”`` (a participle takes the
   sentence's subject), ``X: “...”``, ``The Times quoted X, “...”`` (the one quoted);
3. a quote with no cue of its own continues the previous quote of the paragraph, else a
   full-sentence quote takes the sentence's person subject or the speaker of the quote right
   after it (:mod:`actorlens.attribution.cueless`).

The speaker phrase found by a cue resolves through
:class:`~actorlens.attribution.speakers.SpeakerResolver`. The cue verbs come from the lexicon
(:mod:`actorlens.text.lexicon`, ``resources/lexicon.yml``), as for every other stage. Each cue
is matched in place within the quote's paragraph, never on a copy of the rest of the text.
"""

import re

from actorlens.attribution.after_quote import (
    CUE,
    PASSIVE_BEFORE,
    SENTENCE_END,
    cue_after,
    resolve_phrase,
)
from actorlens.attribution.cueless import (
    speaker_without_cue,
    subject_of,
)
from actorlens.attribution.document import Attribution
from actorlens.attribution.listed import listed_speaker
from actorlens.attribution.phrases import (
    PHRASE_CHAR,
    RELATIVE_CLAUSE,
    apposition_head,
    body_tail,
    phrase_head,
    phrase_tail,
    subject_apart,
    subject_words,
    without_fillers,
)
from actorlens.attribution.reported_source import source_before
from actorlens.attribution.speakers import SpeakerResolver
from actorlens.text.lexicon import (
    OBJECT_PREPOSITIONS,
    QUESTION_CUES,
    QUOTE_PARTICIPLES,
    STATEMENT_NOUNS,
    alternation,
)

CUE_WORD = re.compile(rf"(?<!-)\b(?:{CUE})\b")  # not "co-wrote"
HEADLINE_CUE_WORD = re.compile(rf"\b(?:{CUE})\b", re.IGNORECASE)  # headlines capitalise verbs
MAX_HEADLINE_CHARS = 200


DETERMINER_BEFORE = re.compile(r"\b(?:the|these|those|such|its|their)\s+$")
INSIDE_RELATIVE = re.compile(r"\s(?:who|which)\s+\S+\s+$")  # words after "who", then a phrase
COLON = re.compile(r"(?P<phrase>[^,.;:!?\n“”\"]{1,60}):\s*$")
LAST_VERB = re.compile(r"\s+(?:\w+ly\s+)?[a-z]+ed\s*$")  # "she shouted", "he firmly declared"
LETTER = re.compile(r"[^\W\d_]")
# What may stand between a cue and the quote it introduces: nothing, or words up to a comma,
# a colon or "that" ("X told the summit, “...”", "X said about it: “...”").
INTRODUCTION = re.compile(r"\s*|[^.!?\n“”\"]*(?:[,:]|\bthat)\s*")
# A participle opening the sentence of a quote ("Adding, “...”"), capitalised.
OPENING_PARTICIPLE = re.compile(
    rf"\b(?:{alternation(p.capitalize() for p in QUOTE_PARTICIPLES)})\b(?=\W*$)"
)
# The agent of a passive cue: "described by MI5 as", not "quoted by a newspaper".
BY_AGENT = re.compile(rf"(?<!quoted)\s+by\s+(?P<agent>{PHRASE_CHAR}*?)\s+(?:as|that)\s*$")
# Words someone owns, right before the quote: "General Smith's reply “Nuts!”".
OWNED_WORDS = re.compile(rf"(?<=\s)(?:{alternation(STATEMENT_NOUNS)})(?=\W*$)")
INVERTED = re.compile(r"\s+(?P<phrase>[A-Z])")
RAISED = re.compile(r"\s+to\s")  # "is reported to have said"
QUOTED_OBJECT = re.compile(
    rf"\b(?P<cue>quot(?:ed|es))\s+(?P<phrase>{PHRASE_CHAR}{{1,60}}?)\s*[,:]\s*$"
)
NOT_QUOTED_OBJECT = re.compile(r"^by\b|\bas\b")  # "was quoted by X", "quoted X as saying"
QUOTED_SAYING = re.compile(rf"\s+(?:\w+ly\s+)?(?:{alternation(QUOTE_PARTICIPLES)})$")


def cue_before(resolver: SpeakerResolver, start: int, since: int) -> Attribution | None:
    """A cue earlier in the sentence of the quote at ``start`` (after ``since``), or
    ``X: “...”``."""
    doc = resolver.doc
    text = doc.text
    region_start = max(doc.sentence_start(start), since, doc.paragraph_start(start))
    region = text[region_start:start]
    quoted = QUOTED_OBJECT.search(region)
    if quoted and not (NOT_QUOTED_OBJECT.search(quoted["phrase"])
                       or PASSIVE_BEFORE.search(region, 0, quoted.start())):  # fmt: skip
        # "The Times quoted Jo Holm, “...”", "quotes Jo Holm saying:": the one quoted speaks
        phrase = QUOTED_SAYING.sub("", quoted["phrase"])
        at = region_start + quoted.start("phrase")
        speaker, name = resolve_phrase(resolver, phrase, at)
        return Attribution(speaker, phrase, quoted["cue"], start, name, at,
                           region_start + quoted.start("cue"))  # fmt: skip
    colon = COLON.search(region) if region.rstrip().endswith(":") else None
    if colon and not any(_verb(colon["phrase"], c) for c in CUE_WORD.finditer(colon["phrase"])):
        offset, phrase = phrase_tail(colon.group("phrase"))
        verb = LAST_VERB.search(colon.group("phrase")) if not phrase else None
        if verb:  # "Speaking in Brevik, she shouted: “...”": the subject before the verb
            offset, phrase = phrase_tail(colon.group("phrase")[: verb.start()] + " ")
        at = region_start + colon.start("phrase") + offset
        speaker, name = resolve_phrase(resolver, phrase, at)
        if not (speaker or name):  # "Olga Berg, a banker, disagreed: “...”"
            speaker, name = doc.subject_before(start, doc.sentence_start(start))
        if not (speaker or name):  # "Mr. Holm made a solitary comment: “...”"
            speaker, name = resolver.opening_subject(start)
        return Attribution(speaker, phrase, ":", start, name, at if phrase else -1,
                           region_start + colon.end("phrase"))  # fmt: skip
    headline = _is_headline(text, doc.paragraph_start(start), doc.paragraph_end(start))
    pattern = HEADLINE_CUE_WORD if headline else CUE_WORD
    cues = [c for c in pattern.finditer(region) if _verb(region, c) and not doc.in_quote(
        region_start + c.start(), region_start + c.end())]  # fmt: skip
    opening = OPENING_PARTICIPLE.search(region)
    if not cues and opening and not LETTER.search(region, 0, opening.start()):
        cues = [opening]
    owned = None if cues else OWNED_WORDS.search(region)
    owned = owned if owned and region[: owned.start()].rstrip().endswith(("’s", "'s")) else None
    if owned:  # "General Smith's reply “Nuts!”": the owner of the words
        cues = [owned]
    if not cues:
        return None
    cue = cues[-1]
    passive = (
        PASSIVE_BEFORE.search(region, 0, cue.start())
        and not cue.group().endswith("ing")  # "was calling for": active
        and not (BY_AGENT.match(region, cue.end()) or RAISED.match(region, cue.end()))
    )  # "was described by X as", "is reported to have said": X, the subject speak
    if passive:  # "Jo was told: “...”": the one told is not the speaker
        return Attribution("", "", cue.group(), region_start + cue.end(), "", -1,
                           region_start + cue.start())  # fmt: skip
    offset, phrase = source_before(without_fillers(region[: cue.start()]) + " ")
    agent = BY_AGENT.match(region, cue.end())  # "They are described by MI5 as “...”"
    if agent and agent.group("agent"):
        offset, phrase = agent.start("agent"), agent.group("agent")
    else:
        offset, phrase = _named_before(region[: cue.start()], offset, phrase)
    before = region[: cue.start()]
    participle = cue.group().lower() in QUOTE_PARTICIPLES
    inverted = None if phrase or LETTER.search(before) else INVERTED.match(region, cue.end())
    if inverted:  # "“...,” said Paroubek, citing “...”": the cue's phrase follows it
        offset, phrase = inverted.start("phrase"), phrase_head(region, inverted.start("phrase"))
    if participle and before[:offset].split()[-1:] in ([p] for p in OBJECT_PREPOSITIONS):
        offset, phrase = 0, ""  # "replied to the statement saying": an object, no subject
    # "Jo Holm who met Putin said": Putin stands in her clause, no subject ("which he said": he is)
    inside = phrase and INSIDE_RELATIVE.search(before[:offset].rsplit(",", 1)[-1])
    if not inside and (phrase or participle or subject_apart(before)):
        speaker, name = resolve_phrase(resolver, phrase, region_start + offset)
        if not (speaker or name) and (participle or not phrase):
            speaker, name = subject_of(resolver, start, region, cues, participle)
    else:  # "one of the inspectors said" names nobody, "Jo Holm who won said" Jo Holm
        offset, phrase = subject_words(before)
        head = RELATIVE_CLAUSE.split(phrase, maxsplit=1)
        named = len(head) > 1 and head[0][:1].isupper()
        speaker, name = (
            resolve_phrase(resolver, head[0], region_start + offset) if named else ("", "")
        )
    return Attribution(speaker, phrase, re.sub(r"\s+", " ", cue.group()),
                       region_start + cue.end(), name,
                       region_start + offset if phrase else -1, region_start + cue.start())  # fmt: skip


def _verb(region: str, cue: re.Match) -> bool:
    """Whether a cue word is a verb, not a noun after a determiner ("denied the claims:")."""
    return not DETERMINER_BEFORE.search(region, max(0, cue.start() - 8), cue.start())


def _named_before(before: str, offset: int, phrase: str) -> tuple[int, str]:
    """The speaker phrase ending ``before`` (found at ``offset``), or the name heading an
    apposition or the body that phrase is part of."""
    head_at, head = apposition_head(before)
    if head and (not phrase or offset > head_at):  # "Jo Bloggs, a doctor in Wales said"
        offset, phrase = head_at, head
    body_at, body = body_tail(before)
    if body and (not phrase or offset > body_at):  # "The Egyptian interior ministry has said"
        offset, phrase = body_at, body
    return offset, phrase


def attribute_quote(
    resolver: SpeakerResolver, start: int, end: int, previous_end: int
) -> Attribution:
    """Speaker of the quote ``text[start:end]``; ``previous_end`` ends the quote before it.
    The resolver remembers a named speaker."""
    text = resolver.doc.text
    before = cue_before(resolver, start, previous_end)
    introduced = before and _introduces(text, before, start) and _closes_sentence(text, start, end)
    listed = listed_speaker(resolver, start, end, CUE_WORD)  # "“...” — Jo Holm", after "X:" too
    after = listed or (None if introduced else cue_after(resolver, start, end))
    found = [a for a in (after, before) if a]
    known = [a for a in found if a.speaker_id] or [a for a in found if a.speaker_name]
    chosen = (known or found or [None])[0]
    if chosen is None:
        speaker, name = speaker_without_cue(resolver, start, end)
        chosen = Attribution(speaker, "", "", -1, name)
    resolver.said.remember(start, chosen)
    resolver.note_quote(start, chosen, _addressee(resolver, chosen))
    return chosen


def _addressee(resolver: SpeakerResolver, chosen: Attribution) -> tuple[str, str]:
    """The person a question cue asks (``“...?” Reed asked Sanchez``), else ("", "")."""
    if chosen.cue not in QUESTION_CUES or chosen.cue_start < 0:
        return "", ""
    text = resolver.doc.text
    at = chosen.cue_start + len(chosen.cue)
    at += len(text[at : at + 3]) - len(text[at : at + 3].lstrip())
    phrase = phrase_head(text, at, resolver.doc.phrase_end(at))
    return resolver.resolve(phrase, at) if phrase and phrase[0].isupper() else ("", "")


def _introduces(text: str, attribution: Attribution, start: int) -> bool:
    """Whether the cue of ``attribution`` introduces the quote at ``start`` (see
    :data:`INTRODUCTION`)."""
    return bool(INTRODUCTION.fullmatch(text, attribution.cue_end, start))


def _closes_sentence(text: str, start: int, end: int) -> bool:
    """Whether the quote ``text[start:end]`` (with its marks) ends its sentence: a period,
    question or exclamation mark right before or right after the closing mark."""
    return text[max(start, end - 4) : end - 1].rstrip()[-1:] in SENTENCE_END or text[
        end : end + 1] in SENTENCE_END  # fmt: skip


def _is_headline(text: str, line_start: int, line_end: int) -> bool:
    """Whether the line ``text[line_start:line_end]`` is a title-case headline."""
    if line_end - line_start > MAX_HEADLINE_CHARS:
        return False
    words = re.findall(r"[A-Za-z][\w’'-]*", text[line_start:line_end])
    long_words = [w for w in words if len(w) > 3]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) / len(long_words) >= 0.6
