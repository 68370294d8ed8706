"""Reading and decoding input files: the only module that reads the input folder.

Every regular `*.txt` file directly in the input folder or below it becomes a Source, in
sorted path order so builds are deterministic. Files that cannot be used are kept as Sources
with a `problem`, so the Sources page can say what became of every file.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from pathlib import Path

from charset_normalizer import from_bytes

from .model import Source

# Legacy code pages this project's users meet; on a near tie charset-normalizer's first
# guess is often a sibling (cp1250 for cp1252 text), so these win ties.
PREFERRED_LEGACY = ("cp1252", "cp1256", "cp1255", "utf_8")
NEAR_TIE = 0.05


def list_input_files(folder: Path) -> list[Path]:
    """Every regular, non-hidden `*.txt` file under `folder`, in a stable order."""
    files = []
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.suffix.lower() == ".txt" and path.is_file() and not path.is_symlink():
            files.append(path)
    return sorted(files, key=lambda p: p.relative_to(folder).as_posix())


def ignored_files(folder: Path) -> list[str]:
    """Files in the input folder that are not read (not *.txt, or hidden), to report them."""
    read = set(list_input_files(folder))
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")
                  if p.is_file() and p not in read and ".git" not in p.relative_to(folder).parts)


def read_bytes(path: Path, name: str, max_bytes: int | None = None) -> bytes | Source:
    """The file's bytes, or a Source saying why it cannot be read."""
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            return Source(name, "0" * 64, size, None, None,
                          problem=f"{size} bytes, over the limit of {max_bytes} (max_file_bytes)")
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
