"""Figures: each saved as PNG and SVG beside the CSV of the data it plots."""

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

plt.rcParams.update({"svg.hashsalt": "actorlens", "figure.dpi": 100, "savefig.dpi": 120})
MAX_LABELLED_POINTS = 20


def save_figure(fig: plt.Figure, data: pd.DataFrame, name: str, figures_dir: str | Path) -> Path:
    """Write ``name``.png, .svg and .csv (the plotted data) into ``figures_dir``.

    Returns the PNG path. Metadata that changes from run to run (dates) is left out,
    so the same data gives the same files.
    """
    figures_dir = Path(figures_dir)
    figures_dir.mkdir(parents=True, exist_ok=True)
    png = figures_dir / f"{name}.png"
    fig.savefig(png, bbox_inches="tight", metadata={"Software": None})
    fig.savefig(figures_dir / f"{name}.svg", bbox_inches="tight", metadata={"Date": None})
    data.to_csv(figures_dir / f"{name}.csv", index=False, lineterminator="\n")
    return png


def document_lengths(documents: pd.DataFrame) -> tuple[plt.Figure, pd.DataFrame]:
    """Words per document over the documents' dates (documents without a date are counted
    in the title, not plotted). Returns the figure and its data."""
    data = (
        documents[["doc_id", "date", "n_words", "n_sentences"]]
        .assign(date=lambda d: pd.to_datetime(d["date"], errors="coerce"))
        .sort_values(["date", "doc_id"])
        .reset_index(drop=True)
    )
    dated = data.dropna(subset=["date"])
    fig, ax = plt.subplots(figsize=(8, 3.6))
    ax.vlines(dated["date"], 0, dated["n_words"], color="#9bb7d4", linewidth=2)
    ax.scatter(dated["date"], dated["n_words"], color="#1f4e79", zorder=3, s=18)
    if len(dated) <= MAX_LABELLED_POINTS:
        for row in dated.itertuples():
            ax.annotate(
                row.doc_id,
                (row.date, row.n_words),
                textcoords="offset points",
                xytext=(0, 5),
                ha="center",
                fontsize=8,
            )
    undated = len(data) - len(dated)
    title = f"Length of each document over its date ({len(dated)} documents"
    title += f"; {undated} without a date not shown)" if undated else ")"
    ax.set_title(title, fontsize=10, loc="left")
    ax.set_ylabel("words")
    ax.set_ylim(0, max(dated["n_words"].max() * 1.15, 1) if len(dated) else 1)
    ax.spines[["top", "right"]].set_visible(False)
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig, data.assign(date=data["date"].dt.strftime("%Y-%m-%d"))
