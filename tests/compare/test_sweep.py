"""Comparison without trying every pair (issue 12, item 2): the sweep that finds the claims that may agree,
and the pairs a slot compares, give what trying every pair gives, for any slot."""
from __future__ import annotations

import datetime as dt
from itertools import combinations

import pytest
from hypothesis import given, settings, strategies as st

from reconcile.compare import slots as S
from reconcile.compare import verdicts as V
from reconcile.compare.tolerance import _range, range_of
from reconcile.extract.lexicon import load
from reconcile.model import Bounds, Claim, Interval

D0 = dt.date(2026, 3, 1)
_n = iter(range(10**7))


@pytest.fixture(scope="module")
def lex():
    return load()


def make(value, kind, unit, time, source, weak, status=None, approx=False, attributed_to=None, modality="assertion"):
    i = next(_n)
    return Claim(id=f"w-{i:08d}", source=source, start=i, end=i + 1, line=1, quote=f"q{i}", sentence="",
                 entity="Fabrex", attribute="headcount", value=value, kind=kind, unit=unit, approx=approx,
                 cue="environ" if approx else None, time=time, status=status, modality=modality,
                 attributed_to=attributed_to, published=D0 + dt.timedelta(days=int(source[1:]) * 3),
                 subject_origin="main entity" if weak else "clause")


def day(n: int, length: int = 0) -> Interval:
    return Interval(D0 + dt.timedelta(days=n), D0 + dt.timedelta(days=n + length))


figures = st.one_of(
    st.sampled_from([100.0, 105.0, 110.0, 140.0, 200.0, 1000.0, 1100.0, 10.0]),
    st.tuples(st.sampled_from([None, 90.0, 120.0]), st.sampled_from([None, 150.0, 300.0]))
    .filter(lambda t: t != (None, None)).map(lambda t: Bounds(*t)))
rows = st.one_of(
    st.tuples(figures, st.sampled_from([("quantity", None), ("quantity", "km"), ("money", "EUR"),
                                        ("money", "USD"), ("percent", None)])),
    st.tuples(st.tuples(st.integers(0, 30), st.integers(0, 5)).map(lambda t: day(*t)), st.just(("date", None))),
    st.tuples(st.sampled_from(["planned", "cancelled", "open"]), st.just(("status", None))))
members = st.tuples(rows, st.one_of(st.none(), st.integers(0, 20).map(day)), st.integers(0, 4), st.booleans(),
                    st.booleans(), st.sampled_from([None, "la police", "les syndicats"]),
                    st.sampled_from(["assertion", "plan"]))


def build(drawn) -> tuple[Claim, ...]:
    out = []
    for (value, (kind, unit)), time, src, weak, approx, who, modality in drawn:
        status = value if kind == "status" else None
        out.append(make(value, kind, unit, value if kind == "date" else time, f"s{src}", weak, status=status,
                        approx=approx and kind != "date" and kind != "status", attributed_to=who,
                        modality=modality))
    return tuple(out)


def every_pair_agreeing(slot: S.Slot, exclusions=frozenset()) -> dict[str, set[str]]:
    """The reading the sweep replaces: every pair of the slot given its verdict."""
    out = {c.id: {c.id} for c in slot.claims}
    for a, b in combinations(slot.claims, 2):
        v = V.compare(a, b, exclusions=exclusions)
        if v.kind == V.AGREEMENT or v.kind == V.COMPATIBLE and v.rule not in ("unit", "kind") and \
                S._shape(a) == S._shape(b):
            out[a.id].add(b.id)
            out[b.id].add(a.id)
    return out


@settings(max_examples=400, deadline=None)
@given(st.lists(members, min_size=2, max_size=16))
def test_the_sweep_finds_every_pair_that_agrees(drawn):
    slot = S.Slot("Fabrex", "headcount", build(drawn))
    got = {cid: {c.id for c in cs} for cid, cs in S._agreeing(slot, frozenset()).items()}
    assert got == every_pair_agreeing(slot)


@settings(max_examples=300, deadline=None)
@given(st.lists(members, min_size=2, max_size=16))
def test_a_slot_gives_the_findings_that_comparing_every_pair_gives(lex, drawn):
    """The pairs never enumerated (two weak claims, one crowded by itself or the attribute too vague) are
    pairs that every-pair comparison skips too: the findings, with their words, are the same."""
    slot = S.Slot("Fabrex", "headcount", build(drawn))
    got = S._slot_findings(slot, frozenset(), frozenset(), lex)
    every = lambda slot, weak, crowded, lex: list(combinations(slot.claims, 2))  # noqa: E731
    original = S._pairs_to_compare
    S._pairs_to_compare = every
    try:
        want = S._slot_findings(slot, frozenset(), frozenset(), lex)
    finally:
        S._pairs_to_compare = original
    assert [(f.id, f.kind, f.claims, f.severity, f.explanation) for f in got] == \
        [(f.id, f.kind, f.claims, f.severity, f.explanation) for f in want]


def test_a_crowded_slot_of_weak_claims_enumerates_only_the_pairs_with_a_claim_of_its_own_subject(lex):
    """Six weak figures on one day (six groups: crowded) and two with their own subject: only the pairs
    that hold one of the two are compared, 2 × 7 − 1 = 13 of the 28."""
    weak = [make(float(v), "quantity", None, day(0), f"s{k}", True) for k, v in enumerate((10, 20, 30, 40, 50, 60))]
    strong = [make(float(v), "quantity", None, day(0), f"s{k + 6}", False) for k, v in enumerate((70, 80))]
    slot = S.Slot("Fabrex", "headcount", tuple(weak + strong))
    group = {c.id: k for k, c in enumerate(slot.claims)}
    pairs = S._pairs_to_compare(slot, {c.id: S._weak(c) for c in slot.claims}, S._crowding(slot, group), lex)
    assert len(pairs) == 13
    assert all(a in strong or b in strong for a, b in pairs)
    assert all(slot.claims.index(a) < slot.claims.index(b) for a, b in pairs)  # in the slot's order


def test_a_figures_range_is_read_once_for_every_claim_that_writes_it():
    """Two claims writing « environ 11 000 » on different days, in different articles: one reading."""
    a = make(11000.0, "quantity", None, None, "s1", False, approx=True)
    b = make(11000.0, "quantity", None, day(3), "s2", True, approx=True)
    first = range_of(a)
    before = _range.cache_info()
    assert range_of(b) == first
    after = _range.cache_info()
    assert after.hits == before.hits + 1 and after.misses == before.misses


def test_a_verdict_writes_its_words_only_when_they_are_read():
    calls = []

    def told():
        calls.append(1)
        return "100 and 140 do not overlap"

    v = V.Verdict(V.CONFLICT, "tolerance", told, 0.4)
    assert calls == []
    assert v.explanation == "100 and 140 do not overlap" and calls == [1]
    a = make(123.0, "quantity", None, None, "s1", False)
    b = make(147.0, "quantity", None, None, "s2", False)
    got = V.compare(a, b)
    assert callable(got.told)
    assert got.explanation.startswith("123 (exact) and 147 (exact) do not overlap")


names = st.sampled_from(["Lyon", "Lyonnais", "Saint-Denis", "Saint", "Saint-Denis-en-Val", "le Gard", "Gard",
                         "l'Aube", "Aube", "-Nord", "Nord", "(x)", "é", "Val"])
words = st.lists(st.one_of(names, st.sampled_from([" ", " : ", "-", "_", "2", "à ", "'", "est", "é"])), max_size=12)


@settings(max_examples=400, deadline=None)
@given(words, st.sets(names, min_size=1))
def test_a_headline_names_what_a_whole_word_search_finds(parts, pool):
    """Places named in a headline, looked for by their first word: what a search for each as whole words
    finds (« Lyon » is not in « Lyonnais », « Gard » not in « Gard_ »)."""
    import re

    headline = "".join(parts)
    want = {p for p in pool if re.search(rf"(?<!\w){re.escape(p)}(?!\w)", headline)}
    assert S._named_in(headline, S._by_first_word(pool)) == want
