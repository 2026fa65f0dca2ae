"""Corpus-level entities in the report (issue 10, item 1): each entity lists the names it was
written as and, for every merged form, the evidence of the merge; sections are not merged."""
from __future__ import annotations

import pytest

from reconcile.compare.entities import resolve
from reconcile.model import Claim
from reconcile.normalize.entities import default_registry
from reconcile.pipeline import canonicalize

_n = iter(range(10**6))


def claim(entity, *, attributed_to=None, source="a"):
    i = next(_n)
    return Claim(id=f"c-{i:010x}", source=source, start=i, end=i + 1, line=1, quote="1", sentence="",
                 entity=entity, attribute="headcount", value=1.0, kind="quantity", attributed_to=attributed_to)


def entities_of(names):
    claims = [claim(n, source=f"s{i}") for i, n in enumerate(names)]
    out, entities = canonicalize(claims, default_registry())
    return out, {e.name: e for e in entities}


def test_entity_lists_its_forms_and_why_each_was_merged():
    out, ents = entities_of(["Jean-Marc Lefèvre", "Jean-Marc Lefèvre", "Marc Lefèvre", "Norvatec"])
    assert {c.entity for c in out} == {"Jean-Marc Lefèvre", "Norvatec"}
    e = ents["Jean-Marc Lefèvre"]
    assert set(e.forms) == {"Jean-Marc Lefèvre", "Marc Lefèvre"} and e.claims == 3
    (form, why), = e.evidence
    assert form == "Marc Lefèvre" and "part of" in why
    assert ents["Norvatec"].evidence == () and ents["Norvatec"].forms == ("Norvatec",)


def test_entity_evidence_for_an_acronym():
    _, ents = entities_of(["Caisse des dépôts régionale", "Caisse des dépôts régionale", "CDR"])
    e = ents["Caisse des dépôts régionale"]
    assert dict(e.evidence)["CDR"].endswith("acronym of « Caisse des dépôts régionale »")


def test_an_acronym_counts_its_legal_form_word_and_the_forms_unified_before():
    # « Société » is a legal-form word for matching names, but it gives the S of « SGP »; and a
    # NER span that swallowed a verb (« … décale ») still carries the shorter form it was unified from
    _, ents = entities_of(["Société des grands chantiers", "Société des grands chantiers", "SGC"])
    assert dict(ents["Société des grands chantiers"].evidence)["SGC"].endswith(
        "acronym of « Société des grands chantiers »")
    mapping, why = resolve(["SGP", "Société des grands projets décale"],
                           forms={"Société des grands projets décale": {"Société des grands projets"}})
    assert mapping["SGP"] == "Société des grands projets décale"
    assert why["SGP"] == "« SGP » is the acronym of « Société des grands projets »"
    mapping, _ = resolve(["SGPD", "Société des grands projets"], forms={})
    assert mapping["SGPD"] == "SGPD"  # an acronym with a letter more is another name


def test_a_section_is_not_merged_into_its_line():
    out, ents = entities_of(["Ligne 15", "Ligne 15 Sud", "Ligne 15 Sud", "Ligne 15 Est"])
    assert {c.entity for c in out} == {"Ligne 15", "Ligne 15 Sud", "Ligne 15 Est"}
    assert all(not e.evidence for e in ents.values())
    mapping, _ = resolve(["Tronçon Nord", "Tronçon Nord Est"], sections=frozenset({"est"}))
    assert mapping["Tronçon Nord"] == "Tronçon Nord"


def test_speakers_are_entities_too_and_the_story_placeholder_is_not():
    claims = [claim("(story)", attributed_to="préfecture du Gard"), claim("Norvatec", source="b")]
    _, entities = canonicalize(claims, default_registry())
    names = {e.name for e in entities}
    assert "préfecture du Gard" in names and not any(n.startswith("(") or n == "story" for n in names)


def test_report_json_carries_the_entities(tmp_path):
    from reconcile.model import Entity, Report
    r = Report("0", (), (), (), entities=(Entity("A", ("A", "a"), (("a", "same name"),), 2),))
    assert r.to_dict()["entities"] == [{"name": "A", "forms": ["A", "a"], "claims": 2,
                                        "evidence": [{"form": "a", "why": "same name"}]}]


def test_common_words_are_never_merged_as_names():
    out, ents = entities_of(["usines", "actifs comme usines", "Norvatec", "Norvatec Industries"])
    assert {c.entity for c in out} >= {"usines", "actifs comme usines"}
    assert not ents["actifs comme usines"].evidence and not ents.get("usines", ents["actifs comme usines"]).evidence


@pytest.mark.parametrize("short, longer", [
    ("Métropole de Valbonne", "conseil de la Métropole de Valbonne"),  # its council is not the body
    ("Vézère", "crue de la Vézère"),  # the flood of a river is not the river
    ("Norvexa", "usine de Norvexa"),  # one plant of a company is not the company
])
def test_a_name_is_not_merged_into_a_common_noun_of_it(short, longer):
    mapping, _ = resolve([short, short, longer])
    assert mapping[short] == short and mapping[longer] == longer


def test_a_name_is_still_merged_into_the_longer_name_it_ends():
    mapping, why = resolve(["Marc Lefèvre", "Jean-Marc Lefèvre", "Jean-Marc Lefèvre"])
    assert mapping["Marc Lefèvre"] == "Jean-Marc Lefèvre", why


def test_no_name_is_merged_into_an_outlet():
    mapping, _ = resolve(["Valbrune", "Valbrune", "Valbrune Matin"], closed=frozenset({"valbrune matin"}))
    assert mapping["Valbrune"] == "Valbrune"
    mapping, _ = resolve(["Valbrune", "Valbrune", "Valbrune Matin"])
    assert mapping["Valbrune"] == "Valbrune Matin"  # without the outlet known, the town would be taken in
