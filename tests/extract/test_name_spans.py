"""Entity mentions that are real names (issue 9, item 7): a title alone (« Me » of « Me Claire Hennequin », which
the NER may tag as an organisation) names nobody, and lowercase words before « de » and a place (« en chêne
massif de Saint-Aubrin ») name no firm; so a description (« l'entreprise », « l'usine ») still refers back to
the firm named before. Sentences of our own."""
from __future__ import annotations

import pytest

from .conftest import figure, show


@pytest.mark.parametrize("text, quote, entity", [
    # (the NER tags « Me » alone, as an organisation, before some names: « Me », then « Claire Lequin »)
    ("Le tribunal a placé mercredi Varnier Industries en redressement judiciaire. Le tribunal a désigné Me Claire "
     "Lequin comme administratrice judiciaire. L'entreprise emploie 312 salariés.", "312 salariés",
     "Varnier Industries"),
    ("La société Varnier Industries a été placée en redressement. Le tribunal a désigné Me Claire Heurtin comme "
     "administratrice judiciaire. L'usine compte 140 ouvriers.", "140 ouvriers", "Varnier Industries"),
    # (the NER reads « massif de Gérardmer » as a place, right after « fabricant »)
    ("Le tribunal a placé Varnier Industries, le fabricant de parquets en chêne massif de Gérardmer, en redressement "
     "judiciaire. L'entreprise emploie 312 salariés.", "312 salariés", "Varnier Industries"),
])
def test_a_description_refers_back_to_the_firm_not_to_a_title_or_an_adjective(claims, text, quote, entity):
    cs = claims(text + "\n")
    assert figure(cs, quote).entity == entity, show(cs)
    assert not {c.entity for c in cs} & {"Me", "massif"}, show(cs)
