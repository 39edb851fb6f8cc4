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


def test_dry_run_json_shows_every_field_of_minutes_it_would_refuse_for_a_missing_date(
    invoke: Invoke, tmp_path: Path
) -> None:
    archive = tmp_path / "new"
    invoke("init", str(archive))
    undated = write(
        tmp_path / "bez-data.txt",
        "Zápis z jednání pracovní skupiny Senioři\n\nPřítomni: Jana Nová, Petr Malý\n\n"
        "Úkol pro paní Novou: svolat schůzku do 18. 6.\n\nZapsala: Jana Nová\n",
    )
    report = write(tmp_path / "zprava.txt", "Na jednání bylo přítomných pět členů, dva se omluvili.\n")
    result = invoke("import", str(undated), str(report), "--dry-run", "--format", "json", "-a", str(archive))
    assert result.exit_code == 2
    assert f"kpss: error: {undated}: no meeting date found; nothing was written" in result.stderr
    assert f"kpss: error: {report}: this does not look like minutes" in result.stderr
    [record] = json.loads(result.stdout)  # the report is not shown: it is not minutes
    assert (record["date"], record["path"], record["id"]) == (None, None, None)
    assert record["group"].endswith("Senioři")  # the group of kpss.yaml it names
    assert [p["name"] for p in record["present"]] == ["Jana Nová", "Petr Malý"]
    assert record["recorder"]["name"] == "Jana Nová"
    assert [(t["owner"], t["due"], t["deadline"]) for t in record["tasks"]] == [("paní Nová", "18. 6.", None)]
    assert record["next_meeting"] is None and record["time"] is None and record["place"] is None
    assert "2000" not in record["body"]
    assert not list(archive.rglob("undated-*.md"))
    # Without --format json nothing of it is shown: a plain dry run lists what it would write.
    plain = invoke("import", str(undated), "--dry-run", "-a", str(archive))
    assert plain.exit_code == 2 and "would import 0 of 1 documents" in plain.stdout


@pytest.mark.skipif(not hasattr(__import__("os"), "openpty"), reason="needs a pseudo-terminal")
def test_a_folder_import_draws_its_progress_bar_on_stderr_and_one_bad_file_stops_nothing(
    invoke: Invoke, tmp_path: Path
) -> None:
    import os
    import select
    import subprocess
    import sys

    archive = tmp_path / "new"
    invoke("init", str(archive))
    folder = tmp_path / "legacy"
    folder.mkdir()
    for day in range(1, 7):
        write(
            folder / f"z{day}.txt",
            f"Zápis z jednání pracovní skupiny Senioři\nDne {day}. 3. 2021\nPřítomni: Jana Nová\n",
        )
    (folder / "poskozeny.docx").write_bytes(b"not a zip")  # sorted first: it must not stop the rest
    master, terminal = os.openpty()  # stderr is a terminal, stdout a pipe (`kpss import … > out.json`)
    process = subprocess.Popen(
        [sys.executable, "-m", "kpss_cli", "import", str(folder), "-f", "json", "-a", str(archive)],
        stdout=subprocess.PIPE,
        stderr=terminal,
        env={**os.environ, "COLUMNS": "100", "KPSS_TODAY": "2021-04-01"},
    )
    os.close(terminal)
    shown = b""
    while True:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the terminal closed with the process
                break
            if not chunk:
                break
            shown += chunk
        elif process.poll() is not None:
            break
    assert process.stdout is not None
    stdout = process.stdout.read().decode("utf-8")
    assert process.wait() == 2
    os.close(master)
    text = shown.decode("utf-8", errors="replace")
    assert "Importing" in text and "━" in text  # the bar, on stderr
    assert f"kpss: error: {folder / 'poskozeny.docx'}: " in text
    records = json.loads(stdout)  # nothing of the bar on stdout
    assert [r["date"] for r in records] == [f"2021-03-0{day}" for day in range(1, 7)]
    assert len(list(archive.rglob("2021-03-0*.md"))) == 6


@pytest.mark.parametrize(
    ("attendance", "warning", "not_said"),
    [
        ("Omluveni: Jana Nováková, Petr Dvořák", "nobody present found: fill in `present`", "no attendance"),
        ("", "no attendance found: fill in `present`", "nobody present"),
    ],
)
def test_the_attendance_warning_says_what_is_missing(
    invoke: Invoke, tmp_path: Path, attendance: str, warning: str, not_said: str
) -> None:
    """Minutes naming only the excused are told that nobody present was found, not that no
    attendance was: the excused were read."""
    archive = tmp_path / "new"
    invoke("init", str(archive))
    minutes = tmp_path / "zapis.txt"
    minutes.write_text(
        "Zápis z jednání pracovní skupiny Senioři\nkonaného dne 12. 3. 2025 od 14:00 v zasedací místnosti\n\n"
        f"{attendance}\n\nProgram:\n1. Úvod\n2. Informace z KPSS\n\nZapsala: Marie Svobodová\n",
        encoding="utf-8",
    )
    result = invoke("import", str(minutes), "--dry-run", "-a", str(archive))
    assert result.exit_code == 0, result.stderr
    assert f"kpss: warning: {minutes}: {warning}" in result.stderr
    assert not_said not in result.stderr


def test_minutes_with_a_numbered_title_and_no_day_are_refused_for_the_missing_date(
    invoke: Invoke, tmp_path: Path
) -> None:
    """A transcript that gives the minutes' number and body but no day (`Zápis č. 2/2010 ze zasedání
    ZMM`, then the discussion) is minutes that lack their date: the user is told to add the date, not
    that it is no minutes."""
    archive = tmp_path / "new"
    invoke("init", str(archive))
    numbered = write(
        tmp_path / "zmm.txt",
        "Zápis č. 2/2010 ze zasedání ZMM\n\n1 Zápis č. 2/2010 ze zasedání ZMM Doc. jak je to s investičními "
        "akcemi města? Je dobré se podívat na financování. Ing. řešení je dražší.\n",
    )
    result = invoke("import", str(numbered), "--dry-run", "--format", "json", "-a", str(archive))
    assert result.exit_code == 2
    assert f"kpss: error: {numbered}: no meeting date found; nothing was written" in result.stderr
    assert "does not look like minutes" not in result.stderr
    [record] = json.loads(result.stdout)
    assert (record["date"], record["group"]) == (None, "ZMM")
    assert not any("zmm" in str(path).lower() for path in archive.rglob("*.md"))


def test_a_label_under_a_served_commission_and_the_offices_people_alone_through_the_cli(
    invoke: Invoke, tmp_path: Path
) -> None:
    """`Program jednání` under `… komise při Radě města X` is no name of the commission; those present
    for the office, as the only list, are the present; a bracket of examples stays in the task."""
    archive = tmp_path / "new"
    invoke("init", str(archive))
    before = sorted(archive.rglob("*"))
    minutes = write(
        tmp_path / "komise.txt",
        "Zápis z jednání komise při Radě města Litoměřice\nProgram jednání\n\nkonané dne 3. 5. 2022 od 15:00\n\n"
        "Přítomni za OÚ: Jan Novák – starosta, Petra Malá, Eva Horká\n\n"
        "Úkoly:\n- Zajistit propagaci (letáky, plakáty, web)\n",
    )
    result = invoke("import", str(minutes), "--dry-run", "--format", "json", "-a", str(archive))
    assert result.exit_code == 0, result.stderr
    [record] = json.loads(result.stdout)
    assert record["group"] == "Komise při Radě města Litoměřice"
    assert [p["name"] for p in record["present"]] == ["Jan Novák", "Petra Malá", "Eva Horká"]
    assert record["guests"] == []
    assert [(t["task"], t["owner"]) for t in record["tasks"]] == [
        ("Zajistit propagaci (letáky, plakáty, web)", None)
    ]
    assert "kpss: warning: " in result.stderr and "Program" not in result.stderr
    assert sorted(archive.rglob("*")) == before  # a dry run writes nothing


def test_a_commissions_own_name_under_its_title_is_written_as_a_guess(invoke: Invoke, tmp_path: Path) -> None:
    archive = tmp_path / "new"
    invoke("init", str(archive))
    minutes = write(
        tmp_path / "komise.txt",
        "Zápis z jednání komise při Radě města Litoměřice\nZdravého města a místní Agendy 21\n\n"
        "konané dne 3. 5. 2022\n\nPřítomni: Jan Novák, Petra Malá\n",
    )
    dry = invoke("import", str(minutes), "--dry-run", "--format", "json", "-a", str(archive))
    assert dry.exit_code == 0, dry.stderr
    assert json.loads(dry.stdout)[0]["group"] == "Komise Zdravého města a místní Agendy 21"
    result = invoke("import", str(minutes), "-a", str(archive))
    assert result.exit_code == 0, result.stderr
    [written] = archive.rglob("2022-05-03.md")
    assert (
        "group: Komise Zdravého města a místní Agendy 21  # kpss: odhad – the commission's own name from the "
        "line under the title" in written.read_text(encoding="utf-8")
    )
