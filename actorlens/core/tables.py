"""The tables the stages hand over: one schema per table, one read and one write.

A schema lists the columns in order with their kind (``str``, ``int``, ``float``,
``bool``) and whether they may be empty. Every table is written as UTF-8 CSV; the large
ones also as a typed parquet copy (for analysts; the stages read the CSV). Reading
applies the schema's types, so an empty table keeps its column types.

Every CSV the tool writes is safe to open in a spreadsheet: a text cell that would be
read as a formula gets a leading ``'`` (:func:`spreadsheet_safe`), which reading takes
off again; the parquet copies keep the exact text.
"""

import hashlib
import itertools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import numpy as np
import pandas as pd

from actorlens.core.config import SCORERS
from actorlens.core.stages import WRITER, StageInputError

DTYPES = {"str": str, "int": "int64", "float": "float64", "bool": "bool"}
# OWASP's rule for CSV injection: a cell starting with one of = + - @ tab CR is a formula to
# a spreadsheet. Such a cell, or one that is such a cell behind quotes, gets one more quote,
# so that taking one off again gives back every text exactly.
NEEDS_QUOTE = re.compile(r"^'*[=+\-@\t\r]")
QUOTED = re.compile(r"^'+[=+\-@\t\r]")
RETURN = re.compile("\r")


class TableSchemaError(ValueError):
    """A frame does not fit the schema of the table it is written as."""


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    nullable: bool = False  # float: may be NaN; str: may be the empty string


@dataclass(frozen=True)
class Schema:
    """A table's columns; ``extra`` admits further text columns after them (a manifest's
    document variables); ``parquet`` adds a parquet copy."""

    name: str
    columns: tuple[Column, ...]
    extra: bool = False
    parquet: bool = False

    @property
    def names(self) -> list[str]:
        return [column.name for column in self.columns]

    @property
    def file(self) -> str:
        return f"{self.name}.csv"


def _schema(name: str, spec: str, **options) -> Schema:
    """A schema from ``"column:kind column:kind? ..."`` (``?``: may be empty)."""
    columns = []
    for item in spec.split():
        column, kind = item.split(":")
        columns.append(Column(column, kind.rstrip("?"), kind.endswith("?")))
    return Schema(name, tuple(columns), **options)


def score_columns() -> list[str]:
    """The column of each scorer's score, in the scorers' order."""
    return [f"score_{name}" for name in SCORERS]


SCORE_COLUMNS = " ".join(f"{column}:float" for column in score_columns())
INTERVAL = "n:int mean:float ci_low:float? ci_high:float? thin:bool"
SCHEMAS = {
    schema.name: schema
    for schema in (
        _schema("documents", "doc_id:str file:str date:str? outlet:str? title:str? n_words:int "
                "n_sentences:int sha256:str", extra=True),
        _schema("sentences", "doc_id:str sent_id:int start:int end:int text:str?", parquet=True),
        _schema("texts", "doc_id:str text:str?", parquet=True),
        _schema("ingest_warnings", "file:str? kind:str detail:str?"),
        _schema("boilerplate", "doc_id:str line:str? rule:str"),
        _schema("mentions", "doc_id:str sent_id:int actor_id:str surface:str start:int end:int "
                "kind:str", parquet=True),
        _schema("mention_counts", "doc_id:str actor_id:str n_mentions:int n_name:int n_title:int "
                "n_metonym:int n_demonym:int n_description:int per_1k_words:float share_of_voice:float"),
        _schema("salience", "doc_id:str actor_id:str first_position:float in_title_or_lede:bool"),
        _schema("kwic", "doc_id:str sent_id:int actor_id:str kind:str left:str? match:str "
                "right:str?", parquet=True),
        _schema("unlisted_names", "name:str n:int n_docs:int example_doc:str example:str?",
                parquet=True),
        _schema("actors", "id:str label:str type:str affiliation:str? pronoun:str?"),
        _schema("attributions", "doc_id:str attr_id:str kind:str start:int end:int text:str "
                "speaker_id:str? speaker_name:str? speaker_text:str? source_start:int "
                "source_end:int cue:str? cue_start:int cue_end:int negated:bool about:str? "
                "sentiment:float", parquet=True),
        _schema("mention_scores", "doc_id:str actor_id:str start:int end:int in_attribution:bool "
                f"attr_id:str? speaker_id:str? role:str {SCORE_COLUMNS} sentiment:float?",
                parquet=True),
        _schema("actor_sentiment", f"doc_id:str actor_id:str role:str scorer:str {INTERVAL}"),
        _schema("actor_sentiment_overall", f"actor_id:str role:str scorer:str {INTERVAL}"),
        _schema("speaker_target", "doc_id:str speaker_id:str target_id:str n:int mean:float?"),
        _schema("document_periods", "doc_id:str period:str? rank:int"),
        _schema("stance_trajectory", f"period:str actor_id:str role:str {INTERVAL} "
                "n_sentences:int n_documents:int share_negative:float share_positive:float "
                "net_tone:float"),
        _schema("stance_shift", "actor_id:str role:str from_period:str to_period:str "
                "from_mean:float to_mean:float delta:float ci_low:float? ci_high:float? "
                "p_value:float? q_value:float? n_from:int n_to:int docs_from:int docs_to:int "
                "unit:str tested:bool same_sign:bool"),
        _schema("stance_trend", "actor_id:str role:str first_period:str last_period:str "
                "n_periods:int n:int docs:int slope:float ci_low:float? ci_high:float? "
                "p_value:float? q_value:float? tested:bool"),
        _schema("shift_evidence", "actor_id:str role:str end:str period:str doc_id:str "
                "where:str score:float text:str?"),
        _schema("keyness", "actor_id:str word:str sign:str from_period:str to_period:str "
                "n_first:int expected_first:float n_last:int expected_last:float chi2:float "
                "p_value:float q_value:float significant:bool sentences:str"),
        _schema("stance", "doc_id:str attr_id:str? speaker_id:str? speaker_name:str? target:str "
                "label:str score:float evidence:str? sent_id:int through:str?"),
    )
}  # fmt: skip
MENTION_KEY = ["doc_id", "actor_id", "start", "end"]


def frame(name: str, rows=(), columns: list[str] | None = None) -> pd.DataFrame:
    """``rows`` (tuples or dicts) as table ``name``, or as its ``columns``, with the
    schema's column types also when there are no rows: built this way, an empty group
    never yields an untyped (object) column."""
    kinds = {column.name: DTYPES[column.kind] for column in SCHEMAS[name].columns}
    columns = columns or list(kinds)
    return pd.DataFrame(list(rows), columns=columns).astype({c: kinds[c] for c in columns})


def _conform(schema: Schema, frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` checked against ``schema`` (an empty frame given the schema's types)."""
    extra = [c for c in frame.columns if c not in schema.names]
    if list(frame.columns[: len(schema.names)]) != schema.names or (extra and not schema.extra):
        raise TableSchemaError(
            f"{schema.file}: columns {list(frame.columns)}, the schema has {schema.names}"
        )
    if frame.empty:
        return frame.astype({c.name: DTYPES[c.kind] for c in schema.columns})
    for column in schema.columns:
        values = frame[column.name]
        if column.kind == "str":
            empty = values.isna() | (values.astype(str) == "")
        else:
            empty = values.isna()
            fits = {"int": pd.api.types.is_integer_dtype, "float": pd.api.types.is_float_dtype,
                    "bool": pd.api.types.is_bool_dtype}[column.kind]  # fmt: skip
            if not fits(values.dtype):
                raise TableSchemaError(
                    f"{schema.file}: column {column.name} is {values.dtype}, not {column.kind}"
                )
        if not column.nullable and empty.any():
            raise TableSchemaError(f"{schema.file}: column {column.name} has empty values")
    return frame


def _text_cells(values: pd.Series, pattern: re.Pattern) -> np.ndarray:
    """Whether each cell of ``values`` is text in which ``pattern`` is found."""
    if isinstance(values.dtype, pd.StringDtype):
        return values.str.contains(pattern.pattern, regex=True, na=False).to_numpy(dtype=bool)
    return np.array([isinstance(value, str) and pattern.search(value) is not None
                     for value in values], dtype=bool)  # fmt: skip


def _rewritten(values: pd.Series, pattern: re.Pattern, change) -> pd.Series:
    """``values`` with the text cells in which ``pattern`` is found passed through
    ``change`` (of a series)."""
    found = np.flatnonzero(_text_cells(values, pattern))
    if not len(found):
        return values
    changed = values.copy()
    changed.iloc[found] = change(values.iloc[found]).to_numpy()
    return changed


def _quoted(texts: pd.Series) -> pd.Series:
    return "'" + texts


def _unquoted(texts: pd.Series) -> pd.Series:
    return texts.str[1:]


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` to write as CSV: every text cell and column name that a
    spreadsheet would take for a formula gets a leading ``'``; numbers are left as they are."""
    names = pd.Series(frame.columns, dtype=object)
    safe = frame.set_axis(_rewritten(names, NEEDS_QUOTE, _quoted).tolist(), axis=1)
    for position, dtype in enumerate(frame.dtypes):
        if pd.api.types.is_string_dtype(dtype):
            safe.isetitem(position, _rewritten(frame.iloc[:, position], NEEDS_QUOTE, _quoted))
    return safe


def _csv_lines(frame: pd.DataFrame, header: bool, quote_returns: bool) -> str:
    """The CSV lines of ``frame`` (with its header line: ``header``), each ending in ``\\n``.
    The csv module quotes a field holding a carriage return only when the line terminator
    has one: with ``quote_returns`` each line is written alone with ``\\r\\n``, then given
    ``\\n``."""
    if not quote_returns:
        return frame.to_csv(index=False, header=header, lineterminator="\n")
    lines = [frame.iloc[:0].to_csv(index=False, lineterminator="\r\n")] if header else []
    lines += [frame.iloc[[position]].to_csv(index=False, header=False, lineterminator="\r\n")
              for position in range(len(frame))]  # fmt: skip
    return "".join(line[:-2] + "\n" for line in lines)


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """``frame`` as the tool writes every CSV: :func:`spreadsheet_safe`, no index, UTF-8,
    ``\\n`` line ends, and every field holding a line break quoted."""
    safe = spreadsheet_safe(frame)
    broken = np.zeros(len(safe), dtype=bool)  # rows with a carriage return in a text cell
    for position, dtype in enumerate(safe.dtypes):
        if pd.api.types.is_string_dtype(dtype):
            broken |= _text_cells(safe.iloc[:, position], RETURN)
    names = pd.Series(safe.columns, dtype=object)
    parts = [_csv_lines(safe.iloc[:0], True, _text_cells(names, RETURN).any())]
    changes = np.flatnonzero(broken[1:] != broken[:-1]) + 1
    bounds = [0, *changes, len(safe)] if len(safe) else []
    for start, end in itertools.pairwise(bounds):  # runs of rows with and without
        parts.append(_csv_lines(safe.iloc[start:end], False, bool(broken[start])))
    return "".join(parts).encode("utf-8")


def write(name: str, frame: pd.DataFrame, out_dir: str | Path) -> str:
    """Write table ``name`` (checked against its schema) into ``out_dir``; its sha256."""
    schema, out_dir = SCHEMAS[name], Path(out_dir)
    frame = _conform(schema, frame)
    out_dir.mkdir(parents=True, exist_ok=True)
    data = to_csv_bytes(frame)
    (out_dir / schema.file).write_bytes(data)
    if schema.parquet:
        frame.to_parquet(out_dir / f"{name}.parquet", index=False)
    return hashlib.sha256(data).hexdigest()


def read(name: str, processed_dir: str | Path) -> pd.DataFrame:
    """Table ``name`` from ``processed_dir`` with the schema's types; a missing file, or one
    whose columns are not the schema's (written by another version), is a
    :class:`StageInputError` naming the notebook to run."""
    schema, path = SCHEMAS[name], Path(processed_dir) / SCHEMAS[name].file
    if not path.is_file():
        raise StageInputError(f"{path} has not been written: run notebook {WRITER[name].title} "
                              "first (and the notebooks after it, in order)")  # fmt: skip
    names = pd.Series(pd.read_csv(path, nrows=0).columns, dtype=object)
    header = _rewritten(names, QUOTED, _unquoted).tolist()
    if header[: len(schema.names)] != schema.names or (len(header) > len(schema.names)
                                                       and not schema.extra):  # fmt: skip
        raise StageInputError(
            f"{path} does not have the columns this version writes: run notebook "
            f"{WRITER[name].title} again"
        )
    dtypes = {c.name: DTYPES[c.kind] for c in schema.columns}
    dtypes.update({column: str for column in header[len(schema.names) :]})
    empty_floats = {c.name: [""] for c in schema.columns if c.kind == "float" and c.nullable}
    table = pd.read_csv(path, header=0, names=header, dtype=dtypes, keep_default_na=False,
                        na_values=empty_floats)  # fmt: skip
    for column, dtype in dtypes.items():
        if dtype is str:
            table[column] = _rewritten(table[column], QUOTED, _unquoted)
    return table


class TableSet:
    """A stage's tables as attributes; ``TABLES`` maps attribute -> table name."""

    TABLES: ClassVar[dict[str, str]] = {}

    def write(self, out_dir: str | Path) -> dict[str, str]:
        """Write every table; table name -> sha256."""
        return {name: write(name, getattr(self, attribute), out_dir)
                for attribute, name in self.TABLES.items()}  # fmt: skip

    @classmethod
    def read(cls, processed_dir: str | Path):
        return cls(**{attribute: read(name, processed_dir)
                      for attribute, name in cls.TABLES.items()})  # fmt: skip
