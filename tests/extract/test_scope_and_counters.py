"""Scope read from relative clauses and lists, and counters read from verbs of counting: our own
sentences for each construction (issue 9, items 2, 3 and 6)."""
from __future__ import annotations

import pytest

from .conftest import figure


SCOPES = [
    # text, the figure's quote, the scope fields expected (other fields may be present)
    pytest.param("Le groupe Fabrex va fermer son usine de Vierzon, qui emploie 420 salariés.", "420 salariés",
                 {"unit": "usine de Vierzon"}, id="qui-after-a-comma-names-the-unit"),
    pytest.param("Le groupe Fabrex a fermé son usine d'Audincourt, qui employait 860 salariés.", "860 salariés",
                 {"unit": "usine d'Audincourt"}, id="unit-name-with-elision"),
    pytest.param("Le groupe prévoit de supprimer 575 postes en France, dont 163 dans son usine d'Audincourt.",
                 "575 postes", {"place": "France"}, id="the-whole-does-not-take-the-unit-of-its-part"),
    pytest.param("Le groupe garde son usine d'Arlempdes, dans la Haute-Loire, où travaillent 300 salariés.",
                 "300 salariés", {"unit": "usine d'Arlempdes"}, id="ou-after-a-unit-and-its-departement"),
    pytest.param("Les salariés iront à Andrézieux-Bouthéon, dans la Loire, où travaillent 640 personnes, ou à Laval.",
                 "640 personnes", {"place": "Andrézieux-Bouthéon"}, id="ou-after-a-town-and-its-departement"),
    pytest.param("Des équipes ont travaillé dans le Finistère, où une rafale de 190 km/h a été mesurée à Brest.",
                 "190 km/h", {"place": "Brest"}, id="a-relative-clause-naming-its-own-place"),
]


@pytest.mark.parametrize("text,quote,expected", SCOPES)
def test_scope_from_relative_clauses_and_lists(claims, text, quote, expected):
    c = figure(claims(text), quote)
    got = c.scope_dict()
    assert {k: got.get(k) for k in expected} == expected, (c.scope, c.rules)
    if "unit" not in expected:
        assert "unit" not in got, c.scope


COUNTERS = [
    # text, the figure's quote, its attribute, who counts it
    pytest.param("Enedis comptait encore 4 000 foyers sans électricité mardi matin.", "4 000 foyers",
                 "without_power", "Enedis", id="compter-a-toll-counts"),
    pytest.param("Le ministère de l'Intérieur retient sept morts.", "sept morts", "deaths", "ministère de l'Intérieur",
                 id="retenir-a-toll-counts"),
    pytest.param("La CGT revendique de son côté 1,3 million de manifestants.", "1,3 million de manifestants",
                 "protesters", "CGT", id="a-counting-verb-tagged-as-an-adjective"),
    pytest.param("La préfecture a compté 11 000 manifestants ; les syndicats en revendiquent 85 000.",
                 "11 000 manifestants", "protesters", "préfecture", id="an-inverted-cue-never-reaches-past-a-figure"),
    pytest.param("Samedi, 8 000 manifestants ont défilé. Ils étaient 2 400 selon la police, 6 500 selon les "
                 "organisateurs.", "6 500", "protesters", "organisateurs", id="ils-etaient-n-selon-x"),
    pytest.param("Selon la Cour des comptes, le projet avait été estimé à 380 millions d'euros en 2019.",
                 "380 millions d'euros", "cost", "Cour des comptes", id="the-subject-of-a-passive-is-what-is-counted"),
]


@pytest.mark.parametrize("text,quote,attribute,counter", COUNTERS)
def test_who_counts_a_figure_is_read_from_the_verb(claims, text, quote, attribute, counter):
    c = figure(claims(text), quote)
    assert (c.attribute, c.attributed_to) == (attribute, counter), (c.attribute, c.attributed_to, c.rules)
    assert c.entity != counter  # the counter is never what the figure is about


@pytest.mark.parametrize("text,quote", [
    pytest.param("Fabrex compte 1 900 salariés en France.", "1 900 salariés", id="compter-a-workforce-owns"),
    pytest.param("La ligne 15 Sud compte 37 km de voies.", "37 km", id="an-acronym-counter-matches-only-as-written"),
])
def test_compter_what_one_has_is_no_count_by_anyone(claims, text, quote):
    c = figure(claims(text), quote)
    assert c.attributed_to is None, (c.attributed_to, c.rules)


@pytest.mark.parametrize("text,quote", [
    pytest.param("Au plus fort de l'épisode, 70 000 foyers ont été privés de courant dans le Gard.", "70 000 foyers",
                 id="fronted"),
    pytest.param("Selon Enedis, 12 000 foyers étaient encore privés d'électricité lundi soir, contre 45 000 au plus "
                 "fort de la crue.", "45 000", id="after-an-elided-figure"),
    pytest.param("Selon Enedis, 45 000 foyers étaient privés d'électricité dimanche matin, au plus fort de "
                 "l'épisode.", "45 000 foyers", id="after-its-clause"),
])
def test_a_peak_is_a_moment_of_its_own(claims, text, quote):
    """« au plus fort de … »: the figure is the episode's peak, compared only with peaks, at no hour of the
    day it is reported; « 45 000 au plus fort » is no upper bound."""
    cs = claims(text)
    c = figure(cs, quote)
    assert c.scope_dict().get("moment") == "peak" and "at" not in c.scope_dict(), c.scope
    assert c.value == 45000.0 or c.value == 70000.0  # a figure, not « at most »
    others = [x for x in cs if x.kind == "quantity" and x is not c]
    assert all(x.scope_dict().get("moment") != "peak" for x in others), [(x.quote, x.scope) for x in others]


def test_a_place_description_names_the_place_the_article_is_about(claims):
    """« le département » in a paragraph that names none: the département the article names most, not
    the one named last in passing (« à Lunel, dans l'Hérault voisin »)."""
    text = ("Les pluies ont frappé le Gard samedi. Les secours du Gard sont mobilisés à Nîmes, dans le Gard.\n"
            "Un automobiliste est mort à Lunel, dans l'Hérault voisin.\n"
            "Dans le département, 3 400 foyers sont privés de courant.\n")
    c = figure(claims(text), "3 400 foyers")
    assert c.scope_dict().get("place") == "Gard", c.scope


@pytest.mark.parametrize("text,quote,place", [
    pytest.param("Longue de 11,4 km, la ligne B reliera la gare au campus.", "11,4 km", None,
                 id="a-line-named-by-a-letter-is-no-place"),
    pytest.param("Sur Montclar même, le tracé mesure 7,2 km.", "7,2 km", "Montclar", id="fronted-place-with-meme"),
    # a one-word place after its preposition, whether the gazetteer knows it or not (a small commune)
    pytest.param("Le Lignon a culminé à 4,80 m à Valbrèze dimanche soir.", "4,80 m", "Valbrèze",
                 id="a-commune-the-gazetteer-does-not-know"),
    pytest.param("Il est tombé 62 millimètres de pluie à Castelvieil en une nuit.", "62 millimètres", "Castelvieil",
                 id="rain-at-a-small-commune"),
    # a seat of power stands for the institution it houses (entities.toml): no place where a figure holds
    pytest.param("Les dirigeants des cinq fédérations ont été reçus à Matignon lundi.", "cinq fédérations", None,
                 id="matignon-is-the-government"),
])
def test_places_and_units_named_like_places(claims, text, quote, place):
    c = figure(claims(text), quote)
    assert c.scope_dict().get("place") == place, c.scope


def test_a_peak_with_a_date_between_is_still_the_peak(claims):
    c = figure(claims("Au plus fort du chantier, prévu au second semestre 2026, quelque 600 ouvriers travailleront "
                      "sur le site."), "quelque 600 ouvriers")
    assert c.scope_dict().get("moment") == "peak", c.scope


# ---------------------------------------------------------------- places of lists, levels, plants

LEVELS = [
    pytest.param("Le groupe emploie 150 000 salariés dans une douzaine de pays.", "150 000 salariés", "monde",
                 id="a-dozen-countries-is-the-world"),
    pytest.param("L'entreprise compte 9 800 salariés dans 14 pays.", "9 800 salariés", "monde",
                 id="fourteen-countries-is-the-world"),
    pytest.param("Le groupe emploie 2 000 salariés dans le pays.", "2 000 salariés", "national",
                 id="the-country-is-national"),
    pytest.param("L'entreprise emploie 54 000 personnes dans l'Hexagone et plus de 150 000 salariés dans une "
                 "douzaine de pays.", "plus de 150 000 salariés", "monde", id="the-last-item-s-place-on-the-verb"),
    pytest.param("L'entreprise emploie 54 000 personnes dans l'Hexagone et plus de 150 000 salariés dans une "
                 "douzaine de pays.", "54 000 personnes", "France", id="the-first-item-keeps-its-own"),
]


@pytest.mark.parametrize("text,quote,place", LEVELS)
def test_levels_and_places_of_list_items(claims, text, quote, place):
    found = [c for c in claims(text) if quote in c.quote or c.quote in quote]
    assert found and found[0].scope_dict().get("place") == place, [(c.quote, c.scope) for c in found]


def test_a_place_after_usine_de_is_where_the_plant_is_not_a_firm(claims):
    cs = claims("Tessaro Industries va fermer son usine de Vierzon. Le groupe emploie 9 800 personnes.")
    c = figure(cs, "9 800 personnes")
    assert c.entity != "Vierzon" and "Vierzon" not in {x.entity for x in cs}, [(x.quote, x.entity) for x in cs]


PRONOUNS = [
    pytest.param("La société Norvex a été rachetée par Paul Mercier. Elle emploie 300 salariés.", "300 salariés",
                 "Norvex", id="elle-takes-up-the-company-not-its-buyer"),
    pytest.param("Paul Mercier a racheté la société Norvex. Il emploie 300 salariés.", "300 salariés",
                 "Paul Mercier", id="il-takes-up-the-buyer"),
    pytest.param("Le groupe Tessaro a été fondé par Henri Tessandier. Il emploie 4 000 personnes.", "4 000 personnes",
                 "Tessaro", id="il-takes-up-the-group-not-its-founder"),
    pytest.param("L'entreprise Vexalis a été reprise par Jean Morel. Elle va supprimer 80 postes.", "80 postes",
                 "Vexalis", id="elle-takes-up-the-firm-through-a-raising-verb"),
]


@pytest.mark.parametrize("text,quote,entity", PRONOUNS)
def test_a_pronoun_subject_takes_up_the_previous_sentence_s_subject(claims, text, quote, entity):
    c = figure(claims(text), quote)
    assert c.entity == entity, (c.entity, c.rules)


@pytest.mark.parametrize("text, quote, employer", [
    # a strike rate is the share of one employer's staff: the one its counter is « of »…
    ("La direction de la SNCF a recensé 24,5 % de grévistes jeudi.\n", "24,5 %", "SNCF"),
    ("La direction de la RATP a compté 18 % de grévistes mardi.\n", "18 %", "RATP"),
    # …or the one the sentence opens on, which the figure it continues keeps
    ("À la SNCF, la direction a recensé 14,8 % de grévistes, contre 34,5 % le 5 février.\n", "34,5 %", "SNCF"),
])
def test_a_strike_rate_is_scoped_to_its_employer(claims, text, quote, employer):
    assert dict(figure(claims(text), quote).scope).get("unit") == employer


def test_a_union_counting_strikers_is_no_employer(claims):
    c = figure(claims("Le SNUipp-FSU annonce 52 % de grévistes dans les écoles.\n"), "52 %")
    assert dict(c.scope).get("unit") != "SNUipp-FSU", dict(c.scope)
