"""A content-addressed cache of NER results, so a rebuild only runs the model on new text.

Keys are SHA-256 of (model name and version, text); values are the spans as JSON. One SQLite
file holds them: safe for the several processes of a parallel build to read, and for one
build at a time to write.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any


class SpanCache:
    def __init__(self, path: Path | None, namespace: str) -> None:
        self.path = path
        self.namespace = namespace
        self.connection: sqlite3.Connection | None = None
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Parallel workers write in turn: wait for the lock rather than fail.
            self.connection = sqlite3.connect(path, timeout=120)
            self.connection.execute(
                "CREATE TABLE IF NOT EXISTS spans (key TEXT PRIMARY KEY, value TEXT NOT NULL)")

    def key(self, text: str) -> str:
        return hashlib.sha256(f"{self.namespace}\0{text}".encode()).hexdigest()

    def get_many(self, texts: list[str]) -> dict[str, Any]:
        if self.connection is None:
            return {}
        keys = [self.key(text) for text in texts]
        found: dict[str, Any] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            rows = self.connection.execute(
                f"SELECT key, value FROM spans WHERE key IN ({','.join('?' * len(chunk))})",
                chunk)
            found.update((key, json.loads(value)) for key, value in rows)
        return found

    def put_many(self, items: Iterable[tuple[str, Any]]) -> None:
        if self.connection is None:
            return
        with self.connection:
            self.connection.executemany(
                "INSERT OR REPLACE INTO spans (key, value) VALUES (?, ?)",
                ((self.key(text), json.dumps(value)) for text, value in items))
