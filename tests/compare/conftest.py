"""Fixtures for end-to-end comparison tests: short French articles -> claims -> findings."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from reconcile.compare.slots import compare_all
from reconcile.extract.entities import Gazetteer
from reconcile.extract.lexicon import load
from reconcile.model import Claim, Finding, Source
from reconcile.normalize.entities import default_registry
from reconcile.pipeline import claims_of


@dataclass
class Outcome:
    claims: list[Claim]
    flagged: list[Finding]
    noted: list[Finding]

    def quotes(self, f: Finding) -> set[str]:
        by_id = {c.id: c for c in self.claims}
        return {by_id[i].quote for i in f.claims}

    def on(self, attribute: str) -> list[Claim]:
        return [c for c in self.claims if c.attribute == attribute]

    def flagged_on(self, attribute: str) -> list[Finding]:
        return [f for f in self.flagged if f.attribute == attribute]

    def noted_on(self, attribute: str) -> list[Finding]:
        return [f for f in self.noted if f.attribute == attribute]

    def findings_on(self, attribute: str) -> list[Finding]:
        return [f for f in self.flagged + self.noted if f.attribute == attribute]

    def told(self) -> str:
        rows = [f"{c.source}: {c.entity} {c.attribute}={c.value} «{c.quote}» {c.modality} scope={c.scope}"
                for c in self.claims]
        rows += [f"flagged {f.kind}/{f.rule}: {f.explanation}" for f in self.flagged]
        rows += [f"noted {f.kind}/{f.rule}: {f.explanation}" for f in self.noted]
        return "\n".join(rows)


@pytest.fixture(scope="module")
def compare(nlp):
    """A function (*articles) -> Outcome, each article an (id, published ISO day, text) triple."""
    gazetteer = Gazetteer(default_registry())
    lex = load()

    def run(*articles: tuple[str, str, str]) -> Outcome:
        assert len({sid for sid, _, _ in articles}) == len(articles)  # one id per article
        claims: list[Claim] = []
        for sid, published, text in articles:
            src = Source(id=sid, path=f"{sid}.txt", text=text, published=dt.date.fromisoformat(published),
                         published_origin="metadata")
            got = claims_of(src, gazetteer, nlp=nlp)
            for c in got:
                assert text[c.start:c.end] == c.quote
            claims += got
        flagged, noted = compare_all(claims, exclusions=lex.state_exclusions, cumulative=lex.cumulative, lex=lex)
        return Outcome(claims, flagged, noted)
    return run
