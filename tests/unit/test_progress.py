"""Each long per-document map of a stage shows a named progress bar on standard error
(a notebook's standard error reaches the command line: the runner passes it through);
a short one prints nothing."""

import pytest

from actorlens.attribution.extract import extract_attributions
from actorlens.core import engine
from actorlens.corpus.actors import Actor
from actorlens.corpus.ingest import ingest_corpus
from actorlens.mentions.count import analyse

ACTORS = [Actor("smith", "Anna Smith", "person", pronoun="she", names=("Anna Smith", "Smith"))]


@pytest.fixture
def folder(tmp_path):
    text = 'Title line\n\n"We will talk," said Anna Smith.\n'
    (tmp_path / "001.txt").write_text(text, encoding="utf-8")
    return tmp_path


def test_reading_scanning_and_extracting_each_show_a_bar(folder, capsys, monkeypatch):
    monkeypatch.setattr(engine, "PROGRESS_DELAY", 0)  # as if each map ran long
    corpus = ingest_corpus(folder)
    assert "reading documents: 100%" in capsys.readouterr().err
    found = analyse(corpus, ACTORS)
    assert "scanning mentions: 100%" in capsys.readouterr().err
    extract_attributions(corpus.texts, corpus.sentences, found.mentions, found.actors)
    assert "extracting attributions: 100%" in capsys.readouterr().err


def test_a_short_map_prints_nothing(folder, capsys):
    corpus = ingest_corpus(folder)
    found = analyse(corpus, ACTORS)
    extract_attributions(corpus.texts, corpus.sentences, found.mentions, found.actors)
    assert capsys.readouterr().err == ""
