"""Compare the two stance labelling passes, report their agreement, write the adjudicated labels.

Seeds: one cell per (document, actor of seeds/actors.yml) toward "talks", -2..+2 or null.
Agreement over the 135 cells on the category null / favour / neutral / against (Cohen's kappa),
and on sign and exact value where both give a value. The four cells where the passes differ
were adjudicated by reading them against the rule (ADJUDICATED below, with the reason).
Wikinews: rows per (document, actor named in it) toward "iraq_war"; the passes are matched on
the document and the actor's full name or last word; matched rows take pass A's value (their
signs agree on every matched pair), and a row only one pass found is kept (the rule asks for
every actor with a position; a pass that missed one is not evidence against it).
Issue 25 added 160 more Wikinews articles (``sample_documents_25.py``), labelled the same way
by two new independent passes (``pass_*_wikinews_25.csv``) and merged the same way; the three
matched rows whose signs differ were adjudicated against the rule (ADJUDICATED_25). Every
document is in the dev or the test split, by a hash of its id (``sample_documents_25.split_of``).
Run from the project root: python data/labelling/stance/merge_passes.py
"""

import sys

import numpy as np
import pandas as pd
from sklearn.metrics import cohen_kappa_score

HERE = "data/labelling/stance"
OUT = "actorlens/resources/validation/stance_labels.csv"
# (doc, actor) -> adjudicated label and reason, for the seed cells the passes differ on
ADJUDICATED = {
    ("000", "europe"): ("1", "Kallas speaks for the EU: 'by working together with the U.S., we can achieve a just and lasting peace' (B)"),
    ("004", "lavrov"): ("null", "rules out a kind of deal, says nothing of the talks themselves (B)"),
    ("004", "france"): ("null", "planning a post-war force is not a position on the talks (B)"),
    ("004", "united_kingdom"): ("null", "planning a post-war force is not a position on the talks (B)"),
}


# (doc, actor) -> adjudicated label and reason, for the matched issue-25 rows whose signs differ
ADJUDICATED_25 = {
    ("0389", "Lord Goldsmith"): ("-1", "only his reservations about the war's legality are reported: leaning against (A)"),
    ("2387", "Gordon Brown"): ("0", "said to have opposed the war, then given in, and he disputes the account: neither (A)"),
    ("2572", "Gordon Brown"): ("0", "hopes for troop cuts while funding reconstruction and visiting the troops: neither (A)"),
}


def category(label: str) -> str:
    return "null" if label == "null" else "favour" if int(label) > 0 else "against" if int(label) < 0 else "neutral"


def seeds() -> pd.DataFrame:
    a = pd.read_csv(f"{HERE}/pass_A_seeds.csv", dtype=str, keep_default_na=False)
    b = pd.read_csv(f"{HERE}/pass_B_seeds.csv", dtype=str, keep_default_na=False)
    a["doc_id"], b["doc_id"] = a["doc_id"].str[:3], b["doc_id"].str[:3]
    both = a.merge(b, on=["doc_id", "actor"], suffixes=("_a", "_b"), validate="one_to_one")
    kappa = cohen_kappa_score(both["label_a"].map(category), both["label_b"].map(category))
    valued = both[(both["label_a"] != "null") & (both["label_b"] != "null")]
    sign = (np.sign(valued["label_a"].astype(int)) == np.sign(valued["label_b"].astype(int))).mean()
    print(f"seeds: {len(both)} cells; kappa (null/favour/neutral/against) {kappa:.3f}; both valued "
          f"{len(valued)}, sign agreement {sign:.3f}, exact {(valued['label_a'] == valued['label_b']).mean():.3f}")
    rows = []
    for r in both.itertuples(index=False):
        label, evidence = r.label_a, r.evidence_a
        if category(r.label_a) != category(r.label_b):
            label, _ = ADJUDICATED[(r.doc_id, r.actor)]
            evidence = r.evidence_b if label == r.label_b else r.evidence_a
        rows.append(("seeds", r.doc_id, r.actor, "talks", label, evidence))
    return pd.DataFrame(rows, columns=["corpus", "doc_id", "actor", "target", "label", "evidence"])


def wikinews(suffix: str = "", adjudicated: dict | None = None) -> pd.DataFrame:
    a = pd.read_csv(f"{HERE}/pass_A_wikinews{suffix}.csv", dtype=str, keep_default_na=False)
    b = pd.read_csv(f"{HERE}/pass_B_wikinews{suffix}.csv", dtype=str, keep_default_na=False)
    for frame in (a, b):
        frame["key"] = frame["actor"].str.strip().str.lower()
    both = a.merge(b, on=["doc_id", "key"], how="outer", suffixes=("_a", "_b"), indicator=True)
    # a name the passes wrote differently ("Bush" / "George W. Bush"): match on the last word
    # when that leaves a single candidate in the document
    only_a, only_b = both[both["_merge"] == "left_only"], both[both["_merge"] == "right_only"]
    pairs = []
    for i, row in only_a.iterrows():
        last = row["key"].split()[-1]
        same = only_b[(only_b["doc_id"] == row["doc_id"]) & (only_b["key"].str.split().str[-1] == last)]
        if len(same) == 1 and last not in {"party", "house", "administration", "government"}:
            pairs.append((i, same.index[0]))
    matched = both[both["_merge"] == "both"]
    values = [(int(r.label_a), int(r.label_b)) for r in matched.itertuples()]
    values += [(int(both.at[i, "label_a"]), int(both.at[j, "label_b"])) for i, j in pairs]
    la, lb = np.array(values).T
    print(f"wikinews{suffix}: pass A {len(a)}, pass B {len(b)} rows; matched {len(values)}; sign agreement "
          f"{(np.sign(la) == np.sign(lb)).mean():.3f}, exact {(la == lb).mean():.3f}; "
          f"one pass only: {len(only_a) + len(only_b) - 2 * len(pairs)}")
    differing = [(r.doc_id, r.actor_a) for r in matched.itertuples()
                 if np.sign(int(r.label_a)) != np.sign(int(r.label_b))]
    differing += [(both.at[i, "doc_id"], both.at[i, "actor_a"]) for i, j in pairs
                  if np.sign(int(both.at[i, "label_a"])) != np.sign(int(both.at[j, "label_b"]))]
    if set(differing) != set(adjudicated or {}):
        sys.exit(f"adjudicate exactly the rows whose signs differ: {sorted(differing)}")
    dropped = {j for _, j in pairs}
    rows = []
    for i, r in both.iterrows():
        if i in dropped:
            continue
        if r["_merge"] == "right_only":
            rows.append(("wikinews", r["doc_id"], r["actor_b"], "iraq_war", r["label_b"], r["evidence_b"]))
        else:
            label = (adjudicated or {}).get((r["doc_id"], r["actor_a"]), (r["label_a"],))[0]
            rows.append(("wikinews", r["doc_id"], r["actor_a"], "iraq_war", label, r["evidence_a"]))
    return pd.DataFrame(rows, columns=["corpus", "doc_id", "actor", "target", "label", "evidence"])


if __name__ == "__main__":
    sys.path.insert(0, HERE)
    from sample_documents_25 import split_of

    labels = pd.concat([seeds(), wikinews(), wikinews("_25", ADJUDICATED_25)], ignore_index=True)
    labels["split"] = labels["doc_id"].map(split_of)
    labels.to_csv(OUT, index=False)
    print(labels[labels["label"] != "null"].groupby(["corpus", "split"]).agg(
        rows=("doc_id", "size"), documents=("doc_id", "nunique")).to_string())
    valued = labels[labels["label"] != "null"]
    print(f"{len(labels)} rows written to {OUT}; non-null: {valued.groupby('corpus').size().to_dict()}")
