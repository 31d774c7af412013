"""Move the PerSenT labelling passes onto the documents as drawn again (run once).

The PerSenT documents were first drawn (commit 0d3499d) with a space PerSenT adds on each side
of a mention of the article's person read as a lost comma ("Backstage, Bryant, looked", "he,
said"); ``sample_persent_27.py`` now takes that space away first. The passes were labelled on
the first texts. Each labelled span moves to the new text by a character alignment of the two
(difflib; they differ only in commas and spaces), and its string is read from the new text
there, less the spaces and commas at its edges. Who said what is unchanged; a span whose
letters differ after the move is reported.
Run from the project root, with the first texts in a folder:
    python data/labelling/attribution/remap_persent_27.py OLD_FOLDER
"""

import difflib
import json
import re
import sys
from bisect import bisect_right
from pathlib import Path

HERE = Path("data/labelling/attribution")
DOCUMENTS = Path("actorlens/resources/validation/attribution_documents")
SPANS = (("content", "content_start", "content_end"), ("cue", "cue_start", "cue_end"),
         ("source", "source_start", "source_end"))  # fmt: skip
EDGE = " ,"


def offset_map(old: str, new: str):
    """A function from an offset in ``old`` to the matching offset in ``new``."""
    blocks = difflib.SequenceMatcher(None, old, new, autojunk=False).get_matching_blocks()
    starts = [b.a for b in blocks]

    def moved(offset: int) -> int:
        block = blocks[max(0, bisect_right(starts, offset) - 1)]
        return block.b + min(offset - block.a, block.size)

    return moved


def remap(row: dict, old: str, new: str, moved) -> tuple[dict, bool]:
    """``row`` with its spans moved to ``new``; whether every span keeps its letters."""
    kept = True
    for field, start, end in SPANS:
        if row[start] < 0:
            continue
        a, b = moved(row[start]), moved(row[end])
        while a < b and new[a] in EDGE:
            a += 1
        while b > a and new[b - 1] in EDGE:
            b -= 1
        letters = re.sub(r"[\s,]", "", old[row[start] : row[end]])
        kept &= letters == re.sub(r"[\s,]", "", new[a:b])
        row[start], row[end], row[field] = a, b, new[a:b]
    return row, kept


def main(old_folder: str):
    texts = {}
    for path in sorted(HERE.glob("pass_[AB]_persent_[0-9].jsonl")):
        rows, changed = [], 0
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            doc = row["doc_id"]
            if doc not in texts:
                old = (Path(old_folder) / f"{doc}.txt").read_text(encoding="utf-8")
                new = (DOCUMENTS / f"{doc}.txt").read_text(encoding="utf-8")
                texts[doc] = (old, new, offset_map(old, new))
            row, kept = remap(row, *texts[doc])
            changed += not kept
            rows.append(row)
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                        encoding="utf-8")  # fmt: skip
        print(f"{path.name}: {len(rows)} labels moved, {changed} with other letters")


if __name__ == "__main__":
    main(*sys.argv[1:])
