"""One source of settings: every command reads mkdocs.yml, flags override it for that command,
and an invalid setting is one line naming the file and the key."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import ROOT, run_cli

ARTICLE = ("Talks resume in Cairo\n\nThe minister said on Monday that the talks would continue "
           "for as long as both sides saw a chance of agreement, and that the mediators had "
           "been told as much by the delegations.\n")


def project(tmp_path: Path, **options: str) -> Path:
    """A mkdocs.yml of our own in `tmp_path`, the project's with `options` changed."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("docs_dir: site_src", f"docs_dir: {ROOT / 'site_src'}")
    text = text.replace("custom_dir: site_src/overrides",
                        f"custom_dir: {ROOT / 'site_src' / 'overrides'}")
    text = text.replace("knowledge: knowledge ", f"knowledge: {ROOT / 'knowledge'} ")
    for key, value in options.items():
        lines = [line for line in text.splitlines() if line.strip().startswith(f"{key}:")]
        text = text.replace(lines[0], f"      {key}: {value}")
    config = tmp_path / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def articles_in(out: Path) -> list[str]:
    corpus = json.loads((out / "data" / "corpus.json").read_text(encoding="utf-8"))
    return [a["source_file"] for a in corpus["articles"]]


def test_generate_and_check_read_the_input_and_cache_of_mkdocs_yml(tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "talks.txt").write_text(ARTICLE, encoding="utf-8")
    config = project(tmp_path, input="mine", ner="false", cache="cache.sqlite")
    result = run_cli("generate", "--config", str(config), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert articles_in(tmp_path / "out") == ["talks.txt"]
    assert (tmp_path / "cache.sqlite").is_file()  # the cache mkdocs.yml names
    assert run_cli("check", "--config", str(config)).returncode == 0


def test_a_flag_overrides_mkdocs_yml_for_that_command(tmp_path: Path) -> None:
    for folder in ("mine", "other"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / f"{folder}.txt").write_text(ARTICLE, encoding="utf-8")
    config = project(tmp_path, input="mine", ner="false")
    result = run_cli("generate", "--config", str(config), "--input", str(tmp_path / "other"),
                     "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert articles_in(tmp_path / "out") == ["other.txt"]


def test_an_invalid_setting_is_one_line_naming_the_file_and_key(tmp_path: Path) -> None:
    config = project(tmp_path, jobs="lots")
    for command in (["generate", "--out", str(tmp_path / "out")], ["check"],
                    ["build", "--site", str(tmp_path / "site")]):
        result = run_cli(command[0], "--config", str(config), *command[1:])
        assert result.returncode == 1, command
        errors = [line for line in result.stderr.splitlines() if "ERROR" in line]
        assert len(errors) == 1, result.stderr
        assert str(config) in errors[0] and "'jobs'" in errors[0]
        assert "Traceback" not in result.stderr
