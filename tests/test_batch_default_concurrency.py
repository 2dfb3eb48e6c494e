"""A local batch on the embedded model keeps as many calls in flight as 2 cores serve best."""

from __future__ import annotations

from typing import Any

import pytest

import summarizer.batch.api as batch_api
from summarizer.batch.api import LocalBackend
from summarizer.batch.options import BatchOptions
from summarizer.batch.progress import NullProgress
from summarizer.llm.config import LLMConfig
from summarizer.llm.server import embedded_concurrency
from summarizer.store.repository import Store


def test_two_cores_serve_one_call_at_a_time_more_serve_four() -> None:
    assert embedded_concurrency(2) == 1
    assert embedded_concurrency(1) == 1
    assert embedded_concurrency(8) == 4


@pytest.mark.parametrize(
    ("config", "asked", "in_flight"),
    [
        (LLMConfig(), None, 1),  # the embedded model on 2 cores
        (LLMConfig(), 3, 3),  # what the user asks for wins
        (LLMConfig(base_url="http://127.0.0.1:9/v1"), None, BatchOptions.DEFAULT_CONCURRENCY),
    ],
)
def test_the_local_backend_chooses_for_the_embedded_model_only(
    monkeypatch: pytest.MonkeyPatch, config: LLMConfig, asked: int | None, in_flight: int
) -> None:
    seen: list[BatchOptions] = []

    def capture(*_args: Any, options: BatchOptions, **_kwargs: Any) -> Any:
        seen.append(options)
        return None

    monkeypatch.setattr(batch_api, "run_batch", capture)
    monkeypatch.setattr(batch_api.os, "cpu_count", lambda: 2)
    LocalBackend(config).run(
        [],
        store=Store.open(":memory:"),
        options=BatchOptions(concurrency=asked),
        progress=NullProgress(),
    )
    assert seen[0].workers == in_flight
