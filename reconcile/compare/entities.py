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
        self.names: list[str] = []
        self.grams: Counter = Counter()  # piece -> how many places hold it
        self.at: dict[tuple[str, int], list[int]] = {}  # (piece, place) -> the names holding it there
        for o in names:
            self.add(o)

    def add(self, o: str) -> None:
        """Index one more name (a name's pieces may be counted more than once: which piece of a part is
        looked up decides only the cost, never what is found)."""
        i = len(self.names)
        self.names.append(o)
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
    resolver = Resolver(titles=titles, is_place=is_place, sections=sections, closed=closed)
    resolver.update(names if isinstance(names, Counter) else Counter(names), forms or {})
    return resolver.decide()


class Resolver:
    """`resolve`, for a corpus that grows: what each name may be merged into (the longer names it begins or
    ends, the names it is the acronym of, the names a letter or two away) is worked out once per name, and
    again, on `update`, only for the names whose forms changed and the names that may merge with them; the
    merges themselves are then decided over every name (`decide`), in the order their counts give. The
    result is that of `resolve` over the names of the last update, whatever updates came before."""

    def __init__(self, *, titles: frozenset = frozenset(), is_place=lambda n: False,
                 sections: frozenset = frozenset(), closed: frozenset = frozenset()):
        self.titles, self.is_place, self.sections, self.closed = titles, is_place, sections, closed
        self.counts: Counter = Counter()
        self.forms: dict = {}  # name -> the surface forms unified into it, as `resolve` reads them
        self.keys: dict[str, str] = {}  # name -> its key (titles stripped)
        self.by_key: dict[str, list[str]] = {}  # key -> its names, in the order of the counts
        self.sign: dict[str, tuple] = {}  # key -> what its candidates are read from: names, forms, named
        self.spelled_as: dict[str, list[tuple[str, str]]] = {}  # key -> (written form, its initials)
        self.heads: dict[tuple, set[str]] = {}  # the first words of a mergeable key -> such keys
        self.tails: dict[tuple, set[str]] = {}  # the last words
        self.acronyms: dict[str, set[str]] = {}  # initials -> mergeable keys of two words or more
        self.struct: dict[str, dict[str, str | None]] = {}  # key -> longer key it is part (None) or acronym of
        self.rev: dict[str, set[str]] = {}  # key -> the keys whose struct holds it
        self.spell: dict[str, set[str]] = {}  # key of 8 characters or more -> such keys SPELLING-similar, once asked
        self.near: _Near | None = None  # the keys of 8 characters or more (and some that were), once asked
        self.in_near: set[str] = set()  # the keys `near` holds (or is to hold, when restored: built again)
        self.asked = False  # whether spellings were asked for (`spell`, `in_near` kept true of the keys since)
        self.placey: dict[str, bool] = {}

    def update(self, counts: Counter, forms: dict) -> None:
        """Take the corpus's names as they now are (`counts`, `forms`: as `resolve` reads them)."""
        names_of: dict[str, list[str]] = {}
        for n in counts:
            k = self.keys.get(n)
            if k is None:
                k = self.keys[n] = _strip_titles(key(n), self.titles)
            names_of.setdefault(k, []).append(n)
        sign = {}
        for k, ns in names_of.items():
            was = self.sign.get(k)
            if was is not None and was[0] == tuple(ns) and all(forms.get(n) == self.forms.get(n) for n in ns):
                sign[k] = was  # the same names, written the same ways: as it was
            else:
                sign[k] = _sign(ns, forms)
        dirty = {k for k in set(sign) | set(self.sign) if sign.get(k) != self.sign.get(k)}
        for k in dirty & set(self.sign):
            self._unindex(k)
        self.counts, self.by_key, self.sign, self.forms = counts, names_of, sign, forms
        live = dirty & set(sign)  # the changed keys still written
        for k in live:
            self._index(k)
        for k in live:
            self.placey[k] = len(k.split()) == 1 and any(self.is_place(n) for n in names_of[k])
            self.struct[k] = {}
            for o in self._blocked(k):
                self._link(k, o)
        if self.asked:  # the spellings already asked for, kept true of the keys as they now are
            near = self._near()
            for k in sorted(d for d in live if len(d) >= 8 and d not in self.in_near):
                near.add(k)
                self.in_near.add(k)
            for k in sorted(d for d in dirty if len(d) >= 8):
                for o in self._similar(k):
                    if o in self.spell:
                        (self.spell[o].add if k in sign else self.spell[o].discard)(k)
        for o in live:  # a changed key, as what other keys may be part of
            if not self._mergeable(o):
                continue
            ow = o.split()
            for k in {" ".join(ow[:n]) for n in range(1, len(ow))} | {" ".join(ow[-n:]) for n in range(1, len(ow))} \
                    | ({i for _, i in self._spelled(o)} if len(ow) >= 2 else set()):
                if k in sign and k not in dirty:
                    self._link(k, o)

    def _near(self) -> _Near:
        """The index of spellings: of every key of 8 characters or more the first time spellings are asked for."""
        if not self.asked:
            self.in_near = {o for o in self.sign if len(o) >= 8}
            self.asked = True
        if self.near is None:
            self.near = _Near(sorted(self.in_near))
        return self.near

    def _similar(self, k: str) -> set[str]:
        """The keys of 8 characters or more, other than `k`, SPELLING-similar to it."""
        near, sign = self._near(), self.sign
        pool = [near.names[i] for i in near.candidates(k)]
        return {o for o, _, _ in process.extract(k, pool, scorer=fuzz.ratio, score_cutoff=SPELLING, limit=None)
                if o != k and o in sign}

    def _spellings(self, k: str) -> set[str]:
        got = self.spell.get(k)
        if got is None:
            got = self.spell[k] = self._similar(k)
        return got

    def _spelled(self, o: str) -> list[tuple[str, str]]:
        got = self.spelled_as.get(o)
        if got is None:
            got = self.spelled_as[o] = [(f, i) for n in self.by_key[o] for f in [n, *sorted(self.forms.get(n, ()))]
                                        for i in (_initials(key(f)), _initials(_words(f)))]
        return got

    def _mergeable(self, o: str) -> bool:
        """What a name may be merged into: a name (not common words), not an outlet's."""
        return self.sign[o][2] and o not in self.closed

    def _index(self, o: str) -> None:
        if not self._mergeable(o):
            return
        ow = o.split()
        for n in range(1, len(ow)):
            self.heads.setdefault(tuple(ow[:n]), set()).add(o)
            self.tails.setdefault(tuple(ow[-n:]), set()).add(o)
        if len(ow) >= 2:
            for _, i in self._spelled(o):
                self.acronyms.setdefault(i, set()).add(o)

    def _unindex(self, o: str) -> None:
        """Forget a key that changed: in the indexes, in what other keys may merge into, its spellings."""
        if self._mergeable(o):
            ow = o.split()
            for n in range(1, len(ow)):
                self.heads[tuple(ow[:n])].discard(o)
                self.tails[tuple(ow[-n:])].discard(o)
            if len(ow) >= 2:
                for _, i in self._spelled(o):
                    self.acronyms[i].discard(o)
        self.spelled_as.pop(o, None)
        for k in self.rev.pop(o, set()):
            self.struct.get(k, {}).pop(o, None)
        for o2 in self.struct.pop(o, {}):
            self.rev.get(o2, set()).discard(o)
        for x in self.spell.pop(o, set()):
            self.spell.get(x, set()).discard(o)

    def _blocked(self, k: str) -> set[str]:
        words = tuple(k.split())
        found = self.heads.get(words, set()) | self.tails.get(words, set())
        if k.isalpha() and 2 <= len(k) <= 6 and len(words) == 1:
            found = found | self.acronyms.get(k, set())
        return found

    def _link(self, k: str, o: str) -> None:
        """Note `o` among what `k` may be merged into, if it is: a longer name `k` begins or ends, or one `k`
        is the acronym of (with the form it stands for)."""
        words, ow = k.split(), o.split()
        if len(ow) <= len(words) or not self._mergeable(o):
            return
        starts = ow[:len(words)] == words and ow[len(words)] not in self.sections
        ends = ow[-len(words):] == words and not _of_another(ow[:-len(words)], self.by_key[o])
        if (ends or starts) and (len(words) >= 2 or len(k) >= 5):
            self.struct[k][o] = None
        elif k.isalpha() and 2 <= len(k) <= 6 and len(words) == 1 and len(ow) >= 2:
            full = next((f for f, i in self._spelled(o) if i == k), None)
            if full is None:
                return
            self.struct[k][o] = full
        else:
            return
        self.rev.setdefault(o, set()).add(k)

    def to_json(self) -> dict:
        """What this resolver worked out of the names it was last given, as JSON-ready data (`restore`): the
        counts and forms, and what is costly to work out again (each name's key, each key's spellings, what
        it may merge into, whether it is a place); the indexes are built again from them."""
        return {"settings": self._settings(), "counts": dict(self.counts),
                "forms": {n: sorted(f) for n, f in self.forms.items()}, "keys": self.keys, "by_key": self.by_key,
                "spelled_as": self.spelled_as,
                "struct": {k: v for k, v in self.struct.items() if v}, "asked": self.asked,
                "spell": {k: sorted(v) for k, v in self.spell.items()}, "in_near": sorted(self.in_near),
                "placey": sorted(k for k in self.by_key if self.placey.get(k))}

    def _settings(self) -> list:
        return [sorted(self.titles), sorted(self.sections), sorted(self.closed)]

    def restore(self, data: dict) -> bool:
        """Take up what `to_json` gave, as the resolver that gave it was, to update and decide as that one
        would; False (nothing taken) when it was of other settings (titles, sections, outlets: a new
        article's outlet). Places are told by code, which the state that holds the data is keyed by."""
        if data["settings"] != self._settings():
            return False
        forms = {n: set(f) for n, f in data["forms"].items()}
        self.counts, self.forms, self.keys = Counter(data["counts"]), forms, dict(data["keys"])
        self.by_key = {k: list(ns) for k, ns in data["by_key"].items()}
        self.sign = {k: _sign(ns, forms) for k, ns in self.by_key.items()}
        self.spelled_as = {k: [(f, i) for f, i in v] for k, v in data["spelled_as"].items()}
        struct = data["struct"]
        self.struct = {k: dict(struct.get(k, {})) for k in self.by_key}
        self.rev = {}
        for k, longer in self.struct.items():
            for o in longer:
                self.rev.setdefault(o, set()).add(k)
        self.heads, self.tails, self.acronyms = {}, {}, {}
        for k in self.by_key:
            self._index(k)
        self.asked, self.near = bool(data["asked"]), None
        self.spell = {k: set(v) for k, v in data["spell"].items()}
        self.in_near = set(data["in_near"])
        if self.asked:
            self._near()  # the index of spellings built again now, not when a new name is looked up
        placey = set(data["placey"])
        self.placey = {k: k in placey for k in self.by_key}
        return True

    def decide(self) -> tuple[dict[str, str], dict[str, str]]:
        """(name -> resolved display name, name -> evidence of the merge), as `resolve` gives them."""
        counts, by_key = self.counts, self.by_key
        weight = {k: sum(counts[n] for n in ns) for k, ns in by_key.items()}
        size = {k: len(k.split()) for k in by_key}
        ks = sorted(by_key, key=lambda k: (-size[k], -weight[k], k))
        rank = {k: i for i, k in enumerate(ks)}
        target: dict[str, str] = {}
        why: dict[str, str] = {}

        def final(k: str) -> str:
            seen = set()
            while k in target and k not in seen:
                seen.add(k)
                k = target[k]
            return k

        for k in ks:
            if not k or k in target or self.placey[k] or not self.sign[k][2]:
                continue
            longer = self.struct[k]
            cands = sorted(longer.items(), key=lambda of: rank[of[0]]) if longer else []  # (key, acronym of)
            if not cands and len(k) >= 8:
                cands = [(o, "") for o in sorted(self._spellings(k), key=rank.__getitem__)
                         if final(o) != k and weight[o] > weight[k]]
            if len({final(o) for o, _ in cands}) == 1:  # names already merged count as one
                o, full = cands[0]
                target[k] = o
                why[k] = f"« {by_key[k][0]} » is part of « {by_key[o][0]} »" if full is None else \
                    f"« {by_key[k][0]} » is the acronym of « {full} »" if full else \
                    f"« {by_key[k][0]} » and « {by_key[o][0]} » differ by a letter or two"
        out, evidence = {}, {}
        for n in counts:
            k = self.keys[n]
            f = final(k)
            out[n] = max(by_key[f], key=lambda x: (counts[x], len(x), x))
            if f != k:
                evidence[n] = why[k]
        return out, evidence


def _sign(names: list[str], forms: dict) -> tuple:
    """What a key's candidates are read from: its names, the forms unified into each, whether it is a name."""
    return tuple(names), tuple(tuple(sorted(forms.get(n, ()))) for n in names), _named(names)


def _named(names: list[str]) -> bool:
    """« usines », « actifs comme usines »: common words, no name to merge."""
    return any(any(ch.isupper() for ch in n) for n in names)
