"""What extraction and comparison know, in three layers of data, gathered into one Settings object.

1. French language knowledge, packaged: reconcile/data/*.toml (cues of modality and attribution,
   frames of the parse, counters, dynamics, statuses, the attributes every story has).
2. Domain vocabularies, packaged: reconcile/data/domains/*.toml (labour, disasters, protests,
   finance, industry, elections, health): the attributes, nouns and predicate frames of kinds of stories.
3. A corpus's own additions: `reconcile.toml` beside its sources (any table of the files above:
   an attribute, a frame, a counter, a state word…) and `entities.toml` (names and aliases).

A later layer extends an earlier one: tables merge key by key, lists grow, single values are
replaced. The pipeline builds one Settings per run and passes it to extraction and comparison;
nothing here is a module-level singleton, so that two corpora never share their additions.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .errors import ConfigError, InputError
from .extract.lexicon import Lexicon, compile_layers, packaged_layers
from .normalize.entities import Registry, default_registry

CORPUS_FILE = "reconcile.toml"
ENTITIES_FILE = "entities.toml"


@dataclass(frozen=True)
class Settings:
    lexicon: Lexicon
    registry: Registry
    corpus_texts: tuple[str, ...] = ()  # the corpus layer's files as read: they shape claims, so they key the cache


def folders_of(paths: Iterable[str | Path]) -> list[Path]:
    """The folders whose files are a corpus's layer: each source folder, or a source file's folder."""
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        d = p if p.is_dir() else p.parent
        if d.resolve() not in {x.resolve() for x in out}:
            out.append(d)
    return out


def load(paths: Iterable[str | Path] = (), extra_entities: Iterable[str | Path] = ()) -> Settings:
    """The three layers for the sources at `paths` (and extra entity registries)."""
    folders = folders_of(paths)
    corpus: list[str] = []
    for f in (d / CORPUS_FILE for d in folders):
        if f.is_file():
            text = read_config(f)
            try:
                tomllib.loads(text)
            except tomllib.TOMLDecodeError as exc:
                raise InputError(f"corpus settings {f} are not valid TOML: {exc}") from None
            corpus.append(text)
    try:
        lexicon = compile_layers(packaged_layers() + tuple(corpus))
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"corpus settings ({', '.join(str(d / CORPUS_FILE) for d in folders)}) "
                         f"do not fit the packaged tables: {exc}") from None
    registry, texts = registry_for(folders, extra_entities)
    return Settings(lexicon, registry, tuple(corpus) + tuple(texts))


def registry_for(folders: Iterable[Path], extra: Iterable[str | Path] = ()) -> tuple[Registry, list[str]]:
    """The packaged registry, plus `entities.toml` in each folder, plus extra files; and the texts
    of the user files read."""
    reg = default_registry()
    texts: list[str] = []
    seen = set()
    for f in [Path(d) / ENTITIES_FILE for d in folders] + [Path(x) for x in extra]:
        if f.resolve() in seen or not f.is_file():
            continue
        seen.add(f.resolve())
        text = read_config(f)
        try:
            check_entities(f, tomllib.loads(text))
            reg.extend_from_toml(text)
        except (ValueError, KeyError) as exc:
            raise InputError(f"entity registry {f} is not valid: {exc}") from None
        texts.append(text)
    return reg, texts


def read_config(path: Path) -> str:
    """A user's settings file as text; one clear error naming it when it cannot be read or is not UTF-8."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"{path} cannot be read ({exc.strerror or exc})") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise ConfigError(f"{path}:{line}: not UTF-8 text (save it as UTF-8)") from None


_ENTITY_FIELDS = {"name": str, "type": str, "aliases": list, "descriptions": list}


def check_entities(path: Path, data: dict) -> None:
    """The `[[entity]]` tables of an entity registry have the fields and types the tool reads; the first
    that does not is named (file, table, field)."""
    entities = data.get("entity", [])
    if not isinstance(entities, list):
        raise ConfigError(f"{path}: entity must be a list of [[entity]] tables")
    for k, raw in enumerate(entities, 1):
        where = f"{path}: [[entity]] number {k}"
        if not isinstance(raw, dict):
            raise ConfigError(f"{where} is not a table")
        if "name" not in raw:
            raise ConfigError(f"{where} has no name")
        for field_, kind in _ENTITY_FIELDS.items():
            v = raw.get(field_)
            if v is None:
                continue
            if not isinstance(v, kind) or kind is str and not v.strip():
                raise ConfigError(f"{where}: {field_} must be {'a non-empty string' if kind is str else 'a list'}, "
                                  f"not {type(v).__name__} {v!r:.40}")
            if kind is list and not all(isinstance(x, str) and x.strip() for x in v):
                raise ConfigError(f"{where}: {field_} must be a list of non-empty strings")


PUBLISHER_FILE = "publisher.toml"  # in the claims folder: who publishes ClaimReview exports


def load_publisher(path: Path):
    """The `[publisher]` table of a publisher settings file (render.claimreview.Publisher): `name`, `url` and
    `review_url` (the address of a review, the finding's id appended). One clear error naming the file and
    the field when it is missing or wrong."""
    from .render.claimreview import Publisher

    if not path.is_file():
        raise ConfigError(f"{path} not found: ClaimReview export needs who publishes the reviews; write it with "
                          f"[publisher] name = \"…\", url = \"https://…\", review_url = \"https://…/\"")
    try:
        data = tomllib.loads(read_config(path))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None
    table = data.get("publisher")
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: no [publisher] table")
    for field_ in ("name", "url", "review_url"):
        v = table.get(field_)
        if not isinstance(v, str) or not v.strip():
            raise ConfigError(f"{path}: [publisher] {field_} must be a non-empty string")
    for field_ in ("url", "review_url"):
        if not table[field_].startswith(("https://", "http://")):
            raise ConfigError(f"{path}: [publisher] {field_} must be an http(s) address")
    return Publisher(table["name"].strip(), table["url"].strip(), table["review_url"].strip())
