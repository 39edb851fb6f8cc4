"""The archive as a whole: discovery, status over time, `do příštího jednání`, the Python API."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kpss_cli import load_archive
from kpss_cli.core.errors import KpssError

from .conftest import minutes, write


def test_python_api_loads_records_and_tasks(archive: Path) -> None:
    loaded = load_archive(archive)
    assert [m.id for m in loaded.minutes] == [
        "ridici/2021-12-15",
        "seniori/2022-01-10",
        "ridici/2022-01-19",
        "seniori/2022-03-14",
    ]
    assert len(loaded.tasks) == 8
    assert loaded.task("ridici/2021-12-15#2").status == "cancelled"


def test_hidden_folders_templates_and_files_without_front_matter_are_skipped(archive: Path) -> None:
    loaded = load_archive(archive)
    assert all(not m.path.startswith((".hidden", "templates")) for m in loaded.minutes)
    assert "README" not in {m.id for m in loaded.minutes}
    assert loaded.problems == [p for p in loaded.problems if "README" not in p.path]


def test_latest_meeting_wins_then_file_id(tmp_path: Path) -> None:
    write(tmp_path / "a/2022-01-01.md", minutes("group: A\ndate: 2022-01-01\ntasks: [{task: T}]"))
    # Same date: the later file id (b/... after a/...) wins; a later date wins over both.
    write(tmp_path / "a/2022-02-01.md", minutes("group: A\ndate: 2022-02-01", "- [x] a/2022-01-01#1\n"))
    write(tmp_path / "b/2022-02-01.md", minutes("group: B\ndate: 2022-02-01", "- [-] a/2022-01-01#1\n"))
    assert load_archive(tmp_path).task("a/2022-01-01#1").status == "cancelled"
    write(tmp_path / "a/2022-03-01.md", minutes("group: A\ndate: 2022-03-01", "- [ ] a/2022-01-01#1 trvá\n"))
    task = load_archive(tmp_path).task("a/2022-01-01#1")
    assert task.status == "open"
    assert [(c.minutes_id, c.status) for c in task.history] == [
        ("a/2022-01-01", "open"),
        ("a/2022-02-01", "done"),
        ("b/2022-02-01", "cancelled"),
        ("a/2022-03-01", "open"),
    ]


def test_file_names_do_not_decide_the_order_meeting_dates_do(tmp_path: Path) -> None:
    write(tmp_path / "g/t.md", minutes("group: G\ndate: 2022-01-01\ntasks: [{task: T}]"))
    write(
        tmp_path / "g/zzz.md", minutes("group: G\ndate: 2022-02-01\nupdates: [{id: 'g/t#1', status: done}]")
    )
    write(
        tmp_path / "g/aaa.md", minutes("group: G\ndate: 2022-03-01\nupdates: [{id: 'g/t#1', status: open}]")
    )
    assert load_archive(tmp_path).task("g/t#1").status == "open"


def test_an_update_before_the_task_was_set_does_not_apply(tmp_path: Path) -> None:
    write(tmp_path / "g/2022-02-01.md", minutes("group: G\ndate: 2022-02-01\ntasks: [{task: T}]"))
    write(tmp_path / "g/2022-01-01.md", minutes("group: G\ndate: 2022-01-01", "- [x] g/2022-02-01#1\n"))
    loaded = load_archive(tmp_path)
    assert loaded.task("g/2022-02-01#1").status == "open"
    assert [u.id for _, u in loaded.unmatched_updates] == ["g/2022-02-01#1"]


def test_checklist_can_name_an_explicit_task_id(tmp_path: Path) -> None:
    write(tmp_path / "g/2022-01-01.md", minutes("group: G\ndate: 2022-01-01\ntasks: [{id: KP-7, task: T}]"))
    write(
        tmp_path / "g/2022-02-01.md", minutes("group: G\ndate: 2022-02-01", "- [x] KP-7 hotovo\n- [x] jiné\n")
    )
    loaded = load_archive(tmp_path)
    assert loaded.task("KP-7").status == "done"
    assert loaded.unmatched_updates == []


def test_next_meeting_deadline_from_the_minutes_else_from_the_next_minutes(tmp_path: Path) -> None:
    due = "tasks: [{task: T, due: do příštího jednání}]"
    write(
        tmp_path / "g/2022-01-01.md",
        minutes(f"group: G\ndate: 2022-01-01\nnext_meeting: 2022-01-20 14:00\n{due}"),
    )
    write(tmp_path / "g/2022-02-01.md", minutes(f"group: G\ndate: 2022-02-01\n{due}"))
    write(tmp_path / "h/2022-02-15.md", minutes("group: H\ndate: 2022-02-15"))  # another group
    write(tmp_path / "g/2022-03-01.md", minutes(f"group: G\ndate: 2022-03-01\n{due}"))
    loaded = load_archive(tmp_path)
    deadlines = [loaded.task(f"g/{d}#1").deadline for d in ("2022-01-01", "2022-02-01", "2022-03-01")]
    assert deadlines == [dt.date(2022, 1, 20), dt.date(2022, 3, 1), None]
    assert loaded.task("g/2022-03-01#1").days_overdue(dt.date(2030, 1, 1)) is None


def test_duplicate_task_ids_are_errors(tmp_path: Path) -> None:
    write(tmp_path / "g/a.md", minutes("group: G\ndate: 2022-01-01\ntasks: [{id: X, task: A}]"))
    write(tmp_path / "g/b.md", minutes("group: G\ndate: 2022-02-01\ntasks: [{id: X, task: B}]"))
    loaded = load_archive(tmp_path)
    assert [(p.path, p.line, p.code) for p in loaded.problems] == [
        (f"{tmp_path}/g/b.md", 4, "duplicate-task-id")
    ]
    assert loaded.task("X").text == "A"


def test_the_archive_is_found_upwards_from_the_current_folder(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(archive / "seniori")
    loaded = load_archive()
    assert loaded.root == archive.resolve()
    assert loaded.shown_root == ".."
    assert len(loaded.minutes) == 4


def test_without_kpss_yaml_no_folder_is_taken_for_an_archive(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As git finds a repository: a folder is an archive by its kpss.yaml (#22), or when named."""
    write(tmp_path / "g/2022-01-01.md", minutes("group: G\ndate: 2022-01-01"))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(KpssError, match=r"no archive here: .* start one with `kpss init`"):
        load_archive()
    assert not (tmp_path / ".kpss").exists()
    assert [m.id for m in load_archive(tmp_path).minutes] == ["g/2022-01-01"]


def test_a_missing_archive_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(KpssError, match="archive folder not found"):
        load_archive(tmp_path / "nowhere")


def test_aliases_in_kpss_yaml_join_old_and_new_names(archive: Path) -> None:
    loaded = load_archive(archive)
    people = {p.key for m in loaded.minutes for p in m.present}
    assert "olga novakova" not in people and "olga merglova" in people


def test_a_link_to_minutes_inside_the_archive_is_not_read_twice(tmp_path: Path) -> None:
    target = write(tmp_path / "g/2022-01-01.md", minutes("group: G\ndate: 2022-01-01"))
    (tmp_path / "other").mkdir()
    (tmp_path / "other/link.md").symlink_to(target)
    loaded = load_archive(tmp_path)
    assert [m.id for m in loaded.minutes] == ["g/2022-01-01"]
    assert loaded.problems == []


def test_the_walk_keeps_of_each_file_what_kpss_reads_of_its_stat(tmp_path: Path) -> None:
    """A walk holds one record per file (issue #25's memory bar: not a whole os.stat_result):
    the kind, size, times and inode of the file's own lstat, a link's own ones for a link."""
    import os
    import stat

    from kpss_cli.store.archive import FileStat, walk_files

    write(tmp_path / "seniori" / "2025-01-10.md", minutes("group: seniori\ndate: 2025-01-10"))
    (tmp_path / "seniori" / "odkaz.md").symlink_to(tmp_path / "seniori" / "2025-01-10.md")
    found = dict(walk_files(tmp_path))
    assert sorted(found) == ["seniori/2025-01-10.md", "seniori/odkaz.md"]
    for rel, own in found.items():
        expected = os.lstat(tmp_path / rel)
        assert isinstance(own, FileStat) and not hasattr(own, "__dict__")
        assert (own.st_mode, own.st_size, own.st_mtime_ns, own.st_ctime_ns, own.st_ino) == (
            expected.st_mode,
            expected.st_size,
            expected.st_mtime_ns,
            expected.st_ctime_ns,
            expected.st_ino,
        )
    assert stat.S_ISLNK(found["seniori/odkaz.md"].st_mode)
