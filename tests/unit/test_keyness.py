"""Distinctive words: a word planted in the last period's sentences around an actor is its
top word, with the hand-computed counts of quanteda's keyness; stopwords, numbers and the
actor's names never count; an actor missing from one end has no rows; empty keeps the
schema."""

import pandas as pd
import pytest
from scipy import stats

from actorlens.analysis import evidence, keyness, shift
from actorlens.core import stages
from actorlens.core.tables import SCHEMAS, frame

FIRST = [
    "Alice Smith praised the harbour budget.",
    "Alice Smith praised the harbour budget again.",
    "Bob visited the harbour in 2020.",
]
LAST = [
    "Alice Smith praised the scandal.",
    "Smith denied the scandal in 2021, Alice too.",
    "Alice faced the scandal budget.",
    "Nobody else mentioned the scandal scandal scandal.",
]


def corpus(copies=1):
    """Mentions, sentences and periods: document d1 (period p1) holds ``FIRST``, d2 (p2)
    ``LAST``, each sentence ``copies`` times; Alice is mentioned by every name in her
    sentences (twice in some), Bob only in d1."""
    sentences, mentions = [], []
    for doc_id, texts in (("d1", FIRST), ("d2", LAST)):
        for copy in range(copies):
            for i, text in enumerate(texts):
                sent_id = copy * len(texts) + i
                sentences.append((doc_id, sent_id, text))
                for actor_id, surface in (("alice", "Alice"), ("alice", "Smith"),
                                          ("bob", "Bob")):  # fmt: skip
                    if surface in text:
                        mentions.append((doc_id, sent_id, actor_id, surface))
    periods = pd.DataFrame({"doc_id": ["d1", "d2"], "period": ["p1", "p2"], "rank": [0, 1]})
    return (pd.DataFrame(mentions, columns=["doc_id", "sent_id", "actor_id", "surface"]),
            pd.DataFrame(sentences, columns=["doc_id", "sent_id", "text"]), periods)  # fmt: skip


def test_the_planted_word_is_the_top_word_with_hand_computed_counts():
    table = keyness.keyness(*corpus(), "p1", "p2")
    alice = table[table["actor_id"] == "alice"]
    top = alice.iloc[0]
    # kept words: first end praised 2, harbour 2, budget 2 (6); last end praised 1,
    # scandal 3, denied 1, faced 1, budget 1 (7); 13 in all; at least 3 to be tested
    assert sorted(alice["word"]) == ["budget", "praised", "scandal"]
    assert (top["word"], top["sign"], top["n_first"], top["n_last"]) == ("scandal", "last", 0, 3)
    assert top["expected_last"] == pytest.approx(3 * 7 / 13, abs=1e-4)
    assert top["expected_first"] == pytest.approx(3 * 6 / 13, abs=1e-4)
    # Yates: N (|ad - bc| - N/2)^2 / ((a+b)(c+d)(a+c)(b+d)), a=3 b=4 c=0 d=6
    assert top["chi2"] == pytest.approx(13 * (18 - 6.5) ** 2 / (7 * 6 * 3 * 10), abs=1e-4)
    assert top["chi2"] == pytest.approx(
        stats.chi2_contingency([[3, 4], [0, 6]], correction=True)[0], abs=1e-4
    )
    assert top["sentences"] == "d2:0;d2:1;d2:2"  # not d2:3, where Alice is not mentioned
    assert not alice["significant"].any()  # none passes: the top words, marked so
    assert set(alice.loc[alice["word"] != "scandal", "sign"]) == {"first"}


def test_with_more_evidence_only_significant_words_are_kept():
    table = keyness.keyness(*corpus(copies=10), "p1", "p2")
    alice = table[table["actor_id"] == "alice"]
    assert alice["significant"].all() and (alice["q_value"] < 0.05).all()
    assert alice.iloc[0]["word"] in {"scandal", "harbour"}
    assert alice.set_index("word").loc["scandal", "sign"] == "last"
    assert alice.set_index("word").loc["harbour", "sign"] == "first"


def test_stopwords_numbers_and_the_actors_names_never_appear():
    table = keyness.keyness(*corpus(copies=10), "p1", "p2", min_count=1, top=50)
    assert not set(table["word"]) & {"alice", "smith", "the", "in", "again", "too", "2020", "2021"}
    assert keyness.words("In 2021, Obama's 2nd term") == ["in", "obama", "term"]


def test_speech_frames_are_not_distinctive_words_but_judgements_are():
    assert {"said", "told", "added"} <= keyness.REPORTING_WORDS
    assert not {"accused", "praised", "states"} & keyness.REPORTING_WORDS


def test_an_actor_without_mentions_at_one_end_has_no_rows():
    table = keyness.keyness(*corpus(copies=10), "p1", "p2", min_count=1)
    assert "bob" not in set(table["actor_id"])


def test_an_empty_table_keeps_its_schema():
    mentions, sentences, periods = corpus()
    empty = keyness.keyness(mentions.iloc[:0], sentences, periods, "p1", "p2")
    same_end = keyness.keyness(mentions, sentences, periods, "p1", "p1")
    for table in (empty, same_end):
        assert table.empty and list(table.columns) == SCHEMAS["keyness"].names
        assert table.dtypes.equals(frame("keyness").dtypes)
    assert "keyness" in stages.SHIFT_TABLES and shift.Shift.TABLES["keyness"] == "keyness"


def test_a_word_as_frequent_at_both_ends_is_never_shown():
    texts = {"d1": "Alice met voters.", "d2": "Alice met critics."}
    sentences = pd.DataFrame(
        [(doc_id, i, text) for doc_id, text in texts.items() for i in range(3)],
        columns=["doc_id", "sent_id", "text"],
    )
    mentions = sentences[["doc_id", "sent_id"]].assign(actor_id="alice", surface="Alice")
    periods = pd.DataFrame({"doc_id": ["d1", "d2"], "period": ["p1", "p2"], "rank": [0, 1]})
    table = keyness.keyness(mentions, sentences, periods, "p1", "p2")
    assert dict(zip(table["word"], table["sign"], strict=True)) == {
        "critics": "last", "voters": "first"}  # fmt: skip
    assert table["chi2"].tolist() == pytest.approx([12 * 12**2 / (6 * 6 * 3 * 9)] * 2, abs=1e-4)


def test_the_front_page_words_link_to_the_evidence_of_their_period():
    table = keyness.keyness(*corpus(), "p1", "p2")
    assert keyness.linked_words(table, ["bob", "alice"], per_actor=2) == [
        ("alice", False, [("scandal", "last", evidence.href("alice", "portrayal", "p2")),
                   ("budget", "first", evidence.href("alice", "portrayal", "p1"))]),
    ]  # fmt: skip
