"""Document- and paragraph-level agreement with PerSenT (Bastan et al., COLING 2020).

PerSenT labels the author's sentiment toward a news article's main person, for the
whole document and for each paragraph. Its ``MASKED_DOCUMENT`` marks every mention of
that person (name and pronouns) as ``[TGT]``; each mark becomes the person's surname, is
scored like any mention, and a paragraph's or document's score is the mean of its
mentions' scores. Negative / neutral / positive come from two thresholds chosen on the
dev file only (the best macro-F1 there) and applied unchanged to the test file. Half of
the dev documents outside the portrayal labels (:func:`training_half`) may give training
examples (the MiniLM model's own training labels hold a sentence from each of 193 of them);
they are left out of the dev scores, so that the thresholds and dev figures rest on documents
no model was trained on.

Quirks of the distributed files, undone before scoring: UTF-8 read as Windows-1252
("â€™"), and commas turned into double spaces.
"""

import contextlib
import hashlib
import re
from itertools import combinations_with_replacement
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import f1_score

from actorlens.core import config
from actorlens.scoring.scorers import BASELINE, SCORERS, ScoredOnce, SentenceVader, make_scorer
from actorlens.text.sentences import sentence_spans

TARGET_MARK = "[TGT]"
SENTIMENT = {"Negative": -1, "Neutral": 0, "Positive": 1}
PARAGRAPHS = 16
_COMMA = re.compile(r"(?<=\S)  (?=\S)")
PORTRAYAL_LABELS = config.VALIDATION_DIR / "portrayal_labels.csv"


def training_half(dev: pd.DataFrame) -> pd.DataFrame:
    """The PerSenT dev documents that training may use: those no portrayal label comes from,
    and whose index hashes to an even first byte (about half)."""
    labelled = pd.read_csv(PORTRAYAL_LABELS, dtype={"doc_id": str})
    taken = set(labelled.loc[labelled["corpus"] == "persent", "doc_id"])
    index = dev["DOCUMENT_INDEX"].astype(str)
    even = index.map(lambda i: hashlib.sha256(i.encode()).digest()[0] % 2 == 0)
    return dev[even & ~index.isin(taken)]


def held_out(dev: pd.DataFrame) -> pd.DataFrame:
    """The PerSenT dev documents outside :func:`training_half`."""
    return dev.drop(training_half(dev).index)


def readable(text: str) -> str:
    """A PerSenT paragraph as printed: mojibake undone, double spaces back to commas."""
    with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
        text = text.encode("cp1252").decode("utf-8")
    return _COMMA.sub(", ", text)


def mentions(documents: pd.DataFrame) -> pd.DataFrame:
    """One row per marked mention: doc, paragraph number, the sentence with the mark
    replaced by the person's surname, the mention's offsets in it, and the document's
    and paragraph's labels (-1/0/+1; the paragraph's is empty when the document's
    paragraphs and labels do not line up)."""
    rows = []
    for doc in documents.itertuples(index=False):
        surname = str(doc.TARGET_ENTITY).split()[-1]
        paragraphs = str(doc.MASKED_DOCUMENT).split("\n")
        labels = [getattr(doc, f"Paragraph{i}") for i in range(PARAGRAPHS)]
        labels = [label for label in labels if isinstance(label, str)]
        aligned = len(labels) == len(paragraphs)
        for number, paragraph in enumerate(paragraphs):
            text = readable(paragraph)
            for start, end in sentence_spans(text):
                pieces = text[start:end].split(TARGET_MARK)
                sentence, spans = pieces[0], []
                for piece in pieces[1:]:
                    spans.append((len(sentence), len(sentence) + len(surname)))
                    sentence += surname + piece
                paragraph_label = SENTIMENT[labels[number]] if aligned else np.nan
                rows.extend(
                    (doc.DOCUMENT_INDEX, number, sentence, a, b,
                     SENTIMENT[doc.TRUE_SENTIMENT], paragraph_label)
                    for a, b in spans
                )  # fmt: skip
    return pd.DataFrame(
        rows,
        columns=["doc", "paragraph", "sentence", "start", "end", "doc_label", "paragraph_label"],
    )


def unit_scores(scored: pd.DataFrame, level: str) -> pd.DataFrame:
    """Mean mention score and label per document (``level="doc"``) or per paragraph."""
    keys = ["doc"] if level == "doc" else ["doc", "paragraph"]
    label = f"{level}_label"
    units = scored.dropna(subset=[label]).groupby(keys, sort=True)
    return units.agg(score=("score", "mean"), label=(label, "first")).reset_index()


def best_thresholds(scores: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """The (low, high) cut-offs among the scores' 2.5 % quantiles with the best macro-F1."""
    candidates = np.unique(np.quantile(scores, np.linspace(0.025, 0.975, 39)))
    best, chosen = -1.0, (0.0, 0.0)
    for low, high in combinations_with_replacement(candidates, 2):
        f1 = _macro_f1(labels, classify(scores, low, high))
        if f1 > best:
            best, chosen = f1, (float(low), float(high))
    return chosen


def classify(scores: np.ndarray, low: float, high: float) -> np.ndarray:
    """-1 below ``low``, +1 above ``high``, 0 between (both ends included in 0)."""
    return np.where(scores < low, -1, np.where(scores > high, 1, 0))


def _macro_f1(labels, predicted) -> float:
    return float(f1_score(labels, predicted, labels=[-1, 0, 1], average="macro", zero_division=0))


def agreement(dev: pd.DataFrame, test: pd.DataFrame, scorers: dict) -> pd.DataFrame:
    """Per scorer, level (doc, paragraph) and split: n, macro-F1 with the dev thresholds,
    the mean score per label, and the macro-F1 of always answering dev's commonest label."""
    rows = []
    found = {"dev": mentions(dev), "test": mentions(test)}
    parts = {split: ScoredOnce(scorers, m["sentence"], m["start"], m["end"])
             for split, m in found.items()}  # fmt: skip
    for name in scorers:
        scored = {split: m.assign(score=parts[split].part(np.arange(len(m)))[name][0])
                  for split, m in found.items()}  # fmt: skip
        for level in ("doc", "paragraph"):
            units = {split: unit_scores(frame, level) for split, frame in scored.items()}
            low, high = best_thresholds(units["dev"]["score"].to_numpy(), units["dev"]["label"])
            commonest = units["dev"]["label"].mode().iloc[0]
            for split, frame in units.items():
                labels = frame["label"].to_numpy()
                means = frame.groupby("label")["score"].mean()
                rows.append({
                    "scorer": name, "level": level, "split": split, "n": len(frame),
                    "macro_f1": round(_macro_f1(labels, classify(frame["score"], low, high)), 3),
                    "commonest_f1": round(_macro_f1(labels, np.full(len(labels), commonest)), 3),
                    "low": round(low, 3), "high": round(high, 3),
                    **{f"mean_{label.lower()}": round(float(means.get(value, np.nan)), 3)
                       for label, value in SENTIMENT.items()},
                })  # fmt: skip
    return pd.DataFrame(rows)


def folder_agreement(folder: str | Path) -> tuple[pd.DataFrame, str]:
    """:func:`agreement` of the baseline and every scorer on ``folder``'s ``dev.csv`` (its
    :func:`held_out` documents) and ``fixed_test.csv`` (a relative folder is read from the
    project root), and a note on it; no rows, and a note saying why, when no folder is given
    or it lacks them."""
    if not str(folder).strip():
        return pd.DataFrame(), (
            "PerSenT not given (persent_dir is empty): skipped. Set persent_dir to a folder "
            "holding PerSenT's dev.csv and fixed_test.csv to add its document and paragraph "
            "labels."
        )
    folder = config.input_path(folder)
    files = [folder / "dev.csv", folder / "fixed_test.csv"]
    if not all(path.is_file() for path in files):
        return (
            pd.DataFrame(),
            f"PerSenT not found in {folder} (dev.csv and fixed_test.csv): skipped",
        )
    scorers = {BASELINE: SentenceVader(), **{name: make_scorer(name) for name in SCORERS}}
    dev, test = (pd.read_csv(path) for path in files)
    kept = held_out(dev)
    note = (f"dev: the {len(kept)} of {len(dev)} dev documents no model was trained on; "
            "thresholds chosen there, applied unchanged to fixed_test")  # fmt: skip
    return agreement(kept, test, scorers), note
