"""The actors file: both formats read, every malformation named precisely."""

import pytest

from actorlens.core import config
from actorlens.corpus.actors import ActorsFileError, load_actors


def write(tmp_path, text):
    path = tmp_path / "actors.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_seed_actors_file():
    actors = {a.id: a for a in load_actors(config.SEEDS_DIR / "actors.yml")}
    for required in ("putin", "trump", "zelenskyy", "rubio", "lavrov", "kellogg", "macron", "biden",
                     "kallas", "bruce", "ryabkov", "starmer", "orban", "sybiha", "von_der_leyen",
                     "kilmeade", "russia", "united_states", "ukraine", "europe", "nato", "china"):  # fmt: skip
        assert required in actors
    assert actors["putin"].affiliation == "russia"
    assert (actors["putin"].pronoun, actors["kallas"].pronoun, actors["russia"].pronoun) == (
        "he",
        "she",
        "",
    )
    assert "Kremlin" in actors["russia"].metonyms


def test_quanteda_dictionary(tmp_path):
    actors = load_actors(write(tmp_path, "putin: [Putin, Vladimir Putin]\nkremlin: [Kremlin*]\n"))
    assert [(a.id, a.names) for a in actors] == [
        ("putin", ("Putin", "Vladimir Putin")),
        ("kremlin", ("Kremlin*",)),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("actors:\n  - id: a\n    names: [A\n", r"invalid YAML at line \d+, column \d+"),
        ("actors:\n  - id: a\n    names: [A]\n    nicknames: [B]\n", "actor 'a': unknown key"),
        ("actors:\n  - {id: a, names: [A]}\n  - {id: a, names: [B]}\n", "'a' is used twice"),
        ("actors:\n  - {id: a, names: [Kyiv]}\n  - {id: b, names: [Kyiv]}\n",
         "alias 'Kyiv' .* also claimed by actor 'a'"),
        ("actors:\n  - {id: a, names: []}\n", "actor 'a', field 'names': empty"),
        ("actors:\n  - {id: a, names: [A], type: army}\n", "field 'type'"),
        ("actors:\n  - {id: a, names: [A], affiliation: b}\n", "unknown actor 'b'"),
        ("actors:\n  - {id: a, names: [A], type: person, pronoun: it}\n",
         "field 'pronoun': a person's pronoun is one of he, she, they; got 'it'"),
        ("actors:\n  - {id: a, names: [A], type: state, pronoun: she}\n", "got 'she' for a state"),
        ("", "expected 'actors:'"),
    ],
)  # fmt: skip
def test_malformed_files_name_actor_and_field(tmp_path, text, message):
    with pytest.raises(ActorsFileError, match=message):
        load_actors(write(tmp_path, text))


def test_missing_file(tmp_path):
    with pytest.raises(ActorsFileError, match="cannot read"):
        load_actors(tmp_path / "none.yml")
