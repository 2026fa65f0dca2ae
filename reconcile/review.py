"""What a reviewer reads: one finding with its quotes in context, metadata and decisions."""
from __future__ import annotations

import os
import subprocess

from .model import Finding, Report
from .render.common import published_text, quoted_claims, value_text
from .fileio import dumps
from .render.safe import inline


def matches(report: Report, ident: str) -> list[Finding]:
    """The findings an id names: the one with that exact id, else all whose id starts with it."""
    exact = [f for f in report.findings if f.id == ident]
    return exact or [f for f in report.findings if f.id.startswith(ident)]


def find(report: Report, ident: str) -> Finding | None:
    """A finding by id, or by an unambiguous id prefix."""
    found = matches(report, ident)
    return found[0] if len(found) == 1 else None


def show_text(report: Report, f: Finding, *, width: int = 200) -> str:
    """The finding as plain text: explanation, each claim in context, sources, decision history (every
    line made safe for a terminal: no control character from a source, a file name or a note)."""
    return "\n".join(inline(line) for line in _show_lines(report, f, width)) + "\n"


def _show_lines(report: Report, f: Finding, width: int) -> list[str]:
    out = [f"{f.id}  [{f.severity}] {f.kind} · {f.entity} · {f.attribute}  status: {f.status}", "",
           f"Why: {f.explanation}"]
    if f.consensus is not None:
        out.append(f"Best supported: {f.consensus} ({f.support} independent origin(s)); "
                   f"against it: {', '.join(f.outliers) or 'none'}")
    for n, q in enumerate(quoted_claims(report, f, width=width), 1):
        c, src, before, quote, after = q.claim, q.source, q.before, q.quote, q.after
        out += ["", f"[{n}] {c.id} · {value_text(c)} · {c.modality}"
                    + (f" · selon {c.attributed_to}" if c.attributed_to else ""),
                f"    source: {c.source} ({src.path if src else '?'}), line {c.line}, chars {c.start}-{c.end}",
                f"    published: {published_text(src)}"
                + (f" · outlet: {src.outlet}" if src and src.outlet else "")
                + (f" · {src.url}" if src and src.url else ""),
                f"    time: {c.time.start.isoformat()}..{c.time.end.isoformat()} ({c.time_origin})"
                if c.time else "    time: unknown",
                f"    entity found by: {c.subject_origin}",
                f"    {before}[[{quote}]]{after}"]
    history = (f.decision or {}).get("history", [])
    out += ["", "Decisions:" if history else "Decisions: none yet"]
    for d in history:
        keep = f" · keeps {d['keep']}" if d.get("keep") else ""
        out.append(f"  {d.get('at')} {d.get('reviewer')}: {d.get('status')}{keep} — {d.get('note', '')}")
    return out


def show_json(report: Report, f: Finding) -> str:
    """The finding as JSON, each claim with its context and source metadata."""
    data = f.to_dict()
    data["claims_detail"] = [{**q.claim.to_dict(), "before": q.before, "after": q.after,
                              "source_meta": q.source.to_dict() if q.source else None}
                             for q in quoted_claims(report, f, width=200)]
    return dumps(data, indent=2) + "\n"


def reviewer_name(explicit: str | None = None) -> str:
    """Who records a decision: --reviewer, $RECONCILE_REVIEWER, git's user.name, or the login name."""
    if explicit:
        return explicit
    if os.environ.get("RECONCILE_REVIEWER"):
        return os.environ["RECONCILE_REVIEWER"]
    try:
        name = subprocess.run(["git", "config", "user.name"], capture_output=True, text=True,
                              timeout=5).stdout.strip()
        if name:
            return name
    except (OSError, subprocess.SubprocessError):
        pass
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"
