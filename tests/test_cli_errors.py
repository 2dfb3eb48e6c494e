"""Every command driven into each class of error: one stderr line, the documented exit code.

Exit codes (README, `summarizer.errors`): 2 bad input, configuration, store or review
request; 4 the model failed; 1 an internal error. No traceback ever reaches the user.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from support.openai_server import FakeOpenAIServer
from typer.testing import CliRunner

from summarizer import errors
from summarizer.cli import app
from summarizer.llm.server import free_port
from summarizer.store.repository import Store

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_f81a58b2d35ee533.txt"
BAD_DIALECT = "postgress://summ@localhost/summ"
NO_DRIVER = "mysql+mysqldb://summ@localhost/summ"


def _invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def _assert_one_error_line(code: int, stderr: str, expected_code: int) -> str:
    assert code == expected_code, stderr
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1, stderr
    return lines[0]


def _unreachable(tmp_path: Path) -> list[str]:
    config = tmp_path / "summarizer.toml"
    config.write_text("[llm]\nmax_http_retries = 0\n", encoding="utf-8")
    url = f"http://127.0.0.1:{free_port()}/v1"
    return ["--base-url", url, "--model", "m", "--config", str(config)]


def _existing_store(tmp_path: Path) -> str:
    path = tmp_path / "store.db"
    Store.open(str(path)).close()
    return str(path)


# -- store errors: every command that opens the store ------------------------------------

STORE_COMMANDS = [
    ["brief"],
    ["batch", str(SEED), "-q"],
    ["review", "list"],
    ["review", "show", "1"],
    ["review", "verify"],
    ["users", "add", "alice", "--password-stdin"],
    ["serve", "--port", "1"],
]


@pytest.mark.parametrize("db", [BAD_DIALECT, NO_DRIVER, "sqlite:////proc/summarizer/x.db"])
@pytest.mark.parametrize("command", STORE_COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_a_bad_store_url_is_one_line_and_exit_2(command: list[str], db: str) -> None:
    code, _, stderr = _invoke(*command, "--db", db)
    line = _assert_one_error_line(code, stderr, errors.EXIT_BAD_INPUT)
    assert "store" in line or "dialect" in line or "driver" in line


def test_an_unreachable_postgres_server_is_one_line_and_exit_2() -> None:
    url = f"postgresql+psycopg://summ:secret@127.0.0.1:{free_port()}/summ"
    code, _, stderr = _invoke("brief", "--db", url)
    line = _assert_one_error_line(code, stderr, errors.EXIT_BAD_INPUT)
    assert "cannot open the store" in line and "secret" not in line  # password hidden


@pytest.mark.parametrize(
    "command",
    [["brief"], ["review", "list"], ["review", "verify"], ["serve", "--port", "1"]],
    ids=lambda c: " ".join(c),
)
def test_read_only_commands_do_not_create_a_missing_store(
    command: list[str], tmp_path: Path
) -> None:
    db = tmp_path / "absent.db"
    code, stdout, stderr = _invoke(*command, "--db", str(db))
    line = _assert_one_error_line(code, stderr, errors.EXIT_BAD_INPUT)
    assert f"no store at {db}" in line
    assert not db.exists() and stdout == ""


# -- input errors -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["summarize", "{missing}"],
        ["numbers", "{missing}"],
        ["check", "{missing}", "{missing}"],
        ["eval", "--articles", "{missing}", "--gold", "{missing}"],
    ],
    ids=lambda c: c[0],
)
def test_missing_input_is_one_line_and_exit_2(command: list[str], tmp_path: Path) -> None:
    missing = str(tmp_path / "nothing-here.txt")
    code, _, stderr = _invoke(*(part.replace("{missing}", missing) for part in command))
    _assert_one_error_line(code, stderr, errors.EXIT_BAD_INPUT)


# -- configuration errors -----------------------------------------------------------------


@pytest.mark.parametrize("command", [["summarize", str(SEED)], ["batch", str(SEED)]])
def test_a_missing_config_file_is_one_line_and_exit_2(command: list[str], tmp_path: Path) -> None:
    args = [*command, "--config", str(tmp_path / "absent.toml"), "--db", str(tmp_path / "c.db")]
    if command[0] == "summarize":
        args = args[:-2]
    code, _, stderr = _invoke(*args)
    _assert_one_error_line(code, stderr, errors.EXIT_BAD_INPUT)


# -- model errors -------------------------------------------------------------------------


def test_an_unreachable_model_exits_4_with_one_line(tmp_path: Path) -> None:
    code, _, stderr = _invoke("summarize", str(SEED), "--format", "md", *_unreachable(tmp_path))
    assert code == errors.EXIT_MODEL_FAILED and "Traceback" not in stderr
    assert stderr.startswith("error:")


# -- review errors ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [["review", "show", "999"], ["review", "approve", "999", "--reviewer", "ann"]],
    ids=lambda c: c[1],
)
def test_a_review_request_that_cannot_be_done_exits_2(command: list[str], tmp_path: Path) -> None:
    code, _, stderr = _invoke(*command, "--db", _existing_store(tmp_path))
    _assert_one_error_line(code, stderr, errors.EXIT_BAD_INPUT)


# -- the handler itself -------------------------------------------------------------------


def test_an_unexpected_exception_is_one_line_and_exit_1(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_args: object, **_kwargs: object) -> None:
        raise ZeroDivisionError("division by zero somewhere deep")

    monkeypatch.setattr("summarizer.cli.numbers_cmd.extract_mentions", boom)
    code, _, stderr = _invoke("numbers", str(SEED))
    line = _assert_one_error_line(code, stderr, errors.EXIT_FAILURES)
    assert "internal error (ZeroDivisionError" in line and "SUMMARIZER_DEBUG=1" in line


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (errors.InputError("x"), 2),
        (errors.ConfigurationError("x"), 2),
        (errors.StoreError("x"), 2),
        (errors.ReviewError("x"), 2),
        (errors.ModelError("x"), 4),
    ],
)
def test_each_branch_of_the_tree_has_its_documented_exit_code(
    error: errors.SummarizerError, code: int
) -> None:
    assert error.exit_code == code and isinstance(error, errors.SummarizerError)


def test_existing_error_classes_are_in_the_tree() -> None:
    from summarizer.batch.ray_runner import RayUnavailableError
    from summarizer.evaluation.gold import GoldError
    from summarizer.ingest.urls import FetchError
    from summarizer.llm.client import LLMError
    from summarizer.llm.embedded import ModelAssemblyError
    from summarizer.llm.prompts import PromptError
    from summarizer.llm.server import ServerError
    from summarizer.review.auth import AuthError
    from summarizer.review.corrections import CorrectionError
    from summarizer.review.service import ReviewError
    from summarizer.review.web import PageError
    from summarizer.source_text import InputError

    assert issubclass(InputError, errors.InputError) and issubclass(FetchError, errors.InputError)
    assert issubclass(GoldError, errors.InputError)
    for model_error in (LLMError, ModelAssemblyError, ServerError):
        assert issubclass(model_error, errors.ModelError)
    for config_error in (PromptError, RayUnavailableError):
        assert issubclass(config_error, errors.ConfigurationError)
    for review_error in (ReviewError, AuthError, CorrectionError, PageError):
        assert issubclass(review_error, errors.ReviewError)


def test_a_real_process_prints_no_traceback_for_a_bad_store() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "summarizer", "brief", "--db", BAD_DIALECT],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ")


# 10.20: what a failure says and records ----------------------------------------------------


def test_a_failed_validation_names_the_error_not_instructors_xml_dump() -> None:
    with FakeOpenAIServer(responder=lambda _r: {"summary": "", "figures": "nope"}) as fake:
        code, _, stderr = _invoke(
            "summarize", str(SEED), "--base-url", fake.base_url, "--model", "m"
        )
    assert code == errors.EXIT_MODEL_FAILED
    assert "<failed_attempts>" not in stderr and "validation error" in stderr  # before: XML


def test_a_network_failure_is_stored_with_its_attempts(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    code, _, _ = _invoke("batch", str(SEED), "--db", str(db), "-q", *_unreachable(tmp_path))
    assert code == errors.EXIT_FAILURES
    store = Store.open(str(db))
    (article,) = store.list_articles()
    assert article.run is not None and article.run.attempts >= 1  # before: attempts=0
