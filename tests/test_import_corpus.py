"""Field-by-field accuracy of the importer on a corpus of minutes from many Czech towns.

Each document in `data/import/corpus/` has its ground truth beside it (`<stem>.expected.json`):
what a careful human reader extracts. Two documents are Word files, built here at test time.
The score follows the held-out scoring: each scalar field is one point; each person in each
attendance list is one point (matched without titles, case and diacritics; missing and extra
people are wrong); each task deadline is one point; the next meeting gives a date and a time
point (one point when the minutes set none). The seeds in `../shared/seeds` are scored the
same way (`data/import/seeds/`) and must stay perfect.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kpss_cli.core.names import fold, person_key
from kpss_cli.importing import Imported, import_document

from .conftest import SHARED, needs_shared

DATA = Path(__file__).parent / "data" / "import"
CORPUS = DATA / "corpus"
SEED_TRUTH = DATA / "seeds"
SEEDS = SHARED / "seeds"
BAR = 0.95
LISTS = ("present", "excused", "absent", "guests")
FIELDS = ("date", "time", "place", *LISTS, "recorder", "task_deadlines", "next_date", "next_time")


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


# --- scoring -------------------------------------------------------------------------------------


@dataclass
class Score:
    """Points right and possible per field, and what went wrong where."""

    right: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def add(self, name: str, ok: bool, where: str, detail: str = "") -> None:
        """Count one point of `name`; a wrong one is remembered with `detail`."""
        self.total[name] += 1
        if ok:
            self.right[name] += 1
        else:
            self.misses.append(f"{where}: {name}: {detail}")

    def merge(self, other: Score) -> None:
        """Add `other`'s points and misses to this score."""
        self.right.update(other.right)
        self.total.update(other.total)
        self.misses.extend(other.misses)

    def accuracy(self) -> float:
        """The share of points right (1.0 when there are none)."""
        total = sum(self.total.values())
        return sum(self.right.values()) / total if total else 1.0

    def report(self) -> str:
        """A per-field table and the list of misses."""
        rows = [
            f"{name:15} {self.right[name]:4}/{self.total[name]:<4} {self.right[name] / self.total[name]:7.1%}"
            for name in FIELDS
            if self.total[name]
        ]
        return "\n".join([f"overall {self.accuracy():.1%}", *rows, "misses:", *self.misses])


def _text_key(text: str | None) -> str:
    """Case-, diacritics- and punctuation-blind form of a place or deadline."""
    if text is None:
        return ""
    return " ".join(re.sub(r"[^\w/]+", " ", fold(text)).split())


def _same_deadline(found: str | None, expected: str) -> bool:
    """The deadline as written; a year the importer added to `15. 3.` does not make it wrong."""
    got, want = _text_key(found), _text_key(expected)
    return got == want or bool(re.fullmatch(re.escape(want) + r" (?:19|20)\d\d", got))


def _score_people(score: Score, where: str, name: str, found: list[str], expected: list[str]) -> None:
    want = Counter(person_key(n) for n in expected)
    got = Counter(person_key(n) for n in found)
    both = want & got
    for key, count in (want | got).items():
        ok_count = both[key]
        for n in range(count):
            detail = "missing" if want[key] > got[key] else "extra"
            score.add(name, n < ok_count, where, f"{detail} {key!r}")


def _score_deadlines(score: Score, where: str, found: list[str | None], expected: list[str]) -> None:
    """In-order matching (longest common subsequence): extra and missing deadlines are wrong."""
    rows, cols = len(expected), len(found)
    table = [[0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(cols - 1, -1, -1):
            if _same_deadline(found[j], expected[i]):
                table[i][j] = table[i + 1][j + 1] + 1
            else:
                table[i][j] = max(table[i + 1][j], table[i][j + 1])
    matched = table[0][0]
    for n in range(max(rows, cols)):
        detail = f"expected {expected}, found {found}" if n == matched else "(same)"
        score.add("task_deadlines", n < matched, where, detail)


def score_document(imported: Imported, expected: dict[str, Any], where: str) -> Score:
    """Points of one document against its ground truth."""
    score = Score()
    date = imported.date.isoformat() if imported.date else None
    score.add("date", date == expected["date"], where, f"{date} != {expected['date']}")
    time = imported.time.replace("–", "-") if imported.time else None
    score.add("time", time == expected["time"], where, f"{time} != {expected['time']}")
    place_ok = _text_key(imported.place) == _text_key(expected["place"])
    score.add("place", place_ok, where, f"{imported.place!r} != {expected['place']!r}")
    for name in LISTS:
        found = [p["name"] for p in getattr(imported, name)]
        _score_people(score, where, name, found, expected[name])
    recorder = person_key(imported.recorder) if imported.recorder else None
    want_recorder = person_key(expected["recorder"]) if expected["recorder"] else None
    score.add(
        "recorder", recorder == want_recorder, where, f"{imported.recorder!r} != {expected['recorder']!r}"
    )
    _score_deadlines(score, where, [t["due"] for t in imported.tasks], expected["task_deadlines"])
    _score_next(score, where, imported, expected["next_meeting"])
    return score


def _score_next(score: Score, where: str, imported: Imported, expected: dict[str, Any] | None) -> None:
    found = imported.next_meeting
    got_date = found["date"] if found else None
    got_time = found["time"] if found else None
    if expected is None:
        score.add("next_date", got_date is None and got_time is None, where, f"none expected, found {found}")
        return
    score.add("next_date", got_date == expected["date"], where, f"{got_date} != {expected['date']}")
    score.add("next_time", got_time == expected["time"], where, f"{got_time} != {expected['time']}")


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
    assert sum(score.total.values()) > 0
    assert score.accuracy() == 1.0, score.report()
