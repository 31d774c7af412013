"""Every parameter of the pipeline, defined once: name, type, default and help text.

The notebooks' parameters cells are this table written out (:func:`cell_source`; a test
keeps them equal), the runner checks values against the declared types, and the
library functions take their defaults from :func:`default`.
"""

import copy
import json
from dataclasses import dataclass


@dataclass(frozen=True)
class Parameter:
    """One parameter: its type, its default and what it means."""

    name: str
    type: type
    default: object
    help: str

    def line(self) -> str:
        """The parameter's line in a notebook's parameters cell."""
        value = repr(self.default) if self.type in (bool, int, float) else json.dumps(self.default)
        return f"{self.name}: {self.type.__name__} = {value}  # {self.help}"


TALKS_TERMS = ["talks", "negotiat*", "peace", "ceasefire", "truce", "deal"]

PARAMETERS: dict[str, Parameter] = {
    p.name: p
    for p in (
        Parameter("corpus_dir", str, "seeds",
                  "folder of .txt articles, relative paths start at the project root"),
        Parameter("manifest_file", str, "",
                  "manifest CSV with doc_id, file, date, title, outlet "
                  "(empty: corpus_dir/manifest.csv if present)"),
        Parameter("boilerplate_file", str, "",
                  "YAML of line patterns to remove (empty: the packaged defaults)"),
        Parameter("max_docs", int, 0, "read only the first N documents of the manifest (0: all)"),
        Parameter("actors_file", str, "seeds/actors.yml",
                  "YAML actors file (or a quanteda-style dictionary)"),
        Parameter("include_demonyms", bool, False,
                  "count demonyms (Russian, Ukrainian) as mentions"),
        Parameter("scorer", str, "trained_adapted",
                  "portrayal scorer: trained_adapted (agrees best with the hand labels, "
                  "see notebook 03's last section), trained or vader"),
        Parameter("min_cell_scores", int, 3,
                  "scores a cell (document, period or corpus x actor x role) needs; "
                  "cells with fewer are marked thin"),
        Parameter("order_by", str, "date",
                  "documents column that orders the documents (ties by doc_id)"),
        Parameter("period", str, "doc", "doc, day, week or month"),
        Parameter("from_period", str, "", "first period of the shift (empty: the first period)"),
        Parameter("to_period", str, "", "last period of the shift (empty: the last period)"),
        Parameter("min_shift_scores", int, 3,
                  "scores an actor and role need at each end for its shift to be tested "
                  "and ranked"),
        Parameter("target_terms", dict, {"talks": TALKS_TERMS},
                  "topic targets and their words (trailing * as wildcard)"),
        Parameter("top_n", int, 15, "actors shown in the figures"),
        Parameter("processed_dir", str, "data/processed", "where the tables are read and written"),
        Parameter("figures_dir", str, "reports/figures", "where the figures are written"),
        Parameter("engine", str, "local", "local, or dask to run the heavy work on Dask"),
        Parameter("dask_address", str, "",
                  "address of an existing Dask scheduler (empty: start a local cluster)"),
        Parameter("n_workers", int, 2, "worker processes of the local Dask cluster"),
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
