"""Status cues that do not speak of the agreement, and cues that say it exists
(made-up sentences; each rule has a case it applies to and one it leaves alone)."""

from __future__ import annotations

import pytest

from summarizer.crosscheck import check_record
from summarizer.crosscheck.agreements import status_cue
from summarizer.domain import AgreementStatus as S
from summarizer.domain import Extraction, ReasonCode

FERRY = "ferry accord"


@pytest.mark.parametrize(
    ("sentence", "title", "status"),
    [
        # Negotiations that are over say nothing of the status now ...
        ("After four rounds of talks on the ferry accord, the ministers left Oslo.", FERRY, None),
        ("Negotiations on the ferry accord ended in March.", FERRY, None),
        ("The two sides concluded lengthy negotiations on a ferry accord.", FERRY, S.signed),
        # ... negotiations still going on do.
        ("Four rounds of talks on the ferry accord are due in May.", FERRY, S.under_negotiation),
        ("Negotiations on the ferry accord resume in March.", FERRY, S.under_negotiation),
    ],
)
def test_negotiations_that_are_over(sentence: str, title: str, status: S | None) -> None:
    cue = status_cue(sentence, title)
    assert (cue[0] if cue else None) is status


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("The proposal, tabled as part of a broader energy accord, covers two dams.", None),
        (
            "The bid, made as part of an energy accord signed in June, covers two dams.",
            S.signed,
        ),
        ("The proposal for a broader energy accord covers two dams.", S.proposed),
    ],
)
def test_a_cue_on_a_part_of_the_agreement(sentence: str, status: S | None) -> None:
    cue = status_cue(sentence, "energy accord")
    assert (cue[0] if cue else None) is status


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("The fisheries pact will open three ports to foreign trawlers.", None),
        ("The fisheries pact will be signed in Lima next week.", S.under_negotiation),
        ("The fisheries pact will also take effect in July.", S.proposed),
        ("The two governments will sign a fisheries pact.", S.under_negotiation),
    ],
)
def test_will_after_the_title_only_before_a_verb_of_status(sentence: str, status: S | None) -> None:
    cue = status_cue(sentence, "fisheries pact")
    assert (cue[0] if cue else None) is status


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("The utilities will continue their power-sharing agreement for a decade.", S.in_force),
        ("Both grids maintain an existing power-sharing agreement.", S.in_force),
        ("The utilities pledged to honour the power-sharing agreement.", S.in_force),
        ("The utilities will discuss a power-sharing agreement.", S.under_negotiation),
        ("Engineers continued talks on a power-sharing agreement.", S.under_negotiation),
        ("The utilities will propose a power-sharing agreement.", S.proposed),
    ],
)
def test_continuing_an_agreement_says_it_exists(sentence: str, status: S) -> None:
    cue = status_cue(sentence, "power-sharing agreement")
    assert cue is not None and cue[0] is status


RAIL = (
    "Oslo, May 3 - After months of talks, the rail operators reached a cross-border "
    "ticketing agreement on Friday. The operators had reached a tentative fare deal in April."
)


def _status_flagged(title: str, status: str) -> bool:
    record = Extraction.model_validate(
        {"summary": "s", "agreements": [{"title": title, "type": "agreement", "status": status}]}
    )
    codes = {d.code for d in check_record(RAIL, record).discrepancies}
    return ReasonCode.status_contradicted in codes


@pytest.mark.parametrize(
    ("status", "flagged"),
    [
        ("agreed_in_principle", False),
        ("signed", False),
        ("in_force", False),
        ("proposed", True),
        ("under_negotiation", True),
    ],
)
def test_reached_an_agreement_is_agreed_and_may_be_signed(status: str, flagged: bool) -> None:
    assert _status_flagged("cross-border ticketing agreement", status) is flagged


@pytest.mark.parametrize(("status", "flagged"), [("agreed_in_principle", False), ("signed", True)])
def test_a_tentative_deal_reached_is_not_signed(status: str, flagged: bool) -> None:
    assert _status_flagged("tentative fare deal", status) is flagged


def test_part_of_far_from_the_cue_does_not_hide_it() -> None:
    sentence = (
        "Norway proposed to fund a survey of the northern coast, and most of the money, as "
        "part of an energy accord, goes to two dams."
    )
    cue = status_cue(sentence, "energy accord")
    assert cue is not None and cue[0] is S.proposed


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        (
            "I hope our negotiations in the next three months will lead to an energy accord.",
            S.under_negotiation,
        ),
        ("Peru is set to sign an energy accord as fresh talks open in Lima.", S.under_negotiation),
        ("Peru is set to sign an energy accord with Chile.", S.under_negotiation),  # signing due
        ("Peru proposed an energy accord, and talks may follow.", S.proposed),
    ],
)
def test_an_agreement_to_come_while_talks_go_on_is_under_negotiation(
    sentence: str, status: S
) -> None:
    cue = status_cue(sentence, "energy accord")
    assert cue is not None and cue[0] is status


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru and Chile have extended an energy accord that eased shortages.",
        "The two countries also formalised an energy accord between their oil firms.",
    ],
)
def test_extending_or_formalising_an_agreement_concludes_it(sentence: str) -> None:
    cue = status_cue(sentence, "energy accord")
    assert cue is not None and cue[0] is S.signed


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        # A signing said to be due: the sides have settled the text, only the signature is
        # to come ...
        (
            "Ruritania and Borduria are expected to sign a ferry accord in Oslo next week.",
            S.under_negotiation,
        ),
        ("Ruritania will sign a ferry accord with Borduria on Friday.", S.under_negotiation),
        # ... a signing that only might happen, or an accord that will come, is a proposal.
        ("Ruritania could sign a ferry accord with Borduria.", S.proposed),
        ("Officials said a ferry accord would follow in May.", S.proposed),
    ],
)
def test_a_signing_that_is_due_is_under_negotiation(sentence: str, status: S) -> None:
    cue = status_cue(sentence, FERRY)
    assert cue is not None and cue[0] is status
