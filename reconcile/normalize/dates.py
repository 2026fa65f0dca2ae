"""French dates and periods: find them in text and turn them into intervals.

`parse(text, ref=...)` returns `Mention`s of type "date" (one day) or "period"
(longer), with `time` an inclusive `Interval`. The text is matched on a
length-preserving folded copy (lowercase, no accents, straight apostrophes,
no-break spaces as spaces), so offsets are offsets into the given text.

Interval rules (the French words and their values are in data/periods.toml):
- A year, month, quarter, half, season or decade is its whole calendar span.
  Winter "hiver 2024" is Dec 2024 - Feb 2025.
- Parts: a span of whole months whose count is a multiple of 3 is cut in
  thirds by months, so "début 2027" = Jan-Apr, "mi-2027" = May-Aug,
  "fin 2023" = Sep-Dec (it contains November 2023; "second semestre 2023"
  ends on Dec 31 and does not reach January 2024); a single month is cut by
  days, 1-10 / 11-20 / 21-last ("mi-décembre", "fin novembre"); other spans
  in thirds by days. "courant 2024" is 2024.
- Open bounds keep their cue ("d'ici", "dès", "avant", "depuis", ...):
  deadline "d'ici 2030", "à l'horizon 2030", "jusqu'en 2025", "avant la fin
  de X" -> [ref, end of X] when ref <= end of X, else X;
  from "dès 2025" -> 2025 (the cue says it is open-ended);
  since "depuis 2025" -> [Jan 1 2025, ref] when ref is later, else 2025;
  before "avant 2020" -> 2019, the span of the same shape just before X
  (a month before a month, a day before a day); after "après 2020" -> 2021.
- Ranges "entre 2021 et 2023", "de 2021 à 2023", "du 3 au 5 mars 2025" ->
  [first.start, second.end]; a first member without a year takes the second's.
- Without a year ("mercredi 21 janvier", "en novembre", "au troisième
  trimestre", "lundi"): the candidate closest to ref, a future candidate's
  distance counting double (news mostly reports the past); a written weekday
  must agree. "dernier"/"prochain": the last one ending before ref / the first
  one starting after it; "ce"/"cette": the one holding ref.
- "il y a n jours" is that day; "il y a n semaines/mois/ans" is ref - n units
  widened by half a unit either side; "il y a quelques jours" is ref-7..ref-2;
  "il y a plus d'un an" is [ref - 2 years, ref - 1 year].
- A bare year is a period after a cue, a part word or a preposition ("en",
  "pour", "au cours de" ...), or when punctuation or the end of line follows
  it ("(2025)"); never when a counted noun follows ("2030 véhicules").
Everything that needs `ref` (hier, lundi, le mois dernier, l'an prochain,
dates without a year, "fin de l'année", "il y a ...") is omitted when `ref`
is None: the clock is never read.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from reconcile.model import Interval, Mention
from reconcile.normalize import _periods as P
from reconcile.normalize._periods import grammar
from reconcile.normalize.text import fold

_WINDOW = 48  # how far left of a period to look for cue and part words


@dataclass
class _Hit:
    kind: str
    m: re.Match
    start: int  # mention start: cue, else part, else the period itself
    core: int  # start of the part word, else of the period
    part: str | None = None
    cue: str | None = None  # as written, lowercased, apostrophes straightened
    prep: bool = False

    @property
    def end(self) -> int:
        return self.m.end()

    def g(self, name: str) -> str | None:
        return self.m.group(name)


def day_name(d: dt.date) -> str:
    """A day as French writes it in a name: « 5 février », « 1er mai » (month names from periods.toml)."""
    names = [k for k, v in P.lexicon()["months"].items() if v["month"] == d.month and "." not in k
             and v.get("needs") != "year"]
    month = max(names, key=len)
    return f"{'1er' if d.day == 1 else d.day} {month}"


def parse(text: str, *, ref: dt.date | None = None) -> list[Mention]:
    """French dates and periods in `text`, resolved against `ref` when given."""
    f = fold(text)  # same length as text: offsets found in f are offsets in text
    hits = [_extend(text, f, _Hit(kind, m, m.start(), m.start())) for kind, m in _anchors(f)]
    out: list[Mention] = []
    i = 0
    while i < len(hits):
        pair = _in_calendar(_range, text, f, hits[i], hits[i + 1], ref=ref) if i + 1 < len(hits) else None
        one = pair or _in_calendar(_single, text, f, hits[i], ref=ref)
        if one and not (out and out[-1].end > one.start):
            out.append(one)
        i += 2 if pair else 1
    return out


def _in_calendar(read, *args, ref: dt.date | None):
    """`read(*args, ref)`, for a date the calendar can hold: one that falls outside it (« l'an dernier »
    published in year 1, « le 31 décembre 9999 » and the day after) is read without its reference, and
    not at all when even that leaves the calendar."""
    try:
        return read(*args, ref)
    except (ValueError, OverflowError):
        if ref is None:
            return None
    try:
        return read(*args, None)
    except (ValueError, OverflowError):
        return None


def _anchors(f: str):
    for m in grammar().anchor.finditer(f):
        yield m.lastgroup, m


def _extend(text: str, f: str, h: _Hit) -> _Hit:
    g = grammar()
    if h.kind in g.partable:
        pm = g.part.search(f, max(0, h.core - _WINDOW), h.core)
        if pm:
            h.part, h.core = pm.group("part"), pm.start()
    cm = g.cue.search(f, max(0, h.core - _WINDOW), h.core)
    if cm and _cue_ok(text, cm):
        h.cue, h.start = _written(text, *cm.span("cue")), cm.start()
    else:
        h.start = h.core
    h.prep = bool(g.prep.search(f, max(0, h.core - _WINDOW), h.core))
    return h


def _cue_ok(text: str, cm: re.Match) -> bool:
    written = _written(text, *cm.span("cue"))
    strict = P.folded("context", "accent_required")
    return cm.group("cue") not in strict or written in strict.values()


def _written(text: str, a: int, b: int) -> str:
    s = text[a:b].lower().replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")
    return " ".join(s.split())


def _rule(h: _Hit) -> str | None:
    if h.cue is None:
        return None
    rule = P.lexicon()["cues"].get(h.cue) or P.folded("cues").get(fold(h.cue))
    return "deadline" if rule == "before" and h.part == "fin" else rule


# --- one mention ---------------------------------------------------------


def _single(text: str, f: str, h: _Hit, ref: dt.date | None) -> Mention | None:
    if not _context_ok(text, f, h):
        return None
    iv = _finish(h, ref)
    if iv is None:
        return None
    start = h.start
    if h.kind == "drange":
        om = grammar().opener.search(f, max(0, start - _WINDOW), start)
        start = om.start() if om else start
    return _mention(text, start, h.end, iv, h.cue or _relative_cue(text, h))


def _mention(text: str, start: int, end: int, iv: Interval, cue: str | None) -> Mention:
    kind = "date" if iv.days == 1 else "period"
    return Mention(type=kind, text=text[start:end], start=start, end=end, time=iv, cue=cue)


def _finish(h: _Hit, ref: dt.date | None, year: int | None = None) -> Interval | None:
    rule = _rule(h)
    iv = _BUILDERS[h.kind](h.m, _Ctx(ref, year, _LEANS.get(rule)))
    if iv is None:
        return None
    if h.part:
        spec = P.folded("parts")[h.part]
        iv = P.part(iv, spec["third"], spec["month_days"])
    return P.bound(iv, rule, ref)


def _relative_cue(text: str, h: _Hit) -> str | None:
    for name in ("dt_rel", "my_rel", "s_rel", "ru_rel", "wd_rel", "dx"):
        if h.g(name):
            return _written(text, *h.m.span(name))
    for name in ("s_det", "ru_det"):
        if _key(h.g(name)) in P.folded("relative", "this"):
            return _written(text, *h.m.span(name))
    if h.g("ago_w"):
        end = h.m.end("ago_b") if h.g("ago_b") else h.m.end("ago_w")
        return _written(text, h.m.start("ago_w"), end)
    return None


# --- context rules -------------------------------------------------------


def _hard_ok(text: str, h: _Hit) -> bool:
    """Rules on the form itself, whatever surrounds it."""
    month = h.g("my_m") or h.g("dt_m") or h.g("dr_m")
    if month:
        needs = P.folded("months")[month].get("needs")
        has_year = bool(h.g("my_y") or h.g("dt_y") or h.g("dr_y"))
        has_day = h.kind != "monthyear"
        if needs == "year" and not has_year:
            return False
        if needs == "day_or_year" and not (has_year or has_day):
            return False
        if needs == "cue" and not (has_year or has_day) and not text[slice(*h.m.span("my_m"))].islower():
            return False
    if h.kind == "season":
        det = (h.g("s_det") or "").strip()
        return bool(h.g("s_y") or h.g("s_rel") or det in P.folded("relative", "this"))
    return True


def _opens_sentence(text: str, h: _Hit) -> bool:
    """« Juillet n'a apporté que 14 millimètres »: a month that is no ordinary word (no `needs` in
    periods.toml [months]) opening a sentence, before a lowercase word, is that month."""
    month = h.g("my_m")
    if not month or P.folded("months")[month].get("needs"):
        return False
    before = text[:h.m.start("my_m")].rstrip(" \t")
    return (not before or before[-1] in ".!?\n") and re.match(r"\s+[a-zà-ÿ]", text[h.end:h.end + 3]) is not None


def _context_ok(text: str, f: str, h: _Hit) -> bool:
    if not _hard_ok(text, h):
        return False
    framed = bool(h.cue or h.part or h.prep)
    if h.kind == "year":
        return _year_follower_ok(text, f, h.end) if framed else _bare_year_ok(f, h)
    if h.kind == "monthyear" and not (h.g("my_y") or h.g("my_rel")):
        return framed or _opens_sentence(text, h)
    if h.kind == "deictic" and not h.cue:
        return not grammar().figurative.search(f, max(0, h.core - _WINDOW), h.core)
    if h.kind == "relunit":
        det = (h.g("ru_det") or "").strip()
        return bool(h.g("ru_rel") or h.part or det in P.folded("relative", "this"))
    return True


def _year_follower_ok(text: str, f: str, end: int) -> bool:
    m = grammar().follower.match(f, end)
    if not m:
        return True
    word = m.group(1)
    if word in P.folded("context", "year_units"):
        return False
    plural = word[-1] in "sx" and word not in P.folded("context", "year_followers_ok")
    return not (plural and text[m.start(1)].islower())


def _bare_year_ok(f: str, h: _Hit) -> bool:
    g = grammar()
    return bool(g.bare_end.match(f, h.end)) and not g.bare_before.search(f, max(0, h.core - 8), h.core)


# --- ranges --------------------------------------------------------------


def _range(text: str, f: str, a: _Hit, b: _Hit, ref: dt.date | None) -> Mention | None:
    g = grammar()
    if a.kind not in g.rangeable or b.kind not in g.rangeable or not (_hard_ok(text, a) and _hard_ok(text, b)):
        return None
    opener, start = _opener(text, f, a)
    joins = P.folded("ranges").get(opener or "", [])
    jm = g.join.fullmatch(f, a.end, b.core)
    if not jm or jm.group("join") not in {fold(j) for j in joins}:
        return None
    iv = _span(a, b, ref)
    return _mention(text, start, b.end, iv, None) if iv else None


def _opener(text: str, f: str, a: _Hit) -> tuple[str | None, int]:
    if a.cue:
        return fold(a.cue), a.start
    om = grammar().opener.search(f, max(0, a.start - _WINDOW), a.start)
    return (om.group("open"), om.start()) if om else (None, a.start)


def _span(a: _Hit, b: _Hit, ref: dt.date | None) -> Interval | None:
    second = _finish(_plain(b), ref)
    if second is None:
        return None
    year = None
    if _explicit_year(a) is None and a.kind in grammar().borrowers:
        year = _explicit_year(b) or second.end.year
    first = _finish(_plain(a), ref, year)
    if first and year and first.start > second.end:
        first = _finish(_plain(a), ref, year - 1)
    if first is None or first.start > second.end:
        return None
    return Interval(first.start, second.end)


def _plain(h: _Hit) -> _Hit:
    """The hit without its cue: inside a range the cue is the range's opener or joiner."""
    return _Hit(h.kind, h.m, h.start, h.core, part=h.part)


# --- resolution: the base interval of each kind of period ---------------------
# Each builder takes the match and a _Ctx; it returns None when the period
# needs ref and ref is None, or when the written date does not exist.


@dataclass(frozen=True)
class _Ctx:
    ref: dt.date | None
    year: int | None = None  # borrowed from the other member of a range
    lean: str | None = None  # pick mode implied by the cue ("depuis mars" is past)


_LEANS = {"since": "current_or_previous", "deadline": "current"}
_YEAR_GROUPS = {"date": ("dt_y",), "monthyear": ("my_y",), "quarter": ("q_y", "q_y2"),
                "half": ("h_y", "h_y2"), "season": ("s_y",)}


def _explicit_year(h: _Hit) -> int | None:
    return next((int(h.g(n)) for n in _YEAR_GROUPS.get(h.kind, ()) if h.g(n)), None)


def _key(s: str | None) -> str:
    return " ".join((s or "").split())


def _rel(word: str | None) -> int | None:
    return P.folded("relative", "rel").get(word) if word else None


def _mode(word: str | None, c: _Ctx) -> str | None:
    """How to pick a year-less span: from "dernier"/"prochain", else from the cue."""
    rel = _rel(word)
    return P.REL_MODES[rel] if rel is not None else c.lean


def _with_year(build, year: int | None, c: _Ctx, mode: str | None) -> Interval | None:
    if year is not None:
        return build(year)
    return P.by_year(build, c.ref, mode) if c.ref else None


def _month_no(form: str) -> int:
    return P.folded("months")[form]["month"]


def _day_no(form: str) -> int:
    return int(form) if form.isdigit() else 1  # "1er", "premier"


def _day(d: dt.date | None) -> Interval | None:
    return Interval(d, d) if d else None


def _b_ndate(m: re.Match, c: _Ctx) -> Interval | None:
    y = m["nd_y"]
    if len(y) == 2 and m["nd_s"] != "/":
        return None
    return _day(P.safe_date(int(y) + (2000 if len(y) == 2 else 0), int(m["nd_m"]), int(m["nd_d"])))


def _b_iso(m: re.Match, c: _Ctx) -> Interval | None:
    return _day(P.safe_date(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"])))


def _b_drange(m: re.Match, c: _Ctx) -> Interval | None:
    mo, d1, d2 = _month_no(m["dr_m"]), _day_no(m["dr_d1"]), _day_no(m["dr_d2"])

    def build(y: int) -> Interval | None:
        a, b = P.safe_date(y, mo, d1), P.safe_date(y, mo, d2)
        return Interval(a, b) if a and b and a < b else None

    return _with_year(build, int(m["dr_y"]) if m["dr_y"] else c.year, c, c.lean)


def _b_date(m: re.Match, c: _Ctx) -> Interval | None:
    mo, d = _month_no(m["dt_m"]), _day_no(m["dt_d"])
    if m["dt_y"] or c.year:
        return _day(P.safe_date(int(m["dt_y"] or c.year), mo, d))
    weekday = P.folded("weekdays").get(m["dt_wd"])

    def build(y: int, check: bool = True) -> Interval | None:
        x = P.safe_date(y, mo, d)
        return _day(x) if x and not (check and weekday is not None and x.weekday() != weekday) else None

    mode = _mode(m["dt_rel"], c)
    return _with_year(build, None, c, mode) or _with_year(lambda y: build(y, False), None, c, mode)


def _b_monthyear(m: re.Match, c: _Ctx) -> Interval | None:
    mo = _month_no(m["my_m"])
    return _with_year(lambda y: P.months(y, mo), int(m["my_y"]) if m["my_y"] else c.year, c, _mode(m["my_rel"], c))


def _b_numym(m: re.Match, c: _Ctx) -> Interval | None:
    return P.months(int(m["nm_y"]), int(m["nm_m"]))


def _of_year(m: re.Match, c: _Ctx, p: str, count: int) -> Interval | None:
    """The n-th quarter (p="q", count=4) or half (p="h", count=2) of a year."""
    code = m[p + "_code"]
    idx = int(re.sub(r"\D", "", code)) if code else P.folded("ordinals")[m[p + "_ord"]]
    idx = count if idx == -1 else idx
    if not 1 <= idx <= count:
        return None
    size, y = 12 // count, m[p + "_y"] or m[p + "_y2"]
    return _with_year(lambda y: P.months(y, (idx - 1) * size + 1, size), int(y) if y else c.year, c, c.lean)


def _b_season(m: re.Match, c: _Ctx) -> Interval | None:
    spec = P.folded("seasons")[m["s_name"]]

    def build(y: int) -> Interval:
        return P.months(y, spec["first"], spec["months"])

    y = int(m["s_y"]) if m["s_y"] else c.year
    if y and m["s_y2"]:  # "hiver 2023-2024" names both years of one winter
        last = int(m["s_y2"]) - (1 if spec["first"] + spec["months"] > 13 else 0)
        return Interval(build(y).start, build(last).end) if last >= y else None
    this = _key(m["s_det"]) in P.folded("relative", "this")
    return _with_year(build, y, c, "current" if this else _mode(m["s_rel"], c))


def _b_yrange(m: re.Match, c: _Ctx) -> Interval | None:
    y1, y2 = int(m["yr_1"]), m["yr_2"]
    y2 = int(y2) if len(y2) == 4 else y1 // 100 * 100 + int(y2)
    return P.years(y1, y2) if y1 < y2 <= y1 + 50 else None


def _b_ago(m: re.Match, c: _Ctx) -> Interval | None:
    if c.ref is None:
        return None
    lead, n = _key(m["ago_w"]), m["ago_n"]
    lo, hi = (int(n), int(n)) if n.isdigit() else _count_word(n)
    bound = "less" if lead == "d'ici" else P.folded("ago", "bounds").get(_key(m["ago_b"]))
    unit = P.folded("ago", "units")[m["ago_u"]]
    return P.count(c.ref, unit, lo, hi, P.folded("ago", "leads")[lead], bound)


def _count_word(n: str) -> tuple[int, int]:
    exact = P.folded("ago", "numbers").get(n)
    return (exact, exact) if exact else tuple(P.folded("ago", "vague")[n])


def _b_weekday(m: re.Match, c: _Ctx) -> Interval | None:
    if c.ref is None:
        return None
    wd = P.folded("weekdays")[m["wd"]]
    days = (c.ref + dt.timedelta(days=k) for k in range(-7, 8))
    return P.pick([Interval(d, d) for d in days if d.weekday() == wd], c.ref, _mode(m["wd_rel"], c))


def _b_relunit(m: re.Match, c: _Ctx) -> Interval | None:
    unit = P.folded("relative", "units")[m["ru_u"]]
    return P.unit_span(unit, c.ref, _rel(m["ru_rel"]) or 0) if c.ref else None


def _b_deictic(m: re.Match, c: _Ctx) -> Interval | None:
    return _day(c.ref + dt.timedelta(days=P.folded("relative", "deictic")[m["dx"]])) if c.ref else None


_BUILDERS = {
    "ndate": _b_ndate, "iso": _b_iso, "drange": _b_drange, "date": _b_date, "numym": _b_numym,
    "quarter": lambda m, c: _of_year(m, c, "q", 4), "half": lambda m, c: _of_year(m, c, "h", 2),
    "season": _b_season, "yrange": _b_yrange, "monthyear": _b_monthyear,
    "decade": lambda m, c: P.years(int(m["dec"]), int(m["dec"]) + 9),
    "year": lambda m, c: P.years(int(m["y"]), int(m["y"])),
    "ago": _b_ago, "deictic": _b_deictic, "relunit": _b_relunit, "weekday": _b_weekday,
}
