"""A percentage of a population names it in the singular whichever way it is written, so that « 12 % des
salariés », « un salarié sur deux » and « le taux de salariés » are shares of one population and compare
(issue 9, item 4: one attribute for one fact). Our own sentences."""
from __future__ import annotations

import pytest

from .conftest import figure, show


@pytest.mark.parametrize("text,quote,attribute", [
    ("Le rectorat a compté 28 % d'enseignants grévistes mardi.", "28 %", "share:enseignant"),
    ("Le syndicat prévoit 40 % de grévistes dans les collèges.", "40 %", "share:greviste"),
    ("Un salarié sur trois travaille de nuit.", "Un salarié sur trois", "share:salarie"),
    ("Plus de 60 % des salariés ont voté pour l'accord.", "Plus de 60 %", "share:salarie"),
    # a noun whose singular is its plural keeps its form
    ("La liste arrive en tête avec 38 % des voix.", "38 %", "share:voix"),
    ("Selon un sondage, 57 % des Français approuvent la réforme.", "57 %", "share:francais"),
    ("L'entreprise réalise 70 % de ses ventes dans trois pays.", "70 %", "share:vente"),
    # « le taux de » a plural bare noun is the share of those people
    ("Le taux de grévistes dans les lycées est passé de 24 % à 15 %, selon le rectorat.", "24 %", "share:greviste"),
    ("Le taux de bacheliers atteint 82 % dans l'académie.", "82 %", "share:bachelier"),
])
def test_a_share_names_its_population_in_the_singular(claims, text, quote, attribute):
    c = figure(claims(text), quote)
    assert c.attribute == attribute, show([c])


@pytest.mark.parametrize("text,quote,attribute,of", [
    # a rate of a thing, not of people, stays a rate of that thing
    ("Le taux de chômage atteint 8,1 % dans le bassin d'emploi.", "8,1 %", "rate", "chomage"),
    ("Le taux de la taxe foncière passe à 42,5 % cette année.", "42,5 %", "rate", "taxe fonciere"),
])
def test_a_rate_of_a_thing_stays_a_rate(claims, text, quote, attribute, of):
    c = figure(claims(text), quote)
    assert (c.attribute, c.scope_dict().get("of")) == (attribute, of), show([c])
