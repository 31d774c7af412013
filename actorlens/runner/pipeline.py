"""The pipeline: one table of stages, run in order with papermill into a staging folder
that replaces the previous products only when every stage succeeded."""

import sys
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import import_module
from pathlib import Path

import papermill
import yaml

from actorlens.core import config, safe_yaml
from actorlens.core.outputs import OutputBusyError, OutputFolder, OutputFolderError
from actorlens.core.parameters import PARAMETERS, RUNNER_PARAMETERS, ParameterError, defaults
from actorlens.core.stages import STAGES

# Exceptions raised by the library for bad input; a notebook failing with one is exit status 2.
INPUT_ERRORS = (
    "CorpusError",
    "ActorsFileError",
    "LexiconError",
    "ScorerError",
    "StanceReaderError",
    "ModelFileError",
    "ShiftParameterError",
    "EngineError",
    "StageInputError",
    "PublishedRunError",
)


class PipelineError(Exception):
    """A stage failed; ``status`` is the exit status the command line should return."""

    def __init__(self, message: str, status: int = 1):
        super().__init__(message)
        self.status = status


@dataclass
class RunResult:
    """What a successful run wrote and how long each stage took."""

    out_dir: Path
    parameters: dict
    seconds: dict = field(default_factory=dict)

    @property
    def index(self) -> Path:
        return self.out_dir / "reports" / "index.html"


def parse_value(text: str):
    """A command-line parameter value, typed as YAML would type it ("3" -> 3)."""
    try:
        return safe_yaml.load(text)
    except safe_yaml.YamlBombError:
        raise
    except yaml.YAMLError:
        return text


def _utf8(text: str, where: str) -> str:
    """``text`` if it is valid UTF-8 (a command-line argument may not be)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise PipelineError(f"{where} is not valid UTF-8", status=2) from exc
    return text


def _parameter_file(name: str) -> dict:
    """The ``name: value`` mapping of one parameter file."""
    try:
        loaded = safe_yaml.load(Path(name).read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise PipelineError(f"parameter file {name}: {exc}", status=2) from exc
    if not isinstance(loaded, dict):
        raise PipelineError(f"parameter file {name}: expected 'name: value' lines", status=2)
    return loaded


def load_parameters(files: list[str], overrides: list[tuple[str, str]]) -> dict:
    """Merge parameter YAML files and ``-p key value`` overrides (later wins) onto the
    defaults of :mod:`actorlens.core.parameters`. Unknown names, values of the wrong type
    (checked all the way down: only plain YAML values reach a notebook) and values out of
    range raise :class:`PipelineError` (status 2); an override of a text parameter stays
    text (``-p from_period 000`` is "000", not 0)."""
    params = {name: value for name, value in defaults().items() if name not in RUNNER_PARAMETERS}
    given: dict = {}
    for name in files:
        given.update(_parameter_file(name))
    for key, text in overrides:
        _utf8(key, "a parameter name")
        _utf8(text, f"the value of parameter {key}")
        try:
            is_text = key in params and PARAMETERS[key].type is str
            given[key] = text if is_text else parse_value(text)
        except safe_yaml.YamlBombError as exc:
            raise PipelineError(f"parameter {key}: {exc}", status=2) from exc
    for name in RUNNER_PARAMETERS:
        if name in given:
            raise PipelineError(f"parameter {name} is set by the runner: use --out DIR", status=2)
    unknown = sorted(map(str, set(given) - set(params)))
    if unknown:
        raise PipelineError(
            f"unknown parameter(s): {', '.join(unknown)}; known: {', '.join(sorted(params))}",
            status=2,
        )
    for name, value in given.items():
        try:
            params[name] = PARAMETERS[name].conform(value)
        except ParameterError as exc:
            unquoted = PARAMETERS[name].type is str and not isinstance(value, str)
            hint = "; quote it in a YAML file" if unquoted else ""
            raise PipelineError(f"{exc}{hint}", status=2) from exc
    return params


def resolve_paths(params: dict, base: Path) -> dict:
    """Make relative ``*_dir``/``*_file`` parameters absolute against ``base``."""
    resolved = dict(params)
    for name, value in params.items():
        if name.endswith(("_dir", "_file")) and isinstance(value, str) and value:
            path = Path(value).expanduser()
            resolved[name] = str(path if path.is_absolute() else (base / path).resolve())
    return resolved


# Parameters that name an input file (empty: not given), checked before any stage runs.
INPUT_FILES = ("manifest_file", "boilerplate_file", "actors_file")


def check_input_files(params: dict) -> None:
    """:class:`PipelineError` (status 2) unless every input file given in ``params``
    (resolved by :func:`resolve_paths`) is a file that is there."""
    for name in INPUT_FILES:
        if params[name] and not Path(params[name]).is_file():
            raise PipelineError(f"parameter {name}: no such file: {params[name]}", status=2)


def run(
    params: dict,
    out_dir: str | Path | None = None,
    progress: Callable[[str], None] = print,
    force: bool = False,
) -> RunResult:
    """Run every stage with ``params``; on success the products replace those in ``out_dir``
    in one atomic switch (:mod:`actorlens.core.outputs`). A folder that is not an output folder
    yet and holds something at a product path is exit status 2 unless ``force``; what is
    found there is moved aside (``progress`` says where), never deleted.

    On failure the previous products are left untouched, the run's folder (with the
    failed executed notebook) is kept until the next run, and :class:`PipelineError`
    names notebook and cell. A second run into the same folder is exit status 2.
    """
    out_dir = Path(out_dir) if out_dir else config.OUTPUT_ROOT
    folder = OutputFolder(out_dir, force, progress)
    try:
        with folder.locked():
            return _run_stages(params, folder, progress)
    except (OutputBusyError, OutputFolderError) as exc:
        raise PipelineError(str(exc), status=2) from exc
    except OSError as exc:
        raise PipelineError(f"cannot write to output folder {out_dir}: {exc}", status=2) from exc


def _run_stages(params: dict, folder: OutputFolder, progress) -> RunResult:
    """Every stage into a new run folder of ``folder``, then the switch to it."""
    staging = folder.new_run()
    processed = staging / "data" / "processed"
    notebooks_dir = staging / "reports" / "notebooks"
    figures = staging / "reports" / "figures"
    for path in (processed, notebooks_dir, figures):
        path.mkdir(parents=True)
    run_params = {**params, "processed_dir": str(processed), "figures_dir": str(figures)}
    result = RunResult(out_dir=folder.out, parameters=params)
    started = datetime.now(UTC)
    # A background thread imports the report module (seconds of imports) and renders
    # each executed notebook to HTML while the next one runs in its kernel.
    with ThreadPoolExecutor(max_workers=1) as renderer:
        exporter = renderer.submit(
            lambda: import_module("actorlens.report.front_page").html_exporter()
        )
        pages = []
        for number, stage in enumerate(STAGES, start=1):
            _run_stage(number, stage, run_params, notebooks_dir, folder.out, result, progress)
            pages.append(renderer.submit(_render, notebooks_dir / stage.notebook,
                                         staging / "reports" / "html", exporter))  # fmt: skip
        for page in pages:
            page.result()
    from actorlens.report import front_page

    front_page.write_index(staging / "reports", processed, STAGES, params, started, result.seconds)
    folder.publish(staging)
    return result


def _render(notebook: Path, html_dir: Path, exporter: Future) -> Path:
    from actorlens.report import front_page

    return front_page.write_html_page(notebook, html_dir, exporter.result())


def _run_stage(number, stage, run_params, notebooks_dir, out_dir, result, progress) -> None:
    """Execute one stage's notebook into ``notebooks_dir``; record its seconds in ``result``."""
    progress(f"[{number}/{len(STAGES)}] {stage.name}: {stage.notebook} ...")
    executed = notebooks_dir / stage.notebook
    tick = time.perf_counter()
    try:
        papermill.execute_notebook(
            str(config.NOTEBOOKS_DIR / stage.notebook),
            str(executed),
            parameters={k: v for k, v in run_params.items() if k in stage.parameters},
            kernel_name=config.KERNEL_NAME,
            cwd=str(config.NOTEBOOKS_DIR),
            progress_bar=False,
            # the notebook's standard error as it comes: the progress bars inside a stage
            stderr_file=sys.stderr,
            # Written once at the end (and on failure), not at every cell's start and
            # end: each write validates and serialises the whole notebook with its
            # figures, while the kernel waits (about 60 writes, 1-2 s per report).
            request_save_on_cell_execute=False,
            # the kernel's own log (transport notices, tracebacks of a client that went
            # away on Ctrl-C) is not the user's business: errors in cells reach us anyway
            extra_arguments=["--IPKernelApp.log_level=CRITICAL"],
        )
    except papermill.PapermillExecutionError as exc:
        if exc.ename == "KeyboardInterrupt":  # Ctrl-C reaches the kernel too
            raise KeyboardInterrupt from exc
        status = 2 if exc.ename in INPUT_ERRORS else 1
        raise PipelineError(
            f"stage '{stage.name}' failed in notebook {stage.notebook}, cell {exc.exec_count}: "
            f"{exc.ename}: {exc.evalue}\nThe executed notebook is kept at {executed}; "
            f"the previous products in {out_dir} are unchanged.",
            status=status,
        ) from exc
    result.seconds[stage.name] = time.perf_counter() - tick
    progress(f"      done in {result.seconds[stage.name]:.1f} s")
