"""HTML reports: one code-free page per executed notebook and a front page built from the tables.

The front page is the Jinja2 template ``resources/templates/index.html.j2``, rendered with
autoescape: every piece of text that comes from the corpus or the parameters is escaped.
"""

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import nbformat
import pandas as pd
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from nbconvert import HTMLExporter
from traitlets.config import Config

from actorlens.analysis import keyness
from actorlens.analysis.sentiment import Sentiment
from actorlens.analysis.shift import Shift
from actorlens.core import config, stages
from actorlens.core.tables import SCHEMAS, read
from actorlens.corpus.ingest import Corpus
from actorlens.mentions.count import Mentions, unmentioned_actors
from actorlens.report import evidence_pages, summary

HIDDEN_CELL_TAGS = ("parameters", "injected-parameters", "remove_cell")
INDEX_DOCUMENT_ROWS = 25
VALIDATION_HEADLINE = (
    "How far to trust the numbers: the portrayal scorers, the attributions and their speakers, "
    "and the stance, measured against hand labels the package ships (the same for every corpus)"
)
TEMPLATES = Environment(
    loader=FileSystemLoader(config.RESOURCES_DIR / "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


def html_exporter() -> HTMLExporter:
    """An nbconvert exporter that hides code, prompts and the parameter cells."""
    cfg = Config()
    cfg.TagRemovePreprocessor.remove_cell_tags = HIDDEN_CELL_TAGS
    cfg.TagRemovePreprocessor.enabled = True
    cfg.CoalesceStreamsPreprocessor.enabled = True  # a progress bar: its last state only
    exporter = HTMLExporter(config=cfg)
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    return exporter


def write_html_page(notebook: Path, html_dir: Path, exporter: HTMLExporter | None = None) -> Path:
    """Render one executed notebook to ``html_dir``/<name>.html."""
    html_dir.mkdir(parents=True, exist_ok=True)
    body, _ = (exporter or html_exporter()).from_notebook_node(
        nbformat.read(notebook, as_version=4)
    )
    page = html_dir / f"{notebook.stem}.html"
    page.write_text(body, encoding="utf-8")
    return page


@dataclass(frozen=True)
class Table:
    """A small table of the front page: its columns, its rows of values, the columns shown
    as numbers (right-aligned) and a note under it."""

    columns: list[str]
    rows: list[tuple]
    numeric: tuple[str, ...] = ()
    note: str = ""

    @classmethod
    def of(cls, frame: pd.DataFrame, numeric=(), note: str = "") -> "Table":
        rows = list(frame.itertuples(index=False, name=None))
        return cls([str(c) for c in frame.columns], rows, tuple(numeric), note)

    @property
    def classes(self) -> list[str]:
        """Each column's class: "num" for the numeric ones."""
        return ["num" if c in self.numeric else "" for c in self.columns]


@dataclass(frozen=True)
class Figure:
    """A written figure of the front page, its (href, what) links to its SVG and data, and
    whether its SVG links its marks to their evidence (then shown as the SVG, clickable)."""

    name: str
    links: list[tuple[str, str]]
    linked: bool = False


@dataclass(frozen=True)
class Section:
    """One stage on the front page: its title, page, seconds, headline, figures and table."""

    title: str
    page: str
    seconds: float
    lines: list[str]
    figures: list[Figure]
    table: Table | None


def ingest_headline(processed_dir: Path) -> tuple[list[str], Table]:
    """Headline numbers and the documents table of the ingestion stage."""
    corpus = Corpus.read(processed_dir)
    documents = corpus.documents
    numbers = dict(corpus.overview().itertuples(index=False))
    undated = numbers["documents without a date"]
    span = (
        f"dated {numbers['first date']} to {numbers['last date']}"
        + (f", {undated:,} undated" if undated else "")
        if numbers["first date"]
        else "no dates"
    )
    lines = [
        f"{numbers['documents analysed']:,} documents analysed ({span}), "
        f"{numbers['documents skipped']:,} skipped",
        f"{numbers['words']:,} words in {numbers['sentences']:,} sentences",
        f"{numbers['boilerplate lines removed']:,} boilerplate lines removed (listed in boilerplate.csv)",
        f"{_counted(numbers['warnings'], 'ingestion warning')} (listed in ingest_warnings.csv), "
        f"{_counted(numbers['other entries not read'], 'entry', 'entries')} of the folder not a "
        "document",
    ]
    shown = documents[["doc_id", "date", "outlet", "title", "n_words", "n_sentences"]]
    more = len(documents) > INDEX_DOCUMENT_ROWS
    note = f"First {INDEX_DOCUMENT_ROWS} of {len(documents):,} documents." if more else ""
    return lines, Table.of(shown.head(INDEX_DOCUMENT_ROWS), ("n_words", "n_sentences"), note)


def _counted(n: int, one: str, many: str = "") -> str:
    """``n`` with the noun in the number it takes: 1 entry, 2 entries."""
    return f"{n:,} {one if n == 1 else many or one + 's'}"


def mentions_headline(processed_dir: Path) -> tuple[list[str], Table]:
    """Headline numbers and the top-actors table of the mentions stage."""
    found = Mentions.read(processed_dir)
    totals = found.totals()
    counted = totals[totals["n_mentions"] > 0]
    leaders = ", ".join(f"{r.label} ({r.n_mentions})" for r in counted.head(5).itertuples())
    unmentioned = unmentioned_actors(found.actors, found.counts)["label"].tolist()
    more = f" and {len(unmentioned) - 10} more" if len(unmentioned) > 10 else ""
    lines = [
        f"{int(totals['n_mentions'].sum()):,} counted mentions of {len(counted)} of "
        f"{len(found.actors)} actors; {int(totals['n_demonym'].sum()):,} demonyms recorded",
        f"Most mentioned: {leaders}" if leaders else "No actor of the actors file is mentioned",
        f"Never mentioned: {len(unmentioned)} of {len(found.actors)} actors of the actors file "
        f"({', '.join(unmentioned[:10])}{more})"
        if unmentioned
        else "Every actor of the actors file is mentioned",
        f"{len(found.unlisted):,} capitalised names no actor covers (unlisted_names.csv)",
    ]
    shown = totals.head(10)[["label", "n_mentions", "n_name", "n_title", "n_metonym", "n_docs"]]
    return lines, Table.of(shown, numeric=shown.columns[1:])


def voice_headline(processed_dir: Path) -> tuple[list[str], Table]:
    """Headline numbers and the portrayal table of the voice-and-portrayal stage."""
    result = Sentiment.read(processed_dir)
    labels = dict(zip(*Mentions.read(processed_dir).actors[["id", "label"]].T.values, strict=True))
    positions = result.attributions["kind"] == "position"  # views, not speech: counted apart
    quotes = result.attributions[~positions]
    known = quotes[quotes["speaker_id"] != ""]
    kinds = quotes["kind"].value_counts()
    speakers = (
        known.assign(words=known["text"].str.split().str.len()).groupby("speaker_id")["words"].sum()
    )
    top = ", ".join(f"{labels.get(s, s)} ({w} words)" for s, w in speakers.nlargest(3).items())
    portrayal = result.overall[(result.overall["role"] == "portrayal") & ~result.overall["thin"]]
    lines = [
        f"{len(quotes):,} attributions ({kinds.get('direct', 0):,} direct quotes, "
        f"{kinds.get('reported', 0):,} reported speech, {kinds.get('mixed', 0):,} mixed), "
        f"{len(known):,} with a known speaker actor; {int(positions.sum()):,} positions",
        f"Most quoted: {top}" if top else "No attribution has a known speaker actor",
    ]
    if not portrayal.empty:
        low, high = portrayal.nsmallest(1, "mean").iloc[0], portrayal.nlargest(1, "mean").iloc[0]
        lines.append(
            f"Portrayal ({result.scorer} scorer), most negative: {labels.get(low.actor_id)} "
            f"({low['mean']:+.2f}, n={low.n}); most positive: {labels.get(high.actor_id)} "
            f"({high['mean']:+.2f}, n={high.n})"
        )
    shown = portrayal.sort_values("n", ascending=False).head(10)
    shown = shown.assign(actor=shown["actor_id"].map(labels))[
        ["actor", "n", "mean", "ci_low", "ci_high"]
    ]
    return lines, Table.of(shown, numeric=("n", "mean", "ci_low", "ci_high"))


def _labels(processed_dir: Path) -> dict:
    actors = Mentions.read(processed_dir).actors
    return dict(zip(actors["id"], actors["label"], strict=True))


def shift_headline(processed_dir: Path) -> tuple[list[str], Table]:
    """The shifts table of the stance-shift stage."""
    result = Shift.read(processed_dir)
    tested = result.shift["tested"]
    periods = result.periods.loc[result.periods["rank"] >= 0, "period"].nunique()
    given = stages.read_manifest(processed_dir).get("stance_shift", {}).get("parameters", {})
    targets = ", ".join(given.get("target_terms", {})) or "none"
    lines = [
        f"{int(tested.sum())} actor-role shifts tested (documents as the unit), "
        f"{int((~tested).sum())} described only; {periods} periods",
        f"Stance targets: {targets}; stance read by {given.get('stance_scorer', '?')}",
    ]
    hidden = {"actor_id", "from_period", "to_period", "unit", "tested", "same_sign"}
    columns = ["actor", *(c for c in SCHEMAS["stance_shift"].names if c not in hidden)]
    labels = _labels(processed_dir)
    shown = result.shift.head(10).assign(actor=result.shift["actor_id"].map(labels))[columns]
    return lines, Table.of(shown, numeric=shown.columns[2:])


def validation_headline(processed_dir: Path) -> tuple[list[str], None]:
    """What the validation stage measures (on shipped data, so nothing of the run's tables)."""
    return [VALIDATION_HEADLINE], None


def summary_lines(processed_dir: Path) -> list[str]:
    """The front page's opening: the findings of the stance-shift stage in plain words."""
    if not (processed_dir / "stance_shift.csv").is_file():
        return []
    return summary.findings(Shift.read(processed_dir), _labels(processed_dir))


def distinctive_words(processed_dir: Path, actors) -> list:
    """Per actor of the first screen (by label), the words around its mentions that set the
    last period apart from the first, each linked to its evidence (:mod:`keyness`)."""
    if not (processed_dir / "keyness.csv").is_file():
        return []
    labels = _labels(processed_dir)
    linked = keyness.linked_words(read("keyness", processed_dir), actors)
    return [(labels.get(actor_id, actor_id), *rest) for actor_id, *rest in linked]


def written_figures(figures_dir: Path, names) -> list[str]:
    """The figures of ``names`` with a PNG in ``figures_dir``: each name, then its figures
    per target (``name_<target>``, as :func:`actorlens.report.publish.names_per_target` names them)."""
    found = []
    for name in names:
        if (figures_dir / f"{name}.png").is_file():
            found.append(name)
        found += sorted(path.stem for path in figures_dir.glob(f"{name}_*.png"))
    return found


def figures_shown(figures_dir: Path, names) -> list[Figure]:
    """Each written figure of ``names``, with links to its SVG and data where written."""
    shown = []
    for name in written_figures(figures_dir, names):
        links = [(f"figures/{name}{suffix}", what)
                 for suffix, what in ((".svg", "SVG"), (".csv", "data"))
                 if (figures_dir / f"{name}{suffix}").is_file()]  # fmt: skip
        svg = figures_dir / f"{name}.svg"
        linked = svg.is_file() and "<a xlink:href=" in svg.read_text(encoding="utf-8")
        shown.append(Figure(name, links, linked))
    return shown


HEADLINES = {
    "ingest": ingest_headline,
    "mentions": mentions_headline,
    "voice": voice_headline,
    "shift": shift_headline,
    "validation": validation_headline,
}


def write_index(
    reports_dir: Path,
    processed_dir: Path,
    stages,
    params: dict,
    started: datetime,
    seconds: dict,
) -> Path:
    """Write ``reports_dir/index.html`` from its template: corpus, run time, the first
    screen (with the evidence pages it links to, :mod:`actorlens.report.evidence_pages`),
    each stage's headline numbers, figures and a link to its page, and the parameters."""
    sections = []
    for stage in stages:
        headline = HEADLINES.get(stage.name, lambda _: ([], None))
        lines, table = headline(processed_dir)
        sections.append(Section(
            stage.name.capitalize(), f"html/{Path(stage.notebook).stem}.html",
            seconds.get(stage.name, 0), lines,
            figures_shown(reports_dir / "figures", stage.figures), table,
        ))  # fmt: skip
    param_rows = pd.DataFrame(
        [(k, v) for k, v in sorted(params.items()) if k not in ("processed_dir", "figures_dir")],
        columns=["parameter", "value"],
    )
    screen = None
    if evidence_pages.has_tables(processed_dir):
        screen = evidence_pages.screen(processed_dir)
        evidence_pages.write_evidence(reports_dir, processed_dir, TEMPLATES)
    html = TEMPLATES.get_template("index.html.j2").render(
        corpus=str(params.get("corpus_dir", "")),
        screen=screen,
        coverage=summary.stance_coverage(screen) if screen else "",
        started=started,
        total_seconds=sum(seconds.values()),
        n_timed=len(seconds),
        summary=summary_lines(processed_dir),
        distinctive=distinctive_words(processed_dir, screen.actors) if screen else [],
        sections=sections,
        parameters=Table.of(param_rows),
    )
    index = reports_dir / "index.html"
    index.write_text(html, encoding="utf-8")
    return index
