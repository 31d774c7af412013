"""Hostile text in the CSVs and the figures: no spreadsheet formulas, no math, no dead links."""

import re
from datetime import datetime

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd
import pytest
from IPython.display import Image

from actorlens.core import tables
from actorlens.core.stages import Stage
from actorlens.report import figures, front_page, publish, shift_figures, voice_figures

matplotlib.use("Agg")

AWKWARD = ["=1+1", "'=x", "''@y", "-", "- bullet", "\tx", "\rx", "+7", "@a", "'", "''", "'plain",
           "it's", "plain", "", "x\ny", "a\r\nb", "q\rr", "=HYPERLINK(\"http://x\",\"y\")"]  # fmt: skip


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def csv_cells(path) -> list[list[str]]:
    """The cells of a CSV as a spreadsheet program would split them (no types)."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, header=None)
    return frame.to_numpy().tolist()


def starts_a_formula(cell: str) -> bool:
    return bool(re.match(r"[=+\-@\t\r]", cell))


# --- CSV injection ------------------------------------------------------------------


def test_text_round_trips_exactly_and_no_csv_cell_starts_a_formula(tmp_path):
    frame = pd.DataFrame({"doc_id": "d", "sent_id": range(len(AWKWARD)), "start": -1, "end": -2,
                          "text": AWKWARD})  # fmt: skip
    tables.write("sentences", frame, tmp_path)
    back = tables.read("sentences", tmp_path)
    assert back["text"].tolist() == AWKWARD
    assert back["start"].tolist() == [-1] * len(AWKWARD)  # numbers are not quoted
    text = [row[4] for row in csv_cells(tmp_path / "sentences.csv")[1:]]
    assert text[:8] == ["'=1+1", "''=x", "'''@y", "'-", "'- bullet", "'\tx", "'\rx", "'+7"]
    assert text[9:14] == ["'", "''", "'plain", "it's", "plain"]  # no trigger: as it was
    assert text[-2:] == ["q\rr", '\'=HYPERLINK("http://x","y")']
    assert not any(starts_a_formula(cell) for cell in text)
    assert (tmp_path / "sentences.csv").read_text().splitlines()[1] == "d,0,-1,-2,'=1+1"
    assert pd.read_parquet(tmp_path / "sentences.parquet")["text"].tolist() == AWKWARD


def test_a_carriage_return_is_quoted_so_it_splits_no_row(tmp_path):
    frame = pd.DataFrame({"doc_id": ["1", "2", "3"], "text": ["a\r=cmd()", "plain", "\r"]})
    tables.write("texts", frame, tmp_path)
    raw = (tmp_path / "texts.csv").read_bytes()
    assert raw == b'doc_id,text\n1,"a\r=cmd()"\n2,plain\n3,"\'\r"\n'
    assert tables.read("texts", tmp_path)["text"].tolist() == ["a\r=cmd()", "plain", "\r"]


def test_documents_titles_outlets_and_manifest_columns_are_quoted(tmp_path):
    names = [*tables.SCHEMAS["documents"].names, "=source", "'@note"]
    row = ["001", "-a.txt", "2025-01-02", "+outlet", "=HYPERLINK(\"http://x\")", 12, 1, "ab",
           "@cmd", "-"]  # fmt: skip
    tables.write("documents", pd.DataFrame([row], columns=names), tmp_path)
    header, cells = csv_cells(tmp_path / "documents.csv")
    assert header[-2:] == ["'=source", "''@note"]
    assert cells == ["001", "'-a.txt", "2025-01-02", "'+outlet", "'=HYPERLINK(\"http://x\")", "12",
                     "1", "ab", "'@cmd", "'-"]  # fmt: skip
    back = tables.read("documents", tmp_path)
    assert back.columns.tolist() == names
    assert back.iloc[0].tolist() == row


def test_actor_labels_and_evidence_text_are_quoted_numbers_are_not(tmp_path):
    actors = pd.DataFrame({"id": ["a"], "label": ["=1+2"], "type": ["person"],
                           "affiliation": ["@x"], "pronoun": [""]})  # fmt: skip
    tables.write("actors", actors, tmp_path)
    assert csv_cells(tmp_path / "actors.csv")[1] == ["a", "'=1+2", "person", "'@x", ""]
    evidence = pd.DataFrame([("a", "portrayal", "from", "000", "000", "sentence 1", -0.5,
                              "-Putin said")], columns=tables.SCHEMAS["shift_evidence"].names)  # fmt: skip
    tables.write("shift_evidence", evidence, tmp_path)
    assert (tmp_path / "shift_evidence.csv").read_text().splitlines()[1] == (
        "a,portrayal,from,000,000,sentence 1,-0.5,'-Putin said"
    )
    assert tables.read("shift_evidence", tmp_path).equals(evidence)


def test_figure_data_csv_is_quoted_labels_and_column_names_too(tmp_path):
    totals = pd.DataFrame({"actor_id": ["x", "y"], "label": ["=cmd|' /C calc'!A0", "@SUM(1)"],
                           "n_mentions": [4, 3], "n_name": [3, 1], "n_title": [0, 2],
                           "n_metonym": [1, 0]})  # fmt: skip
    fig, data = figures.top_actors(totals)
    publish.save_figure(fig, data, "bars", tmp_path)
    assert csv_cells(tmp_path / "bars.csv")[1:] == [
        ["x", "'=cmd|' /C calc'!A0", "4", "3", "0", "1", "0"],
        ["y", "'@SUM(1)", "3", "1", "2", "0", "0"],
    ]
    share = pd.DataFrame({"doc_id": ["001"], "speaker": ["+Kremlin"], "n_words": [-4]})
    fig, data = voice_figures.voice_share(share, ["001"])  # one column per speaker
    publish.save_figure(fig, data, "share", tmp_path)
    assert (tmp_path / "share.csv").read_text() == "doc_id,'+Kremlin\n001,-4\n"


# --- labels drawn as plain text ------------------------------------------------------

MONEY = ["$x$ and $y$", "A $5 or $6 deal", "price $ 100 % to $200", "$\\b$ file $.txt"]


def test_labels_with_dollar_signs_are_drawn_as_plain_text(tmp_path):
    totals = pd.DataFrame({"actor_id": list("abcd"), "label": MONEY, "n_mentions": [4, 3, 2, 1],
                           "n_name": [4, 3, 2, 1], "n_title": 0, "n_metonym": 0})  # fmt: skip
    fig, data = figures.top_actors(totals)
    fig.axes[0].set_title(MONEY[2], loc="left")
    with plt.rc_context({"svg.fonttype": "none"}):  # text as text in the SVG
        publish.save_figure(fig, data, "money", tmp_path)
    labels = fig.axes[0].get_yticklabels()
    assert [label.get_text() for label in labels] == MONEY
    assert not any(label.get_parse_math() for label in labels)
    assert not fig.axes[0].title.get_parse_math() and not fig.axes[0]._left_title.get_parse_math()
    svg = (tmp_path / "money.svg").read_text()
    assert "A $5 or $6 deal" in svg and "price $ 100 % to $200" in svg
    assert (tmp_path / "money.png").stat().st_size > 0


def test_a_dollar_label_is_as_wide_as_the_same_text_without_math():
    fig, ax = plt.subplots()
    drawn = ax.text(0, 0, "$x$ and $y$")
    plain = ax.text(0, 1, "$x$ and $y$", parse_math=False)
    renderer = fig.canvas.get_renderer()
    assert drawn.get_window_extent(renderer).width == plain.get_window_extent(renderer).width


def test_document_names_and_stance_targets_with_dollar_signs_draw(tmp_path):
    documents = pd.DataFrame({"doc_id": ["$a$.txt", "cost $ 5 to $6"], "file": "f",
                              "date": ["2025-01-01", "2025-01-02"], "outlet": "", "title": "",
                              "n_words": [10, 20], "n_sentences": 1, "sha256": "0"})  # fmt: skip
    fig, data = figures.document_lengths(documents)
    publish.save_figure(fig, data, "lengths", tmp_path)
    assert sorted(t.get_text() for t in fig.axes[0].texts) == ["$a$.txt", "cost $ 5 to $6"]
    trajectory = pd.DataFrame([("000", "p", "stance: $ 1 % $", 2, 0.5)],
                              columns=["period", "actor_id", "role", "n", "mean"])  # fmt: skip
    fig, data = shift_figures.stance_matrix(trajectory, {"p": "$p$"}, "$ 1 % $")
    publish.save_figure(fig, data, "matrix", tmp_path)
    title = fig.axes[0].get_title(loc="left").splitlines()[0]
    assert title == "Stance toward $ 1 % $, per period (1 speakers)"


# --- one stance matrix per target -------------------------------------------------------


def test_each_target_gets_a_figure_name_of_its_own():
    targets = {
        "talks": [],
        "Iraq war": [],
        "iraq-war": [],
        "../etc": [],
        "$$": [],
        "переговоры": [],
    }
    assert publish.names_per_target("fig04_stance_matrix", targets) == {
        "talks": "fig04_stance_matrix_talks",
        "Iraq war": "fig04_stance_matrix_iraq-war",
        "iraq-war": "fig04_stance_matrix_iraq-war-2",
        "../etc": "fig04_stance_matrix_etc",
        "$$": "fig04_stance_matrix_target",
        "переговоры": "fig04_stance_matrix_переговоры",
    }


def test_each_target_is_drawn_and_saved_under_its_own_name(tmp_path):
    trajectory = pd.DataFrame(
        [("000", "putin", "stance: talks", 2, 0.5), ("000", "putin", "stance: trump", 1, -1.0)],
        columns=["period", "actor_id", "role", "n", "mean"],
    )
    labels = {"putin": "Vladimir Putin", "trump": "Donald Trump"}
    names = publish.names_per_target("fig04_stance_matrix", {"talks": ["talk*"], "trump": []})
    titles = []
    for target, name in names.items():
        fig, data = shift_figures.stance_matrix(trajectory, labels, target)
        titles.append(fig.axes[0].get_title(loc="left").splitlines()[0])
        assert isinstance(publish.publish(fig, data, name, tmp_path), Image)
    assert titles == ["Stance toward talks, per period (1 speakers)",
                      "Stance toward Donald Trump, per period (1 speakers)"]  # fmt: skip
    assert sorted(p.name for p in tmp_path.glob("*.png")) == [
        "fig04_stance_matrix_talks.png", "fig04_stance_matrix_trump.png"]  # fmt: skip


# --- the front page links only figures that were written ---------------------------------


def test_front_page_links_only_figures_that_exist(tmp_path):
    figures_dir = tmp_path / "figures"
    figures_dir.mkdir()
    for name in ("fig_drawn", "fig_target_talks", "fig_target_iraq"):
        for suffix in (".png", ".svg", ".csv"):
            (figures_dir / f"{name}{suffix}").write_bytes(b"x")
    (figures_dir / "fig_no_data.png").write_bytes(b"x")
    stage = Stage("custom", "09-custom.ipynb", inputs=(), products=(),
                  figures=("fig_drawn", "fig_never_drawn", "fig_target", "fig_no_data"),
                  parameters=())  # fmt: skip
    index = front_page.write_index(tmp_path, tmp_path / "processed", [stage], {}, datetime(2025, 1, 1),
                               {"custom": 1.0})  # fmt: skip
    html = index.read_text()
    shown = re.findall(r'<img src="figures/([^"]+)"', html)
    assert shown == ["fig_drawn.png", "fig_target_iraq.png", "fig_target_talks.png",
                     "fig_no_data.png"]  # fmt: skip
    assert "fig_never_drawn" not in html
    assert '<a href="figures/fig_target_talks.csv">data</a>' in html
    assert "fig_no_data.svg" not in html and "fig_no_data.csv" not in html
    assert front_page.written_figures(figures_dir, ["fig_never_drawn"]) == []


def test_front_page_of_a_stage_that_drew_nothing_has_no_figure(tmp_path):
    stage = Stage("custom", "09-custom.ipynb", inputs=(), products=(), figures=("fig_a",),
                  parameters=())  # fmt: skip
    html = front_page.write_index(
        tmp_path, tmp_path, [stage], {}, datetime(2025, 1, 1), {}
    ).read_text()
    assert "<figure>" not in html and "fig_a" not in html
