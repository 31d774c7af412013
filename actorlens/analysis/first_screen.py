"""The front page's first screen: for the actors with the most evidence, each role (stance
toward each target, then portrayal) per period, from the stance trajectory: the mean, how many
scores and documents it rests on, whether it is thin, and the link to its evidence. A period
with no reading is "not found" (``value`` None), never a neutral 0. Beside the periods, each
row's change from the first period to the last and its trend per period (tables stance_shift
and stance_trend), so that the answer stands on the first screen however many periods there
are. A pure function of the tables."""

from dataclasses import dataclass

import pandas as pd

from actorlens.analysis.evidence import href
from actorlens.scoring.scorers import NEUTRAL_BAND

TOP_ACTORS = 8


@dataclass(frozen=True)
class Cell:
    """One actor, role and period: its mean (None: not found), n, documents, thinness and link."""

    period: str
    value: float | None
    n: int = 0
    documents: int = 0
    thin: bool = False
    href: str = ""

    @property
    def text(self) -> str:
        """The value as shown: two decimals, signed, 0.00 for neutral, or "not found"."""
        if self.value is None:
            return "not found"
        return "0.00" if round(self.value, 2) == 0 else f"{self.value:+.2f}"

    @property
    def tone(self) -> str:
        """The value's side of the neutral band: "pos", "neg", "zero" or "none" (not found)."""
        if self.value is None:
            return "none"
        return (
            "pos"
            if self.value >= NEUTRAL_BAND
            else "neg"
            if self.value <= -NEUTRAL_BAND
            else "zero"
        )


@dataclass(frozen=True)
class Estimate:
    """A row's change (first to last period) or trend (per period): value, 95 % interval,
    BH q-value and whether it was tested; ``called`` when tested, q < 0.05 and the interval
    excludes zero."""

    value: float
    ci_low: float
    ci_high: float
    q_value: float
    tested: bool

    @property
    def text(self) -> str:
        return "0.00" if round(self.value, 2) == 0 else f"{self.value:+.2f}"

    @property
    def interval(self) -> str:
        """The 95 % interval as shown; empty where there is none (not tested)."""
        if pd.isna(self.ci_low) or pd.isna(self.ci_high):
            return ""
        return f"[{self.ci_low:+.2f}, {self.ci_high:+.2f}]"

    @property
    def called(self) -> bool:
        return bool(self.tested and self.q_value < 0.05 and (self.ci_low > 0 or self.ci_high < 0))


@dataclass(frozen=True)
class Row:
    actor_id: str
    label: str
    role: str
    cells: list[Cell]
    change: Estimate | None = None
    trend: Estimate | None = None


@dataclass(frozen=True)
class FirstScreen:
    """The table (rows in actor, then role order) over ``periods``, the stance ``targets``
    and the stance coverage: cells of the top actors with any stance reading, of all."""

    periods: list[str]
    targets: list[str]
    rows: list[Row]
    stance_cells_found: int
    stance_cells: int
    change_periods: tuple[str, str] = ("", "")

    @property
    def actors(self) -> list[str]:
        return list(dict.fromkeys(row.actor_id for row in self.rows))


def roles_of(targets) -> list[str]:
    """The roles of the first screen: stance toward each target, then portrayal."""
    return [*(f"stance: {target}" for target in targets), "portrayal"]


def top_actors(trajectory: pd.DataFrame, roles, top: int = TOP_ACTORS) -> list[str]:
    """The ``top`` actors with the most scores in ``roles`` over all periods (ties by id)."""
    shown = trajectory[trajectory["role"].isin(roles)]
    totals = shown.groupby("actor_id")["n"].sum().reset_index()
    totals = totals[totals["n"] > 0].sort_values(["n", "actor_id"], ascending=[False, True])
    return totals["actor_id"].head(top).tolist()


def estimates(table: pd.DataFrame | None, value: str) -> dict:
    """(actor id, role) -> :class:`Estimate` from table stance_shift (``value="delta"``) or
    stance_trend (``value="slope"``); none when the table is not given."""
    if table is None:
        return {}
    return {(r.actor_id, r.role): Estimate(float(getattr(r, value)), float(r.ci_low),
                                           float(r.ci_high), float(r.q_value), bool(r.tested))
            for r in table.itertuples(index=False)}  # fmt: skip


def _scaled(estimate: Estimate, scale: float) -> Estimate:
    """``estimate`` with its value and interval times ``scale``."""
    return Estimate(scale * estimate.value, scale * estimate.ci_low, scale * estimate.ci_high,
                    estimate.q_value, estimate.tested)  # fmt: skip


def first_screen(trajectory: pd.DataFrame, periods: pd.DataFrame, targets, labels: dict,
                 top: int = TOP_ACTORS, shift: pd.DataFrame | None = None,
                 trend: pd.DataFrame | None = None) -> FirstScreen:  # fmt: skip
    """The first screen of ``trajectory`` (table stance_trajectory) over the dated periods of
    ``periods`` (table document_periods), for the stance ``targets``; actors named by
    ``labels``; each row's change and trend from ``shift`` and ``trend`` where given, the
    trend as the change its slope makes from the row's first period with a reading to its
    last (slope per period times the periods between them), so that it reads on the change's
    scale and never runs on past the readings it was fitted to."""
    order = periods[periods["rank"] >= 0].sort_values("rank")["period"]
    period_labels = list(dict.fromkeys(order))
    roles = roles_of(targets)
    actors = top_actors(trajectory, roles, top)
    found = {(t.actor_id, t.role, t.period): t for t in trajectory.itertuples(index=False)}
    changes, slopes = estimates(shift, "delta"), estimates(trend, "slope")
    rows = []
    for actor_id in actors:
        for role in roles:
            cells = []
            for period in period_labels:
                t = found.get((actor_id, role, period))
                cells.append(Cell(period, None) if t is None or t.n == 0 else
                             Cell(period, float(t.mean), int(t.n), int(t.n_documents),
                                  bool(t.thin), href(actor_id, role, period)))  # fmt: skip
            read = [i for i, cell in enumerate(cells) if cell.value is not None]
            slope = slopes.get((actor_id, role))
            span = read[-1] - read[0] if read else 0
            trend_change = _scaled(slope, span) if slope and span else None
            rows.append(Row(actor_id, labels.get(actor_id, actor_id), role, cells,
                            changes.get((actor_id, role)), trend_change))  # fmt: skip
    stance_rows = [row for row in rows if row.role != "portrayal"]
    with_evidence = sum(cell.value is not None for row in stance_rows for cell in row.cells)
    if shift is not None and len(shift):
        compared = (shift["from_period"].iloc[0], shift["to_period"].iloc[0])
    else:
        compared = (period_labels[0], period_labels[-1]) if period_labels else ("", "")
    return FirstScreen(period_labels, list(targets), rows, with_evidence,
                       len(stance_rows) * len(period_labels), tuple(map(str, compared)))  # fmt: skip
