"""End to end: the README's build command, the built HTML a reader sees, and bad input."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from .conftest import ROOT, SEEDS, run_cli

pytestmark = pytest.mark.slow


class LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.rtl: list[tuple[str, str | None]] = []  # (tag, lang) of elements with dir="rtl"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if values.get("dir") == "rtl":
            self.rtl.append((tag, values.get("lang")))


def parse_html(path: Path) -> LinkCollector:
    collector = LinkCollector()
    collector.feed(path.read_text(encoding="utf-8"))
    return collector


def article_pages(site: Path) -> list[Path]:
    return sorted(p for p in (site / "articles").glob("*/index.html"))


def test_six_article_pages(seed_site: Path) -> None:
    assert len(article_pages(seed_site)) == 6
    for page in ("index.html", "articles/index.html", "sources/index.html", "404.html"):
        assert (seed_site / page).is_file(), page


def test_every_internal_link_resolves(seed_site: Path) -> None:
    broken = []
    for page in seed_site.rglob("*.html"):
        parsed = parse_html(page)
        for href in parsed.links:
            parts = urlsplit(href)
            if parts.scheme or href.startswith(("mailto:", "//")):
                continue
            path = unquote(parts.path)
            base = seed_site if path.startswith("/") else page.parent  # 404.html is absolute
            target = (base / path.lstrip("/")).resolve() if path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(seed_site)} -> {href}")
            elif parts.fragment and target.suffix == ".html" and \
                    parts.fragment not in parse_html(target).ids:
                broken.append(f"{page.relative_to(seed_site)} -> {href} (no such anchor)")
    assert not broken, broken[:20]


def test_rtl_paragraphs_in_built_html(seed_site: Path) -> None:
    [page] = [p for p in article_pages(seed_site) if "israeli-security-source" in str(p)]
    rtl = parse_html(page).rtl
    assert ("p", "ar") in rtl and ("p", "he") in rtl
    html = page.read_text(encoding="utf-8")
    assert 'id="p0" lang="ar" dir="rtl"' in html and 'id="p1" lang="he" dir="rtl"' in html


def test_derived_title_is_marked(seed_site: Path) -> None:
    [page] = [p for p in article_pages(seed_site) if "egyptian-palestinian" in str(p)]
    assert "(derived title)" in page.read_text(encoding="utf-8")


def test_article_page_shows_provenance_and_citation(seed_site: Path) -> None:
    [page] = [p for p in article_pages(seed_site) if "israel-plans-to-kill" in str(p)]
    html = page.read_text(encoding="utf-8")
    for expected in ("2024-02-26", "Asharq Al-Awsat", "001_a039a33b49e21385.txt",
                     "Cite this article", 'id="p0"', "Next:", "Previous:"):
        assert expected in html, expected
    assert "| 26 February 2024" not in html


def test_mkdocs_build_strict_from_the_repository_root(tmp_path: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir",
                             str(tmp_path / "site")], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    assert (tmp_path / "site" / "data" / "corpus.json").exists()


def test_bad_files_are_reported_skipped_and_the_rest_builds(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEEDS / "001_a039a33b49e21385.txt", folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    site = tmp_path / "site"
    result = run_cli("build", "--input", str(folder), "--site", str(site))
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if "skipped" in line]
    assert any("empty.txt" in line for line in lines) and any("image.txt" in line
                                                              for line in lines)
    sources = (site / "sources" / "index.html").read_text(encoding="utf-8")
    assert "empty.txt" in sources and "image.txt" in sources and "binary" in sources
    assert len(article_pages(site)) == 1


def test_missing_input_folder_is_one_line(tmp_path: Path) -> None:
    result = run_cli("build", "--input", str(tmp_path / "nope"), "--site", str(tmp_path / "s"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "input folder does not exist" in result.stderr


def test_refuses_to_overwrite_a_folder_that_is_not_a_site(tmp_path: Path) -> None:
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.docx").write_text("mine")
    result = run_cli("build", "--site", str(precious))
    assert result.returncode == 1 and "does not hold a previous site" in result.stderr
    assert (precious / "thesis.docx").read_text() == "mine"


def test_generate_writes_markdown(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    result = run_cli("generate", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert (out / "index.md").exists() and len(list((out / "articles").glob("*.md"))) == 6
