"""The research views in a real browser: who said what on an entity page, the same story
across outlets on an article page, and a topic derived from the corpus."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import run_cli
from .test_browser import served
from .test_derived_topics import BEES, LIGHTHOUSES
from .test_derived_topics import write_corpus as write_subjects
from .test_same_story import COPIES
from .test_same_story import write_corpus as write_copies

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def views_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """Copies of one story beside two unrelated subjects no curated topic covers."""
    folder = tmp_path_factory.mktemp("views")
    articles = write_subjects(folder / "input", BEES + LIGHTHOUSES)
    write_copies(articles / "story")
    site = folder / "site"
    result = run_cli("build", "--input", str(articles), "--site", str(site), "--no-ner")
    assert result.returncode == 0, result.stderr
    with served(site) as url:
        yield url, site


def corpus_json(site: Path) -> dict[str, Any]:
    return json.loads((site / "data" / "corpus.json").read_text(encoding="utf-8"))


def test_same_story_links_open_the_other_copies(page: Any,
                                                views_site: tuple[str, Path]) -> None:
    url, site = views_site
    articles = corpus_json(site)["articles"]
    original = next(a for a in articles if a["source_file"] == f"story/{COPIES[0]}")
    assert len(original["same_story"]) == len(COPIES) - 1
    page.goto(url + original["url"])
    links = page.locator(".same-story a")
    assert links.count() == len(COPIES) - 1
    target = links.first.get_attribute("href")
    links.first.click()
    page.wait_for_load_state()
    assert page.url.rstrip("/").endswith(target.strip("./").rstrip("/").split("/")[-1])
    assert page.locator("h1").count() == 1 and page.errors == []


def test_a_derived_topic_page_says_it_is_derived(page: Any,
                                                 views_site: tuple[str, Path]) -> None:
    url, site = views_site
    derived = [t for t in corpus_json(site)["topics"] if t.get("derived")]
    assert derived
    page.goto(url + derived[0]["url"])
    body = page.locator("article").inner_text()
    assert "derived from the corpus" in body.lower()
    members = page.locator("article a[href*='articles/']")
    assert members.count() >= 2
    members.first.click()
    page.wait_for_load_state()
    assert "/articles/" in page.url and page.errors == []


def test_quotes_section_links_the_paragraph_it_came_from(page: Any, seed_site: Path) -> None:
    quotes = [q for q in corpus_json(seed_site)["quotes"] if q["speaker"]]
    assert quotes, "the seeds have attributed quotes"
    with served(seed_site) as site_url:
        page.goto(f"{site_url}entities/{quotes[0]['speaker']}/")
        follow_a_quote(page)


def follow_a_quote(page: Any) -> None:
    assert page.locator("#quotes").count() == 1
    links = page.locator("ul.quotes a[href*='#p']")
    assert links.count() >= 1
    anchor = links.first.get_attribute("href").split("#")[1]
    links.first.click()
    page.wait_for_load_state()
    assert page.locator(f"#{anchor}").count() == 1 and page.errors == []
