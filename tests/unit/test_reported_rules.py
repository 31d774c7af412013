"""One test per rule of reported speech (:mod:`actorlens.attribution.reported`), named after it: each
asserts the values the rule gives, to the character, so that a one-line change to the rule
fails here. Sentences are written for the rule (invented names and places); each stands
after a first sentence, so that its offsets are not those of the document."""

import pytest

from actorlens.attribution.document import Document
from actorlens.attribution.extract import extract_attributions, find_attributions
from actorlens.attribution.reported import find_reported
from actorlens.corpus.actors import Actor
from actorlens.corpus.ingest import ingest_corpus
from actorlens.mentions.count import analyse

LEAD = "The ferry left Tarnholm at dawn. "
ACTORS = [
    Actor("holm", "Greta Holm", "person", pronoun="she", names=("Greta Holm", "Holm")),
    Actor("varga", "Ivo Varga", "person", pronoun="he", names=("Ivo Varga", "Varga")),
]


def reported(sentence: str) -> list[tuple]:
    """The reported attributions of ``sentence`` (after :data:`LEAD`): kind, clause,
    cue, cue start and end, source, source start (-1: none) and negation, offsets counted
    from the sentence's start."""
    text = LEAD + sentence
    start = len(LEAD)
    doc = Document(text, [0, start], [], {})
    return [(r.kind, text[r.start : r.end], r.cue, r.cue_start - start, r.cue_end - start,
             r.source, r.source_start - start if r.source_start >= 0 else -1, r.negated)
            for r in find_reported(doc, start, len(text))]  # fmt: skip


def attributions_of(tmp_path, text: str):
    (tmp_path / "001.txt").write_text("Title line\n\n" + LEAD + text + "\n", encoding="utf-8")
    corpus = ingest_corpus(tmp_path)
    found = analyse(corpus, ACTORS)
    return extract_attributions(corpus.texts, corpus.sentences, found.mentions, found.actors)


def test_rule_a_forward_cue_source_starts_where_its_phrase_starts():
    assert reported("On Friday, Mayor Olsen of Brevik said the new bridge would open in June.") == [
        ("reported", "the new bridge would open in June", "said", 33, 37,
         "Mayor Olsen of Brevik", 11, False)]  # fmt: skip


def test_rule_a_relative_who_gives_the_name_before_it_as_source():
    assert reported("The board heard from Greta Holm, who warned that the fees would rise.") == [
        ("reported", "the fees would rise", "warned", 37, 43, "Greta Holm", 21, False)]  # fmt: skip
    assert reported("Olsen, who chairs the board, warned that the fees would rise.") == [
        ("reported", "the fees would rise", "warned", 29, 35, "Olsen", 0, False)]  # fmt: skip


def test_rule_a_name_with_an_apposition_is_the_last_comma_phrase_before_it():
    sentence = "At the quay in Brevik, Olsen, the deputy head of the port board, warned that the fees would rise."
    assert reported(sentence) == [
        ("reported", "the fees would rise", "warned", 65, 71, "Olsen", 23, False)]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Local police said the quay was closed.",
         ("reported", "the quay was closed", "said", 13, 17, "Local police", 0, False)),
        ("The quay was closed, local police said.",
         ("reported", "The quay was closed", "said", 34, 38, "local police", 21, False)),
        ("Senior officials said the fees would rise.",
         ("reported", "the fees would rise", "said", 17, 21, "Senior officials", 0, False)),
    ],
)  # fmt: skip
def test_rule_a_description_ending_in_a_descriptor_is_a_source(sentence, expected):
    assert reported(sentence) == [expected]


def test_rule_a_negated_cue_keeps_its_source_without_the_auxiliary():
    assert reported("Holm and Varga did not say much about the fees.") == [
        ("reported", "much about the fees", "say", 23, 26, "Holm", 0, True),
        ("reported", "much about the fees", "say", 23, 26, "Varga", 9, True)]  # fmt: skip
    assert reported("Holm has not claimed that the fees would rise.") == [
        ("reported", "the fees would rise", "claimed", 13, 20, "Holm", 0, True)]  # fmt: skip


def test_rule_told_takes_the_clause_after_a_that_past_its_object():
    assert reported("Holm told the harbour council that the fees would rise.") == [
        ("reported", "the fees would rise", "told", 5, 9, "Holm", 0, False)]  # fmt: skip


def test_rule_told_looks_for_that_within_eighty_characters_only():
    sentence = ("Holm told Varga the fees would rise because the old northern quay of Brevik "
                "needed repairs so costly that nobody could pay.")  # fmt: skip
    assert reported(sentence) == [
        ("reported", sentence[16:-1], "told", 5, 9, "Holm", 0, False)]  # fmt: skip


def test_rule_told_without_that_skips_its_object_and_the_time():
    assert reported("Holm told Varga on Friday the fees would rise.") == [
        ("reported", "the fees would rise", "told", 5, 9, "Holm", 0, False)]  # fmt: skip


def test_rule_a_colon_and_quote_within_eighty_characters_leave_it_to_the_direct_quotes():
    sentence = ('Holm told the harbour council at its crowded meeting in the old town hall of '
                'Lunde Isle: "The fees will rise."')  # fmt: skip
    assert sentence.index('"') == len("Holm told ") + 79  # the window's last character
    assert reported(sentence) == []


def test_rule_a_clause_stops_where_the_next_attribution_starts():
    assert reported("Holm said the fees would rise, saying the quay needed repairs.") == [
        ("reported", "the fees would rise", "said", 5, 9, "Holm", 0, False),
        ("reported", "the quay needed repairs", "saying", 31, 37, "", -1, False)]  # fmt: skip


def test_rule_a_clause_holds_at_most_three_attributions():
    sentence = "Dorn said Holm said Varga said Pike said Lund said the dam had cracked."
    assert [(clause, source) for _, clause, _, _, _, source, _, _ in reported(sentence)] == [
        ("Holm said Varga said Pike said", "Dorn"),  # holds three, ends at the fourth
        ("Varga said Pike said Lund said the dam had cracked", "Holm"),
        ("Pike said Lund said the dam had cracked", "Varga"),
        ("Lund said the dam had cracked", "Pike"),
        ("the dam had cracked", "Lund")]  # fmt: skip


def test_rule_a_closing_cue_ends_the_clauses_before_its_source():
    assert reported("According to Dorn, the fees will rise, Holm added.") == [
        ("reported", "the fees will rise", "according to", 0, 12, "Dorn", 13, False),
        ("reported", "According to Dorn, the fees will rise", "added", 44, 49, "Holm", 39,
         False)]  # fmt: skip


def test_rule_according_to_after_an_opening_phrase_keeps_its_offsets():
    assert reported("On Friday, according to port officials, the fees will rise next spring.") == [
        ("reported", "the fees will rise next spring", "according to", 11, 23, "port officials",
         24, False)]  # fmt: skip


def test_rule_closing_according_to_takes_a_plain_noun_and_up_to_three_more_words():
    assert reported("The fees will rise in spring, according to eyewitnesses.") == [
        ("reported", "The fees will rise in spring", "according to", 30, 42, "eyewitnesses", 43,
         False)]  # fmt: skip
    assert reported("The fees will rise in spring, according to Olsen at the quay.") == [
        ("reported", "The fees will rise in spring", "according to", 30, 42, "Olsen", 43,
         False)]  # fmt: skip


def test_rule_a_cue_inside_a_quotation_is_passed_over_not_the_end():
    sentence = 'Holm read out the plan "what critics said was theft" and Varga warned that the quay would close.'
    assert reported(sentence) == [
        ("reported", "the quay would close", "warned", 63, 69, "Varga", 57, False)]  # fmt: skip


def test_rule_a_that_inside_the_clause_does_not_start_it():
    assert reported("Holm said the boats that sank would be raised.") == [
        ("reported", "the boats that sank would be raised", "said", 5, 9, "Holm", 0, False)]  # fmt: skip


def test_rule_a_that_cue_takes_a_pronoun_clause_and_no_that_past_another_cue():
    assert reported("Holm announced he would raise the fees.") == [
        ("reported", "he would raise the fees", "announced", 5, 14, "Holm", 0, False)]  # fmt: skip
    assert reported("Holm announced a review, and Varga said that the fees would rise.") == [
        ("reported", "the fees would rise", "said", 35, 39, "Varga", 29, False)]  # fmt: skip


@pytest.mark.parametrize(
    "sentence", ["Holm said “the fees will rise” and left.", "Holm said: the fees will rise."]
)
def test_rule_a_clause_opening_with_a_quote_or_colon_is_not_reported(sentence):
    assert reported(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "clause"),
    [
        ("Holm said in Brevik, the fees would rise next spring.",
         "the fees would rise next spring"),  # after the comma
        ("Holm said during the vote they would raise the fees.",
         "they would raise the fees"),  # at the pronoun
        ("Holm said during the vote they would raise the fees for every fishing boat docking "
         "at the old northern quay in Brevik, starting in May.",
         "they would raise the fees for every fishing boat docking at the old northern quay in "
         "Brevik, starting in May"),  # a comma past eighty characters does not count
        ("Holm said in Brevik, the fees for every fishing boat docking at the old northern quay "
         "would rise so sharply that the ferry would stop.",
         "the fees for every fishing boat docking at the old northern quay would rise so sharply "
         "that the ferry would stop"),  # a "that" past eighty characters does not count
    ],
)  # fmt: skip
def test_rule_an_opening_prepositional_phrase_is_passed_to_a_comma_or_pronoun(sentence, clause):
    assert reported(sentence) == [("reported", clause, "said", 5, 9, "Holm", 0, False)]


def test_rule_a_clause_wholly_quoted_is_left_to_the_direct_quotes():
    assert reported('Holm said the plan was "a betrayal of the fishermen".') == [
        ("mixed", 'the plan was "a betrayal of the fishermen"', "said", 5, 9, "Holm", 0, False)]  # fmt: skip
    assert reported(
        'Holm said the plan was "a betrayal of the fishermen of Tarnholm and Brevik alike".'
    ) == [("mixed", 'the plan was "a betrayal of the fishermen of Tarnholm and Brevik alike"',
           "said", 5, 9, "Holm", 0, False)]  # fmt: skip
    assert reported('Holm said that "the plan is a betrayal of the fishermen".') == []


def test_rule_the_pipeline_gives_reported_speech_its_speaker(tmp_path):
    table = attributions_of(
        tmp_path, "Greta Holm, who chairs the board, warned that the fees would rise."
    )
    assert table[["kind", "text", "cue", "speaker_id", "speaker_name", "negated"]].values.tolist() == [
        ["reported", "the fees would rise", "warned", "holm", "", False]]  # fmt: skip


def test_rule_a_prepositional_phrase_with_no_clause_after_it_is_not_reported():
    assert reported("Holm said at the quay in Brevik.") == []


def test_rule_the_comma_after_a_prepositional_phrase_is_looked_for_from_the_phrase_on():
    assert reported("On Friday, Holm said in Brevik, the fees would rise.") == [
        ("reported", "the fees would rise", "said", 16, 20, "Holm", 11, False)]  # fmt: skip


def test_rule_a_that_cue_looks_for_that_within_forty_characters_only():
    sentence = (
        "Holm announced a review of the fees for every fishing boat in the harbour, "
        "a review that would take a year."
    )
    assert reported(sentence) == []  # a plain noun object: nothing is reported


def test_rule_a_clause_end_loses_only_its_closing_punctuation():
    assert reported("Holm said the new ferry would be named Tarnholm X.") == [
        ("reported", "the new ferry would be named Tarnholm X", "said", 5, 9, "Holm", 0, False)]  # fmt: skip


def test_rule_a_lower_case_according_to_opens_a_sentence():
    assert reported("according to Dorn, the fees will rise next spring.") == [
        ("reported", "the fees will rise next spring", "according to", 0, 12, "Dorn", 13, False)]  # fmt: skip


def test_a_clause_before_another_speakers_colon_quote_is_reported():
    # "X said P but Y said: “...”": P is X's, and ends where Y's phrase starts
    rows = find_attributions_in("Acme said it was looking into the delay but a spokeswoman said: "
                                "“We are not clear what happened.”")  # fmt: skip
    assert rows[0] == ("reported", "it was looking into the delay", "Acme")
    assert [r[0] for r in rows] == ["reported", "direct"]


def find_attributions_in(text: str) -> list[tuple]:
    """(kind, text, source phrase) of each attribution of a one-paragraph text."""
    rows = find_attributions("d", text, [0], [], {})
    return [(r["kind"], r["text"], r["speaker_text"]) for r in rows]


def test_a_plain_subject_after_and_opens_its_own_clause():
    rows = find_attributions_in("Jo Holm has been ill and his doctors have said his chances "
                                "of recovery are slim.")  # fmt: skip
    assert rows == [("reported", "his chances of recovery are slim", "his doctors")]


def test_according_to_a_description_without_a_comma_before_a_pronoun_clause():
    rows = find_attributions_in("According to the union they will have selective entry and "
                                "preferential funding.")  # fmt: skip
    assert rows == [
        ("reported", "they will have selective entry and preferential funding", "the union")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clause that runs on from a short quote after the cue is mixed, after "told ...
        # that" as after "said"
        ("Jo Holm told the BBC that “so far” no troops were inside Brevik.",
         [("mixed", "“so far” no troops were inside Brevik", "Jo Holm")]),
        ("Jo Holm said “so far” no troops were inside Brevik.",
         [("mixed", "“so far” no troops were inside Brevik", "Jo Holm")]),
        # a whole quote, then the narrator's "and": direct
        ("Jo Holm said “We left the quay,” and walked off.",
         [("direct", "“We left the quay,”", "Jo Holm")]),
    ],
)  # fmt: skip
def test_a_clause_running_on_from_a_quote_after_the_cue_is_mixed(text, expected):
    assert find_attributions_in(text) == expected
