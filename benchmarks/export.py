"""How long does `kpss export` take on a large archive, and how much memory? Run from the
repository:

    python benchmarks/export.py                    # 10,000 files (minutes)
    python benchmarks/export.py --sizes 10000,100000

The archive comes from ../shared/bench/make_archive.py, into a temporary folder. Each export
runs as a user runs it (`python -m kpss_cli`, a new process), with this environment's kpss
(set PYTHONPATH to time a worktree): first with the index cold (`--no-cache`: every file
parsed), then warm (the index filled by a first run; the export made, and kept), then once
more (`kept`: the kept export copied, export/kept.py), to SQLite, Parquet and JSON Lines.
Peak memory is the largest resident set of the process or any it started (the parsing
workers), as getrusage reports it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
GENERATOR = HERE.parent.parent / "shared" / "bench" / "make_archive.py"

MEASURE = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
    "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, done.returncode)\n"
)


def measure(command: list[str]) -> tuple[float, int]:
    """(seconds, peak KiB of the largest process) of one run of `command`."""
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=True
    )
    seconds, peak, code = out.stdout.split()
    if code not in ("0", "2"):  # 2: some file had an error; the export is still written
        sys.exit(f"{' '.join(command)} exited {code}")
    return float(seconds), int(peak)


def bench(size: int, work: Path) -> list[dict[str, object]]:
    archive = work / f"archive-{size}"
    subprocess.run(
        [sys.executable, str(GENERATOR), str(archive), "--files", str(size), "--seed", "1"],
        check=True,
        capture_output=True,
    )
    kpss = [sys.executable, "-m", "kpss_cli"]
    rows: list[dict[str, object]] = []
    for kind, name in (("sqlite", "export.sqlite"), ("parquet", "parquet"), ("jsonl", "jsonl")):
        target = work / f"{size}-{name}"
        for index in ("cold", "warm", "kept"):
            cache = ["--no-cache"] if index == "cold" else []
            if index == "warm":  # fill the index first
                subprocess.run([*kpss, "list", "-a", str(archive)], capture_output=True, check=False)
            command = [*kpss, *cache, "export", "--to", kind, str(target), "-a", str(archive), "--force"]
            seconds, peak = measure(command)
            size_on_disk = (
                target.stat().st_size if target.is_file() else sum(p.stat().st_size for p in target.iterdir())
            )
            rows.append(
                {
                    "files": size,
                    "to": kind,
                    "index": index,
                    "seconds": round(seconds, 2),
                    "peak_mib": round(peak / 1024, 1),
                    "output_mib": round(size_on_disk / 1024 / 1024, 1),
                }
            )
            print(json.dumps(rows[-1]), flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000", help="archive sizes, comma-separated (default 10000)")
    args = parser.parse_args()
    if not GENERATOR.is_file():
        sys.exit(f"needs {GENERATOR}")
    work = Path(tempfile.mkdtemp(prefix="kpss-export-bench-"))
    try:
        rows = [row for size in args.sizes.split(",") for row in bench(int(size), work)]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print()
    print(f"on {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print("| files | to | index | seconds | peak MiB | output MiB |")
    print("|---:|---|---|---:|---:|---:|")
    for row in rows:
        print(
            f"| {row['files']:,} | {row['to']} | {row['index']} | {row['seconds']} | {row['peak_mib']} | {row['output_mib']} |"
        )


if __name__ == "__main__":
    main()
