#!/usr/bin/env python3
"""Score the claims of a reconcile JSON report against a gold table of claims.

usage: python benchmarks/claims_eval.py GOLD.json SOURCES_DIR REPORT.json [--verbose] [--numeric-dated]

--numeric-dated keeps only numeric and dated claims on both sides (gold values
that are numbers, bounds or intervals; predicted kinds quantity, money,
percent, date): the scope of the extraction target (recall >= 0.9, precision
>= 0.85).

GOLD.json is a list of {source, quote, entity, attribute, value, modality, ...}
(see benchmarks/gold/README.md); each quote is located in SOURCES_DIR/<source>.*
with text.find(quote), and a quote that is not found stops the run.
REPORT.json is a reconcile report (schema reconcile-report/1); only its
claims[] are read: {id, source, start, end, quote, entity, attribute, value,
kind, modality, attributed_to}.

Matching is one-to-one. A predicted claim can match a gold claim when both are
in the same source and their [start, end) spans overlap. The pairs whose values
are equal are matched first (a maximum matching), then the remaining claims are
paired on overlap alone. Values are equal when: numbers agree within 0.5%;
{low, high} bounds agree on each side; {start, end} intervals are identical;
strings are identical (case folded).

Printed figures, one per line:
  gold=N predicted=M
  span_recall       gold claims matched to an overlapping predicted claim / N
  value_recall      matched pairs with equal values / N
  value_precision   matched pairs with equal values / M
  attribute_accuracy, entity_accuracy, modality_accuracy
                    among the value-matched pairs; entities are compared after
                    folding case, accents and apostrophes: a name resolves to the
                    gold's when one's content words are among the other's and both
                    begin with the same word (or, for a person, end with the same
                    surname); a name in the gold's parentheses is an alternate.
                    Not a substring: « Gard » is not « inondations du Gard »
  over_gold         entity, attribute and scope accuracy over EVERY gold claim
                    (a gold claim the tool misses counts as wrong): issue 9's gate.
                    Scope compares the fields place, unit and population (resolved
                    the same way), over the gold claims that annotate a scope (a
                    gold without a `scope` key has no scope figure); `{}` needs a
                    predicted claim without them
  attribution       on gold claims with a speaker or counter: recall = those whose
                    value-matched claim names it; precision = among value-matched
                    predicted claims that name one, those the gold names too
  entity_grouping   pairs of gold claims the gold gives one entity, against pairs the tool
                    gives one entity (whatever its wording): precision and recall of the
                    tool's grouping, which is what decides which claims are compared
  precision=P recall=R f1=F   (P = value_precision, R = value_recall)
Every predicted claim counts; nothing is filtered by kind. Exit 0 always.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

REL_TOL = 0.005
APOSTROPHES = "'\u2019\u2018\u02bc`\u00b4"


# ---------------------------------------------------------------- values

def _is_number(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def numbers_equal(a, b) -> bool:
    """Numbers equal within REL_TOL (relative to the larger magnitude)."""
    if a is None or b is None:
        return a is None and b is None
    if not (_is_number(a) and _is_number(b)):
        return False
    return abs(a - b) <= REL_TOL * max(abs(a), abs(b))


def values_equal(gold, pred) -> bool:
    """Equal values: numbers, {low, high} bounds, {start, end} intervals or strings."""
    if _is_number(gold) or _is_number(pred):
        return numbers_equal(gold, pred)
    if isinstance(gold, str) and isinstance(pred, str):
        return gold.strip().casefold() == pred.strip().casefold()
    if isinstance(gold, dict) and isinstance(pred, dict):
        if set(gold) == {"low", "high"} == set(pred):
            return numbers_equal(gold["low"], pred["low"]) and numbers_equal(gold["high"], pred["high"])
        if set(gold) == {"start", "end"} == set(pred):
            return gold["start"] == pred["start"] and gold["end"] == pred["end"]
    return False


def fold(text) -> str:
    """Case, accents and apostrophes folded, spaces collapsed."""
    text = unicodedata.normalize("NFKD", str(text or ""))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    for ch in APOSTROPHES:
        text = text.replace(ch, "'")
    return " ".join(text.casefold().split())


# Attribute ids that two spellings of one id convention give (the stories' gold was written before the
# tool's ids were settled): a unit of measure counted (« count:kilometre ») is the tool's `measure:km`, a
# number of years its `duration:year`, a share its `share:<what>`. Meanings never merge here: `budget` is
# not `cost`, nor `amount` anything but `amount`.
ID_SPELLINGS = {"count:metre": "measure:m", "count:kilometre": "measure:km", "count:hectare": "measure:hectare",
                "count:an": "duration:year", "count:annee": "duration:year", "count:mois": "duration:month",
                "count:jour": "duration:day", "count:heure": "duration:hour", "count:semaine": "duration:week",
                "count:minute": "duration:minute", "households_without_power": "without_power",
                # a count of the noun that defines one of the tool's attributes is that attribute
                "count:voix": "votes", "count:siege": "seats", "count:inscrit": "registered_voters",
                # a percentage of change (« a reculé de 12 % ») is the tool's relative change
                "count:pourcent_baisse": "percent_decrease", "count:pourcent_hausse": "percent_increase"}


def attributes_equal(gold, pred) -> bool:
    """One attribute id: equal once folded and spelled the tool's way; a gold `share` (the share of
    what its scope says) is any `share:<what>`."""
    g, p = fold(gold), fold(pred)
    g = ID_SPELLINGS.get(g, g)
    return g == p or g == "share" and p.startswith("share:")


SCOPE_FIELDS = ("place", "unit", "population")


def scopes_equal(gold, pred) -> bool:
    """The place, unit and population of a claim agree (each folded, one containing the other;
    a field on one side only is a disagreement)."""
    g = {k: v for k, v in (gold or {}).items() if k in SCOPE_FIELDS and v}
    p = {k: v for k, v in (pred or {}).items() if k in SCOPE_FIELDS and v}
    return g.keys() == p.keys() and all(entities_equal(g[k], p[k]) for k in g)


# Words a name's content is read without: articles, prepositions, and the common nouns that introduce
# an organisation's own name (« l'usine Sylvachim » is Sylvachim).
_NAME_STOP = {"le", "la", "les", "l", "de", "du", "des", "d", "a", "au", "aux", "en", "dans", "et", "un", "une",
              "sur", "pour", "chez"}
_NAME_INTRO = {"usine", "site", "groupe", "groupement", "societe", "entreprise", "commune", "ville"}


def _content(name: str) -> list[str]:
    words = [w for w in re.findall(r"[\w-]+", fold(name).replace("'", " ")) if w not in _NAME_STOP]
    # the singular (« inondations » is « inondation »): a name's words in either number are one word
    words = [w[:-1] if len(w) > 3 and w[-1] in "sx" and not w.endswith(("ss", "us")) else w for w in words]
    while len(words) > 1 and words[0] in _NAME_INTRO:
        words = words[1:]
    return words


def _acronym_of(short: list[str], long: list[str]) -> bool:
    """« CRC » is « chambre régionale des comptes »: one word spelling the initials of the other's."""
    return len(short) == 1 and len(long) >= 2 and 2 <= len(short[0]) <= 7 and \
        short[0].replace("-", "") == "".join(w[0] for w in long)


def _alternates(gold: str) -> list[str]:
    """A gold name and the name in its parentheses: « Premier ministre (Philippe Lambertin) »."""
    inner = re.findall(r"\(([^()]*)\)", gold)
    outer = re.sub(r"\([^()]*\)", " ", gold)
    return [outer, *inner]


def entities_equal(gold, pred) -> bool:
    """A predicted name resolves to the gold's: one's content words are among the other's and both
    begin with the same word (« préfecture » / « préfecture du Gard », « inondations dans le Gard » /
    « inondations du Gard (octobre 2025) »); a person is also named by the surname (« Lefèvre » /
    « Jean-Marc Lefèvre »), an acronym by its long form (« CRC » / « chambre régionale des comptes »). Not a substring: « Gard » is not « inondations du Gard », nor « grève du
    5 février » « grève du 12 février »."""
    if not fold(gold) or not fold(pred):
        return fold(gold) == fold(pred)
    pw = _content(pred)
    for alt in _alternates(str(gold)):
        gw = _content(alt)
        if not gw or not pw:
            continue
        if _acronym_of(pw, gw) or _acronym_of(gw, pw):
            return True
        small, big = (pw, gw) if len(pw) <= len(gw) else (gw, pw)
        if not set(small) <= set(big):
            continue
        person = all(w[:1].isupper() for w in re.findall(r"[^\W\d_][\w-]*", alt)) and len(gw) >= 2
        if small[0] == big[0] or person and small[-1] == big[-1]:
            return True
    return False


# ---------------------------------------------------------------- spans

def locate(gold: list[dict], texts: dict[str, str]) -> list[tuple[str, int, int]]:
    """(source, start, end) of every gold quote; ValueError when one is not found."""
    spans = []
    for k, g in enumerate(gold):
        text = texts.get(g["source"])
        if text is None:
            raise ValueError(f"gold[{k}]: unknown source {g['source']!r}")
        i = text.find(g["quote"])
        if i < 0:
            raise ValueError(f"gold[{k}]: quote not found in {g['source']}: {g['quote']!r}")
        spans.append((g["source"], i, i + len(g["quote"])))
    return spans


def pred_span(claim: dict, texts: dict[str, str]) -> tuple[str, int, int]:
    """(source, start, end) of a predicted claim; the source may be a stem or a path."""
    src = str(claim.get("source", ""))
    if src not in texts:
        src = Path(src).stem
    return src, int(claim["start"]), int(claim["end"])


def overlap(a: tuple[str, int, int], b: tuple[str, int, int]) -> int:
    """Characters shared by two spans of the same source (0 when none)."""
    if a[0] != b[0]:
        return 0
    return max(0, min(a[2], b[2]) - max(a[1], b[1]))


# ---------------------------------------------------------------- matching

def max_matching(edges: dict[int, list[int]], taken_g: set, taken_p: set) -> dict[int, int]:
    """Maximum bipartite matching gold -> predicted (Kuhn), skipping taken nodes."""
    owner: dict[int, int] = {}

    def augment(g, seen):
        for p in edges.get(g, []):
            if p in taken_p or p in seen:
                continue
            seen.add(p)
            if p not in owner or augment(owner[p], seen):
                owner[p] = g
                return True
        return False

    for g in sorted(edges):
        if g not in taken_g:
            augment(g, set())
    return {g: p for p, g in owner.items()}


def match(gold, gspans, preds, pspans) -> tuple[dict[int, int], set[int]]:
    """One-to-one pairs gold index -> predicted index, and the gold indices value-matched."""
    edges_all: dict[int, list[int]] = {}
    edges_val: dict[int, list[int]] = {}
    for gi, gs in enumerate(gspans):
        cands = [(overlap(gs, ps), pi) for pi, ps in enumerate(pspans) if overlap(gs, ps) > 0]
        cands.sort(key=lambda t: (-t[0], t[1]))  # prefer the widest overlap
        edges_all[gi] = [pi for _, pi in cands]
        edges_val[gi] = [pi for pi in edges_all[gi] if values_equal(gold[gi]["value"], preds[pi].get("value"))]
    pairs = max_matching(edges_val, set(), set())
    value_matched = set(pairs)
    rest = max_matching(edges_all, set(pairs), set(pairs.values()))
    pairs.update(rest)
    return pairs, value_matched


# ---------------------------------------------------------------- scoring

def _ratio(num: int, den: int):
    return num / den if den else None


def entity_grouping(gold: list[dict], matched: dict[int, dict]) -> tuple[float | None, float | None]:
    """(precision, recall) of the tool's grouping of gold claims by entity, whatever it names them.

    Over pairs of gold claims: the gold puts a pair together when its two entities are one name
    (folded); the tool does when both claims were value-matched and its two entities are one name.
    Precision = pairs together on both sides / pairs the tool puts together; recall = the same / pairs
    the gold puts together (a missed claim, or one with no entity, is together with nothing). Names
    are compared folded, as written in the report (after the tool's own resolution across the corpus):
    how the tool groups claims by entity, whatever it calls them, where entity accuracy also asks that
    it write the gold's own wording of the name."""
    both = tool = same = 0
    for i in range(len(gold)):
        for j in range(i + 1, len(gold)):
            g = fold(gold[i]["entity"]) == fold(gold[j]["entity"])
            t = i in matched and j in matched and matched[i].get("entity") is not None and \
                fold(matched[i]["entity"]) == fold(str(matched[j].get("entity")))
            same += g
            tool += t
            both += g and t
    return _ratio(both, tool), _ratio(both, same)


def score(gold: list[dict], texts: dict[str, str], report: dict) -> dict:
    """All figures of the benchmark, plus the missed gold and unmatched predicted claims."""
    preds = list(report.get("claims", []))
    gspans = locate(gold, texts)
    pspans = [pred_span(c, texts) for c in preds]
    pairs, value_matched = match(gold, gspans, preds, pspans)
    vpairs = [(gold[g], preds[pairs[g]]) for g in sorted(value_matched)]
    n_g, n_p, n_v = len(gold), len(preds), len(vpairs)
    attr_ok = sum(attributes_equal(g["attribute"], p.get("attribute")) for g, p in vpairs)
    ent_ok = sum(entities_equal(g["entity"], p.get("entity")) for g, p in vpairs)
    mod_ok = sum(g.get("modality") == p.get("modality") for g, p in vpairs)
    # scope is scored over the gold claims that annotate it (a gold written before scopes were annotated
    # says nothing of them: its claims are left out, and scope_over_gold is None when none has one)
    scope_ok = sum(scopes_equal(g["scope"], p.get("scope")) for g, p in vpairs if "scope" in g)
    n_scoped = sum(1 for g in gold if "scope" in g)
    said = [(g, p) for g, p in vpairs if g.get("attributed_to")]
    n_said = sum(1 for g in gold if g.get("attributed_to"))
    says = [(g, p) for g, p in vpairs if p.get("attributed_to")]
    att_hit = sum(entities_equal(g["attributed_to"], p.get("attributed_to")) for g, p in said if p.get("attributed_to"))
    att_right = sum(bool(g.get("attributed_to")) and entities_equal(g["attributed_to"], p["attributed_to"])
                    for g, p in says)
    precision, recall = _ratio(n_v, n_p) or 0.0, _ratio(n_v, n_g) or 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    matched_p = {pairs[g] for g in value_matched}
    grouping = entity_grouping(gold, {g: preds[pairs[g]] for g in value_matched})
    return {
        "gold": n_g, "predicted": n_p,
        "span_matched": len(pairs), "value_matched": n_v,
        "span_recall": _ratio(len(pairs), n_g),
        "value_recall": _ratio(n_v, n_g),
        "value_precision": _ratio(n_v, n_p),
        "attribute_accuracy": _ratio(attr_ok, n_v),
        "entity_accuracy": _ratio(ent_ok, n_v),
        "modality_accuracy": _ratio(mod_ok, n_v),
        "entity_over_gold": _ratio(ent_ok, n_g), "attribute_over_gold": _ratio(attr_ok, n_g),
        "scope_over_gold": _ratio(scope_ok, n_scoped),
        "attribution_recall": _ratio(att_hit, n_said), "attribution_precision": _ratio(att_right, len(says)),
        "attributed_gold": n_said,
        "grouping_precision": grouping[0], "grouping_recall": grouping[1],
        "precision": precision, "recall": recall, "f1": f1,
        "missed": [(gold[g], preds[pairs[g]] if g in pairs else None)
                   for g in range(n_g) if g not in value_matched],
        "unmatched": [preds[p] for p in range(n_p) if p not in matched_p],
    }


# ---------------------------------------------------------------- command line

def _fmt(x) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def render(res: dict, verbose: bool = False) -> list[str]:
    """The printed lines for a score() result."""
    n_g, n_p, n_v = res["gold"], res["predicted"], res["value_matched"]
    lines = [
        f"gold={n_g} predicted={n_p}",
        f"span_recall={_fmt(res['span_recall'])} ({res['span_matched']}/{n_g})",
        f"value_recall={_fmt(res['value_recall'])} ({n_v}/{n_g})",
        f"value_precision={_fmt(res['value_precision'])} ({n_v}/{n_p})",
        f"attribute_accuracy={_fmt(res['attribute_accuracy'])}",
        f"entity_accuracy={_fmt(res['entity_accuracy'])}",
        f"modality_accuracy={_fmt(res['modality_accuracy'])}",
        f"over_gold entity={_fmt(res['entity_over_gold'])} attribute={_fmt(res['attribute_over_gold'])} "
        f"scope={_fmt(res['scope_over_gold'])}",
        f"attribution precision={_fmt(res['attribution_precision'])} recall={_fmt(res['attribution_recall'])} "
        f"(gold with a speaker or counter: {res['attributed_gold']})",
        f"entity_grouping precision={_fmt(res['grouping_precision'])} recall={_fmt(res['grouping_recall'])}",
    ]
    if verbose:
        for g, p in res["missed"]:
            seen = f" (overlapping predicted value {json.dumps(p.get('value'), ensure_ascii=False)})" if p else ""
            lines.append(f"missed {g['source']}: {g['quote']!r} {g['attribute']}="
                         f"{json.dumps(g['value'], ensure_ascii=False)}{seen}")
        for p in res["unmatched"]:
            lines.append(f"unmatched {p.get('source')}: {str(p.get('quote', ''))!r} {p.get('attribute')}="
                         f"{json.dumps(p.get('value'), ensure_ascii=False)}")
    lines.append(f"precision={_fmt(res['precision'])} recall={_fmt(res['recall'])} f1={_fmt(res['f1'])}")
    return lines


def read_texts(src_dir: Path) -> dict[str, str]:
    """Source texts keyed by file stem (files that are not UTF-8 text are skipped)."""
    texts = {}
    for p in sorted(src_dir.iterdir()):
        if p.is_file() and p.suffix not in (".toml", ".json"):
            try:
                texts[p.stem] = p.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue
    return texts


NUMERIC_DATED_KINDS = {"quantity", "money", "percent", "date"}


def numeric_dated(gold: list[dict], report: dict) -> tuple[list[dict], dict]:
    """Only numeric and dated claims: gold values that are not status words, predicted kinds that are not status."""
    g = [x for x in gold if not isinstance(x.get("value"), str)]
    r = dict(report, claims=[c for c in report.get("claims", []) if c.get("kind") in NUMERIC_DATED_KINDS])
    return g, r


def main(argv: list[str]) -> int:
    args = [a for a in argv if a not in ("--verbose", "--numeric-dated")]
    if len(args) != 3:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    gold_path, src_dir, report_path = map(Path, args)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    report = json.loads(report_path.read_text(encoding="utf-8"))
    if "--numeric-dated" in argv:
        gold, report = numeric_dated(gold, report)
    try:
        res = score(gold, read_texts(src_dir), report)
    except ValueError as e:
        raise SystemExit(f"claims_eval: {e}")
    print("\n".join(render(res, verbose="--verbose" in argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
