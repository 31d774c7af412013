"""Training examples for the MiniLM portrayal model, each a (sentence, start, end, label) row
with the label one of :data:`actorlens.scoring.minilm.LABELS`.

Three sources: NewsMTSC train (sentences, each marked target), the paragraphs of PerSenT's
dev documents in :func:`actorlens.evaluation.persent.training_half` (each paragraph with its
own label toward the document's main person, marked where it first names that person), and the project's
own portrayal training labels (``data/labelling/portrayal_train/labels.csv``: two passes,
adjudicated, from documents no evaluation set holds).
"""

import re
from pathlib import Path

import pandas as pd

from actorlens.evaluation import persent
from actorlens.evaluation.newsmtsc import load_newsmtsc
from actorlens.scoring.minilm import LABELS

COLUMNS = ["sentence", "start", "end", "label"]
_BY_VALUE = {-1: "negative", 0: "neutral", 1: "positive"}


def newsmtsc(path: str | Path) -> pd.DataFrame:
    """NewsMTSC targets."""
    return load_newsmtsc(path)[COLUMNS]


def persent_paragraphs(dev_csv: str | Path) -> pd.DataFrame:
    """One row per paragraph of the training half that names the main person: the readable
    paragraph, its first mention of the person's full name or surname as the target, and the
    paragraph's label. Documents whose paragraphs and labels do not line up are left out."""
    rows = []
    for doc in persent.training_half(pd.read_csv(dev_csv)).itertuples(index=False):
        name = str(doc.TARGET_ENTITY)
        named = re.compile(rf"\b(?:{re.escape(name)}|{re.escape(name.split()[-1])})\b")
        paragraphs = str(doc.DOCUMENT).split("\n")
        labels = [getattr(doc, f"Paragraph{i}") for i in range(persent.PARAGRAPHS)]
        labels = [label for label in labels if isinstance(label, str)]
        if len(labels) != len(paragraphs):
            continue
        for paragraph, label in zip(paragraphs, labels, strict=True):
            text = persent.readable(paragraph.strip())
            if found := named.search(text):
                rows.append((text, found.start(), found.end(), _BY_VALUE[persent.SENTIMENT[label]]))
    return pd.DataFrame(rows, columns=COLUMNS)


def own_labels(path: str | Path) -> pd.DataFrame:
    """The project's adjudicated portrayal training labels."""
    labelled = pd.read_csv(path, keep_default_na=False)
    frame = labelled.assign(label=labelled["label"].astype(int).map(_BY_VALUE))
    assert set(frame["label"]) <= set(LABELS)
    return frame[COLUMNS]
