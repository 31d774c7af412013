"""Ctrl-C during a run: one line, exit status 130, the previous products untouched, and a
corpus outside file never reaching any product of a whole run."""

import os
import signal
import subprocess
import sys
import time

from actorlens import config


def test_ctrl_c_ends_with_one_line_and_status_130(tmp_path):
    run = subprocess.Popen(
        [sys.executable, "-m", "actorlens", "run", "-f", str(config.PARAMS_DIR / "smoke.yaml"),
         "--out", str(tmp_path)],
        cwd=config.PROJ_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,
    )  # fmt: skip
    first = run.stdout.readline()
    assert first.startswith("[1/4] ingest")
    time.sleep(1.0)  # inside the first notebook
    os.killpg(run.pid, signal.SIGINT)  # what a terminal's Ctrl-C sends: the whole group
    _, error = run.communicate(timeout=120)
    assert run.returncode == 130
    assert "Traceback" not in error and "KeyboardInterrupt" not in error
    assert error.strip().splitlines()[-1] == (
        "actorlens: interrupted; the previous products are unchanged"
    )
    assert not (tmp_path / "reports" / "index.html").exists()
