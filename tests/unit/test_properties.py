"""Property-based tests (hypothesis): small corpora generated from realistic pieces run
through every library stage (ingest -> mentions -> voice and portrayal -> shift and
stance, as the notebooks call them) to the end, and the tables keep their promises.

The pieces: listed and unlisted names, written plainly or with a Unicode trick (NFD
accents, a zero-width space or a soft hyphen inside, a Cyrillic look-alike letter,
full-width letters); balanced and unbalanced quotations in every mark style;
reported-speech frames; good, bad and missing dates; boilerplate lines; empty files;
UTF-8, UTF-8 with a byte-order mark, UTF-16 (with and without one), latin-1 and cp1252.
The profile (tests/conftest.py) is short under ``make test`` and long under ``make fuzz``.
"""

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from actorlens.analysis import sentiment, shift
from actorlens.analysis.shift import ShiftParameterError
from actorlens.core import config, tables
from actorlens.corpus.actors import load_actors
from actorlens.corpus.folder import CorpusError
from actorlens.corpus.ingest import ingest_corpus
from actorlens.mentions import count

ACTORS_FILE = config.SEEDS_DIR / "actors.yml"
ACTORS = load_actors(ACTORS_FILE)
# what the README counts as a document found but skipped
SKIPPED_KINDS = ("missing_file", "unreadable", "binary", "empty")

LISTED = ["Putin", "Vladimir Putin", "Trump", "Zelenskyy", "Lavrov", "Viktor Orbán", "Kallas",
          "Macron", "the Kremlin", "Ukraine", "Europe", "the Russian president"]  # fmt: skip
UNLISTED = ["Maria Schmidt", "Oleg Petrov", "José Martí", "Anna Kowalska", "the Foreign Ministry"]
LOOK_ALIKES = str.maketrans("PaeoKTMc", "РаеоКТМс")  # Latin -> Cyrillic letters drawn alike
TRICKS = {
    "plain": lambda name: name,
    "nfd": lambda name: unicodedata.normalize("NFD", name),
    "zero_width_space": lambda name: name[:2] + "\u200b" + name[2:],
    "soft_hyphen": lambda name: name[:3] + "\u00ad" + name[3:],
    "cyrillic_letter": lambda name: re.sub(
        "[PaeoKTMc]", lambda m: m[0].translate(LOOK_ALIKES), name, count=1
    ),
    "full_width": lambda name: "".join(
        chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in name
    ),
}
MARKS = [("“", "”"), ("‘", "’"), ('"', '"'), ("'", "'"), ("«", "»"), ("„", "“")]
CLAUSES = ["the talks were a first step", "Europe would not accept a bad deal",
           "peace is near", "the war must end now", "nobody wants a ceasefire",
           "Ukraine must be at the table"]  # fmt: skip
FRAMES = [
    "{x} said that {c}.",
    "According to {x}, {c}.",
    "{o}{C},{e} {x} said.",
    "{x} said: {o}{C}.{e}",
    "{x} told {y} that {c}.",
    "{x} accused {y} of blocking the talks.",
    "{x} met {y} in Riyadh on Tuesday.",
    "{x} welcomed the deal, {y} said.",
    "{x} said the talks were {o}a first step{e} toward peace.",
]
BOILERPLATE = ["Support The Guardian!", "Sign up for our newsletter.", "kremlin.ru"]
# two ISO weeks of good dates, two bad ones, none
DATES = ["date 2025-02-18", "date 2025-02-21", "date 2025-02-26", "date 2025-03-02",
         "date 2025-02-30", "date Feb 19, 2025", ""]  # fmt: skip
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "latin-1", "cp1252"]
EMPTY_FILES = [b"", b"\n\n  \n", b"Support The Guardian!\nkremlin.ru\n"]

# a few actors often (so that shifts have both ends), any name with any trick otherwise
names = st.one_of(
    st.sampled_from(["Putin", "Trump", "Zelenskyy"]),
    st.builds(lambda name, trick: TRICKS[trick](name),
              st.sampled_from(LISTED + UNLISTED), st.sampled_from(list(TRICKS))),
)  # fmt: skip


@st.composite
def sentences(draw) -> str:
    """One sentence of reported speech, a quotation or narrative."""
    opening, closing = draw(st.sampled_from(MARKS))
    clause = draw(st.sampled_from(CLAUSES))
    return draw(st.sampled_from(FRAMES)).format(
        x=draw(names), y=draw(names), c=clause, C=clause[0].upper() + clause[1:], o=opening,
        e=closing if draw(st.booleans()) else "",
    )  # fmt: skip


@st.composite
def documents(draw) -> bytes:
    """A document's bytes: a date line (good, bad or none), paragraphs of sentences with
    boilerplate lines among them, sometimes a very long word, in some encoding."""
    lines = [draw(st.sampled_from(DATES))]
    for _ in range(draw(st.integers(1, 3))):
        lines.append(" ".join(draw(st.lists(sentences(), min_size=1, max_size=4))))
        if draw(st.booleans()):
            lines.append(draw(st.sampled_from(BOILERPLATE)))
    if draw(st.booleans()):
        lines.append("The " + "x" * draw(st.sampled_from([300, 3000])) + " word ended it.")
    return "\n".join(lines).encode(draw(st.sampled_from(ENCODINGS)), errors="replace")


corpora = st.tuples(
    st.lists(documents(), min_size=1, max_size=5),
    st.lists(st.sampled_from(EMPTY_FILES), max_size=2),
).map(lambda parts: parts[0] + parts[1])


def run_stages(files: list[bytes], folder: Path, period: str, speech: str, min_docs: int = 3):
    """Every stage on a corpus of ``files``, each table written (checked) into ``folder``;
    with ``min_docs`` 2, two documents with one score each make a tested end."""
    corpus_dir = folder / "corpus"
    corpus_dir.mkdir()
    for number, data in enumerate(files):
        (corpus_dir / f"{number:03d}_article.txt").write_bytes(data)
    try:
        corpus = ingest_corpus(corpus_dir)
    except CorpusError as error:  # exit status 2, naming every file and why it was skipped
        assert str(error).startswith(f"no readable documents in {corpus_dir}; skipped: ")
        assert str(error).count(" (") == len(files)
        return None
    found = count.analyse(corpus, ACTORS)
    voice = sentiment.analyse(corpus, found, actors_file=ACTORS_FILE, speech=speech)
    stage = None
    try:
        stage = shift.analyse(corpus, voice, period=period, speech=speech, actors=found.actors,
                              min_docs=min_docs, min_shift_mentions=1 if min_docs == 2 else 20)  # fmt: skip
    except ShiftParameterError:
        assert period != "doc" and corpus.documents["date"].eq("").all()
    processed = folder / "processed"
    for done in (corpus, found, voice, stage):
        if done is not None:
            done.write(processed)
    return corpus, found, voice, stage, processed


def assert_spans_are_slices(table, texts: dict, pairs, fold=str):
    """Each (text column, start column, end column) of ``table`` is its document's slice
    (both as ``fold`` makes them)."""
    for row in table.itertuples(index=False):
        for column, start, end in pairs:
            if getattr(row, start) >= 0:
                text = texts[row.doc_id][getattr(row, start) : getattr(row, end)]
                assert fold(getattr(row, column)) == fold(text), (row.doc_id, column)


@given(files=corpora, period=st.sampled_from(["doc", "day", "week"]),
       speech=st.sampled_from(["both", "direct", "reported"]), min_docs=st.sampled_from([2, 3]))  # fmt: skip
def test_generated_corpora_run_to_the_end_and_keep_the_table_contract(
    files, period, speech, min_docs, tmp_path_factory
):
    done = run_stages(files, tmp_path_factory.mktemp("run"), period, speech, min_docs)
    if done is None:  # every file skipped (a UTF-16 file without a byte-order mark read as binary)
        return
    corpus, found, voice, stage, processed = done
    # every table met its schema when written, and reads back with the schema's types
    written = {name for name, schema in tables.SCHEMAS.items()
               if (processed / schema.file).exists()}  # fmt: skip
    assert written == set(tables.SCHEMAS) - (set() if stage else set(shift.Shift.TABLES.values()))
    for name in written:
        tables.read(name, processed)
    # documents found = documents analysed + documents skipped
    kinds = corpus.warnings["kind"]
    assert len(files) == len(corpus.documents) + kinds.isin(SKIPPED_KINDS).sum()
    # every span is the slice of its document's text
    texts = dict(zip(corpus.texts["doc_id"], corpus.texts["text"], strict=True))
    assert_spans_are_slices(corpus.sentences, texts, [("text", "start", "end")])
    assert_spans_are_slices(found.mentions, texts, [("surface", "start", "end")])
    assert_spans_are_slices(voice.attributions, texts,
                            [("text", "start", "end"), ("speaker_text", "source_start", "source_end")])  # fmt: skip
    # the cue is its words as the cue list has them ("according to")
    assert_spans_are_slices(voice.attributions, texts, [("cue", "cue_start", "cue_end")], str.lower)
    # every speaker is an actor or a name that occurs in its document
    actor_ids = set(found.actors["id"])
    said = [voice.attributions, *([stage.stance] if stage is not None else [])]
    for table in said:
        assert set(table["speaker_id"]) <= actor_ids | {""}
        for doc_id, name in zip(table["doc_id"], table["speaker_name"], strict=True):
            assert name in texts[doc_id], (doc_id, name)


@pytest.mark.parametrize("trick", list(TRICKS))
def test_each_unicode_trick_runs_to_the_end(trick, tmp_path):
    """Each trick once, in a quotation and in reported speech, with a plain document."""
    name = TRICKS[trick]("Viktor Orbán")
    files = [f"date 2025-02-18\n{name} said: “{CLAUSES[0]}.”\n".encode(),
             f"date 2025-02-19\nAccording to {name}, {CLAUSES[1]}.\n".encode("utf-16"),
             b"date 2025-02-20\nPutin met Trump in Riyadh.\n"]  # fmt: skip
    corpus, found, voice, stage, _ = run_stages(files, tmp_path, "day", "both")
    assert len(corpus.documents) == 3
    orban = found.mentions[found.mentions["actor_id"] == "orban"]
    assert orban["doc_id"].tolist() == ["000", "001"]
    assert stage.periods["period"].tolist() == ["2025-02-18", "2025-02-19", "2025-02-20"]
