"""Publication dates from headers, bylines and datelines; relative dates resolved."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from summarizer.ingest import PartialDate, load_article, resolve_relative_date
from summarizer.ingest.dates import header_prefix_end, infer_year, published_from_text

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
GOLD = REPO.parent / "shared" / "eval" / "gold"
CORPUS = REPO.parent / "shared" / "corpus" / "articles"


def _gold() -> list[dict[str, object]]:
    return [json.loads(p.read_text("utf-8")) for p in sorted(GOLD.glob("*.json"))]


@pytest.mark.skipif(not GOLD.is_dir(), reason=f"gold annotations not found at {GOLD}")
@pytest.mark.parametrize("gold", _gold(), ids=lambda g: str(g["article"]))
def test_seed_publication_date_matches_gold(gold: dict[str, object]) -> None:
    article = load_article(SEEDS / str(gold["article"]))
    assert article.meta.published == dt.date.fromisoformat(str(gold["published"]))


@pytest.mark.skipif(not GOLD.is_dir(), reason=f"gold annotations not found at {GOLD}")
@pytest.mark.parametrize("gold", _gold(), ids=lambda g: str(g["article"]))
def test_gold_meeting_dates_resolve_from_their_words(gold: dict[str, object]) -> None:
    published = dt.date.fromisoformat(str(gold["published"]))
    meetings = gold["meetings"]
    assert isinstance(meetings, list)
    for meeting in meetings:
        if meeting.get("date") and meeting.get("date_text"):
            expected = dt.date.fromisoformat(meeting["date"])
            assert resolve_relative_date(meeting["date_text"], published) == expected


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"robustness corpus not found at {CORPUS}")
def test_wire_dateline_without_a_year_leaves_the_date_unknown() -> None:
    article = load_article(CORPUS / "001.txt")
    assert article.text.split("\n")[2].startswith("MOSCOW, March 31 - ")
    assert article.meta.published is None


def test_file_modification_time_is_not_a_publication_date(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Exports rose 5 percent in March, the ministry said today.\n", "utf-8")
    os.utime(path, (1_700_000_000, 1_700_000_000))
    assert load_article(path).meta.published is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("date 2023-02-22 Minister met his counterpart in Hanoi today.", dt.date(2023, 2, 22)),
        ("Trade ministry\n\nMinistryMinistry27/11/2025\n\nBody.", dt.date(2025, 11, 27)),
        ("Trade ministry\n\n11/27/2025\n\nBody.", dt.date(2025, 11, 27)),
        ("TRADE TALKS\n31-MAR-1987 06:01:05.28\n\nBody.", dt.date(1987, 3, 31)),
        ("Headline\n\nPublished: March 31, 1987\n\nBody.", dt.date(1987, 3, 31)),
        ("Headline\n\nUpdated 4 April 2024 10:00\n\nBody.", dt.date(2024, 4, 4)),
        ("LONDON, March 31, 1987 - Britain said on Tuesday.", dt.date(1987, 3, 31)),
        (
            "SEOUL, Jan 10 - Exports in the first 11 months of 2023 rose 5 percent.",
            dt.date(2024, 1, 10),
        ),
        (
            "HANOI, Sept. 5 - In the first half of 2024, exports rose 5 percent.",
            dt.date(2024, 9, 5),
        ),
        ("PARIS, March 11 - Exports rose in 1986 and will rise by 1990.", None),
        ("Exports rose 5 percent in 2023, the ministry said.", None),
    ],
)
def test_published_from_text(text: str, expected: dt.date | None) -> None:
    assert published_from_text(text) == expected


def test_year_inference_follows_the_majority_of_period_phrases() -> None:
    text = "first eight months of 2023 ... first eight months of 2023 ... first quarter of 2022"
    assert infer_year(text, 10) == 2023
    assert infer_year("no periods here, only 2021 and 2025", 10) is None


PUBLISHED = dt.date(2023, 10, 3)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Monday", dt.date(2023, 10, 2)),
        ("at a conference on Monday", dt.date(2023, 10, 2)),
        ("on Tuesday", PUBLISHED),
        ("on Wednesday", dt.date(2023, 9, 27)),
        ("last Tuesday", dt.date(2023, 9, 26)),
        ("next Monday", dt.date(2023, 10, 9)),
        ("yesterday", dt.date(2023, 10, 2)),
        ("the day before yesterday", dt.date(2023, 10, 1)),
        ("earlier today", PUBLISHED),
        ("tomorrow", dt.date(2023, 10, 4)),
        ("last year", PartialDate(2022)),
        ("this year", PartialDate(2023)),
        ("next year", PartialDate(2024)),
        ("last month", PartialDate(2023, 9)),
        ("this month", PartialDate(2023, 10)),
        ("in November", PartialDate(2022, 11)),
        ("late September", PartialDate(2023, 9)),
        ("in March 2021", PartialDate(2021, 3)),
        ("in 2022", PartialDate(2022)),
        ("February 22", dt.date(2023, 2, 22)),
        ("On the afternoon of November 26", dt.date(2022, 11, 26)),
        ("on 22 February", dt.date(2023, 2, 22)),
        ("October 4", dt.date(2023, 10, 4)),  # up to 31 days ahead: this year's
        ("October 5", dt.date(2023, 10, 5)),
        ("November 3", dt.date(2023, 11, 3)),
        ("November 4", dt.date(2022, 11, 4)),  # 32 days ahead: last year's
        ("February 22, 2023", dt.date(2023, 2, 22)),
        ("signed on 27/11/2025", dt.date(2025, 11, 27)),
        ("ngày 26/9", dt.date(2023, 9, 26)),
        ("on 2/10", dt.date(2023, 10, 2)),
        ("hôm qua", dt.date(2023, 10, 2)),
        ("Nov. 26", dt.date(2022, 11, 26)),
        ("a ratio of 1/2", None),
        ("the 2023-25 period", None),
        ("up to 20 may be exported", None),
        ("no date at all", None),
    ],
)
def test_resolve_relative_date(text: str, expected: object) -> None:
    assert resolve_relative_date(text, PUBLISHED) == expected


def test_future_reading_is_available_for_forward_looking_text() -> None:
    assert resolve_relative_date("will leave on Monday", PUBLISHED, prefer_future=True) == (
        dt.date(2023, 10, 9)
    )
    assert resolve_relative_date("a trade show in November", PUBLISHED, prefer_future=True) == (
        PartialDate(2023, 11)
    )
    assert resolve_relative_date("February 22", PUBLISHED, prefer_future=True) == (
        dt.date(2024, 2, 22)
    )


def test_relative_dates_need_a_publication_date_but_absolute_ones_do_not() -> None:
    assert resolve_relative_date("on Monday", None) is None
    assert resolve_relative_date("yesterday", None) is None
    assert resolve_relative_date("on March 31, 1987", None) == dt.date(1987, 3, 31)
    assert resolve_relative_date("in 2022", None) == PartialDate(2022)


def test_leap_day_without_a_year_goes_back_to_a_leap_year() -> None:
    assert resolve_relative_date("February 29", dt.date(2023, 3, 1)) == dt.date(2020, 2, 29)


def test_partial_dates_print_as_iso_prefixes() -> None:
    assert str(PartialDate(2022)) == "2022"
    assert str(PartialDate(2023, 9)) == "2023-09"


def test_the_text_after_a_header_prefix_starts_past_its_spaces() -> None:
    assert header_prefix_end(" date 2023-02-22 Minister An met") == len(" date 2023-02-22 ")
    assert header_prefix_end("date 2025-10-08\nHeadline") == len("date 2025-10-08\n")
    assert header_prefix_end("Minister An met on 2023-02-22") == 0
