"""Documents a secretary signs and a town publishes: every example minutes rendered without
leaks, public copies without private names, and real PDFs (WeasyPrint) read back."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from .conftest import Invoke, generate, needs_shared
from .publicarchive import EXAMPLES, PRIVATE_STEMS, public_archive

AS_OF = "2026-12-04"
EXAMPLE_IDS = sorted(p.relative_to(EXAMPLES).with_suffix("").as_posix() for p in EXAMPLES.glob("*/*.md"))

# What must never reach a document: template syntax, HTML comments, Markdown that was not
# turned into HTML, ISO dates instead of Czech ones, an empty status.
LEAKS_HTML = re.compile(
    r"\{\{|\{%|\{#|<!--(?!DOCTYPE)|&lt;!--|\*\*|__|\]\(|^#|^\s*[-*] \[[ xX-]\]|\|---|\d{4}-\d{2}-\d{2}|– <|<td>\s*–",
    re.MULTILINE,
)
LEAKS_MD = re.compile(r"\{\{|\{%|\{#|<!--|\d{4}-\d{2}-\d{2}|^\s*[-*] \[[ xX-]\]", re.MULTILINE)


def _visible(html: str) -> str:
    """The text of an HTML document without its style sheet (CSS is not text a reader sees)."""
    return re.sub(r"<style>.*?</style>", "", html, flags=re.DOTALL)


def _check_document(ref: str, to: str, language: str, output: str) -> None:
    source = (EXAMPLES / f"{ref}.md").read_text(encoding="utf-8")
    text = _visible(output) if to == "html" else output
    leak = (LEAKS_HTML if to == "html" else LEAKS_MD).search(text)
    assert leak is None, (ref, to, text[max(0, leak.start() - 80) : leak.end() + 80])
    assert not re.search(r"#\d+\b", text), (ref, to, "a task id without --ids")
    mark = "KONCEPT" if language == "cs" else "DRAFT"
    assert (mark in text) == ("status: draft" in source), (ref, to)
    if to == "html":
        assert "<td></td>" not in text.split('class="signatures"')[0], (ref, "an empty row")
    labels = (
        ("Zapsal/a", "Ověřil/a", "Schválil/a") if language == "cs" else ("Minutes taken by", "Verified by")
    )
    assert all(label in text for label in labels), ref
    for task in re.findall(r"^\s+- task: (.+)$|^\*\*Úkol:\*\* (.+)$", source, re.MULTILINE):
        words = (task[0] or task[1]).strip().strip('"')
        shown = html_unescape(words) if to == "html" else words
        assert text.count(shown) + text.count(words) >= 1, (ref, words)  # in the document, once
        assert text.count(words) <= 1, (ref, words)


def html_unescape(text: str) -> str:
    from markupsafe import escape

    return str(escape(text))


def test_every_example_minutes_through_the_cli(invoke: Invoke) -> None:
    for ref in EXAMPLE_IDS:
        result = invoke("render", ref, "--to", "html", "-a", str(EXAMPLES), "--as-of", AS_OF)
        assert result.exit_code == 0, (ref, result.stderr)
        _check_document(ref, "html", "cs", result.stdout)


@pytest.mark.parametrize("language", ["cs", "en"])
def test_every_example_minutes_in_every_form(language: str) -> None:
    """The same documents as `kpss render` makes them, rendered in one process (fast)."""
    import datetime as dt

    from kpss_cli.commands.shared import load
    from kpss_cli.documents.context import document_context
    from kpss_cli.documents.templates import render_template

    archive = load(EXAMPLES)
    environments: dict[tuple[str, ...], object] = {}
    for ref in EXAMPLE_IDS:
        found = archive.find_minutes(ref)
        assert found is not None
        for to in ("html", "md"):
            context = document_context(
                archive, found, dt.date(2026, 12, 4), html=to == "html", language=language
            )
            text = render_template(
                f"minutes-document.{to}.j2",
                context,
                archive.root,
                language=language,
                html=to == "html",
                environments=environments,  # type: ignore[arg-type]
            )
            _check_document(ref, to, language, text)


def test_each_task_once_statuses_in_words_czech_dates(invoke: Invoke, tmp_path: Path) -> None:
    archive = public_archive(tmp_path / "a")
    result = invoke("render", "seniori/2026-11-12", "--to", "md", "-a", str(archive), "--as-of", AS_OF)
    text = result.stdout
    assert "**KONCEPT – neschválený zápis**" in text
    assert text.count("Zjistit možnosti financování víkendového Senior taxi") == 1  # a body task block, once
    assert "| Zdeňka Kopecká | splněno; Setkání seniorů proběhlo 1. 10. 2026 v KD Rovenka. |" in text
    assert "| Ing. Olga Faltýnková | trvá; zájem o výjezdní konzultace projevily 2 obce z 9 |" in text
    assert "| **Datum a čas** | 12. listopadu 2026, 09:30 |" in text
    assert "| do 31. prosince 2026 |" in text  # `12/26` in words
    assert "| **Zapsal/a** | Bc. Lucie Machalová | dne 12. listopadu 2026 |" in text
    assert "Zapsala:" not in text  # the body's own signature line gives way to the signatures
    approved = invoke("render", "seniori/2026-12-03", "-a", str(archive), "--as-of", AS_OF).stdout
    assert "KONCEPT" not in approved
    assert "| **Schválil/a** | Mgr. Ivana Šindelářová | dne 10. prosince 2026 |" in approved
    assert "1\\. 10. 2026 proběhlo" in approved  # a date, not a list item
    assert "\nOdsazený text vložený z Wordu" in approved  # a paragraph, not a code block
    assert approved.count("## Úkoly") == 1 and "<!--" not in approved


def test_new_deadline_of_a_reviewed_task_in_words(invoke: Invoke, tmp_path: Path) -> None:
    archive = public_archive(tmp_path / "a")
    path = archive / "seniori" / "2026-12-03.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "  - id: seniori/2026-11-12#2\n    status: done",
            "  - id: seniori/2026-11-12#2\n    status: open\n    due: 2027-06-30",
        ),
        encoding="utf-8",
    )
    text = invoke("render", "seniori/2026-12-03", "--to", "html", "-a", str(archive), "--as-of", AS_OF).stdout
    assert "<td>trvá – nový termín 30. června 2027</td>" in text


def test_public_copy_names_no_private_person(invoke: Invoke, tmp_path: Path) -> None:
    archive = public_archive(tmp_path / "a")
    outputs = [
        invoke("render", "seniori/2026-12-03", "--public", "--to", to, "-a", str(archive), "--as-of", AS_OF)
        for to in ("md", "html")
    ]
    outputs.append(
        invoke("tasks", "--public", "--template", "tasks.md.j2", "-a", str(archive), "--as-of", AS_OF)
    )
    outputs.append(
        invoke(
            "agenda",
            "seniori",
            "--public",
            "--to",
            "html",
            "--date",
            "2027-02-11",
            "-a",
            str(archive),
            "--as-of",
            AS_OF,
        )
    )
    outputs.append(
        invoke(
            "attendance", "--public", "--template", "attendance.md.j2", "-a", str(archive), "--as-of", AS_OF
        )
    )
    for result in outputs:
        assert result.exit_code == 0, result.stderr
        for stem in PRIVATE_STEMS:
            assert stem not in result.stdout, (stem, result.stdout)
    md, html = outputs[0].stdout, outputs[1].stdout
    assert (
        "| **Hosté** | J. N., zástupkyně veřejnosti, Ing. Pavel Stejskal (místostarosta města Dolní Rovná) |"
        in md
    )
    assert (
        "Mgr. Ivana Šindelářová (Domov pro seniory Slunovrat, p. o.), Z. K." in md
    )  # a member asked not to be named
    assert "S paní J. N. se spojí\nK. V.;" in md  # declined forms in the text, and owners
    assert "klientka" not in md  # a private person's organisation or role goes too
    assert "<title>Zápis z jednání – Pracovní skupina Senioři, 3. prosince 2026</title>" in html
    # Without --public, members are named as before.
    plain = invoke("render", "seniori/2026-12-03", "-a", str(archive), "--as-of", AS_OF).stdout
    assert "Jana Nováková (klientka pečovatelské služby)" in plain


def test_privacy_section_errors_name_kpss_yaml(invoke: Invoke, tmp_path: Path) -> None:
    archive = public_archive(tmp_path / "a")
    config = archive / "kpss.yaml"
    config.write_text(config.read_text(encoding="utf-8") + '    "Jan Malý": [1, 2]\n', encoding="utf-8")
    result = invoke("render", "seniori/2026-12-03", "--public", "-a", str(archive), "--as-of", AS_OF)
    assert result.exit_code == 2
    assert result.stderr.startswith("kpss: error: ") and "kpss.yaml" in result.stderr
    assert "privacy: 'Jan Malý' must be public, private or a role" in result.stderr


@needs_shared
def test_generated_archive_renders_without_leaks(
    invoke: Invoke, tmp_path_factory: pytest.TempPathFactory
) -> None:
    archive = generate(tmp_path_factory, 16, 18)
    listed = invoke("list", "-a", str(archive), "--format", "json")
    import json

    ids = [row["id"] for row in json.loads(listed.stdout)]
    assert ids
    for ref in ids[:12]:
        result = invoke("render", ref, "--to", "html", "-a", str(archive), "--as-of", AS_OF)
        assert result.exit_code in (0, 2), result.stderr
        leak = LEAKS_HTML.search(_visible(result.stdout))
        assert leak is None, (ref, _visible(result.stdout)[max(0, leak.start() - 80) : leak.end() + 80])


# --- PDF ------------------------------------------------------------------------------------------

weasyprint = pytest.importorskip("kpss_cli.output.pdf")
PDF_MISSING = weasyprint.available()
needs_pdf = pytest.mark.skipif(PDF_MISSING is not None, reason=f"no PDF here: {PDF_MISSING}")


def _pages(data: bytes) -> list[str]:
    from pypdf import PdfReader

    assert data.startswith(b"%PDF-")
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


@needs_pdf
def test_pdf_of_minutes_has_czech_text_page_numbers_and_embedded_fonts(
    invoke: Invoke, tmp_path: Path
) -> None:
    archive = public_archive(tmp_path / "a")
    result = invoke("render", "seniori/2026-11-12", "--format", "pdf", "-a", str(archive), "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    pages = _pages(result.stdout_bytes)
    first = pages[0]
    assert "KONCEPT" in first
    assert "Zápis z jednání – Pracovní skupina Senioři" in first
    assert "12. listopadu 2026" in first and "Šindelářová" in first  # diacritics survive
    assert f"strana 1 z {len(pages)}" in first
    from pypdf import PdfReader

    fonts = set()
    for page in PdfReader(io.BytesIO(result.stdout_bytes)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if "/DescendantFonts" in font:
                font = font["/DescendantFonts"][0].get_object()
            descriptor = font["/FontDescriptor"]
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), (
                "font not embedded"
            )
            fonts.add(str(font["/BaseFont"]))
    assert any("DejaVu" in name for name in fonts), fonts


@needs_pdf
def test_pdf_of_agenda_tasks_and_attendance_and_a_public_copy(invoke: Invoke, tmp_path: Path) -> None:
    archive = public_archive(tmp_path / "a")
    common = ("-a", str(archive), "--as-of", AS_OF)
    agenda = invoke("agenda", "seniori", "--to", "pdf", "--date", "2027-02-11", *common)
    assert "Pozvánka na jednání – Pracovní skupina Senioři" in _pages(agenda.stdout_bytes)[0]
    tasks = invoke("tasks", "--format", "pdf", "--group", "seniori", *common)
    assert "Přehled úkolů k 4. prosince 2026" in _pages(tasks.stdout_bytes)[0]
    attendance = invoke("attendance", "--format", "pdf", "--group", "seniori", *common)
    assert "Přehled docházky" in _pages(attendance.stdout_bytes)[0]
    public = invoke("render", "seniori/2026-12-03", "--to", "pdf", "--public", *common)
    text = "\n".join(_pages(public.stdout_bytes))
    assert "J. N." in text and not any(stem in text for stem in PRIVATE_STEMS)
    assert not any(stem.encode() in public.stdout_bytes for stem in PRIVATE_STEMS)  # metadata too


def test_pdf_is_refused_on_a_terminal_and_without_weasyprint_says_how(invoke: Invoke) -> None:
    result = invoke("render", "seniori/2026-11-12", "--to", "docx", "-a", str(EXAMPLES))
    assert result.exit_code == 2 and "pdf" in result.stderr  # the choices offered name pdf


@needs_pdf
def test_pdf_of_the_yearly_monitoring(invoke: Invoke) -> None:
    result = invoke("monitor", "--year", "2026", "-f", "pdf", "-a", str(EXAMPLES), "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    first = _pages(result.stdout_bytes)[0]
    assert "Monitoring plnění komunitního plánu za rok 2026" in first
    assert "rozpracováno" in first  # the shares by state, with diacritics
