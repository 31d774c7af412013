"""Quotes in a list of reactions: a quote that opens its paragraph (or its line), closed by
the name of whoever said it and no cue (:func:`listed_speaker`).

- after a dash, anywhere: ``“...” — Bertie Ahern, Taoiseach``, ``“...” -- Jo Holm``;
- after a colon or a comma, for a quote opening its paragraph, a bullet or wiki markup before
  it at most: ``“...”: Jo Holm, a senator.``, ``*''“...”'', Jo Holm Berg, the premier.``.
  After a comma the name has two words at least, and nothing after it up to the sentence's
  end is a cue (``“...,” Jo Holm, the premier, said`` is a cue's, read by
  :mod:`actorlens.attribution.quotes`).
"""

import re

from actorlens.attribution.document import Attribution
from actorlens.attribution.speakers import SpeakerResolver

UPPER = "A-ZÀ-ÖØ-Þ"
NAME_WORD = rf"[{UPPER}][\w’'.-]*"
MARKUP = r"(?:'{2,3})?"  # wiki italics or bold closing the quote: “...”''
LISTED = re.compile(
    rf"[.!?]?{MARKUP}\s*(?P<dash>[—–:,]|--|(?<=\s)-(?=\s))?\s*"
    rf"(?P<phrase>{NAME_WORD}(?:\s+{NAME_WORD}){{0,4}})"
    r"(?=\s*(?:[,(*“\"]|\s\s|\n|$)|[.!?](?:\s|$))"  # the name ends the line, or a title follows
)
# The rest of a comma's entry, up to the next quote: a description, no cue.
ENTRY_REST = re.compile(r"[^\n“”\"]*")
LETTER = re.compile(r"[^\W\d_]")


def listed_speaker(
    resolver: SpeakerResolver, start: int, end: int, cue_word: re.Pattern
) -> Attribution | None:
    """The name closing the quote ``text[start:end]`` in a list of reactions, else None;
    ``cue_word`` finds a cue in the rest of a comma's entry."""
    doc = resolver.doc
    text = doc.text
    listed = LISTED.match(text, end, doc.paragraph_end(end))
    if not listed:
        return None
    dash, phrase = listed["dash"] or "", listed["phrase"]
    if not dash and "," in text[end - 3 : end]:
        dash = ","  # "“...,” Jo Holm Berg."
    if not dash:
        return None
    if dash in ",:" and LETTER.search(
        text, max(doc.line_start(start), doc.paragraph_start(start)), start
    ):
        return None  # "Bills a “disgrace”: Opposition", a headline; a narrated sentence
    if dash == ",":
        rest = ENTRY_REST.match(text, listed.end(), doc.paragraph_end(end))
        if " " not in phrase or cue_word.search(rest.group()):
            return None  # "“...”, Tallinn."; "“...”, Jo Holm, the premier, said"; "“...,” Maj. Gen. Jo Holm said"
    at = listed.start("phrase")
    cue_at = listed.start("dash") if listed["dash"] else text.rfind(",", end - 3, end)
    speaker, name = resolver.resolve(phrase, at)
    return Attribution(speaker, phrase, dash, at, name, at, cue_at)
