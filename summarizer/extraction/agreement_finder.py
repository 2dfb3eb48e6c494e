"""Agreements the source itself names, found without a model.

A 1.5B model lists few of an article's agreements (on the development corpus it named 11
where the gold has 33) and calls the ones it lists by their head noun. An agreement an
article reports is written in a recognisable way: an agreement noun ("agreement", "MoU",
"accord", "deal", "pact", "contract", "treaty") in a sentence whose words say what became
of it ("signed", "agreed to", "expected to sign", "negotiations on"). This module reads
those sentences: the title is the noun phrase as the source writes it (its modifiers and
the phrases that say what it is about), the status is the cue reading the cross-checker
applies (`crosscheck.agreements.status_cue`), and the evidence is the sentence. A second
mention of the same agreement ("the deal", "this MoU") adds nothing.

`with_found_agreements` adds these to the model's list where the model did not name the
same agreement; `extraction.requests` applies it to every record.
"""

from __future__ import annotations

import re

from summarizer.crosscheck.agreements import WHEN_WHERE, status_cue
from summarizer.crosscheck.wordmatch import word_list
from summarizer.domain import Agreement, AgreementStatus, AgreementType
from summarizer.extraction.agreement_titles import extend_title
from summarizer.frames import sentence_spans
from summarizer.ingest.dates import header_prefix_end

AGREEMENT_NOUN = re.compile(
    r"\b(?:(?P<mou>memorand(?:um|ums|a)(?: of understanding)?|MoUs?|MoAs?)"
    r"|(?P<agreement>agreements?|accords?|pacts?|treaty|treaties)"
    r"|(?P<deal>deals?)"
    r"|(?P<contract>contracts?)"
    r"|(?P<plan>(?:action|work|cooperation|co-operation) plan|list of (?:key )?tasks)"
    r"|(?P<merger>merger|takeover (?:offer|bid))"
    r"|(?P<initiative>(?<=\w\s)(?-i:Initiatives?))"
    r")\b",
    re.I,
)
"""Agreement nouns a report names a concluded, agreed or sought agreement by; "Initiative"
only as the last word of a name ("the Black Sea Grain Initiative")."""

_TYPES = {
    "mou": AgreementType.mou,
    "agreement": AgreementType.agreement,
    "deal": AgreementType.agreement,
    "contract": AgreementType.contract,
    "plan": AgreementType.action_plan,
    "merger": AgreementType.other,
    "initiative": AgreementType.agreement,
}

_ANAPHORIC = frozenset(word_list("the this that these those its their his her our such said"))
"""A bare noun after these ("signed the deal", "this MoU") refers to an agreement named
before, not a new one."""

_STOP_BEFORE = frozenset(
    word_list(
        "a an another the this that these those its their his her our to of in on at for with "
        "by from and or but as is are was were be been being has have had will would could should "
        "may "
        "might must can also not no new any all both two three which who what when where while "
        "than into under over after before about between among sign signs signed signing ink "
        "inked reach reached reaching conclude concluded extend extended formalise formalised "
        "formalize formalized seek seeking seeks make made strike struck seal sealed agree "
        "agreed agrees hope hopes expect expects expected said says"
    )
)
"""Words that end a noun phrase's modifiers when reading back from its noun."""

_WORD_BEFORE = re.compile(r"([\w$’'.-]+)\W*$")
_MAX_MODIFIERS = 5
_HEADLINE_END = re.compile(r"[.!?\"”’)]\s*$")


def _modifiers_start(sentence: str, noun_start: int) -> tuple[int, str | None]:
    """Where the noun phrase's modifiers begin ("a $240m agreement" -> "$240m"), and the
    determiner before them, if any."""
    start = noun_start
    for _ in range(_MAX_MODIFIERS):
        before = sentence[:start]
        if not before.rstrip() or re.search(r"[,;:()\"“”]\s*$", before):
            return start, None
        match = _WORD_BEFORE.search(before)
        if match is None:
            return start, None
        word = match.group(1).strip(".")
        if word.casefold() in _STOP_BEFORE or (
            word[:1].islower() and re.search(r"(?:ed|ing|ly)$", word)
        ):
            return start, word.casefold()
        start = match.start(1)
    return start, None


def _sentences(text: str) -> list[str]:
    body = header_prefix_end(text)  # the 'date 2025-10-08' an article file may open with
    spans = [(max(s, body), e) for s, e in sentence_spans(text) if e > body]
    out = []
    for index, (start, end) in enumerate(spans):
        sentence = text[start:end].strip()
        if index == 0 and not _HEADLINE_END.search(sentence):
            continue  # a headline: its verbs ("Kenya, Tanzania ink deal") are a report's
        out.append(" ".join(sentence.split()))
    return out


def find_agreements(text: str) -> list[Agreement]:
    """The agreements the source names with a status cue, each once, in source order."""
    found: list[Agreement] = []
    for sentence in _sentences(text):
        before = list(found)  # one sentence's agreements are a list of distinct ones
        taken_until = 0
        for noun in AGREEMENT_NOUN.finditer(sentence):
            if noun.start() < taken_until:
                continue  # inside the title just read ("memorandum of understanding (MoU)")
            agreement = _named_agreement(sentence, noun)
            if agreement is None:
                continue
            taken_until = noun.start() + len(agreement.title)
            known = next((i for i, e in enumerate(before) if same_agreement(agreement, e)), None)
            if known is None:
                found.append(agreement)
            else:
                found[known] = _fuller_title(found[known], agreement)
        if found and _ELABORATES.match(sentence):
            continue  # "Accordingly, both sides agreed to ...": what was agreed, not a new one
        for agreed in _AGREED_TO.finditer(sentence):
            agreement = _agreed_to(sentence, agreed)
            if agreement is not None and not any(same_agreement(agreement, e) for e in found):
                found.append(agreement)
    return found


def _fuller_title(known: Agreement, again: Agreement) -> Agreement:
    """The agreement first found, named by a later mention that says more of what it is
    ("its December accord on output and prices" after "its December accord"); its status
    and evidence stay those of the first mention."""
    if _content_key(again.title) > _content_key(known.title):
        return known.model_copy(
            update={"title": again.title, "parties": known.parties or again.parties}
        )
    return known


def _named_agreement(sentence: str, noun: re.Match[str]) -> Agreement | None:
    start, before = _modifiers_start(sentence, noun.start())
    if start == noun.start() and before in _ANAPHORIC:
        return None
    rest = sentence[start:]  # the title is read from here: an earlier "(MoU)" is not it
    head = _with_acronym(rest[: noun.end() - start], rest)
    title = _with_purpose(extend_title(head, rest), rest)
    if _names_an_institution(title) or not _identifies(title):
        return None
    cue = status_cue(sentence, title)
    if cue is None:
        return None
    kind = next(name for name, value in noun.groupdict().items() if value)
    return Agreement(
        title=title,
        type=_TYPES[kind],
        parties=parties_in(title),
        status=cue[0],
        evidence=sentence,
    )


_BETWEEN = re.compile(r"\bbetween\s+(?P<sides>.+?)(?=\s+(?:to|on|for|in)\s+[a-z]|$)")
_WITH = re.compile(r"\bwith\s+(?P<side>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)")


def parties_in(title: str) -> list[str]:
    """The parties a title names: "between the Vietnamese Ministry of Industry and Trade and
    the Hainan administration" -> both bodies (split at "and the" when it is there, for
    names that hold an "and"), "agreement with Gazprom to work on ..." -> Gazprom."""
    between = _BETWEEN.search(title)
    if between is not None:
        sides = between.group("sides")
        parts = re.split(r"\s+and\s+the\s+", sides, maxsplit=1)
        if len(parts) < 2:
            parts = sides.rsplit(" and ", 1)
        cleaned = [re.sub(r"^the\s+", "", part.strip(" ,")) for part in parts]
        if len(cleaned) == 2 and all(cleaned):
            return cleaned
    with_side = _WITH.search(title)
    return [with_side.group("side")] if with_side is not None else []


_GENERIC = frozenset(
    word_list(
        "draft new final formal trade such similar possible negotiated full-blown landmark "
        "historic major key broad deal agreement accord pact contract contracts agreements "
        "deals accords pacts mou mous memorandum understanding of treaty merger takeover "
        "offer bid largest biggest largest-ever biggest-ever"
    )
)


def _identifies(title: str) -> bool:
    """Whether the title says which agreement it is: a word beyond its noun and generic
    modifiers ("draft agreement", "trade deal" could be any)."""
    words = re.findall(r"[\w$'’-]+", title.casefold())
    return any(word not in _GENERIC for word in words)


_AGREED_TO = re.compile(
    r"(?<!\bnot )(?<!\bfailed to )(?<!n't )\bagreed (?:in principle )?"
    rf"(?:(?:{WHEN_WHERE} ){{0,5}}?(?P<on>on|upon) |to (?P<verb>[a-z]+)\b)"
)
"""'The two countries agreed to finalise a trade deal within weeks', 'OPEC agreed this
weekend in Vienna on an output ceiling': an agreement in principle that names no
agreement noun."""

_ELABORATES = re.compile(r"(?:accordingly|specifically|in particular|under it|under which)\b", re.I)
"""A sentence opening so spells out the agreement the one before it told of."""

_NOT_AN_AGREEMENT_VERB = frozenset(word_list("be pay buy sell meet withdraw step resign"))


def _agreed_to(sentence: str, agreed: re.Match[str]) -> Agreement | None:
    if agreed.group("verb") in _NOT_AN_AGREEMENT_VERB:
        return None
    start = agreed.end() if agreed.group("on") else agreed.start("verb")
    clause = _clause(sentence, start)
    if len(clause.split()) < 2:
        return None
    return Agreement(
        title=f"Agreement {'on' if agreed.group('on') else 'to'} {clause}",
        type=AgreementType.agreement,
        status=AgreementStatus.agreed_in_principle,
        evidence=sentence,
    )


_CLAUSE_END = re.compile(
    r"[;:!?\"“”()]|[,.](?=\s|$)"
    r"|\s(?:which|that|who|while|but|said|says|according|during"
    r"|and (?:\w+ed|will|to|also|said|this|that|it|they|these|those)"
    r"|at (?:a|the) (?:meeting|ceremony|talks|beginning|end|start)"
    r"|(?:on|in|at) (?-i:[A-Z]))\b"
)
"""Where the words an agreement is for end: a clause break, a new clause, or the time and
place of the report ("during their meeting", "in Hanoi", "on May 25")."""
_MAX_PURPOSE_WORDS = 14


def _clause(sentence: str, start: int) -> str:
    """The words from `start` to the clause's end, at most `_MAX_PURPOSE_WORDS`."""
    end = _CLAUSE_END.search(sentence, start)
    words = sentence[start : end.start() if end else len(sentence)].split()
    return " ".join(words[:_MAX_PURPOSE_WORDS])


_PURPOSE = re.compile(
    r"(?:\s+(?:in|at) (?-i:[A-Z])[\w’'.-]*|\s+(?:next|this|last) (?:week|month|year|\w+day)){0,2}"
    r"\s+(?:(?:with [A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*)*\s+)?to (?=[a-z]+\b)"
    r"|(?=(?!during|according|following|including)[a-z]+ing\b))"
)
"""What an agreement is for, after its title and where and when it is to be signed: "to
import ...", "with Gazprom to work on", "limiting exports of textiles", "in Moscow next week
settling Cairo's ... debt"."""


def _with_purpose(title: str, rest: str) -> str:
    """The title with what the agreement is for: "agreement" + " to import Venezuelan
    fuel in exchange for agricultural goods", "commercial agreement with Gazprom to work
    on joint energy projects". `rest` is the sentence from the title's first word."""
    purpose = _PURPOSE.match(rest, len(title))
    if purpose is None:
        return title
    clause = _clause(rest, purpose.end())
    if not clause:
        return title
    return rest[: purpose.end()] + clause


_FUNCTION = frozenset(
    word_list("a an the this that of on in for to and with between by at from its their here")
)


def _content_key(title: str) -> set[str]:
    return {w for w in re.findall(r"\w+", title.casefold()) if w not in _GENERIC | _FUNCTION}


def same_agreement(a: Agreement, b: Agreement) -> bool:
    """Two mentions of one agreement: the identifying words of one title are all the
    other's, or at least two of them are and half of the shorter's ("Agreement on EC
    office in Beijing", "agreement on the establishment of an EC office here")."""
    ka, kb = _content_key(a.title), _content_key(b.title)
    if not ka or not kb:
        return False
    shared = len(ka & kb)
    return ka <= kb or kb <= ka or (shared >= 2 and 2 * shared >= min(len(ka), len(kb)))


_ACRONYM = re.compile(r"\s*\([A-Z][\w-]{1,9}\)")


def _with_acronym(title: str, rest: str) -> str:
    """The title with the acronym the source puts after it ("... Agreement (SAFTA)");
    `rest` is the sentence from the title's first word."""
    acronym = _ACRONYM.match(rest, len(title))
    return rest[: acronym.end()] if acronym else title


_INSTITUTION = re.compile(r"\bGeneral Agreement on Tariffs? and Trade\b", re.I)


def _names_an_institution(title: str) -> bool:
    """'The General Agreement on Tariffs and Trade' is a body a complaint goes to."""
    return bool(_INSTITUTION.search(title))


def with_found_agreements(agreements: list[Agreement], text: str) -> list[Agreement]:
    """The model's agreements, then those the source names that none of them is.

    On the framed path the model lists none, so these are all the record's. On the model
    path an endpoint's list comes first; with the 1.5B model's answers replayed the union
    scored agreement F1 0.469 on the development corpus and 0.706 on the seeds (the model's
    list alone 0.227 and 0.625, the finder alone 0.500 and 0.800).
    """
    found = [
        agreement
        for agreement in find_agreements(text)
        if not any(same_agreement(agreement, known) for known in agreements)
    ]
    return [*agreements, *found]
