"""How faithfully `kpss import` reads real minutes: per-field recall and precision.

Imports every `NN.txt` of the real-minutes corpus (`../shared/corpus/` by default) in-process,
as `kpss import --dry-run` does, and compares it field by field with `NN.expected.yaml` (what a
careful person reads from the same text). The scoring is `kpss_cli/importing/fidelity.py`, the
one `tests/test_import_corpus.py` uses.

    python benchmarks/import_fidelity.py                 # the table and the totals
    python benchmarks/import_fidelity.py --misses        # and every wrong value, file by file
    python benchmarks/import_fidelity.py --json          # the figures as JSON
    python benchmarks/import_fidelity.py path/to/corpus  # another corpus of NN.txt + NN.expected.yaml

The first line of each `NN.txt` (`source: <url>`) and the blank line after it are not part of
the minutes and are dropped before the import. A document `kpss import` refuses as not minutes gives no value at all, as it
gives none there; minutes refused for a missing date or group are scored with what
`kpss import --dry-run --format json` shows of them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

from kpss_cli.core.errors import KpssError
from kpss_cli.importing import Imported, recognise
from kpss_cli.importing.fidelity import FIELDS, Score, score_document

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def minutes_text(path: Path) -> str:
    """The excerpt of a corpus file, without its `source:` line."""
    text = path.read_text(encoding="utf-8")
    first, _, rest = text.partition("\n")
    return rest.lstrip("\n") if first.startswith("source:") else text


def score_corpus(folder: Path) -> tuple[Score, dict[str, Score]]:
    """The total score of a corpus folder and the score of each file."""
    total, per_file = Score(), {}
    for truth in sorted(folder.glob("*.expected.yaml")):
        stem = truth.name.removesuffix(".expected.yaml")
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--misses", action="store_true", help="list every wrong value")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    total, per_file = score_corpus(args.corpus)
    if args.json:
        figures = {
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
        figures["TOTAL"] = {"recall": total.recall(), "precision": total.precision()}
        print(json.dumps(figures, indent=2, ensure_ascii=False))
        return 0
    print(f"{len(per_file)} documents from {args.corpus}\n")
    print(total.table())
    if args.misses:
        print("\nmisses:")
        print("\n".join(total.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
