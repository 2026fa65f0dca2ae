"""Fuzzing `parse --published D TEXT`: any date of the calendar, any short French text -> exit 0, no traceback.

500 examples in the default run; 10,000 behind the slow marker.
"""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from .helpers import clean_terminal, invoke, strict_json, why

pytestmark = pytest.mark.timeout(300)

PHRASES = [
    "l'an dernier", "l'an prochain", "l'année suivante", "dans trois ans", "il y a deux siècles", "hier",
    "demain", "avant-hier", "la semaine dernière", "le mois prochain", "fin 2023", "début 9999", "en mars",
    "depuis 1987", "d'ici 2030", "jusqu'en 10000", "au premier trimestre", "le 3 mars", "lundi dernier",
    "la veille", "le lendemain", "cet été", "il y a 40 ans", "dans 9000 ans", "l'an 1", "au XIXe siècle",
    "près de 11 000 salariés", "12 millions d'euros", "entre 3 et 5 %", "plus de 2,5 milliards",
    "quelque 400 bénévoles", "un tiers des élus", "deux fois plus", "la moitié", "31/12/9999", "01/01/0001",
    "le 29 février", "le 31 juin", "à 18 h 20", "mi-2025", "les années 1990", "au cours de la décennie",
]
LETTERS = "abcdefghijklmnopqrstuvwxyzéèêàâçôîïûùœ ABCDEFGHIJKLMNOPQRSTUVWXYZÉÈ0123456789 ,.;:'’«»-%€/()"

dates = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
texts = st.lists(st.one_of(st.sampled_from(PHRASES), st.text(alphabet=LETTERS, min_size=1, max_size=12),
                           st.integers(min_value=0, max_value=10**12).map(str)),
                 min_size=1, max_size=5).map(" ".join).filter(str.strip)


def _one(published: dt.date, text: str) -> None:
    r = invoke("parse", "--published", published.isoformat(), "--", text)
    assert r.exit_code == 0, why(r)
    assert "Traceback" not in r.stdout + r.stderr, why(r)
    clean_terminal(r.stdout, "parse stdout")
    clean_terminal(r.stderr, "parse stderr")
    for line in r.stdout.splitlines():
        strict_json(line)


@settings(max_examples=500, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(published=dates, text=texts)
def test_parse_any_date_any_text(nlp, published, text):
    """Fuzz: parse --published D TEXT for any D in 0001-01-01..9999-12-31 and short French text (500)."""
    _one(published, text)


@settings(max_examples=200, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(published=st.sampled_from([dt.date(1, 1, 1), dt.date(1, 1, 2), dt.date(9999, 12, 31),
                                  dt.date(9999, 12, 30), dt.date(1, 12, 31), dt.date(9999, 1, 1)]),
       text=texts)
def test_parse_the_first_and_last_days(nlp, published, text):
    """Fuzz: the first and last days of the calendar, where relative dates overflow (200)."""
    _one(published, text)


@pytest.mark.slow
@settings(max_examples=10_000, deadline=None, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(published=dates, text=texts)
def test_parse_any_date_any_text_at_length(nlp, published, text):
    """Fuzz (slow): the same with 10,000 examples."""
    _one(published, text)
