"""Every mark of the figures that stand for an actor's number links to its evidence."""

import re
from datetime import UTC, datetime
from html.parser import HTMLParser
from urllib.parse import urldefrag

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from actorlens.analysis import overview, sentiment, shift
from actorlens.core import config, tables
from actorlens.corpus import ingest
from actorlens.mentions import count
from actorlens.report import (
    evidence_pages,
    figure_links,
    figures,
    front_page,
    shift_figures,
    voice_figures,
)
from actorlens.report.publish import save_figure
from actorlens.runner.pipeline import STAGES

LINK = re.compile(r'<a xlink:href="([^"]*)"')
LINKED = ["fig02_top_actors", "fig02_mention_heatmap", "fig02_dispersion", "fig03_voice_share",
          "fig03_portrayal", "fig03_voice_vs_portrayal", "fig03_speaker_target",
          "fig04_shift_slopes", "fig04_trajectories", "fig04_stance_matrix_t"]  # fmt: skip


def test_a_link_is_relative_to_the_figure_and_absent_without_a_prefix():
    url = figure_links.evidence_url("../", "un", "stance: talks", "2024-05")
    assert url == "../evidence/un.html#stance-talks--2024-05"
    assert figure_links.evidence_url("../", "un") == "../evidence/un.html"
    assert figure_links.evidence_url(None, "un", "portrayal", "2024-05") is None


def test_each_stance_cell_found_links_to_its_actor_role_and_period(tmp_path):
    trajectory = pd.DataFrame({
        "period": ["p1", "p2", "p1"], "actor_id": ["a", "a", "b"],
        "role": ["stance: talks"] * 3, "n": [3, 1, 2], "mean": [0.5, -0.2, 0.1],
    })  # fmt: skip
    fig, _ = shift_figures.stance_matrix(trajectory, {}, "talks", to_reports="../")
    save_figure(fig, pd.DataFrame(), "m", tmp_path)
    plt.close(fig)
    links = LINK.findall((tmp_path / "m.svg").read_text(encoding="utf-8"))
    assert links == ["../evidence/a.html#stance-talks--p1", "../evidence/a.html#stance-talks--p2",
                     "../evidence/b.html#stance-talks--p1"]  # fmt: skip


class Sections(HTMLParser):
    """The ids of an evidence page's sections and how many rows each holds."""

    def __init__(self):
        super().__init__()
        self.rows: dict[str, int] = {}
        self.current = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section" and attrs.get("id"):
            self.current = attrs["id"]
            self.rows[self.current] = 0
        elif tag == "li" and self.current is not None:
            self.rows[self.current] += 1


@pytest.fixture(scope="module")
def linked_report(tmp_path_factory):
    """The seeds through the four analysis stages, the front page with its evidence pages,
    and the linked figures saved in reports/figures; returns the folder and marks drawn."""
    out = tmp_path_factory.mktemp("linked report")
    processed, actors_file = out / "processed", str(config.SEEDS_DIR / "actors.yml")
    corpus = ingest.run(corpus_dir=str(config.SEEDS_DIR), processed_dir=str(processed))
    found = count.run(processed_dir=str(processed), actors_file=actors_file)
    totals, docs = found.totals(), corpus.ordered_ids()
    top = totals["actor_id"].head(8).tolist()
    voice = sentiment.run(actors_file=actors_file, processed_dir=str(processed))
    result = shift.run(processed_dir=str(processed))
    labels = evidence_pages.labels_of(processed)
    trajectory, drawn = result.trajectory, {}
    actors = trajectory.groupby("actor_id")["n"].sum().nlargest(6).index.tolist()
    roles = trajectory["role"]
    target = sorted(roles[roles.str.startswith("stance: ")].str[len("stance: ") :])[0]
    made = {
        "fig02_top_actors": figures.top_actors(totals, 8, to_reports="../"),
        "fig02_mention_heatmap": figures.mention_heatmap(found.counts, top, docs, labels=labels,
                                                         to_reports="../"),
        "fig02_dispersion": figures.dispersion(found.mentions, corpus.texts, top, docs,
                                               labels=labels, to_reports="../"),
        "fig03_voice_share": voice_figures.voice_share(
            overview.voice_share_table(voice.attributions, labels), docs, labels=labels,
            to_reports="../"),
        "fig03_voice_vs_portrayal": voice_figures.voice_vs_portrayal(voice.overall, labels,
                                                                     to_reports="../"),
        "fig03_speaker_target": voice_figures.speaker_target_heatmap(voice.speaker_target, labels,
                                                                     8, to_reports="../"),
        "fig03_portrayal": voice_figures.portrayal_intervals(voice.overall, labels, "lexicon", 8,
                                                       to_reports="../"),
        "fig04_shift_slopes": shift_figures.shift_intervals(result.shift, labels, to_reports="../"),
        "fig04_trajectories": shift_figures.trajectories(trajectory, labels, actors, to_reports="../"),
        "fig04_stance_matrix_t": shift_figures.stance_matrix(trajectory, labels, target, to_reports="../"),
    }  # fmt: skip
    fig, data = figures.document_lengths(tables.read("documents", processed))
    save_figure(fig, data, "fig01_document_lengths", out / "figures")
    plt.close(fig)
    for name, (fig, data) in made.items():
        save_figure(fig, data, name, out / "figures")
        plt.close(fig)
        drawn[name] = data
    front_page.write_index(out, processed, [s for s in STAGES if s.name != "validation"],
                           {"corpus_dir": "seeds"}, datetime.now(UTC), {})  # fmt: skip
    return out, drawn


def svg_links(out, name):
    return LINK.findall((out / "figures" / f"{name}.svg").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", list(LINKED))
def test_every_link_of_a_figure_leads_to_a_section_with_evidence(linked_report, name):
    out, _ = linked_report
    links = svg_links(out, name)
    assert links
    pages = {}
    for link in links:
        page, section = urldefrag(link)
        path = (out / "figures" / page).resolve()
        assert path.parent == (out / "evidence").resolve() and path.is_file(), link
        if section:
            if path not in pages:
                pages[path] = Sections()
                pages[path].feed(path.read_text(encoding="utf-8"))
            assert pages[path].rows.get(section, 0) > 0, link


def test_each_drawn_mark_has_one_link(linked_report):
    out, drawn = linked_report
    kinds = ["n_name", "n_title", "n_metonym"] + (
        ["n_demonym"] if drawn["fig02_top_actors"]["n_demonym"].any() else [])  # fmt: skip
    points = drawn["fig04_trajectories"]["role"].isin(["portrayal", "voice"]).sum()
    expected = {
        "fig02_top_actors": len(kinds) * len(drawn["fig02_top_actors"]),
        # cells with a mention; the frame's first column is the document
        "fig02_mention_heatmap": int(drawn["fig02_mention_heatmap"].iloc[:, 1:].gt(0).sum().sum()),
        "fig02_dispersion": len(drawn["fig02_dispersion"]),
        # segments of an actor's quoted words; unknown and others are no actor
        "fig03_voice_share": int(
            drawn["fig03_voice_share"]
            .drop(columns=["doc_id", "unknown", "others"], errors="ignore")
            .gt(0)
            .sum()
            .sum()
        ),
        "fig03_voice_vs_portrayal": len(drawn["fig03_voice_vs_portrayal"]),
        "fig03_speaker_target": len(drawn["fig03_speaker_target"]),
        "fig03_portrayal": len(drawn["fig03_portrayal"]),
        "fig04_shift_slopes": len(drawn["fig04_shift_slopes"]),
        "fig04_trajectories": points,
        "fig04_stance_matrix_t": len(drawn["fig04_stance_matrix_t"]),
    }
    assert {name: len(svg_links(out, name)) for name in expected} == expected
    assert all(n > 0 for n in expected.values())


def test_the_front_page_shows_a_linked_figure_as_its_svg_with_the_png_inside(linked_report):
    out, _ = linked_report
    index = (out / "index.html").read_text(encoding="utf-8")
    for name in LINKED:
        assert re.search(
            rf'<object data="figures/{name}.svg" type="image/svg\+xml"[^>]*>'
            rf'<img src="figures/{name}.png"[^>]*></object>',
            index,
        ), name
    assert '<img src="figures/fig02_top_actors.png"' in index
    unlinked = re.search(r"<figure>(.*?)</figure>", index, re.S).group(1)  # fig01, no links
    assert unlinked.startswith('<img src="figures/fig01_document_lengths.png"')
