"""Fold text for near-verbatim comparison while keeping offsets into the original.

A model quoting an article may change whitespace runs, Unicode form (NFC vs NFD vs
NFKC), curly vs straight quotes, dash variants or letter case. Folding both sides the
same way lets us find the quote; the offset map turns a hit back into character
offsets of the ORIGINAL text, which is what reviewers and renderers highlight.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_CHAR_MAP: dict[str, str] = {
    **dict.fromkeys("‘’‚‛′`´", "'"),
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("‐‑‒–—―−﹘﹣－", "-"),
    "…": "...",
}
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")


def strip_marks(text: str) -> str:
    """The text without its diacritics, case and length kept ("Bắc Ninh" -> "Bac Ninh",
    "Đà Nẵng" -> "Da Nang"): for matching names a model and a source accent differently."""
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


SOURCES_CACHED = 256
"""How many source texts the cross-checker keeps its readings of (folded text, words,
names, places, datelines, mentions): more than a batch or the 72-article dev corpus checks in
one pass, so repeat checks of a source never re-read it."""


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """Fold one character: compatibility-decompose, unify quotes/dashes, casefold."""
    if ch in _ZERO_WIDTH:
        return ""
    mapped = _CHAR_MAP.get(ch)
    if mapped is not None:
        return mapped
    if ch.isspace():
        return " "
    out = unicodedata.normalize("NFKD", ch).casefold()
    # casefold can recompose nothing but may produce characters that have mappings.
    return "".join(_CHAR_MAP.get(c, c) for c in out)


@dataclass(frozen=True, slots=True)
class FoldedText:
    """A folded string plus, for each of its characters, the original character index."""

    original: str
    folded: str
    origin: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded half-open span back to a half-open span of the original text."""
        return self.origin[start], self.origin[end - 1] + 1


_SPACE_RUN = re.compile(r" {2,}")


@lru_cache(maxsize=SOURCES_CACHED)
def fold(text: str) -> FoldedText:
    """Fold a source text; cached, so a source is folded once however many records are checked."""
    return _fold(text)


def _fold(text: str) -> FoldedText:
    """Fold `text`, collapsing whitespace runs to one space, keeping an offset map."""
    pieces = list(map(_fold_char, text))
    folded = "".join(pieces)
    if len(folded) == len(text):
        origin = list(range(len(text)))
    else:
        origin = [index for index, piece in enumerate(pieces) for _ in piece]
    runs = [(m.start() + 1, m.end()) for m in _SPACE_RUN.finditer(folded)]
    if runs:
        chars: list[str] = []
        kept: list[int] = []
        cursor = 0
        for start, end in runs:
            chars.append(folded[cursor:start])
            kept.extend(origin[cursor:start])
            cursor = end
        chars.append(folded[cursor:])
        kept.extend(origin[cursor:])
        folded, origin = "".join(chars), kept
    lead = len(folded) - len(folded.lstrip(" "))
    trail = len(folded.rstrip(" "))
    return FoldedText(text, folded[lead:trail], tuple(origin[lead:trail]))


@lru_cache(maxsize=8192)
def fold_query(text: str) -> str:
    """Fold a needle (no offsets needed): NFC first so NFD input composes consistently."""
    return _fold(unicodedata.normalize("NFC", text)).folded


def find_all(haystack: FoldedText, needle: str) -> list[tuple[int, int]]:
    """Every original-text span where the folded `needle` occurs (non-overlapping)."""
    query = fold_query(needle)
    if not query:
        return []
    spans: list[tuple[int, int]] = []
    pos = haystack.folded.find(query)
    while pos != -1:
        spans.append(haystack.span(pos, pos + len(query)))
        pos = haystack.folded.find(query, pos + len(query))
    return spans


_EDGE_PUNCT = re.compile(r"^[\s\"'“”‘’«».,;:(\[-]+|[\s\"'“”‘’«».,;:)\]-]+$")


def trim_edges(text: str) -> str:
    """Drop quote marks and sentence punctuation a quoter may add or omit at the ends."""
    return _EDGE_PUNCT.sub("", text)
