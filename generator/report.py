"""What the user is told about their input: one line per problem, never a traceback."""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from tqdm import tqdm

from .model import Problem

log = logging.getLogger("generator")


def setup_logging(level: int = logging.INFO) -> None:
    """Our own logger, apart from MkDocs' (whose warnings `--strict` turns into failures): a
    skipped input file is reported, and shown in the exit status, but is not a site error."""
    if not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  generator: %(message)s"))
        log.addHandler(handler)
        log.propagate = False
    log.setLevel(level)
    mkdocs_log = logging.getLogger("mkdocs")
    if not mkdocs_log.handlers:  # MkDocs' own CLI sets this up; called from ours, we do
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        mkdocs_log.addHandler(handler)
        mkdocs_log.setLevel(logging.INFO if level <= logging.DEBUG else logging.WARNING)


def log_problems(problems: Iterable[Problem]) -> None:
    setup_logging(log.level or logging.INFO)
    for problem in problems:
        log.warning(problem.line())


T = TypeVar("T")


def progress(items: Iterable[T], description: str, total: int | None = None) -> Iterable[T]:
    """A progress bar on a terminal; nothing in CI, in pipes, or with --quiet."""
    quiet = (not sys.stderr.isatty() or os.environ.get("CI") or
             log.getEffectiveLevel() > logging.INFO)
    if quiet:
        return items
    return tqdm(items, desc=description, total=total, unit="", leave=False, file=sys.stderr)


class StageTimer:
    """Wall time per pipeline stage, for the closing summary."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started

    def line(self) -> str:
        return ", ".join(f"{name} {seconds:.1f} s" for name, seconds in self.seconds.items())
