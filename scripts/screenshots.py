"""Screenshots of the built seed site for the README: an entity page, the graph, the timeline,
and what a person said (an entity page's Quotes section).

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


def main(site: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 860})
        for name, path in PAGES.items():
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
