"""How brittle `kpss import` is to the way an office writes the same minutes: layout variants.

Each new office writes the same facts slightly differently (labels without a colon or in capitals,
`Přítomni:` on its own line, one person a line and numbered, a tab for the label's colon, `Omluven/a/i:`,
dates as `3.7.2014` or `3. července 2014`, bullets `•` or `o`, agenda items `1)` or `I.`, CRLF,
non-breaking spaces …). This takes real excerpts whose fields the import
reads (from the development corpus `../shared/corpus/` and the held-out set
`tests/data/import_heldout/`), rewrites each in one systematic variant at a time — the same facts,
another layout — and scores every variant against the original's expected fields with the scoring of
`benchmarks/import_fidelity.py` (`kpss_cli/importing/fidelity.py`). A variant that gets fewer fields
right than its original is a brittleness: a general way of writing minutes the rules do not read.

    python benchmarks/import_variants.py            # per variant kind: files changed, fields lost/won
    python benchmarks/import_variants.py --misses   # and every file and field a variant loses
    python benchmarks/import_variants.py --show KIND NN.txt   # print one variant of one excerpt

The excerpts are chosen by rule, not by hand: every corpus file and every held-out file whose
labels stand at the start of lines (`Přítomni:` …) and that gets at least eight values right: up to
eight of the corpus, the rest spread evenly over the real held-out minutes `01`–`314` (not the
synthetic `37`–`120`, nor later batches, so that the choice stays the same), 20 in all. A variant that does not change a file (no tabs to turn into spaces, say) is not
scored for it. The variants are made here, in memory; none is kept as data.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from import_fidelity import CORPUS, HELDOUT, minutes_text

from kpss_cli.core.errors import KpssError
from kpss_cli.core.names import is_title_only
from kpss_cli.core.vocabulary import MONTHS_GENITIVE
from kpss_cli.importing import Imported, recognise
from kpss_cli.importing.fidelity import Score, score_document
from kpss_cli.importing.text import CAPITAL

_LABEL_WORDS = (
    r"Přítomn[iíoa]|Přítomen|Omluven[iíoa]?|Nepřítomn[iíoa]|Hosté|Host|Zapsal[a]?|Zapisovatel(?:ka)?|"
    r"Ověřil[a]?|Ověřovatel(?:é|ka)?|Místo(?: konání| jednání| setkání)?|Datum(?: konání| jednání| setkání)?|"
    r"Čas(?: konání| jednání)?|Program(?: jednání| setkání)?|Termín(?: konání)?|Začátek|Úkoly|"
    r"Jednání řídil[a]?|Řídil[a]?|Moderátor(?:ka)?|Předsedající|Další (?:jednání|setkání)|"
    r"Příští (?:jednání|setkání)"
)
_LABEL = re.compile(rf"^(?P<lead>[ \t]*)(?P<label>{_LABEL_WORDS})[ \t]*:(?P<rest>[ \t]*)", re.MULTILINE)
_PEOPLE_LABEL = re.compile(
    r"^(?P<lead>[ \t]*)(?P<label>Přítomn[iíoa]|Přítomen|Omluven[iíoa]?|Nepřítomn[iíoa]|Hosté)[ \t]*:"
    r"[ \t]*(?P<list>\S[^\n]*,[^\n]*)$",
    re.MULTILINE,
)
_DATE = re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4})(?!\d)")
_TIME = re.compile(r"(?<![\d.:])(?P<h>\d{1,2}):(?P<min>\d{2})(?![\d:])(?:\s*(?:hod(?:in)?\.?|h\b\.?))?")
_BULLET = re.compile(r"^(?P<lead>[ \t]*)(?:[-*•–·▪]|o(?=\s))[ \t]+(?=\S)", re.MULTILINE)
# an item of a numbered list (`1. Zahájení`), not an ordinal (`1. jednání`) or a day (`12. dubna`)
_NUMBERED = re.compile(rf"^(?P<lead>[ \t]*)(?P<n>\d{{1,2}})\.[ \t]+(?={CAPITAL})", re.MULTILINE)
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV")


def _labels(text: str, how: Callable[[re.Match[str]], str]) -> str:
    return _LABEL.sub(how, text)


def _top_commas(text: str) -> list[str]:
    """`text` split at the commas outside brackets."""
    parts, depth, start = [], 0, 0
    for n, ch in enumerate(text):
        depth += (ch in "([") - (ch in ")]")
        if ch == "," and depth <= 0:
            parts.append(text[start:n])
            start = n + 1
    return [*parts, text[start:]]


def _one_per_line(match: re.Match[str]) -> str:
    items: list[str] = []
    for item in (i.strip() for i in _top_commas(match["list"])):
        if items and (is_title_only(item) or not item):
            items[-1] = f"{items[-1]}, {item}" if item else items[-1]
        else:
            items.append(item)
    if re.search(r"\d", items[0]):
        return match[0]  # (`Přítomni: ÚŘS 11. 2. 2010, obrázek se otevře …`: a caption, no list of people)
    return f"{match['lead']}{match['label']}:\n" + "\n".join(items)


def _numbered_per_line(match: re.Match[str]) -> str:
    listed = _one_per_line(match)
    if listed == match[0]:
        return listed
    head, *people = listed.split("\n")
    return "\n".join([head, *(f"{n}. {person}" for n, person in enumerate(people, 1))])


def _dates(text: str, form: Callable[[int, int, int], str]) -> str:
    def turn(match: re.Match[str]) -> str:
        d, m, y = int(match["d"]), int(match["m"]), int(match["y"])
        return form(d, m, y) if 1 <= m <= 12 and 1 <= d <= 31 else match[0]

    return _DATE.sub(turn, text)


def _numbers(text: str, form: Callable[[int], str]) -> str:
    return _NUMBERED.sub(lambda m: f"{m['lead']}{form(int(m['n']))} ", text)


def _title_upper(text: str) -> str:
    lines = text.split("\n")
    for n, line in enumerate(lines):
        if line.strip():
            lines[n] = line.upper()
            break
    return "\n".join(lines)


VARIANTS: dict[str, Callable[[str], str]] = {
    "label without colon": lambda t: _labels(t, lambda m: f"{m['lead']}{m['label']} "),
    "label with a dash": lambda t: _labels(t, lambda m: f"{m['lead']}{m['label']} – "),
    "label in capitals": lambda t: _labels(t, lambda m: f"{m['lead']}{m['label'].upper()}:{m['rest']}"),
    "label alone on its line": lambda t: _PEOPLE_LABEL.sub(
        lambda m: f"{m['lead']}{m['label']}:\n{m['list']}", t
    ),
    "one person a line": lambda t: _PEOPLE_LABEL.sub(_one_per_line, t),
    "numbered person a line": lambda t: _PEOPLE_LABEL.sub(_numbered_per_line, t),
    "label and a tab": lambda t: _labels(t, lambda m: f"{m['lead']}{m['label']}\t"),
    "label Omluven/a/i": lambda t: re.sub(
        r"^(\s*)Omluven[iíoa]?(?=\s*:)", r"\1Omluven/a/i", t, flags=re.MULTILINE
    ),
    "title in capitals": _title_upper,
    "tabs for runs of spaces": lambda t: re.sub(r"(?<=\S) {2,}(?=\S)", "\t", t),
    "spaces for tabs": lambda t: t.replace("\t", "    "),
    "date 3.7.2014": lambda t: _dates(t, lambda d, m, y: f"{d}.{m}.{y}"),
    "date 3. 7. 2014": lambda t: _dates(t, lambda d, m, y: f"{d}. {m}. {y}"),
    "date 3. července 2014": lambda t: _dates(t, lambda d, m, y: f"{d}. {MONTHS_GENITIVE[m - 1]} {y}"),
    "date 03.07.14": lambda t: _dates(t, lambda d, m, y: f"{d:02d}.{m:02d}.{y % 100:02d}"),
    "time 13.00 hod.": lambda t: _TIME.sub(lambda m: f"{m['h']}.{m['min']} hod.", t),
    "time 13:00h": lambda t: _TIME.sub(lambda m: f"{m['h']}:{m['min']}h", t),
    "CRLF": lambda t: t.replace("\n", "\r\n"),
    "non-breaking spaces": lambda t: re.sub(r"(?<=[.:]) (?=\S)", "\u00a0", t),
    "bullet •": lambda t: _BULLET.sub(lambda m: f"{m['lead']}• ", t),
    "bullet –": lambda t: _BULLET.sub(lambda m: f"{m['lead']}– ", t),
    "bullet *": lambda t: _BULLET.sub(lambda m: f"{m['lead']}* ", t),
    "bullet o": lambda t: _BULLET.sub(lambda m: f"{m['lead']}o ", t),
    "numbered 1)": lambda t: _numbers(t, lambda n: f"{n})"),
    "numbered I.": lambda t: _numbers(t, lambda n: f"{_ROMAN[n - 1]}." if n <= len(_ROMAN) else f"{n}."),
    "numbered a)": lambda t: _numbers(t, lambda n: f"{chr(ord('a') + n - 1)})" if n <= 26 else f"{n}."),
}


def _import(text: str, name: str) -> Imported | None:
    try:
        imported: Imported | None = recognise(text, source_name=name)
    except KpssError:
        return None
    return imported if imported is not None and imported.looks_like_minutes else None


def _score(text: str, expected: dict[str, object], name: str) -> Score:
    return score_document(_import(text, name), expected, name)


def _right(score: Score) -> int:
    return sum(score.hits.values())


def _wrong(score: Score) -> int:
    return sum(score.found.values()) - sum(score.hits.values())


# The held-out set as it stood when this was written: batches added later do not change which
# excerpts are chosen, so the figures stay comparable from one branch to the next.
LAST_HELDOUT = 314


def _candidates(folder: Path, prefix: str) -> list[tuple[str, str, dict[str, object]]]:
    found: list[tuple[str, str, dict[str, object]]] = []
    for truth in sorted(folder.glob("*.expected.yaml"), key=lambda p: int(p.name.split(".")[0])):
        number = int(truth.name.split(".")[0])
        if folder == HELDOUT and (37 <= number <= 120 or number > LAST_HELDOUT):
            continue  # the synthetic batches are no real minutes; later batches would move the choice
        source = truth.with_name(truth.name.replace(".expected.yaml", ".txt"))
        expected = yaml.safe_load(truth.read_text(encoding="utf-8")) or {}
        if expected.get("kind") == "not-minutes":
            continue
        text = minutes_text(source)
        if _LABEL.search(text) and _right(_score(text, expected, source.name)) >= 8:
            found.append((prefix + source.name, text, expected))
    return found


def excerpts(limit: int = 20) -> list[tuple[str, str, dict[str, object]]]:
    """(name, text, expected) of the excerpts the variants are made of (see the docstring): up to
    eight of the corpus, the rest spread evenly over the real held-out minutes."""
    corpus = _candidates(CORPUS, "corpus/")[: min(8, limit)]
    heldout = _candidates(HELDOUT, "held-out/")
    room = max(0, limit - len(corpus))
    step = max(1, len(heldout) // room) if room else 1
    return corpus + heldout[::step][:room]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help="list every file and field a variant loses")
    parser.add_argument("--show", nargs=2, metavar=("KIND", "FILE"), help="print one variant of one excerpt")
    parser.add_argument("--limit", type=int, default=20, help="how many excerpts (default 20)")
    args = parser.parse_args()
    if not CORPUS.is_dir() or not HELDOUT.is_dir():
        print(f"no corpus at {CORPUS} or {HELDOUT}", file=sys.stderr)
        return 2
    chosen = excerpts(args.limit)
    if args.show:
        kind, wanted = args.show
        text = next((t for n, t, _ in chosen if n.endswith(wanted)), None)
        if text is None or kind not in VARIANTS:
            print(f"no excerpt {wanted} or no variant {kind!r}", file=sys.stderr)
            return 2
        print(VARIANTS[kind](text))
        return 0
    originals = {name: _score(text, expected, name) for name, text, expected in chosen}
    print(f"{len(chosen)} excerpts: {', '.join(name for name, _, _ in chosen)}\n")
    print(f"{'variant':28} {'files':>5} {'worse':>5} {'lost':>5} {'won':>5} {'wrong+':>6}")
    losing = 0
    misses: list[str] = []
    for kind, make in VARIANTS.items():
        files = worse = lost = won = wrong = 0
        for name, text, expected in chosen:
            variant = make(text)
            if variant == text:
                continue
            files += 1
            score = _score(variant, expected, name)
            delta = _right(score) - _right(originals[name])
            wrong += max(0, _wrong(score) - _wrong(originals[name]))
            if delta < 0:
                worse += 1
                lost -= delta
                before = set(originals[name].misses)
                misses += [f"{kind}: {m}" for m in score.misses if m not in before]
            else:
                won += delta
        losing += worse > 0
        print(f"{kind:28} {files:5} {worse:5} {lost:5} {won:5} {wrong:6}")
    print(f"\nvariant kinds that lose a field on some excerpt: {losing} of {len(VARIANTS)}")
    if args.misses:
        print("\nmisses:")
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
