"""Figure frames: what each number in an article measures, read from its words, no model.

A frame says, for one numeric mention: the sentence and clause it stands in, the noun
phrase it measures ("Hainan's exports", "import-export turnover between Vietnam and
Guangxi"), whether it is a level, a change or a share, the level a change belongs to
("reached 29.5 billion USD, an increase of 12.13%"), the figure a "respectively" list
gives it, the period words in scope ("in the first 10 months of 2025", inherited from an
earlier sentence of the same paragraph when the sentence names none) and the hedge
("over 95%"). The cross-checker compares a record's metric, period, qualifier and kind
with it; the prompt builder can show it to a model. Rules are documented in
docs/crosscheck.md ("Figure frames").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from summarizer.countries import COUNTRY_FORMS
from summarizer.domain import Direction, NumericMention, Qualifier
from summarizer.numbers import lexicon
from summarizer.source_text import DATELINE, DATELINE_REACH, SENTENCE_END
from summarizer.vocabulary import (
    COMPARATIVE_DOWN_WORDS,
    COMPARATIVE_UP_WORDS,
    PHRASAL_OVER_VERBS,
    PHRASAL_UP_VERBS,
)


class FrameRole(StrEnum):
    """What a number is in its clause."""

    level = "level"
    change = "change"
    share = "share"


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A half-open span of the source text, with its words."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Frame:
    """The reading of one numeric mention in its sentence."""

    mention_id: str
    sentence: TextSpan
    clause: TextSpan
    role: FrameRole
    subject: TextSpan | None = None
    """The noun phrase measured (for a change: the phrase of the level it qualifies)."""
    base_id: str | None = None
    """For a change: the mention id of the level figure it qualifies."""
    direction: Direction | None = None
    period: TextSpan | None = None
    years: frozenset[int] = frozenset()
    months: int | None = None
    """N of "the first N months" in the period words, if any."""
    qualifier: Qualifier | None = None
    hedged: bool = False
    """True when a hedge word stands right before the number, read or not as a qualifier."""
    respectively: bool = False
    window: TextSpan | None = None
    """The words between this number and its neighbours: what the number is said of."""
    whole: TextSpan | None = None
    """For a share: the total it is a part of ("20.1% of Japan's trade")."""
    settled: bool = False
    """True when a level or share cannot be a change: no change word between this number
    and its neighbours (up to the next comma), and a level verb right before it
    ("reached", "accounts for", "comprised") or no change word in its sentence."""
    context_years: frozenset[int] = frozenset()
    """Every year the figure may belong to: those its sentence names (comparison bases
    included) and those of the earlier sentences of its paragraph."""
    explicit_change: bool = False
    """True when a change verb or noun stands right before the number ("rose a real
    1.2 pct", "an increase of 7.44%"): a change whatever the extractor read."""
    stated: bool = False
    """True when the sentence writes a year outside comparison phrases."""
    lead_years: frozenset[int] = frozenset()
    """Years the article's first sentences (headline, lead) write."""
    previous: TextSpan | None = None
    """The sentence before, in the same paragraph (what "the figure" may refer to)."""
    carried: TextSpan | None = None
    """With no period words in scope, the period an earlier paragraph stated last: news
    copy names the reporting period once ("in January") and the figures of its later
    paragraphs are that period's unless they name their own. What a record's period is
    filled with (`reported_period`); the checker holds a record only to `period`."""

    @property
    def reported_period(self) -> TextSpan | None:
        """The period a figure is reported for: its own in scope, else the carried one."""
        return self.period or self.carried

    @property
    def scope(self) -> str:
        """The words that describe this number: subject, local window and clause."""
        parts = [p.text for p in (self.subject, self.window) if p is not None]
        return " ".join(parts) if parts else self.clause.text

    @property
    def context(self) -> str:
        """The sentence and the one before it in its paragraph: the widest reading."""
        parts = [p.text for p in (self.previous, self.subject) if p is not None]
        return " ".join([*parts, self.sentence.text])


# --------------------------------------------------------------------------- sentences


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences (or lines) of `text` as spans; also split where a '.' glues two sentences."""
    return list(_sentence_spans(text))


@lru_cache(maxsize=256)
def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Cached: every check of a source asks for its sentences several times."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for match in SENTENCE_END.finditer(text):
        _add_span(text, spans, cursor, match.start())
        cursor = match.end()
    _add_span(text, spans, cursor, len(text))
    return tuple(spans)


def _add_span(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def paragraph_starts(text: str) -> list[int]:
    """Offsets where a paragraph (a blank-line-separated block) begins."""
    return [0] + [m.end() for m in re.finditer(r"\n\s*\n", text)]


# --------------------------------------------------------------------------- word lists

_CLAUSE_BOUNDARY = re.compile(
    r"\s*(?:[;:]|\s[—–]\s|\s--\s|,\s*(?:of which|while|whereas|and|but|respectively|according to|"
    r"accounting for|compared with|compared to|including)\b|\bwhile\b|\bwhereas\b)\s*",
    re.I,
)
_CHANGE_BEFORE = re.compile(
    r"(?:\b(?:an?\s+)?(?:year[- ]on[- ]year\s+)?(?:increase|decrease|rise|fall|drop|decline|"
    r"growth|jump|gain|surge|contraction|reduction|plunge|slump)\s+(?:of|by)\s*"
    r"|\b(?:up|down|rising|rose|risen|grew|grown|growing|increased|increasing|decreased|"
    r"decreasing|fell|fallen|falling|declined|declining|jumped|surged|dropped|slumped|"
    r"climbed|gained|expanded|contracted|shrank|narrowed|widened|eased|plunged|soared|"
    r"ascended|leapt|leaped|depreciated|appreciated|slid|slipped|tumbled|retreated|"
    r"advanced|rebounded|edged\s+(?:up|down)|picked\s+up)"
    r"(?:\s+(?:by|an?\s+(?:annual|yearly|real|seasonally\s+adjusted)|only|just))*\s*"
    r"|\brespectively\s+(?:rising|falling|increasing|decreasing|up|down|growing|"
    r"declining)\s*"
    r"|\bby\s*)(?:(?:about|around|nearly|almost|over|more than|some|roughly)\s*)?$",
    re.I,
)
_CHANGE_AFTER = re.compile(
    r"^\s*(?:percent|per cent|%|pct|percentage points?)?\s*(?:(?:year[- ]on[- ]year|"
    r"y/y|yoy)\b|(?:growth|increase|rise|decrease|decline|drop|fall|jump|gain|surge|"
    r"contraction|reduction)\b|"
    rf"(?:{'|'.join(sorted(COMPARATIVE_UP_WORDS | COMPARATIVE_DOWN_WORDS))})\s+than\b)",
    re.I,
)
_SHARE_BEFORE = re.compile(
    r"\b(?:accounts?|accounted|accounting)\s+for\s*(?:(?:about|around|nearly|almost|over|"
    r"more than|less than|some|roughly|under)\s*)?$|\b(?:share|proportion)\s+of\s*$"
    r"|\b(?:makes?|made|making)\s+up\s*$|\brepresent(?:s|ed|ing)?\s*$",
    re.I,
)
_SHARE_AFTER = re.compile(
    r"^\s*(?:of\s+(?:the\s+)?(?:total|country|nation|world|whole|all|national|overall)"
    r"|share\b)",
    re.I,
)
_LEVEL_VERB = re.compile(
    r"\s*\b(?:reached|reaches|reach|hit|hits|was|were|is|are|stood at|stands at|totall?ed|"
    r"totals|amounted to|amounts to|rose to|fell to|grew to|increased to|decreased to|"
    r"climbed to|dropped to|came to|comes to|exceeded|topped|surpassed|valued at|worth|"
    r"add(?:s|ed)? up to|of|at|to|accounts? for|accounted for|accounting for|makes? up|"
    r"made up)\s*"
    r"(?:(?:about|around|nearly|almost|over|more than|less than|some|roughly|under|"
    r"approximately|up to|at least)\s*)?$",
    re.I,
)
_LEVEL_AFTER_CHANGE = re.compile(
    r"\b(?:to|from|at|reach|reached|of)\s+(?:(?:a|an)\s+)?(?:record|all-time\s+high\s+of|"
    r"high\s+of|low\s+of|about|around|nearly|almost|over|more\s+than|some|roughly|only)?\s*$",
    re.I,
)
"""A money or count figure after "rose 5% to", "from", "at", "reach": the level itself."""
_SETTLED_BEFORE = re.compile(
    r"\b(?:reached|reaches|hit|hits|stood at|stands at|totall?ed|totals|amounted to|"
    r"amounts to|was|were|is|are|accounts? for|accounted for|accounting for|comprised|"
    r"comprises|comprising|including|includes)\s*"
    r"(?:(?:about|around|nearly|almost|over|more than|less than|some|roughly|under)\s*)?$",
    re.I,
)
_ANY_CHANGE = re.compile(
    r"\b(?:up|down|ris\w*|rose|grow\w*|grew|increas\w*|decreas\w*|fell|fall\w*|declin\w*|"
    r"jump\w*|surg\w*|drop\w*|slump\w*|climb\w*|gain\w*|expand\w*|contract\w*|"
    r"shr[ai]nk\w*|narrow\w*|widen\w*|eas\w*|plung\w*|soar\w*|chang\w*|year[- ]on[- ]year|"
    r"compared|higher|lower|more than|less than|above|below|ahead|behind|doubl\w*|tripl\w*|"
    r"halv\w*|fold|ascend\w*|leap\w*|leapt|contribut\w*|added|adds|subtract\w*|knock\w*|"
    r"on-year|slid|slip\w*|tumbl\w*|retreat\w*|advanc\w*|recover\w*|rebound\w*)\b",
    re.I,
)
_INTRO = re.compile(
    r"^[\s,;)]*(?:(?:that|this|it|which)\s+(?:comprised|comprises|included|includes)|of which|"
    r"including|while|whereas|and|but|with|among them|in which)\b[\s,]*",
    re.I,
)
_ABBREVIATION_POINT = r"(?<=(?<![A-Za-z])[A-Z])\."
_NP_CHAR = rf"(?:[^,;:.()]|{_ABBREVIATION_POINT})"
_NP_STOP = rf"[,;:]|(?!{_ABBREVIATION_POINT})\."
"""A character inside a noun phrase, and its end: a clause mark, though not the points of
"U.S." ("2.0 billion dlrs in purchases from U.S. companies")."""
_OF_PHRASE = re.compile(
    rf"^\s*(?:in|of|for)\s+(?P<np>(?:{_NP_CHAR}|[()])+?)"
    rf"(?=\s+and\s*(?:[$€£¥]|$)|\s*(?:{_NP_STOP})|$)"
)
_WORTH_OF = re.compile(
    rf"^\s*worth\s+of\s+(?P<np>{_NP_CHAR}+?)(?=\s+and\s*(?:[$€£¥\d]|$)|\s*(?:{_NP_STOP}|\()|$)",
    re.I,
)
"""A value said of the goods after it: "2.5 billion dlrs worth of exports"."""
_FROM_PHRASE = re.compile(
    r"^\s*(?:\([^()]*\)\s*)?(?:was|were|is|are|came|comes|come)\s+(?:from|in|for)\s+"
    rf"(?P<np>{_NP_CHAR}+?)(?=\s*(?:{_NP_STOP}|\()|\s+(?:up|down|rising|falling|while)\b|$)",
    re.I,
)
"""A level said of the phrase after it: "16.29 billion USD was from Vietnam's exports"."""
_CHANGE_VERB_END = re.compile(
    r"\b(?:rising|rose|risen|grew|grown|growing|increased|increasing|decreased|decreasing|"
    r"fell|fallen|falling|declined|declining)\s+(?:by\s+)?$",
    re.I,
)
"""A change verb right before the number: the noun before that verb, in the number's own
window, is what changed ("imports growing by 20.3 percent and exports growing by 11
percent" after another figure's clause), not the level an earlier clause names."""
_GROWTH_IN = re.compile(
    r"^\s*(?:percent|per cent|%|pct)?\s*(?:year-on-year\s+|on-year\s+)?(?:growth|increase|rise|"
    r"decrease|decline|drop|fall|plunge|jump|surge|slump|gain|climb|dip|contraction|expansion)"
    r"\s+(?:in|of)\s+(?P<np>[^,;:.]+)",
    re.I,
)
_MULTIPLY_VERB = re.compile(r"\b(?:double|triple|quadruple|halve)$", re.I)
_MULTIPLIED_OBJECT = re.compile(
    r"^\s+(?!(?:overnight|again|quickly|soon|by|in|within|over|from|to|and)\b)"
    r"(?P<np>(?:(?:the|their|its|our)\s+)?[a-z][\w-]*(?:\s+(?!and\b)[a-z][\w-]*){0,3}?)"
    r"(?=\s*(?:[,;:.]|$)|\s+(?:within|in|by|over|from|to|between|before|after)\b)"
)
"""What a multiplying verb multiplies: "to double bilateral trade within three years"."""
_ANAPHOR = re.compile(
    r"^\s*(?:the|this|that)\s+(?:figure|number|value|amount|total)\s*$"
    r"|^\s*(?:it|this|they)(?:\s+(?:also|then|further|has|have|had))?(?:\s+(?:continued|continues|kept|keeps))?"
    r"(?:\s+to\s+(?:rise|grow|increase|climb|fall|decline|drop))?\s*$",
    re.I,
)
_PARTICLE_UP = re.compile(rf"\b(?:{'|'.join(sorted(PHRASAL_UP_VERBS))})\s+up\s*$", re.I)
_PARTICLE_OVER = re.compile(rf"\b(?:{'|'.join(sorted(PHRASAL_OVER_VERBS))})\s+over$", re.I)
_HEDGE_BEFORE = re.compile(
    r"\b(?:over|more than|above|at least|upwards of|exceeding|about|around|roughly|some|"
    r"approximately|nearly|almost|close to|closer to|under|less than|below|up to|just over|"
    r"just under|"
    r"as much as|as many as|an estimated|estimated|approx\.?|circa|topped|exceeded|within|"
    r"exceeds?|near|surpass\w*|top|tops|"
    r"nearly half|almost|some)\s*(?:[a-z]+\s+){0,3}[$€£¥]?$",
    re.I,
)
_QUALIFIER_OF = {
    "over": Qualifier.over,
    "above": Qualifier.over,
    "just over": Qualifier.over,
    "upwards of": Qualifier.over,
    "exceeding": Qualifier.over,
    "more than": Qualifier.more_than,
    "at least": Qualifier.at_least,
    "about": Qualifier.about,
    "around": Qualifier.about,
    "roughly": Qualifier.about,
    "some": Qualifier.about,
    "approximately": Qualifier.about,
    "nearly": Qualifier.nearly,
    "close to": Qualifier.about,  # either side of the number
    "closer to": Qualifier.about,  # "to a rate closer to 20%": near it, either side
    "almost": Qualifier.almost,
    "under": Qualifier.under,
    "below": Qualifier.under,
    "just under": Qualifier.under,
    "less than": Qualifier.less_than,
    "up to": Qualifier.up_to,
    "within": Qualifier.up_to,
    "exceed": Qualifier.over,
    "exceeds": Qualifier.over,
    "exceeded": Qualifier.over,
    "topped": Qualifier.over,
    "surpassed": Qualifier.over,
    "near": Qualifier.nearly,
}
_PREPOSITIONS = frozenset({"over", "under", "above", "below", "within"})
"""Hedges that are also prepositions: "under a five-year plan" hedges nothing."""
_THRESHOLD_AFTER = re.compile(
    r"^\s*(?:[\w-]+\s+){0,3}?(?:mark|level|threshold|barrier|line|ceiling|limit)\b", re.I
)
"""After "above the", "below the": a threshold ("the $47 a barrel mark") makes a hedge;
anything else ("under the five billion stg deal") a preposition."""
_DEGREE_BEFORE = re.compile(r"\b(?:slightly|well|far|much|way|still|even)\s*$", re.I)
"""'well below the 628 mln', 'slightly above the 0-5% range': a comparison, no hedge."""
_HEDGE_GAP = re.compile(r"(?:the|a|an)|(?:a|the) (?:rate|level|price) of")
"""What may stand between a hedge and its number: an article, "a rate of"."""
_QUALIFIER_FIRST = sorted(_QUALIFIER_OF.items(), key=lambda pair: -len(pair[0]))
"""Hedges by length, to read the hedge that opens a longer run of words."""
_HEDGE_AFTER = re.compile(
    r"^\s*(?:or more|or so|plus|and more|and above|or higher|or less)\b", re.I
)

_WORD_NUMBERS = {w: v for w, v in {**lexicon.ONES, **lexicon.TEENS}.items() if v <= 12}
"""Month counts in words ("the first ten months"), from the extractor's number words."""
_YEAR = r"(?:19|20)\d\d"
_MONTH_WORDS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_MONTH_NAME = rf"(?:{_MONTH_WORDS})"
_MONTH_ABBREVIATION = "(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
_QUARTERS = {w: n for w, n in lexicon.ORDINAL_WORDS.items() if n <= 4}
_QUARTERS |= {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_LAST_MONTH = r"(?:(?:last|past)\s+month|a\s+month\s+ago)"
LAST_MONTH = re.compile(rf"\b{_LAST_MONTH}\b", re.I)
"""'Last month': the month before publication (its year by `_implied_year`)."""
_MONTH_ANY = rf"(?:{_MONTH_WORDS}|{_MONTH_ABBREVIATION}\.?)"
"""A month's name, written out or short ("Sept", "Oct.")."""
_PERIOD = re.compile(
    rf"\b(?:(?:in|during|for|over)\s+)?(?:(?:the\s+)?(?P<n4>\d{{1,2}}|{'|'.join(_WORD_NUMBERS)})"
    rf"\s+months|the\s+year)\s+(?:to|ending|ended|through)\s+(?:end-|the\s+end\s+of\s+)?(?P<mon8>{_MONTH_ANY})"
    rf"(?:,?\s+(?P<y8>{_YEAR}))?\b"
    rf"|\b{_MONTH_ANY}\s+(?P<y9>{_YEAR})\s*[-–]\s*{_MONTH_ANY}\s+(?P<y9b>{_YEAR})\b"
    rf"|\b(?:(?:in|during|for|over|of)\s+)?(?:the\s+)?(?:first|last|past|initial|final)\s+"
    rf"(?P<n>\d{{1,2}}|{'|'.join(_WORD_NUMBERS)})\s+(?:months?|quarters?|weeks?)\s+"
    rf"(?:of\s+)?(?P<y1>{_YEAR}|this year|last year|the year)"
    rf"|\b(?:(?:in|during|for)\s+)?(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)"
    rf"\s+(?:quarter|half)\s+(?:of\s+)?(?P<y2>{_YEAR}|this year|last year)"
    rf"|\b{_MONTH_ANY}(?:\s*[-–/]\s*{_MONTH_ANY})?,?\s+(?:of\s+)?(?P<y3>{_YEAR})"
    rf"|\b(?:(?:in|during|for)\s+)?(?:the\s+)?(?-i:[HQ][1-4])\s+(?:of\s+)?(?P<y7>{_YEAR})\b"
    rf"|\b(?:(?:in|during|for|of)\s+)?(?:the\s+)?(?P<mon7>{_MONTH_NAME})\s+(?P<rel2>last|this|next)"
    r"\s+year\b"
    rf"|\b(?:between\s+(?P<y5>{_YEAR})\s+and|(?:from\s+)?(?P<y6>{_YEAR})\s+(?:to|through|until))"
    rf"\s+(?P<y5b>{_YEAR})\b"
    rf"|(?<![\d/-])\b(?P<y4>{_YEAR})(?!-\d\d-\d\d)(?:\s*[-–/]\s*(?P<y4b>\d{{2,4}}))?\b"
    r"|\b(?P<rel>last year|this year|past year|next year)\b"
    r"|\b(?:by|at|until|till)\s+(?P<ye>year-end|end-year|the\s+end\s+of\s+the\s+year)\b"
    rf"|\b(?:in|during|for)\s+(?:the\s+)?{_MONTH_NAME}\s*[-–]\s*(?P<mon10>{_MONTH_NAME})\b"
    r"(?![\s,]*(?:\d|period\b))"
    rf"|\b(?P<lm>{_LAST_MONTH})\b"
    rf"|\blast\s+(?P<mon9>{_MONTH_NAME})\b(?![\s,]*\d)(?!\s+(?:last|this|next)\s+year)"
    rf"|\b(?:(?:in|during|for|over|of)\s+)?(?:the\s+)?first\s+"
    rf"(?P<n2>\d{{1,2}}|{'|'.join(_WORD_NUMBERS)})\s+months\b"
    rf"|(?:\bthe|['’]s)\s+(?P<n3>\d{{1,2}}|{'|'.join(_WORD_NUMBERS)})[-\s]month(?=\s+(?:[a-z-]+\s+)?"
    r"(?:average|total|exports?|imports?|trade|turnover|revenues?|sales|output|surplus|"
    r"deficit|growth|figures?|collection|spending|disbursement)\b|\s*$)"
    rf"|\b(?:(?:in|during|for)\s+)?(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)"
    r"\s+(?P<qh>quarter|half)\b"
    r"|\b(?:(?:in|during|for)\s+)?(?-i:(?P<qs>[HQ][1-4]))\b"
    rf"|\b(?:(?:in|during|for)\s+)?(?:the\s+)?{_MONTH_NAME}\s*[-–]\s*(?P<mon>{_MONTH_NAME})"
    r"\s+period\b"
    rf"|\b(?:(?:in|during|for)\s+)?(?:the\s+)?week\s+(?:ending|ended|to)\s+"
    rf"(?P<wk>{_MONTH_NAME})\s+\d{{1,2}}\b(?![\s,]*(?:19|20)\d\d)"
    rf"|\b(?:(?:from|between)\s+)?{_MONTH_NAME}\s+(?:to|through|until|and)\s+"
    rf"(?P<mon6>{_MONTH_NAME})\b(?![\s,]*(?:\d|/|-))"
    rf"|\b(?:(?:in|during|for)\s+)?(?:the\s+)?{_MONTH_NAME}\s*/\s*(?P<mon5>{_MONTH_NAME})\b"
    r"(?![\s,]*(?:19|20)\d\d)(?:\s+(?:quarter|period)\b)?"
    rf"|\b(?:in|during|for|of)\s+(?P<mon1>{_MONTH_NAME})\b(?![\s,]*(?:\d|/|-))(?!\s+(?-i:[A-Z]))"
    rf"|(?<![\w,])(?:the\s+)?(?-i:(?P<mon4>{_MONTH_WORDS.replace('May|', '')}))(?:['’]s)?"
    r"(?=\s+(?-i:[a-z]))(?!\s+(?:and|or|to|through|until|till)\b)"
    rf"|\b(?:(?:in|during|for|over)\s+)?(?:the\s+)?first\s+\d{{1,2}}\s+days\s+of\s+"
    rf"(?P<mon2>{_MONTH_NAME})\b(?![\s,]*(?:19|20)\d\d)"
    rf"|\b(?:(?:in|during|for)\s+)?(?:the\s+)?(?P<mon3>{_MONTH_NAME}|{_MONTH_ABBREVIATION}\.)"
    r"\s*\d{1,2}\s*[-–]\s*\d{1,2}\b(?![\s,]*(?:19|20)\d\d)(?:\s+period\b)?",
    re.I,
)
"""Period words. The last four forms name no year ("in the first seven months", "in the
second quarter", "the January-July period", "in July"): news copy means the latest such
period up to its publication date, so the year is read from that (`_implied_year`)."""
_MONTH_GROUPS = ("mon", "mon1", "mon2", "mon3", "mon4", "mon5", "mon6", "mon10", "wk")
"""The groups of period words that end in a month and write no year ("the January/March
quarter", "in July"): their year is the publication's latest such month."""
_IMPLIED_GROUPS = ("rel", "rel2", "ye", "lm", "mon9", "n2", "n3", "q", "qs", *_MONTH_GROUPS)
"""The groups of period words that write no year (`implied`)."""


def _years_of(match: re.Match[str], published: dt.date | None) -> frozenset[int]:
    if match.group("y9"):  # "Oct 1986-March 1987"
        return frozenset({int(match.group("y9")), int(match.group("y9b"))})
    if match.group("mon8"):  # "the six months to end-September"
        if match.group("y8"):
            return frozenset({int(match.group("y8"))})
        return _nearest_year(lexicon.MONTHS[match.group("mon8").lower().rstrip(".")], published)
    for group in ("y1", "y2", "y3", "y7"):
        value = match.group(group)
        if value:
            return _year_word(value, published)
    if match.group("y5b"):  # "between 1967 and 1974", "1967 to 1974"
        first = int(match.group("y5") or match.group("y6"))
        last = int(match.group("y5b"))
        if first <= last <= first + 20:
            return frozenset(range(first, last + 1))
        return frozenset({first, last})
    if match.group("y4"):
        first = int(match.group("y4"))
        tail = match.group("y4b")
        if tail:
            last = int(tail) if len(tail) == 4 else first // 100 * 100 + int(tail)
            if first <= last <= first + 20:
                return frozenset(range(first, last + 1))
        return frozenset({first})
    rel = match.group("rel")
    if rel:
        return _year_word(rel, published)
    if match.group("ye"):  # "by year-end": the publication's year
        return _year_word("this year", published)
    if match.group("rel2"):  # "in January last year"
        return _year_word(f"{match.group('rel2')} year", published)
    return _implied_year(match, published)


def _nearest_year(month: int, published: dt.date | None) -> frozenset[int]:
    """The year of the month nearest publication: a span "to end-September" written in
    April is this year's coming one, "to end-December" written in January last year's."""
    if published is None:
        return frozenset()
    now = published.year * 12 + published.month
    best = min((published.year + d for d in (-1, 0, 1)), key=lambda y: abs(y * 12 + month - now))
    return frozenset({best})


def _month_count(match: re.Match[str]) -> int | None:
    """N of "the first N months" in period words, in digits or words."""
    n = match.group("n") or match.group("n2") or match.group("n3")
    return _count_of(n) if n else None


def _count_of(n: str) -> int:
    return int(n) if n.isdigit() else _WORD_NUMBERS[n.lower()]


def implied(match: re.Match[str]) -> bool:
    """Period words that write no year: relative ("last year") or left to the publication
    date ("in July", "the first seven months")."""
    if match.group("mon8"):
        return not match.group("y8")
    return any(match.group(g) for g in _IMPLIED_GROUPS)


def _implied_year(match: re.Match[str], published: dt.date | None) -> frozenset[int]:
    """The year of the latest such period ending by the publication month: "in July"
    published in August is this July, "December" published in January last December; "the
    first 11 months" published in January are last year's."""
    if published is None:
        return frozenset()
    last_month: int | None = None
    if match.group("lm"):
        return frozenset({published.year if published.month > 1 else published.year - 1})
    if match.group("mon9"):  # "last April": the latest April before the publication month
        named = lexicon.MONTHS[match.group("mon9").lower()]
        return frozenset({published.year if named < published.month else published.year - 1})
    if match.group("n2") or match.group("n3"):  # "the first seven months", "the 10-month total"
        last_month = _month_count(match)
    elif match.group("q"):
        last_month = max(_part_months(match.group("q"), match.group("qh")), default=None)
    elif match.group("qs"):  # "in Q3", "H1"
        last_month = max(_part_months(match.group("qs")[1], match.group("qs")[0]), default=None)
    else:
        month = next((match.group(g) for g in _MONTH_GROUPS if match.group(g)), "")
        last_month = lexicon.MONTHS.get(month.lower().rstrip("."))
    if last_month is None or not 1 <= last_month <= 12:
        return frozenset()
    return frozenset({published.year if last_month <= published.month else published.year - 1})


def _year_word(word: str, published: dt.date | None) -> frozenset[int]:
    if re.fullmatch(_YEAR, word):
        return frozenset({int(word)})
    if published is None:
        return frozenset()
    lowered = word.lower()
    if lowered in ("this year", "the year"):
        return frozenset({published.year})
    if lowered == "next year":
        return frozenset({published.year + 1})
    return frozenset({published.year - 1})


def read_period(text: str, published: dt.date | None = None) -> tuple[frozenset[int], int | None]:
    """The years and the "first N months" count that period words (a record's or a
    source's) name: "first 10 months of 2025" -> ({2025}, 10); "2023 (last year)" -> {2023}.
    Written years win over relative words ("last year") when a text has both, and those
    over the latest year a bare month implies ("the Dec. 1-20 period, last year (the same
    period)" is 2023's)."""
    years: set[int] = set()
    relative: set[int] = set()
    latest: set[int] = set()
    months: int | None = None
    for match in _PERIOD.finditer(text):
        if not implied(match):
            years.update(_years_of(match, published))
        elif match.group("rel") or match.group("rel2"):
            relative.update(_years_of(match, published))
        else:
            latest.update(_years_of(match, published))
        months = _month_count(match) or months
    return frozenset(years or relative or latest), months


# --------------------------------------------------------------------------- frames


def frames_for(
    text: str, mentions: list[NumericMention], published: dt.date | None = None
) -> dict[str, Frame]:
    """The frame of every figure mention (dates and years get none), keyed by mention id."""
    sentences = sentence_spans(text)
    paragraphs = paragraph_starts(text)
    figures = sorted((m for m in mentions if m.is_figure), key=lambda m: m.start)
    frames: dict[str, Frame] = {}
    previous_subject: TextSpan | None = None
    previous_sentence: TextSpan | None = None
    inherited_years: frozenset[int] = frozenset()
    inherited: tuple[TextSpan | None, frozenset[int], int | None] = (None, frozenset(), None)
    stated = inherited
    first_stated: TextSpan | None = None
    """The first reporting period within a year that a paragraph leaves (a headline's bare
    year aside): the article's, which a later paragraph's part of it does not replace
    (`_within`)."""
    paragraph = -1
    figured = False
    named: set[str] = set()
    """Whether the paragraph so far has a figure, and the period words it names: narrative
    alone that names two periods ("cold weather in January reduced exports that month ...
    in the February figures") states no reporting period; a lead that names one does."""
    lead_years = frozenset().union(
        *(_explicit_years(text, a, b, published, ranges=False) for a, b in sentences[:3])
    )
    opening = _opening_period(text, sentences, published)
    named_subjects: list[TextSpan] = []
    """Subjects so far that name someone ("Japan's trade surplus"): what a later bare "the
    surplus" refers to (`_antecedent`)."""
    last_base: _Period = (None, frozenset(), None)
    """The period of the last comparison base that names one: a later base that names none
    is of the same period ("after 300 mln in January" ... "after 11.2 billion")."""
    for s_start, s_end in sentences:
        here = max(i for i, p in enumerate(paragraphs) if p <= s_start)
        if here != paragraph:
            if (
                inherited[1]
                and (figured or len(named) < 2)
                and not _coarser(inherited, stated)
                and not (_within(inherited, stated) and _same_months(stated[0], first_stated))
            ):
                stated = inherited
                if first_stated is None and stated[0] and months_spanned(stated[0].text):
                    first_stated = stated[0]
            paragraph, inherited, previous_subject = here, (None, frozenset(), None), None
            inherited_years = frozenset()
            figured, named = False, set()
        inside = [m for m in figures if s_start <= m.start and m.end <= s_end]
        figured = figured or bool(inside)
        periods = _periods(text, s_start, s_end, published)
        named.update(p[0].text.casefold() for p in periods)
        of_the_period = [_year_of_the_period(text, p, inherited, stated) for p in periods]
        if not periods and stated[1] and _PERIOD_ANAPHOR.search(text, s_start, s_end):
            inherited = stated  # "in the reviewed period": an earlier paragraph's last period
        bases = _compared_periods(text, inside, published, s_end)
        compared = frozenset(base[0] for base in bases if base[0] is not None)
        reported = [p for p in periods if p[0] not in compared and not _SINCE_SPAN.match(p[0].text)]
        if reported and not _only_a_totals_span(reported[0][0].text):
            inherited = reported[0]  # not "the 10 month deficit": that total's span only
        inherited_before = inherited_years
        own = frozenset().union(*(p[1] for p in periods))
        inherited_years = own or inherited_years
        if not inside:
            named_subjects.extend(_owned_measures(text, s_start, s_end))
            previous_sentence = TextSpan(s_start, s_end, text[s_start:s_end])
            continue
        built = _sentence_frames(
            text,
            (s_start, s_end),
            inside,
            of_the_period,
            inherited,
            published,
            compared,
            last_base,
            stated,
        )
        last_base = bases[-1] if bases else last_base
        context_years = _explicit_years(text, s_start, s_end, published).union(
            *(p[1] for p in periods), _relative_years(text, s_start, s_end, published)
        )
        context_years |= inherited_before
        for index, frame in enumerate(built):
            if frame.subject is not None and _ANAPHOR.match(frame.subject.text):
                earlier = [
                    f.subject
                    for f in built[:index]
                    if f.subject is not None
                    and not is_bare(f.subject)
                    and not _ANAPHOR.match(f.subject.text)
                ]  # "... totaled nearly $48 billion last year, though it declined 9.1%"
                frame = _replace(frame, subject=earlier[-1] if earlier else previous_subject)
            antecedent = _antecedent(frame.subject, named_subjects)
            if antecedent is not None:
                frame = _replace(frame, subject=antecedent)  # "The surplus" after Taiwan's
            years = context_years | frame.years
            if not _stated_years(text, s_start, s_end, published):
                years |= inherited_before  # only comparison years here: the figure's own
            if frame.period is None:
                if stated[0] is not None and _reporting(stated[1], published):
                    frame = _replace(frame, carried=stated[0])
                elif stated[0] is None and opening is not None:
                    frame = _replace(frame, carried=opening)
            frame = _replace(
                frame,
                context_years=years,
                lead_years=lead_years,
                previous=previous_sentence,
                stated=bool(_stated_years(text, s_start, s_end, published)),
            )
            frames[frame.mention_id] = frame
        levels = [f for f in built if f.role is FrameRole.level and f.subject is not None]
        if levels:
            previous_subject = levels[0].subject
        named_subjects.extend(
            f.subject for f in built if f.subject is not None and _NAMED.search(f.subject.text)
        )
        previous_sentence = TextSpan(s_start, s_end, text[s_start:s_end])
    return frames


_BARE_MEASURE = re.compile(
    r"(?:the\s+)?(?:trade\s+)?(?P<head>surplus|deficit|output|production)", re.I
)
_SAME_MEASURE = {"output": "output|production", "production": "output|production"}
_NAMED = re.compile(r"(?<=\s)[A-Z]|^[A-Z][\w.-]*['’]s\b")
"""A subject that names someone: a capitalised word after its first, or an owner first."""
_MAX_ANTECEDENT_WORDS = 8


_PARTNER_NAME = r"(?:the\s+)?(?:[A-Z]\.(?:[A-Z]\.?)+|[A-Z]\w*(?:\s+[A-Z]\w*)*)"
_OWNED_MEASURE = re.compile(
    r"(?P<owner>\b[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*['’]s|\bits)\s+(?P<rest>(?:[a-z-]+\s+){0,2}?"
    rf"(?:surplus|deficit|output|production)(?:\s+(?:with|to|from)\s+{_PARTNER_NAME})?)"
)
_OWNER_BEFORE_ITS = re.compile(r"\b([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*['’]s)")


def _owned_measures(text: str, start: int, end: int) -> list[TextSpan]:
    """A sentence's owned balances and outputs that no number measures ("Taiwan's ability
    to reduce its trade surplus with the U.S."), with "its" read as the sentence's owner
    before it: what a later bare "The surplus" refers to."""
    found = []
    for match in _OWNED_MEASURE.finditer(text, start, end):
        owner = match["owner"]
        if owner == "its":
            earlier = _OWNER_BEFORE_ITS.findall(text, start, match.start())
            if not earlier:
                continue
            owner = earlier[-1]
        rest = match["rest"]
        if not re.search(r"[A-Z]\.[A-Z]\.$", rest):
            rest = rest.rstrip(".")  # a sentence's point, not the last of "U.S."
        found.append(TextSpan(match.start(), match.end(), f"{owner} {rest}"))
    return found


def _antecedent(subject: TextSpan | None, named: list[TextSpan]) -> TextSpan | None:
    """The earlier subject a bare "the surplus" or "Output" refers to: the latest one with
    the same head noun (output and production are one) that names its owner ("Taiwan's
    trade surplus with the U.S.", "Production of Indonesian cocoa beans")."""
    if subject is None:
        return None
    bare = _BARE_MEASURE.fullmatch(subject.text.strip())
    if bare is None or not re.match(r"the\s|[A-Z]", subject.text.strip()):
        return None  # "a 300 mln mark surplus": a new one, not the one before
    head = bare["head"].casefold()
    pattern = re.compile(rf"\b(?:{_SAME_MEASURE.get(head, head)})\b", re.I)
    for earlier in reversed(named):
        if earlier.start >= subject.start or not pattern.search(earlier.text):
            continue
        if len(earlier.text.split()) > _MAX_ANTECEDENT_WORDS or re.search(r"\d", earlier.text):
            return None  # the latest is a clause, not a noun phrase: no reading
        return earlier
    return None


def _compared_periods(
    text: str, inside: list[NumericMention], published: dt.date | None, sentence_end: int
) -> list[_Period]:
    """The periods of a sentence's compared numbers, in order (`_compared_period`: the "in
    January" of "reduced to 6.5 billion francs from eight billion in January"). Their words
    are neither what later sentences are reported for nor another figure's period, and the
    last is what a later base that names no period is of.

    Why: carried on, a base figure's month became the period of the next paragraph's
    figures (dev r05: the February energy deficit recorded as January's)."""
    found = (_compared_period(text, mention, inside, published, sentence_end) for mention in inside)
    return [period for period in found if period is not None]


_OPENING_SENTENCES = 4


def _opening_period(
    text: str, sentences: list[tuple[int, int]], published: dt.date | None
) -> TextSpan | None:
    """The first reporting period the headline and the first sentences state: what the
    figures before it are of ("The gap has widened to more than $60bn. Figures for
    November showed ...")."""
    for start, end in sentences[:_OPENING_SENTENCES]:
        for span, years, _ in _periods(text, start, end, published):
            if _reporting(years, published):
                return span
    return None


_WITHIN_A_YEAR = re.compile(
    rf"\b(?:(?:{_MONTH_WORDS}|months?|quarters?|half|days|weeks?)\b|{_MONTH_ABBREVIATION}\.)",
    re.I,
)

_Period = tuple[TextSpan | None, frozenset[int], int | None]


def _coarser(new: _Period, old: _Period) -> bool:
    """Whether `new` names only the year of `old`, a part of that year: "this year's period
    included 16 working days" after "in the first 20 days of December" is still December's."""
    if new[0] is None or old[0] is None or new[1] != old[1]:
        return False
    return not _WITHIN_A_YEAR.search(new[0].text) and bool(_WITHIN_A_YEAR.search(old[0].text))


_QUARTER_OR_HALF = re.compile(
    r"\b(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?P<qh>quarter|half)\b", re.I
)
_SHORT_PART = re.compile(r"\b(?P<kind>[HQ])(?P<n>[1-4])\b")
"""A quarter or half written short: "Q3", "H1"."""
_MONTH_RANGE = re.compile(
    rf"\b(?P<a>{_MONTH_ANY})(?:\s+(?P<ya>{_YEAR}))?\s*(?:-|–|/|to|through|until)\s*"
    rf"(?P<b>{_MONTH_ANY})(?![a-z])",
    re.I,
)


def _part_months(which: str, kind: str) -> frozenset[int]:
    """The months of a year's quarter or half: ("second", "half") and ("1", "H") are
    {7..12} and {1..6}; ("3", "Q") {7, 8, 9}; a part past the year's end, none."""
    size = 3 if kind.lower() in ("quarter", "q") else 6
    number = int(which) if which.isdigit() else _QUARTERS[which.lower()]
    last = number * size
    return frozenset(range(last - size + 1, last + 1)) if last <= 12 else frozenset()


def months_spanned(words: str) -> frozenset[int]:
    """The months of the year period words cover: "the first three months" and "January
    to March" {1, 2, 3}; "the second half" {7..12}; "in March" {3}; none named, empty."""
    match = _PERIOD.search(words)
    if match is not None and match.group("mon8"):  # "six months to end-September": 4..9
        size = _count_of(match.group("n4")) if match.group("n4") else 12  # "the year to June"
        last = lexicon.MONTHS[match.group("mon8").lower().rstrip(".")]
        return frozenset((last - k - 1) % 12 + 1 for k in range(min(size, 12)))
    count = _month_count(match) if match is not None else None
    if count is not None and 1 <= count <= 12:
        return frozenset(range(1, count + 1))
    part = _QUARTER_OR_HALF.search(words)
    if part is not None:
        return _part_months(part["q"], part["qh"])
    short = _SHORT_PART.search(words)
    if short is not None:
        return _part_months(short["n"], short["kind"])
    span = _MONTH_RANGE.search(words)
    if span is not None:
        first = lexicon.MONTHS[span["a"].lower().rstrip(".")]
        last = lexicon.MONTHS[span["b"].lower().rstrip(".")]
        if first > last and span["ya"]:  # "Oct 1986-March 1987": across the new year
            return frozenset(range(first, 13)) | frozenset(range(1, last + 1))
        return frozenset(range(first, last + 1)) if first <= last else frozenset()
    named = {lexicon.MONTHS[w] for w in re.findall(r"[a-z]+", words.lower()) if w in _MONTH_SET}
    return frozenset(named) if len(named) == 1 else frozenset()


_MONTH_SET = frozenset(_MONTH_WORDS.lower().split("|"))


def _within(new: _Period, old: _Period) -> bool:
    """Whether `new` is a part of the months `old` covers in the same year: "in March" or
    "the first five months" after a lead's "first three months" or "first 10 months".

    Why: a later paragraph's history ("results last January ... overcome in March", dev
    r17; "the average in the first five months", dev v11) is said of its own figures; the
    next paragraphs' figures are still the lead's period. Only the lead's: a monthly report
    that goes on to the year so far ("for the first eleven months", then "November saw")
    is back on its month."""
    if new[0] is None or old[0] is None or not new[1] or new[1] != old[1]:
        return False
    inner, outer = months_spanned(new[0].text), months_spanned(old[0].text)
    return bool(inner) and len(outer) > 1 and inner < outer


def _same_months(span: TextSpan | None, other: TextSpan | None) -> bool:
    """Whether two period words cover the same months ("the first three months of the
    year", "from January to March")."""
    if span is None or other is None:
        return False
    months = months_spanned(span.text)
    return bool(months) and months == months_spanned(other.text)


def _reporting(years: frozenset[int], published: dt.date | None) -> bool:
    """Whether period words can be an article's reporting period, which later paragraphs'
    figures carry: the publication year or the one before (a forecast "by 2009" or a
    history "since 1967" is said of the figures beside it, not of the next paragraph's)."""
    if not years or published is None:
        return False
    if len(years) == 2 and min(years) + 1 == max(years) == published.year + 1:
        return True  # a split year under way: "in 1987/88 starting April 1"
    return all(published.year - 1 <= year <= published.year for year in years)


_PERIOD_ANAPHOR = re.compile(
    r"\b(?:in|during|over|for)\s+(?:the|this|that)\s+"
    r"(?:(?:reviewed|review|reporting|said|whole)\s+)?period\b",
    re.I,
)
"""Words pointing back to a period named before ("in the reviewed period", "during the
period"); not "the same period", which is a comparison base ("than in the same period
last year")."""


def _replace(frame: Frame, **update: object) -> Frame:
    return dataclasses.replace(frame, **update)  # type: ignore[arg-type]


_COMPARED_NEAR = re.compile(
    r"\bfrom(?!\s+(?:the\s+)?[A-Z])\b(?:(?!\bto\b)[^,;.]|[.,]\d){0,40}(?:,\s*)?$"
    r"|\b(?:(?<!more\s)(?<!less\s)(?<!fewer\s)than(?!\s+(?:had\s+been\s+|was\s+)?"
    r"(?:expected|forecast|anticipated|predicted|planned|estimated|hoped)\b)|against|"
    r"compared|versus|vs|since|above|below|"
    r"(?:up|down)\s+on|(?:previous|former|old)\s+(?:record|high|peak))"
    r"\b(?:[^,;.]|[.,]\d){0,40}(?:,\s*)?$"
)
"""Words before period words that make them a comparison base ("from 7.6 pct last year");
after "from ... to" the words are the target's ("from 7.6 pct last year to five pct in
1987")."""
_COMPARED_NUMBER = re.compile(
    r"\b(?:compared\s+(?:with|to)|against|versus"
    r"|(?:after|from)(?:\s+(?:a|an|the))?(?:\s+[a-z-]+){0,2}?(?:\s+of)?)"
    r"\s+(?:(?:about|some|only|just|nearly|almost|around|roughly)\s+)?"
    rf"(?:[$€£¥]?(?!(?:19|20)\d\d\b)\d|(?:{'|'.join(_WORD_NUMBERS)})\s+(?:mln|million|billion|bln|trillion)\b)",
    re.I,
)
"""A compared number after a figure ("7.9 billion dlrs, compared with 8.7 billion dlrs in
a similar 2023 period", "1.60 billion marks in February after 2.83 billion in January",
"a deficit of 8.14 billion marks after a surplus of 194 mln in January"): period words
after it are that number's, not the figure's."""
_COMPARED_BEFORE = re.compile(_COMPARED_NUMBER.pattern + r"[^,;:()]{0,70}$", re.I)
_COMPARISON = re.compile(
    r"(?:\b(?:from|since|than|over|against|versus|vs\.?|compared\s+(?:with|to)|"
    r"same\s+(?:period|month|quarter)(?:\s+(?:of|in))?|above|below|in\s+the\s+year\s+to)"
    r"\s+(?:the\s+)?(?:same\s+(?:period|month|quarter)\s+(?:(?:of|in)\s+)?)?)$",
    re.I,
)


def _relative_years(text: str, start: int, end: int, published: dt.date | None) -> frozenset[int]:
    """Years of a sentence's relative period words, comparison bases included ("from
    38,000 tonnes this year")."""
    years: set[int] = set()
    for match in _PERIOD.finditer(text, start, end):
        if match.group("rel"):
            years |= _years_of(match, published)
    return frozenset(years)


def _stated_years(text: str, start: int, end: int, published: dt.date | None) -> frozenset[int]:
    """Years a sentence writes in digits outside comparison phrases ("against 295 mln in
    February, 1986" compares; "in 2022, trade reached" states)."""
    years: set[int] = set()
    for match in _PERIOD.finditer(text, start, end):
        if implied(match):
            continue
        if _COMPARED_NEAR.search(text[max(start, match.start() - 45) : match.start()]):
            continue
        if _COMPARED_BEFORE.search(text[max(start, match.start() - 90) : match.start()]):
            continue  # "compared with 8.7 billion dlrs in a similar 2023 period"
        if _YEAR_AS_BASE.match(text, match.end()):
            continue
        years |= _years_of(match, published)
    return frozenset(years)


def _explicit_years(
    text: str, start: int, end: int, published: dt.date | None, ranges: bool = True
) -> frozenset[int]:
    """Every year a sentence writes in digits, comparison bases included ("above 2003's
    9.1%" is 2003's figure): a record year outside them is not this sentence's."""
    years: set[int] = set()
    for match in _PERIOD.finditer(text, start, end):
        if implied(match) or (not ranges and match.group("y4b")):
            continue
        years |= _years_of(match, published)
    return frozenset(years)


_YEAR_AS_BASE = re.compile(
    r"\s+(?:levels?|peaks?|highs?|lows?|averages?|prices|=\s*100|base)\b", re.I
)
_SINCE = re.compile(r"(?<![\w-])[Ss]ince\s+$")
_SINCE_SPAN = re.compile(r"[Ss]ince\s")
"""A change's "since" period: its own, never carried to the next sentence."""
_HISTORY_BEFORE = re.compile(
    r"\b(?:highest|lowest|biggest|largest|smallest|fastest|slowest|strongest|weakest|sharpest|"
    r"steepest|worst|best|greatest|deepest|widest|narrowest|first|record|ever|most|least|"
    r"never|since|high|low|peak|consecutive|straight|running|row)\b[^;.]{0,60}since\s+$",
    re.I,
)
""""Since 1980, allocations have been cut 45 pct": the period a change runs over, unless
the words before make it a history ("the biggest deficit since 1947", "the first time
since 2009"), which is no period of the figure."""
_BASE_BEFORE = re.compile(r"\bbase(?:\s+year)?\s*$", re.I)
"""An index's base year ("volume index, base 1980", "1980 = 100") is no period."""


def names_a_totals_span(text: str, mention: NumericMention) -> bool:
    """Whether a number only says how long a total runs ("the 10-month deficit", "the
    country's five-month exports"): period words, which the gold convention keeps out of
    figures, not a figure of its own."""
    lo = max(0, mention.start - 8)
    return any(
        match.group("n3") and match.start("n3") <= mention.start < match.end("n3")
        for match in _PERIOD.finditer(text, lo, min(len(text), mention.end + 80))
    )


def _only_a_totals_span(words: str) -> bool:
    """Whether period words only say how long one total runs ("the 10 month")."""
    match = _PERIOD.fullmatch(words)
    return match is not None and match.group("n3") is not None


_LAST_QUARTER = re.compile(
    r"\b(?:(?:in|during|for|over)\s+)?(?:the\s+)?(?:last|past)\s+quarter\b", re.I
)
"""'Last quarter': the quarter before the one the story was published in."""


def _last_quarter(
    match: re.Match[str], published: dt.date
) -> tuple[TextSpan, frozenset[int], int | None]:
    """ "last quarter" with the quarter it means written out: "last quarter (January/March
    1987)" published in June 1987, so the record says which quarter."""
    current = (published.month - 1) // 3
    year = published.year if current else published.year - 1
    first = ((current - 1) % 4) * 3 + 1
    months = _MONTH_WORDS.split("|")
    words = f"{match.group()} ({months[first - 1]}/{months[first + 1]} {year})"
    return TextSpan(match.start(), match.end(), words), frozenset({year}), None


_RELEASED = re.compile(
    r"\b(?:released|published|issued|announced|reported)\s+(?:(?:earlier|later|late|early)\s+)?$",
    re.I,
)
"""Before period words that date a release, not the figures in it."""


def _periods(
    text: str, start: int, end: int, published: dt.date | None
) -> list[tuple[TextSpan, frozenset[int], int | None]]:
    """Period words of a sentence, leaving out comparison bases ("from 2003", "than in
    2017", "since 1947"): those name the other side of a change, not the figure's period."""
    found = []
    dateline = DATELINE.match(text[start : start + DATELINE_REACH])
    if dateline and "," not in dateline.group():
        dateline = None  # "The exchange rate started off 2017 in the 12-hundred": no place
    for match in _PERIOD.finditer(text, start, end):
        if dateline and match.start() < start + dateline.end():
            continue  # "BANGKOK, 1 September 2014– ...": when the story was filed
        before = text[max(start, match.start() - 45) : match.start()]
        since = _SINCE.search(before)
        if since is not None and not _HISTORY_BEFORE.search(text, start, match.start()):
            at = match.start() - len(since.group())
            span = TextSpan(at, match.end(), text[at : match.end()])
            found.append((span, _years_of(match, published), _month_count(match)))
            continue  # "has risen almost 14 pct against the U.S. Dollar since September 1985"
        if _COMPARISON.search(before) or _COMPARED_NEAR.search(before):
            continue
        if _RELEASED.search(before):
            continue  # "figures released earlier this year": when they came out
        if not match.group("n3") and (
            _YEAR_AS_BASE.match(text, match.end()) or _BASE_BEFORE.search(before)
        ):
            continue  # "20 pct of its 1980 levels", "index, base 1980": a yardstick
        span = TextSpan(match.start(), match.end(), match.group())
        found.append((span, _years_of(match, published), _month_count(match)))
    if published is not None:
        for quarter in _LAST_QUARTER.finditer(text, start, end):
            before = text[max(start, quarter.start() - 45) : quarter.start()]
            if not (_COMPARISON.search(before) or _COMPARED_NEAR.search(before)):
                found.append(_last_quarter(quarter, published))
        for today in _FROM_TODAY.finditer(text, start, end):
            day = published + dt.timedelta(days=today.group("day").casefold() == "tomorrow")
            words = f"{today.group()} ({day.day} {day:%B %Y})"  # "From today (13 April 1987)"
            found.append((TextSpan(today.start(), today.end(), words), frozenset({day.year}), None))
        if not found:  # another period word of the sentence wins over "now"
            for present in _PRESENT.finditer(text, start, end):
                words = f"{present.group()} ({published:%B %Y})"  # "now (February 2005)"
                span = TextSpan(present.start(), present.end(), words)
                found.append((span, frozenset({published.year}), None))
    return found


_PRESENT = re.compile(
    r"\b(?:now|currently|at\s+present)(?=\s+(?:only\s+)?(?:stands?|is|are|runs?|totals?|"
    r"amounts?|sits?|hovers?|only|at)\b)",
    re.I,
)
"""A level stated as of publication: "now stands at £152,879", "is currently only 20 pct";
a sentence's other period words win ("the deficit for the first eleven months of 2004 now
stands at")."""
_FROM_TODAY = re.compile(r"\b(?:from|as\s+of|starting|effective)\s+(?P<day>today|tomorrow)\b", re.I)
"""A date the report gives by its own day: "From today the price of meat will rise"."""


def _span(text: str, start: int, end: int) -> TextSpan | None:
    while start < end and not text[start].isalnum() and text[start] not in "$€£¥":
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in "%’')"):
        end -= 1
    return TextSpan(start, end, text[start:end]) if end > start else None


def _clause_bounds(
    text: str, sentence: tuple[int, int], mention: NumericMention
) -> tuple[int, int]:
    start, end = sentence
    for match in _CLAUSE_BOUNDARY.finditer(text, sentence[0], sentence[1]):
        if match.end() <= mention.start:
            start = match.end()
        elif match.start() >= mention.end:
            end = match.start()
            break
    return start, end


def _role(before: str, after: str, mention: NumericMention) -> FrameRole:
    if mention.direction is not None and mention.direction is not Direction.flat:
        return FrameRole.change
    if _PARTICLE_UP.search(before):
        return FrameRole.share if _SHARE_BEFORE.search(before) else FrameRole.level
    if _SHARE_BEFORE.search(before) or (mention.unit == "percent" and _SHARE_AFTER.match(after)):
        return FrameRole.share
    if _CHANGE_BEFORE.search(before) or _CHANGE_AFTER.match(after):
        return FrameRole.change
    return FrameRole.level


def _qualifier(text: str, mention: NumericMention) -> tuple[Qualifier | None, bool]:
    before = text[max(0, mention.start - 40) : mention.start]
    hedge = _HEDGE_BEFORE.search(before)
    if hedge is not None and _PARTICLE_OVER.search(before[: hedge.start() + 4]):
        hedge = None  # "handing over 11 letters": a verb's particle, no hedge
    glued = re.search(r"[a-z](?:over|about|nearly|almost|around)\s*$", before)
    prefix = re.split(r"[\d$€£¥]", mention.text, maxsplit=1)[0]
    inner = _HEDGE_BEFORE.search(prefix.strip()) if prefix.strip() else None
    after = _HEDGE_AFTER.match(text[mention.end : mention.end + 20])
    hedged = bool(hedge or mention.qualifier or inner or after or glued)
    if mention.qualifier is not None:
        return _reading(text, mention, mention.qualifier), hedged
    found = inner or hedge
    word = " ".join(found.group().strip(" $€£¥").lower().split()) if found else ""
    after_text = text[mention.end : mention.end + 40]
    mapped = _QUALIFIER_OF.get(word) or next(
        (
            q
            for w, q in _QUALIFIER_FIRST
            if word.startswith(w + " ")
            and _HEDGE_GAP.fullmatch(word[len(w) + 1 :])
            and not (w in _PREPOSITIONS and not _THRESHOLD_AFTER.match(after_text))
            and not (hedge and found is hedge and _DEGREE_BEFORE.search(before[: hedge.start()]))
        ),
        None,
    )  # "above the $47 a barrel mark", "close to a rate of 8.28"
    return (_reading(text, mention, mapped) if mapped else None), hedged


def _reading(text: str, mention: NumericMention, qualifier: Qualifier) -> Qualifier | None:
    """The extractor's qualifier, read in context: "added up to" is a sum, not a cap;
    "an estimated" is no hedge a briefing keeps; "not ... more than" caps the number."""
    before = text[max(0, mention.start - 30) : mention.start + len(mention.text)]
    if qualifier is Qualifier.up_to and re.search(r"\badd(?:s|ed)?\s+up\s+to\b", before):
        return None
    if re.search(r"\ban?\s+estimated\b", before, re.I):
        return None
    if qualifier in (Qualifier.more_than, Qualifier.over) and re.search(
        r"\bnot\b(?:\s+\w+){0,3}\s+(?:more than|over|exceed\w*|surpass\w*|top)\b", before, re.I
    ):
        return Qualifier.up_to
    return qualifier


_PART_OF = re.compile(r"^\s*(?:percent|per cent|pct|%)?\s*of\s+(?!which\b)", re.I)


def _converted_from_previous(between: str) -> bool:
    """The words between a number and the one before it make it a conversion of it:
    "X, or Y", "X (Y", "X), or Y (", "X/Y"."""
    return bool(re.fullmatch(r"[\s),]*(?:,?\s*or|\(|\[|/)\s*(?:about|around|some)?\s*", between))


def _ungoverned_level(before: str, after: str, mention: NumericMention, role: FrameRole) -> bool:
    """A level no change word governs: an amount, count or duration is a change only
    when a change verb or noun stands right before it ("rose by $5bn", "an increase of
    500,000 tonnes") or a comparative after it ("5 billion more than"); a percentage
    "of" something ("fulfilling 51.34% of the plan") is a part, not a change."""
    if role is FrameRole.change or mention.direction is not None:
        return False
    before = re.sub(r"\b(?:additional|further|another|extra)\s*$", "", before, flags=re.I)
    after = re.sub(r"^\s*(?:\([^()]*\)|\))\s*", " ", after)  # "(7.2 billion dollars) less"
    if _CHANGE_BEFORE.search(before) or _CHANGE_AFTER.match(after):
        return False
    if re.search(r"\b(?:increase|decrease|rise|fall|grow|climb|drop|decline)\s*$", before, re.I):
        return False  # "continued to increase VND100 a kilogram"
    if mention.unit in ("percent", "percentage_point"):
        return bool(_PART_OF.match(after))
    return mention.unit not in ("times", None)


_SHARE_OF = re.compile(
    r"\s*(?:percent|per cent|%|pct)?\s*of\s+(?P<np>[^,;:.()]+?)"
    r"(?=\s+(?:in|during|for|compared|while|from|last|this|with)\b|\s+and\s+[$€£¥\d]"
    r"|\s*[,;:.()]|$)",
    re.I,
)


def _whole(text: str, mention: NumericMention, sentence_end: int) -> TextSpan | None:
    """The total a share is of: "accounted for 20.1% of Japan's trade" -> "Japan's trade"."""
    match = _SHARE_OF.match(text, mention.end, sentence_end)
    if match is None or _TIME_FIRST.match(match.group("np")):
        return None
    return _np(text, match.start("np"), match.end("np"))


def _sentence_frames(
    text: str,
    sentence: tuple[int, int],
    inside: list[NumericMention],
    periods: list[tuple[TextSpan, frozenset[int], int | None]],
    inherited: tuple[TextSpan | None, frozenset[int], int | None],
    published: dt.date | None,
    compared: frozenset[TextSpan],
    last_base: _Period = (None, frozenset(), None),
    stated: _Period = (None, frozenset(), None),
) -> list[Frame]:
    s_start, s_end = sentence
    sentence_span = TextSpan(s_start, s_end, text[s_start:s_end])
    frames: list[Frame] = []
    for i, mention in enumerate(inside):
        c_start, c_end = _clause_bounds(text, sentence, mention)
        w_start = max(c_start, inside[i - 1].end if i else s_start)
        w_end = min(c_end, inside[i + 1].start if i + 1 < len(inside) else s_end)
        before, after = text[w_start : mention.start], text[mention.end : w_end]
        role = _role(before, text[mention.end : s_end], mention)
        subject = _before_verb(text, _subject(text, w_start, mention, w_end, role))
        if frames and frames[-1].subject is not None and _SAME_THING.match(before):
            subject = frames[-1].subject  # "2 mln tonnes of rice worth 420 mln USD"
        elif frames and subject is not None and _ANAPHORIC.search(subject.text):
            subject = frames[-1].subject or subject  # "compared to January's figure of"
        elif (
            frames
            and subject is not None
            and inside[i - 1].end <= subject.start
            and subject.end <= mention.start
            and _COMPARED_BASE.match(text[inside[i - 1].end : mention.start])
            and _BARE_BASE_END.search(text[inside[i - 1].end : mention.start])
        ):  # "US$480 per tonne, representing a slight rise from the US$475": a base
            subject = frames[-1].subject or subject
        elif (
            frames
            and frames[-1].subject is not None
            and (margin := _MARGIN_OVER.match(after)) is not None
        ):  # "reaching $35 billion, $2 billion higher than Bắc Ninh": the margin between them
            other = re.sub(r"(?<=[a-z]{2})\.$", "", margin["other"])
            owner = f"{other}'" if other.endswith("s") else f"{other}'s"  # over Bắc Ninh's
            said = f"margin of {frames[-1].subject.text} over {owner}"
            subject = TextSpan(frames[-1].subject.start, frames[-1].subject.end, said)
        elif frames and role is FrameRole.change and _HIGH_THEN_CHANGE.match(before):
            subject = frames[-1].subject or subject  # "exports at a six-year high, up 35%"
        if is_bare(subject):
            previous_end = inside[i - 1].end if i else -1
            subject = (
                _inherited_subject(text, (c_start, c_end), mention, frames, previous_end) or subject
            )
        owned = _noun_after_number(text, mention, subject, w_end)
        if owned is not None:
            subject = owned  # "The 43-km link", "Its $17m profit": the noun after the number
        if frames and RUN.search(mention.text) and not is_bare(frames[-1].subject):
            # "dropped 7.7 percent ..., marking the sixth straight month"
            subject = frames[-1].subject
        if (
            subject is not None
            and frames
            and _RELATIVE.fullmatch(subject.text)
            and _GOVERNS.fullmatch(text, subject.end, mention.start)
        ):
            subject = frames[-1].subject or subject  # "130.8 trillion VND, which dropped to"
        if is_bare(subject) and frames and _elided(text, inside[i - 1], mention, frames[-1], role):
            subject = frames[-1].subject  # "reached $3.7 billion last month, and $3.4 billion"
        period, years, months = _period_in_scope(
            text, mention, periods, inherited, inside, compared, published, s_end, last_base, stated
        )
        qualifier, hedged = _qualifier(text, mention)
        clause_text = text[c_start:c_end]
        right_after = re.split(r"[,;:(]", after, maxsplit=1)[0]
        after_change = bool(frames) and frames[-1].role is FrameRole.change
        to_level = mention.unit not in ("percent", "percentage_point") and bool(
            _LEVEL_AFTER_CHANGE.search(before)
        )
        del after_change
        settled = (
            (
                role is not FrameRole.change
                and mention.direction is None
                and (to_level or not _ANY_CHANGE.search(before))
                and not _ANY_CHANGE.search(right_after)
                and bool(
                    _SETTLED_BEFORE.search(before)
                    or to_level
                    or role is FrameRole.share
                    or not _ANY_CHANGE.search(sentence_span.text)
                )
            )
            or (
                _ungoverned_level(before, text[mention.end : s_end], mention, role)
                and not (  # "fell 7.25 billion dollars, or 4.8 billion roubles": the change again
                    i
                    and frames
                    and not frames[-1].settled
                    and _converted_from_previous(text[inside[i - 1].end : mention.start])
                )
            )
        )
        del clause_text
        frames.append(
            Frame(
                mention_id=mention.id,
                sentence=sentence_span,
                clause=TextSpan(c_start, c_end, text[c_start:c_end]),
                role=role,
                subject=subject,
                direction=mention.direction,
                period=period,
                years=years,
                months=months,
                qualifier=qualifier,
                hedged=hedged,
                window=_span(text, w_start, w_end),
                whole=_whole(text, mention, s_end) if role is FrameRole.share else None,
                settled=settled,
                explicit_change=bool(_CHANGE_BEFORE.search(before)),
            )
        )
        del before, after
    return _respective_subjects(_link_changes(text, frames, inside))


_LIST_HEAD = re.compile(r"^(?P<head>.*\b(?:with|to|from|of|in|for|on)\s+)(?P<items>.+)$", re.S)
_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_MAX_ITEM_WORDS = 4


def _list_items(phrase: str, count: int) -> list[tuple[str, int, int]] | None:
    """The `count` items of a coordinated list in a subject, each as (the subject's words
    with that item alone, item start, item end) offsets into the phrase: "trade volume with
    the United States and ASEAN countries" -> "trade volume with the United States", "trade
    volume with ASEAN countries"; "Exports and imports" -> "Exports", "imports"."""
    head_match = _LIST_HEAD.match(phrase)
    head, body, offset = (
        (head_match["head"], head_match["items"], head_match.start("items"))
        if head_match
        else ("", phrase, 0)
    )
    cuts = list(_LIST_SPLIT.finditer(body))
    if len(cuts) != count - 1:
        return None
    bounds = [0, *(b for c in cuts for b in (c.start(), c.end())), len(body)]
    items = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
    words = [body[a:b] for a, b in items]
    if any(not w or len(w.split()) > _MAX_ITEM_WORDS for w in words):
        return None
    if head and not all(re.match(r"(?:the\s+)?[A-Z]", w) for w in words):
        return None  # after a preposition only a list of names ("with the US and ASEAN")
    return [(f"{head}{w}", offset + a, offset + b) for w, (a, b) in zip(words, items, strict=True)]


def _respective_subjects(frames: list[Frame]) -> list[Frame]:
    """Numbers listed with "respectively" after a subject that lists as many items: each
    number measures its item ("trade volume with the United States and ASEAN countries
    increased by 5.2 percent and 11.6 percent, respectively": 11.6 percent is ASEAN's)."""
    if not frames or not re.search(r"\brespectively\b", frames[0].sentence.text, re.I):
        return frames
    out = list(frames)
    i = 0
    while i < len(out):
        subject = out[i].subject
        j = i
        while j + 1 < len(out) and out[j + 1].subject == subject and subject is not None:
            j += 1
        items = _list_items(subject.text, j - i + 1) if subject is not None and j > i else None
        if subject is not None and items is not None:
            for k, (words, start, end) in enumerate(items):
                span = TextSpan(subject.start + start, subject.start + end, words)
                out[i + k] = _replace(out[i + k], subject=span, respectively=True)
        i = j + 1
    return out


_PREDICATE = re.compile(
    r"\b(?:(?:was|were|is|are|has been|have been)\s+(?:up|down)\b|rose|risen|rises|rising|"
    r"fell|falls|fallen|grew|grows|increased|increases|decreased|decreases|declined|declines|"
    r"dropped|drops|jumped|jumps|surged|surges|climbed|climbs|gained|expanded|contracted|"
    r"shrank|narrowed|widened|eased|plunged|soared|slumped|slipped|slid|tumbled|retreated|"
    r"edged|picked up|rebounded|recovered|ascended|advanced|doubled|tripled|halved|"
    r"went\s+(?:up|down)|gone\s+(?:up|down)|goes\s+(?:up|down)|moved\s+(?:up|down)|"
    r"started|opened|closed|finished|"
    r"reached|reaches|hit|hits|totall?ed|totals|amounted|amounts|stood|stands|came to|"
    r"add(?:s|ed)? up to|"
    r"exceeded|topped|surpassed|accounted|accounts|was|were|is|are|posted|recorded|"
    r"registered|logged|reported|ran|showed|saw|experienced|exported|imported|leapt|leaped|"
    r"plummeted|skyrocketed|rocketed|dipped|sank|sagged|weakened|strengthened|depreciated|"
    r"appreciated|averaged|averages|swelled|ballooned|slowed|accelerated)\b",
    re.I,
)
"""The verb of a figure clause ("exports rose", "trade reached", "imports were up"): the
noun phrase before it is what the clause's numbers measure."""
_COMPARISON_CLAUSE = re.compile(
    r"^\W*(?:compared\s+(?:with|to)|against|versus|from|up from|down from|after|than)\b",
    re.I,
)
_BARE_WORDS = re.compile(
    r"(?:[\W\d_]|\b(?:in|on|at|of|the|a|an|to|from|by|for|this|last|that|same|period|years?|"
    r"months?|quarters?|weeks?|days?|first|second|third|fourth|half|previous|prior|earlier|"
    r"ago|compared|with|year-on-year|on-year|standing|so|far|only|just|about|around|up|"
    r"down|than|against|versus|after|calendar|fiscal|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|"
    rf"{_MONTH_WORDS}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b)*",
    re.I,
)
"""Words that say when, not what: a "subject" made of them only names no measure."""


def is_bare(phrase: TextSpan | None) -> bool:
    """True when a subject is missing or names only a time ("in 2004", "last year")."""
    return phrase is None or _BARE_WORDS.fullmatch(phrase.text) is not None


_PARTICIPLE = re.compile(
    r"\b(?:standing|totall?ing|reaching|rising|falling|growing|increasing|decreasing|"
    r"declining|dropping|jumping|climbing|amounting|coming|surging|edging|hitting)\b",
    re.I,
)
_SUBORDINATE = re.compile(
    r";|\((?![^()]*\))|\b(?:as|with|while|whereas|after|when|since|because|though|although|"
    r"of which|which|where)\b",
    re.I,
)
_WITH_PARTNER = re.compile(
    r"\b(?:trade|surplus|deficit|exports?|imports?|volume|balance|turnover|relations|ties|"
    r"cooperation|commerce|business|gap|shortfall|accounts?|deposits?|debts?|dealings)\s*$",
    re.I,
)
"""A noun that "with" completes with a partner ("trade with the European Union")."""
_APPOSITIVE = re.compile(
    r"^(?P<np>[^,]*\S),\s+(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}),?\s*$"
)
_COMPARED_BASE = re.compile(
    r"^[\s,;]*(?:but\s+)?(?:(?:was|were|is|are)\s+)?(?:(?:well|far|slightly|just)\s+)?"
    r"(?:(?:up|down|rising|falling|rose|fell)\s+|(?:(?:representing|marking|showing|"
    r"reflecting)\s+)?an?\s+(?:[a-z]+\s+)?(?:rise|increase|gain|jump|fall|drop|decrease|decline|"
    r"dip)\s+|(?:higher|lower|bigger|smaller|larger|greater|more|less)\s+)?"
    r"(?:from|compared\s+(?:with|to)|against|versus|than|below|above)\b[\w\s'’]{0,25}$",
    re.I,
)
"""Between a figure and its base: "down from", ", representing a slight rise from the"."""
_BARE_BASE_END = re.compile(r"\b(?:from|against|versus|than|with|to)\s+(?:the\s+)?$", re.I)
"""A base that names no noun of its own ("a slight rise from the US$475"), unlike "against
Xstrata's bid of A$6.35"."""
_CONVERSION = re.compile(
    r"^\s*[(\[]\s*(?:or|about|around|some|approximately|roughly|nearly|almost|over|"
    r"equivalent to|worth)?\s*$",
    re.I,
)


def _verb_subject(text: str, lo: int, hi: int) -> TextSpan | None:
    """The noun phrase before the last verb of text[lo:hi] ("with exports totalling",
    "as exports climbed", "Vietnam's export to China rose by"): from the conjunction or
    clause start before that verb; an appositive name stays ("Exports to Japan's biggest
    partner, China, retreated"). None when a number stands in it or it names only a time."""
    verbs = sorted(
        [*_PREDICATE.finditer(text, lo, hi), *_PARTICIPLE.finditer(text, lo, hi)],
        key=lambda m: m.start(),
    )
    if not verbs:
        return None
    verb = verbs[-1]
    after_comma = re.search(r",\s*$", text[lo : verb.start()])
    if len(verbs) > 1 and _PARTICIPLE.fullmatch(verb.group()) and after_comma:
        verb = verbs[-2]  # "..., dropping by 30 percent": the main verb's subject
    chain = [v for v in verbs if v.end() <= verb.start()]
    while chain and not text[chain[-1].end() : verb.start()].strip():
        verb = chain.pop()  # "was recorded at": the chain's first verb
    relative = re.search(r",\s*(?:which|who|where)\b[^,]*,\s*$", text[lo : verb.start()], re.I)
    cut_end = lo + relative.start() if relative else verb.start()
    earlier = [v for v in verbs if v.end() <= cut_end]
    head_start = earlier[-1].end() if earlier else lo  # "showed exports rising": exports
    for cut in _SUBORDINATE.finditer(text, lo, cut_end):
        if cut.group().lower() == "with" and _WITH_PARTNER.search(text, lo, cut.start()):
            continue  # "the trade surplus with the United States rose": the partner, no clause
        head_start = max(head_start, cut.end())
    head = text[head_start : verb.start()]
    figures_in_head = re.search(r"\d", re.sub(r"\b(?:19|20)\d\d\b", "", head))  # years may stand
    if figures_in_head and "," in head[figures_in_head.start() :]:
        head_start += head.rindex(",") + 1  # "For the fiscal year ended last March 31, gnp rose"
        head = text[head_start : verb.start()]
        figures_in_head = re.search(r"\d", re.sub(r"\b(?:19|20)\d\d\b", "", head))
    if figures_in_head or len(head.split()) > 14 or not head.strip():
        return None
    aside = re.search(
        r",\s*(?:however|meanwhile|though|too|also|in turn)\W*$"
        r"|,\s*(?:which|who|where)\b[^,]*,\s*$"
        r"|(?<=\w),\s*(?:(?:its|their|the)\s+|(?:[A-Z][\w.-]*\s+)?[A-Z][\w.-]*['’]s\s+)"
        r"(?:[\w-]+\s+){0,3}(?:partner|market|buyer|supplier|customer|destination|investor|"
        r"source|exporter|importer|producer)s?,\s*$",
        head,
        re.I,
    )
    end = head_start + (aside.start() if aside else len(head))
    auxiliary = _AUXILIARY_END.search(text, head_start, end)
    if auxiliary is not None and auxiliary.start() > head_start:
        end = auxiliary.start()  # "Exports have [gained]"
    if _APPOSITIVE.match(text[head_start:end].strip()):
        subject = _span(text, head_start, end)
    else:
        subject = _np(text, head_start, end)
    if subject is None or is_bare(subject):
        return None
    balance = _BALANCE_AFTER.match(text, verb.end(), hi)
    if balance:  # "industrial trade showed a surplus of": the surplus of industrial trade
        return TextSpan(subject.start, balance.end(), text[subject.start : balance.end()])
    return subject


_BALANCE_AFTER = re.compile(
    r"\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:surplus|deficit|shortfall|gap)\b", re.I
)


_FLOW_PARTNER_AFTER = re.compile(
    r"\s+(?:worth\s+)?(?:of\s+(?:[a-z][\w-]*\s+){1,3}?)?(?P<prep>to|from|into)\s+"
    r"(?P<partner>(?:the\s+)?(?:[A-Z]\.(?:[A-Z]\.?)+|[A-Z]\w*(?:\s+[A-Z]\w*)*\b))"
)
"""Where a flow verb's goods went or came from: "imported almost $20bn worth of goods from
China"."""
_BALANCE_NOUN_AFTER = re.compile(
    r"\s+(?P<np>(?:(?!(?:of|in|to|for|and|or|from|with)\b)[a-z-]+\s+){0,2}?"
    r"(?:surplus|deficit|shortfall)\b(?!\s+of\b)"
    rf"(?:\s+(?:with|to|from)\s+{_PARTNER_NAME})?)"
)
"""A balance the number is the size of: "a 300 mln mark deficit", "a 4.3 billion dlr trade
surplus"."""
_DEAL_NOUN_AFTER = re.compile(
    r"(?:[^()]{0,30}\))?(?:\s*\([^()]*\))?\s+(?P<np>(?:deal|agreement|contract|bid|offer|"
    r"takeover(?:\s+(?:bid|offer))?|order|loan|package|merger|acquisition|tariffs?)"
    rf"(?:\s+(?:with|for|from|on|by)\s+(?:rival\s+)?{_PARTNER_NAME}"
    r"(?=\s*(?:[.,;:()]|$|\s(?:and|to|in|on|at|for|last|this|that|which|was|is)\b)))?)(?![\w-])"
)
"""A deal the number is the value of, its noun after the amount and any conversion: "a 3
trillion yen ($29bn) deal with Mitsubishi", "a $240m agreement"."""
_SIGNER_BEFORE = re.compile(
    r"(?:^|[,;:]\s*|\b(?:that|and)\s+)(?P<owner>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})\s+"
    r"(?:has\s+|have\s+|had\s+)?(?:signed|agreed|concluded|struck|sealed|inked|clinched|won)"
    r"(?:\s+up\s+for)?\s+(?:a|an)\s+(?:[a-z-]+\s+)?$"
)
"""Who made the deal, when the clause says so: "Shell has signed a $6bn deal"."""
_ARTICLE_BEFORE = re.compile(r"\b(?i:a|an|the|its|their)\s+(?P<adjective>[a-z-]+\s+)??$")
"""The article that opens a deal's noun phrase, with one adjective ("a hostile")."""
_SHOWED_CHANGE = re.compile(
    r"\b(?:showed|shows|show|saw|sees|see)\s+(?P<np>[^,;:()]{1,50}?)\s+(?:up|down)\s+(?:by\s+)?$",
    re.I,
)
"""A change a report shows: "Figures for November showed exports down 2.3%"."""
_BRACKETED_CHANGE = re.compile(
    r"\s*\(\s*(?:(?:up|down|rising|falling|increasing|decreasing|growing)\s+)?(?:by\s+)?$", re.I
)
"""A change in brackets after what it is of: "educational services (down 3.14%)"."""
_BRACKET_NP_START = re.compile(
    r"^[\s)]*(?:and|or|while)\s+|[,;:]\s*(?:and\s+|while\s+)?|\b(?:seen|recorded|"
    r"registered|posted|reported)\s+in\s+|\b(?:in|at|for|by|from|among)\s+(?=the\b)",
    re.I,
)
"""Where the noun phrase before a bracketed change begins."""
RUN = re.compile(r"\b(?:straight|consecutive|successive|in\s+a\s+row|running)\b", re.I)
"""A run ("the sixth straight month"): of the figure its sentence gave before it, and
written as a rank is ("Exports: 14th consecutive month", `extraction.convert`)."""
_RELATIVE = re.compile(r"(?:which|that)(?:\s+(?:has|have|had|was|were|is|are|then|later))?", re.I)
"""A relative pronoun as a subject: the figure before it ("..., which dropped to")."""
_GOVERNS = re.compile(r"\s*(?:[a-z]+\s+){0,3}")
"""Between a relative pronoun and its number, only its verb and particles ("dropped to
nearly"): not a clause of its own ("is a lower price than Vietnam's rice quoted at")."""
_ELIDED = re.compile(
    r"(?P<time>[^,;:]*?),?\s*(?:and|but|or|while|whereas)\s+"
    r"(?:(?:only|about|around|nearly|almost|some|just)\s+)?"
)
"""Between two numbers of one noun phrase, the second's words left out: "$3.7 billion
last month, and $3.4 billion in September"."""


def _elided(
    text: str, previous: NumericMention, mention: NumericMention, before: Frame, role: FrameRole
) -> bool:
    """Whether a number with no words of its own repeats the figure before it for another
    time: the same unit and role, and only time words and a conjunction between them."""
    if (
        is_bare(before.subject)
        or before.subject is None
        or _PARTICIPLE.fullmatch(before.subject.text)
        or before.role is not role
        or previous.unit != mention.unit
    ):
        return False
    gap = _ELIDED.fullmatch(text, previous.end, mention.start)
    return gap is not None and (
        not gap["time"].strip() or _BARE_WORDS.fullmatch(gap["time"]) is not None
    )


_SAME_THING = re.compile(
    r"^\s*(?:of\s+[\w\s'’-]{1,40}?\s+)?,?\s*(?:worth|valued at|with a value of|"
    r"at a value of)\s*(?:about|around|some|nearly|over|more than)?\s*$",
    re.I,
)
"""A value said of what the number before it counts: "890,000 tonnes of rice worth 420
million USD"."""
_ANAPHORIC = re.compile(
    r"^(?:compared\s+(?:to|with)\s+|against\s+|from\s+|than\s+)?(?:the\s+)?"
    r"(?:(?:[\w’']+['’]s\s+)?(?:previous\s+|same\s+|current\s+|present\s+|existing\s+)?"
    r"(?:figure|levels?|total|reading|one)"
    rf"|(?:{_MONTH_WORDS}|last\s+year|a\s+year\s+earlier)['’]s?)$",
    re.I,
)
"""A subject that only points back ("January's figure", "the previous level", "from
current levels", "from January's")."""


_COPULA_FIRST = re.compile(r"\s*(?:was|were|is|are)\b", re.I)
"""A phrase opening with these is another number's predicate ("50 pct was exported to West
Germany, 16 pct to the U.S."), no noun phrase this number could measure."""
_MODAL_VERB_FIRST = re.compile(r"\s*(?:will|would|could|should|may|might)\s+[a-z]+\s+", re.I)
"""A modal and its verb before the noun phrase ("would keep tariffs on imports ... at 20%")."""


def _before_verb(text: str, subject: TextSpan | None) -> TextSpan | None:
    """A subject without the verb and words after it ("imports rose in March" ->
    "imports", "the deficit standing" -> "the deficit")."""
    if subject is None:
        return None
    if _COPULA_FIRST.match(subject.text):
        return None  # "..., 16 pct [to the U.S.]" after "50 pct was exported to West Germany"
    modal = _MODAL_VERB_FIRST.match(subject.text)
    if modal and modal.end() < len(subject.text):  # "would keep tariffs on imports ... at"
        subject = _span(text, subject.start + modal.end(), subject.end) or subject
    verbs = [
        m
        for m in (
            *_PREDICATE.finditer(subject.text),
            *_PARTICIPLE.finditer(subject.text),
            *_MODAL_CHANGE.finditer(subject.text),  # "growth would decline from"
        )
        if m.start() > 0 and not re.match(r"(?:exported|imported)\b", m.group(), re.I)
    ]
    if not verbs:
        return subject
    first = min(m.start() for m in verbs)
    auxiliary = _AUXILIARY_END.search(subject.text, 0, first)
    end = auxiliary.start() if auxiliary and auxiliary.start() > 0 else first
    return _span(text, subject.start, subject.start + end) or subject


_MODAL_CHANGE = re.compile(
    r"\s(?:would|will|could|may|might|should|is\s+expected\s+to|are\s+expected\s+to|to)\s+"
    r"(?:rise|fall|grow|decline|increase|decrease|drop|climb|reach|hit|total|double|halve)\b",
    re.I,
)
"""A change or level to come ("would decline from"): the subject ends before it."""
_AUXILIARY_END = re.compile(
    r"\s+(?:(?:has|have|had|is|are|was|were|will|would|shall|may|might|could|can|should)"
    r"(?:\s+(?:also|already|now|just|since|not|been|be))*|also|already)\s*$",
    re.I,
)
"""The auxiliary of the verb a subject ends before ("Exports have [gained]")."""


def _inherited_subject(
    text: str,
    clause: tuple[int, int],
    mention: NumericMention,
    frames: list[Frame],
    previous_end: int,
) -> TextSpan | None:
    """The subject of a number the words right before it do not name: a conversion in
    brackets after another number ("1.74 trillion yen (15.78 billion U.S. dollars)") is
    that number's; a number after a verb is its noun phrase's ("imports rose in February
    to 7.16 billion stg from 6.73 billion", "with the deficit standing at 838.53 billion
    yen"); in a comparison clause ("compared with 1.4bn yuan in 2003") it is the subject
    of the figure it is compared with."""
    if frames and previous_end >= 0 and _CONVERSION.match(text[previous_end : mention.start]):
        return frames[-1].subject
    part = _part_going_to(text, clause, mention, frames, previous_end)
    if part is not None:
        return part
    if (
        frames
        and previous_end >= 0
        and frames[-1].subject is not None
        and _reached_by(text, previous_end, mention.start, frames[-1])
    ):
        return frames[-1].subject  # "showed exports down 2.3% to $95.6bn": what changed
    subject = _verb_subject(text, clause[0], mention.start)
    if subject is not None:
        after = _BALANCE_AFTER.match(" " + text[mention.end : clause[1]])
        if after and not re.search(r"\d", after.group()):  # "a two billion franc surplus"
            end = mention.end + after.end() - 1
            return TextSpan(subject.start, end, text[subject.start : end])
        return subject
    if previous_end > clause[0] and _CHANGE_VERB_END.search(text[previous_end : mention.start]):
        own = _verb_subject(text, previous_end, mention.start)  # "..., imports growing by 20%"
        if own is not None:
            return own
    if frames and _COMPARISON_CLAUSE.match(text[clause[0] : mention.start]):
        return frames[-1].subject
    if frames and previous_end >= 0 and _COMPARED_BASE.match(text[previous_end : mention.start]):
        return frames[-1].subject  # "1.42 million tons, down from 2.06 million tons"
    if frames and previous_end >= 0 and _COMPARED_TAIL.match(text[previous_end : mention.start]):
        return frames[-1].subject  # "$40.3 billion in the Dec. 1-20 period, compared with"
    if frames and previous_end >= 0 and _same_amount(text, previous_end, mention.start, frames[-1]):
        return frames[-1].subject
    if (
        frames
        and previous_end >= 0
        and _FROM_TO.match(text[previous_end : mention.start])
        and _FROM_BEFORE.search(text[max(0, previous_end - 50) : previous_end])
    ):
        return frames[-1].subject  # "would decline from 7.6 pct last year to five pct"
    return None


_OF_WHICH = re.compile(r"[^.;()]{0,90},\s*of\s+which\s+$", re.I)
_SENT_VERB = r"(?:exported|shipped|sold|sent)"
_SENT_TO = re.compile(
    rf"\s+(?:(?:was|were|went)\s+(?:{_SENT_VERB}\s+)?)?to\s+"
    r"(?P<dest>(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)"
)
"""Where a part of a flow went: "of which nearly 50 pct was exported to West Germany", and
the next part with its verb left out, "16 pct to the U.S."."""


def _part_going_to(
    text: str,
    clause: tuple[int, int],
    mention: NumericMention,
    frames: list[Frame],
    previous_end: int,
) -> TextSpan | None:
    """The share of a flow that went to one partner: the flow before it, to that partner
    ("PNG exported 33,000 tonnes ..., of which nearly 50 pct was exported to West Germany,
    16 pct to the U.S." -> "PNG exported to West Germany", "PNG exported to the U.S.")."""
    if not frames or previous_end < 0 or frames[-1].subject is None:
        return None
    gap = text[previous_end : mention.start]
    going = _SENT_TO.match(text, mention.end, clause[1])
    if going is None:
        return None
    before = frames[-1].subject
    if _OF_WHICH.fullmatch(gap):
        flow = before.text
    elif (
        _PART_BEFORE.fullmatch(gap)
        and " to " in before.text
        and _OF_WHICH_BEFORE.search(text, frames[-1].sentence.start, previous_end)
    ):
        flow = before.text.rsplit(" to ", 1)[0]
    else:
        return None
    dest = re.sub(r"(?<=\.)\s+[A-Z][a-z]+$", "", going["dest"])  # "the U.S. And the rest"
    if dest.count(".") == 1:
        dest = dest.removesuffix(".")  # the sentence's full stop, not "U.S."'s
    return TextSpan(before.start, before.end, f"{flow} to {dest}")


_OF_WHICH_BEFORE = re.compile(r",\s*of\s+which\s+[^,;]*$", re.I)
_PART_BEFORE = re.compile(rf"\s+(?:(?:was|were)\s+{_SENT_VERB}\s+)?to\s+[^,;]+,\s*")
"""Between two parts: the first one's destination ("... was exported to West Germany, ")."""
_FROM_TO = re.compile(
    r"(?:\s+(?:last|this|next)\s+year|\s+in\s+(?:19|20)\d\d|\s+in\s+[A-Z][a-z]+)?\s+to\s+$"
)
"""Between a "from" number and the number it goes "to", only the base's time."""
_FROM_BEFORE = re.compile(r"\bfrom\s+\S+(?:\s+\S+){0,5}$")


def _same_amount(text: str, previous_end: int, start: int, before: Frame) -> bool:
    """Whether a number restates the figure before it: a second conversion in one bracket
    ("22,201bn yen ($214.6bn;£114.5bn)") or the level a change reaches ("up 30.5% at
    $162bn")."""
    gap = text[previous_end:start]
    if gap.strip() in (";", "/", ",") and text.rfind("(", 0, start) > text.rfind(")", 0, start):
        return True
    return _reached_by(text, previous_end, start, before)


def _reached_by(text: str, previous_end: int, start: int, before: Frame) -> bool:
    """Whether a number is the level the change before it reaches ("up 30.5% at $162bn",
    "down 2.3% to $95.6bn")."""
    gap = text[previous_end:start]
    return before.role is FrameRole.change and re.fullmatch(r"\s*(?:at|to)\s+", gap) is not None


_COMPARED_TAIL = re.compile(
    r"[^;:()]*,\s*(?:compared\s+(?:with|to)|as\s+against|against|versus)\s+(?:the\s+)?$",
    re.I,
)
"""A comparison clause after a figure's own words: its number is that figure's base."""


_NP_LEAD = re.compile(
    r"^[^-–—.;]{0,60}?\b\d{1,2},?\s+[-–—]+\s+(?=\S)"  # a dateline: "RIO DE JANEIRO, March 16 - "
    r"|^.*(?:,\s+|\b(?:that|said|noted|showed|shows|says|show|revealed|reported|announced|"
    r"stated|indicated)\s+)(?=\S)|^\s*date\s+\d{4}-\d\d-\d\d\s*",
    re.I | re.S,
)
_LEADING_PERIOD = re.compile(
    rf"\s*(?:[Ii]n|[Dd]uring|[Ff]or|[Oo]n|[Ll]ast|[Tt]his)\s+(?:the\s+)?(?:{_MONTH_WORDS}|(?:19|20)\d\d|week|month|"
    r"year|quarter)\b(?:\s+(?:19|20)\d\d)?,?\s+(?=[a-z])"
)
"""Period words that open a clause before its noun phrase: "In January house prices"."""
_PERIOD_THEN_AND = re.compile(r"\s*,?\s+(?:and|while|but)\s+(?=\S)", re.I)
"""After the period words that close one clause, the conjunction that opens the next."""
_NP_TAIL = re.compile(r"[\s,]*\b(?:and|or|while|with|but|within)\s*$", re.I)


_FLOW_VERB_BEFORE = re.compile(
    r"\b(?P<verb>exported|imported|shipped|sold|bought|purchased|(?:plans?|planned|aims?|aimed|"
    r"expects?|expected|wants?|intends?|hopes?|agreed|is\s+set|are\s+set)\s+to\s+"
    r"(?:export|import|ship|sell|buy|purchase))\s+(?:(?:about|around|"
    r"nearly|almost|over|more than|some|roughly|only|just|a record|an estimated)\s+)?$",
    re.I,
)
"""A number a flow verb governs is what its subject exported or imported."""
_INTENDED_FLOW = re.compile(
    r"\s+(?:(?:is|are|was|were)\s+)?(?P<intent>plans?|planned|aims?|aimed|expects?|expected|wants?|"
    r"intends?|hopes?|agreed|set)\s+to\s+(?P<flow>export|import|ship|sell|buy|purchase)$",
    re.I,
)
"""A flow still to come ("Indonesia plans to import"): its owner, intent and flow."""
_FLOW_NOUNS = {
    "export": "exports",
    "import": "imports",
    "ship": "shipments",
    "sell": "sales",
    "buy": "purchases",
    "purchase": "purchases",
}
_INTENT_WORDS = {
    "plan": "planned",
    "aim": "targeted",
    "expect": "expected",
    "want": "planned",
    "intend": "planned",
    "hope": "hoped-for",
    "agree": "agreed",
    "set": "planned",
}
"""The intent's verb stem -> how the record names the flow it intends."""
_TIME_FIRST = re.compile(
    r"\s*(?:(?:the\s+)?(?:first|second|third|fourth|last|past|same|previous)\b|(?:19|20)\d\d\b|"
    r"(?:calendar|fiscal|financial)\s+(?:year\s+)?(?:19|20)\d\d\b|"
    rf"{_MONTH_NAME}\b)",
    re.I,
)


_NP_THEN_CHANGE = re.compile(
    r"(?:^|[,;:]\s*)(?P<np>[^,;:]*[A-Za-z][^,;:]*?),\s*(?:up|down)\s+(?:by\s+)?"
    r"(?:(?:about|around|nearly|almost|over|more than|some|roughly|just)\s+)?$",
    re.I,
)
"""A change set off after its noun phrase: "The deficit with China, up 30.5%"."""
_ACTED_ON_BY = re.compile(
    r"\b(?:reduced|reduces|cut|cuts|lowered|lowers|raised|raises|boosted|boosts|lifted|lifts|"
    r"increased|increases|trimmed|trims|slashed|slashes)\s+(?P<np>(?:the|its|their|[A-Z][\w.'’-]*"
    r"['’]s?)\b[^,;:]{0,60}?)\s+by\s+(?:(?:about|around|nearly|almost|over|more\s+than|some|"
    r"roughly|just)\s+)?$"
)
"""What a causing verb changes by the number: "reduced Norway's oil output by about"."""
_BARE_CHANGE = re.compile(
    r"^\s*(?P<np>[A-Z][^,;:()]{1,80}?)\s+(?:up|down|increase|rise|grow|fall|drop|decline|jump|"
    r"surge|climb|plunge|slump|gain|dip|soar|tumble)\s+(?:by\s+)?"
    r"(?:(?:about|around|nearly|almost|over|more than|some|roughly|just)\s+)?$"
)
"""A headline's change, its verb bare or left out: "Budget collection up 16.2%", "Exports
increase 6.8%"; running text writes "rose" or "was up"."""
_CLAUSE_WORD = re.compile(
    rf"{_PREDICATE.pattern}|\b(?:\w+ed|went|goes|go|brought|brings|bring|expects?|will|would|"
    r"could|may|might|should|to|saw|sees|see|in|on|at|during|for)\b",
    re.I,
)
"""Words that make the words before a bare change a clause, not its noun phrase ("In
January house prices went up", "production will")."""
_CAME_FROM = re.compile(r"\b(?:was|were|came)\s+from\s+(?P<np>[^,;:]+)$", re.I)
"""What a part is of, after a copula: "the remaining was from imports"."""
_AT_A_HIGH = re.compile(
    r"(?<=\S)\s+(?:at|to|near)\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:high|low|peak|record)\b.*$",
    re.I,
)
"""Where a noun phrase stands before its change: "exports at a six-year high in 2004"."""
_COMPARED_ASIDE = re.compile(
    r"^\s*(?P<np>[^,;:()–—-]*[A-Za-z][^,;:()–—-]*?)\s+[-–—]+\s+(?:(?:far|much|slightly|well|"
    r"a\s+little)\s+)?(?:bigger|smaller|larger|higher|lower|wider|narrower|greater|less|more|"
    r"worse|better)\s+than\s+(?:the\s+)?$",
    re.I,
)
"""What an aside compares: "The trade deficit - far bigger than the $54bn"."""
_EXPECTED_AFTER = re.compile(
    r"^\s*(?P<words>(?:(?:widely|generally|previously)\s+)?(?:expected|forecast|predicted|"
    r"estimated|anticipated)\b[^,;:()–—-]{0,40}?)\s*(?:[-–—,;:()]|$)",
    re.I,
)
"""A forecast named after its number: "$54bn widely expected on Wall Street"."""
_LEADS_IN = re.compile(
    r"^\s*(?:However,\s+|But\s+)?(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+"
    r"(?:still\s+|also\s+)?(?:leads?|led|tops?|topped)\s+(?:the\s+(?:country|nation|region|"
    r"world|list)\s+)?in\s+(?P<noun>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?)"
    r"(?:\s+(?:for|in|during|over)\s+[^,;:]*)?,\s*(?:reaching|totalling|totaling|hitting|at)\s+"
    r"(?:(?:about|around|nearly|almost|over|more\s+than|some|roughly|just)\s+)?$"
)
"""A leader's figure: "HCM City still leads the country in export turnover for the first 10
months of 2023, reaching nearly $35 billion" is HCM City's export turnover."""
_MOVED_TO = re.compile(
    r"\b(?:pushed|drove|took|brought|lifted|sent|put|puts|pushes|takes|brings|lifts)\s+"
    r"(?P<np>(?:the|its|their|a|[A-Z][\w.'’-]*['’]s?)\b[^,;:]{0,80}?)\s+(?:to|at)\s+"
    r"(?:(?:a|an|about|around|nearly|almost|over|more\s+than|some|roughly|just|a\s+record)\s+)?$",
)
"""What a causing verb moves to a level: "That pushed the 10 month deficit to"."""
_MARGIN_OVER = re.compile(
    r"^\s*(?:higher|lower|more|less|bigger|larger|smaller|greater)\s+than\s+(?:that\s+of\s+)?"
    r"(?P<other>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}?)(?=\s*(?:[,;.]|$))"
)
"""A number by which a figure exceeds another party's: "$2 billion higher than Bắc Ninh"."""
_HIGH_THEN_CHANGE = re.compile(
    r"^\s*(?:high|low|peak|record)\b[^,;:]{0,30},\s*(?:up|down)\s+(?:by\s+)?$", re.I
)
_HIGH_WORD = re.compile(r"(?:high|low|peak|record)\b", re.I)
_AT_A_BEFORE = re.compile(
    r"(?<=\S)\s+(?:at|to|near|hit|hits|hitting)\s+(?:a|an|the|its|their)\s*$", re.I
)
_WITH_NP_CHANGING = re.compile(
    r"\bwith\s+(?P<np>(?:the\s+)?[\w’'.-]+(?:\s+(?!(?:expanding|growing|rising|increasing|"
    r"falling|declining|dropping|gaining|jumping|surging|climbing|sliding|shrinking|"
    r"contracting|up|down)\b)[\w’'.-]+){0,8}?)\s+(?:expanding|growing|rising|increasing|falling|"
    r"declining|dropping|gaining|jumping|surging|climbing|sliding|shrinking|contracting|up|down)"
    r"(?:\s+(?:by|at))?\s*(?:(?:about|around|nearly|almost|over|more than|some|roughly|just)\s+)?$",
    re.I,
)
"""A change in an absolute clause: "with GDP in the first nine months expanding 8.89%"."""
_PERIOD_TAIL = re.compile(
    r"\s+(?:in|during|for|over)\s+the\s+(?:first|last|past)\s+[\w\s-]+$", re.I
)


def _subject(
    text: str, w_start: int, mention: NumericMention, w_end: int, role: FrameRole
) -> TextSpan | None:
    before = text[w_start : mention.start]
    after = text[mention.end : w_end]
    if role is FrameRole.change:
        growth = _GROWTH_IN.match(after)
        if growth:
            return _np(
                text, mention.end + growth.start("np"), mention.end + growth.end("np"), after=True
            )
        multiplied = (
            _MULTIPLIED_OBJECT.match(after) if _MULTIPLY_VERB.search(mention.text) else None
        )
        if multiplied:  # "agreed to double bilateral trade within three years"
            return _np(
                text, mention.end + multiplied.start("np"), mention.end + multiplied.end("np")
            )
        aside = _NP_THEN_CHANGE.search(before)
        if aside:  # "The deficit with China, up 30.5% at $162bn"
            np_end = w_start + aside.end("np")
            came_from = _CAME_FROM.search(aside["np"])
            if came_from:  # "while the remaining was from imports, up 51.57 percent"
                return _np(text, w_start + aside.start("np") + came_from.start("np"), np_end)
            at_high = _AT_A_HIGH.search(aside["np"])
            if at_high:  # "showed exports at a six-year high in 2004, up 35%": exports'
                np_end = w_start + aside.start("np") + at_high.start()
            phrase = _np(text, w_start + aside.start("np"), np_end)
            return None if is_bare(phrase) else phrase  # "in the first eight months, up"
        absolute = _WITH_NP_CHANGING.search(before)
        if absolute and (
            _PREDICATE.search(absolute["np"]) or _WITH_PARTNER.search(before, 0, absolute.start())
        ):
            absolute = None  # "Japan's surplus with the United States edged up": a partner
        if absolute:  # "..., with GDP in the first nine months expanding 8.89%"
            np_end = absolute.end("np")
            tail = _PERIOD_TAIL.search(absolute["np"])
            if tail:
                np_end = absolute.start("np") + tail.start()
            return _np(text, w_start + absolute.start("np"), w_start + np_end)
        acted_on = _ACTED_ON_BY.search(before)
        if acted_on:  # "reduced Norway's oil output by about 80,000 bpd": the output
            return _np(text, w_start + acted_on.start("np"), w_start + acted_on.end("np"))
        headline = _BARE_CHANGE.match(before)
        if headline and not _CLAUSE_WORD.search(headline["np"]):  # "Budget collection up 16.2%"
            return _np(text, w_start + headline.start("np"), w_start + headline.end("np"))
        shown = _SHOWED_CHANGE.search(before)
        if shown:  # "Figures for November showed exports down 2.3%"
            phrase = _np(text, w_start + shown.start("np"), w_start + shown.end("np"))
            return None if is_bare(phrase) else phrase
        bracket = _BRACKETED_CHANGE.search(before)
        if bracket:  # "decreases were seen in the prices of educational services (down 3.14%)"
            head = before[: bracket.start()]
            cuts = list(_BRACKET_NP_START.finditer(head))
            start = cuts[-1].end() if cuts else 0
            phrase = _np(text, w_start + start, w_start + len(head))
            return None if is_bare(phrase) else phrase
        return None
    aside = _COMPARED_ASIDE.match(before) if role is FrameRole.level else None
    if aside:  # "The trade deficit - far bigger than the $54bn widely expected": a deficit
        compared = _np(text, w_start + aside.start("np"), w_start + aside.end("np"))
        expected = _EXPECTED_AFTER.match(after)
        if compared is None or expected is None:
            return compared
        said = f"{compared.text} {expected['words'].strip()}"  # the forecast, not the figure
        return TextSpan(compared.start, compared.end, said)
    leads = _LEADS_IN.search(before) if role is FrameRole.level else None
    if leads:  # "HCM City still leads the country in export turnover ..., reaching $35bn"
        said = f"{leads['who']}'s {leads['noun']}"
        return TextSpan(w_start + leads.start("noun"), w_start + leads.end("noun"), said)
    moved = _MOVED_TO.search(before) if role is FrameRole.level else None
    if moved:  # "That pushed the 10 month deficit to $500.5bn": the deficit
        return _np(text, w_start + moved.start("np"), w_start + moved.end("np"))
    at_high = _AT_A_BEFORE.search(before) if _HIGH_WORD.match(after.strip()) else None
    if at_high:  # "exports at a six-year high": how long since exports were this high
        return _np(text, w_start, w_start + at_high.start())
    balance = _BALANCE_NOUN_AFTER.match(after)
    if balance and role is FrameRole.level:  # "led to a 300 mln mark deficit in February"
        return _span(text, mention.end + balance.start("np"), mention.end + balance.end("np"))
    deal = _DEAL_NOUN_AFTER.match(text, mention.end, mention.end + 160)
    article = _ARTICLE_BEFORE.search(before)
    if deal and article and role is FrameRole.level:  # "a hostile 7.4bn dollar bid by Xstrata"
        signer = _SIGNER_BEFORE.search(before)
        owner = f"{signer['owner']}'s" if signer else ""  # "Argentina signed a $240m agreement"
        said = " ".join(w.strip() for w in (owner, article["adjective"], deal["np"]) if w)
        return TextSpan(deal.start("np"), deal.end("np"), said)
    flow_verb = _FLOW_VERB_BEFORE.search(before)
    if flow_verb:  # "Peru exported 90,000 tonnes"
        flow = _np(text, w_start, w_start + flow_verb.end("verb"))
        intended = _INTENDED_FLOW.search(flow.text) if flow is not None else None
        if flow is not None and intended is not None and intended.start() > 0:
            owner = flow.text[: intended.start()]  # "Indonesia plans to import"
            cuts = [*_SUBORDINATE.finditer(owner), *_PREDICATE.finditer(owner)]
            owner = re.sub(
                r"^(?:that|the\s+fact\s+that)\s+",
                "",
                owner[max((c.end() for c in cuts), default=0) :].strip(),
            )
            noun = _FLOW_NOUNS[intended["flow"].lower()]
            intent = intended["intent"].lower()
            adjective = next(a for stem, a in _INTENT_WORDS.items() if intent.startswith(stem))
            said = f"{owner}'s {adjective} {noun}"
            if owner:
                flow = TextSpan(flow.start, flow.end, said)  # -> "Indonesia's planned imports"
        partner = _FLOW_PARTNER_AFTER.match(after)
        named = re.sub(r"^the|[^a-z]", "", partner["partner"].casefold()) if partner else ""
        if flow is None or partner is None or named not in COUNTRY_FORMS:
            return flow  # only a country by name: not "the South American nation"
        said = f"{flow.text} {partner['prep']} {partner['partner']}"  # "... imported from China"
        return TextSpan(flow.start, flow.end, said)
    worth = _WORTH_OF.match(after)
    if worth and role is FrameRole.level:  # "from 25.6 billion dlrs worth of exports"
        return _np(text, mention.end + worth.start("np"), mention.end + worth.end("np"), after=True)
    from_phrase = _FROM_PHRASE.match(after)
    if from_phrase and role is FrameRole.level:
        return _np(
            text,
            mention.end + from_phrase.start("np"),
            mention.end + from_phrase.end("np"),
            after=True,
        )
    verb = _LEVEL_VERB.search(before)
    of_phrase = _OF_PHRASE.match(after)
    if of_phrase and _TIME_FIRST.match(of_phrase.group("np")):
        of_phrase = None  # "114.6 in January": a time, not what the number measures
    if of_phrase and role is FrameRole.level and (verb is None or not before.strip()):
        return _np(
            text, mention.end + of_phrase.start("np"), mention.end + of_phrase.end("np"), after=True
        )
    if verb:
        intro = _INTRO.match(before)
        np_start = w_start + (intro.end() if intro else 0)
        antecedent = _RELATIVE_AFTER_NOUN.search(text, np_start, w_start + verb.start())
        if antecedent:  # "a rising trend in exports which totalled": exports
            return _span(text, antecedent.start("np"), antecedent.end("np"))
        return _np(text, np_start, w_start + verb.start())
    if role is FrameRole.share:
        return None
    return _np(text, w_start, mention.start)


_RELATIVE_AFTER_NOUN = re.compile(
    r"\b(?:in|of|for)\s+(?P<np>(?:the\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)\s*,?\s+"
    r"(?:which|that)\s*$"
)
"""A relative clause's noun after a preposition: "a rising trend in exports which"."""
_DETERMINER_ONLY = re.compile(r"(?:the|a|an|its|their|his|her|our|this)", re.I)
_NOUN_AFTER_NUMBER = re.compile(
    r"\s*(?P<np>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)(?=\s*(?:[,.;:]|$)|\s+(?:for|of|in|was|were|"
    r"is|are|has|had|have|will|would|could|from|by|with|that|which|on|at|to|built|set|"
    r"implemented)\b)"
)


def _noun_after_number(
    text: str, mention: NumericMention, subject: TextSpan | None, w_end: int
) -> TextSpan | None:
    """The noun a number modifies when the words before it are only a determiner: "The 43-km
    link" is the link's length, "Its $17m profit" a profit; None otherwise."""
    if subject is None or not _DETERMINER_ONLY.fullmatch(subject.text.strip()):
        return None
    noun = _NOUN_AFTER_NUMBER.match(text, mention.end, w_end)
    if noun is None or _PREDICATE.fullmatch(noun["np"].split()[0]):
        return None
    said = f"{subject.text.strip()} {noun['np']}"
    return TextSpan(subject.start, mention.end + noun.end("np"), said)


def _np(text: str, start: int, end: int, *, after: bool = False) -> TextSpan | None:
    """A noun phrase without the clauses that lead into it or the conjunction after it. A
    phrase before its number also loses the clause its period words close ("grew much
    faster than expected in 1986 and domestic demand [surged 10.5 pct]"); one after the
    number ("35 pct of exports in 1987 and warns ...") keeps its head."""
    phrase = text[start:end]
    lead = _NP_LEAD.match(phrase)
    if lead and lead.end() < len(phrase):
        start += lead.end()
    intro = _INTRO.match(text[start:end])
    if intro and start + intro.end() < end:
        start += intro.end()
    for closing in [] if after else list(_PERIOD.finditer(text, start, end))[::-1]:
        then = _PERIOD_THEN_AND.match(text, closing.end(), end)
        if then and then.end() < end:  # "from 114.6 in January and imports rising to"
            start = then.end()  # "grew much faster than expected in 1986 and domestic demand"
            break
    lead = None if after else _LEADING_PERIOD.match(text, start, end)
    if lead and re.search(r"[a-z]{3}", text[lead.end() : end]):
        start = lead.end()  # "In January house prices [went up 0.4%]": house prices
    tail = _NP_TAIL.search(text[start:end])
    if tail:
        end = start + tail.start()
    return _span(text, start, end)


def _period_in_scope(
    text: str,
    mention: NumericMention,
    periods: list[tuple[TextSpan, frozenset[int], int | None]],
    inherited: tuple[TextSpan | None, frozenset[int], int | None],
    inside: list[NumericMention],
    compared_spans: frozenset[TextSpan],
    published: dt.date | None = None,
    sentence_end: int | None = None,
    last_base: _Period = (None, frozenset(), None),
    stated: _Period = (None, frozenset(), None),
) -> tuple[TextSpan | None, frozenset[int], int | None]:
    """The nearest period words of the sentence that are not another number's
    (`_owned_by_another`), not those after a number the figure is compared with; else
    those of an earlier sentence. A compared number ("from 38.7 billion in December")
    has the period words right after it; one after "from" or "after" that has none is of
    the period of the base before it, in its sentence or an earlier one ("rose to 751 mln
    from 723 mln in January while oil imports rose to 425 mln from 352 mln")."""
    owner = _possessive_period(text, mention, published) or _participle_period(
        text, mention, inside, published
    )
    if owner is not None:  # the sentence's reading of the same words, if it has one
        at = owner[0].start if owner[0] is not None else -1
        return next((p for p in periods if p[0].start == at), owner)
    when = _when_period(text, mention, published)
    if when is not None:
        return when
    month_earlier = _earlier_base(text, mention, inside, sentence_end, _MONTH_EARLIER)
    compared = _compared_period(text, mention, inside, published, sentence_end)
    if compared is not None and not month_earlier:
        return _same_period(
            text, mention, compared, periods, inherited, inside, compared_spans, stated
        )
    found = _period_found(text, mention, periods, inherited, inside, compared_spans)
    if _earlier_base(text, mention, inside, sentence_end, _YEAR_EARLIER):
        return _a_year_before(found, published)
    if month_earlier:
        return _a_month_before(found)
    if _earlier_base(text, mention, inside, sentence_end, _QUARTER_EARLIER):
        return _a_quarter_before(found)
    if _temporal_base(text, mention, inside):
        for earlier in reversed([m for m in inside if m.end <= mention.start]):
            base = _compared_period(text, earlier, inside, published, sentence_end)
            if base is not None:
                return base
        if last_base[0] is not None:
            return last_base
    return found


_SAME_PERIOD = re.compile(
    r"\b(?:the\s+)?same\s+(?:(?:19|20)\d\d\s+)?(?:period|month|quarter|time\s*frame)\b", re.I
)
_YEARS_PERIOD = re.compile(r"['’]s?\s+(?:same\s+|corresponding\s+)?(?:period|time\s*frame)\b", re.I)
"""After a year: "this year's period", "last year's corresponding period"."""


def _year_of_the_period(
    text: str,
    period: tuple[TextSpan, frozenset[int], int | None],
    inherited: _Period,
    stated: _Period,
) -> tuple[TextSpan, frozenset[int], int | None]:
    """ "This year's period" is that year's part of the period named before ("in the first
    20 days of December ... This year's period included 16 working days"): the months of the
    paragraph's period, or else the article's, in the year the words name."""
    span = period[0]
    if not _YEARS_PERIOD.match(text, span.end) or _WITHIN_A_YEAR.search(span.text):
        return period
    before = next(
        (p[0] for p in (inherited, stated) if p[0] and _WITHIN_A_YEAR.search(p[0].text)), None
    )
    if before is None:
        return period
    words = _part_of_the_year(before.text)
    return (
        TextSpan(span.start, span.end, f"{words}, {span.text}"),
        period[1],
        period[2],
    )


_A_YEAR = re.compile(r"\s*(?:,\s*|\bof\s+)?\b(?:(?:19|20)\d\d|(?:this|last|the)\s+year)\b", re.I)


def _part_of_the_year(words: str) -> str:
    """Period words without their year or leading preposition: "in the first 10 months of
    this year" -> "the first 10 months", to be written with another year."""
    return re.sub(r"^(?:in|for|during|over)\s+", "", _A_YEAR.sub("", words).strip(" ,"), flags=re.I)


def _same_period(
    text: str,
    mention: NumericMention,
    compared: _Period,
    periods: list[tuple[TextSpan, frozenset[int], int | None]],
    inherited: _Period,
    inside: list[NumericMention],
    compared_spans: frozenset[TextSpan],
    stated: _Period = (None, frozenset(), None),
) -> _Period:
    """A base "in the same month for 1986" is of the figure's months in that year: "in
    February, 1986 (the same period)"; other bases keep their own words. With no period
    of its own in the paragraph, the figure's is the one an earlier paragraph stated ("in
    the first 10 months of this year" ... "55.8% in the same period last year")."""
    span = compared[0]
    if span is None or not _SAME_PERIOD.search(text, mention.end, span.end + len(" period")):
        return compared
    if months_spanned(span.text) or re.search(_MONTH_WORDS, span.text, re.I):
        return compared
    own = _period_found(text, mention, periods, inherited, inside, compared_spans | {span})
    if own[0] is None:
        own = stated
    if own[0] is None:
        return compared
    words = _part_of_the_year(own[0].text)
    if not (months_spanned(words) or _WITHIN_A_YEAR.search(words)):
        return compared  # a part of a year: "February", "the first 20 days", "the Dec. 1-20"
    return (
        TextSpan(span.start, span.end, f"{words}, {span.text} (the same period)"),
        compared[1],
        own[2],
    )


_TEMPORAL_LEAD = re.compile(r"\b(?:from|after)\b[^.;:,]{0,30}$", re.I)


def _temporal_base(text: str, mention: NumericMention, inside: list[NumericMention]) -> bool:
    """Whether the number is the earlier side of a change ("rose to 425 mln from 352 mln",
    "after 11.2 billion"): not a comparison with another party ("against 3bn to Japan")."""
    before = [m for m in inside if m.end <= mention.start]
    if not before:
        return False
    return bool(_TEMPORAL_LEAD.search(text, before[-1].end, mention.start))


_YEAR_EARLIER = re.compile(
    r"\s*(?:[a-z]+\s+)?(?:a\s+year\s+(?:earlier|ago|before)|(?:in\s+)?the\s+(?:previous|prior|"
    r"preceding)\s+year|the\s+year\s+before)\b",
    re.I,
)
"""After a compared number: "compared with $37.73 billion tallied a year earlier"."""


_MONTH_EARLIER = re.compile(
    r"\s*(?:[a-z]+\s+)?(?:a\s+month\s+(?:earlier|ago|before)|(?:in\s+)?the\s+(?:previous|prior|"
    r"preceding)\s+month|the\s+month\s+before)\b",
    re.I,
)
"""After a compared number: "down from 2.06 million tons in the previous month"."""
_QUARTER_EARLIER = re.compile(
    r"\s*(?:[a-z]+\s+)?(?:in\s+)?the\s+(?:previous|prior|preceding)\s+(?:three\s+months|quarter)"
    r"|\s*(?:[a-z]+\s+)?(?:in\s+)?the\s+quarter\s+before\b",
    re.I,
)
"""After a compared number: "after a 0.7 pct increase in the previous three months"."""
_ELIDED_BASE = re.compile(r"^[^.;:\d]{0,40}\band\s+$", re.I)
"""Between two compared numbers of one lead: "from 33.8 billion a month ago and 27.7
billion a year ago"."""


def _earlier_base(
    text: str,
    mention: NumericMention,
    inside: list[NumericMention],
    sentence_end: int | None,
    earlier: re.Pattern[str],
) -> bool:
    """Whether the number is a comparison base that its words (`earlier`: a year, a
    month) put before the figure; a second base joined by "and" shares the first's lead."""
    if sentence_end is None or not earlier.match(text, mention.end, sentence_end):
        return False
    before = [m for m in inside if m.end <= mention.start]
    start = before[-1].end if before else max(0, mention.start - 60)
    if _COMPARED_LEAD.search(text, start, mention.start):
        return True
    if len(before) < 2 or not _ELIDED_BASE.match(text[before[-1].end : mention.start]):
        return False
    return bool(_COMPARED_LEAD.search(text, before[-2].end, before[-1].start))


def _a_month_before(period: _Period) -> _Period:
    """The figure's month a month earlier, written with its year: "in February 2024" ->
    "January 2024 (the month before)"; a period that is not one named month stays."""
    span, years, _ = period
    named = months_spanned(span.text) if span is not None else frozenset()
    if span is None or len(years) != 1 or len(named) != 1:
        return period
    month = next(iter(named))
    year = next(iter(years)) - (month == 1)
    month = (month - 2) % 12 + 1
    words = f"{_MONTH_WORDS.split('|')[month - 1]} {year} (the month before)"
    return TextSpan(span.start, span.end, words), frozenset({year}), None


_WHEN_CLAUSE = re.compile(r",\s*when\b[^,;.:]*$", re.I)


def _when_period(
    text: str, mention: NumericMention, published: dt.date | None
) -> tuple[TextSpan, frozenset[int], int | None] | None:
    """Period words that a ", when" clause holding the number looks back to: "the worst
    since 1974/75, when gnp contracted by 0.4 pct" is 1974/75's."""
    window_start = max(0, mention.start - 150)
    when = _WHEN_CLAUSE.search(text, window_start, mention.start)
    if when is None:
        return None
    for match in _PERIOD.finditer(text, window_start, when.start()):
        if match.end() == when.start():
            years = _years_of(match, published)
            span = TextSpan(match.start(), match.end(), match.group())
            return (span, years, _month_count(match)) if years else None
    return None


def _a_quarter_before(period: _Period) -> _Period:
    """The figure's quarter a quarter earlier, written with its year: "in the January/March
    quarter" of 1987 -> "October/December 1986 (the quarter before)"; a period that is not
    three months of one year stays."""
    span, years, _ = period
    named = months_spanned(span.text) if span is not None else frozenset()
    if span is None or len(years) != 1 or len(named) != 3 or max(named) - min(named) != 2:
        return period
    first = min(named)
    year = next(iter(years)) - (first == 1)
    first = (first - 4) % 12 + 1
    months = _MONTH_WORDS.split("|")
    words = f"{months[first - 1]}/{months[first + 1]} {year} (the quarter before)"
    return TextSpan(span.start, span.end, words), frozenset({year}), None


def _a_year_before(period: _Period, published: dt.date | None) -> _Period:
    """The figure's period a year earlier, written with its year: "in the Dec. 1-20
    period" of a 2024 report -> "in the Dec. 1-20 period of 2023 (a year earlier)"."""
    span, years, months = period
    if span is None or not years:
        return period
    earlier = frozenset(y - 1 for y in years)
    if re.search(r"\b(?:19|20)\d\d\b", span.text):
        words = re.sub(r"\b(?:19|20)\d\d\b", lambda m: str(int(m.group()) - 1), span.text)
    else:
        words = f"{span.text} of {', '.join(str(y) for y in sorted(earlier))}"
    return TextSpan(span.start, span.end, f"{words} (a year earlier)"), earlier, months


def _period_found(
    text: str,
    mention: NumericMention,
    periods: list[tuple[TextSpan, frozenset[int], int | None]],
    inherited: _Period,
    inside: list[NumericMention],
    compared_spans: frozenset[TextSpan],
) -> _Period:
    """The nearest of the sentence's period words that fits (`_period_in_scope`)."""
    usable = [
        p
        for p in periods
        if p[1]
        and p[0] not in compared_spans  # other numbers' (this one has none of its own)
        and not (p[0].start <= mention.start < p[0].end)
        and not (
            p[0].start >= mention.end and _COMPARED_NUMBER.search(text, mention.end, p[0].start)
        )
    ]
    own = inherited[0] is not None and any(p[0] == inherited[0] for p in periods)
    if not usable:  # this sentence's own periods are the compared number's, not earlier ones
        return inherited if inherited[1] and not own else (None, frozenset(), None)

    def distance(p: tuple[TextSpan, frozenset[int], int | None]) -> int:
        span = p[0]
        gap = mention.start - span.end if span.end <= mention.start else span.start - mention.end
        owned = _owned_by_another(text, mention, span, inside)
        return gap * (1 if span.end <= mention.start else 2) + (_ANOTHER_NUMBERS if owned else 0)

    return min(usable, key=distance)


_COMPARED_LEAD_WORD = re.compile(
    r"\b(?:from|after|against|versus|vs|compared|than|(?:up|down)\s+on|(?:below|above)\s+the)\b",
    re.I,
)
_COMPARED_LEAD = re.compile(
    r"\b(?:from|after|against|versus|vs\.?|compared\s+(?:with|to)|than|(?:up|down)\s+on"
    r"|(?:below|above)\s+the)\b[^.;:,]{0,30}$",
    re.I,
)
"""Words before a compared number ("from", "after", "down on the 7.26 billion figure",
"well below the 628 mln dlrs of February last year")."""
_OWNER_GAP = re.compile(r"^(?:['’]s)?\s+(?:[a-z-]+\s+){0,2}(?:of\s+)?[$€£¥]?$")
"""Between a possessive period and its number: "January's record 11.91 billion", "last
year's 9.1%"."""


def _possessive_period(
    text: str, mention: NumericMention, published: dt.date | None
) -> tuple[TextSpan, frozenset[int], int | None] | None:
    """Period words that own the number as a possessive right before it ("from January's
    record 11.91 billion", "above 2003's imbalance of $496.5bn"): that number's period,
    whatever else the sentence says."""
    for match in _PERIOD.finditer(text, max(0, mention.start - 60), mention.start):
        gap = text[match.end() : mention.start]
        possessive = re.search(r"['’]s$", match.group()) or re.match(r"['’]s\b", gap)
        if possessive and _OWNER_GAP.match(gap):
            years = _years_of(match, published)
            if years:
                return (
                    TextSpan(match.start(), match.end(), match.group()),
                    years,
                    _month_count(match),
                )
    month = _MONTH_OWNER.search(text, max(0, mention.start - 60), mention.start)
    if month is not None:  # "from January's 7.20 billion": no period form reads a bare month
        as_period = _PERIOD.fullmatch(f"in {month['month']}")
        years = _years_of(as_period, published) if as_period is not None else frozenset()
        if years:
            return (
                TextSpan(month.start(), month.end("month") + 2, month.group("month") + "'s"),
                years,
                None,
            )
    return None


_SET_IN = re.compile(
    r"\b(?:set|booked|recorded|posted|registered|logged)\s+(?:(?:in|during|on)\s+)?$", re.I
)
_SET_GAP_AFTER = re.compile(r"^(?:\s*\([^()]*\))?(?:\s+[a-z-]+){0,2}\s+$", re.I)
"""Between a number and the participle that dates it: "154.55 billion yen (1.40 billion
U.S. dollars) deficit booked in December", "the record of $6.7 billion set last month"."""
_SET_GAP_BEFORE = re.compile(r"^\s+of\s+(?:about\s+|around\s+|some\s+)?$", re.I)
"""Between the participle's period and the number it dates: "the record set in March 2017
of 9.17 million barrels"."""


def _participle_period(
    text: str, mention: NumericMention, inside: list[NumericMention], published: dt.date | None
) -> _Period | None:
    """Period words a participle ties to the number's own noun phrase ("a deficit booked in
    December", "the previous record set in March 2017 of 9.17 million"): that number's
    period only, not the sentence's (a comparison base's words, `_periods` leaves them)."""
    for match in _PERIOD.finditer(text, max(0, mention.start - 60), mention.end + 80):
        span = TextSpan(match.start(), match.end(), match.group())
        period = (span, _years_of(match, published), _month_count(match))
        if not period[1] or not _SET_IN.search(text, max(0, span.start - 30), span.start):
            continue
        if span.start >= mention.end:
            gap = text[mention.end : span.start]
            bracket = re.match(r"\s*\([^()]*\)", gap)
            start = mention.end + (bracket.end() if bracket else 0)
            between = any(start <= m.start and m.end <= span.start for m in inside)
            if not between and _SET_GAP_AFTER.match(gap):
                return period
        elif span.end <= mention.start and _SET_GAP_BEFORE.match(text[span.end : mention.start]):
            return period
    return None


_MONTH_OWNER = re.compile(
    rf"\b(?P<month>{_MONTH_NAME})['’]s\s+(?:[a-z-]+\s+){{0,2}}(?:of\s+)?[$€£¥]?$"
)


def _compared_period(
    text: str,
    mention: NumericMention,
    inside: list[NumericMention],
    published: dt.date | None,
    sentence_end: int | None,
) -> tuple[TextSpan, frozenset[int], int | None] | None:
    """For a number after "from", "after", "against", "compared with", "than": the period
    words between it and the next number, if they name a year (its own, not the figure's
    it is compared with: "rose to 40.1 billion in January from 38.7 billion in December")."""
    before = [m for m in inside if m.end <= mention.start]
    start = before[-1].end if before else max(0, mention.start - 60)
    if sentence_end is None or not _COMPARED_LEAD.search(text, start, mention.start):
        return None
    after = [m for m in inside if m.start >= mention.end]
    end = after[0].start if after else sentence_end
    for match in _PERIOD.finditer(text, mention.end, end):
        gap = text[mention.end : match.start()]
        if re.search(r"[;:]|,\s*(?:while|and|but)\b", gap) or _COMPARED_LEAD_WORD.search(gap):
            return None  # another clause's, or another compared number's
        if re.match(r"['’]s\b", text[match.end() :]):
            return None  # "compared with 1986/7's one billion": that number's year
        years = _years_of(match, published)
        if years:
            span = TextSpan(match.start(), match.end(), match.group())
            return span, years, _month_count(match)
    return None


_ANOTHER_NUMBERS = 100_000
"""The distance added to period words that belong to another number: any of its own
period words, however far, is nearer, and with none, the other's are still its best."""


def _owned_by_another(
    text: str, mention: NumericMention, span: TextSpan, inside: list[NumericMention]
) -> bool:
    """Whether period words are another number's: words right after a number belong to it
    ("400 mln francs in February after a 2.5 billion franc deficit in January": February is
    the 400 mln's, not the 2.5 billion's), and words after this number belong to a number
    that stands between them. A conversion of the same amount ("1.31 trillion yen (11.88
    billion dollars) in January") shares its figure's period."""
    if span.end <= mention.start:
        before = [m for m in inside if m.end <= span.start and m is not mention]
        if not before:
            return False
        nearest = before[-1]
        if _NEW_CONJUNCT.search(text, nearest.end, span.start) and _MODIFIES.fullmatch(
            text, span.end, mention.start
        ):
            return False  # "and the two-month cumulative deficit 8.1 billion": its own
        return not _CONVERTED.match(text, nearest.end, mention.start) and not re.search(
            r"[;:]", text[nearest.end : span.start]
        )
    between = [m for m in inside if mention.end <= m.start and m.end <= span.start]
    if any(not _CONVERTED.match(text, mention.end, m.start) for m in between):
        return True
    following = [m for m in inside if m.start >= span.end]
    return bool(
        following
        and _NEW_CONJUNCT.search(text, mention.end, span.start)
        and _MODIFIES.fullmatch(text, span.end, following[0].start)
    )  # "2.4 billion francs and the two-month cumulative deficit 8.1 billion"


_NEW_CONJUNCT = re.compile(r"\b(?:and|while|but)\b|[,;]")
_MODIFIES = re.compile(r"\s*(?:[a-z-]+\s+){0,3}")
"""Period words inside the noun phrase of the next number: that number's."""


_CONVERTED = re.compile(r"^\s*(?:,\s*)?(?:or|\(|\[|/)\s*(?:about|around|some|roughly)?\s*$", re.I)
"""What stands between a figure and its conversion: "VND131 trillion, or $5.6 billion"."""


def _link_changes(text: str, frames: list[Frame], inside: list[NumericMention]) -> list[Frame]:
    """Give each change the level it qualifies; distribute "respectively" lists in order."""
    out = list(frames)
    levels = [i for i, f in enumerate(out) if f.role is not FrameRole.change]
    changes = [i for i, f in enumerate(out) if f.role is FrameRole.change]
    sentence = out[0].sentence.text if out else ""
    respectively = bool(re.search(r"\brespectively\b", sentence, re.I))
    if respectively and changes:
        first_change = changes[0]
        bases = [
            i
            for i in levels
            if i < first_change
            and not (i and _CONVERTED.match(text[inside[i - 1].end : inside[i].start]))
        ]  # "revenue of VND131 trillion, or $5.6 billion": one base, written twice
        listed = [i for i in changes if i > (bases[-1] if bases else -1)]
        if bases and len(bases) >= len(listed):
            for base, change in zip(bases[-len(listed) :], listed, strict=True):
                out[change] = _replace(
                    out[change],
                    base_id=out[base].mention_id,
                    subject=out[base].subject or out[change].subject,
                    respectively=True,
                )
            return out
    for i, frame in enumerate(out):
        if frame.role is FrameRole.share and frame.subject is None:
            prior = [j for j in levels if j < i and out[j].role is FrameRole.level]
            if prior:
                out[i] = _replace(frame, subject=out[prior[-1]].subject)
    for i in changes:
        earlier = [j for j in levels if j < i]
        if not earlier:
            continue
        base = earlier[-1]
        if out[base].clause.start != out[i].clause.start and _own_words(text, out[i], inside[i]):
            continue  # "..., while destocking subtracted 0.3 point": not the level before
        out[i] = _replace(
            out[i], base_id=out[base].mention_id, subject=out[i].subject or out[base].subject
        )
    del inside
    return out


def _own_words(text: str, frame: Frame, mention: NumericMention) -> bool:
    """True when a change's clause names something before the number, so the change is
    said of that, not of a level in an earlier clause."""
    head = text[frame.clause.start : mention.start]
    words = re.findall(r"[A-Za-z][\w'-]*", head)
    return any(not _CHANGE_BEFORE.search(w + " ") and not _BARE_WORDS.fullmatch(w) for w in words)
