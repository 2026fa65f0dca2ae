"""Hostile configuration and state: entities.toml, claims/base.json, claims/decisions.yaml, the claim cache.

A bad configuration file stops the run with exit 2 and one line naming the file; the state the tool
keeps for itself (base.json for `report`, the claim cache) is rebuilt with a warning; the decisions file
written by `review` carries a trailer, and a file that does not match it is read with W019 but never
rewritten by `review` without --accept-edits.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from .helpers import (
    GOOD_VALUES, clean_csv, clean_html, clean_markdown, clean_terminal, expect_exit, has_values, invoke,
    memory_ceiling, one_line_error, strict_json, sub_why, twin, warned_in,
)
from .test_front_matter import LOL

pytestmark = pytest.mark.timeout(300)

TRAILER = re.compile(r"# reconcile-trailer: decisions=(\d+) sha256=([0-9a-f]{64})")
DECISIONS = Path("claims") / "decisions.yaml"


# ------------------------------------------------------------------ entities.toml

ENTITY_TYPO = {
    "aliases": '[[entity]]\nname = "Vormex"\ntype = "ORG"\naliases = 42\n',
    "name": '[[entity]]\nname = 1987\ntype = "ORG"\naliases = ["Vormex SAS"]\n',
    "descriptions": '[[entity]]\nname = "Vormex"\ntype = "ORG"\ndescriptions = [1, 2]\n',
    "entity": 'entity = "Vormex"\n',
}


@pytest.mark.parametrize("command", ["report", "check"])
@pytest.mark.parametrize("field", list(ENTITY_TYPO))
def test_entities_toml_with_wrong_types(case, field, command):
    """Configuration: entities.toml beside the sources with a value of the wrong type -> exit 2, one line
    naming the file and the field."""
    case.add("entities.toml", ENTITY_TYPO[field])
    r = invoke(command, "sources", "--format", "json", "-o", "-", "--claims-dir", "claims")
    one_line_error(r, "entities.toml", field)


def test_entities_toml_not_utf8(case):
    """Configuration: entities.toml saved in latin-1 -> exit 2, one line naming the file."""
    case.add("entities.toml", '[[entity]]\nname = "Vormex Société"\naliases = ["Vormex Française"]\n'
             .encode("latin-1"))
    r = invoke("report", "sources", "--format", "json", "-o", "-", "--claims-dir", "claims")
    one_line_error(r, "entities.toml")


# ------------------------------------------------------------------ claims/base.json

def _nested(depth: int) -> str:
    return ('{"schema": "reconcile-claims/1", "sources": {"good": ' + '{"a": ' * depth + "{}" + "}" * depth
            + '}, "claims": {}, "findings": {}}')


BASES = {
    "not-json": "{\"schema\": \"reconcile-claims/1\", \"sources\": {\"good\": ",
    "sources-as-strings": '{"schema": "reconcile-claims/1", "sources": ["good", "twin"], "claims": {}, '
                          '"findings": {}}',
    "nested-1000": _nested(1000),
    "directory": None,
}


def _bad_base(case, kind: str) -> Path:
    base = case.root / "claims" / "base.json"
    base.parent.mkdir(exist_ok=True)
    if BASES[kind] is None:
        base.mkdir()
        (base / "x").write_text("{}", "utf-8")
    else:
        base.write_text(BASES[kind], "utf-8")
    return base


@pytest.mark.parametrize("kind", list(BASES))
def test_check_with_a_bad_claim_base(case, kind):
    """State: `check` with a claims/base.json that is corrupt, has sources as a list of strings, is nested
    1000 levels deep or is a directory -> exit 2, one line naming base.json."""
    _bad_base(case, kind)
    for fmt in ("terminal", "github", "json"):
        r = invoke("check", "sources", "--format", fmt, "-o", "-", "--claims-dir", "claims")
        one_line_error(r, "base.json")


@pytest.mark.parametrize("kind", [k for k in BASES if BASES[k] is not None])
def test_report_rewrites_a_bad_claim_base(case, kind):
    """State: `report` with the same bad claims/base.json -> W018 naming it, exit 0, and base.json is a
    valid claim base afterwards (then `check` passes on it)."""
    base = _bad_base(case, kind)
    out = case.examine()
    out.warned("W018", "base.json")
    out.has_good()
    assert base.is_file()
    data = strict_json(base.read_text("utf-8"))
    assert isinstance(data, dict) and isinstance(data.get("sources"), dict) and "good" in data["sources"], data
    r = invoke("check", "sources", "--claims-dir", "claims")
    expect_exit(r, 0)


def test_report_never_replaces_a_folder_where_the_claim_base_goes(case):
    """State: claims/base.json is a folder -> `report` writes its reports and the requested output, then
    stops with exit 2 and one line naming base.json; the folder and what it holds are left as they were (a
    tool does not delete a user's folder to write a file)."""
    base = _bad_base(case, "directory")
    r = invoke("-q", "report", "sources", "--format", "json", "-o", "-", "--claims-dir", "claims", "--out-dir", "reports")
    one_line_error(r, "base.json")
    assert strict_json(r.stdout)["claims"] and (case.root / "reports" / "report.json").is_file()
    assert base.is_dir() and (base / "x").read_text("utf-8") == "{}"


# ------------------------------------------------------------------ claims/decisions.yaml

@pytest.fixture()
def findings(case):
    """good.txt and its twin: two findings (headcount and revenue); the report written, base included."""
    case.add("twin.txt", twin())
    data, _ = case.report_json()
    ids = [f["id"] for f in data["conflicts"]]
    assert len(ids) >= 2, data["conflicts"]
    return ids


def review(fid: str, *extra, status: str = "confirmed", note: str = "vérifié auprès de la direction",
           reviewer: str = "claire"):
    return invoke("review", fid, "--status", status, "--note", note, "--reviewer", reviewer,
                  "--sources", "sources", "--claims-dir", "claims", *extra)


def statuses(data: dict) -> dict:
    return {f["id"]: f["status"] for f in data["conflicts"]}


def last_line(path: Path) -> str:
    return path.read_text("utf-8").rstrip("\n").rsplit("\n", 1)[-1]


def test_review_writes_a_trailer(case, findings):
    """Decisions: `review` writes claims/decisions.yaml ending with the trailer line, and a clean file
    gives no W019."""
    expect_exit(review(findings[0]), 0)
    assert TRAILER.fullmatch(last_line(DECISIONS)), DECISIONS.read_text("utf-8")
    data, r = case.report_json()
    assert statuses(data)[findings[0]] == "confirmed"
    assert not [w for w in data["warnings"] if w.startswith("W019")], data["warnings"]
    assert "W019" not in r.stderr


def _cut_short():
    """Drop the trailer line: a decisions file cut short."""
    text = DECISIONS.read_text("utf-8")
    lines = text.rstrip("\n").split("\n")
    assert TRAILER.fullmatch(lines[-1]), text
    DECISIONS.write_text("\n".join(lines[:-1]) + "\n", "utf-8")


def _hand_edit():
    """Change a note by hand, keeping the trailer."""
    text = DECISIONS.read_text("utf-8")
    assert "vérifié auprès de la direction" in text, text
    DECISIONS.write_text(text.replace("vérifié auprès de la direction", "vérifié par téléphone"), "utf-8")


@pytest.mark.parametrize("damage", [_cut_short, _hand_edit], ids=["cut-short", "hand-edit"])
def test_decisions_not_matching_their_trailer_are_read_with_a_warning(case, findings, damage):
    """Decisions: a decisions file cut short (no trailer) or edited by hand (trailer mismatch) -> `report`,
    `show` and `check` read the decisions anyway and warn W019 naming the file."""
    expect_exit(review(findings[0]), 0)
    damage()
    data, r = case.report_json()
    warned_in(data, r.stderr, "W019", "decisions.yaml")
    assert statuses(data)[findings[0]] == "confirmed"
    r = invoke("show", findings[0], "--sources", "sources", "--claims-dir", "claims")
    expect_exit(r, 0)
    warned_in(None, r.stderr, "W019", "decisions.yaml")
    assert "confirmed" in r.stdout
    clean_terminal(r.stdout)
    r = invoke("check", "sources", "--claims-dir", "claims")
    expect_exit(r, 0)
    warned_in(None, r.stderr, "W019", "decisions.yaml")


@pytest.mark.parametrize("damage", [_cut_short, _hand_edit], ids=["cut-short", "hand-edit"])
def test_review_refuses_decisions_not_matching_their_trailer(case, findings, damage):
    """Decisions: `review` on a file cut short or edited by hand -> exit 2, one line naming the file, the
    file left byte for byte as it was."""
    expect_exit(review(findings[0]), 0)
    damage()
    before = DECISIONS.read_bytes()
    r = review(findings[1], status="dismissed", note="deux périmètres différents")
    one_line_error(r, "decisions.yaml")
    assert DECISIONS.read_bytes() == before


@pytest.mark.parametrize("damage", [_cut_short, _hand_edit], ids=["cut-short", "hand-edit"])
def test_review_accept_edits(case, findings, damage):
    """Decisions: `review --accept-edits` on a file cut short or edited by hand records the decision and
    writes a fresh trailer; the next report has no W019 and both decisions."""
    expect_exit(review(findings[0]), 0)
    damage()
    r = review(findings[1], "--accept-edits", status="dismissed", note="deux périmètres différents")
    expect_exit(r, 0)
    clean_terminal(r.stdout)
    clean_terminal(r.stderr)
    assert TRAILER.fullmatch(last_line(DECISIONS)), DECISIONS.read_text("utf-8")
    data, r = case.report_json()
    assert not [w for w in data["warnings"] if w.startswith("W019")], data["warnings"]
    assert statuses(data)[findings[0]] == "confirmed" and statuses(data)[findings[1]] == "dismissed"
    if damage is _hand_edit:
        assert "vérifié par téléphone" in DECISIONS.read_text("utf-8")


def _blocks(text: str) -> list[str]:
    """Top-level blocks of a YAML mapping written in block style (a key line and its indented lines)."""
    blocks: list[str] = []
    for line in text.splitlines(keepends=True):
        if line.startswith("#") or not line.strip():
            continue
        if not line[0].isspace() and not line.startswith("-"):
            blocks.append(line)
        elif blocks:
            blocks[-1] += line
    return blocks


def test_hand_comments_and_entry_order_survive_review(case, findings):
    """Decisions: comments written by hand and a hand-chosen order of entries survive a `review`."""
    a, b = findings[:2]
    expect_exit(review(a), 0)
    expect_exit(review(b, status="dismissed", note="deux périmètres différents"), 0)
    blocks = _blocks(DECISIONS.read_text("utf-8"))
    keys = [blk.split(":", 1)[0].strip().strip("'\"") for blk in blocks]
    assert sorted(keys) == sorted([a, b]), blocks
    hand = ("# Relu en conférence de rédaction le 11 mars.\n" + blocks[1]
            + "# Ce chiffre d'affaires reste à recouper avec le greffe.\n" + blocks[0])
    DECISIONS.write_text(hand, "utf-8")
    r = review(keys[0], "--accept-edits", status="resolved", note="corrigé dans l'article")
    expect_exit(r, 0)
    text = DECISIONS.read_text("utf-8")
    assert "# Relu en conférence de rédaction le 11 mars." in text, text
    assert "# Ce chiffre d'affaires reste à recouper avec le greffe." in text, text
    assert text.index(keys[1]) < text.index(keys[0]), text
    assert TRAILER.fullmatch(last_line(DECISIONS)), text
    data, _ = case.report_json()
    assert statuses(data)[keys[0]] == "resolved" and statuses(data)[keys[1]] == "dismissed"


def test_stale_decision_is_kept_and_listed(case, findings):
    """Decisions: a decision whose finding is gone (the twin corrected) stays, listed in stale_decisions."""
    data, _ = case.report_json()
    headcount = next(f["id"] for f in data["conflicts"] if any(
        c["value"] == 1600 for c in data["claims"] if c["id"] in f["claims"]))
    expect_exit(review(headcount), 0)
    case.add("twin.txt", twin(first="L'usine Vormex de Castelnau emploie 1 250 salariés, selon la direction "
                                    "du groupe.\n"))
    out = case.examine(shows=False)
    assert headcount not in statuses(out.data)
    assert headcount in {d["id"] for d in out.data["stale_decisions"]}, out.data["stale_decisions"]
    r = invoke("show", headcount, "--sources", "sources", "--claims-dir", "claims")
    expect_exit(r, 0)
    clean_terminal(r.stdout)
    assert headcount in DECISIONS.read_text("utf-8")


NOTE = ("\x1b]52;c;cHduZWQ=\x07\x1b[2J <script>alert(1)</script> <img src=x onerror=alert(1)> "
        "[clic](javascript:alert(1)) =HYPERLINK(\"http://x\",\"y\") \u202eelif\u202c")


def test_decision_note_with_payloads(case, findings):
    """Decisions: a note and a reviewer name carrying terminal escapes, HTML, a javascript: link, a formula
    and a bidi override are shown clean by review, show, and every report format."""
    r = review(findings[0], note=NOTE, reviewer="\x1b[2Jmallory\u202e")
    expect_exit(r, 0)
    clean_terminal(r.stdout, "review stdout")
    clean_terminal(r.stderr, "review stderr")
    r = review(findings[1], "--format", "json", note=NOTE, reviewer="mallory")
    expect_exit(r, 0)
    strict_json(r.stdout)
    out = case.examine()  # report in every format, show on each finding, check in every format
    out.has_good()
    for fid in findings[:2]:
        r = invoke("show", fid, "--sources", "sources", "--claims-dir", "claims")
        expect_exit(r, 0)
        clean_terminal(r.stdout)
        assert "HYPERLINK" in r.stdout, "the note is not shown at all"
    md = dict(out.texts)["report markdown"]
    clean_markdown(md)
    clean_html(dict(out.texts)["report html"])
    clean_csv(dict(out.texts)["report csv"])


def test_decisions_file_is_a_directory(case, findings):
    """Decisions: claims/decisions.yaml is a directory -> exit 2, one line naming it, for report and show."""
    DECISIONS.mkdir(parents=True)
    one_line_error(invoke("report", "sources", "--no-write", "--claims-dir", "claims"), "decisions.yaml")
    one_line_error(invoke("show", findings[0], "--sources", "sources", "--claims-dir", "claims"),
                   "decisions.yaml")


def test_decisions_nested_1000_levels(case, findings):
    """Decisions: a decisions file nested 1000 levels deep -> exit 2, one line naming it."""
    DECISIONS.parent.mkdir(exist_ok=True)
    DECISIONS.write_text(f"{findings[0]}:\n  history: " + "[" * 1000 + "]" * 1000 + "\n", "utf-8")
    one_line_error(invoke("report", "sources", "--no-write", "--claims-dir", "claims"), "decisions.yaml")
    one_line_error(invoke("check", "sources", "--claims-dir", "claims"), "decisions.yaml")


def test_decisions_billion_laughs(case, findings):
    """Decisions: a billion-laughs alias bomb in the decisions file -> exit 2, one line naming it, quickly
    and within a memory ceiling."""
    body = "\n".join("  " + ln for ln in LOL.splitlines())
    DECISIONS.parent.mkdir(exist_ok=True)
    DECISIONS.write_text(f"{findings[0]}:\n{body}\n  history: *i\n", "utf-8")
    p = case.sub("report", "sources", "--no-write", "--claims-dir", "claims", timeout=60)
    assert p.returncode == 2, sub_why(p)
    lines = p.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("reconcile: error:") and "decisions.yaml" in lines[0], \
        sub_why(p)
    with memory_ceiling():
        one_line_error(invoke("show", findings[0], "--sources", "sources", "--claims-dir", "claims"),
                       "decisions.yaml")


WRONG_SHAPE = """# Décisions relues à la main
# (ne pas réordonner)
f-2222222222:
  history:
  - status: peut-être
    reviewer: paul
    at: '2026-03-11T10:00:00+00:00'
    note: à revoir
"""


@pytest.mark.parametrize("text, lines", [
    (WRONG_SHAPE, {3, 4, 5}),
    (WRONG_SHAPE.split("f-2222222222:")[0] + "f-2222222222: à revoir plus tard\n", {3}),
    (WRONG_SHAPE.replace("  - status: peut-être\n    reviewer: paul\n    at: '2026-03-11T10:00:00+00:00'\n"
                         "    note: à revoir\n",
                         "    status: confirmed\n    reviewer: paul\n    at: '2026-03-11T10:00:00+00:00'\n"
                         "    note: à revoir\n"), {3, 4, 5}),
], ids=["unknown-status", "entry-not-a-mapping", "history-not-a-list"])
def test_decisions_not_in_the_shape_review_writes(case, findings, text, lines):
    """Decisions: a hand-written decisions file that is not in the shape `review` writes -> exit 2, one
    line naming the file and the line of the problem (with -q, so no other message prints)."""
    DECISIONS.parent.mkdir(exist_ok=True)
    DECISIONS.write_text(text, "utf-8")
    line = one_line_error(invoke("-q", "report", "sources", "--no-write", "--claims-dir", "claims"),
                         "decisions.yaml")
    named = {int(n) for n in re.findall(r"(?:decisions\.yaml:|line )(\d+)", line)}
    assert named & lines, f"the error should name line {sorted(lines)}: {line!r}"


# ------------------------------------------------------------------ the claim cache

def _cache_files(case) -> list[Path]:
    files = [p for p in (case.root / "claims").rglob("*.json") if p.name != "base.json" and p.is_file()]
    assert files, "no claim cache file under claims/ after a report"
    return files


def test_corrupt_cache_entry_is_rebuilt(case):
    """State: claim cache entries that are not JSON -> W017 naming one, rebuilt: the claims are there and
    every cache file is valid JSON after the run."""
    case.report_json()
    damaged = _cache_files(case)
    for p in damaged:
        p.write_text('{"key": "abc", "claims": [{"id": ', "utf-8")
    data, r = case.report_json()
    w = warned_in(data, r.stderr, "W017", "")
    assert any(p.name in w for p in damaged), w
    for p in _cache_files(case):
        strict_json(p.read_text("utf-8"))
    for p in (case.root / "claims").rglob("*.jsonl"):  # the run memo: one JSON document a line
        for line in p.read_text("utf-8").splitlines():
            strict_json(line)
    out = case.examine()
    out.has_good()


def test_cache_entry_that_is_a_directory(case):
    """State: a claim cache entry replaced by a directory -> W017, the claims extracted again, exit 0."""
    case.report_json()
    for p in _cache_files(case):
        p.unlink()
        p.mkdir()
        (p / "x").write_text("x", "utf-8")
    data, r = case.report_json()
    warned_in(data, r.stderr, "W017", "")
    has_values(data, *GOOD_VALUES)
    for p in (case.root / "claims").rglob("*.json"):
        if p.is_file():
            strict_json(p.read_text("utf-8"))
    data, r = case.report_json()
    has_values(data, *GOOD_VALUES)

