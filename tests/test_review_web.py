"""The review page as a browser and an attacker see it (FastAPI TestClient, no network)."""

from __future__ import annotations

import re
import threading
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from support.review import PASSWORD, login, new_session, store_with_reviewers

from summarizer.review import accounts, service
from summarizer.review.auth import RateLimiter
from summarizer.review.web import LOGIN_COOKIE, SESSION_COOKIE, create_app
from summarizer.store.repository import Store

HOSTILE = (
    "Trade talks.\n<script>alert('xss')</script> Imports reached "
    '<img src=x onerror=alert(1)> 6.2 billion USD, officials said "quote" & more.\n'
)


def _csrf(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "form has no CSRF token"
    return match.group(1)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    seeded = store_with_reviewers(tmp_path / "web.db", "alice", "bob")
    return seeded


@pytest.fixture
def client(store: Store) -> TestClient:
    return TestClient(create_app(store.engine), base_url="http://127.0.0.1")


def test_anonymous_users_can_neither_read_nor_write(client: TestClient) -> None:
    for path in ("/queue", "/d/1", "/audit", "/articles/x"):
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303
        assert response.headers["location"].startswith("/login?next=")
    assert client.get("/api/discrepancies").status_code == 401
    assert client.post("/d/1/approve", data={"csrf_token": "x"}).status_code == 401
    assert client.post("/api/discrepancies/1/approve", json={}).status_code == 401


def test_login_sets_a_hardened_session_cookie(client: TestClient) -> None:
    page = client.get("/login")
    response = client.post(
        "/login",
        data={"username": "alice", "password": PASSWORD, "csrf_token": _csrf(page.text)},
        follow_redirects=False,
    )
    assert response.status_code == 303
    cookie = next(
        v for k, v in response.headers.multi_items() if k == "set-cookie" and SESSION_COOKIE in v
    )
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
    queue = client.get("/queue")
    assert queue.status_code == 200 and "6.2 million USD" in queue.text


def test_wrong_password_and_forged_cookie_are_refused(client: TestClient) -> None:
    assert login(client, password="wrong password") == 401
    client.cookies.set(SESSION_COOKIE, "forged.deadbeef")
    assert client.get("/queue", follow_redirects=False).status_code == 303


def test_login_form_needs_its_csrf_cookie(client: TestClient) -> None:
    client.get("/login")
    client.cookies.delete(LOGIN_COOKIE)
    response = client.post(
        "/login", data={"username": "alice", "password": PASSWORD, "csrf_token": "guess"}
    )
    assert response.status_code == 403


def test_login_attempts_are_rate_limited_per_user_and_address(store: Store) -> None:
    client = TestClient(
        create_app(store.engine, limiter=RateLimiter(limit=5, window_s=60)),
        base_url="http://127.0.0.1",
    )
    codes = [login(client, password=f"guess-{i}") for i in range(6)]
    assert codes == [401] * 5 + [429]
    page = client.get("/login")
    blocked = client.post(
        "/login",
        data={"username": "alice", "password": PASSWORD, "csrf_token": _csrf(page.text)},
    )
    assert blocked.status_code == 429 and int(blocked.headers["retry-after"]) > 0
    assert login(client, user="bob") == 303  # another user is not locked out


def test_posts_without_the_session_csrf_token_are_refused(client: TestClient, store: Store) -> None:
    assert login(client) == 303
    response = client.post("/d/1/approve", data={"csrf_token": "not-the-token"})
    assert response.status_code == 403
    assert store.list_discrepancies()[0].status == "open"


def test_accept_source_from_the_page_corrects_the_record(client: TestClient, store: Store) -> None:
    assert login(client) == 303
    page = client.get("/d/1")
    assert page.status_code == 200
    assert '<mark class="hl" data-span="' in page.text and "6.2 billion USD</mark>" in page.text
    preview = page.text.split('id="source-preview"', 1)[1].split("</p>", 1)[0]
    assert "<code>figures[2].value</code> = <code>6200000000</code>" in preview
    assert "<code>figures[2].scale</code> = <code>billion</code>" in preview
    response = client.post(
        "/d/1/accept-source", data={"csrf_token": _csrf(page.text)}, follow_redirects=False
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/d/2?done=1&did=corrected"
    article_id = store.list_discrepancies()[0].article_id
    record_page = client.get(f"/articles/{article_id}")
    assert "6200000000 USD" in record_page.text and "6.2 billion USD" in record_page.text
    recheck = record_page.text.split('id="recheck"', 1)[1].split("</p>", 1)[0]
    assert "Cross-check of the reviewed record" in recheck and "figures[2]" not in recheck
    audit = client.get("/audit")
    assert "Chain intact" in audit.text and "figures[2].value: 6200000 → 6200000000" in audit.text


def test_second_reviewer_gets_a_clear_conflict(store: Store) -> None:
    app = create_app(store.engine)
    alice = TestClient(app, base_url="http://127.0.0.1")
    bob = TestClient(app, base_url="http://127.0.0.1")
    assert login(alice) == 303 and login(bob, user="bob") == 303
    alice_page, bob_page = alice.get("/d/1"), bob.get("/d/1")
    assert (
        alice.post("/d/1/approve", data={"csrf_token": _csrf(alice_page.text)}).status_code == 200
    )
    late = bob.post(
        "/d/1/reject", data={"csrf_token": _csrf(bob_page.text), "reason": "wrong scale"}
    )
    assert late.status_code == 409
    assert "already approved (by alice at" in late.text


def test_two_reviewers_posting_at_once_get_one_decision(store: Store) -> None:
    """Both forms are submitted at the same moment: one 303, one 409 naming the winner."""
    app = create_app(store.engine)
    clients = {who: TestClient(app, base_url="http://127.0.0.1") for who in ("alice", "bob")}
    tokens = {}
    for who, client in clients.items():
        assert login(client, user=who) == 303
        tokens[who] = _csrf(client.get("/d/1").text)
    barrier = threading.Barrier(2)
    responses: dict[str, httpx.Response] = {}

    def submit(who: str) -> None:
        data = {"csrf_token": tokens[who]}
        action = "accept-source" if who == "alice" else "reject"
        if who == "bob":
            data["reason"] = "wrong scale"
        barrier.wait()
        responses[who] = clients[who].post(f"/d/1/{action}", data=data, follow_redirects=False)

    threads = [threading.Thread(target=submit, args=(who,)) for who in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    codes = sorted(r.status_code for r in responses.values())
    assert codes == [303, 409], codes
    winner = next(who for who, r in responses.items() if r.status_code == 303)
    loser = next(r for r in responses.values() if r.status_code == 409)
    assert f"(by {winner} at" in loser.text and "nothing was changed" in loser.text
    with new_session(store) as session:
        report = service.verify(session)
    assert report.ok and report.entries == 1


def test_invalid_correction_is_refused_with_the_models_message(client: TestClient) -> None:
    assert login(client) == 303
    page = client.get("/d/1")
    response = client.post(
        "/d/1/correct",
        data={"csrf_token": _csrf(page.text), "value": "lots", "field": "figures[2].value"},
    )
    assert response.status_code == 422 and "valid decimal" in response.text


def test_bearer_token_reads_and_writes_without_cookies(client: TestClient, store: Store) -> None:
    with new_session(store) as session:
        token = accounts.issue_token(session, "bob")
    headers = {"Authorization": f"Bearer {token}"}
    listed = client.get("/api/discrepancies", headers=headers)
    assert listed.status_code == 200 and [d["id"] for d in listed.json()] == [1, 2]
    decided = client.post(
        "/api/discrepancies/2/reject", headers=headers, json={"reason": "not in article"}
    )
    assert decided.status_code == 200 and decided.json()["audit"]["who"] == "bob"
    again = client.post("/api/discrepancies/2/approve", headers=headers, json={})
    assert again.status_code == 409
    bad = client.get("/api/discrepancies", headers={"Authorization": "Bearer smzr_nope"})
    assert bad.status_code == 401


def test_security_headers_on_every_page(client: TestClient) -> None:
    response = client.get("/login")
    csp = response.headers["content-security-policy"]
    nonce = re.search(r"'nonce-([^']+)'", csp)
    assert "default-src 'self'" in csp and nonce
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert client.get("/login").headers["content-security-policy"] != csp  # fresh nonce


def test_hostile_article_text_is_escaped(tmp_path: Path) -> None:
    from support.review import scale_discrepancy

    store = store_with_reviewers(
        tmp_path / "xss.db", "alice", discrepancies=[scale_discrepancy(HOSTILE)], text=HOSTILE
    )
    client = TestClient(create_app(store.engine), base_url="http://127.0.0.1")
    assert login(client) == 303
    html = client.get("/d/1").text
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    nonce = re.search(r"'nonce-([^']+)'", client.get("/d/1").headers["content-security-policy"])
    assert nonce
    # Every <script> on the page is ours (nonce-carrying); none came from the article.
    assert all('nonce="' in tag for tag in re.findall(r"<script[^>]*>", html))


def test_unknown_discrepancy_and_action_are_404(client: TestClient) -> None:
    assert login(client) == 303
    assert client.get("/d/999").status_code == 404
    page = client.get("/d/1")
    assert client.post("/d/1/delete", data={"csrf_token": _csrf(page.text)}).status_code == 404


def test_logout_ends_the_session(client: TestClient, store: Store) -> None:
    assert login(client) == 303
    page = client.get("/queue")
    client.post("/logout", data={"csrf_token": _csrf(page.text)})
    assert client.get("/queue", follow_redirects=False).status_code == 303
    with new_session(store) as session:
        assert service.list_discrepancies(session, "open")
