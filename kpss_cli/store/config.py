"""`kpss.yaml`: the organisation, its groups and members, people's aliases, the language."""

from __future__ import annotations

import os

from ..core.config import Config, GroupConfig, Membership
from ..core.dates import parse_date, parse_time
from ..core.errors import KpssError, Problem
from ..core.i18n import _
from ..core.names import fold, person_key, slugify
from .files import read_regular

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path
    from typing import Any

CONFIG_NAME = "kpss.yaml"
# Folders of the archive that hold no minutes (besides hidden ones, such as `.kpss/`).
SKIPPED_FOLDERS = frozenset(("templates", "node_modules", "__pycache__"))
# The folder of the plan files (store/plan.py reads them): here, where a warm `check` or `plan`
# names it without importing the YAML reader.
PLAN_FOLDER = "plan"
MAX_CONFIG = 16 * 1024 * 1024  # a national archive lists a few thousand groups and their members


def find_root(start: str) -> str | None:
    """Return the nearest folder from `start` upwards holding kpss.yaml, else None: as git
    finds its repository, a folder is an archive by its kpss.yaml, never by being the current one.

    Paths are text here, not pathlib's: a warm `kpss tasks` would spend 4 ms importing it."""
    folder = os.path.realpath(start)
    while True:
        if os.path.isfile(os.path.join(folder, CONFIG_NAME)):
            return folder
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def load_config(root: Path, display_root: str | None = None) -> Config:
    """Read `root/kpss.yaml`; an archive without one gets the defaults."""
    path = root / CONFIG_NAME
    # As minutes paths are shown: relative to the archive named on the command line, no "./".
    shown = (
        (CONFIG_NAME if display_root == "." else f"{display_root}/{CONFIG_NAME}")
        if display_root
        else str(path)
    )
    try:
        data = read_regular(str(path))
        text = data.decode("utf-8-sig")
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError) as exc:
        raise KpssError(_("cannot read the configuration: {exc}").format(exc=exc), shown) from None
    key = (str(path), shown, data)
    if _last and _last[0][0] == key:
        return _last[0][1]
    config = _parsed(text, shown)
    _last[:] = [(key, config)]
    return config


# The last kpss.yaml read, by its path, how it is shown and its bytes: a first build reads it
# for the index's stamp and again to build (some 10 ms at a thousand members).
_last: list[tuple[tuple[str, str, bytes], Config]] = []


def _parsed(text: str, shown: str) -> Config:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    from ..minutes.yamldata import YamlProblem  # here: a warm `kpss tasks` reads no YAML
    from ..minutes.yamlsafe import load_yaml

    try:
        data = load_yaml(text, MAX_CONFIG, "kpss.yaml")
    except YamlProblem as exc:
        raise KpssError(exc.message, shown, exc.line + 1 if exc.line is not None else None) from None
    if data is None:
        return Config(path=shown)
    if not isinstance(data, dict):
        raise KpssError(_("the configuration must be a mapping of keys to values"), shown, 1)
    return _build_config(data, shown)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return str(value).strip() or None


def _build_config(data: dict[str, Any], shown: str) -> Config:
    lines: dict[str, int] = getattr(data, "lines", {})
    known = {"organisation", "organization", "language", "groups", "aliases", "quorum"}
    config = Config(
        organisation=_text(data.get("organisation", data.get("organization"))),
        language=str(data.get("language") or "cs"),
        extra={k: v for k, v in data.items() if k not in known},
        path=shown,
    )
    if "quorum" in data:
        config.quorum = _quorum(data["quorum"], shown, lines.get("quorum", 0) + 1, config.problems)
    groups = data.get("groups") or []
    if not isinstance(groups, list):
        raise KpssError(_("'groups' must be a list"), shown, lines.get("groups", 0) + 1)
    item_lines = getattr(groups, "lines", [0] * len(groups))
    for item, line in zip(groups, item_lines, strict=True):
        config.groups.append(_build_group(item, shown, line + 1, config.problems))
    aliases = data.get("aliases") or {}
    if not isinstance(aliases, dict):
        raise KpssError(
            _("'aliases' must map a name to the name it stands for"), shown, lines.get("aliases", 0) + 1
        )
    config.aliases = {person_key(str(old)): str(new) for old, new in aliases.items() if new}
    config.emails = _emails(data, shown, lines)
    return config


def _build_group(item: Any, shown: str, line: int, problems: list[Problem]) -> GroupConfig:
    if isinstance(item, str):
        item = {"name": item}
    if not isinstance(item, dict) or not (item.get("name") or item.get("slug")):
        raise KpssError(_("a group needs at least a 'name' or a 'slug'"), shown, line)
    name = str(item.get("name") or item["slug"])
    slug = slugify(str(item.get("slug") or name))
    if not slug:
        raise KpssError(
            _("group '{name}' needs a slug made of letters or digits").format(name=name), shown, line
        )
    members = item.get("members") or []
    if not isinstance(members, list):
        raise KpssError(_("the members of group '{name}' must be a list").format(name=name), shown, line)
    known = {"slug", "name", "folder", "members", "manager", "place", "time", "schedule", "quorum"}
    key_lines: dict[str, int] = getattr(item, "lines", {})
    member_lines = [at + 1 for at in getattr(members, "lines", [])] or [line] * len(members)
    memberships = [
        found
        for member, at in zip(members, member_lines, strict=True)
        if member and (found := _membership(member, name, shown, at, problems)) is not None
    ]
    quorum = None
    if "quorum" in item:
        quorum = _quorum(item["quorum"], shown, key_lines.get("quorum", line - 1) + 1, problems)
    time = _text(item.get("time"))
    if time is not None:
        time = parse_time(time)
        if time is None:
            raise KpssError(
                _("the time of group '{name}' is not a time: {time!r} (write 14:00 or 14:00-16:00)").format(
                    name=name, time=item["time"]
                ),
                shown,
                line,
            )
    return GroupConfig(
        slug=slug,
        name=name,
        folder=_folder(item.get("folder"), slug, name, shown, line),
        members=list(dict.fromkeys(m.written for m in memberships)),
        manager=_text(item.get("manager")),
        place=_text(item.get("place")),
        time=time,
        schedule=item.get("schedule"),
        extra={k: v for k, v in item.items() if k not in known},
        line=line,
        memberships=memberships,
        quorum=quorum,
    )


# The keys of a member mapping (FORMAT.md 1.1), with their Czech aliases.
MEMBER_KEYS = {
    fold(alias): key
    for key, aliases in {
        "name": ("name", "jméno"),
        "org": ("org", "organizace"),
        "role": ("role", "funkce"),
        "voting": ("voting", "hlasuje", "hlasovací právo"),
        "from": ("from", "od"),
        "to": ("to", "do"),
        "email": ("email",),
    }.items()
    for alias in aliases
}
_NO = frozenset(("false", "no", "ne", "0"))
_YES = frozenset(("true", "yes", "ano", "1"))


def _membership(member: Any, group: str, shown: str, line: int, problems: list[Problem]) -> Membership | None:
    """A member of kpss.yaml: `Name`, `Name (Organisation)`, or a mapping (name, org, role,
    voting, from, to). A bad one is a problem of kpss.yaml; the rest of it still holds."""
    from ..core.i18n import _  # here: a warm `kpss tasks` reads no member mapping

    if not isinstance(member, dict):
        written, _sep, org = str(member).strip().partition(" (")
        org = org.rstrip(")").strip() if org else ""
        return Membership(written.strip(), org or None, source=shown, line=line)
    fields = {MEMBER_KEYS.get(fold(str(k)), str(k)): v for k, v in member.items()}
    name = _text(fields.get("name"))
    if not name:
        problems.append(
            Problem(
                shown,
                line,
                "error",
                "bad-membership",
                _("a member of {group} has no 'name'").format(group=group),
            )
        )
        return None
    voting_text = str(fields.get("voting", True)).strip().lower()
    if voting_text not in _NO | _YES:
        problems.append(
            Problem(
                shown, line, "error", "bad-membership",
                _("'voting' of {name} must be true or false, not {value!r}").format(
                    name=name, value=fields.get("voting")
                ),
            )
        )  # fmt: skip
        return None
    dates: dict[str, dt.date | None] = {}
    for key in ("from", "to"):
        value = fields.get(key)
        if value is None or value == "":
            dates[key] = None
            continue
        dates[key] = parse_date(str(value))
        if dates[key] is None:
            problems.append(
                Problem(
                    shown, line, "error", "bad-membership",
                    _("'{key}' of {name} is not a date: {value!r} (write 2026-01-31)").format(
                        key=key, name=name, value=value
                    ),
                )
            )  # fmt: skip
            return None
    start, end = dates["from"], dates["to"]
    if start is not None and end is not None and end < start:
        problems.append(
            Problem(
                shown, line, "error", "bad-membership",
                _("the membership of {name} in {group} ends ({end}) before it starts ({start})").format(
                    name=name, group=group, end=end.isoformat(), start=start.isoformat()
                ),
            )
        )  # fmt: skip
        return None
    return Membership(
        name,
        _text(fields.get("org")),
        _text(fields.get("role")),
        voting_text not in _NO,
        start,
        end,
        shown,
        line,
    )


def _quorum(value: Any, shown: str, line: int, problems: list[Problem]) -> float | None:
    """`quorum` as a share: `0.5`, `0,6`, `60 %`, `2/3`; a bad one is a problem (and the default holds)."""
    share = quorum_share(value)
    if share is None:
        from ..core.i18n import _  # here: only a bad quorum needs a message

        problems.append(
            Problem(
                shown, line, "error", "bad-quorum",
                _("quorum must be a share of the voting members such as 0.5, 60 % or 2/3, not {value!r}").format(
                    value=value
                ),
            )
        )  # fmt: skip
    return share


def quorum_share(value: Any) -> float | None:
    """A share between 0 and 1 (`0.5`, `0,6`, `60 %`, `2/3`), or None when `value` is none."""
    text = str(value).strip().replace(",", ".").replace(" ", "")
    try:
        if text.endswith("%"):
            share = float(text[:-1]) / 100
        elif "/" in text:
            numerator, denominator = text.split("/", 1)
            share = float(numerator) / float(denominator)
        else:
            share = float(text)
    except (ValueError, ZeroDivisionError):
        return None
    return share if 0 <= share < 1 else None


def _folder(value: Any, slug: str, name: str, shown: str, line: int) -> str:
    folder = str(value or slug).replace("\\", "/").rstrip("/")
    parts = folder.split("/")
    if folder.startswith("/") or ".." in parts or ":" in folder:
        raise KpssError(
            _("the folder of group '{name}' must be a path inside the archive, not {folder!r}").format(
                name=name, folder=folder
            ),
            shown,
            line,
        )
    if any(part.startswith(".") for part in parts) or parts[0] in SKIPPED_FOLDERS:
        # kpss never reads minutes there: new minutes written there would be lost to it.
        raise KpssError(
            _(
                "the folder of group '{name}' cannot be {folder!r}: kpss reads no minutes in hidden folders or in {skipped_folders}"
            ).format(name=name, folder=folder, skipped_folders=", ".join(sorted(SKIPPED_FOLDERS))),
            shown,
            line,
        )
    return folder


def _emails(data: dict[str, Any], shown: str, lines: dict[str, int]) -> dict[str, str]:
    """People's e-mail addresses, by name as kpss.yaml writes it: `email` on an entry of
    `people` (a mapping of names to entries, or a list of entries with `name`) and on a
    member mapping of a group. An entry of `people` may also be the address alone."""
    found: dict[str, str] = {}
    people = data.get("people") or {}
    if isinstance(people, list):
        entries = [(p.get("name"), p) for p in people if isinstance(p, dict)]
    elif isinstance(people, dict):
        entries = list(people.items())
    else:
        raise KpssError(
            _("'people' must map a name to its entry (such as {email: ...})"),
            shown,
            lines.get("people", 0) + 1,
        )
    for name, entry in entries:
        address = entry.get("email") if isinstance(entry, dict) else entry
        if name and isinstance(address, str) and address.strip():
            found[str(name).strip()] = address.strip()
    for group in data.get("groups") or []:
        members = group.get("members") if isinstance(group, dict) else None
        for member in members if isinstance(members, list) else []:
            if isinstance(member, dict) and member.get("name") and isinstance(member.get("email"), str):
                found.setdefault(str(member["name"]).strip(), member["email"].strip())
    return found
