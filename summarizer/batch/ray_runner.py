"""`summarizer batch --ray`: the model calls run as Ray tasks; the store is written here.

Only the model call is distributed. Planning (what is already done), the cache and every
store write stay on the driver, through the same `BatchWriter` as the local runner, so a
Ray batch has exactly the same idempotency: kill it, rerun it, nothing is lost or
doubled. Workers need the package installed (same image, or a `runtime_env`) and must
reach the model endpoint; only the driver needs to reach the database.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Iterable
from typing import Any

from summarizer import errors
from summarizer.batch.cache import CacheSpec
from summarizer.batch.claims import Claims, Heartbeat
from summarizer.batch.options import BatchOptions
from summarizer.batch.progress import BatchSummary, ProgressSink
from summarizer.batch.runner import (
    Processed,
    Rechecker,
    claimed,
    failure_outcome,
    from_cache,
    open_batch,
)
from summarizer.domain import ExtractionOutcome, IngestFailure, SourceArticle
from summarizer.llm.config import LLMConfig
from summarizer.store.repository import Store
from summarizer.store.tables import utcnow

RemoteExtract = Callable[[dict[str, Any], LLMConfig], dict[str, Any]]


class RayUnavailableError(errors.ConfigurationError):
    """Ray is not installed or the cluster cannot be reached."""


def extract_in_worker(article_json: dict[str, Any], config: LLMConfig) -> dict[str, Any]:
    """Runs on a Ray worker: one client per worker process, reused across tasks."""
    from summarizer.extraction.pipeline import run_extraction
    from summarizer.llm.session import shared_client

    article = SourceArticle.model_validate(article_json)
    started = utcnow()
    try:
        outcome = run_extraction(article, config, shared_client(config))
    except Exception as exc:  # reported, stored as a failed run, never lost
        outcome = failure_outcome(article.article_id, exc)
    return {
        "outcome": outcome.model_dump(mode="json"),
        "started_at": started.isoformat(),
        "finished_at": utcnow().isoformat(),
    }


def _ray() -> Any:
    try:
        return importlib.import_module("ray")
    except ImportError as exc:
        raise RayUnavailableError(
            "--ray needs Ray: pip install 'summarizer[ray]' (or pip install 'ray[default]>=2.30')"
        ) from exc


def connect(address: str) -> Any:
    """Join a cluster (`ray://head:10001`, `auto`) or, for `local`, start one here.

    `auto` falls back to a local instance when no cluster is running. A session that
    is already initialised (e.g. by a test) is reused as it is.
    """
    ray = _ray()
    if ray.is_initialized():
        return ray
    if address == "local":
        ray.init(include_dashboard=False, log_to_driver=False)
        return ray
    try:
        ray.init(address=address, log_to_driver=False)
    except ConnectionError as exc:
        if address != "auto":
            raise RayUnavailableError(f"cannot reach the Ray cluster at {address}: {exc}") from exc
        ray.init(include_dashboard=False, log_to_driver=False)
    return ray


def _processed(article: SourceArticle, result: dict[str, Any]) -> Processed:
    import datetime as dt

    return Processed(
        article=article,
        outcome=ExtractionOutcome.model_validate(result["outcome"]),
        cached=False,
        started_at=dt.datetime.fromisoformat(result["started_at"]),
        finished_at=dt.datetime.fromisoformat(result["finished_at"]),
    )


def run_ray_batch(
    items: Iterable[SourceArticle | IngestFailure],
    *,
    store: Store,
    config: LLMConfig,
    spec: CacheSpec,
    address: str = "auto",
    options: BatchOptions | None = None,
    rechecker: Rechecker | None = None,
    progress: ProgressSink | None = None,
    remote_extract: RemoteExtract = extract_in_worker,
) -> BatchSummary:
    """Like `run_batch`, with at most ``options.workers`` Ray tasks in flight."""
    t0 = time.monotonic()
    ray = connect(address)
    chosen = options or BatchOptions()
    planner, writer = open_batch(items, store, spec, chosen, progress, rechecker)
    summary = writer.summary
    task = ray.remote(num_cpus=1, max_retries=2)(remote_extract)
    in_flight: dict[Any, SourceArticle] = {}
    claims = Claims(store, spec.run_key)
    queue = claimed(planner.stream(writer), claims, writer, retry_failed=chosen.retry_failed)
    exhausted = False
    with Heartbeat(claims):
        while not exhausted or in_flight:
            while not exhausted and len(in_flight) < chosen.workers:
                article = next(queue, None)
                if article is None:
                    exhausted = True
                    break
                hit = from_cache(article, writer.cache, rechecker)
                if hit is not None:
                    writer.save(hit)
                    claims.release(article.article_id)
                    continue
                ref = task.remote(article.model_dump(mode="json"), config)
                in_flight[ref] = article
            if not in_flight:
                continue
            ready, _ = ray.wait(list(in_flight), num_returns=1)
            for ref in ready:
                article = in_flight.pop(ref)
                try:
                    result = ray.get(ref)
                except Exception as exc:  # the task itself died (worker lost, retries spent)
                    now = utcnow()
                    processed = Processed(
                        article, failure_outcome(article.article_id, exc), False, now, now
                    )
                else:
                    processed = _processed(article, result)
                writer.save(processed)
                claims.release(article.article_id)
    summary.elapsed_s = time.monotonic() - t0
    writer.progress.finish(summary)
    return summary
