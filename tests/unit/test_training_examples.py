"""The MiniLM model's training examples (actorlens.training.examples) and the PerSenT
documents they may come from (actorlens.evaluation.persent.training_half)."""

import pandas as pd

from actorlens.evaluation import persent
from actorlens.training import examples


def persent_frame(indices, paragraphs, labels):
    row = {
        "TITLE": "t",
        "TARGET_ENTITY": "Ann Lee",
        "MASKED_DOCUMENT": "",
        "TRUE_SENTIMENT": "Neutral",
    }
    rows = []
    for index in indices:
        cells = {f"Paragraph{i}": (labels[i] if i < len(labels) else None)
                 for i in range(persent.PARAGRAPHS)}  # fmt: skip
        rows.append({**row, "DOCUMENT_INDEX": index, "DOCUMENT": "\n".join(paragraphs), **cells})
    return pd.DataFrame(rows)


def test_the_training_half_is_fixed_by_the_index_and_never_holds_a_labelled_document():
    labelled = pd.read_csv(persent.PORTRAYAL_LABELS, dtype={"doc_id": str})
    taken = labelled.loc[labelled["corpus"] == "persent", "doc_id"].astype(int).tolist()
    frame = persent_frame(list(range(400)) + taken[:20], ["Ann Lee won."], ["Positive"])
    half = persent.training_half(frame)
    assert not set(half["DOCUMENT_INDEX"]) & set(taken)
    assert 150 < len(half) < 250  # about half of the 400 unlabelled ones
    assert half.equals(persent.training_half(frame.sample(frac=1, random_state=1)).sort_index())
    assert set(persent.held_out(frame)["DOCUMENT_INDEX"]) == (
        set(frame["DOCUMENT_INDEX"]) - set(half["DOCUMENT_INDEX"])
    )


def test_own_labels_become_label_names(tmp_path):
    path = tmp_path / "labels.csv"
    path.write_text("item_id,sentence,start,end,label\nt1,Lee lied.,0,3,-1\nt2,Lee met Bo.,0,3,0\n")
    assert examples.own_labels(path).values.tolist() == [
        ["Lee lied.", 0, 3, "negative"],
        ["Lee met Bo.", 0, 3, "neutral"],
    ]
