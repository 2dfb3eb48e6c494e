"""Which model to talk to, resolved from flags, environment and an optional TOML file.

Precedence (first wins): command-line flags, `SUMMARIZER_*` environment variables, the
config file (`--config`, else `./summarizer.toml`), built-in defaults. With no base URL
anywhere, the embedded default model is served locally, so the tool works offline.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from summarizer.source_text import InputError

EMBEDDED_ALIAS = "qwen2.5-coder-1.5b-instruct-q4_k_m"
DEFAULT_CONFIG_FILE = Path("summarizer.toml")
FIGURE_METRICS = (None, "frames", "model")


@dataclass(frozen=True)
class LLMConfig:
    """Everything needed to reach one model and bound what one article may cost."""

    base_url: str | None = None
    """None means: start the embedded model on 127.0.0.1."""
    model: str = EMBEDDED_ALIAS
    api_key: str | None = None
    mode: str | None = None
    """instructor mode name (TOOLS, JSON, TOOLS_STRICT...); None picks one per backend."""
    timeout_s: float = 900.0
    """Per HTTP request: a busy two-core machine needs minutes for a long article."""
    max_http_retries: int = 4
    max_validation_retries: int = 2
    max_tokens: int = 1200
    """Completion tokens per call."""
    max_article_tokens: int = 60_000
    """Prompt + completion tokens per article, all attempts together."""
    n_ctx: int = 8192
    temperature: float = 0.0
    seed: int = 7
    grounding: bool = True
    figure_metrics: str | None = None
    """Who writes a grounded figure's metric: "model" (the model names what each listed
    number measures) or "frames" (the program's frame phrase, `summarizer.frames`; the model
    is asked for no figures at all). None picks per backend, see `metrics_from_frames`."""
    repair: bool = True
    server: str | None = None
    """What serves `base_url`, where the client can use it: "llama-server" (llama.cpp's own
    server: the schema is sent as a compact grammar). The embedded model sets it itself."""

    @property
    def embedded(self) -> bool:
        return self.base_url is None

    @property
    def metrics_from_frames(self) -> bool:
        """True when figures are filled by the program alone and the model writes only the
        summary, meetings and agreements.

        Why the embedded default: on the development corpus the 1.5B model's metrics scored
        no better than the frames' own phrases (figure F1 0.937 vs 0.936, metric 77.3 % vs
        79.4 %, period equal; docs/model.md), while the NUMBERS list and its answer were
        about a third of every prompt and answer. An endpoint (a larger model) keeps writing
        them unless told otherwise.
        """
        if not self.grounding:
            return False
        chosen = self.figure_metrics or ("frames" if self.embedded else "model")
        return chosen == "frames"

    @property
    def model_label(self) -> str:
        """What provenance records: the model and where it ran."""
        return f"{self.model}@embedded" if self.embedded else f"{self.model}@{self.base_url}"


_FILE_KEYS = {
    "base_url": str,
    "model": str,
    "mode": str,
    "timeout_s": float,
    "max_http_retries": int,
    "max_validation_retries": int,
    "max_tokens": int,
    "max_article_tokens": int,
    "n_ctx": int,
    "temperature": float,
    "seed": int,
    "grounding": bool,
    "figure_metrics": str,
    "repair": bool,
    "server": str,
}


def _read_file(path: Path) -> dict[str, Any]:
    """The `[llm]` table (or the top level) of a TOML file; API keys are not read from it."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"{path}: cannot read the config file: {exc}") from exc
    table = data.get("llm", data)
    if not isinstance(table, dict):
        raise InputError(f"{path}: [llm] must be a table")
    values: dict[str, Any] = {}
    for key, kind in _FILE_KEYS.items():
        if key in table:
            value = table[key]
            if kind is float and isinstance(value, int) and not isinstance(value, bool):
                value = float(value)
            if not isinstance(value, kind):
                raise InputError(f"{path}: {key} must be a {kind.__name__}")
            values[key] = value
    unknown = sorted(set(table) - set(_FILE_KEYS))
    if unknown:
        raise InputError(f"{path}: unknown keys in [llm]: {', '.join(unknown)}")
    return values


def resolve_config(
    *,
    base_url: str | None = None,
    model: str | None = None,
    config_file: Path | None = None,
    environ: dict[str, str] | None = None,
    **overrides: Any,
) -> LLMConfig:
    """Merge defaults, file, environment and flags into one `LLMConfig`."""
    env = dict(os.environ) if environ is None else environ
    config = LLMConfig()
    path = config_file or (DEFAULT_CONFIG_FILE if DEFAULT_CONFIG_FILE.is_file() else None)
    if config_file is not None and not config_file.is_file():
        raise InputError(f"{config_file}: no such config file")
    if path is not None:
        config = replace(config, **_read_file(path))
    env_base = env.get("SUMMARIZER_BASE_URL")
    env_model = env.get("SUMMARIZER_MODEL")
    if env_base:
        config = replace(config, base_url=env_base)
    if env_model:
        config = replace(config, model=env_model)
    if base_url:
        config = replace(config, base_url=base_url)
    if model:
        config = replace(config, model=model)
    if config.base_url is not None and config.model == EMBEDDED_ALIAS and not (model or env_model):
        # An endpoint without a model name: most servers accept their single model's alias.
        config = replace(config, model="default")
    if env.get("SUMMARIZER_FIGURE_METRICS"):
        config = replace(config, figure_metrics=env["SUMMARIZER_FIGURE_METRICS"])
    config = replace(config, api_key=env.get("OPENAI_API_KEY") or config.api_key)
    config = replace(config, **{k: v for k, v in overrides.items() if v is not None})
    if config.figure_metrics not in FIGURE_METRICS:
        raise InputError(
            f"figure_metrics must be one of {', '.join(FIGURE_METRICS[1:])}, "
            f"not {config.figure_metrics!r}"
        )
    return config
