"""The spaCy French pipeline, loaded once, and the per-line parse of an article.

spaCy's sentence splitter ignores newlines, so articles are split on lines
first (headings, bullets and table rows stay apart), then parsed line by line.
The model sees a copy of the text in which typographic apostrophes, no-break
spaces and `|` are replaced one character for one character, so offsets into
the copy are offsets into the original.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Iterator

from ..normalize.text import INVISIBLE_RANGES

MODEL = "fr_core_news_md"
_SUBST = str.maketrans({"’": "'", "‘": "'", "\u00a0": " ", "\u202f": " ", "|": " ", "\u2009": " "})
_LINE = re.compile(r"[^\n]+")


@lru_cache(maxsize=1)
def load():
    """Load the French pipeline once per process (it is a PyPI package, never downloaded)."""
    import spacy

    return spacy.load(MODEL)


# "3 000" is two tokens that the parser hangs as det + nummod; "3.000" is one NUM with a clean
# nummod to its noun (measured in ../FRENCH-NLP-NOTES). Joining digit groups keeps the length.
_DIGIT_GROUP = re.compile(r"(?<=\d)[ \u00a0\u202f\u2009](?=\d{3}(?!\d))")


def model_text(text: str) -> str:
    """A copy of `text` for the model, with the same length."""
    return _DIGIT_GROUP.sub(".", text).translate(_SUBST)


@dataclass(frozen=True)
class Line:
    """One non-empty line of an article: its offset in the source text and its parse."""

    start: int
    text: str
    doc: object  # spacy.tokens.Doc over model_text(text)


# A paragraph longer than this is read in pieces, cut after a sentence where it can be (spaCy's max_length is
# far above it; the parser's memory and the extractor's work on one line grow faster than its length)
MAX_LINE = 10_000
# Zero-width and bidi control characters (normalize.text) are read as spaces: « 10\u200b000 » is 10 000,
# and the offsets of what is read stay those of the source's text
_INVISIBLE = str.maketrans(dict.fromkeys([n for a, b in INVISIBLE_RANGES for n in range(a, b + 1)], " "))
_SENTENCE_END = re.compile(r"[.!?…][»\"”)]?\s+")


def lines_of(text: str, start: int = 0) -> list[tuple[int, str]]:
    """Non-blank lines of `text[start:]` with their absolute offsets (a very long line in pieces)."""
    out = []
    for m in _LINE.finditer(text, start):
        if m.group().strip():
            out.extend(_pieces(m.start(), m.group()))
    return out


def _pieces(start: int, line: str, size: int = MAX_LINE) -> list[tuple[int, str]]:
    """`line` cut into pieces of at most `size` characters: after the last sentence end in the second half
    of a piece, else after its last space, else at `size`."""
    out, i = [], 0
    while len(line) - i > size:
        window = line[i:i + size]
        ends = [m.end() for m in _SENTENCE_END.finditer(window) if m.end() > size // 2]
        space = window.rfind(" ") + 1
        cut = ends[-1] if ends else space if space > size // 2 else size
        out.append((start + i, line[i:i + cut]))
        i += cut
    out.append((start + i, line[i:]))
    return [(s, t) for s, t in out if t.strip()]


def parse(text: str, *, start: int = 0, nlp=None, batch_size: int = 32) -> list[Line]:
    """Parse every non-blank line of `text` from `start`, in one batched pipe (invisible characters read as
    spaces: a Line's text has the length of the source's)."""
    return next(parse_many([(None, text, start)], nlp=nlp, batch_size=batch_size))[1]


def parse_many(texts: Iterable[tuple[Any, str, int]], *, nlp=None, batch_size: int = 32) -> Iterator[tuple[Any, list[Line]]]:
    """(key, its Lines) for each (key, text, start) of `texts`, in order: the lines of all of them parsed in
    one stream of the model's batches (short articles fill a batch together, as in a bare `nlp.pipe`)."""
    nlp = nlp or load()
    spans = [(k, [(s, t.translate(_INVISIBLE)) for s, t in lines_of(text, start)]) for k, text, start in texts]
    docs = nlp.pipe((model_text(t) for _, lines in spans for _, t in lines), batch_size=batch_size)
    for k, lines in spans:
        yield k, [Line(s, t, _french_lemmas(next(docs))) for s, t in lines]


def _french_lemmas(doc):
    """Two repairs of the model's lookup lemmatizer.

    It gives some French plurals an English lemma (« parties » -> « party »): a noun written « -ies » whose
    lemma ends in « -y » is lemmatized as its French singular (« partie »).

    It leaves as they are the finite verbs whose form is also a noun (« la CGT réclame », « Samia Khelifi
    indique que », « il estime », « le site compte »; measured: about one finite verb in fifteen in our
    stories): a finite verb in « -e » whose lemma is its own form is a verb of the first group, whose
    infinitive is that form and « r » (every such form we met; « ouvre » or « offre » would come out
    « ouvrer », « offrer », no worse than unlemmatized)."""
    for t in doc:
        if t.pos_ == "NOUN" and t.lemma_.endswith("y") and t.text.lower().endswith("ies"):
            t.lemma_ = t.text.lower()[:-1]
        elif t.pos_ == "VERB" and "Fin" in t.morph.get("VerbForm") and t.lemma_ == t.text.lower() and \
                t.lemma_.endswith("e") and t.lemma_.isalpha():
            t.lemma_ += "r"
    return doc
