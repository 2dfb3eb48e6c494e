"""Read the words around a number: hedges before it and change words before or after it.

The look-back never crosses a sentence end, a colon, a semicolon or a bracket, so a change
word in one clause does not leak onto a figure in the next. It works on a handful of word
tokens rather than on backward-anchored regexes: a dictionary look-up per word is far
cheaper than trying a large alternation at every position of the window.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import pairwise
from typing import Final, NamedTuple

from summarizer import vocabulary
from summarizer.domain import Direction, Qualifier
from summarizer.numbers import patterns

LOOK_BACK: Final = 90
"""Characters read before a number for cue words; a clause is rarely longer."""

LOOK_AHEAD: Final = 40
MAX_MIDDLE_WORDS: Final = 5
"""Words allowed between a change word and "by/of/at": "slash production of 256K DRAM
semiconductors by 29.41 pct"."""

_CONNECTORS: Final = frozenset(("by", "of", "at"))
_LEVEL_WORDS: Final = frozenset(("to", "from", "than", "with", "compared", "against"))
"""Between a change word and a number these make the number a level: "rose to 7.1"."""


_TRANSPARENT: Final = frozenset(("between", "another", "further", "off"))
"""Words between a change word and its number that do not break the link: "dropped by
between 50 and 60%", "fall another 1,000 ringgit", "knocked off 0.4"."""


class Token(NamedTuple):
    word: str
    start: int
    end: int


def is_break(text: str, index: int) -> bool:
    """Whether the punctuation at ``index`` ends a clause.

    Brackets, semicolons and line ends always do; ". ! ? :" only when followed by a space
    or the end, and a full stop after "U.S" or a lone capital ("J. Baker") does not.
    """
    char = text[index]
    if char not in ".!?:":
        return True
    if index + 1 < len(text) and not text[index + 1].isspace():
        return False
    if char == "." and index >= 1 and text[index - 1].isupper():
        lone_capital = index < 2 or not text[index - 2].isalpha()
        dotted = index >= 3 and text[index - 2] == "." and text[index - 3].isupper()
        if lone_capital or dotted:
            return False
    return True


def sentence_ends_between(text: str, start: int, end: int) -> bool:
    """Whether a sentence ends (". ! ?" or a line end) between two offsets."""
    return any(
        m.group() in ".!?\n" and is_break(text, m.start())
        for m in patterns.PUNCTUATION.finditer(text, start, end)
    )


class Clauses:
    """Clause boundaries of one text, found once, so each look-back is a binary search."""

    def __init__(self, text: str) -> None:
        self.breaks = [
            m.end() for m in patterns.PUNCTUATION.finditer(text) if is_break(text, m.start())
        ]

    def start_of(self, offset: int) -> int:
        """Where the look-back for ``offset`` stops: its clause start or `LOOK_BACK` chars."""
        index = bisect_right(self.breaks, offset) - 1
        clause = self.breaks[index] if index >= 0 else 0
        return max(clause, offset - LOOK_BACK)


class Sentences:
    """Sentence boundaries of one text (". ! ?" or a line end), found once."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self.breaks = [
            m.end()
            for m in patterns.PUNCTUATION.finditer(text)
            if m.group() in ".!?\n" and is_break(text, m.start())
        ]

    def span_of(self, offset: int) -> tuple[int, int]:
        """(start, end) of the sentence holding ``offset``."""
        index = bisect_right(self.breaks, offset)
        start = self.breaks[index - 1] if index > 0 else 0
        end = self.breaks[index] if index < len(self.breaks) else self.length
        return start, end


def tokens_before(text: str, start: int, floor: int) -> list[Token]:
    """The words between ``floor`` and ``start``, last one nearest; a cut word is dropped."""
    found = [
        Token(m.group().lower(), m.start(), m.end())
        for m in patterns.TOKEN.finditer(text, floor, start)
    ]
    if found and floor > 0 and found[0].start == floor and text[floor - 1].isalnum():
        found.pop(0)
    return found


def _adjacent(text: str, left: int, right: int) -> bool:
    """Only whitespace between two offsets: the words are next to each other."""
    return not text[left:right].strip()


def cues_before(
    text: str, start: int, floor: int
) -> tuple[Qualifier | None, int, Direction | None]:
    """The hedge right before ``start``, where it begins, and a change word before both.

    The words of the look-back are tokenised once and shared by both readings.
    """
    tokens = tokens_before(text, start, floor)
    qualifier, used = _qualifier(text, tokens, start)
    if used:
        start = tokens[-used].start
        del tokens[-used:]
    if qualifier in vocabulary.LEVEL_QUALIFIERS:
        return qualifier, start, None
    between = start
    while tokens and tokens[-1].word in _TRANSPARENT and _adjacent(text, tokens[-1].end, between):
        between = tokens[-1].start  # "fall by between 10% and 15%", "fall another 1,000"
        tokens.pop()
    return qualifier, start, _direction(text, tokens, between)


def _qualifier(text: str, tokens: list[Token], start: int) -> tuple[Qualifier | None, int]:
    """A hedge ("over", "more than", "some") in the last words; how many words it takes."""
    if not tokens or not _adjacent(text, tokens[-1].end, start):
        return None, 0
    for size in (3, 2, 1):
        tail = tokens[-size:]
        if len(tail) < size:
            continue
        if not all(_adjacent(text, a.end, b.start) for a, b in pairwise(tail)):
            continue
        qualifier = vocabulary.QUALIFIER_WORDS.get(" ".join(t.word for t in tail))
        if qualifier is not None:
            particle = tail[0].word in ("over", "up") and len(tokens) > size
            verbs = (
                vocabulary.PHRASAL_OVER_VERBS
                if tail[0].word == "over"
                else vocabulary.PHRASAL_UP_VERBS
            )
            if particle and tokens[-size - 1].word in verbs:
                return None, 0  # "handing over 11 letters", "added up to": a particle
            return qualifier, size
    return None, 0


def _direction(text: str, tokens: list[Token], start: int) -> Direction | None:
    """A change word before the figure: "up 56 percent", "a decrease of 10.5%", "rose by 5".

    Either the change word is right before the number, or it is followed within a few
    words by "by", "of" or "at" right before the number. "rose to 7.1 billion" is a level.
    """
    if not tokens or not _adjacent(text, tokens[-1].end, start):
        return None
    last = tokens[-1].word
    if last == "up" and len(tokens) > 1 and tokens[-2].word in vocabulary.PHRASAL_UP_VERBS:
        return None  # "made up 30 percent": a share, not a rise
    if last in vocabulary.DIRECTION_WORDS:
        return vocabulary.DIRECTION_WORDS[last]
    if last not in _CONNECTORS:
        return None
    following = tokens[-1]
    for token in reversed(tokens[-MAX_MIDDLE_WORDS - 2 : -1]):
        if token.word in _LEVEL_WORDS or not _adjacent(text, token.end, following.start):
            return None
        direction = vocabulary.DIRECTION_WORDS.get(token.word)
        if direction is not None:
            if direction == Direction.flat and last == "at":
                return None  # "unchanged at 2 percent": 2 percent is the level
            return direction
        following = token
    return None


def direction_after(text: str, end: int) -> Direction | None:
    """A change word right after the figure: "15 pct up on", "10 per cent growth"."""
    match = patterns.DIRECTION_AFTER.match(text[end : end + LOOK_AHEAD])
    if match is None:
        return None
    return vocabulary.AFTER_DIRECTION_WORDS[match.group("dir").lower()]
