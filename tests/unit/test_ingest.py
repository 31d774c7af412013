"""Ingestion: exact values from the seeds, and bad input recorded rather than lost."""

import pandas as pd
import pytest

from actorlens.corpus.folder import SKIP_KINDS, CorpusError, doc_id_from_name
from actorlens.corpus.ingest import ingest_corpus
from actorlens.corpus.text_cleaning import clean_text, decode, load_boilerplate


def test_seed_documents_and_dates(seeds):
    docs = seeds.documents
    assert docs["doc_id"].tolist() == ["000", "001", "002", "003", "004"]
    assert docs["date"].tolist() == [
        "2025-02-19",
        "2025-02-19",
        "2025-02-22",
        "2025-02-24",
        "2025-02-27",
    ]
    assert docs.loc[docs["doc_id"] == "001", "outlet"].item() == "The Moscow Times"
    assert "date_basis" in docs.columns  # extra manifest columns are kept


def test_seed_sentence_and_word_counts(seeds):
    assert seeds.documents["n_sentences"].tolist() == [43, 12, 40, 31, 18]
    assert seeds.documents["n_words"].tolist() == [952, 296, 899, 652, 455]
    assert seeds.sentences.groupby("doc_id").size().tolist() == [43, 12, 40, 31, 18]


def test_boilerplate_removed_from_001_and_004(seeds):
    removed = seeds.boilerplate
    assert removed.query("doc_id == '001'")["line"].tolist() == [
        "date 2025-02-19 Support The Moscow Times!",
        "kremlin.ru",
    ]
    lines_004 = removed.query("doc_id == '004'")["line"].tolist()
    assert lines_004[:3] == [
        "Unlock the White House Watch newsletter for free",
        "Your guide to what the 2024 US election means for Washington and the world",
        "Article by:Source:",
    ]
    assert lines_004[3].startswith("<") and "image>data:image/" in lines_004[3]
    assert set(removed["doc_id"]) == {"001", "004"}
    text_004 = seeds.texts.set_index("doc_id").loc["004", "text"]
    assert "newsletter" not in text_004 and "<image>" not in text_004
    assert text_004.startswith("Russian President Vladimir Putin has described")


def test_seed_titles(seeds):
    titles = seeds.documents.set_index("doc_id")["title"]
    assert titles["001"] == "Putin Praises U.S.-Russia Talks as ‘First Step’ Toward Restoring Ties"
    assert titles["000"].startswith("Russian President Vladimir Putin said Wednesday")
    assert len(titles["000"]) <= 100


def test_seeds_warn_only_of_the_actors_file_beside_them(seeds):
    assert seeds.warnings.values.tolist() == [
        ["actors.yml", "not_text_file", "not read: only *.txt files are documents"]
    ]
    assert seeds.documents["sha256"].str.len().eq(64).all()


def test_curly_and_straight_quotes_are_kept(seeds):
    text = seeds.texts.set_index("doc_id")["text"]
    assert "“highly,”" in text["000"]
    assert '"first step"' in text["001"]


def test_nfc_and_line_endings():
    text, removed, date = clean_text("Orba\u0301n said.\r\nNext line.\r\n", [])
    assert text == "Orbán said.\nNext line."
    assert removed == [] and date is None


def test_date_header_is_read_and_removed():
    rules = load_boilerplate()
    text, removed, date = clean_text(" date 2025-02-19 Support The Moscow Times!\nBody.", rules)
    assert (text, date) == ("Body.", "2025-02-19")
    assert removed == [("date 2025-02-19 Support The Moscow Times!", "date_header")]


def test_decode_fallbacks():
    assert decode("£5".encode()) == ("£5", None)
    assert decode("£5".encode("latin-1")) == ("£5", "cp1252")
    assert decode("\ufeffhi".encode()) == ("hi", None)
    assert decode("hi £".encode("utf-16")) == ("hi £", "utf-16")


def test_doc_id_from_file_name():
    from pathlib import Path

    assert doc_id_from_name(Path("000_3ce95b683b4edfa2.txt")) == "000"
    assert doc_id_from_name(Path("0001.txt")) == "0001"


def write(folder, name, data):
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_folder_without_manifest(tmp_path):
    write(tmp_path, "a_1.txt", "date 2024-01-02\nThe U.S. talks began. They ended.")
    write(tmp_path, "b_2.txt", "Second article here.")
    corpus = ingest_corpus(tmp_path)
    assert corpus.documents["doc_id"].tolist() == ["a", "b"]
    assert corpus.documents["date"].tolist() == ["2024-01-02", ""]
    assert corpus.sentences["text"].tolist() == [
        "The U.S. talks began.",
        "They ended.",
        "Second article here.",
    ]


def test_html_comments_are_removed_and_recorded(tmp_path):
    write(tmp_path, "a_1.txt", "Talks began. <!----> Rumsfeld spoke.<!-- [http://x] -->\n")
    write(tmp_path, "b_2.txt", "A note follows. <!-- unclosed: hidden to the end\nLast line.\n")
    corpus = ingest_corpus(tmp_path)
    assert corpus.sentences["text"].tolist() == [
        "Talks began.",
        "Rumsfeld spoke.",
        "A note follows.",
    ]
    assert corpus.warnings[["file", "kind", "detail"]].values.tolist() == [
        ["a_1.txt", "html", "2 HTML comment(s) removed"],
        ["b_2.txt", "html", "1 HTML comment(s) removed"],
    ]


def test_bad_files_are_recorded_and_accounted_for(tmp_path):
    write(tmp_path, "good.txt", "A good article.")
    write(tmp_path, "empty.txt", "")
    write(tmp_path, "blank.txt", "  \n\t\n")
    write(tmp_path, "latin.txt", "Price £5.".encode("latin-1"))
    write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write(tmp_path, "notes.docx", b"PK")
    corpus = ingest_corpus(tmp_path)
    kinds = dict(zip(corpus.warnings["file"], corpus.warnings["kind"], strict=True))
    assert kinds == {
        "notes.docx": "not_text_file",
        "blank.txt": "empty",
        "empty.txt": "empty",
        "image.txt": "binary",
        "latin.txt": "encoding",
    }
    assert sorted(corpus.documents["file"]) == ["good.txt", "latin.txt"]
    found = len(list(tmp_path.glob("*.txt")))
    skipped = corpus.warnings["kind"].isin(SKIP_KINDS).sum()
    assert found == len(corpus.documents) + skipped
    latin = corpus.sentences.query("doc_id == 'latin'")["text"].item()
    assert latin == "Price £5."


def test_manifest_missing_and_unlisted_files(tmp_path):
    write(tmp_path, "one.txt", "One.")
    write(tmp_path, "extra.txt", "Extra.")
    pd.DataFrame({"doc_id": ["1", "2"], "file": ["one.txt", "gone.txt"]}).to_csv(
        tmp_path / "manifest.csv", index=False
    )
    corpus = ingest_corpus(tmp_path)
    assert corpus.documents["doc_id"].tolist() == ["1", "extra"]
    kinds = dict(zip(corpus.warnings["file"], corpus.warnings["kind"], strict=True))
    assert kinds == {"extra.txt": "not_in_manifest", "gone.txt": "missing_file"}


def test_missing_and_empty_corpus_are_errors(tmp_path):
    with pytest.raises(CorpusError, match="not found"):
        ingest_corpus(tmp_path / "nowhere")
    write(tmp_path, "empty.txt", "")
    with pytest.raises(CorpusError, match="no readable documents"):
        ingest_corpus(tmp_path)


def test_boilerplate_file_errors_name_the_file(tmp_path):
    bad = write(tmp_path, "bp.yml", "patterns:\n  - regex: '('\n")
    with pytest.raises(CorpusError, match="bp.yml: pattern 1"):
        load_boilerplate(bad)


def test_corpus_round_trip(seeds, tmp_path):
    from actorlens.corpus.ingest import Corpus

    seeds.write(tmp_path)
    again = Corpus.read(tmp_path)
    assert again.documents["doc_id"].tolist() == seeds.documents["doc_id"].tolist()
    assert again.texts["text"].tolist() == seeds.texts["text"].tolist()
    overview = dict(again.overview().itertuples(index=False))
    assert overview["documents analysed"] == 5
    assert overview["sentences"] == 144
    assert overview["first date"] == "2025-02-19"
