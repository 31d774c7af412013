"""The package stands alone: its wheel, installed into a fresh environment with no
checkout on its path, runs the smoke configuration on the seeds it carries."""

import json
import os
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pandas as pd

from actorlens import config


def test_the_installed_wheel_runs_the_smoke_configuration(tmp_path):
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
    subprocess.run([*pip, "--python", str(python), "install", "--no-deps", "--no-index", "-q",
                    *map(str, wheels.glob("*.whl"))], check=True)  # fmt: skip
    # the dependencies come from this environment's site-packages, the package from the wheel
    packages = Path(subprocess.check_output(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], text=True
    ).strip())  # fmt: skip
    (packages / "dependencies.pth").write_text(site.getsitepackages()[0] + "\n")
    # the fresh kernel first; nbconvert's templates live with the dependencies
    jupyter_path = [fresh / "share" / "jupyter", Path(sys.prefix) / "share" / "jupyter"]
    env = {**os.environ, "JUPYTER_PATH": os.pathsep.join(map(str, jupyter_path)), "PYTHONPATH": ""}
    env.pop("ACTORLENS_OUTPUT_ROOT", None)
    subprocess.run([str(python), "-m", "ipykernel", "install", "--sys-prefix", "--name",
                    "actorlens"], check=True, env=env, capture_output=True)  # fmt: skip
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
    page = (work / "out/reports/html/03-voice-and-portrayal.html").read_text(encoding="utf-8")
    assert "speaker accuracy, found quotes" in page  # the validation section ran from the wheel
    assert not (work / "data").exists()
