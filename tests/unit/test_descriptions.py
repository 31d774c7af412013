"""Descriptions as mentions: resolved by apposition, by the words before a name, by the actors
file's titles, or as the only holder in the document; never guessed."""

import random

from actorlens.corpus.actors import Actor
from actorlens.mentions.descriptions import DESCRIPTION, find_descriptions, keys
from actorlens.mentions.matcher import Matcher

ACTORS = [
    Actor(id="haldane", label="Ada Haldane", type="person", names=("Ada Haldane", "Haldane")),
    Actor(id="morrow", label="Ben Morrow", type="person", names=("Ben Morrow", "Morrow"),
          titles=("the Arcadian president",)),
    Actor(id="quist", label="Cal Quist", type="person", names=("Cal Quist", "Quist"),
          titles=("the Borovian president",)),
]  # fmt: skip


def described(text):
    matcher = Matcher(ACTORS)
    found = matcher.describer.find(text, matcher.find(text))
    return [(m["actor_id"], m["surface"]) for m in found]


def test_apposition_after_the_name_and_later_repeats():
    text = "Ada Haldane, the Green Alliance leader, spoke. Later the Green Alliance leader left."
    assert described(text) == [("haldane", "the Green Alliance leader")] * 2


def test_apposition_before_the_name():
    text = "The Green Alliance leader, Ada Haldane, said no."
    assert described(text) == [("haldane", "The Green Alliance leader")]


def test_words_before_a_name_link_a_later_description():
    text = "Green Alliance leader Ada Haldane spoke. The Green Alliance leader then left."
    assert described(text) == [("haldane", "The Green Alliance leader")]


def test_actors_file_title_gives_the_bare_description():
    assert described("Morrow arrived. The president said no.") == [("morrow", "The president")]


def test_title_itself_stays_a_title_not_a_description():
    assert described("Morrow arrived. The Arcadian president said no.") == []


def test_two_presidents_leave_the_bare_one_unresolved():
    assert described("Morrow met Quist. The president said no.") == []
    assert described("Morrow met Borovian President Dan Vale. The president said no.") == []


def test_unresolved_description_is_no_mention():
    assert described("Haldane arrived. The Green Alliance leader said no.") == []


def test_a_qualifier_makes_another_office():
    assert keys("Shadow Home Secretary") == ["shadow home secretary"]
    assert keys("Green Alliance leader") == ["green alliance leader", "alliance leader", "leader"]
    assert described("Morrow met Vice President Dan Vale. The president said no.") == [
        ("morrow", "The president")
    ]


def spans(matches):
    return [(m.span(), m["the"], m["words"]) for m in matches]


def test_descriptions_found_from_their_heads():
    text = "Foreign-Prime Minister, the Green Alliance  leader (the envoy's) and Vice President"
    assert spans(find_descriptions(text)) == [
        ((0, 22), None, "Foreign-Prime Minister"),
        ((24, 50), "the", "Green Alliance  leader"),
        ((52, 61), "the", "envoy"),
        ((69, 83), None, "Vice President"),
    ]


def test_descriptions_from_heads_match_the_pattern_on_random_text():
    """The same matches as ``DESCRIPTION.finditer`` on 20,000 random texts of the words
    and separators the pattern cares about."""
    words = ["the", "The", "(the", "Greens", "leader", "Leader", "leader-", "prime", "Prime Minister",
             "minister", "U.S.", "A&B", "party", "former", "deputy", "secretary-general", "vice",
             "president", "of", "x", "Bob", "kingdom", "Pope", "queen's", "’s", "-", ","]  # fmt: skip
    rng = random.Random(27)
    for _ in range(20_000):
        text = "".join(rng.choice(words) + rng.choice([" ", " ", "", "\n", "  ", ", ", "-", "'"])
                       for _ in range(rng.randint(0, 16)))  # fmt: skip
        assert spans(find_descriptions(text)) == spans(DESCRIPTION.finditer(text)), text
