"""`kpss import` core: legacy minutes (.txt/.md/.docx/.pdf) to minutes files of the archive.

The five seeds in ../shared/seeds are real minutes (and one scraped presentation page); the
expectations below are what a careful reader of each document sees in it.
"""

from __future__ import annotations

import datetime as dt
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpss_cli.core.errors import KpssError
from kpss_cli.core.model import Minutes
from kpss_cli.importing import (
    Imported,
    PersonDict,
    TaskDict,
    clean,
    import_document,
    read_document,
    recognise,
    suggested_filename,
    to_minutes_markdown,
)
from kpss_cli.minutes.parse import parse_minutes
from kpss_cli.minutes.source import split_front_matter
from kpss_cli.minutes.yamlsafe import load_yaml

from .conftest import SHARED, SHARED_MISSING

SEEDS = SHARED / "seeds"
DATA = Path(__file__).parent / "data" / "import"


def seed(number: int) -> Imported:
    if not SEEDS.is_dir():
        pytest.skip(SHARED_MISSING)
    (path,) = SEEDS.glob(f"{number:03d}_*.txt")
    return import_document(path)


def names(people: list[PersonDict]) -> list[str]:
    return [p["name"] for p in people]


def warned(imported: Imported, field: str) -> bool:
    return any(f"`{field}`" in w for w in imported.warnings)


def round_trip(imported: Imported) -> Minutes:
    minutes, problems = parse_minutes(
        to_minutes_markdown(imported).encode(), "g/2022-01-01.md", "g/2022-01-01.md"
    )
    assert not [p for p in problems if p.is_error], problems
    assert minutes is not None
    return minutes


# --- seed 000: Prague coordinators, Word export with PAGE fields --------------------------------


def test_seed_000_header_fields() -> None:
    m = seed(0)
    assert m.date == dt.date(2011, 12, 20)
    assert m.time == "12:00-15:00"
    assert m.place == "MČ Praha 8 – KD Ládví"
    assert m.group is not None and "koordinátorů" in m.group


def test_seed_000_attendance_is_only_the_sheet() -> None:
    m = seed(0)
    assert m.attendance_sheet
    assert m.present == m.excused == m.absent == m.guests == []
    assert all("prezenční" not in n for n in names(m.present))
    assert warned(m, "present")


def test_seed_000_recorder_and_moderator() -> None:
    m = seed(0)
    # "Zapsal: Z. Nykodýmová" and "zapisovatel: Zuzana Nykodýmová" name the same person.
    assert m.recorder in ("Z. Nykodýmová", "Zuzana Nykodýmová")
    assert m.moderator == "PhDr. Tomáš Klinecký"


def test_seed_000_agenda_and_next_meeting() -> None:
    m = seed(0)
    assert m.agenda[0].startswith("Úvod")
    assert m.agenda[2:4] == ["Informace z MHMP", "Informace z městských částí"]
    assert len(m.agenda) == 6
    assert m.next_meeting == {"date": "2012-02-02", "time": "09:00", "place": "MČ Praha 17"}


def test_seed_000_page_field_is_removed_from_the_body() -> None:
    m = seed(0)
    assert "PAGE" not in m.body
    assert m.body.rstrip().endswith("PhDr. Tomáš Klinecký poděkoval za účast.")
    assert "MČ Praha 19" in m.body  # the rest of the text is kept


# --- seed 001: Liberec steering group -----------------------------------------------------------


def test_seed_001_header_fields() -> None:
    m = seed(1)
    assert m.date == dt.date(2017, 3, 15)  # not 17. 3. 2017, the day the minutes were written
    assert m.place == "historická radnice, 1. patro, kancelář č. 202"
    assert m.time is None and warned(m, "time")
    assert m.group == "Řídicí pracovní skupina"


def test_seed_001_attendance() -> None:
    m = seed(1)
    # "Kateřina, Šretrová" is one person with a stray comma: the list names nine people.
    assert names(m.present) == [
        "Alena Janáčková",
        "Kateřina Šretrová",
        "Jana Urbanová",
        "Vlasta Pavlů",
        "Dana Morcová",
        "Petr Hampacher",
        "Lukáš Průcha",
        "Ivan Langr",
        "Kateřina Marcinková",
    ]
    assert names(m.excused) == ["Olga Merglová", "Pavel Kalous"]
    assert m.guests == [
        {
            "name": "Michal Polesný",
            "org": None,
            "role": "projektový manažer z Centra komunitních prací v Ústí nad Labem",
        }
    ]
    assert not m.attendance_sheet


def test_seed_001_recorder_and_agenda() -> None:
    m = seed(1)
    assert m.recorder == "K. Marcinková"
    assert m.agenda == ["Úvod", "Informace z SML", "Informace z pracovních skupin", "Diskuze"]
    assert m.tasks == []


def test_seed_001_next_meeting_year_typo() -> None:
    """The text says "na středu 17. 5. 2016", in minutes of 15. 3. 2017. 17 May 2016 was a
    Tuesday and lies before the meeting; 17 May 2017 is a Wednesday: a careful reader takes
    2017-05-17 (the year is a typo), and the user is told to check it."""
    m = seed(1)
    assert m.next_meeting is not None
    assert m.next_meeting["date"] == "2017-05-17"
    assert m.next_meeting["time"] == "14:00"
    assert any("next_meeting" in w and "2016" in w for w in m.warnings)


# --- seed 002: Jindřichův Hradec, working group in the genitive ---------------------------------


def test_seed_002_header_fields() -> None:
    m = seed(2)
    assert m.group == "Osoby ohrožené sociálním vyloučením"
    assert m.date == dt.date(2018, 3, 29)
    assert m.place is not None
    assert m.place.startswith("MěÚ Jindřichův Hradec, nám. Masarykovo 168/II, 1. patro (")
    assert m.place.endswith("místnost krizového řízení)")


def test_seed_002_agenda_and_missing_attendance() -> None:
    m = seed(2)
    assert m.agenda == [
        "Základní informace o komunitním plánování sociálních služeb pro ORP Jindřichův Hradec",
        "Krajské plánování",
        "Organizační zajištění",
        "Hlavní aktivity",
        "Diskuze",
    ]
    assert m.present == [] and not m.attendance_sheet
    assert warned(m, "present") and warned(m, "recorder")
    # "Termín – 12. dubna 2018" is a public hearing, not a task and not the next meeting.
    assert m.tasks == []
    assert m.next_meeting is None


# --- seed 003: a scraped presentation page, not minutes -----------------------------------------


def test_seed_003_is_not_minutes_and_nothing_is_invented() -> None:
    m = seed(3)
    assert m.date is None  # "3. června 2009" is the date of a conference talk
    assert m.present == m.excused == m.guests == []
    assert m.recorder is None and m.tasks == [] and m.next_meeting is None
    assert any("does not look like minutes" in w for w in m.warnings)
    assert warned(m, "date")
    assert suggested_filename(m).startswith("undated-")


def test_seed_003_scrape_junk_is_removed() -> None:
    body = seed(3).body
    assert "Prezentace se nahrává" not in body
    assert "Reklamy Google" not in body
    assert "Komunitní plánování sociálních služeb ve městě Brně" in body


# --- seed 004: Liberec steering group, PDF-ish export with letterheads --------------------------


def test_seed_004_header_and_attendance() -> None:
    m = seed(4)
    assert m.date == dt.date(2021, 12, 15)
    assert m.place == "on-line"
    assert m.group == "Řídicí pracovní skupina"
    assert len(m.present) == 6 and "Adéla Sochůrková" in names(m.present)
    assert m.guests == [
        {"name": "Věra Motyčková", "org": "Motyčkovice klika, z. s.", "role": None},
        {"name": "Martin Benda", "org": "Fly&Go, s. r. o.", "role": None},
    ]
    assert len(m.excused) == 6 and names(m.excused)[0] == "Zlata Adamcová"
    assert m.recorder == "Adéla Sochůrková"


def test_seed_004_tasks_keep_deadlines_as_written() -> None:
    m = seed(4)
    assert m.tasks == [
        {
            "task": "naplánovat dvě setkání skupin do června 2022 + termíny zaslat e-mailem paní Sochůrkové",
            "owner": "manažeři pracovních skupin",
            "due": "01/21",
        },
        {
            "task": "rozeslat poskytovatelům finální podobu analýzy",
            "owner": "A. Sochůrková",
            "due": "01-02/21",
        },
    ]


def test_seed_004_agenda_and_next_meeting() -> None:
    m = seed(4)
    assert m.agenda[1:] == [
        "Informace ze SML",
        "Informace z KÚ",
        "Harmonogram dotačního titulu 2022",
        "Termíny setkání v roce 2022",
    ]
    # "Příští setkání se uskuteční 19. 1. od 14:00" in December 2021: January of the next year.
    assert m.next_meeting == {"date": "2022-01-19", "time": "14:00", "place": None}


def test_seed_004_letterheads_are_removed_once_repeated() -> None:
    body = seed(4).body
    assert body.count("REGIONU LIBEREC - ŘÍDICÍ PRACOVNÍ SKUPINA") == 1
    assert body.count("KOMUNITNÍ\n") <= 1
    assert "Zapsala: Adéla Sochůrková" in body
    assert "**Termín: 01-02/21**" in body


@pytest.mark.parametrize("number", [0, 1, 2, 4])  # 003 is not minutes: no date, no group
def test_every_seed_round_trips_through_the_minutes_parser(number: int) -> None:
    imported = seed(number)
    assert imported.date is not None and imported.group is not None
    minutes = round_trip(imported)
    assert minutes.date == imported.date
    assert minutes.time == imported.time
    assert minutes.place == imported.place
    assert [p.name for p in minutes.present] == names(imported.present)
    assert [(t.text, t.owner, t.due) for t in minutes.tasks] == [
        (t["task"], t["owner"], t["due"]) for t in imported.tasks
    ]
    assert minutes.attendance_sheet == imported.attendance_sheet
    assert minutes.status == "draft"


# --- synthetic documents: forms the seeds do not have -------------------------------------------


def test_genitive_title_date_titles_roles_and_task_section() -> None:
    m = import_document(DATA / "kolin-seniori-2020-10-05.txt")
    assert m.group == "Senioři"
    assert m.date == dt.date(2020, 10, 5)  # "ze dne 5. října 2020"
    assert m.time == "14:00-16:00"
    assert m.place == "MěÚ Kolín, Karlovo nám. 78, zasedací místnost č. 12"
    assert m.present[0] == {"name": "Mgr. Petra Svobodová", "org": None, "role": "koordinátorka KPSS"}
    assert m.present[1] == {"name": "Ing. Karel Dvořák", "org": "Charita Kolín", "role": None}
    assert m.present[2]["name"] == "Bc. Lucie Malá, DiS."
    assert names(m.excused) == ["Mgr. Jana Nová", "Ing Petr Malý", "Eva Dlouhá, Ph.D."]
    assert names(m.absent) == ["Tomáš Černý"]
    assert names(m.guests) == ["Marie Veselá"]
    assert m.moderator == "Mgr. Petra Svobodová"
    assert m.recorder == "Bc. Lucie Malá"
    assert m.agenda == ["Zahájení a kontrola úkolů", "Dotační řízení 2021", "Různé"]


def test_task_section_owners_and_deadlines_without_year() -> None:
    m = import_document(DATA / "kolin-seniori-2020-10-05.txt")
    # Meeting of 5. 10. 2020: "15. 10." is this October, "15. 3." is next March.
    assert m.tasks == [
        {"task": "Rozeslat zápis členům skupiny", "owner": "Mgr. Petra Svobodová", "due": "15. 10. 2020"},
        {"task": "Připravit podklady k dotacím", "owner": "Ing. Karel Dvořák", "due": "15. 3. 2021"},
        {"task": "Aktualizovat katalog služeb", "owner": "Bc. Lucie Malá", "due": "průběžně"},
    ]


def test_next_meeting_not_set_is_none_without_a_warning() -> None:
    m = import_document(DATA / "kolin-seniori-2020-10-05.txt")
    assert m.next_meeting is None
    assert not warned(m, "next_meeting")


def test_windows_1250_text_with_task_block_and_blank_lines() -> None:
    m = import_document(DATA / "beroun-cp1250.txt")
    assert m.date == dt.date(2021, 2, 11)
    assert m.time == "09:30-11:00"
    assert m.place == "on-line (MS Teams)"
    assert names(m.present) == ["Mgr. Šárka Žáková", "Bc. Ondřej Říha", "Ludmila Kůrková"]
    assert m.recorder == "Ludmila Kůrková"
    assert m.moderator == "Bc. Ondřej Říha"
    assert m.agenda == ["Kontrola úkolů", "Střednědobý plán 2022–2024", "Různé"]
    # "Termín: 15. 3." without a year takes the meeting's year.
    assert m.tasks == [
        {
            "task": "Připravit harmonogram připomínkování plánu",
            "owner": "Mgr. Šárka Žáková",
            "due": "15. 3. 2021",
        }
    ]
    assert m.next_meeting == {"date": "2021-03-11", "time": "09:30", "place": "MěÚ Beroun, malá zasedačka"}


def test_creation_date_is_not_the_meeting_date() -> None:
    m = import_document(DATA / "created-date-only.txt")
    assert m.date is None  # only "Vytvořeno: 1. 1. 2021" is there
    assert warned(m, "date")
    assert m.group == "Koordinační skupina"
    assert m.tasks == [{"task": "Svolat řídicí skupinu", "owner": "Jana Nová", "due": "15. 3."}]


def test_writing_date_next_to_the_recorder_is_not_the_meeting_date() -> None:
    m = recognise(
        "Zápis z jednání PS Rodina\nPřítomni: Jana Nová, Petr Malý\n\nZapsala: dne 17. 3. 2017, Eva Malá\n"
    )
    assert m.date is None
    assert m.recorder == "Eva Malá"


@pytest.mark.parametrize(
    ("text", "date", "time"),
    [
        (
            "Zápis z jednání řídicí skupiny konaného dne 12. 1. 2019 od 9:00 do 11:30",
            "2019-01-12",
            "09:00-11:30",
        ),
        ("Datum a čas: 03. 04. 2019, 14.00 – 15.30 hod.", "2019-04-03", "14:00-15:30"),
        ("Datum konání: 7. listopadu 2019\nZačátek: 13:00\nKonec: 15:00", "2019-11-07", "13:00-15:00"),
        ("Zápis\nDatum: 2020-06-30\nČas: od 14 hod.", "2020-06-30", "14:00"),
    ],
)
def test_date_and_time_forms(text: str, date: str, time: str) -> None:
    m = recognise(text)
    assert m.date is not None and m.date.isoformat() == date
    assert m.time == time


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Příští setkání se uskuteční 19. 1. od 14:00.",
            {"date": "2022-01-19", "time": "14:00", "place": None},
        ),
        (
            "Další jednání proběhne 9. 3. 2021 v 10:00 v zasedací místnosti MěÚ.",
            {"date": "2021-03-09", "time": "10:00", "place": "zasedací místnosti MěÚ"},
        ),
        ("Termín příští schůzky: 2. 2. 2022", {"date": "2022-02-02", "time": None, "place": None}),
    ],
)
def test_next_meeting_forms(text: str, expected: dict[str, str | None]) -> None:
    m = recognise(f"Zápis z jednání\nDatum: 15. 12. 2021\n\n{text}\n")
    assert m.next_meeting == expected


def test_attendance_label_alone_then_one_name_per_line() -> None:
    text = (
        "Zápis z jednání PS Senioři\nDatum: 1. 2. 2022\n\nPřítomni:\n\n- Mgr. Jana Nová\n- Petr Malý, Charita Beroun\n"
        "- Eva Veselá – předsedkyně\n\nOmluveni:\nKarel Novák\n\n1. Úvod\n"
    )
    m = recognise(text)
    assert m.present == [
        {"name": "Mgr. Jana Nová", "org": None, "role": None},
        {"name": "Petr Malý", "org": "Charita Beroun", "role": None},
        {"name": "Eva Veselá", "org": None, "role": "předsedkyně"},
    ]
    assert names(m.excused) == ["Karel Novák"]


def test_attendance_sheet_is_not_a_name() -> None:
    m = recognise(
        "Zápis\nDatum: 1. 2. 2022\nPřítomni: dle prezenční listiny\nHosté: Ing. Jan Veselý (MPSV)\n"
    )
    assert m.attendance_sheet and m.present == []
    assert m.guests == [{"name": "Ing. Jan Veselý", "org": "MPSV", "role": None}]


def test_group_hint_wins_and_unknown_fields_are_warned() -> None:
    m = recognise("Zápis z jednání pracovní skupiny Senioři\n", group_hint="Senioři Kolín")
    assert m.group == "Senioři Kolín"
    for field in ("date", "time", "place", "present", "recorder", "agenda"):
        assert warned(m, field), field


def test_one_line_task_and_ad_sections() -> None:
    text = (
        "Zápis z jednání\nDatum: 10. 2. 2022\nAd 1) Kontrola úkolů\nvše splněno\nAd 2) Dotace\n"
        "Úkol: zaslat žádosti; Zajistí: koordinátorka; Termín: 03/22\n"
    )
    m = recognise(text)
    assert m.agenda == ["Kontrola úkolů", "Dotace"]
    assert m.tasks == [{"task": "zaslat žádosti", "owner": "koordinátorka", "due": "03/22"}]


# --- reading documents --------------------------------------------------------------------------


def test_docx_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Zápis z jednání pracovní skupiny Rodina a děti", level=1)
    table = document.add_table(rows=3, cols=2)
    for row, (label, value) in zip(
        table.rows,
        [
            ("Datum:", "3. 2. 2022, 15:00–17:00"),
            ("Místo:", "Obecní úřad Dolní Lhota, klubovna"),
            ("Přítomni:", "Jana Nová (Rodinné centrum Lhota), Petr Malý"),
        ],
        strict=True,
    ):
        row.cells[0].text, row.cells[1].text = label, value
    document.add_paragraph("Program:")
    for item in ("Úvod", "Letní tábor", "Různé"):
        document.add_paragraph(item, style="List Number")  # Word keeps the numbers out of the text
    tasks = document.add_table(rows=2, cols=3)
    for cell, value in zip(tasks.rows[0].cells, ("Úkol", "Zodpovídá", "Termín"), strict=True):
        cell.text = value
    for cell, value in zip(tasks.rows[1].cells, ("Rozeslat pozvánky", "Jana Nová", "28. 2."), strict=True):
        cell.text = value
    document.add_paragraph("Zapsal: Petr Malý")
    path = tmp_path / "zapis.docx"
    document.save(str(path))

    text = read_document(path)
    assert (
        text.index("Zápis z jednání")
        < text.index("Přítomni:")
        < text.index("Program:")
        < text.index("Zapsal")
    )
    m = import_document(path)
    assert m.group == "Rodina a děti"
    assert m.date == dt.date(2022, 2, 3) and m.time == "15:00-17:00"
    assert m.place == "Obecní úřad Dolní Lhota, klubovna"
    assert m.present == [
        {"name": "Jana Nová", "org": "Rodinné centrum Lhota", "role": None},
        {"name": "Petr Malý", "org": None, "role": None},
    ]
    assert m.agenda == ["Úvod", "Letní tábor", "Různé"]
    assert m.tasks == [{"task": "Rozeslat pozvánky", "owner": "Jana Nová", "due": "28. 2. 2022"}]
    assert m.recorder == "Petr Malý"


def _pdf(pages: list[list[str]]) -> bytes:
    """A minimal PDF with one line of Helvetica text per item (ASCII only)."""
    objects: list[bytes] = [b"", b""]
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    kids: list[int] = []
    for lines in pages:
        ops = ["BT /F1 11 Tf 14 TL 50 800 Td"]
        ops += ["(" + line.replace("(", "\\(").replace(")", "\\)") + ") Tj T*" for line in lines]
        stream = "\n".join([*ops, "ET"]).encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        content = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % content
        )
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_pdf_text_with_page_headers_and_numbers(tmp_path: Path) -> None:
    path = tmp_path / "zapis.pdf"
    header = "Mesto Dolni Lhota - komunitni planovani"
    path.write_bytes(
        _pdf(
            [
                [
                    header,
                    "Zapis z jednani ridici skupiny",
                    "Datum: 15. 3. 2022",
                    "Pritomni: Jana Nova, Petr Maly",
                    "Strana 1 z 2",
                ],
                [header, "Zapsala: Jana Nova", "Strana 2 z 2"],
            ]
        )
    )
    m = import_document(path)
    assert m.date == dt.date(2022, 3, 15)
    assert names(m.present) == ["Jana Nova", "Petr Maly"]
    assert m.recorder == "Jana Nova"
    assert m.body.count(header) == 1
    assert "Strana" not in m.body


def test_encrypted_pdf_is_a_clear_error(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt("tajne-heslo")
    path = tmp_path / "locked.pdf"
    with open(path, "wb") as handle:
        writer.write(handle)
    with pytest.raises(KpssError, match="encrypted"):
        read_document(path)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("fake.pdf", b"this is not a PDF at all", "PDF"),
        ("fake.docx", b"PK not really a zip", "docx"),
        ("old.doc", b"\xd0\xcf\x11\xe0", "without LibreOffice.*save it as .docx"),
        ("notes.odt", b"", "without LibreOffice"),
        ("notes.wpd", b"", "supported are"),
    ],
)
def test_unreadable_and_unsupported_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, data: bytes, message: str
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs"))  # no LibreOffice here
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(KpssError, match=message) as error:
        read_document(path)
    assert error.value.path == str(path)


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(KpssError, match="cannot read"):
        read_document(tmp_path / "nowhere.txt")


def test_text_encodings(tmp_path: Path) -> None:
    text = "Zápis – Přítomni: Šárka Žáková\n"
    (tmp_path / "bom.md").write_bytes(b"\xef\xbb\xbf" + text.encode())
    (tmp_path / "cp.txt").write_bytes(text.encode("cp1250"))
    assert read_document(tmp_path / "bom.md") == text
    assert read_document(tmp_path / "cp.txt") == text


# --- cleaning ------------------------------------------------------------------------------------


def test_clean_removes_page_furniture_only() -> None:
    text = (
        "Zápis z jednání\n\nStránka 1 z 2\n\fZápis z jednání\nPAGE 3\n- 4 -\n"
        "Termín: průběžně\nTermín: průběžně\nTermín: průběžně\nDiskuze\nDiskuze\nDiskuze\n"
    )
    cleaned = clean(text)
    assert "Stránka" not in cleaned and "PAGE" not in cleaned and "- 4 -" not in cleaned
    # labelled lines and single words repeat in real minutes: they stay
    assert cleaned.count("Termín: průběžně") == 3
    assert cleaned.count("Diskuze") == 3
    assert cleaned.count("Zápis z jednání") == 1  # a page header, repeated on the second page


# --- writing -------------------------------------------------------------------------------------


def test_written_minutes_do_not_count_body_tasks_twice() -> None:
    imported = seed(4)
    markdown = to_minutes_markdown(imported)
    minutes = round_trip(imported)
    assert len(minutes.tasks) == 2
    assert all(t.source == "front_matter" for t in minutes.tasks)
    assert "**Úkol: rozeslat poskytovatelům finální podobu analýzy**" in markdown  # body kept


def test_front_matter_quotes_yaml_traps() -> None:
    imported = Imported(
        group="no",
        date=dt.date(2022, 1, 5),
        time="14:00",
        place="Praha: radnice",
        present=[
            {"name": "yes", "org": None, "role": None},
            {"name": "Jana (Nová)", "org": None, "role": None},
        ],
        recorder="Nová, Jana",
        tasks=[{"task": "úkol: #1", "owner": "on", "due": "01/22"}],
        next_meeting={"date": "2022-02-02", "time": "09:00", "place": None},
        body="- [x] g/2021-12-01#1 splněno\n```\n**Úkol:** skrytý\n",
        warnings=["no moderator found: fill in `moderator`"],
    )
    markdown = to_minutes_markdown(imported)
    split = split_front_matter(markdown)
    assert split is not None
    front = load_yaml(split.front_matter)
    assert front["group"] == "no" and front["time"] == "14:00" and front["status"] == "draft"
    minutes = round_trip(imported)
    assert minutes.time == "14:00" and minutes.place == "Praha: radnice"
    assert [p.name for p in minutes.present] == ["yes", "Jana (Nová)"]
    assert minutes.recorder is not None and minutes.recorder.name == "Nová, Jana"
    assert [(t.text, t.owner, t.due) for t in minutes.tasks] == [("úkol: #1", "on", "01/22")]
    assert minutes.updates == [] and minutes.loose_checks == []
    assert minutes.next_meeting is not None and minutes.next_meeting.date == dt.date(2022, 2, 2)


def test_suggested_filename() -> None:
    assert suggested_filename(Imported(date=dt.date(2021, 12, 15))) == "2021-12-15.md"
    assert suggested_filename(Imported(source_name="Zápis PS 3.docx")) == "undated-zapis-ps-3.md"


# --- properties ----------------------------------------------------------------------------------

_FRAGMENTS = [
    "Zápis z jednání pracovní skupiny Senioři",
    "Datum: 15. 3. 2021",
    "Datum a čas: 20.12. 2011 od 12:00 – 15:00 hod.",
    "Přítomni:",
    "Přítomni: Jana Nová, Kateřina, Šretrová",
    "Omluveni: Mgr.Jana Nová, Ing Petr Malý, Eva Dlouhá, Ph.D.",
    "Hosté: Věra Motyčková (Motyčkovice klika, z. s.)",
    "Zapsala: dne 17. 3. 2017, K. Marcinková",
    "Program:",
    "1. Úvod",
    "- bod",
    "Úkol: něco",
    "Zajistí: někdo",
    "Termín: 15. 3.",
    "Úkoly a termíny vyplývající z jednání",
    "Příští setkání se uskuteční 19. 1. od 14:00",
    "Místo a datum dalšího setkání",
    "PAGE",
    "3",
    "",
    "| Přítomni | x |",
    "(",
    "Ad. 2)",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), st.lists(st.sampled_from(_FRAGMENTS) | st.text(max_size=30)).map("\n".join)))
def test_recognise_never_raises(text: str) -> None:
    result = recognise(text)
    assert isinstance(result.warnings, list)
    to_minutes_markdown(result)


_NAME_CHARS = string.ascii_letters + "áčďéěíňóřšťúůýžÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ .-'&:#()0123456789"
_word = (
    st.text(alphabet=_NAME_CHARS, min_size=1, max_size=25)
    .map(lambda s: " ".join(s.split()))
    .filter(lambda s: bool(s) and not s.endswith((",", ";")) and "prezen" not in s.lower())
)
_person = st.builds(
    lambda name, org, role: PersonDict(name=name, org=org, role=role),
    _word,
    st.none() | _word,
    st.none() | _word,
)
_time = st.sampled_from(["09:00", "14:00", "12:00-15:00", "08:30-10:00"])


@settings(max_examples=100, deadline=None)
@given(
    group=_word,
    date=st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31)),
    time=st.none() | _time,
    place=st.none() | _word,
    present=st.lists(_person, max_size=4),
    guests=st.lists(_person, max_size=2),
    tasks=st.lists(
        st.builds(
            lambda t, o, d: TaskDict(task=t, owner=o, due=d), _word, st.none() | _word, st.none() | _word
        ),
        max_size=3,
    ),
    body=st.lists(st.sampled_from(_FRAGMENTS) | st.text(max_size=20)).map("\n".join),
)
def test_round_trip_through_parse_minutes(
    group: str,
    date: dt.date,
    time: str | None,
    place: str | None,
    present: list[PersonDict],
    guests: list[PersonDict],
    tasks: list[TaskDict],
    body: str,
) -> None:
    imported = Imported(
        group=group,
        date=date,
        time=time,
        place=place,
        present=present,
        guests=guests,
        tasks=tasks,
        body=body,
    )
    minutes = round_trip(imported)
    assert minutes.date == date and minutes.time == time and minutes.place == place
    assert [(p.name, p.org, p.role) for p in minutes.present] == [
        (p["name"], p["org"], p["role"]) for p in present
    ]
    assert [(p.name, p.org, p.role) for p in minutes.guests] == [
        (p["name"], p["org"], p["role"]) for p in guests
    ]
    assert [(t.text, t.owner, t.due) for t in minutes.tasks] == [
        (t["task"], t["owner"], t["due"]) for t in tasks
    ]
    assert minutes.updates == []
