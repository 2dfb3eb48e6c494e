"""Words of a record field against the words of its source: folding and the fuzzy rules.

Tokens are folded for case, diacritics (Hà Nội -> ha noi, đ -> d), possessive 's and
inner dots (U.S. -> us). Two tokens agree when equal after that, when one is the other's
demonym (Vietnamese/Vietnam, Chinese/China), or, for descriptive phrases, when they share
a stem (first 6 letters: ministry/ministries, cooperation/cooperative). An abbreviation
agrees with the initials of consecutive words (MoU = memorandum of understanding; MoIT =
Ministry of Industry and Trade; function words may be skipped). Rules in
docs/crosscheck.md ("Grounding text fields").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from summarizer.countries import DEMONYMS as DEMONYMS  # re-exported for meaning_mutations
from summarizer.frames import sentence_spans


def word_list(text: str) -> list[str]:
    """The words of a space-separated vocabulary string (keeps word tables compact)."""
    return text.split()


_TOKEN = re.compile(r"\w+(?:[.'’]\w+)*\.?", re.U)

FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "for",
        "on",
        "in",
        "at",
        "to",
        "with",
        "by",
        "from",
        "between",
        "among",
        "into",
        "about",
        "as",
        "its",
        "his",
        "her",
        "their",
        "our",
        "this",
        "that",
        "these",
        "those",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "new",
    ]
)
"""Words that carry no content: never required, and skippable inside an abbreviation."""

ALIASES: dict[str, tuple[str, ...]] = {
    "unitedstates": ("us", "america", "washington"),
    "unitedstatesofamerica": ("us", "america", "unitedstates"),
    "us": ("unitedstates", "america"),
    "europeanunion": ("eu", "europe", "brussels"),
    "eu": ("europeanunion", "europe"),
    "unitedkingdom": ("britain", "uk"),
    "britain": ("unitedkingdom", "uk", "greatbritain"),
    "southkorea": ("korea", "seoul"),
    "korea": ("southkorea",),
    "vietnam": ("vietnam",),
    "china": ("prc", "beijing", "peoplesrepublicofchina"),
    "hongkong": ("hk",),
    "uae": ("unitedarabemirates",),
    "png": ("papuanewguinea",),
    "papuanewguinea": ("png",),
}
"""Names that one country or union goes by; a name is found when any of them is."""


@lru_cache(maxsize=65536)
def fold_word(word: str) -> str:
    """Case, diacritic, dot and possessive folding of one token (cached: words repeat)."""
    decomposed = unicodedata.normalize("NFKD", word.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    bare = bare.replace("’", "'")
    bare = re.sub(r"'s$|'$", "", bare)
    return bare.replace(".", "").replace("'", "")


_NAME_WORD = re.compile(r"[\w'’.-]+")


def run_together(words: str) -> str:
    """A name's words folded and joined as `summarizer.countries` writes a country
    ("South Korea" -> "southkorea", "U. S." -> "us", "China’s" -> "china")."""
    return "".join(fold_word(w) for w in _NAME_WORD.findall(words))


def canonical(word: str) -> str:
    """A folded token with demonyms mapped to their country ("vietnamese" -> "vietnam";
    the table is `summarizer.countries.DEMONYMS`)."""
    return DEMONYMS.get(word, word)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem for descriptive phrases: canonical form, plural dropped, 6 letters."""
    word = canonical(word)
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and len(word) > 3 and not word.endswith("ss"):
        word = word[:-1]
    return word[:6]


@dataclass(frozen=True, slots=True)
class Token:
    folded: str
    raw: str
    start: int
    end: int
    sentence: int


def tokens_of(text: str) -> list[Token]:
    """Folded tokens of a piece of text (record side: offsets and sentences unused)."""
    return list(_tokens_cached(text))


@lru_cache(maxsize=4096)
def _tokens_cached(text: str) -> tuple[Token, ...]:
    """Tokenised once per text: the checker asks for the same sentences many times."""
    out = []
    for match in _TOKEN.finditer(text):
        folded = fold_word(match.group())
        if folded:
            out.append(Token(folded, match.group().rstrip("."), match.start(), match.end(), 0))
    return tuple(out)


_NUMBER_WORDS = frozenset(
    word_list(
        "thousand million billion trillion bn mln tn k percent pct per cent usd vnd cny eur jpy "
        "krw gbp yuan yen dollars dollar dong"
    )
)


def content_words(text: str) -> list[Token]:
    """Words that carry a phrase's meaning: not function words, and not numbers or their
    scale and currency words, which the number checks own."""
    return [
        t
        for t in tokens_of(text)
        if t.folded not in FUNCTION_WORDS
        and t.folded not in _NUMBER_WORDS
        and not re.fullmatch(r"[\d.,/-]+", t.folded)
    ]


@lru_cache(maxsize=65536)
def is_abbreviation(raw: str) -> bool:
    """'MoU', 'MoIT', 'CPC', 'FTAs', 'ASEAN': two or more capitals in a short token."""
    return sum(c.isupper() for c in raw) >= 2 and len(raw) <= 10 and raw[:1].isupper()


@dataclass(slots=True)
class SourceWords:
    """The folded tokens of a source, indexed by form, stem and sentence."""

    text: str
    tokens: list[Token] = field(init=False)
    by_form: dict[str, list[int]] = field(init=False)
    stems: set[str] = field(init=False)
    stems_by_sentence: list[set[str]] = field(init=False)
    sentences: list[tuple[int, int]] = field(init=False)
    joined: str = field(init=False)
    joined_starts: list[int] = field(init=False)
    abbreviations: set[str] = field(init=False)
    sentence_tokens: list[list[Token]] = field(init=False)
    _best: dict[tuple[str, bool], tuple[int, float]] = field(init=False)
    _names: dict[str, tuple[int, int] | None] = field(init=False)
    _found: dict[str, tuple[tuple[Token, ...], tuple[Token, ...]]] = field(init=False)

    def __post_init__(self) -> None:
        self.sentences = sentence_spans(self.text)
        self.tokens = []
        for number, (start, end) in enumerate(self.sentences):
            for token in tokens_of(self.text[start:end]):
                self.tokens.append(
                    Token(token.folded, token.raw, token.start + start, token.end + start, number)
                )
        self.by_form = {}
        self.stems = set()
        self.stems_by_sentence = [set() for _ in self.sentences]
        for index, token in enumerate(self.tokens):
            self.by_form.setdefault(canonical(token.folded), []).append(index)
            self.stems.add(stem(token.folded))
            self.stems_by_sentence[token.sentence].add(stem(token.folded))
        self.joined = "".join(canonical(t.folded) for t in self.tokens)
        self.joined_starts = []
        cursor = 0
        for t in self.tokens:
            self.joined_starts.append(cursor)
            cursor += len(canonical(t.folded))
        self.abbreviations = {
            t.folded.rstrip("s") if t.raw.endswith("s") else t.folded
            for t in self.tokens
            if is_abbreviation(t.raw)
        }
        self.sentence_tokens = [[] for _ in self.sentences]
        for token in self.tokens:
            self.sentence_tokens[token.sentence].append(token)
        self._best = {}
        self._names = {}
        self._found = {}

    # ------------------------------------------------------------------ names

    def find_name(self, name: str) -> tuple[int, int] | None:
        """Span where all of a name's tokens stand together (any spacing, any order);
        remembered per name, as records of one source repeat their names."""
        if name not in self._names:
            if len(self._names) >= 4096:
                self._names.clear()
            self._names[name] = self._find_name(name)
        return self._names[name]

    def _find_name(self, name: str) -> tuple[int, int] | None:
        words = [canonical(t.folded) for t in tokens_of(name)]
        if not words:
            return None
        wanted = "".join(words)
        plain = "".join(t.folded for t in tokens_of(name))
        for alias in (wanted, *ALIASES.get(wanted, ()), *ALIASES.get(plain, ())):
            found = self._joined_run(alias)
            if found is not None:
                return found
        return self._window(words)

    def _joined_run(self, wanted: str) -> tuple[int, int] | None:
        """Consecutive tokens whose folded forms, joined, are `wanted` (Hà Nội = Hanoi)."""
        at = self.joined.find(wanted)
        while at != -1:
            first = _index_at(self.joined_starts, at)
            if first is not None:
                last = first
                length = 0
                while last < len(self.tokens) and length < len(wanted):
                    length += len(canonical(self.tokens[last].folded))
                    last += 1
                if length == len(wanted):
                    return self.tokens[first].start, self.tokens[last - 1].end
            at = self.joined.find(wanted, at + 1)
        return None

    def _window(self, words: list[str]) -> tuple[int, int] | None:
        """All words within len+2 consecutive tokens of one sentence (reordered names)."""
        first_positions = self.by_form.get(words[0], [])
        span = len(words) + 2
        for position in first_positions:
            lo, hi = max(0, position - span), min(len(self.tokens), position + span + 1)
            nearby = {canonical(t.folded) for t in self.tokens[lo:hi]}
            same = {t.sentence for t in self.tokens[lo:hi]}
            if set(words) <= nearby and len(same) <= 2:
                found = [i for i in range(lo, hi) if canonical(self.tokens[i].folded) in words]
                return self.tokens[min(found)].start, self.tokens[max(found)].end
        return None

    # ------------------------------------------------------------------ phrases

    def found_words(self, phrase: str) -> tuple[list[Token], list[Token]]:
        """(found, missing) content words of a descriptive phrase, anywhere in the source
        (remembered per phrase)."""
        if phrase not in self._found:
            if len(self._found) >= 4096:
                self._found.clear()
            hits, misses = self._found_words(phrase)
            self._found[phrase] = (tuple(hits), tuple(misses))
        found, missing = self._found[phrase]
        return list(found), list(missing)

    def _found_words(self, phrase: str) -> tuple[list[Token], list[Token]]:
        words = content_words(phrase)
        covered = self._abbreviated(words)
        found: list[Token] = []
        missing: list[Token] = []
        for i, word in enumerate(words):
            ok = i in covered or self.word_in_source(word)
            (found if ok else missing).append(word)
        return found, missing

    def word_in_source(self, word: Token) -> bool:
        if canonical(word.folded) in self.by_form or stem(word.folded) in self.stems:
            return True
        if word.folded.isdigit() or re.fullmatch(r"[\d]+(?:[-–]\d+)?", word.folded):
            return word.folded in self.text
        if is_abbreviation(word.raw):
            return self.abbreviation_in_source(word.raw)
        return False

    def best_sentence(self, phrase: str, pair: bool = False) -> tuple[int, float]:
        """The source sentence (with `pair`, two adjacent sentences) holding the largest
        share of the phrase's content words. Remembered per phrase: records of one
        source repeat their titles and names."""
        key = (phrase, pair)
        if key not in self._best:
            if len(self._best) >= 4096:
                self._best.clear()
            self._best[key] = self._best_sentence(phrase, pair)
        return self._best[key]

    def _best_sentence(self, phrase: str, pair: bool) -> tuple[int, float]:
        words = content_words(phrase)
        covered = self._abbreviated(words)
        if not words:
            return -1, 1.0
        wanted = [
            (i in covered, stem(w.folded), is_abbreviation(w.raw), w.raw)
            for i, w in enumerate(words)
        ]
        best = (-1, 0.0)
        for number, own in enumerate(self.stems_by_sentence):
            stems = own | (
                self.stems_by_sentence[number + 1]
                if pair and number + 1 < len(self.stems_by_sentence)
                else set()
            )
            hits = 0
            for done, word_stem, abbreviation, raw in wanted:
                if (
                    done
                    or word_stem in stems
                    or (abbreviation and _initials_in(raw, self.sentence_tokens[number]))
                ):
                    hits += 1
            share = hits / len(words)
            if share > best[1]:
                best = (number, share)
        return best

    def abbreviation_in_source(self, raw: str) -> bool:
        """An abbreviation the source writes, or whose words it writes in full."""
        key = fold_word(raw)
        if key in self.abbreviations or key.rstrip("s") in self.abbreviations:
            return True
        return _initials_in(raw, self.tokens)

    def _abbreviated(self, words: list[Token]) -> set[int]:
        """Indices of record words that spell out an abbreviation the source writes."""
        covered: set[int] = set()
        if not self.abbreviations:
            return covered
        for i in range(len(words)):
            for j in range(i + 2, min(len(words), i + 6) + 1):
                if "".join(w.folded[0] for w in words[i:j]) in self.abbreviations:
                    covered.update(range(i, j))
        # Function words were dropped from `words`; try the phrase's initials with them too.
        return covered


def _index_at(starts: list[int], offset: int) -> int | None:
    """The token index whose joined form starts at `offset`, if any."""
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] < offset:
            lo = mid + 1
        else:
            hi = mid
    return lo if lo < len(starts) and starts[lo] == offset else None


@lru_cache(maxsize=1024)
def _letters(raw: str) -> str:
    return fold_word(raw[:-1] if raw.endswith("s") and raw[-2:-1].isupper() else raw)


def _initials_in(raw: str, tokens: list[Token]) -> bool:
    """The abbreviation's letters are the initials of consecutive tokens (function words
    may be skipped, or give a lower-case letter: M-o-U, M-o-I-T)."""
    letters = _letters(raw)
    if len(letters) < 2:
        return False
    for start in range(len(tokens)):
        if tokens[start].folded[:1] != letters[0]:
            continue
        if _spell(letters, tokens, start):
            return True
    return False


def _spell(letters: str, tokens: list[Token], start: int) -> bool:
    i, j = 0, start
    while i < len(letters) and j < len(tokens):
        word = tokens[j].folded
        if word[:1] == letters[i]:
            i += 1
            j += 1
        elif word in FUNCTION_WORDS and i > 0:
            j += 1
        else:
            return False
    return i == len(letters)
