"""Meetings read from the source without a model (`extraction.meeting_finder`)."""

from __future__ import annotations

import datetime as dt

from summarizer.domain import Meeting, MeetingKind, Participant
from summarizer.extraction.meeting_finder import (
    _name_before_title,
    found_meetings,
    with_found_meetings,
)

PUBLISHED = dt.date(2024, 5, 3)


def _people(meeting: Meeting) -> list[tuple[str, str | None]]:
    return [(p.name, p.title) for p in meeting.participants]


def test_a_sentence_of_people_meeting_names_each_by_title() -> None:
    text = (
        "Egypt seeks debt deal\n\n"
        "Economy Minister Ali Hassan met President Omar Farouk and Egyptian ambassador to "
        "Rome Karim Nabil to discuss the debt on Monday."
    )
    (meeting,) = found_meetings(text, PUBLISHED)
    assert _people(meeting) == [
        ("Ali Hassan", "Economy Minister"),
        ("Omar Farouk", "President"),
        ("Karim Nabil", "Egyptian ambassador to Rome"),
    ]
    assert meeting.location is None  # "ambassador to Rome" is a title, not where they met
    assert meeting.date_text == "on Monday"


def test_one_name_with_a_group_counterpart_and_a_place_is_a_meeting() -> None:
    text = (
        "Brazil minister travels\n\n"
        "Finance Minister Paulo Costa will fly to Tokyo for talks with government officials."
    )
    (meeting,) = found_meetings(text, PUBLISHED)
    assert _people(meeting) == [("Paulo Costa", "Finance Minister"), ("government officials", None)]
    assert meeting.location == "Tokyo"


def test_a_speaker_is_no_meeting() -> None:
    text = (
        "Exports rise\n\n"
        "Trade Minister Ana Ruiz told a news conference in Lima that exports rose.\n\n"
        "Minister Ana Ruiz met reporters."
    )
    assert found_meetings(text, PUBLISHED) == []


def test_a_name_written_earlier_is_known_by_its_last_word() -> None:
    text = (
        "Provinces sign MoU\n\n"
        "Governor Lee Min Ho arrived in Hanoi on May 2.\n\n"
        "Welcoming the delegation, Party Secretary Tran Van Binh said Lee's visit would "
        "open cooperation in Hanoi."
    )
    (meeting,) = found_meetings(text, PUBLISHED)
    assert {p.name for p in meeting.participants} == {"Tran Van Binh", "Lee Min Ho"}
    assert meeting.kind is MeetingKind.meeting and meeting.location == "Hanoi"


def test_the_headline_and_a_titled_name_without_a_meeting_word_are_not_read() -> None:
    text = "President Omar Farouk met Minister Ali Hassan\n\nPresident Omar Farouk said trade grew."
    assert found_meetings(text, PUBLISHED) == []


def test_a_found_meeting_joins_the_model_s_only_when_it_shares_no_participant() -> None:
    text = (
        "Talks in Cairo\n\n"
        "Economy Minister Ali Hassan met President Omar Farouk in Cairo.\n\n"
        "Foreign Minister Sara Adel received Ambassador John Smith in Cairo."
    )
    listed = Meeting(
        kind=MeetingKind.meeting,
        participants=[Participant(name="Ali Hassan"), Participant(name="Omar Farouk")],
    )
    meetings = with_found_meetings([listed], text, PUBLISHED)
    assert meetings[0] is listed
    assert [{p.name for p in m.participants} for m in meetings[1:]] == [{"Sara Adel", "John Smith"}]


def test_a_meeting_of_a_named_group_and_an_honorific_before_a_name() -> None:
    text = (
        "Norway extends cut\n\n"
        "Oil Minister Arne Olsen, currently in Iceland for a meeting of Nordic ministers, "
        "made no statement.\n\n"
        "President Joko Widodo received Prime Minister Datuk Seri Anwar Ibrahim in Bogor."
    )
    first, second = found_meetings(text, PUBLISHED)
    assert _people(first) == [("Arne Olsen", "Oil Minister"), ("Nordic ministers", None)]
    assert first.location == "Iceland"
    assert _people(second) == [("Joko Widodo", "President"), ("Anwar Ibrahim", "Prime Minister")]


def test_the_speakers_of_one_day_s_conference_are_one_meeting() -> None:
    text = (
        "Cities sign deal\n\n"
        "Five cities signed a cooperation agreement at a conference on Monday.\n\n"
        '"We will cooperate," said Acting Director of the Hà Nội Department of Industry and '
        "Trade Trần Thị Phương Lan at the event.\n\n"
        "At the event, Deputy Minister of Industry and Trade Phan Thị Thắng said trade grew."
    )
    (meeting,) = found_meetings(text, dt.date(2023, 10, 3))
    assert meeting.kind is MeetingKind.conference and meeting.date == dt.date(2023, 10, 2)
    assert _people(meeting) == [
        ("Trần Thị Phương Lan", "Acting Director of the Hà Nội Department of Industry and Trade"),
        ("Phan Thị Thắng", "Deputy Minister of Industry and Trade"),
    ]


def test_a_bodys_own_meeting_named_by_its_acronym_and_place_is_a_meeting() -> None:
    text = (
        "Oil output curbs kept\n\n"
        '"We took a positive view of the OPEC meeting in Vienna," a spokesman said. '
        "The IEA report in Paris was no meeting."
    )
    (meeting,) = found_meetings(text, PUBLISHED)
    assert _people(meeting) == [("OPEC", None)] and meeting.location == "Vienna"


def test_a_caption_of_a_named_official_meeting_a_body_is_a_meeting() -> None:
    text = (
        "Trade office busy\n\n"
        "Nguyen Duy Phu, head of the Vietnam Trade Office in Guangzhou (centre) in a meeting "
        "with the Guangdong Bird's Nest Industry Association. (Photo: VNA)"
    )
    (meeting,) = found_meetings(text, PUBLISHED)
    assert _people(meeting) == [
        ("Nguyen Duy Phu", "head of the Vietnam Trade Office in Guangzhou"),
        ("Guangdong Bird's Nest Industry Association", None),
    ]


def test_a_listed_pairing_no_sentence_tells_of_gives_way_to_the_sentences_meeting() -> None:
    text = (
        "Trade office busy\n\n"
        "Consul General Vu Viet Anh (centre) at a tourism seminar. (Photo: VNA)\n\n"
        "Nguyen Duy Phu, head of the Vietnam Trade Office, in a meeting with the Guangdong "
        "Bird's Nest Industry Association. (Photo: VNA)"
    )
    listed = Meeting(
        kind=MeetingKind.meeting,
        participants=[Participant(name="Nguyen Duy Phu"), Participant(name="Vu Viet Anh")],
    )
    (kept,) = with_found_meetings([listed], text, PUBLISHED)
    assert [p.name for p in kept.participants] == [
        "Nguyen Duy Phu",
        "Guangdong Bird's Nest Industry Association",
    ]
    told = (
        "Nguyen Duy Phu met Vu Viet Anh, then a meeting with the Guangdong Bird's Nest "
        "Industry Association."
    )
    assert with_found_meetings([listed], f"Headline\n\n{told}", PUBLISHED)[0] == listed


def test_a_time_phrase_before_a_comma_is_no_name() -> None:
    assert _name_before_title("On Tuesday, WMC chairman Tommie Bergman met the board.") is None
    assert _name_before_title("Ng Siew Kee, the chairman of the council, met them.") == (
        "Ng Siew Kee",
        "the chairman of the council",
    )
