"""What commands share that needs no Typer: the global settings, loading the archive with its
problems reported, date options, and the exit code a loaded archive calls for.

Kept apart from app.py so that the quick path (quick.py) can answer without importing Typer.
"""

from __future__ import annotations

import datetime as dt
import os

from ..core.dates import parse_typed_date
from ..core.errors import ExitStatus, KpssError, error_line, warning_line
from ..core.i18n import _
from ..output.console import emit_rows as write_rows
from ..output.console import progress_bar, say

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Any

    from ..core.errors import Problem
    from ..core.model import Minutes, Task
    from ..output.formats import Column
    from ..store.archive import Archive, TaskSnapshot
    from ..store.loading import EachMinutes, KeptView, Walk

# Set once per run from the global options: `--debug`, `--no-cache`; `--archive` for a command
# with no option of its own for it (`kpss init`); `today`, the day `--as-of` gave once read
# (what `zítra` in another date option counts from); `--excel` for a command with no option
# of its own for it (its --format is then csv: app._excel_as_csv).
settings: dict[str, Any] = {"debug": False, "no_cache": False, "archive": None, "today": None, "excel": False}


def open_archive(archive: str | os.PathLike[str] | None, *, use_index: bool = True) -> Archive:
    """Load the archive (through the index unless --no-cache; a progress bar on a terminal)."""
    from ..store.loading import load_archive

    use_index = use_index and not settings["no_cache"]
    return load_archive(archive, use_index=use_index, progress=progress_bar())


def load(archive: str | os.PathLike[str] | None) -> Archive:
    """Load the archive and report its problems on stderr."""
    loaded = open_archive(archive)
    report(loaded.problems)
    return loaded


def load_reduced(
    archive: str | os.PathLike[str] | None,
    name: str,
    keep: frozenset[str],
    *,
    tasks: Callable[[Task], bool] | None = None,
    statuses: tuple[str, ...] | None = None,
) -> Archive:
    """The archive with reduced minutes records and the tasks `tasks` selects, of `statuses`
    when given (from the index's view `name` when no file changed: store/views.load_reduced),
    with its problems reported on stderr."""
    from ..core.model import STATUSES
    from ..store.views import load_reduced as load_stored

    may_build()
    loaded = load_stored(
        archive,
        name,
        keep,
        tasks=tasks,
        statuses=STATUSES if statuses is None else statuses,
        use_index=not settings["no_cache"],
        progress=progress_bar(),
    )
    report(loaded.problems)
    return loaded


def load_answer(
    archive: str | os.PathLike[str] | None,
    name: str,
    key: str,
    loader: Callable[..., Archive],
    compute: Callable[[Archive], Any],
    view: tuple[str, EachMinutes] | None = None,
) -> tuple[Archive | TaskSnapshot, Any]:
    """(the archive's problems, groups and configuration, `compute` of the archive as `loader`
    loads it): from the index when it holds the answer of the command `name` to the arguments
    `key` for the archive as it is (store/answers.py), with the problems reported on stderr.
    `view` names the view (kept as a table) that `loader` reads: an answer computed of the same
    version of it is not computed again."""
    use_index = not settings["no_cache"]
    may_build()

    def computed() -> tuple[Archive, Any]:
        loaded = loader(archive, use_index=use_index, progress=progress_bar())
        return loaded, compute(loaded)

    versioned = None if view is None else versioned_by(archive, *view)
    return load_computed(archive, name, key, computed, versioned=versioned)


def versioned_by(
    archive: str | os.PathLike[str] | None, name: str, view: EachMinutes
) -> Callable[[Walk], tuple[TaskSnapshot, bytes] | None]:
    """The version of the view `name` (kept as a table) for the archive as a walk found it
    (store/loading.view_version), for `load_computed`: an answer computed of the same
    version of it is not computed again."""
    from ..store.loading import view_version

    def versioned(walk: Walk) -> tuple[TaskSnapshot, bytes] | None:
        return view_version(archive, walk, name, view)

    return versioned


def load_computed(
    archive: str | os.PathLike[str] | None,
    name: str,
    key: str,
    compute: Callable[[], tuple[Archive | TaskSnapshot, Any]],
    folders: tuple[str, ...] = (),
    versioned: Callable[[Walk], tuple[TaskSnapshot, bytes] | None] | None = None,
) -> tuple[Archive | TaskSnapshot, Any]:
    """`load_answer` of a `compute` that loads what it reads itself (without reporting the
    problems: they are reported here) and gives (the archive's head, the answer); `folders`
    name the folders of other files the answer depends on (`plan/`)."""
    from ..store.answers import load_answer as load_stored

    may_build()
    loaded, answer = load_stored(
        archive, name, key, compute, use_index=not settings["no_cache"], folders=folders, versioned=versioned
    )
    report(loaded.problems)
    return loaded, answer


def load_reduced_answer(
    archive: str | os.PathLike[str] | None,
    name: str,
    keep: frozenset[str],
    key: str,
    compute: Callable[[Archive], Any],
) -> tuple[Archive | TaskSnapshot, Any]:
    """`load_answer` of `compute` of the reduced records of `load_reduced` (the view `name`)."""
    from ..store.views import load_reduced as load_stored
    from ..store.views import reduced

    def loader(archive: str | os.PathLike[str] | None, **options: Any) -> Archive:
        return load_stored(archive, name, keep, **options)

    return load_answer(archive, name, key, loader, compute, (name, reduced(keep)))


def load_one(archive: str | os.PathLike[str] | None, ref: str) -> tuple[Archive, Minutes | None]:
    """The archive without minutes, and the whole minutes record `ref` names (from the index's
    view when no file changed: store/views.load_one), with its problems reported on stderr."""
    from ..store.views import load_one as load_stored

    may_build()
    loaded, minutes = load_stored(archive, ref, use_index=not settings["no_cache"], progress=progress_bar())
    report(loaded.problems)
    return loaded, minutes


def _build_index(*args: Any) -> set[str] | None:
    """store/firstbuild.py's build of the index without the records, imported only when a run
    builds it (store/loading.built)."""
    from ..store.firstbuild import build_index

    return build_index(*args)


def may_build() -> None:
    """Where this run would load the archive to build its index, the index built without the
    records and the answer read from it (store/loading.built): unless --no-cache."""
    if not settings["no_cache"]:
        from ..store.loading import building

        building[:] = [_build_index]


def _first_tasks(*args: Any) -> TaskSnapshot | None:
    """store/firstbuild.py's first build of the index, imported only when there is none."""
    from ..store.firstbuild import first_tasks

    return first_tasks(*args)


def load_tasks(archive: str | os.PathLike[str] | None, statuses: frozenset[str]) -> TaskSnapshot:
    """The tasks of `statuses` (from the index's snapshot when no file changed), with the
    archive's problems reported on stderr."""
    from ..store.loading import load_tasks as load_snapshot

    use_index = not settings["no_cache"]
    loaded = None
    if not use_index:  # resolved without holding the records (store/cold.py)
        from ..store.cold import cold_tasks

        loaded = cold_tasks(archive, statuses, progress_bar())
    if loaded is None:
        loaded = load_snapshot(
            archive, statuses, use_index=use_index, progress=progress_bar(), first_build=_first_tasks
        )
    report(loaded.problems)
    return loaded


def emit_rows(rows: Iterable[dict[str, Any]], columns: list[Column], fmt: str, **options: Any) -> int:
    """output.console.emit_rows, in Czech Excel's CSV when `--excel` was given."""
    if settings["excel"] and fmt == "csv":
        options["excel"] = True
    return write_rows(rows, columns, fmt, **options)


def load_view(
    archive: str | os.PathLike[str] | None,
    name: str,
    build: Callable[[Archive], object],
    *,
    key: str = "",
    folders: tuple[str, ...] = (),
    report_problems: bool = True,
    kept: Callable[[], KeptView] | None = None,
) -> tuple[TaskSnapshot, Any]:
    """The archive's problems, groups and configuration, and its view `name` (from the index
    when no file changed: store/loading.load_view; after a change from what `kept` keeps, when
    given), with the problems reported on stderr unless the view holds them itself
    (`report_problems`)."""
    use_index = not settings["no_cache"]
    if use_index:
        from ..store.loading import load_view as load_stored_view

        may_build()
    else:  # a view of one value per minutes made without holding the records
        from ..store.cold import load_view as load_stored_view
    loaded, view = load_stored_view(
        archive,
        name,
        build,
        key=key,
        folders=folders,
        use_index=use_index,
        progress=progress_bar(),
        kept=kept,
    )
    if report_problems:
        report(loaded.problems)
    return loaded, view


def report(problems: list[Problem]) -> None:
    """Say each problem found in the archive on stderr, one line each."""
    for problem in problems:
        say(error_line(str(problem)) if problem.is_error else warning_line(str(problem)))


def date_option(value: str | None, option: str, today: dt.date | None = None) -> dt.date | None:
    """The date an option gives, or None when not given; a KpssError when it is not a date.
    Days named from today (`zítra`, `příští úterý`, core/dates.parse_typed_date) count from
    `today`, else from `--as-of` when it was read, else from the clock."""
    if value is None:
        return None
    day = parse_typed_date(value, today or settings["today"] or dt.date.today())
    if day is None:
        raise KpssError(
            _(
                "{option}: {value!r} is not a date (write 5. 3. 2027, 2027-03-05, 5. 3., zítra or příští úterý)"
            ).format(option=option, value=value)
        )
    if not FIRST_DAY <= day <= LAST_DAY:
        # Reckoning a week or a year on from 9999-12-31 leaves the calendar.
        raise KpssError(
            _("{option}: {value!r} is out of the range kpss reckons with ({first_day} to {last_day})").format(
                option=option, value=value, first_day=FIRST_DAY, last_day=LAST_DAY
            )
        )
    return day


FIRST_DAY = dt.date(2, 1, 1)
LAST_DAY = dt.date(9997, 12, 31)


def today_from(as_of: str | None) -> dt.date:
    """Today, or the day `--as-of` gives (which other date options then count from)."""
    day = date_option(as_of, "--as-of", dt.date.today()) or dt.date.today()
    settings["today"] = day
    return day


def exit_code(archive: Archive | TaskSnapshot, found: bool = False) -> int:
    """2 when a file had an error (the rest was still processed), else 1 when `found`, else 0."""
    if archive.has_errors:
        return ExitStatus.USER_ERROR
    return ExitStatus.FOUND if found else ExitStatus.OK


def template_kind(fmt: str) -> str:
    """The template a document format is rendered from: PDF is typeset from the HTML one."""
    return "html" if fmt == "pdf" else fmt


def write_rendered(context: dict[str, Any], name: str, root: Any, language: str, to: str, copy: Any) -> None:
    """Render a document (a public copy when `copy` is given) and write it in format `to`."""
    from ..documents.templates import render_template
    from ..output.console import write_document, write_pdf

    if copy is not None:
        context = copy.context(context)
    text = render_template(name, context, root, language=language, html=to != "md")
    if copy is not None:
        text = copy.scrub(text)  # what a template added from elsewhere (config, extra) too
    if to == "pdf":
        write_pdf(text)
    else:
        write_document(text)
