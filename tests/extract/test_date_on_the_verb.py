"""A date the parse hangs on the verb a figure is the subject or object of dates the figure, past an
« et » that cuts the characters' clause; a span of days (« du mercredi 4 au vendredi 6 ») is no one day;
house numbers (« aux numéros 12 et 16 ») count nothing. Sentences of our own, published Friday 13 March 2026."""
from __future__ import annotations

import datetime as dt

from .conftest import figure, show

FRIDAY = dt.date(2026, 3, 13)


def test_a_date_on_the_figure_s_verb_past_a_coordination_dates_it(claims):
    c = figure(claims("Selon la préfecture, 64 habitants du 9 et des maisons voisines avaient été évacués dès mardi "
                      "matin.\n", FRIDAY), "64 habitants")
    assert c.time is not None and c.time.start == dt.date(2026, 3, 10), show([c])


def test_a_span_of_days_is_not_its_first_day(claims):
    c = figure(claims("Le directeur rappelle que 41 patients ont été transférés du lundi 9 au mercredi 11 mars.\n",
                      FRIDAY), "41 patients")
    assert c.time is None or c.time.start != c.time.end or c.time.start != dt.date(2026, 3, 9), show([c])


def test_house_numbers_in_a_list_count_nothing(claims):
    cs = claims("Par précaution, 30 habitants des immeubles voisins, aux numéros 12 et 16, ont été évacués.\n", FRIDAY)
    assert not [c for c in cs if c.quote in ("12", "16")], show(cs)
    assert figure(cs, "30 habitants").attribute == "evacuated", show(cs)
