"""Compare the two labelling passes of the attribution set, list what they disagree on,
and (once ``adjudicated.jsonl`` exists) write the adjudicated labels.

Two attributions of the passes are the same item when they are in one document and their
contents overlap by at least half of the shorter one (greedy, best overlap first). For a
matched pair the passes agree on kind when the kinds are equal, and on speaker when the
names are equal or share their last word (``Bush`` / ``George W. Bush``), "unnamed" and
"unknown" counting as one answer ("no name in the text").

Run from the project root: python data/labelling/attribution/merge_passes.py
"""

import csv
import json
from collections import Counter
from pathlib import Path

HERE = Path("data/labelling/attribution")
OUT = Path("actorlens/resources/validation/attribution_labels.jsonl")
NO_NAME = {"unnamed", "unknown", ""}


def load(*names):
    rows = []
    for name in names:
        rows += [json.loads(line) for line in (HERE / name).open(encoding="utf-8") if line.strip()]
    return rows


def overlap(a, b) -> float:
    low, high = max(a["content_start"], b["content_start"]), min(a["content_end"], b["content_end"])
    shorter = min(a["content_end"] - a["content_start"], b["content_end"] - b["content_start"])
    return max(0, high - low) / max(1, shorter)


def same_speaker(x: str, y: str) -> bool:
    x, y = x.lower().strip(), y.lower().strip()
    if x in NO_NAME or y in NO_NAME:
        return (x in NO_NAME) == (y in NO_NAME)
    return x == y or x.split()[-1] == y.split()[-1]


def match(first, second):
    """Pairs (a, b) of matched items, then the items of each pass left unmatched."""
    pairs, used = [], set()
    for a in first:
        options = [(overlap(a, b), j) for j, b in enumerate(second)
                   if j not in used and b["doc_id"] == a["doc_id"]]  # fmt: skip
        options = [o for o in options if o[0] >= 0.5]
        if options:
            _, j = max(options)
            used.add(j)
            pairs.append((a, second[j]))
    matched_first = {id(a) for a, _ in pairs}
    return (pairs, [a for a in first if id(a) not in matched_first],
            [b for j, b in enumerate(second) if j not in used])  # fmt: skip


def kappa(pairs) -> float:
    """Cohen's kappa of the kinds of matched pairs."""
    n = len(pairs)
    observed = sum(a["kind"] == b["kind"] for a, b in pairs) / n
    first, second = Counter(a["kind"] for a, _ in pairs), Counter(b["kind"] for _, b in pairs)
    expected = sum(first[k] * second[k] for k in first) / n / n
    return (observed - expected) / (1 - expected)


def main():
    first = load("pass_A_1.jsonl", "pass_A_2.jsonl")
    second = load("pass_B_1.jsonl", "pass_B_2.jsonl")
    pairs, only_first, only_second = match(first, second)
    agree_kind = sum(a["kind"] == b["kind"] for a, b in pairs)
    agree_speaker = sum(same_speaker(a["speaker"], b["speaker"]) for a, b in pairs)
    print(f"pass A {len(first)}, pass B {len(second)}; matched {len(pairs)}, "
          f"A only {len(only_first)}, B only {len(only_second)}")  # fmt: skip
    print(f"detection F1 between passes {2 * len(pairs) / (len(first) + len(second)):.3f}; "
          f"kind agreement {agree_kind / len(pairs):.3f} (kappa {kappa(pairs):.3f}); "
          f"speaker agreement {agree_speaker / len(pairs):.3f}")  # fmt: skip
    disputes = []
    for a, b in pairs:
        if a["kind"] != b["kind"] or not same_speaker(a["speaker"], b["speaker"]):
            disputes.append({"type": "differ", "A": a, "B": b})
    disputes += [{"type": "A_only", "A": a} for a in only_first]
    disputes += [{"type": "B_only", "B": b} for b in only_second]
    for number, dispute in enumerate(disputes):
        dispute["dispute_id"] = f"d{number:03d}"
    with (HERE / "disputes.jsonl").open("w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(d, ensure_ascii=False) + "\n" for d in disputes)
    print(f"{len(disputes)} disputes written to {HERE / 'disputes.jsonl'}")
    decided = HERE / "adjudicated.jsonl"
    if not decided.is_file():
        return
    verdicts = {v["dispute_id"]: v for v in map(json.loads, decided.open(encoding="utf-8"))}
    split = {r["doc_id"]: r["split"] for r in csv.DictReader((HERE / "documents.csv").open())}
    disputed_pairs = {(id(d["A"]), id(d["B"])) for d in disputes if d["type"] == "differ"}
    labels = [a for a, b in pairs if (id(a), id(b)) not in disputed_pairs]
    for dispute in disputes:
        verdict = verdicts[dispute["dispute_id"]]
        if verdict["choice"] in ("A", "B"):
            labels.append(dispute[verdict["choice"]])
    labels.sort(key=lambda r: (r["doc_id"], r["content_start"]))
    with OUT.open("w", encoding="utf-8") as handle:
        for row in labels:
            row = {k: row[k] for k in ("doc_id", "kind", "content", "content_start", "content_end",
                                       "cue", "cue_start", "cue_end", "source", "source_start",
                                       "source_end", "speaker", "negated")}  # fmt: skip
            handle.write(json.dumps({**row, "split": split[row["doc_id"]]}, ensure_ascii=False) + "\n")
    kinds = Counter((r["kind"], split[r["doc_id"]]) for r in labels)
    print(f"{len(labels)} adjudicated labels written to {OUT}: {dict(sorted(kinds.items()))}")
    print(f"disputes: {Counter(v['choice'] for v in verdicts.values())}")


if __name__ == "__main__":
    main()
