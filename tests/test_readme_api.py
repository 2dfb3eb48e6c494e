"""The README's Python API section runs as written, offline, and prints what it says.

The block is taken from README.md itself, so the documented API cannot drift from the
code: it runs in a temporary folder holding a copy of the seeds, against the fake
OpenAI-compatible server (chosen through ``SUMMARIZER_BASE_URL``, as a user would), and
its output must equal the ``text`` block that follows it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support.openai_server import FakeOpenAIServer

import summarizer
from summarizer.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
SECTION = re.compile(r"^## Python API\n(.*?)(?=^## )", re.M | re.S)
BLOCK = re.compile(r"^```(python|text)\n(.*?)^```", re.M | re.S)


def readme_example() -> tuple[str, str]:
    """(python code, expected output) of the README's Python API section."""
    section = SECTION.search((ROOT / "README.md").read_text(encoding="utf-8"))
    assert section, "README.md has no '## Python API' section"
    blocks = dict(BLOCK.findall(section.group(1)))
    return blocks["python"], blocks["text"]


@pytest.fixture
def fake_model(
    fake: FakeOpenAIServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> FakeOpenAIServer:
    """The fake model server as the configured endpoint, in a folder with the seeds."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SUMMARIZER_BASE_URL", fake.base_url)
    monkeypatch.setenv("SUMMARIZER_MODEL", "fake")
    return fake


def test_readme_python_example_prints_its_documented_output(
    fake_model: FakeOpenAIServer,
) -> None:
    code, expected = readme_example()
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, "README.md", "exec"), {"__name__": "readme"})
    assert printed.getvalue() == expected
    assert fake_model.chat_requests == 6  # one summarize, five seeds once (the rerun skips)


def test_summarize_takes_a_string_as_article_text_never_as_a_path(
    fake_model: FakeOpenAIServer,
) -> None:
    outcome = summarizer.summarize("seeds/000_f81a58b2d35ee533.txt")
    assert outcome.record is not None
    assert outcome.record.meta.source == "text"
    assert fake_model.chat_requests == 1


def test_check_names_the_first_problems_of_a_dict_that_is_not_a_record() -> None:
    problem = r"^record: not a valid Extraction: figures\.0\.value: Field required;"
    with pytest.raises(InputError, match=problem):
        summarizer.check("Trade reached $5 million.", {"summary": "x.", "figures": [{}]})


def test_import_summarizer_loads_no_heavy_module() -> None:
    """`import summarizer` must stay cheap: the API's modules load on first use."""
    probe = (
        "import sys, summarizer; "
        "print(sorted(m for m in ('pydantic', 'sqlalchemy', 'openai', 'httpx', "
        "'summarizer.api') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.strip() == "[]"
    assert callable(summarizer.run_batch) and "briefing" in dir(summarizer)


def test_a_given_publication_date_and_title_win_over_the_article_s_own() -> None:
    from summarizer.api import as_article

    text = "Ha Noi, March 3, 2025 - Viet Nam and Japan held trade talks.\n"
    article = as_article(text, published=dt.date(2025, 3, 4), title="Talks")
    assert (article.meta.published, article.meta.title) == (dt.date(2025, 3, 4), "Talks")
    again = as_article(article, title="Renamed")
    assert (again.meta.published, again.meta.title) == (dt.date(2025, 3, 4), "Renamed")
