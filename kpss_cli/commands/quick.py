"""The quick path: `kpss --version` and the everyday forms of `kpss tasks`, answered without
Typer.

Importing Typer and building the command tree takes about 50 ms, as long as a warm
`kpss tasks --overdue` over 10,000 minutes takes in all. So the entry point first offers the
command line to `answer`: when it is `kpss tasks` with only the options that options.py lists
for the quick path (QUICK_GLOBAL, QUICK_TASKS; before or after `tasks` as argv.py allows
them), each once, in a form that
leaves no doubt (`--owner NAME` or `--owner=NAME`), it calls the same `list_tasks` the Typer
command calls, through the same exit path. Anything else (help, other commands, other
options, a value that starts with `-`, a format `tasks` does not offer) goes to Typer, which
answers as it always does, error messages included. tests/test_quick.py runs every option
read here both ways and requires the same output.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..core import __version__

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any

# The modules a warm `kpss tasks` imports, and nothing else of kpss (tests/test_quick.py runs
# one and compares). Only these may import inside functions what not every run needs, and
# name annotation-only types under `TYPE_CHECKING = False`: docs/architecture.md, "Start-up".
WARM_PATH = frozenset(
    (
        "kpss_cli", "kpss_cli.main",
        "kpss_cli.commands", "kpss_cli.commands.boundary", "kpss_cli.commands.list_tasks",
        "kpss_cli.commands.options", "kpss_cli.commands.quick", "kpss_cli.commands.shared",
        "kpss_cli.core", "kpss_cli.core.config", "kpss_cli.core.dates", "kpss_cli.core.errors", "kpss_cli.core.i18n",
        "kpss_cli.core.model", "kpss_cli.core.names", "kpss_cli.core.sorting", "kpss_cli.core.vocabulary",
        "kpss_cli.meetings", "kpss_cli.meetings.query",
        "kpss_cli.minutes", "kpss_cli.minutes.source",
        "kpss_cli.output", "kpss_cli.output.console", "kpss_cli.output.formats",
        "kpss_cli.store", "kpss_cli.store.archive", "kpss_cli.store.config", "kpss_cli.store.files", "kpss_cli.store.index",
        "kpss_cli.store.loading", "kpss_cli.store.packing", "kpss_cli.store.snapshot",
    )
)  # fmt: skip


def answer(argv: list[str], environ: Mapping[str, str]) -> int | None:
    """Run the command line `argv` (without the program name) when it is one the quick path
    reads, and return its exit code; None when Typer should take it."""
    if argv == ["--version"]:
        print(f"kpss {__version__}")
        return 0
    options = _task_options(argv, environ)
    if options is None:
        return None
    from .boundary import run_command
    from .list_tasks import list_tasks
    from .shared import settings

    settings.update(
        debug=False, no_cache=options.pop("no_cache", False), archive=None, today=None, excel=False
    )
    return run_command(list_tasks, **options)


def _task_options(argv: list[str], environ: Mapping[str, str]) -> dict[str, Any] | None:
    """The options of `kpss … tasks …` when every word is one read here (kpss's own flags
    before or after `tasks`, the shared options before it too: argv.py)."""
    # Imported here, not above: `kpss --version` needs none of it.
    from ..output.formats import OFFERED
    from .options import ANYWHERE, FORMAT, QUICK_GLOBAL, QUICK_TASKS

    global_flags = {flag: spec for spec in QUICK_GLOBAL for flag in spec.flags}
    task_flags = {flag: spec for spec in QUICK_TASKS for flag in spec.flags}
    # As in Typer (argv.arrange): kpss's own flags after `tasks` too, and the options commands
    # share before it.
    before = {**global_flags, **{f: s for f, s in task_flags.items() if s in ANYWHERE}}
    after = {**task_flags, **global_flags}
    if any(spec.envvar and environ.get(spec.envvar) is not None for spec in QUICK_GLOBAL):
        return None  # Typer reads its many spellings of true and false
    options: dict[str, Any] = {}
    words = iter(argv)
    seen_tasks = False
    for word in words:
        if word == "tasks" and not seen_tasks:
            seen_tasks = True
            continue
        name, given, value = word.partition("=")
        spec = (after if seen_tasks else before).get(name)
        if spec is None or spec.dest in options:
            return None
        if not spec.takes_value:
            if given:
                return None
            options[spec.dest] = True
            continue
        if given and not name.startswith("--"):
            return None
        if not given:
            value = next(words, "")
        if not value or value.startswith("-") or (spec is FORMAT and value not in OFFERED["tasks"]):
            return None
        options[spec.dest] = value
    if not seen_tasks:
        return None
    for spec in QUICK_TASKS:
        if spec.envvar and spec.dest not in options and environ.get(spec.envvar):
            options[spec.dest] = environ[spec.envvar]
    return options
