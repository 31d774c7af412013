"""Draw the portrayal training items (issue 25), deterministically.

Items are (sentence, target) pairs from documents that no labelled set holds: 2 mentions from
each of 200 Wikinews documents outside the portrayal, stance and attribution labels, and one
sentence naming the main person from each of 200 PerSenT dev documents of the training half
(:func:`actorlens.evaluation.persent.training_half`). Writes ``items.csv`` (what the labellers
see: item id, target and the sentence with the target marked) and ``items_key.csv`` (how each
item joins back). Run from the project root, after a run on the Wikinews corpus:

    .venv/bin/python data/labelling/portrayal_train/sample_items.py RUN_DIR/data/processed
"""

import re
import sys
from pathlib import Path

import pandas as pd

from actorlens.core import config
from actorlens.corpus.actors import load_actors
from actorlens.evaluation import persent
from actorlens.evaluation.validation import PORTRAYAL_LABELS_V2
from actorlens.text.sentences import sentence_spans

HERE = Path(__file__).resolve().parent
LABELLING = HERE.parent
PERSENT_DEV = config.PROJ_ROOT.parent / "shared" / "corpora" / "persent" / "dev.csv"
SEED = 25


def labelled_wikinews_documents() -> set[str]:
    """Every Wikinews document that a portrayal, stance or attribution label comes from."""
    portrayal = pd.read_csv(PORTRAYAL_LABELS_V2, dtype={"doc_id": str})
    taken = set(portrayal.loc[portrayal["corpus"] == "wikinews", "doc_id"])
    for path in [*(LABELLING / "stance").glob("*documents*.csv"),
                 LABELLING / "attribution" / "documents.csv"]:  # fmt: skip
        taken |= set(pd.read_csv(path, dtype={"doc_id": str})["doc_id"])
    return taken


def wikinews_items(processed: Path) -> pd.DataFrame:
    mentions = pd.read_csv(processed / "mentions.csv", dtype={"doc_id": str}, keep_default_na=False)
    sentences = pd.read_csv(
        processed / "sentences.csv", dtype={"doc_id": str}, keep_default_na=False
    )
    pool = mentions[mentions["kind"].isin(["name", "title", "metonym"])
                    & ~mentions["doc_id"].isin(labelled_wikinews_documents())]  # fmt: skip
    docs = pd.Series(sorted(pool["doc_id"].unique())).sample(n=200, random_state=SEED)
    pool = pool[pool["doc_id"].isin(set(docs))].sample(frac=1, random_state=SEED)
    pool = pool.drop_duplicates(["doc_id", "sent_id", "actor_id"]).groupby("doc_id").head(2)
    located = pool.merge(sentences.rename(columns={"start": "s_start", "end": "s_end"}),
                         on=["doc_id", "sent_id"])  # fmt: skip
    return pd.DataFrame({
        "corpus": "wikinews", "doc_id": located["doc_id"], "sentence": located["text"],
        "target": located["actor_id"], "surface": located["surface"],
        "start": located["start"] - located["s_start"], "end": located["end"] - located["s_start"],
    }).sort_values(["doc_id", "start"])  # fmt: skip


def persent_items() -> pd.DataFrame:
    """One sentence naming the main person (full name or surname) from each of 200 PerSenT
    dev documents of the training half."""
    documents = persent.training_half(pd.read_csv(PERSENT_DEV)).sample(n=200, random_state=SEED)
    rows = []
    for doc in documents.itertuples(index=False):
        name = str(doc.TARGET_ENTITY)
        pattern = re.compile(rf"\b(?:{re.escape(name)}|{re.escape(name.split()[-1])})\b")
        text = persent.readable(str(doc.DOCUMENT))
        found = [(text[a:b], m.start(), m.end(), m.group()) for a, b in sentence_spans(text)
                 if (m := pattern.search(text[a:b]))]  # fmt: skip
        if found:
            sentence, start, end, surface = found[SEED % len(found)]
            rows.append(("persent", str(doc.DOCUMENT_INDEX), sentence, name, surface, start, end))
    return pd.DataFrame(rows, columns=["corpus", "doc_id", "sentence", "target", "surface",
                                       "start", "end"])  # fmt: skip


def main(processed: str) -> None:
    items = pd.concat([wikinews_items(Path(processed)), persent_items()], ignore_index=True)
    # a sentence whose stored text was guarded against spreadsheet formulas (a leading "'")
    # no longer lines up with the mention's offsets: left out
    items = items[items.apply(lambda r: r.sentence[r.start : r.end] == r.surface, axis=1)]
    # labellers see the items shuffled, so that neighbours do not cue each other
    items = items.sample(frac=1, random_state=SEED).reset_index(drop=True)
    items.insert(0, "item_id", [f"t{n:04d}" for n in range(len(items))])
    items.to_csv(HERE / "items_key.csv", index=False)
    labels = {a.id: a.label for path in (config.SEEDS_DIR / "actors.yml",
                                         config.PARAMS_DIR / "wikinews_actors.yml")
              for a in load_actors(path)}  # fmt: skip
    shown = items.assign(
        target=items["target"].map(lambda t: labels.get(t, t)),
        marked=items.apply(
            lambda r: r.sentence[: r.start] + "[[" + r.surface + "]]" + r.sentence[r.end :], axis=1
        ),
    )
    shown[["item_id", "target", "marked"]].to_csv(HERE / "items.csv", index=False)
    print(items.groupby("corpus").agg(items=("item_id", "size"), documents=("doc_id", "nunique")))


if __name__ == "__main__":
    main(sys.argv[1])
