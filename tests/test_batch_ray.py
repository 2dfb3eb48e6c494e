"""`--ray`: model calls as Ray tasks on a local Ray instance, same store semantics.

Skipped when Ray is not installed (`pip install 'summarizer[ray]'`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support.batch import counts, written_articles
from support.openai_server import FakeOpenAIServer

from summarizer.batch.extraction import cache_spec, recheck_record
from summarizer.batch.options import BatchOptions
from summarizer.llm.config import LLMConfig
from summarizer.store.repository import Store

ray = pytest.importorskip("ray", reason="Ray is not installed: pip install 'summarizer[ray]'")

pytestmark = [pytest.mark.ray, pytest.mark.slow]


@pytest.fixture(scope="module")
def local_ray() -> Iterator[Any]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


def test_ray_batch_stores_each_article_once_and_reruns_free(local_ray: Any, tmp_path: Path) -> None:
    from summarizer.batch.ray_runner import run_ray_batch

    articles = written_articles(tmp_path / "in", 6, failing=frozenset({4}))
    db = tmp_path / "ray.db"
    with FakeOpenAIServer() as fake:
        config = LLMConfig(base_url=fake.base_url, model="fake", max_http_retries=0)
        store = Store.open(str(db))
        summary = run_ray_batch(
            articles,
            store=store,
            config=config,
            spec=cache_spec(config),
            options=BatchOptions(concurrency=2),
            rechecker=recheck_record,
        )
        assert (summary.accepted + summary.flagged, summary.failed) == (5, 1)
        assert counts(db) == (6, 6, 5)
        assert fake.chat_requests == 6

        again = run_ray_batch(
            articles, store=store, config=config, spec=cache_spec(config), rechecker=recheck_record
        )
        assert (again.skipped, again.processed) == (6, 0)  # the failure is not retried
        assert fake.chat_requests == 6

        fake.fail_enabled = False
        retried = run_ray_batch(
            articles,
            store=store,
            config=config,
            spec=cache_spec(config),
            options=BatchOptions(retry_failed=True),
            rechecker=recheck_record,
        )
        assert (retried.processed, retried.failed) == (1, 0)
        assert counts(db) == (6, 6, 6)
