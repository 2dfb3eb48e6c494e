"""The two sides of a bilateral article, for a "two-way trade" that names neither.

News of economic diplomacy writes the pair once ("Vietnam and China ...") and then only
"two-way trade reached 50.21 billion USD". A reader of the record needs the pair; the
program adds it in brackets, so the record shows it is the article's pair, not the
clause's words: "two-way trade (Vietnam–China)".
"""

from __future__ import annotations

import re
from collections import Counter

from summarizer.countries import COUNTRY_FORMS, DEMONYMS
from summarizer.crosscheck.meaning import home_place
from summarizer.crosscheck.wordmatch import run_together

_TWO_WAY = re.compile(r"\b(?:two-way|bilateral)\s+trade\b", re.I)
_NAME = re.compile(r"\b[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?")
_MIN_MENTIONS = 2


def _country(words: str) -> str | None:
    """The folded country a name or its demonym stands for ("Lao" -> "laos")."""
    folded = run_together(words)
    if folded in COUNTRY_FORMS:
        return folded
    return DEMONYMS.get(folded)


def sides(text: str) -> tuple[str, str] | None:
    """The article's two countries as it writes them: its home country and the one it names
    most after it, each named at least twice, the second more often than any third; None
    for an article that is not plainly about one pair."""
    counts: Counter[str] = Counter()
    written: dict[str, str] = {}
    for match in _NAME.finditer(text):
        if text.startswith("$", match.end()):
            continue  # "US$453": a currency, not a side
        phrase = match.group().rstrip(".")
        for candidate in (phrase, phrase.split()[0]):
            folded = _country(candidate)
            if folded is not None:
                counts[folded] += 1
                name = re.sub(r"['’]s$", "", candidate)
                if run_together(name) in COUNTRY_FORMS:  # the country's name, not its demonym
                    written.setdefault(folded, name)
                break
    home = home_place(text)
    if home is None or counts[home] < _MIN_MENTIONS:
        return None
    others = [(n, c) for c, n in counts.items() if c != home]
    others.sort(reverse=True)
    if not others or others[0][0] < _MIN_MENTIONS:
        return None
    if len(others) > 1 and others[1][0] == others[0][0]:
        return None
    partner = others[0][1]
    return written.get(home, home.title()), written.get(partner, partner.title())


def with_sides(metric: str, pair: tuple[str, str] | None) -> str:
    """The metric with the article's pair added when it is two-way trade naming no country."""
    if pair is None or not _TWO_WAY.search(metric):
        return metric
    if any(_country(word) for word in re.findall(r"[\w’'.-]+", metric)):
        return metric
    return f"{metric} ({pair[0]}–{pair[1]})"
