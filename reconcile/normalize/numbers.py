"""French numbers, quantities, amounts, percentages and durations in running text.

Figures are found on the raw text (digits, written-out words, "une trentaine"),
then each is grown into a mention: qualifier before ("environ", "plus de",
"entre ... et"), scale word ("milliards"), then what it counts (currency,
"%", a duration word or a counted noun). Offsets are never shifted.
Language knowledge lives in data/numbers.toml; this module holds the logic.
"""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Sequence

from text_to_num import text2num

from reconcile.model import Mention
from reconcile.normalize._numbers_lexicon import WS, Lexicon, lexicon, norm_phrase

__all__ = ["parse", "parse_number"]

_MAX_WORDS = 12  # longest written-out figure handed to text2num
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " "})
_TOKEN_RX = re.compile(r"[^\W\d_]+")
_NAME_RX = re.compile(r"[^\W\d_][\w+-]*")


@dataclass(frozen=True)
class _Figure:
    """One written figure, before it is grown into a mention."""

    start: int
    end: int
    value: float
    precision: float
    step: float = 1.0  # rounding step of the figure before any scale word (0.1 for "2,5")
    scale: float | None = None  # scale word written with it ("milliards" -> 1e9)
    currency: str | None = None  # from "M€"-like abbreviations
    kind: str = "digits"  # digits | words | approx
    cue: str | None = None  # approximate noun ("trentaine")
    plain: bool = False  # an ungrouped integer: years, list markers, model numbers
    year_like: bool = False
    small_int: bool = False  # up to 3 plain digits: list markers, model numbers
    article: bool = False  # "un"/"une" alone
    dash_joined: bool = False  # "12" in "10-12": only the end of a range


@dataclass(frozen=True)
class _Tail:
    end: int
    type: str = "quantity"
    unit: str | None = None
    currency: str | None = None


# ---------------------------------------------------------------- public API


def parse(text: str, *, exclude: Sequence[tuple[int, int]] = ()) -> list[Mention]:
    """Number, amount, percentage and duration mentions in `text`, sorted, never overlapping `exclude`."""
    lex = lexicon()
    blocked = _Blocked(text, exclude, lex)
    figs = _scan(text, lex, blocked)
    out: list[Mention] = []
    floor = i = 0
    while i < len(figs):
        if figs[i].start < floor:
            i += 1
            continue
        mention, used = _ratio(text, figs, i, lex) or _range(text, figs, i, floor, lex), 2
        if mention is None or blocked.hits(mention.start, mention.end):
            mention, used = _single(text, figs[i], floor, lex), 1
        if mention is not None and not blocked.hits(mention.start, mention.end):
            out.append(mention)
            floor = mention.end
            i += used
        else:
            i += 1
    return [m for m in out if _representable(m)]


def _representable(m: Mention) -> bool:
    """A figure too large for a float (« 1 » and 400 zeros) is no figure the tool can compare or write."""
    return all(v is None or math.isfinite(v) and abs(v) < 1e300 for v in (m.value, m.low, m.high, m.precision))


def parse_number(s: str) -> float | None:
    """The value of one written figure ("10.000", "2,5", "onze mille", "1,2 milliard"), else None."""
    t = s.strip()
    if not t:
        return None
    lex = lexicon()
    figs = _scan(t, lex, _Blocked(t, (), lex, guards=False))
    if len(figs) == 1 and figs[0].end == len(t) and t[: figs[0].start] in ("", "+"):
        return figs[0].value
    return None


# ---------------------------------------------------------------- spans that are not figures


class _Blocked:
    """Disjoint sorted spans no mention may overlap: `exclude`, phone numbers, times of day."""

    def __init__(self, text: str, exclude, lex: Lexicon, *, guards: bool = True):
        spans = [(min(a, b), max(a, b)) for a, b in exclude]
        if guards:
            spans += [m.span() for m in lex.phone_rx.finditer(text)]
            spans += [m.span() for m in lex.time_rx.finditer(text)]
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self._starts = [a for a, _ in merged]
        self._spans = merged

    def hits(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self._starts, end) - 1
        return k >= 0 and self._spans[k][1] > start


# ---------------------------------------------------------------- finding figures


def _scan(text: str, lex: Lexicon, blocked: _Blocked) -> list[_Figure]:
    found = [*_digit_figures(text, lex), *_word_figures(text, lex), *_approx_figures(text, lex)]
    found.sort(key=lambda f: (f.start, -f.end))
    kept: list[_Figure] = []
    for f in found:
        # Sorted by start: a figure inside the previous one (or its scale word) is skipped.
        if (kept and f.start < kept[-1].end) or blocked.hits(f.start, f.end):
            continue
        kept.append(_with_scale(text, f, lex))
    return kept


def _digit_figures(text: str, lex: Lexicon):
    n = len(text)
    for m in lex.digits_rx.finditer(text):
        s, e = m.span()
        prev = text[s - 1] if s else "\n"
        prev2 = text[s - 2] if s > 1 else "\n"
        if prev.isalnum() or prev in "_/°" or (prev in ".," and prev2.isdigit()):
            continue  # A320, R5, 22/01, n°3, 1.2.3
        dash_joined = prev in "-–‐" and prev2.isdigit()
        if prev in "-–‐" and prev2.isalpha():
            continue  # Covid-19
        if e < n:
            nxt = text[e]
            if nxt.isalpha() and not lex.glued_rx.match(text, e):
                continue  # 1er, 3e, 5G, 4x4
            if nxt in ".,/" and e + 1 < n and text[e + 1].isdigit():
                continue  # 1,2,3  3.5.1  24/7
            if nxt == "°":
                continue
        negative = prev in "-−" and not dash_joined and (s < 2 or prev2 in " \t\u00a0\u202f(|[\n")
        yield _digit_figure(m, s - negative, e, negative, dash_joined, lex)


def _digit_figure(m, start: int, end: int, negative: bool, dash_joined: bool, lex: Lexicon) -> _Figure:
    raw = m.group()
    if m.group("plain"):
        intpart, _, dec = raw.replace(",", ".").partition(".")
    else:
        intpart, _, dec = raw.partition(",")
        intpart = "".join(c for c in intpart if c.isdigit())
    number = Decimal(f"{intpart}.{dec}" if dec else intpart)
    if negative:
        number = -number
    if dec:
        step = precision = 10.0 ** -len(dec)
    else:
        zeros = len(intpart) - len(intpart.rstrip("0")) if intpart.strip("0") else 0
        step, precision = 1.0, float(10 ** min(zeros, 3))
    plain_int = bool(m.group("plain")) and not dec and not negative
    year = plain_int and len(intpart) == 4 and lex.year_min <= int(intpart) <= lex.year_max
    return _Figure(
        start, end, float(number), precision, step=step,
        plain=plain_int, year_like=year, small_int=plain_int and len(intpart) <= 3,
        dash_joined=dash_joined,
    )


def _word_figures(text: str, lex: Lexicon):
    for m in lex.number_words.finditer(text):
        toks = [(t.start() + m.start(), t.end() + m.start(), t.group().lower())
                for t in _TOKEN_RX.finditer(m.group())]
        i = 0
        while i < len(toks):
            fig, i = _longest_words(text, toks, i, lex)
            if fig is not None:
                yield fig


def _longest_words(text: str, toks, i: int, lex: Lexicon):
    """The longest run of number words from toks[i] that text2num accepts, and where to go on."""
    for j in range(min(len(toks), i + _MAX_WORDS), i, -1):
        if toks[i][2] == "et" or toks[j - 1][2] == "et":
            continue
        span = text[toks[i][0]:toks[j - 1][1]]
        try:
            value = text2num(span.translate(_SPACES), "fr")
        except (ValueError, IndexError, KeyError, TypeError):
            continue
        words = [t[2] for t in toks[i:j] if t[2] != "et"]
        if len(words) == 1 and words[0] in lex.bare_scales:
            return None, j  # "des millions de", "jusqu'au million"
        last = words[-1]
        scale = lex.scale_of_word.get(last)
        fig = _Figure(
            toks[i][0], toks[j - 1][1], float(value), lex.word_precision.get(last, 1.0),
            scale=scale, kind="words",
            article=len(words) == 1 and words[0] in lex.articles,
        )
        return fig, j
    return None, i + 1


def _approx_figures(text: str, lex: Lexicon):
    for m in lex.approx_rx.finditer(text):
        noun = m.group("n").lower()
        value, precision = lex.approx_nouns[noun]
        yield _Figure(m.start(), m.end(), value, precision, kind="approx", cue=noun)


def _with_scale(text: str, f: _Figure, lex: Lexicon) -> _Figure:
    """Grow a figure over a following scale word or abbreviation ("10 milliards", "3 M€")."""
    if f.scale is not None or f.kind == "approx":
        return f
    m = lex.scale_rx.match(text, f.end)
    if not m:
        return f
    factor, currency = lex.scales.get(m.group("s")) or lex.scales[m.group("s").lower()]
    value = float(Decimal(repr(f.value)) * Decimal(repr(factor)))
    return replace(
        f, end=m.end(), value=value, precision=f.step * factor, scale=factor,
        currency=currency, article=False, plain=False, year_like=False, small_int=False,
    )


# ---------------------------------------------------------------- growing a figure into a mention


def _single(text: str, f: _Figure, floor: int, lex: Lexicon) -> Mention | None:
    if f.dash_joined or (f.article and f.scale is None):
        return None
    tail = _tail(text, f.end, f, abs(f.value), lex)
    head, tail = _currency_prefix(text, floor, f, tail, lex)
    start, kind, cue = _pre_cue(text, floor, head, lex)
    end = tail.end
    if kind is None:
        post = lex.post_cue_rx.match(text, end)
        if post:
            end, cue = post.end(), norm_phrase(post.group("c"))
            kind = lex.cue_kind.get(cue)
    if kind is None and f.cue:
        kind, cue = "approx", f.cue
    if _rejected(text, f, tail, kind, floor, lex):
        return None
    return Mention(
        type=tail.type, text=text[start:end], start=start, end=end, value=f.value,
        low=f.value if kind == "low" else None, high=f.value if kind == "high" else None,
        unit=tail.unit, currency=tail.currency, approx=kind == "approx",
        precision=f.precision, cue=cue,
    )


_NEXT_WORD = re.compile(rf"{WS}+([^\W\d][\w'’-]*)")


def _ratio(text: str, figs: list[_Figure], i: int, lex: Lexicon) -> Mention | None:
    """A rate read as a percentage: « un TGV sur deux » (50 %), « deux métros sur trois », « un sur
    quatre ». The part is smaller than its whole, one of the usual fractions' (numbers.toml [ratio]),
    followed by no noun of its own (« sur deux lignes », « sur trois ans » count lines and years)."""
    if i + 1 >= len(figs):
        return None
    part, whole = figs[i], figs[i + 1]
    if part.scale or whole.scale or part.currency or whole.currency or whole.dash_joined or \
            not 0 < part.value < whole.value or whole.value not in lex.ratio_wholes:
        return None
    if not lex.ratio_rx.fullmatch(text, part.end, whole.start):
        return None
    after = _NEXT_WORD.match(text, whole.end)
    word = after.group(1).lower() if after else ""
    if word.endswith(("s", "x")) and word not in lex.ratio_not_nouns and not word.endswith(lex.ratio_verb_endings):
        return None
    if lex.percent_rx.match(text, whole.end):
        return None  # « 3 sur 10 % » is no ratio
    value = round(100 * part.value / whole.value, 1)
    return Mention(type="percent", text=text[part.start:whole.end], start=part.start, end=whole.end, value=value,
                   unit="%", precision=0.1, cue="ratio")


def _range(text: str, figs: list[_Figure], i: int, floor: int, lex: Lexicon) -> Mention | None:
    """A range: "entre 8 et 10 milliards", "de 8 à 10 milliards", "8 à 10 milliards", "10-12 %"."""
    if i + 1 >= len(figs):
        return None
    a, b = figs[i], figs[i + 1]
    join = lex.join_rx.match(text, a.end)
    if not join or join.end() != b.start or a.dash_joined:
        return None
    word = (join.group("w") or "").lower()
    start, cue, approx = a.start, None, False
    if word == "et":
        m = lex.between_rx.search(text, floor, a.start)
        if not m:
            return None
        start, cue = m.start(), norm_phrase(m.group("c"))
    elif join.group("dash") and (a.kind != "digits" or b.kind != "digits" or not b.dash_joined):
        return None
    else:
        m = lex.from_rx.search(text, floor, a.start)
        if m:
            start, cue = m.start(), norm_phrase(m.group("c"))
        else:
            start, kind, cue = _pre_cue(text, floor, a.start, lex)
            approx = kind == "approx"
    if a.article and a.scale is None and b.scale is None:
        return None
    low, low_prec = a.value, a.precision
    if a.scale is None and b.scale is not None:
        low = float(Decimal(repr(a.value)) * Decimal(repr(b.scale)))
        low_prec = a.step * b.scale
    if low > b.value:
        return None  # "passer de 10 à 8": an evolution, not a range
    merged = replace(b, currency=b.currency or a.currency, dash_joined=False)
    tail = _tail(text, b.end, merged, abs(b.value), lex)
    if (a.year_like or b.year_like) and tail.type == "quantity":
        return None
    return Mention(
        type=tail.type, text=text[start:tail.end], start=start, end=tail.end, value=None,
        low=low, high=b.value, unit=tail.unit, currency=tail.currency, approx=approx,
        precision=min(low_prec, b.precision), cue=cue,
    )


def _pre_cue(text: str, floor: int, start: int, lex: Lexicon):
    """(start, kind, cue) of a qualifier right before the figure, or (start, None, None)."""
    m = lex.cue_rx.search(text, max(floor, start - 40), start)
    if m:
        cue = norm_phrase(m.group("c"))
        return m.start(), lex.cue_kind.get(cue), cue
    return start, None, None


def _currency_prefix(text: str, floor: int, f: _Figure, tail: _Tail, lex: Lexicon) -> tuple[int, _Tail]:
    """A currency symbol written before the figure: "$10", "£ 5 millions"."""
    if tail.type != "quantity" or tail.unit is not None:
        return f.start, tail
    m = lex.cur_prefix_rx.search(text, max(floor, f.start - 2), f.start)
    if not m or (m.start() > 0 and text[m.start() - 1].isalnum()):
        return f.start, tail
    return m.start(), _Tail(tail.end, "money", None, lex.currency_symbols[m.group("c")])


def _tail(text: str, pos: int, f: _Figure, size: float, lex: Lexicon) -> _Tail:
    """What the figure counts: currency, "%", a duration word or a counted noun."""
    if f.currency:
        return _Tail(pos, "money", None, f.currency)
    for rx, unit in ((lex.points_rx, "pt"), (lex.percent_rx, "%")):
        m = rx.match(text, pos)
        if m:
            return _Tail(m.end(), "percent", unit)
    m = lex.cur_symbol_rx.match(text, pos)
    if m:
        return _Tail(m.end(), "money", None, lex.currency_symbols[m.group("c")])
    needs_de = (f.scale or 0) >= 1e6 or f.kind == "approx"
    de = lex.de_rx.match(text, pos) if needs_de else None
    after = de.end() if de else pos
    m = lex.cur_word_rx.match(text, after)
    if m:
        return _Tail(m.end(), "money", None, lex.currency_words[norm_phrase(m.group("c"))])
    m = lex.duration_rx.match(text, after)
    if m:
        return _Tail(m.end(), "duration", lex.durations[m.group("c").lower()])
    if not needs_de:
        m = lex.unit_abbrev_rx.match(text, pos)
        if m:
            return _Tail(m.end(), "quantity", m.group("c"))
    if needs_de and not de:
        return _Tail(pos)
    noun = _counted_noun(text, after, size, lex)
    return noun or _Tail(pos)


def _counted_noun(text: str, pos: int, size: float, lex: Lexicon) -> _Tail | None:
    while (adj := lex.adjective_rx.match(text, pos)) is not None:
        pos = adj.end()
    m = lex.noun_rx.match(text, pos)
    if not m:
        return None
    word = m.group("c")
    low = word.lower()
    if not word[0].islower() or low in lex.stopwords:
        return None
    if size >= 2 and low[-1] not in "sxz":
        return None  # French plural from 2: "300 travaillent" is a verb
    return _Tail(m.end(), "quantity", low)


def _rejected(text: str, f: _Figure, tail: _Tail, cue_kind: str | None, floor: int, lex: Lexicon) -> bool:
    """Context rules: dates, years, list markers, model names, bare written-out words."""
    if lex.month_rx.match(text, f.end):
        return True  # "21 janvier": a day of a date
    bare = tail.type == "quantity" and tail.unit is None
    if f.kind == "words" and bare and cue_kind is None and f.scale is None:
        return True  # "les deux": a written-out figure needs something it counts
    if f.year_like and tail.type == "quantity":
        if bare or lex.year_prep_rx.search(text, max(floor, f.start - 20), f.start):
            return True
    if bare and f.small_int and _list_marker(text, f, lex):
        return True
    if f.plain and cue_kind is None and tail.type == "quantity":
        return _model_name(text, f, bare, floor, lex)
    return False


def _list_marker(text: str, f: _Figure, lex: Lexicon) -> bool:
    """A list number at a line start: "- 1 Numerama+", "1. Texte", "2) texte"."""
    line_start = text.rfind("\n", 0, f.start) + 1
    head = text[line_start:f.start].strip(" \t\u00a0\u202f")
    if head and head not in lex.bullets:
        return False
    after = text[f.end:f.end + 2]
    if after[:1] in (".", ")"):
        return True
    return len(after) == 2 and after[0] in " \t\u00a0\u202f" and after[1].isupper()


def _model_name(text: str, f: _Figure, bare: bool, floor: int, lex: Lexicon) -> bool:
    """A model name, not a count: "Renault 5 E-Tech", "la 5", "Boeing 737"."""
    m = lex.prev_word_rx.search(text, max(floor, f.start - 40), f.start)
    if not m:
        return False
    word = m.group("w")
    low = norm_phrase(word)
    if low in lex.model_makers:
        return True
    if not bare:
        return False
    if low in lex.code_prefixes:
        return True
    return word[0].isupper() and _NAME_RX.fullmatch(word) is not None and low not in lex.stopwords

