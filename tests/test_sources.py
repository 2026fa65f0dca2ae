"""Ingestion: formats, metadata, encodings, and bad files that must not stop a run."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from reconcile import sources
from reconcile.errors import DuplicateSourceId, InputError, NoSources

FRENCH = ("Le conseil municipal a voté mardi un budget de 12 millions d’euros pour la rénovation "
          "du stade, selon la mairie. Les travaux doivent commencer en 2026 et durer deux ans, "
          "a précisé le maire, qui espère une réouverture avant la fin de l’année 2028.\n")
ENGLISH = ("The city council voted on Tuesday for a budget of twelve million euros to renovate the "
           "stadium, according to the town hall. Work should start next year and last for two years, "
           "the mayor said, adding that he hoped the stadium would reopen before the end of 2028.\n")


def write(folder: Path, name: str, data) -> Path:
    p = folder / name
    if isinstance(data, bytes):
        p.write_bytes(data)
    else:
        p.write_text(data, encoding="utf-8")
    return p


def test_sources_front_matter_gives_metadata_and_offsets_include_it(tmp_path):
    fm = "---\ntitle: Un stade\noutlet: Le Courrier\nurl: https://example.org/a\npublished: 2025-03-12\nlanguage: fr\n---\n"
    write(tmp_path, "a.md", fm + FRENCH)
    src = sources.load([tmp_path]).sources[0]
    assert (src.id, src.title, src.outlet, src.url) == ("a", "Un stade", "Le Courrier", "https://example.org/a")
    assert src.published == dt.date(2025, 3, 12) and src.published_origin == "metadata"
    assert src.text.startswith("---") and src.body_start == len(fm)
    assert src.text[src.body_start:] == FRENCH


@pytest.mark.parametrize("byline, expected", [
    ("Par Jeanne Martin, le 12/03/2025 à 18h05", dt.date(2025, 3, 12)),
    ("Par le 22/01/2026", dt.date(2026, 1, 22)),
    ("Publié le 4 février 2025 à 10h12", dt.date(2025, 2, 4)),
    ("Mis à jour le 5 mars 2024", dt.date(2024, 3, 5)),
    # a weekday before the date, an outlet's name before the cue, a name with « Le » inside it
    ("Par Paul Roux – La Gazette du Val, jeudi 5 juin 2025", dt.date(2025, 6, 5)),
    ("Par Ana Ruiz, Le Petit Lemanique — le 2 mai 2024", dt.date(2024, 5, 2)),
    ("Radio Garrigue – publié le samedi 8 novembre 2025 à 7 h 40, par Marc Pons", dt.date(2025, 11, 8)),
    ("Publié le lundi 3 février 2025", dt.date(2025, 2, 3)),
])
def test_sources_infers_published_from_byline(tmp_path, byline, expected):
    write(tmp_path, "b.txt", "Un titre\n\n" + byline + "\n\n" + FRENCH)
    src = sources.load([tmp_path]).sources[0]
    assert (src.published, src.published_origin) == (expected, "inferred")


def test_sources_published_prefers_publication_over_update(tmp_path):
    write(tmp_path, "b.txt", "Mis à jour le 5 mars 2024\nPublié le 1 mars 2024\n" + FRENCH)
    assert sources.load([tmp_path]).sources[0].published == dt.date(2024, 3, 1)


def test_sources_no_date_is_unknown(tmp_path):
    write(tmp_path, "c.txt", FRENCH)
    src = sources.load([tmp_path]).sources[0]
    assert (src.published, src.published_origin) == (None, "unknown")


def test_sources_manifest_beside_files_gives_metadata(tmp_path):
    write(tmp_path, "d.txt", FRENCH)
    write(tmp_path, "manifest.toml", '["d.txt"]\noutlet = "Le Journal"\npublished = 2024-05-06\n')
    src = sources.load([tmp_path]).sources[0]
    assert src.outlet == "Le Journal" and src.published == dt.date(2024, 5, 6)


def test_sources_bom_is_kept_so_offsets_match_a_plain_utf8_read(tmp_path):
    p = write(tmp_path, "e.txt", "\ufeff".encode() + FRENCH.encode())
    src = sources.load([p]).sources[0]
    assert src.text == p.read_text(encoding="utf-8")
    assert src.body_start == 1


def test_sources_cp1252_is_decoded_with_a_warning(tmp_path):
    write(tmp_path, "f.txt", FRENCH.replace("’", "'").encode("cp1252"))
    loaded = sources.load([tmp_path])
    assert "réouverture" in loaded.sources[0].text
    assert any("W004" in w and "f.txt" in w for w in loaded.warnings)


@pytest.mark.parametrize("name, data, code", [
    ("empty.txt", b"", "W001"),
    ("blank.txt", b"  \n\n ", "W001"),
    ("binary.txt", bytes(range(256)) * 4, "W002"),
    ("english.txt", ENGLISH.encode(), "W005"),
    ("onlyfm.md", b"---\ntitle: x\n---\n\n", "W001"),
])
def test_sources_bad_file_is_skipped_by_name_and_others_still_load(tmp_path, name, data, code):
    write(tmp_path, "good.txt", FRENCH)
    write(tmp_path, name, data)
    loaded = sources.load([tmp_path])
    assert [s.id for s in loaded.sources] == ["good"]
    assert len(loaded.warnings) == 1 and loaded.warnings[0].startswith(code) and name in loaded.warnings[0]


def test_sources_unreadable_file_is_skipped_by_name(tmp_path, monkeypatch):
    write(tmp_path, "good.txt", FRENCH)
    bad = write(tmp_path, "locked.txt", FRENCH)
    real = Path.open

    def deny(self, *args, **kwargs):  # (run as root, a chmod would not stop the read)
        if self.name == bad.name:
            raise PermissionError(13, "Permission denied")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    loaded = sources.load([tmp_path])
    assert [s.id for s in loaded.sources] == ["good"]
    assert loaded.warnings[0].startswith("W003") and "locked.txt" in loaded.warnings[0]


def test_sources_broken_symlink_in_folder_is_reported(tmp_path):
    write(tmp_path, "good.txt", FRENCH)
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    loaded = sources.load([tmp_path])
    assert [s.id for s in loaded.sources] == ["good"]
    assert any(w.startswith("W003") and "gone.txt" in w for w in loaded.warnings)


def test_sources_non_french_language_in_front_matter_is_skipped(tmp_path):
    write(tmp_path, "good.txt", FRENCH)
    write(tmp_path, "en.md", "---\nlanguage: en\n---\n" + FRENCH)
    loaded = sources.load([tmp_path])
    assert [s.id for s in loaded.sources] == ["good"] and "W005" in loaded.warnings[0]


def test_sources_duplicate_ids_are_refused_naming_both_paths(tmp_path):
    a = write(tmp_path, "same.txt", FRENCH)
    b = write(tmp_path, "same.md", FRENCH)
    with pytest.raises(DuplicateSourceId) as err:
        sources.load([tmp_path])
    assert str(a) in str(err.value) and str(b) in str(err.value)


def test_sources_glob_and_file_list(tmp_path):
    for n in ("x1.txt", "x2.txt", "y.txt"):
        write(tmp_path, n, FRENCH)
    assert [s.id for s in sources.load([str(tmp_path / "x*.txt")]).sources] == ["x1", "x2"]
    assert [s.id for s in sources.load([tmp_path / "y.txt", tmp_path / "x2.txt"]).sources] == ["y", "x2"]


def test_sources_missing_path_and_no_sources_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        sources.load([tmp_path / "absent"])
    write(tmp_path, "empty.txt", "")
    with pytest.raises(NoSources):
        sources.load([tmp_path])


def test_sources_html_goes_through_trafilatura(tmp_path):
    html = ("<html><head><title>Incendie à Castelbrune</title>"
            "<meta property='og:site_name' content='Le Courrier'>"
            "<meta property='article:published_time' content='2025-03-12'>"
            "<link rel='canonical' href='https://example.org/incendie'></head><body>"
            "<nav>Accueil | Contact</nav><article><h1>Incendie à Castelbrune</h1><p>" + FRENCH * 3 +
            "</p><p>Un lecteur a écrit &lt;script&gt;alert(1)&lt;/script&gt; dans les commentaires.</p>"
            "</article></body></html>")
    write(tmp_path, "page.html", html)
    src = sources.load([tmp_path]).sources[0]
    assert src.kind == "html" and src.outlet == "Le Courrier" and src.url == "https://example.org/incendie"
    assert src.published == dt.date(2025, 3, 12) and src.title == "Incendie à Castelbrune"
    assert "12 millions d’euros" in src.text and "Accueil | Contact" not in src.text


def test_sources_bundled_corpus_metadata():
    loaded = sources.load([Path(__file__).resolve().parents[1] / "sources"])
    by_id = {s.id: s for s in loaded.sources}
    assert len(by_id) == 5 and not loaded.warnings
    assert by_id["002_8bf310917e4e72a4"].published == dt.date(2026, 1, 22)
    assert by_id["002_8bf310917e4e72a4"].published_origin == "inferred"
    assert by_id["003_8cf3a627c898c9d9"].outlet == "Numerama"
    assert by_id["004_b3c3b39eb6994a21"].published is None


@pytest.mark.parametrize("body, outlet", [
    ("Titre\n\nPar Claire Daumas – Valbrune Matin, mardi 17 mars 2026\n\nTexte.", "Valbrune Matin"),
    ("Berry Info – publié le jeudi 12 mars 2026 à 18 h 20\nTexte.", "Berry Info"),
    ("Par Jean Dupont, le 3 mars 2026\nTexte.", None),
    ("Le maire – très ému – a parlé mardi.\nTexte.", None),
])
def test_the_outlet_a_byline_names(body, outlet):
    from reconcile.sources import infer_outlet
    assert infer_outlet(body) == outlet


# ---------------------------------------------------------------- limits of what is read (issue 11)

def test_sources_mixed_encodings_decode_line_by_line(tmp_path):
    """A file pasted together from two editors: its UTF-8 lines keep their accents, the others are named."""
    data = ("Les élus de Besançon ont voté le budget, selon la mairie.\n".encode()
            + "Le café coûte deux euros à Besançon.\n".encode("cp1252")
            + FRENCH.encode())
    write(tmp_path, "mixed.txt", data)
    loaded = sources.load([tmp_path])
    text = loaded.sources[0].text
    assert text.startswith("Les élus de Besançon") and "Le café coûte deux euros" in text
    assert len(loaded.warnings) == 1 and loaded.warnings[0].startswith("W004") and "line 2 " in loaded.warnings[0]


def test_sources_too_large_is_skipped_by_name_with_the_limit(tmp_path):
    write(tmp_path, "good.txt", FRENCH)
    write(tmp_path, "big.txt", FRENCH * 40)
    loaded = sources.load([tmp_path], max_size=5000)
    assert [s.id for s in loaded.sources] == ["good"]
    assert loaded.warnings[0].startswith("W010") and "big.txt" in loaded.warnings[0] and "5 KB" in loaded.warnings[0]
    assert {s.id for s in sources.load([tmp_path]).sources} == {"good", "big"}  # under the default limit


def test_sources_fifo_is_named_never_opened(tmp_path):
    write(tmp_path, "good.txt", FRENCH)
    os.mkfifo(tmp_path / "pipe.txt")  # opening it would block until a writer comes
    loaded = sources.load([tmp_path])
    assert [s.id for s in loaded.sources] == ["good"]
    assert loaded.warnings == (f"W011 {tmp_path / 'pipe.txt'}: is a FIFO, not a regular file, skipped",)


def test_sources_symlink_out_of_the_folder_is_refused_unless_asked(tmp_path):
    (tmp_path / "corpus").mkdir()
    write(tmp_path / "corpus", "good.txt", FRENCH)
    write(tmp_path, "elsewhere.txt", FRENCH.replace("12 millions", "99 millions"))
    (tmp_path / "corpus" / "link.txt").symlink_to(tmp_path / "elsewhere.txt")
    (tmp_path / "corpus" / "inside.txt").symlink_to(tmp_path / "corpus" / "good.txt")
    loaded = sources.load([tmp_path / "corpus"])
    assert sorted(s.id for s in loaded.sources) == ["good", "inside"]
    assert len(loaded.warnings) == 1 and loaded.warnings[0].startswith("W012") and "link.txt" in loaded.warnings[0]
    assert sorted(s.id for s in sources.load([tmp_path / "corpus"], follow_symlinks=True).sources) == \
        ["good", "inside", "link"]


def test_sources_device_behind_a_symlink_is_not_read(tmp_path):
    write(tmp_path, "good.txt", FRENCH)
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    loaded = sources.load([tmp_path / "zero.txt", tmp_path / "good.txt"])  # named itself: followed, not read
    assert [s.id for s in loaded.sources] == ["good"] and loaded.warnings[0].startswith("W011")


@pytest.mark.parametrize("front, why", [
    ("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
     "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\ntitle: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n", "aliases"),
    ("title: " + "[" * 500 + "]" * 500 + "\n", "nested"),
])
def test_sources_front_matter_bombs_are_ignored_and_the_body_read(tmp_path, front, why):
    write(tmp_path, "a.txt", f"---\n{front}published: 2026-03-10\n---\n{FRENCH}")
    loaded = sources.load([tmp_path])
    assert loaded.sources[0].body == FRENCH and loaded.sources[0].title is None
    assert loaded.warnings[0].startswith("W007") and why in loaded.warnings[0]


@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01"])
def test_sources_publication_date_out_of_range_is_ignored(tmp_path, published):
    write(tmp_path, "a.txt", f"---\npublished: {published}\n---\n{FRENCH}")
    loaded = sources.load([tmp_path])
    assert loaded.sources[0].published is None and loaded.sources[0].published_origin == "unknown"
    assert loaded.warnings[0].startswith("W015") and published in loaded.warnings[0]


def test_sources_invisible_characters_are_named_with_their_lines(tmp_path):
    write(tmp_path, "a.txt", FRENCH + "Le site emploie 10\u200b000 salariés, selon \u202ela direction.\n")
    loaded = sources.load([tmp_path])
    assert loaded.warnings == (f"W013 {tmp_path / 'a.txt'}: 2 invisible characters (zero-width or bidi controls) "
                               "on line 2, read as spaces",)


@pytest.mark.parametrize("text, size", [("2MB", 2_000_000), ("500 KB", 500_000), ("1.5mb", 1_500_000),
                                        ("4096", 4096), ("20ko", 20_000)])
def test_parse_size(text, size):
    assert sources.parse_size(text) == size


@pytest.mark.parametrize("text", ["", "big", "-3MB", "0"])
def test_parse_size_refuses_what_is_no_size(text):
    with pytest.raises(ValueError):
        sources.parse_size(text)


def test_sources_file_name_not_in_utf8_is_named_with_escapes(tmp_path):
    write(tmp_path, "good.txt", FRENCH)
    (Path(os.fsdecode(bytes(tmp_path)) + os.fsdecode(b"/bad\xff.txt"))).write_text(FRENCH, encoding="utf-8")
    loaded = sources.load([tmp_path])
    assert [s.id for s in loaded.sources] == ["good"]
    assert loaded.warnings[0].startswith("W003") and "bad\\xff.txt" in loaded.warnings[0]
    loaded.warnings[0].encode("utf-8")  # writable as text: no lone surrogate left


def test_a_date_written_in_words_is_read_once_for_every_byline_that_writes_it():
    from reconcile.sources import _written_date, parse_date_phrase

    before = _written_date.cache_info()
    first = parse_date_phrase("17 mars 2031 à 8 h 10", anchored=True)
    again = parse_date_phrase("mardi 17 mars 2031, mis à jour", anchored=True)
    after = _written_date.cache_info()
    assert first == again == dt.date(2031, 3, 17)
    assert after.misses == before.misses + 1 and after.hits == before.hits + 1
