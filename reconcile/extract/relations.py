"""Parts and totals inside one sentence: which figures the text itself presents as parts of another.

- « 640 suppressions de postes, dont 410 dans les magasins et 230 au siège »: 410 and 230 are parts
  of 640, and add up to at most 640 (`part:dont`).
- « 90 000 foyers : 52 000 dans le Calvados, 21 000 dans la Manche et 9 000 dans l'Orne »: the
  article breaks its total down, and the parts make the whole (`breakdown::`).
- « 150 postes sur un total de 900 salariés », « Sur les 1 800 salariés, 350 … », « Parmi les 45
  blessés, 12 … »: the whole is named with its part (`part:sur un total de`).
- « 200 postes en plus des 480 déjà annoncés »: two additions and no whole (`addition:en plus des`);
  « …, soit 680 au total » then states their whole (`breakdown:soit`).

A part is a fact of its own, never its whole: one that the parse gave no place or unit of its own
keeps the cue as its scope (`scope.part`), so that it is compared only with parts. A whole named
after « sur un total de » is counted by its own noun, not by the verb of its part. The cue words
are data (cues.toml [parts]); this module only reads the text between figures of one sentence.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..model import INHERITED_SUBJECTS, Bounds, Claim
from ..normalize.text import fold
from .lexicon import Lexicon, attribute_for_noun

# Between two parts of one list: a place or a unit of the first, then a comma or « et ».
_NEXT_PART = re.compile(r"^[^.;:!?()\n]{0,60}?(?:,|\bet\b|\bainsi que\b|\bou\b)\s*$")


def _alternation(phrases: tuple[str, ...]) -> str:
    """One regex alternative per phrase, its words separated by any spaces."""
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases)


@lru_cache(maxsize=8)
def _ending(phrases: tuple[str, ...]) -> re.Pattern | None:
    """A pattern for folded text that ends on one of `phrases` (the article, where one may follow the
    cue, is part of the phrase: « dont les 11 000 salariés » is a relative clause, not a part)."""
    return re.compile(rf"(?:^|(?<=[\s,;(]))(?:{_alternation(phrases)})\s*$") if phrases else None


@lru_cache(maxsize=8)
def _opening(phrases: tuple[str, ...]) -> re.Pattern | None:
    """A pattern for folded text that opens on one of `phrases`."""
    return re.compile(rf"^\s*(?:{_alternation(phrases)})(?![\w])") if phrases else None


def _figures(claims: list[Claim]) -> list[Claim]:
    """The claims that are figures a whole can be made of: counts and amounts, one per span."""
    seen, out = set(), []
    for c in claims:
        if c.kind in ("quantity", "money") and isinstance(c.value, (float, Bounds)) and (c.start, c.end) not in seen:
            seen.add((c.start, c.end))
            out.append(c)
    return out


def _elided_money(c: Claim, first: Claim) -> bool:
    """« 2,1 millions pour …, 1,3 million de pertes d'activité »: a sum of money whose currency the list
    leaves out (a number of millions after a first part in euros), read as a count of its noun."""
    return first.kind == "money" and c.kind == "quantity" and \
        re.search(r"\b(?:millions?|milliards?)\b", fold(c.quote)) is not None


def _same_measure(a: Claim, b: Claim) -> bool:
    """Two figures that can add up: both counts or both sums in one currency, in one unit of measure."""
    if a.kind != b.kind:
        return False
    if a.kind == "money":
        return (a.unit or "") == (b.unit or "")
    ma, mb = a.attribute.startswith("measure:"), b.attribute.startswith("measure:")
    return ma == mb and (not ma or a.attribute == b.attribute)


def _by_sentence(figs: list[Claim], sentences: list[tuple[int, int]]):
    """(sentence start, its figures) for each sentence that holds some; `figs` sorted by start."""
    i = 0
    for a, b in sentences:
        here = []
        while i < len(figs) and figs[i].start < b:
            if figs[i].start >= a:
                here.append(figs[i])
            i += 1
        if here:
            yield a, here


def link(text: str, claims: list[Claim], sentences: list[tuple[int, int]], lex: Lexicon) -> list[Claim]:
    """`claims` (one article's, in any order) with their parts and wholes linked, sentence by sentence."""
    claims = _denials(text, _corrections(text, claims, sentences, lex), sentences, lex)
    cues = lex.parts or {}
    if not cues:
        return claims
    figs = sorted(_figures(claims), key=lambda c: c.start)
    found: dict[str, tuple[str | None, str]] = {}  # part claim id -> (whole claim id, relation)
    wholes: set[str] = set()  # claims named as the whole after « sur un total de »
    for a, here in _by_sentence(figs, sentences):
        _sentence(text, a, here, cues, found, wholes)
    if not found:
        return claims
    by_span: dict[tuple[int, int], tuple[str | None, str]] = {}
    ids = {c.id: c for c in figs}
    for cid, rel in found.items():
        by_span[(ids[cid].start, ids[cid].end)] = rel
    whole_spans = {(ids[w].start, ids[w].end) for w in wholes}
    out = []
    for c in claims:
        rel = by_span.get((c.start, c.end)) if c.kind in ("quantity", "money") else None
        if rel is not None:
            c = _as_part(c, rel, ids.get(rel[0]) if rel[0] else None)
        if (c.start, c.end) in whole_spans and c.kind == "quantity":
            c = _as_whole(c, lex)
        out.append(c)
    return _place_of_wholes(_shared_speakers(out, found, ids))


def _place_of_wholes(claims: list[Claim]) -> list[Claim]:
    """A whole broken down by places (« 81 000 clients : 49 400 dans le Finistère, 17 000 dans les Côtes-d'Armor,
    14 000 dans le Morbihan… ») holds in the nearest place that contains them all (Bretagne), when it names no
    place of its own and the gazetteer knows every part's place: it is no figure of any one of them."""
    from ..normalize.places import gazetteer

    places: dict[str, set[str]] = {}
    for c in claims:
        if c.part_of and c.relation and c.relation.startswith("breakdown"):
            places.setdefault(c.part_of, set()).add(c.scope_dict().get("place") or "")
    out = []
    for c in claims:
        where = places.get(c.id, set())
        common = gazetteer().containing(sorted(where)) \
            if len(where) >= 2 and "" not in where and "place" not in c.scope_dict() else None
        if common is not None:
            c = replace(c, scope=tuple(sorted(dict(c.scope, place=common).items())),
                        rules=tuple(sorted(dict(c.rules, place="parse:places-of-parts").items())))
        out.append(c)
    return out


def _shared_speakers(claims: list[Claim], found: dict, ids: dict) -> list[Claim]:
    """A part and its whole are told by one voice: « Selon l'ARS, 23 patients ont été transférés, sur un
    total de 612 », « la direction chiffre le coût à 4,2 millions, dont 2,1 millions pour… ». The one that
    names nobody takes the speaker of the other (and its hearsay), never over a speaker of its own."""
    spans = {(ids[p].start, ids[p].end): (ids[w].start, ids[w].end) for p, (w, _) in found.items() if w in ids}
    by_span = {(c.start, c.end): c for c in claims if c.kind in ("quantity", "money")}
    voices: dict[tuple[int, int], dict[str, Claim]] = {}
    for part, whole in spans.items():
        a, b = by_span.get(part), by_span.get(whole)
        if a is None or b is None or bool(a.attributed_to) == bool(b.attributed_to):
            continue
        silent, speaker = (a, b) if b.attributed_to else (b, a)
        voices.setdefault((silent.start, silent.end), {})[speaker.attributed_to] = speaker
    # a whole whose parts have different speakers takes none of them
    voice = {k: next(iter(v.values())) for k, v in voices.items() if len(v) == 1}
    out = []
    for c in claims:
        speaker = voice.get((c.start, c.end)) if c.kind in ("quantity", "money") else None
        if speaker is not None and not c.attributed_to:
            modality = "reported" if c.modality == "assertion" and speaker.modality == "reported" else c.modality
            c = replace(c, attributed_to=speaker.attributed_to, modality=modality,
                        rules=tuple(sorted(dict(c.rules, attribution="parse:part-whole-speaker").items())))
        out.append(c)
    return out


def _sentence(text: str, start: int, figs: list[Claim], cues: dict, found: dict, wholes: set) -> None:
    """Find the relations between the figures of one sentence (starting at `start`)."""
    fold_gap = lambda x, y: fold(text[x:y])  # noqa: E731

    def before(c: Claim, reach: int = 48) -> str:
        return fold_gap(max(start, c.start - reach), c.start)

    def follow(first: Claim, whole_id: str | None, relation: str) -> list[Claim]:
        """The parts of one list that `first` opens: « dont 410 dans les magasins et 230 au siège »."""
        run = [first]
        k = figs.index(first) + 1
        while k < len(figs) and (_same_measure(figs[k], first) or _elided_money(figs[k], first)) and \
                _NEXT_PART.match(fold_gap(run[-1].end, figs[k].start)) and not _cued(before(figs[k]), cues):
            run.append(figs[k])
            k += 1
        for p in run:
            found.setdefault(p.id, (whole_id, relation))
        return run

    subset, alone = _ending(cues.get("subset", ())), _ending(cues.get("part_alone", ()))
    whole_after = _ending(cues.get("whole_after", ()))
    breakdown = _ending(cues.get("breakdown", ()))
    total_before, total_after = _ending(cues.get("total_before", ())), _opening(cues.get("total_after", ()))
    addition = _ending(cues.get("addition", ()))
    fronted = _ending(cues.get("whole_fronted", ()))
    for n, c in enumerate(figs):
        if c.id in found:
            continue
        prev = [p for p in figs[:n] if _same_measure(p, c)]
        lead = before(c)
        whole = next((p for p in reversed(prev) if found.get(p.id, (None, ""))[1].split(":")[0] not in
                      ("part", "breakdown")), None)
        m = subset.search(lead) if subset else None
        if m and whole is not None and fold_gap(whole.end, c.start).count(",") <= 2:
            follow(c, whole.id, "part:" + _cue(m))
            continue
        m = alone.search(lead) if alone else None
        if m:
            follow(c, None, "part:" + _cue(m))
            continue
        if prev and whole_after is not None:
            p = prev[-1]
            gap = fold_gap(p.end, c.start)
            m = whole_after.search(gap)
            if m and len(gap[:m.start()].split()) <= 3 and _whole_of(p, c, _cue(m)):
                found.setdefault(p.id, (c.id, "part:" + _cue(m)))
                wholes.add(c.id)  # what the part's verb does is not done to its whole (« supprimer 380 postes
                # sur 2 100 salariés », « fermer 3 lignes sur 7 »)
                continue
        gap = fold_gap(whole.end, c.start) if whole is not None else ""
        listed = breakdown.search(gap) if breakdown is not None and whole is not None else None
        if whole is not None and (re.match(r"^[^.;!?\n\d]{0,50}:\s*$", gap) or listed):
            # « 221 emplois sont sauvés sur 487 : 166 à Saint-Aubrin et 55 à Bréhaville »: the list after a whole
            # named after « sur » breaks down the part the sentence is about, not that whole
            told = next((p for p in reversed(prev) if found.get(p.id, (None, ""))[0] == whole.id), None) \
                if whole.id in wholes else None
            run = follow(c, (told or whole).id, "breakdown:" + (":" if ":" in gap else _cue(listed)))
            if len(run) < 2:  # « Le bilan : 4 morts »: one figure after a colon restates, it breaks nothing down
                for p in run:
                    found.pop(p.id, None)
            continue
        m = total_before.search(lead) if total_before else None
        if m and prev and (total_after and total_after.match(fold_gap(c.end, c.end + 24)) or "total" in _cue(m)
                           or _cue(m) in ("au total", "en tout")):
            parts = [p for p in prev if p.id not in found or found[p.id][0] is None]
            if len(parts) >= 2:
                for p in parts:
                    found[p.id] = (c.id, "breakdown:" + _cue(m).split()[0])
            continue
        m = addition.search(lead) if addition else None
        if m and prev:
            found.setdefault(prev[-1].id, (None, "addition:" + _cue(m)))
            found.setdefault(c.id, (None, "addition:" + _cue(m)))
            continue
        if fronted is not None and n + 1 < len(figs):
            nxt = figs[n + 1]
            m = fronted.search(fold_gap(start, c.start))
            if m and not fold_gap(start, m.start()).strip() and _same_measure(c, nxt) and \
                    re.match(r"^[^.;:!?\n\d]{0,50},\s*$", fold_gap(c.end, nxt.start)):
                follow(nxt, c.id, "part:" + _cue(m))


def _cue(m: re.Match) -> str:
    """The cue words a match found, without the article that ends some (« sur les », « y compris les »)."""
    words = m.group(0).split()
    while len(words) > 1 and words[-1] in ("les", "ses", "leurs", "ces"):
        words.pop()
    return " ".join(words)


def _cued(lead: str, cues: dict) -> bool:
    """True when a cue of another relation sits right before a figure (it opens a list of its own)."""
    return any((p := _ending(cues.get(k, ()))) is not None and p.search(lead)
               for k in ("whole_after", "addition", "total_before"))


def _noun(c: Claim) -> str:
    """The words of a figure's quote after its number: its counted noun (« 900 salariés » -> salariés)."""
    q = fold(c.quote)
    m = re.search(r"\d[\d\s.,]*", q)
    rest = q[m.end():] if m else " ".join(w for w in q.split()[1:] if w not in ("de", "d'"))
    rest = re.sub(r"^\s*(?:de |d')", "", rest).strip()
    return rest.split()[0] if rest.split() else ""


def _whole_of(part: Claim, whole: Claim, cue: str) -> bool:
    """True when `whole`, named after « sur … » behind `part`, can be its whole: « dix gares sur les
    seize » (a bare figure), « 150 postes sur un total de 900 salariés » (a total, counted by its own
    noun); not « 3 000 salariés sur 5 sites » (other things counted)."""
    if "total" in cue or "ensemble" in cue or cue.startswith("parmi"):
        return True
    return not _noun(whole) or whole.attribute == part.attribute


def _as_part(c: Claim, rel: tuple[str | None, str], of: Claim | None = None) -> Claim:
    whole, relation = rel
    scope = dict(c.scope)
    rules = dict(c.rules, relation=f"cue:{relation}")
    if of is not None and c.subject_origin in INHERITED_SUBJECTS and of.entity != c.entity:
        # « le scrutin a réuni 13 648 votants, dont 13 262 suffrages exprimés et 212 bulletins blancs »:
        # a part whose own words name nothing is about what its whole is about
        c = replace(c, entity=of.entity, subject_origin=of.subject_origin)
        rules["subject"] = "parse:part-of-whole"
    if not {"place", "unit", "part"} & scope.keys():
        # a part with no place or unit of its own is a fact of its own: compared only with parts
        scope["part"] = relation.split(":", 1)[1] if relation.startswith("part:") else relation.split(":")[0]
    return replace(c, part_of=whole, relation=relation, scope=tuple(sorted(scope.items())),
                   rules=tuple(sorted(rules.items())))


def _as_whole(c: Claim, lex: Lexicon) -> Claim:
    """The whole named after « sur », « sur un total de », « parmi les »: counted by its own noun (« 900
    salariés » is a headcount, whatever verb its part hangs on), and not in the event its part's verb tells
    (« l'usine va fermer 3 lignes sur 7 »: the plant's 7 lines are not closed)."""
    noun = _noun(c)
    attribute = attribute_for_noun(noun, lex) if noun else None
    scope = {k: v for k, v in c.scope if k != "event"}
    if (not attribute or attribute == c.attribute) and len(scope) == len(c.scope):
        return c
    rules = dict(c.rules, attribute="cue:total-noun") if attribute and attribute != c.attribute else dict(c.rules)
    return replace(c, attribute=attribute if attribute else c.attribute, scope=tuple(sorted(scope.items())),
                   rules=tuple(sorted(rules.items())))


def _denials(text: str, claims: list[Claim], sentences: list[tuple[int, int]], lex: Lexicon) -> list[Claim]:
    """Figures an article sets aside right after the one it gives, by a word of denial (« le taux passera à
    46,90 %, et non à 47,50 % comme annoncé en janvier »): the later is denied (modality negated), so that it is
    neither compared nor taken for a correction."""
    if lex.denials is None:
        return claims
    figs = sorted((c for c in claims if c.kind in ("quantity", "money", "percent")), key=lambda c: c.start)
    denied: set[str] = set()
    for _, here in _by_sentence(figs, sentences):
        for earlier, later in zip(here, here[1:]):
            gap = fold(text[earlier.end:later.start])
            hit = lex.denials.search(gap)
            if earlier.attribute == later.attribute and hit and re.fullmatch(r"\s*(?:a|au|aux|de|des|du|d')?\s*",
                                                                               gap[hit.end():]):
                denied.add(later.id)
    return [replace(c, modality="negated", corrects=None,
                    rules=tuple(sorted({k: v for k, v in dict(c.rules, modality="cue:denial").items()
                                        if k != "correction"}.items())))
            if c.id in denied else c for c in claims]


def _corrections(text: str, claims: list[Claim], sentences: list[tuple[int, int]], lex: Lexicon) -> list[Claim]:
    """Figures that correct an earlier figure of one fact in their sentence (« rappelait qu'« Auchan emploie
    54 000 salariés en France », le dirigeant l'a aussitôt corrigée : « 52 127 salariés » »): the later
    takes the place and unit of the one it corrects when it names none, and records which it corrects."""
    if lex.corrections is None:
        return claims
    figs = sorted((c for c in claims if c.kind in ("quantity", "money", "percent") and
                   isinstance(c.value, (float, Bounds))), key=lambda c: c.start)
    fixed: dict[tuple[int, int, str], Claim] = {}  # (start, end, attribute) of a correction -> what it corrects
    for _, here in _by_sentence(figs, sentences):
        for j, later in enumerate(here):
            for earlier in reversed(here[:j]):
                if earlier.attribute == later.attribute and earlier.kind == later.kind and \
                        (earlier.unit or "") == (later.unit or "") and earlier.end <= later.start and \
                        lex.corrections.search(fold(text[earlier.end:later.start])):
                    fixed.setdefault((later.start, later.end, later.attribute), earlier)
                    break
    if not fixed:
        return claims
    out = []
    for c in claims:
        old = fixed.get((c.start, c.end, c.attribute))
        if old is not None and old.value != c.value:
            scope = dict(c.scope)
            for k in ("place", "unit"):
                if k in old.scope_dict() and k not in scope:
                    scope[k] = old.scope_dict()[k]
            c = replace(c, corrects=old.id, scope=tuple(sorted(scope.items())),
                        rules=tuple(sorted(dict(c.rules, correction="cue:correction").items())))
        out.append(c)
    return out

