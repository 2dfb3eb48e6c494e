"""`summarizer batch --provider-batch`: extraction through the hosted OpenAI Batch API.

Flow: one chat-completion request per article part in a JSONL file, uploaded with the
files API (purpose ``batch``), a batch created on ``/v1/chat/completions``, polled until
it ends, its output file downloaded and each answer turned into a stored outcome through
the same conversion and cross-check as a live call (without validation retries or the
repair round: a batch answer that fails validation is stored as failed, and
``--retry-failed`` later sends it through the live path).

Never submitted twice: a submission is recorded in the store *before* the batch is
created (keyed by the uploaded file) and tagged with that file id in the batch metadata;
a rerun adopts a batch it finds under that tag, polls batches it knows, and only submits
articles that are neither stored nor in an open batch.
"""

from __future__ import annotations

import io
import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Final

import openai
from instructor.processing.response import handle_response_model
from pydantic import ValidationError

from summarizer.batch.cache import CacheSpec
from summarizer.batch.claims import Claims, Heartbeat
from summarizer.batch.options import BatchOptions
from summarizer.batch.progress import BatchSummary, ProgressSink
from summarizer.batch.runner import Processed, Rechecker, claimed, from_cache, open_batch
from summarizer.domain import (
    ArticleRecord,
    ExtractionOutcome,
    IngestFailure,
    NumericMention,
    OutcomeStatus,
    Provenance,
    SourceArticle,
    TokenUsage,
)
from summarizer.extraction.requests import (
    article_chunks,
    build_part_requests,
    draft_model,
    extraction_from_drafts,
    find_mentions,
    part_mentions,
)
from summarizer.extraction.wire import DraftExtractionBase
from summarizer.llm.client import pick_mode
from summarizer.llm.config import LLMConfig
from summarizer.llm.prompts import load_prompts
from summarizer.store.repository import Store
from summarizer.store.tables import utcnow

ENDPOINT: Final = "/v1/chat/completions"
TERMINAL = frozenset({"completed", "failed", "expired", "cancelled"})
PENDING_PREFIX = "pending:"
METADATA_TAG = "summarizer_input_file"


@dataclass(frozen=True)
class BatchRequest:
    """One line of the input file: an article part and the request body sent for it."""

    custom_id: str
    body: dict[str, Any]


def build_requests(article: SourceArticle, config: LLMConfig) -> list[BatchRequest]:
    """The same prompt and tool schema a live call sends, one request per article part."""
    requests: list[BatchRequest] = []
    for part in build_part_requests(article, config, load_prompts()):
        _, kwargs = handle_response_model(
            part.draft_model, mode=pick_mode(config), messages=part.messages
        )
        body = {
            **kwargs,
            "model": config.model,
            "temperature": config.temperature,
            "max_tokens": config.max_tokens,
        }
        requests.append(BatchRequest(custom_id=f"{article.article_id}/{part.part}", body=body))
    return requests


def _answer_text(body: dict[str, Any]) -> str:
    """The tool-call arguments (or the content) of a chat completion body."""
    message = body["choices"][0]["message"]
    for call in message.get("tool_calls") or []:
        return str(call["function"]["arguments"])
    content = message.get("content")
    if not isinstance(content, str):
        raise ValueError("the answer has neither a tool call nor text content")
    return content


def _usage(body: dict[str, Any]) -> TokenUsage:
    usage = body.get("usage") or {}
    return TokenUsage(
        prompt_tokens=int(usage.get("prompt_tokens", 0)),
        completion_tokens=int(usage.get("completion_tokens", 0)),
    )


def outcome_from_answers(
    article: SourceArticle,
    answers: dict[int, dict[str, Any] | str],
    config: LLMConfig,
    spec: CacheSpec,
    rechecker: Rechecker,
) -> ExtractionOutcome:
    """Convert the batch answers of an article's parts (a body, or an error string)."""
    chunks = article_chunks(article, config)
    mentions: list[NumericMention] = find_mentions(article.text)
    usage = TokenUsage()
    raw: str | None = None
    drafts: list[DraftExtractionBase] = []
    for index, chunk in enumerate(chunks, start=1):
        answer = answers.get(index, "no answer for this part in the batch output")
        if isinstance(answer, str):
            return _failed(article, f"batch request failed: {answer}", usage, raw, len(answers))
        usage = usage + _usage(answer)
        try:
            raw = _answer_text(answer)
            context = {"source": article.text, "mentions": part_mentions(config, chunk, mentions)}
            drafts.append(draft_model(config).model_validate_json(raw, context=context))
        except (ValidationError, ValueError, KeyError, IndexError) as exc:
            error = f"the batch answer failed validation: {str(exc).splitlines()[0]}"
            return _failed(article, error, usage, raw, len(answers))
    try:
        extraction = extraction_from_drafts(article, drafts, mentions)
    except (ValidationError, ValueError) as exc:
        error = f"the batch answer failed validation: {str(exc).splitlines()[0]}"
        return _failed(article, error, usage, raw, len(answers))
    provenance = Provenance(
        model=spec.model,
        prompt_version=spec.prompt_version,
        created_at=utcnow(),
        usage=usage,
        attempts=len(chunks),
    )
    record = ArticleRecord.from_extraction(article, extraction, provenance)
    verdict = rechecker(record, article)
    return ExtractionOutcome(
        article_id=article.article_id,
        status=OutcomeStatus(verdict.status.value),
        record=record,
        verdict=verdict,
        usage=usage,
        attempts=len(chunks),
    )


def _failed(
    article: SourceArticle, error: str, usage: TokenUsage, raw: str | None, attempts: int
) -> ExtractionOutcome:
    return ExtractionOutcome(
        article_id=article.article_id,
        status=OutcomeStatus.failed,
        error=error,
        raw_output=raw,
        usage=usage,
        attempts=attempts,
    )


class ProviderBatchRunner:
    """Submit, poll and collect hosted batches for one run key, idempotently."""

    def __init__(
        self,
        store: Store,
        config: LLMConfig,
        spec: CacheSpec,
        rechecker: Rechecker,
        *,
        client: openai.OpenAI | None = None,
        poll_interval_s: float = 10.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.store = store
        self.config = config
        self.spec = spec
        self.key = spec.run_key
        self.rechecker = rechecker
        self.client = client or openai.OpenAI(
            base_url=config.base_url, api_key=config.api_key or "not-needed-locally"
        )
        self.poll_interval_s = poll_interval_s
        self.sleep = sleep

    def in_open_batches(self) -> set[str]:
        return {a for _, _, ids in self.store.provider_batches(self.key) for a in ids}

    def submit(self, articles: list[SourceArticle]) -> str | None:
        """Upload the requests and create the batch; the store knows of it at every step."""
        if not articles:
            return None
        lines = [
            json.dumps(
                {"custom_id": r.custom_id, "method": "POST", "url": ENDPOINT, "body": r.body}
            )
            for article in articles
            for r in build_requests(article, self.config)
        ]
        data = ("\n".join(lines) + "\n").encode("utf-8")
        uploaded = self.client.files.create(
            file=("summarizer-batch.jsonl", io.BytesIO(data)), purpose="batch"
        )
        pending_id = PENDING_PREFIX + uploaded.id
        ids = [a.article_id for a in articles]
        self.store.add_provider_batch(pending_id, self.key, uploaded.id, "submitting", ids)
        return self._create(pending_id, uploaded.id, ids)

    def _create(self, pending_id: str, input_file_id: str, article_ids: list[str]) -> str:
        batch = self.client.batches.create(
            input_file_id=input_file_id,
            endpoint=ENDPOINT,
            completion_window="24h",
            metadata={METADATA_TAG: input_file_id},
        )
        self.store.promote_provider_batch(pending_id, batch.id, batch.status)
        return batch.id

    def resume_pending(self) -> None:
        """A crash between 'create' and 'remember': adopt the created batch, else create it."""
        for batch_id, _, ids in self.store.provider_batches(self.key):
            if not batch_id.startswith(PENDING_PREFIX):
                continue
            input_file_id = batch_id.removeprefix(PENDING_PREFIX)
            found = None
            for batch in self.client.batches.list(limit=100):
                if (batch.metadata or {}).get(METADATA_TAG) == input_file_id:
                    found = batch
                    break
            if found is not None:
                self.store.promote_provider_batch(batch_id, found.id, found.status)
            else:
                self._create(batch_id, input_file_id, ids)

    def wait(self, batch_id: str) -> Any:
        while True:
            batch = self.client.batches.retrieve(batch_id)
            self.store.update_provider_batch(batch_id, status=batch.status)
            if batch.status in TERMINAL:
                return batch
            self.sleep(self.poll_interval_s)

    def collect(
        self, batch: Any, articles: dict[str, SourceArticle], save: Callable[[Processed], None]
    ) -> None:
        """Store every article of a finished batch (answers, errors, or the batch's failure)."""
        answers: dict[str, dict[int, dict[str, Any] | str]] = {}
        for file_id in (batch.output_file_id, batch.error_file_id):
            if not file_id:
                continue
            for line in self.client.files.content(file_id).text.splitlines():
                if not line.strip():
                    continue
                item = json.loads(line)
                article_id, _, part = str(item["custom_id"]).partition("/")
                response = item.get("response") or {}
                if item.get("error") or response.get("status_code") != 200:
                    error = item.get("error") or response.get("body", {}).get("error") or {}
                    message = (
                        error.get("message", "unknown error")
                        if isinstance(error, dict)
                        else str(error)
                    )
                    answers.setdefault(article_id, {})[int(part)] = (
                        f"HTTP {response.get('status_code')}: {message}"
                    )
                else:
                    answers.setdefault(article_id, {})[int(part)] = response["body"]
        now = utcnow()
        for article_id in self._batch_article_ids(batch.id):
            article = articles.get(article_id) or self.store.get_article_text(article_id)
            if article is None:
                continue  # not in this input and never stored: nothing to attach it to
            if batch.status != "completed":
                outcome = _failed(
                    article, f"the provider batch ended {batch.status}", TokenUsage(), None, 0
                )
            else:
                outcome = outcome_from_answers(
                    article, answers.get(article_id, {}), self.config, self.spec, self.rechecker
                )
            save(Processed(article, outcome, False, now, utcnow()))
        self.store.update_provider_batch(batch.id, status=batch.status, collected=True)

    def _batch_article_ids(self, batch_id: str) -> list[str]:
        for known_id, _, ids in self.store.provider_batches(self.key, open_only=False):
            if known_id == batch_id:
                return ids
        return []


def run_provider_batch(
    items: Iterable[SourceArticle | IngestFailure],
    *,
    store: Store,
    config: LLMConfig,
    spec: CacheSpec,
    rechecker: Rechecker,
    options: BatchOptions | None = None,
    progress: ProgressSink | None = None,
    client: openai.OpenAI | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> BatchSummary:
    """Submit what is new, then wait for and collect every open batch of this run key."""
    t0 = time.monotonic()
    chosen = options or BatchOptions()
    planner, writer = open_batch(items, store, spec, chosen, progress, rechecker)
    plan = planner.read_all(writer)
    todo: list[SourceArticle] = []
    for article in plan.todo:  # a cached answer is stored here, never paid for again
        hit = from_cache(article, writer.cache, rechecker)
        if hit is None:
            todo.append(article)
        else:
            writer.save(hit)
    runner = ProviderBatchRunner(
        store,
        config,
        spec,
        rechecker,
        client=client,
        poll_interval_s=chosen.poll_interval,
        sleep=sleep,
    )
    runner.sleep = sleep
    runner.resume_pending()
    claims = Claims(store, spec.run_key)
    with Heartbeat(claims):
        # Claimed before submitting, and looked up again after claiming: two batches
        # started at once submit each article once (the claim is let go once the
        # submission is recorded, from when `in_open_batches` covers the article).
        waiting = runner.in_open_batches()
        candidates = [a for a in todo if a.article_id not in waiting]
        mine = list(claimed(candidates, claims, writer, retry_failed=chosen.retry_failed))
        waiting = runner.in_open_batches()
        runner.submit([a for a in mine if a.article_id not in waiting])
    articles = {a.article_id: a for a in todo}
    for batch_id, _, _ in store.provider_batches(runner.key):
        runner.collect(runner.wait(batch_id), articles, writer.save)
    writer.summary.elapsed_s = time.monotonic() - t0
    writer.progress.finish(writer.summary)
    return writer.summary


__all__ = ["BatchRequest", "ProviderBatchRunner", "build_requests", "run_provider_batch"]
