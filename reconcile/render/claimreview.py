"""schema.org ClaimReview (JSON-LD) for what reviewers decided: the format fact-checkers, search engines
and aggregators read.

A finding is exported when its latest decision is « confirmed » or « resolved » and names the claim whose
value stands (`reconcile review ID --keep c-…`): one ClaimReview for each other claim of the finding that
does not agree with the kept one. Open and dismissed findings, and decisions without a kept value, are not.
Who publishes the reviews (its name, site and the address of each review) comes from a small settings
file (`Publisher`, read by the CLI: `publisher.toml` in the claims folder).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..compare.slots import agree
from ..fileio import dumps
from ..model import Claim, Finding, Report, Source, latest_decision
from .safe import web_address

EXPORTED = ("confirmed", "resolved")  # decisions that say which value stands
_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre")


@dataclass(frozen=True)
class Publisher:
    """Who publishes the reviews: the organization's name and site, and the address each review gets
    (`review_url` + the finding's id)."""

    name: str
    url: str
    review_url: str


def reviews(report: Report, publisher: Publisher, exclusions: frozenset = frozenset()) -> list[dict]:
    """One ClaimReview per claim a decision contradicts, in the order of the findings and their claims."""
    claims = {c.id: c for c in report.claims}
    sources = {s.id: s for s in report.sources}
    out = []
    for f in report.findings:
        latest = latest_decision(f.decision) if isinstance(f.decision, dict) else None
        if not latest or latest.get("status") not in EXPORTED or latest.get("keep") not in claims:
            continue
        kept = claims[latest["keep"]]
        for cid in f.claims:
            c = claims.get(cid)
            if c is None or c.id == kept.id or agree(c, kept, exclusions):
                continue
            out.append(_review(f, c, kept, sources, publisher, latest))
    return out


def render(report: Report, publisher: Publisher, exclusions: frozenset = frozenset()) -> str:
    """The reviews as one JSON-LD document (a list of ClaimReview objects). `<`, `>` and `&` are written as
    JSON escapes, so that a quote cannot close the `<script type="application/ld+json">` a page embeds it in."""
    text = dumps(reviews(report, publisher, exclusions), indent=2)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e") + "\n"


def _review(f: Finding, c: Claim, kept: Claim, sources: dict[str, Source], publisher: Publisher,
            latest: dict) -> dict:
    src, kept_src = sources.get(c.source), sources.get(kept.source)
    item: dict = {"@type": "Claim", "appearance": _appearance(src, c.source)}
    if c.attributed_to:
        item["author"] = {"@type": _author_type(c.attributed_to), "name": c.attributed_to}
    if src is not None and src.published:
        item["datePublished"] = src.published.isoformat()
    said = f"« {kept.quote} » ({_where(kept_src, kept.source)})"
    out = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": publisher.review_url + f.id,
        "claimReviewed": c.sentence.strip() or c.quote,
        "itemReviewed": item,
        "reviewRating": {
            "@type": "Rating",
            "alternateName": _verdict(f, said),
        },
        "author": {"@type": "Organization", "name": publisher.name, "url": publisher.url},
    }
    day = _day(latest.get("at"))
    if day:
        out["datePublished"] = day
    return out


def _verdict(f: Finding, said: str) -> str:
    """What was found, in French: a figure or date contradicted by the one that stands, or a plan that what
    happened later overtook (it was not false when written)."""
    if f.kind == "plan_vs_outcome":
        return f"Dépassé : démenti par la suite par {said}"
    return f"Inexact : contredit par {said}"


def _appearance(src: Source | None, source_id: str) -> dict:
    """The article a claim appeared in: its address, headline, date and outlet, as far as they are known."""
    out: dict = {"@type": "NewsArticle"}
    if src is None:
        out["name"] = source_id
        return out
    if web_address(src.url):
        out["url"] = src.url
    out["headline"] = src.title or source_id
    if src.published:
        out["datePublished"] = src.published.isoformat()
    if src.outlet:
        out["publisher"] = {"@type": "Organization", "name": src.outlet}
    return out


def _where(src: Source | None, source_id: str) -> str:
    """An article in words: its outlet (else its headline, else its id) and its date, in French."""
    if src is None:
        return source_id
    who = src.outlet or src.title or source_id
    return f"{who}, {_french_date(src.published)}" if src.published else who


def _french_date(d: dt.date) -> str:
    return f"{d.day}{'er' if d.day == 1 else ''} {_MONTHS[d.month - 1]} {d.year}"


def _author_type(name: str) -> str:
    """Who a claim is attributed to, as schema.org types them: an organization unless the name reads as a
    person's (two capitalized words or more, no article: « Marie Durand »)."""
    words = name.split()
    person = len(words) >= 2 and all(w[:1].isupper() for w in words) and words[0].lower() not in (
        "la", "le", "les", "l'")
    return "Person" if person else "Organization"


def _day(at) -> str | None:
    """The date of a decision's time stamp (ISO 8601), or None."""
    if not at:
        return None
    try:
        return dt.datetime.fromisoformat(str(at)).date().isoformat()
    except ValueError:
        try:
            return dt.date.fromisoformat(str(at)[:10]).isoformat()
        except ValueError:
            return None
