"""Shared archives are trust boundaries: the documents kpss prints, and the templates that
make them, are safe against what a hostile archive holds (docs/security.md, Templates)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .conftest import Invoke, minutes, write

AS_OF = "2022-02-01"

# What must never reach a terminal from a document: C0 controls but line feed and tab (and
# so every ESC sequence, BEL, a lone CR), DEL, C1 controls, zero-width and bidi controls.
FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")

OSC_TITLE = "\x1b]0;owned\x07"
CLEAR_SCREEN = "\x1b[2J"
CSI_C1 = "\x9b31m"  # the one-byte CSI of 8-bit terminals


# --- control characters never reach the terminal -------------------------------------------------


@pytest.fixture
def escapes(tmp_path: Path) -> Path:
    """An archive whose minutes carry terminal escapes in a task, an owner, a name, the place
    of the next meeting and the body."""
    root = tmp_path / "escapes"
    write(
        root / "kpss.yaml",
        "language: cs\ngroups:\n  - slug: g\n    name: Skupina\n    folder: g\n"
        '    members: ["Eva Nová", "Petr Malý"]\n',
    )
    front = (
        "group: Skupina\ndate: 2022-01-10\n"
        r'place: "Radnice\e]0;owned\a\e[2J"' + "\n"
        r'present: ["Eva \e[31mNová\e[0m", "Petr \u202eMalý"]' + "\n"
        "tasks:\n"
        r'  - {task: "Úkol \x9b31m\u200bskrytý\u2066x\u2069", owner: "Jan \e]0;owner\a", due: 2022-03-01}'
        + "\n"
        r'next_meeting: {date: 2022-02-10, time: "14:00", place: "Sál \e[2J\u202eC1\x85"}'
    )
    body = f"\n# Zápis\n\nText {OSC_TITLE}s escapy{CLEAR_SCREEN}.\nPřepsaný\rřádek\x00\ttab\n"
    write(root / "g/2022-01-10.md", minutes(front, body))
    return root


DOCUMENT_COMMANDS = {
    "render md": ["render", "g/2022-01-10"],
    "render html": ["render", "g/2022-01-10", "--to", "html"],
    "agenda md": ["agenda", "g"],
    "agenda html": ["agenda", "g", "--to", "html"],
    "tasks --template": ["tasks", "--template", "tasks.md.j2"],
    "attendance --template": ["attendance", "--template", "attendance.md.j2"],
    "new-minutes --stdout": ["new-minutes", "g", "--stdout"],
}


@pytest.mark.parametrize("args", list(DOCUMENT_COMMANDS.values()), ids=list(DOCUMENT_COMMANDS))
def test_no_control_character_reaches_stdout_from_a_document(
    invoke: Invoke, escapes: Path, args: list[str]
) -> None:
    result = invoke(*args, "-a", str(escapes), "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    assert FORBIDDEN.findall(result.stdout) == []
    assert "Traceback" not in result.stderr
    # The text around the escapes is still there, and so are the lines.
    assert result.stdout.count("\n") > 3
    if args[0] in ("render", "tasks", "agenda", "new-minutes"):
        assert "Úkol 31mskrytýx" in result.stdout and "Jan ]0;owner" in result.stdout
    if args[0] == "render":
        assert "Radnice]0;owned[2J" in result.stdout
        assert "Přepsaný\nřádek" in result.stdout  # a lone CR is a line break, not an overprint
    if args[0] == "agenda":
        assert "Sál [2JC1" in result.stdout
    if args[0] == "attendance":
        assert "Petr Malý" in result.stdout


def test_documents_keep_tabs_and_line_breaks(invoke: Invoke, escapes: Path, tmp_path: Path) -> None:
    template = write(tmp_path / "t.j2", "a\tb\nc\r\nd{{ tasks | length }}\n")
    result = invoke("tasks", "--template", str(template), "-a", str(escapes), "--as-of", AS_OF)
    assert (result.exit_code, result.stdout) == (0, "a\tb\nc\nd1\n")
