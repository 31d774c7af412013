"""Stance toward a target: cue families, negation, actor and topic targets, continuation,
narrated acts, and the per-cell aggregation; sentences written for each rule."""

import pandas as pd
import pytest

from actorlens.analysis import shift
from actorlens.attribution.extract import extract_attributions
from actorlens.attribution.roles import assign_roles
from actorlens.corpus.actors import Actor
from actorlens.corpus.ingest import ingest_corpus
from actorlens.mentions.count import analyse
from actorlens.scoring import stance

ACTORS = [
    Actor("smith", "Anna Smith", "person", pronoun="she", names=("Anna Smith", "Smith")),
    Actor("jones", "Carl Jones", "person", pronoun="he", names=("Carl Jones", "Jones")),
    Actor("ruritania", "Ruritania", "state", names=("Ruritania",)),
]  # fmt: skip
TARGETS = {"plan": ["plan", "accord*"], "ruritania": []}


def stance_rows(tmp_path, text: str, targets=TARGETS) -> pd.DataFrame:
    (tmp_path / "001.txt").write_text("Title line\n\n" + text + "\n", encoding="utf-8")
    corpus = ingest_corpus(tmp_path)
    found = analyse(corpus, ACTORS)
    table = extract_attributions(corpus.texts, corpus.sentences, found.mentions, found.actors)
    roles = assign_roles(found.mentions, table)
    return stance.stance_of(table, corpus.texts, corpus.sentences, roles, targets)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Smith said she welcomed the plan for the harbour.", "favour"),
        ("Smith said the plan was a useful first step.", "favour"),
        ("Smith said she backed the accord fully.", "favour"),
        ("Smith said she rejected the plan outright.", "against"),
        ("Smith said the plan was a betrayal of the fishermen.", "against"),
        ("Smith warned against the plan in a speech.", "against"),
        ("Smith said the plan would be decided next week.", "neutral"),
    ],
)
def test_each_cue_family(tmp_path, text, label):
    rows = stance_rows(tmp_path, text)
    row = rows[rows["target"] == "plan"].iloc[0]
    assert (row["speaker_id"], row["label"]) == ("smith", label)


def test_a_negation_flips_a_cue(tmp_path):
    rows = stance_rows(tmp_path, "Smith said she did not welcome the plan.")
    assert rows.set_index("target").at["plan", "label"] == "against"
    assert rows.set_index("target").at["plan", "evidence"] == "not welcome"


def test_tone_is_not_stance(tmp_path):
    """Gloomy words ("impossible") are no cue; "without" (-1) and "trust" (+1) cancel."""
    text = (
        "Jones said that without more trust it would be impossible to solve the issues of the plan."
    )
    row = stance_rows(tmp_path, text).set_index("target").loc["plan"]
    assert (row["label"], row["evidence"]) == ("neutral", "trust; without")  # lexicon order


def test_actor_and_topic_targets_in_one_sentence(tmp_path):
    rows = stance_rows(tmp_path, "Jones said he praised the plan and condemned Ruritania.")
    assert set(rows["target"]) == {"plan", "ruritania"}
    assert rows["speaker_id"].unique().tolist() == ["jones"]


def test_a_target_named_only_in_the_previous_attribution(tmp_path):
    text = "Smith said the plan was ready. She said it was a breakthrough for the town."
    rows = stance_rows(tmp_path, text, {"plan": ["plan"]})
    assert rows["label"].tolist() == ["neutral", "favour"]  # the second continues the first


def test_a_position_gives_its_holder_a_stance(tmp_path):
    rows = stance_rows(tmp_path, "Carl Jones objected to the plan on Monday.", {"plan": ["plan"]})
    assert rows[["attr_id", "speaker_id", "label"]].values.tolist() == [
        ["001-a000", "jones", "against"]
    ]


def test_stance_cells_aggregate_per_actor_and_period():
    table = pd.DataFrame({
        "doc_id": ["1", "1", "2", "2"], "attr_id": ["1-a0", "1-a1", "2-a0", ""],
        "speaker_id": ["smith"] * 4, "speaker_name": [""] * 4, "target": ["plan"] * 4,
        "label": ["favour", "against", "favour", "favour"], "score": [0.5, -0.5, 0.75, 0.5],
        "evidence": ["", "", "", ""], "sent_id": [0, 1, 0, 2],
    })  # fmt: skip
    sentences = pd.DataFrame({"doc_id": ["1", "1", "2", "2", "2"], "sent_id": [0, 1, 0, 1, 2],
                              "start": [0, 10, 0, 10, 20]})  # fmt: skip
    periods = pd.DataFrame({"doc_id": ["1", "2"], "period": ["p1", "p2"], "rank": [0, 1]})
    units = shift.stance_units(table, sentences, periods)
    cells = shift.trajectory(units, min_cell_scores=1).set_index("period")
    assert cells["role"].unique().tolist() == ["stance: plan"]
    assert cells.loc["p1", ["n", "mean", "net_tone"]].tolist() == [2, 0.0, 0.0]
    assert cells.loc["p2", ["n", "mean", "net_tone", "n_documents"]].tolist() == [2, 0.625, 1.0, 1]
    assert (
        units.set_index("attr_id" if "attr_id" in units else "where").index.tolist()[-1]
        == "sentence 2"
    )


def test_a_state_speaks_through_its_officials():
    table = pd.DataFrame({
        "doc_id": ["1", "1"], "attr_id": ["1-a0", "1-a1"], "speaker_id": ["smith", "ruritania"],
        "speaker_name": ["", ""], "target": ["plan", "plan"], "label": ["favour", "against"],
        "score": [0.5, -0.5], "evidence": ["welcomed", "rejected"], "sent_id": [0, 1],
        "through": ["", ""],
    })  # fmt: skip
    actors = pd.DataFrame({"id": ["smith", "ruritania"], "type": ["person", "state"],
                           "affiliation": ["ruritania", ""]})  # fmt: skip
    both = stance.through_affiliation(table, actors)
    assert both[["attr_id", "speaker_id", "label", "through"]].values.tolist() == [
        ["1-a0", "smith", "favour", ""],
        ["1-a1", "ruritania", "against", ""],
        ["1-a0", "ruritania", "favour", "smith"],
    ]
    again = stance.through_affiliation(both, actors)  # its own row for 1-a0 now: no double
    assert len(again) == 3
