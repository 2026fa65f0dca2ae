"""End to end on the bundled corpus: the JSON contract and exact offsets."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from reconcile.render import render

SCHEMA = Path(__file__).resolve().parents[1] / "reconcile" / "schema" / "report.schema.json"


def test_e2e_report_validates_against_schema(corpus_report):
    data = json.loads(render(corpus_report, "json"))
    jsonschema.validate(data, json.loads(SCHEMA.read_text("utf-8")))


def test_e2e_every_claim_offset_is_exact(corpus_report, corpus_texts):
    assert corpus_report.claims
    for c in corpus_report.claims:
        text = corpus_texts[c.source]
        assert text[c.start:c.end] == c.quote
        assert text.count("\n", 0, c.start) + 1 == c.line


def test_e2e_claim_and_finding_ids_are_unique_and_stable(corpus_report, nlp):
    from reconcile.pipeline import Options, run

    from .conftest import SOURCES

    ids = [c.id for c in corpus_report.claims]
    assert len(ids) == len(set(ids))
    again = run(options=Options(paths=[str(SOURCES)]), nlp=nlp)
    assert [c.id for c in again.claims] == ids
    assert [f.id for f in again.findings] == [f.id for f in corpus_report.findings]


def test_e2e_every_finding_is_explained_with_claims_of_two_sources(corpus_report):
    claims = {c.id: c for c in corpus_report.claims}
    for f in corpus_report.findings:
        assert len(f.explanation) > 30
        assert len({claims[c].source for c in f.claims}) >= 2


def test_e2e_dataframes(corpus_report):
    df = corpus_report.claims_df
    assert len(df) == len(corpus_report.claims) and {"entity", "attribute", "value"} <= set(df.columns)
    assert len(corpus_report.findings_df) == len(corpus_report.findings)


def test_e2e_html_source_offsets_point_into_the_extracted_text(nlp, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from reconcile.cli import main

    body = ("<p>La société Brunelle emploie 1 200 salariés à Lyon, a indiqué sa direction mardi. "
            "Le groupe prévoit une introduction en bourse au second semestre 2026, selon le quotidien.</p>")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.html").write_text(
        "<html><head><title>Brunelle</title><meta property='article:published_time' content='2025-03-12'>"
        f"</head><body><article>{body * 3}</article></body></html>", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["report", "in", "--format", "json", "--out-dir", "out"])
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    src = data["sources"][0]
    assert src["kind"] == "html" and src["extracted_path"] == str(Path("out") / "extracted" / "page.txt")
    text = (tmp_path / src["extracted_path"]).read_text(encoding="utf-8")
    assert data["claims"]
    for c in data["claims"]:
        assert text[c["start"]:c["end"]] == c["quote"]
