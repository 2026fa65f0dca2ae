"""What range of truth a written figure allows, from what the text says about it."""
from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from ..model import Bounds, Claim
from ..normalize.text import fold


@lru_cache(maxsize=1)
def settings() -> dict:
    return tomllib.loads((files("reconcile") / "data" / "tolerances.toml").read_text("utf-8"))


@dataclass(frozen=True)
class Range:
    """The values a claim allows, and the words that explain why."""

    low: float
    high: float
    rule: str  # "exact", "rounding", "approx", "bound", "range"
    why: str  # "±4 % (environ)", "precise to 1 000", "at least (plus de)"

    def overlaps(self, other: "Range") -> bool:
        return self.low <= other.high and other.low <= self.high

    def gap(self, other: "Range") -> float:
        return max(other.low - self.high, self.low - other.high, 0.0)


def fmt(x: float) -> str:
    """A figure the French way a reader expects in a report: 10,000 / 2.5 / 1.2e9 as 1,200,000,000."""
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def _one_digit(v: float) -> bool:
    """True for 50, 300, 50 000, 2 000 000: one significant digit and zeros."""
    if not float(v).is_integer():
        return False
    n = abs(int(v))
    while n >= 10 and n % 10 == 0:
        n //= 10
    return n < 10


def range_of(c: Claim) -> Range:
    """The range of a numeric claim (value a float or Bounds)."""
    return _range(c.value, c.approx, c.cue, c.precision,
                  c.kind == "quantity" and not c.attribute.startswith(("measure:", "duration:")))


@lru_cache(maxsize=1 << 16)  # one range per distinct figure as written, not one per pair of claims compared
def _range(value, approx: bool, cue_written: str | None, precision: float | None, count: bool) -> Range:
    """The range of a figure: its value, whether it is approximate and by which cue, the step it is written
    to, and whether it is a count (a small count is exact)."""
    cfg = settings()
    cue = fold(cue_written or "").strip()
    if isinstance(value, Bounds):
        lo = value.low if value.low is not None else -math.inf
        hi = value.high if value.high is not None else math.inf
        if value.low is not None and value.high is not None:
            return Range(lo, hi, "range", f"between {fmt(lo)} and {fmt(hi)}")
        if value.low is not None and value.low >= 0 and value.high is None:
            return Range(lo, hi, "bound", f"at least ({cue_written or 'lower bound'})")
        return Range(0.0 if lo == -math.inf else lo, hi, "bound", f"at most ({cue_written or 'upper bound'})")
    v = float(value)
    if approx:
        rate = cfg["approx"].get(cue, cfg["approx"]["default"])
        if cue in {fold(x) for x in cfg["below"]["cues"]}:
            return Range(v * (1 - rate), v, "approx", f"−{rate:.0%} ({cue_written})".replace("%", " %"))
        return Range(v * (1 - rate), v * (1 + rate), "approx",
                     f"±{rate:.0%} ({cue_written or 'approximate'})".replace("%", " %"))
    step = precision or 1.0
    if count and v.is_integer() and abs(v) < cfg.get("rounding", {}).get("exact_below", 0):
        return Range(v, v, "exact", "exact")  # « 40 voix »: a small count is not rounded (a measure or a duration may be)
    one = cfg.get("rounding", {}).get("one_digit", 0.0)
    if one and v and abs(v) >= 10 and _one_digit(v) and abs(v) * one > step / 2:
        half = abs(v) * one
        return Range(v - half, v + half, "rounding", f"a round figure, ±{one:.0%}".replace("%", " %"))
    if step > 1 or step < 1:
        half = step / 2
        return Range(v - half, v + half, "rounding", f"precise to {fmt(step)}")
    return Range(v, v, "exact", "exact")
