"""The Typer app: its global options, the options commands share (built from options.py and
output/formats.py), and the decorator that sends every command through the one exit path.

The commands live beside this file, one module per area, and register on `app` when cli.py
imports them. They import the layers below only when they run, so `kpss --help` starts fast.
"""

from __future__ import annotations

import difflib
import functools
import inspect
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
import typer.completion
import typer.core
from typer import _click as click  # the Click Typer vendors (typer is pinned in pyproject.toml)
from typer._click import decorators as click_decorators
from typer._click import formatting as click_formatting
from typer._types import TyperChoice  # what Typer makes of an Enum
from typer.core import TyperGroup, TyperOption

from ..core import __version__
from ..core.errors import ExitStatus, error_line
from ..core.i18n import N_, _
from ..output.console import say
from ..output.formats import OFFERED
from . import options
from .argv import Command, arranged, command_word
from .boundary import run_command
from .completion import complete_group
from .shared import settings, today_from

# The commands as `kpss --help` lists them: in the order of a coordinator's work (what is due,
# the minutes, meetings and people, the plan, then the archive as a whole).
COMMAND_ORDER = (
    "tasks", "task", "list", "show", "new-minutes", "approve", "agenda", "render", "schedule",
    "attendance", "members", "plan", "monitor", "check", "remind", "import", "export", "site", "init",
)  # fmt: skip


class KpssGroup(TyperGroup):
    """The `kpss` command: global options anywhere on the line (argv.arrange), and a usage
    error as one line and one line of hint, exit 2, instead of Click's usage box."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        known = super().list_commands(ctx)
        ordered = [name for name in COMMAND_ORDER if name in known]
        return ordered + [name for name in known if name not in ordered]

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if ctx.parent is None:
            head, path, own = arranged(args, FRONT, ANYWHERE, lambda words: _command_of(self, ctx, words))
            if path and EXCEL in head:
                own = _excel_as_csv(ctx, " ".join(path), own)
            args = [*head, *path, *own]
        return super().parse_args(ctx, args)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0]
        if name.startswith("-") or self.get_command(ctx, name) is not None or ctx.resilient_parsing:
            found = super().resolve_command(ctx, args)
            # Click's parser names no command in some errors (an option without its value).
            self.resolved_path = f"{ctx.command_path} {found[0]}"
            return found
        where = ctx.command_path
        raise UsageHint(
            _("no such command {name!r}").format(name=name),
            _closest(name, self.list_commands(ctx)),
            _("`{command} --help` lists the commands").format(command=where),
            ctx,
        )

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            code = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except click.exceptions.UsageError as exc:
            for line in usage_error(exc, getattr(self, "resolved_path", "kpss")):
                say(line)
            code = ExitStatus.USER_ERROR
        except typer.Abort:
            say(error_line(_("aborted")))
            code = ExitStatus.INTERRUPTED
        except click.exceptions.ClickException as exc:
            say(error_line(exc.format_message()))
            code = exc.exit_code
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else ExitStatus.OK)


EXCEL = options.EXCEL.flags[0]
# The options of kpss and those commands share, for argv.py: each flag, whether it takes a value.
FRONT = {flag: spec.takes_value for spec in options.FRONT for flag in spec.flags}
ANYWHERE = {flag: spec.takes_value for spec in options.ANYWHERE for flag in spec.flags}


def keep_only_named(words: list[str]) -> None:
    """Keep on `app` only the command `words` name, when they name one exactly. Typer turns
    every registered command into Click's on each run (some 50 ms for kpss's twenty); a run
    needs one. Help of kpss itself, completion and a mistyped name keep them all."""
    if os.environ.get("_KPSS_COMPLETE"):  # Typer's completion: it may list any command
        return
    word = command_word(words, FRONT, ANYWHERE)
    commands = [c for c in app.registered_commands if _registered_name(c) == word]
    groups = [g for g in app.registered_groups if g.name == word]
    if commands or groups:
        app.registered_commands, app.registered_groups = commands, groups


def _registered_name(command: typer.models.CommandInfo) -> str | None:
    callback = command.callback
    return command.name or (typer.main.get_command_name(callback.__name__) if callback else None)


def _excel_as_csv(ctx: click.Context, command: str, words: list[str]) -> list[str]:
    """The words of `command` with `--excel` (read by kpss itself): `--format csv` added, the
    `excel` setting doing the rest (commands/shared.emit_rows). A command that writes no CSV,
    or another format asked for, is a usage error."""
    if "csv" not in OFFERED.get(command, ()):
        raise UsageHint(
            _("--excel writes CSV, and kpss {command} writes none").format(command=command),
            None,
            _("`kpss {command} --help` shows its formats").format(command=command),
            ctx,
        )
    flags = options.FORMAT.flags
    for position, word in enumerate(words):
        name, given, value = word.partition("=")
        if name in flags:
            value = value if given else (words[position + 1] if position + 1 < len(words) else "")
            if value != "csv":
                raise UsageHint(
                    _("--excel writes CSV: leave out --format, or give --format csv"),
                    None,
                    _("`kpss {command} --help` shows its formats").format(command=command),
                    ctx,
                )
            return words
    return [*words, flags[0], "csv"]


class UsageHint(click.exceptions.UsageError):
    """A usage error that knows the closest word the user may have meant."""

    def __init__(self, message: str, closest: str | None, otherwise: str, ctx: click.Context) -> None:
        super().__init__(message, ctx)
        self.closest = closest
        self.otherwise = otherwise


def usage_error(exc: click.exceptions.UsageError, command: str = "kpss") -> list[str]:
    """The two lines of a usage error: what is wrong, and the closest command or option (else
    where the help is). `command` is the command line's command, for errors Click gives without it."""
    command = exc.ctx.command_path if exc.ctx is not None else command
    help_line = _("`{command} --help` shows its options").format(command=command)
    if isinstance(exc, UsageHint):
        message, closest, help_line = exc.message, exc.closest, exc.otherwise
    elif isinstance(exc, click.exceptions.NoSuchOption):
        message = _("no such option {option}").format(option=exc.option_name)
        params = exc.ctx.command.get_params(exc.ctx) if exc.ctx else []
        known = [flag for param in params if param.param_type_name == "option" for flag in param.opts]
        closest = _closest(exc.option_name, known)
    elif isinstance(exc, click.exceptions.MissingParameter) and exc.param is not None and not exc.message:
        name = (
            exc.param.opts[0]
            if exc.param.param_type_name == "option"
            else exc.param.human_readable_name.upper()
        )
        message, closest = _("{command} needs {name}").format(command=command, name=name), None
    elif isinstance(exc, click.exceptions.BadOptionUsage):
        # Click's parser words these in English: an option without its value, a flag given one.
        wording = _("{option} needs a value") if "requires" in exc.message else _("{option} takes no value")
        message, closest = wording.format(option=exc.option_name), None
    elif isinstance(exc, click.exceptions.BadParameter) and exc.param is not None:
        name = exc.param.opts[0] if exc.param.param_type_name == "option" else exc.param.human_readable_name
        message, closest = f"{name}: {_click_words(exc.message)}", None
    else:
        message, closest = _click_words(exc.format_message()), None
    hint = _("did you mean {word}? {help}").format(word=closest, help=help_line) if closest else help_line
    return [error_line(message), f"kpss: {_('hint')}: {hint}"]


# What the vendored Click says in English (it has no gettext), as the interface says it.
_CLICK_WORDING = (
    (
        re.compile(r"(?P<value>.+) is not a valid (?:integer|float|int range|float range)\."),
        N_("{value} is not a number"),
    ),
    (
        re.compile(r"(?P<value>.+) is not in the range (?P<range>.+)\."),
        N_("{value} is not in the range {range}"),
    ),
    (re.compile(r"Got unexpected extra argument\(s\) \((?P<words>.*)\)"), N_("unexpected words: {words}")),
)


def _click_words(message: str) -> str:
    for pattern, wording in _CLICK_WORDING:
        if found := pattern.fullmatch(message.strip()):
            return _(wording).format(**found.groupdict())
    return message.strip().rstrip(".")


def _invalid_choice(self: TyperChoice[Any], value: Any, ctx: click.Context | None) -> str:
    return _("{value!r} is not one of {choices}").format(
        value=value, choices=", ".join(map(str, self.choices))
    )


TyperChoice.get_invalid_choice_message = _invalid_choice  # type: ignore[method-assign]


def _closest(word: str, known: Sequence[str]) -> str | None:
    """The known word most like `word`; of equally like ones, one with the same letters
    (`lsit`: `list`, not `site`)."""
    found = difflib.get_close_matches(word, known, n=3, cutoff=0.6)
    same_letters = [candidate for candidate in found if sorted(candidate) == sorted(word)]
    return next(iter(same_letters or found), None)


def _command_of(group: TyperGroup, ctx: click.Context, words: list[str]) -> Command | None:
    """The command `words` start with (one word, or two for a group's command such as
    `plan import`) and the options it declares, for argv.arrange."""
    command = group.get_command(ctx, words[0])
    length = 1
    if isinstance(command, TyperGroup) and len(words) > 1:
        inner = command.get_command(ctx, words[1])
        if inner is not None:
            command, length = inner, 2
    if command is None:
        return None
    declared = {
        flag: not getattr(param, "is_flag", False) and not getattr(param, "count", False)
        for param in command.params
        if isinstance(param, TyperOption)
        for flag in (*param.opts, *param.secondary_opts)
    }
    return length, declared


# Typer's own words on help pages and in usage errors ("Options", "default: …") go through the
# gettext `_` of typer/core.py (typer is pinned in pyproject.toml). Given ours, they are in the
# catalogue and in the interface's language; listed here for tools/messages.py.
TYPER_MESSAGES = (
    N_("Arguments"), N_("Options"), N_("Commands"), N_("default: {default}"), N_("env var: {var}"),
    N_("required"), N_("(dynamic)"), N_("Aborted!"), N_("Missing command."), N_("No such command {name!r}."),
)  # fmt: skip
typer.core._ = _  # type: ignore[attr-defined]  # its module global, read when it speaks

# The Click that Typer vendors has no gettext: its "Usage:" and the --help option's help are
# fixed English words, so they are given in the interface's language here.
_click_help_option = click_decorators.help_option
_click_write_usage = click_formatting.HelpFormatter.write_usage


def _help_option(param_decls: list[str]) -> Callable[[Any], Any]:
    decorate = _click_help_option(param_decls)

    def translated(command: Any) -> Any:
        command = decorate(command)
        command.params[-1].help = _("Show this message and exit.")
        return command

    return translated


def _write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
    args = args.replace("[OPTIONS]", _("[OPTIONS]")).replace("COMMAND [ARGS]...", _("COMMAND [ARGS]..."))
    _click_write_usage(self, prog, args, _("Usage: ") if prefix is None else prefix)


# What the help calls an option's value when its declaration names none: the type, in the
# interface's language (Click gives `<int range>`, `<str>`).
_TYPE_METAVARS = {
    "<int>": N_("NUMBER"), "<int range>": N_("NUMBER"), "<float>": N_("NUMBER"), "<float range>": N_("NUMBER"),
    "<str>": N_("TEXT"), "<text>": N_("TEXT"), "<path>": N_("PATH"),
}  # fmt: skip
_typer_option_metavar = TyperOption.make_metavar


def _option_metavar(self: TyperOption, ctx: click.Context) -> str:
    metavar = _typer_option_metavar(self, ctx)
    return _(_TYPE_METAVARS[metavar]) if metavar in _TYPE_METAVARS else metavar


TyperOption.make_metavar = _option_metavar  # type: ignore[method-assign]

# Typer's --install-completion and --show-completion are declared with English help, read when
# the app is built: given in the interface's language here.
_COMPLETION_HELP = {
    "install_completion": N_("Install completion for the current shell."),
    "show_completion": N_("Show completion for the current shell, to copy it or customize the installation."),
}
for _name, _parameter in inspect.signature(
    typer.completion._install_completion_placeholder_function
).parameters.items():
    _parameter.default.help = _(_COMPLETION_HELP[_name])


click_decorators.help_option = _help_option
click_formatting.HelpFormatter.write_usage = _write_usage  # type: ignore[method-assign]

app = typer.Typer(
    name="kpss",
    cls=KpssGroup,
    help=_("Minutes, tasks and attendance of community planning of social services (KPSS)."),
    invoke_without_command=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

F = TypeVar("F", bound=Callable[..., Any])


def documented(command: F) -> F:
    """Give the command its help in the interface's language: Typer shows the docstring, and
    tools/messages.py puts the docstrings of commands (functions decorated `@boundary` or
    `@documented`) into the catalogue."""
    if command.__doc__:
        command.__doc__ = _(inspect.cleandoc(command.__doc__))
    return command


def boundary(command: F) -> F:
    """Run the command through the one exit path (boundary.run_command): its return value, or
    what escaped it, becomes the exit code. Its docstring, translated, is its help."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        raise typer.Exit(run_command(command, *args, **kwargs))

    return documented(wrapper)  # type: ignore[return-value]


def option(spec: options.Spec, help: str | None = None, **extra: Any) -> Any:
    """The Typer option that `spec` declares, with the help a command gives it (where it means
    more there) and Typer's own settings (`extra`, such as `min`)."""
    if spec.metavar is not None:
        extra.setdefault("metavar", _(spec.metavar))
    if spec.numbers is not None:
        extra.setdefault("min", spec.numbers[0])
        extra.setdefault("max", spec.numbers[1])
    return typer.Option(*spec.flags, help=help or _(spec.help), envvar=spec.envvar, **extra)


def formats(command: str, flags: tuple[str, ...] = options.FORMAT.flags, help: str | None = None) -> Any:
    """The option choosing among the formats `command` offers (output/formats.py's OFFERED)."""
    return typer.Option(*flags, click_type=TyperChoice(OFFERED[command]), help=help or _(options.FORMAT.help))


def default_format(command: str) -> str:
    """The format `command` writes unless told otherwise."""
    return OFFERED[command][0]


def _read_today(as_of: str) -> None:
    today_from(as_of)


def _version(value: bool) -> None:
    if value:
        print(f"kpss {__version__}")
        raise typer.Exit()


@app.callback()
@documented
def main(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=_("Show the version and exit.")),
    ] = False,
    debug: Annotated[bool, option(options.DEBUG)] = False,
    no_cache: Annotated[bool, option(options.NO_CACHE)] = False,
    archive: Annotated[Path | None, option(options.ARCHIVE, show_default=False)] = None,
    as_of: Annotated[str | None, option(options.AS_OF, show_default=False)] = None,
    excel: Annotated[bool, option(options.EXCEL)] = False,
) -> None:
    """Minutes, tasks and attendance of community planning of social services (KPSS).

    The archive is a folder of Markdown minutes with YAML front matter. Global options
    (--archive, --as-of, --no-cache, --debug, --excel, --format) may stand before or after
    the command.
    Alone, `kpss` shows what needs doing in the archive. Try:

        kpss list --archive examples
    """
    settings.update(debug=debug, no_cache=no_cache, archive=archive, today=None, excel=excel)
    if as_of is not None:  # read here for a command without --as-of of its own: `kpss list --as-of …`
        code = run_command(_read_today, as_of)
        if code:
            raise typer.Exit(code)
    if ctx.invoked_subcommand is None and not ctx.resilient_parsing:
        from .overview import overview

        raise typer.Exit(run_command(overview, ctx, archive, as_of))


ArchiveOption = Annotated[Path | None, option(options.ARCHIVE, show_default=False)]
GroupOption = Annotated[str | None, option(options.GROUP, autocompletion=complete_group)]
# A group named as the command's first word (`kpss agenda seniori`).
GroupArgument = Annotated[
    str,
    typer.Argument(
        metavar=_("GROUP"),
        help=_("The group: its slug or name."),
        show_default=False,
        autocompletion=complete_group,
    ),
]
SinceOption = Annotated[str | None, option(options.SINCE)]
UntilOption = Annotated[str | None, option(options.UNTIL)]
AsOfOption = Annotated[str | None, option(options.AS_OF, show_default=False)]
DateOption = Annotated[str | None, option(options.DATE)]
TemplateOption = Annotated[str | None, option(options.TEMPLATE)]
LangOption = Annotated[str | None, option(options.LANG)]
IdsOption = Annotated[bool, option(options.IDS)]
PublicOption = Annotated[bool, option(options.PUBLIC)]
