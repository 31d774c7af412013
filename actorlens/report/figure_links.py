"""Links from a figure's marks to their evidence: the URL of an actor's evidence page or of
one role and period on it (:func:`actorlens.analysis.evidence.href`), relative to the saved
figure, which the SVG writes as an ``<a xlink:href>`` around the mark (matplotlib's
``set_url``). ``to_reports`` is the path from the figure's file to the reports folder
(``"../"`` for ``reports/figures``); ``None`` draws no links."""

import matplotlib.pyplot as plt
from matplotlib.patches import Rectangle

from actorlens.analysis import evidence


def evidence_url(to_reports: str | None, actor_id: str, role: str | None = None,
                 period: str | None = None) -> str | None:  # fmt: skip
    """The link from a figure to ``actor_id``'s evidence of ``role`` in ``period``, or to the
    actor's whole page when no role is given; ``None`` when ``to_reports`` is."""
    if to_reports is None:
        return None
    if role is None:
        return f"{to_reports}evidence/{evidence.page_name(actor_id)}.html"
    return to_reports + evidence.href(actor_id, role, period)


def link_cells(ax: plt.Axes, urls: dict[tuple[int, int], str | None], colors) -> None:
    """Draw each heatmap cell (row, column) of ``urls`` that has a link again as a rectangle
    of its colour in ``colors`` (rows x columns x RGBA) carrying the link: an ``imshow``
    image is one mark and can carry no link per cell (and an unfilled shape is not a click
    target)."""
    for (row, column), url in urls.items():
        if url is not None:
            ax.add_patch(Rectangle((column - 0.5, row - 0.5), 1, 1, facecolor=colors[row][column],
                                   edgecolor="none", url=url))  # fmt: skip
