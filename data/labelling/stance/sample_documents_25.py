"""Draw the second set of Wikinews stance documents (issue 25): 200 more Iraq-war articles.

Eligibility as in ``sample_documents.py``, widened to bodies of 300-6,000 characters (naming Iraq at least
twice and holding "war", "troops", "invasion" or "occupation"), excluding the 48 drawn for
issue 19; fixed seed: 160 drawn first (labelled in a first round), then the 9 left and 31
articles that name Iraq once (a second round, to pass 300 new labels). Each document is assigned to the dev or test split by a hash of its id.
Run from the project root: python data/labelling/stance/sample_documents_25.py
"""

import csv
import hashlib
import random
import re
from pathlib import Path

CORPUS = Path("../shared/corpora/wikinews_politics")
FIRST = Path("data/labelling/stance/wikinews_documents.csv")
OUT = Path("data/labelling/stance/wikinews_documents_25.csv")
WAR = re.compile(r"\b(war|troops|invasion|occupation)\b", re.I)


def split_of(doc_id: str) -> str:
    """dev for about half the documents, test for the rest, by a hash of the id."""
    return "dev" if hashlib.sha256(doc_id.encode()).digest()[0] % 2 == 0 else "test"


def main():
    taken = {row["doc_id"] for row in csv.DictReader(FIRST.open(encoding="utf-8"))}
    eligible, once = [], []
    for row in csv.DictReader((CORPUS / "manifest.csv").open(encoding="utf-8")):
        title, _, body = (CORPUS / row["file"]).read_text(encoding="utf-8").partition("\n\n")
        if row["doc_id"] in taken:
            continue
        if 300 <= len(body) <= 6000 and WAR.search(body):
            named = len(re.findall(r"\bIraq", body))
            (eligible if named >= 2 else once if named == 1 else []).append(row)
    chosen = random.Random(25).sample(eligible, 160)
    rest = [row for row in eligible if row not in chosen]
    chosen = sorted(chosen + rest + random.Random(25).sample(once, 40 - len(rest)),
                    key=lambda r: r["doc_id"])
    with OUT.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(("doc_id", "path", "split"))
        writer.writerows((r["doc_id"], str(CORPUS / r["file"]), split_of(r["doc_id"])) for r in chosen)
    print(f"{len(eligible)} eligible, {len(once)} naming Iraq once; {len(chosen)} drawn")


if __name__ == "__main__":
    main()
