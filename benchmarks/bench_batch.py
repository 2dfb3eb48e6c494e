"""Batch throughput: articles per minute at several concurrencies, and the pipeline's overhead.

Three measurements, each into a fresh SQLite store:

1. *runner + store overhead*: an extractor that returns a ready outcome at once, so the
   time is planning, the cache lookup, the transactional write and bookkeeping only;
2. *fake server*: the full pipeline (prompt rendering, instructor, validation, conversion,
   cross-check, store) against `tests/support/openai_server.py`, which answers instantly;
3. *embedded model* (``--embedded``, slow): the same against the real local model.

Usage::

    python benchmarks/bench_batch.py                  # 1 and 2
    python benchmarks/bench_batch.py --embedded -n 4  # 3 as well, on 4 articles
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from support.openai_server import FakeOpenAIServer

from summarizer.batch.extraction import LazyExtractor, cache_spec, recheck_record
from summarizer.batch.options import BatchOptions
from summarizer.batch.runner import run_batch
from summarizer.domain import (
    ArticleMeta,
    ExtractionOutcome,
    OutcomeStatus,
    SourceArticle,
    Verdict,
)
from summarizer.llm.config import LLMConfig, resolve_config
from summarizer.source_text import article_id_for
from summarizer.store.repository import Store

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def synthetic_articles(count: int) -> list[SourceArticle]:
    """Distinct articles built from the seeds (a run tag makes every text unique)."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    articles = []
    for i in range(count):
        text = f"{seeds[i % len(seeds)]}\n\n(benchmark copy {i})"
        articles.append(
            SourceArticle(
                article_id=article_id_for(text),
                text=text,
                meta=ArticleMeta(source=f"bench-{i}"),
            )
        )
    return articles


def instant_outcome(article: SourceArticle) -> ExtractionOutcome:
    """No model, no extraction: isolates what the runner and the store cost."""
    from summarizer.domain import ArticleRecord

    record = ArticleRecord(article_id=article.article_id, summary="Benchmark record.")
    return ExtractionOutcome(
        article_id=article.article_id,
        status=OutcomeStatus.accepted,
        record=record,
        verdict=Verdict.from_discrepancies([], 0),
    )


def measure(
    articles: list[SourceArticle], config: LLMConfig, concurrency: int, *, instant: bool
) -> tuple[float, float]:
    """(articles per minute, milliseconds per article) for one fresh store."""
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(str(Path(tmp) / "bench.db"))
        spec = cache_spec(config)
        with LazyExtractor(config) as extractor:
            started = time.perf_counter()
            summary = run_batch(
                articles,
                store=store,
                extractor=instant_outcome if instant else extractor,
                spec=spec,
                options=BatchOptions(concurrency=concurrency),
                rechecker=recheck_record,
            )
            elapsed = time.perf_counter() - started
        store.close()
    done = summary.accepted + summary.flagged
    if done + summary.failed != len(articles):
        raise RuntimeError(f"only {summary.processed} of {len(articles)} articles processed")
    if summary.failed:
        print(f"  note: {summary.failed} article(s) failed", file=sys.stderr)
    return 60.0 * len(articles) / elapsed, 1000.0 * elapsed / len(articles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--articles", type=int, default=200)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 4, 16])
    parser.add_argument("--embedded", action="store_true", help="Also run the local model.")
    parser.add_argument(
        "--embedded-articles", type=int, default=4, help="Articles for the model run."
    )
    args = parser.parse_args()
    articles = synthetic_articles(args.articles)

    print(f"articles: {len(articles)}")
    print("runner + store overhead (instant extractor, no HTTP):")
    for n in args.concurrency:
        rate, ms = measure(articles, LLMConfig(base_url="http://unused/v1"), n, instant=True)
        print(f"  concurrency {n:>2}: {rate:10.0f} articles/min  {ms:6.2f} ms/article")

    with FakeOpenAIServer() as fake:
        config = LLMConfig(base_url=fake.base_url, model="fake", max_http_retries=0)
        print("full pipeline against the instant fake server:")
        for n in args.concurrency:
            rate, ms = measure(articles, config, n, instant=False)
            print(f"  concurrency {n:>2}: {rate:10.0f} articles/min  {ms:6.2f} ms/article")

    if args.embedded:
        model_articles = articles[: args.embedded_articles]
        config = resolve_config()
        print(f"embedded model ({config.model}), {len(model_articles)} articles:")
        for n in args.concurrency:
            rate, ms = measure(model_articles, config, n, instant=False)
            print(f"  concurrency {n:>2}: {rate:10.2f} articles/min  {ms / 1000:6.1f} s/article")


if __name__ == "__main__":
    main()
