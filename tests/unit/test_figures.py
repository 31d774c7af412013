"""Figures: the data each figure plots, what it draws, and deterministic exports."""

import io
import re
import warnings

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import PIL.Image
import pytest
from IPython.display import Image
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.collections import PathCollection
from matplotlib.colors import to_hex, to_rgba

from actorlens.core.tables import SCHEMAS
from actorlens.report import figure_style, figures, publish, shift_figures, voice_figures

matplotlib.use("Agg")

LABELS = {
    "putin": "Vladimir Putin",
    "trump": "Donald Trump",
    "zelenskyy": "Volodymyr Zelenskyy",
    "lavrov": "Sergey Lavrov",
    "kremlin": "Kremlin",
}
TRAJECTORY_COLUMNS = ["period", "actor_id", "role", "n", "mean", "ci_low", "ci_high", "thin"]
OVERALL_COLUMNS = ["actor_id", "role", "scorer", "n", "mean", "ci_low", "ci_high", "thin"]
SHIFT_COLUMNS = SCHEMAS["stance_shift"].names


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def texts_of(ax) -> list[str]:
    return [t.get_text() for t in ax.texts]


def tick_labels(ticks) -> list[str]:
    return [t.get_text() for t in ticks]


def documents(rows) -> pd.DataFrame:
    """A documents table as ingestion writes it, from (doc_id, date, n_words, n_sentences)."""
    table = pd.DataFrame(rows, columns=["doc_id", "date", "n_words", "n_sentences"])
    return table.assign(
        file=table["doc_id"] + ".txt", outlet="", title="Title " + table["doc_id"], sha256="0" * 64
    )[["doc_id", "file", "date", "outlet", "title", "n_words", "n_sentences", "sha256"]]


# --- document_lengths ---------------------------------------------------------------


def test_document_lengths_sorts_by_date_then_id_and_counts_undated_in_title():
    docs = documents(
        [
            ("003", "2025-02-24", 300, 12),
            ("001", "2025-02-19", 120, 5),
            ("002", "", 80, 3),
            ("004", "2025-02-19", 200, 9),
        ]
    )
    fig, data = figures.document_lengths(docs)
    assert list(data.columns) == ["doc_id", "date", "n_words", "n_sentences"]
    assert data["doc_id"].tolist() == ["001", "004", "003", "002"]
    assert data["date"].iloc[:3].tolist() == ["2025-02-19", "2025-02-19", "2025-02-24"]
    assert pd.isna(data["date"].iloc[3])  # the undated document stays in the data, last
    assert data["n_words"].tolist() == [120, 200, 300, 80]
    assert data["n_sentences"].tolist() == [5, 9, 12, 3]
    ax = fig.axes[0]
    assert ax.get_title(loc="left") == (
        "Length of each document over its date (3 documents; 1 without a date not shown)"
    )
    points = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert len(points) == 1 and len(points[0].get_offsets()) == 3
    assert points[0].get_offsets()[:, 1].tolist() == [120, 200, 300]
    assert texts_of(ax) == ["001", "004", "003"]  # one label per dated point
    assert ax.get_ylim() == pytest.approx((0, 300 * 1.15))


def test_document_lengths_without_undated_documents_has_plain_title():
    fig, data = figures.document_lengths(documents([("a", "2025-01-02", 10, 1)]))
    assert (
        fig.axes[0].get_title(loc="left") == "Length of each document over its date (1 documents)"
    )
    assert data["date"].tolist() == ["2025-01-02"]


def test_document_lengths_all_undated_or_unparseable_dates_plot_nothing():
    fig, data = figures.document_lengths(documents([("b", "", 40, 2), ("a", "not a date", 30, 1)]))
    assert data["doc_id"].tolist() == ["a", "b"]
    assert data["date"].isna().all()
    ax = fig.axes[0]
    assert ax.get_title(loc="left").endswith("(0 documents; 2 without a date not shown)")
    assert ax.get_ylim() == (0, 1)
    assert texts_of(ax) == []


def test_document_lengths_labels_points_only_up_to_the_limit():
    limit = figures.MAX_LABELLED_POINTS
    rows = [(f"{i:03d}", f"2025-01-{i + 1:02d}", 10 + i, 1) for i in range(limit + 1)]
    fig, _ = figures.document_lengths(documents(rows))
    assert texts_of(fig.axes[0]) == []
    fig, _ = figures.document_lengths(documents(rows[:limit]))
    assert len(texts_of(fig.axes[0])) == limit


# --- top_actors -----------------------------------------------------------------------

TOTALS = pd.DataFrame(
    [
        ("putin", "Vladimir Putin", 12, 8, 3, 1, 4, 5),
        ("trump", "Donald Trump", 9, 9, 0, 0, 0, 4),
        ("zelenskyy", "Volodymyr Zelenskyy", 5, 2, 3, 0, 1, 3),
        ("kremlin", "Kremlin", 2, 0, 0, 2, 0, 2),
    ],
    columns=["actor_id", "label", "n_mentions", "n_name", "n_title", "n_metonym", "n_demonym",
             "n_docs"],
)  # fmt: skip


def test_top_actors_keeps_the_first_n_and_stacks_kinds():
    fig, data = figures.top_actors(TOTALS, top_n=3)
    assert list(data.columns) == [
        "actor_id", "label", "n_mentions", "n_name", "n_title", "n_metonym", "n_demonym"]  # fmt: skip
    assert data["n_demonym"].tolist() == [0, 0, 0]  # recorded, not counted in n_mentions
    assert data["actor_id"].tolist() == ["putin", "trump", "zelenskyy"]
    assert data[["n_name", "n_title", "n_metonym"]].values.tolist() == [
        [8, 3, 1],
        [9, 0, 0],
        [2, 3, 0],
    ]
    ax = fig.axes[0]
    assert ax.get_title(loc="left") == "Most-mentioned actors (top 3)"
    assert len(ax.containers) == 3
    name, title, metonym = ax.containers
    assert [b.get_width() for b in title] == [3, 0, 3]
    assert [b.get_x() for b in title] == [8, 9, 2]  # stacked after the names
    assert [b.get_x() for b in metonym] == [11, 9, 5]
    assert texts_of(ax) == ["12", "9", "5"]  # totals without demonyms
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["name", "title", "metonym"]
    assert ax.yaxis_inverted()


def test_top_actors_default_top_n_keeps_all_of_a_short_table():
    fig, data = figures.top_actors(TOTALS)
    assert len(data) == 4
    assert fig.axes[0].get_title(loc="left") == "Most-mentioned actors (top 4)"


# --- mention_heatmap ------------------------------------------------------------------

COUNTS = pd.DataFrame(
    [
        ("000", "putin", 4),
        ("000", "trump", 3),
        ("001", "trump", 6),
        ("001", "kremlin", 2),
        ("002", "putin", 3),
    ],
    columns=["doc_id", "actor_id", "n_mentions"],
)


def test_mention_heatmap_cuts_documents_and_orders_rows_and_columns():
    fig, data = figures.mention_heatmap(COUNTS, ["putin", "trump"], ["001", "000", "002"], 2)
    assert list(data.columns) == ["doc_id", "putin", "trump"]  # kremlin is not in the order
    assert data.values.tolist() == [["001", 0, 6], ["000", 4, 3]]
    ax = fig.axes[0]
    assert (
        ax.get_title(loc="left")
        == "Mentions per document and actor (first 2 of 3 documents in date order)"
    )
    assert ax.images[0].get_array().tolist() == [[0, 6], [4, 3]]
    assert tick_labels(ax.get_yticklabels()) == ["001", "000"]
    assert tick_labels(ax.get_xticklabels()) == ["putin", "trump"]
    # non-zero cells are written, white only above half the maximum (6 / 2 = 3)
    cells = {(t.get_position(), t.get_text(), t.get_color()) for t in ax.texts}
    assert cells == {((1, 0), "6", "white"), ((0, 1), "4", "white"), ((1, 1), "3", "black")}
    assert len(fig.axes) == 2  # the heatmap and its colour bar


def test_mention_heatmap_all_documents_sums_repeated_cells():
    counts = pd.concat([COUNTS, COUNTS.iloc[[0]]])  # putin in 000 twice: summed
    fig, data = figures.mention_heatmap(counts, ["trump", "putin"], ["000", "001", "002"])
    assert data.set_index("doc_id").to_dict("index") == {
        "000": {"trump": 3, "putin": 8},
        "001": {"trump": 6, "putin": 0},
        "002": {"trump": 0, "putin": 3},
    }
    assert fig.axes[0].get_title(loc="left").endswith("(all 3 documents, in date order)")


def test_mention_heatmap_writes_no_numbers_into_large_grids():
    actors = [f"a{i:02d}" for i in range(31)]
    docs = [f"{i:03d}" for i in range(20)]
    counts = pd.DataFrame({"doc_id": docs, "actor_id": actors[: len(docs)], "n_mentions": 1})
    fig, data = figures.mention_heatmap(counts, actors, docs)
    assert data.shape == (20, 32) and data[actors].to_numpy().sum() == 20
    assert texts_of(fig.axes[0]) == []  # 620 cells > 600


def test_mention_heatmap_with_no_actors_draws_an_empty_grid():
    # A corpus where no actor is mentioned gives an empty actor order (notebook 02's top).
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warned of singular limits
        fig, data = figures.mention_heatmap(COUNTS.iloc[:0], [], ["000", "001"])
    assert data["doc_id"].tolist() == ["000", "001"]
    assert fig.axes[0].get_ylim() == (1.5, -0.5)


# --- dispersion -----------------------------------------------------------------------

MENTIONS = pd.DataFrame(
    [
        ("000", 0, "putin", "Putin", 0, 5, "name"),
        ("000", 2, "putin", "the Russian leader", 50, 68, "title"),
        ("001", 1, "trump", "Trump", 25, 30, "name"),
        ("001", 0, "putin", "Russian", 10, 17, "demonym"),
        ("000", 0, "kremlin", "Kremlin", 5, 12, "metonym"),
    ],
    columns=["doc_id", "sent_id", "actor_id", "surface", "start", "end", "kind"],
)
TEXTS = pd.DataFrame({"doc_id": ["000", "001"], "text": ["x" * 100, "y" * 50]})


def test_dispersion_places_mentions_within_their_document_span():
    fig, data = figures.dispersion(MENTIONS, TEXTS, ["trump", "putin"], ["001", "000"])
    assert list(data.columns) == ["doc_id", "actor_id", "start", "x", "row"]
    # 001 spans [0, 1), 000 spans [1, 2); demonyms and unlisted actors are left out
    assert data[["doc_id", "actor_id", "start"]].values.tolist() == [
        ["001", "trump", 25],
        ["000", "putin", 0],
        ["000", "putin", 50],
    ]
    assert data["x"].tolist() == [0.5, 1.0, 1.5]
    assert data["row"].tolist() == [0, 1, 1]
    ax = fig.axes[0]
    assert ax.collections[0].get_offsets().tolist() == [[0.5, 0], [1.0, 1], [1.5, 1]]
    assert [line.get_xdata()[0] for line in ax.lines] == [1]  # one separator between 2 docs
    assert ax.get_xlim() == (0, 2)
    assert ax.get_xticks().tolist() == [0.5, 1.5]
    assert tick_labels(ax.get_xticklabels()) == ["001", "000"]
    assert tick_labels(ax.get_yticklabels()) == ["trump", "putin"]
    assert ax.yaxis_inverted()


def test_dispersion_drops_separators_and_document_ticks_for_many_documents():
    doc_order = [f"{i:03d}" for i in range(figures.MAX_SEPARATED_DOCS + 1)]
    texts = pd.DataFrame({"doc_id": doc_order, "text": "z" * 10})
    fig, data = figures.dispersion(MENTIONS.iloc[[0]], texts, ["putin"], doc_order)
    ax = fig.axes[0]
    assert data["x"].tolist() == [0.0]
    assert len(ax.lines) == 0  # no separators beyond MAX_SEPARATED_DOCS documents
    assert ax.get_xlim() == (0, 61)
    assert not {0.5, 1.5} & set(ax.get_xticks().tolist())  # no tick per document
    assert not set(doc_order) & set(tick_labels(ax.get_xticklabels()))


# --- voice_share ----------------------------------------------------------------------

SHARE = pd.DataFrame(
    [
        ("000", "Vladimir Putin", 2, 10, 0.6667),
        ("000", "unknown", 1, 5, 0.3333),
        ("002", "Donald Trump", 3, 30, 0.7317),
        ("002", "Vladimir Putin", 1, 4, 0.0976),
        ("002", "others", 1, 7, 0.1707),
        ("003", "Donald Trump", 5, 100, 1.0),
    ],
    columns=["doc_id", "speaker", "n_quotes", "n_words", "share"],
)


def test_voice_share_orders_speakers_by_words_with_others_and_unknown_last():
    fig, data = voice_figures.voice_share(SHARE, ["002", "001", "000"])
    # 001 has no quotes and 003 is not in the order: neither is shown
    assert list(data.columns) == ["doc_id", "Donald Trump", "Vladimir Putin", "others", "unknown"]
    assert data.values.tolist() == [["002", 30, 4, 7, 0], ["000", 0, 10, 0, 5]]
    ax = fig.axes[0]
    assert len(ax.containers) == 4
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["Donald Trump", "Vladimir Putin", "others", "unknown"]
    others, unknown = ax.containers[2], ax.containers[3]
    assert to_hex(others[0].get_facecolor()) == to_hex(unknown[0].get_facecolor()) == "#bbbbbb"
    assert unknown[0].get_hatch() == "//" and others[0].get_hatch() is None
    assert [b.get_x() for b in unknown] == [41, 10]  # stacked after everyone else
    assert ax.yaxis_inverted()


def test_voice_share_cuts_to_max_docs_before_ordering_speakers():
    _, data = voice_figures.voice_share(SHARE, ["000", "002"], max_docs=1)
    assert data["doc_id"].tolist() == ["000"]
    assert list(data.columns)[1:3] == ["Vladimir Putin", "Donald Trump"]
    assert data.iloc[0, 1:].tolist() == [10, 0, 0, 5]


# --- portrayal_intervals --------------------------------------------------------------


def overall(rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=OVERALL_COLUMNS)


OVERALL = overall(
    [
        ("putin", "portrayal", "vader", 10, -0.3, -0.5, -0.1, False),
        ("trump", "portrayal", "vader", 8, 0.2, 0.0, 0.4, False),
        ("zelenskyy", "portrayal", "vader", 8, 0.1, -0.1, 0.3, False),
        ("kremlin", "portrayal", "vader", 8, -0.6, -0.9, -0.3, True),
        ("lavrov", "portrayal", "vader", 1, 0.5, np.nan, np.nan, True),
        ("putin", "voice", "vader", 20, 0.9, 0.8, 1.0, False),
        ("trump", "voice", "vader", 3, -0.4, -0.7, -0.1, False),
    ]
)


def test_portrayal_intervals_keeps_most_scored_and_sorts_by_mean():
    fig, data = voice_figures.portrayal_intervals(OVERALL, LABELS, "vader", top_n=3)
    # by n, ties by actor_id: putin (10), kremlin, trump (8); zelenskyy is cut; voice ignored
    assert data["actor_id"].tolist() == ["kremlin", "putin", "trump"]
    assert data["label"].tolist() == ["Kremlin", "Vladimir Putin", "Donald Trump"]
    assert data["role"].eq("portrayal").all()
    assert data["mean"].tolist() == [-0.6, -0.3, 0.2]
    ax = fig.axes[0]
    assert ax.get_title(loc="left").startswith("How the text portrays the 3 most-scored actors")
    assert "vader scorer" in ax.get_xlabel()
    assert tick_labels(ax.get_yticklabels()) == ["Kremlin", "Vladimir Putin", "Donald Trump"]
    assert texts_of(ax) == ["n=8", "n=10", "n=8"]
    markers = [line for line in ax.lines if line.get_marker() == "o"]
    # by the interval's side of zero: below in red, including zero in grey; thin hollow
    assert data["side"].tolist() == ["below zero", "below zero", "includes zero"]
    assert [to_hex(m.get_color()) for m in markers] == ["#b2182b", "#b2182b", "#777777"]
    assert [m.get_markerfacecolor() for m in markers][0] == "white"  # kremlin is thin
    intervals = [
        line for line in ax.lines if len(line.get_xdata()) == 2 and line.get_marker() != "o"
    ]
    intervals = [line for line in intervals if list(line.get_ydata()) != [0, 1]]  # not the 0 line
    assert [list(line.get_xdata()) for line in intervals] == [
        [-0.9, -0.3],
        [-0.5, -0.1],
        [0.0, 0.4],
    ]


def test_portrayal_intervals_draws_no_interval_for_a_single_score():
    fig, data = voice_figures.portrayal_intervals(OVERALL, LABELS, "trained", top_n=15)
    assert len(data) == 5
    assert data["actor_id"].tolist() == ["kremlin", "putin", "zelenskyy", "trump", "lavrov"]
    ax = fig.axes[0]
    markers = [line for line in ax.lines if line.get_marker() == "o"]
    assert len(markers) == 5
    assert len(ax.lines) == 5 + 4 + 1  # markers, four intervals (lavrov has none), the 0 line


# --- voice_vs_portrayal ---------------------------------------------------------------


def test_voice_vs_portrayal_keeps_actors_with_both_roles():
    extra = overall([("lavrov", "voice", "vader", 2, 0.1, 0.0, 0.2, True)])
    fig, data = voice_figures.voice_vs_portrayal(pd.concat([OVERALL, extra]), LABELS)
    assert data["actor_id"].tolist() == ["lavrov", "putin", "trump"]
    assert data["label"].tolist() == ["Sergey Lavrov", "Vladimir Putin", "Donald Trump"]
    assert data["portrayal_mean"].tolist() == [0.5, -0.3, 0.2]
    assert data["voice_mean"].tolist() == [0.1, 0.9, -0.4]
    assert data["voice_n"].tolist() == [2, 20, 3]
    assert data["portrayal_n"].tolist() == [1, 10, 8]
    ax = fig.axes[0]
    points = [c for c in ax.collections if isinstance(c, PathCollection)][0]
    assert points.get_offsets().tolist() == [[0.5, 0.1], [-0.3, 0.9], [0.2, -0.4]]
    assert points.get_sizes().tolist() == [28, 100, 32]  # 20 + 4 per quote
    assert texts_of(ax) == ["Sergey Lavrov", "Vladimir Putin", "Donald Trump"]
    assert ax.get_xlim() == (-1, 1) and ax.get_ylim() == (-1, 1)


def test_voice_vs_portrayal_without_any_attributed_quote_plots_nothing():
    _, data = voice_figures.voice_vs_portrayal(OVERALL[OVERALL["role"] == "portrayal"], LABELS)
    assert data.empty


# --- speaker_target_heatmap -----------------------------------------------------------

PAIRS = pd.DataFrame(
    [
        ("000", "putin", "zelenskyy", 1, 0.5),
        ("001", "putin", "zelenskyy", 3, -0.5),
        ("000", "putin", "trump", 3, 0.3),
        ("000", "trump", "zelenskyy", 1, -0.8),
        ("001", "zelenskyy", "putin", 2, -0.9),
    ],
    columns=["doc_id", "speaker_id", "target_id", "n", "mean"],
)


def test_speaker_target_heatmap_weights_documents_and_keeps_top_speakers_and_targets():
    fig, data = voice_figures.speaker_target_heatmap(PAIRS, LABELS, top_n=2)
    # speakers putin 7, zelenskyy 2 (trump 1 cut); targets zelenskyy 5, trump 3 (putin 2 cut)
    assert list(data.columns) == ["speaker_id", "target_id", "n", "mean"]
    assert data[["speaker_id", "target_id"]].values.tolist() == [
        ["putin", "trump"],
        ["putin", "zelenskyy"],
    ]
    assert data["n"].tolist() == [3, 4]
    assert data["mean"].tolist() == pytest.approx([0.3, (0.5 - 1.5) / 4])
    ax = fig.axes[0]
    grid = ax.images[0].get_array()
    assert grid.shape == (2, 2)
    assert grid[0].tolist() == pytest.approx([-0.25, 0.3])
    assert grid.mask[1].all()  # zelenskyy says nothing of the kept targets
    assert tick_labels(ax.get_yticklabels()) == ["Vladimir Putin", "Volodymyr Zelenskyy"]
    assert tick_labels(ax.get_xticklabels()) == ["Volodymyr Zelenskyy", "Donald Trump"]
    cells = sorted((t.get_position(), t.get_text()) for t in ax.texts)
    assert cells == [((0, 0), "-0.25\nn=4"), ((1, 0), "+0.30\nn=3")]


def test_speaker_target_heatmap_breaks_ties_by_id_and_counts_whole_quotes():
    tied = pd.DataFrame(
        [("000", s, t, 1, 0.1) for s in ("kallas", "bruce", "starmer") for t in ("uk", "eu")],
        columns=["doc_id", "speaker_id", "target_id", "n", "mean"],
    )
    fig, data = voice_figures.speaker_target_heatmap(tied, {}, top_n=2)
    assert data[["speaker_id", "target_id"]].values.tolist() == [
        ["bruce", "eu"], ["bruce", "uk"], ["kallas", "eu"], ["kallas", "uk"]]  # fmt: skip
    assert data["n"].dtype == "int64"


def test_speaker_target_heatmap_falls_back_to_ids_without_labels():
    fig, data = voice_figures.speaker_target_heatmap(PAIRS, {"putin": "Vladimir Putin"})
    assert len(data) == 4  # every speaker-target pair, documents summed
    ax = fig.axes[0]
    assert tick_labels(ax.get_yticklabels()) == ["Vladimir Putin", "zelenskyy", "trump"]
    assert tick_labels(ax.get_xticklabels()) == ["zelenskyy", "trump", "Vladimir Putin"]
    assert len(ax.texts) == 4


# --- shift_slopes ---------------------------------------------------------------------

SHIFT = pd.DataFrame(
    [
        ("putin", "portrayal", "000", "004", -0.2, -0.6, -0.4, -0.7, -0.1, 0.01, 0.02, 25, 26, 4,
         5, "documents", True, True),
        ("eu", "portrayal", "000", "004", -0.1, 0.25, 0.35, 0.1, 0.6, 0.02, 0.03, 24, 23, 3, 3,
         "documents", True, True),
        ("trump", "portrayal", "000", "004", 0.1, 0.3, 0.2, -0.1, 0.5, np.nan, np.nan, 3, 4, 1, 1,
         "sentences", False, True),
        ("putin", "voice", "000", "004", 0.5, 0.6, 0.1, -0.2, 0.4, np.nan, np.nan, 3, 3, 1, 1,
         "sentences", False, True),
        ("zelenskyy", "portrayal", "000", "004", 0.0, 0.5, 0.5, np.nan, np.nan, np.nan, np.nan, 1,
         2, 1, 1, "sentences", False, False),
    ],
    columns=SHIFT_COLUMNS,
)  # fmt: skip


# --- trajectories ---------------------------------------------------------------------

TRAJECTORY = pd.DataFrame(
    [
        ("000", "putin", "portrayal", 4, -0.2, -0.4, 0.0, False),
        ("000", "putin", "voice", 1, 0.5, np.nan, np.nan, True),
        ("000", "trump", "portrayal", 3, 0.1, -0.1, 0.3, False),
        ("001", "putin", "portrayal", 2, -0.5, -0.8, -0.2, True),
        ("001", "zelenskyy", "portrayal", 5, 0.3, 0.1, 0.5, False),
        ("002", "putin", "portrayal", 5, -0.6, -0.8, -0.4, False),
        ("002", "trump", "portrayal", 1, 0.4, np.nan, np.nan, True),
    ],
    columns=TRAJECTORY_COLUMNS,
)


def test_trajectories_one_panel_per_actor_with_hollow_thin_periods():
    fig, data = shift_figures.trajectories(TRAJECTORY, LABELS, ["putin", "trump"])
    assert data.index.tolist() == [0, 1, 2, 3, 5, 6]  # zelenskyy's row left out
    assert set(data["actor_id"]) == {"putin", "trump"}
    assert len(fig.axes) == 3
    putin, trump, spare = fig.axes
    assert not spare.get_visible()
    assert putin.get_title(loc="left") == "Vladimir Putin"
    assert trump.get_title(loc="left") == "Donald Trump"
    lines = {line.get_label(): line for line in putin.lines}
    assert lines["portrayal"].get_xdata().tolist() == [0, 1, 2]  # periods in the table's order
    assert lines["portrayal"].get_ydata().tolist() == [-0.2, -0.5, -0.6]
    assert lines["voice"].get_xdata().tolist() == [0]
    assert trump.lines[0].get_xdata().tolist() == [0, 2]
    # both panels span all three periods, so a lone first-period point clears the spine
    assert putin.get_xlim() == trump.get_xlim() == (-0.4, 2.4)
    points = [c for c in putin.collections if isinstance(c, PathCollection)]
    portrayal_faces = points[0].get_facecolors()
    assert portrayal_faces[:, 3].tolist() == [1, 0, 1]  # 001 is thin: hollow
    assert tuple(points[0].get_edgecolors()[0]) == to_rgba("#1f4e79")
    assert tick_labels(putin.get_xticklabels()) == ["000", "001", "002"]
    assert putin.get_ylim() == (-1, 1)
    assert [t.get_text() for t in fig.legends[0].get_texts()] == ["portrayal", "voice"]


def test_trajectories_grid_rows_and_actor_without_scores():
    actors = ["putin", "trump", "zelenskyy", "rubio"]
    fig, data = shift_figures.trajectories(TRAJECTORY, LABELS, actors, columns=3)
    assert len(data) == 7
    assert len(fig.axes) == 6
    assert [ax.get_visible() for ax in fig.axes] == [True] * 4 + [False] * 2
    rubio = fig.axes[3]
    assert rubio.get_title(loc="left") == "rubio"  # no label: the id
    assert len(rubio.lines) == 1  # the zero line only


# --- stance_matrix -------------------------------------------------------------------

STANCE = pd.DataFrame(
    [
        ("000", "putin", "stance: talks", 3, 0.45, 0.6),
        ("000", "zelenskyy", "stance: talks", 2, -0.7, -1.0),
        ("000", "putin", "portrayal", 9, 0.1, 0.1),
        ("004", "putin", "stance: talks", 2, 0.25, 0.5),
        ("004", "trump", "stance: talks", 1, 0.0, 0.0),
    ],
    columns=["period", "actor_id", "role", "n", "mean", "net_tone"],
)


def test_stance_matrix_without_stance():
    fig, data = shift_figures.stance_matrix(STANCE.iloc[:0], LABELS, "talks")
    assert data.empty
    assert [t.get_text() for t in fig.axes[0].texts] == ["No attribution about talks"]


# --- save_figure and publish ----------------------------------------------------------


def test_save_figure_writes_png_svg_and_the_plotted_data(tmp_path):
    fig, data = figures.top_actors(TOTALS, 3)
    out = tmp_path / "nested" / "figures"
    png = publish.save_figure(fig, data, "fig_top", out)
    assert png == out / "fig_top.png"
    assert sorted(p.name for p in out.iterdir()) == ["fig_top.csv", "fig_top.png", "fig_top.svg"]
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert b"Software" not in png.read_bytes()
    svg = (out / "fig_top.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<dc:date>" not in svg
    written = pd.read_csv(out / "fig_top.csv")
    pd.testing.assert_frame_equal(written, data.reset_index(drop=True), check_dtype=False)
    assert (out / "fig_top.csv").read_bytes().count(b"\r") == 0


def test_save_figure_is_deterministic(tmp_path):
    fig, data = figures.mention_heatmap(COUNTS, ["putin", "trump"], ["001", "000", "002"])
    publish.save_figure(fig, data, "heat", tmp_path / "a")
    publish.save_figure(fig, data, "heat", tmp_path / "b")
    again, again_data = figures.mention_heatmap(COUNTS, ["putin", "trump"], ["001", "000", "002"])
    publish.save_figure(again, again_data, "heat", tmp_path / "c")
    for suffix in ("png", "svg", "csv"):
        first = (tmp_path / "a" / f"heat.{suffix}").read_bytes()
        assert first == (tmp_path / "b" / f"heat.{suffix}").read_bytes(), suffix
        assert first == (tmp_path / "c" / f"heat.{suffix}").read_bytes(), suffix


def boxed_axes() -> plt.Figure:
    """A 4 x 2 inch figure whose only artist is an Axes from (1, 0.5) to (3, 1.5) inches."""
    fig = plt.figure(figsize=(4, 2))
    fig.add_axes((0.25, 0.25, 0.5, 0.5)).set_axis_off()
    return fig


def svg_size(path) -> tuple[str, str, str]:
    svg = path.read_text(encoding="utf-8")
    return re.search(r'<svg[^>]* width="([^"]+)" height="([^"]+)" viewBox="([^"]+)"', svg).groups()


def test_tight_box_is_the_tight_area_padded_in_inches():
    assert plt.rcParams["savefig.pad_inches"] == 0.1
    box = publish.tight_box(boxed_axes(), 120)
    assert box.bounds == pytest.approx((0.9, 0.4, 2.2, 1.2))


def test_save_figure_saves_the_tight_box_in_both_formats(tmp_path):
    assert plt.rcParams["savefig.dpi"] == 120
    png = publish.save_figure(boxed_axes(), pd.DataFrame(), "box", tmp_path)
    assert PIL.Image.open(png).size == (264, 144)  # 2.2 x 1.2 inches at 120 dpi
    assert svg_size(tmp_path / "box.svg") == ("158.4pt", "86.4pt", "0 0 158.4 86.4")  # at 72 pt


def test_save_figure_draws_once_to_measure_and_once_per_format(tmp_path, monkeypatch):
    fig, data = figures.mention_heatmap(COUNTS, ["putin", "trump"], ["001", "000", "002"])
    engine = fig.get_layout_engine()  # the placeholder fig.tight_layout() leaves
    draws = []
    draw = fig.draw

    def counting_draw(renderer):
        draws.append(type(renderer).__name__)
        return draw(renderer)

    monkeypatch.setattr(fig, "draw", counting_draw)
    publish.save_figure(fig, data, "heat", tmp_path)
    # matplotlib's bbox_inches="tight" alone draws 4 times: measure + render, per format
    assert draws == ["RendererAgg", "RendererAgg", "MixedModeRenderer"]
    assert fig.get_layout_engine() is engine


def tight_layout_figure():
    return figures.top_actors(TOTALS, 3)[0]


def panels_figure():  # no layout engine, a heatmap and a colour bar
    return shift_figures.stance_matrix(STANCE, LABELS, "talks")[0]


def constrained_figure():  # a layout engine that runs at each draw
    fig, (left, right) = plt.subplots(1, 2, figsize=(5, 3), layout="constrained")
    left.plot([0, 1], [2, 3])
    left.set_title("constrained", loc="left")
    fig.colorbar(right.imshow([[0, 1], [2, 3]]), ax=right, label="value")
    return fig


@pytest.mark.parametrize("make", [tight_layout_figure, panels_figure, constrained_figure])
def test_save_figure_png_is_matplotlibs_own_tight_export(tmp_path, make):
    expected = io.BytesIO()
    make().savefig(expected, format="png", bbox_inches="tight", metadata={"Software": None})
    fig = make()
    engine = fig.get_layout_engine()
    png = publish.save_figure(fig, pd.DataFrame(), "fig", tmp_path)
    assert png.read_bytes() == expected.getvalue()
    assert fig.get_layout_engine() is engine  # put back after saving
    box = publish.tight_box(make(), 120)
    width, height, _ = svg_size(tmp_path / "fig.svg")  # the same box, in points
    assert (float(width[:-2]), float(height[:-2])) == pytest.approx(
        (box.width * 72, box.height * 72)
    )


def test_save_figure_without_an_agg_canvas_lets_each_format_measure(tmp_path):
    expected = io.BytesIO()
    tight_layout_figure().savefig(expected, format="png", bbox_inches="tight",
                                  metadata={"Software": None})  # fmt: skip
    fig = tight_layout_figure()
    FigureCanvasSVG(fig)
    png = publish.save_figure(fig, pd.DataFrame(), "fig", tmp_path)
    assert png.read_bytes() == expected.getvalue()
    assert (tmp_path / "fig.svg").exists()


BUILDERS = {
    "document_lengths": lambda: figures.document_lengths(
        documents([("a", "2025-01-02", 10, 1), ("b", "2025-01-05", 30, 2)])
    ),
    "top_actors": lambda: figures.top_actors(TOTALS),
    "mention_heatmap": lambda: figures.mention_heatmap(COUNTS, ["putin", "trump"], ["000", "001"]),
    "dispersion": lambda: figures.dispersion(MENTIONS, TEXTS, ["trump", "putin"], ["001", "000"]),
    "voice_share": lambda: voice_figures.voice_share(SHARE, ["002", "000"]),
    "portrayal_intervals": lambda: voice_figures.portrayal_intervals(OVERALL, LABELS, "vader"),
    "voice_vs_portrayal": lambda: voice_figures.voice_vs_portrayal(OVERALL, LABELS),
    "speaker_target_heatmap": lambda: voice_figures.speaker_target_heatmap(PAIRS, LABELS),
    "shift_intervals": lambda: shift_figures.shift_intervals(SHIFT, LABELS),
    "trajectories": lambda: shift_figures.trajectories(TRAJECTORY, LABELS, ["putin", "trump"]),
    "stance_matrix": lambda: shift_figures.stance_matrix(STANCE, LABELS, "talks"),
}


@pytest.mark.parametrize("build", BUILDERS.values(), ids=BUILDERS)
def test_pinned_empty_axis_labels_change_no_pixel(tmp_path, monkeypatch, build):
    pinned = publish.save_figure(*build(), "pinned", tmp_path)
    monkeypatch.setattr(figure_style, "pin_empty_axis_labels", lambda axes: None)
    placed = publish.save_figure(*build(), "placed", tmp_path)  # matplotlib places them
    assert pinned.read_bytes() == placed.read_bytes()


def test_publish_returns_the_saved_png_and_closes_the_figure(tmp_path):
    fig, data = figures.document_lengths(documents([("a", "2025-01-02", 10, 1)]))
    assert plt.fignum_exists(fig.number)
    image = publish.publish(fig, data, "lengths", tmp_path)
    assert isinstance(image, Image)
    assert image.data == (tmp_path / "lengths.png").read_bytes()
    assert (tmp_path / "lengths.svg").exists() and (tmp_path / "lengths.csv").exists()
    assert not plt.fignum_exists(fig.number)
