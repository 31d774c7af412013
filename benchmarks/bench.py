"""Throughput, memory and overhead of the actorlens library on the Wikinews corpus.

Prints figures; it is not a test. Run from the project root:

    .venv/bin/python benchmarks/bench.py                      # 300 and 3,000 docs + make report
    .venv/bin/python benchmarks/bench.py --sizes 300,3000,30000 --skip-report
    .venv/bin/python benchmarks/bench.py --sizes 300 --skip-report --profile 3000
    .venv/bin/python benchmarks/bench.py --sizes 30000 --dask 30000 --dask-pairs 3 --skip-report

For each corpus size a fresh subprocess (so the memory peak is per size) runs the
library stages in-process on the same documents, then the "floor": NLTK Punkt
(``actorlens.text.sentences.punkt()``) plus plain vaderSentiment ``polarity_scores`` on
every sentence in a loop. Corpora: 300 = the first 300 documents of the manifest,
3,000 = all of ``../shared/corpora/wikinews_politics``, 30,000 = all of them ten times
with new doc ids and file names; sizes other than 3,000 are written into a temporary
folder.

Stages (the library functions the notebooks call, without writing CSVs):

- ingest:      ingest.ingest_corpus
- mentions:    actors.load_actors + count.analyse
- attributions: extract.extract_attributions (direct quotes and reported speech)
- sentiment:   the scorers, the quotes' VADER tone, roles.assign_roles, scorers.score_mentions
- aggregation: sentiment.actor_sentiment (per doc and overall), speaker_targets, shift.analyse

attributions + sentiment + the first half of aggregation is what ``sentiment.analyse`` does,
step by step (kept in step with it in :func:`library_pass`).
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import io
import json
import math
import os
import pstats
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
CORPUS = (PROJECT / ".." / "shared" / "corpora" / "wikinews_politics").resolve()
ACTORS_FILE = PROJECT / "notebooks" / "params" / "wikinews_actors.yml"
PYTHON = sys.executable
STAGES = ("ingest", "mentions", "attributions", "sentiment", "aggregation")
# Stance-shift parameters of notebooks/params/wikinews.yaml (ends fall back to the first
# and last month when the corpus does not reach them, as for the first 300 documents).
SHIFT = {"order_by": "date", "period": "month", "from_period": "2005-01", "to_period": "2007-04"}
MIN_MENTIONS = 3
SCORER = "vader"  # the pipeline default


# --------------------------------------------------------------------------- corpora


def library_fingerprint() -> str:
    """Short hash of the package's code and resources, and when they last changed: the
    library is edited while benchmarks run, so every table names the state it measured."""
    import hashlib

    digest = hashlib.sha256()
    files = sorted((PROJECT / "actorlens").rglob("*"))
    files = [f for f in files if f.is_file() and "__pycache__" not in f.parts]
    for path in files:
        digest.update(str(path.relative_to(PROJECT)).encode() + b"\0" + path.read_bytes())
    changed = max(f.stat().st_mtime for f in files)
    return f"{digest.hexdigest()[:12]} (last change {time.strftime('%Y-%m-%d %H:%M', time.localtime(changed))})"


def manifest_rows(corpus: Path = CORPUS) -> tuple[list[str], list[dict]]:
    with open(corpus / "manifest.csv", encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def build_corpus(size: int, workdir: Path) -> Path:
    """The corpus folder for ``size`` documents (the shared folder itself for all 3,000)."""
    columns, rows = manifest_rows()
    if size == len(rows):
        return CORPUS
    folder = workdir / f"wikinews_{size}"
    folder.mkdir(parents=True)
    out_rows = []
    if size <= len(rows):
        for row in rows[:size]:
            shutil.copyfile(CORPUS / row["file"], folder / row["file"])
            out_rows.append(row)
    else:
        repeats = math.ceil(size / len(rows))
        for copy in range(repeats):
            for row in rows:
                if len(out_rows) == size:
                    break
                new = dict(row)
                new["doc_id"] = f"r{copy:02d}-{row['doc_id']}"
                new["file"] = f"r{copy:02d}-{row['file']}"
                shutil.copyfile(CORPUS / row["file"], folder / new["file"])
                out_rows.append(new)
    with open(folder / "manifest.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(out_rows)
    return folder


# --------------------------------------------------------------------------- worker side


def peak_mib() -> float:
    """Peak resident memory of this process so far (ru_maxrss is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_mib() -> float | None:
    """Resident memory now (Linux /proc; None elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def clock() -> tuple[float, float]:
    """Wall and CPU time of this process: the machine may be shared, and CPU time is
    what load from other processes disturbs least."""
    return time.perf_counter(), time.process_time()


def library_pass(corpus_dir: Path, stats: dict | None = None, engine=None):
    """Every stage on ``corpus_dir``, the per-document work on ``engine`` (default local).
    Fills ``stats``: ``timings`` (seconds per stage), ``peaks`` (peak resident MiB so
    far, after each stage), ``resident`` (resident MiB after each stage) and ``details``
    (seconds of parts of a stage)."""

    from actorlens.analysis import sentiment, shift
    from actorlens.attribution.extract import extract_attributions
    from actorlens.attribution.roles import assign_roles
    from actorlens.core.tables import SCHEMAS
    from actorlens.corpus import ingest
    from actorlens.corpus.actors import load_actors
    from actorlens.mentions import count
    from actorlens.scoring.scorers import (
        SCORERS,
        actor_name_words,
        make_scorer,
        quote_tones,
        score_mentions,
    )

    stats = {} if stats is None else stats
    timings, cpu, peaks, resident, details = ({} for _ in range(5))
    stats.update(timings=timings, cpu=cpu, peaks=peaks, resident=resident, details=details)

    def mark(stage, started):
        timings[stage] = time.perf_counter() - started[0]
        cpu[stage] = time.process_time() - started[1]
        peaks[stage] = peak_mib()
        resident[stage] = current_mib()

    tick = clock()
    corpus = ingest.ingest_corpus(corpus_dir, engine=engine)
    mark("ingest", tick)

    tick = clock()
    actors = load_actors(ACTORS_FILE)
    found = count.analyse(corpus, actors, include_demonyms=False, engine=engine)
    mark("mentions", tick)

    tick = clock()
    quote_table = extract_attributions(
        corpus.texts, corpus.sentences, found.mentions, found.actors, engine
    )
    mark("attributions", tick)

    # sentiment.analyse, step by step
    tick = clock()
    neutral = actor_name_words(ACTORS_FILE)
    scorers = {name: make_scorer(name, neutral) for name in SCORERS}
    details["sentiment: loading the scorers"] = time.perf_counter() - tick[0]
    quote_table["sentiment"] = quote_tones(quote_table, scorers["vader"], engine)
    roles = assign_roles(found.mentions[SCHEMAS["mentions"].names], quote_table)
    scored = score_mentions(roles, corpus.sentences, scorers, SCORER, engine)
    mark("sentiment", tick)

    tick = clock()
    kinds = sentiment.counted_kinds(False)
    per_doc = sentiment.actor_sentiment(scored, quote_table, MIN_MENTIONS, kinds, SCORER, engine)
    overall = sentiment.actor_sentiment(
        scored.assign(doc_id="all"),
        quote_table.assign(doc_id="all"),
        MIN_MENTIONS,
        kinds,
        SCORER,
        engine,
    ).drop(columns="doc_id")
    result = sentiment.Sentiment(
        mentions=scored,
        attributions=quote_table,
        actor_sentiment=per_doc,
        overall=overall,
        speaker_target=sentiment.speaker_targets(scored, quote_table),
    )
    periods = shift.document_periods(corpus.documents, SHIFT["order_by"], SHIFT["period"])
    labels = set(periods["period"])
    ends = {k: (SHIFT[k] if SHIFT[k] in labels else "") for k in ("from_period", "to_period")}
    moved = shift.analyse(corpus, result, engine=engine, order_by=SHIFT["order_by"],
                          period=SHIFT["period"], min_cell_scores=MIN_MENTIONS, **ends)  # fmt: skip
    mark("aggregation", tick)

    counts = {
        "docs_analysed": len(corpus.documents),
        "sentences": len(corpus.sentences),
        "mentions": len(scored),
        "attributions": len(quote_table),
        "shift_rows": len(moved.shift),
        "shift_ends": f"{ends['from_period'] or 'first'}..{ends['to_period'] or 'last'}",
    }
    return counts, (corpus, found, result, moved)


def floor_pass(corpus_dir: Path, files: list[str]) -> dict:
    """Read each file, split it with the library's parameterised Punkt, VADER each sentence."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from actorlens.text.sentences import punkt

    tokenizer = punkt()
    analyzer = SentimentIntensityAnalyzer()
    start = tick = clock()
    texts = [(corpus_dir / name).read_bytes().decode("utf-8-sig", "replace") for name in files]
    read_s, tick = time.perf_counter() - tick[0], clock()
    sentences = [s for text in texts for s in tokenizer.tokenize(text)]
    split_s, tick = time.perf_counter() - tick[0], clock()
    for sentence in sentences:
        analyzer.polarity_scores(sentence)
    vader_s = time.perf_counter() - tick[0]
    return {
        "read": read_s,
        "split": split_s,
        "vader": vader_s,
        "total": time.perf_counter() - start[0],
        "cpu": time.process_time() - start[1],
        "sentences": len(sentences),
    }


def write_read_pass(objects, out_dir: Path) -> float:
    """What the notebooks add around the stages: write every table, read them back."""
    from actorlens.analysis.sentiment import Sentiment
    from actorlens.analysis.shift import Shift
    from actorlens.corpus.ingest import Corpus
    from actorlens.mentions.count import Mentions

    corpus, found, result, moved = objects
    tick = time.perf_counter()
    corpus.write(out_dir)
    found.write(out_dir)
    result.write(out_dir)
    moved.write(out_dir)
    for table in (Corpus, Mentions, Sentiment, Shift):
        table.read(out_dir)
    return time.perf_counter() - tick


def worker(corpus_dir: Path, io_check: bool) -> None:
    """One size in this (fresh) process; prints one JSON line."""
    from actorlens.analysis import shift  # noqa: F401  (import cost

    state = library_fingerprint()  # what this process imported
    _, rows = manifest_rows(corpus_dir)
    files = [row["file"] for row in rows]
    for name in files:  # warm the page cache so neither pass pays the first disk read
        (corpus_dir / name).read_bytes()
    baseline = peak_mib()
    stats = {}
    counts, objects = library_pass(corpus_dir, stats)
    library_peak = peak_mib()
    io_s = None
    if io_check:
        with tempfile.TemporaryDirectory(prefix="actorlens-bench-io-") as out:
            io_s = write_read_pass(objects, Path(out))
    del objects
    floor = floor_pass(corpus_dir, files)
    print(
        json.dumps(
            {
                "docs": len(files),
                "library_state": state,
                **counts,
                **stats,
                "baseline_mib": baseline,
                "library_peak_mib": library_peak,
                "floor": floor,
                "io_s": io_s,
            }
        )
    )


def dask_worker(corpus_dir: Path, n_workers: int) -> None:
    """The library pass with a local Dask cluster of ``n_workers``; prints one JSON line."""
    from actorlens.core.engine import Engine

    with Engine("dask", n_workers=n_workers) as engine:
        tick = time.perf_counter()
        engine.client()
        started = time.perf_counter() - tick
        stats = {}
        counts, _ = library_pass(corpus_dir, stats, engine)
    print(json.dumps({"docs": counts["docs_analysed"], "cluster_start_s": started, **stats}))


def profile_worker(corpus_dir: Path, top: int, dump: str | None = None) -> None:
    """The library pass under cProfile; prints the top functions."""
    from actorlens.analysis import shift  # noqa: F401

    print(f"library state {library_fingerprint()}")
    profiler = cProfile.Profile()
    profiler.enable()
    library_pass(corpus_dir)
    profiler.disable()
    if dump:
        profiler.dump_stats(dump)
    listings = (
        ("cumulative", (), "all functions"),
        ("tottime", (), "all functions"),
        ("cumulative", ("actorlens/",), "functions of the actorlens package"),
    )
    for order, restriction, what in listings:
        stream = io.StringIO()
        stats = pstats.Stats(profiler, stream=stream)
        stats.sort_stats(order).print_stats(*restriction, top)
        print(f"\n==== top {top} by {order} time, {what} ====")
        text = stream.getvalue()
        print(text[text.find("   ncalls") :].rstrip())


# --------------------------------------------------------------------------- parent side


def run_size(size: int, workdir: Path, io_check: bool) -> dict:
    corpus_dir = build_corpus(size, workdir)
    command = [PYTHON, __file__, "--worker", str(corpus_dir)] + (["--io"] if io_check else [])
    tick = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=PROJECT)
    wall = time.perf_counter() - tick
    if done.returncode:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"size {size}: worker failed (status {done.returncode})")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["wall_s"] = wall
    if corpus_dir != CORPUS:
        shutil.rmtree(corpus_dir)
    return result


def run_dask(size: int, workdir: Path, n_workers: int) -> dict:
    corpus_dir = build_corpus(size, workdir)
    command = [PYTHON, __file__, "--dask-worker", str(corpus_dir), "--n-workers", str(n_workers)]
    done = subprocess.run(command, capture_output=True, text=True, cwd=PROJECT)
    if done.returncode:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"size {size}: dask worker failed (status {done.returncode})")
    if corpus_dir != CORPUS:
        shutil.rmtree(corpus_dir)
    return json.loads(done.stdout.strip().splitlines()[-1])


def dask_pairs(args, results: dict, workdir: Path) -> list[tuple[dict, dict]]:
    """``--dask-pairs`` (local, dask) runs at ``--dask`` documents, each pair back to back:
    the machine's speed drifts by 10-15 % over minutes, so each speedup compares runs made
    close in time. With one pair the local run of ``--sizes`` is reused."""
    pairs = []
    for attempt in range(args.dask_pairs):
        local = results.get(args.dask) if attempt == 0 and args.dask_pairs == 1 else None
        local = local or run_size(args.dask, workdir, False)
        pairs.append((local, run_dask(args.dask, workdir, args.n_workers)))
    return pairs


def library_speedup(local: dict, remote: dict) -> float:
    return stage_seconds(local, None, "timings") / stage_seconds(remote, None, "timings")


def print_dask(local: dict, remote: dict, n_workers: int) -> None:
    """Wall seconds per stage, local engine against the Dask engine."""
    print(f"\n## Dask engine, {n_workers} local workers, {local['docs']:,} documents (wall s)")
    print(f"{'stage':<13}{'local':>9}{'dask':>9}{'speedup':>9}")
    for stage in (*STAGES, None):
        a, b = stage_seconds(local, stage, "timings"), stage_seconds(remote, stage, "timings")
        print(f"{stage or 'library':<13}{a:>9.2f}{b:>9.2f}{a / b:>8.2f}x")
    print(
        f"starting the cluster (not in the total): {remote['cluster_start_s']:.1f} s; "
        "goal: library speedup >= 1.6x at 30,000"
    )


def rate(n: float, seconds: float) -> str:
    return f"{n / seconds:,.0f}" if seconds > 0 else "-"


def print_size(r: dict) -> None:
    docs, sents = r["docs"], r["sentences"]
    total, total_cpu = sum(r["timings"].values()), sum(r["cpu"].values())
    print(
        f"\n## {docs:,} documents ({r['docs_analysed']:,} analysed, {sents:,} sentences, "
        f"{r['mentions']:,} mentions, {r['attributions']:,} attributions; shift {r['shift_ends']})"
    )
    print(f"library state {r['library_state']}")
    print(
        f"{'stage':<13}{'seconds':>9}{'CPU s':>9}{'docs/s':>9}{'sents/s':>9}{'share':>7}"
        f"{'peak MiB':>10}{'RSS after':>11}"
    )
    for stage in STAGES:
        s = r["timings"][stage]
        now = r["resident"].get(stage)
        print(
            f"{stage:<13}{s:>9.2f}{r['cpu'][stage]:>9.2f}{rate(docs, s):>9}{rate(sents, s):>9}"
            f"{s / total:>7.0%}{r['peaks'][stage]:>10,.0f}{'' if now is None else f'{now:,.0f}':>11}"
        )
    print(
        f"{'library':<13}{total:>9.2f}{total_cpu:>9.2f}{rate(docs, total):>9}"
        f"{rate(sents, total):>9}"
    )
    f = r["floor"]
    print(
        f"{'floor':<13}{f['total']:>9.2f}{f['cpu']:>9.2f}{rate(docs, f['total']):>9}"
        f"{rate(f['sentences'], f['total']):>9}   read {f['read']:.2f} + Punkt {f['split']:.2f}"
        f" + VADER {f['vader']:.2f} s ({f['sentences']:,} Punkt sentences)"
    )
    for part, s in r["details"].items():
        print(f"({part}: {s:.2f} s)")
    print(
        f"floor / library time: {f['total'] / total:.3f} wall, {f['cpu'] / total_cpu:.3f} CPU"
        "   (goal >= 0.67)"
    )
    print(
        f"peak RSS: {r['library_peak_mib']:,.0f} MiB after the library pass "
        f"({r['baseline_mib']:,.0f} MiB after imports; goal < 1,024 MiB at 30,000)"
    )
    if r.get("io_s") is not None:
        print(f"write + read back every table (not in the total): {r['io_s']:.2f} s")
    print(
        f"per document: {total / docs * 1000:.2f} ms wall, {total_cpu / docs * 1000:.2f} ms CPU"
        f" (library); subprocess wall {r['wall_s']:.1f} s"
    )


def stage_seconds(result: dict, stage: str | None, key: str = "cpu") -> float:
    return result[key][stage] if stage else sum(result[key].values())


def fit(results: dict, stage: str | None) -> tuple[float, float]:
    """Power law t = a * n**b (CPU seconds) through the two largest sizes measured."""
    n1, n2 = sorted(results)[-2:]
    t1, t2 = stage_seconds(results[n1], stage), stage_seconds(results[n2], stage)
    b = math.log(t2 / t1) / math.log(n2 / n1)
    return t2 / n2**b, b


def print_scaling(results: dict) -> None:
    print("\n## Scaling (CPU seconds, which load from other processes disturbs least)")
    if 3000 in results and 30000 in results:
        small, big = results[3000], results[30000]
        print(f"{'stage':<13}{'ms/doc 3,000':>14}{'ms/doc 30,000':>15}{'ratio':>7}{'(wall)':>8}")
        for stage in (*STAGES, None):
            per3 = stage_seconds(small, stage) / small["docs"]
            per30 = stage_seconds(big, stage) / big["docs"]
            wall = (stage_seconds(big, stage, "timings") / big["docs"]) / (
                stage_seconds(small, stage, "timings") / small["docs"]
            )
            print(
                f"{stage or 'library':<13}{per3 * 1000:>14.2f}{per30 * 1000:>15.2f}"
                f"{per30 / per3:>7.2f}{wall:>8.2f}"
            )
        print("goal: library ratio <= 1.10")
    if len(results) >= 2:
        n1, n2 = sorted(results)[-2:]
        print(f"power law t = a * n^b through {n1:,} and {n2:,} documents:")
        for stage in (*STAGES, None):
            a, b = fit(results, stage)
            print(
                f"  {stage or 'library':<13} b = {b:4.2f}   predicted 30,000: "
                f"{a * 30000**b:7.0f} s CPU   ms/doc ratio 30,000 / 3,000: "
                f"{(30000 ** (b - 1)) / (3000 ** (b - 1)):5.2f}"
            )


def bare_imports() -> list[str]:
    """Each stage notebook's import cell (its first code cell that imports), in order."""
    import nbformat

    cells = []
    for path in sorted((PROJECT / "notebooks").glob("0*.ipynb")):
        code = [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
        cells.append(
            next(source for source in code if source.lstrip().startswith(("from", "import")))
        )
    return cells


BARE_RUNNER = """
import sys, time, papermill
from pathlib import Path
folder = Path(sys.argv[1])
for source in sorted(folder.glob("bare-*.ipynb")):
    tick = time.perf_counter()
    papermill.execute_notebook(str(source), str(folder / ("out-" + source.name)),
                               kernel_name="actorlens", cwd=sys.argv[2], progress_bar=False,
                               request_save_on_cell_execute=False)
    print(f"{source.name} {time.perf_counter() - tick:.2f}")
"""
STAGE_DONE = re.compile(r"\[\d+/\d+\] (\w+):.*\n\s*done in ([\d.]+) s")


def bare_chain(folder: Path) -> tuple[float, list[float]]:
    """One notebook per stage holding only that notebook's imports, run with papermill in a
    fresh process as ``actorlens run`` does; total and per-notebook seconds."""
    import nbformat

    for number, source in enumerate(bare_imports(), start=1):
        notebook = nbformat.v4.new_notebook()
        notebook.metadata["kernelspec"] = {
            "display_name": "Python (actorlens)",
            "language": "python",
            "name": "actorlens",
        }
        notebook.cells = [nbformat.v4.new_code_cell(source)]
        nbformat.write(notebook, folder / f"bare-{number}.ipynb")
    tick = time.perf_counter()
    done = subprocess.run(
        [PYTHON, "-c", BARE_RUNNER, str(folder), str(PROJECT / "notebooks")],
        check=True,
        cwd=PROJECT,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - tick
    return seconds, [float(line.split()[1]) for line in done.stdout.splitlines()]


def report_run(folder: Path) -> tuple[float, dict]:
    """``make report`` on the seeds (``python -m actorlens run --out folder``); total
    seconds and the seconds of each stage as the command prints them."""
    tick = time.perf_counter()
    done = subprocess.run(
        [PYTHON, "-m", "actorlens", "run", "--out", str(folder)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - tick
    if done.returncode:
        sys.stderr.write(done.stdout + done.stderr)
        raise RuntimeError(f"actorlens run failed (status {done.returncode})")
    return seconds, {name: float(s) for name, s in STAGE_DONE.findall(done.stdout)}


def print_report_overhead(repeats: int = 1) -> None:
    print("\n## make report (seeds) against a bare papermill chain")
    with tempfile.TemporaryDirectory(prefix="actorlens-bench-") as tmp:
        tmp = Path(tmp)
        (tmp / "bare").mkdir()
        bare_chain(tmp / "bare")  # warm-up: kernel start and imports from a cold cache
        bares, reports = [], []
        for attempt in range(repeats):
            bares.append(bare_chain(tmp / "bare"))
            out = tmp / f"report-{attempt}"
            out.mkdir()
            try:
                reports.append(report_run(out))
            except RuntimeError as exc:
                print(f"report run failed: {exc}")
                return
    bare, per_notebook = min(bares)
    report, per_stage = min(reports, key=lambda r: r[0])
    best = f" (best of {repeats})" if repeats > 1 else ""
    print(f"actorlens run, {len(per_stage)} notebooks on the seeds{best}: {report:6.1f} s")
    print("  per stage: " + ", ".join(f"{k} {v:.1f} s" for k, v in per_stage.items()))
    rest = report - sum(per_stage.values())
    print(f"  outside the notebooks (start-up, parameters, HTML pages, index): {rest:.1f} s")
    print(f"bare chain, {len(bare_imports())} import-only notebooks{best}: {bare:6.1f} s")
    print("  per notebook: " + ", ".join(f"{s:.1f} s" for s in per_notebook))
    print(f"ratio report / bare: {report / bare:.2f}")


def scorer_throughput(pairs: int = 2000) -> None:
    """Pairs per second of the MiniLM scorer (int8 ONNX, 2 threads, each pair run alone) on
    NewsMTSC dev sentences, each target made distinct, and its load time."""
    from actorlens.evaluation import newsmtsc, validation
    from actorlens.scoring import minilm

    dev = newsmtsc.load_newsmtsc(validation.NEWSMTSC_DEV)
    rows = dev.sample(pairs, replace=True, random_state=0).reset_index(drop=True)
    sentences = [f"{s} ({i})" for i, s in enumerate(rows["sentence"])]  # no two pairs alike
    started = time.perf_counter()
    scorer = minilm.MiniLM()
    scorer.score(sentences[:1], rows["start"][:1], rows["end"][:1])
    loaded = time.perf_counter() - started
    started = time.perf_counter()
    scorer.score(sentences, rows["start"], rows["end"])
    seconds = time.perf_counter() - started
    print(
        f"\n## MiniLM scorer: {pairs:,} distinct sentence-target pairs, {minilm.THREADS} threads, "
        "each pair run alone"
    )
    print(
        f"  load and first pair {loaded:.2f} s; {pairs / seconds:,.0f} pairs/s (goal >= 250); "
        f"peak RSS {peak_mib():,.0f} MiB"
    )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="300,3000", help="comma-separated corpus sizes")
    parser.add_argument("--skip-report", action="store_true", help="skip make report vs bare")
    parser.add_argument("--repeats", type=int, default=1, help="report vs bare: best of N runs")
    parser.add_argument("--profile", type=int, metavar="N", help="cProfile the pass on N docs")
    parser.add_argument("--top", type=int, default=15, help="functions listed by --profile")
    parser.add_argument("--profile-out", metavar="FILE", help="also save the pstats data")
    parser.add_argument("--io", action="store_true", help="also time writing/reading the tables")
    parser.add_argument(
        "--dask", type=int, metavar="N", help="also run size N on the Dask engine and compare"
    )
    parser.add_argument("--n-workers", type=int, default=2, help="Dask workers for --dask")
    parser.add_argument(
        "--scorer-pairs",
        type=int,
        default=2000,
        help="pairs for the MiniLM scorer's throughput (0: skip)",
    )
    parser.add_argument(
        "--dask-pairs", type=int, default=1, help="--dask: local/dask pairs run back to back"
    )
    parser.add_argument("--worker", metavar="DIR", help=argparse.SUPPRESS)
    parser.add_argument("--dask-worker", metavar="DIR", help=argparse.SUPPRESS)
    parser.add_argument("--profile-worker", metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(Path(args.worker), args.io)
        return 0
    if args.dask_worker:
        dask_worker(Path(args.dask_worker), args.n_workers)
        return 0
    if args.profile_worker:
        profile_worker(Path(args.profile_worker), args.top, args.profile_out)
        return 0

    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s]
    print(f"# actorlens benchmark: {CORPUS.name}, actors {ACTORS_FILE.relative_to(PROJECT)}")
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, {time.strftime('%Y-%m-%d %H:%M')}"
    )
    fingerprint = library_fingerprint()
    print(f"library state {fingerprint}")
    results = {}
    with tempfile.TemporaryDirectory(prefix="actorlens-bench-") as workdir:
        for size in sizes:
            results[size] = run_size(size, Path(workdir), args.io)
            print_size(results[size])
            sys.stdout.flush()
        if len(results) >= 2:
            print_scaling(results)
        if args.dask:
            pairs = dask_pairs(args, results, Path(workdir))
            speedups = [library_speedup(local, remote) for local, remote in pairs]
            middle = sorted(range(len(pairs)), key=speedups.__getitem__)[(len(pairs) - 1) // 2]
            print_dask(*pairs[middle], args.n_workers)
            if len(pairs) > 1:
                print(
                    f"library speedup of {len(pairs)} local/dask pairs run back to back: "
                    + ", ".join(f"{s:.2f}x" for s in speedups)
                    + f" (table: the median pair, {speedups[middle]:.2f}x)"
                )
        if args.profile:
            corpus_dir = build_corpus(args.profile, Path(workdir) / "profile")
            print(f"\n## cProfile of the library pass on {args.profile:,} documents")
            sys.stdout.flush()
            subprocess.run(
                [PYTHON, __file__, "--profile-worker", str(corpus_dir), "--top", str(args.top)]
                + (
                    ["--profile-out", str(Path(args.profile_out).resolve())]
                    if args.profile_out
                    else []
                ),
                check=True,
                cwd=PROJECT,
            )
    if args.scorer_pairs:
        scorer_throughput(args.scorer_pairs)
    if not args.skip_report:
        print_report_overhead(args.repeats)
    if library_fingerprint().split()[0] != fingerprint.split()[0]:
        print(f"\nWARNING: the library changed during the run (now {library_fingerprint()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
