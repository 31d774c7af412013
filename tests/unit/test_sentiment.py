"""Voice and portrayal stage: what speakers say about whom, the seed tables."""

import shutil

import pandas as pd

from actorlens.analysis import sentiment, shift
from actorlens.core import config
from actorlens.corpus.actors import load_actors
from actorlens.corpus.ingest import ingest_corpus
from actorlens.mentions.count import analyse


def test_speaker_targets_from_inside_and_outside_the_quote():
    mentions = pd.DataFrame(
        {"doc_id": ["1", "1"], "actor_id": ["ukraine", "zelenskyy"], "attr_id": ["q1", ""],
         "speaker_id": ["trump", ""], "role": ["quoted", "portrayal"], "sentiment": [0.5, -0.2]}
    )  # fmt: skip
    quote_table = pd.DataFrame(
        {"doc_id": ["1", "1"], "attr_id": ["q1", "q2"], "speaker_id": ["trump", "trump"],
         "about": ["ukraine", "zelenskyy"], "sentiment": [0.9, -0.6]}
    )  # fmt: skip
    table = sentiment.speaker_targets(mentions, quote_table)
    assert table.values.tolist() == [
        ["1", "trump", "ukraine", 1, 0.5],
        ["1", "trump", "zelenskyy", 1, -0.6],
    ]


def test_seed_stage_tables(seeds):
    actors_file = config.SEEDS_DIR / "actors.yml"
    result = sentiment.analyse(
        seeds, analyse(seeds, load_actors(actors_file)), actors_file=actors_file
    )
    # 39 direct quotes, 40 reported clauses, 24 mixed ones (a clause holding a quote) and
    # 18 positions (17 before attitudes expressed toward a noun phrase: "European officials
    # expressed frustration at being excluded"; 38 reported before more verbs of saying: "Rubio emphasized that ...",
    # "..., implying Budapest could ..."; 44, 32, 17 and 14 before issue 27's second round: "called Zelenskyy a
    # “dictator”" is mixed, "asked if he would ..." reported, "Lavrov also ruled out" a position).
    # Before issue 27: 49, 28, 17 and none (five scare quotes such as "backstop" are
    # no one's words; "demanded", "cautioned" and "insisted" after "but" and a hearsay "reports
    # that" are reported; "Zelenskyy objected to being excluded" is a position); 86 speakers.
    assert result.attributions["kind"].value_counts().to_dict() == {
        "direct": 39, "reported": 40, "mixed": 24, "position": 18}  # fmt: skip
    assert (
        result.attributions["speaker_id"] != ""
    ).sum() == 110  # 108 before "emphasized", 99 before round 2
    assert {
        "score_minilm",
        "score_trained",
        "score_vader",
        "sentiment",
        "speaker_id",
        "role",
    } <= set(result.mentions)
    portrayal = result.overall[result.overall["role"] == "portrayal"].set_index("actor_id")
    # 67 counted Ukraine mentions: 31 in the narrative, 36 inside other people's words or
    # positions (37 and 30 before issue 27: "whether Ukraine should continue receiving ...";
    # 33 and 34 before its second round)
    assert portrayal.at["ukraine", "n"] == 31
    quoted = result.mentions[
        (result.mentions["actor_id"] == "ukraine") & (result.mentions["kind"] != "demonym")
    ]
    assert quoted["role"].value_counts().to_dict() == {"portrayal": 31, "quoted": 36}
    assert result.scorer == "minilm"
    voice = result.overall[result.overall["role"] == "voice"].set_index("actor_id")
    # speech="all", the default: positions count as voice too
    assert voice.at["putin", "n"] == (result.attributions["speaker_id"] == "putin").sum()


NEUTRAL_REPORTS = [
    "Putin met Trump in Riyadh on Tuesday. Lavrov arrived on Monday evening.",
    "Trump travelled to Paris. Macron hosted the dinner at the Elysee on Friday.",
    "Zelenskyy spoke to reporters in Kyiv. Rubio flew to Jeddah the next morning.",
    "Kallas attended the meeting in Brussels. Starmer was in London on Thursday.",
    "Lavrov and Rubio sat at one table for four hours. Putin was in Moscow.",
    "Macron called Zelenskyy on Wednesday. Trump spoke to Putin by telephone.",
]


def test_a_neutral_only_corpus_has_net_tone_near_zero(tmp_path):
    """Reports of meetings and travel, written for the rule: no judgement of anyone."""
    for number, text in enumerate(NEUTRAL_REPORTS):
        (tmp_path / f"{number:03d}.txt").write_text(text + "\n", encoding="utf-8")
    corpus = ingest_corpus(tmp_path)
    actors_file = config.SEEDS_DIR / "actors.yml"
    result = sentiment.analyse(
        corpus, analyse(corpus, load_actors(actors_file)), actors_file=actors_file
    )
    stage = shift.analyse(corpus, result)
    portrayal = stage.trajectory[stage.trajectory["role"] == "portrayal"]
    assert (
        portrayal["n"].sum() == 21
    )  # 16 names and 5 metonyms (Paris twice, Kyiv, Brussels, Moscow)
    net = (portrayal["net_tone"] * portrayal["n"]).sum() / portrayal["n"].sum()
    assert abs(net) <= 0.05


def test_a_mention_scores_the_same_alone_and_with_the_corpus(seeds, tmp_path):
    actors_file = config.SEEDS_DIR / "actors.yml"
    found = analyse(seeds, load_actors(actors_file))
    everything = sentiment.analyse(seeds, found, actors_file=actors_file).mentions
    shutil.copy(next(config.SEEDS_DIR.glob("001_*.txt")), tmp_path)
    alone_corpus = ingest_corpus(tmp_path)
    alone = sentiment.analyse(alone_corpus, analyse(alone_corpus, load_actors(actors_file)),
                              actors_file=actors_file).mentions  # fmt: skip
    columns = ["start", "end", "actor_id", "score_trained", "score_vader", "sentiment"]
    together = everything[everything["doc_id"] == "001"][columns].reset_index(drop=True)
    assert len(alone) > 10
    pd.testing.assert_frame_equal(alone[columns].reset_index(drop=True), together)
