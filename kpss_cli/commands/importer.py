"""`kpss import`: legacy minutes into the archive."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from ..core.errors import ExitStatus, KpssError, error_line, warning_line
from ..output.console import emit_rows, say
from ..output.formats import Column
from . import options
from .app import ArchiveOption, app, boundary, default_format, formats, option
from .shared import open_archive

IMPORT_COLUMNS = [
    Column("source", "Document"),
    Column("path", "Minutes"),
    Column("group", "Group"),
    Column("date", "Date"),
    Column("present", "Present", "right"),
    Column("tasks", "Tasks", "right"),
    Column("warnings", "Warnings", "right"),
]


@app.command("import")
@boundary
def import_(
    files: Annotated[
        list[Path],
        typer.Argument(help="Documents (.txt, .md, .docx, .pdf) or folders of them.", show_default=False),
    ],
    archive: ArchiveOption = None,
    group: Annotated[str | None, option(options.GROUP, help="The group all these minutes belong to.")] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Write nothing; show what would be written.")
    ] = False,
    fmt: Annotated[str, formats("import")] = default_format("import"),
) -> int:
    """Bring legacy minutes (Word, PDF, text) into the archive as draft minutes.

    Each document becomes <group folder>/<date>.md: front matter with what kpss recognised
    (date, time, place, attendance, recorder, agenda, tasks, next meeting) and the original
    text below it. Nothing is invented: what was not found is left empty and named in a
    warning, and `kpss check` on the new file points at it. Never overwrites a file.

    Example: kpss import stare-zapisy/ --group seniori --dry-run
    """
    from ..core.names import slugify
    from ..importing import SUPPORTED, import_document, suggested_filename, to_minutes_markdown
    from ..meetings.upcoming import resolve_group
    from ..minutes.parse import parse_minutes
    from ..store.archive import shown_path
    from ..store.safefile import create_new, safe_path

    loaded = open_archive(archive, use_index=not dry_run)  # a dry run writes nothing, not even the index
    fixed = resolve_group(loaded, group) if group else None
    documents = _documents(files, SUPPORTED)
    rows: list[dict[str, Any]] = []
    planned: set[str] = set()
    failed = False
    for document in _progress(documents, "Importing"):
        try:
            imported = import_document(document, group_hint=fixed.name if fixed else None)
            target = fixed or (loaded.config.find_group(imported.group) if imported.group else None)
            if target is not None:
                imported.group = target.name
            folder = target.folder if target else (slugify(imported.group) if imported.group else "unsorted")
            path = safe_path(loaded.root, *folder.split("/"), suggested_filename(imported))
            rel = path.relative_to(loaded.root).as_posix()
            text = to_minutes_markdown(imported)
            for warning in imported.warnings:
                say(warning_line(f"{document}: {warning}"))
            if rel in planned or (dry_run and path.exists()):
                # What a real run would refuse, a dry run says too: two documents of one day.
                raise KpssError(f"{shown_path(loaded, rel)} already exists; nothing was written")
            planned.add(rel)
            if not dry_run:
                create_new(path, text, shown_path(loaded, rel))
        except KpssError as exc:
            say(error_line(str(exc)))
            failed = True
            continue
        record, _ = parse_minutes(text.encode("utf-8"), rel, rel, loaded.config)
        data = record.to_dict() if record else {"id": rel.removesuffix(".md"), "path": rel}
        rows.append(
            data
            if fmt in ("json", "jsonl")
            else {
                "source": str(document),
                "path": shown_path(loaded, rel),
                "group": imported.group,
                "date": imported.date.isoformat() if imported.date else None,
                "present": len(imported.present),
                "tasks": len(imported.tasks),
                "warnings": len(imported.warnings),
            }
        )
    verb = "would import" if dry_run else "imported"
    emit_rows(rows, IMPORT_COLUMNS, fmt, caption=f"{verb} {len(rows)} of {len(documents)} documents")
    return ExitStatus.USER_ERROR if failed else ExitStatus.OK


def _documents(paths: list[Path], suffixes: tuple[str, ...]) -> list[Path]:
    """The files named, and the supported documents inside the folders named, in order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            # Links are not followed: one could lead to any file of the computer.
            found += sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and not p.is_symlink() and p.suffix.lower() in suffixes
            )
        else:
            found.append(path)
    return found


T = TypeVar("T")


def _progress(items: list[T], label: str) -> Iterable[T]:
    """`items`, with a progress bar on stderr when it is a terminal and there are many."""
    if len(items) < 5 or not sys.stderr.isatty():
        return items
    from rich.progress import track

    return track(items, description=label, console=None, transient=True)
