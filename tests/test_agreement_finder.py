"""Agreements read from the source without a model (made-up sentences)."""

from __future__ import annotations

from summarizer.domain import Agreement, AgreementType
from summarizer.domain import AgreementStatus as S
from summarizer.extraction.agreement_finder import (
    find_agreements,
    same_agreement,
    with_found_agreements,
)

HEADLINE = "Ministers meet in Lima\n\n"


def _titles(text: str) -> list[tuple[str, S]]:
    return [(a.title, a.status) for a in find_agreements(HEADLINE + text)]


def test_a_signed_mou_takes_its_acronym_and_what_it_is_about() -> None:
    text = (
        "The port authorities of Callao and Valparaiso signed a memorandum of understanding "
        "(MoU) on shared customs data at a ceremony in Lima on Tuesday."
    )
    assert _titles(text) == [("memorandum of understanding (MoU) on shared customs data", S.signed)]


def test_the_title_says_what_the_agreement_is_for() -> None:
    text = "Peru signed a $90m agreement to import Chilean gas in exchange for fishmeal, he said."
    found = find_agreements(HEADLINE + text)
    assert [a.title for a in found] == [
        "$90m agreement to import Chilean gas in exchange for fishmeal"
    ]
    assert found[0].type is AgreementType.agreement
    assert found[0].evidence == text


def test_agreeing_to_do_something_is_an_agreement_in_principle() -> None:
    text = "In May the two governments agreed to cut port fees within weeks, officials said."
    assert _titles(text) == [("Agreement to cut port fees within weeks", S.agreed_in_principle)]


def test_failing_to_agree_is_no_agreement() -> None:
    assert _titles("The two governments failed to agree to cut port fees.") == []
    assert _titles("Chile did not agree to cut port fees.") == []


def test_a_sought_agreement_is_under_negotiation() -> None:
    text = "Negotiators are working on a fisheries quota agreement with Ecuador."
    assert _titles(text) == [("fisheries quota agreement", S.under_negotiation)]


def test_a_later_mention_of_the_same_agreement_adds_nothing() -> None:
    text = (
        "Chile and Peru signed a fish-for-gas deal in Lima. "
        "Under the deal, Peru will ship fishmeal. The fish-for-gas deal runs to 2030."
    )
    assert _titles(text) == [("fish-for-gas deal", S.signed)]


def test_a_bare_or_generic_noun_names_no_agreement() -> None:
    assert _titles("They hope to sign a trade deal soon.") == []
    assert _titles("Officials said a draft agreement would be signed.") == []


def test_a_headline_and_an_institution_are_not_read() -> None:
    text = (
        "Chile, Peru ink fish-for-gas pact\n\n"
        "Peru said it would file a complaint with the General Agreement on Tariffs and Trade."
    )
    assert find_agreements(text) == []


def test_no_status_words_no_agreement() -> None:
    assert _titles("The fish-for-gas pact is popular among fishermen.") == []


def _agreement(title: str, status: S = S.signed) -> Agreement:
    return Agreement(title=title, type=AgreementType.agreement, status=status)


def test_two_titles_of_one_agreement_are_the_same() -> None:
    assert same_agreement(
        _agreement("Agreement on EC office in Beijing"),
        _agreement("agreement on the establishment of an EC office here"),
    )
    assert not same_agreement(
        _agreement("International Coffee Agreement"),
        _agreement("coffee export quota agreement"),
    )


def test_the_models_agreements_come_first_and_are_not_repeated() -> None:
    text = HEADLINE + (
        "Chile and Peru signed a fish-for-gas deal. They also signed an MoU on port data."
    )
    model = [_agreement("Chile-Peru fish-for-gas deal")]
    merged = with_found_agreements(model, text)
    assert [a.title for a in merged] == ["Chile-Peru fish-for-gas deal", "MoU on port data"]


def test_agreeing_on_something_names_what_was_agreed() -> None:
    text = "The exporters agreed this weekend in Quito on a banana export quota of 2 mln tonnes."
    assert _titles(text) == [
        ("Agreement on a banana export quota of 2 mln tonnes", S.agreed_in_principle)
    ]


def test_a_participle_after_the_noun_says_what_the_agreement_does() -> None:
    text = "Peru signed an agreement limiting exports of Peruvian cotton yarn, the ministry said."
    assert _titles(text) == [("agreement limiting exports of Peruvian cotton yarn", S.signed)]


def test_documents_listed_in_one_sentence_are_distinct() -> None:
    text = (
        "The two officials witnessed the signing of a list of key tasks between the ministry's "
        "Market Department and the Yunnan Department of Commerce, and another MoU on trade "
        "promotion between the ministry's Trade Promotion Agency and the Yunnan Department "
        "of Commerce."
    )
    titles = [title for title, _ in _titles(text)]
    assert len(titles) == 2
    assert titles[0].startswith("list of key tasks between")
    assert titles[1].startswith("MoU on trade promotion between")


def test_the_parties_a_title_names() -> None:
    from summarizer.extraction.agreement_finder import parties_in

    title = "MoU between the Peruvian Ministry of Trade and Tourism and the Cusco council"
    assert parties_in(title) == ["Peruvian Ministry of Trade and Tourism", "Cusco council"]
    assert parties_in("agreement with Petroperu to build a refinery") == ["Petroperu"]
    assert parties_in("agreement for exploration of the border zone between the two nations") == []
    text = HEADLINE + "Chile and Peru signed an MoU on port data between Callao and Valparaiso."
    (found,) = find_agreements(text)
    assert found.parties == ["Callao", "Valparaiso"]


def test_a_later_mention_that_says_more_names_the_agreement() -> None:
    text = (
        "OPEC retained the fixed prices set in its December accord. "
        "Norway said it would keep its curbs if OPEC stayed within its December accord on "
        "output and prices."
    )
    found = find_agreements(HEADLINE + text)
    assert [(a.title, a.status) for a in found] == [
        ("December accord on output and prices", S.in_force)
    ]
    assert found[0].evidence == "OPEC retained the fixed prices set in its December accord."


def test_a_headline_after_the_files_date_line_is_not_read() -> None:
    text = (
        "date 2025-10-08\nPeru set to sign fish-for-gas deal as talks open\n\n"
        "Peru expects to sign a fish-for-gas deal with Chile soon, as negotiations open in Lima."
    )
    found = find_agreements(text)
    assert [(a.title, a.status) for a in found] == [("fish-for-gas deal", S.under_negotiation)]
    assert found[0].evidence.startswith("Peru expects")


def test_a_sentence_spelling_out_an_agreement_adds_none() -> None:
    text = (
        "The ministers agreed to facilitate border trade during their meeting. "
        "Accordingly, both sides agreed to reopen border gates and markets."
    )
    assert _titles(text) == [("Agreement to facilitate border trade", S.agreed_in_principle)]


def test_a_merger_or_takeover_said_of_no_one_names_no_agreement() -> None:
    text = "There is speculation that this could lead to a full-blown merger."
    assert _titles(text) == []


def test_a_named_initiative_that_was_signed_is_an_agreement() -> None:
    text = "Grain moved through the Baltic Grain Initiative signed by Ruritania, he said."
    assert _titles(text) == [("Baltic Grain Initiative", S.signed)]
    assert _titles("The initiative signed by Ruritania helped, he said.") == []


def test_where_and_when_a_signing_is_due_stand_before_what_the_agreement_does() -> None:
    text = (
        "Ruritania and Borduria are expected to sign an agreement in Oslo next week settling "
        "Borduria's ferry debt, officials said."
    )
    assert _titles(text) == [
        ("agreement in Oslo next week settling Borduria's ferry debt", S.under_negotiation)
    ]
