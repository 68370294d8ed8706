"""How long `python -m generator serve` takes to show an edit, measured over HTTP as a browser
sees it (issue 14).

    python -m bench.serve_edit --articles 1000 [--no-ner] [--edits 3] [--knowledge-edit]

Writes a synthetic corpus and a copy of the knowledge folder into a temporary folder, with
an mkdocs.yml pointing at them (so the project's own files are never touched), starts
`serve`, waits for the first build, then appends a sentence to one article at a time and
polls that article's page until the sentence is on it. With --knowledge-edit, an alias is
added to one entity of entities.yml and the page of an article naming it is polled until the
alias' entity link shows up. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from .synth import write_corpus

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(url: str, needle: str, seconds: float, step: float = 0.05) -> float | None:
    """Seconds until `needle` is on the page at `url`, or None."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if needle in fetch(url):
            return time.monotonic() - started
        time.sleep(step)
    return None


def project(folder: Path, articles: int, ner: bool) -> Path:
    """A corpus, a knowledge folder and an mkdocs.yml using them; the config file's path."""
    write_corpus(folder / "in", articles)
    shutil.copytree(ROOT / "knowledge", folder / "knowledge")
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("docs_dir: site_src", f"docs_dir: {ROOT / 'site_src'}")
    text = text.replace("custom_dir: site_src/overrides",
                        f"custom_dir: {ROOT / 'site_src/overrides'}")
    text = text.replace("input: seeds", f"input: {folder / 'in'}")
    text = text.replace("knowledge: knowledge", f"knowledge: {folder / 'knowledge'}")
    text = text.replace("cache: .cache/research.sqlite", f"cache: {folder / 'cache.sqlite'}")
    text = text.replace("ner: true", f"ner: {'true' if ner else 'false'}")
    config = folder / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def article_url(base: str, path: Path) -> str:
    """The page of the article in `path` (a synthetic file holds one article, titled by its
    first line)."""
    from generator.slugs import slug

    title = path.read_text(encoding="utf-8").splitlines()[0]
    return f"{base}articles/{slug(title, 'article')}/"


def measure(articles: int, ner: bool, edits: int, knowledge_edit: bool,
            jobs: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        config = project(folder, articles, ner)
        port = free_port()
        base = f"http://127.0.0.1:{port}/"
        log = (folder / "serve.log").open("w")
        started = time.monotonic()
        server = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--config", str(config),
             "--jobs", str(jobs), "--dev-addr", f"127.0.0.1:{port}"], cwd=folder,
            # the generator next to this script, whatever is installed
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)},
            stdout=log, stderr=log)
        figures: dict[str, Any] = {"articles": articles, "ner": ner}
        try:
            files = sorted((folder / "in").glob("*.txt"))
            first = article_url(base, files[0])
            if wait_for(first, "<h1", 1800, step=1) is None:
                raise SystemExit("serve never showed the first page: " + str(folder / "serve.log"))
            figures["first_build_s"] = round(time.monotonic() - started, 1)
            time.sleep(3)  # let livereload settle
            times = []
            for number in range(edits):
                path = files[(number * 37) % len(files)]
                needle = f"The ministry said on edit {number} that it would answer"
                with path.open("a", encoding="utf-8") as handle:
                    handle.write(f"\n{needle}.\n")
                seconds = wait_for(article_url(base, path), needle, 600)
                times.append(seconds)
                time.sleep(2)
            figures["edit_s"] = [round(t, 2) if t is not None else None for t in times]
            done = [t for t in times if t is not None]
            figures["edit_median_s"] = round(statistics.median(done), 2) if done else None
            if knowledge_edit:
                figures["knowledge_edit_s"] = kb_edit(folder, base, files)
        finally:
            server.terminate()
            server.wait(timeout=60)
            log.close()
        return figures


def kb_edit(folder: Path, base: str, files: list[Path]) -> float | None:
    """Adds a new entity to entities.yml, named by an invented name appended to one article
    first (so the edit shows as a link to the new entity's page on that article's page)."""
    path = files[5]
    with path.open("a", encoding="utf-8") as handle:
        handle.write("\nOfficials met Zorvanian Quell on Tuesday.\n")
    url = article_url(base, path)
    wait_for(url, "Zorvanian Quell", 600)
    time.sleep(2)
    entities = folder / "knowledge" / "entities.yml"
    started = time.monotonic()
    with entities.open("a", encoding="utf-8") as handle:
        handle.write("\n  - id: kb-edit-test\n    name: Zorvanian Quell\n    type: person\n")
    found = wait_for(url, "kb-edit-test/", 900)  # NER may have found the name: a new id
    return round(found, 2) if found is not None else round(time.monotonic() - started, 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--no-ner", action="store_true")
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--knowledge-edit", action="store_true")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    print(json.dumps(measure(args.articles, not args.no_ner, args.edits, args.knowledge_edit,
                             args.jobs)), flush=True)


if __name__ == "__main__":
    main()
