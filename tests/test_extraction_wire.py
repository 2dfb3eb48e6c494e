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


def test_grounded_figures_carry_only_the_id_and_the_metric() -> None:
    """Kind, direction, period and qualifier come from the frame, so the model types none."""
    schema = GroundedExtraction.model_json_schema()
    figure = schema["$defs"]["GroundedFigure"]
    assert list(figure["properties"]) == ["id", "metric"]
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
        GroundedExtraction.model_validate(
            {**base, "figures": [{"id": "n1", "metric": "m", "kind": "change"}]}
        )


def test_narrowed_ids_reject_unknown_and_repeated_mentions() -> None:
    model = grounded_model(["n1", "n2"])
    figure = {"id": "n1", "metric": "m"}
    base = {"summary": "S.", "meetings": [], "agreements": []}
    assert model.model_validate({**base, "figures": [figure]}).figures[0].id == "n1"
    with pytest.raises(ValidationError):
        model.model_validate({**base, "figures": [{**figure, "id": "n9"}]})
    with pytest.raises(ValidationError, match="cited twice"):
        model.model_validate({**base, "figures": [figure, figure]})


def test_every_list_is_required_and_agreements_come_last() -> None:
    """A grammar-constrained model must write each list; agreements follow the figures as in
    the worked example (optional lists let the model stop after figures)."""
    from summarizer.extraction.wire import FreeExtraction, grounded_model

    for model in (grounded_model(["n1"]), FreeExtraction):
        schema = model.model_json_schema()
        assert list(schema["properties"]) == ["summary", "meetings", "figures", "agreements"]
        assert schema["required"] == ["summary", "meetings", "figures", "agreements"]
