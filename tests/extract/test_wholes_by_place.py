"""Where a whole broken down by places holds, and when a figure told at the time of writing holds against one
told at an hour of the same day: two kinds that made counts of different scopes or moments look like one
fact (issue 9, items 3 and 5). Our own sentences."""
from __future__ import annotations

import dataclasses
import datetime as dt

from reconcile.compare import verdicts as V
from reconcile.extract.lexicon import load
from reconcile.model import Claim, Interval

from .conftest import figure, show

MONDAY = dt.date(2023, 11, 6)


def test_a_whole_broken_down_by_places_holds_in_the_place_that_contains_them(claims):
    cs = claims("Mardi, 42 000 foyers restaient privés de courant : 30 000 dans le Calvados, 8 000 dans la "
                "Manche et 4 000 dans l'Orne.\n", MONDAY)
    whole = figure(cs, "42 000 foyers")
    assert whole.scope_dict().get("place") == "Normandie", show([whole])
    assert dict(whole.rules)["place"] == "parse:places-of-parts"
    assert figure(cs, "8 000").scope_dict().get("place") == "Manche"


def test_no_common_place_for_parts_the_gazetteer_does_not_know(claims):
    cs = claims("Selon le syndicat des eaux, 9 000 abonnés sont privés d'eau : 5 000 à Valbrèze et 4 000 à "
                "Castelvieil.\n", MONDAY)
    assert "place" not in figure(cs, "9 000 abonnés").scope_dict(), show(cs)


def _count(value, *, at=None, origin="explicit", source="a"):
    day = Interval(MONDAY, MONDAY)
    return Claim(id=f"c-{source}{value}", source=source, start=0, end=1, line=1, quote=str(value), sentence="",
                   entity="tempête", attribute="without_power", value=float(value), kind="quantity", time=day,
                   time_origin=origin, scope=(("at", at),) if at else ())


def test_a_count_at_the_time_of_writing_and_one_at_an_hour_of_that_day_are_two_moments():
    written = _count(81000, origin="published")  # « Restent 81 000 clients », in an article of that Monday
    evening = _count(64900, at="18:00-23:59", source="b")  # « Lundi soir, 64 900 clients »
    v = V.compare(written, evening, lex=load())
    assert v.kind == V.EVOLUTION, v
    # the same day told by both with no hour is one moment, and the gap a conflict
    v = V.compare(_count(81000, origin="published"), _count(64900, origin="published", source="b"), lex=load())
    assert v.kind == V.CONFLICT, v
    # a day the sentence names (« lundi ») with no hour is no moment of writing either: still one moment
    v = V.compare(_count(81000), dataclasses.replace(evening, id="c-x"), lex=load())
    assert v.kind == V.CONFLICT, v


def test_cut_off_is_without_power_only_for_homes_and_customers(claims):
    """« coupés » alone (disasters.toml narrow_qualifiers) says « without power » of customers and homes, not of
    roads or lines, which keep the count of their own noun: a confident wrong label is worse than count:<noun>."""
    cs = claims("Vendredi soir, 177 000 clients étaient encore coupés et 36 routes restaient coupées.\n", MONDAY)
    assert figure(cs, "177 000 clients").attribute == "without_power", show(cs)
    assert figure(cs, "36 routes").attribute == "count:route", show(cs)
    cs = claims("Une quarantaine de lignes coupées attendent les équipes d'Enedis, et 8 000 foyers coupés.\n", MONDAY)
    assert figure(cs, "Une quarantaine de lignes").attribute == "count:ligne", show(cs)
    assert figure(cs, "8 000 foyers").attribute == "without_power", show(cs)
