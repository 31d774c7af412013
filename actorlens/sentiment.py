"""Voice and portrayal: who says what, and how the text treats each actor.

A mention inside a quote its own actor speaks is **voice**; every other mention is
**portrayal**, scored toward the mention by one of two scorers:

* ``vader`` -- VADER over the clause that holds the mention, within ``WINDOW`` words
  of it, with the news lexicon of ``resources/news_lexicon.yml`` (topic words such as
  "war" made neutral, judging words such as "dictator" added) and the actors' own
  names made neutral;
* ``trained`` -- the NewsMTSC-trained model of :mod:`actorlens.target_sentiment`;
* ``trained_adapted`` -- the same with its class priors re-estimated on the mentions
  scored (news is mostly neutral, NewsMTSC's training labels are not).

A quote's sentiment (an actor's voice) is VADER with the news lexicon over the
quoted words. Per document and actor the scores are averaged with a bootstrap
confidence interval; cells with fewer than ``min_mentions`` scores are marked thin.
"""

import re
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from scipy.stats import spearmanr
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from actorlens import config, quotes, target_sentiment
from actorlens.actors import load_actors
from actorlens.engine import Engine
from actorlens.ingest import Corpus
from actorlens.mentions import MENTION_COLUMNS, Mentions

DEFAULT_LEXICON = config.RESOURCES_DIR / "news_lexicon.yml"
SCORERS = config.SCORERS
BASELINE = config.BASELINE_SCORER
WINDOW = 20
NEUTRAL_BAND = 0.05
BOOTSTRAP_SAMPLES = 2000
BOOTSTRAP_SEED = 0
CLAUSE_BREAK = re.compile(
    r"\s*(?:[;:—–]|\s-\s|\(|\)|,\s+(?:but|while|whereas|although|though|which|who|whom)\b|"
    r"\b(?:but|whereas|although)\b)\s*"
)
WORD = re.compile(r"\S+")
SIGN = {"negative": -1, "neutral": 0, "positive": 1}
# The trained model is fitted with balanced class weights: its probabilities assume
# equal class shares, the starting point of the prior adaptation.
BALANCED_PRIOR = np.full(3, 1 / 3)
ROLE_COLUMNS = ["quote_id", "speaker_id", "role"]
ACTOR_SENTIMENT_COLUMNS = [
    "doc_id", "actor_id", "role", "scorer", "n", "mean", "ci_low", "ci_high", "thin",
]  # fmt: skip
SPEAKER_TARGET_COLUMNS = ["doc_id", "speaker_id", "target_id", "n", "mean"]


class ScorerError(ValueError):
    """The ``scorer`` parameter names no scorer."""


class LexiconError(Exception):
    """The lexicon file cannot be used; the message names the file and the entry."""


def load_lexicon(path: str | Path = DEFAULT_LEXICON) -> dict[str, float]:
    """Word -> VADER value from a lexicon file (entries with word, value and reason)."""
    path = Path(path)
    try:
        entries = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("entries")
    except (OSError, yaml.YAMLError, AttributeError) as exc:
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
        self.analyzer.lexicon.update(load_lexicon() if lexicon is None else lexicon)
        self.analyzer.lexicon.update({w.lower(): 0.0 for w in neutral_words})
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
                passes[sentence] = target_sentiment.SentenceValences(sentence, self.analyzer)
            first, last = self.context(sentence, start, end)
            valences = passes[sentence].between((first, start), (end, last))
            scores.append(target_sentiment.summarise_valences(valences)[0])
        return np.array(scores, dtype=float)

    def predict(self, sentences, starts, ends) -> list[str]:
        return label_of(self.score(sentences, starts, ends))


class SentenceVader(TargetVader):
    """The baseline: plain VADER over the whole sentence, its own lexicon only."""

    def __init__(self):
        super().__init__(lexicon={})

    def score(self, sentences, starts=None, ends=None) -> np.ndarray:
        return self.text_score(sentences)


def adapt_priors(proba: np.ndarray, train_prior: np.ndarray, iterations: int = 100):
    """Re-weight class probabilities to the class shares of the batch itself.

    EM of Saerens, Latinne & Decaestecker (2002): the shares are estimated from the
    unlabelled batch, so a model trained on NewsMTSC's balanced labels stops calling
    mostly-neutral news polar. Returns the adapted probabilities and the shares.
    """
    prior = np.asarray(train_prior, dtype=float)
    shares = prior.copy()
    adapted = proba
    for _ in range(iterations):
        adapted = proba * (shares / prior)
        adapted /= adapted.sum(axis=1, keepdims=True)
        updated = adapted.mean(axis=0)
        if np.allclose(updated, shares, atol=1e-6):
            break
        shares = updated
    return adapted, shares


class Trained:
    """The NewsMTSC-trained scorer: P(positive) - P(negative) toward the target; with
    ``adapt`` its class priors are re-estimated on each batch it scores."""

    def __init__(self, model_path: str | Path | None = None, adapt: bool = False):
        self.model = target_sentiment.TrainedScorer.load(model_path)
        self.adapt = adapt
        self.shares = None

    def predict_proba(self, sentences, starts, ends) -> np.ndarray:
        if not len(sentences):
            return np.zeros((0, 3))
        proba = self.model.predict_proba(list(sentences), list(starts), list(ends))
        if self.adapt:
            proba, self.shares = adapt_priors(proba, BALANCED_PRIOR)
        return proba

    def score(self, sentences, starts, ends) -> np.ndarray:
        proba = self.predict_proba(sentences, starts, ends)
        return proba[:, 2] - proba[:, 0]

    def proba_from(self, raw_proba: np.ndarray) -> np.ndarray:
        """Probabilities from the model's raw probabilities of a whole batch."""
        if self.adapt and len(raw_proba):
            adapted, self.shares = adapt_priors(raw_proba, BALANCED_PRIOR)
            return adapted
        return raw_proba

    def scores_from(self, raw_proba: np.ndarray) -> np.ndarray:
        """Scores from the model's raw probabilities of a whole batch."""
        proba = self.proba_from(raw_proba)
        return proba[:, 2] - proba[:, 0] if len(proba) else np.zeros(0)

    def predict(self, sentences, starts, ends) -> list[str]:
        proba = self.predict_proba(sentences, starts, ends)
        return [target_sentiment.LABELS[i] for i in proba.argmax(axis=1)]


def make_scorer(name: str, neutral_words=()):
    """A scorer by name: one of :data:`SCORERS` or the :data:`BASELINE`."""
    if name == "vader":
        return TargetVader(neutral_words=neutral_words)
    if name == "trained":
        return Trained()
    if name == "trained_adapted":
        return Trained(adapt=True)
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


def evaluate_file(path: str | Path, scorer_names=(BASELINE, *SCORERS)) -> dict[str, dict]:
    """Macro-F1, accuracy and confusion matrix of each scorer on a NewsMTSC-format file."""
    data = target_sentiment.load_newsmtsc(path)
    scorers = {name: make_scorer(name) for name in scorer_names}
    everything = np.arange(len(data))
    scored_all = ScoredOnce(scorers, data["sentence"], data["start"], data["end"])
    return {
        name: {"n": len(data), **target_sentiment.evaluate(data["label"], labels)}
        for name, (_, labels) in scored_all.part(everything).items()
    }


class ScoredOnce:
    """Every scorer's scores of the same targets from one pass (the trained model's
    probabilities computed once for all trained scorers), then scores and labels of any
    part of them. A trained scorer's labels are its most probable class, the others' the
    ±0.05 band of the score; prior adaptation runs on the part."""

    def __init__(self, scorers: dict, sentences, starts, ends):
        self.scorers = scorers
        sentences, starts, ends = list(sentences), list(starts), list(ends)
        models = {id(s.model): s.model for s in scorers.values() if isinstance(s, Trained)}
        self.raw = {key: m.predict_proba(sentences, starts, ends) for key, m in models.items()}
        self.plain = {name: np.asarray(s.score(sentences, starts, ends), dtype=float)
                      for name, s in scorers.items() if not isinstance(s, Trained)}  # fmt: skip

    def part(self, rows: np.ndarray) -> dict[str, tuple[np.ndarray, list[str]]]:
        """Scores and labels per scorer of the targets at positions ``rows``."""
        out = {}
        for name, scorer in self.scorers.items():
            if isinstance(scorer, Trained):
                proba = scorer.proba_from(self.raw[id(scorer.model)][rows])
                out[name] = (proba[:, 2] - proba[:, 0],
                             [target_sentiment.LABELS[i] for i in proba.argmax(1)])  # fmt: skip
            else:
                out[name] = (self.plain[name][rows], label_of(self.plain[name][rows]))
        return out


def validation_table(labelled: pd.DataFrame, scorers: dict) -> pd.DataFrame:
    """Agreement of each scorer with hand labels (-1, 0, +1) of mentions in sentences:
    Spearman correlation, sign accuracy on non-neutral labels, share of neutral kept."""
    scored_all = ScoredOnce(
        scorers, labelled["sentence"], labelled["sent_start"], labelled["sent_end"]
    )
    positions = pd.Series(np.arange(len(labelled)), index=labelled.index)
    rows = []
    for group, part in [("all", labelled), *labelled.groupby("corpus", sort=True)]:
        labels = part["label"].to_numpy()
        polar = labels != 0
        for name, (scores, names) in scored_all.part(positions[part.index].to_numpy()).items():
            predicted = pd.Series(names).map(SIGN).to_numpy()
            rows.append(
                {
                    "corpus": group,
                    "scorer": name,
                    "n": len(part),
                    "n_polar": int(polar.sum()),
                    "spearman": round(float(spearmanr(scores, labels).statistic), 3),
                    "sign_accuracy": _share(predicted[polar] == labels[polar]),
                    "neutral_kept": _share(predicted[~polar] == 0),
                }
            )
    return pd.DataFrame(rows)


def _share(hits: np.ndarray) -> float:
    """The share of true values, rounded; NaN when there are none to count."""
    return round(float(hits.mean()), 3) if len(hits) else float("nan")


def load_hand_labels(path: str | Path) -> pd.DataFrame:
    """Hand-labelled mentions with the mention's offsets inside its sentence."""
    labelled = pd.read_csv(path, dtype={"doc_id": str}, keep_default_na=False)
    labelled["sent_start"] = labelled["sent_offset"]
    labelled["sent_end"] = labelled["sent_offset"] + labelled["end"] - labelled["start"]
    return labelled


def assign_roles(mentions: pd.DataFrame, quote_table: pd.DataFrame) -> pd.DataFrame:
    """Each mention's quote (if any), that quote's speaker, and its role: ``voice`` when
    the actor speaks the quote, ``portrayal`` otherwise."""
    out = mentions.reset_index(drop=True)
    found = (
        pd.merge_asof(
            out[["doc_id", "start", "end"]].reset_index().sort_values("start"),
            quote_table[["doc_id", "start", "end", "quote_id", "speaker_id"]]
            .rename(columns={"start": "q_start", "end": "q_end"})
            .sort_values("q_start"),
            left_on="start",
            right_on="q_start",
            by="doc_id",
            direction="backward",
        )
        .set_index("index")
        .sort_index()
    )
    inside = found["end"] <= found["q_end"]
    out = out.assign(
        quote_id=found["quote_id"].where(inside, "").fillna(""),
        speaker_id=found["speaker_id"].where(inside, "").fillna(""),
    )
    out["role"] = np.where(out["speaker_id"] == out["actor_id"], "voice", "portrayal")
    return out


def _score_batch(scorers: dict, batch: list[tuple]) -> list[tuple]:
    """Per (sentence, start, end) of a batch: the model's raw class probabilities (when a
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

    Every scorer runs in one pass over the mentions, batch by batch on ``engine``; the
    trained model's probabilities are computed once and shared by the trained scorers
    (prior adaptation runs on the gathered batch)."""
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
    scored = np.array(engine.map(partial(_score_batch, scorers), items), dtype=float)
    has_model = any(isinstance(scorer, Trained) for scorer in scorers.values())
    scored = scored.reshape(len(items), 3 * has_model + sum(
        not isinstance(scorer, Trained) for scorer in scorers.values()))  # fmt: skip
    proba, others = scored[:, : 3 * has_model], iter(scored[:, 3 * has_model :].T)
    for name, scorer in scorers.items():
        scores = scorer.scores_from(proba) if isinstance(scorer, Trained) else next(others)
        out[f"score_{name}"] = np.round(scores, 4)
    out["sentiment"] = out[f"score_{chosen}"].where(out["role"] == "portrayal")
    return out


def bootstrap_ci(values, samples: int = BOOTSTRAP_SAMPLES, seed: int = BOOTSTRAP_SEED):
    """95 % percentile bootstrap interval of the mean (NaN below two values)."""
    values = np.asarray(values, dtype=float)
    if len(values) < 2:
        return float("nan"), float("nan")
    means = resampled_means(values, samples, np.random.default_rng(seed))
    return float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5))


def resampled_means(values: np.ndarray, samples: int, rng, block: int = 100) -> np.ndarray:
    """Means of ``samples`` resamples with replacement, drawn ``block`` at a time so
    memory stays small for large groups."""
    means = [
        values[rng.integers(0, len(values), (min(block, samples - done), len(values)))].mean(axis=1)
        for done in range(0, samples, block)
    ]
    return np.concatenate(means)


def bootstrap_intervals(
    groups: list[np.ndarray],
    samples: int = BOOTSTRAP_SAMPLES,
    seed: int = BOOTSTRAP_SEED,
    cells: int = 4_000_000,
    engine: Engine | None = None,
) -> np.ndarray:
    """:func:`bootstrap_ci` of every group, as an (n_groups, 2) array.

    A group's resamples depend only on its size (a fresh generator per group), so the
    groups of one size share one set of resampled indices, applied to all of them at
    once in chunks of about ``cells`` values (drawn values and kept means). The chunks
    run on ``engine`` in batches of about equal cost; the intervals do not depend on where."""
    intervals = np.full((len(groups), 2), np.nan)
    by_size: dict[int, list[int]] = {}
    for index, values in enumerate(groups):
        by_size.setdefault(len(values), []).append(index)
    chunks = []
    for size, members in by_size.items():
        if size < 2:
            continue
        step = max(1, cells // (100 * size + samples))  # draws, and the means kept
        chunks.extend(members[first : first + step] for first in range(0, len(members), step))
    stacked = [np.stack([np.asarray(groups[i], dtype=float) for i in rows]) for rows in chunks]
    found = (engine or Engine()).map(partial(_interval_batch, samples, seed), stacked, batch=1,
                                     costs=[values.size for values in stacked])  # fmt: skip
    for rows, chunk_intervals in zip(chunks, found, strict=True):
        intervals[rows] = chunk_intervals
    return intervals


def _interval_batch(samples: int, seed: int, batch: list[np.ndarray]) -> list[np.ndarray]:
    """Bootstrap intervals of each (groups x size) array of a batch: one set of resampled
    indices per array, from a fresh generator (the same draws for every array of a size)."""
    found = []
    for values in batch:
        size = values.shape[1]
        rng = np.random.default_rng(seed)
        means = np.concatenate(
            [
                values[:, rng.integers(0, size, (min(100, samples - done), size))].mean(axis=2)
                for done in range(0, samples, 100)
            ],
            axis=1,
        )
        found.append(np.percentile(means, [2.5, 97.5], axis=1).T)
    return found


def summarise(
    frame: pd.DataFrame, keys: list[str], value: str, min_mentions: int, engine=None
) -> pd.DataFrame:
    """n, mean and bootstrap interval of ``value`` per ``keys`` group; ``thin`` below
    ``min_mentions``. The intervals are computed on ``engine``."""
    grouped = frame.dropna(subset=[value]).groupby(keys, sort=True)[value]
    table = grouped.agg(n="size", mean="mean").reset_index()
    intervals = bootstrap_intervals([group.to_numpy() for _, group in grouped], engine=engine)
    table["ci_low"], table["ci_high"] = intervals[:, 0], intervals[:, 1]
    table[["mean", "ci_low", "ci_high"]] = table[["mean", "ci_low", "ci_high"]].round(4)
    table["thin"] = table["n"] < min_mentions
    return table[[*keys, "n", "mean", "ci_low", "ci_high", "thin"]]


def actor_sentiment(
    mentions: pd.DataFrame,
    quote_table: pd.DataFrame,
    min_mentions: int,
    kinds,
    scorer: str,
    engine: Engine | None = None,
) -> pd.DataFrame:
    """Per document, actor and role: portrayal from the mentions' ``scorer`` scores,
    voice from the VADER tone of the actor's own quotes (intervals on ``engine``)."""
    portrayal = mentions[(mentions["role"] == "portrayal") & mentions["kind"].isin(kinds)]
    portrayal = portrayal.assign(role="portrayal", scorer=scorer)
    voice = quote_table[quote_table["speaker_id"] != ""].rename(columns={"speaker_id": "actor_id"})
    voice = voice.assign(role="voice", scorer="vader")
    keys = ["doc_id", "actor_id", "role", "scorer"]
    both = pd.concat([portrayal[[*keys, "sentiment"]], voice[[*keys, "sentiment"]]])
    return summarise(both, keys, "sentiment", min_mentions, engine)[ACTOR_SENTIMENT_COLUMNS]


def speaker_targets(mentions: pd.DataFrame, quote_table: pd.DataFrame) -> pd.DataFrame:
    """What each speaker says about each actor: the score of every mention of another
    actor inside the speaker's quotes, and for actors the quote targets from outside
    (``called Zelenskyy a “dictator”``) the quote's own sentiment."""
    said = mentions[(mentions["speaker_id"] != "") & (mentions["role"] == "portrayal")]
    rows = said[["doc_id", "speaker_id", "actor_id", "sentiment"]].rename(
        columns={"actor_id": "target_id"}
    )
    inside = set(zip(said["quote_id"], said["actor_id"], strict=True))
    outside = [
        (q.doc_id, q.speaker_id, target, q.sentiment)
        for q in quote_table[quote_table["speaker_id"] != ""].itertuples(index=False)
        for target in filter(None, q.about.split(";"))
        if (q.quote_id, target) not in inside
    ]
    rows = pd.concat([rows, pd.DataFrame(outside, columns=rows.columns)], ignore_index=True)
    table = (
        rows.groupby(["doc_id", "speaker_id", "target_id"], sort=True)["sentiment"]
        .agg(n="size", mean="mean")
        .reset_index()
    )
    table["mean"] = table["mean"].round(4)
    return table[SPEAKER_TARGET_COLUMNS]


@dataclass
class Sentiment:
    """The tables of the voice-and-portrayal stage."""

    mentions: pd.DataFrame
    quotes: pd.DataFrame
    actor_sentiment: pd.DataFrame
    overall: pd.DataFrame
    speaker_target: pd.DataFrame

    FILES = {
        "mentions": "mentions.csv",
        "quotes": "quotes.csv",
        "actor_sentiment": "actor_sentiment.csv",
        "overall": "actor_sentiment_overall.csv",
        "speaker_target": "speaker_target.csv",
    }

    @property
    def scorer(self) -> str:
        """The scorer behind the portrayal numbers."""
        scorers = self.overall.loc[self.overall["role"] == "portrayal", "scorer"]
        return scorers.iloc[0] if len(scorers) else ""

    def write(self, out_dir: str | Path) -> None:
        out_dir = Path(out_dir)
        out_dir.mkdir(parents=True, exist_ok=True)
        for attribute, name in self.FILES.items():
            getattr(self, attribute).to_csv(out_dir / name, index=False, lineterminator="\n")

    @classmethod
    def read(cls, processed_dir: str | Path) -> "Sentiment":
        return cls(
            **{
                attribute: pd.read_csv(
                    Path(processed_dir) / name,
                    dtype={"doc_id": str, "speaker_id": str, "quote_id": str, "about": str},
                    keep_default_na=False,
                    na_values={"sentiment": [""], "mean": [""], "ci_low": [""], "ci_high": [""]},
                )
                for attribute, name in cls.FILES.items()
            }
        )


def counted_kinds(include_demonyms: bool) -> list[str]:
    """Mention kinds that count, as in the mentions stage."""
    return ["name", "title", "metonym", *(["demonym"] if include_demonyms else [])]


def quote_overview(quote_table: pd.DataFrame) -> pd.DataFrame:
    """Quotes and quoted words per document, and how many have a known speaker."""
    table = quote_table.assign(
        words=quote_table["text"].str.split().str.len(), known=quote_table["speaker_id"] != ""
    )
    return (
        table.groupby("doc_id", sort=True)
        .agg(n_quotes=("quote_id", "size"), n_words=("words", "sum"), n_known=("known", "sum"),
             n_speakers=("speaker_id", lambda s: s[s != ""].nunique()))
        .reset_index()
    )  # fmt: skip


def analyse(
    corpus: Corpus,
    found: Mentions,
    actors_file,
    scorer: str = "trained_adapted",
    min_mentions: int = 3,
    include_demonyms: bool = False,
    engine: Engine | None = None,
) -> Sentiment:
    """Every table of the stage for an ingested corpus and its mentions."""
    if scorer not in SCORERS:
        raise ScorerError(f"unknown scorer {scorer!r}; choose from {', '.join(SCORERS)}")
    neutral = actor_name_words(actors_file)
    scorers = {name: make_scorer(name, neutral) for name in SCORERS}
    quote_table = quotes.extract_quotes(corpus.texts, corpus.sentences, found.mentions,
                                        found.actors, engine)  # fmt: skip
    quote_table["sentiment"] = quote_tones(quote_table, scorers["vader"], engine)
    roles = assign_roles(found.mentions[MENTION_COLUMNS], quote_table)
    scored = score_mentions(roles, corpus.sentences, scorers, scorer, engine)
    kinds = counted_kinds(include_demonyms)
    per_doc = actor_sentiment(scored, quote_table, min_mentions, kinds, scorer, engine)
    overall = actor_sentiment(scored.assign(doc_id="all"), quote_table.assign(doc_id="all"),
                              min_mentions, kinds, scorer, engine).drop(columns="doc_id")  # fmt: skip
    return Sentiment(
        mentions=scored,
        quotes=quote_table,
        actor_sentiment=per_doc,
        overall=overall,
        speaker_target=speaker_targets(scored, quote_table),
    )


def run(
    actors_file: str,
    scorer: str = "trained_adapted",
    min_mentions: int = 3,
    include_demonyms: bool = False,
    processed_dir: str = "data/processed",
    engine: Engine | None = None,
) -> Sentiment:
    """The stage as notebook 03 calls it: read corpus and mentions, write the tables."""
    processed = config.output_path(processed_dir)
    result = analyse(
        Corpus.read(processed),
        Mentions.read(processed),
        config.input_path(actors_file),
        scorer,
        min_mentions,
        include_demonyms,
        engine,
    )
    result.write(processed)
    return result


def voice_share(quote_table: pd.DataFrame, labels: dict, top_n: int = 8) -> pd.DataFrame:
    """Per document and speaker: quotes, quoted words and the share of the document's
    quoted words. Speakers beyond the ``top_n`` most quoted are grouped as "others"."""
    words = quote_table["text"].str.split().str.len()
    speaker = quote_table["speaker_id"].map(labels).fillna("").replace("", "unknown")
    ranked = words.groupby(speaker).sum().drop("unknown", errors="ignore")
    keep = set(ranked.sort_values(ascending=False).head(top_n).index) | {"unknown"}
    table = (
        pd.DataFrame(
            {
                "doc_id": quote_table["doc_id"],
                "speaker": speaker.where(speaker.isin(keep), "others"),
                "n_words": words,
            }
        )  # fmt: skip
        .groupby(["doc_id", "speaker"], sort=True)["n_words"]
        .agg(n_quotes="size", n_words="sum")
        .reset_index()
    )
    table["share"] = (table["n_words"] / table.groupby("doc_id")["n_words"].transform("sum")).round(
        4
    )
    return table


def scorer_comparison(mentions: pd.DataFrame, labels: dict, kinds) -> pd.DataFrame:
    """Mean portrayal per actor under each scorer, side by side, most scored first."""
    portrayal = mentions[(mentions["role"] == "portrayal") & mentions["kind"].isin(kinds)]
    columns = [f"score_{name}" for name in SCORERS]
    table = portrayal.groupby("actor_id")[columns].agg(["size", "mean"])
    out = pd.DataFrame({"actor_id": table.index, "n": table[(columns[0], "size")].to_numpy()})
    for name, column in zip(SCORERS, columns, strict=True):
        out[name] = table[(column, "mean")].round(3).to_numpy()
    out.insert(1, "label", out["actor_id"].map(labels))
    return out.sort_values(["n", "actor_id"], ascending=[False, True]).reset_index(drop=True)
