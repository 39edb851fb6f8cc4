"""Chunks of work shared between this process and forked workers, with os.fork and pipes: what
a cold run (`--no-cache`, store/cold.py) parses on every core.

concurrent.futures' ProcessPoolExecutor did this before; importing it and multiprocessing
(which bring logging, tempfile, shutil, bz2, lzma, random and socket) took some 20 ms of CPU
before the first worker started, on one core while the other waited. Here the chunks' numbers
are written to a pipe before the workers fork, and its writing end closed: each process (the
workers and this one) reads the next number, 4 bytes at a time, until the pipe is empty. A
worker sends each chunk's result back through a pipe of its own (its length, then pickle's
bytes); this process takes in what came whenever it is between two chunks of its own. Whoever
has more to do beside parsing (this process takes in the workers' results) parses less, and
all finish at about the same time.
"""

from __future__ import annotations

import contextlib
import os
import pickle
from collections.abc import Callable, Iterator
from typing import Any

try:
    import fcntl
except ImportError:  # not on Windows, where no worker is forked
    fcntl = None  # type: ignore[assignment]

FORKS = hasattr(os, "fork")  # where workers can be forked (not on Windows)
_NUMBER = 4  # bytes of a chunk's number in the pipe of the chunks
_LENGTH = 8  # bytes of a result's length before it
# A pipe holds 64 KiB unless told otherwise; a worker whose results this process has not yet
# taken in would wait once it is full (a chunk of `attendance` is some 100 KB).
_PIPE_SIZE = 1 << 20


class WorkerFailed(RuntimeError):
    """A worker ended before it sent the result of every chunk it took."""


def shared(
    count: int, work: Callable[[int], Any], start: Callable[[], None], workers: int
) -> Iterator[tuple[int, bool, Any]]:
    """(chunk number, done by a worker, its result) of each of `count` chunks, in no set
    order: a chunk done by a worker gives what `work` (called in the worker with the chunk's
    number) returned; one this process is to do itself gives None, and is done by the caller
    before it asks for the next. `start` is called once in each of `workers` forked workers
    before their first chunk. An exception raised in a worker is raised here."""
    chunks_out, chunks_in = os.pipe()
    if count * _NUMBER > 65536:
        _widen(chunks_in, count * _NUMBER)
    os.write(chunks_in, b"".join(n.to_bytes(_NUMBER, "little") for n in range(count)))
    os.close(chunks_in)  # once the numbers are read, the pipe is at its end for everyone
    pids: list[int] = []
    results: list[int] = []
    try:
        for _ in range(workers):
            result_out, result_in = os.pipe()
            _widen(result_in, _PIPE_SIZE)
            pid = os.fork()
            if pid == 0:  # the worker: never back into the caller's code
                code = 1
                try:
                    os.close(result_out)
                    for other in results:
                        os.close(other)
                    code = _work(chunks_out, result_in, work, start)
                finally:
                    os._exit(code)
            pids.append(pid)
            os.close(result_in)
            results.append(result_out)
        got = 0
        for descriptor in results:
            os.set_blocking(descriptor, False)
        pending = {descriptor: bytearray() for descriptor in results}
        while True:
            for at, result in _taken_in(pending):
                got += 1
                yield at, True, result
            number = os.read(chunks_out, _NUMBER)
            if not number:
                break
            got += 1
            yield int.from_bytes(number, "little"), False, None
        for descriptor in results:  # the chunks are all taken: what the workers still send
            os.set_blocking(descriptor, True)
        while pending:
            for at, result in _taken_in(pending, wait=True):
                got += 1
                yield at, True, result
        if got != count:
            raise WorkerFailed("a worker ended before it finished its work")
        for pid in pids:
            _, status = os.waitpid(pid, 0)
            if status != 0:
                raise WorkerFailed(f"a worker ended with status {status}")
        pids.clear()
    finally:
        os.close(chunks_out)
        for descriptor in results:
            with contextlib.suppress(OSError):  # closed at its end
                os.close(descriptor)
        for pid in pids:  # not waited for: stopped (an error here or there, the caller gone)
            try:
                os.kill(pid, 9)
                os.waitpid(pid, 0)
            except OSError:
                pass


def _widen(descriptor: int, size: int) -> None:
    """Make a pipe hold `size` bytes where the system allows it (Linux: F_SETPIPE_SZ)."""
    if fcntl is None or not hasattr(fcntl, "F_SETPIPE_SZ"):
        return  # it holds less: a worker may wait a moment for this process
    with contextlib.suppress(OSError):  # more than the system allows (/proc/sys/fs/pipe-max-size)
        fcntl.fcntl(descriptor, fcntl.F_SETPIPE_SZ, size)


def _work(chunks: int, results: int, work: Callable[[int], Any], start: Callable[[], None]) -> int:
    """A worker's life: its chunks done one by one, each result sent; 0 when all went well."""
    try:
        start()
        while number := os.read(chunks, _NUMBER):
            at = int.from_bytes(number, "little")
            _send(results, pickle.dumps((at, work(at)), pickle.HIGHEST_PROTOCOL))
        return 0
    except BaseException as exc:  # said in the parent, which raises it
        try:
            data = pickle.dumps((-1, exc), pickle.HIGHEST_PROTOCOL)
        except Exception:
            data = pickle.dumps((-1, WorkerFailed(repr(exc))), pickle.HIGHEST_PROTOCOL)
        with contextlib.suppress(OSError):
            _send(results, data)
        return 1


def _send(descriptor: int, data: bytes) -> None:
    view = memoryview(len(data).to_bytes(_LENGTH, "little") + data)
    while view:
        view = view[os.write(descriptor, view) :]


def _taken_in(pending: dict[int, bytearray], wait: bool = False) -> Iterator[tuple[int, Any]]:
    """The results the workers have sent (chunk number, result), each once; their pipes read
    without waiting, or (`wait`) until one of them has sent something or ended. A worker's
    pipe at its end leaves `pending`."""
    for descriptor in list(pending):
        buffer = pending[descriptor]
        while True:
            try:
                data = os.read(descriptor, _PIPE_SIZE)
            except BlockingIOError:
                break
            if not data:
                del pending[descriptor]
                if buffer:
                    raise WorkerFailed("a worker ended in the middle of a result")
                break
            buffer += data
            while len(buffer) >= _LENGTH:
                length = int.from_bytes(buffer[:_LENGTH], "little")
                if len(buffer) < _LENGTH + length:
                    break
                at, result = pickle.loads(buffer[_LENGTH : _LENGTH + length])
                del buffer[: _LENGTH + length]
                if at < 0:
                    raise result
                yield at, result
            if wait and not buffer:
                break  # something came: the caller takes it in before waiting for more
