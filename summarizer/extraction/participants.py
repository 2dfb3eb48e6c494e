"""Participants as the domain wants them: a name without its title, and a name at all.

A 1.5B model often writes the title into the name ("U.S. Trade Representative Jamieson
Greer", "Commerce Secretary Howard Lutnick") or lists a group ("Other senior officials").
A name with its title is not the name the text writes alone ("Greer said"), so it neither
matches nor grounds; a group is not a participant the reader can look up.
"""

from __future__ import annotations

import re

from summarizer.countries import COUNTRY_FORMS, DEMONYMS
from summarizer.crosscheck.textfold import strip_marks
from summarizer.crosscheck.wordmatch import run_together, word_list

HEAD_TITLES = frozenset(
    word_list(
        "minister ministers secretary representative president chairman chairwoman chair "
        "director director-general governor ambassador premier chief commissioner mayor "
        "spokesman spokeswoman spokesperson ceo envoy senator chancellor king queen prince "
        "sheikh emir leader head counsellor counselor consul attache secretary-general "
        "vice-president vice-chairman deputy mr mrs ms dr prof"
    )
)
"""Words that end a title before a person's name ("Trade Representative Jamieson Greer")."""

ORGANISATION_WORDS = frozenset(
    word_list(
        "association ministry department company group bank corporation agency committee "
        "council office authority administration federation chamber institute union "
        "organisation organization fund board commission government embassy"
    )
)
"""Words that make a name an organisation's ("Guangdong Bird's Nest Industry Association")."""

COMPANY_WORDS = frozenset(
    word_list(
        "holdings holding financial securities corp corp. corporation inc inc. ltd ltd. "
        "limited plc llc co co. ag sa nv bhd resources power electric motors airlines "
        "airways petroleum mining steel industries enterprises"
    )
)
"""Words that make a name a company's ("UFJ Holdings", "Sumitomo Mitsui Financial",
"WMC Resources", "Yangtze Electric Power")."""

GROUP_WORDS = frozenset(
    word_list(
        "other others senior officials official representatives representative delegates "
        "delegation delegations members leaders leader side sides team teams the of and "
        "several some many various both two three four local provincial foreign business "
        "businesses executives experts participants guests"
    )
)
"""Words of a group ("Other senior officials", "representatives of both sides")."""

_WORD = re.compile(r"[\w'’.-]+")
_TITLE_LINKS = frozenset(word_list("of the and for on in to vice acting first prime general"))


PORTFOLIO_WORDS = frozenset(
    word_list(
        "trade industry commerce finance economy economic affairs planning investment "
        "agriculture energy defence defense health education transport justice labour labor "
        "tourism culture interior environment development cooperation relations"
    )
)
"""Words that end a title's portfolio ("Minister of Industry and Trade Nguyen Hong Dien")."""


def _trailing_name(name: str) -> tuple[str, str] | None:
    """(title, name) when a title with its portfolio or body runs straight into a person's
    name: "Acting Director of the Hà Nội Department of Industry and Trade Trần Thị Phương
    Lan" -> ("Acting Director of the Hà Nội Department of Industry and Trade", "Trần Thị
    Phương Lan"), "Vietnam Ambassador to Chile Pham Truong Giang". The name is the two to
    four capitalised words at the end that are no title, portfolio, body or country word,
    after such a word."""
    words = list(_WORD.finditer(name))
    stop = HEAD_TITLES | ORGANISATION_WORDS | PORTFOLIO_WORDS
    if not {w.group().casefold() for w in words} & HEAD_TITLES:
        return None

    def ends_title(word: str) -> bool:  # a title, portfolio or body word, or its country
        return word.casefold().strip(".") in stop or run_together(word) in COUNTRY_FORMS

    start = len(words)
    while start > 0 and len(words) - start < 4:
        word = words[start - 1].group()
        if not word[:1].isupper() or ends_title(word):
            break
        start -= 1
    if len(words) - start < 2 or start == 0:
        return None
    if not ends_title(words[start - 1].group()):
        return None
    at = words[start].start()
    return name[:at].strip(), name[at:].strip()


_HONORIFIC = re.compile(
    r"^(?:Comrade|(?:Datuk|Dato['’]?|Tan|Tun)(?:\s+(?:Seri|Sri))?|His Excellency|H\.\s?E\.)\s+"
)
"""Honorifics before a name ("Comrade Vi Thao", "Datuk Seri Anwar Ibrahim"): the source
also writes the name without them, which is the name."""


def without_honorific(name: str) -> str:
    """The name less a leading honorific, when two or more words stay."""
    rest = _HONORIFIC.sub("", name.strip())
    return rest if len(rest.split()) >= 2 else name


def split_title(name: str, title: str | None) -> tuple[str, str | None]:
    """`_split_title`, the name then less any honorific (`without_honorific`)."""
    person, person_title = _split_title(without_honorific(name), title)
    return without_honorific(person), person_title


def _split_title(name: str, title: str | None) -> tuple[str, str | None]:
    """Name and title, with a title the name opens with moved to the title: "Commerce
    Secretary Howard Lutnick" -> ("Howard Lutnick", "Commerce Secretary"), "Deputy
    Minister of Industry and Trade Phan Thị Thắng" -> ("Phan Thị Thắng", "Deputy Minister
    of Industry and Trade"). Only when what stays is a person's name (two to four
    capitalised words, no title or organisation word); a title the model also gave is
    kept."""
    trailing = _trailing_name(name)
    if trailing is not None:
        return trailing[1], title or trailing[0]
    words = _WORD.findall(name)
    for cut in range(len(words) - 2, 0, -1):
        if words[cut - 1].casefold().strip(".") not in HEAD_TITLES:
            continue
        rest = words[cut:]
        folded = {w.casefold() for w in rest}
        if (
            2 <= len(rest) <= 4
            and all(w[:1].isupper() for w in rest)
            and not folded & (HEAD_TITLES | ORGANISATION_WORDS)
        ):
            at = name.find(rest[0], len(" ".join(words[: cut - 1])))
            return name[at:].strip(), title or name[:at].strip() or None
        break
    return name, title


def is_group(name: str) -> bool:
    """Whether a "name" only names a group of people ("Other senior officials")."""
    words = {w.casefold() for w in _WORD.findall(name)}
    return bool(words) and words <= GROUP_WORDS


PLACEHOLDERS = frozenset(word_list("none null n/a na unknown unnamed tbd"))
"""What a model writes where it has no name."""


def is_placeholder(value: str) -> bool:
    """A model's stand-in for a value it does not have ("None", "unknown")."""
    return value.strip().casefold() in PLACEHOLDERS


def is_organisation(name: str) -> bool:
    """Whether a name is a body's, not a person's: a company ("UFJ Holdings") or another
    organisation ("Hanoi Department of Industry and Trade", "PNG Cocoa Industry Board")."""
    words = {w.casefold() for w in _WORD.findall(name)}
    return bool(words & (COMPANY_WORDS | ORGANISATION_WORDS))


def is_named_person_or_body(name: str) -> bool:
    """Whether a participant name names someone: not a placeholder ("None"), not a group
    ("Other senior officials"), not a country alone ("Vietnam", "U. S.": a side, which the
    participant's `country` holds)."""
    folded = run_together(name)
    if not folded or is_placeholder(name) or is_group(name):
        return False
    if is_title_only(name):
        return False
    return folded not in COUNTRY_FORMS and folded not in DEMONYMS


def is_title_only(name: str) -> bool:
    """Whether a "name" is a title and nothing else ("Minister of Economic Planning"): a
    head title with only portfolio and linking words beside it names an office, and the
    person holding it is elsewhere in the record or nowhere."""
    words = [w.casefold().strip(".") for w in _WORD.findall(name)]
    if not words or not set(words) & HEAD_TITLES:
        return False
    allowed = HEAD_TITLES | PORTFOLIO_WORDS | _TITLE_LINKS
    return all(w in allowed for w in words)


_PLACE_NOUNS = (
    r"province|city|prefecture|county|district|region|state|municipality|island|islands"
    r"|commune|town|village|capital"
)


def is_place(name: str, text: str) -> bool:
    """Whether the source writes a participant "name" as a place: ending in a place noun
    or before one ("Bac Ninh province", "Bắc Ninh city", accents aside) or as the short form of a
    country it spells out ("Republic of Korea (RoK)"). A 1.5B model lists the places of
    a provincial meeting as its participants; a place is a side, not someone who met."""
    if re.search(rf"\b(?:{_PLACE_NOUNS})$", name.strip(), re.I):
        return True  # the name is a place's: "RoK's Gyeongsangbuk Province"
    folded_text = strip_marks(text)
    escaped = r"\s+".join(re.escape(word) for word in strip_marks(name).split())
    if not escaped:
        return False
    if re.search(rf"\b{escaped}(?:’s|'s)?\s+(?:{_PLACE_NOUNS})\b", folded_text, re.I):
        return True
    spelled_out = rf"([A-Z][\w.-]*)\s*\(\s*{escaped}\s*\)"
    return any(
        run_together(spelled.group(1)) in COUNTRY_FORMS
        for spelled in re.finditer(spelled_out, folded_text)
    )


_BODY_TITLES = frozenset(re.split(r"\|", _PLACE_NOUNS)) | frozenset(word_list("firm company"))
"""What a model writes as the "title" of a place or a company."""


def is_person(participant_name: str, participant_title: str | None, text: str) -> bool:
    """Whether a participant is a person by what the record and the source say: a
    person's title (a model's "not specified" or "None" is none), a name of two to four
    capitalised words that is no body's, or a single name the source writes after a
    title ("President Reagan", "Mr Son"). "Xstrata" and "Yukos", which only ever stand
    alone, are companies: a meeting of those is a deal's sides."""
    if is_organisation(participant_name):
        return False
    title_words = {w.casefold().strip(".") for w in _WORD.findall(participant_title or "")}
    if title_words & HEAD_TITLES:
        return True
    if title_words & (_BODY_TITLES | ORGANISATION_WORDS | COMPANY_WORDS):
        return False  # the model's "title" says what the name is: "Province", "company"
    words = _WORD.findall(participant_name)
    if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
        return True
    if len(words) != 1:
        return False
    titled = re.compile(rf"\b([\w.-]+)\s+{re.escape(words[0])}\b")
    return any(m.group(1).casefold().strip(".") in HEAD_TITLES for m in titled.finditer(text))


_TITLE_MODIFIERS = frozenset(
    word_list("acting visiting deputy vice former first general executive")
)
TITLE_LINK_WORDS = frozenset(word_list("of the and for in to at on"))
"""Words that link a title's parts ("Minister of Industry and Trade", "Ambassador to Chile")."""
_APPOSITION_END = re.compile(
    r",|;|\s*\((?=[a-z])|\.(?:\s|$)|\s+(?:said|says|told|affirmed|stressed|noted|expressed|agreed|added)\b"
)
_MAX_TITLE_WORDS = 24


_PLACE_NOUN_WORDS = frozenset(_PLACE_NOUNS.split("|"))


def _ends_a_name(word: str) -> bool:
    """Whether a capitalised word ends a person's name rather than a title's portfolio or
    body ("Dien", not "Industry" of "Industry and Trade")."""
    bare = word.casefold().strip(".,")
    return word[:1].isupper() and bare not in PORTFOLIO_WORDS | HEAD_TITLES | ORGANISATION_WORDS


def _title_before(before: str) -> str | None:
    """The title that ends `before` (the text up to a name): capitalised words, linking
    words, title modifiers ("acting", "visiting") and possessives back to the first word
    that is none of these, holding a head title ("Minister of Industry and Trade")."""
    tokens = before.rstrip().split()
    start = len(tokens)
    while start > 0 and len(tokens) - start < _MAX_TITLE_WORDS:
        word = tokens[start - 1]
        bare = word.casefold().strip(".,’'")
        bare = re.sub(r"[’']s$", "", bare)
        if not (
            word[:1].isupper()
            or bare in TITLE_LINK_WORDS | _TITLE_MODIFIERS | _PLACE_NOUN_WORDS
            or bare in HEAD_TITLES
        ):
            break
        if word.endswith((",", ";", ":")) and start != len(tokens):
            break
        start -= 1
    words = tokens[start:]
    for index in range(len(words) - 1, 0, -1):  # "President A and Egyptian ambassador ...":
        if words[index] == "and" and _ends_a_name(words[index - 1]):
            words = words[index + 1 :]  # the title is the second person's
            break
    for index, word in enumerate(words):  # "According to Commerce Minister": not the title's
        if word.casefold() in TITLE_LINK_WORDS:
            if not {w.casefold().strip(".,") for w in words[:index]} & HEAD_TITLES:
                words = words[index + 1 :]
            break
    while words and words[0].casefold() in TITLE_LINK_WORDS:
        words = words[1:]
    heads = [i for i, w in enumerate(words) if w.casefold().strip(".,") in HEAD_TITLES]
    if heads and all(w[:1].isupper() for w in words[heads[-1] + 1 :]):
        words = words[: heads[-1] + 1]  # "Minister General", "Prime Minister Datuk Seri"
    if not {re.sub(r"[’']s$", "", w.casefold().strip(".,")) for w in words} & HEAD_TITLES:
        return None
    return " ".join(words).rstrip(",") or None


def title_in_source(name: str, text: str) -> str | None:
    """The title the source gives a person, in its own words: right before the name
    ("Minister of Industry and Trade Nguyen Hong Dien"), before ", name" ("the visiting
    Secretary of the Party Committee of China's Hainan province, Shen Xiaoming") or after
    it ("Liu Ning, visiting member of ... Region,"). The first occurrence that has one; None
    when the source gives none.

    Why: on the framed path the model writes no titles; copying them was a fifth of its
    answer, and a title read from the source is grounded by construction."""
    if not name.strip():
        return None
    for match in re.finditer(re.escape(name), text):
        line_start = max(text.rfind("\n", 0, match.start()), text.rfind(". ", 0, match.start()))
        before = text[line_start + 1 : match.start()]
        if before.rstrip().endswith(","):
            found = _title_before(before.rstrip()[:-1])
        else:
            found = _title_before(before) if before.endswith(" ") else None
        if found:
            return found
        after = text[match.end() :]
        apposition = re.match(r",\s+", after)
        if apposition is not None:
            rest = after[apposition.end() :]
            end = _APPOSITION_END.search(rest)
            phrase = rest[: end.start()] if end else ""
            words = phrase.split()
            folded = {w.casefold().strip(".") for w in words}
            if 0 < len(words) <= _MAX_TITLE_WORDS and folded & HEAD_TITLES:
                return phrase.strip()
    return None
