"""The verb of a counted noun may sit below it (a participle, a relative clause); a sum of money is the
amount of the noun a relative clause is about, or of a noun of two words; money granted is compared apart
from the budget its receiver spends; a share is of the noun after a possessive. Sentences of our own."""
from __future__ import annotations

import pytest

from .conftest import figure


@pytest.mark.parametrize("text, quote, attribute", [
    ("Pour les 640 personnes employées sur le site, l'avenir est incertain.\n", "640 personnes", "headcount"),
    ("Ce sont 310 personnes qui travaillent chaque jour dans l'entrepôt.\n", "310 personnes", "headcount"),
    ("Au total, 1 200 postes supprimés seront compensés par des embauches.\n", "1 200 postes", "job_cuts"),
    # a participle that says nothing of employment leaves the noun's own count
    ("Les 2 000 personnes évacuées ont pu regagner leur domicile.\n", "2 000 personnes", "evacuated"),
    ("Les 24 rames commandées seront livrées en 2027.\n", "24 rames", "count:rame"),
])
def test_a_participle_or_a_relative_clause_on_the_noun_is_its_verb(claims, text, quote, attribute):
    assert figure(claims(text), quote).attribute == attribute


@pytest.mark.parametrize("text, quote, attribute, rule", [
    ("La commune a voté son budget de fonctionnement, qui s'élève à 34 millions d'euros.\n", "34 millions d'euros",
     "budget", "parse:money-subject"),
    ("Le chantier, dont le budget atteint 450 millions d'euros, reprendra lundi.\n", "450 millions d'euros",
     "budget", "parse:money-subject"),
    ("La branche pèse environ 400 millions d'euros de chiffre d'affaires.\n", "environ 400 millions d'euros",
     "revenue", "parse:money-of"),
    ("Le département a versé une subvention de 2 millions d'euros au club.\n", "2 millions d'euros",
     "budget", "parse:money-noun+grant"),
    # « , d'un montant de » set off by a comma, which the parser hangs on the verb: the noun before the comma
    ("Les élus ont adopté le budget 2027, d'un montant de 41 millions d'euros.\n", "41 millions d'euros",
     "budget", "parse:money-noun-apposed"),
    ("La région a débloqué une enveloppe exceptionnelle, d'un montant de 3 millions d'euros.\n",
     "3 millions d'euros", "budget", "parse:money-noun-apposed"),
    # what a workforce is paid is a sum, never a headcount
    ("La masse salariale de la commune atteint 18 millions d'euros.\n", "18 millions d'euros", "payroll",
     "window:head"),
])
def test_what_a_sum_of_money_is_the_amount_of(claims, text, quote, attribute, rule):
    c = figure(claims(text), quote)
    assert (c.attribute, dict(c.rules)["attribute"]) == (attribute, rule)


def test_money_granted_is_never_compared_with_the_receiver_s_budget(claims):
    cs = claims("Le budget de l'hôpital s'élève à 210 millions d'euros. L'agence régionale de santé a annoncé "
                "une aide exceptionnelle de 3 millions d'euros.\n")
    spent, granted = figure(cs, "210 millions d'euros"), figure(cs, "3 millions d'euros")
    assert spent.attribute == granted.attribute == "budget"
    assert dict(granted.scope).get("money") == "grant" and "money" not in dict(spent.scope)


@pytest.mark.parametrize("text, quote, attribute", [
    ("L'hôpital consacre moins de 2 % de son budget au numérique.\n", "moins de 2 %", "share:budget"),
    ("Le groupe a perdu 15 % de ses clients en un an.\n", "15 %", "share:client"),
    ("Près de 12 % des salariés sont en arrêt.\n", "Près de 12 %", "share:salarie"),
    ("La commune consacre 4 % de tout le budget à la voirie.\n", "4 %", "share:budget"),
])
def test_a_share_is_of_the_noun_after_a_possessive(claims, text, quote, attribute):
    assert figure(claims(text), quote).attribute == attribute


@pytest.mark.parametrize("text, quote, attribute", [
    # a bare amount in millions after a sum of money in its sentence is a sum in that currency
    ("Le coût du viaduc a été réévalué à 212 millions d'euros en 2025, contre 170 millions lors du vote de 2021.",
     "170 millions", "cost"),
    ("L'enveloppe de l'État atteint 40 millions d'euros, dont 12 millions pour les éleveurs.", "12 millions",
     "budget"),
    ("La cour a alloué 3,1 millions d'euros aux 54 parties civiles, dont 1,2 million aux familles.", "1,2 million",
     "amount"),
])
def test_a_bare_amount_in_millions_after_a_sum_is_a_sum(claims, text, quote, attribute):
    c = figure(claims(text), quote)
    assert (c.kind, c.unit, c.attribute) == ("money", "EUR", attribute), (c.kind, c.unit, c.attribute)


def test_millions_of_a_noun_stay_a_count(claims):
    c = figure(claims("Le plan coûte 2 millions d'euros et concerne 1,2 million de passagers."), "1,2 million de passagers")
    assert (c.kind, c.attribute) == ("quantity", "count:passager"), (c.kind, c.attribute)


@pytest.mark.parametrize("text, quote, of", [
    # the cost of what the story is about (cues.toml [topic_nouns]) is no cost of a thing of its own
    ("Le coût du projet a été réévalué à 95 millions d'euros.", "95 millions d'euros", None),
    ("Le coût de l'opération atteint 14 millions d'euros.", "14 millions d'euros", None),
    # the cost of a thing named is that thing's
    ("Le coût du relogement atteint 2 millions d'euros.", "2 millions d'euros", "relogement"),
    ("Le chantier a déjà englouti 240 000 euros de travaux.", "240 000 euros", "travail"),
])
def test_the_cost_of_the_story_s_own_subject_has_no_scope_of_its_own(claims, text, quote, of):
    c = figure(claims(text), quote)
    assert (c.attribute, c.scope_dict().get("of")) == ("cost", of), (c.attribute, c.scope_dict())
