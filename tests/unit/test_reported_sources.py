"""Reported speech of issue 27, second round: plain noun-phrase subjects, base forms before a
that-clause, emphatic "do", coordinated cues, "promising not to", hearsay without a passive,
"called Y Z" and the clause with a word outside its quotations. Sentences written for the
rule, invented names and places."""

import re

import pytest

from actorlens.text.lexicon import alternation, trie_alternation
from tests.unit.test_reported_forms import reported


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The harbour party has said it will close the quay.",
         ("reported", "it will close the quay", "said", "The harbour party", 0)),
        ("Some fishermen have commented that the nets were torn.",
         ("reported", "the nets were torn", "commented", "Some fishermen", 0)),
        ("The board's night watchmen said the gate was open.",
         ("reported", "the gate was open", "said", "The board's night watchmen", 0)),
        ("On Friday, the state-run radio station announced that the ferry had sunk.",
         ("reported", "the ferry had sunk", "announced", "the state-run radio station", 11)),
        ("The ferry stopped, after Brevik net makers accused Holm of lying.",
         ("reported", "Holm of lying", "accused", "Brevik net makers", 25)),
        ("The harbour party has said that it will close the quay.",
         ("reported", "it will close the quay", "said", "The harbour party", 0)),
        ("The harbour committee also said that the quay was closed.",
         ("reported", "the quay was closed", "said", "The harbour committee", 0)),
        ("The harbour union claims that the quay is unsafe.",
         ("reported", "the quay is unsafe", "claims", "The harbour union", 0)),
        ("There are claims that the quay is unsafe.",
         ("reported", "the quay is unsafe", "claims", "", -1)),
    ],
)  # fmt: skip
def test_a_plain_noun_phrase_before_the_cue_is_its_source(sentence, expected):
    assert reported(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "The ferry stopped, with both towns claiming ownership of the quay.",  # noun object
        "The eight harbour states have called for a ban on nets.",  # "states" is a noun here
        "The harbour decision threatens to delay the ferry.",  # no speaker threatens
        "Greta Holm quickly denied all rumours of a strike.",  # a verb inside is no phrase
    ],
)
def test_a_plain_noun_phrase_source_needs_a_clause(sentence):
    assert [r[2] for r in reported(sentence)] in ([], ["rumours"])
    assert all(r[3] == "" for r in reported(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Greta Holm, the harbour board's chair said the fees would rise.",
        "Greta Holm , the Tarnish harbour minister said the fees would rise.",
        "Greta Holm, Director-General of the Harbour Board, said the fees would rise.",
    ],
)
def test_a_name_before_an_apposition_is_the_source(sentence):
    assert reported(sentence) == [("reported", "the fees would rise", "said", "Greta Holm", 0)]


def test_an_opening_adverb_is_no_name_before_an_apposition():
    assert reported("Furthermore, the harbour board has said the fees would rise.") == [
        ("reported", "the fees would rise", "said", "the harbour board", 13)]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Harbour critics argue that the fees are too high.",
         ("reported", "the fees are too high", "argue", "Harbour critics", 0)),
        ("The net makers deny that they raised prices.",
         ("reported", "they raised prices", "deny", "The net makers", 0)),
        ("Holm did acknowledge that the quay was unsafe.",
         ("reported", "the quay was unsafe", "acknowledge", "Holm", 0)),
    ],
)  # fmt: skip
def test_a_base_form_cues_a_that_clause_and_emphatic_do_keeps_the_source(sentence, expected):
    assert reported(sentence) == [expected]


def test_a_base_form_without_a_clause_is_no_cue():
    assert reported("Holm read the state report on the ferry.") == []
    assert reported("The net makers claim the quay.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Holm called Varga a “pirate” and blamed him for the delay.",
         [("mixed", "Varga a “pirate”", "called", "Holm", 0),
          ("reported", "him for the delay", "blamed", "", -1)]),
        ("Holm opposed the fees, but now says the quay needs them.",
         [("reported", "the quay needs them", "says", "", -1)]),
    ],
)  # fmt: skip
def test_a_cue_after_a_quote_and_and_or_after_but_and_an_adverb_is_coordinated(sentence, expected):
    assert reported(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Holm opened the quay, promising not to raise the fees.",
         ("reported", "not to raise the fees", "promising", "", -1)),
        ("Holm promised before the vote that the fees would fall.",
         ("reported", "the fees would fall", "promised", "Holm", 0)),
        ("Holm vowed to reopen the quay.",
         ("reported", "reopen the quay", "vowed", "Holm", 0)),
    ],
)  # fmt: skip
def test_a_promise_takes_not_to_and_a_that_clause(sentence, expected):
    assert reported(sentence) == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Two trawlers said to have sunk were found in the bay.",
         ("reported", "to have sunk were found in the bay", "said", "", -1)),
        ("The trawlers were also said to have sunk in the bay.",
         ("reported", "to have sunk in the bay", "said", "", -1)),
        ("The ferry was described as unsafe for winter crossings.",
         ("reported", "unsafe for winter crossings", "described", "", -1)),
        ("It ran under a lease Holm claims to have signed.",
         ("reported", "to have signed", "claims", "Holm", 21)),
    ],
)  # fmt: skip
def test_hearsay_said_to_have_and_passives_of_evaluation_have_no_source(sentence, expected):
    assert reported(sentence) == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Holm called the bridge “a folly” on Friday.",
         [("mixed", "the bridge “a folly” on Friday", "called", "Holm", 0)]),
        ("Holm called Varga a liar.", [("reported", "Varga a liar", "called", "Holm", 0)]),
        ("Holm called a meeting of the board.", []),
        ("Holm called for a ban on nets.", []),
        ("The so-called “toll” rose.", []),
        ("Holm called Varga a “pirate,” adding that the fees would rise.",
         [("mixed", "Varga a “pirate,”", "called", "Holm", 0),
          ("reported", "the fees would rise", "adding", "", -1)]),
    ],
)  # fmt: skip
def test_called_y_z_is_what_the_source_calls_y(sentence, expected):
    assert reported(sentence) == expected


def test_a_clause_with_one_word_outside_its_quotation_is_mixed_and_a_quoted_one_direct():
    assert reported('Holm said the quay was "a ruin and a danger to every ferry".') == [
        ("mixed", 'the quay was "a ruin and a danger to every ferry"', "said", "Holm", 0)]  # fmt: skip
    assert reported('Holm said that "the quay is a ruin".') == []
    assert reported("Holm claimed that “harbour thieves” were “everywhere”.") == [
        ("mixed", "“harbour thieves” were “everywhere”", "claimed", "Holm", 0)]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The harbour board expressed its belief that the fees must fall.",
         [("reported", "the fees must fall", "expressed", "The harbour board", 0)]),
        ("The skippers expressed a concern in their letter that Holm had to go.",
         [("reported", "Holm had to go", "expressed", "The skippers", 0)]),
        ("Holm made it clear that the quay would stay shut.",
         [("reported", "the quay would stay shut", "made", "Holm", 0)]),
        ("Harbour officials issued a warning that the quay would close.",
         [("reported", "the quay would close", "issued", "Harbour officials", 0)]),
        ("Holm made a speech at the quay.", []),
        ("Holm issued a permit that allowed fishing.", []),
    ],
)  # fmt: skip
def test_a_verb_and_a_noun_of_speech_before_that_cue_the_clause(sentence, expected):
    assert reported(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("According to the Harbour Times the fees would rise next year.",
         [("reported", "the fees would rise next year", "according to", "the Harbour Times", 13)]),
        ("According to the Energy Agency (HEA) further work will be delayed.",
         [("reported", "further work will be delayed", "according to", "the Energy Agency", 13)]),
        ("According to Brevik police spokesman Lieut.", []),
        ("According to plan the ferry left on time today.", []),
    ],
)  # fmt: skip
def test_according_to_a_name_without_a_comma_opens_the_clause(sentence, expected):
    assert reported(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A spokesperson for Mr Holm said that Holm would stay.",
         ("reported", "Holm would stay", "said", "A spokesperson", 0)),
        ("A source for the Harbour Party said that people had phoned.",
         ("reported", "people had phoned", "said", "A source", 0)),
        ("Officials in Brevik said the quay was shut.",
         ("reported", "the quay was shut", "said", "Officials", 0)),
    ],
)  # fmt: skip
def test_a_description_speaks_not_whom_it_speaks_for(sentence, expected):
    assert reported(sentence) == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Gunmen fired on the ferry, harbour police said, wounding two sailors.",
         [("reported", "Gunmen fired on the ferry", "said", "harbour police", 27)]),
        ("During a speech at the quay, Holm said, “We stay.”", []),
        ("Holm said, after the vote, that the fees would rise.",
         [("reported", "the fees would rise", "said", "Holm", 0)]),
    ],
)  # fmt: skip
def test_a_source_and_cue_between_commas_report_the_words_before_them(sentence, expected):
    assert reported(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The board's officials have denied ordering the block.",
         [("reported", "ordering the block", "denied", "The board's officials", 0)]),
        ("Brevik Council has also admitted engaging in the practice.",
         [("reported", "engaging in the practice", "admitted", "Brevik Council", 0)]),
        ("Holm denied any wrongdoing at the quay.",
         [("reported", "any wrongdoing at the quay", "denied", "Holm", 0)]),
        ("Holm announced during the visit a new plan.", []),
        ("The board has denied reports in the press that the quay was sold.",
         [("reported", "the quay was sold", "denied", "The board", 0),
          ("reported", "the quay was sold", "reports", "", -1)]),
        ("The port has been told that its fees were too high.",
         [("reported", "its fees were too high", "told", "", -1)]),
        ("Greta Holm, Deputy leader of Brevik, denies that the quay was sold.",
         [("reported", "the quay was sold", "denies", "Greta Holm", 0)]),
    ],
)  # fmt: skip
def test_denied_and_admitted_objects_denied_reports_and_passive_that(sentence, expected):
    assert reported(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('While no ferry has sunk, Mayor Greta Holm says it is a "risk".',
         [("mixed", 'it is a "risk"', "says", "Mayor Greta Holm", 25)]),
        ('The fees rose, as did those of Greta Holm, who recently said the quay was "a ruin".',
         [("mixed", 'the quay was "a ruin"', "said", "Greta Holm", 31)]),
        ("The fees will rise, Holm said on Friday.",
         [("reported", "The fees will rise", "said", "Holm", 20)]),
    ],
)  # fmt: skip
def test_a_closing_cue_takes_no_quotation_after_it_and_who_takes_an_adverb(sentence, expected):
    assert reported(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Holm asked why the ferry had stopped.",
         [("reported", "why the ferry had stopped", "asked", "Holm", 0)]),
        ("Holm asked the board whether the fees would rise.",
         [("reported", "whether the fees would rise", "asked", "Holm", 0)]),
        ("The board has appealed to both crews to end the strike.",
         [("reported", "to both crews to end the strike", "appealed", "The board", 0)]),
    ],
)  # fmt: skip
def test_asked_whether_and_appealed_to_y_to_z(sentence, expected):
    assert reported(sentence) == expected


def test_two_named_sources_give_one_attribution_each():
    assert reported("The Harbour Times and Radio Brevik reported that the quay was sold.") == [
        ("reported", "the quay was sold", "reported", "The Harbour Times", 0),
        ("reported", "the quay was sold", "reported", "Radio Brevik", 22)]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The board ordered that the quay be closed.",
         [("reported", "the quay be closed", "ordered", "The board", 0)]),
        ("The board ordered the crews not to sail.",
         [("reported", "the crews not to sail", "ordered", "The board", 0)]),
        ("Holm ordered a review of the fees.", []),
    ],
)  # fmt: skip
def test_ordered_y_to_z_or_that(sentence, expected):
    assert reported(sentence) == expected


def test_the_cue_trie_matches_what_the_plain_alternation_matches():
    words = ["said", "says", "saying", "stated", "state", "told", "tells"]
    text = "Holm said, saying so; she says it, stated and told, tells, states and sayings."
    trie = re.compile(rf"\b(?:{trie_alternation(words, space=' ')})\b")
    plain = re.compile(rf"\b(?:{alternation(words)})\b")
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert trie_alternation(["said", "says"]) == "sa(?:id|ys)"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Brevik Harbour Board is reporting that the quay was closed.",
         ("reported", "the quay was closed", "reporting", "The Brevik Harbour Board", 0)),
        ("The harbour unions are also saying that the fees will rise.",
         ("reported", "the fees will rise", "saying", "The harbour unions", 0)),
        ("The fees were criticised by the Holm Trust, which has stated that they are unfair.",
         ("reported", "they are unfair", "stated", "the Holm Trust", 28)),
    ],
)  # fmt: skip
def test_a_progressive_cue_and_a_relative_which_keep_their_source(sentence, expected):
    assert expected in reported(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Greta Holm has announced the council will build a new quay.",
         ("reported", "the council will build a new quay", "announced", "Greta Holm", 0)),
        ("The Brevik Harbour Board, however, has stated that the quay is unsafe.",
         ("reported", "the quay is unsafe", "stated", "The Brevik Harbour Board", 0)),
        ("Harbour experts said, however, that the quay is unsafe.",
         ("reported", "the quay is unsafe", "said", "Harbour experts", 0)),
    ],
)  # fmt: skip
def test_a_that_less_clause_with_an_auxiliary_and_an_aside_however(sentence, expected):
    assert reported(sentence) == [expected]


def test_an_announced_noun_object_is_still_no_clause():
    assert reported("Greta Holm announced her resignation on Monday.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Greta Holm was quoted as saying that the fees would rise.",
        "Greta Holm was quoted by a harbour spokesman as saying that the fees would rise.",
    ],
)
def test_the_one_quoted_as_saying_is_the_source(sentence):
    assert reported(sentence) == [("reported", "the fees would rise", "saying", "Greta Holm", 0)]


@pytest.mark.parametrize(
    "sentence",
    [
        # the name heading an apposition whose closing comma is left out speaks
        "Greta Holm, the harbour board's finance spokesperson said the fees would rise.",
        "Greta Holm, a ferry captain in Brevik said the fees would rise.",
        "Greta Holm, of the Brevik Harbour Board said the fees would rise.",
    ],
)
def test_the_name_before_an_unclosed_apposition_is_the_source(sentence):
    assert reported(sentence) == [("reported", "the fees would rise", "said", "Greta Holm", 0)]


def test_the_name_a_who_clause_without_its_closing_comma_follows_is_the_source():
    sentence = "Greta Holm, who visited Brevik today said the fees would rise."
    assert reported(sentence) == [("reported", "the fees would rise", "said", "Greta Holm", 0)]


def test_a_description_starts_at_a_word_boundary_and_a_who_clause_with_a_cue_is_no_source():
    assert reported("Officials said reports indicate that the fees would rise.")[1][3] == "reports"
    assert reported("The quay was closed by Greta Holm, who he said had no choice.") == [
        ("reported", "had no choice", "said", "he", 39)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Brevik Greens have both said they will oppose the bill.",
         ("reported", "they will oppose the bill", "said", "The Brevik Greens", 0)),
        ("The Harbour Union (BHU), a dockers' union, reported yesterday that the quay had shut.",
         ("reported", "the quay had shut", "reported", "The Harbour Union", 0)),
        ("On Saturday, villagers told journalists that the quay had shut.",
         ("reported", "the quay had shut", "told", "villagers", 13)),
        ("Harbour chief, Greta Holm (Brevik, Greens) told the council that the quay had shut.",
         ("reported", "the quay had shut", "told", "Greta Holm", 15)),
    ],
)  # fmt: skip
def test_fillers_bare_plural_subjects_and_a_parenthesis_before_the_cue(sentence, expected):
    assert reported(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "Greta Holm is also reported to have said that the fees would rise.",
        "The Brevik Herald quoted Greta Holm, the harbour chief, as saying the fees would rise.",
    ],
)
def test_the_one_reported_to_have_said_or_quoted_by_a_paper_is_the_source(sentence):
    (found,) = reported(sentence)
    assert (found[0], found[1], found[3]) == ("reported", "the fees would rise", "Greta Holm")


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("Greta Holm emphasised that the fees would rise.", "emphasised"),
        ("Greta Holm pointed out that the fees would rise.", "pointed out"),
        ("Greta Holm speculated that the fees would rise.", "speculated"),
        ("Greta Holm testified that the fees would rise.", "testified"),
        ("Greta Holm mentioned that the fees would rise.", "mentioned"),
        ("Greta Holm recalled that the fees would rise.", "recalled"),
        ("Greta Holm boasted that the fees would rise.", "boasted"),
        ("Greta Holm reaffirmed that the fees would rise.", "reaffirmed"),
    ],
)
def test_more_verbs_of_saying_take_a_that_clause(sentence, cue):
    assert reported(sentence) == [("reported", "the fees would rise", cue, "Greta Holm", 0)]


def test_a_verb_of_saying_with_a_noun_object_is_no_speech():
    assert reported("Greta Holm mentioned the fees in her speech.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the people or the name a speech verb addresses before "that" are no part of the clause
        ("Anna Holm warned MPs that the quay would close.",
         ("reported", "the quay would close", "warned", "Anna Holm", 0)),
        ("Anna Holm warned the Brevik Harbour Board that the quay would close.",
         ("reported", "the quay would close", "warned", "Anna Holm", 0)),
        ("The panel said the faults that were found could not be fixed.",
         ("reported", "the faults that were found could not be fixed", "said", "The panel", 0)),
        # "CLAUSE, SOURCE told someone." closes the sentence as "CLAUSE, SOURCE said." does
        ("The quay will close, Anna Holm told reporters.",
         ("reported", "The quay will close", "told", "Anna Holm", 21)),
        # a relative clause closed by a comma stands between a description and its cue
        ("The agency, which runs the harbour, said the quay would close.",
         ("reported", "the quay would close", "said", "The agency", 0)),
    ],
)  # fmt: skip
def test_an_addressee_a_closing_told_and_a_closed_relative_clause(sentence, expected):
    assert reported(sentence) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "went on to say", "refuses to say ... , saying": the subject before the first verb
        ("Treasurer Per Dahl attacked Anna Holm. The treasurer went on to say that Mrs Holm"
         " was wrong.", "Per Dahl"),
        ("The Brevik Harbour Agency refuses to open the quay, saying that it is unsafe.",
         "Brevik Harbour Agency"),
    ],
)  # fmt: skip
def test_the_subject_of_a_cue_after_went_on_to(text, expected):
    from actorlens.attribution.extract import find_attributions

    starts = [0] + [m.end() for m in re.finditer(r"\. ", text)]
    rows = find_attributions("d", text, starts, [], {})
    assert [r["speaker_name"] for r in rows if r["kind"] == "reported"] == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Anna Holm underlined that the quay was unsafe.",
         ("reported", "the quay was unsafe", "underlined", "Anna Holm", 0)),
        ("The central bank forecast that growth would slow.",
         ("reported", "growth would slow", "forecast", "The central bank", 0)),
    ],
)  # fmt: skip
def test_more_reporting_verbs(sentence, expected):
    assert reported(sentence) == [expected]
