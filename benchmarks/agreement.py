#!/usr/bin/env python3
"""How far two careful readers agree on what a figure is about: a second annotator against the claims gold.

usage: python benchmarks/agreement.py [--verbose]

For each story under benchmarks/gold/second-annotator/ (one file per story of tests/stories/), a second
reader — who saw the story's articles and, for each gold claim, only its source, quote and value — named
the entity the figure is about and its attribute. This prints the share of gold claims on which the two
agree, by the very comparison issue 9's claims gate uses (claims_eval.entities_equal and attributes_equal):
the agreement a perfect extractor could expect with the gold, when the gold's names are one reader's
choice among several. The tool's own figures against the same gold come from claims_eval.py.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import claims_eval as ce  # noqa: E402

STORIES = HERE.parent / "tests" / "stories"
SECOND = HERE / "gold" / "second-annotator"


def agreement(gold: list[dict], second: list[dict]) -> tuple[float, float]:
    """(entity agreement, attribute agreement) over every gold claim, item by item."""
    if len(gold) != len(second):
        raise ValueError(f"{len(second)} second readings for {len(gold)} gold claims")
    ent = sum(ce.entities_equal(g["entity"], s["entity"]) for g, s in zip(gold, second))
    # (the second reader writes the gold's attribute ids; the gate compares them spelled the tool's way)
    att = sum(ce.attributes_equal(g["attribute"], ce.ID_SPELLINGS.get(ce.fold(s["attribute"]), s["attribute"]))
              for g, s in zip(gold, second))
    return ent / len(gold), att / len(gold)


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    print(f"{'story':12s} {'claims':>6s} {'entity':>7s} {'attribute':>9s}")
    for f in sorted(SECOND.glob("*.json")):
        gold = json.loads((STORIES / f.stem / "claims-gold.json").read_text("utf-8"))
        second = json.loads(f.read_text("utf-8"))
        ent, att = agreement(gold, second)
        print(f"{f.stem:12s} {len(gold):6d} {ent:7.2f} {att:9.2f}")
        if verbose:
            for g, s in zip(gold, second):
                if not ce.entities_equal(g["entity"], s["entity"]):
                    print(f"   «{g['quote']}»  gold: {g['entity']}  second: {s['entity']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
