"""Where the per-article stages run: in this process, in local worker processes, or on Dask.

Each executor is an ordered map over chunks of a list, so the reduce that follows receives the
same list whichever ran it: the site is byte-identical for every executor and number of jobs
(tests/test_parallel.py proves it). The functions mapped must be module-level (picklable).
"""

from __future__ import annotations

import gc
import multiprocessing
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from typing import Any, Generic, Protocol, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
ChunkFunction = Callable[[list[Item]], list[Result]]

EXECUTORS = ("process", "dask")
CHUNKS_PER_WORKER = 4  # several chunks per worker, so an unlucky slow chunk does not idle the rest
MAX_CHUNK = 1000  # items per chunk at most: what a worker holds at once stays small
# Below this many items, starting workers costs more than it saves.
MIN_ITEMS_PER_WORKER = 100
SCHEDULER_TIMEOUT_S = 20  # how long to try to reach a Dask scheduler given by its address


class Executor(Protocol):
    def map(self, function: ChunkFunction[Item, Result],
            items: Sequence[Item]) -> list[Result]: ...

    def close(self) -> None: ...


class InProcess:
    def map(self, function: ChunkFunction[Item, Result],
            items: Sequence[Item]) -> list[Result]:
        return function(list(items)) if items else []

    def close(self) -> None:
        pass


class ProcessPool:
    """Local worker processes. Started on first use, so a small corpus never pays for them."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self.pool: ProcessPoolExecutor | None = None

    def map(self, function: ChunkFunction[Item, Result],
            items: Sequence[Item]) -> list[Result]:
        if workers_for(self.jobs, len(items)) < 2:
            return InProcess().map(function, items)
        if self.pool is None:
            # fork: workers start at once with every module already imported (Linux);
            # elsewhere the platform's default. Frozen objects are never scanned by the
            # garbage collector, so the workers do not copy the parent's memory page by
            # page just to look at it.
            gc.freeze()
            method = "fork" if sys.platform == "linux" else None
            self.pool = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context(
                method))
        try:
            return flatten(self.pool.map(function, chunks(items, self.jobs * CHUNKS_PER_WORKER)))
        except BrokenProcessPool:
            raise ExecutorError("a worker process died (killed, or out of memory?); "
                                "try fewer jobs with --jobs") from None

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown()
            gc.unfreeze()


def workers_for(jobs: int, items: int) -> int:
    """How many worker processes `ProcessPool.map` starts for this many items."""
    return min(jobs, items // MIN_ITEMS_PER_WORKER)


class Background(Generic[Result]):
    """`function(argument)` made in a forked copy of this process (`forked`, on Linux) while
    this one goes on, else here when the result is asked for. The function and argument are
    not pickled (the copy has them); the result is, to come back."""

    def __init__(self, function: Callable[[Item], Result], argument: Item,
                 forked: bool = True) -> None:
        self.make = partial(function, argument)
        self.pool: ProcessPoolExecutor | None = None
        self.future: Future[Result] | None = None
        if forked and sys.platform == "linux":
            global _BACKGROUND
            _BACKGROUND = self.make
            gc.freeze()  # as in ProcessPool: the copy's collector skips what it inherits
            self.pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
            self.future = self.pool.submit(_run_background)  # forks now, with _BACKGROUND set
            gc.unfreeze()
            _BACKGROUND = None

    def result(self) -> Result:
        if self.pool is None or self.future is None:
            return self.make()
        try:
            return self.future.result()
        except BrokenProcessPool:
            raise ExecutorError("a worker process died (killed, or out of memory?); "
                                "try fewer jobs with --jobs") from None
        finally:
            self.pool.shutdown()


_BACKGROUND: Callable[[], Any] | None = None  # what a Background's forked process runs


def _run_background() -> Any:
    assert _BACKGROUND is not None
    return _BACKGROUND()


class DaskCluster:
    """dask.distributed: a scheduler at `address`, or a local cluster of `jobs` processes."""

    def __init__(self, jobs: int, address: str | None = None) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise ExecutorError("--executor dask needs dask.distributed: "
                                "pip install -e '.[cluster]'") from None
        self.cluster: Any = None
        if address:
            try:
                self.client = Client(address, timeout=SCHEDULER_TIMEOUT_S)
            except (OSError, TimeoutError) as error:
                raise ExecutorError(f"cannot reach the Dask scheduler at {address}: "
                                    f"{' '.join(str(error).split())}") from None
        else:
            self.cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                        dashboard_address=None)
            self.client = Client(self.cluster)
        self.jobs = max(1, len(self.client.scheduler_info()["workers"]))

    def map(self, function: ChunkFunction[Item, Result],
            items: Sequence[Item]) -> list[Result]:
        if not items:
            return []
        parts = chunks(items, self.jobs * CHUNKS_PER_WORKER)
        futures = self.client.map(function, parts, pure=False)
        return flatten(self.client.gather(futures))

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_executor(name: str, jobs: int, address: str | None = None) -> Executor:
    if name == "dask":
        return DaskCluster(jobs, address)
    if name != "process":
        raise ExecutorError(f"unknown executor {name!r}: choose one of {', '.join(EXECUTORS)}")
    return ProcessPool(jobs) if jobs > 1 else InProcess()


def chunks(items: Sequence[Item], count: int) -> list[list[Item]]:
    """`items` in at least `count` contiguous runs of nearly equal size (order kept)."""
    size = min(MAX_CHUNK, -(-len(items) // max(1, count)))
    return [list(items[start:start + size]) for start in range(0, len(items), size)]


def flatten(parts: Any) -> list[Any]:
    return [result for part in parts for result in part]


class ExecutorError(Exception):
    """The executor cannot start; its message is one line for the user."""
