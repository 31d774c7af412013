"""Direct quotes: the speaker of each quotation from the reporting cue around it
(:func:`attribute_quote`), tried in this order, the first one that names a known actor winning:

1. after the quote: ``“...,” Putin said`` / ``“...,” said Putin`` / ``according to X``, or
   a list of reactions' ``“...” — Putin`` (:mod:`actorlens.attribution.listed`);
2. before it, in the same sentence: ``Zelenskyy told Ukrainian TV, “...”``,
   ``Trump called Zelenskyy a “dictator”``, ``saying, “...”`` (a participle takes the
   sentence's subject), ``X: “...”``;
3. a quote with no cue of its own continues the previous quote of the paragraph, else a
   full-sentence quote takes the sentence's person subject or the speaker of the quote right
   after it (:mod:`actorlens.attribution.cueless`).

The speaker phrase found by a cue resolves through
:class:`~actorlens.attribution.speakers.SpeakerResolver`. The cue verbs come from the lexicon
(:mod:`actorlens.text.lexicon`, ``resources/lexicon.yml``), as for every other stage. Each cue
is matched in place within the quote's paragraph, never on a copy of the rest of the text.
"""

import re

from actorlens.attribution.cueless import (
    MIN_SENTENCE_QUOTE_WORDS,
    speaker_without_cue,
    subject_of,
)
from actorlens.attribution.document import Attribution
from actorlens.attribution.listed import listed_speaker
from actorlens.attribution.people import AGED, PEOPLE_BEFORE, described_people
from actorlens.attribution.phrases import (
    NAME_RUN,
    PHRASE_CHAR,
    RELATIVE_CLAUSE,
    apposition_head,
    body_tail,
    name_of,
    phrase_head,
    phrase_tail,
    plain_lead,
    subject_apart,
    subject_words,
    title_lead,
    without_fillers,
)
from actorlens.attribution.reported_source import source_before
from actorlens.attribution.speakers import DEFINITE_BODY, THE_STATEMENT, SpeakerResolver
from actorlens.text.lexicon import (
    ASPECT_VERBS,
    BODY_NOUNS,
    ISSUE_VERBS,
    OBJECT_PREPOSITIONS,
    PASSIVE_QUOTE_CUES,
    PEOPLE_WORDS,
    QUESTION_CUES,
    QUOTE_CUES,
    QUOTE_PARTICIPLES,
    STATEMENT_NOUNS,
    TITLE_HEADS,
    alternation,
    trie_alternation,
)

CUE = (
    rf"according\s+to|(?:was|were|is|are)\s+(?:{alternation(PASSIVE_QUOTE_CUES)})"
    rf"(?:\s+as\s+saying)?|{trie_alternation(QUOTE_CUES, space=re.escape(' '))}"
)
CUE_WORD = re.compile(rf"(?<!-)\b(?:{CUE})\b")  # not "co-wrote"
HEADLINE_CUE_WORD = re.compile(rf"\b(?:{CUE})\b", re.IGNORECASE)  # headlines capitalise verbs
MAX_HEADLINE_CHARS = 200
# The cues right after a quote, matched from the quote's end to its paragraph's end
# (``pattern.match(text, end, paragraph_end)``: no copy of the rest of the text).
# The cue, then the first character of the phrase: the phrase runs on to the next
# PHRASE_STOP, found with a bisect (:meth:`Document.phrase_end`), and only its first words
# are read, not every character to the paragraph's end ("‘...’ said X ‘...’ said X ...").
RIGHT_CUE_FIRST = re.compile(  # "“...” said, Foreign Minister Jo Holm": a comma before a name
    rf"\s*[,.!?]?\s*(?P<cue>{CUE})(?:,(?=\s+[A-Z]))?\s+(?P<phrase>{PHRASE_CHAR})"
)
RIGHT_SPEAKER_FIRST = re.compile(
    rf"\s*[,.!?]?\s*(?P<phrase>{PHRASE_CHAR}{{1,80}}?)\s+(?:\w+ly\s+)?(?P<cue>{CUE})\b"
)
DEFINITE_TITLE = re.compile(
    rf"the\s+(?:[a-z][\w’'-]*\s+){{0,3}}(?:{alternation(TITLE_HEADS)})", re.IGNORECASE
)
# "police said", "said witnesses", "the army said": a body or people named in lower case
UNNAMED_GROUP = re.compile(
    r"(?:the\s+)?(?:[a-z][\w’'-]*\s+){0,2}?"
    rf"(?:{alternation((*BODY_NOUNS, *sorted(PEOPLE_WORDS)))})\b"
)
DETERMINER_BEFORE = re.compile(r"\b(?:the|these|those|such|its|their)\s+$")
# "said opposition leader Walid Jumblatt": lower-case title words, then the name.
TITLED_NAME = re.compile(  # after a capitalised modifier too: "said Syrian border guard Jo Holm"
    r"(?P<title>(?:[A-Z][\w’'.-]*\s+){0,2}(?:[a-z][\w’'-]*\s+){1,4}(?:and\s+(?:[a-z][\w’'-]*\s+){1,3})?)"
    r"(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)+)"
)
INSIDE_RELATIVE = re.compile(r"\s(?:who|which)\s+\S+\s+$")  # words after "who", then a phrase
LINKED = re.compile(r"\b(?:for|of|at|from|with|to|in)\s+(?:the\s+)?$")  # "a spokesman for the"
# A name's end at a full stop after a word of three letters or more ("Jo Holm. The").
NAME_AT_SENTENCE_END = re.compile(r"(?<=\w{3})\.(?:\s.*)?$", re.DOTALL)
# "“...,” Smith, chief strategist at Acme, said": a name, an apposition, the cue; after a
# quote that ends in a comma inside its mark, the apposition may have up to three parts.
APPOSED = r"[^,;:!?\n“”\"]{1,80}?"
RIGHT_APPOSITION, RIGHT_APPOSITIONS = (
    re.compile(
        rf"\s*[,.!?]?\s*(?P<phrase>{PHRASE_CHAR}{{1,60}}?),\s*{APPOSED}{parts}(?:,\s*|\s+)"
        rf"(?:\w+ly\s+)?(?P<cue>{CUE})\b"
    )  # the closing comma may be left out ("“...,” Smith, the firm's president said")
    for parts in ("", r"(?:,\s*[^,.;:!?\n“”\"]{1,40}?){0,2}")
)
# "“...,” a leading union member, Jo Holm, told": a description, then the name, then the cue.
NAME_AFTER_DESCRIPTION = re.compile(
    rf"\s*[,.!?]?\s*(?P<description>[^,;:!?\n“”\"]{{1,60}}?),\s*(?P<phrase>{NAME_RUN.pattern}),"
    rf"\s*(?:\w+ly\s+)?(?P<cue>{CUE})\b"
)
# A document a body speaks through, up to the body: "a statement issued by X", "its letter".
ISSUED_BY = re.compile(
    rf"(?:an?|the|its|his|her|their)\s+(?:[\w-]+\s+){{0,3}}?(?:{alternation(STATEMENT_NOUNS)})"
    rf"\s+(?:(?:{alternation(ISSUE_VERBS)})\s+)?(?:by|from)\s+"
)
# "said the firm's president, Jo Smith.": the name after a title that names nobody.
APPOSED_NAME = re.compile(rf",\s*(?P<name>{NAME_RUN.pattern})\s*(?=[.,;!?\n]|$|who\b)")
# Words that make the lower-case words after a cue no description of the name after them
# ("said on Monday Jo Holm", "said the owner of Brevik Bar").
NOT_DESCRIBING = re.compile(
    r"\b(?:for|in|of|at|from|with|on|to|by|as|about|after|before|during|when|while|last|this"
    r"|next|and|but|or|then|so)\b"
)
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
BODY_PHRASE = re.compile(
    rf"(?:(?:the|an?)\s+)?(?P<body>(?:[\w’'-]+\s+){{0,3}}?(?:{alternation(BODY_NOUNS)}))\b"
)
INVERTED = re.compile(r"\s+(?P<phrase>[A-Z])")
ASPECT = re.compile(r"\s+to\s")  # "continues to": an aspect, no speech
PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being)\s*$")
RAISED = re.compile(r"\s+to\s")  # "is reported to have said"
SENTENCE_END = tuple(".!?")


def cue_after(resolver: SpeakerResolver, start: int, end: int) -> Attribution | None:
    """``“...,” X said`` or ``“...,” said X`` right after the quote ``text[start:end]``; a
    title before the name needs a comma closing the quote, or a quote of a sentence."""
    doc = resolver.doc
    text, line_end = doc.text, doc.paragraph_end(end)
    match = RIGHT_CUE_FIRST.match(text, end, line_end)
    body = ""
    if match:
        at, phrase, phrase_end, body = _head_after_cue(resolver, match.start("phrase"), line_end)
    else:
        match = RIGHT_SPEAKER_FIRST.match(text, end, line_end)
        if match and PASSIVE_BEFORE.search(match.group("phrase")):
            return None  # "“...,” Jarrar was told": the one spoken to
        if match and match.group("cue") in ASPECT_VERBS and ASPECT.match(text, match.end()):
            return None  # "“...” Al Qaeda continues to launch attacks": no speech
        offset, phrase = phrase_tail(match.group("phrase")) if match else (0, "")
        lead = match.group("phrase")[:offset] if match else ""
        comma = "," in text[end - 2 : end + 1]  # "“...,” a Boston attorney said"
        said = comma or len(text[start:end].split()) >= MIN_SENTENCE_QUOTE_WORDS
        titled = (phrase[:1].isupper() or name_of(phrase)) and said and title_lead(lead)
        definite = match and (
            DEFINITE_TITLE.fullmatch(match.group("phrase"))
            or (comma and described_people(match["phrase"]))
            or UNNAMED_GROUP.fullmatch(match["phrase"])
            or THE_STATEMENT.fullmatch(match["phrase"])  # "“...,” the statement said"
            or AGED.fullmatch(match["phrase"])  # "“...,” the 54-year-old said"
        )
        if (definite and not phrase) or (phrase and PEOPLE_BEFORE.search(lead)):
            offset, phrase = 0, match.group("phrase")  # "“...,” a doctor treating Jo Holm said"
        elif not phrase or not (plain_lead(lead) or titled):  # "“...,” spokesman Jo Holm said"
            parts = text[end - 2 : end - 1] == ","  # "“...,” Jo Holm, 38, of Tarnby, said"
            match = (RIGHT_APPOSITIONS if parts else RIGHT_APPOSITION).match(text, end, line_end)
            offset, phrase = phrase_tail(match.group("phrase")) if match else (0, "")
            named = NAME_AFTER_DESCRIPTION.match(text, end, line_end)  # "a member, Jo Holm,"
            if (
                named
                and described_people(named["description"])
                and not (phrase and resolver.names_person(phrase, match.start("phrase") + offset))
            ):
                match, offset, phrase = named, 0, named.group("phrase")
            elif not phrase or not plain_lead(match.group("phrase")[:offset]):
                return None
        at = match.start("phrase") + offset
        phrase_end = match.end()
    speaker, name = _resolve(resolver, phrase, at)
    name = name or ("" if speaker else body)
    return Attribution(speaker, phrase, re.sub(r"\s+", " ", match.group("cue")), phrase_end,
                       name, at if phrase else -1, match.start("cue"))  # fmt: skip


def _resolve(resolver: SpeakerResolver, phrase: str, at: int) -> tuple[str, str]:
    """A quote's speaker phrase resolved ("the committee": the body named before)."""
    if DEFINITE_BODY.fullmatch(phrase):
        return resolver.resolve_source(phrase, at)
    return resolver.resolve(phrase, at)


def _head_after_cue(resolver: SpeakerResolver, at: int, line_end: int) -> tuple:
    """(start, phrase, end, body) of the speaker phrase after a cue (``said X``): the issuer of
    a statement ("said a statement issued by X"), "the statement" (its issuer, said last),
    or the name after a title that names nobody ("said Iran's President, Mahmoud
    Ahmadinejad"); ``body`` is an issuer named in lower case ("from the royal palace")."""
    text = resolver.doc.text
    issued = ISSUED_BY.match(text, at, line_end)
    at = issued.end() if issued else at
    phrase_end = resolver.doc.phrase_end(at)
    spoken_by = THE_STATEMENT.match(text, at, phrase_end)
    phrase = spoken_by.group() if spoken_by else phrase_head(text, at, phrase_end)
    definite = DEFINITE_TITLE.match(text, at, phrase_end) if phrase.lower() == "the" else None
    phrase = definite.group() if definite else phrase  # "said the treasurer"
    group = None if phrase else UNNAMED_GROUP.match(text, at, phrase_end)
    phrase = group.group() if group else phrase  # "said witnesses"
    body = BODY_PHRASE.match(text, at, phrase_end) if issued and not name_of(phrase) else None
    if body:
        return at, body.group(), body.end(), body.group("body")
    titled = TITLED_NAME.match(text, at, line_end)
    described = titled and len(titled["title"].split()) > 1 and not NOT_DESCRIBING.search(
        titled["title"])  # fmt: skip
    if titled and (title_lead(titled["title"]) or described) and not LINKED.search(titled["title"]):
        # "said opposition leader Walid Jumblatt", "said the longtime champion Garry Kasparov"
        name = NAME_AT_SENTENCE_END.sub("", titled["name"])  # "said Jo Holm. The US said"
        return titled.start("name"), name, titled.start("name") + len(name), ""
    apposed = APPOSED_NAME.match(text, phrase_end, line_end)
    if apposed and not resolver.names_person(phrase, at):
        return apposed.start("name"), apposed.group("name"), apposed.end(), ""
    return at, phrase, phrase_end, ""


def cue_before(resolver: SpeakerResolver, start: int, since: int) -> Attribution | None:
    """A cue earlier in the sentence of the quote at ``start`` (after ``since``), or
    ``X: “...”``."""
    doc = resolver.doc
    text = doc.text
    region_start = max(doc.sentence_start(start), since, doc.paragraph_start(start))
    region = text[region_start:start]
    colon = COLON.search(region) if region.rstrip().endswith(":") else None
    if colon and not any(_verb(colon["phrase"], c) for c in CUE_WORD.finditer(colon["phrase"])):
        offset, phrase = phrase_tail(colon.group("phrase"))
        verb = LAST_VERB.search(colon.group("phrase")) if not phrase else None
        if verb:  # "Speaking in Brevik, she shouted: “...”": the subject before the verb
            offset, phrase = phrase_tail(colon.group("phrase")[: verb.start()] + " ")
        at = region_start + colon.start("phrase") + offset
        speaker, name = _resolve(resolver, phrase, at)
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
        speaker, name = _resolve(resolver, phrase, region_start + offset)
        if not (speaker or name) and (participle or not phrase):
            speaker, name = subject_of(resolver, start, region, cues, participle)
    else:  # "one of the inspectors said" names nobody, "Jo Holm who won said" Jo Holm
        offset, phrase = subject_words(before)
        head = RELATIVE_CLAUSE.split(phrase, maxsplit=1)
        named = len(head) > 1 and head[0][:1].isupper()
        speaker, name = _resolve(resolver, head[0], region_start + offset) if named else ("", "")
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
