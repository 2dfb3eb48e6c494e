"""The Jinja2 environments: HTML with autoescape always on, Markdown with cell escaping.

Everything in a briefing that came from an article or a model is untrusted, so the HTML
environment escapes by default and only `Markup` built by `highlight.py` (which escapes
the text itself) is inserted raw.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from summarizer.brief.model import Briefing

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md_text(value: object) -> str:
    """Untrusted text for Markdown: one line, with markup characters backslash-escaped."""
    if value is None:
        return ""
    text = " ".join(str(value).split())
    return _MD_SPECIAL.sub(r"\\\1", text)


def code(value: object) -> str:
    """Untrusted text for a Markdown code span: one line, no backticks."""
    return " ".join(str(value).replace("`", "'").split())


def shorten(text: str, limit: int = 40) -> str:
    """Cut long titles for table cells, at a word boundary."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(" ,.;:") + "…"


def source_label(source_id: str, briefing: Briefing) -> str:
    """'S1 (Short title)' for a Markdown table cell, escaped."""
    return f"{source_id} ({md_text(shorten(briefing.source(source_id).label))})"


def show_date(value: dt.date | None) -> str:
    return value.isoformat() if value else "date not given"


_LABELS = {"mou": "MoU"}


def label(value: object) -> str:
    """An enum value for a reader: 'work_plan' -> 'work plan', 'mou' -> 'MoU'."""
    text = str(value)
    return _LABELS.get(text, text.replace("_", " "))


def _environment(autoescape: bool) -> Environment:
    env = Environment(
        loader=PackageLoader("summarizer.brief", "templates"),
        autoescape=autoescape,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_text
    env.filters["show_date"] = show_date
    env.filters["label"] = label
    env.filters["code"] = code
    env.filters["shorten"] = shorten
    env.filters["source_label"] = source_label
    return env


@cache
def html_environment() -> Environment:
    return _environment(autoescape=True)


@cache
def markdown_environment() -> Environment:
    return _environment(autoescape=False)
