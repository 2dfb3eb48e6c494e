"""`BatchOptions`: what a person asks of a batch, and each option's default, in one place.

Every runner (local threads, Ray, the provider's Batch API) takes this one object, so an
option is named, defaulted and passed once; `summarizer.batch.api` decides which backend
may honour which option.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import ClassVar

DEFAULT_ARTICLE_TIMEOUT_S = 1800.0
"""The most one article may take in a local batch (model calls, retries, repair) before it
is stored as failed and the batch moves on; the client's own limits allow far more
(15-minute reads, five attempts), which let one hung model hold a batch for 75 minutes."""


@dataclass(frozen=True)
class BatchOptions:
    """What a batch is asked to do; `None` means "the backend's default"."""

    concurrency: int | None = None
    """Model calls in flight (local threads, Ray tasks); default 4, and for the embedded
    model in a local batch `llm.server.embedded_concurrency` (one on 2 cores)."""
    retry_failed: bool = False
    """Extract again the articles whose stored run failed."""
    recheck: bool = False
    """Re-run the cross-check over the stored records of skipped articles (no model call)."""
    use_cache: bool = True
    """Answer from, and fill, the response cache."""
    poll_interval_s: float | None = None
    """Seconds between polls of a provider batch; default 30."""
    article_timeout_s: float | None = None
    """The most one article may take in a local batch; default 30 minutes."""

    DEFAULT_CONCURRENCY: ClassVar[int] = 4
    DEFAULT_POLL_INTERVAL_S: ClassVar[float] = 30.0

    def given(self) -> set[str]:
        """The options set to something other than their default."""
        defaults = BatchOptions()
        return {f.name for f in fields(self) if getattr(self, f.name) != getattr(defaults, f.name)}

    @property
    def workers(self) -> int:
        """Model calls in flight, at least one."""
        return max(1, self.concurrency or self.DEFAULT_CONCURRENCY)

    @property
    def poll_interval(self) -> float:
        return (
            self.DEFAULT_POLL_INTERVAL_S if self.poll_interval_s is None else self.poll_interval_s
        )

    @property
    def article_timeout(self) -> float:
        """Seconds one article may take in a local batch."""
        return self.article_timeout_s or DEFAULT_ARTICLE_TIMEOUT_S


__all__ = ["DEFAULT_ARTICLE_TIMEOUT_S", "BatchOptions"]
