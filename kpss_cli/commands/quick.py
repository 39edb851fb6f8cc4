"""The quick path: `kpss --version` and the everyday forms of `kpss tasks`, answered without
Typer.

Importing Typer and building the command tree takes about 50 ms, as long as a warm
`kpss tasks --overdue` over 10,000 minutes takes in all. So the entry point first offers the
command line to `answer`: when it is `kpss [--no-cache] tasks` with only the options read
here, each once, in a form that leaves no doubt (`--owner NAME` or `--owner=NAME`), it builds
the options the Typer command passes to the same `list_tasks`. Anything else
(help, other commands, other options, a value that starts with `-`, an unknown format) goes
to Typer, which answers as it always does, error messages included. tests/test_quick.py
proves both ways give the same output for every form read here.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..core import __version__

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from typing import Any

_FLAGS = {
    "--overdue": "overdue",
    "--open": "open_",
    "--done": "done",
    "--cancelled": "cancelled",
    "--all": "all_",
    "--fail-if-any": "fail_if_any",
}
_VALUES = {
    "--archive": "archive",
    "-a": "archive",
    "--owner": "owner",
    "--group": "group",
    "-g": "group",
    "--due-before": "due_before",
    "--due-after": "due_after",
    "--since": "since",
    "--until": "until",
    "--as-of": "as_of",
    "--format": "fmt",
    "-f": "fmt",
}
_FORMATS = frozenset(("table", "json", "jsonl", "csv", "tsv", "md", "ics"))
_ENVIRONMENT = {"archive": "KPSS_ARCHIVE", "as_of": "KPSS_TODAY"}


def answer(argv: list[str], environ: Mapping[str, str]) -> int | None:
    """Run the command line `argv` (without the program name) when it is one the quick path
    reads, and return its exit code; None when Typer should take it."""
    if argv == ["--version"]:
        print(f"kpss {__version__}")
        return 0
    options = _task_options(argv, environ)
    if options is None:
        return None
    from .boundary import failure
    from .list_tasks import list_tasks
    from .shared import settings

    settings.update(debug=False, no_cache=options.pop("no_cache", False))
    archive = options.pop("archive", None)
    try:
        return list_tasks(archive=Path(archive) if archive else None, **options)
    except BaseException as exc:
        code = failure(exc)
        if code is None:
            raise
        return code


def _task_options(argv: list[str], environ: Mapping[str, str]) -> dict[str, Any] | None:
    """The options of `kpss [--no-cache] tasks …` when every word is one read here."""
    if environ.get("KPSS_NO_CACHE") is not None:
        return None  # Typer reads its many spellings of true and false
    options: dict[str, Any] = {}
    words = iter(argv)
    for word in words:
        if word == "tasks":
            break
        if word != "--no-cache":
            return None
        options["no_cache"] = True
    else:
        return None
    for word in words:
        name, given, value = word.partition("=")
        if name in _FLAGS and not given:
            options[_FLAGS[name]] = True
            continue
        key = _VALUES.get(name)
        if key is None or key in options or (given and not name.startswith("--")):
            return None
        if not given:
            value = next(words, "")
        if not value or value.startswith("-") or (key == "fmt" and value not in _FORMATS):
            return None
        options[key] = value
    for key, variable in _ENVIRONMENT.items():
        if key not in options and environ.get(variable):
            options[key] = environ[variable]
    return options
