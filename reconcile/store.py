"""The claim base under claims/: reviewers' decisions and the per-source claim cache.

Decisions live in `claims/decisions.yaml`, keyed by finding id, each with its
full history. Writes take a lock and re-read the file under it, so two
reviewers writing at once both land; files are replaced atomically.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from importlib.resources import files
from pathlib import Path

import yaml
from filelock import FileLock

from . import __version__
from .errors import W_CACHE, DecisionError, EditedDecisions, reason, warning
from .fileio import _mode_for, bounded_yaml, dumps, write_text
from .model import Bounds, Claim, Interval, Source

DECISIONS = "decisions.yaml"
STATUSES = ("confirmed", "dismissed", "resolved", "open")
_HEADER = ("# Reviewers' decisions, keyed by finding id. Written by `reconcile review`;\n"
           "# each finding keeps its whole history, newest last. Comments you add are kept.\n"
           "# The last line is the tool's check that nothing was lost: after a hand edit,\n"
           "# `reconcile review --accept-edits` takes the file as it is.\n")
TRAILER = "# reconcile-trailer:"
_TRAILER_LINE = re.compile(r"^# reconcile-trailer: decisions=(\d+) sha256=([0-9a-f]{64})\s*\Z")
MAX_DEPTH, MAX_ALIASES = 10, 0  # the shape `review` writes: no deeper, and no YAML alias at all


def load_decisions(claims_dir: Path) -> dict:
    """finding id -> {entity, attribute, history: [...]}; empty when there is no file. A file that is not
    the shape `review` writes stops the run, naming the line that breaks it."""
    path = Path(claims_dir) / DECISIONS
    text = _decisions_text(path)
    if text is None:
        return {}
    why = bounded_yaml(text, max_depth=MAX_DEPTH, max_aliases=MAX_ALIASES)
    if why:
        raise DecisionError(f"{path}:{why[0]}: {why[1]}, not a decisions file")
    loader = _TextLoader(text)
    try:  # one parse: the node tree gives each entry's line, the document built from it the data
        node = loader.get_single_node()
        data = (loader.construct_document(node) if node is not None else None) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise DecisionError(f"{path}{where}: not valid YAML ({getattr(exc, 'problem', None) or exc})") from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        raise DecisionError(f"{path} must map finding ids to decisions")
    lines = {k.value: k.start_mark.line + 1 for k, _ in node.value} if isinstance(node, yaml.MappingNode) else {}
    for key, rec in data.items():
        _validate(path, key, rec, lines.get(str(key)))
    return data


def _decisions_text(path: Path) -> str | None:
    if not path.exists() and not path.is_symlink():
        return None
    try:
        return path.read_text("utf-8")
    except IsADirectoryError:
        raise DecisionError(f"{path} is a folder, not a decisions file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DecisionError(f"{path}: cannot be read ({getattr(exc, 'strerror', None) or exc})") from None


def decisions_changed(claims_dir: Path, data: dict | None = None) -> str | None:
    """What differs between the decisions file and what the tool last wrote (its trailer: the number of
    decisions and a digest of the text above it), or None when they agree or there is no file. A file cut
    short loses its trailer; a hand edit changes the digest."""
    path = Path(claims_dir) / DECISIONS
    text = _decisions_text(path)
    if text is None:
        return None
    data = load_decisions(claims_dir) if data is None else data
    count = _count(data)
    body, last = _split_trailer(text)
    m = _TRAILER_LINE.match(last)
    if m is None:
        return (f"{path}: the tool's trailer line is missing ({count} decision(s) read): the file was cut short "
                "or written by hand")
    written, digest = int(m.group(1)), m.group(2)
    if digest != _digest(body):
        return (f"{path}: changed since the tool wrote it ({count} decision(s) now, {written} when written)")
    return None


def _split_trailer(text: str) -> tuple[str, str]:
    """(the text above its last line, with its newline; the last line): where the tool's trailer stands."""
    body, _, last = text.rstrip("\n").rpartition("\n")
    return body + "\n", last


def _count(data: dict) -> int:
    return sum(len(rec.get("history", [])) + ("status" in rec) for rec in data.values() if isinstance(rec, dict))


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class _TextLoader(yaml.SafeLoader):
    """Safe YAML where dates stay text (`at: 2026-01-22` edited by hand is a string, as written)."""


_TextLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _validate(path: Path, key, rec, line: int | None = None) -> None:
    """A decision record as `review` writes it; anything else names the entry (and its line) and stops."""
    where = f"{path}:{line}" if line else str(path)
    if not isinstance(key, str):
        raise DecisionError(f"{where}: key {key!r} is not a finding id")
    if not isinstance(rec, dict):
        raise DecisionError(f"{where}: {key} must be a mapping with a history")
    history = rec.get("history", [])
    if not isinstance(history, list) or not all(isinstance(h, dict) for h in history):
        raise DecisionError(f"{where}: {key}: history must be a list of decisions")
    for h in history + ([rec] if "status" in rec else []):
        if h.get("status") not in STATUSES:
            raise DecisionError(f"{where}: {key}: status {h.get('status')!r} is not one of {', '.join(STATUSES)}")
        for field_ in ("note", "reviewer", "at", "keep"):
            if isinstance(h.get(field_), (dict, list)):
                raise DecisionError(f"{where}: {key}: {field_} must be text")


def record_decision(claims_dir: Path, finding, *, status: str, note: str, reviewer: str,
                    keep: str | None = None, now: dt.datetime | None = None, accept_edits: bool = False) -> dict:
    """Append a decision to a finding's history (under a lock) and return the record. The file keeps its
    comments and order; a file that differs from what the tool last wrote is not rewritten unless
    `accept_edits`."""
    if status not in STATUSES:
        raise DecisionError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
    if keep and keep not in finding.claims:
        raise DecisionError(f"--keep {keep} is not a claim of finding {finding.id}")
    claims_dir = Path(claims_dir)
    claims_dir.mkdir(parents=True, exist_ok=True)
    when = (now or dt.datetime.now(dt.timezone.utc)).replace(microsecond=0).isoformat()
    entry = {"status": status, "reviewer": reviewer, "at": when, "note": note}
    if keep:
        entry["keep"] = keep
    path = claims_dir / DECISIONS
    with FileLock(str(claims_dir / (DECISIONS + ".lock")), timeout=30):
        data = load_decisions(claims_dir)  # re-read under the lock: nothing written meanwhile is lost
        changed = decisions_changed(claims_dir, data)
        if changed and not accept_edits:
            raise EditedDecisions(f"{changed}; not rewritten: check it, then `reconcile review --accept-edits` "
                                  "to keep it as it is")
        doc = _round_trip(path)
        # a finding that grew carries the decision recorded under its earlier id: its history goes on there
        key = (getattr(finding, "decision", None) or {}).get("carried_from") or finding.id
        rec = doc.get(key)
        if rec is None:
            rec = {"entity": finding.entity, "attribute": finding.attribute, "kind": finding.kind,
                   "claims": list(finding.claims), "history": []}
            doc[key] = rec
        rec.setdefault("history", []).append(entry)
        write_text(path, _with_trailer(_dump(doc), _count(doc)))
        return load_decisions(claims_dir)[key]  # as every reader reads it (plain text, no YAML types)


def _yaml():
    from ruamel.yaml import YAML

    y = YAML(typ="rt")  # round trip: comments and order as they are; builds plain data only (safe)
    y.preserve_quotes = True
    y.width = 100
    return y


def _round_trip(path: Path):
    """The decisions file as ruamel's round-trip document (comments kept), without the tool's trailer."""
    from ruamel.yaml.comments import CommentedMap

    text = path.read_text("utf-8") if path.is_file() else ""
    body, last = _split_trailer(text)
    if last.startswith(TRAILER):
        text = body
    if not text.strip():
        return CommentedMap()
    doc = _yaml().load(text)
    return doc if doc is not None else CommentedMap()


def _dump(doc) -> str:
    import io

    buf = io.StringIO()
    _yaml().dump(doc, buf)
    text = buf.getvalue()
    return text if text.startswith("#") else _HEADER + text


def _with_trailer(text: str, count: int) -> str:
    text = text if text.endswith("\n") else text + "\n"
    return text + f"{TRAILER} decisions={count} sha256={_digest(text)}\n"


# ---------------------------------------------------------------- claim cache

_SHAPERS = ("data", "data/domains", "normalize", "extract")  # what decides the claims of a source


_JUDGES = ("compare",)  # and, with the shapers, what decides the findings of a slot of claims


def shaping_files(folders: tuple[str, ...] = _SHAPERS) -> list[str]:
    """The package files (code and data) whose content decides the claims of a source (or, with other
    `folders`, what else)."""
    out = []
    for folder in folders:
        root = files("reconcile").joinpath(*folder.split("/"))
        out += [f"{folder}/{n}" for n in sorted(p.name for p in root.iterdir() if p.name.endswith((".toml", ".py")))]
    return out


def data_fingerprint(extra_texts: list[str] = (), *, comparison: bool = False, whole: bool = False) -> str:
    """A hash of the tool version, the code and data that extract claims, and user data that shapes them;
    with `comparison`, of the code that compares them and the model they are made of too; with `whole`,
    of every file of the package (what a whole run's result may depend on)."""
    h = hashlib.sha256(__version__.encode())
    if whole:
        root = Path(str(files("reconcile")))
        names = sorted("/".join(p.relative_to(root).parts) for p in root.rglob("*")
                       if p.suffix in (".py", ".toml", ".json", ".yaml") and "__pycache__" not in p.parts)
    else:
        names = shaping_files(_SHAPERS + _JUDGES) + ["model.py"] if comparison else shaping_files()
    for name in names:
        h.update(name.encode())
        h.update(files("reconcile").joinpath(*name.split("/")).read_bytes())
    for t in extra_texts:
        h.update(t.encode())
    return h.hexdigest()[:16]


class ClaimCache:
    """Claims of one source, stored under `dir/<source id>.json`, keyed by a content hash."""

    def __init__(self, folder: Path, salt: str = ""):
        self.folder = Path(folder)
        self.salt = salt or data_fingerprint()

    def _key(self, src: Source) -> str:
        meta = f"{src.published}|{src.kind}|{self.salt}"
        return hashlib.sha256((meta + "\0" + src.text).encode()).hexdigest()

    def _path(self, src: Source) -> Path:
        return self.folder / f"{src.id}.json"

    def holds(self, src: Source) -> bool:
        """Whether the cache has an entry for this source (one that may no longer match it: `get` tells)."""
        return self._path(src).exists()

    def get(self, src: Source, warnings: list[str] | None = None) -> list[Claim] | None:
        """The cached claims of a source, or None when its text, date or the extractor changed. A damaged
        entry is a cache miss too, said in `warnings` (the entry is rebuilt)."""
        path = self._path(src)
        if not path.exists():
            return None

        def damaged(why: str) -> None:
            if warnings is not None:
                warnings.append(warning(W_CACHE, str(path), f"claim cache entry unreadable ({why}), rebuilt"))

        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError, RecursionError) as exc:
            damaged(getattr(exc, "strerror", None) or exc.__class__.__name__)
            return None
        if not isinstance(data, dict) or not isinstance(data.get("claims"), list):
            damaged("not a cache entry")
            return None
        if data.get("key") != self._key(src):
            return None  # the text, its date or the extractor changed: a plain miss
        try:
            return [claim_from_dict(d, src) for d in data["claims"]]
        except (KeyError, TypeError, ValueError, AttributeError, RecursionError) as exc:
            damaged(exc.__class__.__name__)
            return None

    def put(self, src: Source, claims: list[Claim], warnings: list[str] | None = None) -> None:
        """Cache a source's claims (atomically); a cache that cannot be written is said, never fatal."""
        body = {"key": self._key(src), "source": src.id, "claims": [c.to_dict() for c in claims]}
        path = self._path(src)
        try:
            write_text(path, dumps(body, indent=1) + "\n")
        except OSError as exc:
            if warnings is not None:
                warnings.append(warning(W_CACHE, str(path), f"claim cache entry cannot be written "
                                        f"({exc.strerror or exc}), not cached"))


def _value_from_json(v):
    if isinstance(v, dict) and "start" in v:
        return Interval(dt.date.fromisoformat(v["start"]), dt.date.fromisoformat(v["end"]))
    if isinstance(v, dict):
        return Bounds(v.get("low"), v.get("high"))
    if isinstance(v, (int, float)):
        return float(v)
    return v


def claim_from_dict(d: dict, src: Source | None = None) -> Claim:
    """The inverse of Claim.to_dict (for the cache)."""
    t = d.get("time")
    return Claim(
        id=d["id"], source=d["source"], start=d["start"], end=d["end"], line=d["line"], quote=d["quote"],
        sentence=d["sentence"], entity=d["entity"], attribute=d["attribute"],
        value=_value_from_json(d["value"]), kind=d["kind"], unit=d.get("unit"),
        approx=d.get("approx", False), precision=float(d["precision"]) if d.get("precision") is not None else None,
        cue=d.get("cue"),
        time=Interval(dt.date.fromisoformat(t["start"]), dt.date.fromisoformat(t["end"])) if t else None,
        time_origin=d.get("time_origin", "unknown"), modality=d.get("modality", "assertion"),
        status=d.get("status"), attributed_to=d.get("attributed_to"),
        subject_origin=d.get("subject_origin", "explicit"), confidence=d.get("confidence", 0.5),
        published=src.published if src else None,
        scope=tuple(sorted((str(k), str(v)) for k, v in (d.get("scope") or {}).items())),
        rules=tuple((str(k), str(v)) for k, v in (d.get("rules") or {}).items()),
        part_of=d.get("part_of"), relation=d.get("relation"), corrects=d.get("corrects"))


# ---------------------------------------------------------------- claim base

BASE = "base.json"
BASE_SCHEMA = "reconcile-claims/1"


def source_digest(src: Source) -> str:
    """SHA-256 of a source's decoded text."""
    return hashlib.sha256(src.text.encode("utf-8")).hexdigest()


def load_base(claims_dir: Path) -> dict:
    """The committed claim base: known sources (by content hash) and known findings."""
    path = Path(claims_dir) / BASE
    if path.is_dir():
        raise DecisionError(f"{path} is a folder, not a claim base")
    if not path.is_file():
        return {"schema": BASE_SCHEMA, "sources": {}, "claims": {}, "findings": {}}
    try:
        data = json.loads(path.read_text("utf-8"))
    except IsADirectoryError:
        raise DecisionError(f"{path} is a folder, not a claim base") from None
    except (OSError, ValueError) as exc:
        raise DecisionError(f"{path} is not valid JSON: {' '.join(str(exc).split())}") from None
    except RecursionError:
        raise DecisionError(f"{path} is nested too deep to be a claim base") from None
    if not isinstance(data, dict) or data.get("schema") != BASE_SCHEMA:
        raise DecisionError(f"{path} is not a {BASE_SCHEMA} claim base")
    if not all(isinstance(data.get(k, {}), dict) for k in ("sources", "claims", "findings")):
        raise DecisionError(f"{path}: sources, claims and findings must be mappings")
    for k in ("sources", "findings"):
        bad = next((i for i, v in data.get(k, {}).items() if not isinstance(v, dict)), None)
        if bad is not None:
            raise DecisionError(f"{path}: {k}.{bad} must be a mapping")
    if any(not isinstance(v.get("sha256", ""), str) for v in data.get("sources", {}).values()):
        raise DecisionError(f"{path}: a source's sha256 must be text")
    return data


def base_of(report) -> dict:
    """The claim base a report defines: sources, one line per claim, and the findings."""
    from .render.common import value_text

    return {
        "schema": BASE_SCHEMA,
        "sources": {s.id: {"path": s.path, "sha256": source_digest(s)} for s in report.sources},
        "claims": {c.id: f"{c.source}:{c.line} {c.entity} · {c.attribute} = {value_text(c)} «{c.quote}»"
                   for c in report.claims},
        "findings": {f.id: {"kind": f.kind, "severity": f.severity, "entity": f.entity,
                            "attribute": f.attribute, "claims": list(f.claims)} for f in report.findings},
    }


def write_base(claims_dir: Path, report) -> Path:
    """Record the report's sources, claims and findings as the claim base (atomically)."""
    text = dumps(base_of(report), indent=1, sort_keys=True) + "\n"
    return write_text(Path(claims_dir) / BASE, text)


class _Cache:
    """A cache file of the claims folder: whatever goes wrong with it is said (W017) in `warnings`, never
    fatal (the run does without it)."""

    def __init__(self, path: Path, warnings: list[str] | None = None):
        self.path = Path(path)
        self.warnings = warnings

    def _say(self, why: str) -> None:
        if self.warnings is not None:
            self.warnings.append(warning(W_CACHE, str(self.path), why))


def finding_from_dict(d: dict):
    """The inverse of Finding.to_dict (for the caches)."""
    from .model import Finding

    return Finding(**dict(d, claims=tuple(d["claims"]), outliers=tuple(d["outliers"])))


# ---------------------------------------------------------------- source shelf

class SourceShelf(_Cache):
    """What reading each source file gave (its Source and warnings), by the file's signature
    (sources._signature: size, modification time, inode...), in one JSON file: a run over ten thousand
    unchanged articles does not parse their front matter and bylines again. As git's index does, a file
    modified less than two seconds before the shelf was written is read again (its time may not show a
    change made within the same tick).

    It is a cache: a damaged file is said (W017) and done without; it is written atomically, and only
    when something changed."""

    SCHEMA = 1
    MARGIN_NS = 2_000_000_000

    def __init__(self, path: Path, warnings: list[str] | None = None):
        super().__init__(path, warnings)
        self.entries: dict[str, list] = {}
        self.written = 0
        self.changed = False
        self.seen: set[str] = set()
        if not self.path.is_file():
            return
        try:
            data = json.loads(self.path.read_text("utf-8"))
            if not isinstance(data, dict) or data.get("schema") != self.SCHEMA or \
                    not isinstance(data.get("entries"), dict) or not isinstance(data.get("written_ns"), int):
                raise ValueError("not a source shelf")
            self.entries, self.written = data["entries"], data["written_ns"]
        except (OSError, ValueError, RecursionError) as exc:
            self._say(f"source shelf unreadable ({reason(exc)}), sources read anew")

    def get(self, path: str, signature: list):
        self.seen.add(path)
        entry = self.entries.get(path)
        if not isinstance(entry, list) or len(entry) != 3 or entry[0] != signature or \
                signature[1] >= self.written - self.MARGIN_NS:
            return None
        try:
            return (_source_from(entry[1]) if entry[1] is not None else None), [str(w) for w in entry[2]]
        except (TypeError, ValueError, KeyError, AttributeError):
            return None

    def put(self, path: str, signature: list, source: Source | None, warnings: list[str]) -> None:
        self.seen.add(path)
        self.entries[path] = [signature, _source_to(source) if source is not None else None, list(warnings)]
        self.changed = True

    def close(self) -> None:
        """Write the entries of the files this run read, when any changed (files no longer read are dropped)."""
        gone = set(self.entries) - self.seen
        if not self.changed and not gone:
            return
        import time

        body = {"schema": self.SCHEMA, "written_ns": time.time_ns(),
                "entries": {k: v for k, v in self.entries.items() if k in self.seen}}
        try:
            write_text(self.path, dumps(body) + "\n")
        except OSError as exc:
            self._say(f"source shelf cannot be written ({exc.strerror or exc}), not kept")


def _source_to(s: Source) -> dict:
    return {f: (v.isoformat() if isinstance(v, dt.date) else v) for f, v in s.__dict__.items()}


def _source_from(d: dict) -> Source:
    published = d.get("published")
    return Source(**dict(d, published=dt.date.fromisoformat(published) if published else None))


# ---------------------------------------------------------------- run memo

class RunMemo(_Cache):
    """What the last run found, keyed by a digest of everything it read (run_key): its findings and
    observations before decisions, its entities, the claims its findings hold and the warnings it gave
    beyond reading the sources, in one JSON Lines file (its key, then the rest). A run whose sources,
    settings and code are those of the last one, and that needs no more than the findings' claims
    (`reconcile check`), takes them from here instead of reading every claim of the corpus and comparing
    them again.

    It is a cache: a damaged file is said (W017) and done without; it is written atomically."""

    SCHEMA = 2  # 2: a first line of its own holds the key, so that a run of other inputs reads no further

    def get(self, key: str, sources) -> dict | None:
        """The last run's result when its key is `key`, with its claims read back (`sources`: by id)."""
        from .model import Entity

        if not self.path.is_file():
            return None
        try:
            with self.path.open(encoding="utf-8") as f:
                head = json.loads(f.readline())
                if not isinstance(head, dict) or not isinstance(head.get("schema"), int):
                    raise ValueError("not a run memo")
                if head["schema"] != self.SCHEMA or head.get("key") != key:
                    return None  # another run's, or another version's: a plain miss
                data = json.loads(f.read())
            return {
                "flagged": [finding_from_dict(d) for d in data["flagged"]],
                "noted": [finding_from_dict(d) for d in data["noted"]],
                "entities": [Entity(e["name"], tuple(e["forms"]), tuple((w["form"], w["why"]) for w in e["evidence"]),
                                    e["claims"]) for e in data["entities"]],
                "claims": [claim_from_dict(d, sources.get(d["source"])) for d in data["claims"]],
                "warnings": [str(w) for w in data["warnings"]],
            }
        except (OSError, ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
            self._say(f"run memo unreadable ({reason(exc)}), compared anew")
            return None

    def put(self, key: str, flagged, noted, entities, claims, warnings: list[str]) -> None:
        head = {"schema": self.SCHEMA, "key": key}
        body = {"flagged": [f.to_dict() for f in flagged],
                "noted": [f.to_dict() for f in noted], "entities": [e.to_dict() for e in entities],
                "claims": [c.to_dict() for c in claims], "warnings": list(warnings)}
        try:
            write_text(self.path, dumps(head) + "\n" + dumps(body) + "\n")
        except OSError as exc:
            self._say(f"run memo cannot be written ({exc.strerror or exc}), not kept")


def run_key(salt: str, sources) -> str:
    """A digest of a run's inputs: `salt` (the code, data and settings) and every field of every source."""
    h = hashlib.sha256(salt.encode())
    for s in sources:
        h.update(b"\0")
        h.update(repr(s).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


# ---------------------------------------------------------------- slot store

class SlotStore(_Cache):
    """The findings of each slot of claims, keyed by the slot and a digest of its claims
    (compare.slots.slot_digest), in one SQLite file: a run compares only the slots whose claims changed
    since the last runs, and takes the others' findings as they were.

    It is a cache: a damaged or unwritable file is said (W017) and rebuilt or done without, never fatal.
    Rows are written in one transaction when the run ends; rows that neither this run nor the one
    before it read are dropped (so a check on a branch and a report on main both find theirs)."""

    SCHEMA = 1

    def __init__(self, path: Path, warnings: list[str] | None = None):
        super().__init__(path, warnings)
        self.pending: list[tuple[str, str, str]] = []
        self.used: set[tuple[str, str]] = set()
        self.hits = self.misses = 0
        self.db = self._open()

    def _open(self):
        """The database, made if need be; a file that is not this store is rebuilt (said), one that cannot be
        opened now (locked by another run past the timeout, a read-only folder) is done without (said)."""
        import sqlite3

        for attempt in (1, 2):
            db = None
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(str(self.path), timeout=30, isolation_level=None)
                with _transaction(db):  # two first runs at once: one makes the tables, the other finds them
                    db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
                    db.execute("CREATE TABLE IF NOT EXISTS slots (key TEXT NOT NULL, digest TEXT NOT NULL, "
                               "findings TEXT NOT NULL, run INTEGER NOT NULL, PRIMARY KEY (key, digest))")
                    db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?), ('run', '0')", (str(self.SCHEMA),))
                    row = db.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
                    if row is None or row[0] != str(self.SCHEMA):
                        raise _NotThisStore(f"schema {row[0] if row else None}, not {self.SCHEMA}")
                    self.run = int(db.execute("SELECT value FROM meta WHERE name = 'run'").fetchone()[0]) + 1
                return db
            except (_NotThisStore, sqlite3.DatabaseError, ValueError, TypeError) as exc:
                if db is not None:
                    db.close()
                if isinstance(exc, sqlite3.OperationalError) or attempt == 2:  # locked, unable to open: not ours
                    self._say(f"slot store cannot be used ({reason(exc)}), slots compared anew")
                    return None
                self._say(f"slot store unreadable ({reason(exc)}), rebuilt")
                try:
                    self.path.unlink()
                except OSError:
                    pass
            except OSError as exc:
                self._say(f"slot store cannot be used ({reason(exc)}), slots compared anew")
                return None
        return None

    def get(self, key: str, digest: str):
        """The findings of the slot `key` when its claims were `digest`, or None."""
        row = None
        if self.db is not None:
            try:
                row = self.db.execute("SELECT findings FROM slots WHERE key = ? AND digest = ?",
                                      (key, digest)).fetchone()
            except Exception as exc:  # noqa: BLE001 (sqlite3.Error: a file damaged under us)
                self._say(f"slot store unreadable ({reason(exc)}), slots compared anew")
                self.db = None
        if row is None:
            self.misses += 1
            return None
        try:
            found = [finding_from_dict(d) for d in json.loads(row[0])]
        except (ValueError, TypeError, KeyError) as exc:
            self._say(f"slot store entry unreadable ({reason(exc)}), compared anew")
            self.misses += 1
            return None
        self.hits += 1
        self.used.add((key, digest))
        return found

    def put(self, key: str, digest: str, found) -> None:
        self.pending.append((key, digest, dumps([f.to_dict() for f in found])))

    def close(self) -> None:
        """Write what this run compared, mark what it read, drop what two runs did not read (one
        transaction: a run stopped half-way leaves the file as it was)."""
        if self.db is None:
            return
        try:
            with _transaction(self.db):
                self.db.executemany("INSERT OR REPLACE INTO slots VALUES (?, ?, ?, ?)",
                                    [(k, d, f, self.run) for k, d, f in self.pending])
                self.db.executemany("UPDATE slots SET run = ? WHERE key = ? AND digest = ?",
                                    [(self.run, k, d) for k, d in self.used])
                self.db.execute("DELETE FROM slots WHERE run < ?", (self.run - 1,))
                # runs that ended meanwhile may have counted further: the counter never goes back
                self.db.execute("UPDATE meta SET value = CAST(MAX(CAST(value AS INTEGER), ?) AS TEXT) "
                                "WHERE name = 'run'", (self.run,))
        except Exception as exc:  # noqa: BLE001 (sqlite3.Error, disk full, read-only)
            self._say(f"slot store cannot be written ({reason(exc)}), not kept")
        finally:
            self.db.close()
            self.db = None


class _NotThisStore(Exception):
    """A database that is not a slot store of this schema."""


class _transaction:
    def __init__(self, db):
        self.db = db

    def __enter__(self):
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind, exc, tb):
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")
        return False


# ---------------------------------------------------------------- corpus state

class CorpusState(_Cache):
    """What the last whole run settled of the corpus (corpus.Settled: the passes' tallies, decisions and
    display names), the claims of each slot as they were compared, each slot's findings, and the claims the
    findings hold, in one SQLite file: a `check` of a corpus that only grew by a few articles settles and
    compares only those articles and the slots they touch (pipeline: the incremental check).

    It is a cache: a damaged file is said (W017) and done without (the run reads the whole corpus); it is
    written whole, to a file of its own then renamed, so a run stopped half-way leaves the last one's."""

    SCHEMA = 1

    def __init__(self, path: Path, warnings: list[str] | None = None):
        super().__init__(path, warnings)
        self.db = None

    def write(self, key: str, sources: dict[str, str], meta: dict, slots: list[tuple[str, list, list | None]],
              held: list) -> None:
        """Keep a whole run's state: `sources` (id -> digest), `meta` (JSON-ready), each slot's key,
        (rank in its source, claim) pairs and findings (None: not compared), the findings' claims likewise."""
        import os
        import sqlite3
        import tempfile

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
            os.close(fd)
            try:
                os.chmod(tmp, _mode_for(self.path))
                db = sqlite3.connect(tmp)
                try:
                    db.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
                    db.execute("CREATE TABLE slots (key TEXT PRIMARY KEY, claims TEXT NOT NULL, findings TEXT)")
                    db.executemany("INSERT INTO meta VALUES (?, ?)", [
                        ("schema", str(self.SCHEMA)), ("key", key), ("sources", dumps(sources)), ("meta", dumps(meta)),
                        ("held", dumps([[i, c.to_dict()] for i, c in held]))])
                    db.executemany("INSERT INTO slots VALUES (?, ?, ?)", [
                        (k, dumps([[i, c.to_dict()] for i, c in cs]),
                         None if found is None else dumps([f.to_dict() for f in found])) for k, cs, found in slots])
                    db.commit()
                finally:
                    db.close()
                os.replace(tmp, self.path)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
        except (OSError, sqlite3.Error) as exc:
            self._say(f"corpus state cannot be written ({reason(exc)}), not kept")

    def unreadable(self, exc: BaseException) -> None:
        """Say that the state could not be read (`exc`), and that the whole corpus is read instead."""
        self._say(f"corpus state unreadable ({reason(exc)}), the whole corpus read")

    def open(self, key: str) -> dict | None:
        """The state's sources (id -> digest) and meta when it was written under `key`, else None (another
        version's or settings' state is a plain miss; a damaged one is said)."""
        import sqlite3

        if not self.path.is_file():
            return None
        try:
            self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
            rows = dict(self.db.execute("SELECT name, value FROM meta WHERE name IN ('schema', 'key')").fetchall())
            if rows.get("schema") != str(self.SCHEMA) or rows.get("key") != key:
                self.close()
                return None
            rows = dict(self.db.execute("SELECT name, value FROM meta WHERE name IN ('sources', 'meta')").fetchall())
            return {"sources": json.loads(rows["sources"]), "meta": json.loads(rows["meta"])}
        except (sqlite3.Error, ValueError, TypeError, KeyError) as exc:
            self.unreadable(exc)
            self.close()
            return None

    def held(self, sources) -> list[tuple[int, Claim]]:
        """The last run's findings' claims, with their ranks in their sources (`sources`: by id)."""
        (text,) = self.db.execute("SELECT value FROM meta WHERE name = 'held'").fetchone()
        return [(i, claim_from_dict(d, sources.get(d["source"]))) for i, d in json.loads(text)]

    def findings(self) -> dict[str, list]:
        """Each compared slot's findings, by its key."""
        return {k: [finding_from_dict(d) for d in json.loads(text)]
                for k, text in self.db.execute("SELECT key, findings FROM slots WHERE findings IS NOT NULL")}

    def slot_claims(self, keys, sources) -> dict[str, list[tuple[int, Claim]]]:
        """The claims of the slots `keys`, with their ranks in their sources, as they were compared."""
        out = {}
        for k in keys:
            row = self.db.execute("SELECT claims FROM slots WHERE key = ?", (k,)).fetchone()
            if row is not None:
                out[k] = [(i, claim_from_dict(d, sources.get(d["source"]))) for i, d in json.loads(row[0])]
        return out

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None
