"""What `kpss plan` and `kpss monitor` do, without Typer: plan.py declares them to Typer and
calls these, and the quick path (quick.py) calls them directly.

Both read the plan files of `plan/` beside the minutes. What they compute of the two (the rows
of the plan, the monitoring report written out, or the error that there is no plan) is the
answer the index keeps (store/answers.py), keyed on the day, the options and the files of
`plan/`, with the problems of the plan files: a warm run reads it and counts nothing.
"""

from __future__ import annotations

from ..core.errors import KpssError, Problem
from ..core.i18n import N_, _
from ..core.model import PLAN_STATE_LABELS
from ..output.console import progress_bar, write_document, write_pdf
from ..output.formats import Column
from ..store.config import PLAN_FOLDER
from .reading import TEMPLATE_FOLDERS
from .shared import emit_rows, exit_code, load_computed, report, settings, today_from

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing (quick.py: every ms counts)
if TYPE_CHECKING:
    import datetime as dt
    import os
    from collections.abc import Callable
    from typing import Any

    from ..core.model import Task
    from ..core.plan import Plan
    from ..plan.state import Links
    from ..store.archive import Archive, TaskSnapshot
    from ..store.loading import Walk

    Folder = str | os.PathLike[str] | None
    # An answer kept: the plan files' problems (Problem's fields), whether it was computed,
    # and what was, or the error that ended it (KpssError's message, path and line).
    Kept = tuple[list[tuple[Any, ...]], bool, Any]

PLAN_COLUMNS = [
    Column("tree", N_("Item")),
    Column("level", N_("Level")),
    Column("group", N_("Group")),
    Column("state", N_("State"), words=PLAN_STATE_LABELS),
    Column("tasks", N_("Tasks"), "right"),
    Column("open_tasks", N_("Open"), "right"),
]
FLAT_COLUMNS = [
    Column("id", N_("Id")),
    Column("parent", N_("Parent")),
    Column("level", N_("Level")),
    Column("title", N_("Title")),
    Column("group", N_("Group")),
    Column("state", N_("State"), words=PLAN_STATE_LABELS),
    Column("state_since", N_("Since")),
    Column("tasks", N_("Tasks"), "right"),
    Column("open_tasks", N_("Open"), "right"),
]
MONITOR_COLUMNS = [
    Column("id", N_("Id")),
    Column("title", N_("Title")),
    Column("priority", N_("Priority")),
    Column("group", N_("Group")),
    Column("state", N_("State"), words=PLAN_STATE_LABELS),
    Column("active", N_("Active")),
    Column("indicators", N_("Indicators")),
    Column("minutes", N_("Minutes"), "right"),
    Column("tasks", N_("Tasks"), "right"),
    Column("open_tasks", N_("Open"), "right"),
    Column("decisions", N_("Decisions"), "right"),
]
# What plans and monitoring read of the minutes (plan/state.links, plan/monitor.monitor).
PLAN_FIELDS = frozenset({"progress", "decisions"})
STATE_COLOURS = {"done": "green", "in_progress": "yellow", "not_done": "red", "cancelled": "dim"}
PLAN_FILES = (PLAN_FOLDER,)  # the folders whose files a plan's answers depend on


def has_measure(task: Task) -> bool:
    """The tasks a plan links (the view `plan` keeps no others)."""
    return bool(task.measure)


def _plans(
    loaded: Archive, wanted: str | None, day: dt.date, problems: list[Problem]
) -> tuple[list[Plan], Plan, Links]:
    """The archive's plans (their problems added to `problems`), the one asked for (or of
    `day`), and its links."""
    from ..plan.state import links, plan_for
    from ..store.plan import load_plans

    plans, found = load_plans(str(loaded.root), loaded.shown_root)
    problems += found
    if wanted is not None:
        chosen = next((p for p in plans if p.id == wanted.strip()), None)
        if chosen is None:
            known = ", ".join(p.id for p in plans) or "none"
            raise KpssError(
                _("no plan {wanted!r} in {plan_folder}/ (plans: {known})").format(
                    wanted=wanted, plan_folder=PLAN_FOLDER, known=known
                )
            )
    else:
        chosen = plan_for(plans, day)
        if chosen is None:
            raise KpssError(
                _(
                    "the archive has no plan: write one in {plan_folder}/ (docs/plan.md) or `kpss plan import`"
                ).format(plan_folder=PLAN_FOLDER)
            )
    return plans, chosen, links(plans, loaded.minutes, loaded.tasks)[chosen.id]


def _planned(archive: Folder) -> Archive:
    """The minutes as plans read them (the view `plan`), problems not reported. Without the
    index and without a plan file, the answer is the error that there is no plan (_plans)
    whatever the minutes say: of them only the archive's problems and groups are made, no task
    resolved (a cold `plan` spent a sixth of its time beyond the parse on them)."""
    from ..store.views import load_reduced as load_stored

    if settings["no_cache"]:
        from ..store.archive import resolve_root
        from ..store.plan import plan_files

        if not plan_files(resolve_root(archive)[0]):
            return load_stored(archive, "plan", frozenset(), use_index=False, progress=progress_bar())
    return load_stored(
        archive,
        "plan",
        PLAN_FIELDS,
        tasks=has_measure,
        use_index=not settings["no_cache"],
        progress=progress_bar(),
    )


def _answered(
    archive: Folder,
    name: str,
    question: str | None,
    compute: Callable[[Archive, list[Problem]], Any],
    folders: tuple[str, ...] = PLAN_FILES,
) -> tuple[Archive | TaskSnapshot, Any]:
    """(the archive's problems, groups and configuration, what `compute` gives of the view
    `plan` and a list it adds the plan files' problems to), the problems reported and counted.
    Kept as the answer of `name` to `question` (store/answers.py; `folders` the folders of the
    other files it read), an error too; computed each run when `question` is None."""
    if question is None:
        loaded = _planned(archive)
        report(loaded.problems)
        problems: list[Problem] = []
        try:
            return loaded, compute(loaded, problems)
        finally:
            report(problems)
            loaded.problems.extend(problems)  # their errors make the exit code 2

    def computed() -> tuple[Archive, Kept]:
        loaded = _planned(archive)
        problems: list[Problem] = []
        try:
            answer: Kept = ([], True, compute(loaded, problems))
        except KpssError as exc:  # an answer too: the same question gets the same error
            answer = ([], False, exc.fields())
        answer[0].extend((p.path, p.line, p.severity, p.code, p.message) for p in problems)
        return loaded, answer

    def versioned(walk: Walk) -> tuple[TaskSnapshot, bytes] | None:
        """The version of the view `plan` (loading.view_version): an edit it does not read
        (a word of a minutes' text) keeps the answer."""
        from ..store.loading import view_version
        from ..store.views import reduced

        return view_version(archive, walk, "plan", reduced(PLAN_FIELDS, has_measure))

    head, (kept, ok, answer) = load_computed(
        archive, name, question, computed, folders=folders, versioned=versioned
    )
    found = [Problem(*fields) for fields in kept]
    report(found)
    head.problems.extend(found)
    if not ok:
        raise KpssError(*answer)
    return head, answer


def show_plan(
    *,
    archive: Folder = None,
    plan_id: str | None = None,
    group: str | None = None,
    level: str | None = None,
    state: str | None = None,
    fmt: str = "table",
    as_of: str | None = None,
) -> int:
    """Print the plan with the state of each item, as `kpss plan` does."""
    from ..plan.state import parse_state

    wanted_state = None
    if state is not None:
        wanted_state = parse_state(state)
        if wanted_state is None:
            raise KpssError(
                _("--state: {state!r} is not a state (done, in_progress, not_done, cancelled)").format(
                    state=state
                )
            )
    today = today_from(as_of)

    def rows_of(loaded: Archive, problems: list[Problem]) -> tuple[list[dict[str, Any]], str, str]:
        from ..plan.state import plan_rows

        _plans_all, chosen, linked = _plans(loaded, plan_id, today, problems)
        if level is not None:
            from ..core.names import fold

            numbers = [str(n) for n in range(1, len(chosen.levels) + 1)]
            if fold(level) not in [fold(name) for name in chosen.levels] + numbers:
                raise KpssError(
                    _("--level: the plan's levels are {levels}, not {level!r}").format(
                        levels=", ".join(chosen.levels), level=level
                    )
                )
        rows = plan_rows(chosen, linked, today, loaded.config, group=group, level=level, state=wanted_state)
        return rows, chosen.name, chosen.period

    question = repr((plan_id, group, level, wanted_state, today))
    head, (rows, name, period) = _answered(archive, "plan", question, rows_of)
    if fmt in ("table", "md"):
        shown: list[dict[str, Any]] = [
            {**row, "tree": f"{'  ' * row['depth']}{row['id']} {row['title']}"} for row in rows
        ]
        emit_rows(
            shown,
            PLAN_COLUMNS,
            fmt,
            row_style=lambda r: STATE_COLOURS.get(r["state"]),
            caption=_("{name} ({period}), {today}: {rows_count} items").format(
                name=name, period=period, today=today.isoformat(), rows_count=len(rows)
            ),
        )
    else:
        emit_rows(rows, FLAT_COLUMNS, fmt)
    return exit_code(head)


def monitor_plan(
    *,
    year: int,
    archive: Folder = None,
    plan_id: str | None = None,
    fmt: str = "md",
    template: str | None = None,
    lang: str | None = None,
    as_of: str | None = None,
) -> int:
    """Print the yearly monitoring of the plan, as `kpss monitor` does. JSON, and Markdown and
    HTML of kpss's own templates (or the archive's), are kept written out."""
    today = today_from(as_of)
    kept = fmt == "json" or (template is None and fmt in ("md", "html"))

    def report_of(loaded: Archive, problems: list[Problem]) -> Any:
        from ..plan.monitor import monitor as monitoring
        from ..plan.monitor import monitoring_day

        day = monitoring_day(year, today)
        plans, chosen, linked = _plans(loaded, plan_id, day, problems)
        if plan_id is None and not chosen.covers(year):
            known = ", ".join(f"{p.id} ({p.period or _('no period')})" for p in plans)
            raise KpssError(
                _("no plan covers {year} (plans: {known}); name one with --plan").format(
                    year=year, known=known
                )
            )
        data = monitoring(chosen, linked, loaded.minutes, year, today, loaded.config)
        return _monitor_text(data, loaded, fmt, template, lang, today) if kept else data

    question = repr((year, plan_id, fmt, lang, today)) if kept else None
    folders = PLAN_FILES if fmt == "json" else (*PLAN_FILES, *TEMPLATE_FOLDERS)
    head, answer = _answered(archive, "monitor", question, report_of, folders)
    if fmt == "json":
        print(answer)
    elif kept:
        write_document(answer)
    elif fmt == "csv":
        from ..plan.monitor import monitor_rows

        emit_rows(monitor_rows(answer), MONITOR_COLUMNS, fmt)
    else:  # PDF, or a template of the user's
        text = _monitor_text(answer, head, fmt, template, lang, today)
        (write_pdf if fmt == "pdf" else write_document)(text)
    return exit_code(head)


def _monitor_text(
    data: dict[str, Any],
    loaded: Archive | TaskSnapshot,
    fmt: str,
    template: str | None,
    lang: str | None,
    today: dt.date,
) -> str:
    """The monitoring report as JSON, or rendered for `fmt` (Markdown, HTML, PDF's HTML)."""
    if fmt == "json":
        import json

        return json.dumps(data, ensure_ascii=False, indent=2)
    from pathlib import Path

    from ..documents.templates import base_context, render_template
    from .shared import template_kind

    context = {**base_context(loaded.config, today), **data}
    kind = template_kind(fmt)
    name = template or f"monitor.{kind}.j2"
    return render_template(
        name, context, Path(loaded.root), language=lang or loaded.config.language, html=kind == "html"
    )
