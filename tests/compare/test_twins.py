"""Twins (issue 12, item 2): claims that every verdict reads alike — one figure, time, modality and rules,
told by many articles — are compared once for all of them. A slot gives the findings, words and all,
that comparing every claim on its own gives; the verdicts computed grow with the readings, not the claims."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from reconcile.compare import slots as S
from reconcile.compare import verdicts as V
from reconcile.extract.lexicon import load
from reconcile.model import Bounds, Claim, Interval

D0 = dt.date(2026, 5, 4)
_n = iter(range(10**7))


@pytest.fixture(scope="module")
def lex():
    return load()


def claim(value, kind="quantity", *, source="a1", time=None, unit=None, approx=False, who=None, modality="assertion",
          status=None, weak=False, at=None, published=D0, attribute="deaths", corrects=None, sentence=""):
    i = next(_n)
    return Claim(id=f"t-{i:08d}", source=source, start=i, end=i + 1, line=i % 7 + 1, quote=f"«{i}»",
                 sentence=sentence or f"Phrase {i}.", entity="Verrières", attribute=attribute, value=value, kind=kind,
                 unit=unit, approx=approx, cue="environ" if approx else None, time=time, modality=modality,
                 status=status, attributed_to=who, published=published,
                 subject_origin="main entity" if weak else "clause", scope=(("at", at),) if at else (),
                 corrects=corrects, time_origin="explicit" if time is not None else "unknown")


def day(n: int, length: int = 0) -> Interval:
    return Interval(D0 + dt.timedelta(days=n), D0 + dt.timedelta(days=n + length))


readings = st.tuples(
    st.one_of(st.sampled_from([12.0, 13.0, 20.0, 100.0, 104.0, 150.0]),
              st.sampled_from([Bounds(10.0, None), Bounds(None, 15.0)]),
              st.integers(0, 6).map(day), st.sampled_from(["planned", "cancelled"])),
    st.one_of(st.none(), st.integers(0, 4).map(day)),  # time of a figure
    st.sampled_from([None, "7 heures", "15 heures"]),  # hour of the day
    st.booleans(), st.booleans(),  # approximate, weak subject
    st.sampled_from([None, "la préfecture", "le syndicat Sud", "les pompiers"]),
    st.sampled_from(["assertion", "plan", "reported"]),
)


def build(drawn, copies) -> tuple[Claim, ...]:
    """Each drawn reading told by some articles (`copies`: their numbers), so that many claims are twins."""
    out = []
    for (value, time, at, approx, weak, who, modality), arts in zip(drawn, copies):
        kind = "date" if isinstance(value, Interval) else "status" if isinstance(value, str) else "quantity"
        for art in arts:
            out.append(claim(value, kind, source=f"a{art}", time=value if kind == "date" else time, at=at,
                             approx=approx and kind == "quantity", weak=weak, who=who, modality=modality,
                             status=value if kind == "status" else ("planned" if modality == "plan" else None),
                             published=D0 + dt.timedelta(days=art % 3)))
    return tuple(sorted(out, key=lambda c: (c.source, c.start)))


def same(lex, slot, cumulative=frozenset()):
    got = S._slot_findings(slot, frozenset(), cumulative, lex)
    want = S._slot_findings(slot, frozenset(), cumulative, lex, alike=False)
    return [dataclasses.astuple(f) for f in got], [dataclasses.astuple(f) for f in want]


@settings(max_examples=300, deadline=None)
@given(st.lists(readings, min_size=1, max_size=7), st.data())
def test_twins_give_the_findings_of_every_claim_on_its_own(lex, drawn, data):
    """Findings, ids, claims in order, severities, consensus, outliers and words: all the same, with
    twins of one article and of several, and for a running toll, where « the later is lower » reads the
    order of two claims of one day."""
    copies = [data.draw(st.lists(st.integers(0, 5), min_size=1, max_size=6)) for _ in drawn]
    slot = S.Slot("Verrières", "deaths", build(drawn, copies))
    got, want = same(lex, slot)
    assert got == want
    got, want = same(lex, slot, cumulative=frozenset({"deaths"}))
    assert got == want


def test_a_correction_is_compared_claim_by_claim(lex):
    """« 12 morts, et non 13 » in one article, and other articles giving 12 and 13: the corrected pair stays
    two claims of their own, and the finding says the article corrects itself."""
    wrong = claim(13.0, source="a1")
    right = dataclasses.replace(claim(12.0, source="a1"), corrects=wrong.id)
    others = [claim(13.0, source="a2"), claim(13.0, source="a3"), claim(12.0, source="a4")]
    slot = S.Slot("Verrières", "deaths", tuple(sorted([wrong, right, *others], key=lambda c: (c.source, c.start))))
    groups = S._twins(slot, frozenset(), lex)
    alone = [t for t in groups if t.rep.id in (wrong.id, right.id)]
    assert [len(t.members) for t in alone] == [1, 1]
    got, want = same(lex, slot)
    assert got == want
    assert "corrects" in S._slot_findings(slot, frozenset(), frozenset(), lex)[0].explanation


def test_the_verdicts_computed_grow_with_the_readings_not_the_articles(lex, monkeypatch):
    """Three hundred articles give « 12 morts » and three hundred « 20 morts », the same day: one pair of
    readings to judge (and one to write the finding's words), not 89 700 pairs (each article's own two
    figures are not set against each other); the finding holds them all and counts the pairs."""
    calls = []
    real = V.compare

    def counted(a, b, **kw):
        calls.append(1)
        return real(a, b, **kw)

    monkeypatch.setattr(V, "compare", counted)
    claims = [claim(v, source=f"a{k:03d}", time=day(0)) for k in range(300) for v in (12.0, 20.0)]
    slot = S.Slot("Verrières", "deaths", tuple(claims))
    found = S._slot_findings(slot, frozenset(), frozenset(), lex)
    assert len(found) == 1 and len(found[0].claims) == 600
    assert "89700 pairs" in found[0].explanation
    assert len(calls) < 10


def test_every_field_of_a_claim_is_read_or_known_unread():
    """A field added to claims is either read by the twins' reading or named as one no verdict reads."""
    fields = {f.name for f in dataclasses.fields(Claim)}
    assert fields == set(S.READ) | S.UNREAD
    assert not set(S.READ) & S.UNREAD


def test_counters_of_one_class_read_alike_and_of_two_classes_apart(lex):
    """« selon la préfecture » and « selon la police » are authorities both: twins; a union is not."""
    pref, police, union = (claim(100.0, who=w) for w in ("la préfecture", "la police", "le syndicat Sud"))
    assert S._reading(pref, lex) == S._reading(police, lex)
    assert S._reading(pref, lex) != S._reading(union, lex)
    assert S._reading(pref, None) != S._reading(police, None)  # no lexicon: names read as they are


def test_a_sentence_that_says_the_figure_changed_reads_apart(lex):
    plain = claim(100.0, sentence="L'usine emploie 100 personnes.")
    changed = claim(100.0, sentence="L'usine emploie désormais 100 personnes.")
    assert S._reading(plain, lex) != S._reading(changed, lex)


figures = st.builds(lambda v, t, at, approx, who, modality, pub: claim(
    v, time=t, at=at, approx=approx, who=who, modality=modality, published=D0 + dt.timedelta(days=pub),
    status="planned" if modality == "plan" else None),
    st.sampled_from([12.0, 13.0, 100.0, 140.0, Bounds(10.0, None), Bounds(None, 15.0)]),
    st.one_of(st.none(), st.tuples(st.integers(0, 4), st.integers(0, 3)).map(lambda t: day(*t))),
    st.sampled_from([None, "7 heures", "15 heures"]), st.booleans(),
    st.sampled_from([None, "la préfecture", "le syndicat Sud"]), st.sampled_from(["assertion", "plan", "reported"]),
    st.integers(0, 40))


@settings(max_examples=400, deadline=None)
@given(figures, figures)
def test_a_verdict_is_the_same_whichever_claim_comes_first(lex, a, b):
    """What twins rest on: the kind, rule and gap of a verdict do not depend on the order of the two claims."""
    one, other = V.compare(a, b, lex=lex), V.compare(b, a, lex=lex)
    assert (one.kind, one.rule, one.gap) == (other.kind, other.rule, other.gap)


def _continues_claim_by_claim(found, earlier, by_id, exclusions) -> bool:
    """`continues` as it reads when every claim is decided on its own: the reference for the one that
    decides each reading once."""
    old = [by_id[i] for i in found.claims if i in earlier]
    new = [by_id[i] for i in found.claims if i not in earlier]
    if not new:
        return True
    slot = S.Slot("", "", tuple(old))
    group = S._groups(slot, S._agreeing(slot, exclusions))
    sides: dict[int, list[Claim]] = {}
    for c in old:
        sides.setdefault(group[c.id], []).append(c)
    grown = [list(s) for s in sides.values()]
    for c in new:
        homes = [k for k, side in enumerate(sides.values()) if all(S.agree(c, o, exclusions) for o in side)]
        if len(homes) != 1:
            return False
        grown[homes[0]].append(c)
    return all(S.agree(a, b, exclusions) for side in grown for i, a in enumerate(side) for b in side[i + 1:])


@settings(max_examples=300, deadline=None)
@given(st.lists(readings, min_size=1, max_size=6), st.data())
def test_a_grown_finding_is_judged_as_claim_by_claim(lex, drawn, data):
    """Whether a finding continues an earlier one (its decision follows it; `check` does not call it new)
    is decided once per reading, and the answer is the one every claim on its own gives."""
    copies = [data.draw(st.lists(st.integers(0, 5), min_size=1, max_size=5)) for _ in drawn]
    claims = build(drawn, copies)
    by_id = {c.id: c for c in claims}
    earlier = {c.id for c in claims if data.draw(st.booleans())} or {claims[0].id}
    found = S.Finding(id="f-x", kind="conflict", severity="medium", entity="Verrières", attribute="deaths",
                      claims=tuple(c.id for c in claims), explanation="", rule="value")
    for exclusions in (frozenset(), lex.state_exclusions):
        assert S.continues(found, "conflict", "deaths", earlier, by_id, exclusions) == \
            _continues_claim_by_claim(found, earlier, by_id, exclusions)


def test_a_grown_finding_costs_verdicts_by_reading(lex, monkeypatch):
    """300 articles repeating each side of a disagreement, and 300 more: a handful of verdicts."""
    old = [claim(1200.0, source=f"a{k:03d}") for k in range(150)] + \
        [claim(1900.0, source=f"b{k:03d}") for k in range(150)]
    new = [claim(1900.0, source=f"c{k:03d}") for k in range(300)]
    by_id = {c.id: c for c in old + new}
    found = S.Finding(id="f-x", kind="conflict", severity="medium", entity="Verrières", attribute="deaths",
                      claims=tuple(by_id), explanation="", rule="value")
    calls = []
    real = V.compare
    monkeypatch.setattr(V, "compare", lambda *a, **k: calls.append(1) or real(*a, **k))
    assert S.continues(found, "conflict", "deaths", [c.id for c in old], by_id)
    assert len(calls) < 20
    odd = claim(1500.0, source="d001")
    by_id[odd.id] = odd
    found = dataclasses.replace(found, claims=found.claims + (odd.id,))
    assert not S.continues(found, "conflict", "deaths", [c.id for c in old], by_id)
