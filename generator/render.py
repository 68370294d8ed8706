"""Rendering the Corpus into Markdown pages (Jinja2 templates in templates/*.md.j2).

Article text is untrusted. It only ever reaches a page inside an HTML element, escaped by
Jinja's autoescape, so Python-Markdown passes it through as literal text: no Markdown, HTML
or template syntax in an article can become structure. Links are made relative here because
Markdown does not rewrite links inside raw HTML.
"""

from __future__ import annotations

import html
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, partial
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import Any, TypeVar

import jinja2
from markupsafe import Markup, escape

from .config import Config
from .executor import Background, ProcessPool, workers_for
from .export import (
    article_json_ld,
    atom_feed,
    bibtex,
    corpus_json,
    csl_json,
    entities_csv,
    events_csv,
    graph_document,
    graphml,
    mentions_csv,
    quotes_csv,
    to_json,
)
from .extract.matcher import script_of
from .graph import GraphView, graph_view, neighbourhood
from .link import Index, article_map, build_index, ranked
from .model import Article, Corpus, Entity, Event, Mention, Paragraph, Quote, Topic
from .reuse import Reuse
from .sentences import sentences
from .slugs import page_path, relative_url

TEMPLATES = Path(__file__).parent / "templates"
Item = TypeVar("Item")
SNIPPET_CONTEXT = 80  # characters of context either side of a mention
MAX_SNIPPETS = 200  # per entity page; the rest are counted and in corpus.json
SNIPPETS_SHOWN = 3  # per article on an entity page; the article's others are folded
MAX_EVENTS = 200  # per entity or topic page; all are on the timeline and in events.csv
MAX_QUOTES = 100  # per entity page; all are in corpus.json and quotes.csv
# The timeline is one page while the corpus has at most this many dated events; above it, the
# timeline page is an overview of the years and each year has its own page (timeline/2023/).
# 500 rows is a page that still loads and filters quickly, and what a reader can scan.
TIMELINE_SPLIT_EVENTS = 500
TIMELINE_FILTER_ENTITIES = 100  # entities offered by a timeline page's entity filter
TOP_NEIGHBOURS = 20
# Entity index pages: (type, title, URL) in navigation order.
ENTITY_SECTIONS = (("person", "People", "people/"), ("organization", "Organisations",
                   "organisations/"), ("place", "Places", "places/"),
                   ("event", "Events", "events/"), ("other", "Other names", "other/"))
LANGUAGE_NAMES = {"en": "English", "ar": "Arabic", "he": "Hebrew", "fr": "French",
                  "de": "German", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
                  "nl": "Dutch", "tr": "Turkish", "ru": "Russian", "uk": "Ukrainian",
                  "id": "Indonesian"}


@dataclass
class Site:
    """What the renderer hands to the writer: Markdown pages, other files, and the nav."""

    pages: dict[str, str] = field(default_factory=dict)  # src path -> Markdown
    files: dict[str, str] = field(default_factory=dict)  # src path -> text (data exports)
    nav: list[dict[str, str]] = field(default_factory=list)


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True)
    env.filters["language_name"] = lambda code: LANGUAGE_NAMES.get(code, code)
    env.filters["front_matter"] = front_matter
    return env


def front_matter(value: str) -> Markup:
    """A front-matter value: HTML-escaped (MkDocs themes print `page.title` and the description
    without autoescaping), then a YAML double-quoted scalar, whatever the value holds."""
    escaped = html.escape(value, quote=True).replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in escaped)
    return Markup(f'"{escaped}"')


class Renderer:
    def __init__(self, corpus: Corpus, config: Config) -> None:
        self.corpus = corpus
        self.config = config
        self.env = environment()
        self.index: Index = build_index(corpus, config.count_story_once)
        self.entities = {entity.id: entity for entity in corpus.entities}
        self.articles = article_map(corpus)
        self.headings: dict[str, ArticleHeading] = {}
        self.reuse = Reuse()  # nothing from a last build: see incremental.MemoRenderer
        # Each speaker's quotes, a quote printed again (a copy of the story, a repeated
        # line) listed once, where it first appears; every one is in corpus.json and quotes.csv.
        self.quotes_by_speaker: dict[str, list[Quote]] = {}
        seen: set[tuple[str, str, str]] = set()
        for quote in corpus.quotes:
            if quote.speaker is not None and (quote.speaker, quote.kind, quote.text) not in seen:
                seen.add((quote.speaker, quote.kind, quote.text))
                self.quotes_by_speaker.setdefault(quote.speaker, []).append(quote)

    @cached_property
    def graph(self) -> GraphView:
        """What the Graph page draws (layout and communities); the entity pages' small graphs
        take their colours from it. Made from the entities' names, types and counts and
        who appears with whom (an order-free dict: the view sorts what it takes from it)."""
        inputs = (tuple((e.id, e.name, e.type, self.index.mention_count(e.id),
                         self.index.article_count(e.id)) for e in self.corpus.entities),
                  PlainCounts(self.index.cooccurrence))
        return self.reuse.get("graph view", inputs, partial(graph_view, self.corpus, self.index))

    def page(self, template: str, url: str, **context: Any) -> tuple[str, str]:
        href: Callable[[str], str] = partial(relative_url, url)
        text = self.env.get_template(template).render(
            href=href, corpus=self.corpus, config=self.config, articles_by_id=self.articles,
            **context)
        return page_path(url), text

    def render(self) -> Site:
        # Before the pages: the workers fork with the graph already computed.
        graph_view = to_json(self.graph.document(self.index))
        pages = len(self.corpus.articles) + len(self.corpus.entities)
        # The index pages and data exports take a while and do not need the article and
        # entity pages: a forked process makes them while the workers render those pages,
        # so no core waits for the other. (MemoRenderer makes them here: its Reuse must
        # see every value made, for the next build.)
        rest = Background(
            self.indexes_and_exports, graph_view,
            forked=self.background_rest and workers_for(self.config.jobs, pages) > 1)
        site = Site(files={"data/graph-view.json": graph_view})
        site.pages.update(self.article_and_entity_pages())
        indexes = rest.result()
        site.pages.update(indexes.pages)
        site.files.update(indexes.files)
        site.nav = indexes.nav
        return site

    background_rest = True  # see render(): MemoRenderer keeps what it makes, so it sets False

    def indexes_and_exports(self, graph_view: str) -> Site:
        """Every page but the article and entity pages (the entity and topic indexes, the
        home, timeline and other index pages, Search, Downloads), the navigation, and the
        data exports but the graph view's (`graph_view`), in the site's order."""
        site = Site(nav=[{"Home": "index.md"}, {"Articles": "articles.md"}])
        for entity_type, title, url in ENTITY_SECTIONS:
            members = ranked([e for e in self.corpus.entities if e.type == entity_type],
                             self.index)
            if members or entity_type != "other":
                path, text = self.page("entity_index.md.j2", url, title=title,
                                       entities=members, index=self.index)
                site.pages[path] = text
                site.nav.append({title: path})
        for topic in self.corpus.topics:
            path, text = self.topic_page(topic)
            site.pages[path] = text
        context = self.index_context()
        for template, url, title in (("home.md.j2", "", ""), ("articles.md.j2", "articles/", ""),
                                     ("topics.md.j2", "topics/", "Topics"),
                                     ("timeline.md.j2", "timeline/", "Timeline"),
                                     ("graph.md.j2", "graph/", "Graph"),
                                     ("sources.md.j2", "sources/", "Sources"),
                                     ("curation.md.j2", "curation/", "Curation")):
            path, text = self.index_page(template, url, context)
            site.pages[path] = text
            if title:
                site.nav.append({title: path})
        site.pages.update(self.timeline_year_pages(context["timeline_years"]))
        site.files["data/corpus.json"] = corpus_json(self.corpus, self.index, self.reuse)
        graph = graph_document(self.corpus, self.index)
        site.files["data/graph.json"] = self.reuse.get("graph.json", graph, partial(to_json, graph))
        url = self.config.site_url
        site.files.update({
            "data/entities.csv": entities_csv(self.corpus, self.index),
            "data/mentions.csv": mentions_csv(self.corpus, self.reuse),
            "data/events.csv": self.reuse.get("events.csv", self.corpus.events,
                                              partial(events_csv, self.corpus)),
            "data/quotes.csv": quotes_csv(self.corpus, self.reuse),
            "data/cooccurrence.graphml": self.reuse.get(  # made from the graph document
                "graphml", graph, partial(graphml, self.corpus, self.index)),
            "data/articles.csl.json": csl_json(self.corpus, url, self.reuse),
            "data/articles.bib": bibtex(self.corpus, url, self.reuse),
            "feed.xml": atom_feed(self.corpus, self.config.site_name, url, self.config.built,
                              self.reuse),
        })
        if self.config.pagefind:
            path, text = self.page("find.md.j2", "find/")
            site.pages[path] = text
            site.nav.insert(1, {"Search": path})
        path, text = self.page("downloads.md.j2", "downloads/", files=sorted(
            [*site.files.items(), ("data/graph-view.json", graph_view)]))
        site.pages[path] = text
        site.nav.append({"Downloads": path})
        return site

    def index_page(self, template: str, url: str, context: dict[str, Any]) -> tuple[str, str]:
        """An index page, the last build's Markdown (`serve`) when what it shows is equal
        (INDEX_PAGE_INPUTS, for the pages that list every article and rarely change)."""
        inputs = INDEX_PAGE_INPUTS.get(template)
        if inputs is None:
            return self.page(template, url, **context)
        return page_path(url), self.reuse.get(
            ("page", url), inputs(self.corpus, context),
            lambda: self.page(template, url, **context)[1])

    def article_and_entity_pages(self) -> list[tuple[str, str]]:
        """Most of the site's pages, each independent of the others: rendered on the
        configured number of worker processes, which start as copies of this one (fork), so
        the Corpus is not sent to them. The order, and so the output, is the serial one."""
        pages = [("article", position) for position in range(len(self.corpus.articles))]
        pages += [("entity", position) for position in range(len(self.corpus.entities))]
        global _FORKED_RENDERER
        if sys.platform != "linux":  # no fork: workers would not have this renderer
            return self.pages_of(pages)
        pool = ProcessPool(self.config.jobs)
        _FORKED_RENDERER = self
        try:
            return pool.map(render_in_worker, pages)
        finally:
            pool.close()
            _FORKED_RENDERER = None

    def pages_of(self, pages: list[tuple[str, int]]) -> list[tuple[str, str]]:
        articles = self.corpus.articles
        rendered = []
        for kind, position in pages:
            if kind == "entity":
                rendered.append(self.entity_page(self.corpus.entities[position]))
                continue
            rendered.append(self.article_page(articles[position], *neighbours(articles, position)))
        return rendered

    def entity_page(self, entity: Entity) -> tuple[str, str]:
        mentions = self.index.mentions_by_entity.get(entity.id, [])
        snippets = EntitySnippets.of(self.articles, mentions)
        neighbours = [(self.entities[other], count) for other, count in sorted(
            self.index.cooccurrence.get(entity.id, Counter()).items(),
            key=lambda item: (-item[1], self.entities[item[0]].name.lower()))[:TOP_NEIGHBOURS]]
        names = names_by_language(entity, mentions)
        return self.page(
            "entity.md.j2", entity.url, entity=entity, mention_count=len(mentions),
            snippets=snippets,
            section=next((title, url) for kind, title, url in ENTITY_SECTIONS
                         if kind == entity.type),
            names=names, neighbours=neighbours,
            neighbourhood=neighbourhood(self.index, entity, [e for e, _ in neighbours],
                                        self.graph),
            aliases=[(lang, name) for lang, values in names for name in values
                     if name != entity.name],
            articles=[self.heading(a) for a in self.index.articles_by_entity.get(entity.id, [])],
            events=self.index.events_by_entity.get(entity.id, [])[:MAX_EVENTS],
            quotes=[quote_item(ArticleHeading.of(self.articles[q.article], (q.paragraph,)), q)
                    for q in self.quotes_by_speaker.get(entity.id, [])[:MAX_QUOTES]],
            quote_count=len(self.quotes_by_speaker.get(entity.id, [])))

    def heading(self, article_id: str) -> ArticleHeading:
        """One ArticleHeading per article, shared by the entity pages (one digest each)."""
        found = self.headings.get(article_id)
        if found is None:
            found = self.headings[article_id] = ArticleHeading.of(self.articles[article_id])
        return found

    @cached_property
    def named_by_article(self) -> dict[str, tuple[str, ...]]:
        """Each article's mentions' entity ids (counted on the topic pages)."""
        return {article: tuple(map(attrgetter("entity"), mentions))
                for article, mentions in self.index.mentions_by_article.items()}

    def lead(self, article: Article) -> str:
        """lead_sentence, kept from the last build for the same paragraphs (`serve`)."""
        return self.reuse.get(("lead", article.id), (article.languages, article.paragraphs),
                              partial(lead_sentence, article))

    def topic_page(self, topic: Topic) -> tuple[str, str]:
        members = [a for a in self.corpus.articles
                   if topic.id in self.corpus.article_topics.get(a.id, ())]
        counts: Counter[str] = Counter(chain.from_iterable(
            self.named_by_article.get(a.id, ()) for a in members))
        related = dict.fromkeys(topic.related)
        co_assigned: Counter[str] = Counter(
            other for a in members for other in self.corpus.article_topics.get(a.id, ())
            if other != topic.id)
        related.update(dict.fromkeys(t for t, _ in co_assigned.most_common(5)))
        topics = {t.id: t for t in self.corpus.topics}
        return self.page(
            "topic.md.j2", topic.url, topic=topic,
            articles=[self.heading(a.id) for a in by_date(members)],  # all the page shows
            leads={a.id: self.lead(a) for a in members},
            top_entities=[(self.entities[e], n) for e, n in sorted(
                counts.items(), key=lambda item: (-item[1], item[0]))[:15]],
            related=[topics[t] for t in related if t in topics],
            events=sorted((e for a in members for e in self.index.events_by_article.get(a.id, [])),
                          key=lambda e: (e.date, e.article, e.paragraph))[:MAX_EVENTS])

    def article_page(self, article: Article, previous: Article | None,
                     following: Article | None) -> tuple[str, str]:
        mentions = tuple(self.index.mentions_by_article.get(article.id, []))
        paragraphs = LinkedParagraphs(article, mentions, tuple(
            self.entities[e] for e in dict.fromkeys(m.entity for m in mentions)
            if e in self.entities))
        present = self.present(article.id)
        # headings, not Articles: the neighbours' and copies' pages show only these, so an
        # edit to an article's text leaves their pages (and their context digests) as they were
        copies = sorted((self.heading(other) for other in self.corpus.same_story.get(
            article.id, ())), key=lambda a: (a.date is None, a.date or "", a.id))
        people = {name: e for e in present if e.type == "person" for name in e.all_names}
        authors = [(name, people.get(name)) for name in article.authors]
        publisher = next((e for e in present if e.type == "organization" and
                          article.publisher in e.all_names), None)
        return self.page("article.md.j2", article.url, article=article, paragraphs=paragraphs,
                         previous=self.heading(previous.id) if previous else None,
                         following=self.heading(following.id) if following else None,
                         same_story=copies,
                         authors=authors, publisher=publisher,
                         json_ld=ArticleJsonLd(article, tuple(present), self.config.site_url),
                         entities_by_type=self.entities_by_type(present))

    def present(self, article_id: str) -> list[Entity]:
        """The entities an article names, by first mention."""
        return [self.entities[e] for e in self.index.entities_by_article.get(article_id, [])]

    def entities_by_type(self, present: list[Entity]) -> list[tuple[str, list[Entity]]]:
        """An article page's entity list: by section, each ranked (by corpus-wide mentions)."""
        by_type = [(title, ranked([e for e in present if e.type == entity_type], self.index))
                   for entity_type, title, _ in ENTITY_SECTIONS]
        return [(title, group) for title, group in by_type if group]

    def timeline_year_pages(self, years: list[TimelineYear]) -> dict[str, str]:
        """One page per year of a split timeline (none when the timeline is a single page)."""
        pages: dict[str, str] = {}
        for position, year in enumerate(years):
            path, text = self.timeline_year_page(year, *neighbours(years, position))
            pages[path] = text
        return pages

    def timeline_year_page(self, year: TimelineYear, previous: TimelineYear | None,
                           following: TimelineYear | None) -> tuple[str, str]:
        return self.page(
            "timeline_year.md.j2", year.url, year=year, previous=previous, following=following,
            months=events_by_month(year.events),
            entities=[self.entities[e] for e, _ in
                      year.entities.most_common(TIMELINE_FILTER_ENTITIES)])

    def index_context(self) -> dict[str, Any]:
        articles = self.corpus.articles
        dated = sorted((a for a in articles if a.date), key=lambda a: (a.date, a.id),
                       reverse=True)
        by_publisher: dict[str, list[Article]] = {}
        for article in sorted(articles, key=lambda a: ((a.publisher or "~").lower(), a.id)):
            by_publisher.setdefault(article.publisher or "Unknown publisher", []).append(article)
        languages: Counter[str] = Counter(lang for a in articles for lang in a.languages)
        return {
            "dated": dated, "undated": [a for a in articles if not a.date],
            "by_publisher": by_publisher, "languages": sorted(languages.items()),
            "skipped": [p for p in self.corpus.problems if p.skipped],
            "warnings": [p for p in self.corpus.problems if not p.skipped],
            "words": sum(self.reuse.get(("words", a.id), a.paragraphs,
                                        partial(getattr, a, "word_count")) for a in articles),
            "index": self.index,
            "top_entities": ranked(list(self.corpus.entities), self.index)[:15],
            "topic_counts": {t.id: self.index.story_count(
                a for a, ts in self.corpus.article_topics.items() if t.id in ts)
                for t in self.corpus.topics},
            "events_by_year": events_by_year(self.corpus.events),
            "timeline_years": (timeline_years(self.corpus.events, self.corpus.article_topics)
                               if timeline_split(self.corpus.events) else []),
            "count_attribute": count_attribute,
            "strongest_pairs": strongest_pairs(self.index, self.entities),
            "graph": self.graph.summary(),
            "top_entities_in_events": [self.entities[e] for e, _ in Counter(
                e for event in self.corpus.events for e in event.entities).most_common(
                TIMELINE_FILTER_ENTITIES)],
        }


@dataclass(frozen=True)
class LinkedParagraphs:
    """An article's paragraphs, each with its HTML (escaped, the first mention of each entity
    linked), made only when the template goes through them: a page `serve` keeps from the last
    build (incremental.py) skips the work, and its digest is of these inputs, not the HTML."""

    article: Article
    mentions: tuple[Mention, ...]
    linked: tuple[Entity, ...]  # the entities the mentions name

    def __iter__(self) -> Iterator[tuple[Paragraph, Markup]]:
        href = partial(relative_url, self.article.url)
        entities = {entity.id: entity for entity in self.linked}
        by_paragraph: dict[int, list[Mention]] = {}
        for mention in self.mentions:
            by_paragraph.setdefault(mention.paragraph, []).append(mention)
        for paragraph in self.article.paragraphs:
            yield paragraph, paragraph_html(paragraph, by_paragraph.get(paragraph.index, []),
                                            href, entities)


@dataclass(frozen=True)
class ArticleJsonLd:
    """The article page's schema.org data, written when the template prints it (like
    LinkedParagraphs: a kept page skips the work, its digest is of the inputs)."""

    article: Article
    entities: tuple[Entity, ...]
    site_url: str

    def __html__(self) -> str:  # escaped for a <script> element already: see export.py
        return article_json_ld(self.article, list(self.entities), self.site_url)

    __str__ = __html__


def paragraph_html(paragraph: Paragraph, mentions: list[Mention], href: Callable[[str], str],
                   entities: dict[str, Any]) -> Markup:
    """The paragraph's text, escaped, with the first mention of each entity linked."""
    pieces: list[str] = []
    cursor = 0
    linked: set[str] = set()
    for mention in sorted(mentions, key=lambda m: m.start):
        start, end = mention.start - paragraph.start, mention.end - paragraph.start
        if mention.entity in linked or start < cursor or mention.entity not in entities:
            continue
        linked.add(mention.entity)
        entity = entities[mention.entity]
        pieces.append(str(escape(paragraph.text[cursor:start])))
        pieces.append(f'<a class="entity entity-{entity.type}" '
                      f'href="{escape(href(entity.url))}">{escape(paragraph.text[start:end])}</a>')
        cursor = end
    pieces.append(str(escape(paragraph.text[cursor:])))
    return Markup("".join(pieces))


def snippet(article: Article | ArticleHeading, mention: Mention,
            also: Sequence[Mention] = ()) -> dict[str, Any]:
    """Keyword in context: the words around a mention, cut at word boundaries; `also` (other
    mentions in the paragraph) are marked in `pieces` where they fall inside."""
    paragraph = article.paragraphs[mention.paragraph]
    start, end = mention.start - paragraph.start, mention.end - paragraph.start
    text = paragraph.text
    left_edge = max(0, start - SNIPPET_CONTEXT)
    right_edge = min(len(text), end + SNIPPET_CONTEXT)
    if left_edge > 0:
        left_edge = text.find(" ", left_edge, start) + 1 or left_edge
    if right_edge < len(text):
        right_edge = text.rfind(" ", end, right_edge) if text.rfind(" ", end, right_edge) > 0 \
            else right_edge
    pieces: list[tuple[str, bool]] = [("…" if left_edge > 0 else "", False)]
    cursor = left_edge
    for other in sorted({mention, *also}, key=lambda m: m.start):
        first, last = other.start - paragraph.start, other.end - paragraph.start
        if first >= cursor and last <= right_edge:
            pieces += [(text[cursor:first], False), (text[first:last], True)]
            cursor = last
    pieces.append((text[cursor:right_edge] + ("…" if right_edge < len(text) else ""), False))
    return {"left": ("…" if left_edge > 0 else "") + text[left_edge:start],
            "match": text[start:end],
            "right": text[end:right_edge] + ("…" if right_edge < len(text) else ""),
            "pieces": [piece for piece in pieces if piece[0]],
            "url": f"{article.url}#p{paragraph.index}", "lang": paragraph.lang,
            "rtl": paragraph.rtl}


@dataclass(frozen=True)
class ArticleHeading:
    """What an entity page shows of an article: its heading, and the paragraphs its snippets
    and quotes come from. Not the whole Article, so that an edit elsewhere in the article
    leaves the page as it was (and `serve` keeps it: incremental.py digests the context)."""

    id: str
    display_title: str
    title_derived: bool
    date: str | None
    publisher: str | None
    url: str
    paragraphs: dict[int, Paragraph]  # by index: only those the page quotes

    @classmethod
    def of(cls, article: Article, paragraphs: Sequence[int] = ()) -> ArticleHeading:
        return cls(article.id, article.display_title, article.title_derived, article.date,
                   article.publisher, article.url,
                   {index: article.paragraphs[index] for index in sorted(set(paragraphs))})


@dataclass(frozen=True)
class EntitySnippets:
    """An entity's mentions grouped by article, as `mentions_by_article` gives them, made only
    when the template goes through them (like LinkedParagraphs): the mentions and article
    headings it needs, those of the first MAX_SNIPPETS articles."""

    mentions: tuple[Mention, ...]
    articles: tuple[ArticleHeading, ...]

    @classmethod
    def of(cls, articles: dict[str, Article], mentions: list[Mention]) -> EntitySnippets:
        paragraphs: dict[str, list[int]] = {}  # the first MAX_SNIPPETS articles, in order
        for mention in mentions:
            if mention.article in paragraphs or len(paragraphs) < MAX_SNIPPETS:
                paragraphs.setdefault(mention.article, []).append(mention.paragraph)
        return cls(tuple(m for m in mentions if m.article in paragraphs),
                   tuple(ArticleHeading.of(articles[article], found)
                         for article, found in paragraphs.items()))

    def __iter__(self) -> Iterator[dict[str, Any]]:
        articles = {article.id: article for article in self.articles}
        return iter(mentions_by_article(articles, list(self.mentions)))


def mentions_by_article(articles: dict[str, ArticleHeading],
                        mentions: list[Mention]) -> list[dict[str, Any]]:
    """An entity's mentions for its page, grouped by article (in the order they come): one
    snippet per paragraph, with every mention of the entity inside it marked; the first
    SNIPPETS_SHOWN of an article are shown, the rest folded. At most MAX_SNIPPETS in all,
    the shown ones of every article first; what is left out is counted (`covered`) and
    stays in corpus.json and mentions.csv."""
    paragraphs: dict[str, dict[int, list[Mention]]] = {}
    for mention in mentions:  # an article's mentions are contiguous, in corpus order
        if mention.article not in paragraphs and len(paragraphs) >= MAX_SNIPPETS:
            break  # no snippet left for this article: the page need not read further
        paragraphs.setdefault(mention.article, {}).setdefault(mention.paragraph, []).append(
            mention)
    budget = MAX_SNIPPETS
    groups: list[dict[str, Any]] = []
    for article_id, by_paragraph in paragraphs.items():
        keep = min(SNIPPETS_SHOWN, len(by_paragraph), budget)
        budget -= keep
        groups.append({"article": articles[article_id], "paragraphs": list(by_paragraph.values()),
                       "shown": keep, "mentions": sum(map(len, by_paragraph.values()))})
    for group in groups:
        folded = min(len(group["paragraphs"]) - group["shown"], budget)
        budget -= folded
        group["folded"] = folded
    kept = []
    for group in groups:
        if not group["shown"]:
            continue
        article, taken = group["article"], group["paragraphs"][:group["shown"] + group["folded"]]
        snippets = [snippet(article, min(found, key=lambda m: m.start), found) for found in taken]
        kept.append({"article": article, "mentions": group["mentions"],
                     "paragraphs": len(group["paragraphs"]),
                     "shown": snippets[:group["shown"]], "folded": snippets[group["shown"]:],
                     "covered": sum(len(found) for found in taken)})
    return kept


def quote_item(article: Article | ArticleHeading, quote: Quote) -> dict[str, Any]:
    """What an entity page shows of a quote: its words (untrusted: the template escapes them),
    the paragraph they stand in, and the paragraph's language and direction."""
    paragraph = article.paragraphs[quote.paragraph]
    return {"text": quote.text, "kind": quote.kind, "url": f"{article.url}#p{paragraph.index}",
            "article": article, "lang": paragraph.lang, "rtl": paragraph.rtl}


def names_by_language(entity: Entity, mentions: list[Mention]) -> list[tuple[str, list[str]]]:
    """Every name of the entity, listed and seen, grouped by language (script)."""
    names: dict[str, dict[str, None]] = {}
    names.setdefault("en", {})[entity.name] = None
    for lang, aliases in entity.aliases.items():
        for alias in aliases:
            names.setdefault(lang, {})[alias] = None
    for surface in dict.fromkeys(mention.surface for mention in mentions):
        script = script_of(surface)
        names.setdefault("en" if script == "latin" else script, {})[surface] = None
    order = {"en": 0, "ar": 1, "he": 2}
    return [(lang, list(values)) for lang, values in
            sorted(names.items(), key=lambda item: (order.get(item[0], 9), item[0]))]


def by_date(articles: list[Article]) -> list[Article]:
    """Dated articles newest first, then the undated in corpus order."""
    dated = sorted((a for a in articles if a.date), key=lambda a: (a.date or "", a.id),
                   reverse=True)
    return dated + [a for a in articles if not a.date]


def lead_sentence(article: Article) -> str:
    body = [p for p in article.paragraphs if p.kind == "text"]
    main = [p for p in body if p.lang == article.languages[0]] or body
    found = sentences(main[0].text) if main else []
    return found[0][0].strip() if found else ""


def neighbours(items: Sequence[Item], position: int) -> tuple[Item | None, Item | None]:
    """The items before and after `position`, for previous/next links."""
    previous = items[position - 1] if position > 0 else None
    following = items[position + 1] if position + 1 < len(items) else None
    return previous, following


def events_by_year(events: tuple[Event, ...]) -> list[tuple[str, list[Event]]]:
    years: dict[str, list[Event]] = {}
    for event in events:
        years.setdefault(event.year, []).append(event)
    return list(years.items())


@dataclass(frozen=True)
class TimelineYear:
    """One year of a split timeline: its events in date order, and how many of them name each
    entity and fall under each topic (for the filters)."""

    year: str
    events: list[Event]
    entities: Counter[str]
    topics: Counter[str]

    @property
    def url(self) -> str:
        return f"timeline/{self.year}/"


def timeline_split(events: tuple[Event, ...]) -> bool:
    """Whether the timeline is one page per year rather than a single page."""
    return len(events) > TIMELINE_SPLIT_EVENTS


def timeline_years(events: tuple[Event, ...],
                   article_topics: dict[str, tuple[str, ...]]) -> list[TimelineYear]:
    """The years that have events, oldest first, each with its events in date order (a stable
    sort: events of one date keep the corpus order)."""
    in_date_order = tuple(sorted(events, key=lambda e: e.date))
    return [TimelineYear(year, members, Counter(e for event in members for e in event.entities),
                         Counter(t for event in members
                                 for t in article_topics.get(event.article, ())))
            for year, members in events_by_year(in_date_order)]


MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")


def events_by_month(events: list[Event]) -> list[tuple[str, str, list[Event]]]:
    """A year's events (in date order) grouped by month: (anchor, heading, events). Events
    dated to the year only come first, under their own heading."""
    months: dict[str, list[Event]] = {}
    for event in events:
        months.setdefault(event.date[:7], []).append(event)
    return [(f"m{key}", month_heading(key), members) for key, members in months.items()]


def month_heading(key: str) -> str:
    """ "2023-10" -> "October 2023"; a bare year is the heading for events without a month."""
    if len(key) < 7:
        return f"{key}, month not stated"
    month = int(key[5:7])
    return f"{MONTH_NAMES[month - 1]} {key[:4]}" if 1 <= month <= 12 else key


def count_attribute(counts: Counter[str], keep: list[str]) -> str:
    """Counts as a data attribute value, "id:count id:count", for the ids in `keep` (in that
    order) that have any."""
    return " ".join(f"{key}:{counts[key]}" for key in keep if counts[key])


def strongest_pairs(index: Index, entities: dict[str, Entity],
                    limit: int = 100) -> list[tuple[Entity, Entity, int]]:
    pairs = [(weight, a, b) for a, others in index.cooccurrence.items()
             for b, weight in others.items() if a < b]
    pairs.sort(key=lambda p: (-p[0], entities[p[1]].name, entities[p[2]].name))
    return [(entities[a], entities[b], weight) for weight, a, b in pairs[:limit]]


@dataclass(frozen=True, eq=False)
class PlainCounts:
    """Who appears with whom, compared as plain dicts: Counter's own `==` is a Python loop
    over every pair (a second at 10,000 articles); a Counter here never holds a zero, so the
    two agree."""

    counts: dict[str, Counter[str]]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PlainCounts):
            return NotImplemented
        mine, theirs = self.counts, other.counts
        return mine.keys() == theirs.keys() and all(
            dict.__eq__(found, theirs[key]) for key, found in mine.items())


def heading_values(articles: Sequence[Article]) -> tuple[tuple[Any, ...], ...]:
    """What `article_line` prints of each article (and its url's id)."""
    return tuple((a.id, a.title, a.display_title, a.date, a.publisher) for a in articles)


# What an index page's template reads, for the pages INDEX_PAGE_INPUTS keeps: values whose
# `==` is exact (see reuse.py); tests/test_incremental.py checks the templates read no more.
INDEX_PAGE_INPUTS: dict[str, Callable[[Corpus, dict[str, Any]], Any]] = {
    "articles.md.j2": lambda corpus, context: (
        len(corpus.articles), len(corpus.sources), heading_values(context["dated"]),
        heading_values(context["undated"]),
        tuple((publisher, heading_values(articles))
              for publisher, articles in context["by_publisher"].items())),
    "curation.md.j2": lambda corpus, context: (corpus.unknown_names, corpus.ambiguous),
}


_FORKED_RENDERER: Renderer | None = None  # what a forked worker renders with


def render_in_worker(pages: list[tuple[str, int]]) -> list[tuple[str, str]]:
    assert _FORKED_RENDERER is not None
    return _FORKED_RENDERER.pages_of(pages)


def render_site(corpus: Corpus, config: Config) -> Site:
    return Renderer(corpus, config).render()
