"""Reading and decoding input files: the only module that reads the input folder.

Every regular `*.txt` file directly in the input folder or below it becomes a Source, in
sorted path order so builds are deterministic. Files that cannot be used are kept as Sources
with a `problem`, so the Sources page can say what became of every file.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from charset_normalizer import from_bytes

from .model import Source

# Legacy code pages this project's users meet; on a near tie charset-normalizer's first
# guess is often a sibling (cp1250 for cp1252 text), so these win ties.
PREFERRED_LEGACY = ("cp1252", "cp1256", "cp1255", "utf_8")
NEAR_TIE = 0.05


IGNORED = "ignored: only visible *.txt files are read"


class Note(NamedTuple):
    """An entry of the input folder that is not read although no article is lost."""

    name: str  # relative to the input folder, with forward slashes
    message: str


class InputFolder(NamedTuple):
    files: list[Path]  # regular, visible *.txt files, in sorted relative-path order
    # Visible *.txt entries and folders that cannot be read, as Sources with their `problem`
    # (skipped, so they are listed with the files on the Sources page), in name order.
    unreadable: list[Source]
    notes: list[Note]  # everything else under the folder (but .git), in name order


def list_input_files(folder: Path) -> list[Path]:
    """Every regular, non-hidden `*.txt` file under `folder`, in a stable order."""
    return scan_input(folder).files


def scan_input(folder: Path) -> InputFolder:
    """Which entries under `folder` are read, and a reason for every other one, so no file is
    dropped unsaid. Raises OSError when `folder` itself cannot be listed."""
    files: list[Path] = []
    badly_named: list[str] = []
    others: list[tuple[Path, os.stat_result | OSError]] = []
    for path, info in walk(folder):
        name = path.relative_to(folder).as_posix()
        if not (isinstance(info, os.stat_result) and stat.S_ISREG(info.st_mode)
                and wanted(name)):
            others.append((path, info))
        elif is_utf8(name):
            files.append(path)
        else:
            badly_named.append(name)
    read = set(files)
    entries = [entry for path, info in others
               if (entry := unread_entry(folder, path, info, read)) is not None]
    # A name that is not UTF-8 cannot be shown on a page or written in corpus.json.
    entries += [unreadable(name, "the file name is not valid UTF-8; rename the file")
                for name in badly_named]
    return InputFolder(sorted(files, key=lambda p: p.relative_to(folder).as_posix()),
                       sorted((e for e in entries if isinstance(e, Source)),
                              key=lambda source: source.file),
                       sorted(e for e in entries if isinstance(e, Note)))


def unreadable(name: str, problem: str) -> Source:
    return Source(shown(name), "0" * 64, 0, None, None, problem=problem)


def walk(top: Path) -> Iterator[tuple[Path, os.stat_result | OSError]]:
    """Every entry below `top` with its own status, or the error met reading it. Links are
    not followed: one may lead out of the folder, or round in a loop. `.git` is left out."""
    pending = [top]
    while pending:
        folder = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as error:
            if folder == top:
                raise
            yield folder, error
            continue
        for entry in entries:
            if entry.name == ".git":
                continue
            path = Path(entry.path)
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError as error:
                yield path, error
                continue
            yield path, info
            if stat.S_ISDIR(info.st_mode):
                pending.append(path)


def wanted(name: str) -> bool:
    return name.lower().endswith(".txt") and not hidden(name)


def unread_entry(folder: Path, path: Path, info: os.stat_result | OSError,
                 read: set[Path]) -> Source | Note | None:
    """Why `path` is not read: a skipped Source when an article may be lost, else a Note;
    None for a folder whose name says nothing (its files are read)."""
    name = path.relative_to(folder).as_posix()
    if isinstance(info, OSError):
        what = "folder" if path.is_dir() else "file"
        problem = f"{what} cannot be read ({info.strerror})"
        may_hold_articles = wanted(name) or what == "folder" and not hidden(name)
        return unreadable(name, problem) if may_hold_articles else Note(shown(name),
                                                                        f"ignored: {problem}")
    if stat.S_ISDIR(info.st_mode):
        return (Note(shown(name), "a folder, not a file: the *.txt files in it are read")
                if wanted(name) else None)
    if not wanted(name):
        return Note(shown(name), IGNORED)
    if stat.S_ISLNK(info.st_mode):
        return unread_link(folder, path, read)
    return unreadable(name, f"not a regular file ({file_kind(info.st_mode)})")


def unread_link(folder: Path, path: Path, read: set[Path]) -> Source | Note:
    name, target = path.relative_to(folder).as_posix(), shown(os.readlink(path))
    if not path.exists():  # also a loop of links
        return unreadable(name, f"broken symbolic link (to {target})")
    if path.resolve() in read:
        # Another name for a file that is read anyway: nothing is lost.
        return Note(shown(name), f"ignored: a symbolic link to {target}, which is read itself")
    return unreadable(name, f"a symbolic link (to {target}); links are not followed, copy the "
                            "file into the folder instead")


def hidden(name: str) -> bool:
    return any(part.startswith(".") for part in name.split("/"))


def file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a file"


def is_utf8(name: str) -> bool:
    # Undecodable bytes in a file name arrive as lone surrogates (PEP 383).
    return name == shown(name)


def shown(name: str) -> str:
    """The name as it can be printed and written: undecodable bytes become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def read_bytes(path: Path, name: str, max_bytes: int | None = None) -> bytes | Source:
    """The file's bytes, or a Source saying why it cannot be read."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            # Replaced since the folder was listed: opening a named pipe would wait forever.
            return Source(name, "0" * 64, 0, None, None,
                          problem=f"not a regular file ({file_kind(info.st_mode)})")
        if max_bytes is not None and info.st_size > max_bytes:
            return Source(name, "0" * 64, info.st_size, None, None,
                          problem=f"{info.st_size} bytes, over the limit of {max_bytes} "
                                  "(max_file_bytes)")
        return path.read_bytes()
    except OSError as error:
        return Source(name, "0" * 64, 0, None, None, problem=f"unreadable ({error.strerror})")


def decode_source(data: bytes, name: str) -> Source:
    sha = hashlib.sha256(data).hexdigest()
    raw, encoding, problem, warnings = decode_bytes(data)
    if raw is None:
        return Source(name, sha, len(data), None, encoding, problem=problem)
    text = normalise(raw)
    if not text.strip():
        return Source(name, sha, len(data), None, encoding, problem="empty file (no text)")
    if removed := len(disguising(raw)):
        warnings.append(f"removed {removed} invisible bidi-override or zero-width "
                        "character(s) that could disguise text")
    if controls := len(CONTROL.findall(raw)):
        warnings.append(f"removed {controls} NUL or other control character(s)")
    return Source(name, sha, len(data), text, encoding, warnings=tuple(warnings))


def decode_bytes(data: bytes) -> tuple[str | None, str | None, str | None, list[str]]:
    """(text, encoding, problem, warnings); text is None when the bytes are not usable text."""
    if not data:
        return None, None, "empty file (0 bytes)", []
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding, None, []
            except UnicodeDecodeError:
                return None, None, f"invalid {encoding} despite its byte-order mark", []
    if looks_binary(data):
        return None, None, "binary data, not text", []
    try:
        return data.decode("utf-8"), "utf-8", None, []
    except UnicodeDecodeError as error:
        first_bad = error.start
    replaced = data.decode("utf-8", errors="replace")
    broken = replaced.count("\ufffd")
    multibyte = sum(1 for char in replaced if ord(char) > 127) - broken
    if multibyte > broken and broken <= max(4, len(replaced) // 200):
        # Real UTF-8 (it has valid multi-byte letters) with a few broken bytes: keep it and
        # say where. ASCII with stray high bytes is a legacy code page instead.
        return replaced, "utf-8", None, [f"invalid UTF-8 byte(s) from byte offset {first_bad} "
                                         "replaced with U+FFFD"]
    legacy = detect_legacy_encoding(data)
    if legacy is None:
        return None, None, "unknown text encoding", []
    return data.decode(legacy, errors="replace"), legacy, None, []


BINARY_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f]")


def looks_binary(data: bytes) -> bool:
    """Mostly control bytes or NULs: an image or archive renamed .txt. A stray NUL in text is
    removed instead (see CONTROL)."""
    head = data[:8192]
    return len(BINARY_BYTES.findall(head)) > len(head) * 0.02


def detect_legacy_encoding(data: bytes) -> str | None:
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        return None
    for match in matches:
        if match.encoding in PREFERRED_LEGACY and match.chaos <= best.chaos + NEAR_TIE:
            return str(match.encoding)
    return str(best.encoding)


_LINE_ENDINGS = re.compile(r"\r\n?|\u2028|\u2029|\x85")
# Invisible characters that can disguise text: bidi embeddings, overrides and isolates (they
# can make "Hamas" display as "Hasam"), zero-width spaces, and zero-width (non-)joiners next
# to Latin letters, where no script needs them. RLM/LRM marks, which Arabic and Hebrew text
# legitimately uses, are kept, as are joiners inside Arabic-script words.
DISGUISING = re.compile(r"[\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]"
                        r"|(?<=[A-Za-z])[\u200c\u200d]|[\u200c\u200d](?=[A-Za-z])")

INVISIBLE = re.compile(r"[\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff\u200c\u200d]")

# NUL and other C0 controls except tab, newline and carriage return (handled above).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def normalise(text: str) -> str:
    """Unix line endings, NFC, no control characters and no disguising invisible characters,
    so offsets, matching and display all see the same letters."""
    text = _LINE_ENDINGS.sub("\n", text)
    if disguising(text):
        text = DISGUISING.sub("", text)
    return unicodedata.normalize("NFC", CONTROL.sub("", text))


def disguising(text: str) -> list[str]:
    # The look-arounds make DISGUISING slow on long text; most text has no invisible
    # character at all, which a plain character class tells at once.
    return DISGUISING.findall(text) if INVISIBLE.search(text) else []
