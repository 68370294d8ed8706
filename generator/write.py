"""Writing to disk: the only module that writes. Output folders are replaced atomically."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .render import Site

# A folder we may replace holds a previous site (MkDocs writes sitemap.xml and 404.html) or
# previously generated docs, or is empty.
SITE_MARKERS = ("sitemap.xml", "404.html", "data/corpus.json")


class OutputError(Exception):
    """The output folder is unsafe to replace; the message says why, in one line."""


def check_output_dir(output: Path, input_dir: Path, project_root: Path) -> None:
    output, input_dir = output.resolve(), input_dir.resolve()
    if output in (input_dir, project_root.resolve(), Path.home().resolve(), Path("/")):
        raise OutputError(f"{output}: refusing to write the site over this folder")
    if input_dir.is_relative_to(output):
        raise OutputError(f"{output}: the output folder contains the input folder")
    if output.exists() and (not output.is_dir() or (any(output.iterdir()) and not any(
            (output / marker).exists() for marker in SITE_MARKERS))):
        raise OutputError(f"{output}: exists and does not hold a previous site; "
                          "choose an empty or new folder")


@contextmanager
def staged_dir(output: Path) -> Iterator[Path]:
    """A temporary folder beside `output` that replaces it only if the block succeeds, so a
    failed build leaves the previous site untouched."""
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
    try:
        yield staging
        replace_dir(staging, output)
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def replace_dir(new: Path, output: Path) -> None:
    old = output.with_name(f".{output.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if output.exists():
        os.replace(output, old)
    os.replace(new, output)
    if old.exists():
        shutil.rmtree(old)


def write_site_sources(site: Site, folder: Path) -> None:
    """Write the generated Markdown and data files (the `generate` command)."""
    for relative, content in [*site.pages.items(), *site.files.items()]:
        write_text(folder, relative, content)


def write_text(folder: Path, relative: str, content: str) -> None:
    target = (folder / relative).resolve()
    if not target.is_relative_to(folder.resolve()):
        raise OutputError(f"{relative}: path leaves the output folder")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(content, encoding="utf-8")


def build_into(output: Path, build: Callable[[Path], None]) -> None:
    with staged_dir(output) as staging:
        build(staging)
