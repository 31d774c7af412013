"""Ctrl-C during a run: one line, exit status 130, the previous products untouched, and a
corpus outside file never reaching any product of a whole run."""

import contextlib
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from actorlens import cli
from actorlens.core import config


def test_ctrl_c_ends_with_one_line_and_status_130(tmp_path):
    run = subprocess.Popen(
        [sys.executable, "-m", "actorlens", "run", "-f", str(config.PARAMS_DIR / "smoke.yaml"),
         "--out", str(tmp_path)],
        cwd=config.PROJ_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )  # fmt: skip
    first = run.stdout.readline()
    assert first.startswith("[1/5] ingest")
    time.sleep(1.0)  # inside the first notebook
    os.killpg(run.pid, signal.SIGINT)  # what a terminal's Ctrl-C sends: the whole group
    _, error = run.communicate(timeout=120)
    assert run.returncode == 130
    assert "Traceback" not in error and "KeyboardInterrupt" not in error
    assert error.strip().splitlines()[-1] == (
        "actorlens: interrupted; the previous products are unchanged"
    )
    assert not (tmp_path / "reports" / "index.html").exists()


def run_quietly(*args: str) -> int:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return cli.main(["run", *args])


def every_product(out) -> str:
    """The text of every file a run published (products are links: followed)."""
    texts = []
    for top in (out / "reports", out / "data" / "processed"):
        for folder, _, names in os.walk(top, followlinks=True):
            texts.extend((Path(folder) / name).read_bytes().decode("utf-8", "replace")
                         for name in names)  # fmt: skip
    return "\n".join(texts)


def test_no_byte_of_a_file_outside_the_corpus_reaches_a_table_or_page(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-4d1c. Putin said so.\n", encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "001.txt").write_text("Trump met Putin in Riyadh.\n", encoding="utf-8")
    (corpus / "002.txt").symlink_to(secret)
    (corpus / "manifest.csv").write_text(
        f"doc_id,file,date\n001,001.txt,2025-02-19\n002,002.txt,2025-02-20\n003,{secret},"
        f"2025-02-21\n004,../secret.txt,2025-02-22\n", encoding="utf-8"
    )  # fmt: skip
    assert run_quietly("-p", "corpus_dir", str(corpus), "--out", str(tmp_path / "out")) == 0
    published = every_product(tmp_path / "out")
    assert "TOP-SECRET" not in published
    assert published.count("outside_corpus") >= 3  # the table and its pages name each row


def test_a_corpus_where_no_actor_is_mentioned_runs_to_the_end(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "001.txt").write_text("Путин встретился с делегацией.\n«Это шаг», — сказал он.\n",
                                    encoding="utf-8")  # fmt: skip
    (corpus / "002.txt").write_text("Переговоры продолжились во вторник.\n", encoding="utf-8")
    none = tmp_path / "no actors.yml"
    none.write_text("actors: []\n", encoding="utf-8")
    for actors in (config.SEEDS_DIR / "actors.yml", none):
        out = tmp_path / f"out {actors.stem}"
        args = ["-p", "corpus_dir", str(corpus), "-p", "actors_file", str(actors)]
        assert run_quietly(*args, "--out", str(out)) == 0
        index = (out / "reports" / "index.html").read_text(encoding="utf-8")
        assert "No actor of the actors file is mentioned" in index
        assert "No actor has a score in any period" in index
