"""Meetings read from the source without a model: a sentence that tells of people meeting
("met", "received", "held talks with", "welcoming the delegation led by", "at a ceremony")
and names a person by title is a meeting of the people it names.

Why: the 1.5B model lists the meetings an article opens with and omits later ones ("Economy
Minister Youssri Mustapha ... met President Hosni Mubarak and ... Salah Bassiouni"), or a
counterpart named only by title in another clause. What the model wrote stays; a meeting
found here is added only when it shares no participant with one the model listed
(`with_found_meetings`). Each found meeting goes through the same conversion as the
model's (`convert.convert_meeting`): a named person is needed, a single name needs a
counterpart (a group the sentence names, "government officials", counts) and a date or a
place, the date words are the meeting's own, not the dateline's.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from summarizer.crosscheck.textfold import strip_marks
from summarizer.crosscheck.wordmatch import word_list
from summarizer.domain import Meeting, MeetingKind, Participant
from summarizer.extraction.convert import convert_meeting
from summarizer.extraction.participants import (
    HEAD_TITLES,
    ORGANISATION_WORDS,
    PORTFOLIO_WORDS,
    TITLE_LINK_WORDS,
    is_organisation,
    split_title,
    title_in_source,
)
from summarizer.extraction.wire import DraftMeeting, DraftParticipant
from summarizer.frames import sentence_spans
from summarizer.numbers.lexicon import MONTHS

_MEETS = re.compile(
    r"\b(?:met|meets|meeting with|met with|received|receiving|hosted|hosting"
    r"|held talks|holds talks|had talks|talks with|for talks|in talks"
    r"|welcom(?:ed|ing)|co-chair(?:ed|ing)?|at the invitation of|paid an? (?:\w+ )?visit"
    r"|(?:phone|telephone) (?:call|talks|conversation)|discussions with"
    r"|(?:for|at|in|during) (?:a|the) meeting|meeting of)\b",
    re.I,
)
"""Words that tell of people meeting, not of one speaking."""

_EVENTS = re.compile(r"\b(?:summit|forum|conference|ceremony|seminar|workshop|event)\b", re.I)
_NOT_A_MEETING = re.compile(
    r"\b(?:press|news) (?:conference|briefing)|\bbriefing\b|\btold (?:reporters|Reuters)\b",
    re.I,
)
"""A speaker's occasion: "told a news conference" is no meeting of two sides."""

_TITLE_WORDS = HEAD_TITLES | {"counterpart"}
_TOKEN = re.compile(r"[\w’'.-]+|[^\w\s]")
_MAX_TITLE_WORDS = 18


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


_GROUP = re.compile(
    r"\b(?:talks|meeting|met|discussions)\s+(?:only\s+)?(?:with|of)\s+(?P<group>(?:[\w.-]+\s+){0,4}?"
    r"(?:officials|representatives|negotiators|businesses|bankers|executives|leaders|delegates"
    r"|delegation|ministers))\b",
    re.I,
)
"""A counterpart the sentence names as a group ("talks with government officials", "a
meeting of Nordic ministers")."""

_PLACE = re.compile(
    r"(?:\b(in)|\b(?:fly|flying|flew|travel\w*|trip)\s+(to)?)\s*(?P<place>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})"
)
_NOT_PLACES = frozenset(
    word_list("monday tuesday wednesday thursday friday saturday sunday the this that")
) | frozenset(MONTHS)


_BODY_WORDS = ORGANISATION_WORDS | PORTFOLIO_WORDS | frozenset(word_list("city province region"))


def _apposed_name(words: list[str], at: int) -> tuple[str, int] | None:
    """The name set off by commas right after a title ("..., Bùi Tá Hoàng Vũ, said"): two
    to four capitalised words between a comma and a comma, or "said"; and where it ends."""
    if at >= len(words) or words[at] != ",":
        return None
    end = at + 1
    while end < len(words) and _capitalised(words[end]) and end - at <= 4:
        end += 1
    count = end - at - 1
    if 2 <= count <= 4 and end < len(words) and words[end] in (",", "said", "says"):
        return " ".join(words[at + 1 : end]), end
    return None


def _titled_phrases(sentence: str) -> list[str]:
    """Each title with the capitalised words before it and the words after it that may hold
    a name: "Economy Minister Youssri Mustapha", "Egyptian ambassador to Moscow Salah
    Bassiouni", "his Vietnamese counterpart Nguyen Xuan Phuc". A phrase ends at the first
    word that is neither capitalised nor a connector, or at a connector after a name
    (two capitalised words after the last title word: "Hosni Mubarak and ...")."""
    words = _TOKEN.findall(sentence)
    phrases: list[str] = []
    index = 0
    while index < len(words):
        if words[index].casefold().strip(".") not in _TITLE_WORDS:
            index += 1
            continue
        start = index
        while start > 0 and _capitalised(words[start - 1]) and index - start < 4:
            start -= 1
        end, name_words = index + 1, 0
        while end < len(words) and end - start < _MAX_TITLE_WORDS:
            word = words[end]
            if word.casefold().strip(".’'s") in _TITLE_WORDS | _BODY_WORDS:
                name_words = 0  # a title's own words: "Hà Nội Department of Industry"
            elif word.casefold() in TITLE_LINK_WORDS:
                if name_words >= 2:
                    break
                name_words = 0
            elif _capitalised(word):
                name_words += 1
            else:
                break
            end += 1
        while end > index + 1 and words[end - 1].casefold() in TITLE_LINK_WORDS:
            end -= 1
        phrase = " ".join(words[start:end])
        named = _apposed_name(words, end)  # "Director of ... Trade, Bùi Tá Hoàng Vũ, said"
        if named is not None:
            phrase, end = f"{phrase} {named[0]}", named[1]
        phrases.append(phrase)
        index = end
    return phrases


def _split_name(phrase: str) -> tuple[str, str | None]:
    """The name a titled phrase ends in, and its title: `participants.split_title`, else
    the two to four capitalised words after the last title word and any place it names
    ("Ambassador to Chile Pham Truong Giang", "counterpart Nguyen Xuan Phuc")."""
    name, title = split_title(phrase, None)
    if title is not None:
        return name, title
    words = phrase.split()
    last = max(i for i, w in enumerate(words) if w.casefold().strip(".") in _TITLE_WORDS)
    cut = last + 1
    if cut + 1 < len(words) and words[cut] in ("to", "in", "at") and _capitalised(words[cut + 1]):
        cut += 2
    rest = words[cut:]
    if 2 <= len(rest) <= 4 and all(_capitalised(w) for w in rest):
        return " ".join(rest), " ".join(words[:cut])
    return phrase, None


_NAME_THEN_TITLE = re.compile(
    r"^(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3}),\s+(?P<opens>[\w-]+(?:\s+[\w-]+)?)"
)
"""A sentence (or caption) opening with a name and, after a comma, the first two words of
its title: "Nguyen Duy Phu, head of the Vietnam Trade Office in Guangzhou (centre) in a
meeting with ..."."""


def _name_before_title(sentence: str) -> tuple[str, str] | None:
    """The name and title of `_NAME_THEN_TITLE` when a title word opens the apposition
    ("head of ...", "the head of ..."); the title as `participants.title_in_source` reads
    it. Not a time or place phrase ("On Tuesday, WMC chairman ...") and not a body."""
    match = _NAME_THEN_TITLE.match(sentence)
    if match is None:
        return None
    name = match["name"]
    first_words = {w.casefold().strip(".") for w in match["opens"].split()}
    if (
        not _TITLE_WORDS & first_words
        or name.split()[0].casefold() in TITLE_LINK_WORDS
        or is_organisation(name)
    ):
        return None
    title = title_in_source(name, sentence)
    return (name, title) if title is not None else None


_COUNTERPART_BODY = re.compile(
    r"\b(?:meeting|talks|met|meets|discussions|working session)\s+with\s+(?:the\s+)?"
    r"(?P<body>(?:[A-Z][\w’'-]*\s+){0,6}[A-Z][\w’'-]*)"
)
"""A body met as a counterpart: "in a meeting with the Guangdong Bird's Nest Industry
Association"."""


def _counterpart_body(sentence: str) -> str | None:
    match = _COUNTERPART_BODY.search(sentence)
    if match is None or not is_organisation(match["body"]):
        return None
    return match["body"]


def _names(sentence: str) -> list[tuple[str, str | None]]:
    """(name, title) of each person the sentence names by title."""
    found: list[tuple[str, str | None]] = []
    opening = _name_before_title(sentence)
    if opening is not None:
        found.append(opening)
    for phrase in _titled_phrases(sentence):
        name, title = _split_name(phrase.rstrip("."))
        if title is None or is_organisation(name) or any(name == n for n, _ in found):
            continue
        found.append((name, title))
    return found


def _place(sentence: str, names: set[str]) -> str | None:
    """The first place the sentence puts someone "in" (else travelling "to"), cut before
    any word of a participant's name ("in Moscow", not "Moscow Salah Bassiouni"; not the
    "Moscow" of "ambassador to Moscow")."""
    name_words = {w for name in names for w in name.split()}
    for preposition in ("in", "to"):
        for match in _PLACE.finditer(sentence):
            if (match.group(1) or "to") != preposition:
                continue
            words: list[str] = []
            for word in match.group("place").split():
                if word in name_words:
                    break
                words.append(word)
            if words and words[0].casefold() not in _NOT_PLACES:
                return " ".join(words)
    return None


def _know(known: dict[str, tuple[str, str | None] | None], person: tuple[str, str | None]) -> None:
    """Remember a person by the first and the last word of their name, which later
    sentences call them by ("Son" for Bui Thanh Son, "Lee" for Lee Cheol Woo, "Funaro"); a
    word two people share names neither (None)."""
    words = person[0].split()
    for key in {words[0], words[-1]}:
        if key not in known:
            known[key] = person
        elif known[key] is not None and known[key] != person:
            known[key] = None


def found_meetings(text: str, published: dt.date | None) -> list[Meeting]:
    """Meetings the sentences of `text` tell of, one per sentence, in the source's order."""
    known: dict[str, tuple[str, str | None] | None] = {}
    meetings: list[Meeting] = []
    for index, (start, end) in enumerate(sentence_spans(text)):
        sentence = " ".join(text[start:end].split())
        people = _names(sentence)
        for person in people:
            _know(known, person)
        if index == 0 or _NOT_A_MEETING.search(sentence):
            continue
        meetings.extend(_body_meetings(sentence))
        meets, event = _MEETS.search(sentence), _EVENTS.search(sentence)
        if not (meets or event):
            continue
        named = {name for name, _ in people}
        in_names = {word for name in named for word in name.split()}
        for word in re.findall(r"\b([A-Z][\w-]+)(?:['’]s)?\b", sentence):
            earlier = known.get(word) if word not in in_names else None
            if earlier is not None and earlier[0] not in named:
                people.append(earlier)
                named.add(earlier[0])
        if not people:
            continue
        participants = [DraftParticipant(name=n, title=t, country=None) for n, t in people]
        group = _GROUP.search(sentence)
        if group is not None:
            participants.append(DraftParticipant(name=group.group("group"), title=None))
        body = _counterpart_body(sentence)
        if body is not None and body not in named:
            participants.append(DraftParticipant(name=body, title=None))
        kind = MeetingKind.meeting if meets else MeetingKind.conference
        draft = DraftMeeting(
            kind=kind, date_text=None, location=_place(sentence, named), participants=participants
        )
        meeting = convert_meeting(draft, text, published)
        if meeting is not None:
            meetings.append(meeting)
    return _one_per_event(meetings)


_BODY_MEETING = re.compile(
    r"\b(?:the|an?|this|last|next|its)\s+(?P<body>[A-Z][A-Z0-9&]{1,9})\s+"
    r"(?:(?:ministerial|leaders'?|heads of state)\s+)?(?P<what>meeting|summit|conference|talks)"
    r"\s+in\s+(?P<place>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)"
)
"""'the OPEC meeting in Vienna', 'the ASEAN summit in Jakarta': a body's own meeting, whose
members the report need not name."""


def _body_meetings(sentence: str) -> list[Meeting]:
    """The meetings of a body the sentence tells of by the body's acronym and a place. The
    rule that a meeting needs a person (`convert_meeting`) is for the sides of a deal;
    here the body's members are the ones who met."""
    return [
        Meeting(
            kind=MeetingKind.meeting if found["what"] != "summit" else MeetingKind.conference,
            location=found["place"],
            participants=[Participant(name=found["body"])],
        )
        for found in _BODY_MEETING.finditer(sentence)
    ]


def _one_per_event(meetings: list[Meeting]) -> list[Meeting]:
    """Conference sentences of one day are one event: "... said Acting Director Trần Thị
    Phương Lan at the event", "At the event, Deputy Minister Phan Thị Thắng said ..." are
    the speakers of the conference "on Monday", not two meetings."""
    merged: list[Meeting] = []
    for meeting in meetings:
        same = next(
            (
                m
                for m in merged
                if m.kind is MeetingKind.conference
                and meeting.kind is MeetingKind.conference
                and m.date is not None
                and m.date == meeting.date
            ),
            None,
        )
        if same is None:
            merged.append(meeting)
            continue
        names = {p.name for p in same.participants}
        extra = [p for p in meeting.participants if p.name not in names]
        index = merged.index(same)
        merged[index] = same.model_copy(
            update={
                "participants": [*same.participants, *extra],
                "location": same.location or meeting.location,
            }
        )
    return merged


def _folded_name(name: str) -> str:
    return " ".join(strip_marks(name).casefold().split())


def _folded_names(meeting: Meeting) -> set[str]:
    return {_folded_name(p.name) for p in meeting.participants}


def with_found_meetings(
    listed: Sequence[Meeting], text: str, published: dt.date | None
) -> list[Meeting]:
    """The listed meetings, then each found one that shares no participant with any
    meeting already kept."""
    kept = list(listed)
    for meeting in found_meetings(text, published):
        names = _folded_names(meeting)
        sharing = [i for i, other in enumerate(kept) if names & _folded_names(other)]
        if not sharing:
            kept.append(meeting)
        elif (
            len(sharing) == 1
            and len(meeting.participants) >= 2
            and not _told_together(kept[sharing[0]], text)
        ):
            kept[sharing[0]] = meeting  # a pairing no sentence tells of: the sentence's wins
    return kept


def _told_together(meeting: Meeting, text: str) -> bool:
    """Whether one sentence of `text` names two of the meeting's participants (a word of
    each name): seed 003's model paired two people from two photo captions, a meeting no
    sentence tells of, where a caption tells of one of them meeting a body."""
    names = [set(_folded_name(p.name).split()) for p in meeting.participants]
    if len(names) < 2:
        return True
    for start, end in sentence_spans(text):
        words = set(re.findall(r"[\w’'-]+", _folded_name(text[start:end])))
        if sum(1 for name in names if name & words) >= 2:
            return True
    return False
