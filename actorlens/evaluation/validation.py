"""How far to trust the voice and portrayal numbers: the scorers and the quotations of the
pipeline's attributions measured against hand labels shipped in ``actorlens/resources/validation``.

* ``portrayal_hand_labels.csv`` -- seed and Wikinews mentions labelled -1/0/+1 by hand
  (rule in ``portrayal_hand_labels.md``);
* ``seed_quotes_hand.csv`` -- every quotation of the seeds with its speaker, by hand
  (rule in ``seed_quotes_hand.md``);
* ``newsmtsc_dev.jsonl`` -- NewsMTSC dev;
* a hand-checked sample of Wikinews quotes (``wikinews_quote_check``: the sample file
  and the corpus folder are arguments; the tests keep the sample).
"""

import re
import shutil
import tempfile
from itertools import product
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.stats import spearmanr

from actorlens.attribution.extract import extract_attributions, quoted_passages
from actorlens.attribution.roles import assign_roles
from actorlens.core import config
from actorlens.corpus.actors import load_actors
from actorlens.corpus.ingest import ingest_corpus
from actorlens.evaluation import newsmtsc
from actorlens.mentions.count import analyse
from actorlens.scoring.scorers import (
    BASELINE,
    SCORERS,
    SIGN,
    ScoredOnce,
    SentenceVader,
    actor_name_words,
    make_scorer,
)

PORTRAYAL_LABELS = config.VALIDATION_DIR / "portrayal_hand_labels.csv"
PORTRAYAL_LABELS_V2 = config.VALIDATION_DIR / "portrayal_labels.csv"
SEED_QUOTES = config.VALIDATION_DIR / "seed_quotes_hand.csv"
ATTRIBUTION_LABELS = config.VALIDATION_DIR / "attribution_labels.jsonl"
NEWSMTSC_DEV = config.VALIDATION_DIR / "newsmtsc_dev.jsonl"
LABELLED_ACTORS = (config.SEEDS_DIR / "actors.yml", config.PARAMS_DIR / "wikinews_actors.yml")


def evaluate_file(path: str | Path, scorer_names=(BASELINE, *SCORERS)) -> dict[str, dict]:
    """Macro-F1, accuracy and confusion matrix of each scorer on a NewsMTSC-format file."""
    data = newsmtsc.load_newsmtsc(path)
    scorers = {name: make_scorer(name) for name in scorer_names}
    everything = np.arange(len(data))
    scored_all = ScoredOnce(scorers, data["sentence"], data["start"], data["end"])
    return {
        name: {"n": len(data), **newsmtsc.evaluate(data["label"], labels)}
        for name, (_, labels) in scored_all.part(everything).items()
    }


def validation_table(labelled: pd.DataFrame, scorers: dict) -> pd.DataFrame:
    """Agreement of each scorer with hand labels (-1, 0, +1) of mentions in sentences:
    Spearman correlation, sign accuracy on non-neutral labels, share of neutral kept, the
    level: the mean score on neutral labels (a scorer in label units gives about 0), and the
    cell error: the mean absolute difference between a scorer's mean score and the mean hand
    label of each (document, target) cell."""
    scored_all = ScoredOnce(
        scorers, labelled["sentence"], labelled["sent_start"], labelled["sent_end"]
    )
    positions = pd.Series(np.arange(len(labelled)), index=labelled.index)
    rows = []
    for group, part in [("all", labelled), *labelled.groupby("corpus", sort=True)]:
        labels = part["label"].to_numpy()
        polar = labels != 0
        for name, (scores, names) in scored_all.part(positions[part.index].to_numpy()).items():
            predicted = pd.Series(names).map(SIGN).to_numpy()
            rows.append(
                {
                    "corpus": group,
                    "scorer": name,
                    "n": len(part),
                    "n_polar": int(polar.sum()),
                    "spearman": round(float(spearmanr(scores, labels).statistic), 3),
                    "sign_accuracy": _share(predicted[polar] == labels[polar]),
                    "neutral_kept": _share(predicted[~polar] == 0),
                    "mean_on_neutral": round(float(np.mean(scores[~polar])), 3)
                    if (~polar).any()
                    else float("nan"),
                    **_cell_error(part, scores),
                }
            )
    return pd.DataFrame(rows)


def _cell_error(part: pd.DataFrame, scores: np.ndarray) -> dict:
    """n_cells and cell_error over the (document, target) cells of ``part``."""
    cells = part.assign(score=scores).groupby(["doc_id", "target"])[["label", "score"]].mean()
    error = (cells["score"] - cells["label"]).abs().mean()
    return {"n_cells": len(cells), "cell_error": round(float(error), 3)}


def _share(hits: np.ndarray) -> float:
    """The share of true values, rounded; NaN when there are none to count."""
    return round(float(hits.mean()), 3) if len(hits) else float("nan")


def load_hand_labels(path: str | Path) -> pd.DataFrame:
    """Hand-labelled mentions with the mention's offsets inside its sentence."""
    labelled = pd.read_csv(path, dtype={"doc_id": str}, keep_default_na=False)
    labelled["sent_start"] = labelled["sent_offset"]
    labelled["sent_end"] = labelled["sent_offset"] + labelled["end"] - labelled["start"]
    labelled["target"] = labelled["actor_id"]
    return labelled


def portrayal_agreement(labels_file: str | Path = PORTRAYAL_LABELS) -> pd.DataFrame:
    """Spearman, sign accuracy and neutral share kept of the sentence-VADER baseline and
    of each scorer against the hand-labelled mentions."""
    neutral = set().union(*(actor_name_words(path) for path in LABELLED_ACTORS))
    scorers = {BASELINE: SentenceVader()}
    scorers.update({name: make_scorer(name, neutral) for name in SCORERS})
    return validation_table(load_hand_labels(labels_file), scorers)


def portrayal_levels(split: str = "dev", labels_file: str | Path = PORTRAYAL_LABELS_V2,
                     scorer_names=(BASELINE, *SCORERS)):  # fmt: skip
    """:func:`validation_table` of the scorers named on one split (``dev`` or ``test``) of
    the second labelled set (two independent passes, adjudicated; split by document)."""
    labelled = pd.read_csv(labels_file, dtype={"doc_id": str}, keep_default_na=False)
    labelled = labelled[labelled["split"] == split].rename(
        columns={"start": "sent_start", "end": "sent_end"}
    )
    neutral = set().union(*(actor_name_words(path) for path in LABELLED_ACTORS))
    scorers = {name: make_scorer(name, neutral) for name in scorer_names}
    return validation_table(labelled.reset_index(drop=True), scorers)


def scorer_levels(name: str) -> pd.DataFrame:
    """How the scorer ``name`` agrees with the hand-labelled portrayal mentions of every
    corpus, dev and test split (shown beside the portrayal figure of notebook 03)."""
    parts = [portrayal_levels(split, scorer_names=(name,)).assign(split=split)
             for split in ("dev", "test")]  # fmt: skip
    table = pd.concat(parts, ignore_index=True)
    columns = ["split", "scorer", "n", "spearman", "sign_accuracy", "neutral_kept",
               "mean_on_neutral", "cell_error"]  # fmt: skip
    return table[table["corpus"] == "all"][columns]


def newsmtsc_agreement(path: str | Path = NEWSMTSC_DEV) -> pd.DataFrame:
    """Macro-F1 and accuracy of every scorer on a NewsMTSC-format file."""
    results = evaluate_file(path)
    return pd.DataFrame(
        [
            (name, r["n"], round(r["macro_f1"], 3), round(r["accuracy"], 3))
            for name, r in results.items()
        ],
        columns=["scorer", "n", "macro_f1", "accuracy"],
    )


def pipeline_quotations(corpus, actors) -> pd.DataFrame:
    """The quotations of ``corpus`` with their speakers as the pipeline attributes them: every
    passage in quotation marks, as the hand labels mark them, whether it is a direct quote or
    part of a mixed clause (:func:`~actorlens.attribution.extract.quoted_passages`)."""
    found = analyse(corpus, actors)
    table = extract_attributions(corpus.texts, corpus.sentences, found.mentions, found.actors)
    return quoted_passages(table, corpus.texts)


def seed_quotes() -> pd.DataFrame:
    """The quotations of the seed corpus as the pipeline attributes them."""
    corpus = ingest_corpus(config.SEEDS_DIR)
    return pipeline_quotations(corpus, load_actors(config.SEEDS_DIR / "actors.yml"))


def _overlapping(predicted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Every (predicted, gold) pair of quotes whose spans overlap, with the overlap."""
    pairs = predicted.merge(gold, on="doc_id", suffixes=("", "_gold"))
    pairs = pairs[(pairs["start"] < pairs["end_gold"]) & (pairs["start_gold"] < pairs["end"])]
    return pairs.assign(
        overlap=pairs[["end", "end_gold"]].min(axis=1) - pairs[["start", "start_gold"]].max(axis=1)
    )


def _best_matches(pairs: pd.DataFrame) -> pd.DataFrame:
    """Each gold quote with the predicted quote that covers most of it."""
    return pairs.sort_values("overlap", ascending=False).drop_duplicates(["doc_id", "start_gold"])


def _speaker_rows(best: pd.DataFrame) -> list[tuple[str, float]]:
    correct = best["speaker_id"] == best["speaker_id_gold"]
    known = best["speaker_id_gold"] != ""
    return [
        ("speaker accuracy, found quotes", round(float(correct.mean()), 3)),
        ("speaker accuracy, known actor speakers", round(float(correct[known].mean()), 3)),
    ]


def quote_agreement(predicted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Quote precision and recall (spans overlap), exact spans, and speaker accuracy on
    the gold quotes found (all of them, and those whose speaker is a known actor)."""
    pairs = _overlapping(predicted, gold)
    best = _best_matches(pairs)
    matched_predicted = pairs.drop_duplicates(["doc_id", "start"])
    rows = [
        ("quotes found / by hand", f"{len(predicted)} / {len(gold)}"),
        ("precision (overlaps a hand quote)", round(len(matched_predicted) / max(len(predicted), 1), 3)),
        ("recall (hand quotes found)", round(len(best) / max(len(gold), 1), 3)),
        ("exact spans", round(float(((best["start"] == best["start_gold"]) &
                                     (best["end"] == best["end_gold"])).mean()), 3)),
    ]  # fmt: skip
    return pd.DataFrame(rows + _speaker_rows(best), columns=["measure", "value"])


def load_seed_quote_gold(path: str | Path = SEED_QUOTES) -> pd.DataFrame:
    return pd.read_csv(path, dtype={"doc_id": str}, keep_default_na=False)


def wikinews_quote_check(
    path: str | Path, corpus_dir: str | Path
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The real quotes of the hand-checked Wikinews sample with their hand-judged speaker,
    and the quotations of the pipeline's attributions of the sampled documents (copied with their
    manifest rows into a folder of their own). The sample's offsets are those of the
    ingest it was drawn from: each quote is placed again where its words stand in the
    document as ingested now (the occurrence nearest the recorded offset)."""
    checked = pd.read_csv(path, dtype={"doc_id": str}, keep_default_na=False)
    gold = checked.loc[checked["is_quote"] == 1, ["doc_id", "start", "end", "text"]].assign(
        speaker_id=checked["gold_speaker_id"]
    )
    corpus_dir = Path(corpus_dir)
    manifest = pd.read_csv(corpus_dir / "manifest.csv", dtype=str, keep_default_na=False)
    sampled = manifest[manifest["doc_id"].isin(gold["doc_id"])]
    with tempfile.TemporaryDirectory(prefix="actorlens-check-") as folder:
        for name in sampled["file"]:
            shutil.copy(corpus_dir / name, folder)
        sampled.to_csv(Path(folder) / "manifest.csv", index=False)
        corpus = ingest_corpus(folder)
    predicted = pipeline_quotations(corpus, load_actors(config.PARAMS_DIR / "wikinews_actors.yml"))
    texts = dict(zip(corpus.texts["doc_id"], corpus.texts["text"], strict=True))
    starts = [_nearest(texts.get(q.doc_id, ""), q.text, q.start) for q in gold.itertuples()]
    gold = gold.assign(end=gold["end"] - gold["start"] + starts, start=starts)
    return gold[["doc_id", "start", "end", "speaker_id"]], predicted


def _nearest(text: str, words: str, offset: int) -> int:
    """Where ``words`` stand in ``text``, the occurrence nearest ``offset`` (else ``offset``)."""
    found = [m.start() for m in re.finditer(re.escape(words), text)]
    return min(found, key=lambda at: abs(at - offset), default=offset)


def sample_speaker_agreement(predicted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Speaker accuracy on a hand-checked sample of quotes (not every quote of its
    documents, so no precision): how many were found, and whose speaker is right."""
    best = _best_matches(_overlapping(predicted, gold))
    rows = [("sampled quotes found / checked", f"{len(best)} / {len(gold)}")]
    return pd.DataFrame(rows + _speaker_rows(best), columns=["measure", "value"])


STANCE_LABELS = config.VALIDATION_DIR / "stance_labels.csv"
# The Wikinews check's target, declared as a user would declare it (not tuned on the labels).
IRAQ_WAR_TERMS = {"iraq_war": ["Iraq war", "war in Iraq", "Iraq", "troops", "occupation",
                               "invasion", "surge"]}  # fmt: skip


def stance_cells(folder, actors_file, targets: dict, reader: str = "lexicon"):
    """Mean stance score per (document, speaker, target) of a corpus folder by one stance
    reader, the speaker as its actor id or its unlisted name; and each actor's label and
    names."""
    from actorlens.scoring.stance import stance_of, stance_reader, through_affiliation

    corpus = ingest_corpus(folder)
    actors = load_actors(actors_file)
    found = analyse(corpus, actors)
    table = extract_attributions(corpus.texts, corpus.sentences, found.mentions, found.actors)
    roles = assign_roles(found.mentions, table)
    said = stance_of(table, corpus.texts, corpus.sentences, roles, targets,
                     model=stance_reader(reader))  # fmt: skip
    said = through_affiliation(said, found.actors)
    said = said.assign(
        speaker=said["speaker_id"].where(said["speaker_id"] != "", said["speaker_name"])
    )
    cells = said.groupby(["doc_id", "speaker", "target"], as_index=False)["score"].mean()
    return cells, {actor.id: [actor.label, *actor.names] for actor in actors}


def stance_agreement(labels_file=STANCE_LABELS, split: str = "dev") -> pd.DataFrame:
    """Per corpus and stance reader, over the hand-labelled non-null (document, actor)
    cells of one split: how many the tool covers (an attribution about the target; a
    non-zero stance), sign agreement on the covered ones and Spearman over all (0 where the
    tool has nothing)."""
    from actorlens.core.parameters import default
    from actorlens.evaluation.attribution import same_speaker
    from actorlens.scoring.stance import READERS

    labels = pd.read_csv(labels_file, dtype=str, keep_default_na=False)
    labels = labels[(labels["label"] != "null") & (labels["split"] == split)]
    corpora = {"seeds": (config.SEEDS_DIR, config.SEEDS_DIR / "actors.yml", default("target_terms")),
               "wikinews": (config.VALIDATION_DIR / "stance_documents",
                            config.PARAMS_DIR / "wikinews_actors.yml", IRAQ_WAR_TERMS)}  # fmt: skip
    rows = []
    for (corpus, (folder, actors_file, targets)), reader in product(corpora.items(), READERS):
        cells, names = stance_cells(folder, actors_file, targets, reader)
        part = labels[labels["corpus"] == corpus]
        tool = []
        for row in part.itertuples(index=False):
            mine = cells[(cells["doc_id"] == row.doc_id) & (cells["target"] == row.target)]
            hits = [s for who, s in zip(mine["speaker"], mine["score"], strict=True)
                    if who == row.actor or same_speaker(row.actor, [who, *names.get(who, [])])]  # fmt: skip
            tool.append(float(np.mean(hits)) if hits else np.nan)
        tool = np.array(tool)
        hand = part["label"].astype(int).to_numpy()
        stance = ~np.isnan(tool) & (np.nan_to_num(tool) != 0)
        rows.append({
            "corpus": corpus, "split": split, "reader": reader, "n_cells": len(part),
            "covered": _share(~np.isnan(tool)),
            "coverage": _share(stance),
            "sign_agreement": _share(np.sign(tool[stance]) == np.sign(hand[stance])),
            "spearman": round(float(spearmanr(np.nan_to_num(tool), hand).statistic), 3),
        })  # fmt: skip
    return pd.DataFrame(rows)


def seed_stance_beside_labels(labels_file=STANCE_LABELS) -> pd.DataFrame:
    """Actor x seed document: the tool's mean stance toward the talks beside the hand label
    ("tool / hand"; "." where either gives none), for the actors either gives a stance."""
    from actorlens.core.parameters import default

    cells, _ = stance_cells(config.SEEDS_DIR, config.SEEDS_DIR / "actors.yml",
                            default("target_terms"), default("stance_scorer"))  # fmt: skip
    tool = cells.set_index(["speaker", "doc_id"])["score"]
    labels = pd.read_csv(labels_file, dtype=str, keep_default_na=False)
    hand = labels[labels["corpus"] == "seeds"].set_index(["actor", "doc_id"])["label"]
    actors = sorted({a for a, _ in tool.index} | {a for (a, _), v in hand.items() if v != "null"})
    docs = sorted(labels.loc[labels["corpus"] == "seeds", "doc_id"].unique())
    table = pd.DataFrame(index=pd.Index(actors, name="actor"), columns=docs, dtype=object)
    for actor in actors:
        for doc in docs:
            mine = tool.get((actor, doc))
            theirs = hand.get((actor, doc), "null")
            table.loc[actor, doc] = (f"{mine:+.2f}" if mine is not None else ".") + " / " + (
                "." if theirs == "null" else f"{int(theirs):+d}")  # fmt: skip
    return table.reset_index()
