"""Read the words around a number: hedges before it and change words before or after it.

The look-back never crosses a sentence end, a semicolon or a bracket, so a change word in
one clause does not leak onto a figure in the next.
"""

from __future__ import annotations

from typing import Final

from summarizer.domain import Direction, Qualifier
from summarizer.numbers import lexicon, patterns

LOOK_BACK: Final = 90
"""Characters read before a number for cue words; a clause is rarely longer."""

LOOK_AHEAD: Final = 40


def clause_start(text: str, start: int) -> int:
    """Offset where the clause holding ``start`` begins (bounded by `LOOK_BACK`)."""
    floor = max(0, start - LOOK_BACK)
    window = text[floor:start]
    ends = [match.end() for match in patterns.CLAUSE_BREAK.finditer(window)]
    return floor + ends[-1] if ends else floor


def qualifier_before(text: str, start: int, floor: int) -> tuple[Qualifier | None, int]:
    """The hedge just before ``start`` ("over", "some") and where it begins."""
    match = patterns.QUALIFIER_BEFORE.search(text, floor, start)
    if match is None:
        return None, start
    phrase = " ".join(match.group("q").lower().split())
    return lexicon.QUALIFIERS[phrase], match.start()


def direction_before(text: str, start: int, floor: int) -> Direction | None:
    """A change word before the figure: "up 56 percent", "a decrease of 10.5%"."""
    match = patterns.DIRECTION_BEFORE.search(text, floor, start)
    if match is None:
        return None
    direction = lexicon.DIRECTION_WORDS[match.group("dir").lower()]
    if direction == Direction.flat and match.group().rstrip().lower().endswith(" at"):
        return None  # "unchanged at 2 percent": 2 percent is the level, not a change
    return direction


def direction_after(text: str, end: int) -> Direction | None:
    """A change word right after the figure: "15 pct up on", "10 per cent growth"."""
    match = patterns.DIRECTION_AFTER.match(text[end : end + LOOK_AHEAD])
    if match is None:
        return None
    return lexicon.AFTER_DIRECTION_WORDS[match.group("dir").lower()]
