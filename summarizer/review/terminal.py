"""Make untrusted text harmless where a reviewer reads it: a terminal or a web page.

Article text comes from anywhere. In a terminal, an escape sequence can clear a line,
move the cursor or recolour text (a hostile article hid the claim and printed a fake
"source agrees" line); on any screen, a right-to-left override makes "12 noillib" read
"billion 21". Both are shown as visible escapes instead of being obeyed.
"""

from __future__ import annotations

import re
from typing import Any

from markupsafe import Markup

BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Characters that reorder the text around them (embeddings, overrides, isolates, marks)."""

_TERMINAL_UNSAFE = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{BIDI_CONTROLS}]")
_LINE_UNSAFE = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f{BIDI_CONTROLS}]")
_PAGE_UNSAFE = re.compile(f"[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f{BIDI_CONTROLS}]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str, *, single_line: bool = False) -> str:
    """Text with every control character (but newline and tab) and bidi control written
    as a visible escape (``\\x1b``, ``\\u202e``); ``single_line`` escapes newlines too."""
    pattern = _LINE_UNSAFE if single_line else _TERMINAL_UNSAFE
    return pattern.sub(_escape, text)


def _marker(match: re.Match[str]) -> str:
    return f"[U+{ord(match.group(0)):04X}]"


def visible_controls(value: Any) -> Any:
    """Jinja ``finalize`` hook: strings get control and bidi characters as ``[U+202E]``
    markers (then autoescaping runs as usual); other values pass through."""
    if isinstance(value, Markup):  # already-safe HTML: markers add no markup
        return Markup(_PAGE_UNSAFE.sub(_marker, str(value)))
    if isinstance(value, str):
        return _PAGE_UNSAFE.sub(_marker, value)
    return value
