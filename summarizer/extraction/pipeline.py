"""Article in, `ExtractionOutcome` out: prompt, call, convert, cross-check, one repair round.

Nothing here raises on a bad model answer: refusals, prose, empty objects and exhausted
retries all become a `failed` outcome with the error and the last raw output, so a
batch never stops on one article.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel, Field, create_model

from summarizer.crosscheck import check_record
from summarizer.domain import (
    ArticleRecord,
    Discrepancy,
    Extraction,
    ExtractionOutcome,
    OutcomeStatus,
    Provenance,
    ReasonCode,
    SourceArticle,
    TokenUsage,
    Verdict,
)
from summarizer.extraction.requests import (
    build_part_requests,
    extraction_from_drafts,
    find_mentions,
)
from summarizer.extraction.wire import (
    SUMMARY_CHARS,
    DraftExtractionBase,
    FramedExtraction,
    GroundedExtraction,
    WireModel,
    bounded,
    grounded_model,
)
from summarizer.llm.client import LLMClient, LLMError
from summarizer.llm.config import LLMConfig, resolve_config
from summarizer.llm.prompts import PromptSet, load_prompts
from summarizer.llm.session import open_client, shared_client

M = TypeVar("M", bound=BaseModel)
D = TypeVar("D", bound=DraftExtractionBase)
Checker = Callable[[str, ArticleRecord, dt.date | None], Verdict]


@dataclass
class _Budget:
    """Tokens and attempts spent on one article, all calls and retries together."""

    limit_tokens: int
    usage: TokenUsage = field(default_factory=TokenUsage)
    attempts: int = 0
    raw_output: str | None = None

    def add(self, usage: TokenUsage, attempts: int, raw_output: str | None) -> None:
        self.usage = self.usage + usage
        self.attempts += attempts
        self.raw_output = raw_output or self.raw_output

    @property
    def exhausted(self) -> bool:
        return self.usage.total_tokens >= self.limit_tokens


def default_checker() -> Checker:
    """The deterministic cross-checker."""

    def check(text: str, record: ArticleRecord, published: dt.date | None) -> Verdict:
        return check_record(text, record, published=published)

    return check


def _call(
    client: LLMClient,
    budget: _Budget,
    model: type[M],
    messages: list[dict[str, Any]],
    context: dict[str, Any],
) -> M:
    try:
        result = client.structured(model, messages, context=context)
    except LLMError as exc:
        budget.add(exc.usage, exc.attempts, exc.raw_output)
        raise
    budget.add(result.usage, result.attempts, result.raw_output)
    return result.value


def _better(first: Verdict, second: Verdict) -> bool:
    """True when `second` is strictly better: fewer discrepancies."""
    return len(second.discrepancies) < len(first.discrepancies)


def _record(
    article: SourceArticle,
    extraction: Extraction,
    config: LLMConfig,
    prompts: PromptSet,
    budget: _Budget,
    started: float,
) -> ArticleRecord:
    provenance = Provenance(
        model=config.model_label,
        prompt_version=prompts.version,
        created_at=dt.datetime.now(dt.UTC),
        usage=budget.usage,
        attempts=max(budget.attempts, 1),
        latency_s=round(time.monotonic() - started, 3),
    )
    return ArticleRecord.from_extraction(article, extraction, provenance)


_FIGURE_FIELD = re.compile(r"^figures\[(\d+)\]")


@dataclass(frozen=True)
class Targets:
    """What a targeted repair re-asks: the flagged figures' mention ids, and the summary."""

    ids: list[str]
    summary: bool
    discrepancies: list[Discrepancy]
    """The flags it addresses, their fields renamed for the model ('n6', not 'figures[2]')."""


def repair_targets(record: ArticleRecord, discrepancies: list[Discrepancy]) -> Targets | None:
    """The flags a grounded answer can fix by rewriting a few short fields: a figure's metric
    (or its citation, for a number that is no figure) and the summary. None if none is.
    A framed answer gets no round: the program wrote its figures, its summary is the
    article's lead, and flags on meetings or agreements are not a short field's rewrite.

    Why not the whole answer again: that is ~400 generated tokens (about 30 s on two cores)
    to change one phrase, and on the seeds the full round changed no F1 (docs/model.md).
    """
    ids: list[str] = []
    summary = False
    addressed: list[Discrepancy] = []
    for item in discrepancies:
        match = _FIGURE_FIELD.match(item.field)
        if match is not None and int(match[1]) < len(record.figures):
            figure = record.figures[int(match[1])]
            if figure.mention_id is None:
                continue
            if figure.mention_id not in ids:
                ids.append(figure.mention_id)
            label = f'{figure.mention_id} ("{figure.text}", your metric "{figure.metric}")'
            addressed.append(item.model_copy(update={"field": label}))
        elif item.field.startswith("summary"):
            summary = True
            addressed.append(item)
    if not addressed:
        return None
    return Targets(ids=ids, summary=summary, discrepancies=addressed)


def targeted_model(targets: Targets) -> type[WireModel]:
    """The small schema of a targeted repair: the flagged ids' metrics, the summary if flagged."""
    fields: dict[str, Any] = {}
    if targets.summary:
        fields["summary"] = (str, Field(min_length=1, json_schema_extra=bounded(SUMMARY_CHARS)))
    if targets.ids:
        listed = grounded_model(targets.ids).model_fields["figures"]
        fields["figures"] = (listed.annotation, listed)
    return create_model("Repair", __base__=WireModel, **fields)


def targeted_messages(
    prompts: PromptSet, messages: list[dict[str, Any]], targets: Targets
) -> list[dict[str, Any]]:
    """The first prompt (its prefix is in the server's cache) and the flags, no answer: the
    model rewrites only the flagged fields."""
    wanted = [*(["summary"] if targets.summary else []), *targets.ids]
    feedback = prompts.render(
        "repair",
        discrepancies=targets.discrepancies,
        targeted=", ".join(wanted),
        numbers=bool(targets.ids),
    )
    return [*messages, {"role": "user", "content": feedback}]


def apply_targeted(first: D, repaired: BaseModel) -> D:
    """The first answer with the re-asked fields replaced."""
    update: dict[str, Any] = {"summary": getattr(repaired, "summary", None) or first.summary}
    if isinstance(first, GroundedExtraction):
        update["figures"] = {**first.figures, **(getattr(repaired, "figures", None) or {})}
    return type(first).model_validate({**first.model_dump(), **update})


def repair_messages(
    prompts: PromptSet,
    messages: list[dict[str, Any]],
    previous: DraftExtractionBase,
    discrepancies: list[Discrepancy],
) -> list[dict[str, Any]]:
    """The first conversation, the model's answer, and the cross-check's findings."""
    answer = previous.model_dump_json(exclude_none=True)
    feedback = prompts.render("repair", discrepancies=discrepancies, targeted="")
    return [
        *messages,
        {"role": "assistant", "content": answer},
        {"role": "user", "content": feedback},
    ]


def _failed(
    article: SourceArticle, error: str, budget: _Budget, started: float
) -> ExtractionOutcome:
    return ExtractionOutcome(
        article_id=article.article_id,
        status=OutcomeStatus.failed,
        error=error,
        raw_output=budget.raw_output,
        usage=budget.usage,
        attempts=budget.attempts,
        latency_s=round(time.monotonic() - started, 3),
    )


def run_extraction(
    article: SourceArticle,
    config: LLMConfig,
    client: LLMClient,
    *,
    checker: Checker | None = None,
    prompts: PromptSet | None = None,
) -> ExtractionOutcome:
    """Extract, check and (once) repair one article with an open client."""
    started = time.monotonic()
    prompts = prompts or load_prompts()
    check = checker or default_checker()
    budget = _Budget(limit_tokens=config.max_article_tokens)
    text = article.text
    published = article.meta.published
    mentions = find_mentions(text)
    requests = build_part_requests(article, config, prompts, mentions)
    drafts: list[DraftExtractionBase] = []
    for request in requests:
        if budget.exhausted:
            return _failed(article, "token budget for this article exhausted", budget, started)
        try:
            draft = _call(client, budget, request.draft_model, request.messages, request.context)
        except LLMError as exc:
            return _failed(article, str(exc), budget, started)
        drafts.append(draft)
    extraction = extraction_from_drafts(article, drafts, mentions)
    record = _record(article, extraction, config, prompts, budget, started)
    verdict = check(text, record, published)
    if config.repair and verdict.discrepancies and len(requests) == 1 and not budget.exhausted:
        first = requests[0]
        repaired: DraftExtractionBase | None = None
        draft = drafts[0]
        grounded = isinstance(draft, GroundedExtraction | FramedExtraction)
        targets = (
            repair_targets(record, verdict.discrepancies)
            if isinstance(draft, GroundedExtraction)
            else None
        )
        try:
            if grounded:
                if targets is not None:  # flags on meetings or agreements alone: no round
                    answer = _call(
                        client,
                        budget,
                        targeted_model(targets),
                        targeted_messages(prompts, first.messages, targets),
                        first.context,
                    )
                    repaired = apply_targeted(draft, answer)
            else:
                messages = repair_messages(prompts, first.messages, draft, verdict.discrepancies)
                repaired = _call(
                    client,
                    budget,
                    first.draft_model,
                    messages,
                    {**first.context, "mentions": mentions},
                )
        except LLMError:
            repaired = None  # keep the first result; its usage is already counted
        if repaired is not None:
            candidate = extraction_from_drafts(article, [repaired], mentions)
            candidate_record = _record(article, candidate, config, prompts, budget, started)
            candidate_verdict = check(text, candidate_record, published)
            if _better(verdict, candidate_verdict):
                record, verdict = candidate_record, candidate_verdict
    provenance = record.provenance
    assert provenance is not None
    record = record.model_copy(
        update={
            "provenance": provenance.model_copy(
                update={
                    "usage": budget.usage,
                    "attempts": max(budget.attempts, 1),
                    "latency_s": round(time.monotonic() - started, 3),
                }
            )
        }
    )
    return ExtractionOutcome(
        article_id=article.article_id,
        status=OutcomeStatus(verdict.status.value),
        record=record,
        verdict=verdict,
        usage=budget.usage,
        attempts=budget.attempts,
        latency_s=round(time.monotonic() - started, 3),
    )


def extract_article(
    article: SourceArticle, config: LLMConfig, *, client: LLMClient | None = None
) -> ExtractionOutcome:
    """One article; opens (and closes) a client, starting the embedded model if configured."""
    if client is not None:
        return run_extraction(article, config, client)
    with open_client(config) as opened:
        return run_extraction(article, config, opened)


def extract_for_eval(article: SourceArticle) -> ExtractionOutcome:
    """Used by `summarizer eval --extract`: the configured model, one server for all articles."""
    config = resolve_config()
    return run_extraction(article, config, shared_client(config))


__all__ = ["ReasonCode", "extract_article", "extract_for_eval", "run_extraction"]
