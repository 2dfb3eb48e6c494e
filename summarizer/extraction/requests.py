"""The requests for one article, and its answers turned into one extraction.

One home for both halves, so the live path (`pipeline.run_extraction`, which Ray workers
run too) and the provider Batch API (`batch.provider_batch`) send the same prompt, draft
schema and validation context for each part of an article, and convert the parts'
answers the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from summarizer.crosscheck.meaning import convention_excludes
from summarizer.domain import Extraction, NumericMention, SourceArticle
from summarizer.extraction.agreement_finder import with_found_agreements
from summarizer.extraction.chunking import Chunk, chunk_budget_chars, split_article
from summarizer.extraction.convert import to_extraction
from summarizer.extraction.meeting_finder import with_found_meetings
from summarizer.extraction.merge import merge_extractions
from summarizer.extraction.model_view import model_view
from summarizer.extraction.wire import (
    DraftExtractionBase,
    FramedExtraction,
    FreeExtraction,
    GroundedExtraction,
    grounded_model,
)
from summarizer.frames import Frame, FrameRole, frames_for
from summarizer.llm.config import LLMConfig
from summarizer.llm.prompts import PromptSet
from summarizer.numbers import extract_mentions


@dataclass(frozen=True, slots=True)
class PartRequest:
    """What is asked of the model for one part of an article."""

    part: int
    """1-based index of the part (articles longer than the context are split)."""
    chunk: Chunk
    messages: list[dict[str, Any]]
    draft_model: type[DraftExtractionBase]
    mentions: list[NumericMention]
    """The figures of this part: the ids a grounded answer may cite."""
    source: str
    """The whole article text, which a draft's quotes are validated against."""

    @property
    def context(self) -> dict[str, Any]:
        """Validation context for the draft (never used to template the messages)."""
        return {"source": self.source, "mentions": self.mentions}


def find_mentions(text: str) -> list[NumericMention]:
    """Figures found by the regex extractor, less what the gold convention and the
    cross-checker keep out of figures by rule (`crosscheck.meaning.convention_excludes`):
    dates, years, numbers inside a date, ordinals inside a name ("20th Central Committee").

    Why: offered, the 1.5B model cited them and then wrote each following metric one id
    too early (seed 002: "import-export turnover" on "04 northern provinces", every
    metric after it shifted), so the whole record was flagged and repaired.
    """
    return [
        m
        for m in extract_mentions(text)
        if m.is_figure and convention_excludes(text, m.start, m.end) is None
    ]


def draft_model(config: LLMConfig) -> type[DraftExtractionBase]:
    """The wire schema the model fills: framed (no figures), grounded (cites mention ids)
    or free."""
    if config.metrics_from_frames:
        return FramedExtraction
    return GroundedExtraction if config.grounding else FreeExtraction


def part_model(config: LLMConfig, mentions: list[NumericMention]) -> type[DraftExtractionBase]:
    """The schema of one part's answer: grounded, one `figures` key per id the part lists."""
    if config.grounding and not config.metrics_from_frames:
        return grounded_model([m.id for m in mentions])
    return draft_model(config)


def article_chunks(article: SourceArticle, config: LLMConfig) -> list[Chunk]:
    """The parts an article is sent in, sized to the model's context. On the framed path
    the parts are of the model's view (`model_view`): the program writes the figures, so
    the model reads only the opening and the sentences about people, meetings and
    agreements; the chunks' offsets are then the view's, and no mention is in them."""
    text = model_view(article.text) if config.metrics_from_frames else article.text
    return split_article(text, chunk_budget_chars(config.n_ctx, config.max_tokens))


def part_messages(
    prompts: PromptSet,
    article: SourceArticle,
    chunk: Chunk,
    part: int,
    part_count: int,
    mentions: list[NumericMention],
    grounded: bool,
    framed: bool = False,
) -> list[dict[str, Any]]:
    """System prompt (constant, first: the server's prefix cache serves it) and the part.

    `framed`: the program fills the figures, so neither the instructions, the worked
    example nor the part list any number."""
    grounded = grounded and not framed
    example = prompts.render("example", grounded=grounded, framed=framed)
    system = prompts.render("system", grounded=grounded, framed=framed, example=example)
    in_chunk = [] if framed else mentions_in(chunk, mentions)
    published = article.meta.published
    frames = frames_for(article.text, mentions, published) if grounded else {}
    user = prompts.render(
        "user",
        grounded=grounded,
        published=published.isoformat() if published else None,
        part=part,
        part_count=part_count,
        excerpt=framed and chunk.text != article.text,
        mentions=in_chunk,
        hints={m.id: frame_hint(frames.get(m.id)) for m in in_chunk},
        text=chunk.text,
    )
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


_HINT_WORDS = 12


def _words(text: str) -> str:
    words = text.split()
    return " ".join(words[:_HINT_WORDS]) + (" …" if len(words) > _HINT_WORDS else "")


def frame_hint(frame: Frame | None) -> str:
    """What the program read around a number, for the NUMBERS list: its role, the phrase it
    measures and its period ("change (up) of: Hainan's exports | 2022"). The model then
    writes only the metric, in the article's words; the program fills the rest from the
    same frame (`convert.frame_kind`)."""
    if frame is None:
        return ""
    if frame.role is FrameRole.change:
        role = f"change ({frame.direction.value})" if frame.direction else "change"
    else:
        role = frame.role.value
    parts = [f"{role} of: {_words(frame.subject.text)}" if frame.subject else role]
    if frame.period is not None:
        parts.append(_words(frame.period.text))
    return " | ".join(parts)


def mentions_in(chunk: Chunk, mentions: Sequence[NumericMention]) -> list[NumericMention]:
    return [m for m in mentions if chunk.start <= m.start and m.end <= chunk.end]


def part_mentions(
    config: LLMConfig, chunk: Chunk, mentions: Sequence[NumericMention]
) -> list[NumericMention]:
    """The mentions a part's answer may cite: none on the framed path, whose chunks are of
    the model's view (the program fills every mention's figure from the whole text)."""
    return [] if config.metrics_from_frames else mentions_in(chunk, mentions)


def build_part_requests(
    article: SourceArticle,
    config: LLMConfig,
    prompts: PromptSet,
    mentions: list[NumericMention] | None = None,
) -> list[PartRequest]:
    """One request per part of the article, as the live path and the batch API send it."""
    found = find_mentions(article.text) if mentions is None else mentions
    chunks = article_chunks(article, config)
    requests = []
    for index, chunk in enumerate(chunks, start=1):
        cited = part_mentions(config, chunk, found)
        messages = part_messages(
            prompts,
            article,
            chunk,
            index,
            len(chunks),
            found,
            config.grounding,
            framed=config.metrics_from_frames,
        )
        requests.append(
            PartRequest(
                part=index,
                chunk=chunk,
                messages=messages,
                draft_model=part_model(config, cited),
                mentions=cited,
                source=article.text,
            )
        )
    return requests


def extraction_from_drafts(
    article: SourceArticle, drafts: Sequence[DraftExtractionBase], mentions: list[NumericMention]
) -> Extraction:
    """The parts' answers converted (values from the cited mentions) and merged."""
    published = article.meta.published
    merged = merge_extractions(
        [to_extraction(draft, article.text, mentions, published) for draft in drafts]
    )
    return _with_found(merged, article)


def _with_found(extraction: Extraction, article: SourceArticle) -> Extraction:
    """The model's agreements and meetings, then those the program reads from the source
    that the model did not list (`agreement_finder`, `meeting_finder`)."""
    text, published = article.text, article.meta.published
    agreements = with_found_agreements(extraction.agreements, text)
    meetings = with_found_meetings(extraction.meetings, text, published)
    return extraction.model_copy(update={"agreements": agreements, "meetings": meetings})


def frame_extraction(article: SourceArticle) -> Extraction:
    """What the program records for an article with no model: the framed path's figures
    and the agreements the source names (`agreement_finder`); a record under
    `figure_metrics = "frames"` adds the model's meetings (`summarizer eval --frames` scores
    these). Its summary is the article's lead, as on the framed path."""
    draft = FramedExtraction(meetings=[])
    extraction = to_extraction(
        draft, article.text, find_mentions(article.text), article.meta.published
    )
    return _with_found(extraction, article)
