"""The next run of the view commands after an edit of what their views read (issue #25).

`benchmarks/commands.py` edits a file by a blank line at its end, which no view reads: the
answers kept per version of a view are read. This times the next run after an edit that
changes a view: (a) a present person's name in one minutes, (b) a minutes' place, (c) a
task's status (an update in a later minutes), each against the command's warm run, and
compares each answer with `--no-cache`. Run from the repository:

    python benchmarks/edit_kinds.py ARCHIVE --runs 5

ARCHIVE is a copy of a generated archive (`../shared/bench/make_archive.py --seed 42`) that
this script edits (each edit is undone by the next of its kind); its index goes to a
temporary XDG_CACHE_HOME. Each command is timed after an edit of its own (the edit 3 s old
when it runs: loading.SETTLED_NS keeps younger files out of the index), so that no other
command brought the index up to date before it. Each run's CPU seconds (user and system) and
peak resident memory are its own (os.wait4): on a loaded machine they say more than its
wall-clock seconds. The machine and its load go with any figure.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

TODAY = "2024-01-01"
EDITED = "orp-001/dusevni/2020-01-16.md"  # a minutes with present people, a place and updates
GROUP = "orp-001-dusevni"


def commands(kpss: list[str], archive: Path) -> list[tuple[str, list[str]]]:
    a = ["--archive", str(archive)]
    return [
        ("attendance", [*kpss, "attendance", "-f", "json", *a]),
        ("schedule", [*kpss, "schedule", "--year", "2020", "-f", "json", *a]),
        ("members", [*kpss, "members", GROUP, *a]),
        ("list csv", [*kpss, "list", "-f", "csv", *a]),
        ("list json", [*kpss, "list", "-f", "json", *a]),
    ]


def _toggle(pattern: str, one: str, other: str) -> Callable[[str], str]:
    """An edit that turns the first match of `pattern` (its group 1) from `one` to `other`, or
    back."""

    def edit(text: str) -> str:
        found = re.search(pattern, text, re.M)
        if found is None:
            raise SystemExit(f"the edited minutes: nothing matches {pattern!r}")
        now = found.group(1)
        new = other if now == one else one
        return text[: found.start(1)] + new + text[found.end(1) :]

    return edit


EDITS: list[tuple[str, Callable[[str], str]]] = [
    ("a present person's name", _toggle(r'^  - "(Pavel Kalous(?:ek)?)"$', "Pavel Kalous", "Pavel Kalousek")),
    ("a minutes' place", _toggle(r'^místo: "([^"]*)"$', "Maják, o. p. s., Konopná 776/8", "Maják, sál 2")),
    ("a task's status", _toggle(r"^    status: (done|cancelled)$", "done", "cancelled")),
]


def run(command: list[str], env: dict[str, str]) -> tuple[float, float, float, bytes]:
    """(wall seconds, CPU seconds (user and system), peak resident MiB, stdout) of one run, in
    the folder of KPSS_SOURCE when it is set: `python -m` puts its working folder first on the
    path, before PYTHONPATH (run from the repository, --source would run the repository's kpss)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=out, stderr=err, cwd=env.get("KPSS_SOURCE"))
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if process.returncode not in (0, 1, 2):
            raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}\n{err.read().decode()}")
        return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out.read()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive", type=Path, help="a copy of a generated archive: it is edited")
    parser.add_argument("--runs", type=int, default=5, help="warm runs of each command")
    parser.add_argument("--commands", default="", help="labels, comma-separated (default: all)")
    parser.add_argument("--no-compare", action="store_true", help="do not run --no-cache")
    parser.add_argument("--source", type=Path, help="run kpss from this source tree (another commit's)")
    parser.add_argument(
        "--edited", default=EDITED, help=f"the minutes edited (default: {EDITED}, of 10,000 files)"
    )
    args = parser.parse_args()
    archive: Path = args.archive.resolve()
    kpss = [sys.executable, "-m", "kpss_cli"]
    only = {c.strip() for c in args.commands.split(",") if c.strip()}
    chosen = [(label, line) for label, line in commands(kpss, archive) if not only or label in only]
    path = archive / args.edited
    with tempfile.TemporaryDirectory(prefix="kpss-edit-kinds-") as cache:
        env = {**os.environ, "XDG_CACHE_HOME": cache, "KPSS_TODAY": TODAY}
        if args.source is not None:  # its kpss_cli first on the path, and no .pyc written into it
            source = str(args.source.resolve())
            env.update(PYTHONPATH=source, PYTHONDONTWRITEBYTECODE="1", KPSS_SOURCE=source)
        print(f"load average before: {os.getloadavg()[0]:.1f}", flush=True)
        for _label, line in chosen:  # the index and each answer built
            run(line, env)
        warm: dict[str, list[tuple[float, float]]] = {label: [] for label, _ in chosen}
        for _ in range(args.runs):  # in turns: a slow spell of the machine falls on all alike
            for label, line in chosen:
                warm[label].append(run(line, env)[:2])
        medians = {label: statistics.median(s for s, _cpu in found) for label, found in warm.items()}
        cpus = {label: statistics.median(cpu for _s, cpu in found) for label, found in warm.items()}
        print(
            "\n| command | warm median s | warm CPU s | edit | next run s | × warm | next run CPU s |"
            " × warm CPU | peak MiB | same as --no-cache |"
        )
        print("|---|---:|---:|---|---:|---:|---:|---:|---:|---|")
        for label, line in chosen:
            for what, edit in EDITS:
                path.write_text(edit(path.read_text("utf-8")), "utf-8")
                time.sleep(3)  # files younger than 2.5 s are kept out of the index
                seconds, cpu, peak, answer = run(line, env)
                same = "—" if args.no_compare else str(answer == run([*line, "--no-cache"], env)[3]).lower()
                print(
                    f"| `{label}` | {medians[label]:.3f} | {cpus[label]:.3f} | {what} | {seconds:.3f} | "
                    f"{seconds / medians[label]:.2f} | {cpu:.3f} | {cpu / cpus[label]:.2f} | {peak:.0f} | {same} |",
                    flush=True,
                )
        print(f"\nload average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
