"""Turning a located value into a Claim: id, line, modality, attribution, confidence, time."""
from __future__ import annotations

import datetime as dt
import hashlib
import re

from ..model import INHERITED_SUBJECTS, Claim, Interval, Mention
from ..normalize import parse_mentions
from ..normalize._periods import lexicon as periods_lexicon
from ..normalize.clock import clocks
from ..normalize.text import fold
from .context import Context, Sentence
from .entities import clause_bounds
from .frames import date_governor, event_act, span_root, tokens_in, verb_above
from .modality import attribution, modality_of

def add_claim(ctx: Context, s: Sentence, a: int, b: int, *, entity: str, attribute: str, value, kind: str,
         modality: str | None = None, attributed: tuple | None = None, scope: dict | None = None,
         rules: dict | None = None, **fields) -> None:
    """Append the claim for text[a:b] to the article's claims (id stable while the sentence is).

    `attributed` is (origin, rule id) when the caller resolved who says the figure; otherwise the
    "selon X" cue nearest to the claim is used.
    """
    text = ctx.source.text
    quote = text[a:b]
    sentence = " ".join(s.text.split())
    base = f"{ctx.source.id}|{sentence}|{quote}|{attribute}"
    n = ctx.ids.get(base, 0)
    ctx.ids[base] = n + 1
    cid = "c-" + hashlib.sha1(f"{base}|{n}".encode()).hexdigest()[:10]
    rules = dict(rules or {})
    if fields.get("time_origin") == "lead":  # a date the text gives, in the paragraph's bold lead
        fields["time_origin"] = "explicit"
        rules["time"] = "time:lead"
    if attributed is not None:
        origin = (attributed[0],) if attributed[0] else None
        if attributed[1]:
            rules["attribution"] = attributed[1]
    else:
        origin = attribution(ctx, s, a)
        if origin:
            rules["attribution"] = "window:selon"
        else:  # « La dernière inspection, en octobre, n'avait rien relevé, assure la direction »
            from .resolvers import inverted_speaker  # resolvers builds on this module: imported when used
            origin = inverted_speaker(ctx, s, b)
            if origin:
                rules["attribution"] = "parse:inverted-speech"
    mod = modality or modality_of(ctx, s, a)
    if origin and mod == "assertion" and not rules.get("attribution", "").startswith("parse:"):
        mod = "reported"  # "selon X": hearsay; a speaker named as subject of a verb of saying is an assertion
    if kind != "status" and "at" not in (scope or {}) and (scope or {}).get("moment") != "peak":
        at = clock_for(ctx, s, a, b)
        if at:  # « À 7 heures, 1,2 million de foyers… »: the moment of the day the figure holds
            scope = dict(scope or {}, at=at)
            rules["at"] = "cue:clock"
    how = fields.get("subject_origin", "")
    confidence = 0.5 + (0.2 if not attribute.startswith(("count:", "share:")) else 0) + \
        (0.2 if how in ("complement", "object", "clause") else 0.1 if how not in INHERITED_SUBJECTS else 0)
    if any(v.startswith("window:") for v in rules.values()):
        confidence -= 0.1  # a fallback rule gave part of the claim
    ctx.claims.append(Claim(
        id=cid, source=ctx.source.id, start=a, end=b, line=text.count("\n", 0, a) + 1,
        quote=quote, sentence=sentence, entity=entity, attribute=attribute, value=value, kind=kind,
        modality=mod, attributed_to=origin[0] if origin else None, confidence=round(min(confidence, 0.95), 3),
        published=ctx.source.published, scope=tuple(sorted((scope or {}).items())),
        rules=tuple(sorted(rules.items())), **fields))


_DIGIT = re.compile(r"\d")


def sentence_clocks(s: Sentence) -> list:
    """The sentence's times of day (normalize.clock), read once."""
    if s.clocks is None:
        s.clocks = clocks(s.text)
    return s.clocks


def clock_for(ctx: Context, s: Sentence, a: int, b: int) -> str | None:
    """The time of day (label « 07:00 », « 18:00-23:59 ») of the claim at [a, b): one written in
    its own comma-clause, else the nearest one before it in the sentence with no other figure in
    between (« Samedi à 8 heures, 260 000 clients… », « et samedi à 18 h 30, 176 000 »)."""
    if not sentence_clocks(s):
        return None
    text = ctx.source.text
    found = [(s.start + c.start, s.start + c.end, c) for c in s.clocks]
    spans = {clause_bounds(text, s.start, s.end, pos, weak=True) for pos in (a, max(a, b - 1))}
    own = [f for f in found if any(lo <= f[0] < hi for lo, hi in spans)]
    if own:
        return min(own, key=lambda f: abs(f[0] - a))[2].label()
    before = [f for f in found if f[1] <= a and not _DIGIT.search(text[f[1]:a]) and ";" not in text[f[1]:a]]
    return before[-1][2].label() if before else None


def figure_between(m: Mention, pos: int, figures) -> bool:
    """True when another of the sentence's `figures` lies between figure `m` and position `pos`:
    a date or a « selon X » there belongs to that other figure."""
    lo, hi = sorted((m.end, pos)) if pos >= m.end else sorted((pos, m.start))
    return any(lo <= f.start and f.end <= hi for f in figures if f is not m)


def time_for(ctx: Context, s: Sentence, m: Mention, periods: list[Mention], figures: list[Mention] = ()):
    """(period, origin) a claim is about: a date in its clause, else one the parse hangs on its verb, else a fronted
    day, else a day before a colon the clause follows, else its paragraph's bold lead, else the publication day,
    else unknown.

    A date with another of the sentence's `figures` between it and this one is that figure's
    (« 14,8 % de grévistes, contre 34,5 % le 5 février »: the 5th is the 34,5 %'s day)."""
    near = []
    for weak in (True, False):  # its own comma-clause first, then the whole clause
        lo, hi = clause_bounds(ctx.source.text, s.start, s.end, m.start, weak=weak)
        near = [p for p in periods if lo <= p.start < hi and p.time is not None and id(p) not in s.used
                and not figure_between(m, p.start if p.start >= m.end else p.end, figures)]
        if near:
            break
    if near:
        best = min(near, key=lambda p: abs(p.start - m.start))
        if not _dates_another_act(ctx, s, best, m):
            s.used.add(id(best))  # the others may date another figure of the clause (« 12 % jeudi, contre 34,5 % le 5 »)
        return best.time, "explicit"
    # a date the parse hangs on the figure's own verb dates every figure that verb governs, even one another
    # figure took first (« a adopté mardi 9 février un budget de 318,6 M€, par 41 voix pour »)
    date = _date_on_verb(ctx, s, m, [p for p in periods if p.time is not None])
    if date is not None:  # « 120 habitants du 14 et des immeubles voisins avaient été évacués dès mardi matin »:
        if event_act(s, date.start, date.end, ctx.lex) is None:  # the parse hangs the date on the figure's verb
            s.used.add(id(date))  # a verb that names an act keeps its date for that act too (« commandé dès avril »)
        return date.time, "explicit"
    text = ctx.source.text
    fronted = [p for p in periods if p.time is not None and p.end <= m.start and
               (not text[s.start:p.start].strip(" \t*-–•") or _FRONTED_ADJUNCT.match(fold(text[s.start:p.start])))
               and text[p.end:p.end + 2].lstrip().startswith(",") and not figure_between(m, p.end, figures)]
    if fronted:  # « Jeudi 12 février, lors de la grève, 3 000 personnes ont défilé », « À l'ouverture du procès,
        # lundi, 64 parties civiles… »: a fronted day frames its sentence, even when an event of it took the day too
        return fronted[0].time, "explicit"
    colon = [p for p in periods if p.time is not None and p.end <= m.start and ":" in text[p.end:m.start]
             and not figure_between(m, p.end, figures) and _dates_the_clause(ctx, s, p)]
    if colon:  # « Hier soir, la maire a proclamé le résultat : le budget est adopté par 40 voix »: what a colon
        # opens onto tells what the clause before it dated (not « le plan dévoilé mardi touche … : »)
        return colon[-1].time, "explicit"
    lead = _lead_date(ctx, s)
    if lead is not None:
        return lead, "lead"
    if ctx.source.published:
        return Interval(ctx.source.published, ctx.source.published), "published"
    return None, "unknown"


# a phrase that opens a sentence before its day, set off by commas (read folded, with no figure in it): « À
# l'ouverture du procès, lundi, … », « Lors du premier tour, dimanche, … », « Pendant la nuit, samedi, … »
_FRONTED_ADJUNCT = re.compile(r"^\W*(?:a|aux?|lors (?:du|de|des|d')|avant|apres|pendant|durant)\s*[^,;:.\d]{2,60},\s*$")


def _date_on_verb(ctx: Context, s: Sentence, m: Mention, periods: list[Mention]):
    """The date the parse hangs on the verb the figure is the subject or object of, or None."""
    toks = tokens_in(s, m.start, m.end)
    if not toks:
        return None
    verb = verb_above(span_root(toks))
    if verb is None:
        return None
    for p in periods:
        on = date_governor(s, p.start, p.end, ctx.lex.date_words)
        if on is not None and on.i == verb.i and span_root(tokens_in(s, p.start, p.end)).dep_.startswith("obl") and \
                not _RANGE_AFTER.match(s.text, p.end - s.start):
            return p
    return None


_RANGE_AFTER = re.compile(r"\s+(?:\d{1,2}\s+)?(?:au|à|jusqu'au|jusqu’au)\s+(?:[^\W\d]+\s+)?\d")  # « du mercredi 4 au vendredi 6 »: a span of days


def _dates_the_clause(ctx: Context, s: Sentence, date: Mention) -> bool:
    """True when a date hangs on a verb (or is the sentence's root: « Hier soir, la maire a proclamé le
    résultat »), not on a noun or a participle that qualifies one (« le plan dévoilé mardi »), nor on a verb
    that names an act of its own (« le maire a présenté mardi le plan : … » dates the presentation)."""
    on = date_governor(s, date.start, date.end, ctx.lex.date_words)
    return on is None or on.pos_ in ("VERB", "AUX") and on.dep_ not in ("acl", "acl:relcl", "amod") and \
        event_act(s, date.start, date.end, ctx.lex) is None


def _dates_another_act(ctx: Context, s: Sentence, date: Mention, m: Mention) -> bool:
    """True when the date a claim takes hangs on a verb that names an act of its own, one that does
    not govern the claim (« six morts, a précisé le ministre, venu lundi à Sommières »): the date
    still tells when the claim held, and stays free to date that act (events.dated)."""
    act = event_act(s, date.start, date.end, ctx.lex)
    toks = tokens_in(s, m.start, m.end)
    if act is None or not toks:
        return False
    if m.type == "duration":  # « levé lundi, près de deux semaines après la cyberattaque »: a lapse, not an act
        return True
    root, verb = span_root(toks), act[1]
    return root.i != verb.i and not verb.is_ancestor(root)


_LEAD = re.compile(r"\s*\*\*([^*\n]{1,120}?)\*\*")


def _lead_date(ctx: Context, s: Sentence):
    """The date of a paragraph's bold lead (« **2010, un projet à 19 milliards.** Au moment du débat
    public, le réseau est chiffré à 19 milliards »): the period the paragraph's figures are about,
    when the lead names exactly one and the figure's own clause names none."""
    text = ctx.source.text
    line_end = text.find("\n", s.offset)
    lead = _LEAD.match(text, s.offset, line_end if line_end >= 0 else len(text))
    if lead is None or s.start < lead.end(1):
        return None  # no bold lead, or the figure is in the lead itself (dated by its own clause)
    found = [x for x in parse_mentions(lead.group(1), ref=ctx.source.published)
             if x.type in ("date", "period") and x.time is not None]
    return found[0].time if len(found) == 1 else None


# month names written in full and weekdays, from periods.toml (folded, as the text is read)
_MONTHS = "|".join(fold(k) for k, v in periods_lexicon()["months"].items() if "." not in k and v.get("needs") != "year")
_WEEKDAYS = "|".join(fold(k) for k in periods_lexicon()["weekdays"])
_MONTH = re.compile(rf"\b(?:{_MONTHS})\b")
# the periods of a year named without it, as a month is (« au troisième trimestre », « cet été »)
_YEAR_PARTS = "|".join(fold(k) for k in [*periods_lexicon()["seasons"], periods_lexicon()["grammar"]["quarter"],
                                         periods_lexicon()["grammar"]["half"]])
_YEAR_PART = re.compile(rf"\b(?:{_MONTHS}|{_YEAR_PARTS})\b")
_WEEKDAY_ONLY = re.compile(rf"(?:(?:ce|le|des|depuis)\s+)?(?:{_WEEKDAYS})(?:\s+(?:matin|soir|midi|apres-midi))?")
_WEEKDAY = re.compile(rf"\b(?:{_WEEKDAYS})\b")
_RELATIVE = re.compile(r"\b(?:dernier|derniere|prochain|prochaine|passe|passee|suivant|suivante|precedent|precedente|"
                       r"an|annee|hier|demain|ce|cette)\b")


def by_tense(ctx: Context, s: Sentence, pos: int, written: str, when, *, planned: bool = False):
    """A month, season, quarter or day named without its year is read against the tense of its clause:
    in the future tense, or for an event planned (`planned`: the caller read a status word right before the
    date, « la fermeture reste programmée à la fin septembre », « la réouverture, prévue en février »), one
    that would fall before the article is the coming one (« passera en septembre », written in November);
    in a past tense, one that would fall after it is the last one (« employait 400 salariés en mars »,
    written in November). A written year is kept."""
    pub = ctx.source.published
    weekday = _WEEKDAY_ONLY.fullmatch(fold(written or "").strip())
    if when is None or pub is None or re.search(r"\d{4}", written or "") or \
            not (_YEAR_PART.search(fold(written or "")) or weekday) or _RELATIVE.search(fold(written or "")):
        return when  # a written year, no month named, or a date relative to the article (« l'an dernier »)
    verbs = []
    for weak in (True, False):  # « Mardi, la circulation a repris »: a fronted date takes its clause's tense
        lo, hi = clause_bounds(ctx.source.text, s.start, s.end, pos, weak=weak)
        verbs = [t for t in s.tokens if lo <= s.offset + t.idx < hi and t.pos_ in ("VERB", "AUX")]
        if verbs:
            break
    future = any("Fut" in t.morph.get("Tense") for t in verbs)
    past = any(t.morph.get("Tense") and set(t.morph.get("Tense")) & {"Past", "Imp"} and t.pos_ == "AUX"
               or "Imp" in t.morph.get("Tense") for t in verbs) or \
        any("Part" in t.morph.get("VerbForm") and any(c.dep_ == "aux:tense" for c in t.children) for t in verbs) or \
        any("Part" in t.morph.get("VerbForm") and "Past" in t.morph.get("Tense") and t.dep_ in ("acl", "amod")
            and t.lemma_ not in ctx.lex.plan_lemmas for t in verbs)  # « la surverse, survenue samedi »; not « prévue »
    # a planned event looks ahead, whatever the tense of its verb (cues.toml [statuses] planned: « programmée »)
    future = future or planned and not weekday
    step = 1 if future and not past and when.end < pub else -1 if past and not future and when.start > pub else 0
    if not step:
        return when
    if weekday:  # « Mardi, la circulation a repris », written on a Sunday: the Tuesday before
        return Interval(when.start + dt.timedelta(days=7 * step), when.end + dt.timedelta(days=7 * step))
    if _WEEKDAY.search(fold(written)):
        return when  # « jeudi 5 février »: the weekday already chose the year
    try:
        return Interval(when.start.replace(year=when.start.year + step), when.end.replace(year=when.end.year + step))
    except ValueError:  # 29 February
        return when
