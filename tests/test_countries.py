"""Demonyms name their country (`summarizer.countries`), in made-up sentences."""

from __future__ import annotations

import pycountry
import pytest

from summarizer.countries import COUNTRY_FORMS, DEMONYMS
from summarizer.crosscheck import check_record
from summarizer.crosscheck.wordmatch import SourceWords, tokens_of
from summarizer.domain import Extraction, ReasonCode

SOURCE = (
    "ACCRA, June 4 - A Ghanaian cocoa board official met Sri Lankan tea exporters and two "
    "Uruguayans from a wool cooperative. Salvadoran coffee growers sent a letter."
)


@pytest.mark.parametrize(
    ("country", "found"),
    [
        ("Ghana", True),
        ("Sri Lanka", True),
        ("Uruguay", True),
        ("El Salvador", True),
        ("Paraguay", False),
        ("Togo", False),
    ],
)
def test_a_demonym_names_its_country(country: str, found: bool) -> None:
    assert (SourceWords(SOURCE).find_name(country) is not None) is found


def test_a_country_in_the_source_grounds_its_demonym_in_a_record() -> None:
    words = SourceWords("Trade between Ghana and Peru rose.")
    assert words.find_name("Ghanaian") is not None
    assert words.find_name("Togolese") is None


def _country_flagged(country: str) -> bool:
    meeting = {
        "kind": "meeting",
        "participants": [{"name": "cocoa board official", "country": country}],
    }
    record = Extraction.model_validate({"summary": "s", "meetings": [meeting]})
    return any(
        d.code is ReasonCode.ungrounded_text and d.field.endswith(".country")
        for d in check_record(SOURCE, record).discrepancies
    )


def test_a_participants_country_given_by_a_demonym_is_grounded() -> None:
    assert not _country_flagged("Ghana")
    assert _country_flagged("Nigeria")


NOT_IN_PYCOUNTRY = {
    "asia": "a region",
    "europe": "a region",
    "ussr": "a former state",
    "ivorycoast": "pycountry writes Côte d'Ivoire",
    "kosovo": "not an ISO 3166-1 entry",
    "russia": "pycountry writes Russian Federation",
    "turkey": "pycountry writes Türkiye",
}


def test_every_country_form_is_a_country_name_or_a_word_of_one() -> None:
    names: set[str] = set()
    words: set[str] = set()
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                folded = [t.folded for t in tokens_of(value)]
                names.add("".join(folded))
                words.update(folded)
    unknown = {f for f in COUNTRY_FORMS if f not in names and f not in words}
    assert unknown == set(NOT_IN_PYCOUNTRY)


def test_plurals_of_words_for_people() -> None:
    assert DEMONYMS["nicaraguans"] == DEMONYMS["nicaraguan"] == "nicaragua"
    assert DEMONYMS["iraqis"] == "iraq"
    assert "chineses" not in DEMONYMS
