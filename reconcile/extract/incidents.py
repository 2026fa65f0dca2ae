"""The story's incident: what a toll, a crowd or a turnout is about.

« Le préfet a annoncé que l'explosion avait fait trois morts »: the three deaths are the
explosion's, not the prefect's (who says) nor the firemen's (who count). Two stages, pure:

- `mentions` reads once per article every phrase that names an incident (frames.toml [incident]
  `nouns`, extended by the domains): the phrase, its complement of its own (« l'incendie de
  l'usine Sylvachim ») and whether that complement is only a date (« la grève du 5 février »),
  which a name leaves to the claim's time;
- `resolve` gives a figure its incident by the first rule that answers, and names the rule:

  parse:incident-subject     the subject or an oblique of the figure's predicate names one
                             (« la tempête a privé 200 000 foyers d'électricité »)
  parse:incident-complement  the counted noun's complement does (« les victimes de la tempête »)
  window:incident-sentence   one is named in the figure's sentence (figures of `outcomes` only)
  window:incident-before     one is named in the two sentences before
  article:incident           the article's most named incident

An incident of `by_day` (« grève », « manifestation ») is named with the claim's day when the
claim has one: « la grève du 12 février » is not « la grève du 5 février ».
"""
from __future__ import annotations

from collections import Counter
import datetime as dt
from dataclasses import dataclass

from ..model import Interval, amend
from ..normalize import dates
from ..normalize.text import fold
from .context import Context, Sentence
from .frames import Frame
from .lexicon import Lexicon, singular

_SUBJECT = ("nsubj", "nsubj:pass")
_NAMING_CASES = {"de", "du", "des", "d'"}  # what opens a complement that names: « l'incendie de l'usine X »
_COMPLEMENT_CASES = _NAMING_CASES | {"a", "au", "aux", "dans"}  # inside it: « des municipales à Lorvannes »
_MAX_COMPLEMENT = 7
_ANY_DAY = dt.date(2000, 1, 1)
_INDEFINITE = {"un", "une", "tel", "telle", "certaine", "certain", "grande", "grand", "rare", "extreme"}

# subject origins of claims about an incident: from the figure's own clause, from around it, from the article
INCIDENT = "incident"
INCIDENT_NEARBY = "incident nearby"
STORY_INCIDENT = "story incident"


@dataclass(frozen=True)
class Incident:
    start: int  # absolute offsets of the phrase and its complement
    end: int
    key: str  # the folded incident phrase (« explosion », « premier tour »)
    name: str  # as written, without determiner nor a complement that is only a date
    own: bool  # it has a complement of its own (« de l'usine Sylvachim »)


def _word(tok) -> set[str]:
    text = fold(tok.text)
    return {text, singular(text), fold(tok.lemma_ or "")}


def _complement(doc, last) -> tuple[int, int] | None:
    """Token range [i, j) of the complement right after the phrase ending with token `last`:
    « de l'usine Sylvachim », « à l'hôpital de Roncelles », « du 5 février »."""
    nxt = last.i + 1
    if nxt >= len(doc) or fold(doc[nxt].text) not in _NAMING_CASES or doc[nxt].pos_ not in ("ADP", "DET"):
        return None  # « l'accident a désormais… »: « a » is a verb; « le cortège à Paris »: a place, no name
    if nxt + 1 < len(doc) and fold(doc[nxt + 1].text) in _INDEFINITE:
        return None  # « un épisode d'une violence rare »: a quality, not a name
    j = nxt + 1
    while j < len(doc) and j - nxt < _MAX_COMPLEMENT:
        t = doc[j]
        if t.pos_ in ("PUNCT", "VERB", "AUX", "PRON", "CCONJ", "SCONJ") or t.pos_ == "ADP" and \
                fold(t.text) not in _COMPLEMENT_CASES or t.pos_ == "ADJ" and doc[j - 1].pos_ == "PROPN":
            break  # « la crue de la Loire inquiète »: a name takes no adjective after it
        j += 1
    return (nxt, j) if j > nxt + 1 and doc[j - 1].pos_ not in ("DET", "ADP") else None


def _only_date(text: str) -> bool:
    body = text.split(" ", 1)[1] if " " in text else ""
    found = dates.parse(body, ref=_ANY_DAY)  # a day without its year needs some reference to be read
    return bool(found) and sum(m.end - m.start for m in found) >= len(body.strip()) - 2


def mentions(lines, lex: Lexicon) -> list[Incident]:
    """Every incident named in an article, in text order (`lines`: its parsed lines)."""
    out = []
    phrases = lex.incident_nouns
    if not phrases:
        return out
    by_first: dict[str, list] = {}  # the phrases by their first word, longest first as in the lexicon
    for words in phrases:
        by_first.setdefault(words[0], []).append(words)
    for line in lines:
        doc = line.doc
        forms = [_word(t) for t in doc]  # each token's folded forms, read once for every phrase
        i = 0
        while i < len(doc):
            hit = None
            for words in sorted({w for f in forms[i] for w in by_first.get(f, ())}, key=lambda w: (-len(w), w)):
                if i + len(words) <= len(doc) and all(w in f for w, f in zip(words, forms[i:i + len(words)])) and \
                        any(t.pos_ in ("NOUN", "PROPN") for t in doc[i:i + len(words)]):
                    hit = words
                    break
            if hit is None:
                i += 1
                continue
            last = doc[i + len(hit) - 1]
            comp = _complement(doc, last)
            end_tok = doc[comp[1] - 1] if comp else last
            # the incident in its dictionary form (« les journées de mobilisation » -> « journée de mobilisation »),
            # then its complement as written
            head = " ".join((t.lemma_ if t.pos_ == "NOUN" and t.lemma_ else t.text.lower()) for t in doc[i:last.i + 1])
            own = bool(comp) and not _only_date(doc[comp[0]:comp[1]].text)
            written = head + (doc.text[last.idx + len(last.text):end_tok.idx + len(end_tok.text)] if own else "")
            out.append(Incident(line.start + doc[i].idx, line.start + end_tok.idx + len(end_tok.text),
                                " ".join(hit), written, own))
            i += len(hit) + (comp[1] - comp[0] if comp else 0)
    return out


def dominant(incidents: list[Incident], headline_end: int = -1, parts: frozenset = frozenset(),
             generic: frozenset = frozenset()) -> Incident | None:
    """The article's most named incident, a headline's naming counting three times (ties: the first
    named). A part of an incident (`parts`: « le cortège » of a day of strike) names it only when
    nothing else does, nor does a word that only refers back to one (`generic`: « le drame »)."""
    if not incidents:
        return None
    wholes = [x for x in incidents if x.key not in parts and x.key not in generic] or \
        [x for x in incidents if x.key not in parts] or incidents
    counts = Counter()
    for x in wholes:
        counts[x.key] += 3 if x.start < headline_end else 1
    best = max(counts.values())
    return next(x for x in wholes if counts[x.key] == best)


def _name(ctx: Context, x: Incident, time: Interval | None, dated: bool = True) -> str:
    """What a claim calls its incident: its own words when they have a complement, else the
    article's fullest name for that incident; with the claim's day for an incident of `by_day`."""
    if x.key in ctx.lex.incident_generic and not x.own:
        top = dominant(ctx.incidents, ctx.headline_end, ctx.lex.incident_parts, ctx.lex.incident_generic)
        x = top if top is not None else x  # « le drame a fait deux morts »: the incident the article names
    base = x.name
    if not x.own:
        named = Counter(y.name for y in ctx.incidents if y.key == x.key and y.own)
        if named:
            base = max(named.items(), key=lambda kv: (kv[1], -_first(ctx, kv[0])))[0]
    if dated and x.key in ctx.lex.by_day and not x.own and time is not None and time.start == time.end:
        base = f"{base} du {dates.day_name(time.start)}"
    return base


def _first(ctx: Context, written: str) -> int:
    return next(y.start for y in ctx.incidents if y.name == written)


def incident_at(ctx: Context, s: Sentence, tok) -> Incident | None:
    """The incident the article mentions at token `tok`, or None."""
    pos = s.offset + tok.idx
    return next((x for x in ctx.incidents if x.start <= pos < x.end), None)


def from_parse(ctx: Context, s: Sentence, fr: Frame | None) -> tuple[Incident, str] | None:
    """(incident, rule) the parse ties a figure to: its predicate's subject or oblique, its noun's complement."""
    if fr is None or not ctx.incidents:
        return None
    in_figure = {t.i for t in fr.chain} | {fr.head.i}
    for p in fr.predicates:
        for c in p.children:
            if c.i not in in_figure and (c.dep_ in _SUBJECT or c.dep_.startswith("obl")):
                x = incident_at(ctx, s, c)
                if x is not None:
                    return x, "parse:incident-subject"
    for t in [*fr.chain, *([fr.noun] if fr.noun is not None else [])]:
        for c in t.children:
            if c.dep_ == "nmod" and c.i > t.i:
                x = incident_at(ctx, s, c)
                if x is not None:
                    return x, "parse:incident-complement"
    return None


def resolve(ctx: Context, s: Sentence, fr: Frame | None, a: int, previous: list[Sentence],
            time: Interval | None, dated: bool = True) -> tuple[str, str, str] | None:
    """(incident name, subject origin, rule id) of a figure at `a` about the story's incident, or None
    (`dated`: the claim's time was read from the text, not taken from the publication date)."""
    if not ctx.incidents:
        return None
    name = lambda x, t: _name(ctx, x, t, dated)  # noqa: E731
    parsed = from_parse(ctx, s, fr)
    if parsed:
        return name(parsed[0], time), INCIDENT, parsed[1]
    # Around a figure, a word of the story's incident that names no incident of its own (« lors du
    # cortège », « la mobilisation ») is the article's incident: one incident per article, by its most named word
    top = dominant(ctx.incidents, ctx.headline_end, ctx.lex.incident_parts, ctx.lex.incident_generic)
    named = lambda x: name(x if x.own else top, time)  # noqa: E731
    here = [x for x in ctx.incidents if s.start <= x.start < s.end]
    if here:
        before = [x for x in here if x.start < a]
        return named((before or here)[-1 if before else 0]), INCIDENT_NEARBY, "window:incident-sentence"
    for p in reversed(previous[-2:]):
        near = [x for x in ctx.incidents if p.start <= x.start < p.end]
        if near:
            return named(near[-1]), INCIDENT_NEARBY, "window:incident-before"
    return name(top, time), STORY_INCIDENT, "article:incident"


def article_incident(ctx: Context, claims: list, is_place) -> list:
    """Claims about nothing named (`STORY`) in an article whose headline names an incident and whose
    main entity is a place, or none, or one the headline omits (then also the figures that fell back on it,
    but what an organisation owns), carry the article's dominant incident as their
    placeholder, « (grippe aviaire) »: under « Grippe aviaire : six foyers en Douvère », « six foyers
    ont été confirmés » are the epidemic's, not the town's in the dateline. The corpus decides
    (pipeline.run): a story about a named subject (a hospital, a company) keeps it, a story set in a
    place takes the incident. `is_place` tells whether a name is a place. An incident the article only
    mentions (« retardé par les intempéries ») is not what it is about."""
    from .subjects import STORY

    top = dominant(ctx.incidents, ctx.headline_end, ctx.lex.incident_parts, ctx.lex.incident_generic)
    headed = ctx.main is None or is_place(ctx.main) or \
        not any(x.name == ctx.main and x.start < ctx.headline_end for x in ctx.spans)  # a main entity the headline omits
    if top is None or not headed or not any(x.start < ctx.headline_end and x.key == top.key for x in ctx.incidents):
        return claims
    placeholder = f"({_name(ctx, top, None, dated=False)})"
    # a main entity the headline omits is not what the article's figures about nothing named are about
    # (« Grève du 5 février : … » about the « loi Travail »), though its staff or revenue are its own
    # (frames.toml [incident] owned); a place stays, for the corpus to tell where the story is set
    omitted = ctx.main is not None and not is_place(ctx.main)
    return [amend(c, entity=placeholder, subject_origin="story")
            if (c.entity == STORY or omitted and c.subject_origin == "main entity" and c.entity == ctx.main)
            and not owns(c.attribute, ctx.lex) else c for c in claims]


def owns(attribute: str, lex: Lexicon) -> bool:
    """True when figures of `attribute` are what an organisation has, never an incident's (frames.toml
    [incident] owned: staff, revenue, budget…)."""
    return fold(attribute.split(":")[0]) in lex.owned


def is_outcome(attribute: str, lex: Lexicon) -> bool:
    """True when figures of `attribute` are about the story's incident (a toll, a crowd, a turnout)."""
    parts = attribute.split(":")
    # « headcount:former », « count:cas:new »: the attribute without the tag its referent added
    if any(fold(":".join(parts[:n])) in lex.outcomes for n in range(len(parts), 0, -1)):
        return True
    # what an act did to things or people (« 7 personnes ont été interpellées », « 48 000 canards abattus »:
    # frames.toml [counted.acts]) is an outcome of the story's incident, whoever acted
    done = {part for verb, part in (lex.kind_acts or {}).items() if verb not in lex.not_outcomes}
    tail = parts[1].rsplit("_", 1)[-1] if len(parts) > 1 and parts[0] == "count" and "_" in parts[1] else ""
    return bool(tail) and (tail in done or tail.endswith("e") and tail[:-1] in done)


def _base(c) -> str:
    """An incident claim's name without the day it may carry."""
    if c.time is not None and c.time.start == c.time.end:
        day = f" du {dates.day_name(c.time.start)}"
        if c.entity.endswith(day):
            return c.entity[:-len(day)]
    return c.entity


def incident_tally(claims: list) -> tuple[Counter, Counter]:
    """What `incident_name` reads of some articles' claims, added up article by article: how often each
    incident is named, and how many articles name each one most."""
    mine = [c for c in claims if c.subject_origin in (INCIDENT, INCIDENT_NEARBY, STORY_INCIDENT)]
    counts = Counter(_base(c) for c in mine)
    per_source: dict[str, Counter] = {}
    for c in mine:
        per_source.setdefault(c.source, Counter())[_base(c)] += 1
    votes = Counter(max(cs.items(), key=lambda kv: (kv[1], -len(kv[0])))[0] for cs in per_source.values())
    return counts, votes


def incident_name(counts: Counter, votes: Counter, lex: Lexicon) -> str | None:
    """The corpus's incident: one vote per article, then the claims' own count; a word that only refers
    back (« le drame ») last. None when no claim names one."""
    if not counts:
        return None
    return sorted(counts, key=lambda n: (fold(n) in lex.incident_generic, -votes[n], -counts[n], n))[0]


def name_incidents(claims: list, story: str | None, lex: Lexicon) -> list:
    """One name for the corpus's incident (`story`, incident_name): claims whose incident was found around
    them or in their article, and tolls and crowds whose subject was inherited, take it (with their own
    day for an incident of `by_day`); an incident the parse tied to its figure with a complement of its
    own (« l'explosion de l'entrepôt Norvex ») keeps it."""
    from ..model import INHERITED_SUBJECTS

    if story is None:
        return claims
    out = []
    for c in claims:
        move = c.subject_origin in (INCIDENT_NEARBY, STORY_INCIDENT) or \
            c.subject_origin in INHERITED_SUBJECTS and c.kind != "date" and is_outcome(c.attribute, lex)
        if move:
            dated = fold(story) in lex.by_day and c.time is not None and c.time.start == c.time.end and \
                c.time_origin not in ("published", "unknown")
            name = f"{story} du {dates.day_name(c.time.start)}" if dated else story
            origin = c.subject_origin if c.subject_origin in (INCIDENT_NEARBY, STORY_INCIDENT) else STORY_INCIDENT
            c = amend(c, entity=name, subject_origin=origin)
        out.append(c)
    return out


def people_attribute(ctx: Context, counted: bool, at: int) -> str | None:
    """The attribute of people a counter counts at an incident of the article (« la police a dénombré
    8 000 personnes » in a protest: protesters): the incident of that kind named nearest the figure at
    `at`, or None (`counted`: a counter or a verb of counting gives the figure)."""
    table = ctx.lex.people_at or {}
    kinds = [x for x in ctx.incidents if x.key in table]
    if not counted or not kinds:
        return None
    return table[min(kinds, key=lambda x: abs(x.start - at)).key]
