"""How far a speaker reaches, and who a speaker described by a role or a pronoun is: a « selon X, » that
opens a sentence (or the clause after a colon) speaks for all of it; a part and its whole share one voice;
« le syndicaliste », « la conseillère », « selon elle », « a-t-il lancé » are the person named before;
a verb of saying after a quotation is no event. Sentences of our own."""
from __future__ import annotations

import pytest

from .conftest import figure, show

FRONTED = [
    # a « selon X, » that opens the sentence reaches past the first figure, across « et »
    ("Selon la mutuelle, 240 adhérents ont résilié leur contrat et plus de 1 100 réclamations ont été déposées.\n",
     "plus de 1 100 réclamations", "mutuelle"),
    ("Selon l'agence régionale de santé, 31 patients ont été évacués vers Agen, sur un total de 415 patients.\n",
     "415 patients", "agence régionale de santé"),
    # after a connecting word, and after a colon
    ("Mais selon la fédération, 80 exploitations sont touchées et 12 élevages ont perdu leur cheptel.\n",
     "12 élevages", "fédération"),
    ("Les relevés sont impressionnants : selon Météo-France, 180 millimètres sont tombés à Prades.\n",
     "180 millimètres", "Météo-France"),
    # a « selon » in the middle of a clause, before the figure and with no comma: its words up to the figure
    ("Fondée en 1962, elle fournit selon la direction environ 30 % du marché national de la brique.\n",
     "environ 30 %", "direction"),
    # a name the reader cuts short (« et de la Vionne »): the comma after the rest of it closes the phrase
    ("Selon le syndicat des eaux du Larzac et de la Sorgue, le réservoir de Brunas, qui dessert une vingtaine "
     "de communes, était rempli à 39 % lundi.\n", "39 %", "syndicat des eaux du Larzac"),
    ("D'après la fédération des chasseurs de l'Aude et des Pyrénées-Orientales, 1 400 sangliers ont été "
     "prélevés en novembre.\n", "1 400 sangliers", "fédération des chasseurs de l'Aude"),
]


@pytest.mark.parametrize("text, quote, speaker", FRONTED)
def test_a_selon_that_opens_the_sentence_speaks_for_all_of_it(claims, text, quote, speaker):
    c = figure(claims(text), quote)
    assert c.attributed_to == speaker, show([c])
    assert c.modality == "reported", show([c])


@pytest.mark.parametrize("text, quote, speaker", [
    # a part with a counter of its own after it keeps that counter
    ("Selon le ministère, 96 000 personnes ont défilé, dont 9 500 à Lille, d'après la préfecture du Nord.\n",
     "9 500", "préfecture du Nord"),
    # a « selon X, » that opens the clause of another figure does not reach back
    ("Le cortège a réuni 4 000 personnes, et selon les organisateurs, 11 000 ont suivi le meeting.\n",
     "4 000 personnes", None),
])
def test_a_fronted_selon_does_not_overrule_a_nearer_voice(claims, text, quote, speaker):
    assert figure(claims(text), quote).attributed_to == speaker, show(claims(text))


@pytest.mark.parametrize("text, quote, speaker", [
    # a role named with a person, taken up with an article
    ("Le texte est défendu par Hélène Marchal, conseillère régionale. « Dix-huit voix d'écart, c'est un "
     "désaveu », a estimé la conseillère régionale.\n", "Dix-huit voix", "Hélène Marchal"),
    ("Le directeur de l'abattoir, Yves Perrot, a reçu les syndicats. Selon le directeur, 64 salariés seront "
     "reclassés.\n", "64 salariés", "Yves Perrot"),
    # the role as written before its other gender: « la présidente » is not the firm's « président » named since
    ("La présidente du tribunal, Marianne Leclercq, a ouvert l'audience. Comparaît aussi la société Técâble et "
     "son président, Olivier Maury. Selon la présidente, 71 parties civiles sont constituées.\n",
     "71 parties", "Marianne Leclercq"),
    # a role word the article did not use, for the one person just named
    ("Pour Rachid Amrani, délégué FO, « la direction a menti ». Selon le syndicaliste, 40 % des postes "
     "d'entretien ont disparu.\n", "40 %", "Rachid Amrani"),
    # a pronoun: the person just named
    ("Claire Vernet a visité les serres mardi. Selon elle, trois producteurs ont déjà déposé un dossier.\n",
     "trois producteurs", "Claire Vernet"),
    ("Paul Sarda a pris la parole au conseil. « Une vingtaine de voix d'avance, ce n'est rien », a-t-il "
     "lancé.\n", "Une vingtaine de voix", "Paul Sarda"),
])
def test_a_speaker_described_by_a_role_or_a_pronoun_is_the_person_named_before(claims, text, quote, speaker):
    c = figure(claims(text), quote)
    assert c.attributed_to == speaker, show([c])
    assert "referent:" in dict(c.rules)["attribution"], show([c])


@pytest.mark.parametrize("text, quote", [
    # two persons just named: the pronoun could be either, so nobody is named
    ("Claire Vernet a reçu Paul Sarda mardi. « Trois producteurs ont déposé un dossier », a-t-elle précisé.\n",
     "Trois producteurs"),
    # a plural role is a body, not the last person named
    ("Jean Morel a saisi la chambre. Selon les magistrats, 12 marchés ont été attribués sans mise en "
     "concurrence.\n", "12 marchés"),
])
def test_no_person_is_made_up_for_a_role_or_a_pronoun(claims, text, quote):
    c = figure(claims(text), quote)
    assert c.attributed_to in (None, "magistrats"), show([c])


def test_a_part_and_its_whole_share_one_voice(claims):
    cs = claims("La direction chiffre le coût de la panne à 3,4 millions d'euros, dont 1,2 million pour "
                "les réparations.\n")
    part = figure(cs, "1,2 million")
    assert part.attributed_to == "direction", show(cs)


def test_a_verb_of_saying_after_a_quotation_is_no_event(claims):
    cs = claims("« Nous tiendrons les délais », a-t-il lancé samedi devant les élus.\n")
    assert not [c for c in cs if c.attribute.startswith("launch")], show(cs)
    cs = claims("Le maire a lancé samedi la campagne de vaccination.\n")
    assert [c for c in cs if c.attribute.startswith("launch")], show(cs)


@pytest.mark.parametrize("text, quote, author", [
    # a document that is the object of its author's verb, its figures after a colon
    ("Mardi, la direction a présenté aux élus une première estimation des dégâts : 2,8 millions d'euros.\n",
     "2,8 millions d'euros", "direction"),
    ("La préfecture a publié un bilan provisoire : 14 blessés et 230 personnes évacuées.\n",
     "14 blessés", "préfecture"),
    # a relative « qui » that stands for the document
    ("L'institut Ipsaris a dévoilé un sondage qui crédite la maire sortante de 41 % des intentions de vote.\n",
     "41 %", "Ipsaris"),
])
def test_a_document_presented_by_someone_is_their_count(claims, text, quote, author):
    c = figure(claims(text), quote)
    assert c.attributed_to is not None and author in c.attributed_to, show([c])


@pytest.mark.parametrize("text, quote, holder", [
    ("Pour Lucie Caradec, déléguée Sud, « plus de 60 postes d'agents ont disparu en dix ans ».\n",
     "plus de 60 postes", "Lucie Caradec"),
    # the person named in apposition, not the body in their title
    ("Pour le président de la chambre des métiers, Henri Basset, « le chiffre d'affaires a reculé de 15 % ».\n",
     "15 %", "Henri Basset"),
    ("Pour la CFDT, « 900 emplois sont menacés chez Norvexa ».\n", "900 emplois", "CFDT"),
])
def test_a_sentence_that_opens_on_an_opinion_holder_and_a_quotation_gives_their_words(claims, text, quote, holder):
    c = figure(claims(text), quote)
    assert c.attributed_to == holder, show([c])
    assert c.entity != holder, show([c])


def test_a_sentence_that_opens_on_whom_it_is_about_has_no_speaker(claims):
    c = figure(claims("Pour Norvexa, l'année a été difficile : 1 300 postes ont été supprimés.\n"), "1 300 postes")
    assert (c.attributed_to, c.entity) == (None, "Norvexa"), show([c])


@pytest.mark.parametrize("text, quote, counter", [
    # the verb of counting over the noun that the figure measures (« ses pertes à 12 millions »)
    ("L'entreprise Norvexa chiffre ses pertes à 12 millions d'euros.\n", "12 millions d'euros", "Norvexa"),
    # the tagger takes « table », « chiffre » for nouns after their subject: a window fallback reads them
    ("La Métropole table sur 45 000 voyageurs par jour.\n", "45 000 voyageurs", "Métropole"),
])
def test_a_verb_of_counting_over_a_measured_noun_or_misread_as_a_noun_names_its_subject(claims, text, quote,
                                                                                       counter):
    c = figure(claims(text), quote)
    assert c.attributed_to == counter, show([c])


def test_a_noun_that_only_looks_like_a_verb_counts_nothing(claims):
    c = figure(claims("La table du conseil réunit 12 élus.\n"), "12 élus")
    assert c.attributed_to is None, show([c])


def test_a_bare_number_that_continues_a_figure_keeps_its_counter(claims):
    cs = claims("L'entreprise Norvexa chiffre ses surcoûts à 31 millions d'euros, contre 23 millions en janvier.\n")
    assert figure(cs, "23 millions").attributed_to == "Norvexa", show(cs)


def test_an_act_in_the_clause_of_a_verb_of_saying_is_its_subject_s_word(claims):
    cs = claims("Le directeur du port, Yann Kerlo, a précisé que la fuite avait été repérée mardi, et que "
                "les secours avaient été alertés à 6 h 30.\n")
    c = next((c for c in cs if c.attribute == "date:detection"), None)
    assert c is not None and c.attributed_to == "Yann Kerlo", show(cs)


@pytest.mark.parametrize("text, quote, speaker", [
    # « cette », « déléguée »: the determiner and the feminine form of a role
    ("Le plan est porté par Inès Morvan, déléguée syndicale. Selon cette déléguée, 75 postes sont menacés.\n",
     "75 postes", "Inès Morvan"),
])
def test_a_role_is_recognised_whatever_its_determiner_and_gender(claims, text, quote, speaker):
    assert figure(claims(text), quote).attributed_to == speaker, show(claims(text))


def test_a_person_introduced_with_another_role_is_not_taken_for_this_one(claims):
    cs = claims("Le maire, Jean Dupont, a visité le site mardi. Selon le préfet, 14 familles ont été relogées.\n")
    assert figure(cs, "14 familles").attributed_to != "Jean Dupont", show(cs)


@pytest.mark.parametrize("text, quote, speaker", [
    ("Selon la direction des entreprises, 40 sites sont touchés.\n", "40 sites", "direction des entreprises"),
    ("Selon les plus récentes estimations, 300 foyers sont privés de courant.\n", "300 foyers",
     "plus récentes estimations"),
])
def test_an_origin_in_words_is_cut_at_its_figure_not_inside_a_word(claims, text, quote, speaker):
    assert figure(claims(text), quote).attributed_to == speaker, show(claims(text))


def test_an_act_told_by_an_unresolved_pronoun_names_nobody(claims):
    cs = claims("L'immeuble a été évacué mardi, a-t-il précisé.\n")
    assert all(c.attributed_to != "il" for c in cs), show(cs)


# ---------------------------------------------------------------- « en », « faire état », a toll that goes on

EN_COUNTS = [
    pytest.param("La préfecture recense 17 foyers. La FDSEA en compte pour sa part 20.", "20", "count:foyer", "FDSEA",
                 id="a-counter-s-own-count-of-the-same-thing"),
    pytest.param("Selon l'adjointe, 41 familles sont logées à l'hôtel. La mairie en dénombre 27.", "27",
                 "count:famille", "mairie", id="a-counting-verb-misread-after-en"),
    pytest.param("À l'appel des parties civiles, la présidente en a recensé 71 : des proches, des blessés.", "71",
                 "count:partie_civile", "présidente", id="en-stands-for-a-noun-of-its-own-sentence"),
]


@pytest.mark.parametrize("text,quote,attribute,speaker", EN_COUNTS)
def test_a_number_after_en_and_a_counting_verb_counts_the_last_figure_s_noun(claims, text, quote, attribute, speaker):
    """« en » stands for what the sentence before counted; its verb's subject is who counts it."""
    c = figure(claims(text), quote)
    assert (c.attribute, c.attributed_to) == (attribute, speaker), (c.attribute, c.attributed_to, c.rules)


def test_en_compte_of_a_company_is_what_it_has(claims):
    """« le groupe en compte plus de 100 000 »: its staff, which nobody counts."""
    c = figure(claims("Le nouvel ensemble rassemblera 10 000 salariés (le groupe en compte 100 000)."), "100 000")
    assert c.attributed_to is None, (c.attributed_to, c.rules)


def test_faire_etat_in_any_tense_names_who_tells(claims):
    c = figure(claims("La veille, le préfet faisait encore état de trois morts."), "trois morts")
    assert c.attributed_to == "préfet", (c.attributed_to, c.rules)


def test_a_toll_goes_on_in_the_next_sentence_of_its_paragraph(claims):
    """« La préfecture a annoncé quatre morts. Sept personnes ont été blessées »: the prefecture's toll."""
    c = figure(claims("La préfecture a annoncé quatre morts. Sept personnes ont été blessées."), "Sept personnes")
    assert (c.attributed_to, dict(c.rules).get("attribution")) == ("préfecture", "window:continued-toll"), c.rules


@pytest.mark.parametrize("text", [
    pytest.param("La préfecture a annoncé quatre morts.\n\nSept personnes ont été blessées.", id="another-paragraph"),
    pytest.param("La préfecture a annoncé quatre morts. Sept blessés ont été secourus par les pompiers.",
                 id="a-sentence-that-tells-who-acted"),
    pytest.param("La préfecture a annoncé quatre morts. « Sept personnes ont été blessées », dit un voisin.",
                 id="a-quotation"),
])
def test_a_toll_does_not_go_on_past_its_paragraph_or_into_another_s_words(claims, text):
    cs = claims(text)
    assert not any(dict(c.rules).get("attribution") == "window:continued-toll" for c in cs), show(cs)


@pytest.mark.parametrize("text,quote", [
    pytest.param("La grève a été suivie. Ils se sont mis en grève hier et 27 ont défilé.", "27",
                 id="the-preposition-en"),
    pytest.param("Le procès a duré treize jours d’audience. La présidente en a recensé 71.", "71",
                 id="a-count-does-not-continue-a-stretch-of-time"),
])
def test_en_that_stands_for_no_counted_noun_continues_no_figure(claims, text, quote):
    cs = claims(text)
    assert not any(c.quote == quote and (c.attribute.startswith("duration:") or
                                         dict(c.rules).get("attribute") == "window:elided-en") for c in cs), show(cs)
