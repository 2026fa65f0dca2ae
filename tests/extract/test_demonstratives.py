"""A figure under a demonstrative (« Ces 4 millions ne suffiront pas ») takes up the figure of the same value
told before in the article: its attribute is that figure's, not the last attribute read (issue 9, item 6:
elided nouns). Our own sentences."""
from __future__ import annotations

import pytest

from .conftest import show


@pytest.mark.parametrize("text, quote, attribute", [
    ("L'État a débloqué une enveloppe de 4 millions d'euros. « Ces 4 millions ne suffiront pas », a réagi le "
     "maire.", "4 millions", "budget"),
    # the figure taken up is the one of the same value, not the last one told
    ("La région promet une aide de 9 millions d'euros, quand les pertes agricoles atteignent 52 millions "
     "d'euros. « Ces 9 millions, c'est une aumône », juge l'éleveur.", "9 millions", "budget"),
    ("La direction prévoit de supprimer 380 postes au siège. « Ces 380, nous les contesterons un à un », "
     "prévient le délégué.", "380", "job_cuts"),
    ("Le comité a recensé 230 dossiers de sinistre, dont 40 en attente. « Ces 230, il faudra les instruire "
     "avant l'hiver », dit le maire.", "230", "count:dossier"),
])
def test_a_figure_under_a_demonstrative_takes_up_the_figure_told_before(claims, text, quote, attribute):
    cs = claims(text + "\n")
    taken = [c for c in cs if c.quote == quote and c.start > text.index(".")]
    assert [(c.attribute, dict(c.rules)["attribute"]) for c in taken] == [(attribute, "parse:demonstrative")], show(cs)


def test_a_demonstrative_without_an_earlier_equal_figure_takes_up_nothing(claims):
    cs = claims("Les pertes agricoles atteignent 52 millions d'euros. « Ces 9 millions, c'est une aumône », "
                "dit l'éleveur.\n")
    assert all(dict(c.rules).get("attribute") != "parse:demonstrative" for c in cs), show(cs)
