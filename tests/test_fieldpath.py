"""Record field paths: one parser for the cross-checker's, the review's and the briefing's."""

from __future__ import annotations

import pytest

from summarizer.fieldpath import FieldPathError, format_path, is_under, item_of, parse_path


@pytest.mark.parametrize(
    ("path", "parts"),
    [
        ("summary", ["summary"]),
        ("figures[2].value", ["figures", 2, "value"]),
        ("meetings[0].participants[1].name", ["meetings", 0, "participants", 1, "name"]),
    ],
)
def test_parse_and_format_are_inverse(path: str, parts: list[str | int]) -> None:
    assert parse_path(path) == parts
    assert format_path(parts) == path


@pytest.mark.parametrize("path", ["", "figures[", "figures..value", "[2]", "figures[x]", "a."])
def test_anything_else_is_refused_with_the_expected_form(path: str) -> None:
    with pytest.raises(FieldPathError, match=r"is not like 'figures\[2\]\.value'"):
        parse_path(path)


def test_item_of_names_the_top_level_item_and_renumbers_it() -> None:
    item = item_of("figures[12].entities[0]")
    assert item is not None and (item.collection, item.index) == ("figures", 12)
    assert item.at(10) == "figures[10].entities[0]"
    assert item_of("summary") is None and item_of("not a path") is None


def test_is_under_never_confuses_item_1_with_item_10() -> None:
    assert is_under("figures[1].value", "figures[1]") and is_under("figures[1]", "figures[1]")
    assert not is_under("figures[10].value", "figures[1]")
