"""The Dask engine (issue 12, item 5): extraction and comparison on a two-worker LocalCluster give the
report of one machine, byte for byte."""
from __future__ import annotations

import shutil

import pytest

from reconcile.pipeline import Options, run
from reconcile.render import render

from .conftest import ROOT, SOURCES



@pytest.fixture(scope="module")
def two_stories(tmp_path_factory):
    """The bundled corpus and one story of tests/stories in one folder: two stories' slots, every source
    read by a worker (no cache)."""
    folder = tmp_path_factory.mktemp("dask") / "sources"
    shutil.copytree(SOURCES, folder)
    story = sorted(p for p in (ROOT / "tests" / "stories").iterdir() if (p / "sources").is_dir())[0]
    for p in (story / "sources").iterdir():
        shutil.copy(p, folder / f"zz-{p.name}")
    return folder


def test_the_dask_engine_gives_the_report_of_one_machine(two_stories, nlp):
    local = run(options=Options(paths=[str(two_stories)], jobs=1), nlp=nlp)
    on_dask = run(options=Options(paths=[str(two_stories)], engine="dask", jobs=2))
    assert len(local.claims) > 50 and len(local.findings) > 0
    assert render(on_dask, "json") == render(local, "json")
    assert render(on_dask, "markdown") == render(local, "markdown")


def test_the_warnings_are_those_of_one_machine(tmp_path, nlp):
    folder = tmp_path / "sources"
    shutil.copytree(SOURCES, folder)
    (folder / "vide.txt").write_text("   \n", "utf-8")
    local = run(options=Options(paths=[str(folder)], jobs=1), nlp=nlp)
    on_dask = run(options=Options(paths=[str(folder)], engine="dask", jobs=2))
    assert on_dask.warnings == local.warnings and any("vide.txt" in w for w in local.warnings)
    assert render(on_dask, "json") == render(local, "json")


def test_a_scheduler_that_cannot_be_reached_is_a_usage_error_in_one_line(tmp_path):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "reconcile", "report", str(SOURCES), "--no-write",
                           "--claims-dir", str(tmp_path / "claims"), "--scheduler", "tcp://127.0.0.1:9"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot reach the Dask scheduler tcp://127.0.0.1:9" in lines[0]
    assert done.stdout == ""


def test_workers_that_run_another_version_are_refused(monkeypatch):
    from reconcile import store
    from reconcile.dask_engine import Engine
    from reconcile.errors import ReconcileError

    monkeypatch.setattr(store, "data_fingerprint", lambda *a, **k: "this process's own code")
    try:
        Engine(jobs=1).close()
    except ReconcileError as exc:
        assert "run another version of reconcile" in str(exc) and "the local cluster" in str(exc)
    else:
        raise AssertionError("workers with other code were used")
