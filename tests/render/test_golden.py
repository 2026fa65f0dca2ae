"""Golden files for the rendered reports of the bundled corpus.

Deterministic renderings (fixed width, no colour, stable order). After an
intended change, update them with:

    RECONCILE_UPDATE_GOLDEN=1 python -m pytest tests/render/test_golden.py

and review the diff of tests/golden/ like any other change.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from reconcile.render import render

from ..conftest import ROOT

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
UPDATE = os.environ.get("RECONCILE_UPDATE_GOLDEN") == "1"


def _portable(text: str) -> str:
    """Paths relative to the repository, so the files do not depend on where it is checked out."""
    return text.replace(str(ROOT) + os.sep, "")


@pytest.mark.parametrize("fmt, name, kw", [
    ("terminal", "report.terminal.txt", {"width": 80, "colour": False}),
    ("markdown", "report.md", {}),
    ("json", "report.json", {}),
])
def test_render_golden_bundled_corpus(corpus_report, fmt, name, kw):
    got = _portable(render(corpus_report, fmt, **kw))
    path = GOLDEN / name
    if UPDATE:
        path.write_text(got, encoding="utf-8")
    assert path.is_file(), f"missing golden file {path}; run with RECONCILE_UPDATE_GOLDEN=1"
    assert got == path.read_text(encoding="utf-8"), f"{name} changed; see the module docstring"


def test_render_terminal_fits_80_columns(corpus_report):
    text = render(corpus_report, "terminal", width=80, colour=False)
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "\x1b[" not in text  # no colour codes when colour is off


def test_render_terminal_colour_marks_severity(corpus_report):
    text = render(corpus_report, "terminal", width=100, colour=True)
    assert "\x1b[" in text


def test_render_markdown_lists_findings_quotes_and_sources(corpus_report):
    md = render(corpus_report, "markdown")
    for f in corpus_report.findings:
        assert f"`{f.id}`" in md
    claims = {c.id: c for c in corpus_report.claims}
    quote = claims[corpus_report.findings[0].claims[0]].quote
    assert f"**{quote}**" in md
    assert md.count("| 00") >= 5  # the five sources in the sources table


def test_render_csv_has_one_row_per_claim(corpus_report):
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(render(corpus_report, "csv"))))
    assert len(rows) == len(corpus_report.claims)
    assert {r["id"] for r in rows} == {c.id for c in corpus_report.claims}
