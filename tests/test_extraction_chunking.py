"""Long articles split on paragraph boundaries; chunk merges keep each figure once."""

from __future__ import annotations

from decimal import Decimal

from summarizer.domain import Extraction, Figure, FigureKind, Meeting, MeetingKind, Participant
from summarizer.extraction.chunking import chunk_budget_chars, split_article
from summarizer.extraction.merge import merge_extractions


def test_short_article_is_one_chunk() -> None:
    assert [c.text for c in split_article("short", 100)] == ["short"]


def test_chunks_follow_paragraphs_and_keep_offsets() -> None:
    paragraphs = [f"Paragraph {i} " + "word " * 30 for i in range(10)]
    text = "\n\n".join(paragraphs)
    chunks = split_article(text, 400)
    assert len(chunks) > 1
    for chunk in chunks:
        assert len(chunk.text) <= 400
        assert text[chunk.start : chunk.end] == chunk.text
        assert chunk.text.startswith("Paragraph")  # never cut inside a paragraph
    assert "".join(c.text for c in chunks).replace("\n", "") == text.replace("\n", "")


def test_an_oversized_paragraph_is_cut_at_sentence_ends() -> None:
    text = " ".join(f"Sentence number {i} is here." for i in range(60))
    chunks = split_article(text, 300)
    assert all(len(c.text) <= 300 for c in chunks)
    assert all(c.text.rstrip().endswith(".") for c in chunks[:-1])


def test_budget_grows_with_context() -> None:
    assert chunk_budget_chars(8192, 1200) > chunk_budget_chars(4096, 1200) > 0


def figure(value: str, evidence: str) -> Figure:
    return Figure(
        value=Decimal(value), unit="USD", kind=FigureKind.amount, metric="m", evidence=evidence
    )


def meeting(*names: str, topics: list[str]) -> Meeting:
    return Meeting(
        kind=MeetingKind.meeting, participants=[Participant(name=n) for n in names], topics=topics
    )


def test_merge_drops_duplicate_figures_and_joins_meetings() -> None:
    first = Extraction(
        summary="First.",
        figures=[figure("5", "Trade was $5.")],
        meetings=[meeting("A", "B", topics=["trade"])],
    )
    second = Extraction(
        summary="Second.",
        figures=[figure("5.0", "Trade  was $5."), figure("5", "Other $5.")],
        meetings=[meeting("b", "a", topics=["trade", "energy"])],
    )
    merged = merge_extractions([first, second])
    assert [f.evidence for f in merged.figures] == ["Trade was $5.", "Other $5."]
    assert len(merged.meetings) == 1
    assert merged.meetings[0].topics == ["trade", "energy"]
    assert merged.summary == "First."


def test_one_answer_that_lists_a_meeting_twice_keeps_it_once() -> None:
    only = Extraction(
        summary="Only.",
        figures=[figure("5", "Trade was $5."), figure("5", "Trade was $5.")],
        meetings=[meeting("A", "B", topics=["trade"]), meeting("B", "A", topics=["energy"])],
    )
    merged = merge_extractions([only])
    assert [m.topics for m in merged.meetings] == [["trade", "energy"]]
    assert len(merged.figures) == 2  # one part's figures are the program's, kept as they are
