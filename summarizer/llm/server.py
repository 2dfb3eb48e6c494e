"""Run the embedded model as a local OpenAI-compatible server for the life of one command.

Serving over HTTP on 127.0.0.1 (rather than calling llama.cpp in-process) keeps one code
path for every model: the embedded default and any hosted endpoint go through the same
openai + instructor client, and tests can record and replay the real HTTP exchanges.

Two servers can serve it (`summarizer.llm.llama_server`): llama.cpp's own `llama-server`
(parallel slots with continuous batching, a prompt cache, per-request counters), built once
from the sources pip already downloads; else `python -m llama_cpp.server`, configured so that
it neither keeps a logits row per context position (`logits_all`, gigabytes of RAM) nor
interrupts one request with the next.
"""

from __future__ import annotations

import atexit
import ctypes
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType

import httpx

from summarizer import errors
from summarizer.llm.llama_server import find_llama_server
from summarizer.settings import env_value

_PR_SET_PDEATHSIG = 1


class ServerError(errors.ModelError):
    """The local model server could not be started or did not become ready."""


def free_port() -> int:
    """A port on 127.0.0.1 that is free now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _die_with_parent() -> None:
    """In the child, before exec: ask Linux to SIGKILL it when the parent dies.

    `atexit` does not run when the parent is killed by a signal; this does, so even a
    `kill -9` of the tool leaves no server behind. SIGKILL, not SIGTERM: on SIGTERM the
    server first finishes the generation in flight, minutes of CPU for nobody (seen when a
    killed `summarizer eval` left its server generating), and it holds nothing to flush.
    """
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def default_slots(cores: int) -> int:
    """Parallel slots for llama-server: decoding several sequences at once costs little more
    than one on a CPU (the weights are read once per step), so even 2 cores serve 4."""
    return max(2, min(4, 2 * cores))


def embedded_concurrency(cores: int) -> int:
    """Requests a local batch keeps in flight to the embedded server. On 2 cores, one:
    reading a prompt is compute-bound and takes both cores, parallel decoding is no faster
    than one stream there, and requests that start together find no cached prefix yet
    (seeds, `summarizer batch`: 74.0 s at one in flight against 76.6 to 81.0 s at four).
    On more cores, four, as for an endpoint."""
    return 1 if cores <= 2 else 4


def _threads_from_env() -> int | None:
    """`SUMMARIZER_LLAMA_THREADS=N`: fewer threads than cores on a machine shared with other
    work (llama.cpp's threads wait for each other at every step, so a descheduled thread
    stalls the others)."""
    value = env_value("SUMMARIZER_LLAMA_THREADS") or ""
    return int(value) if value.isdigit() and int(value) > 0 else None


LLAMA_SERVER = "llama-server"
LLAMA_CPP_PYTHON = "llama_cpp.server"


class EmbeddedServer:
    """The embedded model's server as a child process; a context manager that always stops it.

    `backend` is "auto" (llama-server when it can be found or built, else llama_cpp.server),
    or one of the two by name. An `atexit` hook stops it too, so an exception or Ctrl-C
    anywhere never leaves an orphaned server holding gigabytes of memory.
    """

    def __init__(
        self,
        model_path: Path,
        *,
        alias: str,
        n_ctx: int = 8192,
        port: int | None = None,
        threads: int | None = None,
        slots: int | None = None,
        backend: str = "auto",
        binary: Path | None = None,
        ready_timeout_s: float = 120.0,
    ) -> None:
        self.model_path = model_path
        self.alias = alias
        self.n_ctx = n_ctx
        self.port = port or free_port()
        self.threads = threads or _threads_from_env() or os.cpu_count() or 1
        self.slots = slots or default_slots(os.cpu_count() or 1)
        self.ready_timeout_s = ready_timeout_s
        if backend not in ("auto", LLAMA_SERVER, LLAMA_CPP_PYTHON):
            raise ServerError(f"unknown server backend {backend!r}")
        self.requested_backend = backend
        self.binary: Path | None = binary
        """The llama-server executable; found (or built) by `start()` for "auto"."""
        self._process: subprocess.Popen[bytes] | None = None
        self._log: Path | None = None

    @property
    def backend(self) -> str:
        return LLAMA_SERVER if self.binary is not None else LLAMA_CPP_PYTHON

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    @property
    def concurrency(self) -> int:
        """Requests it serves at once (llama_cpp.server answers one at a time)."""
        return self.slots if self.backend == LLAMA_SERVER else 1

    @property
    def log_path(self) -> Path | None:
        return self._log

    def command(self) -> list[str]:
        if self.binary is not None:
            return self._llama_server_command(self.binary)
        return self._python_command()

    def _llama_server_command(self, binary: Path) -> list[str]:
        """Slots share one KV pool (`--kv-unified`) big enough for every slot to hold a
        typical article and any single one to hold `n_ctx`; each slot keeps its last prompt
        and a request goes to the slot sharing the longest prefix, so the constant system
        prompt is served from cache (continuous batching and prompt caching are on by
        default). Memory is bounded: the weights are read into memory rather than mapped
        (`--load-mode none`: mapped, the file's pages stay resident next to the CPU
        backend's repacked copy of the same weights, 2.26 GB instead of 1.62 GB at start),
        no host-RAM prompt cache (`--cache-ram 0`), a 256-token physical batch."""
        pool = max(self.n_ctx, 4096 * self.slots)
        return [
            str(binary),
            "--model",
            str(self.model_path),
            "--alias",
            self.alias,
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--ctx-size",
            str(pool),
            "--parallel",
            str(self.slots),
            "--kv-unified",
            "--cache-ram",
            "0",
            "--ubatch-size",
            "256",
            "--load-mode",
            "none",
            "--threads",
            str(self.threads),
            "--threads-batch",
            str(self.threads),
            "--threads-http",
            str(max(2, self.slots)),
            "--jinja",
            "--no-webui",
            "--metrics",
        ]

    def _python_command(self) -> list[str]:
        return [
            sys.executable,
            "-m",
            "llama_cpp.server",
            "--model",
            str(self.model_path),
            "--model_alias",
            self.alias,
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--n_ctx",
            str(self.n_ctx),
            "--n_threads",
            str(self.threads),
            "--n_threads_batch",
            str(self.threads),
            # The default keeps n_ctx x n_vocab float32 logits (8 192 x 151 936 x 4 B = 5 GB
            # of address space, a row touched per prompt token): most of the 4.5 GB peak.
            "--logits_all",
            "False",
            # The default cancels the request in flight when another arrives.
            "--interrupt_requests",
            "False",
        ]

    def resolve_backend(self) -> str:
        """Find or build llama-server unless told not to; the backend that will run."""
        if self.binary is None and self.requested_backend != LLAMA_CPP_PYTHON:
            self.binary = find_llama_server()
            if self.binary is None and self.requested_backend == LLAMA_SERVER:
                raise ServerError("llama-server is not available (see SUMMARIZER_LLAMA_SERVER)")
            if self.binary is None:
                self.requested_backend = LLAMA_CPP_PYTHON
        return self.backend

    def start(self) -> EmbeddedServer:
        if self._process is not None:
            return self
        self.resolve_backend()
        fd, log_name = tempfile.mkstemp(prefix="summarizer-llama-", suffix=".log")
        self._log = Path(log_name)
        with os.fdopen(fd, "wb") as log:
            self._process = subprocess.Popen(
                self.command(),
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                preexec_fn=_die_with_parent if sys.platform == "linux" else None,
            )
        atexit.register(self.stop)
        try:
            self._wait_ready()
        except ServerError as exc:
            if self.binary is None:
                raise
            # llama-server would not start here: fall back to llama_cpp.server, once.
            print(
                f"summarizer: llama-server did not start, using llama_cpp.server: {exc}",
                file=sys.stderr,
            )
            self.binary = None
            self.requested_backend = LLAMA_CPP_PYTHON
            return self.start()
        return self

    def _log_tail(self) -> str:
        if self._log is None or not self._log.exists():
            return ""
        return self._log.read_text(encoding="utf-8", errors="replace")[-2000:]

    def _wait_ready(self) -> None:
        """Poll `/v1/models` until it answers; fail fast if the process dies."""
        deadline = time.monotonic() + self.ready_timeout_s
        while time.monotonic() < deadline:
            assert self._process is not None
            code = self._process.poll()
            if code is not None:
                tail = self._log_tail()
                self.stop()
                raise ServerError(f"the embedded model server exited with code {code}:\n{tail}")
            try:
                if httpx.get(f"{self.base_url}/models", timeout=2.0).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        tail = self._log_tail()
        self.stop()
        raise ServerError(
            f"the embedded model server did not answer within {self.ready_timeout_s:.0f}s:\n{tail}"
        )

    def stop(self) -> None:
        """Terminate, then kill if it lingers; safe to call twice."""
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        if self._log is not None:
            self._log.unlink(missing_ok=True)
            self._log = None
        atexit.unregister(self.stop)

    def __enter__(self) -> EmbeddedServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
