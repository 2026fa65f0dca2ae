"""Hostile inputs, size and shape: huge files and lines, absurd numbers, deep nesting.

The large inputs are marked slow (outside the default run); the default run checks the size limit with
a small --max-size.
"""
from __future__ import annotations

import re

import pytest

from .helpers import FRONT, GOOD_VALUES, LIBRARY_LINES, LIBRARY_VALUES, has_values, library, strict_json, sub_why

pytestmark = pytest.mark.timeout(300)

FILLER = "Les riverains ont longuement discuté du stationnement près de la place du marché. "


def padded_library(size: int) -> str:
    """The library article, its middle padded with plain sentences up to `size` characters."""
    lines = [FRONT.format(title="La médiathèque fait le plein", outlet="L'Écho du Quercy"), LIBRARY_LINES[0]]
    total = sum(map(len, lines))
    while total < size:
        lines.append(FILLER + "\n")
        total += len(FILLER) + 1
    return "".join(lines + [LIBRARY_LINES[1]])


@pytest.mark.parametrize("limit", ["20KB", "20000"])
def test_file_over_max_size_is_skipped(case, limit):
    """Size: a 30 KB article with --max-size 20KB (or 20000 bytes) -> W010, skipped; good.txt still read."""
    case.add("long.txt", padded_library(30_000))
    assert (case.src / "long.txt").stat().st_size > 30_000
    out = case.examine("--max-size", limit)
    out.warned("W010", "long.txt")
    out.has_good()
    assert [s["id"] for s in out.data["sources"]] == ["good"]
    assert not out.source_claims("long")


def test_line_of_100000_commas(case):
    """Shape: a line of 100,000 commas between two sentences with figures: no hang, both figures read."""
    text = library().replace(LIBRARY_LINES[1], "," * 100_000 + "\n" + LIBRARY_LINES[1])
    case.add("virgules.txt", text)
    # in a child process first: a quadratic slowdown fails here instead of eating the suite's time
    p = case.sub("report", "sources", "--format", "json", "-o", "-", "--no-write", "--claims-dir", "claims",
                 timeout=120)
    assert p.returncode == 0, sub_why(p)
    has_values(strict_json(p.stdout), 3800, 27, 1250)
    out = case.examine()
    out.has_good()
    out.has(*LIBRARY_VALUES)


BIG = "9" * 400


def test_four_hundred_digit_number(case):
    """Shape: a 400-digit number -> W016, not kept as a claim, never written as Infinity or NaN."""
    text = library() + (f"La dette cumulée du syndicat atteindrait {BIG} euros selon un tract anonyme.\n"
                        f"Le comité a recensé {BIG[:-1]}7 arbres dans la forêt communale.\n")
    case.add("dette.txt", text)
    out = case.examine()
    out.warned("W016", "dette.txt")
    out.has_good()
    out.has(*LIBRARY_VALUES)
    for c in out.data["claims"]:
        assert BIG[:50] not in c["quote"], c
        v = c["value"]
        assert not (isinstance(v, (int, float)) and abs(v) > 1e300), c
    for what, text_ in out.texts:
        m = re.search(r"(?<![\w.])-?(?:inf|Infinity|NaN|nan)(?!\w)", text_)
        assert m is None, f"{what}: {text_[max(0, m.start() - 60):m.end() + 60]!r}"
    for f in case.written_files():
        if f.suffix == ".json":
            strict_json(f.read_text("utf-8"))
        elif f.suffix == ".jsonl":
            for line in f.read_text("utf-8").splitlines():
                strict_json(line)


def test_deep_nesting_of_parentheses_and_quotes(case):
    """Shape: 5,000 nested parentheses and 2,000 nested guillemets in one line: no crash, figures read."""
    nest = "(" * 5000 + "« " * 2000 + "le maire" + " »" * 2000 + ")" * 5000 + "[" * 3000 + "]" * 3000
    case.add("parentheses.txt", library().replace(LIBRARY_LINES[1], nest + "\n" + LIBRARY_LINES[1]))
    out = case.examine()
    out.has_good()
    out.has(*LIBRARY_VALUES)


# ------------------------------------------------------------------ large inputs (pytest -m slow)

def _big_case(case, name: str, text: str, *values) -> None:
    case.add(name, text)
    p = case.sub("report", "sources", "--format", "json", "-o", "-", "--no-write", "--claims-dir", "claims",
                 timeout=280)
    assert p.returncode == 0, sub_why(p)
    data = strict_json(p.stdout)
    has_values(data, *GOOD_VALUES, *values)


@pytest.mark.slow
def test_line_of_a_million_characters(case):
    """Size (slow): one line of 1,000,000 characters yields its claims, from its start and its end."""
    line = LIBRARY_LINES[0].rstrip("\n") + " " + FILLER * (1_000_000 // len(FILLER) + 1) + LIBRARY_LINES[1]
    assert len(line) > 1_000_000
    _big_case(case, "ligne.txt", FRONT.format(title="Une ligne", outlet="L'Écho") + line, *LIBRARY_VALUES)


@pytest.mark.slow
def test_one_megabyte_article(case):
    """Size (slow): a 1 MB article (under the default limit) is read whole, first and last figures."""
    text = padded_library(1_000_000)
    assert 1_000_000 <= len(text.encode()) < 2_000_000
    _big_case(case, "gros.txt", text, *LIBRARY_VALUES)


@pytest.mark.slow
def test_hundred_thousand_short_lines(case):
    """Size (slow): 100,000 short lines between two figures."""
    text = library().replace(LIBRARY_LINES[1], "Il pleut.\n" * 100_000 + LIBRARY_LINES[1])
    _big_case(case, "lignes.txt", text, *LIBRARY_VALUES)


@pytest.mark.slow
def test_three_megabytes_at_the_default_limit(case):
    """Size (slow): a 3 MB file with the default --max-size (2MB) -> W010, skipped."""
    case.add("enorme.txt", padded_library(3_000_000))
    out = case.examine()
    out.warned("W010", "enorme.txt")
    out.has_good()
    assert not out.source_claims("enorme")
