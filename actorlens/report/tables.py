"""Tables as an analyst reads them, in the notebooks and their HTML pages.

:func:`readable` turns a result table into its shown form: actor ids replaced by labels, plain
headers, numbers to two decimals (p- and q-values to three, "< 0.001" below that), "-" for a
value that is missing or was not tested, yes/no for flags. :func:`table` shows it as an HTML
table (text left-aligned and wrapped, numbers right-aligned; plain text where HTML is not
shown), :func:`browse` as an interactive table (itables) with every row, or, past
:data:`BROWSE_ROWS`, the first rows and the path of the CSV that holds them all.
"""

from html import escape
from pathlib import Path

import numpy as np
import pandas as pd
from itables import show

ID_COLUMNS = {"actor_id": "Actor", "speaker_id": "Speaker", "target_id": "Target"}
HEADERS = {
    "n": "n", "n_docs": "documents", "doc_id": "document", "n_from": "n (first)",
    "n_to": "n (last)", "docs_from": "documents (first)", "docs_to": "documents (last)",
    "from_period": "first period", "to_period": "last period", "from_mean": "mean (first)",
    "to_mean": "mean (last)", "delta": "change", "ci_low": "95% CI low", "ci_high": "95% CI high",
    "p_value": "p", "q_value": "q (BH)", "same_sign": "same sign in every resample",
    "thin": "too few scores", "tested": "tested", "macro_f1": "macro-F1", "f1": "F1",
    "n_polar": "n polar", "mean_on_neutral": "mean on neutral labels",
    "speaker_accuracy_detected": "speaker accuracy (detected)", "unit": "unit of evidence",
}  # fmt: skip
THREE_DECIMALS = ("p_value", "q_value", "p", "q")
BROWSE_ROWS = 2000
_STYLE = (
    "<style>table.actorlens{border-collapse:collapse;font-size:13px}"
    "table.actorlens th{text-align:left;border-bottom:1px solid #888;padding:2px 8px}"
    "table.actorlens td{text-align:left;vertical-align:top;padding:2px 8px;max-width:40em;"
    "white-space:normal}table.actorlens td.num{text-align:right;white-space:nowrap}</style>"
)


def header(column: str, labelled: bool = True) -> str:
    """The plain header of a column: a known one, else its words (an id column's name when
    its ids are not replaced by labels)."""
    if column in ID_COLUMNS and labelled:
        return ID_COLUMNS[column]
    return HEADERS.get(column, column.replace("_", " "))


def _number(value, decimals: int) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return "-"
    if decimals == 3 and 0 <= value < 0.001:
        return "< 0.001"
    if round(value, decimals) == 0:
        value = 0.0  # never "-0.00"
    return f"{value:.{decimals}f}"


def readable(frame: pd.DataFrame, labels: dict | None = None) -> pd.DataFrame:
    """``frame`` as shown: ids to labels, plain headers, numbers as text (two decimals),
    "-" for missing, yes/no for flags. Integer columns keep their digits."""
    shown = {}
    for column in frame.columns:
        values = frame[column]
        if column in ID_COLUMNS:
            values = values.map(
                lambda v: "-" if pd.isna(v) or v == "" else (labels or {}).get(v, v)
            )
        elif pd.api.types.is_bool_dtype(values):
            values = values.map({True: "yes", False: "no"})
        elif pd.api.types.is_float_dtype(values):
            decimals = 3 if column in THREE_DECIMALS else 2
            values = values.map(lambda v, d=decimals: _number(v, d))
        elif not pd.api.types.is_numeric_dtype(values):
            values = values.astype(object).where(values.notna(), "-")
        shown[header(column, labels is not None)] = values
    return pd.DataFrame(shown, index=frame.index)


def _numeric(frame: pd.DataFrame) -> list[bool]:
    return [pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c])
            for c in frame.columns]  # fmt: skip


class Table:
    """A shown table: HTML in a notebook (and its HTML page), aligned text elsewhere."""

    def __init__(self, frame: pd.DataFrame, labels: dict | None = None, note: str = ""):
        self.shown = readable(frame, labels).reset_index(drop=True)
        self.numeric = _numeric(frame)
        self.note = note

    def __repr__(self) -> str:
        text = self.shown.to_string(index=False) if len(self.shown) else "(no rows)"
        return f"{text}\n{self.note}" if self.note else text

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{escape(str(c))}</th>" for c in self.shown.columns)
        rows = []
        for values in self.shown.itertuples(index=False, name=None):
            cells = "".join(
                f'<td class="num">{escape(str(v))}</td>'
                if numeric
                else f"<td>{escape(str(v))}</td>"
                for v, numeric in zip(values, self.numeric, strict=True)
            )
            rows.append(f"<tr>{cells}</tr>")
        note = f"<p>{escape(self.note)}</p>" if self.note else ""
        return (f'{_STYLE}<table class="actorlens"><thead><tr>{head}</tr></thead>'
                f"<tbody>{''.join(rows)}</tbody></table>{note}")  # fmt: skip


def table(frame: pd.DataFrame, labels: dict | None = None, note: str = "") -> Table:
    """``frame`` shown as an analyst reads it (see :func:`readable`)."""
    return Table(frame, labels, note)


def browse(frame: pd.DataFrame, labels: dict | None = None, csv: str | Path = "",
           page_length: int = 10) -> None:  # fmt: skip
    """An interactive, searchable table of every row of ``frame`` (no downsampling); past
    :data:`BROWSE_ROWS` rows, the first of them and where the CSV of all of them is."""
    shown = readable(frame.head(BROWSE_ROWS), labels)
    if len(frame) > BROWSE_ROWS:
        where = f": all rows are in {csv}" if csv else ""
        print(f"The first {BROWSE_ROWS:,} of {len(frame):,} rows{where}")
    numeric = _numeric(frame)
    aligned = [{"className": "dt-right" if n else "dt-left", "targets": [i]}
               for i, n in enumerate(numeric)]  # fmt: skip
    # "display" without "nowrap": long text wraps instead of running off the table
    show(
        shown,
        pageLength=page_length,
        maxBytes=0,
        showIndex=False,
        classes="display compact",
        columnDefs=aligned,
    )
