"""Hostile input never executes, never escapes the output folder, and shows as literal text.
Checked on the built HTML, parsed, not on the Markdown."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.config import Config
from generator.ingest import decode_source
from generator.model import Corpus
from generator.parse import parse_source
from generator.pipeline import assign_ids
from generator.render import render_site

from .conftest import ROOT, run_cli
from .hostile import write_hostile_corpus

EXTENSIONS = ["attr_list", "toc", "tables"]


class Inspector(HTMLParser):
    """Everything on a page that could run code, and the text of each paragraph."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.dangers: list[str] = []
        self.scripts: list[str] = []
        self.in_script = False
        self.paragraph: str | None = None
        self.paragraphs: dict[str, str] = {}
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.dangers.append(f"<{tag} {name}>")
            if name in ("href", "src") and (value or "").strip().lower().startswith(
                    "javascript:"):
                self.dangers.append(f"<{tag} {name}={value}>")
        if tag in ("iframe", "object", "embed"):
            self.dangers.append(f"<{tag}>")
        self.in_script = tag == "script" and values.get("type") != "application/ld+json"
        if tag in ("p", "h1", "h2") and (values.get("id") or "").startswith("p"):
            self.paragraph = values["id"]
            self.paragraphs[self.paragraph or ""] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = False
        if tag in ("p", "h1", "h2"):
            self.paragraph = None

    def handle_data(self, data: str) -> None:
        if self.in_script:
            self.scripts.append(data)
            return
        self.text.append(data)
        if self.paragraph:
            self.paragraphs[self.paragraph] += data


def inspect(html: str) -> Inspector:
    inspector = Inspector()
    inspector.feed(html)
    return inspector


@pytest.mark.slow
def test_hostile_corpus_builds_safely(tmp_path: Path) -> None:
    texts = write_hostile_corpus(tmp_path / "in")
    site = tmp_path / "site"
    result = run_cli("build", "--no-ner", "--input", str(tmp_path / "in"), "--site", str(site))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "site"]
    assert not (ROOT / "x").exists()
    pages = list(site.rglob("*.html"))
    all_text = ""
    for page in pages:
        found = inspect(page.read_text(encoding="utf-8"))
        assert found.dangers == [], (page, found.dangers)
        assert not any("alert(" in script for script in found.scripts), page
        all_text += " ".join("".join(found.text).split()) + " "
    for marker in ("AFTER-HTML", "AFTER-MARKDOWN", "AFTER-JINJA"):
        assert f"{marker} paragraph renders normally." in all_text
    for literal in ("<script>alert(3)</script>", "# Not a heading", "| not | a | table |",
                    "{{ config }} {% for x in range(3) %}loop{% endfor %} {# open comment",
                    "<!-- unterminated comment", "```", "title: injected", "Hamas and Hezbollah"):
        assert literal in all_text, literal
    assert len(texts) == 6 and len(list((site / "articles").glob("*/index.html"))) >= 6


def article_html(text: str) -> tuple[str, list[str], list[str]]:
    """Render one file's first article the way the site does, through Python-Markdown."""
    source = decode_source(text.encode("utf-8"), "a.txt")
    if source.text is None:
        return "", [], []
    articles, _ = parse_source(source)
    corpus = Corpus(sources=(source,), articles=tuple(assign_ids(articles)), problems=())
    site = render_site(corpus, Config(input_dir=Path("."), knowledge_dir=Path(".")))
    page = site.pages[f"articles/{corpus.articles[0].id}.md"]
    body = page.split("---", 2)[2]  # MkDocs strips the front matter before Markdown
    article = corpus.articles[0]
    # The headline is shown (as printed, kicker cut) in the page's h1; a byline as its names.
    shown = [p.text for p in article.paragraphs if p.kind not in ("title", "byline")]
    return markdown.markdown(body, extensions=EXTENSIONS), shown, [
        name for name in (article.title, *article.authors) if name]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")) |
                        st.sampled_from(list("<>&\"'`*_#|[](){}!-=~\\:;/")), min_size=1,
                        max_size=80), min_size=1, max_size=6))
def test_any_text_renders_as_its_literal_text(lines: list[str]) -> None:
    html, paragraphs, header = article_html("\n\n".join(lines))
    found = inspect(html)
    assert found.dangers == []
    assert found.scripts == []
    rendered = [" ".join(text.split()) for text in found.paragraphs.values()]
    for paragraph in paragraphs:
        assert any(" ".join(paragraph.split()) in text for text in rendered), paragraph
    assert all(" ".join(name.split()) in " ".join("".join(found.text).split())
               for name in header), header
