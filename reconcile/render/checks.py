"""Output of `reconcile check`: terminal, json, GitHub annotations, SARIF 2.1.0, JUnit XML."""
from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from urllib.parse import quote

from ..check import CheckResult
from ..model import Claim, Finding, Report
from .common import claims_by_id, sources_by_id
from .safe import block, inline, xml
from ..fileio import dumps

FORMATS = ("terminal", "github", "sarif", "junit", "json")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"high": "error", "medium": "warning", "low": "note"}


def render(result: CheckResult, report: Report, fmt: str) -> str:
    """The check result in one of FORMATS."""
    return {"terminal": terminal, "github": github, "sarif": sarif, "junit": junit, "json": as_json}[fmt](
        result, report)


def _position(report: Report, c: Claim) -> tuple[str, int, int, int, int]:
    """(path, line, column, end line, end column), 1-based, of a claim in its source file."""
    src = sources_by_id(report).get(c.source)
    text = src.text if src else ""
    path = (src.extracted_path or src.path) if src else c.source
    line_start = text.rfind("\n", 0, c.start) + 1
    end_line = text.count("\n", 0, c.end) + 1
    end_line_start = text.rfind("\n", 0, c.end) + 1
    return path, c.line, c.start - line_start + 1, end_line, c.end - end_line_start + 1


def _claims(report: Report, f: Finding) -> list[Claim]:
    by_id = claims_by_id(report)
    return [by_id[c] for c in f.claims if c in by_id]


def _summary_line(result: CheckResult) -> str:
    verdict = "FAILED" if result.failing else "passed"
    return (f"reconcile check {verdict}: {len(result.failing)} new finding(s) at or above {result.fail_on}, "
            f"{len(result.new_findings)} new open, {len(result.known_open)} known open awaiting review; "
            f"sources new: {len(result.new_sources)}, changed: {len(result.changed_sources)}, "
            f"removed: {len(result.removed_sources)}")


def terminal(result: CheckResult, report: Report) -> str:
    out = []
    for label, ids in (("new source", result.new_sources), ("changed source", result.changed_sources),
                       ("removed source", result.removed_sources)):
        out += [inline(f"{label}: {i}") for i in ids]
    for f in result.new_findings:
        mark = "FAIL" if f in result.failing else "new "
        out.append(inline(f"{mark} {f.id} [{f.severity}] {f.kind} · {f.entity} · {f.attribute}"))
        for c in _claims(report, f):
            path, line, col, _, _ = _position(report, c)
            out.append(inline(f"     {path}:{line}:{col} «{c.quote}»"))
        out.append(inline(f"     {f.explanation}"))
    out.append(_summary_line(result))
    return "\n".join(out) + "\n"


def as_json(result: CheckResult, report: Report) -> str:
    data = {
        "schema": "reconcile-check/1",
        "tool": {"name": "reconcile", "version": report.tool_version},
        "ok": result.ok,
        "fail_on": result.fail_on,
        "sources": {"new": list(result.new_sources), "changed": list(result.changed_sources),
                    "removed": list(result.removed_sources)},
        "failing": [f.id for f in result.failing],
        "new_findings": [f.to_dict() for f in result.new_findings],
        "known_open": [f.id for f in result.known_open],
    }
    return dumps(data, indent=2) + "\n"


def _gh_escape(s: str, *, prop: bool = False) -> str:
    """A workflow command's message or property: GitHub's percent escapes, and no control character from a
    source (a file name may hold a newline and « ::warning:: »)."""
    s = block(s).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return s.replace(":", "%3A").replace(",", "%2C") if prop else s


def github(result: CheckResult, report: Report) -> str:
    """GitHub workflow commands: one annotation per quote of each new finding."""
    out = []
    for f in result.new_findings:
        level = "error" if f in result.failing else "warning"
        title = _gh_escape(f"reconcile {f.kind} ({f.severity}) {f.id}", prop=True)
        for c in _claims(report, f):
            path, line, col, end_line, end_col = _position(report, c)
            loc = f"file={_gh_escape(path, prop=True)},line={line},col={col}"
            if end_line == line:
                loc += f",endColumn={end_col}"
            out.append(f"::{level} {loc},title={title}::{_gh_escape(f.explanation)}")
    out.append(_summary_line(result))
    return "\n".join(out) + "\n"


def sarif(result: CheckResult, report: Report) -> str:
    """SARIF 2.1.0: a result per new finding, both quotes as locations, a stable fingerprint."""
    rules = [{"id": k, "name": k, "shortDescription": {"text": d}} for k, d in (
        ("conflict", "Claims about one fact disagree beyond their stated precision"),
        ("plan_vs_outcome", "A planned value or date set against what became of it"),
    )]
    results = []
    for f in result.new_findings:
        locations = []
        for c in _claims(report, f):
            path, line, col, end_line, end_col = _position(report, c)
            locations.append({
                "physicalLocation": {
                    "artifactLocation": {"uri": quote(path.replace(os.sep, "/"))},
                    "region": {"startLine": line, "startColumn": col, "endLine": end_line,
                               "endColumn": end_col, "charOffset": c.start, "charLength": c.end - c.start,
                               "snippet": {"text": c.quote}},
                },
                "message": {"text": f"{c.source}: «{c.quote}»"},
            })
        results.append({
            "ruleId": f.kind if f.kind in ("conflict", "plan_vs_outcome") else "conflict",
            "level": LEVELS[f.severity] if f in result.failing else "note",
            "message": {"text": f.explanation},
            "locations": locations,
            "partialFingerprints": {"reconcileFindingId/v1": f.id},
            "properties": {"severity": f.severity, "entity": f.entity, "attribute": f.attribute,
                           "status": f.status, "failing": f in result.failing},
        })
    doc = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [{
        "tool": {"driver": {"name": "reconcile", "version": report.tool_version, "rules": rules}},
        "results": results,
    }]}
    return dumps(doc, indent=2) + "\n"


def junit(result: CheckResult, report: Report) -> str:
    """JUnit XML: one test case per open finding; new ones at or above the threshold fail."""
    cases = list(result.new_findings) + list(result.known_open)
    suite = ET.Element("testsuite", name="reconcile check", tests=str(len(cases)),
                       failures=str(len(result.failing)), errors="0", skipped="0")
    for f in cases:
        case = ET.SubElement(suite, "testcase", classname=f"reconcile.{f.kind}",
                             name=xml(f"{f.id} {f.entity} · {f.attribute}"))
        if f in result.failing:
            failure = ET.SubElement(case, "failure", message=f"new {f.severity} {f.kind}", type=f.kind)
            quotes = "\n".join(f"{c.source}:{c.line}: «{c.quote}»" for c in _claims(report, f))
            failure.text = xml(f"{f.explanation}\n{quotes}")
        elif f not in result.new_findings:
            ET.SubElement(case, "system-out").text = "known finding, awaiting review"
    root = ET.Element("testsuites")
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
