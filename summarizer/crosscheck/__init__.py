"""Deterministic cross-check of an extracted record against its source text."""

from __future__ import annotations

from summarizer.crosscheck.checker import check_record
from summarizer.crosscheck.dates import resolve_date_text
from summarizer.crosscheck.evidence import locate_evidence

__all__ = ["check_record", "locate_evidence", "resolve_date_text"]
