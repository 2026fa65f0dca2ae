"""Slots (claims about one fact), verdicts within them, and the findings they give.

Claims are blocked by key (entity key, attribute), so the cost grows with the
size of each slot, not with the square of the corpus.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

from ..model import SEVERITY_RANK, Claim, Finding, value_to_json
from ..normalize.entities import key as entity_key
from . import verdicts as V

FLAGGED = (V.CONFLICT, V.PLAN_VS_OUTCOME)  # findings: a reviewer must decide
NOTED = (V.EVOLUTION, V.ATTRIBUTED)  # observations: shown side by side, nothing to decide


@dataclass(frozen=True)
class Slot:
    entity: str
    attribute: str
    claims: tuple[Claim, ...]

    @property
    def key(self) -> str:
        return f"{entity_key(self.entity)}|{self.attribute}"


def slots(claims: list[Claim]) -> list[Slot]:
    """Group claims by (entity key, attribute), in a stable order."""
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.modality == "negated":
            continue  # "n'est jamais arrivé" states no value to compare
        groups[(entity_key(c.entity), c.attribute)].append(c)
    out = []
    for (_, attr), cs in sorted(groups.items()):
        out.append(Slot(cs[0].entity, attr, tuple(sorted(cs, key=lambda c: (c.source, c.start)))))
    return out


def findings(claims: list[Claim], *, exclusions: frozenset = frozenset(),
             cumulative: frozenset = frozenset()) -> list[Finding]:
    """Every flagged finding of a set of claims, in a stable order."""
    return compare_all(claims, exclusions=exclusions, cumulative=cumulative)[0]


def compare_all(claims: list[Claim], *, exclusions: frozenset = frozenset(),
                cumulative: frozenset = frozenset()) -> tuple[list[Finding], list[Finding]]:
    """(findings, observations): what a reviewer must decide, and what is shown side by side."""
    flagged: list[Finding] = []
    noted: list[Finding] = []
    for slot in slots(claims):
        if len({c.source for c in slot.claims}) < 2:
            continue
        for f in _slot_findings(slot, exclusions, cumulative):
            (flagged if f.kind in FLAGGED or f.rule == "cumulative" else noted).append(f)
    order = lambda f: (SEVERITY_RANK[f.severity], f.entity, f.attribute, f.id)  # noqa: E731
    return sorted(flagged, key=order), sorted(noted, key=order)


def _against_growth(a: Claim, b: Claim) -> bool:
    """True when the later of two claims gives a lower figure."""
    first, last = sorted((a, b), key=lambda c: c.time.start)
    lo = lambda c: c.value if isinstance(c.value, float) else (c.value.low or c.value.high or 0)  # noqa: E731
    return lo(last) < lo(first)


def _slot_findings(slot: Slot, exclusions, cumulative=frozenset()) -> list[Finding]:
    pairs: dict[str, list[tuple[Claim, Claim, V.Verdict]]] = defaultdict(list)
    for a, b in combinations(slot.claims, 2):
        if a.source == b.source:
            continue
        v = V.compare(a, b, exclusions=exclusions)
        if v.kind == V.EVOLUTION and slot.attribute in cumulative and _against_growth(a, b):
            v = V.Verdict(V.EVOLUTION, "cumulative",
                          v.explanation.split(", but")[0] + f"; the later figure is lower, yet a total of "
                          f"{slot.attribute} only grows over time", v.gap)
        if v.kind in FLAGGED + NOTED:
            pairs[(v.kind, v.rule == "cumulative")].append((a, b, v))
    agreeing = _agreeing(slot, exclusions)
    consensus, support, members = consensus_of(slot, exclusions, agreeing=agreeing)
    origins = {cid: len({V.origin(x) for x in xs}) for cid, xs in agreeing.items()}
    out = []
    for (kind, _), ps in pairs.items():
        worst = max(ps, key=lambda p: (p[2].gap, p[0].id, p[1].id))
        others = sorted({c.id: c for a, b, _ in ps for c in (a, b)}.values(), key=lambda c: (c.source, c.start))
        involved = [worst[0], worst[1]] + [c for c in others if c.id not in (worst[0].id, worst[1].id)]
        sev = min((V.severity_of(v, a, b, (origins[a.id], origins[b.id])) for a, b, v in ps),
                  key=SEVERITY_RANK.__getitem__)
        if worst[2].rule == "cumulative":
            sev = "medium"
        ids = tuple(c.id for c in involved)
        fid = "f-" + hashlib.sha1(f"{kind}|{slot.key}|{'|'.join(sorted(ids))}".encode()).hexdigest()[:10]
        outliers = tuple(c.id for c in involved if c.id not in members)
        out.append(Finding(
            id=fid, kind=kind, severity=sev, entity=slot.entity, attribute=slot.attribute, claims=ids,
            explanation=_explain(kind, slot, worst, len(ps)), rule=worst[2].rule,
            consensus=value_to_json(consensus.value) if consensus else None, support=support,
            outliers=outliers))
    return out


def _explain(kind: str, slot: Slot, worst, n: int) -> str:
    a, b, v = worst
    lead = {
        V.CONFLICT: "Conflict",
        V.PLAN_VS_OUTCOME: "Plan versus outcome",
        V.EVOLUTION: "Evolution",
        V.ATTRIBUTED: "Different counters",
    }[kind]
    more = f" ({n} pairs of claims; the widest gap shown)" if n > 1 else ""
    return (f"{lead} on {slot.entity} · {slot.attribute}: {a.source} says «{a.quote}», "
            f"{b.source} says «{b.quote}»; {v.explanation}{more}.")


def _agreeing(slot: Slot, exclusions) -> dict[str, list[Claim]]:
    """For each claim of a slot, the claims that agree or are compatible with it (itself included)."""
    out: dict[str, list[Claim]] = {c.id: [c] for c in slot.claims}
    for a, b in combinations(slot.claims, 2):
        if V.compare(a, b, exclusions=exclusions).kind in (V.AGREEMENT, V.COMPATIBLE):
            out[a.id].append(b)
            out[b.id].append(a)
    return out


def consensus_of(slot: Slot, exclusions, *, agreeing=None) -> tuple[Claim | None, int, set[str]]:
    """The best-supported claim of a slot, its number of independent origins, and who agrees."""
    agreeing = agreeing if agreeing is not None else _agreeing(slot, exclusions)
    best, best_support, best_members = None, 0, set()
    for c in slot.claims:
        support = len({V.origin(x) for x in agreeing[c.id]})
        if support > best_support:
            best, best_support, best_members = c, support, {x.id for x in agreeing[c.id]}
    return best, best_support, best_members
