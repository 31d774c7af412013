"""The evidence behind every number: one row per scored unit, with the sentence it comes from.

Every scored mention (the narrative's portrayal, and mentions inside someone's words), every
stance reading and every attribution of a speaker actor (voice), each with its sentence text, the spans to highlight in it (the actor's
mention or the speaker, and the stance cue words), its score, speaker and the period of its
document. ``counted`` says whether the unit is one of the scores behind the stage's numbers
(the stance trajectory's n); ``note`` says why not. Nothing is dropped or sampled. The report
writes one page per actor (:func:`page_name`), one section per role and period
(:func:`anchor`), so a number links to ``evidence/<page>.html#<anchor>`` (:func:`href`).
"""

import hashlib
import re

import numpy as np
import pandas as pd

from actorlens.attribution.extract import voiced

COLUMNS = [
    "actor_id", "role", "period", "rank", "doc_id", "sent_id", "text", "marks", "score", "label",
    "kind", "speaker_id", "through", "attr_id", "counted", "note",
]  # fmt: skip
UNDATED = "undated"


def page_name(actor_id: str) -> str:
    """The file name (without .html) of ``actor_id``'s evidence page: the id where it is safe
    in a file name, else its safe characters and a short hash of it."""
    safe = re.sub(r"[^A-Za-z0-9_-]", "_", actor_id)
    if safe == actor_id and actor_id:
        return actor_id
    return f"{safe}-{hashlib.sha1(actor_id.encode('utf-8')).hexdigest()[:8]}"


def anchor(role: str, period: str) -> str:
    """The id of the section of a role and period on an actor's evidence page."""
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", f"{role}--{period or UNDATED}").strip("-")
    return slug or "-"


def href(actor_id: str, role: str, period: str) -> str:
    """The link, relative to the reports folder, to the evidence of one actor, role and period."""
    return f"evidence/{page_name(actor_id)}.html#{anchor(role, period)}"


def _within(start: int, end: int, length: int) -> bool:
    return 0 <= start < end <= length


def _cue_marks(text: str, cues: str) -> list[tuple[int, int, str]]:
    """Where each cue word of ``cues`` (``; ``-separated) is found in ``text``."""
    marks = []
    for cue in filter(None, (c.strip() for c in cues.split(";"))):
        pattern = re.compile(rf"(?<!\w){re.escape(cue)}", re.IGNORECASE)
        marks += [(m.start(), m.end(), "cue") for m in pattern.finditer(text)]
    return marks


def portrayal_evidence(mentions: pd.DataFrame, sentences: pd.DataFrame, periods: pd.DataFrame,
                       kinds, quoted_portrayal: bool = False) -> pd.DataFrame:  # fmt: skip
    """Every scored mention (roles portrayal and quoted) with its sentence and period; counted
    when it is one of the portrayal scores of the stage (its kind counted, in the narrative or
    ``quoted_portrayal``, its document dated)."""
    scored = mentions[
        mentions["role"].isin(["portrayal", "quoted"]) & mentions["sentiment"].notna()
    ]
    rows = _placed(scored, sentences, periods)
    in_role = (rows["role"] == "portrayal") | quoted_portrayal
    in_kind = rows["kind"].isin(kinds)
    note = pd.Series("", index=rows.index)
    note = note.mask(rows["rank"] < 0, "undated document: in no period")
    note = note.mask(~in_kind, rows["kind"] + " mention: this kind is not counted")
    note = note.mask(~in_role, "inside someone's words: not counted as portrayal")
    marks = [[(s - base, e - base, "actor")] if _within(s - base, e - base, len(text)) else []
             for s, e, base, text in zip(rows["start"], rows["end"], rows["sent_start"],
                                         rows["text"], strict=True)]  # fmt: skip
    return pd.DataFrame({
        "actor_id": rows["actor_id"], "role": "portrayal", "period": rows["period"],
        "rank": rows["rank"], "doc_id": rows["doc_id"], "sent_id": rows["sent_id"],
        "text": rows["text"], "marks": marks, "score": rows["sentiment"], "label": "",
        "kind": rows["kind"], "speaker_id": rows["speaker_id"], "through": "",
        "attr_id": rows["attr_id"], "counted": note == "", "note": note,
    }, columns=COLUMNS)  # fmt: skip


def stance_evidence(stance: pd.DataFrame, sentences: pd.DataFrame, attributions: pd.DataFrame,
                    mentions: pd.DataFrame, periods: pd.DataFrame) -> pd.DataFrame:  # fmt: skip
    """Every stance reading with its sentence and period, role ``stance: <target>``, the
    speaker (and the official it speaks through) and the cue words marked; counted when it has
    a speaker actor and its document is dated."""
    sources = attributions[["doc_id", "attr_id", "source_start", "source_end"]]
    rows = _placed(stance, sentences, periods).merge(sources, on=["doc_id", "attr_id"], how="left")
    spans = {}  # (doc_id, sent_id, actor_id) -> the actor's mentions in that sentence
    for *key, start, end in zip(mentions["doc_id"], mentions["sent_id"], mentions["actor_id"],
                                mentions["start"], mentions["end"], strict=True):  # fmt: skip
        spans.setdefault(tuple(key), []).append((start, end))
    marks = []
    for r in rows.itertuples(index=False):
        base, speaker = r.sent_start, r.through or r.speaker_id
        found = [(s - base, e - base) for s, e in spans.get((r.doc_id, r.sent_id, speaker), [])]
        if pd.notna(r.source_start):
            found.append((int(r.source_start) - base, int(r.source_end) - base))
        marks.append([(s, e, "actor") for s, e in found if _within(s, e, len(r.text))]
                     + _cue_marks(r.text, r.evidence))  # fmt: skip
    note = pd.Series("", index=rows.index)
    note = note.mask(rows["rank"] < 0, "undated document: in no period")
    note = note.mask(rows["speaker_id"] == "", "no speaker actor")
    return pd.DataFrame({
        "actor_id": rows["speaker_id"], "role": "stance: " + rows["target"],
        "period": rows["period"], "rank": rows["rank"], "doc_id": rows["doc_id"],
        "sent_id": rows["sent_id"], "text": rows["text"], "marks": marks, "score": rows["score"],
        "label": rows["label"], "kind": "stance", "speaker_id": rows["speaker_id"],
        "through": rows["through"], "attr_id": rows["attr_id"], "counted": note == "",
        "note": note,
    }, columns=COLUMNS)  # fmt: skip


def _sentences_around(bounds, low: int, high: int) -> tuple[int, int, int]:
    """The start and end of the sentences (``bounds``: start, end, sent_id rows in order, or
    None) that overlap ``low``..``high``, widened to it, and the first one's sent_id."""
    if bounds is None or not len(bounds):
        return low, high, 0
    first = min(int(np.searchsorted(bounds[:, 1], low, side="right")), len(bounds) - 1)
    last = max(int(np.searchsorted(bounds[:, 0], high, side="left")) - 1, first)
    return min(int(bounds[first, 0]), low), max(int(bounds[last, 1]), high), int(bounds[first, 2])


def voice_evidence(attributions: pd.DataFrame, sentences: pd.DataFrame, texts: dict,
                   periods: pd.DataFrame, speech: str = "all") -> pd.DataFrame:  # fmt: skip
    """Every attribution of a speaker actor (role voice) with the sentences it spans (from the
    speaker to the end of the quote), the speaker and the reporting cue marked; counted when
    it is of the kinds ``speech`` picks (:func:`actorlens.attribution.extract.voiced`) and its
    document is dated."""
    spoken = attributions[attributions["speaker_id"] != ""].reset_index(drop=True)
    spoken = spoken.merge(periods, on="doc_id", how="left", validate="many_to_one")
    starts = {doc: group.sort_values("start")[["start", "end", "sent_id"]].to_numpy()
              for doc, group in sentences.groupby("doc_id")}  # fmt: skip
    shown, sent_ids, marks = [], [], []
    for a in spoken.itertuples(index=False):
        spans = [(a.start, a.end, "")] + [(s, e, kind) for s, e, kind in (
            (a.source_start, a.source_end, "actor"), (a.cue_start, a.cue_end, "cue")) if s >= 0]  # fmt: skip
        low, high = min(s for s, _, _ in spans), max(e for _, e, _ in spans)
        begin, end, sent_id = _sentences_around(starts.get(a.doc_id), low, high)
        shown.append(texts.get(a.doc_id, "")[begin:end])
        sent_ids.append(sent_id)
        marks.append([(s - begin, e - begin, kind) for s, e, kind in spans if kind])
    rank = spoken["rank"].fillna(-1).astype("int64")
    note = pd.Series("", index=spoken.index)
    note = note.mask(rank < 0, "undated document: in no period")
    kept = spoken.index.isin(voiced(spoken, speech).index)
    note = note.mask(~kept, spoken["kind"] + " speech: not counted (speech " + speech + ")")
    return pd.DataFrame({
        "actor_id": spoken["speaker_id"], "role": "voice", "period": spoken["period"].fillna(""),
        "rank": rank, "doc_id": spoken["doc_id"], "sent_id": sent_ids, "text": shown,
        "marks": marks, "score": spoken["sentiment"], "label": "", "kind": spoken["kind"],
        "speaker_id": spoken["speaker_id"], "through": "", "attr_id": spoken["attr_id"],
        "counted": note == "", "note": note,
    }, columns=COLUMNS)  # fmt: skip


def _placed(units: pd.DataFrame, sentences: pd.DataFrame, periods: pd.DataFrame) -> pd.DataFrame:
    """``units`` (doc_id, sent_id, ...) with their sentence's text and start and their period
    (``rank`` -1 for a document in no period); one row per unit, in the units' order."""
    text = sentences[["doc_id", "sent_id", "start", "text"]].rename(columns={"start": "sent_start"})
    placed = units.reset_index(drop=True).merge(
        text, on=["doc_id", "sent_id"], how="left", validate="many_to_one")  # fmt: skip
    placed = placed.merge(periods, on="doc_id", how="left", validate="many_to_one")
    return placed.assign(text=placed["text"].fillna(""), sent_start=placed["sent_start"].fillna(0),
                         period=placed["period"].fillna(""),
                         rank=placed["rank"].fillna(-1).astype("int64"))  # fmt: skip


def evidence_table(mentions: pd.DataFrame, stance: pd.DataFrame, sentences: pd.DataFrame,
                   attributions: pd.DataFrame, periods: pd.DataFrame, kinds,
                   quoted_portrayal: bool = False, texts: dict | None = None,
                   speech: str = "all") -> pd.DataFrame:  # fmt: skip
    """Every scored mention and every stance reading (:func:`portrayal_evidence`,
    :func:`stance_evidence`) and, given the documents' ``texts`` (doc_id -> text), every
    attribution of a speaker actor (:func:`voice_evidence`); by actor, role (stance, then
    portrayal, then voice), period and place in the text."""
    parts = [portrayal_evidence(mentions, sentences, periods, kinds, quoted_portrayal),
             stance_evidence(stance, sentences, attributions, mentions, periods)]  # fmt: skip
    if texts is not None:
        parts.append(voice_evidence(attributions, sentences, texts, periods, speech))
    table = pd.concat([p for p in parts if len(p)] or parts[:1], ignore_index=True)
    order = table.assign(group=table["role"].map({"portrayal": 1, "voice": 2}).fillna(0),
                         dated=table["rank"] < 0)  # fmt: skip
    keys = ["actor_id", "group", "role", "dated", "rank", "doc_id", "sent_id"]
    return order.sort_values(keys, kind="stable")[COLUMNS].reset_index(drop=True)
