"""Markdown, HTML and JSON briefings: numbers from records, escaping, evidence marks."""

from __future__ import annotations

import base64
import hashlib
import re
from decimal import Decimal
from html import unescape
from html.parser import HTMLParser

import pytest
from support.brief import (
    GOLD,
    accepted,
    flagged,
    gold_inputs,
    make_article,
    make_record,
    two_source_inputs,
)
from support.crosscheck import fig
from support.outcomes import scale_mismatch

from summarizer.brief import (
    BriefingInput,
    build_briefing,
    render_html,
    render_json,
    render_markdown,
)
from summarizer.brief.render_json import parse_json
from summarizer.domain import (
    Discrepancy,
    Meeting,
    Participant,
    Verdict,
)

pytestmark = pytest.mark.skipif(not GOLD.is_dir(), reason=f"gold annotations absent: {GOLD}")

_SCALE = {"trillion": Decimal(10) ** 12, "billion": Decimal(10) ** 9, "million": Decimal(10) ** 6}
_VALUE = re.compile(r"(\d[\d,]*(?:\.\d+)?)(?:\s*(trillion|billion|million))?")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _values_in(cell: str) -> list[Decimal]:
    """Numbers printed in a value cell, scaled back to base units."""
    return [
        Decimal(digits.replace(",", "")) * _SCALE.get(scale or "", Decimal(1))
        for digits, scale in _VALUE.findall(cell)
    ]


def _record_numbers(inputs: list[BriefingInput]) -> set[Decimal]:
    return {abs(f.value) for item in inputs for f in item.record.figures}


def _record_words(inputs: list[BriefingInput]) -> str:
    """Every text field a non-value cell may legitimately print numbers from."""
    parts: list[str] = []
    for n, item in enumerate(inputs, start=1):
        parts.append(f"S{n} {item.record.meta.title}")
        for figure in item.record.figures:
            parts.extend([figure.metric, figure.period or "", *figure.entities])
    return " ".join(parts)


def _markdown_table_rows(markdown: str) -> list[list[str]]:
    section = markdown.split("## Figures", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    return [[cell.strip() for cell in row.strip("|").split(" | ")] for row in rows[1:]]


def test_every_number_in_the_markdown_figures_table_comes_from_a_record_field() -> None:
    inputs = gold_inputs()
    rows = _markdown_table_rows(render_markdown(build_briefing(inputs)))
    assert len(rows) == sum(len(item.record.figures) for item in inputs) - 1  # one merged
    numbers, words = _record_numbers(inputs), _record_words(inputs)
    printed = 0
    for value, change, *rest in rows:
        for number in _values_in(value) + _values_in(change):
            assert number in numbers, f"{number} in {value or change!r} is not a record value"
            printed += 1
        for cell in rest:
            for token in _NUMBER.findall(cell):
                assert token in words, f"{token!r} in {cell!r} is not from a record field"
    assert printed == len(rows)


class _TableCells(HTMLParser):
    """Collects the text of each <td> in the figures table."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._in_table = self._in_cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tbody":
            self._in_table = True
        elif self._in_table and tag == "tr":
            self.rows.append([])
        elif self._in_table and tag == "td":
            self._in_cell = True
            self.rows[-1].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "tbody":
            self._in_table = False
        elif tag == "td":
            self._in_cell = False

    def handle_data(self, data: str) -> None:
        if self._in_cell:
            self.rows[-1][-1] += data


def test_every_number_in_the_html_figures_table_comes_from_a_record_field() -> None:
    inputs = gold_inputs()
    parser = _TableCells()
    parser.feed(render_html(build_briefing(inputs)))
    assert len(parser.rows) == sum(len(item.record.figures) for item in inputs) - 1
    numbers, words = _record_numbers(inputs), _record_words(inputs)
    for value, change, *rest in parser.rows:
        assert [n for n in _values_in(value) + _values_in(change) if n not in numbers] == []
        for cell in rest:
            assert [t for t in _NUMBER.findall(cell) if t not in words] == []


def test_printed_value_follows_the_record_not_the_model_text() -> None:
    first, second = two_source_inputs()
    figures = list(first.record.figures)
    figures[2] = figures[2].model_copy(update={"value": Decimal("29600000000")})
    corrected = first.model_copy(
        update={"record": first.record.model_copy(update={"figures": figures}), "corrected": True}
    )
    markdown = render_markdown(build_briefing([corrected, second]))
    table = markdown.split("## Figures", 1)[1].split("\n## ", 1)[0]
    assert "US$29.6 billion" in table
    assert "29.5" not in table
    assert "· corrected" in markdown


def _flagged_input() -> BriefingInput:
    first, _ = two_source_inputs()
    discrepancy = scale_mismatch(
        first.article.text,
        "35.7 billion USD",
        "35.7 million USD",
        "figures[0].value",
        "The record says million where the source says billion.",
    )
    return flagged(first.article, first.record, [discrepancy])


def test_flagged_items_are_listed_with_message_and_code() -> None:
    briefing = build_briefing([_flagged_input()])
    assert briefing.counts.flagged == 1 and briefing.counts.awaiting_review == 1
    markdown = render_markdown(briefing)
    review = markdown.split("## ⚠ Awaiting review (1)", 1)[1].split("\n## ", 1)[0]
    assert "`scale_mismatch`" in review
    assert "The record says million where the source says billion." in review
    assert "⚠ flagged: scale_mismatch" in markdown.split("## Figures", 1)[1]
    html = render_html(briefing)
    assert '<span class="badge flag">scale_mismatch</span>' in html
    assert re.search(r'<mark id="S1-flag-\d+" class="flag">', html)


def test_a_corrected_record_has_no_open_flags_left() -> None:
    item = _flagged_input().model_copy(update={"corrected": True})
    briefing = build_briefing([item])
    assert briefing.flagged == []
    assert briefing.counts.corrected == 1 and briefing.counts.awaiting_review == 0
    assert "Awaiting review" not in render_markdown(briefing)


def test_html_marks_each_figures_evidence_and_rows_point_to_it() -> None:
    inputs = gold_inputs()
    html = render_html(build_briefing(inputs))
    figure_marks = dict(re.findall(r'<mark id="([^"]+)" class="figure">([^<]*)</mark>', html))
    expected = {f.text for item in inputs for f in item.record.figures}
    assert set(figure_marks.values()) == expected
    targets = {t for attr in re.findall(r'data-marks="([^"]+)"', html) for t in attr.split()}
    assert set(figure_marks) <= targets
    for target in targets:
        assert f'id="{target}"' in html


HOSTILE_TEXT = (
    'Trade hit 5 billion USD <script>alert(1)</script> per <img src=x onerror="alert(2)">. End.'
)


def _hostile_input() -> BriefingInput:
    article = make_article(
        HOSTILE_TEXT, "<script>alert(3)</script>", "2025-01-01", "javascript:alert(4)"
    )
    record = make_record(
        article,
        summary='Summary <img src=x onerror="alert(5)">',
        meetings=[
            Meeting(
                kind="meeting",
                participants=[Participant(name="<b onmouseover=alert(6)>X</b>")],
                topics=["<script>alert(7)</script>"],
            )
        ],
        figures=[
            fig(
                HOSTILE_TEXT,
                "5 billion USD",
                "5000000000",
                "USD",
                metric="trade <script>alert(8)</script>",
                evidence=HOSTILE_TEXT,
            )
        ],
    )
    discrepancy = Discrepancy(
        code="not_in_source",
        field="figures[0]",
        claim="<script>alert(9)</script>",
        message='<img src=x onerror="alert(10)">',
    )
    return BriefingInput(
        article=article,
        record=record,
        verdict=Verdict.from_discrepancies([discrepancy], numbers_checked=1),
    )


def test_html_escapes_everything_from_articles_and_models() -> None:
    html = render_html(build_briefing([_hostile_input()]))
    assert "<script>alert" not in html
    assert "<img" not in html and "<b " not in html
    assert 'href="javascript:' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "onerror=&#34;alert(2)&#34;" in html
    assert html.count("<script>") == 1  # only our own, hash-pinned by the CSP
    for n in range(1, 11):
        assert f"alert({n})" in html, f"alert({n}) was dropped instead of escaped"


def test_markdown_escapes_markup_in_untrusted_text() -> None:
    markdown = render_markdown(build_briefing([_hostile_input()]))
    assert not re.search(r"(?<!\\)<", markdown), "an unescaped < reached the Markdown"
    assert r"\<script\>alert(1)" not in markdown  # source text is not printed in Markdown
    assert r"\<script\>alert(3)\</script\>" in markdown


def test_html_is_self_contained_and_csp_pins_the_inline_script() -> None:
    html = render_html(build_briefing(two_source_inputs()))
    assert not re.search(r"<(link|img|iframe|object|embed)\b", html)
    assert not re.search(r"<script[^>]*\bsrc=", html)
    assert "@import" not in html and "url(" not in html
    script = html.split("<script>", 1)[1].split("</script>", 1)[0]
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert found is not None
    csp = unescape(found.group(1))
    assert f"script-src 'sha256-{digest}'" in csp
    assert "default-src 'none'" in csp
    assert 'href="https://example.org/a"' in html


def test_html_header_shows_date_range_and_counts() -> None:
    first, second = two_source_inputs()
    html = render_html(build_briefing([first, second, _hostile_input()]))
    header = html.split("</header>", 1)[0]
    assert "2025-01-01 – 2025-11-28" in header
    counts = dict(
        (label, int(number))
        for number, label in re.findall(r"<li><b>(\d+)</b><span>([a-z ]+)</span></li>", header)
    )
    assert counts == {
        "articles": 3,
        "accepted": 2,
        "flagged": 1,
        "corrected": 0,
        "awaiting review": 1,
    }


def test_json_holds_every_section_and_validates_back() -> None:
    briefing = build_briefing([*two_source_inputs(), _flagged_input()])
    text = render_json(briefing)
    again = parse_json(text)
    assert again == briefing.model_copy(
        update={"sources": [s.model_copy(update={"text": ""}) for s in briefing.sources]}
    )
    for key in ("meetings", "figures", "agreements", "flagged", "disagreements", "sources"):
        assert f'"{key}":' in text
    assert '"value": "35700000000"' in text
    assert HOSTILE_TEXT not in text and "text" not in again.sources[0].model_dump()
    assert len(again.disagreements) == 1 and len(again.flagged) == 1


def test_accepted_only_briefing_has_no_review_section() -> None:
    first, second = two_source_inputs()
    markdown = render_markdown(build_briefing([accepted(first.article, first.record), second]))
    assert "Awaiting review" not in markdown
    assert "## Disagreements between sources" in markdown


def test_fields_the_check_could_not_confirm_are_marked_in_both_briefings() -> None:
    """A figure field in `Verdict.unverified` is shown as unconfirmed, never silently."""
    from summarizer.domain import Unverified

    first, *rest = gold_inputs()
    unverified = Unverified(
        field="figures[0].period", claim="2022", reason="no period words in scope"
    )
    verdict = first.verdict.model_copy(update={"unverified": [unverified]})
    inputs = [first.model_copy(update={"verdict": verdict}), *rest]
    briefing = build_briefing(inputs)
    assert "◌ unconfirmed: period" in render_markdown(briefing)
    assert "◌ unconfirmed: period" in render_html(briefing)
    assert "unconfirmed" not in render_markdown(build_briefing(gold_inputs()))
