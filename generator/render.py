"""Rendering the Corpus into Markdown pages (Jinja2 templates in templates/*.md.j2).

Article text is untrusted. It only ever reaches a page inside an HTML element, escaped by
Jinja's autoescape, so Python-Markdown passes it through as literal text: no Markdown, HTML
or template syntax in an article can become structure. Links are made relative here because
Markdown does not rewrite links inside raw HTML.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from .config import Config
from .export import corpus_document, to_json
from .model import Article, Corpus, Mention, Paragraph
from .slugs import page_path, relative_url

TEMPLATES = Path(__file__).parent / "templates"
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
    env.filters["yaml_string"] = yaml_string
    return env


def yaml_string(value: str) -> Markup:
    """A YAML double-quoted scalar for front matter, safe whatever the value holds."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in escaped)
    return Markup(f'"{escaped}"')


class Renderer:
    def __init__(self, corpus: Corpus, config: Config) -> None:
        self.corpus = corpus
        self.config = config
        self.env = environment()
        self.mentions_by_article: dict[str, list[Mention]] = {}
        for mention in corpus.mentions:
            self.mentions_by_article.setdefault(mention.article, []).append(mention)
        self.entities = {entity.id: entity for entity in corpus.entities}

    def page(self, template: str, url: str, **context: Any) -> tuple[str, str]:
        href: Callable[[str], str] = partial(relative_url, url)
        text = self.env.get_template(template).render(
            href=href, corpus=self.corpus, config=self.config, **context)
        return page_path(url), text

    def render(self) -> Site:
        site = Site()
        articles = self.corpus.articles
        for position, article in enumerate(articles):
            previous = articles[position - 1] if position > 0 else None
            following = articles[position + 1] if position + 1 < len(articles) else None
            path, text = self.article_page(article, previous, following)
            site.pages[path] = text
        for template, url in (("home.md.j2", ""), ("articles.md.j2", "articles/"),
                              ("sources.md.j2", "sources/")):
            path, text = self.page(template, url, **self.index_context())
            site.pages[path] = text
        site.files["data/corpus.json"] = to_json(corpus_document(self.corpus))
        site.nav = [{"Home": "index.md"}, {"Articles": "articles.md"},
                    {"Sources": "sources.md"}]
        return site

    def article_page(self, article: Article, previous: Article | None,
                     following: Article | None) -> tuple[str, str]:
        mentions = self.mentions_by_article.get(article.id, [])
        href = partial(relative_url, article.url)
        paragraphs = [(p, paragraph_html(p, [m for m in mentions if m.paragraph == p.index],
                                         href, self.entities))
                      for p in article.paragraphs]
        return self.page("article.md.j2", article.url, article=article, paragraphs=paragraphs,
                         previous=previous, following=following)

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
            "words": sum(a.word_count for a in articles),
        }


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


def render_site(corpus: Corpus, config: Config) -> Site:
    return Renderer(corpus, config).render()
