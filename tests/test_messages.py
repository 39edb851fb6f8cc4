"""The interface in Czech and English: the catalogue is complete and current, and the language
follows the environment as GNU gettext reads it, else the archive's kpss.yaml.

The catalogue tests read what tools/messages.py extracts from the code (with Babel), so a new
`_()` message without a Czech translation fails here until `python tools/messages.py` is run
and the message translated in kpss_cli/locale/cs/LC_MESSAGES/kpss.po.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import string
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from .conftest import DATA, REPO

LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("messages_tool", REPO / "tools" / "messages.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    return _tool()


@pytest.fixture(scope="module")
def catalogue(tool: ModuleType) -> Catalog:
    with tool.po_path("cs").open("rb") as file:
        return read_po(file, locale="cs")


def _key(message: Message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


def _fields(text: str) -> Counter[str]:
    """The replacement fields of a message, with their conversions and format specs."""
    return Counter(
        f"{name}!{conversion}:{spec}"
        for _literal, name, spec, conversion in string.Formatter().parse(text)
        if name is not None
    )


def test_every_message_of_the_code_has_a_czech_translation(tool: ModuleType, catalogue: Catalog) -> None:
    template = tool.extract()
    assert len(template) > 400  # the extraction found the messages (commands, errors, headers)
    translated = {_key(m): m for m in catalogue if m.id}
    missing = []
    for message in template:
        if not message.id:
            continue
        found = translated.get(_key(message))
        strings = found.string if found is not None else ""
        strings = strings if isinstance(strings, tuple) else (strings,)
        if found is None or found.fuzzy or not all(strings):
            missing.append(_key(message))
    assert missing == [], "run `python tools/messages.py` and translate in kpss.po:\n" + "\n".join(missing)


def test_translations_keep_the_fields_of_their_message(catalogue: Catalog) -> None:
    wrong = []
    for message in catalogue:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            # Each Czech form has the fields of the English plural (the singular may name fewer).
            expected = _fields(message.id[1])
            pairs = [(form, expected) for form in message.string]
        else:
            pairs = [(message.string, _fields(message.id))]
        wrong += [f"{_key(message)!r} -> {text!r}" for text, fields in pairs if _fields(text) != fields]
    assert wrong == []


def test_the_catalogue_has_the_three_czech_plural_forms(catalogue: Catalog) -> None:
    assert catalogue.plural_forms == "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;"
    plurals = [m for m in catalogue if isinstance(m.id, tuple)]
    assert plurals and all(len(m.string) == 3 for m in plurals)


def test_the_po_and_mo_files_are_what_the_tool_makes(tool: ModuleType) -> None:
    """The .po holds exactly the code's messages (no stale ones), and the shipped .mo is
    compiled from the .po as it is (compared by content, not by date)."""
    catalog = tool.updated("cs", tool.extract())
    assert tool.po_path("cs").read_bytes() == tool.po_bytes(catalog), "run `python tools/messages.py`"
    assert tool.mo_path("cs").read_bytes() == tool.mo_bytes(catalog), "run `python tools/messages.py`"


def test_the_tool_check_mode_passes_on_the_repository() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "messages.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "0 untranslated" in result.stderr


# --- the language of a run ----------------------------------------------------------------


def kpss(*args: str, cwd: Path | None = None, **locale: str) -> subprocess.CompletedProcess[str]:
    """Run the installed kpss as a user would, with only the locale variables given."""
    env = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES and not k.startswith("KPSS_")}
    env.update(locale)
    return subprocess.run(
        [sys.executable, "-m", "kpss_cli", *args], capture_output=True, text=True, env=env, cwd=cwd
    )


@pytest.fixture
def archive_copy(tmp_path: Path) -> Path:
    target = tmp_path / "archive"
    shutil.copytree(DATA / "archive", target)
    return target


def test_czech_locale_gives_czech_headers_and_errors(archive_copy: Path) -> None:
    result = kpss("tasks", "--archive", str(archive_copy), "--as-of", "2026-01-01", LANG="cs_CZ.UTF-8")
    assert result.returncode == 0, result.stderr
    header = result.stdout.splitlines()[0].split()
    assert header[:5] == ["ID", "Skupina", "Jednání", "Úkol", "Zajistí"]
    missing = kpss("tasks", "--archive", "/no/such/archive", LANG="cs_CZ.UTF-8")
    assert missing.returncode == 2
    assert missing.stderr == "kpss: error: složka archivu nenalezena: /no/such/archive\n"


def test_c_locale_gives_english(archive_copy: Path) -> None:
    result = kpss("tasks", "--archive", str(archive_copy), "--as-of", "2026-01-01", LANG="C")
    assert result.stdout.splitlines()[0].split()[:5] == ["ID", "Group", "Meeting", "Task", "Owner"]
    missing = kpss("tasks", "--archive", "/no/such/archive", LANG="C.UTF-8")
    assert missing.stderr == "kpss: error: archive folder not found: /no/such/archive\n"


def test_the_typer_path_speaks_czech_too(archive_copy: Path) -> None:
    """Commands the quick path does not answer: errors, table headers and help."""
    listed = kpss("list", "--archive", str(archive_copy), LC_MESSAGES="cs_CZ.UTF-8", LANG="en_US.UTF-8")
    assert listed.stdout.splitlines()[0].split()[:4] == ["ID", "Skupina", "Datum", "Čas"]
    unknown = kpss("show", "nic/2020-01-01", "--archive", str(archive_copy), LANG="cs_CZ.UTF-8")
    assert unknown.returncode == 2
    assert unknown.stderr == "kpss: error: zápis 'nic/2020-01-01' v archivu není (viz `kpss list`)\n"
    helped = kpss("tasks", "--help", LANG="cs_CZ.UTF-8")
    assert "Vypíše úkoly ze všech zápisů" in helped.stdout
    assert "Jen otevřené úkoly po termínu." in helped.stdout
    top = kpss("--help", LANG="cs_CZ.UTF-8")
    assert "Zkontroluje archiv" in top.stdout  # `check`'s help, first line, in the list of commands


def test_tables_show_statuses_in_czech_and_data_keeps_them_english(archive_copy: Path) -> None:
    czech = kpss(
        "tasks", "--all", "--archive", str(archive_copy), "--as-of", "2026-01-01", LANG="cs_CZ.UTF-8"
    )
    statuses = {line.split()[-1] for line in czech.stdout.splitlines()[1:] if line.strip()}
    assert "zrušeno" in czech.stdout and "cancelled" not in statuses
    csv = kpss(
        "tasks", "--all", "-f", "csv", "-a", str(archive_copy), "--as-of", "2026-01-01", LANG="cs_CZ.UTF-8"
    )
    assert ",cancelled," in csv.stdout and "zrušeno" not in csv.stdout


def test_clicks_own_words_are_czech_too() -> None:
    """The help option, the usage line and an option given without its value."""
    helped = kpss("tasks", "--help", LANG="cs_CZ.UTF-8")
    assert helped.stdout.startswith("Použití: kpss tasks")
    assert "Vypíše tuto nápovědu a skončí." in helped.stdout
    bare = kpss("tasks", "--owner", LANG="cs_CZ.UTF-8")
    assert bare.returncode == 2
    assert bare.stderr.splitlines() == [
        "kpss: error: --owner potřebuje hodnotu",
        "kpss: hint: `kpss tasks --help` ukáže jeho volby",
    ]
    english = kpss("tasks", "--owner", LANG="C")
    assert english.stderr.splitlines()[0] == "kpss: error: --owner needs a value"


def test_clicks_errors_usage_words_and_completion_help_are_czech(archive_copy: Path) -> None:
    """What the vendored Click and Typer word in English: a wrong choice, a number, extra words,
    the usage line's placeholders, argument names and the completion options' help."""
    cases = {
        ("attendance", "--by", "member"): "kpss: error: --by: 'member' není z možností person, org, meeting",
        ("remind", "--days", "x"): "kpss: error: --days: 'x' není číslo",
        ("remind", "--days", "-1"): "kpss: error: --days: -1 není v rozsahu x>=0",
        ("list", "navíc"): "kpss: error: nadbytečná slova: navíc",
        ("export",): "kpss: error: kpss export potřebuje CÍL",
    }
    for words, first in cases.items():
        result = kpss(*words, "--archive", str(archive_copy), LANG="cs_CZ.UTF-8")
        assert (result.returncode, result.stderr.splitlines()[0]) == (2, first)
    english = kpss("attendance", "--by", "member", LANG="C")
    assert english.stderr.splitlines()[0] == "kpss: error: --by: 'member' is not one of person, org, meeting"
    helped = kpss("--help", LANG="cs_CZ.UTF-8").stdout
    assert helped.startswith("Použití: kpss [VOLBY] PŘÍKAZ [ARGUMENTY]...")
    assert "Nainstaluje doplňování pro tento shell." in helped and "Install completion" not in helped
    assert kpss("show", "--help", LANG="cs_CZ.UTF-8").stdout.startswith("Použití: kpss show [VOLBY] {ZÁPIS}")
    for command in ("tasks", "schedule", "remind", "plan"):
        page = kpss(command, "--help", LANG="cs_CZ.UTF-8", COLUMNS="200").stdout
        assert "--archive SLOŽKA" in page and "--as-of DATUM" in page
        assert not re.search(r"<(str|path|int|float|text)[ >]", page), page


def test_captions_and_the_dashboard_count_and_date_in_czech(archive_copy: Path) -> None:
    tasks = kpss(
        "tasks", "--all", "--archive", str(archive_copy), "--as-of", "2023-01-01", LANG="cs_CZ.UTF-8"
    )
    assert (
        tasks.stdout.splitlines()[-1].endswith("(ke dni 2023-01-01)")
        and " úkol" in tasks.stdout.splitlines()[-1]
    )
    dashboard = kpss("--archive", str(archive_copy), "--as-of", "2023-01-01", LANG="cs_CZ.UTF-8")
    assert dashboard.stdout.splitlines()[0].endswith(", stav ke dni 1. 1. 2023")
    english = kpss("--archive", str(archive_copy), "--as-of", "2023-01-01", LANG="C")
    assert english.stdout.splitlines()[0].endswith(", as of 2023-01-01")
    examples = Path(__file__).parent.parent / "examples"
    planned = kpss(
        "--no-cache", "plan", "--archive", str(examples), "--as-of", "2026-12-05", LANG="cs_CZ.UTF-8"
    )
    assert "rozpracováno" in planned.stdout and "in_progress" not in planned.stdout
    data = kpss(
        "--no-cache",
        "plan",
        "--archive",
        str(examples),
        "--as-of",
        "2026-12-05",
        "-f",
        "csv",
        LANG="cs_CZ.UTF-8",
    )
    assert ",in_progress," in data.stdout


def test_show_and_task_read_in_czech(archive_copy: Path) -> None:
    shown = kpss("show", "ridici/2021-12-15", "--archive", str(archive_copy), LANG="cs_CZ.UTF-8")
    lines = shown.stdout.splitlines()
    assert lines[1] == "Skupina:   Řídicí pracovní skupina"
    assert "Stav:      schváleno" in lines
    assert any(line.startswith("  ridici/2021-12-15#2 [zrušeno] ") for line in lines)
    task = kpss("task", "ridici/2021-12-15#2", "--archive", str(archive_copy), LANG="cs_CZ.UTF-8")
    assert "Zajistí:   A. Sochůrková" in task.stdout.splitlines()
    as_json = kpss("task", "ridici/2021-12-15#2", "-f", "json", "-a", str(archive_copy), LANG="cs_CZ.UTF-8")
    assert '"status": "cancelled"' in as_json.stdout  # data stays in English


def test_czech_plurals_and_check_findings(tmp_path: Path) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(DATA / "broken", broken)
    result = kpss("check", "--archive", str(broken), "--as-of", "2026-01-01", LANG="cs_CZ.UTF-8")
    assert result.returncode == 2
    summary = result.stderr.splitlines()[-1]
    assert summary.startswith("kpss: ") and " chyb" in summary and "souborech" in summary, summary
    assert ": chyba: " in result.stdout
    explained = kpss("check", "--explain", "yaml", LANG="cs_CZ.UTF-8")
    assert explained.stdout.startswith("yaml (chyba): front matter není platný YAML")


def test_language_asks_before_the_locale_and_c_ignores_it(archive_copy: Path) -> None:
    """GNU gettext's order: LANGUAGE (a list) before LC_ALL, LC_MESSAGES, LANG; the C locale
    is English whatever LANGUAGE says."""
    args = ("tasks", "--archive", "/no/such/archive")
    assert "nenalezena" in kpss(*args, LANGUAGE="de:cs", LANG="en_US.UTF-8").stderr
    assert "not found" in kpss(*args, LANGUAGE="en:cs", LANG="cs_CZ.UTF-8").stderr
    assert "not found" in kpss(*args, LANGUAGE="cs", LC_ALL="C").stderr
    assert "not found" in kpss(*args, LC_ALL="en_GB.UTF-8", LANG="cs_CZ.UTF-8").stderr
    assert "nenalezena" in kpss(*args, LC_ALL="cs_CZ.UTF-8", LANG="C").stderr
    assert "not found" in kpss(*args, LANG="de_DE.UTF-8").stderr  # a language kpss does not speak


def test_without_a_locale_the_archive_language_decides(archive_copy: Path) -> None:
    """No locale variable at all (Windows, cron): kpss.yaml's `language` (default cs)."""
    args = ("show", "nic/2020-01-01")
    inside = kpss(*args, "--archive", str(archive_copy))
    assert "v archivu není" in inside.stderr  # tests/data/archive says `language: cs`
    from_subfolder = kpss(*args, cwd=archive_copy / "ridici")
    assert "v archivu není" in from_subfolder.stderr  # the nearest kpss.yaml upwards
    config = archive_copy / "kpss.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: cs", "language: en"), "utf-8")
    assert "no minutes" in kpss(*args, "--archive", str(archive_copy)).stderr
    assert "v archivu není" in kpss(*args, "--archive", str(archive_copy), LANG="cs_CZ.UTF-8").stderr


def test_the_index_keeps_no_message_in_another_language(tmp_path: Path) -> None:
    """Problems are kept in the index with their text: a Czech run's text is not an English run's."""
    broken = tmp_path / "broken"
    shutil.copytree(DATA / "broken", broken)
    time.sleep(2.1)  # the index keeps only files unchanged for 2 s (store/loading.SETTLED_NS)
    czech = kpss("list", "--archive", str(broken), LANG="cs_CZ.UTF-8")
    english = kpss("list", "--archive", str(broken), LANG="C")
    again = kpss("list", "--archive", str(broken), LANG="cs_CZ.UTF-8")
    assert "front matter není uzavřený" in czech.stderr
    assert "front matter is not closed" in english.stderr and "není" not in english.stderr
    assert again.stderr == czech.stderr
    # One index per language, each kept warm (a Czech cron job, an English shell).
    names = sorted(p.name for p in (broken / ".kpss").glob("index-*.sqlite3"))
    assert len(names) == 2 and names[0].endswith("-cs.sqlite3"), names


def test_version_needs_no_catalogue() -> None:
    assert kpss("--version", LANG="cs_CZ.UTF-8").stdout.startswith("kpss ")


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({}, None),
        ({"LANG": "cs_CZ.UTF-8"}, "cs"),
        ({"LANG": "C"}, "en"),
        ({"LANG": "C.UTF-8", "LANGUAGE": "cs"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"LC_MESSAGES": "cs_CZ", "LANG": "en_US.UTF-8"}, "cs"),
        ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "cs_CZ.UTF-8"}, "en"),
        ({"LANGUAGE": "sk:cs:en", "LANG": "sk_SK.UTF-8"}, "cs"),
        ({"LANGUAGE": "cs"}, "cs"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "cs_CZ.ISO-8859-2@euro", "LC_ALL": ""}, "cs"),
    ],
)
def test_the_environment_as_gnu_gettext_reads_it(environ: dict[str, str], language: str | None) -> None:
    from kpss_cli.commands.language import from_environment

    assert from_environment(environ) == language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("language: en\n", "en"),
        ('organisation: X\nlanguage: "en"  # the documents too\n', "en"),
        ("groups:\n  - name: A\n    language: en\n", "cs"),  # not the top level
        ("organisation: X\n", "cs"),  # the default of core/config.py
    ],
)
def test_kpss_yaml_language_is_read_without_yaml(text: str, language: str) -> None:
    from kpss_cli.commands.language import language_key

    assert language_key(text) == language


def test_the_systems_reasons_are_czech(archive_copy: Path) -> None:
    """Python words an OSError in English whatever the locale; kpss says the common ones itself."""
    result = kpss(
        "new-minutes", "seniori", "--date", "2023-03-01", "--edit", "--archive", str(archive_copy),
        LANG="cs_CZ.UTF-8", EDITOR="no-such-editor-kpss",
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.startswith(
        "kpss: error: editor 'no-such-editor-kpss' ($EDITOR) nelze spustit: soubor ani složka neexistuje;"
    )
    assert (archive_copy / "seniori" / "2023-03-01.md").exists()


@pytest.mark.parametrize("example", [False, True], ids=["minimal", "example"])
def test_init_writes_its_starters_in_the_interfaces_language(tmp_path: Path, example: bool) -> None:
    """A Czech coordinator opens a kpss.yaml commented in Czech; both are valid archives."""
    flags = ["--example"] if example else ["--group", "PS Senioři"]
    for locale, words in (("cs_CZ.UTF-8", "nastavení tohoto archivu"), ("C", "the settings of this archive")):
        folder = tmp_path / locale
        assert kpss("init", str(folder), *flags, LANG=locale).returncode == 0
        assert words in (folder / "kpss.yaml").read_text(encoding="utf-8").splitlines()[0]
        checked = kpss("check", "--archive", str(folder), LANG="C")
        assert (checked.returncode, checked.stderr) == (0, "kpss: 0 errors, 0 warnings in 1 file\n")
    czech = (tmp_path / "cs_CZ.UTF-8" / "kpss.yaml").read_text(encoding="utf-8")
    english = (tmp_path / "C" / "kpss.yaml").read_text(encoding="utf-8")
    data = [line.partition("#")[0].rstrip() for line in (czech, english)[0].splitlines()]
    assert data == [line.partition("#")[0].rstrip() for line in english.splitlines()]  # only comments differ
    assert "Archiv zápisů" in (tmp_path / "cs_CZ.UTF-8" / "README.md").read_text(encoding="utf-8")


def test_the_reasons_of_guessed_values_are_in_the_interfaces_language(
    archive_copy: Path, tmp_path: Path
) -> None:
    """`# kpss: odhad – …` and `kpss import --report` say why a value is a guess in Czech for a
    Czech user, in English in the C locale (issue #19)."""
    document = tmp_path / "zapis.txt"
    document.write_text(
        "Zápis z jednání pracovní skupiny Senioři\n\nDne 12. 4. 2023\n\nPřítomni: Olga Merglová, Pavel Kalous\n\n"
        "Předsedkyně skupiny Mgr. Jana Dobrá přivítala členy a v 14:00 zahájila jednání.\n\n"
        "Zpracováním zápisu pověřila paní Olgu Merglovou.\n",
        encoding="utf-8",
    )
    args = ("import", str(document), "--dry-run", "--report", "-f", "json", "--archive", str(archive_copy))
    czech = {row["field"]: row["why"] for row in json.loads(kpss(*args, LANG="cs_CZ.UTF-8").stdout)}
    english = {row["field"]: row["why"] for row in json.loads(kpss(*args, LANG="C").stdout)}
    assert czech["recorder"] == "zapisovatel převeden ze 4. pádu (pověřil …)"
    assert english["recorder"] == "recorder turned from the accusative (pověřil …)"
    assert czech["moderator"] == "z vyprávění zápisu (kdo zahájil nebo vedl jednání)"
    assert czech["time"] == "z vyprávění zápisu (kdy bylo jednání zahájeno)"
    assert english["time"] == "from the minutes' narrative (when the meeting was opened)"
