"""Feed the briefing from the store: current runs with every review decision applied.

A reviewer's correction replaces the extracted value, and a rejected item leaves the
record, so the briefing reads the *reviewed* record (`review.service.reviewed_record`);
only discrepancies still open are listed as awaiting review, and values a reviewer
stored against the cross-check (overrides) are marked.

One bad article never breaks the briefing of the others: a stored record that no
longer validates, or a reviewed version that differs from what its audit entry recorded
(edited in the database), leaves that article out with a line in ``problems``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pydantic import ValidationError

from summarizer.brief.model import BriefingInput
from summarizer.domain import ArticleRecord, Discrepancy, SourceArticle
from summarizer.fieldpath import item_of
from summarizer.review.service import overrides_for_run, reviewed_record
from summarizer.review.terminal import terminal_safe
from summarizer.store.repository import Store, StoredArticle
from summarizer.store.tables import DiscrepancyStatus


@dataclass(frozen=True)
class StoreSelection:
    """What the store held for the briefing, and what it had to leave out."""

    inputs: list[BriefingInput]
    without_record: int
    problems: list[str] = field(default_factory=list)
    """One line per article left out because what the store holds for it is unusable."""


def renumber(discrepancy: Discrepancy, removed: list[str]) -> Discrepancy | None:
    """Point a discrepancy at its item after rejected items were dropped; None if dropped."""
    path = _renumber_path(discrepancy.field, removed)
    if path is None:
        return None
    return (
        discrepancy if path == discrepancy.field else discrepancy.model_copy(update={"field": path})
    )


def _renumber_path(path: str, removed: list[str]) -> str | None:
    """A field path after the rejected items before it were dropped; None if it was."""
    item = item_of(path)
    if item is None or not removed:
        return path
    gone = {
        other.index
        for p in removed
        if (other := item_of(p)) is not None and other.collection == item.collection
    }
    if item.index in gone:
        return None
    return item.at(item.index - sum(1 for other in gone if other < item.index))


def _first_error(exc: ValidationError) -> str:
    first = exc.errors(include_url=False)[0]
    where = ".".join(str(part) for part in first.get("loc", ()))
    return f"{where}: {first.get('msg')}" if where else str(first.get("msg"))


def _input(store: Store, stored: StoredArticle) -> BriefingInput | str | None:
    """The article's briefing input, None without a record, or why it is left out."""
    if stored.problem is not None:
        return stored.problem
    if stored.run is None or stored.record is None or stored.verdict is None:
        return None
    record: ArticleRecord = stored.record
    removed: list[str] = []
    corrected = False
    with store.session() as session:
        reviewed = reviewed_record(session, stored.run.id)
        overrides = overrides_for_run(session, stored.run.id)
        if reviewed is not None:
            if not reviewed.intact:
                return (
                    f"its reviewed record (version {reviewed.version_id}) differs from what the "
                    "audit log recorded; run `summarizer review verify`"
                )
            try:
                record = reviewed.for_briefing()
            except ValidationError as exc:
                return f"its reviewed record is invalid ({_first_error(exc)})"
            removed = reviewed.removed
            corrected = reviewed.version_id is not None
    still_open = [d.discrepancy for d in stored.discrepancies if d.status == DiscrepancyStatus.open]
    renumbered = [found for d in still_open if (found := renumber(d, removed)) is not None]
    marked = {
        path: reason
        for original, reason in overrides.items()
        if (path := _renumber_path(original, removed)) is not None
    }
    unverified = [  # what the check could not confirm follows its item, as flags do
        found.model_copy(update={"field": path})
        for found in stored.verdict.unverified
        if (path := _renumber_path(found.field, removed)) is not None
    ]
    verdict = stored.verdict.model_copy(update={"unverified": unverified})
    article = SourceArticle(article_id=stored.article_id, text=stored.text, meta=stored.meta)
    try:
        return BriefingInput(
            article=article,
            record=record,
            verdict=verdict,
            corrected=corrected,
            open_discrepancies=renumbered,
            overrides=marked,
        )
    except ValidationError as exc:
        return f"its record does not fit the article ({_first_error(exc)})"


def inputs_from_store(store: Store, since: dt.date | None = None) -> StoreSelection:
    """Every stored article (published on or after `since`) that has a usable record."""
    stored = store.list_articles(since)
    inputs: list[BriefingInput] = []
    problems: list[str] = []
    without = 0
    for article in stored:
        found = _input(store, article)
        if isinstance(found, BriefingInput):
            inputs.append(found)
        elif found is None:
            without += 1
        else:
            problems.append(terminal_safe(f"article {article.article_id}: {found}; left out"))
    return StoreSelection(inputs=inputs, without_record=without, problems=problems)
