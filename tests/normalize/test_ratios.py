"""Rates written as ratios (« un TGV sur deux », « deux métros sur trois ») are percentages; a whole
that is no usual fraction, or that counts a noun of its own, leaves two counts (numbers.toml [ratio])."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reconcile.normalize.numbers import parse

WORDS = {1: "un", 2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 6: "six", 7: "sept", 8: "huit", 9: "neuf",
         10: "dix"}


@pytest.mark.parametrize("text, quote, value", [
    ("La SNCF prévoit un TGV sur deux ce jeudi.", "un TGV sur deux", 50.0),
    ("Seul un TER sur quatre circulait.", "un TER sur quatre", 25.0),
    ("Deux métros sur trois roulaient.", "Deux métros sur trois", 66.7),
    ("Neuf TGV sur dix circuleront lundi.", "Neuf TGV sur dix", 90.0),
    ("Un élève sur cinq était absent.", "Un élève sur cinq", 20.0),
    ("Trois trains régionaux sur dix sont supprimés.", "Trois trains régionaux sur dix", 30.0),
    ("Un sur deux a répondu.", "Un sur deux", 50.0),
])
def test_a_rate_written_as_a_ratio_is_a_percentage(text, quote, value):
    found = [m for m in parse(text) if m.type == "percent"]
    assert [(m.text, m.value, m.unit) for m in found] == [(quote, value, "%")]


@pytest.mark.parametrize("text", [
    "Huit grues sur neuf sont à l'arrêt.",  # a whole that is no usual fraction: eight cranes of nine
    "La liste obtient 29 sièges sur 39.",
    "La production sera regroupée sur deux lignes au lieu de trois.",
    "Il a travaillé trois jours sur cinq semaines.",  # the whole counts a noun of its own
    "Les 3 000 salariés sur les 24 000 inscrits.",
    "Deux sur trois millions de foyers.",  # a scale word makes it an amount
])
def test_counts_and_other_wholes_are_no_ratio(text):
    assert not [m for m in parse(text) if m.type == "percent"], parse(text)


@given(st.sampled_from([2, 3, 4, 5, 10]).flatmap(lambda w: st.tuples(st.integers(1, w - 1), st.just(w))),
       st.booleans())
def test_every_part_of_a_usual_whole_reads_as_its_percentage(pair, in_words):
    part, whole = pair
    written = (WORDS[part], WORDS[whole]) if in_words else (str(part), str(whole))
    text = f"Ce matin, {written[0]} train sur {written[1]} circule."
    found = [m for m in parse(text) if m.type == "percent"]
    assert len(found) == 1 and found[0].value == round(100 * part / whole, 1), (text, found)


@pytest.mark.parametrize("text, quote, value", [
    ("Un TGV sur deux dans le Sud-Est circulera.", "Un TGV sur deux", 50.0),  # a preposition after the whole
    ("Deux trains sur trois supprimés.", "Deux trains sur trois", 66.7),  # a participle after the whole
    ("Vingt et un élèves sur cent ont réussi.", "Vingt et un élèves sur cent", 21.0),
])
def test_what_follows_a_ratio_s_whole_may_be_no_noun(text, quote, value):
    found = [m for m in parse(text) if m.type == "percent"]
    assert [(m.text, m.value) for m in found] == [(quote, value)]
