"""Compiled patterns for the number recognizer, built once from data/numbers.toml."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Iterable

WS = r"[^\S\n]"  # horizontal space, incl. U+00A0 / U+202F: a figure never spans lines
APOS = "['’]"
LETTER = r"[^\W\d_]"


def norm_phrase(s: str) -> str:
    """Canonical key of a matched phrase: lowercased, one space, straight apostrophe, d' -> de."""
    s = re.sub(r"\s+", " ", s.strip().lower().replace("’", "'"))
    if s.endswith("d'"):
        s = s[:-2] + "de"
    return s.strip()


def phrase_rx(phrase: str) -> str:
    """Regex for one data phrase: flexible spaces and apostrophes, "de" also elided."""
    p = phrase.strip()
    elide = p.endswith(" de")
    body = p[:-3] if elide else p
    out = []
    for ch in body:
        if ch == " ":
            out.append(WS + "+")
        elif ch in "'’":
            out.append(APOS + WS + "*")
        else:
            out.append(re.escape(ch))
    rx = "".join(out)
    if elide:
        rx += rf"{WS}+(?:de(?!\w)|d{APOS})"
    return rx


def alternation(phrases: Iterable[str]) -> str:
    alts = sorted({p for p in phrases if p}, key=len, reverse=True)
    return "|".join(phrase_rx(p) for p in alts)


def literal_alternation(items: Iterable[str]) -> str:
    return "|".join(re.escape(x) for x in sorted(set(items), key=len, reverse=True))


@dataclass(frozen=True)
class Lexicon:
    number_words: re.Pattern
    word_precision: dict
    scale_of_word: dict
    articles: frozenset
    bare_scales: frozenset
    scales: dict  # written form -> (factor, currency or None)
    scale_rx: re.Pattern
    glued_rx: re.Pattern
    approx_nouns: dict
    approx_rx: re.Pattern
    digits_rx: re.Pattern
    phone_rx: re.Pattern
    time_rx: re.Pattern
    cue_rx: re.Pattern
    cue_kind: dict  # normalized phrase -> "approx" | "low" | "high"
    post_cue_rx: re.Pattern
    between_rx: re.Pattern
    from_rx: re.Pattern
    join_rx: re.Pattern
    percent_rx: re.Pattern
    ratio_rx: re.Pattern  # numbers.toml [ratio]: « TGV sur » between a figure and its whole
    ratio_wholes: frozenset[float]
    ratio_not_nouns: frozenset[str]  # words after a ratio's whole that are no noun it counts
    ratio_verb_endings: tuple[str, ...]
    points_rx: re.Pattern
    cur_symbol_rx: re.Pattern
    cur_prefix_rx: re.Pattern
    currency_symbols: dict
    cur_word_rx: re.Pattern
    currency_words: dict
    de_rx: re.Pattern
    duration_rx: re.Pattern
    durations: dict
    unit_abbrev_rx: re.Pattern
    adjective_rx: re.Pattern
    noun_rx: re.Pattern
    stopwords: frozenset
    month_rx: re.Pattern
    year_min: int
    year_max: int
    year_prep_rx: re.Pattern
    prev_word_rx: re.Pattern
    model_makers: frozenset
    code_prefixes: frozenset
    bullets: frozenset


def _ci(alt: str) -> str:
    return f"(?i:{alt})"


@cache
def lexicon() -> Lexicon:
    """Load numbers.toml and compile every pattern (once per process)."""
    raw = (files("reconcile") / "data" / "numbers.toml").read_text(encoding="utf-8")
    d = tomllib.loads(raw)
    words, cues, units, guards = d["words"], d["cues"], d["units"], d["guards"]

    scales = {k: (float(v), None) for k, v in d["scales"].items()}
    scales.update({k: (float(v[0]), v[1]) for k, v in d["money_abbrev"].items()})
    # Abbreviations ("Md", "M€") are case-sensitive, scale words are not.
    abbrev = [k for k in scales if not k.isalpha() or not k.islower()]
    scale_words = [k for k in scales if k not in abbrev]
    scale_alt = f"{literal_alternation(abbrev)}|{_ci(literal_alternation(scale_words))}"

    cue_kind = {}
    for kind in ("approx", "low", "high"):
        for p in cues[kind] + cues["post_" + kind]:
            cue_kind.setdefault(norm_phrase(p), kind)
    pre = alternation(cues["approx"] + cues["low"] + cues["high"])
    post = alternation(cues["post_approx"] + cues["post_low"] + cues["post_high"])

    num_alt = literal_alternation(words["numbers"])
    sep = rf"(?:{WS}+(?:et{WS}+)?|-(?:et-)?)"
    pct = d["percent"]
    cur = d["currency"]
    rng = d["ranges"]
    sym_alt = literal_alternation(cur["symbols"])
    prefix_syms = [s for s in cur["symbols"] if not s.isalpha()]

    return Lexicon(
        number_words=re.compile(rf"(?<![\w-])(?i:{num_alt})(?:{sep}(?i:{num_alt}))*(?![\w-])"),
        word_precision={k: float(v) for k, v in words["precision"].items()},
        scale_of_word={k: scales[k][0] for k in scale_words},
        articles=frozenset(words["articles"]),
        bare_scales=frozenset(words["bare_scale_not_a_figure"]),
        scales=scales,
        scale_rx=re.compile(rf"{WS}*(?P<s>{scale_alt})(?![^\W\d_])"),
        glued_rx=re.compile(
            rf"(?:{literal_alternation(abbrev + units['abbrev'])})(?![^\W\d_])"
        ),
        approx_nouns={k: (float(v[0]), float(v[1])) for k, v in d["approx_nouns"].items()},
        approx_rx=re.compile(
            rf"(?<![\w-])(?i:une?){WS}+(?P<n>(?i:{literal_alternation(d['approx_nouns'])}))(?![\w-])"
        ),
        digits_rx=re.compile(
            r"(?P<dot>[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?(?![0-9]))"
            r"|(?P<space>[0-9]{1,3}(?:[ \u00a0\u202f][0-9]{3})+(?:,[0-9]+)?(?![0-9]))"
            r"|(?P<plain>[0-9]+(?:[.,][0-9]+)?)"
        ),
        phone_rx=re.compile(
            r"(?<![0-9+])(?:\+[0-9]{2,3}[ .\u00a0]?(?:\(0\)[ \u00a0]?)?[1-9]|0[1-9])"
            r"(?:[ .\-\u00a0\u202f]?[0-9]{2}){4}(?![0-9])"
        ),
        time_rx=re.compile(
            rf"(?<![0-9])[0-9]{{1,2}}(?:{WS}?[hH](?:{WS}?[0-9]{{2}})?(?![\w])|:[0-9]{{2}})(?![0-9])"
        ),
        cue_rx=re.compile(rf"(?<![\w])(?P<c>{_ci(pre)}){WS}*$"),
        cue_kind=cue_kind,
        # « 45 000 au plus » is at most 45 000; « 45 000 au plus fort de la crue » is the peak, not a bound
        post_cue_rx=re.compile(rf"{WS}+(?P<c>{_ci(post)})(?![\w])(?!{WS}*(?:fort|haut|bas|tard|t[oô]t|pr[eè]s|vite)\b)"),
        between_rx=re.compile(rf"(?<![\w])(?P<c>{_ci(phrase_rx(rng['between']))}){WS}+$"),
        from_rx=re.compile(rf"(?<![\w])(?P<c>{_ci(phrase_rx(rng['from']))}){WS}+$"),
        join_rx=re.compile(
            rf"(?:{WS}+(?P<w>(?i:{re.escape(rng['between_join'])}|{re.escape(rng['from_join'])})){WS}+"
            rf"|(?P<dash>{literal_alternation(rng['dash_joins'])}))"
        ),
        percent_rx=re.compile(rf"{WS}*(?:{_ci(alternation(pct['markers']))})(?![\w])"),
        ratio_rx=re.compile(rf"(?:{WS}+[^\W\d][\w'’-]*){{0,{int(d['ratio']['max_words'])}}}{WS}+"
                            rf"{re.escape(d['ratio']['join'])}{WS}+$"),
        ratio_wholes=frozenset(float(w) for w in d["ratio"]["wholes"]),
        ratio_not_nouns=frozenset(d["ratio"]["not_nouns"]),
        ratio_verb_endings=tuple(d["ratio"]["verb_endings"]),
        points_rx=re.compile(rf"{WS}*(?:{_ci(alternation(pct['points']))})(?![\w])"),
        cur_symbol_rx=re.compile(rf"{WS}*(?P<c>{sym_alt})(?![^\W\d_])"),
        cur_prefix_rx=re.compile(rf"(?P<c>{literal_alternation(prefix_syms)}){WS}?$"),
        currency_symbols=dict(cur["symbols"]),
        cur_word_rx=re.compile(rf"{WS}*(?P<c>{_ci(alternation(cur['words']))})(?![\w])"),
        currency_words={norm_phrase(k): v for k, v in cur["words"].items()},
        de_rx=re.compile(rf"{WS}*(?:(?i:de){WS}+|(?i:d){APOS}{WS}*)"),
        duration_rx=re.compile(rf"{WS}*(?P<c>{_ci(literal_alternation(d['durations']))})(?![\w])"),
        durations={k.lower(): v for k, v in d["durations"].items()},
        unit_abbrev_rx=re.compile(
            rf"{WS}*(?P<c>{literal_alternation(units['abbrev'])})(?![\w'’/²³])"
        ),
        adjective_rx=re.compile(
            rf"{WS}*(?:{_ci(literal_alternation(units['light_adjectives']))})(?![\w'’-])"
        ),
        noun_rx=re.compile(rf"{WS}*(?P<c>{LETTER}+(?:-{LETTER}+)*)(?![\w'’-])"),
        stopwords=frozenset(units["stopwords"]),
        month_rx=re.compile(rf"{WS}+(?i:{literal_alternation(units['months'])})(?![^\W\d_])"),
        year_min=int(guards["year_min"]),
        year_max=int(guards["year_max"]),
        year_prep_rx=re.compile(
            rf"(?<![\w])(?:{_ci(alternation(guards['year_prepositions']))})(?:{WS}+|-)$"
        ),
        prev_word_rx=re.compile(rf"(?P<w>[^\s|([«\"]+){WS}+$"),
        model_makers=frozenset(w.lower() for w in guards["model_makers"]),
        code_prefixes=frozenset(norm_phrase(w) for w in guards["code_prefixes"]),
        bullets=frozenset(guards["bullets"]),
    )
