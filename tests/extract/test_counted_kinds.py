"""What a figure counts when the noun alone does not say it (issue 9, item 4): a percentage that
is a count's share, an adjective that names a kind of the counted noun, ballots that are not votes.
Our own sentences."""
from __future__ import annotations

import pytest

from .conftest import figure


SHARES = [
    pytest.param("La liste de Paul Morin arrive en tête avec 5 176 voix (33,04 %).", "33,04 %", "share:votes",
                 id="in-parentheses-after-votes"),
    pytest.param("Le candidat écologiste obtient 1 302 voix, soit 9,82 %.", "9,82 %", "share:votes",
                 id="soit-after-votes"),
    pytest.param("Le site emploie 300 salariés (12 %).", "12 %", "share:headcount",
                 id="in-parentheses-after-a-workforce"),
    pytest.param("La grève a rassemblé 3 000 manifestants, soit environ 20 %.", "environ 20 %", "share:protesters",
                 id="soit-environ-after-a-crowd"),
]


@pytest.mark.parametrize("text,quote,attribute", SHARES)
def test_a_percentage_after_a_count_is_its_share(claims, text, quote, attribute):
    c = figure(claims(text), quote)
    assert c.attribute == attribute and dict(c.rules)["attribute"] == "parse:share-of-count", (c.attribute, c.rules)


def test_a_share_that_names_its_whole_keeps_it(claims):
    c = figure(claims("Le site emploie 300 salariés, 12 % de l'effectif du groupe."), "12 %")
    assert c.attribute == "share:effectif", c.rules


def test_a_percentage_far_from_a_count_is_no_share_of_it(claims):
    c = figure(claims("Le groupe compte 300 salariés et vise une marge de 12 % en 2027."), "12 %")
    assert c.attribute != "share:headcount", c.rules


KINDS = [
    pytest.param("Le dépouillement a compté 212 bulletins blancs.", "212 bulletins", "count:bulletin_blanc",
                 id="blank-ballots"),
    pytest.param("On a dénombré 174 bulletins nuls.", "174 bulletins", "count:bulletin_nul", id="null-ballots"),
    pytest.param("La ligne transporte 28 000 voyageurs quotidiens.", "28 000 voyageurs", "count:voyageur_quotidien",
                 id="daily-passengers"),
    pytest.param("Le parc compte 450 logements vacants.", "450 logements", "count:logement_vacant",
                 id="vacant-homes"),
    pytest.param("La préfecture a recensé 14 blessés graves.", "14 blessés", "injured", id="a-known-noun-keeps-its-id"),
    pytest.param("Le tribunal compte 64 parties civiles.", "64 parties", "count:partie_civile",
                 id="a-french-lemma-and-the-adjective-as-written"),
    pytest.param("Les quatre organisations syndicales ont signé.", "quatre organisations", "count:organisation",
                 id="a-relational-adjective-names-no-kind"),
    pytest.param("La région a commandé 24 rames livrées en 2027.", "24 rames", "count:rame",
                 id="a-participle-names-no-kind"),
    # an act that befell what is counted makes a kind of it (culled, rehoused: another count than all there are)
    pytest.param("Dans la Creuse, 48 000 canards ont été abattus mercredi.", "48 000 canards", "count:canard_abattu",
                 id="the-passive-subject-of-an-act"),
    pytest.param("Au total, 160 000 volailles abattues depuis janvier.", "160 000 volailles",
                 "count:volaille_abattue", id="a-participle-on-the-noun-feminine"),
    pytest.param("Quelque 300 patients ont été transférés vers Lyon.", "Quelque 300 patients",
                 "count:patient_transfere", id="patients-transferred"),
    pytest.param("Après l'incendie, 58 personnes ont été relogées par la mairie.", "58 personnes",
                 "count:personne_relogee", id="the-rehoused-are-not-the-evacuated"),
    pytest.param("Une douzaine de familles ont été relogées lundi.", "Une douzaine de familles",
                 "count:famille_relogee", id="a-word-of-quantity-as-the-subject"),
    pytest.param("Les services vétérinaires ont abattu 160 000 volailles.", "160 000 volailles",
                 "count:volaille_abattue", id="an-object-after-avoir-takes-the-noun-s-gender"),
    pytest.param("Les gendarmes ont verbalisé 12 automobilistes.", "12 automobilistes",
                 "count:automobiliste_verbalise", id="the-object-of-an-act"),
    pytest.param("La préfecture a évacué 120 habitants.", "120 habitants", "evacuated",
                 id="a-known-attribute-keeps-its-id"),
    pytest.param("Le centre a accueilli 56 enfants intoxiqués.", "56 enfants", "count:enfant",
                 id="the-population-a-health-story-counts-is-no-kind"),
    # an act noun that bears on what is counted (frames.toml [counted.bearing]) makes the same kind
    pytest.param("Les premiers abattages avaient porté sur 52 000 canards.", "52 000 canards",
                 "count:canard_abattu", id="act-noun-porter-sur"),
    pytest.param("La vaccination concerne 98 000 canards en Chalosse.", "98 000 canards", "count:canard_vaccine",
                 id="act-noun-concerner"),
    pytest.param("Dans le Gers, les abattages des six premiers élevages, achevés le 3 février, avaient porté sur "
                 "41 000 canards.", "41 000 canards", "count:canard_abattu", id="act-noun-torn-parse"),
    pytest.param("La crise touche 300 éleveurs.", "300 éleveurs", "count:eleveur", id="no-act-noun-no-kind"),
]


@pytest.mark.parametrize("text,quote,attribute", KINDS)
def test_a_kind_of_what_is_counted(claims, text, quote, attribute):
    c = figure(claims(text), quote)
    assert c.attribute == attribute, (c.attribute, c.rules)


def test_ballots_and_votes_cast_are_not_a_list_s_votes(claims):
    cs = claims("La liste de Paul Morin a recueilli 5 000 suffrages ; on compte 13 262 suffrages exprimés.")
    assert figure(cs, "5 000 suffrages").attribute == "votes"
    assert figure(cs, "13 262 suffrages").attribute != "votes"



DURATIONS_OF = [
    pytest.param("Le procès a duré treize jours d’audience.", "treize jours", "duration:day", "audience",
                 id="days-of-hearing"),
    pytest.param("La ligne a rouvert après vingt-sept semaines d’arrêt.", "vingt-sept semaines", "duration:week", "arret",
                 id="weeks-of-closure"),
    pytest.param("Le chantier du pont a connu six mois de retard.", "six mois", "duration:month", "retard",
                 id="months-of-delay"),
]


@pytest.mark.parametrize("text,quote,attribute,noun", DURATIONS_OF)
def test_a_duration_of_a_named_thing_is_a_figure_of_it(claims, text, quote, attribute, noun):
    """« treize jours d'audience » is checkable, and only against another duration of hearings."""
    c = figure(claims(text), quote)
    assert (c.attribute, c.scope_dict().get("of")) == (attribute, noun), (c.attribute, c.scope, c.rules)


@pytest.mark.parametrize("text", [
    pytest.param("Depuis cinq ans, la ville attend son tramway.", id="a-stretch-that-frames-the-story"),
    pytest.param("Il a travaillé trois ans dans l'entreprise.", id="a-stretch-of-nothing-named"),
    # a term of a penalty that no verb asks for or pronounces (domains/justice.toml [penalty])
    pytest.param("Quatre ans d’emprisonnement, c'est la peine la plus lourde pour ce délit.",
                 id="a-penalty-nobody-asks-or-pronounces"),
    pytest.param("Il faudra attendre deux ans de plus.", id="how-much-more-is-no-noun"),
    pytest.param("Depuis cinq ans de mandat, le maire attend son tramway.", id="a-stretch-that-frames-with-a-noun"),
])
def test_a_duration_that_measures_nothing_named_is_no_figure(claims, text):
    cs = claims(text)
    assert not any(c.attribute.startswith("duration:") for c in cs), [(c.quote, c.attribute) for c in cs]
