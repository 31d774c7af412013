"""One source for each word list: ``resources/lexicon.yml`` (reporting verbs with their
properties, name particles, honorifics, title words, abbreviations), read by
:mod:`actorlens.text.lexicon` and used by the sentence splitter, the mention scanner, the
direct-quote and the reported-speech rules. Each test names the rule the lexicon sets and
asserts what a stage does with it."""

import pytest

from actorlens.attribution import phrases, quotes, reported, speaker_name
from actorlens.attribution.extract import extract_attributions
from actorlens.corpus.actors import Actor
from actorlens.corpus.ingest import ingest_corpus
from actorlens.mentions.count import analyse
from actorlens.text import lexicon, sentences
from actorlens.text.lexicon import LexiconError, read_lexicon
from actorlens.text.names import CAPITALISED_NAME

ACTORS = [
    Actor("lavrov", "Sergei Lavrov", "person", "russia", "he", names=("Sergei Lavrov", "Lavrov")),
    Actor("russia", "Russia", "state", names=("Russia",)),
]
COLUMNS = ["kind", "text", "speaker_id", "speaker_name", "speaker_text", "cue"]


def attributions_of(tmp_path, text: str) -> list[tuple]:
    """(kind, text, speaker_id, speaker_name, speaker_text, cue) of each attribution."""
    (tmp_path / "001.txt").write_text("Title line\n\n" + text + "\n", encoding="utf-8")
    corpus = ingest_corpus(tmp_path)
    found = analyse(corpus, ACTORS)
    table = extract_attributions(corpus.texts, corpus.sentences, found.mentions, found.actors)
    return [tuple(row) for row in table[COLUMNS].itertuples(index=False)]


def sentence_texts(text: str) -> list[str]:
    return [text[start:end] for start, end in sentences.sentence_spans(text)]


# The verbs: what each cues, read by every stage from the one entry


def test_confirmed_and_asserted_cue_a_quote_as_well_as_reported_speech(tmp_path):
    assert reported.CUES["confirmed"] == "that" and reported.CUES["asserted"] == "say"
    assert attributions_of(tmp_path, "“We are leaving,” the ministry confirmed.") == [
        ("direct", "“We are leaving,”", "", "", "the ministry", "confirmed")
    ]
    assert attributions_of(tmp_path, "“The army will stay,” Anna Smith asserted.") == [
        ("direct", "“The army will stay,”", "", "Anna Smith", "Anna Smith", "asserted")
    ]


def test_every_form_of_a_quote_verb_cues_a_quote(tmp_path):
    """ "vows" as well as "vowed": the forms are listed once, for every stage."""
    assert attributions_of(tmp_path, "“We will win,” Lavrov vows.") == [
        ("direct", "“We will win,”", "lavrov", "", "Lavrov", "vows")
    ]


def test_reported_is_a_reported_speech_cue_but_no_quote_cue():
    assert reported.CUES["reported"] == "that"
    assert quotes.CUE_WORD.search("the BBC reported") is None
    assert quotes.CUE_WORD.search("the BBC said").group() == "said"


def test_a_participle_after_a_comma_is_reported_speech_of_the_subject(tmp_path):
    """ ", adding that ...": the participle is a cue of its own, spoken by the subject."""
    assert attributions_of(tmp_path, "Lavrov said the talks were useful, adding that Russia wants more.") == [
        ("reported", "the talks were useful", "lavrov", "", "Lavrov", "said"),
        ("reported", "Russia wants more", "lavrov", "", "", "adding"),
    ]  # fmt: skip


def cue_word(form: str) -> bool:
    """Whether the reported-speech pattern finds ``form``: a base form before "that", a
    naming verb before its object and name ("called Holm a “liar”"), any other form alone."""
    after = {"that": " that he", "name": " Holm a “liar”"}.get(lexicon.CLAUSE_CUES[form], "")
    if form not in lexicon.BASE_CUES and lexicon.CLAUSE_CUES[form] != "name":
        after = ""
    found = reported.CUE_WORD.match(form + after)
    return bool(found) and found.group() == form


def test_one_participle_set_for_quotes_and_reported_speech():
    assert {
        "saying", "adding", "stating", "writing", "noting", "explaining", "declaring",
        "claiming", "insisting", "arguing", "stressing", "warning", "telling", "accusing",
        "describing", "urging", "asking", "calling", "asserting", "predicting", "confirming",
        "promising", "commenting",
    } == lexicon.QUOTE_PARTICIPLES  # fmt: skip
    assert lexicon.QUOTE_PARTICIPLES | {"demanding", "alleging", "reporting", "implying"} == (
        lexicon.CLAUSE_PARTICIPLES
    )
    assert all(cue_word(word) for word in lexicon.CLAUSE_PARTICIPLES)


def test_an_inverted_verb_closes_reported_speech_in_the_present_too(tmp_path):
    assert attributions_of(tmp_path, "The talks will resume next week, adds Lavrov.") == [
        ("reported", "The talks will resume next week", "lavrov", "", "Lavrov", "adds")
    ]


def test_each_clause_kind_takes_what_the_lexicon_says():
    assert {word: reported.CUES[word] for word in
            ("said", "announced", "told", "vowed", "accused", "blamed", "described", "urged",
             "called on")} == {
        "said": "say", "announced": "that", "told": "told", "vowed": "intend", "accused": "of",
        "blamed": "for", "described": "as", "urged": "to", "called on": "to",
    }  # fmt: skip
    assert set(reported.EVALUATE_OBJECT) == {"of", "for", "as", "to"}


def test_every_cue_of_the_lexicon_is_in_its_stage_pattern():
    assert all(quotes.CUE_WORD.fullmatch(form) for form in lexicon.QUOTE_CUES)
    assert quotes.CUE_WORD.fullmatch("was quoted as saying")
    assert all(cue_word(form) for form in lexicon.CLAUSE_CUES)
    assert all(sentences.ATTRIBUTION_START.fullmatch(f"Putin {form}")
               for form in lexicon.AFTER_QUOTE_CUES)  # fmt: skip


# The sentence splitter: the after-quote forms, the abbreviations


def test_an_after_quote_form_keeps_the_attribution_with_its_quote():
    assert sentence_texts("“We will win.” Putin said. He left.") == [
        "“We will win.” Putin said.",
        "He left.",
    ]
    assert sentence_texts("“We will win.” Lavrov insisted.") == ["“We will win.” Lavrov insisted."]


def test_a_plural_or_noun_form_after_a_quote_starts_a_new_sentence():
    """ "say" and "claims" are quote cues, but after a closing quote they usually open the
    next statement ("“...” Critics say that ...")."""
    assert sentence_texts("“You don’t like the answer.” Critics say that prices rise.") == [
        "“You don’t like the answer.”",
        "Critics say that prices rise.",
    ]
    assert sentence_texts("“It is over.” He claims support for a change.") == [
        "“It is over.”",
        "He claims support for a change.",
    ]


def test_the_splitter_reads_every_abbreviation_of_the_lexicon():
    assert sentences.punkt()._params.abbrev_types == set(lexicon.ABBREVIATIONS)
    assert {"gen", "u.s", "jr", "calif", "sept"} <= lexicon.ABBREVIATIONS
    assert sentences.punkt()._params.sent_starters == set(lexicon.SENTENCE_STARTERS)
    assert {"the", "on", "no"} <= lexicon.SENTENCE_STARTERS


# Names: particles, titles, honorifics


@pytest.mark.parametrize("particle", lexicon.NAME_PARTICLES)
def test_every_name_particle_joins_a_name_for_every_stage(particle):
    names = [m.group() for m in CAPITALISED_NAME.finditer(f"Talks with Anna {particle} Smith.")]
    assert names == ["Talks", f"Anna {particle} Smith"]
    joined = [m.group() for m in CAPITALISED_NAME.finditer(f"Talks with Ali {particle}-Smith.")]
    assert joined == ["Talks", f"Ali {particle}-Smith"]
    assert speaker_name.name_of(f"Anna {particle} Smith") == f"Anna {particle} Smith"
    assert speaker_name.name_of(f"Ali {particle}-Smith") == f"Ali {particle}-Smith"
    assert phrases.NAME_PARTICLE.match(f"{particle}-Smith")


def test_names_with_the_particles_one_stage_lacked():
    assert [m.group() for m in CAPITALISED_NAME.finditer("in Fond du Lac and Iqlion el Tufah")] == [
        "Fond du Lac",
        "Iqlion el Tufah",
    ]
    assert speaker_name.name_of("President Abdel Fattah el-Sisi") == "Abdel Fattah el-Sisi"


def test_every_honorific_and_abbreviated_title_is_a_title_word():
    assert speaker_name.name_of("The Rev. Jesse Jackson") == "Jesse Jackson"
    assert speaker_name.name_of("Army Brig. Michael Slater") == "Michael Slater"
    assert speaker_name.name_of("Empress Michiko") == "Michiko"
    for words in lexicon.LEXICON.honorifics.values():
        assert set(words) <= lexicon.TITLE_WORDS
    assert set(lexicon.LEXICON.abbreviations["titles"]) <= lexicon.TITLE_WORDS


def test_an_abbreviated_title_or_suffix_stays_in_the_speaker_phrase(tmp_path):
    assert attributions_of(tmp_path, "“We hold the line,” said Maj. Gen. William Caldwell.") == [
        ("direct", "“We hold the line,”", "", "William Caldwell", "Maj. Gen. William Caldwell",
         "said")
    ]  # fmt: skip
    assert attributions_of(tmp_path, "“We agree,” said Robert L. Ehrlich Jr. on Monday.") == [
        ("direct", "“We agree,”", "", "Robert L. Ehrlich Jr.", "Robert L. Ehrlich Jr.", "said")
    ]


def test_honorifics_and_gendered_nouns_tell_the_pronoun():
    assert phrases.pronoun_cue("Madame Lagarde") == "she"
    assert phrases.pronoun_cue("Mr. Smith") == "he"
    assert phrases.pronoun_cue("the spokeswoman") == "she"
    assert phrases.pronoun_cue("Dr. Smith") == ""
    assert phrases.pronoun_cue("Lord and Lady Smith") == ""


# The file: checked as it is read


def write(tmp_path, text: str):
    path = tmp_path / "lexicon.yml"
    path.write_text(text, encoding="utf-8")
    return path


SHIPPED = lexicon.LEXICON_FILE.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("  say: {forms: [said, says, say],", "  say: {forms: [said, says, say], tense: past,",
         "reporting_verbs: say: expected forms and only"),
        ("clause: intend}", "clause: hope}", "clause must be one of"),
        ("after_quote: [said, says]", "after_quote: [said, saith]", "not one of its forms"),
        ("quote: true, passive: true", "quote: yes please, passive: true", "true or false"),
        ('numbering: ["no", nos', "numbering: [no, nos", "abbreviations: numbering: expected a list"),
        ("  places: [st, mt, ft]\n", "", "abbreviations: expected a mapping of word lists"),
        ("\n  unknown: [dr, mx, prof, rev]", "\n  they: [dr, mx, prof, rev]", "honorifics: expected a mapping"),
        ("name_particles: [", "particles: [", "expected the sections"),
        ('In, "On", At', "In, On, At", "not_names: expected a list"),
        ('in, "on", at', "in, on, at", "sentence_starters: expected a list"),
        ('In, "On", During', "In, On, During", "speaker_words: clause_openers: expected a list"),
        ("  coordinators: [and, but, or, then, so]\n", "", "speaker_words: expected a mapping"),
    ],
)  # fmt: skip
def test_a_malformed_lexicon_names_the_entry(tmp_path, old, new, message):
    assert old in SHIPPED
    with pytest.raises(LexiconError, match=message):
        read_lexicon(write(tmp_path, SHIPPED.replace(old, new, 1)))


def test_the_shipped_lexicon_reads_as_loaded():
    assert read_lexicon() == lexicon.LEXICON
    verbs = {verb.lemma: verb for verb in lexicon.LEXICON.verbs}
    assert verbs["say"] == lexicon.ReportingVerb(
        "say", ("said", "says", "say"), "saying", quote=True, clause="say", inverted=True,
        after_quote=("said", "says"), hearsay=True,
    )  # fmt: skip
    assert verbs["quote"].passive and "quoted" not in lexicon.QUOTE_CUES
    assert set(lexicon.AFTER_QUOTE_CUES) <= set(lexicon.QUOTE_CUES)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Jo Holm Jr.", "Jo Holm Jr."),  # an abbreviated suffix keeps its point
        ("the U.N.", "U.N."),  # so does an initialism
        ("Jo Holm.", "Jo Holm"),  # a sentence's point is no part of a name
        ("Holm Shipping Inc.", "Holm Shipping Inc."),
    ],
)
def test_a_name_keeps_the_point_of_its_abbreviation_only(phrase, expected):
    assert speaker_name.name_of(phrase) == expected
