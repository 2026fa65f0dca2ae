"""The whole job: read sources, extract claims, compare them, apply decisions.

An edge module: it reads files through `sources` and `store`, and calls the
pure stages (`extract`, `compare`) on what they return.
"""
from __future__ import annotations

import multiprocessing
import os
import sqlite3
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable

from . import __version__
from .heap import held_off, spare
from .errors import W_CACHE, W_EXTRACTION, reason, warning
from .compare.slots import HeadlinePlaces, compare_all, continues, slots as slots_of, sort_findings
from .compare.totals import inconsistent_totals
from .corpus import Names, canonicalize, settle  # noqa: F401 (canonicalize: of this module's API)
from .extract import claims as extract_claims
from .extract import nlp as nlp_mod
from .extract.entities import Gazetteer
from .extract.lexicon import Lexicon
from .model import Claim, Finding, Report, Source, amend, latest_decision
from .normalize import places
from .normalize.entities import Registry
from .sources import MAX_SIZE, load as load_sources
from . import settings as settings_mod


# Below this much text to read, sources are read in this process: a chosen bound, not a measured one (a
# fork is cheap, but a worker's claims come back pickled); benchmarks/scale.py measures the two ways
PARALLEL_MIN_CHARS = 60_000
CHUNK_CHARS = 50_000  # text parsed in one stream, and handed to a worker at a time: a chosen size
SLOTS = "slots.sqlite"  # in the cache folder: the findings of each slot, by the digest of its claims
RUN = "run.jsonl"  # in the cache folder: what the last run found (store.RunMemo: JSON Lines, its key first)
CORPUS = "corpus.sqlite"  # in the cache folder: the last whole run's corpus (store.CorpusState)
SHELF = "sources.json"  # in the cache folder: what reading each source file gave (store.SourceShelf)


@dataclass
class Options:
    """Everything a run can be told; the CLI builds one of these."""

    paths: list[str] = field(default_factory=lambda: ["sources"])
    aliases: list[str] = field(default_factory=list)
    decisions: dict | None = None  # finding id -> decision record (see store)
    cache_dir: str | None = None  # where per-source claims are cached by content hash
    out_dir: str = "reports"  # where reports go; text extracted from HTML goes to out_dir/extracted/
    progress: Callable[[str], None] | None = None
    max_size: int = MAX_SIZE  # bytes: a bigger source is skipped with a warning
    follow_symlinks: bool = False  # read symbolic links that lead out of the sources folder
    jobs: int | None = None  # processes extracting claims (None: the cores this process may use)
    engine: str = "local"  # « dask »: extraction and comparison on the workers of a Dask cluster
    scheduler: str | None = None  # the Dask scheduler's address (None: a local cluster of `jobs` workers)
    parallel_min_chars: int = PARALLEL_MIN_CHARS  # less text than this to read is read in this process
    findings_only: bool = False  # the claims of the findings are enough (check): the last run's may serve
    spare: list | None = None  # where a run leaves the corpus state it took in rather than free it: for a caller
    # that leaves its process at once (cli.entry), freeing a million objects one by one is time lost
    reader: "Ahead | None" = None  # a process the caller forked to load the model early (Ahead): the run gives
    # it the few sources the claim cache does not hold, or stops it; the run started one itself otherwise


def registry_for(paths: Iterable[str | Path], extra: Iterable[str | Path] = ()) -> tuple[Registry, list[str]]:
    """The packaged registry, plus `entities.toml` beside the sources, plus extra files (and the
    texts of the user files read)."""
    return settings_mod.registry_for(settings_mod.folders_of(paths), extra)


def claims_of(source: Source, gazetteer: Gazetteer, *, nlp=None, lex: Lexicon | None = None,
              lines: list | None = None) -> list[Claim]:
    """The claims of one source (parses it with spaCy, unless its parsed `lines` are given); `lex`: the
    run's settings' lexicon."""
    if lines is None:
        lines = nlp_mod.parse(source.text, start=source.body_start, nlp=nlp)
    return extract_claims.extract_article(source, lines, gazetteer, lex=lex)


def cores() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


_WORKER: dict = {}  # what a worker process extracts with: set in the parent before the fork, inherited


def chunks(sources: list[Source], budget: int = CHUNK_CHARS) -> list[list[Source]]:
    """The sources, longest first, in runs of about `budget` characters: what one model stream reads (a
    batch of the model holds lines of several short articles) and one worker is handed at a time."""
    out: list[list[Source]] = []
    size = budget
    for src in sorted(sources, key=lambda s: -len(s.text)):  # the longest first: the workers finish together
        if size >= budget:
            out.append([])
            size = 0
        out[-1].append(src)
        size += len(src.text)
    return out


def extract_all(sources: list[Source], gazetteer: Gazetteer, lex: Lexicon, *, nlp=None, jobs: int | None = None,
                min_chars: int = PARALLEL_MIN_CHARS, progress=None) -> dict[str, tuple[list[Claim], str | None]]:
    """source id -> (its claims, None) or ([], the warning that says why it has none). The sources are
    parsed in chunks, each one stream of the model's batches. With more than one job and enough text,
    the chunks are read by worker processes forked from this one (the model and the settings loaded
    once, here); the claims are the same as in one process."""
    jobs = cores() if jobs is None else max(1, jobs)
    parallel = jobs > 1 and len(sources) > 1 and sum(len(s.text) for s in sources) >= min_chars \
        and "fork" in multiprocessing.get_all_start_methods()
    out = {}

    def collect(results) -> dict:
        for done in results:  # each chunk's (source id, claims or warning), as it is read
            for sid, got in done:
                if progress:
                    progress(sid)
                out[sid] = got
        return out

    if not parallel:
        return collect(chunk_claims(chunk, gazetteer, lex, nlp) for chunk in chunks(sources))
    _WORKER.update(gazetteer=gazetteer, lex=lex, nlp=nlp or nlp_mod.load())
    try:
        with ProcessPoolExecutor(max_workers=min(jobs, len(sources)),
                                 mp_context=multiprocessing.get_context("fork")) as pool:
            return collect(pool.map(_in_worker, chunks(sources), chunksize=1))
    finally:
        _WORKER.clear()


def fork_mapper(jobs: int, min_items: int = 2000, weight: Callable[[object], float] = lambda x: 1.0,
                shares: int = 16) -> Callable[[Callable, list], list]:
    """A `mapper` for compare_all: the items (slots) to compare handed, a batch at a time, to `jobs` processes
    forked from this one (they inherit the items; only the results come back), the results in the items'
    order; here, one after the other, for fewer than `min_items` items or one job. The heaviest items
    (`weight`: a slot's claims) go first, and batches weigh about 1/`shares` of a process's part, so that one
    great slot never ends the run alone while the other process has long finished."""
    def mapper(fn: Callable, items: list) -> list:
        if jobs <= 1 or len(items) < min_items or "fork" not in multiprocessing.get_all_start_methods():
            return [fn(x) for x in items]
        batches = _batches([weight(x) for x in items], jobs * shares)
        _WORKER.update(fn=fn, items=items)
        try:
            with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
                done = list(pool.map(_map_batch, batches))
        finally:
            _WORKER.clear()
        out: list = [None] * len(items)
        for batch, results in zip(batches, done):
            for i, r in zip(batch, results):
                out[i] = r
        return out

    return mapper


def _batches(weights: list[float], n: int) -> list[list[int]]:
    """Indexes of items in batches of about 1/`n` of the whole weight, the heaviest items first (an item
    heavier than that alone in its batch)."""
    order = sorted(range(len(weights)), key=lambda i: -weights[i])
    target = sum(weights) / max(n, 1)
    out: list[list[int]] = []
    load = target
    for i in order:
        if load >= target:
            out.append([])
            load = 0.0
        out[-1].append(i)
        load += weights[i]
    return out


def _map_batch(batch: list[int]) -> list:
    items = _WORKER["items"]
    return [_WORKER["fn"](items[i]) for i in batch]


def slot_weight(slot) -> float:
    """What comparing a slot costs, roughly: its claims."""
    return float(len(slot.claims))


class Ahead:
    """A process forked from this one that loads the model at once and then reads the few sources it is
    given (a `check` of one new article against a large base): started before this one reads anything (the
    CLI starts it first thing), so that loading the model there and taking in the corpus here overlap.
    Sources found to need reading later (a cache entry that no longer matches) go to the same process.
    Should that process die (killed, out of memory), what it had not given back is read here; should no
    source be given to it, or its claims not be asked for (the last run's result serves), it is stopped,
    not waited for."""

    def __init__(self):
        self.sent: set[str] = set()
        self.gazetteer: Gazetteer | None = None
        self.lex: Lexicon | None = None
        ctx = multiprocessing.get_context("fork")
        self.conn, theirs = ctx.Pipe()
        self.proc = ctx.Process(target=_read_ahead, args=(theirs,), daemon=True)
        self.proc.start()  # the process is forked here
        theirs.close()

    @staticmethod
    def may(opts: "Options", engine=None, nlp=None) -> bool:
        """Whether a run of `opts` may read sources ahead: with a claim cache (else every source is new), on
        this machine, with the model loaded by the run itself and more than one job."""
        return bool(opts.cache_dir) and engine is None and nlp is None and opts.engine != "dask" and \
            (cores() if opts.jobs is None else opts.jobs) > 1 and "fork" in multiprocessing.get_all_start_methods()

    def give(self, gazetteer: Gazetteer, lex: Lexicon, sources: list[Source]) -> None:
        """Have the process read `sources` with the run's settings (it reads them once its model is loaded)."""
        self.gazetteer, self.lex = gazetteer, lex
        self.sent |= {s.id for s in sources}
        try:
            self.conn.send((gazetteer, lex, sources))
        except (BrokenPipeError, OSError):
            pass  # gone: its sources are read here when asked for

    def claims(self, todo: list[Source], progress=None) -> dict[str, tuple[list[Claim], str | None]]:
        """source id -> (its claims, None) or ([], why not), for every source of `todo`."""
        rest = [s for s in todo if s.id not in self.sent]
        out = {}
        got: list = []
        try:
            if self.sent:
                got += self.conn.recv()
            if rest:
                self.conn.send((self.gazetteer, self.lex, rest))
                got += self.conn.recv()
        except (EOFError, OSError):
            pass  # gone: what it gave back is kept, the rest read here
        for sid, claims in got:
            if progress:
                progress(sid)
            out[sid] = claims
        left = [s for s in todo if s.id not in out]
        if left:
            out.update(extract_all(left, self.gazetteer, self.lex, jobs=1, progress=progress))
        return out

    def close(self) -> None:
        """Stop the process (again: nothing)."""
        self.conn.close()
        if self.proc.is_alive():
            self.proc.terminate()
        self.proc.join()


def _read_ahead(conn) -> None:
    """The reading process: the model loaded while the first sources to read are awaited (a thread), then
    each batch of sources read and its claims sent back, until the pipe closes."""
    import threading

    first: list = []
    waiting = threading.Thread(target=lambda: first.append(_recv(conn)), daemon=True)
    waiting.start()
    try:
        with held_off():  # the model's objects hold no cycles worth a walk over the inherited heap
            nlp = nlp_mod.load()
        waiting.join()
        job = first[0] if first else None
        while job is not None:
            gazetteer, lex, sources = job
            conn.send(list(extract_all(sources, gazetteer, lex, nlp=nlp, jobs=1).items()))
            job = _recv(conn)
    except (EOFError, OSError, KeyboardInterrupt):
        pass


def _recv(conn):
    """What the pipe gives next, None once it is closed."""
    try:
        return conn.recv()
    except (EOFError, OSError):
        return None


def _in_worker(chunk: list[Source]) -> list[tuple[str, tuple[list[Claim], str | None]]]:
    return chunk_claims(chunk, _WORKER["gazetteer"], _WORKER["lex"], _WORKER["nlp"])


def chunk_claims(chunk: list[Source], gazetteer: Gazetteer, lex: Lexicon,
                 nlp=None) -> list[tuple[str, tuple[list[Claim], str | None]]]:
    """(source id, its claims or a warning) for each source of a chunk, parsed in one stream. Should the
    stream itself break (the model choking on one text), the rest of the chunk is read source by source,
    so that only the source at fault is lost."""
    out = []
    try:
        for src, lines in nlp_mod.parse_many(((s, s.text, s.body_start) for s in chunk), nlp=nlp):
            out.append((src.id, _claims_or_warning(src, gazetteer, lex, nlp, lines)))
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:  # noqa: BLE001
        if os.environ.get("RECONCILE_DEBUG"):
            raise
        out += [(src.id, _claims_or_warning(src, gazetteer, lex, nlp)) for src in chunk[len(out):]]
    return out


def _claims_or_warning(src: Source, gazetteer: Gazetteer, lex: Lexicon, nlp,
                       lines: list | None = None) -> tuple[list[Claim], str | None]:
    """The claims of one source, or none and a warning: one article's failure never costs the others."""
    try:
        return claims_of(src, gazetteer, nlp=nlp, lex=lex, lines=lines), None
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001
        if os.environ.get("RECONCILE_DEBUG"):
            raise
        return [], warning(W_EXTRACTION, src.path, f"claims could not be extracted ({reason(exc)}), skipped")


def run(paths=None, *, options: Options | None = None, nlp=None, **kw) -> Report:
    """Read the sources at `paths`, extract and compare claims, return a Report."""
    opts = options or Options(**kw)
    if paths is not None:
        opts.paths = [str(p) for p in ([paths] if isinstance(paths, (str, Path)) else paths)]
    if opts.engine == "dask":
        from .dask_engine import Engine

        with Engine(opts.scheduler, jobs=opts.jobs or cores()) as engine:
            return _run(opts, nlp, engine)
    return _run(opts, nlp, None)


def _run(opts: Options, nlp, engine) -> Report:
    ahead = opts.reader  # few new sources (a check of one article) are read in a process of its own, forked
    # first thing, its model loading while this one takes in the rest of the corpus; stopped at once when the
    # sources to read are not few
    if not Ahead.may(opts, engine, nlp):
        if ahead is not None:
            ahead.close()
        ahead = None
    elif ahead is None:
        ahead = Ahead()
    try:
        return _read(opts, nlp, engine, ahead)
    finally:
        if ahead is not None:
            ahead.close()


def _read(opts: Options, nlp, engine, ahead: Ahead | None) -> Report:
    shelf, said = None, []
    if opts.cache_dir:
        from .store import SourceShelf

        shelf = SourceShelf(Path(opts.cache_dir) / SHELF, said)
    loaded = load_sources(opts.paths, max_size=opts.max_size, follow_symlinks=opts.follow_symlinks, shelf=shelf)
    extracted = Path(opts.out_dir) / "extracted"
    sources = tuple(replace(s, extracted_path=str(extracted / f"{s.id}.txt")) if s.kind == "html" else s
                    for s in loaded.sources)
    conf = settings_mod.load(opts.paths, opts.aliases)  # the three layers of data, for this corpus
    registry, lex = conf.registry, conf.lexicon
    gazetteer = Gazetteer(registry)
    cache = None
    if opts.cache_dir:
        from .store import ClaimCache, data_fingerprint

        cache = ClaimCache(Path(opts.cache_dir), data_fingerprint(list(conf.corpus_texts)))
    if ahead is not None:
        first = [s for s in sources if not cache.holds(s)] if cache is not None else []
        if first and len(first) < len(sources) and sum(len(s.text) for s in first) < opts.parallel_min_chars:
            ahead.give(gazetteer, lex, first)
        else:
            ahead.close()
            ahead = None
    try:
        if shelf is not None:
            shelf.close()
        warnings = list(loaded.warnings) + said
        runs, key = None, ""  # the last run's result (store.RunMemo), by a digest of what it read
        whole = ""  # the package's code and data, and the settings: what a whole run's result depends on
        if opts.cache_dir:
            from .store import RunMemo, run_key

            runs = RunMemo(Path(opts.cache_dir) / RUN, warnings)
            whole = data_fingerprint(list(conf.corpus_texts), whole=True)
            key = run_key(whole, sources)
            if opts.findings_only and (last := runs.get(key, {s.id: s for s in sources})) is not None:
                if opts.progress:  # nothing changed since the last run: its findings, their claims, its words
                    for s in sources:
                        opts.progress(s.id)
                flagged, stale = apply_decisions(last["flagged"], opts.decisions or {}, last["claims"],
                                                 lex.state_exclusions)
                return Report(__version__, sources, tuple(last["claims"]), tuple(flagged),
                              tuple(warnings + last["warnings"]), tuple(stale), tuple(last["noted"]),
                              tuple(last["entities"]))
            if opts.findings_only and engine is None and \
                    (grown := _grown(opts, nlp, sources, conf, whole, gazetteer, cache, warnings, ahead,
                                     lambda *a: runs.put(key, *a))) is not None:
                return grown
        with held_off():  # many claims made, no cycles (heap.py)
            cached = {s.id: got for s in sources if cache and (got := cache.get(s, warnings)) is not None}
        if opts.progress:
            for sid in cached:
                opts.progress(sid)
        todo = [s for s in sources if s.id not in cached]
        if ahead is not None:
            fresh = ahead.claims(todo, progress=opts.progress)
        elif engine is not None:
            fresh = engine.extract(todo, gazetteer, lex, progress=opts.progress)
        else:
            fresh = extract_all(todo, gazetteer, lex, nlp=nlp, jobs=opts.jobs, min_chars=opts.parallel_min_chars,
                                progress=opts.progress)
    finally:
        if ahead is not None:
            ahead.close()
    claims, failed = _gather(sources, cached, fresh, cache, warnings)
    warnings.extend(w for _, w in failed)
    rank = {s.id: i for i, s in enumerate(sources)}.__getitem__  # a source's place in the corpus
    with held_off():  # the corpus's claims renamed, voted on and compared: many made, no cycles (heap.py)
        names = Names(registry, lex, outlets=frozenset(s.outlet for s in sources if s.outlet), is_place=_gazetteer_place)
        settled = settle(claims, {s.id: _headline(s) for s in sources}, names, lex, is_place=_gazetteer_place,
                         rank=rank)
        claims, entities, d = settled.claims, settled.entities, settled.decisions
        story, setting, headlined = d.story, d.setting, d.headlined
        memo = None
        if opts.cache_dir:
            from .store import SlotStore, data_fingerprint

            memo = SlotStore(Path(opts.cache_dir) / SLOTS, warnings)
        keep: list = []  # each slot and its findings
        try:
            compare_all(claims, exclusions=lex.state_exclusions, cumulative=lex.cumulative, lex=lex,
                        setting=setting, story=story, incident=d.incident, memo=memo,
                        mapper=engine.mapper() if engine is not None else fork_mapper(
                            cores() if opts.jobs is None else opts.jobs, weight=slot_weight),
                        salt=data_fingerprint(list(conf.corpus_texts), comparison=True) if memo else "",
                        totals=False, keep=keep)
        finally:
            if memo is not None:
                memo.close()
        totals = inconsistent_totals(claims)  # within one article: its parts against its own total
        flagged, noted = sort_findings([f for _, got in keep if got for f in got], totals)
        held = {i for f in (*flagged, *noted) for i in f.claims}
        if opts.cache_dir:
            _keep_state(opts, whole, sources, claims, settled, names, keep, totals, held, failed, warnings)
        found = flagged
        flagged, stale = apply_decisions(flagged, opts.decisions or {}, claims, lex.state_exclusions)
        if opts.findings_only:  # the claims of the findings, as the run memo gives them: no pass over the rest
            claims = [c for c in claims if c.id in held]
        claims = _placed(claims, setting or headlined)
        if runs is not None:
            told = [w for w in warnings[len(loaded.warnings) + len(said):] if not w.startswith(W_CACHE + " ")]  # a cache's
            # state is this run's, not the corpus's
            runs.put(key, found, noted, entities, [c for c in claims if c.id in held], told)
    return Report(__version__, sources, tuple(claims), tuple(flagged), tuple(warnings),
                  tuple(stale), tuple(noted), tuple(entities))


_STATE_ERRORS = (KeyError, TypeError, ValueError, AttributeError, IndexError, OSError, RecursionError,
                 sqlite3.Error)  # what a corpus state damaged within may raise as it is read


class _Unsettled(Exception):
    """An article of the corpus state to settle anew whose claims the cache no longer holds."""


TOTALS = "\0totals"  # the corpus state's row of the articles' inconsistent totals (no slot's key)


def _digest(src: Source) -> str:
    """Every field of a source, digested: an article of the corpus state that changed in any way is not it."""
    import hashlib

    return hashlib.sha256(repr(src).encode("utf-8", "surrogatepass")).hexdigest()


def _ranks(claims: list[Claim]) -> dict[int, int]:
    """Each claim (by identity) -> its rank among its article's claims."""
    seen: dict[str, int] = {}
    out = {}
    for c in claims:
        out[id(c)] = seen[c.source] = seen.get(c.source, -1) + 1
    return out


def _keep_state(opts: Options, whole: str, sources, claims: list[Claim], settled, names: Names, keep: list,
                totals: list, held: set[str], failed: list, warnings: list[str]) -> None:
    """Keep what a whole run settled and compared (store.CorpusState, under `whole`: the fingerprint of the
    code, data and settings), with `held` the ids of the findings' claims, for the checks to come."""
    from .corpus import decisions_to_json, tally_to_json
    from .store import CorpusState

    at = _ranks(claims)
    meta = {"tally": tally_to_json(settled.tally), "decisions": decisions_to_json(settled.decisions),
            "mapping": settled.mapping, "memo": {n: list(v) for n, v in names.memo.items()}, "failed": failed,
            "resolver": names.resolver.to_json()}
    rows = [(slot.key, [(at[id(c)], c) for c in slot.claims], got) for slot, got in keep]
    rows.append((TOTALS, [], totals))
    CorpusState(Path(opts.cache_dir) / CORPUS, warnings).write(
        whole, {s.id: _digest(s) for s in sources}, meta, rows,
        [(at[id(c)], c) for c in claims if c.id in held])


def _grown(opts: Options, nlp, sources: tuple, conf, whole: str, gazetteer: Gazetteer, cache, warnings: list[str],
           ahead: "Ahead | None", memo: Callable) -> Report | None:
    """The report of a check whose corpus only grew since the last whole run (store.CorpusState): the new
    articles' claims are settled on the tallies of the others (corpus.settle with a base) and only the slots
    they touch are compared; the other slots' findings, and their claims, are the last run's (`ahead`: the
    process reading the sources the claim cache does not hold, if any; `memo`: what keeps the result as the
    run memo, called by a process detached from this one, so that a check with nothing changed since takes
    it without this one waiting for the writing). None when the
    corpus changed otherwise (an article edited or gone, other settings or code), or when the new articles
    change what the corpus decided (its story, a display name): then the whole corpus is read."""
    from .corpus import Settled, decisions_from_json, tally_from_json
    from .store import CorpusState

    registry, lex = conf.registry, conf.lexicon
    state = CorpusState(Path(opts.cache_dir) / CORPUS, warnings)
    got = state.open(whole)
    if got is None:
        return None
    try:
        base_sources = got["sources"]
        if any(s.id in base_sources and base_sources[s.id] != _digest(s) for s in sources) or \
                len({s.id for s in sources} & set(base_sources)) != len(base_sources):
            return None  # an article changed, or is gone
        new = [s for s in sources if s.id not in base_sources]
        rank = {s.id: i for i, s in enumerate(sources)}.__getitem__
        by_id = {s.id: s for s in sources}
        with held_off():  # while the new articles are read (ahead): the state taken in
            try:
                meta = got["meta"]
                names = Names(registry, lex, outlets=frozenset(s.outlet for s in sources if s.outlet),
                              is_place=_gazetteer_place)
                names.memo = {n: tuple(v) for n, v in meta["memo"].items()}
                base = Settled([], [], meta["mapping"], decisions_from_json(meta["decisions"]),
                               tally_from_json(meta["tally"]))
                if not names.resolver.restore(meta["resolver"]):  # what each name may merge with, as the
                    names.settle(base.tally, rank)  # last whole run worked it out, else worked out again
                places.gazetteer()  # loaded now, not when the new articles' places are told
                placer = HeadlinePlaces()
                placer({s.id: _headline(s) for s in sources if s.id in base_sources}, set(base.tally.places))
                found_before = state.findings()
                held_before = state.held(by_id)
                failed_before = [(str(sid), str(w)) for sid, w in meta["failed"]]
            except _STATE_ERRORS as exc:
                state.unreadable(exc)
                return None
            cached = {s.id: c for s in new if (c := cache.get(s, warnings)) is not None}
        todo = [s for s in new if s.id not in cached]
        fresh = ahead.claims(todo, progress=opts.progress) if ahead is not None else \
            extract_all(todo, gazetteer, lex, nlp=nlp, jobs=opts.jobs, min_chars=opts.parallel_min_chars,
                        progress=opts.progress)
        if opts.progress:
            for s in sources:
                if s.id not in fresh:
                    opts.progress(s.id)
        claims, failed = _gather(new, cached, fresh, cache, warnings)
        failed += failed_before
        redone: list[Source] = []  # base articles whose names took another display name: settled anew

        def again(changed: set[str]) -> list[Claim]:
            srcs = {i for n in changed for i in base.tally.written_in.get(n, ())}
            redone.extend(s for s in sources if s.id in srcs)
            out: list[Claim] = []
            for src in redone:
                got_old = cache.get(src, warnings)
                if got_old is None:
                    raise _Unsettled(src.id)
                out.extend(got_old)
            return out

        with held_off():
            try:
                settled = settle(claims, {s.id: _headline(s) for s in sources}, names, lex,
                                 is_place=_gazetteer_place, rank=rank, base=base, again=again, placer=placer)
            except _Unsettled:
                settled = None
            if settled is None:
                return None  # the new articles change what the corpus decided: the whole corpus is read
            d = settled.decisions
            at = _ranks(settled.claims)
            mine = [(at[id(c)], c) for c in settled.claims]
            gone = {s.id for s in redone}
            keys = {slot.key for slot in slots_of(settled.claims + settled.undone, story=d.story, setting=d.setting,
                                                  incident=d.incident)}
            try:
                olds = state.slot_claims(sorted(keys), by_id)
            except _STATE_ERRORS as exc:
                state.unreadable(exc)
                return None
            pool = {(c.source, i): c for got_old in olds.values() for i, c in got_old if c.source not in gone}
            pool.update({(c.source, i): c for i, c in mine})
            touched = [c for _, c in sorted(pool.items(), key=lambda kv: (rank(kv[0][0]), kv[0][1]))]
            keep: list = []  # the touched slots changed: no memo of their findings to read
            compare_all(touched, exclusions=lex.state_exclusions, cumulative=lex.cumulative, lex=lex,
                        setting=d.setting, story=d.story, incident=d.incident, totals=False, keep=keep)
            source_of = {c.id: c.source for _, c in held_before}  # a total's finding holds its article's claims
            totals = [f for f in found_before.pop(TOTALS, []) if source_of.get(f.claims[0]) not in gone] + \
                inconsistent_totals(settled.claims)
            found = [f for k, fs in found_before.items() if k not in keys for f in fs] + \
                [f for _, got_slot in keep if got_slot is not None for f in got_slot]
            flagged, noted = sort_findings(found, totals)
            held = {i for f in (*flagged, *noted) for i in f.claims}
            pool.update({(c.source, i): c for i, c in held_before if c.source not in gone})
            kept = [c for _, c in sorted(((k, c) for k, c in pool.items() if c.id in held),
                                         key=lambda kv: (rank(kv[0][0]), kv[0][1]))]
            decided, stale = apply_decisions(flagged, opts.decisions or {}, kept, lex.state_exclusions)
            kept = _placed(kept, d.setting or d.headlined)
            if opts.spare is not None:  # the caller leaves at once: what was taken in is neither freed nor
                # walked by the cycle collector (frozen before it is let back on)
                spare(opts.spare, got, names, base, placer, olds, pool, touched, found_before, held_before, keep,
                      settled, source_of, at, mine)
        told = [w for _, w in sorted(failed, key=lambda f: rank(f[0]))]
        warnings.extend(told)
        _behind(lambda: memo(flagged, noted, settled.entities, kept, told))
        return Report(__version__, sources, tuple(kept), tuple(decided), tuple(warnings), tuple(stale), tuple(noted),
                      tuple(settled.entities))
    finally:
        state.close()


def _behind(write: Callable[[], None]) -> None:
    """Run `write` (a cache's writing) in a process detached from this one, as `git gc --auto` runs: this
    one neither waits for it nor leaves it a zombie (forked twice, the middle one gone at once). Where
    processes cannot be forked, here."""
    import sys

    if "fork" not in multiprocessing.get_all_start_methods():
        write()
        return
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    try:
        pid = os.fork()
    except OSError:
        write()
        return
    if pid == 0:  # the middle process: fork the writer and leave; nothing of this one's is flushed or run
        try:
            os.setsid()  # out of the terminal's group: an interrupt of the command's next run is not for it
            if os.fork() == 0:
                try:
                    _detached()
                    write()
                finally:
                    os._exit(0)
        finally:
            os._exit(0)
    os.waitpid(pid, 0)


def _detached() -> None:
    """Standard input, output and error on the null device: whoever reads this command's output to its end
    (a CI step, `subprocess.run(capture_output=True)`) does not wait for a writer left behind it."""
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.close(null)


def _gather(sources, cached: dict, fresh: dict, cache, warnings: list[str]) -> tuple[list[Claim], list[tuple]]:
    """The claims of `sources` in their order, from the claim cache (`cached`) or as just read (`fresh`, then
    kept in the cache), and (source id, warning) for each source whose claims could not be extracted."""
    claims: list[Claim] = []
    failed: list[tuple] = []
    for src in sources:
        if src.id in cached:
            claims.extend(cached[src.id])
            continue
        got, why = fresh[src.id]
        if why:
            failed.append((src.id, why))
            continue
        if cache:
            cache.put(src, got, warnings)
        claims.extend(got)
    return claims, failed


def _placed(claims: list[Claim], where: str | None) -> list[Claim]:
    """Where a fact holds that names no place of its own: where the story is set (`where`: the story itself,
    when it is a place, else the place most of its headlines name). Shown, never compared: « 7,2 km sur
    Orlandes même » stays a part of the line's 11,4 km, which the article names no place for."""
    if not where:
        return claims
    return [c if "place" in c.scope_dict() else
            amend(c, scope=tuple(sorted(dict(c.scope, place=where).items())),
                  rules=tuple(sorted(dict(c.rules, place="corpus:setting").items())))
            for c in claims]


def _headline(source: Source) -> str:
    """An article's headline: its title, else the first line of its body."""
    if source.title:
        return source.title
    return next((line.strip("#* \t") for line in source.body.splitlines() if line.strip()), "")


def _gazetteer_place(name: str) -> bool:
    return places.gazetteer().lookup(name) is not None


def apply_decisions(found: list[Finding], decisions: dict, claims: Iterable[Claim] = (),
                    exclusions: frozenset = frozenset()) -> tuple[list[Finding], list[dict]]:
    """Attach each recorded decision to its finding; decisions without a finding are stale.

    A decision whose finding has grown (another article repeats one side's figure, or the entity took
    another name: compare.slots.continues, read with `claims`) follows it, marked « carried_from » with
    the id it was recorded under; a decision that two findings could continue stays stale."""
    ids = {f.id for f in found}
    by_id = {c.id: c for c in claims}
    heirs: dict[str, list[str]] = defaultdict(list)  # finding id -> the earlier findings' ids it continues
    if by_id:
        index: dict[tuple, list[Finding]] = defaultdict(list)
        for f in found:
            index[(f.kind, f.attribute)].append(f)
        for old, rec in sorted(decisions.items()):
            if old in ids or not isinstance(rec, dict) or not isinstance(rec.get("claims"), list):
                continue
            grown = [f for f in index.get((rec.get("kind"), rec.get("attribute")), [])
                     if f.id not in decisions and continues(f, rec["kind"], rec["attribute"], rec["claims"], by_id,
                                                            exclusions)]
            if len(grown) == 1:
                heirs[grown[0].id].append(old)
    carried = {fid: olds[0] for fid, olds in heirs.items() if len(olds) == 1}
    out = []
    for f in found:
        d = decisions.get(f.id)
        if f.id in carried:
            d = dict(decisions[carried[f.id]], carried_from=carried[f.id])
        latest = latest_decision(d) if isinstance(d, dict) else None
        if latest:
            f = replace(f, status=latest.get("status", f.status), decision=d)
        out.append(f)
    used = ids | set(carried.values())
    stale = [dict(d if isinstance(d, dict) else {"value": d}, id=fid)
             for fid, d in sorted(decisions.items()) if fid not in used]
    return out, stale
