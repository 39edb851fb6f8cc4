"""The first run of several reading commands on an archive without an index (each builds it),
beside the CSafeLoader floor, in turns (issue #25):

    python benchmarks/first_runs.py ARCHIVE --kpss ENV/bin/kpss [--rounds 3]
        [--commands "tasks --overdue,list,check,attendance"]

Each round runs benchmarks/reference_csafeloader.py (the floor) and then each command as
`kpss COMMAND --archive ARCHIVE` with an empty XDG_CACHE_HOME (a first build; the index it
made removed after it; KPSS_TODAY=2024-01-01), each a new process: its wall-clock seconds,
CPU seconds (its own and its workers' and forked processes'), the peak of the largest of
them, and its ratio to the floor of the same round; then the medians. Each is run once first,
untimed (benchmarks/first_build.in_turns). `tasks` builds through store/firstbuild.py, the
others through store/loading._load (benchmarks/first_build.py times `tasks` alone, its phases
too).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from first_build import in_turns  # beside this script (its folder put on the path above)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("archive", type=Path)
    parser.add_argument("--kpss", required=True, help="the kpss to time")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--commands", default="tasks --overdue,list,check,attendance")
    args = parser.parse_args()
    root = args.archive.resolve()
    commands = [
        (command, [args.kpss, *command.split(), "--archive", str(root)])
        for command in args.commands.split(",")
    ]
    in_turns(root, commands, args.rounds)


if __name__ == "__main__":
    main()
