"""Project paths, derived from the package location.

Relative paths given as parameters are read against the project root for inputs
(``seeds``) and against ``OUTPUT_ROOT`` for products (``data/processed``), so a
test run can send every product to a temporary folder by setting the environment
variable ``ACTORLENS_OUTPUT_ROOT``.
"""

import os
from pathlib import Path

PROJ_ROOT = Path(__file__).resolve().parents[1]
PACKAGE_DIR = Path(__file__).resolve().parent
RESOURCES_DIR = PACKAGE_DIR / "resources"

SEEDS_DIR = PROJ_ROOT / "seeds"
NOTEBOOKS_DIR = PROJ_ROOT / "notebooks"
PARAMS_DIR = NOTEBOOKS_DIR / "params"
DATA_DIR = PROJ_ROOT / "data"
EXTERNAL_DIR = DATA_DIR / "external"

OUTPUT_ROOT = Path(os.environ.get("ACTORLENS_OUTPUT_ROOT", PROJ_ROOT))
PROCESSED_DIR = OUTPUT_ROOT / "data" / "processed"
REPORTS_DIR = OUTPUT_ROOT / "reports"
FIGURES_DIR = REPORTS_DIR / "figures"

DEFAULT_BOILERPLATE = RESOURCES_DIR / "boilerplate.yml"
KERNEL_NAME = "actorlens"


def input_path(path: str | Path) -> Path:
    """An input path: absolute as given, relative to the project root otherwise."""
    path = Path(path).expanduser()
    return path if path.is_absolute() else PROJ_ROOT / path


def output_path(path: str | Path) -> Path:
    """A product path: absolute as given, relative to ``OUTPUT_ROOT`` otherwise."""
    path = Path(path).expanduser()
    return path if path.is_absolute() else OUTPUT_ROOT / path


# Portrayal scorers (see actorlens.sentiment) and the sentence-level baseline, named here
# so the command line can list them without importing the models.
SCORERS = ("trained", "trained_adapted", "vader")
BASELINE_SCORER = "sentence_vader"
