"""Hostile input, round three: inputs checked on load (manifest headers, an empty
corpus_dir, n_workers), and a corpus of awkward but plausible files that runs through
every library stage to the end with typed tables."""

import os

import pandas as pd
import pytest

from actorlens import cli
from actorlens.analysis import sentiment, shift
from actorlens.analysis.resampling import summarise
from actorlens.core import config, parameters, tables
from actorlens.corpus import ingest
from actorlens.corpus.actors import load_actors
from actorlens.corpus.folder import CorpusError
from actorlens.corpus.ingest import ingest_corpus
from actorlens.mentions import count
from actorlens.runner import pipeline
from actorlens.scoring.stance import stance_of

ACTORS_FILE = config.SEEDS_DIR / "actors.yml"


def corpus_with_manifest(tmp_path, header: str, row: str):
    (tmp_path / "a.txt").write_text("Putin spoke.\n", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(f"{header}\n{row}\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("header", "row", "named"),
    [
        ("doc_id,file,title,title", "a,a.txt,One,Two", "title"),
        ("doc_id;file;doc_id;outlet", "a;a.txt;b;X", "doc_id"),
        ("doc_id,file, title,title ,topic,topic", "a,a.txt,1,2,3,4", "title, topic"),
    ],
)
def test_a_repeated_manifest_header_is_refused_naming_file_line_and_column(
    tmp_path, header, row, named
):
    corpus_dir = corpus_with_manifest(tmp_path, header, row)
    with pytest.raises(CorpusError) as info:
        ingest_corpus(corpus_dir)
    message = str(info.value)
    assert f"manifest {corpus_dir / 'manifest.csv'}, line 1" in message
    assert f"repeated column(s): {named}" in message
    assert "CorpusError" in pipeline.INPUT_ERRORS  # exit status 2 from a notebook


@pytest.mark.parametrize("computed", ["sha256", "n_words", "n_sentences", "n_words,sha256"])
def test_manifest_columns_that_ingestion_computes_are_refused(tmp_path, computed):
    values = ",".join("9" for _ in computed.split(","))
    corpus_dir = corpus_with_manifest(tmp_path, f"doc_id,file,{computed}", f"a,a.txt,{values}")
    with pytest.raises(CorpusError) as info:
        ingest_corpus(corpus_dir)
    assert str(info.value) == (
        f"manifest {corpus_dir / 'manifest.csv'}, line 1: column(s) "
        f"{computed.replace(',', ', ')} are computed by ingestion (documents.csv): rename them"
    )


def test_extra_manifest_columns_that_clash_with_nothing_are_kept(tmp_path):
    corpus_dir = corpus_with_manifest(tmp_path, "doc_id,file,topic,section", "a,a.txt,war,world")
    documents = ingest_corpus(corpus_dir).documents
    assert documents[["topic", "section"]].values.tolist() == [["war", "world"]]


@pytest.mark.parametrize("value", ["", "   ", "\t"])
def test_an_empty_corpus_dir_is_refused_on_the_command_line(value, capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "LICENSE.txt").write_text("Not an article.\n", encoding="utf-8")
    with pytest.raises(pipeline.PipelineError) as info:
        pipeline.load_parameters([], [("corpus_dir", value)])
    assert info.value.status == 2
    assert str(info.value) == f"parameter corpus_dir must not be empty, got {value!r}"
    assert cli.main(["run", "-p", "corpus_dir", value, "--out", str(tmp_path)]) == 2
    assert "corpus_dir must not be empty" in capsys.readouterr().err
    assert not (tmp_path / ".actorlens").exists()  # refused before any notebook ran


def test_an_empty_corpus_dir_is_refused_in_a_notebook_run_by_hand(tmp_path):
    with pytest.raises(CorpusError, match="corpus_dir is empty: name the folder of articles"):
        ingest.run(corpus_dir=" ", processed_dir=str(tmp_path))
    assert list(tmp_path.iterdir()) == []


def test_n_workers_above_four_per_core_is_refused():
    limit = 4 * os.cpu_count()
    assert parameters.PARAMETERS["n_workers"].maximum == limit
    assert pipeline.load_parameters([], [("n_workers", str(limit))])["n_workers"] == limit
    with pytest.raises(pipeline.PipelineError) as info:
        pipeline.load_parameters([], [("n_workers", "1000")])
    assert info.value.status == 2
    assert str(info.value) == f"parameter n_workers must be at most {limit}, got 1000"


AWKWARD_FILES = {
    "001_quote.txt": "date 2025-02-18\nTrump said: “Putin wants peace.”\n".encode(),
    "002_latin1.txt": "date 2025-02-19\nMacron a parlé à Paris. Putin was in Moscow.\n".encode(
        "latin-1"
    ),
    "003_utf16.txt": "date 2025-02-20\nLavrov met Rubio in Riyadh.\n".encode("utf-16"),
    "004_banner.txt": b"Support The Guardian!\nSign up for our newsletter.\n",
    "005_open.txt": b'date 2025-02-21\nZelenskyy said: "Ukraine will not accept it. Nobody\n',
    "006_long.txt": (
        "date 2025-02-22\nThe " + "x" * 5000 + " word. Putin was in Moscow.\n"
    ).encode(),
    "007_cp1252.txt": "date 2025-02-23\nStarmer said that “peace is near”.\n".encode("cp1252"),
    "008_kallas.txt": b"date 2025-02-24\nKallas told reporters that Europe would not accept a deal.\n",
}


def test_ten_awkward_files_run_through_every_stage_with_typed_tables(tmp_path):
    """Mixed encodings, a file of boilerplate only, an unbalanced quotation, a very long
    word and a link loop; before, speaker_target's mean was an untyped (object) column."""
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    for name, data in AWKWARD_FILES.items():
        (corpus_dir / name).write_bytes(data)
    (corpus_dir / "loop_a.txt").symlink_to("loop_b.txt")
    (corpus_dir / "loop_b.txt").symlink_to("loop_a.txt")
    out = tmp_path / "processed"
    corpus = ingest_corpus(corpus_dir)
    found = count.analyse(corpus, load_actors(ACTORS_FILE))
    voice = sentiment.analyse(corpus, found, actors_file=ACTORS_FILE, scorer="vader")
    stage = shift.analyse(corpus, voice, actors=found.actors, stance_scorer="lexicon")
    for stage_tables in (corpus, found, voice, stage):
        stage_tables.write(out)
    assert len(corpus.documents) == 7
    skipped = corpus.warnings.set_index("file")["kind"]
    assert skipped[["004_banner.txt", "loop_a.txt", "loop_b.txt"]].tolist() == [
        "empty", "broken_link", "broken_link"]  # fmt: skip
    assert voice.speaker_target["mean"].dtype == "float64"
    # every target is named inside its quote: no row comes from outside the quotes
    assert voice.speaker_target[["speaker_id", "target_id", "n", "mean"]].values.tolist() == [
        ["trump", "putin", 1, 0.0], ["zelenskyy", "ukraine", 1, -0.2924],
        ["kallas", "europe", 1, -0.2924]]  # fmt: skip
    written = pd.read_csv(out / "speaker_target.csv")
    assert written["mean"].tolist() == [0.0, -0.2924, -0.2924]


def test_a_quote_whose_targets_are_all_inside_it_keeps_a_float_mean():
    """No target from outside the quotes: the empty part no longer turns the scores into
    objects."""
    quoted = pd.DataFrame({"doc_id": ["1"], "actor_id": ["putin"], "attr_id": ["q1"],
                           "speaker_id": ["trump"], "role": ["quoted"], "sentiment": [0.5]})  # fmt: skip
    quote_table = pd.DataFrame({"doc_id": ["1"], "attr_id": ["q1"], "speaker_id": ["trump"],
                                "about": ["putin"], "sentiment": [0.9]})  # fmt: skip
    table = sentiment.speaker_targets(quoted, quote_table)
    assert table["mean"].dtype == "float64"
    assert table.values.tolist() == [["1", "trump", "putin", 1, 0.5]]


def test_a_summary_of_untyped_scores_has_a_float_mean():
    scores = pd.DataFrame(
        {"key": ["a", "a", "b"], "value": pd.Series([0.5, 0.25, None], dtype=object)}
    )
    table = summarise(scores, ["key"], "value", 2)
    assert table["mean"].dtype == "float64"
    assert table[["key", "n", "mean", "thin"]].values.tolist() == [["a", 2, 0.375, False]]


KINDS = {"int": "int64", "float": "float64", "bool": "bool"}


@pytest.mark.parametrize("name", list(tables.SCHEMAS))
def test_a_table_built_from_no_rows_has_the_schema_types(name):
    built = tables.frame(name)
    assert list(built.columns) == tables.SCHEMAS[name].names
    for column in tables.SCHEMAS[name].columns:
        dtype = built[column.name].dtype
        if column.kind == "str":
            assert pd.api.types.is_string_dtype(dtype), column.name
        else:
            assert str(dtype) == KINDS[column.kind], column.name


def test_empty_parts_keep_their_types_when_concatenated():
    """No stance and no evidence, built from no rows, leave a non-empty part typed."""
    rows = tables.frame("stance", [("1", "", "putin", "", "talks", "favour", 0.5, "", 0, "")])
    nothing = stance_of(tables.frame("attributions"), tables.frame("texts"),
                        tables.frame("sentences"), tables.frame("mentions"), {"talks": ["talks"]})  # fmt: skip
    joined = pd.concat([rows, nothing])
    assert [str(joined[c].dtype) for c in ("score", "sent_id")] == ["float64", "int64"]
    found = tables.frame("shift_evidence", [("putin", "portrayal", "to", "2", "1", "q", 0.5, "")])
    no_evidence = shift.evidence(tables.frame("mentions"), tables.frame("stance_shift"), {})
    assert pd.concat([found, no_evidence])["score"].dtype == "float64"
