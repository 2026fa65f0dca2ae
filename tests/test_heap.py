"""The cycle collector held off around the passes over a corpus's claims (reconcile.heap), and put back."""
from __future__ import annotations

import gc

import pytest

from reconcile.heap import held_off


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    (gc.enable if was else gc.disable)()


def test_the_collector_is_off_inside_and_back_on_after_even_nested_or_on_an_error(collector_on):
    with held_off():
        assert not gc.isenabled()
        with held_off():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block does not turn it back on under the outer one
    assert gc.isenabled()
    with pytest.raises(ValueError):
        with held_off():
            raise ValueError("boom")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off(collector_on):
    gc.disable()
    with held_off():
        pass
    assert not gc.isenabled()


def test_a_report_leaves_the_collector_as_it_found_it(collector_on, corpus_report):
    from reconcile.compare.slots import compare_all
    from reconcile.normalize.entities import Registry
    from reconcile.pipeline import canonicalize

    seen = []
    real = gc.disable
    gc.disable = lambda: seen.append(1) or real()
    try:
        claims, _ = canonicalize(list(corpus_report.claims), Registry())
        compare_all(claims)
    finally:
        gc.disable = real
    assert len(seen) == 2 and gc.isenabled()
