"""Entity names: folding, the alias registry and fuzzy matching."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from reconcile.normalize.entities import Registry, default_registry, fold, key, unify

CORPUS_REGISTRY = """
[[entity]]
name = "Ampere"
aliases = ["Ampère"]
descriptions = ["la filiale"]

[[entity]]
name = "Ampere Energy"

[[entity]]
name = "Renault"
descriptions = ["le groupe"]
"""


@pytest.fixture(scope="module")
def registry():
    reg = default_registry()
    reg.extend_from_toml(CORPUS_REGISTRY)
    return reg


@pytest.mark.parametrize("written, canonical", [
    ("Ampère", "Ampere"),
    ("Ampere SAS", "Ampere"),
    ("AMPERE", "Ampere"),
    ("Ampere Energy", "Ampere Energy"),
    ("Ampère Energy", "Ampere Energy"),
    ("le groupe Renault", "Renault"),
    ("Renault Group", "Renault"),
    ("Les Échos", "Les Echos"),
    ("des Échos", "Les Echos"),
    ("la CGT", "CGT"),
    ("L’Informé", "L'Informé"),
])
def test_entities_registry_resolves_written_forms(registry, written, canonical):
    assert registry.canonical(written) == canonical


def test_entities_distinct_entities_stay_distinct(registry):
    assert registry.canonical("Ampere Energy") != registry.canonical("Ampere")
    assert registry.canonical("le groupe Renault") != "Ampere"


def test_entities_unknown_names_are_kept_with_their_surface(registry):
    assert registry.lookup("Sylvachim") is None
    assert registry.canonical("Sylvachim SA") == "Sylvachim"


def test_entities_fuzzy_match_needs_a_high_ratio(registry):
    assert registry.canonical("Amperre") == "Ampere"  # a typo
    assert registry.canonical("Amperex Motors") == "Amperex Motors"


def test_entities_unify_clusters_variants_without_registry():
    names = ["Sylvachim", "Sylvachim SAS", "SYLVACHIM", "Sylvachem Energie"]
    out = unify(names, registry=Registry())
    assert out["Sylvachim SAS"] == out["SYLVACHIM"] == "Sylvachim"
    assert out["Sylvachem Energie"] == "Sylvachem Energie"


def test_entities_owner_of_description(registry):
    assert registry.owner_of_description("le groupe", ["Ampere", "Renault"]) == "Renault"
    assert registry.owner_of_description("la filiale", ["Renault", "Ampere"]) == "Ampere"
    assert registry.owner_of_description("la mairie", ["Renault"]) is None


@given(st.text(max_size=40))
def test_entities_fold_is_idempotent_and_key_never_raises(s):
    assert fold(fold(s)) == fold(s)
    key(s)


@given(st.text(alphabet="aàâeéèêiîoôuùûçAÉÈ' -’", min_size=1, max_size=30))
def test_entities_fold_ignores_case_and_accents(s):
    assert fold(s.upper()) == fold(s.lower()) or "ß" in s


# ---------------------------------------------------------------- blocking (issue 12, item 2)

def _crowd(n: int) -> list[str]:
    """Names that begin, end or spell nothing like the ones under test."""
    return [f"Société Vendel {k}" for k in range(n)] + [f"Cabinet {chr(65 + k % 26)}{k} Marlot" for k in range(n)]


def test_a_name_finds_its_longer_name_among_many_that_it_does_not_begin():
    names = _crowd(300) + ["Grand Stade", "Grand Stade des Berges", "Grand Stade des Berges", "Grand Stadier"]
    got = unify(names)
    assert got["Grand Stade"] == "Grand Stade des Berges"
    assert got["Grand Stadier"] == "Grand Stadier"  # it begins « Grand Stade » but not as a whole word
    assert got["Société Vendel 12"] == "Société Vendel 12"  # « Société Vendel 1 » begins it only as text


def test_corpus_resolution_finds_parts_and_acronyms_among_many_names():
    from reconcile.compare.entities import resolve

    names = _crowd(300) + ["Jean-Marc Lefèvre", "Lefèvre", "Société des grands projets", "SGP",
                           "Agence Orvale", "Orvale", "Orvale Habitat Durable"]
    got, why = resolve(names)
    assert got["Lefèvre"] == "Jean-Marc Lefèvre" and "part of" in why["Lefèvre"]
    assert got["SGP"] == "Société des grands projets" and "acronym" in why["SGP"]
    assert got["Orvale"] == "Orvale"  # it ends one longer name and begins another: left alone
    assert got["Société Vendel 3"] == "Société Vendel 3"


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="abcde fgh", min_size=8, max_size=30), min_size=1, max_size=60), st.data())
def test_the_spelling_index_misses_no_name_a_letter_or_two_away(names, data):
    """Blocking by pieces of names: every name at least SPELLING-similar to another is among its candidates."""
    from rapidfuzz import fuzz, process

    from reconcile.compare.entities import SPELLING, _Near

    k = data.draw(st.sampled_from(names))
    mutated = list(k)
    for _ in range(data.draw(st.integers(0, 3))):
        i = data.draw(st.integers(0, len(mutated) - 1))
        mutated[i:i + 1] = data.draw(st.sampled_from([[], [mutated[i], "x"], ["y"]]))
    names = names + ["".join(mutated)] if len(mutated) >= 8 else names
    near = _Near(names)
    for name in names:
        want = {i for _, _, i in process.extract(name, names, scorer=fuzz.ratio, score_cutoff=SPELLING, limit=None)}
        assert want <= set(near.candidates(name))


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(["Fabrex", "FABREX", "Fabrex SA", "Grand Stade", "Grand Stade des Berges",
                                 "Jean-Marc Lefèvre", "Lefèvre", "Société des grands projets", "SGP",
                                 "préfet Lefèvre", "Orvale", "Orvale Habitat Durable", "Vaulx", "la CGT"]),
                min_size=1, max_size=40))
def test_names_counted_once_each_read_as_the_names_written_one_by_one(names):
    """The corpus hands unify and resolve each name once with how often it is written (a Counter, in the
    order of first writing), not the names one by one: the same clusters, display names and evidence."""
    from collections import Counter

    from reconcile.compare.entities import resolve

    assert unify(Counter(names)) == unify(names)
    assert resolve(Counter(names), titles=frozenset({"prefet"})) == resolve(names, titles=frozenset({"prefet"}))
