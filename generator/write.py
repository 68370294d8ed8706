"""Writing to disk: the only module that writes. Output folders are replaced atomically."""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

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


# A build fills a staging folder `.<output>.new-<8 random characters>` beside the output (see
# tempfile.mkdtemp) and holds a lock on this file in it until the folder is swapped in; the
# kernel drops the lock when the process dies, even when it is killed, so a staging folder
# whose mark is not locked was left by a build that will never finish. (Hidden, so MkDocs'
# cleaning of its site folder keeps it.)
STAGING_MARK = ".research-staging"
STAGING_RANDOM = r"[a-z0-9_]{8}"


@contextmanager
def staged_dir(output: Path) -> Iterator[Path]:
    """A temporary folder beside `output` that replaces it only if the block succeeds, so a
    failed build leaves the previous site untouched."""
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_staging(output)
        staging = Path(tempfile.mkdtemp(prefix=staging_prefix(output), dir=output.parent))
    except OSError as error:
        raise OutputError(f"{error.filename or output}: cannot write the output here "
                          f"({error.strerror})") from None
    mark: IO[str] | None = None
    try:
        mark = lock_mark(staging)
        yield staging
        (staging / STAGING_MARK).unlink()  # still locked: no other build takes it for stale
        replace_dir(staging, output)
    finally:
        if mark is not None:
            mark.close()
        if staging.exists():
            shutil.rmtree(staging)


def staging_prefix(output: Path) -> str:
    return f".{output.name}.new-"


def lock_mark(staging: Path) -> IO[str]:
    """The open, locked mark of a live build; the lock lasts as long as the file is open."""
    mark = (staging / STAGING_MARK).open("w", encoding="utf-8")
    fcntl.flock(mark, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a folder mkdtemp just made: no waiting
    return mark


def remove_stale_staging(output: Path) -> None:
    """Remove the staging folders of killed builds into `output`, and nothing else: only a
    real folder (no link) named by `staged_dir` for this output, holding an unlocked mark."""
    ours = re.compile(re.escape(staging_prefix(output)) + STAGING_RANDOM)
    for path in output.parent.iterdir():
        if ours.fullmatch(path.name) and is_abandoned(path):
            shutil.rmtree(path, ignore_errors=True)  # what is left does no harm


def is_abandoned(staging: Path) -> bool:
    mark = staging / STAGING_MARK
    try:
        if not (stat.S_ISDIR(staging.lstat().st_mode) and stat.S_ISREG(mark.lstat().st_mode)):
            return False
        with mark.open(encoding="utf-8") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)  # released when closed
    except OSError:  # locked by a live build (BlockingIOError), or not ours to judge
        return False
    return True


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
