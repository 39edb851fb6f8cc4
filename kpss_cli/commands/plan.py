"""`kpss plan`, `kpss plan import` and `kpss monitor`: the community plan and its monitoring."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..core.errors import ExitStatus, KpssError
from ..core.i18n import N_, _
from ..core.model import PLAN_STATE_LABELS
from ..output.console import write_document, write_pdf
from ..output.formats import Column
from .app import (
    ArchiveOption,
    AsOfOption,
    GroupOption,
    LangOption,
    TemplateOption,
    app,
    boundary,
    default_format,
    documented,
    formats,
)
from .boundary import run_command
from .shared import emit_rows, exit_code, load_reduced, report, template_kind, today_from

if TYPE_CHECKING:
    import datetime as dt

    from ..core.model import Task
    from ..core.plan import Plan
    from ..plan.state import Links
    from ..store.archive import Archive

plan_app = typer.Typer(
    invoke_without_command=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(plan_app, name="plan")

PlanOption = Annotated[
    str | None,
    typer.Option(
        "--plan", "-p", help=_("The plan: its file name in plan/ without .yaml (default: today's).")
    ),
]

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
# What plans and monitoring read of the minutes (plan/state.links, plan/monitor.monitor).
PLAN_FIELDS = frozenset({"progress", "decisions"})


def has_measure(task: Task) -> bool:
    """The tasks a plan links (the view `plan` keeps no others)."""
    return bool(task.measure)


STATE_COLOURS = {"done": "green", "in_progress": "yellow", "not_done": "red", "cancelled": "dim"}


def _plans(loaded: Archive, wanted: str | None, day: dt.date) -> tuple[list[Plan], Plan, Links]:
    """The archive's plans (problems reported), the one asked for (or of `day`), and its links."""
    from ..plan.state import links, plan_for
    from ..store.plan import PLAN_FOLDER, load_plans

    plans, problems = load_plans(str(loaded.root), loaded.shown_root)
    report(problems)
    loaded.problems.extend(problems)  # their errors make the exit code 2
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


@plan_app.callback()
@documented
def plan(
    ctx: typer.Context,
    archive: ArchiveOption = None,
    plan_id: PlanOption = None,
    group: GroupOption = None,
    level: Annotated[
        str | None,
        typer.Option("--level", "-l", help=_("Only items of this level: its name or number (1 = top).")),
    ] = None,
    state: Annotated[
        str | None,
        typer.Option(
            "--state",
            "-s",
            help=_("Only items in this state: done, in_progress, not_done, cancelled (or Czech)."),
        ),
    ] = None,
    fmt: Annotated[str, formats("plan")] = default_format("plan"),
    as_of: AsOfOption = None,
) -> None:
    """The community plan as a tree, with the state of each item today (or --as-of).

    An item's state is that of its latest progress entry in the minutes; without one, a
    parent is done when all its children are, in progress when any is under way; else an
    item with a linked task is in progress (rozpracováno), one without not done.

    Example: kpss plan --group seniori --state not_done
    """
    if ctx.invoked_subcommand is not None:
        return
    raise typer.Exit(run_command(_show_plan, archive, plan_id, group, level, state, fmt, as_of))


def _show_plan(
    archive: Path | None,
    plan_id: str | None,
    group: str | None,
    level: str | None,
    state: str | None,
    fmt: str,
    as_of: str | None,
) -> int:
    from ..plan.state import parse_state, plan_rows

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
    loaded = load_reduced(archive, "plan", PLAN_FIELDS, tasks=has_measure)
    _plans_all, chosen, linked = _plans(loaded, plan_id, today)
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
                name=chosen.name, period=chosen.period, today=today.isoformat(), rows_count=len(rows)
            ),
        )
    else:
        emit_rows(rows, FLAT_COLUMNS, fmt)
    return exit_code(loaded)


@plan_app.command("import")
@boundary
def import_plan(
    source: Annotated[
        Path,
        typer.Argument(
            metavar=_("TABLE"), help=_("The table: a .csv (Excel's too) or .xlsx file."), show_default=False
        ),
    ],
    archive: ArchiveOption = None,
    name: Annotated[
        str | None, typer.Option("--name", help=_("The plan's name (default: the file's)."))
    ] = None,
    period: Annotated[str | None, typer.Option("--period", help=_("Its years, e.g. 2025-2027."))] = None,
    levels: Annotated[
        str | None,
        typer.Option("--levels", help=_("Names of its levels, top first, e.g. 'Priorita,Opatření'.")),
    ] = None,
    to: Annotated[
        str | None, typer.Option("--to", help=_("The plan file's name in plan/ (default: the table's)."))
    ] = None,
    stdout: Annotated[
        bool, typer.Option("--stdout", help=_("Print the plan instead of writing the file."))
    ] = False,
) -> int:
    """Write a plan file in plan/ from the table a town already has (never overwrites).

    The first row names the columns: číslo (id), název (title), and any of úroveň (level),
    skupina (group), nadřazená (parent), ukazatel, jednotka, výchozí, cíl, rok (indicator,
    unit, baseline, target, year), rozpočet (budget). Without a parent column, 2.1.3 is
    below 2.1. Czech Excel's CSV (semicolons, Windows-1250) is read as it is.

    Example: kpss plan import kp-2025-2027.csv --period 2025-2027
    """
    import re

    from ..core.names import slugify
    from ..plan.table import plan_yaml, read_rows
    from ..store.archive import resolve_root
    from ..store.plan import PLAN_FOLDER, read_plan
    from ..store.safefile import create_new, safe_path

    shown_source = str(source)
    rows = read_rows(source, shown_source)
    if period is None and (match := re.search(r"(20\d\d)\s*[-–_]\s*(20\d\d)", source.stem)):
        period = f"{match[1]}-{match[2]}"
    level_names = [n.strip() for n in levels.split(",") if n.strip()] if levels else None
    text = plan_yaml(rows, shown_source, name=name or source.stem, period=period, levels=level_names)
    if stdout:
        write_document(text)
        return ExitStatus.OK
    root, shown_root = resolve_root(archive)
    stem = slugify(to or source.stem) or "plan"
    path = safe_path(Path(root), PLAN_FOLDER, f"{stem}.yaml")
    rel = f"{PLAN_FOLDER}/{stem}.yaml"
    shown = rel if shown_root == "." else f"{shown_root}/{rel}"
    create_new(path, text, shown)
    problems: list[Any] = []
    read_plan(str(path), shown, problems)  # what was written reads back as a plan
    report(problems)
    print(shown)
    return ExitStatus.USER_ERROR if any(p.is_error for p in problems) else ExitStatus.OK


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


@app.command()
@boundary
def monitor(
    year: Annotated[int, typer.Option("--year", "-y", min=1, max=9998, help=_("The year to report on."))],
    archive: ArchiveOption = None,
    plan_id: PlanOption = None,
    fmt: Annotated[
        str,
        formats("monitor", help=_("A Czech document (md, html, pdf with kpss[pdf]) or data (json, csv).")),
    ] = default_format("monitor"),
    template: TemplateOption = None,
    lang: LangOption = None,
    as_of: AsOfOption = None,
) -> int:
    """The yearly monitoring of the plan: per measure its state, indicators against targets,
    the minutes, tasks and decisions of the year; shares by state per priority and overall.

    Measures without any activity in the year come first. The state is that at the end of
    the year (or today, within the current year).

    Example: kpss monitor --year 2026 --format html > monitoring-2026.html
    """
    import json

    from ..plan.monitor import monitor as monitoring
    from ..plan.monitor import monitor_rows, monitoring_day

    today = today_from(as_of)
    loaded = load_reduced(archive, "plan", PLAN_FIELDS, tasks=has_measure)
    day = monitoring_day(year, today)
    plans, chosen, linked = _plans(loaded, plan_id, day)
    if plan_id is None and not chosen.covers(year):
        known = ", ".join(f"{p.id} ({p.period or _('no period')})" for p in plans)
        raise KpssError(
            _("no plan covers {year} (plans: {known}); name one with --plan").format(year=year, known=known)
        )
    report_data = monitoring(chosen, linked, loaded.minutes, year, today, loaded.config)
    if fmt == "json":
        print(json.dumps(report_data, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        emit_rows(monitor_rows(report_data), MONITOR_COLUMNS, fmt)
    else:
        from ..documents.templates import base_context, render_template

        context = {**base_context(loaded.config, today), **report_data}
        kind = template_kind(fmt)
        name = template or f"monitor.{kind}.j2"
        text = render_template(
            name, context, loaded.root, language=lang or loaded.config.language, html=kind == "html"
        )
        (write_pdf if fmt == "pdf" else write_document)(text)
    return exit_code(loaded)
