"""Field-by-field accuracy of the importer on a corpus of minutes from many Czech towns.

Each document in `data/import/corpus/` has its ground truth beside it (`<stem>.expected.json`):
what a careful human reader extracts. Two documents are Word files, built here at test time.
The score (`kpss_cli/importing/fidelity.py`, shared with `benchmarks/import_fidelity.py`) follows
the held-out scoring: each scalar field is one point; each person in each attendance list is one
point (matched without titles, case and diacritics; missing and extra people are wrong); each task
deadline is one point; the next meeting gives a date and a time point. The seeds in `../shared/seeds` are scored the
same way (`data/import/seeds/`) and must stay perfect.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from kpss_cli.importing import Imported, import_document
from kpss_cli.importing.fidelity import LISTS, Score, score_document

from .conftest import SHARED, needs_shared

DATA = Path(__file__).parent / "data" / "import"
CORPUS = DATA / "corpus"
SEED_TRUTH = DATA / "seeds"
SEEDS = SHARED / "seeds"
BAR = 0.95


# --- Word documents, built at test time ----------------------------------------------------------


def _table(document: Any, rows: list[tuple[str, ...]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            lines = value.split("\n")
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)


def _nachod(path: Path) -> None:
    """Náchod: a two-column header table, Word lists, a task table."""
    import docx

    document = docx.Document()
    document.add_paragraph("Město Náchod – Komunitní plánování sociálních služeb")
    document.add_heading("Zápis z jednání pracovní skupiny Rodina a děti", level=1)
    _table(
        document,
        [
            ("Datum jednání:", "23. 5. 2023"),
            ("Čas:", "14:00 – 16:00 hod."),
            ("Místo:", "Městský úřad Náchod, Masarykovo náměstí 40, velká zasedací místnost"),
            (
                "Přítomni:",
                "Mgr. Alena Hejzlarová – MěÚ Náchod, OSPOD\nBc. Pavel Rücker – Farní charita Náchod\n"
                "Iveta Novotná – Rodinné centrum Náchod\nMichaela Jirásková – koordinátorka KPSS\n"
                "Mgr. Daniel Kalina – ZŠ Komenského",
            ),
            ("Omluveni:", "Kamila Šedivá – Azylový dům pro matky s dětmi"),
            ("Nepřítomni:", "Richard Mach"),
            ("Hosté:", "Ing. Jan Birke – starosta města"),
        ],
    )
    document.add_paragraph("Program jednání:")
    for item in ("Zahájení", "Letní příměstské tábory", "Sanace rodiny", "Různé"):
        document.add_paragraph(item, style="List Number")
    document.add_paragraph("K bodu 2: Tábory zajistí Rodinné centrum, kapacita 40 dětí.")
    document.add_paragraph("K bodu 3: OSPOD eviduje 25 rodin, které by službu potřebovaly.")
    document.add_paragraph("Úkoly vyplývající z jednání:")
    _table(
        document,
        [
            ("Úkol", "Zodpovídá", "Termín"),
            ("Zveřejnit nabídku táborů", "Iveta Novotná", "30. 6. 2023"),
            ("Zpracovat potřebnost sanace rodiny", "Mgr. Alena Hejzlarová", "31. 8. 2023"),
            ("Informovat členy PS o dotacích", "Michaela Jirásková", "průběžně"),
        ],
    )
    document.add_paragraph("Termín příštího jednání: úterý 19. 9. 2023 ve 14:00 hod., tamtéž.")
    document.add_paragraph("Zapsala: Michaela Jirásková")
    document.add_paragraph("Stránka 1 z 1")
    document.save(str(path))


def _blansko(path: Path) -> None:
    """Blansko: labels as paragraphs, people as bullets, a `Co | Kdo | Do kdy` table."""
    import docx

    document = docx.Document()
    document.add_paragraph("ZÁPIS Z JEDNÁNÍ PRACOVNÍ SKUPINY OSOBY SE ZDRAVOTNÍM POSTIŽENÍM")
    document.add_paragraph(
        "Termín a místo konání: středa 16. 3. 2022 od 9 hodin, Centrum Kociánka, Pražská 3, Blansko"
    )
    document.add_paragraph("Přítomni:")
    for person in (
        "Mgr. Libuše Kratochvílová, MěÚ Blansko",
        "Jakub Sedlák, Centrum Kociánka",
        "Bc. Simona Kolářová, koordinátorka",
        "Karel Zouhar, Sdružení zdravotně postižených",
    ):
        document.add_paragraph(person, style="List Bullet")
    document.add_paragraph("Omluvena: Iva Bednářová, Charita Blansko")
    document.add_paragraph("Host: Mgr. Markéta Dvořáčková, Jihomoravský kraj")
    document.add_paragraph("Průběh jednání:")
    document.add_paragraph("Ad 1) Bezbariérovost města – PS prošla mapu bariér v centru města.")
    document.add_paragraph("Ad 2) Osobní asistence – poptávka převyšuje kapacitu.")
    _table(
        document,
        [
            ("Co", "Kdo", "Do kdy"),
            ("Aktualizovat mapu bariér", "Karel Zouhar", "30. 4. 2022"),
            ("Zjistit kapacity osobní asistence v regionu", "Jakub Sedlák", "do příštího jednání"),
        ],
    )
    document.add_paragraph("Další jednání: středa 18. 5. 2022 v 9:00 hod., tamtéž")
    document.add_paragraph("Zapsala: Bc. Simona Kolářová")
    document.save(str(path))


DOCX: dict[str, Callable[[Path], None]] = {
    "nachod-rodina-2023-05-23": _nachod,
    "blansko-zp-2022-03-16": _blansko,
}


# --- the corpus ----------------------------------------------------------------------------------


def corpus_documents(folder: Path) -> Iterator[tuple[str, Imported, dict[str, Any]]]:
    """Each corpus document (Word ones built in `folder`), imported, with its ground truth."""
    for truth in sorted(CORPUS.glob("*.expected.json")):
        stem = truth.name.removesuffix(".expected.json")
        if stem in DOCX:
            path = folder / f"{stem}.docx"
            DOCX[stem](path)
        else:
            (path,) = [p for p in CORPUS.glob(f"{stem}.*") if p != truth]
        yield path.name, import_document(path), json.loads(truth.read_text(encoding="utf-8"))


def seed_documents() -> Iterator[tuple[str, Imported, dict[str, Any]]]:
    """Each seed, imported, with its ground truth."""
    for truth in sorted(SEED_TRUTH.glob("*.expected.json")):
        stem = truth.name.removesuffix(".expected.json")
        path = SEEDS / f"{stem}.txt"
        yield path.name, import_document(path), json.loads(truth.read_text(encoding="utf-8"))


def score_all(documents: Iterator[tuple[str, Imported, dict[str, Any]]]) -> Score:
    """The summed score of `documents`."""
    total = Score()
    for name, imported, expected in documents:
        total.merge(score_document(imported, expected, name))
    return total


def test_corpus_is_large_and_varied() -> None:
    truths = list(CORPUS.glob("*.expected.json"))
    assert len(truths) >= 14
    assert len(DOCX) >= 2
    for truth in truths:
        expected = json.loads(truth.read_text(encoding="utf-8"))
        assert set(expected) == {
            "date",
            "time",
            "place",
            *LISTS,
            "recorder",
            "task_deadlines",
            "next_meeting",
        }


def test_corpus_accuracy(tmp_path: Path) -> None:
    score = score_all(corpus_documents(tmp_path))
    assert score.accuracy() >= BAR, score.report()


@needs_shared
def test_seeds_stay_perfect() -> None:
    score = score_all(seed_documents())
    assert sum(score.points.values()) > 0
    assert score.accuracy() == 1.0, score.report()
