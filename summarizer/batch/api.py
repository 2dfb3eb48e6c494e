"""The one batch entry point: `run(items, store=..., backend=..., options=...)`.

`BatchOptions` holds what a person asks of a batch; a backend (`LocalBackend`,
`RayBackend`, `ProviderBatchBackend`) is where the model calls run. Every backend has
the same `run` signature and refuses, with a `ConfigurationError`, an option it cannot
honour, instead of silently ignoring it (the provider's Batch API sets its own
parallelism, so it refuses ``concurrency``; only it polls, so only it takes
``poll_interval_s``).

Names: ``recheck`` (an option) re-runs the cross-check over the stored records of
skipped articles; a `Rechecker` is the function that does one such check;
`recheck_record` is the default one.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any, ClassVar, Protocol

from summarizer.batch.cache import CacheSpec
from summarizer.batch.extraction import LazyExtractor, cache_spec, recheck_record
from summarizer.batch.options import BatchOptions
from summarizer.batch.progress import BatchSummary, NullProgress, ProgressSink
from summarizer.batch.runner import Extractor, Rechecker, run_batch
from summarizer.domain import IngestFailure, SourceArticle
from summarizer.errors import ConfigurationError
from summarizer.llm.config import LLMConfig
from summarizer.llm.server import embedded_concurrency
from summarizer.store.repository import Store

Items = Iterable[SourceArticle | IngestFailure]


class Backend(Protocol):
    """Where the model calls of a batch run; planning and store writes stay here."""

    name: ClassVar[str]
    supported: ClassVar[frozenset[str]]

    def run(
        self, items: Items, *, store: Store, options: BatchOptions, progress: ProgressSink
    ) -> BatchSummary: ...


def refuse_unsupported(backend: Backend, options: BatchOptions) -> None:
    """`ConfigurationError` naming each option the backend cannot honour."""
    refused = sorted(options.given() - backend.supported)
    if refused:
        flags = ", ".join(_FLAG_NAMES.get(name, name) for name in refused)
        raise ConfigurationError(
            f"the {backend.name} backend cannot honour {flags}", hint="drop it or use another"
        )


_FLAG_NAMES = {
    "concurrency": "--concurrency",
    "retry_failed": "--retry-failed",
    "recheck": "--recheck",
    "use_cache": "--no-cache",
    "poll_interval_s": "--poll-interval",
    "article_timeout_s": "--article-timeout",
}

_COMMON = frozenset({"retry_failed", "recheck", "use_cache"})


@dataclass
class LocalBackend:
    """Threads in this process call the model (an embedded server or any endpoint)."""

    config: LLMConfig
    spec: CacheSpec | None = None
    rechecker: Rechecker = recheck_record
    extractor: Extractor | None = None
    """For tests and embedding: the extraction function instead of a client on `config`."""

    name: ClassVar[str] = "local"
    supported: ClassVar[frozenset[str]] = _COMMON | {"concurrency", "article_timeout_s"}

    def run(
        self, items: Items, *, store: Store, options: BatchOptions, progress: ProgressSink
    ) -> BatchSummary:
        if options.concurrency is None and self.config.embedded and self.extractor is None:
            options = replace(options, concurrency=embedded_concurrency(os.cpu_count() or 1))
        with contextlib.ExitStack() as stack:
            extractor = self.extractor
            if extractor is None:
                extractor = stack.enter_context(LazyExtractor(self.config))
            return run_batch(
                items,
                store=store,
                extractor=extractor,
                spec=self.spec or cache_spec(self.config),
                options=options,
                rechecker=self.rechecker,
                progress=progress,
            )


@dataclass
class RayBackend:
    """Ray tasks call the model; the driver (here) plans and writes the store."""

    config: LLMConfig
    address: str = "auto"
    spec: CacheSpec | None = None
    rechecker: Rechecker = recheck_record

    name: ClassVar[str] = "Ray"
    supported: ClassVar[frozenset[str]] = _COMMON | {"concurrency"}

    def run(
        self, items: Items, *, store: Store, options: BatchOptions, progress: ProgressSink
    ) -> BatchSummary:
        from summarizer.batch.ray_runner import run_ray_batch

        return run_ray_batch(
            items,
            store=store,
            config=self.config,
            spec=self.spec or cache_spec(self.config),
            address=self.address,
            options=options,
            rechecker=self.rechecker,
            progress=progress,
        )


@dataclass
class ProviderBatchBackend:
    """The hosted OpenAI Batch API: one uploaded file, polled until it ends."""

    config: LLMConfig
    spec: CacheSpec | None = None
    rechecker: Rechecker = recheck_record
    client: Any = None
    sleep: Callable[[float], None] = time.sleep

    name: ClassVar[str] = "provider-batch"
    supported: ClassVar[frozenset[str]] = _COMMON | {"poll_interval_s"}

    def run(
        self, items: Items, *, store: Store, options: BatchOptions, progress: ProgressSink
    ) -> BatchSummary:
        from summarizer.batch.provider_batch import run_provider_batch

        return run_provider_batch(
            items,
            store=store,
            config=self.config,
            spec=self.spec or cache_spec(self.config),
            rechecker=self.rechecker,
            options=options,
            progress=progress,
            client=self.client,
            sleep=self.sleep,
        )


def run(
    items: Items,
    *,
    store: Store,
    backend: Backend,
    options: BatchOptions | None = None,
    progress: ProgressSink | None = None,
) -> BatchSummary:
    """Run a batch on `backend`; `elapsed_s` is the wall time including reading the input."""
    chosen = options or BatchOptions()
    refuse_unsupported(backend, chosen)
    t0 = time.monotonic()
    summary = backend.run(items, store=store, options=chosen, progress=progress or NullProgress())
    summary.elapsed_s = time.monotonic() - t0
    return summary


__all__ = [
    "Backend",
    "BatchOptions",
    "LocalBackend",
    "ProviderBatchBackend",
    "RayBackend",
    "refuse_unsupported",
    "run",
]
