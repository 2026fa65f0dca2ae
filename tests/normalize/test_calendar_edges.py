"""Dates at the ends of the calendar (issue 11): reading never raises, whatever the reference day."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given, settings, strategies as st

from reconcile.normalize import parse_mentions

PHRASES = ["l'an dernier", "il y a deux ans", "au premier trimestre", "la semaine dernière", "hier", "demain",
           "en septembre", "l'an prochain", "dans 5000 ans", "le 31 décembre 9999 et le lendemain",
           "du 1er au 3 janvier", "mi-2027", "d'ici la fin de la décennie", "le 3/11", "les 16, 17 et 18"]


@settings(max_examples=300, deadline=None)
@given(ref=st.one_of(st.none(), st.dates()), phrase=st.sampled_from(PHRASES))
@example(ref=dt.date(1, 1, 1), phrase="hier")
@example(ref=dt.date(9999, 12, 31), phrase="le 31 décembre 9999 et le lendemain")
def test_any_reference_day_reads_without_error(ref, phrase):
    for m in parse_mentions(f"Selon la mairie, {phrase}, 40 salariés.", ref=ref):
        if m.time is not None:
            assert dt.date.min <= m.time.start <= m.time.end <= dt.date.max


@pytest.mark.parametrize("ref", [dt.date(1, 1, 1), dt.date(9999, 12, 31)])
def test_a_relative_date_off_the_calendar_is_kept_unresolved(ref):
    step = "l'an dernier" if ref.year == 1 else "l'an prochain"
    text = f"Le plan date de {step}."
    assert any(m.time is not None for m in parse_mentions(text, ref=dt.date(2026, 3, 10)))  # a date, mid-calendar
    assert all(m.time is None for m in parse_mentions(text, ref=ref))  # at the edge: no day outside the calendar
