"""Fixtures for extraction tests: claims of a French text, read with a given registry."""
from __future__ import annotations

import pytest

from reconcile.model import Source
from reconcile.pipeline import claims_of


@pytest.fixture(scope="session")
def extract(nlp):
    """A function (gazetteer, text, published) -> the text's claims, each checked to sit at its offsets."""
    def run(gazetteer, text: str, published):
        src = Source(id="t", path="t.txt", text=text, published=published,
                     published_origin="metadata" if published else "unknown")
        out = claims_of(src, gazetteer, nlp=nlp)
        for c in out:
            assert text[c.start:c.end] == c.quote
        return out
    return run
