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


def fold(text: str) -> FoldedText:
    """Fold `text`, collapsing whitespace runs to one space, keeping an offset map."""
    chars: list[str] = []
    origin: list[int] = []
    last_space = True  # drop leading whitespace
    for index, ch in enumerate(text):
        piece = _fold_char(ch)
        for sub in piece:
            if sub == " ":
                if last_space:
                    continue
                last_space = True
            else:
                last_space = False
            chars.append(sub)
            origin.append(index)
    while chars and chars[-1] == " ":
        chars.pop()
        origin.pop()
    return FoldedText(text, "".join(chars), tuple(origin))


def fold_query(text: str) -> str:
    """Fold a needle (no offsets needed): NFKC first so NFD input composes consistently."""
    return fold(unicodedata.normalize("NFC", text)).folded


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
