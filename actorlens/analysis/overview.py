"""The overview tables notebook 03 shows beside its figures: attributions per document and
per speaker actor, the speakers named outside the actors file, each document's voice share by
speaker, and the portrayal under each scorer side by side. Pure tables from the stage's own;
drawing them is :mod:`actorlens.report.figures`' concern."""

import pandas as pd

from actorlens.attribution.extract import KINDS
from actorlens.core.config import SCORERS
from actorlens.core.tables import score_columns


def attribution_overview(attributions: pd.DataFrame) -> pd.DataFrame:
    """Per document: attributions of each kind (positions apart), the words of its speech,
    and how many have a speaker actor, a speaker named outside the actors file, or no
    known speaker."""
    spoken = attributions["kind"] != "position"
    table = attributions.assign(
        words=attributions["text"].str.split().str.len().where(spoken, 0),
        actor=attributions["speaker_id"] != "",
        named=(attributions["speaker_id"] == "") & (attributions["speaker_name"] != ""),
        **{kind: attributions["kind"] == kind for kind in KINDS},
    )
    return (
        table.groupby("doc_id", sort=True)
        .agg(n_direct=("direct", "sum"), n_reported=("reported", "sum"), n_mixed=("mixed", "sum"),
             n_position=("position", "sum"), n_words=("words", "sum"),
             speaker_actor=("actor", "sum"), speaker_unlisted=("named", "sum"))
        .assign(speaker_unknown=lambda t: t[[f"n_{kind}" for kind in KINDS]].sum(axis=1)
                - t["speaker_actor"] - t["speaker_unlisted"])
        .reset_index()
    )  # fmt: skip


def attributions_by_actor(attributions: pd.DataFrame, labels: dict) -> pd.DataFrame:
    """Per speaker actor: how many attributions of each kind, most first."""
    spoken = attributions[attributions["speaker_id"] != ""]
    table = pd.crosstab(spoken["speaker_id"], spoken["kind"]).reindex(
        columns=list(KINDS), fill_value=0)  # fmt: skip
    table = table.assign(total=table.sum(axis=1)).sort_values(["total", "direct"], ascending=False)
    table.index = [labels.get(actor, actor) for actor in table.index]
    return table.rename_axis("speaker").reset_index()


def unlisted_speakers(attributions: pd.DataFrame, unlisted_names: pd.DataFrame,
                      top_n: int = 15) -> pd.DataFrame:  # fmt: skip
    """The speakers named outside the actors file, most frequent first, beside how often
    the mentions stage counted the same name as an unlisted name: candidates for the
    actors file."""
    named = attributions[(attributions["speaker_id"] == "") & (attributions["speaker_name"] != "")]
    counts = named.groupby("speaker_name").agg(
        attributions=("attr_id", "size"), documents=("doc_id", "nunique"))  # fmt: skip
    mentions = unlisted_names.set_index("name")["n"]
    counts["as_unlisted_name"] = [int(mentions.get(name, 0)) for name in counts.index]
    counts = counts.sort_values(["attributions", "documents"], ascending=False).head(top_n)
    return counts.rename_axis("speaker_name").reset_index()


def voice_share_table(attributions: pd.DataFrame, labels: dict, top_n: int = 8) -> pd.DataFrame:
    """Per document and speaker: quotes, quoted words and the share of the document's
    quoted words (speech only, positions left out). Speakers beyond the ``top_n`` most
    quoted are grouped as "others"."""
    attributions = attributions[attributions["kind"] != "position"]
    words = attributions["text"].str.split().str.len()
    speaker = attributions["speaker_id"].map(labels).fillna("").replace("", "unknown")
    ranked = words.groupby(speaker).sum().drop("unknown", errors="ignore")
    keep = set(ranked.sort_values(ascending=False).head(top_n).index) | {"unknown"}
    table = (
        pd.DataFrame(
            {
                "doc_id": attributions["doc_id"],
                "speaker": speaker.where(speaker.isin(keep), "others"),
                "n_words": words,
            }
        )  # fmt: skip
        .groupby(["doc_id", "speaker"], sort=True)["n_words"]
        .agg(n_quotes="size", n_words="sum")
        .reset_index()
    )
    table["share"] = (table["n_words"] / table.groupby("doc_id")["n_words"].transform("sum")).round(
        4
    )
    return table


def scorer_comparison(mentions: pd.DataFrame, labels: dict, kinds) -> pd.DataFrame:
    """Mean portrayal per actor under each scorer, side by side, most scored first."""
    portrayal = mentions[(mentions["role"] == "portrayal") & mentions["kind"].isin(kinds)]
    columns = score_columns()
    table = portrayal.groupby("actor_id")[columns].agg(["size", "mean"])
    out = pd.DataFrame({"actor_id": table.index, "n": table[(columns[0], "size")].to_numpy()})
    for name, column in zip(SCORERS, columns, strict=True):
        out[name] = table[(column, "mean")].round(3).to_numpy()
    out.insert(1, "label", out["actor_id"].map(labels))
    return out.sort_values(["n", "actor_id"], ascending=[False, True]).reset_index(drop=True)
