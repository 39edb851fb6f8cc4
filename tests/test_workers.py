"""store/workers.py: chunks shared between this process and forked workers (a cold run's parse)."""

from __future__ import annotations

import os
import time

import pytest

from kpss_cli.store.workers import FORKS, WorkerFailed, shared

pytestmark = pytest.mark.skipif(not FORKS, reason="workers are forked")


def test_every_chunk_once_by_someone() -> None:
    """Each chunk is given once: done by a worker (with what it returned, made in the worker) or
    left to this process; big results pass whole."""
    parent = os.getpid()
    seen: dict[int, tuple[bool, object]] = {}
    for at, theirs, result in shared(
        200, lambda at: (at, os.getpid(), "x" * 50_000 * (at % 3)), lambda: None, 2
    ):
        assert at not in seen
        seen[at] = (theirs, result)
        if not theirs:
            assert result is None
    assert sorted(seen) == list(range(200))
    for at, (theirs, result) in seen.items():
        if theirs:
            assert isinstance(result, tuple)
            assert result[0] == at and result[1] != parent and result[2] == "x" * 50_000 * (at % 3)


def test_a_workers_error_is_raised_here() -> None:
    def work(at: int) -> int:
        raise ValueError(f"chunk {at} is bad")

    with pytest.raises(ValueError, match="is bad"):
        for _at, theirs, _result in shared(100, work, lambda: None, 1):
            if not theirs:
                time.sleep(0.01)  # this process leaves most chunks to the worker


def test_a_worker_that_dies_is_told() -> None:
    with pytest.raises(WorkerFailed):
        for _at, theirs, _result in shared(100, lambda at: os._exit(3), lambda: None, 1):
            if not theirs:
                time.sleep(0.01)


def test_the_start_runs_in_each_worker_before_its_chunks() -> None:
    started: list[int] = []

    def start() -> None:
        started.append(os.getpid())

    got = {at: result for at, theirs, result in shared(30, lambda at: list(started), start, 2) if theirs}
    assert not started  # not in this process
    for pids in got.values():
        assert len(pids) == 1 and pids[0] != os.getpid()
