"""The command line: help, exit codes, and stdout holding only the product."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from reconcile import __version__
from reconcile.cli import main

from .conftest import SOURCES


@pytest.fixture()
def runner():
    return CliRunner()


def test_cli_version(runner):
    r = runner.invoke(main, ["--version"])
    assert r.exit_code == 0 and __version__ in r.stdout


@pytest.mark.parametrize("command", sorted(main.commands))
def test_cli_every_command_has_help_with_an_example(runner, command):
    r = runner.invoke(main, [command, "--help"])
    assert r.exit_code == 0
    assert "Examples:" in r.stdout and f"reconcile {command}" in r.stdout


def test_cli_every_command_is_in_the_readme():
    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in main.commands:
        assert f"reconcile {command}" in readme


def test_cli_missing_source_is_a_usage_error_on_one_line(runner, tmp_path):
    r = runner.invoke(main, ["report", str(tmp_path / "absent"), "--no-write"])
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.count("\n") == 1 and "absent" in r.stderr


def test_cli_unknown_format_exits_2(runner):
    r = runner.invoke(main, ["report", "--format", "pdf"])
    assert r.exit_code == 2 and r.stdout == ""


def test_cli_report_json_on_stdout_is_only_json(runner, nlp, tmp_path):
    r = runner.invoke(main, ["report", str(SOURCES), "--format", "json", "-o", "-",
                             "--out-dir", str(tmp_path / "out"), "--claims-dir", str(tmp_path / "claims")])
    assert r.exit_code == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["schema"] == "reconcile-report/1" and len(data["sources"]) == 5
    assert "wrote" in r.stderr  # messages go to stderr
    for name in ("report.json", "report.md", "report.html", "claims.csv"):
        assert (tmp_path / "out" / name).is_file()
    # the second run reads claims from the cache and gives the same report
    r2 = runner.invoke(main, ["-q", "report", str(SOURCES), "--format", "json", "--no-write",
                              "--claims-dir", str(tmp_path / "claims")])
    assert r2.exit_code == 0 and r2.stderr == ""
    assert json.loads(r2.stdout)["claims"] == data["claims"]


def test_cli_report_skips_bad_source_with_warning_and_goes_on(runner, nlp, tmp_path):
    (tmp_path / "ok.txt").write_text((SOURCES / "004_b3c3b39eb6994a21.txt").read_text("utf-8"), "utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    r = runner.invoke(main, ["report", str(tmp_path), "--format", "json", "--no-write",
                             "--claims-dir", str(tmp_path / "claims")])
    assert r.exit_code == 0
    assert "empty.txt" in r.stderr and "W001" in r.stderr
    assert [s["id"] for s in json.loads(r.stdout)["sources"]] == ["ok"]


def test_cli_parse_text_prints_mentions(runner):
    r = runner.invoke(main, ["parse", "--published", "2026-01-22", "près de 11 000 salariés fin 2023"])
    assert r.exit_code == 0
    out = json.loads(r.stdout)
    kinds = {m["type"] for m in out["mentions"]}
    assert {"quantity", "period"} <= kinds
    q = next(m for m in out["mentions"] if m["type"] == "quantity")
    assert q["value"] == 11000 and q["approx"] is True and q["unit"] == "salariés"


def test_cli_parse_jsonl_from_stdin(runner):
    lines = "\n".join(json.dumps(o) for o in [
        {"id": "a", "text": "l'an dernier", "published": "2026-01-22"},
        {"id": "b", "text": "68 % des Français", "published": None}])
    r = runner.invoke(main, ["parse", "--jsonl", "-"], input=lines)
    assert r.exit_code == 0
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x["id"] for x in rows] == ["a", "b"]
    assert rows[0]["mentions"][0]["time"] == {"start": "2025-01-01", "end": "2025-12-31"}
    assert rows[1]["mentions"][0]["value"] == 68


def test_cli_parse_bad_date_exits_2(runner):
    r = runner.invoke(main, ["parse", "--published", "22/01/2026", "hier"])
    assert r.exit_code == 2 and r.stdout == "" and "YYYY-MM-DD" in r.stderr


def test_cli_python_dash_m_works():
    r = subprocess.run([sys.executable, "-m", "reconcile", "--version"], capture_output=True, text=True)
    assert r.returncode == 0 and __version__ in r.stdout


def test_the_console_script_leaves_with_every_line_written_and_the_right_code(tmp_path):
    """`python -m reconcile` leaves its process without tearing the heap down (cli.entry): what it printed to a
    pipe is all there, and its exit codes are click's (0, 2 on a usage error, one line on stderr)."""
    lines = "\n".join(json.dumps({"id": f"n{i}", "text": f"{i} salariés fin 2023", "published": "2026-01-22"})
                      for i in range(1500))
    done = subprocess.run([sys.executable, "-m", "reconcile", "parse", "--jsonl", "-"], input=lines,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    rows = [json.loads(x) for x in done.stdout.splitlines()]
    assert [r["id"] for r in rows] == [f"n{i}" for i in range(1500)]
    bad = subprocess.run([sys.executable, "-m", "reconcile", "report", str(tmp_path / "none")],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and bad.stdout == "" and len(bad.stderr.strip().splitlines()) == 1
    unknown = subprocess.run([sys.executable, "-m", "reconcile", "nonsense"], capture_output=True, text=True)
    assert unknown.returncode == 2 and "nonsense" in unknown.stderr


def test_cli_parse_entities_uses_the_registry(runner, nlp, tmp_path):
    reg = tmp_path / "entities.toml"
    reg.write_text('[[entity]]\nname = "Ampere"\naliases = ["Ampère"]\n\n[[entity]]\nname = "Ampere Energy"\n',
                   encoding="utf-8")
    r = runner.invoke(main, ["parse", "--entities", "--aliases", str(reg),
                             "Ampère SAS et Ampere Energy, selon Les Échos."])
    assert r.exit_code == 0, r.stderr
    ents = [m for m in json.loads(r.stdout)["mentions"] if m["type"] == "entity"]
    assert [(m["text"], m["canonical"]) for m in ents] == [
        ("Ampère", "Ampere"), ("Ampere Energy", "Ampere Energy"), ("Les Échos", "Les Echos")]
