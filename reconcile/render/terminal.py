"""The terminal report (rich): a summary table, then each finding with its quotes side by side."""
from __future__ import annotations

import io

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..model import Report, latest_decision
from .common import published_text, quoted_claims, value_text
from .safe import inline as _s  # every text that came from a source, a file name or a decision

COLOURS = {"high": "bold red", "medium": "yellow", "low": "cyan"}
# What a terminal shows in full, the most severe first; the rest is counted (the JSON, CSV and HTML reports
# have them all): a corpus of thousands of articles still gives a summary one can read
SHOWN_FINDINGS, SHOWN_LINES, SHOWN_IDS = 40, 40, 10


def render(report: Report, *, width: int = 100, colour: bool = False) -> str:
    """The report as text for a terminal of `width` columns (ANSI colours if `colour`)."""
    buf = io.StringIO()
    console = Console(file=buf, width=width, color_system="standard" if colour else None,
                      force_terminal=colour, no_color=not colour, highlight=False, emoji=False)
    _summary(console, report)
    for f in report.findings[:SHOWN_FINDINGS]:
        _finding(console, report, f)
    _more(console, report.findings[SHOWN_FINDINGS:], "findings")
    if report.observations:
        console.print(Text("Observations (not contradictions)", style="bold"))
        for f in report.observations[:SHOWN_LINES]:
            console.print(Text(_s(f"  {f.kind} · {f.entity} · {f.attribute}: {f.explanation}")))
        _more(console, report.observations[SHOWN_LINES:], "observations")
    merged = [(e.name, form, why) for e in report.entities for form, why in e.evidence]
    if merged:
        console.print(Text("Entities written differently and taken as one", style="bold"))
        for name, form, why in merged[:SHOWN_LINES]:
            console.print(Text(_s(f"  {name} ← {form}: {why}")))
        _more(console, merged[SHOWN_LINES:], "merged names")
    if report.stale_decisions:
        console.print(Text("Stale decisions (their finding no longer exists; kept)", style="bold"))
        for d in report.stale_decisions[:SHOWN_LINES]:
            console.print(Text(_s(f"  {d['id']}: {(latest_decision(d) or {}).get('status', '?')}")))
        _more(console, report.stale_decisions[SHOWN_LINES:], "stale decisions")
    if report.warnings:
        console.print(Text("Warnings", style="bold"))
        for w in report.warnings[:SHOWN_LINES]:
            console.print(Text(_s(f"  {w}")))
        _more(console, report.warnings[SHOWN_LINES:], "warnings")
    return buf.getvalue()


def _more(console: Console, rest: list, what: str) -> None:
    """One line for what the terminal does not show: how many, by severity for findings."""
    if not rest:
        return
    by = {k: sum(getattr(x, "severity", None) == k for x in rest) for k in COLOURS}
    counts = f" ({', '.join(f'{n} {k}' for k, n in by.items() if n)})" if any(by.values()) else ""
    console.print(Text(f"… and {len(rest)} more {what}{counts}, not shown here: the JSON, CSV and HTML reports "
                       "list them all", style="dim"))


def _summary(console: Console, report: Report) -> None:
    s = report.summary()
    t = Table(title="reconcile — consistency report", show_header=True, header_style="bold", expand=False)
    t.add_column("sources", justify="right")
    t.add_column("claims", justify="right")
    t.add_column("findings", justify="right")
    t.add_column("by kind")
    t.add_column("by severity")
    t.add_row(str(s["sources"]), str(s["claims"]), str(s["findings"]),
              "\n".join(f"{k}: {v}" for k, v in s["by_kind"].items()) or "-",
              "\n".join(f"{k}: {v}" for k, v in s["by_severity"].items()) or "-")
    console.print(t)


def _finding(console: Console, report: Report, f) -> None:
    head = Text()
    head.append(f"[{f.severity.upper()}] ", style=COLOURS[f.severity])
    head.append(_s(f"{f.kind} · {f.entity} · {f.attribute}"), style="bold")
    head.append(_s(f"  {f.id}  status: {f.status}"))
    grid = Table.grid(expand=True, padding=(0, 1))
    shown = quoted_claims(report, f, width=60)
    for _ in shown[:3]:
        grid.add_column(ratio=1)
    cells = []
    for q in shown[:3]:
        c, src, before, quote, after = q.claim, q.source, q.before, q.quote, q.after
        cell = Text()
        cell.append(f"{_s(c.source)}\n", style="bold")
        cell.append(f"{_s(published_text(src))} · line {c.line} · {c.start}-{c.end}\n", style="dim")
        cell.append(f"{_s(value_text(c))} ({_s(c.modality)})\n")
        cell.append(_s(before))
        cell.append(_s(quote), style="reverse" if console.no_color else "bold underline")
        cell.append(_s(after))
        cells.append(cell)
    if cells:
        grid.add_row(*cells)
    body = Table.grid()
    body.add_row(grid)
    if len(shown) > 3:
        ids = ", ".join(q.claim.id for q in shown[3:3 + SHOWN_IDS])
        more = f" and {len(shown) - 3 - SHOWN_IDS} others" if len(shown) > 3 + SHOWN_IDS else ""
        body.add_row(Text(f"… and {len(shown) - 3} more claims: {ids}{more}"))
    body.add_row(Text(_s(f.explanation), style="italic"))
    if f.decision:
        last = latest_decision(f.decision) or {}
        body.add_row(Text(_s(f"decision: {last.get('status')} by {last.get('reviewer')} — {last.get('note', '')}")))
    console.print(Panel(body, title=head, title_align="left", border_style=COLOURS[f.severity]))
