"""Which PDF text extractor reads minutes in reading order: pypdf, pdfminer.six (through
pdfplumber) or PyMuPDF, on real PDFs typeset here with WeasyPrint.

Three documents of minutes are typeset as PDF (real files, real fonts): a two-column page
under a full-width title, a three-column page, and a one-column page with a running header
and footer on two pages. Each extractor's text is scored on

- order: the share of the document's sentences (each known, in reading order) found whole
  and in the right order (longest increasing run of the found ones);
- fields: the share of date, group, attendance, recorder and tasks that `kpss import` then
  reads right (its reflow of wrapped lines, then `recognise`);
- time: milliseconds per document (indicative only: this machine is shared).

    python benchmarks/pdf_reading_order.py        # needs weasyprint, pdfplumber, pymupdf

Missing extractors are skipped and named.
"""

from __future__ import annotations

import io
import re
import sys
import time
from collections.abc import Callable

from kpss_cli.importing import recognise
from kpss_cli.importing.people import PersonDict
from kpss_cli.importing.read import reflow_pdf_page

PEOPLE = ["Mgr. Jana Nová", "Petr Malý", "Ing. Eva Veselá", "Bc. Karel Dvořák", "Iva Krátká", "Tomáš Vlk"]
SENTENCES = [
    "Koordinátorka přivítala přítomné a seznámila je s programem jednání.",
    "Pracovní skupina projednala návrh akčního plánu na rok 2024 a doporučila jej ke schválení.",
    "Zástupce Charity informoval o rozšíření kapacity pečovatelské služby o dva úvazky.",
    "Diskutovalo se o dopravě seniorů k lékaři a o možnostech senior taxi ve městě.",
    "Členové skupiny se shodli na potřebě aktualizovat katalog sociálních služeb.",
    "Odbor sociálních věcí připraví přehled dotací poskytnutých v minulém roce.",
    "Pan Dvořák upozornil na nedostatek míst v domově se zvláštním režimem.",
    "Příští jednání se uskuteční v budově městského úřadu ve velké zasedací místnosti.",
]
HEAD = (
    "<h1>Zápis z jednání pracovní skupiny Senioři</h1>"
    "<p>Datum: 12. 3. 2024, 14:00 – 16:00</p><p>Místo: MěÚ Kolín, zasedací místnost</p>"
)
BODY = (
    f"<p>Přítomni: {', '.join(PEOPLE[:4])}</p><p>Omluveni: {', '.join(PEOPLE[4:])}</p>"
    + "".join(f"<p>{s}</p>" for s in SENTENCES)
    + "<p>Úkol: zpracovat přehled dotací</p><p>Zodpovídá: Ing. Eva Veselá</p><p>Termín: 15. 4. 2024</p>"
    + "<p>Zapsala: Iva Krátká</p>"
)
EXPECTED = {
    "date": "2024-03-12",
    "group": "Senioři",
    "present": PEOPLE[:4],
    "excused": PEOPLE[4:],
    "recorder": "Iva Krátká",
    "due": "15. 4. 2024",
}
CSS = "@page { size: A5; margin: 14mm 12mm; } body { font: 9pt serif; } h1 { font-size: 12pt; }"
DOCUMENTS = {
    "two columns": f"<style>{CSS} .cols {{ column-count: 2; column-gap: 8mm; }}</style>{HEAD}<div class=cols>{BODY}</div>",
    "three columns": f"<style>{CSS} .cols {{ column-count: 3; column-gap: 6mm; }}</style>{HEAD}<div class=cols>{BODY}</div>",
    # The right column written first: the content stream is not in reading order (as in PDFs
    # laid out with text boxes or by publishing programs).
    "columns out of order": (
        f"<style>{CSS} .row {{ display: flex; flex-direction: row-reverse; gap: 8mm }} .row > div {{ flex: 1 }}</style>"
        f"{HEAD}<div class=row><div>{BODY[BODY.index('<p>' + SENTENCES[4]) :]}</div>"
        f"<div>{BODY[: BODY.index('<p>' + SENTENCES[4])]}</div></div>"
    ),
    "header and footer": (
        f"<style>{CSS} @page {{ size: A6; @top-center {{ content: 'Město Kolín – KPSS'; font-size: 7pt }}"
        " @bottom-center { content: 'Stránka ' counter(page); font-size: 7pt } }</style>"
        f"{HEAD}{BODY}"
    ),
}


def _pypdf(data: bytes) -> str:
    from pypdf import PdfReader

    return "\f".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def _pdfplumber(data: bytes) -> str:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\f".join(page.extract_text() or "" for page in pdf.pages)


def _pdfminer_layout(data: bytes) -> str:
    from pdfminer.high_level import extract_text
    from pdfminer.layout import LAParams

    text: str = extract_text(io.BytesIO(data), laparams=LAParams())
    return text


def _pymupdf(data: bytes, *, sort: bool = False) -> str:
    import pymupdf

    with pymupdf.open(stream=data, filetype="pdf") as pdf:
        return "\f".join(page.get_text("text", sort=sort) for page in pdf)


EXTRACTORS: dict[str, Callable[[bytes], str]] = {
    "pypdf (today)": _pypdf,
    "pdfplumber extract_text": _pdfplumber,
    "pdfminer.six LAParams": _pdfminer_layout,
    "PyMuPDF get_text": _pymupdf,
    "PyMuPDF get_text sort": lambda data: _pymupdf(data, sort=True),
}


def _squash(text: str) -> str:
    return " ".join(re.sub(r"-\n(?=\w)", "", text).split())


def order_score(text: str) -> float:
    """The share of SENTENCES found whole and in reading order."""
    flat = _squash(text)
    positions = [flat.find(s) for s in SENTENCES]
    found = [p for p in positions if p >= 0]
    longest = [1] * len(found)  # longest increasing run of positions
    for i in range(len(found)):
        for j in range(i):
            if found[j] < found[i]:
                longest[i] = max(longest[i], longest[j] + 1)
    return (max(longest) if found else 0) / len(SENTENCES)


def _names(people: list[PersonDict]) -> list[str]:
    return [person["name"] for person in people]


def field_score(text: str) -> float:
    """The share of fields read right, after kpss joins the lines the layout wrapped (as
    `kpss import` does for every PDF page)."""
    imported = recognise("\f".join(reflow_pdf_page(page) for page in text.split("\f")))
    checks = [
        imported.date is not None and imported.date.isoformat() == EXPECTED["date"],
        imported.group == EXPECTED["group"],
        _names(imported.present) == EXPECTED["present"],
        _names(imported.excused) == EXPECTED["excused"],
        imported.recorder == EXPECTED["recorder"],
        [t["due"] for t in imported.tasks] == [EXPECTED["due"]],
    ]
    return sum(checks) / len(checks)


def main() -> int:
    try:
        import weasyprint
    except ImportError:
        print("needs weasyprint (pip install -e '.[pdf]')", file=sys.stderr)
        return 2
    pdfs = {name: weasyprint.HTML(string=html).write_pdf() for name, html in DOCUMENTS.items()}
    print(f"{'extractor':26} {'document':18} {'order':>6} {'fields':>6} {'ms':>6}")
    for label, extract in EXTRACTORS.items():
        try:
            extract(next(iter(pdfs.values())))
        except ImportError as exc:
            print(f"{label:26} skipped: {exc}")
            continue
        for name, data in pdfs.items():
            start = time.perf_counter()
            for _ in range(5):
                text = extract(data)
            ms = (time.perf_counter() - start) / 5 * 1000
            print(f"{label:26} {name:18} {order_score(text):6.0%} {field_score(text):6.0%} {ms:6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
