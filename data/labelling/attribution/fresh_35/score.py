"""Speaker accuracy of the attribution rules on the three fresh samples of this folder
(issue 27, ninth session): the two passes' agreement, then, for each sample, how often the
pipeline's attribution over a marked span names the adjudicated speaker.

* ``a``: 254 quotes in 70 Wikinews documents; used to find error classes (dev material).
* ``b``: 275 quotes in 70 other documents; held out: scored, never read for errors.
* ``c``: 174 reported clauses in 40 other documents; dev material for reported speech.

A span's attribution is the one of the pipeline's (direct or mixed for quotes, reported or
mixed for clauses) that overlaps it most. ``unnamed`` is right when the pipeline names no
one; a state or body the pipeline gives for its unnamed officials ("U.S. officials said": the
United States, by design) is counted apart. NOT_QUOTE, NOT_SPEECH and unknown spans are left
out of the accuracies.

Run from the project root with ../shared beside it: python data/labelling/attribution/fresh_35/score.py
"""

import json
from collections import Counter
from pathlib import Path

from actorlens.attribution.extract import extract_attributions
from actorlens.core import config
from actorlens.corpus.actors import load_actors
from actorlens.corpus.ingest import ingest_corpus
from actorlens.evaluation.attribution import same_speaker
from actorlens.mentions.count import analyse

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[3].parent / "shared" / "corpora" / "wikinews_politics"
KINDS = {"a": ("direct", "mixed"), "b": ("direct", "mixed"), "c": ("reported", "mixed")}
LEFT_OUT = {"NOT_QUOTE", "NOT_SPEECH", "unknown"}
SPECIAL = {"unnamed", *(word.lower() for word in LEFT_OUT)}


def rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (HERE / name).read_text(encoding="utf-8").splitlines()]


def agree(first: str, second: str) -> bool:
    if first.strip().lower() == second.strip().lower():
        return True
    if {first.lower(), second.lower()} & SPECIAL:
        return False
    return same_speaker(first, [second]) or same_speaker(second, [first])


def main() -> None:
    corpus = ingest_corpus(CORPUS)
    actors = load_actors(config.PARAMS_DIR / "wikinews_actors.yml")
    found = analyse(corpus, actors)
    table = extract_attributions(corpus.texts, corpus.sentences, found.mentions, found.actors)
    names = {actor.id: [actor.label, *actor.names, *actor.metonyms] for actor in actors}
    bodies = {actor.id for actor in actors if actor.type != "person"}
    for sample, kinds in KINDS.items():
        first, second = rows(f"pass_1_{sample}.jsonl"), rows(f"pass_2_{sample}.jsonl")
        same = sum(agree(a["speaker"], b["speaker"]) for a, b in zip(first, second, strict=True))
        counts = Counter()
        for item, label in zip(rows(f"items_{sample}.jsonl"), rows(f"adjudicated_{sample}.jsonl"),
                               strict=True):  # fmt: skip
            gold = label["speaker"]
            if gold in LEFT_OUT:
                continue
            near = table[(table["doc_id"] == item["doc_id"]) & table["kind"].isin(kinds)
                         & (table["start"] < item["end"]) & (table["end"] > item["start"])]  # fmt: skip
            if near.empty:
                counts["not found"] += 1
                continue
            overlap = near["end"].clip(upper=item["end"]) - near["start"].clip(lower=item["start"])
            row = near.loc[overlap.idxmax()]
            said = [row["speaker_name"], *names.get(row["speaker_id"], [])]
            said = [name for name in said if name]
            if gold == "unnamed":
                given = ("none given" if not said else "its state or body"
                         if row["speaker_id"] in bodies else "someone given")  # fmt: skip
                counts[f"unnamed, {given}"] += 1
                counts["unnamed"] += 1
            else:
                counts["named"] += 1
                counts["right" if said and same_speaker(gold, said) else
                       "wrong" if said else "no speaker"] += 1  # fmt: skip
        print(
            f"sample {sample}: {len(first)} spans, the passes agree on {same} "
            f"({same / len(first):.3f})"
        )
        print(
            f"  named speakers right: {counts['right']} of {counts['named']} "
            f"({counts['right'] / counts['named']:.3f}); no speaker {counts['no speaker']}, "
            f"wrong {counts['wrong']}, span not found {counts['not found']}"
        )
        print(
            f"  unnamed: {counts['unnamed']}; none given {counts['unnamed, none given']}, "
            f"a state or body by design {counts['unnamed, its state or body']}, "
            f"someone given {counts['unnamed, someone given']}"
        )


if __name__ == "__main__":
    main()
