"""End to end: the smoke configuration through every notebook into a temporary folder."""

import json

import pandas as pd
import pytest

from actorlens import cli
from actorlens.core import config
from actorlens.report import summary
from actorlens.runner import pipeline


@pytest.fixture(scope="module")
def smoke_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("smoke run")
    status = cli.main(["run", "-f", str(config.PARAMS_DIR / "smoke.yaml"), "--out", str(out)])
    assert status == 0
    return out


def test_every_product_is_written(smoke_run):
    processed = smoke_run / "data" / "processed"
    for stage in pipeline.STAGES:
        for product in stage.products:
            assert (processed / f"{product}.csv").is_file(), product
        for figure in stage.figures:  # a figure drawn per target is saved as figure_<target>
            for suffix in (".png", ".svg", ".csv"):
                drawn = smoke_run / "reports" / "figures"
                assert (drawn / f"{figure}{suffix}").is_file() or any(
                    drawn.glob(f"{figure}_*{suffix}")
                ), f"{figure}{suffix}"
        stem = stage.notebook.removesuffix(".ipynb")
        assert (smoke_run / "reports" / "notebooks" / stage.notebook).is_file()
        assert (smoke_run / "reports" / "html" / f"{stem}.html").is_file()
    (run,) = smoke_run.glob(".actorlens/runs/*")  # only the current run's folder is kept
    assert (smoke_run / "data" / "processed").resolve() == run / "data" / "processed"
    manifest = json.loads((processed / "run_manifest.json").read_text())
    assert sorted(manifest) == sorted(t for stage in pipeline.STAGES for t in stage.products)
    assert manifest["stance_shift"]["parameters"]["min_shift_mentions"] == 20


def test_smoke_tables_hold_the_first_three_seeds(smoke_run):
    documents = pd.read_csv(smoke_run / "data" / "processed" / "documents.csv", dtype=str)
    assert documents["doc_id"].tolist() == ["000", "001", "002"]
    sentences = pd.read_csv(smoke_run / "data" / "processed" / "sentences.csv", dtype=str)
    assert len(sentences) == 43 + 12 + 40


def test_index_page_reports_the_corpus(smoke_run):
    index = (smoke_run / "reports" / "index.html").read_text()
    assert "3 documents analysed (dated 2025-02-19 to 2025-02-22), 0 skipped" in index
    assert 'src="figures/fig01_document_lengths.png"' in index
    assert 'href="html/01-ingest-corpus.html"' in index
    assert 'href="html/05-validation.html"' in index  # validation: linked, no table of its own
    assert index.index("Summary: how stances shifted") < index.index("<h2>Ingest")
    assert "From period 000 (1 document) to period 002 (1 document):" in index
    assert "No shift can be tested" in index  # one article at each end
    assert "Portrayal (minilm scorer)" in index  # which scorer and reader made the numbers
    assert "Stance targets: talks; stance read by lexicon" in index


def test_shift_tables_agree_with_the_front_page(smoke_run):
    processed = smoke_run / "data" / "processed"
    shifts = pd.read_csv(
        processed / "stance_shift.csv", dtype={"from_period": str, "to_period": str}
    )
    assert set(shifts["from_period"]) == {"000"} and set(shifts["to_period"]) == {"002"}
    index = (smoke_run / "reports" / "index.html").read_text()
    assert not shifts["tested"].any()
    # the difference with the most evidence at both ends is listed first, as descriptive
    top = summary.by_evidence(shifts).iloc[0]
    assert f"delta {top['delta']:+.2f}" in index
    assert index.index("Differences with the most evidence") < index.index(
        f"delta {top['delta']:+.2f}"
    )


def test_html_pages_hide_code(smoke_run):
    page = (smoke_run / "reports" / "html" / "01-ingest-corpus.html").read_text()
    assert "ingest.run(" not in page
    assert "Which lines were removed as boilerplate" in page
    validation = (smoke_run / "reports" / "html" / "05-validation.html").read_text()
    assert "speaker accuracy, found quotes" in validation and "PerSenT not given" in validation


def test_failed_run_keeps_previous_products(smoke_run, tmp_path, capsys):
    index = smoke_run / "reports" / "index.html"
    before = index.read_bytes()
    bad = tmp_path / "bad boilerplate.yml"  # there (checked before any stage), not readable
    bad.write_text("patterns: 3\n", encoding="utf-8")
    status = cli.main(
        [
            "run",
            "-f",
            str(config.PARAMS_DIR / "smoke.yaml"),
            "--out",
            str(smoke_run),
            "-p",
            "boilerplate_file",
            str(bad),
        ]
    )
    assert status == 2
    message = capsys.readouterr().err
    assert "01-ingest-corpus.ipynb, cell" in message and "bad boilerplate.yml" in message
    assert index.read_bytes() == before
    current = (smoke_run / ".actorlens" / "current").resolve()
    failed = [p for p in smoke_run.glob(".actorlens/runs/*/reports/notebooks/01-ingest-corpus.ipynb")
              if current not in p.parents]  # fmt: skip
    assert len(failed) == 1
    # written once, at the failure, with the error in it (not saved at every cell)
    assert "bad boilerplate.yml" in failed[0].read_text(encoding="utf-8")


def test_missing_corpus_is_exit_status_2(tmp_path, capsys):
    assert cli.main(["run", "-p", "corpus_dir", str(tmp_path / "none")]) == 2
    assert "corpus folder not found" in capsys.readouterr().err


def test_malformed_actors_file_is_exit_status_2(smoke_run, tmp_path, capsys):
    bad = tmp_path / "actors.yml"
    bad.write_text("actors:\n  - {id: a, names: []}\n", encoding="utf-8")
    args = ["run", "-f", str(config.PARAMS_DIR / "smoke.yaml"), "--out", str(smoke_run)]
    assert cli.main([*args, "-p", "actors_file", str(bad)]) == 2
    message = capsys.readouterr().err
    assert "02-count-mentions.ipynb" in message and "actor 'a', field 'names': empty" in message
