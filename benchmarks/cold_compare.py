"""Cold runs (`--no-cache`) of the reading commands for two or more kpss source trees, taking
turns run after run on an existing archive, beside the CSafeLoader floor (issue #25):

    python benchmarks/cold_compare.py ARCHIVE main=/tmp/main-tree branch=. --runs 1
    python benchmarks/cold_compare.py ARCHIVE main=/tmp/main-tree branch=. --commands "list,check"

Each tree's kpss is run from its source (`PYTHONPATH=TREE python -m kpss_cli`), a new
process per run, with `KPSS_TODAY=2024-01-01` and its own `XDG_CACHE_HOME` (`--no-cache`
writes nothing). Printed per command and tree: the median wall-clock seconds and their
ratio to the floor's median, the CPU seconds of the process and its workers (user + system,
`getrusage` of the children), the peak memory of the largest process (`ru_maxrss`), and a
digest of stdout and of stderr with the exit code, so that the answers can be compared. The
load average is printed before and after: on a shared machine the CPU seconds move less than
the wall-clock ones.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FLOOR = HERE / "reference_csafeloader.py"

WRAPPER = (
    "import json, resource, subprocess, sys, time, hashlib\n"
    "start = time.perf_counter()\n"
    "done = subprocess.run(sys.argv[1:], capture_output=True)\n"
    "wall = time.perf_counter() - start\n"
    "use = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(json.dumps([wall, use.ru_utime + use.ru_stime, use.ru_maxrss, done.returncode,\n"
    "    hashlib.sha256(done.stdout).hexdigest()[:12], hashlib.sha256(done.stderr).hexdigest()[:12]]))\n"
)


def commands(archive: Path, out: Path) -> list[tuple[str, list[str]]]:
    """(label, arguments after `kpss --no-cache`) of each reading command, as benchmarks/commands.py
    runs them."""
    first = next(archive.glob("orp-001/*/*.md"))
    minutes_id = first.relative_to(archive).with_suffix("").as_posix()
    group = f"orp-001-{first.parent.name}"
    a = ["--archive", str(archive)]
    return [
        ("tasks --overdue", ["tasks", "--overdue", *a]),
        ("list", ["list", "-f", "json", *a]),
        ("list csv", ["list", "-f", "csv", *a]),
        ("show", ["show", minutes_id, *a]),
        ("check", ["check", *a]),
        ("attendance", ["attendance", "-f", "json", *a]),
        ("agenda", ["agenda", group, *a]),
        ("schedule", ["schedule", "--year", "2020", "-f", "json", *a]),
        ("members", ["members", group, *a]),
        ("plan", ["plan", *a]),
        ("monitor", ["monitor", "--year", "2020", *a]),
        ("remind --dry-run", ["remind", "--dry-run", str(out / "mail"), *a]),
    ]


def run_once(line: list[str], env: dict[str, str]) -> list[object]:
    done = subprocess.run(
        [sys.executable, "-c", WRAPPER, *line], env=env, capture_output=True, text=True, check=True
    )
    return list(json.loads(done.stdout))


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("archive", type=Path)
    parser.add_argument("trees", nargs="+", help="NAME=PATH of a kpss source tree")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--commands", default="", help="labels, comma-separated (default: all)")
    parser.add_argument("--no-floor", action="store_true", help="do not run the CSafeLoader floor")
    args = parser.parse_args()
    trees = [(name, str(Path(path).resolve())) for name, _, path in (t.partition("=") for t in args.trees)]
    only = {c.strip() for c in args.commands.split(",") if c.strip()}
    with tempfile.TemporaryDirectory(prefix="kpss-cold-") as work:
        out = Path(work)
        chosen = [(label, line) for label, line in commands(args.archive, out) if not only or label in only]
        base = {**os.environ, "KPSS_TODAY": "2024-01-01", "XDG_CACHE_HOME": str(out / "cache")}
        results: dict[tuple[str, str], list[list[object]]] = {}
        floor: list[float] = []
        print(f"load average before: {load()}", flush=True)
        for _ in range(args.runs):
            if not args.no_floor:
                floor.append(float(run_once([sys.executable, str(FLOOR), str(args.archive)], base)[0]))  # type: ignore[arg-type]
                print(f"  floor {floor[-1]:.2f} s (load {load()})", flush=True)
            for label, line in chosen:
                for name, path in trees:
                    env = {**base, "PYTHONPATH": path}
                    found = run_once([sys.executable, "-m", "kpss_cli", "--no-cache", *line], env)
                    results.setdefault((label, name), []).append(found)
                    wall, cpu, peak, code, out_digest, err_digest = found
                    print(
                        f"  {label:<18} {name:<10} {wall:7.2f} s  CPU {cpu:7.2f} s  {int(peak) // 1024:5d} MiB"  # type: ignore[call-overload]
                        f"  exit {code}  out {out_digest}  err {err_digest}  (load {load()})",
                        flush=True,
                    )
        print(f"load average after: {load()}")
        base_floor = statistics.median(floor) if floor else None
        print(f"\nfloor median: {base_floor:.2f} s" if base_floor else "")
        print("| command | tree | median s | × floor | CPU s | peak MiB | same answer |")
        print("|---|---|---:|---:|---:|---:|---|")
        for label, _line in chosen:
            answers = {tuple(r[3:6]) for name, _ in trees for r in results[(label, name)]}
            for name, _path in trees:
                runs = results[(label, name)]
                wall = statistics.median(float(r[0]) for r in runs)  # type: ignore[arg-type]
                cpu = statistics.median(float(r[1]) for r in runs)  # type: ignore[arg-type]
                peak = max(int(r[2]) for r in runs) // 1024  # type: ignore[call-overload]
                ratio = f"{wall / base_floor:.2f}" if base_floor else ""
                same = "yes" if len(answers) == 1 else "NO"
                print(f"| `{label}` | {name} | {wall:.2f} | {ratio} | {cpu:.2f} | {peak} | {same} |")


if __name__ == "__main__":
    main()
