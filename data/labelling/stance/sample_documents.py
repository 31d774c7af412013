"""Draw the Wikinews documents of the stance labelled set (issue 19): articles about the Iraq war.

An article qualifies when its body (500-4,000 characters) names Iraq at least twice and holds
"war", "troops", "invasion" or "occupation"; 48 are drawn with a fixed seed.
Run from the project root: python data/labelling/stance/sample_documents.py
"""

import csv
import random
import re
from pathlib import Path

CORPUS = Path("../shared/corpora/wikinews_politics")
OUT = Path("data/labelling/stance/wikinews_documents.csv")
WAR = re.compile(r"\b(war|troops|invasion|occupation)\b", re.I)


def main():
    eligible = []
    for row in csv.DictReader((CORPUS / "manifest.csv").open(encoding="utf-8")):
        title, _, body = (CORPUS / row["file"]).read_text(encoding="utf-8").partition("\n\n")
        if 500 <= len(body) <= 4000 and len(re.findall(r"\bIraq", body)) >= 2 and WAR.search(body):
            eligible.append(row)
    chosen = sorted(random.Random(19).sample(eligible, 48), key=lambda r: r["doc_id"])
    with OUT.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(("doc_id", "path"))
        writer.writerows((r["doc_id"], str(CORPUS / r["file"])) for r in chosen)
    print(f"{len(eligible)} eligible, {len(chosen)} drawn")


if __name__ == "__main__":
    main()
