"""The trained portrayal scorer's inference: how a sentence portrays one marked mention.

:class:`TrainedScorer` is a multinomial logistic regression trained on NewsMTSC (Hamborg &
Donnay, EACL 2021) over target-aware features (:class:`Featurizer`): word and char TF-IDF of
the sentence with the target masked; VADER over the sentence, a window, the target's clause
and each side; distance-weighted left/right words with negation scope; the clause's words;
words at fixed offsets from the target; VADER lexicon cues by side, distance and whether the
target is the nearest mention. Its parameters are stored as plain JSON and applied with
numpy, so loading never unpickles anything. It is trained by
:mod:`actorlens.training.target_sentiment`.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.preprocessing import normalize
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from actorlens.scoring.valence import (
    QUOTES,
    SentenceValences,
    is_negator,
    lexicon_cues,
    other_mentions,
    summarise_valences,
)

LABELS = ("negative", "neutral", "positive")
FORMAT = "actorlens.target_sentiment/4"  # the artifact's format, written inside its JSON
_PLACEHOLDER = "xxtargetxx"
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)?|[^\sA-Za-z0-9]")
_CLAUSE_PUNCT = frozenset(',;:()[]"“”—–?!.')
_CLAUSE_WORDS = frozenset(
    "after although and as because but despite however that though when whereas which while who yet".split()
)
BAGS = ("side", "clause", "anchor")  # the bag-of-feature kinds, each with its own vocabulary


def default_model_path() -> Path:
    """Path of the committed model artifact inside the package."""
    return Path(__file__).resolve().parents[1] / "resources" / "target_sentiment_model.json"


def _negation_scope(tokens: list[str]) -> list[bool]:
    """Whether each token follows a negator within the same punctuation-delimited span."""
    flags, active = [], False
    for token in tokens:
        if token in _CLAUSE_PUNCT:
            active = False
        flags.append(active)
        active = active or is_negator(token)
    return flags


def _clause(tokens: list[str], target: int) -> tuple[int, int]:
    """Token range [lo, hi) of the target's clause, cut at punctuation and clause-opening words."""

    def boundary(token):
        return token in _CLAUSE_PUNCT or token in _CLAUSE_WORDS

    lo, hi = target, target + 1
    while lo > 0 and not boundary(tokens[lo - 1]):
        lo -= 1
    while hi < len(tokens) and not boundary(tokens[hi]):
        hi += 1
    return lo, hi


def _example(sentence: str, start: int, end: int, settings: dict, analyzer, valences=None):
    """Masked text, dense VADER/structure values and sparse feature dicts for one target.

    ``valences`` is the sentence's :class:`SentenceValences` (computed when missing)."""
    valences = valences or SentenceValences(sentence, analyzer)
    text = sentence.replace("\u2019", "'")
    left_spans = [m.span() for m in _TOKEN.finditer(text[:start])]
    right_spans = [(end + a, end + b) for a, b in (m.span() for m in _TOKEN.finditer(text[end:]))]
    left = [text[a:b] for a, b in left_spans]
    right = [text[a:b] for a, b in right_spans]
    target = len(left)
    words = left + [_PLACEHOLDER] + right
    tokens = [word.lower() for word in words]
    negated = _negation_scope(tokens)
    lo, hi = _clause(tokens, target)
    others = other_mentions(words, target)
    window = settings["window"]
    spans = [*left_spans, (start, end), *right_spans]

    def edge(index: int) -> int:
        """Character offset where token ``index`` starts (the sentence's end past the last)."""
        return spans[index][0] if index < len(spans) else len(sentence)

    whole = valences.whole()
    near = summarise_valences(
        valences.between((edge(max(0, target - window)), start), (end, edge(target + 1 + window)))
    )
    clause = summarise_valences(valences.between((edge(lo), start), (end, edge(hi))))
    numeric = [
        *(whole[k] for k in ("compound", "pos", "neg", "neu")),
        *near,
        *clause[:3],
        summarise_valences(valences.between((0, start)))[0],
        summarise_valences(valences.between((end, len(sentence))))[0],
        summarise_valences(valences.between((0, edge(lo)), (edge(hi), len(sentence))))[0],
        float(sum(sentence[:start].count(q) for q in QUOTES) % 2),
        (hi - lo) / 20,
        float(hi - lo == 1),
        min(len(others), 10) / 5,
    ]
    marked = [("NOT_" + t) if flag else t for t, flag in zip(tokens, negated, strict=True)]
    side, bag = {}, {}
    for i, token in enumerate(marked):
        if i == target:
            continue
        key = ("L_" if i < target else "R_") + token
        side[key] = side.get(key, 0.0) + math.exp(-(abs(i - target) - 1) / settings["tau"])
        if lo <= i < hi:
            bag[token] = bag.get(token, 0.0) + 1.0
    anchor = {
        f"{offset}_{tokens[target + offset]}": 1.0
        for offset in (-3, -2, -1, 1, 2, 3)
        if 0 <= target + offset < len(tokens)
    }
    if target + 2 < len(tokens):
        anchor[f"+12_{tokens[target + 1]}_{tokens[target + 2]}"] = 1.0
    if target >= 2:
        anchor[f"-21_{tokens[target - 2]}_{tokens[target - 1]}"] = 1.0
    dicts = {
        "side": side,
        "clause": bag,
        "anchor": anchor,
        "cue": lexicon_cues(words, target, others, analyzer),
    }
    return f"{sentence[:start]} {_PLACEHOLDER} {sentence[end:]}", numeric, dicts


def raw_features(sentences, starts, ends, settings, analyzer):
    """Masked texts, dense (n, 18) values and per-kind lists of feature dicts."""
    masked, numeric, dicts = [], [], {kind: [] for kind in (*BAGS, "cue")}
    passes = {}  # one VADER pass per distinct sentence, shared by its targets
    for sentence, start, end in zip(sentences, starts, ends, strict=True):
        if sentence not in passes:
            passes[sentence] = SentenceValences(sentence, analyzer)
        text, values, features = _example(
            sentence, int(start), int(end), settings, analyzer, passes[sentence]
        )
        masked.append(text)
        numeric.append(values)
        for kind, value in features.items():
            dicts[kind].append(value)
    return masked, np.array(numeric, dtype=float).reshape(-1, 18), dicts


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


def count_vectorizer(settings: dict, kind: str, vocabulary=None) -> CountVectorizer:
    """Word or char (``kind``) n-gram counter of the settings, on a fixed ``vocabulary`` or fitted."""
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


class CharNgramCounts:
    """Counts of ``char_wb`` n-grams, identical to :class:`CountVectorizer`'s transform,
    built from a cache of each word's n-grams.

    ``char_wb`` n-grams never cross a word boundary, so a text's counts are the sum of
    its lower-cased words' counts: one sparse product of a text-by-word matrix and a
    word-by-n-gram matrix replaces the per-character Python loop.
    """

    def __init__(self, vocabulary: dict, ngram_range):
        self.vocabulary = vocabulary
        self.ngram_range = tuple(ngram_range)
        self.word_index: dict[str, int] = {}
        self.word_rows: list[list[int]] = []

    def _word_id(self, word: str) -> int:
        index = self.word_index.get(word)
        if index is None:
            low, high = self.ngram_range
            padded = f" {word} "
            columns = []
            for n in range(low, high + 1):
                grams = [padded[i : i + n] for i in range(max(1, len(padded) - n + 1))]
                columns.extend(self.vocabulary[g] for g in grams if g in self.vocabulary)
                if len(padded) <= n:  # a short word counts once, as in sklearn
                    break
            index = self.word_index[word] = len(self.word_rows)
            self.word_rows.append(columns)
        return index

    def transform(self, texts) -> sp.csr_matrix:
        """(len(texts), len(vocabulary)) matrix of n-gram counts."""
        rows, words = [], []
        for row, text in enumerate(texts):
            ids = [self._word_id(word) for word in text.lower().split()]
            words.extend(ids)
            rows.extend([row] * len(ids))
        used = sorted(set(words))
        local = {word: i for i, word in enumerate(used)}
        text_words = sp.csr_matrix(
            (np.ones(len(words)), (rows, [local[w] for w in words])), shape=(len(texts), len(used))
        )
        lengths = [len(self.word_rows[w]) for w in used]
        word_grams = sp.csr_matrix(
            (
                np.ones(sum(lengths)),
                [c for w in used for c in self.word_rows[w]],
                np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64),
            ),
            shape=(len(used), len(self.vocabulary)),
        )
        word_grams.sum_duplicates()
        counts = (text_words @ word_grams).tocsr()
        counts.sort_indices()
        return counts


def _tfidf(counts: sp.csr_matrix, df: np.ndarray, n_docs: int) -> sp.csr_matrix:
    """Sublinear tf times smoothed idf, L2-normalised (as sklearn's TfidfVectorizer)."""
    counts = counts.tocsr(copy=True)
    counts.data = 1.0 + np.log(counts.data)
    idf = np.log((1.0 + n_docs) / (1.0 + df)) + 1.0
    return normalize(counts @ sp.diags(idf))


class Featurizer:
    """Target-aware feature matrix rebuilt from stored vocabularies and document frequencies."""

    def __init__(self, params: dict):
        self.settings = params["settings"]
        self.analyzer = SentimentIntensityAnalyzer()
        self.vocab = {
            kind: {t: i for i, t in enumerate(params[kind]["vocabulary"])}
            for kind in ("word", "char", *BAGS, "cue")
        }
        self.vectorizers = {
            "word": count_vectorizer(self.settings, "word", self.vocab["word"]),
            "char": CharNgramCounts(self.vocab["char"], self.settings["char_ngrams"]),
        }
        self.idf_inputs = {
            kind: (np.asarray(params[kind]["df"], dtype=float), params[kind]["n_docs"])
            for kind in ("word", "char")
        }

    def __call__(self, sentences, starts, ends) -> sp.csr_matrix:
        """Feature matrix of targets given as sentences and character spans."""
        masked, numeric, dicts = raw_features(sentences, starts, ends, self.settings, self.analyzer)
        counts = {k: self.vectorizers[k].transform(masked) for k in ("word", "char")}
        return self.matrix(counts, numeric, dicts)

    def matrix(self, counts: dict, numeric, dicts) -> sp.csr_matrix:
        """Word and char TF-IDF, dense VADER/structure values, side/clause/anchor bags, lexicon cues."""
        blocks = [_tfidf(counts[k], *self.idf_inputs[k]) for k in ("word", "char")]
        blocks.append(sp.csr_matrix(numeric))
        blocks.extend(normalize(_dict_matrix(dicts[k], self.vocab[k])) for k in BAGS)
        blocks.append(
            _dict_matrix(dicts["cue"], self.vocab["cue"]).log1p() * self.settings["cue_weight"]
        )
        return sp.hstack(blocks, format="csr")


class TrainedScorer:
    """Logistic regression over target-aware features, rebuilt from plain parameters."""

    def __init__(self, params: dict):
        self.params = params
        self.settings = params["settings"]
        self._features = Featurizer(params)
        self._coef = np.asarray(params["coef"], dtype=float)
        self._intercept = np.asarray(params["intercept"], dtype=float)

    def predict_proba(self, sentences, starts, ends, raw: bool = False) -> np.ndarray:
        """Calibrated class probabilities (n, 3) in LABELS order (``raw``: the regression's
        own, fitted with balanced class weights)."""
        proba = _softmax(self._features(list(sentences), list(starts), list(ends))
                         @ self._coef.T + self._intercept)  # fmt: skip
        calibration = self.params.get("calibration")
        if raw or calibration is None:
            return proba
        return _softmax(
            log_proba(proba) @ np.asarray(calibration["coef"]).T + calibration["intercept"]
        )

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
        """The scorer of a JSON artifact (default: the committed model), rebuilt once per
        file version: loads of an unchanged file share one scorer and its caches."""
        path = Path(path or default_model_path()).resolve()
        version = path.stat()
        return _load_scorer(cls, path, version.st_mtime_ns, version.st_size)


def _softmax(logits: np.ndarray) -> np.ndarray:
    exp = np.exp(logits - logits.max(axis=1, keepdims=True))
    return exp / exp.sum(axis=1, keepdims=True)


@lru_cache(maxsize=4)
def _load_scorer(cls, path: Path, mtime_ns: int, size: int) -> TrainedScorer:
    params = json.loads(path.read_text(encoding="utf-8"))
    if params.get("format") != FORMAT:
        raise ValueError(f"not a {FORMAT} artifact: {path}")
    return cls(params)


def log_proba(proba: np.ndarray) -> np.ndarray:
    """Log of class probabilities, clipped away from 0 (the calibration's input)."""
    return np.log(np.clip(proba, 1e-9, 1.0))
