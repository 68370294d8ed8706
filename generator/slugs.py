"""Every URL and file name the site uses is made here, from text we do not trust.

Slugs are lowercase ASCII (python-slugify transliterates Arabic and Hebrew), so a title such
as "../../x" or one made only of punctuation can never choose where a file is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from slugify import slugify

MAX_SLUG_LENGTH = 80


def slug(text: str, fallback: str = "item") -> str:
    made = slugify(text, max_length=MAX_SLUG_LENGTH, word_boundary=True, save_order=True)
    return made or fallback


def unique_slugs(texts: Iterable[str], fallback: str = "item",
                 taken: Iterable[str] = ()) -> list[str]:
    """One slug per text, in order; later duplicates get -2, -3, ... appended."""
    used = set(taken)
    result = []
    for text in texts:
        base = slug(text, fallback)
        candidate, number = base, 2
        while candidate in used:
            candidate, number = f"{base}-{number}", number + 1
        used.add(candidate)
        result.append(candidate)
    return result


def page_path(url: str) -> str:
    """The Markdown source path of a directory URL: "articles/x/" -> "articles/x.md"."""
    return "index.md" if url == "" else url.rstrip("/") + ".md"


@lru_cache(maxsize=1 << 16)
def relative_url(from_url: str, to_url: str) -> str:
    """Link from the page at directory URL `from_url` to `to_url` (both site-relative, no
    ".." inside): climb out of what they do not share, then descend. Pure string work, as it
    runs for every link on every page."""
    if to_url.startswith("#"):
        return to_url
    target, _, fragment = to_url.partition("#")
    here = from_url.split("/")[:-1]  # directory URLs end in "/"; the home page is ""
    there = target.split("/")
    shared = 0
    while shared < min(len(here), len(there) - 1) and here[shared] == there[shared]:
        shared += 1
    path = "../" * (len(here) - shared) + "/".join(there[shared:])
    return (path or "./") + (f"#{fragment}" if fragment else "")
