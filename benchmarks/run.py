"""How fast is kpss on archives of 1,000, 10,000 and 100,000 minutes? Run from the repository:

    python benchmarks/run.py                      # 1,000, 10,000 and 100,000 files (minutes)
    python benchmarks/run.py --sizes 1000,10000   # quicker

Archives come from ../shared/bench/make_archive.py, into a temporary folder. kpss is installed
as the README installs it (`pip install .`, into a venv of its own in that folder; `--here`
times this environment's kpss instead, such as the editable install of a development venv,
whose import hook costs every start ~10 ms no user pays). Each command runs as a user runs it
(a new process), several times (three times as often for the quick ones); the table gives
medians, the peak memory of the largest process, and the ratios the targets are stated in,
each command taking turns with its reference:

- warm `kpss tasks --overdue` against `rg` reading every file of the archive;
- cold `kpss tasks --overdue --no-cache` against a one-process script that reads every file
  and loads its front matter with yaml.CSafeLoader (benchmarks/reference_csafeloader.py).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
GENERATOR = HERE.parent.parent / "shared" / "bench" / "make_archive.py"
REFERENCE = HERE / "reference_csafeloader.py"


def this_environment() -> tuple[list[str], str]:
    """This environment's `kpss` (the script pip installed beside this Python, else the module)
    and Python, byte-compiled first: run with PYTHONDONTWRITEBYTECODE (as some CI and container
    images set), an editable checkout would compile every module on every run."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(HERE.parent / "kpss_cli")], check=True)
    script = Path(sys.executable).with_name("kpss")
    return ([str(script)] if script.exists() else [sys.executable, "-m", "kpss_cli"]), sys.executable


def user_install(work: Path) -> tuple[list[str], str] | None:
    """`kpss` and Python of a fresh venv with kpss installed as a user installs it; None when
    that fails (no network for the dependencies, say)."""
    venv = work / "venv"
    try:
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
        pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
        subprocess.run([*pip, str(HERE.parent)], check=True, capture_output=True, text=True)
    except subprocess.CalledProcessError as exc:
        print(f"could not install kpss into a venv of its own ({(exc.stderr or '').strip()[-300:]})")
        return None
    return [str(venv / "bin" / "kpss")], str(venv / "bin" / "python")


def measure(command: list[str], env: dict[str, str], before: list[str] | None = None) -> tuple[float, int]:
    """(seconds, peak memory in KiB of the largest process) of one run, in a fresh wrapper."""
    wrapper = (
        "import json, resource, subprocess, sys, time\n"
        "before = json.loads(sys.argv[1])\n"
        "if before: subprocess.run(before, check=False)\n"
        "start = time.perf_counter()\n"
        "done = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, done.returncode)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", wrapper, json.dumps(before or []), *command],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    if out[2] not in ("0", "1", "2"):
        raise SystemExit(f"benchmark command failed ({out[2]}): {' '.join(command)}")
    return float(out[0]), int(out[1])


def medians(
    commands: list[tuple[str, list[str]]], env: dict[str, str], runs: int, before: list[str] | None = None
) -> list[tuple[str, float, int]]:
    """(label, median seconds, peak KiB) of each command, run `runs` times in turns: a command
    and its reference take turns, so a slow spell of a shared machine falls on both alike."""
    if hasattr(os, "sync"):  # what earlier steps wrote (archive, index) goes to disk now, not during
        os.sync()
    results: dict[str, list[tuple[float, int]]] = {label: [] for label, _ in commands}
    for _ in range(runs):
        for label, command in commands:
            results[label].append(measure(command, env, before))
    return [
        (label, statistics.median(r[0] for r in rs), max(r[1] for r in rs)) for label, rs in results.items()
    ]


def bench(size: int, work: Path, runs: int, kpss: list[str], python: str) -> list[tuple[str, float, int]]:
    archive = work / f"archive-{size}"
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, str(GENERATOR), str(archive), "--files", str(size), "--seed", "42"],
        check=True,
        capture_output=True,
    )
    print(f"\n{size:,} files (generated in {time.perf_counter() - started:.0f} s)", flush=True)
    env = {**os.environ, "XDG_CACHE_HOME": str(work / "cache"), "KPSS_TODAY": "2024-01-01"}
    drop_index = [
        sys.executable,
        "-c",
        f"import shutil; shutil.rmtree({str(archive / '.kpss')!r}, ignore_errors=True)",
    ]
    a = ["--archive", str(archive)]
    cold_runs = max(1, runs // 2) if size >= 100_000 else runs
    fast_runs = 3 * runs  # the medians of quick commands need more runs to settle
    tasks = [*kpss, "tasks", "--overdue", *a]
    rg = [("rg reading every file", ["rg", "-c", "--no-messages", ".", str(archive)])]
    if shutil.which("rg") is None:
        print("  rg reading every file: skipped, rg is not installed (apt-get install ripgrep)")
        rg = []
    # (commands taking turns, runs, a command to run before each): cold runs first, as they
    # leave no index; the references beside what their ratios compare.
    plan: list[tuple[list[tuple[str, list[str]]], int, list[str] | None]] = [
        ([("kpss --help", [*kpss, "--help"])], fast_runs, None),
        (
            [
                ("CSafeLoader script (one process)", [python, str(REFERENCE), str(archive)]),
                ("kpss tasks --overdue, cold (--no-cache)", [*kpss, "--no-cache", "tasks", "--overdue", *a]),
            ],
            cold_runs,
            None,
        ),
        ([("kpss tasks --overdue, first run (builds index)", tasks)], cold_runs, drop_index),
        ([*rg, ("kpss tasks --overdue, warm", tasks)], fast_runs, None),
        ([("kpss list, warm", [*kpss, "list", *a])], runs, None),
        ([("kpss attendance, warm", [*kpss, "attendance", *a])], runs, None),
        ([("kpss check, warm", [*kpss, "check", *a])], runs, None),
    ]
    rows: list[tuple[str, float, int]] = []
    for commands, count, before in plan:
        for label, seconds, memory in medians(commands, env, count, before):
            rows.append((label, seconds, memory))
            print(f"  {label:<48} {seconds:8.3f} s   {memory / 1024:7.0f} MiB", flush=True)
    times = {label: seconds for label, seconds, _ in rows}
    warm = times["kpss tasks --overdue, warm"]
    cold = times["kpss tasks --overdue, cold (--no-cache)"]
    if "rg reading every file" in times:
        print(
            f"  ratio warm tasks / rg:                 {warm / times['rg reading every file']:6.2f}  (target <= 2)"
        )
    print(
        f"  ratio cold tasks / CSafeLoader script: {cold / times['CSafeLoader script (one process)']:6.2f}  (target <= 0.8)"
    )
    print(
        f"  peak memory, any kpss run:            {max(m for label, _, m in rows if label.startswith('kpss')) / 1024:6.0f} MiB"
    )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="archive sizes, comma-separated")
    parser.add_argument("--runs", type=int, default=5, help="runs of each command (medians are reported)")
    parser.add_argument(
        "--here", action="store_true", help="time this environment's kpss, not a fresh `pip install .`"
    )
    args = parser.parse_args()
    if not GENERATOR.exists():
        raise SystemExit(f"the generator is missing: {GENERATOR} (../shared/ must be beside the repository)")
    print(
        f"kpss benchmarks: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
        f"median of {args.runs} runs ({3 * args.runs} of --help, rg and warm tasks)"
    )
    with tempfile.TemporaryDirectory(prefix="kpss-bench-") as folder:
        installed = None if args.here else user_install(Path(folder))
        kpss, python = installed or this_environment()
        print(f"kpss: {' '.join(kpss)}")
        for size in (int(s) for s in args.sizes.split(",")):
            bench(size, Path(folder), args.runs, kpss, python)


if __name__ == "__main__":
    main()
