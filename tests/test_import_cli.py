"""`kpss import` as users run it: seeds of real minutes into an archive, never overwriting."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from .conftest import SHARED, SHARED_MISSING, Invoke, write

SEEDS = sorted((SHARED / "seeds").glob("*.txt"))


@pytest.fixture
def documents(tmp_path: Path) -> Path:
    if not SEEDS:
        pytest.skip(SHARED_MISSING)
    folder = tmp_path / "legacy"
    folder.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
    return folder


def test_seeds_dry_run_writes_nothing_and_shows_the_records(
    invoke: Invoke, tmp_path: Path, documents: Path
) -> None:
    archive = tmp_path / "new"
    invoke("init", str(archive), "--example")
    before = sorted(p.relative_to(archive) for p in archive.rglob("*"))
    result = invoke("import", str(documents), "--dry-run", "--format", "json", "-a", str(archive))
    assert result.exit_code == 2, result.stderr  # seed 003 is not minutes: refused
    records = json.loads(result.stdout)
    assert sorted(p.relative_to(archive) for p in archive.rglob("*")) == before
    by_date = {r.get("date"): r for r in records}
    assert len(records) == 4
    assert by_date["2021-12-15"]["place"] == "on-line"
    assert [t["due"] for t in by_date["2021-12-15"]["tasks"]] == ["01/21", "01-02/21"]
    assert by_date["2017-03-15"]["recorder"]["name"] == "K. Marcinková"
    assert by_date["2011-12-20"]["attendance_sheet"] is True
    assert "kpss: warning: " in result.stderr
    assert f"kpss: error: {documents / SEEDS[3].name}: this does not look like minutes" in result.stderr


def test_a_dry_run_says_what_a_real_run_would_refuse(invoke: Invoke, archive: Path, documents: Path) -> None:
    # The archive already has ridici/2021-12-15.md, the date of seed 004.
    result = invoke(
        "import", str(documents / SEEDS[4].name), "--group", "ridici", "--dry-run", "-a", str(archive)
    )
    assert result.exit_code == 2
    assert f"kpss: error: {archive}/ridici/2021-12-15.md already exists; nothing was written" in result.stderr


def test_import_never_overwrites(invoke: Invoke, tmp_path: Path, documents: Path) -> None:
    archive = tmp_path / "new"
    invoke("init", str(archive), "--example")
    first = invoke("import", str(documents / SEEDS[4].name), "--group", "ridici", "-a", str(archive))
    assert first.exit_code == 0 and "ridici-skupina/2021-12-15.md" in first.stdout
    path = archive / "ridici-skupina/2021-12-15.md"
    before = path.read_bytes()
    record = json.loads(invoke("show", "ridici-skupina/2021-12-15", "-a", str(archive), "-f", "json").stdout)
    assert (record["group"], record["status"], len(record["present"]), len(record["tasks"])) == (
        "Řídicí skupina",
        "draft",
        6,
        2,
    )
    second = invoke("import", str(documents / SEEDS[4].name), "--group", "ridici", "-a", str(archive))
    assert second.exit_code == 2
    assert (
        f"kpss: error: {archive}/ridici-skupina/2021-12-15.md already exists; nothing was written"
        in second.stderr
    )
    assert path.read_bytes() == before


def test_a_document_that_is_not_minutes_is_refused_and_nothing_written(
    invoke: Invoke, tmp_path: Path, documents: Path
) -> None:
    archive = tmp_path / "new"
    invoke("init", str(archive), "--example")
    before = sorted(archive.rglob("*.md"))
    result = invoke("import", str(documents / SEEDS[3].name), "-a", str(archive))  # not minutes
    assert result.exit_code == 2
    assert "this does not look like minutes" in result.stderr and "--force --group" in result.stderr
    assert sorted(archive.rglob("*.md")) == before


def test_one_bad_document_does_not_stop_the_others(invoke: Invoke, tmp_path: Path, documents: Path) -> None:
    archive = tmp_path / "new"
    invoke("init", str(archive), "--example")
    old = write(tmp_path / "zapis.wpd", "WordPerfect")
    result = invoke("import", str(old), str(documents / SEEDS[1].name), "-a", str(archive))
    assert result.exit_code == 2
    assert f"kpss: error: {old}: cannot import .wpd: supported are" in result.stderr
    assert (archive / "ridici-pracovni-skupina/2017-03-15.md").exists()
