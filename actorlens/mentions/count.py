"""The mentions stage: the actors file matched against the cleaned texts (see
:mod:`actorlens.mentions.matcher` for the matching rules), one row per mention, the counts
per document and actor, salience, keyword-in-context evidence and the capitalised names no
actor covers; ``analyse`` builds every table, ``run`` is the stage as notebook 02 calls it.
"""

import bisect
import re
from collections import Counter
from dataclasses import asdict, dataclass
from functools import partial
from itertools import accumulate
from typing import NamedTuple

import pandas as pd

from actorlens.core import stages
from actorlens.core.config import input_path, output_path
from actorlens.core.engine import Engine
from actorlens.core.parameters import default
from actorlens.core.tables import SCHEMAS, TableSet, frame
from actorlens.corpus.actors import Actor, load_actors
from actorlens.corpus.ingest import Corpus
from actorlens.mentions.matcher import Matcher
from actorlens.text.lexicon import NOT_NAMES
from actorlens.text.names import CAPITALISED_NAME
from actorlens.text.sentences import sentence_spans_by_document

KWIC_WIDTH = 60
KINDS = ("name", "title", "metonym", "demonym", "description")
POSSESSIVE = re.compile(r"['’]s?$")
SENTENCE_OPENING = " \"“‘'(["


@dataclass
class Mentions(TableSet):
    """The tables of the mentions stage."""

    mentions: pd.DataFrame
    counts: pd.DataFrame
    salience: pd.DataFrame
    kwic: pd.DataFrame
    unlisted: pd.DataFrame
    actors: pd.DataFrame

    TABLES = {
        "mentions": "mentions",
        "counts": "mention_counts",
        "salience": "salience",
        "kwic": "kwic",
        "unlisted": "unlisted_names",
        "actors": "actors",
    }

    def totals(self) -> pd.DataFrame:
        """Mentions per actor over the corpus, most mentioned first."""
        sums = (
            self.counts.groupby("actor_id")[["n_mentions", "n_name", "n_title", "n_metonym",
                                              "n_demonym", "n_description"]]
            .sum()
            .assign(n_docs=self.counts[self.counts["n_mentions"] > 0].groupby("actor_id").size())
            .fillna({"n_docs": 0})
            .astype(int)
            .reset_index()
        )  # fmt: skip
        labels = dict(zip(self.actors["id"], self.actors["label"], strict=True))
        return (
            sums.assign(label=sums["actor_id"].map(labels))
            .sort_values(["n_mentions", "n_demonym", "actor_id"], ascending=[False, False, True])
            .reset_index(drop=True)[["actor_id", "label", "n_mentions", "n_name", "n_title",
                                     "n_metonym", "n_demonym", "n_description", "n_docs"]]
        )  # fmt: skip


def unmentioned_actors(actors: pd.DataFrame, counts: pd.DataFrame) -> pd.DataFrame:
    """The actors of the actors file (``actors`` table) with no counted mention in
    ``counts`` (mention_counts), in file order, with the demonyms recorded for them."""
    recorded = counts.groupby("actor_id")[["n_mentions", "n_demonym"]].sum()
    table = actors[["id", "label", "type"]].join(recorded, on="id")
    table = table.fillna({"n_mentions": 0, "n_demonym": 0}).astype({"n_demonym": "int64"})
    return table[table["n_mentions"] == 0].drop(columns="n_mentions").reset_index(drop=True)


def document_mentions(matcher: Matcher, doc_id: str, text: str, starts: list[int]) -> list[tuple]:
    """Mention rows (in the mentions table's column order) of one document whose
    sentences start at ``starts``: the actors file's aliases, then the descriptions the
    document resolves."""
    rows = []
    found = matcher.find(text)
    found += matcher.describer.find(text, found)
    for mention in sorted(found, key=lambda m: (m["start"], m["end"], m["actor_id"])):
        start, end = mention["start"], mention["end"]
        sent_id = max(bisect.bisect_right(starts, start) - 1, 0)
        rows.append((doc_id, sent_id, mention["actor_id"], mention["surface"], start, end,
                     mention["kind"]))  # fmt: skip
    return rows


class Scan(NamedTuple):
    """The per-document products of the mentions stage, for the whole corpus."""

    mentions: pd.DataFrame
    kwic: pd.DataFrame
    salience: pd.DataFrame
    name_candidates: list[tuple]


def _scan_batch(matcher: Matcher, batch: list[tuple]) -> list[tuple[list, list, list, list]]:
    """Per document of a batch of (doc_id, title, text, sentence spans): its mention rows,
    their keywords in context, its salience rows and its unlisted-name candidates."""
    results = []
    for doc_id, title, text, spans in batch:
        rows = document_mentions(matcher, doc_id, text, [start for start, _ in spans])
        covered = [(row[4], row[5]) for row in rows]
        results.append((rows, document_kwic(text, rows),
                        document_salience(text, title, rows, matcher),
                        name_candidates(doc_id, text, spans, covered)))  # fmt: skip
    return results


def scan(corpus: Corpus, matcher: Matcher, engine: Engine | None = None) -> Scan:
    """Mentions (one row each), keywords in context, salience and unlisted-name
    candidates over every document, the documents read in batches on ``engine``."""
    spans = sentence_spans_by_document(corpus.sentences)
    titles = dict(zip(corpus.documents["doc_id"], corpus.documents["title"], strict=True))
    items = [(doc_id, titles.get(doc_id, ""), text, spans.get(doc_id, []))
             for doc_id, text in zip(corpus.texts["doc_id"], corpus.texts["text"], strict=True)]  # fmt: skip
    results = (engine or Engine()).map(
        partial(_scan_batch, matcher), items, progress="scanning mentions"
    )
    tables = [[row for result in results for row in result[part]] for part in range(4)]
    return Scan(
        mentions=frame("mentions", tables[0]),
        kwic=frame("kwic", tables[1]),
        salience=frame("salience", tables[2]),
        name_candidates=tables[3],
    )


def count_mentions(
    mentions: pd.DataFrame, documents: pd.DataFrame, include_demonyms: bool = False
) -> pd.DataFrame:
    """Per document and actor: mentions by kind, the counted total (names, titles,
    metonyms, demonyms if asked; never descriptions), per 1,000 words and the actor's share
    of the document's counted mentions."""
    if mentions.empty:
        return frame("mention_counts")
    counted = list(KINDS) if include_demonyms else ["name", "title", "metonym"]
    table = (
        mentions.groupby(["doc_id", "actor_id", "kind"])
        .size()  # crosstab: a Python loop
        .unstack("kind", fill_value=0)
        .reindex(columns=list(KINDS), fill_value=0)
        .add_prefix("n_")
        .reset_index()
    )
    table["n_mentions"] = table[[f"n_{k}" for k in counted]].sum(axis=1)
    words = dict(zip(documents["doc_id"], documents["n_words"], strict=True))
    table["per_1k_words"] = (table["n_mentions"] / table["doc_id"].map(words) * 1000).round(3)
    doc_total = table.groupby("doc_id")["n_mentions"].transform("sum")
    table["share_of_voice"] = (table["n_mentions"] / doc_total.where(doc_total > 0)).round(4)
    order = {doc_id: i for i, doc_id in enumerate(documents["doc_id"])}
    table = table.sort_values(["doc_id", "n_mentions", "actor_id"], ascending=[True, False, True])
    table = table.sort_values("doc_id", key=lambda s: s.map(order), kind="stable")
    table = table[SCHEMAS["mention_counts"].names]
    return table.fillna({"share_of_voice": 0.0}).reset_index(drop=True)


def lede_end(text: str, title_is_first_line: bool) -> int:
    """Offset where the lede ends: the end of the first paragraph after any headline."""
    paragraphs = [m for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    if not paragraphs:
        return 0
    index = 1 if title_is_first_line and len(paragraphs) > 1 else 0
    return paragraphs[index].end()


def document_salience(text: str, title: str, rows: list[tuple], matcher: Matcher) -> list:
    """Salience rows of one document's mention rows: per actor (in id order), where the
    first mention falls (0 = start, 1 = end) and whether the actor is in the title or
    the lede."""
    firsts: dict[str, int] = {}
    for row in rows:
        actor_id, start = row[2], row[4]
        firsts[actor_id] = min(start, firsts.get(actor_id, start))
    if not firsts:
        return []
    title_is_first_line = text.split("\n", 1)[0].strip() == title.strip()
    in_title = {m["actor_id"] for m in matcher.find(title)}
    cutoff = lede_end(text, title_is_first_line)
    return [(rows[0][0], actor_id, round(first / max(len(text), 1), 4),
             actor_id in in_title or first < cutoff)
            for actor_id, first in sorted(firsts.items())]  # fmt: skip


def document_kwic(text: str, rows: list[tuple], width: int = KWIC_WIDTH) -> list[tuple]:
    """The evidence behind each count: per mention row of one document, ``width``
    characters either side of the mention (line breaks as spaces)."""
    return [(doc_id, sent_id, actor_id, kind,
             text[max(start - width, 0) : start].replace("\n", " "), surface,
             text[end : end + width].replace("\n", " "))
            for doc_id, sent_id, actor_id, surface, start, end, kind in rows]  # fmt: skip


def name_candidates(doc_id: str, text: str, spans: list[tuple[int, int]], covered) -> list:
    """(name, doc_id, sentence start, sentence end) for every capitalised name of a
    document (one word not opening a sentence, or several words) that no mention span in
    ``covered`` overlaps."""
    covered = sorted(covered)
    starts = [start for start, _ in covered]
    reach = list(accumulate((end for _, end in covered), max))  # furthest end so far
    found = []
    for first, last in spans:
        sentence = text[first:last]
        # a name opens the sentence when only opening marks come before it
        opening = len(sentence) - len(sentence.lstrip(SENTENCE_OPENING))
        for match in CAPITALISED_NAME.finditer(sentence):
            words = [w for w in match.group().split() if w not in NOT_NAMES]
            if not words:
                continue
            name = POSSESSIVE.sub("", " ".join(words))
            before = bisect.bisect_left(starts, first + match.end())  # mentions starting earlier
            if before and reach[before - 1] > first + match.start():
                continue
            opens_sentence = match.start() <= opening
            if len(words) == 1 and (opens_sentence or len(name) < 2):
                continue
            found.append((name, doc_id, first, last))
    return found


def tabulate_names(candidates: list[tuple], texts: dict[str, str], min_count: int = 1):
    """Counts, documents and the first example sentence (cut from ``texts``, doc_id ->
    text) per candidate name."""
    counts: Counter = Counter()
    docs: dict[str, set] = {}
    examples: dict[str, tuple[str, int, int]] = {}
    for name, doc_id, first, last in candidates:
        counts[name] += 1
        docs.setdefault(name, set()).add(doc_id)
        examples.setdefault(name, (doc_id, first, last))
    rows = [
        (name, n, len(docs[name]), doc_id, texts[doc_id][first:last])
        for name, n in counts.items()
        if n >= min_count
        for doc_id, first, last in [examples[name]]
    ]
    table = frame("unlisted_names", rows)
    return table.sort_values(["n", "n_docs", "name"], ascending=[False, False, True]).reset_index(
        drop=True
    )


def unlisted_names(corpus: Corpus, mentions: pd.DataFrame, min_count: int = 1) -> pd.DataFrame:
    """Capitalised names that no actor covers, with counts and an example sentence, to
    help extend the actors file."""
    covered: dict[str, list] = {}
    for doc_id, start, end in zip(mentions["doc_id"], mentions["start"], mentions["end"],
                                  strict=True):  # fmt: skip
        covered.setdefault(doc_id, []).append((start, end))
    spans = sentence_spans_by_document(corpus.sentences)
    texts = dict(zip(corpus.texts["doc_id"], corpus.texts["text"], strict=True))
    candidates = [
        name
        for doc_id, text in texts.items()
        for name in name_candidates(doc_id, text, spans.get(doc_id, []), covered.get(doc_id, []))
    ]
    return tabulate_names(candidates, texts, min_count)


def actors_table(actors: list[Actor]) -> pd.DataFrame:
    return pd.DataFrame(
        [(a.id, a.label, a.type, a.affiliation, a.pronoun) for a in actors],
        columns=["id", "label", "type", "affiliation", "pronoun"],
    )


def analyse(
    corpus: Corpus,
    actors: list[Actor],
    *,
    include_demonyms: bool = default("include_demonyms"),
    engine: Engine | None = None,
) -> Mentions:
    """Every table of the mentions stage for ``corpus``."""
    scanned = scan(corpus, Matcher(actors), engine)
    return Mentions(
        mentions=scanned.mentions,
        counts=count_mentions(scanned.mentions, corpus.documents, include_demonyms),
        salience=scanned.salience,
        kwic=scanned.kwic,
        unlisted=tabulate_names(
            scanned.name_candidates,
            dict(zip(corpus.texts["doc_id"], corpus.texts["text"], strict=True)),
        ),
        actors=actors_table(actors),
    )


def run(
    processed_dir: str = default("processed_dir"), engine: Engine | None = None, **parameters
) -> Mentions:
    """The mentions stage as notebook 02 calls it: read the ingested corpus and the actors
    file, write the mention tables under the ``parameters`` of its settings (by name)."""
    given = stages.settings("mentions", **parameters)
    processed = output_path(processed_dir)
    inputs = stages.check_inputs("mentions", processed)
    actors = load_actors(input_path(given.actors_file))
    result = analyse(Corpus.read(processed), actors, include_demonyms=given.include_demonyms,
                     engine=engine)  # fmt: skip
    stages.record("mentions", processed, result.write(processed), inputs, asdict(given))
    return result
