"""A large corpus splits the timeline into one page per year; a small one keeps a single page.

Rendered from a synthetic Corpus, without MkDocs: the Markdown pages are checked, and a year
page is put through Python-Markdown to show article text stays literal text.
"""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown

from generator.config import Config
from generator.model import Article, Corpus, Entity, Event, Paragraph, Topic
from generator.render import TIMELINE_SPLIT_EVENTS, Site, render_site

YEARS = ("2019", "2020", "2021", "2023")  # 2022 has no events: no page for it
HOSTILE = "<script>alert(1)</script> **bold** [x](javascript:alert(2)) {{ config }} # not"
EXTENSIONS = ["attr_list", "toc", "tables"]  # as in mkdocs.yml


def event_date(year: str, number: int) -> str:
    """Dates of every precision: a bare year, a month, a day."""
    if number % 7 == 0:
        return year
    month = number % 12 + 1
    return f"{year}-{month:02d}" if number % 5 == 0 else f"{year}-{month:02d}-{number % 28 + 1:02d}"


def corpus_with(events_per_year: int, years: tuple[str, ...] = YEARS) -> Corpus:
    """One article per event (its only paragraph states it), entities and a topic on some."""
    entities = (Entity("alpha", "Alpha", "person"), Entity("beta", "Beta", "place"))
    articles: list[Article] = []
    events: list[Event] = []
    topics: dict[str, tuple[str, ...]] = {}
    for year in years:
        for number in range(events_per_year):
            article_id = f"article-{year}-{number}"
            text = f"Event {number} of {year} happened." + (" " + HOSTILE if number == 3 else "")
            articles.append(Article(
                id=article_id, source_file=f"{year}.txt", index_in_file=number, sha256="0" * 64,
                title=f"Article {number} of {year}", display_title=f"Article {number} of {year}",
                date=None, publisher=None, languages=("en",),
                paragraphs=(Paragraph(0, text, 0, len(text), "en"),)))
            events.append(Event(event_date(year, number), text, article_id, 0,
                                ("alpha",) if number % 2 else ("alpha", "beta")))
            if number % 3 == 0:
                topics[article_id] = ("raids",)
    events.sort(key=lambda e: e.date)  # the pipeline hands events over in date order
    return Corpus(sources=(), articles=tuple(articles), problems=(), entities=entities,
                  topics=(Topic("raids", "Raids"),), article_topics=topics, events=tuple(events))


def render(corpus: Corpus) -> Site:
    return render_site(corpus, Config(input_dir=Path("."), knowledge_dir=Path("."), ner=False))


@functools.cache
def large() -> tuple[Corpus, Site]:
    """A corpus just over the split threshold, rendered once for the tests that read it."""
    corpus = corpus_with(TIMELINE_SPLIT_EVENTS // len(YEARS) + 10)
    assert len(corpus.events) > TIMELINE_SPLIT_EVENTS
    return corpus, render(corpus)


def event_rows(page: str) -> list[str]:
    return [line for line in page.splitlines() if line.startswith('<li class="event"')]


def test_a_large_corpus_gets_one_page_per_year_with_that_years_events_in_date_order() -> None:
    corpus, site = large()
    year_pages = sorted(path for path in site.pages if re.fullmatch(r"timeline/\d+\.md", path))
    assert year_pages == [f"timeline/{year}.md" for year in YEARS]
    for year in YEARS:
        page = site.pages[f"timeline/{year}.md"]
        expected = [e for e in corpus.events if e.year == year]
        assert len(event_rows(page)) == len(expected)
        dates = re.findall(r'<li class="event" data-date="([^"]+)"', page)
        assert dates == sorted(dates) and {d[:4] for d in dates} == {year}
        for event in expected:
            assert f'href="../../articles/{event.article}/#p0"' in page
        assert f"<h1>Timeline {year}</h1>" in page


def test_the_timeline_page_links_every_year_with_its_count_and_holds_no_events() -> None:
    corpus, site = large()
    index = site.pages["timeline.md"]
    assert event_rows(index) == []
    assert 'id="timeline-list"' not in index
    assert "Event 1 of 2019" not in index  # no event text inline: the years hold it
    for year in YEARS:
        count = sum(e.year == year for e in corpus.events)
        alpha = sum(e.year == year and "alpha" in e.entities for e in corpus.events)
        assert re.search(rf'<li data-year="{year}" data-count="{count}" '
                         rf'data-entities="alpha:{alpha} beta:\d+" data-topics="raids:\d+">'
                         rf'<a href="{year}/">{year}</a> <span class="count">{count} events',
                         index), year
    assert 'href="2022/"' not in index
    assert "vis-timeline-graph2d.min.js" in index and 'id="timeline-view"' in index
    assert site.nav.count({"Timeline": "timeline.md"}) == 1
    assert not any("timeline/" in path for entry in site.nav for path in entry.values())


def test_year_pages_have_breadcrumbs_and_links_to_the_neighbouring_years() -> None:
    _, site = large()
    page = site.pages["timeline/2021.md"]
    assert ('<nav class="crumbs" aria-label="Breadcrumb"><a href="../../">Home</a> › '
            '<a href="../">Timeline</a></nav>') in page
    assert '<a href="../2020/" rel="prev">← 2020</a>' in page
    assert '<a href="../2023/" rel="next">2023 →</a>' in page
    assert 'rel="prev"' not in site.pages["timeline/2019.md"]
    assert 'rel="next"' not in site.pages["timeline/2023.md"]
    assert 'title: "Timeline 2021"' in page
    assert 'src="../../assets/javascripts/timeline.js"' in page


class Collector(HTMLParser):
    """Script elements, and the text of each event's link."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.in_event = False
        self.in_link = False
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts.append(dict(attrs).get("src") or "")
        if tag == "li" and dict(attrs).get("class") == "event":
            self.in_event = True
        elif tag == "a" and self.in_event:
            self.in_link = True
            self.links.append("")

    def handle_endtag(self, tag: str) -> None:
        self.in_event = self.in_event and tag != "li"
        self.in_link = self.in_link and tag != "a"

    def handle_data(self, data: str) -> None:
        if self.in_link:
            self.links[-1] += data


def test_article_text_on_a_year_page_stays_literal_text() -> None:
    _, site = large()
    page = site.pages["timeline/2020.md"]
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    html = markdown.markdown(page.split("---", 2)[2], extensions=EXTENSIONS)
    found = Collector()
    found.feed(html)
    assert all(src.endswith(".js") for src in found.scripts)  # only the page's own scripts
    assert any(link.endswith(HOSTILE) for link in found.links)
    assert "<strong>bold</strong>" not in html and 'href="javascript:' not in html


def test_the_split_output_is_deterministic() -> None:
    corpus, first = large()
    assert render(corpus).pages == first.pages


def test_a_small_corpus_keeps_the_single_timeline_page() -> None:
    corpus = corpus_with(TIMELINE_SPLIT_EVENTS // len(YEARS))
    assert len(corpus.events) <= TIMELINE_SPLIT_EVENTS
    site = render(corpus)
    assert not any(re.fullmatch(r"timeline/.+\.md", path) for path in site.pages)
    index = site.pages["timeline.md"]
    assert len(event_rows(index)) == len(corpus.events)
    assert 'id="timeline-list"' in index and 'id="timeline-years"' not in index
    for year in YEARS:
        assert f'<section class="timeline-year" data-year="{year}">' in index
