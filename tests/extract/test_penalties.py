"""The terms of a penalty (domains/justice.toml [penalty]): a term of imprisonment is a figure of the person it
is asked or pronounced against, read with the verb that says whether a prosecutor asks for it (a plan), a
court pronounces it, or the law allows it at most; how it is served (« avec sursis », « ferme ») is its
population. Requisitions are compared with requisitions only, so that a sentence is never a conflict with
what the prosecution asked. Sentences of our own."""
from __future__ import annotations

import datetime as dt

import pytest

from reconcile.compare.slots import compare_all
from reconcile.extract.lexicon import load

from .conftest import figure, show


@pytest.mark.parametrize("text, quote, who, stage, modality, value", [
    ("Le procureur a requis trois ans d'emprisonnement contre Julien Maréchal.", "trois ans", "Julien Maréchal",
     "requested", "plan", 3),
    ("Contre Julien Maréchal, absent à l'audience, le parquet a requis trente mois de prison.", "trente mois",
     "Julien Maréchal", "requested", "plan", 30),
    ("Julien Maréchal, l'ancien gérant, a été condamné à deux ans d'emprisonnement.", "deux ans",
     "Julien Maréchal", "imposed", "assertion", 2),
    ("Le tribunal a condamné Julien Maréchal à dix-huit mois de prison.", "dix-huit mois", "Julien Maréchal",
     "imposed", "assertion", 18),
])
def test_a_term_is_the_defendant_s_and_says_whether_it_is_asked_or_pronounced(claims, text, quote, who, stage,
                                                                              modality, value):
    c = figure(claims(text), quote)
    assert (c.entity, c.scope_dict().get("stage"), c.modality, c.value) == (who, stage, modality, value), show([c])
    assert c.scope_dict().get("of") == "emprisonnement" and c.attribute.startswith("duration:"), show([c])


def test_the_most_the_law_allows_is_a_term_of_its_own(claims):
    c = figure(claims("Les deux prévenus encourent jusqu'à cinq ans d'emprisonnement."), "jusqu'à cinq ans")
    assert c.scope_dict().get("stage") == "incurred" and c.value.high == 5, show([c])


def test_a_pronoun_after_contre_is_the_person_named_before(claims):
    cs = claims("La défense de Julien Maréchal a plaidé la relaxe. Le parquet avait requis contre lui quatre ans "
                "d'emprisonnement.\n")
    assert figure(cs, "quatre ans").entity == "Julien Maréchal", show(cs)


def test_a_role_after_contre_is_the_person_introduced_with_it(claims):
    cs = claims("Julien Maréchal, l'ancien gérant de la société, était absent. Le parquet a requis deux ans "
                "d'emprisonnement contre l'ancien gérant.\n")
    assert figure(cs, "deux ans").entity == "Julien Maréchal", show(cs)


def test_how_a_term_is_served_is_its_population(claims):
    c = figure(claims("Julien Maréchal a été condamné à deux ans d'emprisonnement avec sursis."), "deux ans")
    assert c.scope_dict().get("population") == "avec sursis", show([c])


def _compare(claims_of, *articles):
    cs = [c for sid, day, text in articles for c in claims_of(sid, day, text)]
    flagged, noted = compare_all(cs, lex=load())
    return cs, flagged, noted


@pytest.fixture()
def article_claims(extract, default_gazetteer):
    from dataclasses import replace

    def run(sid, day, text):
        return [replace(c, source=sid, id=f"{sid}-{c.id}") for c in extract(default_gazetteer, text,
                                                                             dt.date.fromisoformat(day))]
    return run


def test_two_requisitions_against_one_person_conflict_a_sentence_does_not(article_claims):
    cs, flagged, noted = _compare(
        article_claims,
        ("a", "2026-03-18", "Contre Julien Maréchal, le parquet a requis quatre ans d'emprisonnement."),
        ("b", "2026-04-10", "À l'audience, le parquet avait requis contre Julien Maréchal cinq ans d'emprisonnement."),
        ("c", "2026-04-10", "Julien Maréchal a été condamné à trois ans d'emprisonnement."))
    terms = [f for f in flagged if f.attribute == "duration:year"]
    assert [f.kind for f in terms] == ["conflict"], show(cs)
    quotes = {c.quote for c in cs if c.id in terms[0].claims}
    assert quotes == {"quatre ans", "cinq ans"}, show(cs)
