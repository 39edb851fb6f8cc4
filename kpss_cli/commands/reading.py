"""What `kpss list`, `kpss show` and `kpss check` do, without Typer: records.py and check.py
declare them to Typer and call these, and the quick path (quick.py) calls them directly, so
that a warm run does not spend its time importing and building the command tree."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.errors import ExitStatus, KpssError
from ..core.i18n import N_, _
from ..output.console import say
from ..output.formats import Column, clean
from .shared import date_option, emit_rows, exit_code, load_one, load_view, open_archive, today_from

if TYPE_CHECKING:
    from ..check.findings import Finding
    from ..store.archive import Archive, TaskSnapshot

LIST_COLUMNS = [
    Column("id", N_("ID")),
    Column("group", N_("Group"), spare=True),  # the id names both
    Column("date", N_("Date"), spare=True),
    Column("time", N_("Time")),
    Column("place", N_("Place")),
    Column("present", N_("Present"), "right"),
    Column("excused", N_("Excused"), "right"),
    Column("absent", N_("Absent"), "right"),
    Column("guests", N_("Guests"), "right"),
    Column("tasks", N_("Tasks"), "right"),
]

CHECK_COLUMNS = [
    Column("path", N_("Path")),
    Column("line", N_("Line"), "right"),
    Column("severity", N_("Severity")),
    Column("code", N_("Code")),
    Column("message", N_("Message")),
]

Folder = str | os.PathLike[str] | None


def list_minutes(
    *,
    archive: Folder = None,
    group: str | None = None,
    since: str | None = None,
    until: str | None = None,
    fmt: str = "table",
) -> int:
    """Print the minutes of the archive, one row per meeting, as `kpss list` does."""
    from ..meetings.query import filter_summaries, list_view

    loaded, view = load_view(archive, "list", list_view)
    selected = filter_summaries(
        loaded, view, group=group, since=date_option(since, "--since"), until=date_option(until, "--until")
    )
    fields = view[0]
    rows = (dict(zip(fields, row, strict=True)) for row in selected)
    emit_rows(
        rows, LIST_COLUMNS, fmt, caption=_("{selected_count} minutes").format(selected_count=len(selected))
    )
    return exit_code(loaded)


def show_minutes(*, ref: str, archive: Folder = None, fmt: str = "text") -> int:
    """Print one minutes record with everything kpss reads from it, as `kpss show` does."""
    loaded, minutes = load_one(archive, ref)
    if minutes is None:
        raise KpssError(_("no minutes {ref!r} in the archive (see `kpss list`)").format(ref=ref))
    data = loaded.load_body(minutes).to_dict()
    if fmt == "json":
        import json

        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        from ..documents.textview import minutes_view

        sys.stdout.write(minutes_view(data))
    return exit_code(loaded)


def check_minutes(
    *,
    paths: list[Path] | None = None,
    archive: Folder = None,
    fmt: str = "table",
    strict: bool = False,
    explain: str | None = None,
    as_of: str | None = None,
) -> int:
    """Print the findings of `kpss check`; return its exit code."""
    from ..check.codes import CODES, SEVERITIES
    from ..check.findings import findings_of, summary
    from ..store.plan import PLAN_FOLDER

    if explain is not None:
        code = CODES.get(explain.strip().lower())
        if code is None:
            raise KpssError(
                _("no finding code {explain!r}; codes: {codes}").format(
                    explain=explain, codes=", ".join(sorted(CODES))
                )
            )
        print(f"{explain} ({_(SEVERITIES[code.severity])}): {_(code.summary)}\n\n{_(code.explanation)}")
        return ExitStatus.OK
    today = today_from(as_of)
    loaded: Archive | TaskSnapshot
    if paths:
        from ..check.rules import check_archive

        loaded = whole = open_archive(archive)
        only = {_shown_ref(whole, p) for p in paths}
        findings = check_archive(whole, today, only)
    else:  # the findings the index keeps for today (store/loading.load_view)

        def build(whole: Archive) -> list[Finding]:  # the rules imported only when they run
            from ..check.rules import check_view

            return check_view(today)(whole)

        loaded, view = load_view(
            archive,
            "check",
            build,
            key=today.isoformat(),
            folders=(PLAN_FOLDER,),
            report_problems=False,
        )
        findings = findings_of(view)
    if fmt == "table":
        for finding in findings:
            location = f"{finding.path}:{finding.line}" if finding.line else finding.path
            print(f"{location}: {_(SEVERITIES[finding.severity])}: {clean(finding.message)} [{finding.code}]")
    else:
        rows = (
            {"path": f.path, "line": f.line, "severity": f.severity, "code": f.code, "message": f.message}
            for f in findings
        )
        emit_rows(rows, CHECK_COLUMNS, fmt)
    files = len(only) if paths else loaded.files
    say(f"kpss: {summary(findings, files)}")
    if any(f.is_error for f in findings):
        return ExitStatus.USER_ERROR
    if strict and findings:
        return ExitStatus.FOUND
    return ExitStatus.OK


def _shown_ref(archive: Archive, path: Path) -> str:
    """A file (or minutes id) given on the command line, as findings show it."""
    from ..store.archive import shown_path

    if not path.exists():
        minutes = archive.find_minutes(str(path))
        if minutes is None:
            raise KpssError(
                _("{path}: no such file in the archive {shown_root}").format(
                    path=path, shown_root=archive.shown_root
                )
            )
        return shown_path(archive, minutes.path)
    try:
        rel = path.resolve().relative_to(archive.root.resolve()).as_posix()
    except ValueError:
        raise KpssError(
            _("{path} is not in the archive {shown_root}").format(path=path, shown_root=archive.shown_root)
        ) from None
    return shown_path(archive, rel)
