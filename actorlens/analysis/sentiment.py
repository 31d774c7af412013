"""Voice and portrayal, the stage of notebook 03: every attribution found and toned
(:mod:`actorlens.attribution.extract`: direct quotes and reported speech), every mention scored,
then averaged per document and actor.

Portrayal is the score (:mod:`actorlens.scoring.scorers`) of the narrative's own mentions
(:mod:`actorlens.attribution.roles`); voice is the tone of what the actor is reported to say, in the
kinds of speech the ``speech`` parameter picks (direct, reported or both).
Per document and actor the scores are averaged with a bootstrap confidence interval
(:mod:`actorlens.analysis.resampling`); cells with fewer than ``min_cell_scores`` scores are marked
thin. The scorers' checks against hand labels are in :mod:`actorlens.evaluation.validation`, the
tables the notebook shows in :mod:`actorlens.analysis.overview`.
"""

import dataclasses
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from actorlens.analysis.resampling import summarise
from actorlens.attribution.extract import extract_attributions, voiced
from actorlens.attribution.roles import assign_roles
from actorlens.core import config, stages, tables
from actorlens.core.engine import Engine
from actorlens.core.parameters import default
from actorlens.corpus.ingest import Corpus
from actorlens.mentions.count import Mentions
from actorlens.scoring.scorers import (
    SCORERS,
    ScorerError,
    actor_name_words,
    make_scorer,
    quote_tones,
    score_mentions,
)

# A scored mention: the mention, then its role, each scorer's score and the chosen one.
SCORED_MENTION_COLUMNS = [*tables.SCHEMAS["mentions"].names,
                          *(c for c in tables.SCHEMAS["mention_scores"].names
                            if c not in tables.MENTION_KEY)]  # fmt: skip


def actor_sentiment(
    mentions: pd.DataFrame,
    quote_table: pd.DataFrame,
    min_cell_scores: int,
    kinds,
    scorer: str,
    engine: Engine | None = None,
) -> pd.DataFrame:
    """Per document, actor and role: portrayal from the ``scorer`` scores of the
    narrative's own mentions (outside attributions), voice from the VADER tone of the
    actor's own attributions in ``quote_table`` (intervals on ``engine``)."""
    portrayal = mentions[(mentions["role"] == "portrayal") & mentions["kind"].isin(kinds)]
    portrayal = portrayal.assign(role="portrayal", scorer=scorer)
    voice = quote_table.rename(columns={"speaker_id": "actor_id"})
    voice = voice.assign(role="voice", scorer="vader")
    keys = ["doc_id", "actor_id", "role", "scorer"]
    both = pd.concat([portrayal[[*keys, "sentiment"]], voice[[*keys, "sentiment"]]])
    columns = tables.SCHEMAS["actor_sentiment"].names
    return summarise(both, keys, "sentiment", min_cell_scores, engine)[columns]


def speaker_targets(mentions: pd.DataFrame, quote_table: pd.DataFrame) -> pd.DataFrame:
    """What each speaker says about each actor: the score of every mention of another
    actor inside the speaker's attributions (those of ``quote_table``), and for actors
    the quote targets from outside
    (``called Zelenskyy a “dictator”``) the quote's own sentiment."""
    said = mentions[
        (mentions["role"] == "quoted") & mentions["attr_id"].isin(quote_table["attr_id"])
    ]
    rows = said[["doc_id", "speaker_id", "actor_id", "sentiment"]].rename(
        columns={"actor_id": "target_id"}
    )
    inside = set(zip(said["attr_id"], said["actor_id"], strict=True))
    outside = [
        (q.doc_id, q.speaker_id, target, q.sentiment)
        for q in quote_table[quote_table["speaker_id"] != ""].itertuples(index=False)
        for target in filter(None, q.about.split(";"))
        if (q.attr_id, target) not in inside
    ]
    # typed even when empty: concatenated with an untyped frame, the scores turn into objects
    outside = pd.DataFrame(outside, columns=rows.columns).astype({"sentiment": "float64"})
    rows = pd.concat([rows, outside], ignore_index=True)
    table = (
        rows.groupby(["doc_id", "speaker_id", "target_id"], sort=True)["sentiment"]
        .agg(n="size", mean="mean")
        .reset_index()
    )
    table["mean"] = table["mean"].round(4)
    return table[tables.SCHEMAS["speaker_target"].names]


@dataclass
class Sentiment(tables.TableSet):
    """The tables of the voice-and-portrayal stage."""

    mentions: pd.DataFrame
    attributions: pd.DataFrame
    actor_sentiment: pd.DataFrame
    overall: pd.DataFrame
    speaker_target: pd.DataFrame

    TABLES = {
        "attributions": "attributions",
        "actor_sentiment": "actor_sentiment",
        "overall": "actor_sentiment_overall",
        "speaker_target": "speaker_target",
    }

    @property
    def scorer(self) -> str:
        """The scorer behind the portrayal numbers."""
        scorers = self.overall.loc[self.overall["role"] == "portrayal", "scorer"]
        return scorers.iloc[0] if len(scorers) else ""

    def write(self, out_dir: str | Path) -> dict[str, str]:
        """Every table; the mentions' roles and scores as ``mention_scores`` (keyed by the
        mention: the mentions table itself belongs to notebook 02)."""
        scores = self.mentions[tables.SCHEMAS["mention_scores"].names]
        return {
            **super().write(out_dir),
            "mention_scores": tables.write("mention_scores", scores, out_dir),
        }

    @classmethod
    def read(cls, processed_dir: str | Path) -> "Sentiment":
        """The tables, ``mentions`` joined from the mentions and their scores."""
        found = tables.read("mentions", processed_dir)
        scores = tables.read("mention_scores", processed_dir)
        joined = found.merge(scores, on=tables.MENTION_KEY, how="left", validate="one_to_one")
        return cls(mentions=joined[SCORED_MENTION_COLUMNS],
                   **{attribute: tables.read(name, processed_dir)
                      for attribute, name in cls.TABLES.items()})  # fmt: skip


def counted_kinds(include_demonyms: bool) -> list[str]:
    """Mention kinds that count, as in the mentions stage."""
    return ["name", "title", "metonym", *(["demonym"] if include_demonyms else [])]


def analyse(
    corpus: Corpus, found: Mentions, *, engine: Engine | None = None, **parameters
) -> Sentiment:
    """Every table of the stage for an ingested corpus and its mentions under the
    ``parameters`` of its settings (:func:`actorlens.core.stages.settings`, by name; the
    declared defaults for the rest)."""
    given = stages.settings("voice", **parameters)
    if given.scorer not in SCORERS:
        raise ScorerError(f"unknown scorer {given.scorer!r}; choose from {', '.join(SCORERS)}")
    neutral = actor_name_words(config.input_path(given.actors_file))
    scorers = {name: make_scorer(name, neutral) for name in SCORERS}
    quote_table = extract_attributions(corpus.texts, corpus.sentences, found.mentions,
                                        found.actors, engine)  # fmt: skip
    quote_table["sentiment"] = quote_tones(quote_table, scorers["vader"], engine)
    spoken = voiced(quote_table, given.speech)
    roles = assign_roles(found.mentions[tables.SCHEMAS["mentions"].names], quote_table)
    scored = score_mentions(roles, corpus.sentences, scorers, given.scorer, engine)
    kinds = counted_kinds(given.include_demonyms)
    cells = given.min_cell_scores
    per_doc = actor_sentiment(scored, spoken, cells, kinds, given.scorer, engine)
    overall = actor_sentiment(scored.assign(doc_id="all"), spoken.assign(doc_id="all"),
                              cells, kinds, given.scorer, engine).drop(columns="doc_id")  # fmt: skip
    return Sentiment(
        mentions=scored[SCORED_MENTION_COLUMNS],
        attributions=quote_table,
        actor_sentiment=per_doc,
        overall=overall,
        speaker_target=speaker_targets(scored, spoken),
    )


def run(
    processed_dir: str = default("processed_dir"), engine: Engine | None = None, **parameters
) -> Sentiment:
    """The stage as notebook 03 calls it: read corpus and mentions, write the tables,
    under the ``parameters`` of its settings (by name)."""
    given = stages.settings("voice", **parameters)
    processed = config.output_path(processed_dir)
    inputs = stages.check_inputs("voice", processed)
    result = analyse(Corpus.read(processed), Mentions.read(processed), engine=engine,
                     **parameters)  # fmt: skip
    recorded = dataclasses.asdict(given)
    stages.record("voice", processed, result.write(processed), inputs, recorded)
    return result
