"""Training the NewsMTSC portrayal scorer (:class:`actorlens.scoring.trained.TrainedScorer`):
settings picked from :data:`GRID` by grouped cross-validation inside NewsMTSC train, the chosen
settings fitted on all of it, the probabilities calibrated on their out-of-fold predictions,
and the artifact written to ``actorlens/resources/target_sentiment_model.json``.

Rebuild the committed model with ``make model`` (``python -m actorlens.training.target_sentiment``).
"""

import json
import os
import time
from concurrent.futures import ProcessPoolExecutor

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from threadpoolctl import threadpool_limits
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from actorlens.core import config
from actorlens.evaluation.newsmtsc import evaluate, load_newsmtsc
from actorlens.scoring.trained import (
    BAGS,
    FORMAT,
    LABELS,
    Featurizer,
    TrainedScorer,
    count_vectorizer,
    default_model_path,
    log_proba,
    raw_features,
)

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


def train(train_df: pd.DataFrame, seed: int = 0, **settings) -> TrainedScorer:
    """Fit a TrainedScorer (uncalibrated) on a load_newsmtsc-style frame."""
    settings = {**DEFAULT_SETTINGS, **settings}
    sentences, starts, ends = (
        train_df["sentence"].tolist(),
        train_df["start"].tolist(),
        train_df["end"].tolist(),
    )
    masked, numeric, dicts = raw_features(
        sentences, starts, ends, settings, SentimentIntensityAnalyzer()
    )
    params = {"format": FORMAT, "labels": list(LABELS), "settings": settings}
    counts = {}
    for kind in ("word", "char"):
        vectorizer = count_vectorizer(settings, kind)
        counts[kind] = vectorizer.fit_transform(masked)
        params[kind] = {
            "vocabulary": vectorizer.get_feature_names_out().tolist(),
            "df": np.asarray((counts[kind] > 0).sum(axis=0)).ravel().astype(int).tolist(),
            "n_docs": len(masked),
        }
    for kind in BAGS:
        doc_freq = {}
        for features in dicts[kind]:
            for key in features:
                doc_freq[key] = doc_freq.get(key, 0) + 1
        params[kind] = {
            "vocabulary": sorted(k for k, n in doc_freq.items() if n >= settings["bag_min_df"])
        }
    params["cue"] = {"vocabulary": sorted({k for features in dicts["cue"] for k in features})}
    features = Featurizer(params).matrix(counts, numeric, dicts)
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
    model = LogisticRegression(C=100.0, max_iter=1000).fit(log_proba(proba), y)
    return {
        "coef": np.round(model.coef_, 6).tolist(),
        "intercept": np.round(model.intercept_, 6).tolist(),
    }


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
