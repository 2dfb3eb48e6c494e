"""Read untrusted article files into normalised text, with clear errors for bad input.

Every offset the tool reports (numeric mentions, evidence, discrepancies) refers to the
text returned here, so normalisation happens exactly once, at this boundary.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from summarizer.errors import InputError as InputError  # re-exported: its old home

MAX_ARTICLE_BYTES = 2_000_000
"""Largest article accepted (2 MB); a news article is a few kilobytes."""

_BINARY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_WHITESPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """NFC-normalise, unify line endings and strip a byte-order mark."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def decode_article_bytes(data: bytes, *, name: str = "input") -> str:
    """Decode bytes as a UTF-8 article or raise `InputError` explaining the problem."""
    if not data.strip():
        raise InputError(f"{name}: the input is empty; nothing to summarise")
    if len(data) > MAX_ARTICLE_BYTES:
        raise InputError(
            f"{name}: {len(data):,} bytes is larger than the {MAX_ARTICLE_BYTES:,}-byte limit "
            "for one article; split it or pass the article alone"
        )
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: the input looks binary (NUL bytes); expected UTF-8 text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid UTF-8 (byte {exc.start}: {data[exc.start : exc.start + 1]!r}); "
            "convert it, e.g. `iconv -f latin1 -t utf-8`"
        ) from exc
    if len(_BINARY_CONTROL.findall(text[:8192])) > 8:
        raise InputError(f"{name}: the input has many control characters; expected article text")
    text = normalise_text(text)
    if not text.strip():
        raise InputError(f"{name}: the input holds only whitespace; nothing to summarise")
    return text


def read_source_text(path: Path) -> str:
    """Read an article file from disk; the size is checked before reading it all."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory; pass an article file")
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise InputError(
            f"{path}: {size:,} bytes is larger than the "
            f"{MAX_ARTICLE_BYTES:,}-byte limit for one article"
        )
    return decode_article_bytes(path.read_bytes(), name=str(path))


def article_id_for(text: str) -> str:
    """Stable id: the same story fetched twice (other whitespace, case) gets the same id."""
    canonical = _WHITESPACE.sub(" ", normalise_text(text)).strip().casefold()
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+|\n+")


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) of `text` holding `[start, end)`, verbatim.

    The one definition of a figure's evidence sentence: extraction writes it, the
    evaluation's reference records use it, so both quote the same span.
    """
    left = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        left = match.end()
    right = len(text)
    following = _SENTENCE_END.search(text, end)
    if following is not None:
        right = following.start()
    return text[left:right].strip()
