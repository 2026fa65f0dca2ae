"""Dated events and their status, states of entities, and other dated claims."""
from __future__ import annotations

import re

from ..model import Interval, Mention
from ..normalize import parse_mentions
from ..normalize._periods import step
from ..normalize.text import fold
from .assemble import add_claim, by_tense, time_for
from .context import Context, Sentence
from .entities import clause_bounds
from .frames import act_thing, event_act, event_noun, lemma_of, phrase, span_root, tokens_in, verb_form
from .modality import _attributions, fronted_attribution, modality_of
from .resolvers import (_first_span, _subject_speaker, bare_pronoun, inverted_speaker, place_as_scope,
                        speaker_referent, unit_name)
from .subjects import STORY, event_subject, find_subject, participle_head


_EVENT_WINDOW = 70
# A speech clause right after a quotation, up to its verb (« », a-t-il lancé », « », lance »): no event cue
# there names an event
_AFTER_QUOTATION = re.compile(r"[»\"”]\s*,\s*(?:(?:a|ont|avait|avaient|aurait)(?:-t)?(?:-(?:il|elle|on|ils|elles))?\s+)?$")


def events(ctx: Context, s: Sentence, ms: list[Mention], previous) -> None:
    """Claims for the events a sentence names ("introduite en bourse au second semestre 2023")."""
    if s.text.lstrip().startswith("|") and not _finite_verb(s):
        return  # a table's header cell (« |Date de fermeture (2026) ») names a column, not an event
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
        if _lasted(ctx, s, a, b) or _held(ctx, s, a, b):
            continue  # « après neuf mois de fermeture », « reste fermée depuis »: how long, not when it happened
        if _AFTER_QUOTATION.search(ctx.source.text, max(0, a - 30), a):
            continue  # « « … », a-t-il lancé samedi »: a verb of saying after a quotation launches nothing
        near = [p for p in periods if id(p) not in used and _gap(a, b, p) <= _EVENT_WINDOW
                and not _crosses_other_cue(a, b, p, cues) and not _opposed(ctx, a, b, p)]
        status = status_near(ctx, s, a, b)
        parsed = _parsed_event_subject(ctx, s, a, b)
        entity, how = parsed or event_subject(ctx, s, a, b, attr, previous)
        rules = {"subject": "parse:event-complement" if parsed else f"window:{how.replace(' ', '-')}",
                 "attribute": "cue:event-word"}
        if entity is None:
            continue
        scope = {}
        if place_as_scope(ctx, entity) and any(x.name == entity and x.prep in ("de", "du", "d'", "des")
                                               and s.start <= x.start < s.end for x in ctx.spans):
            entity, how = STORY, "story"  # « l'enquête ouverte par le parquet de Paris »: not about Paris
        head = participle_head(ctx, s, a)
        if head and head[1] == "noun phrase" and any(w.startswith(head[0]) for w in fold(ctx.source.text[a:b]).split()):
            head = None  # « les premiers coups de pelle »: the noun of the event's own name, not a thing qualified
        if head and head[1] == "noun phrase":  # "les travaux, lancés en 2024": the works' launch
            attr = f"{attr}:{head[0]}"
            rules["attribute"] = "parse:participle-noun"
        elif (thing := _event_object(ctx, s, a, b)):
            attr = f"{attr}:{thing}"  # « a ouvert une information judiciaire » is not a site's opening
            rules["attribute"] = "parse:event-object"
            unit = event_unit(ctx, s, a, b)
            if unit:
                scope["unit"] = unit  # « son usine de Vierzon »: not the group's other plants
                rules["scope"] = "parse:event-unit"
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
                when = by_tense(ctx, s, a, q.text, event_time(ctx, q), planned=bool(before) and st == "planned")
                past = _past_participle(s, a, b) and ctx.source.published is not None and when.end < ctx.source.published
                if st == "planned" and past and not dict(ctx.lex.statuses)["planned"].search(
                        fold(ctx.source.text[max(s.start, a - 45):b])):
                    st = None  # « conclu le 14 mars 2025, prévoit des primes »: the plan word is another verb's
                mod = "plan" if st == "planned" else modality_of(ctx, s, a)
                if mod == "plan" and st is None and past:
                    mod = "assertion"  # « L'accord, conclu le 14 mars, prévoit des primes »: the plan is the
                    # sentence's, the event is a past fact
                add_claim(ctx, s, lo, hi, entity=entity, attribute=attr, value=when, kind="date", scope=scope,
                          rules=dict(rules, time="time:explicit"),
                     time=when, time_origin="explicit", status=st or "reported_date",
                     subject_origin=how, modality=mod, cue=q.cue)
        elif status in ("cancelled", "postponed", "completed"):
            time, origin = time_for(ctx, s, Mention("x", "", a, b), [])
            add_claim(ctx, s, a, b, entity=entity, attribute=attr, value=status, kind="status", scope=scope,
                      rules=rules,
                 time=time, time_origin=origin, status=status, subject_origin=how)


def _parsed_event_subject(ctx: Context, s: Sentence, a: int, b: int):
    """(name, "complement") of what an event is about, read from the parse: a name in the
    complement of an event noun (« la mise en service du tronçon sud de la ligne 15 »), in the
    subject of an event verb (« la ligne 14 a été ouverte »), or the noun a participle qualifies
    (« la gare Villejuif, ouverte le 18 janvier »). None when the parse names nothing."""
    toks = tokens_in(s, a, b)
    if not toks:
        return None
    inside = {t.i for t in toks}
    cue = span_root(toks)
    if cue.pos_ == "NOUN":
        places = [c for c in cue.children if c.dep_ == "nmod"]
    else:
        places = [c for c in cue.children if c.dep_ in ("nsubj", "nsubj:pass")]
        if not places and cue.dep_ == "xcomp":  # « Fabrex prévoit d'ouvrir son usine »: the subject of the
            places = [c for c in cue.head.children if c.dep_ in ("nsubj", "nsubj:pass")]  # verb that governs it
        places += [c for c in cue.children if c.dep_ == "obj"]
        if cue.dep_ in ("acl", "amod") and cue.head.pos_ in ("NOUN", "PROPN"):
            places.append(cue.head)
    for root in places:
        sub = [root] if root is cue.head else _head_phrase(root)
        for t in sub:
            if t.i in inside:
                continue
            pos = s.offset + t.idx
            x = next((x for x in ctx.spans if x.start <= pos < x.end and x.type not in ("OUTLET", "AUTHORITY")
                      and x.how in ("name", "numbered")), None)
            if x is not None:
                return x.name, "complement"
    return None


def _lasted(ctx: Context, s: Sentence, a: int, b: int) -> bool:
    """An event noun that counts a stretch of time (« neuf mois de fermeture », « trois jours de
    grève »): the complement of a number of days, weeks, months or years."""
    toks = tokens_in(s, a, b)
    if not toks:
        return False
    cue = span_root(toks)
    head = cue.head
    return cue.pos_ == "NOUN" and cue.dep_ == "nmod" and head.pos_ == "NOUN" and \
        fold(head.lemma_) in ctx.lex.date_words and any(c.pos_ == "NUM" or c.dep_ == "nummod" for c in head.children)


def _held(ctx: Context, s: Sentence, a: int, b: int) -> bool:
    """An event word that a verb of holding carries, since a day (« l'usine reste fermée depuis le 1er
    avril »): a state held since then (frames.toml [holding]), not the event on that day."""
    toks = tokens_in(s, a, b)
    if not toks:
        return False
    cue = span_root(toks)
    if "depuis" not in fold(ctx.source.text[b:s.end]).split():
        return False  # « les écoles resteront fermées mardi »: closed that day
    return cue.dep_ == "xcomp" and (cue.head.lemma_ in ctx.lex.holding_verbs or
                                    verb_form(cue.head, ctx.lex.holding_verbs, min_stem=4) is not None)  # « reste »


def _event_object(ctx: Context, s: Sentence, a: int, b: int) -> str | None:
    """The folded lemma of the common noun an event verb acts on: its direct object
    (« le parquet a ouvert une information judiciaire »), else the subject of a passive or of a
    verb whose subject is a unit that opens or closes (« l'usine a été inaugurée », « l'usine a
    fermé »; frames.toml [unit]): the subject of an active verb is otherwise who acts. One verb says
    different events of different things: the opening of an inquiry is not a plant's. None for
    an event noun, a name, a pronoun, or a noun that is the story's own topic (« le chantier »)."""
    toks = tokens_in(s, a, b)
    if not toks:
        return None
    cue = span_root(toks)
    if cue.pos_ not in ("VERB", "AUX") and not (cue.pos_ == "ADJ" and cue.dep_ == "ROOT"):
        return None
    kids = list(cue.children)
    passive = any(c.dep_ == "aux:pass" for c in kids)
    thing = next((c for c in kids if c.pos_ == "NOUN" and fold(c.lemma_) not in ctx.lex.date_words and
                  (c.dep_ in ("obj", "nsubj:pass") or
                   c.dep_ == "nsubj" and (passive or fold(c.lemma_) in ctx.lex.unit_words))), None)
    if thing is None and cue.pos_ == "VERB":  # « a déposé vendredi 27 mars une protestation »: the object the
        thing = next((t for c in kids if fold(c.lemma_) in ctx.lex.date_words for t in c.subtree  # parser hung
                      if t.pos_ == "NOUN" and t.i > cue.i and fold(t.lemma_) not in ctx.lex.date_words  # on the date
                      and any(d.dep_ == "det" for d in t.children)), None)
    if thing is None and cue.dep_ == "acl:relcl" and cue.head.pos_ == "NOUN" and \
            any(c.dep_ == "obj" and c.pos_ == "PRON" for c in kids):
        thing = cue.head  # « le recours qu'il a déposé lundi »: what the relative pronoun stands for
    if thing is None or thing.i in {t.i for t in toks}:
        return None  # « les premiers coups de pelle … »: a word of the event's own name is no object
    pos = s.offset + thing.idx
    span = next((x for x in ctx.spans if x.start <= pos < x.end), None)
    if span is not None and not (span.how == "description" and fold(thing.text) in ctx.lex.unit_words
                                 and fold(ctx.source.text[span.start:pos]).strip() in _POSSESSIVES):
        return None  # a name, not a thing; but « son usine » is a thing its owner has
    word = fold(thing.lemma_ or thing.text)
    if word in ctx.lex.light_nouns or ctx.lex.topic_nouns and ctx.lex.topic_nouns.fullmatch(fold(thing.text)):
        return None
    return (ctx.lex.event_objects or {}).get(word, word)  # « protestation » (électorale) is an appeal


_POSSESSIVES = {"son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos"}


def event_unit(ctx: Context, s: Sentence, a: int, b: int) -> str | None:
    """Which one of its kind an event verb acts on, when its object or subject is a unit named by a
    place or a name (« fermer son usine de Vierzon », « l'usine de Montclar a ouvert »): « usine de
    Vierzon ». Two plants of one company are two openings, two closures."""
    toks = tokens_in(s, a, b)
    if not toks:
        return None
    cue = span_root(toks)
    for c in cue.children:
        if c.dep_ in ("obj", "nsubj", "nsubj:pass") and c.pos_ == "NOUN" and fold(c.lemma_) in ctx.lex.unit_words:
            # « son usine de Vierzon »: the name after « de », whether the parser hung it on the noun or
            # (« fermer son usine de Vierzon le 20 mars ») on the verb, right after the noun
            named = next((n for n in list(c.children) + list(cue.children)
                          if n.dep_ in ("nmod", "obl:arg", "obl:mod") and n.pos_ == "PROPN" and
                          (n.head.i == c.i or n.i == c.i + 2) and
                          any(fold(x.text) in ("de", "d'", "du") for x in n.children if x.dep_ == "case")), None)
            if named is not None:
                words = [t.text for t in named.subtree if t.dep_ != "case" and t.pos_ != "PUNCT"
                         and t.i >= named.i and t.i - named.i < 4]
                return unit_name(c.lemma_, " ".join(words))
    return None


def _head_phrase(root, depth: int = 2) -> list:
    """A noun and its noun complements, two levels down (« tronçon sud de la ligne 15 »), without
    the clauses and obliques that hang on it."""
    out, frontier = [root], [root]
    for _ in range(depth):
        frontier = [c for t in frontier for c in t.children if c.dep_ in ("nmod", "flat:name", "flat", "appos")]
        out.extend(frontier)
    return out


_STATUS_REACH = 24


def _status_before(ctx: Context, s: Sentence, q: Mention) -> tuple[int, str] | None:
    """(where it starts, status) of a status word just before a date: "reportée à mars 2028"."""
    lo = max(s.start, q.start - _STATUS_REACH)
    window = fold(ctx.source.text[lo:q.start])
    found = [(m.end(), lo + m.start(), status) for status, pattern in ctx.lex.statuses if pattern
             for m in pattern.finditer(window)]
    return max(found)[1:] if found else None


def event_time(ctx: Context, p: Mention):
    """When a dated event happened: for "depuis 2009" (a state since), the start period, not 2009..today."""
    if p.cue and fold(p.cue).startswith(("depuis", "since")):
        rest = p.text[len(p.cue):] if fold(p.text).startswith(fold(p.cue)) else p.text
        again = [m for m in parse_mentions(rest, ref=ctx.source.published) if m.time is not None]
        if again:
            return again[0].time
    return p.time


def _opposed(ctx: Context, a: int, b: int, p: Mention) -> bool:
    """True when a clause of opposition (cues.toml [clauses] opposition: « mais », « cependant »; or a semicolon)
    comes between the event word at [a, b) and the date `p`: « est promis pour vendredi, mais certaines lignes
    pourraient rester fermées »: the date is the promise's, not the closure's."""
    lo, hi = (p.end, a) if p.end <= a else (b, p.start)
    if lo >= hi:
        return False
    between = fold(ctx.source.text[lo:hi])
    return ";" in between or ctx.lex.opposition is not None and ctx.lex.opposition.search(between) is not None


def _gap(a: int, b: int, p: Mention) -> int:
    return max(p.start - b, a - p.end, 0)


def _crosses_other_cue(a: int, b: int, p: Mention, cues) -> bool:
    lo, hi = (b, p.start) if p.start >= b else (p.end, a)
    return any(lo <= x and y <= hi for x, y, _ in cues)


def status_near(ctx: Context, s: Sentence, a: int, b: int) -> str | None:
    """The event status (cancelled, postponed, planned…) named around [a, b)."""
    lo, hi = max(s.start, a - 45), min(s.end, b + 45)
    window = fold(ctx.source.text[lo:hi])
    for status, pattern in ctx.lex.statuses:
        if pattern and pattern.search(window):
            return status
    return None


def states(ctx: Context, s: Sentence, ms, previous) -> None:
    """Claims for the states a sentence gives an entity ("la société serait liquidée")."""
    folded = fold(s.text)
    for state, pattern in ctx.lex.states:
        for hit in pattern.finditer(folded):
            a, b = s.start + hit.start(), s.start + hit.end()
            parsed = _state_subject(ctx, s, a, b)
            entity, how = parsed if parsed else find_subject(ctx, s, a, b, previous)
            if entity is None or how in ("previous sentence", "main entity"):
                continue  # a state said of nothing named in the sentence is too vague to check
            periods = [m for m in ms if m.type in ("date", "period") and m.time is not None]
            time, origin = time_for(ctx, s, Mention("x", "", a, b), periods)
            add_claim(ctx, s, a, b, entity=entity, attribute="state", value=state, kind="status",
                      rules={"subject": "parse:state-subject" if parsed else f"window:{how.replace(' ', '-')}",
                             "attribute": "cue:state-word"},
                 time=time, time_origin=origin, status=state, subject_origin=how)


def _state_subject(ctx: Context, s: Sentence, a: int, b: int):
    """(what, how) a state is said of, from the parse: the subject of the participle or verb that
    carries it, as a name when one covers it, else as its noun phrase (« l'état de catastrophe
    naturelle était reconnu » -> « état de catastrophe naturelle »)."""
    toks = tokens_in(s, a, b)
    verb = next((t for t in reversed(toks) if t.pos_ in ("VERB", "ADJ")), None) or \
        next((t for t in toks if t.pos_ == "AUX"), None)  # « avait relancé »: the participle, not its auxiliary
    if verb is None:
        return None
    subj = next((c for c in verb.children if c.dep_ == "obj" and c.pos_ == "NOUN"), None) if verb.pos_ == "VERB" \
        else None  # « Nestlé a relancé la fabrication des pizzas »: the state is the object's, not who acts
    subj = subj or next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subj is None:  # a parse cut in two (« Promis par le ministre, l'état de … n'est pas reconnu »):
        lo, _ = clause_bounds(ctx.source.text, s.start, s.end, a)  # the first noun of the state's clause
        subj = next((t for t in s.tokens if lo <= s.offset + t.idx < a and t.pos_ == "NOUN"
                     and not any(c.dep_ == "case" for c in t.children)), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN"):
        return None
    pos = s.offset + subj.idx
    x = next((x for x in ctx.spans if x.start <= pos < x.end), None)
    if x is not None and (x.type == "OUTLET" or x.start < s.offset + subj.idx - 20):
        return None  # a parse that ties the state to the source that reports it: leave it to the window rules
    # « la société Zorbex SA serait liquidée »: the name in apposition; « la fabrication des pizzas
    # Fraîch'Up »: the name that completes the noun phrase, two levels down
    for t in [c for c in subj.children] + [g for c in subj.children if c.dep_ == "nmod" for g in c.children]:
        y = next((y for y in ctx.spans if y.start <= s.offset + t.idx < y.end and y.how == "name"), None)
        if y is not None and t.dep_ in ("appos", "flat:name", "nmod", "dep") and y.type != "OUTLET":
            return y.name, "clause"
    if x is not None:
        return x.name, "clause" if x.how in ("name", "numbered") else "description"
    if ctx.lex.topic_nouns and ctx.lex.topic_nouns.fullmatch(fold(subj.text)):
        return None  # « le chantier est à l'arrêt »: the story's own subject, found by the window rules
    return fold(phrase(subj)), "noun phrase"


def dated(ctx: Context, s: Sentence, ms: list[Mention], previous) -> None:
    """A date or period no figure or known event took: a dated claim about the noun it goes with."""
    if not s.prose or s.text.lstrip().startswith("|") or not _finite_verb(s):
        return  # headings, table cells, menus and footers date nothing checkable
    for p in ms:
        if p.type not in ("date", "period") or p.time is None or id(p) in s.used:
            continue
        tok, rule = event_noun(s, p.start, p.end, ctx.lex.date_words)
        act = event_act(s, p.start, p.end, ctx.lex) if rule != "parse:date-of-noun" else None
        if act is not None:  # « le plan blanc a été levé lundi »: the lifting, of the plan
            a = s.offset + act[1].idx
            noun, rule = (act[0], a, a + len(act[1].text)), act[2]
        else:
            if tok is not None and any(x.start <= s.offset + tok.idx < x.end for x in ctx.spans):
                tok, rule = None, None  # « Auchan a présenté mardi »: a name is who, not what happened
            if tok is not None:
                a = s.offset + tok.idx
                noun = fold(tok.lemma_ or tok.text), a, a + len(tok.text)
            else:
                noun, rule = _noun_near(ctx, s, p), "window:noun-near"
        if noun is None or noun[0] in ctx.lex.light_nouns:
            continue
        if act is not None:
            entity, how, thing_rule = _act_subject(ctx, s, p, act[1], previous, by_object=rule == "parse:act-verb")
        else:
            (entity, how), thing_rule = find_subject(ctx, s, p.start, p.end, previous), None
        if entity is None or how == "main entity" and rule not in ("parse:date-of-noun", "parse:nsubj", "parse:nsubj:pass",
                                                                   "parse:act-verb", "parse:act-object"):
            continue  # a date about nothing named, unless it dates a noun (« une première séance le 28 novembre »)
        event = next((attr for pattern, attr in ctx.lex.events if pattern.fullmatch(noun[0])), None)
        before = _status_before(ctx, s, p)  # « la réouverture, prévue en février »: planned, so the coming one
        when = by_tense(ctx, s, p.start, p.text, event_time(ctx, p), planned=bool(before) and before[1] == "planned")
        if any(c.value == when and c.attribute == (event or f"date:{noun[0]}") and s.start <= c.start < s.end
               for c in ctx.claims):
            continue  # the event reader already dated it
        lo = min(p.start, noun[1])
        said = _act_speaker(ctx, s, lo, max(p.end, noun[2]), previous, act[1]) if act is not None else None
        add_claim(ctx, s, lo, max(p.end, noun[2]), entity=entity, attribute=event or f"date:{noun[0]}", value=when,
             kind="date", time=when, time_origin="explicit", subject_origin=how, cue=p.cue, attributed=said,
             rules={"attribute": rule, "time": "time:explicit", **({"subject": thing_rule} if thing_rule else {})},
             status=status_near(ctx, s, p.start, p.end) or "reported_date")


# The rule id of the time of a date told relative to the day of writing, by the duration's unit: comparison
# allows each its slack (comparison.toml [events] relative_slack)
_RELATIVE_RULE = {"day": "time:relative-to-publication", "week": "time:relative-to-publication+weeks"}


def relative_dates(ctx: Context, s: Sentence, ms: list[Mention], previous) -> None:
    """« Deux jours après la crue du Vidourle, les habitants nettoient », « Trois semaines après l'annonce du
    plan, les salariés… »: a sentence that opens on a duration after an event, its clause told in the present
    or the passé composé, dates that event by the day of writing, the article's publication, so many days or
    weeks before it (« quatre ans jour pour jour après » too). Comparison allows such a date a day of slack
    (print articles are written the day before they appear), three for weeks (comparison.toml). Only events
    the data names (an act, an incident or an event word), never a generic word for the story's incident
    (« le drame ») nor one told in the pluperfect (« Deux jours après la crue, le préfet avait annoncé… »,
    whose day of narration is not the article's)."""
    pub = ctx.source.published
    if pub is None or ctx.source.published_origin == "unknown" or ctx.lex.relative_opening is None:
        return
    text = ctx.source.text
    for m in ms:
        if m.type != "duration" or m.value is None or m.low is not None or m.high is not None or m.approx:
            continue
        lead = fold(text[s.start:m.start]).strip(" ,")
        if lead and (ctx.lex.relative_lead is None or not ctx.lex.relative_lead.fullmatch(lead)):
            continue  # (cues.toml [relative_dates] before_opening: « Mais dix jours après l'accident »)
        folded = fold(text[m.end:s.end])  # (folding keeps offsets: one character for one)
        after = ctx.lex.relative_opening.match(folded)
        exact = after is not None and after.group(1) is not None
        if after is None or not (m.unit in _RELATIVE_RULE or exact and m.unit in ("year", "month")):
            continue
        noun = next((t for t in s.tokens if s.offset + t.idx == m.end + after.end() and t.pos_ == "NOUN"), None)
        if noun is None or not _tells_now(noun):
            continue
        tree = list(noun.subtree)
        lo, hi = s.offset + tree[0].idx, s.offset + tree[-1].idx + len(tree[-1].text)
        if any(d.type == "date" and lo <= d.start < hi for d in ms):
            continue  # « Deux jours après l'explosion qui a dévasté lundi l'usine »: the event's own date says it
        word = fold(noun.lemma_ or noun.text)
        event = next((attr for pattern, attr in ctx.lex.events if pattern.fullmatch(word)), None)
        known = event or word in (ctx.lex.act_nouns or {}).values() or \
            ((word,) in ctx.lex.incident_nouns and word not in ctx.lex.incident_generic)
        if not known:
            continue
        when = _before(pub, int(m.value), m.unit)
        if when is None:
            continue
        b = s.offset + noun.idx + len(noun.text)
        # what the event is of: a name completing it (« la crue du Vidourle »), else the story; never who the
        # rest of the sentence names (« …, la CFDT appelle à la grève »)
        named = _first_span(ctx, s, [c for c in noun.children if c.dep_ == "nmod" and c.i > noun.i],
                            lambda y: y.type != "OUTLET")
        entity, how = (named.name, "complement") if named is not None else (STORY, "story")
        add_claim(ctx, s, m.start, b, entity=entity, attribute=event or f"date:{word}", value=when, kind="date",
                  time=when, time_origin="explicit", subject_origin=how, attributed=(None, None),
                  rules={"attribute": "parse:relative-to-publication",
                         "time": "time:relative-to-publication+exact" if exact else _RELATIVE_RULE[m.unit]},
                  status="reported_date")


def _before(pub, n: int, unit: str) -> Interval | None:
    """The day `n` days, weeks, months or years before the day of publication `pub`; None when the calendar has
    no such day (a 29 February, a 31st in a shorter month)."""
    day = step(pub, unit, -n)
    if unit in ("year", "month") and day.day != pub.day:
        return None  # (step clamps a missing day to its month's end)
    return Interval(day, day)


def _tells_now(noun) -> bool:
    """True when the clause after the opening on `noun` is told in the present or the passé composé: its first
    conjugated verb or auxiliary is in the present (« nettoient », « ont pris fin », « sont en grève »), not in a
    past tense (« avait annoncé ») nor the future. (The parser often makes the opening's noun the root.)"""
    verb = next((t for t in noun.doc[noun.i + 1:] if t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")),
                None)
    return verb is not None and verb.morph.get("Tense") == ["Pres"] and verb.morph.get("Mood") == ["Ind"]


def _act_speaker(ctx: Context, s: Sentence, a: int, b: int, previous, verb=None):
    """(speaker, rule id) of a dated act: a « selon X » in its own comma-clause or opening the sentence,
    the subject of a verb of saying whose clause holds the act's `verb` (« X a précisé que l'attaque avait
    été repérée mercredi »), or a speech clause set after it (« …, a précisé la préfète »); (None, None)
    otherwise. An act told in passing beside a speaker (« a précisé le ministre, venu lundi à Sommières »)
    is a fact, not hearsay. A speaker described by a role or a pronoun is the person it stands for
    (resolvers.speaker_referent)."""
    lo, hi = clause_bounds(ctx.source.text, s.start, s.end, a, weak=True)
    cues = _attributions(ctx, s)
    same = [f for f in cues if lo <= f[0] < hi]
    fronted = fronted_attribution(ctx, s, cues)
    if same:
        name, span, rule = same[0][1], same[0][2], "cue:selon"
    elif fronted is not None and fronted[0] < a:  # « Selon le directeur, l'intrusion a été détectée vers 3 h 15 »
        name, span, rule = fronted[1], fronted[2], "cue:fronted-selon"
    elif (clause := _saying_clause(ctx, s, verb)) is not None:
        name, span, rule = clause
    else:
        inverted = inverted_speaker(ctx, s, b)
        if not inverted:
            return None, None
        (name, span), rule = inverted, "parse:inverted-speech"
    who = speaker_referent(ctx, s, name, span, previous)
    if who:
        return who[0], f"{rule}+{who[1]}"
    return (None, None) if bare_pronoun(name) else (name, rule)


def _saying_clause(ctx: Context, s: Sentence, verb):
    """(speaker, span, rule id) of the verb of saying whose complement clause (« a précisé que … ») holds
    `verb`, or one coordinated with it (« …, et que la cellule avait été alertée à 6 h 30 »), else None.
    A participle beside the speaker (« a indiqué le préfet, venu mercredi ») is in no such clause."""
    p = verb
    for _ in range(3):
        if p is None or p.dep_ != "conj" or p.head.i == p.i:
            break
        p = p.head
    if p is None or p.dep_ != "ccomp" or lemma_of(p.head) not in ctx.lex.say_verbs:
        return None
    subj = next((c for c in p.head.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
    return _subject_speaker(ctx, s, subj, "parse:speech-clause") if subj is not None else None


def _act_subject(ctx: Context, s: Sentence, p: Mention, verb, previous, *, by_object: bool):
    """(entity, origin, rule id) of a dated act: the thing it is done to or by (frames.act_thing), by
    its name when it has one, else as a noun phrase (« le plan blanc », « les écoles »); else the
    sentence's subject as for any figure (a light noun or a pronoun names no thing)."""
    thing = act_thing(verb, ctx.lex.date_words, by_object=by_object)
    if thing is not None and thing.pos_ in ("NOUN", "PROPN"):
        named = _first_span(ctx, s, [thing], lambda x: x.type not in ("OUTLET", "AUTHORITY"))
        if named is not None:
            return named.name, "act thing", "parse:act-thing"
        if thing.pos_ == "NOUN" and fold(thing.lemma_) not in ctx.lex.light_nouns | ctx.lex.date_words:
            return thing_phrase(thing), "act thing", "parse:act-thing"
    entity, how = find_subject(ctx, s, p.start, p.end, previous)
    return entity, how, None


def thing_phrase(noun) -> str:
    """A common noun as the name of a thing: its lemma with the adjectives after it and a bare noun
    complement (« le plan blanc » -> « plan blanc », « le conseil de surveillance »), without
    articles, clauses or the words before it (« premier », « nouveau » say which, not what)."""
    words = [noun.lemma_.lower()]
    for c in noun.children:
        if c.i < noun.i or c.i > noun.i + 3:
            continue
        if c.dep_ == "amod" and c.pos_ in ("ADJ", "NOUN") and "Part" not in c.morph.get("VerbForm"):
            words.append(_agreeing(c, noun))
        elif c.dep_ == "nmod" and c.pos_ == "NOUN" and not any(d.dep_ == "det" for d in c.children) and \
                (case := next((d for d in c.children if d.dep_ == "case" and fold(d.text) in ("de", "d'")), None)):
            words.append(f"d'{c.text.lower()}" if fold(case.text) == "d'" else f"de {c.text.lower()}")
    return " ".join(words)


def _agreeing(adjective, noun) -> str:
    """An adjective (or a noun the tagger took for one) as written beside its noun's lemma: in the singular
    when the noun is plural (« cellules psychologiques » -> « psychologique », « centres régionaux » ->
    « régional »), its gender kept (« zone interdite », not the lemma « interdit »; « comité ressource », not
    « ressourc »)."""
    word = adjective.text.lower()
    if "Plur" not in noun.morph.get("Number") or "Plur" not in adjective.morph.get("Number"):
        return word
    if word.endswith("aux"):
        return adjective.lemma_.lower()  # « régionaux » -> « régional »
    return word[:-1] if word.endswith(("s", "x")) and len(word) > 3 else word


def _finite_verb(s: Sentence) -> bool:
    """True when the sentence has a clause (a conjugated verb, or a verb with a subject), not a
    caption or a table cell: « Effectif ciblé (2025) » dates nothing."""
    return any(t.pos_ in ("VERB", "AUX") and ("Fin" in t.morph.get("VerbForm") or
                                              any(c.dep_.startswith("nsubj") for c in t.children))
               for t in s.tokens)


def _noun_near(ctx: Context, s: Sentence, p: Mention):
    """(lemma, start, end) of the nearest common noun before the period in its clause, else after it."""
    lo, hi = clause_bounds(ctx.source.text, s.start, s.end, p.start, weak=False)
    nouns = [t for t in s.tokens if t.pos_ == "NOUN" and lo <= s.offset + t.idx < hi
             and not (p.start <= s.offset + t.idx < p.end)
             and not any(x.start <= s.offset + t.idx < x.end for x in ctx.spans)]  # a name is no event
    before = [t for t in nouns if s.offset + t.idx < p.start]
    after = [t for t in nouns if s.offset + t.idx >= p.end]
    tok = before[-1] if before else after[0] if after else None
    if tok is None:
        return None
    a = s.offset + tok.idx
    return fold(tok.lemma_ or tok.text), a, a + len(tok.text)


def _past_participle(s: Sentence, a: int, b: int | None = None) -> bool:
    """True when the event words at [a, b) hold a past participle (« conclu », « a déposé », « inaugurée »)."""
    toks = tokens_in(s, a, b if b is not None else a + 1)
    return any("Part" in t.morph.get("VerbForm") and "Past" in t.morph.get("Tense") for t in toks)
