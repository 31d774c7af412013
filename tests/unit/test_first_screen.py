"""The front page's first screen and the evidence one click from its numbers."""

import re
from datetime import UTC, datetime
from html.parser import HTMLParser

import numpy as np
import pandas as pd
import pytest

from actorlens.analysis import evidence, first_screen, sentiment, shift
from actorlens.core import config, tables
from actorlens.corpus import ingest
from actorlens.mentions import count
from actorlens.report import evidence_pages, front_page, summary
from actorlens.runner.pipeline import STAGES


def trajectory_row(period, actor_id, role, n, mean, documents=1, thin=False):
    return {"period": period, "actor_id": actor_id, "role": role, "n": n, "mean": mean,
            "ci_low": np.nan, "ci_high": np.nan, "thin": thin, "n_sentences": n,
            "n_documents": documents, "share_negative": 0.0, "share_positive": 0.0,
            "net_tone": 0.0}  # fmt: skip


def periods_of(*labels):
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(labels))], "period": list(labels),
                         "rank": list(range(len(labels)))})  # fmt: skip


TRAJECTORY = pd.DataFrame([
    trajectory_row("p1", "a", "stance: talks", 2, 0.0, thin=True),
    trajectory_row("p2", "a", "stance: talks", 5, 0.4, documents=3),
    trajectory_row("p1", "a", "portrayal", 4, -0.25, documents=2),
    trajectory_row("p2", "b", "stance: talks", 1, -0.5, thin=True),
    trajectory_row("p1", "b", "voice", 40, 0.1),  # not a first-screen role: not evidence here
], columns=tables.SCHEMAS["stance_trajectory"].names)  # fmt: skip


def test_a_period_with_no_reading_is_not_found_and_a_neutral_mean_is_zero():
    screen = first_screen.first_screen(TRAJECTORY, periods_of("p1", "p2"), ["talks"],
                                       {"a": "Actor A"})  # fmt: skip
    assert screen.periods == ["p1", "p2"] and screen.actors == ["a", "b"]
    a_stance, a_portrayal, b_stance, b_portrayal = screen.rows
    assert (a_stance.label, a_stance.role, a_portrayal.role) == ("Actor A", "stance: talks",
                                                                 "portrayal")  # fmt: skip
    neutral, positive = a_stance.cells
    assert (neutral.text, neutral.n, neutral.documents, neutral.thin) == ("0.00", 2, 1, True)
    assert neutral.href == "evidence/a.html#stance-talks--p1" and neutral.tone == "zero"
    assert (positive.text, positive.n, positive.documents, positive.thin) == ("+0.40", 5, 3, False)
    missing = a_portrayal.cells[1]
    assert (missing.text, missing.value, missing.href, missing.tone) == ("not found", None, "",
                                                                         "none")  # fmt: skip
    assert [c.text for c in b_stance.cells] == ["not found", "-0.50"]
    assert [c.text for c in b_portrayal.cells] == ["not found", "not found"]
    assert (screen.stance_cells_found, screen.stance_cells) == (3, 4)
    assert summary.stance_coverage(screen) == (
        "Stance coverage: 3 of 4 actor x period cells of these 2 actors (75%) have any stance "
        "reading (targets: talks); the rest are not found, not neutral."
    )


def test_top_actors_are_those_with_the_most_scores_in_the_shown_roles():
    rows = [trajectory_row("p1", f"x{i}", "portrayal", i + 1, 0.1) for i in range(10)]
    table = pd.DataFrame([*rows, trajectory_row("p1", "loud", "voice", 99, 0.1)])
    assert first_screen.top_actors(table, first_screen.roles_of(["talks"])) == [
        "x9", "x8", "x7", "x6", "x5", "x4", "x3", "x2"]  # fmt: skip


def test_the_summary_ranks_descriptive_differences_by_their_evidence():
    def pair(actor_id, delta, n, docs):
        return {"actor_id": actor_id, "role": "portrayal", "from_period": "p1", "to_period": "p2",
                "from_mean": 0.0, "to_mean": delta, "delta": delta, "ci_low": np.nan,
                "ci_high": np.nan, "p_value": np.nan, "q_value": np.nan, "n_from": n, "n_to": n,
                "docs_from": docs, "docs_to": docs + 5, "unit": "sentences", "tested": False,
                "same_sign": True}  # fmt: skip

    table = pd.DataFrame([pair("thin", 0.9, 1, 1), pair("wide", 0.1, 12, 2),
                          pair("deep", 0.05, 40, 1), pair("big", 0.5, 3, 2)],
                         columns=tables.SCHEMAS["stance_shift"].names)  # fmt: skip
    assert summary.by_evidence(table)["actor_id"].tolist() == ["wide", "big", "deep", "thin"]
    result = shift.Shift(periods=periods_of("p1", "p2"), trajectory=table, shift=table,
                         evidence=tables.frame("shift_evidence"), stance=pd.DataFrame(),
                         **({"trend": tables.frame("stance_trend")}
                            if "trend" in shift.Shift.TABLES else {}))  # fmt: skip
    lines = summary.findings(result, {})
    start = lines.index("Differences with the most evidence at both ends (documents, then "
                        "scores), descriptive only:")  # fmt: skip
    assert [line.split(" ")[0] for line in lines[start + 1 : start + 4]] == ["wide", "big", "deep"]


SENTENCES = pd.DataFrame({"doc_id": ["d0", "d0", "d1"], "sent_id": [0, 1, 0],
                          "start": [0, 23, 0], "end": [22, 58, 10],
                          "text": ["Ann met the <b>US</b>.", "Americans said Ann hopes for talks.",
                                   "Ann spoke."]})  # fmt: skip


def mention(doc_id, sent_id, actor_id, start, end, kind="name", role="portrayal", score=0.5,
            speaker_id=""):  # fmt: skip
    return {"doc_id": doc_id, "sent_id": sent_id, "actor_id": actor_id, "surface": "x",
            "start": start, "end": end, "kind": kind, "role": role, "attr_id": "",
            "speaker_id": speaker_id, "sentiment": score}  # fmt: skip


MENTIONS = pd.DataFrame([
    mention("d0", 0, "ann", 0, 3),
    mention("d0", 1, "us", 23, 32, kind="demonym"),
    mention("d0", 1, "ann", 38, 41, role="quoted", speaker_id="us"),
    mention("d0", 1, "ann", 38, 41, role="voice", score=np.nan),  # not scored: not evidence
    mention("d1", 0, "ann", 0, 3),
])  # fmt: skip
STANCE = pd.DataFrame({"doc_id": ["d0", "d1"], "attr_id": ["", ""], "speaker_id": ["ann", ""],
                       "speaker_name": ["", ""], "target": ["talks", "talks"],
                       "label": ["favour", "neutral"], "score": [0.6, 0.0],
                       "evidence": ["hopes; talks", ""], "sent_id": [1, 0],
                       "through": ["", ""]})  # fmt: skip
ATTRIBUTIONS = pd.DataFrame(columns=["doc_id", "attr_id", "source_start", "source_end"])


def test_the_evidence_table_keeps_every_scored_unit_and_says_which_count():
    periods = pd.DataFrame({"doc_id": ["d0", "d1"], "period": ["p1", ""], "rank": [0, -1]})
    table = evidence.evidence_table(MENTIONS, STANCE, SENTENCES, ATTRIBUTIONS, periods,
                                    sentiment.counted_kinds(False))  # fmt: skip
    assert len(table) == 4 + 2  # the scored mentions and every stance reading
    rows = {(r.actor_id, r.role, r.doc_id, r.sent_id, r.kind): r for r in table.itertuples()}
    talks = rows[("ann", "stance: talks", "d0", 1, "stance")]
    assert talks.counted and talks.period == "p1"
    assert evidence_pages.segments(talks.text, talks.marks) == [
        ("Americans said ", ""), ("Ann", "actor"), (" ", ""), ("hopes", "cue"), (" for ", ""),
        ("talks", "cue"), (".", "")]  # fmt: skip
    notes = {key: (r.counted, r.note) for key, r in rows.items()}
    assert notes[("ann", "portrayal", "d0", 0, "name")] == (True, "")
    assert notes[("us", "portrayal", "d0", 1, "demonym")] == (
        False, "demonym mention: this kind is not counted")  # fmt: skip
    assert notes[("ann", "portrayal", "d0", 1, "name")] == (
        False, "inside someone's words: not counted as portrayal")  # fmt: skip
    assert notes[("ann", "portrayal", "d1", 0, "name")] == (False, "undated document: in no period")
    assert notes[("", "stance: talks", "d1", 0, "stance")] == (False, "no speaker actor")
    assert list(zip(table["actor_id"], table["role"], table["rank"], strict=True)) == [
        ("", "stance: talks", -1), ("ann", "stance: talks", 0), ("ann", "portrayal", 0),
        ("ann", "portrayal", 0), ("ann", "portrayal", -1), ("us", "portrayal", 0)]  # fmt: skip
    quoted = evidence.evidence_table(MENTIONS, STANCE, SENTENCES, ATTRIBUTIONS, periods,
                                     sentiment.counted_kinds(True), quoted_portrayal=True)  # fmt: skip
    assert int(quoted["counted"].sum()) == int(table["counted"].sum()) + 2


def test_segments_cut_at_marks_and_skip_an_overlapping_one():
    assert evidence_pages.segments("abcdef", [(1, 3, "actor"), (2, 4, "cue"), (4, 5, "cue")]) == [
        ("a", ""), ("bc", "actor"), ("d", ""), ("e", "cue"), ("f", "")]  # fmt: skip
    assert evidence.page_name("united_states") == "united_states"
    assert evidence.page_name("a/b").startswith("a_b-") and evidence.page_name("") != ""
    assert evidence.anchor("stance: the talks", "2005-01") == "stance-the-talks--2005-01"


def test_a_voice_row_shows_the_sentences_from_speaker_to_quote_end():
    texts = {"d0": "Ann met the <b>US</b>. Americans said Ann hopes for talks."}
    said = pd.DataFrame({"doc_id": ["d0", "d0"], "attr_id": ["a1", "a2"],
                         "kind": ["direct", "reported"], "start": [38, 38], "end": [58, 58],
                         "speaker_id": ["ann", "us"], "source_start": [0, 23],
                         "source_end": [3, 32], "cue_start": [33, -1], "cue_end": [37, -1],
                         "sentiment": [0.4, -0.2]})  # fmt: skip
    periods = pd.DataFrame({"doc_id": ["d0"], "period": ["p1"], "rank": [0]})
    table = evidence.voice_evidence(said, SENTENCES, texts, periods, speech="direct")
    ann, us = table.itertuples(index=False)
    assert (ann.role, ann.sent_id, ann.counted, ann.score) == ("voice", 0, True, 0.4)
    assert evidence_pages.segments(ann.text, ann.marks) == [
        ("Ann", "actor"), (" met the <b>US</b>. Americans ", ""), ("said", "cue"),
        (" Ann hopes for talks.", "")]  # fmt: skip
    assert (us.sent_id, us.text, us.counted) == (1, "Americans said Ann hopes for talks.", False)
    assert us.note == "reported speech: not counted (speech direct)"


class Links(HTMLParser):
    """The hrefs of a page and, for each id, the number of list items in its element."""

    def __init__(self):
        super().__init__()
        self.hrefs, self.items, self.counted, self.open = [], {}, {}, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "href" in attrs:
            self.hrefs.append(attrs["href"])
        if tag == "section" and "id" in attrs:
            self.open.append(attrs["id"])
            self.items[attrs["id"]], self.counted[attrs["id"]] = 0, 0
        if tag == "li" and self.open:
            self.items[self.open[-1]] += 1
            self.counted[self.open[-1]] += attrs.get("class") != "uncounted"

    def handle_endtag(self, tag):
        if tag == "section" and self.open:
            self.open.pop()


def parsed(path) -> Links:
    links = Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory):
    """The seeds through the four analysis stages and the front page."""
    out = tmp_path_factory.mktemp("seeds report")
    processed, actors_file = out / "processed", str(config.SEEDS_DIR / "actors.yml")
    ingest.run(corpus_dir=str(config.SEEDS_DIR), processed_dir=str(processed))
    count.run(processed_dir=str(processed), actors_file=actors_file)
    sentiment.run(actors_file=actors_file, processed_dir=str(processed))
    shift.run(processed_dir=str(processed))
    stages = [stage for stage in STAGES if stage.name != "validation"]
    front_page.write_index(out, processed, stages, {"corpus_dir": "seeds"}, datetime.now(UTC), {})
    return out


def test_every_first_screen_link_leads_to_its_counted_sentences(seeds_report):
    index = (seeds_report / "index.html").read_text(encoding="utf-8")
    cells = re.findall(r'<a href="(evidence/[^"]+)"[^>]*>\s*<b>[^<]+</b><br><small>n=(\d+)', index)
    assert len(cells) >= 20 and "not found</td>" in index
    for link, n in cells:
        page, anchor = link.split("#")
        found = parsed(seeds_report / page)
        assert found.items.get(anchor, 0) > 0, link
        assert found.counted[anchor] == int(n), link  # the rows behind the number, every one


def test_the_evidence_pages_hold_every_scored_unit(seeds_report):
    processed = seeds_report / "processed"
    scored = sentiment.Sentiment.read(processed).mentions
    n_scored = int(
        (scored["role"].isin(["portrayal", "quoted"]) & scored["sentiment"].notna()).sum()
    )
    n_stance = len(tables.read("stance", processed))
    n_voice = int((tables.read("attributions", processed)["speaker_id"] != "").sum())
    every = n_scored + n_stance + n_voice
    assert len(evidence_pages.evidence_of(processed)) == every
    written = pd.read_csv(
        seeds_report / "evidence" / "evidence.csv", dtype=str, keep_default_na=False
    )
    assert len(written) == every
    on_pages = sum(sum(parsed(page).items.values())
                   for page in (seeds_report / "evidence").glob("*.html"))  # fmt: skip
    assert on_pages == every


def test_every_trajectory_number_has_a_section_with_the_scores_behind_it(seeds_report):
    trajectory = tables.read("stance_trajectory", seeds_report / "processed")
    assert set(trajectory["role"]) == {"portrayal", "voice", "stance: talks"}
    for t in trajectory.itertuples(index=False):
        page, anchor = evidence.href(t.actor_id, t.role, t.period).split("#")
        assert parsed(seeds_report / page).counted.get(anchor) == t.n, (t.actor_id, t.role)


def test_an_evidence_page_shows_corpus_text_as_text(tmp_path):
    periods = pd.DataFrame({"doc_id": ["d0", "d1"], "period": ["p1", "p2"], "rank": [0, 1]})
    table = evidence.evidence_table(MENTIONS, STANCE, SENTENCES, ATTRIBUTIONS, periods,
                                    sentiment.counted_kinds(False))  # fmt: skip
    rows = table[table["actor_id"] == "ann"]
    sections = evidence_pages.sections_of(rows, TRAJECTORY.iloc[:0], {"ann": "<i>Ann</i>"},
                                          {"d0": "d0 · <script>x</script>"})  # fmt: skip
    assert [s.anchor for s in sections] == ["stance-talks--p1", "portrayal--p1", "portrayal--p2"]
    html = front_page.TEMPLATES.get_template("evidence.html.j2").render(
        actor="<i>Ann</i>", actor_id="ann", n_rows=len(rows), sections=sections)  # fmt: skip
    assert "<b>US</b>" not in html and "<script>x" not in html and "<i>Ann" not in html
    assert '<mark class="actor">Ann</mark> met the &lt;b&gt;US&lt;/b&gt;.' in html


def test_each_row_carries_its_change_and_trend_and_only_a_clear_one_is_called():
    def estimate_row(actor_id, value, ci_low, ci_high, q_value, tested, column):
        return {"actor_id": actor_id, "role": "stance: talks", column: value, "ci_low": ci_low,
                "ci_high": ci_high, "q_value": q_value, "tested": tested,
                "from_period": "p1", "to_period": "p2"}  # fmt: skip

    shift_rows = pd.DataFrame(
        [
            estimate_row("a", 0.4, 0.1, 0.7, 0.01, True, "delta"),
            estimate_row("b", -0.5, np.nan, np.nan, np.nan, False, "delta"),
        ]
    )
    trend_rows = pd.DataFrame([estimate_row("a", 0.2, -0.1, 0.5, 0.01, True, "slope")])
    screen = first_screen.first_screen(TRAJECTORY, periods_of("p1", "p2"), ["talks"], {},
                                       shift=shift_rows, trend=trend_rows)  # fmt: skip
    a_stance, a_portrayal, b_stance, _ = screen.rows
    assert (a_stance.change.text, a_stance.change.interval, a_stance.change.called) == (
        "+0.40", "[+0.10, +0.70]", True)  # fmt: skip
    # one period between p1 and p2: the trend's change is its slope
    assert (a_stance.trend.text, a_stance.trend.called) == ("+0.20", False)  # interval spans 0
    assert (b_stance.change.text, b_stance.change.interval, b_stance.change.called) == (
        "-0.50", "", False)  # fmt: skip
    assert a_portrayal.change is None and b_stance.trend is None
    assert screen.change_periods == ("p1", "p2")


def test_the_trend_reads_as_the_change_its_line_makes_from_the_rows_first_reading_to_its_last():
    """Read in p2 and p4 of p1..p5: the slope of 0.1 a period makes +0.20 over those two
    periods, not +0.40 over all five (no line runs on past its readings)."""
    read = pd.DataFrame([trajectory_row("p2", "a", "portrayal", 4, -0.2),
                         trajectory_row("p4", "a", "portrayal", 4, 0.0)],
                        columns=tables.SCHEMAS["stance_trajectory"].names)  # fmt: skip
    trend_rows = pd.DataFrame([{"actor_id": "a", "role": "portrayal", "slope": 0.1, "ci_low": 0.05,
                                "ci_high": 0.15, "q_value": 0.01, "tested": True}])  # fmt: skip
    screen = first_screen.first_screen(read, periods_of("p1", "p2", "p3", "p4", "p5"), ["talks"],
                                       {}, trend=trend_rows)  # fmt: skip
    trend = screen.rows[1].trend
    assert (trend.text, trend.interval, trend.called) == ("+0.20", "[+0.10, +0.30]", True)
