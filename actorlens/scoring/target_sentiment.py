"""Target-dependent sentiment: how a sentence portrays one marked mention.

The scorer (``predict_proba``/``score`` over sentences and character spans of the
target mention; plain sentence-level VADER, the baseline, is in :mod:`actorlens.scoring.scorers`):

* :class:`TrainedScorer` -- a multinomial logistic regression trained on
  NewsMTSC (Hamborg & Donnay, EACL 2021) over target-aware features: word and
  char TF-IDF of the sentence with the target masked; VADER over the sentence,
  a window, the target's clause and each side; distance-weighted left/right
  words with negation scope; the clause's words; words at fixed offsets from
  the target; VADER lexicon cues by side, distance and whether the target is
  the nearest mention. Its parameters are stored as plain JSON and applied with
  numpy, so loading never unpickles anything.

Rebuild the committed model with ``python -m actorlens.scoring.target_sentiment``.
"""

from __future__ import annotations

import json
import math
import os
import re
import time
from bisect import bisect_left
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import GroupKFold
from sklearn.preprocessing import normalize
from threadpoolctl import threadpool_limits
from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    NEGATE,
    SentimentIntensityAnalyzer,
    SentiText,
)

from actorlens.core import config

LABELS = ("negative", "neutral", "positive")
_POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
_FORMAT = "actorlens.target_sentiment/4"
_PLACEHOLDER = "xxtargetxx"
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)?|[^\sA-Za-z0-9]")
_WORD = re.compile(r"\S+")
_NEGATIONS = frozenset(NEGATE)
_CLAUSE_PUNCT = frozenset(',;:()[]"“”—–?!.')
_CLAUSE_WORDS = frozenset(
    "after although and as because but despite however that though when whereas which while who yet".split()
)
_SENTENCE_OPENERS = frozenset('.!?"“')
_PRONOUNS = frozenset("he her hers him his she their theirs them they".split())
_QUOTES = '"“”'
_BAGS = ("side", "clause", "anchor")

DEFAULT_SETTINGS = {
    "C": 1.0,
    "tau": 3.0,
    "window": 6,
    "word_ngrams": [1, 2],
    "word_min_df": 2,
    "char_ngrams": [2, 5],
    "char_min_df": 3,
    "bag_min_df": 2,
    "cue_weight": 0.5,
    "max_iter": 1000,
    "tol": 1e-3,
    "decimals": 5,
}
GRID = [{"tau": tau, "C": c} for tau in (2.0, 3.0) for c in (0.5, 1.0, 2.0)]
FOLDS = 5


def default_model_path() -> Path:
    """Path of the committed model artifact inside the package."""
    return Path(__file__).resolve().parents[1] / "resources" / "target_sentiment_model.json"


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


def name_words(words: list[str]) -> set[int]:
    """Positions of the words that are part of a multi-word name ("United" of "the United
    States", "Security Council"): capitalised, not opening a sentence, next to another
    capitalised word. They carry no VADER valence: a name is not a judgement."""

    def capitalised(i: int) -> bool:
        return 0 <= i < len(words) and words[i].lstrip(_QUOTES + "'(")[:1].isupper()

    def opening(i: int) -> bool:
        return i == 0 or words[i - 1][-1:] in ".!?:" or words[i][:1] in _SENTENCE_OPENERS

    return {
        i
        for i in range(len(words))
        if capitalised(i) and not opening(i) and (capitalised(i - 1) or capitalised(i + 1))
    }


def _is_negator(token: str) -> bool:
    """VADER's negation test for one lower-cased token."""
    return token in _NEGATIONS or token.endswith("n't")


def _negation_scope(tokens: list[str]) -> list[bool]:
    """Whether each token follows a negator within the same punctuation-delimited span."""
    flags, active = [], False
    for token in tokens:
        if token in _CLAUSE_PUNCT:
            active = False
        flags.append(active)
        active = active or _is_negator(token)
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


def _other_mentions(words: list[str], target: int) -> list[int]:
    """Positions of other likely actor mentions: mid-sentence capitalised words and pronouns."""
    return [
        i
        for i, word in enumerate(words)
        if i != target
        and (
            word.lower() in _PRONOUNS
            or (word[:1].isupper() and i > 0 and words[i - 1] not in _SENTENCE_OPENERS)
        )
    ]


def _cues(words, target, others, analyzer) -> dict:
    """Counts of VADER lexicon hits by polarity (flipped by a negator in the 3 tokens before, as
    VADER does), strength, side, distance band and whether the target is the nearest mention;
    words of multi-word names are left out."""
    cues, names = {}, name_words(words)
    tokens = [word.lower() for word in words]
    for i, token in enumerate(tokens):
        valence = analyzer.lexicon.get(token)
        if valence is None or i == target or i in names:
            continue
        negated = any(_is_negator(t) for t in tokens[max(0, i - 3) : i])
        polarity = "P" if (valence > 0) != negated else "N"
        magnitude = "2" if abs(valence) >= 2 else "1"
        side = "L" if i < target else "R"
        distance = abs(i - target)
        band = "near" if distance <= 3 else ("mid" if distance <= 8 else "far")
        owner = (
            "own" if distance <= min((abs(i - j) for j in others), default=distance) else "other"
        )
        for key in (
            polarity + magnitude,
            f"{polarity}{magnitude}_{side}_{band}",
            f"{polarity}_{band}",
            f"{owner}_{polarity}",
            f"{owner}_{polarity}_{side}",
        ):
            cues[key] = cues.get(key, 0) + 1
    return cues


class SentenceValences:
    """VADER's valence of every word of a sentence, in context, from one pass.

    The valences are those :meth:`SentimentIntensityAnalyzer.polarity_scores` sums
    (boosters, negation, "but"), kept per whitespace word with its start offset, so
    any span of the sentence can be summarised without re-running VADER on it.
    """

    def __init__(self, sentence: str, analyzer):
        sentitext = SentiText(sentence)
        words = sentitext.words_and_emoticons
        lexicon = analyzer.lexicon
        names = name_words(sentence.split())
        # VADER reads at most 3 words before and 2 after the scored one, but lower-cases
        # the whole sentence several times per lexicon word; it is handed that window.
        window = SimpleNamespace(is_cap_diff=sentitext.is_cap_diff)
        valences = []
        for i, item in enumerate(words):
            lower = item.lower()
            if (
                lower not in lexicon
                or i in names
                or lower in BOOSTER_DICT
                or (lower == "kind" and i < len(words) - 1 and words[i + 1].lower() == "of")
            ):
                valences.append(0)
                continue
            first = max(0, i - 3)
            window.words_and_emoticons = words[first : i + 3]
            valences = analyzer.sentiment_valence(0, window, item, i - first, valences)
        self.sentence = sentence
        self.valences = analyzer._but_check(words, valences)
        self.starts = [match.start() for match in _WORD.finditer(sentence)]
        self._analyzer = analyzer

    def between(self, *ranges: tuple[int, int]) -> list[float]:
        """Valences of the words starting inside any of the character ranges [a, b)."""
        picked = []
        for a, b in ranges:
            picked.extend(self.valences[bisect_left(self.starts, a) : bisect_left(self.starts, b)])
        return picked

    def whole(self) -> dict:
        """VADER's scores of the whole sentence (as ``polarity_scores`` without emoji)."""
        return self._analyzer.score_valence(self.valences, self.sentence)


def summarise_valences(valences: list[float]) -> tuple[float, float, float, float]:
    """compound, pos, neg and neu of a list of word valences, as VADER scores a text."""
    if not valences:
        return 0.0, 0.0, 0.0, 0.0
    total = float(sum(valences))
    pos = sum(v + 1 for v in valences if v > 0)
    neg = sum(1 - v for v in valences if v < 0)
    neu = sum(1 for v in valences if v == 0)
    weight = pos + neg + neu
    return total / math.sqrt(total * total + 15), pos / weight, neg / weight, neu / weight


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
    others = _other_mentions(words, target)
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
        float(sum(sentence[:start].count(q) for q in _QUOTES) % 2),
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
        "cue": _cues(words, target, others, analyzer),
    }
    return f"{sentence[:start]} {_PLACEHOLDER} {sentence[end:]}", numeric, dicts


def _raw_features(sentences, starts, ends, settings, analyzer):
    """Masked texts, dense (n, 18) values and per-kind lists of feature dicts."""
    masked, numeric, dicts = [], [], {kind: [] for kind in (*_BAGS, "cue")}
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


class _Featurizer:
    """Target-aware feature matrix rebuilt from stored vocabularies and document frequencies."""

    def __init__(self, params: dict):
        self.settings = params["settings"]
        self.analyzer = SentimentIntensityAnalyzer()
        self.vocab = {
            kind: {t: i for i, t in enumerate(params[kind]["vocabulary"])}
            for kind in ("word", "char", *_BAGS, "cue")
        }
        self.vectorizers = {
            "word": _count_vectorizer(self.settings, "word", self.vocab["word"]),
            "char": CharNgramCounts(self.vocab["char"], self.settings["char_ngrams"]),
        }
        self.idf_inputs = {
            kind: (np.asarray(params[kind]["df"], dtype=float), params[kind]["n_docs"])
            for kind in ("word", "char")
        }

    def __call__(self, sentences, starts, ends) -> sp.csr_matrix:
        """Feature matrix of targets given as sentences and character spans."""
        masked, numeric, dicts = _raw_features(
            sentences, starts, ends, self.settings, self.analyzer
        )
        counts = {k: self.vectorizers[k].transform(masked) for k in ("word", "char")}
        return self.matrix(counts, numeric, dicts)

    def matrix(self, counts: dict, numeric, dicts) -> sp.csr_matrix:
        """Word and char TF-IDF, dense VADER/structure values, side/clause/anchor bags, lexicon cues."""
        blocks = [_tfidf(counts[k], *self.idf_inputs[k]) for k in ("word", "char")]
        blocks.append(sp.csr_matrix(numeric))
        blocks.extend(normalize(_dict_matrix(dicts[k], self.vocab[k])) for k in _BAGS)
        blocks.append(
            _dict_matrix(dicts["cue"], self.vocab["cue"]).log1p() * self.settings["cue_weight"]
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

    def predict_proba(self, sentences, starts, ends, raw: bool = False) -> np.ndarray:
        """Calibrated class probabilities (n, 3) in LABELS order (``raw``: the regression's
        own, fitted with balanced class weights)."""
        proba = _softmax(self._features(list(sentences), list(starts), list(ends))
                         @ self._coef.T + self._intercept)  # fmt: skip
        calibration = self.params.get("calibration")
        if raw or calibration is None:
            return proba
        return _softmax(_log(proba) @ np.asarray(calibration["coef"]).T + calibration["intercept"])

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
    if params.get("format") != _FORMAT:
        raise ValueError(f"not a {_FORMAT} artifact: {path}")
    return cls(params)


def train(train_df: pd.DataFrame, seed: int = 0, **settings) -> TrainedScorer:
    """Fit a TrainedScorer (uncalibrated) on a load_newsmtsc-style frame."""
    settings = {**DEFAULT_SETTINGS, **settings}
    sentences, starts, ends = (
        train_df["sentence"].tolist(),
        train_df["start"].tolist(),
        train_df["end"].tolist(),
    )
    masked, numeric, dicts = _raw_features(
        sentences, starts, ends, settings, SentimentIntensityAnalyzer()
    )
    params = {"format": _FORMAT, "labels": list(LABELS), "settings": settings}
    counts = {}
    for kind in ("word", "char"):
        vectorizer = _count_vectorizer(settings, kind)
        counts[kind] = vectorizer.fit_transform(masked)
        params[kind] = {
            "vocabulary": vectorizer.get_feature_names_out().tolist(),
            "df": np.asarray((counts[kind] > 0).sum(axis=0)).ravel().astype(int).tolist(),
            "n_docs": len(masked),
        }
    for kind in _BAGS:
        doc_freq = {}
        for features in dicts[kind]:
            for key in features:
                doc_freq[key] = doc_freq.get(key, 0) + 1
        params[kind] = {
            "vocabulary": sorted(k for k, n in doc_freq.items() if n >= settings["bag_min_df"])
        }
    params["cue"] = {"vocabulary": sorted({k for features in dicts["cue"] for k in features})}
    features = _Featurizer(params).matrix(counts, numeric, dicts)
    y = np.array([LABELS.index(label) for label in train_df["label"]])
    # One BLAS thread: the dense products are tiny, so threads only add overhead (several-fold
    # under load) and rounding that could depend on the core count.
    with threadpool_limits(limits=1):
        model = LogisticRegression(
            C=settings["C"],
            class_weight="balanced",
            max_iter=settings["max_iter"],
            tol=settings["tol"],
            random_state=seed,
        ).fit(features, y)
    params["coef"] = np.round(model.coef_, settings["decimals"]).tolist()
    params["intercept"] = np.round(model.intercept_, settings["decimals"]).tolist()
    return TrainedScorer(params)


def out_of_fold_proba(train_df: pd.DataFrame, settings: dict, seed: int = 0) -> np.ndarray:
    """Raw class probabilities of every training target from a model fitted without its
    fold (FOLDS folds, the targets of one sentence kept in one fold)."""
    splits = GroupKFold(n_splits=FOLDS).split(train_df, groups=train_df["sentence"])
    jobs = [(train_df, settings, seed, fit, held) for fit, held in splits]
    proba = np.zeros((len(train_df), len(LABELS)))
    with ProcessPoolExecutor(max_workers=min(FOLDS, os.cpu_count() or 1)) as pool:
        for held, part in pool.map(_fold_proba, jobs):
            proba[held] = part
    return proba


def _fold_proba(job) -> tuple[np.ndarray, np.ndarray]:
    train_df, settings, seed, fit, held = job
    scorer = train(train_df.iloc[fit], seed=seed, **settings)
    part = train_df.iloc[held]
    return held, scorer.predict_proba(part["sentence"], part["start"], part["end"], raw=True)


def fit_calibration(proba: np.ndarray, labels) -> dict:
    """Vector-and-matrix scaling of log-probabilities (a multinomial logistic regression on
    them, Guo et al. 2017) fitted on out-of-fold probabilities: calibrated probabilities
    that match NewsMTSC's class shares instead of the balanced training weights."""
    y = np.array([LABELS.index(label) for label in labels])
    model = LogisticRegression(C=100.0, max_iter=1000).fit(_log(proba), y)
    return {
        "coef": np.round(model.coef_, 6).tolist(),
        "intercept": np.round(model.intercept_, 6).tolist(),
    }


def _log(proba: np.ndarray) -> np.ndarray:
    return np.log(np.clip(proba, 1e-9, 1.0))


def build_model(train_path, out_path, seed: int = 0) -> dict:
    """Pick settings from GRID by cross-validated macro-F1 inside train_path, fit the chosen
    settings on all of it, calibrate on their out-of-fold probabilities, write the artifact."""
    train_df = load_newsmtsc(train_path)
    started = time.perf_counter()
    grid, best = [], None
    for point in GRID:
        settings = {**DEFAULT_SETTINGS, **point}
        proba = out_of_fold_proba(train_df, settings, seed)
        predicted = [LABELS[i] for i in proba.argmax(axis=1)]
        grid.append(
            {**point, "cv_macro_f1": round(evaluate(train_df["label"], predicted)["macro_f1"], 6)}
        )
        if best is None or grid[-1]["cv_macro_f1"] > best[0]:
            best = (grid[-1]["cv_macro_f1"], settings, proba)
    _, settings, proba = best
    scorer = train(train_df, seed=seed, **settings)
    scorer.params["calibration"] = fit_calibration(proba, train_df["label"])
    scorer.params["cross_validation"] = {"folds": FOLDS, "grid": grid}
    scorer.save(out_path)
    return {"settings": settings, "grid": grid, "seconds": round(time.perf_counter() - started, 1),
            "n_train": len(train_df)}  # fmt: skip


if __name__ == "__main__":
    train_file = config.PROJ_ROOT / "data" / "external" / "newsmtsc" / "train.jsonl"
    report = build_model(train_file, default_model_path())
    print(f"train targets {report['n_train']}, {FOLDS}-fold grid in {report['seconds']} s")
    for row in report["grid"]:
        print("  " + ", ".join(f"{key}={value}" for key, value in row.items()))
    print("chosen settings:", json.dumps(report["settings"]))
