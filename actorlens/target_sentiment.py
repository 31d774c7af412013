"""Target-dependent sentiment: how a sentence portrays one marked mention.

Two scorers share one interface (``predict_proba``/``score`` over sentences and
character spans of the target mention):

* :class:`VaderScorer` -- plain sentence-level VADER, the baseline.
* :class:`TrainedScorer` -- a multinomial logistic regression trained on
  NewsMTSC (Hamborg & Donnay, EACL 2021) over target-aware features. Its
  parameters are stored as plain JSON and applied with numpy, so loading never
  unpickles anything.

Rebuild the committed model with ``python -m actorlens.target_sentiment``.
"""

from __future__ import annotations

import json
import math
import re
import time
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.preprocessing import normalize
from vaderSentiment.vaderSentiment import NEGATE, SentimentIntensityAnalyzer

LABELS = ("negative", "neutral", "positive")
_POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
_FORMAT = "actorlens.target_sentiment/1"
_PLACEHOLDER = "xxtargetxx"
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[^\sa-z0-9]")
_NEGATIONS = frozenset(NEGATE)

DEFAULT_SETTINGS = {
    "C": 1.0,
    "tau": 5.0,
    "window": 6,
    "word_ngrams": [1, 2],
    "word_min_df": 2,
    "char_ngrams": [2, 5],
    "char_min_df": 3,
    "prox_min_df": 2,
    "lex_weight": 0.5,
    "max_iter": 1000,
    "tol": 1e-3,
    "decimals": 5,
}
GRID = [{"tau": tau, "C": c} for tau in (3.0, 5.0) for c in (0.5, 1.0, 2.0)]


def default_model_path() -> Path:
    """Path of the committed model artifact inside the package."""
    return Path(__file__).resolve().parent / "resources" / "target_sentiment_model.json"


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


class VaderScorer:
    """Sentence-level VADER baseline; the target span is ignored."""

    def __init__(self, lexicon_update: dict[str, float] | None = None):
        self.analyzer = SentimentIntensityAnalyzer()
        if lexicon_update:
            self.analyzer.lexicon.update(lexicon_update)

    def score(self, sentences, starts=None, ends=None) -> np.ndarray:
        """VADER compound score of each sentence, in [-1, 1]."""
        return np.array(
            [self.analyzer.polarity_scores(s)["compound"] for s in sentences], dtype=float
        )

    def predict_proba(self, sentences, starts=None, ends=None) -> np.ndarray:
        """Deterministic (n, 3) mapping of the compound whose argmax is the ±0.05 threshold label."""
        compound = self.score(sentences)
        strength = np.abs(compound)
        proba = np.zeros((len(compound), 3))
        pos, neg = compound >= 0.05, compound <= -0.05
        neu = ~(pos | neg)
        proba[pos, 2] = (1 + strength[pos]) / 2
        proba[pos, 1] = 1 - proba[pos, 2]
        proba[neg, 0] = (1 + strength[neg]) / 2
        proba[neg, 1] = 1 - proba[neg, 0]
        proba[neu, 0] = np.maximum(-compound[neu], 0)
        proba[neu, 2] = np.maximum(compound[neu], 0)
        proba[neu, 1] = 1 - strength[neu]
        return proba

    def predict(self, sentences, starts=None, ends=None) -> list[str]:
        """Label per sentence from the compound thresholds."""
        return [LABELS[i] for i in self.predict_proba(sentences).argmax(axis=1)]


def _context(sentence: str, start: int, end: int):
    """Masked sentence and lower-cased token lists left and right of the target."""
    left, right = sentence[:start], sentence[end:]
    masked = f"{left} {_PLACEHOLDER} {right}"
    tokens = [_TOKEN.findall(part.lower().replace("\u2019", "'")) for part in (left, right)]
    return masked, tokens[0], tokens[1]


def _raw_features(sentences, starts, ends, settings, analyzer):
    """Text, VADER, proximity-weighted and lexicon features before vocabulary lookup."""
    window, tau = settings["window"], settings["tau"]
    masked, numeric, proximity, lexicon = [], [], [], []
    for sentence, start, end in zip(sentences, starts, ends, strict=True):
        text, left, right = _context(sentence, int(start), int(end))
        masked.append(text)
        whole = analyzer.polarity_scores(sentence)
        near = analyzer.polarity_scores(" ".join(left[-window:] + right[:window]))
        numeric.append(
            [whole[k] for k in ("compound", "pos", "neg", "neu")]
            + [near[k] for k in ("compound", "pos", "neg", "neu")]
        )
        tokens = left + [_PLACEHOLDER] + right
        prox, lex = {}, {}
        for position, token in enumerate(tokens):
            if token == _PLACEHOLDER:
                continue
            side = "L" if position < len(left) else "R"
            distance = len(left) - position if side == "L" else position - len(left)
            prox[token] = prox.get(token, 0.0) + math.exp(-(distance - 1) / tau)
            valence = analyzer.lexicon.get(token)
            if valence is None:
                continue
            negated = any(
                t in _NEGATIONS or t.endswith("n't")
                for t in tokens[max(0, position - 3) : position]
            )
            polarity = "P" if (valence > 0) != negated else "N"
            magnitude = "2" if abs(valence) >= 2 else "1"
            band = "near" if distance <= 3 else ("mid" if distance <= 8 else "far")
            for key in (
                polarity + magnitude,
                f"{polarity}{magnitude}_{side}_{band}",
                f"{polarity}_{band}",
            ):
                lex[key] = lex.get(key, 0) + 1
        proximity.append(prox)
        lexicon.append(lex)
    return masked, np.array(numeric, dtype=float).reshape(-1, 8), proximity, lexicon


def _dict_matrix(dicts, vocabulary: dict) -> sp.csr_matrix:
    """Sparse matrix of feature dicts restricted to a fixed vocabulary."""
    rows, cols, vals = [], [], []
    for i, features in enumerate(dicts):
        for key, value in features.items():
            j = vocabulary.get(key)
            if j is not None:
                rows.append(i)
                cols.append(j)
                vals.append(value)
    return sp.csr_matrix((vals, (rows, cols)), shape=(len(dicts), len(vocabulary)))


def _count_vectorizer(settings: dict, kind: str, vocabulary=None) -> CountVectorizer:
    ngrams = tuple(settings[f"{kind}_ngrams"])
    if kind == "char":
        return CountVectorizer(
            analyzer="char_wb",
            ngram_range=ngrams,
            min_df=settings["char_min_df"],
            vocabulary=vocabulary,
            dtype=np.float64,
        )
    return CountVectorizer(
        ngram_range=ngrams, min_df=settings["word_min_df"], vocabulary=vocabulary, dtype=np.float64
    )


def _tfidf(counts: sp.csr_matrix, df: np.ndarray, n_docs: int) -> sp.csr_matrix:
    """Sublinear tf times smoothed idf, L2-normalised (as sklearn's TfidfVectorizer)."""
    counts = counts.tocsr(copy=True)
    counts.data = 1.0 + np.log(counts.data)
    idf = np.log((1.0 + n_docs) / (1.0 + df)) + 1.0
    return normalize(counts @ sp.diags(idf))


class _Featurizer:
    """Target-aware feature matrix rebuilt from stored vocabularies and document frequencies."""

    def __init__(self, params: dict):
        self.settings = params["settings"]
        self.analyzer = SentimentIntensityAnalyzer()
        self.vocab = {
            kind: {t: i for i, t in enumerate(params[kind]["vocabulary"])}
            for kind in ("word", "char", "prox", "lex")
        }
        self.vectorizers = {
            kind: _count_vectorizer(self.settings, kind, self.vocab[kind])
            for kind in ("word", "char")
        }
        self.idf_inputs = {
            kind: (np.asarray(params[kind]["df"], dtype=float), params[kind]["n_docs"])
            for kind in ("word", "char")
        }

    def __call__(self, sentences, starts, ends) -> sp.csr_matrix:
        """Word and char TF-IDF, VADER scores, proximity-weighted bag, lexicon cues."""
        masked, numeric, proximity, lexicon = _raw_features(
            sentences, starts, ends, self.settings, self.analyzer
        )
        blocks = [
            _tfidf(self.vectorizers[k].transform(masked), *self.idf_inputs[k])
            for k in ("word", "char")
        ]
        blocks.append(sp.csr_matrix(numeric))
        blocks.append(normalize(_dict_matrix(proximity, self.vocab["prox"])))
        blocks.append(
            _dict_matrix(lexicon, self.vocab["lex"]).log1p() * self.settings["lex_weight"]
        )
        return sp.hstack(blocks, format="csr")


class TrainedScorer:
    """Logistic regression over target-aware features, rebuilt from plain parameters."""

    def __init__(self, params: dict):
        self.params = params
        self.settings = params["settings"]
        self._features = _Featurizer(params)
        self._coef = np.asarray(params["coef"], dtype=float)
        self._intercept = np.asarray(params["intercept"], dtype=float)

    def predict_proba(self, sentences, starts, ends) -> np.ndarray:
        """Class probabilities (n, 3) in LABELS order."""
        logits = self._features(sentences, starts, ends) @ self._coef.T + self._intercept
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)

    def predict(self, sentences, starts, ends) -> list[str]:
        """Most probable label per target."""
        return [LABELS[i] for i in self.predict_proba(sentences, starts, ends).argmax(axis=1)]

    def score(self, sentences, starts, ends) -> np.ndarray:
        """P(positive) - P(negative), in [-1, 1]."""
        proba = self.predict_proba(sentences, starts, ends)
        return proba[:, 2] - proba[:, 0]

    def save(self, path) -> None:
        """Write the parameters as deterministic JSON."""
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_text(
            json.dumps(self.params, separators=(",", ":")) + "\n", encoding="utf-8"
        )

    @classmethod
    def load(cls, path=None) -> TrainedScorer:
        """Rebuild a scorer from a JSON artifact (default: the committed model)."""
        params = json.loads(Path(path or default_model_path()).read_text(encoding="utf-8"))
        if params.get("format") != _FORMAT:
            raise ValueError(f"not a {_FORMAT} artifact: {path}")
        return cls(params)


def train(
    train_df: pd.DataFrame, dev_df: pd.DataFrame | None = None, seed: int = 0, **settings
) -> TrainedScorer:
    """Fit a TrainedScorer on a load_newsmtsc-style frame; dev_df, if given, is only scored into params."""
    settings = {**DEFAULT_SETTINGS, **settings}
    sentences, starts, ends = (
        train_df["sentence"].tolist(),
        train_df["start"].tolist(),
        train_df["end"].tolist(),
    )
    masked, _, proximity, lexicon = _raw_features(
        sentences, starts, ends, settings, SentimentIntensityAnalyzer()
    )
    params = {"format": _FORMAT, "labels": list(LABELS), "settings": settings}
    for kind in ("word", "char"):
        vectorizer = _count_vectorizer(settings, kind)
        counts = vectorizer.fit_transform(masked)
        params[kind] = {
            "vocabulary": vectorizer.get_feature_names_out().tolist(),
            "df": np.asarray((counts > 0).sum(axis=0)).ravel().astype(int).tolist(),
            "n_docs": len(masked),
        }
    doc_freq = {}
    for features in proximity:
        for key in features:
            doc_freq[key] = doc_freq.get(key, 0) + 1
    params["prox"] = {
        "vocabulary": sorted(k for k, n in doc_freq.items() if n >= settings["prox_min_df"])
    }
    params["lex"] = {"vocabulary": sorted({k for features in lexicon for k in features})}
    features = _Featurizer(params)(sentences, starts, ends)
    y = np.array([LABELS.index(label) for label in train_df["label"]])
    model = LogisticRegression(
        C=settings["C"],
        class_weight="balanced",
        max_iter=settings["max_iter"],
        tol=settings["tol"],
        random_state=seed,
    ).fit(features, y)
    params["coef"] = np.round(model.coef_, settings["decimals"]).tolist()
    params["intercept"] = np.round(model.intercept_, settings["decimals"]).tolist()
    scorer = TrainedScorer(params)
    if dev_df is not None:
        result = evaluate(
            dev_df["label"], scorer.predict(dev_df["sentence"], dev_df["start"], dev_df["end"])
        )
        params["dev"] = {
            "macro_f1": round(result["macro_f1"], 6),
            "accuracy": round(result["accuracy"], 6),
        }
    return scorer


def build_model(train_path, dev_path, out_path, seed: int = 0) -> dict:
    """Train on train_path, pick settings from GRID on dev_path, write the artifact, return dev metrics."""
    train_df, dev_df = load_newsmtsc(train_path), load_newsmtsc(dev_path)
    spans = (dev_df["sentence"], dev_df["start"], dev_df["end"])
    started = time.perf_counter()
    best, grid = None, []
    for point in GRID:
        scorer = train(train_df, dev_df, seed=seed, **point)
        grid.append({**point, **scorer.params["dev"]})
        if best is None or scorer.params["dev"]["macro_f1"] > best.params["dev"]["macro_f1"]:
            best = scorer
    seconds = time.perf_counter() - started
    best.save(out_path)
    return {
        "vader": evaluate(dev_df["label"], VaderScorer().predict(*spans)),
        "trained": evaluate(dev_df["label"], best.predict(*spans)),
        "settings": best.settings,
        "grid": grid,
        "train_seconds": round(seconds, 1),
        "n_train": len(train_df),
        "n_dev": len(dev_df),
    }


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent / "data" / "external" / "newsmtsc"
    report = build_model(root / "train.jsonl", root / "dev.jsonl", default_model_path())
    print(
        f"train targets {report['n_train']}, dev targets {report['n_dev']}, grid time {report['train_seconds']} s"
    )
    for row in report["grid"]:
        print(
            f"  tau={row['tau']} C={row['C']}: dev macro-F1 {row['macro_f1']:.4f} accuracy {row['accuracy']:.4f}"
        )
    print("chosen settings:", json.dumps(report["settings"]))
    for name in ("vader", "trained"):
        result = report[name]
        print(f"\n{name}: macro-F1 {result['macro_f1']:.4f} accuracy {result['accuracy']:.4f}")
        print(result["confusion"].to_string())
