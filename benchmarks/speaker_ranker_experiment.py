"""An experiment for issue 27's next step, not part of the pipeline: could a learned ranker
over the names near a quote pick its speaker better than the rules?

On the dev split's direct and mixed quotes with a named speaker: every name run within three
paragraphs before the quote and the rest of its paragraph after it is a candidate (by its last
word); ten plain features (the rules' choice, distance, before or after, a cue word near it, a
title before it, same paragraph, a full name, how often the document names it); a logistic
regression scored by 5-fold cross-validation grouped by document. It prints how often the
speaker is among the candidates, the rules' and the ranker's top-1 accuracy, and the cost side:
how many quotes the rules leave without a speaker are labelled "unnamed" (a ranker that
always names someone would get them wrong).

Run from the project root: python benchmarks/speaker_ranker_experiment.py
"""

import math
import re

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from actorlens.attribution.phrases import NAME_RUN
from actorlens.core import config
from actorlens.evaluation import attribution as evaluation
from actorlens.text.lexicon import NOT_NAMES, QUOTE_CUES, TITLE_WORDS, alternation

CUE = re.compile(rf"\b(?:{alternation(QUOTE_CUES)})\b")
TITLE_BEFORE = re.compile(rf"\b(?:{alternation(TITLE_WORDS)})\s+$")
FEATURES = ["rule", "log_distance", "after", "cue", "cue_after", "titled", "same_paragraph",
            "full_name", "log_count", "rule_none"]  # fmt: skip
NO_NAME = ("unnamed", "unknown", "")


def window(text: str, start: int, end: int) -> tuple[int, int]:
    """Three paragraphs before the quote, the rest of its paragraph after it."""
    at = start
    for _ in range(3):
        at = text.rfind("\n", 0, max(at - 1, 0)) if at > 0 else 0
    stop = text.find("\n", end + 1)
    return max(at, 0), len(text) if stop < 0 else stop


def candidates(text: str, start: int, end: int) -> dict[str, dict]:
    """Each name near the quote, by its last word, with its nearest occurrence's features."""
    found: dict[str, dict] = {}
    at, stop = window(text, start, end)
    paragraph = text.rfind("\n", 0, start)
    for run in NAME_RUN.finditer(text, at, stop):
        if start <= run.start() < end:
            continue
        words = [w for w in run.group().replace("'s", "").replace("’s", "").split()
                 if w not in NOT_NAMES and w.lower().rstrip(".") not in TITLE_WORDS]  # fmt: skip
        if not words:
            continue
        after = run.start() >= end
        distance = max(0, run.start() - end if after else start - run.end())
        entry = found.setdefault(words[-1].lower().strip(".,"), {"distance": 1e9, "titled": 0,
                                                                  "same_paragraph": 0, "full_name": 0})  # fmt: skip
        if distance < entry["distance"]:
            near = CUE.search(text, max(0, run.start() - 25), min(len(text), run.end() + 25))
            entry.update(distance=distance, after=int(after), cue=int(bool(near)))
        entry["titled"] |= bool(
            TITLE_BEFORE.search(text[max(0, run.start() - 25) : run.start()].lower())
        )
        entry["same_paragraph"] |= run.start() > paragraph
        entry["full_name"] |= len(words) > 1
    return found


def main() -> None:
    labels = evaluation.load_labels(config.VALIDATION_DIR / "attribution_labels.jsonl")
    labels = labels[(labels["split"] == "dev") & labels["kind"].isin(["direct", "mixed"])]
    predicted, texts, names = evaluation.predict(evaluation.shipped_corpora())
    gold = evaluation.align(labels.reset_index(drop=True), texts)
    pairs = evaluation.match(gold, predicted)
    rows, unnamed_left, named_left = [], 0, 0
    for index, label in gold.iterrows():
        if label["start"] < 0 or index not in pairs:
            continue
        chosen = predicted.iloc[pairs[index]]
        said = [n for n in [chosen["speaker_name"], *names.get(chosen["speaker_id"], [])] if n]
        if not said:
            unnamed_left += str(label["speaker"]).lower() in NO_NAME
            named_left += str(label["speaker"]).lower() not in NO_NAME
        if str(label["speaker"]).lower() in NO_NAME:
            continue
        text, surname = texts[label["doc_id"]], str(label["speaker"]).split()[-1].lower()
        rule = {name.split()[-1].lower() for name in said}
        for key, entry in candidates(text, label["start"], label["end"]).items():
            count = len(re.findall(rf"\b{re.escape(key)}\b", text.lower()))
            rows.append({"quote": index, "doc": label["doc_id"], "y": int(key == surname),
                         "rule": int(key in rule), "log_distance": math.log1p(entry["distance"]),
                         "after": entry["after"], "cue": entry["cue"],
                         "cue_after": entry["cue"] * entry["after"], "titled": int(entry["titled"]),
                         "same_paragraph": int(entry["same_paragraph"]),
                         "full_name": entry["full_name"], "log_count": math.log1p(count),
                         "rule_none": int(not rule)})  # fmt: skip
    table = pd.DataFrame(rows)
    scores = np.zeros(len(table))
    for train, test in GroupKFold(5).split(table[FEATURES], table["y"], table["doc"]):
        model = LogisticRegression(max_iter=1000).fit(
            table[FEATURES].iloc[train], table["y"].iloc[train]
        )
        scores[test] = model.decision_function(table[FEATURES].iloc[test])
    table["score"] = scores
    by_quote = table.groupby("quote")
    top = table.loc[by_quote["score"].idxmax()]
    rules = by_quote.apply(
        lambda g: int(g.loc[g["rule"] == 1, "y"].max()) if g["rule"].any() else 0
    )
    print(
        f"quotes with a named speaker: {by_quote.ngroups}; candidates a quote: "
        f"{len(table) / by_quote.ngroups:.1f}; speaker among them: {by_quote['y'].max().mean():.3f}"
    )
    print(f"top-1: rules {rules.mean():.3f}, ranker {top['y'].mean():.3f} (5-fold by document)")
    filled = top[top["rule_none"] == 1]
    print(
        f"quotes the rules leave without a speaker: labelled unnamed {unnamed_left}, named "
        f"{named_left}; the ranker names the right one for {int(filled['y'].sum())} of "
        f"{len(filled)}"
    )


if __name__ == "__main__":
    main()
