"""From mentions to claims: entity, attribute, value, time, modality, attribution.

Pure: the caller hands in the source, its per-line parse and the registry. This
module walks an article and reads figures; `events` reads dated events and
states, `subjects` finds what a claim is about, `modality` how it is said,
`assemble` builds the Claim.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Bounds, Claim, Interval, Mention, Source
from ..normalize import parse_mentions
from ..normalize._numbers_lexicon import lexicon as numbers_lexicon
from ..normalize._periods import lexicon as periods_lexicon
from ..normalize.text import fold
from .assemble import add_claim, by_tense, sentence_clocks, time_for
from .context import Context, Sentence
from .entities import Gazetteer, clause_bounds, main_entity
from .events import dated, events, relative_dates, states
from . import incidents as I
from . import resolvers as R
from .frames import (frame_of, introduced_by_de, lemma_of, phrase, qualified_noun, span_root, subject_noun, tokens_in,
                     verb_above, verb_form)
from .lexicon import Lexicon, attribute_for_noun, counter_class, load as load_lexicon, noun_key, singular
from .modality import _attributions
from .relations import link as link_parts
from .subjects import STORY, find_subject, fronted_topic

# Between a head phrase and its figure: a few words (« coût de la crise »), then maybe a colon that
# announces the figure (« le coût de la crise : 4,2 millions d'euros »).
_CONNECTOR = re.compile(r"^[\s\w'’]{0,28}(?:\s:\s*)?$")


# « l'atelier de distillation, où travaillait une trentaine de personnes »: the noun before « , où ».
# (« , dont 38 000 à Paris » is a part of a figure, not a relative clause about a noun.)
_RELATIVE_TO_NOUN = re.compile(r"\b([a-z]{3,})(?:\s+[a-z]+){0,4}\s*,\s*ou\s[^,;]*$")


# a day after one of these words is a habit (« chaque dimanche », « tous les lundis »), not a day: it dates nothing
_HABIT_WORDS = periods_lexicon().get("habit", {}).get("before", [])
_HABIT = re.compile(r"(?:^|\s)(?:" + "|".join(re.escape(fold(w)) for w in _HABIT_WORDS) + r")\s*$") if _HABIT_WORDS else None

# (a closing parenthesis alone ends no sentence: the French model cuts « À Quimper (Finistère) | , 45 … »)
_PROSE_END = re.compile(r"[.!?…»\"”][)»\"”]?\s*$")


# An article longer than this (in characters of its lines) is read in parts of about this length
PART_CHARS = 30_000


def extract_article(source: Source, lines, gazetteer: Gazetteer, *, lex: Lexicon | None = None,
                    part_chars: int = PART_CHARS) -> list[Claim]:
    """All claims of one source, in text order. A long article is read in parts of about `part_chars`
    characters, each after the article's headline: what a part says is read against the names of that part
    (and the headline) only, so that the work grows with the article's length and not with its square. An
    article shorter than one part is read whole."""
    if not lines or sum(len(line.text) for line in lines) <= part_chars:
        return extract(source, lines, gazetteer, lex=lex)
    head, parts, size = lines[0], [[]], 0
    for line in lines[1:]:
        if parts[-1] and size + len(line.text) > part_chars:
            parts.append([])
            size = 0
        parts[-1].append(line)
        size += len(line.text)
    headline_end = head.start + len(head.text)
    ids: dict[str, int] = {}  # one count of ids for the article: a sentence repeated in two parts keeps two ids
    out: list[Claim] = []
    for k, part in enumerate(parts):
        region = (part[0].start, part[-1].start + len(part[-1].text))
        got = extract(source, [head, *part], gazetteer, lex=lex, ids=ids, region=region)
        out += got if k == 0 else [c for c in got if c.start >= headline_end]  # the headline's, once
    return sorted(out, key=lambda c: (c.start, c.end, c.attribute))


def extract(source: Source, lines, gazetteer: Gazetteer, *, lex: Lexicon | None = None,
            ids: dict | None = None, region: tuple[int, int] | None = None) -> list[Claim]:
    """All claims of one source (or of one part of it, after its headline: `extract_article`), in text
    order; `ids`: the count of claim ids of the article so far; `region`: the part's span of the text."""
    lex = lex or load_lexicon()
    spans = _own_outlet(source, gazetteer.article_spans(lines))
    headline_end = lines[0].start + len(lines[0].text) if lines else -1
    ctx = Context(source, lex, spans, main_entity(spans, headline_end=headline_end))
    if ids is not None:
        ctx.ids = ids
    ctx.headline_end = headline_end
    ctx.incidents = I.mentions(lines, lex)
    previous: list[Sentence] = []
    bounds: list[tuple[int, int]] = []
    for line in lines:
        mentions = parse_mentions(line.text, ref=source.published)
        day = Interval(source.published, source.published) if source.published else None
        named = None  # the day an earlier sentence of this paragraph named
        topic = None  # the place an earlier sentence of this paragraph is about
        for sent in _sentences(line.doc):
            s = Sentence(line.start + sent.start_char, line.start + sent.end_char,
                         line.text[sent.start_char:sent.end_char], list(sent), line.start,
                         prose=_PROSE_END.search(line.text) is not None, day=named, place=topic)
            ms = [_shift(m, line.start) for m in mentions if sent.start_char <= m.start < sent.end_char
                  and not (m.type == "date" and _HABIT is not None
                           and _HABIT.search(fold(line.text[max(0, m.start - 14):m.start])))]
            days = [m for m in ms if m.type == "date" and m.time is not None and m.time.start == m.time.end]
            if days:
                day = named = by_tense(ctx, s, days[-1].start, days[-1].text, days[-1].time)
            elif day is not None and not any(m.type in ("date", "period") for m in ms):
                ms = sorted(ms + _hours(s, day), key=lambda m: m.start)
            ctx.named_units += [(s.offset + t.idx, name) for t in s.tokens if t.pos_ == "NOUN"
                                and t.lemma_ in lex.unit_nouns and (name := R.named_unit(ctx, s, t))]
            events(ctx, s, ms, previous)
            _figures(ctx, s, ms, previous)
            states(ctx, s, ms, previous)
            dated(ctx, s, ms, previous)
            relative_dates(ctx, s, ms, previous)
            topic = _place_topic(ctx, s) or topic
            previous = (previous + [s])[-5:]
            bounds.append((s.start, s.end))
    claims = link_parts(source.text, _headline_clocks(ctx, headline_end), bounds, lex)
    claims = I.article_incident(ctx, claims, lambda name: R.place_as_scope(ctx, name) is not None)
    places = _places_named(ctx, source.text[slice(*region)] if region else source.text)
    if claims and places:  # for the corpus to tell where the story is set (pipeline.run takes it off again)
        claims[0] = replace(claims[0], scope=tuple(sorted(dict(claims[0].scope, places=places).items())))
    return sorted(claims, key=lambda c: (c.start, c.end, c.attribute))


# A bare number right after « du », « au », « n° » names a house (« les 86 habitants du 14 et des immeubles
# voisins », « au 12 bis »), unless a noun it counts follows it.
_ADDRESS = re.compile(r"(?:\b(?:du|au)|n°|\bno\.?|\bnum[ée]ros?(?:\s+\d+\s*(?:,|et))*)\s+$", re.I)
_COUNTED_AFTER = re.compile(r"\s+(?!bis\b|ter\b|et\b|ou\b|rue\b|avenue\b|boulevard\b|place\b)[^\W\d]{3,}", re.I)
def _house_number(text: str, m: Mention) -> bool:
    """A bare number that names a house (« du 14 », « au 27 bis », « aux numéros 12 et 16 »)."""
    return m.type == "quantity" and (not m.unit or fold(m.unit) in ("bis", "ter")) and \
        _ADDRESS.search(text, max(0, m.start - 24), m.start) is not None and not _COUNTED_AFTER.match(text, m.end)


def _own_outlet(source: Source, spans):
    """The spans that name the article's own outlet (its front matter's, or the one its byline names:
    « Par Anne Roux – Valbrune Matin, lundi 9 mars 2026 », read by sources.infer_outlet) are an outlet's,
    which is never what a figure is about nor the article's main entity."""
    if not source.outlet:
        return spans
    own = fold(source.outlet)
    return [replace(x, type="OUTLET") if fold(x.name) == own and x.type in ("ORG", "MISC", "LOC") else x
            for x in spans]


def _headline_clocks(ctx: Context, headline_end: int) -> list[Claim]:
    """A headline repeats a figure of its article without its hour (« 260 000 foyers toujours sans
    électricité » over « Samedi à 8 heures, 260 000 clients restaient à réalimenter »): the
    headline's figure takes the time of day of the one body figure of that value and day."""
    text = ctx.source.text
    out = []
    for c in ctx.claims:
        heading = c.start < headline_end or text.startswith("#", text.rfind("\n", 0, c.start) + 1)
        if heading and c.kind != "date" and isinstance(c.value, float) and "at" not in c.scope_dict():
            body = {dict(b.scope)["at"] for b in ctx.claims if b is not c and b.value == c.value and b.time == c.time
                    and "at" in dict(b.scope) and b.start >= headline_end}
            if len(body) == 1:
                c = replace(c, scope=tuple(sorted(dict(c.scope, at=body.pop()).items())),
                            rules=tuple(sorted(dict(c.rules, at="cue:headline-repeats-body").items())))
        out.append(c)
    return out


def _hours(s: Sentence, day: Interval) -> list[Mention]:
    """An hour written without its day (« la vigilance rouge a été levée à 6 heures ») is a time of
    the day last named in its paragraph, else of the day of publication: a date mention for the
    readers of events and dates, whose claims then carry the hour (assemble.clock_for)."""
    return [Mention("date", s.text[c.start:c.end], s.start + c.start, s.start + c.end, time=day)
            for c in sentence_clocks(s) if c.first == c.last and _past_event(s, s.start + c.start, s.start + c.end)]


def _past_event(s: Sentence, a: int, b: int) -> bool:
    """True when the hour at [a, b) hangs on a verb in a past tense (« a été levée à 6 heures »):
    a present (« se plaignent du bruit dès 7 heures ») tells a habit, not when something happened."""
    toks = tokens_in(s, a, b)
    if not toks:
        return False
    verb = span_root(toks).head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    tense = set(verb.morph.get("Tense"))
    return bool(tense & {"Past", "Imp"}) and ("Part" not in verb.morph.get("VerbForm") or
                                               any(c.dep_.startswith("aux") for c in verb.children))


def _sentences(doc):
    """The parser's sentences, joined where one does not end like a sentence: the French model
    sometimes cuts « Premier maillon du réseau, la ligne 15 Sud | compte 37 km » in two."""
    start = None
    for sent in doc.sents:
        start = sent.start if start is None else start
        if _PROSE_END.search(sent.text) or sent.end == len(doc):
            yield doc[start:sent.end]
            start = None


def _names_entity(unit: str, entity: str) -> bool:
    """True when a unit's words are some of the entity's words (« ligne B » of « ligne B du tramway »); a unit
    that is the entity (« usine de Vierzon », subject of « qui emploie 420 ouvriers ») stays."""
    words = set(re.findall(r"\w+", fold(entity)))
    return bool(words) and set(re.findall(r"\w+", fold(unit))) < words


def _shift(m: Mention, offset: int) -> Mention:
    return replace(m, start=m.start + offset, end=m.end + offset)


# what a count of a list continues the governor of the one before with: a repeated « de » after « ainsi que »,
# « et » or « ou » (« ainsi que de six magasins »), or a colon that opens the items of a whole (checked for a verb)
_SAME_GOVERNOR = re.compile(r"(?:\bainsi que\s+(?:de|d'|des|du)|\b(?:et|ou)\s+(?:de|d'))\s*$|(?P<colon>:\s*)$")


# Subjects found when nothing in the sentence named one: a common noun subject of the figure's predicate
# overrides them (resolvers.thing); the thing a figure completes overrides them and the names found by position.
_UNNAMED_HOWS = frozenset({"main entity", "previous sentence", "topic noun", "story", "unknown"})
_THING_OVERRIDES = _UNNAMED_HOWS | {"sentence", "clause", "description"}


# the end of a bare amount in millions (« 350 millions », « 1,7 million »), and a noun it counts right after it
_BARE_SCALE = tuple(fold(w) for w, (_, cur) in numbers_lexicon().scales.items() if cur is None and fold(w) != "mille")
_COUNTS_AFTER = re.compile(r"\s*(?:de|d'|d’)\s*[^\W\d]", re.I)


def _elided_currency(text: str, ms: list[Mention]) -> list[Mention]:
    """A bare amount in millions after a sum of money in its sentence is a sum in that currency: « réévalué à
    412 millions d'euros, contre 350 millions lors de l'enquête », « 2,6 millions d'euros …, dont 1,7 million
    aux proches »; not « 1,7 million de passagers », which counts its noun."""
    out, money = [], None
    for m in ms:
        if m.type == "money" and m.currency:
            money = m
        elif money is not None and m.type == "quantity" and not m.unit and \
                fold(m.text).split()[-1:] and fold(m.text).split()[-1] in _BARE_SCALE and \
                not _COUNTS_AFTER.match(text, m.end):
            m = replace(m, type="money", currency=money.currency)
        out.append(m)
    return out


def _figures(ctx: Context, s: Sentence, ms: list[Mention], previous) -> None:
    text = ctx.source.text
    given = {id(m) for m in ms}
    ms = _elided_currency(text, ms)
    elided = {id(m) for m in ms} - given  # bare amounts in millions read as sums (« dont 18 millions pour… »)
    periods = [m for m in ms if m.type in ("date", "period")]
    houses = {id(m) for m in ms if _house_number(text, m)}
    figures = [m for m in ms if m.type in ("quantity", "money", "percent") and id(m) not in houses]
    cue_origins = _attributions(ctx, s)
    resolved = []  # (mention, frame, attribute, rule) of this sentence, for elided figures
    for m in ms:
        measured = _duration_of(text, m) if m.type == "duration" else None
        if measured in ctx.lex.not_measured:
            measured = None  # « deux ans de sursis »: frames.toml [durations] not_measured
        term = None
        if measured in (ctx.lex.penalty_nouns or {}):
            term = R.penalty(ctx, s, m, previous)  # « le parquet a requis quatre ans d'emprisonnement contre X »
            if term is None:
                continue  # a term that nobody asks or pronounces here is no figure
            measured = ctx.lex.penalty_nouns[measured]
        if m.type == "duration" and not measured and not (m.cue and (m.low is not None or m.high is not None or m.approx)):
            continue  # "depuis cinq ans" frames the story; "en moins de 10 heures" is a checkable figure
        if m.type not in ("quantity", "money", "percent", "duration"):
            continue
        if m.type == "duration" and any(s.start + c.start <= m.start < s.start + c.end for c in sentence_clocks(s)):
            continue  # « il était près de 23 heures »: a time of day, not a stretch of time
        if any(x.how == "numbered" and x.start < m.end and m.start < x.end for x in ctx.spans):
            continue  # « la ligne 15 », « le CAC 40 »: the number names, it does not count
        if id(m) in houses:
            continue  # « les habitants du 14 », « au 12, rue des Lilas »: a house number
        if m.type == "percent" and _adjective_follows(s, m, ctx.lex.date_words):
            continue  # "100 % électriques" qualifies, it does not count
        fr = frame_of(s, m.start, m.end, m.unit, noun_predicates=ctx.lex.noun_predicates,
                      raising_verbs=ctx.lex.raising_verbs)
        attr, attr_rule, doing = _people_doing(ctx, s, m, fr)
        changed_thing = None
        if attr is None and m.type == "percent":
            attr, attr_rule, changed_thing = _change_attribute(ctx, s, m, fr)
            if attr is None:
                attr, attr_rule = _rate_of_subject(ctx, fr)
            if attr is None and _share_attribute(text, m, ctx.lex) == "percent":
                attr, attr_rule, changed_thing = _rate_of_noun(ctx, s, m)
        if attr is None:
            attr, attr_rule = R.attribute(ctx, s, m, fr, qualifier=_qualifier_attribute, head_window=_head_attribute)
        if attr is None and m.type == "duration":
            attr, attr_rule = f"duration:{m.unit}", "attr:duration" + ("-of" if measured else "")
        if attr is None and m.type == "quantity" and R.elided(fr, m):
            attr, attr_rule = _elided_attribute(ctx, s, m, resolved, fr)
            if attr is None and _people_were(fr):
                attr, attr_rule = _crowd_attribute(ctx)
        if attr is None:
            if m.type == "money":  # « 259,4 millions d'euros, soit 1 742 euros par habitant »: the same sum restated
                attr, attr_rule = _restated(text, m, resolved) or \
                    (id(m) in elided and _coordinated(resolved, m)) or ("amount", "attr:money")
            elif m.type == "percent":
                attr, attr_rule = _share_attribute(text, m, ctx.lex), "attr:percent"
                if attr == "percent":
                    attr, attr_rule = _elided_share(text, m, resolved) or _share_of_count(text, m, resolved) or \
                        _rate_of_state(ctx, s, m, fr) or (attr, attr_rule)
            else:
                continue  # a bare number with nothing it counts is no claim
        if attr.startswith("share:") and _voters_who_voted(ctx, s, m, attr, fr):
            attr, attr_rule = ctx.lex.turnout_shares[2], attr_rule + "+who-voted"  # « 53,1 % des électeurs ont voté »
        tag = _referent(ctx, fr)
        if tag:
            attr, attr_rule = f"{attr}:{tag}", attr_rule + "+referent"
        resolved.append((m, fr, attr, attr_rule))
        origin, origin_span, origin_rule = R.attribution(ctx, s, m, fr, cue_origins=cue_origins, figures=figures,
                                                         attribute=attr, previous=previous)
        who = R.speaker_referent(ctx, s, origin, origin_span, previous) if origin else None
        if who:  # « selon le syndicaliste »: the person named before with that role
            origin, origin_rule = who[0], f"{origin_rule}+{who[1]}"
        elif origin and R.bare_pronoun(origin):
            origin, origin_rule = None, None  # « a-t-il lancé » with nobody it stands for: no name to give
        if origin is None and I.is_outcome(attr, ctx.lex):
            told = _continued_toll(ctx, s, previous)
            if told:  # « Le bilan, communiqué par le préfet, fait état de deux morts. Quatre personnes sont
                origin, origin_span, origin_rule = told  # toujours portées disparues »: the prefect's toll goes on
        if attr == "count:personne":  # people a counter counts at a protest are its crowd
            counted = origin_rule in ("parse:counting-verb", "parse:counter-subject") or \
                bool(origin) and counter_class(origin, ctx.lex) is not None  # counted, not merely said
            crowd = I.people_attribute(ctx, counted, m.start)
            if crowd:
                attr, attr_rule = crowd, attr_rule + "+people-at-incident"
                resolved[-1] = (m, fr, attr, attr_rule)
        demand = (origin_rule or "").startswith("parse:demand-verb")  # who demands is also what it is about
        speaker = None if demand else origin_span
        framed = fronted_topic(ctx, s, m.start)
        if framed and speaker and speaker[0] <= framed.start < speaker[1]:
            framed = None  # « Pour la CGT, « … » »: who holds the opinion is no topic
        parsed = (framed.name, "frame", "cue:fronted-topic") if framed else \
            R.subject(ctx, s, fr, speaker) or R.pronoun_subject(ctx, s, fr, previous)
        if parsed:
            entity, how, subject_rule = parsed
        else:
            entity, how = find_subject(ctx, s, m.start, m.end, previous,
                                       exclude=[speaker] if speaker else ())
            subject_rule = f"window:{how.replace(' ', '-')}"
            rel = _RELATIVE_TO_NOUN.search(fold(text[s.start:m.start]))
            if rel and how in ("previous sentence", "main entity", "topic noun") and \
                    not any(x.start <= s.start + rel.start(1) < x.end for x in ctx.spans) and \
                    any(s.offset + t.idx == s.start + rel.start(1) and t.pos_ == "NOUN" for t in s.tokens):
                entity, how = rel.group(1), "relative noun"  # "l'atelier, où travaillait une trentaine de personnes"
                subject_rule = "window:relative-noun"
        if entity is None:
            continue
        if demand and not parsed:  # « Le syndicat réclame 60 embauches, indique X »: the demander's own
            entity, how, subject_rule = origin, "clause", "parse:demand-subject"
        elif not parsed and origin and entity == origin:
            entity, how, subject_rule = STORY, "story", subject_rule + "+not-the-speaker"  # who says is not what
        scope, scope_rules = R.scope(ctx, s, m, fr)
        ballot = _ballot(ctx, s, m, fr, attr)
        if ballot is not None:  # « adopté par 41 voix pour, 10 voix contre »: one side of the vote on one text
            side, voted = ballot
            if side:
                if attr != ctx.lex.ballot_counts[0]:  # « dix élus ont voté contre »: voters counted by their side
                    attr, attr_rule = ctx.lex.ballot_counts[0], attr_rule + "+ballot"
                scope["population"] = side
                scope_rules.append("parse:ballot-side")
            if voted:
                scope["of"] = voted
                scope_rules.append("parse:ballot-text")
            if not parsed:  # what a vote is about is the text it adopts, not who proclaims it
                entity, how, subject_rule = STORY, "story", subject_rule + "+a-ballot-is-about-its-text"
        if measured:  # « treize jours d'audience » and « vingt jours de délibéré » are not one stretch
            scope["of"] = measured
            scope_rules.append("window:duration-of")
        of = R.costed(ctx, s, m, fr) if attr == "cost" else None
        if of and ctx.lex.topic_nouns and ctx.lex.topic_nouns.fullmatch(of[0]):
            of = None  # « le coût du projet », « de l'opération »: the cost of what the story is about
        if of:  # « le coût du relogement », « 240 000 euros de travaux »: costs of different things are not one
            scope["of"] = of[0]
            scope_rules.append(of[1])
        if changed_thing:  # « le chiffre d'affaires a reculé de 12 % »: the change of the turnover only;
            scope["of"] = changed_thing  # « le taux de la taxe foncière passe à 46,90 % »: that tax's rate only
            scope_rules.append("parse:rate-of" if attr_rule.startswith("parse:rate-of-noun") else "parse:change-of")
        elif attr_rule == "parse:elided-coordinated" and attr in (ctx.lex.rates_of or {}).values():
            before = _earlier(ctx, s, m, lambda c: c.attribute == attr)
            if before and before.scope_dict().get("of"):  # « passe à 46,90 %, contre 44,12 % l'an dernier »
                scope["of"] = before.scope_dict()["of"]
                scope_rules.append("parse:rate-of-continued")
        if doing is not None and "place" not in scope:  # « Ils étaient 3 000 à manifester à Lyon »
            where = next((n for c in doing.children if c.dep_.startswith("obl")
                          for n in [R.place_of(ctx, s, c)] if n), None)
            if where:
                scope["place"] = where
                scope_rules.append("parse:people-doing-place")
            unit = next((n for c in doing.children if c.dep_.startswith("obl") and c.lemma_ in ctx.lex.unit_nouns
                         for n in [R.named_unit(ctx, s, c)] if n), None)
            if unit and "unit" not in scope:  # « à débrayer devant l'usine d'Audincourt »
                scope["unit"] = unit
                scope_rules.append("parse:people-doing-unit")
        if "unit" in scope and _names_entity(scope["unit"], entity):
            del scope["unit"]  # « les 12,4 kilomètres de la ligne », about the line B: the line itself, no part of it
        if attr_rule.endswith("+grant"):  # « une aide de 3 millions »: money granted, not the receiver's budget
            scope["money"] = "grant"
            scope_rules.append("parse:grant")
        event = R.event_of(ctx, fr) if attr.startswith("count:") else None
        if event:
            scope["event"] = event
            scope_rules.append("parse:event")
        elif attr.startswith("count:") and (same := _SAME_GOVERNOR.search(fold(text[max(s.start, m.start - 16):m.start]))) \
                and not (same.group("colon") and _verb_after(s, m)):
            # « la fermeture de quatre hypermarchés, à …, ainsi que de six magasins »; « la fermeture d'une
            # dizaine de points de vente … : trois hypermarchés, … »: the event of the count it continues
            before = _earlier(ctx, s, m, lambda c: c.scope_dict().get("event"))
            if before:
                scope["event"] = before.scope_dict()["event"]
                scope_rules.append("parse:event-continued")
        if how in ("clause", "sentence", "object", "complement", "description") or \
                parsed and subject_rule == "parse:nsubj":  # « Le département compte 42 000 foyers »
            place = R.place_as_scope(ctx, entity, known=bool(parsed))  # « le Finistère concentre 177 000 foyers »
            if place:
                if "place" not in scope and not R.enumerated(ctx, s, place):
                    scope["place"] = place
                    scope_rules.append("parse:place-subject" if parsed else "window:place-as-scope")
                entity, how, subject_rule = STORY, "story", subject_rule + "+place-is-scope"
        if how in ("main entity", "previous sentence") and R.place_as_scope(ctx, entity):
            entity, how, subject_rule = STORY, "story", subject_rule + "+place-is-not-a-subject"
        if origin and "place" not in scope and R.place_as_scope(ctx, origin, known=True):
            scope["place"] = origin  # « La région recense 780 000 foyers »: the place counts its own
            scope_rules.append("parse:counting-place")
        if attr_rule == "parse:elided-coordinated":
            # « 3 000 à Lyon selon la police, 10 000 selon la CGT »: the place of the count it continues;
            # « 14,8 % de grévistes selon la direction, contre 34,5 % »: its counter too, unless it names its own
            before = _earlier(ctx, s, m, lambda c: c.attribute == attr)
            place = before.scope_dict().get("place") if before else None
            own = _place_after(ctx, s, m)
            if own and scope.get("place") != own:  # « 49 400 dans le Finistère, 14 000 dans le Morbihan »:
                # the place right after a figure of a list is its own, whatever the parse hung it on
                scope["place"] = own
                scope_rules.append("window:place-after")
            if place and "place" not in scope and "part" not in scope:
                scope["place"] = place
                scope_rules.append("parse:elided-place")
            if before and not origin and before.attributed_to:
                origin, origin_rule = before.attributed_to, "parse:elided-counter"
            employer = before.scope_dict().get("unit") if before else None
            if employer and "unit" not in scope and _staff_share(ctx, attr):
                scope["unit"] = employer  # « À la SNCF, 14,8 % de grévistes, contre 34,5 % le 5 février »
                scope_rules.append("parse:elided-unit")
        elif attr_rule == "window:elided-previous" and not origin:
            # « l'entreprise chiffre ses surcoûts à 31 millions, contre 23 millions en janvier »: the
            # figure a bare number continues, in the same sentence, gives it its counter
            before = _earlier(ctx, s, m, lambda c: c.attribute == attr)
            if before and before.attributed_to:
                origin, origin_rule = before.attributed_to, "parse:elided-counter"
        if _staff_share(ctx, attr) and "unit" not in scope:
            employer = _employer(ctx, s, m, origin_span)
            if employer:  # a strike rate is the share of one employer's staff
                scope["unit"] = employer
                scope_rules.append("parse:employer")
        if attr.startswith("count:") and how in ("previous sentence", "main entity") and not origin and not scope \
                and (fr is None or fr.predicate is None):
            continue  # a count of an unknown noun, about nothing named here and governed by nothing, is no claim
        if not parsed and how in _THING_OVERRIDES and not subject_rule.startswith("parse:") and \
                not I.is_outcome(attr, ctx.lex):
            found = R.thing(ctx, s, m, fr, by_subject=how in _UNNAMED_HOWS)
            if found:  # « une zone de protection de 3 kilomètres », « la fissure mesurait 11 millimètres »
                entity, how, subject_rule = found[0], "thing", found[1]
        time, time_origin = time_for(ctx, s, m, periods, figures)
        if attr_rule == "parse:restated" and time_origin in ("published", "unknown"):
            said = _earlier(ctx, s, m, lambda c: c.attribute == attr and c.kind == "money")
            if said and said.time_origin == "explicit":  # the restated sum's own date
                time, time_origin = said.time, "explicit"
        day_rule = None
        told_past = _told_past(s, fr, ctx.lex.etre_verbs)
        if time_origin == "published" and s.day is not None and attr in ctx.lex.on_the_day and told_past \
                and (ctx.source.published is None or s.day.end <= ctx.source.published):
            # « Vendredi, les viticulteurs ont défilé. À Béziers, le cortège a rassemblé 2 400 personnes »
            time, time_origin, day_rule = s.day, "explicit", "time:day-before"
        if (day_rule or attr in ctx.lex.on_the_day) and "place" not in scope and s.place and \
                not R.enumerated(ctx, s, s.place):
            # « Toulouse a connu vendredi une manifestation… Ils étaient 3 100 »; « À Marseille, le cortège
            # s'est élancé du Vieux-Port. La préfecture a compté 11 000 manifestants »
            scope["place"] = s.place
            scope_rules.append("parse:paragraph-place")
        if _peak(ctx, s, m, figures):  # « Au plus fort de l'épisode, 70 000 foyers… »: the episode's peak, not the day
            scope["moment"] = "peak"  # the article is published; compared with other peaks only
            scope_rules.append("cue:peak")
            if time_origin == "published":
                time, time_origin = None, "unknown"
        per = _per_unit(ctx, m)
        if per:  # « 1 742 euros par habitant », « 3,50 euros par canard »: a figure for each one, never a total
            scope["per"] = per
            scope_rules.append("window:per-unit")
        yardstick = _reference(ctx, s, m, fr)
        if yardstick:  # « pour une normale de 52 millimètres »: a yardstick, compared with yardsticks only
            scope["reference"] = yardstick
            scope_rules.append("parse:reference")
        if time_origin == "explicit":  # « passera en septembre »: the coming September; « employait en mars »: the last
            named = next((p for p in periods if p.time == time), None)
            time = by_tense(ctx, s, named.start if named else m.start, named.text if named else "0000", time)
        if I.is_outcome(attr, ctx.lex) or not parsed and I.from_parse(ctx, s, fr):
            # « l'explosion a fait trois morts »: a toll, a crowd, a turnout is about the story's incident
            incident = I.resolve(ctx, s, fr, m.start, previous, time,
                                 dated=time_origin not in ("published", "unknown"))
            if incident:
                entity, how, subject_rule = incident
        if term is not None and time_origin == "published":
            time, time_origin = None, "unknown"  # a requisition or a sentence is one act, whenever it is reported
        time_rule = day_rule or f"time:{time_origin}"
        if time_origin == "published" and told_past:
            time_rule = "time:published+past"  # « la présidente en a recensé 71 »: on or shortly before that day
        if term is not None:
            if term[1]:  # the person a term is asked or pronounced against, whoever asks or pronounces it
                entity, how, subject_rule = term[1], "clause", "parse:penalty-against"
            # a term asked for is never set against a term pronounced or the most the law allows
            scope["stage"] = term[0]
            scope_rules.append("parse:penalty-stage")
            kind_of = _penalty_kind(ctx, s, m)
            if kind_of and "population" not in scope:
                scope["population"] = kind_of  # « trois ans avec sursis »: compared with suspended terms only
                scope_rules.append("window:penalty-kind")
        rules = {"attribute": attr_rule, "subject": subject_rule, "time": time_rule}
        if scope_rules:
            rules["scope"] = "+".join(scope_rules)
        if not origin and _had(ctx, s, attr, fr):
            rules["dynamics"] = "parse:having-verb"  # « l'immeuble comptait 18 logements »: what a thing has
        if _changed_by_verb(ctx, fr) and not changed_thing and attr_rule != "parse:change":
            # (« a reculé de 12 % »: the figure is the change itself, not a value after one)
            rules["change"] = "parse:change-verb"  # « a ramené son effectif à 1 430 »: a value after a change
        ctx.last_attribute = (attr, s.start, m.type)
        value = _value(m)
        if isinstance(value, Bounds) and value.low is None and _reached(ctx, s, m):
            value = float(value.high)  # « est monté jusqu'à 171 km/h »: the peak reached, not a bound
            rules["value"] = "parse:reached"
        kind, unit = ("quantity" if m.type == "duration" else m.type), _unit(m)
        if "elided" in attr_rule and kind == "quantity" and not m.unit:
            # « 36,1 milliards d'euros, contre 22 milliards en 2010 »: the amount keeps the currency it continues
            prev = [c for c in ctx.claims if c.attribute == attr and c.kind == "money" and 0 <= m.start - c.end < 600]
            if prev:
                kind, unit = "money", prev[-1].unit
        change = _change(ctx, s, m, value)
        if change:  # « le prix passera de 25 à 30 euros en septembre »: a value before, a value after
            before, after = change
            add_claim(ctx, s, m.start, m.end, entity=entity, attribute=attr, value=before, kind=kind, unit=unit,
                      precision=m.precision, time=Interval(ctx.source.published, ctx.source.published)
                      if ctx.source.published else None, time_origin="published" if ctx.source.published
                      else "unknown", subject_origin=how, modality="assertion", attributed=(origin, origin_rule),
                      scope=scope, rules=dict(rules, value="parse:change-from", time="time:published"))
            value, rules = after, dict(rules, value="parse:change-to")
        planned = bool(change and time and ctx.source.published and time.start > ctx.source.published) or \
            term is not None and term[0] == "requested"  # a requisition: the sentence is its outcome
        add_claim(ctx, s, m.start, m.end, entity=entity, attribute=attr, value=value,
             kind=kind, unit=unit, approx=m.approx, modality="plan" if planned else None,
             precision=m.precision, cue=m.cue, time=time, time_origin=time_origin, subject_origin=how,
             attributed=(origin, origin_rule), scope=scope, rules=rules)


_FRONTED_PLACE = re.compile(r"^\W*(?:a|en|dans)\s*$")


def _places_named(ctx: Context, text: str) -> str:
    """The names the article marks as places and writes as places somewhere in `text` (after « à »,
    « dans », « en »…, or known to the gazetteer: the NER also tags firms as places), « | »-joined, for the
    corpus to tell which place its headlines name (pipeline.run)."""
    from ..normalize.places import gazetteer

    names = {x.name for x in ctx.spans if x.type == "LOC" and x.how == "name" and "|" not in x.name
             and R.place_as_scope(ctx, x.name)}
    return "|".join(sorted(n for n in names if gazetteer().lookup(n) is not None or
                           re.search(rf"(?:\b[àÀ]|\bdans|\ben|\bau|\baux|\bsur)\s+(?:la\s+|le\s+|l['’]\s*)?{re.escape(n)}\b", text)))


# « quatre ans d'emprisonnement », « treize jours d'audience », « vingt-sept semaines d'arrêt »: a stretch of
# time of something named right after it (not « depuis cinq ans de … » read as a date)
_OF_NOUN = re.compile(r"\s+d(?:e\s+|['’]\s*)(?!(?:la|le|les|l['’]|un|une|ce|cet|cette|ces|son|sa|ses|leur|leurs|mon|ma|"
                      r"mes|notre|nos|votre|vos|plus|moins|trop)\b)([^\W\d_]{3,})")
_FRAMING = re.compile(r"(?:\bdepuis|\bvoila|\bil y a)\s+$")


def _clitic_en(ctx: Context, s: Sentence, m: Mention) -> bool:
    """True when an « en » before the figure is the clitic pronoun (« la présidente en a recensé 71 », « la
    mairie en dénombre 27 », its verb misread as a noun), not the preposition (« se sont mis en grève »)."""
    counting = ctx.lex.count_verbs | ctx.lex.ambiguous_count_verbs
    for t in s.tokens:
        if fold(t.text) != "en" or s.offset + t.idx >= m.start or t.i + 1 >= len(t.doc):
            continue
        nxt = t.doc[t.i + 1]
        if t.pos_ == "PRON" or nxt.pos_ in ("VERB", "AUX") or \
                R.conjugates(fold(nxt.text), counting, ("e", "ent", "ait", "aient")):
            return True
    return False


def _noun_before_en(ctx: Context, s: Sentence, m: Mention) -> str | None:
    """The attribute of the plural noun the clitic « en » stands for, earlier in its own sentence: the last
    plural common noun ahead of « en » (with the adjective that classes it: « parties civiles »)."""
    en = [t for t in s.tokens if fold(t.text) == "en" and s.offset + t.idx < m.start]
    if not en:
        return None
    nouns = [t for t in s.tokens if t.i < en[-1].i and t.pos_ == "NOUN" and "Plur" in t.morph.get("Number")]
    if not nouns:
        return None
    n = nouns[-1]
    noun = fold(n.lemma_ or n.text)
    nxt = n.doc[n.i + 1] if n.i + 1 < len(n.doc) else None
    if nxt is not None and nxt.pos_ == "ADJ" and fold(nxt.lemma_ or nxt.text) in ctx.lex.class_adjectives:
        noun = f"{noun} {singular(fold(nxt.text))}"
    return attribute_for_noun(noun, ctx.lex)


def _penalty_kind(ctx: Context, s: Sentence, m: Mention) -> str | None:
    """How a term is served, written right after it in its clause (« quatre ans d'emprisonnement avec sursis »,
    « six mois ferme »: domains [penalty] kinds), or None."""
    rest = fold(ctx.source.text[m.end:_comma_clause_end(s, m)])
    return next((k for k in ctx.lex.penalty_kinds
                 if re.match(rf"^(?:\s+(?:de|d')\s*\w+)?\s+{re.escape(fold(k))}\b", rest)), None)


def _duration_of(text: str, m: Mention) -> str | None:
    """The noun a duration measures when it follows it with « de » (« quatre ans d'emprisonnement »): a
    checkable figure of that noun (claim scope « of »); None otherwise (« depuis cinq ans »)."""
    found = _OF_NOUN.match(text, m.end)
    if found is None or _FRAMING.search(fold(text[max(0, m.start - 16):m.start])):
        return None  # « depuis cinq ans de mandat », « il y a deux ans de cela »: a stretch that frames the story
    return fold(found.group(1))


def _continued_toll(ctx: Context, s: Sentence, previous: list[Sentence]):
    """(speaker, span, rule id) of the toll the sentence before gave, in the same paragraph, when the
    figure at hand is another figure of that toll said by nobody of its own (« La préfecture a annoncé
    quatre morts. Sept personnes ont été blessées »); None when the sentence quotes someone."""
    if not previous or previous[-1].offset != s.offset or any(q in s.text for q in "«“\"") or \
            any(t.dep_ == "obl:agent" for t in s.tokens):
        return None  # « … ont été retrouvés par les équipes cynophiles »: a story of what somebody did
    before = previous[-1]
    said = [c for c in ctx.claims if before.start <= c.start < before.end and c.attributed_to
            and I.is_outcome(c.attribute, ctx.lex) and c.kind != "date"]
    if not said or len({c.attributed_to for c in said}) > 1:
        return None
    return said[-1].attributed_to, None, "window:continued-toll"


def _place_topic(ctx: Context, s: Sentence) -> str | None:
    """The place a sentence is about: a place its verb has for subject (« Lyon a connu jeudi … »), or one
    it opens on (« À Béziers, … »)."""
    for t in s.tokens:
        x = R.span_at(ctx, s.offset + t.idx)
        if x is None or x.type != "LOC":
            continue
        if _FRONTED_PLACE.match(fold(ctx.source.text[s.start:x.start])) and R.place_as_scope(ctx, x.name) or \
                t.dep_ == "nsubj" and t.head.dep_ == "ROOT" and R.place_as_scope(ctx, x.name, known=True):
            return x.name  # (a subject the gazetteer does not know is more often a firm)
    return None


def _voters_who_voted(ctx: Context, s: Sentence, m: Mention, attr: str, fr) -> bool:
    """True for a share of voters (domains [turnout] voters) that a verb of voting has for subject: the verb
    above the figure, else the first verb after it in its comma-clause (the tagger may tear « 53,1 % des électeurs
    avaient voté » apart). Not a vote for somebody (« 61 % des électeurs ont voté pour la liste »)."""
    if not ctx.lex.turnout_shares:
        return False
    voters, verbs, _ = ctx.lex.turnout_shares
    if singular(attr.split(":", 1)[1]) not in voters:
        return False
    end = _comma_clause_end(s, m)
    after = next((t for t in tokens_in(s, m.end, end) if t.pos_ == "VERB"), None)
    for p in ([*fr.predicates, fr.predicate] if fr is not None else []) + [after]:
        if p is not None and lemma_of(p) in verbs:
            return _side_oblique(p, ctx.lex) is None
    return False


def _told_past(s: Sentence, fr, etre_verbs: frozenset = frozenset()) -> bool:
    """True when the figure's verb (else the sentence's) tells a past event (« a rassemblé », « avaient
    défilé », « Ils étaient 14 500 »). `etre_verbs`: those whose compound past takes « être »."""
    verb = fr.predicate if fr is not None else None
    if verb is None or verb.pos_ not in ("VERB", "AUX", "NOUN", "ADJ"):
        # the first verb above the figure's noun (« Dehors, 450 personnes … s'étaient rassemblées », whose
        # predicate the parse gave as « Dehors »), else the sentence's root
        t = (fr.noun or fr.head) if fr is not None else None
        verb = verb_above(t) if t is not None else None
        if verb is None:
            roots = [t for t in s.tokens if t.dep_ == "ROOT"]
            verb = next((t for t in roots if t.pos_ in ("VERB", "AUX")), roots[0] if roots else None)
    while verb is not None and verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head  # a noun predicate is told in the tense of its verb (« a estimé les pertes à… »)
    if verb is None:
        return False
    past = ("Imp", "Past")
    helpers = [c for c in verb.children if c.dep_.startswith("aux") or c.dep_ == "cop"]
    if "Part" not in verb.morph.get("VerbForm"):  # « étaient », « rassemblait », « Ils étaient 14 500 »
        return any(t in verb.morph.get("Tense") for t in past) or \
            any(t in c.morph.get("Tense") for c in helpers for t in past)
    # « a rassemblé », « se sont rassemblés », « avaient défilé », « sont tombés » (a verb whose past takes
    # « être », which the parser reads as a passive); not the passive « sont annoncées »
    return any(c.dep_ == "aux:tense" or any(t in c.morph.get("Tense") for t in past) for c in helpers) or \
        fold(verb.lemma_) in etre_verbs and any(fold(c.lemma_) == "etre" for c in helpers)


def _staff_share(ctx: Context, attr: str) -> bool:
    """A counted share of people (« 24,5 % de grévistes »: frames.toml [counting] counted): a share of
    one employer's staff, whose scope is that employer."""
    return attr in ctx.lex.counted_attributes and (attr.startswith("share:") or attr == "strike_rate")


_FRONTED_BODY = re.compile(r"^\W*(?:a la|a l'|au|aux|chez|dans la|dans l')\s*$")


def _employer(ctx: Context, s: Sentence, m: Mention, counter_span) -> str | None:
    """The organisation whose staff a share counts: the one its counter belongs to (« la direction de la
    SNCF a recensé 24,5 % »), else the one the sentence opens on (« À la SNCF, la direction a recensé… »)."""
    bodies = [x for x in ctx.spans if s.start <= x.start < s.end and x.type == "ORG" and x.how == "name"]
    if counter_span:  # the organisation the counter's phrase is « of », not the counter itself (« le SNUipp »)
        inside = [x for x in bodies if counter_span[0] <= x.start < counter_span[1] and
                  re.search(r"\b(?:de|du|des|d')\b", fold(ctx.source.text[counter_span[0]:x.start]))]
        if inside:
            return inside[0].name
    text = ctx.source.text
    for x in bodies:
        if x.end <= m.start and _FRONTED_BODY.match(fold(text[s.start:x.start])) and \
                re.match(r"\s*,", text[x.end:x.end + 3]):
            return x.name
    return None


def _coordinated(resolved, m: Mention):
    """(attribute, rule) of the last figure of the sentence of the same type as `m` whose attribute says what it
    counts (« 3 500 manifestants, contre 12 000 »), or None."""
    known = [r for r in resolved if not r[2].startswith(("amount", "percent", "share:", "duration:"))
             and r[0].type == m.type]
    return (known[-1][2], "parse:elided-coordinated") if known else None


def _elided_attribute(ctx: Context, s: Sentence, m: Mention, resolved, fr=None):
    """What a number without a noun counts: the noun of a figure it is coordinated with
    (« 3 500 manifestants, contre 12 000 »), else the last figure's of the two sentences before,
    when a counter or a place follows it (« Ils étaient 3 000 à Lyon selon la police »)."""
    known = _coordinated(resolved, m)
    if known:
        return known
    taken_up = _demonstrative(ctx, s, m)
    if taken_up is not None:  # « Ces 15 millions, c'est un premier pas »: the figure told before, taken up
        return taken_up.attribute, "parse:demonstrative"
    clitic = _EN_BEFORE.search(fold(ctx.source.text[s.start:m.start])) and _clitic_en(ctx, s, m)
    if clitic:
        named = _noun_before_en(ctx, s, m)
        if named:  # « À l'appel des parties civiles, la présidente en a recensé 71 »
            return named, "parse:elided-en-noun"
    last = ctx.last_attribute
    if last and last[0].startswith("duration:"):
        last = None  # a bare number counts things, it does not continue a stretch of time
    if last and last[2] in ("money", "percent") and _people_were(fr):
        last = None  # « Ils étaient 1 100 selon la police » counts people, whatever sum was told before
    if last and s.start - last[1] < 600:
        after = fold(ctx.source.text[m.end:min(s.end, m.end + 30)])
        if re.match(r"\s*(?:selon|d'apres|de source|a |au |aux |en |dans |pour |chez |,)", after):
            return last[0], "window:elided-previous"
        if clitic:
            return last[0], "window:elided-en"  # « La mairie en dénombre 27 »: « en » stands for what was counted
    return None, None


# the clitic « en » before the verb of a bare number (« la FDSEA en compte pour sa part 20 »)
_EN_BEFORE = re.compile(r"\ben\s+[a-z]+(?:\s+[a-z']+){0,4}\s+$")


def _people_were(fr) -> bool:
    """« Ils étaient 14 500 selon la préfecture »: a number that a personal pronoun « was »: people."""
    if fr is None:
        return False
    for p in (fr.head, fr.predicate):
        if p is None:
            continue
        subj = next((c for c in p.children if c.dep_ in ("nsubj", "nsubj:pass") and c.pos_ == "PRON"
                     and fold(c.text) in ("ils", "elles")), None)
        if subj is not None and any(fold(c.lemma_) == "etre" for c in p.children if c.dep_.startswith(("aux", "cop"))):
            return True
    return False


_TO_FIGURE = re.compile(r"\s+(?:à|a)\s+\d")

# the pronouns and adverbs that may stand between « à » and the infinitive (« à se rassembler », « à y croire »)
_BEFORE_INFINITIVE = frozenset({"se", "s'", "s’", "y", "en", "ne", "le", "la", "les", "l'", "l’", "lui", "leur"})


def _people_doing(ctx: Context, s: Sentence, m: Mention, fr):
    """« Ils étaient près de 300 à débrayer », « Les salariés étaient 200 à faire grève »: a number that
    people « were » (« être N à » + infinitive) counts the people who did the infinitive's act: (attribute,
    rule id, the infinitive) from the frame of the infinitive with the people's noun (the subject's, else
    « personne »: « manifester » + people are protesters), the infinitive's places being the count's; else
    Nones: the verb tells no kind of people, the usual elision rules answer."""
    if m.type != "quantity" or m.unit and fr is not None and fr.noun is not None and \
            fold(fr.noun.lemma_) not in ctx.lex.date_words:
        return None, None, None  # « 300 salariés à … » counts its own noun (the parser may take « jeudi » for one)
    after = tokens_in(s, m.end, s.end)
    if len(after) < 2 or fold(after[0].text) != "a":
        return None, None, None
    k = 1
    while k < len(after) - 1 and fold(after[k].text) in _BEFORE_INFINITIVE:
        k += 1
    verb = after[k]
    if verb.pos_ not in ("VERB", "AUX") or "Inf" not in verb.morph.get("VerbForm"):
        return None, None, None
    while verb.lemma_ in ("avoir", "être") and k + 1 < len(after) and "Part" in after[k + 1].morph.get("VerbForm"):
        k += 1  # « ils sont 450 à avoir signé », « à avoir été licenciés »: what they did is to sign, to be laid off
        verb = after[k]
    before = tokens_in(s, s.start, m.start)
    i = len(before) - 1
    while i >= 0 and before[i].pos_ == "ADV":
        i -= 1  # « ils sont encore 2 000 à défiler »
    if i < 0 or before[i].lemma_ != "être":
        return None, None, None  # the number is what people « were », right after the verb
    subj = next((t for t in before if t.dep_ in ("nsubj", "nsubj:pass") and t.pos_ == "NOUN"), None)
    noun = fold(subj.lemma_) if subj is not None else "personne"
    lemmas = {verb.lemma_} | {c.lemma_ for c in verb.children if c.dep_ in ("obj", "xcomp") and c.pos_ == "NOUN"}
    for preds, nouns, attr in ctx.lex.frames:
        if lemmas & preds and noun in nouns:
            return attr, "parse:people-doing", verb
    return None, None, None


def _rate_of_subject(ctx: Context, fr):
    """« La participation s'établit à 55,0 % », « l'abstention atteint 45 % »: a bare percentage whose verb's
    subject is a noun of [attribute.X] subjects, with no complement of its own, is that rate: (attribute,
    rule id), else Nones."""
    if fr is None or not ctx.lex.measured_by:
        return None, None
    for p in fr.predicates:
        subj = subject_noun(p)
        if subj is not None and not any(c.dep_ == "nmod" for c in subj.children):
            attr = ctx.lex.measured_by.get(fold(subj.lemma_))
            if attr:
                return attr, "parse:rate-of-subject"
    return None, None


def _rate_of_noun(ctx: Context, s: Sentence, m: Mention):
    """« Le taux de la taxe foncière passe à 46,90 % », « grimpe de 44,12 % à 46,40 % », « le taux de chômage
    atteint 7,5 % »: a percentage of a clause whose subject is a noun of [attribute.X] of_nouns with a « de »
    complement, and no other subject between, is X of that complement: (attribute, rule id, the complement's
    words: its lemma, an adjective or its own « de » noun), else Nones. A complement that names a rate of its
    own ([attribute.X] subjects: « taux de participation ») gives that attribute. The parse is read from the
    subject, since the tagger often tears « de 44,12 % à 46,40 % » apart."""
    if not ctx.lex.rates_of:
        return None, None, None
    lo, hi = clause_bounds(ctx.source.text, s.start, s.end, m.start, weak=False)
    subjects = [t for t in s.tokens if lo <= s.offset + t.idx < m.start and t.dep_ in ("nsubj", "nsubj:pass")]
    subj = subjects[-1] if subjects else None
    attr = ctx.lex.rates_of.get(fold(subj.lemma_)) if subj is not None else None
    of = next((c for c in subj.children if c.dep_ == "nmod" and c.pos_ == "NOUN" and c.i > subj.i and
               introduced_by_de(c)), None) \
        if attr else None
    if of is None:
        return None, None, None
    own = (ctx.lex.measured_by or {}).get(fold(of.lemma_))
    if own:  # « le taux de participation s'établit à 55,2 % »: turnout
        return own, "parse:rate-of-subject", None
    if "Plur" in of.morph.get("Number") and not any(c.dep_ == "det" for c in of.children):
        # « le taux de grévistes », « le taux de bacheliers »: the share of those people, as « 31 % de grévistes »
        return f"share:{noun_key(of.text, ctx.lex)}", "parse:share-rate", None
    words = [fold(of.lemma_)] + [fold(c.text) for c in of.children if c.dep_ == "amod" and c.i > of.i][:1]
    inner = next((c for c in of.children if c.dep_ == "nmod" and c.pos_ == "NOUN" and c.i == of.i + 2), None)
    if inner is not None and len(words) == 1:  # « la taxe d'habitation »
        words.append(f"{fold(of.doc[of.i + 1].text)} {fold(inner.lemma_)}".replace("' ", "'"))
    return attr, "parse:rate-of-noun", " ".join(words)


def _rate_of_state(ctx: Context, s: Sentence, m: Mention, fr):
    """« Le barrage était rempli à 48 % », « le chantier est réalisé à 45 % », « la société, détenue à 65 % par
    la Ville »: a percentage after « à » that a participle governs is how far its thing is in that state:
    (share:<participle's lemma>, rule id), else None; tried last, when nothing else says what a percentage is
    of. Not a « passé de 31 % à 19 % » (a change's level)."""
    if fr is None or not re.search(r"\b(?:a|qu'a)\s*$", fold(ctx.source.text[max(s.start, m.start - 6):m.start])):
        return None
    # the nearest past participle above the figure (« des filiales détenues à 100 % »); the parser may hang
    # the sign on the verb as punctuation (« qu'à 43 % »)
    above = [*fr.chain[1:], fr.predicate] if fr.predicate is not None else [fr.head.head]
    p = next((t for t in above if t is not None and "Part" in t.morph.get("VerbForm")
              and "Past" in t.morph.get("Tense")), None)
    if p is None or p.lemma_ in ctx.lex.change_verbs or verb_form(p, ctx.lex.change_verbs):
        return None
    return f"share:{fold(p.lemma_)}", "parse:rate-of-state"


def _demonstrative(ctx: Context, s: Sentence, m: Mention) -> Claim | None:
    """The claim of the article that a figure under a demonstrative takes up (« Ces 15 millions, c'est un premier
    pas » after « une enveloppe de 15 millions d'euros »): the last one of the same value."""
    nums = [t for t in tokens_in(s, m.start, m.end) if t.like_num]
    dets = [c for h in nums + [t.head for t in nums] for c in h.children if c.dep_ == "det"] + \
        [t.head for t in nums if t.head.pos_ == "DET"]  # (« Ces 380, nous les contesterons »: the parse tears it)
    if not any("Dem" in d.morph.get("PronType") for d in dets) or \
            not isinstance(m.value, (int, float)):
        return None
    return next((c for c in reversed(ctx.claims) if c.start < m.start and isinstance(c.value, (int, float))
                 and not isinstance(c.value, bool) and abs(c.value - m.value) <= 1e-9 * max(1.0, abs(m.value))), None)


def _earlier(ctx: Context, s: Sentence, m: Mention, keep) -> Claim | None:
    """The last claim of sentence `s` before figure `m` that `keep` accepts: the figure an elided or restated one
    continues (« 3 500 manifestants selon la police, 12 000 selon la CGT »)."""
    return next((c for c in reversed(ctx.claims) if s.start <= c.start < m.start and keep(c)), None)


def _comma_clause_end(s: Sentence, m: Mention) -> int:
    """Where the comma-clause that follows figure `m` ends: the next comma or semicolon, else the sentence's end."""
    return min([i for i in (s.text.find(c, m.end - s.start) for c in ",;") if i >= 0] + [len(s.text)]) + s.start


def _verb_after(s: Sentence, m: Mention) -> bool:
    """True when a verb follows the figure in its comma-clause (« : 12 entrepôts resteront ouverts »): a clause of
    its own, not an item of a list (« : trois hypermarchés, à Caen, … »)."""
    end = _comma_clause_end(s, m)
    return any(t.pos_ in ("VERB", "AUX") for t in tokens_in(s, m.end, end))


def _had(ctx: Context, s: Sentence, attr: str, fr) -> bool:
    """True for a count a thing has by a verb of having (frames.toml [having]: « l'immeuble comptait 18
    logements »), not people, a toll or a crowd, nor what an incident counts (« le cortège comptait 3 000
    personnes »: that day's, no stock of a thing)."""
    if not attr.startswith("count:") or attr == "count:personne" or fr is None or fr.predicate is None or \
            fr.role not in ("obj", "obl:arg") or I.is_outcome(attr, ctx.lex) or attr in ctx.lex.counted_attributes:
        return False
    p = fr.predicate
    if not (p.lemma_ in ctx.lex.having_verbs or verb_form(p, ctx.lex.having_verbs)):
        return False
    subj = next((c for c in p.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    return subj is None or I.incident_at(ctx, s, subj) is None


def _change_attribute(ctx: Context, s: Sentence, m: Mention, fr):
    """« le chiffre d'affaires a reculé de 12 % », « une baisse de 32 % », « le titre a perdu 9 % »: a
    percentage that a word of change (frames.toml [change] decrease, increase) governs measures the change:
    (percent_decrease | percent_increase, rule id, what changed: the verb's subject noun, else None);
    Nones when no such word governs it."""
    if fr is None or not ctx.lex.changes:
        return None, None, None
    after_de = re.search(r"\bde\s*$", fold(ctx.source.text[max(s.start, m.start - 6):m.start])) is not None
    if after_de and _TO_FIGURE.match(ctx.source.text, m.end, s.end):
        return None, None, None  # « a augmenté de 5,5 % à 10 % »: a level before and a level after
    of_what = _share_attribute(ctx.source.text, m, ctx.lex) != "percent"
    for t in [*fr.chain[1:], *fr.predicates]:
        way = ctx.lex.changes.get(fold(t.lemma_))
        if way is None or not (after_de or t.pos_ == "VERB" and fr.chain[-1].dep_ == "obj" and not of_what):
            continue  # « passé de 31 % à 19 % » are two levels; « gagner 3 % » and « perdre 9 % » changes,
            # « perdre 15 % de ses clients » a share of them
        subj = subject_noun(t)
        if subj is None and t.dep_ == "xcomp":  # « a vu son chiffre d'affaires reculer de 12 % »
            subj = next((c for c in t.head.children if c.dep_ == "obj" and c.pos_ == "NOUN"), None)
        thing = re.sub(r"(?<=')\s+", "", fold(phrase(subj))) if subj is not None else None  # « prix du gaz »
        return way, "parse:change", thing
    return None, None, None


def _crowd_attribute(ctx: Context):
    """What people a pronoun counts (« Ils étaient 14 500 »): the crowd or toll the article counted
    last (frames.toml [counting] counted), else people."""
    for c in reversed(ctx.claims):
        if c.attribute in ctx.lex.counted_attributes:
            return c.attribute, "window:elided-crowd"
    return "count:personne", "window:elided-people"


_COORDINATED = re.compile(r"^[^.;:]{0,40}(?:\bcontre\b|\bpuis\b|\bet\b|\bou\b|,)[^.;:]{0,20}$")


def _elided_share(text: str, m: Mention, resolved):
    """A bare percentage coordinated with a share of something (« 14,8 % de grévistes, contre
    34,5 % le 5 février »): a share of the same thing."""
    shares = [r for r in resolved if r[0].type == "percent" and r[2] != "percent" and r[0].end <= m.start
              and not r[2].startswith("percent_")]  # (« en hausse de 3 %, atteint 45 % »: 45 % is no change)
    if shares and _COORDINATED.match(fold(text[shares[-1][0].end:m.start])):
        return shares[-1][2], "parse:elided-coordinated"
    return None


_OF_COUNT = re.compile(r"^\s*(?:\(\s*|,?\s*soit\s+(?:environ\s+|pres\s+de\s+)?)$")


_RESTATED = re.compile(r",\s*soit\s+(?:environ\s+|pres\s+de\s+|quelque\s+)?$")


def _restated(text: str, m: Mention, resolved):
    """A sum after « soit » right after another sum is that sum restated (« l'encours atteignait 259,4 millions
    d'euros, soit 1 742 euros par habitant »): (its attribute, rule id), else None."""
    sums = [r for r in resolved if r[0].type == "money" and r[0].end <= m.start]
    gap = fold(text[sums[-1][0].end:m.start]) if sums else ""
    if sums and sums[-1][2] != "amount" and len(gap) <= 40 and _RESTATED.search(gap):
        return sums[-1][2], "parse:restated"  # (a date may sit between: « … au 31 décembre 2026, soit … »)
    return None


def _per_unit(ctx: Context, m: Mention) -> str | None:
    """The one thing a figure is given for, written right after it (frames.toml [per]: « 1 742 euros par
    habitant », « 85 euros de plus par an »): its word, folded; None for an agent (« par le département », « par
    Renault ») or a fixed phrase (« par rapport à », « par exemple »)."""
    hit = ctx.lex.per_unit.match(ctx.source.text, m.end) if ctx.lex.per_unit is not None else None
    if hit is None or hit.group(1)[:1].isupper() or fold(hit.group(1)) in ctx.lex.per_not:
        return None
    return singular(fold(hit.group(1)))


def _share_of_count(text: str, m: Mention, resolved):
    """A percentage in parentheses or after « soit » right after a count is that count's share of
    its whole (« 5 176 voix (33,04 %) », « 437 voix, soit 3,30 % »): a share of what it counts."""
    counts = [r for r in resolved if r[0].type in ("quantity", "money") and r[0].end <= m.start]
    if counts and _OF_COUNT.match(fold(text[counts[-1][0].end:m.start])):
        return f"share:{counts[-1][2].split(':')[-1]}", "parse:share-of-count"
    return None


def _peak(ctx: Context, s: Sentence, m: Mention, figures=()) -> bool:
    """True when a peak word (frames.toml [peak]) is the figure's: before it in its sentence (« Au plus fort
    de l'épisode, 70 000 foyers »), or right after it (« contre 45 000 au plus fort de la crue »,
    « 45 000 foyers … dimanche matin, au plus fort de l'épisode »), with no other figure in between."""
    if ctx.lex.peak_words is None:
        return False
    text = ctx.source.text
    before = fold(text[s.start:m.start])
    hit = None
    for hit in ctx.lex.peak_words.finditer(before):
        pass
    between = lambda a, b: any(a <= f.start < b for f in figures if f is not m)  # noqa: E731
    if hit is not None and not between(s.start + hit.end(), m.start):  # (a date in between is no other figure)
        return True
    after = fold(text[m.end:min(s.end, m.end + 60)])
    hit = ctx.lex.peak_words.search(after)
    return hit is not None and not between(m.end, m.end + hit.start())


def _ballot(ctx: Context, s: Sentence, m: Mention, fr, attr: str) -> tuple[str | None, str | None] | None:
    """(side, what is voted on) of a count of an assembly's vote (domains [ballot]): the side written right after
    the count (« 41 voix pour, 10 voix contre », « 11 contre et 4 abstentions »; under a verb of voting on a text,
    « adoptée par 41 voix contre 14 »: 41 for, 14 against, and « adopté par 41 voix pour un budget ») or after a
    verb of voting (« dix élus ont voté contre »), and the lemma of the text the vote adopts (the object of
    « adopter », its passive subject, the noun its participle qualifies, or its « pour » complement). None for a
    count that is no such ballot (« 5 716 voix contre 4 982 pour Paul Martin », a list's votes)."""
    lex = ctx.lex
    if not lex.ballot_sides or not lex.ballot_counts or fr is None or attr not in lex.ballot_counts and (
            fr.predicate is None or lemma_of(fr.predicate) not in lex.voting_verbs):
        return None
    verb = _ballot_verb(fr, lex)
    side = None
    if attr == lex.ballot_counts[0]:
        text = ctx.source.text
        after = text[m.end:min(s.end, m.end + 40)]
        word = re.match(r"\s*(\w+)\b", fold(after))
        if word and word.group(1) in lex.ballot_sides:
            rest = after[word.end():].lstrip()
            if not rest or rest[:1] in ",;.)" or re.match(r"et\b", rest):
                side = word.group(1)  # « 41 voix pour, », « 11 contre et 4 abstentions »
            elif verb is not None and rest[:1].isdigit():
                side = lex.ballot_sides[0]  # « adoptée par 41 voix contre 14 »: the first count is the votes for
            elif verb is not None and not rest[:1].isupper():
                side = word.group(1)  # « adopté par 41 voix pour un budget », not « pour Paul Martin »
        elif verb is not None:
            said = re.search(r"(\w+)\s+(\w+)\s*$", fold(text[max(s.start, m.start - 24):m.start]))
            if said and said.group(2) in lex.ballot_sides and lex.nouns.get(said.group(1)) == attr:
                side = said.group(2)  # « adoptée par 41 voix contre 14 »: the second count is the votes against
    elif attr not in lex.ballot_counts:
        side = next((fold(c.text) for c in fr.predicate.children
                     if fold(c.text) in lex.ballot_sides and not list(c.children)), None)
        if side is None:
            return None
    if side is None and verb is None:
        return None
    return side, _voted(verb, lex) if verb is not None else None


def _ballot_verb(fr, lex):
    """The verb of voting on a text (domains [ballot] verbs) a count of votes hangs on, within four steps up."""
    t = fr.head
    for _ in range(4):
        if t.pos_ == "VERB" and lemma_of(t) in lex.ballot_verbs:
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def _voted(verb, lex) -> str | None:
    """The lemma of the text a verb of voting adopts: its object or passive subject, the noun its participle
    qualifies (« une délibération, adoptée par 41 voix »), or its oblique introduced by a side (« pour un budget »)."""
    for c in verb.children:
        if c.dep_ in ("obj", "nsubj:pass") and c.pos_ == "NOUN":
            return fold(c.lemma_)
    qualified = qualified_noun(verb, heads=("NOUN",))  # « une délibération, adoptée par 41 voix »
    if qualified is not None:
        return fold(qualified.lemma_)
    side = _side_oblique(verb, lex, noun=True)
    return fold(side.lemma_) if side is not None else None


def _side_oblique(verb, lex, *, noun: bool = False):
    """The first oblique of a verb (a noun, with `noun`) that a ballot's side introduces (« voté pour la liste »,
    « adopté … pour un budget »: domains [ballot] sides), or None."""
    return next((c for c in verb.children if c.dep_.startswith("obl") and (not noun or c.pos_ == "NOUN") and
                 any(x.dep_ == "case" and fold(x.text) in lex.ballot_sides for x in c.children)), None)


def _reference(ctx: Context, s: Sentence, m: Mention, fr) -> str | None:
    """The yardstick a figure is (frames.toml [reference]): the noun it complements (« une normale de 52
    millimètres » -> « normale »), else an adverbial right after it or right before it (« contre 1 390 euros en
    moyenne », « paient en moyenne 85 euros » -> « en moyenne »); None for a figure given as the fact."""
    lex = ctx.lex
    if fr is not None and lex.reference_nouns:
        top = fr.chain[-1] if fr.chain else fr.noun
        for t in (fr.noun, top):
            if t is not None and t.dep_ == "nmod":  # (the tagger may read « normale » as an adjective)
                word = next((w for w in (fold(t.head.lemma_), fold(t.head.text)) if w in lex.reference_nouns), None)
                if word:
                    return word
    text = ctx.source.text
    after = fold(text[m.end:min(s.end, m.end + 30)]).lstrip()
    before = fold(text[max(s.start, m.start - 30):m.start]).rstrip()
    for w in lex.reference_words:
        if re.match(rf"{re.escape(w)}\b", after) or re.search(rf"(?:^|\s){re.escape(w)}$", before):
            return w
    return None


def _adjective_follows(s: Sentence, m: Mention, date_words: frozenset = frozenset()) -> bool:
    """« 100 % électriques »: an adjective right after a percentage; not a day the tagger took for one
    (« 54,3 % dimanche »)."""
    nxt = [t for t in s.tokens if s.offset + t.idx >= m.end]
    return bool(nxt) and nxt[0].pos_ == "ADJ" and fold(nxt[0].text) not in date_words


_PLACE_AFTER = re.compile(r"^\s*(?:dans|en|à|a|au|aux|sur)\s+(?:le |la |les |l'|l’)?$")


def _changed_by_verb(ctx: Context, fr) -> bool:
    """True when a verb of change governs the figure, or the noun that does (« a réduit ses effectifs à
    900 », « a ramené son effectif à 1 430 salariés »): the figure is a value after a change."""
    if fr is None:
        return False
    preds = list(fr.predicates)
    if fr.predicate is not None and fr.predicate.pos_ == "NOUN":
        preds.append(fr.predicate.head)
    return any(fold(p.lemma_) in ctx.lex.change_verbs for p in preds)


def _place_after(ctx: Context, s: Sentence, m: Mention) -> str | None:
    """A place named right after a figure, before the next comma (« 14 000 dans le Morbihan »)."""
    text = ctx.source.text
    end = min([s.end] + [i for i in (text.find(",", m.end, s.end), text.find(";", m.end, s.end)) if i >= 0])
    for x in ctx.spans:
        if m.end <= x.start < end and x.type == "LOC" and _PLACE_AFTER.match(fold(text[m.end:x.start])):
            return x.name
    # « 21 000 dans la Manche »: a name the NER missed, after a place preposition, that the place
    # gazetteer knows (the preposition is the evidence that « Manche » is no common noun here)
    named = _NAME_AFTER.match(text, m.end, end)
    if named and _PLACE_AFTER.match(fold(named.group(1))):
        from ..normalize.places import gazetteer

        place = gazetteer().lookup(named.group(2))
        if place is not None:
            return place.name
    return None


_NAME_AFTER = re.compile(r"(\s*\w+\s+(?:le |la |les |l'|l’)?)([A-ZÉÈÎÔ][\w'’-]*(?:[ -](?:de |du |des |d'|et )?[A-ZÉÈÎÔ][\w'’-]*)*)")


def _referent(ctx: Context, fr) -> str | None:
    """The tag of an adjective that changes what a counted noun counts (« anciens », « nouveaux »)."""
    if fr is None or fr.noun is None or not ctx.lex.referent_modifiers:
        return None
    for c in fr.noun.children:
        if c.dep_ == "amod" and fold(c.lemma_ or c.text) in ctx.lex.referent_modifiers:
            return ctx.lex.referent_modifiers[fold(c.lemma_ or c.text)]
    return None


def _change(ctx: Context, s: Sentence, m: Mention, value):
    """(before, after) of « passer de X à Y » and the like (frames.toml [change] verbs): two dated
    values of one fact, not a range. None for any other range."""
    if not isinstance(value, Bounds) or value.low is None or value.high is None:
        return None
    if not fold(ctx.source.text[m.start:m.end]).startswith("de "):
        return None
    before = [t for t in s.tokens if s.offset + t.idx < m.start][-3:]
    if not any(fold(t.lemma_) in ctx.lex.change_verbs or  # « grimpera » tagged as an adjective: read by its stem
               t.pos_ in ("VERB", "AUX", "ADJ") and verb_form(t, ctx.lex.change_verbs, min_stem=4) for t in before):
        return None
    return float(value.low), float(value.high)


def _reached(ctx: Context, s: Sentence, m: Mention) -> bool:
    """True for « jusqu'à N » after a verb of reaching (« est monté jusqu'à », « a grimpé jusqu'à »,
    frames.toml [bounds] reached_verbs): N is the value reached, not an upper bound."""
    if not m.cue or not fold(m.cue).startswith("jusqu"):
        return False
    before = [t for t in s.tokens if s.offset + t.idx < m.start]
    verbs = [t for t in before[-4:] if t.pos_ in ("VERB", "AUX")]
    return bool(verbs) and fold(verbs[-1].lemma_) in ctx.lex.reached_verbs


def _value(m: Mention):
    if m.low is not None or m.high is not None:
        if m.low is not None and m.high is not None and m.low == m.high:
            return float(m.low)
        return Bounds(m.low, m.high)
    return float(m.value)


def _unit(m: Mention) -> str | None:
    if m.type == "money":
        return m.currency
    if m.type == "percent":
        return "%"
    return m.unit


def _head_attribute(ctx: Context, s: Sentence, m: Mention) -> str | None:
    """A head phrase right before the figure: "une valorisation à 10 milliards"."""
    text = ctx.source.text
    lo = max(s.start, m.start - 60)
    window = fold(text[lo:m.start])
    best = None
    for pattern, attr in ctx.lex.heads:
        for hit in pattern.finditer(window):
            gap = window[hit.end():]
            rank = (hit.end(), hit.end() - hit.start())  # closest, then longest
            if _CONNECTOR.match(gap) and (best is None or rank > best[0]):
                best = (rank, attr)
    return best[1] if best else None


def _qualifier_attribute(ctx: Context, s: Sentence, m: Mention) -> str | None:
    """Words right after a counted noun that say what it counts: « quatre salariés étaient portés
    disparus » -> missing, « 325 000 clients sans électricité » -> without_power."""
    after = fold(ctx.source.text[m.end:min(s.end, m.end + 40)])
    noun = singular(m.unit or "")
    for pattern, attr, nouns in ctx.lex.qualifiers:
        if pattern.match(after) and (not nouns or noun in nouns):
            return attr  # (« coupés » makes a count without power only of the nouns it is narrowed to)
    return None


_SHARE_OF = re.compile(r"\s*(?:des|de la|de l'|du|de|d')\s*(?:(?:son|sa|ses|leur|leurs|notre|nos|votre|vos|ce|cet|"
                       r"cette|ces|tout|toute|tous|toutes)\s+(?:(?:les?|la)\s+|l')?)?(?!qui\b|que\b|quoi\b)([^\W\d_]+)")


_LEADING_DIGITS = re.compile(r"[\d\s.,\u00a0\u202f]+")


def _share_attribute(text: str, m: Mention, lex: Lexicon) -> str:
    """`share:<noun>` of a percentage followed by « de » and what it is a share of (« 12 % des salariés »,
    « 1,5 % de son budget » -> share:budget), or of the noun inside a ratio (« un TGV sur deux » ->
    share:tgv), else `percent`. The noun is named in the singular either way (« 12 % des salariés » and
    « un salarié sur deux » are shares of one population)."""
    if m.cue == "ratio":  # « un TGV sur deux », « vingt et un élèves sur cent »: a share of what it counts
        part = fold(m.text).rsplit(" sur ", 1)[0]  # the part's figure, in words or digits, then what it counts
        figure = numbers_lexicon().number_words.match(part) or _LEADING_DIGITS.match(part)
        words = part[figure.end():].split() if figure else part.split()
        return f"share:{noun_key(words[0], lex)}" if words else "percent"
    after = _SHARE_OF.match(fold(text[m.end:m.end + 40]))
    return f"share:{noun_key(after.group(1), lex)}" if after else "percent"
