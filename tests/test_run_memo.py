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


def test_a_check_that_compares_gives_the_claims_of_its_findings_as_the_memo_does(corpus, tmp_path, nlp):
    """A check compares (nothing is memoized yet) and gives its findings' claims only, the ones the next,
    unchanged check takes from the memo."""
    cache = tmp_path / "cache"
    article(corpus, "c", "2025-03-05", "Radio Vaulx", "La commune de Vaulx compte 12 000 habitants.\n")
    full = run(options=_options(corpus, tmp_path / "other"), nlp=nlp)
    first = run(options=_options(corpus, cache, findings_only=True), nlp=nlp)
    again = run(options=_options(corpus, cache, findings_only=True), nlp=nlp)
    held = {i for f in (*full.findings, *full.observations) for i in f.claims}
    assert len(held) < len(full.claims)
    assert {c.id: c for c in first.claims} == {c.id: c for c in again.claims} == \
        {c.id: c for c in full.claims if c.id in held}
    assert first.findings == again.findings == full.findings


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
    head, body = (cache / RUN).read_text("utf-8").splitlines()
    data = json.loads(body)
    data["flagged"] = [{"id": "f-1"}]  # a finding without its fields
    (cache / RUN).write_text(head + "\n" + json.dumps(data), "utf-8")
    again = run(options=_options(corpus, cache, findings_only=True), nlp=nlp)
    assert again.findings == full.findings
    assert any(w.startswith("W017") and "run memo unreadable" in w for w in again.warnings)


def test_a_memo_of_other_inputs_is_read_no_further_than_its_key(tmp_path):
    from reconcile.store import RunMemo

    path = tmp_path / RUN
    memo = RunMemo(path, said := [])
    memo.put("k1", [], [], [], [], ["W001 x"])
    assert memo.get("k1", {}) == {"flagged": [], "noted": [], "entities": [], "claims": [], "warnings": ["W001 x"]}
    head = path.read_text("utf-8").splitlines()[0]
    path.write_text(head + "\n{not json", "utf-8")  # what follows the key is not read for another key
    assert memo.get("k2", {}) is None and not said
    assert memo.get("k1", {}) is None and "run memo unreadable" in said[0]
    path.write_text(json.dumps({"schema": 1, "key": "k1", "flagged": []}), "utf-8")  # an older version's memo
    said.clear()
    assert memo.get("k1", {}) is None and not said


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


# ---------------------------------------------------------------- the source shelf

def _aged(folder, seconds=60):
    """Every file of `folder` last modified `seconds` ago: older than the shelf's margin."""
    import os
    import time

    past = time.time() - seconds
    for f in folder.iterdir():
        os.utime(f, (past, past))


def _shelf_and_load(tmp_path, corpus):
    from reconcile.sources import load
    from reconcile.store import SourceShelf

    said: list[str] = []
    shelf = SourceShelf(tmp_path / "cache" / "sources.json", said)
    got = load([corpus], shelf=shelf)
    shelf.close()
    return got, said


def test_an_unchanged_file_is_taken_from_the_shelf_warnings_and_all(corpus, tmp_path, monkeypatch):
    from reconcile import sources

    (corpus / "c.txt").write_text("---\ntitle: Fabrex\npublished: 2025-03-05\n---\n"
                                  "Fabrex emploie 1\u200b900 salariés.\n", "utf-8")  # a zero-width space: W013
    _aged(corpus)
    first, _ = _shelf_and_load(tmp_path, corpus)
    assert any(w.startswith("W013") for w in first.warnings)
    monkeypatch.setattr(sources, "read_one", lambda *a, **kw: pytest.fail("read again"))
    again, said = _shelf_and_load(tmp_path, corpus)
    assert again == first and said == []


def test_a_changed_file_is_read_again(corpus, tmp_path):
    _aged(corpus)
    first, _ = _shelf_and_load(tmp_path, corpus)
    article(corpus, "a", "2025-03-03", "Le Courrier de Vaulx", "Fabrex emploie 1 500 salariés.\n")
    _aged(corpus, 30)  # another time than before
    again, _ = _shelf_and_load(tmp_path, corpus)
    a = next(s for s in again.sources if s.id == "a")
    assert "1 500" in a.text and again.sources != first.sources


def test_a_file_changed_within_the_same_tick_as_the_shelf_is_read_again(corpus, tmp_path):
    """Same size, same modification time (a change within the clock's tick, just before the shelf was
    written): the shelf does not trust a time that close to its own writing."""
    import os

    first, _ = _shelf_and_load(tmp_path, corpus)  # the files were just written: within the margin
    path = corpus / "a.txt"
    st = os.stat(path)
    path.write_text(path.read_text("utf-8").replace("1 200", "1 300"), "utf-8")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    again, _ = _shelf_and_load(tmp_path, corpus)
    assert "1 300" in next(s for s in again.sources if s.id == "a").text


def test_a_damaged_shelf_is_said_and_the_files_are_read(corpus, tmp_path):
    _aged(corpus)
    first, _ = _shelf_and_load(tmp_path, corpus)
    (tmp_path / "cache" / "sources.json").write_text("{not json", "utf-8")
    again, said = _shelf_and_load(tmp_path, corpus)
    assert again == first
    assert len(said) == 1 and said[0].startswith("W017") and "source shelf unreadable" in said[0]
