"""Times of day: « à 7 heures », « samedi à 18 h 30 », « vendredi soir »; durations are not hours."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from reconcile.normalize.clock import clocks, hhmm, parse_label

WRITTEN = [
    ("À 7 heures, 1,2 million de foyers étaient privés d'électricité.", ["07:00"]),
    ("Samedi à 8 heures, 260 000 clients restaient à réalimenter.", ["08:00"]),
    ("La réunion a commencé vers 15 h 40 au siège.", ["15:40"]),
    ("Le point diffusé vendredi à 18h faisait état de 300 000 clients.", ["18:00"]),
    ("Vendredi soir, ils étaient encore 350 000 dans le noir, et samedi à 18 h 30, 176 000.",
     ["18:00-23:59", "18:30"]),
    ("Le préfet s'est exprimé dans la matinée devant la presse.", ["05:00-11:59"]),
    ("Lundi matin, la circulation a repris sur la ligne.", ["05:00-11:59"]),
]


@pytest.mark.parametrize("text,labels", WRITTEN)
def test_times_of_day_are_read_with_their_span(text, labels):
    found = clocks(text)
    assert [c.label() for c in found] == labels
    for c in found:
        assert text[c.start:c.end].strip() and c.first <= c.last


DURATIONS = [
    "Les pompiers ont lutté pendant 10 heures contre le feu.",
    "Le chantier a été bouclé en 48 heures.",
    "Depuis 24 heures, la circulation est coupée.",
    "Il faut compter 3 heures de route depuis Brest.",
    "Un vent à 150 km/h a soufflé sur la côte.",
]


@pytest.mark.parametrize("text", DURATIONS)
def test_durations_and_speeds_are_not_times_of_day(text):
    assert clocks(text) == []


@given(st.integers(0, 23), st.integers(0, 59), st.sampled_from(["à", "vers", "dès", "avant", "après"]),
       st.sampled_from(["{h} h {m:02d}", "{h}h{m:02d}", "{h} heures {m:02d}"]))
def test_any_written_hour_is_read_back(h, m, word, form):
    text = f"Le train est parti {word} " + form.format(h=h, m=m) + " de la gare."
    found = clocks(text)
    assert [c.label() for c in found] == [hhmm(h * 60 + m)]
    assert parse_label(found[0].label()) == (h * 60 + m, h * 60 + m)


@given(st.integers(24, 99))
def test_hours_beyond_the_day_are_not_times(h):
    assert clocks(f"Le train est parti à {h} heures.") == []


@given(st.integers(0, 1439), st.integers(0, 1439))
def test_labels_round_trip(a, b):
    lo, hi = min(a, b), max(a, b)
    label = hhmm(lo) if lo == hi else f"{hhmm(lo)}-{hhmm(hi)}"
    assert parse_label(label) == (lo, hi)
