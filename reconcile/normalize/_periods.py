"""Calendar arithmetic and the French lexicon behind `reconcile.normalize.dates`.

Pure functions over `datetime.date` and `Interval`; no clock, no I/O except
reading the packaged `periods.toml` once.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Callable, Iterable

from reconcile.model import Interval
from reconcile.normalize.text import fold

_UNIT_MONTHS = {"month": 1, "quarter": 3, "half": 6, "year": 12}


@cache
def lexicon() -> dict:
    """The parsed `reconcile/data/periods.toml`, read once."""
    path = files("reconcile") / "data" / "periods.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


@cache
def folded(table: str, key: str | None = None) -> dict:
    """A table of the lexicon keyed by folded forms (as the parser sees the text)."""
    data = lexicon()[table]
    data = data[key] if key else data
    if isinstance(data, list):
        return {fold(k): k for k in data}
    return {fold(k): v for k, v in data.items()}


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def add_months(d: dt.date, n: int) -> dt.date:
    """`d` moved by `n` calendar months, the day clamped to the month's end."""
    y, m0 = divmod(d.year * 12 + d.month - 1 + n, 12)
    return dt.date(y, m0 + 1, min(d.day, calendar.monthrange(y, m0 + 1)[1]))


def months(y: int, m: int, n: int = 1) -> Interval:
    """`n` whole months starting with month `m` of year `y`."""
    start = dt.date(y, m, 1)
    last = add_months(start, n - 1)
    return Interval(start, last.replace(day=calendar.monthrange(last.year, last.month)[1]))


def years(y1: int, y2: int) -> Interval:
    return Interval(dt.date(y1, 1, 1), dt.date(y2, 12, 31))


def whole_months(iv: Interval) -> int | None:
    """How many whole months `iv` spans, or None if it does not start and end on month bounds."""
    if iv.start.day != 1 or (iv.end + dt.timedelta(days=1)).day != 1:
        return None
    return (iv.end.year - iv.start.year) * 12 + iv.end.month - iv.start.month + 1


def part(iv: Interval, third: int | str, month_days: list[int]) -> Interval:
    """The début / mi / fin part of `iv` (rules in periods.toml)."""
    if third == "all":
        return iv
    n = whole_months(iv)
    if n == 1:
        last = iv.end.day
        return Interval(iv.start.replace(day=min(month_days[0], last)), iv.start.replace(day=min(month_days[1], last)))
    if n and n % 3 == 0:
        s = add_months(iv.start, n // 3 * third)
        return months(s.year, s.month, n // 3)
    a = iv.start + dt.timedelta(days=iv.days * third // 3)
    b = iv.start + dt.timedelta(days=iv.days * (third + 1) // 3 - 1)
    return Interval(a, max(a, b))


def shift(iv: Interval, step: int) -> Interval:
    """The span of the same shape just before (`step=-1`) or after (`+1`) `iv`."""
    n = whole_months(iv)
    if n:
        s = add_months(iv.start, step * n)
        return months(s.year, s.month, n)
    delta = dt.timedelta(days=iv.days * step)
    return Interval(iv.start + delta, iv.end + delta)


def bound(iv: Interval, rule: str | None, ref: dt.date | None) -> Interval:
    """Apply an open-bound cue rule (deadline, from, since, before, after) to `iv`."""
    if rule == "deadline" and ref and ref <= iv.end:
        return Interval(ref, iv.end)
    if rule == "since" and ref and ref > iv.end:
        return Interval(iv.start, ref)
    if rule in ("before", "after"):
        return shift(iv, -1 if rule == "before" else 1)
    return iv


def _distance(iv: Interval, ref: dt.date) -> float:
    if iv.end < ref:
        return (ref - iv.end).days
    if iv.start > ref:
        return (iv.start - ref).days * lexicon()["resolve"]["future_weight"]
    return 0.0


# How to choose among candidate spans of a period written without its year:
# "previous" the last one ending before ref ("lundi dernier"), "next" the first
# one starting after it ("février prochain"), "current" the one holding ref
# else the next ("cet été", "d'ici mars"), "current_or_previous" the one holding
# ref else the last one before ("depuis mars"), None the closest (future
# distances weighted, past wins ties).
REL_MODES = {-1: "previous", 1: "next", 0: "current"}


def pick(cands: Iterable[Interval], ref: dt.date, mode: str | None) -> Interval | None:
    """Choose among candidate spans according to `mode` (see REL_MODES)."""
    cands = sorted(cands, key=lambda c: c.start)
    if mode == "previous":
        return next((c for c in reversed(cands) if c.end < ref), None)
    if mode == "next":
        return next((c for c in cands if c.start > ref), None)
    if mode == "current":
        return next((c for c in cands if c.end >= ref), None)
    if mode == "current_or_previous":
        return next((c for c in reversed(cands) if c.start <= ref), None)
    return min(cands, key=lambda c: _distance(c, ref), default=None)


def by_year(build: Callable[[int], Interval | None], ref: dt.date, mode: str | None) -> Interval | None:
    """Resolve a span written without its year against `ref`."""
    cands = [iv for y in range(ref.year - 2, ref.year + 3) if (iv := build(y)) is not None]
    return pick(cands, ref, mode)


def unit_span(unit: str, ref: dt.date, offset: int) -> Interval:
    """The week, month, quarter, half or year holding `ref`, moved by `offset` units."""
    if unit == "week":
        start = ref - dt.timedelta(days=ref.weekday() - 7 * offset)
        return Interval(start, start + dt.timedelta(days=6))
    n = _UNIT_MONTHS[unit]
    first = dt.date(ref.year, (ref.month - 1) // n * n + 1, 1)
    s = add_months(first, offset * n)
    return months(s.year, s.month, n)


def step(d: dt.date, unit: str, k: int) -> dt.date:
    """`d` moved by `k` days, weeks, months or years."""
    if unit in ("day", "week"):
        return d + dt.timedelta(days=k * (7 if unit == "week" else 1))
    return add_months(d, k * _UNIT_MONTHS[unit])


def count(ref: dt.date, unit: str, lo: int, hi: int, sign: int, kind: str | None) -> Interval:
    """"il y a (plus de) n unités", "dans n unités" (rules in periods.toml, [ago])."""
    if kind == "less":
        return _ordered(ref, step(ref, unit, sign * hi))
    if kind == "more":
        near = step(ref, unit, sign * lo)
        return _ordered(near, step(near, unit, sign))
    if lo != hi:
        return _ordered(step(ref, unit, sign * lo), step(ref, unit, sign * hi))
    point = step(ref, unit, sign * lo)
    half = dt.timedelta(days=lexicon()["ago"]["halfwidth_days"][unit])
    return Interval(point - half, point + half)


def _ordered(a: dt.date, b: dt.date) -> Interval:
    return Interval(min(a, b), max(a, b))


# --- grammar: the lexicon turned into compiled patterns, built once ----------

S = r"[ \t]+"  # horizontal space; the folded text has no U+00A0 / U+202F left
S0 = r"[ \t]*"
_ART = rf"(?:{S}(?:le|la|les)(?!\w)|{S0}l'{S0})?"  # article after a cue: "dès le", "jusqu'à la"
_YEAR = r"(?<![\w.,])(?:19\d\d|20\d\d|2100)(?!\d|[.,]\d)"
_DAY = r"(?<![\w.,])(?:1er|premier|3[01]|[12]\d|0?[1-9])(?!\d)"


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of folded words, longest first, spaces as `S`."""
    forms = sorted({fold(w) for w in words}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", S) for w in forms) + ")"


@dataclass(frozen=True)
class Grammar:
    anchor: re.Pattern  # one alternation; m.lastgroup names the kind of period
    part: re.Pattern  # "à la fin de ", "mi-", "début " ending where a period starts
    cue: re.Pattern  # "d'ici ", "dès le ", "avant "
    prep: re.Pattern  # "en ", "au cours du "
    opener: re.Pattern  # "entre ", "du ", "de "
    join: re.Pattern  # " et ", " au ", " jusqu'en "
    follower: re.Pattern  # the word after a year
    bare_end: re.Pattern  # what may follow a year written alone
    bare_before: re.Pattern  # marks that make a lone year a number ("n° 2025")
    figurative: re.Pattern  # "de " before "demain"
    partable: frozenset = frozenset(
        {"year", "yrange", "monthyear", "numym", "quarter", "half", "season", "decade", "relunit"})
    rangeable: frozenset = frozenset(
        {"year", "monthyear", "numym", "date", "ndate", "iso", "quarter", "half", "season"})
    borrowers: frozenset = frozenset({"date", "monthyear", "quarter", "half", "season"})


def _anchor_kinds(L: dict) -> dict[str, str]:
    """Named alternatives of the period pattern; order matters where two start alike."""
    month, wd, season, ordn = (_alt(L[k]) for k in ("months", "weekdays", "seasons", "ordinals"))
    rel, this, g, ago = _alt(L["relative"]["rel"]), _alt(L["relative"]["this"]), L["grammar"], L["ago"]
    Y, year = _YEAR, _alt([g["year"]])
    qc, hc = ("".join(c.lower() for c in g[k]) for k in ("quarter_codes", "half_codes"))

    def relw(group: str) -> str:  # "dernier", "prochain" after a period word
        return rf"{S}(?P<{group}>{rel})(?!\w)"

    def ordinal(noun: str, group: str) -> str:  # "second semestre (de l'année) 2023"
        return rf"{S}{_alt([noun])}(?!\w)(?:{S}(?:de{S}l'{year}{S}|de{S}|d'|en{S})?(?P<{group}>{Y}))?"

    return {
        "ndate": r"(?<![\w./-])(?P<nd_d>\d{1,2})(?P<nd_s>[/.-])(?P<nd_m>\d{1,2})(?P=nd_s)"
                 r"(?P<nd_y>\d{4}|\d{2})(?!\w|[./-]\d)",
        "iso": r"(?<![\w./-])(?P<iso_y>\d{4})-(?P<iso_m>\d\d)-(?P<iso_d>\d\d)(?!\w|[.-]\d)",
        # « du 4 au 6 mars », « du mercredi 4 au vendredi 6 février », « les 16, 17 et 18 mars » (a list of
        # days is the span from its first to its last)
        "drange": rf"(?:(?<!\w){wd}{S})?(?P<dr_d1>{_DAY})(?:{S0},{S0}{_DAY})*"
                  rf"(?:{S0}[-–]{S0}|{S}(?:au|a|et){S}(?:le{S})?)(?:{wd}{S})?(?P<dr_d2>{_DAY}){S}"
                  rf"(?P<dr_m>{month})(?!\w)(?:{S}(?P<dr_y>{Y}))?",
        "date": rf"(?:(?<!\w)(?P<dt_wd>{wd}){S})?(?P<dt_d>{_DAY}){S}(?P<dt_m>{month})(?!\w)"
                rf"(?:{S}(?P<dt_y>{Y})|{relw('dt_rel')})?",
        "numym": rf"(?<![\w./-])(?P<nm_m>0?[1-9]|1[0-2])/(?P<nm_y>{Y})",
        "quarter": rf"(?<!\w)(?:(?P<q_code>[{qc}][1-4]|[1-4][{qc}])(?:{S}|-|/)?(?P<q_y>{Y})"
                   rf"|(?P<q_ord>{ordn}){ordinal(g['quarter'], 'q_y2')})",
        "half": rf"(?<!\w)(?:(?P<h_code>[{hc}][12]|[12][{hc}])(?:{S}|-|/)?(?P<h_y>{Y})"
                rf"|(?P<h_ord>{ordn}){ordinal(g['half'], 'h_y2')})",
        "season": rf"(?:(?<!\w)(?P<s_det>{this}{S}|le{S}|l'{S0}))?(?<!\w)(?P<s_name>{season})(?!\w)"
                  rf"(?:{S}(?P<s_y>{Y})(?:{S0}[-–/]{S0}(?P<s_y2>{Y}))?|{relw('s_rel')})?",
        "yrange": rf"(?P<yr_1>{Y}){S0}[-–/]{S0}(?P<yr_2>{Y}|\d\d(?![\d]|[.,]\d))",
        "decade": rf"(?<!\w){_alt([g['decade']])}{S}(?P<dec>(?:19|20)\d0)(?!\d|[.,]\d)",
        "monthyear": rf"(?<!\w)(?P<my_m>{month})(?!\w)(?:{S}(?:de{S})?(?P<my_y>{Y})|{relw('my_rel')})?",
        "year": rf"(?P<y>{Y})",
        "ago": rf"(?<!\w)(?P<ago_w>{_alt(ago['leads'])}){S}(?:(?P<ago_b>{_alt(ago['bounds'])}){S0})?"
               rf"(?P<ago_n>\d{{1,3}}|{_alt(list(ago['numbers']) + list(ago['vague']))})(?!\w){S}"
               rf"(?P<ago_u>{_alt(ago['units'])})(?!\w)",
        "deictic": rf"(?<!\w)(?P<dx>{_alt(L['relative']['deictic'])})(?!\w)",
        "relunit": rf"(?:(?<!\w)(?P<ru_det>(?:{this}|le|la|au|du){S}|l'{S0}))?(?<!\w)"
                   rf"(?P<ru_u>{_alt(L['relative']['units'])})(?!\w)(?:-ci)?(?:{relw('ru_rel')})?"
                   rf"(?!-la(?!\w))(?!{S}(?:de{S})?{Y})",
        "weekday": rf"(?<!\w)(?P<wd>{wd})(?!\w)(?:{relw('wd_rel')})?",
    }


@cache
def grammar() -> Grammar:
    """Compile the patterns of the date grammar once."""
    L = lexicon()
    # Every period starts a word: testing that once first spares trying each
    # alternative inside words (5x faster on articles).
    anchor = r"(?<!\w)(?=\w)(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _anchor_kinds(L).items()) + ")"
    parts = _alt(L["parts"])
    joins = {j for js in L["ranges"].values() for j in js}
    ctx, year = L["context"], _alt([L["grammar"]["year"]])
    return Grammar(
        anchor=re.compile(anchor),
        part=re.compile(rf"(?<![\w'])(?:(?:a|en|au|dans){S}(?:la{S}|le{S})?|(?:la|le){S})?(?P<part>{parts})"
                        rf"(?:{S0}-{S0}|{S}(?:de{S}(?:la{S}|l'{S0}(?:{year}{S})?)?|du{S}|des{S}|d'{S0})?)$"),
        cue=re.compile(rf"(?<!\w)(?P<cue>{_alt(L['cues'])}){_ART}{S0}$"),
        prep=re.compile(rf"(?<![\w'])(?:{_alt(L['context']['prepositions'])}){S}$"),
        opener=re.compile(rf"(?<!\w)(?P<open>{_alt(L['ranges'])}){_ART}{S0}$"),
        join=re.compile(rf"{S0}(?P<join>{_alt(joins)}){_ART}{S0}"),
        follower=re.compile(r"[ \t]*([%€$£]|[^\W\d_]+)"),
        bare_end=re.compile(r"[ \t]*(?:$|[\r\n,;:.!?)\]»\"”…|/–—])"),
        bare_before=re.compile(rf"{_alt(ctx['number_marks'])}{S0}$"),
        figurative=re.compile(rf"(?<![\w']){_alt(ctx['figurative_after'])}{S0}$"),
    )
