"""The package stands alone: its wheel, installed with the dependencies it declares into a fresh
environment, runs the smoke configuration on the seeds it carries. pip resolves those dependencies
from the wheel's own metadata against the hash-checked wheels of requirements.lock that `make
setup` keeps, with no index (so no network) and nothing borrowed from this environment."""

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pandas as pd

from actorlens.core import config

LOCKED_WHEELS = Path(sys.prefix) / "wheelhouse"  # where `make setup` downloads requirements.lock


def test_the_installed_wheel_runs_the_smoke_configuration(tmp_path):
    assert LOCKED_WHEELS.is_dir(), f"no locked wheels in {LOCKED_WHEELS}: run make setup"
    wheels, fresh, work = tmp_path / "wheels", tmp_path / "fresh env", tmp_path / "work"
    work.mkdir()
    source = tmp_path / "source"  # what the wheel is built from, so no build/ is left here
    for part in ("actorlens", "notebooks", "seeds"):
        shutil.copytree(config.PROJ_ROOT / part, source / part,
                        ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))  # fmt: skip
    for part in ("pyproject.toml", "README.md"):
        shutil.copy(config.PROJ_ROOT / part, source / part)
    pip = [sys.executable, "-m", "pip"]
    subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels),
                    str(source)], check=True)  # fmt: skip
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(fresh)], check=True)
    python = fresh / "bin" / "python"
    fresh_pip = [*pip, "--python", str(python)]
    # no pip configuration either: its extra indexes and find-links are this machine's
    pip_env = {name: value for name, value in os.environ.items() if not name.startswith("PIP_")}
    pip_env["PIP_CONFIG_FILE"] = os.devnull
    subprocess.run([*fresh_pip, "install", "-q", "--no-index", "--only-binary", ":all:",
                    "--find-links", str(LOCKED_WHEELS), *map(str, wheels.glob("*.whl"))],
                   check=True, env=pip_env)  # fmt: skip
    subprocess.run([*fresh_pip, "check"], check=True, env=pip_env, capture_output=True)
    listed = subprocess.check_output([*fresh_pip, "list", "--format", "json"], env=pip_env)
    names = {package["name"].lower() for package in json.loads(listed)}
    assert {"actorlens", "pandas", "papermill", "ipykernel", "jinja2"} <= names
    assert not names & {"pytest", "nbval", "hypothesis", "ruff"}  # the dev extra stays out

    env = {**os.environ, "JUPYTER_PATH": str(fresh / "share" / "jupyter"), "PYTHONPATH": ""}
    env.pop("ACTORLENS_OUTPUT_ROOT", None)
    search_path = json.loads(subprocess.check_output(
        [str(python), "-c", "import json, sys; print(json.dumps(sys.path))"], cwd=work, env=env
    ))  # fmt: skip
    ours = (sysconfig.get_path("purelib"), sysconfig.get_path("platlib"), config.PROJ_ROOT)
    assert [entry for entry in search_path if any(map(Path(entry).is_relative_to, ours))] == []
    subprocess.run([str(python), "-m", "ipykernel", "install", "--sys-prefix", "--name",
                    "actorlens"], check=True, env=env, capture_output=True)  # fmt: skip
    packages = Path(subprocess.check_output(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], text=True
    ).strip())  # fmt: skip
    installed = Path(subprocess.check_output(
        [str(python), "-c", "import actorlens; print(actorlens.__file__)"], text=True, cwd=work,
        env=env,
    ).strip()).parent  # fmt: skip
    assert installed == packages / "actorlens"
    kernel = json.loads((fresh / "share/jupyter/kernels/actorlens/kernel.json").read_text())
    assert Path(kernel["argv"][0]).parent == fresh / "bin"

    seeds = installed / "seeds"
    run = subprocess.run(
        [str(fresh / "bin" / "actorlens"), "run", "-f", str(installed / "notebooks/params/smoke.yaml"),
         "-p", "corpus_dir", str(seeds), "-p", "actors_file", str(seeds / "actors.yml"),
         "--out", str(work / "out")],
        cwd=work, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    documents = pd.read_csv(work / "out/data/processed/documents.csv", dtype=str)
    assert documents["doc_id"].tolist() == ["000", "001", "002"]
    page = (work / "out/reports/html/05-validation.html").read_text(encoding="utf-8")
    assert "speaker accuracy, found quotes" in page  # the validation notebook ran from the wheel
    assert not (work / "data").exists()
