"""The slot store (issue 12, item 4): a run compares only the slots whose claims changed, and finds exactly
what comparing every slot finds."""
from __future__ import annotations

import shutil
import sqlite3
from contextlib import contextmanager
from dataclasses import replace

from reconcile.compare import slots as S
from reconcile.model import Finding
from reconcile.pipeline import SLOTS, Options, run
from reconcile.store import SlotStore

from .compare.test_sweep import make
from .conftest import SOURCES


@contextmanager
def counting():
    """The slot store's hits and misses in the run inside the block."""
    counted: dict = {}
    original = SlotStore.close

    def close(store):
        counted.update(hits=store.hits, misses=store.misses)
        original(store)

    SlotStore.close = close
    try:
        yield counted
    finally:
        SlotStore.close = original


def _same(a, b) -> None:
    assert [f.to_dict() for f in a.findings] == [f.to_dict() for f in b.findings]
    assert [f.to_dict() for f in a.observations] == [f.to_dict() for f in b.observations]


def test_a_run_with_the_store_finds_what_a_run_without_it_finds(tmp_path, nlp, corpus_report):
    cache = tmp_path / "cache"
    first = run(options=Options(paths=[str(SOURCES)], cache_dir=str(cache)), nlp=nlp)
    _same(first, corpus_report)
    with sqlite3.connect(cache / SLOTS) as db:
        stored = db.execute("SELECT count(*) FROM slots").fetchone()[0]
    assert stored > 0
    second = run(options=Options(paths=[str(SOURCES)], cache_dir=str(cache)), nlp=nlp)
    _same(second, corpus_report)
    assert not [w for w in second.warnings if "W017" in w]


def test_a_new_article_is_compared_with_the_slots_it_touches_and_the_rest_is_read(tmp_path, nlp, corpus_report):
    """A new article that repeats one article's figures in other words: the slots it joins are compared
    again, the others read; the findings are those of a run with no store."""
    folder = tmp_path / "sources"
    shutil.copytree(SOURCES, folder)
    cache = tmp_path / "cache"
    run(options=Options(paths=[str(folder)], cache_dir=str(cache)), nlp=nlp)
    (folder / "zz-depeche.txt").write_text(
        "---\ntitle: Ampere, la filiale électrique\npublished: 2024-02-01\noutlet: Dépêche du soir\n---\n"
        "Ampere compte désormais 9 800 salariés, selon la direction de Renault.\n", "utf-8")
    with counting() as counted:
        got = run(options=Options(paths=[str(folder)], cache_dir=str(cache)), nlp=nlp)
    want = run(options=Options(paths=[str(folder)]), nlp=nlp)
    _same(got, want)
    assert counted["hits"] > 0 and counted["misses"] > 0


def test_a_damaged_store_is_said_and_rebuilt(tmp_path, nlp, corpus_report):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / SLOTS).write_bytes(b"not a database, just bytes" * 100)
    got = run(options=Options(paths=[str(SOURCES)], cache_dir=str(cache)), nlp=nlp)
    _same(got, corpus_report)
    said = [w for w in got.warnings if "W017" in w and SLOTS in w]
    assert said and "rebuilt" in said[0]
    with sqlite3.connect(cache / SLOTS) as db:
        assert db.execute("SELECT count(*) FROM slots").fetchone()[0] > 0


def _finding(fid: str) -> Finding:
    return Finding(fid, "conflict", "high", "Fabrex", "headcount", ("c1", "c2"), "100 and 140", rule="tolerance",
                   consensus=100.0, support=2, outliers=("c2",))


def test_the_store_keeps_what_the_last_two_runs_read(tmp_path):
    path = tmp_path / "s.sqlite"
    one = SlotStore(path)
    one.put("a|headcount", "d1", [_finding("f-1")])
    one.put("b|headcount", "d2", [])
    one.close()
    two = SlotStore(path)
    assert two.get("a|headcount", "d1") == [_finding("f-1")]  # read back as it was written
    assert two.get("a|headcount", "other digest") is None
    two.close()  # « b » not read by this run, but by the one before: kept
    three = SlotStore(path)
    three.close()  # it reads nothing: what run one alone read (« b ») is dropped
    four = SlotStore(path)
    assert four.get("b|headcount", "d2") is None
    assert four.get("a|headcount", "d1") is not None  # run two read it, the one before three: kept
    four.close()
    five = SlotStore(path)
    assert five.get("a|headcount", "d1") is not None  # read again by run four
    five.close()
    six, seven = SlotStore(path), None
    six.close()
    seven = SlotStore(path)
    seven.close()
    eight = SlotStore(path)
    assert eight.get("a|headcount", "d1") is None  # read last by run five, before six and seven: dropped
    eight.close()


def test_compare_all_takes_a_slots_findings_from_the_memo_only_for_the_same_claims():
    a = make(100.0, "quantity", None, None, "s1", False)
    b = make(140.0, "quantity", None, None, "s2", False)

    class Memo(dict):
        def get(self, key, digest):
            return dict.get(self, (key, digest))

        def put(self, key, digest, found):
            self[(key, digest)] = found

    memo = Memo()
    plain = S.compare_all([a, b])[0]
    assert S.compare_all([a, b], memo=memo, salt="x")[0] == plain and len(memo) == 1
    ((key, digest),) = memo
    memo[(key, digest)] = [_finding("f-from-the-memo")]
    assert [f.id for f in S.compare_all([a, b], memo=memo, salt="x")[0]] == ["f-from-the-memo"]
    assert S.compare_all([a, b], memo=memo, salt="other code")[0] == plain  # another salt: compared
    changed = replace(b, value=150.0)
    assert S.slot_digest(S.slots([a, changed])[0], "x") != digest
    assert S.compare_all([a, changed], memo=memo, salt="x")[0] != [_finding("f-from-the-memo")]


def test_another_database_in_its_place_is_said_and_rebuilt(tmp_path):
    path = tmp_path / "s.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
        db.execute("INSERT INTO meta VALUES ('schema', '99')")
    said: list[str] = []
    store = SlotStore(path, said)
    store.put("a|headcount", "d1", [_finding("f-1")])
    store.close()
    assert len(said) == 1 and "W017" in said[0] and "rebuilt" in said[0]
    again = SlotStore(path, said)
    assert again.get("a|headcount", "d1") == [_finding("f-1")] and len(said) == 1
    again.close()


def test_runs_that_overlap_share_the_store_and_its_count_never_goes_back(tmp_path):
    path = tmp_path / "s.sqlite"
    said: list[str] = []
    long_run, short_run = SlotStore(path, said), SlotStore(path, said)  # both open a store not yet made
    short_run.put("b|headcount", "d2", [])
    short_run.close()
    later = SlotStore(path, said)
    later.close()
    long_run.put("a|headcount", "d1", [_finding("f-1")])
    long_run.close()  # it began first and counted 1; the store had counted 2
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT value FROM meta WHERE name = 'run'").fetchone()[0] == "2"
    assert said == []
    last = SlotStore(path, said)
    assert last.get("a|headcount", "d1") == [_finding("f-1")]
    last.close()


def test_a_run_after_the_one_that_extracted_reads_every_slot_from_the_store(tmp_path, nlp):
    """The claims read back from the claim cache are those extraction made, field for field: the second run
    finds every slot's digest in the store (a `check` just after a `report` compares nothing anew)."""
    cache = tmp_path / "cache"
    run(options=Options(paths=[str(SOURCES)], cache_dir=str(cache)), nlp=nlp)  # extracts, writes both caches
    with counting() as counted:
        run(options=Options(paths=[str(SOURCES)], cache_dir=str(cache)), nlp=nlp)  # reads the claim cache
    assert counted["misses"] == 0 and counted["hits"] > 0
