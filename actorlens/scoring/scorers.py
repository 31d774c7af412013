"""Portrayal scorers: a score toward each mention, and each quote's tone.

* ``vader`` -- VADER over the clause that holds the mention, within ``WINDOW`` words
  of it, with the news lexicon of ``resources/news_lexicon.yml`` (topic words such as
  "war" made neutral, judging words such as "dictator" added) and the actors' own
  names made neutral;
* ``minilm`` -- MiniLM fine-tuned on NewsMTSC to read the portrayal of a marked target
  (:mod:`actorlens.scoring.minilm`, int8 ONNX): P(positive) - P(negative), temperature
  calibrated, neutral within the band chosen on dev;
* ``trained`` -- the NewsMTSC-trained linear model of :mod:`actorlens.scoring.trained`, its
  probabilities calibrated: the score is the expected label, P(positive) - P(negative);
* ``sentence_vader`` (the baseline) -- plain VADER over the whole sentence.

A quote's tone (an actor's voice) is VADER with the news lexicon over the quoted words.
"""

import re
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from actorlens.core import config, safe_yaml
from actorlens.core.engine import Engine
from actorlens.corpus.actors import load_actors
from actorlens.scoring.minilm import MiniLM
from actorlens.scoring.trained import LABELS, TrainedScorer
from actorlens.scoring.valence import SentenceValences, summarise_valences

DEFAULT_LEXICON = config.RESOURCES_DIR / "news_lexicon.yml"
SCORERS = config.SCORERS
BASELINE = config.BASELINE_SCORER
WINDOW = 20
NEUTRAL_BAND = 0.05
CLAUSE_BREAK = re.compile(
    r"\s*(?:[;:—–]|\s-\s|\(|\)|,\s+(?:but|while|whereas|although|though|which|who|whom)\b|"
    r"\b(?:but|whereas|although)\b)\s*"
)
WORD = re.compile(r"\S+")
SIGN = {"negative": -1, "neutral": 0, "positive": 1}


class ScorerError(ValueError):
    """The ``scorer`` parameter names no scorer."""


class LexiconError(Exception):
    """The lexicon file cannot be used; the message names the file and the entry."""


def load_lexicon(path: str | Path = DEFAULT_LEXICON) -> dict[str, float]:
    """Word -> VADER value from a lexicon file (entries with word, value and reason)."""
    path = Path(path)
    try:
        entries = (safe_yaml.load(path.read_text(encoding="utf-8")) or {}).get("entries")
    except (OSError, UnicodeDecodeError, yaml.YAMLError, AttributeError) as exc:
        raise LexiconError(f"{path}: cannot read the lexicon: {exc}") from exc
    if not isinstance(entries, list):
        raise LexiconError(f"{path}: expected a list under 'entries:'")
    lexicon = {}
    for number, entry in enumerate(entries, start=1):
        where = f"{path}: entry #{number}"
        if not isinstance(entry, dict) or set(entry) != {"word", "value", "reason"}:
            raise LexiconError(f"{where}: expected exactly word, value and reason")
        word, value = entry["word"], entry["value"]
        if not isinstance(word, str) or not word.strip() or " " in word.strip():
            raise LexiconError(f"{where}: word must be one token, got {word!r}")
        if not isinstance(value, int | float) or not -4 <= value <= 4:
            raise LexiconError(f"{where} ({word}): value must be a number in [-4, 4]")
        if not str(entry["reason"] or "").strip():
            raise LexiconError(f"{where} ({word}): a reason is required")
        lexicon[word.strip().lower()] = float(value)
    return lexicon


def neutral_band(name: str) -> float:
    """The band around 0 inside which a score of the scorer ``name`` counts as neutral:
    ``minilm``'s chosen on NewsMTSC dev (its card), VADER's ±0.05 for the others."""
    return MiniLM().neutral_band if name == "minilm" else NEUTRAL_BAND


def label_of(scores: np.ndarray) -> list[str]:
    """negative / neutral / positive from a score in [-1, 1] with VADER's ±0.05 band."""
    return [
        "positive" if s >= NEUTRAL_BAND else "negative" if s <= -NEUTRAL_BAND else "neutral"
        for s in scores
    ]


class TargetVader:
    """VADER over the words near one target mention, inside its clause."""

    def __init__(self, lexicon: dict | None = None, neutral_words=(), window: int = WINDOW):
        self.analyzer = SentimentIntensityAnalyzer()
        words = self.analyzer.lexicon
        words.update(load_lexicon() if lexicon is None else lexicon)
        # A neutral word (valence 0, or an actor's name) is taken out of the lexicon, not
        # set to 0: VADER still gives a listed word its ALL-CAPS emphasis ("US": -0.733)
        # and a booster's push ("Most Americans": +0.29), and only unlisted words carry none.
        neutral = [word for word, value in words.items() if value == 0]
        for word in [*neutral, *(w.lower() for w in neutral_words)]:
            words.pop(word, None)
        self.window = window

    def context(self, sentence: str, start: int, end: int) -> tuple[int, int]:
        """Character range of the target's clause, cut to ``window`` words either side."""
        left, right = sentence[:start], sentence[end:]
        breaks = list(CLAUSE_BREAK.finditer(left))
        first = breaks[-1].end() if breaks else 0
        after = CLAUSE_BREAK.search(right)
        last = end + after.start() if after else len(sentence)
        left_words = [m.start() for m in WORD.finditer(sentence, first, start)]
        right_words = [m.end() for m in WORD.finditer(sentence, end, last)]
        if self.window:
            first = left_words[-self.window] if len(left_words) >= self.window else first
            last = right_words[self.window - 1] if len(right_words) >= self.window else last
        else:
            first, last = start, end
        return first, last

    def text_score(self, texts) -> np.ndarray:
        """VADER compound of whole texts (a quote's tone)."""
        return np.array([self.analyzer.polarity_scores(t)["compound"] for t in texts], float)

    def score(self, sentences, starts, ends) -> np.ndarray:
        """Compound score toward each target, in [-1, 1]: the sentence's word valences
        (one VADER pass per sentence) summed over the context, the target left out."""
        passes, scores = {}, []
        for sentence, start, end in zip(sentences, starts, ends, strict=True):
            if sentence not in passes:
                passes[sentence] = SentenceValences(sentence, self.analyzer)
            first, last = self.context(sentence, start, end)
            valences = passes[sentence].between((first, start), (end, last))
            scores.append(summarise_valences(valences)[0])
        return np.array(scores, dtype=float)

    def predict(self, sentences, starts, ends) -> list[str]:
        return label_of(self.score(sentences, starts, ends))


class SentenceVader(TargetVader):
    """The baseline: plain VADER over the whole sentence, its own lexicon only."""

    def __init__(self):
        super().__init__(lexicon={})

    def score(self, sentences, starts=None, ends=None) -> np.ndarray:
        return self.text_score(sentences)


class Trained:
    """The NewsMTSC-trained scorer: calibrated P(positive) - P(negative) toward the target.
    A mention's score depends on its sentence only, never on the other mentions scored."""

    def __init__(self, model_path: str | Path | None = None):
        self.model = TrainedScorer.load(model_path)

    def predict_proba(self, sentences, starts, ends) -> np.ndarray:
        if not len(sentences):
            return np.zeros((0, 3))
        return self.model.predict_proba(list(sentences), list(starts), list(ends))

    def score(self, sentences, starts, ends) -> np.ndarray:
        return scores_of(self.predict_proba(sentences, starts, ends))

    def predict(self, sentences, starts, ends) -> list[str]:
        return labels_of(self.predict_proba(sentences, starts, ends))


def scores_of(proba: np.ndarray) -> np.ndarray:
    """The expected label (-1, 0, +1) of class probabilities: P(positive) - P(negative)."""
    return proba[:, 2] - proba[:, 0] if len(proba) else np.zeros(0)


def labels_of(proba: np.ndarray) -> list[str]:
    """The most probable class of each row."""
    return [LABELS[i] for i in proba.argmax(axis=1)]


def make_scorer(name: str, neutral_words=()):
    """A scorer by name: one of :data:`SCORERS` or the :data:`BASELINE`."""
    if name == "vader":
        return TargetVader(neutral_words=neutral_words)
    if name == "trained":
        return Trained()
    if name == "minilm":
        return MiniLM()
    if name == BASELINE:
        return SentenceVader()
    raise ScorerError(f"unknown scorer {name!r}; choose from {', '.join((*SCORERS, BASELINE))}")


def actor_name_words(actors_file) -> set[str]:
    """Single words of the actors' names and titles, to be neutral for VADER."""
    words = set()
    for actor in load_actors(actors_file):
        for alias, _ in actor.aliases():
            words.update(re.findall(r"[A-Za-z]+", alias.rstrip("*")))
    return {w.lower() for w in words if w[0].isupper()}


def model_of(scorer):
    """The class-probability model behind a scorer (the linear model of ``trained``, the
    MiniLM scorer itself), or None for a scorer of scores only."""
    if isinstance(scorer, Trained):
        return scorer.model
    return scorer if isinstance(scorer, MiniLM) else None


class ScoredOnce:
    """Every scorer's scores of the same targets from one pass (each model's class
    probabilities computed once for all scorers built on it), then scores and labels of any
    part of them. A model's labels are its most probable class, the others' the ±0.05 band
    of the score."""

    def __init__(self, scorers: dict, sentences, starts, ends):
        self.scorers = scorers
        sentences, starts, ends = list(sentences), list(starts), list(ends)
        models = {id(m): m for s in scorers.values() if (m := model_of(s)) is not None}
        self.proba = {key: m.predict_proba(sentences, starts, ends) for key, m in models.items()}
        self.plain = {name: np.asarray(s.score(sentences, starts, ends), dtype=float)
                      for name, s in scorers.items() if model_of(s) is None}  # fmt: skip

    def part(self, rows: np.ndarray) -> dict[str, tuple[np.ndarray, list[str]]]:
        """Scores and labels per scorer of the targets at positions ``rows``."""
        out = {}
        for name, scorer in self.scorers.items():
            if (model := model_of(scorer)) is not None:
                proba = self.proba[id(model)][rows]
                out[name] = (scores_of(proba), labels_of(proba))
            else:
                out[name] = (self.plain[name][rows], label_of(self.plain[name][rows]))
        return out


def _score_batch(scorers: dict, batch: list[tuple]) -> list[tuple]:
    """Per (sentence, start, end) of a batch: the model's class probabilities (when a
    trained scorer is among ``scorers``), then each other scorer's score."""
    sentences, starts, ends = (list(c) for c in zip(*batch, strict=True)) if batch else ([], [], [])
    columns = []
    trained = [s for s in scorers.values() if isinstance(s, Trained)]
    if trained:
        columns.extend(trained[0].model.predict_proba(sentences, starts, ends).T)
    columns.extend(s.score(sentences, starts, ends) for s in scorers.values()
                   if not isinstance(s, Trained))  # fmt: skip
    # plain floats: numpy scalars cost far more to send between processes
    return np.column_stack(columns).tolist() if columns else [[] for _ in batch]


def quote_tones(quote_table: pd.DataFrame, vader: TargetVader, engine: Engine | None = None):
    """The tone of each quote: VADER compound of its words (quotation marks stripped),
    rounded to 4 places; batch by batch on ``engine``."""
    texts = quote_table["text"].str.strip('"“”‘’«» ').tolist()
    tones = (engine or Engine()).map(partial(_tone_batch, vader), texts)
    return np.round(np.array(tones, dtype=float), 4)


def _tone_batch(vader: TargetVader, texts: list[str]) -> list[float]:
    return vader.text_score(texts).tolist()


def score_mentions(
    mentions: pd.DataFrame,
    sentences: pd.DataFrame,
    scorers: dict,
    chosen: str,
    engine: Engine | None = None,
):
    """Adds ``score_<name>`` per scorer and ``sentiment`` (the chosen score, empty for voice).

    Every scorer runs in one pass over the distinct (sentence, target) pairs, batch by
    batch on ``engine``; the trained model's probabilities are computed once and shared by
    the trained scorers."""
    engine = engine or Engine()
    out = mentions.copy()
    located = out.merge(
        sentences[["doc_id", "sent_id", "start", "text"]].rename(columns={"start": "s_start"}),
        on=["doc_id", "sent_id"],
        how="left",
    )
    begin = (located["start"] - located["s_start"]).clip(lower=0)
    finish = (located["end"] - located["s_start"]).clip(upper=located["text"].str.len())
    items = list(zip(located["text"], begin.astype(int), finish.astype(int), strict=True))
    distinct = list(dict.fromkeys(items))  # each (sentence, target) pair is scored once
    once = engine.map(partial(_score_batch, scorers), distinct, progress="scoring mentions")
    row_of = {item: number for number, item in enumerate(distinct)}
    scored = np.array([once[row_of[item]] for item in items], dtype=float)
    has_model = any(isinstance(scorer, Trained) for scorer in scorers.values())
    scored = scored.reshape(len(items), 3 * has_model + sum(
        not isinstance(scorer, Trained) for scorer in scorers.values()))  # fmt: skip
    proba, others = scored[:, : 3 * has_model], iter(scored[:, 3 * has_model :].T)
    for name, scorer in scorers.items():
        scores = scores_of(proba) if isinstance(scorer, Trained) else next(others)
        out[f"score_{name}"] = np.round(scores, 4)
    out["sentiment"] = out[f"score_{chosen}"].where(out["role"] != "voice")
    return out
