"""The quick path: `kpss --version` and the everyday forms of the reading commands (`tasks`,
`list`, `show`, `check`, `schedule`, `members`, `attendance`, `agenda`, `plan`, `monitor`,
`remind --dry-run`, `export` of one archive), answered without Typer.

Importing Typer and building the command tree takes some 40 ms, nearly as long as a warm
`kpss tasks --overdue` over 10,000 minutes takes in all. So the entry point first offers the
command line to `answer`: when it is one of COMMANDS with only the options that options.QUICK
lists for it (QUICK_GLOBAL too; before or after the command as argv.py allows them), each
once, in a form that leaves no doubt (`--owner NAME` or `--owner=NAME`), it calls the same
function the Typer command calls, through the same exit path. Anything else (help, other
commands, other options, a value that starts with `-`, a format the command does not offer)
goes to Typer, which answers as it always does, error messages included. tests/test_quick.py
runs every option read here both ways and requires the same output.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..core import __version__

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any

# The modules a warm `kpss tasks` imports, and nothing else of kpss (tests/test_quick.py runs
# one and compares).
WARM_TASKS = frozenset(
    (
        "kpss_cli", "kpss_cli.main",
        "kpss_cli.commands", "kpss_cli.commands.boundary", "kpss_cli.commands.language", "kpss_cli.commands.list_tasks",
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
# The modules warm runs of the commands below import (tests/test_quick.py runs each and
# compares). Only these may import inside functions what not every run needs, and name
# annotation-only types under `TYPE_CHECKING = False`: docs/architecture.md, "Start-up".
WARM_PATH = WARM_TASKS | frozenset(
    (
        "kpss_cli.commands.reading", "kpss_cli.commands.planning", "kpss_cli.store.answers", "kpss_cli.store.views",
        "kpss_cli.check", "kpss_cli.check.codes", "kpss_cli.check.findings",
        "kpss_cli.core.plan",
        "kpss_cli.documents", "kpss_cli.documents.textview", "kpss_cli.plan", "kpss_cli.plan.state",
        "kpss_cli.commands.mailing", "kpss_cli.mail", "kpss_cli.mail.deliver", "kpss_cli.mail.message",
        "kpss_cli.mail.sentlog", "kpss_cli.store.safefile",
        "kpss_cli.commands.exporting", "kpss_cli.export", "kpss_cli.export.kept", "kpss_cli.export.schema",
        "kpss_cli.export.write",
    )
)  # fmt: skip


# The commands the quick path answers: (the module beside this one and its function that the
# Typer command calls too, the names of the words it takes besides options: `kpss show ID`).
COMMANDS = {
    "tasks": ("list_tasks", "list_tasks", ()),
    "list": ("reading", "list_minutes", ()),
    "show": ("reading", "show_minutes", ("ref",)),
    "check": ("reading", "check_minutes", ()),
    "schedule": ("reading", "schedule_meetings", ()),
    "members": ("reading", "list_members", ("group",)),
    "attendance": ("reading", "count_attendance", ()),
    "agenda": ("reading", "write_agenda", ("group",)),
    "plan": ("planning", "show_plan", ()),
    "monitor": ("planning", "monitor_plan", ()),
    "remind": ("mailing", "remind_by_mail", ()),
    "export": ("exporting", "export_archives", ("target",)),
}


def answer(argv: list[str], environ: Mapping[str, str]) -> int | None:
    """Run the command line `argv` (without the program name) when it is one the quick path
    reads, and return its exit code; None when Typer should take it."""
    if argv == ["--version"]:
        print(f"kpss {__version__}")
        return 0
    read = _read(argv, environ)
    if read is None:
        return None
    command, options, as_of = read
    from importlib import import_module

    from .boundary import run_command
    from .shared import settings, today_from

    settings.update(
        debug=False, no_cache=options.pop("no_cache", False), archive=None, today=None, excel=False
    )
    if as_of is not None:  # read by kpss itself, as app.main reads it

        def read_today() -> None:
            today_from(as_of)

        code = run_command(read_today)
        if code:
            return code
    module, name, _words = COMMANDS[command]
    return run_command(getattr(import_module(f"{__package__}.{module}"), name), **options)


def _read(argv: list[str], environ: Mapping[str, str]) -> tuple[str, dict[str, Any], str | None] | None:
    """(the command, its options, the `--as-of` kpss reads itself for a command without one of
    its own) of `kpss … COMMAND …` when every word is one read here (kpss's own flags before
    or after the command, the shared options before it too: argv.py)."""
    # Imported here, not above: `kpss --version` needs none of it.
    from ..output.formats import OFFERED
    from .options import ANYWHERE, AS_OF, FORMAT, QUICK, QUICK_GLOBAL, QUICK_MANY, QUICK_REQUIRED

    if any(spec.envvar and environ.get(spec.envvar) is not None for spec in QUICK_GLOBAL):
        return None  # Typer reads its many spellings of true and false
    global_flags = {flag: spec for spec in QUICK_GLOBAL for flag in spec.flags}
    # As in Typer (argv.arrange): kpss's own flags after the command too, the options commands
    # share before it, and `--as-of` after a command without one of its own.
    flags = {**global_flags, **{flag: spec for spec in ANYWHERE for flag in spec.flags}}
    options: dict[str, Any] = {}
    command: str | None = None
    words_left: list[str] = []  # the names of the words the command still takes
    words = iter(argv)
    for word in words:
        if command is None and word in COMMANDS:
            command = word
            flags = {
                **{flag: spec for spec in (*QUICK[command], AS_OF) for flag in spec.flags},
                **global_flags,
            }
            words_left = list(COMMANDS[command][2])
            continue
        if words_left and word and not word.startswith("-"):
            options[words_left.pop(0)] = word
            continue
        name, given, value = word.partition("=")
        spec = flags.get(name)
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
        if not value or value.startswith("-") or (spec.choices is not None and value not in spec.choices):
            return None
        if spec.numbers is not None:  # a whole number in range, else Typer says what is wrong
            if (
                not value.isascii()
                or not value.isdigit()
                or not spec.numbers[0] <= int(value) <= spec.numbers[1]
            ):
                return None
            options[spec.dest] = int(value)
            continue
        options[spec.dest] = value
    if command is None or words_left:
        return None
    specs = (*QUICK[command], *QUICK_GLOBAL, AS_OF)
    if any(spec.dest in options and spec not in specs for spec in ANYWHERE):
        return None  # a shared option before a command that does not read it: Typer says so
    if FORMAT.dest in options and options[FORMAT.dest] not in OFFERED[command]:
        return None
    for spec in specs:
        if spec.envvar and spec.dest not in options and environ.get(spec.envvar):
            if spec in QUICK_MANY.get(command, ()) and any(c.isspace() for c in environ[spec.envvar]):
                return None  # several values for Typer
            options[spec.dest] = environ[spec.envvar]
    if any(spec.dest not in options for spec in QUICK_REQUIRED.get(command, ())):
        return None
    as_of = None if AS_OF in QUICK[command] else options.pop(AS_OF.dest, None)
    return command, options, as_of
