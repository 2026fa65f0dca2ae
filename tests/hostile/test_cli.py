"""Hostile arguments: text, ids and paths given on the command line; `parse` at the ends of the calendar."""
from __future__ import annotations

import json

import pytest

from .helpers import GOOD_VALUES, clean_terminal, expect_exit, has_values, invoke, one_line_error, strict_json

pytestmark = pytest.mark.timeout(300)

HOSTILE = "\x1b[2J\x1b]0;pwned\x07 \u202eelif\u202c 12 salariés \x9b31m\x85 \u2066fin\u2069 \x7f"


def _parse_ok(r) -> list[dict]:
    expect_exit(r, 0)
    clean_terminal(r.stdout, "parse stdout")
    clean_terminal(r.stderr, "parse stderr")
    return [strict_json(line) for line in r.stdout.splitlines() if line.strip()]


def test_parse_hostile_text(nlp):
    """parse: a text with terminal escapes, C1 controls, DEL and bidi overrides -> exit 0, clean output,
    the figure read."""
    rows = _parse_ok(invoke("parse", "--published", "2026-03-10", "--", HOSTILE))
    assert any(m.get("value") == 12 for m in rows[0]["mentions"]), rows


def test_parse_jsonl_hostile_fields(nlp):
    """parse --jsonl: an id with escapes, C1 controls and bidi overrides, a hostile text -> exit 0, the
    id echoed clean."""
    line = json.dumps({"id": "\x1b]52;c;cHduZWQ=\x07\u202e\x85\x9b2J", "text": HOSTILE, "published": "2026-03-10"})
    rows = _parse_ok(invoke("parse", "--jsonl", "-", input=line + "\n"))
    assert len(rows) == 1, rows


@pytest.mark.parametrize("published, text", [
    ("0001-01-01", "l'an dernier, près de 3 salariés"),
    ("0001-01-03", "la semaine dernière, 40 bénévoles"),
    ("9999-12-31", "l'an prochain, près de 11 000 salariés"),
    ("9999-12-31", "dans trois ans, 12 millions d'euros"),
    ("9999-06-15", "le mois prochain et d'ici 2030"),
    ("0001-02-28", "il y a deux siècles, hier, avant-hier"),
])
def test_parse_at_the_ends_of_the_calendar(nlp, published, text):
    """parse: relative dates from 0001-01-01 or 9999-12-31 that would leave the calendar -> exit 0, no
    traceback."""
    _parse_ok(invoke("parse", "--published", published, text))


def test_parse_impossible_date_is_a_usage_error(nlp):
    """parse: --published 2026-02-30 -> exit 2, one clean line."""
    one_line_error(invoke("parse", "--published", "2026-02-30", "12 salariés"), "2026-02-30")


def test_missing_source_path_with_escapes(case):
    """Arguments: a source path that does not exist and holds terminal escapes -> exit 2, one clean line
    naming it."""
    r = invoke("report", "sources/\x1b]0;pwned\x07\u202eabsent.txt", "--no-write", "--claims-dir", "claims")
    one_line_error(r, "absent.txt")


def test_show_hostile_finding_id(case):
    """Arguments: `show` with a finding id made of escapes and bidi overrides -> exit 2, one clean line."""
    r = invoke("show", "\x1b[2J\u202ef-\x9b", "--sources", "sources", "--claims-dir", "claims")
    one_line_error(r)


def test_quiet_silences_warnings_but_keeps_them_in_json(case):
    """-q: a binary file beside the good article -> nothing on stderr, W002 still in the JSON report."""
    case.add("image.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    r = invoke("-q", "report", "sources", "--format", "json", "-o", "-", "--out-dir", "out",
               "--claims-dir", "claims")
    expect_exit(r, 0)
    assert r.stderr == "", r.stderr
    data = strict_json(r.stdout)
    assert any(w.startswith("W002 ") and "image.txt" in w for w in data["warnings"]), data["warnings"]
    has_values(data, *GOOD_VALUES)
