"""Text that came from a source, a file name or a decision, made harmless for each output.

Source text is untrusted. Each output has its own dangers: a terminal runs escape sequences (clear the
screen, set the window title, write the clipboard), a Markdown viewer renders raw HTML and links, a
spreadsheet runs a cell that starts with « = », XML 1.0 has no way to carry most control characters.
"""
from __future__ import annotations

import re

from ..normalize.text import HIDDEN_CLASS

# C0 and C1 controls, DEL, and the characters that show nothing but change what is shown (normalize.text)
_INLINE = re.compile(f"[\x00-\x1f\x7f-\x9f{HIDDEN_CLASS}]")
_BLOCK = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{HIDDEN_CLASS}]")  # keeps newlines and tabs
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escape(m: re.Match) -> str:
    c = m.group()
    n = ord(c)
    return _NAMED.get(c) or (f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}")


def inline(s) -> str:
    """One line for a terminal: every control or invisible character written as its escape (« \\x1b »,
    « \\n », « \\u202e »)."""
    return _INLINE.sub(_escape, str(s))


def block(s) -> str:
    """Text for a terminal that may span lines: as `inline`, newlines and tabs kept."""
    return _BLOCK.sub(_escape, str(s))


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")  # code, emphasis, links and images, table cells, strikethrough


def markdown(s) -> str:
    """Text for a Markdown cell or line: one line, no raw HTML (« < », « > », « & » as entities), no
    link, emphasis, code or table syntax (backslash-escaped)."""
    s = " ".join(inline(s).split())
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", s)


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet(value):
    """A CSV cell a spreadsheet will not run: text that starts like a formula gets a leading « ' » (the
    OWASP rule); numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml(s) -> str:
    """Text XML 1.0 can carry: the control characters it forbids written as escapes."""
    return _XML_INVALID.sub(_escape, str(s))


_WEB = re.compile(r"https?://", re.I)


def web_address(url: str | None) -> str | None:
    """An article's address when it is an http(s) one, else None: nothing else (« javascript: », a file
    path) becomes a link or a published address."""
    return url if url and _WEB.match(url) else None
