"""Reading sources: files, folders and globs of .txt/.md/.html articles.

This is an edge module (it does I/O). Offsets are into the decoded text with
universal newlines (what `Path.read_text` returns), front matter included.
"""
from __future__ import annotations

import datetime as dt
import glob
import os
import re
import stat
import tomllib
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Iterable, Protocol

import yaml

from .errors import (
    DuplicateSourceId, InputError, NoSources, W_BINARY, W_CP1252, W_DATE_RANGE, W_EMPTY,
    W_FRONT_MATTER, W_HTML_EMPTY, W_INVISIBLE, W_MANIFEST, W_NOT_FRENCH, W_NOT_REGULAR, W_NUMBER_RANGE, W_SYMLINK_OUT,
    W_TOO_LARGE, W_UNREADABLE, W_UNSUPPORTED, reason, warning,
)
from .fileio import bounded_yaml
from .model import Source
from .normalize.text import INVISIBLE_CLASS

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
MANIFEST_NAME = "manifest.toml"
META_KEYS = ("title", "outlet", "url", "published", "language")
MAX_SIZE = 2_000_000  # bytes: a bigger file is skipped with a warning (--max-size changes it)
# Front matter is a few keys: YAML nested deeper, or with more aliases, is not an article's metadata (and an
# alias bomb, « billion laughs », would take the memory of the machine)
FRONT_MATTER_MAX_DEPTH = 8
FRONT_MATTER_MAX_ALIASES = 16
# Publication dates a calendar computation can start from: years beyond these are a typing error
EARLIEST, LATEST = dt.date(1800, 1, 1), dt.date(2199, 12, 31)
INVISIBLE = re.compile(f"[{INVISIBLE_CLASS}]")  # (normalize.text: zero-width and bidi controls)

_FRONT_MATTER = re.compile(r"\A(\ufeff?)---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)
_WORD = re.compile(r"[^\W\d_]+", re.U)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
_MONTH_DATE = re.compile(r"\b(\d{1,2})(?:er)?\s+([a-zéû]+)\.?\s+(\d{4})\b", re.I)


@dataclass(frozen=True)
class Loaded:
    """What reading a set of paths gave: sources and warnings."""

    sources: tuple[Source, ...]
    warnings: tuple[str, ...]


@lru_cache(maxsize=1)
def _settings() -> dict:
    return tomllib.loads((files("reconcile") / "data" / "sources.toml").read_text("utf-8"))


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Turn folders, globs and files into a sorted list of candidate files."""
    return [p for p, _ in _candidates(paths)]


def _candidates(paths: Iterable[str | Path]) -> list[tuple[Path, Path | None]]:
    """(file, the folder it was found in) for every candidate; a file named itself has no folder. Whatever a
    folder holds under an article's name is a candidate (a FIFO, a device or a folder is named by a warning,
    not passed over in silence)."""
    out: list[tuple[Path, Path | None]] = []
    for raw in paths:
        p = Path(raw)
        if any(ch in str(raw) for ch in "*?["):
            matches = sorted(Path(m) for m in glob.glob(str(raw), recursive=True))
            if not matches:
                raise InputError(f"no file matches {raw}")
            base = Path(glob.escape(str(raw)).split("[*]")[0].split("[?]")[0].split("[[]")[0] or ".")
            root = base if base.is_dir() else base.parent
            out.extend((m, root) for m in matches if not m.is_dir() or m.is_symlink())
        elif p.is_dir():  # (a folder named like an article is named too: it is not read, and not passed over)
            out.extend((c, p) for c in sorted(p.iterdir()) if c.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES)
        elif p.exists() or p.is_symlink():
            out.append((p, None))
        else:
            raise InputError(f"no such file or folder: {raw}")
    seen: set[Path] = set()
    unique = []
    for p, root in out:
        key = p.absolute()
        if key not in seen:
            seen.add(key)
            unique.append((p, root))
    return unique


class Shelf(Protocol):
    """What reading a file gave the last time it was read (store.SourceShelf): `load` takes it back when
    the file's signature (_signature: size, modification time, inode, what its manifest says) is the same."""

    def get(self, path: str, signature: list) -> tuple[Source | None, list[str]] | None: ...

    def put(self, path: str, signature: list, source: Source | None, warnings: list[str]) -> None: ...


def _signature(path: Path, manifest: dict, max_size: int) -> list | None:
    """What tells a file unchanged without reading it, as git's index does: its size, modification time
    (ns), inode and device, and what its manifest and the size limit say of it; None when it cannot be
    read."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    return [st.st_size, st.st_mtime_ns, st.st_ino, st.st_dev, repr(sorted(manifest.items())), max_size]


def load(paths: Iterable[str | Path], *, max_size: int = MAX_SIZE, follow_symlinks: bool = False,
         shelf: Shelf | None = None) -> Loaded:
    """Read every source under `paths`; bad files become warnings, not errors.

    A file over `max_size` bytes is skipped; a symbolic link found in a folder that leads out of it is
    skipped unless `follow_symlinks` (a file named on its own is read wherever it leads). With a `shelf`,
    a file whose signature has not changed since it was last read is taken from it, warnings and all."""
    found = _candidates(paths)
    files_ = [p for p, _ in found]
    warnings: list[str] = []
    manifests: dict[Path, dict] = {}
    sources: list[Source] = []
    by_id: dict[str, Path] = {}
    for path, root in found:
        if path.name == MANIFEST_NAME:
            continue
        if root is not None and not follow_symlinks and _leaves(path, root):
            warnings.append(warning(W_SYMLINK_OUT, str(path), "is a symbolic link that leads out of its folder, "
                                    "skipped (--follow-symlinks reads it)"))
            continue
        manifest = _manifest_for(path, manifests, warnings)
        sig = _signature(path, manifest, max_size) if shelf is not None else None
        where = str(path.absolute()) if sig is not None else ""
        kept = shelf.get(where, sig) if sig is not None else None
        if kept is not None:
            src, said = kept
            warnings.extend(said)
        else:
            said = []
            try:
                src = read_one(path, said, manifest, max_size=max_size)
            except (KeyboardInterrupt, SystemExit):
                raise
            except BaseException as exc:  # noqa: BLE001 — a file the readers choke on (an HTML parser's error…)
                if os.environ.get("RECONCILE_DEBUG"):
                    raise
                warnings.extend(said)
                warnings.append(warning(W_UNREADABLE, str(path), f"cannot be read ({reason(exc)}), skipped"))
                continue
            warnings.extend(said)
            if sig is not None:
                shelf.put(where, sig, src, said)
        if src is None:
            continue
        if src.id in by_id:
            raise DuplicateSourceId(
                f"two sources have the id {src.id!r}: {by_id[src.id]} and {path}")
        by_id[src.id] = path
        sources.append(src)
    if not sources:
        why = f" ({'; '.join(warnings)})" if warnings else ""
        raise NoSources("no readable source among: " + ", ".join(str(p) for p in files_) + why
                        if files_ else "no source file found (.txt, .md, .html)")
    return Loaded(tuple(sources), tuple(warnings))


def _leaves(path: Path, root: Path) -> bool:
    """True when `path` is a symbolic link (or lies under one) whose target is outside `root`."""
    if not path.is_symlink():
        return False
    try:
        return not path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a loop of links
        return True


def _manifest_for(path: Path, cache: dict, warnings: list[str]) -> dict:
    """The manifest entry of a file. `cache` holds each folder's manifest by its resolved path, and each
    folder as written with its resolved path (a folder's files are many: resolved once)."""
    written = ("as written", path.parent)
    if written not in cache:
        cache[written] = path.parent.resolve()
    folder = cache[written]
    if folder not in cache:
        mf = folder / MANIFEST_NAME
        data: dict = {}
        if mf.is_file():
            try:
                data = tomllib.loads(mf.read_text("utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
                warnings.append(warning(W_MANIFEST, str(mf), f"manifest ignored: {exc}"))
            for name in [k for k, v in data.items() if not isinstance(v, dict)]:
                warnings.append(warning(W_MANIFEST, str(mf), f"entry {name!r} is not a table, ignored"))
                del data[name]
        cache[folder] = data
    return cache[folder].get(path.name, {})


def read_one(path: Path, warnings: list[str], manifest: dict | None = None, *,
             max_size: int = MAX_SIZE) -> Source | None:
    """Read one file into a Source, or append a warning and return None."""
    name = str(path)
    suffix = path.suffix.lower()
    if _SURROGATE.search(name):  # bytes that are not UTF-8 in the name: no report, JSON or CSV could hold it
        shown = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        warnings.append(warning(W_UNREADABLE, shown, "file name is not valid UTF-8 (rename the file), skipped"))
        return None
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        warnings.append(warning(W_UNSUPPORTED, name, f"unsupported file type {suffix or '(none)'}, skipped"))
        return None
    raw = _read_regular(path, name, warnings, max_size)
    if raw is None:
        return None
    text = decode(raw, name, warnings)
    if text is None:
        return None
    _warn_invisible(text, name, warnings)
    _warn_huge_numbers(text, name, warnings)
    if suffix in HTML_SUFFIXES:
        return _from_html(path, text, warnings, manifest or {})
    return _from_text(path, text, warnings, manifest or {})


def _read_regular(path: Path, name: str, warnings: list[str], max_size: int) -> bytes | None:
    """The bytes of a regular file of at most `max_size` bytes; anything else is a warning. A FIFO or a
    device is never opened (reading one may block forever or never end)."""
    try:
        st = os.stat(path)
    except OSError as exc:
        warnings.append(warning(W_UNREADABLE, name, f"cannot be read ({exc.strerror or exc}), skipped"))
        return None
    if not stat.S_ISREG(st.st_mode):
        what = "a folder" if stat.S_ISDIR(st.st_mode) else "a FIFO" if stat.S_ISFIFO(st.st_mode) else \
            "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) else "a socket" \
            if stat.S_ISSOCK(st.st_mode) else "not a regular file"
        warnings.append(warning(W_NOT_REGULAR, name, f"is {what}, not a regular file, skipped"))
        return None
    too_big = f"over the size limit of {size_text(max_size)} (--max-size), skipped"
    if st.st_size > max_size:
        warnings.append(warning(W_TOO_LARGE, name, f"is {size_text(st.st_size)}, {too_big}"))
        return None
    try:
        with path.open("rb") as fh:
            raw = fh.read(max_size + 1)  # the file may have grown since
    except OSError as exc:
        warnings.append(warning(W_UNREADABLE, name, f"cannot be read ({exc.strerror or exc}), skipped"))
        return None
    if len(raw) > max_size:
        warnings.append(warning(W_TOO_LARGE, name, f"is larger than {size_text(max_size)}: {too_big}"))
        return None
    return raw


def size_text(n: int) -> str:
    """« 2 MB », « 20 KB », « 950 bytes » (decimal units, as `--max-size` reads them)."""
    for unit, size in (("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if n >= size:
            return f"{n / size:.3g} {unit}"
    return f"{n} bytes"


def parse_size(text: str) -> int:
    """« 2MB », « 500 KB », « 1.5GB » or a number of bytes; ValueError otherwise."""
    m = re.fullmatch(r"\s*(\d+(?:[.,]\d+)?)\s*([kmg]?)(?:i?b|o)?\s*", str(text), re.I)
    if not m:
        raise ValueError(f"not a size: {text!r} (say 2MB, 500KB or a number of bytes)")
    n = float(m.group(1).replace(",", ".")) * {"": 1, "k": 10**3, "m": 10**6, "g": 10**9}[m.group(2).lower()]
    if n < 1:
        raise ValueError(f"the size limit must be at least one byte, not {text!r}")
    return int(n)


def _warn_invisible(text: str, name: str, warnings: list[str]) -> None:
    """Zero-width and bidi control characters hide what a quote says: they are named, and read as spaces
    (extract.nlp), so that « 10\u200b000 » is ten thousand."""
    found = [m.start() for m in INVISIBLE.finditer(text) if m.start() > 0 or text[0] != "\ufeff"]
    if found:
        lines = sorted({text.count("\n", 0, i) + 1 for i in found})
        warnings.append(warning(W_INVISIBLE, name, f"{len(found)} invisible character{'s' * (len(found) > 1)} "
                                f"(zero-width or bidi controls) on {_lines_text(lines)}, read as spaces"))


_SURROGATE = re.compile("[\ud800-\udfff]")
_NOT_DIGITS = re.compile(r"\D+")
_HUGE_NUMBER = re.compile(r"\d{300,}|\d{1,3}(?:[ \u00a0\u202f.]\d{3}){100,}")  # written whole, or in groups


def _warn_huge_numbers(text: str, name: str, warnings: list[str]) -> None:
    """A figure of 300 digits or more cannot be represented: the normalizer does not read it; say so."""
    if len(_NOT_DIGITS.sub("", text)) < 300:
        return  # too few digits in the whole text for one such figure: no need to search for one
    lines = sorted({text.count("\n", 0, m.start()) + 1 for m in _HUGE_NUMBER.finditer(text)
                    if sum(c.isdigit() for c in m.group()) >= 300})
    if lines:
        warnings.append(warning(W_NUMBER_RANGE, name, f"a number too large to represent on {_lines_text(lines)}, "
                                "not read"))


def _lines_text(lines: list[int]) -> str:
    shown = ", ".join(map(str, lines[:8])) + (f"… ({len(lines)} lines)" if len(lines) > 8 else "")
    return f"line{'s' * (len(lines) > 1)} {shown}"


def decode(raw: bytes, name: str, warnings: list[str]) -> str | None:
    """Bytes to text: UTF-8 (BOM kept as U+FEFF); the lines that are not UTF-8 are read as cp1252, and named
    in a warning (a file pasted together from two editors keeps its UTF-8 lines intact)."""
    for bom, codec in _UNICODE_BOMS:  # UTF-16/32 ("Unicode" text from Windows) before the binary test
        if raw.startswith(bom):
            try:
                text = raw[len(bom):].decode(codec)
            except UnicodeDecodeError:
                break
            if not text.strip():
                warnings.append(warning(W_EMPTY, name, "empty file, skipped"))
                return None
            return text.replace("\r\n", "\n").replace("\r", "\n")
    if not raw.strip(b" \t\r\n\xef\xbb\xbf"):
        warnings.append(warning(W_EMPTY, name, "empty file, skipped"))
        return None
    if _looks_binary(raw):
        warnings.append(warning(W_BINARY, name, "binary file, skipped"))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        parts, bad = [], []
        for n, line in enumerate(raw.split(b"\n"), 1):
            try:
                parts.append(line.decode("utf-8"))
            except UnicodeDecodeError:
                parts.append(line.decode("cp1252", errors="replace"))
                bad.append(n)
        text = "\n".join(parts)
        if len(bad) == len(parts):
            warnings.append(warning(W_CP1252, name, "not valid UTF-8, decoded as cp1252"))
        else:
            warnings.append(warning(W_CP1252, name, f"{_lines_text(bad)} not valid UTF-8, decoded as cp1252"))
    return text.replace("\r\n", "\n").replace("\r", "\n")


_UNICODE_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                 (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def _looks_binary(raw: bytes) -> bool:
    head = raw[:8192]
    if b"\x00" in head:
        return True
    control = len(head.translate(None, _NOT_CONTROL))  # the control bytes left when every other is deleted
    return control > len(head) * 0.05


_NOT_CONTROL = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 12, 13))


_SAFE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when PyYAML was built with it: faster


def split_front_matter(text: str, name: str, warnings: list[str]) -> tuple[dict, int]:
    """Return (metadata, offset where the body starts)."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, 1 if text.startswith("\ufeff") else 0
    why = bounded_yaml(m.group(2) or "", max_depth=FRONT_MATTER_MAX_DEPTH, max_aliases=FRONT_MATTER_MAX_ALIASES,
                       loader=_SAFE)
    if why:
        warnings.append(warning(W_FRONT_MATTER, name, f"front matter {why[1]}, ignored"))
        return {}, m.end()
    try:
        meta = yaml.load(m.group(2) or "", Loader=_SAFE) or {}  # noqa: S506 (a safe loader)
    except (yaml.YAMLError, ValueError) as exc:  # PyYAML raises ValueError for "2026-13-45"
        warnings.append(warning(W_FRONT_MATTER, name, f"front matter is not valid YAML ({exc.__class__.__name__}), ignored"))
        return {}, m.end()
    if not isinstance(meta, dict):
        warnings.append(warning(W_FRONT_MATTER, name, "front matter is not a mapping, ignored"))
        return {}, m.end()
    return {k: meta[k] for k in META_KEYS if k in meta}, m.end()


def _from_text(path: Path, text: str, warnings: list[str], manifest: dict) -> Source | None:
    name = str(path)
    meta, body_start = split_front_matter(text, name, warnings)
    meta = {**manifest, **meta}
    body = text[body_start:]
    if not body.strip():
        warnings.append(warning(W_EMPTY, name, "no article text after the front matter, skipped"))
        return None
    return _finish(Source(id=path.stem, path=name, text=text, body_start=body_start), meta, warnings)


def _from_html(path: Path, html: str, warnings: list[str], manifest: dict) -> Source | None:
    import trafilatura

    name = str(path)
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      date_extraction_params={"extensive_search": False,
                                                              "original_date": True})
    text = (doc.text if doc is not None else "") or ""
    if not text.strip():
        warnings.append(warning(W_HTML_EMPTY, name, "no article text found in the HTML, skipped"))
        return None
    meta = {"title": doc.title, "outlet": doc.sitename, "url": doc.url, "published": doc.date,
            "language": doc.language}
    meta = {k: v for k, v in meta.items() if v}
    meta = {**meta, **manifest}
    src = Source(id=path.stem, path=name, text=text, kind="html")
    return _finish(src, meta, warnings)


def _finish(src: Source, meta: dict, warnings: list[str]) -> Source | None:
    language = str(meta.get("language") or "").lower() or None
    if language and not language.startswith("fr"):
        warnings.append(warning(W_NOT_FRENCH, src.path, f"language is {language!r}, not French; skipped"))
        return None
    if not language and not looks_french(src.body):
        warnings.append(warning(W_NOT_FRENCH, src.path, "text does not look French, skipped"))
        return None
    meta = dict(meta, outlet=meta.get("outlet") or infer_outlet(src.body))
    published, origin = _coerce_date(meta.get("published")), "metadata"
    if published is None:
        published = infer_published(src.body)
        origin = "inferred" if published else "unknown"
    if published is not None and not EARLIEST <= published <= LATEST:
        warnings.append(warning(W_DATE_RANGE, src.path, f"publication date {published.isoformat()} is out of "
                                f"range ({EARLIEST.year}–{LATEST.year}), ignored"))
        published, origin = None, "unknown"
    return replace(
        src,
        title=_str(meta.get("title")), outlet=_str(meta.get("outlet")), url=_str(meta.get("url")),
        published=published, published_origin=origin, language=language or "fr",
    )


def _str(v) -> str | None:
    return str(v).strip() or None if v not in (None, "") else None


def _coerce_date(v) -> dt.date | None:
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if isinstance(v, str):
        try:
            return dt.date.fromisoformat(v.strip()[:10])
        except ValueError:
            return parse_date_phrase(v)
    return None


def looks_french(text: str) -> bool:
    """True when enough of the words are French function words (or the text is short)."""
    cfg = _settings()["language"]
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    if len(words) < cfg["min_words"]:
        return True
    known = _french_words()
    return sum(w in known for w in words) / len(words) >= cfg["min_ratio"]


@lru_cache(maxsize=1)
def _french_words() -> frozenset[str]:
    return frozenset(_settings()["language"]["french_words"])


@lru_cache(maxsize=1)
def _byline_patterns() -> list[tuple[re.Pattern, bool]]:
    cfg = _settings()["bylines"]
    loose = set(cfg.get("loose", []))
    return [(re.compile(r"^\W*" + cue, re.I), cue in loose) for cue in cfg["cues"]]


_LINE_TAIL = re.compile(r"\s*(?:(?:à|a|-|,)\s*\d{1,2}\s*[h:]\s*\d{0,2})?\W*$", re.I)


# « Berry Info – publié le 12 mars 2026 »: an outlet's name set before the byline, after a dash or a bar
_OUTLET_LEAD = re.compile(r"^[^\n\d]{2,60}?\s[–—|-]\s+")


# « Par Anne Roux – Valbrune Matin, lundi 9 mars 2026 »: the outlet after the author and a dash
_BYLINE_OUTLET = re.compile(r"^\W*par\s+[^–—|\n]{2,60}?\s[–—|-]\s+(?P<o>[^,\n\d]{2,60}?)\s*,", re.I)
_ENDS_DATED = re.compile(r"(?:\d{4}|\d{1,2}\s*[h:]\s*\d{0,2})\W*$")  # a byline ends on its date (and hour)


def infer_outlet(body: str) -> str | None:
    """The outlet a byline names, when the front matter gives none: « Par Anne Roux – Valbrune Matin,
    lundi 9 mars 2026 », « Berry Info – publié le 12 mars 2026 ». Only a short line that ends on a
    date is a byline (« Le rapport – publié mardi – … » is a sentence)."""
    for line in body.split("\n")[: _settings()["bylines"]["max_line"]]:
        if len(line) > 120 or not _ENDS_DATED.search(line):
            continue
        m = _BYLINE_OUTLET.match(line)
        if m is not None:
            return m.group("o").strip()
        lead = _OUTLET_LEAD.match(line)
        if lead is not None and re.match(r"\s*publi", line[lead.end():], re.I):
            return line[:lead.end()].rstrip(" –—|-").strip() or None
    return None


def infer_published(body: str) -> dt.date | None:
    """Publication date from a byline ("Par X le 22/01/2026", "Publié le 3 mars 2025",
    "Berry Info – publié le jeudi 12 mars 2026 à 18 h 20")."""
    cfg = _settings()["bylines"]
    lines = body.split("\n")[: cfg["max_line"]]
    lines += [line[lead.end():] for line in lines if (lead := _OUTLET_LEAD.match(line))]
    for pattern, loose in _byline_patterns():
        for line in lines:
            m = pattern.match(line)
            if not m or (loose and len(line.strip()) > cfg.get("short_line", 90)):
                continue
            rest = line[m.end():]
            found = parse_date_phrase(rest[:60], anchored=True)
            if found and loose:
                d = _NUMERIC_DATE.search(rest) or _MONTH_DATE.search(rest)
                if not _LINE_TAIL.fullmatch(rest[d.end():]):
                    continue  # "Le 3 mars 2024, Renault a annoncé…" is a sentence, not a byline
            if found:
                return found
    return None


_WEEKDAY_LEAD = re.compile(r"^\s*(?:le\s+)?(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s*$", re.I)


def parse_date_phrase(s: str, *, anchored: bool = False) -> dt.date | None:
    """The first full date ("22/01/2026", "3 mars 2025") in a short phrase.

    `anchored`: the date must open the phrase (bylines: "le 22/01/2026").
    """
    m = _NUMERIC_DATE.search(s) or _MONTH_DATE.search(s)
    if m is None or (anchored and _WEEKDAY_LEAD.sub("", s[:m.start()]).strip(" \t,:")):
        return None  # (a weekday may open it: « mardi 24 février 2026 »)
    if m.re is _NUMERIC_DATE:
        try:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            return None
    return _written_date(m.group(0))


@lru_cache(maxsize=4096)  # an archive's bylines write the same days again and again
def _written_date(phrase: str) -> dt.date | None:
    """A full date written in words (« 3 mars 2025 »), read by dateparser."""
    import dateparser

    parsed = dateparser.parse(phrase, languages=["fr"],
                              settings={"RELATIVE_BASE": dt.datetime(2000, 1, 1),
                                        "REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.date() if parsed else None
