"""The state of one article while claims are extracted from it."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Claim, Source
from .entities import EntitySpan
from .lexicon import Lexicon


@dataclass
class Sentence:
    start: int  # absolute
    end: int
    text: str
    tokens: list = field(default_factory=list)  # spaCy tokens with absolute .idx via offset
    offset: int = 0  # absolute offset of the line the tokens index into
    used: set = field(default_factory=set)  # ids of period mentions already part of a claim
    prose: bool = True  # the line reads as prose (not a heading, menu or footer)
    clocks: list | None = None  # its times of day (normalize.clock), read when a claim first asks
    cues: tuple | None = None  # its attribution cues (modality._attributions), read when first asked
    day: object = None  # Interval: the day an earlier sentence of its paragraph named, if one did
    place: str | None = None  # the place an earlier sentence of its paragraph is about (« Lyon a connu jeudi… »)


@dataclass
class Context:
    """What the extractor knows about one article while it walks it."""

    source: Source
    lex: Lexicon
    spans: list[EntitySpan]
    main: str | None
    claims: list[Claim] = field(default_factory=list)
    ids: dict[str, int] = field(default_factory=dict)
    last_attribute: tuple[str, int, str] | None = None  # (attribute, sentence start, mention type) of the last figure
    headline_end: int = -1  # where the article's first line (its headline) ends
    incidents: list = field(default_factory=list)  # incidents.Incident named in the article, in text order
    quotes: list | None = None  # resolvers.quotes: quotations with their speaker, read when first asked
    named_units: list = field(default_factory=list)  # (position, « usine de Vierzon ») named so far, in text order
