"""The evidence pages of a run and the front page's first screen, read from the tables.

``reports/evidence/<actor>.html``: one page per actor, one section per role and period (the
anchor the first screen and the figures link to, :func:`actorlens.analysis.evidence.href`),
every scored unit in it, sentence first with the actor and the stance cue marked; and
``reports/evidence/evidence.csv``, the whole table. Rendered with the Jinja2 template
``resources/templates/evidence.html.j2``, autoescaped.
"""

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from actorlens.analysis import evidence
from actorlens.analysis.first_screen import FirstScreen, first_screen
from actorlens.analysis.sentiment import Sentiment, counted_kinds
from actorlens.analysis.shift import Shift
from actorlens.core import stages, tables

NEEDED = (*Shift.TABLES.values(), *Sentiment.TABLES.values(), "mentions", "mention_scores",
          "sentences", "texts", "actors", "documents")  # fmt: skip


@dataclass(frozen=True)
class Section:
    """The evidence of one role and period: its anchor, heading and rows."""

    anchor: str
    heading: str
    rows: list[dict]


def segments(text: str, marks) -> list[tuple[str, str]]:
    """``text`` cut at ``marks`` ((start, end, kind) spans): (piece, kind) in order, kind ""
    between marks; a mark overlapping an earlier one is left out."""
    pieces, at = [], 0
    for start, end, kind in sorted(marks):
        if start < at:
            continue
        pieces += [(text[at:start], ""), (text[start:end], kind)]
        at = end
    pieces.append((text[at:], ""))
    return [(piece, kind) for piece, kind in pieces if piece]


def shift_parameters(processed_dir: Path) -> dict:
    """The parameters the stance-shift stage recorded."""
    return stages.read_manifest(processed_dir).get("stance_shift", {}).get("parameters", {})


def has_tables(processed_dir: Path) -> bool:
    """Whether every table the first screen and the evidence pages read is there."""
    return all((processed_dir / tables.SCHEMAS[name].file).is_file() for name in NEEDED)


def labels_of(processed_dir: Path) -> dict:
    actors = tables.read("actors", processed_dir)
    return dict(zip(actors["id"], actors["label"], strict=True))


def screen(processed_dir: Path) -> FirstScreen:
    """The first screen of the run in ``processed_dir``."""
    result = Shift.read(processed_dir)
    targets = list(shift_parameters(processed_dir).get("target_terms", {}))
    if not targets:
        roles = result.trajectory["role"]
        targets = sorted(roles[roles.str.startswith("stance: ")].str[len("stance: ") :].unique())
    return first_screen(result.trajectory, result.periods, targets, labels_of(processed_dir),
                        shift=result.shift, trend=result.trend)  # fmt: skip


def evidence_of(processed_dir: Path) -> pd.DataFrame:
    """The joined evidence table of the run in ``processed_dir``."""
    given = shift_parameters(processed_dir)
    voice, result = Sentiment.read(processed_dir), Shift.read(processed_dir)
    return evidence.evidence_table(
        voice.mentions, result.stance, tables.read("sentences", processed_dir),
        voice.attributions, result.periods, counted_kinds(given.get("include_demonyms", False)),
        given.get("quoted_portrayal", False), texts=_texts(processed_dir),
        speech=given.get("speech", "all"),
    )  # fmt: skip


def _texts(processed_dir: Path) -> dict:
    texts = tables.read("texts", processed_dir)
    return dict(zip(texts["doc_id"], texts["text"], strict=True))


def _documents(processed_dir: Path) -> dict:
    documents = tables.read("documents", processed_dir)
    return {d.doc_id: " · ".join(filter(None, (d.doc_id, d.date, d.title)))
            for d in documents.itertuples(index=False)}  # fmt: skip


def sections_of(rows: pd.DataFrame, trajectory: pd.DataFrame, labels: dict, documents: dict):
    """The sections of one actor's evidence ``rows`` (in the evidence table's order), each
    headed by its number from ``trajectory``; counted rows first in each."""
    numbers = {(t.role, t.period): t for t in trajectory.itertuples(index=False)}
    sections = []
    for (role, period), group in rows.groupby(["role", "period"], sort=False):
        t = numbers.get((role, period))
        number = (f": mean {t.mean:+.2f}, n={t.n}, {t.n_documents} document"
                  f"{'' if t.n_documents == 1 else 's'}" + (" (thin)" if t.thin else "")
                  if t is not None else ": no counted score")  # fmt: skip
        heading = f"{role}, period {period or evidence.UNDATED}{number}"
        shown = []
        for r in group.sort_values("counted", ascending=False, kind="stable").itertuples():
            unnamed = "the narrative" if r.role == "portrayal" else "no speaker actor"
            speaker = labels.get(r.speaker_id, r.speaker_id) if r.speaker_id else unnamed
            if r.through:
                speaker = f"{speaker}, through {labels.get(r.through, r.through)}"
            shown.append({
                "segments": segments(r.text, r.marks), "score": f"{r.score:+.2f}",
                "label": r.label, "kind": r.kind, "speaker": speaker,
                "document": documents.get(r.doc_id, r.doc_id), "sentence": r.sent_id,
                "counted": r.counted, "note": r.note,
            })  # fmt: skip
        sections.append(Section(evidence.anchor(role, period), heading, shown))
    return sections


def write_evidence(reports_dir: Path, processed_dir: Path, templates) -> Path:
    """Write every actor's evidence page and evidence.csv into ``reports_dir``/evidence."""
    out = reports_dir / "evidence"
    out.mkdir(parents=True, exist_ok=True)
    table = evidence_of(processed_dir)
    csv = table.drop(columns="marks")
    (out / "evidence.csv").write_bytes(tables.to_csv_bytes(csv))
    labels, documents = labels_of(processed_dir), _documents(processed_dir)
    trajectory = Shift.read(processed_dir).trajectory
    template = templates.get_template("evidence.html.j2")
    for actor_id, rows in table.groupby("actor_id", sort=True):
        mine = trajectory[trajectory["actor_id"] == actor_id]
        page = template.render(
            actor=labels.get(actor_id, actor_id) or "no speaker actor", actor_id=actor_id,
            n_rows=len(rows), sections=sections_of(rows, mine, labels, documents),
        )  # fmt: skip
        (out / f"{evidence.page_name(actor_id)}.html").write_text(page, encoding="utf-8")
    return out
