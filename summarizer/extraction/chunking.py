"""Split long articles on paragraph boundaries so each part fits the model's context window."""

from __future__ import annotations

import re
from dataclasses import dataclass

CHARS_PER_TOKEN = 3.0
"""Conservative for English news with a BPE tokenizer (measured ~4 on the seeds)."""
PROMPT_OVERHEAD_TOKENS = 2600
"""System prompt, worked example and tool schema, measured on the embedded model."""

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Chunk:
    """A slice of the article; `start` maps chunk offsets back to article offsets."""

    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def chunk_budget_chars(n_ctx: int, max_tokens: int) -> int:
    """How many article characters fit in one prompt next to the fixed parts and the answer."""
    tokens = max(n_ctx - PROMPT_OVERHEAD_TOKENS - max_tokens, 256)
    return int(tokens * CHARS_PER_TOKEN * 0.8)  # the numbers list takes the other fifth


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _hard_split(text: str, start: int, end: int, budget: int) -> list[tuple[int, int]]:
    """A paragraph longer than the budget is cut at sentence ends, else at the budget."""
    pieces: list[tuple[int, int]] = []
    while end - start > budget:
        window = text[start : start + budget]
        cut = max(window.rfind(". "), window.rfind("\n"))
        cut = start + cut + 1 if cut > budget // 4 else start + budget
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def split_article(text: str, budget_chars: int) -> list[Chunk]:
    """Whole paragraphs packed greedily into chunks of at most `budget_chars` characters."""
    if len(text) <= budget_chars:
        return [Chunk(0, text)]
    spans: list[tuple[int, int]] = []
    for start, end in _paragraph_spans(text):
        spans.extend(_hard_split(text, start, end, budget_chars))
    chunks: list[Chunk] = []
    current: tuple[int, int] | None = None
    for start, end in spans:
        if current is not None and end - current[0] <= budget_chars:
            current = (current[0], end)
            continue
        if current is not None:
            chunks.append(Chunk(current[0], text[current[0] : current[1]]))
        current = (start, end)
    if current is not None:
        chunks.append(Chunk(current[0], text[current[0] : current[1]]))
    return chunks
