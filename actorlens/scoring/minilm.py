"""The learned target-aware scorer (``minilm``): fine-tuned MiniLM, int8 ONNX, run offline.

The model reads a pair, the target's words and then the sentence with the target marked
(``<< target >>``), and gives the probabilities of negative, neutral and positive toward the
target, temperature-calibrated; the score is P(positive) - P(negative) and the label the most
probable class. The card's neutral band (chosen on NewsMTSC dev) is where a stance reading
counts as no stance (:mod:`actorlens.scoring.stance`). It runs on ONNX Runtime
with the ``tokenizers`` library, no training framework. The model, its tokenizer and its card
(data, licence, settings, scores, sha256) ship in ``resources/portrayal_model``; the files'
hashes are checked against the card on load. Training is :mod:`actorlens.training.minilm`.
"""

import hashlib
import json
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

import numpy as np

from actorlens.core import config

LABELS = ("negative", "neutral", "positive")
MODEL_DIR = config.RESOURCES_DIR / "portrayal_model"
MODEL_FILE = "model.int8.onnx"
TOKENIZER_FILE = "tokenizer.json"
CARD_FILE = "card.json"
FORMAT = "actorlens.minilm/1"
MAX_LENGTH = 128
THREADS = 2  # pairs run at a time


class ModelFileError(Exception):
    """The shipped model is missing, or is not the file its card describes."""


def pair(sentence: str, start: int, end: int) -> tuple[str, str]:
    """The model's input for the target at ``sentence[start:end]``: its words, and the
    sentence with the target marked."""
    target = sentence[start:end]
    return target, f"{sentence[:start]}<< {target} >>{sentence[end:]}"


def configured_tokenizer(tokenizer):
    """``tokenizer`` set to truncate pairs to ``MAX_LENGTH`` tokens (the sentence first) and
    pad each batch to its longest pair."""
    tokenizer.enable_truncation(MAX_LENGTH, strategy="only_second")
    tokenizer.enable_padding(pad_id=tokenizer.token_to_id("[PAD]"), pad_token="[PAD]")
    return tokenizer


def encode_pairs(tokenizer, pairs: list[tuple[str, str]]) -> dict[str, np.ndarray]:
    """Token ids, attention mask and segment ids (int64) of a batch of pairs."""
    encoded = tokenizer.encode_batch(pairs)
    return {
        "input_ids": np.array([e.ids for e in encoded], dtype=np.int64),
        "attention_mask": np.array([e.attention_mask for e in encoded], dtype=np.int64),
        "token_type_ids": np.array([e.type_ids for e in encoded], dtype=np.int64),
    }


def sha256_of(path: Path) -> str:
    """The sha256 of a file's bytes, in hex."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_card(model_dir: Path = MODEL_DIR) -> dict:
    """The model card, after checking that every file it lists has the hash it gives."""
    card_path = Path(model_dir) / CARD_FILE
    try:
        card = json.loads(card_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelFileError(f"{card_path}: cannot read the model card: {exc}") from exc
    if card.get("format") != FORMAT:
        raise ModelFileError(f"{card_path}: not a {FORMAT} model card")
    for name, expected in card["sha256"].items():
        path = Path(model_dir) / name
        if not path.is_file() or sha256_of(path) != expected:
            raise ModelFileError(f"{path}: missing, or not the file the model card describes")
    return card


class MiniLM:
    """The fine-tuned scorer: class probabilities, scores and labels toward each target."""

    def __init__(self, model_dir: str | Path = MODEL_DIR):
        self.model_dir = Path(model_dir)
        self.card = read_card(self.model_dir)
        self.temperature = float(self.card["temperature"])
        self.neutral_band = float(self.card["neutral_band"])

    @property
    def session(self):
        """The ONNX Runtime session (made on first use, once per process)."""
        return _session(self.model_dir)

    @property
    def tokenizer(self):
        """The model's tokenizer, set up as in training."""
        return _tokenizer(self.model_dir)

    def predict_proba(self, sentences, starts, ends) -> np.ndarray:
        """P(negative, neutral, positive) per target. Each distinct pair runs once and alone:
        the int8 model quantises its activations per run, so in a batch a pair's scores would
        depend on its neighbours (alone measured as fast: no padding). ``THREADS`` pairs run
        at a time, each on one thread (see :func:`_session`)."""
        pairs = [pair(s, int(a), int(b)) for s, a, b in zip(sentences, starts, ends, strict=True)]
        distinct = list(dict.fromkeys(pairs))
        session, tokenizer = self.session, self.tokenizer

        def run(one: tuple[str, str]) -> np.ndarray:
            return session.run(["logits"], encode_pairs(tokenizer, [one]))[0][0]

        logits = np.array(list(_pool().map(run, distinct)), dtype=np.float32)
        logits = logits.reshape(len(distinct), len(LABELS))
        scaled = logits / self.temperature
        proba = np.exp(scaled - scaled.max(axis=1, keepdims=True))
        proba /= proba.sum(axis=1, keepdims=True)
        index = {p: i for i, p in enumerate(distinct)}
        return proba[[index[p] for p in pairs]] if pairs else proba

    def score(self, sentences, starts, ends) -> np.ndarray:
        """P(positive) - P(negative) per target, in [-1, 1]."""
        proba = self.predict_proba(sentences, starts, ends)
        return proba[:, 2] - proba[:, 0]

    def predict(self, sentences, starts, ends) -> list[str]:
        """The most probable label per target."""
        return [LABELS[i] for i in self.predict_proba(sentences, starts, ends).argmax(axis=1)]


@cache
def _session(model_dir: Path):
    """One thread per run: ``THREADS`` runs side by side (:func:`_pool`) give the same
    scores as one run on ``THREADS`` threads, in about 0.8x its time and CPU time (a run of
    one short pair is too small to share among threads)."""
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    return onnxruntime.InferenceSession(
        str(model_dir / MODEL_FILE), options, providers=["CPUExecutionProvider"]
    )


@cache
def _pool() -> ThreadPoolExecutor:
    """The threads the pairs run on (ONNX Runtime and the tokenizer release the GIL)."""
    return ThreadPoolExecutor(THREADS, thread_name_prefix="minilm")


@cache
def _tokenizer(model_dir: Path):
    from tokenizers import Tokenizer

    return configured_tokenizer(Tokenizer.from_file(str(model_dir / TOKENIZER_FILE)))
