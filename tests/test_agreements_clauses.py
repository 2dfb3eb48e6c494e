"""Status cues of the agreement's own clause and sentence (made-up sentences; each rule has
a case it applies to and one it leaves alone)."""

from __future__ import annotations

import pytest

from summarizer.crosscheck import check_record
from summarizer.crosscheck.agreements import evidence_sentence, status_cue
from summarizer.crosscheck.textfold import fold
from summarizer.crosscheck.wordmatch import SourceWords
from summarizer.domain import Agreement, Extraction, ReasonCode
from summarizer.domain import AgreementStatus as S

PACT = "current fisheries pact"


def _reading(sentence: str, title: str) -> S | None:
    cue = status_cue(sentence, title)
    return cue[0] if cue else None


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        # Another agreement is the subject of 'would': the current pact's cue is 'expires'.
        (
            "The current fisheries pact expires in May and the new deal would add two ports.",
            S.in_force,
        ),
        ("The current fisheries pact ends in May and the new deal would add two ports.", None),
        # The same agreement named again keeps the cue.
        ("The current fisheries pact ends in May and the deal would then lapse.", S.proposed),
        (
            "While a new deal is being negotiated, the current fisheries pact stays in force.",
            S.in_force,
        ),
        ("While the current fisheries pact is being negotiated, talks go on.", S.under_negotiation),
        # An earlier accord signed long ago is not the title's signing.
        ("The current fisheries pact replaces an earlier accord signed in 1990.", None),
        ("The current fisheries pact, signed in 1990, covers two ports.", S.signed),
    ],
)
def test_a_cue_of_another_agreement_is_passed_over(sentence: str, status: S | None) -> None:
    assert _reading(sentence, PACT) is status


def test_the_mark_word_of_the_title_is_the_agreement_itself() -> None:
    sentence = "Officials said the new fisheries pact would add two ports."
    assert _reading(sentence, "new fisheries pact") is S.proposed


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Peru, Chile sign fisheries pact", S.signed),
        ("Peru and Chile ink a fisheries pact in Lima.", S.signed),
        ("Peru and Chile will sign a fisheries pact in Lima.", S.under_negotiation),
        ("Peru and Chile hope to sign a fisheries pact in Lima.", None),
        ("Peru did not sign the fisheries pact.", None),
        ("There are encouraging signs that the fisheries pact works.", None),
        ("A third month of red ink strained the fisheries pact.", None),
    ],
)
def test_a_bare_sign_is_signed_only_as_a_verb_done(sentence: str, status: S | None) -> None:
    assert _reading(sentence, "fisheries pact") is status


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Producers failed to agree on a coffee quota pact.", S.under_negotiation),
        ("Producers agreed on a coffee quota pact.", S.agreed_in_principle),
        ("Producers agreed last week in Lima on a coffee quota pact.", S.agreed_in_principle),
        ("The two sides agree to a coffee quota pact.", S.agreed_in_principle),
        ("Producers did not agree to a coffee quota pact.", None),
        ("The agreed quota on coffee is part of a coffee quota pact.", None),
    ],
)
def test_agreeing_and_failing_to_agree(sentence: str, status: S | None) -> None:
    assert _reading(sentence, "coffee quota pact") is status


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Peru's talks with Chile on a gas supply deal resumed.", S.under_negotiation),
        ("Peru is trying to strike a gas supply deal with Chile.", S.under_negotiation),
        ("Peru tried to block a gas supply deal with Chile.", None),
        ("Under a gas supply deal, Peru ships gas to Chile.", S.in_force),
        ("Under a proposed gas supply deal, Peru ships gas to Chile.", S.proposed),
        ("The gas supply deal expires in 2030.", S.in_force),
        ("Peru retained the gas supply deal.", S.in_force),
        ("The two sides reached broad agreement on a gas supply deal.", S.agreed_in_principle),
    ],
)
def test_more_status_words(sentence: str, status: S | None) -> None:
    assert _reading(sentence, "gas supply deal") is status


SOURCE = (
    "Lima, May 3 - The minister said he hoped the next Andean summit would take up "
    "financial aid to Bolivia. Under a five-year accord reached in 2001, Bolivia was to "
    "receive 20 mln dlrs a year from its neighbours."
)
AID = "Andean financial aid accord for Bolivia"


def test_the_status_is_read_where_the_source_speaks_of_the_agreement() -> None:
    words = SourceWords(SOURCE)
    bounds = evidence_sentence(
        words, fold(SOURCE), Agreement(title=AID, type="agreement", status=S.in_force)
    )
    assert bounds is not None
    assert SOURCE[bounds[0] : bounds[1]].startswith("Under a five-year accord")


def test_a_title_naming_no_agreement_keeps_the_best_sentence() -> None:
    words = SourceWords(SOURCE)
    title = "Andean summit on financial aid to Bolivia"
    bounds = evidence_sentence(
        words, fold(SOURCE), Agreement(title=title, type="agreement", status=S.proposed)
    )
    assert bounds is not None
    assert "Andean summit" in SOURCE[bounds[0] : bounds[1]]


@pytest.mark.parametrize(("status", "flagged"), [("in_force", False), ("proposed", True)])
def test_an_agreement_in_force_is_not_read_from_its_neighbour(status: str, flagged: bool) -> None:
    record = Extraction.model_validate(
        {"summary": "s", "agreements": [{"title": AID, "type": "agreement", "status": status}]}
    )
    codes = {d.code for d in check_record(SOURCE, record).discrepancies}
    assert (ReasonCode.status_contradicted in codes) is flagged
