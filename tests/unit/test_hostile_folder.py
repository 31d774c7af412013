"""Hostile corpus folders: nothing outside the folder is read, nothing inside it is lost
without a warning row, and dates that are not dates leave a document undated, recorded."""

import os

import pandas as pd
import pytest

from actorlens.analysis import shift
from actorlens.corpus.folder import NOT_DOCUMENT_KINDS, SKIP_KINDS
from actorlens.corpus.ingest import ingest_corpus
from actorlens.corpus.text_cleaning import decode

SECRET = "TOP-SECRET-9f3b outside the corpus"


def tables_text(corpus) -> str:
    return "".join(getattr(corpus, name).to_csv() for name in corpus.TABLES)


@pytest.fixture
def outside(tmp_path):
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text(SECRET + ". Putin said so.\n", encoding="utf-8")
    return secret


def test_manifest_rows_and_links_that_lead_outside_are_never_read(tmp_path, outside):
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    (corpus_dir / "a.txt").write_text("Trump spoke.\n", encoding="utf-8")
    (corpus_dir / "link.txt").symlink_to(outside)
    depth = "../" * len(corpus_dir.parts)
    pd.DataFrame(
        {
            "doc_id": ["a", "up", "abs", "link"],
            "file": ["a.txt", f"{depth}{str(outside).lstrip('/')}", str(outside), "link.txt"],
        }
    ).to_csv(corpus_dir / "manifest.csv", index=False)
    corpus = ingest_corpus(corpus_dir)
    assert corpus.documents["doc_id"].tolist() == ["a"]
    kinds = corpus.warnings.set_index("file")["kind"].to_dict()
    assert [kinds[str(outside)], kinds["link.txt"]] == ["outside_corpus", "outside_corpus"]
    assert sorted(corpus.warnings["kind"]) == ["outside_corpus"] * 3
    assert "TOP-SECRET" not in tables_text(corpus)


def test_every_entry_of_the_folder_is_read_or_has_a_warning_row(tmp_path):
    root = tmp_path / "corpus"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / "folder.txt").mkdir()
    (root / "a.txt").write_text("Putin spoke.\n", encoding="utf-8")
    (root / "sub" / "b_1.txt").write_text("Trump spoke.\n", encoding="utf-8")
    (root / "sub" / "deeper" / "c.txt").write_text("Zelenskyy spoke.\n", encoding="utf-8")
    (root / "folder.txt" / "d.txt").write_text("Rubio spoke.\n", encoding="utf-8")
    (root / "broken.txt").symlink_to(root / "nowhere.txt")
    (root / "to_sub").symlink_to(root / "sub")
    os.mkfifo(root / "pipe.txt")
    (root / "notes.md").write_text("notes", encoding="utf-8")
    corpus = ingest_corpus(root)
    assert corpus.documents[["doc_id", "file"]].values.tolist() == [
        ["a", "a.txt"], ["d", "folder.txt/d.txt"], ["b", "sub/b_1.txt"],
        ["c", "sub/deeper/c.txt"],
    ]  # fmt: skip
    assert corpus.warnings[["file", "kind"]].values.tolist() == [
        ["broken.txt", "broken_link"], ["notes.md", "not_text_file"],
        ["pipe.txt", "not_a_file"], ["to_sub", "linked_folder"],
    ]  # fmt: skip
    # 10 entries below the folder: 4 documents read, 2 documents skipped, 2 other entries
    # not read, and the 2 folders descended into
    kinds = corpus.warnings["kind"]
    assert (len(corpus.documents), kinds.isin(SKIP_KINDS).sum()) == (4, 2)
    assert kinds.isin(NOT_DOCUMENT_KINDS).sum() == 2
    flat = ingest_corpus(root, recursive=False)
    assert flat.documents["file"].tolist() == ["a.txt"]
    assert flat.warnings.loc[flat.warnings["kind"] == "subfolder", "file"].tolist() == [
        "folder.txt", "sub"
    ]  # fmt: skip


DATES = {
    "iso.txt": "2025-02-19",
    "slashes.txt": "19/02/2025",
    "words.txt": "Feb 19, 2025",
    "impossible.txt": "2025-02-30",
    "empty.txt": "",
    "later.txt": "2025-02-20",
}


@pytest.fixture
def dated(tmp_path):
    for name in DATES:
        (tmp_path / name).write_text(f"Putin spoke in {name}.\n", encoding="utf-8")
    pd.DataFrame({"doc_id": [n[:-4] for n in DATES], "file": list(DATES),
                  "date": list(DATES.values())}).to_csv(tmp_path / "manifest.csv", index=False)  # fmt: skip
    return tmp_path


def test_dates_that_are_not_dates_are_recorded_and_the_document_undated(dated):
    corpus = ingest_corpus(dated)
    assert corpus.documents.set_index("doc_id")["date"].to_dict() == {
        "iso": "2025-02-19", "slashes": "", "words": "", "impossible": "", "empty": "",
        "later": "2025-02-20",
    }  # fmt: skip
    assert corpus.warnings[["file", "kind"]].values.tolist() == [
        ["slashes.txt", "bad_date"], ["words.txt", "bad_date"], ["impossible.txt", "bad_date"],
    ]  # fmt: skip
    assert "'2025-02-30' is not a date in ISO 8601" in corpus.warnings["detail"].iloc[2]
    periods = shift.document_periods(corpus.documents, "date", "day")
    assert periods.groupby("period").size().to_dict() == {"": 4, "2025-02-19": 1, "2025-02-20": 1}
    # documents are never dropped: undated ones are ordered last when grouping by document
    assert len(shift.document_periods(corpus.documents, "date", "doc")) == 6


def test_a_date_format_reads_other_layouts(dated):
    corpus = ingest_corpus(dated, date_format="%d/%m/%Y")
    dates = corpus.documents.set_index("doc_id")["date"]
    assert dates["slashes"] == "2025-02-19" and dates["iso"] == ""
    assert "not a date in the format %d/%m/%Y" in corpus.warnings["detail"].iloc[0]


def test_a_semicolon_manifest_is_read(tmp_path):
    (tmp_path / "a.txt").write_text("Putin spoke.\n", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("doc_id;file;date\nx1;a.txt;2025-02-19\n")
    corpus = ingest_corpus(tmp_path)
    assert corpus.documents[["doc_id", "date"]].values.tolist() == [["x1", "2025-02-19"]]
    assert corpus.warnings.empty


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_text(tmp_path, encoding):
    text, used = decode("Trump said the talks went well.\n".encode(encoding))
    assert (text, used) == ("Trump said the talks went well.\n", f"{encoding} (no byte-order mark)")
    (tmp_path / "a.txt").write_bytes("Putin spoke.\n".encode(encoding))
    corpus = ingest_corpus(tmp_path)
    assert corpus.texts["text"].tolist() == ["Putin spoke."]
    assert corpus.warnings["kind"].tolist() == ["encoding"]
