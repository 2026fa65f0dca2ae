"""A rate written as a ratio is the share of what it counts (« un TGV sur deux » -> share:tgv, 50 %);
« selon les régions » says « depending on », and names nobody. Sentences of our own."""
from __future__ import annotations

import pytest

from .conftest import figure, show


@pytest.mark.parametrize("text, quote, attribute, value", [
    ("Transilien annonce un train sur trois ce mardi sur la ligne P.\n", "un train sur trois", "share:train", 33.3),
    ("Dans les écoles du Nord, un enseignant sur quatre était en grève.\n", "un enseignant sur quatre",
     "share:enseignant", 25.0),
    ("Deux vols sur trois ont été annulés au départ de Nantes.\n", "Deux vols sur trois", "share:vol", 66.7),
])
def test_a_ratio_is_the_share_of_what_it_counts(claims, text, quote, attribute, value):
    c = figure(claims(text), quote)
    assert (c.attribute, c.value, c.kind) == (attribute, value, "percent"), show([c])


def test_selon_meaning_depending_on_names_no_speaker(claims):
    cs = claims("La compagnie prévoit un car sur deux, avec des écarts selon les lignes.\n")
    assert figure(cs, "un car sur deux").attributed_to is None, show(cs)
    cs = claims("Le trafic reprendra selon les cas dans la soirée ; 40 % des bus circulent, selon la régie.\n")
    assert figure(cs, "40 %").attributed_to == "régie", show(cs)
