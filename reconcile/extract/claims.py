"""From mentions to claims: entity, attribute, value, time, modality, attribution.

Pure: the caller hands in the source, its per-line parse and the registry. This
module walks an article and reads figures; `events` reads dated events and
states, `subjects` finds what a claim is about, `modality` how it is said,
`assemble` builds the Claim.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Bounds, Claim, Mention, Source
from ..normalize import parse_mentions
from ..normalize.text import fold
from .assemble import add_claim, time_for
from .context import Context, Sentence
from .entities import Gazetteer, main_entity
from .events import dated, events, states
from .lexicon import Lexicon, attribute_for_noun, load as load_lexicon
from .subjects import find_subject

_CONNECTOR = re.compile(r"^[\s\w'’]{0,28}$")


_EN_CLITIC = re.compile(r"\ben\s+\w+\s*$")


_RELATIVE_TO_NOUN = re.compile(r"\b([a-z]{3,})(?:\s+[a-z]+){0,4}\s*,\s*(?:ou|dont)\s[^,;]*$")


_PROSE_END = re.compile(r"[.!?…»\"”)]\s*$")


def extract(source: Source, lines, gazetteer: Gazetteer, *, lex: Lexicon | None = None) -> list[Claim]:
    """All claims of one source, in text order."""
    lex = lex or load_lexicon()
    spans = gazetteer.article_spans(lines)
    headline_end = lines[0].start + len(lines[0].text) if lines else -1
    ctx = Context(source, lex, spans, main_entity(spans, headline_end=headline_end))
    previous: list[Sentence] = []
    for line in lines:
        mentions = parse_mentions(line.text, ref=source.published)
        for sent in line.doc.sents:
            s = Sentence(line.start + sent.start_char, line.start + sent.end_char,
                         line.text[sent.start_char:sent.end_char], list(sent), line.start,
                         prose=_PROSE_END.search(line.text) is not None)
            ms = [_shift(m, line.start) for m in mentions if sent.start_char <= m.start < sent.end_char]
            events(ctx, s, ms, previous)
            _figures(ctx, s, ms, previous)
            states(ctx, s, ms, previous)
            dated(ctx, s, ms, previous)
            previous = (previous + [s])[-5:]
    return sorted(ctx.claims, key=lambda c: (c.start, c.end, c.attribute))


def _shift(m: Mention, offset: int) -> Mention:
    return replace(m, start=m.start + offset, end=m.end + offset)


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
        entity, how = find_subject(ctx, s, m.start, m.end, previous)
        rel = _RELATIVE_TO_NOUN.search(fold(text[s.start:m.start]))
        if rel and how in ("previous sentence", "main entity", "topic noun") and \
                not any(x.start <= s.start + rel.start(1) < x.end for x in ctx.spans):
            entity, how = rel.group(1), "noun subject"  # "l'atelier, où travaillait une trentaine de personnes"
        if entity is None or (attr.startswith("count:") and how in ("previous sentence", "main entity")):
            continue  # a count of an unknown noun, about nothing named here, is no claim
        time, origin = time_for(ctx, s, m, periods)
        add_claim(ctx, s, m.start, m.end, entity=entity, attribute=attr, value=_value(m),
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
