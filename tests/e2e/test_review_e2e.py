"""A reviewer fixes a wrong figure in a real browser (headless Chromium via Playwright).

The server is `summarizer serve` in a subprocess on a free 127.0.0.1 port, over a temp
store seeded with a seed article and a record whose imports figure says 6.2 *million*
USD where the source says 6.2 *billion*; the flag is the real cross-checker's verdict.
Set SUMMARIZER_SCREENSHOT_DIR to keep screenshots (docs/review-page.png comes from here).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
from sqlalchemy.orm import Session
from support.outcomes import outcome_of
from support.review import SEED, turnover, usd, wrong_imports

from summarizer.brief.build import build_briefing
from summarizer.brief.from_store import inputs_from_store
from summarizer.brief.render_md import render_markdown
from summarizer.crosscheck import check_record
from summarizer.domain import (
    ArticleMeta,
    ArticleRecord,
    Discrepancy,
    SourceArticle,
    SourceSpan,
    Verdict,
)
from summarizer.review import accounts, service
from summarizer.source_text import article_id_for, read_source_text
from summarizer.store.repository import RunKey, Store

pytestmark = pytest.mark.e2e

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "e2e-reviewer-password"
HOSTILE = (
    "Hostile page. <script>alert('script tag ran')</script> Exports reached "
    "<img src=x onerror=alert('handler ran')> 12 billion USD this year.\n"
)
KEY = RunKey(model="e2e-model", prompt_version="p1")


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{CHROMIUM} is missing in CI: install Debian's chromium package")
    pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium); the browser test needs it")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _guangxi(store: Store) -> str:
    text = read_source_text(SEED)
    article = SourceArticle(
        article_id=article_id_for(text),
        text=text,
        meta=ArticleMeta(title="Vietnam - Guangxi trade talks", source=str(SEED)),
    )
    record = ArticleRecord(
        article_id=article.article_id,
        meta=article.meta,
        summary="Viet Nam's trade minister met Guangxi's chairman; trade keeps growing.",
        figures=[
            turnover(period="first 10 months of 2025"),
            wrong_imports(period="first 10 months of 2025"),
        ],
    )
    verdict = check_record(text, record)
    assert any(
        d.field == "figures[1].value" and d.code == "scale_mismatch" for d in verdict.discrepancies
    ), verdict
    _save(store, article, record, verdict)
    return article.article_id


def _hostile(store: Store) -> str:
    article = SourceArticle(
        article_id=article_id_for(HOSTILE),
        text=HOSTILE,
        meta=ArticleMeta(title="<b>hostile</b> <img src=x onerror=alert('title ran')>"),
    )
    start = HOSTILE.index("12 billion USD")
    record = ArticleRecord(
        article_id=article.article_id,
        meta=article.meta,
        summary="<script>alert('summary ran')</script>",
        figures=[
            usd(
                value=Decimal("1200000000"),
                scale="billion",
                metric="exports <img src=x onerror=alert('metric ran')>",
                text="1.2 billion USD",
                evidence="Exports reached 12 billion USD",
            )
        ],
    )
    discrepancy = Discrepancy(
        code="scale_mismatch",
        field="figures[0].value",
        claim="<script>alert('claim ran')</script>",
        source="12 billion USD",
        spans=[SourceSpan(start=start, end=start + 14, text="12 billion USD")],
        message="<img src=x onerror=alert('message ran')>",
    )
    _save(store, article, record, Verdict.from_discrepancies([discrepancy], numbers_checked=1))
    return article.article_id


def _save(store: Store, article: SourceArticle, record: ArticleRecord, verdict: Verdict) -> None:
    outcome = outcome_of(article, record, verdict)
    store.save_outcome(article, outcome, KEY)


@dataclass
class Served:
    url: str
    db: Path
    guangxi: str
    hostile: str


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    _require_chromium()
    db = tmp_path / "e2e.db"
    store = Store.open(str(db))
    guangxi, hostile = _guangxi(store), _hostile(store)
    with Session(store.engine) as session:
        accounts.add_user(session, "alice", PASSWORD)
    store.close()
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "SUMMARIZER_DB": str(db)}
    server = subprocess.Popen(
        [sys.executable, "-m", "summarizer", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                err = server.stderr.read().decode() if server.stderr else ""
                pytest.fail(f"`summarizer serve` did not start: {err}")
            time.sleep(0.2)
        yield Served(url=url, db=db, guangxi=guangxi, hostile=hostile)
    finally:
        server.terminate()
        server.wait(timeout=10)


def _screenshot_dir() -> Path | None:
    value = os.environ.get("SUMMARIZER_SCREENSHOT_DIR")
    return Path(value) if value else None


def test_reviewer_accepts_the_source_value_and_the_briefing_follows(served: Served) -> None:
    from playwright.sync_api import expect, sync_playwright

    dialogs: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        page = browser.new_page(viewport={"width": 1360, "height": 900})
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

        # Anonymous visitors are sent to the login form.
        page.goto(f"{served.url}/queue")
        expect(page).to_have_url(f"{served.url}/login?next=/queue")
        page.fill("#username", "alice")
        page.fill("#password", PASSWORD)
        page.click("button[type=submit]")
        expect(page).to_have_url(f"{served.url}/queue")

        # Keyboard: j/k move through the queue, Enter opens the selected row.
        rows = page.locator("#queue tbody tr")
        flagged = rows.filter(has_text="figures[1].value").filter(has_text="6.2 million USD")
        expect(flagged).to_have_count(1)
        target = int(flagged.locator("td").first.inner_text())
        index = [int(t) for t in rows.locator("td:first-child").all_inner_texts()].index(target)
        for _ in range(index):
            page.keyboard.press("j")
        expect(rows.nth(index)).to_have_class("selected")
        page.keyboard.press("Enter")
        expect(page).to_have_url(f"{served.url}/d/{target}")

        # Side by side: the model's claim, the source with the number highlighted.
        expect(page.locator(".model .claim")).to_have_text("6.2 million USD")
        expect(page.locator("#source-text mark.hl").first).to_have_text("6.2 billion USD")
        expect(page.locator(".reason .code")).to_have_text("scale_mismatch")
        expect(page.locator(".keys")).to_contain_text("accept source")
        shots = _screenshot_dir()
        if shots is not None:
            shots.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(shots / "review-page.png"))

        # "s" accepts the source's value; the next open discrepancy opens with a notice.
        page.keyboard.press("s")
        expect(page.locator(".notice.ok")).to_have_text(f"Discrepancy #{target} corrected.")

        # The reviewed record shows the corrected figure...
        page.goto(f"{served.url}/articles/{served.guangxi}")
        figures = page.locator("#figures tbody tr")
        expect(figures.nth(1)).to_contain_text("6.2 billion USD")
        expect(figures.nth(1)).to_contain_text("6200000000 USD")

        # ...and the audit log has the entry, with an intact chain.
        page.goto(f"{served.url}/audit")
        expect(page.locator("#chain-status")).to_contain_text("Chain intact")
        # (the figure's second flag, resolved with it, is logged as its own newer entry)
        rows = page.locator("#audit tbody tr")
        entry = rows.filter(has_text="figures[1].value: 6200000 → 6200000000")
        expect(entry).to_have_count(1)
        expect(entry).to_contain_text("alice")
        expect(entry).to_contain_text("correct")
        expect(rows.first).to_contain_text("resolved with #1")
        browser.close()
    assert dialogs == []

    # The briefing built from the store uses the corrected record.
    store = Store.open(str(served.db))
    try:
        briefing = render_markdown(build_briefing(inputs_from_store(store).inputs))
        with Session(store.engine) as session:
            record = service.current_record(session, served.guangxi)
            report = service.verify(session)
    finally:
        store.close()
    assert record is not None and record.figures[1].value == Decimal("6200000000")
    imports_row = next(line for line in briefing.splitlines() if "Guangxi imports" in line)
    assert "US$6.2 billion" in imports_row and "million" not in imports_row
    assert report.ok and report.entries == 2  # the correction and its sibling flag


def test_hostile_article_text_never_runs_in_the_browser(served: Served) -> None:
    from playwright.sync_api import expect, sync_playwright

    dialogs: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        page = browser.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(f"{served.url}/login")
        page.fill("#username", "alice")
        page.fill("#password", PASSWORD)
        page.click("button[type=submit]")
        for path in ("/queue", "/queue?status=all", f"/articles/{served.hostile}"):
            page.goto(served.url + path)
            page.wait_for_load_state("load")
        page.goto(f"{served.url}/queue")
        page.locator("#queue tbody tr", has_text="claim ran").locator("a").click()
        page.wait_for_load_state("load")
        # The hostile markup is shown as text, not parsed into elements.
        expect(page.locator("#source-text")).to_contain_text("<script>alert('script tag ran')")
        expect(page.locator("#source-text")).to_contain_text("<img src=x onerror=")
        expect(page.locator(".model .claim")).to_have_text("<script>alert('claim ran')</script>")
        assert page.locator("main img").count() == 0
        assert page.locator("main script").count() == 0
        page.goto(f"{served.url}/articles/{served.hostile}")
        expect(page.locator(".summary")).to_have_text("<script>alert('summary ran')</script>")
        browser.close()
    assert dialogs == []
