"""A check of a corpus that only grew (issue 12: `check` of one new article against a large base): the new
articles are settled on the last whole run's tallies (corpus.settle with a base) and only the slots they
touch are compared; the report is that of reading the whole corpus again, and the whole corpus is read
whenever the new articles change what the corpus decided, or an article changed or went."""
from __future__ import annotations

import datetime as dt
import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile import pipeline
from reconcile.corpus import Names, settle
from reconcile.extract.lexicon import load as load_lexicon
from reconcile.model import Claim, Interval
from reconcile.normalize.entities import default_registry
from reconcile.pipeline import CORPUS, RUN, Options, run

ROOT = Path(__file__).resolve().parents[1]
FIELDS = ("claims", "findings", "observations", "entities", "stale_decisions", "warnings")

# ---------------------------------------------------------------- the passes, on claims of our own

# names one or two letters apart (merged when one is written more), parts of longer names, an acronym
NAMES = ["Fabrex", "Fabrexa", "Fabrexb", "Chaudronneries Lacaze", "Chaudroneries Lacaze", "Lacaze",
         "Société Vernier Lacaze", "SVL", "Orvale", "Gazette de Vaulx", "Vaulx"]
ORIGINS = ["main entity", "clause", "thing", "incident", "story"]
ATTRIBUTES = ["headcount", "count:victims", "revenue", "date:announce"]
rows = st.tuples(st.sampled_from(NAMES + ["(story)", "(tempête)"]), st.sampled_from(ATTRIBUTES),
                 st.sampled_from(ORIGINS), st.sampled_from([None, "Orvale", "la CGT"]),
                 st.sampled_from([(), (("place", "Vaulx"),), (("places", "Vaulx|Orvale"),)]))
articles = st.lists(st.lists(rows, min_size=1, max_size=6), min_size=2, max_size=7)


def _claims(corpus: list[list[tuple]]) -> list[Claim]:
    out = []
    for a, rows_ in enumerate(corpus):
        for i, (entity, attribute, origin, who, scope) in enumerate(rows_):
            out.append(Claim(id=f"c{a}-{i}", source=f"s{a}", start=i, end=i + 1, line=1, quote="q", sentence="",
                             entity=entity, attribute=attribute, value=float(i + 1), kind="quantity",
                             time=Interval(dt.date(2025, 1, 1 + a), dt.date(2025, 1, 1 + a)), subject_origin=origin, attributed_to=who,
                             scope=tuple(sorted(scope))))
    return out


@settings(max_examples=120, deadline=None)
@given(articles, st.data())
def test_new_articles_settled_on_the_base_are_settled_as_in_the_whole(corpus, data):
    """Settling the new articles on the base's tallies, and anew the base articles whose names took another
    display name, gives what settling the whole corpus gives, whenever it gives anything."""
    lex, registry = load_lexicon(), default_registry()
    place = lambda n: n == "Vaulx"  # noqa: E731
    new = set(data.draw(st.lists(st.integers(0, len(corpus) - 1), min_size=1, max_size=2)))
    claims = _claims(corpus)
    ids = [f"s{a}" for a in range(len(corpus))]
    rank = ids.index
    heads = {s: f"Titre {s} à Vaulx" if int(s[1:]) % 2 else f"Titre {s}" for s in ids}
    whole = settle(claims, heads, Names(registry, lex, is_place=place), lex, is_place=place, rank=rank)
    old = [c for c in claims if int(c.source[1:]) not in new]
    names = Names(registry, lex, is_place=place)
    base = settle(old, {s: h for s, h in heads.items() if int(s[1:]) not in new}, names, lex, is_place=place,
                  rank=rank)
    asked: list[set] = []

    def again(changed):
        asked.append(changed)
        srcs = {s for n in changed for s in base.tally.written_in[n]}
        return [c for c in old if c.source in srcs]

    grown = settle([c for c in claims if int(c.source[1:]) in new], heads, names, lex, is_place=place, rank=rank,
                   base=base, again=again)
    if grown is None:
        return  # a decision of the corpus changed: the pipeline settles the whole
    assert grown.decisions == whole.decisions and grown.entities == whole.entities and grown.mapping == whole.mapping
    redone = {c.source for c in grown.claims}
    assert sorted(grown.claims, key=lambda c: (rank(c.source), c.start)) == \
        [c for c in whole.claims if c.source in redone]
    assert [c for c in base.claims if c.source not in redone] == [c for c in whole.claims if c.source not in redone]
    assert {f: dict(v) if isinstance(v, Counter) else v for f, v in vars(grown.tally).items() if f != "written_in"} \
        == {f: dict(v) if isinstance(v, Counter) else v for f, v in vars(whole.tally).items() if f != "written_in"}


def test_a_name_written_more_by_the_new_article_takes_in_the_base_articles_spellings():
    """« Chaudronneries Lacaze » written once more than « Chaudroneries Lacaze » in the base (two articles
    each): the new article tips it; the base articles writing the spelling are settled anew."""
    lex, registry = load_lexicon(), default_registry()
    corpus = [[("Chaudronneries Lacaze", "headcount", "clause", None, ())],
              [("Chaudroneries Lacaze", "headcount", "clause", None, ())],
              [("Fabrex", "revenue", "clause", None, ())],
              [("Chaudronneries Lacaze", "revenue", "clause", None, ())]]
    claims = _claims(corpus)
    rank = lambda s: int(s[1:])  # noqa: E731
    heads = {c.source: "Titre" for c in claims}
    names = Names(registry, lex)
    base = settle(claims[:3], heads, names, lex, is_place=lambda n: False, rank=rank)
    assert {c.entity for c in base.claims} == {"Chaudronneries Lacaze", "Chaudroneries Lacaze", "Fabrex"}
    asked = []
    grown = settle(claims[3:], heads, names, lex, is_place=lambda n: False, rank=rank, base=base,
                   again=lambda changed: asked.append(changed) or [c for c in claims[:3] if c.source == "s1"])
    assert asked == [{"Chaudroneries Lacaze"}]
    assert [(c.source, c.entity) for c in grown.claims] == [("s3", "Chaudronneries Lacaze"),
                                                            ("s1", "Chaudronneries Lacaze")]
    assert [c.entity for c in grown.undone] == ["Chaudroneries Lacaze"]


# ---------------------------------------------------------------- the pipeline, on articles

def _corpus(tmp_path: Path) -> list[Path]:
    """The bundled articles and those of three stories, in one folder (a story of its own each)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for src in [ROOT / "sources", *(ROOT / "tests" / "stories" / s / "sources" for s in ("budget", "usines", "proces"))]:
        for f in sorted(src.iterdir()):
            if f.suffix in (".txt", ".md"):
                shutil.copy(f, folder / f"{src.parent.name}-{f.name}")
    return sorted(folder.iterdir())


@pytest.fixture(scope="module")
def warm(tmp_path_factory, nlp):
    """A corpus and a claim cache that holds every article's claims."""
    tmp = tmp_path_factory.mktemp("grown")
    files = _corpus(tmp)
    run(options=Options(paths=[str(tmp / "corpus")], cache_dir=str(tmp / "cache"), out_dir=str(tmp / "out")), nlp=nlp)
    return tmp, files


def _check(tmp: Path, nlp, used: list | None = None, monkeypatch=None):
    if used is not None:
        grown = pipeline._grown
        monkeypatch.setattr(pipeline, "_grown", lambda *a, **k: used.append(grown(*a, **k)) or used[-1])
    return run(options=Options(paths=[str(tmp / "corpus")], cache_dir=str(tmp / "cache"), out_dir=str(tmp / "out"),
                               findings_only=True), nlp=nlp)


def _base_without(tmp: Path, nlp, new: Path) -> None:
    """The corpus state of the corpus without the article `new`, which is then back: new to a check."""
    hold = tmp / new.name
    shutil.move(new, hold)
    try:
        _whole(tmp, nlp)
    finally:
        shutil.move(hold, new)
    (tmp / "cache" / RUN).unlink()


def _whole(tmp: Path, nlp):
    """The check that reads the whole corpus: no corpus state, no run memo."""
    for name in (CORPUS, RUN):
        (tmp / "cache" / name).unlink(missing_ok=True)
    return _check(tmp, nlp)


@pytest.mark.parametrize("pick", [0, 4, 9, 13, 17, -1])
def test_a_check_of_new_articles_reports_what_reading_the_whole_corpus_reports(warm, nlp, pick, monkeypatch):
    tmp, files = warm
    new = files[pick]
    hold = tmp / new.name
    shutil.move(new, hold)
    try:
        _whole(tmp, nlp)  # the base: its corpus state kept
        shutil.move(hold, new)
        (tmp / "cache" / RUN).unlink()
        used: list = []
        grown = _check(tmp, nlp, used, monkeypatch)
        monkeypatch.undo()
        whole = _whole(tmp, nlp)
        for f in FIELDS:
            assert getattr(grown, f) == getattr(whole, f), f
        assert len(used) == 1
    finally:
        if hold.exists():
            shutil.move(hold, new)


def test_most_new_articles_are_checked_without_reading_the_whole_corpus(warm, nlp, monkeypatch):
    """In a corpus of four stories one article seldom changes what the corpus decided: the state serves."""
    tmp, files = warm
    served = 0
    for new in files[1::3]:
        hold = tmp / new.name
        shutil.move(new, hold)
        _whole(tmp, nlp)
        shutil.move(hold, new)
        (tmp / "cache" / RUN).unlink()
        used: list = []
        _check(tmp, nlp, used, monkeypatch)
        monkeypatch.undo()
        served += used[0] is not None
    assert served * 2 > len(files[1::3])


def test_an_article_changed_since_the_state_makes_the_check_read_the_whole_corpus(warm, nlp, monkeypatch):
    tmp, files = warm
    _whole(tmp, nlp)
    text = files[2].read_text("utf-8")
    try:
        files[2].write_text(text + "\nLa société emploie 12 salariés.\n", "utf-8")
        used: list = []
        grown = _check(tmp, nlp, used, monkeypatch)
        monkeypatch.undo()
        assert used == [None]
        whole = _whole(tmp, nlp)
        assert grown.findings == whole.findings
    finally:
        files[2].write_text(text, "utf-8")


def test_a_damaged_corpus_state_is_said_and_the_whole_corpus_read(warm, nlp):
    tmp, files = warm
    _whole(tmp, nlp)
    (tmp / "cache" / RUN).unlink()
    (tmp / "cache" / CORPUS).write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)
    rep = _check(tmp, nlp)
    assert any("corpus state unreadable" in w for w in rep.warnings)
    assert rep.findings == _whole(tmp, nlp).findings


def test_a_new_article_that_merges_two_spellings_of_the_base_compares_them_as_reading_all_would(tmp_path, nlp,
                                                                                                  monkeypatch):
    """The base writes « Chaudronneries Lacaze » and « Chaudroneries Lacaze » once each (a tie: two
    entities, no conflict); the new article writes the first again, which takes the second in: the article
    of the second is settled anew, and its figure now disagrees with the others, as in the whole corpus."""
    from .test_growth import HEAD

    folder = tmp_path / "corpus"
    folder.mkdir()
    body = {"a": "Le fabricant Fabrex emploie 1 200 salariés à Vaulx. Son sous-traitant, Chaudronneries Lacaze, "
                 "compte 80 salariés.\n",
            "b": "Le fabricant Fabrex emploie 1 200 salariés à Vaulx. Son sous-traitant, Chaudroneries Lacaze, "
                 "compte 140 salariés.\n",
            "c": "Le fabricant Fabrex emploie 1 200 salariés à Vaulx.\n",
            "d": "Le fabricant Fabrex emploie 1 200 salariés à Vaulx. Son sous-traitant, Chaudronneries Lacaze, "
                 "compte 80 salariés.\n"}
    for i, name in enumerate("abc"):
        (folder / f"{name}.txt").write_text(HEAD.format(title="Fabrex à Vaulx", day=f"2025-03-0{i + 1}",
                                                        outlet=f"Journal {name}") + body[name], "utf-8")
    _whole(tmp_path, nlp)
    (folder / "d.txt").write_text(HEAD.format(title="Fabrex à Vaulx", day="2025-03-05", outlet="Journal d")
                                  + body["d"], "utf-8")
    used: list = []
    redone: list = []
    again = pipeline.settle

    def spy(*a, **k):
        if k.get("again"):
            ask = k["again"]
            k["again"] = lambda changed: redone.append(changed) or ask(changed)
        return again(*a, **k)

    monkeypatch.setattr(pipeline, "settle", spy)
    grown = _check(tmp_path, nlp, used, monkeypatch)
    monkeypatch.undo()
    whole = _whole(tmp_path, nlp)
    for f in FIELDS:
        assert getattr(grown, f) == getattr(whole, f), f
    assert used[0] is not None and redone  # the state served, and a base article was settled anew
    assert any("Lacaze" in f.entity for f in whole.findings)


PLACES = ["Vaulx", "Vaulx-en-Velin", "Orvale", "rue des Tisserands", "Montbrac", "Lize"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.dictionaries(st.sampled_from(["s1", "s2", "s3", "s4"]),
                                          st.lists(st.sampled_from(PLACES + ["Grève", ":", "à", "Vaulxois"]),
                                                   max_size=5).map(" ".join), min_size=1),
                          st.sets(st.sampled_from(PLACES))), min_size=1, max_size=4))
def test_the_place_headlines_name_kept_between_runs_is_the_place_read_afresh(steps):
    """Headlines come, change and go, the pool of places grows and shrinks: what HeadlinePlaces kept of the
    headlines read before gives the place that reading them all afresh gives."""
    from reconcile.compare.slots import HeadlinePlaces, headline_place

    kept = HeadlinePlaces()
    for headlines, pool in steps:
        assert kept(headlines, pool) == headline_place(headlines, pool)


@pytest.mark.parametrize("damage", ["meta", "slots"])
def test_a_corpus_state_damaged_within_is_said_and_the_whole_corpus_read(warm, nlp, damage):
    """A state that SQLite reads but whose rows are not what was written (a field gone, a slot's claims not
    claims): said, and the whole corpus read; nothing raised."""
    import sqlite3

    tmp, files = warm
    _base_without(tmp, nlp, files[4])
    db = sqlite3.connect(tmp / "cache" / CORPUS)
    if damage == "meta":
        meta = json.loads(db.execute("SELECT value FROM meta WHERE name = 'meta'").fetchone()[0])
        del meta["memo"]
        db.execute("UPDATE meta SET value = ? WHERE name = 'meta'", (json.dumps(meta),))
    else:
        db.execute("UPDATE slots SET claims = '[[0, {\"id\": 3}]]'")
    db.commit()
    db.close()
    rep = _check(tmp, nlp)
    assert any("corpus state unreadable" in w for w in rep.warnings)
    assert rep.findings == _whole(tmp, nlp).findings


def test_a_check_of_a_grown_corpus_leaves_its_result_for_the_next_check(warm, nlp, monkeypatch):
    """The run memo of a check of new articles is written by a process of its own (the check does not wait
    for it); the next check with nothing changed takes it: no comparing, the same report."""
    import time

    tmp, files = warm
    _base_without(tmp, nlp, files[7])
    used: list = []
    grown = _check(tmp, nlp, used, monkeypatch)
    monkeypatch.undo()
    assert used[0] is not None
    memo = tmp / "cache" / RUN
    for _ in range(200):  # the writer's process: a moment
        if memo.is_file():
            break
        time.sleep(0.05)
    assert json.loads(memo.read_text("utf-8").splitlines()[0])["schema"]
    monkeypatch.setattr(pipeline, "compare_all", lambda *a, **k: pytest.fail("compared again"))
    again = _check(tmp, nlp)
    for f in FIELDS:
        assert getattr(again, f) == getattr(grown, f), f


def test_the_console_scripts_check_of_a_grown_corpus_says_what_a_check_in_this_process_says(warm, nlp):
    """`python -m reconcile check` on a corpus grown by one article: its reader forked first thing, the corpus
    state taken up and left unfreed as it leaves (cli.entry); it says what the same check run here says,
    and it did not read the whole corpus (that would have written the corpus state anew)."""
    import subprocess
    import sys
    import time

    from click.testing import CliRunner

    from reconcile.cli import main

    tmp, files = warm
    _base_without(tmp, nlp, files[10])
    state = tmp / "cache" / CORPUS
    before = state.stat().st_mtime_ns
    args = ["check", str(tmp / "corpus"), "--claims-dir", str(tmp), "--format", "json", "--jobs", "2"]
    done = subprocess.run([sys.executable, "-m", "reconcile", "-q", *args], capture_output=True, text=True, cwd=tmp)
    assert done.returncode in (0, 1), done.stderr
    assert state.stat().st_mtime_ns == before
    memo = tmp / "cache" / RUN
    for _ in range(600):  # the run memo it leaves, written behind it: gone, so that this process checks anew
        if memo.is_file():
            break
        time.sleep(0.05)
    memo.unlink(missing_ok=True)
    here = CliRunner().invoke(main, ["-q", *args])
    assert (here.exit_code, here.stdout) == (done.returncode, done.stdout)
    assert json.loads(done.stdout)["sources"]["new"] == sorted(f.stem for f in files)  # no claim base: all new
