"""What every figure shares: matplotlib settings, the colours of an interval's side of
zero, and the fixed place of empty axis labels."""

import matplotlib.pyplot as plt
import pandas as pd

# Labels and names come from the corpus and the parameters: drawn as plain text, never
# parsed as math (two "$" would make the text between them math, or raise).
plt.rcParams.update({"figure.dpi": 100, "text.parse_math": False})

# where a 95 % interval lies against zero, and its colour
SIDE_COLORS = {
    "above zero": "#2166ac",
    "below zero": "#b2182b",
    "includes zero": "#777777",
    "no interval": "#bbbbbb",
}


def interval_side(ci_low: float, ci_high: float) -> str:
    """Where the interval [``ci_low``, ``ci_high``] lies against zero: a key of SIDE_COLORS."""
    if pd.isna(ci_low) or pd.isna(ci_high):
        return "no interval"
    if ci_low > 0:
        return "above zero"
    return "below zero" if ci_high < 0 else "includes zero"


def pin_empty_axis_labels(axes) -> None:
    """Give each empty axis label of ``axes`` a fixed place; call once the labels are set.

    Matplotlib places an axis label at every draw (and layout) by measuring the axis' tick
    labels and spine again, even when the label is empty and shows nothing: in the panels
    of the trajectories that was a sixth of the work of an export. An empty label has no
    extent, so where it sits changes nothing drawn. (A label set later on such an axis
    would sit on the spine: place it with ``set_label_coords``.)
    """
    for ax in axes:
        if not ax.get_xlabel():
            ax.xaxis.set_label_coords(0.5, 0)
        if not ax.get_ylabel():
            ax.yaxis.set_label_coords(0, 0.5)
