"""The embedded server's lifecycle, with a tiny stand-in HTTP process instead of llama.cpp."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import httpx
import pytest

from summarizer.llm import llama_server
from summarizer.llm.server import (
    LLAMA_CPP_PYTHON,
    LLAMA_SERVER,
    EmbeddedServer,
    ServerError,
    default_slots,
    free_port,
)


@pytest.fixture(autouse=True)
def _never_build(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test downloads or compiles llama-server."""
    monkeypatch.setenv("SUMMARIZER_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv(llama_server.ENV, raising=False)
    monkeypatch.delenv("SUMMARIZER_LLAMA_THREADS", raising=False)
    monkeypatch.setattr(
        llama_server, "build_llama_server", lambda target: pytest.fail("tried to build")
    )


STAND_IN = """
import http.server, sys
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200); self.end_headers(); self.wfile.write(b'{"data": []}')
    def log_message(self, *a): pass
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
"""


class StandInServer(EmbeddedServer):
    """Runs a stdlib HTTP server answering /v1/models in place of `llama_cpp.server`."""

    script = STAND_IN

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("backend", LLAMA_CPP_PYTHON)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def command(self) -> list[str]:
        return [sys.executable, "-c", self.script, str(self.port)]


def test_command_line_serves_on_loopback_with_threads(tmp_path: Path) -> None:
    server = EmbeddedServer(tmp_path / "m.gguf", alias="a", n_ctx=1024, port=5555, threads=3)
    command = server.command()
    assert command[1:3] == ["-m", "llama_cpp.server"]
    assert command[command.index("--host") + 1] == "127.0.0.1"
    assert command[command.index("--port") + 1] == "5555"
    assert command[command.index("--n_threads") + 1] == "3"
    assert server.base_url == "http://127.0.0.1:5555/v1"


def test_starts_waits_for_readiness_and_stops(tmp_path: Path) -> None:
    with StandInServer(tmp_path / "m.gguf", alias="a", port=free_port()) as server:
        process = server._process
        assert process is not None
        assert httpx.get(f"{server.base_url}/models").status_code == 200
    assert process.poll() is not None  # stopped on exit, no orphan


def test_a_dying_server_is_reported_with_its_log(tmp_path: Path) -> None:
    class Dying(StandInServer):
        script = "import sys; print('cannot load model'); sys.exit(3)"

    with pytest.raises(ServerError, match="cannot load model"):
        Dying(tmp_path / "m.gguf", alias="a", port=free_port()).start()


def test_a_silent_server_times_out(tmp_path: Path) -> None:
    class Silent(StandInServer):
        script = "import time; time.sleep(30)"

    server = Silent(tmp_path / "m.gguf", alias="a", port=free_port(), ready_timeout_s=1.0)
    with pytest.raises(ServerError, match="did not answer"):
        server.start()
    assert server._process is None


def test_llama_server_command_has_slots_shared_cache_and_threads(tmp_path: Path) -> None:
    binary = tmp_path / "llama-server"
    server = EmbeddedServer(
        tmp_path / "m.gguf", alias="a", n_ctx=8192, port=5555, threads=2, binary=binary
    )
    command = server.command()
    assert server.backend == LLAMA_SERVER and command[0] == str(binary)
    assert command[command.index("--host") + 1] == "127.0.0.1"
    assert command[command.index("--parallel") + 1] == "4"  # 2 cores serve 4 slots
    assert command[command.index("--threads") + 1] == "2"
    assert "--kv-unified" in command
    # memory: weights read once (not mapped next to the repacked copy), no host prompt cache
    assert command[command.index("--load-mode") + 1] == "none"
    assert command[command.index("--cache-ram") + 1] == "0"
    assert int(command[command.index("--ctx-size") + 1]) >= 8192
    assert server.concurrency == 4
    assert [default_slots(n) for n in (1, 2, 4, 32)] == [2, 4, 4, 4]


def test_python_fallback_keeps_no_logits_per_position_and_never_interrupts(
    tmp_path: Path,
) -> None:
    command = EmbeddedServer(tmp_path / "m.gguf", alias="a", backend=LLAMA_CPP_PYTHON).command()
    assert command[command.index("--logits_all") + 1] == "False"
    assert command[command.index("--interrupt_requests") + 1] == "False"


def test_find_llama_server_honours_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(llama_server.ENV, "off")
    assert llama_server.find_llama_server() is None
    binary = tmp_path / "my-llama-server"
    binary.write_text("#!/bin/sh\n")
    binary.chmod(0o755)
    monkeypatch.setenv(llama_server.ENV, str(binary))
    assert llama_server.find_llama_server() == binary
    cached = llama_server.cached_binary()
    cached.parent.mkdir(parents=True)
    cached.write_text("#!/bin/sh\n")
    cached.chmod(0o755)
    monkeypatch.delenv(llama_server.ENV)
    assert llama_server.find_llama_server() == cached  # unset: a built one is used
    monkeypatch.setenv(llama_server.ENV, "on")
    assert llama_server.find_llama_server() == cached


def test_unset_never_builds_on_a_fresh_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first command of a fresh clone must not wait minutes for a compiler."""

    def no_build(target: Path) -> Path:
        raise AssertionError("built without being asked")

    monkeypatch.setattr(llama_server, "build_llama_server", no_build)
    assert llama_server.find_llama_server() is None
    monkeypatch.setenv(llama_server.ENV, "auto")
    assert llama_server.find_llama_server() is None


def test_a_failed_build_is_remembered_and_falls_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Path] = []

    def failing(target: Path) -> Path:
        calls.append(target)
        raise llama_server.BuildError("no compiler")

    monkeypatch.setattr(llama_server, "build_llama_server", failing)
    monkeypatch.setenv(llama_server.ENV, "on")
    assert llama_server.find_llama_server() is None
    assert llama_server.find_llama_server() is None
    assert len(calls) == 1  # the failure marker stops a rebuild on every run


def test_a_llama_server_that_dies_falls_back_to_llama_cpp_server(tmp_path: Path) -> None:
    class Fallback(StandInServer):
        def command(self) -> list[str]:
            if self.binary is not None:
                return [sys.executable, "-c", "import sys; sys.exit(4)"]
            return super().command()

    binary = tmp_path / "llama-server"
    with Fallback(tmp_path / "m.gguf", alias="a", port=free_port(), binary=binary) as server:
        assert server.backend == LLAMA_CPP_PYTHON
        assert httpx.get(f"{server.base_url}/models").status_code == 200


def test_threads_can_be_lowered_on_a_shared_machine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SUMMARIZER_LLAMA_THREADS", "1")
    server = EmbeddedServer(tmp_path / "m.gguf", alias="a", binary=tmp_path / "llama-server")
    command = server.command()
    assert command[command.index("--threads") + 1] == "1"
    assert server.slots == default_slots(os.cpu_count() or 1)  # slots follow the cores
