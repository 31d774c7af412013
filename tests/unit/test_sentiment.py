"""Voice and portrayal: the news lexicon, target-aware scoring, roles, aggregation, the CLI."""

import json

import numpy as np
import pandas as pd
import pytest

from actorlens import cli, config, sentiment
from actorlens.actors import load_actors
from actorlens.mentions import analyse
from actorlens.sentiment import LexiconError, TargetVader, load_lexicon


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
    assert score(sentiment.SentenceVader(), sentence, "Russia") < -0.5


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


def test_roles_voice_inside_own_quote_portrayal_elsewhere():
    mentions = pd.DataFrame(
        {
            "doc_id": ["1", "1", "1"],
            "actor_id": ["putin", "russia", "putin"],
            "start": [1, 20, 60],
            "end": [6, 26, 65],
        }  # fmt: skip
    )
    quote_table = pd.DataFrame(
        {
            "doc_id": ["1"],
            "quote_id": ["1-q000"],
            "start": [0],
            "end": [40],
            "speaker_id": ["putin"],
        }
    )
    roles = sentiment.assign_roles(mentions, quote_table)
    assert roles["role"].tolist() == ["voice", "portrayal", "portrayal"]
    assert roles["speaker_id"].tolist() == ["putin", "putin", ""]


def test_bootstrap_interval_is_fixed_and_brackets_the_mean():
    values = [-1.0, 0.0, 0.0, 1.0, 1.0]
    low, high = sentiment.bootstrap_ci(values)
    assert (low, high) == sentiment.bootstrap_ci(values)
    assert low < np.mean(values) < high
    assert np.isnan(sentiment.bootstrap_ci([0.5])[0])


def test_grouped_intervals_equal_one_group_at_a_time():
    rng = np.random.default_rng(3)
    groups = [rng.normal(size=n) for n in (1, 2, 5, 5, 40, 5, 300)]
    # a tiny chunk forces several chunks per size
    grouped = sentiment.bootstrap_intervals(groups, cells=1000)
    for values, (low, high) in zip(groups[1:], grouped[1:], strict=True):
        assert (low, high) == sentiment.bootstrap_ci(values)
    assert np.isnan(grouped[0]).all()


def test_summary_marks_thin_cells():
    frame = pd.DataFrame({"actor_id": ["a", "a", "a", "b"], "sentiment": [0.2, 0.4, 0.6, -1.0]})
    table = sentiment.summarise(frame, ["actor_id"], "sentiment", min_mentions=3)
    assert table[["actor_id", "n", "mean", "thin"]].values.tolist() == [
        ["a", 3, 0.4, False],
        ["b", 1, -1.0, True],
    ]


def test_priors_adapt_to_a_mostly_neutral_batch():
    proba = np.array([[0.4, 0.4, 0.2]] * 8 + [[0.1, 0.8, 0.1]] * 2)
    adapted, shares = sentiment.adapt_priors(proba, [1 / 3, 1 / 3, 1 / 3])
    assert shares[1] > 0.45
    assert np.allclose(adapted.sum(axis=1), 1)
    unchanged, same = sentiment.adapt_priors(np.array([[0.3, 0.4, 0.3]]), [0.3, 0.4, 0.3])
    assert np.allclose(unchanged, [[0.3, 0.4, 0.3]]) and np.allclose(same, [0.3, 0.4, 0.3])


def test_speaker_targets_from_inside_and_outside_the_quote():
    mentions = pd.DataFrame(
        {"doc_id": ["1", "1"], "actor_id": ["ukraine", "zelenskyy"], "quote_id": ["q1", ""],
         "speaker_id": ["trump", ""], "role": ["portrayal", "portrayal"], "sentiment": [0.5, -0.2]}
    )  # fmt: skip
    quote_table = pd.DataFrame(
        {"doc_id": ["1", "1"], "quote_id": ["q1", "q2"], "speaker_id": ["trump", "trump"],
         "about": ["ukraine", "zelenskyy"], "sentiment": [0.9, -0.6]}
    )  # fmt: skip
    table = sentiment.speaker_targets(mentions, quote_table)
    assert table.values.tolist() == [
        ["1", "trump", "ukraine", 1, 0.5],
        ["1", "trump", "zelenskyy", 1, -0.6],
    ]


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


def test_seed_stage_tables(seeds):
    actors_file = config.SEEDS_DIR / "actors.yml"
    result = sentiment.analyse(seeds, analyse(seeds, load_actors(actors_file)), actors_file)
    assert len(result.quotes) == 70
    assert (result.quotes["speaker_id"] != "").sum() == 64
    assert {"score_trained", "score_vader", "sentiment", "speaker_id", "role"} <= set(
        result.mentions
    )
    portrayal = result.overall[result.overall["role"] == "portrayal"].set_index("actor_id")
    assert portrayal.at["ukraine", "n"] == 67  # every counted Ukraine mention is portrayal
    assert result.scorer == "trained_adapted"
    voice = result.overall[result.overall["role"] == "voice"].set_index("actor_id")
    assert voice.at["putin", "n"] == (result.quotes["speaker_id"] == "putin").sum()


@pytest.mark.parametrize("name", ["trained", "trained_adapted", "vader", "sentence_vader"])
def test_one_pass_gives_the_scorers_own_scores_and_labels(name):
    sentences = ["Critics said Putin is a liar.", "Macron praised the excellent plan.",
                 "Scholz met Rutte on Monday."]  # fmt: skip
    starts = [s.index(n) for s, n in zip(sentences, ["Putin", "Macron", "Scholz"], strict=True)]
    ends = [a + len(n) for a, n in zip(starts, ["Putin", "Macron", "Scholz"], strict=True)]
    scorer = sentiment.make_scorer(name)
    scores, labels = sentiment.ScoredOnce({name: scorer}, sentences, starts, ends).part(
        np.arange(3)
    )[name]
    assert np.allclose(scores, scorer.score(sentences, starts, ends))
    assert labels == scorer.predict(sentences, starts, ends)


def test_a_part_of_one_pass_is_scored_as_if_alone():
    """Both trained scorers share one model pass; prior adaptation runs on the part."""
    sentences = ["Critics said Putin is a liar.", "Macron praised the excellent plan.",
                 "Scholz met Rutte on Monday.", "Rutte condemned the brutal attack."]  # fmt: skip
    names = ["Putin", "Macron", "Scholz", "Rutte"]
    starts = [s.index(n) for s, n in zip(sentences, names, strict=True)]
    ends = [a + len(n) for a, n in zip(starts, names, strict=True)]
    scorers = {n: sentiment.make_scorer(n) for n in ("trained", "trained_adapted", "vader")}
    once = sentiment.ScoredOnce(scorers, sentences, starts, ends)
    assert len(once.raw) == 1
    part = once.part(np.array([1, 3]))
    for name, scorer in scorers.items():
        alone = [sentences[1], sentences[3]], [starts[1], starts[3]], [ends[1], ends[3]]
        assert np.allclose(part[name][0], scorer.score(*alone))
        assert part[name][1] == scorer.predict(*alone)


def test_validation_table_counts_agreement_per_corpus():
    labelled = pd.DataFrame(
        {
            "corpus": ["a", "a", "b", "b"],
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
    table = sentiment.validation_table(labelled, {"sentence_vader": sentiment.SentenceVader()})
    rows = table.set_index("corpus")
    assert rows.loc["all", ["n", "n_polar"]].tolist() == [4, 3]
    assert rows.loc["all", "sign_accuracy"] == pytest.approx(0.667)
    assert rows.loc["a", "sign_accuracy"] == 1.0 and rows.loc["a", "spearman"] == 1.0
    assert np.isnan(rows.loc["a", "neutral_kept"])  # no neutral label to keep
    assert rows.loc["b", ["n_polar", "sign_accuracy", "neutral_kept"]].tolist() == [1, 0.0, 1.0]


def test_quote_tone_is_vader_of_the_words_inside_the_marks():
    table = pd.DataFrame({"text": ["“We are very happy.”", '"This is a terrible, awful plan."']})
    vader = sentiment.make_scorer("vader")
    tones = sentiment.quote_tones(table, vader)
    expected = [vader.analyzer.polarity_scores(t)["compound"]
                for t in ("We are very happy.", "This is a terrible, awful plan.")]  # fmt: skip
    assert tones.tolist() == [round(e, 4) for e in expected]
    assert tones[0] > 0.5 and tones[1] < -0.5
