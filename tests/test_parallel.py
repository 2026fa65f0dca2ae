"""Claims extracted by worker processes (issue 12, item 1): the same report as in one process."""
from __future__ import annotations

import json
import shutil

from reconcile import pipeline
from reconcile.pipeline import Options, run
from reconcile.render import render

from .conftest import ROOT, SOURCES


def _corpus(tmp_path):
    d = tmp_path / "corpus"
    shutil.copytree(SOURCES, d)
    for f in (ROOT / "tests" / "stories" / "crue" / "sources").iterdir():
        shutil.copy(f, d / f"crue-{f.name}")
    return d


def test_two_processes_give_the_report_of_one(tmp_path, nlp):
    d = _corpus(tmp_path)
    one = run(options=Options(paths=[str(d)], jobs=1), nlp=nlp)
    two = run(options=Options(paths=[str(d)], jobs=2, parallel_min_chars=0), nlp=nlp)
    assert len(one.claims) > 100 and one.findings
    assert render(two, "json") == render(one, "json")


def test_workers_read_every_source_once_and_say_each(tmp_path, nlp, monkeypatch):
    d = _corpus(tmp_path)
    seen = []
    run(options=Options(paths=[str(d)], jobs=2, parallel_min_chars=0, progress=seen.append), nlp=nlp)
    assert sorted(seen) == sorted(p.stem for p in d.iterdir() if p.suffix in (".txt", ".md"))


def test_a_worker_that_fails_on_one_source_costs_only_that_source(tmp_path, nlp, monkeypatch):
    d = _corpus(tmp_path)
    real = pipeline.claims_of

    def choke(src, *a, **k):
        if src.id.startswith("crue-02"):
            raise MemoryError("out of memory")
        return real(src, *a, **k)

    monkeypatch.setattr(pipeline, "claims_of", choke)  # inherited by the forked workers
    rep = run(options=Options(paths=[str(d)], jobs=2, parallel_min_chars=0), nlp=nlp)
    data = json.loads(render(rep, "json"))
    bad = [s["id"] for s in data["sources"] if s["id"].startswith("crue-02")]
    assert bad and not [c for c in data["claims"] if c["source"] in bad]
    assert any(w.startswith("W014") and "crue-02" in w and "MemoryError" in w for w in data["warnings"])
    assert len({c["source"] for c in data["claims"]}) == len(data["sources"]) - 1  # every other source has claims


def test_too_little_text_stays_in_this_process(tmp_path, nlp, monkeypatch):
    d = _corpus(tmp_path)

    def no_pool(*a, **k):
        raise AssertionError("a pool was started")

    monkeypatch.setattr(pipeline, "ProcessPoolExecutor", no_pool)
    rep = run(options=Options(paths=[str(d)], jobs=2, parallel_min_chars=10**9), nlp=nlp)
    assert rep.claims
    assert pipeline.cores() >= 1


def test_the_fork_mapper_gives_the_slots_findings_in_order_as_one_process_does(corpus_report):
    """Slots compared in two forked processes (in batches, the greatest slots first): the same findings, in
    the same order."""
    from functools import partial

    from reconcile.compare import slots as S
    from reconcile.extract.lexicon import load as load_lexicon
    from reconcile.pipeline import fork_mapper

    lex = load_lexicon()
    every = S.slots(list(corpus_report.claims), story=S.story_entity(list(corpus_report.claims)))
    judge = partial(S._slot_findings, exclusions=lex.state_exclusions, cumulative=lex.cumulative, lex=lex)
    assert len(every) > 3
    assert fork_mapper(2, min_items=0)(judge, every) == [judge(s) for s in every]
    assert fork_mapper(2, min_items=0, weight=pipeline.slot_weight)(judge, every) == [judge(s) for s in every]
    assert fork_mapper(3, min_items=0)(abs, list(range(-5, 5))) == [abs(x) for x in range(-5, 5)]  # 10 in 3 shares


def test_batches_hold_every_item_once_the_heaviest_first_and_about_equal():
    weights = [1.0] * 90 + [40.0, 3.0, 25.0] + [1.0] * 30
    batches = pipeline._batches(weights, 8)
    flat = [i for b in batches for i in b]
    assert sorted(flat) == list(range(len(weights)))
    assert flat[:3] == [90, 92, 91]  # the heaviest handed out first
    target = sum(weights) / 8
    assert batches[0] == [90]  # heavier than a batch's share: alone
    assert all(sum(weights[i] for i in b) < target + max(weights[i] for i in b) for b in batches)
    assert len(batches) <= 9


def _cached_corpus(tmp_path, nlp, monkeypatch):
    """The corpus, its claims cached by a first run, then one new article and one changed one; the model
    a forked process would load is the one already here (inherited by the fork)."""
    d = _corpus(tmp_path)
    cache = tmp_path / "cache"
    run(options=Options(paths=[str(d)], cache_dir=str(cache), jobs=1), nlp=nlp)
    shutil.copy(ROOT / "tests" / "stories" / "greve" / "sources" / sorted(
        p.name for p in (ROOT / "tests" / "stories" / "greve" / "sources").iterdir() if p.suffix == ".txt")[0],
        d / "zz-new.txt")
    changed = sorted(d.glob("crue-*"))[0]
    changed.write_text(changed.read_text("utf-8").replace("\n\n", "\n\nUne phrase de plus.\n\n", 1), "utf-8")
    monkeypatch.setattr(pipeline.nlp_mod, "load", lambda *a, **k: nlp)
    return d, cache, changed


def test_new_sources_are_read_ahead_while_the_cache_is_read_the_same_report(tmp_path, nlp, monkeypatch):
    """A check of a new article against a cached base: the article is read in a forked process (its model
    loading meanwhile), and so is an article whose cache entry no longer matches; the report is the one
    that reading them here gives."""
    d, cache, changed = _cached_corpus(tmp_path, nlp, monkeypatch)
    here = run(options=Options(paths=[str(d)], jobs=1), nlp=nlp)
    asked = []
    real = pipeline.Ahead.claims
    monkeypatch.setattr(pipeline.Ahead, "claims",
                        lambda self, todo, progress=None: asked.append(sorted(s.id for s in todo)) or
                        real(self, todo, progress))
    seen = []
    ahead = run(options=Options(paths=[str(d)], cache_dir=str(cache), jobs=2, progress=seen.append))
    assert asked == [sorted(["zz-new", changed.stem])]
    assert render(ahead, "json") == render(here, "json")
    assert sorted(seen) == sorted(s.id for s in here.sources)
    assert any(c.source == "zz-new" for c in ahead.claims) and any(c.source == changed.stem for c in ahead.claims)


def test_one_job_or_a_model_given_reads_no_source_ahead(tmp_path, nlp, monkeypatch):
    d, cache, _ = _cached_corpus(tmp_path, nlp, monkeypatch)

    def no_ahead(*a, **k):
        raise AssertionError("read ahead")

    monkeypatch.setattr(pipeline.Ahead, "__init__", no_ahead)
    other = tmp_path / "cache2"
    shutil.copytree(cache, other)  # each run finds the new article uncached
    one = run(options=Options(paths=[str(d)], cache_dir=str(cache), jobs=1))
    given = run(options=Options(paths=[str(d)], cache_dir=str(other), jobs=2), nlp=nlp)
    assert render(one, "json") == render(given, "json")
    monkeypatch.setattr(pipeline, "cores", lambda: 1)  # the default on a machine of one core: one job
    shutil.rmtree(other)
    shutil.copytree(cache, other)
    (other / "zz-new.json").unlink()
    alone = run(options=Options(paths=[str(d)], cache_dir=str(other)))
    assert render(alone, "json") == render(one, "json")


def test_a_read_ahead_process_that_dies_costs_nothing(tmp_path, nlp, monkeypatch):
    """The forked reader killed before it answers: the new and changed articles are read here instead, the
    same report, each source said once."""
    import os

    d, cache, changed = _cached_corpus(tmp_path, nlp, monkeypatch)
    here = run(options=Options(paths=[str(d)], jobs=1), nlp=nlp)
    parent = os.getpid()
    monkeypatch.setattr(pipeline.nlp_mod, "load",  # inherited by the fork: the forked reader dies loading the model
                        lambda *a, **k: os._exit(3) if os.getpid() != parent else nlp)
    seen = []
    ahead = run(options=Options(paths=[str(d)], cache_dir=str(cache), jobs=2, progress=seen.append))
    assert render(ahead, "json") == render(here, "json")
    assert sorted(seen) == sorted(s.id for s in here.sources)


def test_a_reader_whose_claims_are_not_asked_for_is_stopped(tmp_path, nlp, monkeypatch):
    """An article whose claims the cache lost, in a corpus the last run's result serves (the run memo): the
    process forked to read it is stopped, not waited for while it loads the model."""
    import signal
    import time

    from reconcile.pipeline import RUN

    d, cache, _ = _cached_corpus(tmp_path, nlp, monkeypatch)
    first = run(options=Options(paths=[str(d)], cache_dir=str(cache), jobs=2, findings_only=True))
    assert (cache / RUN).is_file()
    (cache / "zz-new.json").unlink()  # the memo still holds: same sources, same settings
    monkeypatch.setattr(pipeline.nlp_mod, "load", lambda *a, **k: time.sleep(600))  # the reader never gets there
    stopped = []
    real = pipeline.Ahead.close
    monkeypatch.setattr(pipeline.Ahead, "close", lambda self: real(self) or stopped.append(self.proc.exitcode))
    again = run(options=Options(paths=[str(d)], cache_dir=str(cache), jobs=2, findings_only=True))
    assert set(stopped) == {-signal.SIGTERM}  # (closing it again does nothing)
    assert again.findings == first.findings


def test_a_writer_left_behind_holds_none_of_the_commands_streams(tmp_path):
    """The process a check leaves to write its run memo (pipeline._behind) reads and writes the null device:
    whoever reads the command's output to its end (a CI step) does not wait for it."""
    import os
    import subprocess
    import sys
    import time

    from reconcile.pipeline import _behind

    out = tmp_path / "streams.txt"

    def write():
        null = os.stat(os.devnull)
        out.write_text(repr([os.path.samestat(os.fstat(fd), null) for fd in (0, 1, 2)]), "utf-8")

    _behind(write)
    for _ in range(400):
        if out.is_file() and out.read_text("utf-8"):
            break
        time.sleep(0.05)
    assert out.read_text("utf-8") == "[True, True, True]"
    script = "import time; from reconcile.pipeline import _behind; _behind(lambda: time.sleep(60)); print('answered')"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=30)
    assert done.stdout == "answered\n"  # returned while the writer still sleeps: the pipes were not held
