"""A content-addressed cache, so a rebuild only does the work whose inputs changed.

Three kinds of values live in one SQLite file, one table each: NER spans by paragraph text,
parsed files by file content, and each article's extraction results by article. Keys are
SHA-256 of a namespace (what else the value depends on: the model, the knowledge base, the
generator's own code) and the content, so a stale value is never found, only not used.
SQLite lets the several processes of a parallel build read at once and write in turn.

The values are pickles: the cache file must be as trusted as the code (it is written only by
this program, in the project's `.cache/`).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


class Cache:
    def __init__(self, path: Path | None, table: str, namespace: str) -> None:
        self.table = table
        self.namespace = namespace
        self.connection: sqlite3.Connection | None = None
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Parallel workers write in turn: wait for the lock rather than fail.
            self.connection = sqlite3.connect(path, timeout=120)
            self.connection.execute(f"CREATE TABLE IF NOT EXISTS {table} "
                                    "(key TEXT PRIMARY KEY, value BLOB NOT NULL)")
        except (OSError, sqlite3.Error) as error:
            raise CacheError(f"{path}: cannot use this file as the cache ({error}); "
                             "set `cache:` in mkdocs.yml to another path, or to \"\"") from None

    def key(self, *content: str) -> str:
        return hashlib.sha256("\0".join((self.namespace, *content)).encode()).hexdigest()

    def get_many(self, keys: list[str]) -> dict[str, bytes]:
        if self.connection is None:
            return {}
        found: dict[str, bytes] = {}
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            rows = self.connection.execute(
                f"SELECT key, value FROM {self.table} "
                f"WHERE key IN ({','.join('?' * len(chunk))})", chunk)
            found.update(rows)
        return found

    def put_many(self, items: Iterable[tuple[str, bytes | str]]) -> None:
        if self.connection is None:
            return
        with self.connection:
            self.connection.executemany(
                f"INSERT OR REPLACE INTO {self.table} (key, value) VALUES (?, ?)", items)


class CacheError(Exception):
    """The cache file cannot be opened; its message is one line for the user."""


def fingerprint(*folders: Path) -> str:
    """A hash of the generator's code and of the files in `folders` (the knowledge base): what
    cached parse and extraction results depend on besides the article itself."""
    digest = hashlib.sha256(code_fingerprint().encode())
    for folder in folders:
        for path in sorted(folder.glob("*")) if folder.is_dir() else []:
            if path.is_file():
                digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@cache
def code_fingerprint() -> str:
    """The generator's code and its word lists (data/*.yml: the cues extraction reads)."""
    digest = hashlib.sha256()
    for path in sorted([*PACKAGE.rglob("*.py"), *PACKAGE.glob("data/*.yml")]):
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
