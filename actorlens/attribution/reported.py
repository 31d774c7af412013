"""Reported speech: what a source is said to have said, without quotation marks.

Constructions, each inside one sentence and outside direct quotes:

* ``SOURCE CUE (that) CLAUSE`` -- "Putin said Wednesday his country needs trust",
  "Mr Clarke said ministers had kept to their pledge", "She denied that she knew";
* ``SOURCE told / warned / assured OBJECT (that) CLAUSE``;
* ``SOURCE accused / blamed / criticised Y of / for Z``, ``described Y as Z``, ``urged /
  asked / called on Y to Z``, ``vowed / promised / pledged / threatened (not) to Z``,
  ``called Y “Z”`` / ``called Y a Z``;
* the source a plain noun phrase opening the sentence ("The party has said", "Some
  politicians commented that"), the cue a base form before a that-clause ("critics argue
  that", "did acknowledge that");
* ``CLAUSE, SOURCE CUE.`` and ``CLAUSE, CUE SOURCE.`` -- the cue closing the sentence
  (:mod:`actorlens.attribution.reported_closing`);
* ``according to SOURCE, CLAUSE``, ``CLAUSE(,) according to SOURCE`` and ``X, according to
  SOURCE, Y``;
* hearsay of no source (no speaker, not the sentence's subject): ``it was reported that``,
  ``X was said to Z``, ``councils said to have Z``, ``X was accused of Z``, ``there are
  reports / rumours that``, ``X reportedly / allegedly Y``.

The clause runs to the end of the sentence or to where the next attribution of the
sentence starts; one starting right at the clause is held by it ("Putin said Lavrov said
..."), and a clause holds at most :data:`MAX_HELD` attributions, so the cost stays linear
in the sentence's length however densely it chains cues. A clause with a quotation and a
word outside it is ``mixed``; one that is wholly a quotation is left to the direct quotes. The cue's negation ("did not say") is kept.
Cues that take a plain noun object ("announced his resignation") count only with a
``that`` clause. Each cue word and what it takes come from the lexicon
(:mod:`actorlens.text.lexicon`, ``resources/lexicon.yml``): a participle after a comma
(", adding that ...") is spoken by the sentence's subject.
"""

import bisect
import re

from actorlens.attribution.according import ACCORDING_MIDDLE, ACCORDING_WORD, opening_according
from actorlens.attribution.document import OPENING_CLAUSE, Document
from actorlens.attribution.joint import each_source
from actorlens.attribution.people import past_addressee
from actorlens.attribution.reported_closing import closing_cue, parenthetical
from actorlens.attribution.reported_source import (
    BREAK_WORD,
    CLAUSE_SUBJECT,
    CUE_WORD,
    CUES,
    HEARSAY_TO,
    NAMED_OBJECT,
    PHRASE_REST,
    Reported,
    make_raw,
    make_reported,
    past_phrase,
    plain_subject,
    source_before,
    subject_ends,
    trim_end,
)
from actorlens.text.lexicon import (
    AUXILIARIES,
    CLAUSE_PARTICIPLES,
    CLOSING_CUES,
    FILLERS,
    HEARSAY_CUES,
    HEARSAY_NOUNS,
    NOT_SOURCES,
    OBJECT_LINKS,
    PLAIN_CLAUSE_CUES,
    PREPOSITIONS,
    STATEMENT_NOUNS,
    alternation,
)

PREPOSITION = re.compile(rf"(?:{alternation(PREPOSITIONS)})\b")
# Words between the cue and the clause: time, manner, channel ("said on Thursday in a
# statement that").
LEAD = re.compile(
    r"(?:\s*,?\s*(?:on|last|this|early|late|earlier|later)\s+(?:[A-Z][a-z]+day|week|month|year|"
    r"night|morning|evening|weekend)|\s*,?\s*(?:[A-Z][a-z]+day|yesterday|today|tonight|also|however|"
    r"again|repeatedly|publicly|privately|previously|earlier|recently|once)\b"
    r"|\s*,?\s*in\s+(?:a|an|his|her|their|its)\s+[\w -]{1,40}?(?=\s+that\b|,)|\s*,)*\s*"
)
THAT = re.compile(r"(?:that|how|whether|what|why)\b\s*")
AGAINST = re.compile(r"against\b")
# "not", "never", "no longer", and a contracted auxiliary whole ("didn't", "won’t")
NEGATION = re.compile(r"(?:\b(?:not|never|no longer)|\b\w+n['’]t)\s+(?:\w+\s+)?$")
AUXILIARY = re.compile(rf"(?:{alternation(AUXILIARIES)})\b")
EMPHATIC = re.compile(r"\b(?:did|does|do)\s+$")
PROGRESSIVE = re.compile(r"\b(?:is|are|was|were|been)\s+(?:(?:\w+ly|also|now|still)\s+)?$")
AGENTLESS = re.compile(r"\bit\s+(?:is|was|has\s+been|had\s+been|were)\s+$", re.IGNORECASE)
PASSIVE = re.compile(r"\b(?:is|was|were|are|been|being|be)\s+(?:(?:\w+ly|also|later|now)\s+)?$")
TO_BE = re.compile(r"\s*to\s+(?:have|be)\b")  # "councils said to have": hearsay, no passive needed
# "was accused of lying", "was described as serving": what is said of the subject
PASSIVE_LINK = {link: re.compile(rf"\s*{link}\s+") for link in ("of", "as")}
MIN_WORDS = 3
MIN_OUTSIDE = 1  # words outside the quotations that make a clause mixed, not a direct quote
WORD_RUN = re.compile(r"\w+")
# A clause holds the attributions that start inside it ("Putin said Lavrov said ...": Putin's
# clause holds Lavrov's), at most this many: one holding more ends where the next one starts,
# so a sentence of chained cues ("Putin said, Putin said, ...") costs time linear in its
# length (the Wikinews corpus has clauses holding two).
MAX_HELD = 3
SPACES = re.compile(r"\s*")
EVALUATE_OBJECT = {
    link: re.compile(rf"\s*(?:on\s+)?(?P<obj>[^,.;:]{{1,80}}?)\s+{link}\b") for link in OBJECT_LINKS
}
TO = re.compile(r"\s*to\b")
TO_SPACES = re.compile(r"\s*to\s+")
NAMED_END = re.compile(r"[,;][”\"]?(?=\s)")
COMMA = re.compile(r"\s*,\s")
LETTERS = re.compile(r"[^\W\d_]{2,}")
# "denied any wrongdoing", "admitted ordering the block": what is denied or admitted
DENIED_OBJECT = re.compile(
    rf"(?:any\s|(?!(?:{alternation(PREPOSITIONS)})\b)\w+ing\s+(?:the|a|an|any|in|to|of|his|her|its|their)\s)"
)
HEARSAY_OBJECT = re.compile(r"\s*(?:(?:all|the|these|those|any|recent)\s+)?")
ASKED = re.compile(r"\s+(?:[\w’'.-]+\s+){0,3}?(?P<wh>whether|why|if|how)\s")
NEAR_THAT = re.compile(r"\bthat\s+")
INTEND_TO = re.compile(r"\s*(?:(?:not|never)\s+)?to\b")
TOLD_OBJECT = re.compile(r"\s*(?:the\s+)?[\w’'.-]+(?:\s+[A-Z][\w’'.-]*)*\s*")

# "... and reported", "“a dictator” and blamed", "but now says": the sentence's subject speaks
COORDINATED = re.compile(rf"[\w”\"’)],?\s+(?:and|but)\s+(?:(?:{alternation(FILLERS)})\s+)?$")
WITH_SUBJECT = re.compile(r",\s*with\s+(?:[a-z][\w-]*\s+){0,3}$")  # ", with X saying": X speaks
COLON_QUOTE = re.compile(r":\s*[\"“]")
AFTER_PREPOSITION = re.compile(rf"\b(?:{alternation(PREPOSITIONS)})\s+$")  # "for allegedly ..."
NOUN_THAT = re.compile(
    r"\s+(?:(?:in|from|by|of)\s+(?:the\s+)?[\w’'-]+\s+)?that\b"
)  # "reports in the press that"
RELATIVE_END = re.compile(rf"\b(?:{alternation(NOT_SOURCES)})\s*$")
QUOTE_MARK = re.compile(r"[\"“”]")
TOLD_THAT = re.compile(r"\bthat\b")
# What ends a told object before a "that" ("told the council about the plans, which meant that").
QUOTE_IN_CLAUSE = re.compile(  # "said “so far” no troops were": a quote the clause runs on from
    r"[\"“][^\"”\n]{1,60}(?<![,.!?])[\"”]\s+(?!(?:and|but|or|then|he|she|they|it|we|i)\b)"
    r"[a-z]\w*\s+[a-z]"
)
OBJECT_BREAK = re.compile(rf"[,;(]|{BREAK_WORD.pattern}")


def find_reported(doc: Document, sentence_start: int, sentence_end: int) -> list[Reported]:
    """The reported attributions of one sentence, in order. Each cue's work is local (its
    clause is matched in place, no copy of the rest of the sentence), so the cost is
    linear in the sentence's length however many cues it holds."""
    text = doc.text
    if not (CUE_WORD.search(text, sentence_start, sentence_end)
            or ACCORDING_WORD.search(text, sentence_start, sentence_end)):  # fmt: skip
        return []  # no cue word: nothing is reported here (most sentences, read once)
    sentence = text[sentence_start:sentence_end]
    found: list[Reported] = []
    closing = closing_cue(doc, sentence_start, sentence_end)
    limit = closing.source_start - 1 if closing else sentence_end
    lead = _lead_start(sentence)
    opening = opening_according(sentence, lead)
    if opening:
        found.append(make_reported(doc, "according to", sentence_start + opening.start(),
                           sentence_start + opening.start() + len("according to"),
                           opening.group("a"), sentence_start + opening.start("a"),
                           sentence_start + opening.end(), limit, False))  # fmt: skip
    elif middle := ACCORDING_MIDDLE.search(sentence, lead, limit - sentence_start):
        found.append(make_reported(doc, "according to", sentence_start + middle.start("cue"),
                           sentence_start + middle.end("cue"), middle.group("a"),
                           sentence_start + middle.start("a"), sentence_start + lead, limit,
                           False))  # fmt: skip
    limit_end = trim_end(text, sentence_start, limit)  # every clause ends here at the latest
    for cue in CUE_WORD.finditer(text, sentence_start, limit):
        if doc.in_quote(cue.start(), cue.end()) or (
            opening and cue.start() < sentence_start + opening.end()
        ):
            continue
        clause_start = sentence_start + opening.end() if opening else sentence_start
        item = _forward(doc, cue, clause_start, limit, limit_end, not found)  # "According to X, Y"
        if item:
            found.append(item)
    if closing:
        found.append(closing)
    found = [f for f in found if f] or _adverb(doc, sentence_start + lead, limit)
    starts = [min(x for x in (f.source_start, f.cue_start) if x >= 0) for f in found]
    ordered = sorted(starts)
    for item, following in zip(found, [*starts[1:], -1], strict=False):  # -1: the last
        if item.start < following < item.end:  # a clause stops where the next one starts
            item.end = trim_end(text, item.start, following)
        beyond = bisect.bisect_left(ordered, item.start) + MAX_HELD  # or past MAX_HELD held
        if beyond < len(ordered) and ordered[beyond] < item.end:
            item.end = trim_end(text, item.start, ordered[beyond])
    kept = [f for f in found if _words(text[f.start : f.end]) >= MIN_WORDS and _kind(doc, f)]
    return [one for item in kept for one in each_source(text, item)]


def _adverb(doc, start: int, limit: int) -> list[Reported]:
    """The sentence from ``start`` as speech of no named source when a hearsay adverb
    ("reportedly", "allegedly") stands in it outside quotes and no other cue does."""
    for cue in CUE_WORD.finditer(doc.text, start, limit):
        end = trim_end(doc.text, start, limit)
        if (CUES.get(cue.group()) == "adverb" and not QUOTE_MARK.search(doc.text, start, end)
                and not AFTER_PREPOSITION.search(doc.text, start, cue.start())):  # fmt: skip
            return [
                make_raw("", start, end, cue.group(), cue.start(), cue.end(), "", -1, False, True)
            ]
    return []


def _lead_start(sentence: str) -> int:
    """Past an opening subordinate or prepositional clause and its spaces ("On Monday,
    according to...")."""
    match = OPENING_CLAUSE.match(sentence)
    return SPACES.match(sentence, match.end()).end() if match else 0


def _forward(doc, cue: re.Match, sentence_start: int, limit: int, limit_end: int,
             aside: bool) -> Reported | None:  # fmt: skip
    """``SOURCE CUE ... CLAUSE`` for one cue word, or None; the clause ends at ``limit``
    less its closing punctuation (``limit_end``). ``aside``: no attribution comes before in
    the sentence, so ``CLAUSE, SOURCE CUE, ...`` may report the words from its start (once
    a sentence: the clauses' text stays linear in its length)."""
    text, word = doc.text, cue.group()
    before_start = max(sentence_start, cue.start() - 160)
    before = text[before_start : cue.start()]
    negated = bool(NEGATION.search(before))
    if negated:  # "did not say": the source stands before the auxiliary
        before = before[: NEGATION.search(before).start()]
        before = re.sub(r"\b(?:did|does|do|has|have|had|would|could|will)\s*$", "", before)
    elif EMPHATIC.search(before):  # "did acknowledge": the source stands before "did"
        before = before[: EMPHATIC.search(before).start()]
    elif word.endswith("ing") and PROGRESSIVE.search(before):  # "is reporting": no passive
        before = before[: PROGRESSIVE.search(before).start()]
    agentless = AGENTLESS.search(before)
    if word == "according to" or CUES[word] == "adverb":
        return None  # only the according-to constructions; adverbs: _hearsay
    that_clause = (word in HEARSAY_CUES and NOUN_THAT.match(text, cue.end(), limit)
                   and not RELATIVE_END.search(before))  # fmt: skip
    whole = before_start == sentence_start  # "There are reports that", not "The union claims that"
    noun = that_clause and word in HEARSAY_NOUNS and not subject_ends(before, whole)
    passive = not agentless and not noun and PASSIVE.search(before)
    if passive or (word in HEARSAY_CUES and TO_BE.match(text, cue.end(), limit)):
        if word in HEARSAY_CUES and HEARSAY_TO.match(text, cue.end(), limit):  # "was said to have"
            start = SPACES.match(text, cue.end(), limit).end()
            offset, phrase = (0, "") if passive else source_before(before)  # "the NSA claims to"
            return make_raw("", start, max(start, limit_end), word, cue.start(), cue.end(), phrase,
                            before_start + offset if phrase else -1, negated, not phrase)  # fmt: skip
        link = PASSIVE_LINK.get(CUES[word])
        if link and (linked := link.match(text, cue.end(), limit)):  # "was accused of lying"
            return make_raw("", linked.end(), max(linked.end(), limit_end), word, cue.start(),
                            cue.end(), "", -1, negated, True)  # fmt: skip
        that = THAT.match(text, SPACES.match(text, cue.end(), limit).end(), limit)
        if that and CUES[word] in ("say", "that", "told"):  # "the ministry was told that"
            return make_raw("", that.end(), max(that.end(), limit_end), word, cue.start(),
                            cue.end(), "", -1, negated, True)  # fmt: skip
        return None  # "was told": no source phrase in this sentence
    offset, phrase = source_before(before)
    plain = not phrase and not agentless and not noun and CUES[word] != "intend"
    if plain:  # "The party has said", "Some politicians commented"
        offset, phrase = plain_subject(before, before_start == sentence_start)
        plain = bool(phrase)
    source_start = before_start + offset if phrase else -1  # ``before`` may be cut short
    if aside and phrase and word in CLOSING_CUES and COMMA.match(text, cue.end(), limit) and (
        aside := parenthetical(doc, before_start + len(before[:offset].rstrip()),
                                sentence_start, word, cue, phrase, source_start)):  # fmt: skip
        return aside
    objected = (word in CLAUSE_PARTICIPLES and phrase
                and LETTERS.search(before[:offset].rsplit(",", 1)[-1])  # words before it
                and phrase.split()[-1].lower() not in STATEMENT_NOUNS  # "issued a statement saying"
                and not before.rstrip().endswith(" as")  # "quoted X as saying"
                and not WITH_SUBJECT.search(before, 0, offset))  # ", with X saying"  # fmt: skip
    if objected:  # "X defended the law saying ...": the law is an object, X speaks
        offset, phrase, source_start = 0, "", -1
    participle = (
        objected
        or (word in CLAUSE_PARTICIPLES and before.rstrip().endswith((",", ",”", ',"')))
        or bool(COORDINATED.search(before))
    )  # ", saying ...", "... and reported ...", "... but cautioned ...": the subject
    if not phrase and not agentless and not participle:
        if not that_clause:
            return None
        agentless = noun  # "There are reports that ...": hearsay of no named source
    position = cue.end()
    family = CUES[word]
    if family in EVALUATE_OBJECT:
        match = EVALUATE_OBJECT[family].match(text, position, limit)
        asked = not match and family == "to" and ASKED.match(text, position, limit)
        that = not (match or asked) and family == "to" and THAT.match(text, position + 1, limit)
        if not (match or asked or that):
            return None
        # "asked (Y) why ...", "ordered that ..."
        start = asked.start("wh") if asked else that.end() if that else match.start("obj")
    elif family == "name":  # "called Y a “dictator”", "called the day “historic”"
        match = NAMED_OBJECT.match(text, position, limit)
        if not match:
            return None
        start = match.start("obj")
        named = NAMED_END.search(text, match.end(), limit)  # "a “dictator,” claiming ...": Z ends
        limit_end = trim_end(text, start, named.end()) if named else limit_end
    elif family == "phrase":  # "expressed concern that ...": the clause after "that"
        start = PHRASE_REST.match(text, cue.end(), limit).end()
    elif family == "intend":  # "vowed to", "promising not to", "promised that"
        that = THAT.match(text, SPACES.match(text, position, limit).end(), limit) or (
            None if INTEND_TO.match(text, position, limit) else _near_that(text, position, limit)
        )
        if not (INTEND_TO.match(text, position, limit) or that):
            return None
        start = that.end() if that else SPACES.match(text, position, limit).end()
        start = start if that or not TO.match(text, start, limit) else TO_SPACES.match(
            text, start, limit).end()  # fmt: skip
    else:
        lead = LEAD.match(text, position, limit)
        position = lead.end() if lead else position
        if AGAINST.match(text, position, limit):
            return None  # "warned against a deal": a stance toward a noun phrase, no clause
        that = None
        if family == "told":  # a "that" after the object, none after a clause's break
            that = TOLD_THAT.search(text, position, min(limit, position + 80))
            if that and OBJECT_BREAK.search(text, position, that.start()):
                that = None
        colon = None if that else COLON_QUOTE.search(text, position, min(limit, position + 80))
        later = colon and CUE_WORD.search(text, position, colon.start())
        other = source_before(text[position : later.start()]) if later else (0, "")
        if colon and not other[1]:
            return None  # "told the radio station: “...”", "..., adding: “...”": a direct quote
        if other[1]:  # "P but a spokeswoman said: “...”": P ends before her
            limit_end = trim_end(text, position, position + other[0])
        told_that = bool(family == "told" and that)  # "told the BBC that “so far” no ..."
        if family == "told":
            if that:
                position = SPACES.match(text, that.end(), limit).end()
            else:
                obj = TOLD_OBJECT.match(text, position, limit)
                position = obj.end() if obj else position
                lead = LEAD.match(text, position, limit)
                position = lead.end() if lead else position
        elif family == "say":  # "warned MPs that", "warned reporters that": past them
            position = past_addressee(text, position, limit)
        that = THAT.match(text, position, limit)
        if family == "that" and not that:  # "announced at the rally that ..."
            that = _near_that(text, position, limit)
            position = that.start() if that else position
        clause = CLAUSE_SUBJECT.match(text, position, limit) or (
            family == "that" and DENIED_OBJECT.match(text, position, limit))  # fmt: skip
        loose = plain or (participle and not phrase)  # a subject found by its place only
        if (
            (family == "that" or (loose and word not in PLAIN_CLAUSE_CUES))
            and not that
            and not clause
        ):
            return None  # "announced his resignation": no clause
        start = that.end() if that else position
        if PREPOSITION.match(text, start, limit):
            start = past_phrase(text, start, limit)
            if start < 0:
                return None  # "said in a statement": no clause follows
        quoted = text[start : start + 1] in '"“' and not (that or told_that)
        if text[start : start + 1] == ":" or (quoted and not QUOTE_IN_CLAUSE.match(text, start)):
            return None  # "said “...”": a direct quote; "said “so far” no one ...": a clause
    if plain and AUXILIARY.match(text, start, limit):
        return None  # "The member states have called for": "states" is a noun, no cue
    end = max(start, limit_end)  # trim_end(text, start, limit), without walking back again
    return make_raw("", start, end, word, cue.start(), cue.end(), phrase, source_start, negated,
                    bool(agentless) and not phrase)  # fmt: skip


def _near_that(text: str, position: int, limit: int) -> re.Match | None:
    """A "that" a few words on, no cue between ("announced at the rally that ...")."""
    near = NEAR_THAT.search(text, position, min(limit, position + 40))
    between = CUE_WORD.search(text, position, near.end()) if near else None
    if near and (
        not between
        or (
            between.group() in HEARSAY_CUES  # "denied (all) reports that"
            and HEARSAY_OBJECT.fullmatch(text, position, between.start())
        )
    ):
        return THAT.match(text, near.start(), limit)
    return None


def _words(span: str) -> int:
    return len(span.split())


def _kind(doc, item: Reported) -> bool:
    """Sets ``item.kind``: mixed when the clause holds a quotation, reported otherwise;
    False (dropped) when the clause is a quotation from start to end."""
    first = bisect.bisect_left(doc.quote_starts, item.start)
    last = bisect.bisect_right(doc.quote_starts, item.end + 1)
    inside = [(s, e) for s, e in doc.quotes[first:last] if e <= item.end + 1]
    if not inside:
        if doc.in_quote(item.start, item.end):
            return False
        item.kind = "reported"
        return True
    bounds = [item.start, *(x for span in inside for x in span), item.end]
    pairs = zip(bounds[::2], bounds[1::2], strict=True)
    outside = sum(len(WORD_RUN.findall(doc.text, a, b)) for a, b in pairs)
    if outside < MIN_OUTSIDE:
        return False
    item.kind = "mixed"
    return True
