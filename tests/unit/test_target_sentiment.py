"""Target-dependent sentiment: NewsMTSC loader, metrics, valences, trained scorer, training and
artifact."""

import json

import numpy as np
import pandas as pd
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from actorlens.core import config
from actorlens.evaluation.newsmtsc import evaluate, load_newsmtsc
from actorlens.scoring import trained, valence
from actorlens.scoring.trained import LABELS, TrainedScorer, default_model_path
from actorlens.training.target_sentiment import DEFAULT_SETTINGS, fit_calibration, train

DEV = config.VALIDATION_DIR / "newsmtsc_dev.jsonl"

TEMPLATES = {
    "positive": "{a} was praised for excellent, honest work, and {b} spoke on Tuesday.",
    "negative": "{a} was condemned for corrupt, shameful failures, and {b} spoke on Tuesday.",
    "neutral": "{b} was praised for excellent, honest work, and {a} spoke on Tuesday.",
}
NAMES = ["Smith", "Jones", "Brown", "Garcia", "Lee", "Khan", "Novak", "Silva"]


def _frame(names):
    """One example per (template, name): the target is always the {a} slot."""
    rows = []
    for label, template in TEMPLATES.items():
        for i, name in enumerate(names):
            other = names[(i + 1) % len(names)]
            sentence = template.format(a=name, b=other)
            start = sentence.index(name) if template.startswith("{a}") else sentence.rindex(name)
            rows.append((sentence, start, start + len(name), name, label))
    return pd.DataFrame(rows, columns=["sentence", "start", "end", "mention", "label"])


@pytest.fixture(scope="module")
def tiny_model():
    return train(_frame(NAMES), seed=0, C=10.0)


@pytest.fixture(scope="module")
def dev():
    return load_newsmtsc(DEV)


def test_load_counts_targets_not_sentences(dev):
    assert len(dev) == 343  # 320 sentences, 343 targets
    assert list(dev.columns) == ["sentence", "start", "end", "mention", "label"]
    assert dev["label"].value_counts().to_dict() == {
        "neutral": 136,
        "negative": 134,
        "positive": 73,
    }
    first = dev.iloc[0]
    assert first["sentence"][first["start"] : first["end"]] == first["mention"] == "Cruz"
    assert first["label"] == "neutral"


def test_label_mapping(tmp_path):
    path = tmp_path / "mini.jsonl"
    record = {
        "sentence_normalized": "Ann beat Bob and Cy.",
        "primary_gid": "x",
        "targets": [
            {"from": 0, "to": 3, "mention": "Ann", "polarity": 6.0},
            {"from": 9, "to": 12, "mention": "Bob", "polarity": 2.0},
            {"from": 17, "to": 19, "mention": "Cy", "polarity": 4.0},
        ],
    }
    path.write_text(json.dumps(record) + "\n")
    frame = load_newsmtsc(path)
    assert frame["label"].tolist() == ["positive", "negative", "neutral"]
    assert frame[["start", "end"]].values.tolist() == [[0, 3], [9, 12], [17, 19]]


def test_evaluate_hand_computed():
    true = ["negative", "negative", "neutral", "positive", "positive", "positive"]
    pred = ["negative", "neutral", "neutral", "positive", "positive", "negative"]
    result = evaluate(true, pred)
    # per-class F1: negative 1/2, neutral 2/3, positive 4/5 -> macro 59/90
    assert result["macro_f1"] == pytest.approx(59 / 90)
    assert result["accuracy"] == pytest.approx(4 / 6)
    expected = pd.DataFrame([[1, 1, 0], [0, 1, 0], [1, 0, 2]], index=LABELS, columns=LABELS)
    assert (result["confusion"].values == expected.values).all()
    assert tuple(result["confusion"].index) == LABELS
    assert tuple(result["confusion"].columns) == LABELS


def test_tiny_model_learns_target_dependent_rule(tiny_model):
    test = _frame(["Okafor", "Tanaka", "Dubois"])  # names never seen in training
    predicted = tiny_model.predict(test["sentence"], test["start"], test["end"])
    assert predicted == test["label"].tolist()
    scores = tiny_model.score(test["sentence"], test["start"], test["end"])
    proba = tiny_model.predict_proba(test["sentence"], test["start"], test["end"])
    assert np.allclose(proba.sum(axis=1), 1.0)
    assert np.array_equal(scores, proba[:, 2] - proba[:, 0])
    assert (np.abs(scores) <= 1).all()
    assert scores[test["label"] == "positive"].min() > 0 > scores[test["label"] == "negative"].max()


def test_clause_stops_at_punctuation_and_clause_words():
    tokens = "critics said , smith xxtargetxx failed badly but jones won".split()
    lo, hi = trained._clause(tokens, 4)
    assert tokens[lo:hi] == ["smith", "xxtargetxx", "failed", "badly"]
    assert trained._clause(["xxtargetxx"], 0) == (0, 1)


def test_negation_scope_ends_at_punctuation():
    tokens = "he did n't praise her work , she was great".split()
    assert trained._negation_scope(tokens) == [
        *[False] * 3,
        True,
        True,
        True,
        False,
        False,
        False,
        False,
    ]


def test_lexicon_cues_go_to_the_nearest_mention():
    analyzer = SentimentIntensityAnalyzer()
    words = "xxtargetxx met Jones , who is dishonest".split()
    tokens = [w.lower() for w in words]
    others = valence.other_mentions(words, 0)
    assert others == [2]
    cues = valence.lexicon_cues(tokens, 0, others, analyzer)
    assert cues["other_N"] == 1 and "own_N" not in cues
    negated = valence.lexicon_cues("xxtargetxx is not dishonest".split(), 0, [], analyzer)
    assert negated["own_P"] == 1


def test_target_features_depend_on_the_span():
    sentence = "Smith praised the excellent plan, while Jones was condemned."
    spans = [(0, 5), (sentence.index("Jones"), sentence.index("Jones") + 5)]
    masked, numeric, dicts = trained.raw_features(
        [sentence] * 2,
        [a for a, _ in spans],
        [b for _, b in spans],
        DEFAULT_SETTINGS,
        SentimentIntensityAnalyzer(),
    )
    assert masked[0].split()[:2] == ["xxtargetxx", "praised"] and "Jones" in masked[0]
    assert numeric.shape == (2, 18)
    assert "praised" in dicts["clause"][0] and "condemned" in dicts["clause"][1]
    assert "condemned" not in dicts["clause"][0]


def test_sentence_valences_match_vader_and_pick_spans():
    analyzer = SentimentIntensityAnalyzer()
    for sentence in [
        "The plan was not good, but the talks were VERY productive!",
        "Kind of a sorry state, critics said.",
        "At least it isn't a horrible book.",
        "Officials in Kyiv and Moscow said the talks were never so good, and not bad at all.",
        "Many analysts in the region said there was no real hope, but the deal was sort of fine.",
        "",
    ]:
        assert valence.SentenceValences(sentence, analyzer).whole() == (
            analyzer.polarity_scores(sentence)
        )
    sentence = "Smith praised the plan while Jones was condemned."
    valences = valence.SentenceValences(sentence, analyzer)
    left = valences.between((0, sentence.index("while")))
    right = valences.between((sentence.index("while"), len(sentence)))
    assert max(left) > 0 and min(right) < 0 and len(left) + len(right) == 8
    compound, pos, neg, neu = valence.summarise_valences(left)
    assert compound > 0 and neg == 0 and pos + neu == pytest.approx(1.0)
    assert valence.summarise_valences([]) == (0.0, 0.0, 0.0, 0.0)


def test_char_ngram_counts_equal_sklearn():
    texts = ["Smith  praised\tthe plan", "", "Ünïcode “quoted” — I a", "ab ab ab"]
    settings = {**DEFAULT_SETTINGS, "char_min_df": 1}
    vectorizer = trained.count_vectorizer(settings, "char").fit(texts + ["other words entirely"])
    fast = trained.CharNgramCounts(vectorizer.vocabulary_, (2, 5))
    for _ in range(2):  # cold and warm cache
        assert (fast.transform(texts) != vectorizer.transform(texts)).nnz == 0


def test_save_load_round_trip_identical(tiny_model, tmp_path):
    path = tmp_path / "model.json"
    tiny_model.save(path)
    raw = path.read_bytes()
    assert raw[:1] == b"{"  # JSON, not a pickle (pickles start with b"\x80")
    json.loads(raw)
    loaded = TrainedScorer.load(path)
    test = _frame(["Okafor", "Tanaka"])
    spans = (test["sentence"], test["start"], test["end"])
    assert np.array_equal(loaded.predict_proba(*spans), tiny_model.predict_proba(*spans))


def test_loads_of_an_unchanged_file_share_one_scorer(tiny_model, tmp_path):
    path = tmp_path / "model.json"
    tiny_model.save(path)
    first = TrainedScorer.load(path)
    assert TrainedScorer.load(str(path)) is first
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # a new version
    assert TrainedScorer.load(path) is not first


def test_training_is_deterministic(tiny_model, tmp_path):
    again = train(_frame(NAMES), seed=0, C=10.0)
    tiny_model.save(tmp_path / "a.json")
    again.save(tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_load_rejects_other_json(tmp_path):
    path = tmp_path / "other.json"
    path.write_text('{"format": "something else"}')
    with pytest.raises(ValueError):
        TrainedScorer.load(path)


def test_committed_artifact_is_json_and_scores_dev_as_measured(dev):
    path = default_model_path()
    assert path.suffix == ".json"
    assert path.read_bytes()[:1] == b"{"
    model = TrainedScorer.load(path)
    spans = dev["sentence"], dev["start"], dev["end"]
    calibrated = evaluate(dev["label"], model.predict(*spans))
    raw = evaluate(
        dev["label"], [LABELS[i] for i in model.predict_proba(*spans, raw=True).argmax(1)]
    )
    # settings chosen by 5-fold cross-validation inside train; dev is only this check
    assert model.params["cross_validation"]["folds"] == 5
    assert round(calibrated["macro_f1"], 4) == 0.7104
    assert round(raw["macro_f1"], 4) == 0.7226


def test_calibration_restores_the_class_shares():
    """Over-confident probabilities that favour class 0 are pulled back to the labels'
    shares (a multinomial regression on log-probabilities keeps the mean of its fit)."""
    rng = np.random.default_rng(0)
    labels = rng.choice(LABELS, size=600, p=[0.2, 0.6, 0.2])
    truth = np.array([[0.7, 0.2, 0.1] if y == "negative" else [0.1, 0.8, 0.1] if y == "neutral"
                      else [0.1, 0.2, 0.7] for y in labels])  # fmt: skip
    skewed = truth * [3.0, 1.0, 1.0]
    skewed /= skewed.sum(axis=1, keepdims=True)
    calibration = fit_calibration(skewed, labels)
    logits = np.log(skewed) @ np.asarray(calibration["coef"]).T + calibration["intercept"]
    calibrated = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    shares = [np.mean(labels == label) for label in LABELS]
    assert np.allclose(calibrated.mean(axis=0), shares, atol=0.005)
    assert skewed.mean(axis=0)[0] > shares[0] + 0.1


def test_words_of_multi_word_names_carry_no_valence():
    words = (
        "Delegates of the United Nations Security Council met Great Britain . Great news".split()
    )
    assert [words[i] for i in sorted(valence.name_words(words))] == [
        "United", "Nations", "Security", "Council", "Great", "Britain"]  # fmt: skip
    quoted = "“Big Society” is over: Labour Party (UK) said “New Labour” won Tuesday".split()
    assert [quoted[i] for i in sorted(valence.name_words(quoted))] == [
        "Society”", "Party", "(UK)", "Labour”"]  # fmt: skip
    analyzer = SentimentIntensityAnalyzer()
    united = valence.SentenceValences("The United States said it would attend.", analyzer)
    assert united.whole()["compound"] == 0.0
    assert valence.SentenceValences("It was a great day.", analyzer).whole()["compound"] > 0.5
