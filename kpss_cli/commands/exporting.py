"""What `kpss export` does (commands/export.py declares it for Typer; the quick path,
quick.py, calls the same function): the archive (or several) as one dataset for analysts
(docs/export.md)."""

from __future__ import annotations

import os
from pathlib import Path

from ..core.errors import ExitStatus, KpssError
from ..core.i18n import _
from ..output.console import progress_bar
from .shared import load, may_build, report, settings

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from ..export.rows import Made
    from ..export.write import Spill

Folder = str | os.PathLike[str]


def export_archives(
    *,
    target: Folder,
    to: str,
    archive: Folder | list[Path] | None = None,
    name: str | list[str] | None = None,
    force: bool = False,
    append: bool = False,
) -> int:
    """Write the export of kind `to` at `target` of the archive (or the archives: a list,
    each named by `name` in order), as `kpss export` does."""
    from ..export.kept import find as find_kept
    from ..export.write import export as write_export
    from ..export.write import export_time

    target = Path(target)
    archives = archive if isinstance(archive, list) else None if archive is None else [Path(archive)]
    names = name if isinstance(name, list) else None if name is None else [name]
    if force and append:
        raise KpssError(_("--force and --append exclude each other: replace the export, or add to it"))
    folders: list[Path | None] = list(archives) if archives else [None]
    if names and len(names) != len(folders):
        raise KpssError(
            _("give --name once per --archive: {names_count} names for {folders_count} archives").format(
                names_count=len(names), folders_count=len(folders)
            )
        )
    exported_at = export_time()
    errors = False
    may_build()  # the index built without the records where it has no snapshot to bring up to date

    def produce(spill: Spill) -> None:
        # The rows are made: not when a kept export is copied.
        from ..export.tables import archive_rows
        from ..store.loading import Records, stream_records

        nonlocal errors
        seen: dict[str, str] = {}

        def named(name: str, shown_root: str) -> None:
            if name in seen:
                raise KpssError(
                    _(
                        "two archives are named {name!r} ({seen} and {shown_root}); tell them apart with --name"
                    ).format(name=name, seen=seen[name], shown_root=shown_root)
                )
            seen[name] = shown_root

        for number, folder in enumerate(folders):
            given = names[number] if names else None
            if settings["no_cache"]:
                # Each file's rows made where it is parsed, no record held (export/cold.py).
                from ..export.cold import cold_rows

                cold = cold_rows(folder, given, exported_at, spill.add, spill.drop, progress_bar())
                if cold is not None:
                    report(cold.head.problems)
                    errors = errors or cold.head.has_errors
                    named(cold.name, cold.head.shown_root)
                    continue
            # From the index a record at a time when it holds the archive as it is, else loaded.
            records = None if settings["no_cache"] else stream_records(folder)
            if records is None:
                records = Records.of(load(folder))
            else:
                report(records.head.problems)
            try:
                head = records.head
                errors = errors or head.has_errors
                name = given if given is not None else Path(head.root).name
                named(name, head.shown_root)
                archive_rows(records, name, exported_at, spill.add)
            finally:
                records.close()
            del records

    # One archive, exported afresh: the last export of this kind kept beside its index is
    # copied when the archive is as it was (export/kept.py), else it is written and kept.
    # Else, for JSON Lines, its rows' text as the index keeps them (export/rows.py), the rows of
    # the files changed since made again.
    kept = None
    made = None
    used: list[Made] = []
    if len(folders) == 1 and not append and settings["no_cache"] and to == "jsonl":

        def made(folder: Path, whole: bool) -> Made | None:
            # Each file's rows made into their text where it is parsed (export/cold.py).
            from ..export.cold import cold_text

            found = cold_text(folders[0], names[0] if names else None, exported_at, folder, progress_bar())
            if found is not None:
                used.append(found)
            return found

    elif len(folders) == 1 and not append and not settings["no_cache"]:
        looked = find_kept(folders[0], to, names[0] if names else None, target)
        kept, walked = looked if looked is not None else (None, None)  # walked: the walk find_kept made
        del looked

        def made(folder: Path, whole: bool) -> Made | None:
            from ..export.rows import from_index

            nonlocal walked
            # After a change, the kept export to splice from (splice.py); not when it is of the
            # archive as it is and was not served (its bytes are not those signed).
            spliceable = not whole and to == "jsonl" and kept is not None and kept.entry is None
            splice_from = kept if spliceable else None
            found = from_index(
                folders[0], names[0] if names else None, exported_at, folder, walked, splice_from
            )
            walked = None  # not held while the export is written
            if found is not None:
                used.append(found)
            return found

    counts = write_export(
        to, target, produce, replace=force, append=append, exported_at=exported_at, kept=kept, made=made
    )
    if kept is not None and kept.used and kept.head is not None:
        report(kept.head.problems)
        errors = kept.head.has_errors
    for found in used:
        report(found.head.problems)
        errors = found.head.has_errors
    summary = ", ".join(f"{table} {count}" for table, count in counts.items())
    print(f"{target}: {summary}")
    return ExitStatus.USER_ERROR if errors else ExitStatus.OK
