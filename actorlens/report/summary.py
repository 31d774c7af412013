"""The summary in plain words that opens the front page and notebook 04: from the tables of the
stance-shift stage, the shifts that may be called (:func:`actorlens.analysis.shift.called_shifts`)
with their numbers, interval and one evidence sentence, or that no shift is clear and the
differences with the most evidence behind them (:func:`by_evidence`), descriptive only; then
the trend over all periods (:func:`trend_lines`) and how many documents are left out."""

import textwrap

import pandas as pd

from actorlens.analysis.first_screen import FirstScreen
from actorlens.analysis.shift import Shift, called_shifts
from actorlens.analysis.trend import called_trends


def findings(result: Shift, labels: dict, top: int = 3) -> list[str]:
    """The lines of the summary of ``result``, actors named by ``labels``: at most ``top``
    called shifts, or as many of the differences with the most evidence, then the coverage."""
    periods, shift_table = result.periods, result.shift
    undated = int((periods["rank"] < 0).sum())
    coverage = (
        [f"{undated} of {len(periods)} documents are undated and left out of the "
         "periods."] if undated else []
    )  # fmt: skip
    labels_seen = periods.loc[periods["rank"] >= 0, "period"].unique()
    if len(labels_seen) == 1:
        return [f"Every document in the analysis falls in one period ({labels_seen[0]}): "
                "there is no shift to measure.", *coverage]  # fmt: skip
    if result.trajectory.empty:
        return ["No actor has a score in any period (no actor of the actors file is "
                "mentioned, nor quoted as a speaker): there is no shift to measure.",
                *coverage]  # fmt: skip
    if shift_table.empty:
        return ["No actor has scores in both the first and the last period.",
                *trend_lines(result.trend, labels, top), *coverage]  # fmt: skip
    first = shift_table.iloc[0]
    docs = periods.groupby("period")["doc_id"].nunique()
    lines = [f"From period {first['from_period']} ({_documents(docs.get(first['from_period'], 0))}) "
             f"to period {first['to_period']} ({_documents(docs.get(first['to_period'], 0))}):"]  # fmt: skip
    called = called_shifts(shift_table)
    for s in called.head(top).itertuples(index=False):
        verb = "more positive" if s.delta > 0 else "more negative"
        lines.append(
            f"{labels.get(s.actor_id, s.actor_id)} ({s.role}) became {verb}: "
            f"{_end(s.from_mean, s.n_from, s.docs_from)} -> {_end(s.to_mean, s.n_to, s.docs_to)}, "
            f"delta {s.delta:+.2f}, 95% CI [{s.ci_low:+.2f}, {s.ci_high:+.2f}] over documents, "
            f"permutation p={s.p_value:.3f}, q={s.q_value:.3f}; the same sign under every "
            f"scorer.{_example(result.evidence, s)}"
        )
    if called.empty:
        lines.append(_no_clear_shift(shift_table))
        rest = by_evidence(shift_table)
        if len(rest):
            lines.append(
                "Differences with the most evidence at both ends (documents, then "
                "scores), descriptive only:"
            )
        for s in rest.head(top).itertuples(index=False):
            lines.append(f"{labels.get(s.actor_id, s.actor_id)} ({s.role}): "
                         f"{_end(s.from_mean, s.n_from, s.docs_from)} -> "
                         f"{_end(s.to_mean, s.n_to, s.docs_to)}, delta {s.delta:+.2f}"
                         f"{_interval(s)}.")  # fmt: skip
    return lines + trend_lines(result.trend, labels, top) + coverage


def trend_lines(trend_table: pd.DataFrame, labels: dict, top: int = 3) -> list[str]:
    """The trend over all periods of at most ``top`` actor-role pairs, those that may be
    called (:func:`actorlens.analysis.trend.called_trends`) first, then those with the most
    documents: the slope (three decimals: a month's change is small) with its interval and
    test, or "no clear trend" with the documents it rests on. Nothing without a pair scored in three periods."""
    if trend_table.empty:
        return []
    called = trend_table.index.isin(called_trends(trend_table).index)
    shown = trend_table.assign(called=called).sort_values(["called", "docs", "n"], ascending=False,
                                                          kind="stable")  # fmt: skip
    lines = ["Trend over all periods (change in the score per period, documents as the unit):"]
    for t in shown.head(top).itertuples(index=False):
        name = f"{labels.get(t.actor_id, t.actor_id)} ({t.role})"
        spread = (f"{_documents(t.docs)} in {t.n_periods} periods from {t.first_period} to "
                  f"{t.last_period}, n={t.n}")  # fmt: skip
        interval = f"95% CI [{t.ci_low:+.3f}, {t.ci_high:+.3f}] over documents"
        if t.called:
            verb = "rose" if t.slope > 0 else "fell"
            lines.append(f"{name} {verb} by {t.slope:+.3f} per period ({spread}), {interval}, "
                         f"permutation p={t.p_value:.3f}, q={t.q_value:.3f}.")  # fmt: skip
        elif t.tested:
            lines.append(f"{name}: no clear trend ({spread}): slope {t.slope:+.3f} per period, "
                         f"{interval}, q={t.q_value:.3f}.")  # fmt: skip
        else:
            lines.append(f"{name}: no clear trend, too few documents to test ({spread}).")
    return lines


def by_evidence(shift_table: pd.DataFrame) -> pd.DataFrame:
    """The shifts ranked by the evidence they rest on: the documents at the end with fewer,
    then the scores at the end with fewer, most first; ties by the size of the change."""
    ranked = shift_table.assign(
        docs=-shift_table[["docs_from", "docs_to"]].min(axis=1),
        scores=-shift_table[["n_from", "n_to"]].min(axis=1),
        size=-shift_table["delta"].abs(),
    )
    return ranked.sort_values(["docs", "scores", "size"], kind="stable")[shift_table.columns]


def stance_coverage(screen: FirstScreen) -> str:
    """One line on how much of the first screen's stance cells rest on any reading."""
    if not screen.targets:
        return "No stance target was set: the table shows portrayal only."
    if not screen.stance_cells:
        return "No actor has a score in any period: there is no stance to show."
    share = screen.stance_cells_found / screen.stance_cells
    return (
        f"Stance coverage: {screen.stance_cells_found} of {screen.stance_cells} actor x period "
        f"cells of these {len(screen.actors)} actors ({share:.0%}) have any stance reading "
        f"(targets: {', '.join(screen.targets)}); the rest are not found, not neutral."
    )


def _example(evidence: pd.DataFrame, s) -> str:
    """The first evidence text at the to end of the shift ``s``, shortened, with its document."""
    quote = evidence[(evidence["actor_id"] == s.actor_id) & (evidence["role"] == s.role)
                     & (evidence["end"] == "to")]  # fmt: skip
    if quote.empty:
        return ""
    text = textwrap.shorten(str(quote.iloc[0]["text"]), 220, placeholder=" …")
    return f' Example ({quote.iloc[0]["doc_id"]}): "{text}"'


def _no_clear_shift(shift_table: pd.DataFrame) -> str:
    """Why no shift is called: none of the tested pairs passes, or none could be tested."""
    tested = int(shift_table["tested"].sum())
    if tested:
        pairs = "pair" if tested == 1 else "pairs"
        return (f"No shift is clear at this sample size: of {tested} tested actor-role "
                f"{pairs}, none has a q-value below "
                "0.05, an interval that excludes zero and the same sign under every "
                "scorer.")  # fmt: skip
    return ("No shift can be tested: no actor-role pair has enough scores from enough "
            "documents at each end (min_shift_mentions, min_docs). Differences between "
            "single articles describe those articles, not a trend.")  # fmt: skip


def _documents(n: int) -> str:
    return f"{n} {'document' if n == 1 else 'documents'}"


def _end(mean: float, n: int, docs: int) -> str:
    return f"{mean:+.2f} (n={n}, {_documents(docs)})"


def _interval(s) -> str:
    if pd.isna(s.ci_low):
        return ""
    over = ("documents" if s.unit == "documents"
            else "sentences, between these articles only")  # fmt: skip
    tested = f", p={s.p_value:.3f}, q={s.q_value:.3f}" if s.tested else ", not tested"
    return f", 95% CI [{s.ci_low:+.2f}, {s.ci_high:+.2f}] over {over}{tested}"
