"""The Markdown report: stable order, one block per finding, diff-friendly."""
from __future__ import annotations

from ..model import Report, latest_decision
from .common import published_text, quoted_claims, value_text


def _cell(s: str) -> str:
    return " ".join(str(s).split()).replace("|", "\\|")


def render(report: Report) -> str:
    s = report.summary()
    out = ["# Consistency report", "",
           f"reconcile {report.tool_version} · {s['sources']} sources · {s['claims']} claims · "
           f"{s['findings']} findings", ""]
    out += ["| kind | count |", "|---|---:|"] + [f"| {k} | {v} |" for k, v in s["by_kind"].items()]
    out += ["", "| severity | count |", "|---|---:|"] + [f"| {k} | {v} |" for k, v in s["by_severity"].items()]
    out += ["", "## Findings", ""]
    if not report.findings:
        out += ["No finding.", ""]
    for f in report.findings:
        out += [f"### {f.severity.upper()} · {f.kind} · {f.entity} · {f.attribute}", "",
                f"- id: `{f.id}`", f"- status: {f.status}", f"- why: {_cell(f.explanation)}"]
        if f.consensus is not None:
            out.append(f"- best supported: `{f.consensus}` ({f.support} independent origin(s))")
        if f.decision:
            last = latest_decision(f.decision) or {}
            out.append(f"- decision: {last.get('status')} by {last.get('reviewer')} on {last.get('at')}: "
                       f"{_cell(last.get('note', ''))}")
        out += ["", "| source | published | line | value | modality | quote |", "|---|---|---:|---|---|---|"]
        for q in quoted_claims(report, f, width=50):
            c = q.claim
            out.append(f"| {c.source} | {published_text(q.source)} | {c.line} | {_cell(value_text(c))} | "
                       f"{c.modality} | {_cell(q.before)}**{_cell(q.quote)}**{_cell(q.after)} |")
        out.append("")
    if report.observations:
        out += ["## Observations", "", "Not contradictions: figures that changed over time, and counts by "
                "different counters, side by side.", ""]
        for f in report.observations:
            out.append(f"- **{f.kind}** · {f.entity} · {f.attribute}: {_cell(f.explanation)}")
        out.append("")
    merged = [e for e in report.entities if e.evidence]
    if merged:
        out += ["## Entities", "", "Names written differently across the corpus and taken as one entity, "
                "with the evidence of each merge:", "", "| entity | written as | why |", "|---|---|---|"]
        for e in merged:
            for form, why in e.evidence:
                out.append(f"| {_cell(e.name)} | {_cell(form)} | {_cell(why)} |")
        out.append("")
    out += ["## Sources", "", "| id | outlet | published | title |", "|---|---|---|---|"]
    for src in report.sources:
        out.append(f"| {src.id} | {_cell(src.outlet or '')} | {published_text(src)} | {_cell(src.title or '')} |")
    if report.stale_decisions:
        out += ["", "## Stale decisions", "", "Decisions whose finding no longer exists (kept, never dropped):", ""]
        out += [f"- `{d['id']}`: {(latest_decision(d) or {}).get('status', '')}" for d in report.stale_decisions]
    if report.warnings:
        out += ["", "## Warnings", ""] + [f"- {_cell(w)}" for w in report.warnings]
    return "\n".join(out) + "\n"
