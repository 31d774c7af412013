"""Mentions: the hand-counted seed fixture reproduced cell by cell, and the matching rules."""

import pandas as pd
import pytest

from actorlens.core import config
from actorlens.corpus.actors import Actor, load_actors
from actorlens.mentions.count import (
    analyse,
    count_mentions,
    document_kwic,
    document_mentions,
    document_salience,
    name_candidates,
    tabulate_names,
    unlisted_names,
)
from actorlens.mentions.matcher import Matcher

FIXTURES = config.PROJ_ROOT / "tests" / "fixtures"


@pytest.fixture(scope="module")
def seed_mentions(seeds):
    return analyse(seeds, load_actors(config.SEEDS_DIR / "actors.yml"))


def test_every_hand_counted_cell_is_reproduced(seed_mentions):
    gold = pd.read_csv(FIXTURES / "seed_mention_counts.csv", comment="#", dtype={"doc_id": str})
    kinds = ["n_name", "n_title", "n_metonym", "n_demonym"]
    got = seed_mentions.counts[["doc_id", "actor_id", *kinds]]
    merged = gold.merge(got, on=["doc_id", "actor_id"], how="outer", suffixes=("_hand", ""))
    merged = merged.fillna(0)
    for kind in kinds:
        wrong = merged[merged[f"{kind}_hand"] != merged[kind]]
        assert wrong.empty, (
            f"{kind} differs:\n{wrong[['doc_id', 'actor_id', f'{kind}_hand', kind]]}"
        )
    assert len(merged) == len(gold) == 72


def test_every_hand_listed_mention_is_found(seed_mentions):
    hand = pd.read_csv(FIXTURES / "seed_mentions_hand.csv", dtype={"doc_id": str})
    key = ["doc_id", "actor_id", "kind", "surface"]
    got = seed_mentions.mentions[key].value_counts().sort_index()
    assert got.equals(hand[key].value_counts().sort_index())


def test_seed_totals(seed_mentions):
    totals = seed_mentions.totals().set_index("actor_id")
    assert totals.loc["ukraine", "n_mentions"] == 67
    assert totals.loc["putin", ["n_name", "n_title"]].tolist() == [31, 2]
    assert totals.loc["russia", "n_demonym"] == 29


def make(actor_id, type_="state", **lists):
    return Actor(id=actor_id, label=actor_id, type=type_, **lists)


ACTORS = [
    make("putin", "person", names=("Vladimir Putin", "Putin"), titles=("the Kremlin leader",)),
    make("trump", "person", names=("Donald Trump", "Trump")),
    make("orban", "person", names=("Viktor Orbán", "Orbán")),
    make("russia", names=("Russia",), metonyms=("Kremlin", "Moscow"), demonyms=("Russian",),
         exclude=("The Moscow Times",)),
    make("united_states", names=("United States", "U.S.", "US")),
]  # fmt: skip


def found(text):
    return [(m["actor_id"], m["kind"], m["surface"]) for m in Matcher(ACTORS).find(text)]


def test_longest_span_and_state_inside_title():
    assert found("U.S. President Donald Trump met Russian President Vladimir Putin.") == [
        ("united_states", "name", "U.S."),
        ("trump", "name", "Donald Trump"),
        ("russia", "demonym", "Russian"),
        ("putin", "name", "Vladimir Putin"),
    ]


def test_title_at_sentence_start_counts_for_person_and_metonym():
    assert found("The Kremlin leader added.") == [
        ("putin", "title", "The Kremlin leader"),
        ("russia", "metonym", "Kremlin"),
    ]


def test_title_then_name_is_one_mention():
    assert found("the Kremlin leader, Vladimir Putin, said")[::2] == [
        ("putin", "name", "the Kremlin leader, Vladimir Putin")
    ]


def test_case_sensitive_whole_words_and_hyphens():
    assert found("Tell us about the US-Russia talks and the Putin-Trump summit, Putinism.") == [
        ("united_states", "name", "US"),
        ("russia", "name", "Russia"),
        ("putin", "name", "Putin"),
        ("trump", "name", "Trump"),
    ]


def test_accents_possessives_and_exclusions():
    assert found("Orban's aide told The Moscow Times about Putin’s plan in Moscow.") == [
        ("orban", "name", "Orban"),
        ("putin", "name", "Putin"),
        ("russia", "metonym", "Moscow"),
    ]


def test_counts_leave_demonyms_out_unless_asked():
    mentions = pd.DataFrame(
        {"doc_id": ["d"] * 3, "actor_id": ["russia"] * 3, "kind": ["name", "demonym", "metonym"]}
    )
    documents = pd.DataFrame({"doc_id": ["d"], "n_words": [200]})
    row = count_mentions(mentions, documents).iloc[0]
    assert (row.n_mentions, row.n_demonym, row.per_1k_words, row.share_of_voice) == (
        2,
        1,
        10.0,
        1.0,
    )
    assert count_mentions(mentions, documents, include_demonyms=True).iloc[0].n_mentions == 3


def test_kwic_of_the_first_mention(seed_mentions):
    first = seed_mentions.kwic.iloc[0]
    assert (first.doc_id, first.match, first.left) == ("000", "Russian", "")


def test_salience_of_the_seed_leads(seed_mentions):
    salience = seed_mentions.salience.set_index(["doc_id", "actor_id"])
    assert salience.loc[("000", "putin"), "first_position"] == 0.0031
    assert bool(salience.loc[("001", "putin"), "in_title_or_lede"])
    assert not bool(salience.loc[("000", "kellogg"), "in_title_or_lede"])


def test_unlisted_names_suggest_missing_actors(seed_mentions):
    unlisted = seed_mentions.unlisted.set_index("name")
    assert unlisted.loc["G7", "n"] == 3
    assert unlisted.loc["Associated Press", "n_docs"] == 2
    assert "Putin" not in unlisted.index


def test_unlisted_names_from_the_scan_equal_the_standalone_table(seeds, seed_mentions):
    assert unlisted_names(seeds, seed_mentions.mentions).equals(seed_mentions.unlisted)


def test_name_candidates_skip_covered_names_and_sentence_openers():
    text = "Smith met Anna Lee. Later, Bob Stone and Putin spoke."
    spans = [(0, 19), (20, len(text))]
    covered = [(text.index("Putin"), text.index("Putin") + 5), (0, 5)]
    names = name_candidates("d1", text, spans, covered)
    assert [name for name, *_ in names] == ["Anna Lee", "Bob Stone"]
    assert names[0][1:] == ("d1", 0, 19)
    table = tabulate_names(names + [("Anna Lee", "d2", 0, 8)], {"d1": text, "d2": "Anna Lee."})
    assert table.values.tolist() == [
        ["Anna Lee", 2, 2, "d1", "Smith met Anna Lee."],
        ["Bob Stone", 1, 1, "d1", "Later, Bob Stone and Putin spoke."],
    ]


def test_document_salience_and_kwic_from_its_mention_rows():
    actors = load_actors(config.SEEDS_DIR / "actors.yml")
    matcher = Matcher(actors)
    text = "Talks in Riyadh\nRubio met Lavrov.\n\nLater, Putin spoke\nto Trump."
    rows = document_mentions(matcher, "d1", text, [0, 16, 35])
    assert [(r[2], r[4]) for r in rows] == [("rubio", 16), ("lavrov", 26), ("putin", 42),
                                            ("trump", 57)]  # fmt: skip
    # the title is the first line, so the lede is the paragraph after it
    assert document_salience(text, "Talks in Riyadh", rows, matcher) == [
        ("d1", "lavrov", round(26 / len(text), 4), True),
        ("d1", "putin", round(42 / len(text), 4), False),
        ("d1", "rubio", round(16 / len(text), 4), True),
        ("d1", "trump", round(57 / len(text), 4), False),
    ]
    assert document_salience(text, "Trump calls Putin", rows, matcher)[1][3]  # in the title
    assert document_salience(text, "title", [], matcher) == []
    kwic = document_kwic(text, rows, width=8)
    assert kwic[2] == ("d1", 2, "putin", "name", " Later, ", "Putin", " spoke t")


def test_excluded_phrases_block_only_the_matches_they_overlap():
    matcher = Matcher([Actor(id="moscow", label="Moscow", type="state", names=("Moscow",),
                             exclude=("The Moscow Times",))])  # fmt: skip
    text = "Moscow said. The Moscow Times wrote. " * 3 + "In Moscow, The Moscow Times."
    found = [m["start"] for m in matcher.find(text)]
    assert found == [0, 37, 74, 114]


def test_aliases_starting_with_any_character_are_found():
    """The union of the aliases searches only where one of their first characters stands:
    lower-case aliases in both cases, digits, marks and accented letters (as folded)."""
    matcher = Matcher([make("g7", names=("G7", "7-nation group")), make("eu", names=("the bloc",)),
                       make("elysee", names=("Élysée",), exclude=("'Élysée Palace'",)),
                       make("un", names=("(UN)",))])  # fmt: skip
    text = "The bloc and the bloc met the 7-nation group (G7) at the Elysée; 'Élysée Palace' (UN)"
    assert [(m["actor_id"], m["surface"]) for m in matcher.find(text)] == [
        ("eu", "The bloc"), ("eu", "the bloc"), ("g7", "7-nation group"), ("g7", "G7"),
        ("elysee", "Elysée"), ("un", "(UN)")]  # fmt: skip


def test_a_surname_after_another_given_name_is_someone_else():
    # "Ivanka Trump" is not Donald Trump; "Donald Trump" and "President Trump" are
    assert found("Ivanka Trump met Donald Trump. President Trump spoke.") == [
        ("trump", "name", "Donald Trump"),
        ("trump", "name", "Trump"),
    ]


def test_an_organisations_common_name_ending_a_longer_name_is_another_body():
    congress = make("congress", "organisation", names=("US Congress", "Congress"))
    matcher = Matcher([*ACTORS, congress])
    text = "The Trades Union Congress met. The Congress voted. Since Congress returned, it sat."
    assert [m["start"] for m in matcher.find(text) if m["actor_id"] == "congress"] == [35, 57]
