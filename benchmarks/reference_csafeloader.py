"""Reference for benchmarks/run.py: one process reads every file and loads its front matter
with yaml.CSafeLoader, nothing more. kpss's cold runs are compared with this."""

from __future__ import annotations

import os
import sys

import yaml


def main(root: str) -> None:
    loaded = 0
    for folder, _, files in os.walk(root):
        for name in files:
            if not name.endswith(".md"):
                continue
            with open(os.path.join(folder, name), "rb") as handle:
                text = handle.read().decode("utf-8-sig", errors="replace").replace("\r\n", "\n")
            if not text.startswith("---\n"):
                continue
            end = text.find("\n---", 4)
            if end < 0:
                continue
            yaml.load(text[4:end], Loader=yaml.CSafeLoader)  # CSafeLoader: safe
            loaded += 1
    print(loaded)


if __name__ == "__main__":
    main(sys.argv[1])
