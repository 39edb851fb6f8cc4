"""Where the time and memory of a first build go (issue #25): one `kpss tasks` load of an
archive with an empty index, in this process, its phases timed:

    python benchmarks/first_build.py ARCHIVE [--runs 1]
    python benchmarks/first_build.py ARCHIVE --kpss BEFORE/kpss --kpss AFTER/kpss [--rounds 3]

Each run builds the index afresh with a new key in a temporary XDG_CACHE_HOME (the index
it makes in ARCHIVE/.kpss/ is removed after it; KPSS_TODAY=2024-01-01) by
`store.loading.load_tasks`, the functions of its phases wrapped here (kpss is not changed):
the files parsed in this process (`_parse_here`), the workers' outcomes unpacked
(`Lean.unpack`), the rows written as they come (`FirstBuild.add`), the last batch and what
follows it (`FirstBuild.finish`, and on branches that have it the wait for its rows
written by a second thread, `FirstBuild.join`), the tasks resolved (`archive.resolve`), the
part STATE (`FirstBuild.state` or `incremental.state_of`) and the snapshot's status tables
(`snapshot.store`); where store/firstbuild.py builds `kpss tasks`' first index without the
records, its phases instead: the files parsed in this process (`_parsed`), STATE (`_state`),
the tasks resolved (`_Resolved`), the status tables' rows made and written (`store_made`).
For each phase: the CPU seconds of the main thread (time.thread_time:
threads beside it, such as the pool's that takes in the workers' outcomes or one writing
rows, are not counted), wall-clock seconds, and the resident memory after it with its
high-water mark (VmRSS, VmHWM; for a phase of one call per file, after every 5,000th).
Then the whole load: wall clock, CPU of the main thread and of this process (every thread),
of its workers and any process it forked (getrusage of the children), and the peak. The
machine's load moves wall-clock seconds most; the load average is printed with each run.

With `--kpss` (the `kpss` of an environment, given once per build to compare), each round
runs benchmarks/reference_csafeloader.py (the floor) and then each `kpss tasks --overdue` on
ARCHIVE with an empty XDG_CACHE_HOME (a first build; the index it made removed after it),
each a new process: its wall-clock seconds, CPU seconds (its own and its workers' and forked
processes', getrusage of the children), peak memory of the largest of them, and its ratio to
the floor of the same round; then the medians. Rounds interleave the builds, so that a slow
spell of a shared machine falls on all alike. Before the rounds each is run once, untimed, with
bytecode written (under PYTHONDONTWRITEBYTECODE a checkout never byte-compiled compiled every
module in every run) and the archive read into the page cache.
"""

from __future__ import annotations

import argparse
import functools
import os
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def memory() -> tuple[int, int]:
    """(VmRSS, VmHWM) of this process in MiB; zeros where /proc is not."""
    try:
        with open("/proc/self/status") as status:
            found = dict(line.split(":", 1) for line in status if line.startswith("Vm"))
    except OSError:
        return 0, 0
    return int(found["VmRSS"].split()[0]) // 1024, int(found["VmHWM"].split()[0]) // 1024


class Phases:
    """CPU (this thread), wall-clock seconds and calls of each wrapped phase; memory after it."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = {}
        self.wall: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self.memory: dict[str, tuple[int, int]] = {}

    def count(self, name: str, cpu: float, wall: float) -> None:
        self.cpu[name] = self.cpu.get(name, 0.0) + cpu
        self.wall[name] = self.wall.get(name, 0.0) + wall
        calls = self.calls[name] = self.calls.get(name, 0) + 1
        if calls < 10 or calls % 5000 == 0:  # reading /proc at each of 100,000 calls cost seconds
            self.memory[name] = memory()

    def wrap(self, owner: Any, attribute: str, name: str) -> None:
        """Time calls of `owner.attribute` (left alone when it has none)."""
        function = getattr(owner, attribute, None)
        if function is None:
            return

        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            cpu, wall = time.thread_time(), time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.count(name, time.thread_time() - cpu, time.perf_counter() - wall)

        setattr(owner, attribute, timed)

    def wrap_generator(self, owner: Any, attribute: str, name: str) -> None:
        """Time each step of the generators `owner.attribute` gives."""
        function = getattr(owner, attribute)

        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Iterator[Any]:
            steps = function(*args, **kwargs)
            while True:
                cpu, wall = time.thread_time(), time.perf_counter()
                try:
                    item = next(steps)
                except StopIteration:
                    return
                finally:
                    self.count(name, time.thread_time() - cpu, time.perf_counter() - wall)
                yield item

        setattr(owner, attribute, timed)


def one_run(archive: Path) -> None:
    from kpss_cli.store import incremental, loading, snapshot

    phases = Phases()
    phases.wrap_generator(loading, "_parse_here", "parsed here (read, parse, pack, rows signed)")
    phases.wrap(loading.Lean, "unpack", "the workers' outcomes unpacked")
    phases.wrap(loading.FirstBuild, "add", "rows written as they come (FirstBuild.add)")
    phases.wrap(loading.FirstBuild, "finish", "the last batch (FirstBuild.finish)")
    phases.wrap(loading, "resolve", "the tasks resolved (archive.resolve)")
    phases.wrap(loading.FirstBuild, "join", "waiting for the rows put aside (FirstBuild.join)")
    phases.wrap(loading.FirstBuild, "state", "STATE (FirstBuild.state)")
    phases.wrap(incremental, "state_of", "STATE (incremental.state_of)")
    phases.wrap(snapshot, "store", "the status tables (snapshot.store)")
    first_build = None
    try:  # `kpss tasks`' first build without the records, on branches that have it
        from kpss_cli.store import firstbuild
    except ImportError:
        pass
    else:
        first_build = firstbuild.first_tasks  # as commands/shared.py hands it to load_tasks
        phases.wrap(firstbuild, "_parsed", "parsed here (firstbuild._parsed)")
        phases.wrap(firstbuild, "_state", "STATE (firstbuild._state)")
        phases.wrap(firstbuild._Resolved, "__init__", "the tasks resolved (firstbuild._Resolved)")
        phases.wrap(firstbuild, "store_made", "the status tables made and written (store_made)")
    kept = archive / ".kpss"
    before = set(kept.iterdir()) if kept.is_dir() else set()
    cache = tempfile.mkdtemp(prefix="kpss-first-build-")
    os.environ["XDG_CACHE_HOME"] = cache
    os.environ["KPSS_TODAY"] = "2024-01-01"
    load = os.getloadavg()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu, wall, main_cpu = time.process_time(), time.perf_counter(), time.thread_time()
    try:
        if first_build is None:
            loading.load_tasks(archive, ("open",))
        else:
            loading.load_tasks(archive, ("open",), first_build=first_build)
    finally:
        wall = time.perf_counter() - wall
        cpu = time.process_time() - cpu
        main_cpu = time.thread_time() - main_cpu
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        shutil.rmtree(cache, ignore_errors=True)
        for made in set(kept.iterdir()) - before if kept.is_dir() else ():
            made.unlink()  # the index this run made (its key is gone with the cache)
    workers = after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime
    print(f"{archive}: load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} at the start")
    print(f"  {'phase':<55} {'calls':>7} {'CPU s':>7} {'wall s':>7} {'MiB':>5} {'peak':>5}")
    for name, spent in phases.cpu.items():
        rss, hwm = phases.memory[name]
        print(f"  {name:<55} {phases.calls[name]:>7} {spent:7.2f} {phases.wall[name]:7.2f} {rss:5} {hwm:5}")
    rss, hwm = memory()
    print(
        f"  the load: wall {wall:.2f} s, CPU {main_cpu:.2f} s (main thread), {cpu:.2f} s (every thread), "
        f"workers' CPU {workers:.2f} s, peak {hwm} MiB"
    )


# Runs one command: (wall seconds, CPU seconds of the processes it waited for, peak KiB).
_WRAPPER = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "wall = time.perf_counter() - start\n"
    "used = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(wall, used.ru_utime + used.ru_stime, used.ru_maxrss, done.returncode)\n"
)


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    import subprocess

    out = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *command], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    if out[3] not in ("0", "1"):
        raise SystemExit(f"failed ({out[3]}): {' '.join(command)}")
    return float(out[0]), float(out[1]), int(out[2])


def interleaved(root: Path, builds: list[str], rounds: int) -> None:
    """Each round: the floor, then each build's first `kpss tasks --overdue` (see above)."""
    in_turns(
        root, [(build, [build, "tasks", "--overdue", "--archive", str(root)]) for build in builds], rounds
    )


def fresh(root: Path, command: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """`timed(command)` with an empty XDG_CACHE_HOME, the index it made in ROOT removed after it.
    A first run writes the modules' bytecode (where the environment has PYTHONDONTWRITEBYTECODE,
    as this machine does, an editable checkout without it compiles every module each run: some
    0.1 s of CPU before a build starts) and reads the archive into the page cache."""
    kept = root / ".kpss"
    cache = tempfile.mkdtemp(prefix="kpss-first-build-")
    before = set(kept.iterdir()) if kept.is_dir() else set()
    try:
        return timed(command, {**env, "XDG_CACHE_HOME": cache, "KPSS_TODAY": "2024-01-01"})
    finally:
        shutil.rmtree(cache, ignore_errors=True)
        for made in set(kept.iterdir()) - before if kept.is_dir() else ():
            made.unlink()


def in_turns(root: Path, commands: list[tuple[str, list[str]]], rounds: int) -> None:
    """Each round: the floor, then each labelled command on ROOT with an empty cache, the index it
    made removed after it; each run's and then the medians' wall, CPU and peak (benchmarks/first_runs.py too).
    First each is run once, untimed, with bytecode written (see `fresh`)."""
    import statistics

    floor = [sys.executable, str(Path(__file__).resolve().parent / "reference_csafeloader.py"), str(root)]
    runs = [("floor", floor), *commands]
    found: dict[str, list[tuple[float, float, int, float]]] = {label: [] for label, _ in runs}
    width = max(len(label) for label, _ in runs)
    print("each run once first, untimed (modules byte-compiled, files in the page cache)", flush=True)
    for _label, command in runs:
        fresh(root, command, {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"})
    for number in range(rounds):
        load = os.getloadavg()
        print(f"round {number + 1}: load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}", flush=True)
        base = 0.0
        for label, command in runs:
            wall, cpu, peak = fresh(root, command, dict(os.environ))
            base = wall if label == "floor" else base
            found[label].append((wall, cpu, peak, wall / base))
            print(
                f"  {label:<{width}} {wall:7.2f} s  CPU {cpu:6.2f} s  {peak / 1024:5.0f} MiB  {wall / base:5.2f}x floor",
                flush=True,
            )
    print("medians:")
    for label, taken in found.items():
        walls, cpus, ratios = ([run[at] for run in taken] for at in (0, 1, 3))
        print(
            f"  {label:<{width}} {statistics.median(walls):7.2f} s ({min(walls):.2f}-{max(walls):.2f})"
            f"  CPU {statistics.median(cpus):6.2f} s ({min(cpus):.2f}-{max(cpus):.2f})"
            f"  {max(run[2] for run in taken) / 1024:5.0f} MiB"
            f"  {statistics.median(ratios):5.2f}x floor ({min(ratios):.2f}-{max(ratios):.2f})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("archive", type=Path)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--kpss", action="append", default=[], help="a kpss to time (once per build)")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    root = args.archive.resolve()
    if args.kpss:
        interleaved(root, args.kpss, args.rounds)
        return
    if args.runs == 1:
        one_run(root)
        return
    for _ in range(args.runs):  # a new process each: the high-water mark is its own
        run: Callable[[], int] = lambda: os.spawnv(  # noqa: E731
            os.P_WAIT, sys.executable, [sys.executable, __file__, str(root)]
        )
        run()


if __name__ == "__main__":
    main()
