"""Time to read one article as it grows: the whole job (read, parse, extract, compare) on one file of
10 KB to 2 MB made of the bundled corpus's paragraphs, each with its own figures.

usage: python benchmarks/article_size.py [--sizes 10,50,200,500,1000,2000] [--keep DIR]

Prints, for each size, the seconds, the kilobytes per second and the claims found; the last column
compares the time per kilobyte with the smallest size's (1.0 is linear; a time growing with the square
of the length would double it each time the size doubles). Figures vary from run to run.
"""
from __future__ import annotations

import argparse
import random
import re
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def article(size: int, paragraphs: list[str], seed: int = 7) -> str:
    """An article of `size` characters: a front matter, then the corpus's paragraphs in a shuffled order,
    each figure changed (so that no two paragraphs are the same text)."""
    rnd = random.Random(seed)
    out = ["---\ntitle: Un très long article\noutlet: Banc d'essai\npublished: 2026-03-10\n---\n"]
    n = len(out[0])
    while n < size:
        p = re.sub(r"\d+", lambda m: str(rnd.randint(2, 9) * 10 ** (len(m.group()) - 1)), rnd.choice(paragraphs))
        out.append(p + "\n\n")
        n += len(p) + 2
    return "".join(out)[:size]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10,50,200,500,1000,2000", help="sizes in KB, comma-separated")
    ap.add_argument("--keep", default=None, help="write the generated articles into this folder")
    args = ap.parse_args()

    from reconcile.extract import nlp as nlp_mod
    from reconcile.pipeline import Options, run
    from reconcile.sources import load

    nlp = nlp_mod.load()
    paragraphs = [p.strip() for s in load([ROOT / "sources"]).sources for p in s.body.split("\n\n")
                  if len(p.strip()) > 80]
    folder = Path(args.keep or tempfile.mkdtemp(prefix="reconcile-size-"))
    run(options=Options(paths=[str(ROOT / "sources")]), nlp=nlp)  # warm up
    first = None
    print(f"{'size':>8} {'seconds':>8} {'KB/s':>7} {'claims':>7} {'s/KB vs first':>14}")
    for kb in (int(x) for x in args.sizes.split(",")):
        d = folder / f"a{kb}"
        d.mkdir(parents=True, exist_ok=True)
        (d / "article.txt").write_text(article(kb * 1000, paragraphs), encoding="utf-8")
        t = time.perf_counter()
        rep = run(options=Options(paths=[str(d)], out_dir=str(folder / "out"), max_size=10**9), nlp=nlp)
        secs = time.perf_counter() - t
        per_kb = secs / kb
        first = first or per_kb
        print(f"{kb:>6}KB {secs:8.1f} {kb / secs:7.1f} {len(rep.claims):7d} {per_kb / first:14.2f}")


if __name__ == "__main__":
    main()
