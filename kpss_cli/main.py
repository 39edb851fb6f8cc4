"""Entry point of the `kpss` command: the interface's language, then the quick path (quick.py), then
the Typer app."""

from __future__ import annotations

import os
import sys


def run() -> None:
    """Run `kpss` with the command line of this process."""
    argv = sys.argv[1:]
    if argv != ["--version"]:
        # Before the commands are imported: their help texts are translated as they are declared.
        from .commands.language import install_language

        install_language(argv, os.environ)
    from .commands.quick import answer

    code = answer(argv, os.environ)
    if code is not None:
        sys.exit(code)
    from .commands.cli import run as run_app

    run_app()
