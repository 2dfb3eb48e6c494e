"""Where a setting comes from, decided in one place: flag, then environment, then file.

Every setting a user can give in more than one way follows the same precedence, first
wins: the command-line flag, the environment variable, the config file
(``summarizer.toml``), the built-in default. An empty environment variable counts as
unset, so ``SUMMARIZER_DB= summarizer brief`` uses the default rather than a store
named "". `ENV_VARS` lists every variable the tool reads, for the docs and `--help`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

ENV_VARS: dict[str, str] = {
    "SUMMARIZER_DB": "store: SQLite path or SQLAlchemy URL (flag --db)",
    "SUMMARIZER_BASE_URL": "OpenAI-compatible endpoint (flag --base-url)",
    "SUMMARIZER_MODEL": "model name at the endpoint (flag --model)",
    "OPENAI_API_KEY": "API key for the endpoint",
    "SUMMARIZER_REVIEWER": "reviewer name for the audit log (flag --reviewer)",
    "SUMMARIZER_PROMPTS": "folder of prompt files replacing prompts/",
    "SUMMARIZER_CACHE": "folder for the embedded model's weights (models/) and llama-server (bin/)",
    "SUMMARIZER_LLAMA_SERVER": "llama-server: unset = if built, 'on' builds it, 'off', or a path",
    "SUMMARIZER_LLAMA_THREADS": "threads for the embedded server (default: the CPU cores)",
    "SUMMARIZER_SECRET_KEY": "review page cookie-signing key (else generated and stored)",
    "SUMMARIZER_AUDIT_KEY": "HMAC key of the keyed audit chain (kept outside the database)",
    "SUMMARIZER_DEBUG": "set to 1 to let tracebacks through the CLI's error handler",
}


def env_value(env_var: str, environ: Mapping[str, str] | None = None) -> str | None:
    """An environment variable of `ENV_VARS`, trimmed; empty counts as unset."""
    env = os.environ if environ is None else environ
    value = env.get(env_var, "").strip()
    return value or None


def cache_root() -> Path:
    """`$SUMMARIZER_CACHE`, else `~/.cache/summarizer`: weights and built binaries live here."""
    root = env_value("SUMMARIZER_CACHE")
    return Path(root) if root else Path.home() / ".cache" / "summarizer"


def first_set(
    flag: str | None,
    env_var: str,
    *,
    file_value: str | None = None,
    default: str,
    environ: Mapping[str, str] | None = None,
) -> str:
    """The setting's value by the one precedence rule: flag, environment, file, default."""
    if flag:
        return flag
    env = os.environ if environ is None else environ
    return env.get(env_var) or file_value or default
