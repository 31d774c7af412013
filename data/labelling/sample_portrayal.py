"""Draw the items of the portrayal labelling set (issue 17), deterministically.

Items are (sentence, target) pairs: the 276 mentions of the first hand-labelled set
(actorlens/resources/validation/portrayal_hand_labels.csv), 160 further Wikinews mentions
(2 from each of 80 documents not in that set) and 200 PerSenT dev sentences that name the
document's main person (2 from each of 100 documents). Writes ``items.csv`` (what the
labellers see: no score, no earlier label) and ``items_key.csv`` (how each item joins back).

    .venv/bin/python data/labelling/sample_portrayal.py PROCESSED_WIKINEWS_DIR
"""

import re
import sys
from pathlib import Path

import pandas as pd

from actorlens.core import config
from actorlens.corpus.actors import load_actors
from actorlens.text.sentences import sentence_spans

HERE = Path(__file__).resolve().parent
PERSENT = config.PROJ_ROOT.parent / "shared" / "corpora" / "persent" / "dev.csv"
SEED = 0


def first_set() -> pd.DataFrame:
    labelled = pd.read_csv(config.VALIDATION_DIR / "portrayal_hand_labels.csv",
                           dtype={"doc_id": str}, keep_default_na=False)  # fmt: skip
    start = labelled["sent_offset"]
    return pd.DataFrame({
        "corpus": labelled["corpus"], "doc_id": labelled["doc_id"], "sentence": labelled["sentence"],
        "target": labelled["actor_id"], "surface": labelled["surface"], "start": start,
        "end": start + labelled["end"] - labelled["start"], "source": "first_set",
    })  # fmt: skip


def more_wikinews(processed: Path, taken_docs: set[str]) -> pd.DataFrame:
    mentions = pd.read_csv(processed / "mentions.csv", dtype={"doc_id": str}, keep_default_na=False)
    sentences = pd.read_csv(
        processed / "sentences.csv", dtype={"doc_id": str}, keep_default_na=False
    )
    pool = mentions[mentions["kind"].isin(["name", "title", "metonym"])
                    & ~mentions["doc_id"].isin(taken_docs)]  # fmt: skip
    docs = pd.Series(sorted(pool["doc_id"].unique())).sample(n=80, random_state=SEED)
    pool = pool[pool["doc_id"].isin(set(docs))].sample(frac=1, random_state=SEED)
    pool = pool.drop_duplicates(["doc_id", "sent_id", "actor_id"]).groupby("doc_id").head(2)
    located = pool.merge(sentences.rename(columns={"start": "s_start", "end": "s_end"}),
                         on=["doc_id", "sent_id"])  # fmt: skip
    return pd.DataFrame({
        "corpus": "wikinews", "doc_id": located["doc_id"], "sentence": located["text"],
        "target": located["actor_id"], "surface": located["surface"],
        "start": located["start"] - located["s_start"], "end": located["end"] - located["s_start"],
        "source": "new",
    }).sort_values(["doc_id", "start"])  # fmt: skip


def persent_sentences() -> pd.DataFrame:
    """Two sentences per sampled PerSenT dev document that name its main person (by the
    full name or the last word of it)."""
    documents = pd.read_csv(PERSENT).sample(n=100, random_state=SEED)
    rows = []
    for doc in documents.itertuples(index=False):
        name = str(doc.TARGET_ENTITY)
        pattern = re.compile(rf"\b(?:{re.escape(name)}|{re.escape(name.split()[-1])})\b")
        text = str(doc.DOCUMENT)
        found = []
        for first, last in sentence_spans(text):
            sentence = text[first:last]
            match = pattern.search(sentence)
            if match:
                found.append((sentence, match.start(), match.end(), match.group()))
        picked = pd.DataFrame(found, columns=["sentence", "start", "end", "surface"])
        picked = picked.sample(n=min(2, len(picked)), random_state=SEED) if len(picked) else picked
        for row in picked.itertuples(index=False):
            rows.append(("persent", str(doc.DOCUMENT_INDEX), row.sentence, name, row.surface,
                         row.start, row.end, "new"))  # fmt: skip
    return pd.DataFrame(rows, columns=["corpus", "doc_id", "sentence", "target", "surface",
                                       "start", "end", "source"])  # fmt: skip


def main(processed: str) -> None:
    first = first_set()
    taken = set(first.loc[first["corpus"] == "wikinews", "doc_id"])
    items = pd.concat([first, more_wikinews(Path(processed), taken), persent_sentences()],
                      ignore_index=True)  # fmt: skip
    # labellers see the items in a shuffled order, so that neighbours do not cue each other
    items = items.sample(frac=1, random_state=SEED).reset_index(drop=True)
    items.insert(0, "item_id", [f"i{n:04d}" for n in range(len(items))])
    assert (items.apply(lambda r: r.sentence[r.start : r.end] == r.surface, axis=1)).all()
    items.to_csv(HERE / "items_key.csv", index=False)
    labels = {a.id: a.label for path in (config.SEEDS_DIR / "actors.yml",
                                         config.PARAMS_DIR / "wikinews_actors.yml")
              for a in load_actors(path)}  # fmt: skip
    items["target"] = items["target"].map(lambda t: labels.get(t, t))
    shown = items.assign(
        marked=items.apply(
            lambda r: r.sentence[: r.start] + "[[" + r.surface + "]]" + r.sentence[r.end :], axis=1
        )
    )
    shown[["item_id", "target", "marked"]].to_csv(HERE / "items.csv", index=False)
    print(items.groupby(["corpus", "source"]).size().to_string())


if __name__ == "__main__":
    main(sys.argv[1])
