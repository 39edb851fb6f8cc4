"""How much of a cold run's CPU comes before the parse: the main process's CPU seconds when it
forks its first worker (what it did alone, on one core, before the workers parse), with the
run's wall and CPU (with the workers'), of several checkouts in turns and the CSafeLoader
floor (reference_csafeloader.py) in the same turns:

    python benchmarks/cold_start.py ARCHIVE --tree BASE --tree BRANCH [--rounds 5]

Each checkout is run as `python -m kpss_cli` with PYTHONPATH set to it, from a neutral folder
(inside a checkout `-m` imports that checkout's code); byte-compile each first (`python -m
compileall -q kpss_cli`) where PYTHONDONTWRITEBYTECODE is set, or the compiler is timed.
`first`: the first build of `tasks --overdue` on a copy of ARCHIVE made here, its `.kpss/`
dropped before each run. The answers of the checkouts are compared (stdout, byte for byte).
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

HERE = Path(__file__).resolve().parent

# Run in the child: `python -c PROBE OUT ARGS...` is `python -m kpss_cli ARGS...` that writes the
# main process's CPU seconds at its first fork to OUT (os.register_at_fork, before the fork).
PROBE = """
import os, runpy, sys, time
out, sys.argv = sys.argv[1], ["kpss", *sys.argv[2:]]
at = []
def before():
    if not at:
        at.append(time.process_time())
        with open(out, "w") as f:
            f.write(str(at[0]))
os.register_at_fork(before=before)
runpy.run_module("kpss_cli", run_name="__main__", alter_sys=True)
"""


def timed(argv: list[str], env: dict[str, str] | None) -> tuple[float, float, bytes]:
    """Wall seconds, CPU seconds (with the children's) and stdout of `argv`, run in /tmp."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=tempfile.gettempdir(), env=env, capture_output=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("archive")
    parser.add_argument("--tree", action="append", required=True, help="a checkout to run (PYTHONPATH)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--commands", default="tasks,attendance,first", help="of: " + ", ".join(COMMANDS))
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kpss-cold-start-"))
    try:
        run(args, work)
    finally:
        shutil.rmtree(work)


COMMANDS = {
    "tasks": ["tasks", "--overdue", "--no-cache"],
    "attendance": ["attendance", "-f", "json", "--no-cache"],
    "list": ["list", "-f", "json", "--no-cache"],
    "check": ["check", "--no-cache"],
    "monitor": ["monitor", "--year", "2020", "--no-cache"],
    "agenda": ["agenda", "GROUP", "--no-cache"],  # GROUP: as benchmarks/commands.py names it
    "first": ["tasks", "--overdue"],
}


def command_line(command: str, archive: Path) -> list[str]:
    """The words of `command` on `archive` (agenda: of the group benchmarks/commands.py names)."""
    group = f"orp-001-{next(archive.glob('orp-001/*/*.md')).parent.name}" if command == "agenda" else ""
    return [group if word == "GROUP" else word for word in COMMANDS[command]]


def run(args: argparse.Namespace, work: Path) -> None:
    copy = work / "archive"
    shutil.copytree(args.archive, copy, ignore=shutil.ignore_patterns(".kpss"))
    out = work / "forked"
    commands = args.commands.split(",")
    figures: dict[tuple[str, str], list[tuple[float, float, float]]] = {}
    answers: dict[str, set[bytes]] = {}
    for turn in range(args.rounds):
        for command in commands:
            trees = args.tree if turn % 2 == 0 else args.tree[::-1]
            for tree in trees:
                archive = copy if command == "first" else Path(args.archive)
                if command == "first":
                    shutil.rmtree(copy / ".kpss", ignore_errors=True)
                out.unlink(missing_ok=True)
                env = dict(os.environ, PYTHONPATH=tree)
                argv = [
                    sys.executable,
                    "-c",
                    PROBE,
                    str(out),
                    *command_line(command, archive),
                    "--archive",
                    str(archive),
                ]
                wall, cpu, stdout = timed(argv, env)
                forked = float(out.read_text()) if out.exists() else float("nan")
                figures.setdefault((command, tree), []).append((wall, cpu, forked))
                answers.setdefault(command, set()).add(stdout)
            floor = [sys.executable, str(HERE / "reference_csafeloader.py"), args.archive]
            wall, cpu, _ = timed(floor, None)
            figures.setdefault((command, "floor"), []).append((wall, cpu, 0.0))
        print(f"turn {turn + 1}: load {os.getloadavg()[0]:.1f}", file=sys.stderr, flush=True)
    print(f"{'command':<11} {'run':<28} {'wall':>6} {'CPU':>6} {'CPU before fork':>16} {'wall/floor':>10}")
    for command in commands:
        floor_wall = statistics.median(w for w, _c, _f in figures[(command, "floor")])
        for tree in [*args.tree, "floor"]:
            rows = figures[(command, tree)]
            wall = statistics.median(w for w, _c, _f in rows)
            cpu = statistics.median(c for _w, c, _f in rows)
            forked = statistics.median(f for _w, _c, f in rows)
            name = tree if len(tree) <= 28 else "…" + tree[-27:]
            print(f"{command:<11} {name:<28} {wall:6.2f} {cpu:6.2f} {forked:16.3f} {wall / floor_wall:10.2f}")
        print(f"{command:<11} answers identical: {len(answers[command]) == 1}")


if __name__ == "__main__":
    main()
