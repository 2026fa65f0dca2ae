"""From mentions to claims: entity, attribute, value, time, modality, attribution.

Pure: the caller hands in the source, its per-line parse and the registry.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from ..model import Bounds, Claim, Interval, Mention, Source
from ..normalize import parse_mentions
from ..normalize.text import fold
from .entities import EntitySpan, Gazetteer, clause_bounds, main_entity
from .lexicon import Lexicon, attribute_for_noun, load as load_lexicon

_CONNECTOR = re.compile(r"^[\s\w'’]{0,28}$")
_OF_ENTITY = re.compile(r"^\s*(?:\([^()]{0,12}\)\s*)?(?:de|d'|du|des)\s*$")
_POSSESSIVE = re.compile(r"\b(?:sa|son|ses|leur|leurs)\s+$")
_EN_CLITIC = re.compile(r"\ben\s+\w+\s*$")
_RELATIVE_TO_NOUN = re.compile(r"\b([a-z]{3,})(?:\s+[a-z]+){0,4}\s*,\s*(?:ou|dont)\s[^,;]*$")
_EVENT_WINDOW = 70
_PROSE_END = re.compile(r"[.!?…»\"”)]\s*$")


@dataclass
class Sentence:
    start: int  # absolute
    end: int
    text: str
    tokens: list = field(default_factory=list)  # spaCy tokens with absolute .idx via offset
    offset: int = 0  # absolute offset of the line the tokens index into
    used: set = field(default_factory=set)  # ids of period mentions already part of a claim
    prose: bool = True  # the line reads as prose (not a heading, menu or footer)


@dataclass
class Context:
    """What the extractor knows about one article while it walks it."""

    source: Source
    lex: Lexicon
    spans: list[EntitySpan]
    main: str | None
    claims: list[Claim] = field(default_factory=list)
    ids: dict[str, int] = field(default_factory=dict)


def extract(source: Source, lines, gazetteer: Gazetteer, *, lex: Lexicon | None = None) -> list[Claim]:
    """All claims of one source, in text order."""
    lex = lex or load_lexicon()
    spans = gazetteer.article_spans(lines)
    headline_end = lines[0].start + len(lines[0].text) if lines else -1
    ctx = Context(source, lex, spans, main_entity(spans, headline_end=headline_end))
    previous: list[Sentence] = []
    for line in lines:
        mentions = _mentions(line.text, source.published)
        for sent in line.doc.sents:
            s = Sentence(line.start + sent.start_char, line.start + sent.end_char,
                         line.text[sent.start_char:sent.end_char], list(sent), line.start,
                         prose=_PROSE_END.search(line.text) is not None)
            ms = [_shift(m, line.start) for m in mentions if sent.start_char <= m.start < sent.end_char]
            _events(ctx, s, ms, previous)
            _figures(ctx, s, ms, previous)
            _states(ctx, s, ms, previous)
            _dated(ctx, s, ms, previous)
            previous = (previous + [s])[-5:]
    return sorted(ctx.claims, key=lambda c: (c.start, c.end, c.attribute))


def _mentions(text: str, ref) -> list[Mention]:
    return parse_mentions(text, ref=ref)


def _shift(m: Mention, offset: int) -> Mention:
    from dataclasses import replace

    return replace(m, start=m.start + offset, end=m.end + offset)


# ---------------------------------------------------------------- figures

def _figures(ctx: Context, s: Sentence, ms: list[Mention], previous) -> None:
    text = ctx.source.text
    periods = [m for m in ms if m.type in ("date", "period")]
    last_attr = None
    for m in ms:
        if m.type == "duration" and not (m.cue and (m.low is not None or m.high is not None or m.approx)):
            continue  # "depuis cinq ans" frames the story; "en moins de 10 heures" is a checkable figure
        if m.type not in ("quantity", "money", "percent", "duration"):
            continue
        if m.type == "percent" and _adjective_follows(s, m):
            continue  # "100 % électriques" qualifies, it does not count
        attr = _head_attribute(ctx, s, m) or _unit_attribute(ctx, s, m)
        if attr is None and m.type == "duration":
            attr = f"duration:{m.unit}"
        if attr is None:
            if m.type == "quantity" and last_attr and _EN_CLITIC.search(fold(text[s.start:m.start])):
                attr = last_attr
            elif m.type == "money":
                attr = "amount"
            elif m.type == "percent":
                attr = _share_attribute(text, m)
            else:
                continue  # a bare number with nothing it counts is no claim
        last_attr = attr
        entity, how = _subject(ctx, s, m.start, m.end, previous)
        rel = _RELATIVE_TO_NOUN.search(fold(text[s.start:m.start]))
        if rel and how in ("previous sentence", "main entity", "topic noun") and \
                not any(x.start <= s.start + rel.start(1) < x.end for x in ctx.spans):
            entity, how = rel.group(1), "noun subject"  # "l'atelier, où travaillait une trentaine de personnes"
        if entity is None or (attr.startswith("count:") and how in ("previous sentence", "main entity")):
            continue  # a count of an unknown noun, about nothing named here, is no claim
        time, origin = _time_for(ctx, s, m, periods)
        _add(ctx, s, m.start, m.end, entity=entity, attribute=attr, value=_value(m),
             kind="quantity" if m.type == "duration" else m.type, unit=_unit(m), approx=m.approx,
             precision=m.precision, cue=m.cue, time=time, time_origin=origin, subject_origin=how)


def _adjective_follows(s: Sentence, m: Mention) -> bool:
    nxt = [t for t in s.tokens if s.offset + t.idx >= m.end]
    return bool(nxt) and nxt[0].pos_ == "ADJ"


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


def _unit_attribute(ctx: Context, s: Sentence, m: Mention) -> str | None:
    if m.type != "quantity" or not m.unit:
        return None
    if fold(m.unit) in ctx.lex.measures:
        return attribute_for_noun(m.unit, ctx.lex)
    after = fold(ctx.source.text[m.end:min(s.end, m.end + 40)])
    for pattern, attr in ctx.lex.qualifiers:  # "quatre salariés étaient portés disparus" -> missing
        if pattern.match(after):
            return attr
    lemma = _lemma_at(s, ctx.source.text, m, m.unit)
    return attribute_for_noun(lemma or m.unit, ctx.lex)


def _lemma_at(s: Sentence, text: str, m: Mention, unit: str) -> str | None:
    pos = fold(text[m.start:m.end]).rfind(fold(unit.split()[0]))
    if pos < 0:
        return None
    absolute = m.start + pos
    for tok in s.tokens:
        if s.offset + tok.idx == absolute:
            return tok.lemma_ if tok.lemma_ and tok.pos_ in ("NOUN", "PROPN", "ADJ") else None
    return None


def _share_attribute(text: str, m: Mention) -> str:
    after = re.match(r"\s*(?:des|de|du|d')\s*([^\W\d_]+)", fold(text[m.end:m.end + 40]))
    return f"share:{after.group(1)}" if after else "percent"


def _time_for(ctx: Context, s: Sentence, m: Mention, periods: list[Mention]):
    near = []
    for weak in (True, False):  # its own comma-clause first, then the whole clause
        lo, hi = clause_bounds(ctx.source.text, s.start, s.end, m.start, weak=weak)
        near = [p for p in periods if lo <= p.start < hi and p.time is not None and id(p) not in s.used]
        if near:
            break
    if near:
        s.used.update(id(p) for p in near)
        best = min(near, key=lambda p: abs(p.start - m.start))
        return best.time, "explicit"
    if ctx.source.published:
        return Interval(ctx.source.published, ctx.source.published), "published"
    return None, "unknown"


# ---------------------------------------------------------------- subjects

_FRAME = re.compile(r"^\W*(?:pour|chez|cote|du cote de|s'agissant de|concernant)\s+(?:l'|la |le |les |cette |ce |cet )?$")


def _frame(ctx: Context, s: Sentence, here: list[EntitySpan], a: int):
    """ "Pour Ampere, Renault vise…": a fronted topic that a figure after its comma is about."""
    for x in here:
        if x.start - s.start > 30 or x.type in ("OUTLET", "AUTHORITY"):
            continue
        if _FRAME.match(fold(ctx.source.text[s.start:x.start])) and \
                re.match(r"\s*,", ctx.source.text[x.end:x.end + 3]) and a > x.end:
            return x
    return None


TOPIC_TYPES = ("ORG", "PER", "LOC", "UNION")
STORY = "(story)"


def _subject(ctx: Context, s: Sentence, a: int, b: int, previous, *, cue_end: int | None = None):
    """The entity a figure or event at [a, b) is about, and how it was found."""
    text = ctx.source.text
    here = [x for x in ctx.spans if s.start <= x.start < s.end and x.type != "OUTLET"]
    attributed = _attribution_spans(ctx, s)
    here = [x for x in here if (x.start, x.end) not in attributed]
    framed = _frame(ctx, s, here, a)
    for end in filter(None, (cue_end, b)):
        for x in here:
            if x.start >= end and _OF_ENTITY.match(fold(text[end:x.start])):
                return x.name, "complement"
            if x.start >= end and not text[end:x.start].strip():
                return x.name, "object"
    if framed:
        return framed.name, "frame"
    lo, _ = clause_bounds(text, s.start, s.end, a)
    for pool, how in ((lambda x: lo <= x.start < a, "clause"), (lambda x: x.start < a, "sentence")):
        cands = [x for x in here if pool(x) and x.prep is None]
        if cands:
            x = cands[-1]
            return x.name, how if x.how == "name" else "description"
    _, hi = clause_bounds(text, s.start, s.end, b)
    after = [x for x in here if b <= x.start < hi and x.prep in (None, "chez")]
    if after:
        return after[0].name, "clause"
    after = [x for x in here if x.start >= b and x.type in TOPIC_TYPES and x.prep is None]
    if after:  # "Inaugurée en 1998, l'usine Sylvachim est…"
        return after[0].name, "sentence"
    if ctx.main and ctx.lex.topic_nouns and ctx.lex.topic_nouns.search(fold(text[lo:a])):
        return ctx.main, "topic noun"  # "le chantier devrait générer 3 000 emplois"
    for prev in reversed(previous[-1:]):
        cands = [x for x in ctx.spans if prev.start <= x.start < prev.end
                 and x.prep is None and x.type in TOPIC_TYPES]
        if cands:
            return cands[-1].name, "previous sentence"
    if ctx.main:
        return ctx.main, "main entity"
    return STORY, "unknown"  # nothing named anywhere: the story itself, never dropped


# ---------------------------------------------------------------- events and states

def _events(ctx: Context, s: Sentence, ms: list[Mention], previous) -> None:
    text = ctx.source.text
    folded = fold(s.text)
    periods = [m for m in ms if m.type in ("date", "period") and m.time is not None]
    used: set[int] = set()
    cues: list[tuple[int, int, str]] = []
    for pattern, attr in ctx.lex.events:
        for hit in pattern.finditer(folded):
            a, b = s.start + hit.start(), s.start + hit.end()
            if any(a < y + 12 and x - 12 < b and at == attr for x, y, at in cues) or \
                    any(a < y and x < b for x, y, _ in cues):
                continue
            cues.append((a, b, attr))
    for a, b, attr in sorted(cues):
        near = [p for p in periods if id(p) not in used and _gap(a, b, p) <= _EVENT_WINDOW
                and not _crosses_other_cue(a, b, p, cues)]
        status = _status(ctx, s, a, b)
        entity, how = _event_subject(ctx, s, a, b, attr, previous)
        if entity is None:
            continue
        head = _participle_head(ctx, s, a)
        if head and head[1] == "noun phrase":  # "les travaux, lancés en 2024": the works' launch
            attr = f"{attr}:{head[0]}"
        if near:
            p = min(near, key=lambda p: _gap(a, b, p))
            # "l'ouverture, initialement prévue fin 2026, était reportée à mars 2028": each date
            # with a status word right before it is one more state of the same event
            chained = [q for q in periods if q is not p and id(q) not in used and q.start > p.end
                       and _status_before(ctx, s, q) and not _crosses_other_cue(a, b, q, cues)]
            for q in [p] + chained[:1]:
                used.add(id(q))
                s.used.add(id(q))
                before = _status_before(ctx, s, q)
                st = before[1] if before else status
                lo, hi = (min(a, q.start), max(b, q.end)) if q is p else (before[0], q.end)
                when = _event_time(ctx, q)
                _add(ctx, s, lo, hi, entity=entity, attribute=attr, value=when, kind="date",
                     time=when, time_origin="explicit", status=st or "reported_date",
                     subject_origin=how, modality="plan" if st == "planned" else None, cue=q.cue)
        elif status in ("cancelled", "postponed", "completed"):
            time, origin = _time_for(ctx, s, Mention("x", "", a, b), [])
            _add(ctx, s, a, b, entity=entity, attribute=attr, value=status, kind="status",
                 time=time, time_origin=origin, status=status, subject_origin=how)


_STATUS_REACH = 24


def _status_before(ctx: Context, s: Sentence, q: Mention) -> tuple[int, str] | None:
    """(where it starts, status) of a status word just before a date: "reportée à mars 2028"."""
    lo = max(s.start, q.start - _STATUS_REACH)
    window = fold(ctx.source.text[lo:q.start])
    found = [(m.end(), lo + m.start(), status) for status, pattern in ctx.lex.statuses if pattern
             for m in pattern.finditer(window)]
    return max(found)[1:] if found else None


def _event_time(ctx: Context, p: Mention):
    """When a dated event happened: for "depuis 2009" (a state since), the start period, not 2009..today."""
    if p.cue and fold(p.cue).startswith(("depuis", "since")):
        rest = p.text[len(p.cue):] if fold(p.text).startswith(fold(p.cue)) else p.text
        again = [m for m in parse_mentions(rest, ref=ctx.source.published) if m.time is not None]
        if again:
            return again[0].time
    return p.time


def _gap(a: int, b: int, p: Mention) -> int:
    return max(p.start - b, a - p.end, 0)


def _crosses_other_cue(a: int, b: int, p: Mention, cues) -> bool:
    lo, hi = (b, p.start) if p.start >= b else (p.end, a)
    return any(lo <= x and y <= hi for x, y, _ in cues)


def _event_subject(ctx: Context, s: Sentence, a: int, b: int, attr: str, previous):
    text = ctx.source.text
    entity, how = _subject(ctx, s, a, b, [], cue_end=b)
    if how in ("complement", "object"):
        return entity, how
    if how in ("main entity", "topic noun", "unknown"):
        noun = _noun_subject(ctx, s, a, b)
        if noun:  # "les établissements scolaires seront fermés mardi": about the schools
            return noun, "noun subject"
    head = _participle_head(ctx, s, a)
    if head and head[1] == "participle":
        return head
    if _POSSESSIVE.search(fold(text[max(s.start, a - 8):a])):
        for lo, hi in [(s.start, a)] + [(p.start, p.end) for p in reversed(previous)]:
            cands = [x for x in ctx.spans if lo <= x.start < hi and x.type not in ("OUTLET", "AUTHORITY")]
            if cands:
                return cands[-1].name, "possessive"
    return _subject(ctx, s, a, b, previous)


def _noun_subject(ctx: Context, s: Sentence, a: int, b: int) -> str | None:
    """The common noun subject of the clause around [a, b), when it names no entity nor the story."""
    lo, hi = clause_bounds(ctx.source.text, s.start, s.end, a, weak=False)
    for t in s.tokens:
        pos = s.offset + t.idx
        if not (lo <= pos < hi) or a <= pos < b or t.dep_ not in ("nsubj", "nsubj:pass") or t.pos_ != "NOUN":
            continue
        if any(x.start <= pos < x.end for x in ctx.spans):
            return None
        if ctx.lex.topic_nouns and ctx.lex.topic_nouns.fullmatch(fold(t.text)):
            return None
        return fold(t.lemma_ or t.text)
    return None


def _participle_head(ctx: Context, s: Sentence, a: int):
    """ "Philippe Brunet, nommé en 2025" / "le plan de départ lancé fin 2025": the noun the participle qualifies."""
    tok = next((t for t in s.tokens if s.offset + t.idx == a), None)
    if tok is None or tok.dep_ not in ("acl", "amod") or tok.head.pos_ not in ("NOUN", "PROPN"):
        return None
    h = s.offset + tok.head.idx
    for x in ctx.spans:
        if x.start <= h < x.end:
            return x.name, "participle"
    if tok.head.pos_ == "NOUN":
        return fold(tok.head.lemma_ or tok.head.text), "noun phrase"
    return None


def _status(ctx: Context, s: Sentence, a: int, b: int) -> str | None:
    lo, hi = max(s.start, a - 45), min(s.end, b + 45)
    window = fold(ctx.source.text[lo:hi])
    for status, pattern in ctx.lex.statuses:
        if pattern and pattern.search(window):
            return status
    return None


def _states(ctx: Context, s: Sentence, ms, previous) -> None:
    folded = fold(s.text)
    for state, pattern in ctx.lex.states:
        for hit in pattern.finditer(folded):
            a, b = s.start + hit.start(), s.start + hit.end()
            entity, how = _subject(ctx, s, a, b, previous)
            if entity is None or how in ("previous sentence", "main entity"):
                continue  # a state said of nothing named in the sentence is too vague to check
            periods = [m for m in ms if m.type in ("date", "period") and m.time is not None]
            time, origin = _time_for(ctx, s, Mention("x", "", a, b), periods)
            _add(ctx, s, a, b, entity=entity, attribute="state", value=state, kind="status",
                 time=time, time_origin=origin, status=state, subject_origin=how)


def _dated(ctx: Context, s: Sentence, ms: list[Mention], previous) -> None:
    """A date or period no figure or known event took: a dated claim about the noun it goes with."""
    if not s.prose:
        return  # headings, menus and footers date nothing checkable
    for p in ms:
        if p.type not in ("date", "period") or p.time is None or id(p) in s.used:
            continue
        noun = _noun_near(ctx, s, p)
        if noun is None or noun[0] in ctx.lex.light_nouns:
            continue
        entity, how = _subject(ctx, s, p.start, p.end, previous)
        if entity is None or how == "main entity":
            continue
        lo = min(p.start, noun[1])
        when = _event_time(ctx, p)
        _add(ctx, s, lo, max(p.end, noun[2]), entity=entity, attribute=f"date:{noun[0]}", value=when,
             kind="date", time=when, time_origin="explicit", subject_origin=how, cue=p.cue,
             status=_status(ctx, s, p.start, p.end) or "reported_date")


def _noun_near(ctx: Context, s: Sentence, p: Mention):
    """(lemma, start, end) of the nearest common noun before the period in its clause, else after it."""
    lo, hi = clause_bounds(ctx.source.text, s.start, s.end, p.start, weak=False)
    nouns = [t for t in s.tokens if t.pos_ == "NOUN" and lo <= s.offset + t.idx < hi
             and not (p.start <= s.offset + t.idx < p.end)]
    before = [t for t in nouns if s.offset + t.idx < p.start]
    after = [t for t in nouns if s.offset + t.idx >= p.end]
    tok = before[-1] if before else after[0] if after else None
    if tok is None:
        return None
    a = s.offset + tok.idx
    return fold(tok.lemma_ or tok.text), a, a + len(tok.text)


# ---------------------------------------------------------------- modality, attribution

def _modality(ctx: Context, s: Sentence, a: int) -> str:
    text, lex = ctx.source.text, ctx.lex
    lo, hi = clause_bounds(text, s.start, s.end, a)
    clause = fold(text[lo:hi])
    neg = lex.negation_words.search(clause)
    if neg and neg.start() < a - lo and lex.negation_pairs.search(clause, neg.end()):
        return "negated"
    alone = lex.negation_alone.search(clause)
    if alone and alone.start() < a - lo:
        return "negated"  # "rien ne permet de dire que l'ouverture sera décalée"  # "n'a pas supprimé 3 000 postes"; not "les 40 000 places ne répondent plus"
    toks = [t for t in s.tokens if lo <= s.offset + t.idx < hi]
    if lex.plan_words.search(clause) or any(_plans(t, lex) or "Fut" in t.morph.get("Tense") for t in toks):
        return "plan"
    if any("Cnd" in t.morph.get("Mood") for t in toks) or lex.reported_words.search(fold(s.text)):
        return "reported"
    return "assertion"


def _plans(tok, lex: Lexicon) -> bool:
    if tok.lemma_ not in lex.plan_lemmas:
        return False
    if tok.lemma_ in ("devoir", "aller", "compter", "vouloir", "entendre", "espérer", "souhaiter"):
        return any(c.pos_ in ("VERB", "AUX") and "Inf" in c.morph.get("VerbForm")
                   for c in list(tok.head.children) + [tok.head] if c is not tok) or \
            any("Inf" in n.morph.get("VerbForm") for n in tok.doc[tok.i + 1:tok.i + 4])
    return True


def _attribution_spans(ctx: Context, s: Sentence) -> set[tuple[int, int]]:
    return {span for _, _, span in _attributions(ctx, s) if span}


def _attribution(ctx: Context, s: Sentence, pos: int | None = None):
    """(origin name, its span or None) for the "selon X" that covers position `pos`.

    With several origins in one sentence ("1 800 selon la préfecture, 4 000 selon la CGT"),
    the one in the same comma-clause wins, else the nearest after, else the nearest before.
    """
    found = _attributions(ctx, s)
    if not found:
        return None
    if pos is None or len(found) == 1:
        return found[0][1:]
    lo, hi = clause_bounds(ctx.source.text, s.start, s.end, pos)
    same = [f for f in found if lo <= f[0] < hi]
    after = [f for f in found if f[0] >= pos]
    best = same[0] if same else after[0] if after else found[-1]
    return best[1:]


def _attributions(ctx: Context, s: Sentence) -> list[tuple[int, str, tuple[int, int] | None]]:
    """Every (cue position, origin, origin span) of a sentence, in order."""
    folded = fold(s.text)
    lex = ctx.lex
    out = []
    for pattern in (lex.attribution_before, lex.attribution_after):
        for hit in pattern.finditer(folded):
            rest = folded[hit.end():]
            skip = lex.attribution_skip.match(rest.lstrip())
            cue_end = s.start + hit.end()
            start = cue_end + (len(rest) - len(rest.lstrip())) + (skip.end() if skip else 0)
            span = next((x for x in ctx.spans if cue_end <= x.start <= start + 25 and x.start < s.end), None)
            if span:
                out.append((s.start + hit.start(), span.name, (span.start, span.end)))
            elif pattern is lex.attribution_before:
                phrase = re.match(r"[\s\w'’-]{3,60}?(?=[,.;:)(]|$)", ctx.source.text[start:s.end])
                if phrase and phrase.group().strip():
                    out.append((s.start + hit.start(), " ".join(phrase.group().split()[:6]), None))
    return sorted(out, key=lambda f: f[0])


# ---------------------------------------------------------------- assembling

def _add(ctx: Context, s: Sentence, a: int, b: int, *, entity: str, attribute: str, value, kind: str,
         modality: str | None = None, **fields) -> None:
    text = ctx.source.text
    quote = text[a:b]
    sentence = " ".join(s.text.split())
    base = f"{ctx.source.id}|{sentence}|{quote}|{attribute}"
    n = ctx.ids.get(base, 0)
    ctx.ids[base] = n + 1
    cid = "c-" + hashlib.sha1(f"{base}|{n}".encode()).hexdigest()[:10]
    origin = _attribution(ctx, s, a)
    mod = modality or _modality(ctx, s, a)
    if origin and mod == "assertion":
        mod = "reported"
    how = fields.get("subject_origin", "")
    confidence = 0.5 + (0.2 if not attribute.startswith(("count:", "share:")) else 0) + \
        (0.2 if how in ("complement", "object", "clause") else 0.1 if how != "main entity" else 0)
    ctx.claims.append(Claim(
        id=cid, source=ctx.source.id, start=a, end=b, line=text.count("\n", 0, a) + 1,
        quote=quote, sentence=sentence, entity=entity, attribute=attribute, value=value, kind=kind,
        modality=mod, attributed_to=origin[0] if origin else None, confidence=min(confidence, 0.95),
        published=ctx.source.published, **fields))
