"""`.doc`, `.odt` and `.rtf` go through LibreOffice in headless mode when it is installed, and
give a clear message when it is not (issue #19). A stand-in `soffice` on PATH plays LibreOffice."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from kpss_cli.core.errors import KpssError
from kpss_cli.importing import SUPPORTED, read_document

from .conftest import Invoke, write

# Answers `soffice --headless --convert-to docx --outdir OUT FILE` by saving a .docx of FILE's
# text (read as UTF-8) as OUT/<stem>.docx; a file holding FAIL fails as LibreOffice would.
FAKE = """#!{python}
import sys, pathlib, docx
args = sys.argv[1:]
assert "--headless" in args and args[args.index("--convert-to") + 1] == "docx", args
out = pathlib.Path(args[args.index("--outdir") + 1])
source = pathlib.Path(args[-1])
assert source.is_absolute() and any(a.startswith("-env:UserInstallation=file://") for a in args)
text = source.read_text(encoding="utf-8")
if "FAIL" in text:
    print("Error: source file could not be loaded", file=sys.stderr)
    sys.exit(1)
document = docx.Document()
for line in text.splitlines():
    document.add_paragraph(line)
document.save(str(out / (source.stem + ".docx")))
"""


@pytest.fixture
def soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "bin"
    folder.mkdir()
    program = folder / "soffice"
    program.write_text(FAKE.format(python=sys.executable), encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ.get('PATH', '')}")
    return program


def test_legacy_formats_are_supported() -> None:
    assert {".doc", ".odt", ".rtf"} <= set(SUPPORTED)


def test_a_doc_is_read_through_libreoffice(soffice: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "-zapis 2019.doc", "Zápis ze dne 3. 4. 2019\nPřítomni: Jana Nová\n")
    assert read_document(path).splitlines() == ["Zápis ze dne 3. 4. 2019", "Přítomni: Jana Nová"]


def test_a_failed_conversion_names_the_document(soffice: Path, tmp_path: Path) -> None:
    path = write(tmp_path / "zapis.odt", "FAIL")
    with pytest.raises(KpssError, match=r"LibreOffice could not convert the file to \.docx: Error") as error:
        read_document(path)
    assert error.value.path == str(path)


def test_without_libreoffice_the_message_says_what_to_do(
    invoke: Invoke, archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs"))
    old = write(tmp_path / "legacy" / "zapis.doc", "binary Word 97")
    write(tmp_path / "legacy" / "b.txt", "Zápis z jednání pracovní skupiny Senioři ze dne 5. 10. 2020\n")
    result = invoke("import", str(tmp_path / "legacy"), "--dry-run", "-a", str(archive))
    assert result.exit_code == 2  # the .doc is refused; the other document is still imported
    assert f"kpss: error: {old}: cannot import .doc without LibreOffice" in result.stderr
    assert result.stdout.splitlines()[-1] == "would import 1 of 2 documents"


# --- PDF: lines wrapped by the layout, columns ---------------------------------------------------


def test_pdf_lines_wrapped_by_the_layout_are_joined_again() -> None:
    from kpss_cli.importing.read import reflow_pdf_page

    page = (
        "Město Lhota – komunitní plánování\n"  # a running header stays its own line
        "Zápis z jednání pracovní\nskupiny Rodina\n"
        "Přítomni: Mgr. Jana\nNová, Petr Malý, Ing.\nEva Veselá\n"
        "Omluveni:\nKarel Vlk\nIva Krátká\n"  # one person a line stays so
        "Zodpovídá: Bc. Eva\nVeselá\n"
        "Koordinátorka přivítala přítomné a seznámila je s pro-\ngramem.\n"
        "1. Zahájení\n2. Různé"
    )
    assert reflow_pdf_page(page).split("\n") == [
        "Město Lhota – komunitní plánování",
        "Zápis z jednání pracovní skupiny Rodina",
        "Přítomni: Mgr. Jana Nová, Petr Malý, Ing. Eva Veselá",
        "Omluveni:",
        "Karel Vlk",
        "Iva Krátká",
        "Zodpovídá: Bc. Eva Veselá",
        "Koordinátorka přivítala přítomné a seznámila je s programem.",
        "1. Zahájení",
        "2. Různé",
    ]


def test_a_two_column_pdf_is_imported_in_reading_order(invoke: Invoke, tmp_path: Path) -> None:
    weasyprint = pytest.importorskip("weasyprint")
    people = ["Mgr. Jana Nová", "Petr Malý", "Ing. Eva Veselá", "Bc. Karel Dvořák"]
    html = (
        "<style>@page { size: A6; margin: 10mm } body { font: 8pt serif } "
        ".cols { column-count: 2; column-gap: 5mm }</style>"
        "<h1>Zápis z jednání pracovní skupiny Senioři</h1><p>Datum: 12. 3. 2024</p>"
        f"<div class=cols><p>Přítomni: {', '.join(people)}</p><p>Omluvena: Iva Krátká</p>"
        "<p>Koordinátorka přivítala přítomné a seznámila je s programem jednání skupiny.</p>"
        "<p>Úkol: zpracovat přehled dotací</p><p>Zodpovídá: Ing. Eva Veselá</p><p>Termín: 15. 4. 2024</p>"
        "<p>Zapsala: Iva Krátká</p></div>"
    )
    pdf = tmp_path / "zapis.pdf"
    pdf.write_bytes(weasyprint.HTML(string=html).write_pdf())
    archive = tmp_path / "new"
    invoke("init", str(archive))
    result = invoke("import", str(pdf), "--dry-run", "--format", "json", "-a", str(archive))
    assert result.exit_code == 0, result.stderr
    [record] = json.loads(result.stdout)
    assert [p["name"] for p in record["present"]] == people
    assert [p["name"] for p in record["excused"]] == ["Iva Krátká"]
    assert record["recorder"]["name"] == "Iva Krátká"
    assert [(t["owner"], t["due"]) for t in record["tasks"]] == [("Ing. Eva Veselá", "15. 4. 2024")]


def test_word_headers_and_footers_are_not_read_and_an_attendance_table_is(
    invoke: Invoke, tmp_path: Path
) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[
        0
    ].text = "Zápis z jednání komise pro seniory ze dne 1. 1. 2019"  # a template's stale header
    section.footer.paragraphs[0].text = "Zapsala: Eva Stará | Strana 1"
    document.add_paragraph("Zápis z jednání pracovní skupiny Rodina ze dne 7. 6. 2023")
    table = document.add_table(rows=3, cols=2)
    for row, (label, value) in zip(
        table.rows,
        [("Přítomni:", "Mgr. Jana Nová\nPetr Malý"), ("Omluveni:", "Karel Vlk"), ("Zapsala:", "Iva Krátká")],
        strict=True,
    ):
        row.cells[0].text = label
        lines = value.split("\n")
        row.cells[1].text = lines[0]
        for line in lines[1:]:
            row.cells[1].add_paragraph(line)
    path = tmp_path / "zapis.docx"
    document.save(str(path))
    archive = tmp_path / "new"
    invoke("init", str(archive))
    result = invoke("import", str(path), "--dry-run", "--format", "json", "-a", str(archive))
    assert result.exit_code == 0, result.stderr
    [record] = json.loads(result.stdout)
    assert record["date"] == "2023-06-07" and record["group"].endswith("Rodina")
    assert [p["name"] for p in record["present"]] == ["Mgr. Jana Nová", "Petr Malý"]
    assert [p["name"] for p in record["excused"]] == ["Karel Vlk"]
    assert record["recorder"]["name"] == "Iva Krátká"
    assert "Eva Stará" not in record["body"] and "komise pro seniory" not in record["body"]
