"""Attributions: who says what, as direct quotes (:mod:`actorlens.attribution.quotes`) and reported
speech (:mod:`actorlens.attribution.reported`), and who holds which view, as positions
(:mod:`actorlens.attribution.positions`), in one table.

One pass over each document in text order: every quotation and every reported clause is
attributed with one :class:`~actorlens.attribution.speakers.SpeakerResolver`, so a pronoun or a
continuation finds the latest speaker whichever way that speaker was reported. A quotation
that is part of a reported clause ("Putin said the talks were “a first step”") belongs to
that clause, a ``mixed`` attribution. The speaker is an actor (``speaker_id``), or else the
name of a person or organisation that is not in the actors file (``speaker_name``, in the
fullest form the document gives); a speaker named by neither is unknown. A check against
quotations marked by hand reads the table's quotations through :func:`quoted_passages`.
"""

import bisect
import re
from functools import partial
from itertools import accumulate

import pandas as pd

from actorlens.attribution.cueless import lead_into_next
from actorlens.attribution.document import Attribution, Document
from actorlens.attribution.holders import generic_holder
from actorlens.attribution.narrated import is_scare_quote, narrated_start
from actorlens.attribution.positions import find_positions
from actorlens.attribution.quotes import attribute_quote
from actorlens.attribution.reported import find_reported
from actorlens.attribution.reported_source import trim_end
from actorlens.attribution.speakers import SpeakerResolver
from actorlens.core.engine import Engine
from actorlens.core.tables import SCHEMAS, frame
from actorlens.text.sentences import sentence_starts
from actorlens.text.spans import quotation_spans

# The attributions table before its tone (the last column) is scored.
ATTRIBUTION_COLUMNS = SCHEMAS["attributions"].names[:-1]
KINDS = ("direct", "reported", "mixed", "position")
SPEECH = {"direct": ("direct",), "reported": ("reported", "mixed"),
          "both": ("direct", "reported", "mixed"), "positions": ("position",), "all": KINDS}  # fmt: skip


NEW_CLAUSE = re.compile(r"[,;]\s*(?:and|but)?\s*\Z")  # ", and she backed ...": the narrator's
OVERLAP_REACH = 600
# "... and endorsed", "... and has called for": a verb coordinated with the one before it
COORDINATED = re.compile(r"\s(?:and|but)\s+(?:(?:has|have|had|also|then|later|\w+ly)\s+)*\Z")
# a speech clause starting further back holds no position (one sentence)


class SpeechError(ValueError):
    """The ``speech`` parameter names no kind of speech."""


def voiced(attributions: pd.DataFrame, speech: str) -> pd.DataFrame:
    """The attributions with a speaker actor, of the kinds ``speech`` picks: ``direct``
    (quotes), ``reported`` (reported and mixed), ``both`` (all speech), ``positions`` or
    ``all`` (speech and positions)."""
    if speech not in SPEECH:
        raise SpeechError(f"speech must be one of {', '.join(SPEECH)}, got {speech!r}")
    kept = (attributions["speaker_id"] != "") & attributions["kind"].isin(SPEECH[speech])
    return attributions[kept]


def find_attributions(doc_id: str, text: str, starts: list[int], mentions: list[tuple],
                      persons: dict) -> list[dict]:  # fmt: skip
    """Every attribution of one document, in text order (see :data:`ATTRIBUTION_COLUMNS`)."""
    document = Document(text, starts, mentions, persons)
    resolver = SpeakerResolver(document)
    bounds = [*starts, len(text)] if starts else [0, len(text)]
    reported, positions = [], []
    for first, last in zip(bounds, bounds[1:], strict=False):
        reported += find_reported(document, first, last)
        positions += find_positions(document, first, last)
    clauses = [*reported, *positions]  # speech and positions resolved alike, in text order
    events = sorted([(s, 0, i) for i, (s, _) in enumerate(document.quotes)]
                    + [(r.start, 1, i) for i, r in enumerate(clauses)])  # fmt: skip
    direct: list[Attribution] = [None] * len(document.quotes)
    spoken: list[Attribution] = [None] * len(clauses)
    previous_end = 0
    for _, is_reported, index in events:
        if is_reported:
            item = clauses[index]
            speaker, name = resolver.resolve_source(item.source, item.source_start)
            if item.kind == "position" and generic_holder(item.source):
                speaker, name = "", ""  # "European countries": unnamed
            if not (item.source or item.hearsay) and item.source_start < 0 <= item.cue_start:
                speaker, name = _sentence_speaker(resolver, item.cue_start)
            spoken[index] = Attribution(speaker, item.source, item.cue, item.cue_end,
                                        name, item.source_start, item.cue_start)  # fmt: skip
            if index < len(reported):  # a position names no speaker for what follows
                resolver.said.remember(item.start, spoken[index])
        else:
            start, end = document.quotes[index]
            direct[index] = attribute_quote(resolver, start, end, previous_end)
            previous_end = end
    lead_into_next(document, direct)
    speech = sorted(zip(reported, spoken, strict=False), key=lambda pair: pair[0].start)
    mixed = _held(document.quotes, [(r.start, r.end) for r in reported if r.kind == "mixed"])
    held = zip(positions, spoken[len(reported) :], strict=True)
    own = _own_positions(held, speech, text)  # before the speech rows: it may end a clause
    viewed = _held(document.quotes, [(p.start, p.end) for p, _ in own])  # "thought it “...”"
    rows = [_quote_row(document, start, end, a)
            for (start, end), a, in_mixed, in_view in zip(document.quotes, direct, mixed, viewed,
                                                           strict=True)
            if not (in_mixed or (in_view and not a.cue))
            and not is_scare_quote(document, start, end, a)]  # fmt: skip
    rows += [(r.start, r.end, r.kind, a, r.negated) for r, a in speech]
    rows += [(p.start, p.end, p.kind, a, p.negated) for p, a in own]
    rows.sort(key=lambda row: row[0])
    return [_row(doc_id, number, document, *row) for number, row in enumerate(rows)]


def _quote_row(document: Document, start: int, end: int, attribution: Attribution) -> tuple:
    """A quote's row: direct, or mixed from where the narrator's clause it closes begins."""
    lead = narrated_start(document, start, end, attribution)
    return (lead, end, "mixed", attribution, False) if lead >= 0 else (
        start, end, "direct", attribution, False)  # fmt: skip


def _sentence_speaker(resolver: SpeakerResolver, cue_start: int) -> tuple[str, str]:
    """The speaker of a cue with no source ("He called X a liar and blamed him"): the
    speaker of an earlier clause or quote of its sentence, else the person who is the
    sentence's subject, else the body or place that opens it ("The ministry has denied
    the report and said ...")."""
    speaker, name = resolver.said.earlier_in_sentence(cue_start)
    if speaker or name:
        return speaker, name
    sentence_start = resolver.doc.sentence_start(cue_start)
    speaker, name = resolver.doc.subject_before(cue_start, sentence_start)
    if speaker or name:
        return speaker, name
    return resolver.opening_subject(cue_start)


def _own_positions(positions, speech: list[tuple], text: str) -> list[tuple]:
    """The (position, attribution) pairs no speech attribution of the same speaker overlaps
    ("Martin said he wanted ...": his own wish is part of his speech), unless the position's
    holder opens a clause of its own (", and she backed ..."), or its verb is coordinated
    with the speech verb ("declared X unlawful and endorsed Y": the speech ends before
    "and"). The speech comes
    sorted by start; a bisect finds the latest that starts before the position ends, and
    the walk back stops at the first speech that ends a sentence's length before it."""
    starts = [item.start for item, _ in speech]
    kept = []
    for position, holder in positions:
        who = (holder.speaker_id, holder.speaker_name)
        own = None
        for index in range(bisect.bisect_left(starts, position.end) - 1, -1, -1):
            item, speaker = speech[index]
            if item.start < position.cue_start - OVERLAP_REACH or own:
                break
            if (item.start <= position.cue_start < item.end and any(who)
                    and who == (speaker.speaker_id, speaker.speaker_name)):  # fmt: skip
                own = item
        at = position.source_start
        if own and at > 0 and NEW_CLAUSE.search(text, max(0, at - 8), at):
            own = None
        coordinated = (
            own
            and at < own.start
            and COORDINATED.search(
                text, max(own.start, position.cue_start - 40), position.cue_start
            )
        )
        if coordinated:  # "declared X unlawful and endorsed Y": the speech ends at "and"
            own.end, own = trim_end(text, own.start, coordinated.start()), None
        if not own:
            kept.append((position, holder))
    return kept


def _held(spans: list[tuple[int, int]], clauses: list[tuple[int, int]]) -> list[bool]:
    """For each span, whether a clause holds it (starts at or before it, ends at most one
    character before its end): a bisect over the clauses' starts and the furthest end
    reached so far, not a scan of every clause per span."""
    clauses = sorted(clauses)
    starts = [start for start, _ in clauses]
    reach = list(accumulate((end for _, end in clauses), max))
    held = []
    for start, end in spans:
        index = bisect.bisect_right(starts, start) - 1
        held.append(index >= 0 and end <= reach[index] + 1)
    return held


def _row(doc_id, number, document, start, end, kind, attribution, negated) -> dict:
    source_end = (attribution.source_start + len(attribution.speaker_text)
                  if attribution.source_start >= 0 else -1)  # fmt: skip
    cue_end = attribution.cue_start + len(attribution.cue) if attribution.cue_start >= 0 else -1
    return {
        "doc_id": doc_id, "attr_id": f"{doc_id}-a{number:03d}", "kind": kind,
        "start": start, "end": end, "text": document.text[start:end],
        "speaker_id": attribution.speaker_id, "speaker_name": attribution.speaker_name,
        "speaker_text": attribution.speaker_text, "source_start": attribution.source_start,
        "source_end": source_end, "cue": attribution.cue, "cue_start": attribution.cue_start,
        "cue_end": cue_end, "negated": negated,
        "about": about_actors(document, start, end, attribution),
    }  # fmt: skip


def about_actors(doc: Document, start: int, end: int, attribution: Attribution) -> str:
    """Actors the passage names, plus those named between its cue and the passage
    (``called Zelenskyy a “dictator”``); the speaker is left out."""
    actors = doc.actors_in(start, end)
    if 0 <= attribution.cue_end <= start:
        actors = doc.actors_in(attribution.cue_end, start) + actors
    ordered = dict.fromkeys(a for a in actors if a != attribution.speaker_id)
    return ";".join(ordered)


def extract_attributions(
    texts: pd.DataFrame,
    sentences: pd.DataFrame,
    mentions: pd.DataFrame,
    actors: pd.DataFrame,
    engine: Engine | None = None,
) -> pd.DataFrame:
    """The attributions table over a corpus (see :data:`ATTRIBUTION_COLUMNS`)."""
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
    rows = (engine or Engine()).map(
        partial(_batch, persons), items, progress="extracting attributions"
    )
    return frame("attributions", rows, ATTRIBUTION_COLUMNS)


def _batch(persons: dict, batch: list[tuple]) -> list[dict]:
    """Attribution rows of a batch of (doc_id, text, sentence starts, mentions)."""
    return [row for doc_id, text, starts, spans in batch
            for row in find_attributions(doc_id, text, starts, spans, persons)]  # fmt: skip


def quoted_passages(attributions: pd.DataFrame, texts: pd.DataFrame) -> pd.DataFrame:
    """Every quotation of an attributions table, one row each, in text order: a direct quote's
    row as it stands, and for each quotation a mixed clause holds (as in
    :func:`find_attributions`) the clause's row with the quotation's span and text. What a
    check against quotations marked by hand compares."""
    text_of = dict(zip(texts["doc_id"], texts["text"], strict=True))
    rows = []
    for doc_id, part in attributions.groupby("doc_id", sort=False):
        found = part[part["kind"] == "direct"].to_dict("records")
        clauses = part[part["kind"] == "mixed"].sort_values(
            ["start", "end"], ascending=[True, False]
        )
        if len(clauses):
            found += _held_quotations(text_of[doc_id], clauses.to_dict("records"))
        rows += sorted(found, key=lambda row: row["start"])
    return pd.DataFrame(rows, columns=attributions.columns)


def _held_quotations(text: str, clauses: list[dict]) -> list[dict]:
    """The quotations of ``text`` that the ``clauses`` (rows sorted by start) hold, each with
    the row of the innermost clause holding it (the latest to start): a bisect over the
    clauses' starts, then a walk back while an earlier clause reaches far enough."""
    starts = [clause["start"] for clause in clauses]
    reach = list(accumulate((clause["end"] for clause in clauses), max))
    held = []
    for start, end in quotation_spans(text):
        index = bisect.bisect_right(starts, start) - 1
        while index >= 0 and end <= reach[index] + 1 and end > clauses[index]["end"] + 1:
            index -= 1  # this clause ends before the quotation does, an earlier one may not
        if index >= 0 and end <= clauses[index]["end"] + 1:
            held.append({**clauses[index], "start": start, "end": end, "text": text[start:end]})
    return held
