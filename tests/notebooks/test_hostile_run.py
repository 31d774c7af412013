"""End to end on the hostile corpus, in folders named with spaces, quotes and accents: the
run succeeds and lists every problem, two runs agree byte for byte, a failing run leaves
the previous products alone, and no page lets article text become markup."""

import contextlib
import io
import os
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from actorlens import cli
from actorlens.corpus.folder import SKIP_KINDS
from actorlens.runner import pipeline
from tests.unit.test_hostile import (
    EXPECTED_WARNINGS,
    IMG,
    SCRIPT,
    injected,
    warning_kinds,
    write_hostile_corpus,
)

CHROMIUM = Path("/usr/bin/chromium")
# Loaded first in every page: a dialog records itself on <html> instead of opening.
DIALOG_PROBE = (
    "<script>for (const name of ['alert', 'confirm', 'prompt']) window[name] = "
    "(m) => document.documentElement.setAttribute('data-dialog', name + ': ' + m);</script>"
)


def run_cli(corpus: Path, out: Path, *parameters: str) -> tuple[int, str]:
    """``actorlens run`` on ``corpus`` into ``out``: exit status and standard error."""
    error = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(error):
        status = cli.main(["run", "-p", "corpus_dir", str(corpus), *parameters, "--out", str(out)])
    return status, error.getvalue()


def products(out: Path) -> dict[str, bytes]:
    """Every file of ``reports/`` and ``data/processed/`` under ``out``, by relative path."""
    files = []
    for top in (out / "reports", out / "data" / "processed"):  # products are links: follow
        for folder, _, names in os.walk(top, followlinks=True):
            files.extend(Path(folder) / name for name in names)
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(files) if p.is_file()}


def csv_tables(out: Path) -> dict[str, bytes]:
    return {name: data for name, data in products(out).items() if name.endswith(".csv")}


def pages(out: Path) -> list[Path]:
    return [out / "reports" / "index.html", *sorted((out / "reports" / "html").glob("*.html"))]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_hostile_corpus(tmp_path_factory.mktemp("hostile") / 'my "corpus" é')


@pytest.fixture(scope="module")
def first_run(corpus):
    out = corpus.parent / "out 'first' \"é\""
    status, error = run_cli(corpus, out)
    assert status == 0, error
    return out


@pytest.fixture(scope="module")
def second_run(corpus):
    out = corpus.parent / "out 'second' \"é\""
    status, error = run_cli(corpus, out)
    assert status == 0, error
    return out


@pytest.fixture(scope="module")
def failed_run(corpus, first_run):
    """A run into ``first_run`` that fails in the last notebook: products before and after."""
    before = products(first_run)
    # a value only the corpus can refute (a -p period outside its choices stops before any stage)
    status, error = run_cli(corpus, first_run, "-p", "from_period", "no such period")
    return status, error, before, products(first_run)


def test_hostile_run_lists_every_problem(first_run):
    warnings = pd.read_csv(first_run / "data" / "processed" / "ingest_warnings.csv", dtype=str)
    assert warning_kinds(warnings) == EXPECTED_WARNINGS
    assert len(list(first_run.glob(".actorlens/runs/*"))) == 1


def test_documents_found_are_analysed_or_skipped(corpus, first_run):
    processed = first_run / "data" / "processed"
    documents = pd.read_csv(processed / "documents.csv", dtype=str)
    warnings = pd.read_csv(processed / "ingest_warnings.csv", dtype=str)
    skipped = warnings[warnings["kind"].isin(SKIP_KINDS)]
    found = set(pd.read_csv(corpus / "manifest.csv")["file"]) | {p.name for p in corpus.glob("*.txt")}  # fmt: skip
    assert len(found) == len(documents) + len(skipped)
    assert found == set(documents["file"]) | set(skipped["file"])
    index = (first_run / "reports" / "index.html").read_text(encoding="utf-8")
    assert f"{len(documents)} documents analysed" in index and f"{len(skipped)} skipped" in index


def test_parameters_with_quotes_and_accents_reach_the_notebooks(corpus, first_run):
    for stage in pipeline.STAGES:
        notebook = nbformat.read(first_run / "reports" / "notebooks" / stage.notebook, 4)
        (cell,) = [c for c in notebook.cells if "injected-parameters" in c.metadata.get("tags", [])]
        injected_values: dict = {}
        exec(cell.source, {}, injected_values)
        if "processed_dir" in stage.parameters:  # not the validation stage: it writes no table
            assert injected_values["processed_dir"].startswith(f"{first_run}/.actorlens/runs/")
        if "corpus_dir" in injected_values:
            assert injected_values["corpus_dir"] == str(corpus)
    documents = pd.read_csv(first_run / "data" / "processed" / "documents.csv", dtype=str)
    assert "001_main.txt" in set(documents["file"])


def test_two_runs_write_identical_tables(first_run, second_run):
    first, second = csv_tables(first_run), csv_tables(second_run)
    assert len(first) >= 25 and first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_failed_run_leaves_previous_products_untouched(failed_run, first_run):
    status, error, before, after = failed_run
    assert status == 2
    assert "04-stance-shift.ipynb, cell" in error and "ShiftParameterError" in error
    assert "Traceback" not in error
    assert after.keys() == before.keys()
    assert [name for name in before if before[name] != after[name]] == []
    assert len(list(first_run.glob(".actorlens/runs/*"))) == 2  # the failed run, kept to read


def test_pages_show_article_text_as_text(first_run):
    texts = {}
    for page in pages(first_run):
        found, texts[page.name] = injected(page.read_text(encoding="utf-8"))
        assert found == [], page.name
    assert f"{SCRIPT} Talks" in texts["index.html"] and IMG in texts["index.html"]
    assert IMG in texts["02-count-mentions.html"] and IMG in texts["03-voice-and-portrayal.html"]


def dump_dom(page: Path) -> str:
    """The DOM of ``page`` after headless Chromium ran its scripts, with the dialog probe."""
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace("<head>", "<head>" + DIALOG_PROBE, 1), encoding="utf-8")
    command = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
               "--virtual-time-budget=5000", "--dump-dom", page.as_uri()]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=180, check=True).stdout


def dialog(dom: str) -> str | None:
    match = re.search(r'<html[^>]*\bdata-dialog="([^"]*)"', dom)
    return match and match.group(1)


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs chromium at /usr/bin/chromium")
def test_no_page_fires_a_dialog_in_a_browser(first_run, tmp_path):
    reports = shutil.copytree(first_run / "reports", tmp_path / "reports")
    control = reports / "control.html"
    control.write_text(f"<!DOCTYPE html><html><head></head><body>{IMG}</body></html>")
    targets = [control, *pages(reports.parent)]
    with ThreadPoolExecutor(max_workers=3) as pool:
        doms = dict(zip([p.name for p in targets], pool.map(dump_dom, targets), strict=True))
    assert dialog(doms.pop("control.html")) == "alert: 1"  # the probe sees an injection
    for name, dom in doms.items():
        assert dialog(dom) is None, name
        assert injected(dom)[0] == [], name
    mentions_page = doms["02-count-mentions.html"]
    assert "dt-container" in mentions_page  # the interactive tables were rendered
    assert IMG in injected(mentions_page)[1]
