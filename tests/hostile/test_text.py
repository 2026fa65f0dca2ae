"""Hostile text: payloads inside sentences with figures (so that they land in quotes and their context),
and hostile file names (so that they land in source ids, paths and annotations).

The hostile article is a twin of the good one with other figures, so both are in findings: the
payloads reach the report's findings, `show`, and every `check` format.
"""
from __future__ import annotations

import pytest

from .helpers import TWIN_VALUES, library, twin

pytestmark = pytest.mark.timeout(300)


@pytest.mark.parametrize("first", [
    "L'usine Vormex de Castelnau emploie \x1b[2J\x1b]0;pwned\x07 1 600 salariés\x1b]52;c;cHduZWQ=\x07, "
    "selon la direction du groupe.\n",
    "L'usine Vormex de Castelnau emploie 1 600 salariés <script>alert(1)</script>, selon la direction du "
    "groupe <img src=x onerror=alert(1)> <a href=\"https://exemple.fr/piege\">ici</a> "
    "<a href=\"javascript:alert(3)\">là</a>.\n",
    "L'usine Vormex de Castelnau emploie 1 600 salariés [clic](javascript:alert(1)) "
    "<javascript:alert(2)>, selon la direction du groupe.\n",
    "=SOMME(A1) L'usine Vormex de Castelnau emploie 1 600 salariés, selon la direction du groupe.\n"
    "@cmd|' /C calc'!A0 Le site compte 52 machines.\n",
], ids=["ansi-escapes", "raw-html", "markdown-javascript-link", "spreadsheet-formulas"])
def test_payload_in_a_sentence_with_a_figure(case, first):
    """Text payloads: terminal escapes, raw HTML, a Markdown javascript: link, spreadsheet formulas in the
    sentence of a figure that conflicts with the good article: every output clean."""
    case.add("twin.txt", twin(first=first))
    out = case.examine()
    out.has_good()
    out.has(*TWIN_VALUES)


def test_signed_figures_in_quotes(case):
    """Text payloads: quotes that begin with a sign (« -12 % », « +15 % ») are text cells in the CSV, which
    must not start like a formula."""
    case.add("signes.txt", library() + "Les ventes de la librairie voisine ont reculé de -12 % sur l'année.\n"
                                       "Les inscriptions à la médiathèque ont progressé de +15 % en un an.\n")
    out = case.examine()
    out.has_good()
    out.has(3800, 27)


# twin article named with the payload, and a broken (binary) file named with it too, so that the name
# reaches the findings (report, show, check) and the warnings (stderr, JSON)
NAMES = [
    ("jumeau\n::warning::pwned.txt", "casse\n::warning::pwned.txt"),
    ("\x1b[2J\x1b]0;pwned\x07jumeau.txt", "\x1b]52;c;cHduZWQ=\x07casse.txt"),
    ("<script>alert(1)jumeau.txt", "<img src=x onerror=alert(1)>casse.txt"),
    ("jumeau\u202etxt.exe.txt", "casse\u2066\u202d.txt"),
    ("=HYPERLINK(\"http:x\")jumeau.txt", "=casse.txt"),
    ("-2+3 jumeau.txt", "-casse.txt"),
    ("@SUM(1+1)jumeau.txt", "@casse.txt"),
    ("+33 jumeau.txt", "\tcasse.txt"),
]


@pytest.mark.parametrize("twin_name, broken_name", NAMES,
                         ids=["newline-workflow-command", "escape-sequences", "html", "bidi-override",
                              "starts-with-equals", "starts-with-minus", "starts-with-at", "plus-and-tab"])
def test_hostile_file_names(case, twin_name, broken_name):
    """File names: a newline and `::warning::pwned`, terminal escapes, HTML, bidi overrides, a leading
    `=`, `-`, `@`, `+` or tab, on an article in the findings and on a binary file in the warnings."""
    case.add(twin_name, twin())
    case.add(broken_name, b"\x00\x01\x02binary\x00" * 64)
    out = case.examine()
    out.has_good()
    out.has(*TWIN_VALUES)
    out.warned("W002", "casse")
    stem = twin_name[:-len(".txt")]
    assert stem in {s["id"] for s in out.data["sources"]}
    if "\n" in twin_name:
        github = dict(out.texts)["check github"]
        assert "%0A" in github, github
