"""Status cues of agreement evidence sentences (made-up sentences)."""

from __future__ import annotations

import pytest

from summarizer.crosscheck.agreements import status_cue
from summarizer.domain import AgreementStatus as S


@pytest.mark.parametrize(
    ("sentence", "title", "status"),
    [
        # the parties' act of extending concludes an extension; the deal itself was in force
        ("Peru and Chile have extended a fish-for-gas deal.", "fish-for-gas deal", S.signed),
        ("The two sides renewed their currency swap accord.", "currency swap accord", S.signed),
        (
            "Under the extended currency swap accord, rates hold.",
            "currency swap accord",
            S.in_force,
        ),
        ("The ministers sealed a port-access agreement.", "port-access agreement", S.signed),
        ("The plan could include a regional gas pipeline.", "regional gas pipeline", S.proposed),
        (
            "He is an ardent promoter of a regional shipping line.",
            "regional shipping line",
            S.proposed,
        ),
        ("They floated the idea of a joint fund.", "joint fund", S.proposed),
    ],
)
def test_status_words(sentence: str, title: str, status: S) -> None:
    cue = status_cue(sentence, title)
    assert cue is not None and cue[0] is status


def test_promoting_cooperation_is_no_proposal() -> None:
    assert status_cue("Both sides signed the pact, promoting trade.", "the pact") == (
        S.signed,
        "signed",
    )
