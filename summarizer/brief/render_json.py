"""JSON briefing: the view model itself, so its shape is the pydantic model's schema."""

from __future__ import annotations

from summarizer.brief.model import Briefing


def render_json(briefing: Briefing) -> str:
    """Decimals are written as strings, so no value loses digits on the way out."""
    return briefing.model_dump_json(indent=2) + "\n"


def parse_json(text: str) -> Briefing:
    """Read a JSON briefing back, validating it (source texts are not part of the JSON)."""
    return Briefing.model_validate_json(text)
