"""Length-preserving text folding, so that matches on the folded copy are offsets into the original."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOS = {"’": "'", "‘": "'", "`": "'", "´": "'", "\u00a0": " ", "\u202f": " ", "\u2009": " "}

# Characters that show nothing and may sit inside a figure (« 10\u200b000 »): zero-width spaces and joiners,
# bidi marks, word joiners, bidi embeddings, overrides and isolates, a BOM inside the text. Sources name them,
# extraction reads them as spaces, and every output escapes them (with the other controls of its own).
INVISIBLE_RANGES = ((0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x2064), (0x2066, 0x2069), (0xFEFF, 0xFEFF))
INVISIBLE_CLASS = "".join(f"{chr(a)}-{chr(b)}" if a < b else chr(a) for a, b in INVISIBLE_RANGES)  # inside [...]
# What no output shows raw (beside each output's own controls): the invisible ones, the Arabic letter mark, line
# and paragraph separators, and lone surrogates (a file name that is not UTF-8, as Python decodes it)
HIDDEN_CLASS = f"\u061c\u2028\u2029{INVISIBLE_CLASS}\ud800-\udfff"


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    if c in _APOS:
        return _APOS[c]
    base = unicodedata.normalize("NFKD", c)[:1] or c
    low = base.lower()
    return low if len(low) == 1 else c


class _FoldTable(dict):
    """code point -> its folded character, filled as characters are met (for str.translate)."""

    def __missing__(self, code: int) -> str:
        self[code] = folded = _fold_char(chr(code))
        return folded


_FOLD = _FoldTable()


@lru_cache(maxsize=1 << 16)  # the same sentences and names are folded again and again by the extractors
def fold(text: str) -> str:
    """Lowercase, accents stripped, apostrophes straightened; same length as `text`."""
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD)


def phrase_pattern(phrases, *, inflect: bool = False) -> re.Pattern | None:
    """One regex matching any of `phrases` as whole words on folded text.

    `inflect` also accepts a trailing e/s/es/x on each word (French gender and number).
    """
    alts = sorted({fold(p).strip() for p in phrases if p.strip()}, key=len, reverse=True)
    if not alts:
        return None
    tail = r"(?:e|s|es|x)?" if inflect else ""
    body = "|".join(r"\s+".join(_word(w, tail) for w in a.split()) for a in alts)
    tails = {a.endswith("'") for a in alts}
    if tails == {True}:  # "n'", "d'": the next word follows at once
        return re.compile(rf"(?<![\w])(?:{body})")
    if True in tails:
        body = "|".join(r"\s+".join(_word(w, tail) for w in a.split()) + ("" if a.endswith("'") else r"(?![\w])")
                        for a in alts)
        return re.compile(rf"(?<![\w])(?:{body})")
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])")


def _word(w: str, tail: str) -> str:
    """One word of a phrase; inflectable unless it ends with an apostrophe ("d'")."""
    return re.escape(w) + ("" if w.endswith("'") or not w[-1:].isalpha() else tail)
