"""One test per core rule, named after it: each asserts the values the rule gives, so
that a one-line change to the rule fails here (the mutation run, ``make mutation``,
checks that). Sentences are written for the rule."""

import hashlib
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from actorlens.analysis import sentiment, shift
from actorlens.analysis.resampling import (
    bootstrap_intervals,
    cluster_totals,
    clustered_difference,
    q_values,
    summarise,
)
from actorlens.attribution.extract import extract_attributions
from actorlens.attribution.roles import assign_roles
from actorlens.core import stages, tables
from actorlens.corpus import ingest
from actorlens.corpus.actors import Actor
from actorlens.corpus.ingest import ingest_corpus
from actorlens.mentions import count
from actorlens.mentions.count import analyse
from actorlens.report import summary
from actorlens.scoring import scorers, stance
from actorlens.scoring.scorers import label_of

ACTORS = [
    Actor("lavrov", "Sergei Lavrov", "person", "russia", "he", names=("Sergei Lavrov", "Lavrov")),
    Actor("rubio", "Marco Rubio", "person", "usa", "he", names=("Marco Rubio", "Rubio")),
    Actor("putin", "Vladimir Putin", "person", "russia", "he", names=("Vladimir Putin", "Putin")),
    Actor("dmitriev", "Kirill Dmitriev", "person", "russia", "he",
          names=("Kirill Dmitriev", "Dmitriev")),
    Actor("russia", "Russia", "state", names=("Russia",)),
    Actor("usa", "United States", "state", names=("United States", "U.S.")),
    Actor("jones", "Carl Jones", "person", pronoun="he", names=("Carl Jones", "Jones")),
    Actor("smith", "Anna Smith", "person", pronoun="she", names=("Anna Smith", "Smith")),
    Actor("ruritania", "Ruritania", "state", names=("Ruritania",)),
]  # fmt: skip
CUES = [
    (stance.term_pattern(["hailed"]), 1.0, "hailed"),
    (stance.term_pattern(["scorned"]), -1.5, "scorned"),
    (stance.term_pattern(["welcome"]), 1.0, "welcome"),
    (stance.term_pattern(["condemn"]), -1.0, "condemn"),
]


def attributions_of(tmp_path, text: str) -> pd.DataFrame:
    (tmp_path / "001.txt").write_text("Title line\n\n" + text + "\n", encoding="utf-8")
    corpus = ingest_corpus(tmp_path)
    found = analyse(corpus, ACTORS)
    return extract_attributions(corpus.texts, corpus.sentences, found.mentions, found.actors)


def stance_of(tmp_path, text: str) -> pd.DataFrame:
    """The stance rows of ``text`` toward the target "plan", scored with :data:`CUES`."""
    (tmp_path / "001.txt").write_text("Title line\n\n" + text + "\n", encoding="utf-8")
    corpus = ingest_corpus(tmp_path)
    found = analyse(corpus, ACTORS)
    table = extract_attributions(corpus.texts, corpus.sentences, found.mentions, found.actors)
    return stance.stance_of(table, corpus.texts, corpus.sentences, found.mentions,
                            {"plan": ["plan"]}, CUES)  # fmt: skip


def shift_table(**changes) -> pd.DataFrame:
    """One tested shift that is called, with ``changes`` to its columns."""
    row = {"actor_id": "x", "role": "portrayal", "from_period": "p1", "to_period": "p2",
           "from_mean": -0.2, "to_mean": 0.3, "delta": 0.5, "ci_low": 0.1, "ci_high": 0.9,
           "p_value": 0.01, "q_value": 0.02, "n_from": 30, "n_to": 30, "docs_from": 6,
           "docs_to": 6, "unit": "documents", "tested": True, "same_sign": True, **changes}  # fmt: skip
    return pd.DataFrame([row], columns=tables.SCHEMAS["stance_shift"].names)


def scores(before, after, docs_per_end: int, docs_to: int | None = None) -> pd.DataFrame:
    """Scored units of actor x at periods p1 and p2, spread over ``docs_per_end``
    documents at each end (``docs_to`` at the to end when given), one sentence per score,
    every scorer agreeing."""
    docs = {"p1": docs_per_end, "p2": docs_to or docs_per_end}
    rows = [(period, f"{period}-{i % docs[period]}", f"sentence {i}", "x", "portrayal", value)
            for period, values in (("p1", before), ("p2", after))
            for i, value in enumerate(values)]  # fmt: skip
    frame = pd.DataFrame(rows, columns=["period", "doc_id", "where", "actor_id", "role",
                                        "sentiment"])  # fmt: skip
    return frame.assign(**{column: frame["sentiment"] for column in tables.score_columns()})


# -- stance shift: what is called, what is tested ---------------------------------------


def test_rule_a_shift_is_called_on_its_q_value_not_its_p_value():
    significant_alone = shift_table(p_value=0.01, q_value=0.06)
    assert shift.called_shifts(significant_alone).empty
    assert shift.called_shifts(shift_table(q_value=0.049))["actor_id"].tolist() == ["x"]
    assert shift.called_shifts(shift_table(q_value=0.05)).empty  # below the level, not at it
    assert shift.called_shifts(shift_table(q_value=0.06), level=0.1)["actor_id"].tolist() == ["x"]
    periods = pd.DataFrame({"doc_id": ["a", "b"], "period": ["p1", "p2"], "rank": [0, 1]})
    result = shift.Shift(periods=periods, trajectory=significant_alone, shift=significant_alone,
                         evidence=pd.DataFrame(columns=tables.SCHEMAS["shift_evidence"].names),
                         stance=pd.DataFrame())  # fmt: skip
    lines = summary.findings(result, {"x": "Actor X"})
    assert lines[1].startswith("No shift is clear at this sample size: of 1 tested actor-role pair")
    assert lines[3] == (
        "Actor X (portrayal): -0.20 (n=30, 6 documents) -> +0.30 (n=30, 6 documents), "
        "delta +0.50, 95% CI [+0.10, +0.90] over documents, p=0.010, q=0.060."
    )


def test_rule_a_called_shift_is_tested_with_an_interval_excluding_zero_and_one_sign():
    assert not shift.called_shifts(shift_table()).empty
    assert shift.called_shifts(shift_table(tested=False)).empty
    assert shift.called_shifts(shift_table(same_sign=False)).empty
    assert shift.called_shifts(shift_table(ci_low=0.0)).empty  # touches zero
    assert shift.called_shifts(shift_table(ci_low=-0.1)).empty
    falling = shift_table(delta=-0.5, ci_low=-0.9, ci_high=-0.1)
    assert not shift.called_shifts(falling).empty
    assert shift.called_shifts(shift_table(delta=-0.5, ci_low=-0.9, ci_high=0.0)).empty


def test_rule_min_docs_at_each_end_decides_documents_or_sentences():
    before, after = [-0.5, -0.4, -0.6] * 8, [0.5, 0.4, 0.6] * 8
    exactly = shift.shifts(scores(before, after, docs_per_end=3), "p1", "p2", 20, 3).iloc[0]
    assert (exactly["unit"], bool(exactly["tested"])) == ("documents", True)
    assert (exactly["docs_from"], exactly["docs_to"]) == (3, 3)
    one_short = shift.shifts(scores(before, after, docs_per_end=3), "p1", "p2", 20, 4).iloc[0]
    assert (one_short["unit"], bool(one_short["tested"])) == ("sentences", False)
    assert np.isnan(one_short["p_value"]) and np.isnan(one_short["q_value"])
    # the interval is still given, over sentences: it describes these articles only
    assert one_short["ci_low"] > 0.8 and one_short["ci_high"] < 1.2
    one_end_short = shift.shifts(scores(before, after, 3, docs_to=6), "p1", "p2", 20, 4).iloc[0]
    assert (one_end_short["docs_from"], one_end_short["docs_to"]) == (3, 6)
    assert (one_end_short["unit"], bool(one_end_short["tested"])) == ("sentences", False)


def test_rule_min_shift_mentions_at_each_end_decides_whether_a_pair_is_tested():
    before, after = [-0.5, -0.4, -0.6, -0.5] * 5, [0.5, 0.4, 0.6, 0.5] * 5
    exactly = shift.shifts(scores(before, after, 4), "p1", "p2", 20, 3).iloc[0]
    assert (exactly["n_from"], exactly["n_to"], bool(exactly["tested"])) == (20, 20, True)
    assert exactly["p_value"] == round(2 / 70, 4)  # 4 documents a side: 70 splits, 2 extreme
    one_end_short = shift.shifts(scores(before[:19], after, 4), "p1", "p2", 20, 3).iloc[0]
    assert (one_end_short["unit"], bool(one_end_short["tested"])) == ("documents", False)
    assert np.isnan(one_end_short["p_value"])


def test_rule_shift_delta_is_to_minus_from_and_signs_agree_across_scorers():
    frame = scores([-0.5, -0.4, -0.6] * 8, [0.5, 0.4, 0.6] * 8, docs_per_end=3)
    row = shift.shifts(frame, "p1", "p2", 20, 3).iloc[0]
    assert (row["from_mean"], row["to_mean"], row["delta"]) == (-0.5, 0.5, 1.0)
    assert bool(row["same_sign"])
    flat = frame.assign(score_vader=0.1)  # one scorer sees no change: no single sign
    assert not bool(shift.shifts(flat, "p1", "p2", 20, 3).iloc[0]["same_sign"])


def test_rule_benjamini_hochberg_q_values_leave_untested_pairs_out():
    p_values = [0.01, np.nan, 0.04, 0.03, 0.2]
    tested = [0.01, 0.04, 0.03, 0.2]
    expected = stats.false_discovery_control(tested, method="bh")
    found = q_values(p_values)
    assert np.isnan(found[1])
    np.testing.assert_allclose(found[[0, 2, 3, 4]], expected)
    # by hand: m = 4 tests, q(i) = min over j >= i of p(j) * m / j
    np.testing.assert_allclose(found[[0, 2, 3, 4]], [0.04, 0.16 / 3, 0.16 / 3, 0.2])
    assert np.isnan(q_values([np.nan, np.nan])).all()
    np.testing.assert_allclose(q_values([0.01, None, 0.04]), [0.02, np.nan, 0.04])


# -- stance ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "score", "label"),
    [
        ("Smith said she hailed the plan.", 0.5, "favour"),  # sum 1
        ("Smith said she hailed the plan and hailed it again.", 0.6667, "favour"),  # sum 2
        ("Smith said she scorned the plan and scorned it again.", -0.75, "against"),  # sum -3
        ("Smith said she hailed the plan but would condemn its cost.", 0.0, "neutral"),  # sum 0
        ("Smith said she hailed the plan but scorned its cost.", -0.3333, "against"),  # -0.5
    ],
)
def test_rule_stance_score_is_sum_over_absolute_sum_plus_one(tmp_path, text, score, label):
    row = stance_of(tmp_path, text).iloc[0]
    assert (row["speaker_id"], row["target"], row["score"], row["label"]) == (
        "smith", "plan", score, label)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "total", "found"),
    [
        ("They did not welcome it", -1.0, ["not welcome"]),
        ("They would never welcome it", -1.0, ["not welcome"]),
        ("There was no welcome for it", -1.0, ["not welcome"]),
        ("They did not condemn it", -1.0, ["condemn"]),  # an opposing cue is not flipped
        ("not at all welcome", -1.0, ["not welcome"]),  # a negation three words before
        ("not at all really welcome", 1.0, ["welcome"]),  # four words before: too far
        ("They welcome it, not the cost", 1.0, ["welcome"]),  # after the cue
    ],
)
def test_rule_a_negation_flips_only_supporting_cues_within_three_words(text, total, found):
    assert stance.score_text(text, CUES) == (total, found)


@pytest.mark.parametrize(
    "negation", ["didn't", "doesn’t", "won't", "can't", "wouldn’t", "haven't", "cannot"]
)
def test_rule_a_contracted_negation_flips_a_cue(negation):
    assert stance.score_text(f"They {negation} welcome it", CUES) == (-1.0, ["not welcome"])


def test_rule_a_negated_reporting_cue_is_kept_and_a_negated_clause_is_not(tmp_path):
    negated = attributions_of(tmp_path, "Anna Smith did not say that the factory would close.")
    assert negated[["text", "cue", "negated"]].values.tolist() == [
        ["the factory would close", "say", True]]  # fmt: skip
    plain = attributions_of(tmp_path, "Anna Smith said that the factory would not close.")
    assert plain[["text", "cue", "negated", "speaker_id"]].values.tolist() == [
        ["the factory would not close", "said", False, "smith"]]  # fmt: skip


@pytest.mark.parametrize("negation", ["did not", "didn't", "didn’t", "won't", "would never"])
def test_rule_a_negated_reporting_cue_keeps_its_speaker(tmp_path, negation):
    text = f"Anna Smith {negation} say that the factory would close."
    table = attributions_of(tmp_path, text)
    assert table[["speaker_id", "source_start", "cue", "negated"]].values.tolist() == [
        ["smith", len("Title line\n\n"), "say", True]]  # fmt: skip


@pytest.mark.parametrize(
    ("scores", "labels"),
    [
        ([0.05, 0.0499, 0.0, -0.0499, -0.05],
         ["positive", "neutral", "neutral", "neutral", "negative"]),
    ],
)  # fmt: skip
def test_rule_the_neutral_band_is_five_hundredths_either_side(scores, labels):
    assert label_of(np.array(scores)) == labels
    frame = pd.DataFrame({"rank": 0, "period": "p1", "actor_id": "x", "role": "portrayal",
                          "doc_id": ["a", "a", "a", "b", "b"],
                          "where": [f"sentence {i}" for i in range(5)], "sentiment": scores})  # fmt: skip
    row = shift.trajectory(frame, 3).iloc[0]
    assert (row["share_negative"], row["share_positive"], row["net_tone"]) == (0.2, 0.2, 0.0)
    assert (row["n"], row["n_sentences"], row["n_documents"], bool(row["thin"])) == (
        5, 5, 2, False)  # fmt: skip


# -- reported speech and speakers -------------------------------------------------------


def test_rule_the_passive_makes_the_accused_the_target_not_the_speaker(tmp_path):
    accused = attributions_of(tmp_path, "Carl Jones was accused of hiding the report.")
    assert accused[["kind", "speaker_id", "text"]].values.tolist() == [
        ["reported", "", "hiding the report"]
    ]  # fmt: skip (hearsay of no named source)
    hearsay = attributions_of(tmp_path, "Carl Jones is said to have hidden the report.")
    assert hearsay[["kind", "speaker_id", "text"]].values.tolist() == [
        ["reported", "", "to have hidden the report"]]  # fmt: skip
    told = attributions_of(tmp_path, "Carl Jones was told that the plant would close.")
    assert told[["kind", "speaker_id", "text"]].values.tolist() == [
        ["reported", "", "the plant would close"]]  # fmt: skip
    assert attributions_of(tmp_path, "Carl Jones was accused by the mayor of hiding it.").empty
    active = attributions_of(tmp_path, "Anna Smith accused Carl Jones of hiding the report.")
    assert active[["speaker_id", "cue", "text", "about"]].values.tolist() == [
        ["smith", "accused", "Carl Jones of hiding the report", "jones"]]  # fmt: skip


def test_rule_the_speaker_is_the_person_before_the_cue_not_the_one_told(tmp_path):
    text = ("Russian Foreign Minister Sergei Lavrov told U.S. Secretary of State Marco Rubio "
            "that the talks had been useful.")  # fmt: skip
    row = attributions_of(tmp_path, text).iloc[0]
    assert (row["speaker_id"], row["speaker_text"], row["text"], row["about"]) == (
        "lavrov", "Russian Foreign Minister Sergei Lavrov", "the talks had been useful",
        "usa;rubio")  # fmt: skip


def test_rule_the_last_person_of_a_speaker_phrase_speaks(tmp_path):
    quoted = attributions_of(tmp_path, "“The talks were useful,” Putin envoy Kirill Dmitriev said.")
    assert quoted[["kind", "speaker_id"]].values.tolist() == [["direct", "dmitriev"]]
    reported = attributions_of(
        tmp_path, "Putin's envoy Kirill Dmitriev said the talks were useful."
    )
    assert reported[["kind", "speaker_id"]].values.tolist() == [["reported", "dmitriev"]]
    # the person, not the state the phrase also names
    of_state = attributions_of(tmp_path, "“The talks were useful,” Kirill Dmitriev of Russia said.")
    assert of_state["speaker_id"].tolist() == ["dmitriev"]


def test_rule_an_unlisted_person_of_a_state_speaks_not_the_state(tmp_path):
    table = attributions_of(
        tmp_path, "Ruritania's Trade Minister Olga Berg said exports rose by a tenth."
    )
    assert table[["speaker_id", "speaker_name"]].values.tolist() == [["", "Olga Berg"]]
    state = attributions_of(tmp_path, "Ruritania said exports rose by a tenth.")
    assert state[["speaker_id", "speaker_name"]].values.tolist() == [["ruritania", ""]]


# -- table schemas --------------------------------------------------------------------


def test_rule_a_schema_refuses_extra_columns_unless_it_admits_them(tmp_path):
    extra = pd.DataFrame({"doc_id": ["1"], "text": ["x"], "note": ["y"]})
    with pytest.raises(tables.TableSchemaError, match=r"texts\.csv: columns"):
        tables.write("texts", extra, tmp_path)
    schema = tables.SCHEMAS["documents"]
    row = {"doc_id": "1", "file": "a.txt", "date": "", "outlet": "", "title": "T", "n_words": 3,
           "n_sentences": 1, "sha256": "ab"}  # fmt: skip
    moved = pd.DataFrame([{"region": "north", **row}], columns=["region", *schema.names])
    with pytest.raises(tables.TableSchemaError, match=r"documents\.csv: columns"):
        tables.write("documents", moved, tmp_path)  # extra columns only after the schema's
    assert not (tmp_path / "documents.csv").exists()


@pytest.mark.parametrize(
    ("name", "frame", "column"),
    [
        ("texts", pd.DataFrame({"doc_id": ["", ""], "text": ["x", "y"]}), "doc_id"),
        ("texts", pd.DataFrame({"doc_id": ["1", None], "text": ["x", "y"]}), "doc_id"),
        ("speaker_target", pd.DataFrame({"doc_id": ["1"], "speaker_id": ["a"],
                                         "target_id": ["b"], "n": [1],
                                         "mean": [1.0]}).assign(target_id=""), "target_id"),
        ("document_periods", pd.DataFrame({"doc_id": ["1", "2"], "period": ["", ""],
                                           "rank": [-1, -1]}).assign(doc_id=["1", ""]), "doc_id"),
        ("stance_trajectory", None, "mean"),
    ],
)  # fmt: skip
def test_rule_a_schema_refuses_empty_required_values(tmp_path, name, frame, column):
    if frame is None:  # every mean missing: a float column of NaN is empty too
        frame = pd.DataFrame([["p1", "x", "portrayal", 2, np.nan, np.nan, np.nan, False, 2, 1,
                               0.0, 0.0, 0.0]], columns=tables.SCHEMAS[name].names)  # fmt: skip
    with pytest.raises(tables.TableSchemaError, match=f"column {column} has empty values"):
        tables.write(name, frame, tmp_path)


def test_rule_a_schema_admits_empty_values_where_it_allows_them(tmp_path):
    periods = pd.DataFrame({"doc_id": ["1", "2"], "period": ["", "p1"], "rank": [-1, 0]})
    tables.write("document_periods", periods, tmp_path)
    assert tables.read("document_periods", tmp_path).values.tolist() == [
        ["1", "", -1], ["2", "p1", 0]]  # fmt: skip
    nan_mean = pd.DataFrame({"doc_id": ["1"], "speaker_id": ["a"], "target_id": ["b"], "n": [0],
                             "mean": [np.nan]})  # fmt: skip
    tables.write("speaker_target", nan_mean, tmp_path)
    back = tables.read("speaker_target", tmp_path)
    assert back["n"].tolist() == [0] and back["mean"].isna().tolist() == [True]


@pytest.mark.parametrize(
    ("column", "value", "kind"),
    [("n", 1.5, "float64, not int"), ("mean", "high", "str, not float"),
     ("thin", 1, "int64, not bool")],
)  # fmt: skip
def test_rule_a_schema_refuses_a_column_of_another_kind(tmp_path, column, value, kind):
    row = {"period": "p1", "actor_id": "x", "role": "portrayal", "n": 2, "mean": 0.1,
           "ci_low": np.nan, "ci_high": np.nan, "thin": False, "n_sentences": 2,
           "n_documents": 1, "share_negative": 0.0, "share_positive": 0.0, "net_tone": 0.0,
           column: value}  # fmt: skip
    with pytest.raises(tables.TableSchemaError, match=f"column {column} is {kind}"):
        tables.write("stance_trajectory", pd.DataFrame([row]), tmp_path)


def test_rule_an_empty_table_takes_the_schema_types(tmp_path):
    schema = tables.SCHEMAS["stance_shift"]
    tables.write("stance_shift", pd.DataFrame(columns=schema.names), tmp_path)
    back = tables.read("stance_shift", tmp_path)
    kinds = {c.name: str(back[c.name].dtype) for c in schema.columns}
    assert (kinds["delta"], kinds["n_from"], kinds["tested"], kinds["unit"]) == (
        "float64", "int64", "bool", "str")  # fmt: skip
    assert not (tmp_path / "stance_shift.parquet").exists()  # a small table: CSV only


# -- the stance-shift stage end to end (notebook 04's call) ------------------------------

STAGE_DOCUMENTS = {
    "a1": ("2025-01-10", "Smith said she welcomed the talks as a good step. "
                         "Jones said the talks were a disaster."),
    "a2": ("2025-01-20", "Smith said she backed the talks. “The talks will fail,” Jones said."),
    "b1": ("2025-02-05", "Smith said she rejected the talks outright. Jones was praised by all."),
    "b2": ("2025-02-15", "Smith said the talks were a betrayal. Ruritania said it opposed the "
                         "talks. Olga Berg said Smith had failed the farmers."),
}  # fmt: skip
STAGE_ACTORS = """actors:
  - {id: smith, label: Anna Smith, type: person, pronoun: she, affiliation: ruritania,
     names: [Anna Smith, Smith]}
  - {id: jones, label: Carl Jones, type: person, pronoun: he, names: [Carl Jones, Jones]}
  - {id: ruritania, label: Ruritania, type: state, names: [Ruritania]}
"""


@pytest.fixture
def processed(tmp_path):
    """Notebooks 01-03 run on four dated documents, two months, three actors."""
    folder, out = tmp_path / "docs", tmp_path / "processed"
    folder.mkdir()
    rows = []
    for doc_id, (date, body) in STAGE_DOCUMENTS.items():
        (folder / f"{doc_id}.txt").write_text(f"Headline {doc_id}\n\n{body}\n", encoding="utf-8")
        rows.append({"doc_id": doc_id, "file": f"{doc_id}.txt", "date": date, "outlet": "Daily"})
    pd.DataFrame(rows).to_csv(folder / "manifest.csv", index=False)
    actors = tmp_path / "actors.yml"
    actors.write_text(STAGE_ACTORS, encoding="utf-8")
    ingest.run(
        corpus_dir=str(folder), manifest_file=str(folder / "manifest.csv"), processed_dir=str(out)
    )
    count.run(processed_dir=str(out), actors_file=str(actors))
    sentiment.run(actors_file=str(actors), scorer="vader", processed_dir=str(out))
    return out


def test_rule_the_stage_reads_and_writes_what_it_is_given(processed):
    given = {"order_by": "date", "period": "month", "from_period": "2025-01",
             "to_period": "2025-02", "min_cell_scores": 2, "min_shift_mentions": 2,
             "min_docs": 2, "quoted_portrayal": True, "include_demonyms": False,
             "target_terms": {"talks": ["talks"]}, "stance_scorer": "lexicon",
             "speech": "reported"}  # fmt: skip
    result = shift.run(**given, processed_dir=str(processed))
    assert result.periods.values.tolist() == [
        ["a1", "2025-01", 0],
        ["a2", "2025-01", 0],
        ["b1", "2025-02", 1],
        ["b2", "2025-02", 1],
    ]
    cells = result.trajectory[["period", "actor_id", "role", "n", "thin"]].values.tolist()
    assert cells == [
        ["2025-01", "jones", "portrayal", 2, False], ["2025-01", "jones", "stance: talks", 1, True],
        ["2025-01", "jones", "voice", 1, True],  # the direct quote is not "reported" speech
        ["2025-01", "ruritania", "stance: talks", 2, False],  # through Smith
        ["2025-01", "smith", "portrayal", 2, False], ["2025-01", "smith", "stance: talks", 2, False],
        ["2025-01", "smith", "voice", 2, False], ["2025-02", "jones", "portrayal", 1, True],
        ["2025-02", "ruritania", "portrayal", 1, True],
        ["2025-02", "ruritania", "stance: talks", 3, False], ["2025-02", "ruritania", "voice", 1, True],
        ["2025-02", "smith", "portrayal", 3, False],  # one of them inside Berg's words
        ["2025-02", "smith", "stance: talks", 2, False], ["2025-02", "smith", "voice", 2, False],
    ]  # fmt: skip
    assert result.shift.iloc[0].tolist() == [
        "ruritania", "stance: talks", "2025-01", "2025-02", 0.5834, -0.6667, -1.25, -1.3334,
        -1.1667, 0.3333, 0.3333, 2, 3, 2, 2, "documents", True, True]  # fmt: skip
    pairs = result.shift[["actor_id", "role", "unit", "tested"]].values.tolist()
    assert pairs == [
        ["ruritania", "stance: talks", "documents", True], ["smith", "stance: talks", "documents", True],
        ["smith", "voice", "documents", True], ["smith", "portrayal", "documents", True],
        ["jones", "portrayal", "sentences", False],  # one document in February
    ]  # fmt: skip
    assert result.evidence.iloc[2].tolist() == [
        "ruritania", "stance: talks", "to", "2025-02", "b2", "b2-a001", -0.6667, "it opposed the talks"]  # fmt: skip
    assert result.stance["through"].tolist() == [""] * 6 + ["smith"] * 4
    assert result.stance.iloc[6].tolist() == [
        "a1", "a1-a000", "ruritania", "", "talks", "favour", 0.6667, "welcomed", 1, "smith"]  # fmt: skip
    recorded = stages.read_manifest(processed)["stance_shift"]["parameters"]
    assert recorded == given
    back = shift.Shift.read(processed)
    assert back.shift[["actor_id", "role"]].values.tolist() == [row[:2] for row in pairs]


# -- periods, cells, pairs, evidence and the summary, value by value ----------------------


def test_rule_documents_are_ordered_by_date_then_id_and_grouped_by_period():
    documents = pd.DataFrame({"doc_id": ["d1", "d2", "d3", "d4"],
                              "date": ["2025-03-31", "2025-03-30", "", "2025-04-02"],
                              "outlet": ["B", "A", "C", ""]})  # fmt: skip
    found = {period: shift.document_periods(documents, "date", period).values.tolist()
             for period in shift.PERIODS}  # fmt: skip
    assert found == {
        "doc": [["d2", "d2", 0], ["d1", "d1", 1], ["d4", "d4", 2], ["d3", "d3", 3]],
        "day": [["d2", "2025-03-30", 0], ["d1", "2025-03-31", 1], ["d4", "2025-04-02", 2],
                ["d3", "", -1]],
        "week": [["d2", "2025-W13", 0], ["d1", "2025-W14", 1], ["d4", "2025-W14", 1],
                 ["d3", "", -1]],  # ISO weeks: Sunday 30 March ends week 13
        "month": [["d2", "2025-03", 0], ["d1", "2025-03", 0], ["d4", "2025-04", 1],
                  ["d3", "", -1]],
    }  # fmt: skip
    by_outlet = shift.document_periods(documents, "outlet", "doc")
    assert by_outlet["doc_id"].tolist() == ["d2", "d1", "d3", "d4"]  # no outlet: last
    assert list(by_outlet.columns) == ["doc_id", "period", "rank"]
    assert str(by_outlet["rank"].dtype) == "int64"
    with pytest.raises(shift.ShiftParameterError) as error:
        shift.document_periods(documents, "date", "year")
    assert str(error.value) == "period must be one of doc, day, week, month, got 'year'"
    with pytest.raises(shift.ShiftParameterError) as error:
        shift.document_periods(documents, "title", "doc")
    assert str(error.value) == "order_by 'title' is not a documents column (doc_id, date, outlet)"


def test_rule_the_end_periods_are_the_first_and_last_unless_named():
    periods = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "period": ["p1", "p2", "p3", ""],
                            "rank": [0, 1, 2, -1]})  # fmt: skip
    assert shift.resolve_ends(periods) == ("p1", "p3")
    assert shift.resolve_ends(periods, "p2") == ("p2", "p3")
    assert shift.resolve_ends(periods, "", "p2") == ("p1", "p2")
    messages = {
        ("p2", "p2"): "from_period and to_period are the same period ('p2')",
        ("p9", ""): "from_period 'p9' is not a period of this corpus (first 'p1', last 'p3')",
        ("p1", "p9"): "to_period 'p9' is not a period of this corpus (first 'p1', last 'p3')",
    }
    for (start, end), message in messages.items():
        with pytest.raises(shift.ShiftParameterError) as error:
            shift.resolve_ends(periods, start, end)
        assert str(error.value) == message
    with pytest.raises(shift.ShiftParameterError) as error:
        shift.resolve_ends(periods[periods["rank"] < 0])
    assert str(error.value) == "no document has a period (are the documents dated?)"


def test_rule_a_trajectory_cell_counts_what_it_rests_on():
    frame = pd.DataFrame({
        "rank": [0, 0, 0, 0, 1, 1], "period": ["p1"] * 4 + ["p2"] * 2,
        "actor_id": ["x", "x", "x", "y", "x", "x"],
        "role": ["portrayal"] * 3 + ["voice", "portrayal", "portrayal"],
        "doc_id": ["a", "a", "b", "a", "c", "c"],
        "where": ["sentence 0", "sentence 1", "sentence 0", "a-a000", "sentence 2", "sentence 2"],
        "start": [0, 10, np.nan, 5, 3, 3], "sentiment": [-0.3, 0.1, 0.2, 0.6, -0.05, np.nan],
    })  # fmt: skip
    table = shift.trajectory(frame, 2)
    assert list(table.columns) == tables.SCHEMAS["stance_trajectory"].names
    assert table.fillna(-9).values.tolist() == [
        ["p1", "x", "portrayal", 3, 0.0, -0.3, 0.2, False, 3, 2, 0.3333, 0.6667, 0.3333],
        ["p1", "y", "voice", 1, 0.6, -9, -9, True, 1, 1, 0.0, 1.0, 1.0],
        ["p2", "x", "portrayal", 1, -0.05, -9, -9, True, 1, 1, 1.0, 0.0, -1.0],
    ]  # fmt: skip


def test_rule_shift_pairs_are_tested_first_then_by_size():
    frame = pd.concat([
        scores([0.1] * 3, [], 3).assign(actor_id="aa"),  # one end only: no pair
        scores([-0.5, -0.4, -0.6] * 8, [0.5, 0.4, 0.6] * 8, 3).assign(actor_id="a"),
        scores([0.2, 0.3, 0.1] * 8, [-0.9, -1.0, -0.8] * 8, 3).assign(actor_id="b"),
        scores([0.0] * 5, [1.0, 0.9] * 3, 3).assign(actor_id="c"),  # largest, not tested
    ], ignore_index=True)  # fmt: skip
    table = shift.shifts(frame, "p1", "p2", 20, 3)
    assert list(table.columns) == tables.SCHEMAS["stance_shift"].names
    assert table.index.tolist() == [0, 1, 2]
    assert table.fillna(-9).values.tolist() == [
        ["b", "portrayal", "p1", "p2", 0.2, -0.9, -1.1, -1.2333, -0.9667, 0.1, 0.1, 24, 24, 3, 3,
         "documents", True, True],  # 3 documents a side: 20 splits, 2 as extreme
        ["a", "portrayal", "p1", "p2", -0.5, 0.5, 1.0, 0.8667, 1.1333, 0.1, 0.1, 24, 24, 3, 3,
         "documents", True, True],
        ["c", "portrayal", "p1", "p2", 0.0, 0.95, 0.95, 0.95, 0.95, -9, -9, 5, 6, 3, 3,
         "documents", False, True],
    ]  # fmt: skip
    texts = {("p1-1", "sentence 1"): "B was praised.", ("p2-1", "sentence 1"): "B was blamed."}
    found = shift.evidence(frame, table.iloc[:2], texts, per_end=1)
    assert list(found.columns) == tables.SCHEMAS["shift_evidence"].names
    assert found.values.tolist() == [
        ["b", "portrayal", "from", "p1", "p1-1", "sentence 1", 0.3, "B was praised."],
        ["b", "portrayal", "to", "p2", "p2-1", "sentence 1", -1.0, "B was blamed."],
        ["a", "portrayal", "from", "p1", "p1-2", "sentence 2", -0.6, ""],
        ["a", "portrayal", "to", "p2", "p2-2", "sentence 2", 0.6, ""],
    ]  # the end that pulls most against the change, and the one that pulls most with it


def summary_of(table, evidence=None, periods=None, labels=None, trajectory=None, **options):
    """The summary lines of a stage whose shift table (and trajectory, unless given) is
    ``table``, over documents d1 (period p1) and d2, d3 (p2) unless ``periods`` is given."""
    periods = pd.DataFrame({"doc_id": ["d1", "d2", "d3"], "period": ["p1", "p2", "p2"],
                            "rank": [0, 1, 1]}) if periods is None else periods  # fmt: skip
    empty = tables.frame("shift_evidence")
    evidence = empty if evidence is None else evidence
    trajectory = table if trajectory is None else trajectory
    result = shift.Shift(periods=periods, trajectory=trajectory, shift=table, evidence=evidence,
                         stance=pd.DataFrame())  # fmt: skip
    return summary.findings(result, {"x": "Actor X"} if labels is None else labels, **options)


def test_rule_the_summary_tells_of_called_shifts_with_their_numbers():
    falling = shift_table(delta=-0.5, from_mean=0.3, to_mean=-0.2, ci_low=-0.9, ci_high=-0.1)
    text = " ".join(["word"] * 100)
    evidence = pd.DataFrame([["x", "portrayal", "to", "p2", "d2", "sentence 3", -0.4, text]],
                            columns=tables.SCHEMAS["shift_evidence"].names)  # fmt: skip
    lines = summary_of(falling, evidence)
    assert lines[0] == "From period p1 (1 document) to period p2 (2 documents):"
    assert lines[1] == (
        "Actor X (portrayal) became more negative: +0.30 (n=30, 6 documents) -> -0.20 (n=30, "
        "6 documents), delta -0.50, 95% CI [-0.90, -0.10] over documents, permutation p=0.010, "
        "q=0.020; the same sign under every scorer. Example (d2): "
        f'"{" ".join(["word"] * 43)} …"'  # shortened to 220 characters
    )
    assert len(lines) == 2
    unlabelled = summary_of(shift_table(), labels={})
    assert unlabelled[1].startswith("x (portrayal) became more positive: -0.20 (n=30")
    assert unlabelled[1].endswith("the same sign under every scorer.")  # no evidence: no example
    unknown_periods = pd.DataFrame({"doc_id": ["d9"], "period": ["p0"], "rank": [0]})
    assert summary_of(shift_table(), periods=pd.concat([unknown_periods] * 2).assign(
        rank=[0, 1], period=["p0", "p3"]))[0] == (
        "From period p1 (0 documents) to period p2 (0 documents):")  # fmt: skip


def test_rule_the_summary_lists_the_best_evidenced_differences_as_descriptive_only():
    rows = pd.concat([
        shift_table(actor_id="x", delta=0.1, q_value=0.5),
        shift_table(actor_id="y", delta=-0.4, q_value=0.5),
        shift_table(actor_id="z", delta=0.3, tested=False, ci_low=np.nan, ci_high=np.nan,
                    p_value=np.nan, q_value=np.nan),
        shift_table(actor_id="w", delta=0.2, unit="sentences", tested=False, p_value=np.nan,
                    q_value=np.nan),
    ], ignore_index=True)  # fmt: skip
    lines = summary_of(rows)
    assert lines[1] == (
        "No shift is clear at this sample size: of 2 tested actor-role pairs, none has a q-value "
        "below 0.05, an interval that excludes zero and the same sign under every scorer."
    )
    assert lines[2:] == [
        "Differences with the most evidence at both ends (documents, then scores), descriptive "
        "only:",
        "y (portrayal): -0.20 (n=30, 6 documents) -> +0.30 (n=30, 6 documents), delta -0.40, "
        "95% CI [+0.10, +0.90] over documents, p=0.010, q=0.500.",
        "z (portrayal): -0.20 (n=30, 6 documents) -> +0.30 (n=30, 6 documents), delta +0.30.",
        "w (portrayal): -0.20 (n=30, 6 documents) -> +0.30 (n=30, 6 documents), delta +0.20, "
        "95% CI [+0.10, +0.90] over sentences, between these articles only, not tested.",
    ]
    assert len(summary_of(rows, top=4)) == 7 and len(summary_of(rows, top=1)) == 4
    untested = rows[~rows["tested"]]
    assert summary_of(untested)[1] == (
        "No shift can be tested: no actor-role pair has enough scores from enough documents at "
        "each end (min_shift_mentions, min_docs). Differences between single articles describe "
        "those articles, not a trend."
    )


def test_rule_the_summary_says_why_there_is_no_shift_to_measure():
    periods = pd.DataFrame({"doc_id": ["d1", "d2", "d3"], "period": ["p1", "p2", ""],
                            "rank": [0, 1, -1]})  # fmt: skip
    none = shift_table().iloc[:0]
    assert summary_of(none, periods=periods, trajectory=shift_table()) == [
        "No actor has scores in both the first and the last period.",
        "1 of 3 documents are undated and left out of the periods.",
    ]
    assert summary_of(pd.DataFrame(), periods=periods)[0] == (
        "No actor has a score in any period (no actor of the actors file is mentioned, nor "
        "quoted as a speaker): there is no shift to measure."
    )


# -- stance rows, value by value ----------------------------------------------------------

STANCE_TEXT = (
    "Smith said she welcomed the plan. The weather was cold. She said it was a breakthrough. "
    "Jones said he condemned Ruritania and its plan. Jones said Ruritania would pay. "
    "Carl Jones objected to the plan on Monday. Olga Berg said she rejected the plan. "
    "Jones said the weather was fine. In a hopeful tone, “the plan is a betrayal,” Smith said."
)


def test_rule_stance_rows_follow_targets_speakers_and_continuations(tmp_path):
    (tmp_path / "001.txt").write_text("Title line\n\n" + STANCE_TEXT + "\n", encoding="utf-8")
    corpus = ingest_corpus(tmp_path)
    found = analyse(corpus, ACTORS)
    table = extract_attributions(corpus.texts, corpus.sentences, found.mentions, found.actors)
    roles = assign_roles(found.mentions, table)
    rows = stance.stance_of(table, corpus.texts, corpus.sentences, roles,
                            {"plan": ["plan"], "ruritania": []})  # fmt: skip
    assert list(rows.columns) == tables.SCHEMAS["stance"].names
    assert rows.values.tolist() == [
        ["001", "001-a000", "smith", "", "plan", "favour", 0.6667, "welcomed", 1, ""],
        # a continuation two sentences on: the same speaker on the same target
        ["001", "001-a001", "smith", "", "plan", "favour", 0.6667, "breakthrough", 3, ""],
        ["001", "001-a002", "jones", "", "plan", "against", -0.6667, "condemned", 4, ""],
        ["001", "001-a002", "jones", "", "ruritania", "against", -0.6667, "condemned", 4, ""],
        # names another actor target: no continuation about the plan
        ["001", "001-a003", "jones", "", "ruritania", "neutral", 0.0, "", 5, ""],
        # a position ("objected to the plan"), read like reported speech, continuing nothing
        ["001", "001-a004", "jones", "", "plan", "against", -0.6667, "objected", 6, ""],
        ["001", "001-a005", "", "Olga Berg", "plan", "against", -0.6667, "rejected", 7, ""],
        # a direct quote is scored on its cue and words, not the rest of the sentence
        ["001", "001-a007", "smith", "", "plan", "against", -0.6667, "betrayal", 9, ""],
    ]  # fmt: skip
    # without roles every mention may act; the weather three sentences on continues nothing
    assert len(stance.stance_of(table, corpus.texts, corpus.sentences, found.mentions,
                                {"plan": ["plan"], "ruritania": []})) == 8  # fmt: skip


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ("entries: {phrase: x}", "expected a list under 'entries:'"),
        ("- a", "cannot read the stance lexicon"),
        ("entries:\n- {phrase: back, value: 1, reason: r}\n- {phrase: oppose, value: -1}",
         "entry #2: expected phrase, value and reason"),
        ("entries:\n- just a phrase", "entry #1: expected phrase, value and reason"),
        ("entries:\n- {phrase: back, value: 2.5, reason: r}", r"entry #1 \(back\): value must be"),
        ("entries:\n- {phrase: back, value: -2.5, reason: r}", r"entry #1 \(back\): value must be"),
        ("entries:\n- {phrase: ' ', value: 1, reason: r}", r"entry #1 \(\): value must be in"),
        ("entries:\n- {phrase: back, value: high, reason: r}", r"entry #1 \(back\): value must"),
    ],
)  # fmt: skip
def test_rule_a_stance_lexicon_entry_has_a_phrase_a_value_in_range_and_a_reason(
    tmp_path, entries, message
):
    path = tmp_path / "lexicon.yml"
    path.write_text(entries, encoding="utf-8")
    with pytest.raises(stance.StanceLexiconError, match=f"^{path}: {message}"):
        stance.load_lexicon(path)


def test_rule_a_stance_lexicon_reads_phrases_values_and_bounds(tmp_path):
    path = tmp_path / "lexicon.yml"
    path.write_text("entries:\n- {phrase: ' welcom* ', value: 2, reason: r}\n"
                    "- {phrase: opposé, value: -2, reason: r}\n", encoding="utf-8")  # fmt: skip
    cues = stance.load_lexicon(path)
    assert [(value, phrase) for _, value, phrase in cues] == [(2.0, "welcom*"), (-2.0, "opposé")]
    assert cues[0][0].search("WELCOMING") and cues[1][0].search("opposé")
    with pytest.raises(stance.StanceLexiconError, match="cannot read the stance lexicon"):
        stance.load_lexicon(tmp_path / "missing.yml")


def test_rule_a_term_pattern_matches_whole_words_and_a_trailing_star_any_ending():
    pattern = stance.term_pattern(["peace talk*", "plan"])
    assert [m.group() for m in pattern.finditer("Peace  talks, PLANS, plan, peace talkative")] == [
        "Peace  talks", "plan", "peace talkative"]  # fmt: skip
    assert not stance.term_pattern(["talk"]).search("talks")


def test_rule_a_longer_phrase_holds_its_words_once():
    cues = [(stance.term_pattern(["not accept"]), -1.5, "not accept"),
            (stance.term_pattern(["accept"]), 1.0, "accept"),
            (stance.term_pattern(["maybe"]), 0.0, "maybe")]  # fmt: skip
    text = "They do not accept the plan; later they accept it, but not maybe."
    assert stance.score_text(text, cues) == (-0.5, ["not accept", "accept", "maybe"])


# -- table schemas: parsing, writing, reading ---------------------------------------------


def test_rule_a_schema_spec_lists_columns_kinds_and_which_may_be_empty():
    schema = tables._schema("t", "id:str note:str? n:int score:float?", parquet=True)
    assert schema == tables.Schema("t", (
        tables.Column("id", "str", False), tables.Column("note", "str", True),
        tables.Column("n", "int", False), tables.Column("score", "float", True)), parquet=True)  # fmt: skip
    assert (schema.names, schema.file, schema.extra) == (
        ["id", "note", "n", "score"],
        "t.csv",
        False,
    )


@dataclass
class TwoTables(tables.TableSet):
    texts: pd.DataFrame
    periods: pd.DataFrame

    TABLES = {"texts": "texts", "periods": "document_periods"}


def test_rule_a_table_set_writes_and_reads_each_of_its_tables(tmp_path):
    written = TwoTables(texts=pd.DataFrame({"doc_id": ["7", "8"], "text": ["NA", "null"]}),
                        periods=pd.DataFrame({"doc_id": ["7"], "period": [""], "rank": [-1]}))  # fmt: skip
    out = tmp_path / "a" / "b"  # made, parents too
    hashes = written.write(out)
    assert sorted(hashes) == ["document_periods", "texts"]
    assert hashes["texts"] == hashlib.sha256((out / "texts.csv").read_bytes()).hexdigest()
    back = TwoTables.read(out)
    assert back.texts.values.tolist() == [["7", "NA"], ["8", "null"]]  # text, not missing
    assert back.periods.values.tolist() == [["7", "", -1]]


def test_rule_a_parquet_copy_keeps_types_and_no_index(tmp_path):
    frame = pd.DataFrame({"doc_id": ["1", "1"], "sent_id": [0, 1], "start": [0, 5], "end": [4, 9],
                          "text": ["One.", "Two."]}, index=[5, 7])  # fmt: skip
    tables.write("sentences", frame, tmp_path)
    back = pd.read_parquet(tmp_path / "sentences.parquet")
    assert back.index.tolist() == [0, 1] and list(back.columns) == list(frame.columns)
    assert (tmp_path / "sentences.csv").read_text(encoding="utf-8") == (
        "doc_id,sent_id,start,end,text\n1,0,0,4,One.\n1,1,5,9,Two.\n")  # fmt: skip
    tables.write("mentions", pd.DataFrame(columns=tables.SCHEMAS["mentions"].names), tmp_path)
    empty = pd.read_parquet(tmp_path / "mentions.parquet")
    assert (str(empty["start"].dtype), len(empty)) == ("int64", 0)


# -- resampling ---------------------------------------------------------------------------


def test_rule_grouped_bootstrap_intervals_equal_each_groups_own_interval():
    groups = [np.array([0.1, 0.5, 0.9, 0.2]), np.array([1.0, 0.0, 0.5, 0.7]), np.array([0.3])]
    # not a multiple of 100
    alone = [tuple(bootstrap_intervals([values], samples=150)[0]) for values in groups]
    assert alone[0] == pytest.approx((0.15, 0.725)) and alone[1] == pytest.approx(
        (0.16125, 0.856875)
    )
    together = bootstrap_intervals(groups, samples=150, cells=500)  # one group per chunk
    np.testing.assert_allclose(together[:2], alone[:2])
    assert np.isnan(together[2]).all() and np.isnan(alone[2]).all()


def test_rule_a_clustered_difference_draws_whole_clusters_with_a_fixed_seed():
    before = (np.array([0.1, 0.2, 0.3, 0.4, 0.5, 0.6]), np.array(["a", "a", "b", "b", "c", "c"]))
    after = (np.array([0.5, 0.7, 0.6, 0.9]), np.array(["x", "x", "y", "y"]))
    found = clustered_difference(before, after)
    assert found == pytest.approx((0.325, 0.116667, 0.533333, 0.2), abs=1e-6)
    assert clustered_difference(before, after) == found  # the same draws every time
    assert (
        clustered_difference(before, after, test=False)[3] != clustered_difference(before, after)[3]
    )
    two_each = (
        (np.array([0.2, 0.4]), np.array(["a", "b"])),
        (np.array([0.5, 0.9]), np.array(["c", "d"])),
    )
    assert clustered_difference(*two_each) == pytest.approx((0.4, 0.1, 0.7, 1 / 3))
    flat = (
        (np.array([0.2, 0.2]), np.array(["a", "b"])),
        (np.array([0.5, 0.5]), np.array(["c", "d"])),
    )
    assert clustered_difference(*flat) == pytest.approx(
        (0.3, 0.3, 0.3, 1 / 3)
    )  # BCa fails: percentiles
    one = (
        (np.array([0.2, 0.4]), np.array(["a", "a"])),
        (np.array([0.5, 0.9]), np.array(["c", "d"])),
    )
    assert clustered_difference(*one)[0] == pytest.approx(0.4)
    assert np.isnan(clustered_difference(*one)[1:]).all()  # one cluster a side: no interval
    draws = np.random.default_rng(3)
    ten = np.repeat(np.arange(10), 2).astype(str)  # 184,756 splits: 5,000 drawn, with the seed
    many = ((draws.normal(0, 1, 20), ten), (draws.normal(0.5, 1, 20), np.char.add("t", ten)))
    assert clustered_difference(*many)[3] == pytest.approx(0.042791, abs=1e-6)
    sums, counts = cluster_totals([0.5, 0.25, 1.0], ["b", "a", "b"])
    assert (sums.tolist(), counts.tolist()) == ([0.25, 1.5], [1.0, 2.0])


def test_rule_a_cell_summary_rounds_its_mean_and_interval():
    values = [0.11, 0.23, 0.47, 0.52, 0.9, 0.35, 1 / 3, np.nan]
    frame = pd.DataFrame({"k": ["a"] * 6 + ["b"] * 2, "v": values})
    table = summarise(frame, ["k"], "v", 2)
    assert table.fillna(-9).values.tolist() == [
        ["a", 6, 0.43, 0.25, 0.6334, False], ["b", 1, 0.3333, -9, -9, True]]  # fmt: skip


# -- scorers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "accepted"), [(4, True), (-4, True), (4.5, False), (-4.5, False)]
)
def test_rule_a_news_lexicon_value_lies_between_minus_four_and_four(tmp_path, value, accepted):
    path = tmp_path / "news.yml"
    path.write_text(
        f"entries:\n- {{word: ' Dictator ', value: {value}, reason: r}}\n", encoding="utf-8"
    )
    if accepted:
        assert scorers.load_lexicon(path) == {"dictator": float(value)}
    else:
        with pytest.raises(
            scorers.LexiconError,
            match=r"entry #1 \( Dictator \): value must be a number in \[-4, 4\]",
        ):
            scorers.load_lexicon(path)


def test_rule_the_scorers_read_their_window_and_quote_marks():
    vader = scorers.TargetVader(lexicon={})
    assert vader.context("Smith met Jones today", 6, 9) == (0, 21)
    assert scorers.TargetVader(lexicon={}, window=0).context("Smith met Jones today", 6, 9) == (
        6,
        9,
    )
    quotes = pd.DataFrame(
        {"text": ["“A great success!”", "a great success!", "«Terrible, awful.»"]}
    )
    assert scorers.quote_tones(quotes, vader).tolist() == [0.8439, 0.8439, -0.7269]
    assert scorers.scores_of(np.zeros((0, 3))).shape == (0,)
    assert scorers.scores_of(np.array([[0.2, 0.3, 0.5]])).tolist() == [0.3]
    with pytest.raises(scorers.ScorerError) as error:
        scorers.make_scorer("best")
    assert (
        str(error.value)
        == "unknown scorer 'best'; choose from minilm, trained, vader, sentence_vader"
    )


def test_rule_actor_names_are_neutral_words_for_vader(tmp_path):
    path = tmp_path / "actors.yml"
    path.write_text("actors:\n  - {id: hope, label: Hope Black, type: person, names: [Hope Black, "
                    "Black*], titles: [the chief of staff]}\n", encoding="utf-8")  # fmt: skip
    assert scorers.actor_name_words(path) == {"hope", "black"}


def test_rule_a_state_speaks_through_its_officials_unless_it_speaks_itself():
    actors = pd.DataFrame({
        "id": ["smith", "jones", "berg", "ruritania", "union", "acme"],
        "type": ["person", "person", "person", "state", "bloc", "organisation"],
        "affiliation": ["ruritania", "smith", "acme", "union", None, ""],
    })  # fmt: skip

    def row(doc_id, attr_id, speaker, score, sent_id=1):
        label = "favour" if score > 0 else "against"
        return [doc_id, attr_id, speaker, "", "plan", label, score, "x", sent_id, ""]

    table = pd.DataFrame([
        row("1", "1-a0", "smith", 0.5), row("1", "1-a0", "ruritania", -0.5),  # its own row
        row("1", "1-a1", "smith", 0.6, 2), row("1", "", "smith", 0.5, 3),
        row("1", "", "smith", 0.5, 3),  # twice: one derived row
        row("2", "2-a0", "jones", 0.5),  # affiliated with a person: nobody speaks through him
        row("2", "2-a1", "ruritania", 0.7),  # a state's own bloc does not speak through it
        row("3", "3-a0", "berg", -0.5),
    ], columns=tables.SCHEMAS["stance"].names)  # fmt: skip
    found = stance.through_affiliation(table, actors)
    assert list(found.columns) == tables.SCHEMAS["stance"].names
    assert found.iloc[len(table) :].values.tolist() == [
        ["1", "1-a1", "ruritania", "", "plan", "favour", 0.6, "x", 2, "smith"],
        ["1", "", "ruritania", "", "plan", "favour", 0.5, "x", 3, "smith"],
        ["3", "3-a0", "acme", "", "plan", "against", -0.5, "x", 1, "berg"],
    ]
    assert found.iloc[: len(table)].values.tolist() == table.values.tolist()


# -- reported speech: each construction, its content, cue and source, to the character ----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Smith vowed to close the old harbour by May.",
         ["reported", "close the old harbour by May", "vowed", "smith", "", "Smith", 0, 6]),
        ("Smith announced at the rally that the harbour would close.",
         ["reported", "the harbour would close", "announced", "smith", "", "Smith", 0, 6]),
        ("Jones said in a statement that the border would open soon.",
         ["reported", "the border would open soon", "said", "jones", "", "Jones", 0, 6]),
        ("Smith told reporters on Monday that the harbour would close.",
         ["reported", "the harbour would close", "told", "smith", "", "Smith", 0, 6]),
        ("Jones told Ruritania the border would open next week.",
         ["reported", "the border would open next week", "told", "jones", "", "Jones", 0, 6]),
        ("Smith said after meeting Jones that the harbour would close.",
         ["reported", "the harbour would close", "said", "smith", "", "Smith", 0, 6]),
        ("Smith said in the past it wants a new harbour for the town.",
         ["reported", "it wants a new harbour for the town", "said", "smith", "", "Smith", 0, 6]),
        ("Smith spoke in Paris, saying the harbour would close next year.",  # the subject speaks
         ["reported", "the harbour would close next year", "saying", "smith", "", "", -1, 22]),
        ("Smith arrived and said the harbour would close next year.",
         ["reported", "the harbour would close next year", "said", "smith", "", "", -1, 18]),
        ("Health officials said the harbour water was safe again.",
         ["reported", "the harbour water was safe again", "said", "", "", "Health officials", 0,
          17]),
        ("The harbour will close in May, said Smith.",
         ["reported", "The harbour will close in May", "said", "smith", "", "Smith", 36, 31]),
        ("The harbour will close in May, Smith said on Monday.",
         ["reported", "The harbour will close in May", "said", "smith", "", "Smith", 31, 37]),
        ("It was reported that the harbour would close in May.",  # nobody's words
         ["reported", "the harbour would close in May", "reported", "", "", "", -1, 7]),
        ("According to Jones, the harbour will close in May.",
         ["reported", "the harbour will close in May", "according to", "jones", "", "Jones", 13,
          0]),
        ("Smith said: “The harbour will close.”",  # a quotation: the direct quotes have it
         ["direct", "“The harbour will close.”", "said", "smith", "", "Smith", 0, 6]),
        ("Smith told Jones: “The harbour will close.”",
         ["direct", "“The harbour will close.”", "told", "smith", "", "Smith", 0, 6]),
        ("Jones blamed Smith for the closure of the harbour.",
         ["reported", "Smith for the closure of the harbour", "blamed", "jones", "", "Jones", 0,
          6]),
        ("Smith urged Jones to keep the harbour open for the town.",
         ["reported", "Jones to keep the harbour open for the town", "urged", "smith", "",
          "Smith", 0, 6]),
        ("Mohammad Saeedi, the deputy head of the agency, denied that the harbour would close.",
         ["reported", "the harbour would close", "denied", "", "Mohammad Saeedi",
          "Mohammad Saeedi", 0, 48]),  # a name with an apposition
    ],
)  # fmt: skip
def test_rule_each_reported_construction_finds_its_content_cue_and_source(tmp_path, text, expected):
    (tmp_path / "001.txt").write_text(text + "\n", encoding="utf-8")
    corpus = ingest_corpus(tmp_path)
    found = analyse(corpus, ACTORS)
    table = extract_attributions(corpus.texts, corpus.sentences, found.mentions, found.actors)
    columns = ["kind", "text", "cue", "speaker_id", "speaker_name", "speaker_text",
               "source_start", "cue_start"]  # fmt: skip
    assert table[columns].values.tolist() == [expected]


@pytest.mark.parametrize("cue", ["called on", "calls on"])
def test_rule_called_on_someone_to_act_is_reported_speech(tmp_path, cue):
    table = attributions_of(tmp_path, f"Jones {cue} Ruritania to open the border at once.")
    assert table[["text", "cue", "speaker_id"]].values.tolist() == [
        ["Ruritania to open the border at once", cue, "jones"]]  # fmt: skip
    assert attributions_of(tmp_path, "Jones called on Ruritania last week.").empty  # a visit


def test_rule_according_to_after_an_opening_clause(tmp_path):
    table = attributions_of(tmp_path, "On Monday, according to Jones, the harbour closed for good.")
    assert table[["text", "speaker_id"]].values.tolist() == [
        ["the harbour closed for good", "jones"]
    ]
