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


def read_sources(folder: Path) -> list[Source]:
    return [read_source(path, path.relative_to(folder).as_posix())
            for path in list_input_files(folder)]


def read_source(path: Path, name: str) -> Source:
    try:
        data = path.read_bytes()
    except OSError as error:
        return Source(name, "0" * 64, 0, None, None, problem=f"unreadable ({error.strerror})")
    return decode_source(data, name)


def decode_source(data: bytes, name: str) -> Source:
    sha = hashlib.sha256(data).hexdigest()
    text, encoding, problem = decode_bytes(data)
    if text is not None and not text.strip():
        text, problem = None, "empty file (no text)"
    warnings = []
    if text is not None and encoding is not None and \
            (removed := disguising_characters(data.decode(encoding, errors="replace"))):
        warnings.append(f"removed {removed} invisible bidi-override or zero-width "
                        "character(s) that could disguise text")
    return Source(name, sha, len(data), text, encoding, problem=problem,
                  warnings=tuple(warnings))


def decode_bytes(data: bytes) -> tuple[str | None, str | None, str | None]:
    """Returns (text, encoding, problem); text is None when the bytes are not usable text."""
    if not data:
        return None, None, "empty file (0 bytes)"
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return normalise(data.decode(encoding)), encoding, None
            except UnicodeDecodeError:
                return None, None, f"invalid {encoding} despite its byte-order mark"
    if looks_binary(data):
        return None, None, "binary data, not text"
    try:
        return normalise(data.decode("utf-8")), "utf-8", None
    except UnicodeDecodeError:
        pass
    legacy = detect_legacy_encoding(data)
    if legacy is None:
        return None, None, "unknown text encoding"
    return normalise(data.decode(legacy, errors="replace")), legacy, None


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    controls = sum(1 for byte in head if byte < 9 or 13 < byte < 32)
    return b"\x00" in head or controls > len(head) * 0.05


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


def normalise(text: str) -> str:
    """Unix line endings, NFC and no disguising invisible characters, so offsets, matching and
    display all see the same letters."""
    return unicodedata.normalize("NFC", DISGUISING.sub("", _LINE_ENDINGS.sub("\n", text)))


def disguising_characters(text: str) -> int:
    return len(DISGUISING.findall(text))
