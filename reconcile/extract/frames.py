"""A figure's frame, read from the dependency parse.

From the tokens of a figure, follow the tree: number -> counted noun (nummod) ->
the word that governs it (a verb, or a noun such as « suppression ») -> that
predicate's subject, its speaker or counter, and the places and units around it.
Each resolver returns a value and the id of the rule that gave it, so that a
reviewer can see why a claim says what it says. Where the parse gives nothing,
the caller falls back to the older window rules, named as such.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..normalize.text import fold

# Dependency labels that lead from a figure up to the word it belongs to.
_UP = {"nummod", "det", "nmod", "obj", "obl", "obl:arg", "obl:mod", "obl:agent", "conj", "appos", "dep", "xcomp",
       "nsubj", "nsubj:pass", "fixed", "flat", "iobj", "amod", "advmod"}
_SUBJECT = {"nsubj", "nsubj:pass"}
PERSONAL_PRONOUNS = frozenset({"il", "elle", "ils", "elles"})
_SUBJECT_PRONOUNS = PERSONAL_PRONOUNS | {"qui"}
_PLACE_DEPS = {"obl", "obl:mod", "obl:arg", "nmod", "advcl", "dep", "conj"}


@dataclass(frozen=True)
class Frame:
    """What the parse says about one figure (tokens are spaCy tokens of one line's Doc)."""

    head: object  # the token that heads the figure's span
    noun: object | None  # the counted noun, if any
    predicate: object | None  # the verb (or noun) that governs the figure
    role: str  # the figure's relation to the predicate: obj, nsubj, obl...
    chain: tuple  # tokens from the figure's head up to (not including) the predicate
    predicates: tuple = ()  # the predicate and the verbs above it through xcomp ("va supprimer"), nearest first,
    # then a raising predicate's infinitive (« doivent disparaître »)


def tokens_in(s, a: int, b: int) -> list:
    """The tokens of sentence `s` that start inside [a, b) (absolute offsets)."""
    return [t for t in s.tokens if a <= s.offset + t.idx < b]


def frame_of(s, a: int, b: int, unit: str | None, *, noun_predicates: frozenset = frozenset(),
             raising_verbs: frozenset = frozenset()) -> Frame | None:
    """The frame of the figure at [a, b): its head token, counted noun and predicate.

    `noun_predicates` are nouns that govern a figure as a verb does (« la suppression de… »);
    `raising_verbs` are verbs whose infinitive complement carries the figure (« va supprimer »)."""
    toks = tokens_in(s, a, b)
    if not toks:
        return None
    ids = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
    head = heads[-1] if heads else toks[-1]
    noun = None
    if unit:
        first = fold(unit.split()[0])
        noun = next((t for t in toks if fold(t.text) == first), None)
    if noun is None and head.dep_ in ("nummod", "det") and head.head.pos_ == "NOUN" and head.head.i > head.i:
        noun = head.head  # a counted noun follows its number: « La mairie en dénombre 27 » counts no mairie
        head = noun
    if noun is None and head.pos_ == "NUM":  # « 13 des cas », « trois de ces usines »: a part of the nouns
        noun = next((c for c in head.children if c.dep_ == "nmod" and c.pos_ == "NOUN" and
                     [fold(x.text) for x in c.children if x.dep_ == "case"] in (["de"], ["des"], ["d'"], ["du"]) and
                     not any(f.dep_ == "fixed" for x in c.children for f in x.children)), None)  # not « d'après »
    chain = [head]
    cur = head
    for _ in range(5):
        if cur.pos_ in ("VERB", "AUX") or cur.dep_ == "ROOT" or cur.head.i == cur.i:
            break
        if cur.dep_ not in _UP and not cur.dep_.startswith(("obl", "nmod", "acl")):
            break
        if cur.dep_ == "xcomp" and (cur.pos_ != "NOUN" or cur.head.pos_ != "VERB"):
            break  # only a counted noun the parser took for a verb's complement (« emploie 1 480 salariés »)
        if cur.dep_ == "nummod" and cur.head.pos_ in ("NUM", "PRON"):
            break  # « 49 400 dans le Finistère, 17 000 dans … » hung on the number before: a figure of its own
        if cur.head.pos_ == "NOUN" and cur.dep_ == "nmod" and cur.head.lemma_ in noun_predicates:
            cur = cur.head  # "la suppression de 3 000 postes": the noun governs, as a verb would
            chain.append(cur)
            break
        cur = cur.head
        chain.append(cur)
    pred = chain.pop() if len(chain) > 1 or cur.pos_ in ("VERB", "AUX", "ADJ") else None
    role = chain[-1].dep_ if chain and pred is not None else head.dep_
    preds = _raised(pred, raising_verbs)
    if pred is not None and pred.lemma_ in raising_verbs:
        # « 163 postes doivent disparaître à Vierzon »: the subject of a raising verb is its infinitive's,
        # whose objects and places are the figure's too
        preds += tuple(c for c in pred.children if c.dep_ == "xcomp" and c.pos_ == "VERB")
    return Frame(head, noun, pred, role, tuple(chain), preds)


def _raised(pred, raising_verbs: frozenset) -> tuple:
    out = []
    p = pred
    for _ in range(3):
        if p is None:
            break
        out.append(p)
        p = p.head if p.dep_ in ("xcomp", "ccomp") and p.head.lemma_ in raising_verbs else None
    return tuple(out)


def antecedent(p):
    """The noun a relative clause headed by `p` is about ("l'usine de Vierzon, qui emploie…"):
    its head when the parser attached it to the noun, else the noun just before « qui »."""
    subj = next((c for c in p.children if c.dep_ in _SUBJECT), None)
    if subj is None or subj.pos_ != "PRON":
        return None
    if p.dep_ != "acl:relcl" and not (fold(subj.text) == "qui" and subj.i > 0 and p.doc[subj.i - 1].text == ","):
        return None  # « son usine de Vierzon, qui emploie … » the parser may hang on the main verb
    if p.head.pos_ in ("NOUN", "PROPN"):
        if p.head.pos_ == "PROPN" and p.head.dep_ in ("nmod", "flat:name") and p.head.head.pos_ == "NOUN":
            return p.head.head  # « son usine d'Audincourt, qui … »: the noun the name completes
        return p.head
    i = subj.i - 1
    while i >= 0 and p.doc[i].pos_ == "PUNCT":
        i -= 1
    if i < 0:
        return None
    t = p.doc[i]
    if t.pos_ == "PROPN" and t.dep_ in ("nmod", "flat:name") and t.head.pos_ == "NOUN":
        return t.head
    return t if t.pos_ in ("NOUN", "PROPN") else None


def lemma_of(tok) -> str:
    """A predicate's lemma, with « faire état (de) » read as one verb."""
    if tok.lemma_ == "faire" and any(c.dep_ in ("obj", "xcomp") and c.lemma_ == "état" for c in tok.children):
        return "faire état"
    return tok.lemma_


def verb_stem(verb: str) -> str:
    """An infinitive less its ending, folded (« revendiquer » -> « revendiqu »); a locution as it is."""
    v = fold(verb)
    return v[:-2] if v.endswith(("er", "ir", "re")) else v


def verb_form(tok, verbs, *, min_stem: int = 5) -> str | None:
    """The verb of `verbs` a word the tagger took for an adjective or a noun conjugates (« revendique »
    -> revendiquer): the longest whose stem (the infinitive less its ending, `min_stem` letters at
    least) begins the word."""
    word = fold(tok.text)
    best = None
    for v in verbs:
        stem = verb_stem(v)
        if len(stem) >= min_stem and word.startswith(stem) and (best is None or len(v) > len(best)):
            best = v
    return best


def subject_token(frame: Frame):
    """(token, rule id) of what the figure is about, from the predicate's subject."""
    in_figure = {t.i for t in frame.chain} | {frame.head.i}
    for p in frame.predicates:
        ante = antecedent(p)
        if ante is not None:  # "son usine de Vierzon, qui emploie 420 salariés"
            return ante, "parse:relative-clause"
        for c in p.children:
            if c.dep_ in _SUBJECT and c.i not in in_figure:
                if c.pos_ == "PRON":
                    return None, "parse:pronoun"
                return c, "parse:nsubj"
    return None, "parse:none"


_DE = ("de", "du", "des", "d'")


def introduced_by_de(tok) -> bool:
    """True when a « de » (du, des, d') introduces `tok` (« le coût du relogement »: « relogement »)."""
    return any(x.dep_ == "case" and fold(x.text) in _DE for x in tok.children)


def noun_before_comma(tok):
    """The noun a « de » phrase set off by a comma describes, when the parser hung the phrase on the verb
    (« a voté le budget 2026, d'un montant de 58 millions »: « budget »): the last noun before that comma, past
    the numbers and adjectives that follow it; None when `tok` is not such a phrase or no noun comes first."""
    first = min(t.i for t in tok.subtree)
    if not introduced_by_de(tok) or first < 2 or tok.doc[first - 1].text != ",":
        return None
    t = tok.doc[first - 2]
    for _ in range(4):  # up from the word before the comma through what modifies its noun (« lot génie civil »)
        bare = t.dep_ == "nmod" and not any(c.dep_ == "case" for c in t.children)  # « lot charpente »
        if t.dep_ not in ("amod", "advmod", "nummod", "flat", "compound") and not bare or t.head.i >= first or \
                t.head.i == t.i:
            break
        t = t.head
    return t if t.pos_ == "NOUN" else None


def verb_above(tok, steps: int = 3):
    """`tok` itself or the first of its heads, at most `steps` steps up, that is a verb or an auxiliary; None when
    the climb meets the root or runs out of steps first."""
    for _ in range(steps):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return tok if tok.pos_ in ("VERB", "AUX") else None


def subject_noun(tok):
    """The common noun that is `tok`'s subject (« la participation s'établit », « la crise a coûté »), or None."""
    return next((c for c in tok.children if c.dep_ in _SUBJECT and c.pos_ == "NOUN"), None)


def qualified_noun(part, heads=("NOUN", "PROPN")):
    """The noun a participle qualifies: its head when it hangs on one (« la vigilance, levée lundi »), else the
    noun before it that it agrees with when the parser hung it on the main verb (detached_participle_noun);
    `heads` are the parts of speech the head may have."""
    if part.dep_ in ("acl", "amod") and part.head.pos_ in heads:
        return part.head
    return detached_participle_noun(part)


def _torn_subject(verb):
    """« l'adjointe au logement, Samia Khelifi, a chiffré à 1,2 million » where the parser gave the verb no
    subject (it hung the phrase on the sentence's opening): the name apposed to a role right before the verb and
    its auxiliaries, closed by a comma; None when the verb has a subject or no such name."""
    if verb.pos_ != "VERB" or any(c.dep_ in _SUBJECT or c.dep_ == "expl:subj" for c in verb.children):
        return None
    helpers = [c.i for c in verb.children if c.dep_.startswith("aux") and c.i < verb.i]
    if not helpers and "Fin" not in verb.morph.get("VerbForm"):
        return None  # « le lot charpente, évalué à 62 millions »: a participle qualifies, it has no subject
    i = min([verb.i] + helpers) - 1
    if i < 1 or verb.doc[i].text != ",":
        return None  # only the name apposed to a role, closed by its comma (« l'adjointe, Samia Khelifi, a »)
    t = verb.doc[i - 1]
    while t.dep_ in ("flat:name", "flat") and t.head.i < t.i:
        t = t.head  # « Samia Khelifi »: the name's first word heads it
    if t.pos_ != "PROPN" or t.dep_ != "appos" or t.sent != verb.sent:
        return None
    return t


def object_verb(noun, steps: int = 3, verbs: frozenset = frozenset()):
    """The verb whose object holds the noun `noun`, through the nouns it is coordinated with or completes
    (« réclame une commission d'enquête et l'embauche de 60 agents »: « embauche » -> « réclame »), or one of
    `verbs` the tagger took for a noun (« Gilles Pédeprade, chiffre déjà les pertes »); None for anything but a
    noun, or a noun that no verb takes as object within `steps` steps."""
    if noun.pos_ != "NOUN":
        return None
    for _ in range(steps):
        if noun.dep_ == "obj" and (noun.head.pos_ == "VERB" or noun.head.dep_ == "ROOT" and verbs and
                                   verb_form(noun.head, verbs)):
            return noun.head
        if noun.dep_ not in ("conj", "nmod") or noun.head.pos_ != "NOUN":
            return None
        noun = noun.head
    return None


def speaker_token(frame: Frame, say: frozenset, count: frozenset, ambiguous: frozenset, is_counter,
                  demand: frozenset = frozenset()):
    """(token, rule id) of who says or counts the figure: the subject of a verb of saying
    above it, or of the counting verb that takes it as object. A verb of `demand` speaks only for what it
    demands, its object, and not for a relative clause on it (« réclame la transparence sur le coût d'un
    projet dont le budget avoisine 850 millions »: the budget is no demand) nor its other complements
    (« Parmi ses sept recommandations, la CRC demande … »)."""
    role = frame.role
    if role == "advmod" and frame.chain and frame.chain[-1].pos_ == "ADV" and frame.noun is not None:
        role = frame.noun.dep_  # « recensait moins de 300 foyers »: the bound word is no role of its own
    # « Norvexa chiffre ses pertes à 12 millions », « la CGT réclame une commission d'enquête et l'embauche de
    # 60 agents »: the verb whose object holds the noun predicate counts or says
    above = [v for v in (object_verb(p, verbs=say | count | ambiguous) for p in frame.predicates)
             if v is not None and v not in frame.predicates]
    for p in list(frame.predicates) + above:
        if p in above:
            role = "obj"
        lemma = lemma_of(p)
        subj = next((c for c in p.children if c.dep_ in _SUBJECT), None) or _torn_subject(p)
        if subj is not None and p.pos_ in ("ADJ", "NOUN") and p.dep_ == "ROOT" and \
                not any(c.dep_ in ("cop", "aux:pass") for c in p.children):  # « avait été estimé »: a passive,
            lemma = verb_form(p, say | count | ambiguous) or lemma  # its subject is counted; « La CGT revendique »
        elif p.pos_ == "VERB" and fold(p.lemma_) == fold(p.text) and lemma not in say | count | ambiguous:
            lemma = verb_form(p, say | count | ambiguous) or lemma  # « qui réclame » left unlemmatized
        passive = subj is not None and (subj.dep_ == "nsubj:pass" or "Part" in p.morph.get("VerbForm") and any(
            c.dep_ in ("cop", "aux:pass", "aux:tense") and c.lemma_ == "être" for c in p.children))
        # « avait été estimé »; « est estimé à 42 millions », whose « est » the tagger may take for a tense
        # auxiliary: verbs of saying and counting take « avoir », so « être » makes them passive
        if passive:
            # « la facture est estimée par la SGP à 36 milliards »: the agent counts, the subject is counted
            subj = next((c for c in p.children if c.dep_ == "obl:agent" or c.dep_.startswith("obl") and
                         any(x.dep_ == "case" and fold(x.text) == "par" for x in c.children)), None)
        counted_subject = passive and role == "nsubj:pass"  # « 250 rassemblements ont été recensés par … »
        if lemma in demand and (role not in ("obj", "obl:arg") or any(t.dep_.startswith("acl") for t in frame.chain)):
            continue
        if subj is not None and (role in ("obj", "nmod", "obl:arg", "obl:mod", "obl") or counted_subject or
                                 role == "xcomp" and lemma == "faire état") and \
                (lemma in count or lemma in say or (lemma in ambiguous and is_counter(subj))):
            return subj, "parse:counting-verb" if lemma in count | ambiguous else "parse:speech-verb"
    p = frame.predicate
    for _ in range(3):
        if p is None or p.dep_ not in ("ccomp", "parataxis", "xcomp", "advcl", "conj"):
            break
        up = p.head
        if lemma_of(up) in say or lemma_of(up) in count:
            subj = next((c for c in up.children if c.dep_ in _SUBJECT), None)
            if subj is not None and (subj.pos_ != "PRON" or fold(subj.text) in _SUBJECT_PRONOUNS):
                return subj, "parse:speech-clause"  # « Il assure que … »: the caller finds who « il » is
        p = up
    return None, None


def phrase(tok, *, max_words: int = 6) -> str:
    """The words a token heads, without determiners, relative clauses or punctuation:
    « la police » -> « police », « le préfet des Landes » -> « préfet des Landes »."""
    keep = {"flat:name", "flat", "fixed", "amod", "nmod", "case", "compound"}
    words = [tok]

    def walk(t, depth):
        for c in t.children:
            if c.dep_ in keep and depth < 2 and c.pos_ != "PUNCT":
                words.append(c)
                walk(c, depth + 1)

    walk(tok, 0)
    words.sort(key=lambda t: t.i)
    # keep a contiguous run around the token
    run = [t for t in words if abs(t.i - tok.i) <= max_words]
    while run and run[0].pos_ == "ADP":
        run = run[1:]
    text = " ".join(t.text for t in run[:max_words])
    return text.strip(" ,;:")


def place_tokens(frame: Frame, preps: frozenset) -> list:
    """Proper nouns introduced by a place preposition around the figure: « en France », « à Lyon »."""
    chain, noun = list(frame.chain), [frame.noun] if frame.noun is not None else []
    if frame.noun is not None:  # « 520 millimètres d'eau à Saint-Hippolyte »: a place on what the noun measures
        noun += [c for c in frame.noun.children if c.dep_ == "nmod" and c.pos_ == "NOUN" and c.i > frame.noun.i]
    conj = next((i for i, t in enumerate(chain) if t.dep_ == "conj"), None)
    # « 54 000 personnes dans l'Hexagone et plus de 150 000 salariés dans … »: the places of the first
    # item of a list are its own
    around = chain[:conj + 1] + noun if conj is not None else chain + noun + list(frame.predicates)
    last = max(t.i for t in chain[:conj + 1] + noun) if conj is not None else None
    if conj is not None:  # « … et plus de 150 000 salariés dans une douzaine de pays »: a place the parser
        around += list(frame.predicates)  # hung on the verb, after the last item, is that item's
    seen, out = set(), []
    for t in around:
        for c in t.children:
            if c.i in seen or c.dep_ not in _PLACE_DEPS or c.pos_ not in ("PROPN", "NOUN") and c.ent_type_ != "LOC":
                # (« Saint-Hippolyte-du-Fort »: a hyphenated name the tagger may take for a number)
                continue
            if last is not None and t in frame.predicates and c.i < last:
                continue
            case = [x for x in c.children if x.dep_ == "case"]
            if case and fold(case[0].text) in preps:
                seen.add(c.i)
                out.append(c)
    return out


def span_root(toks: list):
    """The first token of a span whose head lies outside it (or is itself): where the span hangs."""
    inside = {t.i for t in toks}
    return next((t for t in toks if t.head.i not in inside or t.head.i == t.i), toks[0])


def date_governor(s, a: int, b: int, date_words: frozenset):
    """The token a date at [a, b) hangs on in the parse, past the date's own words (« lundi 16
    février au matin »); None when the date is the sentence's root."""
    toks = tokens_in(s, a, b)
    if not toks:
        return None
    root = span_root(toks)
    head = root.head
    for _ in range(2):  # « le 28 novembre » hangs on the noun or verb; a date word may sit between
        if head.i == root.i or fold(head.lemma_) not in date_words:
            break
        root, head = head, head.head
    return None if head.i == root.i else head


def event_act(s, a: int, b: int, lex):
    """(act noun, verb token, rule id) of the act a date at [a, b) dates, when the date hangs on a
    verb that names one (frames.toml [acts]): « le plan blanc a été levé lundi » -> levée; « l'ARS a
    dressé vendredi un premier bilan » -> bilan (a light verb's object). None otherwise: a date on a
    noun dates that noun, and a verb of occurrence (« s'est tenue lundi ») dates its subject."""
    verb = date_governor(s, a, b, lex.date_words)
    if verb is None or verb.pos_ not in ("VERB", "ADJ"):
        return None
    acts = lex.act_nouns or {}
    known = acts.keys() | lex.light_verbs
    lemma = fold(verb.lemma_)  # a participle tagged ADJ keeps its participle (« levé », « réuni »)
    lemma = next((w for w in (lemma, lemma + "r") if w in known), None) or verb_form(verb, known, min_stem=4) or lemma
    phrases = lex.act_phrases or {}
    for c in verb.children:  # « rendu public lundi »: a verb and its adjective name one act
        said = next((f"{v} {fold(c.lemma_)}" for v in (fold(verb.lemma_), lemma) if f"{v} {fold(c.lemma_)}" in phrases),
                    None) if c.dep_ in ("xcomp", "amod") and c.pos_ == "ADJ" else None
        if said:
            return phrases[said], verb, "parse:act-verb"
    if lemma in acts:
        return acts[lemma], verb, "parse:act-verb"
    if lemma in lex.light_verbs:
        obj = next((c for c in verb.children if c.dep_ == "obj" and c.pos_ == "NOUN"), None)
        if obj is not None and fold(obj.lemma_) not in lex.date_words:
            return fold(obj.lemma_), verb, "parse:act-object"
    return None


def act_thing(verb, date_words: frozenset, *, by_object: bool = True):
    """The token an act is done to or by, from the parse: the noun a participle qualifies (« la
    vigilance, levée lundi »), a passive subject, an active verb's object, else its subject
    (« les écoles ont rouvert »); with `by_object` False (a light verb, whose object is the act
    itself: « a dressé un bilan »), its subject. A fronted participle (« Réunie jeudi,
    l'intersyndicale a fixé… ») takes the subject of the verb it hangs on. Words of the date (the
    tagger makes « lundi » an object) are not things."""
    qualified = qualified_noun(verb)  # (« le maire a présenté le budget, voté lundi »: the budget's vote)
    if qualified is not None:
        return qualified
    own = {c.dep_: c for c in reversed(list(verb.children)) if fold(c.lemma_) not in date_words}
    for dep in ("nsubj:pass", "obj", "nsubj") if by_object else ("nsubj:pass", "nsubj"):
        if dep in own:
            return own[dep]
    if verb.dep_ in ("advcl", "acl", "xcomp", "conj") and "Part" in verb.morph.get("VerbForm"):
        return next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    return None


def detached_participle_noun(part):
    """« figure l'arrêté de péril visant le 14, signé le 21 novembre » where the parser hung the participle on
    the main verb: the noun before it that the participle (with no auxiliary nor subject of its own, after a
    comma) agrees with, among that verb's subject and object, the nearest first; None when none agrees."""
    if part.dep_ not in ("advcl", "conj") or "Part" not in part.morph.get("VerbForm") or \
            "Past" not in part.morph.get("Tense") or part.i == 0 or part.doc[part.i - 1].text != "," or \
            any(c.dep_.startswith(("aux", "nsubj", "cop", "obj")) for c in part.children):
        return None  # (« …, interdisant tout rassemblement »: a present participle acts, it qualifies nothing)
    for c in sorted(part.head.children, key=lambda c: -c.i):  # the nearest first (« a présenté le budget, voté »)
        if c.dep_ in ("obj", "nsubj", "nsubj:pass") and c.pos_ == "NOUN" and c.i < part.i and \
                c.morph.get("Number") and part.morph.get("Number") and \
                all(set(c.morph.get(f)) & set(part.morph.get(f)) for f in ("Gender", "Number")
                    if c.morph.get(f) and part.morph.get(f)):
            return c
    return None


def event_noun(s, a: int, b: int, date_words: frozenset):
    """(noun token, rule id) of the event a date at [a, b) dates, from the parse:
    « une première séance le 28 novembre » -> séance (the date qualifies the noun);
    « l'enquête ouverte le 1er avril » -> enquête (the participle's noun);
    « la séance s'est tenue lundi » / « la vigilance a été levée jeudi » -> the verb's subject.
    None when the parse names no common noun (a name or a pronoun is the subject's business).
    `date_words` (folded lemmas: « lundi », « matin », « mois »…) are part of the date, not events."""
    head = date_governor(s, a, b, date_words)
    if head is None:
        return None, None
    if head.pos_ == "NOUN" and fold(head.lemma_) not in date_words:
        return head, "parse:date-of-noun"
    if head.pos_ in ("VERB", "ADJ"):
        qualified = qualified_noun(head, heads=("NOUN",))
        if qualified is not None:
            return qualified, "parse:participle-noun" if head.dep_ in ("acl", "amod") else \
                "parse:participle-noun-detached"
        for dep in ("nsubj:pass", "nsubj", "obj"):
            c = next((c for c in head.children if c.dep_ == dep), None)
            if c is not None:
                return (c, f"parse:{dep}") if c.pos_ == "NOUN" else (None, None)
    return None, None
