"""A stated total that its own parts contradict (kind `inconsistent_total`).

Only parts that the article itself presents as parts of that total are added up (the relations of
extract/relations.py): « 640 suppressions, dont 410 … et 300 … » (the parts add up to at most the
whole: 710 is too many), « 90 000 foyers : 52 000 …, 21 000 … et 9 000 … » (a breakdown: the parts
make the whole, so 82 000 is too few as well). Each side is taken with the range its wording allows
(« environ », a round figure), so that a breakdown of rounded figures is not a finding. Three parts
or more after « dont » that cover nine tenths of the total or more are read as its itemized breakdown
(« un coût de 4,2 millions, dont 2,1 …, 1,3 … et 0,6 … »): falling short of it is a finding of low severity.
"""
from __future__ import annotations

import hashlib
import math
from collections import defaultdict

from ..model import Claim, Finding, value_to_json
from .tolerance import Range, fmt, range_of

KIND = "inconsistent_total"
ITEMIZED_PARTS = 3  # parts listed after « dont » from which a list that covers ITEMIZED_SHARE of its total
ITEMIZED_SHARE = 0.9  # is read as the total's itemized breakdown


def inconsistent_totals(claims: list[Claim]) -> list[Finding]:
    """One finding per total whose stated parts cannot add up to it, in a stable order."""
    wholes = {c.part_of for c in claims if c.part_of}
    by_id = {c.id: c for c in claims if c.id in wholes}  # the totals parts name, not every claim
    parts: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.part_of and c.part_of in by_id and c.relation and c.modality != "negated":
            parts[c.part_of].append(c)
    out = []
    for wid, ps in sorted(parts.items()):
        whole = by_id[wid]
        ps = sorted({p.start: p for p in ps}.values(), key=lambda p: p.start)  # one claim per figure
        f = _check(whole, ps)
        if f is not None:
            out.append(f)
    return out


def _check(whole: Claim, parts: list[Claim]) -> Finding | None:
    rw = range_of(whole)
    ranges = [range_of(p) for p in parts]
    low = sum(r.low for r in ranges)
    high = sum(r.high for r in ranges)
    breakdown = any(p.relation.startswith("breakdown:") for p in parts)
    # « 4,2 millions d'euros, dont 2,1 millions …, 1,3 million … et 0,6 million … »: three parts or more
    # after « dont » that cover nearly all the total are its itemized breakdown, as a reader takes it
    itemized = not breakdown and len(parts) >= ITEMIZED_PARTS and \
        sum(float(p.value) for p in parts if isinstance(p.value, float)) >= ITEMIZED_SHARE * rw.low
    if low > rw.high:
        why = f"add up to {_sum(parts, low, high)}, more than the total allows ({_range(rw)})"
    elif breakdown and high < rw.low:
        why = (f"add up to {_sum(parts, low, high)}, less than the total ({_range(rw)}), though the article "
               "gives them as its breakdown")
    elif itemized and high < rw.low:
        why = (f"add up to {_sum(parts, low, high)}, less than the total ({_range(rw)}); {len(parts)} parts that "
               f"cover {ITEMIZED_SHARE:.0%} of it or more read as its itemized breakdown".replace("%", " %"))
    else:
        return None
    cue = parts[0].relation.split(":", 1)[1]
    listed = " + ".join(f"«{p.quote}»" for p in parts)
    told = (f"Inconsistent total in {whole.source} (line {whole.line}): «{whole.quote}» is the total, and the "
            f"parts the article lists after «{cue}» ({listed}) {why}.")
    ids = (whole.id,) + tuple(p.id for p in parts)
    fid = "f-" + hashlib.sha1(f"{KIND}|{'|'.join(ids)}".encode()).hexdigest()[:10]
    return Finding(id=fid, kind=KIND, severity="low" if itemized and low <= rw.high else "medium", entity=whole.entity, attribute=whole.attribute,
                   claims=ids, explanation=told, rule="sum-of-parts",
                   consensus=value_to_json(whole.value) if isinstance(whole.value, float) else None,
                   support=1, outliers=())


def _sum(parts: list[Claim], low: float, high: float) -> str:
    exact = sum(float(p.value) for p in parts if isinstance(p.value, float))
    if all(isinstance(p.value, float) for p in parts) and low == high:
        return fmt(exact)
    hi = "∞" if math.isinf(high) else fmt(high)
    return f"{fmt(exact)} [{fmt(low)}–{hi}]" if all(isinstance(p.value, float) for p in parts) else f"[{fmt(low)}–{hi}]"


def _range(r: Range) -> str:
    if r.low == r.high:
        return fmt(r.low)
    return f"{fmt(r.low)}–{fmt(r.high)}, {r.why}"
