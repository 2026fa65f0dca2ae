"""Speed of each stage on the bundled corpus, repeated to a target size.

usage: python benchmarks/speed.py [--words 50000]
Prints words per second for the normalizers, the spaCy parse, claim
extraction, and comparison. Figures vary from run to run: compare orders of
magnitude, not digits.
"""
from __future__ import annotations

import argparse
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=50000)
    args = ap.parse_args()

    from reconcile.compare.slots import findings
    from reconcile.extract import nlp as nlp_mod
    from reconcile.extract.claims import extract
    from reconcile.extract.entities import Gazetteer
    from reconcile.normalize import parse_mentions
    from reconcile.pipeline import registry_for
    from reconcile.sources import load

    t = time.perf_counter()
    nlp = nlp_mod.load()
    print(f"model load            {time.perf_counter() - t:8.2f} s")
    base = load([ROOT / "sources"]).sources
    words_per_round = sum(len(s.body.split()) for s in base)
    rounds = max(1, args.words // words_per_round)
    corpus = [replace(s, id=f"{s.id}-{i}") for i in range(rounds) for s in base]
    words = words_per_round * rounds
    print(f"corpus                {len(corpus)} articles, {words} words")

    t = time.perf_counter()
    for s in corpus:
        for line in s.body.split("\n"):
            parse_mentions(line, ref=s.published)
    dt_ = time.perf_counter() - t
    print(f"normalizers           {words / dt_:10.0f} words/s")

    t = time.perf_counter()
    parsed = [nlp_mod.parse(s.text, start=s.body_start, nlp=nlp) for s in corpus]
    dt_ = time.perf_counter() - t
    print(f"spaCy parse           {words / dt_:10.0f} words/s")

    gaz = Gazetteer(registry_for([ROOT / "sources"])[0])
    t = time.perf_counter()
    claims = [c for s, lines in zip(corpus, parsed) for c in extract(s, lines, gaz)]
    dt_ = time.perf_counter() - t
    print(f"claim extraction      {words / dt_:10.0f} words/s ({len(claims)} claims)")

    t = time.perf_counter()
    found = findings(claims)
    dt_ = time.perf_counter() - t
    print(f"comparison            {len(claims) / max(dt_, 1e-9):10.0f} claims/s ({len(found)} findings)")


if __name__ == "__main__":
    main()
