"""Reported speech in more forms (issue 27): closing appositions and descriptions,
"according to" in every position, passives of hearsay, coordinated cues, told objects
and clause ends. Sentences written for the rule, invented names."""

import pytest

from actorlens.attribution.document import Document
from actorlens.attribution.reported import find_reported

LEAD = "The ferry left Tarnholm at dawn. "


def reported(sentence: str) -> list[tuple]:
    """Kind, clause, cue, source and source start (from the sentence's start; -1: none)."""
    text = LEAD + sentence
    start = len(LEAD)
    doc = Document(text, [0, start], [], {})
    return [(r.kind, text[r.start : r.end], r.cue, r.source,
             r.source_start - start if r.source_start >= 0 else -1)
            for r in find_reported(doc, start, len(text))]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The fees will rise, Holm, the harbour chief, said today.",
         ("reported", "The fees will rise", "said", "Holm", 20)),
        ("The fees would rise next year, harbour officials said.",
         ("reported", "The fees would rise next year", "said", "harbour officials", 31)),
        ("The fees would rise next year, as harbour officials said on Friday.",
         ("reported", "The fees would rise next year", "said", "harbour officials", 34)),
        ("The harbour chief, Greta Holm, said the fees would rise next year.",
         ("reported", "the fees would rise next year", "said", "Greta Holm", 19)),
    ],
)  # fmt: skip
def test_a_source_with_an_apposition_or_a_described_source_closes_or_opens(sentence, expected):
    assert reported(sentence) == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The fees would rise according to Olsen of the port board.",
         ("reported", "The fees would rise", "according to", "Olsen", 33)),
        ("According to Olsen of the port board, the fees would rise next year.",
         ("reported", "the fees would rise next year", "according to", "Olsen", 13)),
        ("The fees, according to Olsen, would rise next year.",
         ("reported", "The fees, according to Olsen, would rise next year", "according to",
          "Olsen", 23)),
        ("The fees would rise next year, according to a poll by Brevik Research.",
         ("reported", "The fees would rise next year", "according to",
          "a poll by Brevik Research", 44)),
    ],
)  # fmt: skip
def test_according_to_in_every_position_of_the_sentence(sentence, expected):
    assert reported(sentence) == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a description, then the name between commas: the name is the source
        ("According to a representative of the port, Anna Holm, the fees would rise.",
         ("reported", "the fees would rise", "according to", "Anna Holm", 43)),
    ],
)  # fmt: skip
def test_according_to_a_description_and_a_name_is_the_name(sentence, expected):
    assert reported(sentence) == [expected]


def test_a_name_with_its_article_in_an_apposition_is_the_source():
    """ "The official newspaper, The Brevik Herald, says": the name, its "The" aside."""
    sentence = "The official newspaper, The Brevik Herald, says that the fees would rise."
    assert reported(sentence) == [("reported", "the fees would rise", "says", "Brevik Herald", 28)]


def test_according_to_a_plan_is_no_source():
    assert reported("The fees rose according to plan.") == []


def test_a_passive_hearsay_cue_before_to_has_no_source():
    assert reported("The ferry was said to have sunk near the quay.") == [
        ("reported", "to have sunk near the quay", "said", "", -1)]  # fmt: skip
    assert reported("The ferry was accused of sinking near the quay.") == [
        ("reported", "sinking near the quay", "accused", "", -1)]  # fmt: skip


def test_a_cue_after_but_is_spoken_by_the_subject_and_ends_the_clause_before():
    assert reported("Holm added that the fees would rise but cautioned that the quay would stay open.") == [
        ("reported", "the fees would rise", "added", "Holm", 0),
        ("reported", "the quay would stay open", "cautioned", "", -1)]  # fmt: skip


def test_told_takes_no_that_past_a_relative_clause():
    assert (
        reported(
            "Holm told the council about the plans for the quay, which meant that the fees would rise."
        )
        == []
    )


def test_told_with_that_before_a_colon_and_quote_is_reported():
    assert reported('Holm reminded the council that the fees would rise: "We have no choice."') == [
        ("mixed", 'the fees would rise: "We have no choice."', "reminded", "Holm", 0)]  # fmt: skip


def test_a_clause_ends_before_a_trailing_coordinator():
    assert reported("Holm said the fees would rise and") == [
        ("reported", "the fees would rise", "said", "Holm", 0)]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Holm demanded that the quay be closed at once.",
         ("reported", "the quay be closed at once", "demanded", "Holm", 0)),
        ("Holm condemned the plan as a waste of money.",
         ("reported", "the plan as a waste of money", "condemned", "Holm", 0)),
        ("Brevik Research has shown that the fees hurt the ferry trade.",
         ("reported", "the fees hurt the ferry trade", "shown", "Brevik Research", 0)),
    ],
)  # fmt: skip
def test_new_cue_verbs(sentence, expected):
    assert reported(sentence) == [expected]


def test_a_noun_object_of_a_that_cue_is_no_speech():
    assert reported("Holm demanded a new quay for the town.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("84% said Holm was a capable leader.",
         ("reported", "Holm was a capable leader", "said", "84%", 0)),
        ("Four per cent of those surveyed said the quay was the best place to live.",
         ("reported", "the quay was the best place to live", "said",
          "Four per cent of those surveyed", 0)),
    ],
)  # fmt: skip
def test_a_share_of_those_polled_is_a_source(sentence, expected):
    assert reported(sentence) == [expected]


def test_an_aspect_adverb_between_source_and_cue_is_passed_over():
    assert reported("Holm has long demanded that the quay be restored.") == [
        ("reported", "the quay be restored", "demanded", "Holm", 0)]  # fmt: skip


def test_a_hearsay_adverb_makes_the_sentence_speech_of_no_named_source():
    assert reported("On Friday, the crowd allegedly attacked the ferry with rocks.") == [
        ("reported", "the crowd allegedly attacked the ferry with rocks", "allegedly", "", -1)]  # fmt: skip
    assert reported("Holm said the quay was reportedly closed.") == [
        ("reported", "the quay was reportedly closed", "said", "Holm", 0)]  # fmt: skip
    assert reported('The crowd allegedly shouted "victory" at the quay.') == []
    assert (
        reported("The board sent Holm to the police for allegedly overspending on the quay.") == []
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("There are reports that one sailor has been killed.",
         ("reported", "one sailor has been killed", "reports", "", -1)),
        ("There have been rumours that the quay was sold.",
         ("reported", "the quay was sold", "rumours", "", -1)),
        ("Advocacy groups say that work had already started on a campaign.",
         ("reported", "work had already started on a campaign", "say", "Advocacy groups", 0)),
        ("The Brevik Harbour Centre (BHC) reports that the storms are the worst threat.",
         ("reported", "the storms are the worst threat", "reports", "The Brevik Harbour Centre",
          0)),
    ],
)  # fmt: skip
def test_hearsay_nouns_plural_groups_and_acronyms(sentence, expected):
    assert reported(sentence) == [expected]


def test_a_relative_that_before_a_cue_is_no_hearsay_noun():
    assert reported("The ferry company that says that the quay is safe was sold.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        'The harbour chief, Greta Holm, said, "The fees will rise."',  # an apposition, no clause
        'Greta Holm, who leads the harbour board, said "the fees will rise".',
        'The harbour board, its chief said: "The fees will rise."',
    ],
)  # fmt: skip
def test_a_cue_that_opens_a_quotation_reports_no_clause_before_it(sentence):
    assert reported(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Greta Holm defended the Harbour Act saying it was needed.", ""),  # the subject's
        ("Greta Holm defended the Harbour Act, saying it was needed.", ""),
        ("Officials saying the fees were needed met on Monday.", "Officials"),
        # "with X saying": X, the participle's own subject
        ("The board rejected the plan, with harbour chief Greta Holm saying it was late.",
         "chief Greta Holm"),
        # "talks with X" is no such subject
        ("Greta Holm broke off talks with Jo Berg, saying it was late.", ""),
    ],
)  # fmt: skip
def test_a_participle_after_an_object_takes_the_subject_not_the_object(sentence, expected):
    assert [r[3] for r in reported(sentence) if r[2] == "saying"] == [expected]
