"""The Jinja2 environments: HTML with autoescape always on, Markdown with cell escaping.

Everything in a briefing that came from an article or a model is untrusted, so the HTML
environment escapes by default and only `Markup` built by `highlight.py` (which escapes
the text itself) is inserted raw. Control and bidi characters are shown, never obeyed
(`summarizer.review.terminal`): as visible escapes (``\\x1b``, ``\\u202e``) in Markdown,
which is printed to a terminal, and as ``[U+202E]`` markers in HTML.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined

from summarizer.brief.model import Briefing, FigureReport
from summarizer.review.terminal import terminal_safe, visible_controls

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md_text(value: object) -> str:
    """Untrusted text for Markdown: one line, markup characters backslash-escaped, control
    and bidi characters written as visible escapes."""
    if value is None:
        return ""
    text = " ".join(str(value).split())
    return terminal_safe(_MD_SPECIAL.sub(r"\\\1", text), single_line=True)


def code(value: object) -> str:
    """Untrusted text for a Markdown code span: one line, no backticks, controls visible."""
    return terminal_safe(" ".join(str(value).replace("`", "'").split()), single_line=True)


def quoted_clauses(reports: list[FigureReport]) -> str:
    """The clause of each report, quoted for a Markdown cell; several sources are named."""
    clauses = [(report.source_id, report.clause) for report in reports if report.clause]
    if len(clauses) == 1:
        return f"“{md_text(clauses[0][1])}”"
    return "; ".join(f"{source_id}: “{md_text(clause)}”" for source_id, clause in clauses)


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
        finalize=visible_controls if autoescape else None,
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
    env.filters["quoted_clauses"] = quoted_clauses
    return env


@cache
def html_environment() -> Environment:
    return _environment(autoescape=True)


@cache
def markdown_environment() -> Environment:
    return _environment(autoescape=False)
