"""The first run of reading commands on an archive without an index, and `kpss export` right
after `kpss list` on a fresh copy (issue #25: every command under 250 MiB at 100,000 files):

    python benchmarks/first_reads.py ARCHIVE --kpss BEFORE/.venv/bin/kpss --kpss AFTER/.venv/bin/kpss
        [--rounds 5] [--commands "list,check,attendance,export"] [--fresh]

Each round runs, for each kpss in turn (interleaved, so that a slow spell of a shared machine
falls on all alike), each command as a new process on a copy of ARCHIVE in a temporary folder
with an empty XDG_CACHE_HOME and KPSS_TODAY=2024-01-01: the copy's index removed before it
(its files settled: older than store/loading.SETTLED_NS), so each is a first build. `export`
is `export --to jsonl` into a new folder. With `--fresh`, each round instead copies ARCHIVE
afresh for each kpss and runs at once `list` (its files younger than SETTLED_NS: not settled)
and then `export --to jsonl` twice. Each run's wall-clock seconds, CPU seconds (user +
system of it and the processes it waited for) and peak resident MiB of the largest of them,
as /usr/bin/time gives them, with the load average; then the medians.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """(wall s, CPU s, peak MiB) of `command` by /usr/bin/time; its output thrown away."""
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%e %U %S %M", *command],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    wall, user, system, peak = done.stderr.strip().splitlines()[-1].split()
    return float(wall), float(user) + float(system), int(peak) // 1024


def command_line(kpss: str, command: str, archive: Path, out: Path) -> list[str]:
    if command == "export":
        target = out / f"export-{time.monotonic_ns()}"
        return [kpss, "export", "--to", "jsonl", str(target), "--archive", str(archive)]
    return [kpss, *command.split(), "--archive", str(archive)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("archive", type=Path)
    parser.add_argument("--kpss", action="append", required=True, help="a kpss to time (give several)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--commands", default="list,check,attendance,export")
    parser.add_argument("--fresh", action="store_true", help="list, then export twice, on a fresh copy")
    args = parser.parse_args()
    commands = ["list", "export", "export again"] if args.fresh else args.commands.split(",")
    found: dict[tuple[str, str], list[tuple[float, float, int]]] = {}
    with tempfile.TemporaryDirectory(prefix="kpss-first-reads-") as scratch:
        work = Path(scratch)
        env = {**os.environ, "KPSS_TODAY": "2024-01-01", "XDG_CACHE_HOME": str(work / "cache")}
        copy = work / "archive"
        if not args.fresh:
            shutil.copytree(args.archive, copy, symlinks=True)
            time.sleep(2.5)  # settled
        for number in range(args.rounds):
            for kpss in args.kpss:
                if args.fresh:
                    shutil.rmtree(copy, ignore_errors=True)
                    subprocess.run(["cp", "-r", str(args.archive), str(copy)], check=True)
                for command in commands:
                    if not args.fresh:
                        shutil.rmtree(copy / ".kpss", ignore_errors=True)
                    line = command_line(kpss, command.split()[0], copy, work)
                    figures = timed(line, env)
                    found.setdefault((kpss, command), []).append(figures)
                    load = os.getloadavg()[0]
                    print(
                        f"round {number + 1} {kpss} {command}: {figures[0]:.2f} s, "
                        f"CPU {figures[1]:.2f} s, {figures[2]} MiB (load {load:.1f})",
                        flush=True,
                    )
                for stale in work.glob("export-*"):
                    shutil.rmtree(stale, ignore_errors=True)
    print("medians:")
    for (kpss, command), runs in found.items():
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        peak = statistics.median(r[2] for r in runs)
        print(
            f"  {kpss} {command}: {wall:.2f} s, CPU {cpu:.2f} s ({min(r[1] for r in runs):.2f}-"
            f"{max(r[1] for r in runs):.2f}), {peak:.0f} MiB ({min(r[2] for r in runs)}-{max(r[2] for r in runs)})"
        )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
