"""Given names and the pronoun a person takes (issue 27): the table derived from
nomquamgender's reference data, and a pronoun that agrees with a named person's given name."""

import json
import re

import pytest

from actorlens.attribution.extract import find_attributions
from actorlens.text.given_names import GIVEN_NAMES_FILE, given_name_pronoun
from actorlens.training.given_names import given_names


def test_only_names_of_one_gender_counted_widely_are_kept():
    reference = {
        "paul": [33, 2_000_000, 0.001, 3],
        "greta": [20, 40_000, 0.99, 3],
        "kim": [32, 280_000, 0.665, [0, 2]],  # both genders: no pronoun
        "zorvan": [2, 40, 0.0, 3],  # too few sources and bearers
        "&amp;me": [9, 9_000, 0.0, 3],  # not a name
    }
    assert given_names(reference) == {"he": ["paul"], "she": ["greta"]}


def test_the_shipped_table_gives_each_name_one_pronoun():
    table = json.loads(GIVEN_NAMES_FILE.read_text(encoding="utf-8"))
    assert set(table) == {"he", "she"}
    assert not set(table["he"]) & set(table["she"])
    assert all(names == sorted(names) and len(names) > 5000 for names in table.values())


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Paul Brevik", "he"),
        ("Minister Greta Holm", "she"),
        ("Brevik", ""),  # no given name
        ("Kim Holm", ""),  # a given name of both genders
        ("Zorvan Holm", ""),  # not in the table
    ],
)
def test_a_given_name_tells_the_pronoun(name, expected):
    assert given_name_pronoun(name) == expected


def test_she_skips_a_man_named_by_his_given_name():
    text = ("Greta Holm visited the quay. Paul Brevik met her there. "
            "She said the quay was closed.")  # fmt: skip
    starts = [0] + [m.end() for m in re.finditer(r"[.!?]\s+", text)]
    rows = find_attributions("d", text, starts, [], {})
    assert [(r["kind"], r["speaker_name"]) for r in rows] == [("reported", "Greta Holm")]
