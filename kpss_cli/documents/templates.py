"""Jinja templates, run sandboxed: the archive's `templates/` first, then kpss's own.

Templates are user input: they run in an ImmutableSandboxedEnvironment with StrictUndefined,
so a typo is an error naming the template and line, and Python internals are out of reach.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import signal
import sys
import threading
import traceback
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from jinja2.exceptions import SecurityError

from ..core.config import Config
from ..core.dates import czech_day, parse_date
from ..core.errors import KpssError
from ..core.names import people_text
from ..core.sorting import czech_sort
from ..core.vocabulary import MONTHS_GENITIVE
from ..output.formats import clean
from .loader import SafeLoader, folders
from .sandbox import Sandbox, TooLarge

TIME_LIMIT = 10.0  # seconds a template may run


class _TimeUp(Exception):
    """A template ran past TIME_LIMIT."""


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Stop a runaway template (huge loops) after `seconds`; Unix main thread only."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def stop(signum: int, frame: Any) -> None:
        raise _TimeUp

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def czech_date(value: Any, style: str = "short") -> str:
    """`2021-12-15` -> `15. 12. 2021` (short) or `15. prosince 2021` (long)."""
    day = _as_date(value)
    if day is None:
        return "" if value is None else str(value)
    if style == "long":
        return f"{day.day}. {MONTHS_GENITIVE[day.month - 1]} {day.year}"
    return czech_day(day)


def plural(count: int, one: str, few: str, many: str) -> str:
    """Czech plural: 1 den, 2–4 dny, 5 dní (and 0 dní)."""
    if count == 1:
        return one
    return few if 2 <= count <= 4 else many


def base_context(config: Config, today: dt.date) -> dict[str, Any]:
    """What every template gets: the archive's configuration, its organisation, and today."""
    return {
        "config": config,
        "organisation": config.organisation,
        "language": config.language,
        "today": today,
    }


def task_context(
    config: Config,
    tasks: list[dict[str, Any]],
    today: dt.date,
    sections: list[tuple[str, list[dict[str, Any]]]] | None = None,
    *,
    ids: bool = False,
) -> dict[str, Any]:
    """The context of a task list template (documented in docs/templates.md)."""
    context = base_context(config, today)
    language = config.language

    def worded(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [
            {
                **row,
                "deadline_words": deadline_words(
                    row.get("due"), _as_date(row.get("deadline")), row.get("deadline_kind", "none"), language
                ),
            }
            for row in rows
        ]

    context["tasks"] = worded(tasks)
    context["sections"] = [{"label": label, "tasks": worded(rows)} for label, rows in sections or []]
    context["ids"] = ids
    return context


def packaged_templates() -> Path:
    """The folder of the templates that ship with kpss (one subfolder per language)."""
    return Path(str(resources.files("kpss_cli.templates")))


LANGUAGES = ("cs", "en")


def english_date(value: Any) -> str:
    """`2021-12-15` -> `15 December 2021`."""
    day = _as_date(value)
    if day is None:
        return "" if value is None else str(value)
    return f"{day.day} {day.strftime('%B')} {day.year}"


def deadline_text(task: Any, language: str = "cs") -> str:
    """A task's deadline as written, with its last day when that says more:
    `01/22 (31. 1. 2022)`; `bez termínu` / `no deadline` when there is none."""
    due, deadline = task.get("due"), task.get("deadline")
    if not due:
        return "bez termínu" if language == "cs" else "no deadline"
    written_day = parse_date(str(due))
    if deadline and deadline != due and not (written_day and written_day.isoformat() == deadline):
        day = czech_date(deadline) if language == "cs" else english_date(deadline)
        return f"{due} ({day})"
    return str(due)


def deadline_words(due: str | None, deadline: dt.date | None, kind: str, language: str) -> str:
    """A deadline as a document says it: `30. června 2027`, `do 31. prosince 2026` (a month or a
    quarter), `do příštího jednání`, `průběžně`, `bez termínu`; as written when unreadable."""
    cs = language == "cs"
    if kind == "none" or not due:
        return "bez termínu" if cs else "no deadline"
    if kind == "ongoing":
        return "průběžně" if cs else "ongoing"
    if kind == "next_meeting":
        return "do příštího jednání" if cs else "by the next meeting"
    if deadline is None:
        return due
    day = (
        f"{deadline.day}. {MONTHS_GENITIVE[deadline.month - 1]} {deadline.year}"
        if cs
        else english_date(deadline)
    )
    if kind == "period":
        return f"do {day}" if cs else f"by {day}"
    return day


def line_text(value: Any) -> str:
    """A value as one line without control characters (`clean`), whatever its kind."""
    return clean("" if value is None else str(value))


def yaml_string(value: Any) -> str:
    """A value as a double-quoted YAML string (JSON quoting is valid YAML): safe for `:`, `#`, `no`."""
    return json.dumps("" if value is None else str(value), ensure_ascii=False)


def environment(
    archive_root: Path | None, language: str = "cs", extra_folder: Path | None = None, *, html: bool = False
) -> jinja2.Environment:
    """The sandboxed environment. Templates are looked up in `extra_folder`, then the archive's
    `templates/<language>/` and `templates/`, then kpss's own for the language.
    """
    if language not in LANGUAGES:
        raise KpssError(f"no templates for language {language!r}; kpss has {', '.join(LANGUAGES)}")
    search = folders(
        str(extra_folder) if extra_folder else None,
        str(archive_root) if archive_root is not None else None,
        language,
        str(packaged_templates()),
    )
    env = Sandbox(
        loader=SafeLoader(search),
        undefined=jinja2.StrictUndefined,
        autoescape=html,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        czech_date=czech_date,
        english_date=english_date,
        czech_sort=czech_sort,
        plural=plural,
        people=people_text,
        deadline=deadline_text,
        yaml=yaml_string,
        line=line_text,  # one line, no control characters: safe in a YAML comment or a Markdown line
    )
    return env


def render_template(
    name_or_path: str,
    context: dict[str, Any],
    archive_root: Path | None = None,
    *,
    language: str = "cs",
    html: bool = False,
    environments: dict[tuple[str, ...], jinja2.Environment] | None = None,
) -> str:
    """Render a template by name (from the template folders) or by file path. Many documents
    of one run (a site) pass `environments`, so that each template is compiled once."""
    path = Path(name_or_path)
    extra = None
    name = name_or_path
    if path.suffix and path.is_file():
        # The user's own choice, wherever a link leads; what it includes stays in its folder.
        real = path.resolve()
        extra, name = real.parent, real.name
    elif path.parent != Path():
        raise KpssError(f"template not found: {name_or_path}")
    escape = html or path.name.endswith((".html", ".html.j2"))
    key = (str(archive_root), language, str(extra), str(escape))
    if environments is not None and key in environments:
        env = environments[key]
        if isinstance(env, Sandbox):
            env.built = 0  # the limits hold for each document
    else:
        env = environment(archive_root, language, extra, html=escape)
        if environments is not None:
            environments[key] = env
    shown = str(path) if extra else name
    template = None
    try:
        template = env.get_template(name)
        if not extra:
            shown = template.filename or shown  # which file to fix: the archive's or kpss's own
        with _time_limit(TIME_LIMIT):
            # The sandbox stops output over MAX_OUTPUT (TooLarge) as it is written.
            return "".join(template.generate(**{**context, "language": language}))
    except _TimeUp:
        raise KpssError(f"template ran longer than {TIME_LIMIT:g} s; stopped", shown) from None
    except jinja2.TemplateNotFound as exc:
        wanted = name_or_path if exc.name in (name, None) else exc.name
        raise KpssError(f"template not found: {wanted}", None if wanted == name_or_path else shown) from None
    except jinja2.TemplateSyntaxError as exc:
        raise KpssError(f"template syntax: {exc.message}", exc.filename or shown, exc.lineno) from None
    except TooLarge as exc:
        raise KpssError(str(exc), *_template_place(template, shown)) from None
    except MemoryError:  # what the limits did not foresee
        raise KpssError(
            "template needs more memory than there is; stopped", *_template_place(template, shown)
        ) from None
    except SecurityError as exc:
        raise KpssError(f"template refused: {exc}", *_template_place(template, shown)) from None
    except jinja2.UndefinedError as exc:
        raise KpssError(f"template: {exc.message}", *_template_place(template, shown)) from None
    # A filter given the wrong kind of value (`{{ 5|dictsort }}`) fails inside Python: that is
    # the template's error, not a bug in kpss.
    except (TypeError, ValueError, AttributeError, LookupError, ArithmeticError, RecursionError) as exc:
        raise KpssError(f"template failed: {exc}", *_template_place(template, shown)) from None


def _template_place(template: jinja2.Template | None, shown: str) -> tuple[str, int | None]:
    """The template file and line of the exception being handled (Jinja rewrites tracebacks
    to show them): the innermost template frame, which may be an included or imported one."""
    place: tuple[str, int | None] = (shown, None)
    for frame in traceback.extract_tb(sys.exc_info()[2]):
        if frame.filename and not frame.filename.endswith(".py"):
            own = template is not None and frame.filename == template.filename
            place = (shown if own else frame.filename, frame.lineno)
    return place
