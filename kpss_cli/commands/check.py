"""`kpss check`: validate an archive the way a careful coordinator would."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..core.errors import ExitStatus, KpssError
from ..core.i18n import N_, _
from ..output.console import say
from ..output.formats import Column, clean
from .app import ArchiveOption, AsOfOption, app, boundary, default_format, formats
from .shared import emit_rows, load_view, open_archive, today_from

if TYPE_CHECKING:
    from ..store.archive import Archive, TaskSnapshot


CHECK_COLUMNS = [
    Column("path", N_("Path")),
    Column("line", N_("Line"), "right"),
    Column("severity", N_("Severity")),
    Column("code", N_("Code")),
    Column("message", N_("Message")),
]


@app.command()
@boundary
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar=_("FILE..."),
            help=_("Report only on these files (the whole archive is still read)."),
            show_default=False,
        ),
    ] = None,
    archive: ArchiveOption = None,
    fmt: Annotated[str, formats("check")] = default_format("check"),
    strict: Annotated[bool, typer.Option("--strict", help=_("Exit 1 when there are warnings."))] = False,
    explain: Annotated[
        str | None,
        typer.Option(
            "--explain",
            metavar=_("CODE"),
            help=_("Say what a finding code means and how to fix it."),
            show_default=False,
        ),
    ] = None,
    as_of: AsOfOption = None,
) -> int:
    """Validate the archive: broken files, unreadable deadlines, typos in names and dates.

    Prints `path:line: severity: message [code]` for each finding. Exit 0 when clean (or
    only warnings), 1 with warnings under --strict, 2 with errors.

    Example: kpss check --strict ridici-skupina/2025-12-10.md
    """
    from ..check.codes import CODES, SEVERITIES
    from ..check.rules import check_archive, check_view, findings_of, summary
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
        loaded = whole = open_archive(archive)
        only = {_shown_ref(whole, p) for p in paths}
        findings = check_archive(whole, today, only)
    else:  # the findings the index keeps for today (store/loading.load_view)
        loaded, view = load_view(
            archive,
            "check",
            check_view(today),
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
