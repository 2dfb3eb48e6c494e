"""The review page against hostile input and careless requests (issue 10, items 5 and 9):
RTL overrides shown, unbroken tokens wrapped, huge ids and bad bodies answered with 4xx
and the security headers, anonymous API bodies never parsed before the 401."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from support.review import (
    PASSWORD,
    new_session,
    scale_discrepancy,
    store_with_reviewers,
)

from summarizer.review import accounts
from summarizer.review.web import create_app
from summarizer.store.repository import Store

RLO = "\u202e"
HOSTILE = (
    "Trade talks. Imports reached 6.2 billion USD, officials said. "
    f"Analysts wrote {RLO}12 noillib{chr(0x202C)} and \x1b[2K\x1b[1Aforged line. "
    + "A" * 20_000
    + "\n"
)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    seeded = store_with_reviewers(
        tmp_path / "hostile.db", "alice", discrepancies=[scale_discrepancy(HOSTILE)], text=HOSTILE
    )
    return seeded


@pytest.fixture
def client(store: Store) -> TestClient:
    client = TestClient(
        create_app(store.engine), base_url="http://127.0.0.1", raise_server_exceptions=False
    )
    page = client.get("/login")
    match = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert match
    client.post(
        "/login",
        data={"username": "alice", "password": PASSWORD, "csrf_token": match.group(1)},
    )
    return client


def _has_security_headers(response: object) -> bool:
    headers = response.headers  # type: ignore[attr-defined]
    return "nonce-" in headers.get("content-security-policy", "") and (
        headers.get("x-frame-options") == "DENY"
    )


def test_bidi_overrides_and_escape_bytes_are_shown_not_obeyed(client: TestClient) -> None:
    page = client.get("/d/1")
    assert page.status_code == 200
    assert RLO not in page.text and "\x1b" not in page.text
    assert "[U+202E]12 noillib[U+202C]" in page.text and "[U+001B][2K" in page.text


def test_long_unbroken_tokens_wrap(client: TestClient) -> None:
    css = client.get("/static/review.css").text
    rule = re.search(r"([^{}]*)\{\s*overflow-wrap:\s*anywhere", css)
    assert rule is not None
    assert ".source-text" in rule.group(1) and "dd" in rule.group(1)
    assert re.search(r"\.sides > \*\s*\{\s*min-width:\s*0", css)


@pytest.mark.parametrize(
    ("method", "path", "expected"),
    [
        ("get", "/d/99999999999999999999", 404),
        ("get", "/d/-5", 404),
        ("get", "/d/abc", 400),
        ("post", "/api/discrepancies/99999999999999999999/approve", 404),
    ],
)
def test_huge_or_malformed_ids_get_4xx_with_headers(
    client: TestClient, store: Store, method: str, path: str, expected: int
) -> None:
    with new_session(store) as session:
        token = accounts.issue_token(session, "alice")
    response = client.request(method, path, headers={"Authorization": f"Bearer {token}"}, json={})
    assert response.status_code == expected
    assert _has_security_headers(response)
    assert "Traceback" not in response.text


@pytest.mark.parametrize(
    "field",
    ["figures[99999999999999999999].value", "figures[0]..value", "figures[", "__class__"],
)
def test_invalid_field_paths_are_refused_with_headers(client: TestClient, field: str) -> None:
    page = client.get("/d/1")
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert csrf
    response = client.post(
        "/d/1/correct", data={"csrf_token": csrf.group(1), "value": "1", "field": field}
    )
    assert response.status_code == 422 and _has_security_headers(response)


def test_anonymous_api_bodies_are_not_parsed_before_the_401(store: Store) -> None:
    anonymous = TestClient(create_app(store.engine), base_url="http://127.0.0.1")
    invalid = anonymous.post(
        "/api/discrepancies/1/correct",
        content=b'{"value": [1, 2, 3], "field": {"x": 1}}',
        headers={"Content-Type": "application/json"},
    )
    assert invalid.status_code == 401 and "value" not in invalid.text
    assert _has_security_headers(invalid)
    huge = anonymous.post(
        "/api/discrepancies/1/correct",
        content=b"{" + b" " * (1024 * 1024) + b"}",
        headers={"Content-Type": "application/json"},
    )
    assert huge.status_code == 413 and _has_security_headers(huge)


def test_an_authenticated_bad_body_is_a_short_400(client: TestClient, store: Store) -> None:
    with new_session(store) as session:
        token = accounts.issue_token(session, "alice")
    response = client.post(
        "/api/discrepancies/1/correct",
        content=b'{"value": [1]}',
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    assert response.status_code == 400 and "JSON object" in response.json()["error"]
