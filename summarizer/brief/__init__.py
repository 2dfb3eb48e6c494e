"""Cross-article briefings: merge stored records into one Markdown, HTML or JSON briefing."""

from __future__ import annotations

from summarizer.brief.build import build_briefing
from summarizer.brief.model import Briefing, BriefingInput
from summarizer.brief.render_html import render_html
from summarizer.brief.render_json import render_json
from summarizer.brief.render_md import render_markdown

__all__ = [
    "Briefing",
    "BriefingInput",
    "build_briefing",
    "render_html",
    "render_json",
    "render_markdown",
]
