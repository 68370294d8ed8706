"""Screenshots for the README: from the built seed site an entity page, the graph, the
timeline and what a person said (an entity page's Quotes section); from a demo site of the
tests' made-up articles (copies of one story, two subjects no curated topic covers) the same
story across outlets and a topic derived from the corpus.

    python -m generator build && python scripts/screenshots.py site docs/screenshots
"""

from __future__ import annotations

import functools
import http.server
import shutil
import sys
import threading
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

PAGES = {"entity.png": "entities/hamas/", "graph.png": "graph/", "timeline.png": "timeline/",
         "quotes.png": "entities/yoav-gallant/"}
SCROLL_TO = {"graph.png": "graph-controls", "quotes.png": "quotes"}  # not the page's intro
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update"]


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


def demo_site(folder: Path) -> Path:
    """The tests' made-up articles built into a site: same-story copies and derived topics."""
    import subprocess

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.test_derived_topics import BEES, LIGHTHOUSES
    from tests.test_derived_topics import write_corpus as write_subjects
    from tests.test_same_story import write_corpus as write_copies

    articles = write_subjects(folder / "input", BEES + LIGHTHOUSES)
    write_copies(articles / "story")
    subprocess.run([sys.executable, "-m", "generator", "build", "--input", str(articles),
                    "--site", str(folder / "site"), "--no-ner", "-q"], check=True)
    return folder / "site"


def demo_pages(site: Path) -> dict[str, str]:
    import json

    corpus = json.loads((site / "data" / "corpus.json").read_text(encoding="utf-8"))
    copy = next(a for a in corpus["articles"] if a["same_story"])
    derived = next(t for t in corpus["topics"] if t.get("derived"))
    return {"same-story.png": copy["url"], "derived-topic.png": derived["url"]}


def main(site: Path, out: Path) -> None:
    import tempfile

    shoot(site, out, PAGES)
    with tempfile.TemporaryDirectory() as folder:
        demo = demo_site(Path(folder))
        shoot(demo, out, demo_pages(demo))


def shoot(site: Path, out: Path, pages: dict[str, str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 860})
        for name, path in pages.items():
            page.goto(base + path)
            page.wait_for_timeout(3000)  # graph layout and timeline drawing
            if name in SCROLL_TO:
                page.evaluate(f"window.scrollTo(0, document.getElementById('{SCROLL_TO[name]}')"
                              ".getBoundingClientRect().top + window.scrollY - 72)")
                page.wait_for_timeout(500)
            page.screenshot(path=str(out / name))
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
