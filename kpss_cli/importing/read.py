"""The text of a legacy document: .txt/.md (UTF-8, with or without BOM, else Windows-1250),
.docx (paragraphs and tables in document order, Word's list numbers kept), .pdf (pages separated
by form feeds), and .doc/.odt/.rtf converted to .docx by LibreOffice when it is installed."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from ..core.errors import KpssError, os_reason
from ..core.i18n import _
from ..minutes.source import decode
from .clean import PAGE_BREAK
from .text import CAPITAL

CONVERTED = (".doc", ".odt", ".rtf")  # through LibreOffice (`soffice --headless`), when installed
SUPPORTED = (".txt", ".md", ".markdown", ".docx", ".pdf", *CONVERTED)
CONVERT_TIMEOUT = 180  # seconds LibreOffice may take for one document
MAX_SIZE = 50 * 1024 * 1024
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


MAX_TEXT = 5_000_000  # characters: more than any minutes, and beyond it recognition gets slow
MAX_UNPACKED = 100 * 1024 * 1024  # bytes a .docx may unpack to (a zip bomb stops here)
# Control characters and lone surrogates never belong in minutes; form feeds part PDF pages.
_UNWANTED = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ud800-\udfff]")


def read_document(path: Path) -> str:
    """Return the text of `path`; raise KpssError for unsupported, unreadable or encrypted files."""
    text = _read_document(path)
    if len(text) > MAX_TEXT:
        raise KpssError(
            _("the document holds over {max_text} million characters: not minutes").format(
                max_text=MAX_TEXT // 1_000_000
            ),
            str(path),
        )
    return _UNWANTED.sub(" ", text)


def _read_document(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise KpssError(
            _("cannot import {value}: supported are {supported}").format(
                value=suffix or _("a file without an extension"), supported=", ".join(SUPPORTED)
            ),
            str(path),
        )
    if not path.exists():
        raise KpssError(_("cannot read the file: it does not exist"), str(path))
    if not path.is_file():
        raise KpssError(_("not a regular file (a device, a pipe or a folder)"), str(path))
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise KpssError(_("cannot read the file: {reason}").format(reason=os_reason(exc)), str(path)) from exc
    if size > MAX_SIZE:
        raise KpssError(
            _("the file is too large to be minutes ({size} MB)").format(size=size // (1024 * 1024)), str(path)
        )
    if suffix == ".docx":
        return _docx(path)
    if suffix in CONVERTED:
        return _through_office(path)
    if suffix == ".pdf":
        return _pdf(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_SIZE + 1)
    except OSError as exc:
        raise KpssError(_("cannot read the file: {reason}").format(reason=os_reason(exc)), str(path)) from exc
    return decode(data).text


def _through_office(path: Path) -> str:
    """The text of a `.doc`, `.odt` or `.rtf`, converted to .docx by LibreOffice in headless mode
    (in a private temporary folder and profile); a clear error when LibreOffice is missing."""
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None:
        raise KpssError(
            _(
                "cannot import {suffix} without LibreOffice: install LibreOffice (the `soffice` program), or save it as .docx first"
            ).format(suffix=path.suffix.lower()),
            str(path),
        )
    with tempfile.TemporaryDirectory(prefix="kpss-import-") as folder:
        out = Path(folder)
        command = [
            program,
            f"-env:UserInstallation={(out / 'profile').as_uri()}",  # works beside an open LibreOffice
            "--headless",
            "--convert-to",
            "docx",
            "--outdir",
            str(out),
            str(path.resolve()),  # absolute: a name starting with `-` is no option
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=CONVERT_TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise KpssError(
                _("LibreOffice could not convert the file ({exc})").format(exc=exc), str(path)
            ) from exc
        converted = out / f"{path.stem}.docx"
        if done.returncode != 0 or not converted.is_file():
            said = (done.stderr or done.stdout or b"").decode("utf-8", "replace").strip().splitlines()
            detail = f": {said[-1][:200]}" if said else ""
            raise KpssError(
                _("LibreOffice could not convert the file to .docx{detail}").format(detail=detail), str(path)
            )
        try:
            return _docx(converted)
        except KpssError as exc:
            raise KpssError(exc.message, str(path)) from None


def _cell_text(cell: Any) -> str:
    parts = [" ".join(p.text.split()).strip(" ,;") for p in cell.paragraphs]
    return ", ".join(p for p in parts if p)


class _Numbering:
    """Word's automatic numbering, which keeps list numbers out of the text: which lists of
    the document are numbered, and the number each of their paragraphs shows."""

    _NUMBERED = ("decimal", "decimalZero", "lowerLetter", "upperLetter")

    def __init__(self, document: Any) -> None:
        self.formats: dict[str, dict[int, str]] = {}  # numId -> level -> numFmt
        self.style_lists: dict[str, tuple[str, int]] = {}  # style id -> (numId, level)
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError):
            return
        abstract: dict[str | None, dict[int, str]] = {}
        for node in root.iterchildren(f"{_W}abstractNum"):
            levels = abstract.setdefault(node.get(f"{_W}abstractNumId"), {})
            for level in node.iterchildren(f"{_W}lvl"):
                fmt = level.find(f"{_W}numFmt")
                levels[_int(level.get(f"{_W}ilvl"))] = fmt.get(f"{_W}val") if fmt is not None else ""
        for node in root.iterchildren(f"{_W}num"):
            ref = node.find(f"{_W}abstractNumId")
            if ref is not None and (num_id := node.get(f"{_W}numId")):
                self.formats[num_id] = abstract.get(ref.get(f"{_W}val"), {})
        for style in document.styles:
            num_pr = getattr(getattr(style.element, "pPr", None), "numPr", None)
            if num_pr is not None and num_pr.numId is not None:
                level = num_pr.ilvl.val if num_pr.ilvl is not None else 0
                self.style_lists[style.style_id] = (str(num_pr.numId.val), int(level))

    def marker(self, element: Any) -> str | None:
        """`3. ` or `b) ` for a paragraph of a numbered list (indented by its level), `- ` for a
        bullet, None for a paragraph of no list."""
        num_pr = element.pPr.numPr if element.pPr is not None else None
        found = self.style_lists.get(element.style or "")
        if num_pr is not None and num_pr.numId is not None:
            level = num_pr.ilvl.val if num_pr.ilvl is not None else (found[1] if found else 0)
            found = (str(num_pr.numId.val), int(level))
        if found is None or found[0] == "0":
            return None
        num_id, level = found
        fmt = self.formats.get(num_id, {}).get(level, "")
        indent = "  " * min(level, 8)
        if fmt not in self._NUMBERED:
            return f"{indent}- "
        counts = self.counters.setdefault(num_id, [0] * 9)
        level = min(level, 8)
        counts[level] += 1
        counts[level + 1 :] = [0] * (8 - level)
        n = counts[level]
        if fmt in ("lowerLetter", "upperLetter") and n <= 26:
            letter = chr(ord("a") + n - 1)
            return f"{indent}{letter.upper() if fmt == 'upperLetter' else letter}) "
        return f"{indent}{n}. "


def _int(text: str | None) -> int:
    return int(text) if text and text.isdigit() else 0


def _paragraph_text(paragraph: Any, styles: dict[str, str], numbering: _Numbering | None = None) -> str:
    text: str = paragraph.text
    element = paragraph._p
    properties = element.pPr
    if numbering is not None and text.strip() and (marker := numbering.marker(element)) is not None:
        return f"{marker}{text.strip()}"  # Word keeps list numbers and bullets out of the text
    listed = properties is not None and properties.numPr is not None
    style = styles.get(element.style or "", "")
    if not listed and style.lower().startswith(("list", "seznam", "odstavec se seznamem")):
        listed = True
    if listed and text.strip():
        return f"- {text.strip()}"  # a list whose numbering kpss cannot resolve
    if style.lower().startswith(("heading", "nadpis")) and text.strip():
        level = "".join(ch for ch in style if ch.isdigit())[:1] or "1"
        return f"{'#' * min(int(level), 6)} {text.strip()}"
    return text


def _docx(path: Path) -> str:
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as exc:  # pragma: no cover - a dependency of kpss
        raise KpssError(_("reading .docx needs python-docx (pip install python-docx)"), str(path)) from exc
    try:
        with zipfile.ZipFile(path) as package:
            unpacked = sum(member.file_size for member in package.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise KpssError(_("not a readable Word .docx file ({exc})").format(exc=exc), str(path)) from exc
    if unpacked > MAX_UNPACKED:
        raise KpssError(
            _("the .docx unpacks to {unpacked} MB: not minutes").format(unpacked=unpacked // 1024 // 1024),
            str(path),
        )
    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise KpssError(_("not a readable Word .docx file ({exc})").format(exc=exc), str(path)) from exc
    except Exception as exc:  # python-docx raises its own and lxml's errors on broken files
        raise KpssError(
            _("not a readable Word .docx file ({name}: {exc})").format(name=type(exc).__name__, exc=exc),
            str(path),
        ) from exc
    # Style names by id, looked up once: python-docx would search the styles for each paragraph.
    styles = {style.style_id: style.name or "" for style in document.styles}
    lines: list[str] = []
    try:
        numbering = _Numbering(document)
        for child in document.element.body.iterchildren():
            if child.tag == f"{_W}p":
                lines.append(_paragraph_text(Paragraph(child, document), styles, numbering))
            elif child.tag == f"{_W}tbl":
                lines.append("")
                lines += _table_lines(Table(child, document))
                lines.append("")
    except (ValueError, KeyError, IndexError, RecursionError) as exc:  # malformed merged cells and spans
        raise KpssError(
            _("a table of the .docx cannot be read ({name}: {exc})").format(name=type(exc).__name__, exc=exc),
            str(path),
        ) from None
    return "\n".join(lines)


def _table_lines(table: Any) -> list[str]:
    lines = []
    for row in table.rows:
        cells: list[str] = []
        previous: Any = None
        for cell in row.cells:
            if previous is not None and cell._tc is previous:
                continue  # a merged cell is returned once per grid column
            previous = cell._tc
            cells.append(_cell_text(cell))
        if any(cells):
            lines.append(" | ".join(cells))
    return lines


def _pdf(path: Path) -> str:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:  # pragma: no cover - a dependency of kpss
        raise KpssError(_("reading .pdf needs pypdf (pip install pypdf)"), str(path)) from exc
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise KpssError(
                        _("the PDF is encrypted with a password: save an unlocked copy"), str(path)
                    )
            except KpssError:
                raise
            except Exception as exc:
                raise KpssError(
                    _("the PDF is encrypted and cannot be opened ({exc})").format(exc=exc), str(path)
                ) from exc
        pages = [reflow_pdf_page(page.extract_text() or "") for page in reader.pages]
    except KpssError:
        raise
    except (PdfReadError, OSError, ValueError) as exc:
        raise KpssError(_("not a readable PDF ({exc})").format(exc=exc), str(path)) from exc
    except Exception as exc:  # pypdf raises many kinds of errors on broken files
        raise KpssError(
            _("not a readable PDF ({name}: {exc})").format(name=type(exc).__name__, exc=exc), str(path)
        ) from exc
    text = PAGE_BREAK.join(pages)
    if not text.strip():
        raise KpssError(_("the PDF has no text layer (a scan?): run OCR on it first"), str(path))
    return text


# --- PDF lines wrapped at the column's width ----------------------------------------------------

# A line that ends a paragraph, an item or a label; a title abbreviation or an initial does not.
_LINE_END = re.compile(r"(?:[.:;!?)]|[.:;!?)][\"“”])\s*$")
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:Ing|Mgr|Bc|MUDr|PhDr|JUDr|RNDr|PaedDr|Dr|doc|prof|DiS|Ph\.D|CSc|p|pí|č|tzv|např|mj)\.|"
    rf"(?<![\w.]){CAPITAL}\.)\s*$"
)
# A line that starts something new: an item, a bullet, a label (`Omluveni:`), an `Ad 1)`.
_NEW_ITEM = re.compile(
    r"^\s*(?:[-•*–·]\s|\d{1,3}\s*[.)]|[a-z]\)\s|ad\s+\d|[^\W\d_][\w .]{0,40}:)", re.IGNORECASE
)


def reflow_pdf_page(text: str) -> str:
    """One PDF page's text with the lines the layout wrapped joined again: a line joins the
    next when it does not end a sentence, item or label and either the next one goes on in
    lower case (`Zápis z jednání pracovní` / `skupiny Senioři`), or it ends with a comma or a
    title (`Nová, Petr Malý, Ing.` / `Eva Veselá`), or a list or label wrapped inside a name
    (`Přítomni: Mgr. Jana` / `Nová, Petr Malý`). Lists of one person a line, running headers
    and lines that start an item or a label stay as they are."""
    out: list[str] = []
    for line in text.split("\n"):
        if out and out[-1].strip() and line.strip() and _continues_line(out[-1], line):
            previous = out[-1].rstrip()
            if re.search(r"[^\W\d_]-$", previous) and line.lstrip()[:1].islower():
                out[-1] = previous[:-1] + line.strip()  # a word hyphenated at the line's end
            else:
                out[-1] = f"{previous} {line.strip()}"
            continue
        out.append(line)
    return "\n".join(out)


_NAME_REST = re.compile(rf"^{CAPITAL}[\w-]*(?:,|$)")


def _continues_line(previous: str, line: str) -> bool:
    previous, line = previous.rstrip(), line.strip()
    if _LINE_END.search(previous) and not _ABBREVIATION_END.search(previous):
        return False
    if _NEW_ITEM.match(line):
        return False
    if line[:1].islower():
        return True
    if previous.endswith(",") or _ABBREVIATION_END.search(previous):
        return True
    # The rest of a name wrapped out of a list or a label: `Přítomni: Mgr. Jana` / `Nová, Petr`.
    return bool(_NAME_REST.match(line)) and ("," in previous or bool(_NEW_ITEM.match(previous)))
