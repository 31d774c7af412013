"""Voice and portrayal stage: what speakers say about whom, the seed tables."""

import pandas as pd

from actorlens import config, sentiment
from actorlens.actors import load_actors
from actorlens.mentions import analyse


def test_speaker_targets_from_inside_and_outside_the_quote():
    mentions = pd.DataFrame(
        {"doc_id": ["1", "1"], "actor_id": ["ukraine", "zelenskyy"], "quote_id": ["q1", ""],
         "speaker_id": ["trump", ""], "role": ["portrayal", "portrayal"], "sentiment": [0.5, -0.2]}
    )  # fmt: skip
    quote_table = pd.DataFrame(
        {"doc_id": ["1", "1"], "quote_id": ["q1", "q2"], "speaker_id": ["trump", "trump"],
         "about": ["ukraine", "zelenskyy"], "sentiment": [0.9, -0.6]}
    )  # fmt: skip
    table = sentiment.speaker_targets(mentions, quote_table)
    assert table.values.tolist() == [
        ["1", "trump", "ukraine", 1, 0.5],
        ["1", "trump", "zelenskyy", 1, -0.6],
    ]


def test_seed_stage_tables(seeds):
    actors_file = config.SEEDS_DIR / "actors.yml"
    result = sentiment.analyse(seeds, analyse(seeds, load_actors(actors_file)), actors_file)
    assert len(result.quotes) == 70
    assert (result.quotes["speaker_id"] != "").sum() == 64
    assert {"score_trained", "score_vader", "sentiment", "speaker_id", "role"} <= set(
        result.mentions
    )
    portrayal = result.overall[result.overall["role"] == "portrayal"].set_index("actor_id")
    assert portrayal.at["ukraine", "n"] == 67  # every counted Ukraine mention is portrayal
    assert result.scorer == "trained_adapted"
    voice = result.overall[result.overall["role"] == "voice"].set_index("actor_id")
    assert voice.at["putin", "n"] == (result.quotes["speaker_id"] == "putin").sum()
