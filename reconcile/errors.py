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


def warning(code: str, path: str, message: str) -> str:
    """A warning line: code, file, message."""
    return f"{code} {path}: {message}"
