"""The data model: small frozen dataclasses passed between every stage.

Values are plain Python: numbers are floats, periods are `Interval`s of
`datetime.date`, bounded figures are `Bounds`, statuses are strings.
`to_dict()` turns each object into the JSON shape of the report contract.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from functools import cached_property
from typing import Any, Union

SCHEMA_ID = "reconcile-report/1"

MENTION_TYPES = ("date", "period", "duration", "quantity", "money", "percent", "entity")
MODALITIES = ("assertion", "plan", "reported", "negated")
FINDING_KINDS = ("conflict", "plan_vs_outcome", "inconsistent_total", "evolution", "attributed_counts")
SEVERITIES = ("high", "medium", "low")
SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}  # 0 is the most severe
STATUSES = ("open", "confirmed", "dismissed", "resolved")
PUBLISHED_ORIGINS = ("metadata", "inferred", "unknown")
# Subject origins that are no evidence from the claim's own clause (the article's main entity,
# the previous sentence, a topic noun, a name elsewhere in the sentence, a common noun the window
# took for a subject): such a claim is compared as being about the story, and its findings are
# at most of low severity.
# Subject origins of a claim about the story's incident (extract/incidents.py): from its own clause,
# from around it, from the article. Such claims are compared as being about one incident of the corpus
# (their days tell occurrences apart); only the first is evidence from the claim's own clause.
INCIDENT_SUBJECTS = frozenset({"incident", "incident nearby", "story incident"})
INHERITED_SUBJECTS = frozenset({"main entity", "previous sentence", "topic noun", "unknown", "story", "sentence",
                                "noun subject", "thing"})


@dataclass(frozen=True)
class Interval:
    """An inclusive interval of calendar days."""

    start: dt.date
    end: dt.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"interval ends before it starts: {self.start} > {self.end}")

    def overlaps(self, other: "Interval") -> bool:
        """True when the two intervals share at least one day."""
        return self.start <= other.end and other.start <= self.end

    def contains(self, other: "Interval") -> bool:
        """True when `other` lies within this interval."""
        return self.start <= other.start and other.end <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def to_dict(self) -> dict[str, str]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}


@dataclass(frozen=True)
class Bounds:
    """A figure known only between `low` and `high` (either may be open)."""

    low: float | None = None
    high: float | None = None

    def to_dict(self) -> dict[str, float | None]:
        return {"low": self.low, "high": self.high}


Value = Union[float, Bounds, Interval, str]


def value_to_json(value: Value | None) -> Any:
    if isinstance(value, (Interval, Bounds)):
        return value.to_dict()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


@dataclass(frozen=True)
class Source:
    """One article of the corpus, with its decoded text and metadata."""

    id: str
    path: str
    text: str
    body_start: int = 0  # offset where the article body begins (after front matter)
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_origin: str = "unknown"
    language: str | None = None
    kind: str = "text"  # text | html
    extracted_path: str | None = None  # for HTML: where the extracted text is written

    @property
    def body(self) -> str:
        return self.text[self.body_start:]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "title": self.title,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "published_origin": self.published_origin,
            "language": self.language,
            "kind": self.kind,
            "extracted_path": self.extracted_path,
        }


@dataclass(frozen=True)
class Mention:
    """A recognized expression: a number, an amount, a date, a period, an entity.

    `start`/`end` are offsets into the text that was parsed. For figures,
    `low`/`high` are the bounds the text gives or implies and `precision` the
    rounding step implied by how the figure is written (1000 for "11 000").
    """

    type: str
    text: str
    start: int
    end: int
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    currency: str | None = None
    approx: bool = False
    time: Interval | None = None
    precision: float | None = None
    cue: str | None = None  # the qualifier word that set approx or a bound ("environ", "plus de")
    label: str | None = None  # entity mentions: ORG, PER, LOC, MISC
    canonical: str | None = None  # entity mentions: canonical name

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if f.name == "time":
                v = v.to_dict() if v else None
            elif isinstance(v, float):
                v = value_to_json(v)
            out[f.name] = v
        return out


@dataclass(frozen=True)
class Claim:
    """A checkable statement: entity + attribute = value, at a time, with modality."""

    id: str
    source: str
    start: int
    end: int
    line: int
    quote: str
    sentence: str
    entity: str
    attribute: str
    value: Value
    kind: str  # quantity | money | percent | date | status
    unit: str | None = None
    approx: bool = False
    precision: float | None = None
    cue: str | None = None
    time: Interval | None = None
    time_origin: str = "unknown"  # explicit | published | unknown
    modality: str = "assertion"
    status: str | None = None  # event status: planned, announced, completed, cancelled, postponed
    attributed_to: str | None = None
    subject_origin: str = "explicit"  # how the entity was found
    confidence: float = 0.5
    published: dt.date | None = None
    scope: tuple[tuple[str, str], ...] = ()  # (field, value) pairs: place, unit, population
    rules: tuple[tuple[str, str], ...] = ()  # (what, rule id): which rule gave subject, attribute, time...
    # A part of another figure of the same sentence, as the text presents it (« 640 postes, dont 410… »):
    # the whole's claim id, and the relation « part:<cue> » (one part among others, the sum at most the
    # whole), « breakdown:<cue> » (the parts make the whole) or « addition:<cue> » (two additions, no whole).
    part_of: str | None = None
    relation: str | None = None
    corrects: str | None = None  # the claim id of the figure of the same sentence this one corrects

    def scope_dict(self) -> dict[str, str]:
        return dict(self.scope)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "quote": self.quote,
            "sentence": self.sentence,
            "entity": self.entity,
            "attribute": self.attribute,
            "value": value_to_json(self.value),
            "kind": self.kind,
            "unit": self.unit,
            "approx": self.approx,
            "precision": value_to_json(self.precision),
            "cue": self.cue,
            "time": self.time.to_dict() if self.time else None,
            "time_origin": self.time_origin,
            "modality": self.modality,
            "status": self.status,
            "attributed_to": self.attributed_to,
            "subject_origin": self.subject_origin,
            "confidence": round(self.confidence, 3),
            "scope": dict(self.scope),
            "rules": dict(self.rules),
            "part_of": self.part_of,
            "relation": self.relation,
            "corrects": self.corrects,
        }


_CLAIM_FIELDS = frozenset(f for f in Claim.__dataclass_fields__)


def amend(c: Claim, **changes) -> Claim:
    """A claim with some fields changed: `dataclasses.replace` without calling the constructor again (a
    claim checks nothing when made), for the passes over every claim of a corpus."""
    if not changes.keys() <= _CLAIM_FIELDS:
        raise TypeError(f"a claim has no field {sorted(changes.keys() - _CLAIM_FIELDS)[0]!r}")
    new = object.__new__(Claim)
    new.__dict__.update(c.__dict__)
    new.__dict__.update(changes)
    return new


@dataclass(frozen=True)
class Finding:
    """A flagged relation between claims of one slot, explained."""

    id: str
    kind: str
    severity: str
    entity: str
    attribute: str
    claims: tuple[str, ...]
    explanation: str
    status: str = "open"
    rule: str | None = None
    consensus: Any = None  # best-supported value of the slot, JSON-ready
    support: int = 0  # independent sources behind the consensus
    outliers: tuple[str, ...] = ()
    decision: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "severity": self.severity,
            "entity": self.entity,
            "attribute": self.attribute,
            "claims": list(self.claims),
            "explanation": self.explanation,
            "status": self.status,
            "rule": self.rule,
            "consensus": self.consensus,
            "support": self.support,
            "outliers": list(self.outliers),
            "decision": self.decision,
        }


def latest_decision(decision: dict | None) -> dict | None:
    """The newest entry of a decision record's history (a record without history is its own entry)."""
    if not decision:
        return None
    history = decision.get("history")
    if isinstance(history, list) and history:
        return history[-1] if isinstance(history[-1], dict) else None
    return decision if "status" in decision else None


@dataclass(frozen=True)
class Entity:
    """One entity of the corpus after resolution: the name shown, the names it was written as,
    and for each merged form the evidence of the merge."""

    name: str
    forms: tuple[str, ...]
    evidence: tuple[tuple[str, str], ...] = ()  # (surface form, why it is this entity)
    claims: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "forms": list(self.forms), "claims": self.claims,
                "evidence": [{"form": f, "why": w} for f, w in self.evidence]}


@dataclass(frozen=True)
class Report:
    """Everything one run produced."""

    tool_version: str
    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    warnings: tuple[str, ...] = ()
    stale_decisions: tuple[dict[str, Any], ...] = field(default=())
    observations: tuple[Finding, ...] = ()  # evolutions and attributed counts: shown, not flagged
    entities: tuple[Entity, ...] = ()  # the corpus's entities, their surface forms and why they were merged

    def summary(self) -> dict[str, Any]:
        by_kind: dict[str, int] = {}
        by_severity: dict[str, int] = {}
        by_status: dict[str, int] = {}
        for f in self.findings:
            by_kind[f.kind] = by_kind.get(f.kind, 0) + 1
            by_severity[f.severity] = by_severity.get(f.severity, 0) + 1
            by_status[f.status] = by_status.get(f.status, 0) + 1
        return {
            "sources": len(self.sources),
            "claims": len(self.claims),
            "findings": len(self.findings),
            "by_kind": dict(sorted(by_kind.items())),
            "by_severity": dict(sorted(by_severity.items())),
            "by_status": dict(sorted(by_status.items())),
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_ID,
            "tool": {"name": "reconcile", "version": self.tool_version},
            "sources": [s.to_dict() for s in self.sources],
            "claims": [c.to_dict() for c in self.claims],
            "conflicts": [f.to_dict() for f in self.findings],
            "observations": [f.to_dict() for f in self.observations],
            "entities": [e.to_dict() for e in self.entities],
            "summary": self.summary(),
            "warnings": list(self.warnings),
            "stale_decisions": list(self.stale_decisions),
        }

    @cached_property
    def claim_index(self) -> dict[str, Claim]:
        """Claims keyed by id (built once: renderers look them up for every finding)."""
        return {c.id: c for c in self.claims}

    @cached_property
    def source_index(self) -> dict[str, Source]:
        """Sources keyed by id (built once)."""
        return {s.id: s for s in self.sources}

    @property
    def claims_df(self):
        """Claims as a pandas DataFrame (one row per claim)."""
        import pandas as pd

        return pd.DataFrame([c.to_dict() for c in self.claims])

    @property
    def findings_df(self):
        """Findings as a pandas DataFrame (one row per finding)."""
        import pandas as pd

        return pd.DataFrame([f.to_dict() for f in self.findings])
