"""The first run of several reading commands on an archive without an index (each builds it),
beside the CSafeLoader floor, in turns (issue #25):

    python benchmarks/first_runs.py ARCHIVE --kpss ENV/bin/kpss [--rounds 3]
        [--commands "tasks --overdue,list,check,attendance"]

Each round runs benchmarks/reference_csafeloader.py (the floor) and then each command as
`kpss COMMAND --archive ARCHIVE` with an empty XDG_CACHE_HOME (a first build; the index it
made removed after it; KPSS_TODAY=2024-01-01), each a new process: its wall-clock seconds,
CPU seconds (its own and its workers' and forked processes'), the peak of the largest of
them, and its ratio to the floor of the same round; then the medians. `tasks` builds through
store/firstbuild.py, the others through store/loading._load (benchmarks/first_build.py times
`tasks` alone, its phases too).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from first_build import timed  # beside this script (its folder put on the path above)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("archive", type=Path)
    parser.add_argument("--kpss", required=True, help="the kpss to time")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--commands", default="tasks --overdue,list,check,attendance")
    args = parser.parse_args()
    root = args.archive.resolve()
    floor = [sys.executable, str(Path(__file__).resolve().parent / "reference_csafeloader.py"), str(root)]
    runs: list[tuple[str, list[str]]] = [("floor", floor)]
    for command in args.commands.split(","):
        runs.append((command, [args.kpss, *command.split(), "--archive", str(root)]))
    found: dict[str, list[tuple[float, float, int, float]]] = {label: [] for label, _ in runs}
    kept = root / ".kpss"
    for number in range(args.rounds):
        load = os.getloadavg()
        print(f"round {number + 1}: load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}", flush=True)
        base = 0.0
        for label, command in runs:
            cache = tempfile.mkdtemp(prefix="kpss-first-runs-")
            env = {**os.environ, "XDG_CACHE_HOME": cache, "KPSS_TODAY": "2024-01-01"}
            before = set(kept.iterdir()) if kept.is_dir() else set()
            try:
                wall, cpu, peak = timed(command, env)
            finally:
                shutil.rmtree(cache, ignore_errors=True)
                for made in set(kept.iterdir()) - before if kept.is_dir() else ():
                    made.unlink()
            base = wall if label == "floor" else base
            found[label].append((wall, cpu, peak, wall / base))
            print(
                f"  {label:<30} {wall:7.2f} s  CPU {cpu:6.2f} s  {peak / 1024:5.0f} MiB  {wall / base:5.2f}x floor",
                flush=True,
            )
    print("medians:")
    for label, taken in found.items():
        walls, cpus, ratios = ([run[at] for run in taken] for at in (0, 1, 3))
        print(
            f"  {label:<30} {statistics.median(walls):7.2f} s  CPU {statistics.median(cpus):6.2f} s"
            f" ({min(cpus):.2f}-{max(cpus):.2f})  {max(run[2] for run in taken) / 1024:5.0f} MiB"
            f"  {statistics.median(ratios):5.2f}x floor"
        )


if __name__ == "__main__":
    main()
