"""What a reader does in a real browser (Debian's chromium driven by Playwright).

Skipped when chromium is missing on a developer machine; in CI (CI=true) a missing browser
fails the run, so these tests cannot silently stop running.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT, SEEDS

pytestmark = [pytest.mark.browser, pytest.mark.slow]
AXE = ROOT / "tests" / "vendor" / "axe-4.14.1.min.js"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@contextmanager
def served(folder: Path) -> Iterator[str]:
    """A built site on a free local port, as a static host would serve it."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="module")
def site_url(seed_site: Path) -> Iterator[str]:
    with served(seed_site) as url:
        yield url


def search(page: Any, site_url: str, query: str) -> list[str]:
    page.goto(site_url)
    page.click("input[data-md-component=search-query]")
    meta = "document.querySelector('.md-search-result__meta').textContent"
    page.wait_for_function(f"() => !{meta}.includes('Initializing')")  # the index is loaded
    box = page.locator("input[data-md-component=search-query]")
    box.fill(query)
    box.press("End")  # a real key event: Material searches on keyboard input
    page.wait_for_function(f"() => {meta}.includes('matching')")
    page.wait_for_timeout(300)
    return [link.get_attribute("href") for link in
            page.locator(".md-search-result__item > .md-search-result__link").all()]


def test_home_page_loads_without_console_errors(page: Any, site_url: str) -> None:
    page.goto(site_url)
    assert page.locator("h1").first.inner_text()
    assert "articles" in page.locator(".figures").inner_text()
    assert page.errors == []


# The three words of the issue, and the pages a reader expects at the top.
SEARCH_CASES = [("Hamdan", ("entities/mohamed-hamdan/", "entities/osama-hamdan/")),
                ("حماس", ("entities/hamas/",)), ("חמאס", ("entities/hamas/",))]


@pytest.mark.parametrize(("query", "first"), SEARCH_CASES)
def test_search_in_three_languages(page: Any, site_url: str, query: str,
                                   first: tuple[str, ...]) -> None:
    results = search(page, site_url, query)
    assert results, f"nothing found for {query}"
    assert any(results[0].endswith(url) or f"/{url}" in results[0] for url in first), results
    assert any("israeli-security-source-confirms" in r for r in results), results


def test_entity_link_and_snippet_round_trip(page: Any, site_url: str) -> None:
    page.goto(site_url + "articles/israeli-palestinian-coordination-against-hamas/")
    link = page.locator("#p5 a.entity", has_text="Osama Hamdan")
    link.click()
    page.wait_for_url("**/entities/osama-hamdan/")
    assert "Osama Hamdan" in page.locator("h1").inner_text()
    page.locator("a.kwic").first.click()
    page.wait_for_url("**/articles/israeli-palestinian-coordination-against-hamas/#p5")
    assert "Osama Hamdan" in page.locator("#p5").inner_text()


def test_rtl_paragraphs_have_computed_direction(page: Any, site_url: str) -> None:
    page.goto(site_url + "articles/israeli-security-source-confirms-assassination-attempt-"
              "against-hamas-operative/")
    direction = "el => getComputedStyle(el).direction"
    assert page.locator("#p0").evaluate(direction) == "rtl"
    assert page.locator("#p1").evaluate(direction) == "rtl"
    assert page.locator("#p3").evaluate(direction) == "ltr"
    assert page.locator("#p0").get_attribute("lang") == "ar"
    assert page.locator("#p1").get_attribute("lang") == "he"


def test_timeline_filters_and_links_to_the_paragraph(page: Any, site_url: str) -> None:
    page.goto(site_url + "timeline/")
    page.wait_for_selector(".vis-timeline")
    everything = page.locator("li.event:visible").count()
    page.select_option("#timeline-entity", "mazen-fuqha")
    filtered = page.locator("li.event:visible")
    assert 0 < filtered.count() < everything
    filtered.first.locator("a").click()
    page.wait_for_url("**/articles/israeli-palestinian-coordination-against-hamas/#p*")
    assert page.errors == []


def test_timeline_without_javascript(browser: Any, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(site_url + "timeline/")
    assert plain.locator("li.event").count() >= 10
    assert plain.locator("li.event a").first.is_visible()
    context.close()


@pytest.mark.parametrize("path", [
    "", "articles/israel-plans-to-kill-hamas-leaders-around-the-world-after-war/",
    "entities/hamas/", "topics/targeted-killing/", "timeline/", "graph/"])
def test_no_serious_accessibility_violations(page: Any, site_url: str, path: str) -> None:
    page.goto(site_url + path)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    serious = [f"{v['id']}: {v['help']} ({len(v['nodes'])})" for v in result["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == []


def test_graph_renders_nodes_and_a_click_opens_the_entity(page: Any, site_url: str) -> None:
    page.goto(site_url + "graph/")
    page.wait_for_function("() => Number(document.getElementById('graph-view').dataset.nodes) > 5")
    page.evaluate("() => { const n = document.getElementById('graph-view').network;"
                  " n.stopSimulation(); n.fit(); }")
    page.wait_for_timeout(1000)  # let the layout settle before aiming at a node
    # Aim at the centre of a node that no other node overlaps there: where nodes overlap,
    # which one a click picks is vis-network's choice, not the page's.
    target = page.evaluate("""() => {
        const view = document.getElementById('graph-view');
        const network = view.network;
        const ids = view.dataset.nodeIds.split(' ');
        const positions = network.getPositions(ids);
        const covers = (other, point) => {
            const b = network.getBoundingBox(other);
            return point.x >= b.left && point.x <= b.right && point.y >= b.top
                && point.y <= b.bottom;
        };
        const id = ids.find(candidate => ids.every(
            other => other === candidate || !covers(other, positions[candidate])));
        const dom = network.canvasToDOM(positions[id]);
        const box = view.getBoundingClientRect();
        return {id: id, x: box.left + dom.x, y: box.top + dom.y};
    }""")
    assert target["id"], "every node overlaps another"
    page.mouse.click(target["x"], target["y"])
    page.wait_for_url(f"**/entities/{target['id']}/")
    assert page.errors == []


def test_graph_weight_filter_hides_weak_links(page: Any, site_url: str) -> None:
    page.goto(site_url + "graph/")
    page.wait_for_function("() => Number(document.getElementById('graph-view').dataset.nodes) > 5")
    before = int(page.locator("#graph-view").get_attribute("data-nodes"))
    page.locator("#graph-weight").fill("2")
    page.wait_for_function(f"() => Number(document.getElementById('graph-view')"
                           f".dataset.nodes) < {before}")


@pytest.fixture(scope="module")
def pagefind_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The seed site built with `search: pagefind`, the option for large sites."""
    from .conftest import run_cli

    site = tmp_path_factory.mktemp("pagefind") / "site"
    result = run_cli("build", "--site", str(site), "--search", "pagefind")
    assert result.returncode == 0, result.stderr
    assert (site / "pagefind" / "pagefind-ui.js").exists()
    assert not (site / "search" / "search_index.json").exists()
    with served(site) as url:
        yield url


def test_pagefind_leaves_out_what_every_article_page_repeats(page: Any,
                                                             pagefind_url: str) -> None:
    """The metadata, entity list and citation around an article's text are not indexed: the
    hex part of a seed's file name, which an article page prints only there, finds the
    Sources page that lists it, and no article page."""
    hex_part = sorted(SEEDS.glob("*.txt"))[0].stem.split("_")[-1]
    links = pagefind_results(page, pagefind_url, hex_part)
    assert any("/sources/" in link for link in links), links
    assert not any("/articles/" in link for link in links), links


@pytest.mark.parametrize(("query", "expected"), SEARCH_CASES)
def test_pagefind_search_in_three_languages(page: Any, pagefind_url: str, query: str,
                                            expected: tuple[str, ...]) -> None:
    links = pagefind_results(page, pagefind_url, query)
    pages = list(dict.fromkeys(link.split("#")[0] for link in links))
    assert any(p.endswith(expected) for p in pages[:2]), pages
    assert page.errors == []


def pagefind_results(page: Any, url: str, query: str) -> list[str]:
    """The result links Pagefind's search box shows for `query`."""
    page.goto(url + "find/")
    page.fill(".pagefind-ui__search-input", query)
    page.wait_for_selector(".pagefind-ui__result-link")
    page.wait_for_timeout(500)
    return [link.get_attribute("href") or "" for link in
            page.locator(".pagefind-ui__result-link").all()]
