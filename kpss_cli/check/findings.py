"""The findings of `kpss check` as the index keeps them (kept.KeptCheck.build), and the line that
sums them up. Apart from rules.py, so that a warm `kpss check` reads its findings without
importing the rules and everything they count with."""

from __future__ import annotations

from collections.abc import Iterable

from ..core.errors import Problem
from ..core.i18n import _, ngettext

Finding = tuple[str, int | None, str, str, str]  # a Problem's fields, as the index keeps them


def findings_of(view: list[Finding]) -> list[Problem]:
    """The findings `kept.KeptCheck.build` kept."""
    return [Problem(*finding) for finding in view]


def summary(findings: Iterable[Problem], files: int) -> str:
    """`2 errors, 5 warnings in 29 files`."""
    listed = list(findings)
    errors = sum(1 for f in listed if f.is_error)
    warnings = len(listed) - errors
    return _("{errors}, {warnings} in {files}").format(
        errors=ngettext("{count} error", "{count} errors", errors).format(count=errors),
        warnings=ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings),
        files=ngettext("{count} file", "{count} files", files).format(count=files),
    )
