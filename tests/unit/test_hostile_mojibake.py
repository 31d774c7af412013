"""Text that was UTF-8 read as Latin-1 or cp1252 before it was saved ("mojibake": â€™ for ’,
as in about 40 % of PerSenT's documents) is repaired at ingest, with a recorded warning; clean
text is left as it is."""

import pandas as pd

from actorlens.attribution.extract import extract_attributions
from actorlens.corpus.ingest import ingest_corpus
from actorlens.mentions.count import analyse

# "He said “we will not give in” and it’s over." read as Latin-1 (C1 controls) and as cp1252
AS_LATIN1 = "He said \u00e2\u0080\u009cwe will not give in\u00e2\u0080\u009d and it\u00e2\u0080\u0099s over."
AS_CP1252 = "He said â€œwe will not give in†and it’s over, in São Paulo."
CLEAN = "Zelenskyy met Orbán in São Paulo — “no deal”, he said; the café stayed shut."


def _ingest(tmp_path, texts: dict[str, str]):
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return ingest_corpus(tmp_path)


def test_mojibake_is_repaired_with_a_warning(tmp_path):
    corpus = _ingest(tmp_path, {"001.txt": AS_LATIN1, "002.txt": CLEAN})
    text = dict(zip(corpus.documents["file"], corpus.texts["text"], strict=True))
    assert text["001.txt"] == "He said “we will not give in” and it’s over."
    assert text["002.txt"] == CLEAN
    warnings = corpus.warnings
    repaired = warnings[(warnings["kind"] == "encoding") & (warnings["file"] == "001.txt")]
    assert len(repaired) == 1 and "repaired" in repaired["detail"].iloc[0]
    assert not (warnings["file"] == "002.txt").any()


def test_the_cp1252_form_is_repaired_too(tmp_path):
    corpus = _ingest(tmp_path, {"001.txt": AS_CP1252})
    assert corpus.texts["text"].iloc[0].startswith("He said “we will not give in")


def test_a_repaired_quote_gets_its_speaker(tmp_path):
    text = "Talks ended.\n\n\u00e2\u0080\u009cWe will not give in,\u00e2\u0080\u009d Jo Holm said."
    corpus = _ingest(tmp_path, {"001.txt": text})
    found = analyse(corpus, [])
    table = extract_attributions(corpus.texts, corpus.sentences, found.mentions, found.actors)
    direct = table[table["kind"] == "direct"]
    assert list(direct["speaker_name"]) == ["Jo Holm"]
    assert isinstance(direct, pd.DataFrame)
