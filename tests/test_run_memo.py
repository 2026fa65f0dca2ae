"""The last run's result (issue 12, item 4: `check` with no change): a run that reads the same sources,
settings and code as the last one, and needs only the findings' claims, takes the last run's findings
instead of comparing again; anything that changed makes it compare."""
from __future__ import annotations

import dataclasses
import json

import pytest
from hypothesis import given, strategies as st

from reconcile import pipeline
from reconcile.check import check
from reconcile.model import amend
from reconcile.pipeline import RUN, Options, run
from reconcile.sources import _looks_binary

from .compare.test_sweep import make
from .test_growth import article, two_articles


@pytest.fixture
def corpus(tmp_path):
    return two_articles(tmp_path)



def _options(corpus, cache, **kw):
    return Options(paths=[str(corpus)], cache_dir=str(cache), **kw)


def _refuse(*a, **kw):
    raise AssertionError("compared again")


def test_a_check_with_nothing_changed_takes_the_last_runs_findings(corpus, tmp_path, nlp, monkeypatch):
    cache = tmp_path / "cache"
    full = run(options=_options(corpus, cache), nlp=nlp)
    assert full.findings and (cache / RUN).is_file()
    monkeypatch.setattr(pipeline, "compare_all", _refuse)
    monkeypatch.setattr(pipeline, "canonicalize", _refuse)
    again = run(options=_options(corpus, cache, findings_only=True), nlp=nlp)
    assert again.findings == full.findings and again.observations == full.observations
    assert again.entities == full.entities and again.warnings == full.warnings
    held = {i for f in (*full.findings, *full.observations) for i in f.claims}
    assert {c.id: c for c in again.claims} == {c.id: c for c in full.claims if c.id in held}
    assert check(again, {}) == check(full, {})


def test_a_run_that_needs_every_claim_compares_again(corpus, tmp_path, nlp, monkeypatch):
    cache = tmp_path / "cache"
    run(options=_options(corpus, cache), nlp=nlp)
    monkeypatch.setattr(pipeline, "compare_all", _refuse)
    with pytest.raises(AssertionError, match="compared again"):
        run(options=_options(corpus, cache), nlp=nlp)  # a report shows every claim


def test_a_changed_source_is_compared_again(corpus, tmp_path, nlp):
    cache = tmp_path / "cache"
    first = run(options=_options(corpus, cache), nlp=nlp)
    article(corpus, "a", "2025-03-03", "Le Courrier de Vaulx",
            "Le fabricant Fabrex emploie 1 900 salariés dans son usine de Vaulx.\n")
    later = run(options=_options(corpus, cache, findings_only=True), nlp=nlp)
    assert [f.attribute for f in first.findings if f.kind == "conflict"] == ["headcount"]
    assert not [f for f in later.findings if f.kind == "conflict"]  # 1 900 in both now


def test_decisions_are_applied_to_the_last_runs_findings(corpus, tmp_path, nlp):
    cache = tmp_path / "cache"
    full = run(options=_options(corpus, cache), nlp=nlp)
    f = next(f for f in full.findings if f.kind == "conflict")
    decided = {f.id: {"status": "dismissed", "history": [{"status": "dismissed", "note": "two sites"}]}}
    again = run(options=_options(corpus, cache, findings_only=True, decisions=decided), nlp=nlp)
    assert next(g for g in again.findings if g.id == f.id).status == "dismissed"


def test_a_damaged_memo_is_said_and_the_run_compares(corpus, tmp_path, nlp):
    cache = tmp_path / "cache"
    full = run(options=_options(corpus, cache), nlp=nlp)
    data = json.loads((cache / RUN).read_text("utf-8"))
    data["flagged"] = [{"id": "f-1"}]  # a finding without its fields
    (cache / RUN).write_text(json.dumps(data), "utf-8")
    again = run(options=_options(corpus, cache, findings_only=True), nlp=nlp)
    assert again.findings == full.findings
    assert any(w.startswith("W017") and "run memo unreadable" in w for w in again.warnings)


def test_amend_is_replace_without_the_constructor():
    c = make(120.0, "quantity", None, None, "s1", False)
    assert amend(c, entity="Fabrex SA", scope=(("place", "Vaulx"),)) == \
        dataclasses.replace(c, entity="Fabrex SA", scope=(("place", "Vaulx"),))
    assert c.entity == "Fabrex"  # the claim amended is left as it was
    with pytest.raises(TypeError, match="no field 'entiy'"):
        amend(c, entiy="x")


@given(st.binary(max_size=600))
def test_binary_sniffing_counts_the_control_bytes(raw):
    head = raw[:8192]
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    assert _looks_binary(raw) == (b"\x00" in head or control > len(head) * 0.05)
