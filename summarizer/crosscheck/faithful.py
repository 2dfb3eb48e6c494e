"""The meaning checks of one record, in one call the checker makes after the number checks.

Text grounding (`grounding`), figure meaning against frames (`meaning`), agreement
status (`agreements`) and dateline dates (`datelines`). Returns discrepancies, which
flag, and unverified fields, which do not.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from functools import lru_cache

from summarizer.crosscheck.agreements import check_agreement_status
from summarizer.crosscheck.context import SourceContext
from summarizer.crosscheck.datelines import check_dateline
from summarizer.crosscheck.figures import Finding
from summarizer.crosscheck.grounding import check_grounding
from summarizer.crosscheck.meaning import (
    Extractor,
    Meaning,
    check_figure_meaning,
    check_shared_metrics,
    check_spliced,
    check_summary_meaning,
)
from summarizer.crosscheck.textfold import SOURCES_CACHED
from summarizer.crosscheck.wordmatch import SourceWords
from summarizer.domain import Discrepancy, Extraction, Figure, NumericMention, Unverified
from summarizer.frames import frames_for


@lru_cache(maxsize=SOURCES_CACHED)
def source_words(text: str) -> SourceWords:
    """Folded source tokens; cached, a source is read once however many records are checked."""
    return SourceWords(text)


_MEANINGS: OrderedDict[
    tuple[str, dt.date | None], tuple[list[NumericMention], tuple[object, ...], Meaning]
] = OrderedDict()
_MEANINGS_KEPT = SOURCES_CACHED


def _signature(mentions: list[NumericMention]) -> tuple[object, ...]:
    """Every field of every mention: an equal list reads the same (cheaper than ==)."""
    return tuple(tuple(vars(m).values()) for m in mentions)


def source_meaning(ctx: SourceContext) -> Meaning:
    """The frames of a source with what the meaning checks derive from them, built once
    per source text, publication date and mention list (the same list, or an equal one,
    finds the cached reading): checking further records of a source parses nothing again."""
    key = (ctx.text, ctx.published)
    hit = _MEANINGS.get(key)
    if hit is not None and hit[1] == _signature(ctx.mentions):
        _MEANINGS.move_to_end(key)
        return hit[2]
    meaning = Meaning.build(ctx, frames_for(ctx.text, ctx.mentions, ctx.published))
    _MEANINGS[key] = (ctx.mentions, _signature(ctx.mentions), meaning)
    while len(_MEANINGS) > _MEANINGS_KEPT:
        _MEANINGS.popitem(last=False)
    return meaning


def clear_meaning_caches() -> None:
    """Forget cached frames and word indexes (for cold-start timing and tests)."""
    _MEANINGS.clear()
    source_words.cache_clear()


def check_meaning(
    ctx: SourceContext, record: Extraction, findings: list[Finding], extract: Extractor
) -> tuple[list[Discrepancy], list[Unverified]]:
    """Everything a record says beyond its numbers, against the source."""
    words = source_words(ctx.text)
    meaning = source_meaning(ctx)
    found: list[Discrepancy] = list(check_grounding(words, record))
    unverified: list[Unverified] = []
    matched: list[tuple[int, Figure, NumericMention]] = []
    for index, (figure, finding) in enumerate(zip(record.figures, findings, strict=True)):
        found.extend(check_spliced(ctx, f"figures[{index}].evidence", figure.evidence))
        mention = finding.mention if finding.ok else None
        found.extend(check_figure_meaning(meaning, index, figure, mention, unverified))
        if mention is not None:
            matched.append((index, figure, mention))
    judged = {i for i, _, _ in matched if any(d.field == f"figures[{i}].metric" for d in found)}
    found.extend(check_shared_metrics(meaning, matched, judged))
    if record.summary:
        found.extend(
            check_summary_meaning(meaning, "summary", record.summary, extract, record.figures)
        )
    for index, meeting in enumerate(record.meetings):
        found.extend(check_dateline(ctx.folded, f"meetings[{index}]", meeting.date_text))
    for index, agreement in enumerate(record.agreements):
        found.extend(check_spliced(ctx, f"agreements[{index}].evidence", agreement.evidence))
        found.extend(check_agreement_status(words, ctx.folded, index, agreement, unverified))
    return found, unverified
