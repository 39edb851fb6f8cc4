"""The parse cost per file, stage by stage, beside the CSafeLoader floor on the same files
(issue #25). One process, no index:

    python benchmarks/parse_cost.py ARCHIVE [--files 3000] [--repeat 3]

For each of the first `--files` minutes of ARCHIVE (in the walk's order), each stage of
`minutes/parse.parse_minutes` is timed on its own, in the order it runs: reading the bytes
(store/files.read_regular), decoding them (minutes/source.decode), splitting the front matter
(split_front_matter), its YAML (minutes/yamlsafe.load_yaml), building the record from it
(parse._build_minutes: people, agenda, tasks and updates of the front matter), the body's tasks
and checks (parse._parse_body), and packing the outcome as the index and the workers take it
(store/packing.pack). The floor is benchmarks/reference_csafeloader.py's loop (read, decode,
split, `yaml.load` with CSafeLoader) on the same files. Each is the median of `--repeat`
rounds, as µs per file: the machine's load moves single rounds a lot, so read the ratio to
the floor taken in the same run, not the microseconds alone. Caches that kpss keeps across
files (people, YAML scalars) are warm after the first round, as they are in a real run
after the first few files.

With `--rows`, what a first build does beside the parse is timed too, per file, after the
table (not in its total): the file's row of FILE (incremental.stamped_entry), its rows of
FILE, MEET and REF made and signed (incremental.signed_rows), its row of `files` signed
(index.Signer.file), and its outcome unpacked lean, as the main process unpacks a worker's
(packing.unpack_lean), with the cycle collector off as in a load.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kpss_cli.minutes import parse as parse_module
from kpss_cli.minutes.source import MAX_FILE_SIZE, decode, split_front_matter
from kpss_cli.minutes.yamlsafe import load_yaml
from kpss_cli.store.archive import stamp_of, walk_files
from kpss_cli.store.config import load_config
from kpss_cli.store.files import read_regular
from kpss_cli.store.incremental import signed_rows, stamped_entry
from kpss_cli.store.index import Signer
from kpss_cli.store.packing import pack, unpack_lean

STAGES = ("read", "decode", "split", "yaml", "record", "body", "pack")
ROW_STAGES = ("FILE entry", "rows+sign", "file sign", "unpack lean")


def files_of(root: Path, count: int) -> list[str]:
    """The first `count` minutes files in the order kpss walks the archive."""
    return [rel for rel, _stat in walk_files(root)[:count]]


def kpss_round(root: Path, rels: list[str], config: object) -> dict[str, float]:
    """Seconds spent in each stage over `rels`."""
    spent = dict.fromkeys(STAGES, 0.0)
    clock = time.perf_counter
    for rel in rels:
        t0 = clock()
        data = read_regular(f"{root}/{rel}", MAX_FILE_SIZE)
        t1 = clock()
        decoded = decode(data)
        t2 = clock()
        split = split_front_matter(decoded.text)
        t3 = clock()
        if split is None:
            spent["read"] += t1 - t0
            spent["decode"] += t2 - t1
            spent["split"] += t3 - t2
            continue
        context = parse_module._Context(rel, 1)
        context.offset = split.front_matter_line - 1
        front = load_yaml(split.front_matter)
        t4 = clock()
        minutes = parse_module._build_minutes(front, rel, context, config)  # type: ignore[arg-type]
        t5 = clock()
        if minutes is not None:
            minutes.encoding = decoded.encoding
            minutes.body_line = split.body_line
            parse_module._parse_body(minutes, split.body, split.body_line, context)
            minutes.body = None  # as loading._parse_file lets it go
        t6 = clock()
        pack((minutes, context.problems))
        t7 = clock()
        for stage, seconds in zip(
            STAGES, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5, t7 - t6), strict=True
        ):
            spent[stage] += seconds
    return spent


def rows_round(root: Path, rels: list[str], config: object) -> dict[str, float]:
    """Seconds spent in each of ROW_STAGES over `rels` (parsed first, not timed)."""
    import gc

    signer = Signer(os.urandom(32))
    spent = dict.fromkeys(ROW_STAGES, 0.0)
    clock = time.perf_counter
    collecting = gc.isenabled()
    gc.disable()
    try:
        for rel in rels:
            stamp = stamp_of(os.lstat(f"{root}/{rel}"))
            data = read_regular(f"{root}/{rel}", MAX_FILE_SIZE)
            outcome = parse_module.parse_minutes(data, rel, rel, config)  # type: ignore[arg-type]
            blob = pack(outcome)
            t0 = clock()
            found = stamped_entry(stamp, outcome[1], outcome[0])
            t1 = clock()
            signed_rows(rel, found, signer)
            t2 = clock()
            signer.file(rel, *stamp, blob)
            t3 = clock()
            unpack_lean(blob)
            t4 = clock()
            for stage, seconds in zip(ROW_STAGES, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
                spent[stage] += seconds
    finally:
        if collecting:
            gc.enable()
    return spent


def floor_round(root: Path, rels: list[str]) -> float:
    """reference_csafeloader.py's work on `rels`, in seconds."""
    started = time.perf_counter()
    for rel in rels:
        with open(os.path.join(root, rel), "rb") as handle:
            text = handle.read().decode("utf-8-sig", errors="replace").replace("\r\n", "\n")
        if not text.startswith("---\n"):
            continue
        end = text.find("\n---", 4)
        if end >= 0:
            yaml.load(text[4:end], Loader=yaml.CSafeLoader)  # CSafeLoader: safe
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("archive", type=Path)
    parser.add_argument("--files", type=int, default=3000, help="how many files to parse")
    parser.add_argument("--repeat", type=int, default=3, help="rounds (medians are reported)")
    parser.add_argument("--rows", action="store_true", help="also what a first build does beside the parse")
    args = parser.parse_args()
    root = args.archive.resolve()
    rels = files_of(root, args.files)
    if not rels:
        sys.exit(f"no minutes in {root}")
    config = load_config(root, str(root))
    kpss_round(root, rels[: min(200, len(rels))], config)  # imports and first caches
    rounds: dict[str, list[float]] = {stage: [] for stage in (*STAGES, *ROW_STAGES)}
    rounds["total"], rounds["floor"] = [], []
    for _ in range(args.repeat):  # interleaved: the same load for both
        rounds["floor"].append(floor_round(root, rels))
        spent = kpss_round(root, rels, config)
        for stage in STAGES:
            rounds[stage].append(spent[stage])
        rounds["total"].append(sum(spent.values()))
        if args.rows:
            for stage, seconds in rows_round(root, rels, config).items():
                rounds[stage].append(seconds)
    per_file: Callable[[str], float] = lambda name: statistics.median(rounds[name]) / len(rels) * 1e6  # noqa: E731
    floor = per_file("floor")
    print(f"{len(rels):,} files of {root}, median of {args.repeat} rounds, µs per file")
    print(f"  {'stage':<10} {'µs':>8} {'× floor':>8} {'share':>7}")
    total = per_file("total")
    for stage in STAGES:
        cost = per_file(stage)
        print(f"  {stage:<10} {cost:8.1f} {cost / floor:8.2f} {cost / total:7.1%}")
    print(f"  {'kpss':<10} {total:8.1f} {total / floor:8.2f}")
    print(f"  {'floor':<10} {floor:8.1f} {1:8.2f}   (read, decode, split, CSafeLoader)")
    if args.rows:
        print("  beside the parse, on a first build:")
        for stage in ROW_STAGES:
            cost = per_file(stage)
            print(f"  {stage:<10} {cost:8.1f} {cost / floor:8.2f}")


if __name__ == "__main__":
    main()
