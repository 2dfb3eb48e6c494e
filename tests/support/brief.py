"""Helpers for the briefing tests: gold annotations turned into domain records.

The gold files are an exchange format; this converts them into `ArticleRecord`s exactly
as a model's validated output would look (evidence = the source sentence holding the
figure), so the renderers are tested on realistic, correct records. No tests live here.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from summarizer.brief.model import BriefingInput
from summarizer.domain import (
    Agreement,
    ArticleMeta,
    ArticleRecord,
    Discrepancy,
    Figure,
    Meeting,
    Participant,
    SourceArticle,
    Verdict,
)
from summarizer.source_text import article_id_for, read_source_text
from support.crosscheck import fig

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"
GOLD = REPO.parent / "shared" / "eval" / "gold"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def sentence_around(text: str, needle: str) -> str:
    """The sentence (or line) of `text` holding the first occurrence of `needle`."""
    index = text.index(needle)
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text) if m.end() <= index]
    start = starts[-1]
    following = _SENTENCE_END.search(text, index + len(needle))
    end = following.start() if following else len(text)
    return text[start:end].strip()


def _iso(value: Any) -> dt.date | None:
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return dt.date.fromisoformat(value)
    return None


def _agreement_type(value: str) -> str:
    return value.strip().lower().replace(" ", "_")


def gold_record(name: str) -> tuple[SourceArticle, ArticleRecord]:
    """Seed article `name` (e.g. '000_f81a58b2d35ee533') and its gold record."""
    text = read_source_text(SEEDS / f"{name}.txt")
    gold = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
    meta = ArticleMeta(
        title=f"Seed article {name[:3]}",
        source=f"seeds/{name}.txt",
        published=dt.date.fromisoformat(gold["published"]),
    )
    article = SourceArticle(article_id=article_id_for(text), text=text, meta=meta)
    meetings = [
        Meeting(
            kind=m.get("kind", "bilateral_talks"),
            date=_iso(m["date"]),
            date_text=m["date_text"],
            location=m["location"],
            title=m.get("title"),
            participants=[
                Participant(name=p["name"], title=p["role"], country=p["country"])
                for p in m["participants"]
            ],
            topics=m["topics"],
        )
        for m in gold["meetings"]
    ]
    figures = [
        Figure(
            value=Decimal(str(f["value"])),
            unit=f["unit"],
            kind=f["kind"],
            direction=f.get("direction"),
            qualifier=f.get("qualifier"),
            metric=f["what"],
            period=f["period"],
            text=f["text"],
            evidence=sentence_around(text, f["text"]),
        )
        for f in gold["figures"]
    ]
    agreements = [
        Agreement(
            title=a["title"],
            type=_agreement_type(a["type"]),
            parties=a["parties"],
            status=a["status"],
            date=_iso(a["date"]),
            date_text=None if _iso(a["date"]) else a["date"],  # the words, not an ISO date
        )
        for a in gold["agreements"]
    ]
    record = ArticleRecord(
        summary="The gold record of this seed article.",  # no number the source lacks
        meetings=meetings,
        figures=figures,
        agreements=agreements,
        article_id=article.article_id,
        meta=meta,
    )
    return article, record


def gold_names() -> list[str]:
    return sorted(path.stem for path in GOLD.glob("*.json"))


def accepted(article: SourceArticle, record: ArticleRecord) -> BriefingInput:
    return BriefingInput(article=article, record=record, verdict=Verdict(status="accepted"))


def flagged(
    article: SourceArticle, record: ArticleRecord, discrepancies: list[Discrepancy]
) -> BriefingInput:
    verdict = Verdict.from_discrepancies(discrepancies, numbers_checked=len(record.figures))
    return BriefingInput(article=article, record=record, verdict=verdict)


def gold_inputs() -> list[BriefingInput]:
    return [accepted(*gold_record(name)) for name in gold_names()]


def save_gold_store(db: str) -> None:
    """A store holding every seed's gold record with the real cross-checker's verdict,
    for running `summarizer brief --db` on (docs/brief.md):
    ``cd tests && python -c "from support.brief import save_gold_store as s; s('g.db')"``."""
    from summarizer.api import check
    from summarizer.store.repository import RunKey, Store
    from support.outcomes import outcome_of

    store = Store.open(db)
    try:
        for name in gold_names():
            article, record = gold_record(name)
            verdict = check(article.text, record, published=record.meta.published)
            outcome = outcome_of(article, record, verdict)
            store.save_outcome(article, outcome, RunKey(model="gold", prompt_version="gold"))
    finally:
        store.close()


def make_article(text: str, title: str, published: str, source: str | None = None) -> SourceArticle:
    meta = ArticleMeta(title=title, source=source, published=dt.date.fromisoformat(published))
    return SourceArticle(article_id=article_id_for(text), text=text, meta=meta)


def make_record(article: SourceArticle, **content: Any) -> ArticleRecord:
    return ArticleRecord(
        summary=content.pop("summary", "A constructed record."),
        article_id=article.article_id,
        meta=article.meta,
        **content,
    )


TEXT_A = (
    "HÀ NỘI, November 26 — Minister of Industry and Trade Nguyễn Hồng Diên met Chairman "
    "Vi Thao of Guangxi in Hà Nội on November 26. Trade between Vietnam and Guangxi reached "
    "35.7 billion USD in the first 10 months of 2025, up 7.44%. Guangxi's exports to Vietnam "
    "were 29.5 billion USD."
)
TEXT_B = (
    "Minister Nguyen Hong Dien held talks with Guangxi Chairman Vi Thao on Wednesday, "
    "November 26. Two-way trade hit 36.1 billion USD in the first ten months, up 7.44%. "
    "Vietnam's exports to Guangxi were 6.2 billion USD."
)


def _participants(dien: str, vi_thao: str) -> list[Participant]:
    return [
        Participant(name=dien, title="Minister of Industry and Trade", country="Vietnam"),
        Participant(name=vi_thao, title="Chairman of Guangxi", country="China"),
    ]


def two_source_inputs() -> tuple[BriefingInput, BriefingInput]:
    """Two articles on one meeting that disagree on one figure and agree on another."""
    article_a = make_article(TEXT_A, "Talks in Hanoi", "2025-11-27", "https://example.org/a")
    article_b = make_article(TEXT_B, "Guangxi chairman visits", "2025-11-28")
    metric = "import-export turnover between Vietnam and Guangxi"
    period = "first 10 months of 2025"
    vn_gx: dict[str, Any] = {"entities": ["Vietnam", "Guangxi"], "period": period}
    gx_vn: dict[str, Any] = {"entities": ["Guangxi", "Vietnam"], "period": period}
    growth = {"direction": "up", "metric": "growth of " + metric}
    record_a = make_record(
        article_a,
        meetings=[
            Meeting(
                kind="bilateral_talks",
                date=dt.date(2025, 11, 26),
                date_text="November 26",
                location="Hà Nội",
                participants=_participants("Nguyễn Hồng Diên", "Vi Thao"),
                topics=["border trade"],
                outcome="Agreed to speed up customs clearance.",
            )
        ],
        figures=[
            fig(TEXT_A, "35.7 billion USD", "35700000000", "USD", metric=metric, **vn_gx),
            fig(TEXT_A, "7.44%", "7.44", "percent", "change", **growth, **vn_gx),
            fig(
                TEXT_A,
                "29.5 billion USD",
                "29500000000",
                "USD",
                metric="Guangxi's exports to Vietnam",
                **gx_vn,
            ),
        ],
    )
    record_b = make_record(
        article_b,
        meetings=[
            Meeting(
                kind="meeting",
                date=dt.date(2025, 11, 26),
                date_text="Wednesday, November 26",
                participants=_participants("NGUYEN HONG DIEN", "Vi Thao"),
                topics=["Border trade", "electricity"],
            )
        ],
        figures=[
            fig(
                TEXT_B,
                "36.1 billion USD",
                "36100000000",
                "USD",
                metric="Import-export turnover between Vietnam and Guangxi",
                entities=["Guangxi", "Vietnam"],
                period="First 10 months of 2025",
            ),
            fig(TEXT_B, "7.44%", "7.44", "percent", "change", **growth, **gx_vn),
            fig(
                TEXT_B,
                "6.2 billion USD",
                "6200000000",
                "USD",
                metric="Vietnam's exports to Guangxi",
                **gx_vn,
            ),
        ],
    )
    return accepted(article_a, record_a), accepted(article_b, record_b)
