"""Renderers on edge cases: hand-edited decisions, links to sources, stale decisions."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from reconcile.pipeline import apply_decisions
from reconcile.render import render, render_all


@pytest.mark.parametrize("record", [
    {"entity": "Ampere", "history": []},          # a file edited by hand
    {"status": "dismissed", "reviewer": "eve"},   # a record without history
    {"history": ["not a mapping"]},
])
@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html", "json"])
def test_render_survives_hand_edited_decisions(corpus_report, record, fmt):
    fid = corpus_report.findings[0].id
    found, stale = apply_decisions(list(corpus_report.findings), {fid: record, "f-0000000000": record})
    rep = replace(corpus_report, findings=tuple(found), stale_decisions=tuple(stale))
    out = render(rep, fmt)
    assert fid in out and "f-0000000000" in out
    expected = "dismissed" if record.get("status") == "dismissed" else "open"
    assert {f.id: f.status for f in found}[fid] == expected


def test_render_html_links_are_relative_to_the_report(corpus_report, tmp_path):
    out = tmp_path / "out" / "reports"
    render_all(corpus_report, out)
    html = (out / "report.html").read_text("utf-8")
    hrefs = set(re.findall(r'href="([^"]+)"', html))
    assert hrefs
    for h in hrefs:
        target = (out / h).resolve()
        assert target.is_file(), h
        assert target.parent == Path(corpus_report.sources[0].path).resolve().parent
