"""Modality (assertion, plan, reported, negated) and attribution ("selon X") of a claim."""
from __future__ import annotations

import re

from ..normalize.text import fold
from .context import Context, Sentence
from .entities import clause_bounds
from .frames import antecedent, verb_above
from .lexicon import Lexicon, singular


_DIGIT = re.compile(r"\d")
_THAT = re.compile(r"\s*qu(?:e\b|')")
# The words of an origin that is no name, up to a punctuation mark or the figure after it (« selon la
# direction, », « selon la direction environ 12 % de la production »).
_ORIGIN = re.compile(r"[\s\w'’-]{3,80}?(?=[,.;:)(]|$|\s+(?:(?:environ|pr[eè]s de|plus de|moins de|quelque|au moins|"
                     r"jusqu'[aà]|entre)\s+\d|\d))")
# A participle with its agent after a source's noun (« le rapport présenté par son adjoint »): where its name ends
_AGENT_PARTICIPLE = re.compile(r"\s+[^\W\d]+(?:é|ée|és|ées|u|ue|us|ues|is|ise|it|ite)\s+par\s", re.I)
_ARTICLE_WORD = re.compile(r"^(?:(?:le|la|les)\s+|l['’])(?=\w)", re.I)  # « selon la gendarmerie » -> gendarmerie
# a relative clause on the origin of a « selon » (« selon ce document, que Berry Info a pu consulter »)
_RELATIVE = r",\s*(?:que|qu['’]|qui|dont|où)\b"
_RELATIVE_AFTER_ORIGIN = re.compile(_RELATIVE, re.I)
_RELATIVE_CLAUSE = re.compile(_RELATIVE + r"[^,;.:]{0,80},", re.I)
# « ne … plus que », « ne … guère que », « n'était plus rempli qu'à »: the figure after « que » is what
# remains, asserted.
_RESTRICTIVE = re.compile(r"\s+qu(?:e\b|')")


def modality_of(ctx: Context, s: Sentence, a: int) -> str:
    text, lex = ctx.source.text, ctx.lex
    lo, hi = clause_bounds(text, s.start, s.end, a)
    clause = fold(text[lo:hi])
    neg = lex.negation_words.search(clause)
    pair = lex.negation_pairs.search(clause, neg.end()) if neg and neg.start() < a - lo else None
    if pair and not (pair.end() <= a - lo and _RESTRICTIVE.search(clause, pair.end(), a - lo)):
        return "negated"  # but « ne compte plus que 1 430 salariés » restricts, it does not deny
    alone = lex.negation_alone.search(clause)
    if alone and alone.start() < a - lo:
        return "negated"  # "rien ne permet de dire que l'ouverture sera décalée"  # "n'a pas supprimé 3 000 postes"; not "les 40 000 places ne répondent plus"
    toks = [t for t in s.tokens if lo <= s.offset + t.idx < hi]
    if lex.plan_words.search(clause) or any(_plans(t, lex) or "Fut" in t.morph.get("Tense") for t in toks):
        return "plan"
    if any("Cnd" in t.morph.get("Mood") for t in toks) or lex.reported_words.search(clause):
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


def attribution_spans(ctx: Context, s: Sentence) -> set[tuple[int, int]]:
    return {span for _, _, span in _attributions(ctx, s) if span}


def attribution(ctx: Context, s: Sentence, pos: int | None = None):
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


# What may come before a « selon X » that opens a sentence: nothing, or a connecting word.
_LEAD = re.compile(r"(?:(?:mais|et|or|ainsi|enfin|pourtant|cependant|toutefois|par ailleurs|en outre|d'ailleurs|"
                   r"toujours)\s*,?)?")


def fronted_attribution(ctx: Context, s: Sentence, cues: list):
    """Of the sentence's attribution `cues` (`_attributions`), the (cue position, origin, origin span) of a
    « selon X, » that opens the sentence, or the clause after a colon, (« Selon le syndicat, 140 postes sont
    vacants et les agents ont cumulé 9 000 heures ») and so speaks for all that follows it, or None."""
    text = ctx.source.text
    opening = next((f for f in cues if f[2] is not None and _opens_clause(text, s, f[0])), None)
    # the comma that closes the « selon X » phrase, after the rest of its name when the name was cut short
    # (« Selon le syndicat des eaux du Causse et de la Vionne, le barrage… »): no figure or quote before it
    if opening is None or not _REST_OF_NAME.match(text, opening[2][1], s.end):
        return None
    return opening


_REST_OF_NAME = re.compile(r"[^,;:.!?\d«»()\n]{0,60},")


def _opens_clause(text: str, s: Sentence, pos: int) -> bool:
    """True when nothing but a connecting word comes before `pos` in the sentence, or in the clause a colon
    or a semicolon opens before it (« Mais les chiffres donnent le vertige : selon Météo-France, … »)."""
    start = max(s.start, text.rfind(":", s.start, pos) + 1, text.rfind(";", s.start, pos) + 1)
    return _LEAD.fullmatch(fold(text[start:pos]).strip(" \t«\"")) is not None


_OF = r"(?:de la|de l'|de l’|du|des|de|d'|d’)"


def _office_place(ctx: Context, span, lex: Lexicon):
    """The place span right after an office that speaks for it (« la préfecture du Nord »), or None;
    the NER may or may not have put the « du » in the place's span."""
    if fold(span.name) not in lex.offices:
        return None
    text = ctx.source.text
    x = next((x for x in ctx.spans if x.type == "LOC" and x.start >= span.end), None)
    if x is None:
        return None
    gap = text[span.end:x.start]
    if re.fullmatch(rf"\s+{_OF}\s*", gap) or gap.isspace() and re.match(rf"{_OF}\s", text[x.start:x.end]):
        return x
    return None


def _apposed(ctx: Context, end: int) -> int:
    """Where a speaker's words end: past a person's name set in apposition after them (« le ministre
    de l'Intérieur, Bertrand Aubanel »), which names the same speaker and is no subject either."""
    appos = next((x for x in ctx.spans if x.type == "PER" and x.start > end
                  and re.fullmatch(r"\s*,\s*", ctx.source.text[end:x.start])), None)
    return appos.end if appos else end


def _attributions(ctx: Context, s: Sentence) -> tuple[tuple[int, str, tuple[int, int] | None], ...]:
    """Every (cue position, origin, origin span) of a sentence, in order (read once per sentence: figures,
    events and dated acts all ask)."""
    if s.cues is None:
        s.cues = tuple(_read_attributions(ctx, s))
    return s.cues


def _read_attributions(ctx: Context, s: Sentence) -> list[tuple[int, str, tuple[int, int] | None]]:
    folded = fold(s.text)
    lex = ctx.lex
    out = []
    for pattern in (lex.attribution_before, lex.attribution_after):
        for hit in pattern.finditer(folded):
            rest = folded[hit.end():]
            if rest.startswith("-"):
                continue  # « d'après-midi » is no « d'après »
            if pattern is lex.attribution_after and _THAT.match(rest):
                continue  # « Renault indique qu'Ampere est … »: what follows « que » is said, it does not say
            if lex.not_sources is not None and lex.not_sources.match(rest.lstrip()):
                continue  # « selon les régions »: depending on, nobody speaks
            if lex.own_figures is not None and lex.own_figures.match(rest.lstrip()):
                own = _own_counter(ctx, s, s.start + hit.end() + len(rest) - len(rest.lstrip()))
                if own:  # « selon leurs propres chiffres »: who the clause is about counts
                    out.append((s.start + hit.start(), *own))
                continue
            skip = lex.attribution_skip.match(rest.lstrip())
            cue_end = s.start + hit.end()
            start = cue_end + (len(rest) - len(rest.lstrip()))
            if skip and ctx.source.text[start + skip.end():].lstrip()[:1].isupper():
                start += skip.end()  # « l'agence Reuters », not « l'agence régionale de santé »
            span = next((x for x in ctx.spans if cue_end <= x.start <= start + 25 and x.start < s.end
                         and not (pattern is lex.attribution_after and _DIGIT.search(ctx.source.text, cue_end, x.start))
                         and not _RELATIVE_AFTER_ORIGIN.search(ctx.source.text[start:x.start])),
                        None)  # « a compté 11 000 manifestants ; les syndicats »: who follows a figure counts another;
            # « selon ce document, que Berry Info a pu consulter »: the subject of a relative clause is not the source
            if span:
                lead = _ARTICLE_WORD.sub("", fold(ctx.source.text[start:span.start]))
                office = re.fullmatch(r"([^\W\d]{3,}(?:-[^\W\d]+)?)\s+(?:de|du|des|d')\s*(?:la |l')?", lead)
                body = re.fullmatch(r"[^\W\d]{3,}(?:\s+[^\W\d]+){0,3}\s+(?:de|du|des|d')\s*(?:la |l')?", lead)
                if span.type == "LOC" and (office and (office.group(1) in lex.titles or office.group(1) in lex.offices)
                                           or body and ctx.source.text[start:start + 1].islower() and
                                           singular(lead.split()[0]) not in lex.documents):
                    # « selon le syndicat des eaux du Causse »: a body of the place speaks, never the place; but
                    # « selon les analyses de l'Anssi »: a document's author speaks (frames.toml [speech] documents)
                    # « selon la préfète des Landes »: the prefect speaks, not the Landes
                    name = " ".join((ctx.source.text[start:span.start] + span.name).split())
                    name = _ARTICLE_WORD.sub("", name)
                    out.append((s.start + hit.start(), name, (start, _apposed(ctx, span.end))))
                    continue  # « la préfète des Landes, Hélène Vasseur »: her name is no subject either
                place = _office_place(ctx, span, lex)
                if place is not None:  # « selon la préfecture du Nord »: the office of that place
                    out.append((s.start + hit.start(), " ".join((span.name + ctx.source.text[span.end:place.end]).split()),
                                (span.start, _apposed(ctx, place.end))))
                    continue
                out.append((s.start + hit.start(), span.name, (span.start, _apposed(ctx, span.end))))
            elif pattern is lex.attribution_before:
                phrase = _ORIGIN.match(ctx.source.text[start:s.end])
                if phrase and phrase.group().strip():
                    end = start + len(phrase.group().rstrip())
                    rel = _RELATIVE_CLAUSE.match(ctx.source.text, end, s.end)
                    # (its relative clause goes with it: « ce document, que Berry Info a pu consulter, »; and
                    # a name apposed to it: « le rapport présenté par son adjoint aux finances, Thomas Vilaret, »)
                    words = _AGENT_PARTICIPLE.split(phrase.group(), 1)[0]  # « le rapport d'orientation présenté
                    # par son adjoint »: the document, not who presented it
                    out.append((s.start + hit.start(), _ARTICLE_WORD.sub("", " ".join(words.split()[:6])),
                                (start, rel.end() - 1 if rel else _apposed(ctx, end))))
    out += _opinion_holders(ctx, s, folded)
    return sorted(out, key=lambda f: f[0])


def _own_counter(ctx: Context, s: Sentence, pos: int) -> tuple[str, tuple[int, int]] | None:
    """(name, span) of whoever a possessive at `pos` names (« selon leurs propres chiffres »): the subject of the
    verb the phrase hangs on, or the noun a relative clause's « qui » stands for (« Les syndicats, qui ont
    rassemblé 2 500 personnes selon leurs propres chiffres »); None for a pronoun or no subject."""
    tok = next((t for t in s.tokens if s.offset + t.idx == pos), None)
    verb = verb_above(tok.head) if tok is not None else None
    if verb is None:
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subj is not None and "Rel" in subj.morph.get("PronType"):
        subj = antecedent(verb)  # « les syndicats, qui ont rassemblé … »
    if subj is None or subj.pos_ not in ("NOUN", "PROPN"):
        return None
    a = s.offset + subj.idx
    named = next((x for x in ctx.spans if x.start <= a < x.end), None)
    if named is not None:
        return named.name, (named.start, named.end)
    return subj.text, (a, a + len(subj.text))


def _opinion_holders(ctx: Context, s: Sentence, folded: str) -> list[tuple[int, str, tuple[int, int]]]:
    """« Pour Karim Benali, délégué CGT, « … » », « Pour le président de la fédération, Alain Mercadier,
    « … » »: a sentence that opens on somebody named, then a comma and a quotation, gives that somebody's
    words. A person named there speaks rather than the body in their title; a place never does."""
    if ctx.lex.attribution_opening is None:
        return []
    text, out = ctx.source.text, []
    for hit in ctx.lex.attribution_opening.finditer(folded):
        cue, after = s.start + hit.start(), s.start + hit.end()
        if not _opens_clause(text, s, cue):
            continue
        quote = re.match(r"[^«».;:]{1,120},\s*«", text[after:s.end])
        if quote is None:  # « Pour Renault, l'année a été difficile »: whom the sentence is about
            continue
        named = [x for x in ctx.spans if after <= x.start and x.end <= after + quote.end() and x.type != "LOC"]
        if named:
            person = next((x for x in reversed(named) if x.type == "PER"), named[0])
            out.append((cue, person.name, (named[0].start, named[-1].end)))
    return out
