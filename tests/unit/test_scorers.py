"""Portrayal scorers: the news lexicon, target-aware scoring, scores that never depend
on the batch, one pass for every scorer, the quotes' tone; their evaluation (validation table, the CLI)."""

import json

import numpy as np
import pandas as pd
import pytest

from actorlens import cli
from actorlens.evaluation import validation
from actorlens.evaluation.validation import validation_table
from actorlens.scoring.minilm import MiniLM
from actorlens.scoring.scorers import (
    NEUTRAL_BAND,
    LexiconError,
    ScoredOnce,
    SentenceVader,
    TargetVader,
    load_lexicon,
    make_scorer,
    neutral_band,
    quote_tones,
)


def write_lexicon(tmp_path, body: str):
    path = tmp_path / "lexicon.yml"
    path.write_text(body, encoding="utf-8")
    return path


def test_shipped_lexicon_gives_every_entry_a_reason():
    lexicon = load_lexicon()
    assert lexicon["war"] == 0.0
    assert lexicon["dictator"] == -2.5
    assert lexicon["no"] == 0.0  # quoted in the file: YAML would read it as false


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            'entries:\n  - {word: "war", value: 0.0}\n',
            "entry #1: expected exactly word, value and reason",
        ),
        ('entries:\n  - {word: "war", value: 9, reason: "x"}\n', "entry #1 (war): value must be"),
        ('entries:\n  - {word: no, value: 0, reason: "x"}\n', "entry #1: word must be one token"),
        (
            'entries:\n  - {word: "a b", value: 0, reason: "x"}\n',
            "entry #1: word must be one token",
        ),
        (
            'entries:\n  - {word: "war", value: 0, reason: ""}\n',
            "entry #1 (war): a reason is required",
        ),
        ("entries: [unclosed\n", "cannot read the lexicon"),
        ("words: []\n", "expected a list under 'entries:'"),
    ],
)
def test_malformed_lexicon_is_named(tmp_path, body, message):
    with pytest.raises(LexiconError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_lexicon(write_lexicon(tmp_path, body))


def score(scorer, sentence: str, target: str) -> float:
    start = sentence.index(target)
    return float(scorer.score([sentence], [start], [start + len(target)])[0])


def test_topic_words_do_not_judge_the_actor():
    sentence = "Russia's war in Ukraine killed thousands in the crisis."
    assert score(TargetVader(), sentence, "Russia") == 0.0
    assert score(SentenceVader(), sentence, "Russia") < -0.5


def test_judging_words_do():
    assert score(TargetVader(), "Trump called Zelenskyy a dictator.", "Zelenskyy") < -0.5


def test_clause_keeps_judgements_with_their_target():
    sentence = "Critics said Putin is a liar, but Macron is admirable and wise."
    scorer = TargetVader()
    assert score(scorer, sentence, "Putin") < 0 < score(scorer, sentence, "Macron")


def test_context_is_the_clause_cut_to_the_window():
    sentence = "One two three four Putin five six seven; eight nine."
    start = sentence.index("Putin")
    first, last = TargetVader(window=2).context(sentence, start, start + 5)
    assert sentence[first:last] == "three four Putin five six"
    first, last = TargetVader(window=20).context(sentence, start, start + 5)
    assert sentence[first:last] == "One two three four Putin five six seven"


def test_actor_names_are_neutral_words():
    sentence = "Justice Minister Hope spoke on Monday."
    assert score(TargetVader(neutral_words={"Hope", "Justice"}), sentence, "Hope") == 0.0


def test_evaluate_sentiment_command(tmp_path, capsys):
    records = [
        ("I love the wonderful Anna.", "Anna", 6.0),
        ("Anna is terrible and awful.", "Anna", 2.0),
        ("Anna sat in the room.", "Anna", 4.0),
    ]
    path = tmp_path / "labelled.jsonl"
    path.write_text("".join(
        json.dumps({"sentence_normalized": s, "targets": [
            {"from": s.index(t), "to": s.index(t) + len(t), "mention": t, "polarity": p}]}) + "\n"
        for s, t, p in records
    ))  # fmt: skip
    assert cli.main(["evaluate-sentiment", str(path), "--scorer", "sentence_vader"]) == 0
    out = capsys.readouterr().out
    assert "sentence_vader: n=3 macro-F1=1.0000 accuracy=1.0000" in out


def test_evaluate_sentiment_names_a_bad_file(tmp_path, capsys):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "no targets here"}\n')
    assert cli.main(["evaluate-sentiment", str(path)]) == 2
    assert "not in the NewsMTSC format" in capsys.readouterr().err
    assert cli.main(["evaluate-sentiment", str(tmp_path / "missing.jsonl")]) == 2


@pytest.mark.parametrize("name", ["trained", "vader", "sentence_vader"])
def test_one_pass_gives_the_scorers_own_scores_and_labels(name):
    sentences = ["Critics said Putin is a liar.", "Macron praised the excellent plan.",
                 "Scholz met Rutte on Monday."]  # fmt: skip
    starts = [s.index(n) for s, n in zip(sentences, ["Putin", "Macron", "Scholz"], strict=True)]
    ends = [a + len(n) for a, n in zip(starts, ["Putin", "Macron", "Scholz"], strict=True)]
    scorer = make_scorer(name)
    scores, labels = ScoredOnce({name: scorer}, sentences, starts, ends).part(np.arange(3))[name]
    assert np.allclose(scores, scorer.score(sentences, starts, ends))
    assert labels == scorer.predict(sentences, starts, ends)


def test_a_part_of_one_pass_is_scored_as_if_alone():
    """A mention's score is the same scored with others as alone."""
    sentences = ["Critics said Putin is a liar.", "Macron praised the excellent plan.",
                 "Scholz met Rutte on Monday.", "Rutte condemned the brutal attack."]  # fmt: skip
    names = ["Putin", "Macron", "Scholz", "Rutte"]
    starts = [s.index(n) for s, n in zip(sentences, names, strict=True)]
    ends = [a + len(n) for a, n in zip(starts, names, strict=True)]
    scorers = {n: make_scorer(n) for n in ("trained", "vader")}
    once = ScoredOnce(scorers, sentences, starts, ends)
    assert len(once.proba) == 1
    part = once.part(np.array([1, 3]))
    for name, scorer in scorers.items():
        alone = [sentences[1], sentences[3]], [starts[1], starts[3]], [ends[1], ends[3]]
        assert np.allclose(part[name][0], scorer.score(*alone))
        assert part[name][1] == scorer.predict(*alone)


def test_validation_table_counts_agreement_per_corpus():
    labelled = pd.DataFrame(
        {
            "corpus": ["a", "a", "b", "b"],
            "doc_id": ["1", "1", "2", "3"],
            "target": ["Smith"] * 4,
            "sentence": [
                "Smith is a wonderful, brilliant leader.",
                "Smith is a horrible liar.",
                "Smith met Jones on Monday.",
                "Smith is a horrible liar.",
            ],  # fmt: skip
            "sent_start": [0, 0, 0, 0],
            "sent_end": [5, 5, 5, 5],
            "label": [1, -1, 0, 1],  # the last label disagrees with every scorer
        }
    )
    table = validation_table(labelled, {"sentence_vader": SentenceVader()})
    rows = table.set_index("corpus")
    assert rows.loc["all", ["n", "n_polar"]].tolist() == [4, 3]
    assert rows.loc["all", "sign_accuracy"] == pytest.approx(0.667)
    assert rows.loc["a", "sign_accuracy"] == 1.0 and rows.loc["a", "spearman"] == 1.0
    assert np.isnan(rows.loc["a", "neutral_kept"])  # no neutral label to keep
    assert rows.loc["b", ["n_polar", "sign_accuracy", "neutral_kept"]].tolist() == [1, 0.0, 1.0]
    # cells: doc 1 (labels +1 and -1, mean 0), docs 2 and 3 (one label each)
    scores = SentenceVader().score(
        labelled["sentence"], labelled["sent_start"], labelled["sent_end"]
    )
    expected = np.mean([abs(scores[:2].mean()), abs(scores[2]), abs(scores[3] - 1)])
    assert rows.loc["all", "n_cells"] == 3
    assert rows.loc["all", "cell_error"] == round(expected, 3)


def test_quote_tone_is_vader_of_the_words_inside_the_marks():
    table = pd.DataFrame({"text": ["“We are very happy.”", '"This is a terrible, awful plan."']})
    vader = make_scorer("vader")
    tones = quote_tones(table, vader)
    expected = [vader.analyzer.polarity_scores(t)["compound"]
                for t in ("We are very happy.", "This is a terrible, awful plan.")]  # fmt: skip
    assert tones.tolist() == [round(e, 4) for e in expected]
    assert tones[0] > 0.5 and tones[1] < -0.5


@pytest.mark.parametrize(
    "text",
    ["The US said it would attend.", "The EU and the UK met.", "Most Americans voted.",
     "The KREMLIN spoke."],
)  # fmt: skip
def test_names_carry_no_tone(text):
    vader = TargetVader(neutral_words=["US", "EU", "UK", "Americans", "Kremlin"])
    assert vader.text_score([text]).tolist() == [0.0]
    start = text.index(text.split()[1])
    assert vader.score([text], [start], [start + len(text.split()[1])]).tolist() == [0.0]


def test_a_neutral_lexicon_word_in_capitals_stays_neutral():
    # "war" is neutral in the news lexicon; in capitals it must not turn negative
    assert TargetVader().text_score(["The WAR went on."]).tolist() == [0.0]


def test_levels_on_the_dev_split_of_the_second_labelled_set():
    table = validation.portrayal_levels("dev").set_index(["corpus", "scorer"])
    assert table.loc["all", "n"].unique().tolist() == [310]
    assert table.xs("sentence_vader", level="scorer")["n"].to_dict() == {
        "all": 310, "persent": 97, "seeds": 89, "wikinews": 124}  # fmt: skip
    # the level on neutral mentions: the trained model leans negative, VADER positive
    assert table.loc["all", "mean_on_neutral"].to_dict() == {
        "sentence_vader": 0.051, "minilm": 0.011, "trained": -0.14, "vader": 0.09}  # fmt: skip
    assert table.loc["all", "cell_error"].to_dict() == {
        "sentence_vader": 0.342, "minilm": 0.192, "trained": 0.314, "vader": 0.286}  # fmt: skip


def test_the_neutral_band_is_the_models_own_for_minilm_and_vaders_for_the_rest():
    assert neutral_band("minilm") == MiniLM().neutral_band == 0.42
    assert neutral_band("vader") == neutral_band("trained") == NEUTRAL_BAND == 0.05
