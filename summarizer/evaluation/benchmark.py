"""The mutation benchmark: clean records must be accepted, each injected error flagged."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from summarizer.crosscheck import check_record
from summarizer.crosscheck.quantities import describe
from summarizer.domain import ArticleMeta, Extraction, NumericMention, SourceArticle
from summarizer.evaluation.clean import clean_record, figure_text_at
from summarizer.evaluation.gold import GoldArticle
from summarizer.evaluation.mutations import Case, Mutator, Skips, replace_figure
from summarizer.numbers import extract_mentions
from summarizer.source_text import article_id_for

_STRAIGHTEN = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_CURL = str.maketrans({"'": "’", '"': "”", "-": "–"})


@dataclass(slots=True)
class KindResult:
    """Outcome of all cases of one error kind (or of the clean cases)."""

    cases: int = 0
    flagged: int = 0
    expected_code: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.flagged / self.cases if self.cases else 0.0

    @property
    def code_rate(self) -> float:
        return self.expected_code / self.cases if self.cases else 0.0


@dataclass(slots=True)
class BenchmarkResult:
    """Detection per error kind, false alarms on clean records, and skipped mutations."""

    kinds: dict[str, KindResult]
    clean: KindResult
    skipped: dict[str, int]
    single: KindResult = field(default_factory=KindResult)
    """Clean records holding one correct gold figure each."""
    whole: KindResult = field(default_factory=KindResult)
    """Clean records holding all of an article's gold figures (the base record)."""
    flagged_bases: list[str] = field(default_factory=list)
    """Articles whose clean base record is already flagged, with the reasons."""
    gold_skipped: list[str] = field(default_factory=list)
    """Gold items the schema could not hold (unknown unit or qualifier), with reasons."""

    @property
    def cases(self) -> int:
        return self.clean.cases + sum(k.cases for k in self.kinds.values())

    @property
    def false_alarm_rate(self) -> float:
        return self.clean.rate


@dataclass(frozen=True, slots=True)
class ArticleInput:
    """One article of the benchmark: its name, normalised text and gold annotation."""

    name: str
    text: str
    gold: GoldArticle

    def source(self) -> SourceArticle:
        """The article as the model path receives it (`eval --extract`, bench_extraction)."""
        return SourceArticle(
            article_id=article_id_for(self.text),
            text=self.text,
            meta=ArticleMeta(source=self.name, published=self.gold.published),
        )


def clean_variants(
    name: str, source: str, base: Extraction, mentions: list[NumericMention]
) -> Iterator[Case]:
    """Correct records: the base, and each figure written in another acceptable way."""
    yield Case("clean", name, base, frozenset(), "gold-derived record", scope="article")
    for index, figure in enumerate(base.figures):
        single = replace_figure(figure, part_of=None)
        summary = f"Reported: {figure.text}." if figure.text else "Reported one figure."
        yield Case(
            "clean",
            name,
            Extraction(summary=summary, figures=[single]),
            frozenset(),
            f"figures[{index}] alone",
            scope="single",
        )
    yield Case(
        "clean",
        name,
        base.model_copy(update={"figures": [replace_figure(f, text=None) for f in base.figures]}),
        frozenset(),
        "no figure texts",
    )
    for index, figure in enumerate(base.figures):
        variants: list[tuple[str, dict[str, object]]] = [
            ("NFD evidence", {"evidence": unicodedata.normalize("NFD", figure.evidence)}),
            ("straight quotes", {"evidence": figure.evidence.translate(_STRAIGHTEN)}),
            ("curly quotes", {"evidence": figure.evidence.translate(_CURL)}),
            ("spaced evidence", {"evidence": "  " + figure.evidence.replace(" ", "  ") + " "}),
            ("reworded text", {"text": describe(figure.value, figure.unit)}),
        ]
        start = figure_text_at(source, figure.text) if figure.text else 0
        owner = [m for m in mentions if m.start <= start < m.end]
        if owner:
            variants.append(("mention id", {"mention_id": owner[0].id, "text": None}))
        if figure.text and figure.text in figure.evidence:
            at = figure.evidence.find(figure.text)
            clause = figure.evidence[max(0, at - 25) : at + len(figure.text) + 10]
            clause = " ".join(clause.split(" ")[1:-1]) if clause.count(" ") > 2 else clause
            if figure.text in clause:
                variants.append(("clause evidence", {"evidence": clause}))
        parts = [f for f in base.figures if f.part_of == index]
        if parts:
            exact = sum((p.value for p in parts), Decimal(0))
            variants.append(("computed total", {"value": exact}))
        for note, update in variants:
            figures = list(base.figures)
            figures[index] = replace_figure(figure, **update)
            yield Case(
                "clean",
                name,
                base.model_copy(update={"figures": figures}),
                frozenset(),
                f"figures[{index}]: {note}",
            )


def article_cases(
    article: ArticleInput, skips: Skips, gold_skipped: list[str] | None = None
) -> Iterator[Case]:
    """Every clean and mutated case of one article."""
    mentions = extract_mentions(article.text)
    base = clean_record(article.text, article.gold, gold_skipped)
    yield from clean_variants(article.name, article.text, base, mentions)
    mutator = Mutator(article.name, article.text, article.gold, base, mentions, skips)
    yield from mutator.figure_cases()
    yield from mutator.breakdown_cases()
    yield from mutator.date_cases()
    yield from mutator.summary_cases()


def run_benchmark(articles: list[ArticleInput]) -> BenchmarkResult:
    """Check every case; a case is detected when the verdict is flagged."""
    skips = Skips({})
    kinds: dict[str, KindResult] = {}
    clean = KindResult()
    result_of = BenchmarkResult(kinds=kinds, clean=clean, skipped=skips.counts)
    for article in articles:
        mentions = extract_mentions(article.text)
        for case in article_cases(article, skips, result_of.gold_skipped):
            verdict = check_record(
                article.text, case.record, published=article.gold.published, mentions=mentions
            )
            result = clean if case.kind == "clean" else kinds.setdefault(case.kind, KindResult())
            result.cases += 1
            codes = {d.code for d in verdict.discrepancies}
            flagged = bool(codes)
            result.flagged += flagged
            if case.kind == "clean":
                reasons = "; ".join(d.message for d in verdict.discrepancies)
                if flagged:
                    result.misses.append(f"{case.article} {case.note}: {reasons}")
                scoped = {"single": result_of.single, "article": result_of.whole}.get(case.scope)
                if scoped is not None:
                    scoped.cases += 1
                    scoped.flagged += flagged
                    if flagged:
                        scoped.misses.append(f"{case.article} {case.note}: {reasons}")
                if case.scope == "article" and flagged:
                    result_of.flagged_bases.append(f"{case.article}: {reasons}")
                continue
            result.expected_code += bool(codes & case.expected)
            if not flagged:
                result.misses.append(f"{case.article} {case.note}: not flagged")
            elif not codes & case.expected:
                result.misses.append(
                    f"{case.article} {case.note}: flagged as {sorted(codes)}, "
                    f"expected one of {sorted(case.expected)}"
                )
    return result_of
