"""The relation between two claims of one slot, with the rule that decided it.

Verdicts: agreement, compatible, conflict, evolution, plan_vs_outcome,
attributed_counts (two counters of one fact, side by side).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, Union

from ..extract.lexicon import counter_class, generic_event
from ..model import Bounds, Claim, Interval
from ..normalize.clock import apart
from ..normalize.text import fold
from .tolerance import Range, fmt, range_of, settings

AGREEMENT = "agreement"
COMPATIBLE = "compatible"
CONFLICT = "conflict"
EVOLUTION = "evolution"
PLAN_VS_OUTCOME = "plan_vs_outcome"
ATTRIBUTED = "attributed_counts"

OUTCOMES = {"cancelled", "postponed", "completed"}


Text = Union[str, Callable[[], str]]  # words, or how to write them when somebody reads them


def text(t: Text) -> str:
    """The words of a `Text`."""
    return t() if callable(t) else t


@dataclass(frozen=True)
class Verdict:
    kind: str
    rule: str  # short rule name: "tolerance", "interval", "status", "time", "plan", "attribution"
    told: Text  # why, in words: written only when read (most verdicts only group claims, no finding shows them)
    gap: float = 0.0  # relative gap (numbers) or days (dates)

    @property
    def explanation(self) -> str:
        return text(self.told)


def origin(c: Claim) -> str:
    """Who stands behind a claim: its attributed origin, else its source."""
    return f"attr:{c.attributed_to.lower()}" if c.attributed_to else f"src:{c.source}"


def compare(a: Claim, b: Claim, *, exclusions: frozenset = frozenset(), lex=None) -> Verdict:
    """The verdict on two claims already known to share entity, attribute and scope.

    `lex` brings counter classes and attribute dynamics (comparison.toml); without it two
    different attributions are always side by side and different times always an evolution."""
    if a.kind == "status" or b.kind == "status":
        return _statuses(a, b, exclusions, lex)
    if isinstance(a.value, Interval) and isinstance(b.value, Interval):
        return _dates(a, b, lex)
    if isinstance(a.value, (float, int, Bounds)) and isinstance(b.value, (float, int, Bounds)):
        if a.kind == "money" and b.kind == "money" and (a.unit or "") != (b.unit or ""):
            if a.value == b.value:
                shown = fmt(float(a.value)) if isinstance(a.value, float) else a.value
                return Verdict(CONFLICT, "currency", f"the same figure {shown} is given in {a.unit} and in {b.unit}: "
                               "likely a currency error", 1.0)
            return Verdict(COMPATIBLE, "unit", f"{a.unit} and {b.unit} are different currencies: not compared")
        if a.kind != b.kind or (a.unit or "") != (b.unit or "") and a.kind != "quantity":
            return Verdict(COMPATIBLE, "unit", f"{a.unit or a.kind} and {b.unit or b.kind} are not comparable")
        return _numbers(a, b, lex)
    return Verdict(COMPATIBLE, "kind", "claims of different kinds are not compared")


def _label(c: Claim) -> str:
    return f"«{c.quote}» ({c.source}, line {c.line})"


def _times_apart(a: Claim, b: Claim, lex=None) -> bool:
    return a.time is not None and b.time is not None and (
        not _held(a, b, lex).overlaps(_held(b, a, lex)) or _hours_apart(a, b) or _writing_and_hour(a, b))


def _held(c: Claim, other: Claim, lex=None) -> Interval:
    """When a claim's fact held, set against `other`'s: its time; but a past act dated only by the day its
    article appeared (« la présidente en a recensé 71 », « a chiffré les pertes à 45 millions ») may be the
    act that `other` dates in the days before (comparison.toml [dynamics] past_days). Two acts that no
    sentence dates are not taken for one; a running toll told in the past (« l'explosion a fait quatre
    morts ») is still the toll when the article was written."""
    days = getattr(lex, "past_days", 0) if lex is not None else 0
    if not days or dict(c.rules).get("time") != "time:published+past" or other.time_origin != "explicit" or \
            lex.dynamics.get(c.attribute) == "running":
        return c.time
    return Interval(c.time.start - dt.timedelta(days=days), c.time.end)


def _hours_apart(a: Claim, b: Claim) -> bool:
    """Two claims of one and the same day at times of day that do not overlap (« à 7 heures » /
    « à 15 heures »; « vendredi soir » / « vendredi à 8 heures »)."""
    if a.time is None or b.time is None or a.time.start != a.time.end or a.time != b.time:
        return False
    return apart(a.scope_dict().get("at", ""), b.scope_dict().get("at", ""))


def _writing_and_hour(a: Claim, b: Claim) -> bool:
    """Two figures of one day, the one at a time of day it says (« lundi soir »), the other at no time but the
    day its article was published (« Restent 81 000 clients à réalimenter »): the latter holds when the
    article was written, which is not known to be the same moment."""
    if a.time is None or a.time != b.time or a.time.start != a.time.end:
        return False
    at_a, at_b = a.scope_dict().get("at"), b.scope_dict().get("at")
    return bool(at_a) != bool(at_b) and (b if at_a else a).time_origin == "published"


def _numbers(a: Claim, b: Claim, lex=None) -> Verdict:
    ra, rb = range_of(a), range_of(b)
    if a.value == b.value and ra.rule in ("exact", "rounding") and rb.rule in ("exact", "rounding"):
        return Verdict(AGREEMENT, "tolerance", lambda: f"{fmt(float(a.value))} in both")
    if ra.overlaps(rb):
        return Verdict(COMPATIBLE, "tolerance", lambda: f"{_desc(a, ra)} and {_desc(b, rb)} overlap")
    ca, cb = _central(a, ra), _central(b, rb)
    rel = abs(ca - cb) / max(abs(ca), abs(cb), 1e-9)  # how far apart the figures are, for severity
    told = lambda: (f"{_desc(a, ra)} and {_desc(b, rb)} do not overlap (gap {fmt(round(ra.gap(rb), 2))} "  # noqa: E731
                    f"between the ranges; the figures differ by {rel:.1%})")
    return _beyond_tolerance(a, b, told, rel, lex=lex)


def _central(c: Claim, r: Range) -> float:
    """The figure a claim puts forward: its value, a range's middle, or its one bound."""
    if isinstance(c.value, (int, float)):
        return float(c.value)
    finite = [x for x in (r.low, r.high) if x not in (float("inf"), float("-inf"))]
    return sum(finite) / len(finite) if finite else 0.0


def _rival_counters(a: Claim, b: Claim, lex) -> bool:
    """Two counts by rival counters (police vs unions): shown side by side, never a conflict."""
    if not (a.attributed_to and b.attributed_to) or a.attributed_to == b.attributed_to:
        return False
    if lex is None:
        return True
    ca, cb = counter_class(a.attributed_to, lex), counter_class(b.attributed_to, lex)
    return ca is not None and cb is not None and ca != cb


def changed(a: Claim, b: Claim, lex) -> bool:
    """True when either sentence says the figure changed (« désormais », « en baisse »), or its verb
    does (« a ramené son effectif à 1 430 », read off the parse at extraction: rule `change`)."""
    if any(dict(c.rules).get("change") for c in (a, b)):
        return True
    if lex is None or lex.change_words is None:
        return False
    return any(lex.change_words.search(fold(c.sentence)) for c in (a, b))


def _time_rule(a: Claim, b: Claim, gap: float, lex) -> str | None:
    """Why two claims at different times still conflict, from the attribute's dynamics, or None
    (`gap`: how far apart the figures are, relative to the larger)."""
    if lex is None:
        return None
    dyn = lex.dynamics.get(a.attribute)
    if dyn is None and a.attribute in lex.stock_when_of and a.scope_dict().get("of"):
        dyn = "stock"  # « le coût du relogement »: a stock once it names its thing
    if dyn is None and all(dict(c.rules).get("dynamics") == "parse:having-verb" for c in (a, b)):
        dyn = "stock"  # « l'immeuble comptait 18 logements » / « qui comptait 22 logements »: what it has
    if dyn == "fixed" and a.time_origin != "explicit" and b.time_origin != "explicit" and (
            a.attribute.startswith("measure:") or a.published and b.published
            and abs((a.published - b.published).days) <= lex.stock_days):
        # once past, a fact does not change with the day it is reported; a yearly figure (a loss,
        # a revenue) without its year is taken as the same year only in articles weeks apart
        return "fixed"
    if dyn == "stock" and a.published and b.published and not changed(a, b, lex) and not _years_apart(a, b):
        days = abs((a.published - b.published).days)
        if days <= lex.stock_days or gap > lex.stock_monthly_change * days / 30:
            return "stock"  # a workforce does not move that fast without a word of change
    return None


def _years_apart(a: Claim, b: Claim) -> bool:
    """True when a claim's own date (« en 2019, la mise en vente de 21 magasins ») puts it more than a
    year from the other's time: the history of a stock, not the same stock told twice."""
    if "explicit" not in (a.time_origin, b.time_origin) or a.time is None or b.time is None:
        return False
    first, last = sorted((a.time, b.time), key=lambda t: t.start)
    return (last.start - first.end).days > 365


def _beyond_tolerance(a: Claim, b: Claim, told: Text, gap: float, rule: str = "tolerance", lex=None) -> Verdict:
    if _rival_counters(a, b, lex):
        return Verdict(ATTRIBUTED, "attribution",
                       lambda: f"{text(told)}; the figures come from different counters "
                       f"({a.attributed_to} / {b.attributed_to}), reported side by side", gap)
    if _times_apart(a, b, lex):
        why = _time_rule(a, b, gap, lex)
        if why == "fixed":
            return Verdict(CONFLICT, "fixed", lambda: f"{text(told)}; {a.attribute} is a fixed fact, the same "
                           f"whatever day it is reported ({_when(a)} / {_when(b)})", gap)
        if why == "stock":
            return Verdict(CONFLICT, "stock", lambda: f"{text(told)}; {a.attribute} changes slowly, and the "
                           f"articles, {abs((a.published - b.published).days)} days apart, say nothing of a change",
                           gap)
        return Verdict(EVOLUTION, "time",
                       lambda: f"{text(told)}, but they describe different times "
                       f"({_when(a)} / {_when(b)}): a change over time, not a contradiction", gap)
    longer = _counted_since(a, b) or _counted_since(b, a)
    if longer is not None:
        return Verdict(EVOLUTION, "period",
                       lambda: f"{text(told)}, but «{longer.quote}» counts over {_when(longer)}, which holds the "
                       f"other's day and ends later: a count that grew over the period, not a contradiction", gap)
    if (a.modality == "plan") != (b.modality == "plan") and _plan_precedes(a, b):
        return Verdict(PLAN_VS_OUTCOME, "plan",
                       lambda: f"{text(told)}; one is a plan or target, the other a later reported outcome", gap)
    return Verdict(CONFLICT, rule, told, gap)


# A closed span of fewer days than two weeks (the first days of a crisis, a week of strikes) counts what
# happened day after day, like a running count; a span of months (« entre mars et mai ») does not.
_DAYS_SPAN = 15


def _counted_since(a: Claim, b: Claim) -> Claim | None:
    """`a` when it counts over a period running up to its own report (« 23 patients transférés depuis
    mercredi »), or over a closed span of a few days (« 32 patients transférés du mercredi 4 au vendredi 6 »),
    that holds `b`'s one day before its end, and counts more: the longer count includes the earlier one.
    A closed period of months (« entre mars et mai ») is no running count."""
    if not all(isinstance(c.value, (int, float, Bounds)) for c in (a, b)):
        return None  # a state or a date holds, it does not grow
    if a.time is None or b.time is None or a.time.start == a.time.end or b.time.start != b.time.end:
        return None
    closed_days = (a.time.end - a.time.start).days < _DAYS_SPAN  # « du mercredi 4 au vendredi 6 février »
    if a.published is None or a.time.end != a.published and not closed_days:
        return None  # a period of more than a few days that ended before the report, or runs past it (« pour
        # l'année 2027 »), counts nothing up to it
    if not (a.time.start <= b.time.start < a.time.end):
        return None
    lo = lambda c: c.value if isinstance(c.value, (int, float)) else (c.value.low or c.value.high or 0)  # noqa: E731
    return a if lo(a) > lo(b) else None


def _plan_precedes(a: Claim, b: Claim) -> bool:
    """A plan can only be set against an outcome published after it (both dates known)."""
    plan, outcome = (a, b) if a.modality == "plan" else (b, a)
    return plan.published is not None and outcome.published is not None and plan.published < outcome.published


def _desc(c: Claim, r: Range) -> str:
    shown = fmt(float(c.value)) if isinstance(c.value, (int, float)) else f"[{fmt(r.low)}–{fmt(r.high)}]"
    if r.rule == "exact":
        return f"{shown} (exact)"
    return f"{shown} {r.why} [{fmt(round(r.low, 2))}–{fmt(round(r.high, 2))}]"


def _when(c: Claim) -> str:
    if c.time is None:
        return "unknown time"
    if c.time.start == c.time.end:
        at = c.scope_dict().get("at")
        return c.time.start.isoformat() + (f" at {at}" if at else "")
    return f"{c.time.start.isoformat()}..{c.time.end.isoformat()}"


def _dates(a: Claim, b: Claim, lex=None) -> Verdict:
    ia, ib = a.value, b.value
    plan = {a.status, b.status} & {"planned"}
    outcome = {a.status, b.status} & OUTCOMES
    if ia == ib and ia.start == ia.end and _hours_apart(a, b) and not plan:
        return Verdict(CONFLICT, "clock", lambda: f"{_ev(a)} at {a.scope_dict()['at']} and at {b.scope_dict()['at']}: "
                       "one event cannot happen at both times of the day", 0.0)
    if ia.overlaps(ib):
        if plan and outcome == {"cancelled"} and a.status != b.status:  # postponed or done at that date: agreed
            return Verdict(PLAN_VS_OUTCOME, "plan",
                           lambda: f"{_ev(a)} and {_ev(b)}: the planned event was {next(iter(outcome))}")
        return Verdict(AGREEMENT, "interval", lambda: f"{_ev(a)} and {_ev(b)} overlap")
    days = (ib.start - ia.end).days if ia.end < ib.start else (ia.start - ib.end).days
    told = lambda: f"{_ev(a)} and {_ev(b)} do not overlap ({days} day{'s' if days > 1 else ''} apart)"  # noqa: E731
    slack = max((lex.relative_slack or {}).get(dict(c.rules).get("time", ""), 0) for c in (a, b)) \
        if lex is not None else 0
    if days <= slack:
        return Verdict(COMPATIBLE, "relative-date", lambda: f"{told()}, but one is told relative to the day its "
                       f"article was written (« deux jours après »), which may be the day before it appeared: within "
                       f"{slack} day{'s' if slack > 1 else ''}")
    if _target(a) and _target(b) and a.published != b.published and not outcome:
        return Verdict(EVOLUTION, "plan-revised", lambda: f"{told()}: both are dates still to come when written, set "
                       f"{_published(a)} and {_published(b)}; a later article giving a new target is a revision, "
                       "not a contradiction", float(days))
    if lex is not None and generic_event(a.attribute, lex) and days >= lex.same_event_days and \
            (not plan or _next_occurrence(a, b)):
        return Verdict(COMPATIBLE, "events", lambda: f"{told()}: {a.attribute} names events too general to be one "
                       f"event that far apart ({lex.same_event_days} days or more)")
    if plan and (outcome or {a.modality, b.modality} != {"plan"}) and a.status != b.status:
        return Verdict(PLAN_VS_OUTCOME, "plan",
                       lambda: f"{told()}: one states a plan, the other what became of it", float(days))
    return Verdict(CONFLICT, "interval", lambda: f"{told()}; one event cannot have both dates", float(days))


def _next_occurrence(a: Claim, b: Claim) -> bool:
    """True when one claim plans an event written after the other's date had passed (« l'intersyndicale,
    réunie jeudi » then, a week later, « doit se réunir lundi 16 février »): the next meeting, not a
    new date for the one already held."""
    for plan, other in ((a, b), (b, a)):
        if plan.status == "planned" and other.status != "planned" and plan.published is not None and \
                isinstance(other.value, Interval) and other.value.end < plan.published < plan.value.start:
            return True
    return False


def _target(c: Claim) -> bool:
    """A date still to come when its article was written: a plan or forecast, whatever its wording."""
    return c.published is not None and isinstance(c.value, Interval) and c.value.start > c.published


def _published(c: Claim) -> str:
    return c.published.isoformat() if c.published else "on an unknown day"


def _ev(c: Claim) -> str:
    status = f" ({c.status})" if c.status and c.status != "reported_date" else ""
    return f"{_when_value(c.value)}{status}"


def _when_value(i: Interval) -> str:
    return i.start.isoformat() if i.start == i.end else f"{i.start.isoformat()}..{i.end.isoformat()}"


def _statuses(a: Claim, b: Claim, exclusions: frozenset, lex=None) -> Verdict:
    sa, sb = _status_of(a), _status_of(b)
    if a.attribute == "state" and b.attribute == "state":
        if sa == sb and (a.modality == "negated") != (b.modality == "negated"):
            yes, no = (b, a) if a.modality == "negated" else (a, b)
            told = f"«{yes.quote}» says {sa}, «{no.quote}» says not {sa}"
            if not _times_apart(a, b) or (yes.time and no.time and yes.time.start < no.time.start
                                          and not changed(a, b, lex)):
                return Verdict(CONFLICT, "polarity", f"{told}; a later article cannot take back what an "
                               "earlier one said was done without a word of it" if _times_apart(a, b)
                               else f"{told} at the same time", 1.0)
            return Verdict(EVOLUTION, "time", f"{told} earlier: it happened in between", 1.0)
        if sa == sb:
            return Verdict(AGREEMENT, "status", f"both say {sa}")
        if frozenset((sa, sb)) in exclusions and not _times_apart(a, b):
            return _beyond_tolerance(a, b, f"«{sa}» and «{sb}» exclude each other at the same time", 1.0,
                                     rule="status", lex=lex)
        return Verdict(COMPATIBLE, "status", f"{sa} and {sb} can both hold")
    # an event: a dated plan against a status without date (cancelled, postponed)
    if sa == sb:
        return Verdict(AGREEMENT, "status", f"both say {sa}")
    if "planned" in (sa, sb) and ({sa, sb} & OUTCOMES):
        other = sb if sa == "planned" else sa
        return Verdict(PLAN_VS_OUTCOME, "plan", f"one states a plan, the other says it was {other}")
    return Verdict(COMPATIBLE, "status", f"{sa} and {sb} do not contradict each other")


def _status_of(c: Claim) -> str:
    if c.kind == "status":
        return str(c.value)
    return c.status if c.status and c.status != "reported_date" else "dated"


def severity_of(v: Verdict, a: Claim, b: Claim, support: tuple[int, int]) -> str:
    """High, medium or low, from the gap, independent support on each side and modality.

    Numbers: the figures differ by 25 % or more -> high, 5 % or more -> medium (thresholds in
    tolerances.toml); dates: 180 / 31 days apart. One level up when both sides have two or
    more independent origins; one down when a side is only reported (selon, conditional).
    """
    cfg = settings()["severity"]
    if v.kind in (EVOLUTION, ATTRIBUTED):
        return "low"
    if v.kind == PLAN_VS_OUTCOME:
        return "medium"
    if v.rule == "interval":
        level = 2 if v.gap >= cfg["high_days"] else 1 if v.gap >= cfg["medium_days"] else 0
    elif v.rule in ("status", "polarity"):
        level = 1
    else:
        level = 2 if v.gap >= cfg["high_gap"] else 1 if v.gap >= cfg["medium_gap"] else 0
    if min(support) >= 2:
        level += 1
    if "reported" in (a.modality, b.modality):
        level -= 1  # hearsay on one side: less sure it is a real contradiction
    return ("low", "medium", "high")[max(0, min(2, level))]
