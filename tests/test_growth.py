"""Finding ids and decisions survive growth (issue 12, item 4): a finding that gains an agreeing quote, or
whose entity takes another name, keeps its reviewer's decision and is not new to `check`; one that gains a
new value is another finding."""
from __future__ import annotations

from dataclasses import replace

import pytest

from reconcile.check import check
from reconcile.compare.slots import continues
from reconcile.pipeline import Options, run
from reconcile.store import base_of, load_decisions, record_decision

from .compare.test_sweep import make

HEAD = "---\ntitle: {title}\npublished: {day}\noutlet: {outlet}\n---\n"


def article(folder, name, day, outlet, body):
    (folder / f"{name}.txt").write_text(HEAD.format(title=f"Fabrex : {outlet}", day=day, outlet=outlet) + body,
                                        "utf-8")


@pytest.fixture
def corpus(tmp_path):
    return two_articles(tmp_path)


def two_articles(tmp_path):
    """A folder of two articles that disagree on Fabrex's headcount (1 200 / 1 900)."""
    folder = tmp_path / "sources"
    folder.mkdir()
    article(folder, "a", "2025-03-03", "Le Courrier de Vaulx",
            "Le fabricant Fabrex emploie 1 200 salariés dans son usine de Vaulx.\n")
    article(folder, "b", "2025-03-04", "La Gazette de Vaulx",
            "Le fabricant Fabrex emploie 1 900 salariés dans son usine de Vaulx.\n")
    return folder


def _headcount(rep):
    found = [f for f in rep.findings if f.kind == "conflict"]
    assert len(found) == 1, [(f.kind, f.attribute, f.entity) for f in rep.findings]
    return found[0]


def test_a_decision_follows_its_finding_when_another_article_repeats_one_side(corpus, tmp_path, nlp):
    claims_dir = tmp_path / "claims"
    first = run(options=Options(paths=[str(corpus)]), nlp=nlp)
    f = _headcount(first)
    record_decision(claims_dir, f, status="dismissed", note="two counts of different sites", reviewer="ana")
    base = base_of(first)
    article(corpus, "c", "2025-03-05", "Radio Vaulx",
            "Le fabricant Fabrex emploie 1 900 salariés dans son usine de Vaulx.\n")
    grown = run(options=Options(paths=[str(corpus)]), nlp=nlp)
    g = _headcount(grown)
    assert g.id != f.id and set(f.claims) < set(g.claims)  # a new id: its claims grew
    with_decisions = run(options=Options(paths=[str(corpus)], decisions=load_decisions(claims_dir)), nlp=nlp)
    g = _headcount(with_decisions)
    assert g.status == "dismissed" and g.decision["carried_from"] == f.id
    assert with_decisions.stale_decisions == ()
    result = check(grown, base)
    assert g.id not in {x.id for x in result.new_findings}  # known to the base before it grew
    assert g.id in {x.id for x in result.known_open}
    record_decision(claims_dir, g, status="confirmed", note="checked again", reviewer="ben")
    history = load_decisions(claims_dir)[f.id]["history"]  # one history, under the id it began with
    assert [h["status"] for h in history] == ["dismissed", "confirmed"] and g.id not in load_decisions(claims_dir)


def test_a_finding_that_gains_a_new_value_is_another_finding(corpus, tmp_path, nlp):
    claims_dir = tmp_path / "claims"
    first = run(options=Options(paths=[str(corpus)]), nlp=nlp)
    f = _headcount(first)
    record_decision(claims_dir, f, status="dismissed", note="two counts of different sites", reviewer="ana")
    article(corpus, "c", "2025-03-05", "Radio Vaulx",
            "Le fabricant Fabrex emploie 2 600 salariés dans son usine de Vaulx.\n")
    grown = run(options=Options(paths=[str(corpus)], decisions=load_decisions(claims_dir)), nlp=nlp)
    g = _headcount(grown)
    assert set(f.claims) < set(g.claims) and g.status == "open" and g.decision is None
    assert [d["id"] for d in grown.stale_decisions] == [f.id]  # said, never dropped
    assert g.id in {x.id for x in check(grown, base_of(first)).new_findings}


def test_continuity_holds_through_a_renamed_entity_and_not_through_a_lost_claim():
    a = make(1200.0, "quantity", None, None, "s1", False)
    b = make(1900.0, "quantity", None, None, "s2", False)
    c = make(1900.0, "quantity", None, None, "s3", False)
    by_id = {x.id: x for x in (a, b, c)}
    from reconcile.model import Finding

    earlier = Finding("f-1", "conflict", "high", "Fabrex", "headcount", (a.id, b.id), "…")
    renamed = replace(earlier, id="f-2", entity="Fabrex Industries")
    assert continues(renamed, "conflict", "headcount", earlier.claims, by_id)
    assert continues(replace(renamed, claims=(a.id, b.id, c.id)), "conflict", "headcount", earlier.claims, by_id)
    assert not continues(replace(renamed, claims=(a.id, c.id)), "conflict", "headcount", earlier.claims, by_id)
    assert not continues(renamed, "plan_vs_outcome", "headcount", earlier.claims, by_id)


def test_claims_that_agree_with_a_side_but_not_with_each_other_make_another_finding():
    """« environ 100 » against 150, dismissed; then 96 and 104 are each within « environ 100 », not within
    each other: two values where there was one side."""
    from reconcile.model import Finding

    a = make(100.0, "quantity", None, None, "s1", False, approx=True)
    b = make(150.0, "quantity", None, None, "s2", False)
    c = make(96.0, "quantity", None, None, "s3", False)
    d = make(104.0, "quantity", None, None, "s4", False)
    same = make(150.0, "quantity", None, None, "s5", False)
    by_id = {x.id: x for x in (a, b, c, d, same)}
    earlier = Finding("f-1", "conflict", "high", "Fabrex", "headcount", (a.id, b.id), "…")
    assert continues(replace(earlier, id="f-2", claims=(a.id, b.id, c.id, same.id)), "conflict", "headcount",
                     earlier.claims, by_id)
    assert not continues(replace(earlier, id="f-3", claims=(a.id, b.id, c.id, d.id)), "conflict", "headcount",
                         earlier.claims, by_id)


def test_a_sum_that_gains_a_part_is_another_finding():
    from reconcile.compare.totals import KIND
    from reconcile.model import Finding

    whole = make(100.0, "quantity", None, None, "s1", False)
    part1, part2, part3 = (make(v, "quantity", None, None, "s1", False) for v in (40.0, 40.0, 40.0))
    by_id = {x.id: x for x in (whole, part1, part2, part3)}
    earlier = Finding("f-1", KIND, "medium", "Fabrex", "headcount", (whole.id, part1.id, part2.id), "…")
    assert continues(replace(earlier, id="f-2", entity="Fabrex SA"), KIND, "headcount", earlier.claims, by_id)
    assert not continues(replace(earlier, id="f-3", claims=(*earlier.claims, part3.id)), KIND, "headcount",
                         earlier.claims, by_id)
