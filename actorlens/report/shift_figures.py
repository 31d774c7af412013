"""Figures of the stance-shift stage (stage 4): each change between the end periods with
its interval, the trajectories per period, and the stance matrix per target. Each function
returns the figure and the data it plots."""

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.cm import ScalarMappable
from matplotlib.colors import Normalize, to_rgba
from matplotlib.lines import Line2D

from actorlens.report import figure_style as style
from actorlens.report.figure_links import evidence_url, link_cells
from actorlens.report.voice_figures import side_handles

SHIFT_COLUMNS = ["actor_id", "label", "role", "from_period", "to_period", "delta", "ci_low",
                 "ci_high", "n_from", "n_to", "tested", "side"]  # fmt: skip
# a stance cell's colour is blended with white by its n: one statement, two, three or more
CELL_WEIGHTS = {1: 0.3, 2: 0.6}
NOT_FOUND_COLOR = "#e4e4e4"


def shift_intervals(shift_table: pd.DataFrame, labels: dict, top_n: int = 30,
                    to_reports: str | None = None):  # fmt: skip
    """Dot plot of each actor and role's change from the first to the last period (``delta``)
    with its 95 % interval: stance roles first, then portrayal and voice, tested pairs
    first within each; filled dots were tested, hollow ones not; coloured by where the
    interval lies against zero. Pairs without an interval are left out. Each dot links to
    its actor's evidence of the role in the last period (``to_reports``,
    :mod:`~actorlens.report.figure_links`)."""
    with_interval = shift_table[shift_table["ci_low"].notna()]
    group = with_interval["role"].map(
        lambda r: 0 if r.startswith("stance: ") else 1 + (r != "portrayal")
    )
    data = (
        with_interval.assign(group=group)
        .sort_values("group", kind="stable")  # the table's own order within a group
        .head(top_n)
        .assign(label=lambda d: d["actor_id"].map(labels).fillna(d["actor_id"]))
    )
    data["side"] = [style.interval_side(lo, hi) for lo, hi in zip(data["ci_low"], data["ci_high"],
                                                                  strict=True)]  # fmt: skip
    data = data[SHIFT_COLUMNS].reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(8, 0.3 * len(data) + 2))
    for y, row in enumerate(data.itertuples()):
        color = style.SIDE_COLORS[row.side]
        ax.plot([row.ci_low, row.ci_high], [y, y], color=color, linewidth=2, alpha=0.6)
        ax.plot(row.delta, y, "o", color=color, markerfacecolor=color if row.tested else "white",
                markersize=6, url=evidence_url(to_reports, row.actor_id, row.role,
                                               row.to_period))  # fmt: skip
        ax.annotate(f"n {row.n_from}\u2192{row.n_to}", (1.01, y),
                    xycoords=("axes fraction", "data"), va="center", fontsize=7,
                    color="#555555")  # fmt: skip
    ax.axvline(0, color="#444444", linewidth=0.8)
    reach = max(data[["ci_low", "ci_high"]].abs().to_numpy().max(initial=0) * 1.1, 0.5)
    ax.set_xlim(-reach, reach)
    ax.locator_params(axis="x", nbins=6)
    ax.set_ylim(max(len(data), 1) - 0.5, -0.5)
    ax.set_yticks(range(len(data)), [f"{r.label} \u00b7 {r.role}" for r in data.itertuples()],
                  fontsize=8)  # fmt: skip
    periods = (f"{data['from_period'].iloc[0]} to {data['to_period'].iloc[0]}" if len(data)
               else "the first to the last period")  # fmt: skip
    ax.set_xlabel(f"change in mean score from {periods} (to minus from), 95% interval")
    tested = int(data["tested"].sum())
    ax.set_title(f"Change of each actor and role, {periods}, with its 95% interval\n"
                 f"({len(data)} of {len(with_interval)} pairs with an interval, stance first; "
                 f"{tested} tested)", fontsize=10, loc="left")  # fmt: skip
    marks = [Line2D([], [], color="#555555", marker="o", linestyle="", label="tested"),
             Line2D([], [], color="#555555", marker="o", markerfacecolor="white", linestyle="",
                    label="not tested (too few scores)")]  # fmt: skip
    ax.legend(handles=side_handles(data["side"]) + marks, frameon=False, fontsize=8,
              bbox_to_anchor=(1.17, 1), loc="upper left")  # fmt: skip
    ax.spines[["top", "right"]].set_visible(False)
    style.pin_empty_axis_labels(fig.axes)
    fig.tight_layout()
    return fig, data


def trajectories(trajectory: pd.DataFrame, labels: dict, actors: list[str], columns: int = 3,
                 to_reports: str | None = None):  # fmt: skip
    """Small multiples: per actor, the mean per period with its interval band, one line
    per role; thin periods drawn hollow. Each point links to its evidence (``to_reports``,
    :mod:`~actorlens.report.figure_links`)."""
    data = trajectory[trajectory["actor_id"].isin(actors)]
    order = list(dict.fromkeys(trajectory["period"]))
    rows = max((len(actors) + columns - 1) // columns, 1)
    fig, axes = plt.subplots(rows, columns, figsize=(3.2 * columns, 2.4 * rows), sharey=True,
                             squeeze=False)  # fmt: skip
    colors = {"portrayal": "#1f4e79", "voice": "#d95f02"}
    lines = dict(list(data.groupby(["actor_id", "role"], sort=False)))
    position = {p: i for i, p in enumerate(order)}
    for ax, actor in zip(axes.flat, actors, strict=False):
        for role, color in colors.items():
            line = lines.get((actor, role))
            if line is None:
                continue
            x = line["period"].map(position).astype(float)
            ax.fill_between(x, line["ci_low"].astype(float), line["ci_high"].astype(float),
                            color=color, alpha=0.15)  # fmt: skip
            ax.plot(x, line["mean"], "-", color=color, label=role)
            points = ax.scatter(x, line["mean"], color=color, s=14,
                                facecolors=["none" if t else color for t in line["thin"]])  # fmt: skip
            points.set_urls([evidence_url(to_reports, actor, role, period)
                             for period in line["period"]])  # fmt: skip
        # y=1.0 is where the title would be placed anyway (no ticks or offset above the panel);
        # fixing it saves measuring every y axis again at each draw.
        ax.set_title(labels.get(actor, actor), fontsize=9, loc="left", y=1.0)
        ax.axhline(0, color="#999999", linewidth=0.6)
        ax.set_ylim(-1, 1)
        ax.set_xlim(-0.4, len(order) - 0.6)  # every panel spans all periods, with a margin
        step = max(len(order) // 6, 1)
        ax.set_xticks(range(0, len(order), step), order[::step], fontsize=7, rotation=45)
    for ax in list(axes.flat)[len(actors) :]:
        ax.set_visible(False)
    handles = [plt.Line2D([], [], color=c, label=r) for r, c in colors.items()]
    fig.legend(handles=handles, frameon=False, fontsize=8, loc="upper right")
    fig.suptitle("Portrayal and voice per period (band: 95% interval, hollow: thin)", fontsize=10,
                 x=0.01, ha="left")  # fmt: skip
    style.pin_empty_axis_labels(fig.axes)
    fig.tight_layout()
    return fig, data


def stance_matrix(
    trajectory: pd.DataFrame,
    labels: dict,
    target: str,
    top_n: int = 12,
    stance: pd.DataFrame | None = None,
    to_reports: str | None = None,
):
    """Speaker x period heatmap of the mean stance score toward ``target`` (the
    trajectory's ``mean`` of role ``stance: <target>``, the summary's measure), each cell
    printing its value and n, faded by n (CELL_WEIGHTS); a period without a stance found is
    grey. With the ``stance`` table, a speaker whose statements all come through its
    officials (its ``through`` column) is marked "(via officials)", some of them "(partly
    via officials)". The title names the target (an actor target by its label). Each cell
    with a stance links to its evidence (``to_reports``, :mod:`~actorlens.report.figure_links`)."""
    data = trajectory[trajectory["role"] == f"stance: {target}"]
    named = labels.get(target, target)
    speakers = data.groupby("actor_id")["n"].sum().nlargest(top_n).index.tolist()
    data = data[data["actor_id"].isin(speakers)]
    rows = [labels.get(a, a) + officials_mark(stance, a, target) for a in speakers]
    data = data.assign(
        label=data["actor_id"].map(dict(zip(speakers, rows, strict=True))),
        weight=data["n"].map(lambda n: CELL_WEIGHTS.get(int(n), 1.0)),
    ).reset_index(drop=True)
    periods = list(dict.fromkeys(data["period"]))  # the trajectory is in period order
    means = data.pivot(index="actor_id", columns="period", values="mean").reindex(
        index=speakers, columns=periods)  # fmt: skip
    counts = data.pivot(index="actor_id", columns="period", values="n").reindex(
        index=speakers, columns=periods)  # fmt: skip
    fig, ax = plt.subplots(
        figsize=(0.65 * max(len(periods), 1) + 3.5, 0.45 * max(len(speakers), 1) + 2.4)
    )
    if not speakers:
        ax.text(0.5, 0.5, f"No attribution about {named}", ha="center", va="center",
                transform=ax.transAxes)  # fmt: skip
        ax.set_axis_off()
        return fig, data
    cmap, norm = plt.get_cmap("RdBu"), Normalize(-1, 1)
    cells = np.tile(to_rgba(NOT_FOUND_COLOR), (len(speakers), len(periods), 1))
    urls = {}
    for i in range(len(speakers)):
        for j in range(len(periods)):
            n, value = counts.iat[i, j], means.iat[i, j]
            if pd.isna(n):
                continue
            weight = CELL_WEIGHTS.get(int(n), 1.0)
            cells[i, j] = weight * np.array(cmap(norm(value))) + (1 - weight) * np.ones(4)
            urls[i, j] = evidence_url(to_reports, speakers[i], f"stance: {target}", periods[j])
            strong = weight == 1.0 and abs(value) > 0.6
            shown = round(value, 2) + 0  # no "-0.00"
            ax.text(j, i, f"{shown:+.2f}\nn={int(n)}", ha="center", va="center", fontsize=7,
                    color="white" if strong else "black")  # fmt: skip
    ax.imshow(cells, aspect="auto")
    link_cells(ax, urls, cells)
    ax.set_xticks(range(len(periods)), periods, rotation=45, ha="right", fontsize=8)
    ax.set_yticks(range(len(speakers)), rows, fontsize=8)
    fig.colorbar(ScalarMappable(norm, cmap), ax=ax, shrink=0.7,
                 label="mean stance (-1 against, +1 in favour)")  # fmt: skip
    caption = (
        "Each cell: mean stance score and n statements; faded: n=1 lightest, n=2 "
        "lighter, n\u22653 full; grey: no stance found"
    )
    if any("via officials" in row for row in rows):
        caption += "\n(via officials): the state's stance read from what its officials said"
    ax.set_title(f"Stance toward {named}, per period ({len(speakers)} speakers)\n{caption}",
                 fontsize=9, loc="left")  # fmt: skip
    style.pin_empty_axis_labels(fig.axes)
    return fig, data


def officials_mark(stance: pd.DataFrame | None, actor_id: str, target: str) -> str:
    """ " (via officials)" when every statement of ``actor_id`` on ``target`` in ``stance``
    came through one of its officials (``through``), " (partly via officials)" when some."""
    if stance is None:
        return ""
    mine = stance.loc[(stance["speaker_id"] == actor_id) & (stance["target"] == target), "through"]
    through = mine.fillna("").astype(str).ne("")
    if not through.any():
        return ""
    return " (via officials)" if through.all() else " (partly via officials)"
