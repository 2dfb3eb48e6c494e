"""A local fake OpenAI-compatible server for batch tests and the batch benchmark.

It answers ``POST /v1/chat/completions`` at once (or after an artificial delay) with a
deterministic, schema-valid extraction, shaped like the request asked: a tool call when
the request offers tools, JSON content otherwise. It also implements the four Batch API
endpoints the ``--provider-batch`` path uses (files upload, batch create, batch
retrieve, file content) as a stand-in for the hosted API. Standard library only, so it
runs anywhere the tests run; it counts requests so tests can assert "zero model calls".
"""

from __future__ import annotations

import argparse
import email.parser
import email.policy
import itertools
import json
import re
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

JsonDict = dict[str, Any]
Responder = Callable[[JsonDict], JsonDict]

FAIL_MARKER = "FAKE-SERVER-FAIL"
"""An article containing this text gets HTTP 500 from the fake, to exercise failures."""


def _article_text(request: JsonDict) -> str:
    """The user message(s) of a chat request, joined (the article is in there)."""
    parts: list[str] = []
    for message in request.get("messages", []):
        content = message.get("content")
        if message.get("role") == "user" and isinstance(content, str):
            parts.append(content)
        elif message.get("role") == "user" and isinstance(content, list):
            parts.extend(str(p.get("text", "")) for p in content if isinstance(p, dict))
    return "\n".join(parts)


def _request_schema(request: JsonDict) -> JsonDict:
    """The JSON Schema the request asks for: its tool's parameters or its response format."""
    tools = request.get("tools") or []
    if tools:
        return dict(tools[0].get("function", {}).get("parameters") or {})
    response_format = request.get("response_format") or {}
    return dict((response_format.get("json_schema") or {}).get("schema") or {})


def _no_figures(request: JsonDict) -> JsonDict | list[Any]:
    """`figures` with no figure in the shape the schema asks: [] for a list, every listed
    mention id set to null for a grounded answer's object of ids."""
    schema = _request_schema(request)
    figures = schema.get("properties", {}).get("figures", {})
    ref = figures.get("$ref", "")
    if ref.startswith("#/$defs/"):
        figures = schema.get("$defs", {}).get(ref.removeprefix("#/$defs/"), {})
    if figures.get("type") == "object":
        return dict.fromkeys(figures.get("properties", {}))
    return []


def default_extraction(request: JsonDict) -> JsonDict:
    """A minimal valid extraction: a summary drawn from the article, no claims to check."""
    text = _article_text(request)
    words = re.findall(r"[A-Za-z][A-Za-z\-]+", text)
    summary = " ".join(words[-12:]) if words else "An article."
    return {
        "summary": summary[:230] + ".",
        "meetings": [],
        "agreements": [],
        "figures": _no_figures(request),
    }


def _usage(request: JsonDict, content: str) -> JsonDict:
    prompt = sum(len(json.dumps(m)) for m in request.get("messages", [])) // 4 + 1
    completion = len(content) // 4 + 1
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
    }


def chat_completion(request: JsonDict, extraction: JsonDict, n: int) -> JsonDict:
    """Wrap an extraction as the chat completion the request's shape expects."""
    arguments = json.dumps(extraction)
    message: JsonDict = {"role": "assistant", "content": None}
    finish = "stop"
    tools = request.get("tools") or []
    if tools:
        name = tools[0].get("function", {}).get("name", "Extraction")
        message["tool_calls"] = [
            {
                "id": f"call_{n}",
                "type": "function",
                "function": {"name": name, "arguments": arguments},
            }
        ]
        finish = "tool_calls"
    else:
        message["content"] = arguments
    return {
        "id": f"chatcmpl-{n}",
        "object": "chat.completion",
        "created": 1_700_000_000,
        "model": request.get("model", "fake-model"),
        "choices": [{"index": 0, "message": message, "finish_reason": finish}],
        "usage": _usage(request, arguments),
    }


class QuietHTTPServer(ThreadingHTTPServer):
    """A test server that never writes to stderr: a client that hangs up mid-request
    (a timeout test) would otherwise print "Exception occurred during processing of
    request" into whatever test captures stderr next."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """Quiet: the test that caused it asserts what it needs."""


class FakeOpenAIServer:
    """Run the fake on 127.0.0.1 in a background thread; a context manager.

    `delay_s` is slept before each chat completion (to make a batch slow enough to kill);
    `responder` turns a request into the extraction JSON the fake returns.
    """

    def __init__(
        self,
        *,
        delay_s: float = 0.0,
        responder: Responder = default_extraction,
        port: int = 0,
        batch_steps: int = 2,
    ) -> None:
        self.delay_s = delay_s
        self.responder = responder
        self.batch_steps = batch_steps
        self.chat_requests = 0
        self.fail_enabled = True
        """Answer HTTP 500 for articles holding `FAIL_MARKER` (switch off to 'fix' them)."""
        self.files: dict[str, bytes] = {}
        self.batches: dict[str, JsonDict] = {}
        self.batch_creates = 0
        self._polls: dict[str, int] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._httpd = QuietHTTPServer(("127.0.0.1", port), self._handler_class())
        self._httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> FakeOpenAIServer:
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> FakeOpenAIServer:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def next_id(self, prefix: str) -> str:
        with self._lock:
            return f"{prefix}-{next(self._ids)}"

    # ----------------------------------------------------------------------- behaviour

    def complete(self, request: JsonDict) -> tuple[int, JsonDict]:
        """One chat completion, as the HTTP status and JSON body to send back."""
        with self._lock:
            self.chat_requests += 1
            n = self.chat_requests
        if self.delay_s:
            time.sleep(self.delay_s)
        if self.fail_enabled and FAIL_MARKER in _article_text(request):
            return 500, {"error": {"message": "fake server failure", "type": "server_error"}}
        return 200, chat_completion(request, self.responder(request), n)

    def batch_object(self, batch_id: str) -> JsonDict:
        """A batch advances one status per poll: validating, in_progress, completed."""
        with self._lock:
            batch = self.batches[batch_id]
            polls = self._polls.get(batch_id, 0)
            self._polls[batch_id] = polls + 1
        if batch["status"] == "validating" and polls >= 1:
            batch["status"] = "in_progress"
        if batch["status"] == "in_progress" and polls >= self.batch_steps:
            self._run_batch(batch)
        return batch

    def _run_batch(self, batch: JsonDict) -> None:
        lines = self.files[batch["input_file_id"]].decode("utf-8").splitlines()
        output: list[str] = []
        failed = 0
        for line in lines:
            item = json.loads(line)
            status, body = self.complete(item["body"])
            result: JsonDict = {
                "id": self.next_id("batch_req"),
                "custom_id": item["custom_id"],
                "response": {"status_code": status, "request_id": "req", "body": body},
                "error": None,
            }
            failed += status != 200
            output.append(json.dumps(result))
        file_id = self.next_id("file")
        self.files[file_id] = ("\n".join(output) + "\n").encode("utf-8")
        batch.update(
            status="completed",
            output_file_id=file_id,
            completed_at=int(time.time()),
            request_counts={
                "total": len(lines),
                "completed": len(lines) - failed,
                "failed": failed,
            },
        )

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                """Quiet: tests read counters, not logs."""

            def _send(self, status: int, body: JsonDict | bytes, kind: str = "json") -> None:
                data = body if isinstance(body, bytes) else json.dumps(body).encode("utf-8")
                self.send_response(status)
                ctype = "application/json" if kind == "json" else "application/octet-stream"
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _body(self) -> bytes:
                return self.rfile.read(int(self.headers.get("Content-Length") or 0))

            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                if path == "/v1/models":
                    self._send(200, {"object": "list", "data": [{"id": "fake-model"}]})
                elif path == "/v1/batches":
                    batches = list(reversed(fake.batches.values()))
                    self._send(200, {"object": "list", "data": batches, "has_more": False})
                elif m := re.fullmatch(r"/v1/batches/([\w\-]+)", path):
                    if m.group(1) not in fake.batches:
                        self._send(404, {"error": {"message": "no such batch"}})
                    else:
                        self._send(200, fake.batch_object(m.group(1)))
                elif m := re.fullmatch(r"/v1/files/([\w\-]+)/content", path):
                    data = fake.files.get(m.group(1))
                    if data is None:
                        self._send(404, {"error": {"message": "no such file"}})
                    else:
                        self._send(200, data, kind="bytes")
                else:
                    self._send(404, {"error": {"message": f"no route {path}"}})

            def do_POST(self) -> None:
                path = self.path.split("?")[0]
                raw = self._body()
                if path == "/v1/chat/completions":
                    status, body = fake.complete(json.loads(raw))
                    self._send(status, body)
                elif path == "/v1/files":
                    self._send(200, fake.upload(self.headers.get("Content-Type", ""), raw))
                elif path == "/v1/batches":
                    self._send(200, fake.create_batch(json.loads(raw)))
                else:
                    self._send(404, {"error": {"message": f"no route {path}"}})

        return Handler

    def upload(self, content_type: str, raw: bytes) -> JsonDict:
        """`POST /v1/files` (multipart: purpose + file) -> a file object."""
        message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
            f"Content-Type: {content_type}\r\n\r\n".encode() + raw
        )
        fields: dict[str, tuple[str | None, bytes]] = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True)
            fields[str(name)] = (
                part.get_filename(),
                payload if isinstance(payload, bytes) else b"",
            )
        filename, data = fields["file"]
        file_id = self.next_id("file")
        self.files[file_id] = data
        return {
            "id": file_id,
            "object": "file",
            "bytes": len(data),
            "created_at": int(time.time()),
            "filename": filename or "input.jsonl",
            "purpose": fields.get("purpose", (None, b"batch"))[1].decode(),
            "status": "processed",
        }

    def create_batch(self, request: JsonDict) -> JsonDict:
        """`POST /v1/batches` -> a batch object in status ``validating``."""
        batch_id = self.next_id("batch")
        with self._lock:
            self.batch_creates += 1
        batch: JsonDict = {
            "id": batch_id,
            "object": "batch",
            "endpoint": request["endpoint"],
            "errors": None,
            "input_file_id": request["input_file_id"],
            "completion_window": request.get("completion_window", "24h"),
            "status": "validating",
            "output_file_id": None,
            "error_file_id": None,
            "created_at": int(time.time()),
            "request_counts": {"total": 0, "completed": 0, "failed": 0},
            "metadata": request.get("metadata"),
        }
        self.batches[batch_id] = batch
        return batch


def main() -> None:
    """Serve from the command line (for the benchmark or manual runs)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--delay", type=float, default=0.0)
    args = parser.parse_args()
    server = FakeOpenAIServer(port=args.port, delay_s=args.delay)
    print(server.base_url, flush=True)
    server.start()
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.stop()


if __name__ == "__main__":
    main()
