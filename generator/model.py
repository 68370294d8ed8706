"""The data every stage hands to the next: frozen dataclasses, built once, never mutated.

Offsets (`start`, `end`) always point into `Source.text`, the decoded and normalised text of
the input file, so a mention can be traced back to the exact characters it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, NamedTuple

EntityType = Literal["person", "organization", "place", "event", "other"]
# "masthead": where the page prints its publisher's name (the site header, a footer)
ParagraphKind = Literal["text", "caption", "heading", "title", "byline", "masthead"]


@dataclass(frozen=True)
class Source:
    """One input file and what became of it."""

    file: str  # path relative to the input folder, with forward slashes
    sha256: str  # of the original bytes
    size: int
    text: str | None  # decoded text, None when the file was skipped
    encoding: str | None
    problem: str | None = None  # why the file was skipped
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Paragraph:
    index: int  # position in the article, also the anchor (#p<index>)
    text: str  # exactly Source.text[start:end]
    start: int
    end: int
    lang: str  # ISO 639-1 code ("en", "ar", "he", ...)
    kind: ParagraphKind = "text"

    @property
    def rtl(self) -> bool:
        return self.lang in RTL_LANGUAGES


RTL_LANGUAGES = frozenset({"ar", "he", "fa", "ur", "yi"})


class Removed(NamedTuple):
    """A line of page chrome the parser took out (a menu, the site's name) and where it was."""

    text: str  # exactly Source.text[start:start + len(text)]
    start: int


@dataclass(frozen=True)
class Article:
    """A parsed article: metadata the text states, and its cleaned body."""

    id: str  # unique slug, also the page folder
    source_file: str
    index_in_file: int
    sha256: str  # of the source file
    title: str | None  # the headline, None when the text has none
    display_title: str  # title, or a title derived from the first sentence
    date: str | None  # "YYYY-MM-DD" | "YYYY-MM" | "YYYY" | None, only when stated
    publisher: str | None
    languages: tuple[str, ...]
    paragraphs: tuple[Paragraph, ...]
    tags: tuple[str, ...] = ()  # the publisher's own tags ("Filed under: ...")
    authors: tuple[str, ...] = ()  # bylined names as printed, in byline order
    removed: tuple[Removed, ...] = ()  # page chrome that was stripped

    @property
    def title_derived(self) -> bool:
        return self.title is None

    @property
    def url(self) -> str:
        return f"articles/{self.id}/"

    @property
    def word_count(self) -> int:
        return sum(len(p.text.split()) for p in self.body)

    @property
    def body(self) -> tuple[Paragraph, ...]:
        return tuple(p for p in self.paragraphs if p.kind in ("text", "heading"))


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: EntityType
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)  # language -> names
    description: str | None = None
    context_aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    source: Literal["knowledge", "ner"] = "knowledge"

    @property
    def url(self) -> str:
        return f"entities/{self.id}/"

    @property
    def all_names(self) -> tuple[str, ...]:
        names = [self.name]
        for values in self.aliases.values():
            names.extend(values)
        return tuple(dict.fromkeys(names))


class Mention(NamedTuple):
    """A named tuple rather than a frozen dataclass: a large corpus has millions, and tuples
    are built in C."""

    entity: str
    surface: str
    article: str
    paragraph: int
    start: int  # offsets into the decoded source text
    end: int
    how: Literal["name", "alias", "short", "context", "demonym", "ner"] = "name"


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    description: str = ""
    cues: dict[str, tuple[str, ...]] = field(default_factory=dict)  # language -> phrases
    entities: tuple[str, ...] = ()  # entity ids whose mention supports the topic
    related: tuple[str, ...] = ()
    derived: bool = False  # derived from the corpus (extract/derived_topics.py), not curated
    terms: tuple[str, ...] = ()  # a derived topic's top terms, strongest first

    @property
    def url(self) -> str:
        return f"topics/{self.id}/"


@dataclass(frozen=True)
class Event:
    """A statement of when something happened, at the precision the text gives."""

    date: str  # "YYYY-MM-DD" | "YYYY-MM" | "YYYY"
    text: str  # the sentence
    article: str
    paragraph: int
    entities: tuple[str, ...] = ()

    @property
    def year(self) -> str:
        return self.date[:4]


class Quote(NamedTuple):
    """Who said what: a direct quotation (the words inside the marks) or reported speech (the
    clause "X said that ..." reports), with the paragraph it stands in (extract/quotes.py)."""

    article: str
    paragraph: int
    speaker: str | None  # entity id, None when the text does not say who, or not certainly
    text: str
    kind: Literal["direct", "reported"]
    start: int  # offsets of `text` into the decoded source text
    end: int

    @property
    def url(self) -> str:
        return f"articles/{self.article}/#p{self.paragraph}"


@dataclass(frozen=True)
class Problem:
    """Something about the input the user should know; `skipped` means an article was lost."""

    file: str
    message: str
    skipped: bool = False

    def line(self) -> str:
        return f"{self.file}: {self.message}"


@dataclass(frozen=True)
class Corpus:
    """Everything the renderer needs, built once by `link.build_corpus`, read-only afterwards."""

    sources: tuple[Source, ...]
    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]
    entities: tuple[Entity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    ambiguous: tuple[Mention, ...] = ()  # names left unlinked because they fit several entities
    unknown_names: tuple[tuple[str, str, int], ...] = ()  # (name, type, count) NER found, KB lacks
    topics: tuple[Topic, ...] = ()  # every topic of the taxonomy
    article_topics: dict[str, tuple[str, ...]] = field(default_factory=dict)  # article -> topics
    events: tuple[Event, ...] = ()  # in date order
    # article -> the other copies of its story, sorted by id (extract/same_story.py)
    same_story: dict[str, tuple[str, ...]] = field(default_factory=dict)
    quotes: tuple[Quote, ...] = ()  # in corpus order (article, then position)

    def articles_from(self, file: str) -> list[Article]:
        return self.articles_by_file.get(file, [])

    @cached_property  # the Sources page asks once per file: a scan each would be quadratic
    def articles_by_file(self) -> dict[str, list[Article]]:
        by_file: dict[str, list[Article]] = {}
        for article in self.articles:
            by_file.setdefault(article.source_file, []).append(article)
        return by_file
