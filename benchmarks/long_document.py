"""Cost of one long document: seconds per MB of the per-document steps at 1 to 8 MB.

Prints figures; it is not a test. Run from the project root:

    .venv/bin/python benchmarks/long_document.py                  # 1, 2, 4 and 8 MB
    .venv/bin/python benchmarks/long_document.py --twenty         # and 20 MB
    .venv/bin/python benchmarks/long_document.py --sizes 0.5,1 --hostile-share 0

Each size is one synthetic document made of realistic news paragraphs (quotes with their
speakers after and before them, "she said", titles such as "Russian President Vladimir
Putin", names that no actor covers, title-case headlines), with one hostile line of
``A-A-A-...`` whose length is a fixed share of the document (``--hostile-share``, 1 % by
default: 80 KB at 8 MB). Timed, per size, the per-document steps the stages run:

- sentences: ``sentences.sentence_spans`` (ingest's splitter, which the steps below need)
- mentions:  ``count.document_mentions`` + ``document_kwic`` + ``document_salience``
  (the mention scan of ``count._scan_batch``, a ``Matcher`` over the actors file)
- names:     ``count.name_candidates`` + ``tabulate_names`` (unlisted names)
- attributions: ``extract.extract_attributions`` on the one document

With linear cost, seconds per MB stay the same from the smallest to the largest size;
the last lines give that ratio per step. ``--exclude-every N`` adds a phrase the actors
file excludes to every Nth paragraph: ``Matcher.find`` checks each match against every
excluded span of the document, so the mentions step then grows faster than linearly.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
MB = 1_000_000
STEPS = ("sentences", "mentions", "names", "attributions")

# Speakers: (name as first mentioned, short name, pronoun).
PEOPLE = [
    ("Russian President Vladimir Putin", "Putin", "he"),
    ("U.S. President Donald Trump", "Trump", "he"),
    ("Ukrainian President Volodymyr Zelenskyy", "Zelenskyy", "he"),
    ("Secretary of State Marco Rubio", "Rubio", "he"),
    ("Foreign Minister Sergey Lavrov", "Lavrov", "he"),
    ("EU foreign policy chief Kaja Kallas", "Kallas", "she"),
    ("State Department spokeswoman Tammy Bruce", "Bruce", "she"),
    ("Commission President Ursula von der Leyen", "von der Leyen", "she"),
    ("French President Emmanuel Macron", "Macron", "he"),
    ("Ms. Jane Doe, a spokeswoman for the alliance,", "Doe", "she"),
    ("Kevin Andrews, a senior adviser,", "Andrews", "he"),
]
TITLES = ["the Kremlin leader", "the Russian foreign minister", "the Ukrainian president",
          "the French president", "a senior official", "Russia's deputy foreign minister"]  # fmt: skip
PLACES = ["Riyadh", "Moscow", "Kyiv", "Washington", "Brussels", "Paris", "Munich", "Istanbul"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SAYINGS = [
    "We are ready to talk, but not at any price",
    "It was a very good meeting, and we will meet again soon",
    "Nothing has been agreed yet, and nothing will be agreed without Ukraine",
    "This is not a negotiation, it is a surrender",
    "The sanctions will stay in place until the last soldier has left",
    "We have made real progress on the question of prisoners",
    "Europe must be at the table when its own security is discussed",
    "There is no military solution to this war",
]
# Names no actor covers, for the unlisted-names table and the sentence subjects.
OTHERS = ["Jean-Claude Juncker", "Dominique de Villepin", "Conor O'Brien", "John McCain's",
          "Angela Merkel", "Recep Tayyip Erdogan", "Mark Rutte", "Olaf Scholz", "G7",
          "Ahmed bin Salman", "Maria van der Berg", "Kevin Andrews"]  # fmt: skip


def paragraph(rng: random.Random, number: int) -> str:
    """One news paragraph: one to three sentences drawn from a dozen shapes that exercise
    every cue, or now and then a title-case headline."""
    full, short, pronoun = rng.choice(PEOPLE)
    other_full, other, _ = rng.choice(PEOPLE)
    say, say2 = rng.sample(SAYINGS, 2)
    place, day, name = rng.choice(PLACES), rng.choice(DAYS), rng.choice(OTHERS)
    shapes = [
        f"“{say},” {full} said in {place} on {day}. “{say2}.”",
        f"{full} told reporters in {place}, “{say}.” {pronoun.capitalize()} did not take "
        f"questions.",
        f"“{say},” said {short}, who met {other} in {place} on {day}.",
        f"{full} arrived in {place} on {day}. “{say},” {pronoun} said, adding that talks "
        f"with {other} would go on.",
        f"{short}: “{say}.”",
        f"According to {short}, the talks in {place} were “constructive and useful”.",
        f"While {other_full} was in {place}, {short} called the plan “a first step” toward peace.",
        f"{short} also ruled out any deal that allowed Ukraine to be “pumped up with "
        f"weapons again”.",
        f"Analysts such as {name} and {rng.choice(OTHERS)} said the G7 meeting in {place} "
        f"would test the plan, and {TITLES[number % len(TITLES)]} warned, “{say}.”",
        f"“{say}. “{say2},” {short} said on {day}.",
        f"The delegation, led by {full.rstrip(',')}, met officials at the palace in {place} "
        f"on {day} for talks number {number}, the State Department said.",
    ]
    if rng.random() < 0.05:  # a title-case headline line
        return f"{short} Says Talks With {other} in {place} Were ‘Very Good’"
    return " ".join(rng.choice(shapes) for _ in range(rng.randint(1, 3)))


def build_document(
    size_mb: float, hostile_share: float, seed: int = 0, exclude_every: int = 0
) -> str:
    """A document of about ``size_mb`` MB (characters): a headline, paragraphs, and one
    hostile ``A-A-A-...`` line of ``hostile_share`` of the size in the middle; with
    ``exclude_every`` N, every Nth paragraph also names an excluded phrase of the actors
    file ("Agence France-Presse")."""
    rng = random.Random(seed)
    target = int(size_mb * MB)
    hostile = "A-" * int(target * hostile_share / 2)
    lines, length = [], len(hostile)
    while length < target:
        lines.append(paragraph(rng, len(lines)))
        if exclude_every and len(lines) % exclude_every == 0:
            lines[-1] += " Agence France-Presse reported the talks."
        length += len(lines[-1]) + 1
    if hostile:
        lines.insert(len(lines) // 2, hostile)
    lines.insert(0, "Talks in Riyadh: what the leaders said")
    return "\n".join(lines) + "\n"


def time_document(text: str, actors_file: Path) -> tuple[dict[str, float], dict[str, int]]:
    """Seconds per step on one document, and the sizes of what each step produced."""
    from actorlens.attribution.extract import extract_attributions
    from actorlens.core.tables import SCHEMAS
    from actorlens.corpus.actors import load_actors
    from actorlens.mentions import count
    from actorlens.mentions.matcher import Matcher
    from actorlens.text import sentences

    actors = load_actors(actors_file)
    matcher = Matcher(actors)
    doc_id, title = "long", text.split("\n", 1)[0]
    seconds, counts = {}, {}

    clock = time.perf_counter()
    spans = list(sentences.sentence_spans(text))
    seconds["sentences"] = time.perf_counter() - clock

    clock = time.perf_counter()
    rows = count.document_mentions(matcher, doc_id, text, [start for start, _ in spans])
    count.document_kwic(text, rows)
    count.document_salience(text, title, rows, matcher)
    seconds["mentions"] = time.perf_counter() - clock

    clock = time.perf_counter()
    covered = [(row[4], row[5]) for row in rows]
    candidates = count.name_candidates(doc_id, text, spans, covered)
    names = count.tabulate_names(candidates, {doc_id: text})
    seconds["names"] = time.perf_counter() - clock

    mention_table = pd.DataFrame(rows, columns=SCHEMAS["mentions"].names)
    sentence_table = pd.DataFrame({"doc_id": doc_id, "start": [start for start, _ in spans]})
    texts = pd.DataFrame({"doc_id": [doc_id], "text": [text]})
    clock = time.perf_counter()
    found = extract_attributions(texts, sentence_table, mention_table,
                                 count.actors_table(actors))  # fmt: skip
    seconds["attributions"] = time.perf_counter() - clock

    counts.update(sentences=len(spans), mentions=len(rows), names=len(names),
                  attributions=len(found), attributed=int((found["speaker_id"] != "").sum()))  # fmt: skip
    return seconds, counts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default="1,2,4,8", help="document sizes in MB (default 1,2,4,8)")
    parser.add_argument("--twenty", action="store_true", help="also run a 20 MB document")
    parser.add_argument("--hostile-share", type=float, default=0.01,
                        help="share of each document in the A-A-A-... line (default 0.01)")  # fmt: skip
    parser.add_argument("--exclude-every", type=int, default=0,
                        help="every Nth paragraph names an excluded phrase (default 0: none)")  # fmt: skip
    parser.add_argument("--actors", default=str(ROOT / "seeds" / "actors.yml"))
    parser.add_argument("--repeats", type=int, default=1, help="keep the best of N runs")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    sizes = [float(s) for s in args.sizes.split(",") if s.strip()] + [20.0] * args.twenty

    time_document(build_document(0.01, args.hostile_share, args.seed), Path(args.actors))  # warm-up
    results = []
    for size in sizes:
        text = build_document(size, args.hostile_share, args.seed, args.exclude_every)
        best: dict[str, float] = {}
        for _ in range(max(args.repeats, 1)):
            seconds, counts = time_document(text, Path(args.actors))
            best = {step: min(seconds[step], best.get(step, float("inf"))) for step in STEPS}
        results.append((len(text) / MB, best, counts))
        print(f"{len(text) / MB:5.2f} MB: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()),
              "  " + "  ".join(f"{step} {best[step]:.2f} s" for step in STEPS), flush=True)  # fmt: skip

    print("\n## seconds per step")
    print(f"{'size MB':>8}" + "".join(f"{step:>13}" for step in STEPS) + f"{'total':>13}")
    for mb, best, _ in results:
        print(f"{mb:8.2f}" + "".join(f"{best[s]:13.2f}" for s in STEPS)
              + f"{sum(best.values()):13.2f}")  # fmt: skip
    print("\n## seconds per MB (ratio: total s/MB against the smallest size)")
    print(f"{'size MB':>8}" + "".join(f"{step:>13}" for step in STEPS) + f"{'total':>13}"
          + f"{'ratio':>8}")  # fmt: skip
    smallest = sum(min(results)[1].values()) / min(results)[0]
    for mb, best, _ in results:
        total = sum(best.values()) / mb
        print(f"{mb:8.2f}" + "".join(f"{best[s] / mb:13.3f}" for s in STEPS)
              + f"{total:13.3f}{total / smallest:8.2f}")  # fmt: skip
    if len(results) > 1:
        (small, first, _), (large, last, _) = min(results), max(results)
        ratios = {s: (last[s] / large) / max(first[s] / small, 1e-9) for s in STEPS}
        ratios["total"] = (sum(last.values()) / large) / (sum(first.values()) / small)
        print(f"\nratio of s/MB, {large:.2f} MB / {small:.2f} MB: "
              + "  ".join(f"{k} {v:.2f}" for k, v in ratios.items()))  # fmt: skip
        print("goal: total ratio <= 1.3 (linear cost)")


if __name__ == "__main__":
    main()
