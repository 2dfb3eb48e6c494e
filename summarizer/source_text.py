"""Read untrusted article files into normalised text, with clear errors for bad input.

Every offset the tool reports (numeric mentions, evidence, discrepancies) refers to the
text returned here, so normalisation happens exactly once, at this boundary.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
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


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def read_regular_file(path: Path, *, limit: int) -> bytes:
    """A regular file's bytes, at most `limit`: devices, FIFOs and sockets are refused.

    The file is opened without blocking and checked on the open descriptor (no race with
    a swapped path), and the read is bounded even if the file grows while it is read, so
    ``/dev/zero`` or a FIFO can neither hang the tool nor fill its memory.
    """
    if path.is_symlink() and not path.exists():
        raise InputError(f"{path}: a broken symbolic link (points to {os.readlink(path)})")
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory; pass an article file")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from exc
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise InputError(
                f"{path}: not a regular file (a device, FIFO or socket); pass an article file"
            )
        if info.st_size > limit:
            raise InputError(
                f"{path}: {info.st_size:,} bytes is larger than the {limit:,}-byte limit"
            )
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"{path}: larger than the {limit:,}-byte limit")
    return data


def decode_article_bytes(data: bytes, *, name: str = "input") -> str:
    """Decode bytes as a UTF-8 article or raise `InputError` explaining the problem.

    UTF-16 with a byte-order mark (what Windows editors save as "Unicode") is decoded too.
    """
    if data.startswith(_UTF16_BOMS):
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: starts like UTF-16 but is not valid UTF-16") from exc
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
            "convert it from its encoding, e.g. `iconv -f windows-1258 -t utf-8` for "
            "Vietnamese Windows text or `iconv -f latin1 -t utf-8` for Western European"
        ) from exc
    if len(_BINARY_CONTROL.findall(text[:8192])) > 8:
        raise InputError(f"{name}: the input has many control characters; expected article text")
    text = normalise_text(text)
    if not text.strip():
        raise InputError(f"{name}: the input holds only whitespace; nothing to summarise")
    return text


def read_source_text(path: Path) -> str:
    """Read an article file from disk: a regular file, read no further than the limit."""
    data = read_regular_file(path, limit=MAX_ARTICLE_BYTES)
    return decode_article_bytes(data, name=str(path))


def article_id_for(text: str) -> str:
    """Stable id: the same story fetched twice (other whitespace, case) gets the same id."""
    canonical = _WHITESPACE.sub(" ", normalise_text(text)).strip().casefold()
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


DATELINE = re.compile(
    r"^\s*[A-ZÀ-Ỹ][^\n.]{0,40}?,?\s+(?:\(?[A-Za-z]{3,9}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+"
    r"[A-Za-z]{3,9}(?:\s+\d{4})?)\)?\s*(?:\([A-Z]+\))?\s*[-–—]"
)
"""A wire dateline opening a lead ("TAIPEI, March 3 -", "BANGKOK, 1 September 2014–",
"HÀ NỘI, May 5 (VNA) -"): where and when the story was filed, not what it reports."""
DATELINE_REACH = 120
"""How far into a line a dateline is looked for."""

SENTENCE_END = re.compile(
    r"(?<![.\s][A-Z]\.)(?<!\b(?:Mr|Dr|No|St|Co|Mt)\.)(?<!\b(?:Mrs|Inc|Ltd|Jan|Feb|Mar|Apr|Aug|"
    r"Sep|Oct|Nov|Dec)\.)(?<=[.!?])[\"'”’)]?\s+(?=[^a-z])|\n+|(?<=[a-z0-9%)”]\.)(?=[A-Z][a-z])"
)
"""The one definition of a sentence (evidence quotes, frames and the checker read it): it
ends at '.', '!' or '?' before a space and a word not in lower case, except after an
initial or abbreviation ("U.S. dollars", "Mr. Smith"); at a line break; and where a '.'
glues two sentences ("China.According")."""


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) of `text` holding `[start, end)`, verbatim.

    The one definition of a figure's evidence sentence: extraction writes it, the
    evaluation's reference records use it, so both quote the same span.
    """
    left = 0
    for match in SENTENCE_END.finditer(text, 0, start):
        left = match.end()
    right = len(text)
    following = SENTENCE_END.search(text, end)
    if following is not None:
        right = following.start()
    return text[left:right].strip()
