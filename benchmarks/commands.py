"""Every reading command of kpss, warm and cold, beside `rg` and the CSafeLoader floor (issue #25).
Run from the repository:

    python benchmarks/commands.py --sizes 1000,10000 --runs 5
    python benchmarks/commands.py --sizes 100000 --runs 3 --cold-runs 1

Archives come from ../shared/bench/make_archive.py (seed 42), into a temporary folder. kpss is
this environment's (as `run.py --here`; `--install` times a fresh `pip install .` instead).
Each command runs as a user runs it, a new process, and its peak memory is that of the
largest process it started (resource.getrusage of the children). In one interleaved run:

- warm: every command after the index is built, taking turns with `rg` reading every file;
- cold: every command with `--no-cache`, taking turns with benchmarks/reference_csafeloader.py
  (one process that parses every file's front matter with yaml.CSafeLoader), and the first
  run that builds the index;
- incremental: `kpss tasks --overdue`, `list` (JSON and CSV), `show`, `check`, `attendance`,
  `schedule`, `members`, `agenda`, `plan`, `monitor`, `export jsonl` and `remind --dry-run`
  (those of them asked for) after one file was changed (the change
  is 2.5 s old when kpss runs: loading.SETTLED_NS keeps younger files out of the index).

The table gives the median, the spread (lowest to highest), the ratio to the reference the
target is stated against, and the peak memory. The machine and its load go with any figure.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("kpss_bench_run", HERE / "run.py")
assert _spec is not None and _spec.loader is not None
run = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(run)

TODAY = "2024-01-01"
Timing = tuple[list[float], int]  # seconds of each run, peak KiB


def reading_commands(kpss: list[str], archive: Path, out: Path) -> list[tuple[str, list[str]]]:
    """(label, command line) of each reading command, on the archive `archive`; what writes
    a file writes it into `out`."""
    first = next(archive.glob("orp-001/*/*.md"))
    minutes_id = first.relative_to(archive).with_suffix("").as_posix()
    group = f"orp-001-{first.parent.name}"
    a = ["--archive", str(archive)]
    return [
        ("tasks --overdue", [*kpss, "tasks", "--overdue", *a]),
        ("list", [*kpss, "list", "-f", "json", *a]),
        ("list csv", [*kpss, "list", "-f", "csv", *a]),
        ("show", [*kpss, "show", minutes_id, *a]),
        ("check", [*kpss, "check", *a]),
        ("attendance", [*kpss, "attendance", "-f", "json", *a]),
        ("agenda", [*kpss, "agenda", group, *a]),
        ("schedule", [*kpss, "schedule", "--year", "2020", "-f", "json", *a]),
        ("members", [*kpss, "members", group, *a]),
        # The generated archives have no plan/: these load the archive and end with "no plan".
        ("plan", [*kpss, "plan", *a]),
        ("monitor", [*kpss, "monitor", "--year", "2020", *a]),
        ("export jsonl", [*kpss, "export", str(out / "export"), "--to", "jsonl", "--force", *a]),
        ("remind --dry-run", [*kpss, "remind", "--dry-run", str(out / "mail"), *a]),
        ("site", [*kpss, "site", str(out / "site"), *a]),
    ]


# Timed after one edit too: every reading command but `site` (the index brought up to date:
# store/incremental.py, store/viewtable.py, store/views.py; `export jsonl`'s kept export,
# export/kept.py, is then written afresh).
AFTER_EDIT = ("tasks --overdue", "list", "list csv", "show", "check", "attendance", "schedule", "members",
              "agenda", "plan", "monitor", "export jsonl", "remind --dry-run")  # fmt: skip
LABELS = ("tasks --overdue", "list", "list csv", "show", "check", "attendance", "agenda", "schedule", "members",
          "plan", "monitor", "export jsonl", "remind --dry-run", "site")  # fmt: skip


def times(
    commands: list[tuple[str, list[str]]], env: dict[str, str], runs: int, before: list[str] | None
) -> dict[str, Timing]:
    """Each command's seconds per run and peak memory, the commands taking turns run after run
    (a slow spell of the shared machine falls on all alike)."""
    if hasattr(os, "sync"):
        os.sync()
    found: dict[str, Timing] = {label: ([], 0) for label, _ in commands}
    for _ in range(runs):
        for label, command in commands:
            seconds, peak = run.measure(command, env, before)
            found[label][0].append(seconds)
            found[label] = (found[label][0], max(found[label][1], peak))
    return found


def python_step(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def bench(
    size: int, work: Path, runs: int, cold_runs: int, kpss: list[str], python: str, only: set[str]
) -> list[dict[str, object]]:
    archive = work / f"archive-{size}"
    out = work / f"out-{size}"
    out.mkdir()
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, str(run.GENERATOR), str(archive), "--files", str(size), "--seed", "42"],
        check=True,
        capture_output=True,
    )
    print(f"\n{size:,} files (generated in {time.perf_counter() - started:.0f} s)", flush=True)
    time.sleep(2.5)  # files younger than loading.SETTLED_NS are kept out of the index
    env = {**os.environ, "XDG_CACHE_HOME": str(work / "cache"), "KPSS_TODAY": TODAY}
    commands = [
        (label, line) for label, line in reading_commands(kpss, archive, out) if not only or label in only
    ]
    rg = ("rg reading every file", ["rg", "-c", "--no-messages", ".", str(archive)])
    floor = ("CSafeLoader floor (one process)", [python, str(run.REFERENCE), str(archive)])
    drop_index = python_step(f"import shutil; shutil.rmtree({str(archive / '.kpss')!r}, ignore_errors=True)")
    edited = min(archive.glob("orp-*/*/*.md"))  # one minutes file, the same at every run
    edit = python_step(
        "import pathlib, time\n"
        f"p = pathlib.Path({str(edited)!r}); t = p.read_text('utf-8')\n"
        "p.write_text(t[:-1] if t.endswith('\\n\\n') else t + '\\n', 'utf-8'); time.sleep(2.5)"
    )
    rows: list[dict[str, object]] = []

    def record(kind: str, found: dict[str, Timing], reference: str | None) -> dict[str, float]:
        """Print and keep the rows of one kind; return each command's median."""
        medians = {label: statistics.median(seconds) for label, (seconds, _) in found.items()}
        base = medians[reference] if reference else None
        for label, (seconds, peak) in found.items():
            median = medians[label]
            row = {
                "size": size, "kind": kind, "command": label, "median": median,
                "low": min(seconds), "high": max(seconds), "runs": len(seconds),
                "ratio": median / base if base and label != reference else None, "peak_mib": peak / 1024,
            }  # fmt: skip
            rows.append(row)
            ratio = f"{row['ratio']:6.2f}x" if row["ratio"] is not None else "       "
            print(
                f"  {kind:<11} {label:<32} {median:8.3f} s  ({min(seconds):.3f}–{max(seconds):.3f})"
                f"  {ratio}  {peak / 1024:6.0f} MiB",
                flush=True,
            )
        return medians

    # Cold first: they leave no index. Then the first run that builds it.
    cold = [(label, [*line[: len(kpss)], "--no-cache", *line[len(kpss) :]]) for label, line in commands]
    record("cold", times([floor, *cold], env, cold_runs, None), floor[0])
    tasks = (
        commands[0][1]
        if commands and commands[0][0] == "tasks --overdue"
        else [*kpss, "tasks", "--overdue", "--archive", str(archive)]
    )
    record("first run", times([("tasks --overdue (builds index)", tasks)], env, cold_runs, drop_index), None)
    for _, line in commands:  # each command's view is made by its first warm run
        subprocess.run(line, env=env, capture_output=True, check=False)
    warm = record("warm", times([rg, *commands], env, runs, None), rg[0])
    incremental = [(label, line) for label, line in commands if label in AFTER_EDIT]
    found = times(incremental, env, max(1, runs // 2), edit)
    base = {label: warm[label] for label, _ in incremental}
    for label, (seconds, peak) in found.items():
        median = statistics.median(seconds)
        rows.append({"size": size, "kind": "after 1 edit", "command": label, "median": median, "low": min(seconds),
                     "high": max(seconds), "runs": len(seconds), "ratio": median / base[label], "peak_mib": peak / 1024})  # fmt: skip
        print(
            f"  {'after edit':<11} {label:<32} {median:8.3f} s  ({min(seconds):.3f}–{max(seconds):.3f})"
            f"  {median / base[label]:6.2f}x warm  {peak / 1024:4.0f} MiB",
            flush=True,
        )
    return rows


def markdown(rows: list[dict[str, object]]) -> str:
    """The rows as the Markdown table of docs/performance.md."""
    lines = [
        "| files | run | command | median s | spread s | ratio | reference | peak MiB |",
        "|---:|---|---|---:|---|---:|---|---:|",
    ]
    refs = {"cold": "CSafeLoader floor", "warm": "rg", "after 1 edit": "warm run", "first run": ""}
    for r in rows:
        ratio = "" if r["ratio"] is None else f"{r['ratio']:.2f}"
        lines.append(
            f"| {r['size']:,} | {r['kind']} | `{r['command']}` | {r['median']:.3f} | {r['low']:.3f}–{r['high']:.3f} "
            f"| {ratio} | {refs.get(str(r['kind']), '') if ratio else ''} | {r['peak_mib']:.0f} |"
        )
    return "\n".join(lines)


def summary(rows: list[dict[str, object]]) -> str:
    """The rows as the README's table: one line per command and size, each run's median with
    its ratio to the reference the issue's target is stated against, and the highest peak."""
    lines = [
        "| files | command | warm s | × rg | cold s | × floor | after 1 edit s | × warm | peak MiB |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    by_command: dict[tuple[object, str], dict[str, dict[str, object]]] = {}
    floors = {r["size"]: r["median"] for r in rows if r["kind"] == "cold" and r["ratio"] is None}
    for r in rows:
        if r["kind"] == "first run":  # building the index: the cold target is against the floor
            r = {**r, "kind": "cold", "ratio": float(str(r["median"])) / float(str(floors[r["size"]]))}
        if r["kind"] in ("cold", "warm", "after 1 edit") and r["ratio"] is not None:
            by_command.setdefault((r["size"], str(r["command"])), {})[str(r["kind"])] = r

    def cells(found: dict[str, object] | None) -> str:
        return "– | –" if found is None else f"{found['median']:.3f} | {found['ratio']:.2f}"

    for (size, command), kinds in by_command.items():
        peak = max(float(str(r["peak_mib"])) for r in kinds.values())
        lines.append(
            f"| {size:,} | `{command}` | {cells(kinds.get('warm'))} | {cells(kinds.get('cold'))} "
            f"| {cells(kinds.get('after 1 edit'))} | {peak:.0f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="1000,10000", help="archive sizes, comma-separated (100000 takes long)"
    )
    parser.add_argument(
        "--runs", type=int, default=5, help="runs of each warm command (medians are reported)"
    )
    parser.add_argument("--cold-runs", type=int, default=3, help="runs of each cold command")
    parser.add_argument(
        "--commands",
        default=",".join(label for label in LABELS if label != "site"),
        help="these commands (labels, comma-separated; `site` is left out unless named: it takes minutes)",
    )
    parser.add_argument(
        "--install", action="store_true", help="time a fresh `pip install .`, not this environment"
    )
    parser.add_argument("--json", type=Path, help="also write the rows here")
    args = parser.parse_args()
    if not run.GENERATOR.exists():
        raise SystemExit(f"the generator is missing: {run.GENERATOR}")
    if shutil.which("rg") is None:
        raise SystemExit("rg is not installed (apt-get install ripgrep)")
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    rg_version = subprocess.run(["rg", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    print(
        f"kpss command benchmarks: {os.cpu_count()} cores, load {load}, Python {sys.version.split()[0]},"
        f" {rg_version}, {platform.platform()}"
    )
    rows: list[dict[str, object]] = []
    only = {c.strip() for c in args.commands.split(",") if c.strip()}
    with tempfile.TemporaryDirectory(prefix="kpss-commands-") as folder:
        installed = run.user_install(Path(folder)) if args.install else None
        kpss, python = installed or run.this_environment()
        for size in (int(s) for s in args.sizes.split(",")):
            rows += bench(size, Path(folder), args.runs, args.cold_runs, kpss, python, only)
    if hasattr(os, "getloadavg"):
        print(f"load at the end {os.getloadavg()}")
    print()
    print(markdown(rows))
    print()
    print(summary(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
