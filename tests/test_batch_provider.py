"""`--provider-batch`: the OpenAI Batch API flow, never submitting the same work twice.

The server here (`tests/support/openai_server.py`) is a local stand-in for the hosted
OpenAI API: it implements the documented endpoints `POST /v1/files`, `POST /v1/batches`,
`GET /v1/batches`, `GET /v1/batches/{id}` and `GET /v1/files/{id}/content`, and runs each
batch line through its chat-completions fake. No network, no hosted account.
"""

from __future__ import annotations

import json
from pathlib import Path

import openai
import pytest
from support.batch import counts, write_articles, written_articles
from support.batch import run_cli as batch
from support.openai_server import FAIL_MARKER, FakeOpenAIServer

from summarizer.batch.extraction import cache_spec, recheck_record
from summarizer.batch.options import BatchOptions
from summarizer.batch.provider_batch import build_requests, run_provider_batch
from summarizer.domain import OutcomeStatus, SourceArticle
from summarizer.llm.config import LLMConfig
from summarizer.store.repository import Store


def _run(
    fake: FakeOpenAIServer, store: Store, articles: list[SourceArticle], **kw: object
) -> object:
    config = LLMConfig(base_url=fake.base_url, model="fake")
    client = openai.OpenAI(base_url=fake.base_url, api_key="test")
    return run_provider_batch(
        articles,
        store=store,
        config=config,
        spec=cache_spec(config),
        rechecker=recheck_record,
        client=client,
        options=BatchOptions(poll_interval_s=0.0),
        **kw,  # type: ignore[arg-type]
    )


def test_request_lines_carry_the_live_prompt_and_tool_schema(tmp_path: Path) -> None:
    (article,) = written_articles(tmp_path / "in", 1)
    (request,) = build_requests(article, LLMConfig(base_url="http://x/v1", model="gpt-x"))
    assert request.custom_id == f"{article.article_id}/1"
    assert request.body["model"] == "gpt-x"
    assert request.body["tools"][0]["function"]["parameters"]["properties"]["figures"]
    assert "US$1.0 billion" in json.dumps(request.body["messages"])


def test_submit_poll_collect_then_rerun_submits_nothing(
    fake: FakeOpenAIServer, tmp_path: Path
) -> None:
    articles = written_articles(tmp_path / "in", 5)
    store = Store.open(str(tmp_path / "p.db"))
    summary = _run(fake, store, articles)
    assert fake.batch_creates == 1 and fake.chat_requests == 5
    assert summary.accepted + summary.flagged == 5  # type: ignore[attr-defined]
    assert counts(tmp_path / "p.db") == (5, 5, 5)
    assert (
        store.provider_batches(cache_spec(LLMConfig(base_url=fake.base_url, model="fake")).run_key)
        == []
    )

    _run(fake, store, articles)
    assert fake.batch_creates == 1 and fake.chat_requests == 5


def test_interrupted_while_polling_rerun_collects_the_same_batch(
    fake: FakeOpenAIServer, tmp_path: Path
) -> None:
    articles = written_articles(tmp_path / "in", 3)
    store = Store.open(str(tmp_path / "p.db"))

    def interrupt(_: float) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        _run(fake, store, articles, sleep=interrupt)
    assert fake.batch_creates == 1 and counts(tmp_path / "p.db")[0] == 0

    _run(fake, store, articles)
    assert fake.batch_creates == 1
    assert counts(tmp_path / "p.db") == (3, 3, 3)


def test_crash_between_create_and_remember_adopts_the_created_batch(
    fake: FakeOpenAIServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = written_articles(tmp_path / "in", 2)
    store = Store.open(str(tmp_path / "p.db"))
    real = Store.promote_provider_batch

    def crash(*_args: object) -> None:
        raise SystemExit("killed right after the provider created the batch")

    monkeypatch.setattr(Store, "promote_provider_batch", crash)
    with pytest.raises(SystemExit):
        _run(fake, store, articles)
    assert fake.batch_creates == 1
    monkeypatch.setattr(Store, "promote_provider_batch", real)

    _run(fake, store, articles)
    assert fake.batch_creates == 1
    assert counts(tmp_path / "p.db") == (2, 2, 2)


def test_failed_lines_are_stored_as_failures(fake: FakeOpenAIServer, tmp_path: Path) -> None:
    articles = written_articles(tmp_path / "in", 3, failing=frozenset({2}))
    store = Store.open(str(tmp_path / "p.db"))
    summary = _run(fake, store, articles)
    assert summary.failed == 1  # type: ignore[attr-defined]
    failed = [a for a in store.list_articles() if a.run and a.run.status == OutcomeStatus.failed]
    assert FAIL_MARKER in failed[0].text
    assert "HTTP 500" in (failed[0].run.error or "")  # type: ignore[union-attr]


def test_cli_provider_batch(fake: FakeOpenAIServer, tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 3)
    db = tmp_path / "cli.db"
    code, output = batch(fake, db, str(tmp_path / "in"), "--provider-batch", "--poll-interval", "0")
    assert code == 0, output
    assert fake.batch_creates == 1 and counts(db) == (3, 3, 3)


def test_batch_and_live_paths_build_the_same_messages(tmp_path: Path) -> None:
    """One request builder (extraction/requests.py) serves the live path and the batch API."""
    from summarizer.extraction.requests import build_part_requests
    from summarizer.llm.prompts import load_prompts

    (article,) = written_articles(tmp_path / "in", 1)
    config = LLMConfig(base_url="http://x/v1", model="gpt-x")
    (line,) = build_requests(article, config)
    (live,) = build_part_requests(article, config, load_prompts())
    assert line.body["messages"] == live.messages
    assert live.context["source"] == article.text
