"""Shared fixtures: the seed corpus, ingested once per session."""

import pytest

from actorlens import config
from actorlens.ingest import ingest_corpus


@pytest.fixture(scope="session")
def seeds():
    return ingest_corpus(config.SEEDS_DIR)


def sentence_of(corpus, doc_id: str, fragment: str) -> str:
    """The one sentence of ``doc_id`` containing ``fragment``."""
    table = corpus.sentences
    hits = table[(table["doc_id"] == doc_id) & table["text"].str.contains(fragment, regex=False)]
    assert len(hits) == 1, f"{fragment!r} is in {len(hits)} sentences of {doc_id}"
    return hits["text"].iloc[0]
