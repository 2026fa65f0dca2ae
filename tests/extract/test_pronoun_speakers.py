"""Who says or counts a figure when the verb's subject is a pronoun, a relative « qui », or the agent of a
passive; verbs of demand and promise give their subject's own figure. Sentences of our own."""
from __future__ import annotations

import pytest

from .conftest import figure

SPEAKERS = [
    # a relative « qui » after a name: the name speaks
    ("Le site appartient au groupe Norvexa, qui revendique 6 200 salariés en Europe.\n",
     "6 200 salariés", "Norvexa"),
    ("L'usine a été rachetée par Tessalis, qui annonce 140 embauches d'ici l'été.\n",
     "140 embauches", "Tessalis"),
    ("Jugé insuffisant par la CGT, qui réclame 90 recrutements, le plan sera rediscuté.\n",
     "90 recrutements", "CGT"),
    # « qui » after a person described by a title: the person, not the body in the title
    ("« La saison est sauvée », se félicite Anne Rivet, présidente de la chambre d'agriculture du Gers, "
     "qui évoque 1 200 exploitations touchées.\n", "1 200 exploitations", "Anne Rivet"),
    # « il », « elle »: the named subject of the sentence before
    ("La préfecture de la Drôme a fait un point vendredi. Elle dénombre 17 blessés.\n", "17 blessés", "préfecture"),
    ("Le groupe Ardelis a présenté son plan lundi. Il annonce 85 postes ouverts en interne.\n",
     "85 postes", "Ardelis"),
    ("Marc Vidal dirige la clinique depuis 2021. Il assure que les urgences reçoivent 90 patients par jour.\n",
     "90 patients", "Marc Vidal"),
    # a description the pronoun takes up is kept in words
    ("La direction de l'usine a réuni le comité lundi. Elle recense 38 postes vacants.\n", "38 postes",
     "direction"),
    # the agent of a passive verb of counting counts its subject
    ("Plus de 300 rassemblements ont été recensés par les services de renseignement.\n",
     "Plus de 300 rassemblements", "services de renseignement"),
    ("Quelque 2 400 interventions ont été comptabilisées par les pompiers du Var.\n",
     "Quelque 2 400 interventions", "pompiers"),
    # demands and promises are their subject's figures
    ("Le syndicat Unsa exige 120 embauches avant la fin de l'année.\n", "120 embauches", "Unsa"),
    ("La Métropole promet que 25 % des marchés iront à des entreprises locales.\n", "25 %", "Métropole"),
]


@pytest.mark.parametrize("text, quote, speaker", SPEAKERS)
def test_a_pronoun_or_a_passive_agent_names_who_says_or_counts(claims, text, quote, speaker):
    c = figure(claims(text), quote)
    assert c.attributed_to is not None and speaker in c.attributed_to, (c.attributed_to, dict(c.rules))


NOT_SPEAKERS = [
    # « il » takes up nothing named or described: nobody is made up
    ("Il pleuvait depuis l'aube. Il assure que 40 maisons ont été inondées.\n", "40 maisons"),
    # « elle » does not take up a masculine subject
    ("Le groupe Ardelis a présenté son plan lundi. Elle annonce 85 postes ouverts en interne.\n", "85 postes"),
    # a hope with an infinitive is a plan of its subject, said by nobody else
    ("Le club Ravel espère attirer 30 000 spectateurs par match.\n", "30 000 spectateurs"),
]


@pytest.mark.parametrize("text, quote", NOT_SPEAKERS)
def test_no_speaker_is_made_up(claims, text, quote):
    c = figure(claims(text), quote)
    assert c.attributed_to is None, (c.attributed_to, dict(c.rules))


@pytest.mark.parametrize("text, quote, who", [
    ("Depuis avril, l'entreprise Calvane réclame 14 millions d'euros de surcoûts.\n", "14 millions d'euros", "Calvane"),
    ("Le syndicat Unsa exige 120 embauches avant la fin de l'année.\n", "120 embauches", "Unsa"),
    ("La CFDT, qui réclame 45 recrutements, a appelé à la grève.\n", "45 recrutements", "CFDT"),
    ("Le groupe Ardelis promet 300 embauches en Bretagne.\n", "300 embauches", "Ardelis"),
])
def test_who_demands_or_promises_gives_the_figure_and_is_what_it_is_about(claims, text, quote, who):
    c = figure(claims(text), quote)
    assert c.attributed_to == who and c.entity == who, (c.entity, c.attributed_to, dict(c.rules))
    assert dict(c.rules)["attribution"].startswith("parse:demand-verb")


@pytest.mark.parametrize("text, quote, author", [
    # a document's figures are its author's: the agent of its participle, wherever the parser hung « par »
    ("Le sondage réalisé par l'institut Kantor le crédite de 38 % des intentions de vote.\n", "38 %", "Kantor"),
    ("Le bilan établi jeudi par la préfecture est lourd : quatre morts et 17 blessés.\n", "17 blessés", "préfecture"),
    ("Le décompte publié mardi par la préfecture fait état de 212 sinistrés.\n", "212 sinistrés", "préfecture"),
    # or its « de » complement when that names someone
    ("Le rapport de la Cour des comptes évalue le surcoût à 40 millions d'euros.\n", "40 millions d'euros",
     "Cour des comptes"),
    ("Une étude de l'Insee chiffre à 12 000 le nombre d'emplois menacés.\n", "12 000", "INSEE"),
])
def test_a_document_s_figures_are_its_author_s(claims, text, quote, author):
    c = figure(claims(text), quote)
    assert c.attributed_to and author.lower() in c.attributed_to.lower(), (c.attributed_to, dict(c.rules))


def test_a_document_with_no_author_makes_none_up(claims):
    c = figure(claims("Le bilan est lourd : quatre morts et 17 blessés.\n"), "17 blessés")
    assert c.attributed_to is None


@pytest.mark.parametrize("text, quote, counter", [
    ("Enedis recensait encore moins de 300 foyers sans courant vendredi.\n", "moins de 300 foyers", "Enedis"),
    ("La police a dénombré plus de 4 000 manifestants.\n", "plus de 4 000 manifestants", "police"),
    ("Les pompiers comptabilisent près de 90 interventions.\n", "près de 90 interventions", "pompiers"),
])
def test_a_bound_before_the_count_keeps_its_counter(claims, text, quote, counter):
    c = figure(claims(text), quote)
    assert c.attributed_to and counter in c.attributed_to, (c.attributed_to, dict(c.rules))


@pytest.mark.parametrize("text, quote, speaker", [
    # a speech clause after a comma, its subject after the verb, speaks for what comes before it
    ("Trois randonneurs sont toujours portés disparus, a précisé la préfète lors d'un point presse.\n",
     "Trois randonneurs", "préfète"),
    ("Près de 400 arbres ont été abattus, pour 900 replantés d'ici 2027, promet la Métropole.\n",
     "900 replantés", "Métropole"),
    ("Le coût du chantier a augmenté de 45 %, a calculé Hugo Lemaire.\n", "45 %", "Hugo Lemaire"),
    ("L'usine a fermé en mars 2024, a rappelé la CGT.\n", "fermé en mars 2024", "CGT"),
])
def test_an_inverted_speech_clause_speaks_for_the_sentence_before_it(claims, text, quote, speaker):
    c = figure(claims(text), quote)
    assert c.attributed_to == speaker, (c.attributed_to, dict(c.rules))
    assert dict(c.rules)["attribution"] == "parse:inverted-speech"


@pytest.mark.parametrize("text, quote", [
    # a clause with its own subject before the verb is no incise
    ("Quatre salariés ont été blessés, et la préfecture a précisé que l'usine restera fermée.\n", "Quatre salariés"),
    # the clause after a quotation that closes a sentence speaks for the quotation only
    ("Le syndicat a fixé au 12 mars la prochaine journée. « Nous serons 5 000 », prévient Paul Adam.\n",
     "12 mars"),
])
def test_no_inverted_speaker_across_a_subject_or_a_sentence(claims, text, quote):
    c = next(c for c in claims(text) if quote in c.quote)
    assert dict(c.rules).get("attribution") != "parse:inverted-speech", (c.attributed_to, dict(c.rules))


@pytest.mark.parametrize("text, quote", [
    # a participle or a gerund after a comma is no speech clause
    ("Le groupe a supprimé 300 postes l'an dernier, promettant des reclassements.\n", "300 postes"),
    # an author has an article or a name: « par téléphone » is how, not who
    ("Le sondage, réalisé par téléphone auprès de 1 002 personnes, crédite la liste de 41 % des voix.\n", "41 %"),
])
def test_no_speaker_from_a_participle_or_a_bare_par(claims, text, quote):
    c = figure(claims(text), quote)
    assert c.attributed_to is None, (c.attributed_to, dict(c.rules))


def test_a_document_s_author_is_its_own_complement_not_one_deeper(claims):
    c = figure(claims("Le rapport de la commission d'enquête sur la mort de Rémi Garnier évalue le coût à 4 millions "
                      "d'euros.\n"), "4 millions d'euros")
    assert c.attributed_to != "Rémi Garnier", (c.attributed_to, dict(c.rules))


def test_a_demander_stays_what_the_figure_is_about_whoever_reports_it(claims):
    c = figure(claims("Le syndicat Unsa réclame 60 embauches, indique Jean Martin.\n"), "60 embauches")
    assert c.entity == "Unsa" and c.attributed_to == "Unsa", (c.entity, c.attributed_to, dict(c.rules))
