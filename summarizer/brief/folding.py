"""Case- and diacritic-insensitive keys, so 'Nguyễn Hồng Diên' and 'Nguyen Hong Dien' match."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")
_SPECIAL = str.maketrans({"đ": "d", "ð": "d", "ø": "o", "ł": "l", "ß": "ss", "æ": "ae"})

METRIC_STOPWORDS: frozenset[str] = frozenset(
    {"a", "an", "and", "at", "between", "by", "for", "from", "in", "of", "on", "s", "the", "to"}
)
"""Words that do not change what a metric measures ('the trade of A' == 'A trade')."""


def fold(text: str) -> str:
    """Lower-case, strip diacritics and punctuation, collapse spaces."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_SPECIAL))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", stripped.translate(_SPECIAL)).strip()


def metric_key(metric: str) -> str:
    """A metric's content words in order: "Hainan's exports to Vietnam" -> 'hainan exports vietnam'.

    Word order is kept on purpose: "Vietnam's exports to Hainan" is a different figure.
    """
    return " ".join(word for word in fold(metric).split() if word not in METRIC_STOPWORDS)
