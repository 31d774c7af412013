"""Merge the two labelling passes of the portrayal training items into ``labels.csv``.

Where passes A and B agree, their label stands; each disagreement takes the label in
``adjudications.csv`` (decided by reading the sentence under ``../RULE.md``). Prints the
agreement (share and Cohen's kappa). Run from the project root:

    .venv/bin/python data/labelling/portrayal_train/merge_passes.py
"""

from pathlib import Path

import pandas as pd
from sklearn.metrics import cohen_kappa_score

HERE = Path(__file__).resolve().parent


def passes(name: str) -> pd.DataFrame:
    parts = [
        pd.read_csv(HERE / f"pass_{name}_{half}.csv", keep_default_na=False) for half in (1, 2)
    ]
    return pd.concat(parts)[["item_id", "label", "note"]].rename(
        columns={"label": f"label_{name.lower()}", "note": f"note_{name.lower()}"}
    )


def main() -> None:
    key = pd.read_csv(HERE / "items_key.csv", dtype={"doc_id": str}, keep_default_na=False)
    merged = key.merge(passes("A"), on="item_id", validate="1:1").merge(
        passes("B"), on="item_id", validate="1:1"
    )
    decided = pd.read_csv(HERE / "adjudications.csv").set_index("item_id")
    disputed = merged["label_a"] != merged["label_b"]
    assert set(merged.loc[disputed, "item_id"]) == set(decided.index), "adjudications out of date"
    merged["adjudicated"] = disputed
    merged["label"] = merged["label_a"].where(~disputed, merged["item_id"].map(decided["label"]))
    merged["label"] = merged["label"].astype(int)
    kappa = cohen_kappa_score(merged["label_a"], merged["label_b"])
    print(f"{len(merged)} items, agreement {1 - disputed.mean():.3f}, Cohen's kappa {kappa:.3f}, "
          f"{int(disputed.sum())} adjudicated")  # fmt: skip
    print(merged["label"].value_counts().sort_index().to_string())
    merged.to_csv(HERE / "labels.csv", index=False)


if __name__ == "__main__":
    main()
