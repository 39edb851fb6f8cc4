"""Page furniture off an exported document: page numbers, repeated letterheads, scrape junk.

Everything else of the original text is kept as it is (trailing spaces and runs of more than
two blank lines aside).
"""

from __future__ import annotations

import re
from collections import Counter

from .text import is_bullet, plain

PAGE_BREAK = "\f"

_PAGE_FIELD = re.compile(r"^\s*PAGE\s*(?:\d{1,3})?\s*$")  # a Word PAGE field exported as text
_PAGE_LINE = re.compile(
    r"^\s*(?:(?:str(?:ana|ánka|anka)|str\.|page|s\.)\s*\d{1,3}(?:\s*(?:z|/|of|ze)\s*\d{1,3})?"
    r"|[-–—]\s*\d{1,3}\s*[-–—]|\d{1,3}\s*(?:z|ze|of)\s*\d{1,3})\s*$",
    re.IGNORECASE,
)
_LONE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
# Lines a web page wraps around a document (seen in scraped exports); only whole lines.
_SCRAPE_JUNK = re.compile(
    r"^\s*(?:Prezentace se nahrává,? počkejte prosím\.?|Podobné prezentace|Reklamy Google|"
    r"Stáhnout (?:ppt|prezentaci|dokument)\b.*|Načítání\.*|Loading\.*|Nahoru|Zpět nahoru|"
    r"Sdílet(?: na Facebooku)?|Tisk(?:nout)?|Vytisknout|Cookies?.*souhlas.*|"
    # a wiki page's permissions listed above its text (`• @ALL má oprávnění číst`, `• jan.novy nemá
    # žádná oprávnění`): who may read or edit the page, nothing of the document
    r"(?:[•*·-]\s*)?@?[^\s:]+(?:\s+[^\s:]+){0,3}\s+(?:má\s+oprávnění\s+\w+|nemá\s+žádná\s+oprávnění))\s*$",
    re.IGNORECASE,
)
_LABELISH = re.compile(r"[:|]")
# The caption a town's web page puts on a photo, run into the text (`Nepřítomni: Jiří Horák. ÚŘS
# 07102010 1, obrázek se otevře v novém okně`): from the sentence or label before it up to its end.
_PHOTO_CAPTION = re.compile(r",?\s*obrázek se otevře v novém okně", re.IGNORECASE)
_CAPTION_START = re.compile(
    r"(?:^|[.:!?]\s+|\s[-–—]\s+|^\s*(?:Přítomn[iío]|Omluven[iyía]?|Nepřítomn[iíy]|Hosté)\s+)(?=[^\W\d_])"
)


def _without_captions(line: str) -> str:
    while (caption := _PHOTO_CAPTION.search(line)) is not None:
        before = line[: caption.start()]
        # the caption begins after the last full stop or colon that a capital follows (not `11. 2.`),
        # or after a label's dash or a label without its colon (`Přítomni – ÚŘS 11. 2. 2010, obrázek …`)
        starts = [m.end() for m in _CAPTION_START.finditer(before) if before[m.end() : m.end() + 1].isupper()]
        start = starts[-1] if starts else 0
        kept = line[:start].rstrip()
        rest = line[caption.end() :]
        line = f"{kept} {rest.lstrip()}".strip() if kept else rest.lstrip()
    return line


def _key(line: str) -> str:
    return plain(line).casefold()


def _furniture(lines: list[str], pages: list[int]) -> set[int]:
    """Indexes of repeated letterhead/footer lines, except each one's first occurrence."""
    keys = [_key(line) for line in lines]
    counts = Counter(k for k in keys if k)
    page_count = max(pages) + 1 if pages else 1
    by_page: dict[int, list[int]] = {}  # non-empty lines of each page, in order
    by_key: dict[str, list[int]] = {}  # where each line stands
    for n, (page, key) in enumerate(zip(pages, keys, strict=True)):
        if key:
            by_page.setdefault(page, []).append(n)
            by_key.setdefault(key, []).append(n)

    def candidate(i: int) -> bool:
        key = keys[i]
        if not key or counts[key] < 2:
            return False
        if _LABELISH.search(key) or is_bullet(lines[i]) or re.fullmatch(r"[\d\s.)]*", key):
            return False
        if counts[key] >= 3:
            return True
        # Twice is enough when the document has pages and the line sits at their edges.
        return page_count >= 2 and _on_page_edges(by_key[key], pages, by_page)

    marked = [candidate(i) for i in range(len(lines))]
    furniture: set[int] = set()
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if not marked[i]:
            continue
        key = keys[i]
        words = len(key.split())
        in_block = _neighbour_marked(i, keys, marked, counts)
        if not (in_block or (words >= 2 and len(key) >= 10)):
            continue
        if key in seen:
            furniture.add(i)
        seen.add(key)
        del line
    return furniture


def _neighbour_marked(i: int, keys: list[str], marked: list[bool], counts: Counter[str]) -> bool:
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(keys) and not keys[j]:
            j += step
        if 0 <= j < len(keys) and marked[j] and keys[j] != keys[i] and counts[keys[j]] == counts[keys[i]]:
            return True
    return False


def _on_page_edges(places: list[int], pages: list[int], by_page: dict[int, list[int]]) -> bool:
    """True when a line stands only near the top or bottom of its pages, on two or more pages."""
    edge_pages: set[int] = set()
    for j in places:
        same_page = by_page[pages[j]]
        if j in same_page[:4] or j in same_page[-3:]:
            edge_pages.add(pages[j])
        else:
            return False
    return len(edge_pages) >= 2


def _page_numbers(lines: list[str], pages: list[int]) -> set[int]:
    """Lines that only number pages."""
    drop: set[int] = set()
    for i, line in enumerate(lines):
        if _PAGE_FIELD.match(line) or _PAGE_LINE.match(line):
            drop.add(i)
            if _PAGE_FIELD.match(line):  # `PAGE` and its number on the next line
                j = i + 1
                while j < len(lines) and not lines[j].strip():
                    j += 1
                if j < len(lines) and _LONE_NUMBER.match(lines[j]):
                    drop.add(j)
    lone = [
        i
        for i, line in enumerate(lines)
        if _LONE_NUMBER.match(line)
        and (i == 0 or not lines[i - 1].strip() or pages[i - 1] != pages[i])
        and (i + 1 == len(lines) or not lines[i + 1].strip() or pages[i + 1] != pages[i])
    ]
    # Lone numbers between blank lines are page numbers when they count up, or when they
    # sit at the very start or end of a page.
    numbers = [int(line.strip()) for line in (lines[i] for i in lone)]  # `\x1f0`: int() keeps \x1f
    if len(lone) >= 2 and numbers == sorted(numbers) and len(set(numbers)) == len(numbers):
        drop.update(lone)
    by_page: dict[int, list[int]] = {}
    for n, page in enumerate(pages):
        if lines[n].strip():
            by_page.setdefault(page, []).append(n)
    for i in lone:
        same_page = by_page.get(pages[i], [])
        at_edge = bool(same_page) and i in (same_page[0], same_page[-1]) and len(same_page) > 1
        if at_edge and (max(pages) > 0 or i == same_page[-1]):
            drop.add(i)
    return drop


# A document site's transcript (`Transkript` on a line of its own, then a paragraph a page) numbers
# each page at both ends of its paragraph: `1 Zápis z … Michal Ondra, FO Hranice 1`, a blank line,
# `2 23. Vladimíra Kubešová, …`. A page that ends with its number, whose paragraph began with a
# page's number, and the next paragraph that starts with the number after it: a page break inside
# one paragraph. Nothing else is joined (not `… zdržel se 1` / `2 Úkoly` of other minutes).
_TRANSCRIPT_HEAD = re.compile(r"^\s*Transkript\s*$")
_TRANSCRIPT_PAGE_END = re.compile(r"^(?P<first>\d{1,3})\s+(?P<text>.{160,}?\S)\s+(?P<number>\d{1,3})$")
_TRANSCRIPT_PAGE_START = re.compile(r"^(?P<number>\d{1,3})\s+(?P<text>\S.*)$")


def _join_transcript_pages(lines: list[str]) -> list[str]:
    """A transcript's page that a page break cut inside a paragraph, joined to the next page's
    first paragraph, without the two page numbers (see `_TRANSCRIPT_HEAD`)."""
    head = next((n for n, line in enumerate(lines) if _TRANSCRIPT_HEAD.match(line)), None)
    if head is None:
        return lines
    out: list[str] = lines[: head + 1]
    i = head + 1
    while i < len(lines):
        line = lines[i]
        end = _TRANSCRIPT_PAGE_END.match(line)
        j = i + 1
        while end is not None and j < len(lines) and j - i <= 2 and not lines[j].strip():
            j += 1
        start = (
            _TRANSCRIPT_PAGE_START.match(lines[j])
            if end is not None and j > i + 1 and j < len(lines)
            else None
        )
        if (
            end is not None
            and start is not None
            and int(end["first"]) <= int(end["number"])
            and int(start["number"]) == int(end["number"]) + 1
        ):
            # the joined paragraph keeps the first page's number in front, as it began
            lines[j] = f"{end['first']} {end['text']} {start['text']}"
            i = j
            continue
        out.append(line)
        i += 1
    return out


def clean(text: str) -> str:
    """Return `text` without page furniture; form feeds (`\\f`) mark page breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    if PAGE_BREAK not in text:
        text = "\n".join(_join_transcript_pages(text.split("\n")))
    lines: list[str] = []
    pages: list[int] = []
    for page, chunk in enumerate(text.split(PAGE_BREAK)):
        for line in chunk.split("\n"):
            lines.append(_without_captions(line).rstrip())
            pages.append(page)
    drop = _page_numbers(lines, pages)
    # A text export without form feeds still numbers its pages (`Strana 1 z 2`): a new page
    # starts after such a line, so a running header under it stands at a page's edge.
    if PAGE_BREAK not in text:
        shift = 0
        for i, line in enumerate(lines):
            pages[i] += shift
            if _PAGE_LINE.match(line):
                shift += 1
    drop.update(i for i, line in enumerate(lines) if _SCRAPE_JUNK.match(line))
    kept_for_repeats = [i for i in range(len(lines)) if i not in drop]
    sub_lines = [lines[i] for i in kept_for_repeats]
    sub_pages = [pages[i] for i in kept_for_repeats]
    drop.update(kept_for_repeats[i] for i in _furniture(sub_lines, sub_pages))
    out: list[str] = []
    blanks = 0
    for i, line in enumerate(lines):
        if i in drop:
            continue
        if not line.strip():
            blanks += 1
            if blanks > 2:
                continue
        else:
            blanks = 0
        out.append(line)
    return "\n".join(out).strip("\n") + "\n" if any(line.strip() for line in out) else ""
