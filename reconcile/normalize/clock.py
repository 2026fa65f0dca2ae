"""Times of day in French text: « à 7 heures », « samedi à 18 h 30 », « vendredi soir ».

Pure: `clocks(text)` returns where each time of day is written and the minutes of the day it
covers, `[first, last]` (0–1439). The words live in periods.toml ([clock]); « 24 heures »,
« pendant 10 heures » and « 48 heures » after no introducing word are durations, not hours.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ._periods import lexicon
from .text import fold


@dataclass(frozen=True)
class Clock:
    start: int  # offsets in the text given
    end: int
    first: int  # minutes of the day
    last: int

    def label(self) -> str:
        return hhmm(self.first) if self.first == self.last else f"{hhmm(self.first)}-{hhmm(self.last)}"


def hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_label(label: str) -> tuple[int, int] | None:
    """[first, last] minutes of a label written by `Clock.label` (« 07:00 », « 18:00-23:59 »)."""
    m = re.fullmatch(r"(\d\d):(\d\d)(?:-(\d\d):(\d\d))?", label or "")
    if not m:
        return None
    first = int(m.group(1)) * 60 + int(m.group(2))
    last = int(m.group(3)) * 60 + int(m.group(4)) if m.group(3) else first
    return first, last


def apart(a: str, b: str) -> bool:
    """True when two labels name times of day that do not overlap (« 07:00 » / « 15:00 »,
    « 18:00-23:59 » / « 08:00 »); False when either is not a label."""
    ra, rb = parse_label(a), parse_label(b)
    return ra is not None and rb is not None and (ra[1] < rb[0] or rb[1] < ra[0])


def _alternation(words) -> str:
    return "|".join(re.escape(fold(w)).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@cache
def _patterns():
    data = lexicon()["clock"]
    days = list(lexicon()["weekdays"]) + ["hier", "ce", "cette", "demain", "aujourd'hui", "avant-hier"]
    hour = re.compile(r"(?<![\w'])(?:" + _alternation(data["before"]) + r")\s+"
                      r"(\d{1,2})\s?(?:h|heures?)(?:\s?(\d{2})(?!\d))?(?![\w])")
    parts = {fold(k): tuple(v) for k, v in data["parts"].items()}
    part = re.compile(r"(?<![\w'])(?:" + _alternation(days) + r")(?:\s+\d{1,2}(?:er)?(?:\s+[a-z]+)?)?\s+(?:au\s+)?("
                      + _alternation(parts) + r")(?![\w-])")
    phrases = {fold(k): parts[fold(v)] for k, v in data["phrases"].items()}
    phrase = re.compile(r"(?<![\w'])(" + _alternation(phrases) + r")(?![\w-])")
    return hour, part, parts, phrase, phrases


def clocks(text: str) -> list[Clock]:
    """The times of day written in `text`, in text order."""
    hour, part, parts, phrase, phrases = _patterns()
    low = fold(text)
    out = []
    for m in hour.finditer(low):
        h, mins = int(m.group(1)), int(m.group(2) or 0)
        if h < 24 and mins < 60:
            out.append(Clock(m.start(), m.end(), h * 60 + mins, h * 60 + mins))
    for m in part.finditer(low):
        first, last = parts[re.sub(r"\s+", " ", m.group(1))]
        out.append(Clock(m.start(), m.end(), first, last))
    for m in phrase.finditer(low):
        first, last = phrases[re.sub(r"\s+", " ", m.group(1))]
        out.append(Clock(m.start(), m.end(), first, last))
    out.sort(key=lambda c: (c.start, -c.end))
    kept: list[Clock] = []
    for c in out:  # two readings of one stretch of text: the one that starts first (and is longest) stays
        if kept and c.start < kept[-1].end:
            continue
        kept.append(c)
    return kept
