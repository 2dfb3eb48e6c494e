"""LLMClient against stand-in HTTP transports (httpx.MockTransport), NOT recorded cassettes.

These exercise the transport-retry and failure paths that a local model cannot be made to
produce on demand (429 with Retry-After, 5xx, timeouts, 401, refusals, prose, empty
objects): each handler below is a hand-written stand-in for an endpoint, and says so.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import instructor
import pytest
from pydantic import BaseModel

from summarizer.llm.client import LLMClient, LLMError, pick_mode
from summarizer.llm.config import LLMConfig

Handler = Callable[[httpx.Request], httpx.Response]


class Answer(BaseModel):
    summary: str


def completion(
    arguments: str | None = None,
    content: str | None = None,
    prompt_tokens: int = 10,
    completion_tokens: int = 5,
) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if arguments is not None:
        message["tool_calls"] = [
            {
                "id": "call_1",
                "type": "function",
                "function": {"name": "Answer", "arguments": arguments},
            }
        ]
    return {
        "id": "cmpl-1",
        "object": "chat.completion",
        "created": 0,
        "model": "stand-in",
        "choices": [
            {
                "index": 0,
                "message": message,
                "finish_reason": "tool_calls" if arguments else "stop",
            }
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


def make_client(
    handler: Handler, sleeps: list[float], **config: Any
) -> tuple[LLMClient, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return handler(request)

    settings = LLMConfig(base_url="http://stand-in.invalid/v1", model="m", **config)
    client = LLMClient(
        settings,
        "http://stand-in.invalid/v1",
        http_client=httpx.Client(transport=httpx.MockTransport(record)),
        sleep=sleeps.append,
        backoff_base_s=0.01,
    )
    return client, seen


MESSAGES = [{"role": "user", "content": "Summarise."}]


def test_429_with_retry_after_then_success_honours_the_header() -> None:
    """Stand-in: first answer HTTP 429 with Retry-After: 2, then a valid tool call."""
    answers = iter(
        [
            httpx.Response(429, headers={"Retry-After": "2"}, json={"error": {"message": "slow"}}),
            httpx.Response(200, json=completion(json.dumps({"summary": "ok"}))),
        ]
    )
    sleeps: list[float] = []
    client, seen = make_client(lambda _: next(answers), sleeps)
    result = client.structured(Answer, MESSAGES)
    assert result.value.summary == "ok"
    assert len(seen) == 2
    assert sleeps == [2.0]
    assert result.usage.prompt_tokens == 10


def test_5xx_is_retried_with_backoff_and_gives_up_after_the_limit() -> None:
    """Stand-in: an endpoint that always answers HTTP 503."""
    sleeps: list[float] = []
    client, seen = make_client(
        lambda _: httpx.Response(503, json={"error": {"message": "down"}}),
        sleeps,
        max_http_retries=2,
    )
    with pytest.raises(LLMError) as caught:
        client.structured(Answer, MESSAGES)
    assert len(seen) == 3
    assert len(sleeps) == 2
    assert all(0 <= s <= 0.04 for s in sleeps)
    assert "HTTP 503" in str(caught.value)
    assert caught.value.retryable


def test_timeout_is_retried_then_reported() -> None:
    """Stand-in: the transport raises a read timeout on every request."""

    def timeout(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    sleeps: list[float] = []
    client, seen = make_client(timeout, sleeps, max_http_retries=1, timeout_s=5)
    with pytest.raises(LLMError, match="timed out"):
        client.structured(Answer, MESSAGES)
    assert len(seen) == 2


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422])
def test_client_errors_are_not_retried(status: int) -> None:
    """Stand-in: a 4xx that sending again cannot fix."""
    sleeps: list[float] = []
    client, seen = make_client(
        lambda _: httpx.Response(status, json={"error": {"message": "no"}}), sleeps
    )
    with pytest.raises(LLMError, match=f"HTTP {status}"):
        client.structured(Answer, MESSAGES)
    assert len(seen) == 1
    assert sleeps == []


@pytest.mark.parametrize(
    ("arguments", "content"),
    [
        (None, "I'm sorry, but I can't help with that request."),  # a refusal in prose
        ("Here is the summary: it went well", None),  # prose instead of JSON
        ("{}", None),  # an empty object
        ('{"summary": ', None),  # truncated garbage
    ],
)
def test_unusable_answers_fail_clearly_with_raw_output_and_summed_usage(
    arguments: str | None, content: str | None
) -> None:
    """Stand-in: a model that never produces a valid object; validation retries run out."""
    sleeps: list[float] = []
    client, seen = make_client(
        lambda _: httpx.Response(200, json=completion(arguments, content)),
        sleeps,
        max_validation_retries=1,
    )
    with pytest.raises(LLMError) as caught:
        client.structured(Answer, MESSAGES)
    error = caught.value
    assert len(seen) == 2  # first answer + one validation retry
    assert error.attempts == 2
    assert error.usage.prompt_tokens == 20 and error.usage.completion_tokens == 10
    assert error.raw_output == (arguments if arguments is not None else content)
    assert "could not be used" in str(error) or "failed validation" in str(error)


def test_validation_errors_are_sent_back_to_the_model() -> None:
    """Stand-in: an invalid first answer, then a valid one; the retry carries the error."""
    answers = iter(
        [
            httpx.Response(200, json=completion("{}")),
            httpx.Response(200, json=completion(json.dumps({"summary": "fixed"}))),
        ]
    )
    sleeps: list[float] = []
    client, seen = make_client(lambda _: next(answers), sleeps)
    result = client.structured(Answer, MESSAGES)
    assert result.value.summary == "fixed"
    assert result.attempts == 2
    assert result.usage.prompt_tokens == 20
    retry_body = json.loads(seen[1].content)
    assert "summary" in json.dumps(retry_body["messages"][-1])
    assert len(retry_body["messages"]) > len(MESSAGES)


def test_mode_per_backend() -> None:
    assert pick_mode(LLMConfig()) == instructor.Mode.TOOLS
    hosted = LLMConfig(base_url="https://api.openai.com/v1")
    assert pick_mode(hosted) == instructor.Mode.TOOLS_STRICT
    assert pick_mode(LLMConfig(base_url="http://x/v1", mode="json")) == instructor.Mode.JSON
    with pytest.raises(ValueError, match="unknown instructor mode"):
        pick_mode(LLMConfig(mode="nope"))


def test_llama_server_gets_json_schema_and_observers_see_the_server_counters() -> None:
    """llama.cpp's server: the schema becomes a grammar, not part of the prompt, so the
    messages stay byte-identical; observers read `timings` and cached tokens
    (a stand-in answer shaped like llama-server's)."""
    assert pick_mode(LLMConfig(), "llama-server") == instructor.Mode.JSON_SCHEMA
    seen: list[dict[str, Any]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(json.loads(request.content))
        body = completion(content='{"summary": "S."}')
        body["usage"]["prompt_tokens_details"] = {"cached_tokens": 7}
        body["timings"] = {"cache_n": 7, "prompt_n": 3, "prompt_ms": 12.5}
        return httpx.Response(200, json=body)

    settings = LLMConfig(base_url="http://stand-in.invalid/v1", model="m")
    client = LLMClient(
        settings,
        "http://stand-in.invalid/v1",
        http_client=httpx.Client(transport=httpx.MockTransport(handler)),
        backend="llama-server",
    )
    observed: list[Any] = []
    client.observers.append(observed.append)
    result = client.structured(Answer, [{"role": "system", "content": "S"}, *MESSAGES])
    assert result.value.summary == "S."
    assert seen[0]["messages"] == [{"role": "system", "content": "S"}, *MESSAGES]
    # the schema arrives as a grammar that allows no line breaks (compact JSON)
    assert "response_format" not in seen[0] and "tools" not in seen[0]
    assert '"\\"summary\\""' in seen[0]["grammar"] and "\\n" not in seen[0]["grammar"]
    (response,) = observed
    assert response.usage.prompt_tokens_details.cached_tokens == 7
    assert response.model_extra["timings"]["cache_n"] == 7


def test_a_configured_llama_server_endpoint_gets_the_same_treatment() -> None:
    """`server = "llama-server"` in the config: your own llama-server at --base-url."""
    settings = LLMConfig(base_url="http://127.0.0.1:9/v1", server="llama-server")
    client = LLMClient(settings, "http://127.0.0.1:9/v1")
    assert client.mode == instructor.Mode.JSON_SCHEMA
    client.close()
