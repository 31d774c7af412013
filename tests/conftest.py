"""Shared fixtures: the seed corpus, ingested once per session."""

import os

import pytest
from hypothesis import HealthCheck, settings

from actorlens.core import config
from actorlens.corpus.ingest import ingest_corpus

# Property-based tests (tests/unit/test_properties.py): a short, reproducible profile for
# `make test` and CI, and a long random one for `make fuzz` (HYPOTHESIS_PROFILE=fuzz or
# --hypothesis-profile fuzz). Examples run whole pipelines: no deadline, slow is fine.
PROPERTY_SETTINGS = {"deadline": None, "database": None,
                     "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}  # fmt: skip
settings.register_profile("ci", max_examples=100, derandomize=True, **PROPERTY_SETTINGS)
settings.register_profile("fuzz", max_examples=2000, print_blob=True, **PROPERTY_SETTINGS)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def seeds():
    return ingest_corpus(config.SEEDS_DIR)


def sentence_of(corpus, doc_id: str, fragment: str) -> str:
    """The one sentence of ``doc_id`` containing ``fragment``."""
    table = corpus.sentences
    hits = table[(table["doc_id"] == doc_id) & table["text"].str.contains(fragment, regex=False)]
    assert len(hits) == 1, f"{fragment!r} is in {len(hits)} sentences of {doc_id}"
    return hits["text"].iloc[0]
