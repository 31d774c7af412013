"""Training examples for the MiniLM portrayal model, each a (sentence, start, end, label) row
with the label one of :data:`actorlens.scoring.minilm.LABELS`.

Two sources: NewsMTSC train (sentences, each marked target) and the project's own portrayal
training labels (``data/labelling/portrayal_train/labels.csv``: two passes, adjudicated, from
Wikinews documents no evaluation set holds and from PerSenT dev documents of
:func:`actorlens.evaluation.persent.training_half`).
"""

from pathlib import Path

import pandas as pd

from actorlens.evaluation.newsmtsc import load_newsmtsc
from actorlens.scoring.minilm import LABELS

COLUMNS = ["sentence", "start", "end", "label"]
_BY_VALUE = {-1: "negative", 0: "neutral", 1: "positive"}


def newsmtsc(path: str | Path) -> pd.DataFrame:
    """NewsMTSC targets."""
    return load_newsmtsc(path)[COLUMNS]


def own_labels(path: str | Path) -> pd.DataFrame:
    """The project's adjudicated portrayal training labels."""
    labelled = pd.read_csv(path, keep_default_na=False)
    frame = labelled.assign(label=labelled["label"].astype(int).map(_BY_VALUE))
    assert set(frame["label"]) <= set(LABELS)
    return frame[COLUMNS]
