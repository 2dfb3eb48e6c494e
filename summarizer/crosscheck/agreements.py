"""An agreement's status must agree with the words of its evidence sentence.

The sentence is the record's `evidence` when it is in the source, else the source
sentence sharing most content words with the title (when the title names an agreement
and that sentence neither names one nor speaks of agreeing or negotiating, the sentence
naming an agreement that shares most title words). Its status cues are read around the
title: the cue nearest to where the title's words stand (cues inside the title itself,
"to implement the Action Plan" within a title, are ignored). A status outside the cue's
compatible set is `status_contradicted`; with no cue in the sentence the status is
listed in `Verdict.unverified` and does not flag. Cue list: docs/crosscheck.md.

Some cue words do not speak of the agreement itself and are passed over: negotiations
that are over ("after months of negotiations"), a cue on a part of the agreement ("the
offer, made as part of a trade deal"), and "will" after the title with a verb that says
what the agreement does ("the pact will cut tariffs": a signed pact may, as a proposed one
may). Nor do a bare "sign"/"ink" after "to", a modal or "not" ("will sign", "refused to
sign"), "agree" after "failed to" or "not", or a cue whose subject is another agreement
("the current pact expires in May and the new deal would add funds": 'would' is the new
deal's). Continuing an agreement ("will continue a joint venture agreement") says it exists.
"""

from __future__ import annotations

import re
from functools import lru_cache

from summarizer.crosscheck.evidence import locate_evidence
from summarizer.crosscheck.textfold import FoldedText
from summarizer.crosscheck.wordmatch import SourceWords, content_words, stem, tokens_of
from summarizer.domain import (
    Agreement,
    AgreementStatus,
    Discrepancy,
    ReasonCode,
    SourceSpan,
    Unverified,
)

S = AgreementStatus

_PRELIMINARY = "preliminary|tentative|framework|provisional|interim|initial|general|broad|basic"
_DEAL = r"(?:agreements?|accords?|deals?|pacts?|understanding)\b"
_REACHED_WORDS = r"\breached (?:an? |the )?"

WHEN_WHERE = (
    r"(?:this|last|next|in|at|with|earlier|again|also|finally|formally|tentatively|today"
    r"|yesterday|\w+day|week(?:end)?|month|year|(?-i:[A-Z][\w’'-]*))"
)
"""Words that may stand between 'agreed' and 'on' ('agreed this weekend in Vienna on'):
when, where and with whom, not a noun that 'agreed' describes ('the agreed quota on')."""

REACHED = re.compile(
    rf"{_REACHED_WORDS}(?:(?!(?:{_PRELIMINARY})\b)[\w’'-]+ ){{0,4}}?{_DEAL}(?! in principle)",
    re.I,
)
"""'Reached accords': the parties agreed, which does not say whether they have signed."""

REACHED_ALLOWS = frozenset({S.agreed_in_principle, S.signed, S.in_force})
"""What 'reached an agreement' allows: agreed, and an agreement reached may since be signed
or in force; it is no proposal and no longer under negotiation."""

CUES: tuple[tuple[re.Pattern[str], AgreementStatus], ...] = tuple(
    (re.compile(pattern, re.I) if isinstance(pattern, str) else pattern, status)
    for pattern, status in (
        (
            r"(?<!concluded )(?<!completed )(?<!finalised )(?<!finalized )\bnegotiat\w*"
            r"|\bupgrad\w*|\bdiscuss\w*|\bworking (?:towards?|on)\b"
            r"|\btalks (?:on|with|between|over|about)\b"
            r"|\bconsider\w*|\bstud(?:y|ying|ied) (?:the )?(?:possibility|signing)"
            r"|\bfail(?:ed|s|ing)? to (?:agree|reach)\b"
            r"|\btr(?:y|ying|ies|ied) to (?:strike|reach|conclude|secure|negotiate|clinch|seal"
            r"|agree|hammer out|finali[sz]e|complete)\b",
            S.under_negotiation,
        ),
        (
            r"\bpropos\w*|\bsuggest\w*|\bput forward\b|\brecommend\w*|\burg(?:e|ed|ing)\b"
            r"|\bcall(?:ed|s)? for\b|\bestablishing\b|\bplan(?:s|ned)? to\b|\bset to\b"
            r"|\bwill\b|\bwould\b|\bcould\b|\bmight\b|\bbid\b|\boffer\b|\bexpected to\b"
            r"|\bseek\w*|\bpromoters? of\b|\benvisag\w*|\b(?:concept|idea) of\b",
            S.proposed,
        ),
        (
            r"\bagree[ds]? (?:to|on|upon)\b|\bagreed in principle\b|\breached (?:a )?consensus\b"
            rf"|\bagreed(?: {WHEN_WHERE}){{1,5}}? (?:on|upon|to)\b"
            rf"|{_REACHED_WORDS}(?:{_PRELIMINARY})\b(?:[ -][\w’'-]+){{0,3}}? {_DEAL}"
            rf"|{_REACHED_WORDS}(?:[\w’'-]+ ){{0,4}}?{_DEAL} in principle\b",
            S.agreed_in_principle,
        ),
        (REACHED, S.agreed_in_principle),
        (
            r"\bsign(?:ed|ing)\b|\binked\b|\bexchanged\b|\bconclud(?:ed)\b|\binitial(?:l)?ed\b"
            r"|\bformali[sz]ed\b"
            r"|\bsealed\b|\bclinched\b|\bstruck\b"
            r"|\b(?:sign|signs|ink|inks|seal|seals|clinch|clinches)\b"
            r"|\b(?:completed|finali[sz]ed) (?:negotiations|talks)\b"
            r"|\b(?:extended|renewed|prolonged)(?= (?:the|a|an|its|their|this|that|our)\b)",
            S.signed,
        ),
        (
            r"\bin force\b|\bin effect\b|\bbeing implemented\b|\bimplement(?:ing|ation of)?\b"
            r"|\b(?:extended|renewed|prolonged)\b|\btook effect\b|\bcame into force\b"
            r"|\bestablished\b|\beffective\b|\bin place\b|\bexpir(?:es|ing)\b"
            r"|\bunder (?:the|its|their|an?|this|that)\b(?! (?:proposed|draft|planned|possible"
            r"|mooted|envisaged|prospective|future|new)\b)"
            r"|\b(?:continu(?:e|es|ed|ing)|maintain(?:s|ed|ing)?|retain(?:s|ed|ing)?"
            r"|uph(?:old|olds|olding|eld)"
            r"|honou?r(?:s|ed|ing)?|abid(?:e|es|ed|ing) by|adher(?:e|es|ed|ing) to"
            r"|compl(?:y|ies|ied|ying) with)(?= (?:the|a|an|its|their|this|that|existing)\b)",
            S.in_force,
        ),
    )
)
"""Status cue words and the status each gives. Continuing, keeping or honouring an
agreement (the verb right before its noun phrase) says that it exists; extending or
renewing one ("have extended a food-for-oil deal") concludes an extension, as signing
does, while "the extended deal" is one in force."""

_NEGOTIATION = re.compile(r"negotiat|discuss|talks", re.I)

_ENDED_BEFORE = re.compile(
    r"\b(?:after|following|conclu\w*|complet\w*|finali[sz]\w*|ended|end of|closed?"
    r"|wrapped up)\b(?:\W+\w+){0,4}?\W+$",
    re.I,
)
_ENDED_AFTER = re.compile(
    r"^(?:\W+\w+){0,4}?\W+(?:(?:have|has|had|were|was) (?:been )?)?"
    r"(?:ended|concluded|completed|finali[sz]ed|closed|wrapped up)\b",
    re.I,
)
"""Negotiations that are over ('after three months of negotiations', 'the talks ended')
say nothing of the agreement's status now."""

_PART_OF = re.compile(r"\bpart of\b", re.I)
"""Between a cue and the title (a few words apart), 'part of' makes the cue a part's ('the
offer, made as part of a trade deal'), not the agreement's."""

_STATUS_AFTER_WILL = re.compile(
    r"^\W*(?:(?:also|now|then|soon|still|further|only|eventually|formally|not|be|have) )*"
    r"(?:be|become|been|sign|conclude|initial|ink|seal|take effect|come into|enter into"
    r"|go into)\b",
    re.I,
)
"""After the title, 'will' is a status cue only before a verb of status ('the pact will be
signed', 'will take effect'); 'the pact will cut tariffs' says what the pact does, which a
signed pact may as well as a proposed one."""

_BARE_SIGN = re.compile(r"sign|signs|ink|inks|seal|seals|clinch|clinches", re.I)
_NOT_DONE_BEFORE = re.compile(
    r"\b(?:to|will|would|shall|should|could|can|cannot|may|might|must|not|never|n't"
    r"|a|an|the|no|any|every|this|that|some|red)\W+(?:\w+\W+)?$",
    re.I,
)
_NO_OBJECT_AFTER = re.compile(r"^(?:\W*$|\W+(?:of|that|in|is|are|was|were|from|as|and|or)\b)", re.I)
"""A bare 'sign'/'ink' says signed as a headline or historical present ('Kenya, Tanzania
ink deal'); after 'to', a modal or 'not' it is a plan or a refusal ('will sign', 'refused
to sign', 'did not sign'); after an article or adjective, or without an object, a noun
('a sign of', 'encouraging signs that', 'red ink')."""

_NOT_AGREED_BEFORE = re.compile(
    r"\b(?:fail\w*|refus\w*|unable|not|never|n't|declin\w*)\W+(?:to\W+)?$", re.I
)
"""'Failed to agree on', 'did not agree to': no agreement was reached."""

_DEAL_NOUN = (
    r"(?:agreements?|accords?|deals?|pacts?|treat(?:y|ies)|memorand(?:um|a)|mous?"
    r"|protocols?|arrangements?|contracts?|conventions?|charters?|programmes?|programs?"
    r"|packages?|understanding)"
)
_AGREEMENT_NOUN = re.compile(rf"\b{_DEAL_NOUN}\b", re.I)
_SPEAKS_OF_AGREEING = re.compile(rf"\b(?:{_DEAL_NOUN}|agree\w*|negotiat\w*|talks)\b", re.I)
"""Words that name an agreement, and words that speak of agreeing: the sentence a status
is read from should have one."""

_OTHER_DEAL = re.compile(
    r"\b(?P<mark>new|next|other|another|second|separate|successor|replacement|fresh|further"
    r"|follow-up|subsequent|future|earlier|previous|former|old|existing|current|original)\b"
    rf"(?:[ -][\w’'$.-]+){{0,3}}? {_DEAL_NOUN}\b"
    r"(?:\W+(?:which|that|also|now|still|then|only|already|itself|alone|is|are|was|were"
    r"|be|being|been|has|have|had|not|yet|soon|currently)){0,3}\W+$",
    re.I,
)
"""Another agreement ('the new deal', 'an earlier accord') right before a cue is the cue's
subject: 'the current pact expires in May and the new deal would add funds' says nothing
of the current pact with 'would'. Its mark word must not be the title's own ('current'
in the title 'current loan pact' is the agreement itself)."""

COMPATIBLE: dict[AgreementStatus, frozenset[AgreementStatus]] = {
    S.signed: frozenset({S.signed, S.in_force}),
    S.in_force: frozenset({S.in_force, S.signed}),
    S.under_negotiation: frozenset({S.under_negotiation, S.proposed}),
    S.proposed: frozenset({S.proposed, S.under_negotiation, S.agreed_in_principle}),
    S.agreed_in_principle: frozenset({S.agreed_in_principle, S.under_negotiation, S.proposed}),
}
"""Statuses a cue allows: a signed agreement may be in force, a proposal may be negotiated."""


def evidence_sentence(
    words: SourceWords, folded: FoldedText, agreement: Agreement
) -> tuple[int, int] | None:
    """The source sentence that the status is read from."""
    if agreement.evidence:
        spans = locate_evidence(folded, agreement.evidence)
        if spans:
            start, end = spans[0]
            for s, e in words.sentences:
                if s <= start < e:
                    return s, max(e, end)
            return start, end
    number, share = words.best_sentence(agreement.title)
    if number < 0 or share == 0:
        return None
    if _AGREEMENT_NOUN.search(agreement.title) and not _speaks_of_agreeing(words, number):
        number = _sentence_naming_an_agreement(words, agreement.title, number)
    return words.sentences[number]


def _speaks_of_agreeing(
    words: SourceWords, number: int, pattern: re.Pattern[str] = _SPEAKS_OF_AGREEING
) -> bool:
    """Whether source sentence `number` has a word of `pattern`."""
    start, end = words.sentences[number]
    return pattern.search(words.text[start:end]) is not None


def _sentence_naming_an_agreement(words: SourceWords, title: str, fallback: int) -> int:
    """The sentence holding most of the title's words among those that name an agreement
    and hold one title word besides it; `fallback` if none. A title that names an
    agreement is read where the source speaks of one: 'he hoped the next Andean summit
    would take up aid to Bolivia' shares more words with 'Andean aid accord for Bolivia'
    than 'under a five-year accord reached in 2001, Bolivia was to receive ...' does, but
    says nothing of the accord."""
    stems = {stem(t.folded) for t in content_words(title) if not _AGREEMENT_NOUN.fullmatch(t.raw)}
    best, best_hits = fallback, 0
    for number, own in enumerate(words.stems_by_sentence):
        hits = len(stems & own)
        if hits > best_hits and _speaks_of_agreeing(words, number, _AGREEMENT_NOUN):
            best, best_hits = number, hits
    return best


def _anchor(sentence: str, title: str) -> tuple[int, int]:
    """Where the title stands in the sentence: the longest run of its words in order."""
    wanted = [stem(t.folded) for t in tokens_of(title)]
    have = tokens_of(sentence)
    best = (0, 0, 0)
    for i in range(len(have)):
        for j in range(len(wanted)):
            k = 0
            while (
                i + k < len(have)
                and j + k < len(wanted)
                and stem(have[i + k].folded) == wanted[j + k]
            ):
                k += 1
            if k > best[0]:
                best = (k, have[i].start, have[i + k - 1].end)
    if best[0] == 0:
        stems = {stem(t.folded) for t in content_words(title)}
        hits = [t for t in have if stem(t.folded) in stems]
        if hits:
            return hits[0].start, hits[-1].end
        return 0, 0
    return best[1], best[2]


def _of_another_agreement(
    sentence: str, match: re.Match[str], a_start: int, a_end: int, title: str
) -> bool:
    """Whether another agreement, not the title's, stands right before the cue as its
    subject (`_OTHER_DEAL`): not where the title's words stand, nor marked by a title word."""
    offset = max(0, match.start() - 80)
    other = _OTHER_DEAL.search(sentence[offset : match.start()])
    if other is None or (offset + other.start() < a_end and a_start < offset + other.end()):
        return False
    return other.group("mark").casefold() not in {t.folded for t in tokens_of(title)}


def _of_the_agreement(
    sentence: str, match: re.Match[str], a_start: int, a_end: int, title: str
) -> bool:
    """Whether a cue speaks of the agreement's status: not negotiations that are over, a
    part of the agreement, what the agreement will do, a plan or refusal to sign, a failure
    to agree, or another agreement's status (module docstring)."""
    word = match.group().casefold()
    before = sentence[max(0, match.start() - 30) : match.start()]
    if _BARE_SIGN.fullmatch(word) and (
        _NOT_DONE_BEFORE.search(before) or _NO_OBJECT_AFTER.match(sentence[match.end() :])
    ):
        return False
    if word.startswith("agree") and _NOT_AGREED_BEFORE.search(before):
        return False
    if _of_another_agreement(sentence, match, a_start, a_end, title):
        return False
    if _NEGOTIATION.match(word) and (
        _ENDED_BEFORE.search(sentence[max(0, match.start() - 60) : match.start()])
        or _ENDED_AFTER.match(sentence[match.end() : match.end() + 60])
    ):
        return False
    if 0 <= a_start - match.end() <= 60 and _PART_OF.search(sentence[match.end() : a_start]):
        return False
    return not (
        word == "will"
        and match.start() >= a_end > a_start
        and not _STATUS_AFTER_WILL.match(sentence[match.end() :])
    )


_EXPECTED = re.compile(r"will|would|could|might|set to|expected to|plans? to|planned to", re.I)
"""Proposed cues that only say the agreement is to come."""
_UNDER_WAY = re.compile(r"\bnegotiat\w*|\btalks\b", re.I)
_SIGNING_DUE = re.compile(
    r"\b(?:(?:expected|set|due|scheduled|slated) to|will|(?:is|are) to)"
    r" (?:sign|ink|seal|be signed|be inked|be sealed)\b",
    re.I,
)
"""A signing the sentence says is due ("are expected to sign an agreement in Moscow next
week", "the pact will be signed in Lima"): the text is settled between the sides, only its
signature is to come. "Could" or "would" sign is no more than a proposal."""


@lru_cache(maxsize=1024)
def status_cue(sentence: str, title: str) -> tuple[AgreementStatus, str] | None:
    """The status the words nearest the title give, and the cue words; None if no cue.

    An agreement that is only to come ("will lead to an agreement", "set to sign") while
    the same sentence tells of negotiations ("I hope our negotiations in the next three
    months will lead to an agreement", "... as fresh negotiations open") is under
    negotiation: the talks are what the sentence reports. So is one whose signing is due
    ("are expected to sign an agreement next week", `_SIGNING_DUE`).
    """
    cue = _nearest_cue(sentence, title)
    if cue is not None and cue[0] is S.proposed and _EXPECTED.fullmatch(cue[1]):
        a_start, a_end = _anchor(sentence, title)
        for talks in _UNDER_WAY.finditer(sentence):
            if not a_start <= talks.start() < a_end:
                return S.under_negotiation, talks.group()
        for due in _SIGNING_DUE.finditer(sentence) if a_end > a_start else ():
            if 0 <= a_start - due.end() <= 40 or 0 <= due.start() - a_end <= 40:
                return S.under_negotiation, due.group()
    return cue


def _nearest_cue(sentence: str, title: str) -> tuple[AgreementStatus, str] | None:
    a_start, a_end = _anchor(sentence, title)
    best: tuple[int, AgreementStatus, str] | None = None
    for pattern, status in CUES:
        for match in pattern.finditer(sentence):
            if a_start <= match.start() and match.end() <= a_end and a_end > a_start:
                continue
            if not _of_the_agreement(sentence, match, a_start, a_end, title):
                continue
            gap = a_start - match.end() if match.end() <= a_start else 2 * (match.start() - a_end)
            if best is None or gap < best[0]:
                best = (gap, status, match.group())
    return (best[1], best[2]) if best else None


def check_agreement_status(
    words: SourceWords,
    folded: FoldedText,
    index: int,
    agreement: Agreement,
    unverified: list[Unverified],
) -> list[Discrepancy]:
    field = f"agreements[{index}].status"
    status = AgreementStatus(agreement.status)  # a copied record may carry the plain string
    bounds = evidence_sentence(words, folded, agreement)
    if bounds is None:
        unverified.append(
            Unverified(field=field, claim=status.value, reason="no evidence sentence")
        )
        return []
    sentence = words.text[bounds[0] : bounds[1]]
    cue = status_cue(sentence, agreement.title)
    if cue is None:
        unverified.append(
            Unverified(
                field=field,
                claim=status.value,
                reason="its evidence sentence has no status words",
            )
        )
        return []
    said, word = cue
    if status in (REACHED_ALLOWS if REACHED.fullmatch(word) else COMPATIBLE[said]):
        return []
    return [
        Discrepancy(
            code=ReasonCode.status_contradicted,
            field=field,
            claim=status.value,
            source=sentence,
            spans=[SourceSpan(start=bounds[0], end=bounds[1], text=sentence)],
            message=(
                f"{field}: the source says '{word}', which means {said.value.replace('_', ' ')}, "
                f"not {status.value.replace('_', ' ')}."
            ),
        )
    ]
