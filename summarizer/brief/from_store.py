"""Feed the briefing from the store: current runs with every review decision applied.

A reviewer's correction replaces the extracted value, and a rejected item leaves the
record, so the briefing reads the *reviewed* record (`review.service.reviewed_record`);
only discrepancies still open are listed as awaiting review.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from summarizer.brief.model import BriefingInput
from summarizer.domain import ArticleRecord, Discrepancy, SourceArticle
from summarizer.review.service import reviewed_record
from summarizer.store.repository import Store, StoredArticle
from summarizer.store.tables import DiscrepancyStatus

_ITEM = re.compile(r"^(meetings|figures|agreements)\[(\d+)\](.*)$", re.DOTALL)


@dataclass(frozen=True)
class StoreSelection:
    """What the store held for the briefing, and what it had to leave out."""

    inputs: list[BriefingInput]
    without_record: int


def renumber(discrepancy: Discrepancy, removed: list[str]) -> Discrepancy | None:
    """Point a discrepancy at its item after rejected items were dropped; None if dropped."""
    match = _ITEM.match(discrepancy.field)
    if match is None or not removed:
        return discrepancy
    name, index, rest = match.group(1), int(match.group(2)), match.group(3)
    gone = {int(m.group(2)) for path in removed if (m := _ITEM.match(path)) and m.group(1) == name}
    if index in gone:
        return None
    shifted = index - sum(1 for other in gone if other < index)
    return discrepancy.model_copy(update={"field": f"{name}[{shifted}]{rest}"})


def _input(store: Store, stored: StoredArticle) -> BriefingInput | None:
    if stored.run is None or stored.record is None or stored.verdict is None:
        return None
    record: ArticleRecord = stored.record
    removed: list[str] = []
    corrected = False
    with store.session() as session:
        reviewed = reviewed_record(session, stored.run.id)
        if reviewed is not None:
            record = reviewed.for_briefing()
            removed = reviewed.removed
            corrected = reviewed.version_id is not None
    still_open = [d.discrepancy for d in stored.discrepancies if d.status == DiscrepancyStatus.open]
    renumbered = [found for d in still_open if (found := renumber(d, removed)) is not None]
    article = SourceArticle(article_id=stored.article_id, text=stored.text, meta=stored.meta)
    return BriefingInput(
        article=article,
        record=record,
        verdict=stored.verdict,
        corrected=corrected,
        open_discrepancies=renumbered,
    )


def inputs_from_store(store: Store, since: dt.date | None = None) -> StoreSelection:
    """Every stored article (published on or after `since`) that has a record."""
    stored = store.list_articles(since)
    inputs = [item for item in (_input(store, s) for s in stored) if item is not None]
    return StoreSelection(inputs=inputs, without_record=len(stored) - len(inputs))
