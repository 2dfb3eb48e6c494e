"""Sign-in cost and limits over HTTP (issue 10 items 4 and 7): argon2 runs in a bounded
number of slots, a locked (account, client) pair costs no hashing, successful sign-ins
never count, and the lock backs off without locking other clients out."""

from __future__ import annotations

import re
import threading
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from support.review import PASSWORD, login, store_with_reviewers

from summarizer.review import auth
from summarizer.review.auth import LoginGuard
from summarizer.review.web import create_app
from summarizer.store.repository import Store


class CountingHasher:
    """Stands in for argon2's verifier: slow, and it records how many run at once."""

    def __init__(self, real: object) -> None:
        self.real = real
        self.calls = 0
        self.running = 0
        self.peak = 0
        self.lock = threading.Lock()

    def verify(self, stored: str, password: str) -> bool:
        with self.lock:
            self.calls += 1
            self.running += 1
            self.peak = max(self.peak, self.running)
        try:
            time.sleep(0.15)
            return bool(self.real.verify(stored, password))  # type: ignore[attr-defined]
        finally:
            with self.lock:
                self.running -= 1


@pytest.fixture
def store(tmp_path: Path) -> Store:
    seeded = store_with_reviewers(tmp_path / "limits.db", "alice")
    return seeded


@pytest.fixture
def hasher(monkeypatch: pytest.MonkeyPatch) -> CountingHasher:
    counting = CountingHasher(auth._HASHER)
    monkeypatch.setattr(auth, "_HASHER", counting)
    return counting


def test_concurrent_sign_ins_hash_in_bounded_slots(store: Store, hasher: CountingHasher) -> None:
    app = create_app(store.engine, limiter=LoginGuard(limit=100, peer_limit=100))
    codes: list[int] = []

    def attempt(n: int) -> None:
        with TestClient(app, base_url="http://127.0.0.1") as client:
            codes.append(login(client, f"user{n}", f"guess-number-{n}"))

    threads = [threading.Thread(target=attempt, args=(n,)) for n in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(codes) == [401] * 10
    assert hasher.calls == 10 and 1 <= hasher.peak <= auth.HASH_SLOTS


def test_a_locked_pair_costs_no_hashing_and_successes_do_not_count(
    store: Store, hasher: CountingHasher
) -> None:
    client = TestClient(create_app(store.engine), base_url="http://127.0.0.1")
    for _ in range(7):
        assert login(client, "alice", PASSWORD) == 303
    fresh = TestClient(create_app(store.engine, limiter=LoginGuard()), base_url="http://127.0.0.1")
    assert [login(fresh, "alice", f"guess-{i}") for i in range(5)] == [401] * 5
    calls = hasher.calls
    assert [login(fresh, "alice", f"guess-{i}") for i in range(20)] == [429] * 20
    assert hasher.calls == calls  # refused before any argon2 work


def test_many_names_from_one_address_hit_the_peer_limit(
    store: Store, hasher: CountingHasher
) -> None:
    client = TestClient(
        create_app(store.engine, limiter=LoginGuard(limit=5, peer_limit=8)),
        base_url="http://127.0.0.1",
    )
    codes = [login(client, f"name{i}", "some-guess-here") for i in range(10)]
    assert codes == [401] * 8 + [429] * 2
    assert hasher.calls == 8


def test_lock_backs_off_and_then_lets_the_right_password_in() -> None:
    now = [1000.0]
    guard = LoginGuard(limit=3, window_s=60, max_lock_s=200, clock=lambda: now[0])
    for _ in range(3):
        guard.failed("alice", "peer:10.0.0.1", "10.0.0.1")
    assert guard.check("alice", "peer:10.0.0.1") == pytest.approx(60)
    assert guard.check("alice", "peer:10.0.0.2") is None  # other clients are not locked
    assert guard.check("alice", "device:abc") is None
    now[0] += 60
    assert guard.check("alice", "peer:10.0.0.1") is None
    for _ in range(3):
        guard.failed("alice", "peer:10.0.0.1")
    assert guard.check("alice", "peer:10.0.0.1") == pytest.approx(120)  # doubled
    now[0] += 120
    for _ in range(3):
        guard.failed("alice", "peer:10.0.0.1")
    assert guard.check("alice", "peer:10.0.0.1") == pytest.approx(200)  # capped
    now[0] += 200
    guard.succeeded("alice", "peer:10.0.0.1")
    for _ in range(3):
        guard.failed("alice", "peer:10.0.0.1")
    assert guard.check("alice", "peer:10.0.0.1") == pytest.approx(60)  # success reset it


def test_sign_in_answers_503_when_every_hashing_slot_stays_busy(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(auth, "HASH_WAIT_S", 0.05)
    client = TestClient(create_app(store.engine), base_url="http://127.0.0.1")
    taken = [auth._SLOTS.acquire(timeout=1) for _ in range(auth.HASH_SLOTS)]
    try:
        page = client.get("/login")
        match = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        assert match
        busy = client.post(
            "/login",
            data={"username": "alice", "password": PASSWORD, "csrf_token": match.group(1)},
        )
        assert busy.status_code == 503 and busy.headers["retry-after"] == "5"
    finally:
        for ok in taken:
            if ok:
                auth._SLOTS.release()
    assert login(client, "alice", PASSWORD) == 303


def test_a_spray_of_made_up_names_keeps_the_guard_bounded() -> None:
    now = [1000.0]
    guard = LoginGuard(limit=3, window_s=60, max_entries=100, clock=lambda: now[0])
    for _ in range(3):
        guard.failed("alice", "peer:10.0.0.9")
    for n in range(1000):
        now[0] += 1.0
        guard.failed(f"made-up-{n}", f"peer:10.1.{n // 250}.{n % 250}")
    assert len(guard._failures) <= 200  # pruned, not one entry per name ever tried
    assert guard.check("made-up-999", "peer:10.1.3.249") is None
