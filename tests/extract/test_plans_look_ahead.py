"""A month, season or quarter named without its year, in a plan told in the present (« la fermeture reste
programmée à la fin septembre »), is the coming one, as in the future tense (issue 9, item 5: « passera en
septembre » → the coming September); a quarter or a season is read like a month. Told in the past, it is
the last one. Our own sentences, published on Tuesday 24 March 2026."""
from __future__ import annotations

import datetime as dt

import pytest

from reconcile.model import Interval

from .conftest import show

TUESDAY = dt.date(2026, 3, 24)


@pytest.mark.parametrize("text, attribute, start, end", [
    ("La fermeture de l'entrepôt reste programmée à la fin septembre.", "closure",
     dt.date(2026, 9, 21), dt.date(2026, 9, 30)),
    ("L'ouverture de la médiathèque est prévue en janvier.", "opening", dt.date(2027, 1, 1), dt.date(2027, 1, 31)),
    ("La fermeture du site est programmée au troisième trimestre.", "closure",
     dt.date(2026, 7, 1), dt.date(2026, 9, 30)),
    ("La réouverture du pont, prévue en février, devra attendre les résultats de l'expertise.", "date:reouverture",
     dt.date(2027, 2, 1), dt.date(2027, 2, 28)),
])
def test_a_planned_event_without_its_year_is_the_coming_one(claims, text, attribute, start, end):
    cs = [c for c in claims(text + "\n", TUESDAY) if c.attribute == attribute]
    assert [c.value for c in cs] == [Interval(start, end)], show(claims(text + "\n", TUESDAY))


@pytest.mark.parametrize("text, attribute, start, end", [
    # done: the last September, not the coming one
    ("L'entrepôt a fermé fin septembre.", "closure:entrepot", dt.date(2025, 9, 21), dt.date(2025, 9, 30)),
    # a day of the month before the article is the one this year: a bill (« projet de loi ») plans nothing
    ("Une semaine après la grève du 17 mars, la mobilisation contre le projet de loi faiblit.", "rally",
     dt.date(2026, 3, 17), dt.date(2026, 3, 17)),
])
def test_what_is_not_planned_keeps_the_last_one(claims, text, attribute, start, end):
    cs = [c for c in claims(text + "\n", TUESDAY) if c.attribute == attribute]
    assert [c.value for c in cs] == [Interval(start, end)], show(claims(text + "\n", TUESDAY))
