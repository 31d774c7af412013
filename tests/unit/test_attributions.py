"""Attributions: direct quotes and reported speech, every speaker (listed or not), the
kinds, and the evaluation command; each construction on a sentence written for it."""

import json

import pandas as pd
import pytest

from actorlens import cli
from actorlens.attribution.extract import extract_attributions, voiced
from actorlens.corpus.actors import Actor
from actorlens.corpus.ingest import ingest_corpus
from actorlens.mentions.count import analyse

ACTORS = [
    Actor("smith", "Anna Smith", "person", pronoun="she", names=("Anna Smith", "Smith")),
    Actor("jones", "Carl Jones", "person", pronoun="he", names=("Carl Jones", "Jones")),
    Actor("acme", "Acme", "organisation", names=("Acme",)),
    Actor("ruritania", "Ruritania", "state", names=("Ruritania",)),
]  # fmt: skip


def attributions_of(tmp_path, text: str):
    (tmp_path / "001.txt").write_text("Title line\n\n" + text + "\n", encoding="utf-8")
    corpus = ingest_corpus(tmp_path)
    found = analyse(corpus, ACTORS)
    return extract_attributions(corpus.texts, corpus.sentences, found.mentions, found.actors)


def only(table, kind=None):
    rows = table if kind is None else table[table["kind"] == kind]
    assert len(rows) == 1, rows[["kind", "text", "speaker_id", "speaker_name"]]
    return rows.iloc[0]


@pytest.mark.parametrize(
    ("text", "speaker_id", "speaker_name"),
    [
        ('"The budget is balanced," Ms. Smith said.', "smith", ""),
        ('"The budget is balanced," said Rep. Smith.', "smith", ""),
        ('"Rates will stay low," Janet L. Yellen said.', "", "Janet L. Yellen"),
        ('"We expect growth," Miller, chief strategist at Acme, said.', "", "Miller"),
        ('"We will win the state," campaign chairman Miller told reporters.', "", "Miller"),
        ('"We will win the state," a smiling Miller said.', "", "Miller"),
        (
            'Carl Jones spoke in London. He told the radio station: "The plan has failed."',
            "jones",
            "",
        ),
        ('Mr Jones branded the decision unacceptable, saying: "It is a disgrace."', "jones", ""),
        ('Trade minister Olga Berg: "Exports rose by a tenth."', "", "Olga Berg"),
    ],
)
def test_direct_quote_speakers(tmp_path, text, speaker_id, speaker_name):
    row = only(attributions_of(tmp_path, text), "direct")
    assert (row["speaker_id"], row["speaker_name"]) == (speaker_id, speaker_name)


@pytest.mark.parametrize(
    ("text", "content", "cue", "speaker_id", "speaker_name"),
    [
        ("Smith said on Thursday that the talks would resume in March.",
         "the talks would resume in March", "said", "smith", ""),
        ("Smith said the talks would resume in March.",
         "the talks would resume in March", "said", "smith", ""),
        ("Jones told reporters that the deal was dead.", "the deal was dead", "told", "jones", ""),
        ("According to Acme, sales fell by a fifth last year.",
         "sales fell by a fifth last year", "according to", "acme", ""),
        ("Sales fell by a fifth last year, according to Acme.",
         "Sales fell by a fifth last year", "according to", "acme", ""),
        ("The border will stay closed until May, Jones said.",
         "The border will stay closed until May", "said", "jones", ""),
        ("Smith warned that the bridge could collapse.", "the bridge could collapse", "warned",
         "smith", ""),
        ("Jones accused the mayor of hiding the report.", "the mayor of hiding the report",
         "accused", "jones", ""),
        ("Smith has described the plan as a betrayal of the farmers.",
         "the plan as a betrayal of the farmers", "described", "smith", ""),
        ("Finance minister Olga Berg said the currency would float freely.",
         "the currency would float freely", "said", "", "Olga Berg"),
        ("Police said three men had been arrested near the port.",
         "three men had been arrested near the port", "said", "", ""),
    ],
)  # fmt: skip
def test_reported_speech(tmp_path, text, content, cue, speaker_id, speaker_name):
    row = only(attributions_of(tmp_path, text), "reported")
    assert (row["text"], row["cue"]) == (content, cue)
    assert (row["speaker_id"], row["speaker_name"]) == (speaker_id, speaker_name)


def test_negation_of_the_cue_is_kept(tmp_path):
    row = only(attributions_of(tmp_path, "Smith did not say the factory would close."), "reported")
    assert row["negated"] and row["text"] == "the factory would close"


def test_a_noun_object_is_not_reported_speech(tmp_path):
    assert attributions_of(tmp_path, "Smith announced her resignation on Monday.").empty


def test_a_reported_clause_with_a_partial_quote_is_mixed(tmp_path):
    table = attributions_of(tmp_path, 'Jones said the new law was "a disaster for farmers".')
    row = only(table)  # the partial quote belongs to the clause
    assert (row["kind"], row["speaker_id"]) == ("mixed", "jones")
    assert row["text"] == 'the new law was "a disaster for farmers"'


def test_a_pronoun_takes_the_speaker_of_its_gender(tmp_path):
    text = ("Anna Smith met Carl Jones in Paris on Monday. "
            "She said the meeting had been useful. He said it had achieved nothing.")  # fmt: skip
    table = attributions_of(tmp_path, text)
    assert table["speaker_id"].tolist() == ["smith", "jones"]


def test_a_continuation_stops_at_a_named_non_actor(tmp_path):
    text = ('"We are ready," Smith said. "We have the money."\n\n'
            'Olga Berg, a banker, disagreed: "They have nothing."\n\n"Nothing at all."')  # fmt: skip
    table = attributions_of(tmp_path, text)
    assert table["speaker_id"].tolist() == ["smith", "smith", "", ""]
    assert table["speaker_name"].tolist()[2:] == ["Olga Berg", "Olga Berg"]


def test_speech_picks_the_kinds_that_count_as_voice(tmp_path):
    table = attributions_of(tmp_path, '"We are ready," Smith said. Jones said the plan was dead.')
    assert voiced(table, "direct")["speaker_id"].tolist() == ["smith"]
    assert voiced(table, "reported")["speaker_id"].tolist() == ["jones"]
    assert voiced(table, "both")["speaker_id"].tolist() == ["smith", "jones"]
    with pytest.raises(ValueError, match="speech must be one of"):
        voiced(table, "tweets")


def test_evaluate_attribution_command(tmp_path, capsys):
    folder = tmp_path / "docs"
    folder.mkdir()
    text = ("Title\n\nSmith said the talks would resume in March. "
            '"We are ready," Jones said. The weather was fine, Berg said. '
            "Castle Hill said the border was open.\n")  # fmt: skip
    (folder / "001.txt").write_text(text, encoding="utf-8")
    actors = tmp_path / "actors.yml"
    actors.write_text("actors:\n  - {id: smith, label: Anna Smith, type: person, names: [Smith]}\n"
                      "  - {id: jones, label: Carl Jones, type: person, names: [Jones]}\n"
                      "  - {id: ruritania, label: Ruritania, type: state, names: [Ruritania],"
                      " metonyms: [Castle Hill]}\n", encoding="utf-8")  # fmt: skip

    def label(kind, content, source, speaker):
        start, at = text.index(content), text.index(source)
        return {"doc_id": "001", "kind": kind, "content": content, "content_start": start,
                "content_end": start + len(content), "cue": "said", "cue_start": -1,
                "cue_end": -1, "source": source, "source_start": at,
                "source_end": at + len(source), "speaker": speaker, "negated": False}  # fmt: skip

    labels = [label("reported", "the talks would resume in March", "Smith", "Anna Smith"),
              label("direct", "We are ready,", "Jones", "Carl Jones"),
              label("reported", "The weather was fine", "Berg", "Olga Berg"),
              label("reported", "the border was open", "Castle Hill", "Castle Hill")]  # fmt: skip
    path = tmp_path / "labels.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in labels), encoding="utf-8")
    argv = ["evaluate-attribution", str(path), "--corpus", str(folder), "--actors", str(actors)]
    assert cli.main(argv) == 0
    lines = {line.split()[0]: line.split() for line in capsys.readouterr().out.splitlines()[1:]}
    # every attribution found; the unlisted "Berg" is named, and "Olga Berg" ends the same;
    # the metonym "Castle Hill" speaks as Ruritania, which answers to it
    assert lines["all"][1:6] == ["4", "4", "1.0", "1.0", "1.0"]
    assert lines["all"][6] == "1.0"
    assert cli.main(["evaluate-attribution", str(tmp_path / "missing.jsonl")]) == 2


@pytest.mark.parametrize(
    ("text", "speaker_name"),
    [
        ("The riot began at Marlow Prison on Friday. He said the cells were full.", ""),
        ("Olga Berg visited the Kestrel Foundation. She said the money had gone.", "Olga Berg"),
        ("Kestrel Foundation chief Olga Berg said the money had gone.", "Olga Berg"),
        ("Shadow Home Secretary Piet Vale said the bill was flawed.", "Piet Vale"),
        ("Labour MP Piet Vale said the bill was flawed.", "Piet Vale"),
        ("Piet Vale spoke first.\n\nThe vote was close.\n\nNobody left.\n\n"
         "Mr Vale said the bill was flawed.", "Piet Vale"),
        ("Hannah May led the campaign. May said the bill was flawed.", "Hannah May"),
        # a place run into a name, which the text also names alone, is cut at the given name
        ("Tarnland cut its budget. Tarnland Olga Berg said the money had gone.", "Olga Berg"),
        ("Mary Ann Berg said the money had gone.", "Mary Ann Berg"),
        ("Daryle Lamont Berg said the money had gone.", "Daryle Lamont Berg"),
        # a title word as a surname, after a given name or an honorific
        ("Foreign Minister Julie Bishop spoke. Ms Bishop said the bill was flawed.",
         "Julie Bishop"),
        ("Mr Major said the bill was flawed.", "Major"),
        ("Mr President said the bill was flawed.", ""),
    ],
)  # fmt: skip
def test_speakers_are_persons_in_their_fullest_name(tmp_path, text, speaker_name):
    row = attributions_of(tmp_path, text).iloc[-1]
    assert (row["speaker_id"], row["speaker_name"]) == ("", speaker_name)


def test_labels_align_to_the_occurrence_nearest_their_offset():
    """Ingestion dropped 6 characters before the body: every span moves by the same
    amount, and a short source that occurs twice lands on its own occurrence."""
    from actorlens.evaluation.attribution import align

    labelled = "TITLE\n" + "He said the port was shut. Later he said the port was open."
    ingested = labelled[6:]
    rows = [{"doc_id": "001", "content": content, "content_start": labelled.index(content),
             "source": "he", "source_start": labelled.index("he said the port was open")}
            for content in ("the port was open",)]  # fmt: skip
    aligned = align(pd.DataFrame(rows), {"001": ingested})
    assert aligned.loc[0, ["start", "source_at"]].tolist() == [
        ingested.index("the port was open"),
        ingested.index("he said the port was open"),
    ]


@pytest.mark.parametrize(
    ("gold", "names", "same"),
    [
        ("Hugo Chávez", ["Chavez"], True),  # accents differ between label and text
        ("José Pérez", ["Jose Perez"], True),
        ("Hugo Chávez", ["Chavetz"], False),
        ("Ana Lopez", ["Pedro Lopez"], True),  # the same last word, as before
        ("unnamed", [""], True),
    ],
)  # fmt: skip
def test_a_speaker_matches_its_label_whatever_the_accents(gold, names, same):
    from actorlens.evaluation.attribution import same_speaker

    assert same_speaker(gold, names) is same


@pytest.mark.parametrize(
    ("text", "kind", "quoted"),
    [
        # the narrator's words and a quotation in one clause, its cue after it: mixed
        ('The harbour plan was "a waste of public money," Smith said.', "mixed",
         'The harbour plan was "a waste of public money,"'),
        # an opening phrase with its comma is the narrator's: the quote alone is direct
        ('In a calm tone, "things could return to normal," Smith said.', "direct",
         "things could return to normal,"),
        # the quotation is the whole clause, or its cue comes first: direct
        ('"The harbour plan is a waste of public money," Smith said.', "direct",
         "The harbour plan is a waste of public money,"),
        ('Smith said: "The harbour plan is a waste of public money."', "direct",
         "The harbour plan is a waste of public money."),
        ('Asked about it, Smith said "the plan is a waste of public money."', "direct",
         'the plan is a waste of public money.'),
    ],
)  # fmt: skip
def test_a_clause_closing_in_a_quotation_before_its_cue_is_mixed(tmp_path, text, kind, quoted):
    row = only(attributions_of(tmp_path, text))
    assert (row["kind"], row["text"].strip('"'), row["speaker_id"]) == (
        kind,
        quoted.strip('"'),
        "smith",
    )


@pytest.mark.parametrize(
    "text",
    ["Smith's critics said the plan had failed.", "Supporters of Smith said the plan had failed.",
     "Ruritanian lumber producers said the plan had failed."],
)  # fmt: skip
def test_people_an_actor_describes_do_not_speak_for_it(tmp_path, text):
    row = only(attributions_of(tmp_path, text))
    assert (row["kind"], row["speaker_id"], row["speaker_name"]) == ("reported", "", "")
