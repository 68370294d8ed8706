"""The product against its peers on the same synthetic corpus (issue 14, item 5).

    python -m bench.peers --sizes 1000 10000 [--serve] [--save bench/results/peers.json]

For each size, in one run and on the same articles (bench/synth.py):

- product: `python -m generator build` (NER off, an empty cache, 2 workers), then the same
  command again after one article is edited (the cache warm, as a CI rebuild);
- Hugo + Pagefind: each article as a Markdown page with a minimal layout, `hugo`, then
  `python -m pagefind --site public`; again after the same edit;
- MkDocs + Material: each article as a plain Markdown page, `mkdocs build` with Material's
  search and a one-page nav (the default nav, every page in the sidebar, is quadratic:
  DESIGN.md §5); again after the edit.

With --serve, also the product's `serve`: seconds from saving an edit to the article's page
showing it over HTTP (bench/serve_edit.py, median of three edits). Hugo comes from Debian
(`apt-get install hugo`); without it that row is left out. Not part of the test suite.
Figures are printed, never asserted: read ratios within one run on these shared machines.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .serve_edit import measure as measure_serve
from .serve_edit import project
from .synth import write_corpus

ROOT = Path(__file__).resolve().parent.parent
EDIT = "\nThe ministry said on Friday that it would answer.\n"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}

HUGO_SINGLE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title>
<link href="/pagefind/pagefind-ui.css" rel="stylesheet"></head>
<body><nav><a href="/">Home</a> · <a href="/search/">Search</a></nav>
<main data-pagefind-body><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>
"""
HUGO_LIST = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><h1>{{ .Title }}</h1><ul>{{ range .Site.RegularPages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>
"""


def articles_of(corpus: Path) -> list[tuple[str, str, list[str]]]:
    """(file stem, title, paragraphs) of each synthetic article."""
    found = []
    for path in sorted(corpus.glob("*.txt")):
        title, *rest = path.read_text(encoding="utf-8").split("\n\n")
        found.append((path.stem, title.strip(), [p.strip() for p in rest if p.strip()]))
    return found


def timed(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
    return time.perf_counter() - started


def product(folder: Path, size: int) -> dict[str, float]:
    config = project(folder, size, ner=False)
    command = [sys.executable, "-m", "generator", "build", "--config", str(config), "--site",
               str(folder / "site"), "--jobs", "2", "-q"]
    cold = timed(command, folder)
    with (folder / "in" / "000003.txt").open("a", encoding="utf-8") as handle:
        handle.write(EDIT)
    return {"cold_s": cold, "edit_s": timed(command, folder)}


def hugo(folder: Path, corpus: Path) -> dict[str, float]:
    site = folder / "hugo"
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "layouts" / "_default" / "single.html").write_text(HUGO_SINGLE, encoding="utf-8")
    (site / "layouts" / "_default" / "list.html").write_text(HUGO_LIST, encoding="utf-8")
    (site / "layouts" / "index.html").write_text(HUGO_LIST, encoding="utf-8")
    (site / "hugo.toml").write_text('baseURL = "http://localhost/"\ntitle = "Research site"\n'
                                    'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n',
                                    encoding="utf-8")
    content = site / "content" / "articles"
    content.mkdir(parents=True)
    for stem, title, paragraphs in articles_of(corpus):
        (content / f"{stem}.md").write_text(f"---\ntitle: {json.dumps(title)}\n---\n\n"
                                            + "\n\n".join(paragraphs) + "\n", encoding="utf-8")

    def build() -> float:
        return (timed(["hugo", "--quiet", "--destination", "public"], site)
                + timed([sys.executable, "-m", "pagefind", "--site", "public"], site))

    cold = build()
    pages = sum(1 for _ in (site / "public").rglob("*.html"))
    with (content / "000003.md").open("a", encoding="utf-8") as handle:
        handle.write(EDIT)
    return {"cold_s": cold, "edit_s": build(), "pages": pages,
            "pagefind_files": sum(1 for _ in (site / "public" / "pagefind").rglob("*"))}


def mkdocs_material(folder: Path, corpus: Path) -> dict[str, float]:
    site = folder / "mkdocs"
    docs = site / "docs" / "articles"
    docs.mkdir(parents=True)
    (site / "docs" / "index.md").write_text("# Research site\n", encoding="utf-8")
    for stem, title, paragraphs in articles_of(corpus):
        (docs / f"{stem}.md").write_text(f"# {title}\n\n" + "\n\n".join(paragraphs) + "\n",
                                         encoding="utf-8")
    (site / "mkdocs.yml").write_text(
        "site_name: Research site\ntheme:\n  name: material\n  font: false\n"
        "plugins:\n  - search\nnav:\n  - Home: index.md\n"
        "validation:\n  nav:\n    omitted_files: ignore\n", encoding="utf-8")
    command = [sys.executable, "-m", "mkdocs", "build", "-q"]
    cold = timed(command, site)
    with (docs / "000003.md").open("a", encoding="utf-8") as handle:
        handle.write(EDIT)
    return {"cold_s": cold, "edit_s": timed(command, site)}


def run(size: int, serve: bool) -> dict[str, Any]:
    row: dict[str, Any] = {"articles": size}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        corpus = folder / "corpus"
        write_corpus(corpus, size)
        row["product"] = product(folder / "product", size)
        if shutil.which("hugo"):
            row["hugo_pagefind"] = hugo(folder, corpus)
        row["mkdocs_material"] = mkdocs_material(folder, corpus)
    if serve:
        row["serve"] = measure_serve(size, False, 3, False, 2)
    return row


def table(rows: list[dict[str, Any]]) -> str:
    lines = ["| articles | tool | cold s | after one edit s | cold ratio product/tool | "
             "edit ratio product/tool |", "| --- | --- | --- | --- | --- | --- |"]
    for row in rows:
        ours = row["product"]
        for tool in ("product", "hugo_pagefind", "mkdocs_material"):
            if tool not in row:
                continue
            them = row[tool]
            lines.append(f"| {row['articles']} | {tool} | {them['cold_s']:.1f} | "
                         f"{them['edit_s']:.1f} | {ours['cold_s'] / them['cold_s']:.2f} | "
                         f"{ours['edit_s'] / them['edit_s']:.2f} |")
        if "serve" in row:
            lines.append(f"| {row['articles']} | product serve, edit to page over HTTP | "
                         f"{row['serve']['first_build_s']} | {row['serve']['edit_median_s']} "
                         f"(edits {row['serve']['edit_s']}) | | |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--serve", action="store_true", help="also time serve over HTTP")
    parser.add_argument("--save", type=Path)
    args = parser.parse_args()
    rows = []
    for size in args.sizes:
        rows.append(run(size, args.serve))
        print(json.dumps(rows[-1]), flush=True)
    print(table(rows))
    if args.save:
        args.save.parent.mkdir(parents=True, exist_ok=True)
        args.save.write_text(json.dumps({"machine": platform.platform(), "python":
                                         platform.python_version(), "rows": rows},
                                        indent=1) + "\n")


if __name__ == "__main__":
    main()
