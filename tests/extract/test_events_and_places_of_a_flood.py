"""Overflows are one event however they are called; a past participle dates an event before the article;
« du barrage » refers back to the dam named before; a place hangs on what a figure measures, even when the
tagger takes a hyphenated town for a number. Sentences of our own, published on Thursday 16 October 2025."""
from __future__ import annotations

import datetime as dt

import pytest

from .conftest import figure

THURSDAY = dt.date(2025, 10, 16)


@pytest.mark.parametrize("text, quote", [
    ("En amont, la digue de Saint-Laurent a débordé dimanche vers 4 heures.\n", "débordé dimanche"),
    ("La surverse de la digue, survenue samedi soir, a surpris les riverains.\n", "surverse de la digue, survenue samedi"),
    ("L'Hérault est sorti de son lit lundi matin à Agde.\n", "sorti de son lit lundi"),
])
def test_an_overflow_is_one_event_whatever_it_is_called(claims, text, quote):
    c = next(c for c in claims(text, THURSDAY) if c.quote.startswith(quote))
    assert c.attribute == "overflow", (c.attribute, c.quote)


@pytest.mark.parametrize("text, quote, day", [
    ("La surverse de la digue, survenue samedi soir, a surpris les riverains.\n", "surverse", dt.date(2025, 10, 11)),
    ("L'usine, inaugurée mardi, emploie 300 salariés.\n", "inaugurée mardi", dt.date(2025, 10, 14)),
    # a participle of planning looks forward
    ("La réunion prévue samedi sera décisive.\n", "réunion prévue samedi", dt.date(2025, 10, 18)),
])
def test_a_past_participle_dates_its_event_before_the_article(claims, text, quote, day):
    c = next(c for c in claims(text, THURSDAY) if quote in c.quote)
    assert c.value.start == day, (c.quote, c.value)


def test_du_barrage_refers_back_to_the_dam_named_before(claims):
    cs = claims("Les habitants s'interrogent sur le rôle du barrage des Aiguillons. La surverse du barrage, survenue "
                "samedi, a-t-elle aggravé la crue ?\n", THURSDAY)
    c = next(c for c in cs if c.attribute == "overflow")
    assert c.entity == "barrage des Aiguillons", c.entity


@pytest.mark.parametrize("text, quote, place", [
    ("Il est tombé 380 millimètres d'eau à Saint-Martin-de-Londres en vingt-quatre heures.\n", "380 millimètres",
     "Saint-Martin-de-Londres"),
    ("Selon Météo-France, 290 millimètres sont tombés à Saint-Jean-du-Gard en une nuit.\n", "290 millimètres",
     "Saint-Jean-du-Gard"),
])
def test_a_place_on_what_the_figure_measures_is_its_place(claims, text, quote, place):
    assert dict(figure(claims(text, THURSDAY), quote).scope).get("place") == place


def test_le_departement_is_the_department_the_article_names_first_on_a_tie(nlp):
    from reconcile.extract.entities import Gazetteer
    from reconcile.extract.nlp import parse
    from reconcile.normalize.entities import default_registry

    text = ("Le bilan s'établit à trois morts dans le Var, selon la préfecture. Un automobiliste a été tué à "
            "Fréjus, et un autre à Lunel, dans l'Hérault.\n\nAu plus fort de l'épisode, 50 000 foyers ont été "
            "privés de courant dans le département.\n")
    spans = Gazetteer(default_registry()).article_spans(parse(text))
    assert [x.name for x in spans if x.text == "le département"] == ["Var"]
