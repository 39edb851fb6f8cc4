"""What `kpss list`, `show`, `check`, `schedule`, `members` and `attendance` do, without Typer:
records.py, check.py, meetings.py and documents.py declare them to Typer and call these, and the quick path (quick.py)
calls them directly, so that a warm run does not spend its time importing and building the
command tree."""

from __future__ import annotations

import datetime as dt
import os
import sys

from ..core.errors import ExitStatus, KpssError, error_line
from ..core.i18n import N_, _, ngettext
from ..output.console import progress_bar, say, write_document
from ..output.formats import Column, clean
from .shared import (
    date_option,
    emit_rows,
    exit_code,
    load,
    load_answer,
    load_computed,
    load_one,
    load_reduced,
    load_reduced_answer,
    load_view,
    open_archive,
    settings,
    template_kind,
    today_from,
    versioned_by,
    write_rendered,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (quick.py: every ms counts)
if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path
    from typing import Any

    from ..check.findings import Finding
    from ..check.kept import KeptCheck
    from ..store.archive import Archive, TaskSnapshot
    from ..store.loading import Walk

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

# The formats whose text is the same wherever it goes (no terminal, no width, no language):
# `kpss list` keeps it as its answer.
STORED_TEXT = frozenset(("json", "jsonl", "csv", "tsv"))


class _Encoded:
    """What is written, as UTF-8 (a third of the room of Czech text in a `str`), a batch of
    pieces at a time; as text when it holds what UTF-8 cannot (names that are not)."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.done: list[bytes] = []
        self.text_only = False

    def write(self, piece: str) -> None:
        self.pieces.append(piece)
        if len(self.pieces) >= 4096 and not self.text_only:
            self._encode()

    def _encode(self) -> None:
        try:
            self.done.append("".join(self.pieces).encode("utf-8"))
        except UnicodeEncodeError:
            self.text_only = True
            self.pieces = [b.decode("utf-8") for b in self.done] + self.pieces
            self.done = []
        else:
            self.pieces = []

    def text(self) -> bytes | str:
        if self.text_only:
            return "".join(self.pieces)
        self._encode()
        return self.text() if self.text_only else b"".join(self.done)


def _write_text(text: bytes | str) -> None:
    """Write what _Encoded kept as sys.stdout writes its text: its bytes as they are when
    stdout is UTF-8 and translates no line ends (the text encoded without error, so any error
    handler gives the same bytes), else decoded and written."""
    out = sys.stdout
    encoding = (getattr(out, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    buffer = getattr(out, "buffer", None)
    if isinstance(text, bytes):
        if buffer is not None and encoding == "utf8" and os.linesep == "\n":
            out.flush()
            buffer.write(text)
            buffer.flush()
            return
        text = text.decode("utf-8")
    out.write(text)
    out.flush()


def _written(rows: list[dict[str, Any]], columns: list[Column], fmt: str) -> bytes | str:
    """`rows` in `fmt` (one of STORED_TEXT) as emit_rows writes them (`--excel` too), for a
    command to keep as its answer: a warm run writes the text kept (_write_text), neither
    formatting the rows nor importing json or csv."""
    from ..output.formats import emit

    out = _Encoded()
    emit(rows, columns, fmt, out, excel=bool(settings["excel"]) and fmt == "csv")  # type: ignore[arg-type]
    return out.text()


def _text_key(fmt: str) -> tuple[str, bool] | tuple[()]:
    """What a kept answer's key holds of the format when the answer is its text (_written)."""
    return (fmt, bool(settings["excel"]) and fmt == "csv") if fmt in STORED_TEXT else ()


def list_minutes(
    *,
    archive: Folder = None,
    group: str | None = None,
    since: str | None = None,
    until: str | None = None,
    fmt: str = "table",
) -> int:
    """Print the minutes of the archive, one row per meeting, as `kpss list` does."""
    from ..meetings.query import filter_summaries, list_text, list_text_view, list_view, selected_texts

    try:  # the dates asked for; when they are not dates, said after the archive's problems
        start, end = date_option(since, "--since"), date_option(until, "--until")
    except KpssError:
        start = end = None
        fmt_kept = False
    else:
        fmt_kept = fmt in STORED_TEXT
    if (
        fmt_kept
        and settings["no_cache"]
        and (code := _list_cold(archive, fmt, group, start, end)) is not None
    ):
        return code
    if fmt_kept:
        # The text itself is the answer kept (store/answers.py): writing 10,000 rows as JSON
        # takes longer than everything else a warm run does. Kept per version of the view it
        # is made of too: an edit that leaves every row as it was reads it. JSON is put
        # together from the rows' text kept in a table (meetings/query.list_text_view).
        excel = bool(settings["excel"]) and fmt == "csv"
        from_text = fmt in ("json", "jsonl")

        def written() -> tuple[TaskSnapshot, tuple[bool, Any]]:
            from ..output.formats import emit

            if fmt == "csv":  # put together from each minutes' line kept (_list_csv_view)
                loaded, lines = load_view(archive, "list-csv", _list_csv_view(), report_problems=False)
                try:
                    chosen = selected_texts(loaded, lines, group=group, since=start, until=end)
                except KpssError as exc:  # an unknown group: an answer too, said after the problems
                    return loaded, (False, exc.fields())
                del lines
                out = _Encoded()
                out.write(_csv_head(excel))
                for row in chosen:
                    out.write(row[2][excel])
                del chosen
                return loaded, (True, out.text())
            if from_text:
                loaded, texts = load_view(archive, "list-text", list_text_view, report_problems=False)
                try:
                    text = list_text(loaded, texts, fmt, group=group, since=start, until=end)
                except KpssError as exc:  # an unknown group: an answer too, said after the problems
                    return loaded, (False, exc.fields())
                del texts
                try:
                    return loaded, (True, text.encode("utf-8"))
                except UnicodeEncodeError:  # names that are not UTF-8: kept as text
                    return loaded, (True, text)

            loaded, view = load_view(archive, "list", list_view, report_problems=False)
            try:
                selected = filter_summaries(loaded, view, group=group, since=start, until=end)
            except KpssError as exc:  # an unknown group: an answer too, said after the problems
                return loaded, (False, exc.fields())
            rows = (dict(zip(view[0], row, strict=True)) for row in selected)
            out = _Encoded()
            emit(rows, LIST_COLUMNS, fmt, out, excel=excel)  # type: ignore[arg-type]
            del view, selected, rows  # freed before the text is joined (at 100,000 files, 70 MB)
            return loaded, (True, out.text())

        question = repr((group, start, end, fmt, excel))
        if fmt == "csv":
            versioned = versioned_by(archive, "list-csv", _list_csv_view())
        elif from_text:
            versioned = versioned_by(archive, "list-text", list_text_view)
        else:
            versioned = versioned_by(archive, "list", list_view)
        head, (ok, text) = load_computed(archive, "list", question, written, versioned=versioned)
        if not ok:
            raise KpssError(*text)
        _write_text(text)
        return exit_code(head)
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


def _list_cold(archive: Folder, fmt: str, group: str | None, start: Any, end: Any) -> int | None:
    """`kpss list --no-cache` in one of STORED_TEXT: each row written as it is unpacked, in
    the archive's order, none of the records held (store/cold.py); None where that cannot be
    (the caller answers as ever)."""
    from ..meetings.query import list_text_pieces, list_text_view, list_view, summary_filter
    from ..store.cold import cold_parts
    from .shared import report

    from_text = fmt in ("json", "jsonl")
    parts = cold_parts(archive, list_text_view if from_text else list_view, progress_bar())
    if parts is None:
        return None
    report(parts.head.problems)
    out = sys.stdout
    if from_text:
        for piece in list_text_pieces(parts.head, parts.values(), fmt, group=group, since=start, until=end):
            out.write(piece)
    else:
        from ..output.formats import emit

        fields = [] if parts.sample is None else list(parts.sample.summary())
        keep = summary_filter(parts.head, fields, group=group, since=start, until=end)
        rows = (dict(zip(fields, row, strict=True)) for row in parts.values() if keep(row))
        emit(rows, LIST_COLUMNS, fmt, out, excel=bool(settings["excel"]) and fmt == "csv")
    out.flush()
    return exit_code(parts.head)


_csv_view: list[Any] = []  # the view of _list_csv_view, made once


def _list_csv_view() -> Any:
    """The lines of `kpss list -f csv` (plain, `--excel`), one per minutes, as (group slug,
    date, (line, Excel's line)), kept as a table only (store/viewtable.py): after an edit only
    the changed file's lines are made again, and the answer is put together from the table."""
    if not _csv_view:
        from ..meetings.query import text_view
        from ..output.formats import csv_lines

        plain, excel = csv_lines(LIST_COLUMNS)[1], csv_lines(LIST_COLUMNS, excel=True)[1]
        _csv_view.append(text_view(lambda row: (plain(row), excel(row))))
    return _csv_view[0]


def _csv_head(excel: bool) -> str:
    from ..output.formats import csv_lines

    return csv_lines(LIST_COLUMNS, excel=excel)[0]


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
    from ..store.config import PLAN_FOLDER

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
    only: set[str] | None = None
    cold = None
    if settings["no_cache"]:  # checked where each file is parsed, the records never all held
        from ..check.cold import cold_check

        cold = cold_check(archive, today, progress_bar(), [str(p) for p in paths or () if not p.exists()])
    if cold is not None:
        from ..check.rules import chosen

        loaded = cold.head
        only = {_shown_ref(cold.named, p) for p in paths} if paths else None
        findings = chosen(loaded, [*loaded.problems, *cold.findings], only)
    elif paths and not all(p.exists() for p in paths):  # a minutes id, found in the archive loaded
        from ..check.rules import check_archive

        loaded = whole = open_archive(archive)
        only = {_shown_ref(whole, p) for p in paths}
        findings = check_archive(whole, today, only)
    else:  # the findings the index keeps for today (store/loading.load_view), of the files given
        made: list[KeptCheck] = []

        def kept() -> KeptCheck:  # imported only when the findings are not read as kept
            if not made:
                from ..check.kept import KeptCheck

                made.append(KeptCheck(today))
            return made[0]

        def build(whole: Archive) -> list[Finding]:
            return kept().build(whole)

        loaded, view = load_view(
            archive,
            "check",
            build,
            key=today.isoformat(),
            folders=(PLAN_FOLDER,),
            report_problems=False,
            kept=kept,
        )
        findings = findings_of(view)
        if paths:  # sorted and each once already (rules.chosen): those of these files
            only = {_shown_file(loaded, p) for p in paths}
            findings = [f for f in findings if f.path in only]
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
    files = len(only) if only is not None else loaded.files
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
    return _shown_file(archive, path)


def _shown_file(archive: Archive | TaskSnapshot, path: Path) -> str:
    """A file given on the command line (it exists), as findings show it."""
    from pathlib import Path  # not on the warm path

    from ..store.archive import shown_path

    try:
        rel = path.resolve().relative_to(Path(archive.root).resolve()).as_posix()
    except ValueError:
        raise KpssError(
            _("{path} is not in the archive {shown_root}").format(path=path, shown_root=archive.shown_root)
        ) from None
    return shown_path(archive, rel)


SCHEDULE_COLUMNS = [
    Column("date", N_("Date")),
    Column("time", N_("Time")),
    Column("group", N_("Group")),
    Column("place", N_("Place")),
    Column("status", N_("Status"), words=True),
    Column("minutes", N_("Minutes")),
]


def schedule_meetings(
    *,
    archive: Folder = None,
    group: str | None = None,
    year: int | None = None,
    from_: str | None = None,
    to: str | None = None,
    fmt: str = "table",
    as_of: str | None = None,
) -> int:
    """Print the planned meetings with their minutes, as `kpss schedule` does."""
    today = today_from(as_of)

    def planned(loaded: Archive) -> tuple[Any, str, str, list[str]]:
        """(the rows, or their text (STORED_TEXT), the first and last day, the groups'
        schedules kpss cannot read)."""
        # Imported here: a warm run reads the answer and needs none of it (dateutil).
        from ..meetings.query import group_slugs
        from ..meetings.schedule import meetings, unreadable_schedules

        if fmt == "ics" and year is None and from_ is None and to is None:
            # A calendar to subscribe to: every meeting the archive knows of, and a year ahead.
            first = min((m.date for m in loaded.minutes), default=today)
            last = max((m.date for m in loaded.minutes), default=today)
            start, end = dt.date(first.year, 1, 1), max(last, today + dt.timedelta(days=366))
        else:
            start = date_option(from_, "--from") or dt.date(year or today.year, 1, 1)
            end = date_option(to, "--to") or dt.date(year or (start.year if from_ else today.year), 12, 31)
        if end < start:
            raise KpssError(
                _("--to {end} is before --from {start}").format(end=end.isoformat(), start=start.isoformat())
            )
        slugs = (
            group_slugs(loaded, group)
            if group
            else set(loaded.group_names) | {g.slug for g in loaded.config.groups}
        )
        unreadable = unreadable_schedules(loaded)
        rows = meetings(loaded, start, end, today, slugs - set(unreadable))
        # That group's meetings are unknown; the others are shown.
        problems = [str(problem) for slug, problem in unreadable.items() if slug in slugs]
        if fmt in STORED_TEXT:  # the text written is the answer kept
            return _written(rows, SCHEDULE_COLUMNS, fmt), start.isoformat(), end.isoformat(), problems
        return rows, start.isoformat(), end.isoformat(), problems

    question = repr((group, year, from_, to, fmt == "ics", today, *_text_key(fmt)))
    # dates, groups, times, places
    loaded, (rows, first, last, problems) = load_reduced_answer(
        archive, "schedule", frozenset(), question, planned
    )
    start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    for problem in problems:
        say(error_line(problem))
    if fmt in STORED_TEXT:
        _write_text(rows)
    elif fmt == "ics":
        from ..documents.ical import write_schedule

        write_schedule(rows, sys.stdout, today, loaded.config.organisation or "kpss", loaded.config)
    else:
        missing = sum(1 for r in rows if r["status"] == "missing")
        colours = {"missing": "red", "off-schedule": "yellow"}
        caption = ngettext(
            "{count} meeting, {missing} without minutes ({start} to {end})",
            "{count} meetings, {missing} without minutes ({start} to {end})",
            len(rows),
        ).format(count=len(rows), missing=missing, start=start.isoformat(), end=end.isoformat())
        emit_rows(
            rows,
            SCHEDULE_COLUMNS,
            fmt,
            row_style=lambda r: colours.get(r["status"]),
            caption=caption,
        )
    return ExitStatus.USER_ERROR if problems else exit_code(loaded)


MEMBERS_COLUMNS = [
    Column("person", N_("Person")),
    Column("org", N_("Organisation")),
    Column("role", N_("Role")),
    Column("voting", N_("Votes"), words=True),
    Column("from", N_("From")),
    Column("to", N_("To")),
]
HISTORY_COLUMNS = [
    Column("date", N_("Date")),
    Column("change", N_("Change"), words=True),
    Column("person", N_("Person")),
    Column("org", N_("Organisation")),
    Column("role", N_("Role")),
    Column("voting", N_("Votes"), words=True),
    Column("source", N_("Source")),
]


def list_members(
    *,
    group: str,
    archive: Folder = None,
    on: str | None = None,
    history: bool = False,
    fmt: str = "table",
    as_of: str | None = None,
) -> int:
    """Print who belongs to a group on a day (or every change), as `kpss members` does."""
    if history and on is not None:
        raise KpssError(_("--history lists every change; give it or --on, not both"))
    today = today_from(as_of)
    day = date_option(on, "--on", today) or today

    def listed(loaded: Archive) -> tuple[Any, str]:
        # Imported here: a warm run reads the answer and needs none of it (some 20 ms).
        from ..meetings.membership import group_members, history_rows, members_rows
        from ..meetings.upcoming import resolve_group

        found = group_members(loaded, resolve_group(loaded, group))
        rows = history_rows(found) if history else members_rows(found, day)
        if fmt in STORED_TEXT:  # the text written is the answer kept
            return _written(rows, HISTORY_COLUMNS if history else MEMBERS_COLUMNS, fmt), found.group.name
        return rows, found.group.name

    question = repr((group, history, day, *_text_key(fmt)))
    loaded, (rows, name) = load_reduced_answer(
        archive, "members", frozenset({"membership"}), question, listed
    )
    if fmt in STORED_TEXT:
        _write_text(rows)
    elif history:
        emit_rows(rows, HISTORY_COLUMNS, fmt, caption=_("{count} changes").format(count=len(rows)))
    else:
        caption = _("{count} members of {group} on {day}").format(
            count=len(rows), group=name, day=day.isoformat()
        )
        emit_rows(rows, MEMBERS_COLUMNS, fmt, caption=caption)
    return exit_code(loaded)


# What attendance counts of a person, and of an organisation.
_ATTENDANCE_FIGURES = [
    Column("expected", N_("Expected"), "right"),
    Column("present", N_("Present"), "right"),
    Column("substituted", N_("Substituted"), "right"),
    Column("excused", N_("Excused"), "right"),
    Column("absent", N_("Absent"), "right"),
    Column("guest", N_("Guest"), "right"),
    Column("rate", N_("Rate"), "right", share=True),
    Column("longest_missed", N_("Longest missed"), "right"),
]
ATTENDANCE_COLUMNS = {
    "person": [Column("person", N_("Person")), Column("org", N_("Organisation")), *_ATTENDANCE_FIGURES],
    "org": [Column("org", N_("Organisation")), Column("people", N_("People"), "right"), *_ATTENDANCE_FIGURES],
    "meeting": [
        Column("id", N_("Minutes")),
        Column("date", N_("Date")),
        Column("members", N_("Members"), "right"),
        Column("present", N_("Present"), "right"),
        Column("excused", N_("Excused"), "right"),
        Column("absent", N_("Absent"), "right"),
        Column("guests", N_("Guests"), "right"),
        Column("present_voting", N_("Voting present"), "right"),
        Column("voting_members", N_("Voting"), "right"),
        Column("substitutes", N_("Substitutes")),
        Column("quorum", N_("Quorum"), words=True),
    ],
    "missed": [
        Column("person", N_("Person")),
        Column("org", N_("Organisation")),
        Column("group", N_("Group")),
        Column("missed", N_("Missed"), "right"),
        Column("last_present", N_("Last present")),
    ],
}


def count_attendance(
    *,
    archive: Folder = None,
    group: str | None = None,
    since: str | None = None,
    until: str | None = None,
    by: str = "person",  # "person" | "org" | "meeting"
    missed: int | None = None,
    quorum: float | None = None,
    fmt: str = "table",
    template: str | None = None,
    lang: str | None = None,
    public: bool = False,
    as_of: str | None = None,
) -> int:
    """Print who comes and who does not, as `kpss attendance` does."""
    today = today_from(as_of)
    start, end = date_option(since, "--since"), date_option(until, "--until")

    written = not public and template is None and fmt in STORED_TEXT  # the text is the answer kept

    def count(loaded: Archive) -> tuple[Any, str, int]:
        # Imported here: a warm run reads the answer and needs none of it (some 15 ms).
        from ..meetings import attendance as counting
        from ..meetings.query import filter_minutes

        selected = filter_minutes(loaded, group=group, since=start, until=end)
        rows, kind = counting.counted(loaded, selected, by, missed, quorum)
        if written:  # the text written is the answer kept
            return _written(rows, ATTENDANCE_COLUMNS[kind], fmt), kind, len(selected)
        return rows, kind, len(selected)

    copy = None
    loaded: Archive | TaskSnapshot
    if public:  # a public copy reads every name of the minutes
        from ..documents.public import PublicCopy, people_of

        whole = load(archive)
        rows, kind, meetings = count(whole)
        copy = PublicCopy(whole.config, [name for m in whole.minutes for name in people_of(m)])
        rows, loaded = copy.rows(rows), whole
    else:  # counting reads only who attended; the same question again is answered from the index
        from ..store.loading import ATTENDANCE_VIEW

        attendance_view: Callable[..., Archive]
        if settings["no_cache"]:  # made without holding the records
            from ..store.cold import load_attendance as cold_attendance

            attendance_view = cold_attendance
            if by == "person" and missed is None:  # each meeting's steps made where it is parsed
                from functools import partial

                from ..meetings.attendance import tally_steps

                attendance_view = partial(cold_attendance, tally=tally_steps)
        else:
            from ..store.loading import load_attendance

            attendance_view = load_attendance

        arguments = repr((by, missed, quorum, group, start, end, *(_text_key(fmt) if written else ())))
        if by == "person" and missed is None and not settings["no_cache"]:
            # Counted again only for the people a change affects (meetings/keptcount.py).
            def kept() -> tuple[Archive | TaskSnapshot, Any]:
                from ..meetings.keptcount import by_person

                found = by_person(archive, group, start, end)
                if found is None:  # the view's table made or brought up to date, then again
                    loaded = attendance_view(archive, use_index=True, progress=progress_bar())
                    # Its records, not the view's table unpacked again, when the tables are made.
                    found = by_person(archive, group, start, end, loaded.minutes)
                    if found is None:
                        return loaded, count(loaded)
                head, rows, meetings = found
                if written:
                    return head, (_written(rows, ATTENDANCE_COLUMNS["person"], fmt), "person", meetings)
                return head, (rows, "person", meetings)

            loaded, (rows, kind, meetings) = load_computed(
                archive,
                "attendance",
                arguments,
                kept,
                versioned=versioned_by(archive, "attendance", ATTENDANCE_VIEW),
            )
        else:
            loaded, (rows, kind, meetings) = load_answer(
                archive, "attendance", arguments, attendance_view, count, ("attendance", ATTENDANCE_VIEW)
            )
    if template or fmt == "pdf":
        from ..documents.templates import base_context

        context = {
            **base_context(loaded.config, today),
            "rows": rows,
            "by": kind,
            "since": start,
            "until": end,
        }
        name = template or "attendance.html.j2"
        to = "pdf" if fmt == "pdf" else ("html" if name.endswith((".html", ".html.j2")) else "md")
        write_rendered(context, name, loaded.root, lang or loaded.config.language, to, copy)
    elif written:
        _write_text(rows)
    else:
        emit_rows(
            rows,
            ATTENDANCE_COLUMNS[kind],
            fmt,
            caption=_("{rows_count} rows from {selected_count} meetings").format(
                rows_count=len(rows), selected_count=meetings
            ),
        )
    return exit_code(loaded)


# What the invitation reads of the minutes besides their dates, groups, times and places.
AGENDA_FIELDS = frozenset({"next_meeting"})
OPEN = ("open",)  # the statuses of the tasks it may list (meetings/upcoming.is_open)
# The archive's template folders (documents/loader.folders, for each language): the files in
# them are part of the key of a rendered answer.
TEMPLATE_FOLDERS = ("templates", "templates/cs", "templates/en")


def write_agenda(
    *,
    group: str,
    archive: Folder = None,
    date: str | None = None,
    to: str = "md",
    template: str | None = None,
    lang: str | None = None,
    ids: bool = False,
    public: bool = False,
    as_of: str | None = None,
) -> int:
    """Print the invitation to a group's next meeting, as `kpss agenda` does. The Markdown or
    HTML of kpss's template (or the archive's) is the answer kept (store/answers.py), or the
    error that there is no next meeting: a warm run renders nothing and imports no Jinja."""
    today = today_from(as_of)
    if public or template is not None or to == "pdf":
        return _agenda_document(group, archive, date, to, template, lang, ids, public, today)

    def rendered() -> tuple[Archive, str | tuple[str, str | None, int | None]]:
        from ..meetings.upcoming import is_open
        from ..store.views import load_reduced as load_stored

        loaded = load_stored(
            archive,
            "agenda",
            AGENDA_FIELDS,
            tasks=is_open,
            statuses=OPEN,
            use_index=not settings["no_cache"],
            progress=progress_bar(),
            latest=True,  # of the minutes, each group's latest (meetings/upcoming.next_meeting)
        )
        try:
            context, language = _agenda_context(loaded, group, date, today, lang, ids)
            from ..documents.templates import render_template  # Jinja: not for the error

            text = render_template(
                f"agenda.{to}.j2", context, loaded.root, language=language, html=to != "md"
            )
        except KpssError as exc:  # an answer too: the same question gets the same error
            return loaded, exc.fields()
        return loaded, text

    def versioned(walk: Walk) -> tuple[TaskSnapshot, bytes] | None:
        from ..meetings.upcoming import is_open
        from ..store.loading import view_version
        from ..store.views import reduced

        return view_version(archive, walk, "agenda", reduced(AGENDA_FIELDS, is_open, OPEN))

    question = repr((group, date, to, lang, ids, today))
    head, answer = load_computed(
        archive, "agenda", question, rendered, folders=TEMPLATE_FOLDERS, versioned=versioned
    )
    if not isinstance(answer, str):
        raise KpssError(*answer)
    write_document(answer)
    return exit_code(head)


def _agenda_context(
    loaded: Archive, group: str, date: str | None, today: dt.date, lang: str | None, ids: bool
) -> tuple[dict[str, Any], str]:
    """The context of the invitation to `group`'s next meeting, and its language."""
    from ..meetings.upcoming import next_meeting, resolve_group

    found = resolve_group(loaded, group)
    meeting = next_meeting(loaded, found, today, date_option(date, "--date"))
    if meeting is None:
        raise KpssError(
            _("no next meeting of {name} is known (no schedule, no announced date); give --date").format(
                name=found.name
            )
        )
    # Imported only now: it imports Jinja (some 0.06 s), which the error above does not read.
    from ..documents.context import agenda_context

    language = lang or loaded.config.language
    context = agenda_context(loaded, found, meeting, today, language=language)
    context["ids"] = ids
    return context, language


def _agenda_document(
    group: str,
    archive: Folder,
    date: str | None,
    to: str,
    template: str | None,
    lang: str | None,
    ids: bool,
    public: bool,
    today: dt.date,
) -> int:
    """`kpss agenda` with a template of the user's, in PDF, or as a public copy: rendered
    each run."""
    from ..documents.public import PublicCopy
    from ..meetings.upcoming import is_open

    # The public copy needs every person of every minutes; the invitation only the open tasks
    # and the next meeting the minutes announced.
    loaded = (
        load(archive)
        if public
        else load_reduced(archive, "agenda", AGENDA_FIELDS, tasks=is_open, statuses=OPEN)
    )
    context, language = _agenda_context(loaded, group, date, today, lang, ids)
    copy = None
    if public:
        from ..documents.public import people_of
        from ..meetings.membership import members_of_any_group

        people = [name for m in loaded.minutes for name in people_of(m)]
        owners = [t["owner"] for t in context["tasks"] if t["owner"]]
        copy = PublicCopy(loaded.config, people + owners, members_of_any_group(loaded, context["date"]))
    write_rendered(context, template or f"agenda.{template_kind(to)}.j2", loaded.root, language, to, copy)
    return exit_code(loaded)
