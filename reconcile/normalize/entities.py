"""Entity names: folding, the alias registry, fuzzy matching.

Pure: the registry is built from TOML text or dicts handed in by the caller.
"""
from __future__ import annotations

import bisect
import re
import tomllib
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

from rapidfuzz import fuzz, process

_APOS = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "\u00a0": " ", "\u202f": " "})
_NON_WORD = re.compile(r"[^\w' -]+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Entity:
    name: str
    type: str = "ORG"
    aliases: tuple[str, ...] = ()
    descriptions: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def _package_data() -> dict:
    return tomllib.loads((files("reconcile") / "data" / "entities.toml").read_text("utf-8"))


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """Case, accents, apostrophes, punctuation and spaces folded: "Ampère" -> "ampere"."""
    s = strip_accents(name.translate(_APOS)).lower()
    s = _NON_WORD.sub(" ", s).replace("-", " ")
    return _SPACES.sub(" ", s).strip()


def key(name: str, *, folding: dict | None = None) -> str:
    """The matching key: folded, leading article and legal forms dropped."""
    cfg = folding or _package_data()["folding"]
    return _key(name, tuple(cfg["articles"]), tuple(cfg["legal_prefixes"]), tuple(cfg["legal_suffixes"]))


@lru_cache(maxsize=1 << 16)  # a corpus names the same entities in every article
def _key(name: str, articles: tuple, prefixes: tuple, suffixes: tuple) -> str:
    articles, prefixes, suffixes = _folded_forms(articles, prefixes, suffixes)
    s = fold(name)
    for a in articles:
        if a.endswith("'") and s.startswith(a):
            s = s[len(a):].strip()
            break
        if s.startswith(a + " "):
            s = s[len(a) + 1:]
            break
    for p in prefixes:
        if s.startswith(p + " ") and len(s) > len(p) + 1:
            s = s[len(p) + 1:]
            break
    words = s.split()
    while len(words) > 1 and words[-1] in suffixes:
        words.pop()
    return " ".join(words)


@lru_cache(maxsize=8)
def _folded_forms(articles: tuple, prefixes: tuple, suffixes: tuple) -> tuple[list, list, frozenset]:
    """The folding settings folded once: articles and legal prefixes longest first, the suffixes."""
    return (sorted((fold(a) for a in articles), key=len, reverse=True),
            sorted((fold(p) for p in prefixes), key=len, reverse=True), frozenset(fold(x) for x in suffixes))


@dataclass
class Registry:
    """Known entities, looked up by folded key, then by fuzzy ratio."""

    entities: list[Entity] = field(default_factory=list)
    folding: dict = field(default_factory=lambda: dict(_package_data()["folding"]))
    descriptions: dict = field(default_factory=lambda: dict(_package_data()["descriptions"]))

    def __post_init__(self) -> None:
        self._index: dict[str, Entity] = {}
        self._keys: list[str] | None = None
        for e in self.entities:
            self._add_keys(e)

    def _add_keys(self, e: Entity) -> None:
        self._keys = None
        for form in (e.name, *e.aliases):
            for k in {fold(form), key(form, folding=self.folding)}:
                if k:
                    self._index.setdefault(k, e)

    def add(self, e: Entity) -> None:
        """Register an entity under all its written forms."""
        self.entities.append(e)
        self._add_keys(e)

    def extend_from_toml(self, text: str) -> None:
        """Add the `[[entity]]` tables of a TOML document (later files win ties)."""
        data = tomllib.loads(text)
        for raw in data.get("entity", []):
            e = Entity(name=raw["name"], type=raw.get("type", "ORG"),
                       aliases=tuple(raw.get("aliases", ())),
                       descriptions=tuple(raw.get("descriptions", ())))
            for form in (e.name, *e.aliases):  # a user's entry overrides a packaged one
                for k in {fold(form), key(form, folding=self.folding)}:
                    self._index.pop(k, None)
            self.add(e)

    def lookup(self, name: str) -> Entity | None:
        """The registered entity a written form refers to, or None."""
        for k in (fold(name), key(name, folding=self.folding)):
            if k in self._index:
                return self._index[k]
        k = key(name, folding=self.folding)
        if len(k) < 4 or not self._index:
            return None
        if self._keys is None:
            self._keys = list(self._index)  # what a spelling is matched against, until an entry changes
        hit = process.extractOne(k, self._keys, scorer=fuzz.ratio,
                                 score_cutoff=self.folding["min_ratio"])
        return self._index[hit[0]] if hit else None

    def canonical(self, name: str) -> str:
        """Canonical name of a written form: the registered name, else the form itself, tidied."""
        e = self.lookup(name)
        if e:
            return e.name
        return tidy(name)

    def surface_forms(self) -> list[tuple[str, Entity]]:
        """Every written form of every registered entity (for a gazetteer)."""
        return [(form, e) for e in self.entities for form in (e.name, *e.aliases)]

    def owner_of_description(self, head: str, candidates: list[str]) -> str | None:
        """Among candidate canonical names, the one whose descriptions include `head`."""
        h = fold(head)
        for name in candidates:
            e = self.lookup(name)
            if e and any(fold(d) == h or fold(d).endswith(" " + h) for d in e.descriptions):
                return e.name
        return None


def tidy(name: str) -> str:
    """A display form: apostrophes straightened, spaces collapsed, legal suffix dropped."""
    s = _SPACES.sub(" ", name.translate(_APOS)).strip(" ,.;:'\"«»()")
    words = s.split()
    suffixes = {fold(x) for x in _package_data()["folding"]["legal_suffixes"]}
    while len(words) > 1 and fold(words[-1]) in suffixes:
        words.pop()
    return " ".join(words)


def default_registry() -> Registry:
    """The packaged registry (outlets, unions, authorities)."""
    reg = Registry()
    reg.extend_from_toml((files("reconcile") / "data" / "entities.toml").read_text("utf-8"))
    return reg


def unify(names: list[str] | Counter, *, registry: Registry | None = None,
          memo: dict | None = None) -> dict[str, str]:
    """Map each name to one display form per matching key (corpus-wide clustering). `names`: every name as
    written, or a Counter of them (how often each is written).

    Registered names map to their canonical name; unknown names sharing a key
    ("Ampère", "Ampere", "Ampere SAS") map to the most frequent written form; an
    unknown name of two words or more that starts longer unknown names
    ("Grand Stade" / "Grand Stade des Berges") maps to the most frequent of them.

    `memo` (name -> what was read of it: its registered name, or its key and display form) is kept by a
    caller that unifies a growing corpus's names with the same registry: each name is read once.
    """
    reg = registry or Registry()
    memo = {} if memo is None else memo
    counts: dict[str, dict[str, int]] = {}
    out: dict[str, str] = {}
    written = names if isinstance(names, Counter) else Counter(names)
    for n, times in written.items():  # each written form once, with how often it is written
        read = memo.get(n)
        if read is None:
            e = reg.lookup(n)
            read = memo[n] = (e.name, "", "") if e else (None, key(n, folding=reg.folding), tidy(n))
        if read[0] is not None:
            out[n] = read[0]
            continue
        k, shown = read[1], read[2]
        counts.setdefault(k, {})
        counts[k][shown] = counts[k].get(shown, 0) + times
    best = {k: sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for k, v in counts.items()}
    sections = {key(w, folding=reg.folding) for w in reg.descriptions.get("sections", [])}
    ordered = sorted(counts)  # the keys that begin with « k » and a space stand together in this order
    for k in list(best):  # "Grand Stade" -> "Grand Stade des Berges", its most frequent longer name
        if len(k.split()) < 2:
            continue
        first = bisect.bisect_left(ordered, k + " ")
        last = bisect.bisect_left(ordered, k + "!")  # « ! » is the character after the space
        longer = [o for o in ordered[first:last]
                  if o[len(k) + 1:].split()[:1] and o[len(k) + 1:].split()[0] not in sections]
        # « ligne 15 » is not « ligne 15 Sud »
        if longer:
            target = max(longer, key=lambda o: (sum(counts[o].values()), o))
            best[k] = best[target]
    for n in set(written) - set(out):
        out[n] = best[memo[n][1]]
    return out
