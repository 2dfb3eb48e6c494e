"""Inject one known error into a clean record: the cases of the mutation benchmark.

Every mutation must be genuinely wrong. A mutation whose new value is still a value the
source states with that unit (a transposition that gives the same digits, an invented
value that happens to be in the article) is skipped and counted as skipped, never scored.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from pydantic import ValidationError

from summarizer.crosscheck.quantities import (
    describe,
    is_coarser_rounding,
    significant_step,
    written_step,
)
from summarizer.domain import (
    Direction,
    Extraction,
    Figure,
    FigureKind,
    NumericMention,
    ReasonCode,
)
from summarizer.evaluation.clean import figure_text_at
from summarizer.evaluation.gold import GoldArticle
from summarizer.numbers import extract_mentions
from summarizer.source_text import sentence_around
from summarizer.vocabulary import FRACTION, RATIO, TIMES, unit_class, units_agree

WORD_RATIO_UNITS = frozenset((TIMES, FRACTION, RATIO))
"""Units of multiples, fractions and ratios in words, which a record may write as decimals."""

SEED = 20240531
"""Fixed seed: the benchmark is the same on every run."""

_CURRENCIES = ("USD", "CNY", "EUR", "VND", "JPY")


@dataclass(frozen=True, slots=True)
class Case:
    """One benchmark record: clean (`kind` == 'clean') or carrying exactly one error."""

    kind: str
    article: str
    record: Extraction
    expected: frozenset[ReasonCode]
    note: str
    scope: str = "variant"
    """For clean cases: "article" (all gold figures), "single" (one figure) or "variant"."""


@dataclass(slots=True)
class Skips:
    """Mutations not generated because they would not be wrong (or not applicable)."""

    counts: dict[str, int]

    def add(self, kind: str) -> None:
        self.counts[kind] = self.counts.get(kind, 0) + 1


def _collapse(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


class Mutator:
    """Builds the clean and mutated cases of one article."""

    def __init__(
        self,
        article: str,
        source: str,
        gold: GoldArticle,
        base: Extraction,
        mentions: list[NumericMention],
        skips: Skips,
    ) -> None:
        self.article = article
        self.source = source
        self.gold = gold
        self.base = base
        self.mentions = [m for m in mentions if m.is_figure]
        self.skips = skips
        self.rng = random.Random(f"{SEED}:{article}")
        self.collapsed_source = _collapse(source)

    # ------------------------------------------------------------------ helpers

    def _with_figure(self, index: int, figure: Figure) -> Extraction:
        figures = list(self.base.figures)
        figures[index] = figure
        return self.base.model_copy(update={"figures": figures})

    def _source_states(self, value: Decimal, unit: str) -> bool:
        """True when the article states exactly this magnitude with a compatible unit.

        Only an exact restatement is skipped: a value inside the rounding tolerance of a
        source number ("1.3 billion" for "US$1 billion") is a real error and is scored.
        """
        mine = unit_class(unit)
        for mention in self.mentions:
            theirs = unit_class(mention.unit)
            if mine != theirs and theirs.value != "none":
                continue
            if abs(value) in (mention.value, mention.value_high):
                return True
        return False

    def _case(self, kind: str, record: Extraction, codes: set[ReasonCode], note: str) -> Case:
        return Case(kind, self.article, record, frozenset(codes), note)

    def _value_case(
        self,
        kind: str,
        index: int,
        figure: Figure,
        new_value: Decimal,
        codes: set[ReasonCode],
        note: str,
        **update: object,
    ) -> Iterator[Case]:
        if new_value == figure.value or self._source_states(
            new_value, str(update.get("unit", figure.unit))
        ):
            self.skips.add(kind)
            return
        try:
            changed = replace_figure(figure, value=new_value, **update)
        except ValidationError:
            self.skips.add(kind)  # e.g. a VND quadrillion x1000 leaves the domain's bounds
            return
        for text_variant in self._text_variants(changed):
            yield self._case(
                kind, self._with_figure(index, text_variant), codes, f"figures[{index}]: {note}"
            )

    @staticmethod
    def _text_variants(figure: Figure) -> list[Figure]:
        """The record may keep the source's text, give none, or write its own (wrong) value."""
        own = describe(figure.value, figure.unit)
        return [
            figure,
            replace_figure(figure, text=None),
            replace_figure(figure, text=own),
        ]

    # ------------------------------------------------------------------ figure mutations

    def figure_cases(self) -> Iterator[Case]:
        for index, figure in enumerate(self.base.figures):
            yield from self.scale(index, figure)
            yield from self.transposed(index, figure)
            yield from self.sign(index, figure)
            yield from self.unit(index, figure)
            yield from self.invented(index, figure)
            yield from self.rounding(index, figure)
            yield from self.evidence(index, figure)

    def scale(self, index: int, figure: Figure) -> Iterator[Case]:
        if unit_class(figure.unit).value != "currency" and abs(figure.value) < 1000:
            self.skips.add("scale")
            return
        for factor, word in ((Decimal(1000), "x1000"), (Decimal("0.001"), "/1000")):
            yield from self._value_case(
                "scale",
                index,
                figure,
                figure.value * factor,
                {ReasonCode.scale_mismatch},
                f"value {word}",
            )

    def transposed(self, index: int, figure: Figure) -> Iterator[Case]:
        text = figure.text or ""
        step = written_step(text, figure.value)
        digits = str(int((abs(figure.value) / step).to_integral_value()))
        if not re.search(r"\d", text) or len(digits) < 2:
            self.skips.add("transposed")
            return
        for i in range(len(digits) - 1):
            if digits[i] == digits[i + 1]:
                self.skips.add("transposed")
                continue
            swapped = digits[:i] + digits[i + 1] + digits[i] + digits[i + 2 :]
            new_value = Decimal(int(swapped)) * step * (-1 if figure.value < 0 else 1)
            yield from self._value_case(
                "transposed",
                index,
                figure,
                new_value,
                {ReasonCode.not_in_source, ReasonCode.rounding},
                f"digits {digits}->{swapped}",
            )

    def sign(self, index: int, figure: Figure) -> Iterator[Case]:
        if figure.value == 0:
            self.skips.add("sign")
            return
        flipped_direction = None
        if figure.direction is Direction.up:
            flipped_direction = Direction.down
        elif figure.direction is Direction.down:
            flipped_direction = Direction.up
        # A multiple is positive whichever way it moves ("halved" is 0.5 times, down):
        # there the direction alone carries the sign.
        unsigned = figure.value > 0 and figure.direction is Direction.down
        value = figure.value if unsigned else -figure.value
        changed = replace_figure(figure, value=value, direction=flipped_direction)
        for variant in self._text_variants(changed):
            yield self._case(
                "sign",
                self._with_figure(index, variant),
                {ReasonCode.direction_flip},
                f"figures[{index}]: sign flipped",
            )

    def _written_without_unit(self, figure: Figure) -> bool:
        """The source number the figure quotes is written without a unit ("knocked off
        0.4", "10 more"): no unit swap contradicts it, by the check's documented policy."""
        if not figure.text:
            return False
        start = figure_text_at(self.source, figure.text)
        end = start + len(figure.text)
        quoted = [m for m in self.mentions if start >= 0 and m.start < end and start < m.end]
        return bool(quoted) and all(m.unit is None for m in quoted)

    def unit(self, index: int, figure: Figure) -> Iterator[Case]:
        if self._written_without_unit(figure):
            self.skips.add("unit")
            return
        cls = unit_class(figure.unit).value
        if cls == "currency":
            swaps = [*[c for c in _CURRENCIES if c != figure.unit][:3], "percent"]
        elif cls == "percent":
            swaps = ["percentage_point", "USD", "companies"]
        elif cls == "percentage_point":
            swaps = ["percent", "USD"]
        else:
            swaps = ["companies", "USD", "percent"]
        for unit in swaps:
            codes = {ReasonCode.unit_mismatch}
            if {cls, unit} == {"percent", "percentage_point"}:
                codes = {ReasonCode.percent_vs_points}
            try:
                changed = replace_figure(figure, unit=unit)
            except ValidationError:
                self.skips.add("unit")  # e.g. "halved" (0.5 times, down) as a count
                continue
            for variant in self._text_variants(changed):
                yield self._case(
                    "unit",
                    self._with_figure(index, variant),
                    codes,
                    f"figures[{index}]: unit {figure.unit}->{unit}",
                )

    def invented(self, index: int, figure: Figure) -> Iterator[Case]:
        step = written_step(figure.text or "", figure.value)
        for _ in range(3):
            factor = Decimal(str(round(self.rng.choice([0.5, 0.7, 0.8, 1.3, 1.6, 2.2]), 2)))
            raw = abs(figure.value) * factor + step * self.rng.randint(1, 9)
            new_value = (raw / step).to_integral_value() * step
            if figure.value < 0:
                new_value = -new_value
            yield from self._value_case(
                "invented",
                index,
                figure,
                new_value,
                {ReasonCode.not_in_source, ReasonCode.rounding, ReasonCode.scale_mismatch},
                f"invented value {new_value}",
            )

    def rounding(self, index: int, figure: Figure) -> Iterator[Case]:
        if figure.unit in WORD_RATIO_UNITS and not re.search(r"\d", figure.text or ""):
            # "one-third" written as 0.333 or 0.33 is the same figure, not a rounding error
            self.skips.add("rounding")
            return
        step = written_step(figure.text or "", figure.value)
        for coarser in (step * 10, step * 100):
            magnitude = (abs(figure.value) / coarser).quantize(
                Decimal(1), rounding=ROUND_HALF_UP
            ) * coarser
            if magnitude == 0:
                self.skips.add("rounding")
                continue
            new_value = -magnitude if figure.value < 0 else magnitude
            yield from self._value_case(
                "rounding",
                index,
                figure,
                new_value,
                {ReasonCode.rounding, ReasonCode.not_in_source},
                f"rounded to {coarser}",
            )

    _WORD = re.compile(r"\b[A-Za-z][a-z]{4,}\b")
    _SUBSTITUTES = ("investment", "Thailand", "declined", "tourism", "Cambodia")

    def evidence(self, index: int, figure: Figure) -> Iterator[Case]:
        protected = _collapse(figure.text or "")
        words = [w for w in self._WORD.findall(figure.evidence) if _collapse(w) not in protected]
        variants: list[tuple[str, str]] = []
        if words:
            word = words[len(words) // 2]
            substitute = next(s for s in self._SUBSTITUTES if s.lower() != word.lower())
            variants.append((figure.evidence.replace(word, substitute, 1), f"{word}->{substitute}"))
            variants.append(
                (" ".join(figure.evidence.replace(word, "", 1).split()), f"dropped {word}")
            )
        variants.append((figure.evidence.rstrip(".") + " in 2019.", "added a claim"))
        for altered, note in variants:
            if _collapse(altered) in self.collapsed_source:
                self.skips.add("evidence")
                continue
            changed = replace_figure(figure, evidence=altered)
            yield self._case(
                "evidence",
                self._with_figure(index, changed),
                {ReasonCode.evidence_not_in_source},
                f"figures[{index}]: evidence {note}",
            )
        yield from self.wrong_sentence(index, figure)

    def wrong_sentence(self, index: int, figure: Figure) -> Iterator[Case]:
        """Evidence that is a real source sentence, but one not stating the figure."""
        own = _collapse(figure.evidence)
        sentences = {sentence_around(self.source, m.start, m.end) for m in self.mentions} - {
            figure.evidence
        }
        for sentence in sorted(sentences):
            if _collapse(sentence) in own or own in _collapse(sentence):
                continue
            states = [
                m
                for m in self.mentions
                if m.start >= self.source.find(sentence)
                and m.end <= self.source.find(sentence) + len(sentence)
                and abs(m.value - abs(figure.value)) * 2 <= written_step(m.text, m.value)
            ]
            if states:
                continue
            changed = replace_figure(figure, evidence=sentence)
            yield self._case(
                "evidence_wrong_sentence",
                self._with_figure(index, changed),
                {ReasonCode.evidence_missing_figure},
                f"figures[{index}]: evidence from another sentence",
            )
            return
        self.skips.add("evidence_wrong_sentence")

    # ------------------------------------------------------------------ breakdowns

    def breakdown_cases(self) -> Iterator[Case]:
        groups: dict[int, list[int]] = {}
        for index, figure in enumerate(self.base.figures):
            if figure.part_of is not None:
                groups.setdefault(figure.part_of, []).append(index)
        for total, parts in groups.items():
            figures = self.base.figures
            for part_index in parts:
                part = figures[part_index]
                step = written_step(part.text or "", part.value)
                for factor in (Decimal("1.25"), Decimal("0.8"), Decimal("1.1")):
                    bumped = ((part.value * factor) / step).to_integral_value() * step
                    yield self._breakdown(
                        {part_index: replace_figure(part, value=bumped)},
                        {ReasonCode.breakdown_mismatch, ReasonCode.not_in_source},
                        f"part figures[{part_index}] changed to {bumped}",
                    )
            total_step = written_step(figures[total].text or "", figures[total].value)
            parts_sum = sum((figures[p].value for p in parts), Decimal(0))
            slack = (
                sum((_written_step(figures[p]) for p in parts), Decimal(0))
                + _written_step(figures[total])
            ) / 2
            for steps in (10, -10, 3, -3):
                new_total = figures[total].value + total_step * steps
                for with_text in (True, False):
                    changed = replace_figure(
                        figures[total],
                        value=new_total,
                        text=figures[total].text if with_text else None,
                    )
                    codes = {ReasonCode.total_contradicted}
                    if is_coarser_rounding(new_total, figures[total].value, total_step):
                        codes.add(ReasonCode.rounding)  # e.g. 36 billion for 35.7: also right
                    if abs(new_total - parts_sum) <= slack:
                        # The parts, rounded as written, still add up to the new total:
                        # they cannot contradict it, it is only not the source's number.
                        codes.add(ReasonCode.not_in_source)
                    yield self._breakdown(
                        {total: changed},
                        codes,
                        f"total figures[{total}] changed to {new_total}",
                    )
            yield self._breakdown(
                {parts[0]: replace_figure(figures[parts[0]], part_of=None)},
                {ReasonCode.breakdown_mismatch},
                f"figures[{parts[0]}] dropped from the breakdown",
            )
            others = [
                i
                for i, f in enumerate(figures)
                if i != total and i not in parts and f.kind != FigureKind.change
            ]
            if others:
                extra = others[0]
                yield self._breakdown(
                    {extra: replace_figure(figures[extra], part_of=total)},
                    {ReasonCode.breakdown_mismatch},
                    f"figures[{extra}] wrongly added to the breakdown",
                )

    def _breakdown(self, changes: dict[int, Figure], codes: set[ReasonCode], note: str) -> Case:
        figures = list(self.base.figures)
        for index, figure in changes.items():
            figures[index] = figure
        record = self.base.model_copy(update={"figures": figures})
        return self._case("breakdown", record, codes, note)

    # ------------------------------------------------------------------ dates

    def date_cases(self) -> Iterator[Case]:
        for index, meeting in enumerate(self.base.meetings):
            if meeting.date is None or not meeting.date_text:
                self.skips.add("date")
                continue
            shifts = (
                (dt.timedelta(days=1), "one day later"),
                (dt.timedelta(days=-1), "one day earlier"),
                (dt.timedelta(days=7), "a week later"),
                (dt.timedelta(days=-365), "a year earlier"),
            )
            for delta, note in shifts:
                changed = meeting.model_copy(update={"date": meeting.date + delta})
                yield self._meeting_case(index, changed, f"date {note}")
            for text in ("on Friday", "March 3", "on Sunday", "December 12"):
                if _collapse(text) in self.collapsed_source:
                    self.skips.add("date")
                    continue
                changed = meeting.model_copy(update={"date_text": text})
                yield self._meeting_case(index, changed, f"date_text {text!r} not in source")

    def _meeting_case(self, index: int, meeting: object, note: str) -> Case:
        meetings = list(self.base.meetings)
        meetings[index] = meeting  # type: ignore[call-overload]
        record = self.base.model_copy(update={"meetings": meetings})
        return self._case("date", record, {ReasonCode.date_mismatch}, f"meetings[{index}]: {note}")

    # ------------------------------------------------------------------ summary

    def _restates_source(self, text: str) -> bool:
        """Every number of `text` is one the source states ('between 50,000 and 50,000
        bpd' after the 20,000 was changed): no number in it is wrong."""
        mentions = [m for m in extract_mentions(text) if m.is_figure]
        return bool(mentions) and all(
            any(
                abs(m.value) in (s.value, s.value_high)
                and (m.unit is None or s.unit is None or units_agree(m.unit, s.unit))
                for s in self.mentions
            )
            for m in mentions
        )

    def summary_cases(self) -> Iterator[Case]:
        for figure in self.gold.figures:
            if figure.text not in self.base.summary:
                continue
            for new_text, _note in _summary_variants(figure.text):
                if _collapse(new_text) in self.collapsed_source or self._restates_source(new_text):
                    self.skips.add("summary")
                    continue
                summary = self.base.summary.replace(figure.text, new_text, 1)
                yield self._case(
                    "summary",
                    self.base.model_copy(update={"summary": summary}),
                    {
                        ReasonCode.scale_mismatch,
                        ReasonCode.not_in_source,
                        ReasonCode.rounding,
                        ReasonCode.unit_mismatch,
                    },
                    f"summary: {figure.text!r} -> {new_text!r}",
                )


def _summary_variants(text: str) -> list[tuple[str, str]]:
    """A wrong scale word, a changed digit, a swapped currency."""
    out: list[tuple[str, str]] = []
    for a, b in (("billion", "million"), ("million", "billion")):
        if a in text:
            out.append((text.replace(a, b), f"{a}->{b}"))
            break
    match = re.search(r"\d", text)
    if match:
        digit = match.group()
        new = str((int(digit) + 3) % 10)
        out.append((text[: match.start()] + new + text[match.end() :], f"digit {digit}->{new}"))
    if "USD" in text:
        out.append((text.replace("USD", "EUR"), "USD->EUR"))
    return out


def _written_step(figure: Figure) -> Decimal:
    """The last written place of a figure (as the breakdown check's tolerance counts it)."""
    return max(written_step(figure.text or "", figure.value), significant_step(figure.value))


def _signed(figure: Figure, value: Decimal) -> Figure:
    """A validated copy with a new value."""
    return replace_figure(figure, value=value)


def replace_figure(figure: Figure, **update: object) -> Figure:
    """A copy with some fields changed, validated like a model's output would be."""
    return Figure.model_validate({**figure.model_dump(), **update})
