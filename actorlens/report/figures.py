"""Figures of the corpus and its mentions (stages 1 and 2): each function takes the tables
of a stage and returns the figure and the data it plots (saving both is
:mod:`actorlens.report.publish`'s concern). Voice and portrayal are in
:mod:`~actorlens.report.voice_figures`, shifts and stance in
:mod:`~actorlens.report.shift_figures`."""

import matplotlib.pyplot as plt
import pandas as pd

from actorlens.report import figure_style as style
from actorlens.report.figure_links import evidence_url, link_cells

MAX_LABELLED_POINTS = 20
MAX_SEPARATED_DOCS = 60
MAX_DOCS = (
    40  # documents drawn one per row; past it, the first ones in date order, said in the title
)


def documents_shown(shown: int, total: int, what: str = "documents") -> str:
    """How many of ``total`` documents a figure drawing ``shown`` of them shows."""
    if shown < total:
        return f"first {shown} of {total} {what} in date order"
    return f"all {total} {what}, in date order"


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
    style.pin_empty_axis_labels(fig.axes)
    fig.tight_layout()
    return fig, data.assign(date=data["date"].dt.strftime("%Y-%m-%d"))


def top_actors(totals: pd.DataFrame, top_n: int = 15,
               to_reports: str | None = None) -> tuple[plt.Figure, pd.DataFrame]:  # fmt: skip
    """Horizontal bars of the most-mentioned actors, split by kind of mention: the bars sum
    to ``n_mentions``, the count the actors are ranked by (demonyms are in it, and drawn,
    when ``include_demonyms`` counted them). Each bar links to its actor's evidence page
    (``to_reports``, :mod:`~actorlens.report.figure_links`)."""
    data = totals.head(top_n)[["actor_id", "label", "n_mentions", "n_name", "n_title",
                                "n_metonym"]]  # fmt: skip
    counted = data["n_mentions"] - data[["n_name", "n_title", "n_metonym"]].sum(axis=1)
    data = data.assign(n_demonym=counted)
    kinds = {"n_name": "#1f4e79", "n_title": "#6a9fd0", "n_metonym": "#c3d7ea"}
    if counted.any():
        kinds["n_demonym"] = "#e3c58f"
    fig, ax = plt.subplots(figsize=(8, 0.35 * len(data) + 1.2))
    left = pd.Series(0, index=data.index)
    for column, color in kinds.items():
        bars = ax.barh(data["label"], data[column], left=left, color=color, label=column[2:])
        for bar, actor_id in zip(bars, data["actor_id"], strict=True):
            bar.set_url(evidence_url(to_reports, actor_id))
        left = left + data[column]
    for y, total in enumerate(data["n_mentions"]):
        ax.annotate(str(int(total)), (total, y), xytext=(3, 0), textcoords="offset points",
                    va="center", fontsize=8)  # fmt: skip
    ax.invert_yaxis()
    counts = "names, titles, metonyms and demonyms" if counted.any() else (
        "names, titles and metonyms; demonyms not counted")  # fmt: skip
    ax.set_xlabel(f"mentions ({counts})")
    ax.set_title(f"Most-mentioned actors (top {len(data)})", fontsize=10, loc="left")
    ax.legend(frameon=False, fontsize=8, loc="lower right")
    ax.spines[["top", "right"]].set_visible(False)
    style.pin_empty_axis_labels(fig.axes)
    fig.tight_layout()
    return fig, data


def mention_heatmap(
    counts: pd.DataFrame,
    actor_order: list[str],
    doc_order: list[str],
    max_docs: int = MAX_DOCS,
    labels: dict | None = None,
    to_reports: str | None = None,
) -> tuple[plt.Figure, pd.DataFrame]:
    """Documents x actors, cells = counted mentions: the documents in ``doc_order`` (date
    order), the first ``max_docs`` of them, as the title says. Actors are named by their
    ``labels`` (id -> label; the id without one); each cell with a mention links to its
    actor's evidence page (``to_reports``, :mod:`~actorlens.report.figure_links`)."""
    docs = doc_order[:max_docs]
    data = (
        counts.pivot_table(index="doc_id", columns="actor_id", values="n_mentions", aggfunc="sum")
        .reindex(index=docs, columns=actor_order)
        .fillna(0)
        .astype(int)
    )
    fig, ax = plt.subplots(figsize=(0.5 * len(actor_order) + 2, 0.32 * len(docs) + 1.6))
    # imshow's own extent, at least one cell wide: with no actor its limits were singular
    rows, columns = max(data.shape[0], 1), max(data.shape[1], 1)
    extent = (-0.5, columns - 0.5, rows - 0.5, -0.5)
    image = ax.imshow(data.to_numpy(), cmap="Blues", aspect="auto", extent=extent)
    if to_reports is not None and data.size:
        values = data.to_numpy()
        urls = {(row, col): evidence_url(to_reports, actor_id)
                for row in range(values.shape[0])
                for col, actor_id in enumerate(data.columns) if values[row, col] > 0}  # fmt: skip
        link_cells(ax, urls, image.cmap(image.norm(values)))
    names = [(labels or {}).get(actor_id, actor_id) for actor_id in actor_order]
    ax.set_xticks(range(len(actor_order)), names, rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(len(docs)), docs, fontsize=8)
    if 0 < data.size <= 600:
        threshold = data.to_numpy().max() / 2
        for (row, col), value in pd.DataFrame(data.to_numpy()).stack().items():
            if value:
                ax.text(col, row, value, ha="center", va="center", fontsize=7,
                        color="white" if value > threshold else "black")  # fmt: skip
    ax.set_xlabel("actor")
    ax.set_ylabel("document")
    shown = documents_shown(len(docs), len(doc_order))
    ax.set_title(f"Mentions per document and actor ({shown})", fontsize=10, loc="left")
    fig.colorbar(image, ax=ax, shrink=0.6, label="mentions")
    style.pin_empty_axis_labels(fig.axes)
    fig.tight_layout()
    return fig, data.reset_index()


def dispersion(
    mentions: pd.DataFrame,
    texts: pd.DataFrame,
    actor_order: list[str],
    doc_order: list[str],
    labels: dict | None = None,
    to_reports: str | None = None,
) -> tuple[plt.Figure, pd.DataFrame]:
    """Where each actor is mentioned through the ordered documents (an "x-ray" plot):
    document i spans [i, i+1) on the x axis, a tick marks each mention. Actors are named by
    their ``labels`` (id -> label; the id without one); each tick links to its actor's
    evidence page (``to_reports``, :mod:`~actorlens.report.figure_links`)."""
    lengths = texts.set_index("doc_id")["text"].str.len()
    index = {doc_id: i for i, doc_id in enumerate(doc_order)}
    data = mentions[
        mentions["actor_id"].isin(actor_order) & ~mentions["kind"].isin(["demonym", "description"])
    ]
    data = data.assign(
        # typed, so that no mention at all still gives numbers, not the ids' text type
        x=data["doc_id"].map(index).astype("float64")
        + data["start"] / data["doc_id"].map(lengths).astype("float64"),
        row=data["actor_id"].map({a: i for i, a in enumerate(actor_order)}).astype("int64"),
    )[["doc_id", "actor_id", "start", "x", "row"]].sort_values(["row", "x"])
    fig, ax = plt.subplots(figsize=(9, 0.32 * len(actor_order) + 1.4))
    ticks = ax.scatter(data["x"], data["row"], marker="|", s=120, color="#1f4e79", linewidths=1,
                       zorder=3)  # fmt: skip
    if to_reports is not None:
        ticks.set_urls([evidence_url(to_reports, actor_id) for actor_id in data["actor_id"]])
    if len(doc_order) <= MAX_SEPARATED_DOCS:
        for i in range(1, len(doc_order)):
            ax.axvline(i, color="#d5dde6", linewidth=0.8, zorder=1)
    names = [(labels or {}).get(actor_id, actor_id) for actor_id in actor_order]
    ax.set_yticks(range(len(actor_order)), names, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, len(doc_order))
    if len(doc_order) <= 30:
        ax.set_xticks([i + 0.5 for i in range(len(doc_order))], doc_order, fontsize=8)
    ax.set_xlabel("documents in order (each spans one unit, start to end)")
    ax.set_title("Where each actor is mentioned", fontsize=10, loc="left")
    ax.spines[["top", "right"]].set_visible(False)
    style.pin_empty_axis_labels(fig.axes)
    fig.tight_layout()
    return fig, data
