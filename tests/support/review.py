"""Shared helpers for the review tests: a temp store seeded with a flagged record.

The record is the seed article about Vietnam-Guangxi trade with one wrong figure: the
model wrote 6.2 *million* USD where the source says 6.2 *billion* USD.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from summarizer.domain import (
    ArticleMeta,
    ArticleRecord,
    Discrepancy,
    Figure,
    SourceArticle,
    Verdict,
)
from summarizer.review import accounts
from summarizer.source_text import article_id_for, read_source_text
from summarizer.store.repository import RunKey, Store
from support.outcomes import outcome_of, scale_mismatch

SEED = Path(__file__).resolve().parents[2] / "seeds" / "002_55c89a1fcdb3cd68.txt"
WRONG_EVIDENCE = "Guangxi's imports from Vietnam reached 6.2 billion USD"
KEY = RunKey(model="test-model", prompt_version="p1")
PASSWORD = "correct horse battery"
"""Every reviewer account's password in the review tests."""


def seed_article(text: str | None = None, title: str = "Vietnam - Guangxi talks") -> SourceArticle:
    body = text if text is not None else read_source_text(SEED)
    return SourceArticle(article_id=article_id_for(body), text=body, meta=ArticleMeta(title=title))


def usd(**fields: object) -> Figure:
    """A figure in USD, an amount unless `fields` say otherwise."""
    return Figure.model_validate({"kind": "amount", "unit": "USD", **fields})


def turnover(**extra: object) -> Figure:
    """The seed's Vietnam-Guangxi turnover, as the source says it."""
    return usd(
        value=Decimal("35700000000"),
        scale="billion",
        metric="Vietnam-Guangxi import-export turnover",
        text="35.7 billion USD",
        evidence="the import-export turnover between Vietnam and Guangxi reached 35.7 billion USD",
        **extra,
    )


def wrong_imports(**extra: object) -> Figure:
    """Guangxi's imports with the wrong scale: 6.2 *million* where the source says billion."""
    return usd(
        value=Decimal("6200000"),
        scale="million",
        metric="Guangxi imports from Vietnam",
        text="6.2 million USD",
        evidence=WRONG_EVIDENCE,
        **extra,
    )


def flagged_record(article: SourceArticle) -> ArticleRecord:
    """Four figures from the article; figure 2 has the wrong scale."""
    return ArticleRecord(
        article_id=article.article_id,
        summary="Viet Nam and Guangxi discussed trade; turnover reached 35.7 billion USD.",
        meta=article.meta,
        figures=[
            turnover(),
            usd(
                value=Decimal("29500000000"),
                scale="billion",
                metric="Guangxi exports to Vietnam",
                text="29.5 billion USD",
                evidence="Guangxi's exports to Vietnam reached 29.5 billion USD",
                part_of=0,
            ),
            wrong_imports(part_of=0),
            usd(
                kind="change",
                unit="percent",
                value=Decimal("-10.5"),
                direction="down",
                metric="Guangxi imports from Vietnam",
                text="a decrease of 10.5%",
                evidence="a decrease of 10.5%",
            ),
        ],
    )


def scale_discrepancy(text: str) -> Discrepancy:
    return scale_mismatch(
        text,
        "6.2 billion USD",
        "6.2 million USD",
        "figures[2].value",
        "figures[2].value: the source says 6.2 billion USD, not 6.2 million USD.",
    )


def extra_discrepancy() -> Discrepancy:
    return Discrepancy(
        code="not_in_source",
        field="figures[1].value",
        claim="29.5 billion USD",
        message="figures[1].value: illustrative second finding for list and navigation tests.",
    )


def seeded_store(
    db_path: Path, discrepancies: list[Discrepancy] | None = None, text: str | None = None
) -> tuple[Store, SourceArticle]:
    """A migrated temp store holding the article, its flagged record and discrepancies."""
    store = Store.open(str(db_path))
    article = seed_article(text)
    record = flagged_record(article)
    found = (
        discrepancies
        if discrepancies is not None
        else [scale_discrepancy(article.text), extra_discrepancy()]
    )
    verdict = Verdict.from_discrepancies(found, numbers_checked=4)
    outcome = outcome_of(article, record, verdict)
    store.save_outcome(article, outcome, KEY)
    return store, article


def store_with_reviewers(
    db_path: Path,
    *names: str,
    discrepancies: list[Discrepancy] | None = None,
    text: str | None = None,
) -> Store:
    """`seeded_store` plus reviewer accounts (password `PASSWORD`), ready to sign in."""
    store, _ = seeded_store(db_path, discrepancies, text)
    with new_session(store) as session:
        for name in names:
            accounts.add_user(session, name, PASSWORD)
    return store


def login(client: TestClient, user: str = "alice", password: str = PASSWORD) -> int:
    """Sign in through the form, CSRF token included; the response's status code."""
    page = client.get("/login")
    match = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert match
    response = client.post(
        "/login",
        data={"username": user, "password": password, "csrf_token": match.group(1)},
        follow_redirects=False,
    )
    return response.status_code


def new_session(store: Store) -> Session:
    """A plain session (no outer transaction): review decisions manage their own."""
    return Session(store.engine, expire_on_commit=False)
