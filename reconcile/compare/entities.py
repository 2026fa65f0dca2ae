"""Corpus-level entity resolution: which names across articles are one entity, and why.

A wrong merge is worse than a missed one: names are merged only on evidence that can
be stated — the same folded key, one name's words ending or starting the other's
(« Marc Lefèvre » / « Jean-Marc Lefèvre »), an acronym and its expansion, or a spelling
within a small edit distance of a long name. A short name that fits several longer
ones is left alone.
"""
from __future__ import annotations

import re
from collections import Counter

from rapidfuzz import fuzz, process

from ..normalize.entities import key
from ..normalize.text import fold

_STOP = {"de", "du", "des", "la", "le", "les", "l", "d", "et", "en", "a", "au", "aux"}


def _initials(k: str) -> str:
    return "".join(w[0] for w in k.split() if w not in _STOP)


def _words(name: str) -> str:
    """A name's folded words, legal-form words kept (« Société des grands projets » is S-G-P)."""
    return " ".join(re.findall(r"[a-z0-9]+", fold(name)))


def _strip_titles(k: str, titles: frozenset) -> str:
    words = k.split()
    while len(words) > 1 and (words[0] in titles or words[0] in _STOP):
        words = words[1:]
    return " ".join(words)


def _of_another(head: list[str], forms: list[str]) -> bool:
    """True when a longer name that ends with a shorter one is a common noun « of » it (« conseil de la
    Métropole d'Orlandes », « crue du Vidourle »): the council, the flood of the thing, not the thing.
    `head` is the longer key's words before the shorter's; `forms` how the longer name was written."""
    return len(head) >= 2 and head[-1] in ("de", "du", "des", "d", "la", "l") and \
        any(f[:1].islower() for f in forms)


SPELLING = 92  # the least similarity (rapidfuzz's ratio) of two spellings of one long name
_Q = 4  # the length of the pieces of names that the index of spellings holds


def _most_edits(n: int) -> int:
    """The most insertions and deletions between a name of `n` characters and any name at least SPELLING
    similar to it (ratio = 100 × (1 − edits / total length), the other name at most that many longer)."""
    share = (100 - SPELLING) / 100
    d = int(share * 2 * n + 1e-9)
    while int(share * (2 * n + d + 1) + 1e-9) > d:
        d += 1
    return d


class _Near:
    """Blocking for spellings within a letter or two: a name and another at most d edits away share one of
    the name's d + 1 pieces unchanged (each edit breaks at most one), at most d characters from where it
    stood. The index holds each name's pieces of _Q characters with their places; a name is then scored
    only against the names that hold, near its place, the rarest piece of one of its d + 1 parts."""

    def __init__(self, names: list[str]):
        self.names = names
        self.grams: Counter = Counter()  # piece -> how many places hold it
        self.at: dict[tuple[str, int], list[int]] = {}  # (piece, place) -> the names holding it there
        for i, o in enumerate(names):
            for p in range(len(o) - _Q + 1):
                self.grams[o[p:p + _Q]] += 1
                self.at.setdefault((o[p:p + _Q], p), []).append(i)

    def candidates(self, k: str) -> list[int]:
        """The indexes (in order) of the names that may be SPELLING-similar to `k`: a superset of them."""
        d = _most_edits(len(k))
        cuts = [round(j * len(k) / (d + 1)) for j in range(d + 2)]
        found: set[int] = set()
        grams, at = self.grams, self.at
        held = [grams[k[p:p + _Q]] for p in range(len(k) - _Q + 1)]  # how common each piece of k is
        for a, b in zip(cuts, cuts[1:]):
            if b - a < _Q:
                return list(range(len(self.names)))  # a part too short to hold a piece: every name
            part = held[a:b - _Q + 1]
            p = a + part.index(min(part))  # the rarest piece of the part, the first of equals
            piece = k[p:p + _Q]
            for q in range(max(0, p - d), p + d + 1):
                found.update(at.get((piece, q), ()))
        return sorted(found)


def resolve(names: list[str] | Counter, *, titles: frozenset = frozenset(), is_place=lambda n: False,
            sections: frozenset = frozenset(), forms: dict | None = None,
            closed: frozenset = frozenset()) -> tuple[dict[str, str], dict[str, str]]:
    """(name -> resolved display name, name -> evidence of the merge) for a corpus's names (every name as
    written, or a Counter of them: how often each is written).

    `titles` are folded words dropped before matching (« préfet Lefèvre » is « Lefèvre »);
    a name that `is_place` is never merged into a longer one (« France » / « France Assureurs »);
    a name is never merged into itself plus a word of `sections` (« ligne 15 » / « ligne 15 sud »);
    `forms` (name -> the surface forms an earlier step unified into it) lets an acronym match
    any of them (« SGP » / « Société des grands projets », unified into a longer NER span);
    no name is merged into one whose key is `closed` (an outlet: « Valbrune » is not « Valbrune Matin »)."""
    forms = forms or {}
    counts = names if isinstance(names, Counter) else Counter(names)
    keys: dict[str, str] = {n: _strip_titles(key(n), titles) for n in counts}
    by_key: dict[str, list[str]] = {}
    for n, k in keys.items():
        by_key.setdefault(k, []).append(n)
    weight = {k: sum(counts[n] for n in ns) for k, ns in by_key.items()}
    target: dict[str, str] = {}
    why: dict[str, str] = {}

    def final(k: str) -> str:
        seen = set()
        while k in target and k not in seen:
            seen.add(k)
            k = target[k]
        return k

    ks = sorted(by_key, key=lambda k: (-len(k.split()), -weight[k], k))
    split = {k: k.split() for k in ks}
    # « usines », « actifs comme usines »: common words, no name to merge
    named = {k: any(any(ch.isupper() for ch in n) for n in by_key[k]) for k in ks}
    mergeable = [o for o in ks if named[o] and o not in closed]  # what a name may be merged into, in order
    long8 = [o for o in ks if len(o) >= 8]
    near8 = _Near(long8)
    initials: dict[str, list[tuple[str, str]]] = {}  # key -> (written form, its initials), read when asked

    def spelled(o: str) -> list[tuple[str, str]]:
        if o not in initials:
            initials[o] = [(f, i) for n in by_key[o] for f in [n, *sorted(forms.get(n, ()))]
                           for i in (_initials(key(f)), _initials(_words(f)))]
        return initials[o]

    # Blocking: the longer names a name can be part of, by the words they begin or end with, and the names
    # an acronym can stand for, by their initials; each name is then tried only against those
    rank = {o: i for i, o in enumerate(mergeable)}
    heads: dict[tuple, list[str]] = {}
    tails: dict[tuple, list[str]] = {}
    for o in mergeable:
        ow = split[o]
        for n in range(1, len(ow)):
            heads.setdefault(tuple(ow[:n]), []).append(o)
            tails.setdefault(tuple(ow[-n:]), []).append(o)
    acronyms: dict[str, set[str]] | None = None  # initials -> names of two words or more, built when asked

    def blocked(k: str, words: list[str]) -> list[str]:
        nonlocal acronyms
        found = set(heads.get(tuple(words), ())) | set(tails.get(tuple(words), ()))
        if k.isalpha() and 2 <= len(k) <= 6 and len(words) == 1:
            if acronyms is None:
                acronyms = {}
                for o in mergeable:
                    if len(split[o]) >= 2:
                        for _, i in spelled(o):
                            acronyms.setdefault(i, set()).add(o)
            found |= acronyms.get(k, set())
        return sorted(found, key=rank.__getitem__)

    for k in ks:
        if not k or k in target or (len(k.split()) == 1 and any(is_place(n) for n in by_key[k])) or not named[k]:
            continue
        words = split[k]
        cands = []
        for o in blocked(k, words):  # in the order of ks: the names of more words first
            ow = split[o]
            if len(ow) <= len(words):
                break
            starts = ow[:len(words)] == words and ow[len(words)] not in sections
            ends = ow[-len(words):] == words and not _of_another(ow[:-len(words)], by_key[o])
            if (ends or starts) and (len(words) >= 2 or len(k) >= 5):
                cands.append((o, f"« {by_key[k][0]} » is part of « {by_key[o][0]} »"))
            elif k.isalpha() and 2 <= len(k) <= 6 and len(words) == 1 and len(ow) >= 2:
                full = next((f for f, i in spelled(o) if i == k), None)
                if full is not None:
                    cands.append((o, f"« {by_key[k][0]} » is the acronym of « {full} »"))
        if not cands and len(k) >= 8:
            near = near8.candidates(k)
            close = process.extract(k, [long8[i] for i in near], scorer=fuzz.ratio, score_cutoff=SPELLING,
                                    limit=None)
            for o, _, _ in sorted(close, key=lambda hit: near[hit[2]]):  # in the order of ks
                if o != k and final(o) != k and weight[o] > weight[k]:
                    cands.append((o, f"« {by_key[k][0]} » and « {by_key[o][0]} » differ by a letter or two"))
        if len({final(o) for o, _ in cands}) == 1:  # names already merged count as one
            target[k], why[k] = cands[0]
    out, evidence = {}, {}
    for n, k in keys.items():
        f = final(k)
        display = max(by_key[f], key=lambda x: (counts[x], len(x), x))
        out[n] = display
        if f != k:
            evidence[n] = why[k]
    return out, evidence
