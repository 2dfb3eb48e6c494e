"""A Markdown briefing of ONE extraction outcome: record, figures, agreements and the verdict.

Values and agreement headings come from `summarizer.render.formatting`, as in the
briefing. Each figure row shows the clause that states it (its frame) and what the cross-check
made of it: `ok`, `flagged: <fields>` or `unconfirmed: <fields>` (the verdict's
`unverified` list, e.g. an agreement status with no status words in its sentence).
"""

from __future__ import annotations

from collections import defaultdict

from summarizer.domain import (
    Agreement,
    AgreementStatus,
    ArticleRecord,
    ExtractionOutcome,
    Meeting,
    OutcomeStatus,
    Verdict,
)
from summarizer.fieldpath import is_under
from summarizer.render.formatting import AGREEMENT_ORDER, figure_clause, format_figure
from summarizer.review.terminal import terminal_safe


def _cell(text: object) -> str:
    """Table cells may not hold pipes or line breaks."""
    return str(text).replace("|", "\\|").replace("\n", " ")


def _participant(meeting: Meeting) -> str:
    names = []
    for person in meeting.participants:
        extras = ", ".join(part for part in (person.title, person.country) if part)
        names.append(f"{person.name} ({extras})" if extras else person.name)
    return "; ".join(names)


def _meetings(record: ArticleRecord) -> list[str]:
    if not record.meetings:
        return ["_No meetings reported._"]
    lines = []
    for meeting in record.meetings:
        when = meeting.date.isoformat() if meeting.date else (meeting.date_text or "date not given")
        where = meeting.location or "place not given"
        lines.append(f"- **{meeting.kind.value.replace('_', ' ')}**, {when}, {where}: ")
        lines[-1] += _participant(meeting)
        if meeting.topics:
            lines.append(f"  - Topics: {', '.join(meeting.topics)}")
    return lines


def _marks(verdict: Verdict | None, prefix: str) -> str:
    """'flagged: metric; unconfirmed: period' for the fields under `prefix`, else 'ok'."""
    if verdict is None:
        return ""
    flagged = sorted(
        {_leaf(d.field, prefix) for d in verdict.discrepancies if is_under(d.field, prefix)}
    )
    unconfirmed = sorted(
        {_leaf(u.field, prefix) for u in verdict.unverified if is_under(u.field, prefix)}
    )
    parts = []
    if flagged:
        parts.append("flagged: " + ", ".join(flagged))
    if unconfirmed:
        parts.append("unconfirmed: " + ", ".join(unconfirmed))
    return "; ".join(parts) or "ok"


def _leaf(field: str, prefix: str) -> str:
    return field[len(prefix) + 1 :] or "value" if field != prefix else "value"


def _figures(record: ArticleRecord, verdict: Verdict | None = None) -> list[str]:
    if not record.figures:
        return ["_No figures reported._"]
    lines = [
        "| Figure | Value | Kind | What | Period | Clause | Check |",
        "|---|---|---|---|---|---|---|",
    ]
    for index, figure in enumerate(record.figures):
        kind = figure.kind.value
        if figure.direction is not None:
            kind += f" ({figure.direction.value})"
        lines.append(
            "| "
            + " | ".join(
                _cell(part)
                for part in (
                    figure.text or "",
                    format_figure(figure),
                    kind,
                    figure.metric,
                    figure.period or "",
                    figure_clause(figure),
                    _marks(verdict, f"figures[{index}]"),
                )
            )
            + " |"
        )
    return lines


def _agreements(record: ArticleRecord, verdict: Verdict | None = None) -> list[str]:
    if not record.agreements:
        return ["_No agreements reported._"]
    grouped: dict[AgreementStatus, list[Agreement]] = defaultdict(list)
    for agreement in record.agreements:
        grouped[agreement.status].append(agreement)
    lines: list[str] = []
    for status, label in AGREEMENT_ORDER:
        if status not in grouped:
            continue
        if lines:
            lines.append("")
        lines += [f"**{label}**", ""]
        for agreement in grouped[status]:
            parties = f" ({', '.join(agreement.parties)})" if agreement.parties else ""
            check = _marks(verdict, f"agreements[{record.agreements.index(agreement)}]")
            note = f" — {check}" if check and check != "ok" else ""
            lines.append(f"- {agreement.title} [{agreement.type.value}]{parties}{note}")
            if agreement.evidence:
                lines.append(f"  > {agreement.evidence}")
    return lines


def _verdict(verdict: Verdict) -> list[str]:
    head = (
        f"**{verdict.status.value.upper()}**: {verdict.numbers_checked} number(s) checked "
        f"against the source, {len(verdict.discrepancies)} discrepancy(ies)."
    )
    lines = [head]
    for item in verdict.discrepancies:
        source = f' Source: "{item.source}".' if item.source else ""
        lines.append(f"- `{item.code.value}` at `{item.field}`: {item.message}{source}")
    if verdict.unverified:
        lines += ["", "Not confirmed by the source (no flag; read the quoted sentence):"]
        for field in verdict.unverified:
            lines.append(f"- `{field.field}` = {field.claim}: {field.reason}")
    return lines


def render_outcome_markdown(outcome: ExtractionOutcome) -> str:
    """The briefing; a failed outcome renders its error and the last raw model output.

    It is printed to a terminal, so control and bidi characters from the article or the
    model (in a clause, a title, a quoted sentence) are written as visible escapes."""
    if outcome.status == OutcomeStatus.failed or outcome.record is None:
        lines = ["# Extraction failed", "", f"{outcome.error or 'no detail'}"]
        if outcome.raw_output:
            lines += ["", "Last model output:", "", "```", outcome.raw_output[:4000], "```"]
        return terminal_safe("\n".join(lines) + "\n")
    record = outcome.record
    title = record.meta.title or record.meta.source or record.article_id
    lines = [f"# {title}", ""]
    if record.meta.published:
        lines += [f"Published {record.meta.published.isoformat()}", ""]
    lines += [record.summary, "", "## Meetings", "", *_meetings(record)]
    lines += ["", "## Figures", "", *_figures(record, outcome.verdict)]
    lines += ["", "## Agreements", "", *_agreements(record, outcome.verdict)]
    if outcome.verdict is not None:
        lines += ["", "## Cross-check", "", *_verdict(outcome.verdict)]
    provenance = record.provenance
    if provenance is not None:
        usage = provenance.usage
        lines += [
            "",
            f"_Model {provenance.model}, prompt {provenance.prompt_version}, schema "
            f"{provenance.schema_version}; {usage.prompt_tokens}+{usage.completion_tokens} "
            f"tokens over {provenance.attempts} attempt(s)._",
        ]
    return terminal_safe("\n".join(lines) + "\n")


__all__ = ["render_outcome_markdown"]
