"""Compare the tables of two runs (``--out`` folders), to check that a change changes no
table: every CSV of ``data/processed`` and ``reports/figures`` byte for byte; a run whose
``mentions.csv`` still holds the roles and scores (before ``mention_scores.csv``) is
compared with the new ``mentions.csv`` joined with ``mention_scores.csv``.

    .venv/bin/python benchmarks/compare_runs.py REFERENCE_OUT NEW_OUT
"""

import filecmp
import sys
from pathlib import Path

import pandas as pd

KEY = ["doc_id", "actor_id", "start", "end"]


def differences(reference: Path, new: Path) -> list[str]:
    """The tables of ``reference`` that ``new`` does not reproduce."""
    different = []
    for folder in ("data/processed", "reports/figures"):
        for old in sorted((reference / folder).glob("*.csv")):
            counterpart = new / folder / old.name
            if old.name == "mentions.csv" and (new / folder / "mention_scores.csv").is_file():
                same = joined_mentions(new / folder, old) == old.read_bytes()
            else:
                same = counterpart.is_file() and filecmp.cmp(old, counterpart, shallow=False)
            if not same:
                different.append(f"{folder}/{old.name}")
    return different


def joined_mentions(folder: Path, old: Path) -> bytes:
    """The new mentions joined with their scores, in the old file's columns, as CSV."""
    mentions = pd.read_csv(folder / "mentions.csv", dtype=str, keep_default_na=False)
    scores = pd.read_csv(folder / "mention_scores.csv", dtype=str, keep_default_na=False)
    joined = mentions.merge(scores, on=KEY, how="left", validate="one_to_one")
    columns = pd.read_csv(old, nrows=0).columns.tolist()
    if not set(columns) <= set(joined.columns):
        return b""
    return joined[columns].to_csv(index=False, lineterminator="\n").encode("utf-8")


if __name__ == "__main__":
    found = differences(Path(sys.argv[1]), Path(sys.argv[2]))
    print("\n".join(f"differs: {name}" for name in found) or "every table is the same")
    sys.exit(1 if found else 0)
