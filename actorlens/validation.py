"""How far to trust the voice and portrayal numbers: the scorers and the quote
extractor measured against hand labels kept in ``tests/fixtures``.

* ``portrayal_hand_labels.csv`` -- seed and Wikinews mentions labelled -1/0/+1 by hand
  (rule in ``portrayal_hand_labels.md``);
* ``seed_quotes_hand.csv`` -- every quotation of the seeds with its speaker, by hand
  (rule in ``seed_quotes_hand.md``);
* NewsMTSC dev (``data/external/newsmtsc/dev.jsonl``).
"""

from pathlib import Path

import pandas as pd

from actorlens import config, quotes, sentiment
from actorlens.actors import load_actors
from actorlens.ingest import ingest_corpus
from actorlens.mentions import analyse

FIXTURES_DIR = config.PROJ_ROOT / "tests" / "fixtures"
PORTRAYAL_LABELS = FIXTURES_DIR / "portrayal_hand_labels.csv"
SEED_QUOTES = FIXTURES_DIR / "seed_quotes_hand.csv"
NEWSMTSC_DEV = config.EXTERNAL_DIR / "newsmtsc" / "dev.jsonl"
LABELLED_ACTORS = (config.SEEDS_DIR / "actors.yml", config.PARAMS_DIR / "wikinews_actors.yml")


def portrayal_agreement(labels_file: str | Path = PORTRAYAL_LABELS) -> pd.DataFrame:
    """Spearman, sign accuracy and neutral share kept of the sentence-VADER baseline and
    of each scorer against the hand-labelled mentions."""
    neutral = set().union(*(sentiment.actor_name_words(path) for path in LABELLED_ACTORS))
    scorers = {sentiment.BASELINE: sentiment.SentenceVader()}
    scorers.update({name: sentiment.make_scorer(name, neutral) for name in sentiment.SCORERS})
    return sentiment.validation_table(sentiment.load_hand_labels(labels_file), scorers)


def newsmtsc_agreement(path: str | Path = NEWSMTSC_DEV) -> pd.DataFrame:
    """Macro-F1 and accuracy of every scorer on a NewsMTSC-format file."""
    results = sentiment.evaluate_file(path)
    return pd.DataFrame(
        [
            (name, r["n"], round(r["macro_f1"], 3), round(r["accuracy"], 3))
            for name, r in results.items()
        ],
        columns=["scorer", "n", "macro_f1", "accuracy"],
    )


def seed_quotes() -> pd.DataFrame:
    """The quotes the extractor finds in the seed corpus."""
    corpus = ingest_corpus(config.SEEDS_DIR)
    found = analyse(corpus, load_actors(config.SEEDS_DIR / "actors.yml"))
    return quotes.extract_quotes(corpus.texts, corpus.sentences, found.mentions, found.actors)


def quote_agreement(predicted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """Quote precision and recall (spans overlap), exact spans, and speaker accuracy on
    the gold quotes found (all of them, and those whose speaker is a known actor)."""
    pairs = predicted.merge(gold, on="doc_id", suffixes=("", "_gold"))
    pairs = pairs[(pairs["start"] < pairs["end_gold"]) & (pairs["start_gold"] < pairs["end"])]
    # each gold quote is judged by the predicted quote that covers most of it
    pairs = pairs.assign(
        overlap=pairs[["end", "end_gold"]].min(axis=1) - pairs[["start", "start_gold"]].max(axis=1)
    )
    best = pairs.sort_values("overlap", ascending=False).drop_duplicates(["doc_id", "start_gold"])
    correct = best["speaker_id"] == best["speaker_id_gold"]
    known = best["speaker_id_gold"] != ""
    matched_predicted = pairs.drop_duplicates(["doc_id", "start"])
    rows = [
        ("quotes found / by hand", f"{len(predicted)} / {len(gold)}"),
        ("precision (overlaps a hand quote)", round(len(matched_predicted) / max(len(predicted), 1), 3)),
        ("recall (hand quotes found)", round(len(best) / max(len(gold), 1), 3)),
        ("exact spans", round(float(((best["start"] == best["start_gold"]) &
                                     (best["end"] == best["end_gold"])).mean()), 3)),
        ("speaker accuracy, found quotes", round(float(correct.mean()), 3)),
        ("speaker accuracy, known actor speakers", round(float(correct[known].mean()), 3)),
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=["measure", "value"])


def load_seed_quote_gold(path: str | Path = SEED_QUOTES) -> pd.DataFrame:
    return pd.read_csv(path, dtype={"doc_id": str}, keep_default_na=False)
