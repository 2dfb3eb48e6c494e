"""The embedded server's lifecycle, with a tiny stand-in HTTP process instead of llama.cpp."""

from __future__ import annotations

import sys
from pathlib import Path

import httpx
import pytest

from summarizer.llm.server import EmbeddedServer, ServerError, free_port

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
