"""What a figure is about when no name says it: the thing it completes, the thing its predicate's common
noun subject is, or what a verb of counting values (issue 9, item 1); and who spoke in the sentence before is
not what the next sentence is about (item 2). Our own sentences."""
from __future__ import annotations

import pytest

from reconcile.model import Claim
from reconcile.normalize.entities import default_registry
from reconcile.pipeline import canonicalize

from .conftest import figure, show

THINGS = [
    # the noun the figure completes
    pytest.param("Les ravisseurs ont fixé une rançon de 500 000 euros pour libérer l'otage.", "500 000 euros",
                 "rançon", "parse:thing-completed", id="une-rancon-de"),
    pytest.param("Un arrêté préfectoral crée une zone d'exclusion de 5 kilomètres autour du site.", "5 kilomètres",
                 "zone d'exclusion", "parse:thing-completed", id="zone-de-compound"),
    pytest.param("Le préfet a signé un arrêté instaurant une zone interdite d'un rayon de 12 kilomètres.",
                 "12 kilomètres", "zone interdite", "parse:thing-completed", id="d-un-rayon-de"),
    pytest.param("Le conseil municipal a voté lundi un fonds d'urgence de 200 000 euros pour les commerçants.",
                 "200 000 euros", "fonds d'urgence", "parse:thing-completed", id="un-fonds-de"),
    pytest.param("La mairie avancera le coût du déblaiement, estimé à environ 90 000 euros.", "environ 90 000 euros",
                 "déblaiement", "parse:thing-completed", id="le-cout-de-estime-a"),
    # the common noun subject of its predicate
    pytest.param("La masse salariale, qui atteint 48 millions d'euros, pèse sur les comptes.", "48 millions d'euros",
                 "masse salariale", "parse:thing-subject", id="relative-clause"),
    pytest.param("Selon l'expertise, la brèche mesurait 14 mètres au moment de la rupture.", "14 mètres",
                 "brèche", "parse:thing-subject", id="mesurer"),
    pytest.param("Le budget de formation de la commune est passé de 80 000 euros à 65 000 euros.", "80 000 euros",
                 "budget de formation de la commune", "parse:thing-subject", id="a-compound-budget"),
    pytest.param("Les urgences accueillent désormais 95 patients par jour.", "95 patients", "urgences",
                 "parse:thing-subject", id="accueillir"),
    pytest.param("Selon le syndicat des eaux, le barrage alimente 40 communes du département.", "40 communes",
                 "barrage", "parse:thing-subject", id="alimenter"),
    # what a copula says the subject is (« titulaire ») is its role, not the thing its complement is
    pytest.param("L'entreprise Marbeau est titulaire du marché de charpente, d'un montant de 12 millions d'euros.",
                 "12 millions d'euros", "marché de charpente", "parse:thing-completed", id="a-predicate-noun"),
    # what a verb of counting values
    pytest.param("Mardi, la fédération a relevé son estimation des dégâts à 14 millions d'euros.",
                 "14 millions d'euros", "dégâts", "parse:thing-valued", id="son-estimation-des-a"),
    pytest.param("Le 3 avril, la commune avait évalué à 2,5 millions d'euros le coût de la reconstruction.",
                 "2,5 millions d'euros", "reconstruction", "parse:thing-valued", id="evaluer-a-le-cout-de"),
]


@pytest.mark.parametrize("text,quote,thing,rule", THINGS)
def test_a_figure_is_about_the_thing_the_parse_gives(claims, text, quote, thing, rule):
    c = figure(claims(text), quote)
    assert c.entity == thing and dict(c.rules)["subject"] == rule, show([c])


NOT_THINGS = [
    pytest.param("Norvatec a présenté ses comptes. Sa dette nette atteint 310 millions d'euros.",
                 "310 millions d'euros", "dette", id="what-an-owner-has"),
    pytest.param("Norvatec a présenté ses comptes. À la Bourse, le titre a perdu 7 % mardi.", "7 %", "titre",
                 id="a-share-price"),
    pytest.param("Norvatec a présenté son plan. Il prévoit la fermeture de cinq entrepôts.", "cinq entrepôts",
                 "fermeture", id="an-act-done-to-what-is-counted"),
    pytest.param("La Fonderie Marsac, une PME de 140 salariés, a perdu son principal client.", "140 salariés",
                 "PME", id="an-apposition-to-a-name"),
    pytest.param("Norvatec a publié un chiffre d'affaires de 2,3 milliards d'euros.", "2,3 milliards d'euros",
                 "chiffre", id="chiffre-d-affaires"),
    pytest.param("Le syndicat réclame le maintien des quatre ateliers.", "quatre ateliers", "maintien",
                 id="a-demand"),
    pytest.param("Le rectorat a comptabilisé 28,5 % d'enseignants grévistes dans le premier degré.", "28,5 %", "%",
                 id="counted-not-valued"),
    pytest.param("La gendarmerie recensait 45 interventions dans la nuit.", "45 interventions", "gendarmerie",
                 id="a-counter"),
    # the head of a locution (« au terme de », « au fil de », « à l'issue de », « au bout de ») is no thing
    pytest.param("Au terme de onze jours de débats, la cour d'assises a rendu son verdict.", "onze jours", "terme",
                 id="au-terme-de"),
    pytest.param("Au fil des vingt jours de grève, la direction n'a rien cédé.", "vingt jours", "fil",
                 id="au-fil-de"),
    pytest.param("À l'issue de six heures de négociation, les syndicats ont signé.", "six heures", "issue",
                 id="a-l-issue-de"),
    pytest.param("Au bout de trois semaines de travaux, la route a rouvert.", "trois semaines", "bout",
                 id="au-bout-de"),
]


@pytest.mark.parametrize("text,quote,wrong", NOT_THINGS)
def test_no_thing_where_the_noun_is_an_owners_measure_an_act_an_agent_or_a_name(claims, text, quote, wrong):
    c = figure(claims(text), quote)
    assert not (c.entity or "").startswith(wrong) and not dict(c.rules)["subject"].startswith("parse:thing"), \
        show([c])


SPEAKER_BEFORE = [
    pytest.param("Norvatec ferme son site de Rennes. Selon la directrice, Claire Vidal, la panne a duré toute la nuit. "
                 "Quelque 40 techniciens sont mobilisés.", "Quelque 40 techniciens", "Claire Vidal", id="selon-x"),
    pytest.param("L'usine Brévane est à l'arrêt. Le directeur, Paul Mercier, a déclaré que la production reprendrait. "
                 "Quelque 60 agents sont mobilisés sur le site.", "Quelque 60 agents", "Paul Mercier",
                 id="subject-of-declarer"),
    pytest.param("Le chantier du pont Verdier est suspendu. Sophie Garnier a indiqué que les travaux reprendraient. "
                 "Environ 35 ouvriers sont attendus lundi.", "Environ 35 ouvriers", "Sophie Garnier",
                 id="subject-of-indiquer"),
    pytest.param("Le chantier du pont Verdier est suspendu. Pour le maire, Henri Balland, « il faut attendre ». "
                 "Environ 35 ouvriers sont attendus lundi.", "Environ 35 ouvriers", "Henri Balland",
                 id="an-opinion-s-holder"),
]


@pytest.mark.parametrize("text,quote,speaker", SPEAKER_BEFORE)
def test_who_spoke_in_the_sentence_before_is_not_what_a_figure_is_about(claims, text, quote, speaker):
    c = figure(claims(text), quote)
    assert c.entity != speaker, show([c])


def test_a_thing_keeps_the_claim_compared_under_the_story():
    """A thing is reported, but its claim is compared as an inherited one: under the story's entity."""
    from reconcile.compare.slots import subject_of
    c = Claim(id="c-0", source="a", start=0, end=1, line=1, quote="1", sentence="", entity="zone d'exclusion",
              attribute="measure:km", value=5.0, kind="quantity", subject_origin="thing")
    assert subject_of(c, "Norvatec") == "Norvatec"


def _claim(i, entity, origin):
    return Claim(id=f"c-{i}", source=f"s{i}", start=i, end=i + 1, line=1, quote="1", sentence="", entity=entity,
                 attribute="amount", value=1.0, kind="quantity", subject_origin=origin)


def test_no_name_is_merged_into_a_thing_that_ends_with_it():
    claims = [_claim(0, "Vialdor", "sentence"), _claim(1, "Vialdor", "sentence"), _claim(2, "différend avec Vialdor", "thing")]
    out, entities = canonicalize(claims, default_registry())
    assert [c.entity for c in out] == ["Vialdor", "Vialdor", "différend avec Vialdor"]
    assert all(not e.evidence for e in entities)
