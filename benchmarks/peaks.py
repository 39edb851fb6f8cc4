"""Peak memory of every reading command, warm, on an existing archive (issue #25: every command
under 250 MiB at 100,000 files). Run from the repository:

    python benchmarks/peaks.py /work/bench/a100k --kpss .venv/bin/kpss

The archive is copied into a temporary folder (an index is written inside it), `kpss tasks`
builds the index, and after a pause `kpss list` runs once more so that every file is settled
(loading.SETTLED_NS). Then each command runs twice as a user runs it, a new process each time (the first run
may build the command's view in the index: its peak is shown apart), and the table gives
the second run's wall time, CPU seconds (user + system) and peak RSS in MiB of that process
(os.wait4); what a command writes goes into the temporary folder.
Commands over the bar are marked. The load average goes with the figures.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

TODAY = "2024-01-01"
BAR_MIB = 250


def commands(archive: Path, out: Path) -> list[tuple[str, list[str]]]:
    """(label, arguments) of each reading command in its common forms."""
    first = next(archive.glob("*/*/*.md"))
    minutes_id = first.relative_to(archive).with_suffix("").as_posix()
    group = f"{first.parent.parent.name}-{first.parent.name}"
    return [
        ("tasks", ["tasks"]),
        ("tasks --all", ["tasks", "--all"]),
        ("tasks --overdue", ["tasks", "--overdue"]),
        ("tasks --all -f json", ["tasks", "--all", "-f", "json"]),
        ("tasks --all -f csv", ["tasks", "--all", "-f", "csv"]),
        ("tasks --all -f jsonl", ["tasks", "--all", "-f", "jsonl"]),
        ("list", ["list"]),
        ("list -f json", ["list", "-f", "json"]),
        ("list -f csv", ["list", "-f", "csv"]),
        ("show ID", ["show", minutes_id]),
        ("check", ["check"]),
        ("attendance", ["attendance"]),
        ("attendance -f json", ["attendance", "-f", "json"]),
        ("agenda GROUP", ["agenda", group]),
        ("schedule", ["schedule"]),
        ("members GROUP", ["members", group]),
        ("plan", ["plan"]),
        ("monitor", ["monitor"]),
        ("remind --dry-run", ["remind", "--dry-run", str(out / "mail")]),
        ("export --to jsonl", ["export", str(out / "jsonl"), "--to", "jsonl", "--force"]),
        ("export --to sqlite", ["export", str(out / "db.sqlite"), "--to", "sqlite", "--force"]),
        ("export --to parquet", ["export", str(out / "parquet"), "--to", "parquet", "--force"]),
        ("site", ["site", str(out / "site")]),
    ]


def measure(command: list[str], env: dict[str, str]) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds, peak KiB and exit code of one run; output is thrown away."""
    started = time.perf_counter()
    with subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as process:
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, process.returncode


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("archive", type=Path, help="an archive folder (copied, never written)")
    parser.add_argument("--kpss", default="kpss", help="the kpss to measure (default: kpss on PATH)")
    parser.add_argument("--only", default="", help="comma-separated labels to run (default: all)")
    args = parser.parse_args()
    kpss = shutil.which(args.kpss) or args.kpss
    with tempfile.TemporaryDirectory(prefix="kpss-peaks-") as tmp:
        work = Path(tmp)
        archive = work / "archive"
        shutil.copytree(args.archive, archive)
        out = work / "out"
        out.mkdir()
        env = {
            **os.environ,
            "KPSS_TODAY": TODAY,
            "KPSS_ARCHIVE": str(archive),
            "XDG_CACHE_HOME": str(work / "cache"),
        }
        env.pop("KPSS_NO_CACHE", None)
        wall, cpu, peak, _ = measure([kpss, "tasks"], env)
        print(f"index built: {wall:.1f} s wall, {cpu:.1f} s CPU, {peak / 1024:.0f} MiB", flush=True)
        time.sleep(3)  # files younger than loading.SETTLED_NS are kept out of the index
        measure([kpss, "list"], env)
        only = {label.strip() for label in args.only.split(",") if label.strip()}
        print(
            f"{'command':<22} {'first MiB':>9} {'wall s':>7} {'CPU s':>7} {'peak MiB':>9}  load", flush=True
        )
        for label, arguments in commands(archive, out):
            if only and label not in only:
                continue
            # The first run of a command may build its view in the index (store/views.py):
            # its peak is shown apart; the figures are those of the run after it.
            _, _, first, _ = measure([kpss, *arguments], env)
            wall, cpu, peak, code = measure([kpss, *arguments], env)
            mark = "  over the bar" if max(peak, first) / 1024 >= BAR_MIB else ""
            failed = f"  exit {code}" if code not in (0, 1) else ""
            load = os.getloadavg()[0]
            print(
                f"{label:<22} {first / 1024:>9.0f} {wall:>7.2f} {cpu:>7.2f} {peak / 1024:>9.0f}  {load:.1f}{mark}{failed}",
                flush=True,
            )


if __name__ == "__main__":
    main()
