"""Whether a model's matched records *mean* what the gold says, not only carry its numbers.

A figure matches gold on value and unit (`scoring.figure_matches`); that says nothing
about what the record claims the number measures. These scores compare, for matched
pairs only, what a reader would take from the record with the gold's words:

- **metric**: the figure's `metric` names the gold `what`'s parties in the same roles
  (`meaning.parse_flow`: who exports to whom, whose imports, a two-way total or a balance),
  no party the gold does not name (the article's own country aside: news copy leaves it
  unsaid, and a record may say it; a party the gold names only in parentheses, "Hainan's
  exports (to Vietnam)", is implied: a record may leave it out), and no other measure
  (`meaning.measures_of`: a price called an export, a deficit called a total);
- **period**: the years, the "first N months" count and the month names of the record's
  period agree with the gold `period` (`frames.read_period`; period words that name no
  year are the publication year's; no period at all, where the gold names one, is wrong);
- **agreement status**: agreements paired by title alone (`scoring.title_similarity`),
  so a wrong status is counted here rather than hidden as an unmatched title;
- **meeting date**: matched meetings whose resolved date equals the gold date.

These are evaluation rules, written from the gold format's definitions
(`../shared/eval/README.md`); the cross-checker never sees gold.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict, computed_field

from summarizer.crosscheck.meaning import (
    flow_problem,
    home_place,
    measures_of,
    one_way_measures,
    parse_flow,
    proper_names,
    same_party,
    trading_parties,
)
from summarizer.crosscheck.wordmatch import canonical, tokens_of
from summarizer.domain import Agreement, Extraction, Figure, Meeting, Verdict, VerdictStatus
from summarizer.evaluation.gold import GoldAgreement, GoldArticle, GoldFigure, GoldMeeting
from summarizer.frames import LAST_MONTH, months_spanned, read_period
from summarizer.numbers.lexicon import MONTHS
from summarizer.vocabulary import CURRENCY_WORDS


class Share(BaseModel):
    """`right` of `judged` pairs, and the rate (1.0 when nothing was judged)."""

    model_config = ConfigDict(extra="forbid")

    right: int = 0
    judged: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def rate(self) -> float:
        return self.right / self.judged if self.judged else 1.0

    def add(self, right: bool) -> None:
        self.judged += 1
        self.right += right


class MeaningScores(BaseModel):
    """Meaning of matched records against gold, plus what an accepted record got wrong."""

    model_config = ConfigDict(extra="forbid")

    attribution: Share = Share()
    """Matched figures whose metric and period are both right (the issue's target)."""
    metric: Share = Share()
    period: Share = Share()
    """Only pairs whose gold names a period."""
    agreement_status: Share = Share()
    meeting_date: Share = Share()
    accepted_role_swaps: int = 0
    """Matched figures of *accepted* records whose metric swaps the gold's exporter."""
    accepted_wrong_status: int = 0
    """Title-paired agreements of *accepted* records whose status differs from the gold."""


def _parties_named(phrase: str, parties: frozenset[str]) -> set[str]:
    """Parties a phrase names; the country word of a currency ("US dollar equivalent",
    "Chinese yuan") names a currency, not a party."""
    tokens = tokens_of(phrase)
    named = set()
    for i, token in enumerate(tokens):
        following = tokens[i + 1].folded if i + 1 < len(tokens) else ""
        if following in CURRENCY_WORDS:
            continue
        named.add(canonical(token.folded))
    return named & parties


def _covered(names: set[str], others: set[str]) -> bool:
    return all(any(same_party(a, b) for b in others) for a in names)


def metric_problem(metric: str, what: str, text: str) -> str | None:
    """Why a record's metric does not say what the gold `what` says, or None.

    'role_swap' / 'wrong_metric' (the flows disagree), 'missing_party', 'extra_party',
    'other_measure'."""
    names = proper_names(text)
    home = home_place(text)
    parties = trading_parties(text)
    claimed = parse_flow(metric, names, home, parties)
    gold = parse_flow(what, names, home, parties)
    flow = flow_problem(claimed, gold)
    if flow is not None:
        return flow.value
    local = parties & names
    said = _parties_named(metric, local)
    meant = _parties_named(re.sub(r"\([^()]*\)", " ", what), local)
    implied = _parties_named(what, local)
    if not _covered(meant - {home or ""}, said):
        return "missing_party"
    if not _covered(said - {home or ""}, implied):
        return "extra_party"
    claimed_measures, gold_measures = measures_of(metric), measures_of(what)
    # exports and imports are one measure here: which way is parse_flow's to judge
    if (
        claimed_measures
        and gold_measures
        and not _scored_measures(claimed_measures) & _scored_measures(gold_measures)
    ):
        return "other_measure"
    return None


_SIGNED_BALANCES = frozenset({"surplus", "deficit"})


def _scored_measures(measures: frozenset[str]) -> frozenset[str]:
    """Measures as the scorer compares them: exports and imports as one (`one_way_measures`),
    and a balance named without its sign ("the gap between exports and imports", "the
    imbalance") as the surplus or deficit the gold names: it is that figure, and which sign
    it has is the number's to say."""
    scored = one_way_measures(measures)
    if "balance" in scored and not scored & _SIGNED_BALANCES:
        scored |= _SIGNED_BALANCES
    return scored


def _months_named(text: str) -> frozenset[int]:
    """Month numbers a period names ("December 1-20, 2024" -> {12})."""
    return frozenset(MONTHS[w] for w in re.findall(r"[a-z]+", text.lower()) if w in MONTHS)


def months_covered(text: str, published: dt.date | None = None) -> frozenset[int]:
    """The calendar months a period covers: "the first seven months", "January-July" and
    "the first half" of a year's start are {1..7}, {1..7}, {1..6}; "in July" is {7}; "last
    month" the month before publication; none named is the empty set (`frames.months_spanned`
    reads the forms the frames read)."""
    if published is not None and LAST_MONTH.search(text):
        return frozenset({(published.month - 2) % 12 + 1})
    return months_spanned(text) or _months_named(text)


def period_agrees(period: str | None, gold_period: str, published: dt.date | None) -> bool:
    """The record's period names the gold's years and covers the gold's months
    (`months_covered`); period words that name no year ("in July") are the publication
    year's; a record with no period where the gold names one is not right."""
    if not period:
        return False  # the gold names a period, the record none: the reader cannot tell
    gold_years, _ = read_period(gold_period, published)
    years, _ = read_period(period, published)
    if not years and published is not None:
        years = frozenset({published.year})
    if gold_years and years != gold_years:
        return False
    gold_months = months_covered(gold_period, published)
    return not gold_months or gold_months == months_covered(period, published)


def _judged_period(gold: GoldFigure) -> bool:
    text = gold.period or ""
    years, months = read_period(text)
    return bool(years) or months is not None or bool(_months_named(text))


class Matchers(NamedTuple):
    """The scoring module's pairing rules (`scoring.py` owns them; passed in, so this
    module does not import the one that imports it)."""

    figure: Callable[[Figure, GoldFigure], bool]
    meeting: Callable[[Meeting, GoldMeeting], bool]
    title: Callable[[Agreement, GoldAgreement], bool]
    pairs: Callable[..., list[tuple[Any, Any]]]


def score_meaning(
    items: Sequence[tuple[Extraction, Verdict | None, GoldArticle, str]], match: Matchers
) -> MeaningScores:
    """Meaning scores over (record, verdict, gold, source text) of every article."""
    scores = MeaningScores()
    for record, verdict, gold, text in items:
        accepted = verdict is not None and verdict.status == VerdictStatus.accepted
        for figure, gold_figure in match.pairs(record.figures, gold.figures, match.figure):
            problem = (
                metric_problem(figure.metric, gold_figure.what, text) if gold_figure.what else None
            )
            metric_right = problem is None
            scores.metric.add(metric_right)
            period_right = True
            if _judged_period(gold_figure):
                period_right = period_agrees(
                    figure.period, gold_figure.period or "", gold.published
                )
                scores.period.add(period_right)
            scores.attribution.add(metric_right and period_right)
            scores.accepted_role_swaps += accepted and problem == "role_swap"
        titled = match.pairs(record.agreements, gold.agreements, match.title)
        for agreement, gold_agreement in titled:
            right = agreement.status.value == gold_agreement.status
            scores.agreement_status.add(right)
            scores.accepted_wrong_status += accepted and not right
        for meeting, gold_meeting in match.pairs(record.meetings, gold.meetings, match.meeting):
            scores.meeting_date.add(meeting.date == gold_meeting.iso_date)
    return scores
