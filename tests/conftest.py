"""Shared fixtures: the seed corpus parsed once, and the seed site built once per test run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.config import Config
from generator.model import Corpus
from generator.pipeline import build_corpus

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def run_cli(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None,
            timeout: float = 600) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="session")
def seed_corpus() -> Corpus:
    return build_corpus(Config(input_dir=SEEDS, knowledge_dir=ROOT / "knowledge"))


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed site, built by the README's command into a temporary folder."""
    site = tmp_path_factory.mktemp("seed-site") / "site"
    result = run_cli("build", "--site", str(site))
    assert result.returncode == 0, result.stderr
    return site


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """A run that collected nothing is a broken suite, not a pass: fail instead of exit 5."""
    if session.testscollected == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
