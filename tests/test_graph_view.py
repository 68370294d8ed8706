"""A graph that stays readable, and long entity pages that read well (issue 15, items 4, 5).

The Graph page at 1,000 entities (a synthetic corpus of invented names, NER off) in Chromium:
usable within 2 s (the figure is printed; the assertion leaves room for a shared CI machine),
type and weight filters, the find box, a click to the entity's page. The graph's data is the
same for the same input; entity pages group their mentions by article and fold the rest.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bench.synth import write_clustered_corpus
from generator.graph import DEFAULT_LINKS, graph_view
from generator.link import build_index
from generator.model import Corpus

from .conftest import ARTIFACTS, ROOT
from .test_browser import served

ENTITIES = 1000
ARTICLES = 600


def project(folder: Path, articles: int, entities: int) -> tuple[Path, Path]:
    """A synthetic corpus and a mkdocs.yml that reads its knowledge folder (the project's
    pages, theme and scripts): (config, input folder)."""
    corpus = folder / "corpus"
    write_clustered_corpus(corpus, articles, entities, knowledge=folder / "knowledge")
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("docs_dir: site_src", f"docs_dir: {ROOT / 'site_src'}")
    text = text.replace("custom_dir: site_src/overrides", f"custom_dir: {ROOT / 'site_src'}"
                        "/overrides")
    config = folder / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config, corpus


def generator(*args: str, hash_seed: str = "0", timeout: float = 900) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": hash_seed}
    env.pop("RESEARCH_INPUT", None)
    result = subprocess.run([sys.executable, "-m", "generator", *args, "--no-ner", "-q"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, result.stderr[-2000:]


# --- the data, without a browser ------------------------------------------------------------

def test_graph_view_draws_linked_entities_with_communities_and_a_layout(
        seed_corpus: Corpus) -> None:
    index = build_index(seed_corpus)
    view = graph_view(seed_corpus, index)
    document = view.document(index)
    nodes, edges = document["nodes"], document["edges"]
    assert len(nodes) == sum(1 for e in seed_corpus.entities if index.cooccurrence.get(e.id))
    assert document["default_links"] == DEFAULT_LINKS
    linked = Counter(i for first, second, _ in edges for i in (first, second))
    assert all(linked[i] for i in range(len(nodes))), "every node has a link to draw"
    assert all(first < second < len(nodes) and weight >= 1 for first, second, weight in edges)
    assert edges == sorted(edges)
    for first, second, weight in edges:
        assert index.cooccurrence[nodes[first]["id"]][nodes[second]["id"]] == weight
    sizes = Counter(n["community"] for n in nodes)
    assert len(sizes) >= 2
    assert [sizes[c] for c in sorted(sizes)] == sorted(sizes.values(), reverse=True)
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in nodes)
    assert len({(n["x"], n["y"]) for n in nodes}) == len(nodes), "no two nodes on one spot"


def test_graph_view_is_byte_identical_for_the_same_input(tmp_path: Path) -> None:
    """Two runs, in processes with different string hashing: the same graph-view.json, and
    the same entity pages (which carry the neighbourhood graphs)."""
    config, corpus = project(tmp_path, 150, 300)
    outputs = []
    for run, seed in (("a", "1"), ("b", "2")):
        out = tmp_path / run
        generator("generate", "--config", str(config), "--input", str(corpus),
                  "--out", str(out), "--jobs", "2", hash_seed=seed)
        outputs.append(out)
    first, second = ((out / "data/graph-view.json").read_bytes() for out in outputs)
    assert first == second
    assert len(json.loads(first)["nodes"]) >= 250
    pages = sorted(p.relative_to(outputs[0]) for p in (outputs[0] / "entities").rglob("*.md"))
    assert pages and all((outputs[0] / p).read_bytes() == (outputs[1] / p).read_bytes()
                         for p in pages)


def test_entity_page_groups_mentions_by_article_and_exports_keep_every_one(
        seed_site: Path) -> None:
    html = (seed_site / "entities/hamas/index.html").read_text(encoding="utf-8")
    corpus = json.loads((seed_site / "data/corpus.json").read_text(encoding="utf-8"))
    hamas = Counter((a["id"], m["paragraph"]) for a in corpus["articles"]
                    for m in a["mentions"] if m["entity"] == "hamas")
    articles = {article for article, _ in hamas}
    section = html[html.index('class="mentions-by-article"'):]
    section = section[:section.index("</ol>")]
    groups = section.split('class="mention-group"')[1:]
    assert len(groups) == len(articles) > 1
    for group in groups:
        shown, _, folded = group.partition("<details")
        assert 1 <= shown.count('class="kwic"') <= 3
        more = re.search(r"(\d+) more paragraph", folded)
        assert folded.count('class="kwic"') == (int(more.group(1)) if more else 0)
    links = re.findall(r'<a class="kwic" href="([^"]+)"', section)
    assert len(links) == len(hamas) == len(set(links)), "one snippet per paragraph, each once"
    assert sum(hamas.values()) > len(hamas), "some paragraphs name Hamas more than once"
    # Every snippet marks its mention, and the others of its paragraph that fall inside it.
    assert len(hamas) < section.count("<mark>") <= sum(hamas.values())
    mentions_csv = (seed_site / "data/mentions.csv").read_text(encoding="utf-8")
    assert sum(1 for line in mentions_csv.splitlines() if ",hamas," in line) == \
        sum(hamas.values())


# --- in Chromium ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The site of 600 synthetic articles naming 1,000 entities, served."""
    folder = tmp_path_factory.mktemp("graph-1000")
    config, corpus = project(folder, ARTICLES, ENTITIES)
    site = folder / "site"
    generator("build", "--config", str(config), "--input", str(corpus), "--site", str(site),
              "--jobs", "2")
    with served(site) as url:
        yield url, site


def view_data(page: Any) -> dict[str, str]:
    return page.evaluate("() => Object.assign({}, document.getElementById('graph-view')"
                         ".dataset)")


def open_graph(page: Any, url: str) -> dict[str, str]:
    page.goto(url + "graph/")
    page.wait_for_function("() => document.getElementById('graph-view').dataset.ready",
                           timeout=60_000)
    return view_data(page)


def redrawn(page: Any, before: dict[str, str]) -> dict[str, str]:
    page.wait_for_function(
        "(b) => { const d = document.getElementById('graph-view').dataset;"
        " return d.nodes !== b.nodes || d.edges !== b.edges; }", arg=before)
    return view_data(page)


@pytest.mark.browser
@pytest.mark.slow
def test_graph_of_1000_entities_is_usable_quickly(page: Any,
                                                  large_site: tuple[str, Path]) -> None:
    url, site = large_site
    view = json.loads((site / "data/graph-view.json").read_text(encoding="utf-8"))
    assert len(view["nodes"]) == ENTITIES
    data = open_graph(page, url)
    ready_ms = int(data["ready"])
    print(f"\nGraph page at {ENTITIES} entities: usable {ready_ms} ms after navigation start; "
          f"{data['nodes']} nodes, {data['edges']} links, {data['labels']} labels drawn")
    (ARTIFACTS / "graph-ready-ms.txt").parent.mkdir(exist_ok=True)
    (ARTIFACTS / "graph-ready-ms.txt").write_text(f"{ready_ms}\n", encoding="utf-8")
    assert ready_ms < 10_000  # the target is 2 s; CI is two shared cores
    assert int(data["nodes"]) == ENTITIES  # every entity, with its strongest links only
    assert int(data["edges"]) <= DEFAULT_LINKS * ENTITIES < len(view["edges"])
    assert 20 <= int(data["labels"]) < ENTITIES / 2  # labels only where they fit
    assert page.errors == []


@pytest.mark.browser
@pytest.mark.slow
def test_graph_type_weight_and_links_filters(page: Any, large_site: tuple[str, Path]) -> None:
    url, site = large_site
    view = json.loads((site / "data/graph-view.json").read_text(encoding="utf-8"))
    types = {n["id"]: n["type"] for n in view["nodes"]}
    everything = open_graph(page, url)
    page.locator("input[name=graph-type][value=person]").uncheck()
    no_people = redrawn(page, everything)
    assert 0 < int(no_people["nodes"]) < int(everything["nodes"])
    assert "person" not in {types[i] for i in no_people["nodeIds"].split()}
    page.locator("input[name=graph-type][value=person]").check()
    assert redrawn(page, no_people)["nodeIds"] == everything["nodeIds"]
    page.locator("#graph-weight").fill("3")
    heavier = redrawn(page, everything)
    assert int(heavier["edges"]) < int(everything["edges"])
    assert int(heavier["nodes"]) < int(everything["nodes"])
    page.locator("#graph-weight").fill("1")
    redrawn(page, heavier)
    page.select_option("#graph-links", "5")
    more = redrawn(page, everything)
    assert int(more["edges"]) > int(everything["edges"])
    assert page.errors == []


@pytest.mark.browser
@pytest.mark.slow
def test_graph_find_box_focuses_a_node_and_links_its_page(
        page: Any, large_site: tuple[str, Path]) -> None:
    url, site = large_site
    view = json.loads((site / "data/graph-view.json").read_text(encoding="utf-8"))
    target = view["nodes"][len(view["nodes"]) // 2]  # one of the less mentioned, unlabelled
    open_graph(page, url)
    page.locator("#graph-find").fill(target["name"])
    page.locator("#graph-find").press("Enter")
    page.wait_for_function("(id) => document.getElementById('graph-view').dataset.focused"
                          " === id", arg=target["id"])
    state = page.evaluate("""(id) => {
        const network = document.getElementById('graph-view').network;
        const at = network.getPositions([id])[id];
        const centre = network.getViewPosition();
        return {selected: network.getSelectedNodes(), dx: at.x - centre.x, dy: at.y - centre.y,
                label: network.body.nodes[id].options.label};
    }""", target["id"])
    assert state["selected"] == [target["id"]]
    assert abs(state["dx"]) < 1 and abs(state["dy"]) < 1, "the view is centred on the node"
    assert state["label"] == target["name"], "the node found is labelled"
    found = page.locator("#graph-found")
    assert found.is_visible() and target["name"] in found.inner_text()
    found.click()
    page.wait_for_url(f"**/{target['url']}")
    assert target["name"] in page.locator("h1").inner_text()
    assert page.errors == []


@pytest.mark.browser
@pytest.mark.slow
def test_graph_click_on_a_node_opens_its_page(page: Any, large_site: tuple[str, Path]) -> None:
    open_graph(page, large_site[0])
    target = clickable_node(page)
    page.mouse.click(target["x"], target["y"])
    page.wait_for_url(f"**/entities/{target['id']}/")
    assert page.errors == []


def clickable_node(page: Any) -> dict[str, Any]:
    """The screen position of a labelled node that no other node covers, inside the view."""
    target = page.evaluate("""() => {
        const view = document.getElementById('graph-view');
        const network = view.network;
        const ids = view.dataset.nodeIds.split(' ');
        const positions = network.getPositions(ids);
        const box = view.getBoundingClientRect();
        const covers = (other, point) => {
            const b = network.getBoundingBox(other);
            return point.x >= b.left && point.x <= b.right && point.y >= b.top
                && point.y <= b.bottom;
        };
        const inside = (id) => {
            const dom = network.canvasToDOM(positions[id]);
            return dom.x > 10 && dom.y > 10 && dom.x < box.width - 10 && dom.y < box.height - 10;
        };
        const id = ids.find(candidate => network.body.nodes[candidate].options.label
            && inside(candidate)
            && ids.every(other => other === candidate || !covers(other, positions[candidate])));
        if (!id) return {};
        const dom = network.canvasToDOM(positions[id]);
        return {id: id, x: box.left + dom.x, y: box.top + dom.y};
    }""")
    assert target.get("id"), "no node stands alone"
    return target


@pytest.fixture(scope="module")
def seed_url(seed_site: Path) -> Iterator[str]:
    with served(seed_site) as url:
        yield url


@pytest.mark.browser
@pytest.mark.slow
def test_entity_neighbourhood_graph_is_drawn_and_links_pages(page: Any, seed_url: str) -> None:
    page.goto(seed_url + "entities/hamas/")
    page.wait_for_function("() => document.getElementById('graph-view').dataset.ready",
                          timeout=30_000)
    data = view_data(page)
    assert 5 <= int(data["nodes"]) <= 21
    assert data["nodeIds"].split()[0] == "hamas"
    assert 1 <= int(data["labels"]) <= int(data["nodes"])
    target = clickable_node(page)
    page.mouse.click(target["x"], target["y"])
    page.wait_for_url(f"**/entities/{target['id']}/")
    assert page.errors == []


@pytest.mark.browser
@pytest.mark.slow
def test_long_entity_page_folds_mentions_per_article(page: Any, seed_url: str) -> None:
    page.goto(seed_url + "entities/hamas/")
    height = page.evaluate("() => document.documentElement.scrollHeight")
    print(f"\nHamas page height: {height} px (8,472 px before mentions were grouped)")
    assert height < 6000
    details = page.locator("details.more-mentions").first
    folded = details.locator("a.kwic").first
    assert not folded.is_visible()
    details.locator("summary").click()
    assert folded.is_visible()
    href = folded.get_attribute("href") or ""
    folded.click()
    anchor = href.rsplit("#", 1)[1]
    page.wait_for_url(f"**#{anchor}")
    assert page.locator(f"#{anchor}").count() == 1
    assert page.errors == []
