"""Decoding: every encoding a scraper produces becomes the same NFC text."""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

import pytest

from generator.ingest import decode_source, list_input_files

ARABIC = "قال مسؤول أمني إن حزب الله وحماس يعملان معا في لبنان وغزة منذ سنوات طويلة"
HEBREW = "מקור ביטחוני: ניסיון חיסול בלבנון נכשל, חיזבאללה וחמאס משתפים פעולה"
LATIN = "Café société — “naïve” résumé of Türkiye’s role in the talks in Doha"


@pytest.mark.parametrize(("data", "expected", "encoding"), [
    (LATIN.encode("utf-8"), LATIN, "utf-8"),
    (codecs.BOM_UTF8 + LATIN.encode("utf-8"), LATIN, "utf-8-sig"),
    (codecs.BOM_UTF16_LE + HEBREW.encode("utf-16-le"), HEBREW, "utf-16"),
    (codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be"), ARABIC, "utf-16"),
    (LATIN.encode("cp1252"), LATIN, "cp1252"),
    (ARABIC.encode("cp1256"), ARABIC, "cp1256"),
    (HEBREW.encode("cp1255"), HEBREW, "cp1255"),
])
def test_encodings_decode_to_the_same_text(data: bytes, expected: str, encoding: str) -> None:
    source = decode_source(data, "a.txt")
    assert source.text == expected
    assert source.encoding == encoding
    assert source.sha256 == hashlib.sha256(data).hexdigest()


def test_line_endings_and_unicode_are_normalised() -> None:
    decomposed = "Cafe\u0301\r\nline two\rline three\n"
    source = decode_source(decomposed.encode("utf-8"), "a.txt")
    assert source.text == "Café\nline two\nline three\n"


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty"), (b"  \n\t\n", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
])
def test_unusable_files_are_kept_with_a_reason(data: bytes, reason: str) -> None:
    source = decode_source(data, "bad.txt")
    assert source.text is None
    assert source.problem is not None and reason in source.problem


def test_only_visible_txt_files_in_sorted_order(tmp_path: Path) -> None:
    for name in ("b.txt", "a.TXT", ".hidden.txt", "notes.md", "sub/c.txt", ".git/d.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("text", encoding="utf-8")
    names = [p.relative_to(tmp_path).as_posix() for p in list_input_files(tmp_path)]
    assert names == ["a.TXT", "b.txt", "sub/c.txt"]
