"""Hostile aliases and Unicode (issue 23): aliases checked on load, names matched the way
a reader sees them (decomposed accents, invisible characters, full-width and look-alike
letters), and every actor with no counted mention listed."""

import pandas as pd
import pytest

from actorlens.corpus.actors import Actor, ActorsFileError, load_actors
from actorlens.corpus.ingest import ingest_corpus
from actorlens.mentions import count
from actorlens.mentions.count import Mentions, analyse
from actorlens.mentions.matcher import Matcher
from actorlens.report import front_page
from tests.unit.test_linear_cost import time_limit

PUTIN = Actor("putin", "Vladimir Putin", "person", names=("Vladimir Putin", "Putin"))
ZELENSKYY = Actor("zelenskyy", "Volodymyr Zelenskyy", "person", names=("Zelenskyy",))
STATES = [
    Actor("nato", "NATO", "bloc", names=("NATO",)),
    Actor("orban", "Viktor Orbán", "person", names=("Orba\u0301n",)),  # decomposed (NFD)
    Actor("european_commission", "European Commission", "organisation", names=("EC",)),
]
MATCHER = Matcher([PUTIN, ZELENSKYY, *STATES])


def write(tmp_path, text):
    path = tmp_path / "actors.yml"
    path.write_text(text, encoding="utf-8")
    return path


def mentions_of(matcher, text):
    """(actor_id, surface, start, end) of every mention; each surface is the text's slice."""
    found = matcher.find(text)
    assert all(text[m["start"] : m["end"]] == m["surface"] for m in found)
    return [(m["actor_id"], m["surface"], m["start"], m["end"]) for m in found]


# Finding 1: aliases checked on load


def test_wildcard_alias_matches_word_continuations_with_the_first_letter_rule(tmp_path):
    actors = load_actors(write(tmp_path, "putin: [putin*]\nkremlin: [Kremlin*]\n"))
    text = "Putinism, putinist Putin. Kremlinology, kremlin."
    assert mentions_of(Matcher(actors), text) == [
        ("putin", "Putinism", 0, 8),
        ("putin", "putinist", 10, 18),
        ("putin", "Putin", 19, 24),
        ("kremlin", "Kremlinology", 26, 38),
    ]


@pytest.mark.parametrize(
    ("alias", "problem"),
    [
        ("'*'", "has no letter or digit"),
        ("'**'", "has no letter or digit"),
        ("pu*tin", "a wildcard is one trailing '\\*'"),
        ("'*putin'", "a wildcard is one trailing '\\*'"),
        ("putin**", "a wildcard is one trailing '\\*'"),
        ("'Vladimir *'", "'\\*' must follow a letter or digit"),
        ('"\\u200b"', "has no letter or digit"),
        ('"\\u00ad\\u200e"', "has no letter or digit"),
        ("'...'", "has no letter or digit"),
    ],
)
def test_meaningless_aliases_are_refused_with_file_line_actor_and_field(tmp_path, alias, problem):
    path = write(tmp_path, f"actors:\n  - id: putin\n    names:\n      - Putin\n      - {alias}\n")
    with pytest.raises(ActorsFileError, match=problem) as refused:
        load_actors(path)
    assert str(refused.value).startswith(f"{path}, line 3: actor 'putin', field 'names': alias ")


def test_a_meaningless_exclude_phrase_is_refused(tmp_path):
    path = write(tmp_path, "actors:\n  - {id: russia, names: [Moscow], exclude: ['*']}\n")
    with pytest.raises(ActorsFileError, match="field 'exclude': alias '\\*' has no letter"):
        load_actors(path)


def test_whitespace_runs_in_aliases_become_one_space(tmp_path):
    path = write(
        tmp_path, 'putin: ["Vladimir\\tPutin", "Vladimir  Putin", " Vladimir \\u00a0Putin "]\n'
    )
    actors = load_actors(path)
    assert actors[0].names == ("Vladimir Putin", "Vladimir Putin", "Vladimir Putin")
    text = "Vladimir Putin and Vladimir\n  Putin."
    assert mentions_of(Matcher(actors), text) == [
        ("putin", "Vladimir Putin", 0, 14),
        ("putin", "Vladimir\n  Putin", 19, 35),
    ]


def test_a_matcher_built_from_whitespace_aliases_does_not_crash():
    actor = Actor("putin", "Vladimir Putin", "person", names=("Vladimir\tPutin", "Vladimir  Putin"))
    assert mentions_of(Matcher([actor]), "Vladimir  Putin said.") == [
        ("putin", "Vladimir  Putin", 0, 15)
    ]


def test_a_wildcard_and_the_same_word_for_two_actors_is_refused(tmp_path):
    path = write(tmp_path, "putin: [Putin]\nputinism: [Putin*]\n")
    with pytest.raises(ActorsFileError, match="also claimed by actor 'putin'"):
        load_actors(path)


# Finding 2: Unicode the way readers see it


def test_a_decomposed_alias_matches_composed_text_and_the_reverse():
    assert mentions_of(MATCHER, "Orbán said.") == [("orban", "Orbán", 0, 5)]
    assert mentions_of(MATCHER, "Orba\u0301n said.") == [("orban", "Orba\u0301n", 0, 6)]


INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u00ad", "\u200e", "\u200f", "\u2060", "\ufeff"]
INVISIBLE += [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]


@pytest.mark.parametrize("mark", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
def test_invisible_characters_inside_a_name_are_read_through(mark):
    text = f"Then Pu{mark}tin met Vladimir{mark} Putin."
    assert mentions_of(MATCHER, text) == [
        ("putin", f"Pu{mark}tin", 5, 11),
        ("putin", f"Vladimir{mark} Putin", 16, 31),
    ]


def test_full_width_letters_are_read_as_letters():
    assert mentions_of(MATCHER, "ＮＡＴＯ and Ｐｕｔｉｎ.") == [
        ("nato", "ＮＡＴＯ", 0, 4),
        ("putin", "Ｐｕｔｉｎ", 9, 14),
    ]


def test_offsets_stay_in_the_original_text_after_removed_and_expanded_characters():
    text = "\u200b\u200e\ufb01ne (ﬁ is two letters) Pu\u00adtin, Orba\u0301n, ＮＡＴＯ\u200b."
    assert mentions_of(MATCHER, text) == [
        ("putin", "Pu\u00adtin", 25, 31),
        ("orban", "Orba\u0301n", 33, 39),
        ("nato", "ＮＡＴＯ", 41, 45),
    ]


def test_matching_through_invisible_characters_stays_linear():
    text = "Pu\u200btin \ufb01 " * 40_000 + "Pu\u00adtin"
    with time_limit():
        found = MATCHER.find(text)
    assert len(found) == 40_001
    assert (found[-1]["start"], found[-1]["end"]) == (len(text) - 6, len(text))


# Finding 3: look-alike letters of another script inside a Latin name


def test_lookalike_letters_inside_a_latin_name_are_read_as_latin():
    text = "Рutin met Zelenskyу. Путин и ЕС."  # Cyrillic Р, у; then Russian words
    assert mentions_of(MATCHER, text) == [
        ("putin", "Рutin", 0, 5),
        ("zelenskyy", "Zelenskyу", 10, 19),
    ]


def test_ingest_records_words_mixing_latin_and_lookalike_letters(tmp_path):
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    (corpus_dir / "a_1.txt").write_text("Рutin met Zelenskyу.\nПутин said so.\n", encoding="utf-8")
    (corpus_dir / "b_2.txt").write_text("Putin met Zelenskyy.\n", encoding="utf-8")
    warnings = ingest_corpus(corpus_dir).warnings
    assert warnings[["file", "kind"]].values.tolist() == [["a_1.txt", "mixed_script"]]
    assert warnings["detail"].iloc[0] == (
        "doc a: 2 word(s) mix Latin with Cyrillic or Greek letters (look-alikes are matched "
        "as Latin): 'Рutin' (Р U+0420), 'Zelenskyу' (у U+0443)"
    )


# Finding 4: actors with no counted mention


ACTORS_FILE = """actors:
  - {id: putin, label: Vladimir Putin, type: person, names: [Putin]}
  - {id: russia, label: Russia, type: state, names: [Russia], demonyms: [Russian]}
  - {id: kallas, label: Kaja Kallas, type: person, names: [Kallas]}
"""


@pytest.fixture
def tiny(tmp_path):
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    (corpus_dir / "a_1.txt").write_text("Putin met Russian officials.\n", encoding="utf-8")
    return analyse(ingest_corpus(corpus_dir), load_actors(write(tmp_path, ACTORS_FILE)))


def test_unmentioned_actors_are_listed_with_their_recorded_demonyms(tiny):
    table = count.unmentioned_actors(tiny.actors, tiny.counts)
    assert table.values.tolist() == [
        ["russia", "Russia", "state", 1],
        ["kallas", "Kaja Kallas", "person", 0],
    ]
    assert count.unmentioned_actors(tiny.actors, tiny.counts.iloc[:0]).shape == (3, 4)


def test_the_front_page_names_the_unmentioned_actors(tiny, tmp_path):
    processed = tmp_path / "processed"
    tiny.write(processed)
    lines, _ = front_page.mentions_headline(processed)
    assert "Never mentioned: 2 of 3 actors of the actors file (Russia, Kaja Kallas)" in lines
    everyone = Mentions(**{**vars(tiny), "actors": tiny.actors.iloc[:1]})
    everyone.write(processed)
    assert (
        "Every actor of the actors file is mentioned" in front_page.mentions_headline(processed)[0]
    )


def test_unmentioned_actors_of_an_empty_counts_table():
    actors = pd.DataFrame({"id": ["a"], "label": ["A"], "type": ["person"]})
    counts = pd.DataFrame(columns=["doc_id", "actor_id", "n_mentions", "n_demonym"])
    assert count.unmentioned_actors(actors, counts).values.tolist() == [["a", "A", "person", 0]]
