"""Slots (claims about one fact), verdicts within them, and the findings they give.

Claims are blocked by key (entity key, attribute), so the cost grows with the
size of each slot, not with the square of the corpus.
"""
from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache, partial
from operator import attrgetter
from itertools import combinations
from typing import Callable, Iterable, Protocol

from ..model import (INCIDENT_SUBJECTS, INHERITED_SUBJECTS, SEVERITY_RANK, Bounds, Claim, Finding, Interval,
                     value_to_json)
from ..heap import held_off
from ..normalize.entities import key as entity_key
from ..extract.lexicon import counter_class, generic_event
from ..normalize.text import fold
from . import verdicts as V
from .tolerance import range_of
from .totals import KIND as INCONSISTENT_TOTAL, inconsistent_totals

FLAGGED = (V.CONFLICT, V.PLAN_VS_OUTCOME, INCONSISTENT_TOTAL)  # findings: a reviewer must decide
NOTED = (V.EVOLUTION, V.ATTRIBUTED)  # observations: shown side by side, nothing to decide
MAX_GROUPS = 3  # more groups of disagreeing values than this in one slot: several facts under one key


@dataclass(frozen=True)
class Slot:
    entity: str
    attribute: str
    claims: tuple[Claim, ...]
    scope: str = ""

    @property
    def key(self) -> str:
        base = f"{entity_key(self.entity)}|{self.attribute}"
        return f"{base}|{self.scope}" if self.scope else base


def story_votes(claims: list[Claim]) -> Counter:
    """For each entity, how many articles fall back on it most as their main subject."""
    per_source: dict[str, Counter] = defaultdict(Counter)
    for c in claims:
        if c.subject_origin == "main entity":
            per_source[c.source][c.entity] += 1
    return Counter(cs.most_common(1)[0][0] for cs in per_source.values() if cs)


def story_entity(claims: list[Claim]) -> str | None:
    """What the corpus is about: the entity most articles fall back on as their main subject."""
    return top(story_votes(claims))


def top(votes: Counter) -> str | None:
    """The most counted, ties alphabetically (None for no votes)."""
    return sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if votes else None


def place_names(claims: list[Claim], is_place) -> set[str]:
    """The names of places `headline_place` looks for in headlines, read of some articles' claims (the
    pool of a corpus is that of its articles together): the names some article marks as a place (scope
    key « places », set by extraction), the places figures hold in, and the names `is_place` knows."""
    pool: set = set()
    for c in claims:
        scope = dict(c.scope)
        pool.update(scope.get("places", "").split("|"))
        pool.add(scope.get("place"))
    pool.update(c.entity for c in claims if is_place(c.entity))
    return {p for p in pool if p and not p.startswith("(")}


def headline_place(headlines: dict[str, str], pool: set[str]) -> str | None:
    """The place the corpus's headlines set it in: named in the headline of more than half of its articles
    (`headlines`: source id -> headline; « Municipales à Lorvannes : … », « Lorvannes : Gérard Vasseur
    saisit … »), among the names of `pool` (place_names); a headline naming several counts for each
    (« Effondrement rue des Tisserands : … à Montbrac »); of places named by more than half of them, the
    most named wins, ties alphabetically."""
    return HeadlinePlaces()(headlines, pool)


class HeadlinePlaces:
    """`headline_place`, for a corpus that grows: what each headline names is kept, and read again only in the
    headlines that are new, that hold a name new to the pool, or that named a name gone from it."""

    def __init__(self):
        self.pool: set[str] = set()
        self.named: dict[str, tuple[str, set[str]]] = {}  # source id -> (headline, the places of the pool it names)

    def __call__(self, headlines: dict[str, str], pool: set[str]) -> str | None:
        added, gone = pool - self.pool, self.pool - pool
        index = None
        for sid, headline in headlines.items():
            was = self.named.get(sid)
            if was is None or was[0] != headline or gone & was[1] or any(p in headline for p in added):
                index = index or _by_first_word(pool)
                self.named[sid] = (headline, _named_in(headline, index))
        self.pool = set(pool)
        self.named = {sid: self.named[sid] for sid in headlines}  # one gone is read again should it come back
        votes: Counter = Counter()
        for sid in headlines:
            named = self.named[sid][1]
            votes.update({p for p in named if not any(p != q and p in q for q in named)})
        best = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
        return best[0][0] if best and best[0][1] * 2 > len(headlines) else None


_WORD = re.compile(r"\w+")


def _named_in(headline: str, by_first: dict[str, tuple[str, ...]]) -> set[str]:
    """The names (`by_first`: by their first word, _by_first_word) that `headline` writes as whole words,
    nothing of a word just before or after them. A name is looked for only where the headline has a word
    that is its first word (one that begins with no word is searched for as it is), so the cost grows
    with the headline, not with the names."""
    found = {p for p in by_first.get("", ()) if re.search(rf"(?<!\w){re.escape(p)}(?!\w)", headline)}
    for m in _WORD.finditer(headline):
        for p in by_first.get(m.group(), ()):
            end = m.start() + len(p)
            if headline.startswith(p, m.start()) and not _WORD.match(headline, end, end + 1):
                found.add(p)
    return found


def _by_first_word(pool: set[str]) -> dict[str, tuple[str, ...]]:
    """The names of a pool by their first word (« » for a name that does not begin with one)."""
    out: dict[str, list[str]] = defaultdict(list)
    for p in pool:
        m = _WORD.match(p)
        out[m.group() if m else ""].append(p)
    return {k: tuple(v) for k, v in out.items()}


def story_incident(claims: list[Claim]) -> str | None:
    """The incident a corpus's tolls and crowds are about: the name its claims give it most often (a name
    may carry the day of one occurrence; every incident claim is compared under it, their days telling
    occurrences apart)."""
    return top(incident_counts(claims))


def incident_counts(claims: list[Claim]) -> Counter:
    """For each incident, the claims of tolls and crowds about it (story_incident)."""
    return Counter(c.entity for c in claims if c.subject_origin in INCIDENT_SUBJECTS)


def subject_of(c: Claim, story: str | None, incident: str | None = None) -> str:
    """The entity a claim is compared under: its own, the corpus's incident for a toll or a crowd
    (their days tell occurrences apart), or the story's when it was inherited."""
    if c.subject_origin in INCIDENT_SUBJECTS:
        return incident or c.entity
    if c.subject_origin in INHERITED_SUBJECTS:
        return story or c.entity
    return c.entity


def scope_key(c: Claim, setting: str | None = None) -> str:
    """Place, unit, population and part of a claim, folded: claims of different scopes are never compared.
    The place the whole story is set in (`setting`: « dans le Gard » in a story about the Gard's floods)
    is no scope: a figure written without it is about the same place."""
    here = entity_key(setting) if setting else None
    # an hour is a time; « places » is what extraction tells the corpus of an article's places (pipeline.run)
    return ";".join(f"{k}={entity_key(v)}" for k, v in sorted(c.scope)
                    if k not in ("at", "places") and not (k == "place" and here and entity_key(v) == here))


_OWN = object()


def slots(claims: list[Claim], *, story: str | None = None, setting: str | None = None,
          incident: str | None | object = _OWN) -> list[Slot]:
    """Group claims by (resolved entity, attribute, scope), in a stable order; tolls and crowds under the
    corpus's `incident` (default: the one these claims name most, story_incident)."""
    groups: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    names: dict[tuple[str, str, str], str] = {}
    if incident is _OWN:
        incident = story_incident(claims)
    # a subject and its key, and a scope's key, worked out once for the many claims that share them
    subjects: dict[tuple[str, str], tuple[str, str]] = {}
    scopes: dict[tuple, str] = {}
    for c in claims:
        if c.modality == "negated" and c.kind != "status":
            continue  # "n'est jamais arrivé" states no value to compare
        who = subjects.get((c.entity, c.subject_origin))
        if who is None:
            subject = subject_of(c, story, incident)
            who = subjects[(c.entity, c.subject_origin)] = (subject, entity_key(subject))
        sk = scopes.get(c.scope)
        if sk is None:
            sk = scopes[c.scope] = scope_key(c, setting)
        k = (who[1], c.attribute, sk)
        groups[k].append(c)
        names.setdefault(k, who[0])
    place = attrgetter("source", "start")
    ordered = all(place(a) <= place(b) for a, b in zip(claims, claims[1:]))  # then so is every slot
    out = []
    for k, cs in sorted(groups.items()):
        out.append(Slot(names[k], k[1], tuple(cs if ordered else sorted(cs, key=place)), k[2]))
    return out


def findings(claims: list[Claim], *, exclusions: frozenset = frozenset(),
             cumulative: frozenset = frozenset(), lex=None) -> list[Finding]:
    """Every flagged finding of a set of claims, in a stable order."""
    return compare_all(claims, exclusions=exclusions, cumulative=cumulative, lex=lex)[0]


class Memo(Protocol):
    """What a slot's findings were the last time its claims were these (`digest`, slot_digest): a store
    that `compare_all` reads before comparing a slot and writes after (pipeline: store.SlotStore)."""

    def get(self, key: str, digest: str) -> list[Finding] | None: ...

    def put(self, key: str, digest: str, found: list[Finding]) -> None: ...


def slot_digest(slot: Slot, salt: str = "") -> str:
    """A digest of everything a slot's findings are made of: its name, attribute and scope, and every
    field of every claim in it (`salt`: what else decides them, the code and the lexicon)."""
    h = hashlib.sha256(f"{salt}\0{slot.entity}\0{slot.attribute}\0{slot.scope}".encode())
    for c in slot.claims:
        h.update(b"\0")
        h.update(repr(c).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def compare_all(claims: list[Claim], *, exclusions: frozenset = frozenset(),
                cumulative: frozenset = frozenset(), lex=None,
                setting: str | None = None, story: str | None = None, incident: str | None | object = _OWN,
                memo: Memo | None = None, salt: str = "",
                mapper: Callable[[Callable, list], list] | None = None, totals: bool = True,
                keep: list | None = None) -> tuple[list[Finding], list[Finding]]:
    """(findings, observations): what a reviewer must decide, and what is shown side by side.

    `lex` (the lexicon) brings the comparison knowledge: counter classes, attribute dynamics;
    `setting` is the place the whole story is set in, when it is one; `story` what the corpus is
    about, as the pipeline decided it (else the entity most articles fall back on), `incident` what its
    tolls and crowds are about (else the incident these claims name most). With a `memo`, a
    slot whose claims are those of an earlier run (same digest, `salt` naming the code and lexicon)
    takes that run's findings: only the slots a new or changed article touches are compared. `mapper`
    maps the comparison of one slot over the slots to compare (default: here, one after the other; the
    Dask engine sends them to its workers); the findings are the same whoever compares them. Without
    `totals`, no article's parts are checked against its totals (inconsistent_totals); `keep` is given
    each slot and its findings (None: a slot of one article, not compared)."""
    with held_off():  # many verdicts and findings made, no cycles (heap.py); forked workers inherit it
        found = _compare_all(claims, exclusions, cumulative, lex, setting, story, incident, memo, salt, mapper, keep)
        return sort_findings(found, inconsistent_totals(claims) if totals else [])


def _compare_all(claims, exclusions, cumulative, lex, setting, story, incident, memo, salt, mapper, keep):
    if lex is not None:
        cumulative = frozenset(cumulative) | {a for a, d in lex.dynamics.items() if d == "running"}
    compared: list[tuple[Slot, str, list[Finding] | None]] = []  # (slot, its digest, its findings if known)
    for slot in slots(claims, story=story or story_entity(claims), setting=setting, incident=incident):
        if len({c.source for c in slot.claims}) < 2 and not any(c.corrects for c in slot.claims):
            if keep is not None:
                keep.append((slot, None))
            continue
        digest = slot_digest(slot, salt) if memo is not None else ""
        compared.append((slot, digest, memo.get(slot.key, digest) if memo is not None else None))
    todo = [slot for slot, _, found in compared if found is None]
    judge = partial(_slot_findings, exclusions=exclusions, cumulative=cumulative, lex=lex)
    fresh = iter((mapper or _in_order)(judge, todo))
    out: list[Finding] = []
    for slot, digest, found in compared:
        if found is None:
            found = next(fresh)
            if memo is not None:
                memo.put(slot.key, digest, found)
        if keep is not None:
            keep.append((slot, found))
        out += found
    return out


def sort_findings(found: list[Finding], totals: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """(findings, observations) of the slots' findings and of the articles' totals (inconsistent_totals:
    within one article, its parts against its own total), in a stable order."""
    flagged: list[Finding] = []
    noted: list[Finding] = []
    for f in found:
        (flagged if f.kind in FLAGGED or f.rule == "cumulative" else noted).append(f)
    flagged += totals
    order = lambda f: (SEVERITY_RANK[f.severity], f.entity, f.attribute, f.id)  # noqa: E731
    return sorted(flagged, key=order), sorted(noted, key=order)


def _in_order(fn: Callable, items: list) -> list:
    return [fn(x) for x in items]


def _against_growth(a: Claim, b: Claim) -> bool:
    """True when the later of two claims gives a lower figure (two figures: a date does not grow)."""
    if not all(isinstance(c.value, (int, float, Bounds)) for c in (a, b)):
        return False
    first, last = sorted((a, b), key=lambda c: c.time.start)
    lo = lambda c: c.value if isinstance(c.value, float) else (c.value.low or c.value.high or 0)  # noqa: E731
    return lo(last) < lo(first)


def _verdict(a: Claim, b: Claim, slot: Slot, exclusions, cumulative, lex) -> V.Verdict:
    """The verdict on two claims of a slot, `a` the earlier in the slot's order: a running total that
    falls is told as such (the later figure lower, and no word of a change)."""
    v = V.compare(a, b, exclusions=exclusions, lex=lex)
    if v.kind == V.EVOLUTION and slot.attribute in cumulative and _against_growth(a, b) and \
            not V.changed(a, b, lex):
        v = V.Verdict(V.EVOLUTION, "cumulative",
                      lambda v=v: v.explanation.split(", but")[0] + f"; the later figure is lower, yet a total "
                      f"of {slot.attribute} only grows over time", v.gap)
    return v


def _slot_findings(slot: Slot, exclusions, cumulative=frozenset(), lex=None, alike: bool = True) -> list[Finding]:
    """One finding per disagreement: claims that agree form a group, and each pair of groups
    that disagree (with one kind of verdict) is one finding, so that a finding never gathers
    figures that only disagree with somebody else (a total and its part, two days' counts).

    Claims that every verdict reads alike (_reading: one figure, time, modality and rules, in many
    articles) are compared once, as one set of twins (`alike=False`: every claim on its own, the reading
    the twins must give): the cost grows with the number of different readings of a fact, not with the
    square of the number of articles that repeat it."""
    twins = _twins(slot, exclusions, lex, alike)
    reps = Slot(slot.entity, slot.attribute, tuple(t.rep for t in twins), slot.scope)
    of = {t.rep.id: t for t in twins}
    agreeing = _agreeing(reps, exclusions)
    group = _groups(reps, agreeing)
    # Many groups of values under one key is the sign of several facts taken for one (the
    # headcounts of five plants, all inherited by the company): then only claims whose subject
    # their own clause gives are compared, since a wrong merge is worse than a missed one.
    pairs: dict[tuple, list[_Pairs]] = defaultdict(list)
    crowded = _crowding(reps, group)
    weak = {c.id: _weak(c) for c in reps.claims}
    for a, b in _pairs_to_compare(reps, weak, crowded, lex):
        if group[a.id] == group[b.id]:
            continue
        if weak[a.id] and weak[b.id] and (crowded(a, b) or lex is not None and (
                generic_event(slot.attribute, lex) and not _parsed_event(a, b)
                or slot.attribute in lex.vague_attributes)):
            continue  # « a annoncé mardi » / « a annoncé mercredi », about nothing named: two announcements;
            # two sums of money that no word calls a cost or a loss, about nothing named: two facts
        v = _verdict(a, b, slot, exclusions, cumulative, lex)
        turned = _verdict(b, a, slot, exclusions, cumulative, lex) if v.kind == V.EVOLUTION and \
            slot.attribute in cumulative else v  # « the later is lower » reads the pair's order when times tie
        ways = [(None, v)] if (turned.kind, turned.rule) == (v.kind, v.rule) else [(True, v), (False, turned)]
        for first_is_a, w in ways:
            if w.kind not in FLAGGED + NOTED:
                continue
            # one article's figures are compared only when it reports that one corrects the other
            e = _Pairs(of[a.id], of[b.id], first_is_a, w)
            if e.count:
                ga, gb = sorted((group[a.id], group[b.id]))
                pairs[(ga, gb, w.kind, w.rule == "cumulative")].append(e)
    origins = _origins(twins, agreeing, of)
    consensus, support, members = _consensus(twins, agreeing, of, origins)
    twin_of = {c.id: t for t in twins for c in t.members}
    out = []
    shown: list[set[str]] = []  # the claims of each flagged finding of this slot: their pairs are shown
    for kind, cumul, ps in _disagreements(pairs):
        x, y = _worst_pair(ps)
        worst = (x, y, _verdict(x, y, slot, exclusions, cumulative, lex))
        others = sorted(_involved(ps), key=lambda c: (c.source, c.start))
        involved = [x, y] + [c for c in others if c.id not in (x.id, y.id)]
        if kind in FLAGGED or cumul:
            involved = _unshown(involved, shown)
            if len(involved) < 2:
                continue  # its disagreement is already a finding of another kind
        sev = min((V.severity_of(e.verdict, e.a.rep, e.b.rep, (origins[id(e.a)], origins[id(e.b)])) for e in ps),
                  key=SEVERITY_RANK.__getitem__)
        if worst[2].rule == "cumulative":
            sev = "medium"
        if _weak(x) or _weak(y):
            sev = "low"  # built on a fallback rule or an inherited subject: at most low
        ids = tuple(c.id for c in involved)
        fid = "f-" + hashlib.sha1(f"{kind}|{slot.key}|{'|'.join(sorted(ids))}".encode()).hexdigest()[:10]
        outliers = tuple(c.id for c in involved if id(twin_of[c.id]) not in members)
        rule = worst[2].rule
        told = _explain(kind, slot, worst, sum(e.count for e in ps)) + \
            _values(involved, {c.id: group[twin_of[c.id].rep.id] for c in involved})
        fixes = [(e.a.rep, e.b.rep) for e in ps if _corrected(e.a.rep, e.b.rep)]
        if fixes:
            a, b = fixes[0] if fixes[0][1].corrects == fixes[0][0].id else fixes[0][::-1]
            told += f" {b.source} itself reports that «{b.quote}» corrects «{a.quote}» (line {b.line})."
        if rule == "cumulative" and (_weak(x) or _weak(y)):
            # a toll that falls is flagged only between claims whose subject their own clause gives:
            # with an inherited one, the lower figure is as likely a part (a country of a continent)
            rule, told = "cumulative-unsure", told + " Not flagged: a subject or attribute came from a fallback rule."
        out.append(Finding(
            id=fid, kind=kind, severity=sev, entity=slot.entity, attribute=slot.attribute, claims=ids,
            explanation=told, rule=rule,
            consensus=value_to_json(consensus.value) if consensus else None, support=support,
            outliers=outliers))
    return out


class _Twins:
    """Claims of one slot that every verdict reads alike (_reading), in the slot's order: compared once,
    through the first of them."""

    __slots__ = ("members", "rep", "sources")

    def __init__(self, members: list[Claim]):
        self.members = tuple(members)
        self.rep = members[0]
        self.sources = Counter(c.source for c in members)


# The fields of a claim that no verdict reads beyond its words: where it was written and what it names
# (the slot names the entity), its confidence, the whole it is a part of (totals read parts, not verdicts).
# A counter's name counts by its class, a sentence by whether it says the figure changed (_reading).
UNREAD = frozenset({"id", "source", "start", "end", "line", "quote", "sentence", "entity", "confidence",
                    "part_of", "attributed_to"})
READ = ("attribute", "value", "kind", "unit", "approx", "precision", "cue", "time", "time_origin", "modality",
        "status", "subject_origin", "published", "scope", "rules", "relation", "corrects")


def _reading(c: Claim, lex) -> tuple:
    """What every verdict on a claim reads of it: the fields of READ, its counter (by its class when
    the lexicon classes counters; else by name) and whether its sentence says the figure changed."""
    who = c.attributed_to
    if who is not None and lex is not None:
        who = ("class", _counter_class(who, lex))
    said = lex is not None and lex.change_words is not None and _says_change(c.sentence, lex.change_words)
    return _READ_FIELDS(c) + (who, said)


_READ_FIELDS = attrgetter(*READ)


@lru_cache(maxsize=65536)
def _says_change(sentence: str, words: re.Pattern) -> bool:
    return bool(words.search(fold(sentence)))


_CLASSES: dict[tuple[int, str], str | None] = {}


def _counter_class(name: str, lex) -> str | None:
    k = (id(lex), name)
    if k not in _CLASSES:
        if len(_CLASSES) > 65536:
            _CLASSES.clear()
        _CLASSES[k] = counter_class(name, lex)
    return _CLASSES[k]


def _twins(slot: Slot, exclusions, lex, alike: bool = True) -> list[_Twins]:
    """The claims of a slot as sets of twins, in the order of their first claims. A claim that a correction
    ties to another stays alone, and so do claims whose reading does not agree with itself."""
    fixed = {c.id for c in slot.claims if c.corrects} | {c.corrects for c in slot.claims if c.corrects}
    by: dict = {}
    for c in slot.claims:
        by.setdefault(_reading(c, lex) if alike and c.id not in fixed else c.id, []).append(c)
    out = []
    for cs in by.values():
        if len(cs) > 1 and not agree(cs[0], cs[1], exclusions):
            out.extend(_Twins([c]) for c in cs)
        else:
            out.append(_Twins(cs))
    if len(out) != len(by):
        place = {c.id: k for k, c in enumerate(slot.claims)}
        out.sort(key=lambda t: place[t.rep.id])
    return out


class _Pairs:
    """The pairs of claims, one of each of two sets of twins, that one verdict stands for: those of two
    articles (or of one article that says one corrects the other), every order of the two, or only the
    order where the claim of `a` comes first (`first_is_a`) or only the other."""

    __slots__ = ("a", "b", "first_is_a", "verdict", "count", "sweep")

    def __init__(self, a: _Twins, b: _Twins, first_is_a: bool | None, verdict: V.Verdict):
        self.a, self.b, self.first_is_a, self.verdict = a, b, first_is_a, verdict
        self.sweep = None  # in one order only: _ordered's count, claims held and greatest pair, swept once
        if _corrected(a.rep, b.rep):
            self.count = 1 if first_is_a is not False else 0  # both alone (_twins): the one pair, in its order
        elif first_is_a is None:
            self.count = len(a.members) * len(b.members) - sum(n * b.sources[s] for s, n in a.sources.items())
        else:
            self.sweep = _ordered(*self.ends())
            self.count = self.sweep[0]

    def ends(self) -> tuple[_Twins, _Twins]:
        """The set whose claim comes first in the pairs, then the other."""
        return (self.a, self.b) if self.first_is_a is not False else (self.b, self.a)


def _ordered(first: _Twins, then: _Twins) -> tuple[int, set[str], tuple[Claim, Claim] | None]:
    """The pairs (x of `first`, y of `then`, x before y in the slot, two articles): how many, the ids of
    the claims they hold, and the pair with the greatest ids (x's, then y's)."""
    key = lambda c: (c.source, c.start)  # noqa: E731  the slot's order
    seq = sorted([(key(c), 0, c) for c in first.members] + [(key(c), 1, c) for c in then.members],
                 key=lambda t: t[:2])
    count, held, best = 0, set(), None
    seen: Counter = Counter()
    for _, side, c in seq:  # forward: each y meets the x before it
        if side == 0:
            seen[c.source] += 1
        else:
            n = sum(seen.values()) - seen[c.source]
            if n:
                count += n
                held.add(c.id)
    top: list[Claim] = []  # backward: the two greatest y after x, of two articles
    for _, side, c in reversed(seq):
        if side == 1:
            top = _two_best(top + [c])
        else:
            y = next((t for t in top if t.source != c.source), None)
            if y is not None:
                held.add(c.id)
                if best is None or (c.id, y.id) > (best[0].id, best[1].id):
                    best = (c, y)
    return count, held, best


def _two_best(cs: list[Claim]) -> list[Claim]:
    """The claim of greatest id, and the greatest of another article."""
    cs = sorted(cs, key=lambda c: c.id, reverse=True)
    return cs[:1] + [c for c in cs[1:] if c.source != cs[0].source][:1]


def _worst_pair(ps: list[_Pairs]) -> tuple[Claim, Claim]:
    """The pair of claims of a disagreement with the widest gap, and of those the one of greatest ids."""
    gap = max(e.verdict.gap for e in ps)
    best = None
    for e in ps:
        if e.verdict.gap != gap:
            continue
        for first_is_a in ((True, False) if e.first_is_a is None else (e.first_is_a,)):
            got = _pair_of(e, first_is_a)
            if got is not None and (best is None or (got[0].id, got[1].id) > (best[0].id, best[1].id)):
                best = got
    return best


def _pair_of(e: _Pairs, first_is_a: bool) -> tuple[Claim, Claim] | None:
    if _corrected(e.a.rep, e.b.rep):
        return (e.a.rep, e.b.rep) if first_is_a else None
    if e.sweep is not None:
        return e.sweep[2]
    first, then = (e.a, e.b) if first_is_a else (e.b, e.a)
    return _ordered(first, then)[2]


def _involved(ps: list[_Pairs]) -> set[Claim]:
    """Every claim of some pair of a disagreement. In every order, a claim is in a pair unless each
    set it meets holds only claims of its own article."""
    out: set[Claim] = set()
    met: dict[int, tuple[_Twins, set[str]]] = {}  # twins -> the articles of the sets they meet
    for e in ps:
        if _corrected(e.a.rep, e.b.rep):
            out.update((e.a.rep, e.b.rep))
        elif e.first_is_a is None:
            for t, other in ((e.a, e.b), (e.b, e.a)):
                _, arts = met.setdefault(id(t), (t, set()))
                if len(arts) < 2:
                    arts.update(list(other.sources)[:2])
        else:
            held = e.sweep[1]
            out.update(c for c in e.a.members + e.b.members if c.id in held)
    for t, arts in met.values():
        out.update(c for c in t.members if len(arts) > 1 or c.source not in arts)
    return out


def _origins(twins: list[_Twins], agreeing: dict[str, list[Claim]], of: dict[str, _Twins]) -> dict[int, int]:
    """For each set of twins, how many independent origins its claims and those that agree with them have."""
    own = {id(t): {V.origin(c) for c in t.members} for t in twins}
    return {id(t): len(set().union(*(own[id(of[r.id])] for r in agreeing[t.rep.id]))) for t in twins}


def _consensus(twins, agreeing, of, origins) -> tuple[Claim | None, int, set[int]]:
    """The best-supported claim of a slot (the first of the most supported), its number of independent
    origins, and the sets of twins that agree with it."""
    best, best_support, members = None, 0, set()
    for t in twins:
        if origins[id(t)] > best_support:
            best, best_support, members = t.rep, origins[id(t)], {id(of[r.id]) for r in agreeing[t.rep.id]}
    return best, best_support, members


def _corrected(a: Claim, b: Claim) -> bool:
    """True when one claim corrects the other, as their article reports (extract/relations.py)."""
    return a.corrects == b.id or b.corrects == a.id


def _disagreements(pairs: dict) -> list[tuple[str, bool, list]]:
    """The disagreeing pairs of a slot, gathered into one disagreement per kind and per set of groups
    that share a group: « 185 » and « 180 » (one group) against « 140 » and against « quelque 120 » is
    one disagreement on one fact, with three values, not two findings that both list 185 and 180."""
    parent: dict = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x
    for (ga, gb, kind, cumul) in pairs:
        parent[find((kind, cumul, ga))] = find((kind, cumul, gb))
    merged: dict = defaultdict(list)
    for (ga, gb, kind, cumul), ps in sorted(pairs.items()):
        merged[(kind, cumul, find((kind, cumul, ga)))].extend(ps)
    return [(k[0], k[1], ps) for k, ps in sorted(merged.items(), key=lambda kv: (kv[0][0], kv[0][1], str(kv[0][2])))]


def _unshown(involved: list[Claim], shown: list[set[str]]) -> list[Claim]:
    """The claims of a finding, less those that would show again a pair of claims that an earlier
    finding of the slot shows (`shown`: their claims; a plan set against an outcome, and the same claims
    in a conflict): one finding per disagreement. Its own worst pair comes first and is kept unless
    already shown."""
    where: dict[str, list[int]] = defaultdict(list)
    for k, ids in enumerate(shown):
        for i in ids:
            where[i].append(k)
    kept: list[Claim] = []
    hits = [0] * len(shown)  # how many kept claims each earlier finding holds
    for c in involved:
        if not any(hits[k] for k in where.get(c.id, ())):
            kept.append(c)
            for k in where.get(c.id, ()):
                hits[k] += 1
        elif len(kept) < 2 and c is involved[1]:
            return []  # the pair that makes this finding is another finding's
    shown.append({c.id for c in kept})
    return kept


def _parsed_event(a: Claim, b: Claim) -> bool:
    """True when both claims read their event noun off the parse (« séance » in « une première séance
    le 28 novembre » and « la séance s'est tenue lundi »): the same named event, whoever it is about."""
    return all(dict(c.rules).get("attribute", "").startswith("parse:") for c in (a, b))


def _crowded(slot: Slot, group: dict[str, int], a: Claim, b: Claim) -> bool:
    """True when the claims of the slot at the two claims' times fall into more than MAX_GROUPS
    groups of values: several facts (five plants' headcounts) taken for one."""
    def at(c: Claim) -> bool:
        if isinstance(c.value, Interval):
            return True  # a date's time is its value: every date of the event counts
        return c.time is None or any(x.time is None or c.time.overlaps(x.time) for x in (a, b))
    return len({group[c.id] for c in slot.claims if at(c)}) > MAX_GROUPS


class _crowding:
    """`_crowded(slot, group, a, b)` for every pair of a slot without reading the slot once per pair: the
    groups of the claims every pair counts (dates, claims of no time), and for each claim the groups of
    the timed figures its time meets (all of them when it has none), found through the figures sorted by
    the start of their time and counted only until there are too many."""

    def __init__(self, slot: Slot, group: dict[str, int]):
        self.group = group
        self.always = {group[c.id] for c in slot.claims if isinstance(c.value, Interval) or c.time is None}
        timed = sorted((c for c in slot.claims if not isinstance(c.value, Interval) and c.time is not None),
                       key=lambda c: c.time.start)
        self.timed = timed
        self.starts = [c.time.start for c in timed]
        self.everyone = self.always | {group[c.id] for c in timed}
        self.seen: dict[str, frozenset[int] | None] = {}

    def alone(self, x: Claim) -> frozenset[int] | None:
        """The groups any pair with `x` counts, or None when they are too many whatever the other claim."""
        if x.id not in self.seen:
            got = set(self.always)
            if x.time is None:
                got = self.everyone
            else:
                for c in self.timed[:bisect.bisect_right(self.starts, x.time.end)]:
                    if c.time.end >= x.time.start:
                        got.add(self.group[c.id])
                        if len(got) > MAX_GROUPS:
                            break
            self.seen[x.id] = None if len(got) > MAX_GROUPS else frozenset(got)
        return self.seen[x.id]

    def __call__(self, a: Claim, b: Claim) -> bool:
        ga, gb = self.alone(a), self.alone(b)
        return ga is None or gb is None or len(ga | gb) > MAX_GROUPS


def _pairs_to_compare(slot: Slot, weak: dict[str, bool], crowded: _crowding, lex) -> list[tuple[Claim, Claim]]:
    """The pairs (in slot order) that `_slot_findings` may compare: every pair, less the pairs of two weak
    claims that are skipped whatever else holds (the slot's attribute too vague, or one of them crowded
    by itself), which are never enumerated; the rest is decided pair by pair."""
    claims = slot.claims
    vague = lex is not None and slot.attribute in lex.vague_attributes
    free = [i for i, c in enumerate(claims) if not weak[c.id] or not vague and crowded.alone(c) is not None]
    if len(free) == len(claims):
        return list(combinations(claims, 2))
    held = set(free)
    strong = [i for i in free if not weak[claims[i].id]]
    pairs = list(combinations(free, 2))
    pairs += [(min(i, j), max(i, j)) for i in strong for j in range(len(claims)) if j not in held]
    return [(claims[i], claims[j]) for i, j in sorted(pairs)]


def _groups(slot: Slot, agreeing: dict[str, list[Claim]]) -> dict[str, int]:
    """Claims that all agree with each other: claim id -> group number.

    The most precise claims found the groups; a claim joins the first group whose every member
    it agrees with, so that a vague claim (« la semaine dernière », « environ 200 ») never joins two
    precise ones that disagree into one group."""
    friends = {cid: {x.id for x in xs} for cid, xs in agreeing.items()}
    groups: list[list[str]] = []
    out: dict[str, int] = {}
    for c in sorted(slot.claims, key=lambda c: (_vagueness(c), c.source, c.start)):
        for i, g in enumerate(groups):
            if all(m in friends[c.id] for m in g):
                g.append(c.id)
                out[c.id] = i
                break
        else:
            out[c.id] = len(groups)
            groups.append([c.id])
    return out


def _vagueness(c: Claim) -> float:
    """How wide a claim's value is, relative to itself: a day 0, a month 30; an exact figure 0."""
    v = c.value
    if isinstance(v, Interval):
        return float(v.days - 1)
    if isinstance(v, float):
        return (c.precision or 0.0) / max(abs(v), 1e-9) + (0.05 if c.approx else 0.0)
    if isinstance(v, str):
        return 0.0
    return 1e9  # a bound: open on one side


def _weak(c: Claim) -> bool:
    """A claim whose subject was inherited or whose parts came from a window fallback rule."""
    return c.subject_origin in INHERITED_SUBJECTS or c.subject_origin in INCIDENT_SUBJECTS - {"incident"} or any(
        rule.startswith("window:") for what, rule in c.rules if what in ("subject", "attribute"))


def _explain(kind: str, slot: Slot, worst, n: int) -> str:
    a, b, v = worst
    lead = {
        V.CONFLICT: "Conflict",
        V.PLAN_VS_OUTCOME: "Plan versus outcome",
        V.EVOLUTION: "Evolution",
        V.ATTRIBUTED: "Different counters",
    }[kind]
    more = f" ({n} pairs of claims; the widest gap shown)" if n > 1 else ""
    shown = [(key, val) for key, val in a.scope if key != "places"]  # « places »: extraction's note, no scope
    scope = f" ({', '.join(f'{key} {val}' for key, val in shown)})" if shown else ""
    tied = _tie(a, b)
    return (f"{lead} on {slot.entity} · {slot.attribute}{scope}: {a.source} says «{a.quote}», "
            f"{b.source} says «{b.quote}»; {v.explanation}{more}.{tied}")


def _values(involved: list[Claim], group: dict[str, int]) -> str:
    """The values of a disagreement that gathers more than two groups of claims, each with its sources."""
    by_group: dict[int, list[Claim]] = defaultdict(list)
    for c in involved:
        by_group[group[c.id]].append(c)
    if len(by_group) < 3:
        return ""
    told = "; ".join(f"«{cs[0].quote}» ({_some(sorted({c.source for c in cs}))})" for cs in by_group.values())
    return f" Values given: {told}."


NAMED_SOURCES = 8  # sources named for one value in an explanation; the finding's claims list them all


def _some(names: list[str]) -> str:
    """Names, the first few of them and how many more."""
    if len(names) <= NAMED_SOURCES:
        return ", ".join(names)
    return ", ".join(names[:NAMED_SOURCES]) + f" and {len(names) - NAMED_SOURCES} more"


def _tie(a: Claim, b: Claim) -> str:
    """Which rules tied the two claims to one fact, in words."""
    ra, rb = dict(a.rules), dict(b.rules)
    if not ra and not rb:
        return ""
    parts = [f"{w} by {ra.get(w, '?')} / {rb.get(w, '?')}" for w in ("subject", "attribute")]
    return " Tied by: " + "; ".join(parts) + "."


def _agreeing(slot: Slot, exclusions) -> dict[str, list[Claim]]:
    """For each claim of a slot, the claims that agree or are compatible with it (itself included).

    Claims that are merely not comparable (two currencies, two kinds) neither agree nor join."""
    out: dict[str, list[Claim]] = {c.id: [c] for c in slot.claims}
    claims = slot.claims
    for i, j in _may_agree(claims):
        a, b = claims[i], claims[j]
        if agree(a, b, exclusions):
            out[a.id].append(b)
            out[b.id].append(a)
    return out


def _may_agree(claims: tuple[Claim, ...]) -> list[tuple[int, int]]:
    """The pairs (i < j, in order) of claims that can agree or be compatible, found by a sweep rather than
    by trying every pair: two figures only when their ranges of truth overlap (and they are of one kind
    and unit), two dates only when their intervals do; a status may agree with anything, so it is paired
    with every claim. A superset of the pairs that agree: each is then decided by its verdict."""
    figures: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    dates: list[tuple[object, object, int]] = []
    pairs: set[tuple[int, int]] = set()
    statuses = [i for i, c in enumerate(claims) if c.kind == "status"]
    for i in statuses:
        pairs.update((min(i, j), max(i, j)) for j in range(len(claims)) if j != i)
    for i, c in enumerate(claims):
        if c.kind == "status":
            continue
        if isinstance(c.value, Interval):
            dates.append((c.value.start, c.value.end, i))
        elif isinstance(c.value, (int, float, Bounds)):
            r = range_of(c)
            figures[(c.kind, "" if c.kind == "quantity" else c.unit or "")].append((r.low, r.high, i))
    for spans in [dates, *figures.values()]:
        pairs.update(_overlapping(spans))
    return sorted(pairs)


def _overlapping(spans: list[tuple]) -> list[tuple[int, int]]:
    """The pairs (i < j) of closed spans (low, high, i) that overlap: sorted by their low ends, each span
    meets exactly those earlier spans still open at its low end."""
    out, active = [], []
    for low, high, i in sorted(spans, key=lambda s: (s[0], s[2])):
        active = [s for s in active if s[1] >= low]
        out.extend((min(i, j), max(i, j)) for _, _, j in active)
        active.append((low, high, i))
    return out


def _shape(c: Claim) -> str:
    """What a claim's value is: a figure, a date or period, or a status word."""
    return "date" if isinstance(c.value, Interval) else "status" if isinstance(c.value, str) else "figure"


def continues(found: Finding, kind: str, attribute: str, earlier: Iterable[str], by_id: dict[str, Claim],
              exclusions: frozenset = frozenset()) -> bool:
    """True when `found` is the finding that an earlier one (its kind, attribute and claim ids) has grown
    into: the same kind and attribute, every earlier claim still in it, and the claims it gained only
    repeating a side's value (another article giving one side's figure), so that a reviewer's decision
    on the earlier finding still holds. Its entity may have been renamed (a cluster that took a longer
    name). Sides are the sets of claims that all agree with each other: the claims it gained must fall
    into the earlier sides, each agreeing with every claim of its side, and make no side of their own
    (« environ 100 » against 150, then 96 and 104: two values where there was one, another finding).
    A sum that does not match its parts grows only by being renamed."""
    earlier = set(earlier)
    if found.kind != kind or found.attribute != attribute or not earlier or not earlier <= set(found.claims):
        return False
    if kind == INCONSISTENT_TOTAL and set(found.claims) != earlier:
        return False  # a part more changes the sum
    if any(i not in by_id for i in found.claims):
        return False
    old = [by_id[i] for i in found.claims if i in earlier]
    new = [by_id[i] for i in found.claims if i not in earlier]
    if not new:
        return True
    # claims that `agree` reads alike are decided once, through one of them (_Alike): the cost grows with
    # the values a finding holds, not with the articles that repeat them
    alike = _Alike(exclusions)
    sides = [list({id(r): r for r in map(alike.rep, side)}.values()) for side in _sides(old, exclusions, alike)]
    grown = [{id(r): r for r in side} for side in sides]
    homes_of: dict[int, list[int]] = {}
    for c in new:
        r = alike.rep(c)
        if id(r) not in homes_of:
            homes_of[id(r)] = [k for k, side in enumerate(sides)  # the earlier sides, as they were
                               if all(agree(r, o, exclusions) for o in side)]
        homes = homes_of[id(r)]
        if len(homes) != 1:
            return False  # a value of its own, or one that two sides share: not one side repeated
        grown[homes[0]][id(r)] = r
    return all(alike.together(side.values()) for side in grown)


class _Alike:
    """Claims by what `agree` reads of them (_reading without a lexicon): one representative claim for
    each reading. A reading whose claims do not agree with each other (a status its exclusions set apart
    from itself) keeps every claim as its own."""

    def __init__(self, exclusions: frozenset):
        self.exclusions = exclusions
        self.first: dict[tuple, Claim] = {}
        self.lone: dict[tuple, bool] = {}

    def rep(self, c: Claim) -> Claim:
        k = _reading(c, None)
        r = self.first.setdefault(k, c)
        if r is c:
            return c
        if k not in self.lone:
            self.lone[k] = not agree(r, c, self.exclusions)
        return c if self.lone[k] else r

    def together(self, reps) -> bool:
        """Whether the claims these representatives stand for all agree with each other."""
        return all(agree(a, b, self.exclusions) for a, b in combinations(list(reps), 2))


def _sides(claims: list[Claim], exclusions: frozenset, alike: _Alike | None = None) -> list[list[Claim]]:
    """The claims in sets that all agree with each other, as a slot's groups are made (_groups), each
    reading grouped once: a claim goes where the first claim it reads alike went (the first, in the
    order _groups takes them: twins are equally vague)."""
    alike = alike or _Alike(exclusions)
    order = sorted(claims, key=lambda c: (_vagueness(c), c.source, c.start))
    reps = list({id(r): r for r in map(alike.rep, order)}.values())
    slot = Slot("", "", tuple(reps))
    group = _groups(slot, _agreeing(slot, exclusions))
    out: dict[int, list[Claim]] = defaultdict(list)
    for c in claims:
        out[group[alike.rep(c).id]].append(c)
    return list(out.values())


def agree(a: Claim, b: Claim, exclusions: frozenset = frozenset()) -> bool:
    """Two claims that agree, or are compatible and of one shape: what puts them in one group."""
    v = V.compare(a, b, exclusions=exclusions)
    return v.kind == V.AGREEMENT or v.kind == V.COMPATIBLE and v.rule not in ("unit", "kind") and \
        _shape(a) == _shape(b)
