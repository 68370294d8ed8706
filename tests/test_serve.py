"""`mkdocs serve` re-renders when an article file is added to the input folder or edited, and
tells the open tab to reload."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import ROOT, SEEDS

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except OSError:
        return 0, ""


def wait_for(url: str, needle: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status, body = fetch(url)
        if status == 200 and needle in body:
            return True
        time.sleep(0.5)
    return False


def test_serve_picks_up_a_new_and_an_edited_article(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--input", str(folder), "--no-ner",
         "--dev-addr", f"127.0.0.1:{port}"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}/"
        assert wait_for(base + "articles/", "Israel plans to kill Hamas leaders", 120)
        (folder / "100_new.txt").write_text(
            "Ceasefire talks resume in Cairo\n\nMediators said on Sunday that delegations had "
            "arrived for a new round of talks, the first since the truce collapsed, and that "
            "both sides had agreed to an agenda.\n", encoding="utf-8")
        page = base + "articles/ceasefire-talks-resume-in-cairo/"
        started = time.monotonic()
        assert wait_for(page, "Mediators said on Sunday", 60)
        added = time.monotonic() - started
        # The open tab reloads by itself: MkDocs injects a script that long-polls
        # /livereload/<epoch>/ and reloads once the server answers with a newer epoch.
        epoch = re.search(r"livereload\((\d+),", fetch(page)[1])
        assert epoch, "no livereload script on the page"
        (folder / "100_new.txt").write_text(
            "Ceasefire talks resume in Cairo\n\nMediators said on Monday that the second round "
            "had ended without agreement.\n", encoding="utf-8")
        started = time.monotonic()
        assert wait_for(page, "the second round had ended without agreement", 60)
        status, answer = fetch(f"{base}livereload/{epoch[1]}/1")
        assert status == 200 and int(answer) > int(epoch[1])
        print(f"new page served after {added:.1f} s, edit after {time.monotonic() - started:.1f} s")
    finally:
        server.terminate()
        server.wait(timeout=30)
