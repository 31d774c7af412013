"""Sentence boundaries on real seed sentences (and the cases the seeds lack)."""

from nltk.tokenize.punkt import PunktSentenceTokenizer

from actorlens.text.sentences import sentence_spans
from tests.conftest import sentence_of


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def test_untrained_punkt_splits_after_us_and_ours_does_not():
    text = "He met U.S. President Donald Trump on Tuesday."
    assert len(PunktSentenceTokenizer().tokenize(text)) == 2
    assert split(text) == [text]


def test_no_split_after_us_in_seed_000(seeds):
    sentence = sentence_of(seeds, "000", "would like to hold a summit")
    assert sentence == (
        "Putin said in televised remarks that he would like to hold a summit with "
        "U.S. President Donald Trump, “but it needs to be prepared so that it brings results.”"
    )


def test_no_split_after_gen(seeds):
    sentence = sentence_of(seeds, "000", "Gen. Keith Kellogg")
    assert sentence.startswith("The envoy, Gen. Keith Kellogg, said the United States")
    assert sentence.endswith("negotiated end to the war.")


def test_no_split_after_st(seeds):
    sentence = sentence_of(seeds, "001", "St. Petersburg")
    assert sentence == (
        'I rate them highly — there is a result," '
        "Putin said during a visit to a drone factory in St. Petersburg."
    )


def test_quote_closing_after_period_stays_with_its_sentence(seeds):
    sentences = seeds.sentences.query("doc_id == '000'")["text"].tolist()
    ends = [s for s in sentences if s.endswith("results.”")]
    assert len(ends) == 1
    assert not any(s.startswith("”") for s in sentences)


def test_attribution_after_closing_quote_is_not_split():
    text = "“We will get results.” Putin said on Wednesday. Talks resumed."
    assert split(text) == ["“We will get results.” Putin said on Wednesday.", "Talks resumed."]


def test_lowercase_continuation_after_quote_is_not_split():
    text = "“It is over.” said the minister. Then he left."
    assert split(text) == ["“It is over.” said the minister.", "Then he left."]


def test_no_split_after_mr_and_initials():
    text = "Mr. Smith met J. R. Tolkien and George W. Bush in Washington. They talked."
    assert split(text) == [
        "Mr. Smith met J. R. Tolkien and George W. Bush in Washington.",
        "They talked.",
    ]


def test_sentence_ending_in_us_does_split(seeds):
    sentence = sentence_of(seeds, "002", "every family in Europe")
    assert sentence.endswith("every family in Europe and the U.S.")


def test_sentences_never_cross_a_line_break(seeds):
    assert not seeds.sentences["text"].str.contains("\n").any()


def test_offsets_point_into_the_cleaned_text(seeds):
    texts = dict(zip(seeds.texts["doc_id"], seeds.texts["text"], strict=True))
    for row in seeds.sentences.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.text
