"""Claim extraction on French sentences: subject, attribute, value, time, modality, attribution."""
from __future__ import annotations

import datetime as dt

import pytest

from reconcile.extract.entities import Gazetteer
from reconcile.model import Bounds, Interval
from reconcile.normalize.entities import default_registry

REGISTRY = """
[[entity]]
name = "Zorbex"
aliases = ["Zorbex SA"]
descriptions = ["la filiale"]

[[entity]]
name = "Groupe Orlan"
aliases = ["Orlan"]
descriptions = ["le groupe"]
"""


@pytest.fixture(scope="module")
def gazetteer():
    reg = default_registry()
    reg.extend_from_toml(REGISTRY)
    return Gazetteer(reg)


@pytest.fixture()
def claims(extract, gazetteer):
    def run(text: str, published: dt.date | None = dt.date(2025, 6, 1)):
        return extract(gazetteer, text, published)
    return run


def one(cs, attribute):
    found = [c for c in cs if c.attribute == attribute]
    assert len(found) == 1, [(c.attribute, c.quote) for c in cs]
    return found[0]


def test_extract_two_entities_in_one_sentence(claims):
    cs = claims("Orlan a présenté Zorbex.\nBasé en France, Zorbex va rassembler environ 10.000 employés "
                "(le groupe en compte plus de 100.000).")
    heads = sorted((c.entity, c.value if isinstance(c.value, float) else c.value.low) for c in cs
                   if c.attribute == "headcount")
    assert heads == [("Groupe Orlan", 100000.0), ("Zorbex", 10000.0)]
    z = next(c for c in cs if c.entity == "Zorbex")
    assert z.approx and z.cue == "environ" and z.quote == "environ 10.000 employés"
    g = next(c for c in cs if c.entity == "Groupe Orlan")
    assert g.value == Bounds(100000.0, None)


def test_extract_head_phrase_gives_attribute(claims):
    c = one(claims("Zorbex vise une valorisation à 10 milliards d’euros."), "valuation")
    assert c.value == 1e10 and c.unit == "EUR" and c.modality == "plan"


def test_extract_unknown_counted_noun_is_kept_as_generic_count(claims):
    c = one(claims("Zorbex a vendu 5 000 tracteurs en Europe."), "count:tracteur")
    assert c.value == 5000 and c.entity == "Zorbex"


def test_extract_planned_event_with_period(claims):
    c = one(claims("Zorbex doit être introduite en bourse au cours du second semestre 2023."), "ipo")
    assert c.value == Interval(dt.date(2023, 7, 1), dt.date(2023, 12, 31))
    assert c.status == "planned" and c.modality == "plan" and c.entity == "Zorbex"


def test_extract_cancelled_event(claims):
    c = one(claims("L’introduction en bourse de Zorbex a été annulée en 2024."), "ipo")
    assert c.status == "cancelled" and c.value == Interval(dt.date(2024, 1, 1), dt.date(2024, 12, 31))


def test_extract_conditional_and_attribution(claims):
    c = one(claims("Selon Les Echos, la société Zorbex SA serait liquidée."), "state")
    assert c.value == "liquidated" and c.entity == "Zorbex"
    assert c.modality == "reported" and c.attributed_to == "Les Echos"


def test_extract_negation(claims):
    c = one(claims("Zorbex n’a pas supprimé 3 000 postes cette année."), "job_cuts")
    assert c.modality == "negated"


def test_extract_two_counters_are_two_attributed_claims(claims):
    cs = claims("Quelque 1 800 manifestants ont défilé selon la préfecture, et 4 000 manifestants selon la CGT.")
    got = sorted((c.attributed_to, c.value) for c in cs if c.attribute == "protesters")
    assert got == [("CGT", 4000.0), ("préfecture", 1800.0)]


def test_extract_time_explicit_else_publication(claims):
    c = one(claims("En 2021, Zorbex employait 1 200 salariés."), "headcount")
    assert c.time == Interval(dt.date(2021, 1, 1), dt.date(2021, 12, 31)) and c.time_origin == "explicit"
    c = one(claims("Zorbex emploie 1 200 salariés."), "headcount")
    assert c.time == Interval(dt.date(2025, 6, 1), dt.date(2025, 6, 1)) and c.time_origin == "published"
    c = one(claims("Zorbex emploie 1 200 salariés.", published=None), "headcount")
    assert c.time is None and c.time_origin == "unknown"


def test_extract_unregistered_firm_named_after_org_noun(claims):
    c = one(claims("L’usine Sylvachim emploie 1 200 salariés depuis des années."), "headcount")
    assert c.entity == "Sylvachim"


def test_extract_description_refers_to_registered_owner(claims):
    cs = claims("Zorbex a été créée en 2020 par Orlan.\nLa filiale emploie aujourd’hui 900 salariés.")
    assert one(cs, "headcount").entity == "Zorbex"


def test_extract_qualifier_changes_what_is_counted(claims):
    cs = claims("Chez Zorbex, quatre salariés étaient toujours portés disparus mardi soir.")
    assert one(cs, "missing").value == 4


def test_extract_fronted_topic(claims):
    c = one(claims("Pour Zorbex, Orlan vise une marge opérationnelle de 10 % en 2030."), "margin")
    assert c.entity == "Zorbex" and c.time.start.year == 2030


def test_extract_lines_and_ids_are_stable(claims):
    text = "Titre\n\nZorbex emploie 1 200 salariés.\n"
    a, b = claims(text), claims("Autre titre plus long\n\n\nZorbex emploie 1 200 salariés.\n")
    assert one(a, "headcount").line == 3 and one(b, "headcount").line == 4
    assert one(a, "headcount").id == one(b, "headcount").id  # same sentence, same id


@pytest.mark.parametrize("text,modality,change", [
    ("L'usine Fabrex ne compte plus que 430 salariés.", "assertion", None),  # restricts: what remains
    ("L'usine Fabrex n'emploie guère que 430 salariés.", "assertion", None),
    ("L'usine Fabrex ne compte plus 430 salariés.", "negated", None),
    ("L'entreprise Fabrex a réduit ses effectifs à 900 salariés.", "assertion", "parse:change-verb"),
    ("L'entreprise Fabrex a ramené son effectif à 1 430 salariés.", "assertion", "parse:change-verb"),
    ("L'entreprise Fabrex compte 1 430 salariés.", "assertion", None),
])
def test_restriction_is_no_negation_and_a_verb_of_change_is_read(claims, text, modality, change):
    (c,) = [c for c in claims(text) if c.attribute == "headcount"]
    assert c.modality == modality and dict(c.rules).get("change") == change, (c.modality, c.rules)


@pytest.mark.parametrize("text,quote,attribute", [
    ("La mairie a présenté une estimation du coût des travaux : 12 millions d'euros.", "12 millions d'euros", "cost"),
    ("Le budget de la saison : 3,5 millions d'euros, selon le club.", "3,5 millions d'euros", "budget"),
])
def test_a_head_phrase_then_a_colon_names_what_the_figure_is(claims, text, quote, attribute):
    (c,) = [c for c in claims(text) if c.quote == quote]
    assert c.attribute == attribute, (c.attribute, c.rules)
