"""Importing legacy minutes (.txt, .md, .docx, .pdf) into the archive's minutes format.

    text = read_document(path)                      # the document's text
    imported = recognise(text, source_name=path.name, group_hint=None)
    markdown = to_minutes_markdown(imported)        # front matter + the cleaned original text
    name = suggested_filename(imported)             # `YYYY-MM-DD.md`

Nothing here prints; `imported.warnings` says what the user should fill in.
"""

from __future__ import annotations

from pathlib import Path

from .clean import clean
from .nextmeeting import NextMeetingDict
from .people import PersonDict
from .read import SUPPORTED, read_document
from .recognise import Imported, recognise
from .tasks import TaskDict
from .write import suggested_filename, to_minutes_markdown


def import_document(path: Path, *, group_hint: str | None = None) -> Imported:
    """Read and recognise one document (raises KpssError when it cannot be read)."""
    return recognise(read_document(path), source_name=path.name, group_hint=group_hint)


__all__ = [
    "SUPPORTED",
    "Imported",
    "NextMeetingDict",
    "PersonDict",
    "TaskDict",
    "clean",
    "import_document",
    "read_document",
    "recognise",
    "suggested_filename",
    "to_minutes_markdown",
]
