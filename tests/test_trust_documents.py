"""Shared archives are trust boundaries: the documents kpss prints, and the templates that
make them, are safe against what a hostile archive holds (docs/security.md, Templates)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
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


def test_a_dry_run_diff_of_the_minutes_reaches_stdout_without_control_characters(
    invoke: Invoke, escapes: Path
) -> None:
    draft = minutes(
        "group: Skupina\ndate: 2022-02-10\nstatus: draft", f"\n# Zápis {OSC_TITLE}{CLEAR_SCREEN}\n"
    )
    write(escapes / "g/2022-02-10.md", draft)
    result = invoke("task", "g/2022-01-10#1", "done", "--dry-run", "-a", str(escapes), "--as-of", AS_OF)
    assert (result.exit_code, result.stderr) == (0, "")
    assert FORBIDDEN.findall(result.stdout) == []
    assert "+    status: done\n" in result.stdout and " # Zápis ]0;owned[2J\n" in result.stdout


def test_documents_keep_tabs_and_line_breaks(invoke: Invoke, escapes: Path, tmp_path: Path) -> None:
    template = write(tmp_path / "t.j2", "a\tb\nc\r\nd{{ tasks | length }}\n")
    result = invoke("tasks", "--template", str(template), "-a", str(escapes), "--as-of", AS_OF)
    assert (result.exit_code, result.stdout) == (0, "a\tb\nc\nd1\n")


# --- templates are read only from inside the template folders ------------------------------------

SECRET = "-----BEGIN OPENSSH PRIVATE KEY-----"
REFUSED_LINK = "template refused: a link leading out of its template folder"


@pytest.fixture
def linked(escapes: Path, tmp_path: Path) -> Path:
    """The archive above, with a private key beside it (where a link may point)."""
    write(tmp_path / "home/.ssh/id_rsa", SECRET + "\n")
    return escapes


@pytest.mark.parametrize(
    "target",
    ["absolute", "relative", "a link to a link", "elsewhere in the archive"],
)
def test_an_include_through_a_link_out_of_the_templates_is_refused(
    invoke: Invoke, linked: Path, tmp_path: Path, target: str
) -> None:
    key = tmp_path / "home/.ssh/id_rsa"
    link = linked / "templates/secret.txt"
    write(linked / "templates/agenda.md.j2", 'Pozvánka\n{% include "secret.txt" %}\n')
    if target == "absolute":
        link.symlink_to(key)
    elif target == "relative":
        link.symlink_to("../../home/.ssh/id_rsa")
    elif target == "a link to a link":
        (linked / "templates/inside.txt").symlink_to(key)
        link.symlink_to("inside.txt")  # stays inside, but what it leads to does not
    else:
        link.symlink_to("../g/2022-01-10.md")  # the archive, but not its template folder
    result = invoke("agenda", "g", "--date", "2022-02-10", "-a", str(linked))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"kpss: error: {link}: {REFUSED_LINK}\n"
    assert SECRET not in result.stderr and "Traceback" not in result.stderr


def test_an_archive_template_that_is_itself_a_link_out_is_refused(
    invoke: Invoke, linked: Path, tmp_path: Path
) -> None:
    link = linked / "templates/cs/agenda.md.j2"
    link.parent.mkdir(parents=True)
    link.symlink_to(tmp_path / "home/.ssh/id_rsa")
    result = invoke("agenda", "g", "--date", "2022-02-10", "-a", str(linked))
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"kpss: error: {link}: {REFUSED_LINK}\n",
    )


def test_a_templates_folder_linked_out_of_the_archive_is_refused(
    invoke: Invoke, linked: Path, tmp_path: Path
) -> None:
    write(tmp_path / "elsewhere/agenda.md.j2", "{{ group.name }} from elsewhere\n")
    (linked / "templates").symlink_to(tmp_path / "elsewhere")
    result = invoke("agenda", "g", "--date", "2022-02-10", "-a", str(linked))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"kpss: error: {linked}/templates: template refused: a link leading out of the archive\n"
    )


def test_links_that_stay_inside_the_template_folders_keep_working(invoke: Invoke, linked: Path) -> None:
    templates = linked / "templates"
    write(templates / "parts/agenda.j2", '{{ group.name }}: {% include "cs/signature.j2" %}')
    write(templates / "shared/signature.j2", "podpis\n")
    (templates / "cs").mkdir()
    (templates / "cs/signature.j2").symlink_to("../shared/signature.j2")
    (templates / "agenda.md.j2").symlink_to("parts/agenda.j2")
    result = invoke("agenda", "g", "--date", "2022-02-10", "-a", str(linked))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "Skupina: podpis\n", "")


def test_a_pipe_among_the_templates_is_refused_not_waited_for(linked: Path) -> None:
    (linked / "templates").mkdir()
    os.mkfifo(linked / "templates/agenda.md.j2")  # opening it for reading would wait for a writer
    process = subprocess.run(
        [sys.executable, "-m", "kpss_cli", "agenda", "g", "--date", "2022-02-10", "-a", str(linked)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (process.returncode, process.stdout) == (2, "")
    assert process.stderr == (
        f"kpss: error: {linked}/templates/agenda.md.j2: "
        "template refused: not a regular file (a folder, pipe or device)\n"
    )


def test_a_huge_template_file_is_refused(invoke: Invoke, linked: Path) -> None:
    write(linked / "templates/agenda.md.j2", "x" * (1024 * 1024 + 1))
    result = invoke("agenda", "g", "--date", "2022-02-10", "-a", str(linked))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"kpss: error: {linked}/templates/agenda.md.j2: template refused: larger than 1 MiB\n"
    )


def test_a_template_given_by_path_may_be_a_link_but_its_includes_are_checked(
    invoke: Invoke, linked: Path, tmp_path: Path
) -> None:
    write(tmp_path / "mine/real.j2", '{{ tasks | length }} úkol\n{% include "part.j2" %}')
    write(tmp_path / "mine/part.j2", "konec\n")
    (tmp_path / "link.j2").symlink_to(tmp_path / "mine/real.j2")
    args = ("tasks", "--template", str(tmp_path / "link.j2"), "-a", str(linked), "--as-of", AS_OF)
    result = invoke(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "1 úkol\nkonec\n", "")
    (tmp_path / "mine/part.j2").unlink()
    (tmp_path / "mine/part.j2").symlink_to(tmp_path / "home/.ssh/id_rsa")
    result = invoke(*args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"kpss: error: {tmp_path}/mine/part.j2: {REFUSED_LINK}\n"


# --- templates cannot build huge values ----------------------------------------------------------

# (template, what the error names): each would build hundreds of megabytes or more, and is
# stopped before it does, on the line it is on (line 2: line 1 sets `big`, 10 MB).
HUGE = {
    # filters that grow text or lists
    "center": ('{{ "x"|center(400000000) }}', "the center filter"),
    "indent": ('{{ ("a\\n" * 1000000)|indent(1000) }}', "the indent filter"),
    "indent by text": ('{{ "a\\nb"|indent(big) ~ "" }}', "the indent filter"),
    "wordwrap": ('{{ ("a " * 1000000)|wordwrap(1, wrapstring="x" * 100) }}', "the wordwrap filter"),
    "format": ('{{ "%*d"|format(1000000000, 1) }}', "the format filter"),
    "join": ("{{ [big, big, big]|join }}", "the join filter"),
    "replace": ('{{ big|replace("", "yy") }}', "the replace filter"),
    "urlize": ('{{ ("a.cz " * 100000)|urlize(target="x" * 1000) }}', "the urlize filter"),
    "batch": ('{{ [1, 2, 3]|batch(1000000000, "x")|list }}', "the batch filter"),
    "slice": ("{{ [1, 2, 3]|slice(1000000000)|list }}", "the slice filter"),
    "string of a list": ("{{ [big, big, big]|string }}", "the string filter"),
    "tojson": ("{{ [big, big, big]|tojson }}", "the tojson filter"),
    "map into a list": ('{{ range(100000)|map("string")|map("center", 10000)|list }}', "the map filter"),
    "sum of lists": (
        '{% set l = ["x"] * 1000000 %}{{ [l, l, l, l, l, l, l, l, l, l, l]|sum(start=[]) }}',
        "the sum filter",
    ),
    "list of a text": ('{{ ("č" * 10000000)|list }}', "the list filter would make over 1310720 items"),
    # string and number methods
    "str.center": ('{{ "x".center(10**9) }}', "str.center()"),
    "str.ljust": ('{{ "x".ljust(10**9) }}', "str.ljust()"),
    "str.rjust": ('{{ "x".rjust(10**9) }}', "str.rjust()"),
    "str.zfill": ('{{ "1".zfill(10**9) }}', "str.zfill()"),
    "str.expandtabs": ('{{ ("\\t" * 1000).expandtabs(10**7) }}', "str.expandtabs()"),
    "str.replace": ('{{ big.replace("", "yy") }}', "str.replace()"),
    "str.join": ('{{ big.join(["a"] * 1000) }}', "str.join()"),
    "str.translate": ('{{ big.translate({120: "abc"}) }}', "str.translate()"),
    "str.format width": ('{{ "{:>1000000000}".format(1) }}', "str.format()"),
    "str.format repeated": ('{{ "{0}{0}{0}".format(big) }}', "str.format()"),
    "str.split": ('{{ ("ab " * 3000000).split() }}', "str.split() would make over 1310720 items"),
    "int.to_bytes": ('{{ (1).to_bytes(10**9, "big") }}', "int.to_bytes()"),
    # operators
    "*": ('{{ "x" * 10**9 }}', "the * operator"),
    "* of a list": ("{{ [big] * 1000 }}", "the * operator"),
    "**": ("{{ 9 ** (9 ** 9) }}", "the ** operator would make a number of over 4300 digits"),
    "% width": ('{{ "%1000000000d" % 1 }}', "the % operator"),
    "% repeated": ('{{ "%s%s%s" % (big, big, big) }}', "the % operator"),
    "~": ("{{ big ~ big ~ big }}", "the ~ operator"),
    "a printed list": ("{{ [big, big, big] }}", "a printed value"),
    "range": ("{% for i in range(10**9) %}{% endfor %}", "range() of 1000000000 numbers is over 100000"),
    "lipsum": ("{{ lipsum(n=100000, max=100000) }}", "lipsum()"),
    # what collects output
    "macro": (
        "{% macro m() %}{% for i in range(100) %}{{ big }}{% endfor %}{% endmacro %}{{ m() }}",
        "macro or block",
    ),
    "set block": (
        "{% set x %}{% for i in range(100) %}{{ big }}{% endfor %}{% endset %}{{ x }}",
        "macro or block",
    ),
    # growing in loops
    "~ doubling": (
        '{% set ns = namespace(s="x") %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}',
        "the ~ operator",
    ),
    "list doubling": (
        "{% set ns = namespace(l=[1]) %}{% for i in range(40) %}{% set ns.l = ns.l + ns.l %}{% endfor %}",
        "the + operator",
    ),
    "nested loops appending": (
        "{% set ns = namespace(l=[]) %}{% for i in range(1000) %}{% for j in range(1000) %}"
        '{% set ns.l = ns.l + ["x" * 100000] %}{% endfor %}{% endfor %}',
        "built in all",
    ),
    "many lists of new strings": (
        '{% set s = "ab " * 1000000 %}{% set l = [s.split(), s.split(), s.split(), s.split(), s.split(),'
        " s.split(), s.split(), s.split()] %}",
        "built in all",
    ),
    "a list of many long values": (
        "{% set l = [big ~ 1, big ~ 2, big ~ 3, big ~ 4, big ~ 5, big ~ 6, big ~ 7, big ~ 8, big ~ 9,"
        " big ~ 10, big ~ 11] %}",
        "built in all",
    ),
}


@pytest.mark.parametrize(("body", "what"), list(HUGE.values()), ids=list(HUGE))
def test_a_template_cannot_build_a_huge_value(
    invoke: Invoke, escapes: Path, tmp_path: Path, body: str, what: str
) -> None:
    template = write(tmp_path / "huge.j2", '{% set big = "x" * 10000000 %}\n' + body + "\n")
    result = invoke("tasks", "--template", str(template), "-a", str(escapes), "--as-of", AS_OF)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"kpss: error: {template}:2: template value")
    assert what in result.stderr and "too large" in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_output_over_the_limit_still_stops(invoke: Invoke, escapes: Path, tmp_path: Path) -> None:
    template = write(
        tmp_path / "long.j2", '{% for i in range(100000) %}{{ "x"|center(10000000) }}{% endfor %}'
    )
    result = invoke("tasks", "--template", str(template), "-a", str(escapes), "--as-of", AS_OF)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"kpss: error: {template}: template output is larger than 10 MiB; stopped\n"


def test_an_included_template_is_named_with_its_line(invoke: Invoke, linked: Path) -> None:
    write(linked / "templates/agenda.md.j2", 'Pozvánka\n{% include "part.j2" %}\n')
    part = write(linked / "templates/part.j2", "ok\n{{ '{:>1000000000}'.format(1) }}\n")
    result = invoke("agenda", "g", "--date", "2022-02-10", "-a", str(linked))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"kpss: error: {part}:2: template value too large: str.format() would be over 10 MiB\n"
    )


def test_ordinary_templates_are_untouched_by_the_limits(
    invoke: Invoke, escapes: Path, tmp_path: Path
) -> None:
    template = write(
        tmp_path / "ok.j2",
        '{{ ["a", "b"]|join(", ") }} {{ "%d %%"|format(5) }} {{ "{} {}".format(1, "x") }} {{ "a" ~ 1 }}'
        ' {{ [1, 2]|tojson }} {{ "x"|center(5) }}| {{ 2 ** 10 }} {{ "ab" * 2 }} {{ [1] + [2] }}'
        ' {{ "%s-%s" % ("a", "b") }} {{ "x".rjust(3, ".") }} {{ range(3)|list }}\n',
    )
    result = invoke("tasks", "--template", str(template), "-a", str(escapes), "--as-of", AS_OF)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == "a, b 5 % 1 x a1 [1, 2]   x  | 1024 abab [1, 2] a-b ..x [0, 1, 2]\n"


def test_running_out_of_memory_is_an_error_naming_the_template(
    invoke: Invoke, escapes: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What the limits do not foresee ends as MemoryError: the last resort is still exit 2.
    def exhausted(*args: object) -> str:
        raise MemoryError

    monkeypatch.setattr("kpss_cli.documents.templates.czech_date", exhausted)
    template = write(tmp_path / "t.j2", "ok\n{{ today|czech_date }}\n")
    result = invoke("tasks", "--template", str(template), "-a", str(escapes), "--as-of", AS_OF)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"kpss: error: {template}:2: template needs more memory than there is; stopped\n"


def test_a_folder_swapped_for_a_link_while_a_template_is_opened_is_refused(
    invoke: Invoke, linked: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # O_NOFOLLOW guards only the file itself; a folder on its path replaced by a link between
    # the check and the open (someone else writing to the shared folder) must not lead out.
    write(linked / "templates/agenda.md.j2", '{% include "parts/inc.j2" %}')
    inc = write(linked / "templates/parts/inc.j2", "harmless\n")
    write(tmp_path / "evil/inc.j2", SECRET + "\n")
    original = os.open

    def swapping_open(path: str, flags: int, *args: int) -> int:
        if path == str(inc.resolve()):
            (linked / "templates/parts").rename(linked / "templates/parts.old")
            (linked / "templates/parts").symlink_to(tmp_path / "evil")
        return original(path, flags, *args)

    monkeypatch.setattr(os, "open", swapping_open)
    result = invoke("agenda", "g", "--date", "2022-02-10", "-a", str(linked))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"kpss: error: {inc}: template refused: it changed while being read\n"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("{{ 5|dictsort }}", "'int' object has no attribute 'items'"),
        ("{{ 5|xmlattr }}", "'int' object has no attribute 'items'"),
        ('{{ "x"|deadline }}', "'str' object has no attribute 'get'"),
    ],
)
def test_a_filter_given_the_wrong_kind_of_value_is_the_templates_error_not_a_bug(
    invoke: Invoke, escapes: Path, tmp_path: Path, body: str, message: str
) -> None:
    template = write(tmp_path / "t.j2", "ok\n" + body + "\n")
    result = invoke("tasks", "--template", str(template), "-a", str(escapes), "--as-of", AS_OF)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"kpss: error: {template}:2: template failed: {message}\n"


def test_the_line_filter_takes_any_value(invoke: Invoke, escapes: Path, tmp_path: Path) -> None:
    template = write(tmp_path / "t.j2", "{{ 5|line }}|{{ none|line }}|{{ 'a\\nb\\x1b[2J'|line }}\n")
    result = invoke("tasks", "--template", str(template), "-a", str(escapes), "--as-of", AS_OF)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "5||a b[2J\n", "")


def test_calendars_carry_no_terminal_escapes(invoke: Invoke, tmp_path: Path) -> None:
    root = tmp_path / "archive"
    hostile = "Úkol \x1b]0;ovládnuto\x07 \x1b[2J\u202e konec"
    tasks = json.dumps([{"task": hostile, "owner": "Eva \x1b[31m", "due": "2026-06-30"}])
    place = json.dumps("sál \x1b[2J")
    (root / "g").mkdir(parents=True)
    (root / "g/2026-01-10.md").write_text(
        f"---\ngroup: g\ndate: 2026-01-10\nplace: {place}\ntasks: {tasks}\n---\n",
        encoding="utf-8",
    )
    result = invoke("tasks", "-f", "ics", "-a", str(root), "--as-of", "2026-02-01")
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout and "\x07" not in result.stdout
    assert "Úkol" in result.stdout and "konec" in result.stdout
