"""Export the JSON Schemas of the top-level domain models, so drift is visible in review."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from summarizer.domain import ArticleRecord, Extraction, NumericMention, Verdict

TOP_LEVEL_MODELS: dict[str, type[BaseModel]] = {
    "article_record": ArticleRecord,
    "extraction": Extraction,
    "numeric_mention": NumericMention,
    "verdict": Verdict,
}


def render_schema(model: type[BaseModel]) -> str:
    """The schema text exactly as committed: sorted keys, two-space indent, final newline."""
    return (
        json.dumps(model.model_json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    )


def schema_path(directory: Path, name: str) -> Path:
    return directory / f"{name}.schema.json"


def export_schemas(directory: Path) -> list[Path]:
    """Write one file per top-level model and return their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in TOP_LEVEL_MODELS.items():
        path = schema_path(directory, name)
        path.write_text(render_schema(model), encoding="utf-8")
        written.append(path)
    return written


def drifted_schemas(directory: Path) -> list[str]:
    """Names of the models whose committed schema differs from the code (or is missing)."""
    drifted = []
    for name, model in TOP_LEVEL_MODELS.items():
        path = schema_path(directory, name)
        if not path.exists() or path.read_text(encoding="utf-8") != render_schema(model):
            drifted.append(name)
    return drifted
