"""How disagreements within one slot become findings: one finding per pair of disagreeing value
groups, vague values kept out of precise groups, generic events, revised targets, crowded slots."""
from __future__ import annotations

import datetime as dt
from itertools import combinations

import pytest

from reconcile.compare import verdicts as V
from reconcile.compare.slots import FLAGGED, MAX_GROUPS, compare_all
from reconcile.extract.lexicon import load
from reconcile.model import INHERITED_SUBJECTS, Claim, Interval

_n = iter(range(10**6))

PUBLISHED = dt.date(2025, 3, 1)


@pytest.fixture(scope="module")
def lex():
    return load()


def claim(value, *, source, kind="quantity", entity="Fabrex", attribute="count:tonne", time=None,
          subject_origin="clause", status=None, modality="assertion", published=PUBLISHED, rules=(),
          precision=None, attributed_to=None):
    i = next(_n)
    return Claim(id=f"c-{i:06d}", source=source, start=i, end=i + 1, line=1, quote=str(value), sentence="",
                 entity=entity, attribute=attribute, value=value, kind=kind, time=time,
                 subject_origin=subject_origin, status=status, modality=modality, published=published,
                 rules=tuple(sorted(rules)), precision=precision, attributed_to=attributed_to)


def day(iso: str) -> Interval:
    d = dt.date.fromisoformat(iso)
    return Interval(d, d)


def period(a: str, b: str) -> Interval:
    return Interval(dt.date.fromisoformat(a), dt.date.fromisoformat(b))


def dated(value: Interval, *, source, attribute="closure", **kw) -> Claim:
    return claim(value, source=source, kind="date", attribute=attribute, time=value, **kw)


def show(findings):
    return [(f.kind, f.rule, f.claims) for f in findings]


# ------------------------------------------------------------ 1. one finding per disagreement

TODAY = day("2025-03-01")

FIGURES = [
    # (source, value) of each claim; the number of flagged findings expected
    pytest.param([("a", 100), ("b", 100), ("c", 140), ("d", 70)], 1, id="100-100-140-70"),
    pytest.param([("a", 100), ("b", 100), ("c", 100), ("d", 140)], 1, id="100-100-100-140"),
    pytest.param([("a", 100), ("b", 100), ("c", 140), ("d", 140)], 1, id="100-100-140-140"),
    pytest.param([("a", 100), ("b", 100), ("c", 140), ("c", 70)], 1, id="140-and-70-from-one-source"),
    pytest.param([("a", 100), ("b", 140), ("c", 100), ("d", 70), ("e", 140)], 1, id="100-140-100-70-140"),
    pytest.param([("a", 100), ("a", 100), ("b", 140), ("c", 70)], 1, id="both-100-from-one-source"),
    pytest.param([("a", 100), ("a", 140)], 0, id="one-source-disagrees-with-itself"),
    pytest.param([("a", 100), ("b", 100)], 0, id="agreement"),
]


def _groups_told(rows) -> int:
    """How many groups of values a finding gathers: every value that some other source contradicts."""
    values = {v for s, v in rows for t, w in rows if v != w and s != t}
    return len(values)


@pytest.mark.parametrize("rows,expected", FIGURES)
def test_one_finding_per_disagreement_and_no_pair_told_twice(lex, rows, expected):
    """Claims of one fact that disagree make one finding, however many values they give (« 185 » and
    « 180 » against « 140 » and against « 120 »): no pair of claims is in two findings."""
    cs = [claim(float(v), source=s, time=TODAY) for s, v in rows]
    by_id = {c.id: c for c in cs}
    flagged, _ = compare_all(cs, lex=lex)
    assert len(flagged) == expected, show(flagged)
    seen: set[frozenset[str]] = set()
    for f in flagged:
        assert f.kind == V.CONFLICT, show(flagged)
        members = [by_id[i] for i in f.claims]
        values = {c.value for c in members}
        assert len(values) == _groups_told(rows), show(flagged)
        # the pair shown first disagrees: claims that agree are never set against each other
        assert by_id[f.claims[0]].value != by_id[f.claims[1]].value, show(flagged)
        # every claim with a value of the disagreement is in it
        assert {c.id for c in cs if c.value in values} == set(f.claims), show(flagged)
        if len(values) > 2:  # more than two values: the explanation names each of them
            assert "Values given:" in f.explanation and all(f"«{v}»" in f.explanation for v in
                                                             {by_id[i].quote for i in f.claims})
        for a, b in combinations(members, 2):
            pair = frozenset((a.id, b.id))
            assert pair not in seen, show(flagged)
            seen.add(pair)
    # and every disagreeing pair across sources is told
    across = {frozenset((a.id, b.id)) for a, b in combinations(cs, 2) if a.value != b.value and a.source != b.source}
    assert across <= seen, show(flagged)


def test_a_plan_and_a_conflict_on_the_same_claims_are_one_finding(lex):
    """A pair of claims already set against each other in one finding is not shown again in a finding
    of another kind of the same fact."""
    told = claim(100.0, source="a", time=TODAY)
    plan = claim(100.0, source="b", time=TODAY, modality="plan", published=dt.date(2025, 1, 15))
    other = claim(140.0, source="c", time=TODAY)
    both = [V.compare(told, other, lex=lex).kind, V.compare(plan, other, lex=lex).kind]
    assert both == [V.CONFLICT, V.PLAN_VS_OUTCOME]  # two kinds of disagreement on the same claims
    flagged, _ = compare_all([told, plan, other], lex=lex)
    pairs = [frozenset(p) for f in flagged for p in combinations(f.claims, 2)]
    assert flagged and len(pairs) == len(set(pairs)), show(flagged)


# ------------------------------------------------------------ 2. a vague value joins no two precise ones

VAGUE = [
    pytest.param(period("2024-11-25", "2024-12-01"), "c", id="week-from-a-third-source"),
    pytest.param(period("2024-11-01", "2024-11-30"), "c", id="month-from-a-third-source"),
    pytest.param(period("2024-11-20", "2024-11-30"), "c", id="fortnight-from-a-third-source"),
    pytest.param(period("2024-11-25", "2024-12-01"), "0", id="week-from-a-source-sorted-first"),
    pytest.param(period("2024-09-01", "2024-12-31"), "z", id="last-four-months"),
]


@pytest.mark.parametrize("attribute", ["closure", "opening"])
@pytest.mark.parametrize("vague,vague_source", VAGUE)
def test_a_vague_date_never_joins_two_precise_ones_that_disagree(lex, vague, vague_source, attribute):
    a = dated(day("2024-11-27"), source="a", attribute=attribute)
    b = dated(day("2024-11-28"), source="b", attribute=attribute)
    c = dated(vague, source=vague_source, attribute=attribute)
    assert c.value.contains(a.value) and c.value.contains(b.value)  # the vague value agrees with both
    flagged, _ = compare_all([c, a, b], lex=lex)
    both = [f for f in flagged if {a.id, b.id} <= set(f.claims)]
    assert len(both) == 1, show(flagged)
    assert both[0].kind == V.CONFLICT, show(flagged)


def test_a_vague_figure_never_joins_two_precise_ones_that_disagree(lex):
    """The same with figures: « environ 1 000 » agrees with 980 and with 1 020, which disagree."""
    a = claim(980.0, source="a", time=TODAY)
    b = claim(1020.0, source="b", time=TODAY)
    c = claim(1000.0, source="c", time=TODAY, precision=100)
    assert V.compare(a, c).kind in (V.AGREEMENT, V.COMPATIBLE)
    assert V.compare(b, c).kind in (V.AGREEMENT, V.COMPATIBLE)
    flagged, _ = compare_all([c, a, b], lex=lex)
    assert [f for f in flagged if {a.id, b.id} <= set(f.claims)], show(flagged)


# ------------------------------------------------------------ 3. generic events a week or more apart

START = dt.date(2025, 1, 10)

GENERIC = [
    # attribute, days apart, subject origins of the two claims, flagged?
    pytest.param("announcement", 10, ("clause", "clause"), False, id="announcement-10-days"),
    pytest.param("announcement", 7, ("clause", "clause"), False, id="announcement-7-days"),
    pytest.param("announcement", 30, ("clause", "main entity"), False, id="announcement-30-days"),
    pytest.param("announcement", 1, ("clause", "clause"), True, id="announcement-1-day"),
    pytest.param("announcement", 1, ("clause", "main entity"), True, id="announcement-1-day-one-inherited"),
    pytest.param("announcement", 6, ("clause", "clause"), True, id="announcement-6-days"),
    pytest.param("appointment", 12, ("clause", "clause"), False, id="appointment-12-days"),
    pytest.param("appointment", 2, ("clause", "clause"), True, id="appointment-2-days"),
    pytest.param("date:reunion", 14, ("clause", "clause"), False, id="reunion-14-days"),
    pytest.param("date:reunion", 1, ("clause", "clause"), True, id="reunion-1-day"),
    # an event named precisely is compared however far apart the dates
    pytest.param("closure", 10, ("clause", "clause"), True, id="closure-10-days"),
]


@pytest.mark.parametrize("attribute,apart,origins,flagged_expected", GENERIC)
def test_generic_events_far_apart_are_different_events(lex, attribute, apart, origins, flagged_expected):
    rules = {"attribute": "parse:nsubj" if attribute.startswith("date:") else "attr:event"}
    a = dated(day(START.isoformat()), source="a", attribute=attribute, subject_origin=origins[0],
              rules=rules.items())
    later = (START + dt.timedelta(days=apart)).isoformat()
    b = dated(day(later), source="b", attribute=attribute, subject_origin=origins[1], rules=rules.items())
    flagged, _ = compare_all([a, b], lex=lex)
    if flagged_expected:
        assert len(flagged) == 1 and set(flagged[0].claims) == {a.id, b.id}, show(flagged)
        assert flagged[0].kind == V.CONFLICT, show(flagged)
    else:
        assert not flagged, show(flagged)


NEXT = [
    # planned day, its article's day, the held event's day, flagged?
    # the plan was written after the other meeting was held, for a day well after it: the next meeting
    pytest.param("2025-01-27", "2025-01-16", "2025-01-14", False, id="next-meeting"),
    # the plan was written before the meeting was held, for another day: it moved
    pytest.param("2025-01-27", "2025-01-05", "2025-01-14", True, id="moved-meeting"),
    # written after it was held but set only days apart: one meeting told with two dates
    pytest.param("2025-01-17", "2025-01-16", "2025-01-14", True, id="same-meeting-days-apart"),
]


@pytest.mark.parametrize("planned, written, held, flagged_expected", NEXT)
def test_a_general_event_planned_after_one_was_held_is_the_next_one(lex, planned, written, held, flagged_expected):
    rules = {"attribute": "parse:act-verb"}.items()
    a = dated(day(held), source="a", attribute="date:reunion", rules=rules)
    b = dated(day(planned), source="b", attribute="date:reunion", rules=rules, status="planned", modality="plan",
              published=dt.date.fromisoformat(written))
    flagged, _ = compare_all([a, b], lex=lex)
    assert bool(flagged) == flagged_expected, show(flagged)


# ------------------------------------------------------------ 4. a later article revising a target

TARGETS = [
    # the earlier target, the later one
    pytest.param(period("2026-06-01", "2026-06-30"), period("2026-10-01", "2026-12-31"), id="june-then-q4-2026"),
    pytest.param(period("2027-01-01", "2027-12-31"), period("2028-03-01", "2028-03-31"), id="2027-then-march-2028"),
    pytest.param(day("2025-09-15"), day("2025-11-03"), id="one-day-then-another"),
    pytest.param(period("2026-10-01", "2026-12-31"), period("2026-04-01", "2026-04-30"), id="brought-forward"),
]
EARLIER, LATER = dt.date(2024, 11, 28), dt.date(2025, 2, 18)


def _target(value, *, source, published, status="planned"):
    return dated(value, source=source, attribute="opening", status=status,
                 modality="plan" if status == "planned" else "assertion", published=published)


@pytest.mark.parametrize("first,second", TARGETS)
def test_two_targets_from_different_days_are_a_revision(lex, first, second):
    a = _target(first, source="a", published=EARLIER)
    b = _target(second, source="b", published=LATER)
    for x, y in ((a, b), (b, a)):
        v = V.compare(x, y, lex=lex)
        assert (v.kind, v.rule) == (V.EVOLUTION, "plan-revised"), v
    flagged, noted = compare_all([a, b], lex=lex)
    assert not flagged, show(flagged)
    assert [f.rule for f in noted] == ["plan-revised"], show(noted)


@pytest.mark.parametrize("first,second", TARGETS)
def test_two_targets_from_the_same_day_conflict(lex, first, second):
    a = _target(first, source="a", published=EARLIER)
    b = _target(second, source="b", published=EARLIER)
    v = V.compare(a, b, lex=lex)
    assert v.kind == V.CONFLICT and v.rule != "plan-revised", v
    flagged, _ = compare_all([a, b], lex=lex)
    assert [f.kind for f in flagged] == [V.CONFLICT], show(flagged)


@pytest.mark.parametrize("outcome", ["postponed", "cancelled"])
@pytest.mark.parametrize("first,second", TARGETS)
def test_a_target_against_a_postponement_is_no_revision(lex, first, second, outcome):
    a = _target(first, source="a", published=EARLIER)
    b = _target(second, source="b", published=LATER, status=outcome)
    v = V.compare(a, b, lex=lex)
    assert v.rule != "plan-revised" and v.kind != V.EVOLUTION, v
    flagged, _ = compare_all([a, b], lex=lex)
    assert flagged and all(f.kind in FLAGGED for f in flagged), show(flagged)


# ------------------------------------------------------------ 5. a crowded slot

VALUES = [
    pytest.param((120, 340, 560, 780, 990), id="five-values"),
    pytest.param((54000, 61000, 8200, 350, 1200), id="five-scattered-values"),
    pytest.param((10, 20, 30, 40, 50), id="five-small-values"),
    pytest.param((2100, 2400, 2700, 3100), id="four-values"),
]

WEAK = [
    pytest.param("main entity", (), id="main-entity"),
    pytest.param("previous sentence", (), id="previous-sentence"),
    pytest.param("story", (), id="story"),
    pytest.param("clause", (("subject", "window:unknown"),), id="window-subject"),
]

STRONG = [
    pytest.param("clause", (("subject", "parse:nsubj"),), id="clause"),
    pytest.param("explicit", (), id="explicit"),
    pytest.param("complement", (("subject", "parse:nsubj-complement"),), id="complement"),
]


def _slot(values, origin, rules):
    return [claim(float(v), source=f"s{i}", time=TODAY, subject_origin=origin, rules=rules)
            for i, v in enumerate(values)]


@pytest.mark.parametrize("origin,rules", WEAK)
@pytest.mark.parametrize("values", VALUES)
def test_a_crowded_slot_of_weak_claims_gives_no_finding(lex, values, origin, rules):
    assert len(values) > MAX_GROUPS
    cs = _slot(values, origin, rules)
    assert origin in INHERITED_SUBJECTS or rules  # these claims are weak
    flagged, noted = compare_all(cs, lex=lex)
    assert not flagged and not noted, show(flagged + noted)


@pytest.mark.parametrize("origin,rules", STRONG)
@pytest.mark.parametrize("values", VALUES)
def test_a_crowded_slot_of_claims_with_their_own_subject_is_compared(lex, values, origin, rules):
    cs = _slot(values, origin, rules)
    flagged, _ = compare_all(cs, lex=lex)
    # one disagreement about one fact, with every value given
    assert len(flagged) == 1 and set(flagged[0].claims) == {c.id for c in cs}, show(flagged)


@pytest.mark.parametrize("origin,rules", WEAK)
def test_weak_claims_in_a_slot_that_is_not_crowded_are_compared(lex, origin, rules):
    """The crowding, not the weakness alone, silences a slot: as many groups as MAX_GROUPS are compared."""
    values = [100 * (i + 1) for i in range(MAX_GROUPS)]
    flagged, _ = compare_all(_slot(values, origin, rules), lex=lex)
    assert flagged, show(flagged)
    assert all(f.severity == "low" for f in flagged), show(flagged)


def test_a_plan_met_or_postponed_to_the_same_date_is_no_finding():
    """« mise en service au quatrième trimestre 2026 » (postponed there) and « ouvrir fin 2026 »
    (planned) say the same date: agreement, not plan versus outcome; a cancellation still is."""
    def ev(source, start, end, status):
        return Claim(id=f"c-{source}{status}", source=source, start=0, end=1, line=1, quote="x", sentence="",
                     entity="Ligne 9", attribute="opening", value=Interval(dt.date.fromisoformat(start),
                                                                           dt.date.fromisoformat(end)),
                     kind="date", status=status, published=dt.date(2025, 2, 1))
    lex = load()
    planned = ev("a", "2026-09-01", "2026-12-31", "planned")
    assert V.compare(planned, ev("b", "2026-10-01", "2026-12-31", "postponed"), lex=lex).kind == V.AGREEMENT
    assert V.compare(planned, ev("c", "2026-12-01", "2026-12-31", "completed"), lex=lex).kind == V.AGREEMENT
    assert V.compare(planned, ev("d", "2026-11-01", "2026-11-30", "cancelled"), lex=lex).kind == V.PLAN_VS_OUTCOME



# ------------------------------------------------------------ vague attributes

@pytest.mark.parametrize("attribute,origins,flagged", [
    ("amount", ("main entity", "previous sentence"), 0),   # two sums of money, nothing ties them to one fact
    ("amount", ("clause", "previous sentence"), 1),        # one names its subject: compared
    ("percent", ("story", "main entity"), 0),
    ("cost", ("main entity", "previous sentence"), 1),     # a cost is a fact even about the story
])
def test_vague_attributes_between_weak_claims_are_not_compared(lex, attribute, origins, flagged):
    kind = "percent" if attribute == "percent" else "money"
    a = claim(38.5e9, source="a", kind=kind, attribute=attribute, time=TODAY, subject_origin=origins[0],
              precision=1e7)
    b = claim(25.5e9, source="b", kind=kind, attribute=attribute, time=TODAY, subject_origin=origins[1],
              precision=1e8)
    found, _ = compare_all([a, b], lex=lex)
    assert len(found) == flagged, show(found)


def test_the_place_a_story_is_set_in_is_no_scope(lex):
    """« 45 000 foyers privés d'électricité » and « 70 000 foyers dans le Gard » in a story about the Gard's
    floods are one fact; in the same story, a figure for the Hérault stays apart."""
    from dataclasses import replace as _replace
    a = _replace(claim(45000.0, source="a", entity="crue", attribute="without_power", time=day("2025-10-12")),
                 scope=(("moment", "peak"),))
    b = _replace(claim(70000.0, source="b", entity="crue", attribute="without_power", time=day("2025-10-12")),
                 scope=(("moment", "peak"), ("place", "Gard")))
    c = _replace(claim(9000.0, source="c", entity="crue", attribute="without_power", time=day("2025-10-12")),
                 scope=(("moment", "peak"), ("place", "Hérault")))
    apart, _ = compare_all([a, b, c], lex=lex)
    assert not apart
    together, _ = compare_all([a, b, c], lex=lex, setting="Gard")
    assert [sorted(f.claims) for f in together] == [sorted([a.id, b.id])]
