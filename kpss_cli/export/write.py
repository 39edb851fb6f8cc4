"""Writing an export: SQLite (one file), Parquet or JSON Lines (a folder of one file per table
and a manifest). Every export is written beside its target under a temporary name and renamed
into place when complete, so a half-written export never replaces a good one."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import sqlite3
import tempfile
from operator import itemgetter
from pathlib import Path
from typing import Any

from ..core.errors import KpssError, os_reason
from ..core.i18n import _
from ..store.safefile import sync_folder
from .schema import BY_NAME, SCHEMA_VERSION, TABLES, sqlite_ddl
from .tables import Rows, empty

KINDS = ("sqlite", "parquet", "jsonl")
MANIFEST = "kpss-export.json"  # in a Parquet or JSON Lines folder: schema version, archives, tables
SQLITE_HEADER = b"SQLite format 3\x00"


def export(
    kind: str, target: Path, rows: Rows, *, replace: bool, append: bool, exported_at: str
) -> dict[str, int]:
    """Write `rows` as an export of `kind` at `target`; return how many rows each table of the
    export holds (with `append`, those it held before too). An existing target is refused
    unless `replace` (it is then swapped for the new one) or `append` (the new rows are added
    to a copy of it); an empty folder is as good as none."""
    target = target.absolute()
    parent = target.parent
    if not parent.is_dir():
        raise KpssError(
            _("cannot write {target}: the folder {parent} does not exist").format(
                target=target, parent=parent
            )
        )
    exists = target.exists() or target.is_symlink()
    if exists and kind != "sqlite" and target.is_dir() and not any(target.iterdir()):
        exists = False  # made ready for the export (`mkdir export`): written into, as if new
    if exists:
        _check_is_export(kind, target)
        if not (replace or append):
            raise KpssError(
                _("{target} already exists; add --force to replace it or --append to add to it").format(
                    target=target
                )
            )
    rows = _in_key_order(rows)
    try:
        if kind == "sqlite":
            return _write_sqlite(target, rows, append and exists)
        return _write_folder(kind, target, rows, append and exists, exported_at)
    except OSError as exc:
        raise KpssError(
            _("cannot write {target}: {reason}").format(target=target, reason=os_reason(exc))
        ) from None


def _in_key_order(rows: Rows) -> Rows:
    """Each table's rows sorted by its primary key: SQLite inserts them a quarter faster (its
    key index grows at one end), and every export of one archive lists them in one order."""
    return {
        table.name: sorted(rows[table.name], key=itemgetter(*(table.names.index(c) for c in table.key)))
        for table in TABLES
    }


def _check_is_export(kind: str, target: Path) -> None:
    """Refuse to replace or add to anything but an export of this kind."""
    if kind == "sqlite":
        if target.is_dir():
            raise KpssError(_("{target} is a folder; an SQLite export is one file").format(target=target))
        try:
            with open(target, "rb") as handle:
                header = handle.read(len(SQLITE_HEADER))
        except OSError as exc:
            raise KpssError(
                _("cannot read {target}: {reason}").format(target=target, reason=os_reason(exc))
            ) from None
        if header != SQLITE_HEADER or _sqlite_version(target) is None:
            raise KpssError(
                _("{target} is not a kpss export; kpss replaces or adds only to its own").format(
                    target=target
                )
            )
        return
    if not target.is_dir():
        raise KpssError(
            _("{target} is not a folder; a {kind} export is a folder of files").format(
                target=target, kind=kind
            )
        )
    if any(target.iterdir()) and not (target / MANIFEST).is_file():
        raise KpssError(
            _("{target} is not a kpss export (no {manifest}); kpss replaces or adds only to its own").format(
                target=target, manifest=MANIFEST
            )
        )


def _sqlite_version(path: Path) -> int | None:
    """The schema version of the kpss export at `path`, or None when it is not one."""
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            (version,) = db.execute("PRAGMA user_version").fetchone()
            names = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error:
        return None
    return int(version) if "archives" in names and version else None


def _archive_names(rows: Rows) -> list[str]:
    return [row[0] for row in rows["archives"]]


def _refuse_twice(old: list[str], new: list[str], target: Path) -> None:
    if twice := sorted(set(old) & set(new)):
        raise KpssError(
            _("{target} already holds the archive {twice}; export it again without --append").format(
                target=target, twice=", ".join(twice)
            )
        )


def _temporary(target: Path, folder: bool) -> Path:
    """A new file or folder beside `target`, with the permissions the umask gives new ones
    (tempfile makes them private)."""
    prefix = f".{target.name}."
    mask = os.umask(0o22)
    os.umask(mask)
    if folder:
        path = Path(tempfile.mkdtemp(prefix=prefix, suffix=".tmp", dir=target.parent))
        path.chmod(0o777 & ~mask)
        return path
    handle, name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=target.parent)
    os.close(handle)
    Path(name).chmod(0o666 & ~mask)
    return Path(name)


def _write_sqlite(target: Path, rows: Rows, append: bool) -> dict[str, int]:
    temporary = _temporary(target, folder=False)
    try:
        if append:
            version = _sqlite_version(target)
            if version != SCHEMA_VERSION:
                raise KpssError(
                    _("{target} has schema version {version}; kpss writes {schema_version}").format(
                        target=target, version=version, schema_version=SCHEMA_VERSION
                    )
                )
            shutil.copyfile(target, temporary)
        with contextlib.closing(sqlite3.connect(temporary)) as db:
            db.execute("PRAGMA journal_mode = OFF")  # a temporary file: renamed into place when whole
            db.execute("PRAGMA synchronous = OFF")
            if append:
                old = [name for (name,) in db.execute("SELECT archive FROM archives")]
                _refuse_twice(old, _archive_names(rows), target)
            else:
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                for table in TABLES:
                    db.execute(sqlite_ddl(table)[0])
            with db:
                for table in TABLES:
                    marks = ", ".join("?" * len(table.columns))
                    db.executemany(f"INSERT INTO {table.name} VALUES ({marks})", rows[table.name])
            if not append:
                for table in TABLES:
                    for statement in sqlite_ddl(table)[1:]:
                        db.execute(statement)
                db.execute("ANALYZE")
            counts = {t.name: db.execute(f"SELECT count(*) FROM {t.name}").fetchone()[0] for t in TABLES}
        _sync(temporary)
        temporary.replace(target)
        sync_folder(target.parent)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return counts


def _sync(path: Path) -> None:
    """Put the file on disk before it is renamed into place."""
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _write_folder(kind: str, target: Path, rows: Rows, append: bool, exported_at: str) -> dict[str, int]:
    if append:
        old = _read_folder(kind, target)
        _refuse_twice(_archive_names(old), _archive_names(rows), target)
        rows = _in_key_order({name: old[name] + rows[name] for name in rows})
    temporary = _temporary(target, folder=True)
    try:
        for table in TABLES:
            path = temporary / f"{table.name}.{kind}"
            if kind == "parquet":
                _write_parquet(path, table.name, rows[table.name], _archive_names(rows), exported_at)
            else:
                _write_jsonl(path, table.name, rows[table.name])
        manifest = {
            "schema_version": SCHEMA_VERSION,
            "format": kind,
            "exported_at": exported_at,
            "archives": _archive_names(rows),
            "tables": {table.name: len(rows[table.name]) for table in TABLES},
        }
        (temporary / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", "utf-8")
        for path in temporary.iterdir():
            _sync(path)
        sync_folder(temporary)
        _swap(temporary, target)
        sync_folder(target.parent)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    return {table.name: len(rows[table.name]) for table in TABLES}


def _swap(temporary: Path, target: Path) -> None:
    """Put the folder `temporary` at `target`. An old export there is first renamed aside and
    removed only once the new one is in place; a folder cannot be renamed over another in one
    step, so for a moment there is no export at `target`, but never a half-written one."""
    if not target.exists():
        temporary.rename(target)
        return
    aside = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
    aside.rmdir()
    target.rename(aside)
    try:
        temporary.rename(target)
    except BaseException:
        aside.rename(target)
        raise
    shutil.rmtree(aside, ignore_errors=True)


def _read_folder(kind: str, target: Path) -> Rows:
    try:
        manifest = json.loads((target / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise KpssError(_("cannot read {target}: {exc}").format(target=target / MANIFEST, exc=exc)) from None
    if manifest.get("schema_version") != SCHEMA_VERSION or manifest.get("format") != kind:
        raise KpssError(
            _(
                "{target} is a {value} export of schema version {value2}; kpss adds only to a {kind} export of version {schema_version}"
            ).format(
                target=target,
                value=manifest.get("format"),
                value2=manifest.get("schema_version"),
                kind=kind,
                schema_version=SCHEMA_VERSION,
            )
        )
    rows = empty()
    for table in TABLES:
        path = target / f"{table.name}.{kind}"
        if kind == "parquet":
            import pyarrow.parquet as pq

            data = pq.read_table(path).to_pylist()
            rows[table.name] = [tuple(_plain(row[c]) for c in table.names) for row in data]
        else:
            with open(path, encoding="utf-8") as handle:
                rows[table.name] = [
                    tuple(json.loads(line)[c] for c in table.names) for line in handle if line.strip()
                ]
    return rows


def _plain(value: Any) -> Any:
    """A value read back from Parquet as the tables give it (dates as ISO text)."""
    return value.isoformat() if hasattr(value, "isoformat") else value


def _write_jsonl(path: Path, name: str, rows: list[tuple[Any, ...]]) -> None:
    names = BY_NAME[name].names
    with open(path, "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False))
            handle.write("\n")


def _arrow_type(kind: str) -> Any:
    import pyarrow as pa

    return {"text": pa.string(), "int": pa.int64(), "date": pa.date32(), "bool": pa.bool_()}[kind]


def _write_parquet(
    path: Path, name: str, rows: list[tuple[Any, ...]], archives: list[str], exported_at: str
) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise KpssError(
            _("--to parquet needs pyarrow: pip install 'kpss[parquet]' (or pip install pyarrow)")
        ) from None
    table = BY_NAME[name]
    columns = []
    for index, column in enumerate(table.columns):
        values = [row[index] for row in rows]
        if column.type == "date":
            values = [dt.date.fromisoformat(v) if v else None for v in values]
        columns.append(pa.array(values, type=_arrow_type(column.type)))
    schema = pa.schema(
        [pa.field(c.name, _arrow_type(c.type), nullable=not c.required) for c in table.columns],
        metadata={
            "kpss.schema_version": str(SCHEMA_VERSION),
            "kpss.table": name,
            "kpss.archives": json.dumps(archives, ensure_ascii=False),
            "kpss.exported_at": exported_at,
            "kpss.primary_key": ",".join(table.key),
        },
    )
    pq.write_table(pa.Table.from_arrays(columns, schema=schema), path, compression="zstd")
