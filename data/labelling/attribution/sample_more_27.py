"""Draw the later sets of attribution documents (issue 27, third round onward) and split them.

Eligible: Wikinews politics articles (not Category pages) with a body of 500-4,000 characters
that attribute something at least three times ("said", "says", "told", "according to"), outside
every labelled set of the project. Each goes to dev or test by the hash of its id used for the
British set; in an order shuffled with a fixed seed, the first 24 of each split are drawn.
Each round has its seed and file (:data:`ROUNDS`) and leaves out the documents of every
earlier set, not of later ones, so that each draw stays the same. Round c is dev only (48
documents): its pool holds Wikinews articles the lead read while writing rules, which a test
split must not.
Run from the project root: python data/labelling/attribution/sample_more_27.py [ROUND]
"""

import csv
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sample_british_27 import CORPUS, LABELLING, VALIDATION, split_of  # noqa: E402

# round -> (seed, dev only); round b is the third round of issue 27, round c the fourth
ROUNDS = {"b": (2703, False), "c": (2704, True), "d": (2705, True)}
CUE = re.compile(r"\b(?:said|says|told|according to)\b")
PER_SPLIT = 24


def out_of(round_: str) -> Path:
    return LABELLING / "attribution" / f"documents_27{round_}.csv"


def labelled(round_: str) -> set[str]:
    """Every Wikinews document some labelled set of the project before ``round_`` comes from."""
    later = {out_of(r) for r in ROUNDS if r >= round_}
    taken = set()
    for path in [*LABELLING.rglob("*.csv"), VALIDATION / "portrayal_labels.csv"]:
        if path in later:
            continue
        with path.open(encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames and "doc_id" in reader.fieldnames:
                taken |= {row["doc_id"] for row in reader
                          if row.get("corpus", "wikinews") == "wikinews"}  # fmt: skip
    return taken


def main(round_: str = "b"):
    taken, out = labelled(round_), out_of(round_)
    eligible = []
    for row in csv.DictReader((CORPUS / "manifest.csv").open(encoding="utf-8")):
        title, _, body = (CORPUS / row["file"]).read_text(encoding="utf-8").partition("\n\n")
        if row["doc_id"] in taken or title.startswith("Category:") or not 500 <= len(body) <= 4000:
            continue
        if len(CUE.findall(body)) >= 3:
            eligible.append(row)
    seed, dev_only = ROUNDS[round_]
    random.Random(seed).shuffle(eligible)
    chosen = [r for r in eligible if split_of(r["doc_id"]) == "dev"][:PER_SPLIT]
    chosen += [r for r in eligible if split_of(r["doc_id"]) == "test"][:PER_SPLIT]
    split = (lambda doc_id: "dev") if dev_only else split_of
    chosen.sort(key=lambda r: r["doc_id"])
    with out.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(("doc_id", "path", "split"))
        writer.writerows((r["doc_id"], str(CORPUS / r["file"]), split(r["doc_id"])) for r in chosen)
    print(f"{len(eligible)} eligible, {len(chosen)} drawn, "
          f"{sum(split(r['doc_id']) == 'test' for r in chosen)} test")  # fmt: skip


if __name__ == "__main__":
    main(*sys.argv[1:])
