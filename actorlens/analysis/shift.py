"""Stance shift: how each actor's portrayal and voice move across the ordered documents.

Documents are ordered by ``order_by`` (a documents column, then doc_id) and grouped
into periods (each document, or by day, week or month of its date). Per period, actor
and role the scores of notebook 03 are averaged with a bootstrap interval. The shift from
one period to another is the difference of means with documents as the unit of evidence:
a cluster-bootstrap interval over documents (over sentences when an end has fewer than
``min_docs`` documents, and then it holds for those articles only), a permutation of
whole documents between the ends, and Benjamini-Hochberg q-values across every tested
pair (:mod:`actorlens.analysis.resampling`, fixed seeds), in one family with the trend of
each pair over all periods (:mod:`actorlens.analysis.trend`). The summary
(:mod:`actorlens.report.summary`) calls a shift only when it is tested, its q-value is below
0.05, its interval excludes zero and every scorer agrees on its sign; periods with fewer
than ``min_cell_scores`` scores are marked thin. The words that set each actor's last
period apart from its first: :mod:`actorlens.analysis.keyness`.
"""

import dataclasses
from dataclasses import dataclass

import numpy as np
import pandas as pd

from actorlens.analysis.keyness import keyness
from actorlens.analysis.resampling import permutation_batch, q_values, summarise
from actorlens.analysis.sentiment import Sentiment, counted_kinds
from actorlens.analysis.trend import corrected, trends
from actorlens.attribution.extract import voiced
from actorlens.core import config, stages
from actorlens.core.engine import Engine
from actorlens.core.parameters import default
from actorlens.core.tables import SCHEMAS, TableSet, frame, score_columns
from actorlens.corpus.ingest import Corpus
from actorlens.mentions.count import Mentions
from actorlens.scoring.scorers import NEUTRAL_BAND, neutral_band
from actorlens.scoring.stance import stance_of, stance_reader, through_affiliation

PERIODS = ("doc", "day", "week", "month")
EVIDENCE_PER_END = 2


class ShiftParameterError(ValueError):
    """A shift parameter (order, period, from or to period) cannot be used."""


def document_periods(documents: pd.DataFrame, order_by: str = "date", period: str = "doc"):
    """doc_id, period label and period rank of every document, in order. Undated
    documents have no period when grouping by date: their label is empty and their rank
    -1 (they are left out of the analysis and counted in the summary)."""
    if period not in PERIODS:
        raise ShiftParameterError(f"period must be one of {', '.join(PERIODS)}, got {period!r}")
    if order_by not in documents.columns:
        raise ShiftParameterError(
            f"order_by {order_by!r} is not a documents column ({', '.join(documents.columns)})"
        )
    table = documents.assign(_key=documents[order_by].replace("", np.nan))
    table = table.sort_values(["_key", "doc_id"], na_position="last", kind="stable")
    if period == "doc":
        labels = table["doc_id"]
    else:
        dates = pd.to_datetime(table["date"].replace("", np.nan), format="%Y-%m-%d")
        formats = {"day": "%Y-%m-%d", "week": "%G-W%V", "month": "%Y-%m"}
        labels = dates.dt.strftime(formats[period])
    table = table.assign(period=labels.fillna(""))[["doc_id", "period"]]
    order = {label: rank for rank, label in enumerate(dict.fromkeys(table["period"]))
             if label}  # fmt: skip
    ranks = table["period"].map(order).fillna(-1).astype("int64")
    return table.assign(rank=ranks).reset_index(drop=True)


def scored_units(result: Sentiment, periods: pd.DataFrame, kinds,
                 quoted_portrayal: bool = False, speech: str = "all") -> pd.DataFrame:  # fmt: skip
    """One row per score: portrayal mentions (the narrative's own, and with
    ``quoted_portrayal`` also those inside other people's words) and the actor's own
    attributions of the ``speech`` kinds (voice), with their period, document, place in the text, the sentence or quote
    behind them and each scorer's score (a quote's tone is its one score)."""
    mentions = result.mentions
    roles = ["portrayal", "quoted"] if quoted_portrayal else ["portrayal"]
    kept = mentions["role"].isin(roles) & mentions["kind"].isin(kinds)
    portrayal = mentions[kept].dropna(subset=["sentiment"])
    portrayal = portrayal.assign(
        role="portrayal", where=portrayal["sent_id"].map("sentence {}".format)
    )
    voice = voiced(result.attributions, speech)
    voice = voice.assign(role="voice", actor_id=voice["speaker_id"], where=voice["attr_id"],
                         **{column: voice["sentiment"] for column in score_columns()})  # fmt: skip
    columns = ["doc_id", "actor_id", "role", "where", "start", "sentiment", *score_columns()]
    units = pd.concat([portrayal[columns], voice[columns]], ignore_index=True)
    return units.merge(periods, on="doc_id", how="inner")


def trajectory(units: pd.DataFrame, min_cell_scores: int, engine: Engine | None = None,
               portrayal_band: float = NEUTRAL_BAND):  # fmt: skip
    """Per period, actor and role: the mean score with its bootstrap interval (computed on
    ``engine``), how many scores, sentences (or quotes) and documents it rests on, the
    shares of negative and of positive scores (beyond the neutral band: the portrayal
    scorer's ``portrayal_band`` for portrayal, ±0.05 for the rest) and net tone (their
    difference); periods in order."""
    keys = ["rank", "period", "actor_id", "role"]
    table = summarise(units, keys, "sentiment", min_cell_scores, engine)
    scored = units.dropna(subset=["sentiment"])
    band = np.where(scored["role"] == "portrayal", portrayal_band, NEUTRAL_BAND)
    counts = scored.assign(
        sentence=scored["doc_id"] + "/" + scored["where"],
        negative=scored["sentiment"] <= -band,
        positive=scored["sentiment"] >= band,
    ).groupby(keys, sort=True).agg(
        n_sentences=("sentence", "nunique"), n_documents=("doc_id", "nunique"),
        share_negative=("negative", "mean"), share_positive=("positive", "mean"),
    ).reset_index()  # fmt: skip
    counts["net_tone"] = counts["share_positive"] - counts["share_negative"]
    shares = ["share_negative", "share_positive", "net_tone"]
    counts[shares] = counts[shares].round(4)
    table = table.merge(counts, on=keys, how="left")
    columns = SCHEMAS["stance_trajectory"].names
    return table.sort_values(["rank", "actor_id", "role"])[columns].reset_index(drop=True)


def resolve_ends(periods: pd.DataFrame, from_period: str = "", to_period: str = ""):
    """The from and to period labels: the first and last unless given."""
    labels = list(dict.fromkeys(periods.loc[periods["rank"] >= 0, "period"]))
    if not labels:
        raise ShiftParameterError("no document has a period (are the documents dated?)")
    chosen = [str(from_period) or labels[0], str(to_period) or labels[-1]]
    if from_period and chosen[0] == chosen[1]:
        raise ShiftParameterError(f"from_period and to_period are the same period ({chosen[0]!r})")
    for name, label in zip(("from_period", "to_period"), chosen, strict=True):
        if label not in labels:
            raise ShiftParameterError(
                f"{name} {label!r} is not a period of this corpus (first {labels[0]!r}, "
                f"last {labels[-1]!r})"
            )
    return chosen[0], chosen[1]


def shifts(units: pd.DataFrame, from_label: str, to_label: str, min_shift_mentions: int,
           min_docs: int, engine: Engine | None = None):  # fmt: skip
    """One row per actor and role seen at both ends. Documents are the unit: with at
    least ``min_docs`` documents at each end the interval resamples documents, else
    sentences (or quotes), and then the comparison holds for those articles only. A pair
    is tested (permutation of whole documents, Benjamini-Hochberg q-value across every
    tested pair) only with ``min_shift_mentions`` scores from ``min_docs`` documents at
    each end. ``same_sign``: every scorer's difference has the sign of the chosen one.
    Tested pairs first, then by the size of the difference; the resampling runs on
    ``engine``."""
    rows, items = [], []
    ends = units[units["period"].isin([from_label, to_label])]
    for (actor_id, role), group in ends.groupby(["actor_id", "role"], sort=True):
        before, after = group[group["period"] == from_label], group[group["period"] == to_label]
        if before.empty or after.empty:
            continue
        docs = before["doc_id"].nunique(), after["doc_id"].nunique()
        by_document = min(docs) >= min_docs
        tested = by_document and min(len(before), len(after)) >= min_shift_mentions
        cluster = (lambda side: side["doc_id"]) if by_document else (
            lambda side: side["doc_id"] + "/" + side["where"])  # fmt: skip
        items.append(((before["sentiment"].to_numpy(float), cluster(before).to_numpy()),
                      (after["sentiment"].to_numpy(float), cluster(after).to_numpy()), tested))  # fmt: skip
        signs = {np.sign(after[c].mean() - before[c].mean()) for c in score_columns()}
        rows.append([actor_id, role, from_label, to_label, before["sentiment"].mean(),
                     after["sentiment"].mean(), len(before), len(after), *docs,
                     "documents" if by_document else "sentences", tested,
                     len(signs) == 1 and 0 not in signs])  # fmt: skip
    found = (engine or Engine()).map(permutation_batch, items, batch=1,
                                     costs=[len(b[0]) + len(a[0]) for b, a, _ in items])  # fmt: skip
    described = frame("stance_shift", rows,
                      ["actor_id", "role", "from_period", "to_period", "from_mean", "to_mean",
                       "n_from", "n_to", "docs_from", "docs_to", "unit", "tested", "same_sign"])  # fmt: skip
    tests = pd.DataFrame(found, columns=["delta", "ci_low", "ci_high", "p_value"], dtype=float)
    table = pd.concat([described, tests], axis=1)
    table["q_value"] = q_values(table["p_value"])
    rounded = ["from_mean", "to_mean", "delta", "ci_low", "ci_high", "p_value", "q_value"]
    table[rounded] = table[rounded].astype(float).round(4)
    order = table.assign(size=-table["delta"].abs(), untested=~table["tested"].astype(bool))
    columns = SCHEMAS["stance_shift"].names
    return order.sort_values(["untested", "size", "actor_id", "role"])[columns].reset_index(
        drop=True
    )


def called_shifts(shift_table: pd.DataFrame, level: float = 0.05) -> pd.DataFrame:
    """The shifts a reader may be told of: tested, q-value below ``level``, an interval
    that excludes zero, and the same sign under every scorer."""
    table = shift_table
    excludes = (table["ci_low"] > 0) | (table["ci_high"] < 0)
    return table[table["tested"] & (table["q_value"] < level) & excludes & table["same_sign"]]


def evidence(
    units: pd.DataFrame, shift_table: pd.DataFrame, texts: dict, per_end: int = EVIDENCE_PER_END
):
    """For each shift with an interval, the scores that pull each end most: at the from
    end the ones furthest against the shift's direction, at the to end the furthest
    along it."""
    rows = []
    for s in shift_table[shift_table["ci_low"].notna()].itertuples(index=False):
        direction = 1 if s.delta >= 0 else -1
        mine = units[(units["actor_id"] == s.actor_id) & (units["role"] == s.role)]
        for end, label, sign in (
            ("from", s.from_period, -direction),
            ("to", s.to_period, direction),
        ):
            side = mine[mine["period"] == label]
            top = side.assign(pull=side["sentiment"] * sign).nlargest(per_end, "pull")
            for u in top.itertuples(index=False):
                rows.append([s.actor_id, s.role, end, label, u.doc_id, u.where, round(u.sentiment, 4),
                             texts.get((u.doc_id, u.where), "")])  # fmt: skip
    return frame("shift_evidence", rows)


class SourceTexts:
    """(doc_id, where) -> the sentence or quote a score comes from, looked up on demand:
    evidence needs a handful of texts, and an index of every sentence of a large corpus
    would cost hundreds of MB."""

    def __init__(self, sentences: pd.DataFrame, quotes: pd.DataFrame):
        self.sentences, self.quotes = sentences, quotes

    def get(self, key: tuple[str, str], default: str = "") -> str:
        doc_id, where = key
        if where.startswith("sentence "):
            table, column, value = self.sentences, "sent_id", int(where.split()[1])
        else:
            table, column, value = self.quotes, "attr_id", where
        found = table.loc[(table["doc_id"] == doc_id) & (table[column] == value), "text"]
        return found.iloc[0] if len(found) else default


def evidence_texts(corpus: Corpus, result: Sentiment) -> SourceTexts:
    """The sentences and quotes that scores of ``corpus`` come from."""
    return SourceTexts(corpus.sentences, result.attributions)


def stance_units(table: pd.DataFrame, sentences: pd.DataFrame, periods: pd.DataFrame):
    """One scored unit per stance row of a speaker actor, its role ``stance: <target>``,
    placed at its sentence (one scorer: the stance score fills every score column)."""
    rows = table[table["speaker_id"] != ""].merge(
        sentences[["doc_id", "sent_id", "start"]], on=["doc_id", "sent_id"], how="left")  # fmt: skip
    where = rows["attr_id"].where(rows["attr_id"] != "", "sentence " + rows["sent_id"].astype(str))
    units = rows.assign(actor_id=rows["speaker_id"], role="stance: " + rows["target"],
                        where=where, sentiment=rows["score"],
                        **{column: rows["score"] for column in score_columns()})  # fmt: skip
    columns = ["doc_id", "actor_id", "role", "where", "start", "sentiment", *score_columns()]
    return units[columns].merge(periods, on="doc_id", how="inner")


@dataclass
class Shift(TableSet):
    """The tables of the stance-shift stage."""

    periods: pd.DataFrame
    trajectory: pd.DataFrame
    shift: pd.DataFrame
    evidence: pd.DataFrame
    stance: pd.DataFrame
    trend: pd.DataFrame = dataclasses.field(default_factory=lambda: frame("stance_trend"))
    keyness: pd.DataFrame = dataclasses.field(default_factory=lambda: frame("keyness"))

    TABLES = {
        "periods": "document_periods",
        "trajectory": "stance_trajectory",
        "shift": "stance_shift",
        "trend": "stance_trend",
        "evidence": "shift_evidence",
        "stance": "stance",
        "keyness": "keyness",
    }


def analyse(
    corpus: Corpus,
    result: Sentiment,
    *,
    engine: Engine | None = None,
    actors: pd.DataFrame | None = None,
    **parameters,
) -> Shift:
    """Every table of the stage under the ``parameters`` of its settings
    (:func:`actorlens.core.stages.settings`, by name; the declared defaults for the rest); the
    resampling runs on ``engine``. With the ``actors`` table, a state's stance includes
    what its officials say (:func:`actorlens.scoring.stance.through_affiliation`)."""
    given = stages.settings("shift", **parameters)
    all_periods = document_periods(corpus.documents, given.order_by, given.period)
    periods = all_periods[all_periods["rank"] >= 0]
    from_label, to_label = resolve_ends(periods, given.from_period, given.to_period)
    spoken = voiced(result.attributions, given.speech)
    said = stance_of(spoken, corpus.texts, corpus.sentences, result.mentions, given.target_terms,
                     model=stance_reader(given.stance_scorer))  # fmt: skip
    if actors is not None:
        said = through_affiliation(said, actors)
    units = scored_units(result, periods, counted_kinds(given.include_demonyms),
                         given.quoted_portrayal, given.speech)  # fmt: skip
    stances = stance_units(said, corpus.sentences, periods)
    # concatenated with an empty frame, the score columns would turn into objects
    parts = [part for part in (units, stances) if len(part)]
    units = pd.concat(parts, ignore_index=True) if len(parts) == 2 else (parts or [units])[0]
    compared = units if from_label != to_label else units.iloc[:0]  # one period: no shift
    shift_table = shifts(compared, from_label, to_label, given.min_shift_mentions,
                         given.min_docs, engine)  # fmt: skip
    trend_table = trends(units, given.min_shift_mentions, given.min_docs, engine)
    shift_table, trend_table = corrected(shift_table, trend_table)  # one family of tests
    return Shift(
        periods=all_periods,
        trajectory=trajectory(units, given.min_cell_scores, engine, neutral_band(result.scorer)),
        shift=shift_table,
        evidence=evidence(units, shift_table, evidence_texts(corpus, result)),
        stance=said,
        trend=trend_table,
        keyness=keyness(result.mentions, corpus.sentences, periods, from_label, to_label),
    )


def run(
    processed_dir: str = default("processed_dir"), engine: Engine | None = None, **parameters
) -> Shift:
    """The stage as notebook 04 calls it: read the earlier tables, write the shift tables
    under the ``parameters`` of its settings (by name)."""
    given = stages.settings("shift", **parameters)
    processed = config.output_path(processed_dir)
    inputs = stages.check_inputs("shift", processed)
    result = analyse(Corpus.read(processed), Sentiment.read(processed), engine=engine,
                     actors=Mentions.read(processed).actors, **parameters)  # fmt: skip
    recorded = dataclasses.asdict(given)
    stages.record("shift", processed, result.write(processed), inputs, recorded)
    return result
