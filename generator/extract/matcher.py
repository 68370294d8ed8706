"""Finding knowledge-base names in text: one Aho–Corasick pass over a folded copy of the text.

Folding maps each character to exactly one character (case, quote and dash variants, Arabic
alef forms), so offsets in the folded text are offsets in the original. On top of the raw
matches: word boundaries, Hebrew and Arabic prefixes attached to a name (מלבנון, ولبنان),
case that fits a proper name, and longest match wins ("Israel Katz" over "Israel").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, NamedTuple

import ahocorasick

from ..model import Entity

How = Literal["name", "alias", "context", "demonym"]

_FOLD_PAIRS = {
    "’": "'", "‘": "'", "ʼ": "'", "`": "'", "׳": "'", "“": '"', "”": '"', "״": '"',
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "\u00a0": " ", "\u2009": " ",
    "\u202f": " ", "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
}

# Letters Hebrew attaches to the next word (and, the, in, as, to, from, that), up to three.
HEBREW_PREFIX = re.compile(r"[והבכלמש]{1,3}")
# Arabic: optional conjunction, then a preposition and/or the article (وال, بال, لل, فب ...).
ARABIC_PREFIX = re.compile(r"[وف]?(?:[بكل]?ال|لل|[بكل])|[وف]")
PREFIXES = {"he": HEBREW_PREFIX, "ar": ARABIC_PREFIX}
# A preposition swallows the article of the name after it: ב + הרשות is written "ברשות",
# ل + السلطة "للسلطة". A name listed with its article is also found without it, after these.
ARTICLES = {"he": "ה", "ar": "ال"}
ABSORBING = {"he": re.compile(r"[וש]?[בכל]"), "ar": re.compile(r"[وف]?لل")}
PARTICLES = frozenset({"the", "al", "el", "ad", "ud", "of", "in", "for", "and", "bin", "ibn",
                       "bint", "abu", "de", "la", "le", "on"})


def fold_char(char: str) -> str:
    if char in _FOLD_PAIRS:
        return _FOLD_PAIRS[char]
    lower = char.lower()
    return lower if len(lower) == 1 else char


_FOLD_TABLE = str.maketrans(_FOLD_PAIRS)


def fold(text: str) -> str:
    """Same length as `text`: offsets carry over. (str.lower is used when it keeps the
    length, which it does for all but a few letters such as "İ".)"""
    folded = text.translate(_FOLD_TABLE).lower()
    if len(folded) == len(text):
        return folded
    return "".join(fold_char(char) for char in text)


# Arabic short vowels, shadda, sukun and the tatweel: some texts write them on a name
# ("عمّان", "نصّار") and most do not, so names are found as if they were not there.
ARABIC_MARKS = re.compile(r"[\u0640\u064b-\u065f\u0670]")


def without_marks(text: str) -> tuple[str, list[int]] | None:
    """The text without Arabic marks and, for each of its characters, its offset in `text`
    (one more at the end, for end offsets); None when the text has none."""
    if ARABIC_MARKS.search(text) is None:
        return None
    kept = [i for i, char in enumerate(text) if not ARABIC_MARKS.match(char)]
    return "".join(text[i] for i in kept), kept + [len(text)]


def marked_span(positions: list[int], start: int, end: int) -> tuple[int, int]:
    """Offsets in the marked text of [start, end) in the unmarked one (marks inside kept)."""
    return positions[start], positions[end - 1] + 1 if end > start else positions[start]


def script_of(name: str) -> str:
    for char in name:
        if "\u0590" <= char <= "\u05ff":
            return "he"
        if "\u0600" <= char <= "\u06ff":
            return "ar"
    return "latin"


@dataclass(frozen=True)
class Pattern:
    entity: str  # the entity (or topic) id the name stands for
    name: str
    how: How
    script: str
    exact_case: bool = True  # proper names keep their case; topic cue words need not
    absorbed: bool = False  # the name without its article, found only after ABSORBING


class NameMatch(NamedTuple):
    start: int
    end: int
    surface: str
    pattern: Pattern

    @property
    def length(self) -> int:
        return self.end - self.start


class NameMatcher:
    def __init__(self, patterns: Iterable[Pattern]) -> None:
        # Acronyms match only as written ("CIA", never "cia"), so they are searched in the
        # text itself: searching the folded text would stop at every "special" and "thus".
        folded: dict[str, list[Pattern]] = {}
        exact: dict[str, list[Pattern]] = {}
        for pattern in patterns:
            if pattern.exact_case and pattern.name.isupper():
                exact.setdefault(pattern.name, []).append(pattern)
            else:
                folded.setdefault(fold(pattern.name), []).append(pattern)
        self.searches = [(automaton(table), in_folded)
                         for table, in_folded in ((folded, True), (exact, False)) if table]

    @classmethod
    def for_entities(cls, entities: Iterable[Entity]) -> NameMatcher:
        patterns = []
        for entity in entities:
            for name, how in names_of(entity):
                script = script_of(name)
                patterns.append(Pattern(entity.id, name, how, script))
                article = ARTICLES.get(script, "")
                if article and name.startswith(article) and len(name) > len(article) + 2:
                    patterns.append(Pattern(entity.id, name[len(article):], how, script,
                                            absorbed=True))
        return cls(patterns)

    @classmethod
    def for_terms(cls, terms: dict[str, Iterable[str]]) -> NameMatcher:
        """Case-insensitive phrases (topic cues), keyed by what they stand for."""
        return cls(Pattern(key, term, "name", script_of(term), exact_case=False)
                   for key, values in terms.items() for term in values)

    def find(self, text: str, overlapping: bool = False,
             folded: str | None = None) -> list[NameMatch]:
        """Matches in text order; unless `overlapping`, the longest of overlapping ones.
        `folded` is fold(text), when the caller has it already."""
        if (unmarked := without_marks(text)) is not None:
            plain, positions = unmarked
            return [match._replace(start=start, end=end, surface=text[start:end])
                    for match in self.find(plain, overlapping)
                    for start, end in [marked_span(positions, match.start, match.end)]]
        if folded is None:
            folded = fold(text)
        size = len(folded)
        candidates = []
        for names, in_folded in self.searches:
            for end_index, patterns in names.iter(folded if in_folded else text):
                end = end_index + 1
                if end < size and folded[end].isalnum():
                    continue  # the name ends inside a longer word
                for pattern in patterns:
                    match = self.accept(text, folded, end - len(pattern.name), end, pattern)
                    if match is not None:
                        candidates.append(match)
        if overlapping:
            return sorted(candidates, key=lambda m: (m.start, m.end, m.pattern.entity))
        return longest_first(candidates)

    @staticmethod
    def accept(text: str, folded: str, start: int, end: int,
               pattern: Pattern) -> NameMatch | None:
        """The match if it starts at a word boundary (or after a Hebrew or Arabic prefix) and
        its case fits a proper name; the end boundary is checked by the caller."""
        word_start = start
        if start > 0 and folded[start - 1].isalnum():
            while word_start > 0 and folded[word_start - 1].isalnum():
                word_start -= 1
            allowed = ABSORBING if pattern.absorbed else PREFIXES
            prefix = allowed.get(pattern.script)
            if prefix is None or not prefix.fullmatch(folded, word_start, start):
                return None
        elif pattern.absorbed:
            return None  # "רשות הפלסטינית" alone is no spelling of "הרשות הפלסטינית"
        if pattern.exact_case and pattern.script == "latin":
            surface = text[start:end]
            if surface != pattern.name and not case_fits(surface, pattern.name):
                return None
        return NameMatch(word_start, end, text[word_start:end], pattern)


def automaton(table: dict[str, list[Pattern]]) -> ahocorasick.Automaton:
    names = ahocorasick.Automaton()
    for key, patterns in table.items():
        names.add_word(key, patterns)
    names.make_automaton()
    return names


def names_of(entity: Entity) -> list[tuple[str, How]]:
    names: list[tuple[str, How]] = [(entity.name, "name")]
    names += [(alias, "alias") for alias in entity.all_names if alias != entity.name]
    names += [(alias, "context") for alias in entity.context_aliases]
    names += [(demonym, "demonym") for demonym in entity.demonyms]
    return names


def case_fits(surface: str, name: str) -> bool:
    """"Hamas" or "HAMAS" for Hamas, but not "hamas"; "the Brigades" for "The Brigades"."""
    if surface == name or (surface.isupper() and len(surface) > 3):
        return True
    if name.isupper():
        return False  # acronyms only as written: "PA", not "Pa"
    surface_words, name_words = surface.split(), name.split()
    if len(surface_words) != len(name_words):
        return surface.lower() == name.lower() and surface[:1] == name[:1]
    for said, listed in zip(surface_words, name_words, strict=True):
        if listed.lower() in PARTICLES or listed.lower().split("-")[0] in PARTICLES:
            continue
        if said[:1] != listed[:1] or said[1:].lower() != listed[1:].lower():
            return False
        if said[1:] != listed[1:] and not said[1:].islower() and not said.isupper():
            return False
    return True


def longest_first(candidates: list[NameMatch]) -> list[NameMatch]:
    """Keep the longest of overlapping matches (ties: the earlier one, then a proper name
    over an alias over a context alias over a demonym)."""
    in_order = sorted(candidates, key=lambda m: (m.start, m.end))
    if all(a.end <= b.start for a, b in zip(in_order, in_order[1:], strict=False)):
        return in_order  # the usual case: nothing overlaps
    chosen: list[NameMatch] = []
    taken: list[tuple[int, int]] = []
    for match in sorted(candidates, key=lambda m: (-m.length, m.start, RANK[m.pattern.how],
                                                    m.pattern.entity)):
        if all(match.end <= start or match.start >= end for start, end in taken):
            chosen.append(match)
            taken.append((match.start, match.end))
    return sorted(chosen, key=lambda m: m.start)


RANK = {"name": 0, "alias": 1, "context": 2, "demonym": 3}
