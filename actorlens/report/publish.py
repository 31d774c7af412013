"""Figure files: each figure saved as PNG and SVG beside the CSV of the data it plots,
measured once for its tight box, with no metadata that changes from run to run; the file
names of the figures drawn once per target; and the saved PNG shown in a notebook."""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Image
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.transforms import Bbox

from actorlens.core import tables

# the same figure gives the same files: fixed SVG ids and resolution
plt.rcParams.update({"svg.hashsalt": "actorlens", "savefig.dpi": 120})


def tight_box(fig: plt.Figure, dpi: float) -> Bbox:
    """The area, in inches, that ``fig.savefig(..., dpi=dpi, bbox_inches="tight")`` saves.

    Measured as matplotlib's ``print_figure`` does: a draw without output at ``dpi`` (which
    also runs the figure's layout engine, if it has one), then the tight box of the artists
    padded by :rc:`savefig.pad_inches`. Needs an Agg canvas (pyplot's and notebooks').
    """
    canvas = fig.canvas
    manager, figure_dpi = canvas.manager, fig.dpi
    canvas.manager = None  # changing the dpi must not resize a window (savefig does the same)
    try:
        fig.dpi = dpi
        fig.draw_without_rendering()
        box = fig.get_tightbbox(canvas.get_renderer())
    finally:
        fig.dpi = figure_dpi
        canvas.manager = manager
    return box.padded(plt.rcParams["savefig.pad_inches"])


@contextmanager
def _measured_once(fig: plt.Figure, dpi: float) -> Iterator[Bbox | str]:
    """The ``bbox_inches`` for every format of ``fig``: its :func:`tight_box`, laid out once.

    Inside, the figure has no layout engine: any engine ran in the measuring draw, and with
    one (even the placeholder ``fig.tight_layout()`` leaves behind) savefig would draw again
    to lay out. Without an Agg canvas to measure with, each format measures itself.
    """
    if not isinstance(fig.canvas, FigureCanvasAgg):
        yield "tight"
        return
    box = tight_box(fig, dpi)
    engine = fig.get_layout_engine()
    if engine is not None:
        with plt.rc_context({"figure.autolayout": False, "figure.constrained_layout.use": False}):
            fig.set_layout_engine(None)
    try:
        yield box
    finally:
        if engine is not None:
            fig.set_layout_engine(engine)


def save_figure(fig: plt.Figure, data: pd.DataFrame, name: str, figures_dir: str | Path) -> Path:
    """Write ``name``.png, .svg and .csv (the plotted data, spreadsheet-safe as every
    table) into ``figures_dir``.

    Both images show the figure's tight bounding box, measured once (one draw without
    output), then each format costs one draw; ``bbox_inches="tight"`` costs two per format.
    The SVG thus gets the box measured with Agg's text metrics, as the PNG: its edges can
    differ by a point or two from what the SVG renderer's own metrics would give. Returns
    the PNG path. Metadata that changes from run to run (dates) is left out, so the same
    data gives the same files.
    """
    figures_dir = Path(figures_dir)
    figures_dir.mkdir(parents=True, exist_ok=True)
    png = figures_dir / f"{name}.png"
    dpi = plt.rcParams["savefig.dpi"]
    dpi = fig.dpi if dpi == "figure" else dpi
    with _measured_once(fig, dpi) as box:
        fig.savefig(png, dpi=dpi, bbox_inches=box, metadata={"Software": None})
        fig.savefig(figures_dir / f"{name}.svg", dpi=dpi, bbox_inches=box, metadata={"Date": None})
    (figures_dir / f"{name}.csv").write_bytes(tables.to_csv_bytes(data))
    return png


def publish(fig: plt.Figure, data: pd.DataFrame, name: str, figures_dir: str | Path) -> Image:
    """:func:`save_figure`, then close the figure and return the saved PNG for display,
    so a notebook shows exactly the exported file and renders the figure only twice."""
    png = save_figure(fig, data, name, figures_dir)
    plt.close(fig)
    return Image(filename=str(png))


def names_per_target(name: str, targets) -> dict[str, str]:
    """A figure name for each target, ``name`` then the target as a file name can hold it
    (lower case, each run of other characters than letters and digits made ``-``; a
    number added where two would be the same)."""
    names: dict[str, str] = {}
    for target in targets:
        stem = re.sub(r"[\W_]+", "-", str(target).casefold()).strip("-")[:40] or "target"
        number, candidate = 1, stem
        while candidate in names.values():
            number += 1
            candidate = f"{stem}-{number}"
        names[target] = candidate
    return {target: f"{name}_{stem}" for target, stem in names.items()}
