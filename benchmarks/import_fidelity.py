"""How faithfully `kpss import` reads real minutes: per-field recall and precision.

Imports every `NN.txt` of two sets of real minutes in-process, as `kpss import --dry-run`
does, and compares it field by field with `NN.expected.yaml` (what a careful person reads from
the same text): the development corpus `../shared/corpus/` and the held-out set
`tests/data/import_heldout/` (real excerpts from other bodies and towns, see its README). The
scoring is `kpss_cli/importing/fidelity.py`, the one `tests/test_import_corpus.py` uses.

    python benchmarks/import_fidelity.py                 # a table per set, and the totals
    python benchmarks/import_fidelity.py --misses        # and every wrong value, file by file
    python benchmarks/import_fidelity.py --json          # the figures as JSON
    python benchmarks/import_fidelity.py path/to/corpus  # other sets of NN.txt + NN.expected.yaml
    python benchmarks/import_fidelity.py tests/data/import_heldout --only '2[5-9]' --only '3?'
                                                         # only the files whose NN matches a pattern

The first line of each `NN.txt` (`source: <url>`) and the blank line after it are not part of
the minutes and are dropped before the import. A document `kpss import` refuses as not minutes gives no value at all, as it
gives none there; minutes refused for a missing date or group are scored with what
`kpss import --dry-run --format json` shows of them.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import sys
from pathlib import Path

import yaml

from kpss_cli.core.errors import KpssError
from kpss_cli.importing import Imported, recognise
from kpss_cli.importing.fidelity import FIELDS, Score, score_document

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
HELDOUT = Path(__file__).resolve().parents[1] / "tests" / "data" / "import_heldout"


def minutes_text(path: Path) -> str:
    """The excerpt of a corpus file, without its `source:` line."""
    text = path.read_text(encoding="utf-8")
    first, _, rest = text.partition("\n")
    return rest.lstrip("\n") if first.startswith("source:") else text


def score_corpus(folder: Path, only: list[str] | None = None) -> tuple[Score, dict[str, Score]]:
    """The total score of a corpus folder and the score of each file; with `only`, of the files
    whose stem (`NN`) matches one of those shell patterns (a fresh batch, measured on its own)."""
    total, per_file = Score(), {}
    for truth in sorted(folder.glob("*.expected.yaml")):
        stem = truth.name.removesuffix(".expected.yaml")
        if only and not any(fnmatch.fnmatchcase(stem, pattern) for pattern in only):
            continue
        source = truth.with_name(f"{stem}.txt")
        expected = yaml.safe_load(truth.read_text(encoding="utf-8")) or {}
        try:
            imported: Imported | None = recognise(minutes_text(source), source_name=source.name)
        except KpssError:
            imported = None
        if imported is not None and not imported.looks_like_minutes:
            imported = None  # what `kpss import` refuses as not minutes gives nothing
        # Minutes without a date or a group are refused too, but `--dry-run --format json` still
        # shows what was read of them (null for the missing field): they are scored.
        score = score_document(imported, expected, source.name)
        per_file[source.name] = score
        total.merge(score)
    return total, per_file


def figures(total: Score) -> dict[str, dict[str, float | int | None]]:
    """Per field and in total: values given, found, right, recall and precision."""
    table: dict[str, dict[str, float | int | None]] = {
        name: {
            "given": total.given[name],
            "found": total.found[name],
            "right": total.hits[name],
            "recall": total.recall(name),
            "precision": total.precision(name),
        }
        for name in FIELDS
        if total.points[name]
    }
    table["TOTAL"] = {"recall": total.recall(), "precision": total.precision()}
    return table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="*", type=Path, default=[CORPUS, HELDOUT])
    parser.add_argument("--misses", action="store_true", help="list every wrong value")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--only",
        action="append",
        metavar="PATTERN",
        help="score only the files whose NN matches this shell pattern (repeatable), e.g. '3?'",
    )
    args = parser.parse_args()
    missing = [folder for folder in args.corpus if not folder.is_dir()]
    if missing:
        print(f"no corpus at {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    results = {folder: score_corpus(folder, args.only) for folder in args.corpus}
    if args.json:
        print(json.dumps({str(f): figures(total) for f, (total, _) in results.items()}, indent=2))
        return 0
    for folder, (total, per_file) in results.items():
        print(f"{len(per_file)} documents from {folder}\n")
        print(total.table())
        if args.misses:
            print("\nmisses:")
            print("\n".join(total.misses))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
