"""Markdown briefing: readable in a terminal, and the CLI's default format."""

from __future__ import annotations

from summarizer.brief.model import Briefing
from summarizer.brief.templating import markdown_environment


def render_markdown(briefing: Briefing) -> str:
    return markdown_environment().get_template("brief.md.j2").render(briefing=briefing)
