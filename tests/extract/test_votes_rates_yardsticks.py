"""A date on a verb dates all its figures, acts through a raising verb, yardsticks (a normal, an average), and
counters named by a possessive (« selon leurs propres chiffres ») (issue 9, items 2, 4 and 5). Our own sentences."""
from __future__ import annotations

import datetime as dt

import pytest

from .conftest import figure, show

MAY = lambda d: dt.date(2025, 5, d)  # noqa: E731


SHARED_DATES = [
    pytest.param("Le conseil départemental a voté jeudi 15 mai un budget de 1,2 milliard d'euros, par 38 voix pour "
                 "et 12 voix contre.", ["1,2 milliard d'euros", "38 voix"], MAY(15), id="a-budget-and-its-votes"),
    pytest.param("L'assemblée a approuvé mardi 20 mai un plan de 45 millions d'euros, par 30 voix contre 9.",
                 ["45 millions d'euros", "30 voix"], MAY(20), id="approuver"),
    pytest.param("Le syndicat mixte a adopté vendredi 9 mai une enveloppe de 3 millions d'euros, par 27 voix.",
                 ["3 millions d'euros", "27 voix"], MAY(9), id="an-envelope"),
]


@pytest.mark.parametrize("text,quotes,day", SHARED_DATES)
def test_a_date_on_the_verb_dates_every_figure_the_verb_governs(claims, text, quotes, day):
    cs = claims(text)
    for q in quotes:
        c = figure(cs, q)
        assert c.time is not None and c.time.start == c.time.end == day, show([c])


RAISED_ACTS = [
    pytest.param("Le directeur rappelle que 32 patients ont dû être transférés pendant la panne.", "32 patients",
                 "count:patient_transfere", id="devoir-etre-transferes"),
    pytest.param("Près de 40 familles ont dû être relogées après l'incendie de la rue Haute.", "Près de 40 familles",
                 "count:famille_relogee", id="devoir-etre-relogees"),
    pytest.param("Au moins 300 canards doivent être abattus cette semaine.", "Au moins 300 canards",
                 "count:canard_abattu", id="devoir-etre-abattus"),
    pytest.param("Quelque 120 brebis pourraient être euthanasiées d'ici lundi.", "Quelque 120 brebis",
                 "count:brebis_euthanasiee", id="pouvoir-etre-euthanasiees"),
]


@pytest.mark.parametrize("text,quote,attribute", RAISED_ACTS)
def test_the_passive_infinitive_of_a_raising_verb_makes_a_kind(claims, text, quote, attribute):
    c = figure(claims(text), quote)
    assert c.attribute == attribute and dict(c.rules)["attribute"] == "parse:act-kind", show([c])


def test_a_raising_verb_with_an_active_infinitive_makes_no_kind(claims):
    c = figure(claims("Quelque 50 salariés doivent rejoindre le site de Rennes."), "Quelque 50 salariés")
    assert dict(c.rules)["attribute"] != "parse:act-kind", show([c])


YARDSTICKS = [
    pytest.param("En mai, il n'est tombé que 11 millimètres de pluie à Valence, pour une normale de 64 millimètres.",
                 "64 millimètres", "normale", id="une-normale-de"),
    pytest.param("Avril n'a apporté que 20 millimètres de pluie à Tulle, contre 75 en moyenne.", "75",
                 "en moyenne", id="contre-n-en-moyenne"),
    pytest.param("La dette atteint 2 100 euros par habitant, contre 1 400 euros en moyenne pour les villes de cette "
                 "taille.", "1 400 euros", "en moyenne", id="money-en-moyenne"),
    pytest.param("Les foyers paieront en moyenne 90 euros de plus par an.", "90 euros", "en moyenne",
                 id="en-moyenne-before"),
    pytest.param("Le fleuve coule à 40 mètres cubes par seconde, contre 110 en temps normal.", "110",
                 "en temps normal", id="en-temps-normal"),
]


@pytest.mark.parametrize("text,quote,word", YARDSTICKS)
def test_a_normal_or_an_average_is_a_yardstick_not_the_fact(claims, text, quote, word):
    c = figure(claims(text), quote)
    assert c.scope_dict().get("reference") == word, show([c])


@pytest.mark.parametrize("text,quote", [
    ("En mai, il n'est tombé que 11 millimètres de pluie à Valence, pour une normale de 64 millimètres.",
     "11 millimètres"),
    ("Avril n'a apporté que 20 millimètres de pluie à Tulle, contre 75 en moyenne.", "20 millimètres"),
    ("La dette atteint 2 100 euros par habitant, contre 1 400 euros en moyenne pour les villes de cette taille.",
     "2 100 euros"),
])
def test_the_figure_set_against_a_yardstick_is_no_yardstick(claims, text, quote):
    c = figure(claims(text), quote)
    assert "reference" not in c.scope_dict(), show([c])


OWN_COUNTERS = [
    pytest.param("Les syndicats, qui ont rassemblé 2 500 personnes mardi soir selon leurs propres chiffres, "
                 "menacent d'une grève.", "2 500 personnes", "syndicats", id="qui-and-leurs-propres-chiffres"),
    pytest.param("Les organisateurs ont revendiqué 15 000 participants selon leurs estimations.",
                 "15 000 participants", "organisateurs", id="leurs-estimations"),
    pytest.param("La CGT a réuni 800 personnes devant l'usine, d'après son propre décompte.", "800 personnes",
                 "CGT", id="d-apres-son-propre-decompte"),
]


@pytest.mark.parametrize("text,quote,counter", OWN_COUNTERS)
def test_a_possessive_after_selon_names_the_clause_subject_as_counter(claims, text, quote, counter):
    c = figure(claims(text), quote)
    assert c.attributed_to == counter, show([c])


def test_a_possessive_of_a_pronoun_names_nobody(claims):
    c = figure(claims("Selon leurs chiffres, ils étaient 4 000 devant la mairie."), "4 000")
    assert c.attributed_to is None or "chiffre" not in c.attributed_to, show([c])


BALLOTS = [
    pytest.param("Le conseil municipal a adopté le budget par 33 voix pour, 8 voix contre et 2 abstentions.",
                 {"33 voix": "pour", "8 voix": "contre"}, "budget", id="pour-contre-after-the-count"),
    pytest.param("Le plan local d'urbanisme est adopté par 29 voix pour, 12 contre et 3 abstentions.",
                 {"29 voix": "pour", "12": "contre"}, "plan", id="an-elided-count-against"),
    pytest.param("La délibération sur les tarifs, adoptée par 35 voix contre 10, entre en vigueur en juillet.",
                 {"35 voix": "pour", "10": "contre"}, "deliberation", id="n-voix-contre-m"),
    pytest.param("Jeudi, l'assemblée a approuvé par 51 voix pour un plan de relance de la filière.",
                 {"51 voix": "pour"}, "plan", id="pour-before-the-text-voted"),
]


@pytest.mark.parametrize("text,sides,voted", BALLOTS)
def test_a_ballot_count_keeps_its_side_and_the_text_voted(claims, text, sides, voted):
    cs = claims(text)
    for quote, side in sides.items():
        c = figure(cs, quote)
        assert c.attribute == "votes" and c.scope_dict().get("population") == side, show([c])
        assert c.scope_dict().get("of") == voted, show([c])


def test_voters_counted_by_their_side_are_votes(claims):
    c = figure(claims("Lors du vote du budget, onze élus ont voté contre."), "onze élus")
    assert c.attribute == "votes" and c.scope_dict().get("population") == "contre", show([c])


def test_a_ballot_is_about_its_text_not_about_who_proclaims_it(claims):
    c = figure(claims("La présidente, Claire Morel, a proclamé le résultat : le budget est adopté par 30 voix pour."),
               "30 voix")
    assert c.entity != "Claire Morel", show([c])


@pytest.mark.parametrize("text,quote", [
    ("Avec 5 176 voix, la liste de Paul Morel arrive en tête, contre 4 980 pour la liste de Jean Bastide.", "4 980"),
    ("La candidate a obtenu 12 400 voix au premier tour.", "12 400 voix"),
])
def test_an_election_s_votes_have_no_ballot_side(claims, text, quote):
    c = figure(claims(text), quote)
    assert c.attribute == "votes" and "population" not in c.scope_dict(), show([c])


def test_a_date_before_a_colon_dates_what_the_colon_opens_onto(claims):
    c = figure(claims("Mardi 13 mai au soir, le maire a proclamé le résultat : le budget est adopté par 30 voix pour."),
               "30 voix")
    assert c.time is not None and c.time.start == MAY(13), show([c])


def test_a_date_on_a_participle_before_a_colon_stays_its_own(claims):
    c = figure(claims("Le plan dévoilé mardi 13 mai touche tous les services : la logistique perd 244 postes."),
               "244 postes")
    assert c.time is None or c.time.start != MAY(13), show([c])


RATES = [
    pytest.param("Le taux de la taxe foncière passe à 41,20 % cette année.", "41,20 %", "taxe fonciere",
                 id="passer-a"),
    pytest.param("Pour les propriétaires, le taux de la taxe foncière grimpe de 38,10 % à 40,50 %.", "40,50 %",
                 "taxe fonciere", id="a-change-the-tagger-tears-apart"),
    pytest.param("Le taux de la taxe d'habitation reste inchangé à 17,30 %.", "17,30 %", "taxe d'habitation",
                 id="its-own-de-complement"),
    pytest.param("Le taux de chômage atteint 8,2 % dans le bassin d'emploi.", "8,2 %", "chomage", id="chomage"),
]


@pytest.mark.parametrize("text,quote,of", RATES)
def test_a_percentage_whose_subject_is_a_rate_of_a_thing_is_that_rate(claims, text, quote, of):
    c = figure(claims(text), quote)
    assert c.attribute == "rate" and c.scope_dict().get("of") == of, show([c])


def test_a_rate_continued_after_contre_keeps_its_thing(claims):
    c = figure(claims("Le taux communal de la taxe foncière passe à 41,20 %, contre 39,80 % l'an dernier."), "39,80 %")
    assert c.attribute == "rate" and c.scope_dict().get("of") == "taxe fonciere", show([c])


def test_a_rate_with_an_attribute_of_its_own_keeps_it(claims):
    c = figure(claims("Le taux de participation s'établit à 61,4 % à la mi-journée."), "61,4 %")
    assert c.attribute == "turnout", show([c])


def test_a_share_that_names_its_whole_is_no_rate(claims):
    c = figure(claims("Le taux de chômage atteint 8,2 %, et 25 % des jeunes cherchent un emploi."), "25 %")
    assert c.attribute.startswith("share:"), show([c])


DENIALS = [
    pytest.param("Le taux passera à 41,20 %, et non à 42,50 % comme annoncé en janvier.", "41,20 %", "42,50 %",
                 id="et-non-a"),
    pytest.param("Le site emploie 412 salariés, et non 450 comme l'écrivait la direction.", "412 salariés", "450",
                 id="et-non"),
]


@pytest.mark.parametrize("text,given,denied", DENIALS)
def test_a_figure_set_aside_by_et_non_is_denied_not_a_correction(claims, text, given, denied):
    cs = claims(text)
    kept, dropped = figure(cs, given), figure(cs, denied)
    assert dropped.modality == "negated" and dropped.corrects is None and kept.modality != "negated", show(cs)


def test_what_est_estime_a_estimates_is_no_counter(claims):
    c = figure(claims("Le futur stade nautique de la Combe, avec ses deux bassins de 25 mètres, est estimé à "
                      "31 millions d'euros hors taxes."), "31 millions d'euros")
    assert c.attributed_to is None and c.attribute == "cost", show([c])


def test_the_agent_of_a_passive_estimate_counts(claims):
    c = figure(claims("Le nouveau pont, long de 300 mètres, est chiffré à 12 millions d'euros par le département."),
               "12 millions d'euros")
    assert c.attributed_to == "département" and "per" not in c.scope_dict(), show([c])


PER_UNIT = [
    pytest.param("Au 31 décembre, la dette représentait 1 520 euros par habitant.", "1 520 euros", "habitant", "debt",
                 id="dette-par-habitant"),
    pytest.param("Les éleveurs recevront 4,20 euros par canard abattu.", "4,20 euros", "canard", None,
                 id="par-canard"),
    pytest.param("Pour un appartement moyen, cela représente 85 euros de plus par an.", "85 euros", "an", None,
                 id="par-an"),
]


@pytest.mark.parametrize("text,quote,per,attribute", PER_UNIT)
def test_a_figure_for_each_one_keeps_what_it_is_for(claims, text, quote, per, attribute):
    c = figure(claims(text), quote)
    assert c.scope_dict().get("per") == per, show([c])
    assert attribute is None or c.attribute == attribute, show([c])


def test_a_sum_restated_after_soit_keeps_the_sums_attribute_and_date(claims):
    cs = claims("L'encours de la dette atteignait 188 millions d'euros au 31 décembre 2024, soit 1 250 euros par "
                "habitant.")
    whole, each = figure(cs, "188 millions d'euros"), figure(cs, "1 250 euros")
    assert whole.attribute == each.attribute == "debt", show(cs)
    assert each.time == whole.time and each.time.start == dt.date(2024, 12, 31), show(cs)


def test_people_who_were_are_not_the_sum_told_before(claims):
    cs = claims("La hausse coûtera 85 euros par an aux propriétaires. Dehors, les agents ont sifflé toute la soirée. "
                "Ils étaient 900 selon la police, 2 000 selon les syndicats.")
    c = figure(cs, "900")
    assert c.attribute != "amount" and c.kind == "quantity", show([c])


@pytest.mark.parametrize("text,quote", [
    ("Le rapport de l'inspection a été rendu public mardi 13 mai.", "rendu public mardi 13 mai"),
    ("Le rapport a été rendu public le 13 mai.", "rendu public le 13 mai"),
])
def test_rendre_public_is_a_publication(claims, text, quote):
    c = figure(claims(text), quote)
    assert c.attribute == "date:publication" and c.value.start == MAY(13), show([c])


@pytest.mark.parametrize("text,quote", [
    ("Au premier tour, 57,2 % des électeurs avaient voté.", "57,2 %"),
    ("Dimanche, 61,5 % des inscrits se sont rendus aux urnes.", "61,5 %"),
    ("Seuls 44 % des inscrits ont voté, selon la préfecture.", "44 %"),
])
def test_the_share_of_voters_who_voted_is_the_turnout(claims, text, quote):
    c = figure(claims(text), quote)
    assert c.attribute == "turnout", show([c])


def test_a_share_of_voters_who_voted_for_a_list_is_no_turnout(claims):
    c = figure(claims("Au second tour, 61 % des électeurs ont voté pour la liste de gauche."), "61 %")
    assert c.attribute != "turnout", show([c])


@pytest.mark.parametrize("text,quote", [
    ("Hélène Vasseur l'emporte avec 5 716 voix contre 4 982 pour Paul Martin.", "5 716 voix"),
    ("Hélène Vasseur l'emporte avec 5 716 voix contre 4 982 pour Paul Martin.", "4 982"),
])
def test_an_election_s_votes_against_a_rival_have_no_side(claims, text, quote):
    c = figure(claims(text), quote)
    assert "population" not in c.scope_dict(), show([c])


@pytest.mark.parametrize("text,quote", [
    ("Le chiffre d'affaires a progressé de 12 % par rapport à 2024.", "12 %"),
    ("Cela coûte 3 millions d'euros par exemple.", "3 millions d'euros"),
    ("Le pont, long de 300 mètres, est chiffré à 12 millions d'euros par le département.", "12 millions d'euros"),
])
def test_a_fixed_phrase_or_an_agent_after_par_is_no_unit(claims, text, quote):
    c = figure(claims(text), quote)
    assert "per" not in c.scope_dict(), show([c])


def test_a_date_on_an_act_before_a_colon_stays_the_acts(claims):
    c = figure(claims("Le maire a présenté mardi 13 mai le plan : 40 agents seront recrutés."), "40 agents")
    assert c.time is None or c.time.start != MAY(13), show([c])


def test_the_time_it_was_is_no_duration(claims):
    cs = claims("Il était près de 23 heures quand le maire a proclamé le résultat. La séance a duré près de cinq heures.")
    assert not any(c.quote == "près de 23 heures" for c in cs), show(cs)
    assert figure(cs, "près de cinq heures").attribute == "duration:hour", show(cs)


@pytest.mark.parametrize("text,quote", [
    ("Tous les lundis, 40 bénévoles distribuent des repas.", "40 bénévoles"),
    ("Chaque samedi, 300 personnes visitent la ferme.", "300 personnes"),
])
def test_a_habit_s_day_dates_nothing(claims, text, quote):
    c = figure(claims(text), quote)
    assert c.time_origin != "explicit", show([c])
