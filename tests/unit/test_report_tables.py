"""Tables as an analyst reads them (actorlens.report.tables)."""

import numpy as np
import pandas as pd

from actorlens.report import tables


def test_readable_labels_ids_and_formats_numbers():
    frame = pd.DataFrame({
        "actor_id": ["putin", "kyiv_x"], "delta": [-0.12345, np.nan], "q_value": [0.0004, 0.2],
        "n_from": [3, 1], "tested": [True, False], "note": ["a", None],
    })  # fmt: skip
    shown = tables.readable(frame, {"putin": "Vladimir Putin"})
    assert shown.columns.tolist() == ["Actor", "change", "q (BH)", "n (first)", "tested", "note"]
    assert shown.iloc[0].tolist() == ["Vladimir Putin", "-0.12", "< 0.001", 3, "yes", "a"]
    assert shown.iloc[1].tolist() == ["kyiv_x", "-", "0.200", 1, "no", "-"]


def test_table_html_escapes_text_and_right_aligns_numbers():
    shown = tables.table(pd.DataFrame({"text": ["<b>Trump</b> said"], "mean": [0.5]}))
    html = shown._repr_html_()
    assert "<td>&lt;b&gt;Trump&lt;/b&gt; said</td>" in html
    assert '<td class="num">0.50</td>' in html
    assert repr(shown).splitlines()[-1].split() == ["<b>Trump</b>", "said", "0.50"]


def test_table_of_no_rows_says_so():
    assert repr(tables.table(pd.DataFrame({"n": []}))) == "(no rows)"


def test_browse_names_the_csv_when_rows_are_cut(capsys, monkeypatch):
    shown = {}
    monkeypatch.setattr(tables, "BROWSE_ROWS", 2)
    monkeypatch.setattr(tables, "show", lambda frame, **kw: shown.update(frame=frame, **kw))
    tables.browse(pd.DataFrame({"n": [1, 2, 3]}), csv="data/processed/x.csv")
    assert (
        capsys.readouterr().out.strip()
        == "The first 2 of 3 rows: all rows are in data/processed/x.csv"
    )
    assert len(shown["frame"]) == 2 and shown["maxBytes"] == 0
    assert shown["columnDefs"] == [{"className": "dt-right", "targets": [0]}]


def test_an_id_column_without_labels_keeps_its_name():
    shown = tables.readable(pd.DataFrame({"actor_id": ["putin"], "label": ["Vladimir Putin"]}))
    assert shown.columns.tolist() == ["actor id", "label"]


def test_a_value_that_rounds_to_zero_is_shown_without_a_sign():
    shown = tables.readable(pd.DataFrame({"mean": [-0.004, 0.004, -0.006]}))
    assert shown["mean"].tolist() == ["0.00", "0.00", "-0.01"]
