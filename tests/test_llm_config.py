"""Model configuration: flags over environment over config file over defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.llm.config import EMBEDDED_ALIAS, resolve_config
from summarizer.source_text import InputError


def test_defaults_mean_the_embedded_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    config = resolve_config(environ={})
    assert config.embedded
    assert config.model == EMBEDDED_ALIAS
    assert config.model_label.endswith("@embedded")


def test_precedence_flags_env_file(tmp_path: Path) -> None:
    file = tmp_path / "summarizer.toml"
    file.write_text('[llm]\nbase_url = "http://file/v1"\nmodel = "file-model"\nn_ctx = 4096\n')
    env = {"SUMMARIZER_BASE_URL": "http://env/v1", "OPENAI_API_KEY": "sk-test"}
    from_env = resolve_config(config_file=file, environ=env)
    assert from_env.base_url == "http://env/v1"
    assert from_env.model == "file-model"
    assert from_env.n_ctx == 4096
    assert from_env.api_key == "sk-test"
    from_flag = resolve_config(base_url="http://flag/v1", model="m", config_file=file, environ=env)
    assert (from_flag.base_url, from_flag.model) == ("http://flag/v1", "m")
    assert not from_flag.embedded


def test_endpoint_without_model_gets_a_generic_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert resolve_config(base_url="http://x/v1", environ={}).model == "default"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[llm]\nn_ctx = 'big'\n", "n_ctx must be a int"),
        ("[llm]\nsecret = 1\n", "unknown keys"),
        ("not toml [", "cannot read"),
    ],
)
def test_bad_config_files_are_input_errors(tmp_path: Path, content: str, message: str) -> None:
    file = tmp_path / "c.toml"
    file.write_text(content)
    with pytest.raises(InputError, match=message):
        resolve_config(config_file=file, environ={})


def test_missing_config_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such config file"):
        resolve_config(config_file=tmp_path / "absent.toml", environ={})
