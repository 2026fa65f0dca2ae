"""Odd inputs end with one clear line and exit code 2, or a warning naming the file; never a traceback."""
from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys

import pytest
from click.testing import CliRunner

from reconcile import sources
from reconcile.cli import main
from reconcile.compare import verdicts as V
from reconcile.errors import NoSources

from .compare.test_verdicts import claim
from .conftest import ROOT, SOURCES
from .test_sources import FRENCH, write


def invoke(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def one_line_error(r) -> bool:
    return r.exit_code == 2 and r.stderr.count("\n") == 1 and r.stderr.startswith("reconcile: error:") \
        and "Traceback" not in r.stderr


@pytest.fixture()
def repo(tmp_path, monkeypatch, nlp):
    shutil.copytree(SOURCES, tmp_path / "sources")
    monkeypatch.chdir(tmp_path)
    assert invoke("-q", "report", "--format", "json").exit_code == 0
    return tmp_path


def test_report_on_a_real_terminal(tmp_path):
    """`script` (Debian's essential bsdutils) gives the command a terminal, as a user's shell would."""
    cmd = f"{sys.executable} -m reconcile report {SOURCES} --no-write --claims-dir {tmp_path}"
    r = subprocess.run(["script", "-qec", cmd, "/dev/null"], capture_output=True, text=True, cwd=ROOT,
                       env={**os.environ, "COLUMNS": "90"})
    assert r.returncode == 0, r.stdout[-2000:]
    assert "Traceback" not in r.stdout and "consistency report" in r.stdout


@pytest.mark.parametrize("content, words", [
    ("f-1:\n  history:\n  - status: Confirmed\n", "status 'Confirmed'"),
    ("f-1: oops\n", "must be a mapping"),
    ("f-1:\n  history: {a: 1}\n", "history must be a list"),
    ("1: x\nf-2: {}\n", "not a finding id"),
    ("f-1: [unclosed\n", "not valid YAML"),
    ("- a\n- b\n", "must map finding ids"),
])
def test_bad_decisions_file_is_a_one_line_error(repo, content, words):
    (repo / "claims" / "decisions.yaml").write_text(content, encoding="utf-8")
    r = invoke("report", "--no-write")
    assert one_line_error(r) and words in r.stderr, r.stderr


def test_hand_written_dates_in_decisions_stay_text(repo):
    fid = json.loads(invoke("report", "--format", "json", "--no-write").stdout)["conflicts"][0]["id"]
    (repo / "claims" / "decisions.yaml").write_text(
        f"{fid}:\n  history:\n  - status: confirmed\n    at: 2026-01-22\n    reviewer: ed\n    note: ok\n", "utf-8")
    r = invoke("report", "--format", "json", "--no-write")
    assert r.exit_code == 0, r.stderr
    assert {f["id"]: f["status"] for f in json.loads(r.stdout)["conflicts"]}[fid] == "confirmed"


@pytest.mark.parametrize("content", ["[]", '{"schema": "reconcile-claims/1", "sources": null}', "{nope"])
def test_bad_claim_base_is_a_one_line_error(repo, content):
    (repo / "claims" / "base.json").write_text(content, encoding="utf-8")
    assert one_line_error(invoke("check"))


def test_damaged_cache_file_is_a_cache_miss(repo):
    for f in (repo / "claims" / "cache").iterdir():
        f.write_text("[]", encoding="utf-8")
    r = invoke("check")
    assert r.exit_code == 0, r.stderr


def test_output_to_a_folder_is_a_one_line_error(repo):
    (repo / "adir").mkdir()
    assert one_line_error(invoke("report", "--no-write", "-o", "adir"))


def test_written_files_are_readable_by_others(repo):
    old = os.umask(0o022)
    try:
        invoke("-q", "report")
    finally:
        os.umask(old)
    for p in (repo / "reports" / "report.html", repo / "claims" / "base.json"):
        assert stat.S_IMODE(p.stat().st_mode) == 0o644


def test_ambiguous_id_prefix(repo):
    r = invoke("show", "f-")
    assert one_line_error(r) and "ambiguous" in r.stderr


def test_aliases_reach_check_show_and_review(tmp_path, monkeypatch, nlp):
    shutil.copytree(SOURCES, tmp_path / "src")
    (tmp_path / "src" / "entities.toml").rename(tmp_path / "extra.toml")
    monkeypatch.chdir(tmp_path)
    assert invoke("-q", "report", "src", "--aliases", "extra.toml").exit_code == 0
    assert invoke("check", "src", "--aliases", "extra.toml").exit_code == 0
    fid = json.loads((tmp_path / "reports" / "report.json").read_text("utf-8"))["conflicts"][0]["id"]
    assert invoke("show", fid, "--sources", "src", "--aliases", "extra.toml").exit_code == 0


def test_parse_jsonl_rejects_non_objects():
    assert one_line_error(invoke("parse", "--jsonl", "-", input="[1, 2]\n"))
    assert one_line_error(invoke("parse", "--jsonl", "-", input='{"text": null}\n'))


def test_interactive_review_at_end_of_input_exits_2(repo):
    r = invoke("review", input="")
    assert r.exit_code == 2 and "aborted" in r.stderr


def test_sources_sentence_is_not_a_byline():
    assert sources.infer_published("Titre\nLe 3 mars 2024, Renault a annoncé un plan.\n") is None
    assert sources.infer_published("Par ailleurs, le 3 mars 2024, la direction a parlé.\n") is None
    assert sources.infer_published("Titre\nLa Dépêche – Le 3 mars 2024, Renault a annoncé un plan.\n") is None
    assert sources.infer_published("Titre\nMardi 3 mars 2024, Renault a annoncé un plan de départs.\n") is None
    assert str(sources.infer_published("Titre\nMis à jour le 5 février 2026\nLe 3 mars 2024, x\n")) == "2026-02-05"


def test_sources_bad_front_matter_date_and_manifest_entry_warn(tmp_path):
    write(tmp_path, "a.md", "---\npublished: 2026-13-45\n---\n" + FRENCH)
    write(tmp_path, "manifest.toml", '"b.txt" = "oops"\n')
    write(tmp_path, "b.txt", FRENCH)
    loaded = sources.load([tmp_path])
    assert [s.id for s in loaded.sources] == ["a", "b"]
    assert any(w.startswith("W007") and "a.md" in w for w in loaded.warnings)
    assert any(w.startswith("W009") and "b.txt" in w for w in loaded.warnings)


def test_sources_utf16_is_text_and_no_source_says_why(tmp_path):
    write(tmp_path, "u.txt", "\ufeff".encode("utf-16-le") + FRENCH.encode("utf-16-le"))
    assert "réouverture" in sources.load([tmp_path]).sources[0].text
    only = tmp_path / "only"
    only.mkdir()
    write(only, "bin.txt", bytes(range(256)))
    with pytest.raises(NoSources, match="W002"):
        sources.load([only])


def test_compare_different_currencies_or_kinds_are_not_compared():
    eur = claim(56e9, kind="money", attribute="revenue")
    eur = eur.__class__(**{**eur.__dict__, "unit": "EUR"})
    usd = claim(60e9, kind="money", attribute="revenue", source="b")
    usd = usd.__class__(**{**usd.__dict__, "unit": "USD"})
    assert V.compare(eur, usd).kind == V.COMPATIBLE and V.compare(eur, usd).rule == "unit"
    pct = claim(7.0, kind="percent", attribute="revenue", source="c")
    assert V.compare(eur, pct).kind == V.COMPATIBLE


def test_compare_exclusive_states_are_medium_not_high():
    from reconcile.compare.slots import findings
    from reconcile.model import Interval
    import datetime as dt

    t = Interval(dt.date(2026, 1, 22), dt.date(2026, 1, 22))
    a = claim("liquidated", kind="status", attribute="state", time=t, status="liquidated")
    b = claim("independent", kind="status", attribute="state", time=t, source="b", status="independent")
    f = findings([a, b], exclusions=frozenset({frozenset({"liquidated", "independent"})}))[0]
    assert f.rule == "status" and f.severity == "medium"


# ---------------------------------------------------------------- nothing a reviewer wrote is lost (issue 11)

def _two_decisions(repo):
    ids = [f["id"] for f in json.loads(invoke("report", "--format", "json", "--no-write").stdout)["conflicts"]]
    for fid, note in zip(ids, ("first", "second")):
        r = invoke("review", fid, "--status", "confirmed", "--note", note, "--reviewer", "ed")
        assert r.exit_code == 0, r.stderr
    return ids, repo / "claims" / "decisions.yaml"


def test_decisions_end_with_a_trailer_that_matches(repo):
    ids, path = _two_decisions(repo)
    last = path.read_text("utf-8").rstrip("\n").rpartition("\n")[2]
    assert last.startswith("# reconcile-trailer: decisions=2 sha256=")
    r = invoke("report", "--no-write", "--format", "json")
    assert r.exit_code == 0 and "W019" not in r.stderr and json.loads(r.stdout)["warnings"] == []


def test_a_decisions_file_cut_short_is_said_and_not_rewritten(repo):
    ids, path = _two_decisions(repo)
    text = path.read_text("utf-8")
    cut = text[:text.index(f"{ids[1]}:")]  # still valid YAML: the second decision is gone
    path.write_text(cut, encoding="utf-8")
    r = invoke("report", "--no-write", "--format", "json")
    assert r.exit_code == 0 and "W019" in r.stderr and "trailer" in r.stderr
    assert any(w.startswith("W019") for w in json.loads(r.stdout)["warnings"])
    r = invoke("review", ids[1], "--status", "dismissed", "--note", "again", "--reviewer", "ed")
    assert one_line_error(r) and "--accept-edits" in r.stderr
    assert path.read_text("utf-8") == cut  # byte for byte
    r = invoke("review", ids[1], "--status", "dismissed", "--note", "again", "--reviewer", "ed", "--accept-edits")
    assert r.exit_code == 0, r.stderr
    assert "W019" not in invoke("report", "--no-write").stderr


def test_hand_comments_and_order_survive_a_review(repo):
    ids, path = _two_decisions(repo)
    text = path.read_text("utf-8").replace(f"{ids[1]}:", f"# why we keep this one: see the minutes\n{ids[1]}:")
    path.write_text(text, encoding="utf-8")
    r = invoke("review", ids[0], "--status", "resolved", "--note", "third", "--reviewer", "ed", "--accept-edits")
    assert r.exit_code == 0, r.stderr
    after = path.read_text("utf-8")
    assert "# why we keep this one: see the minutes\n" in after
    assert after.index(f"{ids[0]}:") < after.index(f"{ids[1]}:")
    hist = [h["note"] for h in yaml_load(path)[ids[0]]["history"]]
    assert hist == ["first", "third"]


def yaml_load(path):
    import yaml

    return yaml.safe_load(path.read_text("utf-8"))


@pytest.mark.parametrize("content, words", [
    ("a: &a [x, x]\nb: [*a, *a]\n", "aliases"),
    ("f-1:\n  history:\n" + "  " * 1 + "- " + "[" * 40 + "]" * 40 + "\n", "nested"),
    ("f-1:\n  history:\n  - status: confirmed\n    note: {a: 1}\n", "note must be text"),
])
def test_decisions_not_in_the_written_shape_are_refused_with_their_line(repo, content, words):
    (repo / "claims" / "decisions.yaml").write_text(content, encoding="utf-8")
    r = invoke("report", "--no-write")
    assert one_line_error(r) and words in r.stderr and "decisions.yaml:" in r.stderr, r.stderr


def test_decisions_file_that_is_a_folder_is_named(repo):
    (repo / "claims" / "decisions.yaml").mkdir()
    r = invoke("report", "--no-write")
    assert one_line_error(r) and "decisions.yaml is a folder" in r.stderr


@pytest.mark.parametrize("content", ['{"schema": "reconcile-claims/1", "sources": {"a": "x"}}',
                                     "[" * 5000 + "]" * 5000])
def test_damaged_claim_base_stops_check_and_report_rewrites_it(repo, content):
    base = repo / "claims" / "base.json"
    base.write_text(content, encoding="utf-8")
    r = invoke("check")
    assert one_line_error(r) and "base.json" in r.stderr
    r = invoke("report", "--format", "json", "-o", "-")
    assert r.exit_code == 0 and "W018" in r.stderr
    assert json.loads(base.read_text("utf-8"))["schema"] == "reconcile-claims/1"
    assert invoke("check").exit_code == 0


@pytest.mark.parametrize("toml, words", [
    ('[[entity]]\nname = "Vormex"\naliases = "VMX"\n', "aliases must be a list"),
    ('[[entity]]\nname = 12\n', "name must be a non-empty string"),
    ('[[entity]]\ntype = "ORG"\n', "has no name"),
])
def test_entity_registry_with_wrong_types_names_file_and_field(repo, toml, words):
    (repo / "sources" / "entities.toml").write_text(toml, encoding="utf-8")
    r = invoke("report", "--no-write")
    assert one_line_error(r) and "entities.toml" in r.stderr and words in r.stderr, r.stderr


def test_entity_registry_not_in_utf8_names_file_and_line(repo):
    (repo / "sources" / "entities.toml").write_bytes('[[entity]]\nname = "Société"\n'.encode("latin-1"))
    r = invoke("report", "--no-write")
    assert one_line_error(r) and "entities.toml:2: not UTF-8" in r.stderr, r.stderr


def test_a_file_the_extractor_chokes_on_costs_only_itself(tmp_path, monkeypatch, nlp):
    """W014: whatever goes wrong while one article's claims are extracted, the run goes on with the others."""
    from reconcile import pipeline

    (tmp_path / "s").mkdir()
    write(tmp_path / "s", "good.txt", FRENCH)
    write(tmp_path / "s", "bad.txt", FRENCH.replace("12 millions", "13 millions"))
    real = pipeline.claims_of

    def choke(src, *a, **k):
        if src.id == "bad":
            raise RecursionError("maximum recursion depth exceeded")
        return real(src, *a, **k)

    monkeypatch.setattr(pipeline, "claims_of", choke)
    monkeypatch.chdir(tmp_path)
    r = invoke("report", "s", "--format", "json", "-o", "-", "--no-write", "--claims-dir", "c")
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert {c["source"] for c in data["claims"]} == {"good"}
    assert any(w.startswith("W014") and "bad.txt" in w and "RecursionError" in w for w in data["warnings"])


def test_a_file_a_reader_chokes_on_costs_only_itself(tmp_path, monkeypatch):
    """W003: an error inside a reader (the HTML extractor, say) names the file; the others are read."""
    write(tmp_path, "good.txt", FRENCH)
    write(tmp_path, "page.html", "<html><body><p>" + FRENCH + "</p></body></html>")
    monkeypatch.setattr(sources, "_from_html", lambda *a, **k: (_ for _ in ()).throw(ValueError("lxml broke")))
    loaded = sources.load([tmp_path])
    assert [s.id for s in loaded.sources] == ["good"]
    assert loaded.warnings == (f"W003 {tmp_path / 'page.html'}: cannot be read (ValueError: lxml broke), skipped",)
