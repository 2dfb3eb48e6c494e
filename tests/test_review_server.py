"""`summarizer serve` as a real uvicorn subprocess: what a client on the network gets
(issue 10 item 4: the login limit is keyed on the real peer and cannot lock a user out;
item 9: the Host check holds for any --host)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from support.review import PASSWORD, store_with_reviewers


def _free_port(host: str) -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def db(tmp_path: Path) -> str:
    store = store_with_reviewers(tmp_path / "served.db", "alice")
    store.close()
    return str(tmp_path / "served.db")


def _serve(db: str, host: str, *extra: str) -> Iterator[str]:
    port = _free_port(host)
    env = {**os.environ, "SUMMARIZER_DB": db}
    process = subprocess.Popen(
        [sys.executable, "-m", "summarizer", "serve", "--host", host, "--port", str(port), *extra],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://{host}:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{base}/healthz", headers={"Host": "127.0.0.1"}).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"server did not start: {process.stderr.read()!r}")
            time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def server(db: str) -> Iterator[str]:
    yield from _serve(db, "127.0.0.1")


def _login(client: httpx.Client, password: str, forwarded: str | None = None) -> int:
    page = client.get("/login")
    match = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert match
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    response = client.post(
        "/login",
        data={"username": "alice", "password": password, "csrf_token": match.group(1)},
        headers=headers,
    )
    return response.status_code


def test_x_forwarded_for_does_not_buy_a_fresh_limit(server: str) -> None:
    with httpx.Client(base_url=server) as attacker:
        codes = [_login(attacker, f"guess-{i}", forwarded=f"203.0.113.{i}") for i in range(7)]
    assert codes[:5] == [401] * 5 and set(codes[5:]) == {429}
    with httpx.Client(base_url=server) as other:  # same peer, no device cookie: locked too
        assert _login(other, PASSWORD, forwarded="198.51.100.7") == 429


def test_a_guesser_cannot_lock_out_a_user_who_signed_in_there_before(server: str) -> None:
    with httpx.Client(base_url=server) as alice:
        for _ in range(8):  # successful sign-ins never count toward any limit
            assert _login(alice, PASSWORD) == 303
        with httpx.Client(base_url=server) as attacker:  # same address as alice
            codes = [_login(attacker, f"guess-{i}") for i in range(6)]
        assert codes == [401] * 5 + [429]
        assert _login(alice, PASSWORD) == 303  # her browser's device cookie is its own key
        assert [_login(alice, "wrong-password") for _ in range(5)] == [401] * 5
        assert _login(alice, PASSWORD) == 429  # her own device is limited as well


def test_host_check_holds_on_another_loopback_address(db: str) -> None:
    for base in _serve(db, "127.0.0.2"):
        assert httpx.get(f"{base}/healthz").status_code == 200
        evil = httpx.get(f"{base}/healthz", headers={"Host": "evil.example"})
        assert evil.status_code == 400


def test_wildcard_bind_needs_allowed_hosts(db: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "summarizer", "serve", "--host", "0.0.0.0", "--port", "1"],
        env={**os.environ, "SUMMARIZER_DB": db},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "--allowed-host" in result.stderr and "Traceback" not in result.stderr
