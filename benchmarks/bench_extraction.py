"""Seconds and tokens per article for extraction on the seeds.

    python benchmarks/bench_extraction.py                  # the embedded model
    python benchmarks/bench_extraction.py --base-url URL --model NAME
    python benchmarks/bench_extraction.py --no-grounding --no-repair --json

Each article goes through the whole pipeline (prompt, model, conversion, cross-check,
repair round); the server start (embedded model) is timed separately.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from summarizer.extraction.pipeline import run_extraction
from summarizer.ingest import load_article
from summarizer.llm.config import resolve_config
from summarizer.llm.session import shared_client

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=ROOT / "seeds")
    parser.add_argument("--base-url")
    parser.add_argument("--model")
    parser.add_argument("--no-grounding", action="store_true")
    parser.add_argument("--no-repair", action="store_true")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--json", action="store_true", help="Print one JSON object.")
    args = parser.parse_args()
    config = resolve_config(
        base_url=args.base_url,
        model=args.model,
        grounding=not args.no_grounding,
        repair=not args.no_repair,
    )
    started = time.perf_counter()
    client = shared_client(config)
    startup_s = time.perf_counter() - started
    paths = sorted(args.articles.glob("*.txt"))
    if args.limit:
        paths = paths[: args.limit]
    rows = []
    for path in paths:
        article = load_article(str(path))
        began = time.perf_counter()
        outcome = run_extraction(article, config, client)
        rows.append(
            {
                "article": path.name,
                "status": outcome.status.value,
                "seconds": round(time.perf_counter() - began, 1),
                "prompt_tokens": outcome.usage.prompt_tokens,
                "completion_tokens": outcome.usage.completion_tokens,
                "attempts": outcome.attempts,
            }
        )
        if not args.json:
            print(json.dumps(rows[-1]), flush=True)
    summary = {
        "model": config.model_label,
        "grounding": config.grounding,
        "repair": config.repair,
        "startup_s": round(startup_s, 1),
        "articles": len(rows),
        "seconds_per_article": round(statistics.mean(r["seconds"] for r in rows), 1),
        "tokens_per_article": round(
            statistics.mean(r["prompt_tokens"] + r["completion_tokens"] for r in rows)
        ),
        "completion_tokens_per_article": round(
            statistics.mean(r["completion_tokens"] for r in rows)
        ),
    }
    print(json.dumps({**summary, "rows": rows} if args.json else summary))


if __name__ == "__main__":
    main()
