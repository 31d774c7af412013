"""Project paths, derived from the package location.

In a source checkout the project root is the folder holding ``pyproject.toml``; an
installed wheel carries the notebooks and the seeds inside the package, which is then
the root. Relative paths given as parameters are read against the root for inputs
(``seeds``) and against ``OUTPUT_ROOT`` for products (``data/processed``: the root of a
checkout, the working folder of a wheel), so a test run can send every product to a
temporary folder by setting the environment variable ``ACTORLENS_OUTPUT_ROOT``. The
defaults of ``processed_dir`` and ``figures_dir`` are where notebooks run by hand write
(``data/notebook_runs``); ``actorlens run`` sets both to a run folder of its own.
"""

import os
from pathlib import Path

from actorlens.core.outputs import check_writable

PACKAGE_DIR = Path(__file__).resolve().parents[1]
CHECKOUT = (PACKAGE_DIR.parent / "pyproject.toml").is_file()
PROJ_ROOT = PACKAGE_DIR.parent if CHECKOUT else PACKAGE_DIR
RESOURCES_DIR = PACKAGE_DIR / "resources"
VALIDATION_DIR = RESOURCES_DIR / "validation"

SEEDS_DIR = PROJ_ROOT / "seeds"
NOTEBOOKS_DIR = PROJ_ROOT / "notebooks"
PARAMS_DIR = NOTEBOOKS_DIR / "params"

OUTPUT_ROOT = Path(os.environ.get("ACTORLENS_OUTPUT_ROOT", PROJ_ROOT if CHECKOUT else Path.cwd()))
REPORTS_DIR = OUTPUT_ROOT / "reports"

DEFAULT_BOILERPLATE = RESOURCES_DIR / "boilerplate.yml"
KERNEL_NAME = "actorlens"


def input_path(path: str | Path) -> Path:
    """An input path: absolute as given, relative to the project root otherwise."""
    path = Path(path).expanduser()
    return path if path.is_absolute() else PROJ_ROOT / path


def output_path(path: str | Path) -> Path:
    """A product path: absolute as given, relative to ``OUTPUT_ROOT`` otherwise; one in
    the published run of an output folder is refused (:func:`outputs.check_writable`)."""
    path = Path(path).expanduser()
    return check_writable(path if path.is_absolute() else OUTPUT_ROOT / path)


# Portrayal scorers (see actorlens.scoring.scorers) and the sentence-level baseline, named here
# so the command line can list them without importing the models.
SCORERS = ("minilm", "trained", "vader")
BASELINE_SCORER = "sentence_vader"
