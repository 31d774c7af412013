"""Figures of voice and portrayal (stage 3): whose words are quoted, how the text portrays
each actor, and what each speaker says of whom. Each function returns the figure and the
data it plots."""

import math

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.transforms import Bbox

from actorlens.report import figure_style as style
from actorlens.report.figure_links import evidence_url, link_cells
from actorlens.report.figures import MAX_DOCS, documents_shown

LABEL_GAP = 2  # pixels kept free around each placed label


def voice_share(share: pd.DataFrame, doc_order: list[str], max_docs: int = MAX_DOCS,
                labels: dict | None = None, to_reports: str | None = None):  # fmt: skip
    """Stacked bars: each document's quoted words split by speaker, the documents with
    quotes in ``doc_order`` (date order), the first ``max_docs`` of them, as the title says.
    ``share`` names speakers by label (:func:`actorlens.analysis.overview.voice_share_table`):
    each segment of a speaker that is the label of an actor in ``labels`` (id -> label) links
    to the actor's evidence page (``to_reports``, :mod:`~actorlens.report.figure_links`);
    "unknown" and "others" do not."""
    quoted = [d for d in doc_order if d in set(share["doc_id"])]
    docs = quoted[:max_docs]
    data = (
        share.pivot_table(index="doc_id", columns="speaker", values="n_words", aggfunc="sum")
        .reindex(index=docs)
        .fillna(0)
    )
    order = [
        c for c in data.sum().sort_values(ascending=False).index if c not in ("unknown", "others")
    ]
    data = data[order + [c for c in ("others", "unknown") if c in data.columns]]
    fig, ax = plt.subplots(figsize=(8, 0.35 * len(docs) + 1.6))
    left = pd.Series(0.0, index=data.index)
    colors = plt.get_cmap("tab10")
    ids = {label: actor_id for actor_id, label in (labels or {}).items()}
    for i, speaker in enumerate(data.columns):
        color = "#bbbbbb" if speaker in ("unknown", "others") else colors(i % 10)
        hatch = "//" if speaker == "unknown" else None
        bars = ax.barh(data.index, data[speaker], left=left, color=color, hatch=hatch,
                       label=speaker)  # fmt: skip
        actor_id = None if speaker in ("unknown", "others") else ids.get(speaker)
        for bar, words in zip(bars, data[speaker], strict=True):
            if actor_id is not None and words > 0:
                bar.set_url(evidence_url(to_reports, actor_id))
        left = left + data[speaker]
    ax.invert_yaxis()
    ax.set_xlabel("quoted words")
    ax.set_ylabel("document")
    shown = documents_shown(len(docs), len(quoted), "documents with quotes")
    ax.set_title(f"Whose words are quoted in each document ({shown})", fontsize=10, loc="left")
    ax.legend(frameon=False, fontsize=8, bbox_to_anchor=(1.01, 1), loc="upper left")
    ax.spines[["top", "right"]].set_visible(False)
    style.pin_empty_axis_labels(fig.axes)
    fig.tight_layout()
    return fig, data.reset_index()


def portrayal_intervals(overall: pd.DataFrame, labels: dict, scorer: str, top_n: int = 15,
                        to_reports: str | None = None):  # fmt: skip
    """Mean portrayal per actor with its 95 % bootstrap interval, coloured by where the
    interval lies against zero (``side``); thin cells hollow. Each dot, a whole-corpus
    number, links to its actor's evidence page, every period (``to_reports``,
    :mod:`~actorlens.report.figure_links`)."""
    data = (
        overall[overall["role"] == "portrayal"]
        .sort_values(["n", "actor_id"], ascending=[False, True])
        .head(top_n)
        .assign(label=lambda d: d["actor_id"].map(labels).fillna(d["actor_id"]))
        .sort_values("mean")
        .reset_index(drop=True)
    )
    data["side"] = [style.interval_side(lo, hi) for lo, hi in zip(data["ci_low"], data["ci_high"],
                                                                  strict=True)]  # fmt: skip
    fig, ax = plt.subplots(figsize=(8, 0.35 * len(data) + 1.6))
    for y, row in enumerate(data.itertuples()):
        color = style.SIDE_COLORS[row.side]
        if pd.notna(row.ci_low):
            ax.plot([row.ci_low, row.ci_high], [y, y], color=color, linewidth=2, alpha=0.6)
        ax.plot(row.mean, y, "o", color=color, markerfacecolor="white" if row.thin else color,
                url=evidence_url(to_reports, row.actor_id))  # fmt: skip
        ax.annotate(f"n={row.n}", (1.02, y), xycoords=("axes fraction", "data"), va="center",
                    fontsize=7, color="#555555")  # fmt: skip
    ax.axvline(0, color="#444444", linewidth=0.8)
    ax.set_yticks(range(len(data)), data["label"], fontsize=8)
    ax.set_xlim(-1, 1)
    ax.set_xlabel(f"portrayal ({scorer} scorer; -1 negative, +1 positive); 95% bootstrap interval")
    ax.set_title(f"How the text portrays the {len(data)} most-scored actors\n(colour: where "
                 "the 95% interval lies against zero; hollow: too few to read)", fontsize=10,
                 loc="left")  # fmt: skip
    ax.legend(handles=side_handles(data["side"]), frameon=False, fontsize=8,
              bbox_to_anchor=(1.14, 1), loc="upper left")  # fmt: skip
    ax.spines[["top", "right"]].set_visible(False)
    style.pin_empty_axis_labels(fig.axes)
    fig.tight_layout()
    return fig, data


def side_handles(sides) -> list[Line2D]:
    """Legend entries for the interval sides in ``sides``, in SIDE_COLORS' order."""
    present = set(sides)
    return [Line2D([], [], color=c, marker="o", linewidth=2, label=f"interval {side}"
                   if side != "no interval" else "no interval (one score)")
            for side, c in style.SIDE_COLORS.items() if side in present]  # fmt: skip


def voice_vs_portrayal(overall: pd.DataFrame, labels: dict, to_reports: str | None = None):
    """One point per actor with both a voice and a portrayal score, labels placed apart;
    each point links to its actor's evidence page (``to_reports``,
    :mod:`~actorlens.report.figure_links`)."""
    wide = overall.pivot_table(index="actor_id", columns="role", values=["mean", "n"])
    wide.columns = [f"{role}_{stat}" for stat, role in wide.columns]
    columns = [f"{role}_{stat}" for role in ("portrayal", "voice") for stat in ("mean", "n")]
    wide = wide.reindex(columns=columns)
    data = (
        wide.dropna()
        .reset_index()
        .assign(label=lambda d: d["actor_id"].map(labels).fillna(d["actor_id"]))
    )
    fig, ax = plt.subplots(figsize=(6.5, 5))
    ax.axhline(0, color="#999999", linewidth=0.8)
    ax.axvline(0, color="#999999", linewidth=0.8)
    dots = ax.scatter(data["portrayal_mean"], data["voice_mean"], s=20 + 4 * data["voice_n"],
                      color="#1f4e79", alpha=0.7)  # fmt: skip
    if to_reports is not None:
        dots.set_urls([evidence_url(to_reports, actor_id) for actor_id in data["actor_id"]])
    ax.set_xlim(-1, 1)
    ax.set_ylim(-1, 1)
    ax.set_xlabel("portrayal: how the text treats the actor")
    ax.set_ylabel("voice: tone of the actor's own quotes")
    ax.set_title("Voice against portrayal (point size: number of quotes)", fontsize=10, loc="left")
    style.pin_empty_axis_labels(fig.axes)
    fig.tight_layout()
    points = list(zip(data["portrayal_mean"], data["voice_mean"], strict=True))
    place_labels(ax, points, data["label"].tolist(), (20 + 4 * data["voice_n"]).tolist())
    return fig, data


def _candidates(width: float, height: float, step: float, rings: int = 10):
    """Lower-left corners, relative to a point, of a ``width`` x ``height`` box around it:
    right and above first, then eight directions on rings ``step`` apart."""
    yield step / 2, step / 2
    for ring in range(1, rings + 1):
        radius = ring * step
        for angle in (45, 0, 90, 135, 180, 315, 270, 225, 22.5, 67.5, 112.5, 157.5, 202.5,
                      247.5, 292.5, 337.5):  # fmt: skip
            dx, dy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
            yield (
                radius * dx - (width if dx < -0.1 else width / 2 if abs(dx) <= 0.1 else 0),
                radius * dy - (height if dy < -0.1 else height / 2 if abs(dy) <= 0.1 else 0),
            )


def place_labels(
    ax,
    points: list[tuple[float, float]],
    labels: list[str],
    sizes: list[float] | None = None,
    fontsize: float = 8,
):
    """Annotate each point with its label where the label overlaps no label placed before
    it, no point (markers of area ``sizes``, in points squared) and stays inside the axes
    (a greedy repel); a label moved away gets a leader line. Call after the figure's
    layout: it measures in pixels. Returns the annotations in the order of ``points``."""
    renderer = ax.figure.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    to_pixels = ax.figure.dpi / 72
    markers = []
    for (x, y), size in zip(points, sizes or [36] * len(points), strict=True):
        (px, py), radius = ax.transData.transform((x, y)), math.sqrt(size) / 2 * to_pixels
        markers.append(Bbox([[px - radius, py - radius], [px + radius, py + radius]]))
    step = 8 * to_pixels
    placed, offsets = [], {}
    for i in sorted(range(len(points)), key=lambda i: -markers[i].width):  # largest first
        (x, y), label = points[i], labels[i]
        others = markers[:i] + markers[i + 1 :]
        probe = ax.annotate(label, (x, y), xytext=(0, 0), textcoords="offset points",
                            fontsize=fontsize)  # fmt: skip
        box = probe.get_window_extent(renderer).padded(LABEL_GAP)
        probe.remove()
        best, fewest = (0.0, 0.0), math.inf
        for dx, dy in _candidates(box.width, box.height, step):
            moved = box.translated(dx, dy)
            inside = (frame.x0 <= moved.x0 and moved.x1 <= frame.x1
                      and frame.y0 <= moved.y0 and moved.y1 <= frame.y1)  # fmt: skip
            cost = (100 * sum(moved.overlaps(other) for other in placed) + 50 * (not inside)
                    + 2 * sum(moved.overlaps(marker) for marker in others)
                    + math.hypot(dx, dy) / step)  # fmt: skip
            if cost < fewest:
                best, fewest = (dx, dy), cost
        placed.append(box.translated(*best))
        offsets[i] = (best[0] / to_pixels, best[1] / to_pixels)
    annotations = []
    for (x, y), label, i in zip(points, labels, range(len(points)), strict=True):
        leader = {"arrowstyle": "-", "color": "#999999", "linewidth": 0.6, "shrinkA": 0,
                  "shrinkB": 3} if math.hypot(*offsets[i]) > 14 else None  # fmt: skip
        annotations.append(ax.annotate(label, (x, y), xytext=offsets[i], fontsize=fontsize,
                                       textcoords="offset points", arrowprops=leader))  # fmt: skip
    return annotations


def speaker_target_heatmap(pairs: pd.DataFrame, labels: dict, top_n: int = 12,
                           to_reports: str | None = None):  # fmt: skip
    """Speakers x targets, cells = mean score of what the speaker says of the target; each
    cell with a score links to its speaker's evidence page (``to_reports``,
    :mod:`~actorlens.report.figure_links`)."""
    totals = (
        pairs.assign(weighted=pairs["n"] * pairs["mean"])
        .groupby(["speaker_id", "target_id"], as_index=False)
        .agg(n=("n", "sum"), weighted=("weighted", "sum"))
    )
    totals = totals.assign(mean=totals["weighted"] / totals["n"]).drop(columns="weighted")
    # ties keep the ids' alphabetical order (a stable sort of the grouped, sorted ids)
    speakers = totals.groupby("speaker_id")["n"].sum().sort_values(ascending=False, kind="stable")
    targets = totals.groupby("target_id")["n"].sum().sort_values(ascending=False, kind="stable")
    speakers, targets = speakers.head(top_n), targets.head(top_n)
    data = totals[
        totals["speaker_id"].isin(speakers.index) & totals["target_id"].isin(targets.index)
    ]
    means = data.pivot(index="speaker_id", columns="target_id", values="mean").reindex(
        index=speakers.index, columns=targets.index)  # fmt: skip
    fig, ax = plt.subplots(figsize=(0.6 * len(targets) + 3, 0.45 * len(speakers) + 2))
    image = ax.imshow(means.to_numpy(dtype=float), cmap="RdBu", vmin=-1, vmax=1, aspect="auto")
    rows, cols = list(speakers.index), list(targets.index)
    if to_reports is not None and len(data):
        urls = {(rows.index(pair.speaker_id), cols.index(pair.target_id)):
                evidence_url(to_reports, pair.speaker_id) for pair in data.itertuples()}  # fmt: skip
        link_cells(ax, urls, image.cmap(image.norm(means.to_numpy(dtype=float))))
    for pair in data.itertuples():
        ax.text(cols.index(pair.target_id), rows.index(pair.speaker_id),
                f"{pair.mean:+.2f}\nn={int(pair.n)}", ha="center", va="center", fontsize=6)  # fmt: skip
    ax.set_xticks(range(len(targets)), [labels.get(t, t) for t in targets.index], rotation=60,
                  ha="right", fontsize=8)  # fmt: skip
    ax.set_yticks(range(len(speakers)), [labels.get(s, s) for s in speakers.index], fontsize=8)
    ax.set_xlabel("target (actor named or aimed at in the quote)")
    ax.set_ylabel("speaker")
    ax.set_title("What each speaker says about each actor", fontsize=10, loc="left")
    fig.colorbar(image, ax=ax, shrink=0.6, label="mean score (-1 negative, +1 positive)")
    style.pin_empty_axis_labels(fig.axes)
    fig.tight_layout()
    return fig, data.reset_index(drop=True)
