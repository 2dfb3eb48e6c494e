"""The HTML briefing in a real browser: clicking a figure highlights its evidence.

Also proves the Content-Security-Policy lets our own inline style and script run (a
blocked one would log a console error) and that hostile article text runs nothing.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support.brief import GOLD, gold_inputs
from test_brief_render import _hostile_input

from summarizer.brief import build_briefing, render_html

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not GOLD.is_dir(), reason=f"gold annotations absent: {GOLD}"),
]
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    with sync_api.sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        except Exception as exc:  # no bundled browser and no system Chromium
            pytest.skip(f"no Chromium to run the browser test: {exc}")
        yield launched
        launched.close()


def _open(browser: Any, html: str, tmp_path: Path) -> tuple[Any, list[str], list[str]]:
    path = tmp_path / "brief.html"
    path.write_text(html, encoding="utf-8")
    page = browser.new_page()
    errors: list[str] = []
    dialogs: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(path.as_uri())
    return page, errors, dialogs


def test_clicking_a_figure_row_highlights_its_evidence(browser: Any, tmp_path: Path) -> None:
    inputs = gold_inputs()
    briefing = build_briefing(inputs)
    page, errors, _ = _open(browser, render_html(briefing), tmp_path)
    rows = page.locator("tbody tr[data-marks]")
    expected = sum(len(row.reports) if row.disagreement else 1 for row in briefing.figures)
    assert rows.count() == expected
    assert page.locator("mark.active").count() == 0
    rows.nth(3).click()
    report = briefing.figures[3].reports[0]
    assert page.locator("mark.figure.active").inner_text() == report.text
    evidence = page.locator("mark.evidence.active").inner_text()
    assert " ".join(evidence.split()) == " ".join(report.evidence.split())
    assert page.locator("tr.row-active").count() == 1
    clause = rows.nth(3).locator(".clause")  # the words that state it, under its metric
    assert clause.is_visible() and clause.inner_text() == report.clause
    assert clause.evaluate("e => getComputedStyle(e).color") == "rgb(93, 102, 118)"
    rows.nth(0).click()  # a second click moves the highlight
    assert page.locator("mark.figure.active").inner_text() == briefing.figures[0].reports[0].text
    header = page.locator("header.top")
    assert header.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(23, 36, 58)"
    assert errors == []


def test_hostile_article_text_runs_nothing(browser: Any, tmp_path: Path) -> None:
    page, errors, dialogs = _open(
        browser, render_html(build_briefing([_hostile_input()])), tmp_path
    )
    page.locator("tbody tr[data-marks]").first.click()
    page.wait_for_timeout(200)
    assert dialogs == []
    assert page.locator("script").count() == 1
    assert page.locator("img").count() == 0
    assert errors == []
