"""Word's automatic numbering (List Number styles, numbered paragraphs) is kept as numbers in
the imported text, and bullets as `- ` (issue #19)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kpss_cli.importing import import_document, read_document


def _number(paragraph: Any, num_id: int, level: int) -> None:
    """Number a paragraph directly (`w:numPr`), as Word does for a list typed with 1., 2."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = paragraph._p.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", level), ("w:numId", num_id)):
        node = OxmlElement(tag)
        node.set(qn("w:val"), str(value))
        num_pr.append(node)
    properties.append(num_pr)


def _numbered_list_id(document: Any) -> int:
    """The numId of the List Number style of python-docx's template (a decimal list)."""
    style = document.styles["List Number"]
    return int(style.element.pPr.numPr.numId.val)


def test_list_number_style_and_direct_numbering_keep_their_numbers(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("Zápis z jednání pracovní skupiny Senioři ze dne 3. 5. 2023")
    document.add_paragraph("Přítomni:")
    for name in ("Jana Nová", "Petr Malý"):
        document.add_paragraph(name, style="List Bullet")
    document.add_paragraph("Program:")
    for item in ("Zahájení", "Rozpočet", "Různé"):
        document.add_paragraph(item, style="List Number")
    numbered = _numbered_list_id(document)
    top = document.add_paragraph("Členové zašlou podklady:")
    _number(top, numbered, 0)
    for sub in ("seznam služeb", "počty klientů"):
        _number(document.add_paragraph(sub), numbered, 1)
    path = tmp_path / "zapis.docx"
    document.save(str(path))
    lines = read_document(path).splitlines()
    assert lines[2:4] == ["- Jana Nová", "- Petr Malý"]
    assert lines[5:8] == ["1. Zahájení", "2. Rozpočet", "3. Různé"]
    assert lines[8] == "4. Členové zašlou podklady:"  # one Word list goes on, as Word shows it
    # The template's second level is bulleted: shown as such, indented under its item.
    assert lines[9:11] == ["  - seznam služeb", "  - počty klientů"]
    assert import_document(path).agenda[:3] == ["Zahájení", "Rozpočet", "Různé"]
