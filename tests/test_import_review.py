"""`kpss import` refuses what is not minutes, never writes what `kpss check` rejects, marks
every guessed value `# kpss: odhad – …`, and lists the guesses with `--report` (issue #19)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import Invoke, write

INVITATION = (
    "Pozvánka\n\nZveme Vás na jednání pracovní skupiny Senioři, které se koná dne 5. 5. 2023 "
    "od 14:00 v zasedací místnosti.\n\nProgram jednání:\n1. Zahájení\n2. Různé\n"
)
TALK = "Projev starosty na konferenci o sociálních službách\n\nVážení přítomní, dne 3. 3. 2022 …\n"
MINUTES = (
    "Zápis z jednání pracovní skupiny Senioři\n\nDne 12. 4. 2023\n\nPřítomni: Olga Merglová, Ing. Pavel Kalous\n\n"
    "Předsedkyně skupiny Mgr. Jana Dobrá přivítala členy a v 14:00 zahájila jednání.\n\n"
    "Úkoly:\n\n1. Pan Kalous zašle do 30. dubna přehled služeb.\n\nZapsala: Olga Merglová\n"
)


def test_documents_that_are_not_minutes_are_refused(invoke: Invoke, archive: Path, tmp_path: Path) -> None:
    before = sorted(archive.rglob("*.md"))
    for name, text in (("pozvanka.txt", INVITATION), ("projev.txt", TALK)):
        result = invoke("import", str(write(tmp_path / name, text)), "-a", str(archive))
        assert result.exit_code == 2, name
        assert "this does not look like minutes" in result.stderr and "nothing was written" in result.stderr
    assert sorted(archive.rglob("*.md")) == before


def test_force_imports_a_note_only_with_a_group_and_a_date(
    invoke: Invoke, archive: Path, tmp_path: Path
) -> None:
    invitation = write(tmp_path / "pozvanka.txt", INVITATION)
    no_group = invoke("import", str(invitation), "--force", "-a", str(archive))
    assert no_group.exit_code == 2 and "needs --group" in no_group.stderr
    undated = write(tmp_path / "projev.txt", "Projev starosty\n\nVážení přítomní …\n")
    result = invoke("import", str(undated), "--force", "--group", "seniori", "-a", str(archive))
    assert result.exit_code == 2 and "no meeting date found" in result.stderr
    forced = invoke("import", str(invitation), "--force", "--group", "seniori", "-a", str(archive))
    assert forced.exit_code == 0, forced.stderr
    (note,) = archive.glob("*/2023-05-05.md")
    assert "kind: note" in note.read_text(encoding="utf-8")
    check = invoke("check", str(note), "-a", str(archive))
    assert check.exit_code == 0, check.stdout


def test_guessed_values_are_marked_and_the_file_passes_check(
    invoke: Invoke, archive: Path, tmp_path: Path
) -> None:
    document = write(tmp_path / "zapis.txt", MINUTES)
    result = invoke("import", str(document), "-a", str(archive))
    assert result.exit_code == 0, result.stderr
    (written,) = archive.glob("*/2023-04-12.md")
    front = written.read_text(encoding="utf-8").split("---")[1]
    marked = [line for line in front.splitlines() if "# kpss: odhad – " in line]
    assert [line.split(":")[0] for line in marked] == ["time", "moderator", "- task"]
    check = invoke("check", str(written), "-a", str(archive))
    assert check.exit_code == 0, check.stdout
    shown = json.loads(invoke("show", str(written), "-a", str(archive), "-f", "json").stdout)
    assert shown["time"] == "14:00" and shown["tasks"][0]["due"] == "30. dubna 2023"


def test_report_lists_the_guesses_per_file(invoke: Invoke, archive: Path, tmp_path: Path) -> None:
    document = write(tmp_path / "zapis.txt", MINUTES)
    result = invoke("import", str(document), "--dry-run", "--report", "-f", "json", "-a", str(archive))
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert {row["field"] for row in rows} == {"time", "moderator", "tasks.1"}
    assert all(row["source"] == str(document) and row["why"] for row in rows)
    moderator = next(row for row in rows if row["field"] == "moderator")
    assert moderator["value"] == "Mgr. Jana Dobrá"


def test_a_document_kpss_fails_on_does_not_stop_the_folder(
    invoke: Invoke, archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kpss_cli.importing as importing

    real = importing.import_document

    def flaky(path: Path, **kwargs: object) -> object:
        if path.name == "a.txt":
            raise RecursionError("maximum recursion depth exceeded")
        return real(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(importing, "import_document", flaky)
    write(tmp_path / "legacy" / "a.txt", MINUTES)
    write(tmp_path / "legacy" / "b.txt", MINUTES.replace("12. 4. 2023", "13. 4. 2023"))
    result = invoke("import", str(tmp_path / "legacy"), "--dry-run", "-a", str(archive))
    assert result.exit_code == 2
    assert "a.txt: not imported: kpss failed on it (RecursionError" in result.stderr
    assert result.stdout.splitlines()[-1] == "would import 1 of 2 documents"


def test_report_shows_a_guessed_next_meeting_as_text(invoke: Invoke, archive: Path, tmp_path: Path) -> None:
    document = write(tmp_path / "zapis.txt", MINUTES + "\nPříští jednání: 17. 5. ve 13:00\n")
    result = invoke("import", str(document), "--dry-run", "--report", "-f", "json", "-a", str(archive))
    rows = {row["field"]: row for row in json.loads(result.stdout)}
    assert rows["next_meeting"]["value"] == "2023-05-17 13:00"
    table = invoke("import", str(document), "--dry-run", "--report", "-a", str(archive))
    assert "next_meeting" in table.stdout and "guessed values to check" in table.stdout
