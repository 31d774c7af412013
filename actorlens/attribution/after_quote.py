"""The cue right after a quote: ``“...,” Putin said``, ``“...,” said Putin``, ``“...,” Smith,
chief strategist at Acme, said``, ``“...,” said the firm's president, Jo Smith``, ``“...,” the
statement said``; "reported" only after a quoted sentence (``“...,” the Post reported``), and
no cue that opens the next quote (``“...” The Post said, “...”``). The quote cue words
(:data:`CUE`) are shared with the cues before a quote (:mod:`actorlens.attribution.quotes`).
"""

import re

from actorlens.attribution.cueless import MIN_SENTENCE_QUOTE_WORDS
from actorlens.attribution.document import Attribution
from actorlens.attribution.people import AGED, PEOPLE_BEFORE, described_people
from actorlens.attribution.phrases import (
    NAME_RUN,
    PHRASE_CHAR,
    phrase_head,
    phrase_tail,
    plain_lead,
    title_lead,
)
from actorlens.attribution.speaker_name import name_of
from actorlens.attribution.speakers import DEFINITE_BODY, THE_STATEMENT, SpeakerResolver
from actorlens.text.lexicon import (
    ASPECT_VERBS,
    BODY_NOUNS,
    CLOSING_QUOTE_CUES,
    ISSUE_VERBS,
    PASSIVE_QUOTE_CUES,
    PEOPLE_WORDS,
    QUOTE_CUES,
    SENTENCE_STARTERS,
    STATEMENT_NOUNS,
    TITLE_HEADS,
    alternation,
    trie_alternation,
)

CUE = (
    rf"according\s+to|(?:was|were|is|are)\s+(?:{alternation(PASSIVE_QUOTE_CUES)})"
    rf"(?:\s+as\s+saying)?|{trie_alternation(QUOTE_CUES, space=re.escape(' '))}"
)


def _right_cues(cue: str) -> tuple[re.Pattern, re.Pattern]:
    """The patterns of a ``cue`` right after a quote: before its phrase, then after it."""
    cue_first = re.compile(  # "“...” said, Foreign Minister Jo Holm": a comma before a name
        rf"\s*[,.!?]?\s*(?P<cue>{cue})(?:,(?=\s+[A-Z]))?\s+(?P<phrase>{PHRASE_CHAR})"
    )
    speaker_first = re.compile(
        rf"\s*[,.!?]?\s*(?P<phrase>{PHRASE_CHAR}{{1,80}}?)\s+(?:\w+ly\s+)?(?P<cue>{cue})\b"
    )
    return cue_first, speaker_first


# The cues right after a quote, matched from the quote's end to its paragraph's end
# (``pattern.match(text, end, paragraph_end)``: no copy of the rest of the text).
# The cue, then the first character of the phrase: the phrase runs on to the next
# PHRASE_STOP, found with a bisect (:meth:`Document.phrase_end`), and only its first words
# are read, not every character to the paragraph's end ("‘...’ said X ‘...’ said X ...").
RIGHT_CUES = _right_cues(CUE)

SENTENCE_RIGHT_CUES = _right_cues(
    rf"{CUE}|{alternation(CLOSING_QUOTE_CUES)}"
)  # "the Post reported"

DEFINITE_TITLE = re.compile(
    rf"the\s+(?:[a-z][\w’'-]*\s+){{0,3}}(?:{alternation(TITLE_HEADS)})", re.IGNORECASE
)

# "police said", "said witnesses", "the army said": a body or people named in lower case
UNNAMED_GROUP = re.compile(
    r"(?:the\s+)?(?:[a-z][\w’'-]*\s+){0,2}?"
    rf"(?:{alternation((*BODY_NOUNS, *sorted(PEOPLE_WORDS)))})\b"
)

# "said opposition leader Walid Jumblatt": lower-case title words, then the name.
TITLED_NAME = re.compile(  # after a capitalised modifier too: "said Syrian border guard Jo Holm"
    r"(?P<title>(?:[A-Z][\w’'.-]*\s+){0,2}(?:[a-z][\w’'-]*\s+){1,4}(?:and\s+(?:[a-z][\w’'-]*\s+){1,3})?)"
    r"(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)+)"
)

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

BODY_PHRASE = re.compile(
    rf"(?:(?:the|an?)\s+)?(?P<body>(?:[\w’'-]+\s+){{0,3}}?(?:{alternation(BODY_NOUNS)}))\b"
)

ASPECT = re.compile(r"\s+to\s")  # "continues to": an aspect, no speech

PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being)\s*$")

SENTENCE_END = tuple(".!?")

OPENS_QUOTE = re.compile(r"\s*[,:]\s*[“\"]")


def cue_after(resolver: SpeakerResolver, start: int, end: int) -> Attribution | None:
    """``“...,” X said`` or ``“...,” said X`` right after the quote ``text[start:end]``; a
    title before the name needs a comma closing the quote, or a quote of a sentence."""
    doc = resolver.doc
    text, line_end = doc.text, doc.paragraph_end(end)
    comma = "," in text[end - 2 : end + 1]  # "“...,” a Boston attorney said"
    said = comma or len(text[start:end].split()) >= MIN_SENTENCE_QUOTE_WORDS
    cue_first, speaker_first = SENTENCE_RIGHT_CUES if said else RIGHT_CUES
    match = cue_first.match(text, end, line_end)
    body = ""
    if match:
        at, phrase, phrase_end, body = _head_after_cue(resolver, match.start("phrase"), line_end)
    else:
        match = speaker_first.match(text, end, line_end)
        if (
            match
            and text[end - 2 : end - 1] in SENTENCE_END
            and OPENS_QUOTE.match(text, match.end())
        ):
            return None  # "“... quay.” The Post said, “...”": the cue of the quote after
        if match and PASSIVE_BEFORE.search(match.group("phrase")):
            return None  # "“...,” Jarrar was told": the one spoken to
        if match and match.group("cue") in ASPECT_VERBS and ASPECT.match(text, match.end()):
            return None  # "“...” Al Qaeda continues to launch attacks": no speech
        offset, phrase = phrase_tail(match.group("phrase")) if match else (0, "")
        lead = match.group("phrase")[:offset] if match else ""
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
            elif (
                not phrase
                or phrase.lower() in SENTENCE_STARTERS  # "However, Berg said": no apposition
                or not plain_lead(match.group("phrase")[:offset])
            ):
                return None
        at = match.start("phrase") + offset
        phrase_end = match.end()
    speaker, name = resolve_phrase(resolver, phrase, at)
    name = name or ("" if speaker else body)
    return Attribution(speaker, phrase, re.sub(r"\s+", " ", match.group("cue")), phrase_end,
                       name, at if phrase else -1, match.start("cue"))  # fmt: skip


def resolve_phrase(resolver: SpeakerResolver, phrase: str, at: int) -> tuple[str, str]:
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
