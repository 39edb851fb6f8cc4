"""`kpss plan`, `kpss plan import` and `kpss monitor`: the community plan and its monitoring."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from ..core.errors import ExitStatus
from ..core.i18n import _
from ..output.console import write_document
from . import options
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
    option,
)
from .boundary import run_command
from .planning import monitor_plan, show_plan
from .shared import report

plan_app = typer.Typer(
    invoke_without_command=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(plan_app, name="plan")

PlanOption = Annotated[str | None, option(options.PLAN)]


@plan_app.callback()
@documented
def plan(
    ctx: typer.Context,
    archive: ArchiveOption = None,
    plan_id: PlanOption = None,
    group: GroupOption = None,
    level: Annotated[str | None, option(options.LEVEL)] = None,
    state: Annotated[str | None, option(options.STATE)] = None,
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
    raise typer.Exit(
        run_command(
            show_plan,
            archive=archive,
            plan_id=plan_id,
            group=group,
            level=level,
            state=state,
            fmt=fmt,
            as_of=as_of,
        )
    )


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
    from ..store.config import PLAN_FOLDER
    from ..store.plan import read_plan
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


@app.command()
@boundary
def monitor(
    year: Annotated[int, option(options.MONITOR_YEAR)],
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
    return monitor_plan(
        year=year, archive=archive, plan_id=plan_id, fmt=fmt, template=template, lang=lang, as_of=as_of
    )
