"""The stage table and the hand-over between stages.

Each stage names the tables it reads, the tables it writes (every table has exactly one
writer), its figures and its parameters. A stage records what it wrote in the run
manifest of its folder (``run_manifest.json``: per table its sha256, the stage and
parameters that made it, and the sha256 of each input it was derived from). A stage
whose inputs are missing, or derived from tables that have been rewritten since, stops
with a :class:`StageInputError` naming the notebook to run first.
"""

import dataclasses
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from actorlens.core.parameters import PARAMETERS, RUNNER_PARAMETERS, default

MANIFEST = "run_manifest.json"
ENGINE_PARAMETERS = ("engine", "dask_address", "n_workers")
OUTPUT_PARAMETERS = ("processed_dir", "figures_dir")
# Parameters of the figures only: the tables do not depend on them.
FIGURE_PARAMETERS = ("top_n",)


@dataclass(frozen=True)
class Stage:
    """A pipeline stage: its notebook, the tables it reads and writes, its figures and
    the parameters its notebook declares."""

    name: str
    notebook: str
    inputs: tuple[str, ...]
    products: tuple[str, ...]
    figures: tuple[str, ...]
    parameters: tuple[str, ...]

    @property
    def title(self) -> str:
        """The notebook's name without its extension."""
        return self.notebook.removesuffix(".ipynb")

    @property
    def settings(self) -> tuple[str, ...]:
        """The parameters that make the stage's tables (not where they go, the engine
        or the figures): the fields of its :func:`settings` and what the manifest records."""
        left_out = (*OUTPUT_PARAMETERS, *ENGINE_PARAMETERS, *FIGURE_PARAMETERS)
        return tuple(name for name in self.parameters if name not in left_out)


INGEST_TABLES = ("documents", "sentences", "texts", "ingest_warnings", "boilerplate")
MENTION_TABLES = ("mentions", "mention_counts", "salience", "kwic", "unlisted_names", "actors")
VOICE_TABLES = (
    "attributions", "mention_scores", "actor_sentiment", "actor_sentiment_overall", "speaker_target",
)  # fmt: skip
SHIFT_TABLES = (
    "document_periods", "stance_trajectory", "stance_shift", "stance_trend", "shift_evidence",
    "stance", "keyness",
)  # fmt: skip

STAGES: tuple[Stage, ...] = (
    Stage(
        "ingest",
        "01-ingest-corpus.ipynb",
        inputs=(),
        products=INGEST_TABLES,
        figures=("fig01_document_lengths",),
        parameters=(
            "corpus_dir",
            "manifest_file",
            "boilerplate_file",
            "recursive",
            "date_format",
            "max_docs",
            *OUTPUT_PARAMETERS,
            *ENGINE_PARAMETERS,
        ),  # fmt: skip
    ),
    Stage(
        "mentions",
        "02-count-mentions.ipynb",
        inputs=INGEST_TABLES,
        products=MENTION_TABLES,
        figures=("fig02_top_actors", "fig02_mention_heatmap", "fig02_dispersion"),
        parameters=(
            "actors_file",
            "include_demonyms",
            "top_n",
            *OUTPUT_PARAMETERS,
            *ENGINE_PARAMETERS,
        ),  # fmt: skip
    ),
    Stage(
        "voice",
        "03-voice-and-portrayal.ipynb",
        inputs=INGEST_TABLES + MENTION_TABLES,
        products=VOICE_TABLES,
        figures=(
            "fig03_voice_share",
            "fig03_portrayal",
            "fig03_voice_vs_portrayal",
            "fig03_speaker_target",
        ),  # fmt: skip
        parameters=(
            "actors_file",
            "scorer",
            "min_cell_scores",
            "include_demonyms",
            "speech",
            "top_n",
            *OUTPUT_PARAMETERS,
            *ENGINE_PARAMETERS,
        ),  # fmt: skip
    ),
    Stage(
        "shift",
        "04-stance-shift.ipynb",
        inputs=INGEST_TABLES + MENTION_TABLES + VOICE_TABLES,
        products=SHIFT_TABLES,
        figures=("fig04_shift_slopes", "fig04_trajectories", "fig04_stance_matrix"),
        parameters=(
            "order_by",
            "period",
            "from_period",
            "to_period",
            "min_cell_scores",
            "min_shift_mentions",
            "min_docs",
            "quoted_portrayal",
            "include_demonyms",
            "target_terms",
            "stance_scorer",
            "speech",
            "top_n",
            *OUTPUT_PARAMETERS,
            *ENGINE_PARAMETERS,
        ),  # fmt: skip
    ),
    # How far to trust the numbers, on the hand-labelled data the package ships: the same
    # for every corpus, so it reads and writes no table (and records nothing in the manifest).
    Stage(
        "validation",
        "05-validation.ipynb",
        inputs=(),
        products=(),
        figures=(),
        parameters=("persent_dir",),
    ),
)
BY_NAME = {stage.name: stage for stage in STAGES}
WRITER = {table: stage for stage in STAGES for table in stage.products}


def _settings_class(stage: Stage) -> type:
    """A frozen dataclass of the stage's settings, each defaulting to its declared default."""
    fields = [(name, PARAMETERS[name].type,
               dataclasses.field(default_factory=lambda name=name: default(name)))
              for name in stage.settings]  # fmt: skip
    title = stage.name.title() + "Settings"
    return dataclasses.make_dataclass(title, fields, frozen=True, kw_only=True)


SETTINGS = {stage.name: _settings_class(stage) for stage in STAGES}


def settings(stage_name: str, **values):
    """The settings of stage ``stage_name``: ``values`` by name, the declared defaults for
    the rest; a name the stage does not take is a ``TypeError``."""
    return SETTINGS[stage_name](**values)


def chosen(stage_name: str, namespace: Mapping) -> dict:
    """The values of the stage's settings found in ``namespace`` (a notebook's
    ``globals()``, where its parameters cell put them)."""
    return {name: namespace[name] for name in BY_NAME[stage_name].settings if name in namespace}


class StageInputError(Exception):
    """A stage's input tables are missing or stale; the message names the notebook to
    run first. In a notebook it shows as its one-sentence message, no traceback."""

    def _render_traceback_(self) -> list[str]:  # IPython's hook for how an error shows
        return [f"StageInputError: {self}"]


def read_manifest(processed_dir: str | Path) -> dict:
    """Table -> what its writer recorded (empty when nothing has been recorded)."""
    path = Path(processed_dir) / MANIFEST
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise StageInputError(
            f"{path} cannot be read ({exc}): run notebook {STAGES[0].title} first"
        ) from exc


def stale_tables(manifest: dict) -> set[str]:
    """Tables derived from an input that has been rewritten since (or is itself stale)."""
    stale: set[str] = set()
    for stage in STAGES:
        for table in stage.products:
            recorded = manifest.get(table, {}).get("inputs", {})
            if any(name not in manifest or manifest[name]["sha256"] != sha or name in stale
                   for name, sha in recorded.items()):  # fmt: skip
                stale.add(table)
    return stale


def check_inputs(stage_name: str, processed_dir: str | Path) -> dict[str, str]:
    """The sha256 of each input table of ``stage_name``, once every one is present and
    fresh; else :class:`StageInputError` naming the earliest notebook to run first."""
    stage, processed = BY_NAME[stage_name], Path(processed_dir)
    manifest = read_manifest(processed)
    missing = [
        t for t in stage.inputs if t not in manifest or not (processed / f"{t}.csv").is_file()
    ]
    outdated = stale_tables(manifest)
    stale = [t for t in stage.inputs if t in outdated]
    for problem, tables in (("missing", missing), ("stale", stale)):
        if not tables:
            continue
        first = min(tables, key=lambda t: STAGES.index(WRITER[t]))  # ties: the input order
        writer = WRITER[first]
        why = (
            f"has not been written in {processed}"
            if problem == "missing"
            else "was derived from tables that have been rewritten since"
        )
        raise StageInputError(
            f"notebook {stage.title} needs {first}.csv, which {why}: run notebook "
            f"{writer.title} first (and the notebooks after it, in order)"
        )
    return {table: manifest[table]["sha256"] for table in stage.inputs}


def record(
    stage_name: str,
    processed_dir: str | Path,
    written: dict[str, str],
    inputs: dict[str, str],
    parameters: dict,
) -> None:
    """Record the tables a stage wrote (name -> sha256), the inputs they were derived from
    and the parameters that made them (those of where the products go left out)."""
    stage = BY_NAME[stage_name]
    if set(written) != set(stage.products):
        raise ValueError(f"stage {stage_name} wrote {sorted(written)}, declares {stage.products}")
    processed = Path(processed_dir)
    manifest = read_manifest(processed)
    kept = {k: v for k, v in parameters.items()
            if k not in RUNNER_PARAMETERS and k not in ENGINE_PARAMETERS}  # fmt: skip
    for table, sha in written.items():
        manifest[table] = {"sha256": sha, "stage": stage_name, "parameters": kept,
                           "inputs": inputs}  # fmt: skip
    path = processed / MANIFEST
    partial = path.with_name(f".{MANIFEST}.{os.getpid()}")
    partial.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(partial, path)
