"""Attribution measured against hand labels (``evaluate-attribution``).

A labelled attribution (JSONL: doc_id, kind, content and its offsets in the document
file, source and its offsets, speaker: the fullest name the document gives, or
"unnamed" / "unknown") is found again in the ingested text by its content and source, at
the occurrence nearest its offset moved by the document's shift (:func:`align`). A
predicted attribution detects a labelled one when both are in one document and their
contents overlap by at least half of the shorter; each labelled attribution takes the
best-overlapping prediction, each prediction detects at most one.

Per kind (of the label for recall and speaker accuracy, of the prediction for
precision): detection precision, recall and F1; speaker accuracy over every labelled
attribution (a missed one or an unknown speaker counts wrong; a label without a name,
"unnamed"/"unknown", is right when the prediction names nobody; a speaker actor answers
to its label, names and metonyms, as the actors file has its mentions: "The Pentagon
said" is the United States' voice when the file makes "Pentagon" its metonym) and over the detected
ones; the source span exactly right or overlapping; and the errors: missed, wrong kind,
no speaker, wrong speaker.
"""

import json
from pathlib import Path

import numpy as np
import pandas as pd

from actorlens.corpus.text_cleaning import repair_mojibake
from actorlens.text.spans import fold

KINDS = ("direct", "reported", "mixed", "position")
NO_NAME = frozenset({"", "unnamed", "unknown"})


def load_labels(path: str | Path) -> pd.DataFrame:
    """The labelled attributions of a JSONL file, one row each."""
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()
            if line.strip()]  # fmt: skip
    frame = pd.DataFrame(rows)
    frame["doc_id"] = frame["doc_id"].astype(str)
    return frame


def align(labels: pd.DataFrame, texts: dict[str, str]) -> pd.DataFrame:
    """Labels with ``start``/``end`` (content) and ``source_at``/``source_to`` in the
    ingested ``texts`` (doc_id -> text); -1 where the document or the span is not found.

    Ingestion shifts a document's offsets by one amount (a dropped title line): the shift
    is the median over the contents found exactly once, and each content is the occurrence
    nearest its labelled offset plus the shift; its source is the occurrence nearest the
    labelled one moved as its content was, so a short source ("he") lands on its own
    occurrence, not an earlier one. Spans are read as ingestion reads the text (mojibake
    repaired, which moves later offsets)."""
    labels = labels.assign(content=labels["content"].map(_as_ingested),
                           source=labels["source"].fillna("").map(_as_ingested))  # fmt: skip
    shifts = _shifts(labels, texts)
    found = []
    for row in labels.itertuples(index=False):
        text, shift = texts.get(row.doc_id, ""), shifts.get(row.doc_id, 0)
        start = _find(text, row.content, row.content_start + shift)
        near = start - row.content_start if start >= 0 else shift  # the content's own shift
        source = _find(text, row.source, row.source_start + near) if row.source else -1
        found.append((start, start + len(row.content) if start >= 0 else -1,
                      source, source + len(row.source) if source >= 0 else -1))  # fmt: skip
    out = labels.copy()
    out[["start", "end", "source_at", "source_to"]] = pd.DataFrame(found, index=out.index)
    return out


def _as_ingested(span: str) -> str:
    """A labelled span as ingestion reads it: mojibake repaired (labels copy the file)."""
    return repair_mojibake(span)[0]


def _shifts(labels: pd.DataFrame, texts: dict[str, str]) -> dict[str, int]:
    """Per document, the median of (ingested - labelled) offsets of the contents that occur
    once in the ingested text."""
    seen: dict[str, list[int]] = {}
    for row in labels.itertuples(index=False):
        text = texts.get(row.doc_id, "")
        at = text.find(row.content) if row.content else -1
        if at >= 0 and text.find(row.content, at + 1) < 0:
            seen.setdefault(row.doc_id, []).append(at - row.content_start)
    return {doc_id: int(np.median(values)) for doc_id, values in seen.items()}


def _find(text: str, span: str, near: int) -> int:
    """Where the occurrence of ``span`` in ``text`` nearest ``near`` starts (-1: none)."""
    before = text.rfind(span, 0, max(0, near) + len(span))
    after = text.find(span, max(0, near))
    if before < 0 or after < 0:
        return max(before, after)
    return before if near - before <= after - near else after


def _overlap(a0: int, a1: int, b0: int, b1: int) -> float:
    shorter = min(a1 - a0, b1 - b0)
    return max(0, min(a1, b1) - max(a0, b0)) / max(1, shorter)


def match(gold: pd.DataFrame, predicted: pd.DataFrame) -> dict[int, int]:
    """Labelled row position -> predicted row position, best overlap first (>= 0.5)."""
    by_doc: dict[str, list[int]] = {}
    for position, doc_id in enumerate(predicted["doc_id"]):
        by_doc.setdefault(doc_id, []).append(position)
    candidates = []
    p_start, p_end = predicted["start"].to_numpy(), predicted["end"].to_numpy()
    for position, row in enumerate(gold.itertuples(index=False)):
        if row.start < 0:
            continue
        for other in by_doc.get(row.doc_id, []):
            share = _overlap(row.start, row.end, p_start[other], p_end[other])
            if share >= 0.5:
                candidates.append((-share, position, other))
    pairs, used = {}, set()
    for _, position, other in sorted(candidates):
        if position not in pairs and other not in used:
            pairs[position] = other
            used.add(other)
    return pairs


def same_speaker(gold: str, names: list[str]) -> bool:
    """Whether any of ``names`` (the predicted speaker's) is the labelled speaker: the
    same name, the same last word ("Bush" / "George W. Bush"), or a name the label holds
    as a whole word (an actor "US" speaking as "the US government"), accents aside
    ("Chávez" / "Chavez")."""
    if gold.lower().strip() in NO_NAME:
        return not any(n.strip() for n in names)
    gold = fold(gold)
    words = gold.strip().split()
    for name in (fold(n).strip() for n in names if n.strip()):
        if name.lower() == gold.lower().strip() or name.split()[-1].lower() == words[-1].lower():
            return True
        if len(name) > 1 and f" {name} " in f" {' '.join(words)} ":
            return True
    return False


def evaluate(gold: pd.DataFrame, predicted: pd.DataFrame, actor_names: dict) -> pd.DataFrame:
    """The per-kind table of the module docstring (rows for each kind and ``all``).

    ``gold`` is :func:`align`'s output; ``predicted`` has doc_id, kind, start, end,
    source_start, source_end, speaker_id, speaker_name; ``actor_names`` maps an actor id
    to its label and names."""
    predicted = predicted.reset_index(drop=True)
    pairs = match(gold, predicted)
    outcome = []
    for position, row in enumerate(gold.itertuples(index=False)):
        other = pairs.get(position)
        if other is None:
            outcome.append((row.kind, "missed", False, False, False))
            continue
        guess = predicted.iloc[other]
        names = [guess["speaker_name"], *actor_names.get(guess["speaker_id"], [])]
        right = same_speaker(row.speaker, names)
        named = bool(guess["speaker_id"] or guess["speaker_name"])
        error = ("wrong kind" if guess["kind"] != row.kind else "") if right else (
            "wrong speaker" if named else "no speaker")  # fmt: skip
        exact = row.source_at >= 0 and (guess["source_start"], guess["source_end"]) == (
            row.source_at, row.source_to)  # fmt: skip
        touch = row.source_at >= 0 and _overlap(row.source_at, row.source_to,
                                                guess["source_start"], guess["source_end"]) > 0  # fmt: skip
        outcome.append((row.kind, error or "right", right, exact, touch))
    scored = pd.DataFrame(
        outcome, columns=["kind", "outcome", "right", "source_exact", "source_overlap"]
    )
    scored["has_source"] = (gold["source_at"] >= 0).to_numpy()
    detected_predictions = set(pairs.values())
    rows = []
    for kind in (*KINDS, "all"):
        mine = scored if kind == "all" else scored[scored["kind"] == kind]
        chosen = (
            np.ones(len(predicted), bool)
            if kind == "all"
            else (predicted["kind"] == kind).to_numpy()
        )
        guesses = np.flatnonzero(chosen)
        hits = sum(p in detected_predictions for p in guesses)
        detected = mine[mine["outcome"] != "missed"]
        precision = hits / len(guesses) if len(guesses) else float("nan")
        recall = len(detected) / len(mine) if len(mine) else float("nan")
        sourced = detected[detected["has_source"]]
        rows.append({
            "kind": kind, "n_labelled": len(mine), "n_predicted": len(guesses),
            "precision": precision, "recall": recall,
            "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
            "speaker_accuracy": mine["right"].mean() if len(mine) else float("nan"),
            "speaker_accuracy_detected": detected["right"].mean() if len(detected) else float("nan"),
            "source_exact": sourced["source_exact"].mean() if len(sourced) else float("nan"),
            "source_overlap": sourced["source_overlap"].mean() if len(sourced) else float("nan"),
            **{error.replace(" ", "_"): int((mine["outcome"] == error).sum())
               for error in ("missed", "wrong kind", "no speaker", "wrong speaker")},
        })  # fmt: skip
    return pd.DataFrame(rows).round(3)


def predict(corpora) -> tuple[pd.DataFrame, dict[str, str], dict[str, list[str]]]:
    """Attributions of every document of ``corpora`` ((folder, actors file) pairs): the
    predictions (content offsets without the quotation marks of a direct quote), the
    ingested texts and each actor's label, names and metonyms."""
    from actorlens.attribution.extract import extract_attributions
    from actorlens.corpus.actors import load_actors
    from actorlens.corpus.ingest import ingest_corpus
    from actorlens.mentions.count import analyse

    frames, texts, names = [], {}, {}
    for folder, actors_file in corpora:
        corpus = ingest_corpus(folder)
        actors = load_actors(actors_file)
        found = analyse(corpus, actors)
        frames.append(extract_attributions(corpus.texts, corpus.sentences, found.mentions,
                                           found.actors))  # fmt: skip
        texts.update(zip(corpus.texts["doc_id"], corpus.texts["text"], strict=True))
        names.update({actor.id: [actor.label, *actor.names, *actor.metonyms] for actor in actors})
    predicted = pd.concat(frames, ignore_index=True)
    direct = predicted["kind"] == "direct"
    predicted.loc[direct, "start"] += 1
    predicted.loc[direct, "end"] -= 1
    return predicted, texts, names


def shipped_corpora():
    """The documents of the shipped labels: the seeds, 308 Wikinews articles and 24 PerSenT
    documents."""
    from actorlens.core import config

    return [(config.SEEDS_DIR, config.SEEDS_DIR / "actors.yml"),
            (config.VALIDATION_DIR / "attribution_documents",
             config.PARAMS_DIR / "wikinews_actors.yml")]  # fmt: skip


def evaluate_file(labels_path, corpora=None, split: str | None = None) -> pd.DataFrame:
    """:func:`evaluate` of the labels in ``labels_path`` (one split, or all) against the
    attributions found in ``corpora`` (default: :func:`shipped_corpora`)."""
    labels = load_labels(labels_path)
    if split is not None:
        labels = labels[labels["split"] == split].reset_index(drop=True)
    predicted, texts, names = predict(corpora or shipped_corpora())
    predicted = predicted[predicted["doc_id"].isin(set(labels["doc_id"]))].reset_index(drop=True)
    return evaluate(align(labels, texts), predicted, names)
