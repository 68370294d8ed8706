"""Who said what: direct quotations and reported speech, attributed to the speaking entity.

Requires: an Article and the mentions its own entity resolution found (`ArticleNames`), so it
runs in the per-article extraction map. Assigns: Quotes (article, paragraph, speaker entity id
or None, text, kind "direct" or "reported"). Deterministic: rules over the text, no model.
The words are in data/quote_cues.yml.

- A direct quotation is the text between quotation marks (“…”, „…“, «…», "…"), of at least
  `min_words` words, or shorter when a cue stands right beside it ("“Never,” he said."). One
  left open at the end of a paragraph continues when the next paragraph opens a quote.
- Its speaker is the subject of the speech verb next to it: after it (", Sharon said",
  ", said Jane Roe, a party leader", "، قال X", "", אמר X"), else before it in the
  same sentence ("X said: “…”", "according to X, “…”", "وقال X: «…»"). The subject's head
  must be the entity's mention: "Hamas said" is Hamas, "a Hamas official said" nobody (the
  head is "official"), "the leader of Hamas" nobody, "Netanyahu and Gallant said" nobody.
- A quote with no cue of its own continues the one before it when nothing but that quote's
  attribution stands between them (“A,” he added, “B.”; “A,” X said. “B.”; X said “A” and
  that “B”), or the one right after it; a paragraph that is only a quote continues the
  previous paragraph's quote when that paragraph ends with the quote and its attribution.
- A pronoun ("he said", "وأضاف", "הוסיף") names the speaker only when its antecedent is
  certain: exactly one person entity of a gender that does not contradict the pronoun, and
  no unlinked name that starts with a given name, in the paragraph before it (or, when there
  is none there, in the previous paragraph, whose quotes' speakers count). Else None.
- Reported speech is a sentence "X said (that) …", "…, X said.", "according to X, …" (and
  "قال X إن …", "X אמר כי …", "לדברי X, …") without a quotation in it; it is kept only when
  its speaker is known, since a reported clause by nobody is just a sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import ahocorasick
import yaml

from ..model import Article, Entity, Mention, Paragraph, Quote
from ..sentences import sentences
from .cues import cues as entity_cues
from .entities import NER_TYPES, ArticleNames

DATA = Path(__file__).resolve().parent.parent / "data" / "quote_cues.yml"
# A word (letters, digits, inner marks: "al-Ansari", "U.S", "Israel’s", the Hebrew acronym
# mark in צה"ל) or one punctuation character.
TOKEN = re.compile(r"\w+(?:[\"'’״׳.\-]\w+)*|[^\w\s]")
MARK = re.compile(r"[“”„«»\"]")
QUOTE_CHARS = "\"“”«»„"
WINDOW = 320  # characters an attribution may stand from its quote
# Characters read before and after a cue for reported speech: its subject and the start of
# its clause (the clause itself runs to the sentence's end).
REPORTED_BEFORE, REPORTED_AFTER = 100, 45
NEAR = 120  # characters between a reporting verb and its speaker's mention, at most
PRONOUN_BEFORE = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
# Between a speaker's mention and the verb: a few words at most ("on Friday", "also",
# "a Hamas spokesman,"; after "’s" and the like).
FEW_WORDS = re.compile(r"[^\s,]{0,3}[\s,]*(?:[^\s,]+[\s,]+){0,5}$")
BACK = 800  # characters before a pronoun its antecedent is looked for in, at most
OPEN_CONTEXT = "([{—–-:,;/\u200f\u200e"
UNAMBIGUOUS_CLOSERS = "”»"
ARABIC_PREFIXES = "وفبل"
KIND = {"“": "curly", "„": "curly", "\"": "straight", "«": "guillemet"}
COMMAS = ",،"
NAME_RUN = re.compile(r"\b[A-Z][a-z][\w'’-]*(?: [A-Z][\w'’-]+)+")
DATELINE = re.compile(r"[A-Z][A-Z .,'’]+(?:,[^()\n]{0,30})?(?:\([^()\n]{1,40}\))?\s*[-–—]+\s*")


class Hit(NamedTuple):
    """A cue word where the quick look found it."""

    start: int
    end: int
    word: str  # as written


if TYPE_CHECKING:
    class Tok(NamedTuple):
        start: int  # offsets in the paragraph text
        end: int
        text: str
        low: str  # lowercased (Latin script), as written otherwise
else:
    class Tok(tuple):
        """A word or mark: (start, end, text, low). A tuple made in C (a NamedTuple's
        constructor is Python, and tens of thousands are made per thousand articles)."""

        __slots__ = ()
        start = property(itemgetter(0))
        end = property(itemgetter(1))
        text = property(itemgetter(2))
        low = property(itemgetter(3))


@dataclass(frozen=True)
class Language:
    """One language's cues (data/quote_cues.yml); Latin words lowercased."""

    code: str
    verbs: frozenset[str]
    reported_verbs: frozenset[str]
    reported_bare: frozenset[str]
    participles: frozenset[str]
    quoted_as: tuple[tuple[str, ...], ...]  # word sequences ending an attribution
    according: tuple[tuple[str, ...], ...]
    determiners: frozenset[str]
    pronouns: dict[str, str]  # subject pronoun -> gender
    pronoun_verbs: dict[str, str]  # a verb with no subject -> the gender it implies
    according_pronouns: dict[str, str]
    between: frozenset[str]
    unnamed_people: frozenset[str]
    head_stops: frozenset[str]
    appositive: frozenset[str]
    complementizers: frozenset[str]
    complementizer_prefix: str
    prefixes: tuple[str, ...]
    cue: re.Pattern[str]  # any verb or according phrase: a quick look at a paragraph
    automaton: Any  # the same words in one Aho–Corasick automaton (lowercase for English)
    unnamed: re.Pattern[str]  # any of `unnamed_people`, as a word

    @property
    def latin(self) -> bool:
        return self.code == "en"

    def cues_in(self, text: str) -> list[Hit]:
        """Every cue word of a text, whole words only, in order: one pass of the automaton
        (a regular expression of a hundred words tries them at every position)."""
        folded = text.lower() if self.latin else text
        if len(folded) != len(text):  # a letter whose lowercase is longer ("İ")
            return [Hit(m.start(), m.end(), m.group()) for m in self.cue.finditer(text)]
        hits: list[Hit] = []
        for last, length in self.automaton.iter(folded):
            start, end = last + 1 - length, last + 1
            if (start and text[start - 1].isalnum()) or (end < len(text) and
                                                          text[end].isalnum()):
                continue
            if hits and hits[-1].end > start:  # the longest of overlapping ones
                if hits[-1].start == start and end > hits[-1].end:
                    hits[-1] = Hit(start, end, text[start:end])
                continue
            hits.append(Hit(start, end, text[start:end]))
        return hits

    def verb(self, token: str) -> str | None:
        """The verb a token is (without its prefix letter), or None. English verbs are
        lowercase: "Said" is a name ("Said Jalili")."""
        if token in self.verbs:
            return token
        for prefix in self.prefixes:
            if token.startswith(prefix) and token[len(prefix):] in self.verbs:
                return token[len(prefix):]
        return None


@dataclass(frozen=True)
class QuoteCues:
    openers: dict[str, frozenset[str]]  # opening mark -> the marks that close it
    min_words: int
    max_subject_words: int
    languages: dict[str, Language]


def words_of(values: Any) -> list[str]:
    return [str(value).strip() for value in values or () if str(value).strip()]


def language(code: str, data: dict[str, Any]) -> Language:
    def norm(value: str) -> str:
        return value.lower() if code == "en" else value

    def group(key: str) -> frozenset[str]:
        return frozenset(norm(word) for word in words_of(data.get(key)))

    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        return tuple(sorted((tuple(norm(phrase).split()) for phrase in words_of(data.get(key))),
                            key=len, reverse=True))

    verbs, according, quoted_as = group("verbs"), phrases("according"), phrases("quoted_as")
    prefixes = tuple(words_of(data.get("prefixes")))
    alternatives = sorted({*verbs, *group("participles"), *(" ".join(p) for p in according),
                           *(" ".join(p) for p in quoted_as),
                           *(data.get("according_pronouns") or {})}, key=len, reverse=True)
    prefix = f"(?:{'|'.join(map(re.escape, prefixes))})?" if prefixes else ""
    cue = re.compile(rf"(?<!\w){prefix}{trie_pattern(alternatives)}(?!\w)",
                     re.IGNORECASE if code == "en" else 0)
    automaton = ahocorasick.Automaton()
    for word in alternatives:
        for variant in [word, *(prefix + word for prefix in prefixes)]:
            automaton.add_word(variant.lower() if code == "en" else variant, len(variant))
    automaton.make_automaton()
    return Language(
        code=code, verbs=verbs, reported_verbs=group("reported_verbs"),
        reported_bare=group("reported_bare") if "reported_bare" in data else
        group("reported_verbs"), participles=group("participles"), quoted_as=quoted_as,
        according=according, determiners=group("determiners"),
        pronouns={norm(k): v for k, v in (data.get("pronouns") or {}).items()},
        pronoun_verbs=dict(data.get("pronoun_verbs") or {}),
        according_pronouns=dict(data.get("according_pronouns") or {}),
        between=group("between"), unnamed_people=group("unnamed_people"),
        head_stops=group("head_stops"),
        appositive=group("appositive"), complementizers=group("complementizers"),
        complementizer_prefix=str(data.get("complementizer_prefix") or ""),
        prefixes=prefixes, cue=cue, automaton=automaton,
        unnamed=re.compile(rf"(?<!\w){prefix}{trie_pattern(group('unnamed_people'))}(?!\w)",
                           re.IGNORECASE if code == "en" else 0))


def trie_pattern(words: Iterable[str]) -> str:
    """One regular expression for many words, factored by their first letters ("said|says"
    -> "sa(?:id|ys)"): the engine then tries one branch at each position, not every word."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items())
                    if char]
        optional = "" in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if optional else body

    return f"(?:{pattern(tree)})"


@cache
def quote_cues() -> QuoteCues:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return QuoteCues(
        openers={mark: frozenset(closers) for mark, closers in data["marks"].items()},
        min_words=int(data["min_words"]), max_subject_words=int(data["max_subject_words"]),
        languages={code: language(code, data[key]) for code, key in
                   (("en", "english"), ("ar", "arabic"), ("he", "hebrew"))})


# --- quotation marks ----------------------------------------------------------------------------

class Span(NamedTuple):
    """A quoted stretch of a paragraph: marks at `open` and `close` (`close` is the end of the
    text, or the next opening mark, when the quote is left open)."""

    open: int
    close: int
    closed: bool

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close

    @property
    def after(self) -> int:
        return self.close + 1 if self.closed else self.close


def quote_spans(text: str, openers: dict[str, frozenset[str]]) -> list[Span]:
    """Every quoted stretch, in order. Marks of another kind inside a quote are part of it;
    a mark that opens a quote of the kind already open ends that one there (a quote the
    writer left open), and a quote still open at the end runs to the end."""
    spans: list[Span] = []
    opened: tuple[int, str] | None = None
    for match in MARK.finditer(text):
        at, mark = match.start(), match.group()
        before = text[at - 1] if at else " "
        after = text[at + 1] if at + 1 < len(text) else " "
        arabic = is_arabic(before) or is_arabic(after)
        if before.isalnum() and after.isalnum() and not arabic:
            continue  # צה"ל: a mark inside a word (Arabic writes no acronyms so)
        prefix = is_arabic(before) and before in ARABIC_PREFIXES and \
            (at < 2 or not text[at - 2].isalnum())  # و"كانت: "and" glued to the quote
        looks_open = not after.isspace() and (before.isspace() or before in OPEN_CONTEXT or
                                              prefix or (before in ".!?" and after.isalnum()))
        looks_close = not before.isspace() and (after.isspace() or not after.isalnum() or
                                                (arabic and not prefix))
        if opened is None:
            if mark in openers and (looks_open or mark in "„«"):
                opened = (at, mark)
            continue
        start, first = opened
        if mark in openers[first] and (looks_close or mark in UNAMBIGUOUS_CLOSERS or
                                       not looks_open or before in ".!?,;"):
            spans.append(Span(start, at, True))
            opened = None
        elif mark in openers and looks_open and KIND.get(mark) == KIND.get(first):
            spans.append(Span(start, at, False))
            opened = (at, mark)
    if opened is not None:
        spans.append(Span(opened[0], len(text), False))
    return spans


def find_spans(text: str) -> list[tuple[int, int]]:
    """The inner (start, end) of every quoted stretch of a text."""
    return [span.inner for span in quote_spans(text, quote_cues().openers)]


# --- the article ------------------------------------------------------------------------------

class Said(NamedTuple):
    """What an attribution says about a quote."""

    speaker: str | None  # entity id, None for nobody we know
    found: bool  # a cue was found (even when its subject is nobody we know)
    end: int = -1  # where an attribution after the quote ends, in the paragraph
    adjacent: bool = False  # the cue stands right beside the quote
    pronoun: bool = False  # its subject is a pronoun (or a verb without a subject)
    joins: bool = False  # "…, adding: “…”": it goes on with the quote before


NOBODY = Said(None, False)
JOINS = Said(None, False, joins=True)
SKIP_AFTER_QUOTE = " \t,.!?—–-:;،"


class ArticleQuotes:
    """The quotes of one article. `types` gives an entity id's type, `names` its name."""

    def __init__(self, article: Article, mentions: Iterable[Mention],
                 types: Callable[[str], str | None], names: Callable[[str], str]) -> None:
        self.article = article
        self.cues = quote_cues()
        self.types = types
        self.names = names
        self.mentions: dict[int, list[tuple[int, int, str, str]]] = {}
        for mention in mentions:
            offset = article.paragraphs[mention.paragraph].start
            self.mentions.setdefault(mention.paragraph, []).append(
                (mention.start - offset, mention.end - offset, mention.entity, mention.how))
        for found in self.mentions.values():
            found.sort()
        self.ends = {index: sorted(end for _, end, _, _ in found)
                     for index, found in self.mentions.items()}
        self.starts = {index: [start for start, _, _, _ in found]
                       for index, found in self.mentions.items()}
        self.spans: dict[int, list[Span]] = {}
        self.previous: dict[int, int] = {}  # paragraph -> the body paragraph before it
        self.speakers: dict[int, set[str]] = {}  # paragraph -> its quotes' speakers
        self.sentence_start = 0  # of the sentence reported speech is looked for in
        self.cut = False  # whether its words are read from later than its start
        self.hits: list[Hit] = []  # the cues of the paragraph being read
        self.hit_edges: set[int] = set()  # where they start and end
        self.hit_starts: list[int] = []

    def quotes(self) -> list[Quote]:
        found: list[Quote] = []
        carry = Carry()
        last = -1
        for paragraph in self.article.paragraphs:
            if paragraph.kind != "text":
                carry = Carry()  # a heading or caption ends a run of quote paragraphs
                continue
            self.previous[paragraph.index] = last
            last = paragraph.index
            lang = self.language_of(paragraph)
            text = paragraph.text
            has_marks = MARK.search(text) is not None
            hits = lang.cues_in(text) if lang is not None else []
            if lang is None or (not has_marks and not hits):
                carry = Carry()
                continue
            spans = quote_spans(text, self.cues.openers) if has_marks else []
            self.spans[paragraph.index] = spans
            self.hits = hits
            self.hit_edges = {edge for hit in hits for edge in (hit.start, hit.end)}
            self.hit_starts = [hit.start for hit in hits]
            direct, carry = self.direct(paragraph, lang, spans, carry)
            found.extend(direct)
            found.extend(self.reported(paragraph, lang, spans, direct, hits))
            self.speakers[paragraph.index] = {q.speaker for q in direct if q.speaker}
        return sorted(found, key=lambda q: (q.start, q.kind))

    def language_of(self, paragraph: Paragraph) -> Language | None:
        if paragraph.lang in ("ar", "he"):
            return self.cues.languages[paragraph.lang]
        if paragraph.rtl:
            return None
        return self.cues.languages["en"]

    # --- direct quotations ----------------------------------------------------------------

    def direct(self, paragraph: Paragraph, lang: Language, spans: list[Span],
               carry: Carry) -> tuple[list[Quote], Carry]:
        """The paragraph's quotations, and what the next paragraph may continue."""
        if not spans:
            return [], Carry()
        text = paragraph.text
        said = [self.tail(paragraph, lang, spans, k) for k in range(len(spans))]
        said = [s if s.found else self.lead(paragraph, lang, spans, k)
                for k, s in enumerate(said)]
        speakers: list[str | None] = [s.speaker for s in said]
        continues = [False] * len(spans)
        split = [False] * len(spans)  # “A,” he said, “B”: B may be short
        only_quotes = bool(spans) and not any(s.found for s in said) and \
            not text[:spans[0].open].strip() and \
            all(not text[a.after:b.open].strip() for a, b in pairs(spans)) and \
            not text[spans[-1].after:].strip(SKIP_AFTER_QUOTE)
        for k, span in enumerate(spans):  # forwards: a quote continues the one before
            if said[k].found and not said[k].pronoun:
                continue
            if k == 0:
                follows = not text[:span.open].strip() and (carry.open or (
                    only_quotes and carry.attributed))
                previous = carry.speaker
            else:
                follows = said[k].joins or self.follows(text, lang, spans[k - 1],
                                                         said[k - 1], span)
                split[k] = follows and (said[k - 1].end >= 0 or said[k].joins)
                previous = speakers[k - 1]
            if follows:
                continues[k] = True
                if previous is not None:
                    speakers[k] = previous
        for k in range(len(spans) - 2, -1, -1):  # backwards: or the one right after it
            if not said[k].found and speakers[k] is None and \
                    not text[spans[k].after:spans[k + 1].open].strip():
                speakers[k] = speakers[k + 1]
                continues[k] = continues[k] or said[k + 1].found
        quotes = []
        for k, span in enumerate(spans):
            start, end = span.inner
            body = text[start:end]
            stripped = body.strip().rstrip(COMMAS).rstrip()
            if not any(ch.isalpha() for ch in stripped):
                continue
            if len(stripped.split()) < self.cues.min_words and \
                    not (lang.latin and (said[k].adjacent or split[k])):
                continue
            offset = start + len(body) - len(body.lstrip())
            quotes.append(Quote(self.article.id, paragraph.index, speakers[k], stripped,
                                "direct", paragraph.start + offset,
                                paragraph.start + offset + len(stripped)))
        if not spans:
            return quotes, Carry()
        last = spans[-1]
        if not last.closed and last.close == len(text):
            return quotes, Carry(speakers[-1], open=True)
        # The paragraph ends with a quote and its attribution: a paragraph of quote alone
        # after it goes on with the same speaker.
        after = said[-1].end if said[-1].end >= 0 else last.after
        ends = said[-1].found and not text[after:].strip(SKIP_AFTER_QUOTE)
        return quotes, Carry(speakers[-1] if ends else None, attributed=ends)

    def follows(self, text: str, lang: Language, before: Span, said: Said,
                span: Span) -> bool:
        """Does `span` go on with the quote before it? Only that quote's attribution stands
        between them ("“A,” he added, “B.”"), or nothing, or (in one sentence, after a cue
        before the first) no other cue ("X said “A” and that “B”")."""
        if said.end >= 0:
            return not text[said.end:span.open].strip(" \t,:;—–-")
        gap = text[before.after:span.open]
        if not gap.strip():
            return True
        if not said.found:
            return False
        return not lang.cue.search(gap) and len(sentences(gap.strip() + " X")) == 1

    def tail(self, paragraph: Paragraph, lang: Language, spans: list[Span], k: int) -> Said:
        """The attribution after a quote: "…,” said X", "…,” X said", "…», قال X"."""
        text = paragraph.text
        span = spans[k]
        if not span.closed:
            return NOBODY
        limit = spans[k + 1].open if k + 1 < len(spans) else len(text)
        limit = min(limit, span.close + WINDOW)
        end = clause_end(text, span.close + 1, limit)
        if k + 1 < len(spans) and end == spans[k + 1].open and \
                text[span.open + 1:span.close].rstrip()[-1:] in ".؟?!":
            return NOBODY  # "“….” X said: “…”": the cue is the next quote's
        if not self.cue_between(span.close, end):
            return NOBODY
        tokens = tokenize(text, span.close + 1, end, lang)
        while tokens and tokens[0].text in SKIP_AFTER_QUOTE:
            tokens = tokens[1:]
        if not tokens:
            return NOBODY
        if text[span.open + 1:span.close].rstrip()[-1:] == "." and \
                tokens[0].text[:1].isupper() and len(tokens) > 8:
            return NOBODY  # "…." There were reports …: a new sentence, not an attribution
        according = match_phrase(tokens, 0, lang.according)
        if according:  # "…,” according to X."
            speaker = self.subject_after(paragraph, lang, tokens[according:], span.open)
            return Said(speaker, True, end, True)
        first = lang.verb(tokens[0].text)
        if first is not None:  # inverted: "…,” said X, a leader", "…», وأضاف."
            rest = tokens[1:]
            if not rest or rest[0].text in ".;:" or rest[0].low in lang.complementizers:
                gender = lang.pronoun_verbs.get(first)
                speaker = self.antecedent(paragraph, span.open, gender) if gender else None
                return Said(speaker, True, end, True, pronoun=gender is not None)
            if rest[0].low in lang.pronouns:
                return Said(self.antecedent(paragraph, span.open, lang.pronouns[rest[0].low]),
                            True, end, True, pronoun=True)
            return Said(self.subject_after(paragraph, lang, rest, span.open), True, end, True)
        for at, token in enumerate(tokens[:self.cues.max_subject_words + 1]):
            if token.text in ";?!؟":  # (the clause ends at its sentence's end: a "." here
                break                  # is an abbreviation's, "U.S. Attorney General")
            if at and self.verb_at(lang, tokens, at) is not None:
                subject = tokens[:at]
                if subject[0].low in lang.head_stops or subject[0].low in NOT_SUBJECT_START:
                    return NOBODY  # "“a term,” and says …"
                if not lang.latin and (at > 4 or any(t.text in COMMAS for t in subject)):
                    return NOBODY  # Arabic and Hebrew put the verb first after a quote
                if lang.latin and not subject[0].text[0].isupper() and \
                        subject[0].low not in lang.pronouns and subject[0].low not in ARTICLES:
                    return NOBODY  # "“a term,” referring to …"
                speaker = self.subject_before(paragraph, lang, subject, span.open, tail=True)
                return Said(speaker, True, end, True, pronoun=is_pronoun(subject, lang))
        return NOBODY

    def lead(self, paragraph: Paragraph, lang: Language, spans: list[Span], k: int) -> Said:
        """The attribution before a quote, in its sentence: "X said: “…”", "وقال X: «…»"."""
        text = paragraph.text
        span = spans[k]
        floor = span.open - WINDOW
        for before in reversed(spans[max(0, k - 20):k]):  # the quote before, unless a term
            if len(text[before.open + 1:before.close].split()) >= self.cues.min_words:
                floor = max(floor, before.after)
                break
        if not self.cue_between(max(floor, 0), span.open):
            return NOBODY
        start = sentence_start(text, max(floor, 0), span.open)
        tokens = tokenize(text, start, span.open, lang)
        # The last cue before the quote, and what stands between them.
        for at in range(len(tokens) - 1, -1, -1):
            token = tokens[at]
            if token.start not in self.hit_edges and token.end not in self.hit_edges:
                continue  # no cue starts or ends here
            gap = tokens[at + 1:]
            adjacent = all(t.text in ":" + COMMAS or t.low in lang.complementizers for t in gap)
            if token.low in lang.according_pronouns:  # "לדבריו, "…""
                speaker = self.antecedent(paragraph, token.start,
                                          lang.according_pronouns[token.low])
                return Said(speaker, True, -1, adjacent, pronoun=True)
            according = match_phrase(tokens, at, lang.according)
            if according:  # "According to X, “…”"
                speaker = self.subject_after(paragraph, lang, tokens[at + according:],
                                             token.start)
                return Said(speaker, True, -1, False)
            quoted = ending_phrase(tokens, at, lang.quoted_as)
            if quoted:  # "X was quoted as saying, “…”"
                return self.said_by(paragraph, lang, tokens[:at - quoted + 1], token.start,
                                    adjacent)
            if token.low in lang.participles:
                if any(s.close < token.start and len(text[s.open + 1:s.close].split()) >=
                       self.cues.min_words for s in spans[:k]):
                    return JOINS  # "“A,” he said, adding: “B”": the quote before's speaker
                # "The embassy denied it, saying …": the sentence's subject
                for segment in split_commas(tokens[:at]):
                    if self.head(segment, lang, before_verb=False) is not None:
                        speaker = self.subject_after(paragraph, lang, segment, token.start)
                        return Said(speaker, True, -1, adjacent)
                return Said(None, True, -1, adjacent)
            verb = self.verb_at(lang, tokens, at)
            if verb is None:
                continue
            after = [t for t in gap if t.text not in ":" + COMMAS and
                     t.low not in lang.complementizers]
            if not lang.latin and after:  # "وقال X: «…»", "אמר X: "…""
                speaker = self.subject_after(paragraph, lang, after, token.start)
                return Said(speaker, True, -1, adjacent)
            if not lang.latin and not subject_tokens(tokens[:at], lang):  # "وأضاف: «…»"
                gender = lang.pronoun_verbs.get(verb)
                speaker = self.antecedent(paragraph, token.start, gender) if gender else None
                return Said(speaker, True, -1, adjacent, pronoun=gender is not None)
            return self.said_by(paragraph, lang, tokens[:at], token.start, adjacent)
        return NOBODY

    def verb_at(self, lang: Language, tokens: list[Tok], at: int) -> str | None:
        """The speech verb tokens[at] is, unless a determiner makes it a noun or adjective
        ("the reported strike")."""
        verb = lang.verb(tokens[at].text)
        if verb is not None and at and tokens[at - 1].low in lang.determiners:
            return None
        return verb

    def cue_between(self, start: int, end: int) -> bool:
        """Does a cue word (of those the quick look found) stand between two offsets?"""
        at = bisect_left(self.hit_starts, start)
        return at < len(self.hit_starts) and self.hit_starts[at] < end

    def said_by(self, paragraph: Paragraph, lang: Language, before: list[Tok],
                position: int, adjacent: bool) -> Said:
        """The subject before a verb (`before` holds the sentence's words up to it). A verb
        after "and" shares the subject of a speech verb before it ("X said … and said")."""
        if lang.latin and before and before[-1].low in ("and", "but"):
            for at in range(len(before) - 2, 0, -1):
                if self.verb_at(lang, before, at) is not None:
                    return self.said_by(paragraph, lang, before[:at], before[at].start,
                                        adjacent)
            return Said(None, True, -1, adjacent)
        subject = subject_tokens(before, lang)
        speaker = self.subject_before(paragraph, lang, subject, position) if subject else None
        return Said(speaker, True, -1, adjacent, pronoun=is_pronoun(subject, lang))

    # --- reported speech ------------------------------------------------------------------

    def reported(self, paragraph: Paragraph, lang: Language, spans: list[Span],
                 direct: list[Quote], hits: list[Hit]) -> list[Quote]:
        """Reported speech, sentence by sentence: only around the cues found (`hits`), and
        only in sentences without a quotation."""
        hits = [hit for hit in hits if self.reports(lang, hit.word) and
                self.speaker_near(paragraph.index, lang, hit)]
        if not hits:
            return []
        text = paragraph.text
        taken = sorted(Span(q.start - paragraph.start, q.end - paragraph.start, True)
                       for q in direct)
        long_spans = [s for s in spans if len(text[s.open + 1:s.close].split())
                      >= self.cues.min_words]
        found = []
        next_hit = 0
        for sentence, offset in sentences(text):
            end = offset + len(sentence.rstrip())
            mine = []
            while next_hit < len(hits) and hits[next_hit].start < end:
                if hits[next_hit].start >= offset:
                    mine.append(hits[next_hit].start)
                next_hit += 1
            if not mine or overlaps(long_spans, offset, end) or overlaps(taken, offset, end):
                continue
            # The words a subject and the start of a clause need, cut between words.
            floor = mine[0] - REPORTED_BEFORE
            low = offset if floor <= offset else max(offset, text.rfind(" ", offset, floor) + 1)
            # (Arabic and Hebrew subjects follow the verb; "According to X, …" its comma)
            after = REPORTED_AFTER * (3 if not lang.latin or text[mine[-1]] in "Aa" else 1)
            high = text.find(" ", min(end, mine[-1] + after))
            tokens = tokenize(text, low, end if high < 0 else min(end, high), lang)
            self.cut = low > offset
            quote = self.reported_in(paragraph, lang, tokens, spans, end, set(mine), offset)
            if quote is not None:
                found.append(quote)
        return found

    def speaker_near(self, index: int, lang: Language, hit: Hit) -> bool:
        """A quick look before reading words: an English speaker is a mention that ends shortly
        before the verb, or one shortly after "according to", or a pronoun before the verb."""
        if not lang.latin:
            return True
        start, end = hit.start, hit.end
        text = self.article.paragraphs[index].text
        if hit.word[:1] in "Aa" and hit.word.lower().startswith("according"):
            return any(end < a <= end + NEAR for a, _, _, _ in self.mentions.get(index, ()))
        ends = self.ends.get(index, [])
        near = ends[bisect_left(ends, start - NEAR):bisect_right(ends, start)]
        return bool(near) and (text[:start].rstrip().endswith(",") or any(
            FEW_WORDS.match(text, b, start) for b in near)) or \
            PRONOUN_BEFORE.search(text, max(0, start - 30), start) is not None

    def reports(self, lang: Language, word: str) -> bool:
        """Can this cue (as the quick look found it) start reported speech?"""
        if lang.latin:
            return word in lang.reported_verbs or word.lower() in ("according to",)
        verb = lang.verb(word)
        return (verb is not None and verb in lang.reported_verbs) or \
            word in lang.according_pronouns or any(word == " ".join(p) for p in lang.according)

    def reported_in(self, paragraph: Paragraph, lang: Language, tokens: list[Tok],
                    spans: list[Span], end: int, hits: set[int],
                    start: int) -> Quote | None:
        """The first reported statement of a sentence, at one of its cues. `start` is where
        the sentence starts (`self.cut` when `tokens` begin later in it)."""
        self.sentence_start = start
        for at, token in enumerate(tokens):
            if token.start not in hits or inside(spans, token.start):
                continue
            if token.low in lang.according_pronouns:  # "לדבריו, …"
                if at + 2 < len(tokens) and tokens[at + 1].text in COMMAS:
                    speaker = self.antecedent(paragraph, token.start,
                                              lang.according_pronouns[token.low])
                    if speaker is not None:
                        return self.reported_quote(paragraph, speaker, tokens[at + 2].start,
                                                   end)
                continue
            according = match_phrase(tokens, at, lang.according)
            if according:
                quote = self.according(paragraph, lang, tokens, at, according, end)
                if quote is not None:
                    return quote
                continue
            verb = self.verb_at(lang, tokens, at)
            if verb is None or verb not in lang.reported_verbs:
                continue
            quote = (self.reported_latin(paragraph, lang, tokens, at, verb, end) if lang.latin
                     else self.reported_script(paragraph, lang, tokens, at, verb, end))
            if quote is not None:
                return quote
        return None

    def according(self, paragraph: Paragraph, lang: Language, tokens: list[Tok], at: int,
                  length: int, end: int) -> Quote | None:
        """"According to X, …" starting the sentence, or "…, according to X." ending it."""
        rest = tokens[at + length:]
        comma = next((k for k, t in enumerate(rest) if t.text in COMMAS), None)
        before = [t for t in tokens[:at] if t.low not in lang.between and
                  t.low not in NOT_SUBJECT_START]
        if not before and not self.cut:
            if comma is None or comma + 1 >= len(rest):
                return None
            speaker = self.subject_after(paragraph, lang, rest[:comma], tokens[at].start)
            if speaker is None:
                return None
            return self.reported_quote(paragraph, speaker, rest[comma + 1].start, end)
        if comma is None and at and tokens[at - 1].text in COMMAS:
            speaker = self.subject_after(paragraph, lang, rest, tokens[at].start)
            if speaker is None:
                return None
            return self.reported_quote(paragraph, speaker,
                                       self.own_clause(paragraph, lang, tokens[at - 1].start),
                                       tokens[at - 1].start)
        return None

    def own_clause(self, paragraph: Paragraph, lang: Language, limit: int) -> int:
        """Where the clause a trailing attribution (ending at `limit`) reports starts: the
        sentence's start, or after an earlier source's attribution in it ("A, reports one
        paper, and B, according to another")."""
        text, start = paragraph.text, self.sentence_start
        for hit in self.hits:
            if not start <= hit.start < limit or lang.verb(hit.word) is None or \
                    not text[:hit.start].rstrip().endswith(tuple(COMMAS)):
                continue
            comma = min((at for at in (text.find(c, hit.end, limit) for c in COMMAS)
                         if at >= 0), default=-1)
            if comma >= 0:
                start = comma + 1
                words = text[start:limit].split()
                skip = next((k for k, w in enumerate(words) if w not in ("and", "but",
                                                                          "while")), 0)
                start = text.find(words[skip], start, limit) if words else start
        return start

    def reported_latin(self, paragraph: Paragraph, lang: Language, tokens: list[Tok],
                       at: int, verb: str, end: int) -> Quote | None:
        """"X said (that) …", or "…, X said (on Friday).\""""
        post = tokens[at + 1:]
        while post and post[-1].text in ".!?":
            post = post[:-1]
        that = next((k for k, t in enumerate(post[:7]) if t.low in lang.complementizers),
                    None)
        if that and not (post[0].low in lang.head_stops or post[0].low in lang.between or
                         (verb in ("told", "tells") and that <= 4)):
            that = None  # "says the ministry is sure that …": not its clause
        if that is not None:
            clause = that + 1
        elif not post or post[0].low in lang.head_stops or post[0].low in lang.between or \
                post[0].text == "(":
            if any(t.low in WH_WORDS for t in post):
                return None  # "he asked the paper what had happened": an object clause
            return self.reported_after(paragraph, lang, tokens, at, len(post))
        elif verb in lang.reported_bare or post[0].low in SUBJECT_PRONOUNS:
            clause = 0  # "X said Israel would …", "X confirmed it had …"
        else:
            return None  # "confirmed the ceasefire", "told reporters …": an object
        if len(post) - clause < 4 or (tokens[at - 1].low in ("and", "but") if at else True):
            return None
        subject = subject_tokens(tokens[:at], lang)
        if not subject:
            return None
        speaker = self.subject_before(paragraph, lang, subject, tokens[at].start)
        if speaker is None:
            return None
        return self.reported_quote(paragraph, speaker, post[clause].start, end)

    def reported_after(self, paragraph: Paragraph, lang: Language, tokens: list[Tok],
                       at: int, adjuncts: int) -> Quote | None:
        """"…, Haddad said on Saturday.": the clause before the sentence's last comma."""
        if adjuncts > 10:
            return None
        found = last_subject(tokens[:at])
        if found is None:
            return None
        subject, comma = found
        if comma < 4 and not self.cut:  # (a clause cut by the window is long)
            return None
        speaker = self.subject_before(paragraph, lang, subject, tokens[at].start)
        if speaker is None:
            return None
        return self.reported_quote(paragraph, speaker,
                                   self.own_clause(paragraph, lang, tokens[comma].start),
                                   tokens[comma].start)

    def reported_script(self, paragraph: Paragraph, lang: Language, tokens: list[Tok],
                        at: int, verb: str, end: int) -> Quote | None:
        """"قال X إن …", "X قال إن …", "X אמר כי …", "אמר X כי …", "X אמר ש…"."""
        post = tokens[at + 1:]
        that = next((k for k, t in enumerate(post[:self.cues.max_subject_words])
                     if t.low in lang.complementizers), None)
        clause: int | None = post[that].end if that is not None else None
        if that is None and lang.complementizer_prefix and post and \
                post[0].text.startswith(lang.complementizer_prefix) and len(post[0].text) > 2:
            that, clause = 0, post[0].start + len(lang.complementizer_prefix)
        if that is None or clause is None:
            return None
        speaker: str | None
        if that > 0:
            speaker = self.subject_after(paragraph, lang, post[:that], tokens[at].start)
        elif subject_tokens(tokens[:at], lang):
            speaker = self.subject_before(paragraph, lang, subject_tokens(tokens[:at], lang),
                                          tokens[at].start)
        else:
            gender = lang.pronoun_verbs.get(verb)
            speaker = self.antecedent(paragraph, tokens[at].start, gender) if gender else None
        if speaker is None:
            return None
        return self.reported_quote(paragraph, speaker, clause, end)

    def reported_quote(self, paragraph: Paragraph, speaker: str, start: int,
                       end: int) -> Quote | None:
        if dateline := DATELINE.match(paragraph.text, start, end):
            start = dateline.end()  # "CITY, May 1 (Agency) - …"
        body = paragraph.text[start:end]
        text = body.strip().rstrip(COMMAS).strip()
        if len(text.split()) < 3:
            return None
        offset = start + len(body) - len(body.lstrip())
        return Quote(self.article.id, paragraph.index, speaker, text, "reported",
                     paragraph.start + offset, paragraph.start + offset + len(text))

    # --- speakers ---------------------------------------------------------------------------

    def subject_before(self, paragraph: Paragraph, lang: Language, tokens: list[Tok],
                       position: int, tail: bool = False) -> str | None:
        """The speaker a subject written before its verb names, or None. Right after a quote
        (`tail`) the subject is its first part ("…,” Jane Roe, a party official in the
        north told"); elsewhere its last, or the one before an appositive between commas
        ("Jane Roe, a party spokeswoman, said")."""
        segments = split_commas(tokens)
        between_commas = len(segments) > 2 and not segments[-1]  # "A, B, said"
        if tail:
            segment = segments[0]
        elif between_commas:
            segment = segments[-3]
        else:
            segment = segments[-1]
        head = self.head(segment, lang, before_verb=True)
        if head is not None and len(head) == 1 and head[0].low in lang.pronouns:
            return self.antecedent(paragraph, position, lang.pronouns[head[0].low])
        speaker = self.entity_at(paragraph, lang, head) if head is not None else None
        if speaker is None and between_commas and (tail or len(segments) == 3):
            # "the governor of the central bank, Jane Roe, said": a name in apposition
            name = self.head(segments[1 if tail else -2], lang, before_verb=True)
            person = self.entity_at(paragraph, lang, name) if name is not None else None
            if person is not None and self.types(person) == "person":
                return person
        return speaker

    def subject_after(self, paragraph: Paragraph, lang: Language, tokens: list[Tok],
                      position: int) -> str | None:
        """The speaker a subject written after its verb names ("said Jane Roe, a party
        leader", "according to Hezbollah", "قال الحزب في بيان"), or None."""
        head = self.head(split_commas(tokens)[0], lang, before_verb=False)
        if head is None:
            return None
        if len(head) == 1 and head[0].low in lang.pronouns:
            return self.antecedent(paragraph, position, lang.pronouns[head[0].low])
        return self.entity_at(paragraph, lang, head)

    def head(self, segment: list[Tok], lang: Language, before_verb: bool) -> list[Tok] | None:
        """A subject's head: leading conjunctions dropped, cut before the words that start a
        modifier ("in a speech", "of Hamas", "on Friday"; "of" stays inside a title:
        "Foreign Minister Lena Berg"), the adverbs before the verb dropped. None when
        it joins several ("Hamas and Fatah") or is a prepositional phrase ("In Gaza")."""
        head = list(segment)
        while head and (head[0].low in NOT_SUBJECT_START or head[0].text in "(—–-:;" +
                        QUOTE_CHARS):
            head = head[1:]
        if not head or (lang.latin and head[0].low in lang.head_stops):
            return None
        if lang.latin and before_verb:  # "[a clause] and the ministry said"
            joins = [at for at, t in enumerate(head) if t.low in ("and", "but") and at]
            if joins:
                if not any(is_past_verb(t) for t in head[:joins[-1]]):
                    return None  # "Hamas and Fatah said", "witnesses and X said": several
                head = head[joins[-1] + 1:]
                if not head:
                    return None
        if lang.latin or not before_verb:
            for at, token in enumerate(head):
                if not at:
                    continue
                if token.low in ("and", "or", "و", "ו", "&"):
                    return None
                if token.low in lang.head_stops and not (
                        token.low == "of" and head[at - 1].text[:1].isupper() and
                        at + 1 < len(head) and head[at + 1].text[:1].isupper() and
                        head[at - 1].low in entity_cues().title_words):
                    head = head[:at]
                    break
        else:  # Arabic and Hebrew before the verb: the words after the last modifier
            for at in range(len(head) - 1, 0, -1):
                if head[at].low in lang.head_stops:
                    head = head[at + 1:]
                    break
        while head and (head[-1].low in lang.between or head[-1].text in QUOTE_CHARS + ".:"):
            head = head[:-1]
        return head or None

    def entity_at(self, paragraph: Paragraph, lang: Language, head: list[Tok]) -> str | None:
        """The entity whose mention is the head: in English the mention that ends it, after
        only title words ("party leader Omar Haddad": the head of an English noun
        phrase is its last word); in Arabic and Hebrew the mention that is all of it, or a
        person at either end (a name beside its title: "المتحدث باسم الحزب محمد علي")."""
        if len(head) > self.cues.max_subject_words:
            return None
        start, end = head[0].start, head[-1].end
        best: tuple[int, int, str, str] | None = None
        found_here = self.mentions.get(paragraph.index, [])
        first = bisect_left(self.starts.get(paragraph.index, []), start - 1)
        for found in found_here[first:]:
            m_start, m_end, entity, how = found
            if m_start >= end:
                break
            if m_start < start - 1 or how == "demonym":
                continue
            if lang.latin:
                if m_end == end and (best is None or m_start < best[0]):
                    best = found
                continue
            whole = m_start <= start + 1 and m_end >= end - 1
            person = self.types(entity) == "person" and (m_end >= end - 1 or
                                                         m_start <= start + 1)
            if (whole or person) and (best is None or m_end - m_start > best[1] - best[0]):
                best = found
        if best is None:
            return None
        before = [t for t in head if t.end <= best[0]]
        if lang.latin and (len(before) > 6 or any(t.low in CLAUSE_WORDS for t in before)):
            return None  # "Netanyahu met Gallant"
        return best[2]

    def antecedent(self, paragraph: Paragraph, position: int, gender: str | None) -> str | None:
        """The one person a pronoun at `position` can refer to, when that is certain."""
        window = (paragraph.index, max(0, position - BACK), position)
        people = self.people_in(*window)
        if not people and window[1] == 0 and not self.blocked(*window):
            previous = self.previous.get(paragraph.index, -1)
            if previous >= 0:
                window = (previous, 0, len(self.article.paragraphs[previous].text))
                people = self.people_in(*window) | {
                    s for s in self.speakers.get(previous, ()) if self.types(s) == "person"}
        people = {person for person in people if gender_fits(self.names(person), gender)}
        if len(people) != 1 or self.blocked(*window):
            return None
        return next(iter(people))

    def quoted_in(self, index: int) -> Callable[[int], bool]:
        """Whether an offset of a paragraph is inside one of its quotes."""
        spans = self.spans.get(index)
        if spans is None:
            text = self.article.paragraphs[index].text
            spans = quote_spans(text, self.cues.openers) if MARK.search(text) else []
        return lambda offset: inside(spans, offset)

    def people_in(self, index: int, start: int, end: int) -> set[str]:
        """The person entities mentioned between two offsets of a paragraph, outside quotes."""
        quoted = self.quoted_in(index)
        return {entity for m_start, m_end, entity, how in self.mentions_between(index, start, end)
                if start <= m_start and m_end <= end and how != "demonym"
                and self.types(entity) == "person" and not quoted(m_start)}

    def blocked(self, index: int, start: int, end: int) -> bool:
        """Whether someone else a pronoun may mean stands between two offsets: a name no
        entity claims, or a person the text does not name."""
        quoted = self.quoted_in(index)
        return self.unlinked_name(index, start, end, quoted) or \
            self.unnamed_person(index, start, end, quoted)

    def mentions_between(self, index: int, start: int,
                         end: int) -> list[tuple[int, int, str, str]]:
        """The paragraph's mentions that start between two offsets (or end just after the
        first), found by bisection: a paragraph may be megabytes long."""
        starts = self.starts.get(index, [])
        return self.mentions.get(index, [])[bisect_left(starts, start - 200):
                                             bisect_right(starts, end)]

    def unlinked_name(self, index: int, start: int, end: int,
                      quoted: Callable[[int], bool]) -> bool:
        """Does a capitalised name that starts with a given name and that no entity claims
        stand between two offsets ("Jane Roe"): a person a pronoun may mean as well?"""
        text = self.article.paragraphs[index].text
        claimed = [(a, b) for a, b, _, _ in self.mentions_between(index, start, end)]
        for match in NAME_RUN.finditer(text, start, end):
            if quoted(match.start()) or any(a < match.end() and match.start() < b
                                            for a, b in claimed):
                continue
            if is_given_name(match.group().split()[0]):
                return True
        return False

    def unnamed_person(self, index: int, start: int, end: int,
                       quoted: Callable[[int], bool]) -> bool:
        """Does a noun for a person the text does not name stand between two offsets ("a
        senior official said", "אחד הבכירים הוסיף")? Not a named person's title ("spokeswoman
        Jane Roe") or description ("Jane Roe, a party official")."""
        paragraph = self.article.paragraphs[index]
        lang = self.language_of(paragraph)
        if lang is None:
            return False
        text = paragraph.text
        for match in lang.unnamed.finditer(text, start, end):
            if quoted(match.start()):
                continue
            low, high = max(0, match.start() - 60), min(len(text), match.end() + 80)
            tokens = tokenize(text, low, high, lang)
            at = next(k for k, t in enumerate(tokens) if t.start >= match.start())
            people = [(a, b) for a, b, entity, how in self.mentions_between(index, low, high)
                      if how != "demonym" and self.types(entity) == "person"]
            nxt = tokens[at + 1:at + 4]
            if any(a == t.start for t in nxt for a, _ in people):
                continue  # a title: "spokeswoman Jane Roe"
            before = tokens[max(0, at - 6):at]
            if any(t.text in COMMAS and any(b == t.start for _, b in people)
                   for t in before):
                continue  # an appositive: "Jane Roe, a party official"
            after = tokens[at + 1:at + 9]
            if any(t.text in COMMAS and k + 1 < len(after) and
                   any(a == after[k + 1].start for a, _ in people)
                   for k, t in enumerate(after)):
                continue  # "the governor of the bank, Jane Roe"
            return True
        return False


class Carry(NamedTuple):
    """What a paragraph's quotes leave for the next paragraph's first quote."""

    speaker: str | None = None
    open: bool = False  # the last quote runs to the paragraph's end: the next goes on with it
    attributed: bool = False  # the paragraph ends with a quote and its attribution


NOT_SUBJECT_START = frozenset("and but or which that referring while as if nor so yet then "
                              "because although however meanwhile".split())
ARTICLES = frozenset({"the", "a", "an"})
SUBJECT_PRONOUNS = frozenset("it he she they we i".split())
WH_WORDS = frozenset("what how why whether if who when where which".split())
# Words that make a clause, not a title, of what stands before a name in a subject.
CLAUSE_WORDS = frozenset("""is was are were be been has have had met told asked thanked
called named accused said says and or but with by to for from who which that""".split())


def is_arabic(char: str) -> bool:
    return "\u0600" <= char <= "\u06ff"


def is_pronoun(subject: list[Tok], lang: Language) -> bool:
    """"he", "He also": a subject that is a pronoun, with the adverbs before its verb."""
    words = [t for t in subject if t.low not in lang.between and t.text not in COMMAS]
    return len(words) == 1 and words[0].low in lang.pronouns


def is_past_verb(token: Tok) -> bool:
    """A lowercase word that reads as a verb in the past ("discussed", "met"): before "and",
    it makes a clause ("Berg discussed the port … and the ministry said")."""
    return token.text[:1].islower() and (token.low.endswith("ed") or
                                         token.low in CLAUSE_WORDS)


@cache
def is_given_name(word: str) -> bool:
    from ..bylines import given_name_detector  # the list of given names the byline reader uses

    return word.isalpha() and str(given_name_detector().get_gender(word)) != "unknown"


def gender_fits(name: str, gender: str | None) -> bool:
    """Whether a person's given name does not contradict the pronoun ("she" for "Ehud")."""
    if gender not in ("male", "female") or not name:
        return True
    first = name.split()[0]
    if not first.isalpha() or not first.isascii():
        return True
    from ..bylines import given_name_detector

    guess = str(given_name_detector().get_gender(first))
    other = "female" if gender == "male" else "male"
    return guess not in (other, f"mostly_{other}")


def inside(spans: list[Span], offset: int) -> bool:
    """Is `offset` inside one of the (ordered, disjoint) quoted stretches?"""
    at = bisect_right(spans, (offset,)) - 1
    return at >= 0 and spans[at].open < offset < spans[at].close


def overlaps(spans: list[Span], start: int, end: int) -> bool:
    """Does one of the (ordered, disjoint) stretches overlap start..end?"""
    at = max(0, bisect_right(spans, (start,)) - 1)
    return any(span.open < end and span.close > start for span in spans[at:at + 2])


def pairs(spans: list[Span]) -> list[tuple[Span, Span]]:
    return list(zip(spans, spans[1:], strict=False))


def tokenize(text: str, start: int, end: int, lang: Language) -> list[Tok]:
    make: Callable[[tuple[int, int, str, str]], Tok] = Tok  # type: ignore[assignment]
    if lang.latin:
        return [make((*m.span(), word, word.lower()))
                for m in TOKEN.finditer(text, start, end) for word in (m.group(),)]
    return [make((*m.span(), word, word)) for m in TOKEN.finditer(text, start, end)
            for word in (m.group(),)]


def clause_end(text: str, start: int, limit: int) -> int:
    """The end of the sentence that starts at `start`, at most `limit`."""
    for sentence, offset in sentences(text[start:limit]):
        return start + offset + len(sentence)
    return limit


def sentence_start(text: str, floor: int, position: int) -> int:
    """Where the sentence holding `position` starts (not before `floor`). The two characters
    at `position` are read too, so a sentence ending right before a quote is seen to end."""
    start = floor
    for _, offset in sentences(text[floor:position + 2]):
        if offset and floor + offset <= position:
            start = floor + offset
    return start


def match_phrase(tokens: list[Tok], at: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """The length of the phrase starting at tokens[at], 0 when none does."""
    for phrase in phrases:
        if tuple(t.low for t in tokens[at:at + len(phrase)]) == phrase:
            return len(phrase)
    return 0


def ending_phrase(tokens: list[Tok], at: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """The length of the phrase ending at tokens[at], 0 when none does."""
    for phrase in phrases:
        if at + 1 >= len(phrase) and \
                tuple(t.low for t in tokens[at + 1 - len(phrase):at + 1]) == phrase:
            return len(phrase)
    return 0


def split_commas(tokens: list[Tok]) -> list[list[Tok]]:
    segments: list[list[Tok]] = [[]]
    for token in tokens:
        if token.text in COMMAS:
            segments.append([])
        else:
            segments[-1].append(token)
    return segments


def subject_tokens(tokens: list[Tok], lang: Language) -> list[Tok]:
    """The words before a verb that may be its subject: after the last quote mark, "that"
    or semicolon ("officials said that Hamas said …")."""
    start = 0
    for at, token in enumerate(tokens):
        if token.text in QUOTE_CHARS + ";:" or (lang.latin and token.low == "that"):
            start = at + 1
    return tokens[start:]


def last_subject(tokens: list[Tok]) -> tuple[list[Tok], int] | None:
    """"…, Olmert said": the words after the sentence's last comma (the ones before an
    appositive when a comma stands right before the verb: "…, Jane Roe, head of the
    police, said"), and where that comma is."""
    commas = [at for at, t in enumerate(tokens) if t.text in COMMAS]
    if commas and commas[-1] == len(tokens) - 1:
        commas = commas[:-2] if len(commas) >= 3 else []
        if not commas:
            return None
        at = commas[-1]
        nxt = next(k for k in range(at + 1, len(tokens)) if tokens[k].text in COMMAS)
        return tokens[at + 1:nxt], at
    if not commas:
        return None
    return tokens[commas[-1] + 1:], commas[-1]


def quotes_in(article: Article, mentions: Iterable[Mention],
              types: Callable[[str], str | None],
              names: Callable[[str], str]) -> tuple[Quote, ...]:
    """Every quotation and reported statement of one article, in text order."""
    return tuple(ArticleQuotes(article, mentions, types, names).quotes())


def article_quotes(article: Article, names: ArticleNames,
                   by_id: dict[str, Entity]) -> tuple[Quote, ...]:
    """The quotes of an article, its speakers taken from its own resolved mentions: entities
    of the knowledge base (`by_id`) and the new names the article itself found."""
    local = {entity: (name, NER_TYPES.get(label, "other"))
             for entity, name, label in names.new_names}

    def type_of(entity: str) -> str | None:
        return by_id[entity].type if entity in by_id else local.get(entity, ("", None))[1]

    def name_of(entity: str) -> str:
        return by_id[entity].name if entity in by_id else local.get(entity, ("", None))[0]

    return quotes_in(article, names.mentions, type_of, name_of)
