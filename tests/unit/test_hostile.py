"""Hostile input: every problem is named and recorded, the rest of the corpus is read,
and a fatal problem is exit status 2 without a traceback."""

from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from actorlens import cli
from actorlens.analysis import sentiment, shift
from actorlens.core import config
from actorlens.corpus import ingest
from actorlens.corpus.actors import ActorsFileError, load_actors
from actorlens.corpus.folder import SKIP_KINDS, CorpusError
from actorlens.corpus.ingest import ingest_corpus
from actorlens.corpus.text_cleaning import load_boilerplate
from actorlens.mentions import count
from actorlens.report import front_page
from actorlens.runner.pipeline import STAGES

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
LONG_LINE_CHARS = 2_000_000
MAIN = (
    "Putin said the talks in Riyadh were “a first step” " + IMG + ".\n"
    "Trump praised Putin and called Zelenskyy “a dictator without elections.”\n"
    "Zelenskyy said: “We were not invited " + IMG + ".”\n"
)
PAGE = (
    "<!DOCTYPE html><html><head><script>alert(1)</script><style>p {color: red}</style>"
    "</head><body><p>Putin said the code &lt;script&gt;alert(1)&lt;/script&gt; was harmless."
    "</p><div>Trump agreed &amp; <b>Rubio</b> met Lavrov.</div></body></html>"
)
# Every file of the hostile corpus with the warning kinds it must produce.
EXPECTED_WARNINGS = {
    "001_main.txt": [],
    "002_crlf.txt": [],
    "003_latin1.txt": ["encoding"],
    "004_utf16.txt": ["encoding"],
    "005_utf8_bom.txt": [],
    "006_page.txt": ["html"],
    "007_copy.txt": ["duplicate"],
    "008_long_line.txt": [],
    "009_empty.txt": ["empty"],
    "010_blank.txt": ["empty"],
    "011_image.txt": ["binary"],
    "012_gone.txt": ["missing_file"],
    "013_unlisted.txt": ["not_in_manifest", "html"],
    "notes.docx": ["not_text_file"],
    "photo.png": ["not_text_file"],
}
NOT_ANALYSED = {*SKIP_KINDS, "not_text_file"}
ANALYSED = [name for name, kinds in EXPECTED_WARNINGS.items() if not NOT_ANALYSED & set(kinds)]


def write_hostile_corpus(folder: Path) -> Path:
    """Write the hostile corpus into ``folder`` (created) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    crlf = "Zelenskyy criticised the talks.\r\nHe said: “Ukraine was not invited.”\r\n"
    files = {
        "001_main.txt": MAIN.encode(),
        "002_crlf.txt": crlf.encode(),
        "003_latin1.txt": "The deal costs £5 million, Putin said.\n".encode("latin-1"),
        "004_utf16.txt": "Trump said the talks went very well.\n".encode("utf-16"),
        "005_utf8_bom.txt": "\ufeffRubio met Lavrov in Riyadh on Tuesday.\n".encode(),
        "006_page.txt": PAGE.encode(),
        "007_copy.txt": crlf.encode(),
        "008_long_line.txt": ("talks went on " * (LONG_LINE_CHARS // 14)).encode(),
        "009_empty.txt": b"",
        "010_blank.txt": b"  \r\n\t\n   ",
        "011_image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
        "013_unlisted.txt": f"Lavrov wrote {SCRIPT} on Telegram.\n".encode(),
        "notes.docx": b"PK\x03\x04\x14\x00",
        "photo.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\x00",
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    listed = [f for f in EXPECTED_WARNINGS if f.endswith(".txt") and f != "013_unlisted.txt"]
    manifest = pd.DataFrame(
        {
            "doc_id": [name[:3] for name in listed],
            "file": listed,
            "date": [f"2025-02-{19 + i:02d}" for i in range(len(listed))],
            "title": [f"{SCRIPT} Talks" if n == "001_main.txt" else "" for n in listed],
            "outlet": [IMG if n == "001_main.txt" else "Wire" for n in listed],
        }
    )
    manifest.to_csv(folder / "manifest.csv", index=False, encoding="utf-8")
    return folder


def warning_kinds(warnings: pd.DataFrame) -> dict[str, list[str]]:
    """The kinds recorded per file, every file of the hostile corpus present."""
    kinds = {name: [] for name in EXPECTED_WARNINGS}
    for row in warnings.itertuples(index=False):
        kinds.setdefault(row.file, []).append(row.kind)
    return kinds


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = write_hostile_corpus(tmp_path_factory.mktemp("hostile"))
    return folder, ingest_corpus(folder)


def test_every_problem_is_one_warning_row_naming_the_file(hostile):
    _, corpus = hostile
    assert warning_kinds(corpus.warnings) == EXPECTED_WARNINGS
    assert corpus.warnings["detail"].str.len().gt(0).all()
    assert sorted(corpus.documents["file"]) == sorted(ANALYSED)


def test_documents_found_are_analysed_or_skipped(hostile):
    folder, corpus = hostile
    listed = set(pd.read_csv(folder / "manifest.csv")["file"])
    found = listed | {p.name for p in folder.glob("*.txt")}
    skipped = corpus.warnings[corpus.warnings["kind"].isin(SKIP_KINDS)]
    assert len(found) == len(corpus.documents) + len(skipped)
    assert found == set(corpus.documents["file"]) | set(skipped["file"])
    overview = dict(corpus.overview().itertuples(index=False))
    assert overview["documents analysed"] + overview["documents skipped"] == len(found)


def test_each_encoding_and_layout_is_read_as_text(hostile):
    _, corpus = hostile
    text = dict(zip(corpus.documents["file"], corpus.texts["text"], strict=True))
    assert text["003_latin1.txt"] == "The deal costs £5 million, Putin said."
    assert text["004_utf16.txt"] == "Trump said the talks went very well."
    assert text["005_utf8_bom.txt"] == "Rubio met Lavrov in Riyadh on Tuesday."
    assert (
        text["002_crlf.txt"]
        == "Zelenskyy criticised the talks.\nHe said: “Ukraine was not invited.”"
    )
    assert "\r" not in "".join(text.values()) and "\ufeff" not in "".join(text.values())
    assert len(text["008_long_line.txt"]) > 1_990_000
    assert text["007_copy.txt"] == text["002_crlf.txt"]


def test_html_page_keeps_visible_text_only(hostile):
    _, corpus = hostile
    text = dict(zip(corpus.documents["file"], corpus.texts["text"], strict=True))
    page = " ".join(text["006_page.txt"].split())
    assert page == f"Putin said the code {SCRIPT} was harmless. Trump agreed & Rubio met Lavrov."
    assert text["013_unlisted.txt"].split() == ["Lavrov", "wrote", "on", "Telegram."]
    assert IMG in text["001_main.txt"]  # plain text is kept as written, escaped on output


def test_no_readable_document_is_an_error_naming_the_skipped_files(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01")
    with pytest.raises(CorpusError, match=r"no readable documents .*a\.txt \(empty\), b\.txt \(binary\)"):  # fmt: skip
        ingest_corpus(tmp_path)


def test_unreadable_file_is_skipped_and_the_rest_read(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Readable.")
    (tmp_path / "b.txt").write_text("Locked.")
    read_bytes = Path.read_bytes

    def locked(path):
        if path.name == "b.txt":
            raise PermissionError(13, "Permission denied")
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", locked)
    corpus = ingest_corpus(tmp_path)
    assert corpus.documents["file"].tolist() == ["a.txt"]
    assert corpus.warnings.values.tolist() == [
        ["b.txt", "unreadable", "skipped: Permission denied"]
    ]


def test_file_name_that_is_not_utf8_is_skipped(tmp_path):
    (tmp_path / "ok.txt").write_text("Readable.")
    (tmp_path / b"caf\xe9.txt".decode(errors="surrogateescape")).write_text("Badly named.")
    corpus = ingest_corpus(tmp_path)
    assert corpus.documents["file"].tolist() == ["ok.txt"]
    assert corpus.warnings.values.tolist() == [
        ["caf\ufffd.txt", "unreadable", "skipped: the file name is not valid UTF-8"]
    ]
    corpus.write(tmp_path / "out")  # every name can be written


def test_clashing_ids_and_upper_case_names(tmp_path):
    for name in ("a_1.txt", "a_2.txt", "B.TXT"):
        (tmp_path / name).write_text(f"Text of {name}.")
    corpus = ingest_corpus(tmp_path)
    assert corpus.documents[["doc_id", "file"]].values.tolist() == [
        ["B", "B.TXT"],
        ["a", "a_1.txt"],
        ["a_2", "a_2.txt"],
    ]
    assert corpus.warnings.values.tolist() == [
        ["a_2.txt", "duplicate_doc_id", "doc_id a already used; read as a_2"]
    ]


def test_manifest_problems(tmp_path):
    (tmp_path / "one.txt").write_text("One.")
    (tmp_path / "two.txt").write_text("Two.")
    manifest = tmp_path / "manifest.csv"
    # a doc_id listed twice for two files keeps both, the second under a new id and with
    # its own date; the same file listed twice is read once
    manifest.write_text("doc_id,file,date\n1,one.txt,2025-02-19\n1,two.txt,2025-02-20\n"
                        "1,one.txt,2025-02-19\n")  # fmt: skip
    corpus = ingest_corpus(tmp_path)
    assert corpus.warnings.values.tolist() == [
        ["manifest.csv", "duplicate_doc_id", "doc_id 1 with one.txt listed twice; kept the first"],
        ["two.txt", "duplicate_doc_id", "doc_id 1 listed twice; this file read as two"],
    ]
    assert corpus.documents[["doc_id", "date"]].values.tolist() == [
        ["1", "2025-02-19"], ["two", "2025-02-20"]
    ]  # fmt: skip
    manifest.write_bytes("doc_id,file\n1,caf\xe9.txt\n".encode("latin-1"))
    with pytest.raises(CorpusError, match="manifest .*manifest.csv: not UTF-8 text"):
        ingest_corpus(tmp_path)
    with pytest.raises(CorpusError, match="manifest not found: .*other.csv"):
        ingest_corpus(tmp_path, manifest=tmp_path / "other.csv")


def test_boilerplate_file_that_is_not_utf8(tmp_path):
    bad = tmp_path / "bp.yml"
    bad.write_bytes(b"patterns:\n  - regex: '\xff'\n")
    with pytest.raises(CorpusError, match="bp.yml"):
        load_boilerplate(bad)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("actors:\n  - id: a\n    names: [A\n",
         r"actors.yml: invalid YAML at line 4, column 1: .* flow sequence at line 3, column 12"),
        ("actors:\n  - id: a\n    names: [A]\n    nickname: B\n",
         r"actors.yml, line 4: actor 'a': unknown key\(s\) nickname"),
        ("actors:\n  - {id: a, names: [A]}\n  - {id: a, names: [B]}\n",
         r"actors.yml, line 3: actor id 'a' is used twice \(first at line 2\)"),
        ("actors:\n  - {id: a, names: [Kyiv]}\n  - {id: b, names: [Kyiv]}\n",
         r"actors.yml, line 3: alias 'Kyiv' \(names of 'b'\) is also claimed by actor 'a'"),
        ("actors:\n  - id: a\n    label: A\n    names: []\n",
         r"actors.yml, line 4: actor 'a', field 'names': empty"),
        ("putin: [Putin]\nkremlin: []\n", r"actors.yml, line 2: actor 'kremlin', field 'names'"),
    ],
)  # fmt: skip
def test_malformed_actors_file_names_file_line_and_problem(tmp_path, text, message):
    path = tmp_path / "actors.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ActorsFileError, match=message):
        load_actors(path)


def test_unreadable_actors_file(tmp_path):
    latin = tmp_path / "latin.yml"
    latin.write_bytes("actors:\n  - {id: orban, names: [Orb\xe1n]}\n".encode("latin-1"))
    with pytest.raises(ActorsFileError, match=r"latin.yml: not UTF-8 text"):
        load_actors(latin)
    with pytest.raises(ActorsFileError, match="cannot read the actors file"):
        load_actors(tmp_path)


@pytest.fixture
def one_document(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Putin spoke.")
    return corpus


@pytest.mark.parametrize("where", ["out is a file", "out is under a file"])
def test_unwritable_output_folder_is_exit_status_2(one_document, tmp_path, capsys, where):
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    out = blocker if where == "out is a file" else blocker / "reports"
    status = cli.main(["run", "-p", "corpus_dir", str(one_document), "--out", str(out)])
    assert status == 2
    error = capsys.readouterr().err
    assert error.startswith(f"actorlens: error: cannot write to output folder {out}")
    assert "Traceback" not in error


@pytest.mark.parametrize("layout", ["no files", "no txt files", "corpus is a file"])
def test_corpus_without_documents_is_exit_status_2(tmp_path, capsys, layout):
    corpus = tmp_path / "corpus"
    if layout == "corpus is a file":
        corpus.write_text("x")
    else:
        corpus.mkdir()
        if layout == "no txt files":
            (corpus / "notes.docx").write_bytes(b"PK")
    assert cli.main(["run", "-p", "corpus_dir", str(corpus), "--out", str(tmp_path)]) == 2
    error = capsys.readouterr().err
    expected = "corpus folder not found" if layout == "corpus is a file" else "has no *.txt files"
    assert error.startswith("actorlens: error: ") and expected in error and str(corpus) in error
    assert not list(tmp_path.glob(".actorlens/runs/*"))


class InjectedElements(HTMLParser):
    """Elements and attributes of a page that can only come from unescaped input."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self.text, self._in_script = [], [], False

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script"
        for name, value in attrs:
            if name.startswith("on") and "alert" in (value or ""):
                self.found.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            decoded = data.replace("\\u003c", "<").replace("\\x3c", "<").replace("\\/", "/")
            if IMG in decoded or "<script>alert(1)" in decoded or data.strip() == "alert(1)":
                self.found.append(f"<script> holding {data.strip()[:80]!r}")
        else:
            self.text.append(data)


def injected(html: str) -> tuple[list[str], str]:
    """The injected elements of ``html`` and its visible text."""
    parser = InjectedElements()
    parser.feed(html)
    parser.close()
    return parser.found, "".join(parser.text)


def test_injection_detector_finds_unescaped_input():
    found, _ = injected(f"<p>{SCRIPT}{IMG}</p><script>var d = ['\\u003cimg src=x onerror=alert(1)>'];</script>")  # fmt: skip
    assert len(found) == 3


def test_index_page_escapes_corpus_text(hostile, tmp_path):
    folder, _ = hostile
    processed = tmp_path / "processed"
    actors_file = str(config.SEEDS_DIR / "actors.yml")
    ingest.run(corpus_dir=str(folder), processed_dir=str(processed))
    count.run(processed_dir=str(processed), actors_file=actors_file)
    sentiment.run(actors_file=actors_file, processed_dir=str(processed))
    shift.run(processed_dir=str(processed), target_terms={"talks": ["talks"]})
    params = {"corpus_dir": f"{folder}/{SCRIPT}", "actors_file": IMG}
    index = front_page.write_index(tmp_path, processed, STAGES, params, datetime.now(UTC), {})
    found, text = injected(index.read_text(encoding="utf-8"))
    assert found == []
    assert f"{SCRIPT} Talks" in text and IMG in text  # the payloads are there, as text
    pages = sorted((tmp_path / "evidence").glob("*.html"))
    shown = [page.read_text(encoding="utf-8") for page in pages]
    assert shown and all(injected(html)[0] == [] for html in shown)
    assert any("&lt;script&gt;alert(1)" in html for html in shown)  # the payloads, as text
