"""A common noun before a name in quotation marks is one name with it (« la liste « Agir pour Tourville » »,
« le plan « Horizon 2030 » »), whatever the NER reads inside the quotes; a head noun that introduces a
name of its own is no description of an earlier one; a description several earlier names share names none.

Every sentence here was written for these tests (fictional names).
"""
from __future__ import annotations

import pytest

from .conftest import figure

QUOTED = [
    pytest.param("La liste « Agir pour Tourville » obtient 1 965 voix.", "1 965 voix", "liste Agir pour Tourville",
                 id="a-list-named-in-quotes"),
    pytest.param("Avec 5 176 voix, la liste « Tourville d'abord » arrive en tête.", "5 176 voix",
                 "liste Tourville d'abord", id="a-town-s-name-inside-a-list-s-name"),
    pytest.param("Le plan « Horizon 2030 » prévoit 300 embauches.", "300 embauches", "plan Horizon 2030",
                 id="a-plan-named-in-quotes"),
    pytest.param("Le collectif « Sauvons la Brière » revendique 1 200 adhérents.", "1 200 adhérents",
                 "collectif Sauvons la Brière", id="a-collective-named-in-quotes"),
    pytest.param("L'opération « Lac propre » a mobilisé 300 bénévoles à Annecy.", "300 bénévoles",
                 "opération Lac propre", id="an-operation-named-in-quotes"),
]


@pytest.mark.parametrize("text,quote,entity", QUOTED)
def test_a_noun_and_its_quoted_name_are_one_name(claims, text, quote, entity):
    c = figure(claims(text), quote)
    assert c.entity == entity, (c.entity, c.rules)


def test_a_quoted_phrase_that_is_no_name_is_left_alone(claims):
    """A quotation in lower case after such a noun is somebody's words, not a name."""
    cs = claims("Le plan « très ambitieux » de Fabrex prévoit 300 embauches.")
    assert not any(c.entity.startswith("plan") for c in cs), [(c.quote, c.entity) for c in cs]


def test_a_noun_that_introduces_a_name_is_no_description(claims):
    """« La liste Lutte ouvrière » names a list of its own, not the list named before."""
    cs = claims("La liste « Agir pour Tourville » obtient 1 965 voix. "
                "La liste Lutte ouvrière ferme la marche avec 437 voix.")
    assert figure(cs, "437 voix").entity != "liste Agir pour Tourville", [(c.quote, c.entity) for c in cs]


def test_a_description_several_names_share_names_none_of_them(claims):
    """After two lists, « la liste arrivée en tête » is neither."""
    cs = claims("La liste « Agir pour Tourville » obtient 1 965 voix. La liste « Tourville d'abord » obtient "
                "2 400 voix. Le conseil compte 33 sièges ; la liste arrivée en tête en reçoit 17 sièges.")
    c = figure(cs, "17 sièges")
    assert c.subject_origin != "description", (c.entity, dict(c.rules))
