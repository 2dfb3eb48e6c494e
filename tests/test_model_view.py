"""The model's view of an article on the framed path (`extraction.model_view`): the opening
and the sentences about meetings and newly named people; the rest is left out of the
prompt, never out of the record."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from summarizer.domain import ArticleMeta, SourceArticle
from summarizer.evaluation.report import load_articles
from summarizer.evaluation.scoring import fold_name
from summarizer.extraction.model_view import model_view
from summarizer.extraction.requests import build_part_requests
from summarizer.llm.config import LLMConfig
from summarizer.llm.prompts import load_prompts

ROOT = Path(__file__).resolve().parents[1]

TEXT = (
    "Vietnam, Chile boost trade ties\n\n"
    "Hanoi (VNA) - Trade between the two countries grew last year.\n\n"
    "Exports reached 1.2 billion USD in 2022. Imports fell 3 percent.\n\n"
    "Rice shipments rose 12 percent, and coffee 4 percent.\n\n"
    "On September 13, Ambassador Pham Truong Giang received Patricio Powell, acting "
    "general secretary of the ministry.\n\n"
    "Footwear sales rose 9 percent in the first half.\n\n"
    "The two sides signed a memorandum of understanding on customs.\n\n"
    "Copper output was 45,000 tonnes, energy minister Javier Espinosa said."
)


def test_the_view_keeps_the_opening_and_the_sentences_about_people_and_meetings() -> None:
    view = model_view(TEXT)
    assert view.startswith("Vietnam, Chile boost trade ties\n\nHanoi (VNA)")
    assert "Exports reached 1.2 billion USD in 2022." in view  # third sentence: the opening
    assert "Imports fell 3 percent" not in view
    assert "Rice shipments" not in view and "Footwear" not in view
    assert "Ambassador Pham Truong Giang received Patricio Powell" in view
    assert "memorandum" not in view  # the program reads the agreements itself
    assert "energy minister Javier Espinosa said" in view  # a lower-case title, then a name


def test_the_view_keeps_paragraph_breaks_between_kept_sentences() -> None:
    view = model_view(TEXT)
    assert "in 2022.\n\nOn September 13" in view


def test_a_titled_name_the_view_has_shown_adds_no_sentence_a_new_one_does() -> None:
    text = (
        "Talks held\n\nMinister Nguyen Hong Dien met Chairman Vi Thao in Hanoi.\n\n"
        "Trade rose. Prices held.\n\n"
        "Minister Nguyen Hong Dien praised the ties between the two countries.\n\n"
        "Chairman Vi Thao proposed to open more border gates.\n\n"
        "Ambassador Extraordinary and Plenipotentiary of China to Vietnam Ha Vi was there."
    )
    view = model_view(text)
    assert "praised" not in view and "border gates" not in view
    assert "Ha Vi was there" in view


def test_a_short_article_is_read_whole() -> None:
    short = "Minister An met Minister Keo. Trade rose 5 percent. Exports rose 2 percent."
    assert model_view(short) == short


def test_a_lower_case_title_word_without_a_name_keeps_no_sentence() -> None:
    text = (
        "Trade grew\n\nHanoi - Trade grew.\n\nPrices held.\n\n"
        "The minister of trade said exports rose 4 percent."
    )
    assert "exports rose" not in model_view(text)


def _article(text: str) -> SourceArticle:
    return SourceArticle(
        article_id="0123456789abcdef", text=text, meta=ArticleMeta(published=dt.date(2022, 9, 14))
    )


def test_the_framed_request_sends_the_view_and_says_so_the_model_path_the_whole_text() -> None:
    (framed,) = build_part_requests(_article(TEXT), LLMConfig(), load_prompts())
    user = framed.messages[1]["content"]
    assert "ARTICLE (its opening and its sentences about people" in user
    assert "Rice shipments" not in user and framed.mentions == []
    model_path = LLMConfig(figure_metrics="model")
    (whole,) = build_part_requests(_article(TEXT), model_path, load_prompts())
    assert whole.messages[1]["content"].endswith("ARTICLE:\n" + TEXT)


@pytest.mark.parametrize(
    ("articles", "gold"),
    [
        (ROOT.parent / "shared" / "seeds", ROOT.parent / "shared" / "eval" / "gold"),
        (ROOT / "eval" / "dev" / "articles", ROOT / "eval" / "dev" / "gold"),
        (ROOT / "eval" / "holdout" / "articles", ROOT / "eval" / "holdout" / "gold"),
    ],
    ids=["seeds", "dev", "holdout"],
)
def test_every_named_meeting_participant_of_the_gold_is_in_the_view(
    articles: Path, gold: Path
) -> None:
    if not articles.is_dir():
        pytest.skip(f"{articles} is not here")
    missing = [
        (article.name, participant.name)
        for article in load_articles(articles, gold)
        for meeting in article.gold.meetings
        for participant in meeting.participants
        if participant.core
        and fold_name(participant.name) not in fold_name(model_view(article.source().text))
    ]
    assert missing == []


def test_a_meeting_sentence_that_adds_nobody_and_no_date_is_left_out() -> None:
    text = (
        "Talks held\n\nMinister Nguyen Hong Dien met Chairman Vi Thao in Hanoi.\n\n"
        "Trade rose. Prices held.\n\n"
        "During the talks, the two leaders discussed trade.\n\n"
        "On Tuesday the talks went on.\n\n"
        "He later received a delegation of Samsung."
    )
    view = model_view(text)
    assert "two leaders discussed" not in view
    assert "On Tuesday the talks went on." in view and "delegation of Samsung" in view
