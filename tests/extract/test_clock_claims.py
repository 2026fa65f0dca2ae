"""Times of day on claims: a count at an hour, an event at an hour without its day, a headline
that repeats a body figure without its hour. Sentences written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from .conftest import PUBLISHED, show


def at_of(cs, value):
    found = [c for c in cs if isinstance(c.value, float) and c.value == value]
    assert found, show(cs)
    return {c.scope_dict().get("at") for c in found}


COUNTS_AT = [
    ("À 7 heures, 640 000 foyers étaient privés d'électricité en France.", 640000, "07:00"),
    ("Samedi à 8 heures, 92 000 clients restaient à réalimenter.", 92000, "08:00"),
    ("Vers 15 h 30, les pompiers comptaient 35 blessés légers.", 35, "15:30"),
    ("Lundi soir, 12 300 foyers étaient encore dans le noir.", 12300, "18:00-23:59"),
    ("Les secours avaient recensé 14 blessés dans la matinée.", 14, "05:00-11:59"),
]


@pytest.mark.parametrize("text,value,at", COUNTS_AT)
def test_a_count_carries_its_time_of_day(claims, text, value, at):
    assert at_of(claims(text), float(value)) == {at}


def test_each_of_two_counts_keeps_its_own_hour(claims):
    cs = claims("Vendredi soir, ils étaient encore 41 000 dans le noir, et samedi à 18 h 30, 17 500 foyers.")
    assert at_of(cs, 17500.0) == {"18:30"}
    assert at_of(cs, 41000.0) == {"18:00-23:59"}


def test_an_hour_before_another_figure_does_not_reach_past_it(claims):
    cs = claims("À 7 heures, 640 000 foyers étaient privés de courant, dont 210 000 en Normandie.")
    assert at_of(cs, 640000.0) == {"07:00"}
    assert at_of(cs, 210000.0) == {None}


PAST_EVENTS = [
    # an hour without a day, in a past tense: the day last named in the paragraph, else publication day;
    # the event is the act the verb names (frames.toml [acts]): the lifting, of the alert
    ("Jeudi, le département a découvert les dégâts. La vigilance rouge a été levée à 6 heures.",
     "date:levee", "06:00", dt.date(2025, 5, 29)),
    ("La vigilance orange a été levée à 16 heures sur tout le littoral.", "date:levee", "16:00", PUBLISHED),
    ("Le pont s'est effondré à 14 h 20, sans faire de victime.", "date:effondrement", "14:20", PUBLISHED),
    ("Mardi, la circulation a repris. L'alerte avait été déclenchée vers 3 heures.", "date:declenchement", "03:00",
     dt.date(2025, 5, 27)),
]


@pytest.mark.parametrize("text,attribute,at,day", PAST_EVENTS)
def test_an_event_at_an_hour_is_dated_with_its_day_and_hour(claims, text, attribute, at, day):
    cs = claims(text)
    found = [c for c in cs if c.kind == "date" and c.attribute == attribute]
    assert len(found) == 1, show(cs)
    assert (found[0].value.start, found[0].value.end, found[0].scope_dict().get("at")) == (day, day, at), show(cs)


HABITS = [
    "Les riverains se plaignent du bruit des engins dès 7 heures.",
    "La piscine accueille le public dès 9 heures.",
    "Le marché se tient chaque dimanche jusqu'à 13 heures.",
]


@pytest.mark.parametrize("text", HABITS)
def test_an_hour_in_the_present_tense_dates_nothing(claims, text):
    cs = claims(text)
    assert not [c for c in cs if c.kind == "date"], show(cs)


def test_a_headline_figure_takes_the_hour_of_the_body_figure_it_repeats(claims):
    cs = claims("# Tempête : 92 000 foyers toujours sans électricité\n\n"
                "Samedi à 8 heures, 92 000 clients restaient à réalimenter, selon le gestionnaire du réseau.\n",
                published=dt.date(2025, 5, 31))
    heads = [c for c in cs if c.line == 1 and c.value == 92000.0]
    assert heads and {c.scope_dict().get("at") for c in heads} == {"08:00"}, show(cs)
    assert dict(heads[0].rules)["at"] == "cue:headline-repeats-body"
