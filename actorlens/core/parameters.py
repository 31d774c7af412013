"""Every parameter of the pipeline, defined once: name, type, default and help text.

The notebooks' parameters cells are this table written out (:func:`cell_source`; a test
keeps them equal), the runner checks values against the declared types, ranges and
choices before any notebook runs, and the library functions take their defaults from
:func:`default`.
"""

import copy
import json
import math
import os
import typing
from dataclasses import dataclass

from actorlens.core.engine import ENGINES


class ParameterError(ValueError):
    """A parameter value of the wrong type or out of range; the message names it."""


@dataclass(frozen=True)
class Parameter:
    """One parameter: its type (``dict[str, list[str]]`` checks the items too), its
    default, what it means, for numbers the smallest and largest values that make sense,
    for text whether it may be empty (or only spaces) and the values it may take (any
    when ``choices`` is empty; the help names each). ``worded`` names, in words, the texts
    of a list or mapping (its keys and items) that must each hold a letter or digit."""

    name: str
    type: object
    default: object
    help: str
    minimum: int | None = None
    maximum: int | None = None
    required: bool = False
    choices: tuple[str, ...] = ()
    worded: str = ""

    def line(self) -> str:
        """The parameter's line in a notebook's parameters cell."""
        value = repr(self.default) if self.type in (bool, int, float) else json.dumps(self.default)
        return f"{self.name}: {self.type.__name__} = {value}  # {self.help}"

    def conform(self, value):
        """``value`` if it is a plain value of the declared type (checked all the way
        down) within the minimum and maximum, not blank when required, one of the
        choices if any and with a word in each text if ``worded``, else a
        :class:`ParameterError` naming the parameter."""
        problem = _mismatch(value, self.type)
        if problem:
            raise ParameterError(f"parameter {self.name} must be {problem}, got {_shown(value)}")
        if self.choices and value not in self.choices:
            raise ParameterError(
                f"parameter {self.name} must be one of {', '.join(self.choices)}, "
                f"got {_shown(value)}"
            )
        if self.worded and not all(map(_has_word, _texts(value))):
            raise ParameterError(
                f"parameter {self.name} must have a letter or digit in every {self.worded}, "
                f"got {_shown(value)}"
            )
        if self.required and not value.strip():
            raise ParameterError(f"parameter {self.name} must not be empty, got {value!r}")
        if self.minimum is not None and value < self.minimum:
            raise ParameterError(
                f"parameter {self.name} must be at least {self.minimum}, got {value}"
            )
        if self.maximum is not None and value > self.maximum:
            raise ParameterError(
                f"parameter {self.name} must be at most {self.maximum}, got {value}"
            )
        return value


WORDS = {bool: "true or false", int: "a whole number", float: "a number", str: "text",
         list: "a list", dict: "a mapping"}  # fmt: skip


def _mismatch(value, expected) -> str:
    """ "" when ``value`` fits the type ``expected``, else what was expected (in words)."""
    origin = typing.get_origin(expected) or expected
    words = WORDS[origin]
    if origin is bool:
        return "" if isinstance(value, bool) else words
    if isinstance(value, bool):
        return words
    if origin is int:
        return "" if isinstance(value, int) else words
    if origin is float:
        ok = isinstance(value, int | float) and math.isfinite(value)
        return "" if ok else "a finite number"
    if not isinstance(value, origin):
        return words
    items = typing.get_args(expected)
    if origin is list and items:
        problems = [_mismatch(item, items[0]) for item in value]
        return next((f"a list of {p}" for p in problems if p), "")
    if origin is dict and items:
        if not all(isinstance(key, str) for key in value):
            return "a mapping with text keys"
        problems = [_mismatch(item, items[1]) for item in value.values()]
        return next((f"a mapping of text to {p}" for p in problems if p), "")
    return ""


def _texts(value) -> list[str]:
    """The texts of a list, or of a mapping's keys and items (lists of text too)."""
    if isinstance(value, dict):
        return [*value, *_texts([item for items in value.values() for item in items])]
    return list(value)


def _has_word(text: str) -> bool:
    return any(character.isalnum() for character in text)


def _shown(value) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


# More local Dask workers than this per CPU core only thrash the machine.
WORKERS_PER_CORE = 4
TALKS_TERMS = ["talks", "negotiat*", "peace", "ceasefire", "truce", "deal"]
# The values of the enumerated parameters (a test keeps them equal to config.SCORERS: config
# imports this module through outputs; and to the layers above: analysis.shift.PERIODS,
# attribution.extract.SPEECH and scoring.stance.READERS).
SCORERS = ("minilm", "trained", "vader")
PERIODS = ("doc", "day", "week", "month")
SPEECH = ("direct", "reported", "both", "positions", "all")
STANCE_READERS = ("minilm", "lexicon")

PARAMETERS: dict[str, Parameter] = {
    p.name: p
    for p in (
        Parameter("corpus_dir", str, "seeds",
                  "folder of .txt articles, relative paths start at the project root",
                  required=True),
        Parameter("manifest_file", str, "",
                  "manifest CSV with doc_id, file, date, title, outlet "
                  "(empty: corpus_dir/manifest.csv if present)"),
        Parameter("boilerplate_file", str, "",
                  "YAML of line patterns to remove (empty: the packaged defaults)"),
        Parameter("recursive", bool, True, "also read the *.txt files of subfolders"),
        Parameter("date_format", str, "",
                  "strptime format of the manifest's dates, e.g. %d/%m/%Y (empty: ISO 8601)"),
        Parameter("max_docs", int, 0, "read only the first N documents of the manifest (0: all)",
                  minimum=0),
        Parameter("actors_file", str, "seeds/actors.yml",
                  "YAML actors file (or a quanteda-style dictionary)"),
        Parameter("include_demonyms", bool, False,
                  "count demonyms (Russian, Ukrainian) as mentions"),
        Parameter("scorer", str, "minilm",
                  "portrayal scorer: minilm (the fine-tuned MiniLM model, closest to the hand "
                  "labels on the dev split, see notebook 05), trained or vader",
                  choices=SCORERS),
        Parameter("speech", str, "all",
                  "what counts as voice, speaker -> target and stance: all (speech and "
                  "positions), both (speech only: direct and reported), direct (quotes), "
                  "reported (reported speech and mixed) or positions (beliefs, demands, "
                  "stances)", choices=SPEECH),
        Parameter("min_cell_scores", int, 3,
                  "scores a cell (document, period or corpus x actor x role) needs; "
                  "cells with fewer are marked thin", minimum=1),
        Parameter("order_by", str, "date",
                  "documents column that orders the documents (ties by doc_id)"),
        Parameter("period", str, "doc", "doc, day, week or month", choices=PERIODS),
        Parameter("from_period", str, "", "first period of the shift (empty: the first period)"),
        Parameter("to_period", str, "", "last period of the shift (empty: the last period)"),
        Parameter("min_shift_mentions", int, 20,
                  "scores an actor and role need at each end for its shift to be tested",
                  minimum=1),
        Parameter("min_docs", int, 3,
                  "documents an actor and role need at each end for documents to be the "
                  "unit of a shift's interval and test (fewer: sentences, no test)", minimum=2),
        Parameter("quoted_portrayal", bool, False,
                  "also count portrayal inside other people's quotes in the shift "
                  "(default: the narrative's own)"),
        Parameter("target_terms", dict[str, list[str]], {"talks": TALKS_TERMS},
                  "topic targets and their words (trailing * as wildcard)",
                  worded="target and term"),
        Parameter("stance_scorer", str, "lexicon",
                  "stance reader: lexicon (the stance cue lexicon; closest to the stance labels "
                  "on the dev split, see notebook 05) or minilm (the fine-tuned model reads each "
                  "target term in what an actor says)",
                  choices=STANCE_READERS),
        Parameter("top_n", int, 15, "actors shown in the figures", minimum=1),
        Parameter("persent_dir", str, "",
                  "folder with PerSenT's dev.csv and fixed_test.csv for notebook 05's "
                  "validation (empty: skipped)"),
        Parameter("processed_dir", str, "data/notebook_runs/processed",
                  "where a notebook run by hand reads and writes the tables "
                  "(actorlens run sets its own)"),
        Parameter("figures_dir", str, "data/notebook_runs/figures",
                  "where a notebook run by hand writes the figures (actorlens run sets its own)"),
        Parameter("engine", str, "local", "local, or dask to run the heavy work on Dask",
                  choices=ENGINES),
        Parameter("dask_address", str, "",
                  "address of an existing Dask scheduler (empty: start a local cluster)"),
        Parameter("n_workers", int, 2, "worker processes of the local Dask cluster", minimum=1,
                  maximum=WORKERS_PER_CORE * (os.cpu_count() or 1)),
    )
}  # fmt: skip

# Parameters the runner sets itself: where the products of one run go.
RUNNER_PARAMETERS = ("processed_dir", "figures_dir")


def default(name: str):
    """The default value of parameter ``name`` (a copy: lists and dicts stay unshared)."""
    return copy.deepcopy(PARAMETERS[name].default)


def defaults(names=None) -> dict:
    """Name -> default of ``names`` (default: every parameter)."""
    return {name: default(name) for name in (names or PARAMETERS)}


def cell_source(names) -> str:
    """The source of a notebook's parameters cell declaring ``names``."""
    return "\n".join(PARAMETERS[name].line() for name in names)
