"""Build synthetic corpora of several sizes and print a table of where the time goes.

    python -m bench.run --sizes 100 1000 10000 --save bench/results/today.json
    python -m bench.run --sizes 10000 --executor dask --save bench/results/dask.json
    python -m bench.run --compare bench/results/a.json bench/results/b.json

Each size is built in a fresh process (so peak RSS is that build's own) by the real MkDocs
path with NER off unless --ner: read and parse, extract (entities, topics, events) on
--jobs workers, link, render, MkDocs, search index. Figures are printed, never asserted:
compare ratios from one run on these shared machines.
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .synth import write_corpus

ROOT = Path(__file__).resolve().parent.parent
GENERATOR_STAGES = ("read and parse", "extract", "link", "render")  # everything before MkDocs
COLUMNS = ("articles", *GENERATOR_STAGES, "search index", "MkDocs", "total_s",
           "generator_articles_per_s", "peak_rss_mb", "worker_peak_rss_mb", "site_mb", "pages",
           "search_first_query_kb", "rebuild_one_edit_s", "rebuild_generator_s")


def build_once(articles: int, ner: bool, executor: str, jobs: int) -> dict[str, Any]:
    """Runs inside the child process: one cold build, its figures as a dict."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from generator.site_build import build as build_site

    with tempfile.TemporaryDirectory() as folder:
        corpus, site = Path(folder) / "in", Path(folder) / "site"
        write_corpus(corpus, articles)
        import os

        from generator.plugin import ResearchPlugin

        ResearchPlugin.overrides = {"input": str(corpus), "ner": ner, "executor": executor,
                                    "jobs": jobs, "cache": str(Path(folder) / "cache.sqlite")}
        os.environ["NO_MKDOCS_2_WARNING"] = "1"
        started = time.perf_counter()
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site))
        build_site(config, jobs)  # as `python -m generator build` does
        total = time.perf_counter() - started
        timer = config.plugins["research"].timer  # type: ignore[attr-defined]
        stages = dict(timer.seconds)
        stages["MkDocs"] = total - sum(stages.values())
        generator_seconds = sum(v for k, v in stages.items() if k in GENERATOR_STAGES)
        first_query = first_query_bytes(site)
        figures = {"articles": articles, **{k: round(v, 2) for k, v in stages.items()},
                "total_s": round(total, 2),
                "generator_articles_per_s": round(articles / generator_seconds),
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                # the largest child process that has ended: a worker, or Pagefind
                "worker_peak_rss_mb": round(
                    resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
                "site_mb": round(sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
                                 / 2**20, 1),
                "pages": sum(1 for _ in site.rglob("*.html")),
                "search_first_query_kb": round(first_query / 1024)}
        # One article edited, then the site built again as `serve` does it: dirty, into the
        # same folder, with the first build's cache and the same plugin object.
        edited = sorted(corpus.glob("*.txt"))[0]
        edited.write_text(edited.read_text(encoding="utf-8") + "\nThe ministry said on Friday "
                          "that it would answer.\n", encoding="utf-8")
        started = time.perf_counter()
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site), strict=False)
        config.plugins.on_startup(command="serve", dirty=True)
        build(config, dirty=True)
        figures["rebuild_one_edit_s"] = round(time.perf_counter() - started, 2)
        figures["rebuild_generator_s"] = round(sum(
            v for k, v in config.plugins["research"].timer.seconds.items()  # type: ignore[attr-defined]
            if k in GENERATOR_STAGES), 2)
        config.plugins.on_shutdown()  # as serve ends: no Pagefind left indexing a removed site
        return figures


def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes()))


def first_query_bytes(site: Path) -> int:
    """What a browser downloads (gzipped) to answer a first search query. Material: the
    whole index and the search worker. Pagefind: its script, entry file, WebAssembly, UI and
    one language's WebAssembly and metadata, one index chunk and five result fragments of
    average size (Pagefind's own files are already compressed)."""
    pagefind = site / "pagefind"
    if not pagefind.exists():
        return gz(site / "search" / "search_index.json") + sum(
            gz(p) for p in (site / "assets" / "javascripts" / "workers").glob("search*.js"))
    fixed = ["pagefind.js", "pagefind-entry.json", "pagefind-ui.js", "pagefind-ui.css"]
    total = sum(gz(pagefind / name) for name in fixed if (pagefind / name).exists())
    total += max((p.stat().st_size for p in pagefind.glob("wasm.*.pagefind")), default=0)
    total += max((p.stat().st_size for p in pagefind.glob("*.pf_meta")), default=0)
    chunks = [p.stat().st_size for p in (pagefind / "index").glob("*.pf_index")]
    fragments = [p.stat().st_size for p in (pagefind / "fragment").glob("*.pf_fragment")]
    if chunks:
        total += sum(chunks) // len(chunks)
    if fragments:
        total += 5 * sum(fragments) // len(fragments)
    return total


def table(rows: list[dict[str, Any]]) -> str:
    lines = [" | ".join(COLUMNS), " | ".join("---" for _ in COLUMNS)]
    lines += [" | ".join(str(row.get(column, "")) for column in COLUMNS) for row in rows]
    return "\n".join(f"| {line} |" for line in lines)


def compare(first: Path, second: Path) -> str:
    a, b = (json.loads(p.read_text())["rows"] for p in (first, second))
    lines = ["articles | " + " | ".join(f"{c} ratio" for c in COLUMNS[1:])]
    for left, right in zip(a, b, strict=False):
        ratios = [f"{right[c] / left[c]:.2f}" if left.get(c) else "-" for c in COLUMNS[1:]]
        lines.append(f"{left['articles']} | " + " | ".join(ratios))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--ner", action="store_true", help="with statistical NER")
    parser.add_argument("--executor", default="process", choices=("process", "dask"))
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    parser.add_argument("--save", type=Path)
    parser.add_argument("--compare", type=Path, nargs=2)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(build_once(args.child, args.ner, args.executor, args.jobs)))
        return
    if args.compare:
        print(compare(*args.compare))
        return
    rows = []
    for size in args.sizes:
        command = [sys.executable, "-m", "bench.run", "--child", str(size),
                   "--executor", args.executor, "--jobs", str(args.jobs)]
        if args.ner:
            command.append("--ner")
        output = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
        rows.append(json.loads(output.stdout.strip().splitlines()[-1]))
        print(table(rows[-1:]).splitlines()[-1], flush=True)
    print(table(rows))
    if args.save:
        args.save.parent.mkdir(parents=True, exist_ok=True)
        args.save.write_text(json.dumps({"machine": platform.platform(), "python":
                                         platform.python_version(), "ner": args.ner,
                                         "executor": args.executor, "jobs": args.jobs,
                                         "rows": rows}, indent=1) + "\n")


if __name__ == "__main__":
    main()
