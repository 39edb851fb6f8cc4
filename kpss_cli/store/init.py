"""`kpss init`: the starter files of a new archive, never overwriting one."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ..core.errors import KpssError
from ..core.i18n import _
from .safefile import create_new

INIT_FILES = {
    "kpss.yaml": "kpss.yaml",
    "README.md": "README.md",
    "templates/README.md": "templates-README.md",
    ".gitignore": None,  # the index of issue "speed at scale" lives in .kpss/
}


def init_archive(folder: Path) -> list[tuple[str, bool]]:
    """Start an archive in `folder`: (file, created?) for each starter file; existing ones are kept."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KpssError(
            _("cannot create the archive folder {folder}: {reason}").format(
                folder=folder, reason=exc.strerror or exc
            )
        ) from None
    starters = resources.files("kpss_cli.templates.init")
    results = []
    for name, source in INIT_FILES.items():
        text = starters.joinpath(source).read_text(encoding="utf-8") if source else ".kpss/\n"
        path = folder / name
        if path.exists() or path.is_symlink():
            results.append((name, False))
            continue
        create_new(path, text, name)
        results.append((name, True))
    return results
