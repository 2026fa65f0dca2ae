"""Renderers: one Report, many formats."""
from __future__ import annotations

from pathlib import Path

from ..fileio import write_text
from ..model import Report

FILES = {"json": "report.json", "markdown": "report.md", "html": "report.html", "csv": "claims.csv"}


def render(report: Report, fmt: str, **kw) -> str:
    """The report in one format: terminal, json, markdown, html or csv."""
    from . import csv, html, json, markdown, terminal

    module = {"terminal": terminal, "json": json, "markdown": markdown, "html": html, "csv": csv}[fmt]
    return module.render(report, **kw)


def render_all(report: Report, out_dir: Path) -> list[Path]:
    """Write every file format into `out_dir` (atomically), plus extracted HTML texts."""
    written = []
    for src in report.sources:
        if src.kind == "html":
            written.append(write_text(src.extracted_path or out_dir / "extracted" / f"{src.id}.txt", src.text))
    for fmt, name in FILES.items():
        kw = {"base_dir": str(out_dir)} if fmt == "html" else {}
        written.append(write_text(out_dir / name, render(report, fmt, **kw)))
    return written
