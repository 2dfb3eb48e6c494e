"""An agreement's status must agree with the words of its evidence sentence.

The sentence is the record's `evidence` when it is in the source, else the source
sentence sharing most content words with the title. Its status cues are read around the
title: the cue nearest to where the title's words stand (cues inside the title itself,
"to implement the Action Plan" within a title, are ignored). A status outside the cue's
compatible set is `status_contradicted`; with no cue in the sentence the status is
listed in `Verdict.unverified` and does not flag. Cue list: docs/crosscheck.md.
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
CUES: tuple[tuple[re.Pattern[str], AgreementStatus], ...] = tuple(
    (re.compile(pattern, re.I), status)
    for pattern, status in (
        (
            r"(?<!concluded )(?<!completed )(?<!finalised )(?<!finalized )\bnegotiat\w*"
            r"|\bupgrad\w*|\bdiscuss\w*|\bworking (?:towards?|on)\b|\btalks on\b"
            r"|\bconsider\w*|\bstud(?:y|ying|ied) (?:the )?(?:possibility|signing)",
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
            r"\bagreed (?:to|on|upon)\b|\bagreed in principle\b"
            r"|\breached (?:an? )?(?:agreement|consensus)",
            S.agreed_in_principle,
        ),
        (
            r"\bsign(?:ed|ing)\b|\binked\b|\bexchanged\b|\bconclud(?:ed)\b|\binitial(?:l)?ed\b"
            r"|\bsealed\b|\bclinched\b|\bstruck\b"
            r"|\b(?:completed|finali[sz]ed) (?:negotiations|talks)\b",
            S.signed,
        ),
        (
            r"\bin force\b|\bin effect\b|\bbeing implemented\b|\bimplement(?:ing|ation of)?\b"
            r"|\b(?:extended|renewed|prolonged)\b|\btook effect\b|\bcame into force\b"
            r"|\bestablished\b|\beffective\b|\bunder (?:the|its)\b|\bin place\b",
            S.in_force,
        ),
    )
)

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
    return words.sentences[number]


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


@lru_cache(maxsize=1024)
def status_cue(sentence: str, title: str) -> tuple[AgreementStatus, str] | None:
    """The status the words nearest the title give, and the cue words; None if no cue."""
    a_start, a_end = _anchor(sentence, title)
    best: tuple[int, AgreementStatus, str] | None = None
    for pattern, status in CUES:
        for match in pattern.finditer(sentence):
            if a_start <= match.start() and match.end() <= a_end and a_end > a_start:
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
    if status in COMPATIBLE[said]:
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
