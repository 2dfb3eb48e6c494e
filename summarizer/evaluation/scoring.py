"""Score model records against gold with the README's matching rules.

- A figure matches when units agree and values agree within 0.5% relative tolerance;
  values are compared signed, so a decrease reported as growth does not match.
- A meeting matches when at least two participants' names match after case and
  diacritic folding (one, when the gold meeting names only one participant). A gold
  participant marked `core: false` ("South Korean officials (not named)") is no name to
  match: it stands for people the article does not name.
- An agreement matches on status plus a fuzzy title: the larger of difflib's ratio and
  the token Dice coefficient of the folded titles must reach `TITLE_THRESHOLD` (0.5).
Matching is one-to-one and greedy in record order.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TypeVar

from pydantic import BaseModel, ConfigDict

from summarizer.domain import (
    Agreement,
    ArticleRecord,
    Extraction,
    ExtractionOutcome,
    Figure,
    Meeting,
    OutcomeStatus,
    Verdict,
    VerdictStatus,
)
from summarizer.evaluation.attribution import Matchers, MeaningScores, score_meaning
from summarizer.evaluation.gold import GoldAgreement, GoldArticle, GoldFigure, GoldMeeting
from summarizer.vocabulary import units_agree

RELATIVE_TOLERANCE = Decimal("0.005")
TITLE_THRESHOLD = 0.5


class PRF(BaseModel):
    """Precision, recall and F1 with the counts behind them."""

    model_config = ConfigDict(extra="forbid")

    precision: float
    recall: float
    f1: float
    matched: int
    predicted: int
    gold: int

    @classmethod
    def of(cls, matched: int, predicted: int, gold: int) -> PRF:
        precision = matched / predicted if predicted else 0.0
        recall = matched / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(
            precision=round(precision, 4),
            recall=round(recall, 4),
            f1=round(f1, 4),
            matched=matched,
            predicted=predicted,
            gold=gold,
        )


class ModelScores(BaseModel):
    """How well model records reproduce the gold, and how many the checker accepted."""

    model_config = ConfigDict(extra="forbid")

    figures: PRF
    meetings: PRF
    agreements: PRF
    accepted_rate: float
    articles: int
    meaning: MeaningScores | None = None
    """What matched records say (`attribution.py`); None when no source texts were given."""


def fold_name(text: str) -> str:
    """Case and diacritic folding (Trần Thị Phương Lan -> tran thi phuong lan; đ -> d)."""
    decomposed = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", stripped.casefold()))


def units_match(record_unit: str, gold_unit: str) -> bool:
    """One unit by the vocabulary's rule (aliases, currency lineages, noun stems)."""
    return units_agree(record_unit, gold_unit)


def figure_matches(figure: Figure, gold: GoldFigure) -> bool:
    if not units_match(figure.unit, gold.unit):
        return False
    return abs(figure.value - gold.value) <= abs(gold.value) * RELATIVE_TOLERANCE


def meeting_matches(meeting: Meeting, gold: GoldMeeting) -> bool:
    gold_names = {fold_name(p.name) for p in gold.participants if p.core}
    names = {fold_name(p.name) for p in meeting.participants}
    needed = min(2, len(gold_names))
    return needed > 0 and len(gold_names & names) >= needed


def title_similarity(a: str, b: str) -> float:
    """max(difflib ratio, token Dice) of folded titles."""
    fa, fb = fold_name(a), fold_name(b)
    ratio = difflib.SequenceMatcher(None, fa, fb).ratio()
    ta, tb = set(fa.split()), set(fb.split())
    dice = 2 * len(ta & tb) / (len(ta) + len(tb)) if ta or tb else 0.0
    return max(ratio, dice)


def title_matches(agreement: Agreement, gold: GoldAgreement) -> bool:
    return title_similarity(agreement.title, gold.title) >= TITLE_THRESHOLD


def agreement_matches(agreement: Agreement, gold: GoldAgreement) -> bool:
    return agreement.status.value == gold.status and title_matches(agreement, gold)


R = TypeVar("R")
G = TypeVar("G")


def match_pairs(
    records: Sequence[R], golds: Sequence[G], match: Callable[[R, G], bool]
) -> list[tuple[R, G]]:
    """Greedy one-to-one pairs in record order."""
    free = list(range(len(golds)))
    pairs: list[tuple[R, G]] = []
    for item in records:
        for position, gold_index in enumerate(free):
            if match(item, golds[gold_index]):
                pairs.append((item, golds[gold_index]))
                del free[position]
                break
    return pairs


def count_matches(records: Sequence[R], golds: Sequence[G], match: Callable[[R, G], bool]) -> int:
    """Greedy one-to-one matching in record order."""
    return len(match_pairs(records, golds, match))


ScoredPair = tuple[Extraction | ArticleRecord, Verdict | None, GoldArticle]
"""A record, its verdict (None: the extraction failed) and the gold it is scored against."""


def outcome_pair(outcome: ExtractionOutcome, article_id: str, gold: GoldArticle) -> ScoredPair:
    """What `score_records` takes for one model outcome: a failed run scores as an empty
    record that is never accepted."""
    if outcome.status == OutcomeStatus.failed or outcome.record is None:
        return (ArticleRecord(article_id=article_id, summary=""), None, gold)
    return (outcome.record, outcome.verdict, gold)


def score_records(pairs: Sequence[ScoredPair], texts: Sequence[str] | None = None) -> ModelScores:
    """Micro-averaged P/R/F1 over all articles, plus the checker's acceptance rate; with
    the articles' source texts (in the order of `pairs`), the meaning scores too.

    A verdict of None marks a failed extraction (an empty record): never accepted.
    """
    totals = {name: [0, 0, 0] for name in ("figures", "meetings", "agreements")}
    accepted = 0
    for record, verdict, gold in pairs:
        accepted += verdict is not None and verdict.status == VerdictStatus.accepted
        found = {
            "figures": count_matches(record.figures, gold.figures, figure_matches),
            "meetings": count_matches(record.meetings, gold.meetings, meeting_matches),
            "agreements": count_matches(record.agreements, gold.agreements, agreement_matches),
        }
        sizes = {
            "figures": (len(record.figures), len(gold.figures)),
            "meetings": (len(record.meetings), len(gold.meetings)),
            "agreements": (len(record.agreements), len(gold.agreements)),
        }
        for name, counts in totals.items():
            counts[0] += found[name]
            counts[1] += sizes[name][0]
            counts[2] += sizes[name][1]
    return ModelScores(
        figures=PRF.of(*totals["figures"]),
        meetings=PRF.of(*totals["meetings"]),
        agreements=PRF.of(*totals["agreements"]),
        accepted_rate=round(accepted / len(pairs), 4) if pairs else 0.0,
        articles=len(pairs),
        meaning=None
        if texts is None
        else score_meaning(
            [(*pair, text) for pair, text in zip(pairs, texts, strict=True)],
            Matchers(figure_matches, meeting_matches, title_matches, match_pairs),
        ),
    )
