"""Participants as the domain wants them: a name without its title, and a name at all.

A 1.5B model often writes the title into the name ("U.S. Trade Representative Jamieson
Greer", "Commerce Secretary Howard Lutnick") or lists a group ("Other senior officials").
A name with its title is not the name the text writes alone ("Greer said"), so it neither
matches nor grounds; a group is not a participant the reader can look up.
"""

from __future__ import annotations

import re

from summarizer.countries import COUNTRY_FORMS, DEMONYMS
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


def split_title(name: str, title: str | None) -> tuple[str, str | None]:
    """Name and title, with a title the name opens with moved to the title: "Commerce
    Secretary Howard Lutnick" -> ("Howard Lutnick", "Commerce Secretary"). Only when what
    stays is a person's name (two to four capitalised words, no title or organisation
    word); a title the model also gave is kept."""
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
    if not folded or name.strip().casefold() in PLACEHOLDERS or is_group(name):
        return False
    return folded not in COUNTRY_FORMS and folded not in DEMONYMS
