"""The committed JSON Schemas must match the pydantic models."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import ValidationError

from summarizer.domain import Figure, FigureKind, Verdict, VerdictStatus
from summarizer.schema_export import drifted_schemas, export_schemas

ROOT = Path(__file__).resolve().parents[1]


def test_committed_schemas_match_models() -> None:
    assert drifted_schemas(ROOT / "schemas") == []


def test_drift_is_detected(tmp_path: Path) -> None:
    export_schemas(tmp_path)
    target = tmp_path / "verdict.schema.json"
    target.write_text(target.read_text().replace('"accepted"', '"approved"'))
    assert drifted_schemas(tmp_path) == ["verdict"]


def _figure(**overrides: object) -> dict[str, object]:
    base: dict[str, object] = {
        "value": "-10.5",
        "unit": "percent",
        "kind": "change",
        "direction": "down",
        "metric": "imports",
        "evidence": "a decrease of 10.5%",
    }
    base.update(overrides)
    return base


def test_figure_accepts_signed_decrease() -> None:
    figure = Figure.model_validate(_figure())
    assert figure.value == Decimal("-10.5")
    assert figure.kind is FigureKind.change


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"value": "10.5"}, "needs a negative value"),
        ({"direction": None}, "needs a direction"),
        ({"unit": "USDX"}, "ISO 4217"),
        ({"unit": "ZZZ"}, "not an ISO 4217 currency"),
        ({"surprise": 1}, "Extra inputs are not permitted"),
        ({"evidence": "  "}, "at least 1 character"),
    ],
)
def test_figure_rejects_invalid(overrides: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Figure.model_validate(_figure(**overrides))


def test_verdict_status_must_match_discrepancies() -> None:
    with pytest.raises(ValidationError, match="flagged exactly when"):
        Verdict(status=VerdictStatus.flagged, discrepancies=[])
    assert Verdict.from_discrepancies([], 3).status is VerdictStatus.accepted
