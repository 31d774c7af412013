"""Speakers of direct quotes on any newsroom's style (issue 27): the cue that introduces a
quote, appositions, continuations, descriptions that name nobody, and paragraphs joined onto
one line."""

import pandas as pd
import pytest

from actorlens.attribution.extract import extract_attributions, quoted_passages
from actorlens.corpus.actors import Actor
from actorlens.corpus.ingest import ingest_corpus
from actorlens.mentions.count import analyse

ACTORS = [
    Actor("putin", "Vladimir Putin", "person", "russia", "he", names=("Vladimir Putin", "Putin")),
    Actor("trump", "Donald Trump", "person", pronoun="he", names=("Donald Trump", "Trump")),
    Actor("kallas", "Kaja Kallas", "person", pronoun="she", names=("Kaja Kallas", "Kallas")),
    Actor("russia", "Russia", "state", names=("Russia",), metonyms=("Kremlin", "Moscow")),
]  # fmt: skip


def quotes_of(tmp_path, text: str) -> pd.DataFrame:
    (tmp_path / "001.txt").write_text("Talks went on\n\n" + text, encoding="utf-8")
    corpus = ingest_corpus(tmp_path)
    found = analyse(corpus, ACTORS)
    table = extract_attributions(corpus.texts, corpus.sentences, found.mentions, found.actors)
    return quoted_passages(table, corpus.texts)


def speakers(tmp_path, text: str) -> list[str]:
    """Each quote's speaker: the actor, else the name, else ""."""
    quotes = quotes_of(tmp_path, text)
    return [a or n for a, n in zip(quotes["speaker_id"], quotes["speaker_name"], strict=True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the quote closes its sentence: the next sentence's cue is about something else
        ("Kallas said: “Europe stands firm.” Trump said later that talks would go on.",
         ["kallas"]),
        ("Kallas told the summit, “Europe stands firm.” Trump added that talks would go on.",
         ["kallas"]),
        ("Kallas spoke after Trump, saying that “Europe stands firm”. Trump said no more.",
         ["kallas"]),
        # a quote ending in a comma is attributed by the cue after it
        ("Her office said: “Europe stands firm,” said Kallas.", ["kallas"]),
        # "so ... blames" after the quote is a clause of its own
        ("Kallas has said “the talks went too far,” so Trump blames Putin.", ["kallas"]),
    ],
)  # fmt: skip
def test_the_cue_that_introduces_a_quote_wins(tmp_path, text, expected):
    assert speakers(tmp_path, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kallas went on to say, “Europe stands firm and will not move.”", ["kallas"]),
        ("Putin met Trump on Monday and added, “We will talk again next week.”", ["putin"]),
        ("Acme Holdings itself said “no deal has been signed with anyone”.", ["Acme Holdings"]),
        ("Senator Jo Bloggs () said, “We will vote against the whole bill.”", ["Jo Bloggs"]),
        ("Putin spoke to reporters in Moscow. Adding, “We will win this in the end.”",
         ["putin"]),
        ("Jo Reid spoke first.\n\nMr Reid referred to the war, saying that “it fuels terror”.",
         ["Jo Reid"]),
    ],
)  # fmt: skip
def test_the_subject_a_cue_leaves_to_the_sentence(tmp_path, text, expected):
    assert speakers(tmp_path, text) == expected


def test_a_description_before_the_cue_names_nobody(tmp_path):
    text = "Trump came to the gate. Later one of the inspectors said, “You cannot pass it.”"
    assert speakers(tmp_path, text) == [""]


def test_a_fuller_name_must_hold_the_given_name(tmp_path):
    text = ("Royal Marine Adam Sperry came home on Monday.\n\n"
            "His grandmother, Margaret Sperry, said: “We are so happy to see him.”")  # fmt: skip
    assert speakers(tmp_path, text) == ["Margaret Sperry"]


def test_paragraphs_joined_onto_one_line_bound_a_continuation(tmp_path):
    # two spaces after a sentence's end part paragraphs written onto one line
    text = ("“We will win this war,” Putin said. “Nobody can stop us now.”  Two guards "
            "stopped the reporters.  “Nobody may pass this door today.”")  # fmt: skip
    assert speakers(tmp_path, text) == ["putin", "putin", ""]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the name heads the apposition, not the capitalised words of the description
        ("Jo Bloggs, director of security at Acme Holdings said: “The plan will fail.”",
         ["Jo Bloggs"]),
        ("His neighbour, Ann Other, a teacher at a school in Cardiff said “He was kind.”",
         ["Ann Other"]),
        # after the quote, the closing comma of the apposition left out
        ("“The plan will fail,” Jo Bloggs, the polling firm's president said.", ["Jo Bloggs"]),
        # a title that names nobody, then the name
        ("“The plan will fail,” said the head of research at Acme, Jo Bloggs.", ["Jo Bloggs"]),
        ("“The plan will fail,” said Russia's envoy, Jo Bloggs.", ["Jo Bloggs"]),
    ],
)  # fmt: skip
def test_the_name_an_apposition_gives(tmp_path, text, expected):
    assert speakers(tmp_path, text) == expected


def test_lower_case_name_particles_stay_in_the_name(tmp_path):
    text = ("Osama bin Laden spoke on a tape.\n\n"
            "“We planned it alone,” said bin Laden. “Nobody else knew of the plan.”")  # fmt: skip
    assert speakers(tmp_path, text) == ["Osama bin Laden", "Osama bin Laden"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body named by capitalised words before a body noun
        ("The Ruritanian interior ministry has said “the men were never arrested.”",
         ["Ruritanian interior ministry"]),
        # a statement speaks for the body that issued it, and so does "the statement" after it
        ("“The report is a lie,” said a statement issued by the Foreign Ministry of Ruritania. "
         "“We will answer it,” added the statement.",
         ["Foreign Ministry of Ruritania", "Foreign Ministry of Ruritania"]),
        # a body named over "of": the whole name, not its last capitalised words
        ("“The talks will go on,” said the Ruritanian Ministry of External Relations.",
         ["Ruritanian Ministry of External Relations"]),
    ],
)  # fmt: skip
def test_a_body_speaks_in_its_own_name(tmp_path, text, expected):
    assert speakers(tmp_path, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a description ending in a person's name after the body it names
        ("The head of the Friendship League of Russia Jo Bloggs told reporters, “We stay.”",
         ["Jo Bloggs"]),
        # the agent of a passive cue
        ("The rebels are described by Russia as “a danger to the whole region”.", ["russia"]),
        # the owner of the words
        ("General Jo Bloggs's reply “Never!” is remembered by every soldier.", ["Jo Bloggs"]),
        # "they" after a body that spoke
        ("Acme International said that its sales fell sharply last year. They also stated "
         "that “no jobs will go”.",
         ["Acme International"]),
        # the issuer of a statement named in lower case
        ("“The king has died,” said an official statement from the royal palace.",
         ["royal palace"]),
    ],
)  # fmt: skip
def test_the_speaker_a_phrase_names(tmp_path, text, expected):
    assert speakers(tmp_path, text) == expected


def test_the_one_asked_answers_in_the_next_paragraph(tmp_path):
    text = ("“Did you order the raid?” Trump asked Kallas. “Tell us now.”\n\n"
            "“I never ordered any raid at all.”\n\nShe then added, “Never in my life.”")  # fmt: skip
    assert speakers(tmp_path, text) == ["trump", "trump", "kallas", "kallas"]


def test_the_one_spoken_to_and_an_unnamed_speaker_speak_no_quote(tmp_path):
    text = ("Trump came to the gate. One of the guards said, “You cannot pass this gate.”\n\n"
            "“Nobody may pass without a badge,” Trump was told.")  # fmt: skip
    assert speakers(tmp_path, text) == ["", ""]


def test_a_statement_speaks_for_the_body_that_issued_it(tmp_path):
    text = ("The Acme Holdings board has issued a statement declaring that Putin is “a danger”. "
            "The statement continues “He must go before the year is out.”\n\n"
            "Putin replied to the statement saying “I will stay in office for good.”")  # fmt: skip
    assert speakers(tmp_path, text) == ["Acme Holdings board"] * 2 + ["putin"]


def test_continuing_to_act_is_no_speech(tmp_path):
    text = "“We will win this war,” Putin said. “We will never stop.” Russia continues to fight."
    assert speakers(tmp_path, text) == ["putin", "putin"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence opening with "He" has him as its subject, not the name inside it
        ("Putin spoke on Monday. He said that although Jo Bloggs had erred, all was well. "
         "Saying “the war must end now”, he left.", ["putin"]),
        # a relative "who" after fillers
        ("The plan echoes Dame Jo Bloggs, who recently said “the plan is useless”.",
         ["Jo Bloggs"]),
        # "A source for X" names nobody, not X
        ("A source for the Acme Party said “the rumour is wrong in every way”.", [""]),
        # wiki markup around a name
        ("The ''Daily Planet'' said “it will print the memo”.", ["Daily Planet"]),
    ],
)  # fmt: skip
def test_who_the_words_before_a_cue_name(tmp_path, text, expected):
    assert speakers(tmp_path, text) == expected


def test_an_inverted_cue_gives_its_speaker_to_the_quote_after_it(tmp_path):
    text = "“We must wait,” said Jo Bloggs, citing “strong opposition” to the treaty."
    assert speakers(tmp_path, text) == ["Jo Bloggs", "Jo Bloggs"]


def test_a_titled_body_ending_in_a_descriptor_is_a_name(tmp_path):
    text = "The International Atomic Energy Agency said: “The site is closed to all.”"
    assert speakers(tmp_path, text) == ["International Atomic Energy Agency"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Brevik Harbour Board defended the fees, saying “the quay must be paid for”.",
         ["Brevik Harbour Board"]),
        ("Russia has rejected the plan, saying “the talks have only just begun”.", ["russia"]),
    ],
)  # fmt: skip
def test_a_participle_takes_the_body_that_opens_its_sentence(tmp_path, text, expected):
    assert speakers(tmp_path, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“The quay will close,” Opposition spokesman for harbour affairs Jo Holm said.",
         ["Jo Holm"]),
        ("“The quay will close,” a British military spokesman in London said.", [""]),
        ("“The quay will close.” In a statement Colonel Jo Holm explained the order.", [""]),
        ("Harbour President Greta Holm met the board. “The quay will close,” the President said.",
         ["Greta Holm"]),
    ],
)  # fmt: skip
def test_a_title_before_the_name_after_a_quote(tmp_path, text, expected):
    assert speakers(tmp_path, text) == expected


def test_he_skips_reports_and_statements_that_spoke_since(tmp_path):
    text = ("Putin said that talks would go on. According to reports, the release named "
            "the venue. “We will not give in,” he said.")  # fmt: skip
    assert speakers(tmp_path, text) == ["putin"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reactions were mixed. “Europe stands firm and the talks go on.” — Kaja Kallas, "
         "Estonia", ["kallas"]),
        ("Reactions were mixed. “Europe stands firm and the talks go on” -- Jo Holm",
         ["Jo Holm"]),
    ],
)  # fmt: skip
def test_a_name_after_a_dash_closing_a_quote_speaks_it(tmp_path, text, expected):
    assert speakers(tmp_path, text) == expected


def test_a_dash_inside_a_sentence_names_no_speaker(tmp_path):
    assert quotes_of(tmp_path, "The quay was “unsafe” — Jo Holm said so too.").empty


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list of reactions joined onto one line: each quote opens its paragraph
        ("Reactions came in.  “Europe stands firm and the talks go on.”: Kaja Kallas, the "
         "premier.  “We will not give in to anyone.”: Jo Holm, a senator.", ["kallas", "Jo Holm"]),
        # wiki markup around the quote, a bullet before it
        ("Reactions came in.  *\'\'“Europe stands firm and the talks go on”\'\': Kaja Kallas, "
         "the premier.", ["kallas"]),
        # a comma after the quote, then the name and its description, no cue
        ("Reactions came in.  “Europe stands firm and the talks go on”, Kaja Kallas, the "
         "Estonian premier.  *“We will not give in to anyone,” Jo Holm Berg.",
         ["kallas", "Jo Holm Berg"]),
        # a bullet opens a paragraph after a sentence's end
        ("Reactions came in. *“Europe stands firm and the talks go on”: Kaja Kallas, the "
         "premier. *“We will not give in to anyone”: Jo Holm, a senator.", ["kallas", "Jo Holm"]),
        # a name with abbreviations before its cue is the cue's, not a list entry
        ("Talks ended.  “It is repugnant to our values,” U.S. Maj. Gen. Jo Holm said.",
         ["Jo Holm"]),
        # a dash's name wins over a colon introducing the list
        ("Comments from readers: “Europe stands firm.” — Jo Holm, a teacher.", ["Jo Holm"]),
    ],
)  # fmt: skip
def test_a_name_after_a_quote_opening_its_paragraph_speaks_it(tmp_path, text, expected):
    assert speakers(tmp_path, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the quote does not open its paragraph: a narrated sentence goes on after the name
        "He read the line “Europe stands firm and the talks go on”, Kaja Kallas, the premier.",
        # a one-word name after a comma is no list entry
        "Reactions came in.  “Europe stands firm and the talks go on”, Tallinn.",
    ],
)
def test_a_comma_and_a_name_name_no_speaker_outside_a_list(tmp_path, text):
    assert speakers(tmp_path, text) == [""]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“Car bombs do not threaten our unity,” said opposition leader Jo Holm, in Brevik.",
         ["Jo Holm"]),
        ("Harbour minister Greta Holm denied the claims: “It is proper that the police came.”",
         ["Greta Holm"]),
    ],
)  # fmt: skip
def test_a_lower_case_title_after_the_cue_and_a_cue_word_used_as_a_noun(tmp_path, text, expected):
    assert speakers(tmp_path, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“Europe stands firm,” said protester Jo Holm. “We will march again.”",
         ["Jo Holm", "Jo Holm"]),
        ("Kaja Kallas spoke in May. Last August, she said of the union “This is no longer my "
         "union.”", ["kallas"]),  # a time before the comma is no name in apposition
    ],
)  # fmt: skip
def test_a_singular_descriptor_titles_a_name_and_a_time_is_no_apposition(tmp_path, text, expected):
    assert speakers(tmp_path, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a surname alone stands for the person named in full earlier: the sentence's subject
        ("Ivar Holm Andersson was sentenced on Monday. Rolf Lindqvist said the trial was fair."
         " When Andersson spoke he said: “I have seen hypocrisy beyond belief.”",
         ["Ivar Holm Andersson"]),
        ("Ivar Holm Andersson was sentenced on Monday. Rolf Lindqvist said the trial was fair."
         " Andersson stood up. He said: “I have seen hypocrisy beyond belief.”",
         ["Ivar Holm Andersson"]),
        # an opening "When" clause ends at its comma, never at one inside a quotation
        ("Ivar Holm Andersson was sentenced on Monday. Rolf Lindqvist said the trial was fair."
         " When Andersson spoke he said; “I have seen hypocrisy, your humanity is selective.”",
         ["Ivar Holm Andersson"]),
    ],
)  # fmt: skip
def test_a_surname_alone_is_the_subject_a_pronoun_refers_to(tmp_path, text, expected):
    assert speakers(tmp_path, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after the cue, lower-case words of a description and then the name
        ("“Chess is life in miniature.” said the longtime world champion Garry Kasparov.",
         ["Garry Kasparov"]),
        ("“I saw smoke coming out of the tail,” said local farmer, Hashim Assafi who hid.",
         ["Hashim Assafi"]),
        # a description with a link word names its place, not a speaker
        ("“Think about your small bars,” said the co-owner of Brevik Harbour Bar.", [""]),
        # an article alone describes nobody: the title is capitalised, the name follows it
        ("“Just imagine it,” said the Tarnish Ambassador to Brevik, Olga Berg.", ["Olga Berg"]),
    ],
)  # fmt: skip
def test_a_description_of_lower_case_words_after_the_cue_then_the_name(tmp_path, text, expected):
    assert speakers(tmp_path, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the" and a title after a quote: the one person the document gave that title
        ("Judge Olga Berg ruled on Monday. “The statements were misleading,” the judge said.",
         ["Olga Berg"]),
        ("Olga Berg and Jo Holm spoke. “The statements were misleading,” the judge said.", [""]),
        ("Treasurer Olga Berg spoke. “The greatest threat is Labor,” said the treasurer.",
         ["Olga Berg"]),
    ],
)  # fmt: skip
def test_a_title_with_the_after_a_quote_names_the_person_so_titled(tmp_path, text, expected):
    assert speakers(tmp_path, text) == expected


def test_an_untitled_description_after_a_quote_keeps_its_cue_and_names_nobody(tmp_path):
    quotes = quotes_of(
        tmp_path, "Olga Berg and Jo Holm spoke. “It was misleading,” the judge said."
    )
    assert quotes[["cue", "speaker_text", "speaker_id", "speaker_name"]].values.tolist() == [
        ["said", "the judge", "", ""]
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quote opening its sentence, no cue: the person subject of the sentence before it
        ("Olga Berg also drew attention to the debt. “When we talk about debt we talk about jobs.”",
         ["Olga Berg"]),
        # across a paragraph only to a subject known as a person (a given name, an honorific)
        ("Berg Ltd also drew attention to the debt.\n\n“When we talk about debt we talk about jobs.”",
         [""]),
    ],
)  # fmt: skip
def test_a_cueless_quote_after_a_sentence_about_a_person_is_theirs(tmp_path, text, expected):
    assert speakers(tmp_path, text) == expected


@pytest.mark.parametrize(
    "text",
    ["Jo Holm, adviser to Olga Berg, the harbour chief said: “The quay will stay shut all year.”",
     "Jo Holm, adviser to Olga Berg, the harbour chief, said: “The quay will stay shut all year.”"],
)  # fmt: skip
def test_the_name_heading_an_apposition_with_an_apposition_inside_speaks(tmp_path, text):
    assert speakers(tmp_path, text) == ["Jo Holm"]


def test_a_hyphenated_title_before_the_name_after_a_quote(tmp_path):
    text = "“This ruling is wrong,” Harbour Party co-chairman Jo Holm told the Herald."
    assert speakers(tmp_path, text) == ["Jo Holm"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a description of a person that names nobody speaks for no one, not for the
        # speaker before it nor for a place it names
        ("Putin said the talks went well. “We had no lawyers there,” a Boston attorney said.",
         [""]),
        ("Putin said the talks went well. “We had none,” a local farmer said.", [""]),
        ("Putin said the talks went well. “We had none,” some residents said.", [""]),
        ("Putin said the talks went well. “We had none,” said a Moscow lawyer.", [""]),
        ("Trump said the talks went well. “We had none,” said one local farmer.", [""]),
        # a quote that closes its sentence is no one's the next sentence describes
        ("Putin said: “We had none.” The member states have called for calm.", ["putin"]),
        # a state's own agents still speak for it
        ("Trump said the talks went well. “We had none,” said a Moscow official.", ["russia"]),
        ("Trump said the talks went well. “We had none,” a Kremlin spokesman said.", ["russia"]),
    ],
)  # fmt: skip
def test_a_described_person_after_the_quote_names_nobody(tmp_path, text, expected):
    assert speakers(tmp_path, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a description, then the name in commas, then the cue: the name speaks
        ("“We had none,” a leading Kremlin aide, Vladimir Putin, told reporters.", ["putin"]),
        ("“We had none,” the Estonian premier, Kaja Kallas, said.", ["kallas"]),
        # a spaced hyphen closes a quote like a dash
        ("“We had none.” - Kaja Kallas, the premier.", ["kallas"]),
        # a pronoun subject before a verb and a colon, after an opening participle clause
        ("Kallas arrived. Speaking to a crowd in Tallinn, she shouted: “Down with fees!”",
         ["kallas"]),
    ],
)  # fmt: skip
def test_a_name_after_a_description_a_hyphen_and_a_pronoun_before_a_colon(tmp_path, text, expected):
    assert speakers(tmp_path, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two titles of one person joined by "and", before the name and after the cue
        ("“We stand firm on this,” deputy leader and finance spokesman Jo Holm said.",
         ["Jo Holm"]),
        ("“We stand firm on this,” said deputy leader and finance spokesman Jo Holm.",
         ["Jo Holm"]),
        ("“We stand firm on this,” the senior aide and chairman of the board Jo Holm said.",
         ["Jo Holm"]),
        # "and" before a determiner joins two people: the name is not the phrase's only one
        ("“We stand firm on this,” the minister and the mayor Jo Holm said.", [""]),
    ],
)  # fmt: skip
def test_titles_joined_by_and_before_a_name(tmp_path, text, expected):
    assert speakers(tmp_path, text) == expected


def test_a_pronoun_opening_the_sentence_speaks_after_went_on_to_say(tmp_path):
    text = "Kallas spoke first. She went on to say, “Europe stands firm.”"
    assert speakers(tmp_path, text) == ["kallas"]


def test_a_comma_between_the_cue_and_the_titled_name_after_it(tmp_path):
    text = "Trump spoke. “Nothing is perfect,” said, Russian President Vladimir Putin."
    assert speakers(tmp_path, text) == ["putin"]


def test_his_or_her_statement_speaks_for_the_person_the_pronoun_refers_to(tmp_path):
    text = "Kallas spoke in Tallinn. Her statement said that “Europe stands firm.”"
    assert speakers(tmp_path, text) == ["kallas"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anna Holm spoke in Brevik. Holm's statement said: “The quay is closed.”", ["Anna Holm"]),
        ("Kallas’s response was: “Europe stands firm.”", ["kallas"]),
        ("The Brevik Harbour Agency met. The agency’s statement said: “The quay is shut.”",
         ["Brevik Harbour Agency"]),
    ],
)  # fmt: skip
def test_a_named_owner_s_statement_speaks_for_its_owner(tmp_path, text, expected):
    assert speakers(tmp_path, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“The quay is closed,” said the Brevik Post's Anna Holm.", ["Anna Holm"]),
        ("Jo Holm spoke. “The quay is closed,” said Tarnland's Foreign Minister Ann Berg.",
         ["Ann Berg"]),
    ],
)  # fmt: skip
def test_a_name_after_an_outlet_s_possessive_is_the_speaker(tmp_path, text, expected):
    assert speakers(tmp_path, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quote that is its paragraph: the person subject ending the paragraph before
        ("Anna Holm spoke at length about the quay on Thursday.\n\n"
         "“As far as I know, the quay is safe. We checked it twice.”", ["Anna Holm"]),
        ("In a Monday address to dock workers, Kallas urged calm:\n\n"
         "“As far as I know, the quay is safe. We checked it twice.”", ["kallas"]),
        # a subject that may be a place, or narration after the quote: nobody
        ("The talks ended in South Korea on Thursday.\n\n"
         "“As far as I know, the quay is safe. We checked it twice.”", [""]),
        ("Anna Holm spoke at length about the quay on Thursday.\n\n"
         "“As far as I know, the quay is safe. We checked it twice.” Dock workers were"
         " not convinced.", [""]),
    ],
)  # fmt: skip
def test_a_quote_paragraph_after_a_paragraph_about_a_person(tmp_path, text, expected):
    assert speakers(tmp_path, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body or people named in lower case speak, not the person the sentence before names
        ("Police arrested Per Dahl on Monday. “He will be charged,” police said.", ["police"]),
        ("Police arrested Per Dahl on Monday. “He will be charged,” the police said.",
         ["the police"]),
        ("Police arrested Per Dahl on Monday. “He was shouting,” said witnesses.", ["witnesses"]),
    ],
)  # fmt: skip
def test_a_body_or_people_in_lower_case_after_a_quote_speak(tmp_path, text, expected):
    assert quotes_of(tmp_path, text)["speaker_text"].tolist() == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Brevik Harbour Agency issued a statement on Monday. The statement said: “The quay"
        " is closed.”",
        "The Brevik Harbour Agency issued a statement on Monday. “The quay is closed,” the"
        " statement said.",
    ],
)
def test_the_statement_speaks_for_the_one_who_issued_it(tmp_path, text):
    assert quotes_of(tmp_path, text)["speaker_name"].tolist() == ["Brevik Harbour Agency"]


def test_a_name_after_a_colon_closes_a_quote_opening_its_line(tmp_path):
    text = (
        "Reactions to the closure:\n\n* “We cannot wait any longer for repairs”: Anna Holm,"
        " harbour minister.\n\n* “It is a sad day for the town”: Per Dahl, mayor of Tarnby."
    )
    assert quotes_of(tmp_path, text)["speaker_name"].tolist() == ["Anna Holm", "Per Dahl"]


def test_a_cue_word_after_a_hyphen_cues_nothing(tmp_path):
    text = "The board approved the so-called “harbour levy” on Monday."
    assert quotes_of(tmp_path, text).empty  # a term, nobody's words


@pytest.mark.parametrize(
    "text",
    [
        "“The quay is unsafe,” read a statement issued by the Brevik Harbour Agency.",
        "A statement released by the Brevik Harbour Agency read: “The quay is unsafe.”",
    ],
)
def test_what_a_text_reads_is_its_issuers_words(tmp_path, text):
    assert quotes_of(tmp_path, text)["speaker_name"].tolist() == ["Brevik Harbour Agency"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anna Holm, 54, visited Tarnby. “The quay will close,” the 54-year-old said.",
         ["Anna Holm"]),
        # two people of that age: no guess
        ("Anna Holm, 54, met Ola Dahl (54). “The quay will close,” the 54-year-old said.", [""]),
    ],
)  # fmt: skip
def test_the_n_year_old_is_the_one_person_given_that_age(tmp_path, text, expected):
    assert quotes_of(tmp_path, text)["speaker_name"].tolist() == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # verbs of saying by their manner, and "repeated", "recounted"
        ("Talks ended.  “We will not give in to anyone,” Kaja Kallas quipped.", ["kallas"]),
        ("Kallas spoke to the crowd.  She repeated later, “Europe stands firm on this.”",
         ["kallas"]),
        ("Talks ended.  “Down with the fees now!” shouted Jo Holm.", ["Jo Holm"]),
        ("Talks ended.  “We are not done with this yet,” Jo Holm whispered.", ["Jo Holm"]),
    ],
)  # fmt: skip
def test_manner_of_speaking_verbs_cue_quotes(tmp_path, text, expected):
    assert speakers(tmp_path, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a possessed description, then the name in commas, then the cue: the name speaks
        ("Talks ended.  “We will appeal the ruling next week,” his lawyer, Ann Berg, told reporters.",
         ["Ann Berg"]),
        ("Talks ended.  “We will appeal the ruling next week,” Holm’s sister, Ann Berg, said.",
         ["Ann Berg"]),
    ],
)  # fmt: skip
def test_a_possessed_description_before_the_name(tmp_path, text, expected):
    assert speakers(tmp_path, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Brevik Harbour Committee met. The committee said: “The quay is safe.”",
        "The Brevik Harbour Committee met. “The quay is safe,” the committee said.",
    ],
)
def test_a_body_described_by_its_kind_is_the_body_named_before(tmp_path, text):
    assert speakers(tmp_path, text) == ["Brevik Harbour Committee"]


@pytest.mark.parametrize(
    "text",
    [
        "The ferry sank. “It is very hard for me,” Jo Holm, 38, of Tarnby, said.",
        "The ferry sank. “It is very hard for me,” Cpl. Jo Holm, 38, of Tarnby, Tarnland said.",
        "The ferry sank. “It is very hard for me,” Jo Holm, 38, said.",
    ],
)
def test_a_name_after_a_quote_with_an_apposition_of_several_parts(tmp_path, text):
    assert speakers(tmp_path, text) == ["Jo Holm"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ferry sank. Jo Holm who represents Tarnby said “I want it made clear.”", ["Jo Holm"]),
        ("The ferry sank. Jo Holm (Greens) who met Putin said “I want it made clear.”",
         ["Jo Holm"]),  # the actor in the relative clause is not the speaker
        ("The ferry sank. One of the men who met Putin said “I want it made clear.”", [""]),
    ],
)  # fmt: skip
def test_a_relative_clause_after_the_name_before_a_cue(tmp_path, text, expected):
    assert speakers(tmp_path, text) == expected


def test_the_name_after_a_described_speaker_after_the_cue(tmp_path):
    text = "The ferry sank. “It is safe,” said a spokesman for the Harbour Board, Jo Holm."
    assert speakers(tmp_path, text) == ["Jo Holm"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence quoted without the comma before its cue: the titled name still speaks
        ("The ferry sank. “We will rebuild the quay this year” harbour chief Jo Holm said.",
         ["Jo Holm"]),
        ("The ferry sank. “We will rebuild the quay this year” Bank of Brevik economist Jo Holm "
         "said.", ["Jo Holm"]),
    ],
)  # fmt: skip
def test_a_titled_name_after_a_quoted_sentence_without_a_comma(tmp_path, text, expected):
    assert speakers(tmp_path, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ferry sank. Jo Holm was told: “Nobody may pass this gate.”", [""]),  # the one told
        ("The ferry sank. Jo Holm was quoted as saying: “Nobody may pass.”", ["Jo Holm"]),
        ("The ferry sank. The plan was described by Jo Holm as “a waste of money”.", ["Jo Holm"]),
    ],
)  # fmt: skip
def test_a_passive_cue_before_a_quote_names_no_speaker_but_its_agent(tmp_path, text, expected):
    assert speakers(tmp_path, text) == expected


def test_a_progressive_cue_is_active(tmp_path):
    text = "The ferry sank. Jo Holm was calling on the board to “stand up and be counted at last”."
    assert speakers(tmp_path, text) == ["Jo Holm"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "reported" cues a quoted sentence right after it, in either order
        ("“The quay will close at noon,” the Brevik Post reported on Monday.", ["Brevik Post"]),
        ("“The quay will close at noon,” reported the Brevik Post.", ["Brevik Post"]),
        ("“The quay will close at noon.” Brevik Radio reported.", ["Brevik Radio"]),
        # before a quote it cues none: a scare quote stays the narrator's
        ("The Brevik Post reported “consternation” at the quay.", []),
        # nor after a word or two that end no sentence
        ("Jo Holm called it “a disgrace” the Brevik Post reported.", []),
    ],
)  # fmt: skip
def test_reported_cues_a_quoted_sentence_right_after_it(tmp_path, text, expected):
    quotes = quotes_of(tmp_path, text)
    direct = quotes[quotes["kind"] == "direct"]
    assert [a or n for a, n in zip(direct["speaker_id"], direct["speaker_name"], strict=True)] == (
        expected
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cue that opens the next quote ("X said, “...”") is not the one before's
        ("Anna Holm spoke first. “There was no light at the quay.” The Tarnby Post said, “Holm"
         " told us the ferry was slow.”", ["Anna Holm", "Tarnby Post"]),
        ("Anna Holm spoke first. “There was no light at the quay.” The Tarnby Post reported: "
         "“Holm told us the ferry was slow.”", ["Anna Holm", "Tarnby Post"]),
        # a quote ending in a comma is still the cue's
        ("“There was no light,” the Tarnby Post said, “and the ferry was slow.”",
         ["Tarnby Post", "Tarnby Post"]),
    ],
)  # fmt: skip
def test_a_cue_that_opens_the_next_quote_is_not_the_one_before_s(tmp_path, text, expected):
    assert speakers(tmp_path, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "X quoted Y, “...”": the one quoted speaks, not the one quoting
        ("Anna Berg spoke. The Brevik Times quoted Anna Holm, “The quay is closed for good.”",
         ["Anna Holm"]),
        ("Anna Berg spoke. The Brevik Times quotes Kallas: “The quay is closed for good.”",
         ["kallas"]),
        ("Anna Berg spoke. Kallas was quoted by the Brevik Times, “The quay is closed for good.”",
         ["kallas"]),
        ("Anna Berg spoke. The Brevik Times quoted Kallas as saying, “The quay is closed.”",
         ["kallas"]),
        ("Anna Berg spoke. The Brevik Times quotes Kallas saying, “The quay is closed.”",
         ["kallas"]),
        ("Anna Berg spoke. Kallas was quoted jokingly saying: “The quay is closed for good.”",
         ["kallas"]),
    ],
)  # fmt: skip
def test_the_one_quoted_speaks(tmp_path, text, expected):
    assert speakers(tmp_path, text) == expected


def test_a_connective_after_a_quote_is_no_speaker_with_an_apposition(tmp_path):
    """ "However, Berg said ..." opens a sentence of its own: "However" names no one."""
    text = ("“The quay is closed to all,” said harbour chief Anna Holm. “We checked it twice.”"
            " However, Berg said other ports would open.")  # fmt: skip
    assert speakers(tmp_path, text) == ["Anna Holm", "Anna Holm"]
