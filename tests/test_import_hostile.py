"""Hostile documents for `kpss import`: refused cleanly, one by one, never crashing the batch."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from kpss_cli.core.errors import KpssError
from kpss_cli.importing import read as reading
from kpss_cli.importing import read_document

from .conftest import Invoke, write


def make_docx(path: Path, body_xml: str) -> Path:
    """A .docx whose body is `body_xml` (WordprocessingML inside <w:body>)."""
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + body_xml.encode(), 1)
            target.writestr(item, data)
    return path


def test_a_docx_that_unpacks_too_large_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading, "MAX_UNPACKED", 1024 * 1024)
    bomb = make_docx(tmp_path / "bomb.docx", "<w:p><w:r><w:t>" + "x" * 2_000_000 + "</w:t></w:r></w:p>")
    assert bomb.stat().st_size < 100_000
    with pytest.raises(KpssError, match=r"unpacks to \d+ MB: not minutes"):
        read_document(bomb)


def test_a_malformed_word_table_is_an_error_of_that_file(tmp_path: Path) -> None:
    table = "<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>"
    with pytest.raises(KpssError, match=r"a table of the \.docx cannot be read"):
        read_document(make_docx(tmp_path / "t.docx", table))


def test_control_characters_and_lone_surrogates_are_removed(tmp_path: Path) -> None:
    path = tmp_path / "z.txt"
    path.write_bytes("Zápis\x00 ze dne 1. 2. 2024\x1b[31m\n".encode())
    assert read_document(path) == "Zápis  ze dne 1. 2. 2024 [31m\n"


def test_devices_and_pipes_are_not_read(tmp_path: Path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    with pytest.raises(KpssError, match="not a regular file"):
        read_document(link)


def test_a_folder_import_does_not_follow_links(invoke: Invoke, tmp_path: Path) -> None:
    folder = tmp_path / "legacy"
    write(
        folder / "zapis.txt",
        "Zápis z jednání pracovní skupiny Senioři ze dne 5. 10. 2020\nPřítomni: Jana Nová\n",
    )
    (folder / "secret.txt").symlink_to(write(tmp_path / "outside.txt", "Zápis ze dne 1. 1. 2020\n"))
    invoke("init", str(tmp_path / "a"), "--example")
    result = invoke("import", str(folder), "--dry-run", "-f", "json", "-a", str(tmp_path / "a"))
    assert result.exit_code == 0
    assert "outside" not in result.stdout and "2020-01-01" not in result.stdout
    assert "2020-10-05" in result.stdout


def test_long_names_make_short_files(invoke: Invoke, tmp_path: Path) -> None:
    document = write(tmp_path / ("x" * 200 + ".txt"), "Zápis z jednání pracovní skupiny Senioři\n")
    invoke("init", str(tmp_path / "a"), "--example")
    before = sorted((tmp_path / "a").rglob("*.md"))
    result = invoke("import", str(document), "-a", str(tmp_path / "a"))
    assert result.exit_code == 2  # no date: refused, and the message names the file
    assert f"kpss: error: {document}: no meeting date found; nothing was written" in result.stderr
    assert sorted((tmp_path / "a").rglob("*.md")) == before


def test_a_dry_run_foresees_two_documents_of_one_day(invoke: Invoke, tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        write(tmp_path / "legacy" / name, "Zápis z jednání pracovní skupiny Senioři ze dne 5. 10. 2020\n")
    invoke("init", str(tmp_path / "a"), "--example")
    dry = invoke("import", str(tmp_path / "legacy"), "--dry-run", "-a", str(tmp_path / "a"))
    real = invoke("import", str(tmp_path / "legacy"), "-a", str(tmp_path / "a"))
    assert dry.exit_code == real.exit_code == 2
    assert dry.stdout.splitlines()[-1] == "would import 1 of 2 documents"
    assert real.stdout.splitlines()[-1] == "imported 1 of 2 documents"
