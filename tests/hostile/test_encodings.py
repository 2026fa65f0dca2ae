"""Hostile inputs, encodings and bytes: each file sits beside a good French article.

Every test checks the exit code, the warning naming the file, that the good article's claims are still
there, and (through `Case.examine`) that every output format stays clean.
"""
from __future__ import annotations

import random
import re

import pytest

from .helpers import FRONT, LIBRARY_LINES, LIBRARY_VALUES, TWIN_VALUES, library, twin

pytestmark = pytest.mark.timeout(300)


def exact_offsets(out, source_id: str, text: str) -> None:
    """Every claim of the source quotes exactly text[start:end]."""
    claims = out.source_claims(source_id)
    assert claims, f"no claim from {source_id}"
    for c in claims:
        assert text[c["start"]:c["end"]] == c["quote"], (c["start"], c["end"], c["quote"],
                                                         text[c["start"]:c["end"]])


@pytest.mark.parametrize("name, data", [
    ("empty.txt", b""),
    ("blank.txt", b"  \n\t\n   \r\n\n"),
    ("bom.txt", b"\xef\xbb\xbf"),
], ids=["empty", "whitespace-only", "bom-only"])
def test_empty_files(case, name, data):
    """Encodings: an empty file, a whitespace-only file, a file holding only a UTF-8 BOM -> W001."""
    case.add(name, data)
    out = case.examine()
    out.warned("W001", name)
    out.has_good()


@pytest.mark.parametrize("name, data", [
    ("nuls.txt", b"\x00" * 512),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"
                  + bytes(range(256)) * 4),
], ids=["nul-bytes", "png-header"])
def test_binary_files(case, name, data):
    """Encodings: a file of NUL bytes, a PNG picture named .txt -> W002, skipped."""
    case.add(name, data)
    out = case.examine()
    out.warned("W002", name)
    out.has_good()
    assert [s["id"] for s in out.data["sources"]] == ["good"]


def test_utf16_with_bom_is_read(case):
    """Encodings: an article saved as UTF-16 with its BOM (Windows 'Unicode') is text, read like UTF-8."""
    case.add("unicode.txt", library().encode("utf-16"))
    out = case.examine()
    out.has_good()
    out.has(*LIBRARY_VALUES)
    assert not [w for w in out.data["warnings"] if "unicode.txt" in w and w.startswith(("W002", "W004"))]
    sentence = out.source_claims("unicode")[0]["sentence"]
    assert "médiathèque" in sentence, sentence


def test_invalid_utf8_throughout(case):
    """Encodings: bytes that are not UTF-8 anywhere (high bytes, undefined cp1252 codes) -> a warning."""
    rnd = random.Random(20260310)
    blob = bytearray()
    for _ in range(400):
        blob += bytes(rnd.choice([0x81, 0x8d, 0x8f, 0x90, 0x9d, 0xc3, 0xe9, 0xff, 0xfe, 0xa0, 0xbf])
                      for _ in range(rnd.randint(2, 8)))
        blob += b" " if rnd.random() < 0.9 else b"\n"
    case.add("garbled.txt", bytes(blob))
    out = case.examine()
    out.warned(("W002", "W004", "W005"), "garbled.txt")
    out.has_good()


def test_whole_file_in_cp1252(case):
    """Encodings: an article saved entirely in cp1252 -> W004, and its accents read right."""
    case.add("ancien.txt", library().encode("cp1252"))
    out = case.examine()
    out.warned("W004", "ancien.txt")
    out.has_good()
    out.has(*LIBRARY_VALUES)
    by_value = {c["value"]: c for c in out.source_claims("ancien")}
    assert "médiathèque" in by_value[3800]["sentence"], by_value[3800]["sentence"]
    assert "bénévoles" in by_value[27]["sentence"], by_value[27]["sentence"]


def test_mixed_utf8_and_cp1252_lines(case):
    """Encodings: UTF-8 lines and cp1252 lines in one file -> W004 names the cp1252 lines; the UTF-8
    lines keep their accents and the cp1252 lines are read as cp1252."""
    front = FRONT.format(title="La médiathèque fait le plein", outlet="L'Écho du Quercy")  # lines 1-5, UTF-8
    data = (front.encode("utf-8")
            + LIBRARY_LINES[0].encode("utf-8")  # line 6
            + LIBRARY_LINES[1].encode("cp1252")  # line 7
            + LIBRARY_LINES[2].encode("utf-8")  # line 8
            + "L'équipe de la médiathèque compte désormais 12 salariés à temps plein.\n".encode("cp1252"))  # 9
    case.add("mixed.txt", data)
    out = case.examine()
    w = out.warned("W004", "mixed.txt")
    message = w.split("mixed.txt", 1)[1]
    numbers = set(re.findall(r"\b\d+\b", message))
    assert {"7", "9"} <= numbers, f"W004 should name lines 7 and 9: {w!r}"
    out.has_good()
    out.has(3800, 27, 2_400_000)
    by_value = {c["value"]: c for c in out.source_claims("mixed")}
    assert "médiathèque" in by_value[3800]["sentence"] and "précise" in by_value[3800]["sentence"], \
        by_value[3800]["sentence"]
    assert "coûté" in by_value[2_400_000]["sentence"], by_value[2_400_000]["sentence"]
    assert "bénévoles" in by_value[27]["sentence"] and "écoliers" in by_value[27]["sentence"], \
        by_value[27]["sentence"]
    titles = {s["id"]: s["title"] for s in out.data["sources"]}
    assert titles["mixed"] == "La médiathèque fait le plein", titles


def test_zero_width_space_inside_numbers(case):
    """Encodings: zero-width spaces inside « 1\u200b600 » and « 10\u200b000 » -> W013; the numbers read
    whole and the offsets stay exact."""
    text = twin(first="L'usine Vormex de Castelnau emploie 1\u200b600 salariés, selon la direction du groupe.\n"
                      "Le groupe Ardelis emploie 10\u200b000 salariés dans le monde, selon son rapport annuel.\n")
    case.add("twin.txt", text)
    out = case.examine()
    out.warned("W013", "twin.txt")
    out.has_good()
    out.has(1600, 10_000, 91_000_000)
    assert not [c for c in out.source_claims("twin") if c["value"] == 600], "« 1\u200b600 » read as 600"
    exact_offsets(out, "twin", text)


def test_byte_order_mark_in_the_middle(case):
    """Encodings: U+FEFF inside a sentence (two files pasted together) -> W013, offsets exact."""
    text = twin(first="L'usine Vormex\ufeff de Castelnau emploie 1 600 salariés, selon la direction\ufeff du groupe.\n")
    case.add("twin.txt", text)
    out = case.examine()
    out.warned("W013", "twin.txt")
    out.has_good()
    out.has(*TWIN_VALUES)
    exact_offsets(out, "twin", text)


def test_bidi_override_in_text(case):
    """Encodings: bidi overrides and isolates (U+202E, U+2067) around a figure's sentence -> W013; no
    terminal output shows them raw; offsets exact."""
    text = twin(first="L'usine Vormex de Castelnau emploie 1 600 salariés, \u202eselon la direction\u202c du "
                      "groupe.\n\u2067Le site a réalisé un chiffre d'affaires de 91 millions d'euros en 2025.\u2069\n")
    case.add("twin.txt", text)
    out = case.examine()
    out.warned("W013", "twin.txt")
    out.has_good()
    out.has(1600, 91_000_000)
    exact_offsets(out, "twin", text)


def test_nul_in_the_middle_of_a_good_text(case):
    """Encodings: one NUL byte in the middle of an otherwise good article -> a warning naming the file,
    and no NUL in any output."""
    data = library().encode("utf-8")
    cut = data.index(b"Les b\xc3\xa9n\xc3\xa9voles") + 20
    case.add("nul.txt", data[:cut] + b"\x00" + data[cut:])
    out = case.examine()
    out.warned(tuple(f"W{n:03d}" for n in range(1, 20)), "nul.txt")
    out.has_good()
    assert "\x00" not in out.everything()


def test_c1_controls_and_unicode_line_separators(case):
    """Encodings: U+0085 (NEL), U+009B (CSI) and U+2028 inside a quoted sentence are not line breaks of
    the file; figures, lines and offsets stay exact, and no terminal output shows them raw."""
    text = twin(first="L'usine Vormex de Castelnau emploie\u2028 1 600 salariés\x85, selon la direction\x9b2J "
                      "du groupe.\n")
    case.add("twin.txt", text)
    out = case.examine()
    out.has_good()
    out.has(*TWIN_VALUES)
    exact_offsets(out, "twin", text)
    lines = {c["value"]: c["line"] for c in out.source_claims("twin")}
    assert lines[1600] == 6 and lines[91_000_000] == 7, lines


def test_crlf_and_lone_cr_line_ends(case):
    """Encodings: Windows (CRLF) and old Mac (CR) line ends: the article is read, no CR in any output."""
    case.add("dos.txt", library().replace("\n", "\r\n").encode("utf-8"))
    case.add("mac.txt", twin().replace("\n", "\r").encode("utf-8"))
    out = case.examine()
    out.has_good()
    out.has(*LIBRARY_VALUES)
    out.has(*TWIN_VALUES)  # (clean_terminal, run on every terminal output and stderr, refuses a CR)
