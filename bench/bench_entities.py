"""Entity extraction speed on a synthetic corpus, NER off and on, beside spaCy's own nlp.pipe.

    python -m bench.bench_entities --articles 1000 --jobs 2

Prints figures; asserts nothing (the machines are shared and noisy: compare ratios).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from generator.extract import ner
from generator.extract.entities import EntityExtractor, ner_text
from generator.extract.knowledge import load_knowledge
from generator.ingest import read_sources
from generator.parse import parse_source
from generator.pipeline import assign_ids

from .synth import write_corpus

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--skip-ner", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        write_corpus(Path(folder), args.articles)
        started = time.perf_counter()
        sources = read_sources(Path(folder))
        articles = assign_ids([a for s in sources for a in parse_source(s)[0]])
        parsed = time.perf_counter()
    extractor = EntityExtractor(load_knowledge(ROOT / "knowledge"))
    words = sum(a.word_count for a in articles)
    print(f"{len(articles)} articles, {words} words; ingest+parse {parsed - started:.2f} s "
          f"({len(articles) / (parsed - started):.0f} articles/s)")
    began = time.perf_counter()
    result = extractor.extract(articles, ner=False)
    off = time.perf_counter() - began
    print(f"NER off: extract {off:.2f} s = {len(articles) / off:.0f} articles/s, "
          f"{len(result.mentions)} mentions, {len(result.entities)} entities")
    if args.skip_ner:
        return
    ner.model()  # load once, outside both timings
    texts = [ner_text(article)[0] for article in articles]
    began = time.perf_counter()
    for _ in ner.model().pipe(texts, batch_size=32, n_process=args.jobs):
        pass
    spacy_only = time.perf_counter() - began
    began = time.perf_counter()
    result = extractor.extract(articles, ner=True, jobs=args.jobs)
    full = time.perf_counter() - began
    print(f"spaCy nlp.pipe (ner only, n_process={args.jobs}): {spacy_only:.2f} s "
          f"= {words / spacy_only:.0f} words/s")
    print(f"NER on: extract {full:.2f} s = {len(articles) / full:.0f} articles/s, "
          f"{len(result.mentions)} mentions, {len(result.entities)} entities")
    print(f"ratio extract(NER on) / nlp.pipe = {full / spacy_only:.2f} (target <= 1.3)")


if __name__ == "__main__":
    main()
