"""The entity resolver of a growing corpus: updated name by name, it merges as `resolve` does from scratch."""
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile.compare.entities import Resolver, resolve
from reconcile.normalize.entities import unify

# words that make parts, acronyms (« SCV »), spellings a letter apart, places, titles, sections, outlets
WORDS = ["Société", "des", "chais", "Vernier", "SCV", "Vernier-Lacaze", "Lacaze", "Port", "Maribel", "Marybel",
         "Portmaribel", "Portmarybel", "maire", "la", "CFDT", "nord", "ligne", "4", "usines", "Gazette", "Ravenne",
         "Chaudronnerie", "Chaudroneries"]
KW = dict(titles=frozenset({"maire"}), sections=frozenset({"nord"}), closed=frozenset({"gazette ravenne"}),
          is_place=lambda n: n in ("Ravenne", "Maribel"))

names = st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join), min_size=1, max_size=30)


def _forms(ns: list[str], pick: list[int]) -> dict:
    """Surface forms an earlier step unified into some names (« Société des chais Vernier » into « Vernier »)."""
    return {ns[i % len(ns)]: {ns[(i * 7 + 3) % len(ns)]} for i in pick}


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(names, st.lists(st.integers(0, 40), max_size=3)), min_size=1, max_size=4),
       st.lists(st.booleans(), min_size=4, max_size=4))
def test_a_resolver_updated_step_by_step_merges_as_resolve_does_from_scratch(steps, asked):
    """Each step is the corpus's names at one run (names come, go, are written more often, take other
    forms); whether or not the merges were asked for between steps (which keeps the spellings looked up),
    the resolver's merges and evidence are those of `resolve` over the last step's names."""
    r = Resolver(**KW)
    for (ns, pick), ask in zip(steps, asked):
        r.update(Counter(ns), _forms(ns, pick))
        if ask:
            assert r.decide() == resolve(Counter(ns), forms=_forms(ns, pick), **KW)
    ns, pick = steps[-1]
    assert r.decide() == resolve(Counter(ns), forms=_forms(ns, pick), **KW)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(names, st.lists(st.integers(0, 40), max_size=3)), min_size=2, max_size=4),
       st.lists(st.booleans(), min_size=4, max_size=4), st.integers(0, 2))
def test_a_resolver_restored_from_its_json_goes_on_as_the_one_that_wrote_it(steps, asked, at):
    """What a resolver worked out, written as JSON (a corpus state) and taken up by a new resolver, at any
    step: the two then update and decide alike, step after step, and write the same JSON again."""
    import json

    r = Resolver(**KW)
    cut = min(at, len(steps) - 2)
    for i, ((ns, pick), ask) in enumerate(zip(steps, asked)):
        r.update(Counter(ns), _forms(ns, pick))
        if ask:
            r.decide()
        if i == cut:
            again = Resolver(**KW)
            assert again.restore(json.loads(json.dumps(r.to_json())))
            assert again.to_json() == r.to_json()
            r = again
    ns, pick = steps[-1]
    assert r.decide() == resolve(Counter(ns), forms=_forms(ns, pick), **KW)


def test_a_restored_resolver_forgets_the_merge_into_a_name_no_longer_written():
    """Restored, then told the corpus no longer writes « Société des chais Vernier »: « Vernier » stays
    itself, as `resolve` says."""
    import json

    r = Resolver(**KW)
    r.update(Counter({"Vernier": 2, "Société des chais Vernier": 1, "Marybel Lacaze": 1}), {})
    assert r.decide()[0]["Vernier"] == "Société des chais Vernier"
    again = Resolver(**KW)
    assert again.restore(json.loads(json.dumps(r.to_json())))
    left = Counter({"Vernier": 2, "Maribel Lacaze": 3})
    again.update(left, {})
    assert again.decide() == resolve(left, **KW)


def test_a_resolver_of_other_settings_takes_nothing_up():
    """A new article's outlet: a name may no longer merge into it, what was worked out without it is not
    taken up."""
    r = Resolver(**KW)
    r.update(Counter({"Gazette Ravenne": 2, "Ravenne": 1}), {})
    r.decide()
    other = Resolver(**dict(KW, closed=frozenset({"gazette ravenne", "echo vernier"})))
    assert not other.restore(r.to_json())
    assert other.to_json() == Resolver(**dict(KW, closed=frozenset({"gazette ravenne", "echo vernier"}))).to_json()


def test_a_new_name_merges_an_old_one_and_the_merge_goes_when_the_name_goes():
    """« Chaudronneries Lacaze » written once more than its misspelling: the misspelling merges into it; a
    new longer name takes in the short one it ends; both undone when the names are no longer written."""
    base = Counter({"Chaudronneries Lacaze": 3, "Chaudroneries Lacaze": 1, "Vernier": 2})
    r = Resolver(**KW)
    r.update(base, {})
    got, _ = r.decide()
    assert got["Chaudroneries Lacaze"] == "Chaudronneries Lacaze" and got["Vernier"] == "Vernier"
    grown = base + Counter({"Société des chais Vernier": 1, "Chaudroneries Lacaze": 4})
    r.update(grown, {})
    got, why = r.decide()
    assert got["Vernier"] == "Société des chais Vernier" and "part of" in why["Vernier"]
    assert got["Chaudronneries Lacaze"] == "Chaudroneries Lacaze"  # now the more written spelling wins
    r.update(base, {})
    assert r.decide() == resolve(base, **KW)


def test_a_name_spelled_a_letter_apart_from_an_old_one_is_found_after_the_old_ones_were_looked_up():
    base = Counter({"Portmaribel Lacaze": 1, "Vernier": 1})
    r = Resolver(**KW)
    r.update(base, {})
    assert r.decide()[0]["Portmaribel Lacaze"] == "Portmaribel Lacaze"  # its spellings looked up: none
    r.update(base + Counter({"Portmarybel Lacaze": 3}), {})
    got, why = r.decide()
    assert got["Portmaribel Lacaze"] == "Portmarybel Lacaze" and "a letter or two" in why["Portmaribel Lacaze"]


@settings(max_examples=60, deadline=None)
@given(names, names)
def test_unify_reads_each_name_once_with_a_memo_and_unifies_the_same(first, then):
    from reconcile.normalize.entities import default_registry

    reg, memo = default_registry(), {}
    assert unify(Counter(first), registry=reg, memo=memo) == unify(Counter(first), registry=reg)
    assert set(first) <= set(memo)
    assert unify(Counter(then), registry=reg, memo=memo) == unify(Counter(then), registry=reg)
