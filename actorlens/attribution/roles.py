"""Roles: a mention inside an attribution its own actor speaks (a quote or a reported
clause) is **voice**; a mention inside someone else's attribution (or one whose speaker is
unknown) is **quoted**, portrayal in another's words, which goes to speaker -> target;
every other mention is **portrayal**, the narrative's own. Which spans are attributions
comes from the attributions table alone (:func:`actorlens.attribution.extract.extract_attributions`):
``in_attribution``, ``attr_id`` and ``role`` are all read off it."""

import bisect

import numpy as np
import pandas as pd

KEY_TYPES = {"doc_id": str, "start": "int64", "end": "int64"}


def assign_roles(mentions: pd.DataFrame, quote_table: pd.DataFrame) -> pd.DataFrame:
    """Each mention with whether it stands inside an attribution of ``quote_table``, the
    innermost one holding it (reported speech can nest: "X told reporters that while
    officials have said ..., ...") and its speaker, and its role: ``voice``, ``quoted``
    or ``portrayal``."""
    out = mentions.reset_index(drop=True)
    spans = (quote_table[["doc_id", "start", "end", "attr_id", "speaker_id"]]
             .astype(KEY_TYPES)  # the same types on both sides, also when a side is empty
             .rename(columns={"start": "q_start", "end": "q_end"}))  # fmt: skip
    found = (
        pd.merge_asof(
            out[["doc_id", "start", "end"]].astype(KEY_TYPES).reset_index().sort_values("start"),
            spans.sort_values("q_start"),
            left_on="start",
            right_on="q_start",
            by="doc_id",
            direction="backward",
        )
        .set_index("index")
        .sort_index()
    )
    inside = (found["end"] <= found["q_end"]).to_numpy().copy()
    attr_ids = found["attr_id"].where(inside, "").fillna("").to_numpy(dtype=object)
    speakers = found["speaker_id"].where(inside, "").fillna("").to_numpy(dtype=object)
    for row, (attr_id, speaker) in _outer_holders(out, spans, inside).items():
        inside[row], attr_ids[row], speakers[row] = True, attr_id, speaker
    out = out.assign(in_attribution=inside, attr_id=attr_ids, speaker_id=speakers)
    out["role"] = np.select(
        [out["speaker_id"] == out["actor_id"], out["in_attribution"]],
        ["voice", "quoted"],
        "portrayal",
    )
    return out


def _outer_holders(mentions: pd.DataFrame, spans: pd.DataFrame, inside: np.ndarray) -> dict:
    """Row -> (attr_id, speaker) for mentions outside the latest attribution starting
    before them but inside an earlier, longer one (nesting); only documents whose
    attributions overlap are read, each in one walk (:func:`_innermost`)."""
    nested = {}
    for doc_id, group in spans.sort_values("q_start").groupby("doc_id", sort=False):
        ends = group["q_end"].to_numpy()
        if (
            len(ends) < 2
            or not (group["q_start"].to_numpy()[1:] < np.maximum.accumulate(ends)[:-1]).any()
        ):
            continue
        nested[doc_id] = group
    held = {}
    if not nested:
        return held
    candidates = mentions[~inside & mentions["doc_id"].isin(list(nested)).to_numpy()]
    for doc_id, group in candidates.groupby("doc_id", sort=False):
        clauses = nested[doc_id]
        holders = _innermost(list(zip(group["start"], group["end"], strict=True)),
                             clauses["q_start"].tolist(), clauses["q_end"].tolist())  # fmt: skip
        attr_ids, speakers = clauses["attr_id"].to_numpy(), clauses["speaker_id"].to_numpy()
        for row, holder in zip(group.index, holders, strict=True):
            if holder >= 0:
                held[row] = (attr_ids[holder], speakers[holder])
    return held


def _innermost(mentions: list[tuple], starts: list, ends: list) -> list[int]:
    """For each (start, end) mention, the last attribution (index into ``starts`` and
    ``ends``, sorted by start) that holds it, -1 for none. The mentions are visited in
    text order beside a stack of the attributions started so far that no later one
    outreaches, their ends falling: the last one reaching past a mention's end is found
    with a bisect, so the cost is linear in mentions and attributions, times a log."""
    holders = [-1] * len(mentions)
    stack: list[int] = []
    reach: list[int] = []  # minus the ends of the stack's attributions, rising
    started = 0
    for number in sorted(range(len(mentions)), key=lambda i: mentions[i][0]):
        start, end = mentions[number]
        while started < len(starts) and starts[started] <= start:
            while stack and ends[stack[-1]] <= ends[started]:  # outreached by a later one
                stack.pop()
                reach.pop()
            stack.append(started)
            reach.append(-ends[started])
            started += 1
        position = bisect.bisect_right(reach, -end) - 1
        if position >= 0:
            holders[number] = stack[position]
    return holders
