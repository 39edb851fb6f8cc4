"""Warm runs of several installs of kpss in turns with `rg -c . ARCHIVE` (every file read): each
command's wall and CPU seconds (user + sys, getrusage of the children), medians, and the ratio
of the wall to rg's in the same rounds:

    python benchmarks/warm_ab.py ARCHIVE --kpss BASE/venv/bin/kpss --kpss BRANCH/venv/bin/kpss [--rounds 7]

Each `--kpss` is a `kpss` as a user runs it (the script pip installed; `pip install .` into a
venv of its own, not an editable install, whose finder imports pathlib at every start). ARCHIVE
is copied (its index is written inside); each install builds its own index there first. The
answers are compared byte for byte (stdout and stderr) with `--no-cache` runs of the same
install, and between the installs.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COMMANDS = {
    "list": ["list", "-f", "json"],
    "check": ["check"],
    "tasks": ["tasks", "--overdue"],
    "attendance": ["attendance", "-f", "json"],
}


def timed(argv: list[str]) -> tuple[float, float, bytes, bytes]:
    """Wall seconds, CPU seconds, stdout and stderr of `argv`, run in /tmp."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=tempfile.gettempdir(), capture_output=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, done.stdout, done.stderr


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("archive")
    parser.add_argument("--kpss", action="append", required=True, help="a kpss executable")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--commands", default="list,check", help="of: " + ", ".join(COMMANDS))
    args = parser.parse_args()
    os.environ.setdefault("KPSS_TODAY", "2024-01-01")
    work = Path(tempfile.mkdtemp(prefix="kpss-warm-ab-"))
    try:
        run(args, work)
    finally:
        shutil.rmtree(work)


def run(args: argparse.Namespace, work: Path) -> None:
    commands = args.commands.split(",")
    archives = {}
    for at, kpss in enumerate(args.kpss):
        archives[kpss] = work / f"archive-{at}"
        shutil.copytree(args.archive, archives[kpss], ignore=shutil.ignore_patterns(".kpss"))
    same = True
    answers: dict[str, set[tuple[bytes, bytes]]] = {}
    for kpss, archive in archives.items():
        for command in commands:
            argv = [kpss, *COMMANDS[command], "--archive", str(archive)]
            cold = timed([*argv, "--no-cache"])
            timed(argv)  # builds the index
            time.sleep(2.5)  # loading.SETTLED_NS: files younger than 2 s are not kept
            timed(argv)  # keeps the answer
            warm = timed(argv)
            # The archive's path is in no answer of these commands: the installs' are compared.
            answers.setdefault(command, set()).add((warm[2], warm[3].replace(str(archive).encode(), b"A")))
            same = same and warm[2:] == cold[2:]
    figures: dict[tuple[str, str], list[tuple[float, float]]] = {}
    loads = []
    for turn in range(args.rounds):
        for command in commands:
            order = args.kpss if turn % 2 == 0 else args.kpss[::-1]
            for kpss in order:
                wall, cpu, _out, _err = timed([kpss, *COMMANDS[command], "--archive", str(archives[kpss])])
                figures.setdefault((command, kpss), []).append((wall, cpu))
            wall, cpu, _out, _err = timed(["rg", "-c", ".", str(args.archive)])
            figures.setdefault((command, "rg"), []).append((wall, cpu))
        loads.append(os.getloadavg()[0])
        print(f"turn {turn + 1}: load {loads[-1]:.1f}", file=sys.stderr, flush=True)
    print(f"load average over the turns: {min(loads):.1f}–{max(loads):.1f}")
    print(f"{'command':<11} {'run':<40} {'wall':>6} {'CPU':>6} {'wall/rg':>8}")
    for command in commands:
        rg_wall = statistics.median(w for w, _c in figures[(command, "rg")])
        for kpss in [*args.kpss, "rg"]:
            rows = figures[(command, kpss)]
            wall = statistics.median(w for w, _c in rows)
            cpu = statistics.median(c for _w, c in rows)
            name = kpss if len(kpss) <= 40 else "…" + kpss[-39:]
            print(f"{command:<11} {name:<40} {wall:6.3f} {cpu:6.3f} {wall / rg_wall:8.2f}")
        print(f"{command:<11} answers of the installs identical: {len(answers[command]) == 1}")
    print(f"warm answers identical to --no-cache: {same}")


if __name__ == "__main__":
    main()
