"""`reconcile serve`: a review workspace in the browser, over the same report and the same `claims/` store
as the command line.

A Flask application on the newsroom's own machine (127.0.0.1 unless told otherwise, and then only with an
access token): the findings with filters and counts, each finding's quotes in their paragraphs with the
timeline of its fact across sources and its decisions, a form that records a decision through the same
locked store as `reconcile review`, a re-run when sources change, and the ClaimReview download. Pages are
jinja2 templates with autoescape; the only script is a static file (strict CSP); every POST carries a CSRF
token; no file is served but the package's own static files.
"""
from __future__ import annotations

import datetime as dt
import hmac
import secrets
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from ..model import Claim, Finding, Report, Source, latest_decision

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
STATUSES = ("confirmed", "dismissed", "resolved", "open")
FILTERS = ("kind", "severity", "status", "entity", "attribute", "source", "q")


@dataclass
class Progress:
    """Where a run of the pipeline stands: sources read of all, running or not, the error that stopped it."""

    done: int = 0
    total: int = 0
    running: bool = False
    error: str | None = None


@dataclass
class Workspace:
    """The state a workspace serves: the report on its sources with the recorded decisions, and the way
    to make it again (`make`: decisions, progress step -> Report)."""

    make: Callable[[dict, Callable[[str], None]], Report]
    claims_dir: Path
    count: Callable[[], int] = lambda: 0  # how many sources a run will read (for its progress)
    exclusions: frozenset = frozenset()
    report: Report | None = None
    progress: Progress = field(default_factory=Progress)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def decisions(self) -> dict:
        from ..store import load_decisions

        return load_decisions(self.claims_dir)

    def refresh(self) -> None:
        """Run the pipeline again (sources changed): the findings anew, decisions following them by id."""
        if self._start():
            self._run()

    def refresh_in_background(self) -> None:
        """`refresh` in a thread of its own; the progress says it runs as soon as this returns."""
        if self._start():
            threading.Thread(target=self._run, daemon=True).start()

    def _start(self) -> bool:
        with self.lock:
            if self.progress.running:
                return False  # one run at a time: a second click joins the first
            self.progress = Progress(0, self.count(), True)
            return True

    def _run(self) -> None:
        def step(_sid: str) -> None:
            self.progress.done += 1

        try:
            rep = self.make(self.decisions(), step)
        except Exception as exc:  # noqa: BLE001 — shown on the page; the last report stays
            with self.lock:
                self.progress.running, self.progress.error = False, " ".join(str(exc).split()) or type(exc).__name__
            return
        with self.lock:
            self.report = rep
            self.progress.running, self.progress.error = False, None
        self.redecide()  # a decision recorded while it ran was applied to the report it replaces

    def redecide(self) -> None:
        """Attach the recorded decisions to the findings again (after one was recorded): no new run."""
        from ..pipeline import apply_decisions

        with self.lock:
            self.seen_file = self._stamp()
            rep = self.report
            found, stale = apply_decisions(list(rep.findings), self.decisions(), rep.claims, self.exclusions)
            self.report = replace(rep, findings=tuple(found), stale_decisions=tuple(stale))

    def sync(self) -> None:
        """Take in the decisions recorded elsewhere (`reconcile review`, another workspace) since last read."""
        if self.report is not None and self._stamp() != getattr(self, "seen_file", None):
            self.redecide()

    def _stamp(self):
        from ..store import DECISIONS

        try:
            st = (self.claims_dir / DECISIONS).stat()
        except OSError:
            return None
        return st.st_mtime_ns, st.st_size

    def finding(self, fid: str) -> Finding | None:
        return next((f for f in self.report.findings if f.id == fid), None)


def select(rows: list["Row"], args) -> list["Row"]:
    """The findings a list page's filters keep (`args`: kind, severity, status, entity, attribute, source,
    q: text searched in the explanation, entity, attribute and id)."""
    def keep(r: Row) -> bool:
        f = r.finding
        for name in ("kind", "severity", "status"):
            if args.get(name) and getattr(f, name) != args[name]:
                return False
        for name in ("entity", "attribute"):
            if args.get(name) and args[name].casefold() not in getattr(f, name).casefold():
                return False
        if args.get("source") and args["source"] not in r.sources:
            return False
        q = (args.get("q") or "").casefold()
        return not q or any(q in x.casefold() for x in (f.explanation, f.entity, f.attribute, f.id))

    return [r for r in rows if keep(r)]


@dataclass(frozen=True)
class Row:
    """A finding as the list shows it, with the sources its claims come from."""

    finding: Finding
    sources: tuple[str, ...]


def rows(report: Report) -> list[Row]:
    claims = {c.id: c for c in report.claims}
    return [Row(f, tuple(sorted({claims[i].source for i in f.claims if i in claims}))) for f in report.findings]


def paragraph(src: Source, c: Claim) -> tuple[str, str, str]:
    """(before, quote, after): the paragraph of the source that holds the claim, split around its quote."""
    text = src.text
    start = text.rfind("\n\n", 0, c.start)
    start = src.body_start if start < src.body_start else start + 2
    end = text.find("\n\n", c.end)
    end = len(text) if end < 0 else end
    return text[start:c.start], text[c.start:c.end], text[c.end:end]


def timeline(report: Report, f: Finding) -> list[tuple[Claim, Source | None]]:
    """Every claim of the finding's entity and attribute, across sources, by date (its fact over time)."""
    sources = {s.id: s for s in report.sources}
    mine = [c for c in report.claims if c.entity == f.entity and c.attribute == f.attribute]
    when = lambda c: (c.time.start if c.time else c.published or dt.date.min, c.source, c.start)  # noqa: E731
    return [(c, sources.get(c.source)) for c in sorted(mine, key=when)]


def count_sources(paths) -> int:
    """How many source files a run over `paths` will read (their manifest aside): a re-run's progress."""
    from ..sources import MANIFEST_NAME, expand

    return sum(1 for p in expand(paths) if p.name != MANIFEST_NAME)


def same_token(given: str | None, expected: str) -> bool:
    return bool(given) and hmac.compare_digest(str(given), expected)


def new_token() -> str:
    return secrets.token_urlsafe(24)


def history(f: Finding) -> list[dict]:
    """A finding's decisions, oldest first."""
    d = f.decision if isinstance(f.decision, dict) else {}
    h = d.get("history")
    return [e for e in h if isinstance(e, dict)] if isinstance(h, list) else ([d] if latest_decision(d) else [])
