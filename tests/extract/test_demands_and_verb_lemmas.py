"""Who says or demands a figure, read from verbs the model's lemmatizer leaves as they are (« réclame »,
« indique », « estime »: finite verbs whose form is also a noun), and from a verb of demand whose object holds
the figure deep in a coordination (issue 9, item 2). Our own sentences."""
from __future__ import annotations

import pytest

from reconcile.extract.nlp import parse

from .conftest import figure, show


@pytest.mark.parametrize("text,word,lemma", [
    ("La fédération réclame une aide d'urgence.", "réclame", "réclamer"),
    ("Le maire indique que la route est coupée.", "indique", "indiquer"),
    ("Le syndicat estime que la grève est suivie.", "estime", "estimer"),
    ("Le collectif demande une réunion.", "demande", "demander"),
])
def test_a_finite_verb_that_is_also_a_noun_gets_its_infinitive(nlp, text, word, lemma):
    tok = next(t for t in parse(text, nlp=nlp)[0].doc if t.text == word)
    assert tok.pos_ == "VERB" and tok.lemma_ == lemma, (tok.pos_, tok.lemma_)


def test_a_noun_keeps_its_own_lemma(nlp):
    doc = parse("La demande de la mairie reste sans réponse.", nlp=nlp)[0].doc
    tok = next(t for t in doc if t.text == "demande")
    assert tok.pos_ == "NOUN" and tok.lemma_ == "demande"


SAID = [
    pytest.param("Le porte-parole des pompiers, Marc Delorme, indique que 14 maisons ont été détruites.",
                 "14 maisons", "Marc Delorme", id="role-name-indique-que"),
    pytest.param("La directrice de l'école, Agnès Roumier, estime que 40 élèves manqueront la rentrée.",
                 "40 élèves", "Agnès Roumier", id="role-name-estime-que"),
    pytest.param("La FNSEA réclame une cellule de crise et le versement immédiat de 80 millions d'euros.",
                 "80 millions d'euros", "FNSEA", id="demand-second-object"),
    pytest.param("L'association exige une expertise et le relogement de 35 familles avant l'hiver.",
                 "35 familles", "association", id="exige-coordinated-object"),
    pytest.param("Le parquet a requis deux ans de prison et 20 000 euros d'amende contre le gérant.",
                 "20 000 euros", "parquet", id="requerir"),
    pytest.param("L'Unsa revendique la création de 300 postes de surveillants.", "300 postes", "Unsa",
                 id="revendiquer-la-creation-de"),
    # a share « prévu » is a forecast by who foresees it (not a plan of its own acts: « prévoit 300 embauches »)
    pytest.param("Pour jeudi, la RATP prévoit deux métros sur trois.", "deux métros sur trois", "RATP",
                 id="prevoir-a-ratio"),
    pytest.param("Le Snes, premier syndicat du secondaire, prévoit 60 % de grévistes dans les lycées.", "60 %",
                 "Snes", id="prevoir-a-share-apposed-subject"),
    # a verb of counting the tagger took for a noun, whose object holds the figure
    pytest.param("Le président de la fédération, Paul Mercier, chiffre déjà les pertes de la filière à « au moins "
                 "8 millions d'euros ».", "au moins 8 millions d'euros", "Paul Mercier", id="chiffre-tagged-a-noun"),
    # a body of a place speaks, never the place; a document's author speaks
    pytest.param("Selon le syndicat des eaux du Lot, le réservoir était rempli à 40 % mardi.", "40 %",
                 "syndicat des eaux du Lot", id="selon-a-body-of-a-place"),
    pytest.param("Selon les analyses de l'Anssi, quelque 8 500 patients sont concernés.", "quelque 8 500 patients",
                 "Anssi", id="selon-a-document-of-an-agency"),
    # « il », « elle » in a clause under the sentence's own: that sentence's subject, named before it
    pytest.param("Marc Fabre dénonce des pertes qu'il estime à 9 euros par brebis.", "9 euros", "Marc Fabre",
                 id="qu-il-estime-the-main-subject"),
    pytest.param("La FSU conteste ces chiffres et affirme qu'elle a compté 6 000 manifestants.", "6 000 manifestants",
                 "FSU", id="qu-elle-a-compte-the-main-subject"),
    # a document presented by somebody named after it: the document speaks, not its presenter
    pytest.param("Selon le rapport d'activité présenté par la directrice générale, Claire Morvan, le musée a accueilli "
                 "210 000 visiteurs.", "210 000 visiteurs", "rapport d'activité", id="selon-a-document-presented-by"),
    # an impersonal « on » after a verb of saying: the people of the name after it speak
    pytest.param("« Réunir 20 000 personnes un mardi, c'est un succès », souligne-t-on à la CFDT.", "20 000 personnes",
                 "CFDT", id="on-a-la-cfdt"),
    pytest.param("« Nous garderons 900 emplois sur le site », assure-t-on chez Norvatec.", "900 emplois", "Norvatec",
                 id="on-chez-une-entreprise"),
    pytest.param("« Il y aura au moins 30 000 manifestants », assure-t-on dans l'entourage du préfet.",
                 "au moins 30 000 manifestants", "préfet", id="on-dans-l-entourage-d-un-role"),
]


@pytest.mark.parametrize("text,quote,speaker", SAID)
def test_who_says_or_demands_the_figure_is_its_speaker(claims, text, quote, speaker):
    c = figure(claims(text), quote)
    assert c.attributed_to == speaker, show([c])


NOT_DEMANDED = [
    pytest.param("Lors du conseil, Paul Verrier réclame la transparence sur le coût d'un projet dont le budget "
                 "dépasse 90 millions d'euros.", "90 millions d'euros", id="a-relative-clause-on-the-object"),
    pytest.param("Parmi ses douze propositions, le collectif demande une baisse des loyers.", "douze propositions",
                 id="a-fronted-complement"),
]


@pytest.mark.parametrize("text,quote", NOT_DEMANDED)
def test_a_verb_of_demand_speaks_only_for_what_it_demands(claims, text, quote):
    c = figure(claims(text), quote)
    assert c.attributed_to is None, show([c])
