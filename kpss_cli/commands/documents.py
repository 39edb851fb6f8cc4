"""`kpss agenda`, `kpss attendance` and `kpss render`: documents from the archive."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from ..core.errors import KpssError
from ..core.i18n import _
from .app import (
    ArchiveOption,
    AsOfOption,
    DateOption,
    GroupArgument,
    GroupOption,
    IdsOption,
    LangOption,
    PublicOption,
    SinceOption,
    TemplateOption,
    UntilOption,
    app,
    boundary,
    default_format,
    formats,
)
from .reading import count_attendance, write_agenda
from .shared import (
    exit_code,
    load,
    template_kind,
    today_from,
    write_rendered,
)


@app.command()
@boundary
def agenda(
    group: GroupArgument,
    archive: ArchiveOption = None,
    date: DateOption = None,
    to: Annotated[
        str,
        formats("agenda", ("--to", "--format"), _("Markdown, HTML for e-mail, or PDF (kpss[pdf]).")),
    ] = default_format("agenda"),
    template: TemplateOption = None,
    lang: LangOption = None,
    ids: IdsOption = False,
    public: PublicOption = False,
    as_of: AsOfOption = None,
) -> int:
    """The invitation to a group's next meeting: date, place, programme, tasks to review.

    The date comes from --date, else the schedule in kpss.yaml, else the next meeting the
    latest minutes announced. Tasks past their deadline on the meeting day are marked.

    Example: kpss agenda seniori --to pdf > pozvanka.pdf
    """
    return write_agenda(
        group=group,
        archive=archive,
        date=date,
        to=to,
        template=template,
        lang=lang,
        ids=ids,
        public=public,
        as_of=as_of,
    )


class AttendanceBy(StrEnum):
    """What `kpss attendance --by` counts per."""

    person = "person"
    org = "org"
    meeting = "meeting"


@app.command()
@boundary
def attendance(
    archive: ArchiveOption = None,
    group: GroupOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    by: Annotated[
        AttendanceBy, typer.Option("--by", help=_("Count per person, organisation or meeting."))
    ] = AttendanceBy.person,
    missed: Annotated[
        int | None,
        typer.Option(
            "--missed",
            metavar="N",
            min=1,
            help=_("Only members who missed the last N meetings of their group in a row."),
        ),
    ] = None,
    quorum: Annotated[
        float | None,
        typer.Option(
            "--quorum",
            min=0.0,
            max=1.0,
            help=_("Share of the voting members that must be exceeded (default: kpss.yaml's, else 0.5)."),
        ),
    ] = None,
    fmt: Annotated[str, formats("attendance")] = default_format("attendance"),
    template: TemplateOption = None,
    lang: LangOption = None,
    public: PublicOption = False,
    as_of: AsOfOption = None,
) -> int:
    """Who comes and who does not: present, excused, absent, guest, and the attendance rate.

    Each meeting is judged against the members of the group on its date (kpss.yaml and the
    minutes' `membership` entries): a member neither present, represented by a substitute nor
    excused counts as absent. Per person and organisation: meetings expected at, present,
    substituted, excused, absent, the rate and the longest run missed. Per meeting: counts,
    substitutes, and the quorum (more than the share of voting members, in person or by substitute).

    Example: kpss attendance --group seniori --since 2026-01-01 --missed 3
    """
    return count_attendance(
        archive=archive,
        group=group,
        since=since,
        until=until,
        by=by.value,
        missed=missed,
        quorum=quorum,
        fmt=fmt,
        template=template,
        lang=lang,
        public=public,
        as_of=as_of,
    )


@app.command()
@boundary
def render(
    ref: Annotated[
        str, typer.Argument(metavar=_("MINUTES"), help=_("Minutes id or file path."), show_default=False)
    ],
    archive: ArchiveOption = None,
    to: Annotated[
        str,
        formats("render", ("--to", "--format"), _("Markdown, a standalone HTML page, or PDF (kpss[pdf]).")),
    ] = default_format("render"),
    template: TemplateOption = None,
    lang: LangOption = None,
    ids: IdsOption = False,
    public: PublicOption = False,
    as_of: AsOfOption = None,
) -> int:
    """The minutes as a document to sign and publish: header, programme, review of tasks, text,
    decisions, task table, signatures; KONCEPT on a draft.

    Example: kpss render seniori/2026-11-12 --to pdf --public > zapis.pdf
    """
    from ..documents.context import document_context
    from ..documents.public import PublicCopy, people_of

    today = today_from(as_of)
    loaded = load(archive)
    minutes = loaded.find_minutes(ref)
    if minutes is None:
        raise KpssError(_("no minutes {ref!r} in the archive (see `kpss list`)").format(ref=ref))
    language = lang or loaded.config.language
    context = document_context(loaded, minutes, today, html=to != "md", ids=ids, language=language)
    # Everyone the archive names: a guest of one meeting named in the text of another is found.
    everyone = [name for m in loaded.minutes for name in people_of(m)]
    if public:
        from ..meetings.membership import members_of_any_group

        copy = PublicCopy(loaded.config, everyone, members_of_any_group(loaded, minutes.date))
    else:
        copy = None
    write_rendered(
        context, template or f"minutes-document.{template_kind(to)}.j2", loaded.root, language, to, copy
    )
    return exit_code(loaded)
