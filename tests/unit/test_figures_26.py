"""Issue 26's figures: the stance matrix's measure, fading and officials' rows, the shift dot
plot, portrayal coloured by its interval, labels that do not collide, the top actors' bars
and the document figures at many documents."""

import itertools

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import Normalize, to_hex, to_rgba
from matplotlib.text import Text

from actorlens.core.tables import SCHEMAS
from actorlens.report import figures, shift_figures, voice_figures

matplotlib.use("Agg")

LABELS = {"putin": "Vladimir Putin", "russia": "Russia", "trump": "Donald Trump", "eu": "EU"}


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


# --- stance matrix ----------------------------------------------------------------------

TRAJECTORY = pd.DataFrame(
    [
        ("000", "putin", "stance: talks", 3, 0.45, 1.0),
        ("000", "russia", "stance: talks", 1, -0.8, -1.0),
        ("001", "putin", "stance: talks", 2, -0.2, 0.0),
        ("001", "trump", "stance: talks", 4, -0.004, 0.5),  # printed +0.00, not -0.00
        ("001", "putin", "portrayal", 9, 0.3, 0.3),
    ],
    columns=["period", "actor_id", "role", "n", "mean", "net_tone"],
)
STANCE = pd.DataFrame(
    [
        ("d0", "putin", "talks", None),
        ("d0", "russia", "talks", "putin"),  # Russia only through Putin
        ("d1", "trump", "talks", None),
        ("d1", "putin", "talks", None),
    ],
    columns=["doc_id", "speaker_id", "target", "through"],
)


def cell_colour(mean: float, weight: float) -> np.ndarray:
    full = np.array(plt.get_cmap("RdBu")(Normalize(-1, 1)(mean)))
    return weight * full + (1 - weight) * np.ones(4)


def test_stance_matrix_colours_by_mean_prints_value_and_n_and_fades_thin_cells():
    fig, data = shift_figures.stance_matrix(TRAJECTORY, LABELS, "talks", stance=STANCE)
    ax = fig.axes[0]
    # speakers by n: putin 5, trump 4, russia 1; periods in the trajectory's order
    assert tick_labels(ax.get_yticklabels()) == ["Vladimir Putin", "Donald Trump",
                                                 "Russia (via officials)"]  # fmt: skip
    assert tick_labels(ax.get_xticklabels()) == ["000", "001"]
    cells = ax.images[0].get_array()
    np.testing.assert_allclose(cells[0, 0], cell_colour(0.45, 1.0))  # the mean, not net_tone
    np.testing.assert_allclose(cells[0, 1], cell_colour(-0.2, 0.6))  # n=2 lighter
    np.testing.assert_allclose(cells[2, 0], cell_colour(-0.8, 0.3))  # n=1 lightest
    np.testing.assert_allclose(cells[1, 0], to_rgba(shift_figures.NOT_FOUND_COLOR))
    texts = {t.get_position(): t.get_text() for t in ax.texts}
    assert texts == {(0, 0): "+0.45\nn=3", (1, 0): "-0.20\nn=2", (1, 1): "+0.00\nn=4",
                     (0, 2): "-0.80\nn=1"}  # fmt: skip
    title = ax.get_title(loc="left")
    assert title.splitlines()[0] == "Stance toward talks, per period (3 speakers)"
    assert "n=1 lightest" in title and "grey: no stance found" in title
    assert "(via officials): the state's stance read from what its officials said" in title
    assert data.set_index(["period", "actor_id"])["weight"].to_dict() == {
        ("000", "putin"): 1.0, ("000", "russia"): 0.3, ("001", "putin"): 0.6,
        ("001", "trump"): 1.0}  # fmt: skip
    assert data.loc[data["actor_id"] == "russia", "label"].tolist() == ["Russia (via officials)"]
    assert fig.axes[1].get_ylabel() == "mean stance (-1 against, +1 in favour)"


def test_stance_matrix_marks_a_state_partly_spoken_for_by_officials():
    stance = pd.concat([STANCE, STANCE.iloc[[1]].assign(through=None)], ignore_index=True)
    assert shift_figures.officials_mark(stance, "russia", "talks") == " (partly via officials)"
    assert shift_figures.officials_mark(stance, "putin", "talks") == ""
    assert shift_figures.officials_mark(STANCE, "russia", "other") == ""
    assert shift_figures.officials_mark(None, "russia", "talks") == ""
    fig, _ = shift_figures.stance_matrix(TRAJECTORY, LABELS, "talks")  # no stance table
    assert "via officials" not in fig.axes[0].get_title(loc="left")


# --- shift dot plot ---------------------------------------------------------------------


def shift_row(actor, role, delta, low, high, tested, n=(25, 26)):
    return (actor, role, "000", "004", 0.0, delta, delta, low, high, 0.01, 0.02, *n, 4, 5,
            "documents", tested, True)  # fmt: skip


SHIFT = pd.DataFrame(
    [
        shift_row("putin", "portrayal", -0.4, -0.7, -0.1, True),
        shift_row("eu", "voice", 0.35, 0.1, 0.6, True),
        shift_row("trump", "stance: talks", 0.2, -0.1, 0.5, False, (3, 4)),
        shift_row("russia", "portrayal", 0.3, np.nan, np.nan, False),
        shift_row("putin", "stance: talks", -0.5, -0.9, -0.2, False, (2, 1)),
    ],
    columns=SCHEMAS["stance_shift"].names,
)


def test_shift_intervals_draws_each_change_with_its_interval_stance_first():
    fig, data = shift_figures.shift_intervals(SHIFT, LABELS)
    # stance first, then portrayal and voice; the table's order within; russia has no interval
    assert data[["actor_id", "role"]].values.tolist() == [
        ["trump", "stance: talks"], ["putin", "stance: talks"], ["putin", "portrayal"],
        ["eu", "voice"]]  # fmt: skip
    assert data["side"].tolist() == ["includes zero", "below zero", "below zero", "above zero"]
    ax = fig.axes[0]
    dots = [line for line in ax.lines if line.get_marker() == "o"]
    assert [line.get_xdata()[0] for line in dots] == [0.2, -0.5, -0.4, 0.35]
    assert [to_hex(line.get_color()) for line in dots] == ["#777777", "#b2182b", "#b2182b",
                                                           "#2166ac"]  # fmt: skip
    # filled where tested, hollow where not
    assert [line.get_markerfacecolor() for line in dots][:2] == ["white", "white"]
    assert [to_hex(line.get_markerfacecolor()) for line in dots][2:] == ["#b2182b", "#2166ac"]
    intervals = [line for line in ax.lines if line.get_marker() != "o" and len(line.get_xdata())
                 == 2 and line.get_ydata()[0] == line.get_ydata()[1]]  # fmt: skip
    assert [list(line.get_xdata()) for line in intervals] == [[-0.1, 0.5], [-0.9, -0.2],
                                                              [-0.7, -0.1], [0.1, 0.6]]  # fmt: skip
    assert tick_labels(ax.get_yticklabels()) == [
        "Donald Trump \u00b7 stance: talks", "Vladimir Putin \u00b7 stance: talks",
        "Vladimir Putin \u00b7 portrayal", "EU \u00b7 voice"]  # fmt: skip
    assert [t.get_text() for t in ax.texts][:2] == ["n 3\u21924", "n 2\u21921"]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["interval above zero", "interval below zero", "interval includes zero",
                      "tested", "not tested (too few scores)"]  # fmt: skip
    assert ax.get_title(loc="left") == (
        "Change of each actor and role, 000 to 004, with its 95% interval\n"
        "(4 of 4 pairs with an interval, stance first; 2 tested)"
    )


def test_shift_intervals_keeps_top_n_and_draws_nothing_without_an_interval():
    _, data = shift_figures.shift_intervals(SHIFT, LABELS, top_n=2)
    assert data["role"].tolist() == ["stance: talks", "stance: talks"]
    fig, data = shift_figures.shift_intervals(SHIFT[SHIFT["ci_low"].isna()], LABELS)
    assert data.empty
    assert fig.axes[0].get_title(loc="left").endswith("(0 of 0 pairs with an interval, "
                                                      "stance first; 0 tested)")  # fmt: skip


# --- portrayal coloured by its interval ----------------------------------------------------


def test_portrayal_colour_follows_the_interval_not_the_sign_of_the_mean():
    overall = pd.DataFrame(
        [
            ("lavrov", "portrayal", "minilm", 6, -0.004, -0.2, 0.19, False),  # was drawn red
            ("ryabkov", "portrayal", "minilm", 5, 0.0, 0.01, 0.02, False),
            ("trump", "portrayal", "minilm", 30, 0.2, -0.4, -0.1, False),
            ("eu", "portrayal", "minilm", 1, 0.5, np.nan, np.nan, True),
        ],
        columns=["actor_id", "role", "scorer", "n", "mean", "ci_low", "ci_high", "thin"],
    )
    fig, data = voice_figures.portrayal_intervals(overall, LABELS, "minilm")
    sides = dict(zip(data["actor_id"], data["side"], strict=True))
    assert sides == {"lavrov": "includes zero", "ryabkov": "above zero", "trump": "below zero",
                     "eu": "no interval"}  # fmt: skip
    ax = fig.axes[0]
    dots = {line.get_xdata()[0]: to_hex(line.get_color()) for line in ax.lines
            if line.get_marker() == "o"}  # fmt: skip
    assert dots == {-0.004: "#777777", 0.0: "#2166ac", 0.2: "#b2182b", 0.5: "#bbbbbb"}
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["interval above zero", "interval below zero", "interval includes zero",
                      "no interval (one score)"]  # fmt: skip


# --- labels that do not collide ----------------------------------------------------------


def test_voice_vs_portrayal_labels_do_not_overlap_on_a_crowded_plot():
    actors = [f"actor_{i:02d}" for i in range(16)]
    rows = []
    for i, actor in enumerate(actors):  # sixteen points within 0.1 of each other
        x, y = 0.3 + 0.03 * (i % 4), 0.2 + 0.03 * (i // 4)
        rows += [(actor, "portrayal", "minilm", 5, x, x - 0.1, x + 0.1, False),
                 (actor, "voice", "minilm", 1 + i, y, y - 0.1, y + 0.1, False)]  # fmt: skip
    overall = pd.DataFrame(rows, columns=["actor_id", "role", "scorer", "n", "mean", "ci_low",
                                          "ci_high", "thin"])  # fmt: skip
    labels = {a: f"Long Label Of {a}" for a in actors}
    fig, data = voice_figures.voice_vs_portrayal(overall, labels)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.texts] == [labels[a] for a in data["actor_id"]]
    fig.canvas.draw()  # places the annotations
    renderer = fig.canvas.get_renderer()
    boxes = [Text.get_window_extent(t, renderer) for t in ax.texts]
    frame = ax.get_window_extent(renderer)
    overlapping = [(a.get_text(), b.get_text()) for (a, box_a), (b, box_b) in
                   itertools.combinations(zip(ax.texts, boxes, strict=True), 2)
                   if box_a.overlaps(box_b)]  # fmt: skip
    assert overlapping == []
    assert all(frame.contains(b.x0, b.y0) and frame.contains(b.x1, b.y1) for b in boxes)


def test_place_labels_keeps_a_lone_label_beside_its_point():
    fig, ax = plt.subplots()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    (label,) = voice_figures.place_labels(ax, [(0.5, 0.5)], ["alone"])
    assert label.xyann == (4, 4)  # right of and above the point, half a step off
    assert label.arrow_patch is None


# --- top actors: the bars are the counts ranked by ---------------------------------------


def test_top_actors_draws_counted_demonyms_so_bars_match_the_ranking():
    totals = pd.DataFrame(
        [("russia", "Russia", 12, 2, 0, 1, 9, 5), ("putin", "Vladimir Putin", 10, 8, 2, 0, 0, 4)],
        columns=["actor_id", "label", "n_mentions", "n_name", "n_title", "n_metonym",
                 "n_demonym", "n_docs"],
    )  # fmt: skip
    fig, data = figures.top_actors(totals)
    assert data["actor_id"].tolist() == ["russia", "putin"]
    assert data["n_demonym"].tolist() == [9, 0]
    ax = fig.axes[0]
    ends = [bar.get_x() + bar.get_width() for bar in ax.containers[-1]]
    assert ends == [12, 10]  # each bar ends at its n_mentions
    assert [t.get_text() for t in ax.texts] == ["12", "10"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["name", "title", "metonym",
                                                                  "demonym"]  # fmt: skip
    assert ax.get_xlabel() == "mentions (names, titles, metonyms and demonyms)"


# --- documents in date order, the cut said in the title ----------------------------------


def test_document_figures_keep_date_order_and_say_how_many_they_show():
    order = [f"{i}" for i in (30, 4, 200, 11, 7)]  # date order, not the ids' order
    counts = pd.DataFrame({"doc_id": order, "actor_id": "putin", "n_mentions": [1, 2, 3, 4, 5]})
    fig, data = figures.mention_heatmap(counts, ["putin"], order, max_docs=3)
    assert data["doc_id"].tolist() == ["30", "4", "200"]
    assert tick_labels(fig.axes[0].get_yticklabels()) == ["30", "4", "200"]
    assert fig.axes[0].get_title(loc="left") == (
        "Mentions per document and actor (first 3 of 5 documents in date order)"
    )
    share = pd.DataFrame({"doc_id": order, "speaker": "Vladimir Putin", "n_words": 10})
    fig, data = voice_figures.voice_share(share, order, max_docs=2)
    assert data["doc_id"].tolist() == ["30", "4"]
    assert fig.axes[0].get_title(loc="left") == (
        "Whose words are quoted in each document (first 2 of 5 documents with quotes in date order)"
    )
    assert figures.documents_shown(5, 5) == "all 5 documents, in date order"


def tick_labels(ticks) -> list[str]:
    return [t.get_text() for t in ticks]
