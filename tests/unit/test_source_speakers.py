"""How the source phrase of a reported clause or a position resolves (issue 27): a body the
document named before ("the committee"), an acronym spelt out, a title in wiki italics and a
body named after a place. Sentences written for the rule, invented names and places."""

import re

import pytest

from actorlens.attribution.document import Document
from actorlens.attribution.extract import find_attributions
from actorlens.attribution.speakers import SpeakerResolver

PLACES = {"Tarnland": "tarnland", "Tarnish": "tarnland"}


def source_speaker(text: str, phrase: str) -> tuple[str, str]:
    """(actor id, name) of the last ``phrase`` of ``text``, with the places of
    :data:`PLACES` as actor mentions."""
    starts = [0] + [m.end() for m in re.finditer(r"[.!?]\s+", text)]
    mentions = [(m.start(), m.end(), PLACES[m.group()])
                for m in re.finditer("|".join(PLACES), text)]  # fmt: skip
    doc = Document(text, starts, mentions, {})
    return SpeakerResolver(doc).resolve_source(phrase, text.rindex(phrase))


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The Brevik Harbour Committee met on Monday. The committee said the quay was safe.",
         "The committee", ("", "Brevik Harbour Committee")),
        ("The Holm Fishing Party won two seats. Later the party said it would sue.",
         "the party", ("", "Holm Fishing Party")),
        ("The Brevik Harbour Board and the Holm Harbour Board met. The board said no.",
         "The board", ("", "")),  # two boards in one sentence: no guess
        ("The ferry sank. The committee said the quay was safe.", "The committee", ("", "")),
    ],
)  # fmt: skip
def test_a_definite_description_takes_the_body_named_before(text, phrase, expected):
    assert source_speaker(text, phrase) == expected


@pytest.mark.parametrize(
    "opening",
    [
        "The Brevik Net Makers Guild (BNMG) met.",
        "Archive  The Brevik Net Makers Guild met.",  # a run that holds the name at its end
    ],
)
def test_an_acronym_takes_the_name_the_document_spells_out(opening):
    text = opening + " Later the BNMG said the nets were torn."
    assert source_speaker(text, "the BNMG") == ("", "Brevik Net Makers Guild")


def test_a_title_in_wiki_italics_keeps_no_marks():
    text = "The ferry sank. The ''Brevik Evening Post'' reported that the quay was closed."
    assert source_speaker(text, "Post''") == ("", "Brevik Evening Post")


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The Tarnish Supreme Court ruled that the quay was public.",
         "The Tarnish Supreme Court", ("", "Tarnish Supreme Court")),
        ("Tarnland's Harbour Agency said that the quay was closed.",
         "Tarnland's Harbour Agency", ("", "Harbour Agency")),
        ("The Tarnish government said that the quay was closed.",
         "The Tarnish government", ("tarnland", "")),
    ],
)  # fmt: skip
def test_a_body_named_after_a_place_is_not_the_place(text, phrase, expected):
    assert source_speaker(text, phrase) == expected


def test_a_cue_with_no_source_takes_the_speaker_of_its_sentence_before():
    text = ("The ferry sank on Monday. Mayor Jo Holm spoke after the vote. "
            "He called Per Brevik a “liar” and blamed him for the fire.")  # fmt: skip
    persons = {"Jo Holm": "holm", "Per Brevik": "brevik"}
    mentions = [
        (m.start(), m.end(), persons[m.group()]) for m in re.finditer("|".join(persons), text)
    ]
    starts = [0] + [m.end() for m in re.finditer(r"[.!?]\s+", text)]
    rows = find_attributions("doc", text, starts, mentions, {"holm": "he", "brevik": "he"})
    assert [(r["kind"], r["speaker_id"], text[r["start"] : r["end"]]) for r in rows] == [
        ("mixed", "holm", "Per Brevik a “liar”"),
        ("reported", "holm", "him for the fire"),
    ]


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The ferry sank. One employee from Brevik Lines offered to help.", "Brevik Lines", ("", "")),
        ("The ferry sank. Lawyers acting for Jo Holm announced that they would appeal.",
         "for Jo Holm", ("", "")),
        ("The ferry sank. Brevik Lines employee Jo Holm said the quay was closed.",
         "Brevik Lines employee Jo Holm", ("", "Jo Holm")),
        ("The ferry sank. One employee from Tarnland offered to help.", "Tarnland", ("tarnland", "")),
    ],
)  # fmt: skip
def test_a_speaker_described_by_whom_they_work_for_is_unnamed(text, phrase, expected):
    assert source_speaker(text, phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("The Brevik Harbour Agency", ("", "Brevik Harbour Agency")),
        ("Tarnholm Police", ("", "Tarnholm Police")),
        ("The harbour police", ("", "")),  # a description, no name
    ],
)
def test_a_body_named_by_capitalised_words_before_a_descriptor(phrase, expected):
    text = f"The ferry sank. {phrase} said that the quay was closed."
    assert source_speaker(text, phrase) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Brevik Fishing Union say they have asked the council to act.",
         "Brevik Fishing Union"),
        ("Jo Holm said they had asked the council to act.", ""),  # one person is no "they"
    ],
)  # fmt: skip
def test_they_inside_a_body_s_clause_is_that_body(sentence, expected):
    text = "The ferry sank on Monday. " + sentence
    starts = [0] + [m.end() for m in re.finditer(r"[.!?]\s+", text)]
    rows = find_attributions("doc", text, starts, [], {})
    asked = [r for r in rows if r["cue"] == "asked"]
    assert [r["speaker_name"] for r in asked] == [expected]


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("The ferry sank. A BFU panel concluded that the quay was unsafe.", "A BFU panel",
         ("", "BFU")),
        ("A recent Brevik Post poll showed Holm ahead. The poll found that most voters agreed.",
         "The poll", ("", "Brevik Post")),
        ("A survey by Holm Research found Holm ahead. The survey found that voters agreed.",
         "The survey", ("", "Holm Research")),
        ("The ferry sank. The poll found that most voters agreed.", "The poll", ("", "")),
        # a sentence's end is no part of a maker's name; an initialism's point is
        ("Jo Holm led the Brevik Harbour Agency.  The report found that the quay was unsafe. "
         "The report said that it was old.", "The report", ("", "")),
        ("A new U.N. report was out. The report found that the quay was unsafe.",
         "The report", ("", "U.N.")),
    ],
)  # fmt: skip
def test_what_a_named_body_made_speaks_in_its_name(text, phrase, expected):
    assert source_speaker(text, phrase) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Tarnish government has rejected the ruling and said that the quay was public.",
         ("tarnland", "")),
        ("Currently the Brevik Harbour Board has two ferries, and stated on Monday that "
         "it would buy a third.", ("", "Brevik Harbour Board")),
        ("The ferry sank on Monday and it was said that the quay was closed.", ("", "")),
    ],
)  # fmt: skip
def test_a_cue_with_no_source_takes_a_body_that_opens_its_sentence(sentence, expected):
    text = f"The quay opened in May. {sentence}"
    mentions = [(m.start(), m.end(), PLACES[m.group()])
                for m in re.finditer("|".join(PLACES), text)]  # fmt: skip
    starts = [0] + [m.end() for m in re.finditer(r"[.!?]\s+", text)]
    rows = find_attributions("doc", text, starts, mentions, {})
    speech = [r for r in rows if r["kind"] in ("reported", "mixed")]
    assert [(r["speaker_id"], r["speaker_name"]) for r in speech] == [expected]


@pytest.mark.parametrize(
    ("earlier", "later", "expected"),
    [
        ("Harbour Minister Greta Holm opened the quay.", "The minister said", "Greta Holm"),
        ("Greta Holm, the harbour minister, opened the quay.", "The minister said", "Greta Holm"),
        ("Greens leader Per Brevik opened the quay.", "The Greens leader said", "Per Brevik"),
        ("Minister for Harbours, Greta Holm opened the quay.", "The minister said", "Greta Holm"),
        ("Harbour Minister Greta Holm met Fishing Minister Per Brevik.", "The minister said", ""),
        ("The quay opened on Monday.", "The minister said", ""),  # no minister named: unnamed
        ("Harbour Minister Greta Holm opened the quay.", "The spokesman said", ""),
        ("Greens leader Per Brevik met Labour leader Jo Holm.", "The Greens leader said",
         "Per Brevik"),  # the modifier picks one of two leaders
        ("Greens leader Per Brevik met Labour leader Jo Holm.", "The leader said", ""),
        # a title right before one capitalised word: a surname when given in full elsewhere
        ("Harbour Minister Holm opened the quay.", "The minister said", ""),
        ("Greta Holm arrived. Treasurer Brevik spoke.", "The treasurer said", ""),
        ("Minister Greta Holm met vice-minister Per Brevik.", "The minister said", "Greta Holm"),
        ("Major-General Per Brevik arrived.", "The general said", "Per Brevik"),
        ("General Per Brevik met General Brevik's aide and General Pér Brevik.",
         "The general said", "Per Brevik"),  # one general, three forms of his name
        ("Greta Holm was sworn in. Harbour Minister Holm opened the quay.", "The minister said",
         "Greta Holm"),
        ("Senator Brevik met Senator Holm.", "The senator said", ""),  # two senators
        ("Minister Street was closed.", "The minister said", ""),  # a street, not a person
    ],
)  # fmt: skip
def test_a_title_description_names_the_one_person_the_document_gave_that_title(
    earlier, later, expected
):
    text = f"The ferry sank. {earlier} {later} that the quay was safe."
    starts = [0] + [m.end() for m in re.finditer(r"[.!?]\s+", text)]
    rows = find_attributions("doc", text, starts, [], {})
    assert [r["speaker_name"] for r in rows if r["kind"] == "reported"] == [expected]


def test_a_title_description_of_a_person_actor_is_that_actor():
    text = ("The ferry sank. Harbour Minister Greta Holm opened the quay. "
            "The minister said that the quay was safe.")  # fmt: skip
    at = text.index("Greta Holm")
    starts = [0] + [m.end() for m in re.finditer(r"[.!?]\s+", text)]
    rows = find_attributions("doc", text, starts, [(at, at + 10, "holm")], {"holm": "she"})
    assert [(r["speaker_id"], r["speaker_name"]) for r in rows] == [("holm", "")]


def test_a_person_named_after_a_body_in_one_run_is_the_sentence_s_subject():
    text = ("The ferry sank. Brevik Supreme Court Associate Justice Greta Day Holm announced her "
            "retirement. She said she would step down in May.")  # fmt: skip
    starts = [0] + [m.end() for m in re.finditer(r"[.!?]\s+", text)]
    rows = find_attributions("d", text, starts, [], {})
    assert [(r["kind"], r["speaker_name"]) for r in rows] == [("reported", "Greta Day Holm")]


def test_a_title_without_an_article_and_a_place_s_lower_case_body():
    text = ("The ferry sank. Harbour Secretary Jo Holm met the board. Harbour secretary said "
            "that the quay was safe. Tarnland's defense ministry said that the quay was closed.")  # fmt: skip
    mentions = [(m.start(), m.end(), "tarnland") for m in re.finditer("Tarnland", text)]
    starts = [0] + [m.end() for m in re.finditer(r"[.!?]\s+", text)]
    rows = find_attributions("doc", text, starts, mentions, {})
    assert [(r["speaker_id"], r["speaker_name"]) for r in rows] == [
        ("", "Jo Holm"), ("tarnland", "")]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # a lower-case body noun after its capitalised modifiers, or before "of" and a name
        ("The Brevik government announced a plan. Later the government said it was ready.",
         "the government", ("", "Brevik government")),
        ("The government of Brevik announced a plan. Later the government said it was ready.",
         "the government", ("", "government of Brevik")),
        # the latest such body wins; two different ones in a sentence leave it unnamed
        ("The Brevik government met the Holm government. The government said it was ready.",
         "The government", ("", "")),
        ("The ferry sank. The government said it was ready.", "The government", ("", "")),
    ],
)  # fmt: skip
def test_the_body_a_lower_case_description_names_before(text, phrase, expected):
    assert source_speaker(text, phrase) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # people a place or a person describes, who do not speak for them: unnamed
        ("Tarnish lumber producers said the duties were unfair.", "Tarnish lumber producers",
         ("", "")),
        ("A Tarnish scholar warned that the talks would fail.", "A Tarnish scholar", ("", "")),
        ("Critics of Tarnland said the duties were unfair.", "Critics of Tarnland", ("", "")),
        # the state's own agents speak for it
        ("Tarnish officials said the duties were fair.", "Tarnish officials", ("tarnland", "")),
        ("The Tarnish government said the duties were fair.", "The Tarnish government",
         ("tarnland", "")),
    ],
)  # fmt: skip
def test_people_a_place_describes_speak_for_nobody_its_agents_for_it(text, phrase, expected):
    assert source_speaker(text, phrase) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a description of a person heads its phrase, a place in it names no speaker
        ("According to a Brevik harbour attorney, the quay shut.", ("a Brevik harbour attorney", "")),
        ("According to an Egyptian lawyer, the quay shut.", ("an Egyptian lawyer", "")),
        # a name after the title is the speaker; a name and its kind stay a name
        ("According to the journalist Jo Holm, the quay shut.",
         ("the journalist Jo Holm", "Jo Holm")),
        ("According to The Brevik Herald newspaper, the quay shut.",
         ("The Brevik Herald", "Brevik Herald")),
    ],
)  # fmt: skip
def test_a_described_person_after_according_to_heads_the_source(text, expected):
    rows = find_attributions("d", text, [0], [], {})
    assert [(r["speaker_text"], r["speaker_name"]) for r in rows] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people a place describes speak for no one: the description is the source
        ("Some refugees near Tarnby said troops shot at them.",
         ("Some refugees near Tarnby", "")),
        ("One resident of the Brevik town of Tarnby said the house was hit.",
         ("One resident of the Brevik town of Tarnby", "")),
        ("Jo Holm, an associate professor at the University of Brevik said the quay had failed in the storm.",
         ("Jo Holm", "Jo Holm")),
        ("Olga Berg was heckled by farmers in Tarnby, who accused her of lying.",
         ("farmers in Tarnby", "")),
        # a possessive opens an apposition whose closing comma is left out
        ("Greta Holm, Brevik's harbour minister announced that the quay would shut.",
         ("Greta Holm", "Greta Holm")),
    ],
)  # fmt: skip
def test_people_a_place_describes_and_a_possessive_apposition(text, expected):
    rows = find_attributions("d", text, [0], [], {})
    assert [(r["speaker_text"], r["speaker_name"]) for r in rows] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name before an apposition that holds a title speaks, not the apposition
        ("Judge Olga Berg, US District Judge for Brevik, ruled in May that the ban was lawful.",
         ("Judge Olga Berg", "Olga Berg")),
        ("Jo Holm, Harbourwear Brevik CEO, said the decision was wrong.", ("Jo Holm", "Jo Holm")),
        # after an opening phrase and its comma too
        ("On Monday, Greta Holm, the harbour chief said that the quay was shut.",
         ("Greta Holm", "Greta Holm")),
        # a titled name in the apposition is the speaker
        ("The leader of the group, Navy Lieutenant Felix Carman, said he believed it was wrong.",
         ("Navy Lieutenant Felix Carman", "Felix Carman")),
        # a title after a place names no one here: not the place
        ("Northern Tarnland secretary said the talks had failed.",
         ("Northern Tarnland secretary", "")),
        # a title and the name after the cue: the name, past a capitalised modifier
        ("“They shoot at us,” said Brevik border guard Ibrahim Brahim.",
         ("Ibrahim Brahim", "Ibrahim Brahim")),
        ("“We left,” said Brevik harbour expert Professor Olga Lynch. The United States said more.",
         ("Professor Olga Lynch", "Olga Lynch")),
    ],
)  # fmt: skip
def test_a_title_in_an_apposition_or_after_a_place_names_no_speaker(text, expected):
    rows = find_attributions("d", text, [0], [], {})
    assert [(r["speaker_text"], r["speaker_name"]) for r in rows] == [expected]


def test_he_never_refers_to_a_body_that_opens_a_sentence():
    text = "The Brevik Times ran the story on Monday. He said the quay was unsafe."
    rows = find_attributions("d", text, [0, 42], [], {})
    assert [(r["speaker_text"], r["speaker_name"]) for r in rows] == [("He", "")]


def test_the_court_takes_the_court_of_appeals_named_before():
    text = (
        "The Brevik Court of Appeals heard the case on Monday. The court ruled that the ban stands."
    )
    rows = find_attributions("d", text, [0, 54], [], {})
    assert [(r["speaker_text"], r["speaker_name"]) for r in rows] == [
        ("The court", "Brevik Court of Appeals")
    ]


def test_the_name_heading_an_apposition_right_after_a_closing_quote():
    text = ("Jobs will go “as they do in Tarnland,”  Jo Holm, spokesperson for the Brevik Harbour"
            " Network says it is a severe penalty.")  # fmt: skip
    rows = find_attributions("d", text, [0], [], {})
    assert [(r["kind"], r["speaker_name"]) for r in rows][-1] == ("reported", "Jo Holm")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place after the description's last comma: the name before the description speaks
        ("Jo Holm, a former officer at the embassy in Tarnby, Tarnland argues that the plan"
         " failed.", ("Jo Holm", "Jo Holm")),
        # an opening participle phrase is no name
        ("Echoing the Brevik Harbour Agency, the Tarnish harbour officials said that the quay"
         " was shut.", ("harbour officials", "")),
    ],
)  # fmt: skip
def test_a_place_ending_the_description_and_a_participle_opening_the_sentence(text, expected):
    rows = find_attributions("d", text, [0], [], {})
    assert [(r["speaker_text"], r["speaker_name"]) for r in rows] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people a participle and its object describe speak for no one, the object neither
        ("A nurse treating Mr Jo Holm said that he was stable.",
         ("A nurse treating Mr Jo Holm", "")),
        ("Residents living near Tarnby said that the water was foul.",
         ("Residents living near Tarnby", "")),
        ("“He is stable,” a nurse treating Jo Holm said.", ("a nurse treating Jo Holm", "")),
        # the name heading the description still speaks
        ("Jo Holm, a farmer living near Tarnby, said that the water was foul.",
         ("Jo Holm", "Jo Holm")),
    ],
)  # fmt: skip
def test_people_a_participle_describes_are_the_source(text, expected):
    rows = find_attributions("d", text, [0], [], {})
    assert [(r["speaker_text"], r["speaker_name"]) for r in rows] == [expected]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("The President of Tarnland Greta Holm", "Greta Holm"),  # a given name starts the name
        ("The Foreign Ministry of North Tarnland", "Foreign Ministry of North Tarnland"),  # a body
        ("Democrat Greta Holm", "Greta Holm"),  # a party member's label titles her
        ("An official at the Brevik embassy in Tarnby", ""),  # where the speaker works
        ("A former aide to Tarnish senator Greta Holm", ""),  # someone close to her, not her
    ],
)  # fmt: skip
def test_a_described_source_names_the_person_it_ends_in_or_nobody(source, expected):
    text = f"The ferry sank. {source} said that the quay was safe."
    starts = [0] + [m.end() for m in re.finditer(r"[.!?]\s+", text)]
    rows = find_attributions("doc", text, starts, [], {})
    assert [r["speaker_name"] for r in rows if r["kind"] == "reported"] == [expected]


@pytest.mark.parametrize(
    ("earlier", "later", "expected"),
    [
        ("The weekly magazine ''Harbour Life'' ran the story.", "The magazine said", "Harbour Life"),
        ("The Tarnby Times newspaper ran the story.", "The newspaper said", "Tarnby Times"),
        ("The Tarnish newspaper Brevik Post ran the story.", "The newspaper said", "Brevik Post"),
        ("The Brevik Post ran the story.", "A reporter at the newspaper said", ""),  # a place
    ],
)  # fmt: skip
def test_an_outlet_described_by_its_kind_is_the_one_named_beside_it(earlier, later, expected):
    text = f"The ferry sank. {earlier} {later} that the quay was safe."
    starts = [0] + [m.end() for m in re.finditer(r"[.!?]\s+", text)]
    rows = find_attributions("doc", text, starts, [], {})
    assert [r["speaker_name"] for r in rows if r["kind"] == "reported"] == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an object pronoun after "according to" is the person it refers to
        ("Anna Holm runs the quay. According to her, the fees were too high.", "Anna Holm"),
        # "It" with no speaker before: the body that opened the sentence before
        ("The Brevik Harbour Trust visited the quay. It claims that the quay is unsafe.",
         "Brevik Harbour Trust"),
        ("The Brevik Harbour Trust published a report. It has denied that the quay is unsafe.",
         "Brevik Harbour Trust"),
        ("Anna Holm published a report. It has been said that the quay is unsafe.", ""),
        # a name after a title word, not the company before it
        ("Acme Election Systems president Anna Holm said that the machines were safe.",
         "Anna Holm"),
        ("President-elect Anna Holm said that the fence was a mistake.", "Anna Holm"),
        # "It" after a body named with a description ("the Tarnish government")
        ("The Tarnish government says that the plan is lawful. It has denied that it is late.",
         "Tarnish government"),
        # a sentence adverb names no one
        ("Already, a former church assistant said that he saw the cart.", ""),
        # "the institute" is the institute the document named before
        ("The Brevik Peace Research Institute published its yearbook. The institute says that"
         " arms sales rose.", "Brevik Peace Research Institute"),
    ],
)  # fmt: skip
def test_a_reported_source_resolves_to_the_one_it_names(sentence, expected):
    text = "The ferry sank on Monday. " + sentence
    starts = [0] + [m.end() for m in re.finditer(r"[.!?]\s+", text)]
    rows = [r for r in find_attributions("doc", text, starts, [], {}) if r["kind"] == "reported"]
    names = [r["speaker_name"] for r in rows if r["speaker_name"]]  # the last clause's
    assert names[-1:] == ([expected] if expected else [])
