"""Evidence is found near-verbatim, with offsets into the ORIGINAL source text."""

from __future__ import annotations

import unicodedata

from support.crosscheck import seed

from summarizer.crosscheck import locate_evidence
from summarizer.crosscheck.textfold import fold


def _spans(source: str, evidence: str) -> list[tuple[int, int]]:
    return locate_evidence(fold(source), evidence)


def test_vietnamese_offsets_point_into_the_original_text() -> None:
    source = seed("004")
    quote = "Acting Director of the Hà Nội Department of Industry and Trade Trần Thị Phương Lan"
    [(start, end)] = _spans(source, quote)
    assert source[start:end] == quote
    # The same quote typed in decomposed form (NFD) maps to the same original offsets.
    assert _spans(source, unicodedata.normalize("NFD", quote)) == [(start, end)]


def test_whitespace_case_quotes_and_dashes_are_tolerated() -> None:
    source = seed("004")
    original = "“The parties will continue to increase information and experience exchanges"
    [(start, end)] = _spans(source, original)
    assert source[start:end] == original[1:]  # quote marks at the ends are not compared
    altered = '"the  parties will continue\nto increase information and experience exchanges'
    assert _spans(source, altered) == [(start, end)]
    dash = "Dong Dang-Pingxiang railway station"  # the source writes an en dash
    source_001 = seed("001")
    [(s, e)] = _spans(source_001, dash)
    assert source_001[s:e] == "Dong Dang–Pingxiang railway station"


def test_an_ellipsis_stands_for_omitted_words_in_order() -> None:
    source = seed("002")
    [(start, end)] = _spans(source, "the import-export turnover ... reached 35.7 billion USD")
    assert source[start:end].startswith("the import-export turnover between Vietnam and Guangxi")
    assert source[start:end].endswith("35.7 billion USD")
    assert _spans(source, "reached 35.7 billion USD ... the import-export turnover between") == []


def test_changed_words_or_digits_are_not_found() -> None:
    source = seed("002")
    assert _spans(source, "Guangxi's imports from Vietnam reached 6.2 billion USD")
    assert _spans(source, "Guangxi's imports from Vietnam reached 6.3 billion USD") == []
    assert _spans(source, "Guangxi's exports from Vietnam reached 6.2 billion USD") == []
    assert _spans(source, "Guangxi imports from Vietnam reached 6.2 billion USD") == []
    assert _spans(source, "   ") == []


def test_every_occurrence_is_reported() -> None:
    source = seed("003")
    spans = _spans(source, "accounting for 20.1% of the total import and export turnover")
    assert len(spans) == 2
    assert all(source[s:e].startswith("accounting for 20.1%") for s, e in spans)
