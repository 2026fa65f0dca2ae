"""One catalogue of errors and warnings, each with a code."""
from __future__ import annotations


class ReconcileError(Exception):
    """Base class: every error the tool raises on purpose."""

    code = "E000"
    exit_code = 2

    def __str__(self) -> str:  # one line, prefixed by the code
        return f"{self.code} {self.args[0] if self.args else ''}".strip()


class InputError(ReconcileError):
    """A source set that cannot be processed as asked (missing path, duplicate ids)."""

    code = "E001"


class DuplicateSourceId(InputError):
    code = "E002"


class NoSources(InputError):
    code = "E003"


class DecisionError(ReconcileError):
    """A reviewer decision that cannot be recorded."""

    code = "E010"


class UnknownFinding(ReconcileError):
    code = "E011"


class EditedDecisions(DecisionError):
    """A decisions file whose trailer is missing or does not match what the tool last wrote."""

    code = "E012"


class ConfigError(ReconcileError):
    """A configuration file (entities.toml, an --aliases file) that cannot be used as it is."""

    code = "E013"


# Warnings: the run goes on; the message names the file.
W_EMPTY = "W001"
W_BINARY = "W002"
W_UNREADABLE = "W003"
W_CP1252 = "W004"
W_NOT_FRENCH = "W005"
W_UNSUPPORTED = "W006"
W_FRONT_MATTER = "W007"
W_HTML_EMPTY = "W008"
W_MANIFEST = "W009"
W_TOO_LARGE = "W010"
W_NOT_REGULAR = "W011"
W_SYMLINK_OUT = "W012"
W_INVISIBLE = "W013"
W_EXTRACTION = "W014"
W_DATE_RANGE = "W015"
W_NUMBER_RANGE = "W016"
W_CACHE = "W017"
W_BASE = "W018"
W_DECISIONS_EDITED = "W019"


def warning(code: str, path: str, message: str) -> str:
    """A warning line: code, file, message."""
    return f"{code} {path}: {message}"


def reason(exc: BaseException) -> str:
    """An unexpected error in one line for a warning: its class and the start of its message."""
    detail = " ".join(str(exc).split())[:200] or "no detail"
    return f"{exc.__class__.__name__}: {detail}"
