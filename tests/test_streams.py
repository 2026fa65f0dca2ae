"""Sources parsed in chunks, each one stream of the model's batches (issue 12, item 1): the same lines and
claims as parsing each source alone, and one source's failure costs only itself."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from reconcile import pipeline
from reconcile.extract import nlp as nlp_mod
from reconcile.extract.entities import Gazetteer
from reconcile.normalize.entities import default_registry
from reconcile.normalize.text import _fold_char, fold
from reconcile.sources import load

from .conftest import SOURCES


def _tokens(lines):
    return [(ln.start, ln.text, [(t.text, t.pos_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in ln.doc])
            for ln in lines]


def test_one_stream_parses_each_text_as_parsing_it_alone(nlp):
    texts = [("a", "Titre\n\nLe site de Vaulx emploie 1 200 salariés.\nIl fermera en mars 2027.", 6),
             ("b", "", 0), ("c", "Une ligne.\n\n\nPuis une autre, à 7 heures, selon la préfecture.", 0)]
    together = dict(nlp_mod.parse_many(texts, nlp=nlp, batch_size=2))
    assert list(together) == ["a", "b", "c"] and together["b"] == []
    for key, text, start in texts:
        assert _tokens(together[key]) == _tokens(nlp_mod.parse(text, start=start, nlp=nlp))


def test_a_chunk_gives_each_source_the_claims_it_has_alone(nlp):
    sources = list(load([SOURCES]).sources)
    gaz = Gazetteer(default_registry())
    got = dict(pipeline.chunk_claims(sources, gaz, None, nlp))
    assert set(got) == {s.id for s in sources}
    for s in sources:
        assert got[s.id] == (pipeline.claims_of(s, gaz, nlp=nlp), None)


def test_a_stream_that_breaks_costs_only_the_source_at_fault(nlp, monkeypatch):
    sources = sorted(load([SOURCES]).sources, key=lambda s: s.id)
    gaz = Gazetteer(default_registry())
    real = nlp_mod.parse_many

    def breaks(texts, **kw):  # the model chokes on the second text of the stream
        texts = list(texts)
        yield next(real(texts[:1], **kw))
        raise ValueError("[E088] Text of length 2000001 exceeds maximum")

    monkeypatch.setattr(nlp_mod, "parse_many", breaks)
    got = dict(pipeline.chunk_claims(sources, gaz, None, nlp))
    monkeypatch.undo()
    assert set(got) == {s.id for s in sources}
    assert all(got[s.id] == (pipeline.claims_of(s, gaz, nlp=nlp), None) for s in sources)


@given(st.lists(st.integers(1, 120_000), max_size=40), st.integers(1, 100_000))
def test_chunks_hold_every_source_once_longest_first_within_the_budget(sizes, budget):
    from reconcile.model import Source

    sources = [Source(id=f"s{i}", path=f"s{i}.txt", text="x" * n) for i, n in enumerate(sizes)]
    got = pipeline.chunks(sources, budget)
    flat = [s for c in got for s in c]
    assert sorted(s.id for s in flat) == sorted(s.id for s in sources)
    assert [len(s.text) for s in flat] == sorted((len(s.text) for s in sources), reverse=True)
    assert all(sum(len(s.text) for s in c[:-1]) < budget for c in got)  # a chunk closes once past its budget


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from("aàâçéèêëîôùûüÿœÀÉÇ’‘`´\u00a0\u202f\u2009İßﬁ\u0301 'xyzAB1-"), max_size=30))
def test_fold_is_the_fold_of_each_character(text):
    want = text.lower() if text.isascii() else "".join(_fold_char(c) for c in text)
    assert fold(text) == want and len(fold(text)) == len(text)
