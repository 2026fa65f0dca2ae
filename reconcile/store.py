"""The claim base under claims/: reviewers' decisions and the per-source claim cache.

Decisions live in `claims/decisions.yaml`, keyed by finding id, each with its
full history. Writes take a lock and re-read the file under it, so two
reviewers writing at once both land; files are replaced atomically.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from importlib.resources import files
from pathlib import Path

import yaml
from filelock import FileLock

from . import __version__
from .errors import W_CACHE, DecisionError, warning
from .fileio import dumps, write_text
from .model import Bounds, Claim, Interval, Source

DECISIONS = "decisions.yaml"
STATUSES = ("confirmed", "dismissed", "resolved", "open")
_HEADER = ("# Reviewers' decisions, keyed by finding id. Written by `reconcile review`;\n"
           "# each finding keeps its whole history, newest last. Safe to edit by hand.\n")


def load_decisions(claims_dir: Path) -> dict:
    """finding id -> {entity, attribute, history: [...]}; empty when there is no file."""
    path = Path(claims_dir) / DECISIONS
    if not path.is_file():
        return {}
    try:
        data = yaml.load(path.read_text("utf-8"), Loader=_TextLoader) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise DecisionError(f"{path}{where}: not valid YAML ({getattr(exc, 'problem', None) or exc})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DecisionError(f"{path}: cannot be read ({exc})") from None
    if not isinstance(data, dict):
        raise DecisionError(f"{path} must map finding ids to decisions")
    for key, rec in data.items():
        _validate(path, key, rec)
    return data


class _TextLoader(yaml.SafeLoader):
    """Safe YAML where dates stay text (`at: 2026-01-22` edited by hand is a string, as written)."""


_TextLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _validate(path: Path, key, rec) -> None:
    """A decision record as `review` writes it; anything else names the entry and stops."""
    if not isinstance(key, str):
        raise DecisionError(f"{path}: key {key!r} is not a finding id")
    if not isinstance(rec, dict):
        raise DecisionError(f"{path}: {key} must be a mapping with a history")
    history = rec.get("history", [])
    if not isinstance(history, list) or not all(isinstance(h, dict) for h in history):
        raise DecisionError(f"{path}: {key}: history must be a list of decisions")
    for h in history + ([rec] if "status" in rec else []):
        if h.get("status") not in STATUSES:
            raise DecisionError(f"{path}: {key}: status {h.get('status')!r} is not one of {', '.join(STATUSES)}")


def record_decision(claims_dir: Path, finding, *, status: str, note: str, reviewer: str,
                    keep: str | None = None, now: dt.datetime | None = None) -> dict:
    """Append a decision to a finding's history (under a lock) and return the record."""
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
    with FileLock(str(claims_dir / (DECISIONS + ".lock")), timeout=30):
        data = load_decisions(claims_dir)  # re-read under the lock: nothing written meanwhile is lost
        rec = data.setdefault(finding.id, {"entity": finding.entity, "attribute": finding.attribute,
                                           "kind": finding.kind, "claims": list(finding.claims),
                                           "history": []})
        rec.setdefault("history", []).append(entry)
        write_text(claims_dir / DECISIONS,
                   _HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=True, width=100))
    return rec


# ---------------------------------------------------------------- claim cache

_SHAPERS = ("data", "data/domains", "normalize", "extract")  # what decides the claims of a source


def shaping_files() -> list[str]:
    """The package files (code and data) whose content decides the claims of a source."""
    out = []
    for folder in _SHAPERS:
        root = files("reconcile").joinpath(*folder.split("/"))
        out += [f"{folder}/{n}" for n in sorted(p.name for p in root.iterdir() if p.name.endswith((".toml", ".py")))]
    return out


def data_fingerprint(extra_texts: list[str] = ()) -> str:
    """A hash of the tool version, the code and data that extract claims, and user data that shapes them."""
    h = hashlib.sha256(__version__.encode())
    for name in shaping_files():
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

    def get(self, src: Source, warnings: list[str] | None = None) -> list[Claim] | None:
        """The cached claims of a source, or None when its text, date or the extractor changed. A damaged
        entry is a cache miss too, said in `warnings` (the entry is rebuilt)."""
        path = self.folder / f"{src.id}.json"
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
        path = self.folder / f"{src.id}.json"
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
        approx=d.get("approx", False), precision=d.get("precision"), cue=d.get("cue"),
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
    if not path.is_file():
        return {"schema": BASE_SCHEMA, "sources": {}, "claims": {}, "findings": {}}
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise DecisionError(f"{path} is not valid JSON: {exc}") from None
    if not isinstance(data, dict) or data.get("schema") != BASE_SCHEMA:
        raise DecisionError(f"{path} is not a {BASE_SCHEMA} claim base")
    if not all(isinstance(data.get(k, {}), dict) for k in ("sources", "claims", "findings")):
        raise DecisionError(f"{path}: sources, claims and findings must be mappings")
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
