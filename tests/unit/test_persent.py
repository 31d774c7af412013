"""PerSenT agreement: the files' quirks undone, marks scored as mentions, thresholds from dev."""

import numpy as np
import pandas as pd

from actorlens.evaluation import persent
from actorlens.scoring.scorers import SentenceVader


def documents(rows):
    """A PerSenT-shaped frame from (index, entity, label, [(paragraph, label), ...])."""
    records = []
    for index, entity, label, paragraphs in rows:
        record = {"DOCUMENT_INDEX": index, "TITLE": "", "TARGET_ENTITY": entity,
                  "DOCUMENT": "", "TRUE_SENTIMENT": label,
                  "MASKED_DOCUMENT": "\n".join(text for text, _ in paragraphs)}  # fmt: skip
        for number in range(persent.PARAGRAPHS):
            record[f"Paragraph{number}"] = (
                paragraphs[number][1] if number < len(paragraphs) else np.nan
            )
        records.append(record)
    return pd.DataFrame(records)


def test_mojibake_and_lost_commas_are_undone():
    assert (
        persent.readable("It\u00e2\u20ac\u2122s late  said [TGT].") == "It\u2019s late, said [TGT]."
    )
    assert persent.readable("Caf\u00e9 owners") == "Caf\u00e9 owners"  # already right: kept


def test_each_mark_is_a_mention_of_the_surname():
    frame = documents([(7, "Anna Maria Kovacs", "Positive",
                        [("[TGT] won. Critics praised [TGT] and [TGT] book.", "Positive"),
                         ("The weather was mild.", "Neutral")])])  # fmt: skip
    found = persent.mentions(frame)
    assert (
        found["sentence"].tolist()
        == ["Kovacs won."] + ["Critics praised Kovacs and Kovacs book."] * 2
    )
    assert list(zip(found["start"], found["end"], strict=True)) == [(0, 6), (16, 22), (27, 33)]
    assert found[["doc", "paragraph", "doc_label", "paragraph_label"]].values.tolist() == [
        [7, 0, 1, 1], [7, 0, 1, 1], [7, 0, 1, 1]]  # fmt: skip


def test_paragraph_labels_are_dropped_when_they_do_not_line_up():
    frame = documents([(1, "Lee", "Neutral", [("[TGT] spoke.", "Neutral")])])
    frame.loc[0, "MASKED_DOCUMENT"] = "[TGT] spoke.\n[TGT] left."  # two paragraphs, one label
    found = persent.mentions(frame)
    assert found["paragraph_label"].isna().all() and found["doc_label"].tolist() == [0, 0]


def test_thresholds_come_from_dev_and_apply_unchanged():
    assert persent.classify(np.array([-0.5, -0.1, 0.0, 0.2, 0.6]), -0.2, 0.3).tolist() == [
        -1,
        0,
        0,
        0,
        1,
    ]
    scores = np.array([-0.8, -0.6, -0.1, 0.0, 0.1, 0.7, 0.9])
    low, high = persent.best_thresholds(scores, np.array([-1, -1, 0, 0, 0, 1, 1]))
    assert persent.classify(scores, low, high).tolist() == [-1, -1, 0, 0, 0, 1, 1]


def test_agreement_scores_documents_and_paragraphs():
    good, bad, flat = (
        "[TGT] is wonderful and brilliant.",
        "[TGT] is a horrible liar.",
        "[TGT] sat down.",
    )
    dev = documents([(1, "Ng", "Positive", [(good, "Positive")]),
                     (2, "Ng", "Negative", [(bad, "Negative")]),
                     (3, "Ng", "Neutral", [(flat, "Neutral")])])  # fmt: skip
    test = documents([(4, "Ito", "Negative", [(bad, "Negative"), (flat, "Neutral")])])
    table = persent.agreement(dev, test, {"sentence_vader": SentenceVader()})
    rows = table.set_index(["level", "split"])
    assert rows.loc[("doc", "dev"), ["n", "macro_f1"]].tolist() == [3, 1.0]
    assert rows.loc[("paragraph", "test"), "n"] == 2
    # the test document averages a horrible sentence and a flat one (0): half of -0.778,
    # above dev's low cut, so it is called neutral against its negative label
    horrible = SentenceVader().score(["Ito is a horrible liar."])[0]
    assert rows.loc[("doc", "test"), "mean_negative"] == round(horrible / 2, 3)
    assert rows.loc[("doc", "test"), "low"] < horrible / 2
    assert rows.loc[("doc", "test"), "macro_f1"] == 0.0


def test_a_missing_folder_is_skipped_with_a_note(tmp_path):
    rows, note = persent.folder_agreement(tmp_path)
    assert rows.empty and note.startswith("PerSenT not found in")
