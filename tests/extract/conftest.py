"""Fixtures for extraction tests: claims of a French text, read with a given registry."""
from __future__ import annotations

import datetime as dt

import pytest

from reconcile.extract.entities import Gazetteer
from reconcile.model import Source
from reconcile.normalize.entities import default_registry
from reconcile.pipeline import claims_of

PUBLISHED = dt.date(2025, 6, 1)  # the publication day of the frame and form tests' one-article texts


def show(cs):
    """What the extractor gave, for assertion messages: every field a test may look at."""
    return [(c.quote, c.entity, c.attribute, c.value, c.attributed_to, c.modality, c.scope_dict(), c.time,
             dict(c.rules)) for c in cs]


def figure(cs, quote):
    """The claim quoting exactly `quote` (the first, when several do); fails listing every claim."""
    found = [c for c in cs if c.quote == quote]
    assert found, [(c.quote, c.attribute, c.entity) for c in cs]
    return found[0]


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


@pytest.fixture(scope="session")
def default_gazetteer():
    return Gazetteer(default_registry())


@pytest.fixture()
def claims(extract, default_gazetteer):
    """A function (text, published=PUBLISHED) -> the claims of a one-article text, default registry."""
    def run(text: str, published: dt.date | None = PUBLISHED):
        return extract(default_gazetteer, text, published)
    return run
