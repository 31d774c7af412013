"""An experiment for issue 27, not part of the pipeline: can a learned ranker over the names
near a quote pick its speaker better than the rules, and what would a transformer cost?

Quotes (direct and mixed) of the dev split and of fresh sample ``a``
(``data/labelling/attribution/fresh_35``), both dev material; the held-out sample ``b`` and
the test split are never read here. Every name run within three paragraphs before the quote
and the rest of its paragraph after it is a candidate (by its last word), plus the rules'
speaker when no run holds it. Fifteen plain features: the rules' choice, distance, before or
after, a cue right after or before the name, a preposition before it, same sentence, same
paragraph, a title or an honorific or a given name, a full name, how often the document names
it, whether the rules named anyone. Two models, scored by 5-fold cross-validation grouped by
document: a logistic regression and gradient-boosted trees. A quote gets its best candidate
when that candidate's score clears a threshold, else nobody (a quote labelled "unnamed" is
right only then). It prints, per threshold, the share of quotes right against the rules'.

Then the cost of a transformer over the same candidates: the shipped MiniLM model's time per
(quote window, candidate) pair on this machine, times the candidate pairs of every direct and
mixed quote in the 3,000 Wikinews documents, against the attributions stage's own time.

Run from the project root with ../shared beside it:
python benchmarks/speaker_ranker_experiment.py  (about 2 minutes on 2 cores)
"""

import bisect
import json
import math
import random
import re
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from actorlens.attribution.extract import extract_attributions
from actorlens.attribution.phrases import NAME_RUN
from actorlens.core import config
from actorlens.corpus.actors import load_actors
from actorlens.corpus.ingest import ingest_corpus
from actorlens.evaluation import attribution as evaluation
from actorlens.mentions.count import analyse
from actorlens.scoring.minilm import MiniLM
from actorlens.text.given_names import is_given_name
from actorlens.text.lexicon import NOT_NAMES, QUOTE_CUES, TITLE_WORDS, alternation
from actorlens.text.spans import quotation_spans

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "labelling" / "attribution" / "fresh_35"
CORPUS = ROOT.parent / "shared" / "corpora" / "wikinews_politics"
CUES = alternation(QUOTE_CUES)
CUE = re.compile(rf"\b(?:{CUES})\b")
CUE_NEXT = re.compile(rf"[’']?s?\s*(?:,[^,]{{0,60}},\s*)?(?:(?:has|had|also|then|later)\s+)?(?:{CUES})\b")  # fmt: skip
CUE_BEFORE = re.compile(rf"\b(?:{CUES})\s+(?:(?:the|an?)\s+)?(?:[\w-]+\s+){{0,4}}$", re.I)
TITLE_BEFORE = re.compile(rf"\b(?:{alternation(TITLE_WORDS)})\s+$", re.I)
HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady|Prof)\.?\s*$")
PREPOSITION = re.compile(r"\b(?:to|with|by|at|in|of|from|for|on|against|about|than|and|or)\s+(?:the\s+)?$")  # fmt: skip
FEATURES = ["rule", "rule_only", "log_distance", "after", "cue_next", "cue_before",
            "preposition", "same_sentence", "cue_near", "titled", "person", "same_paragraph",
            "full_name", "log_count", "rule_none"]  # fmt: skip
NO_NAME = ("unnamed", "unknown", "")
THRESHOLDS = {"logistic": (-2, -1, 0, 1), "boosted": (0.2, 0.3, 0.4, 0.5)}


def window(text: str, start: int, end: int) -> tuple[int, int]:
    """Three paragraphs before the quote, the rest of its paragraph after it."""
    at = start
    for _ in range(3):
        at = text.rfind("\n", 0, max(at - 1, 0)) if at > 0 else 0
    stop = text.find("\n", end + 1)
    return max(at, 0), len(text) if stop < 0 else stop


def candidates(text: str, quotes: list, start: int, end: int, said: list[str]) -> list[dict]:
    """Each name near the quote, by its last word, with its nearest occurrence's features."""
    found: dict[str, dict] = {}
    at, stop = window(text, start, end)
    paragraph = text.rfind("\n", 0, start)
    paragraph_end = text.find("\n", end) % (len(text) + 1)
    sentence = max(text.rfind(". ", 0, start), paragraph)
    starts = [s for s, _ in quotes]
    for run in NAME_RUN.finditer(text, at, stop):
        if start <= run.start() < end:
            continue
        words = [w for w in run.group().replace("'s", "").replace("’s", "").split()
                 if w not in NOT_NAMES and w.lower().rstrip(".") not in TITLE_WORDS]  # fmt: skip
        index = bisect.bisect_right(starts, run.start()) - 1
        if not words or (index >= 0 and run.start() < quotes[index][1]):
            continue  # no name, or a name quoted
        after = run.start() >= end
        distance = max(0, run.start() - end if after else start - run.end())
        before = text[max(0, run.start() - 40) : run.start()]
        entry = found.setdefault(words[-1].lower().strip(".,"), {"distance": 1e9, "count": 0})
        entry["count"] += 1
        if distance < entry["distance"]:
            entry.update(
                distance=distance, after=int(after), before=before, words=words,
                cue_next=int(bool(CUE_NEXT.match(text, run.end()))),
                cue_near=int(bool(CUE.search(text, max(0, run.start() - 25), run.end() + 25))),
                same_sentence=int(run.start() > sentence if not after
                                  else "." not in text[end : run.start()].rstrip(". ")),
                same_paragraph=int(paragraph < run.start() < paragraph_end),
            )  # fmt: skip
    rule = {name.split()[-1].lower().strip(".,") for name in said}
    rows = []
    for key, entry in found.items():
        words, before = entry["words"], entry["before"]
        rows.append({"name": " ".join(words), "rule": int(key in rule), "rule_only": 0,
                     "log_distance": math.log1p(entry["distance"]), "after": entry["after"],
                     "cue_next": entry["cue_next"], "cue_before": int(bool(CUE_BEFORE.search(before))),
                     "preposition": int(bool(PREPOSITION.search(before))),
                     "same_sentence": entry["same_sentence"], "cue_near": entry["cue_near"],
                     "titled": int(bool(TITLE_BEFORE.search(before))),
                     "person": int(bool(HONORIFIC.search(before)) or (len(words) > 1 and is_given_name(words[0]))),
                     "same_paragraph": entry["same_paragraph"], "full_name": int(len(words) > 1),
                     "log_count": math.log1p(entry["count"]), "rule_none": int(not rule)})  # fmt: skip
    if rule and not any(row["rule"] for row in rows):  # the rules' speaker, named further off
        rows.append(dict.fromkeys(FEATURES, 0) | {"name": said[0], "rule": 1, "rule_only": 1,
                                                   "log_distance": 8.0})  # fmt: skip
    return rows


def labelled_quotes(table: pd.DataFrame, texts: dict, actors) -> list[dict]:
    """The dev split's quotes and sample a's, each with its span, gold and the rules' names."""
    quotes = []
    labels = evaluation.load_labels(config.VALIDATION_DIR / "attribution_labels.jsonl")
    labels = labels[labels["split"] == "dev"].reset_index(drop=True)
    predicted, dev_texts, names = evaluation.predict(evaluation.shipped_corpora())
    gold = evaluation.align(labels, dev_texts)
    pairs = evaluation.match(gold, predicted)
    for index, label in gold.iterrows():
        if label["kind"] in ("direct", "mixed") and label["start"] >= 0 and index in pairs:
            row = predicted.iloc[pairs[index]]
            quotes.append({"doc": f"dev:{label['doc_id']}", "text": dev_texts[label["doc_id"]],
                           "row": row, "gold": str(label["speaker"]), "names": names})  # fmt: skip
    names = {actor.id: [actor.label, *actor.names, *actor.metonyms] for actor in actors}
    items = [json.loads(line) for line in (SAMPLE / "items_a.jsonl").read_text().splitlines()]
    golds = [json.loads(line) for line in (SAMPLE / "adjudicated_a.jsonl").read_text().splitlines()]
    for item, label in zip(items, golds, strict=True):
        near = table[(table["doc_id"] == item["doc_id"]) & table["kind"].isin(["direct", "mixed"])
                     & (table["start"] < item["end"]) & (table["end"] > item["start"])]  # fmt: skip
        if near.empty or label["speaker"] in ("NOT_QUOTE", "NOT_SPEECH", "unknown"):
            continue
        overlap = near["end"].clip(upper=item["end"]) - near["start"].clip(lower=item["start"])
        quotes.append({"doc": f"a:{item['doc_id']}", "text": texts[item["doc_id"]],
                       "row": near.loc[overlap.idxmax()], "gold": label["speaker"], "names": names})  # fmt: skip
    for quote in quotes:
        row = quote.pop("row")
        quote["said"] = [n for n in [row["speaker_name"], *quote.pop("names").get(row["speaker_id"], [])] if n]  # fmt: skip
        quote["start"], quote["end"] = int(row["start"]), int(row["end"])
    return quotes


def right(quote: dict, names: list[str]) -> bool:
    """Whether ``names`` (empty: nobody) answer to the quote's gold speaker."""
    if quote["gold"].lower() in NO_NAME:
        return not names
    return bool(names) and evaluation.same_speaker(quote["gold"], names)


def main() -> None:
    corpus = ingest_corpus(CORPUS)
    actors = load_actors(config.PARAMS_DIR / "wikinews_actors.yml")
    found = analyse(corpus, actors)
    clock = time.perf_counter()
    table = extract_attributions(corpus.texts, corpus.sentences, found.mentions, found.actors)
    stage = time.perf_counter() - clock
    texts = dict(zip(corpus.texts["doc_id"], corpus.texts["text"], strict=True))
    quotes = labelled_quotes(table, texts, actors)
    spans = {}
    rows = []
    for number, quote in enumerate(quotes):
        text = quote["text"]
        spans.setdefault(quote["doc"], quotation_spans(text))
        for row in candidates(
            text, spans[quote["doc"]], quote["start"], quote["end"], quote["said"]
        ):
            names = [*quote["said"], row["name"]] if row["rule"] else [row["name"]]
            rows.append({"quote": number, "doc": quote["doc"], "y": int(right(quote, names))} | row)
    frame = pd.DataFrame(rows)
    rules = np.mean([right(quote, quote["said"]) for quote in quotes])
    print(f"quotes: {len(quotes)} in {len({q['doc'] for q in quotes})} documents "
          f"(dev split and sample a); candidates a quote: {len(frame) / len(quotes):.1f}")  # fmt: skip
    oracle = np.mean([frame.loc[frame["quote"] == n, "y"].any() or right(q, [])
                      for n, q in enumerate(quotes)])  # fmt: skip
    print(f"rules: {rules:.3f} right; best candidate or nobody, known beforehand: {oracle:.3f}")
    models = {"logistic": lambda: LogisticRegression(max_iter=2000),
              "boosted": lambda: HistGradientBoostingClassifier(max_depth=3, learning_rate=0.05,
                                                                max_iter=300, random_state=0)}  # fmt: skip
    for name, model in models.items():
        scores = np.zeros(len(frame))
        for train, test in GroupKFold(5).split(frame, frame["y"], frame["doc"]):
            fitted = model().fit(frame[FEATURES].iloc[train], frame["y"].iloc[train])
            scores[test] = (fitted.decision_function(frame[FEATURES].iloc[test]) if name == "logistic"
                            else fitted.predict_proba(frame[FEATURES].iloc[test])[:, 1])  # fmt: skip
        best = frame.assign(score=scores).sort_values("score").groupby("quote").tail(1)
        best = best.set_index("quote")
        for threshold in THRESHOLDS[name]:
            hits = [bool(best.loc[n, "y"]) if n in best.index and best.loc[n, "score"] >= threshold
                    else right(q, []) for n, q in enumerate(quotes)]  # fmt: skip
            print(
                f"{name} ranker, threshold {threshold}: {np.mean(hits):.3f} right (5-fold by document)"
            )
    model = MiniLM()
    words = texts[next(iter(texts))].split()
    random.seed(0)
    windows = [" ".join(random.choices(words, k=90)) for _ in range(200)]
    clock = time.perf_counter()
    model.predict_proba(windows, [0] * 200, [len(w.split()[0]) for w in windows])
    per_pair = (time.perf_counter() - clock) / 200
    quoted = table[table["kind"].isin(["direct", "mixed"])]
    pairs = len(quoted) * len(frame) / len(quotes)
    print(f"transformer: {per_pair * 1000:.1f} ms a pair; {len(quoted)} quotes in "
          f"{len(texts)} documents x {len(frame) / len(quotes):.1f} candidates = {pairs * per_pair:.0f} s, "
          f"against {stage:.1f} s for the whole attributions stage ({pairs * per_pair / stage:.0f}x); "
          f"one pair a quote: {len(quoted) * per_pair:.0f} s")  # fmt: skip


if __name__ == "__main__":
    main()
