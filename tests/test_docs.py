"""The docs are tested too: README examples are real output, every JSON key is documented."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from kpss_cli.commands.cli import app

from .conftest import REPO, Invoke

README = (REPO / "README.md").read_text(encoding="utf-8")
CONSOLE = re.compile(r"```console\n\$ (kpss [^\n]+)\n(.*?)```", re.DOTALL)


@pytest.mark.parametrize(("command", "output"), CONSOLE.findall(README), ids=lambda v: v[:60])
def test_readme_examples_are_real_output(invoke: Invoke, examples: Path, command: str, output: str) -> None:
    result = invoke(*shlex.split(command)[1:])
    assert (result.exit_code, result.stdout) == (0, output)


def test_readme_has_examples() -> None:
    assert len(CONSOLE.findall(README)) >= 4


def test_every_command_is_in_the_readme() -> None:
    names = [c.name or c.callback.__name__ for c in app.registered_commands]  # type: ignore[union-attr]
    assert names and all(f"`kpss {name}" in README for name in names)


def documented_keys() -> set[str]:
    text = (REPO / "docs" / "json.md").read_text(encoding="utf-8")
    return set(re.findall(r"`([a-z_]+)`", text))


def keys_of(value: object) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() if not isinstance(v, str) for k in keys_of(v)}
    if isinstance(value, list):
        return {k for v in value for k in keys_of(v)}
    return set()


def test_every_json_key_is_documented(invoke: Invoke, examples: Path) -> None:
    outputs = [
        invoke("show", "ridici-skupina/2026-06-17", "-a", "examples", "-f", "json").stdout,
        invoke("list", "-a", "examples", "-f", "json").stdout,
        invoke("tasks", "--all", "-a", "examples", "-f", "json").stdout,
        invoke("task", "ozp/2025-10-07#2", "-a", "examples", "-f", "json").stdout,
        invoke("tasks", "--by", "owner", "-a", "examples", "-f", "json").stdout,
        invoke("schedule", "-a", "examples", "--as-of", "2026-11-22", "-f", "json").stdout,
        invoke("check", "-a", "examples", "--as-of", "2026-11-22", "-f", "json").stdout,
        invoke("attendance", "-a", "examples", "-f", "json").stdout,
        invoke("attendance", "-a", "examples", "--by", "org", "-f", "json").stdout,
        invoke("attendance", "-a", "examples", "--by", "meeting", "-f", "json").stdout,
        invoke("attendance", "-a", "examples", "--missed", "1", "-f", "json").stdout,
        invoke("members", "ridici", "-a", "examples", "--on", "2026-06-17", "-f", "json").stdout,
        invoke("members", "ridici", "-a", "examples", "--history", "-f", "json").stdout,
        invoke("plan", "-a", "examples", "--as-of", "2026-11-22", "-f", "json").stdout,
        invoke("monitor", "--year", "2026", "-a", "examples", "--as-of", "2026-11-22", "-f", "json").stdout,
    ]
    used: set[str] = set()
    for output in outputs:
        data = json.loads(output)
        # Unknown front matter keys under `extra` are the user's, not ours.
        if isinstance(data, dict):
            data = {k: v for k, v in data.items() if k != "extra"}
        used |= keys_of(data)
    assert used - documented_keys() == set()


def test_every_package_is_installed() -> None:
    """A package missing from pyproject.toml works in an editable install and nowhere else."""
    import tomllib

    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    found = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "kpss_cli").rglob("__init__.py")}
    found |= {
        ".".join(("kpss_cli", *p.parent.relative_to(REPO).parts))
        for p in (REPO / "templates").rglob("__init__.py")
    }
    assert found == set(config["packages"])


def test_no_merge_conflict_is_left_in_the_docs() -> None:
    """A merge whose conflict was committed shows users `<<<<<<<` in the README (it happened)."""
    marker = re.compile(r"^(?:<{7} |={7}$|>{7} )", re.M)
    texts = [REPO / "README.md", REPO / "CHANGELOG.md", *(REPO / "docs").glob("*.md")]
    assert [str(path) for path in texts if marker.search(path.read_text(encoding="utf-8"))] == []
