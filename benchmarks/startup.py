"""Is kpss as quick to start as it was? Times `kpss --version` and a warm
`kpss tasks --overdue` of this checkout against another revision, in one interleaved run:

    python benchmarks/startup.py                       # against 79ba13a, the last commit before the layout of #16
    python benchmarks/startup.py --against v0.1 --files 1000 --runs 41

Each revision is installed as the README installs it (`pip install .`, from `git archive`,
into a venv of its own in a temporary folder). Both answer the same generated archive
(../shared/bench/make_archive.py), each with an index of its own. Each command is run as a
user runs it (a new process), the two revisions taking turns, so a slow spell of the machine
falls on both; the table gives medians and the ratio of this checkout to the other.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
GENERATOR = REPO.parent / "shared" / "bench" / "make_archive.py"


def install(revision: str | None, work: Path) -> Path:
    """The `kpss` script of a venv with `revision` (None: the working tree) installed."""
    name = revision or "working-tree"
    source = work / f"src-{name}"
    if revision is None:
        source = REPO
    else:
        source.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(REPO), "archive", revision], check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(source)], input=archive, check=True)
    venv = work / f"venv-{name}"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, str(source)], check=True)
    return venv / "bin" / "kpss"


def seconds(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", default="79ba13a", help="the revision to compare with")
    parser.add_argument("--files", type=int, default=10_000, help="minutes in the generated archive")
    parser.add_argument("--runs", type=int, default=31, help="runs of each command (medians are reported)")
    args = parser.parse_args()
    if not GENERATOR.exists():
        raise SystemExit(f"the generator is missing: {GENERATOR} (../shared/ must be beside the repository)")
    with tempfile.TemporaryDirectory(prefix="kpss-startup-") as folder:
        work = Path(folder)
        scripts = {"this checkout": install(None, work), args.against: install(args.against, work)}
        archive = work / "archive"
        subprocess.run(
            [sys.executable, str(GENERATOR), str(archive), "--files", str(args.files), "--seed", "42"],
            check=True,
            capture_output=True,
        )
        # A cache folder (signing key, so index file) per revision: two index formats sharing
        # one file would rebuild it at every turn, and every run would be cold.
        envs = {
            name: {**os.environ, "XDG_CACHE_HOME": str(work / f"cache-{n}"), "KPSS_TODAY": "2024-01-01"}
            for n, name in enumerate(scripts)
        }
        commands: dict[str, Callable[[Path], list[str]]] = {
            "python -c pass (same venv)": lambda kpss: [str(kpss.with_name("python")), "-c", "pass"],
            "kpss --version": lambda kpss: [str(kpss), "--version"],
            "kpss tasks --overdue, warm": lambda kpss: [str(kpss), "tasks", "--overdue", "-a", str(archive)],
        }
        time.sleep(2.5)  # files changed within 2 s of a run are read again (racily clean)
        for name, kpss in scripts.items():  # each builds its own index
            seconds(commands["kpss tasks --overdue, warm"](kpss), envs[name])
        print(
            f"kpss start-up: {os.cpu_count()} cores, Python {sys.version.split()[0]}, "
            f"{args.files:,} files, median of {args.runs} interleaved runs"
        )
        print(f"  {'command':<30} {'this checkout':>14} {args.against:>14} {'ratio':>7}")
        for label, make in commands.items():
            times: dict[str, list[float]] = {name: [] for name in scripts}
            for _ in range(args.runs):
                for name, kpss in scripts.items():
                    times[name].append(seconds(make(kpss), envs[name]))
            now, then = (statistics.median(times[name]) for name in scripts)
            print(f"  {label:<30} {now * 1000:11.1f} ms {then * 1000:11.1f} ms {now / then:7.2f}")


if __name__ == "__main__":
    main()
