"""One typed configuration object, filled from the MkDocs plugin options or CLI flags."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


def default_jobs() -> int:
    return os.cpu_count() or 1


@dataclass(frozen=True)
class Config:
    input_dir: Path
    knowledge_dir: Path
    ner: bool = True  # statistical NER for names the knowledge base lacks
    jobs: int = 1  # worker processes for NER
    site_name: str = "Research site"
    site_url: str = ""
    max_file_bytes: int = 20_000_000  # larger files are skipped with a message
    max_articles: int = 100_000
