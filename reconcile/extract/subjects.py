"""Which entity a figure or an event is about, and how that was found."""
from __future__ import annotations

import re

from ..normalize.text import fold
from .context import Context, Sentence
from .entities import EntitySpan, clause_bounds
from .frames import introduced_by_de, qualified_noun
from .lexicon import counter_class
from .modality import attribution_spans


_OF_ENTITY = re.compile(r"^\s*(?:\([^()]{0,12}\)\s*)?(?:de|d'|du|des)\s*$")


_POSSESSIVE = re.compile(r"\b(?:sa|son|ses|leur|leurs)\s+$")


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


_DISLOCATED_BEFORE = re.compile(r"^\W*(?:(?:le|la|les|l'|ce|cette|ces)\s*)?$")
_DISLOCATED_AFTER = re.compile(r"^\s*,\s*(?:c'est|c’est|ce sont|ce seront|ce sera|c'etait|c’etait|ce furent)\b")


def fronted_topic(ctx: Context, s: Sentence, a: int):
    """The fronted « Pour X, » topic a figure at `a` is about, or the dislocated « X, ce sont N »."""
    here = [x for x in ctx.spans if s.start <= x.start < s.end and x.type != "OUTLET"]
    framed = _frame(ctx, s, here, a)
    if framed:
        return framed
    text = ctx.source.text
    for x in here:
        if x.end <= a and _DISLOCATED_BEFORE.match(fold(text[s.start:x.start])) and \
                _DISLOCATED_AFTER.match(fold(text[x.end:x.end + 16])):
            return x  # « Le Grand Paris Express, ce sont 205 kilomètres de lignes »
    return None


def find_subject(ctx: Context, s: Sentence, a: int, b: int, previous, *, cue_end: int | None = None,
                 exclude=()):
    """The entity a figure or event at [a, b) is about, and how it was found (`exclude`: spans
    of speakers and counters, never the subject)."""
    text = ctx.source.text
    here = [x for x in ctx.spans if s.start <= x.start < s.end and x.type != "OUTLET"]
    attributed = attribution_spans(ctx, s) | {tuple(e) for e in exclude}
    here = [x for x in here if (x.start, x.end) not in attributed
            and not any(e[0] <= x.start < e[1] for e in attributed)
            and not (exclude and counter_class(x.name, ctx.lex))]  # a counter is never what is counted
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
            return x.name, how if x.how in ("name", "numbered") else "description"
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
        spoke = _speakers(ctx, prev)
        cands = [x for x in ctx.spans if prev.start <= x.start < prev.end
                 and x.prep is None and (x.type in TOPIC_TYPES or x.how == "numbered")
                 and not any(a <= x.start < b for a, b in spoke)]
        if cands:
            return cands[-1].name, "previous sentence"
    if ctx.main:
        return ctx.main, "main entity"
    return STORY, "unknown"  # nothing named anywhere: the story itself, never dropped


def _speakers(ctx: Context, s: Sentence) -> set[tuple[int, int]]:
    """Spans of who speaks or counts in sentence `s`: its « selon X », and the subjects of its verbs of saying
    and counting with what they head (« a déclaré Olivier Sauvagnac, le directeur »). What the next sentence
    says is never about them by default."""
    out = set(attribution_spans(ctx, s))
    verbs = ctx.lex.say_verbs | ctx.lex.count_verbs
    for t in s.tokens:
        if t.pos_ == "VERB" and t.lemma_ in verbs:
            for c in t.children:
                if c.dep_ in ("nsubj", "nsubj:pass") and c.pos_ != "PRON":
                    toks = list(c.subtree)
                    out.add((s.offset + toks[0].idx, s.offset + toks[-1].idx + len(toks[-1])))
    return out


def event_subject(ctx: Context, s: Sentence, a: int, b: int, attr: str, previous):
    """What an event is about: its complement or object, the noun a participle qualifies, a possessor, else the subject."""
    text = ctx.source.text
    entity, how = find_subject(ctx, s, a, b, [], cue_end=b)
    if how in ("complement", "object"):
        return entity, how
    if how in ("main entity", "topic noun", "unknown"):
        tok = noun_subject(ctx, s, a, b)
        owner = _owner(ctx, s, tok, previous) if tok is not None else None
        if owner:  # « Sa tentative d'entrée en Bourse ayant échoué », « l'avenir de Fabrex »: whose it is
            return owner
        if tok is not None:  # "les établissements scolaires seront fermés mardi": about the schools
            return fold(tok.lemma_ or tok.text), "noun subject"
    head = participle_head(ctx, s, a)
    if head and head[1] == "participle":
        return head
    if _POSSESSIVE.search(fold(text[max(s.start, a - 8):a])):
        owner = _possessor(ctx, s, a, previous)
        if owner:
            return owner, "possessive"
    return find_subject(ctx, s, a, b, previous)


def noun_subject(ctx: Context, s: Sentence, a: int, b: int):
    """The common noun (a token) subject of the clause around [a, b), when it names no entity nor the story."""
    lo, hi = clause_bounds(ctx.source.text, s.start, s.end, a, weak=False)
    for t in s.tokens:
        pos = s.offset + t.idx
        if not (lo <= pos < hi) or a <= pos < b or t.dep_ not in ("nsubj", "nsubj:pass") or t.pos_ != "NOUN":
            continue
        if any(x.start <= pos < x.end for x in ctx.spans):
            return None
        if ctx.lex.topic_nouns and ctx.lex.topic_nouns.fullmatch(fold(t.text)):
            return None
        return t
    return None


def _owner(ctx: Context, s: Sentence, tok, previous):
    """(entity, how) that a common noun belongs to: the named complement of the noun (« l'avenir de
    Fabrex »), or, after a possessive (« sa tentative », « son existence »), the last organisation or
    person named before it in the sentence, else in the sentences before. None otherwise."""
    for c in tok.children:
        if c.dep_ == "nmod" and introduced_by_de(c):
            pos = s.offset + c.idx
            x = next((x for x in ctx.spans if x.start <= pos < x.end and x.how == "name" and x.type in OWNERS), None)
            if x is not None:
                return x.name, "complement"
    if not any(c.dep_ == "det" and "Yes" in c.morph.get("Poss") for c in tok.children):
        return None
    owner = _possessor(ctx, s, s.offset + tok.idx, previous)
    return (owner, "possessive") if owner else None


OWNERS = ("ORG", "PER", "UNION", "MISC")  # what may own a thing: not a place (« Sa démission » after « à Nîmes »)


def _possessor(ctx: Context, s: Sentence, here: int, previous) -> str | None:
    """Who « son », « sa », « ses » at `here` refers to: the last organisation or person named before it in
    its sentence, else in the two sentences before it within its paragraph."""
    ranges = [(s.start, here)]
    for p in reversed(previous[-2:]):
        if "\n" in ctx.source.text[p.end:ranges[-1][0]]:
            break
        ranges.append((p.start, p.end))
    for lo, hi in ranges:
        cands = [x for x in ctx.spans if lo <= x.start < hi and x.type in OWNERS]
        if cands:
            return cands[-1].name
    return None


def participle_head(ctx: Context, s: Sentence, a: int):
    """ "Philippe Brunet, nommé en 2025" / "le plan de départ lancé fin 2025": the noun the participle qualifies."""
    tok = next((t for t in s.tokens if s.offset + t.idx == a), None)
    head = qualified_noun(tok) if tok is not None else None  # (« l'arrêté de péril visant le 14, signé le 21 »)
    if head is None:
        return None
    if tok.i > 0 and tok.doc[tok.i - 1].text == ",":
        # « L'accord entre Fabrex et les syndicats, conclu le 14 mars »: a participle set off by a comma
        # qualifies the whole noun phrase, whose head the parser may have passed for the nearest noun
        while head.dep_ in ("nmod", "conj") and head.head.pos_ in ("NOUN", "PROPN") and head.head.i < head.i:
            head = head.head
    h = s.offset + head.idx
    for x in ctx.spans:
        if x.start <= h < x.end:
            return x.name, "participle"
    if head.pos_ == "NOUN":
        return fold(head.lemma_ or head.text), "noun phrase"
    return None
