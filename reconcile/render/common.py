"""Helpers shared by the renderers: lookups and quotes in context."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Claim, Report, Source


def claims_by_id(report: Report) -> dict[str, Claim]:
    """Claims keyed by id (built once per report)."""
    return report.claim_index


def sources_by_id(report: Report) -> dict[str, Source]:
    """Sources keyed by id (built once per report)."""
    return report.source_index


@dataclass(frozen=True)
class Quoted:
    """A finding's claim ready to show: the claim, its source, and its quote in context."""

    claim: Claim
    source: Source | None
    before: str
    quote: str
    after: str


def quoted_claims(report: Report, finding, *, width: int = 90) -> list[Quoted]:
    """The claims of a finding, in its order, each with `width` characters of context."""
    claims, sources = claims_by_id(report), sources_by_id(report)
    out = []
    for cid in finding.claims:
        c = claims.get(cid)
        if c is None:
            continue
        src = sources.get(c.source)
        before, quote, after = context(src, c, width=width) if src else ("", c.quote, "")
        out.append(Quoted(c, src, before, quote, after))
    return out


def context(source: Source, claim: Claim, width: int = 90) -> tuple[str, str, str]:
    """(before, quote, after): the quote with up to `width` characters around it on its line."""
    text = source.text
    line_start = text.rfind("\n", 0, claim.start) + 1
    line_end = text.find("\n", claim.end)
    line_end = len(text) if line_end < 0 else line_end
    lo = max(line_start, claim.start - width)
    hi = min(line_end, claim.end + width)
    before = ("…" if lo > line_start else "") + text[lo:claim.start]
    after = text[claim.end:hi] + ("…" if hi < line_end else "")
    return before, text[claim.start:claim.end], after


def value_text(claim: Claim) -> str:
    """A claim's value as a reader writes it: "~10,000 employés", "2023-07-01 → 2023-12-31"."""
    from ..model import Bounds, Interval
    from ..compare.tolerance import fmt

    v = claim.value
    if isinstance(v, Interval):
        return v.start.isoformat() if v.start == v.end else f"{v.start.isoformat()} → {v.end.isoformat()}"
    if isinstance(v, Bounds):
        lo = fmt(v.low) if v.low is not None else ""
        hi = fmt(v.high) if v.high is not None else ""
        return f"≥ {lo}" if not hi else f"≤ {hi}" if not lo else f"{lo}–{hi}"
    if isinstance(v, float):
        s = fmt(v)
        return ("~" if claim.approx else "") + s + (f" {claim.unit}" if claim.unit else "")
    return str(v)


def published_text(source: Source | None) -> str:
    """The publication date with its origin when not from metadata, or "date unknown"."""
    if source is None or source.published is None:
        return "date unknown"
    suffix = "" if source.published_origin == "metadata" else f" ({source.published_origin})"
    return source.published.isoformat() + suffix
