"""The per-article stages give the same site whichever executor runs them: serial, local
worker processes (`--jobs`), or a Dask cluster (`--executor dask`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bench.synth import write_corpus
from generator import executor
from generator.config import Config
from generator.pipeline import build_corpus
from generator.render import Site, render_site

from .conftest import ROOT, SEEDS


@pytest.fixture(scope="module")
def mixed_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Synthetic articles (enough for several workers) and the real seeds, in one folder."""
    folder = tmp_path_factory.mktemp("mixed")
    write_corpus(folder / "synthetic", 260)
    shutil.copytree(SEEDS, folder / "seeds")
    return folder


def site_for(folder: Path, **options: object) -> Site:
    config = Config(input_dir=folder, knowledge_dir=ROOT / "knowledge", ner=False,
                    **options)  # type: ignore[arg-type]
    return render_site(build_corpus(config), config)


def assert_same_site(a: Site, b: Site) -> None:
    assert sorted(a.pages) == sorted(b.pages)
    assert sorted(a.files) == sorted(b.files)
    assert a.nav == b.nav  # (the index pages and exports come from a forked process)
    for path in a.pages:
        assert a.pages[path] == b.pages[path], path
    for path in a.files:
        assert a.files[path] == b.files[path], path


@pytest.fixture(scope="module")
def serial_site(mixed_corpus: Path) -> Site:
    return site_for(mixed_corpus, jobs=1)


def test_worker_processes_give_the_serial_site(mixed_corpus: Path, serial_site: Site) -> None:
    assert_same_site(serial_site, site_for(mixed_corpus, jobs=2))


def test_a_dask_local_cluster_gives_the_serial_site(mixed_corpus: Path,
                                                    serial_site: Site) -> None:
    assert_same_site(serial_site, site_for(mixed_corpus, jobs=2, executor="dask"))


def test_ner_in_worker_processes_finds_what_one_process_finds(
        monkeypatch: pytest.MonkeyPatch, seed_corpus: object) -> None:
    """NER runs inside each worker on its chunk: the names must not depend on the split."""
    monkeypatch.setattr(executor, "MIN_ITEMS_PER_WORKER", 1)
    parallel = build_corpus(Config(input_dir=SEEDS, knowledge_dir=ROOT / "knowledge", jobs=2))
    assert parallel == seed_corpus


def test_the_parallel_map_keeps_order_and_uses_several_processes() -> None:
    pool = executor.ProcessPool(2)
    try:
        items = list(range(1000))
        results = pool.map(process_ids, items)
    finally:
        pool.close()
    assert [item for item, _ in results] == items
    assert len({pid for _, pid in results}) == 2


def process_ids(chunk: list[int]) -> list[tuple[int, int]]:
    import os

    return [(item, os.getpid()) for item in chunk]


def test_a_background_result_is_made_in_a_forked_process() -> None:
    import os

    def tagged(tag: str) -> tuple[str, int]:  # a closure: the forked copy has it, unpickled
        return tag, os.getpid()

    made, pid = executor.Background(tagged, "made").result()
    assert made == "made" and pid != os.getpid()
    assert executor.Background(tagged, "here", forked=False).result() == ("here", os.getpid())


def test_an_unreachable_scheduler_is_one_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(executor, "SCHEDULER_TIMEOUT_S", 1)
    with pytest.raises(executor.ExecutorError, match="cannot reach the Dask scheduler at"):
        executor.make_executor("dask", 1, "tcp://127.0.0.1:1")


def test_a_worker_that_dies_is_one_line_not_a_traceback() -> None:
    pool = executor.ProcessPool(2)
    try:
        with pytest.raises(executor.ExecutorError, match="worker process died"):
            pool.map(die, list(range(400)))
    finally:
        pool.close()


def die(chunk: list[int]) -> list[int]:
    import os

    os._exit(9)  # as the kernel's out-of-memory killer would end it
