"""HTML reports: one code-free page per executed notebook and a front page built from the tables.

Every piece of text that comes from the corpus or the parameters is escaped.
"""

from datetime import datetime
from html import escape
from pathlib import Path

import nbformat
import pandas as pd
from nbconvert import HTMLExporter
from traitlets.config import Config

from actorlens.ingest import Corpus
from actorlens.mentions import Mentions, unmentioned_actors
from actorlens.sentiment import Sentiment
from actorlens.shift import SHIFT_COLUMNS, Shift

HIDDEN_CELL_TAGS = ("parameters", "injected-parameters", "remove_cell")
INDEX_DOCUMENT_ROWS = 25

STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem;
       color: #1d2733; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { border-bottom: 1px solid #d5dde6; }
.meta { color: #5a6b7d; font-size: .9rem; }
table { border-collapse: collapse; font-size: .85rem; margin: .6rem 0; }
th, td { border-bottom: 1px solid #e3e8ee; padding: .25rem .5rem; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td:nth-child(2) { white-space: nowrap; }
img { max-width: 100%; border: 1px solid #e3e8ee; }
ul.headline li { margin: .15rem 0; }
.summary { background: #f4f7fb; border-left: 4px solid #1f4e79; padding: .2rem 1rem; }
"""


def html_exporter() -> HTMLExporter:
    """An nbconvert exporter that hides code, prompts and the parameter cells."""
    cfg = Config()
    cfg.TagRemovePreprocessor.remove_cell_tags = HIDDEN_CELL_TAGS
    cfg.TagRemovePreprocessor.enabled = True
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


def table_html(frame: pd.DataFrame, numeric: tuple[str, ...] = ()) -> str:
    """A small HTML table with every cell escaped."""
    head = "".join(
        f'<th class="{"num" if c in numeric else ""}">{escape(str(c))}</th>' for c in frame.columns
    )
    rows = []
    for record in frame.itertuples(index=False):
        cells = "".join(
            f'<td class="{"num" if c in numeric else ""}">{escape(str(v))}</td>'
            for c, v in zip(frame.columns, record, strict=True)
        )
        rows.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def ingest_headline(processed_dir: Path) -> tuple[list[str], str]:
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
    table = table_html(shown.head(INDEX_DOCUMENT_ROWS), numeric=("n_words", "n_sentences"))
    if len(documents) > INDEX_DOCUMENT_ROWS:
        table += f"<p class='meta'>First {INDEX_DOCUMENT_ROWS} of {len(documents):,} documents.</p>"
    return lines, table


def _counted(n: int, one: str, many: str = "") -> str:
    """``n`` with the noun in the number it takes: 1 entry, 2 entries."""
    return f"{n:,} {one if n == 1 else many or one + 's'}"


def mentions_headline(processed_dir: Path) -> tuple[list[str], str]:
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
    return lines, table_html(shown, numeric=tuple(shown.columns[1:]))


def voice_headline(processed_dir: Path) -> tuple[list[str], str]:
    """Headline numbers and the portrayal table of the voice-and-portrayal stage."""
    result = Sentiment.read(processed_dir)
    labels = dict(zip(*Mentions.read(processed_dir).actors[["id", "label"]].T.values, strict=True))
    quotes = result.attributions
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
        f"{len(known):,} with a known speaker actor",
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
    return lines, table_html(shown, numeric=("n", "mean", "ci_low", "ci_high"))


def _labels(processed_dir: Path) -> dict:
    actors = Mentions.read(processed_dir).actors
    return dict(zip(actors["id"], actors["label"], strict=True))


def shift_headline(processed_dir: Path) -> tuple[list[str], str]:
    """The shifts table of the stance-shift stage."""
    result = Shift.read(processed_dir)
    tested = result.shift["tested"]
    periods = result.periods.loc[result.periods["rank"] >= 0, "period"].nunique()
    lines = [
        f"{int(tested.sum())} actor-role shifts tested (documents as the unit), "
        f"{int((~tested).sum())} described only; {periods} periods"
    ]
    hidden = {"actor_id", "from_period", "to_period", "unit", "tested", "same_sign"}
    columns = ["actor", *(c for c in SHIFT_COLUMNS if c not in hidden)]
    labels = _labels(processed_dir)
    shown = result.shift.head(10).assign(actor=result.shift["actor_id"].map(labels))[columns]
    return lines, table_html(shown, numeric=tuple(shown.columns[2:]))


def summary_section(processed_dir: Path) -> str:
    """The front page's opening: the findings of the stance-shift stage in plain words."""
    if not (processed_dir / "stance_shift.csv").is_file():
        return ""
    lines = Shift.read(processed_dir).summary(_labels(processed_dir))
    items = "".join(f"<p>{escape(line)}</p>" for line in lines)
    return f'<section class="summary"><h2>Summary: how stances shifted</h2>{items}</section>'


def written_figures(figures_dir: Path, names) -> list[str]:
    """The figures of ``names`` with a PNG in ``figures_dir``: each name, then its figures
    per target (``name_<target>``, as :func:`actorlens.figures.names_per_target` names them)."""
    found = []
    for name in names:
        if (figures_dir / f"{name}.png").is_file():
            found.append(name)
        found += sorted(path.stem for path in figures_dir.glob(f"{name}_*.png"))
    return found


def figures_html(figures_dir: Path, names) -> str:
    """Each written figure of ``names``, with links to its SVG and data where written."""
    html = []
    for name in written_figures(figures_dir, names):
        links = [f'<a href="figures/{escape(name)}{suffix}">{what}</a>'
                 for suffix, what in ((".svg", "SVG"), (".csv", "data"))
                 if (figures_dir / f"{name}{suffix}").is_file()]  # fmt: skip
        caption = escape(name) + (f" ({', '.join(links)})" if links else "")
        html.append(
            f'<figure><img src="figures/{escape(name)}.png" alt="{escape(name)}">'
            f'<figcaption class="meta">{caption}</figcaption></figure>'
        )
    return "".join(html)


HEADLINES = {
    "ingest": ingest_headline,
    "mentions": mentions_headline,
    "voice": voice_headline,
    "shift": shift_headline,
}


def write_index(
    reports_dir: Path,
    processed_dir: Path,
    stages,
    params: dict,
    started: datetime,
    seconds: dict,
) -> Path:
    """Write ``reports_dir/index.html``: corpus, run time, each stage's headline numbers,
    figures and a link to its page."""
    sections = []
    for stage in stages:
        page = f"html/{Path(stage.notebook).stem}.html"
        lines, extra = HEADLINES[stage.name](processed_dir) if stage.name in HEADLINES else ([], "")
        items = "".join(f"<li>{escape(line)}</li>" for line in lines)
        images = figures_html(reports_dir / "figures", stage.figures)
        sections.append(
            f"<section><h2>{escape(stage.name.capitalize())} "
            f'<span class="meta">(<a href="{escape(page)}">full page</a>, '
            f"{seconds.get(stage.name, 0):.1f} s)</span></h2>"
            f'<ul class="headline">{items}</ul>{images}{extra}</section>'
        )
    param_rows = pd.DataFrame(
        [(k, v) for k, v in sorted(params.items()) if k not in ("processed_dir", "figures_dir")],
        columns=["parameter", "value"],
    )
    corpus = params.get("corpus_dir", "")
    html = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>actorlens report: {escape(str(corpus))}</title>
<style>{STYLE}</style></head><body>
<h1>actorlens report</h1>
<p class="meta">Corpus <code>{escape(str(corpus))}</code>, run {started:%Y-%m-%d %H:%M} UTC,
{sum(seconds.values()):.1f} s in {len(seconds)} stage(s).</p>
{summary_section(processed_dir)}
{"".join(sections)}
<section><h2>Parameters</h2>{table_html(param_rows)}</section>
</body></html>
"""
    index = reports_dir / "index.html"
    index.write_text(html, encoding="utf-8")
    return index
