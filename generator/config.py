"""One typed configuration object, filled from the MkDocs plugin options or CLI flags."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path


def default_jobs() -> int:
    return os.cpu_count() or 1


@dataclass(frozen=True)
class Config:
    input_dir: Path
    knowledge_dir: Path
    ner: bool = True  # statistical NER for names the knowledge base lacks
    jobs: int = 1  # worker processes for reading, parsing and extraction
    executor: str = "process"  # "process" (local workers) | "dask" (see executor.py)
    scheduler: str | None = None  # a Dask scheduler's address; None: a local cluster
    cache_file: Path | None = None  # NER, parse and extraction results; None: no cache
    site_name: str = "Research site"
    site_url: str = ""
    max_file_bytes: int = 20_000_000  # larger files are skipped with a message
    max_articles: int = 100_000
    pagefind: bool = False  # search with Pagefind (a Search page) instead of Material's
    # copies of one story (Corpus.same_story) count once in entity and topic counts and the graph
    count_story_once: bool = True
    built: str = "1970-01-01T00:00:00Z"  # the build's timestamp: SOURCE_DATE_EPOCH, never the clock


def source_date_epoch(newest_stated_date: str | None) -> int:
    """SOURCE_DATE_EPOCH when set; else the newest date the articles state, so the same input
    gives the same sitemap and feed on any day."""
    if (value := os.environ.get("SOURCE_DATE_EPOCH", "").strip()).isdigit():
        return int(value)
    if newest_stated_date:
        parts = (newest_stated_date.split("-") + ["01", "01"])[:3]
        moment = datetime(int(parts[0]), int(parts[1]), int(parts[2]), tzinfo=UTC)
        return int(moment.timestamp())
    return 0


def iso_timestamp(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
