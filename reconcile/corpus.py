"""The corpus-level passes: one name per entity, one name for the story's incident, what the story is about
and where it is set, read over every article's claims before they are compared.

Each pass reads a tally of the claims (what it counts of them, added up article by article), decides from
it (a display name per written name, the incident's name, the story, its setting), then rewrites each
claim by that decision alone. So a corpus that grows by a few articles is settled from the tally of its
last run plus theirs: when every decision comes out as before, the claims of the other articles are
those of the last run, and only the new ones are rewritten (`settle` with a `base`). Pure: no I/O.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Callable

from .compare.entities import Resolver
from .compare.slots import headline_place, incident_counts, place_names, story_votes, top as _top
from .extract.incidents import incident_name, incident_tally, name_incidents, owns
from .extract.lexicon import Lexicon, load as load_lexicon
from .extract.subjects import STORY
from .model import Claim, Entity, amend
from .normalize.entities import Registry, key as key_of, unify


@dataclass
class Tally:
    """What the corpus passes read of some articles' claims, added up article by article (`add`)."""

    first: dict = field(default_factory=dict)  # name -> (0 entity / 1 speaker, source, claim's rank there): first written
    names: Counter = field(default_factory=Counter)  # entity and speaker names -> times written
    subjects: Counter = field(default_factory=Counter)  # entity names -> claims about them
    thing: set = field(default_factory=set)  # names only ever the thing a figure is about
    other: set = field(default_factory=set)  # names written otherwise too
    incidents: Counter = field(default_factory=Counter)  # incident names -> claims (incident_tally)
    incident_votes: Counter = field(default_factory=Counter)  # incident names -> articles naming it most
    places: Counter = field(default_factory=Counter)  # names of places to look for in headlines -> articles
    scope_places: Counter = field(default_factory=Counter)  # the places figures hold in -> claims
    story_votes: Counter = field(default_factory=Counter)  # entity -> articles falling back on it most
    headed: Counter = field(default_factory=Counter)  # incident -> articles whose headline names it
    told: Counter = field(default_factory=Counter)  # entity -> claims of an incident about it (story_incident)
    spread: Counter = field(default_factory=Counter)  # entity -> articles with a claim about it
    compared_incidents: Counter = field(default_factory=Counter)  # the same, of the claims as compared
    written_in: dict = field(default_factory=dict)  # name -> the articles that write it

    def add(self, other: "Tally", rank: Callable[[str], int]) -> "Tally":
        """The tally of both sets of articles (no article in both; `rank`: a source's place in the corpus)."""
        first = dict(self.first)
        for n, at in other.first.items():
            if n not in first or _place(at, rank) < _place(first[n], rank):
                first[n] = at
        written_in = dict(self.written_in)
        for n, srcs in other.written_in.items():
            written_in[n] = written_in.get(n, []) + srcs
        return Tally(first, self.names + other.names, self.subjects + other.subjects, self.thing | other.thing,
                     self.other | other.other, self.incidents + other.incidents,
                     self.incident_votes + other.incident_votes, self.places + other.places,
                     self.scope_places + other.scope_places, self.story_votes + other.story_votes,
                     self.headed + other.headed, self.told + other.told, self.spread + other.spread,
                     self.compared_incidents + other.compared_incidents, written_in)


@dataclass(frozen=True)
class Decisions:
    """What the corpus passes decided, besides the entities' names (Settled.mapping)."""

    incident_name: str | None = None  # the corpus's incident, as its incident claims name it
    headlined: str | None = None  # the place most headlines name
    story: str | None = None  # what the corpus is about
    setting: str | None = None  # the place the story is set in, when it is one
    owner: str | None = None  # what has the staff and revenue no sentence names
    retitled: tuple | None = None  # (main entity, incident): what articles fell back on is the incident
    incident: str | None = None  # the incident its tolls and crowds are compared under


@dataclass
class Settled:
    claims: list[Claim]
    entities: list[Entity]
    mapping: dict[str, str]  # every written name -> its display name
    decisions: Decisions
    tally: Tally
    undone: list[Claim] = field(default_factory=list)  # base articles' claims settled anew, as they were


class Names:
    """The corpus's entity names, unified then resolved (`canonicalize`), kept between the runs of a
    growing corpus: each name is looked up in the registry once, and the resolver works out again only
    what the names that changed may merge with."""

    def __init__(self, registry: Registry, lex: Lexicon | None = None, *, outlets: frozenset = frozenset(),
                 is_place: Callable[[str], bool] = lambda n: False):
        self.registry = registry
        self.memo: dict = {}
        self.resolver = Resolver(titles=(lex or load_lexicon()).titles, is_place=is_place,
                                 closed=frozenset(key_of(o) for o in outlets),
                                 sections=frozenset(key_of(w) for w in registry.descriptions.get("sections", [])))

    def settle(self, tally: Tally, rank: Callable[[str], int]) -> tuple[dict[str, str], list[Entity]]:
        """(written name -> display name, the entities with their forms and the evidence of each merge);
        `rank`: a source's place in the corpus."""
        order = sorted(tally.first, key=lambda n: _place(tally.first[n], rank))  # in the order of first writing
        names = Counter({n: tally.names[n] for n in order})
        things = tally.thing - tally.other
        # « (story) », « (grippe aviaire) »: placeholders the corpus resolves later (run), no names to unify;
        # the things figures are about (« la zone de protection ») are common nouns, no names either: no name
        # is merged into them nor they into one (« Vialis » is not « le différend avec Vialis »)
        kept = {n: not n.startswith("(") and n not in things for n in names}
        mapping = dict(unify(Counter({n: k for n, k in names.items() if kept[n]}), registry=self.registry,
                             memo=self.memo), **{n: n for n in names if not kept[n]})
        unified: dict[str, set[str]] = {}
        for n in names:
            unified.setdefault(mapping[n], set()).add(n)
        mapped: Counter = Counter()
        for n, k in names.items():
            if kept[n]:
                mapped[mapping[n]] += k
        self.resolver.update(mapped, unified)
        resolved, evidence = self.resolver.decide()
        full = {n: resolved.get(mapping[n], mapping[n]) for n in names}
        forms: dict[str, set[str]] = {}
        why: dict[str, dict[str, str]] = {}
        for n in names:
            if n.startswith("("):
                continue  # « (story) »: what inherited claims are about, not a name
            forms.setdefault(full[n], set()).add(n)
            if full[n] != n:
                why.setdefault(full[n], {})[n] = evidence.get(mapping[n]) or _unified_why(n, mapping[n], self.registry)
        counts: Counter = Counter()
        for n, k in tally.subjects.items():
            counts[full[n]] += k
        entities = [Entity(name, tuple(sorted(fs)), tuple(sorted(why.get(name, {}).items())), counts.get(name, 0))
                    for name, fs in sorted(forms.items(), key=lambda kv: (-counts.get(kv[0], 0), kv[0]))]
        return full, entities


def _unified_why(name: str, target: str, registry: Registry) -> str:
    """Why `unify` gave `name` the display name `target`, in words."""
    if registry.lookup(name):
        return f"« {name} » is a form of « {target} » in the entity registry"
    if key_of(name) == key_of(target):
        return f"« {name} » and « {target} » are the same name once accents, case and punctuation are set aside"
    return f"« {name} » begins « {target} », the only longer name it begins"


def _place(at: tuple, rank: Callable[[str], int]) -> tuple:
    return at[0], rank(at[1]), at[2]


def name_tally(claims: list[Claim], by_source: bool = True) -> Tally:
    """What `Names` reads of some articles' claims (`by_source`: each article's claims together, a name's
    first writing told by its article and its rank there; else by its rank in the list, of no article)."""
    t = Tally()
    starts: dict[str, int] = {}  # an article -> the place of its first claim in the list
    for j, c in enumerate(claims):
        starts.setdefault(c.source, j)
    first = t.first
    for role, names in ((0, (c.entity for c in claims)), (1, (c.attributed_to for c in claims))):
        for j, (n, c) in enumerate(zip(names, claims)):  # entities first, then those only speakers
            if n and n not in first:
                first[n] = (role, c.source, j - starts[c.source]) if by_source else (role, "", j)
    t.thing = {c.entity for c in claims if c.subject_origin == "thing"}
    t.other = {c.entity for c in claims if c.subject_origin != "thing"} | \
        {c.attributed_to for c in claims if c.attributed_to}
    if by_source:  # the articles that write each name (in no order), for a corpus state's names renamed
        for n, src in {(c.entity, c.source) for c in claims} | \
                {(c.attributed_to, c.source) for c in claims if c.attributed_to}:
            t.written_in.setdefault(n, []).append(src)
    t.subjects = Counter(c.entity for c in claims)
    t.names = t.subjects + Counter(c.attributed_to for c in claims if c.attributed_to)
    return t


def canonicalize(claims: list[Claim], registry: Registry, lex: Lexicon | None = None, *,
                 outlets: frozenset = frozenset(), is_place: Callable[[str], bool] | None = None
                 ) -> tuple[list[Claim], list[Entity]]:
    """One display name per entity across the corpus ("Ampère" and "Ampere" are one), and the
    entities with the surface forms each was written as and the evidence of every merge. The corpus's
    `outlets` take no other name in (« Valbrune » the town is not « Valbrune Matin »)."""
    from .heap import held_off
    from .normalize import places

    with held_off():  # many names and claims made, no cycles (heap.py)
        names = Names(registry, lex, outlets=outlets,
                      is_place=is_place or (lambda n: places.gazetteer().lookup(n) is not None))
        full, entities = names.settle(name_tally(claims, by_source=False), lambda s: 0)
        return rename(claims, full), entities


def rename(claims: list[Claim], full: dict[str, str]) -> list[Claim]:
    """The claims with their entities' and speakers' display names."""
    return [c if full[c.entity] == c.entity and (not c.attributed_to or full[c.attributed_to] == c.attributed_to)
            else amend(c, entity=full[c.entity], attributed_to=full.get(c.attributed_to) if c.attributed_to else None)
            for c in claims]


def settle(claims: list[Claim], headlines: dict[str, str], names: Names, lex: Lexicon, *,
           is_place: Callable[[str], bool], rank: Callable[[str], int] = lambda s: 0,
           base: Settled | None = None, again: Callable[[set[str]], list[Claim]] | None = None,
           placer: Callable[[dict[str, str], set[str]], str | None] = headline_place) -> Settled | None:
    """The corpus passes over `claims` (those of the articles whose `headlines` are given: source id ->
    headline; each article's claims together, in its order).

    With a `base` (the same passes over the corpus's other articles, by the same `names`), the claims are
    only the new articles', and the tallies are the base's plus theirs. Should their names change the
    display name of names the base's articles write, `again` gives the claims of those articles as they
    were extracted (given the names), and they are settled anew: their tallies as the base had them taken
    back, and as they now are added (Settled.claims: the new articles' claims, then those; Settled.undone:
    those as the base had them). None when a decision comes out otherwise than in the base (every claim
    could change: settle the whole corpus), or when names changed and there is no `again`. `placer`: what
    gives the place the headlines name (compare.slots.HeadlinePlaces keeps what it read of them)."""
    tally = name_tally(claims)
    whole = base.tally.add(tally, rank) if base else tally
    full, entities = names.settle(whole, rank)
    redo: list[Claim] = []
    undo: list[Claim] = []
    if base:
        changed = {n for n, m in base.mapping.items() if full[n] != m}
        if changed:
            if again is None:
                return None
            redo = again(changed)
            undo = rename(redo, base.mapping)
    was = base.decisions if base else None
    flows = [rename(claims + redo, full), undo]  # what the corpus gains, and what it no longer has

    def tallied(fill: Callable[[Tally, list[Claim]], None], fields: tuple[str, ...]) -> None:
        parts = []
        for flow in flows:
            t = Tally()
            fill(t, flow)
            parts.append(t)
        for f in fields:
            got = Counter(getattr(base.tally, f)) if base else Counter()
            got.update(getattr(parts[0], f))
            got.subtract(getattr(parts[1], f))
            setattr(whole, f, +got)

    tallied(_incident_tally, ("incidents", "incident_votes"))
    incident_named = incident_name(whole.incidents, whole.incident_votes, lex)
    if was and incident_named != was.incident_name:
        return None
    # one name for the story's incident across the corpus; the places an article names were for the
    # corpus to read (headline_place), no scope
    flows = [name_incidents(flow, incident_named, lex) for flow in flows]
    tallied(lambda t, cs: _place_tally(t, cs, is_place), ("places",))
    headlined = placer(headlines, set(whole.places))
    flows = [[amend(c, scope=tuple((k, v) for k, v in c.scope if k != "places")) if "places" in c.scope_dict()
              else c for c in flow] for flow in flows]
    tallied(_stage_tally, ("scope_places", "story_votes", "headed", "told", "spread"))
    d = decide(whole, is_place, headlined, incident_named)
    if was and replace(d, incident=None) != replace(was, incident=None):
        return None
    flows = [_about_story(flow, d, lex) for flow in flows]
    tallied(lambda t, cs: setattr(t, "compared_incidents", incident_counts(cs)), ("compared_incidents",))
    incident = _top(whole.compared_incidents)
    if was and incident != was.incident:
        return None
    return Settled(flows[0], entities, full, replace(d, incident=incident), whole, flows[1])


def _place_tally(t: Tally, claims: list[Claim], is_place: Callable[[str], bool]) -> None:
    """The names of places to look for in headlines, each with the articles naming it."""
    by_source: dict[str, list[Claim]] = {}
    for c in claims:
        by_source.setdefault(c.source, []).append(c)
    for cs in by_source.values():
        t.places.update(place_names(cs, is_place))


def _incident_tally(t: Tally, claims: list[Claim]) -> None:
    t.incidents, t.incident_votes = incident_tally(claims)


def _about_story(claims: list[Claim], d: Decisions, lex: Lexicon) -> list[Claim]:
    """The claims, what they fall back on as their subject made the story's (Decisions)."""
    if d.retitled:  # what articles fell back on as their subject is then the incident too
        main, incident = d.retitled
        claims = [amend(c, entity=incident, subject_origin="story incident")
                  if c.subject_origin == "main entity" and c.entity == main and not owns(c.attribute, lex) else c
                  for c in claims]
    if d.story:  # what a claim about nothing named in its sentence is about: the story's own subject (what an
        # organisation has stays the organisation's when the story is an incident: frames.toml [incident] owned)
        claims = [amend(c, entity=d.owner if d.owner and owns(c.attribute, lex) else d.story)
                  if c.entity.startswith("(") or c.entity == "story" else c for c in claims]
    return claims


def _stage_tally(t: Tally, claims: list[Claim]) -> None:
    """What deciding the story reads of the claims, their places' scope set aside."""
    headed: dict[str, str] = {}
    sources: dict[str, set] = {}
    for c in claims:
        if c.entity.startswith("(") and c.entity.endswith(")") and c.entity != STORY:
            headed.setdefault(c.source, c.entity[1:-1])
        sources.setdefault(c.entity, set()).add(c.source)
        place = c.scope_dict().get("place")
        if place:
            t.scope_places[place] += 1
    t.story_votes = story_votes(claims)
    t.headed = Counter(headed.values())
    t.told = incident_counts(claims)
    t.spread = Counter({e: len(s) for e, s in sources.items()})


def decide(t: Tally, is_place: Callable[[str], bool], headlined: str | None, incident_named: str | None) -> Decisions:
    """What the story is about, where it is set, and whether it is an incident."""
    story = _top(t.story_votes)
    setting = story if story and (is_place(story) or story in t.scope_places) else None  # where the story is set
    owner = story if story and not setting else None  # what has the staff and revenue no sentence names
    headline, headed = _top(t.headed), sum(t.headed.values())
    retitled = None
    if not story or setting or headed > t.story_votes[story]:
        # a place is where the story happens, not what it is about: the corpus's incident, if it has one,
        # else the one the articles' headlines name (« Grippe aviaire : six foyers en Douvère »), which
        # also wins over a subject fewer articles fall back on
        told = _top(t.told)
        if headline and told and headed > t.spread[told]:
            told = headline  # « Sécheresse : … » in four headlines, an « orage » in two articles: the drought
        incident = told or headline
        if incident and story:
            retitled = (story, incident)
        story = incident or story
    return Decisions(incident_named, headlined, story, setting, owner, retitled)


_SETS = ("thing", "other")


def tally_to_json(t: Tally) -> dict:
    """A tally as JSON-ready data (store.CorpusState)."""
    out = {f: sorted(getattr(t, f)) if f in _SETS else dict(getattr(t, f)) for f in Tally.__dataclass_fields__}
    out["first"] = {n: list(at) for n, at in t.first.items()}
    return out


def tally_from_json(d: dict) -> Tally:
    return Tally(**{f: set(d[f]) if f in _SETS else {n: tuple(at) for n, at in d[f].items()} if f == "first"
                    else d[f] if f == "written_in" else Counter(d[f]) for f in Tally.__dataclass_fields__})


def decisions_to_json(d: Decisions) -> dict:
    return {f: getattr(d, f) for f in Decisions.__dataclass_fields__}


def decisions_from_json(d: dict) -> Decisions:
    return Decisions(**dict(d, retitled=tuple(d["retitled"]) if d["retitled"] else None))
