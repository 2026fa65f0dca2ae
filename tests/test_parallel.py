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
    """Slots compared in two forked processes (every other slot each): the same findings, in the same order."""
    from functools import partial

    from reconcile.compare import slots as S
    from reconcile.extract.lexicon import load as load_lexicon
    from reconcile.pipeline import fork_mapper

    lex = load_lexicon()
    every = S.slots(list(corpus_report.claims), story=S.story_entity(list(corpus_report.claims)))
    judge = partial(S._slot_findings, exclusions=lex.state_exclusions, cumulative=lex.cumulative, lex=lex)
    assert len(every) > 3
    assert fork_mapper(2, min_items=0)(judge, every) == [judge(s) for s in every]
    assert fork_mapper(3, min_items=0)(abs, list(range(-5, 5))) == [abs(x) for x in range(-5, 5)]  # 10 in 3 shares
