"""A source naming two speakers gives one item per speaker (issue 27, convention 8): "The
Greens and the Harbour Party said ...", "Both X and Y oppose ..."; and a person's name heading a
phrase that runs on with "from" or "at" an organisation. Invented names."""

import pytest

from actorlens.attribution.extract import find_attributions


def speakers(text: str) -> list[tuple[str, str, str]]:
    rows = find_attributions("d", text, [0], [], {})
    return [(r["kind"], r["text"], r["speaker_name"] or r["speaker_text"]) for r in rows]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Green League and the Harbour Party said they will oppose the levy.",
         [("reported", "they will oppose the levy", "Green League"),
          ("reported", "they will oppose the levy", "Harbour Party")]),
        ("Both Brevik and Tarnby have demanded that the quay be closed.",
         [("reported", "the quay be closed", "Brevik"),
          ("reported", "the quay be closed", "Tarnby")]),
        # a title between "and" and the second name
        ("Minister Jo Holm and her state counterpart Sam Ortiz said that tolls were considered.",
         [("reported", "tolls were considered", "Jo Holm"),
          ("reported", "tolls were considered", "Sam Ortiz")]),
        # positions too
        ("The Green League and the Harbour Party oppose the new levy.",
         [("position", "the new levy", "Green League"),
          ("position", "the new levy", "Harbour Party")]),
    ],
)  # fmt: skip
def test_two_named_speakers_give_two_items(text, expected):
    assert sorted(speakers(text)) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        # places before the speakers, and a name that is the object of a preposition
        "In Brevik and Tarnby, the fishermen said the quay was closed.",
        "Talks between Brevik and Jo Holm said nothing new, the paper said the quay was closed.",
    ],
)
def test_a_name_before_and_that_is_no_speaker_adds_none(text):
    assert len({name for *_, name in speakers(text)}) <= 1 or "Brevik" not in {
        name for *_, name in speakers(text)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a person's name heads a phrase running on with "from" or "at" an organisation
        ("Jo Holm from the Harbour Institute said the plan would fail.",
         [("reported", "the plan would fail", "Jo Holm")]),
        ("Dr Jo Holm from the Harbour Institute at Brevik University said the plan would fail.",
         [("reported", "the plan would fail", "Jo Holm")]),
        ("Jo Holm at Brevik University believes the plan will fail.",
         [("position", "the plan will fail", "Jo Holm")]),
    ],
)  # fmt: skip
def test_a_name_before_from_or_at_an_organisation_speaks(text, expected):
    assert speakers(text) == expected


def test_a_gerund_after_from_has_no_source():
    text = "The law allows force to stop Brevik from formally declaring its independence."
    assert [s for *_, s in speakers(text)] in ([], [""])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "it" opening its clause refers to a body: its speech is found, and the body named
        # as the speaker before speaks it
        ("The Harbour Ministry said the quay was closed. It also said the ferry would stop.",
         [("reported", "the quay was closed", "Harbour Ministry"),
          ("reported", "the ferry would stop", "Harbour Ministry")]),
        # a dummy "it" before a passive names no one
        ("The review was published. It is estimated that some 250 people remain.",
         [("reported", "some 250 people remain", "")]),
    ],
)  # fmt: skip
def test_it_as_the_subject_of_speech(text, expected):
    assert speakers(text) == expected
