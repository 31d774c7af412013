"""Roles: a mention inside a quote its own actor speaks is **voice**; a mention inside
someone else's quote (or a quote whose speaker is unknown) is **quoted**, portrayal in
another's words, which goes to speaker -> target; every other mention is **portrayal**,
the narrative's own. Which spans are quotes comes from the quotes table alone
(:func:`actorlens.quotes.extract_quotes`): ``in_quote``, ``quote_id`` and ``role`` are
all read off it."""

import numpy as np
import pandas as pd

ROLE_COLUMNS = ["in_quote", "quote_id", "speaker_id", "role"]
KEY_TYPES = {"doc_id": str, "start": "int64", "end": "int64"}


def assign_roles(mentions: pd.DataFrame, quote_table: pd.DataFrame) -> pd.DataFrame:
    """Each mention with whether it stands inside a quote of ``quote_table``, that quote
    and its speaker, and its role: ``voice``, ``quoted`` or ``portrayal``."""
    out = mentions.reset_index(drop=True)
    found = (
        pd.merge_asof(
            out[["doc_id", "start", "end"]].astype(KEY_TYPES).reset_index().sort_values("start"),
            quote_table[["doc_id", "start", "end", "quote_id", "speaker_id"]]
            .astype(KEY_TYPES)  # the same types on both sides, also when a side is empty
            .rename(columns={"start": "q_start", "end": "q_end"})
            .sort_values("q_start"),
            left_on="start",
            right_on="q_start",
            by="doc_id",
            direction="backward",
        )
        .set_index("index")
        .sort_index()
    )
    inside = found["end"] <= found["q_end"]
    out = out.assign(
        in_quote=inside.to_numpy(),
        quote_id=found["quote_id"].where(inside, "").fillna(""),
        speaker_id=found["speaker_id"].where(inside, "").fillna(""),
    )
    out["role"] = np.select(
        [out["speaker_id"] == out["actor_id"], out["in_quote"]], ["voice", "quoted"], "portrayal"
    )
    return out
