"""The terminal: messages on stderr, rows on stdout, a progress bar while files are parsed."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable

from .formats import Column, clean, clean_document, emit

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any


def say(line: str) -> None:
    """Print a message on stderr. Messages quote minutes and names: no terminal escapes or line
    breaks get through."""
    print(clean(line), file=sys.stderr)


def write_document(text: str) -> None:
    """Write a document (a rendered template) to stdout. Documents quote minutes, which come
    from many hands: no terminal escapes, C1 controls or bidi overrides get through; line
    breaks and tabs do."""
    sys.stdout.write(clean_document(text))
    sys.stdout.flush()


def write_pdf(html: str) -> None:
    """Write an HTML document to stdout as PDF (output/pdf.py); never to a terminal."""
    from ..core.errors import KpssError
    from .pdf import html_to_pdf

    if sys.stdout.isatty():
        raise KpssError("PDF is binary: redirect it to a file (`> zapis.pdf`)")
    data = html_to_pdf(clean_document(html))
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        raise KpssError("cannot write PDF: stdout takes no bytes")
    buffer.write(data)
    buffer.flush()


def terminal() -> bool:
    """True when stdout is a terminal (colour, tables with boxes)."""
    return sys.stdout.isatty()


def table_width() -> int | None:
    """How wide a table may be: the terminal's width (COLUMNS first); into a pipe or a file,
    COLUMNS when it is set, else no limit (a shell does not export COLUMNS, so `kpss tasks |
    grep` sees every cell whole, and `COLUMNS=80 kpss tasks > out` fits 80)."""
    import os

    if terminal():
        import shutil

        return shutil.get_terminal_size().columns
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 0 else None


def emit_rows(rows: Iterable[dict[str, Any]], columns: list[Column], fmt: str, **options: Any) -> int:
    """Write rows to stdout in `fmt`; return how many."""
    options.setdefault("width", table_width() if fmt == "table" else None)
    count = emit(rows, columns, fmt, sys.stdout, terminal=terminal(), **options)
    sys.stdout.flush()
    return count


def progress_bar() -> Callable[[int, int], None] | None:
    """A progress bar on stderr while many files are parsed, only on a terminal."""
    if not sys.stderr.isatty():
        return None
    state: dict[str, Any] = {}

    def update(done: int, total: int) -> None:
        if "bar" not in state:
            from rich.progress import Progress

            state["bar"] = Progress(transient=True)
            state["bar"].start()
            state["task"] = state["bar"].add_task("Reading minutes", total=total)
        state["bar"].update(state["task"], completed=done)
        if done >= total:
            state["bar"].stop()

    return update
