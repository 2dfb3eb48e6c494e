"""One client for every model: openai + instructor, with transport retries and usage accounting.

Two retry layers with different jobs:
- transport (tenacity, here): 429, 5xx, timeouts and dropped connections are retried with
  exponential backoff and jitter, honouring `Retry-After`; 400/401/403/404/422 are not,
  since sending the same request again cannot succeed;
- validation (instructor's `max_retries`): an answer that fails the schema's validators is
  sent back with the validation errors so the model can correct itself.
Every completion, retries included, is seen by an instructor hook, so token usage is
summed over all attempts and the last raw answer survives a failure.
"""

from __future__ import annotations

import functools
import json
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import httpx
import instructor
import instructor.v2.core.patch as _instructor_patch
import openai
from instructor.core.exceptions import InstructorRetryException
from instructor.core.hooks import Hooks
from pydantic import BaseModel
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt

from summarizer import errors
from summarizer.domain import TokenUsage
from summarizer.llm.config import LLMConfig

# instructor logs every failed attempt at ERROR on stderr; this client turns each failure
# into an `LLMError` (or a failed outcome) with a clear message, so those lines are noise.
logging.getLogger("instructor").setLevel(logging.CRITICAL)


def _no_templating(kwargs: dict[str, Any], *_args: Any, **_kw: Any) -> dict[str, Any]:
    return kwargs


# instructor renders every message as a Jinja template with the validation `context`
# (and dedents it): article text such as "{{ 7*7 }}" or "{% raw %}" would be executed or
# break the request. Our prompts are rendered by `summarizer.llm.prompts` already, so the
# messages must reach the model byte for byte; `context` stays for validation only.
_instructor_patch.handle_templating = _no_templating  # type: ignore[attr-defined]

T = TypeVar("T", bound=BaseModel)

_RETRYABLE = (
    openai.RateLimitError,
    openai.InternalServerError,
    openai.APITimeoutError,
    openai.APIConnectionError,
)
_MAX_RETRY_AFTER_S = 60.0


class LLMError(errors.ModelError):
    """The model could not produce a valid answer; carries what it did produce."""

    def __init__(
        self,
        message: str,
        *,
        raw_output: str | None = None,
        usage: TokenUsage | None = None,
        attempts: int = 0,
        retryable: bool = False,
    ) -> None:
        super().__init__(message)
        self.raw_output = raw_output
        self.usage = usage or TokenUsage()
        self.attempts = attempts
        self.retryable = retryable


@dataclass
class CallResult(Generic[T]):
    value: T
    usage: TokenUsage
    attempts: int
    raw_output: str | None


@dataclass
class _Tally:
    """What the hooks saw across every attempt of one logical call."""

    usage: TokenUsage = field(default_factory=TokenUsage)
    completions: int = 0
    raw_output: str | None = None

    def on_response(self, response: Any) -> None:
        self.completions += 1
        usage = getattr(response, "usage", None)
        if usage is not None:
            self.usage = self.usage + TokenUsage(
                prompt_tokens=int(getattr(usage, "prompt_tokens", 0) or 0),
                completion_tokens=int(getattr(usage, "completion_tokens", 0) or 0),
            )
        self.raw_output = raw_text(response) or self.raw_output


def raw_text(response: Any) -> str | None:
    """The answer as the model wrote it: tool-call arguments or message content."""
    try:
        message = response.choices[0].message
    except (AttributeError, IndexError):
        return None
    calls = getattr(message, "tool_calls", None) or []
    if calls:
        return "\n".join(str(call.function.arguments) for call in calls)
    content = getattr(message, "content", None)
    return str(content) if content is not None else None


def pick_mode(config: LLMConfig, backend: str | None = None) -> instructor.Mode:
    """The instructor mode for a backend.

    - the embedded model on llama.cpp's `llama-server` (`backend="llama-server"`):
      `JSON_SCHEMA`. The server compiles `response_format.json_schema` into a grammar, and
      no tool definition is rendered into the prompt (the system prompt and its worked
      example describe the fields; the grammar enforces the keys).
    - llama-cpp-python's server (the embedded fallback): `TOOLS`. The server turns the
      tool's JSON Schema into a grammar, so the output is always schema-shaped JSON;
      `JSON_SCHEMA` fails there with HTTP 500 (only `text`/`json_object` formats exist).
    - api.openai.com: `TOOLS_STRICT`, whose strict function schemas OpenAI enforces.
    - any other OpenAI-compatible endpoint: `TOOLS`, the most widely supported.
    An explicit `mode` in the configuration wins.
    """
    if config.mode:
        try:
            return instructor.Mode[config.mode.upper()]
        except KeyError as exc:
            raise ValueError(f"unknown instructor mode {config.mode!r}") from exc
    if backend == "llama-server":
        return instructor.Mode.JSON_SCHEMA
    if config.base_url and "api.openai.com" in config.base_url:
        return instructor.Mode.TOOLS_STRICT
    return instructor.Mode.TOOLS


@functools.cache
def compact_grammar(schema_json: str) -> str:
    """GBNF for a JSON Schema that allows no line breaks or indentation between tokens.

    llama-server's own schema converter lets the model put a newline and up to 20 spaces
    between any two JSON tokens, and this model pretty-prints when allowed: 768 tokens for
    an answer it writes in ~500 on one line. llama-cpp-python's converter (the one its own
    server uses) allows at most one space.
    """
    from llama_cpp.llama_grammar import json_schema_to_gbnf

    return str(json_schema_to_gbnf(schema_json))


def send_schema_as_compact_grammar(request: httpx.Request) -> None:
    """httpx request hook for llama-server: `response_format.json_schema` -> `grammar`.

    A hook runs before the request is sent (and recorded by the cassettes), so what is
    recorded is exactly what the server received.
    """
    if request.method != "POST" or not request.url.path.endswith("/chat/completions"):
        return
    body = json.loads(request.read())
    response_format = body.get("response_format")
    if not isinstance(response_format, dict) or response_format.get("type") != "json_schema":
        return
    schema = (response_format.get("json_schema") or {}).get("schema")
    if not isinstance(schema, dict):
        return
    del body["response_format"]
    body["grammar"] = compact_grammar(json.dumps(schema, sort_keys=False))
    content = json.dumps(body).encode("utf-8")
    request.headers["Content-Length"] = str(len(content))
    request._content = content
    request.stream = httpx.ByteStream(content)


def _retry_after_s(exc: BaseException) -> float | None:
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return min(max(float(value), 0.0), _MAX_RETRY_AFTER_S)
    except ValueError:
        return None


def transport_cause(exc: BaseException) -> BaseException:
    """The transport error behind an instructor wrapper, if any."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, openai.APIError):
            return seen
        seen = seen.__cause__
    return exc


def is_retryable(exc: BaseException) -> bool:
    return isinstance(transport_cause(exc), _RETRYABLE)


def backoff_wait(base_s: float = 1.0, cap_s: float = 30.0) -> Callable[[RetryCallState], float]:
    """Exponential backoff with full jitter, or the server's `Retry-After` when it gives one."""

    def wait(state: RetryCallState) -> float:
        outcome = state.outcome
        exc = outcome.exception() if outcome is not None else None
        if exc is not None:
            hinted = _retry_after_s(transport_cause(exc))
            if hinted is not None:
                return hinted
        return random.uniform(0, min(cap_s, base_s * 2 ** (state.attempt_number - 1)))

    return wait


class LLMClient:
    """Structured calls against one OpenAI-compatible endpoint."""

    def __init__(
        self,
        config: LLMConfig,
        base_url: str,
        *,
        http_client: Any = None,
        sleep: Callable[[float], None] = time.sleep,
        backoff_base_s: float = 1.0,
        backend: str | None = None,
    ) -> None:
        self.config = config
        backend = backend or config.server
        self.mode = pick_mode(config, backend)
        self.observers: list[Callable[[Any], None]] = []
        """Called with every raw completion (retries included), e.g. to read server counters."""
        if backend == "llama-server" and self.mode == instructor.Mode.JSON_SCHEMA:
            http_client = http_client or httpx.Client(timeout=config.timeout_s)
            http_client.event_hooks["request"].append(send_schema_as_compact_grammar)
        # The openai client's own retries are off: tenacity below owns transport retries.
        self._openai = openai.OpenAI(
            base_url=base_url,
            api_key=config.api_key or "not-needed-locally",
            timeout=config.timeout_s,
            max_retries=0,
            http_client=http_client,
        )
        self._client = instructor.from_openai(self._openai, mode=self.mode)
        self._sleep = sleep
        self._backoff_base_s = backoff_base_s

    def close(self) -> None:
        self._openai.close()

    def structured(
        self,
        response_model: type[T],
        messages: list[dict[str, Any]],
        *,
        max_tokens: int | None = None,
        context: dict[str, Any] | None = None,
        max_validation_retries: int | None = None,
    ) -> CallResult[T]:
        """Ask for `response_model`; raise `LLMError` with raw output and usage on failure."""
        tally = _Tally()
        hooks = Hooks()
        hooks.on("completion:response", tally.on_response)
        for observer in self.observers:
            hooks.on("completion:response", observer)
        retries = (
            self.config.max_validation_retries
            if max_validation_retries is None
            else max_validation_retries
        )
        retrying = Retrying(
            retry=retry_if_exception(is_retryable),
            stop=stop_after_attempt(self.config.max_http_retries + 1),
            wait=backoff_wait(self._backoff_base_s),
            sleep=self._sleep,
            reraise=True,
        )
        kwargs: dict[str, Any] = {
            "model": self.config.model,
            "temperature": self.config.temperature,
            "max_tokens": max_tokens or self.config.max_tokens,
        }
        if self.config.embedded:
            kwargs["seed"] = self.config.seed
        try:
            value = retrying(
                self._client.chat.completions.create,
                response_model=response_model,
                messages=messages,
                max_retries=retries,
                context=context,
                hooks=hooks,
                **kwargs,
            )
        except Exception as exc:  # every failure becomes an LLMError with what was seen
            error = self._as_error(exc, tally)
            # A request that never got an answer (network, HTTP 5xx) was still attempted.
            error.attempts = max(error.attempts, int(retrying.statistics.get("attempt_number", 1)))
            raise error from exc
        return CallResult(
            value=value, usage=tally.usage, attempts=tally.completions, raw_output=tally.raw_output
        )

    def _as_error(self, exc: BaseException, tally: _Tally) -> LLMError:
        cause = transport_cause(exc)
        if isinstance(cause, openai.APIStatusError):
            message = f"the model endpoint answered HTTP {cause.status_code}: {_short(cause)}"
        elif isinstance(cause, openai.APITimeoutError):
            message = f"the model endpoint timed out after {self.config.timeout_s:.0f}s"
        elif isinstance(cause, openai.APIConnectionError):
            message = f"cannot reach the model endpoint: {cause}"
        elif isinstance(exc, InstructorRetryException):
            message = (
                f"the model's answer failed validation after {exc.n_attempts} attempt(s): "
                f"{_first_line(Exception.__str__(exc))}"  # str() is instructor's XML dump
            )
        else:
            message = f"the model's answer could not be used: {_first_line(str(exc))}"
        return LLMError(
            message,
            raw_output=tally.raw_output,
            usage=tally.usage,
            attempts=tally.completions,
            retryable=isinstance(cause, _RETRYABLE),
        )


def _short(exc: openai.APIStatusError) -> str:
    body = exc.body
    if isinstance(body, dict):
        error = body.get("error", body)
        if isinstance(error, dict) and "message" in error:
            return str(error["message"])[:300]
        return json.dumps(body)[:300]
    return str(exc)[:300]


def _first_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return " ".join(lines[:4])[:600] if lines else "no detail"
