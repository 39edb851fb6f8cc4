"""The Typer app: its global options, the options commands share (built from options.py and
output/formats.py), and the decorator that sends every command through the one exit path.

The commands live beside this file, one module per area, and register on `app` when cli.py
imports them. They import the layers below only when they run, so `kpss --help` starts fast.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
import typer.core
from typer._types import TyperChoice  # what Typer makes of an Enum (typer is pinned in pyproject.toml)

from ..core import __version__
from ..core.i18n import N_, _
from ..output.formats import OFFERED
from . import options
from .boundary import run_command
from .shared import settings

# Typer's own words on help pages and in usage errors ("Options", "default: …") go through the
# gettext `_` of typer/core.py (typer is pinned in pyproject.toml). Given ours, they are in the
# catalogue and in the interface's language; listed here for tools/messages.py.
TYPER_MESSAGES = (
    N_("Arguments"), N_("Options"), N_("Commands"), N_("default: {default}"), N_("env var: {var}"),
    N_("required"), N_("(dynamic)"), N_("Aborted!"), N_("Missing command."), N_("No such command {name!r}."),
)  # fmt: skip
typer.core._ = _  # type: ignore[attr-defined]  # its module global, read when it speaks

app = typer.Typer(
    name="kpss",
    help=_("Minutes, tasks and attendance of community planning of social services (KPSS)."),
    no_args_is_help=True,
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
    return typer.Option(*spec.flags, help=help or _(spec.help), envvar=spec.envvar, **extra)


def formats(command: str, flags: tuple[str, ...] = options.FORMAT.flags, help: str | None = None) -> Any:
    """The option choosing among the formats `command` offers (output/formats.py's OFFERED)."""
    return typer.Option(*flags, click_type=TyperChoice(OFFERED[command]), help=help or _(options.FORMAT.help))


def default_format(command: str) -> str:
    """The format `command` writes unless told otherwise."""
    return OFFERED[command][0]


def _version(value: bool) -> None:
    if value:
        print(f"kpss {__version__}")
        raise typer.Exit()


@app.callback()
@documented
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=_("Show the version and exit.")),
    ] = False,
    debug: Annotated[bool, option(options.DEBUG)] = False,
    no_cache: Annotated[bool, option(options.NO_CACHE)] = False,
) -> None:
    """Minutes, tasks and attendance of community planning of social services (KPSS).

    The archive is a folder of Markdown minutes with YAML front matter. Try:

        kpss list --archive examples
    """
    settings["debug"] = debug
    settings["no_cache"] = no_cache


ArchiveOption = Annotated[Path | None, option(options.ARCHIVE, show_default=False)]
GroupOption = Annotated[str | None, option(options.GROUP)]
SinceOption = Annotated[str | None, option(options.SINCE)]
UntilOption = Annotated[str | None, option(options.UNTIL)]
AsOfOption = Annotated[str | None, option(options.AS_OF, show_default=False)]
DateOption = Annotated[str | None, option(options.DATE)]
TemplateOption = Annotated[str | None, option(options.TEMPLATE)]
LangOption = Annotated[str | None, option(options.LANG)]
IdsOption = Annotated[bool, option(options.IDS)]
PublicOption = Annotated[bool, option(options.PUBLIC)]
