"""`kpss import`: legacy minutes into the archive."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from ..core.errors import ExitStatus, KpssError, error_line, warning_line
from ..core.i18n import N_, _
from ..output.console import say, track
from ..output.formats import Column
from . import options
from .app import ArchiveOption, app, boundary, default_format, formats, option
from .shared import emit_rows, open_archive

IMPORT_COLUMNS = [
    Column("source", N_("Document")),
    Column("path", N_("Minutes")),
    Column("group", N_("Group")),
    Column("date", N_("Date")),
    Column("present", N_("Present"), "right"),
    Column("tasks", N_("Tasks"), "right"),
    Column("warnings", N_("Warnings"), "right"),
]

REPORT_COLUMNS = [
    Column("source", N_("Document")),
    Column("path", N_("Minutes")),
    Column("field", N_("Field")),
    Column("value", N_("Value")),
    Column("why", N_("Why a guess")),
]


@app.command("import")
@boundary
def import_(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar=_("FILE..."),
            help=_(
                "Documents (.txt, .md, .docx, .pdf; .doc, .odt, .rtf with LibreOffice) or folders of them."
            ),
            show_default=False,
        ),
    ],
    archive: ArchiveOption = None,
    group: Annotated[
        str | None, option(options.GROUP, help=_("The group all these minutes belong to."))
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help=_("Write nothing; show what would be written."))
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help=_("Import a document that is not minutes as a note (needs --group and a date).")
        ),
    ] = False,
    report: Annotated[
        bool,
        typer.Option(
            "--report", help=_("List the values read from a guess, per document, to check by hand.")
        ),
    ] = False,
    fmt: Annotated[str, formats("import")] = default_format("import"),
) -> int:
    """Bring legacy minutes (Word, PDF, text) into the archive as draft minutes.

    Each document becomes <group folder>/<date>.md: front matter with what kpss recognised
    (date, time, place, attendance, recorder, agenda, tasks, next meeting) and the original
    text below it. Nothing is invented: what was not found is left empty and named in a
    warning, and `kpss check` on the new file points at it. Never overwrites a file.
    A document that is not minutes (an invitation, a talk, a plan), or one without a meeting
    date or a group, is refused and nothing is written; --force imports one that is not minutes
    as a note. Values read from a guess are marked `# kpss: odhad – …`; --report lists them.

    Example: kpss import stare-zapisy/ --group seniori --dry-run
    """
    from ..core.names import slugify
    from ..importing import SUPPORTED, import_document, suggested_filename, to_minutes_markdown
    from ..importing.write import preview_dict
    from ..meetings.upcoming import resolve_group
    from ..minutes.parse import parse_minutes
    from ..store.archive import shown_path
    from ..store.safefile import create_new, safe_path

    loaded = open_archive(archive, use_index=not dry_run)  # a dry run writes nothing, not even the index
    fixed = resolve_group(loaded, group) if group else None
    documents = _documents(files, SUPPORTED)
    preview = dry_run and not report and fmt in ("json", "jsonl")
    rows: list[dict[str, Any]] = []
    planned: set[str] = set()
    failed = False
    for document in track(documents, _("Importing")):
        try:
            imported = import_document(document, group_hint=fixed.name if fixed else None)
            if preview and imported.looks_like_minutes and not (imported.date and imported.group):
                # A dry run in JSON still shows what it read of minutes it would refuse for a
                # missing date or group (null there), and says it would refuse them.
                target = loaded.config.find_group(imported.group) if imported.group else None
                if target is not None:
                    imported.group = target.name
                data = preview_dict(imported, loaded.config)
                if data is not None:
                    rows.append(data)
            _refuse(document, imported, forced=force, group_given=fixed is not None)
            target = fixed or (loaded.config.find_group(imported.group) if imported.group else None)
            if target is not None:
                imported.group = target.name
                imported.guesses.pop("group", None)  # a group of kpss.yaml: no longer a guess
            folder = target.folder if target else slugify(imported.group or "")
            path = safe_path(loaded.root, *folder.split("/"), suggested_filename(imported))
            rel = path.relative_to(loaded.root).as_posix()
            text = to_minutes_markdown(imported)
            record, problems = parse_minutes(text.encode("utf-8"), rel, rel, loaded.config)
            errors = [p for p in problems if p.severity == "error"]
            if errors or record is None:
                # Never write what `kpss check` would reject.
                why = errors[0].message if errors else _("not readable as minutes")
                raise KpssError(
                    _(
                        "{document}: the draft would not pass `kpss check` ({why}); nothing was written"
                    ).format(document=document, why=why)
                )
            for warning in imported.warnings:
                say(warning_line(f"{document}: {warning}"))
            if rel in planned or (dry_run and path.exists()):
                # What a real run would refuse, a dry run says too: two documents of one day.
                raise KpssError(
                    _("{path} already exists; nothing was written").format(path=shown_path(loaded, rel))
                )
            planned.add(rel)
            if not dry_run:
                create_new(path, text, shown_path(loaded, rel))
        except KpssError as exc:
            say(error_line(str(exc)))
            failed = True
            continue
        except Exception as exc:  # one document kpss cannot read must not stop the rest
            # A bug in kpss on one odd document: the others are still imported; the message says
            # it is kpss's fault, so it gets reported rather than "fixed" in the document.
            say(
                error_line(
                    _("{document}: not imported: kpss failed on it ({name}: {exc}); please report it").format(
                        document=document, name=type(exc).__name__, exc=exc
                    )
                )
            )
            failed = True
            continue
        if report:
            rows.extend(_guess_rows(document, shown_path(loaded, rel), imported))
            continue
        data = record.to_dict()
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
    if report:
        done = len(planned)
        caption = (
            _("{count} guessed values to check in {done} of {total} documents to import")
            if dry_run
            else _("{count} guessed values to check in {done} of {total} documents imported")
        ).format(count=len(rows), done=done, total=len(documents))
        emit_rows(rows, REPORT_COLUMNS, fmt, caption=caption)
        return ExitStatus.USER_ERROR if failed else ExitStatus.OK
    emit_rows(
        rows,
        IMPORT_COLUMNS,
        fmt,
        caption=(
            _("would import {count} of {total} documents")
            if dry_run
            else _("imported {count} of {total} documents")
        ).format(count=len(rows), total=len(documents)),
    )
    return ExitStatus.USER_ERROR if failed else ExitStatus.OK


def _refuse(document: Path, imported: Any, *, forced: bool, group_given: bool) -> None:
    """Raise a KpssError when the document must not be written: not minutes (unless --force
    with --group), or without a meeting date or a group (which `kpss check` would reject)."""
    if not imported.looks_like_minutes:
        if not forced:
            message = (
                _(
                    "{document}: this is a post that attaches its minutes as a file (`Zápis zde.`, `Přiložené soubory`), not the minutes' text: import the attached file instead; nothing was written. To keep it as a note: --force --group GROUP"
                )
                if imported.attaches_minutes
                else _(
                    "{document}: this does not look like minutes (no 'Zápis' title, attendance or recorder; an invitation, a talk or a plan?); nothing was written. To keep it as a note: --force --group GROUP"
                )
            )
            raise KpssError(message.format(document=document))
        if not group_given:
            raise KpssError(
                _("{document}: a note imported with --force needs --group; nothing was written").format(
                    document=document
                )
            )
    if imported.date is None:
        raise KpssError(
            _(
                "{document}: no meeting date found; nothing was written (add the date to the document and import it again)"
            ).format(document=document)
        )
    if not imported.group:
        raise KpssError(
            _("{document}: no group found; nothing was written (name the group with --group)").format(
                document=document
            )
        )


def _guess_rows(document: Path, shown: str, imported: Any) -> list[dict[str, Any]]:
    """One row per guessed value of one document: where, what, and why it is a guess."""
    rows = []
    for key, why in imported.guesses.items():
        field, _dot, number = key.partition(".")
        if number and field == "tasks":
            task = imported.tasks[int(number) - 1]
            value = f"{task['owner'] or '?'} – {task['due'] or '?'}: {task['task'][:60]}"
        elif number:  # a person of an attendance list: a substitute read from a declined form
            person = getattr(imported, field)[int(number) - 1]
            value = (
                f"{person['name']} (za {person['substitute_for']})"
                if "substitute_for" in person
                else person["name"]
            )
        else:
            value = getattr(imported, field)
            if isinstance(value, dict):  # the next meeting: `2022-05-17 13:00`
                value = " ".join(str(v) for v in value.values() if v)
        rows.append({"source": str(document), "path": shown, "field": key, "value": value, "why": why})
    return rows


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
