"""Open a client for a configuration: the embedded server is started only when it is needed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from summarizer.llm.client import LLMClient
from summarizer.llm.config import LLMConfig
from summarizer.llm.embedded import ensure_model
from summarizer.llm.server import EmbeddedServer

_SHARED: dict[LLMConfig, tuple[LLMClient, EmbeddedServer | None]] = {}


@contextmanager
def open_client(config: LLMConfig) -> Iterator[LLMClient]:
    """A client for `config`; for the embedded model, the server lives exactly this long."""
    if not config.embedded:
        assert config.base_url is not None
        client = LLMClient(config, config.base_url)
        try:
            yield client
        finally:
            client.close()
        return
    with EmbeddedServer(ensure_model(), alias=config.model, n_ctx=config.n_ctx) as server:
        client = LLMClient(config, server.base_url, backend=server.backend)
        try:
            yield client
        finally:
            client.close()


def shared_client(config: LLMConfig) -> LLMClient:
    """One long-lived client per configuration, for commands that extract many articles.

    The embedded server started here is stopped by its `atexit` hook when the process ends.
    """
    if config not in _SHARED:
        server: EmbeddedServer | None = None
        if config.embedded:
            server = EmbeddedServer(ensure_model(), alias=config.model, n_ctx=config.n_ctx).start()
            base_url = server.base_url
        else:
            assert config.base_url is not None
            base_url = config.base_url
        backend = server.backend if server is not None else None
        _SHARED[config] = (LLMClient(config, base_url, backend=backend), server)
    return _SHARED[config][0]


def shared_server(config: LLMConfig) -> EmbeddedServer | None:
    """The embedded server behind `shared_client(config)`, if any (for benchmarks)."""
    entry = _SHARED.get(config)
    return entry[1] if entry is not None else None
