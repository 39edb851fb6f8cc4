"""The message catalogue: extract every `_()`, `N_()` and `ngettext()` message from kpss_cli/
with Babel, update the Czech catalogue (kpss_cli/locale/cs/LC_MESSAGES/kpss.po) and compile it
to the .mo file kpss reads at run time (with the standard library's gettext: Babel is needed
only here, so it is in the `test` extra).

    python tools/messages.py           # update kpss.po (new messages untranslated) and compile kpss.mo
    python tools/messages.py --check   # exit 1 when kpss.po or kpss.mo is not what the code needs

Translate the new entries of kpss.po (empty `msgstr`), then run it again. CONTRIBUTING.md.
"""

from __future__ import annotations

import argparse
import ast
import io
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir, extract_python
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "kpss_cli"
LOCALE = PACKAGE / "locale"
DOMAIN = "kpss"
LANGUAGES = ("cs",)
# The three forms of Czech: 1 úkol, 2–4 úkoly, 5 úkolů (and 0 úkolů).
PLURAL_FORMS = {"cs": "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;"}
HEADER = (
    "# Czech messages of kpss. Updated by tools/messages.py; translate the empty msgstr (CONTRIBUTING.md)."
)
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
# Fixed dates keep the files the same from run to run: only messages change them.
EPOCH = datetime(2026, 1, 1, tzinfo=UTC)


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(language: str) -> Path:
    return po_path(language).with_suffix(".mo")


# A command's help is its docstring, translated by these decorators (commands/app.py).
DOCUMENTING = frozenset(("boundary", "documented"))


def extract_kpss(fileobj: Any, keywords: Any, comment_tags: Any, options: Any) -> Iterator[Any]:
    """Babel's Python extraction, and the docstrings of commands (as `inspect.cleandoc` gives them)."""
    yield from extract_python(fileobj, keywords, comment_tags, options)
    fileobj.seek(0)
    tree = ast.parse(fileobj.read())
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef):
            continue
        names = {getattr(d, "id", getattr(d, "attr", None)) for d in node.decorator_list}
        docstring = ast.get_docstring(node, clean=True)
        if docstring and names & DOCUMENTING:
            yield node.body[0].lineno, None, docstring, ["The help of a command (kpss COMMAND --help)."]


def extract() -> Catalog:
    """Every message of the code, with the files it is in."""
    template = Catalog(project="kpss", fuzzy=False, creation_date=EPOCH, revision_date=EPOCH)
    found = extract_from_dir(
        str(PACKAGE),
        method_map=[("**.py", extract_kpss)],
        keywords=KEYWORDS,
        comment_tags=("TRANSLATORS:",),
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        path = (PACKAGE / filename).relative_to(REPO).as_posix()
        template.add(message, None, [(path, lineno)], auto_comments=comments, context=context)
    return template


def updated(language: str, template: Catalog) -> Catalog:
    """The catalogue of `language` with the code's messages: translations kept, new messages
    untranslated, messages no longer in the code dropped."""
    path = po_path(language)
    if path.exists():
        with path.open("rb") as file:
            catalog = read_po(file, locale=language, domain=DOMAIN)
    else:
        catalog = Catalog(locale=language, domain=DOMAIN, project="kpss", creation_date=EPOCH)
    catalog.update(template, no_fuzzy_matching=True, update_header_comment=False, update_creation_date=False)
    catalog.obsolete.clear()
    catalog.project, catalog.version = "kpss", ""
    catalog.creation_date = catalog.revision_date = EPOCH
    catalog.last_translator = catalog.language_team = "kpss <https://github.com/kpss>"
    catalog.msgid_bugs_address = ""
    catalog.header_comment = HEADER
    catalog.fuzzy = False
    if catalog.plural_forms != PLURAL_FORMS[language]:  # Babel's locale data says how; this pins it
        raise SystemExit(f"{language}: Babel gives the plural forms {catalog.plural_forms!r}")
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, include_lineno=False, sort_by_file=False, omit_header=False)
    return buffer.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def untranslated(catalog: Catalog) -> list[str]:
    """The messages with no translation (or a plural form missing)."""
    missing = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 when a file is stale")
    args = parser.parse_args(argv)
    template = extract()
    stale = False
    for language in LANGUAGES:
        catalog = updated(language, template)
        missing = untranslated(catalog)
        # The .mo is compiled from the .po as it is on disk after the update: what a translator wrote.
        po, mo = po_bytes(catalog), mo_bytes(catalog)
        for path, content in ((po_path(language), po), (mo_path(language), mo)):
            current = path.read_bytes() if path.exists() else None
            if current == content:
                continue
            if args.check:
                print(f"{path.relative_to(REPO)} is stale: run python tools/messages.py", file=sys.stderr)
                stale = True
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(content)
                print(f"wrote {path.relative_to(REPO)}")
        for message in missing:
            print(f"{language}: untranslated: {message!r}", file=sys.stderr)
        print(f"{language}: {len(template)} messages, {len(missing)} untranslated", file=sys.stderr)
        stale = stale or (args.check and bool(missing))
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
