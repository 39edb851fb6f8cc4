"""`kpss` alone: inside an archive, one screen of what needs doing (meetings/overview.py and
the findings of `kpss check`), each part with the command that shows more; elsewhere, the
help and how to start an archive."""

from __future__ import annotations

from pathlib import Path

import typer

from ..core.i18n import _, ngettext
from ..output.formats import clean
from .shared import open_archive, today_from

# At most this many lines in a part, so that the overview fits one screen.
SHOWN = 6


def overview(ctx: typer.Context, archive: Path | None, as_of: str | None) -> int:
    """Print the overview of the archive found from here (or `archive`); outside any, the help."""
    from ..store.config import find_root

    if archive is None and find_root(str(Path.cwd())) is None:
        print(ctx.get_help())
        print()
        print(_("No archive here (no kpss.yaml in this folder or above). Start one: kpss init"))
        return 0
    from ..check.rules import check_archive
    from ..core.dates import spoken_day
    from ..meetings.overview import overview as archive_overview

    today = today_from(as_of)
    loaded = open_archive(archive)
    seen = archive_overview(loaded, today)
    findings = check_archive(loaded, today)
    name = loaded.config.organisation or str(loaded.root.resolve())
    lines = [_("kpss: {name}, as of {day}").format(name=name, day=spoken_day(today)), ""]

    late = [group for group in seen.groups if group.overdue]
    lines.append(
        _("Overdue tasks: {count}   (more: kpss tasks --overdue --group GROUP)").format(count=seen.overdue)
    )
    for group in late[:SHOWN]:
        oldest = group.overdue[0]
        days = oldest.days_overdue(today) or 0
        lines.append(
            "  "
            + _("{group}: {count}, the oldest {days} days late: {id}").format(
                group=group.slug, count=len(group.overdue), days=days, id=oldest.id
            )
        )
    lines.extend(_more(len(late)))

    planned = [group for group in seen.groups if group.meeting is not None]
    lines.append("")
    lines.append(_("Next meetings   (more: kpss agenda --group GROUP, kpss schedule)"))
    for group in planned[:SHOWN]:
        meeting = group.meeting
        assert meeting is not None
        when = " ".join(filter(None, (spoken_day(meeting.date, weekday=True), meeting.time)))
        lines.append(f"  {group.slug}: {', '.join(filter(None, (when, meeting.place)))}")
    lines.extend(_more(len(planned)))
    if not planned:
        lines.append("  " + _("none planned (a group's `schedule` in kpss.yaml plans its meetings)"))

    lines.append("")
    lines.append(
        _("Drafts awaiting approval: {count}   (more: kpss show ID, kpss approve ID)").format(
            count=len(seen.drafts)
        )
    )
    lines.extend(f"  {minutes.id}" for minutes in seen.drafts[:SHOWN])
    lines.extend(_more(len(seen.drafts)))

    warnings = sum(1 for finding in findings if not finding.is_error)
    errors = len(findings) - warnings  # a broken schedule among them (bad-schedule)
    lines.append("")
    lines.append(
        _("Problems found by kpss check: {errors}, {warnings}   (more: kpss check)").format(
            errors=ngettext("{n} error", "{n} errors", errors).format(n=errors),
            warnings=ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings),
        )
    )
    lines.extend(f"  {problem}" for problem in seen.problems)
    print("\n".join(clean(line) for line in lines))
    return 2 if loaded.has_errors or seen.problems else 0


def _more(count: int) -> list[str]:
    if count <= SHOWN:
        return []
    return ["  " + ngettext("… and {n} more", "… and {n} more", count - SHOWN).format(n=count - SHOWN)]
