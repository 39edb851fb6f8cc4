"""`kpss site OUT`: the whole archive as a static website, public copies only.

An index of the groups (next meeting, open and overdue tasks), a page per group (its
meetings newest first, its open tasks), a page per meeting (the public minutes), the meeting
calendar (`kalendar.ics`), and a search over every page (`search-index.js`). Every link is
relative, so the site works from disk (`file://`) and from any web server, in any folder.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path
from typing import Any

from ..core.errors import KpssError
from ..core.i18n import _
from ..core.model import Minutes
from ..core.names import fold
from ..documents.context import document_context
from ..documents.ical import write_schedule
from ..documents.public import PublicCopy, people_of
from ..documents.templates import base_context, czech_date, deadline_words, english_date, render_template
from ..meetings.membership import all_members
from ..meetings.schedule import meetings as schedule_rows
from ..meetings.upcoming import next_meeting
from ..store.archive import Archive
from .assets import SEARCH_JS, SITE_CSS
from .write import FolderWriter, Written

CALENDAR = "kalendar.ics"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_MARKUP = re.compile(r"[#*_`>|\[\]]+")


def _page_name(text: str) -> str:
    return _UNSAFE.sub("-", text).strip("-.") or "x"


class _Group:
    def __init__(self, slug: str, name: str) -> None:
        self.slug = _page_name(slug)
        self.name = name
        self.minutes: list[Minutes] = []


def _groups(archive: Archive) -> list[_Group]:
    groups: dict[str, _Group] = {}
    for config in archive.config.groups:
        groups[config.slug] = _Group(config.slug, config.name)
    for minutes in archive.minutes:
        slug = minutes.group_slug or "ostatni"
        groups.setdefault(slug, _Group(slug, minutes.group)).minutes.append(minutes)
    return list(groups.values())


def build_site(archive: Archive, out: Path, today: dt.date, language: str) -> Written:
    """Build (or bring up to date) the site of `archive` in `out`; return what changed."""
    if (out / "kpss.yaml").exists() or out.resolve() == Path(archive.root).resolve():
        raise KpssError(
            _("refusing to build the site into the archive itself ({out}); give an empty folder").format(
                out=out
            )
        )
    copy = PublicCopy(archive.config, [name for m in archive.minutes for name in people_of(m)])
    files: dict[str, bytes] = {}
    search: list[dict[str, str]] = []
    home = "Přehled skupin" if language == "cs" else "Groups"
    environments: dict[tuple[str, ...], Any] = {}  # each template compiled once

    def page(template: str, context: dict[str, Any], rel: str, root: str, group: str | None = None) -> str:
        context = copy.context({**context, "site": {"root": root, "home": home, "group": group}})
        text = render_template(
            template, context, archive.root, language=language, html=True, environments=environments
        )
        text = copy.scrub(text)
        files[rel] = text.encode("utf-8")
        return text

    summaries = []
    members = all_members(archive)  # once for every page's quorum, not once a page
    for group in _groups(archive):
        config = archive.config.find_group(group.slug)
        planned = next_meeting(archive, config, today) if config else None
        meetings = []
        pages: dict[str, str] = {}
        for minutes in sorted(group.minutes, key=lambda m: (m.date, m.id), reverse=True):
            stem = _page_name(minutes.id.rsplit("/", 1)[-1])
            while stem in pages.values():
                stem += "-1"
            pages[minutes.id] = stem
            rel = f"{group.slug}/{stem}.html"
            context = document_context(archive, minutes, today, html=True, language=language, members=members)
            page("minutes-document.html.j2", context, rel, "../", group.name)
            words = " ".join(
                [minutes.group, minutes.date.isoformat(), context["body"]]
                + [t["task"] for t in context["tasks"]]
                + [item.title for item in minutes.agenda]
                + list(minutes.decisions)
            )
            search.append(
                {
                    "u": rel,
                    "t": f"{minutes.group} – {_day(minutes.date, language)}",
                    "x": " ".join(dict.fromkeys(fold(copy.scrub(_MARKUP.sub(" ", words))).split())),
                }
            )
            meetings.append(
                {
                    "url": f"{stem}.html",
                    "date": minutes.date.isoformat(),
                    "draft": minutes.status != "approved",
                }
            )
        open_tasks = sorted(
            (t for t in archive.tasks if t.status == "open" and _page_name(t.group_slug) == group.slug),
            key=lambda t: (t.deadline or dt.date.max, t.id),
        )
        tasks = [
            {
                "task": t.text,
                "owner": t.owner,
                "deadline_words": deadline_words(t.due, t.deadline, t.deadline_kind, language),
                "days_overdue": t.days_overdue(today),
                "meeting_date": t.meeting_date.isoformat(),
                "url": f"{pages[t.minutes_id]}.html" if t.minutes_id in pages else None,
            }
            for t in open_tasks
        ]
        next_info = (
            {"date": planned.date.isoformat(), "time": planned.time, "place": planned.place}
            if planned
            else None
        )
        summary = {
            "name": group.name,
            "slug": group.slug,
            "url": f"{group.slug}/index.html",
            "meetings": len(meetings),
            "latest": meetings[0]["date"] if meetings else None,
            "next_meeting": next_info,
            "open": len(tasks),
            "overdue": sum(1 for t in tasks if t["days_overdue"]),
        }
        summaries.append(summary)
        context = {
            **base_context(archive.config, today),
            "group": summary,
            "meetings": meetings,
            "tasks": tasks,
        }
        page("site-group.html.j2", context, f"{group.slug}/index.html", "../", group.name)
        search.append(
            {"u": f"{group.slug}/index.html", "t": group.name, "x": " ".join(fold(group.name).split())}
        )
    context = {**base_context(archive.config, today), "groups": summaries, "calendar": CALENDAR}
    page("site-index.html.j2", context, "index.html", "")
    files["search-index.js"] = (
        "window.KPSS_SEARCH = " + json.dumps(search, ensure_ascii=False, separators=(",", ":")) + ";\n"
    ).encode("utf-8")
    files["assets/site.css"] = SITE_CSS.encode("utf-8")
    files["assets/search.js"] = SEARCH_JS.encode("utf-8")
    files[CALENDAR] = _calendar(archive, today, copy).encode("utf-8")
    writer = FolderWriter(out)
    try:
        writer.prepare(sorted(files))  # every folder checked before the first file is written
        for rel in sorted(files):
            writer.write(rel, files[rel])
        return writer.finish(sorted(files))
    finally:
        writer.close()


def _day(day: dt.date, language: str) -> str:
    return czech_date(day, "long") if language == "cs" else english_date(day)


def _calendar(archive: Archive, today: dt.date, copy: PublicCopy) -> str:
    """Every meeting held or planned, from the first minutes to a year ahead."""
    first = min((m.date for m in archive.minutes), default=today)
    rows = schedule_rows(archive, first, today + dt.timedelta(days=366), today)
    rows = [{**row, "path": None} for row in rows]
    text = io.StringIO()
    # A stamp that moves only with the archive keeps the file unchanged between builds.
    stamp = max((m.date for m in archive.minutes), default=today)
    write_schedule(copy.value(rows), text, stamp, archive.config.organisation or "kpss", archive.config)
    return text.getvalue()
