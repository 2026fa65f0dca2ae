"""Length-preserving folding: offsets found on the folded copy are offsets in the original."""
from __future__ import annotations

from hypothesis import given, strategies as st

from reconcile.normalize.text import fold, phrase_pattern


@given(st.text(max_size=200))
def test_text_fold_keeps_length(s):
    assert len(fold(s)) == len(s)


def test_text_fold_maps_french_forms():
    assert fold("L’Échéance À Noël\u00a0!") == "l'echeance a noel !"


def test_text_phrase_pattern_matches_whole_words_with_inflection():
    p = phrase_pattern(["annulé", "introduit en bourse"], inflect=True)
    assert p.search(fold("l’IPO a été annulée hier"))
    assert p.search(fold("introduite en Bourse"))
    assert not p.search(fold("les annulations"))  # "annulations" is not "annulé" + e/s/es
