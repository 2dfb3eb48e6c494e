"""Batch and store hardening, at the level a user meets it (the CLI, real processes).

Each store test runs on SQLite and, when ``SUMMARIZER_TEST_PG_URL`` is set, on a real
PostgreSQL (`support.stores`).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from sqlalchemy import text
from support.batch import batch_command, counts, no_retry_config, run_cli, write_articles
from support.openai_server import FakeOpenAIServer, QuietHTTPServer, default_extraction

from summarizer.batch.api import BatchOptions, LocalBackend, ProviderBatchBackend, RayBackend, run
from summarizer.errors import ConfigurationError
from summarizer.llm.config import resolve_config
from summarizer.store.engine import open_engine
from summarizer.store.repository import Store

# 10.15 ------------------------------------------------------------------------------------


def test_a_rerun_exits_1_while_stored_failures_remain_and_says_how_to_retry(
    store_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    write_articles(folder, 5, failing=frozenset({1, 3}))
    config = str(no_retry_config(tmp_path))
    with FakeOpenAIServer() as fake:
        code, output = run_cli(fake, store_url, str(folder), "--config", config)
        assert code == 1 and "--retry-failed" in output
        fake.fail_enabled = False
        code, output = run_cli(fake, store_url, str(folder), "--config", config)
        assert code == 1, output  # before: 0, with 2 of 5 articles still without a record
        assert "2 article(s) have a stored failure" in output and "--retry-failed" in output
        code, output = run_cli(fake, store_url, str(folder), "--config", config, "--retry-failed")
        assert code == 0, output
    assert counts(store_url) == (5, 5, 5)


# 10.12 ------------------------------------------------------------------------------------


def _twice_at_once(command: list[str], env: dict[str, str] | None = None) -> None:
    """Run `command` in two processes at once; both must succeed."""
    procs = [
        subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=180)[0].decode() for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs


def test_two_batches_at_once_extract_each_article_once(store_url: str, tmp_path: Path) -> None:
    total = 12
    folder = tmp_path / "in"
    write_articles(folder, total)
    open_engine(store_url).dispose()  # migrated once; the race here is about the work
    with FakeOpenAIServer(delay_s=0.2) as fake:
        command = batch_command(fake, folder, store_url, "--concurrency", "2")
        _twice_at_once(command, env={**os.environ, "COLUMNS": "160"})
        assert fake.chat_requests == total  # before: 2 * total
    assert counts(store_url) == (total, total, total)


# 10.13 ------------------------------------------------------------------------------------


def test_a_fresh_postgres_database_opened_by_several_processes_migrates_once(
    pg_url: str,
) -> None:
    code = f"from summarizer.store.engine import open_engine; open_engine({pg_url!r})"
    procs = [
        subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE) for _ in range(4)
    ]
    errors = [p.communicate(timeout=120)[1].decode() for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], errors
    engine = open_engine(pg_url)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
    engine.dispose()


# kill and resume, on every store ---------------------------------------------------------


@pytest.mark.slow
def test_sigkill_mid_batch_then_rerun_stores_each_article_once(
    store_url: str, tmp_path: Path
) -> None:
    """A real `summarizer batch` process is SIGKILLed mid-batch and rerun, on every store."""
    total = 12
    folder = tmp_path / "in"
    write_articles(folder, total)
    with FakeOpenAIServer(delay_s=0.25) as fake:
        command = batch_command(fake, folder, store_url, "--concurrency", "2")
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            try:
                if counts(store_url)[0] >= 3:
                    break
            except Exception:  # the store is still being created
                pass
            time.sleep(0.05)
        assert process.poll() is None, "the batch finished before it could be killed"
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        assert process.returncode == -signal.SIGKILL
        runs, articles, records = counts(store_url)
        assert 3 <= runs < total, "the kill did not land mid-batch"
        assert runs == articles == records  # nothing half-written
        fake.delay_s = 0.0
        before = fake.chat_requests
        rerun = subprocess.run(command, capture_output=True, text=True, timeout=120)
        assert rerun.returncode == 0, rerun.stderr
        assert fake.chat_requests - before == total - runs  # only the missing ones
    assert counts(store_url) == (total, total, total)


# 12.5 -------------------------------------------------------------------------------------


def test_provider_batch_refuses_concurrency_instead_of_ignoring_it(tmp_path: Path) -> None:
    with FakeOpenAIServer() as fake:
        code, output = run_cli(
            fake, str(tmp_path / "p.db"), str(tmp_path), "--provider-batch", "--concurrency", "8"
        )
    assert code == 2 and "provider-batch backend cannot honour --concurrency" in output


def test_local_and_ray_backends_refuse_a_poll_interval() -> None:
    config = resolve_config(base_url="http://127.0.0.1:9/v1", model="m", environ={})
    options = BatchOptions(poll_interval_s=5.0)
    for backend in (LocalBackend(config), RayBackend(config)):
        with pytest.raises(ConfigurationError, match="--poll-interval"):
            run([], store=Store.open(":memory:"), backend=backend, options=options)
    run([], store=Store.open(":memory:"), backend=ProviderBatchBackend(config), options=options)


def test_provider_batch_honours_recheck_and_the_cache(tmp_path: Path) -> None:
    folder, db = tmp_path / "in", str(tmp_path / "pb.db")
    write_articles(folder, 3)
    with FakeOpenAIServer() as fake:
        code, output = run_cli(fake, db, str(folder), "--provider-batch", "--poll-interval", "0")
        assert code == 0, output
        before = fake.chat_requests
        code, output = run_cli(
            fake, db, str(folder), "--provider-batch", "--recheck", "--poll-interval", "0"
        )
        assert code == 0, output
        assert "3 (0 changed)" in output  # before: --recheck was silently ignored
        assert fake.chat_requests == before


# 10.20: a hung model is bounded per article ---------------------------------------------


def test_a_hung_model_fails_the_article_at_the_article_timeout(tmp_path: Path) -> None:
    folder, db = tmp_path / "in", str(tmp_path / "h.db")
    write_articles(folder, 1)
    with FakeOpenAIServer(delay_s=30.0) as fake:
        started = time.monotonic()
        code, output = run_cli(fake, db, str(folder), "--article-timeout", "1")
        elapsed = time.monotonic() - started
    assert code == 1 and "took longer than 1 s" in output
    assert elapsed < 15  # before: as long as the model held the call (up to 75 minutes)
    store = Store.open(db)
    (article,) = store.list_articles()
    assert article.run is not None and article.run.status == "failed"


# 10.17: reading overlaps with extraction, and the elapsed time is the real one ----------


def test_fetching_overlaps_with_model_calls_and_elapsed_is_wall_time(tmp_path: Path) -> None:
    fetched_at: list[float] = []
    asked_at: list[float] = []

    class Slow(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            fetched_at.append(time.monotonic())
            time.sleep(0.4)
            n = self.path.strip("/")
            body = (
                f"Ha Noi, March {n}, 2025 - Viet Nam and Japan held trade talks, round {n}.\n\n"
                "Two-way trade reached US$1.5 billion in 2024, up 12 percent, the ministry said."
            ).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            """Quiet."""

    def respond(request: dict[str, object]) -> dict[str, object]:
        asked_at.append(time.monotonic())
        return default_extraction(request)  # type: ignore[arg-type]

    server = QuietHTTPServer(("127.0.0.1", 0), Slow)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    urls = [f"http://127.0.0.1:{server.server_address[1]}/{n}" for n in range(1, 6)]
    try:
        with FakeOpenAIServer(responder=respond) as fake:
            started = time.monotonic()
            code, output = run_cli(fake, str(tmp_path / "o.db"), *urls)
            wall = time.monotonic() - started
    finally:
        server.shutdown()
        server.server_close()
    assert code == 0, output
    assert len(fetched_at) == 5 and asked_at
    assert min(asked_at) < max(fetched_at)  # before: every URL was read before any model call
    elapsed = float(output.split("elapsed")[1].split("s")[0].strip(" │|"))
    assert elapsed >= 5 * 0.4 - 0.1 and elapsed <= wall  # reading time is in the summary


def test_two_provider_batches_at_once_submit_each_article_once(
    store_url: str, tmp_path: Path
) -> None:
    total = 8
    folder = tmp_path / "in"
    write_articles(folder, total)
    open_engine(store_url).dispose()
    with FakeOpenAIServer() as fake:
        command = batch_command(
            fake, folder, store_url, "--provider-batch", "--poll-interval", "0.2"
        )
        _twice_at_once(command)
        submitted = [
            line
            for data in fake.files.values()
            for line in data.decode().splitlines()
            if '"method": "POST"' in line
        ]
        assert len(submitted) == total  # each article in one submitted request
    assert counts(store_url) == (total, total, total)
