"""The shipped MiniLM scorer (actorlens.scoring.minilm) and the stance reader built on it."""

import json
import shutil

import numpy as np
import pytest

from actorlens.scoring import minilm, stance
from actorlens.scoring.scorers import make_scorer


def test_the_pair_marks_the_target_in_its_sentence():
    assert minilm.pair("Trump met Putin.", 10, 15) == ("Putin", "Trump met << Putin >>.")


def test_the_shipped_files_are_those_the_card_describes():
    card = minilm.read_card()
    assert set(card["sha256"]) == {minilm.MODEL_FILE, minilm.TOKENIZER_FILE}
    for name, digest in card["sha256"].items():
        assert minilm.sha256_of(minilm.MODEL_DIR / name) == digest
    assert (minilm.MODEL_DIR / minilm.MODEL_FILE).stat().st_size < 26_000_000
    assert 0 <= card["neutral_band"] < 1 and card["temperature"] > 0


def test_a_changed_model_file_is_refused(tmp_path):
    copy = tmp_path / "model"
    shutil.copytree(minilm.MODEL_DIR, copy)
    with (copy / minilm.MODEL_FILE).open("ab") as handle:
        handle.write(b"\0")
    with pytest.raises(minilm.ModelFileError, match="not the file the model card describes"):
        minilm.MiniLM(copy)


def test_a_card_of_another_format_is_refused(tmp_path):
    copy = tmp_path / "model"
    shutil.copytree(minilm.MODEL_DIR, copy)
    card = json.loads((copy / minilm.CARD_FILE).read_text())
    (copy / minilm.CARD_FILE).write_text(json.dumps(card | {"format": "other/1"}))
    with pytest.raises(minilm.ModelFileError, match="not a actorlens.minilm/1 model card"):
        minilm.MiniLM(copy)


SENTENCES = [
    "Critics condemned Miller as a corrupt liar who betrayed his voters.",
    "Miller was praised as a brave and honest leader who saved the town.",
    "Miller arrived in Oslo on Tuesday for a two-day visit.",
]


def test_the_model_reads_the_marked_target_not_the_sentence_around_it():
    scorer = make_scorer("minilm")
    scores = scorer.score(SENTENCES, [18, 0, 0], [24, 6, 6])
    assert scores[0] < -0.5 < 0.5 < scores[1]
    assert abs(scores[2]) < 0.5
    assert scorer.predict(SENTENCES, [18, 0, 0], [24, 6, 6])[:2] == ["negative", "positive"]


def test_each_distinct_pair_is_scored_once_and_results_keep_their_order():
    scorer = make_scorer("minilm")
    once = scorer.predict_proba(SENTENCES, [18, 0, 0], [24, 6, 6])
    repeated = scorer.predict_proba(SENTENCES[::-1] * 2, [0, 0, 18] * 2, [6, 6, 24] * 2)
    np.testing.assert_allclose(repeated[:3], once[::-1], atol=1e-6)
    np.testing.assert_allclose(repeated[3:], once[::-1], atol=1e-6)
    assert scorer.predict_proba([], [], []).shape == (0, 3)


class FixedModel:
    """A stand-in model: a fixed score toward every target, and a neutral band of 0.2."""

    neutral_band = 0.2

    def __init__(self, value):
        self.value = value
        self.read = []

    def score(self, texts, starts, ends):
        self.read += [text[a:b] for text, a, b in zip(texts, starts, ends, strict=True)]
        return np.full(len(texts), self.value)


TALKS = stance.term_pattern(["talks", "negotiat*"])


def test_the_model_reader_reads_every_term_of_the_target():
    model = FixedModel(-0.6)
    score, found = stance.read_stance("The talks failed; negotiations stall.", TALKS, [], model)
    assert (score, found, model.read) == (
        -0.6,
        ["talks", "negotiations"],
        ["talks", "negotiations"],
    )


def test_a_reading_within_the_neutral_band_is_no_stance():
    assert stance.read_stance("The talks went on.", TALKS, [], FixedModel(0.15)) == (0.0, ["talks"])


def test_without_a_term_the_model_reader_falls_back_to_the_lexicon():
    cues = [(stance.term_pattern(["welcomed"]), 2.0, "welcomed")]
    score, found = stance.read_stance("She welcomed it warmly.", TALKS, cues, FixedModel(-0.9))
    assert (round(score, 4), found) == (0.6667, ["welcomed"])


def test_an_unknown_stance_reader_is_refused():
    with pytest.raises(stance.StanceReaderError, match="choose from minilm, lexicon"):
        stance.stance_reader("bert")
    assert stance.stance_reader("lexicon") is None


def test_pairs_run_side_by_side_score_as_each_pair_alone():
    scorer = make_scorer("minilm")
    starts, ends = [18, 0, 0, 0, 0], [24, 6, 6, 6, 7]
    together = scorer.predict_proba(SENTENCES + SENTENCES[:2], starts, ends)
    alone = [scorer.predict_proba([s], [a], [b])[0]
             for s, a, b in zip(SENTENCES + SENTENCES[:2], starts, ends, strict=True)]  # fmt: skip
    assert np.array_equal(together, np.array(alone))
    assert together.dtype == np.float32
