"""Deadlines as Czech offices write them (FORMAT.md 1.1, docs/format.md §8): the forms without
a year or counted from the meeting, anchored on the date of the meeting that set the task."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kpss_cli.core.dates import parse_deadline
from kpss_cli.core.vocabulary import MONTHS, NUMBERS

from .conftest import Invoke, minutes, write

D = dt.date

# (text, meeting, kind, last day): every expected day worked out by hand.
ANCHORED = [
    # A day without a year: the first such day on or after the meeting.
    ("31. 3.", D(2026, 11, 20), "date", D(2027, 3, 31)),
    ("do 31. 3.", D(2026, 11, 20), "date", D(2027, 3, 31)),
    ("do 31. 3.", D(2026, 2, 10), "date", D(2026, 3, 31)),
    ("do 30.11.", D(2026, 11, 20), "date", D(2026, 11, 30)),
    ("do 30.11.", D(2026, 12, 1), "date", D(2027, 11, 30)),
    ("20. 11.", D(2026, 11, 20), "date", D(2026, 11, 20)),  # the meeting's own day
    ("19. 11.", D(2026, 11, 20), "date", D(2027, 11, 19)),
    ("15. ledna", D(2026, 11, 20), "date", D(2027, 1, 15)),  # set in November: next January
    ("do 15. ledna", D(2026, 11, 20), "date", D(2027, 1, 15)),
    ("do 15. ledna", D(2026, 1, 14), "date", D(2026, 1, 15)),
    ("15. Ledna", D(2026, 1, 15), "date", D(2026, 1, 15)),
    ("k 31. 3.", D(2026, 4, 1), "date", D(2027, 3, 31)),
    ("31. 12.", D(2027, 12, 31), "date", D(2027, 12, 31)),  # year end
    ("30. 12.", D(2027, 12, 31), "date", D(2028, 12, 30)),
    ("15. ledna", D(2027, 12, 31), "date", D(2028, 1, 15)),
    ("31. 1.", D(2026, 1, 31), "date", D(2026, 1, 31)),
    ("30. 1.", D(2026, 1, 31), "date", D(2027, 1, 30)),
    ("29. 2.", D(2026, 11, 20), "date", D(2028, 2, 29)),  # the next year that has it
    ("29. 2.", D(2028, 2, 29), "date", D(2028, 2, 29)),
    ("29. 2.", D(2029, 3, 1), "date", D(2032, 2, 29)),
    ("28. 2.", D(2028, 2, 29), "date", D(2029, 2, 28)),
    ("1. 3.", D(2028, 2, 29), "date", D(2028, 3, 1)),
    # A month without a year: the end of the first such month that ends on or after it.
    ("březen", D(2026, 11, 20), "period", D(2027, 3, 31)),
    ("v březnu", D(2026, 11, 20), "period", D(2027, 3, 31)),
    ("do konce března", D(2026, 11, 20), "period", D(2027, 3, 31)),
    ("do konce března", D(2026, 3, 31), "period", D(2026, 3, 31)),
    ("do konce brezna", D(2026, 2, 1), "period", D(2026, 3, 31)),
    ("listopad", D(2026, 11, 20), "period", D(2026, 11, 30)),  # the meeting's own month
    ("v říjnu", D(2026, 11, 20), "period", D(2027, 10, 31)),
    ("prosinec", D(2027, 12, 31), "period", D(2027, 12, 31)),
    ("březen", D(2027, 12, 31), "period", D(2028, 3, 31)),
    ("únor", D(2028, 2, 29), "period", D(2028, 2, 29)),
    ("únor", D(2027, 3, 1), "period", D(2028, 2, 29)),  # a leap February
    ("leden", D(2028, 2, 29), "period", D(2029, 1, 31)),
    # That month, quarter or half-year, with its year.
    ("do konce března 2027", D(2026, 11, 20), "period", D(2027, 3, 31)),
    ("XI/2026", D(2026, 11, 20), "period", D(2026, 11, 30)),
    ("XI. 2026", D(2026, 11, 20), "period", D(2026, 11, 30)),
    ("XII/26", D(2026, 11, 20), "period", D(2026, 12, 31)),
    ("II/2028", D(2027, 12, 31), "period", D(2028, 2, 29)),
    ("Q1/2027", D(2026, 11, 20), "period", D(2027, 3, 31)),
    ("I. čtvrtletí 2027", D(2026, 11, 20), "period", D(2027, 3, 31)),
    ("IV. čtvrtletí 2027", D(2026, 11, 20), "period", D(2027, 12, 31)),
    ("1. pololetí 2027", D(2026, 11, 20), "period", D(2027, 6, 30)),
    ("H1 2027", D(2026, 11, 20), "period", D(2027, 6, 30)),
    ("H2/2027", D(2026, 11, 20), "period", D(2027, 12, 31)),
    # The meeting's year and month.
    ("do konce roku", D(2026, 11, 20), "period", D(2026, 12, 31)),
    ("do konce roku", D(2027, 12, 31), "period", D(2027, 12, 31)),
    ("letos", D(2026, 1, 1), "period", D(2026, 12, 31)),
    ("v průběhu roku", D(2028, 2, 29), "period", D(2028, 12, 31)),
    ("do konce měsíce", D(2026, 11, 20), "period", D(2026, 11, 30)),
    ("do konce měsíce", D(2028, 2, 1), "period", D(2028, 2, 29)),
    ("do konce měsíce", D(2027, 2, 1), "period", D(2027, 2, 28)),
    ("do konce měsíce", D(2027, 12, 31), "period", D(2027, 12, 31)),
    # The meeting itself.
    ("ihned", D(2026, 11, 20), "date", D(2026, 11, 20)),
    ("Neprodleně", D(2027, 12, 31), "date", D(2027, 12, 31)),
    ("ještě dnes", D(2028, 2, 29), "date", D(2028, 2, 29)),
    # The meeting plus that time.
    ("do 14 dnů", D(2026, 11, 20), "date", D(2026, 12, 4)),
    ("do 14 dnů", D(2027, 12, 31), "date", D(2028, 1, 14)),
    ("do 10 dní", D(2026, 11, 20), "date", D(2026, 11, 30)),
    ("do týdne", D(2026, 11, 20), "date", D(2026, 11, 27)),
    ("do týdne", D(2027, 12, 31), "date", D(2028, 1, 7)),
    ("do jednoho týdne", D(2026, 11, 20), "date", D(2026, 11, 27)),
    ("do 2 týdnů", D(2026, 11, 20), "date", D(2026, 12, 4)),
    ("do dvou týdnů", D(2028, 2, 29), "date", D(2028, 3, 14)),
    ("do 4 týdnů", D(2026, 1, 31), "date", D(2026, 2, 28)),
    ("do měsíce", D(2026, 11, 20), "date", D(2026, 12, 20)),
    ("do měsíce", D(2026, 1, 31), "date", D(2026, 2, 28)),  # no 31 February: its last day
    ("do měsíce", D(2027, 12, 31), "date", D(2028, 1, 31)),
    ("do měsíce", D(2028, 2, 29), "date", D(2028, 3, 29)),
    ("do 2 měsíců", D(2027, 12, 31), "date", D(2028, 2, 29)),
    ("do 3 měsíců", D(2026, 11, 20), "date", D(2027, 2, 20)),
    ("do tří měsíců", D(2027, 12, 31), "date", D(2028, 3, 31)),
    ("do 12 měsíců", D(2028, 2, 29), "date", D(2029, 2, 28)),
    ("za 14 dní", D(2026, 11, 20), "date", D(2026, 12, 4)),
    # Next meeting: filled in from the archive (see the CLI tests).
    ("do příštího jednání", D(2026, 11, 20), "next_meeting", None),
    ("na příštím jednání", D(2026, 11, 20), "next_meeting", None),
    # Still not deadlines.
    ("31. 4.", D(2026, 11, 20), "unknown", None),
    ("30. 2.", D(2026, 11, 20), "unknown", None),
    ("do 5 pracovních dnů", D(2026, 11, 20), "unknown", None),
    ("do Vánoc", D(2026, 11, 20), "unknown", None),
    ("někdy na jaře", D(2026, 11, 20), "unknown", None),
]


@pytest.mark.parametrize(("text", "meeting", "kind", "end"), ANCHORED)
def test_anchored_forms(text: str, meeting: dt.date, kind: str, end: dt.date | None) -> None:
    deadline = parse_deadline(text, meeting)
    assert (deadline.kind, deadline.end) == (kind, end)


@pytest.mark.parametrize("text", ["31. 3.", "březen", "do konce roku", "ihned", "do 14 dnů", "do měsíce"])
def test_anchored_forms_need_the_meeting(text: str) -> None:
    """Without the meeting's date a form that counts from it is not read."""
    assert parse_deadline(text).kind == "unknown"


@pytest.mark.parametrize(
    "text",
    [
        "2022-01-31", "31. 1. 2022", "01/22", "leden 2022", "01-02/22", "Q1 2022", "1. čtvrtletí 2022",
        "2. pololetí 2022", "2022", "do konce června 2022", "průběžně", "do příštího jednání",
    ],
)  # fmt: skip
@pytest.mark.parametrize("meeting", [D(2021, 12, 15), D(2024, 2, 29), D(2030, 6, 1)])
def test_forms_with_a_year_do_not_depend_on_the_meeting(text: str, meeting: dt.date) -> None:
    assert parse_deadline(text, meeting) == parse_deadline(text)


def test_an_explicit_past_date_stays_in_the_past() -> None:
    """`kpss check` reports it; anchoring does not move it."""
    assert parse_deadline("01/21", D(2021, 12, 15)).end == D(2021, 1, 31)
    assert parse_deadline("XI/2020", D(2021, 12, 15)).end == D(2020, 11, 30)


# --- through the command line --------------------------------------------------------------------


def _tasks(invoke: Invoke, root: Path, *options: str) -> dict[str, dict[str, Any]]:
    result = invoke("tasks", "-a", str(root), "--format", "json", *options)
    assert result.exit_code == 0, result.stderr
    return {row["id"]: row for row in json.loads(result.stdout)}


def _deadlines(invoke: Invoke, root: Path, as_of: str = "2026-11-21") -> dict[str, str | None]:
    return {i: row["deadline"] for i, row in _tasks(invoke, root, "--all", "--as-of", as_of).items()}


def _overdue(invoke: Invoke, root: Path, as_of: str) -> set[str]:
    return set(_tasks(invoke, root, "--overdue", "--as-of", as_of))


def _front_tasks(*dues: str) -> str:
    return "tasks:\n" + "".join(f"  - task: Úkol {n}\n    due: {due}\n" for n, due in enumerate(dues, 1))


FIRST = ("31. 3.", "do 14 dnů", "ihned", "do konce roku", "XI/2026", "Q1/2027", "15. ledna", "v březnu")
FIRST += ("do měsíce", "H1 2027", "do konce měsíce", "29. 2.")
LAST = ("15. ledna", "do měsíce", "29. 2.", "do konce roku", "do 2 měsíců")


@pytest.fixture
def anchored(tmp_path: Path) -> Path:
    """The same forms set at meetings in November 2026 and on New Year's Eve 2027."""
    root = tmp_path / "a"
    write(
        root / "g/2026-11-20.md",
        minutes(
            "group: Senioři\ndate: 2026-11-20\n" + _front_tasks(*FIRST),
            "\n**Úkol:** Obvolat poskytovatele\n**Zajistí:** Eva Nová\n**Termín:** do 2 týdnů\n",
        ),
    )
    write(root / "g/2027-12-31.md", minutes("group: Senioři\ndate: 2027-12-31\n" + _front_tasks(*LAST)))
    return root


def test_tasks_json_gives_anchored_deadlines(invoke: Invoke, anchored: Path) -> None:
    assert _deadlines(invoke, anchored) == {
        "g/2026-11-20#1": "2027-03-31",  # 31. 3.
        "g/2026-11-20#2": "2026-12-04",  # do 14 dnů
        "g/2026-11-20#3": "2026-11-20",  # ihned
        "g/2026-11-20#4": "2026-12-31",  # do konce roku
        "g/2026-11-20#5": "2026-11-30",  # XI/2026
        "g/2026-11-20#6": "2027-03-31",  # Q1/2027
        "g/2026-11-20#7": "2027-01-15",  # 15. ledna
        "g/2026-11-20#8": "2027-03-31",  # v březnu
        "g/2026-11-20#9": "2026-12-20",  # do měsíce
        "g/2026-11-20#10": "2027-06-30",  # H1 2027
        "g/2026-11-20#11": "2026-11-30",  # do konce měsíce
        "g/2026-11-20#12": "2028-02-29",  # 29. 2.
        "g/2026-11-20#13": "2026-12-04",  # do 2 týdnů, a task block of the body
        "g/2027-12-31#1": "2028-01-15",  # 15. ledna
        "g/2027-12-31#2": "2028-01-31",  # do měsíce
        "g/2027-12-31#3": "2028-02-29",  # 29. 2.
        "g/2027-12-31#4": "2027-12-31",  # do konce roku
        "g/2027-12-31#5": "2028-02-29",  # do 2 měsíců: no 31 February
    }
    rows = _tasks(invoke, anchored, "--all", "--as-of", "2026-11-21")
    assert rows["g/2026-11-20#1"]["due"] == "31. 3."  # as written
    assert {rows[f"g/2026-11-20#{n}"]["deadline_kind"] for n in (1, 2, 3, 9)} == {"date"}
    assert {rows[f"g/2026-11-20#{n}"]["deadline_kind"] for n in (4, 5, 6, 8, 10, 11)} == {"period"}


def test_overdue_on_chosen_days(invoke: Invoke, anchored: Path) -> None:
    first = "g/2026-11-20#"
    assert _overdue(invoke, anchored, "2026-11-20") == set()  # `ihned` is due on the day itself
    assert _overdue(invoke, anchored, "2026-11-21") == {first + "3"}
    assert _overdue(invoke, anchored, "2026-12-05") == {first + n for n in ("3", "5", "11", "2", "13")}
    assert _overdue(invoke, anchored, "2027-01-01") == {
        first + n for n in ("3", "5", "11", "2", "13", "9", "4")
    }
    assert _overdue(invoke, anchored, "2028-01-16") - {first + str(n) for n in range(1, 14)} == {
        "g/2027-12-31#4",
        "g/2027-12-31#1",
    }
    assert _overdue(invoke, anchored, "2028-03-01") == {first + str(n) for n in range(1, 14)} | {
        f"g/2027-12-31#{n}" for n in range(1, 6)
    }
    # The same day and tasks, whatever the index holds: a second, warm run agrees.
    assert _overdue(invoke, anchored, "2026-12-05") == {first + n for n in ("3", "5", "11", "2", "13")}


def test_check_is_quiet_about_anchored_forms(invoke: Invoke, anchored: Path) -> None:
    result = invoke("check", "-a", str(anchored), "--as-of", "2026-11-21")
    assert "deadline" not in result.stdout


def test_next_meeting_follows_a_task_carried_on(invoke: Invoke, tmp_path: Path) -> None:
    """`do příštího jednání` moves to the meeting after each meeting that carries the task on
    (`trvá`, an open update) without a new date; a task not carried on keeps its first one."""
    root = tmp_path / "a"
    write(
        root / "g/2026-01-10.md",
        minutes("group: G\ndate: 2026-01-10\n" + _front_tasks("do příštího jednání", "na příštím jednání")),
    )
    write(root / "g/2026-02-14.md", minutes("group: G\ndate: 2026-02-14", "- [ ] g/2026-01-10#1 trvá\n"))
    # The second meeting carried it on; no meeting after it is known yet.
    assert _deadlines(invoke, root) == {"g/2026-01-10#1": None, "g/2026-01-10#2": "2026-02-14"}
    assert _overdue(invoke, root, "2026-03-01") == {"g/2026-01-10#2"}
    write(
        root / "g/2026-03-14.md",
        minutes(
            "group: G\ndate: 2026-03-14\nnext_meeting: 2026-04-11 14:00\n"
            "updates: [{id: 'g/2026-01-10#1', status: open, note: pokračuje}]"
        ),
    )
    # The third meeting carried it on again, and names the fourth.
    assert _deadlines(invoke, root) == {"g/2026-01-10#1": "2026-04-11", "g/2026-01-10#2": "2026-02-14"}
    assert _overdue(invoke, root, "2026-04-11") == {"g/2026-01-10#2"}
    assert _overdue(invoke, root, "2026-04-12") == {"g/2026-01-10#1", "g/2026-01-10#2"}
    write(root / "g/2026-04-11.md", minutes("group: G\ndate: 2026-04-11", "- [x] g/2026-01-10#1 hotovo\n"))
    assert _deadlines(invoke, root)["g/2026-01-10#1"] == "2026-04-11"  # done: it moves no more
    assert _overdue(invoke, root, "2026-04-12") == {"g/2026-01-10#2"}


def test_a_later_meeting_gives_a_new_deadline(invoke: Invoke, tmp_path: Path) -> None:
    """A new deadline in `updates` (`due`, `termín`) or in a note (`nový termín …`) is anchored
    on the meeting that wrote it and replaces the task's deadline: `due` is the new one as
    written, and the history keeps the first."""
    root = tmp_path / "a"
    write(
        root / "g/2026-01-10.md",
        minutes("group: G\ndate: 2026-01-10\n" + _front_tasks("31. 1.", "do 14 dnů", "2026-02-28", "únor")),
    )
    write(
        root / "g/2026-03-05.md",
        minutes(
            "group: G\ndate: 2026-03-05\nkontrola úkolů:\n"
            "  - {id: 'g/2026-01-10#1', status: open, due: do 14 dnů}\n"
            "  - g/2026-01-10#3 trvá, nový termín do konce dubna\n"
            "  - {id: 'g/2026-01-10#4', stav: trvá, termín: 15. 1., poznámka: čeká se na kraj}\n",
            "\n- [ ] g/2026-01-10#2 trvá, nový termín 15. 1., čeká se na kraj\n",
        ),
    )
    rows = _tasks(invoke, root, "--all", "--as-of", "2026-03-06")
    assert {i: (row["due"], row["deadline"]) for i, row in rows.items()} == {
        "g/2026-01-10#1": ("do 14 dnů", "2026-03-19"),  # 14 days from 5 March, not from 10 January
        "g/2026-01-10#2": ("15. 1.", "2027-01-15"),  # the first 15 January after 5 March
        "g/2026-01-10#3": ("do konce dubna", "2026-04-30"),
        "g/2026-01-10#4": ("15. 1.", "2027-01-15"),
    }
    assert _overdue(invoke, root, "2026-03-06") == set()  # every first deadline had passed
    assert _overdue(invoke, root, "2026-03-20") == {"g/2026-01-10#1"}
    history = json.loads(invoke("task", "g/2026-01-10#2", "-a", str(root), "-f", "json").stdout)["history"]
    assert [(h["date"], h["status"], h["due"], h["note"]) for h in history] == [
        ("2026-01-10", "open", "do 14 dnů", None),
        ("2026-03-05", "open", "15. 1.", "trvá, nový termín 15. 1., čeká se na kraj"),
    ]
    text = invoke("task", "g/2026-01-10#1", "-a", str(root), "--as-of", "2026-03-20").stdout
    assert "Due:       do 14 dnů (deadline 2026-03-19)\n" in text
    assert "  2026-01-10  open       " + str(root) + "/g/2026-01-10.md:5 (due: 31. 1.)\n" in text
    assert "  2026-03-05  open       " + str(root) + "/g/2026-03-05.md:5 (due: do 14 dnů)\n" in text
    shown = json.loads(invoke("show", "g/2026-03-05", "-a", str(root), "-f", "json").stdout)
    assert [u["due"] for u in shown["updates"]] == ["do 14 dnů", "do konce dubna", "15. 1.", "15. 1."]


def test_a_note_without_a_readable_date_changes_no_deadline(invoke: Invoke, tmp_path: Path) -> None:
    root = tmp_path / "a"
    write(root / "g/2026-01-10.md", minutes("group: G\ndate: 2026-01-10\n" + _front_tasks("31. 1.")))
    write(
        root / "g/2026-03-05.md",
        minutes("group: G\ndate: 2026-03-05", "- [ ] g/2026-01-10#1 trvá, nový termín bude upřesněn\n"),
    )
    row = _tasks(invoke, root, "--all", "--as-of", "2026-03-06")["g/2026-01-10#1"]
    assert (row["due"], row["deadline"]) == ("31. 1.", "2026-01-31")


def test_check_reports_deadlines_where_they_are_written(invoke: Invoke, tmp_path: Path) -> None:
    """An unreadable deadline and one that ends before its meeting are reported at the task,
    even when a later meeting replaced them, and at the update that wrote a new one."""
    root = tmp_path / "a"
    write(root / "g/2026-01-10.md", minutes("group: G\ndate: 2026-01-10\n" + _front_tasks("brzy", "01/25")))
    write(
        root / "g/2026-03-05.md",
        minutes(
            "group: G\ndate: 2026-03-05\nupdates:\n"
            "  - {id: 'g/2026-01-10#1', status: open, due: 30. 6.}\n"
            "  - {id: 'g/2026-01-10#2', status: open, due: někdy}\n",
            "\n- [ ] g/2026-01-10#1 trvá, nový termín 31. 12. 2025\n",
        ),
    )
    result = invoke("check", "-a", str(root))
    assert result.stdout == (
        f"{root}/g/2026-01-10.md:5: warning: deadline 'brzy' cannot be read; the task is never overdue [bad-deadline]\n"
        f"{root}/g/2026-01-10.md:7: warning: deadline '01/25' (2025-01-31) is before the meeting of 2026-01-10 [deadline-before-meeting]\n"
        f"{root}/g/2026-03-05.md:6: warning: deadline 'někdy' cannot be read; the task is never overdue [bad-deadline]\n"
        f"{root}/g/2026-03-05.md:9: warning: deadline '31. 12. 2025' (2025-12-31) is before the meeting of 2026-03-05 [deadline-before-meeting]\n"
    )


# --- the property --------------------------------------------------------------------------------


def _valid(day: int, month: int) -> bool:
    try:
        dt.date(2000, month, day)  # a leap year
    except ValueError:
        return False
    return True


DAYS = st.tuples(st.integers(1, 31), st.integers(1, 12)).filter(lambda dm: _valid(*dm))
DAY_FORMS = DAYS.flatmap(
    lambda dm: st.sampled_from(
        [
            f"{dm[0]}. {dm[1]}.",
            f"do {dm[0]}. {dm[1]}.",
            f"{dm[0]}.{dm[1]}.",
            f"k {dm[0]}. {dm[1]}.",
            f"{dm[0]}. {MONTHS[dm[1] - 1][1]}",
            f"do {dm[0]}. {MONTHS[dm[1] - 1][1]}",
        ]
    )
)
MONTH_FORMS = st.builds(
    "{}{}".format,
    st.sampled_from(["", "v ", "ve ", "do ", "do konce ", "koncem ", "během "]),
    st.sampled_from([form for forms in MONTHS for form in forms]),
)
PERIOD_FORMS = st.sampled_from(
    ["Q1", "Q2", "3. čtvrtletí", "IV. čtvrtletí", "1. pololetí", "2. pololetí", "H1", "H2"]
).map(lambda form: f"do konce {form}")
MEETING_FORMS = st.sampled_from(
    ["do konce roku", "letos", "v průběhu roku", "do konce měsíce", "ihned", "neprodleně", "ještě dnes"]
)
NUMBER_WORDS = [form for _, forms in NUMBERS for form in forms]
WITHIN_FORMS = st.builds(
    "{} {}{}".format,
    st.sampled_from(["do", "za", "během", "nejpozději do"]),
    st.sampled_from(["", "jednoho ", "1 "])
    | st.integers(0, 400).map("{} ".format)
    | st.sampled_from(NUMBER_WORDS).map("{} ".format),
    st.sampled_from(["dnů", "dní", "dny", "den", "týdne", "týdnů", "týdny", "měsíce", "měsíců", "měsíc"]),
)
FORMS = DAY_FORMS | MONTH_FORMS | PERIOD_FORMS | MEETING_FORMS | WITHIN_FORMS


@settings(max_examples=2000, deadline=None)
@given(text=FORMS, meeting=st.dates(dt.date(1900, 1, 1), dt.date(9000, 12, 31)))
def test_a_deadline_without_a_year_never_lies_before_its_meeting(text: str, meeting: dt.date) -> None:
    deadline = parse_deadline(text, meeting)
    assert deadline.kind in ("date", "period"), text
    assert deadline.end is not None and deadline.end >= meeting
    if text in ("ihned", "neprodleně", "ještě dnes"):
        assert deadline.end == meeting


@settings(max_examples=500, deadline=None)
@given(day=DAYS, meeting=st.dates(dt.date(1900, 1, 1), dt.date(9000, 12, 31)))
def test_a_day_without_a_year_is_the_first_such_day(day: tuple[int, int], meeting: dt.date) -> None:
    """No earlier year has that day on or after the meeting."""
    end = parse_deadline(f"{day[0]}. {day[1]}.", meeting).end
    assert end is not None and (end.day, end.month) == day
    for year in range(meeting.year, end.year):
        with contextlib.suppress(ValueError):
            assert dt.date(year, day[1], day[0]) < meeting
