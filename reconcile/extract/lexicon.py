"""French knowledge for claim extraction, compiled from the data files.

attributes.toml: canonical attributes (counted nouns, head phrases, events);
cues.toml: modality, attribution, event statuses, entity states.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from ..normalize.text import fold, phrase_pattern


# Between a counted noun and its qualifier, only auxiliaries and adverbs:
# "quatre salariés étaient toujours portés disparus".
_QUALIFIER_GAP = r"^\s*(?:(?:etaient|etait|sont|est|ont ete|avaient ete|ont|restent|reste|toujours|encore|ete|deja)\s+){0,3}"


@dataclass(frozen=True)
class Lexicon:
    nouns: dict[str, str]  # folded singular noun -> attribute
    heads: list[tuple[re.Pattern, str]]  # head phrase pattern (anchored at end of window) -> attribute
    events: list[tuple[re.Pattern, str]]
    qualifiers: list[tuple[re.Pattern, str, frozenset]]  # words after a counted noun that change what it counts,
    # with the nouns they may follow (empty: any; [attribute.X] narrow_qualifiers and qualifier_nouns)
    labels: dict[str, str]
    cumulative: frozenset[str]
    measures: frozenset[str]
    light_nouns: frozenset[str]
    plan_lemmas: frozenset[str]
    plan_words: re.Pattern
    reported_words: re.Pattern
    negation_words: re.Pattern
    negation_pairs: re.Pattern
    negation_alone: re.Pattern
    attribution_before: re.Pattern
    attribution_after: re.Pattern
    attribution_skip: re.Pattern
    statuses: list[tuple[str, re.Pattern]]
    states: list[tuple[str, re.Pattern]]
    state_exclusions: frozenset[frozenset[str]]
    topic_nouns: re.Pattern | None
    # frames.toml: reading a figure's frame from the parse
    say_verbs: frozenset[str] = frozenset()
    demand_verbs: frozenset[str] = frozenset()  # say_verbs whose subject is also what the figure is about
    documents: frozenset[str] = frozenset()  # nouns whose figures are their author's (« le sondage publié par X »)
    quote_verbs: frozenset[str] = frozenset()  # say_verbs and those that say only after a quotation
    count_verbs: frozenset[str] = frozenset()
    ambiguous_count_verbs: frozenset[str] = frozenset()
    having_verbs: frozenset[str] = frozenset()  # frames.toml [having]: « l'immeuble comptait 18 logements »
    counted_attributes: frozenset[str] = frozenset()  # what « compter » counts rather than owns
    on_the_day: frozenset[str] = frozenset()  # frames.toml [counting] on_the_day: a crowd is one day's
    place_prepositions: frozenset[str] = frozenset()
    place_not_after: frozenset[str] = frozenset()
    place_levels: dict = None
    holding_verbs: frozenset[str] = frozenset()  # frames.toml [holding]: « reste fermée » is a state
    plural_levels: dict = None  # frames.toml [place.plural_levels]: « dans 14 pays » is the world
    demonyms: dict = None
    unit_nouns: frozenset[str] = frozenset()
    general_units: frozenset[str] = frozenset()  # frames.toml [unit] general: « le site » for any named unit
    unit_words: frozenset[str] = frozenset()  # the same, folded (« entrepot »), for folded text
    sizes: frozenset[str] = frozenset()
    population_nouns: frozenset[str] = frozenset()
    frames: tuple = ()  # (frozenset of predicate lemmas, frozenset of noun lemmas or {"$money"}, attribute)
    noun_predicates: frozenset[str] = frozenset()
    raising_verbs: frozenset[str] = frozenset()
    date_words: frozenset[str] = frozenset()
    workforce: tuple = ()  # domains [workforce]: (attribute, verbs whose subject is still the workforce)
    etre_verbs: frozenset[str] = frozenset()  # frames.toml [tense]: verbs whose compound past takes « être »
    act_nouns: dict = None  # frames.toml [acts]: folded verb -> the noun of its act (« lever » -> « levee »)
    act_phrases: dict = None  # frames.toml [acts.phrases]: « rendre public » -> publication
    light_verbs: frozenset[str] = frozenset()  # verbs whose object names the act (« dresser un bilan »)
    reached_verbs: frozenset[str] = frozenset()
    peak_words: re.Pattern | None = None  # frames.toml [peak]: the figure is an episode's peak
    per_unit: re.Pattern | None = None  # frames.toml [per]: « par habitant » right after a figure
    per_not: frozenset[str] = frozenset()  # frames.toml [per] not_units: « par rapport », « par exemple »
    reference_nouns: frozenset[str] = frozenset()  # frames.toml [reference]: a normal, an average
    reference_words: tuple[str, ...] = ()  # frames.toml [reference] adverbials, folded
    change_verbs: frozenset[str] = frozenset()
    referent_modifiers: dict = None  # folded adjective -> tag (« ancien » -> « former »)
    # frames.toml [incident] (and the domains'): the story's incident a toll or a crowd is about
    incident_nouns: tuple = ()  # folded phrases, each a tuple of words, longest first
    outcomes: frozenset[str] = frozenset()  # attributes whose figures are about the incident (folded)
    by_day: frozenset[str] = frozenset()  # folded incident phrases named by their day
    incident_parts: frozenset[str] = frozenset()  # folded incident phrases that name a part of an incident
    incident_generic: frozenset[str] = frozenset()  # folded incident words that refer back (« le drame »)
    owned: frozenset[str] = frozenset()  # attributes an organisation has, never an incident
    not_outcomes: frozenset[str] = frozenset()  # folded verbs of [counted.acts] whose kinds are no incident's
    changes: dict = None  # frames.toml [change]: folded word of a change -> percent_decrease | percent_increase
    penalty_nouns: dict = None  # domains [penalty] nouns: folded noun -> the name a term of it is compared under
    penalty_stages: dict = None  # domains [penalty]: folded verb lemma -> requested | imposed | incurred
    penalty_kinds: tuple[str, ...] = ()  # domains [penalty] kinds: « avec sursis », « ferme »
    penalty_against: frozenset[str] = frozenset()  # domains [penalty] against: « contre »
    not_measured: frozenset[str] = frozenset()  # frames.toml [durations]: nouns (one word each) a duration is not a figure of
    people_at: dict = None  # folded incident phrase -> the attribute of people counted at it
    class_adjectives: frozenset[str] = frozenset()  # frames.toml [counted] classes: a kind of what is counted
    kind_acts: dict = None  # frames.toml [counted.acts]: folded verb lemma -> its folded past participle
    bearing_verbs: frozenset[str] = frozenset()  # frames.toml [counted.bearing]: « les abattages ont porté sur »
    kind_act_nouns: dict = None  # the act noun of a verb of [counted.acts] -> that verb (« abattage » -> « abattre »)
    money_nouns: dict = None  # folded noun lemma -> attribute of a sum of money it is the amount of
    money_transparent: frozenset[str] = frozenset()  # « montant », « somme »: a sum passes through
    money_grants: frozenset[str] = frozenset()  # « aide », « subvention »: money granted, compared apart
    measured_by: dict = None  # [attribute.X] subjects: a noun whose rate a bare percentage is (« la participation »)
    rates_of: dict = None  # [attribute.X] of_nouns: a noun whose « de » complement a percentage is the rate of
    invariable: frozenset[str] = frozenset()  # attributes.toml [invariable]: « pays », « mois »: one form
    money_amounts: frozenset[str] = frozenset()  # « coût », « facture »: an amount of what follows « de »
    money_cost_verbs: frozenset[str] = frozenset()  # finance.toml [money] cost_verbs: « coûter »
    # comparison.toml
    counters: dict = None  # folded name -> counter class
    dynamics: dict = None  # attribute -> stock | running | fixed
    stock_when_of: frozenset[str] = frozenset()  # stocks only with what they are of (« le coût du relogement »)
    stock_days: int = 45
    past_days: int = 0  # comparison.toml [dynamics]: how far before its article a past act dated by it lies
    change_words: re.Pattern | None = None
    titles: frozenset[str] = frozenset()
    offices: frozenset[str] = frozenset()  # folded nouns of a place's offices that speak for it
    roles: frozenset[str] = frozenset()  # folded nouns of a person's role (« le syndicaliste »), titles included
    attribution_opening: re.Pattern | None = None  # cues.toml [attribution] opening: « Pour X, « … » »
    not_sources: re.Pattern | None = None  # cues.toml [attribution] not_sources: « selon les régions »
    impersonal_speakers: re.Pattern | None = None  # cues.toml [attribution] impersonal: « insiste-t-on à la CGT »
    turnout_shares: tuple = ()  # domains [turnout]: (voters, verbs, attribute) — « 53,1 % des électeurs avaient voté »
    ballot_sides: tuple[str, ...] = ()  # domains [ballot]: « 41 voix pour, 10 contre », the side for first
    ballot_verbs: frozenset[str] = frozenset()  # what an assembly does to a text by a vote
    ballot_counts: tuple[str, ...] = ()  # the attributes a ballot counts, its votes first
    voting_verbs: frozenset[str] = frozenset()  # « dix élus ont voté contre »
    own_figures: re.Pattern | None = None  # cues.toml [attribution] possessives + own_figures: « selon leurs chiffres »
    measure_synonyms: dict = None
    stock_monthly_change: float = 0.01
    generic_events: tuple[str, ...] = ()
    vague_attributes: frozenset[str] = frozenset()
    figure_events: frozenset[str] = frozenset()
    same_event_days: int = 7
    relative_slack: dict = None  # comparison.toml [events]: time rule id of a relative date -> days of slack
    event_objects: dict = None  # comparison.toml [events.objects]: folded noun -> the key of the thing
    # cues.toml [parts]: words that make a figure a part, a whole or an addition (relations.py)
    parts: dict = None  # cue class -> tuple of folded phrases
    corrections: re.Pattern | None = None  # cues.toml [corrections]: a figure corrects another
    denials: re.Pattern | None = None  # cues.toml [corrections] denials: « et non à 47,50 % »
    opposition: re.Pattern | None = None  # cues.toml [clauses] opposition: « mais », « cependant »
    relative_opening: re.Pattern | None = None  # cues.toml [relative_dates]: « Deux jours (jour pour jour) après l'E »
    relative_lead: re.Pattern | None = None  # cues.toml [relative_dates] before_opening: « Mais deux jours après »
    thing_through: frozenset[str] = frozenset()  # frames.toml [thing] through: « le coût du relogement » is the rehousing's
    thing_agents: frozenset[str] = frozenset()  # frames.toml [thing] agents: who acts is never what a figure is about
    thing_owned: frozenset[str] = frozenset()  # frames.toml [thing] owned: « sa dette » is its owner's, no thing
    thing_acts: frozenset[str] = frozenset()  # acts (frames.toml [thing] acts, [acts], noun predicates): no thing by themselves


LANGUAGE_FILES = ("attributes.toml", "cues.toml", "frames.toml", "comparison.toml")  # tables do not overlap


def packaged_layers() -> tuple[str, ...]:
    """The texts of the packaged layers, in the order they are merged: French language knowledge
    (data/*.toml), then the domain vocabularies (data/domains/*.toml, by file name)."""
    data = files("reconcile") / "data"
    domains = sorted((p for p in (data / "domains").iterdir() if p.name.endswith(".toml")), key=lambda p: p.name)
    return tuple((data / n).read_text("utf-8") for n in LANGUAGE_FILES) + tuple(p.read_text("utf-8") for p in domains)


def merge(base: dict, extra: dict) -> dict:
    """`extra` laid over `base`: tables merged key by key, lists extended (no repeats), values replaced."""
    out = dict(base)
    for k, v in extra.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = merge(out[k], v)
        elif isinstance(v, list) and isinstance(out.get(k), list):
            out[k] = out[k] + [x for x in v if x not in out[k]]
        else:
            out[k] = v
    return out


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """The packaged layers compiled once (a corpus's own layer: `compile_layers`, via reconcile.settings)."""
    return compile_layers(packaged_layers())


@lru_cache(maxsize=8)
def compile_layers(texts: tuple[str, ...]) -> Lexicon:
    """Compile TOML layers, merged in order (a later layer extends or overrides an earlier one)."""
    merged: dict = {}
    for text in texts:
        merged = merge(merged, tomllib.loads(text))
    return _compile(merged)


def _compile(data: dict) -> Lexicon:
    attrs = cues = frames = comp = data
    nouns: dict[str, str] = {}
    heads, events, labels, qualifiers, measured_by, rates_of = [], [], {}, [], {}, {}
    for name, spec in attrs["attribute"].items():
        labels[name] = spec.get("label", name)
        for n in spec.get("of_nouns", []):
            rates_of[fold(n)] = name
        for n in spec.get("subjects", []):
            measured_by[fold(n)] = name
        for n in spec.get("nouns", []):
            nouns[fold(n)] = name
        for h in spec.get("heads", []):
            heads.append((len(h), phrase_pattern([h], inflect=True), name))
        only = frozenset(fold(n) for n in spec.get("qualifier_nouns", []))
        for q, after in [(q, frozenset()) for q in spec.get("qualifiers", [])] + \
                [(q, only) for q in spec.get("narrow_qualifiers", [])]:
            body = phrase_pattern([q], inflect=True).pattern
            qualifiers.append((re.compile(_QUALIFIER_GAP + body), name, after))
        for e in spec.get("events", []):
            events.append((len(e), phrase_pattern([e.strip()], inflect=True), name))
    heads.sort(key=lambda t: -t[0])
    events.sort(key=lambda t: -t[0])
    mod, att = cues["modality"], cues["attribution"]
    return Lexicon(
        nouns=nouns,
        invariable=frozenset(fold(n) for n in attrs.get("invariable", {}).get("nouns", [])),
        measured_by=measured_by,
        rates_of=rates_of,
        heads=[(p, n) for _, p, n in heads],
        events=[(p, n) for _, p, n in events],
        qualifiers=qualifiers,
        labels=labels,
        cumulative=frozenset(attrs.get("cumulative", {}).get("attributes", [])),
        measures=frozenset(fold(u) for u in attrs.get("measures", {}).get("units", [])),
        sizes=frozenset(fold(u) for u in attrs.get("measures", {}).get("sizes", [])),
        light_nouns=frozenset(fold(n) for n in attrs.get("dated", {}).get("light_nouns", [])),
        plan_lemmas=frozenset(mod["plan_lemmas"]),
        plan_words=phrase_pattern(mod["plan_words"]),
        reported_words=phrase_pattern(mod["reported_words"]),
        negation_words=phrase_pattern(mod["negation_words"]),
        negation_pairs=phrase_pattern(mod["negation_pairs"]),
        negation_alone=phrase_pattern(mod["negation_alone"]),
        attribution_before=phrase_pattern(att["before"]),
        attribution_after=phrase_pattern(att["after"]),
        attribution_skip=phrase_pattern(att["skip"]),
        attribution_opening=phrase_pattern(att.get("opening", [])) if att.get("opening") else None,
        not_sources=phrase_pattern(att.get("not_sources", [])) if att.get("not_sources") else None,
        impersonal_speakers=phrase_pattern(att.get("impersonal", [])) if att.get("impersonal") else None,
        own_figures=phrase_pattern([f"{p} {f}" for p in att.get("possessives", []) for f in att.get("own_figures", [])])
        if att.get("own_figures") else None,
        statuses=[(k, phrase_pattern(v)) for k, v in cues["status"].items()],
        states=[(k, phrase_pattern(v)) for k, v in cues["state"].items()],
        state_exclusions=frozenset(frozenset(p) for p in cues["state_exclusions"]["pairs"]),
        topic_nouns=phrase_pattern(cues.get("topic_nouns", {}).get("nouns", []), inflect=True),
        measure_synonyms={fold(k): v for k, v in attrs.get("measures", {}).get("synonyms", {}).items()},
        money_nouns={fold(n): name for name, spec in attrs["attribute"].items() for n in spec.get("money_nouns", [])},
        money_transparent=frozenset(fold(n) for n in attrs.get("money", {}).get("transparent", [])),
        money_grants=frozenset(fold(n) for n in attrs.get("money", {}).get("grants", [])),
        money_amounts=frozenset(fold(n) for n in attrs.get("money", {}).get("amounts", [])),
        money_cost_verbs=frozenset(fold(n) for n in attrs.get("money", {}).get("cost_verbs", [])),
        parts={k: tuple(sorted({fold(p).strip() for p in v}, key=len, reverse=True))
               for k, v in cues.get("parts", {}).items()},
        corrections=phrase_pattern(cues.get("corrections", {}).get("words", [])),
        denials=phrase_pattern(cues.get("corrections", {}).get("denials", []))
        if cues.get("corrections", {}).get("denials") else None,
        opposition=phrase_pattern(cues.get("clauses", {}).get("opposition", [])),
        relative_opening=_relative_opening(cues.get("relative_dates", {})),
        relative_lead=phrase_pattern(cues.get("relative_dates", {}).get("before_opening", [])),
        **_frame_fields(frames, attrs),
        **_comparison_fields(comp),
    )


def _per_pattern(per: dict) -> re.Pattern | None:
    """« par habitant » right after a figure (frames.toml [per]), its word in group 1; None without words."""
    if not per.get("words"):
        return None
    alt = lambda ws: "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))  # noqa: E731
    between = rf"(?:(?:{alt(per['between'])})\s+)?" if per.get("between") else ""
    skip = rf"(?!(?:{alt(per['determiners'])})(?:\b|(?<=')))" if per.get("determiners") else ""
    return re.compile(rf"\s*{between}(?:{alt(per['words'])})\s+{skip}([^\W\d]+)", re.I)


def _frame_fields(frames: dict, attrs: dict) -> dict:
    table = tuple((frozenset(f["predicates"]), frozenset(n if n.startswith("$") else fold(n) for n in f["nouns"]),
                   f["attribute"]) for f in attrs.get("frame", []))  # counted nouns are compared folded
    verbs = {w for preds, _, _ in table for w in preds}
    return dict(
        say_verbs=frozenset(frames["speech"]["verbs"]) | frozenset(frames["speech"].get("demand", [])),
        demand_verbs=frozenset(frames["speech"].get("demand", [])),
        documents=frozenset(fold(w) for w in frames["speech"].get("documents", [])),
        quote_verbs=frozenset(frames["speech"]["verbs"]) | frozenset(frames["speech"].get("after_quote", [])),
        count_verbs=frozenset(frames["counting"]["verbs"]),
        ambiguous_count_verbs=frozenset(frames["counting"].get("ambiguous", [])),
        having_verbs=frozenset(frames.get("having", {}).get("verbs", [])),
        counted_attributes=frozenset(frames["counting"].get("counted", [])),
        on_the_day=frozenset(frames["counting"].get("on_the_day", [])),
        turnout_shares=(frozenset(fold(w) for w in frames["turnout"].get("voters", [])),
                        frozenset(frames["turnout"].get("verbs", [])), frames["turnout"].get("attribute", "turnout"))
        if frames.get("turnout") else (),
        ballot_sides=tuple(fold(w) for w in frames.get("ballot", {}).get("sides", [])),
        ballot_verbs=frozenset(frames.get("ballot", {}).get("verbs", [])),
        ballot_counts=tuple(frames.get("ballot", {}).get("counts", [])),
        voting_verbs=frozenset(frames.get("ballot", {}).get("voting", [])),
        place_prepositions=frozenset(fold(w) for w in frames["place"]["prepositions"]),
        place_not_after=frozenset(frames["place"].get("not_after", [])),
        place_levels={fold(k): v for k, v in frames["place"].get("levels", {}).items()},
        holding_verbs=frozenset(frames.get("holding", {}).get("verbs", [])),
        plural_levels={fold(k): v for k, v in frames["place"].get("plural_levels", {}).items()},
        demonyms={fold(k): v for k, v in frames["place"].get("demonyms", {}).items()},
        unit_nouns=frozenset(frames["unit"]["nouns"]),
        unit_words=frozenset(fold(n) for n in frames["unit"]["nouns"]),
        general_units=frozenset(frames["unit"].get("general", [])),
        population_nouns=frozenset(frames["population"]["nouns"]),
        frames=table,
        noun_predicates=frozenset(verbs),
        raising_verbs=frozenset(frames["raising"]["verbs"]),
        date_words=frozenset(fold(w) for w in frames.get("dates", {}).get("words", [])),
        etre_verbs=frozenset(fold(w) for w in frames.get("tense", {}).get("etre_verbs", [])),
        workforce=(frames.get("workforce", {}).get("attribute"),
                   frozenset(fold(w) for w in frames.get("workforce", {}).get("still", []))),
        act_nouns={fold(k): fold(v) for k, v in frames.get("acts", {}).get("nouns", {}).items()},
        act_phrases={fold(k): fold(v) for k, v in frames.get("acts", {}).get("phrases", {}).items()},
        light_verbs=frozenset(fold(w) for w in frames.get("acts", {}).get("light", {}).get("verbs", [])),
        reached_verbs=frozenset(fold(w) for w in frames.get("bounds", {}).get("reached_verbs", [])),
        peak_words=phrase_pattern(frames.get("peak", {}).get("words", [])),
        per_unit=_per_pattern(frames.get("per", {})),
        per_not=frozenset(fold(w) for w in frames.get("per", {}).get("not_units", [])),
        reference_nouns=frozenset(fold(w) for w in frames.get("reference", {}).get("nouns", [])),
        reference_words=tuple(fold(w) for w in frames.get("reference", {}).get("adverbials", [])),
        change_verbs=frozenset(fold(w) for w in frames.get("change", {}).get("verbs", [])),
        referent_modifiers={fold(k): v for k, v in frames.get("referent", {}).get("modifiers", {}).items()},
        incident_nouns=tuple(sorted({tuple(fold(n).split()) for n in frames.get("incident", {}).get("nouns", [])},
                                    key=lambda w: (-len(w), w))),
        outcomes=frozenset(fold(o) for o in frames.get("incident", {}).get("outcomes", [])),
        by_day=frozenset(fold(n) for n in frames.get("incident", {}).get("by_day", [])),
        incident_parts=frozenset(fold(n) for n in frames.get("incident", {}).get("parts", [])),
        incident_generic=frozenset(fold(n) for n in frames.get("incident", {}).get("generic", [])),
        owned=frozenset(fold(n) for n in frames.get("incident", {}).get("owned", [])),
        not_outcomes=frozenset(fold(n) for n in frames.get("incident", {}).get("not_outcomes", [])),
        not_measured=frozenset(fold(n) for n in frames.get("durations", {}).get("not_measured", [])),
        penalty_nouns={fold(k): v for k, v in frames.get("penalty", {}).get("nouns", {}).items()},
        penalty_stages={fold(v): stage for stage in ("requested", "imposed", "incurred")
                        for v in frames.get("penalty", {}).get(stage, [])},
        penalty_kinds=tuple(frames.get("penalty", {}).get("kinds", [])),
        penalty_against=frozenset(fold(w) for w in frames.get("penalty", {}).get("against", [])),
        changes={fold(w): f"percent_{way}" for way in ("decrease", "increase")
                 for w in frames.get("change", {}).get(way, [])},
        class_adjectives=frozenset(fold(w) for w in frames.get("counted", {}).get("classes", [])),
        kind_acts={fold(k): fold(v) for k, v in frames.get("counted", {}).get("acts", {}).items()},
        bearing_verbs=frozenset(fold(v) for v in frames.get("counted", {}).get("bearing", {}).get("verbs", [])),
        kind_act_nouns={fold(n): fold(v) for v, n in frames.get("acts", {}).get("nouns", {}).items()
                        if fold(v) in {fold(k) for k in frames.get("counted", {}).get("acts", {})}},
        people_at={fold(k): v for k, v in frames.get("incident", {}).get("people", {}).items()},
        thing_through=frozenset(fold(w) for w in frames.get("thing", {}).get("through", [])),
        thing_agents=frozenset(fold(w) for w in frames.get("thing", {}).get("agents", [])),
        thing_owned=frozenset(fold(w) for w in frames.get("thing", {}).get("owned", [])),
        thing_acts=frozenset(fold(w) for w in frames.get("thing", {}).get("acts", []) +
                             list(frames.get("acts", {}).get("nouns", {}).values())) | {fold(v) for v in verbs},
    )


def _comparison_fields(comp: dict) -> dict:
    # an acronym (« SUD », « FO ») keeps its capitals and matches only as written; other names are folded
    counters = {(name if any(ch.isupper() for ch in name) else fold(name)): cls
                for cls, names in comp.get("counters", {}).items() for name in names}
    dyn = comp.get("dynamics", {})
    dynamics = {a: cls for cls in ("stock", "running", "fixed") for a in dyn.get(cls, [])}
    ev = comp.get("events", {})
    when_of = frozenset(dyn.get("stock_when_of", []))
    dynamics = {a: cls for a, cls in dynamics.items() if a not in when_of}
    return dict(counters=counters, dynamics=dynamics, stock_when_of=when_of, stock_days=int(dyn.get("stock_days", 45)),
                past_days=int(dyn.get("past_days", 0)),
                vague_attributes=frozenset(comp.get("vague", {}).get("attributes", [])),
                generic_events=tuple(ev.get("generic", [])), figure_events=frozenset(ev.get("figures", [])), same_event_days=int(ev.get("same_event_days", 7)),
                relative_slack={k: int(v) for k, v in ev.get("relative_slack", {}).items()},
                event_objects={fold(k): v for k, v in ev.get("objects", {}).items()},
                stock_monthly_change=float(dyn.get("stock_monthly_change", 0.01)),
                change_words=phrase_pattern(dyn.get("change_words", [])),
                titles=frozenset(fold(t) for t in comp.get("entities", {}).get("titles", [])),
                offices=frozenset(fold(t) for t in comp.get("entities", {}).get("offices", [])),
                roles=frozenset(fold(t) for t in comp.get("entities", {}).get("roles", []) +
                                comp.get("entities", {}).get("titles", [])))


def generic_event(attribute: str, lex: "Lexicon") -> bool:
    """True for an event too general to be one event across a story (« announcement », « date:… »)."""
    return any(attribute.startswith(g) if g.endswith(":") else attribute == g for g in lex.generic_events)


def counter_class(name: str | None, lex: "Lexicon") -> str | None:
    """The class of counter (authorities, organizers…) a name belongs to, if any."""
    if not name or not lex.counters:
        return None
    padded = f" {fold(name)} "
    raw = " " + " ".join(re.sub(r"[^\w-]+", " ", name).split()) + " "
    best = None
    for key, cls in lex.counters.items():
        if f" {key} " in (raw if key != key.lower() else padded):  # the counter's name, or it as whole words
            if best is None or len(key) > len(best[0]):
                best = (key, cls)
    return best[1] if best else None


def singular(noun: str) -> str:
    """Folded singular of a French noun, good enough for lookup ("employés" -> "employe")."""
    w = fold(noun).strip()
    if w.endswith("aux") and len(w) > 4:
        return w[:-3] + "al"
    if w.endswith(("s", "x")) and len(w) > 3 and not w.endswith(("ss", "us")):
        return w[:-1]
    return w


def _relative_opening(table: dict) -> re.Pattern | None:
    """The words between a duration and the event it counts from, on folded text: `after` (« après »), with
    the `exact` words before it in a group of their own (« jour pour jour »), then an article."""
    after = phrase_pattern(table.get("after", []))
    if after is None:
        return None
    exact = phrase_pattern(table.get("exact", []))
    exact_part = rf"({exact.pattern}\s+)?" if exact is not None else "()"
    return re.compile(rf"\s+{exact_part}(?:{after.pattern})\s+(?:l[ea]\s+|l'\s*)")


def noun_key(word: str, lex: Lexicon) -> str:
    """A folded word as one id names its noun: singular, but for the nouns whose singular is their plural
    (attributes.toml [invariable]: « voix », « pays »)."""
    w = fold(word).strip()
    return w if w in lex.invariable else singular(w)


def attribute_for_noun(noun: str | None, lex: Lexicon) -> str | None:
    """Canonical attribute of a counted noun, `measure:<unit>`, or `count:<noun>` for an unknown one."""
    if not noun:
        return None
    w = fold(noun).strip()
    if w in lex.measures or singular(w) in lex.measures:
        syn = lex.measure_synonyms or {}
        return f"measure:{syn.get(w, syn.get(singular(w), w))}"
    for cand in (w, singular(w), " ".join(singular(x) for x in w.split())):
        if cand in lex.nouns:
            return lex.nouns[cand]
    first = singular(w.split()[0]) if w.split() else w
    if first in lex.nouns:
        return lex.nouns[first]
    words = [noun_key(x, lex) for x in w.split()[:2]] or [w]  # « pays » stays « pays »
    # « bulletin blanc » -> count:bulletin_blanc: a noun and the adjective that classes it, one id
    return "count:" + "_".join(words)
