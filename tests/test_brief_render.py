"""Markdown, HTML and JSON briefings: numbers from records, escaping, evidence marks."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass, field
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
    Briefing,
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


@dataclass
class _RowFields:
    """The record fields one figures-table row may print numbers from."""

    values: set[Decimal]
    words: set[str] = field(default_factory=set)
    """Number tokens of the row's metrics, periods, entities, source ids and titles."""
    quoted: set[str] = field(default_factory=set)
    """Number tokens of the row's evidence, the only text its clauses may quote, and of
    its source ids (a row merged from several sources names each clause's source)."""


def _row_fields(briefing: Briefing, inputs: list[BriefingInput]) -> list[_RowFields]:
    """For each table row, in the order the templates print them, the fields of the record
    figures it shows, read from the inputs (not from the view model under test)."""
    items = {item.article.article_id: item for item in inputs}
    article_of = {ref.id: ref.article_id for ref in briefing.sources}
    rows: list[_RowFields] = []
    for row in briefing.figures:
        for group in [[r] for r in row.reports] if row.disagreement else [row.reports]:
            fields = _RowFields(values=set())
            for report in group:
                item = items[article_of[report.source_id]]
                figure = item.record.figures[report.figure_index]
                fields.values.add(abs(figure.value))
                words = [report.source_id, item.record.meta.title or ""]
                words += [figure.metric, figure.period or "", *figure.entities]
                fields.words.update(_NUMBER.findall(" ".join(words)))
                fields.quoted.update(_NUMBER.findall(f"{report.source_id} {figure.evidence}"))
            rows.append(fields)
    return rows


def _foreign_numbers(
    rows: list[tuple[list[str], list[str]]], fields: list[_RowFields]
) -> list[str]:
    """Every number printed in a row that is not in that row's record fields.

    A row is (cells, clauses): value and change cells must hold the figures' values, the
    other cells numbers of their text fields, and each clause numbers of their evidence.
    """
    assert len(rows) == len(fields)
    foreign: list[str] = []
    for (cells, clauses), allowed in zip(rows, fields, strict=True):
        value, change, *rest = cells
        for number in _values_in(value) + _values_in(change):
            if number not in allowed.values:
                foreign.append(f"value {number} in {value or change!r}")
        for cell in rest:
            foreign += [
                f"{t!r} in {cell!r}" for t in _NUMBER.findall(cell) if t not in allowed.words
            ]
        for clause in clauses:
            foreign += [
                f"{t!r} in clause {clause!r}"
                for t in _NUMBER.findall(clause)
                if t not in allowed.quoted
            ]
    return foreign


def _markdown_table_rows(markdown: str) -> list[tuple[list[str], list[str]]]:
    """(cells, clauses) per row: the 'Source says' column (the 4th) holds the clauses."""
    section = markdown.split("## Figures", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("| ")]
    rows = [[cell.strip() for cell in line.strip("|").split(" | ")] for line in lines[1:]]
    return [(row[:3] + row[4:], [row[3]]) for row in rows]


def test_every_number_in_the_markdown_figures_table_comes_from_a_record_field() -> None:
    inputs = gold_inputs()
    briefing = build_briefing(inputs)
    rows = _markdown_table_rows(render_markdown(briefing))
    assert len(rows) == sum(len(item.record.figures) for item in inputs) - 1  # one merged
    assert _foreign_numbers(rows, _row_fields(briefing, inputs)) == []
    assert sum(len(_values_in(cells[0] + cells[1])) for cells, _ in rows) == len(rows)
    assert all(clauses[0].startswith("“") or ": “" in clauses[0] for _, clauses in rows)


def test_a_clause_number_not_in_the_figures_evidence_fails_the_record_field_check() -> None:
    """The check above is not vacuous: a clause may quote only its own figure's evidence,
    and a metric may not borrow a number that only the evidence has."""
    inputs = gold_inputs()
    briefing = build_briefing(inputs)
    fields = _row_fields(briefing, inputs)
    first = briefing.figures[0].reports[0]
    wrong = first.model_copy(update={"clause": "trade reached 123.45 billion USD"})
    tampered = briefing.model_copy(deep=True)
    tampered.figures[0].reports[0] = wrong
    foreign = _foreign_numbers(_markdown_table_rows(render_markdown(tampered)), fields)
    assert foreign == ["'123.45' in clause '“trade reached 123.45 billion USD”'"]
    quoted_only = next(t for t in sorted(fields[0].quoted) if t not in fields[0].words)
    tampered.figures[0].reports[0] = first
    tampered.figures[0].metric = f"trade of {quoted_only}"
    foreign = _foreign_numbers(_markdown_table_rows(render_markdown(tampered)), fields)
    assert foreign == [f"{quoted_only!r} in 'trade of {quoted_only}'"]


class _TableCells(HTMLParser):
    """Collects the text of each <td> in the figures table, and its clauses apart."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[list[str], list[str]]] = []
        self._in_table = self._in_cell = False
        self._clause_depth = 0  # open <div>s since the clause's own <div class="clause">

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tbody":
            self._in_table = True
        elif self._in_table and tag == "tr":
            self.rows.append(([], []))
        elif self._in_table and tag == "td":
            self._in_cell = True
            self.rows[-1][0].append("")
        elif self._in_cell and tag == "div" and self._clause_depth:
            self._clause_depth += 1
        elif self._in_cell and tag == "div" and "clause" in (dict(attrs).get("class") or ""):
            self._clause_depth = 1
            self.rows[-1][1].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "tbody":
            self._in_table = False
        elif tag == "td":
            self._in_cell = False
        elif tag == "div" and self._clause_depth:
            self._clause_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._clause_depth:
            self.rows[-1][1][-1] += data
        elif self._in_cell:
            self.rows[-1][0][-1] += data


def test_every_number_in_the_html_figures_table_comes_from_a_record_field() -> None:
    inputs = gold_inputs()
    briefing = build_briefing(inputs)
    parser = _TableCells()
    parser.feed(render_html(briefing))
    assert len(parser.rows) == sum(len(item.record.figures) for item in inputs) - 1
    assert all(clauses for _, clauses in parser.rows), "a figure row shows no clause"
    assert _foreign_numbers(parser.rows, _row_fields(briefing, inputs)) == []


def test_printed_value_follows_the_record_not_the_model_text() -> None:
    first, second = two_source_inputs()
    figures = list(first.record.figures)
    figures[2] = figures[2].model_copy(update={"value": Decimal("29600000000")})
    corrected = first.model_copy(
        update={"record": first.record.model_copy(update={"figures": figures}), "corrected": True}
    )
    markdown = render_markdown(build_briefing([corrected, second]))
    rows = _markdown_table_rows(markdown)
    assert any(cells[0] == "US$29.6 billion" for cells, _ in rows)
    assert not any("29.5" in cell for cells, _ in rows for cell in cells)
    # Only the clause, the source's own words, still reads 29.5: a reader sees both.
    assert [clauses for cells, clauses in rows if cells[0] == "US$29.6 billion"] == [
        ["“Guangxi's exports to Vietnam were 29.5 billion USD.”"]
    ]
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
    assert r"\<script\>alert(3)\</script\>" in markdown
    # Source text reaches the Markdown only as a figure's clause, a quote of its evidence.
    table, rest = markdown.split("## Figures", 1)[1].split("\n## ", 1)
    assert r"“Trade hit 5 billion USD \<script\>alert(1)\</script\> per \<img" in table
    assert "alert(1)" not in rest and "alert(1)" not in markdown.split("## Figures", 1)[0]


HIDDEN_TEXT = "Trade hit 5 billion USD\x1b[2K\rsource agrees \u202e9 noillib\u202c in 2024."


def _input_with_controls() -> BriefingInput:
    """Terminal escapes and a right-to-left override in the source, title and metric."""
    article = make_article(HIDDEN_TEXT, "Title\x1b]0;pwned\x07", "2025-01-01")
    record = make_record(
        article,
        figures=[
            fig(
                HIDDEN_TEXT,
                "5 billion USD",
                "5000000000",
                "USD",
                metric="trade \u202eUSD",
                evidence=HIDDEN_TEXT,
            )
        ],
    )
    return accepted(article, record)


def test_control_and_bidi_characters_are_shown_not_obeyed_in_both_briefings() -> None:
    briefing = build_briefing([_input_with_controls()])
    assert briefing.figures[0].reports[0].clause is not None
    assert "\u202e" in briefing.figures[0].reports[0].clause  # the model keeps the text
    markdown = render_markdown(briefing)
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]", markdown)
    clause_cell = _markdown_table_rows(markdown)[0][1][0]
    assert r"USD\x1b\[2K source agrees \u202e9 noillib\u202c in 2024." in clause_cell
    assert r"trade \u202eUSD" in markdown and r"Title\x1b\]0;pwned\x07" in markdown
    html = render_html(briefing)
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]", html)
    parser = _TableCells()
    parser.feed(html)
    (clause,) = parser.rows[0][1]
    assert (
        clause
        == "Trade hit 5 billion USD[U+001B][2K\rsource agrees [U+202E]9 noillib[U+202C] in 2024."
    )
    assert "[U+202E]9 noillib" in html.split('class="source-text"', 1)[1]


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


def test_json_figures_carry_their_clause_and_a_1_0_briefing_still_reads() -> None:
    briefing = build_briefing(two_source_inputs())
    data = json.loads(render_json(briefing))
    assert data["briefing_version"] == "1.1.0"
    first = data["figures"][0]["reports"][0]
    # The frame's clause (frames may cut the sentence), always inside the evidence.
    assert "35.7 billion USD" in first["clause"] and first["clause"] in first["evidence"]
    for row in data["figures"] + data["disagreements"]:  # a briefing written before 1.1.0
        for report in row["reports"]:
            del report["clause"]
    old = parse_json(json.dumps(data))
    assert [r.clause for row in old.figures for r in row.reports] == [None] * 6
    assert [r.value for row in old.figures for r in row.reports] == [
        r.value for row in briefing.figures for r in row.reports
    ]


def test_accepted_only_briefing_has_no_review_section() -> None:
    first, second = two_source_inputs()
    markdown = render_markdown(build_briefing([accepted(first.article, first.record), second]))
    assert "Awaiting review" not in markdown
    assert "## Disagreements between sources" in markdown


def test_fields_the_check_could_not_confirm_are_marked_in_both_briefings() -> None:
    """A figure field in `Verdict.unverified` is shown as unconfirmed, never silently."""
    from summarizer.domain import Unverified

    first, *rest = gold_inputs()
    unverified = [
        Unverified(field="figures[0].period", claim="2022", reason="no period words in scope"),
        Unverified(field="agreements[0].status", claim="x", reason="no status words"),
    ]
    verdict = first.verdict.model_copy(update={"unverified": unverified})
    inputs = [first.model_copy(update={"verdict": verdict}), *rest]
    briefing = build_briefing(inputs)
    markdown, html = render_markdown(briefing), render_html(briefing)
    assert "◌ unconfirmed: period" in markdown and "◌ unconfirmed: period" in html
    title = first.record.agreements[0].title
    (line,) = [line for line in markdown.splitlines() if line.startswith(f"- **{title}**")]
    assert line.endswith(" · S1 ◌ unconfirmed: status")
    assert html.count("◌ unconfirmed: status") == 1
    assert "unconfirmed" not in render_markdown(build_briefing(gold_inputs()))
