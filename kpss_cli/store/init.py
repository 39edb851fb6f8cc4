"""`kpss init`: the starter files of a new archive, never overwriting one."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from ..core.errors import KpssError, os_reason
from ..core.i18n import _, language
from ..core.names import slugify
from .safefile import create_new

INIT_FILES = {
    "kpss.yaml": "kpss.yaml",
    "README.md": "README.md",
    "templates/README.md": "templates-README.md",
    ".gitignore": None,  # the index of issue "speed at scale" lives in .kpss/
}


def init_archive(
    folder: Path, groups: list[str] | None = None, example: bool = False
) -> list[tuple[str, bool]]:
    """Start an archive in `folder`: (file, created?) for each starter file; existing ones are
    kept. kpss.yaml is a minimal commented one listing `groups` (names), or with `example`
    the full example with its sample groups."""
    if example and groups:
        raise KpssError(_("--example writes sample groups of its own: give --group or --example, not both"))
    config_text = _config_text(groups or [])
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KpssError(
            _("cannot create the archive folder {folder}: {reason}").format(
                folder=folder, reason=os_reason(exc)
            )
        ) from None
    starters = resources.files("kpss_cli.templates.init")
    results = []
    for name, source in INIT_FILES.items():
        if name == "kpss.yaml" and example:
            source = "kpss-example.yaml"
        if source and language() != "en":  # the starters in the interface's language, where written
            stem, dot, suffix = source.rpartition(".")
            translated = f"{stem}.{language()}{dot}{suffix}"
            source = translated if starters.joinpath(translated).is_file() else source
        text = starters.joinpath(source).read_text(encoding="utf-8") if source else ".kpss/\n"
        if name == "kpss.yaml" and not example:
            text = text.replace("groups: []\n", config_text)
        path = folder / name
        if path.exists() or path.is_symlink():
            results.append((name, False))
            continue
        create_new(path, text, name)
        results.append((name, True))
    return results


def _config_text(names: list[str]) -> str:
    """The `groups:` of a new kpss.yaml: each name with its slug (names as JSON strings, which
    YAML reads as they are, colons and `#` included)."""
    if not names:
        return "groups: []\n"
    lines = ["groups:"]
    seen: set[str] = set()
    for name in names:
        slug = slugify(name)
        if not slug:
            raise KpssError(_("--group {name!r}: a group name needs letters or digits").format(name=name))
        if slug in seen:
            raise KpssError(
                _("--group {name!r}: another group already has the slug {slug}").format(name=name, slug=slug)
            )
        seen.add(slug)
        lines.append(f"  - name: {json.dumps(name.strip(), ensure_ascii=False)}")
        lines.append(f"    slug: {slug}")
    return "\n".join(lines) + "\n"
