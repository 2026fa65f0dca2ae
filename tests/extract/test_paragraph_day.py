"""A crowd told in the past tense after a sentence that names its day and place is that day's and that
place's (frames.toml [counting] on_the_day); the article's own outlet, named in its byline, is never
what a figure is about. Sentences of our own."""
from __future__ import annotations

import datetime as dt

import pytest

from .conftest import figure, show

SATURDAY = dt.date(2026, 3, 14)  # the articles are published the day after a Friday march


@pytest.mark.parametrize("text, quote, place", [
    ("Vendredi, les viticulteurs ont défilé dans trois villes de l'Hérault. À Béziers, le cortège a "
     "rassemblé 2 400 personnes selon la police, 6 000 selon les organisateurs.\n", "2 400 personnes", "Béziers"),
    ("Toulouse a connu vendredi une grande manifestation. Partis à 10 heures, les agriculteurs ont rejoint la "
     "place du Capitole. Ils étaient 3 100 selon la préfecture, 8 000 selon la FNSEA.\n", "3 100", "Toulouse"),
])
def test_a_crowd_after_the_sentence_that_names_its_day_is_that_day_s(claims, text, quote, place):
    c = figure(claims(text, SATURDAY), quote)
    assert c.time.start == c.time.end == dt.date(2026, 3, 13), show([c])
    assert dict(c.rules)["time"] == "time:day-before", show([c])
    assert c.scope_dict().get("place") == place, show([c])


def test_a_crowd_told_in_the_present_stays_the_publication_day_s(claims):
    c = figure(claims("Vendredi, le ministre est venu à Béziers. Les syndicats comptent 3 000 manifestants.\n",
                      SATURDAY), "3 000 manifestants")
    assert c.time.start == SATURDAY, show([c])


def test_the_outlet_of_the_byline_is_never_what_a_figure_is_about(claims):
    text = ("Rue des Lilas : la démolition a commencé\n\nPar Anne Roux – Valbrune Matin, lundi 9 mars 2026\n\n"
            "Le bâtiment comptait 24 logements, selon la mairie.\n")
    cs = claims(text, None)
    c = figure(cs, "24 logements")
    assert c.entity != "Valbrune Matin", show([c])


@pytest.mark.parametrize("text, quote, attribute", [
    ("Le glissement de terrain a coûté la vie à quatre personnes.\n", "quatre personnes", "deaths"),
    ("La fermeture du site va coûter 250 emplois.\n", "250 emplois", "job_cuts"),
    ("Le groupe licenciera 80 salariés à Tulle.\n", "80 salariés", "job_cuts"),
])
def test_what_a_verb_costs_is_lives_or_jobs_by_what_it_costs(claims, text, quote, attribute):
    assert figure(claims(text), quote).attribute == attribute, show(claims(text))


@pytest.mark.parametrize("text", [
    "Mardi, 42 habitants du 8 et des maisons voisines ont été évacués.\n",
    "Au 27 bis, rue Pasteur, 12 familles ont été relogées.\n",
])
def test_a_house_number_counts_nothing(claims, text):
    cs = claims(text)
    assert not [c for c in cs if c.quote.strip() in ("8", "27", "27 bis")], show(cs)


@pytest.mark.parametrize("text, attribute", [
    ("Le toit du gymnase s'est effondré jeudi soir.\n", "date:effondrement"),
    ("Les canards de l'élevage ont été abattus lundi.\n", "date:abattage"),
    ("Les familles ont été relogées mercredi dans un hôtel.\n", "date:relogement"),
])
def test_more_acts_are_dated_by_their_verb(claims, text, attribute):
    cs = claims(text, SATURDAY)
    assert [c for c in cs if c.attribute == attribute], show(cs)


def test_a_dateline_city_is_no_outlet(claims):
    text = "Par Anne Roux, à Lyon – 9 mars 2026\n\nÀ Lyon, 3 200 personnes ont défilé selon la préfecture.\n"
    c = figure(claims(text, None), "3 200 personnes")
    assert c.scope_dict().get("place") == "Lyon", show([c])


def test_a_day_named_after_publication_does_not_date_a_past_crowd(claims):
    cs = claims("Les syndicats appellent à manifester vendredi 20 mars. Lors de la précédente journée, 3 000 "
                "manifestants avaient défilé selon la police.\n", SATURDAY)
    c = figure(cs, "3 000 manifestants")
    assert c.time is None or c.time.end <= SATURDAY, show([c])


def test_a_crowd_counted_after_a_sentence_that_opens_on_a_place_is_there(claims):
    """« À Vannes, le cortège est parti du port. La préfecture a compté 2 000 manifestants »: Vannes's
    crowd, whether or not an earlier sentence named its day."""
    cs = claims("À Vannes, le cortège est parti du port vers la mairie. La préfecture a compté 2 000 manifestants ; "
                "les syndicats en revendiquent 5 000.")
    assert figure(cs, "2 000 manifestants").scope_dict().get("place") == "Vannes", show(cs)
