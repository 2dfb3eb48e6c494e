"""HTML briefing: one self-contained file (inline CSS and script, no external assets).

A Content-Security-Policy with the hashes of the one stylesheet and the one script makes
any script that slipped into the page inert, on top of Jinja2's autoescaping.
"""

from __future__ import annotations

import base64
import hashlib
from importlib.resources import files

from markupsafe import Markup

from summarizer.brief.highlight import build_highlights
from summarizer.brief.model import Briefing
from summarizer.brief.templating import html_environment


def _asset(name: str) -> str:
    return files("summarizer.brief").joinpath("templates", name).read_text(encoding="utf-8")


def _sha256(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(style: str, script: str) -> str:
    """Nothing may load; only our own inline style and script (by hash) may run."""
    return (
        f"default-src 'none'; style-src {_sha256(style)}; script-src {_sha256(script)}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )


def render_html(briefing: Briefing) -> str:
    style, script = _asset("brief.css"), _asset("brief.js")
    template = html_environment().get_template("brief.html.j2")
    return template.render(
        briefing=briefing,
        highlights=build_highlights(briefing),
        style=Markup(style),
        script=Markup(script),
        csp=content_security_policy(style, script),
    )
