"""Deterministic number extraction: every figure, date and year in a text, with exact spans.

No model is involved: precompiled regular expressions read each number with its currency,
scale, unit, hedge and change word, so the cross-checker can compare a model's figures
with what the source really says.
"""

from __future__ import annotations

from summarizer.numbers.extract import extract_mentions

__all__ = ["extract_mentions"]
