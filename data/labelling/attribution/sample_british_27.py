"""Draw the British-style documents of the attribution labels (issue 27) and split them.

Eligible: Wikinews politics articles (not Category pages) with a body of 400-6,000 characters
that name the UK and its politics (Labour, Conservative, Westminster, MP, Britain, London,
Scotland ...) at least three times and write an honorific without a period before a name ("Mr
Kennedy", "Mrs Beckett"), or at least six times, outside every labelled set of the project.
44 are drawn with a fixed seed; each goes to dev or test by a hash of its id.
Run from the project root: python data/labelling/attribution/sample_british_27.py
"""

import csv
import hashlib
import random
import re
from pathlib import Path

CORPUS = Path("../shared/corpora/wikinews_politics")
LABELLING = Path("data/labelling")
OUT = LABELLING / "attribution" / "documents_27.csv"
VALIDATION = Path("actorlens/resources/validation")
HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Dr) [A-Z]")
UK = re.compile(
    r"\b(?:Labour|Conservatives?|Liberal Democrats?|Westminster|Downing Street|Home Secretary|"
    r"Tory|Tories|House of Commons|MPs?|Scotland|Scottish|Wales|Welsh|British|Britain|UK|"
    r"United Kingdom|London)\b"
)
DRAWN = 44


def split_of(doc_id: str) -> str:
    return "dev" if hashlib.sha256(doc_id.encode()).digest()[0] % 2 == 0 else "test"


def labelled() -> set[str]:
    """Every Wikinews document some labelled set of the project comes from (rows of another
    corpus, such as PerSenT's numbered documents, are not Wikinews ids)."""
    taken = set()
    for path in [*LABELLING.rglob("*.csv"), VALIDATION / "portrayal_labels.csv"]:
        if path == OUT:
            continue
        with path.open(encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames and "doc_id" in reader.fieldnames:
                taken |= {row["doc_id"] for row in reader
                          if row.get("corpus", "wikinews") == "wikinews"}  # fmt: skip
    return taken


def main():
    taken = labelled()
    eligible = []
    for row in csv.DictReader((CORPUS / "manifest.csv").open(encoding="utf-8")):
        title, _, body = (CORPUS / row["file"]).read_text(encoding="utf-8").partition("\n\n")
        if row["doc_id"] in taken or title.startswith("Category:") or not 400 <= len(body) <= 6000:
            continue
        named = len(UK.findall(body))
        if named >= 6 or (named >= 3 and HONORIFIC.search(body)):
            eligible.append(row)
    chosen = sorted(random.Random(27).sample(eligible, DRAWN), key=lambda r: r["doc_id"])
    with OUT.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(("doc_id", "path", "split"))
        writer.writerows((r["doc_id"], str(CORPUS / r["file"]), split_of(r["doc_id"])) for r in chosen)
    print(f"{len(eligible)} eligible, {len(chosen)} drawn, "
          f"{sum(split_of(r['doc_id']) == 'test' for r in chosen)} test")  # fmt: skip


if __name__ == "__main__":
    main()
