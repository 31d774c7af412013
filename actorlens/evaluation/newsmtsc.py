"""NewsMTSC (Hamborg & Donnay, EACL 2021), target-dependent sentiment in news sentences: its
jsonl files read as one row per target (:func:`load_newsmtsc`), and the metrics a scorer's
labels get against it (:func:`evaluate`), for validation and for training alike.
"""

import json

import pandas as pd
from sklearn.metrics import accuracy_score, f1_score

from actorlens.scoring.trained import LABELS

_POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}


def load_newsmtsc(path) -> pd.DataFrame:
    """Read a NewsMTSC jsonl file: one row per target (sentence, start, end, mention, label)."""
    rows = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            for target in record["targets"]:
                rows.append(
                    (
                        record["sentence_normalized"],
                        int(target["from"]),
                        int(target["to"]),
                        target["mention"],
                        _POLARITY[float(target["polarity"])],
                    )
                )
    return pd.DataFrame(rows, columns=["sentence", "start", "end", "mention", "label"])


def evaluate(labels, predicted) -> dict:
    """Macro-F1, accuracy and confusion matrix (rows true, columns predicted)."""
    labels, predicted = list(labels), list(predicted)
    confusion = pd.DataFrame(
        0, index=pd.Index(LABELS, name="true"), columns=pd.Index(LABELS, name="predicted")
    )
    for true, pred in zip(labels, predicted, strict=True):
        confusion.loc[true, pred] += 1
    return {
        "macro_f1": float(
            f1_score(labels, predicted, labels=list(LABELS), average="macro", zero_division=0)
        ),
        "accuracy": float(accuracy_score(labels, predicted)),
        "confusion": confusion,
    }
