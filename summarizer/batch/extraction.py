"""Bind the extraction stage to a batch: one lazily opened client, the cache spec, the checker.

The client (and with it the embedded model server) is opened on the first article that
actually needs the model, so a rerun where everything is stored or cached starts
nothing and returns at once.
"""

from __future__ import annotations

import threading
from contextlib import ExitStack
from dataclasses import asdict
from typing import Any

from summarizer.batch.cache import CacheSpec
from summarizer.domain import ArticleRecord, ExtractionOutcome, SourceArticle, Verdict
from summarizer.extraction.pipeline import default_checker, run_extraction
from summarizer.llm.client import LLMClient
from summarizer.llm.config import LLMConfig
from summarizer.llm.prompts import load_prompts
from summarizer.llm.session import open_client

SAMPLING_FIELDS = (
    "temperature",
    "seed",
    "max_tokens",
    "n_ctx",
    "mode",
    "grounding",
    "repair",
    "max_validation_retries",
)
"""Config fields that change what the model answers (and so belong in the cache key)."""


def sampling_params(config: LLMConfig) -> dict[str, Any]:
    values = asdict(config)
    return {name: values[name] for name in SAMPLING_FIELDS if name in values}


def cache_spec(config: LLMConfig) -> CacheSpec:
    """The run/cache identity of a configuration: model label, prompt version, sampling."""
    return CacheSpec(
        model=config.model_label,
        prompt_version=load_prompts().version,
        sampling=sampling_params(config),
    )


def recheck_record(record: ArticleRecord, article: SourceArticle) -> Verdict:
    """The current deterministic cross-checker over a stored or cached record."""
    return default_checker()(article.text, record, article.meta.published)


class LazyExtractor:
    """`Extractor` for a batch; thread-safe; a context manager that closes the client."""

    def __init__(self, config: LLMConfig) -> None:
        self.config = config
        self.calls = 0
        self._client: LLMClient | None = None
        self._stack = ExitStack()
        self._lock = threading.Lock()

    def _ensure_client(self) -> LLMClient:
        with self._lock:
            if self._client is None:
                self._client = self._stack.enter_context(open_client(self.config))
            return self._client

    def __call__(self, article: SourceArticle) -> ExtractionOutcome:
        client = self._ensure_client()
        with self._lock:
            self.calls += 1
        return run_extraction(article, self.config, client)

    def close(self) -> None:
        self._stack.close()
        self._client = None

    def __enter__(self) -> LazyExtractor:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
