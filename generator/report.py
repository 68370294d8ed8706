"""What the user is told about their input: one line per problem, never a traceback."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable

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
