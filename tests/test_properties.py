"""Property tests: arbitrary input never crashes the parser; records and edits survive round trips."""

from __future__ import annotations

import codecs
import datetime as dt
import re
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpss_cli import load_archive
from kpss_cli.check.codes import CODES
from kpss_cli.meetings.approve import approve
from kpss_cli.minutes.parse import parse_minutes
from kpss_cli.minutes.write import minutes_text

SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(st.binary(max_size=4000))
def test_any_bytes_give_a_record_or_problems_never_an_exception(data: bytes) -> None:
    minutes, problems = parse_minutes(data, "g/x.md", "g/x.md")
    assert minutes is not None or problems is not None


@SETTINGS
@given(st.text(max_size=3000))
def test_any_front_matter_gives_a_record_or_problems(text: str) -> None:
    _, problems = parse_minutes(
        f"---\n{text}\n---\n{text}".encode(errors="surrogatepass"), "g/x.md", "g/x.md"
    )
    for problem in problems:  # nothing but kpss's own findings, each at a real line
        assert problem.code in CODES
        assert problem.line is None or problem.line >= 1


# Text people write: no control characters, no YAML line breaks (NEL, LS, PS), no BOM inside.
WORDS = (
    st.text(
        alphabet=st.characters(
            blacklist_categories=["Cc", "Cs", "Zl", "Zp", "Co", "Cn"], blacklist_characters="\x85\ufeff\u200b"
        ),
        min_size=1,
        max_size=40,
    )
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)
NAMES = st.lists(st.sampled_from("ÁČĎÉĚÍŇÓŘŠŤÚŮÝŽABCDEFGHIJKLMNOPRSTUVZ"), min_size=1, max_size=2).flatmap(
    lambda initials: st.tuples(
        *[st.text("aábcčdeéěfghiíjklmnoóprřsštuúůvyýzž", min_size=2, max_size=10) for _ in initials]
    ).map(lambda parts: " ".join(i + p for i, p in zip(initials, parts, strict=True)))
)
DUES = st.sampled_from(
    ["01/22", "Q2 2023", "leden–únor 2022", "2022-03-31", "31. 1. 2022", "průběžně", "do příštího jednání"]
)


@st.composite
def records(draw: st.DrawFn) -> dict[str, Any]:
    day = draw(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)))
    people = st.lists(
        st.fixed_dictionaries({"name": NAMES, "org": st.none() | WORDS, "role": st.none() | WORDS}),
        max_size=4,
    )
    tasks = st.lists(
        st.fixed_dictionaries({"task": WORDS, "owner": st.none() | NAMES, "due": st.none() | DUES}),
        max_size=4,
    )
    hour, minute = draw(st.integers(0, 23)), draw(st.integers(0, 59))
    return {
        "id": "g/x",
        "group": draw(WORDS),
        "date": day.isoformat(),
        "time": draw(st.none() | st.just(f"{hour:02d}:{minute:02d}")),
        "place": draw(st.none() | WORDS),
        "status": draw(st.sampled_from([None, "draft", "approved"])),
        "present": draw(people),
        "excused": draw(people),
        "guests": draw(people),
        "agenda": [{"title": t, "presenter": None} for t in draw(st.lists(WORDS, max_size=4))],
        "tasks": [
            {**t, "id": f"g/x#{n}", "status": "open", "source": "front_matter"}
            for n, t in enumerate(draw(tasks), 1)
        ],
        "decisions": draw(st.lists(WORDS, max_size=3)),
        "body": "",
    }


def comparable(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "group": data["group"],
        "date": data["date"],
        "time": data["time"],
        "place": data["place"],
        "status": data["status"],
        **{k: [(p["name"], p["org"], p["role"]) for p in data[k]] for k in ("present", "excused", "guests")},
        "agenda": [a["title"] for a in data["agenda"]],
        "tasks": [(t["id"], t["task"], t["owner"], t["due"]) for t in data["tasks"]],
        "decisions": data["decisions"],
    }


@SETTINGS
@given(records())
def test_parse_write_parse_keeps_a_record(record: dict[str, Any]) -> None:
    text = minutes_text(record)
    first, problems = parse_minutes(text.encode(), "g/x.md", "g/x.md")
    assert problems == [] and first is not None, text
    assert comparable(first.to_dict()) == comparable(record)
    second, _ = parse_minutes(minutes_text(first.to_dict()).encode(), "g/x.md", "g/x.md")
    assert second is not None and second.to_dict() == first.to_dict()


ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "cp1250", "utf-16"])
NEWLINES = st.sampled_from(["\n", "\r\n", "\r"])
OTHER_LINES = st.lists(
    st.sampled_from(["place: Radnice", "# poznámka", "present: [Jana Nová]", "time: '14:00'"]),
    max_size=4,
    unique=True,
)


@SETTINGS
@given(
    ENCODINGS,
    st.lists(NEWLINES, min_size=12, max_size=12),
    OTHER_LINES,
    st.booleans(),
    st.text("abc čř\n", max_size=80),
)
def test_approve_changes_exactly_one_line_and_keeps_the_encoding(
    tmp_path_factory: Any, encoding: str, newlines: list[str], others: list[str], has_status: bool, body: str
) -> None:
    folder: Path = tmp_path_factory.mktemp("edit")
    lines = ["---", "group: Senioři", "date: 2022-01-19", *others]
    if has_status:
        lines.append("stav: koncept")
    lines += ["---", "", *body.split("\n")]
    text = "".join(line + newlines[i % len(newlines)] for i, line in enumerate(lines))
    data = text.encode(encoding)
    path = folder / "g" / "2022-01-19.md"
    path.parent.mkdir()
    path.write_bytes(data)
    archive = load_archive(folder)
    (minutes,) = archive.minutes
    assert approve(archive, minutes) is True
    after = path.read_bytes()
    bom = codecs.BOM_UTF8 if encoding == "utf-8-sig" else b""
    assert after.startswith(bom) and (
        encoding != "utf-16" or after[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    )
    old = re.split(r"(?<=\n)|(?<=\r)(?!\n)", data.decode(encoding))
    new = re.split(r"(?<=\n)|(?<=\r)(?!\n)", after.decode(encoding))
    if has_status:
        changed = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
        assert [(a.rstrip("\r\n"), b.rstrip("\r\n")) for a, b in changed] == [
            ("stav: koncept", "stav: schváleno")
        ]
    else:
        assert len(new) == len(old) + 1
        inserted = [line for line in new if line.startswith("status:")]
        assert [line.rstrip("\r\n") for line in inserted] == ["status: approved"]
        assert [line for line in new if not line.startswith("status:")] == old
    assert sorted(p.name for p in path.parent.iterdir()) == ["2022-01-19.md"]  # no lock or temp file left
    assert load_archive(folder).minutes[0].status == "approved"


_LINES = st.lists(
    st.sampled_from(["---", "...", "--- ", "---\t", "----", " ---", "..", "a: b", "", "x---", "...x"]),
    max_size=12,
)


@SETTINGS
@given(_LINES, st.booleans())
def test_front_matter_ends_at_the_first_line_of_three_dashes_or_dots(
    lines: list[str], newline_at_end: bool
) -> None:
    """The closing line is found as the format says: `---` or `...` and nothing but blanks."""
    from kpss_cli.minutes.source import split_front_matter

    text = "---\n" + "\n".join(lines) + ("\n" if newline_at_end else "")
    closing = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE).search(text, 4)
    if closing is None:
        try:
            split_front_matter(text)
        except ValueError:
            return
        raise AssertionError("an unclosed front matter was split")
    split = split_front_matter(text)
    assert split is not None
    assert split.front_matter == text[4 : closing.start()]
    assert split.body == text[min(len(text), closing.end() + 1) :]
