"""The next run of a reading command after one edit of each kind (issue #25).

`benchmarks/commands.py` edits a file by a blank line at its end, which changes no row: the
answers and the export kept per version are read. This times the next run after edits that
change what a command reads, each against the command's warm run, and compares each answer
with `--no-cache` (`export jsonl`: each table of the export, byte for byte, `archives.jsonl`
but for its `exported_at`). The edits, each of one minutes (undone by the next of its kind):

- a blank line at the end (the benchmark's edit: no row changes),
- a word of the body (no row changes; the file's tasks are parsed and packed again),
- a minutes' place (a row of `meetings`),
- a task's status (an update of an earlier task in a later minutes),
- a new task (a task added to the minutes),
- an attendee (a present person added),
- a join or leave (`membership`: a person joins the group on the meeting's date).

Run from the repository:

    python benchmarks/edit_kinds.py ARCHIVE --runs 5 --commands "export jsonl"

ARCHIVE is a copy of a generated archive (`../shared/bench/make_archive.py --seed 42`, as
/work/bench/a10k and a100k) that this script edits; its index goes to a temporary
XDG_CACHE_HOME unless `--cache` names one (kept from run to run: the index of 100,000 files
takes minutes to build). The minutes edited is the first (in path order) with a place,
present people, tasks and a status update, unless `--edited` names one. Each command is timed
after an edit of its own (the edit 3 s old when it runs: loading.SETTLED_NS keeps younger files
out of the index), so that no other command brought the index up to date before it, then once
more warm (`warm after`: an export after a change of a row leaves a new kept file and target).
Each run's CPU seconds (user and system) and peak resident memory are its own (os.wait4): on a
loaded machine they say more than its wall-clock seconds. The machine and its load go with any
figure.
"""

from __future__ import annotations

import argparse
import hashlib
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
EXPORTED_AT = re.compile(rb'"exported_at": "[^"]*"')


def commands(kpss: list[str], archive: Path, out: Path) -> list[tuple[str, list[str]]]:
    a = ["--archive", str(archive)]
    return [
        ("export jsonl", [*kpss, "export", str(out / "export"), "--to", "jsonl", "--force", *a]),
        ("tasks --overdue", [*kpss, "tasks", "--overdue", *a]),
        ("attendance", [*kpss, "attendance", "-f", "json", *a]),
        ("schedule", [*kpss, "schedule", "--year", "2020", "-f", "json", *a]),
        ("list csv", [*kpss, "list", "-f", "csv", *a]),
        ("list json", [*kpss, "list", "-f", "json", *a]),
    ]


def no_cache(label: str, line: list[str], out: Path) -> list[str]:
    """The command's line run without the index (`export`: to a folder of its own)."""
    if label.startswith("export"):
        line = [str(out / "export-no-cache") if part == str(out / "export") else part for part in line]
    return [*line, "--no-cache"]


def exported(folder: Path) -> dict[str, bytes]:
    """The SHA-256 digest of each table of an export folder, `exported_at` blanked; read a
    piece at a time: what this process holds, a run it starts counts in its peak (Linux keeps
    the peak across the fork and exec)."""
    found: dict[str, bytes] = {}
    for path in sorted(folder.glob("*.jsonl")):
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            if path.name == "archives.jsonl":
                digest.update(EXPORTED_AT.sub(b'"exported_at": ""', handle.read()))
            else:
                while piece := handle.read(1 << 20):
                    digest.update(piece)
        found[path.name] = digest.digest()
    return found


def _toggle(pattern: str, one: str, other: str) -> Callable[[str], str]:
    """An edit that turns the first match of `pattern` (its group 1) from `one` to `other`, or
    back (anything but `one` becomes `one`)."""

    def edit(text: str) -> str:
        found = re.search(pattern, text, re.M)
        if found is None:
            raise SystemExit(f"the edited minutes: nothing matches {pattern!r}")
        new = other if found.group(1) == one else one
        return text[: found.start(1)] + new + text[found.end(1) :]

    return edit


def _insert(after: str, lines: str) -> Callable[[str], str]:
    """An edit that puts `lines` right after the first line matching `after`, or takes them
    away when they are there."""

    def edit(text: str) -> str:
        if lines in text:
            return text.replace(lines, "", 1)
        found = re.search(after, text, re.M)
        if found is None:
            raise SystemExit(f"the edited minutes: nothing matches {after!r}")
        at = text.index("\n", found.end()) + 1
        return text[:at] + lines + text[at:]

    return edit


def _blank_line(text: str) -> str:
    return text[:-1] if text.endswith("\n\n") else text + "\n"


def _place(text: str) -> str:
    found = re.search(r'^place: "([^"]*)"$', text, re.M)
    if found is None:
        raise SystemExit("the edited minutes: no place")
    place = found.group(1)
    new = place[: -len(" (sál 2)")] if place.endswith(" (sál 2)") else place + " (sál 2)"
    return text[: found.start(1)] + new + text[found.end(1) :]


EDITS: list[tuple[str, Callable[[str], str]]] = [
    ("a blank line", _blank_line),
    ("a word of the body", _toggle(r"^(Skupina projednala|Skupina dnes projednala) ", "Skupina projednala",
                                    "Skupina dnes projednala")),
    ("a place", _place),
    ("a task's status", _toggle(r"^    status: (\w+)$", "done", "cancelled")),
    ("a new task", _insert(r"^tasks:$", '  - task: "Ověřit údaje benchmarku"\n    owner: "Jan Benchmark"\n'
                                        '    due: "2030-06"\n')),
    ("an attendee", _insert(r"^present:$", '  - "Jan Benchmark"\n')),
    ("a join or leave", _insert(r"^recorder:", 'membership:\n  - name: "Jan Benchmark"\n')),
]  # fmt: skip


def edited_of(archive: Path) -> Path:
    """The first minutes (in path order) with a place, present people, tasks, a status update and
    a sentence every edit above finds."""
    for path in sorted(archive.glob("*/*/*.md")):
        text = path.read_text("utf-8")
        if all(
            re.search(p, text, re.M)
            for p in (r'^place: "', r"^present:$", r"^tasks:$", r"^recorder:", r"^    status: \w+$",
                      r"^Skupina projednala ")
        ):  # fmt: skip
            return path
    raise SystemExit(f"{archive}: no minutes to edit")


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
    parser.add_argument("--commands", default="export jsonl", help="labels, comma-separated ('all': all)")
    parser.add_argument(
        "--edits", default="", help="edits, comma-separated: their first words (default: all)"
    )
    parser.add_argument("--rounds", type=int, default=1, help="edits of each kind (each undoes the last)")
    parser.add_argument("--no-compare", action="store_true", help="do not run --no-cache")
    parser.add_argument("--source", type=Path, help="run kpss from this source tree (another commit's)")
    parser.add_argument("--cache", type=Path, help="XDG_CACHE_HOME (default: a temporary folder)")
    parser.add_argument("--edited", type=Path, help="the minutes edited (default: found, see above)")
    args = parser.parse_args()
    archive: Path = args.archive.resolve()
    kpss = [sys.executable, "-m", "kpss_cli"]
    only = {c.strip() for c in args.commands.split(",") if c.strip()}
    edits = [(what, edit) for what, edit in EDITS if not args.edits or any(
        what.startswith(e.strip()) for e in args.edits.split(",") if e.strip())]  # fmt: skip
    path = archive / args.edited if args.edited else edited_of(archive)
    print(f"edited: {path.relative_to(archive)}")
    with tempfile.TemporaryDirectory(prefix="kpss-edit-kinds-") as temporary:
        out = Path(temporary)
        chosen = [
            (label, line) for label, line in commands(kpss, archive, out) if "all" in only or label in only
        ]
        cache = str(args.cache.resolve()) if args.cache else str(out / "cache")
        env = {**os.environ, "XDG_CACHE_HOME": cache, "KPSS_TODAY": TODAY}
        if args.source is not None:  # its kpss_cli first on the path, and no .pyc written into it
            source = str(args.source.resolve())
            env.update(PYTHONPATH=source, PYTHONDONTWRITEBYTECODE="1", KPSS_SOURCE=source)
        print(f"load average before: {os.getloadavg()[0]:.1f}", flush=True)
        for _label, line in chosen:  # the index and each answer built, then a warm run
            run(line, env)
            run(line, env)
        # One edit and a run of each, untimed: the first run after an edit keeps what later
        # ones read (the map of the kept export is kept by the first export after a change).
        for _ in range(2):
            path.write_text(_blank_line(path.read_text("utf-8")), "utf-8")
            time.sleep(3)
            for _label, line in chosen:
                run(line, env)
                run(line, env)
        warm: dict[str, list[tuple[float, float]]] = {label: [] for label, _ in chosen}
        for _ in range(args.runs):  # in turns: a slow spell of the machine falls on all alike
            for label, line in chosen:
                warm[label].append(run(line, env)[:2])
        medians = {label: statistics.median(s for s, _cpu in found) for label, found in warm.items()}
        cpus = {label: statistics.median(cpu for _s, cpu in found) for label, found in warm.items()}
        print(
            "\n| command | warm s | warm CPU s | edit | next run s | × warm | next run CPU s |"
            " × warm CPU | peak MiB | warm after: CPU s | load | same as --no-cache |"
        )
        print("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|")
        for label, line in chosen:
            for _ in range(args.rounds):
                for what, edit in edits:
                    path.write_text(edit(path.read_text("utf-8")), "utf-8")
                    time.sleep(3)  # files younger than 2.5 s are kept out of the index
                    load = os.getloadavg()[0]
                    seconds, cpu, peak, answer = run(line, env)
                    after = run(line, env)[1]
                    same = "—"
                    if not args.no_compare:
                        other = run(no_cache(label, line, out), env)[3]
                        if label.startswith("export"):
                            same = str(exported(out / "export") == exported(out / "export-no-cache")).lower()
                        else:
                            same = str(answer == other).lower()
                    print(
                        f"| `{label}` | {medians[label]:.3f} | {cpus[label]:.3f} | {what} | {seconds:.3f} | "
                        f"{seconds / medians[label]:.2f} | {cpu:.3f} | {cpu / cpus[label]:.2f} | {peak:.0f} | "
                        f"{after:.3f} | {load:.1f} | {same} |",
                        flush=True,
                    )
        print(f"\nload average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
