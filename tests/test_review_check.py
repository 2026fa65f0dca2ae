"""Reviewer workflow and CI check, end to end on a copy of the bundled corpus."""
from __future__ import annotations

import json
import shutil
import threading
import xml.etree.ElementTree as ET

import pytest
import yaml
from click.testing import CliRunner

from reconcile.cli import main
from reconcile.store import load_decisions, record_decision

from .conftest import SOURCES

CONFLICTING = ("Ampere emploie aujourd’hui 14 000 salariés dans ses usines et ses centres de recherche, "
               "a indiqué la direction lors d’une réunion avec les représentants du personnel, qui ont "
               "rappelé que les effectifs avaient beaucoup changé depuis la création de la filiale.\n")


@pytest.fixture()
def repo(tmp_path, monkeypatch, nlp):
    """A copy of the corpus in a fresh folder, reported once (so the claim base exists)."""
    shutil.copytree(SOURCES, tmp_path / "sources")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RECONCILE_REVIEWER", "alice")
    r = CliRunner().invoke(main, ["-q", "report", "--format", "json"])
    assert r.exit_code == 0, r.stderr
    return tmp_path


def invoke(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def new_failing(fmt_json: str) -> list[str]:
    return json.loads(fmt_json)["failing"]


def test_check_passes_on_the_repository_as_reported(repo):
    r = invoke("check")
    assert r.exit_code == 0, r.stdout
    assert "known open" in r.stdout


def test_check_fails_on_new_conflicting_source_then_passes_once_dismissed(repo):
    (repo / "sources" / "005_new.txt").write_text(CONFLICTING, encoding="utf-8")
    r = invoke("check", "--format", "json")
    assert r.exit_code == 1
    failing = new_failing(r.stdout)
    # 14 000 disagrees with both figures already in the corpus (11 000 and 10 000): one disagreement
    # about one fact, so one new finding that gathers the three values
    assert len(failing) == 1
    found = {f["id"]: f for f in json.loads(r.stdout)["new_findings"]}[failing[0]]
    assert "Values given:" in found["explanation"] and "14 000" in found["explanation"]
    assert json.loads(r.stdout)["sources"]["new"] == ["005_new"]
    for fid in failing:
        r = invoke("review", fid, "--status", "dismissed", "--note", "figure not confirmed", "--format", "json")
        assert r.exit_code == 0, r.stderr
        assert json.loads(r.stdout)["history"][-1]["status"] == "dismissed"
        if fid != failing[-1]:
            assert invoke("check").exit_code == 1  # the other disagreement is still unreviewed
    assert invoke("check").exit_code == 0
    # the decision is recorded with who, when, why, and survives a re-run of the report
    rec = yaml.safe_load((repo / "claims" / "decisions.yaml").read_text("utf-8"))[failing[0]]
    assert rec["history"][-1]["status"] == "dismissed" and rec["history"][-1]["reviewer"] == "alice"
    assert rec["history"][-1]["note"] == "figure not confirmed" and rec["history"][-1]["at"]
    report = json.loads(invoke("report", "--format", "json", "--no-write").stdout)
    assert {f["id"]: f["status"] for f in report["conflicts"]}[failing[0]] == "dismissed"


def test_check_fail_on_threshold(repo):
    (repo / "sources" / "005_new.txt").write_text(CONFLICTING, encoding="utf-8")
    r = invoke("check", "--format", "json", "--fail-on", "high")
    data = json.loads(r.stdout)
    assert data["new_findings"]
    assert r.exit_code == (1 if any(f["severity"] == "high" for f in data["new_findings"]) else 0)


def test_check_formats(repo):
    (repo / "sources" / "005_new.txt").write_text(CONFLICTING, encoding="utf-8")
    gh = invoke("check", "--format", "github").stdout.splitlines()
    errors = [l for l in gh if l.startswith("::error ")]
    assert errors and all("file=sources/" in l and ",line=" in l and ",col=" in l for l in errors)
    sarif = json.loads(invoke("check", "--format", "sarif").stdout)
    assert sarif["version"] == "2.1.0"
    res = sarif["runs"][0]["results"][0]
    assert len(res["locations"]) >= 2 and res["partialFingerprints"]["reconcileFindingId/v1"].startswith("f-")
    region = res["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] >= 1 and region["startColumn"] >= 1
    junit = ET.fromstring(invoke("check", "--format", "junit").stdout)
    suite = junit.find("testsuite")
    assert int(suite.get("failures")) == len(suite.findall("testcase/failure")) >= 1


def test_show_prints_quotes_in_context_and_history(repo):
    report = json.loads(invoke("report", "--format", "json", "--no-write").stdout)
    fid = report["conflicts"][0]["id"]
    record_decision(repo / "claims", type("F", (), {"id": fid, "entity": "x", "attribute": "y", "kind": "conflict",
                                                   "claims": tuple(report["conflicts"][0]["claims"])})(),
                    status="confirmed", note="checked with the company", reviewer="bob")
    r = invoke("show", fid[:8])
    assert r.exit_code == 0
    assert "[[" in r.stdout and "]]" in r.stdout  # the quote marked in its context
    assert "bob: confirmed" in r.stdout and "checked with the company" in r.stdout
    assert "published:" in r.stdout and "line" in r.stdout
    assert invoke("show", "f-doesnotexist").exit_code == 2


def test_review_usage_errors(repo):
    report = json.loads(invoke("report", "--format", "json", "--no-write").stdout)
    fid = report["conflicts"][0]["id"]
    assert invoke("review", fid, "--status", "confirmed").exit_code == 2  # no --note
    r = invoke("review", fid, "--status", "confirmed", "--note", "x", "--keep", "c-0000000000")
    assert r.exit_code == 2 and "not a claim" in r.stderr
    assert invoke("review", "f-nope", "--status", "confirmed", "--note", "x").exit_code == 2


def test_review_interactive_walks_open_findings(repo):
    report = json.loads(invoke("report", "--format", "json", "--no-write").stdout)
    first = report["conflicts"][0]
    r = invoke("review", input="c\nconfirmed by the press office\n1\ns\n")
    assert r.exit_code == 0, r.stderr
    decisions = load_decisions(repo / "claims")
    assert list(decisions) == [first["id"]]
    assert decisions[first["id"]]["history"][0]["keep"] == first["claims"][0]


def test_decisions_are_never_dropped_stale_ones_are_listed(repo):
    record_decision(repo / "claims", type("F", (), {"id": "f-0123456789", "entity": "Ampere", "attribute": "gone",
                                                   "kind": "conflict", "claims": ("c-1", "c-2")})(),
                    status="dismissed", note="old", reviewer="carol")
    r = invoke("report", "--format", "json")
    data = json.loads(r.stdout)
    assert [d["id"] for d in data["stale_decisions"]] == ["f-0123456789"]
    assert "stale" in r.stderr
    assert "f-0123456789" in load_decisions(repo / "claims")  # still in the file after the run


def test_decisions_concurrent_writers_lose_nothing(tmp_path):
    def finding(i):
        return type("F", (), {"id": f"f-{i:010d}", "entity": "E", "attribute": "a", "kind": "conflict",
                              "claims": ("c-1", "c-2")})()

    threads = [threading.Thread(target=record_decision, args=(tmp_path, finding(i % 4)),
                                kwargs={"status": "confirmed", "note": f"n{i}", "reviewer": f"r{i}"})
               for i in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    data = load_decisions(tmp_path)
    assert sum(len(v["history"]) for v in data.values()) == 12
    assert sorted(h["note"] for v in data.values() for h in v["history"]) == sorted(f"n{i}" for i in range(12))
