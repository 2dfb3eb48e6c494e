"""Extraction speed on the embedded model, with the server's own counters.

    python benchmarks/bench_extraction.py                         # seeds, concurrency 1, 2, 4
    python benchmarks/bench_extraction.py --articles eval/dev/articles --limit 8
    python benchmarks/bench_extraction.py --backend llama_cpp.server --concurrency 1
    python benchmarks/bench_extraction.py --json
    python benchmarks/bench_extraction.py --gold ../shared/eval/gold     # + F1 per pass

For every article (whole pipeline: prompt, model, conversion, cross-check, repair round):
prompt tokens, prompt tokens the server served from its cache, generated tokens, time to
first token (the server's prompt-processing time of the first call) and total time. For
each concurrency: articles per minute over all articles, on a freshly started server (so
no pass profits from the previous one's cache). Peak resident memory of the server and of
this process (which imports what the CLI imports). Finally the ratio to the hardware
limit: the time the article's own tokens would take read once (the user message only,
tokenized by the server) plus its first answer written once, at the prompt and generation
rates measured on this machine by two calibration requests at the start.

With `--gold DIR` the articles are those the gold files name, built exactly as
`summarizer eval --extract` builds them (publication date from the gold), and every pass's
records are scored with the same `score_records`: figure, meeting and agreement F1 of
exactly the runs whose speed is printed.

Counters: llama-server reports `timings` (`cache_n`, `prompt_n`, `prompt_ms`, ...) and
`usage.prompt_tokens_details.cached_tokens` in every answer; llama_cpp.server reports
neither, so for it the script reads the server's log (`prefix-match hit` lines and
llama.cpp's `prompt eval time` lines), exact at concurrency 1 only.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from summarizer.domain import (
    ExtractionOutcome,
    SourceArticle,
)
from summarizer.errors import SummarizerError
from summarizer.evaluation.gold import GoldArticle
from summarizer.evaluation.report import load_articles
from summarizer.evaluation.scoring import outcome_pair, score_records
from summarizer.extraction.pipeline import run_extraction
from summarizer.extraction.requests import build_part_requests
from summarizer.ingest import load_article
from summarizer.llm.client import LLMClient
from summarizer.llm.config import LLMConfig, resolve_config
from summarizer.llm.embedded import ensure_model
from summarizer.llm.prompts import load_prompts
from summarizer.llm.server import LLAMA_SERVER, EmbeddedServer

ROOT = Path(__file__).resolve().parents[1]
_PREFIX_HIT = re.compile(r"(\d+) prefix-match hit, remaining (\d+) prompt tokens")
_PROMPT_EVAL = re.compile(r"prompt eval time =\s*([\d.]+) ms /\s*(\d+) tokens")


def peak_rss_mb(pid: int | str) -> float:
    """VmHWM: the kernel's own high-water mark of resident memory."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return float("nan")
    match = re.search(r"VmHWM:\s*(\d+) kB", status)
    return int(match.group(1)) / 1024 if match else float("nan")


@dataclass
class CallStats:
    prompt_tokens: int = 0
    cached_tokens: int | None = None
    completion_tokens: int = 0
    prompt_ms: float | None = None
    predicted_ms: float | None = None


@dataclass
class ArticleStats:
    article: str
    status: str = ""
    seconds: float = 0.0
    calls: list[CallStats] = field(default_factory=list)
    own_tokens: int = 0
    load: float = 0.0
    """The 1-minute load average when the article finished: on a shared machine the times
    mean little without it (llama.cpp's threads wait for each other at every step)."""

    def row(self) -> dict[str, Any]:
        first = self.calls[0] if self.calls else CallStats()
        cached = [c.cached_tokens for c in self.calls if c.cached_tokens is not None]
        return {
            "article": self.article,
            "status": self.status,
            "seconds": round(self.seconds, 1),
            "calls": len(self.calls),
            "prompt_tokens": sum(c.prompt_tokens for c in self.calls),
            "cached_prompt_tokens": sum(cached) if cached else None,
            "first_call_cached": first.cached_tokens,
            "completion_tokens": sum(c.completion_tokens for c in self.calls),
            "ttft_s": round(first.prompt_ms / 1000, 2) if first.prompt_ms is not None else None,
            "own_tokens": self.own_tokens,
            "answer_tokens": first.completion_tokens,
            "load_avg_1m": self.load,
        }


class Counters:
    """An LLMClient observer: the server's counters of every call, per article (thread)."""

    def __init__(self) -> None:
        self._local = threading.local()

    def begin(self, stats: ArticleStats) -> None:
        self._local.stats = stats

    def __call__(self, response: Any) -> None:
        stats: ArticleStats | None = getattr(self._local, "stats", None)
        if stats is None:
            return
        usage = getattr(response, "usage", None)
        call = CallStats(
            prompt_tokens=int(getattr(usage, "prompt_tokens", 0) or 0),
            completion_tokens=int(getattr(usage, "completion_tokens", 0) or 0),
        )
        details = getattr(usage, "prompt_tokens_details", None)
        if details is not None and getattr(details, "cached_tokens", None) is not None:
            call.cached_tokens = int(details.cached_tokens)
        timings = (getattr(response, "model_extra", None) or {}).get("timings")
        if isinstance(timings, dict):
            call.cached_tokens = int(timings.get("cache_n", call.cached_tokens or 0))
            call.prompt_ms = float(timings.get("prompt_ms", 0.0))
            call.predicted_ms = float(timings.get("predicted_ms", 0.0))
        stats.calls.append(call)


class LogCounters:
    """llama_cpp.server's counters, from its log (one article at a time)."""

    def __init__(self, log: Path | None) -> None:
        self.log = log
        self.offset = 0

    def skip(self) -> None:
        if self.log is not None and self.log.exists():
            self.offset = self.log.stat().st_size

    def fill(self, stats: ArticleStats) -> None:
        if self.log is None or not self.log.exists():
            return
        with self.log.open("rb") as handle:
            handle.seek(self.offset)
            text = handle.read().decode("utf-8", errors="replace")
        self.offset += len(text.encode("utf-8"))
        hits = [int(m.group(1)) for m in _PREFIX_HIT.finditer(text)]
        evals = [float(m.group(1)) for m in _PROMPT_EVAL.finditer(text)]
        # A call without a prefix-match line evaluated its whole prompt (nothing cached).
        for index, call in enumerate(stats.calls):
            call.cached_tokens = hits[index] if index < len(hits) else 0
            if index < len(evals):
                call.prompt_ms = evals[index]


def own_tokens(server: EmbeddedServer, config: LLMConfig, article: SourceArticle) -> int:
    """Tokens of the per-article user message(s) exactly as the pipeline sends them
    (`build_part_requests`: on the framed path the model's view, with no NUMBERS list),
    tokenized by the server itself."""
    total = 0
    root = server.base_url.removesuffix("/v1")
    for request in build_part_requests(article, config, load_prompts()):
        content = request.messages[-1]["content"]
        if server.backend == LLAMA_SERVER:
            reply = httpx.post(f"{root}/tokenize", json={"content": content}, timeout=60)
        else:
            reply = httpx.post(f"{root}/extras/tokenize", json={"input": content}, timeout=60)
        total += len(reply.json()["tokens"])
    return total


def calibrate(server: EmbeddedServer, config: LLMConfig, sample: str) -> dict[str, float]:
    """Prompt and generation tokens per second on this machine, now."""
    url = f"{server.base_url}/chat/completions"

    def ask(content: str, max_tokens: int) -> tuple[dict[str, Any], float]:
        began = time.perf_counter()
        reply = httpx.post(
            url,
            json={
                "model": config.model,
                "messages": [{"role": "user", "content": content}],
                "max_tokens": max_tokens,
                "temperature": 0.0,
            },
            timeout=600,
        )
        return reply.json(), time.perf_counter() - began

    nonce = f"[calibration {time.time_ns()}]"
    read, read_s = ask(f"{nonce}\n{sample}\n\nSay OK.", 1)
    prompt_tokens = read["usage"]["prompt_tokens"]
    write, write_s = ask(f"{nonce} Count from 1 to 200, separated by commas.", 96)
    timings_r, timings_w = read.get("timings"), write.get("timings")
    if isinstance(timings_r, dict) and isinstance(timings_w, dict):
        return {
            "prompt_tok_s": round(float(timings_r["prompt_per_second"]), 1),
            "gen_tok_s": round(float(timings_w["predicted_per_second"]), 1),
        }
    prompt_rate = prompt_tokens / read_s
    generated = write["usage"]["completion_tokens"]
    write_prompt_s = write["usage"]["prompt_tokens"] / prompt_rate
    return {
        "prompt_tok_s": round(prompt_rate, 1),
        "gen_tok_s": round(generated / max(write_s - write_prompt_s, 1e-3), 1),
    }


class SlotWatch:
    """Polls llama-server's `/slots` while a pass runs: the most slots busy at once, which
    shows whether concurrent requests really decode in parallel slots."""

    def __init__(self, base_url: str, interval_s: float = 0.5) -> None:
        self.url = base_url.removesuffix("/v1") + "/slots"
        self.interval_s = interval_s
        self.max_busy = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(self.interval_s):
            try:
                slots = httpx.get(self.url, timeout=5).json()
            except (httpx.HTTPError, ValueError):
                continue
            busy = sum(1 for slot in slots if isinstance(slot, dict) and slot.get("is_processing"))
            self.max_busy = max(self.max_busy, busy)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def run_pass(
    config: LLMConfig,
    articles: list[tuple[str, SourceArticle]],
    concurrency: int,
    backend: str,
    *,
    detailed: bool,
    gold: dict[str, GoldArticle] | None = None,
) -> dict[str, Any]:
    """All articles on a fresh server with `concurrency` in flight."""
    started = time.perf_counter()
    with EmbeddedServer(ensure_model(), alias=config.model, backend=backend) as server:
        startup_s = time.perf_counter() - started
        client = LLMClient(config, server.base_url, backend=server.backend)
        counters = Counters()
        client.observers.append(counters)
        log_counters = LogCounters(server.log_path)
        rates = calibrate(server, config, articles[0][1].text) if detailed else {}
        log_counters.skip()

        outcomes: dict[str, ExtractionOutcome] = {}

        def one(item: tuple[str, SourceArticle]) -> ArticleStats:
            name, article = item
            stats = ArticleStats(article=name)
            counters.begin(stats)
            began = time.perf_counter()
            outcome = run_extraction(article, config, client)
            stats.seconds = time.perf_counter() - began
            stats.load = round(os.getloadavg()[0], 2)
            outcomes[name] = outcome
            stats.status = outcome.status.value
            if detailed:
                stats.own_tokens = own_tokens(server, config, article)
            return stats

        began = time.perf_counter()
        results: list[ArticleStats] = []
        watch = SlotWatch(server.base_url) if server.backend == LLAMA_SERVER else None
        if watch is not None:
            watch.start()
        if concurrency == 1:
            for item in articles:
                stats = one(item)
                if server.backend != LLAMA_SERVER:
                    log_counters.fill(stats)
                results.append(stats)
                if detailed:
                    print(json.dumps(stats.row()), flush=True)
        else:
            with ThreadPoolExecutor(max_workers=concurrency) as pool:
                results = list(pool.map(one, articles))
        wall_s = time.perf_counter() - began
        if watch is not None:
            watch.stop()
        server_peak = peak_rss_mb(server.pid) if server.pid is not None else float("nan")
        used_backend = server.backend
        threads = server.threads
        slots = server.concurrency
        client.close()
    summary: dict[str, Any] = {
        "concurrency": concurrency,
        "backend": used_backend,
        "server_slots": slots,
        "max_slots_busy": watch.max_busy if watch is not None else None,
        "startup_s": round(startup_s, 1),
        "articles": len(results),
        "wall_s": round(wall_s, 1),
        "articles_per_min": round(60 * len(results) / wall_s, 2),
        "server_peak_rss_mb": round(server_peak),
        "load_avg_1m_5m": [round(x, 2) for x in os.getloadavg()[:2]],
        "threads": threads,
        "statuses": {s: [r.status for r in results].count(s) for s in {r.status for r in results}},
    }
    if gold:
        scores = score_records(
            [
                outcome_pair(outcomes[name], article.article_id, gold[name])
                for name, article in articles
            ],
            [article.text for _, article in articles],
        )
        summary["f1"] = {
            "figures": round(scores.figures.f1, 3),
            "meetings": round(scores.meetings.f1, 3),
            "agreements": round(scores.agreements.f1, 3),
            "accepted_rate": round(scores.accepted_rate, 3),
        }
        if scores.meaning is not None:
            summary["meaning"] = {
                "attribution": round(scores.meaning.attribution.rate, 3),
                "agreement_status": round(scores.meaning.agreement_status.rate, 3),
                "meeting_date": round(scores.meaning.meeting_date.rate, 3),
            }
        summary["scores"] = scores.model_dump(mode="json")
    if detailed:
        summary["rates"] = rates
        summary["rows"] = [r.row() for r in results]
    return summary


def gold_articles(
    articles_dir: Path, gold_dir: Path, limit: int
) -> tuple[list[tuple[str, SourceArticle]], dict[str, GoldArticle]]:
    """Articles as `summarizer eval --extract` builds them, with their gold."""
    inputs = load_articles(articles_dir, gold_dir)
    if limit:
        inputs = inputs[:limit]
    articles = [(item.name, item.source()) for item in inputs]
    return articles, {item.name: item.gold for item in inputs}


def hardware_ratio(rows: list[dict[str, Any]], rates: dict[str, float]) -> list[float]:
    """Measured seconds / (own tokens read once + first answer written once)."""
    ratios = []
    for row in rows:
        read_s = row["own_tokens"] / rates["prompt_tok_s"]
        limit = read_s + row["answer_tokens"] / rates["gen_tok_s"]
        ratios.append(round(row["seconds"] / limit, 2) if limit > 0 else float("nan"))
    return ratios


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=Path, default=ROOT / "seeds")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--gold", type=Path, help="Score every pass against this gold folder.")
    parser.add_argument("--concurrency", default="1,2,4", help="Comma-separated, e.g. 1,2,4.")
    parser.add_argument(
        "--backend", default="auto", choices=["auto", "llama-server", "llama_cpp.server"]
    )
    parser.add_argument("--no-repair", action="store_true")
    parser.add_argument("--json", action="store_true", help="Print one JSON object at the end.")
    args = parser.parse_args()
    config = resolve_config(repair=not args.no_repair)
    if not config.embedded:
        parser.error("this benchmark starts the embedded model; unset SUMMARIZER_BASE_URL")
    gold: dict[str, GoldArticle] | None = None
    if args.gold is not None:
        articles, gold = gold_articles(args.articles, args.gold, args.limit)
    else:
        paths = sorted(args.articles.glob("*.txt"))
        if args.limit:
            paths = paths[: args.limit]
        articles = [(p.name, load_article(str(p))) for p in paths]
    levels = [int(c) for c in args.concurrency.split(",") if c.strip()]
    passes = []
    for index, level in enumerate(levels):
        result = run_pass(config, articles, level, args.backend, detailed=index == 0, gold=gold)
        passes.append(result)
        if not args.json:
            brief = {k: v for k, v in result.items() if k not in ("rows", "scores")}
            print(json.dumps(brief), flush=True)
    first = passes[0]
    rows = first.get("rows", [])
    ratios = hardware_ratio(rows, first["rates"]) if rows else []
    after_first = [r for r in rows[1:] if r["first_call_cached"] is not None]
    report = {
        "model": config.model_label,
        "backend": first["backend"],
        "articles": len(articles),
        "seconds_per_article": round(statistics.mean(r["seconds"] for r in rows), 1),
        "prompt_tokens_per_article": round(statistics.mean(r["prompt_tokens"] for r in rows)),
        "cached_prompt_tokens_per_article": (
            round(statistics.mean(r["cached_prompt_tokens"] or 0 for r in rows)) if rows else 0
        ),
        "completion_tokens_per_article": round(
            statistics.mean(r["completion_tokens"] for r in rows)
        ),
        "ttft_s_per_article": (
            round(statistics.mean(r["ttft_s"] for r in rows if r["ttft_s"] is not None), 2)
            if any(r["ttft_s"] is not None for r in rows)
            else None
        ),
        "first_call_cached_after_first_article": [r["first_call_cached"] for r in after_first],
        "rates": first["rates"],
        "ratio_to_hardware_limit": ratios,
        "ratio_to_hardware_limit_mean": round(statistics.mean(ratios), 2) if ratios else None,
        "articles_per_min": {str(p["concurrency"]): p["articles_per_min"] for p in passes},
        "f1": {str(p["concurrency"]): p.get("f1") for p in passes},
        "meaning": {str(p["concurrency"]): p.get("meaning") for p in passes},
        "server_peak_rss_mb": {str(p["concurrency"]): p["server_peak_rss_mb"] for p in passes},
        "client_peak_rss_mb": round(peak_rss_mb("self")),
        "load_avg_1m_5m_15m": [round(x, 2) for x in os.getloadavg()],
    }
    if args.json:
        print(json.dumps({**report, "passes": passes}))
    else:
        print(json.dumps(report))


if __name__ == "__main__":
    try:
        main()
    except SummarizerError as error:  # bad --articles/--gold: one line, no traceback
        print(f"error: {error.user_message()}", file=sys.stderr)
        raise SystemExit(error.exit_code) from None
