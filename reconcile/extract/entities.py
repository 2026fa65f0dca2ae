"""Entity spans in an article and the subject a figure or event is about.

Spans come from three places: the alias registry (a gazetteer over folded
text), spaCy's NER (ORG, PER, MISC, LOC), and definite descriptions ("la
filiale", "le groupe") resolved to an entity named earlier.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace

from ..normalize.entities import Registry
from ..normalize.text import fold, phrase_pattern
from .frames import introduced_by_de

NER_LABELS = {"ORG", "PER", "MISC", "LOC"}
_PREPOSITIONS = {"de", "d'", "du", "des", "a", "au", "aux", "dans", "pour", "avec", "par", "sur",
                 "entre", "vers", "contre", "sans", "sous", "selon", "en", "ex", "comme", "chez", "apres"}
_PREV_WORD = re.compile(r"([\w']+)\s*$")
# "de la Renaulution", "pour la marque Renault": the preposition sits before an article and
# at most one common noun.
_ARTICLE_BEFORE = re.compile(r"(?:\b(?:le|la|les|un|une|sa|son|ses|cette|ce|cet)\s+|\bl')(?:[a-z]+\s+)?$")
STRONG_BREAKS = re.compile(r"[();:\u2014]| – | - | / |\btandis que\b|\balors que\b|\bmais\b|\bdont\b|\bquand\b|\bet\b")
WEAK_BREAKS = re.compile(r",")


@dataclass(frozen=True)
class EntitySpan:
    start: int  # absolute offsets into the source text
    end: int
    text: str
    name: str  # canonical name
    type: str  # ORG, PER, LOC, MISC, OUTLET
    how: str  # "name" or "description"
    prep: str | None  # the preposition right before the span, folded ("de", "chez"), if any
    intro: str | None = None  # the common noun that introduced the name ("usine" in "l'usine Sylvachim")


class Gazetteer:
    """Registry surface forms compiled into one folded regex."""

    def __init__(self, registry: Registry):
        self.registry = registry
        forms = registry.surface_forms()
        self._by_fold = {fold(f).strip(): e for f, e in forms}
        self._forms_of: dict[str, list[str]] = {}
        for f, e in forms:
            self._forms_of.setdefault(e.name, []).append(f)
        self.pattern = phrase_pattern([f for f, _ in forms])
        org_desc = list(registry.descriptions.get("org", []))
        own = [d for e in registry.entities for d in e.descriptions]
        self.desc_pattern = _description_pattern(org_desc + own)
        self.outlet_pattern = _description_pattern(registry.descriptions.get("outlet", []))
        self.union_pattern = _description_pattern(registry.descriptions.get("union", []))
        # head noun of a place description (« departement ») -> the kind of place it refers back to
        self.place_kinds = {fold(k).replace("'", " ").split()[-1]: v for k, v in registry.descriptions.get("place", {}).items()}
        self.place_pattern = _description_pattern(list(registry.descriptions.get("place", {})))
        self.numbered = _numbered_pattern(registry.descriptions.get("numbered", []))
        self.titles = {fold(t).rstrip(".") for t in registry.descriptions.get("titles", [])}
        self.quoted_types = {fold(k): v for k, v in registry.descriptions.get("quoted", {}).items()}
        self.quoted = _quoted_pattern(self.quoted_types)
        nouns = [re.escape(fold(n)) for n in registry.descriptions.get("org_nouns", [])]
        self.org_noun_before = re.compile(
            rf"\b({'|'.join(nouns)})(?:\s+[\w'-]+){{0,4}}\s+$") if nouns else None
        self.name_heads = {fold(w) for w in registry.descriptions.get("name_heads", []) +
                           registry.descriptions.get("org_nouns", []) +
                           [w for row in registry.descriptions.get("institutions", []) for w in row]}
        # « le centre hospitalier de Roncelles », « l'hôpital de Roncelles »: a body named by its place
        self.institution_of = {fold(w): row[0] for row in registry.descriptions.get("institutions", []) for w in row}
        words = "|".join(re.escape(w) for w in sorted(self.institution_of, key=len, reverse=True))
        self.institution_before = re.compile(rf"(?<!\w)({words})\s+{_OF}$") if words else None
        self.institution_at = re.compile(rf"({words})\s+{_OF}(?=\S)") if words else None

    def spans(self, text: str, offset: int, doc, prior: list[EntitySpan]) -> list[EntitySpan]:
        """Entity spans of one line (`text` at absolute `offset`, `doc` its parse)."""
        return self.describe(text, offset, self.names(text, offset, doc), prior)

    def article_spans(self, lines) -> list[EntitySpan]:
        """Entity spans of a whole article: names first (promoted consistently), then descriptions."""
        names = promote([x for line in lines for x in self.names(line.text, line.start, line.doc)])
        names = _without_capitalized_words(names, lines, self.registry)
        out: list[EntitySpan] = []
        phrases: tuple = ()  # the article's nouns whose complement is a name, so far
        for line in lines:
            here = [x for x in names if line.start <= x.start < line.start + len(line.text)]
            phrases += _complemented(line, here)
            out.extend(self.describe(line.text, line.start, here, out, phrases))
        return out

    def names(self, text: str, offset: int, doc) -> list[EntitySpan]:
        """Named entities of one line: registry forms first, then spaCy's NER."""
        folded = fold(text)
        out: list[EntitySpan] = []
        taken: list[tuple[int, int]] = []
        for m in self.numbered.finditer(text) if self.numbered else ():
            if not _overlaps(m.start(), m.end(), taken):  # « la ligne 15 Sud »: a name, not a count
                name = " ".join(m.group().split())
                name = name[0].upper() + name[1:]
                out.append(self._span(text, folded, m.start(), m.end(), offset, name, "MISC", "numbered"))
                taken.append((m.start(), m.end()))
        for m in self.quoted.finditer(folded) if self.quoted else ():
            inner = text[m.start(2):m.end(2)].strip()
            if inner[:1].isupper() and len(inner.split()) <= _MAX_QUOTED_WORDS and \
                    not _overlaps(m.start(), m.end(), taken):  # « la liste « Lorvannes d'abord » »: a list
                noun = text[m.start(1):m.end(1)].lower()
                out.append(replace(self._span(text, folded, m.start(), m.end(), offset, f"{noun} {inner}",
                                              self.quoted_types[m.group(1)], "name"), intro=m.group(1)))
                taken.append((m.start(), m.end()))
        if self.pattern:
            for m in self.pattern.finditer(folded):
                e = self._by_fold.get(re.sub(r"\s+", " ", m.group()))
                if e and text[m.start()].islower() and e.name[:1].isupper() and \
                        not any(f[:1].islower() for f in self._forms_of.get(e.name, ())):
                    continue  # « l'état de catastrophe naturelle » is not « l'État »
                if e and not _overlaps(m.start(), m.end(), taken):
                    out.append(self._span(text, folded, m.start(), m.end(), offset, e.name, e.type, "name"))
                    taken.append((m.start(), m.end()))
        for ent in doc.ents:
            if ent.label_ not in NER_LABELS or _overlaps(ent.start_char, ent.end_char, taken):
                continue
            a, b = ent.start_char, ent.end_char
            toks = list(ent)
            while len(toks) > 1 and toks[-1].pos_ in ("VERB", "AUX", "ADV", "PRON", "SCONJ"):
                toks.pop()  # « Société des grands projets décale »: a name does not end with a verb
            b = toks[-1].idx + len(toks[-1].text)
            surface = text[a:b]
            if len(surface.strip()) < 2 or not any(c.isupper() for c in surface) or \
                    fold(surface).strip().rstrip(".") in self.titles:
                continue  # (« Me » of « Me Claire Hennequin », tagged alone: a title names nobody)
            body = self._institution(text, folded, a, b)
            if body is not None:  # « le centre hospitalier de Roncelles »: the body, not its place
                a2, name = body
                known = self.registry.lookup(name)
                out.append(self._span(text, folded, a2, b, offset, known.name if known else name,
                                      known.type if known else "ORG", "name"))
                taken.append((ent.start_char, ent.end_char))
                continue
            known = self.registry.lookup(surface)
            if not known and ent.label_ in ("ORG", "MISC"):
                tail = _complement_name(surface, self.name_heads)
                if tail is not None:  # « l'avenir institutionnel d'Ampere »: the name is Ampere's
                    a = b - len(tail)
                    surface = tail
                    known = self.registry.lookup(surface)
            label = ent.label_
            intro = self._org_noun_before(folded, a)
            split = re.match(r"(.+?)\s+(?:de|du|d')\s*[A-Z]", surface)
            if not known and label in ("LOC", "MISC") and intro and (split is None or split.group(1)[:1].isupper()):
                label = "ORG"  # "l'usine Sylvachim": a firm the NER took for a place; not « (en chêne) massif de
                # Saint-Aubrin », whose lowercase words before « de » name no firm
                if split:  # "Sylvachim de Castelbrune": the firm, then its town
                    b = a + len(split.group(1))
                    surface = text[a:b]
            name = known.name if known else self.registry.canonical(surface)
            etype = known.type if known else label
            out.append(replace(self._span(text, folded, a, b, offset, name, etype, "name"), intro=intro))
            taken.append((ent.start_char, ent.end_char))
        return sorted(out, key=lambda s: s.start)

    def _institution(self, text: str, folded: str, a: int, b: int) -> tuple[int, str] | None:
        """(start, name) of a public body named by its place around the name at [a, b) (entities.toml
        [descriptions] institutions): « l'hôpital de Roncelles » is the « centre hospitalier de Roncelles »,
        the first way its row writes the body. None when no body word comes right before the place."""
        if not self.institution_before:
            return None
        inner = self.institution_at.match(folded[a:b])
        if inner:  # the NER took the body's words in: « la Cour d'appel de Lyon »
            word, prep, place_at, start = inner.group(1), inner.group(2), a + inner.end(), a
        else:
            m = self.institution_before.search(folded[max(0, a - 48):a])
            if not m:
                return None
            word, prep, place_at = m.group(1), m.group(2), a
            start = max(0, a - 48) + m.start()
        place = text[place_at:b].strip()
        if not place[:1].isupper():
            return None
        body = self.institution_of[word]
        if fold(body) == word:  # the row's own word as the article writes it (« Université de Bordeaux »)
            body = text[start:start + len(body)]
        return start, f"{body} {prep}{place}"

    def describe(self, text: str, offset: int, names: list[EntitySpan], prior: list[EntitySpan],
                 phrases: tuple = ()):
        """`names` of one line plus its definite descriptions, resolved against what came before
        (`phrases`: (position, head noun, name) of the article's nouns whose complement is a name)."""
        folded = fold(text)
        taken = [(x.start - offset, x.end - offset) for x in names]
        out = self._descriptions(text, folded, offset, list(names), taken, prior)
        self._phrase_heads(text, folded, offset, out, taken, phrases)
        return sorted(out, key=lambda s: s.start)

    def _phrase_heads(self, text, folded, offset, out, taken, phrases):
        """« Ce prolongement » after « le prolongement de la ligne 14 »: the name the noun's complement gave,
        when one name only was given that noun before, and the description, in the singular, has no
        complement of its own (« les usines » after « l'usine de Douai » are more than it)."""
        heads = {w for _, w, _ in phrases if w not in self.name_heads}  # « la présidente du tribunal » is a person
        if not heads:
            return
        pattern = re.compile(rf"(?<![\w])(?:le|la|l'|ce|cet|cette)\s*({'|'.join(map(re.escape, sorted(heads, key=len, reverse=True)))})"
                             rf"(?![\w])(?!\s+(?:de|du|des|d')\b)")
        for m in pattern.finditer(folded):
            if _overlaps(m.start(), m.end(), taken):
                continue
            named = {name for pos, w, name in phrases if w == m.group(1) and pos < offset + m.start()}
            if len(named) == 1:
                out.append(self._span(text, folded, m.start(), m.end(), offset, named.pop(), "MISC", "description"))
                taken.append((m.start(), m.end()))

    def _org_noun_before(self, folded: str, a: int) -> str | None:
        m = self.org_noun_before.search(folded[max(0, a - 60):a]) if self.org_noun_before else None
        if m and re.search(r"\b(?:de|du|des|a|au|aux|en|dans|pres de)\s+$", folded[max(0, a - 60):a]):
            return None  # « son usine de Vierzon »: a place after a preposition is where the firm is
        return m.group(1) if m else None

    def _descriptions(self, text, folded, offset, names, taken, prior):
        out = list(names)
        for pattern, kind in ((self.union_pattern, "union"), (self.desc_pattern, "org"),
                              (self.outlet_pattern, "outlet")):
            if not pattern:
                continue
            for m in pattern.finditer(folded):
                if _overlaps(m.start(), m.end(), taken):
                    continue
                before = [s for s in prior + out if s.start < offset + m.start() and s.how == "name"]
                appos = [s for s in out if s.how == "name" and s.type not in ("PER", "LOC") and
                         re.fullmatch(r",\s*", text[s.end - offset:m.start()] or "x")]
                # (« Fondé par Henri Tessandier, le groupe »: a person or a place is no organisation's apposition)
                name = appos[0].name if appos else self._resolve(m.group(), kind, before)
                if name:
                    etype = {"outlet": "OUTLET", "union": "UNION"}.get(kind, "ORG")
                    out.append(self._span(text, folded, m.start(), m.end(), offset, name, etype, "description"))
                    taken.append((m.start(), m.end()))
        self._places(text, folded, offset, out, taken, prior)
        self._head_nouns(text, folded, offset, out, taken, prior)
        return out

    def _places(self, text, folded, offset, out, taken, prior):
        """« le département » after « Dans le Val-de-Marne »: the nearest place named before, of the
        kind the description says (département, région, ville), as the place gazetteer knows it."""
        if not self.place_pattern:
            return
        from ..normalize.places import gazetteer
        for m in self.place_pattern.finditer(folded):
            if _overlaps(m.start(), m.end(), taken):
                continue
            kind = self.place_kinds.get(m.group().replace("'", " ").split()[-1])
            before = [x for x in prior + out if x.start < offset + m.start() and x.how == "name" and x.type == "LOC"
                      and (p := gazetteer().lookup(x.name)) is not None and p.kind == kind]
            if kind and before:
                # the nearest named in its own paragraph; else the one the article names most, then first:
                # « Lunel, dans l'Hérault voisin » named once after the Gard does not make « le département »
                # the Hérault
                here = [x for x in before if x.start >= offset]
                counts = Counter(x.name for x in before)
                name = here[-1].name if here else max(before, key=lambda x: counts[x.name]).name
                out.append(self._span(text, folded, m.start(), m.end(), offset, name, "LOC", "description"))
                taken.append((m.start(), m.end()))

    def _head_nouns(self, text, folded, offset, out, taken, prior):
        """ "le futur stade" after "Grand Stade des Berges": a description by a word of an earlier name."""
        heads: dict[str, str] = {}
        for x in prior + out:
            if x.how == "name" and x.type in ("ORG", "LOC") and x.start < offset + len(text) \
                    and len(x.text.replace("-", " ").split()) >= 2:  # « l'état » is no description of « l'État »
                for w in fold(x.text).replace("-", " ").split():
                    if len(w) >= 4 and w.isalpha() and not any(c.isupper() for c in w):
                        heads[w] = x.name
                if x.intro:
                    heads[x.intro] = x.name
        if not heads:
            return
        pattern = re.compile(rf"(?<![\w])(?:{_DETERMINERS}|du|au|des|aux)\s*(?:{_ADJECTIVES}\s+)?"  # « du barrage »
                             rf"({'|'.join(map(re.escape, sorted(heads, key=len, reverse=True)))})(?![\w])")
        for m in pattern.finditer(folded):
            if _overlaps(m.start(), m.end(), taken) or _NAME_AFTER.match(text, m.end()):
                continue  # « la liste Lutte ouvrière »: the noun introduces a name of its own
            before = [x for x in prior + out if x.start < offset + m.start()
                      and (m.group(1) in fold(x.text) or x.intro == m.group(1))]
            if len({x.name for x in before if x.intro == m.group(1)}) > 1:
                continue  # « la liste arrivée en tête » after three lists named: which one, the words do not say
            if before:
                out.append(self._span(text, folded, m.start(), m.end(), offset, before[-1].name, "ORG",
                                      "description"))
                taken.append((m.start(), m.end()))

    def _resolve(self, phrase: str, kind: str, before: list[EntitySpan]) -> str | None:
        """A registered owner of the description, else the entity introduced by the same noun
        ("l'usine" after "l'usine Sylvachim"), else the most often named so far (then the nearest)."""
        wanted = {"outlet": {"OUTLET"}, "union": {"UNION"}}.get(kind, {"ORG", "MISC"})
        cands = [s for s in before if s.type in wanted]
        if not cands:
            return None
        seen = list(dict.fromkeys(s.name for s in reversed(cands)))
        owner = self.registry.owner_of_description(phrase, seen)
        if owner:
            return owner
        head = fold(phrase).split()[-1].lstrip("l'")
        intro = [s for s in cands if s.intro == head]
        if intro:
            return intro[-1].name
        counts = {n: sum(1 for s in cands if s.name == n) for n in seen}
        return max(seen, key=lambda n: (counts[n], -seen.index(n)))

    @staticmethod
    def _span(text, folded, a, b, offset, name, etype, how) -> EntitySpan:
        lo = max(0, a - 40)
        return EntitySpan(offset + a, offset + b, text[a:b], name, etype, how,
                          _preposition(folded[lo:a], text[lo:a]))


_ARTICLES = {"le", "la", "les", "l'", "un", "une", "sa", "son", "ses", "cette", "ce", "cet", "leur", "leurs"}

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_LINE_START = re.compile(r"(?:^|[.!?:«»\"]\s*|^#+\s*|^[-*•]\s*)$")


def _complemented(line, names: list[EntitySpan]) -> tuple:
    """(position, folded head noun, name) of the line's common nouns whose « de » complement is a name
    (« le prolongement de la ligne 14 »)."""
    out = []
    for t in line.doc:
        if t.pos_ != "NOUN" or not t.text[:1].islower():
            continue
        for c in t.children:
            if c.dep_ != "nmod" or c.i <= t.i or not introduced_by_de(c):
                continue
            pos = line.start + c.idx
            x = next((x for x in names if x.start <= pos < x.end), None)
            if x is not None and x.type in ("ORG", "MISC"):  # « l'usine de Castelbrune » is in it, not it
                out.append((line.start + t.idx, fold(t.text), x.name))
    return tuple(out)


def _without_capitalized_words(names: list[EntitySpan], lines, registry: Registry) -> list[EntitySpan]:
    """Drop names that are only common words capitalized at the start of a line or sentence
    (« # Plan social chez Auchan » when the article also writes « le plan » and « social »): the
    NER takes them for a name. A name the registry knows, or with a capital past its first
    letter (« Tempête Ciarán », « Banque de France »), is kept."""
    lower: set[str] = set()
    for line in lines:
        lower.update(fold(w) for w in _WORD.findall(line.text) if w[:1].islower())
    starts = [ln.start for ln in lines]
    out = []
    for x in names:
        words = _WORD.findall(x.text)
        line = lines[bisect_right(starts, x.start) - 1] if starts and x.start >= starts[0] else None
        before = line.text[:x.start - line.start] if line is not None else ""
        common = words and all(fold(w) in lower for w in words) and all(w[:1].islower() for w in words[1:])
        if x.how == "name" and common and _LINE_START.search(before) and not registry.lookup(x.text):
            continue
        out.append(x)
    return out


_COMPLEMENT_NAME = re.compile(r"^([a-zà-ÿ][\w-]*)(?:\s+[a-zà-ÿ][\w-]*){0,2}\s+(?:de la |de l'|de l’|du |des |de |d'|d’)(?=[A-ZÀ-Ý])")


def _complement_name(surface: str, heads: set[str]) -> str | None:
    """The capitalized complement of a NER name that opens on a common noun and « de » (« histoire
    d'Ampere », « avenir institutionnel d'Ampere » -> « Ampere »), unless that noun begins real names of
    bodies and offices (`heads`: « ministère de l'Intérieur », « président de la Métropole »)."""
    m = _COMPLEMENT_NAME.match(surface)
    if not m or fold(m.group(1)) in heads:
        return None
    return surface[m.end():]


def _preposition(folded: str, original: str) -> str | None:
    """The preposition governing a name, looking back over one article and one common noun:
    "de la Renaulution", "pour la marque Renault", "du groupement Bâtisud-Vinel".
    Punctuation stops the search ("Basé en France, Ampere" has none)."""
    cut = max(folded.rfind(ch) for ch in ",;:.()«»\"!?")
    folded, original = folded[cut + 1:], original[cut + 1:]
    pairs = list(zip(re.findall(r"[\w]+'|[\w-]+", folded), re.findall(r"[\w]+['’]|[\w-]+", original)))[-4:]
    skipped_noun = False
    while pairs:
        w, o = pairs.pop()
        if w in _PREPOSITIONS:
            return w
        if w.endswith("'") and w[:-1] + "'" in _PREPOSITIONS:
            return w
        if w in _ARTICLES:
            continue
        if not skipped_noun and o.isalpha() and o.islower() and len(w) > 2:
            skipped_noun = True
            continue
        return None
    return None


_DETERMINERS = r"(?:le|la|les|l'|cette|ce|cet|ces|sa|son|ses|leur|leurs|nos|notre)"
_OF = r"(de la |de l'|du |des |de |d')"  # « de » and its forms before a name, in folded text
_ADJECTIVES = r"(?:futur|future|nouveau|nouvel|nouvelle|ancien|ancienne|vieux|vieil|vieille|grand|grande|jeune|meme)"


def _numbered_pattern(nouns) -> re.Pattern | None:
    """Names made of a noun and a number: « ligne 15 Sud », « lignes 16, 17 et 18 », « RN 165 »,
    « A7 », « article 49.3 ».

    Lowercase nouns match in any case (« Ligne 14 »); abbreviations only as written, and a
    one-letter one only glued to its number (« A7 », never « A 20 heures »).
    """
    if not nouns:
        return None
    alts = sorted(nouns, key=len, reverse=True)
    spaced = "|".join(rf"(?i:{re.escape(n)})" if n.islower() else re.escape(n) for n in alts if len(n) > 1)
    glued = "|".join(re.escape(n) for n in alts if len(n) == 1)
    number = r"\d{1,3}(?:[.,]\d+)?[a-z]?\b(?![\s\u00a0]?\d)(?:\s(?:Sud|Nord|Est|Ouest|bis|ter)\b)?"
    more = rf"(?:\s*(?:,|\bet\b|\bou\b)\s*{number})*"
    head = rf"(?:\b(?:{spaced})[\s\u00a0-]?" + (rf"|\b(?:{glued})-?" if glued else "") + ")"
    return re.compile(rf"{head}{number}{more}")


_MAX_QUOTED_WORDS = 8
_NAME_AFTER = re.compile(r"\s+(?:[«“\"]\s*)?[A-ZÀ-Ý]")  # a capitalized word (or a quoted name) right after a noun


def _quoted_pattern(nouns) -> re.Pattern | None:
    """A common noun of `nouns` (folded) and the name in quotation marks right after it."""
    if not nouns:
        return None
    words = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    return re.compile(rf"\b({words})\s+[«“\"]\s*([^«»“”\"\n]{{2,80}}?)\s*[»”\"]")


def _description_pattern(descriptions) -> re.Pattern | None:
    """Definite descriptions with any determiner: "la filiale", "cette filiale", "sa filiale"."""
    heads = set()
    for d in descriptions:
        words = fold(d).strip().split()
        if words and re.fullmatch(_DETERMINERS, words[0]):
            words = words[1:]
        elif words and words[0].startswith("l'"):
            words[0] = words[0][2:]
        if words:
            heads.add(r"\s+".join(re.escape(w) for w in words))
    if not heads:
        return None
    alts = "|".join(sorted(heads, key=len, reverse=True))
    return re.compile(rf"(?<![\w]){_DETERMINERS}\s*(?:{alts})(?![\w])")


def _overlaps(a: int, b: int, spans) -> bool:
    return any(a < y and x < b for x, y in spans)


def clause_bounds(text: str, lo: int, hi: int, pos: int, *, weak: bool = True) -> tuple[int, int]:
    """The clause of `text[lo:hi]` holding `pos`: cut at strong breaks, and commas if `weak`."""
    folded = fold(text[lo:hi])
    cuts = [m.start() + lo for m in STRONG_BREAKS.finditer(folded)]
    if weak:
        cuts += [m.start() + lo for m in WEAK_BREAKS.finditer(folded)]
    start = max([c for c in cuts if c <= pos], default=lo)
    end = min([c for c in cuts if c > pos], default=hi)
    return start, end


def promote(spans: list[EntitySpan]) -> list[EntitySpan]:
    """A name seen once as an organisation in an article is one everywhere in it."""
    orgs = {s.name for s in spans if s.type == "ORG" and s.how == "name"}
    return [replace(s, type="ORG") if s.name in orgs and s.type in ("LOC", "MISC") else s for s in spans]


def main_entity(spans: list[EntitySpan], *, headline_end: int = -1) -> str | None:
    """What an article is about: the organisation, person or place it names most.

    A mention in subject position counts 1, after a preposition 0.5; the first
    name in the headline (before `headline_end`) counts 3 more, the others 1.
    Ties: the first named.
    """
    score: dict[str, list[float]] = {}
    first_in_headline = True
    for s in spans:
        if s.type not in ("ORG", "PER", "LOC"):
            continue
        bonus = 0.0
        if s.start < headline_end:
            bonus, first_in_headline = (3.0 if first_in_headline else 1.0), False
        w = (1.0 if s.prep is None else 0.5) + bonus
        score.setdefault(s.name, [0.0, -s.start])[0] += w
    if not score:
        return None
    return max(score.items(), key=lambda kv: (kv[1][0], kv[1][1]))[0]
