"""Which way the source says a number moved, when the number extractor left it open.

The extractor's `direction` is trusted first (it only reads a change word right before
the number, "rose 5%", "a decrease of 10.5%"). This fallback reads the rest of the
clause, under a stricter rule than "a change word somewhere before": the change word must
govern the number. It must be the nearest change word before the number, in the same
clause, with no other figure between them, and nothing between them that makes the
number a level or another clause's figure:

- "fell to 5%", "down from 17%", "reduced to zero from two pct": the number after "to"
  or "from" is the new or the earlier level, not the size of the change (unless the last
  word before the number is "by": "cut prices to Japanese mills by five dlrs");
- "a declining trend as the average was 130.8", "a lower price than X quoted at 445":
  "as", "than", "which", "against", ... start another comparison or clause;
- "slipped below 6 percent": a level crossing a threshold, whatever the extractor said.

A number may also take its direction from a change word right after it ("0.1 lower than",
"15 pct up on"), also after a bracketed restatement ("4.8 billion roubles (7.2 billion
dollars) less than"); a bracketed restatement, or the next item of a bare list ("5 and 7
pct"), moves the way the figure it restates moves ("fall another 1,000 ringgit (about 250
stg)").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import Final

from summarizer.domain import Direction, NumericMention
from summarizer.numbers.patterns import RATE_NOUN_AFTER
from summarizer.vocabulary import AFTER_DIRECTION_WORDS, DIRECTION_WORDS, QUALIFIER_WORDS

_LOOK_BACK: Final = 120
"""Characters before a number in which its change word may stand."""

_MAX_GAP_WORDS: Final = 12
"""Words allowed between a change word and the number it governs."""

_WORD: Final = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
_SENTENCE_END: Final = re.compile(r"[!?\n]|\.(?!\d)")
_CLAUSE_END: Final = re.compile(r"[;:!?()\[\]]|,(?!\d)|\.(?!\d)|\n|\s[-–—]+\s")

_LEVEL_WORDS: Final = frozenset(("to", "from", "on"))
"""The number after these is a level: "fell to 5%" (new level), "down from 17%" and
"down on 7.26 billion a year earlier" (the level compared with)."""

_DETERMINERS: Final = frozenset(("the", "its", "their", "his", "her", "our", "this", "these"))
"""Between a change word and the number, these open a noun phrase the number belongs to:
"easing of the expected 25 percent tariffs", "the dollar's fall in the past 18 months"."""

_CHANGE_SIZE_WORDS: Final = frozenset(("by",))
"""Right before the number, these make it the size of the change whatever came between."""

_BREAKS: Final = frozenset(
    (
        "as",
        "than",
        "which",
        "that",
        "while",
        "whereas",
        "when",
        "but",
        "and",
        "or",
        "against",
        "compared",
        "versus",
        "vs",
    )
)
"""Between a change word and the number, these start another clause or compare another
number ("a declining trend as the average was 130.8", "a lower price than X at 445")."""

_PARTICIPLE_LINKS: Final = frozenset(("by", "of", "at", "to", "from", "another", "some"))
"""After a change word ending in -ing, these (or an adverb) keep it on the number
("rising by 5%", "falling sharply to"); any other word is the noun it describes."""

_FILLERS: Final = frozenset(("only", "just", "a", "an", "another", "further", "still"))
"""Words that, like a hedge, may stand right before the number ("fell to only 20.14%")."""

_THRESHOLD: Final = re.compile(r"(?:below|above|beneath)\b", re.IGNORECASE)
"""A number after these is a threshold crossed: "slipped below 6 percent" is a level."""

_LIST_GAP: Final = re.compile(r"\s*(?:,\s*)?(?:and|or)?\s*$", re.IGNORECASE)
_BRACKET_OPEN: Final = re.compile(r"\s*\(\s*(?:[^\W\d_]+\s+){0,2}$")
_AFTER: Final = re.compile(
    r"\s*(?:\([^()]{0,80}\)\s*)?(?P<word>[^\W\d_]+)\b(?!\s+from\b)", re.IGNORECASE
)


def _cues(window: str) -> list[tuple[int, int, Direction]]:
    """Change words of `window`: (start, end, direction), in text order."""
    return [
        (m.start(), m.end(), direction)
        for m in _WORD.finditer(window)
        if (direction := DIRECTION_WORDS.get(m.group().lower())) not in (None, Direction.flat)
    ]


def _strip_hedges(gap: list[str]) -> list[str]:
    """`gap` without the hedges right before the number ("by more than", "to only")."""
    while gap:
        for size in (3, 2, 1):
            tail = " ".join(gap[-size:])
            if len(gap) >= size and (tail in QUALIFIER_WORDS or (size == 1 and tail in _FILLERS)):
                del gap[-size:]
                break
        else:
            return gap
    return gap


def _governing(window: str) -> Direction | None:
    """The direction of the change word that governs a number right after `window`."""
    cues = _cues(window)
    if not cues:
        return None
    start, end, direction = cues[-1]
    gap = _strip_hedges([m.group().lower() for m in _WORD.finditer(window, end)])
    participle = window[start:end].lower().endswith("ing")
    if participle and gap and gap[0] not in _PARTICIPLE_LINKS and not gap[0].endswith("ly"):
        return None  # "falling imports contributed 0.2": the participle describes a noun
    if len(gap) > _MAX_GAP_WORDS or any(w in _BREAKS for w in gap):
        return None
    if gap and gap[-1] in _CHANGE_SIZE_WORDS:
        return direction
    if any(w in _LEVEL_WORDS or w in _DETERMINERS for w in gap):
        return None
    return direction


def _after(source: str, mention: NumericMention) -> Direction | None:
    """A change word right after the number ("0.1 lower than", "X (Y) less than")."""
    match = _AFTER.match(source, mention.end, mention.end + 120)
    if match is None:
        return None
    return AFTER_DIRECTION_WORDS.get(match.group("word").lower())


def source_direction(
    source: str,
    mention: NumericMention,
    figures: Sequence[NumericMention] = (),
    starts: Sequence[int] = (),
) -> Direction | None:
    """The way the source says `mention` moved, or None when it gives no direction.

    `figures` are the source's figure mentions in text order, `starts` their offsets
    (to find the figure before this one); without them no figure bounds the clause.
    """
    before_text = source[max(0, mention.start - 40) : mention.start]
    if _THRESHOLD.match(mention.text) or re.search(
        r"\b(?:below|above|beneath)\s*$", before_text, re.IGNORECASE
    ):
        return None
    if mention.direction is not None:
        return mention.direction
    if mention.unit == "percent" and RATE_NOUN_AFTER.match(source, mention.end):
        return None  # "dropping 50 pct sales tax": the rate of the tax, a level
    previous = _previous(mention, figures, starts)
    floor = max(0, mention.start - _LOOK_BACK)
    if previous is not None and previous.end <= mention.start:
        between = source[previous.end : mention.start]
        if _BRACKET_OPEN.fullmatch(between) or _LIST_GAP.fullmatch(between):
            inherited = source_direction(source, previous, figures, starts)
            if inherited is not None:
                return inherited
        floor = max(floor, previous.end)
    window = source[floor : mention.start]
    ends = [m.end() for m in _CLAUSE_END.finditer(window)]
    if ends:
        window = window[ends[-1] :]
    found = _governing(window) or _after(source, mention)
    if (
        found is None
        and previous is not None
        and _ends_with_by(window)
        and not _SENTENCE_END.search(source, previous.end, mention.start)
    ):
        # "fell by 50% against the euro - as well as by 30% against the yen": the
        # change word is left out; "by" makes it the same change as the figure before.
        return source_direction(source, previous, figures, starts)
    return found


def _ends_with_by(window: str) -> bool:
    gap = _strip_hedges([m.group().lower() for m in _WORD.finditer(window)])
    return bool(gap) and gap[-1] in _CHANGE_SIZE_WORDS


def _previous(
    mention: NumericMention, figures: Sequence[NumericMention], starts: Sequence[int]
) -> NumericMention | None:
    index = bisect_left(starts, mention.start) - 1
    while index >= 0:
        candidate = figures[index]
        if candidate.end <= mention.start:
            return candidate
        index -= 1
    return None
