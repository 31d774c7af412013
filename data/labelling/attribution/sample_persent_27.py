"""Draw a fresh test set of attribution documents from another source: PerSenT (issue 27, sixth
round, split ``test_persent``).

Every earlier round drew Wikinews articles, and the lead has read unlabelled Wikinews text while
writing rules, so no new Wikinews draw can be a test. PerSenT's dev documents (CC BY 4.0; news
from US and world outlets, 2010s) are text the rules were not written on. Eligible: documents
of its dev split outside the portrayal labelled sets, with a body of 500-4,000 characters that
attribute something at least three times ("said", "says", "told", "according to"); 24 are drawn
with a fixed seed. Each is written to ``attribution_documents/P<index>.txt`` as its title, a
blank line and its paragraphs, one per line, with PerSenT's lost commas put back: a comma
became a space there ("In 2006  Benjamin", "suckers " Koellmann said", "$1 500"), so two spaces
read ", ", a space before a closing quote reads "," and a space between a digit and three digits
reads ","; before that, the space PerSenT added on each side of a mention of the article's
person or a pronoun ("Backstage   Bryant  looked") is taken away. Text that was UTF-8 read as
Latin-1 keeps that fault (it is repaired on the decoded text, then encoded again).
Run from the project root: python data/labelling/attribution/sample_persent_27.py
"""

import csv
import random
import re
from pathlib import Path

import ftfy

PERSENT = Path("../shared/corpora/persent/dev.csv")
LABELLING = Path("data/labelling")
OUT = LABELLING / "attribution" / "documents_27e.csv"
DOCUMENTS = Path("actorlens/resources/validation/attribution_documents")
CUE = re.compile(r"\b(?:said|says|told|according to)\b")
DRAWN, SEED = 24, 2706
DOUBLE_SPACE = re.compile(r"(?<=\S) {2,}(?=\S)")
THOUSANDS = re.compile(r"(?<=\d) (?=\d{3}\b)")
SPACE_BEFORE_CLOSE = re.compile(r'(?<=[^\W_]) ["”](?=[\s\n]|$)')
PRONOUNS = (
    "he",
    "she",
    "his",
    "her",
    "him",
    "He",
    "She",
    "His",
    "Her",
    "Him",
    "himself",
    "herself",
)


def seen() -> set[str]:
    """PerSenT documents some portrayal labelled set of the project comes from."""
    taken = set()
    for path in LABELLING.rglob("items_key.csv"):
        with path.open(encoding="utf-8") as handle:
            taken |= {row["doc_id"] for row in csv.DictReader(handle) if row["corpus"] == "persent"}
    return taken


def unpadded(paragraph: str, target: str) -> str:
    """``paragraph`` less the space PerSenT put on each side of a mention of its target person
    or a pronoun ("Backstage   Bryant  looked" -> "Backstage  Bryant looked", "Bryant 's" ->
    "Bryant's"): a mention with two spaces or more on both sides, or at the line's start."""
    words = {w for w in re.findall(r"[^\W\d_][\w'’-]+", target)} | {target, *PRONOUNS}
    mention = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    padded = re.compile(
        rf"(?:(?<=\S)(?P<left> {{2,}})|^)(?P<m>{mention})(?P<right> {{2,}}| (?='s\b))(?=\S)"
    )

    def one_less(match: re.Match) -> str:
        return (match["left"] or " ")[1:] + match["m"] + match["right"][1:]

    return padded.sub(one_less, paragraph.strip())


def repaired(paragraph: str, target: str = "") -> str:
    """One PerSenT paragraph with its target mentions unpadded and its lost commas put back
    (in text that was UTF-8 read as Latin-1, it is put back in that form: the repair is made
    on the decoded text, then encoded again, so the documents keep that fault)."""
    fixed = ftfy.fix_encoding(paragraph)
    text = THOUSANDS.sub(",", DOUBLE_SPACE.sub(", ", unpadded(fixed, target)))
    straight_open, out, at = False, [], 0
    for mark in re.finditer('["“”]', text):  # straight quotes pair in order within a paragraph
        closes = mark.group() == "”" or (mark.group() == '"' and straight_open)
        if closes and SPACE_BEFORE_CLOSE.match(text, mark.start() - 1):
            out.append(text[at : mark.start() - 1] + "," + mark.group())
        else:
            out.append(text[at : mark.end()])
        at = mark.end()
        straight_open = straight_open != (mark.group() == '"')
    text = "".join(out) + text[at:]
    return text.encode("utf-8").decode("latin-1") if fixed != paragraph else text


def main():
    taken = seen()
    with PERSENT.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["DOCUMENT_INDEX"] not in taken]
    eligible = [r for r in rows
                if 500 <= len(r["DOCUMENT"]) <= 4000 and len(CUE.findall(r["DOCUMENT"])) >= 3]  # fmt: skip
    chosen = sorted(
        random.Random(SEED).sample(eligible, DRAWN), key=lambda r: int(r["DOCUMENT_INDEX"])
    )
    out = [("doc_id", "path", "split")]
    for row in chosen:
        doc_id = f"P{row['DOCUMENT_INDEX']}"
        paragraphs = [
            repaired(p, row["TARGET_ENTITY"]) for p in row["DOCUMENT"].split("\n") if p.strip()
        ]
        path = DOCUMENTS / f"{doc_id}.txt"
        path.write_text(
            row["TITLE"].strip() + "\n\n" + "\n".join(paragraphs) + "\n", encoding="utf-8"
        )
        out.append((doc_id, str(path), "test_persent"))
    with OUT.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(out)
    print(f"{len(eligible)} eligible, {DRAWN} drawn to {OUT}")


if __name__ == "__main__":
    main()
