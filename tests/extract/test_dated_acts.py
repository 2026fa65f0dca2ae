"""A date that hangs on a verb dates the act the verb names (frames.toml [acts]), about the thing it
is done to or by; a date another verb's act owns still dates a figure but stays that act's; a speaker's
apposed name is the speaker, not the subject; a bare « le site » stands for the unit named before it.
Sentences of our own, published on Friday 20 February 2026."""
from __future__ import annotations

import datetime as dt

import pytest

from .conftest import show

FRIDAY = dt.date(2026, 2, 20)


def dated(cs, attribute):
    found = [c for c in cs if c.kind == "date" and c.attribute == attribute]
    assert len(found) == 1, show(cs)
    return found[0]


@pytest.mark.parametrize("text, entity, attribute, day", [
    # a passive verb: its subject is what the act is done to
    ("Le plan d'urgence a été levé lundi 16 février à l'hôpital de Gisors.", "plan d'urgence", "date:levee", 16),
    ("La vigilance rouge, levée ce mercredi à 6 heures, a laissé place à l'orange.", "vigilance rouge", "date:levee", 18),
    # an intransitive verb: its subject acts; a pronominal verb without its « se »
    ("Le ministre de l'Agriculture est venu mardi à Pontivy.", "ministre de l'Agriculture", "date:visite", 17),
    ("Les écoles du canton ont rouvert jeudi.", "école", "date:reouverture", 19),
    ("Le comité de suivi s'est réuni le 9 février en préfecture.", "comité de suivi", "date:reunion", 9),
    # a fronted participle: the subject of the verb it hangs on
    ("Réunie mardi soir à Rennes, l'intersyndicale a fixé une nouvelle date.", "intersyndicale", "date:reunion", 17),
    # two verbs of one act share its noun: « repérer » is « détecter »
    ("La fuite a été repérée lundi par un technicien.", "fuite", "date:detection", 16),
    ("Le décret est paru mercredi au Journal officiel.", "décret", "date:publication", 18),
    # the thing's adjectives as written, in the singular: no masculine lemma on a feminine noun, no noun the
    # tagger took for an adjective cut short (« ressource » is no « ressourc »)
    ("La restriction totale a été levée lundi par le préfet.", "restriction totale", "date:levee", 16),
    ("Le comité ressource s'est réuni le 9 février en préfecture.", "comité ressource", "date:reunion", 9),
    ("Les cellules psychologiques ont été levées jeudi.", "cellule psychologique", "date:levee", 19),
])
def test_a_date_on_a_verb_dates_the_act_it_names(claims, text, entity, attribute, day):
    c = dated(claims(text + "\n", FRIDAY), attribute)
    assert (c.entity, c.value.start) == (entity, dt.date(2026, 2, day)), show([c])
    assert dict(c.rules)["attribute"] == "parse:act-verb"


def test_a_light_verb_dates_its_object_about_its_subject(claims):
    c = dated(claims("L'ARS Bretagne a dressé vendredi matin un premier bilan de l'épidémie.\n", FRIDAY), "date:bilan")
    assert c.entity.startswith("ARS") and dict(c.rules)["attribute"] == "parse:act-object", show([c])


def test_two_acts_on_one_thing_are_two_facts(claims):
    cs = claims("Le plan blanc a été déclenché le 3 février. Il a été levé le 16 février, après deux semaines.\n", FRIDAY)
    assert dated(cs, "date:declenchement").value.start == dt.date(2026, 2, 3)
    assert dated(cs, "date:levee").value.start == dt.date(2026, 2, 16)


def test_a_verb_the_table_does_not_know_dates_its_subject_noun(claims):
    c = dated(claims("La séance s'est tenue lundi dans la salle du conseil.\n", FRIDAY), "date:seance")
    assert c.value.start == dt.date(2026, 2, 16), show([c])


def test_a_date_of_another_act_dates_a_figure_and_stays_its_act(claims):
    cs = claims("La tempête a fait quatre morts, a indiqué le préfet, venu mercredi à Brest.\n", FRIDAY)
    deaths = next(c for c in cs if c.attribute == "deaths")
    assert deaths.time.start == dt.date(2026, 2, 18), show(cs)
    visit = dated(cs, "date:visite")
    assert visit.value.start == dt.date(2026, 2, 18) and visit.attributed_to is None, show(cs)


def test_a_lapse_does_not_take_the_date_of_the_act(claims):
    cs = claims("Le plan blanc a été levé lundi 16 février, près de deux semaines après l'attaque.\n", FRIDAY)
    assert dated(cs, "date:levee").entity == "plan blanc", show(cs)


@pytest.mark.parametrize("text, office, name", [
    ("L'épisode a fait au total six morts, a précisé le ministre de l'Intérieur, Paul Garnier.",
     "ministre de l'Intérieur", "Paul Garnier"),
    ("La crue a fait deux morts, a indiqué la préfète du Gard, Anne Morel.", "préfète du Gard", "Anne Morel"),
])
def test_a_speakers_apposed_name_is_the_speaker_not_the_subject(claims, text, office, name):
    cs = claims(text + "\n", FRIDAY)
    c = next(c for c in cs if c.attribute == "deaths")
    assert c.attributed_to in (office, name) and c.entity != name, show(cs)


@pytest.mark.parametrize("text, value, unit", [
    # a general noun stands for the unit named before under any noun
    ("Plus un camion ne sort de l'usine Garand de Romorantin. Les 380 salariés du site sont en grève.",
     380, "usine de Romorantin"),
    # a bare noun stands for the last unit named with the same noun
    ("L'usine de Saumur ferme. Les 140 salariés de l'usine seront reclassés.", 140, "usine de Saumur"),
    # the parser may hang the names on the counted noun
    ("Pour les 210 salariés de l'usine Garand de Blois, le couperet est tombé.", 210, "usine de Blois"),
])
def test_a_unit_named_before_is_the_unit_of_a_bare_noun(claims, text, value, unit):
    cs = claims(text + "\n", FRIDAY)
    c = next(c for c in cs if c.value == float(value))
    assert c.scope_dict().get("unit") == unit, show(cs)


@pytest.mark.parametrize("text, value", [
    # a plural or an indefinite names no one unit; a unit named with another noun is not « l'usine »
    ("Le groupe ferme l'usine de Saumur. Les 900 salariés des usines du groupe s'inquiètent.", 900),
    ("La gare de Blois a fermé. Les 45 salariés de l'usine voisine sont au chômage partiel.", 45),
])
def test_no_named_unit_no_referent(claims, text, value):
    cs = claims(text + "\n", FRIDAY)
    c = next(c for c in cs if c.value == float(value))
    assert c.scope_dict().get("unit") in (None, "usine"), show(cs)


def test_a_date_across_a_clause_of_opposition_dates_nothing_after_it(claims):
    """« promis pour vendredi, mais plusieurs lignes pourraient rester fermées »: Friday is the promise's day,
    not the closure's; a date in the event word's own clause still dates it."""
    cs = claims("Un service allégé est promis pour vendredi, mais plusieurs lignes pourraient rester fermées le temps "
                "des inspections.\n", FRIDAY)
    assert not [c for c in cs if c.kind == "date" and c.attribute.startswith("closure")], show(cs)
    cs = claims("La ligne a été fermée vendredi, mais elle rouvrira bientôt.\n", FRIDAY)
    assert [c.value.start for c in cs if c.attribute.startswith("closure")] == [FRIDAY], show(cs)
