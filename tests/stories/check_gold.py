#!/usr/bin/env python3
"""Sanity checks for the hand-written test stories under tests/stories/.

usage: python tests/stories/check_gold.py [STORY_DIR ...]

For every story directory (holding sources/, gold.json, claims-gold.json):
  - every gold and claims-gold quote occurs exactly once in its source file;
  - every conflict has sides of at least two groups;
  - no pair of trap sides appears together in two traps (a single finding
    would otherwise be counted twice), unless the pair is a gold conflict;
  - claims-gold entries use the agreed attributes, modalities and value shapes.
Exits 1 on the first story with problems, after printing them all.
"""
import itertools
import json
import re
import sys
from pathlib import Path

ATTRIBUTES = {
    "headcount", "engineers", "deaths", "injured", "missing", "evacuated", "protesters",
    "area", "fine", "budget", "cost", "capacity", "jobs", "launch", "opening", "ipo",
    "valuation", "production_capacity", "production_target", "revenue", "investment",
    "margin", "price", "market_share", "share", "closure", "announcement", "appointment",
    "completion", "construction_start", "job_openings",
    "status",  # site/event states ("stopped", "ongoing"), the kind=status claims
    "job_cuts", "firefighters", "households_without_power", "profit",
}
MODALITIES = {"assertion", "plan", "reported", "negated"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_story(story: Path) -> list[str]:
    problems = []
    texts = {p.stem: p.read_text(encoding="utf-8")
             for p in (story / "sources").iterdir() if p.is_file()}

    def once(src, quote, where):
        if src not in texts:
            problems.append(f"{where}: unknown source {src!r}")
            return None
        n = texts[src].count(quote)
        if n != 1:
            problems.append(f"{where}: quote {quote!r} occurs {n} times in {src}")
            return None
        i = texts[src].find(quote)
        return (src, i, i + len(quote))

    gold = json.loads((story / "gold.json").read_text(encoding="utf-8"))
    if gold.get("corpus") != story.name:
        problems.append(f"gold corpus {gold.get('corpus')!r} != {story.name!r}")
    conflict_pairs = set()
    ids = [c["id"] for c in gold["conflicts"]] + [t["id"] for t in gold.get("traps", [])]
    if len(ids) != len(set(ids)):
        problems.append("duplicate ids in gold")
    for c in gold["conflicts"]:
        if c["level"] not in ("required", "stretch"):
            problems.append(f"{c['id']}: bad level {c['level']!r}")
        groups = {s.get("group") for s in c["sides"]}
        if len(groups) < 2 or None in groups:
            problems.append(f"{c['id']}: sides need groups a and b")
        sides = [(once(s["source"], s["quote"], c["id"]), s.get("group")) for s in c["sides"]]
        for (a, ga), (b, gb) in itertools.combinations(sides, 2):
            if a and b and ga != gb:
                conflict_pairs.add(tuple(sorted((a, b))))
    # a pair of sides that forms a gold conflict is excused by the scorer, so
    # it may sit in several traps without being counted twice
    pair_owner = {}
    for t in gold.get("traps", []):
        spans = [once(s["source"], s["quote"], t["id"]) for s in t["sides"]]
        spans = [s for s in spans if s]
        if len(spans) < 2:
            problems.append(f"{t['id']}: a trap needs two sides")
        for a, b in itertools.combinations(sorted(set(spans)), 2):
            if (a, b) in conflict_pairs:
                continue
            if (a, b) in pair_owner:
                problems.append(f"traps {pair_owner[(a, b)]} and {t['id']} share the pair "
                                f"{texts[a[0]][a[1]:a[2]]!r} / {texts[b[0]][b[1]:b[2]]!r}")
            pair_owner[(a, b)] = t["id"]

    cpath = story / "claims-gold.json"
    if cpath.exists():
        claims = json.loads(cpath.read_text(encoding="utf-8"))
        seen = set()
        for k, c in enumerate(claims):
            where = f"claims-gold[{k}]"
            span = once(c["source"], c["quote"], where)
            key = (span, c["attribute"], c["entity"])
            if span and key in seen:
                problems.append(f"{where}: duplicate claim {c['quote']!r}")
            seen.add(key)
            a = c["attribute"]
            if a not in ATTRIBUTES and not re.match(r"^(count|date):[a-z_]+$", a):
                problems.append(f"{where}: attribute {a!r} not in the list")
            if c["modality"] not in MODALITIES:
                problems.append(f"{where}: modality {c['modality']!r}")
            v = c["value"]
            ok = isinstance(v, (int, float)) and not isinstance(v, bool)
            ok = ok or isinstance(v, str)
            if isinstance(v, dict):
                if set(v) == {"low", "high"}:
                    ok = any(isinstance(v[x], (int, float)) for x in v) and all(
                        v[x] is None or isinstance(v[x], (int, float)) for x in v)
                elif set(v) == {"start", "end"}:
                    ok = bool(DATE.match(v["start"]) and DATE.match(v["end"])
                              and v["start"] <= v["end"])
            if not ok:
                problems.append(f"{where}: bad value {v!r}")
            if "attributed_to" not in c:
                problems.append(f"{where}: missing attributed_to")
        for sid in texts:
            if not any(c["source"] == sid for c in claims):
                problems.append(f"claims-gold: no claim for source {sid}")
    else:
        problems.append("claims-gold.json missing")
    return problems


def main():
    here = Path(__file__).resolve().parent
    stories = [Path(a) for a in sys.argv[1:]] or sorted(
        p for p in here.iterdir() if (p / "gold.json").exists())
    bad = False
    for story in stories:
        problems = check_story(story)
        print(f"{story.name}: {'ok' if not problems else str(len(problems)) + ' problem(s)'}")
        for p in problems:
            print("  " + p)
        bad = bad or bool(problems)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
