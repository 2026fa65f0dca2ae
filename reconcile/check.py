"""The CI check: which findings are new since the claim base, and which of them fail.

Pure: it compares a Report with a claim base (a dict) and returns a result.
"""
from __future__ import annotations

from dataclasses import dataclass

from .compare.slots import continues
from .model import SEVERITY_RANK, Finding, Report
from .store import source_digest

RANK = SEVERITY_RANK


@dataclass(frozen=True)
class CheckResult:
    fail_on: str
    new_sources: tuple[str, ...]
    changed_sources: tuple[str, ...]
    removed_sources: tuple[str, ...]
    new_findings: tuple[Finding, ...]  # open findings absent from the base
    failing: tuple[Finding, ...]  # new findings at or above the threshold
    known_open: tuple[Finding, ...]  # open findings already in the base: awaiting review, not new

    @property
    def ok(self) -> bool:
        """True when no new finding fails the check."""
        return not self.failing


def check(report: Report, base: dict, *, fail_on: str = "medium", exclusions: frozenset = frozenset()) -> CheckResult:
    """Compare a fresh report with the claim base; fail on new open findings >= `fail_on`. A finding the
    base knows under an earlier id, before it grew (compare.slots.continues), is not new."""
    if fail_on not in RANK:
        raise ValueError(f"fail_on must be one of {', '.join(RANK)}")
    known_sources = base.get("sources", {})
    known_findings = base.get("findings", {})
    here = {s.id: source_digest(s) for s in report.sources}
    new_src = tuple(sorted(i for i in here if i not in known_sources))
    changed = tuple(sorted(i for i, d in here.items() if i in known_sources and known_sources[i].get("sha256") != d))
    removed = tuple(sorted(i for i in known_sources if i not in here))
    open_ = [f for f in report.findings if f.status == "open"]
    earlier: dict[tuple, list[dict]] = {}  # the base's findings by kind and attribute
    for b in known_findings.values():
        if isinstance(b, dict) and isinstance(b.get("claims"), list):
            earlier.setdefault((b.get("kind"), b.get("attribute")), []).append(b)
    known_ids = {f.id for f in open_ if f.id in known_findings or any(
        continues(f, b["kind"], b["attribute"], b["claims"], report.claim_index, exclusions)
        for b in earlier.get((f.kind, f.attribute), []))}
    new = tuple(f for f in open_ if f.id not in known_ids)
    failing = tuple(f for f in new if RANK[f.severity] <= RANK[fail_on])
    known = tuple(f for f in open_ if f.id in known_ids)
    return CheckResult(fail_on, new_src, changed, removed, new, failing, known)

