"""Positions: the beliefs, views, wishes, demands and stances a document gives a source,
without a speech act (the ``position`` kind).

Constructions, each inside one sentence and outside quotations:

* ``SOURCE MENTAL (that) CLAUSE`` / ``to VERB ...`` / ``OBJECT`` -- "Labour believes the war
  was illegal", "He hopes to win", "The party wants a referendum";
* ``SOURCE STANCE OBJECT`` -- "The Greens called for a ban", "Mr Howard opposed the bill",
  "The board expressed concerns about the quay", "She renewed her calls for an inquiry";
  a judging verb followed by "for" or "as" ("criticised Y for Z") is reported speech, a
  regarding verb needs "as" ("viewed Y as Z"), a bare form ("support") a plural or pronoun
  holder or a modal ("Farmers support", "they would oppose"; "Labour support" is a noun);
* ``SOURCE is PREDICATE OBJECT`` -- "Voters are in favour of the plan";
* ``OBJECT was STANCE by SOURCE`` and ``OBJECT has the support of SOURCE`` -- the holder
  follows, the clause's subject is the content;
* ``In SOURCE's view, CLAUSE`` and ``In the view of SOURCE, CLAUSE``.

A participle after a comma or a verb after "and" (", calling for ...") is held by the
sentence's subject, or by the holder of the position before it. A view an agentless passive
gives ("It is believed that P", "He is expected to resign", "was seen as a blow") is held by no
one named (:func:`~actorlens.attribution.held.unheld`); a noun use with no source phrase ("the
support of") is left out. The holder phrase before a cue is read by :mod:`actorlens.attribution.holders`, a holder
elsewhere (after a passive, the sentence's subject) by :mod:`actorlens.attribution.held`.
The cue words come from the lexicon (``position_cues``); every pattern is compiled once.
"""

import re

from actorlens.attribution.document import Document
from actorlens.attribution.held import (
    CLAUSE_END,
    OBJECT_END,
    PLURAL_HOLDER,
    PLURAL_NOUN,
    REPORTED_LINK,
    SPACE,
    apposed,
    believed_by,
    gesture,
    held_by,
    sentence_subject,
    trim,
    unheld,
)
from actorlens.attribution.holders import RAISING_TO, holder_before
from actorlens.attribution.joint import each_source
from actorlens.attribution.reported import Reported
from actorlens.attribution.reported_source import WHO_CLAUSE
from actorlens.text.lexicon import (
    ATTITUDE_PREPOSITIONS,
    ATTITUDE_VERBS,
    ATTITUDES,
    BACKING,
    CALL_VERBS,
    CALLS,
    CLAUSE_OPENERS,
    DOCUMENTS,
    FOR_NOUNS,
    GESTURES,
    JUDGING,
    MENTAL_CUES,
    PREDICATE_NOUNS,
    PREPOSITIONS,
    REGARDING,
    SPOKEN_OBJECTS,
    STANCE_CUES,
    STANCE_LEMMAS,
    STANCE_PREDICATES,
    VIEW_WORDS,
    alternation,
    trie_alternation,
)

BE = (
    r"(?:is|are|was|were|be|been|being|remains?|remained|seems?|seemed|appears?|appeared"
    r"|becomes?|became|grown|grew|grows?)"  # "have become unhappy with"
)
# "expressed a number of concerns about", "renewed their calls for": an attitude or a call
EXPRESSED = (
    rf"(?:{trie_alternation(ATTITUDE_VERBS)})\s+(?:[\w-]+\s+){{0,3}}?(?:{alternation(ATTITUDES)})\s+"
    rf"(?:{alternation(ATTITUDE_PREPOSITIONS)})"
    rf"|(?:{trie_alternation(CALL_VERBS)})\s+(?:[\w-]+\s+){{0,3}}?(?:{alternation(CALLS)})\s+for"
)
# "a vocal critic of", "the main opponents of": people a stance makes of their holder
STANCE_NOUN = rf"(?:an?|the)\s+(?:[\w-]+\s+){{0,2}}?(?:{alternation(PREDICATE_NOUNS)})\s+of"
CUE = re.compile(
    rf"\b(?:(?P<mental>{trie_alternation(MENTAL_CUES)})"
    rf"|(?P<stance>{EXPRESSED}|{trie_alternation(STANCE_CUES)})"
    rf"|{BE}\s+(?:(?:not|still|also|now|firmly|strongly|\w+ly)\s+)*"
    rf"(?P<predicate>{trie_alternation(STANCE_PREDICATES)}|{STANCE_NOUN})"
    rf"|,\s+(?P<apposition>{STANCE_NOUN})"
    rf"|(?P<backing>{trie_alternation(BACKING)})|(?P<gesture>{trie_alternation(GESTURES)}))\b"
)
VIEW = re.compile(
    rf"\b[Ii]n\s+(?:(?P<holder>[\w’'. -]{{1,60}}?)(?:’s|'s|’|')\s+(?:own\s+)?"
    rf"(?:{alternation(VIEW_WORDS)})|the\s+(?:{alternation(VIEW_WORDS)})\s+of\s+"
    rf"(?P<of>[^,;:]{{1,60}}?))(?:\s*,\s*|\s+(?!(?:of|on|about|as|is|was|that)\b)(?=[a-zA-Z]))"
)
# "Jo Holm's view is that P", "It is Jo Holm's opinion that P": the holder before "'s"
VIEW_IS = re.compile(
    rf"(?:’s|'s)\s+(?:own\s+)?(?:{alternation(VIEW_WORDS)})\s+(?P<is>(?:is|was)\s+)?that\s+"
)
IT_IS = re.compile(r"\b[Ii]t\s+(?:is|was)\s+")
PASSIVE = re.compile(rf"\b{BE}\s+(?:(?:\w+ly|often|also|still|now|always|long)\s+)*$")
# "Mr Brown, widely considered": one comma, after the noun the participle describes (not
# the closing comma of an apposition, "Jo Holm, the chief, believed")
REDUCED_PASSIVE = re.compile(r"[^,]*,\s*(?:\w+ly\s+)?")
NEGATION = re.compile(
    r"(?:\b(?:did|does|do|has|have|had|would|could|will)\s+)?"
    r"(?:\b(?:not|never|no longer)|\b\w+n['’]t)\s+$"
)
STANCE_TO = re.compile(rf"\b{RAISING_TO}\s+$")
# "the support of", "for fear that", "with hope": a noun after a determiner or a preposition
NOUN_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|his|her|its|their|our|my|your|to|of|as|by|for|with|without|from)|[’']s)\s+$"
)
THAT_BEFORE = re.compile(r"\s+that\s+$")
RELATIVE = re.compile(rf",?\s*(?:who|which)\s+$|(?<=[a-z]s)\s+that\s+$|{WHO_CLAUSE.pattern}")
PARTICIPLE_LINK = re.compile(
    r"(?:,|[\w)”\"’'],?\s+(?:and|but))\s*(?:(?:has|have|had|also|then|\w+ly)\s+)*$"
)
AND = re.compile(  # "..., but criticised the budget", "“...” and has called for"
    r"[\w)”\"’'],?\s+(?:and|but)\s*(?:(?:has|have|had|also|then)\s+)*$"
)
IT = re.compile(r"(?:\b(?:as|because|since|and|but|while|although)|,)\s+it\s+$")  # "as it fears"
AMONG = re.compile(
    rf"\s*,?\s*{BE}\s+(?:among|amongst|one\s+of)\s+(?:those|the\s+\w+)\s+(?:who\s+)?$"
)
PARTICLE = re.compile(r"\s+(?:down|off|away|out|up|of|with)\b")
LEAD = re.compile(r"(?:\s*,?\s*(?:also|strongly|firmly|still|now|publicly|again|\w+ly))*\s*")
THAT = re.compile(r"that\s+")
NOUN_PHRASE = re.compile(r"\b(?:the|a|an|his|her|its|their|this|that)\s+(?:[\w-]+\s+){1,3}$")
VOTE = re.compile(r"\bvot(?:e|es|ed|ing)\b[^,;]*$")  # "voted 300 in support of": a vote
THAT_INSIDE = re.compile(r"\bthat\b")
AS = re.compile(r"\sas\s")  # "viewed Y as Z": a view; "saw Y" none
BY = re.compile(r"by\s")
# no noun phrase object: "demanded that P" (speech), "backed by", "protested because P"
CLAUSE_OBJECT = re.compile(
    r"(?:that|by|saying|adding|because(?!\s+of)|as|after|when|if|since|while|although|before|until)\s"
)
# a stance verb used with no object: "protested in Tehran", "protested and left"
NO_OBJECT = re.compile(
    r"(?:in|at|on|outside|inside|near|about(?!\s+\d)|across|during|and|or)\s|[-–—]"
)
TO = re.compile(
    r"to\s"
)  # "pledged to cut taxes": a promise, reported speech  # no noun phrase object
# "was rejected, especially by X": the holder of a passive stance, up to a clause word.
AGENT = re.compile(
    r"(?:\s*,?\s*(?:especially|particularly|notably|mainly|also|even|\w+ly))*\s*,?\s+by\s+"
)
ISSUED = re.compile(rf"an?\s+(?:\w+\s+)?(?:{alternation(DOCUMENTS)})$", re.IGNORECASE)
NOUN_AFTER = re.compile(r"\s+(?:for|of|about|over|have|has|were|are|was|is)\b")
# The words that join a second position of the same holder ("..., and are in favour of").
LINK = re.compile(r"(?:[\s,]+(?:and|as|because|but|while|it|is|are|was|were|has|have|\w+ly))*\s*\Z")
MODAL = re.compile(
    r"\b(?:will|would|could|should|may|might|must|can|do|did|to)\s+"
    r"(?:(?:\w+ly|now|also|still|then)\s+)?$"
)
BARE = STANCE_LEMMAS  # the plain form: "support" is a noun too
MIN_WORDS = 2


def find_positions(doc: Document, sentence_start: int, sentence_end: int) -> list[Reported]:
    """The positions of one sentence, in order (kind ``position``)."""
    text = doc.text
    found = []
    headline = _headline_end(doc)  # the headline gives no one a position
    view = VIEW.search(text, sentence_start, sentence_end)
    if view and text[view.end() - 1] != "," and text[sentence_start : view.start()].strip():
        view = None  # "in the eyes of X" without a comma frames a view only opening a sentence
    if view and view.start() >= headline and not doc.in_quote(view.start(), view.end()):
        holder = view.group("holder") or view.group("of")
        at = view.start("holder") if view.group("holder") else view.start("of")
        end = trim(text, view.end(), sentence_end)
        cue = text[view.start() : view.end()].rstrip(", ")
        found.append(Reported("position", view.end(), end, cue, view.start(),
                              view.start() + len(cue), holder.strip(), at, False))  # fmt: skip
    if opinion := _view_is(doc, sentence_start, sentence_end):
        found.append(opinion)
    for cue in CUE.finditer(text, sentence_start, sentence_end):
        if (
            cue.start() < headline
            or doc.in_quote(cue.start(), cue.end())
            or (view and cue.start() < view.end())
        ):
            continue
        item = _position(doc, cue, sentence_start, sentence_end)
        if item and not item.source and not item.hearsay and found and found[-1].source:
            item.source, item.source_start = found[-1].source, found[-1].source_start  # ", fearing"
        elif item and not item.source and not item.hearsay:  # "The army moved in, demanding"
            item.source_start, item.source = sentence_subject(text, sentence_start, item.cue_start)
        if item and len(text[item.start : item.end].split()) >= MIN_WORDS - (
            cue.lastgroup != "mental"
        ):
            earlier = found[-1] if found else None
            if (
                earlier
                and earlier.start < item.cue_start < earlier.end <= item.end
                and (
                    item.source_start < earlier.start  # its holder is the earlier one's
                )
            ):
                link = LINK.search(text, max(earlier.start, item.cue_start - 40), item.cue_start)
                earlier.end = trim(text, earlier.start, link.start())
            found.append(item)
    return [one for item in found for one in each_source(text, item)]


def _position(doc: Document, cue: re.Match, sentence_start: int, sentence_end: int):
    """The position of one cue word, or None."""
    text, kind = doc.text, cue.lastgroup
    word_start = cue.start(kind)
    word = text[word_start : cue.end()]
    before_start = max(sentence_start, cue.start() - 160)
    before = text[before_start : cue.start()]
    negated = NEGATION.search(before)
    if negated:
        before = before[: negated.start()]
    progressive = word.split()[0].endswith("ing")  # "are pushing for"
    passive = PASSIVE.search(before)
    if kind == "stance" and passive and not progressive:
        by = AGENT.match(text, cue.end(), sentence_end)
        if word.split()[0] in REGARDING and not AS.search(text, cue.end(), sentence_end):
            return None  # "is seen by the public": no view without "as"
        if not by:  # "The result was seen as a blow": a view no one named holds
            return unheld(doc, word, word_start, cue.end(), sentence_end, bool(negated))
        return held_by(doc, cue, by.end(), before_start + passive.start(), sentence_start,
                       sentence_end)  # fmt: skip
    if kind == "mental" and passive and not progressive and (by := AGENT.match(text, cue.end())):
        return believed_by(doc, cue, by.end(), sentence_end)  # "is believed by many to"
    if kind == "apposition":  # "Jo Holm, a long-time critic of the plan, ...": Holm's stance
        return apposed(doc, cue, sentence_start, sentence_end)
    if kind == "gesture":  # "Crowds wore red in support of the troops": the subject's stance
        if VOTE.search(before) or NOUN_PHRASE.search(before):
            return None  # "voted in support of", "a ruling in support of": no one's gesture
        return gesture(doc, cue, sentence_start, sentence_end)
    if kind == "backing":  # "The plan has the support of Mr Howard", not "must have"
        if MODAL.search(before):
            return None
        at = SPACE.match(text, cue.end()).end()
        return held_by(doc, cue, at, cue.start(), sentence_start, sentence_end)
    if kind == "mental" and passive and not progressive:  # "It is believed that P"
        return unheld(doc, word, word_start, cue.end(), sentence_end, bool(negated))
    if kind != "predicate" and NOUN_BEFORE.search(before) and not STANCE_TO.search(before):
        return None  # "the support of": no holder here
    if kind == "mental" and not progressive and REDUCED_PASSIVE.fullmatch(before):
        return None  # "Mr Brown, widely considered the next leader,": a view of him, no holder
    if text[word_start - 1 : word_start] == "-" or PARTICLE.match(text, cue.end()):
        return None  # "a UN-backed government", "backed down", "fear of dogs": no stance
    among = AMONG.search(before)  # "Ms Reid is amongst those calling for / who call for"
    among = among if among and (progressive or among.group().rstrip().endswith("who")) else None
    if among:
        before = before[: among.start()] + " "
    relative = RELATIVE.search(before) or (
        word.split()[0] not in BARE and THAT_BEFORE.search(before)
    )  # "a group that supports the ban": a verb form right after "that" has it as subject
    if relative:
        before = before[: relative.start()] + " "
    modal = MODAL.search(before)
    offset, phrase = holder_before(before, before_start == sentence_start)
    if phrase and phrase.split()[-1] in PREPOSITIONS:
        return None  # "expelled him for criticising X", "detained for questioning": a gerund
    if progressive and phrase in CLAUSE_OPENERS:  # "In denying X, Mr Y said": Mr Y denies
        comma = text.find(",", cue.end(), sentence_end)
        at, phrase = sentence_subject(text, comma + 1, sentence_end) if comma > 0 else (-1, "")
        offset = at - before_start
    if word.split()[0] in BARE and not (
        modal
        or negated
        or among
        or PLURAL_HOLDER.search(phrase.replace("’s", "").replace("'s", ""))
    ):
        return None  # "Labour support for", "the US press": a noun, no verb
    verb = word.split()[0]
    if verb.endswith("s") and (
        (verb[:-1] in BARE and PLURAL_NOUN.search(phrase))
        or (word == verb and kind == "stance" and NOUN_AFTER.match(text, cue.end()))
    ):
        return None  # "civil liberties advocates", "and demands for a recount": plural nouns
    issued = progressive and ISSUED.match(phrase)  # "issued a statement condemning": the issuer's
    if issued:
        offset, phrase = 0, ""
    if not phrase and not (
        issued
        or IT.search(before)
        or (PARTICIPLE_LINK.search(before) and (progressive or AND.search(before)))
    ):
        return None
    source_start = before_start + offset if phrase else -1
    start = LEAD.match(text, cue.end(), sentence_end).end()
    if kind == "mental" or (kind == "predicate" and THAT.match(text, start, sentence_end)):
        that = THAT.match(text, start, sentence_end)  # "is concerned that P": a belief
        start = that.end() if that else start
        if BY.match(text, start, sentence_end):
            return None
        stop = CLAUSE_END.search(text, start, sentence_end)
    else:
        if CLAUSE_OBJECT.match(text, start, sentence_end) or (
            kind == "stance"
            and (TO.match(text, start, sentence_end) or NO_OBJECT.match(text, start, sentence_end))
        ):
            return None  # "demanded that P" is reported speech; "backed by" a passive
        stop = OBJECT_END.search(text, start, sentence_end)
        link = REPORTED_LINK.search(text, start, stop.start() if stop else sentence_end)
        if link and text[start : link.start()].rsplit(None, 1)[-1] in FOR_NOUNS:
            link = None  # "praised the sisters' campaign for justice": the noun's "for"
        regards = verb in REGARDING and not AS.search(
            text, start, stop.start() if stop else sentence_end
        )
        if (link and verb in JUDGING) or regards:
            return None  # "criticised Y for Z" is speech; "viewed Y" without "as Z" no view
    end = trim(text, start, stop.start() if stop else sentence_end)
    if end <= start:
        return None
    if verb in SPOKEN_OBJECTS and THAT_INSIDE.search(text, start, end):
        return None  # "denied reports that P": the clause is the speech, read as such
    spoken = "reported" if verb in SPOKEN_OBJECTS else "position"  # "denied the charges"
    return Reported(spoken, start, end, word, word_start, cue.end(), phrase, source_start,
                    bool(negated))  # fmt: skip


def _view_is(doc: Document, sentence_start: int, sentence_end: int) -> Reported | None:
    """ "Jo Holm's view is that P" / "It is Jo Holm's opinion that P": her position P."""
    text = doc.text
    view = VIEW_IS.search(text, sentence_start, sentence_end)
    if not view or doc.in_quote(view.start(), view.end()):
        return None
    offset, holder = holder_before(text[sentence_start : view.start()] + " ", True)
    opened = IT_IS.search(text, sentence_start, sentence_start + offset)
    if not holder or not (view["is"] or opened):
        return None
    end = trim(text, view.end(), sentence_end)
    cue_start = view.start() + len(view.group().split()[0])  # after "'s"
    return Reported("position", view.end(), end, text[cue_start : view.end()].strip(),
                    cue_start, view.end(), holder, sentence_start + offset, False)  # fmt: skip


def _headline_end(doc: Document) -> int:
    """Where a first line without closing punctuation (a headline) ends; 0 when none."""
    if not doc.newlines:
        return 0
    line = doc.text[: doc.newlines[0]].rstrip()
    return doc.newlines[0] if line and line[-1] not in '.!?"”' else 0
