"""The crowding test read once per claim (issue 12, item 2) says what the pairwise one says, for any slot."""
from __future__ import annotations

import datetime as dt
from itertools import combinations

from hypothesis import given, settings, strategies as st

from reconcile.compare import slots as S
from reconcile.model import Interval

from .test_verdicts import claim

D0 = dt.date(2026, 1, 1)
times = st.one_of(st.none(), st.tuples(st.integers(0, 40), st.integers(0, 10)).map(
    lambda t: Interval(D0 + dt.timedelta(days=t[0]), D0 + dt.timedelta(days=t[0] + t[1]))))
members = st.tuples(st.one_of(st.floats(1, 50).map(float), times.filter(lambda t: t is not None)),
                    times, st.integers(0, 6))


@settings(max_examples=300, deadline=None)
@given(st.lists(members, min_size=2, max_size=14))
def test_crowding_agrees_with_the_pairwise_reading(rows):
    cs = [claim(value, time=time, source=f"s{k % 3}") for k, (value, time, _) in enumerate(rows)]
    group = {c.id: g for c, (_, _, g) in zip(cs, rows)}
    slot = S.Slot("Ampere", "headcount", tuple(cs))
    crowded = S._crowding(slot, group)
    for a, b in combinations(cs, 2):
        assert crowded(a, b) == S._crowded(slot, group, a, b)


def test_crowding_counts_only_the_figures_of_the_pairs_times():
    day = lambda d: Interval(D0 + dt.timedelta(days=d), D0 + dt.timedelta(days=d))  # noqa: E731
    early = [claim(float(v), time=day(0), source=f"s{v}") for v in (10, 20, 30, 40)]  # four groups on day 0
    late = [claim(5.0, time=day(30), source="t1"), claim(6.0, time=day(30), source="t2")]
    cs = early + late
    group = {c.id: k for k, c in enumerate(cs)}
    crowded = S._crowding(S.Slot("Ampere", "headcount", tuple(cs)), group)
    assert crowded(early[0], early[1])  # day 0 holds four groups, more than MAX_GROUPS
    assert not crowded(late[0], late[1])  # day 30 holds two
