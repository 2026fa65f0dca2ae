"""Shared fixtures: the spaCy model and the bundled-corpus report, built once per session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "sources"


@pytest.fixture(scope="session")
def nlp():
    from reconcile.extract import nlp as nlp_mod

    return nlp_mod.load()


@pytest.fixture(scope="session")
def corpus_report(nlp):
    """The report on the bundled corpus (no decisions, no cache)."""
    from reconcile.pipeline import Options, run

    return run(options=Options(paths=[str(SOURCES)]), nlp=nlp)


@pytest.fixture(scope="session")
def corpus_texts():
    return {p.stem: p.read_text(encoding="utf-8") for p in SOURCES.iterdir() if p.suffix == ".txt"}
