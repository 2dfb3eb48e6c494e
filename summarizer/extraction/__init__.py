"""Extraction of a record from an article by a language model, grounded in regex mentions.

`extract_article(article, config)` and `extract_for_eval(article)` live in
`summarizer.extraction.pipeline`; they are re-exported lazily so that importing a small
helper module of this package does not load the model client.
"""

from __future__ import annotations

from typing import Any

__all__ = ["extract_article", "extract_for_eval"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from summarizer.extraction import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
