"""Fixtures every test module may use without importing them.

Helpers that tests import (builders, fakes, the shared articles and records) live in
`tests/support/`; the fixtures several modules share are declared here, once.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support.cassettes import model_server, vcr_settings
from support.openai_server import FakeOpenAIServer
from support.stores import pg_url, store_url

from summarizer.store.repository import Store

__all__ = ["fake", "model_url", "pg_url", "store", "store_url", "vcr_config"]


@pytest.fixture
def fake() -> Iterator[FakeOpenAIServer]:
    """The fake OpenAI-compatible server (chat and Batch API), started and stopped."""
    with FakeOpenAIServer() as server:
        yield server


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """An empty, migrated SQLite store in the test's temp folder (modules may override it)."""
    return Store.open(str(tmp_path / "store.db"))


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    """How cassettes are matched and scrubbed; each module names its `vcr_cassette_dir`."""
    return vcr_settings()


@pytest.fixture
def model_url(record_mode: str) -> Iterator[str]:
    """The URL the cassettes were recorded at; a real server only when recording."""
    yield from model_server(record_mode)
