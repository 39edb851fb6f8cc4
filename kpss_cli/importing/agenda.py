"""The agenda: a `Program:` list (numbered, Roman, bulleted), numbered section headings, or
`Ad. 2)` / `K bodu č. 2` sections."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.vocabulary import ROMAN
from .text import is_bullet, is_heading, label_pattern, label_value, plain, rx, squash
from .when import find_dates

AGENDA_LABEL = label_pattern(
    r"program(?: jednání| setkání| schůzky| zasedání| porady| dnešního jednání)?|navržený program|"
    r"schválený program|návrh programu|body jednání|pořad jednání|obsah jednání|agenda|projednávané body|"
    r"body programu"
)
_ROMAN = {numeral: number for number, numeral in enumerate(ROMAN, start=1)}
_ITEM = re.compile(r"^(?:(\d{1,2})\s*[.)]|(X|IX|IV|V?I{1,3}|VI{0,3})\s*[.)]|([a-h])\s*\))\s*(.*\S)\s*$")
_AD = rx(
    r"^(?:ad\.?\s*|k\s+bodu\s+(?:č\.\s*)?|bod\s+(?:č\.\s*)?)(\d{1,2}|[IVX]{1,4})\s*[.):]*\s*[-–—:]?\s*(.*)$"
)
_NOT_AN_AGENDA = rx(r"^(?:viz\b|dle\b|podle\b|v příloze|příloha|pozvánk)")
_INLINE_NUMBERS = re.compile(r"(?:^|\s)(?:\d{1,2}|[IVX]{1,4})\s*[.)]\s+")


@dataclass(frozen=True, slots=True)
class _Item:
    kind: str  # "num" | "roman" | "letter" | "bullet"
    number: int
    text: str
    indent: int
    heading: bool


def _item(raw: str) -> _Item | None:
    line = plain(raw)
    indent = len(raw) - len(raw.lstrip(" \t"))
    heading = is_heading(raw) or raw.lstrip().startswith("**#")
    match = _ITEM.match(line)
    if match and not (find_dates(line) and find_dates(line)[0].start == 0):
        if match[1]:
            return _Item("num", int(match[1]), match[4], indent, heading)
        if match[2]:
            return _Item("roman", _ROMAN[match[2]], match[4], indent, heading)
        return _Item("letter", ord(match[3]) - ord("a") + 1, match[4], indent, heading)
    if is_bullet(raw) and line:
        return _Item("bullet", 0, line, indent, heading)
    return None


def _title(text: str) -> str:
    return squash(text).strip(" :;,-–").strip()


def _from_label(lines: list[str], start: int, value: str) -> list[str]:
    first: _Item | None = None
    items: list[str] = []
    if value:
        if _NOT_AN_AGENDA.match(value):
            return []
        parts = [p for p in _INLINE_NUMBERS.split(value) if p.strip()]
        opened = _item(value)
        if len(parts) < 2 and opened is not None and opened.kind != "bullet" and opened.number == 1:
            # `Program: 1) Úvod` with `2) …` on the next lines: the list starts on the label line.
            first, items = _Item(opened.kind, 1, opened.text, 0, False), [_title(opened.text)]
        else:
            if len(parts) < 2:
                parts = [p for p in re.split(r"\s*[;,]\s*", value) if p.strip()]
            return [_title(p) for p in parts if _title(p)]
    blank_run = 0
    for raw in lines[start + 1 :]:
        if not raw.strip():
            blank_run += 1
            if blank_run > 3 and items:
                break
            continue
        after_blank, blank_run = blank_run > 0, 0
        item = _item(raw)
        if item is None and first is not None and first.kind != "plain" and items and not after_blank:
            text = plain(raw)
            if text[:1].islower():  # an item that wraps onto the next line
                items[-1] = _title(f"{items[-1]} {text}")
                continue
        if item is None:
            if first is None and len(plain(raw)) <= 80 and not plain(raw).endswith(":"):
                # Items without any mark, one per line (Word lists lose their numbers).
                items.append(_title(plain(raw)))
                first = _Item("plain", 0, "", 0, False)
                continue
            if first is not None and first.kind == "plain" and len(plain(raw)) <= 80 and blank_run == 0:
                items.append(_title(plain(raw)))
                continue
            break
        if first is None:
            first = item
        elif first.kind == "plain":
            break
        if item.kind == first.kind and item.indent <= first.indent + 1:
            if item.kind != "bullet" and item.number != len(items) + 1 and items:
                break
            items.append(_title(item.text))
        elif item.indent < first.indent:
            break
        # anything else is a sub-item of the last item
    if first is not None and first.heading and first.kind in ("num", "roman"):
        return _headings(lines, start + 1, first.kind)
    if first is not None and first.kind == "plain" and len(items) < 2:
        return []
    return [i for i in items if i]


def _headings(lines: list[str], start: int, kind: str) -> list[str]:
    """Numbered section headings in sequence through the document (`## 1) Úvod` … `## 5) …`)."""
    items: list[str] = []
    for raw in lines[start:]:
        item = _item(raw)
        if item is not None and item.kind == kind and item.heading and item.number == len(items) + 1:
            items.append(_title(item.text))
    return items


def _numbered_sections(lines: list[str]) -> list[str]:
    """Lines `1. Úvod` … `6. Různé` at the left margin, in sequence, with text between them."""
    items: list[str] = []
    for raw in lines:
        if raw[:2].strip() == "" and raw.strip():  # indented: a list inside the text
            continue
        item = _item(raw)
        if item is None or item.kind != "num" or item.number != len(items) + 1:
            continue
        if len(item.text) > 100 or item.text.endswith("."):
            continue
        items.append(_title(item.text))
    return items if len(items) >= 2 else []


def _ad_sections(lines: list[str]) -> list[str]:
    items: list[str] = []
    for raw in lines:
        match = _AD.match(plain(raw))
        if match and match[2].strip():
            items.append(_title(match[2]))
    return items


def find_agenda(lines: list[str]) -> list[str]:
    """The agenda items of a document (given as its lines)."""
    for index, raw in enumerate(lines):
        value = label_value(AGENDA_LABEL, plain(raw))
        if value is None:
            continue
        items = _from_label(lines, index, value)
        if items:
            return items
    return _numbered_sections(lines) or _ad_sections(lines)
