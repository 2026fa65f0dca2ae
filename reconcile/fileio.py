"""Atomic writes: a file the tool writes is either the old one or the whole new one."""
from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

from .normalize.text import HIDDEN_CLASS


def _mode_for(path: Path) -> int:
    """Keep an existing file's mode; a new file gets the usual 0666 less the umask (mkstemp gives 0600)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_text(path: str | Path, text: str) -> Path:
    """Write `text` to `path` through a temporary file in the same folder, then rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(tmp, _mode_for(path))
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path


def dumps(obj, **kw) -> str:
    """Strict JSON (no NaN, no Infinity: a value that has none is a bug to see, never a file other parsers
    reject), with non-ASCII text as it is, save the characters that show nothing or act on a terminal (C1
    controls, bidi controls, zero-width and line separators, lone surrogates), written as \\u escapes."""
    return _UNSEEN.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(obj, ensure_ascii=False, allow_nan=False, **kw))


# (raw, these can only stand inside JSON strings, where a \u escape means the same character)
_UNSEEN = re.compile(f"[\x7f-\x9f{HIDDEN_CLASS}]")


def bounded_yaml(text: str, *, max_depth: int, max_aliases: int, loader=None) -> tuple[int, str] | None:
    """(line, why: « is nested… » or « uses… ») when a YAML text nests deeper than `max_depth` or uses more
    than `max_aliases` aliases, read from the parser's events before anything is built from them (an alias
    bomb, « billion laughs », or a thousand nested lists, stop here); None when it is within bounds or not
    valid YAML (the loader says what is wrong). `loader`: the loader class that will build the text (its
    parser is the one that must find it bounded; PyYAML's pure-Python safe loader by default)."""
    import yaml

    depth = aliases = 0
    try:
        for event in yaml.parse(text, Loader=loader or yaml.SafeLoader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > max_depth:
                    return event.start_mark.line + 1, f"is nested more than {max_depth} levels deep"
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
            elif isinstance(event, yaml.AliasEvent):
                aliases += 1
                if aliases > max_aliases:
                    return event.start_mark.line + 1, (f"uses more than {max_aliases} YAML aliases" if max_aliases
                                                       else "uses YAML aliases")
    except yaml.YAMLError:
        return None
    return None
