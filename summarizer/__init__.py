"""Briefing-grade structured news summariser with a deterministic numeric cross-check.

The public Python API lives here (see `summarizer.api`)::

    import summarizer
    outcome = summarizer.summarize(Path("article.txt"))   # extract + cross-check one article
    verdict = summarizer.check(text, {"summary": ..., "figures": [...]})
    summary = summarizer.run_batch(["feeds/", "https://example.org/rss.xml"], db="b.db")
    print(summarizer.briefing(db="b.db").render("md"))

Names are imported on first use (PEP 562 ``__getattr__``), so ``import summarizer``
loads no model client, database driver or pydantic schema until one is needed.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from summarizer.api import (
        BatchOptions,
        BatchSummary,
        BriefingResult,
        briefing,
        check,
        run_batch,
        summarize,
    )
    from summarizer.errors import SummarizerError

_LAZY = {
    "summarize": "summarizer.api",
    "check": "summarizer.api",
    "run_batch": "summarizer.api",
    "briefing": "summarizer.api",
    "BatchOptions": "summarizer.api",
    "BatchSummary": "summarizer.api",
    "BriefingResult": "summarizer.api",
    "SummarizerError": "summarizer.errors",
}


def __getattr__(name: str) -> Any:
    """Import a public name's module on first access and cache the name here."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'summarizer' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])


__all__ = [
    "BatchOptions",
    "BatchSummary",
    "BriefingResult",
    "SummarizerError",
    "__version__",
    "briefing",
    "check",
    "run_batch",
    "summarize",
]
