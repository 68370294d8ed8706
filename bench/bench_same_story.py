"""Cost and accuracy of finding copies of one story (generator/extract/same_story.py).

    python -m bench.bench_same_story --articles 10000 --jobs 2

Writes the synthetic corpus of bench/synth.py with a share of its articles (--copies) written
again as copies: republished with other chrome and headline, shortened to the first half or
more of the paragraphs, or lightly edited (a word changed in every third paragraph). Parses
it as the pipeline does, then times the reduce step alone and prints the planted pairs found
and any other pairs. Prints figures; asserts nothing (the machines are shared and noisy).
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from functools import partial
from pathlib import Path

from generator.executor import make_executor
from generator.extract.same_story import find_same_story
from generator.ingest import list_input_files
from generator.pipeline import ReadSetup, assign_ids, read_files

from .synth import make_article

KINDS = ("republished", "shortened", "edited")
OUTLETS = ("The Daily Courier", "Evening Wire", "The Coastal Post", "Northern Herald")


def copy_of(rng: random.Random, text: str, kind: str, number: int) -> str:
    headline, *rest = text.split("\n\n")
    paragraphs = [p for p in rest if p.strip()]
    if kind == "shortened":
        paragraphs = paragraphs[:max(3, round(len(paragraphs) * rng.uniform(0.5, 0.8)))]
    elif kind == "edited":
        paragraphs = [p.replace(" the ", " a ", 1) if position % 3 == 0 else p
                      for position, p in enumerate(paragraphs)]
    outlet = OUTLETS[number % len(OUTLETS)]
    chrome = [outlet, "Skip to content", "Menu",
              f"{headline.split('(')[0].strip()}, officials say (copy {number})"]
    footer = [f"Copyright {2000 + number % 25} {outlet}. All rights reserved."]
    return "\n\n".join([*chrome, *paragraphs, *footer]) + "\n"


def write(folder: Path, articles: int, copies: float, seed: int = 7) -> dict[str, str]:
    """The corpus, `articles` files in all; file of each copy -> file of its original."""
    rng = random.Random(seed)
    planted = round(articles * copies)
    originals = articles - planted
    texts = []
    for number in range(originals):
        texts.append(make_article(rng, number))
        (folder / f"{number:06d}.txt").write_text(texts[-1], encoding="utf-8")
    sources = {}
    for number in range(originals, articles):
        original = rng.randrange(originals)
        name = f"{number:06d}.txt"
        (folder / name).write_text(copy_of(rng, texts[original], KINDS[number % 3], number),
                                   encoding="utf-8")
        sources[name] = f"{original:06d}.txt"
    return sources


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--copies", type=float, default=0.05, help="share of copies")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        planted = write(folder, args.articles, args.copies)
        names = [path.name for path in list_input_files(folder)]
        executor = make_executor("process", args.jobs, None)
        try:
            read = executor.map(partial(read_files, ReadSetup(folder, 10**8, None, "")), names)
        finally:
            executor.close()
        articles = assign_ids([a for file in read for a in file.articles])
    seconds = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        same = find_same_story(articles)
        seconds.append(time.perf_counter() - started)
    file_of = {a.id: a.source_file for a in articles}
    found = {tuple(sorted((file_of[a], file_of[b]))) for a, others in same.items()
             for b in others}
    wanted = {tuple(sorted(pair)) for pair in planted.items()}
    # copies of one original are copies of each other too
    by_original: dict[str, list[str]] = {}
    for copy, original in planted.items():
        by_original.setdefault(original, [original]).append(copy)
    implied = {tuple(sorted((a, b))) for group in by_original.values() for a in group
               for b in group if a < b}
    kinds = {kind: [pair for pair in planted.items() if int(pair[0][:6]) % 3 == position]
             for position, kind in enumerate(KINDS)}
    print(f"{len(articles)} articles, {len(planted)} planted copies")
    print(f"same story: best {min(seconds):.2f} s, median {statistics.median(seconds):.2f} s "
          f"of {args.repeat}")
    for kind, pairs in kinds.items():
        hits = sum(tuple(sorted(pair)) in found for pair in pairs)
        print(f"  {kind}: {hits}/{len(pairs)} found")
    print(f"  pairs found that were not planted: {len(found - implied)}")
    assert wanted <= implied


if __name__ == "__main__":
    main()
