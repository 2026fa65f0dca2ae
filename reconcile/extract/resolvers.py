"""Small resolvers for a figure's claim: attribute, subject, scope and attribution.

Each reads the figure's frame (frames.py) first and returns `(value, rule id)`;
rule ids starting with "parse:" come from the dependency tree, "cue:" from a
cue word in the figure's own clause, "window:" from the older character-window
rules kept as a fallback (lower confidence).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Mention
from ..normalize.text import fold
from .assemble import figure_between
from .context import Context, Sentence
from .entities import EntitySpan, clause_bounds
from .frames import (PERSONAL_PRONOUNS, Frame, antecedent, introduced_by_de, lemma_of, noun_before_comma, phrase,
                     place_tokens, tokens_in,
                     qualified_noun, span_root, speaker_token, subject_noun, subject_token, verb_above, verb_form,
                     verb_stem)
from .lexicon import attribute_for_noun, counter_class, noun_key, singular
from .modality import fronted_attribution
from .subjects import OWNERS  # names a thing may be of: not a place (« le coût du relogement à Montbrac »)

def span_at(ctx: Context, pos: int) -> EntitySpan | None:
    """The entity span covering absolute offset `pos`."""
    for x in ctx.spans:
        if x.start <= pos < x.end:
            return x
    return None


def _pos(s: Sentence, tok) -> int:
    return s.offset + tok.idx


# ---------------------------------------------------------------- attribute

def attribute(ctx: Context, s: Sentence, m: Mention, fr: Frame | None, *, qualifier, head_window):
    """(attribute, rule id) of a figure, or (None, None) when it counts nothing."""
    lex = ctx.lex
    noun = _noun_lemma(fr, m)
    if m.type == "quantity" and m.unit and (fold(m.unit) in lex.measures or singular(m.unit) in lex.measures):
        return attribute_for_noun(m.unit, lex), "attr:measure"
    if m.type == "quantity" and noun:
        q = qualifier(ctx, s, m)
        if q:
            return q, "attr:qualifier"
    if fr is not None and m.type == "money":
        found = money_noun(ctx, fr)
        if found:
            return found
    if fr is not None and (noun or m.type == "money"):
        lemmas = {lemma_of(p) for p in fr.predicates} | {p.lemma_ for p in fr.predicates}
        if fr.noun is not None:  # « les 1 200 personnes employées », « 450 personnes qui travaillent »: the
            lemmas |= {c.lemma_ for c in fr.noun.children  # participle or relative clause on the noun is its verb
                       if c.dep_ in ("acl", "acl:relcl") and c.pos_ in ("VERB", "ADJ") and c.i > fr.noun.i}
        want = "$money" if m.type == "money" else noun
        for preds, nouns, attr in lex.frames:
            if lemmas & preds and (want in nouns or (want and singular(want) in nouns)):
                return attr, "attr:frame"
    if m.type == "quantity" and noun and fr is not None and fr.noun is not None:
        # « 224 suppressions de postes »: the counted noun is itself a predicate, its complement the noun
        for c in fr.noun.children:
            if c.dep_ == "nmod" and c.pos_ == "NOUN":
                inner = fold(c.lemma_ or c.text)
                for preds, nouns, attr in lex.frames:
                    if fr.noun.lemma_ in preds and (inner in nouns or singular(inner) in nouns):
                        return attr, "attr:frame-noun"
    if m.type == "quantity" and noun and _doers(fr, noun, lex):
        return f"count:{noun_key(noun, lex)}", "parse:doers"  # « seuls trois salariés ont accepté »
    if m.type == "quantity" and noun:
        kind = _act_kind(noun, fr, lex)
        attr = attribute_for_noun(kind or _classified(noun, fr, lex), lex)
        if kind and attr and attr.startswith("count:"):
            return attr, "parse:act-kind"
        if attr and not attr.startswith("count:"):
            return attr, "attr:noun"
        head = head_window(ctx, s, m)
        if head:
            return head, "window:head"
        return attr, "attr:noun"
    head = head_window(ctx, s, m)
    if head:
        return head, "window:head"
    return None, None


def money_noun(ctx: Context, fr: Frame) -> tuple[str, str] | None:
    """(attribute, rule id) of a sum of money from the noun it is the amount of (finance.toml
    `money_nouns`): the noun it complements, else the noun after it, else its verb's subject (or the
    noun a relative clause is about). The rule id ends with « +grant » for money granted (`[money] grants`)."""
    found = _money_noun(ctx, fr)
    if found is None:
        return None
    attr, rule, noun, _ = found
    return attr, rule + "+grant" if noun in ctx.lex.money_grants else rule


_AMOUNT_BEFORE_COLON = re.compile(r"\b(\w+) (?:de la |du |des |de l'|d'|de )(\w+)\s*:\s*$")


def _counts(ctx: Context, p) -> bool:
    """True for a verb of counting (frames.toml [counting] verbs), also when the tagger misread it."""
    return lemma_of(p) in ctx.lex.count_verbs or p.pos_ == "VERB" and bool(verb_form(p, ctx.lex.count_verbs))


def costed(ctx: Context, s: Sentence, m: Mention, fr: Frame | None) -> tuple[str, str] | None:
    """What a cost is the cost of, as (folded lemma, rule id): the thing before a colon (« une estimation du
    coût de la crise : 4,2 millions »), else the « de » complement of a noun that is an amount (« le coût du
    relogement », « la facture des réparations »: finance.toml [money] amounts) or the noun such an amount
    qualifies (« le prolongement, d'un coût de 4 milliards »), the noun itself when it names a thing paid for
    (« 240 000 euros de travaux », « un devis de 410 000 euros »), else the subject of a verb of costing
    (« la crise a coûté 4,8 millions »: [money] cost_verbs); None when the sentence does not say."""
    hit = _AMOUNT_BEFORE_COLON.search(fold(ctx.source.text[s.start:m.start]))
    if hit and hit.group(1) in ctx.lex.money_amounts:
        at = s.start + hit.start(2)
        tok = next((t for t in s.tokens if s.offset + t.idx == at), None)
        return fold(tok.lemma_ if tok is not None else hit.group(2)), "window:cost-of-before-colon"
    if fr is None:
        return None
    figure = {t.i for t in fr.chain}

    def of(tok):  # (« un coût de 4 milliards d'euros »: the sum itself is not what it is the cost of)
        c = next((c for c in tok.children if c.dep_ == "nmod" and c.pos_ == "NOUN" and c.i > tok.i and
                  c.i not in figure and not any(x.dep_ == "nummod" for x in c.children) and
                  introduced_by_de(c)), None)
        if c is None and tok.dep_ == "nmod" and tok.head.pos_ == "NOUN" and tok.head.i < tok.i:
            c = tok.head  # « le prolongement, d'un coût de 4 milliards »: the noun the cost qualifies
        return fold(c.lemma_) if c is not None else None
    found = _money_noun(ctx, fr)
    if found is not None:
        _, _, noun, tok = found  # (the lemma, as every path here gives it: « travaux » is « travail »)
        what = fold(tok.lemma_) if noun not in ctx.lex.money_amounts else of(tok)
        return (what, "parse:cost-of") if what else None
    for p in fr.predicates:
        if p.pos_ == "NOUN" and fold(p.lemma_) in ctx.lex.money_amounts:
            return (of(p), "parse:cost-of") if of(p) else None
        if fold(p.lemma_) in ctx.lex.money_cost_verbs:
            subj = subject_noun(p)
            return (fold(subj.lemma_), "parse:cost-subject") if subj is not None else None
    return None


def _money_noun(ctx: Context, fr: Frame) -> tuple[str, str, str, object] | None:
    """(attribute, rule id, the noun as read, its token) of the noun a sum is the amount of, or None."""
    table = ctx.lex.money_nouns or {}

    def word(t) -> str:  # a noun and its « d' » complement may be one noun: « chiffre d'affaires »
        one = fold(t.lemma_ or t.text)
        if one not in table and fold(t.text) in table:
            one = fold(t.text)  # « travaux », whose lemma the tagger gives as « travail »
        for c in t.children:
            if c.dep_ == "nmod" and c.i == t.i + 2 and fold(t.doc[t.i + 1].text) in ("d'", "de"):
                two = f"{one} d'{fold(c.text)}" if fold(t.doc[t.i + 1].text) == "d'" else f"{one} de {fold(c.text)}"
                if two in table:
                    return two
        return one
    for t in fr.chain[1:]:  # « une aide d'urgence de 5 millions d'euros »
        if t.pos_ != "NOUN":
            continue
        w = word(t)
        if w in table:
            return table[w], "parse:money-noun", w, t
        if w not in ctx.lex.money_transparent:
            break  # only the nearest noun above the sum, past « montant » or « somme »
        before = noun_before_comma(t)  # « le budget 2026, d'un montant de 58 millions »
        if before is not None and (w := word(before)) in table:
            return table[w], "parse:money-noun-apposed", w, before
    for c in fr.head.children:  # « 23 millions d'euros de surcoûts »
        if c.dep_ == "nmod" and c.i > fr.head.i and c.pos_ == "NOUN" and (w := word(c)) in table:
            return table[w], "parse:money-of", w, c
    for p in fr.predicates:  # « le budget de l'opération atteint 455 millions d'euros »
        ante = antecedent(p)  # « son budget de fonctionnement, qui s'élève à 210 millions d'euros »
        subjects = [c for c in p.children if c.dep_ in ("nsubj", "nsubj:pass")] + \
            [ante, ante.head if ante is not None and ante.dep_ == "nmod" else None]
        if _counts(ctx, p):
            # « la mairie chiffre le coût des travaux à 3 millions » (« chiffre » the tagger may lemmatize as is):
            subjects = [c for c in p.children if c.dep_ == "obj"] + subjects  # what is valued, not who values
        for t in subjects:
            if t is not None and t.pos_ == "NOUN" and (w := word(t)) in table:
                return table[w], "parse:money-subject", w, t
    return None


def _classified(noun: str, fr: Frame | None, lex) -> str:
    """The counted noun with the adjective right after it that says which of those things are counted
    (« 212 bulletins blancs », « 28 000 voyageurs quotidiens »: frames.toml [counted] classes): a different
    count from the noun alone. A participle tells what befell them (« les 24 rames commandées ») and a
    relational adjective (« organisations syndicales ») which ones: both are still the noun's count."""
    if fr is None or fr.noun is None:
        return noun
    nxt = fr.noun.i + 1
    doc = fr.noun.doc
    adj = doc[nxt] if nxt < len(doc) else None
    if adj is not None and adj.head.i == fr.noun.i and adj.dep_ in ("amod", "acl"):
        for word in (fold(adj.lemma_ or adj.text), singular(fold(adj.text))):
            if f"{singular(noun)} {word}" in lex.nouns:
                return f"{noun} {word}"  # « électeurs inscrits »: a noun of two words in the data is one noun
            if adj.pos_ == "ADJ" and word in lex.class_adjectives:
                return f"{noun} {singular(fold(adj.text))}"  # as written, agreeing: « parties civiles » -> civile
    return noun


def _act_kind(noun: str, fr: Frame | None, lex) -> str | None:
    """The counted noun with the act that befell it, when that act makes a kind of it (frames.toml
    [counted.acts]): « 48 000 canards ont été abattus » (the passive subject), « 160 000 volailles
    abattues » (the participle on the noun), « ont vacciné 112 000 canards » (the object) give
    « canard abattu », « volaille abattue », « canard vacciné »; None otherwise."""
    acts = lex.kind_acts or {}
    if fr is None or fr.noun is None or not acts:
        return None
    n = fr.noun
    feminine = "Fem" in n.morph.get("Gender")
    candidates = [(c, True) for c in n.children if c.dep_ in ("amod", "acl") and c.i > n.i and
                  "Part" in c.morph.get("VerbForm")]
    for t in [n, *fr.chain]:  # « Une douzaine de familles ont été relogées »: the quantity word is the subject
        if t.dep_ in ("nsubj:pass", "obj"):
            candidates.append((t.head, t.dep_ == "nsubj:pass"))  # an object after « ont abattu » does not agree
            break
        if t.dep_ == "nsubj" and t.head.lemma_ in lex.raising_verbs:
            # « 32 patients ont dû être transférés »: the raising verb's passive infinitive befell them
            candidates += [(c, True) for c in t.head.children
                           if c.dep_ == "xcomp" and any(a.dep_ == "aux:pass" for a in c.children)]
            break
    for v, agrees in candidates:
        lemma = fold(v.lemma_ or "")
        if lemma in acts and v.pos_ in ("VERB", "ADJ", "AUX"):
            part = acts[lemma]
            written = singular(fold(v.text))
            if agrees and written in (part, part + "e"):  # « relogées »: the participle agrees with the noun
                return f"{noun} {written}"
            return f"{noun} {part}e" if feminine and not part.endswith("e") else f"{noun} {part}"
    borne = _borne_by_act(n, fr, lex)
    if borne is not None:  # « les abattages avaient porté sur 65 000 canards »: culled ducks
        part = acts[borne]
        return f"{noun} {part}e" if feminine and not part.endswith("e") else f"{noun} {part}"
    return None


def _borne_by_act(n, fr: Frame, lex) -> str | None:
    """The verb (of frames.toml [counted.acts]) whose act noun is the subject of a verb of bearing
    ([counted.bearing]) the counted noun is the complement of (« les abattages ont porté sur 65 000 canards »,
    « la vaccination concerne 112 000 canards »), or None."""
    verb_of = lex.kind_act_nouns or {}
    if not lex.bearing_verbs or not verb_of:
        return None
    for t in [n, *fr.chain]:
        if t.dep_ in ("obj", "obl", "obl:arg", "obl:mod") and fold(lemma_of(t.head)) in lex.bearing_verbs:
            subj = next((c for c in t.head.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
            if subj is None:  # the parse left the verb without a subject (« les abattages des quatre premiers
                # foyers, achevés le 29 janvier, avaient porté sur… »): the nearest act noun before it
                doc = t.doc
                subj = next((doc[i] for i in range(t.head.i - 1, max(-1, t.head.i - 16), -1)
                             if doc[i].pos_ == "NOUN" and fold(doc[i].lemma_) in verb_of), None)
            return verb_of.get(fold(subj.lemma_)) if subj is not None else None
    return None


def _noun_lemma(fr: Frame | None, m: Mention) -> str | None:
    if fr is not None and fr.noun is not None and fr.noun.pos_ in ("NOUN", "ADJ", "PROPN"):
        return fold(fr.noun.lemma_ or fr.noun.text)
    if m.unit:
        return fold(m.unit.split()[0])
    return None


def elided(fr: Frame | None, m: Mention) -> bool:
    """A number with no counted noun: « contre 12 000 selon la CGT », « Ils étaient 3 000 à Lyon »."""
    if m.unit or fr is None:
        return False
    # a number the parser hung on another number (« 49 400 dans le Finistère, 17 000 dans … ») or on a
    # verb (« Parmi les 45 blessés, 12 sont … ») as if it modified it counts nothing of it
    return fr.noun is None and (fr.head.pos_ in ("NUM", "PRON", "NOUN", "ADJ") or fr.head.like_num) and (
        fr.head.dep_ != "nummod" or fr.head.head.pos_ not in ("NOUN", "PROPN")  # « 20 000 » tagged VERB too
        or fr.head.head.i < fr.head.i)  # « la mairie en dénombre 27 »: no noun it counts before it


def event_of(ctx: Context, fr: Frame | None) -> str | None:
    """The event that governs a figure's counted noun (« la fermeture de dix magasins », « fermer une
    dizaine de magasins »): the first word of its chain, up to its predicate, that names an event of
    comparison.toml [events] figures."""
    if fr is None:
        return None
    for tok in list(fr.chain) + ([fr.predicate] if fr.predicate is not None else []):
        for word in {fold(tok.lemma_ or tok.text), fold(tok.text)}:
            for pattern, attr in ctx.lex.events:
                if attr in ctx.lex.figure_events and pattern.fullmatch(word):
                    return attr
    return None


# ---------------------------------------------------------------- attribution

def attribution(ctx: Context, s: Sentence, m: Mention, fr: Frame | None, *, cue_origins, figures=(),
                attribute: str | None = None, previous: list[Sentence] = ()):
    """(who says or counts the figure, its span or None, rule id), or (None, None, None): a « selon X »
    in the figure's clause, then the parse (`_parsed_speaker`), then the window rules (`_window_speaker`).

    The window fallback never reaches a « selon X » across another figure of the sentence
    (« quand A comptait 11 000 salariés, B se contentera de 1 000 personnes selon le média »)."""
    lo, hi = clause_bounds(ctx.source.text, s.start, s.end, m.start)
    same = [f for f in cue_origins if lo <= f[0] < hi]
    if same:
        return same[0][1], same[0][2], "cue:selon"
    fronted = fronted_attribution(ctx, s, cue_origins)
    if fronted is not None and fronted[0] < m.start and \
            not any(f[0] >= m.end and not figure_between(m, f[0], figures) for f in cue_origins):
        # (« Selon le ministère, 412 000 manifestants, dont 38 000 à Paris, d'après la préfecture »: the
        # part has a counter of its own after it)
        return fronted[1], fronted[2], "cue:fronted-selon"
    if fr is not None:
        found = _parsed_speaker(ctx, s, m, fr, attribute, previous)
        if found:
            return found
    return _window_speaker(ctx, s, m, cue_origins, figures)


def _parsed_speaker(ctx: Context, s: Sentence, m: Mention, fr: Frame, attribute, previous):
    """(speaker, span, rule id) from the parse: the subject of a verb of saying or counting above the figure
    (or who its pronoun stands for), a document's author, a counter as the subject of a toll or a crowd."""
    counted = attribute in ctx.lex.counted_attributes or ctx.lex.dynamics.get(attribute or "") == "running"
    # « La SNCF prévoit un TGV sur deux », « le syndicat prévoit 45 % de grévistes »: a share is forecast by
    # whoever « prévoit » it, where « Fabrex prévoit 300 embauches » plans its own acts
    forecast = counted or (attribute or "").startswith("share:")
    tok, rule = speaker_token(fr, ctx.lex.say_verbs, ctx.lex.count_verbs, ctx.lex.ambiguous_count_verbs,
                              lambda t: forecast or counter_class(phrase(t), ctx.lex) is not None,
                              demand=ctx.lex.demand_verbs)
    if tok is not None and rule == "parse:speech-verb" and \
            (lemma_of(tok.head) in ctx.lex.demand_verbs or verb_form(tok.head, ctx.lex.demand_verbs)):
        rule = "parse:demand-verb"  # the demander is also what the figure is about
    if tok is not None and tok.pos_ == "PRON":
        # « Aquitane Chimie, qui revendique 4 500 salariés », « Elle recense 62 postes vacants »: who the
        # pronoun stands for speaks
        who = _pronoun_referent(ctx, s, tok, previous)
        if who:
            return who, (_pos(s, tok), _pos(s, tok) + len(tok.text)), rule + "+antecedent"
        tok = None
    if tok is not None:
        found = _subject_speaker(ctx, s, tok, rule)
        if found:
            return found
    author = _document_author(ctx, s, m, fr)
    if author is not None:
        return author
    if counted:
        # « À Lyon, la préfecture est passée de 14 500 à 9 800 manifestants »: a counter as the subject
        # of a crowd or a toll, whatever the verb, gives its own count
        for p in fr.predicates:
            subj = next((c for c in p.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
            x = span_at(ctx, _pos(s, subj)) if subj is not None else None
            if x is not None and counter_class(x.name, ctx.lex):
                return x.name, (x.start, x.end), "parse:counter-subject"
    return None


def _subject_speaker(ctx: Context, s: Sentence, tok, rule: str):
    """(speaker, span of the verb's subjects, rule id) for the subject `tok` of a verb of saying or counting."""
    # "Le préfet des Landes, Jean Dupont, a annoncé": every subject of the verb speaks
    sub = sorted((t for c in tok.head.children if c.dep_ in ("nsubj", "nsubj:pass") or c.i == tok.i
                  for t in c.subtree), key=lambda t: t.i)
    whole = (_pos(s, sub[0]), _pos(s, sub[-1]) + len(sub[-1].text))
    x = span_at(ctx, _pos(s, tok))
    if x is not None:
        return x.name, whole, rule
    named = [y for t in sub if (t.dep_ in ("nsubj", "nsubj:pass") or t.head.i == tok.i and t.dep_ in
                                ("appos", "flat:name", "conj"))  # the speaker's own name, not « la mort de X »
             and (y := span_at(ctx, _pos(s, t))) is not None and y.type == "PER"]
    if named:
        return named[0].name, whole, rule
    own = [y for t in tok.subtree if t.dep_ in ("flat:name", "appos", "nmod", "nsubj") and
           (y := span_at(ctx, _pos(s, t))) is not None and y.type in _NAMED and _pos(s, t) > _pos(s, tok)]
    if own and own[0].start - _pos(s, tok) <= len(tok.text) + 1:
        return own[0].name, whole, rule  # « l'entreprise Vialis réclame »: the name the noun introduces
    by = _author(ctx, s, tok) if fold(tok.lemma_ or tok.text) in ctx.lex.documents else None
    if by:  # « le rapport de la Cour des comptes évalue … »: the document's author
        return by[0], whole, rule + "+document"
    words = phrase(tok)
    if words and tok.pos_ in ("NOUN", "PROPN") and not any(h.fullmatch(fold(tok.text)) for h, _ in ctx.lex.heads):
        return words, whole, rule  # « le bilan fait état de deux morts »: a head noun counts nothing
    return None


def _window_speaker(ctx: Context, s: Sentence, m: Mention, cue_origins, figures):
    """(speaker, span, rule id) from the words around the figure when the parse named nobody: the nearest
    « selon X », the speaker of the quotation it is in, an inverted speech clause after it, an incise."""
    reachable = [f for f in cue_origins if not figure_between(m, f[0], figures)]
    text = ctx.source.text
    # « …, et selon les organisateurs, 11 000 ont suivi »: a « selon X, » before another figure opens its clause
    after = [f for f in reachable if f[0] >= m.end and not (
        f[2] and text[f[2][1]:s.end].lstrip().startswith(",") and any(g.start >= f[2][1] for g in figures))]
    before = [f for f in reachable if f[0] < m.start]
    if after or before:  # the nearest « selon » after the figure, else the one before it
        found = after[0] if after else before[-1]
        return found[1], found[2], "window:selon"
    quoted = next((q for q in quotes(ctx) if q[0] <= m.start and m.end <= q[1]), None)
    if quoted:  # « Ce sont plus de 700 emplois qui sont menacés », affirme Sébastien Moreau
        return quoted[2], quoted[3], "window:quote"
    misread = _misread_verb_speaker(ctx, s, m)
    if misread:  # « l'entreprise chiffre ses surcoûts à 31 millions », the verb tagged a noun
        return misread[0], misread[1], "window:verb-read-as-noun"
    inverted = inverted_speaker(ctx, s, m.end)
    if inverted:  # « Deux salariés restent disparus, a précisé la préfète », « …, promet la Métropole »
        return inverted[0], inverted[1], "parse:inverted-speech"
    incises = [f for f in cue_origins if _incise(ctx.source.text, s, f)]
    if len({f[1] for f in incises}) == 1:
        # « Le bilan s'est alourdi à cinq morts, a annoncé la préfecture, tandis que 19 blessés ont été
        # recensés »: a speech clause set off by commas speaks for the whole sentence
        return incises[0][1], incises[0][2], "window:incise"
    return None, None, None


_FIRST_GROUP = ("e", "ent", "ait", "aient", "a", "era", "eront", "erait", "eraient")


def conjugates(word: str, verbs, endings=_FIRST_GROUP) -> bool:
    """True when the folded `word` is a form of one of the « -er » `verbs` with one of `endings` (« dénombre »
    of « dénombrer »); verbs of other groups and locutions are never matched."""
    stems = {fold(v)[:-2] for v in verbs if v.endswith("er") and " " not in v}
    return any(word == stem + end for stem in stems for end in endings)


def _misread_verb_speaker(ctx: Context, s: Sentence, m: Mention):
    """(speaker, span) when the tagger took a verb of counting or saying for a noun or an adjective right
    after its subject, in the figure's clause (« l'entreprise chiffre ses surcoûts à 31 millions », « la
    Métropole table sur 62 000 voyageurs »): a window fallback, for the parse gave no verb. Only the
    conjugated forms of « -er » verbs are read (« chiffre », « table », « estiment »), never a bare stem."""
    text = ctx.source.text
    lo, _ = clause_bounds(text, s.start, s.end, m.start)
    verbs = ctx.lex.count_verbs | ctx.lex.say_verbs
    for t in s.tokens:
        if not lo <= _pos(s, t) < m.start or t.pos_ not in ("NOUN", "ADJ") or t.i == s.tokens[0].i:
            continue
        word = fold(t.text)
        subj = t.doc[t.i - 1]
        clitic = fold(subj.text) == "en" and t.i - 2 >= s.tokens[0].i
        if clitic:  # « la mairie en dénombre 27 »: « en » stands for what is counted
            subj = t.doc[t.i - 2]
        # a verb that counts or has (frames.toml [counting] ambiguous: « compter ») counts after « en »
        has = clitic and conjugates(word, ctx.lex.ambiguous_count_verbs)
        if not has and not conjugates(word, verbs):
            continue
        x = span_at(ctx, _pos(s, subj))
        if subj.pos_ not in ("NOUN", "PROPN") or x is None and not any(c.dep_ == "det" for c in subj.children):
            continue  # a subject has an article or is a name: « l'entreprise », « la Métropole », « Vialis »
        if has and (x is None or counter_class(x.name, ctx.lex) is None):
            continue  # « le groupe en compte 100 000 » has them; « la FDSEA en compte 20 », a counter, counts them
        if x is not None:
            return x.name, (x.start, x.end)
        return subj.text, (_pos(s, subj), _pos(s, subj) + len(subj.text))  # the noun alone: the parse is wrong
    return None


def inverted_speaker(ctx: Context, s: Sentence, end: int):
    """(speaker, span) of a speech clause set after a comma with its subject after the verb (« …, a précisé
    la préfète », « …, promet la Métropole », « …, a calculé Pierre-Yves Rambert »): it speaks for the
    figures and events that end before it (at `end` or earlier). The parser often takes the inverted
    subject for an object; a verb with a subject of its own before it is no such clause."""
    verbs = ctx.lex.quote_verbs | ctx.lex.count_verbs | ctx.lex.demand_verbs
    for v in s.tokens:
        at = _pos(s, v)
        if v.pos_ not in ("VERB", "AUX") or at < end or lemma_of(v) not in verbs and not verb_form(v, verbs):
            continue
        form = v.morph.get("VerbForm")
        if "Fin" not in form and not ("Part" in form and any(c.dep_.startswith("aux") for c in v.children)):
            continue  # « …, promettant des reclassements »: a participle or a gerund is no speech clause
        k = v.i - 1
        while k >= s.tokens[0].i and (v.doc[k].dep_.startswith("aux") and v.doc[k].head.i == v.i or
                                      v.doc[k].text.startswith("-") and fold(v.doc[k].text) in _CLITICS):
            k -= 1  # « , a précisé », « , a-t-il lancé »
        if k < s.tokens[0].i or v.doc[k].text != ",":
            continue
        if re.search(r"[.!?…]\s", ctx.source.text[end:_pos(s, v.doc[k])]):
            continue  # « … fixé au 12 février. « Le gouvernement … », prévient X »: X speaks for the quotation only
        clitic = next((c for c in v.children if c.i <= v.i + 2 and fold(c.text) in _PERSON_PRONOUNS
                       and c.text.startswith("-")), None)
        if clitic is not None:  # « …, a-t-il lancé », « …, estime-t-elle »: who the pronoun stands for speaks
            return clitic.text.lstrip("-"), (_pos(s, clitic), _pos(s, clitic) + len(clitic.text))
        on = next((c for c in v.doc[v.i + 1:v.i + 3] if fold(c.text) == "-on"), None)
        if on is not None:  # « …, insiste-t-on à la CGT »: the people of the name after it speak
            named = _impersonal_speaker(ctx, s, _pos(s, on) + len(on.text))
            if named is not None:
                return named
            continue
        if any(c.dep_ in ("nsubj", "nsubj:pass") and c.i < v.i and
               not (c.i < k and "»" in v.doc[c.i:k].text) for c in v.children):
            continue  # « …, la préfecture a précisé que … »: an ordinary clause (a subject the parser found
            # inside the quotation before the comma is none: « « … c'est peu », a estimé X »)
        who = next((c for c in v.children if c.dep_ in ("nsubj", "obj") and c.i > v.i
                    and c.pos_ in ("NOUN", "PROPN")), None)
        if who is None or any(h.fullmatch(fold(who.text)) for h, _ in ctx.lex.heads):
            continue
        x = span_at(ctx, _pos(s, who))
        if x is None:  # « la préfète des Landes »: the office of a place speaks, never the place
            x = _first_span(ctx, s, who.subtree, lambda y: y.type != "LOC")
        name = x.name if x is not None else phrase(who)
        if name:
            return name, (_pos(s, who), _pos(s, who) + len(who.text))
    return None


def _impersonal_speaker(ctx: Context, s: Sentence, at: int) -> tuple[str, tuple[int, int]] | None:
    """(name, span) of who follows an impersonal « on » and a word of belonging (cues.toml [attribution]
    impersonal: « à la CGT », « chez Renault », « dans l'entourage du préfet »): a name, else the noun phrase
    of a role; None otherwise."""
    if ctx.lex.impersonal_speakers is None:
        return None
    rest = fold(ctx.source.text[at:s.end])
    hit = ctx.lex.impersonal_speakers.match(rest.lstrip())
    if hit is None:
        return None
    start = at + len(rest) - len(rest.lstrip()) + hit.end()
    x = next((x for x in ctx.spans if start <= x.start <= start + 6 and x.start < s.end and x.type != "OUTLET"),
             None)
    if x is not None:
        return x.name, (x.start, x.end)
    tok = next((t for t in s.tokens if start <= _pos(s, t) <= start + 6 and t.pos_ in ("NOUN", "PROPN")), None)
    return (phrase(tok), (_pos(s, tok), _pos(s, tok) + len(tok.text))) if tok is not None else None


_PERSON_PRONOUNS = frozenset({"il", "elle", "lui", "-il", "-elle"})
_BARE_PRONOUNS = _PERSON_PRONOUNS | PERSONAL_PRONOUNS | {"eux", "on", "-on"}
_CLITICS = frozenset({"-t", "-il", "-elle", "-on", "-ils", "-elles"})
_LEAD_ARTICLE = re.compile(r"^(?:l'|(?:le|la|cette|cet|ce)\s+)")
_FEMININE = (("rice", "eur"), ("euse", "eur"), ("onne", "on"), ("enne", "en"), ("ette", "et"), ("e", ""))


@lru_cache(maxsize=None)
def _masculines(words: frozenset) -> frozenset:
    """The masculine forms of a lexicon's role or title nouns, computed once per list."""
    return frozenset(_masculine(w) for w in words)


def _masculine(word: str) -> str:
    """A role noun's masculine singular, folded (« conseillère » -> « conseiller », « directrice » ->
    « directeur »), so that a role is recognised whatever the gender it is written in."""
    w = fold(word)
    if w.endswith("ee"):  # « déléguée » -> « délégué »
        w = w[:-1]
    for end, masc in _FEMININE:
        if w.endswith(end) and len(w) > len(end) + 2:
            return w[:-len(end)] + masc
    return w


def bare_pronoun(name: str) -> bool:
    """True for a speaker that is only a personal pronoun (« il », « -elle », « lui »)."""
    return fold(name).strip() in _BARE_PRONOUNS


def speaker_referent(ctx: Context, s: Sentence, name: str, span, previous) -> tuple[str, str] | None:
    """(person, rule id) that a speaker described only by a pronoun or a role stands for, or None.

    « Pour Karim Benali, délégué CGT, … Selon le syndicaliste, … », « …, a estimé la conseillère
    départementale », « …, a-t-il lancé », « Selon elle, … »: the last person the article introduced with
    that role (« Samia Benali, conseillère départementale »), else the one person named in this sentence or
    the one before, unless that person was introduced with another role. A plural (« les magistrats »), or
    a role that fits nobody, stays in words."""
    if span is None or any(x.start < span[1] and span[0] < x.end for x in ctx.spans):
        return None  # a name, or a description the gazetteer resolves
    words = _LEAD_ARTICLE.sub("", fold(name).replace("’", "'")).split()
    if not words:
        return None
    head, role = words[0], None
    if head not in _PERSON_PRONOUNS:
        role = _masculine(head)
        if head.endswith(("s", "x")) and head not in ctx.lex.roles or role not in _masculines(ctx.lex.roles):
            return None
    text = ctx.source.text
    people = [x for x in ctx.spans if x.type == "PER" and x.end <= span[0]]
    if role is not None:  # the role as written first (« la présidente » is the woman introduced as such, not
        # the company's « président » named since), then in either gender
        for same in (lambda w: fold(w) == head, lambda w: _masculine(w) == role):
            for x in reversed(people):
                if any(same(w) for w in _introduced_with(text, x)):
                    return x.name, "referent:role"
    lo = previous[-1].start if previous else s.start
    near = {x.name for x in people if x.start >= lo and not (role and _other_role(text, x, role, ctx.lex.titles))}
    return (near.pop(), "referent:last-person") if len(near) == 1 else None


def _introduced_with(text: str, x) -> list[str]:
    """The words around a person's name in its own sentence, where a text gives their role."""
    lo = max(text.rfind(".", 0, x.start) + 1, text.rfind("\n", 0, x.start) + 1, x.start - 80, 0)
    ends = [e for e in (text.find(".", x.end), text.find("\n", x.end)) if e >= 0]
    hi = min(ends + [x.end + 80])
    return re.findall(r"[^\W\d][\w-]*", text[lo:x.start] + " " + text[x.end:hi])


def _other_role(text: str, x, role: str, titles) -> bool:
    """True when the person was introduced with an office other than `role` (« Le maire, Jean Dupont » is
    no « préfet »); looser roles (« délégué », « syndicaliste ») may name one person."""
    offices = _masculines(titles)
    return any(w != role and w in offices for w in map(_masculine, _introduced_with(text, x)))


def _document_author(ctx: Context, s: Sentence, m: Mention, fr: Frame):
    """(author, span, rule id) of a figure given by a document (frames.toml [speech] documents): the subject
    of the figure's verb (« le sondage publié par l'institut Opalis le créditait de 42 % »), or the head noun
    of a clause that a colon opens onto the figure (« le bilan arrêté par la préfecture est lourd : six morts »).
    None when the document names no author."""
    docs = ctx.lex.documents
    if not docs:
        return None
    nouns = [c for p in fr.predicates for c in p.children if c.dep_ in ("nsubj", "nsubj:pass") and c.pos_ == "NOUN"]
    # where the tagger took the verb for a noun, the document governs the figure itself (« Une étude de
    # l'Insee chiffre à 12 000… ») or through its participle (« Le sondage réalisé par X le crédite de 38 % »)
    nouns += [p for p in fr.predicates if p.pos_ == "NOUN"] + \
        [p.head for p in fr.predicates if p.dep_ in ("acl", "amod") and p.head.pos_ == "NOUN"]
    # « un sondage qui crédite la maire de 41 % »: the document a relative « qui » stands for
    nouns += [a for p in fr.predicates if (a := antecedent(p)) is not None and a.pos_ == "NOUN"]
    rule = "parse:document-subject"
    if not any(fold(n.lemma_ or n.text) in docs for n in nouns):
        colon = ctx.source.text.rfind(":", s.start, m.start)
        if colon < 0 or ctx.source.text.find(".", colon, m.start) >= 0:
            return None
        # « le bilan arrêté par la préfecture est lourd : », « la direction a présenté une estimation du coût : »
        nouns = [t for t in s.tokens if _pos(s, t) < colon and t.pos_ == "NOUN" and t.dep_ in ("nsubj", "nsubj:pass", "obj")]
        rule = "parse:document-colon"
    for noun in nouns:
        if fold(noun.lemma_ or noun.text) in docs:
            who = _author(ctx, s, noun)
            if who:
                return who[0], who[1], rule
    return None


def _author(ctx: Context, s: Sentence, noun):
    """(author, span) of a document noun: the agent of the participle that qualifies it (« publié par
    l'institut Opalis », « arrêté vendredi par la préfecture », wherever the parser hung « par »), else its
    « de » complement when that names someone (« le rapport de la Cour des comptes »), else the subject of
    the verb it is the object of (« la direction a présenté une estimation », « l'institut a dévoilé un
    sondage »)."""
    if any(c.dep_ in ("acl", "amod") and c.pos_ in ("VERB", "ADJ") for c in noun.children):
        for a in noun.subtree:
            by = a.dep_ == "obl:agent" or any(x.dep_ == "case" and fold(x.text) == "par" for x in a.children)
            if by and (span_at(ctx, _pos(s, a)) is not None or any(x.dep_ == "det" for x in a.children)):
                who = _named_in(ctx, s, a)  # not « réalisé par téléphone »: an author has an article or a name
                if who:
                    return who, (_pos(s, a), _pos(s, a) + len(a.text))
    for c in noun.children:
        if c.dep_ == "nmod" and introduced_by_de(c):
            # the complement's own name (« de la Cour des comptes »), not one deeper in it (« sur la mort de X »)
            x = _first_span(ctx, s, [c] + [g for g in c.children if g.dep_ in ("flat:name", "appos")],
                            lambda y: y.type in _NAMED)
            if x is not None:
                return x.name, (x.start, x.end)
    if noun.dep_ == "obj" and noun.head.pos_ == "VERB":
        subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
            who = _named_in(ctx, s, subj)
            if who:
                return who, (_pos(s, subj), _pos(s, subj) + len(subj.text))
    return None


def _named_in(ctx: Context, s: Sentence, tok) -> str | None:
    """The entity a noun phrase names (« l'institut Opalis » -> Opalis), else its words when it is a common
    noun (« les services de renseignement »)."""
    x = span_at(ctx, _pos(s, tok))
    if x is not None:  # an author is one whatever the NER took it for (« par la Métropole », tagged a place)
        return x.name
    x = _first_span(ctx, s, tok.subtree)
    if x is not None and x.type != "LOC":
        return x.name
    # « l'institut Opalis » (Opalis tagged a place), « les services de renseignement »: the words themselves
    return (phrase(tok) or None) if tok.pos_ in ("NOUN", "PROPN") else None


_QUOTE = re.compile(r"«([^«»]{3,1500})»")
_AFTER_QUOTE = re.compile(r"\s*,\s*(?:a |ont |avait |avaient |aurait )?([^\W\d][\w'’-]+)\s+")


def quotes(ctx: Context) -> list[tuple[int, int, str, tuple[int, int]]]:
    """The article's quotations that a verb of saying right after them gives a speaker
    (« … », affirme Sébastien Moreau / « … », a prévenu Gérard Vasseur): (start, end, speaker, its span)."""
    if ctx.quotes is not None:
        return ctx.quotes
    text, out = ctx.source.text, []
    for q in _QUOTE.finditer(text):
        verb = _AFTER_QUOTE.match(text, q.end())
        if verb is None or not _says(verb.group(1), ctx.lex.quote_verbs):
            continue
        who = next((x for x in ctx.spans if verb.end() <= x.start <= verb.end() + 40 and x.type in ("PER", "ORG", "UNION",
                                                                                                   "AUTHORITY")), None)
        if who is not None and not re.search(r"[.!?]", text[verb.end():who.start]):
            out.append((q.start(1), q.end(1), who.name, (who.start, who.end)))
    ctx.quotes = out
    return out


def _says(word: str, verbs: frozenset) -> bool:
    """A conjugated verb of saying (« affirme », « insiste », « prévenu », « reconnaît »)."""
    w = fold(word)
    for v in verbs:
        stem = verb_stem(v)
        stem = stem[:-1] if len(stem) >= 6 else stem  # « poursuivre » -> « poursui(t) »
        if len(stem) >= 3 and w.startswith(stem) and len(w) - len(stem) <= 4:
            return True
    return False


def _incise(text: str, s: Sentence, cue) -> bool:
    """True when an attribution cue opens a clause set off by a comma that ends at a comma or the
    sentence's end (« …, a annoncé la préfecture, … », « …, selon la CGT. »)."""
    pos, _, span = cue
    if not text[s.start:pos].rstrip().endswith(","):
        return False
    end = span[1] if span else pos
    rest = text[end:s.end].lstrip()
    return not rest or rest[0] in ",.;"


# ---------------------------------------------------------------- subject

def subject(ctx: Context, s: Sentence, fr: Frame | None, speaker_span):
    """(entity name, subject origin, rule id) from the parse, or None to fall back."""
    if fr is None:
        return None
    tok, rule = subject_token(fr)
    if tok is None:
        return None
    pos = _pos(s, tok)
    if speaker_span and speaker_span[0] <= pos < speaker_span[1]:
        return None
    lo, hi = clause_bounds(ctx.source.text, s.start, s.end, _pos(s, fr.head), weak=False)
    if not lo <= pos < hi and rule != "parse:relative-clause":
        return None  # the parser reached across a parenthesis or a dash: not this clause's subject
    x = span_at(ctx, pos)
    if x is not None and x.type not in ("OUTLET",):
        if counter_class(x.name, ctx.lex) and rule == "parse:nsubj":
            return None  # "la préfecture recense…": a counter, not what is counted
        return x.name, "clause" if x.how in ("name", "numbered") else "description", rule
    # a proper noun inside the subject phrase ("l'usine Fabrex de Vierzon"), or a numbered name (« le
    # prolongement de la ligne 14, qui a coûté 3,5 milliards »)
    for t in tok.subtree:
        y = span_at(ctx, _pos(s, t))
        if y is not None and (y.type in ("ORG", "PER") or y.how == "numbered") and \
                t.dep_ in ("nmod", "flat:name", "appos"):
            return y.name, "clause", rule + "-complement"
    return None


_NAMED = ("ORG", "PER", "MISC", "UNION", "AUTHORITY")


def _first_span(ctx: Context, s: Sentence, toks, ok=lambda y: True) -> EntitySpan | None:
    """The entity span of the first of `toks` (tokens of sentence `s`) that lies in one `ok` accepts."""
    return next((y for t in toks if (y := span_at(ctx, _pos(s, t))) is not None and ok(y)), None)


def _pronoun_referent(ctx: Context, s: Sentence, pron, previous) -> str | None:
    """Who a subject pronoun stands for: for a relative « qui », the name it follows (« le groupe
    Aquitane Chimie, qui revendique … »); for « il », « elle », the subject of the sentence before, when
    its gender agrees (« La direction de l'hôpital … Elle recense … »: a description is kept in words).
    None when it stands for nothing named or described."""
    word = fold(pron.text)
    if word == "qui":
        ante = antecedent(pron.head)
        if ante is None:
            return None
        up, t = [], ante  # « Bernard Oustric, président de la fédération du BTP, qui évoque … »: the person
        while t.dep_ in ("nmod", "appos") and t.head.i != t.i and t.head.pos_ in ("NOUN", "PROPN") and len(up) < 4:
            t = t.head  # the noun phrases « qui » follows hang on, up to the person they describe
            up.append(t)
        x = _first_span(ctx, s, up, lambda y: y.type == "PER") or \
            _first_span(ctx, s, [ante, *ante.subtree], lambda y: y.type in _NAMED)
        return x.name if x is not None else None
    if word in PERSONAL_PRONOUNS and pron.head.dep_ != "ROOT":
        # « Thierry Labadie juge le montant très en deçà des pertes, qu'il estime entre 6 et 8 euros »: in a
        # clause under the sentence's own, the pronoun takes up that sentence's subject named before it
        x = _previous_subject(ctx, s, pron)
        if x is not None and x.end <= _pos(s, pron):
            return x.name
    if word in PERSONAL_PRONOUNS and previous:
        x = _previous_subject(ctx, previous[-1], pron)
        if x is not None:
            return x.name
        subj = _root_subject(previous[-1])
        if subj is not None and subj.pos_ == "NOUN" and _agrees(pron, subj) and \
                not any(h.fullmatch(fold(subj.text)) for h, _ in ctx.lex.heads):
            return phrase(subj) or None
    return None


def _root_subject(prev: Sentence):
    root = next((t for t in prev.tokens if t.dep_ == "ROOT"), None)
    return next((c for c in root.children if c.dep_ in ("nsubj", "nsubj:pass")), None) if root is not None else None


def _agrees(pron, noun) -> bool:
    want, got = set(pron.morph.get("Gender")), set(noun.morph.get("Gender"))
    return not (want and got and not want & got)


def _previous_subject(ctx: Context, prev: Sentence, pron, types=_NAMED) -> EntitySpan | None:
    """The named subject of sentence `prev` (an entity of `types`) that « il » or « elle » (`pron`) takes
    up: same gender, when both say one."""
    subj = _root_subject(prev)
    if subj is None or not _agrees(pron, subj):
        return None  # « elle » does not take up « le groupe »
    return _first_span(ctx, prev, subj.subtree, lambda y: y.type in types)  # « le groupe Tessaro »


def pronoun_subject(ctx: Context, s: Sentence, fr: Frame | None, previous: list[Sentence]):
    """(entity name, subject origin, rule id) when the figure's subject is « il » or « elle » and the
    previous sentence's subject is an entity of the same gender (« Fondé en 1957 par Henri Tessandier,
    le groupe a … Il emploie 9 800 salariés »: the group, not its founder), else None."""
    if fr is None or not previous:
        return None
    pron = next((c for p in fr.predicates for c in p.children
                 if c.dep_ in ("nsubj", "nsubj:pass") and c.pos_ == "PRON" and fold(c.text) in PERSONAL_PRONOUNS), None)
    if pron is None:
        return None
    x = _previous_subject(ctx, previous[-1], pron, types=("ORG", "PER", "MISC", "UNION"))  # a counter is no subject
    return (x.name, "pronoun", "parse:pronoun-antecedent") if x is not None else None


# ---------------------------------------------------------------- scope

_FRONTED = re.compile(r"^\W*(?:à|a|en|dans|au|aux|sur)\s+(?:l'|la |le |les )?$", re.I)
# « Le site, qui compte » / « Cette usine, où travaillent »: a sentence that opens on a unit and a relative clause
_RELATIVE_UNIT = re.compile(r"^\W*(?:le |la |l'|cette |cet |ce )(\w+)(?: [\w'-]+){0,3} ?, (?:qui|ou) [^,;]*$")
_HEADING = re.compile(r"^\s*[-•*–]?\s*([^\W\d][\w'’ -]{1,40}?)\s*(?:\([^()\n]{1,40}\)\s*)?:\s")


def scope(ctx: Context, s: Sentence, m: Mention, fr: Frame | None) -> tuple[dict, list[str]]:
    """({place, unit, population, part}, rule ids) of a figure."""
    out: dict[str, str] = {}
    rules: list[str] = []
    lex = ctx.lex
    part = re.search(r"\bdont\s*$", fold(ctx.source.text[max(s.start, m.start - 8):m.start])) is not None
    if fr is not None:
        for t in place_tokens(fr, lex.place_prepositions):
            if any(c.dep_ == "cc" or c.dep_ == "conj" and c.pos_ == "PROPN" for c in t.children):
                continue  # "à Lyon, Nantes et Lille" enumerates the items counted; « …, ou à Laval » is the
                # second item of a list the parser hung here
            if part and _pos(s, t) < m.start:
                continue  # « 1 500 personnes dans le département, dont 900 … »: the whole's place, not the part's
            name = place_of(ctx, s, t)
            if name:
                out.setdefault("place", name)
                rules.append("parse:place")
                break
        where = None if "place" in out else _where_place(ctx, s, m)
        if where:  # « à Andrézieux-Bouthéon, dans la Loire, où travaillent 640 personnes »: unless the
            out["place"] = where  # relative clause names its own place (« où une rafale … à la pointe du Raz »)
            rules.append("parse:relative-where")
        for t in ([fr.noun] if fr.noun is not None else []) + list(fr.chain):
            for c in t.children:
                if c.dep_ == "amod" and fold(c.lemma_ or c.text) in lex.demonyms and "place" not in out:
                    out["place"] = lex.demonyms[fold(c.lemma_ or c.text)]
                    rules.append("parse:demonym")
            if t.lemma_ == "niveau":
                for c in t.children:
                    if fold(c.lemma_) in lex.place_levels and "place" not in out:
                        out["place"] = lex.place_levels[fold(c.lemma_)]
                        rules.append("parse:level")
        measured = _measured_noun(ctx, s, m, fr)
        unit = None if measured else _unit(ctx, s, fr, m)
        if measured:
            out["unit"] = measured  # « une boucle de 75 kilomètres »: the length of the loop
            rules.append("parse:measured-noun")
        elif unit:
            out["unit"] = unit
            rules.append("parse:unit")
        if fr.noun is not None and fr.noun.lemma_ in lex.population_nouns:
            out["population"] = fr.noun.lemma_
            rules.append("parse:population")
    if "unit" not in out:
        lead = _RELATIVE_UNIT.match(fold(ctx.source.text[s.start:m.start]))
        if lead and lead.group(1) in lex.unit_words:
            out["unit"] = lead.group(1)  # « Le site, qui compte 194 salariés, … » when the parse is torn
            rules.append("window:relative-unit")
    if "place" not in out and not part:
        fronted = _fronted_place(ctx, s, m)
        if fronted:
            out["place"] = fronted
            rules.append("cue:fronted-place")
    if "place" not in out and not part:
        head = _heading_place(ctx, s, m)
        if head:
            out["place"] = head
            rules.append("cue:heading-place")
    if part and not out:
        out["part"] = "dont"  # "1,2 million de foyers, dont 780 000 …": a part, never its whole
        rules.append("cue:dont")
    return out, rules


_WHERE = re.compile(r"(?:^|[\s,])ou\s+(?:\w+\s+){0,3}$")
_IN_DEPT = re.compile(r",\s*(?:dans|en)\s+(?:le |la |les |l'|l’)?$")


def _where_place(ctx: Context, s: Sentence, m: Mention) -> str | None:
    """The place a relative « où » before the figure is about (« Andrézieux-Bouthéon, dans la Loire, où
    travaillent 640 personnes »): the last place named before « où », or the one before it when the
    last only locates it (« , dans la Loire, »). None when a unit noun sits between (the unit's business)."""
    text = ctx.source.text
    lead = fold(text[max(s.start, m.start - 40):m.start])
    hit = _WHERE.search(lead)
    if hit is None:
        return None
    at = m.start - len(lead) + hit.start()
    places = [x for x in ctx.spans if x.type == "LOC" and s.start <= x.start and x.end <= at and at - x.end < 80]
    if not places:
        return None
    last = places[-1]
    if len(places) > 1 and _IN_DEPT.search(fold(text[max(s.start, last.start - 14):last.start])):
        last = places[-2]
    if any(fold(w) in ctx.lex.unit_words for w in re.findall(r"\w+", text[last.end:at] + " " +
                                                             text[max(s.start, last.start - 12):last.start])):
        return None  # « son usine d'Audincourt, …, où »: the unit's business, not a place's
    return last.name


_LIST_AFTER = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:,|et|ou)\s+(?:à |a |au |en )?[A-ZÉÈÎÔ]")


_LIST_BEFORE = re.compile(r"[A-ZÉÈÎÔ][\w'’-]*(?:\s*\([^()]{1,40}\))?\s*(?:,|\bet|\bou)\s+(?:à |a |au |en )?$")


def enumerated(ctx: Context, s: Sentence, name: str) -> bool:
    """True when the place `name` heads a list of places in the sentence (« trois hypermarchés, à
    Clermont-Ferrand Nord, Woippy et Bar-le-Duc »): the places are the items counted, none of them
    is where the whole figure holds."""
    text = ctx.source.text
    return any(x.name == name and s.start <= x.start < s.end and x.type == "LOC" and
               (_LIST_AFTER.match(text, x.end, s.end) or _LIST_BEFORE.search(text[max(s.start, x.start - 60):x.start]))
               for x in ctx.spans)


_QUANTIFIERS = {"douzaine", "dizaine", "vingtaine", "trentaine", "quarantaine", "cinquantaine", "centaine",
               "millier", "plusieurs", "nombre", "série"}


def located(ctx: Context, x) -> str | None:
    """The place that a place written in parentheses right after it only locates (« Laval (Mayenne) »,
    « Audincourt (Doubs) »): where the fact holds is the first; None when `x` locates nothing."""
    text = ctx.source.text
    if not re.match(r"\s*\)", text[x.end:x.end + 3]) or not re.search(r"\(\s*$", text[max(0, x.start - 3):x.start]):
        return None
    opening = text.rfind("(", 0, x.start)
    before = [y for y in ctx.spans if y.type == "LOC" and y.end <= opening and opening - y.end <= 2]
    return before[-1].name if before else None


def place_of(ctx: Context, s: Sentence, tok) -> str | None:
    """The place an oblique names after a place preposition (« à Lyon », « dans le Gard »), else None."""
    case = [x for x in tok.children if x.dep_ == "case"]
    if not case or fold(case[0].text) not in ctx.lex.place_prepositions or tok.head.lemma_ in ctx.lex.place_not_after:
        return None  # « relier A à B » is a link, « aller à Lyon » a destination: no place where the fact holds
    name = _place_name(ctx, s, tok)
    return name if name and not enumerated(ctx, s, name) else None


def _place_name(ctx: Context, s: Sentence, tok) -> str | None:
    """A place's name, only for a span the NER marks as a place that the gazetteer knows or that
    is a compound name (« pointe du Raz »): « l'État » is no place."""
    from ..normalize.places import gazetteer

    x = span_at(ctx, _pos(s, tok))
    where = located(ctx, x) if x is not None else None
    if where:
        return where  # « Laval (Mayenne) : 530 salariés » hold at Laval
    if x is not None:
        level = ctx.lex.place_levels.get(fold(x.text))
        if level:
            return level
        if x.type != "LOC":
            return None
        if _names_a_unit(ctx, x.text) and not gazetteer().lookup(x.text):
            return None  # « la ligne B », « la gare Centrale »: a unit named, not a place where a fact holds
        return x.name  # a place after a place preposition, known to the gazetteer or not (« à Sommières »)
    counted = tok.pos_ == "NOUN" and tok.lemma_ in _QUANTIFIERS
    if counted:  # « dans une douzaine de pays »: the countries
        tok = next((c for c in tok.children if c.dep_ == "nmod" and c.pos_ == "NOUN"), tok)
    if tok.pos_ == "NOUN" or tok.pos_ == "PROPN" and fold(tok.text) in ctx.lex.place_levels:
        lemma = fold(tok.lemma_ or tok.text) if tok.pos_ == "NOUN" else fold(tok.text)
        plural = counted or "Plur" in tok.morph.get("Number") or any(c.dep_ == "nummod" for c in tok.children)
        if plural and lemma in (ctx.lex.plural_levels or {}):
            return ctx.lex.plural_levels[lemma]
        return ctx.lex.place_levels.get(lemma)  # « dans l'Hexagone » is France
    if tok.ent_type_ == "LOC":
        return " ".join(t.text for t in [tok] + [c for c in tok.children if c.dep_ == "flat:name"])
    return None


def unit_name(noun: str, name: str) -> str:
    """« usine » + « Vierzon » -> « usine de Vierzon »; « usine » + « Audincourt » -> « usine d'Audincourt »."""
    return f"{noun} d'{name}" if fold(name[:1]) in "aeiouyh" else f"{noun} de {name}"


def _unit(ctx: Context, s: Sentence, fr: Frame, m: Mention | None = None) -> str | None:
    """ "l'usine de Vierzon", "le site de Caudry": a unit around the figure, with its place or name."""
    text = ctx.source.text
    dont = re.search(r"\bdont\b", fold(text[m.end:s.end])) if m is not None else None
    part_from = m.end + dont.start() if dont else None  # « 575 postes, dont 163 dans son usine d'Audincourt »
    cands = list(fr.chain) + list(fr.predicates)
    subj, _ = subject_token(fr)
    valued = m is not None and m.type == "money" and any(_counts(ctx, p) for p in fr.predicates)
    if subj is not None and not valued:  # (« la mairie chiffre le coût à 3 millions »: who values, no unit)
        cands.append(subj)
    for p in fr.predicates:
        if antecedent(p) is not None:
            cands.append(antecedent(p))
        cands.extend(c for c in p.children if c.dep_.startswith("obl"))
        where = next((c for c in p.children if fold(c.text) == "ou" and c.i < p.i and c.pos_ in ("ADV", "PRON")), None)
        if where is not None:  # « son usine d'Audincourt, dans le Doubs, où travaillent 860 salariés »:
            # the unit the relative « où » is about, the nearest before it (past a place set off by commas)
            cands.extend(t for t in reversed(list(p.doc[max(where.i - 12, p.sent.start):where.i]))
                         if t.pos_ == "NOUN" and t.lemma_ in ctx.lex.unit_nouns)
    if fr.noun is not None:  # « les 412 salariés du site »: the unit the counted noun belongs to
        cands.extend(c for c in fr.noun.children if c.dep_ == "nmod" and any(
            x.dep_ == "case" and fold(x.text) in ("de", "du", "d'", "des") for x in c.children))
    for t in cands:
        if t.pos_ != "NOUN" or t.lemma_ not in ctx.lex.unit_nouns:
            continue
        if part_from is not None and _pos(s, t) > part_from:
            continue  # the unit of a part named after « dont », not the whole's
        x = span_at(ctx, _pos(s, t))
        if x is not None and x.how == "numbered":
            continue  # « la ligne 15 Sud » is a name, not the unit « ligne de Sud »
        named = named_unit(ctx, s, t)
        if named:
            return named
        if t is subj or t.dep_.startswith("nsubj") or any(antecedent(p) is t for p in fr.predicates) or \
                t in fr.chain[1:] and fr.chain[fr.chain.index(t) - 1].dep_ == "nmod":
            # « le site, qui compte 194 salariés »: one site, not the whole company; « une ligne de 33
            # kilomètres », « un site de 400 salariés »: what it measures
            return _unit_referent(ctx, s, t) or t.lemma_
        if fr.noun is not None and t.head.i == fr.noun.i and t.dep_ == "nmod":
            referent = _unit_referent(ctx, s, t)  # « les 412 salariés du site »: only a unit the article named
            if referent:
                return referent
    return None


def named_unit(ctx: Context, s: Sentence, t) -> str | None:
    """« usine de Vierzon » for the token « usine » of « l'usine (Tessandier) de Vierzon »: a unit noun
    with the name of its place or its own name (a place after « de » first); None for a bare noun.
    « un site … dans la Sarthe » only places the site."""
    def named(c):  # a name (a capitalised noun too: « Tessandier » tagged NOUN), with no case but « de »
        return any(ch.isalpha() for ch in c.text) and c.dep_ in ("nmod", "flat:name", "appos", "amod") and \
            (c.pos_ == "PROPN" or c.pos_ == "NOUN" and c.text[:1].isupper()) and \
            not any(x.dep_ == "case" and fold(x.text) not in ("de", "du", "d'", "des") for x in c.children)
    names = [c for c in t.children if named(c)]
    if not names and t.head.i != t.i and "Sing" in t.morph.get("Number") and t.i + 1 < len(t.doc) and \
            t.nbor(1).pos_ == "PROPN":
        # « les 180 salariés de l'usine Buitoni de Caudry », the names hung on « salariés »
        names = [c for c in t.head.children if t.i < c.i <= t.i + 4 and named(c) and c.is_alpha]
    # « l'usine Tessandier de Vierzon »: the place may hang on the company's name
    names += [g for c in names for g in c.children if named(g) and g.pos_ == "PROPN"]
    names.sort(key=lambda c: not any(x.dep_ == "case" for x in c.children))
    if not names:
        return _unit_place_after(ctx, s, t)
    at = _pos(s, names[0])
    whole = span_at(ctx, at)  # « Clermont-Ferrand Nord »: the whole name the article gives
    name = whole.name if whole is not None and whole.start == at else \
        " ".join(w.text for w in [names[0]] + [c for c in names[0].children if c.dep_ == "flat:name"])
    if fold(name).startswith(fold(t.lemma_) + " "):
        return name  # the article's own name already says the unit (« usine de Vierzon »)
    if any(x.dep_ == "case" for x in names[0].children):
        return unit_name(t.lemma_, name)
    return f"{t.lemma_} {name}"  # « la ligne B », « l'usine Fabrex »: the name follows the noun


_UNIT_PLACE_AFTER = re.compile(r"\s+(?:[A-ZÉÈ][\w-]+\s+){0,2}(?:de |du |d'|d’)")


def _unit_place_after(ctx: Context, s: Sentence, t) -> str | None:
    """« l'usine Tessandier d'Audincourt » where the parser tore the phrase apart (it may end a sentence
    at the company's name): the place named right after the noun, past a name or two."""
    text = ctx.source.text
    at = _pos(s, t) + len(t.text)
    hit = _UNIT_PLACE_AFTER.match(text, at, min(s.end, at + 60))
    if hit is None:
        return None
    x = next((y for y in ctx.spans if y.start == hit.end()), None)
    return unit_name(t.lemma_, x.name) if x is not None and x.type == "LOC" else None


def _unit_referent(ctx: Context, s: Sentence, t) -> str | None:
    """The named unit a bare « l'usine », « le site » stands for: the one the article named last
    before it with the same noun, or with any noun for a general one (frames.toml [unit] general:
    « l'usine Tessandier de Vierzon … les 412 salariés du site »). A plural or an indefinite (« les
    usines du groupe », « un site ») names no one unit."""
    det = next((c for c in t.children if c.dep_ == "det" or c.dep_ == "case" and fold(c.text) in ("du", "au")), None)
    if det is None or "Sing" not in t.morph.get("Number") or "Def" not in det.morph.get("Definite"):
        return None  # (« du site »: the article is in the preposition)
    at = _pos(s, t)
    general = t.lemma_ in ctx.lex.general_units
    before = [name for pos, name in ctx.named_units if pos < at and (general or name.split()[0] == t.lemma_)]
    return before[-1] if before else None


def _measured_noun(ctx: Context, s: Sentence, m: Mention, fr: Frame) -> str | None:
    """The noun a size complements (« une boucle de 75 kilomètres », « une parcelle de 12
    hectares »): what is measured. Only sizes (attributes.toml [measures] sizes): a speed
    complements what it describes (« une rafale de 207 km/h »)."""
    lex = ctx.lex
    if not m.unit or not (fold(m.unit) in lex.sizes or singular(m.unit) in lex.sizes) or len(fr.chain) < 2:
        return None
    noun = fr.chain[1]
    if fr.chain[0].dep_ != "nmod" or noun.pos_ != "NOUN" or noun.like_num or fold(noun.lemma_) in lex.measures \
            or span_at(ctx, _pos(s, noun)) is not None:
        return None
    if not any(c.dep_ == "case" and fold(c.text) in ("de", "d'") for c in fr.chain[0].children):
        return None
    return fold(noun.lemma_)


def _fronted_place(ctx: Context, s: Sentence, m: Mention) -> str | None:
    for x in ctx.spans:
        if x.type == "LOC" and s.start <= x.start < m.start and x.start - s.start < 30 and \
                _FRONTED.match(ctx.source.text[s.start:x.start]) and \
                re.match(r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:même|seul|seule|uniquement|notamment)?\s*,",
                         ctx.source.text[x.end:x.end + 56]):
            return x.name  # « À Lyon, … », « Sur Orlandes même, … »
    return None


def _heading_place(ctx: Context, s: Sentence, m: Mention) -> str | None:
    text = ctx.source.text
    line_start = text.rfind("\n", 0, m.start) + 1
    hit = _HEADING.match(text, line_start)
    if not hit or hit.end() > m.start:
        return None
    x = span_at(ctx, line_start + hit.start(1))
    return x.name if x is not None and x.type == "LOC" else None


def place_as_scope(ctx: Context, entity: str, *, known: bool = False) -> str | None:
    """When a rule picked a place as what a figure is about (« En Bretagne, … 780 000 »,
    « le Finistère concentre 177 000 foyers coupés »), the place's name: a place is where the
    fact holds, not its subject. With `known`, only a place the gazetteer knows (the subject of a
    verb is more often a firm the NER took for a place: « Norvalis emploie 4 500 salariés »)."""
    from ..normalize.places import gazetteer
    for x in ctx.spans:
        if x.name == entity and x.type == "LOC" and x.how == "name":
            where = located(ctx, x)
            if where:
                return where
            if gazetteer().lookup(x.name) is None and (known or _names_a_unit(ctx, x.text)):
                return None  # « la ligne B » is what the figure is about, not where it holds
            return x.name  # the NER marks it as a place; a place the gazetteer does not know is still one
    return None


def _names_a_unit(ctx: Context, text: str) -> bool:
    """True for a name that opens on a unit noun (« ligne B », « gare Centrale », « usine Nord »)."""
    words = text.split()
    return bool(words) and fold(words[0]).strip("'’") in ctx.lex.unit_words


# ---------------------------------------------------------------- the thing a figure is about

_THING_STOP = {"acl:relcl", "punct", "cc", "conj", "appos", "parataxis", "advcl", "acl"}


def thing(ctx: Context, s: Sentence, m: Mention, fr: Frame | None, *, by_subject: bool = True):
    """(noun phrase, rule id) of the thing a figure is about when no name says it: the noun the figure
    completes (« une rançon de 2 millions de dollars », « une zone de protection de 3 kilomètres »), else,
    with `by_subject`, the common noun subject of its predicate (« la fissure mesurait 11 millimètres », « la
    masse salariale, qui atteint 126,8 M€ »). A noun that measures something else (frames.toml [thing]
    through: « le coût du relogement », « d'un rayon de 20 kilomètres ») gives way to that thing. None when
    the noun is a name, an agent, a role, a counted noun, a unit or the story's own topic word."""
    if fr is None:
        return None
    toks = tokens_in(s, m.start, m.end)
    if not toks:
        return None
    inside = {t.i for t in toks}
    top = span_root(toks[::-1])  # the last of the figure's tokens that hangs outside it, as frame_of reads its head
    noun, rule = _completed(top), "parse:thing-completed"
    verb = verb_above(fr.predicate) if fr.predicate is not None else None  # (« son estimation des pertes »)
    valuing = verb is not None and lemma_of(verb) in (ctx.lex.count_verbs | ctx.lex.ambiguous_count_verbs)
    valued = next((c for c in verb.children if c.dep_ == "obj" and c.pos_ == "NOUN" and c.i not in inside), None) \
        if valuing else None
    if valued is not None and any(c.dep_ == "case" and fold(c.text) == "a" for c in top.children):
        # « la Ville a évalué à 1,8 million le coût du relogement », « a relevé son estimation des pertes à
        # 61 millions »: what the verb of counting values
        noun, rule = valued, "parse:thing-valued"
    if noun is None and by_subject:
        tok, how = subject_token(fr)
        said = verb is not None and lemma_of(verb) in ctx.lex.say_verbs | ctx.lex.count_verbs  # who says or counts
        if tok is not None and tok.pos_ == "NOUN" and how in ("parse:nsubj", "parse:relative-clause") and not said:
            noun, rule = tok, "parse:thing-subject"
    if noun is None:
        return None
    act_ok = False
    if fold(noun.lemma_) in ctx.lex.thing_through:
        noun, act_ok = _measured_thing(noun, inside), True  # « le coût du relogement »: an act may be measured
    if noun is None or not _a_thing(ctx, s, noun):
        return None
    word = fold(noun.lemma_ or noun.text)
    if not act_ok and word in ctx.lex.thing_acts and not (m.type == "money" and word in ctx.lex.money_nouns):
        return None  # « la fermeture de quatre hypermarchés »: what the act is done to is counted, by its doer
    if noun.dep_ == "nmod" and _compound(noun) and noun.head.pos_ == "NOUN" and noun.head.i < noun.i and \
            not _predicate_noun(noun.head):
        noun = noun.head  # « son budget de fonctionnement, qui s'élève à … »: the budget
    if fold(noun.lemma_) in ctx.lex.thing_owned and (
            not any(_compound(c) and c.i not in inside for c in noun.children) or
            any(c.dep_ == "det" and "Yes" in c.morph.get("Poss") for c in noun.children)):
        return None  # « sa dette nette », « le budget de l'opération »: what its owner has; but « le budget de maintenance »
    if any(c.dep_ == "nmod" and introduced_by_de(c) and c.i not in inside and
           (x := span_at(ctx, s.offset + c.idx)) is not None and x.type in OWNERS for c in noun.children) or \
            _named_before(ctx, s, noun):
        return None  # « la rénovation de l'usine Corvalis, d'un coût de 40 millions »: the name's
    if noun.dep_ == "appos" and (noun.head.pos_ == "PROPN" or span_at(ctx, s.offset + noun.head.idx) is not None) \
            or _after_a_name(ctx, s, noun):
        return None  # « la Métallerie Cazals, une PME familiale de 85 salariés »: the name says what it is
    words = _thing_phrase(noun, inside, ctx.lex.thing_through)
    return (words, rule) if words else None


def _completed(top):
    """The noun a figure completes with « de » (« une zone de protection de 3 kilomètres »: the zone), up
    through the nouns it completes in turn; None when the figure completes no noun."""
    if top is not None and top.dep_.startswith("obl") and top.head.pos_ in ("VERB", "ADJ"):
        qualified = qualified_noun(top.head, heads=("NOUN",))
        if qualified is not None:  # « le coût de la démolition, estimé à 650 000 euros »
            return qualified
    if top is None or top.dep_ != "nmod" or not introduced_by_de(top) or top.head.pos_ != "NOUN":
        return None
    noun = top.head
    for _ in range(3):
        if noun.dep_ == "nmod" and introduced_by_de(noun) and noun.head.pos_ == "NOUN" and \
                not _predicate_noun(noun.head):  # « est titulaire du lot »: the lot
            noun = noun.head
        else:
            break
    return noun


def _predicate_noun(noun) -> bool:
    """True for a noun that is what a copula says its subject is (« le groupement est titulaire du lot »): a role
    of the subject, not a thing its complement belongs to. (The tagger may take the copula of « est attributaire
    du marché » for a passive auxiliary.)"""
    return any(c.dep_ == "cop" or c.dep_ == "aux:pass" and c.lemma_ == "être" for c in noun.children)


def _measured_thing(noun, inside: set):
    """What a measuring noun measures: its own « de » complement outside the figure (« le coût du
    relogement »), else the noun it belongs to (« une zone réglementée d'un rayon de 20 kilomètres »)."""
    for c in noun.children:
        if c.dep_ == "nmod" and c.pos_ == "NOUN" and introduced_by_de(c) and c.i not in inside and not _compound(c):
            return c  # (« le chiffre d'affaires » is one noun: no turnover « of » business)
    before = noun_before_comma(noun)
    if before is not None and not _predicate_noun(before):  # « le budget 2026, d'un montant de 58 millions »
        return before
    up = noun.head
    if up.pos_ == "ADJ" and up.dep_ in ("acl", "amod"):
        up = up.head  # « une zone réglementée d'un rayon de … »
    if up.pos_ == "NOUN" and up.i != noun.i and noun.dep_ in ("nmod", "obl:arg", "obl") and not _predicate_noun(up):
        return up
    return None


def _named_before(ctx: Context, s: Sentence, noun) -> bool:
    """True when the article wrote `noun` earlier with a name for complement: « La rénovation de l'usine Corvalis
    a commencé. La rénovation, d'un coût de 40 millions, … » is Corvalis's."""
    word = re.escape(fold(noun.text))
    text = ctx.source.text
    before = re.compile(rf"\b{word}\s+(?:de|du|des|d')\s*(?:la\s+|le\s+|les\s+|l')?(?:\w+\s+)?$")
    return any(x.start < s.start and x.type in OWNERS and before.search(fold(text[max(0, x.start - 60):x.start]))
               for x in ctx.spans)


def _after_a_name(ctx: Context, s: Sentence, noun) -> bool:
    """True when `noun` (with its determiner) follows a name and a comma: an apposition to it, whatever the parse
    made of it (« La Fonderie Marsac, une PME de 140 salariés »)."""
    i = noun.i - 1
    doc = noun.doc
    while i >= 0 and doc[i].pos_ in ("DET", "ADJ"):
        i -= 1
    return i >= 1 and doc[i].text == "," and span_at(ctx, s.offset + doc[i - 1].idx) is not None


def _compound(c) -> bool:
    """True when `c` completes its noun with a bare « de » and no determiner, making one compound noun with it
    (« zone de protection », « budget de maintenance », « chiffre d'affaires »), unlike « le coût du relogement »."""
    return c.dep_ == "nmod" and c.pos_ == "NOUN" and \
        any(x.dep_ == "case" and fold(x.text) in ("de", "d'") for x in c.children) and \
        not any(x.dep_ == "det" for x in c.children)


def _a_thing(ctx: Context, s: Sentence, noun) -> bool:
    lex = ctx.lex
    word = fold(noun.lemma_ or noun.text)
    if noun.pos_ != "NOUN" or span_at(ctx, s.offset + noun.idx) is not None:
        return False  # a name is found by the name rules
    if word in lex.thing_agents or word in lex.roles or word in lex.population_nouns or word in lex.nouns or \
            singular(word) in lex.nouns or word in lex.unit_words or word in lex.light_nouns or \
            word in lex.date_words or word in lex.measures or word in lex.thing_through or word in lex.changes:
        return False
    if lex.topic_nouns and lex.topic_nouns.fullmatch(fold(noun.text)):
        return False
    return (word,) not in lex.incident_nouns  # « l'explosion »: an incident, read by incidents.py


def _thing_phrase(noun, inside: set, measures: frozenset = frozenset(), max_words: int = 6) -> str:
    """The words of a thing's noun phrase as written, from its adjectives before it through its « de »
    complements, up to the figure, a clause, a punctuation mark or a measure of it (`measures`: « zone de protection »,
    « budget de maintenance de la ligne »)."""
    keep = {noun.i}

    def walk(t):
        for c in t.children:
            adjective = c.dep_ in ("amod", "acl") and (c.pos_ == "ADJ" or (  # « une zone réglementée, interdite »
                "Part" in c.morph.get("VerbForm") and "Past" in c.morph.get("Tense")))
            if c.i in inside or not adjective and (c.dep_ in _THING_STOP or c.dep_.startswith("acl") or
                                                   c.pos_ in ("PUNCT", "VERB", "NUM")):
                continue
            if c.dep_ == "nmod" and (not introduced_by_de(c) or fold(c.lemma_) in measures):
                continue  # « le différend avec Vialis »: the dispute, not with whom; « d'un rayon de »: its measure
            if adjective or c.dep_ in ("nmod", "case", "det", "fixed", "flat", "flat:name", "compound") and \
                    (c.dep_ != "det" or c.head.i != noun.i):
                keep.add(c.i)
                walk(c)

    walk(noun)
    doc = noun.doc
    first = noun.i
    while first - 1 >= 0 and doc[first - 1].dep_ == "amod" and doc[first - 1].head.i == noun.i:
        first -= 1  # « la grande inspection »
        keep.add(first)
    run = []
    for i in range(first, len(doc)):
        if i not in keep or len(run) >= max_words:
            break
        run.append(doc[i])
    while run and run[-1].pos_ in ("ADP", "DET", "CCONJ"):
        run.pop()
    return "".join(t.text_with_ws for t in run).strip() if run else ""


# ---------------------------------------------------------------- terms of a penalty

def penalty(ctx: Context, s: Sentence, m: Mention, previous=()) -> tuple[str, str | None] | None:
    """(stage, defendant or None) of a term of a penalty (« quatre ans d'emprisonnement »): the stage the verb
    above it says (domains [penalty]: requested, imposed, incurred) and the person it is against (« contre
    X », « contre lui », « X, condamné à », « X a été condamné à », « condamne X à »); None when no such verb
    governs it (a term nobody asks or pronounces here is no figure)."""
    toks = tokens_in(s, m.start, m.end)
    if not toks or not ctx.lex.penalty_stages:
        return None
    t, verb = span_root(toks), None
    for _ in range(5):
        if fold(lemma_of(t)) in ctx.lex.penalty_stages:
            verb = t
            break
        if t.dep_ == "ROOT" or t.head.i == t.i:
            break
        t = t.head
    if verb is None:
        return None
    return ctx.lex.penalty_stages[fold(lemma_of(verb))], _defendant(ctx, s, verb, toks, previous)


def _defendant(ctx: Context, s: Sentence, verb, toks, previous) -> str | None:
    def named(tok) -> str | None:
        if tok.pos_ == "PRON":  # « contre lui »: who the pronoun stands for, else the last person named before
            last = [x for x in ctx.spans if previous and previous[-1].start <= x.start < previous[-1].end
                    and x.type == "PER"]
            return _pronoun_referent(ctx, s, tok, previous) or (last[-1].name if last else None)
        x = next((x for t in tok.subtree if (x := span_at(ctx, _pos(s, t))) is not None and x.type == "PER"), None)
        if x is None and tok.pos_ == "NOUN":  # « contre l'ancien directeur général »: the person of that role
            found = speaker_referent(ctx, s, tok.text, (_pos(s, tok), _pos(s, tok) + len(tok.text)), previous)
            return found[0] if found else None
        return x.name if x is not None else None
    # « contre Gilles Ravanel », « contre lui »: on the verb, or on the term itself
    words = ctx.lex.penalty_against
    against = [c for c in list(verb.children) + [c for t in toks for c in t.children]
               if any(x.dep_ == "case" and fold(x.text) in words for x in c.children)]
    for c in against:
        if who := named(c):
            return who
    if against:
        return None  # against somebody the sentence does not name (« contre l'ancien directeur »)
    if verb.dep_ in ("acl", "appos", "amod") and verb.head.pos_ in ("PROPN", "NOUN", "PRON"):
        return named(verb.head)  # « Olivier Maury, …, condamné à deux ans »
    for c in verb.children:  # « X a été condamné à », « le tribunal a condamné X à »
        if c.dep_ in ("nsubj:pass", "obj") and (who := named(c)):
            return who
    # the parse torn apart (a fronted « Contre Gilles Ravanel, … », « Gilles Ravanel, condamné … » hung on another
    # verb): the name right after « contre » in the sentence, else the name right before the participle's comma
    text = ctx.source.text
    people = [x for x in ctx.spans if s.start <= x.start < s.end and x.type == "PER"]
    before_word = lambda x: (fold(text[max(s.start, x.start - 12):x.start]).split() or [""])[-1]  # noqa: E731
    after = next((x for x in people if before_word(x) in words), None)
    if after is not None:
        return after.name
    at = _pos(s, verb)
    before = next((x for x in reversed(people) if x.end <= at and re.fullmatch(r"\s*,\s*", text[x.end:at])), None)
    return before.name if before is not None else None


def _doers(fr: Frame | None, noun: str, lex) -> bool:
    """True when a workforce noun (domains [workforce]) is the subject of an act told in the compound past
    (« seuls trois salariés ont accepté »): those who did it, not the workforce."""
    attr, still = lex.workforce or (None, frozenset())
    if fr is None or fr.noun is None or attr is None or attribute_for_noun(noun, lex) != attr:
        return False
    subj = fr.noun
    for _ in range(2):  # « une trentaine d'ouvriers ont quitté »: the noun of the approximation is the subject
        if subj.dep_ == "nmod" and subj.head.pos_ == "NOUN" and subj.head.i < subj.i:
            subj = subj.head
    verb = subj.head
    return subj.dep_ == "nsubj" and verb.pos_ == "VERB" and fold(lemma_of(verb)) not in still and \
        any(c.dep_ == "aux:tense" for c in verb.children)
