#!/usr/bin/env python3
"""Score reconcile's findings against gold readings of conflicts: one story or a folder of stories.

usage:
  python benchmarks/score_stories.py GOLD.json SOURCES_DIR REPORT.json [--verbose]
  python benchmarks/score_stories.py --dir DIR        # every DIR/<story>.gold.json or DIR/<story>/gold.json

The project's own scorer (it does not need ../shared). A gold reading lists conflicts
(`required`, `stretch`, `acceptable`) with sides {source, quote, group} and traps with
sides {source, quote}. A finding covers a side when one of its claims overlaps the side's
quote in the same source; it finds a conflict when it covers sides of two groups, and
hits a trap when it covers two of its sides that no conflict it found explains. A finding
that finds no conflict is unexplained. A pair of claims in two findings is told twice (one
finding per disagreement: the count should be 0). Last line:
  required_recall=R/N stretch=S/M traps_hit=T unexplained=U flagged=F pairs_twice=P
With --dir, one such line per story and a total line; reports are made with
`reconcile report SOURCES --format json --no-write` (the `reconcile` of this environment).
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from itertools import combinations
from pathlib import Path


def _spans(entry: dict, texts: dict[str, str]) -> list[tuple[str, int, int]]:
    out = []
    for side in entry["sides"]:
        i = texts[side["source"]].find(side["quote"])
        if i < 0:
            raise SystemExit(f"gold quote not found in {side['source']}: {side['quote']!r}")
        out.append((side["source"], i, i + len(side["quote"])))
    return out


def score(gold: dict, texts: dict[str, str], report: dict) -> dict:
    """Figures of one report against one gold reading (see the module docstring)."""
    claims = {c["id"]: c for c in report.get("claims", [])}
    conflicts = [(c, _spans(c, texts)) for c in gold["conflicts"]]
    traps = [(t, _spans(t, texts)) for t in gold.get("traps", [])]

    def covered(finding, spans):
        hit = set()
        for cid in finding.get("claims", []):
            c = claims.get(cid)
            if c is None:
                continue
            src = Path(str(c.get("source", ""))).stem
            for i, (s, a, b) in enumerate(spans):
                if s == src and int(c["start"]) < b and int(c["end"]) > a:
                    hit.add(i)
        return hit

    found, unexplained, trap_hits = {}, [], []
    for f in report.get("conflicts", []):
        matched = []
        for c, spans in conflicts:
            groups = {c["sides"][i].get("group", str(i)) for i in covered(f, spans)}
            if len(groups) >= 2:
                matched.append(spans)
                found.setdefault(c["id"], f.get("id"))
        for t, spans in traps:
            hit = covered(f, spans)
            if len(hit) >= 2 and not any({spans[i] for i in hit} <= set(m) for m in matched):
                trap_hits.append((f.get("id"), t["id"]))
        if not matched:
            unexplained.append(f)
    level = lambda name: [c["id"] for c, _ in conflicts if c["level"] == name]  # noqa: E731
    pairs = [frozenset((a, b)) for f in report.get("conflicts", []) for a, b in combinations(sorted(set(f["claims"])), 2)]
    return {
        "required": (sum(i in found for i in level("required")), len(level("required"))),
        "stretch": (sum(i in found for i in level("stretch")), len(level("stretch"))),
        "traps_hit": trap_hits, "unexplained": unexplained, "flagged": len(report.get("conflicts", [])),
        "found": found, "pairs_twice": len(pairs) - len(set(pairs)),
    }


def line(r: dict) -> str:
    return (f"required_recall={r['required'][0]}/{r['required'][1]} stretch={r['stretch'][0]}/{r['stretch'][1]} "
            f"traps_hit={len(r['traps_hit'])} unexplained={len(r['unexplained'])} flagged={r['flagged']} "
            f"pairs_twice={r['pairs_twice']}")


def texts_of(folder: Path) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in folder.iterdir() if p.is_file()}


def _stories(folder: Path):
    for gold in sorted(folder.glob("*.gold.json")):
        story = gold.name[: -len(".gold.json")]
        src = folder / story / "sources"
        yield story, gold, src if src.is_dir() else folder / story
    for gold in sorted(folder.glob("*/gold.json")):
        yield gold.parent.name, gold, gold.parent / "sources"


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    args = [a for a in argv if a != "--verbose"]
    if args and args[0] == "--dir":
        totals = [0, 0, 0, 0, 0, 0]
        with tempfile.TemporaryDirectory() as tmp:
            for story, gold, src in _stories(Path(args[1])):
                out = Path(tmp) / f"{story}.json"
                run = subprocess.run(["reconcile", "report", str(src), "--format", "json", "-o", str(out),
                                      "--no-write"], capture_output=True, text=True)
                if run.returncode != 0:
                    print(f"{story:24} report failed: {run.stderr.strip().splitlines()[-1:]}")
                    continue
                r = score(json.loads(gold.read_text("utf-8")), texts_of(src), json.loads(out.read_text("utf-8")))
                print(f"{story:24} {line(r)}")
                for i, v in enumerate((r["required"][0], r["required"][1], len(r["traps_hit"]),
                                       len(r["unexplained"]), r["flagged"], r["pairs_twice"])):
                    totals[i] += v
        print(f"total required_recall={totals[0]}/{totals[1]} traps_hit={totals[2]} "
              f"unexplained={totals[3]} flagged={totals[4]} pairs_twice={totals[5]}")
        return 0
    gold, src, report = Path(args[0]), Path(args[1]), Path(args[2])
    r = score(json.loads(gold.read_text("utf-8")), texts_of(src), json.loads(report.read_text("utf-8")))
    if verbose:
        for fid, tid in r["traps_hit"]:
            print(f"trap {tid} hit by {fid}")
        for f in r["unexplained"]:
            print(f"unexplained {f.get('id')}")
    print(line(r))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
