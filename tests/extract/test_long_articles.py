"""A long article is read in parts and long lines in pieces (issue 11): the work grows with the length of the
text, and what each part says is read as it would be alone; invisible characters do not hide a figure."""
from __future__ import annotations

import datetime as dt

from reconcile.extract import claims as claims_mod
from reconcile.extract import nlp as nlp_mod
from reconcile.model import Source

from .conftest import PUBLISHED

PARAGRAPHS = [
    "L'usine Dorvex de Vesoul emploie 640 salariés, selon la direction.",
    "À Dole, la coopérative Jurassel compte 85 adhérents depuis janvier.",
    "Le chantier du pont de Gray a coûté 14 millions d'euros au département.",
    "Selon la préfecture, 230 foyers étaient privés d'électricité lundi soir à Lons-le-Saunier.",
]


def test_pieces_cover_the_line_and_cut_after_sentences():
    line = " ".join(PARAGRAPHS * 30)
    pieces = nlp_mod._pieces(100, line, size=500)
    assert "".join(t for _, t in pieces) == line
    assert all(len(t) <= 500 for _, t in pieces) and len(pieces) > 3
    assert all(s == 100 + line.index(t) if k == 0 else True for k, (s, t) in enumerate(pieces))
    starts = [s - 100 for s, _ in pieces]
    assert all(line[i - 2:i] == ". " for i in starts[1:])  # each piece begins a sentence


def test_pieces_of_a_line_without_spaces_are_cut_at_the_size():
    assert [len(t) for _, t in nlp_mod._pieces(0, "x" * 1250, size=500)] == [500, 500, 250]


def _source(text):
    return Source(id="long", path="long.txt", text=text, published=PUBLISHED, published_origin="metadata")


def test_long_article_read_in_parts_gives_each_paragraph_its_claims(nlp, default_gazetteer):
    text = "Quatre villes, quatre chiffres\n\n" + "\n\n".join(PARAGRAPHS) + "\n"
    lines = nlp_mod.parse(text, nlp=nlp)
    whole = claims_mod.extract_article(_source(text), lines, default_gazetteer)
    parts = claims_mod.extract_article(_source(text), lines, default_gazetteer, part_chars=80)
    key = lambda cs: sorted((c.quote, c.attribute, c.value, c.id) for c in cs)  # noqa: E731
    assert key(parts) == key(whole) and len(whole) >= 4
    assert {c.value for c in parts} >= {640.0, 85.0, 14_000_000.0, 230.0}
    # a subject named in the figure's sentence is the same; what a part falls back on is that part's own
    assert {c.entity for c in parts if c.value == 640.0} == {c.entity for c in whole if c.value == 640.0} == {"Dorvex"}


def test_a_sentence_repeated_in_two_parts_keeps_two_ids(nlp, default_gazetteer):
    text = "Titre\n\n" + "\n\n".join([PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[0]]) + "\n"
    got = claims_mod.extract_article(_source(text), nlp_mod.parse(text, nlp=nlp), default_gazetteer, part_chars=70)
    headcounts = [c for c in got if c.value == 640.0]
    assert len(headcounts) == 2 and len({c.id for c in got}) == len(got)


def test_headline_claims_appear_once_across_parts(nlp, default_gazetteer):
    text = "Dorvex : 640 salariés inquiets\n\n" + "\n\n".join(PARAGRAPHS) + "\n"
    got = claims_mod.extract_article(_source(text), nlp_mod.parse(text, nlp=nlp), default_gazetteer, part_chars=80)
    head_end = text.index("\n")
    assert len([c for c in got if c.start < head_end and c.value == 640.0]) == 1


def test_zero_width_space_inside_a_figure_is_read_as_a_digit_group(claims):
    text = "L'usine Dorvex de Vesoul emploie 10\u200b000 salariés, selon la direction.\n"
    c = next(c for c in claims(text) if c.value == 10_000.0)
    assert c.quote == "10\u200b000 salariés" and c.attribute == "headcount"


def test_a_paragraph_longer_than_a_line_is_read_whole(nlp, default_gazetteer):
    text = "Titre\n\n" + " ".join(PARAGRAPHS * 60) + "\n"  # one line of about 15 000 characters
    assert len(text) > nlp_mod.MAX_LINE
    got = claims_mod.extract_article(_source(text), nlp_mod.parse(text, nlp=nlp), default_gazetteer)
    assert len([c for c in got if c.value == 640.0]) == 60
    assert all(text[c.start:c.end] == c.quote for c in got)
    assert dt.date(2025, 1, 1) <= PUBLISHED
