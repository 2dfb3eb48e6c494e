"""Load the Jinja2 prompt templates from `prompts/` together with their versions.

Each template starts with `{# version: N #}`; the versions of all templates used form the
prompt version stored in every record's provenance, so a record can always be traced to
the exact wording that produced it.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from summarizer import errors
from summarizer.settings import env_value

TEMPLATES = ("system", "example", "user", "repair")
_VERSION = re.compile(r"^\{#\s*version:\s*([0-9A-Za-z.\-]+)\s*#\}")


class PromptError(errors.ConfigurationError):
    """A template is missing or has no version header."""


def prompts_dir() -> Path:
    """`$SUMMARIZER_PROMPTS` if set, else the repository's `prompts/` folder (a source or
    editable install), else the copy a wheel installs under `<prefix>/share/summarizer/`."""
    override = env_value("SUMMARIZER_PROMPTS")
    if override:
        return Path(override)
    checkout = Path(__file__).resolve().parents[2] / "prompts"
    if checkout.is_dir():
        return checkout
    return Path(sys.prefix) / "share" / "summarizer" / "prompts"


@dataclass(frozen=True)
class PromptSet:
    """The loaded templates and the combined version string."""

    environment: jinja2.Environment
    versions: dict[str, str]

    @property
    def version(self) -> str:
        return "+".join(f"{name}@{self.versions[name]}" for name in TEMPLATES)

    def render(self, name: str, **values: Any) -> str:
        return self.environment.get_template(f"{name}.j2").render(**values).strip()


@cache
def load_prompts(directory: Path | None = None) -> PromptSet:
    root = directory or prompts_dir()
    versions: dict[str, str] = {}
    for name in TEMPLATES:
        path = root / f"{name}.j2"
        if not path.is_file():
            raise PromptError(f"prompt template {path} is missing")
        match = _VERSION.match(path.read_text(encoding="utf-8"))
        if match is None:
            raise PromptError(f"{path} must start with a '{{# version: N #}}' header")
        versions[name] = match.group(1)
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(root),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # plain-text prompts, not HTML
        keep_trailing_newline=False,
    )
    return PromptSet(environment=environment, versions=versions)
