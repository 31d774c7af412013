"""Draw the documents of the attribution labelled set (issue 18) and split them by document.

120 Wikinews politics articles with a body of 500-4,000 characters (Category pages left out),
drawn with a fixed seed, plus the five seeds. Half of the Wikinews documents (by a second draw)
and seeds 002 and 003 form the test split; the rest is dev.
Run from the project root: python data/labelling/attribution/sample_documents.py
"""

import csv
import random
from pathlib import Path

CORPUS = Path("../shared/corpora/wikinews_politics")
OUT = Path("data/labelling/attribution/documents.csv")
SEED_TEST = {"002", "003"}


def main():
    rows = list(csv.DictReader((CORPUS / "manifest.csv").open(encoding="utf-8")))
    eligible = []
    for row in rows:
        text = (CORPUS / row["file"]).read_text(encoding="utf-8")
        title, _, body = text.partition("\n\n")
        if title.startswith("Category:") or not 500 <= len(body) <= 4000:
            continue
        eligible.append(row)
    rng = random.Random(18)
    chosen = sorted(rng.sample(eligible, 120), key=lambda r: r["doc_id"])
    test = set(rng.sample([r["doc_id"] for r in chosen], 60))
    out = [("doc_id", "path", "split")]
    for path in sorted(Path("seeds").glob("*.txt")):
        doc_id = path.name[:3]
        out.append((doc_id, str(path), "test" if doc_id in SEED_TEST else "dev"))
    for row in chosen:
        out.append((row["doc_id"], str(CORPUS / row["file"]), "test" if row["doc_id"] in test else "dev"))
    with OUT.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(out)
    print(f"{len(out) - 1} documents, {sum(r[2] == 'test' for r in out[1:])} test")


if __name__ == "__main__":
    main()
