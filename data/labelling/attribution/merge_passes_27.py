"""Issue 27's attribution labels: compare the two passes of each new set, list what they
disagree on, and (once the adjudications exist) add the adjudicated labels to the shipped set.

Five sets: ``british`` (every kind, in the 44 British-style documents of ``documents_27.csv``),
``positions`` (the ``position`` kind only, in the 125 documents of ``documents.csv``, whose
speech was labelled for issue 18), ``more`` (every kind, in the 48 documents of the third
round, ``documents_27b.csv``), ``more_c`` (every kind, the 48 dev documents of the fourth,
``documents_27c.csv``), ``more_d`` (every kind, the 48 dev documents of the fifth,
``documents_27d.csv``) and ``persent`` (every kind, the 24 PerSenT documents of the sixth, split
``test_persent``, ``documents_27e.csv``). Items are matched as in ``merge_passes.py``. The
shipped file keeps every label it held and gains the adjudicated new ones, each with its
document's split.

Run from the project root: python data/labelling/attribution/merge_passes_27.py
"""

import csv
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from merge_passes import HERE, OUT, kappa, load, match, same_speaker  # noqa: E402

SETS = {"british": "documents_27.csv", "positions": "documents.csv", "more": "documents_27b.csv",
        "more_c": "documents_27c.csv", "more_d": "documents_27d.csv",
        "persent": "documents_27e.csv"}  # fmt: skip
EVERY_KIND = ("british", "more", "more_c", "more_d", "persent")
PREFIX = {"british": "b", "positions": "p", "more": "m", "more_c": "c", "more_d": "d",
          "persent": "e"}  # fmt: skip
FIELDS = ("doc_id", "kind", "content", "content_start", "content_end", "cue", "cue_start",
          "cue_end", "source", "source_start", "source_end", "speaker", "negated")  # fmt: skip


def disputes_of(name: str):
    first = load(*sorted(p.name for p in HERE.glob(f"pass_A_{name}_[0-9].jsonl")))
    second = load(*sorted(p.name for p in HERE.glob(f"pass_B_{name}_[0-9].jsonl")))
    pairs, only_first, only_second = match(first, second)
    agree_speaker = sum(same_speaker(a["speaker"], b["speaker"]) for a, b in pairs)
    print(f"{name}: pass A {len(first)}, pass B {len(second)}; matched {len(pairs)}; detection F1 "
          f"between passes {2 * len(pairs) / (len(first) + len(second)):.3f}; kind agreement "
          f"{sum(a['kind'] == b['kind'] for a, b in pairs) / len(pairs):.3f} (kappa "
          f"{kappa(pairs) if name in EVERY_KIND else float('nan'):.3f}); speaker agreement "
          f"{agree_speaker / len(pairs):.3f}")  # fmt: skip
    for kind in ("direct", "reported", "mixed", "position"):
        a = [x for x in first if x["kind"] == kind]
        b = [x for x in second if x["kind"] == kind]
        if a or b:
            print(f"  {kind}: A {len(a)}, B {len(b)}, "
                  f"F1 between passes {2 * len(match(a, b)[0]) / (len(a) + len(b)):.3f}")  # fmt: skip
    disputes = [{"type": "differ", "A": a, "B": b} for a, b in pairs
                if a["kind"] != b["kind"] or not same_speaker(a["speaker"], b["speaker"])]  # fmt: skip
    disputes += [{"type": "A_only", "A": a} for a in only_first]
    disputes += [{"type": "B_only", "B": b} for b in only_second]
    for number, dispute in enumerate(disputes):
        dispute["dispute_id"] = f"{PREFIX[name]}{number:03d}"
    agreed = [a for a, b in pairs
              if a["kind"] == b["kind"] and same_speaker(a["speaker"], b["speaker"])]  # fmt: skip
    return agreed, disputes


def main():
    added, complete = [], True
    for name, documents in SETS.items():
        agreed, disputes = disputes_of(name)
        with (HERE / f"disputes_27_{name}.jsonl").open("w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(d, ensure_ascii=False) + "\n" for d in disputes)
        print(f"  {len(disputes)} disputes written")
        decided = HERE / f"adjudicated_27_{name}.jsonl"
        if not decided.is_file():
            complete = False
            continue
        verdicts = {v["dispute_id"]: v for v in map(json.loads, decided.open(encoding="utf-8"))}
        assert set(verdicts) == {d["dispute_id"] for d in disputes}, f"{decided} out of date"
        labels = agreed + [d[verdicts[d["dispute_id"]]["choice"]] for d in disputes
                           if verdicts[d["dispute_id"]]["choice"] in ("A", "B")]  # fmt: skip
        split = {r["doc_id"]: r["split"] for r in csv.DictReader((HERE / documents).open())}
        added += [{**{k: row[k] for k in FIELDS}, "split": split[row["doc_id"]]} for row in labels]
        print(f"  {Counter(v['choice'] for v in verdicts.values())}; {len(labels)} labels")
    if not complete:
        return
    kept = [json.loads(line) for line in OUT.open(encoding="utf-8")
            if json.loads(line)["kind"] != "position"]  # fmt: skip
    relabelled = {r["doc_id"] for name in EVERY_KIND
                  for r in csv.DictReader((HERE / SETS[name]).open())}  # fmt: skip
    kept = [row for row in kept if row["doc_id"] not in relabelled]
    # an item both chosen in a crossed pair and on its own is one label
    unique = {(r["doc_id"], r["kind"], r["content_start"], r["content_end"], r["speaker"]): r
              for r in kept + added}  # fmt: skip
    rows = sorted(unique.values(), key=lambda r: (r["doc_id"], r["content_start"], r["kind"]))
    with OUT.open("w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    print(f"{len(rows)} labels in {OUT}: "
          f"{dict(sorted(Counter((r['kind'], r['split']) for r in rows).items()))}")  # fmt: skip


if __name__ == "__main__":
    main()
