"""Comparison rules (issue 5, item 2) and verdicts (item 3), one test each."""
from __future__ import annotations

import datetime as dt

import pytest

from reconcile.compare import verdicts as V
from reconcile.compare.slots import findings
from reconcile.compare.tolerance import range_of
from reconcile.model import Bounds, Claim, Interval

_n = iter(range(10**6))


def claim(value, *, source="a", kind="quantity", approx=False, cue=None, precision=None, modality="assertion",
          time=None, status=None, attributed_to=None, entity="Ampere", attribute="headcount"):
    i = next(_n)
    return Claim(id=f"c-{i:010x}", source=source, start=i, end=i + 1, line=1, quote=str(value), sentence="",
                 entity=entity, attribute=attribute, value=value, kind=kind, approx=approx, cue=cue,
                 precision=precision, modality=modality, time=time, status=status, attributed_to=attributed_to)


def period(a, b):
    return Interval(dt.date.fromisoformat(a), dt.date.fromisoformat(b))


# ---------------------------------------------------------------- numbers

def test_compare_same_figure_written_differently_agrees():  # "11 000" vs "11.000"
    v = V.compare(claim(11000.0, precision=1000), claim(11000.0, source="b", precision=1000))
    assert v.kind == V.AGREEMENT


def test_compare_approx_figure_is_compatible_with_a_close_exact_one():  # "environ 10 000" vs "10 200"
    v = V.compare(claim(10000.0, approx=True, cue="environ", precision=1000),
                  claim(10200.0, source="b", precision=100))
    assert v.kind == V.COMPATIBLE


def test_compare_environ_10000_and_pres_de_11000_conflict():
    v = V.compare(claim(10000.0, approx=True, cue="environ", precision=1000),
                  claim(11000.0, source="b", approx=True, cue="près de", precision=1000))
    assert v.kind == V.CONFLICT
    assert "environ" in v.explanation and "près de" in v.explanation and "do not overlap" in v.explanation


def test_compare_rounding_precision_sets_the_tolerance():  # "11 000" covers 10 500-11 500; "11 040" is precise
    assert V.compare(claim(11000.0, precision=1000), claim(11040.0, source="b", precision=10)).kind == V.COMPATIBLE
    assert V.compare(claim(11040.0, precision=10), claim(11070.0, source="b", precision=10)).kind == V.CONFLICT


def test_compare_range_contains_figure():  # "8 à 10 milliards" vs "10 milliards"
    v = V.compare(claim(Bounds(8e9, 1e10), kind="money"), claim(1e10, source="b", kind="money", precision=1e9))
    assert v.kind == V.COMPATIBLE


def test_compare_lower_bound():  # "plus de 100 000" vs "90 000" / "120 000"
    more = claim(Bounds(100000.0, None), cue="plus de")
    assert V.compare(more, claim(120000.0, source="b", precision=10000)).kind == V.COMPATIBLE
    assert V.compare(more, claim(90000.0, source="b", precision=10000)).kind == V.CONFLICT


def test_compare_upper_bound():  # "jusqu'à 48 000" vs "42 000"
    upto = claim(Bounds(None, 48000.0), cue="jusqu'à")
    assert V.compare(upto, claim(42000.0, source="b", precision=1000)).kind == V.COMPATIBLE
    assert V.compare(upto, claim(52000.0, source="b", precision=1000)).kind == V.CONFLICT


def test_tolerance_pres_de_is_below_the_figure():
    r = range_of(claim(11000.0, approx=True, cue="près de"))
    assert r.high == 11000 and r.low == pytest.approx(10560)


# ---------------------------------------------------------------- dates

def test_compare_fin_2023_and_novembre_2023_agree():
    a = claim(period("2023-09-01", "2023-12-31"), kind="date", attribute="launch")
    b = claim(period("2023-11-01", "2023-11-30"), kind="date", attribute="launch", source="b")
    assert V.compare(a, b).kind == V.AGREEMENT


def test_compare_second_half_2023_and_january_2024_conflict_for_one_event():
    a = claim(period("2023-07-01", "2023-12-31"), kind="date", attribute="opening")
    b = claim(period("2024-01-01", "2024-01-31"), kind="date", attribute="opening", source="b")
    v = V.compare(a, b)
    assert v.kind == V.CONFLICT and "do not overlap" in v.explanation


# ---------------------------------------------------------------- statuses

def test_compare_exclusive_states_at_the_same_time_conflict():
    excl = frozenset({frozenset({"liquidated", "independent"})})
    t = period("2026-01-22", "2026-01-22")
    a = claim("liquidated", kind="status", attribute="state", time=t, status="liquidated")
    b = claim("independent", kind="status", attribute="state", time=t, source="b", status="independent")
    assert V.compare(a, b, exclusions=excl).kind == V.CONFLICT
    assert V.compare(a, b).kind == V.COMPATIBLE  # without the exclusion rule they can both hold


# ---------------------------------------------------------------- verdicts

def test_verdict_evolution_when_times_differ():  # a death toll rising day by day
    a = claim(2.0, attribute="deaths", time=period("2025-03-10", "2025-03-10"))
    b = claim(6.0, attribute="deaths", source="b", time=period("2025-03-14", "2025-03-14"))
    assert V.compare(a, b).kind == V.EVOLUTION


def test_a_count_over_a_closed_span_of_days_holds_the_first_day_s_count():
    # « une douzaine de patients transférés » on day one / « 32 patients transférés du mercredi 4 au vendredi 6 »
    day = claim(12.0, attribute="count:patient", time=period("2026-02-04", "2026-02-04"))
    span = claim(32.0, attribute="count:patient", source="b", time=period("2026-02-04", "2026-02-06"))
    span = Claim(**{**span.__dict__, "published": dt.date(2026, 2, 10)})
    assert V.compare(day, span).kind == V.EVOLUTION
    # a closed period of months is no running count: a workforce given for spring and for one day of it
    spring = Claim(**{**claim(900.0, source="b", time=period("2025-03-01", "2025-05-31")).__dict__,
                      "published": dt.date(2025, 9, 1)})
    assert V.compare(claim(700.0, time=period("2025-04-02", "2025-04-02")), spring).kind == V.CONFLICT


def test_verdict_plan_versus_outcome_for_a_cancelled_planned_event():
    plan = claim(period("2023-07-01", "2023-12-31"), kind="date", attribute="ipo", status="planned", modality="plan")
    done = claim(period("2024-01-01", "2024-12-31"), kind="date", attribute="ipo", status="cancelled", source="b")
    assert V.compare(plan, done).kind == V.PLAN_VS_OUTCOME
    undated = claim("cancelled", kind="status", attribute="ipo", status="cancelled", source="c")
    assert V.compare(plan, undated).kind == V.PLAN_VS_OUTCOME


def test_verdict_attributed_counts_are_side_by_side_not_a_conflict():
    police = claim(1800.0, attribute="protesters", attributed_to="préfecture", precision=100)
    union = claim(Bounds(4000.0, None), attribute="protesters", attributed_to="CGT", source="b", cue="plus de")
    assert V.compare(police, union).kind == V.ATTRIBUTED


def test_verdict_single_source_gives_no_finding():
    a, b = claim(10000.0, precision=1000), claim(11000.0, precision=1000)  # same source "a"
    assert findings([a, b]) == []


def test_findings_ids_are_stable_and_depend_on_claims():
    a = claim(10000.0, approx=True, cue="environ")
    b = claim(11000.0, source="b", approx=True, cue="près de")
    c = claim(11000.0, source="c", precision=1000)
    first, again = findings([a, b]), findings([b, a])
    assert len(first) == 1 and first[0].id == again[0].id
    assert findings([a, b, c])[0].id != first[0].id


def test_findings_same_origin_counts_once_for_support():
    a = claim(10000.0, precision=1000, attributed_to="Les Echos", source="a")
    b = claim(10000.0, precision=1000, attributed_to="Les Echos", source="b")
    c = claim(14000.0, precision=1000, source="c")
    f = findings([a, b, c])[0]
    assert f.kind == V.CONFLICT and f.support == 1


def test_findings_consensus_and_outliers():
    a, b = claim(10000.0, precision=1000, source="a"), claim(10000.0, precision=1000, source="b")
    c = claim(14000.0, precision=1000, source="c")
    f = findings([a, b, c])[0]
    assert f.consensus == 10000 and f.support == 2 and f.outliers == (c.id,)


def test_severity_grows_with_gap_and_support():
    small = findings([claim(10000.0, precision=1), claim(10600.0, source="b", precision=1)])[0]
    big = findings([claim(10000.0, precision=1), claim(20000.0, source="b", precision=1)])[0]
    assert (small.severity, big.severity) == ("medium", "high")
    reported = findings([claim(10000.0, precision=1, modality="reported"),
                         claim(10600.0, source="b", precision=1)])[0]
    assert reported.severity == "low"


# ---------------------------------------------------------------- round figures and times of day

@pytest.mark.parametrize("round_,close,far", [
    (50000.0, 49400.0, 47000.0),   # « 50 000 foyers » / « 49 400 »: one rounds the other
    (300000.0, 291000.0, 280000.0),
    (2000000.0, 1930000.0, 1850000.0),
    (80000.0, 77000.0, 74000.0),
])
def test_compare_a_figure_of_one_significant_digit_covers_five_percent(round_, close, far):
    r = claim(round_, precision=min(1000.0, round_ / 10))
    assert V.compare(r, claim(close, source="b", precision=1.0)).kind == V.COMPATIBLE
    assert V.compare(r, claim(far, source="b", precision=1.0)).kind == V.CONFLICT
    assert "round figure" in range_of(r).why


def test_compare_two_significant_digits_keep_their_step():  # « 11 000 » is not a round figure of one digit
    assert V.compare(claim(11000.0, precision=1000), claim(11600.0, source="b", precision=100)).kind == V.CONFLICT


def _at(c, at):
    from dataclasses import replace
    return replace(c, scope=(("at", at),))


SAME_DAY = period("2025-11-04", "2025-11-04")


@pytest.mark.parametrize("at_a,at_b,kind", [
    ("07:00", "15:00", V.EVOLUTION),          # two counts of one day at two hours: a toll that moved
    ("18:00-23:59", "08:00", V.EVOLUTION),    # « vendredi soir » / « à 8 heures »
    ("18:00", "18:00-23:59", V.CONFLICT),     # « à 18 heures » is within « le soir »
    ("09:00", None, V.CONFLICT),              # one hour unknown: the same day, compared as before
])
def test_compare_counts_of_one_day_at_different_hours(at_a, at_b, kind):
    a = claim(820000.0, precision=1000, time=SAME_DAY, attribute="without_power")
    b = claim(1200000.0, source="b", precision=100000, time=SAME_DAY, attribute="without_power")
    a = _at(a, at_a)
    b = _at(b, at_b) if at_b else b
    v = V.compare(a, b)
    assert v.kind == kind, v.explanation
    if kind == V.EVOLUTION:
        assert at_a in v.explanation


@pytest.mark.parametrize("at_a,at_b,kind", [
    ("06:00", "07:00", V.CONFLICT),    # « levée à 6 heures » / « levée à 7 heures »: one event, two hours
    ("06:00", "06:00", V.AGREEMENT),
    ("06:00", "05:00-11:59", V.AGREEMENT),  # « dans la matinée » holds 6 o'clock
])
def test_compare_one_event_at_two_hours_of_one_day(at_a, at_b, kind):
    a = _at(claim(SAME_DAY, kind="date", time=SAME_DAY, attribute="date:vigilance", status="reported_date"), at_a)
    b = _at(claim(SAME_DAY, source="b", kind="date", time=SAME_DAY, attribute="date:vigilance",
                  status="reported_date"), at_b)
    v = V.compare(a, b)
    assert v.kind == kind, v.explanation
    if kind == V.CONFLICT:
        assert at_a in v.explanation and at_b in v.explanation and v.rule == "clock"


def test_a_small_count_in_digits_is_exact_whatever_its_zero():  # « 40 voix pour » / « 41 voix pour »
    v = V.compare(claim(40.0, precision=10, attribute="votes"), claim(41.0, source="b", attribute="votes"))
    assert v.kind == V.CONFLICT
    # a sum of money keeps its rounding: « 40 euros » covers 35-45
    money = V.compare(claim(40.0, kind="money", precision=10, attribute="price"),
                      claim(41.0, source="b", kind="money", attribute="price"))
    assert money.kind == V.COMPATIBLE


@pytest.mark.parametrize("cue,value,other", [("cinquantaine", 50.0, 56.0), ("dizaine", 10.0, 12.0),
                                             ("centaine", 100.0, 112.0), ("millier", 1000.0, 1150.0),
                                             ("douzaine", 12.0, 13.0), ("soixantaine", 60.0, 67.0)])
def test_an_approximate_noun_takes_its_own_tolerance(cue, value, other):  # « une cinquantaine » / « 56 »
    v = V.compare(claim(value, approx=True, cue=cue), claim(other, source="b"))
    assert v.kind == V.COMPATIBLE, v.explanation


def test_a_figure_for_a_coming_year_counts_nothing_up_to_the_report():  # « un budget de 330 millions pour 2027 »
    year = claim(330e6, kind="money", attribute="budget", time=period("2027-01-01", "2027-12-31"))
    day = claim(318e6, source="b", kind="money", attribute="budget", time=period("2027-02-09", "2027-02-09"))
    year = Claim(**{**year.__dict__, "published": dt.date(2027, 2, 12)})
    assert V.compare(year, day).rule != "period"


def test_a_rounds_turnout_told_a_week_apart_without_dates_is_one_figure():
    """« La participation s'établit à 55,0 % » (the day after) against « 53,1 % des électeurs avaient voté » (a
    week later), both undated: turnout is fixed once counted (comparison.toml [dynamics] fixed)."""
    from reconcile.extract.lexicon import load

    def turnout(value, source, day):
        c = claim(value, source=source, kind="percent", precision=0.1, attribute="turnout", entity="premier tour",
                  time=period(day, day))
        return Claim(**{**c.__dict__, "published": dt.date.fromisoformat(day), "time_origin": "published"})
    v = V.compare(turnout(55.0, "a", "2026-03-16"), turnout(53.1, "b", "2026-03-23"), lex=load())
    assert v.kind == V.CONFLICT and v.rule == "fixed", v.explanation


def test_a_small_measure_keeps_its_rounding():  # « 50 km/h » covers 45-55, unlike « 50 voix »
    assert range_of(claim(50.0, precision=10, attribute="measure:km/h")).rule != "exact"
    assert range_of(claim(50.0, precision=10, attribute="votes")).rule == "exact"
