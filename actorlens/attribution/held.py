"""Positions whose holder is not the phrase right before the cue: the agent of a passive
("The plan was rejected by Mr Howard", "He is believed by many to favour a merger"), the one
whose support a thing has ("has the support of X"), the subject of the sentence a gesture is
in ("Crowds wore red in support of the troops"), the name an apposition describes ("Jo Holm, a
critic of the plan, ..."); and the pieces the position rules share (the sentence's subject,
the object's end).
"""

import re

from actorlens.attribution.document import Document
from actorlens.attribution.phrases import phrase_head, phrase_tail
from actorlens.attribution.reported import Reported
from actorlens.text.lexicon import (
    CLAUSE_OPENERS,
    DESCRIPTORS,
    HOLDERS,
    JUDGING,
    NOT_SOURCES,
    SPOKEN_OBJECTS,
)

NOT = re.compile(r"\b(?:not|never)\b")
# "but this plan was ...", "Although his post is seen by some as": words before the subject
SUBJECT_LEAD = re.compile(
    r"\s*(?:(?:and|but|so|or|yet|while|although|though|because|since|if|when)\s+)?", re.IGNORECASE
)
RELATIVE_SUBJECT = re.compile(r"(?:who|which|that|and|but)$", re.IGNORECASE)  # no content
REPORTED_LINK = re.compile(r"\s(?:for|as)\s")  # "criticised Y for Z": reported speech
OBJECT_END = re.compile(  # the object ends at a clause or a second verb ("and offered to")
    r"[,;:.!?\n]|\s(?:saying|adding|because|after|while|when|and\s+said)\s"
    r"|\s(?:and|but)\s+(?:(?:has|have)\s+)?"
    r"\w+(?:ed|s)\s+(?:to|that|the|a|an|his|her|its|their)\s|\sand\s+(?:an?|the)\s+\w+\s+said\b"
)
AGENT_END = re.compile(
    r"[,;:.!?()\[\]\n“”\"]|\s(?:who|which|that|for|as|in|on|at|after|during|over|because|when"
    r"|while|saying|with|to|from|since|and\s+(?:said|says|added))\b"
)
AGENT_WORDS = 8
AUXILIARY = re.compile(
    r"(?:\s+(?:has|have|had|will|would|could|may|might|must|should|not|never|already|also|still"
    r"|(?!(?:rally|ally|family|assembly|supply|monopoly|reply)\b)\w+ly))*\s*\Z"
)
SPACE = re.compile(r"\s*")
NEXT_WORD = re.compile(r"\s+(\w+)")
COMMA = re.compile(r"\s*,")
HOLDER_WORDS = DESCRIPTORS | frozenset(HOLDERS)
PLURAL_HOLDER = re.compile(r"(?:[a-z][a-rt-z]s|\band\s.*)$|^(?:they|we|i|you)$", re.IGNORECASE)
PLURAL_NOUN = re.compile(r"\b[a-z]{3,}[a-rt-z]s$")
END_PUNCT = ".!?;:, \n"
CLAUSE_END = re.compile(r"[;:\n]|,\s*(?:saying|adding|while|but)\s|\.\s|[.!?]$")
VIEW_OPENING = re.compile(r"(?:to|that|as)\s")  # "believed by many to be", "seen by X as"
QUANTIFIERS = re.compile(r"(?:many|some|most|others|several)$", re.IGNORECASE)


def held_by(doc: Document, cue: re.Match, at: int, verb: int, sentence_start: int,
             sentence_end: int):  # fmt: skip
    """A stance whose holder follows its cue, read from ``at`` ("The plan was rejected by Mr
    Howard", "The plan has the support of Mr Howard"), the clause's subject before ``verb``
    its content; None with no holder, or for "criticised by X for Z" (reported speech)."""
    text = doc.text
    holder, stop = _holder_after(text, at, sentence_end)
    if not holder or (
        stop and REPORTED_LINK.match(text, stop.start()) and cue.group().split()[0] in JUDGING
    ):
        return None  # "backed by evidence": no holder; "criticised by X for Z": speech
    window = max(sentence_start, verb - 200)
    auxiliary = AUXILIARY.search(text, window, verb)
    end = auxiliary.start()
    start = max(window, *(text.rfind(mark, window, end) + 1 for mark in ",;:"))
    that = text.rfind(" that ", start, end)  # "... no surprise that he has the support of"
    start = SUBJECT_LEAD.match(text, that + 6 if that >= 0 else start, end).end()
    if end <= start or RELATIVE_SUBJECT.match(text[start:end].strip()):
        return None  # "..., who is seen by many as": the subject is outside the clause
    word = text[cue.start(cue.lastgroup) : cue.end()]
    negated = bool(NOT.search(auxiliary.group()))  # "has not been backed by"
    kind = "reported" if word in SPOKEN_OBJECTS else "position"  # "was denied by"
    return Reported(kind, start, trim(text, start, end), word, cue.start(cue.lastgroup),
                    cue.end(), holder, at, negated)  # fmt: skip


def gesture(doc: Document, cue: re.Match, sentence_start: int, sentence_end: int):
    """ "Crowds wore red in support of the troops": the sentence's subject holds a stance
    toward the object; None when the sentence opens with no subject phrase."""
    text = doc.text
    at, holder = sentence_subject(text, sentence_start, cue.start())
    start = SPACE.match(text, cue.end(), sentence_end).end()
    stop = OBJECT_END.search(text, start, sentence_end)
    end = trim(text, start, stop.start() if stop else sentence_end)
    if not holder or end <= start:
        return None
    return Reported("position", start, end, cue.group(), cue.start(), cue.end(), holder, at,
                    False)  # fmt: skip


def sentence_subject(text: str, sentence_start: int, cue_start: int) -> tuple[int, str]:
    """The name or title phrase opening the sentence ("The European Parliament has ...",
    "The Israeli army moved ..."), with a holder noun after it; (-1, "") when the sentence
    opens with a clause ("After the vote, ...") or no such phrase."""
    start = SPACE.match(text, sentence_start, cue_start).end()
    phrase = phrase_head(text, start, cue_start)
    end = start + len(phrase)
    noun = NEXT_WORD.match(text, end, cue_start)
    if phrase and noun and (noun.group(1).lower() in HOLDER_WORDS or PLURAL_NOUN.match(noun[1])):
        end, phrase = noun.end(), text[start : noun.end()]  # "The Israeli army", "The students"
    if (
        not phrase
        or phrase.lower() in NOT_SOURCES
        or phrase.split()[0] in CLAUSE_OPENERS
        or COMMA.match(text, end, cue_start)
    ):
        return -1, ""
    return start, phrase


def trim(text: str, start: int, end: int) -> int:
    """``end`` moved back over closing punctuation and spaces."""
    while end > start and text[end - 1] in END_PUNCT:
        end -= 1
    return end


def _holder_after(text: str, at: int, limit: int) -> tuple[str, re.Match | None]:
    """The agent phrase read from ``at`` ("Mr Howard", "unions", "many") and the match that
    ends it; ("", None) when it names no holder ("backed by evidence")."""
    limit = min(limit, at + AGENT_WORDS * 12)
    stop = AGENT_END.search(text, at, limit)
    holder = text[at : trim(text, at, stop.start() if stop else limit)]
    if (
        not holder
        or len(holder.split()) > AGENT_WORDS
        or not (
            any(c.isupper() for c in holder)
            or PLURAL_HOLDER.search(holder)
            or QUANTIFIERS.search(holder)
            or holder.split()[-1].lower() in HOLDER_WORDS
        )
    ):
        return "", None
    return holder, stop


def believed_by(doc: Document, cue: re.Match, at: int, sentence_end: int):
    """ "He is believed by many to favour a merger": the agent read from ``at`` holds the view
    that follows it; None with no holder or nothing after it."""
    text = doc.text
    holder, stop = _holder_after(text, at, sentence_end)
    if not holder or not stop or text[stop.start()] in ",;:.!?\n":
        return None
    start = SPACE.match(text, stop.start(), sentence_end).end()
    if not VIEW_OPENING.match(text, start, sentence_end):
        return None  # "a method being considered by officials in Tarnby": no view given
    clause = CLAUSE_END.search(text, start, sentence_end)
    end = trim(text, start, clause.start() if clause else sentence_end)
    if end <= start:
        return None
    return Reported("position", start, end, cue.group("mental"), cue.start("mental"), cue.end(),
                    holder, at, False)  # fmt: skip


def apposed(doc: Document, cue: re.Match, sentence_start: int, sentence_end: int):
    """ "Jo Holm, a long-time critic of the plan, ...": the name before the apposition holds
    a stance toward the object; None when no capitalised name stands there."""
    text = doc.text
    offset, holder = phrase_tail(text[sentence_start : cue.start()])
    start = SPACE.match(text, cue.end(), sentence_end).end()
    stop = OBJECT_END.search(text, start, sentence_end)
    end = trim(text, start, stop.start() if stop else sentence_end)
    if not holder[:1].isupper() or end <= start:
        return None
    return Reported("position", start, end, cue.group("apposition"), cue.start("apposition"),
                    cue.end(), holder, sentence_start + offset, False)  # fmt: skip


# Views a passive gives to no one named ("It is believed that P", "He is believed to be ...",
# "The result was seen as a blow"): positions of an unnamed holder, not the subject's.
# "believed to" too; "expected to" is mostly a forecast ("is expected to resume next week")
UNHELD_VIEWS = {"believed": True, "thought": False, "expected": False, "feared": False,
                "hoped": False}  # word -> whether "to" opens its view  # fmt: skip
UNHELD_REGARDS = frozenset(("seen", "viewed", "regarded"))
VIEW_CONTENT = re.compile(r"\s*(?:(?:widely|generally|now|also|still)\s+)*(?:that\s+|(?=to\s))")
REGARD_CONTENT = re.compile(r"\s*(?:\w+ly\s+)?as\s+")


def unheld(doc: Document, word: str, word_start: int, cue_end: int, sentence_end: int,
           negated: bool) -> Reported | None:  # fmt: skip
    """The view an agentless passive cue ``word`` (ending at ``cue_end``) gives no one: its
    clause after "that" (or from "to" after "believed": "is believed to be"), or what a thing
    is seen "as"; None for any other word or form ("is feared dead")."""
    text = doc.text
    views = word in UNHELD_VIEWS
    lead = (VIEW_CONTENT if views else REGARD_CONTENT).match(text, cue_end, sentence_end)
    if not lead or not (views or word in UNHELD_REGARDS):
        return None
    if views and not UNHELD_VIEWS[word] and not lead.group().rstrip().endswith("that"):
        return None  # "is expected to resume": a forecast, no one's view
    stop = (CLAUSE_END if views else OBJECT_END).search(text, lead.end(), sentence_end)
    end = trim(text, lead.end(), stop.start() if stop else sentence_end)
    if len(text[lead.end() : end].split()) < 2:
        return None
    return Reported("position", lead.end(), end, word, word_start, cue_end, "", -1, negated,
                    hearsay=True)  # fmt: skip
