"""The public Python API: `summarize`, `check`, `run_batch` and `briefing`.

Each function is what the CLI command of the same name does, minus printing, so a
notebook or a service gets the same records, verdicts and briefings as the shell. They
are re-exported at the package root (``summarizer.summarize``), which imports this module
only on first use, so ``import summarizer`` stays cheap. Errors are the tool's own
(`summarizer.errors.SummarizerError` and its subclasses), never a library's.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from summarizer.batch.api import (
    Backend,
    BatchOptions,
    LocalBackend,
    ProviderBatchBackend,
    RayBackend,
    run,
)
from summarizer.batch.progress import BatchSummary, NullProgress, ProgressSink
from summarizer.brief.model import Briefing
from summarizer.domain import (
    ArticleRecord,
    Extraction,
    ExtractionOutcome,
    IngestFailure,
    SourceArticle,
    Verdict,
)
from summarizer.errors import ConfigurationError, InputError
from summarizer.llm.config import LLMConfig, resolve_config

BriefingFormat = Literal["md", "html", "json"]
TEXT_SOURCE = "text"
"""The `meta.source` of an article given as a string of text."""


def _config(
    config: LLMConfig | None, base_url: str | None, model: str | None, config_file: Path | None
) -> LLMConfig:
    """An explicit `config` wins; otherwise flags, environment, file, defaults (first wins)."""
    if config is not None:
        return config
    return resolve_config(base_url=base_url, model=model, config_file=config_file)


def _is_url(source: str) -> bool:
    """A one-word string starting with http(s)://; an article text is never mistaken for one."""
    from summarizer.ingest.urls import is_url

    return is_url(source) and not any(char.isspace() for char in source.strip())


def as_article(
    article: str | os.PathLike[str] | SourceArticle,
    *,
    published: dt.date | None = None,
    title: str | None = None,
) -> SourceArticle:
    """The article behind `article`: a `Path` is read, a URL string fetched, other text used;
    `published` and `title`, when given, win over what the article says.

    A plain string is never read as a file name (pass ``Path(name)``), so an article's
    text cannot be taken for a path by accident.
    """
    from summarizer.ingest import load_article
    from summarizer.ingest.articles import article_from_plain_text

    if isinstance(article, SourceArticle):
        loaded = article
    elif isinstance(article, os.PathLike) or _is_url(article):
        loaded = load_article(article)
    else:
        loaded = article_from_plain_text(article, source=TEXT_SOURCE)
    if published is None and title is None:
        return loaded
    meta = loaded.meta.model_copy(
        update={
            "published": published or loaded.meta.published,
            "title": title or loaded.meta.title,
        }
    )
    return loaded.model_copy(update={"meta": meta})


def summarize(
    article: str | os.PathLike[str] | SourceArticle,
    *,
    published: dt.date | None = None,
    title: str | None = None,
    config: LLMConfig | None = None,
    base_url: str | None = None,
    model: str | None = None,
    config_file: Path | None = None,
) -> ExtractionOutcome:
    """Extract and cross-check one article (text, `Path` or http(s) URL).

    Returns the whole outcome (record, verdict, usage); a model failure is an outcome
    with status ``failed`` and its error, as in the CLI's JSON. With no endpoint
    configured this starts the embedded model (and stops it before returning).
    """
    from summarizer.extraction.pipeline import extract_article

    source = as_article(article, published=published, title=title)
    return extract_article(source, _config(config, base_url, model, config_file))


def parse_record(data: Mapping[str, Any], *, name: str = "record") -> Extraction:
    """Validate a plain dict: an `ArticleRecord` if it has an ``article_id``, else `Extraction`.

    A record that does not validate is an `InputError` naming its first problems.
    """
    model: type[Extraction] = ArticleRecord if "article_id" in data else Extraction
    try:
        return model.model_validate(dict(data))
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or '(record)'}: {e['msg']}"
            for e in exc.errors()[:5]
        )
        more = f" (and {exc.error_count() - 5} more)" if exc.error_count() > 5 else ""
        raise InputError(f"{name}: not a valid {model.__name__}: {problems}{more}") from exc


def check(
    source_text: str,
    record: Extraction | Mapping[str, Any],
    *,
    published: dt.date | None = None,
) -> Verdict:
    """Cross-check a record (a model or a plain dict) against its source; no model call.

    `published` (default: the record's ``meta.published``) resolves "on Monday".
    """
    from summarizer.crosscheck import check_record

    parsed = record if isinstance(record, Extraction) else parse_record(record)
    return check_record(source_text, parsed, published=published)


def make_backend(
    *,
    ray: str | None = None,
    provider_batch: bool = False,
    config: LLMConfig | None = None,
    base_url: str | None = None,
    model: str | None = None,
    config_file: Path | None = None,
) -> Backend:
    """The backend a batch runs on: local threads, Ray (`ray` = 'auto' or an address) or the
    provider's Batch API; a contradictory pair is refused before any setting is read."""
    if provider_batch and ray:
        raise ConfigurationError("--provider-batch and --ray cannot be combined")
    settings = _config(config, base_url, model, config_file)
    if provider_batch:
        return ProviderBatchBackend(settings)
    if ray:
        return RayBackend(settings, address=ray)
    return LocalBackend(settings)


def _items(
    sources: Iterable[str | os.PathLike[str] | SourceArticle],
) -> Iterator[SourceArticle | IngestFailure]:
    """Articles pass through; paths, URLs and feeds are read (one HTTP client per run of
    them) as the workers need them."""
    from summarizer.ingest import iter_sources

    pending: list[str | os.PathLike[str]] = []
    for source in sources:
        if not isinstance(source, SourceArticle):
            pending.append(source)
            continue
        if pending:
            yield from iter_sources(pending)
            pending = []
        yield source
    if pending:
        yield from iter_sources(pending)


def run_batch(
    sources: Iterable[str | os.PathLike[str] | SourceArticle],
    *,
    db: str | None = None,
    options: BatchOptions | None = None,
    backend: Backend | None = None,
    progress: ProgressSink | None = None,
) -> BatchSummary:
    """Extract every article of `sources` (files, folders, URLs, feeds, articles) into the
    store at `db`; idempotent and resumable, like ``summarizer batch``.

    `backend` defaults to local threads on the configured model; `make_backend` gives Ray
    or the provider's Batch API. A backend refuses, with a `ConfigurationError`, an option
    of `options` it cannot honour.
    """
    from summarizer.store.repository import Store

    chosen = backend or make_backend()
    store = Store.open(db)
    try:
        return run(
            _items(sources),
            store=store,
            backend=chosen,
            options=options or BatchOptions(),
            progress=progress or NullProgress(),
        )
    finally:
        store.close()


@dataclass(frozen=True)
class BriefingResult:
    """A briefing and what was left out of it (one bad stored article never breaks it)."""

    briefing: Briefing
    problems: list[str] = field(default_factory=list)
    """One line per stored article left out because its record could not be used."""
    without_record: int = 0
    """Stored articles with no record yet (failed or not extracted)."""

    def render(self, format: BriefingFormat = "md") -> str:
        """The briefing as Markdown, one self-contained HTML file, or JSON."""
        from summarizer.brief.render_html import render_html
        from summarizer.brief.render_json import render_json
        from summarizer.brief.render_md import render_markdown

        renderers = {"md": render_markdown, "html": render_html, "json": render_json}
        if format not in renderers:
            raise InputError(f"unknown briefing format {format!r}; use md, html or json")
        return renderers[format](self.briefing)


def briefing(db: str | None = None, *, since: dt.date | None = None) -> BriefingResult:
    """One briefing across the stored articles (published on or after `since`), review
    decisions applied. Reads only: a store that does not exist is a `StoreError`."""
    from summarizer.brief.build import build_briefing
    from summarizer.brief.from_store import inputs_from_store
    from summarizer.store.engine import open_engine
    from summarizer.store.repository import Store

    store = Store(open_engine(db, create=False))
    try:
        selection = inputs_from_store(store, since)
    finally:
        store.close()
    return BriefingResult(
        briefing=build_briefing(selection.inputs, since=since),
        problems=list(selection.problems),
        without_record=selection.without_record,
    )


__all__ = [
    "BatchOptions",
    "BatchSummary",
    "BriefingResult",
    "as_article",
    "briefing",
    "check",
    "make_backend",
    "parse_record",
    "run_batch",
    "summarize",
]
