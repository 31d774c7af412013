"""The summary in plain words that opens the front page and notebook 04: from the tables of the
stance-shift stage, the shifts that may be called (:func:`actorlens.analysis.shift.called_shifts`)
with their numbers, interval and one evidence sentence, or that no shift is clear and the
largest differences, descriptive only; then how many documents are left out."""

import textwrap

import pandas as pd

from actorlens.analysis.shift import Shift, called_shifts


def findings(result: Shift, labels: dict, top: int = 3) -> list[str]:
    """The lines of the summary of ``result``, actors named by ``labels``: at most ``top``
    called shifts, or as many of the largest differences, then the coverage."""
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
        return ["No actor has scores in both the first and the last period.", *coverage]
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
        rest = shift_table.assign(size=-shift_table["delta"].abs()).sort_values("size")
        if len(rest):
            lines.append("Largest differences, descriptive only:")
        for s in rest.head(top).itertuples(index=False):
            lines.append(f"{labels.get(s.actor_id, s.actor_id)} ({s.role}): "
                         f"{_end(s.from_mean, s.n_from, s.docs_from)} -> "
                         f"{_end(s.to_mean, s.n_to, s.docs_to)}, delta {s.delta:+.2f}"
                         f"{_interval(s)}.")  # fmt: skip
    return lines + coverage


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
