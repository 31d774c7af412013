"""The output folder: one atomic switch to a run's products, a lock against a second run,
and what a killed run leaves removed or repaired by the next."""

import fcntl
import os

import pytest

from actorlens import cli
from actorlens.core.outputs import PRODUCTS, OutputBusyError, OutputFolder


def fake_run(folder: OutputFolder, text: str):
    """A run folder holding every product, each saying ``text``."""
    run = folder.new_run()
    for relative in PRODUCTS:
        path = run / relative
        if relative.suffix:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
        else:
            path.mkdir(parents=True)
            (path / "table.csv").write_text(text)
    return run


def test_publish_switches_every_product_at_once(tmp_path):
    folder = OutputFolder(tmp_path)
    with folder.locked():
        first = fake_run(folder, "first")
        folder.publish(first)
        assert (tmp_path / "data/processed/table.csv").read_text() == "first"
        second = fake_run(folder, "second")
        assert (tmp_path / "reports/index.html").read_text() == "first"  # not yet switched
        folder.publish(second)
    for relative in PRODUCTS:
        assert (tmp_path / relative).is_symlink()
    assert (tmp_path / "reports/index.html").read_text() == "second"
    assert (tmp_path / "reports/html/table.csv").read_text() == "second"
    assert list(folder.runs.iterdir()) == [second]  # the replaced run is removed


def test_products_of_an_older_version_are_moved_aside_and_other_files_kept(tmp_path):
    (tmp_path / "data/processed").mkdir(parents=True)
    (tmp_path / "data/processed/old.csv").write_text("old")
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports/README.md").write_text("keep")
    (tmp_path / ".actorlens-run-20250101T000000000000").mkdir()  # an older staging folder
    announced = []
    folder = OutputFolder(tmp_path, force=True, report=announced.append)
    with folder.locked():
        folder.publish(fake_run(folder, "new"))
    assert sorted(p.name for p in (tmp_path / "data/processed").iterdir()) == ["table.csv"]
    (aside,) = folder.replaced.iterdir()
    assert (aside / "data/processed/old.csv").read_text() == "old"
    assert announced == [f"moved {tmp_path}/data/processed to {aside}/data/processed"]
    assert (tmp_path / "reports/README.md").read_text() == "keep"
    assert not list(tmp_path.glob(".actorlens-run-*"))


def test_what_a_killed_run_leaves_is_cleaned_and_a_broken_link_repaired(tmp_path):
    folder = OutputFolder(tmp_path)
    with folder.locked():
        current = fake_run(folder, "good")
        folder.publish(current)
    killed = folder.runs / "20990101T000000000000"  # a run killed before its switch
    (killed / "data/processed").mkdir(parents=True)
    (folder.state / "current.12345").symlink_to("runs/20990101T000000000000")  # half a switch
    (tmp_path / "data/processed").unlink()  # a product link lost
    with folder.locked():
        removed = folder.clean()
    assert sorted(p.name for p in removed) == ["20990101T000000000000", "current.12345"]
    assert (tmp_path / "data/processed/table.csv").read_text() == "good"
    assert list(folder.runs.iterdir()) == [current]


def test_a_second_run_into_the_same_folder_is_refused(tmp_path):
    folder = OutputFolder(tmp_path)
    folder.runs.mkdir(parents=True)
    with open(folder.state / "lock", "a+") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        held.write("process 4242")
        held.flush()
        busy = pytest.raises(OutputBusyError, match=r"another actorlens run \(process 4242\)")
        with busy, folder.locked():
            pass
    with folder.locked():  # free again once the holder let go
        pass


def test_a_busy_folder_is_exit_2_from_the_command_line(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Putin spoke.\n")
    folder = OutputFolder(tmp_path / "out")
    with folder.locked():
        status = cli.main(["run", "-p", "corpus_dir", str(corpus), "--out", str(tmp_path / "out")])
    assert status == 2
    assert f"process {os.getpid()}" in capsys.readouterr().err
