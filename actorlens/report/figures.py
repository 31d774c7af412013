"""Figures that only draw: each function takes the tables of a stage and returns the figure
and the data it plots (saving both is :mod:`actorlens.report.publish`'s concern)."""

import matplotlib.pyplot as plt
import pandas as pd

# Labels and names come from the corpus and the parameters: drawn as plain text, never
# parsed as math (two "$" would make the text between them math, or raise).
plt.rcParams.update({"figure.dpi": 100, "text.parse_math": False})
MAX_LABELLED_POINTS = 20
MAX_SEPARATED_DOCS = 60


def _pin_empty_axis_labels(axes) -> None:
    """Give each empty axis label of ``axes`` a fixed place; call once the labels are set.

    Matplotlib places an axis label at every draw (and layout) by measuring the axis' tick
    labels and spine again, even when the label is empty and shows nothing: in the panels
    of :func:`trajectories` that was a sixth of the work of an export. An empty label has no
    extent, so where it sits changes nothing drawn. (A label set later on such an axis
    would sit on the spine: place it with ``set_label_coords``.)
    """
    for ax in axes:
        if not ax.get_xlabel():
            ax.xaxis.set_label_coords(0.5, 0)
        if not ax.get_ylabel():
            ax.yaxis.set_label_coords(0, 0.5)


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
    _pin_empty_axis_labels(fig.axes)
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
    _pin_empty_axis_labels(fig.axes)
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
    # imshow's own extent, at least one cell wide: with no actor its limits were singular
    rows, columns = max(data.shape[0], 1), max(data.shape[1], 1)
    extent = (-0.5, columns - 0.5, rows - 0.5, -0.5)
    image = ax.imshow(data.to_numpy(), cmap="Blues", aspect="auto", extent=extent)
    ax.set_xticks(range(len(actor_order)), actor_order, rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(len(docs)), docs, fontsize=8)
    if 0 < data.size <= 600:
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
    _pin_empty_axis_labels(fig.axes)
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
        # typed, so that no mention at all still gives numbers, not the ids' text type
        x=data["doc_id"].map(index).astype("float64")
        + data["start"] / data["doc_id"].map(lengths).astype("float64"),
        row=data["actor_id"].map({a: i for i, a in enumerate(actor_order)}).astype("int64"),
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
    _pin_empty_axis_labels(fig.axes)
    fig.tight_layout()
    return fig, data


def voice_share(share: pd.DataFrame, doc_order: list[str], max_docs: int = 40):
    """Stacked bars: each document's quoted words split by speaker."""
    docs = [d for d in doc_order if d in set(share["doc_id"])][:max_docs]
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
    for i, speaker in enumerate(data.columns):
        color = "#bbbbbb" if speaker in ("unknown", "others") else colors(i % 10)
        hatch = "//" if speaker == "unknown" else None
        ax.barh(data.index, data[speaker], left=left, color=color, hatch=hatch, label=speaker)
        left = left + data[speaker]
    ax.invert_yaxis()
    ax.set_xlabel("quoted words")
    ax.set_ylabel("document")
    ax.set_title("Whose words are quoted in each document", fontsize=10, loc="left")
    ax.legend(frameon=False, fontsize=8, bbox_to_anchor=(1.01, 1), loc="upper left")
    ax.spines[["top", "right"]].set_visible(False)
    _pin_empty_axis_labels(fig.axes)
    fig.tight_layout()
    return fig, data.reset_index()


def portrayal_intervals(overall: pd.DataFrame, labels: dict, scorer: str, top_n: int = 15):
    """Mean portrayal per actor with its 95 % bootstrap interval; thin cells in grey."""
    data = (
        overall[overall["role"] == "portrayal"]
        .sort_values(["n", "actor_id"], ascending=[False, True])
        .head(top_n)
        .assign(label=lambda d: d["actor_id"].map(labels).fillna(d["actor_id"]))
        .sort_values("mean")
        .reset_index(drop=True)
    )
    fig, ax = plt.subplots(figsize=(8, 0.35 * len(data) + 1.4))
    for y, row in enumerate(data.itertuples()):
        color = "#aaaaaa" if row.thin else ("#b2182b" if row.mean < 0 else "#2166ac")
        if pd.notna(row.ci_low):
            ax.plot([row.ci_low, row.ci_high], [y, y], color=color, linewidth=2, alpha=0.6)
        ax.plot(row.mean, y, "o", color=color)
        ax.annotate(f"n={row.n}", (1.02, y), xycoords=("axes fraction", "data"), va="center",
                    fontsize=7, color="#555555")  # fmt: skip
    ax.axvline(0, color="#444444", linewidth=0.8)
    ax.set_yticks(range(len(data)), data["label"], fontsize=8)
    ax.set_xlim(-1, 1)
    ax.set_xlabel(f"portrayal ({scorer} scorer; -1 negative, +1 positive); 95% bootstrap interval")
    ax.set_title(f"How the text portrays the {len(data)} most-scored actors (grey: too few to read)",
                 fontsize=10, loc="left")  # fmt: skip
    ax.spines[["top", "right"]].set_visible(False)
    _pin_empty_axis_labels(fig.axes)
    fig.tight_layout()
    return fig, data


def voice_vs_portrayal(overall: pd.DataFrame, labels: dict):
    """One point per actor with both a voice and a portrayal score."""
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
    ax.scatter(data["portrayal_mean"], data["voice_mean"], s=20 + 4 * data["voice_n"],
               color="#1f4e79", alpha=0.7)  # fmt: skip
    for row in data.itertuples():
        ax.annotate(row.label, (row.portrayal_mean, row.voice_mean), xytext=(4, 3),
                    textcoords="offset points", fontsize=8)  # fmt: skip
    ax.set_xlim(-1, 1)
    ax.set_ylim(-1, 1)
    ax.set_xlabel("portrayal: how the text treats the actor")
    ax.set_ylabel("voice: tone of the actor's own quotes")
    ax.set_title("Voice against portrayal (point size: number of quotes)", fontsize=10, loc="left")
    _pin_empty_axis_labels(fig.axes)
    fig.tight_layout()
    return fig, data


def speaker_target_heatmap(pairs: pd.DataFrame, labels: dict, top_n: int = 12):
    """Speakers x targets, cells = mean score of what the speaker says of the target."""
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
    _pin_empty_axis_labels(fig.axes)
    fig.tight_layout()
    return fig, data.reset_index(drop=True)


def _spread(values: list[float], gap: float) -> list[float]:
    """Label positions near ``values`` but at least ``gap`` apart, in the same order."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    placed = list(values)
    for previous, current in zip(order, order[1:], strict=False):
        placed[current] = max(placed[current], placed[previous] + gap)
    return placed


def shift_slopes(shift_table: pd.DataFrame, labels: dict, role: str = "portrayal", top_n: int = 12):
    """Slope chart: each actor's mean in the first and the last period (those with an
    interval; tested ones first)."""
    data = shift_table[shift_table["ci_low"].notna() & (shift_table["role"] == role)].head(top_n)
    data = data.assign(label=data["actor_id"].map(labels).fillna(data["actor_id"]))
    fig, ax = plt.subplots(figsize=(6.5, 0.3 * len(data) + 3.5))
    label_y = _spread(data["to_mean"].tolist(), gap=0.07)
    for row, y in zip(data.itertuples(), label_y, strict=True):
        color = "#b2182b" if row.delta < 0 else "#2166ac"
        ax.plot([0, 1], [row.from_mean, row.to_mean], "-o", color=color, alpha=0.8)
        ax.annotate(f"{row.label} ({row.delta:+.2f})", (1, row.to_mean), xytext=(1.06, y),
                    textcoords="data", va="center", fontsize=8)  # fmt: skip
    if len(data):
        ax.set_xticks(
            [0, 1], [f"from {data['from_period'].iloc[0]}", f"to {data['to_period'].iloc[0]}"]
        )
    ax.set_xlim(-0.2, 1.6)
    ax.set_ylim(-1, 1)
    ax.axhline(0, color="#999999", linewidth=0.8)
    ax.set_ylabel(f"mean {role} (-1 negative, +1 positive)")
    tested = int(data["tested"].sum())
    ax.set_title(f"Shift in {role}, first to last period ({len(data)} actors, {tested} tested)",
                 fontsize=10, loc="left")  # fmt: skip
    ax.spines[["top", "right"]].set_visible(False)
    _pin_empty_axis_labels(fig.axes)
    fig.tight_layout()
    return fig, data


def trajectories(trajectory: pd.DataFrame, labels: dict, actors: list[str], columns: int = 3):
    """Small multiples: per actor, the mean per period with its interval band, one line
    per role; thin periods drawn hollow."""
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
            ax.scatter(x, line["mean"], color=color, s=14,
                       facecolors=["none" if t else color for t in line["thin"]])  # fmt: skip
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
    _pin_empty_axis_labels(fig.axes)
    fig.tight_layout()
    return fig, data


def stance_matrix(trajectory: pd.DataFrame, labels: dict, target: str, top_n: int = 12):
    """Speaker x period heatmap of net stance toward ``target`` (share favour minus share
    against of the speaker's attributions about it), each cell annotated with its n; the
    title names the target (an actor target by its label)."""
    data = trajectory[trajectory["role"] == f"stance: {target}"]
    named = labels.get(target, target)
    speakers = data.groupby("actor_id")["n"].sum().nlargest(top_n).index.tolist()
    data = data[data["actor_id"].isin(speakers)]
    periods = list(dict.fromkeys(data["period"]))  # the trajectory is in period order
    grid = data.pivot_table(index="actor_id", columns="period", values="net_tone").reindex(
        index=speakers, columns=periods)  # fmt: skip
    counts = data.pivot_table(index="actor_id", columns="period", values="n").reindex(
        index=speakers, columns=periods)  # fmt: skip
    fig, ax = plt.subplots(
        figsize=(0.9 * max(len(periods), 1) + 3, 0.45 * max(len(speakers), 1) + 2)
    )
    if not speakers:
        ax.text(0.5, 0.5, f"No attribution about {named}", ha="center", va="center",
                transform=ax.transAxes)  # fmt: skip
        ax.set_axis_off()
        return fig, data.reset_index(drop=True)
    image = ax.imshow(grid.to_numpy(dtype=float), cmap="RdBu", vmin=-1, vmax=1, aspect="auto")
    for i in range(len(speakers)):
        for j in range(len(periods)):
            n, value = counts.iat[i, j], grid.iat[i, j]
            if n == n:  # not NaN
                ax.text(j, i, f"n={int(n)}", ha="center", va="center", fontsize=7,
                        color="white" if abs(value) > 0.6 else "black")  # fmt: skip
    ax.set_xticks(range(len(periods)), periods, rotation=45, ha="right", fontsize=8)
    ax.set_yticks(range(len(speakers)), [labels.get(a, a) for a in speakers], fontsize=8)
    fig.colorbar(image, ax=ax, shrink=0.7, label="net stance (favour - against)")
    ax.set_title(f"Stance toward {named}, per period ({len(speakers)} speakers)", fontsize=10,
                 loc="left")  # fmt: skip
    _pin_empty_axis_labels(fig.axes)
    return fig, data.reset_index(drop=True)
