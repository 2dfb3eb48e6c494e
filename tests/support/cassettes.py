"""Shared set-up for tests that replay REAL exchanges with the embedded model from `cassettes/`.

Replay (the default, `--record-mode=none`) never starts a server: the cassettes answer.
Recording (`pytest --record-mode=once -k ...`, after deleting the cassette) starts the
embedded model on a FIXED port so that recorded requests and replayed ones share a URL.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from summarizer.llm.config import EMBEDDED_ALIAS, LLMConfig

ROOT = Path(__file__).resolve().parents[2]
CASSETTES = ROOT / "cassettes"
SEEDS = ROOT / "seeds"
CASSETTE_PORT = 18765
CASSETTE_URL = f"http://127.0.0.1:{CASSETTE_PORT}/v1"


def cassette_config(**overrides: Any) -> LLMConfig:
    """The configuration the cassettes were recorded with (deterministic: temperature 0):
    llama.cpp's `llama-server`, as the embedded default runs it, so the replayed requests
    are the default path's (JSON_SCHEMA, the schema sent as a compact grammar)."""
    return LLMConfig(
        base_url=CASSETTE_URL,
        model=EMBEDDED_ALIAS,
        timeout_s=1800.0,  # recording on a busy 2-core machine; replay never waits
        max_http_retries=0,
        server="llama-server",
        **overrides,
    )


def vcr_settings() -> dict[str, Any]:
    """Match on the endpoint, in recorded order: the prompt text may be re-worded by the
    number extractor's evolution without making the recorded answers meaningless."""
    return {
        "match_on": ["method", "scheme", "host", "port", "path"],
        "allow_playback_repeats": False,
        "decode_compressed_response": True,
        # Scrub secrets only: the recorded bodies stay exactly as the server sent them.
        "filter_headers": ["authorization", "x-api-key", "openai-organization"],
    }


def model_server(record_mode: str) -> Iterator[str]:
    """Yield the base URL; start the real embedded model only when recording."""
    if record_mode == "none":
        yield CASSETTE_URL
        return
    from summarizer.llm.embedded import ensure_model
    from summarizer.llm.server import EmbeddedServer

    server = EmbeddedServer(
        ensure_model(), alias=EMBEDDED_ALIAS, n_ctx=8192, port=CASSETTE_PORT, backend="llama-server"
    )
    with server:
        yield CASSETTE_URL
