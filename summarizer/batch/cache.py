"""The response cache: a model's answer for one article, keyed by everything that shaped it.

The key is a hash of model, prompt version, schema hash, sampling parameters and
article id, so a rerun or a re-check with the same inputs costs no tokens, while a new
prompt, model, schema or temperature misses the cache. What is cached is the
`ExtractionOutcome` (record, verdict, usage); on a hit the verdict is recomputed by the
current cross-checker, so changing the checker re-checks without calling the model.
Failed outcomes are never cached: a retry must call the model again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pydantic import ValidationError

from summarizer.domain import SCHEMA_VERSION, ExtractionOutcome, OutcomeStatus
from summarizer.store.repository import RunKey, Store


def _digest(value: Any) -> str:
    canonical = json.dumps(value, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@cache
def schema_hash() -> str:
    """Hash of the outcome's JSON Schema: any domain model change invalidates the cache."""
    return _digest(ExtractionOutcome.model_json_schema())[:16]


def sampling_hash(sampling: Mapping[str, Any]) -> str:
    return _digest(dict(sampling))[:16]


@dataclass(frozen=True)
class CacheSpec:
    """Everything besides the article that decides what the model answers."""

    model: str
    prompt_version: str
    sampling: Mapping[str, Any] = field(default_factory=dict)
    schema_version: str = SCHEMA_VERSION

    @property
    def run_key(self) -> RunKey:
        return RunKey(
            model=self.model,
            prompt_version=self.prompt_version,
            schema_version=self.schema_version,
            sampling_hash=sampling_hash(self.sampling),
        )

    def key(self, article_id: str) -> str:
        return _digest(
            {
                "model": self.model,
                "prompt_version": self.prompt_version,
                "schema": schema_hash(),
                "sampling": dict(self.sampling),
                "article_id": article_id,
            }
        )


class OutcomeCache:
    """Read and build cache entries in the store's ``response_cache`` table."""

    def __init__(self, store: Store, spec: CacheSpec) -> None:
        self.store = store
        self.spec = spec
        self._present: set[str] | None = None

    def prefetch(self, article_ids: Iterable[str]) -> None:
        """Learn in bulk which articles have an entry, so misses cost no query."""
        self._present = self.store.cache_keys_present(self.spec.key(a) for a in article_ids)

    def get(self, article_id: str) -> ExtractionOutcome | None:
        """The cached outcome, or None (also when an old entry no longer validates)."""
        key = self.spec.key(article_id)
        if self._present is not None and key not in self._present:
            return None
        data = self.store.cache_get(key)
        if data is None:
            return None
        try:
            return ExtractionOutcome.model_validate(data)
        except ValidationError:
            return None

    def entry(self, outcome: ExtractionOutcome) -> tuple[str, dict[str, Any]] | None:
        """(key, JSON) to store with the run, or None for a failure (never cached)."""
        if outcome.status == OutcomeStatus.failed:
            return None
        return self.spec.key(outcome.article_id), outcome.model_dump(mode="json")
