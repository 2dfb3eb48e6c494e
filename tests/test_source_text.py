"""Bad input gets a clear error; good input is normalised once."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.source_text import (
    MAX_ARTICLE_BYTES,
    InputError,
    article_id_for,
    read_source_text,
)

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (
            "Trade rose 5 per cent to 3 million euros".encode("latin-1") + b"\xe9t\xe9",
            "not valid UTF-8",
        ),
    ],
)
def test_bad_input_is_rejected_clearly(tmp_path: Path, payload: bytes, message: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(payload)
    with pytest.raises(InputError, match=message):
        read_source_text(path)


def test_enormous_input_is_rejected_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"Trade reached 5 billion USD. " * (5_000_000 // 29))
    assert path.stat().st_size > MAX_ARTICLE_BYTES
    with pytest.raises(InputError, match="larger than"):
        read_source_text(path)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_source_text(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="directory"):
        read_source_text(tmp_path)


def test_seed_reads_and_id_is_stable_across_whitespace() -> None:
    text = read_source_text(SEEDS / "004_05444abccb5cf6e6.txt")
    assert "Hà Nội" in text
    assert article_id_for(text) == article_id_for("\r\n" + text.replace(" ", "  ") + "\n")
    assert article_id_for(text) != article_id_for(text + " More.")
