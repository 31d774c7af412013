"""Figures: each saved as PNG and SVG beside the CSV of the data it plots."""

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

plt.rcParams.update({"svg.hashsalt": "actorlens", "figure.dpi": 100, "savefig.dpi": 120})
MAX_LABELLED_POINTS = 20
MAX_SEPARATED_DOCS = 60


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


def top_actors(totals: pd.DataFrame, top_n: int = 15) -> tuple[plt.Figure, pd.DataFrame]:
    """Horizontal bars of the most-mentioned actors, split by kind of mention."""
    data = totals.head(top_n)[["actor_id", "label", "n_name", "n_title", "n_metonym"]]
    fig, ax = plt.subplots(figsize=(8, 0.35 * len(data) + 1.2))
    left = pd.Series(0, index=data.index)
    for column, color in (("n_name", "#1f4e79"), ("n_title", "#6a9fd0"), ("n_metonym", "#c3d7ea")):
        ax.barh(data["label"], data[column], left=left, color=color, label=column[2:])
        left = left + data[column]
    for y, total in enumerate(left):
        ax.annotate(str(int(total)), (total, y), xytext=(3, 0), textcoords="offset points",
                    va="center", fontsize=8)  # fmt: skip
    ax.invert_yaxis()
    ax.set_xlabel("mentions (names, titles and metonyms; demonyms not counted)")
    ax.set_title(f"Most-mentioned actors (top {len(data)})", fontsize=10, loc="left")
    ax.legend(frameon=False, fontsize=8, loc="lower right")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig, data


def mention_heatmap(
    counts: pd.DataFrame, actor_order: list[str], doc_order: list[str], max_docs: int = 40
) -> tuple[plt.Figure, pd.DataFrame]:
    """Documents x actors, cells = counted mentions (the first ``max_docs`` documents)."""
    docs = doc_order[:max_docs]
    data = (
        counts.pivot_table(index="doc_id", columns="actor_id", values="n_mentions", aggfunc="sum")
        .reindex(index=docs, columns=actor_order)
        .fillna(0)
        .astype(int)
    )
    fig, ax = plt.subplots(figsize=(0.5 * len(actor_order) + 2, 0.32 * len(docs) + 1.6))
    image = ax.imshow(data.to_numpy(), cmap="Blues", aspect="auto")
    ax.set_xticks(range(len(actor_order)), actor_order, rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(len(docs)), docs, fontsize=8)
    if data.size <= 600:
        threshold = data.to_numpy().max() / 2
        for (row, col), value in pd.DataFrame(data.to_numpy()).stack().items():
            if value:
                ax.text(col, row, value, ha="center", va="center", fontsize=7,
                        color="white" if value > threshold else "black")  # fmt: skip
    ax.set_xlabel("actor")
    ax.set_ylabel("document")
    shown = f"first {len(docs)} of {len(doc_order)}" if len(doc_order) > len(docs) else "all"
    ax.set_title(f"Mentions per document and actor ({shown} documents)", fontsize=10, loc="left")
    fig.colorbar(image, ax=ax, shrink=0.6, label="mentions")
    fig.tight_layout()
    return fig, data.reset_index()


def dispersion(
    mentions: pd.DataFrame, texts: pd.DataFrame, actor_order: list[str], doc_order: list[str]
) -> tuple[plt.Figure, pd.DataFrame]:
    """Where each actor is mentioned through the ordered documents (an "x-ray" plot):
    document i spans [i, i+1) on the x axis, a tick marks each mention."""
    lengths = texts.set_index("doc_id")["text"].str.len()
    index = {doc_id: i for i, doc_id in enumerate(doc_order)}
    data = mentions[mentions["actor_id"].isin(actor_order) & mentions["kind"].ne("demonym")]
    data = data.assign(
        x=data["doc_id"].map(index) + data["start"] / data["doc_id"].map(lengths),
        row=data["actor_id"].map({a: i for i, a in enumerate(actor_order)}),
    )[["doc_id", "actor_id", "start", "x", "row"]].sort_values(["row", "x"])
    fig, ax = plt.subplots(figsize=(9, 0.32 * len(actor_order) + 1.4))
    ax.scatter(data["x"], data["row"], marker="|", s=120, color="#1f4e79", linewidths=1, zorder=3)
    if len(doc_order) <= MAX_SEPARATED_DOCS:
        for i in range(1, len(doc_order)):
            ax.axvline(i, color="#d5dde6", linewidth=0.8, zorder=1)
    ax.set_yticks(range(len(actor_order)), actor_order, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, len(doc_order))
    if len(doc_order) <= 30:
        ax.set_xticks([i + 0.5 for i in range(len(doc_order))], doc_order, fontsize=8)
    ax.set_xlabel("documents in order (each spans one unit, start to end)")
    ax.set_title("Where each actor is mentioned", fontsize=10, loc="left")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig, data
