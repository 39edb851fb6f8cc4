"""packing: a parse outcome comes back from pack and unpack exactly as it went in, for every file
kpss meets (generated, test, example, broken and hostile ones) and for arbitrary records."""

from __future__ import annotations

import datetime as dt
import marshal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpss_cli.core.config import Config, GroupConfig, Membership
from kpss_cli.core.errors import Problem
from kpss_cli.core.model import (
    AgendaItem,
    MembershipChange,
    Minutes,
    NextMeeting,
    Person,
    Progress,
    Record,
    StatusChange,
    Task,
    Update,
)
from kpss_cli.minutes.parse import parse_minutes
from kpss_cli.minutes.source import MAX_FILE_SIZE
from kpss_cli.minutes.yamldata import LineDict, LineList
from kpss_cli.store.archive import find_files
from kpss_cli.store.config import load_config
from kpss_cli.store.loading import Outcome, _parse_file
from kpss_cli.store.packing import pack, pack_config, unpack, unpack_config

from .conftest import DATA, REPO, generate


def assert_same(back: Any, original: Any, where: str = "outcome") -> None:
    """`back` equals `original` with the same types all the way down (a date stays a date, not a
    datetime; True stays True, not 1; -0.0 stays -0.0), except that LineDict and LineList come
    back as plain dict and list."""
    if isinstance(original, dict):
        assert type(back) is dict, where
        assert [(type(k), k) for k in back] == [(type(k), k) for k in original], where
        for key, value in original.items():
            assert_same(back[key], value, f"{where}[{key!r}]")
    elif isinstance(original, list | tuple):
        assert type(back) is (list if isinstance(original, list) else tuple), where
        assert len(back) == len(original), where
        for number, (item, was) in enumerate(zip(back, original, strict=True)):
            assert_same(item, was, f"{where}[{number}]")
    elif isinstance(original, Record):
        assert type(back) is type(original), where
        for name in type(original).__slots__:
            assert_same(getattr(back, name), getattr(original, name), f"{where}.{name}")
    elif isinstance(original, float):
        assert type(back) is float and back.hex() == original.hex(), where
    else:
        assert type(back) is type(original) and back == original, where


def assert_round_trip(outcome: Outcome) -> None:
    data = pack(outcome)
    assert type(data) is bytes
    back = unpack(data)
    assert back == outcome
    assert_same(back, outcome)
    assert unpack(pack(back)) == outcome  # and again: nothing lost on the second way either


# --- every file kpss meets ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory, 400, 17)


def test_every_file_of_a_generated_archive_round_trips(generated: Path) -> None:
    config = load_config(generated)
    rels = list(find_files(generated))
    assert len(rels) == 400
    for rel in rels:
        outcome = _parse_file(str(generated), rel, config)  # as loading.py packs it: no body
        assert outcome[0] is not None and outcome[0].body is None
        assert_round_trip(outcome)
        minutes, problems = parse_minutes((generated / rel).read_bytes(), rel, rel, config)
        assert minutes is not None and minutes.body  # the body, when packed, comes back too
        assert_round_trip((minutes, problems))


def _outcomes(root: Path) -> list[tuple[str, Outcome]]:
    """Every file under `root` parsed (whatever its name: hostile bytes are welcome), with the
    configuration of the nearest kpss.yaml above it."""
    configs: dict[Path, Config] = {}

    def config_for(path: Path) -> Config:
        for folder in path.parents:
            if (folder / "kpss.yaml").is_file():
                if folder not in configs:
                    configs[folder] = load_config(folder)
                return configs[folder]
            if folder == root:
                break
        return Config()

    outcomes = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.stat().st_size <= MAX_FILE_SIZE:
            rel = path.relative_to(root).as_posix()
            config = config_for(path)
            outcomes.append((rel, parse_minutes(path.read_bytes(), rel, rel, config)))
            outcomes.append((rel, _parse_file(str(root), rel, config)))
    return outcomes


@pytest.mark.parametrize("root", [DATA, REPO / "examples"], ids=["tests-data", "examples"])
def test_every_test_and_example_file_round_trips(root: Path) -> None:
    outcomes = _outcomes(root)
    for rel, outcome in outcomes:
        try:
            assert_round_trip(outcome)
        except AssertionError as exc:
            raise AssertionError(f"{rel}: {exc}") from None
    minutes = [m for _, (m, _) in outcomes if m is not None]
    assert len(minutes) >= 20
    if root == DATA:  # the broken and hostile files are in it
        assert any(m is None and problems for _, (m, problems) in outcomes)
        assert any(m is not None and problems for _, (m, problems) in outcomes)
        assert any(m.extra for m in minutes)


def test_yaml_values_come_back_as_plain_dicts_and_lists() -> None:
    text = """---
group: Senioři
date: 2024-03-05
ucastnici_obce: {Beroun: 12, 2024: [1, 2.5, true, null, {x: [y, -0]}], true: no, null: ~}
poznamky: [a, [b, [c]], {}]
---
"""
    minutes, problems = parse_minutes(text.encode(), "g/x.md", "g/x.md")
    assert minutes is not None and not problems
    assert type(minutes.extra["ucastnici_obce"]) is LineDict
    assert type(minutes.extra["poznamky"]) is LineList
    back, _ = unpack(pack((minutes, problems)))
    assert back is not None
    assert back.extra == {
        "ucastnici_obce": {
            "Beroun": 12,
            2024: [1, "2.5", True, None, {"x": ["y", 0]}],
            True: "no",
            None: None,
        },
        "poznamky": ["a", ["b", ["c"]], {}],
    }
    assert_same(back.extra, minutes.extra)


def test_names_and_groups_recurring_across_files_are_kept_once(generated: Path) -> None:
    config = load_config(generated)
    rels = sorted(find_files(generated))
    first, second = (
        unpack(pack(_parse_file(str(generated), rel, config)))[0] for rel in (rels[0], rels[1])
    )  # two meetings of one group
    assert first is not None and second is not None
    assert first.group == second.group and first.group is second.group
    assert first.date != second.date
    people = {p.key: p for p in first.present + first.excused}
    again = [p for p in second.present + second.excused if p.key in people]
    assert again, "the generator lets people come again"
    for person in again:
        known = people[person.key]
        assert person.key is known.key
        assert person.person is known.person
        if person.name == known.name:  # the same titles both times
            assert person.name is known.name


def test_packing_knows_every_field_of_every_record() -> None:
    """packing.py lays out each record field by field: a field added to model.py or errors.py
    must be added there too (and to the strategies below), or it would be lost on the way."""
    layout = {
        Person: "name org role person key line substitute_for",
        MembershipChange: "name org role voting change day line",
        Membership: "name org role voting start end source line ended_by",
        AgendaItem: "title presenter",
        NextMeeting: "date time place text",
        Update: "id status note line source due owner",
        StatusChange: "minutes_id date status note path line due",
        Task: "id text owner due deadline deadline_kind status initial_status line source minutes_id group "
        "group_slug meeting_date path history measure",
        Minutes: "id path group date group_slug group_as_written time place status present excused absent "
        "guests attendance_sheet recorder moderator agenda tasks updates loose_checks decisions next_meeting "
        "extra key_lines title body body_line encoding progress membership",
        Progress: "measure state value indicator note line",
        Problem: "path line severity code message",
        Config: "organisation language groups aliases extra path emails quorum problems people_cache _by_text "
        "_by_folder",
        GroupConfig: "slug name folder members manager place time schedule extra line memberships quorum",
    }
    for cls, names in layout.items():
        assert list(cls.__slots__) == names.split(), cls.__name__


@pytest.mark.parametrize("root", [DATA / "check", REPO / "examples"], ids=["check", "examples"])
def test_configurations_round_trip(root: Path, generated: Path) -> None:
    """The task snapshot keeps the configuration (groups, schedules, members, aliases, extra
    keys) as marshal data."""
    for folder in (root, generated):
        config = load_config(folder)
        back = unpack_config(marshal.loads(marshal.dumps(pack_config(config))))
        assert back == config
        assert [g.schedule for g in back.groups] == [g.schedule for g in config.groups]
    assert any(g.schedule for g in load_config(root).groups)


# --- arbitrary records ----------------------------------------------------------------------------

# Any text at all: control characters, NUL, lone surrogates, astral planes.
TEXT = st.text(st.characters(codec=None, categories=None), max_size=30)
OPT_TEXT = st.none() | TEXT
INTS = st.integers() | st.integers(-5, 300)  # big ones and the small ones marshal shares
DATES = st.dates()
OPT_DATES = st.none() | DATES


def _line_list(items: list[Any]) -> LineList:
    value = LineList(items)
    value.line, value.lines = 0, list(range(len(items)))
    return value


def _line_dict(items: dict[Any, Any]) -> LineDict:
    value = LineDict(items)
    value.line, value.lines = 0, dict.fromkeys(items, 0)
    return value


YAML_SCALARS = st.none() | st.booleans() | INTS | st.floats(allow_nan=False) | TEXT
YAML_KEYS = st.none() | st.booleans() | INTS | TEXT
YAML_VALUES = st.recursive(
    YAML_SCALARS,
    lambda children: (
        st.lists(children, max_size=4).map(_line_list)
        | st.dictionaries(YAML_KEYS, children, max_size=4).map(_line_dict)
        | st.lists(children, max_size=3)
        | st.dictionaries(YAML_KEYS, children, max_size=3)
    ),
    max_leaves=15,
)

PERSONS = st.builds(
    Person, name=TEXT, org=OPT_TEXT, role=OPT_TEXT, person=TEXT, key=TEXT, line=INTS, substitute_for=OPT_TEXT
)
MEMBERSHIP = st.builds(
    MembershipChange,
    name=TEXT,
    org=OPT_TEXT,
    role=OPT_TEXT,
    voting=st.booleans(),
    change=st.sampled_from(["joined", "left"]),
    day=DATES,
    line=INTS,
)
UPDATES = st.builds(
    Update, id=TEXT, status=TEXT, note=OPT_TEXT, line=INTS, source=TEXT, due=OPT_TEXT, owner=OPT_TEXT
)
CHANGES = st.builds(
    StatusChange, minutes_id=TEXT, date=DATES, status=TEXT, note=OPT_TEXT, path=TEXT, line=INTS, due=OPT_TEXT
)
TASKS = st.builds(
    Task,
    id=TEXT,
    text=TEXT,
    owner=OPT_TEXT,
    due=OPT_TEXT,
    deadline=OPT_DATES,
    deadline_kind=TEXT,
    status=TEXT,
    initial_status=TEXT,
    line=INTS,
    source=TEXT,
    minutes_id=TEXT,
    group=TEXT,
    group_slug=TEXT,
    meeting_date=DATES,
    path=TEXT,
    history=st.lists(CHANGES, max_size=3),
    measure=OPT_TEXT,
)
PROGRESS = st.builds(
    Progress,
    measure=TEXT,
    state=OPT_TEXT,
    value=st.none() | INTS | st.floats(allow_nan=False) | TEXT,
    indicator=OPT_TEXT,
    note=OPT_TEXT,
    line=INTS,
)
MINUTES = st.builds(
    Minutes,
    id=TEXT,
    path=TEXT,
    group=TEXT,
    date=DATES,
    group_slug=TEXT,
    group_as_written=TEXT,
    time=OPT_TEXT,
    place=OPT_TEXT,
    status=OPT_TEXT,
    present=st.lists(PERSONS, max_size=4),
    excused=st.lists(PERSONS, max_size=3),
    absent=st.lists(PERSONS, max_size=2),
    guests=st.lists(PERSONS, max_size=2),
    attendance_sheet=st.booleans(),
    recorder=st.none() | PERSONS,
    moderator=st.none() | PERSONS,
    agenda=st.lists(st.builds(AgendaItem, title=TEXT, presenter=OPT_TEXT), max_size=3),
    tasks=st.lists(TASKS, max_size=3),
    updates=st.lists(UPDATES, max_size=2),
    loose_checks=st.lists(UPDATES, max_size=2),
    decisions=st.lists(TEXT, max_size=3),
    next_meeting=st.none()
    | st.builds(NextMeeting, date=OPT_DATES, time=OPT_TEXT, place=OPT_TEXT, text=OPT_TEXT),
    extra=st.dictionaries(TEXT, YAML_VALUES, max_size=4),
    key_lines=st.dictionaries(TEXT, INTS, max_size=5),
    title=OPT_TEXT,
    body=OPT_TEXT | st.text(max_size=3000),
    body_line=INTS,
    encoding=TEXT,
    progress=st.lists(PROGRESS, max_size=2),
    membership=st.lists(MEMBERSHIP, max_size=2),
)
PROBLEMS = st.lists(
    st.builds(Problem, path=TEXT, line=st.none() | INTS, severity=TEXT, code=TEXT, message=TEXT), max_size=3
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.tuples(st.none() | MINUTES, PROBLEMS))
def test_random_records_round_trip(outcome: Outcome) -> None:
    assert_round_trip(outcome)


def test_dates_at_the_ends_of_the_calendar_round_trip() -> None:
    minutes = Minutes(id="a", path="a.md", group="g", date=dt.date.max)
    minutes.next_meeting = NextMeeting(date=dt.date.min)
    minutes.tasks.append(Task("a#1", "t", None, None, dt.date.min, "none", "open", "open", 1, "body"))
    assert_round_trip((minutes, []))


def test_reduced_records_keep_what_is_asked_and_cannot_change_a_field_left_out(tmp_path: Path) -> None:
    """A field left out is empty and read-only in each record (one object for all of them):
    changing it fails, rather than changing it for every other record."""
    from kpss_cli.store.loading import load_archive
    from kpss_cli.store.packing import reduced_view, unpack_attendance

    from .conftest import minutes, write

    for day in ("2025-01-10", "2025-02-10"):
        front = f"group: seniori\ndate: {day}\npresent: [Eva Malá]\nmembership:\n  - {{name: Jan Nový}}"
        write(tmp_path / "seniori" / f"{day}.md", minutes(front, "Úkol: Napsat zápis; Zajistí: Eva Malá\n"))
    loaded = load_archive(tmp_path, use_index=False)
    view = marshal.loads(marshal.dumps(reduced_view(loaded.minutes, frozenset({"membership"})), 4))
    first, second = unpack_attendance(view)
    assert [c.name for c in first.membership] == ["Jan Nový"] and first.date == dt.date(2025, 1, 10)
    assert not first.present and not first.tasks and first.next_meeting is None and not first.extra
    with pytest.raises(AttributeError):
        first.present.append("x")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        first.extra["x"] = 1
    assert not second.present and not second.extra
    assert [c.name for c in second.membership] == ["Jan Nový"]


def test_a_view_is_emptied_as_its_records_are_unpacked(generated: Path) -> None:
    """unpack_attendance frees each packed record once it is made (issue #25's memory bar):
    the records come back in the view's order, whole, and the view is left empty."""
    from kpss_cli.store.loading import load_archive
    from kpss_cli.store.packing import attendance_view, unpack_attendance

    loaded = load_archive(generated, use_index=False)
    view = marshal.loads(marshal.dumps(attendance_view(loaded.minutes), 4))
    again = marshal.loads(marshal.dumps(attendance_view(loaded.minutes), 4))
    records = unpack_attendance(view)
    assert view == []
    assert [m.path for m in records] == [m.path for m in loaded.minutes]
    assert [m.present for m in records] == [m.present for m in loaded.minutes]
    assert attendance_view(records) == again
