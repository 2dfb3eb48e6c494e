"""Record field paths (``figures[2].value``, ``meetings[0].participants[1].name``): one parser.

The cross-checker names the field of every finding this way; the review applies
corrections by it, the briefing and the one-record Markdown attach flags and overrides
to items by it. They all read a path here, so ``figures[2]`` means one thing everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import ValidationError

PathPart = str | int

_TOKEN = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|(\.)")


class FieldPathError(ValueError):
    """Not a field path; the message shows the expected form."""


def parse_path(path: str) -> list[PathPart]:
    """``figures[2].value`` -> ``["figures", 2, "value"]``; `FieldPathError` on anything else."""
    parts: list[PathPart] = []
    pos, expect_name = 0, True
    text = path.strip()
    problem = FieldPathError(f"field path {path!r} is not like 'figures[2].value'")
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None:
            raise problem
        name, index, dot = match.groups()
        if name is not None and expect_name:
            parts.append(name)
            expect_name = False
        elif index is not None and not expect_name:
            parts.append(int(index))
        elif dot is not None and not expect_name:
            expect_name = True
        else:
            raise problem
        pos = match.end()
    if not parts or expect_name:
        raise problem
    return parts


def format_path(parts: list[PathPart]) -> str:
    """Inverse of `parse_path`."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


@dataclass(frozen=True)
class ItemPath:
    """A path into one item of a top-level list: ``figures[2].value``."""

    collection: str
    """``figures``, ``meetings``, ``agreements``."""
    index: int
    rest: list[PathPart]
    """What follows the item (``["value"]``); empty for the item itself."""

    def at(self, index: int) -> str:
        """The same field of another item (after items before it were dropped)."""
        return format_path([self.collection, index, *self.rest])


def item_of(path: str) -> ItemPath | None:
    """The top-level list item a field belongs to, or None (``summary``, not a path)."""
    try:
        parts = parse_path(path)
    except FieldPathError:
        return None
    if len(parts) >= 2 and isinstance(parts[0], str) and isinstance(parts[1], int):
        return ItemPath(parts[0], parts[1], parts[2:])
    return None


def is_under(path: str, prefix: str) -> bool:
    """True if `path` is `prefix` or a field inside it (``figures[1].value`` under
    ``figures[1]``, never under ``figures[10]``)."""
    return path == prefix or path.startswith((prefix + ".", prefix + "["))


def validation_message(exc: ValidationError) -> str:
    """A pydantic error as one line, each problem at its field path ("figures[0].kind:
    Field required; summary: ...")."""
    parts = []
    for error in exc.errors(include_url=False):
        where = format_path([p for p in error["loc"] if isinstance(p, str | int)])
        parts.append(f"{where}: {error['msg']}" if where else str(error["msg"]))
    return "; ".join(parts)
