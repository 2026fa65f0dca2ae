"""The Markdown report: stable order, one block per finding, diff-friendly."""
from __future__ import annotations

from ..model import Report, latest_decision
from .common import published_text, quoted_claims, value_text
from .safe import markdown as _cell  # every text that came from a source, a file name or a decision


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
        out += [f"### {f.severity.upper()} · {f.kind} · {_cell(f.entity)} · {_cell(f.attribute)}", "",
                f"- id: `{f.id}`", f"- status: {_cell(f.status)}", f"- why: {_cell(f.explanation)}"]
        if f.consensus is not None:
            out.append(f"- best supported: {_cell(f.consensus)} ({f.support} independent origin(s))")
        if f.decision:
            last = latest_decision(f.decision) or {}
            out.append(f"- decision: {_cell(last.get('status'))} by {_cell(last.get('reviewer'))} on {_cell(last.get('at'))}: "
                       f"{_cell(last.get('note', ''))}")
        out += ["", "| source | published | line | value | modality | quote |", "|---|---|---:|---|---|---|"]
        for q in quoted_claims(report, f, width=50):
            c = q.claim
            out.append(f"| {_cell(c.source)} | {_cell(published_text(q.source))} | {c.line} | {_cell(value_text(c))} | "
                       f"{_cell(c.modality)} | {_cell(q.before)}**{_cell(q.quote)}**{_cell(q.after)} |")
        out.append("")
    if report.observations:
        out += ["## Observations", "", "Not contradictions: figures that changed over time, and counts by "
                "different counters, side by side.", ""]
        for f in report.observations:
            out.append(f"- **{f.kind}** · {_cell(f.entity)} · {_cell(f.attribute)}: {_cell(f.explanation)}")
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
        out.append(f"| {_cell(src.id)} | {_cell(src.outlet or '')} | {_cell(published_text(src))} | {_cell(src.title or '')} |")
    if report.stale_decisions:
        out += ["", "## Stale decisions", "", "Decisions whose finding no longer exists (kept, never dropped):", ""]
        out += [f"- {_cell(d['id'])}: {_cell((latest_decision(d) or {}).get('status', ''))}"
                for d in report.stale_decisions]
    if report.warnings:
        out += ["", "## Warnings", ""] + [f"- {_cell(w)}" for w in report.warnings]
    return "\n".join(out) + "\n"
