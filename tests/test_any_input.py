"""Any input, no traceback: texts longer than the NER model takes, files that cannot be read,
and the staging folder a killed build leaves behind."""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.config import Config
from generator.extract import ner
from generator.ingest import scan_input
from generator.pipeline import InputError, build_corpus
from generator.slugs import page_path
from generator.write import STAGING_MARK, build_into, remove_stale_staging

from .conftest import ROOT, run_cli

BODY = ("Officials said on Sunday that the talks would resume next week in Cairo, and that both "
        "delegations had agreed to an agenda drawn up by the mediators.")
# Sentences of our own, repeated into long texts: names the knowledge base has (Hamas,
# Beirut), names only NER finds (Angela Merkel), abbreviations ("Dr.", "U.S.") and a date.
SENTENCES = ("Angela Merkel met Emmanuel Macron in Paris on March 26, 2017. "
             "Officials of Hamas and Hezbollah said the talks in Beirut would resume. "
             "Dr. Sarah Kellerman of the U.S. embassy told reporters nothing was agreed! "
             "Did the delegations from Qatar and Egypt accept the agenda? ")


def repeated(size: int) -> str:
    return (SENTENCES * (size // len(SENTENCES) + 1))[:size]


# --- NER in pieces ----------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "size", "cuts"), [
    # After the last sentence that fits, not inside "Dr. Kellerman" or "U.S. officials".
    ("Dr. Kellerman spoke. U.S. officials agreed. Then it ended.", 30, [21, 44]),
    # A paragraph break later than the last sentence end.
    ("One sentence. Then a heading\n\nand more words here", 35, [30]),
    # No sentence end: after the last space, so no word is cut.
    ("lower case words with no end at all", 12, [11, 22, 32]),
    # No space at all: a hard cut.
    ("x" * 25, 10, [10, 20]),
])
def test_long_texts_are_cut_at_sentences_then_spaces_then_anywhere(
        text: str, size: int, cuts: list[int]) -> None:
    pieces = ner.split_for_model(text, size)
    assert [offset for offset, _ in pieces[1:]] == cuts
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= size and text[offset:].startswith(piece)
               for offset, piece in pieces)


def test_names_after_a_cut_keep_their_offsets_in_the_whole_text(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(ner, "PIECE_CHARS", 300)
    text = repeated(1500)
    assert len(ner.split_for_model(text, 300)) >= 5
    [spans] = ner.find_names([text], cache_path=tmp_path / "cache.sqlite")
    assert spans and all(text[s.start:s.end] == s.text for s in spans)
    late = [s.start for s in spans if s.text == "Angela Merkel" and s.start > 300]
    expected = [i for i in range(300, len(text)) if text.startswith("Angela Merkel", i)]
    assert late == expected
    # Cached for the whole text, as before: a second call does not run the model.
    monkeypatch.setattr(ner, "model", lambda: pytest.fail("the model ran again"))
    assert ner.find_names([text], cache_path=tmp_path / "cache.sqlite") == [spans]


def test_batches_are_bounded_by_characters_too() -> None:
    pieces = ["a" * 90_000, "b" * 90_000, "c" * 90_000, "d", "e"]
    assert [len(batch) for batch in ner.batches(pieces, 32, 200_000)] == [2, 3]
    assert [len(batch) for batch in ner.batches(["x"] * 5, 2, 200_000)] == [2, 2, 1]


# --- files that cannot be read ----------------------------------------------------------------

def make_odd_folder(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("good.txt", "locked.txt", "folder.txt/inner.txt", "private/a.txt",
                 b"bad\xffname.txt".decode("utf-8", "surrogateescape")):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(f"Article in {name!a}\n\n{BODY}\n", encoding="utf-8")
    (folder / "broken.txt").symlink_to("missing.txt")
    (folder / "loop.txt").symlink_to("loop.txt")
    (folder / "alias.txt").symlink_to("good.txt")
    (folder / "outside.txt").symlink_to(ROOT / "README.md")
    (folder / "linked-folder").symlink_to(folder / "folder.txt")
    os.mkfifo(folder / "pipe.txt")


def deny(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """locked.txt cannot be read and private/ cannot be listed, as for a user without the
    rights (root has them all, so the errors are made for it)."""
    (folder / "locked.txt").chmod(0)
    (folder / "private").chmod(0)
    read_bytes, scandir = pathlib.Path.read_bytes, os.scandir

    def refuse_file(path: Path) -> bytes:
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return read_bytes(path)

    def refuse_folder(path: Any) -> Any:
        if Path(path).name == "private":
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(pathlib.Path, "read_bytes", refuse_file)
    monkeypatch.setattr(os, "scandir", refuse_folder)


def test_every_unreadable_input_is_named_in_one_line(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    make_odd_folder(folder)
    deny(monkeypatch, folder)
    try:
        corpus = build_corpus(Config(input_dir=folder, knowledge_dir=tmp_path / "kb", ner=False))
    finally:
        (folder / "private").chmod(0o755)  # so pytest can remove it
    problems = {p.file: p for p in corpus.problems}
    skipped = {"broken.txt": "broken symbolic link (to missing.txt)",
               "loop.txt": "broken symbolic link",
               "outside.txt": "links are not followed",
               "pipe.txt": "not a regular file (a named pipe)",
               "locked.txt": "unreadable (Permission denied)",
               "private": "folder cannot be read (Permission denied)",
               "bad\ufffdname.txt": "not valid UTF-8"}
    for name, reason in skipped.items():
        assert problems[name].skipped and reason in problems[name].message, name
    # Each also a Source, so the Sources page lists it with the files that were read.
    assert {s.file for s in corpus.sources if s.problem} == set(skipped)
    for name, reason in {"alias.txt": "which is read itself", "folder.txt": "a folder",
                         "linked-folder": "ignored"}.items():
        assert not problems[name].skipped and reason in problems[name].message, name
    assert all("\n" not in p.line() for p in corpus.problems)
    assert sorted(a.source_file for a in corpus.articles) == ["folder.txt/inner.txt", "good.txt"]


def test_a_folder_with_nothing_readable_says_which_files(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in/broken.txt").symlink_to("missing.txt")
    with pytest.raises(InputError, match=r"no \*\.txt files .* \(skipped: broken\.txt\)"):
        build_corpus(Config(input_dir=tmp_path / "in", knowledge_dir=tmp_path / "kb",
                            ner=False))


def test_links_are_never_followed_out_of_the_folder(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in/up").symlink_to(tmp_path)  # a loop, through the parent folder
    (tmp_path / "elsewhere.txt").write_text("not in the input folder", encoding="utf-8")
    scan = scan_input(tmp_path / "in")
    assert scan.files == [] and scan.unreadable == []
    assert scan.notes == [("up", "ignored: only visible *.txt files are read")]


# --- staging folders of killed builds ---------------------------------------------------------

BUILD_THAT_WAITS = """
import sys
from pathlib import Path
from generator.write import staged_dir
with staged_dir(Path(sys.argv[1])) as staging:
    (staging / "page.md").write_text("half a site", encoding="utf-8")
    print(staging, flush=True)
    sys.stdin.read()
"""


def start_build(output: Path) -> tuple[subprocess.Popen[str], Path]:
    """A build in another process, stopped while it fills its staging folder."""
    child = subprocess.Popen([sys.executable, "-c", BUILD_THAT_WAITS, str(output)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert child.stdout is not None
    return child, Path(child.stdout.readline().strip())


def write_page(staging: Path) -> None:
    (staging / "index.md").write_text("the new site", encoding="utf-8")


def test_the_next_build_removes_the_staging_folder_of_a_killed_one(tmp_path: Path) -> None:
    output = tmp_path / "site"
    child, staging = start_build(output)
    child.kill()
    child.wait()
    assert (staging / "page.md").exists()
    build_into(output, write_page)
    assert not staging.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert sorted(p.name for p in output.iterdir()) == ["index.md"]  # no mark left inside


def test_a_live_build_keeps_its_staging_folder(tmp_path: Path) -> None:
    output = tmp_path / "site"
    child, staging = start_build(output)
    try:
        remove_stale_staging(output)
        assert (staging / "page.md").exists()
    finally:
        child.communicate("")  # let it finish
    assert child.returncode == 0
    assert (output / "page.md").read_text(encoding="utf-8") == "half a site"
    assert not (output / STAGING_MARK).exists()


def test_only_our_own_staging_folders_are_removed(tmp_path: Path) -> None:
    def folder_with_mark(name: str) -> Path:
        (tmp_path / name).mkdir()
        (tmp_path / name / STAGING_MARK).write_text("", encoding="utf-8")
        return tmp_path / name

    decoys = [folder_with_mark(".other.new-abcdefgh"),  # another output's
              folder_with_mark(".site.new-abc"),  # not a name mkdtemp makes
              folder_with_mark("site.new-abcdefgh"),
              folder_with_mark("precious")]
    (tmp_path / ".site.new-nomark00").mkdir()  # no mark: not ours
    (tmp_path / ".site.new-nomark00/keep").write_text("keep", encoding="utf-8")
    (tmp_path / ".site.new-alink000").symlink_to(tmp_path / "precious")  # a link to a folder
    (tmp_path / ".site.new-afile000").write_text("a file", encoding="utf-8")
    (tmp_path / ".site.new-linkmark").mkdir()  # a mark that is a link
    (tmp_path / ".site.new-linkmark" / STAGING_MARK).symlink_to(tmp_path / "precious" /
                                                                STAGING_MARK)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    build_into(tmp_path / "site", write_page)
    after = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    assert [p for p in after if p.parts[0] != "site"] == before
    assert all((decoy / STAGING_MARK).exists() for decoy in decoys)


# --- end to end -------------------------------------------------------------------------------

@pytest.mark.slow
def test_huge_paragraph_one_line_file_and_broken_link_build_with_ner(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "huge-paragraph.txt").write_text("A very long paragraph\n\n" +
                                               repeated(3_000_000) + "\n", encoding="utf-8")
    (folder / "one-line.txt").write_text(repeated(200_000), encoding="utf-8")
    (folder / "broken.txt").symlink_to("missing.txt")
    result = run_cli("generate", "--input", str(folder), "--out", str(tmp_path / "out"))
    assert result.returncode in (0, 3), result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert [line for line in result.stderr.splitlines() if "broken.txt" in line] == [
        "WARNING -  generator: broken.txt: skipped: broken symbolic link (to missing.txt)"]
    corpus = json.loads((tmp_path / "out/data/corpus.json").read_text(encoding="utf-8"))
    by_file = {a["source_file"]: a for a in corpus["articles"]}
    assert sorted(by_file) == ["huge-paragraph.txt", "one-line.txt"]
    for article in by_file.values():
        assert (tmp_path / "out" / page_path(article["url"])).is_file()
    # NER ran over every piece: a name only NER knows, near the end of the 3 MB paragraph.
    assert any(e["name"] == "Angela Merkel" for e in corpus["entities"])
