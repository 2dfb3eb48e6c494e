"""The wire schema the model fills: slim, tool-callable, and strict where it matters."""

from __future__ import annotations

import json

import instructor
import pytest
from pydantic import ValidationError

from summarizer.extraction.wire import FreeExtraction, GroundedExtraction, grounded_model


@pytest.mark.parametrize("model", [GroundedExtraction, FreeExtraction])
def test_instructor_can_build_the_tool_schema(model: type) -> None:
    tool = instructor.openai_schema(model).openai_schema
    assert tool["name"] == model.__name__
    text = json.dumps(tool["parameters"])
    assert '"description"' not in text  # the system prompt explains fields once
    assert len(text) < 3000


def test_grounded_figures_are_one_metric_per_listed_id() -> None:
    """Kind, direction, period and qualifier come from the frame, so the model types none:
    the answer's `figures` is an object of exactly the listed ids, in order, each a metric
    or null."""
    schema = grounded_model(["n2", "n4"]).model_json_schema()
    figures = schema["properties"]["figures"]
    assert list(figures["properties"]) == ["n2", "n4"]
    assert figures["required"] == ["n2", "n4"] and figures["additionalProperties"] is False
    assert figures["properties"]["n4"]["anyOf"][1] == {"type": "null"}
    meeting = schema["$defs"]["DraftMeeting"]
    assert {"date_text", "location"} <= set(meeting["required"])


def test_change_needs_direction_and_free_text_must_be_in_source() -> None:
    base = {"summary": "S.", "meetings": [], "agreements": []}
    free = {"text": "5 percent", "value": 5, "unit": "percent", "metric": "m", "kind": "share"}
    with pytest.raises(ValidationError, match="needs direction"):
        FreeExtraction.model_validate({**base, "figures": [{**free, "kind": "change"}]})
    with pytest.raises(ValidationError, match="does not occur in the article"):
        FreeExtraction.model_validate({**base, "figures": [free]}, context={"source": "no"})
    with pytest.raises(ValidationError, match="ISO 4217"):
        FreeExtraction.model_validate({**base, "figures": [{**free, "unit": "DOLLARS"}]})
    with pytest.raises(ValidationError):  # a grounded figure has no kind to get wrong
        GroundedExtraction.model_validate({**base, "figures": {"n1": {"kind": "change"}}})


def test_listed_ids_are_strict_in_the_grammar_and_lenient_on_reading() -> None:
    """The grammar forces every listed id; reading an answer drops nothing it cannot use:
    a null is no figure, an unknown id is left to the conversion (which drops it)."""
    from summarizer.llm.client import compact_grammar

    model = grounded_model(["n1", "n2"])
    grammar = compact_grammar(json.dumps(model.model_json_schema()))
    assert 'figures ::= "{" space figures-n1-kv "," space figures-n2-kv "}" space' in grammar
    base = {"summary": "S.", "meetings": [], "agreements": []}
    answer = model.model_validate({**base, "figures": {"n1": " trade ", "n2": None}})
    assert [(f.id, f.metric) for f in answer.cited()] == [("n1", "trade")]  # null: no figure
    renumbered = model.model_validate({**base, "figures": {"n1": "a", "n9": "c"}})
    assert [f.id for f in renumbered.cited()] == ["n1", "n9"]
    with pytest.raises(ValidationError):
        model.model_validate({**base, "figures": {"n1": 5}})


def test_the_generic_model_reads_any_ids_in_order() -> None:
    """A provider batch's answer is read without the per-article schema."""
    base = {"summary": "S.", "meetings": [], "agreements": []}
    answer = GroundedExtraction.model_validate({**base, "figures": {"n3": "a", "n1": "b"}})
    assert [f.id for f in answer.cited()] == ["n3", "n1"]


def test_every_list_is_required_and_agreements_come_last() -> None:
    """A grammar-constrained model must write each list; agreements follow the figures as in
    the worked example (optional lists let the model stop after figures)."""
    from summarizer.extraction.wire import FreeExtraction, grounded_model

    for model in (grounded_model(["n1"]), FreeExtraction):
        schema = model.model_json_schema()
        assert list(schema["properties"]) == ["summary", "meetings", "figures", "agreements"]
        assert schema["required"] == ["summary", "meetings", "figures", "agreements"]


def test_an_article_without_numbers_gets_an_empty_figures_object() -> None:
    """The compact grammar then allows only `{}` for figures."""
    from summarizer.llm.client import compact_grammar

    model = grounded_model([])
    schema = model.model_json_schema()
    grammar = compact_grammar(json.dumps(schema))
    assert 'figures ::= "{" space  "}" space' in grammar.splitlines()
    empty = {"summary": "S.", "meetings": [], "figures": {}, "agreements": []}
    assert model.model_validate(empty).cited() == []
