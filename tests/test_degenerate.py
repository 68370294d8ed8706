"""Broken and odd input files: every one is read, warned about or skipped with a reason,
and no article is silently lost."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from generator.config import Config
from generator.pipeline import InputError, build_corpus

from .conftest import run_cli

BODY = ("Officials said on Sunday that the talks would resume next week in Cairo, and that both "
        "delegations had agreed to an agenda drawn up by the mediators.")


def make_folder(folder: Path) -> None:
    files: dict[str, bytes] = {
        "empty.txt": b"",
        "blank.txt": b"  \n\t\n\n",
        "title-only.txt": b"Just a headline\n",
        "long-line.txt": ("Long line\n\n" + "word " * 40_000).encode(),
        "binary.txt": bytes(range(256)) * 8,
        "same-title-1.txt": f"Same headline\n\n{BODY}\n".encode(),
        "same-title-2.txt": f"Same headline\n\n{BODY} Another paragraph.\n".encode(),
        "copy-a.txt": f"Copied article\n\n{BODY}\n".encode(),
        "copy-b.txt": f"Copied article\n\n{BODY}\n".encode(),
        "bad-utf8.txt": f"Broken bytes\n\n{BODY} Café — naïve “quotes”.".encode() +
                        b" \xff end.\n",
        "nul.txt": f"Stray NUL\n\n{BODY}\x00 more.\n".encode(),
        "cr-only.txt": f"Old Mac endings\r\r{BODY}\r".encode(),
        "utf16.txt": codecs.BOM_UTF16_LE + f"UTF-16 article\n\n{BODY}\n".encode("utf-16-le"),
        "name with spaces.txt": f"Spaces in the name\n\n{BODY}\n".encode(),
        "-leading-dash.txt": f"Leading dash\n\n{BODY}\n".encode(),
        "חדשות.txt": f"Hebrew file name\n\n{BODY}\n".encode(),
        "sub/nested.txt": f"In a subfolder\n\n{BODY}\n".encode(),
        "notes.md": b"# not an article",
        ".hidden.txt": b"hidden",
    }
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)


def test_every_file_is_accounted_for(tmp_path: Path) -> None:
    make_folder(tmp_path)
    corpus = build_corpus(Config(input_dir=tmp_path, knowledge_dir=tmp_path, ner=False))
    by_file = {s.file: s for s in corpus.sources}
    problems = {p.file: p for p in corpus.problems}
    for name in ("empty.txt", "blank.txt", "binary.txt"):
        assert by_file[name].text is None and problems[name].skipped, name
    assert "byte-identical to copy-a.txt" in (by_file["copy-b.txt"].problem or "")
    assert not problems["copy-b.txt"].skipped
    for name in ("notes.md", ".hidden.txt"):
        assert "ignored" in problems[name].message
    assert "byte offset" in problems["bad-utf8.txt"].message
    assert "control character" in problems["nul.txt"].message
    titles = {a.source_file: a.title for a in corpus.articles}
    assert titles["cr-only.txt"] == "Old Mac endings"
    assert titles["utf16.txt"] == "UTF-16 article"
    assert titles["sub/nested.txt"] == "In a subfolder"
    assert titles["חדשות.txt"] == "Hebrew file name"
    assert titles["-leading-dash.txt"] == "Leading dash"
    same = sorted(a.id for a in corpus.articles if a.title == "Same headline")
    assert same == ["same-headline", "same-headline-2"]
    readable = [s for s in corpus.sources if s.text is not None]
    assert {a.source_file for a in corpus.articles} == {s.file for s in readable}


def test_limits_give_a_clear_message(tmp_path: Path) -> None:
    make_folder(tmp_path)
    corpus = build_corpus(Config(input_dir=tmp_path, knowledge_dir=tmp_path, ner=False,
                                 max_file_bytes=100_000))
    assert "over the limit" in (next(s for s in corpus.sources
                                     if s.file == "long-line.txt").problem or "")
    with pytest.raises(InputError, match="over the limit of 3"):
        build_corpus(Config(input_dir=tmp_path, knowledge_dir=tmp_path, ner=False,
                            max_articles=3))


@pytest.mark.slow
def test_degenerate_folder_builds(tmp_path: Path) -> None:
    make_folder(tmp_path / "in")
    result = run_cli("build", "--no-ner", "--input", str(tmp_path / "in"), "--site",
                     str(tmp_path / "site"))
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    assert all(len(line) < 300 for line in result.stderr.splitlines())
    sources = (tmp_path / "site/sources/index.html").read_text(encoding="utf-8")
    assert "binary.txt" in sources and "byte-identical" in sources


def run_python(code: str) -> str:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=600, check=True)
    return result.stdout.strip()


@pytest.mark.slow
def test_a_5_mb_article_builds_with_bounded_memory(tmp_path: Path) -> None:
    paragraph = BODY + " Hamas and Hezbollah officials met in Beirut in March 2017 ({}).\n\n"
    count = 5_000_000 // len(paragraph)
    text = "A very long article\n\n" + "".join(paragraph.format(n) for n in range(count))
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    peak_mb = int(run_python(f"""
import resource
from pathlib import Path
from generator.config import Config
from generator.pipeline import build_corpus
from generator.render import render_site
config = Config(input_dir=Path({str(tmp_path)!r}), knowledge_dir=Path("knowledge"), ner=False)
corpus = build_corpus(config)
site = render_site(corpus, config)
assert len(corpus.articles) == 1 and len(corpus.articles[0].paragraphs) > 20_000
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""))
    assert peak_mb < 3000, peak_mb


def test_a_50_mb_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    with (tmp_path / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 2**20)  # sparse: 50 MB that the build must not load
    (tmp_path / "small.txt").write_text(f"Small article\n\n{BODY}\n", encoding="utf-8")
    peak_mb = int(run_python(f"""
import resource
from pathlib import Path
from generator.config import Config
from generator.pipeline import build_corpus
corpus = build_corpus(Config(input_dir=Path({str(tmp_path)!r}), knowledge_dir=Path("."),
                             ner=False))
assert [a.source_file for a in corpus.articles] == ["small.txt"]
assert "over the limit" in corpus.sources[0].problem
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""))
    assert peak_mb < 400, peak_mb
