"""The three layers of data (reconcile/settings.py): French knowledge, domain vocabularies, and a
corpus's own additions in `reconcile.toml` beside its sources."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from reconcile.cli import main
from reconcile.extract.lexicon import compile_layers, load, merge, packaged_layers
from reconcile.pipeline import Options, run
from reconcile.settings import load as load_settings

ARTICLE = "---\npublished: 2025-04-02\n---\nL'hôpital Saint-Roch de Montclar dispose désormais de 412 respirateurs.\n"


def test_domain_vocabularies_are_read_after_the_language_files():
    lex = load()
    # one attribute of each packaged domain file, and the events every story has
    assert {"job_cuts", "deaths", "protesters", "cost", "capacity", "votes", "closure"} <= set(lex.labels)
    assert len(packaged_layers()) >= 4 + 6


def test_merge_extends_lists_merges_tables_and_replaces_values():
    base = {"a": {"nouns": ["x"], "label": "A"}, "n": 45, "frame": [{"attribute": "a"}]}
    extra = {"a": {"nouns": ["y", "x"], "label": "B"}, "n": 30, "frame": [{"attribute": "b"}]}
    assert merge(base, extra) == {"a": {"nouns": ["x", "y"], "label": "B"}, "n": 30,
                                  "frame": [{"attribute": "a"}, {"attribute": "b"}]}
    assert base == {"a": {"nouns": ["x"], "label": "A"}, "n": 45, "frame": [{"attribute": "a"}]}  # untouched


def test_a_corpus_layer_adds_an_attribute_for_that_corpus_only(nlp, tmp_path):
    corpus = tmp_path / "hopital"
    corpus.mkdir()
    (corpus / "a.md").write_text(ARTICLE, "utf-8")
    before = run(options=Options(paths=[str(corpus)]), nlp=nlp)
    assert {c.attribute for c in before.claims if c.value == 412.0} == {"count:respirateur"}
    (corpus / "reconcile.toml").write_text('[attribute.ventilators]\nlabel = "respirateurs"\n'
                                           'nouns = ["respirateur"]\n', "utf-8")
    after = run(options=Options(paths=[str(corpus)]), nlp=nlp)
    assert {c.attribute for c in after.claims if c.value == 412.0} == {"ventilators"}
    assert "ventilators" not in load().labels  # the packaged lexicon is not changed for other corpora
    assert load_settings([corpus]).corpus_texts  # the corpus layer keys the claim cache


def test_a_corpus_layer_that_is_not_toml_is_a_usage_error(tmp_path):
    (tmp_path / "a.md").write_text(ARTICLE, "utf-8")
    (tmp_path / "reconcile.toml").write_text("[attribute.ventilators\n", "utf-8")
    r = CliRunner().invoke(main, ["report", str(tmp_path), "--format", "json", "--no-write"])
    assert r.exit_code == 2
    assert "reconcile.toml" in r.stderr and "not valid TOML" in r.stderr


@pytest.mark.parametrize("text,attribute", [
    ("La liste de Claire Morel a recueilli 12 450 voix au premier tour.", "votes"),
    ("Le taux de participation s'est établi à 54,3 % dimanche.", "turnout"),
    ("Le parti de Claire Morel a remporté 32 sièges au conseil régional.", "seats"),
])
def test_the_elections_domain(claims, text, attribute):
    assert attribute in {c.attribute for c in claims(text)}


def test_compiled_layers_are_shared_only_by_equal_texts():
    a = compile_layers(packaged_layers())
    assert a is load() or a.labels == load().labels
    b = compile_layers(packaged_layers() + ('[attribute.zz]\nnouns = ["zz"]\n',))
    assert "zz" in b.labels and "zz" not in a.labels
    assert json.dumps(sorted(a.labels)) != json.dumps(sorted(b.labels))


def test_the_claim_cache_is_keyed_by_every_layer():
    """A change to a domain file, or to a corpus's reconcile.toml, changes the cache key."""
    from reconcile.store import data_fingerprint, shaping_files

    names = shaping_files()
    assert "data/domains/labour.toml" in names and "data/attributes.toml" in names
    assert data_fingerprint(['[attribute.zz]\nnouns = ["zz"]\n']) != data_fingerprint([])


def test_a_corpus_layer_adds_an_act_for_that_corpus_only(nlp, tmp_path):
    (tmp_path / "a.md").write_text("---\npublished: 2025-04-02\n---\nLa digue de Pornic a été inspectée mardi par "
                                   "les services de l'État.\n", "utf-8")
    before = run(options=Options(paths=[str(tmp_path)]), nlp=nlp)
    assert "date:inspection" not in {c.attribute for c in before.claims}
    (tmp_path / "reconcile.toml").write_text('[acts.nouns]\n"inspecter" = "inspection"\n', "utf-8")
    after = run(options=Options(paths=[str(tmp_path)]), nlp=nlp)
    found = [c for c in after.claims if c.attribute == "date:inspection"]
    assert len(found) == 1 and found[0].entity.startswith("digue"), [(c.attribute, c.entity) for c in after.claims]
    assert "inspecter" not in load().act_nouns  # the packaged lexicon is not changed for other corpora
