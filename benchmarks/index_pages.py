"""What SQLite's share of a first build costs in pages of each size (issue #25):

    python benchmarks/index_pages.py INDEX [--pages 4096,16384] [--temp-cache -1000] [--rounds 5]

INDEX is an index a first build wrote (ARCHIVE/.kpss/index-*.sqlite3; read only). Its rows are
written again into a new file in /tmp as a first build writes them (store/firstbuild.py,
loading.FirstBuild, Index.fill_tables): the files' rows with the per-file tables' rows (FILE,
MEET, REF, in a random order) put aside in a temporary table, a transaction per 640 files;
then those rows copied in the B-tree's order; then the status tables' rows put aside and
copied likewise. Each page size (and, with --temp-cache, each size again with the temporary
database's cache set so) runs in a new process, in turns round by round: the CPU seconds of
each of the three steps (time.process_time) and how much the process's high-water mark grew
while writing (MiB). Nothing of kpss is imported: only SQLite is timed.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

_SCHEMA = """
CREATE TABLE files (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, ctime_ns INTEGER NOT NULL,
    ino INTEGER NOT NULL, data BLOB NOT NULL, mac BLOB NOT NULL
);
CREATE TABLE rows (
    kind TEXT NOT NULL, key BLOB NOT NULL, bucket INTEGER NOT NULL, data BLOB NOT NULL, mac BLOB NOT NULL,
    PRIMARY KEY (kind, bucket, key)
) WITHOUT ROWID;
"""
_STAGED = "CREATE TEMP TABLE staged (kind TEXT, key BLOB, bucket INTEGER, data BLOB, mac BLOB)"
_UNSTAGE = "INSERT OR REPLACE INTO rows SELECT kind, key, bucket, data, mac FROM temp.staged ORDER BY kind, bucket, key"
_PER_FILE = ("file", "meet", "ref")
_BATCH = 640  # files a transaction (firstbuild._BATCH's 2,500 table rows)


def replay(source: str, page: int, temp_cache: int | None) -> list[float]:
    """The three steps' CPU seconds and the high-water mark's growth in MiB."""
    found = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    files = found.execute("SELECT * FROM files").fetchall()
    rows = found.execute("SELECT kind, key, bucket, data, mac FROM rows").fetchall()
    found.close()
    random.seed(1)
    per_file = [row for row in rows if row[0] in _PER_FILE]
    status = [row for row in rows if row[0] not in _PER_FILE]
    random.shuffle(per_file)
    random.shuffle(status)
    del rows
    folder = tempfile.mkdtemp(prefix="kpss-pages-")
    db = sqlite3.connect(os.path.join(folder, "index.sqlite3"), isolation_level=None)
    db.execute(f"PRAGMA page_size = {page}")
    db.execute("PRAGMA journal_mode = MEMORY")
    db.execute("PRAGMA synchronous = OFF")
    if temp_cache is not None:
        db.execute(f"PRAGMA temp.cache_size = {temp_cache}")
    db.executescript(_SCHEMA)
    db.execute(_STAGED)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    spent = []
    start = time.process_time()
    share = len(per_file) * _BATCH // max(len(files), 1)
    for at in range(0, len(files), _BATCH):
        first = at * len(per_file) // len(files)
        with db:
            db.execute("BEGIN IMMEDIATE")
            db.executemany(
                "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)", files[at : at + _BATCH]
            )
            db.executemany("INSERT INTO temp.staged VALUES (?, ?, ?, ?, ?)", per_file[first : first + share])
    spent.append(time.process_time() - start)
    for step in ((), status):
        start = time.process_time()
        with db:
            db.execute("BEGIN IMMEDIATE")
            db.executemany("INSERT INTO temp.staged VALUES (?, ?, ?, ?, ?)", step)
            db.execute(_UNSTAGE)
            db.execute("DELETE FROM temp.staged")
        spent.append(time.process_time() - start)
    db.close()
    shutil.rmtree(folder)
    return [*spent, (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("index")
    parser.add_argument("--pages", default="4096,16384")
    parser.add_argument(
        "--temp-cache", type=int, default=None, help="also each size with this temp.cache_size"
    )
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--one", nargs=2, help=argparse.SUPPRESS
    )  # PAGE TEMP_CACHE: one replay, in this process
    args = parser.parse_args()
    if args.one:
        cache = None if args.one[1] == "-" else int(args.one[1])
        print(" ".join(f"{value:.4f}" for value in replay(args.index, int(args.one[0]), cache)))
        return
    setups = [(int(page), None) for page in args.pages.split(",")]
    if args.temp_cache is not None:
        setups += [(page, args.temp_cache) for page, _ in list(setups)]
    taken: dict[tuple[int, int | None], list[list[float]]] = {setup: [] for setup in setups}
    for number in range(args.rounds):
        print(f"round {number + 1}: load average {os.getloadavg()[0]:.1f}", flush=True)
        for page, cache in setups:
            command = [
                sys.executable,
                __file__,
                args.index,
                "--one",
                str(page),
                "-" if cache is None else str(cache),
            ]
            out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
            taken[(page, cache)].append([float(value) for value in out.split()])
    print("medians: CPU s of the files' rows with the per-file rows put aside / those copied in order /")
    print("the status tables put aside and copied, in all; the high-water mark's growth (largest)")
    for (page, cache), runs in taken.items():
        steps = [statistics.median(run[at] for run in runs) for at in range(3)]
        total = statistics.median(sum(run[:3]) for run in runs)
        label = f"{page:6d} B pages" + ("" if cache is None else f", temp.cache_size {cache}")
        print(
            f"  {label:<36} {steps[0]:.3f} / {steps[1]:.3f} / {steps[2]:.3f}, {total:.3f} s;"
            f" +{max(run[3] for run in runs):.0f} MiB"
        )


if __name__ == "__main__":
    main()
