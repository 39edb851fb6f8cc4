#!/bin/bash
# Warm `kpss export --to jsonl --force` to the same target, two kpss trees taking turns (A, B),
# each on its own copy of an archive (their indexes apart): prints "A seconds" / "B seconds"
# per run and the load average before and after. Run from anywhere:
#
#     benchmarks/warm_export_ab.sh /path/to/tree-A /path/to/tree-B /work/bench/a10k 15
#
# Each tree is put first on PYTHONPATH of this venv's Python (.venv beside this script). The
# two exports before the timed runs build the index, keep the export and write the target; the
# 3 s wait lets the target's stamps settle (export/kept.py, `settled`).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
py="$here/.venv/bin/python"
trees=("$1" "$2")
source_archive=$3
runs=${4:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache" KPSS_TODAY=2024-01-01
for side in A B; do
  cp -a "$source_archive" "$work/archive-$side"
  rm -rf "$work/archive-$side/.kpss"
done
export_once() { # tree archive target
  PYTHONPATH=$1 "$py" -c "import sys; from kpss_cli.main import run; sys.argv = ['kpss', *sys.argv[1:]]; run()" \
    export --to jsonl "$3" --archive "$2" --force >/dev/null
}
uptime
for i in 0 1; do
  for side in 0 1; do
    name=$([ $side = 0 ] && echo A || echo B)
    export_once "${trees[$side]}" "$work/archive-$name" "$work/out-$name.jsonl"
  done
done
sleep 3
for i in $(seq 1 "$runs"); do
  for side in 0 1; do
    name=$([ $side = 0 ] && echo A || echo B)
    start=$(date +%s.%N)
    export_once "${trees[$side]}" "$work/archive-$name" "$work/out-$name.jsonl"
    end=$(date +%s.%N)
    echo "$name $(echo "$end - $start" | bc)"
  done
done
uptime
