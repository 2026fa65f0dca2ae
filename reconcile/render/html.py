"""The HTML report: one self-contained page (no network), every source text escaped."""
from __future__ import annotations

import base64
import hashlib
import os
import re
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, select_autoescape

from ..model import Interval, Report, latest_decision
from .common import published_text, quoted_claims, value_text


def _env() -> Environment:
    env = Environment(loader=PackageLoader("reconcile", "render/templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    return env


def render(report: Report, *, base_dir: str | None = None) -> str:
    """The page; links to sources are relative to `base_dir`, the folder the page is written to."""
    cards = []
    for f in report.findings:
        rows = [{"claim": q.claim, "before": q.before, "quote": q.quote, "after": q.after,
                 "value": value_text(q.claim), "published": published_text(q.source),
                 "href": _href(q.source, base_dir)} for q in quoted_claims(report, f, width=160)]
        last = latest_decision(f.decision)
        shown, folded, unlisted = _fold(rows)
        cards.append({"f": f, "rows": shown, "folded": folded, "unlisted": unlisted, "decision": last})
    page = _env().get_template("report.html.j2").render(
        report=report, summary=report.summary(), cards=cards,
        entities=sorted({f.entity for f in report.findings}),
        kinds=sorted({f.kind for f in report.findings}),
        timelines=_timelines(report), published=published_text,
        entity_count=len({c.entity for c in report.claims if isinstance(c.value, Interval)}),
    )
    return _with_script_hash(page)


def _with_script_hash(page: str) -> str:
    """The page's Content-Security-Policy allows its one script by hash, no other (the source text in the
    page is escaped, so its only « <script> » is the template's own)."""
    m = re.search(r"<script>(.*?)</script>", page, re.S)
    digest = base64.b64encode(hashlib.sha256(m.group(1).encode("utf-8")).digest()).decode() if m else "none"
    return page.replace("'sha256-SCRIPT_HASH'", f"'sha256-{digest}'" if m else "'none'", 1)


# A card shows every quote up to SHOWN; beyond, the first quote of each value (SHOWN at most) comes first, the
# others are folded (up to LISTED quotes in all) and the rest only counted: the page stays readable with
# hundreds of articles on one fact
SHOWN, LISTED = 6, 60


def _fold(rows: list[dict]) -> tuple[list[dict], list[dict], int]:
    """(rows shown, rows folded, claims only counted) of a card."""
    if len(rows) <= SHOWN:
        return rows, [], 0
    first: dict[str, dict] = {}
    for r in rows:
        first.setdefault(r["value"], r)
    shown = list(first.values())[:SHOWN]
    rest = [r for r in rows if not any(r is s for s in shown)]
    folded = rest[:LISTED - len(shown)]
    return shown, folded, len(rest) - len(folded)


def _href(src, base_dir: str | None) -> str:
    """A link to the source file, relative to where the page is written, URL-encoded."""
    if src is None or not (src.extracted_path or src.path):
        return "#"
    path = os.path.abspath(src.extracted_path or src.path)
    if base_dir is not None:
        path = os.path.relpath(path, os.path.abspath(base_dir))
        return quote(path.replace(os.sep, "/"))
    return Path(path).as_uri()


def _timelines(report: Report, width: int = 720) -> list[dict]:
    """Per entity, dated claims placed on a shared time axis (for an inline SVG)."""
    by_entity: dict[str, list] = defaultdict(list)
    for c in report.claims:
        if isinstance(c.value, Interval):
            by_entity[c.entity].append(c)
    if not by_entity:
        return []
    lo = min(c.value.start for cs in by_entity.values() for c in cs)
    hi = max(c.value.end for cs in by_entity.values() for c in cs)
    span = max((hi - lo).days, 1)
    out = []
    for entity in sorted(by_entity, key=lambda e: (-len(by_entity[e]), e))[:8]:
        marks = []
        for i, c in enumerate(sorted(by_entity[entity], key=lambda c: (c.value.start, c.source))):
            x = 10 + (c.value.start - lo).days / span * (width - 20)
            w = max(3.0, (c.value.end - c.value.start).days / span * (width - 20))
            marks.append({"x": round(x, 1), "w": round(w, 1), "y": 8 + (i % 6) * 14, "claim": c,
                          "label": f"{c.attribute} {value_text(c)} ({c.source}, {c.status or c.modality})"})
        out.append({"entity": entity, "marks": marks, "height": 8 + min(len(marks), 6) * 14 + 16,
                    "start": lo.isoformat(), "end": hi.isoformat(), "width": width})
    return out
