"""ClaimReview export (issue 13, item 2): schema.org JSON-LD for the findings where a reviewer recorded
which claim's value stands; one review per claim the decision contradicts."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from click.testing import CliRunner

from reconcile.cli import main
from reconcile.render.claimreview import Publisher, _french_date, reviews
from reconcile.settings import load_publisher

from ..conftest import SOURCES

PUBLISHER = Publisher("Cellule vérification du Courrier", "https://courrier.example",
                      "https://courrier.example/verifications/")
REQUIRED = ("@context", "@type", "claimReviewed", "itemReviewed", "reviewRating", "author", "url", "datePublished")


def decided(report, keep_first: dict[str, str], status="confirmed"):
    """The report with a decision on each finding of `keep_first` (kind -> the quote of the claim kept)."""
    claims = {c.id: c for c in report.claims}
    out = []
    for f in report.findings:
        quote = keep_first.get(f.kind)
        kept = next((i for i in f.claims if claims[i].quote == quote), None)
        if kept is not None:
            entry = {"status": status, "reviewer": "ana", "at": "2026-11-20T10:00:00+00:00", "note": "vérifié",
                     "keep": kept}
            f = dataclasses.replace(f, status=status, decision={"history": [entry]})
        out.append(f)
    return dataclasses.replace(report, findings=tuple(out))


KEEP = {"conflict": "près de 11 000 salariés", "plan_vs_outcome": "introduction en bourse a été annulée en 2024"}


def test_the_bundled_corpus_with_both_findings_decided_exports_valid_reviews(corpus_report):
    got = reviews(decided(corpus_report, KEEP), PUBLISHER)
    assert {r["url"] for r in got} == {PUBLISHER.review_url + f.id for f in corpus_report.findings}
    claims = {c.quote: c for c in corpus_report.claims}
    for r in got:
        assert all(r.get(k) for k in REQUIRED), r
        assert r["@context"] == "https://schema.org" and r["@type"] == "ClaimReview"
        assert r["itemReviewed"]["@type"] == "Claim" and r["itemReviewed"]["appearance"]
        assert r["reviewRating"]["@type"] == "Rating" and r["reviewRating"]["alternateName"]
        assert r["author"] == {"@type": "Organization", "name": PUBLISHER.name, "url": PUBLISHER.url}
        assert r["datePublished"] == "2026-11-20"
    headcount = next(r for r in got if "10.000 employés" in r["claimReviewed"])
    assert headcount["reviewRating"]["alternateName"].startswith("Inexact : contredit par « près de 11 000 salariés »")
    ipo = next(r for r in got if "second semestre 2023" in r["claimReviewed"])
    assert ipo["reviewRating"]["alternateName"].startswith("Dépassé : démenti par la suite par « introduction en")
    # the claims that say the IPO was cancelled agree with the one kept: nothing to review in them
    assert len(got) == 2, [r["claimReviewed"] for r in got]
    assert claims["près de 11 000 salariés"].sentence not in {r["claimReviewed"] for r in got}


@pytest.mark.parametrize("status", ["dismissed", "open"])
def test_dismissed_and_open_findings_are_not_exported(corpus_report, status):
    assert reviews(decided(corpus_report, KEEP, status=status), PUBLISHER) == []


def test_a_decision_without_a_kept_value_is_not_exported(corpus_report):
    report = decided(corpus_report, KEEP)
    bare = [dataclasses.replace(f, decision={"history": [{k: v for k, v in f.decision["history"][0].items()
                                                          if k != "keep"}]}) for f in report.findings]
    assert reviews(dataclasses.replace(report, findings=tuple(bare)), PUBLISHER) == []


def test_the_appearance_names_the_article_its_outlet_and_date(corpus_report):
    by_id = {s.id: s for s in corpus_report.sources}
    claims = {c.id: c for c in corpus_report.claims}
    report = decided(corpus_report, KEEP)
    for r, f in zip(reviews(report, PUBLISHER), report.findings):
        kept = f.decision["history"][0]["keep"]
        other = next(claims[i] for i in f.claims if i != kept and claims[i].sentence.strip() == r["claimReviewed"])
        src = by_id[other.source]
        seen = r["itemReviewed"]["appearance"]
        assert seen["headline"] == (src.title or src.id)
        assert seen.get("url") == src.url and seen.get("datePublished") == (
            src.published.isoformat() if src.published else None)


def test_french_dates():
    assert _french_date(dt.date(2024, 1, 1)) == "1er janvier 2024"
    assert _french_date(dt.date(2026, 8, 22)) == "22 août 2026"


def test_publisher_settings_are_checked_field_by_field(tmp_path):
    path = tmp_path / "publisher.toml"
    path.write_text('[publisher]\nname = "Le Courrier"\nurl = "https://courrier.example"\n', "utf-8")
    with pytest.raises(Exception, match=r"\[publisher\] review_url must be a non-empty string"):
        load_publisher(path)
    path.write_text('[publisher]\nname = "Le Courrier"\nurl = "ftp://x"\nreview_url = "https://x/"\n', "utf-8")
    with pytest.raises(Exception, match=r"url must be an http\(s\) address"):
        load_publisher(path)


def test_the_cli_writes_claimreview_and_refuses_without_a_publisher(nlp, tmp_path):
    runner = CliRunner()
    claims = tmp_path / "claims"
    args = ["report", str(SOURCES), "--no-write", "--claims-dir", str(claims), "--format", "claimreview"]
    r = runner.invoke(main, args)
    assert r.exit_code == 2 and r.stdout == "" and r.stderr.count("\n") == 1 and "publisher.toml" in r.stderr
    claims.mkdir(exist_ok=True)
    (claims / "publisher.toml").write_text('[publisher]\nname = "Le Courrier"\nurl = "https://courrier.example"\n'
                                           'review_url = "https://courrier.example/v/"\n', "utf-8")
    r = runner.invoke(main, args)
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout) == []  # nothing decided yet


def test_a_quote_cannot_close_the_script_element_a_page_embeds_the_reviews_in(corpus_report):
    from reconcile.render.claimreview import render

    report = decided(corpus_report, KEEP)
    claims = tuple(dataclasses.replace(c, sentence=c.sentence + " </script><script>alert(1)</script> & co")
                   for c in report.claims)
    text = render(dataclasses.replace(report, claims=claims), PUBLISHER)
    assert "<" not in text and ">" not in text and "&" not in text
    assert any(r["claimReviewed"].endswith("</script><script>alert(1)</script> & co") for r in json.loads(text))
