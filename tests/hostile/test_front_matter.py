"""Hostile inputs, YAML front matter: bombs, deep nesting, absurd dates, wrong shapes, hostile metadata.

A bad front matter is ignored with W007 (W015 for a date out of range) and the article body is still read.
"""
from __future__ import annotations

import pytest

from .helpers import LIBRARY_VALUES, TWIN_VALUES, has_values, library, memory_ceiling, report_in_child, twin, warned_in

pytestmark = pytest.mark.timeout(300)

LOL = "\n".join([
    "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]",
    *(f"{n}: &{n} [{', '.join(['*' + p] * 9)}]" for p, n in zip("abcdefgh", "bcdefghi")),
])


def test_billion_laughs_in_front_matter(case):
    """Front matter: a billion-laughs alias bomb as title and outlet -> W007, ignored; the body is read."""
    case.add("rire.txt", library(front=f"---\n{LOL}\ntitle: *i\noutlet: *h\npublished: 2026-03-10\n---\n"))
    data, err = report_in_child(case)
    warned_in(data, err, "W007", "rire.txt")
    has_values(data, *LIBRARY_VALUES)
    with memory_ceiling():
        out = case.examine()
    out.warned("W007", "rire.txt")
    out.has_good()
    out.has(*LIBRARY_VALUES)


@pytest.mark.parametrize("nest", [
    "title: " + "[" * 1000 + "]" * 1000,
    "title: " + "{a: " * 1000 + "b" + "}" * 1000,
    "".join("  " * n + "a:\n" for n in range(1000)) + "  " * 1000 + "b",
], ids=["flow-lists", "flow-mappings", "block-mappings"])
def test_thousand_level_nesting_in_front_matter(case, nest):
    """Front matter: 1000 levels of nested lists or mappings -> W007, ignored; the body is read."""
    case.add("profond.txt", library(front=f"---\n{nest}\n---\n"))
    out = case.examine()
    out.warned("W007", "profond.txt")
    out.has_good()
    out.has(*LIBRARY_VALUES)


@pytest.mark.parametrize("date, relative", [
    ("9999-12-31", "La mairie promet une nouvelle salle de lecture l'an prochain.\n"),
    ("0001-01-01", "La salle de lecture avait fermé l'an dernier pour travaux.\n"),
], ids=["year-9999", "year-0001"])
def test_publication_date_at_the_ends_of_the_calendar(case, date, relative):
    """Front matter: published 9999-12-31 or 0001-01-01 (relative dates would leave the calendar) ->
    W015, the date ignored, the article read."""
    case.add("date.txt", library(front=f"---\ntitle: La médiathèque\npublished: {date}\n---\n") + relative)
    out = case.examine()
    out.warned("W015", "date.txt")
    out.has_good()
    out.has(*LIBRARY_VALUES)
    meta = {s["id"]: s for s in out.data["sources"]}["date"]
    assert meta["published"] != date, meta


@pytest.mark.parametrize("front", [
    "- Castelnau\n- Vormex\n",
    "n'importe quoi\n",
    "title: [pas fermé\noutlet: : :\n",
    "title: !!python/object/apply:os.system [\"touch pwned-marker\"]\n",
], ids=["a-list", "plain-words", "invalid-yaml", "python-tag"])
def test_front_matter_of_the_wrong_shape(case, front):
    """Front matter: a list, plain words, invalid YAML, a python object tag -> W007; the body is read and
    nothing is executed."""
    case.add("forme.txt", library(front=f"---\n{front}---\n"))
    out = case.examine()
    out.warned("W007", "forme.txt")
    out.has_good()
    out.has(*LIBRARY_VALUES)
    assert not (case.root / "pwned-marker").exists()


@pytest.mark.parametrize("front", [
    '---\ntitle: "\\e[2JCastelnau\\e]0;pwned\\a"\noutlet: "\\e]52;c;cHduZWQ=\\a La Gazette"\n'
    'url: "https://exemple.fr/\\e[2J\\x9b31m"\npublished: 2026-03-10\n---\n',
    '---\ntitle: "<script>alert(1)</script> <a href=\\"https://exemple.fr/piege\\">Castelnau</a>"\n'
    'outlet: "<img src=x onerror=alert(1)>"\n'
    'url: "https://exemple.fr/<script>alert(1)</script>"\npublished: 2026-03-10\n---\n',
    '---\ntitle: "[clic](javascript:alert(1)) Castelnau"\noutlet: La Gazette\nurl: "javascript:alert(1)"\n'
    'published: 2026-03-10\n---\n',
    '---\ntitle: "@SUM(1+1)"\noutlet: \'=HYPERLINK("http://x","y")\'\nurl: "-2+3"\npublished: 2026-03-10\n---\n',
    '---\ntitle: "Castelnau \\u202egnp.exe"\noutlet: "\\u2066La Gazette\\u2069"\npublished: 2026-03-10\n---\n',
], ids=["ansi-escapes", "html", "javascript-url", "formulas", "bidi"])
def test_hostile_title_outlet_url(case, front):
    """Front matter: title, outlet and url carrying terminal escapes (clear screen, OSC 52 clipboard,
    window title), HTML, a javascript: url, spreadsheet formulas, bidi overrides: every output clean."""
    case.add("twin.txt", twin(front=front))
    out = case.examine()
    out.has_good()
    out.has(*TWIN_VALUES)
    assert {"good", "twin"} <= {s["id"] for s in out.data["sources"]}


def test_language_not_french(case):
    """Front matter: language: en -> W005, skipped."""
    case.add("anglais.txt", library(front="---\ntitle: Library\nlanguage: en\n---\n"))
    out = case.examine()
    out.warned("W005", "anglais.txt")
    out.has_good()
    assert "anglais" not in {s["id"] for s in out.data["sources"]}
