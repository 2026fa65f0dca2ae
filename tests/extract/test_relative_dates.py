"""A sentence that opens on a duration after an event (« Deux jours après la crue, … ») dates the event by the
day the article was written, and comparison allows that date a day of slack, three for weeks (issue 9,
item 5: the time of the fact). Our own sentences, published on Thursday 12 March 2026."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from reconcile.compare import verdicts as V
from reconcile.extract.lexicon import load
from reconcile.model import Interval

from .conftest import show

THURSDAY = dt.date(2026, 3, 12)


def relative(cs):
    return [c for c in cs if dict(c.rules).get("attribute") == "parse:relative-to-publication"]


@pytest.mark.parametrize("text, attribute, day, rule", [
    ("Deux jours après l'explosion de l'entrepôt, les riverains restent inquiets.", "fire", dt.date(2026, 3, 10),
     "time:relative-to-publication"),
    ("Trois jours après la visite du ministre, les sinistrés attendent toujours les aides.", "date:visite",
     dt.date(2026, 3, 9), "time:relative-to-publication"),
    ("Deux semaines après l'annonce du plan, les salariés ont voté la grève.", "announcement",
     dt.date(2026, 2, 26), "time:relative-to-publication+weeks"),
    # (« accident » is the date of the disaster, as « explosion », in the disasters vocabulary)
    ("Mais dix jours après l'accident, la ligne reste fermée.", "fire", dt.date(2026, 3, 2),
     "time:relative-to-publication"),
    ("Cinq ans jour pour jour après l'accident, les familles se rassemblent devant la gare.", "fire",
     dt.date(2021, 3, 12), "time:relative-to-publication+exact"),
])
def test_a_duration_after_an_event_dates_it_by_the_day_of_writing(claims, text, attribute, day, rule):
    found = relative(claims(text + "\n", THURSDAY))
    assert len(found) == 1, show(claims(text + "\n", THURSDAY))
    c = found[0]
    assert (c.attribute, c.value, dict(c.rules)["time"]) == (attribute, Interval(day, day), rule), show([c])


@pytest.mark.parametrize("text", [
    # told in the pluperfect: the day of narration is not the article's
    "Deux jours après l'explosion, le préfet avait ordonné l'évacuation du quartier.",
    # a generic word for the story's incident does not say which event it is
    "Deux semaines après le drame, la commune se recueille.",
    # not the opening of the sentence: the duration runs from another date
    "Une stèle sera dévoilée le 12 juin, quatre ans après l'accident.",
    # the event's own date, in the clause on it, says when it was
    "Deux jours après l'explosion qui a détruit mardi l'entrepôt, les riverains restent inquiets.",
    # no event the data knows
    "Trois jours après le concert, les riverains se plaignent encore.",
])
def test_no_date_where_the_day_of_writing_is_not_the_reference(claims, text):
    assert relative(claims(text + "\n", THURSDAY)) == [], show(claims(text + "\n", THURSDAY))


def test_no_date_without_a_day_of_publication(claims):
    assert relative(claims("Deux jours après l'explosion, les riverains restent inquiets.\n", None)) == []


def test_a_relative_date_a_day_off_is_compatible_not_a_conflict(claims):
    told = relative(claims("Deux jours après l'explosion de l'entrepôt, les riverains restent inquiets.\n",
                           THURSDAY))[0]  # the 10th, for an article written on the 11th: the 9th
    stated = dataclasses.replace(told, id="c-other", source="b", value=Interval(dt.date(2026, 3, 9), dt.date(2026, 3, 9)),
                                 time=Interval(dt.date(2026, 3, 9), dt.date(2026, 3, 9)),
                                 rules=(("time", "time:explicit"),))
    v = V.compare(told, stated, lex=load())
    assert v.kind == V.COMPATIBLE and v.rule == "relative-date", v
    two_off = dataclasses.replace(stated, value=Interval(dt.date(2026, 3, 8), dt.date(2026, 3, 8)),
                                  time=Interval(dt.date(2026, 3, 8), dt.date(2026, 3, 8)))
    assert V.compare(told, two_off, lex=load()).kind == V.CONFLICT
