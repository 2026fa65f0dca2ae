"""How the tool scales with the number of articles (issue 12): corpora of N articles built from the
project's own stories, figures perturbed and names varied per copy, read and compared stage by stage.

usage: python benchmarks/scale.py [--sizes 100,1000] [--jobs 2] [--repeat 3] [--keep DIR] [--dask]
       python benchmarks/scale.py --sizes 10000 --keep DIR --check-only   # the checks again, on kept corpora

Prints, for each size: the articles and words; the floor (bare `nlp.pipe` over the same texts, same model,
same batch size, in one process); extraction in one process and with --jobs processes, as words/s and as a
ratio to the floor; entity canonicalization and comparison (claims cached); the whole report; peak memory;
and `check` of one new article against the corpus's claim base, against its own floor (loading the model
and parsing that one article); `check` with no change against loading the model; with --dask, the report on
a local Dask cluster, its JSON compared with the local report's. The « ×floor » of `check` is its time over
that floor (lower is better). Figures vary from run to run: below 10,000 articles each is the median of
--repeat runs (one run at 10,000 and more); progress goes to stderr.
"""
from __future__ import annotations

import argparse
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def stories() -> list[tuple[str, list[Path]]]:
    """(story name, its article files): the bundled corpus and the stories of tests/stories."""
    out = [("seeds", sorted(p for p in (ROOT / "sources").iterdir() if p.suffix in (".txt", ".md")))]
    for d in sorted((ROOT / "tests" / "stories").iterdir()):
        if (d / "sources").is_dir():
            out.append((d.name, sorted(p for p in (d / "sources").iterdir() if p.suffix in (".txt", ".md"))))
    return out


_NAME = re.compile(r"(?<=[a-zà-ÿ,;:] )([A-Z][a-zà-ÿ]{4,})\b")


def build(n: int, folder: Path, seed: int = 11) -> Path:
    """A corpus of `n` articles in `folder`: copy k of a story has its figures perturbed and its proper
    names (capitalized words inside sentences) given a suffix of its own, so that copies are different
    stories and slots do not all grow together. The bundled corpus's manifest is not copied."""
    rnd = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    pool = stories()
    made = 0
    copy = 0
    while made < n:
        for name, files in pool:
            suffix = "" if copy == 0 else f"{'abcdefghijklmnopqrstuvwxyz'[copy % 26]}{copy // 26 or ''}"
            for f in files:
                if made >= n:
                    break
                text = f.read_text("utf-8")
                text = re.sub(r"\d+", lambda m: m.group() if len(m.group()) == 4 and m.group().startswith(("19", "20"))
                              else str(max(1, int(m.group()) + rnd.randint(-1, 1) * (int(m.group()) // 10))), text)
                if suffix:
                    text = _NAME.sub(lambda m: m.group(1) + suffix, text)
                (folder / f"{name}-{copy:03d}-{f.stem}{f.suffix}").write_text(text, "utf-8")
                made += 1
        copy += 1
    return folder


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(n: int, jobs: int, keep: Path | None, dask: bool = False) -> dict:
    from reconcile.extract import nlp as nlp_mod
    from reconcile.pipeline import canonicalize, claims_of, extract_all, fork_mapper, slot_weight
    from reconcile.compare.slots import compare_all
    from reconcile.extract.entities import Gazetteer
    from reconcile import settings as settings_mod
    from reconcile.sources import load

    base = keep or Path(tempfile.mkdtemp(prefix="reconcile-scale-"))
    corpus = build(n, base / f"corpus-{n}")
    nlp = nlp_mod.load()
    srcs = load([corpus]).sources
    words = sum(len(s.body.split()) for s in srcs)
    conf = settings_mod.load([str(corpus)])
    gaz = Gazetteer(conf.registry)
    row = {"articles": len(srcs), "words": words}

    _say(f"[{n}] floor: bare nlp.pipe")
    t = time.perf_counter()
    for _ in nlp.pipe((nlp_mod.model_text(line) for s in srcs for _, line in nlp_mod.lines_of(s.text, s.body_start)),
                      batch_size=32):
        pass
    row["floor_s"] = time.perf_counter() - t
    _say(f"[{n}] floor: bare nlp.pipe, {jobs} processes")
    t = time.perf_counter()
    for _ in nlp.pipe((nlp_mod.model_text(line) for s in srcs for _, line in nlp_mod.lines_of(s.text, s.body_start)),
                      batch_size=32, n_process=jobs):
        pass
    row[f"floor{jobs}_s"] = time.perf_counter() - t

    _say(f"[{n}] extraction, one process")
    t = time.perf_counter()
    claims = [c for s in srcs for c in claims_of(s, gaz, nlp=nlp, lex=conf.lexicon)]
    row["extract1_s"] = time.perf_counter() - t
    _say(f"[{n}] extraction, {jobs} processes")
    t = time.perf_counter()
    got = extract_all(list(srcs), gaz, conf.lexicon, nlp=nlp, jobs=jobs, min_chars=0)
    row[f"extract{jobs}_s"] = time.perf_counter() - t
    assert sum(len(v[0]) for v in got.values()) == len(claims)
    row["claims"] = len(claims)

    _say(f"[{n}] canonicalize and compare")
    t = time.perf_counter()
    canon, _ = canonicalize(claims, conf.registry, conf.lexicon)
    row["canonicalize_s"] = time.perf_counter() - t
    t = time.perf_counter()
    flagged, noted = compare_all(canon, lex=conf.lexicon, mapper=fork_mapper(jobs, weight=slot_weight))  # as a
    # report compares: its slots shared out to `jobs` processes
    row["compare_s"] = time.perf_counter() - t
    row["findings"] = len(flagged)
    row["peak_mb"] = _peak_mb()

    _say(f"[{n}] report (cold), then check of one new article")
    claims_dir, out_dir = base / f"claims-{n}", base / f"reports-{n}"
    cmd = [sys.executable, "-m", "reconcile", "-q"]
    row.update(measure_check(corpus, claims_dir, out_dir, jobs))
    row["model_load_s"] = _model_load()
    if dask:
        _say(f"[{n}] report with --engine dask ({jobs} local workers), compared with the local one")
        local_json, dask_json = base / f"local-{n}.json", base / f"dask-{n}.json"
        subprocess.run(cmd + ["report", str(corpus), "--claims-dir", str(base / f"claims-local-{n}"),
                              "--no-write", "--format", "json", "-o", str(local_json), "--jobs", str(jobs)],
                       check=True, capture_output=True)
        t = time.perf_counter()
        subprocess.run(cmd + ["report", str(corpus), "--claims-dir", str(base / f"claims-dask-{n}"),
                              "--no-write", "--format", "json", "-o", str(dask_json), "--engine", "dask",
                              "--jobs", str(jobs)], check=True, capture_output=True)
        row["dask_s"] = time.perf_counter() - t
        row["dask_same"] = local_json.read_bytes() == dask_json.read_bytes()
    if keep is None:
        shutil.rmtree(base, ignore_errors=True)
    return row


def measure_check(corpus: Path, claims_dir: Path, out_dir: Path, jobs: int) -> dict:
    """A report on `corpus` (cold when `claims_dir` is new), `check` with no change, the floor of a check of
    one new article (starting Python, loading the model, parsing the article), then that check: seconds."""
    row = {}
    cmd = [sys.executable, "-m", "reconcile", "-q"]
    t = time.perf_counter()
    subprocess.run(cmd + ["report", str(corpus), "--claims-dir", str(claims_dir), "--out-dir", str(out_dir),
                          "--jobs", str(jobs)], check=True, capture_output=True)
    row["report_s"] = time.perf_counter() - t
    t = time.perf_counter()
    subprocess.run(cmd + ["check", str(corpus), "--claims-dir", str(claims_dir), "--jobs", str(jobs)],
                   capture_output=True)
    row["unchanged_s"] = time.perf_counter() - t
    new = corpus / "zz-new-article.txt"
    article = stories()[1][1][0]
    floor = ("import sys; from reconcile.extract import nlp as m; from reconcile.sources import load; "
             f"s = load([{str(article)!r}]).sources[0]; m.parse(s.text, start=s.body_start)")
    t = time.perf_counter()  # the floor first: nothing of the checks' runs left running beside it
    subprocess.run([sys.executable, "-c", floor], check=True, capture_output=True)
    row["check_floor_s"] = time.perf_counter() - t
    shutil.copy(article, new)
    memo = claims_dir / "cache" / "run.jsonl"
    t = time.perf_counter()
    subprocess.run(cmd + ["check", str(corpus), "--claims-dir", str(claims_dir), "--jobs", str(jobs)],
                   capture_output=True)
    row["check_s"] = time.perf_counter() - t
    _written_after(memo, time.time() - row["check_s"])  # the check's run memo, written behind it
    new.unlink()
    (claims_dir / "cache" / "zz-new-article.json").unlink(missing_ok=True)
    return row


def _written_after(path: Path, since: float, wait: float = 300.0) -> None:
    """Wait until `path` is written after `since` (a check writes its run memo in a process of its own after
    it has answered): what is measured next does not share the cores with it."""
    end = time.time() + wait
    while time.time() < end:
        if path.is_file() and path.stat().st_mtime >= since:
            time.sleep(0.5)  # the rename done, the process leaving
            return
        time.sleep(0.2)
    _say(f"{path} not written after {wait:.0f} s")


def _median_row(rows: list[dict]) -> dict:
    """Each figure's median over repeated runs of one size (flags: all of them)."""
    out = dict(rows[0])
    for k, v in rows[0].items():
        if isinstance(v, bool):
            out[k] = all(r[k] for r in rows)
        elif isinstance(v, float):
            out[k] = statistics.median(r[k] for r in rows)
    out["runs"] = len(rows)
    return out


def _model_load() -> float:
    """Seconds to start Python and load the model: what a `check` with nothing to parse is set against."""
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", "from reconcile.extract import nlp; nlp.load()"], check=True)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="100,1000", help="corpus sizes, comma-separated")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3,
                    help="runs of each size below 10,000 articles, the medians printed (one run at 10,000 and more)")
    ap.add_argument("--keep", default=None, help="keep the corpora and claim bases in this folder")
    ap.add_argument("--dask", action="store_true",
                    help="also run the report with --engine dask and compare its JSON with the local one")
    ap.add_argument("--check-only", action="store_true",
                    help="with --keep: on the corpora an earlier run kept there (corpus-N, claims-N), only the report "
                         "(warm) and the checks, --repeat times, the medians printed")
    args = ap.parse_args()
    keep = Path(args.keep) if args.keep else None
    if args.check_only:
        if keep is None:
            ap.error("--check-only needs --keep (the folder of an earlier run's corpora)")
        for n in map(int, args.sizes.split(",")):
            corpus, claims_dir = keep / f"corpus-{n}", keep / f"claims-{n}"
            if not corpus.is_dir():
                ap.error(f"{corpus} not found: run with --sizes {n} --repeat 1 --keep {keep} first")
            runs = [measure_check(corpus, claims_dir, keep / f"reports-{n}", args.jobs)
                    for _ in range(max(1, args.repeat))]
            r = _median_row(runs)
            print(f"{n:8d} articles: check of one new article {r['check_s']:.1f} s, its floor "
                  f"{r['check_floor_s']:.1f} s ({r['check_s'] / r['check_floor_s']:.2f}×); "
                  f"check with no change {r['unchanged_s']:.1f} s; report "
                  f"(warm) {r['report_s']:.1f} s; medians of {r['runs']} runs, whose ratios are "
                  + ", ".join(f"{x['check_s'] / x['check_floor_s']:.2f}×" for x in runs))
        return
    rows = []
    for n in map(int, args.sizes.split(",")):
        runs = max(1, args.repeat) if n < 10_000 else 1
        rows.append(_median_row([measure(n, args.jobs, keep / f"run{i}" if keep and runs > 1 else keep, args.dask)
                                 for i in range(runs)]))
    j = args.jobs
    print("throughput as a share of the floor: bare nlp.pipe with as many processes (1.00 = the floor); "
          "each figure the median of the runs of its size: " + ", ".join(f"{r['articles']}: {r['runs']}" for r in rows))
    print(f"{'articles':>8} {'words':>9} {'floor s':>8} {'extr s':>8} {'×floor':>7} {f'floor×{j} s':>10} "
          f"{f'extr×{j} s':>10} {'×floor':>7} "
          f"{'canon s':>8} {'compare s':>9} {'report s':>9} {'check s':>8} {'×floor':>7} {'peak MB':>8}")
    for r in rows:
        print(f"{r['articles']:8d} {r['words']:9d} {r['floor_s']:8.1f} {r['extract1_s']:8.1f} "
              f"{r['floor_s'] / r['extract1_s']:7.2f} {r[f'floor{j}_s']:10.1f} {r[f'extract{j}_s']:10.1f} "
              f"{r[f'floor{j}_s'] / r[f'extract{j}_s']:7.2f} "
              f"{r['canonicalize_s']:8.2f} {r['compare_s']:9.2f} {r['report_s']:9.1f} {r['check_s']:8.1f} "
              f"{r['check_s'] / r['check_floor_s']:7.2f} {r['peak_mb']:8.0f}")
    print("check with no change (slot store and claim cache warm), against starting Python and loading the model")
    for r in rows:
        print(f"{r['articles']:8d} articles: {r['unchanged_s']:.1f} s, model load {r['model_load_s']:.1f} s "
              f"({r['unchanged_s'] / r['model_load_s']:.2f}×)")
    for r in rows:
        if "dask_s" in r:
            print(f"{r['articles']:8d} articles: report with --engine dask {r['dask_s']:.1f} s; "
                  f"JSON {'identical to' if r['dask_same'] else 'DIFFERENT from'} the local report")


if __name__ == "__main__":
    main()
