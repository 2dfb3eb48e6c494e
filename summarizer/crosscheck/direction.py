"""Which way the source says a number moved, when the number extractor left it open.

The extractor's `direction` is trusted first; this scan of the same clause is only a
fallback, so that a correct "decrease" record is not flagged because of a missed cue.
"""

from __future__ import annotations

import re

from summarizer.domain import Direction, NumericMention

_UP = (
    r"up|rise|rises|rose|risen|rising|increase|increased|increases|increasing|grow|grows|grew"
    r"|grown|growth|growing|gain|gains|gained|higher|jump|jumped|surge|surged|climb|climbed"
    r"|tăng"
)
_DOWN = (
    r"down|fall|falls|fell|fallen|falling|decrease|decreased|decreases|decreasing|decline"
    r"|declined|declines|declining|drop|dropped|drops|lower|shrink|shrank|shrunk|contraction"
    r"|contracted|slump|slumped|plunge|plunged|giảm"
)
_BEFORE = re.compile(rf"\b(?:(?P<up>{_UP})|(?P<down>{_DOWN}))\b(?:\s+(?:of|by|at))?\s*$", re.I)
_BEFORE_CLAUSE = re.compile(
    rf"\b(?:(?P<up>{_UP})|(?P<down>{_DOWN}))\b(?:[^,;:.]|\.\d)*$",
    re.I,
)
_AFTER = re.compile(rf"^\s*(?:(?P<up>{_UP})|(?P<down>{_DOWN}))\b", re.I)
_CLAUSE_END = re.compile(r"[,;:]|\.(?!\d)")


def _pick(match: re.Match[str] | None) -> Direction | None:
    if match is None:
        return None
    return Direction.up if match.group("up") else Direction.down


def source_direction(source: str, mention: NumericMention) -> Direction | None:
    """The mention's direction, else a cue word in its clause ("up 56 percent", "a decrease of")."""
    if mention.direction is not None:
        return mention.direction
    before = source[max(0, mention.start - 80) : mention.start]
    clause_starts = [m.end() for m in _CLAUSE_END.finditer(before)]
    clause = before[clause_starts[-1] :] if clause_starts else before
    found = _pick(_BEFORE.search(clause)) or _pick(_BEFORE_CLAUSE.search(clause))
    if found is not None:
        return found
    after = source[mention.end : mention.end + 30]
    return _pick(_AFTER.match(after))
