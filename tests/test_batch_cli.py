"""`summarizer batch` end to end against the local fake OpenAI-compatible server.

The real ingestion, extraction pipeline (prompts, instructor, conversion, cross-check)
and store run; only the model is the fake in `tests/support/openai_server.py`.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

from sqlalchemy import select
from support.batch import CLI, counts, no_retry_config, write_articles
from support.batch import run_cli as batch
from support.openai_server import FakeOpenAIServer

from summarizer.domain import OutcomeStatus
from summarizer.store.repository import RunKey, Store
from summarizer.store.tables import ExtractionRunRow

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_second_run_on_seeds_is_instant_and_makes_no_model_requests(
    fake: FakeOpenAIServer, tmp_path: Path
) -> None:
    db = tmp_path / "seeds.db"
    code, output = batch(fake, db, str(SEEDS))
    seeds = len(list(SEEDS.glob("*.txt")))
    assert code == 0, output
    assert fake.chat_requests >= seeds
    assert counts(db) == (seeds, seeds, seeds)

    before = fake.chat_requests
    started = time.monotonic()
    code, output = batch(fake, db, str(SEEDS))
    assert code == 0, output
    assert fake.chat_requests == before
    assert time.monotonic() - started < 5.0
    assert counts(db) == (seeds, seeds, seeds)


def test_failures_are_stored_and_picked_up_by_retry_failed(
    fake: FakeOpenAIServer, tmp_path: Path
) -> None:
    config = str(no_retry_config(tmp_path))
    folder, db = tmp_path / "in", tmp_path / "f.db"
    write_articles(folder, 4, failing=frozenset({1}))
    (folder / "broken.txt").write_bytes(b"\x00\x01binary\x00")
    code, output = batch(fake, db, str(folder), "--config", config)
    assert code == 1
    # Each failure is named with its reason, not only counted.
    assert f"failed: {folder / 'broken.txt'}: " in output and "binary" in output
    assert "HTTP 500" in output
    store = Store.open(str(db))
    failed = [a for a in store.list_articles() if a.run and a.run.status == OutcomeStatus.failed]
    assert len(failed) == 1 and "HTTP 500" in (failed[0].run.error or "")  # type: ignore[union-attr]
    assert [source for source, _ in store.ingest_failures()] == [str(folder / "broken.txt")]

    fake.fail_enabled = False
    before = fake.chat_requests
    code, _ = batch(fake, db, str(folder), "--config", config)
    assert fake.chat_requests == before  # a plain rerun does not retry failures

    (folder / "broken.txt").unlink()
    code, output = batch(fake, db, str(folder), "--retry-failed", "--config", config)
    assert code == 0, output
    assert fake.chat_requests == before + 1
    assert store.run_counts(next(iter(_keys(store))))[OutcomeStatus.failed] == 0
    assert counts(db) == (4, 4, 4)


def _keys(store: Store) -> set[RunKey]:
    with store.session() as session:
        rows = session.execute(
            select(
                ExtractionRunRow.model,
                ExtractionRunRow.prompt_version,
                ExtractionRunRow.schema_version,
            ).distinct()
        )
        return {RunKey(model=m, prompt_version=p, schema_version=s) for m, p, s in rows}


def test_recheck_rejudges_stored_records_without_model_requests(
    fake: FakeOpenAIServer, tmp_path: Path
) -> None:
    folder, db = tmp_path / "in", tmp_path / "r.db"
    write_articles(folder, 3)
    assert batch(fake, db, str(folder))[0] == 0
    before = fake.chat_requests
    code, output = batch(fake, db, str(folder), "--recheck")
    assert code == 0, output
    assert fake.chat_requests == before
    assert "3 (0 changed)" in output  # same checker, same verdicts


def test_batch_is_a_registered_command() -> None:
    result = subprocess.run([*CLI, "--help"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "batch" in result.stdout
