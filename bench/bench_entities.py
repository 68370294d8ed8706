"""Entity extraction speed on a synthetic corpus, NER off and on, beside spaCy's own nlp.pipe.

    python -m bench.bench_entities --articles 1000 --jobs 2

Prints figures; asserts nothing (the machines are shared and noisy: compare ratios).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from generator.executor import make_executor
from generator.extract import ner
from generator.extract.entities import EntityExtractor, ner_text
from generator.extract.knowledge import load_knowledge
from generator.extract.quotes import article_quotes
from generator.extract.topics import load_topics
from generator.ingest import list_input_files
from generator.pipeline import (
    ExtractionSetup,
    ReadSetup,
    assign_ids,
    extract_all,
    read_files,
)

from .synth import write_corpus

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=5,
                        help="NER-off runs; the best is the machine's capacity, the median "
                             "what a busy host gives")
    parser.add_argument("--skip-ner", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        write_corpus(Path(folder), args.articles)
        started = time.perf_counter()
        names = [path.name for path in list_input_files(Path(folder))]
        read = read_files(ReadSetup(Path(folder), 10**8, None, ""), names)
        articles = assign_ids([a for file in read for a in file.articles])
        parsed = time.perf_counter()
    knowledge = load_knowledge(ROOT / "knowledge")
    extractor = EntityExtractor(knowledge)
    words = sum(a.word_count for a in articles)
    print(f"{len(articles)} articles, {words} words; ingest+parse {parsed - started:.2f} s "
          f"({len(articles) / (parsed - started):.0f} articles/s)")
    times = []
    for _ in range(args.repeat):
        began = time.perf_counter()
        result = extractor.extract(articles, ner=False)
        times.append(time.perf_counter() - began)
    best, median = min(times), statistics.median(times)
    print(f"NER off, one process: best {len(articles) / best:.0f} articles/s, median "
          f"{len(articles) / median:.0f} ({args.repeat} runs), {len(result.mentions)} mentions, "
          f"{len(result.entities)} entities")
    per_article = [extractor.names_in(article, []) for article in articles]
    times = []
    for _ in range(args.repeat):
        began = time.perf_counter()
        quoted = sum(len(article_quotes(article, found, extractor.by_id))
                     for article, found in zip(articles, per_article, strict=True))
        times.append(time.perf_counter() - began)
    print(f"quotes alone (after names), one process: best {len(articles) / min(times):.0f} "
          f"articles/s, median {len(articles) / statistics.median(times):.0f}, {quoted} quotes")
    setup = ExtractionSetup(knowledge, load_topics(ROOT / "knowledge", set(extractor.by_id)),
                            False, None, "")
    pool = make_executor("process", args.jobs)
    try:
        began = time.perf_counter()
        extract_all(pool, setup, articles)
        stage = time.perf_counter() - began
        print(f"NER off, the build's extract stage (names, topics, events, quotes; {args.jobs} "
              f"processes): {len(articles) / stage:.0f} articles/s")
        if args.skip_ner:
            return
        ner.model()  # load once, outside both timings
        texts = [ner_text(article)[0] for article in articles]
        began = time.perf_counter()
        for _ in ner.model().pipe(texts, batch_size=32, n_process=args.jobs):
            pass
        spacy_only = time.perf_counter() - began
        began = time.perf_counter()
        found = extract_all(pool, setup._replace(ner=True), articles)
        full = time.perf_counter() - began
    finally:
        pool.close()
    print(f"spaCy nlp.pipe (ner only, n_process={args.jobs}): {spacy_only:.2f} s "
          f"= {words / spacy_only:.0f} words/s")
    print(f"NER on, the build's extract stage ({args.jobs} processes): {full:.2f} s = "
          f"{len(articles) / full:.0f} articles/s, "
          f"{sum(len(f.names.mentions) for f in found)} mentions")
    print(f"ratio extract(NER on) / nlp.pipe = {full / spacy_only:.2f} (target <= 1.3)")


if __name__ == "__main__":
    main()
