"""Hostile inputs, files that are not plain files: FIFOs, devices, symlinks, folders, odd suffixes, manifests.

What may block forever (a FIFO, /dev/zero) runs first in a child process with a timeout and a memory
ceiling; only when that run ends well does the same case run in this process, in every format.
"""
from __future__ import annotations

import os

import pytest

from .helpers import (
    FRONT, GOOD_VALUES, LIBRARY_VALUES, TWIN_VALUES, has_values, library, memory_ceiling, report_in_child, twin,
    warned_in,
)

pytestmark = [pytest.mark.timeout(300),
              pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs and symlinks (POSIX)")]

SECRET = FRONT.format(title="Sirops", outlet="Le Pharmacien") + (
    "Le laboratoire Zorglubine a expédié 7 777 flacons de sirop en janvier, selon son directeur.\n"
    "La direction du laboratoire annonce 45 recrutements pour le printemps.\n")


def test_fifo_is_skipped(case):
    """Files: a FIFO named pipe.txt among the sources -> W011, skipped, no hang."""
    os.mkfifo(case.src / "pipe.txt")
    data, err = report_in_child(case)
    warned_in(data, err, "W011", "pipe.txt")
    has_values(data, *GOOD_VALUES)
    out = case.examine()
    out.warned("W011", "pipe.txt")
    out.has_good()


def test_symlink_to_a_fifo_is_skipped(case):
    """Files: link.txt, a symlink to a FIFO in the same folder -> W011 naming link.txt, no hang."""
    os.mkfifo(case.src / "pipe.txt")
    os.symlink("pipe.txt", case.src / "link.txt")
    data, err = report_in_child(case)
    warned_in(data, err, "W011", "link.txt")
    has_values(data, *GOOD_VALUES)
    out = case.examine()
    out.warned("W011", "link.txt")
    out.has_good()


def test_symlink_to_dev_zero(case):
    """Files: zero.txt, a symlink to /dev/zero -> skipped with W011 or W012 (it leads outside the
    folder, to a device); never read."""
    os.symlink("/dev/zero", case.src / "zero.txt")
    data, err = report_in_child(case)
    warned_in(data, err, ("W011", "W012"), "zero.txt")
    has_values(data, *GOOD_VALUES)
    with memory_ceiling():
        out = case.examine()
    out.warned(("W011", "W012"), "zero.txt")
    out.has_good()


def test_symlink_to_dev_zero_with_follow_symlinks(case):
    """Files: zero.txt -> /dev/zero with --follow-symlinks: followed, but a device is no regular file ->
    W011, skipped; never read."""
    os.symlink("/dev/zero", case.src / "zero.txt")
    data, err = report_in_child(case, "--follow-symlinks")
    warned_in(data, err, "W011", "zero.txt")
    has_values(data, *GOOD_VALUES)
    with memory_ceiling():
        out = case.examine("--follow-symlinks")
    out.warned("W011", "zero.txt")
    out.has_good()


def _outside(case):
    secret = case.add("secret.txt", SECRET, folder=case.root / "ailleurs")
    os.symlink(secret, case.src / "leak.txt")


def test_symlink_leading_outside_is_not_read(case):
    """Files: leak.txt, a symlink to a file outside the sources folder -> W012, skipped; nothing of the
    file it points to appears in any output or any file the tool writes."""
    _outside(case)
    out = case.examine()
    out.warned("W012", "leak.txt")
    out.has_good()
    assert "leak" not in {s["id"] for s in out.data["sources"]}
    assert not [c for c in out.data["claims"] if c["value"] in (7777, 45)]
    for what, text in out.texts:
        assert "Zorglubine" not in text and "flacons" not in text, what
    for f in case.written_files():
        assert b"Zorglubine" not in f.read_bytes(), f


def test_symlink_leading_outside_with_follow_symlinks(case):
    """Files: the same symlink with --follow-symlinks is read."""
    _outside(case)
    out = case.examine("--follow-symlinks")
    out.has_good()
    out.has(7777, 45)
    assert "leak" in {s["id"] for s in out.data["sources"]}
    assert not [w for w in out.data["warnings"] if w.startswith("W012")]


def test_symlink_inside_the_folder_is_read(case):
    """Files: alias.txt, a symlink to an article in a subfolder of the sources folder, is read (no W012)."""
    case.add("original.txt", library(), folder=case.src / "archives")
    os.symlink(os.path.join("archives", "original.txt"), case.src / "alias.txt")
    out = case.examine()
    out.has_good()
    assert "alias" in {s["id"] for s in out.data["sources"]}
    has_values({"claims": out.source_claims("alias")}, *LIBRARY_VALUES)
    assert not [w for w in out.data["warnings"] if w.startswith("W012")], out.data["warnings"]


def test_dangling_symlink(case):
    """Files: gone.txt, a symlink to a file that does not exist -> W003 (or W011), the run goes on."""
    os.symlink("nulle-part.txt", case.src / "gone.txt")
    out = case.examine()
    out.warned(("W003", "W011"), "gone.txt")
    out.has_good()


def test_directory_named_like_an_article(case):
    """Files: a directory named dossier.txt among the sources -> W011 (or W003), the run goes on."""
    (case.src / "dossier.txt").mkdir()
    out = case.examine()
    out.warned(("W003", "W011"), "dossier.txt")
    out.has_good()


def test_unsupported_suffix(case):
    """Files: notes.docx named on the command line beside the sources folder -> W006, skipped."""
    case.add("notes.docx", b"PK\x03\x04" + b"\x00" * 40 + "word/document.xml".encode())
    out = case.examine(sources=("sources", "sources/notes.docx"))
    out.warned("W006", "notes.docx")
    out.has_good()


@pytest.mark.parametrize("data", [
    b'["good.txt"\ntitle = "sans fin\n[[[',
    '["good.txt"]\ntitle = "Éditorial"\n'.encode("latin-1"),
    b'"good.txt" = 3\n',
], ids=["invalid-toml", "latin-1", "entry-not-a-table"])
def test_broken_manifest(case, data):
    """Files: a manifest.toml that is not TOML, not UTF-8, or whose entry is no table -> W009; the
    articles are still read with their own front matter."""
    case.add("manifest.toml", data)
    out = case.examine()
    out.warned("W009", "manifest.toml")
    out.has_good()
    meta = {s["id"]: s for s in out.data["sources"]}["good"]
    assert meta["title"] == "Vormex agrandit son site de Castelnau" and meta["published"] == "2026-03-10", meta


def test_manifest_with_hostile_metadata(case):
    """Files: a manifest.toml giving an article a title with terminal escapes, a formula as outlet and a
    javascript: url: every output stays clean."""
    case.add("twin.txt", twin(front=""))
    case.add("manifest.toml", '["twin.txt"]\n'
                              'title = "\\u001b[2JCastelnau \\u001b]0;pwned\\u0007 <script>alert(1)</script>"\n'
                              'outlet = "=HYPERLINK(\\"http://x\\",\\"y\\")"\n'
                              'url = "javascript:alert(1)"\npublished = "2026-03-10"\n')
    out = case.examine()
    out.has_good()
    out.has(*TWIN_VALUES)
    meta = {s["id"]: s for s in out.data["sources"]}["twin"]
    assert meta["published"] == "2026-03-10", meta
