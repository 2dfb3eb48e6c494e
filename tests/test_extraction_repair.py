"""The targeted repair round: a grounded answer's flagged metrics (and summary) are asked
again with a small schema, after the first prompt, and merged into the first answer."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel

from summarizer.domain import (
    ArticleMeta,
    ArticleRecord,
    Discrepancy,
    ReasonCode,
    SourceArticle,
    TokenUsage,
    Verdict,
    VerdictStatus,
)
from summarizer.extraction.pipeline import (
    apply_targeted,
    repair_targets,
    run_extraction,
    targeted_model,
)
from summarizer.extraction.requests import find_mentions
from summarizer.extraction.wire import GroundedExtraction, grounded_model
from summarizer.llm.client import CallResult
from summarizer.llm.config import LLMConfig

TEXT = (
    "Minister An met Minister Keo in Hanoi on March 2. Hainan's exports to Vietnam reached "
    "$695.2 million in 2022, and Vietnam's exports to Hainan $658 million."
)


def answer(ids: list[str], metrics: list[str | None]) -> GroundedExtraction:
    return grounded_model(ids).model_validate(
        {
            "summary": "An met Keo in Hanoi.",
            "meetings": [],
            "figures": dict(zip(ids, metrics, strict=True)),
            "agreements": [],
        }
    )


class ScriptedClient:
    """Answers each structured call with the next scripted reply; records what was asked."""

    def __init__(self, replies: list[dict[str, Any]]) -> None:
        self.replies = replies
        self.asked: list[tuple[type[BaseModel], list[dict[str, Any]]]] = []

    def structured(
        self, model: type[BaseModel], messages: list[dict[str, Any]], **_: Any
    ) -> CallResult[Any]:
        self.asked.append((model, messages))
        value = model.model_validate(self.replies[len(self.asked) - 1])
        return CallResult(
            value=value, usage=TokenUsage(prompt_tokens=10), attempts=1, raw_output=""
        )


def flagging_checker(bad_metric: str) -> Any:
    """Flags every figure whose metric is `bad_metric` as the wrong metric."""

    def check(_text: str, record: ArticleRecord, _published: dt.date | None) -> Verdict:
        flags = [
            Discrepancy(
                code=ReasonCode.wrong_metric,
                field=f"figures[{index}].metric",
                claim=figure.metric,
                message="the source says this number is of Hainan's exports",
            )
            for index, figure in enumerate(record.figures)
            if figure.metric == bad_metric
        ]
        status = VerdictStatus.flagged if flags else VerdictStatus.accepted
        return Verdict(status=status, discrepancies=flags)

    return check


def test_only_the_flagged_metric_is_asked_again_and_merged() -> None:
    article = SourceArticle(article_id="0123456789abcdef", text=TEXT, meta=ArticleMeta())
    ids = [m.id for m in find_mentions(TEXT)]
    assert len(ids) == 2
    first = answer(ids, ["Vietnam's exports", "Vietnam's exports to Hainan"])
    client = ScriptedClient(
        [first.model_dump(), {"figures": {ids[0]: "Hainan's exports to Vietnam"}}]
    )
    outcome = run_extraction(
        article,
        LLMConfig(base_url="http://unused/v1"),
        client,  # type: ignore[arg-type]
        checker=flagging_checker("Vietnam's exports"),
    )
    repair_model, repair_messages = client.asked[1]
    assert list(repair_model.model_json_schema()["properties"]) == ["figures"]
    assert len(repair_messages) == len(client.asked[0][1]) + 1  # the first prompt, then flags
    assert ids[0] in repair_messages[-1]["content"]
    assert 'your metric "Vietnam\'s exports"' in repair_messages[-1]["content"]
    assert outcome.record is not None and outcome.verdict is not None
    assert [f.metric for f in outcome.record.figures] == [
        "Hainan's exports to Vietnam",
        "Vietnam's exports to Hainan",
    ]
    assert outcome.verdict.status == VerdictStatus.accepted
    assert outcome.usage.prompt_tokens == 20  # both calls counted


def test_flags_on_meetings_alone_start_no_round() -> None:
    record = ArticleRecord(article_id="0123456789abcdef", summary="S.")
    flag = Discrepancy(
        code=ReasonCode.ungrounded_text,
        field="meetings[0].participants[0].name",
        claim="X",
        message="not in the source",
    )
    assert repair_targets(record, [flag]) is None


def test_a_summary_flag_asks_for_the_summary_only() -> None:
    record = ArticleRecord(article_id="0123456789abcdef", summary="S.")
    flag = Discrepancy(
        code=ReasonCode.summary_misattributed,
        field="summary",
        claim="S.",
        message="the summary gives 5% to the wrong metric",
    )
    targets = repair_targets(record, [flag])
    assert targets is not None and targets.summary and targets.ids == []
    model = targeted_model(targets)
    assert list(model.model_json_schema()["properties"]) == ["summary"]
    first = answer(["n1"], ["trade"])
    merged = apply_targeted(first, model.model_validate({"summary": "Better."}))
    assert merged.summary == "Better." and [f.metric for f in merged.cited()] == ["trade"]


def test_an_ungrounded_answer_still_gets_the_whole_answer_round() -> None:
    """Without grounding the model retyped the numbers; the round resends the conversation,
    its answer and the flags, and asks for the whole extraction again."""
    from summarizer.extraction.pipeline import repair_messages
    from summarizer.extraction.wire import FreeExtraction
    from summarizer.llm.prompts import load_prompts

    previous = FreeExtraction.model_validate(
        {"summary": "S.", "meetings": [], "figures": [], "agreements": []}
    )
    flag = Discrepancy(
        code=ReasonCode.scale_mismatch,
        field="figures[0].value",
        claim="6.2 million",
        source="6.2 billion",
        message="the source says 6.2 billion, not 6.2 million",
    )
    first = [{"role": "system", "content": "sys"}, {"role": "user", "content": "article"}]
    messages = repair_messages(load_prompts(), first, previous, [flag])
    assert [m["role"] for m in messages] == ["system", "user", "assistant", "user"]
    assert "6.2 billion" in messages[-1]["content"]
    assert "the whole corrected extraction" in messages[-1]["content"]
