"""Every download is read back with a real parser, as a researcher's tools would."""

from __future__ import annotations

import csv
import filecmp
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import networkx
import pytest

from generator import plugin
from generator.__main__ import main

from .conftest import run_cli

pytestmark = pytest.mark.slow


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_exports_agree_with_corpus_json(seed_site: Path) -> None:
    corpus = json.loads((seed_site / "data/corpus.json").read_text(encoding="utf-8"))
    entities = read_csv(seed_site / "data/entities.csv")
    mentions = read_csv(seed_site / "data/mentions.csv")
    events = read_csv(seed_site / "data/events.csv")
    assert {row["id"] for row in entities} == {e["id"] for e in corpus["entities"]}
    assert len(mentions) == sum(len(a["mentions"]) for a in corpus["articles"]) > 0
    assert [row["date"] for row in events] == [e["date"] for e in corpus["events"]]
    hamas = next(row for row in entities if row["id"] == "hamas")
    assert int(hamas["mentions"]) > 10 and "حماس" in hamas["aliases"]


def test_graphml_loads_in_networkx(seed_site: Path) -> None:
    graph = networkx.read_graphml(seed_site / "data/cooccurrence.graphml")
    assert graph.number_of_nodes() == len(read_csv(seed_site / "data/entities.csv"))
    assert graph.nodes["hamas"]["type"] == "organization"
    assert graph["hamas"]["israel"]["weight"] >= 5
    ET.parse(seed_site / "data/cooccurrence.graphml")


def test_atom_feed_parses(seed_site: Path) -> None:
    feed = feedparser.parse((seed_site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert len(feed.entries) == 6
    assert feed.entries[0].title == "Israel plans to kill Hamas leaders around the world after war"


def test_citations(seed_site: Path) -> None:
    items = json.loads((seed_site / "data/articles.csl.json").read_text(encoding="utf-8"))
    dated = next(i for i in items if i.get("issued"))
    assert dated["issued"] == {"date-parts": [[2024, 2, 26]]}
    assert dated["container-title"] == "Asharq Al-Awsat"
    bib = (seed_site / "data/articles.bib").read_text(encoding="utf-8")
    assert bib.count("@article{") == 6 and bib.count("{") == bib.count("}")


class JsonLd(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.inside = False
        self.blocks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.inside = tag == "script" and ("type", "application/ld+json") in attrs

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.blocks.append(data)

    def handle_endtag(self, tag: str) -> None:
        self.inside = False


def test_every_article_page_embeds_news_article_json_ld(seed_site: Path) -> None:
    for page in (seed_site / "articles").glob("*/index.html"):
        parser = JsonLd()
        parser.feed(page.read_text(encoding="utf-8"))
        [block] = parser.blocks
        data = json.loads(block)
        assert data["@type"] == "NewsArticle" and data["headline"]
        assert all(m["@type"] in ("Person", "Organization", "Place", "Event", "Thing")
                   for m in data["mentions"])


def test_downloads_page_links_every_export(seed_site: Path) -> None:
    html = (seed_site / "downloads/index.html").read_text(encoding="utf-8")
    for name in ("corpus.json", "entities.csv", "mentions.csv", "events.csv", "quotes.csv",
                 "cooccurrence.graphml", "articles.csl.json", "articles.bib", "feed.xml"):
        assert name in html


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    for site in (first, second):
        result = run_cli("build", "--site", str(site))
        assert result.returncode == 0, result.stderr
    comparison = filecmp.dircmp(first, second)
    differing: list[str] = []

    def walk(node: filecmp.dircmp[str], prefix: str = "") -> None:
        assert not node.left_only and not node.right_only
        _, mismatch, errors = filecmp.cmpfiles(node.left, node.right, node.common_files,
                                               shallow=False)
        differing.extend(prefix + name for name in mismatch + errors)
        for name, child in node.subdirs.items():
            walk(child, f"{prefix}{name}/")

    walk(comparison)
    assert differing == []


def test_failed_build_leaves_the_previous_site_untouched(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    assert main(["build", "--no-ner", "--site", str(site), "-q"]) == 0
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}

    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("injected failure in the middle of the build")

    monkeypatch.setattr(plugin, "render_site", broken)
    with pytest.raises(RuntimeError):
        main(["build", "--no-ner", "--site", str(site), "-q"])
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # no staging folder left behind
