"""French forms read from the parse: a peak « monté jusqu'à N », a counted action noun
(« 224 suppressions de postes »), a part « 13 des cas », a state and its negation said of a
noun phrase, and a common noun that is no name (« l'état » is not « l'État »).

Every sentence here was written for these tests.
"""
from __future__ import annotations

import datetime as dt

import pytest

from reconcile.compare import verdicts as V
from reconcile.extract.lexicon import load
from reconcile.model import Bounds

from .conftest import PUBLISHED, show


@pytest.mark.parametrize("text,value", [
    ("À Brest, le vent est monté jusqu'à 158 km/h dans la nuit.", 158.0),
    ("La Seine a grimpé jusqu'à 6,2 mètres à Paris.", 6.2),
    ("Les rafales ont atteint jusqu'à 130 km/h sur la côte.", 130.0),
    ("La houle est montée jusqu'à 9 mètres au large de Molène.", 9.0),
])
def test_forms_jusqua_after_a_verb_of_reaching_is_the_peak(claims, text, value):
    cs = [c for c in claims(text) if c.attribute.startswith("measure:")]
    assert [c.value for c in cs] == [value], show(cs)
    assert dict(cs[0].rules).get("value") == "parse:reached"


@pytest.mark.parametrize("text,high", [
    ("Le plan prévoit jusqu'à 3 000 suppressions de postes.", 3000.0),
    ("L'usine pourra accueillir jusqu'à 800 salariés.", 800.0),
])
def test_forms_jusqua_without_a_verb_of_reaching_stays_a_bound(claims, text, high):
    cs = claims(text)
    assert [c.value for c in cs] == [Bounds(None, high)], show(cs)


@pytest.mark.parametrize("text,attribute,value", [
    ("L'arrêt de la livraison à domicile entraînerait 224 suppressions de postes.", "job_cuts", 224.0),
    ("Le plan de la direction prévoit 1 150 suppressions d'emplois d'ici 2027.", "job_cuts", 1150.0),
    ("Le groupe annonce 300 licenciements dans ses usines du Nord.", "job_cuts", 300.0),
    ("Le chantier doit générer 400 créations d'emplois.", "jobs", 400.0),
])
def test_forms_a_counted_action_noun_takes_its_complement(claims, text, attribute, value):
    cs = [c for c in claims(text) if c.value == value]
    assert [c.attribute for c in cs] == [attribute], show(claims(text))


@pytest.mark.parametrize("text,noun,value", [
    ("Au 28 mars, la Bretagne comptait 13 des cas recensés.", "count:cas", 13.0),
    ("L'Occitanie concentre 40 des communes sinistrées.", "count:commune", 40.0),
    ("Le Nord regroupe 12 des magasins concernés.", "count:magasin", 12.0),
])
def test_forms_a_part_of_the_nouns_counts_them(claims, text, noun, value):
    cs = [c for c in claims(text) if c.value == value]
    assert [c.attribute for c in cs] == [noun], show(claims(text))


def test_forms_a_counter_after_dapres_is_no_counted_noun(claims):
    cs = claims("La préfecture a comptabilisé 2 300 manifestants, contre 7 000 d'après les syndicats.")
    assert sorted((c.value, c.attribute) for c in cs) == [(2300.0, "protesters"), (7000.0, "protesters")], show(cs)


@pytest.mark.parametrize("yes,no", [
    ("Le préfet a annoncé que l'état de catastrophe naturelle était reconnu pour les communes touchées.",
     "Promis par le ministre, l'état de catastrophe naturelle n'est pas encore reconnu."),
    ("La mairie indique que le permis de construire du stade a été accordé.",
     "Selon les riverains, le permis de construire du stade n'a jamais été accordé."),
    ("Le plan de sauvegarde a été validé par l'administration.",
     "Le plan de sauvegarde n'a pas été validé par l'administration."),
])
def test_forms_a_state_and_its_negation_of_one_noun_phrase_conflict(claims, yes, no):
    a = next(c for c in claims(yes) if c.attribute == "state")
    b = next(c for c in claims(no, dt.date(2025, 6, 2)) if c.attribute == "state")
    assert a.value == b.value == "recognized" and a.entity == b.entity, (show([a]), show([b]))
    assert a.modality != "negated" and b.modality == "negated"
    v = V.compare(a, b, lex=load())
    assert v.kind == V.CONFLICT and v.rule == "polarity", v
    # the other way round in time (not yet, then done) is what happened in between
    b_early = next(c for c in claims(no, dt.date(2025, 5, 20)) if c.attribute == "state")
    assert V.compare(a, b_early, lex=load()).kind == V.EVOLUTION


def test_forms_a_common_noun_is_not_the_name_it_spells(claims):
    cs = claims("Le chef de l'État est venu à Quimper ; l'état de catastrophe naturelle n'est pas encore reconnu.")
    st = next(c for c in cs if c.attribute == "state")
    assert st.entity != "État" and "catastrophe" in st.entity, show(cs)


@pytest.mark.parametrize("text,entity", [
    ("Le Grand Paris Express, ce sont 205 kilomètres de lignes nouvelles.", "Grand Paris Express"),
    ("La ligne 18, c'est 35 kilomètres de viaduc et de tunnel.", "Ligne 18"),
    ("Le stade des Lumières, ce seront 45 000 places couvertes.", None),
])
def test_forms_a_dislocated_subject_is_what_the_figure_is_about(claims, text, entity):
    cs = claims(text)
    assert len(cs) == 1, show(cs)
    if entity:
        assert cs[0].entity == entity and dict(cs[0].rules)["subject"] == "cue:fronted-topic", show(cs)
    assert "unit" not in cs[0].scope_dict() or "Sud" not in cs[0].scope_dict()["unit"], show(cs)


@pytest.mark.parametrize("text,unit", [
    ("Le site, qui compte 194 salariés, figure parmi les magasins menacés.", "site"),
    ("L'usine emploie 450 personnes.", "usine"),
    ("L'usine de Tulle emploie 380 personnes.", "usine de Tulle"),
])
def test_forms_a_unit_subject_is_the_scope_of_a_workforce(claims, text, unit):
    cs = [c for c in claims(text) if c.attribute == "headcount"]
    assert [c.scope_dict().get("unit") for c in cs] == [unit], show(claims(text))


@pytest.mark.parametrize("text,attribute", [
    ("Le maire a reçu environ 90 anciens salariés de l'usine.", "headcount:former"),
    ("On compte une dizaine de nouveaux cas depuis lundi.", "count:cas:new"),
    ("Le réseau comptera 68 nouvelles gares.", "count:gare:new"),
    ("L'entreprise emploie 400 salariés.", "headcount"),
])
def test_forms_an_adjective_that_changes_the_referent_tags_the_attribute(claims, text, attribute):
    assert [c.attribute for c in claims(text)] == [attribute], show(claims(text))


def test_forms_each_item_of_a_list_keeps_its_own_place(claims):
    cs = claims("Restent 81 000 foyers à rebrancher : 39 200 dans le Finistère, 12 000 dans le Morbihan "
                "et 700 en Ille-et-Vilaine.")
    got = {c.value: c.scope_dict().get("place") for c in cs}
    assert got.get(39200.0) == "Finistère" and got.get(12000.0) == "Morbihan", show(cs)
    assert got.get(700.0) == "Ille-et-Vilaine", show(cs)


@pytest.mark.parametrize("text,counter", [
    ("La facture est estimée par la SGP à 36,1 milliards d'euros.", "SGP"),
    ("Le cortège a été estimé par la préfecture à 12 000 personnes.", "préfecture"),
    ("Les dégâts sont chiffrés par France Assureurs à 1,3 milliard d'euros.", "France Assureurs"),
])
def test_forms_the_agent_of_a_passive_counting_verb_counts(claims, text, counter):
    cs = [c for c in claims(text) if c.kind in ("money", "quantity")]
    assert cs and all(c.attributed_to == counter for c in cs), show(cs)
    assert all(c.entity != counter for c in cs), show(cs)


def test_forms_a_paragraphs_bold_lead_dates_its_figures(claims):
    text = ("**2011, un chantier à 4 milliards.** Lors de l'enquête publique, le tramway est chiffré à 4 milliards "
            "d'euros.\n**2019, la facture double.** Le coût atteint alors 8 milliards d'euros.\n"
            "Le tramway transporte 90 000 voyageurs par jour.\n")
    cs = {c.value: c for c in claims(text)}
    assert cs[4e9].time.start.year == 2011 and dict(cs[4e9].rules)["time"] == "time:lead", show(cs.values())
    assert cs[8e9].time.start.year == 2019, show(cs.values())
    assert dict(cs[90000.0].rules)["time"] == "time:published", show(cs.values())


@pytest.mark.parametrize("text,currency", [
    ("La facture est estimée à 36,1 milliards d'euros, contre 22 milliards en 2010.", "EUR"),
    ("Le budget atteint 2,5 millions de dollars, contre 1,8 million en 2023.", "USD"),
])
def test_forms_an_elided_amount_keeps_its_currency(claims, text, currency):
    cs = claims(text)
    assert len(cs) == 2 and {c.kind for c in cs} == {"money"} and {c.unit for c in cs} == {currency}, show(cs)


@pytest.mark.parametrize("text,before,after,month", [
    # the row: « Le prix passera de 25 à 30 euros en septembre » -> before 25, after 30 from next September
    ("Le prix passera de 25 à 30 euros en septembre.", 25.0, 30.0, (2026, 9)),
    ("Le ticket de bus passera de 1,80 à 2,10 euros en mars.", 1.8, 2.1, (2026, 3)),
    ("La redevance grimpera de 138 à 145 euros en janvier.", 138.0, 145.0, (2026, 1)),
    ("Le loyer passera de 600 à 640 euros en décembre.", 600.0, 640.0, (2025, 12)),
])
def test_forms_passer_de_x_a_y_is_a_value_before_and_a_value_after(claims, text, before, after, month):
    cs = claims(text, dt.date(2025, 11, 10))
    assert sorted(c.value for c in cs) == sorted([before, after]), show(cs)
    b = next(c for c in cs if c.value == before)
    a = next(c for c in cs if c.value == after)
    assert dict(b.rules)["value"] == "parse:change-from" and b.time.start == dt.date(2025, 11, 10), show(cs)
    assert dict(a.rules)["value"] == "parse:change-to" and (a.time.start.year, a.time.start.month) == month, show(cs)
    assert a.modality == "plan", show(cs)


def test_forms_a_range_without_a_verb_of_change_stays_a_range(claims):
    cs = claims("Le budget est compris entre 800 et 900 millions d'euros.")
    assert [c.value for c in cs] == [Bounds(8e8, 9e8)], show(cs)


@pytest.mark.parametrize("text,month", [
    # written on 10 November 2025: a month without its year is read against the tense of its clause
    ("Le site employait 400 salariés en mars.", (2025, 3)),
    ("Le site a recruté 40 salariés en mars.", (2025, 3)),
    ("Le site emploiera 400 salariés en mars.", (2026, 3)),
    ("L'usine a ouvert en mars.", (2025, 3)),
    ("La première séance s'est tenue le 28 novembre.", (2024, 11)),
    ("La séance se tiendra le 3 octobre.", (2026, 10)),
    ("Le site employait 400 salariés en mars 2026.", (2026, 3)),  # a written year is kept
    # a weekday written with the day already chose the year (10 November 2025 is a Monday)
    ("Les agents sont invités à cesser le travail jeudi 13 novembre.", (2025, 11)),
    ("Les salariés ont été appelés à débrayer vendredi 14 novembre.", (2025, 11)),
    ("Les élus avaient été convoqués mardi 4 novembre en préfecture.", (2025, 11)),
    # a bare weekday follows the tense: in a past clause it is the last one
    ("Mardi, la circulation a repris sur la ligne.", (2025, 11)),
])
def test_forms_a_month_without_its_year_follows_the_tense(claims, text, month):
    cs = claims(text, dt.date(2025, 11, 10))
    dated = [c for c in cs if c.time is not None and dict(c.rules).get("time") != "time:published"]
    assert dated and all((c.time.start.year, c.time.start.month) == month for c in dated), show(cs)
