"""How faithfully an import reads minutes: field-by-field scoring against what a careful person
reads from the same text. Used by `tests/test_import_corpus.py` and `benchmarks/import_fidelity.py`.

`expected` is a mapping of the fields a person read (the corpus `NN.expected.yaml` or
`*.expected.json`): a field that is missing, null or empty is one the text does not give.
Each field gives points:

- a scalar field (date, time, place, group, moderator, recorder, next meeting date and time,
  task count) is one point;
- each person of present / excused / absent / guests is one point (titles, ranks, courtesy words,
  case and accents ignored; a missing and an extra person are each a wrong point);
- each task deadline and each task owner is one point (matched in order);
- a document whose truth is `kind: not-minutes` gives one `refused` point.

Recall is the share of the values the text gives that the import got right; precision is the
share of the values the import gave that are right; accuracy counts every point, including
the right "nothing here" of a field neither side fills in.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..core.names import fold, person_key
from .recognise import Imported
from .when import find_dates

LISTS = ("present", "excused", "absent", "guests")
FIELDS = (
    "refused",
    "group",
    "date",
    "time",
    "place",
    *LISTS,
    "moderator",
    "recorder",
    "task_count",
    "task_deadlines",
    "task_owners",
    "next_date",
    "next_time",
)


@dataclass
class Score:
    """Per field: points, right points, values the text gives, values the import gave, and
    right values (given by both and equal); and what went wrong where."""

    points: Counter[str] = field(default_factory=Counter)
    right: Counter[str] = field(default_factory=Counter)
    given: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    hits: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    def add(self, name: str, ok: bool, where: str, detail: str = "", *, given: bool, found: bool) -> None:
        """Count one point of `name`: `given` when the text gives a value, `found` when the import
        gave one, `ok` when the two agree (both empty is right, but no hit)."""
        self.points[name] += 1
        self.given[name] += given
        self.found[name] += found
        if ok:
            self.right[name] += 1
            self.hits[name] += given and found
        else:
            self.misses.append(f"{where}: {name}: {detail}")

    def merge(self, other: Score) -> None:
        """Add `other`'s points and misses to this score."""
        for mine, theirs in (
            (self.points, other.points),
            (self.right, other.right),
            (self.given, other.given),
            (self.found, other.found),
            (self.hits, other.hits),
        ):
            mine.update(theirs)
        self.misses.extend(other.misses)

    def accuracy(self) -> float:
        """The share of points right (1.0 when there are none)."""
        total = sum(self.points.values())
        return sum(self.right.values()) / total if total else 1.0

    def recall(self, name: str | None = None) -> float | None:
        """Right values over values the text gives (of one field, or all); None when none."""
        given = self.given[name] if name else sum(self.given.values())
        hits = self.hits[name] if name else sum(self.hits.values())
        return hits / given if given else None

    def precision(self, name: str | None = None) -> float | None:
        """Right values over values the import gave (of one field, or all); None when none."""
        found = self.found[name] if name else sum(self.found.values())
        hits = self.hits[name] if name else sum(self.hits.values())
        return hits / found if found else None

    def table(self) -> str:
        """Per field and in total: values given, found, right, recall and precision."""

        def pct(value: float | None) -> str:
            return "      –" if value is None else f"{value:7.1%}"

        rows = [f"{'field':15} {'given':>5} {'found':>5} {'right':>5} {'recall':>7} {'precision':>9}"]
        for name in [*FIELDS, None]:
            if name is not None and not self.points[name]:
                continue
            given = self.given[name] if name else sum(self.given.values())
            found = self.found[name] if name else sum(self.found.values())
            hits = self.hits[name] if name else sum(self.hits.values())
            rows.append(
                f"{name or 'TOTAL':15} {given:5} {found:5} {hits:5} "
                f"{pct(self.recall(name))} {pct(self.precision(name)):>9}"
            )
        return "\n".join(rows)

    def report(self) -> str:
        """The table, the accuracy and the list of misses."""
        return "\n".join([self.table(), f"accuracy {self.accuracy():.1%}", "misses:", *self.misses])


def text_key(text: str | None) -> str:
    """Case-, diacritics- and punctuation-blind form of a place, group or deadline."""
    if text is None:
        return ""
    return " ".join(re.sub(r"[^\w/]+", " ", fold(str(text))).split())


def _group_key(text: str | None) -> str:
    key = text_key(text)
    return re.sub(r"\bpracovni(?:ch)? skupin[ayi]?\b", "ps", key)


def _contains(found: str, want: str) -> bool:
    """Either key holds the other (`Řídící skupina` in `Řídící skupina KPSS Jesenicko`)."""
    return bool(found and want) and (found in want or want in found)


def _same_deadline(found: str | None, expected: Any) -> bool:
    """The deadline as written or the day it names; a year the importer added to `15. 3.`
    does not make it wrong."""
    if found is None:
        return False
    if isinstance(expected, dt.date) or re.fullmatch(r"\d{4}-\d\d-\d\d", str(expected)):
        day = expected if isinstance(expected, dt.date) else dt.date.fromisoformat(str(expected))
        if found == day.isoformat():
            return True
        hits = [h.date(day.year) for h in find_dates(found)]
        return bool(hits) and hits[-1] == day
    got, want = text_key(found), text_key(expected)
    return got == want or bool(re.fullmatch(re.escape(want) + r" (?:19|20)\d\d", got))


# Police and army ranks (`plk.`, `npor.`) count as titles: ignored like `Mgr.` when people are compared.
_RANKS = re.compile(r"^(?:(?:n|p)?por|kpt|mjr|p?plk|gen|(?:n|p|s)?prap|(?:n|s)?strm)\.\s*")


# Courtesy words before a name (`p.`, `pí.`, `sl.` = slečna, `P.` = Pater, `o.` = otec, `sestra`) are no
# more part of the person than a title is.
_COURTESY = re.compile(r"^(?:(?:p|pi|pan|pani|sl|slecna|sestra|bratr)\.?|o\.)\s+")


def people_key(name: str) -> str:
    """A person as the scoring compares them: `person_key`, ranks and courtesy words ignored too,
    titles glued to what follows (`Ing.Mgr. Jan`, `Mgr.Jan`) as titles."""
    key = person_key(re.sub(r"(?<=\.)(?=[^\W\d_])", " ", name))
    while (shorter := _COURTESY.sub("", _RANKS.sub("", key))) != key:
        key = shorter
    return key


_HONORIFIC = re.compile(r"^(?:pan[aeiu]?|pani|panem|panu|p)\s+")


def _owner_key(text: str | None) -> str:
    return _HONORIFIC.sub("", person_key(text)) if text else ""


def _same_owner(found: str | None, expected: Any) -> bool:
    """The owner as written, without `pan`/`paní` and titles; a name that holds the other counts."""
    return _contains(_owner_key(found), _owner_key(str(expected)))


def score_people(score: Score, where: str, name: str, found: list[str], expected: list[str]) -> None:
    """One point per person of either list; missing and extra people are wrong."""
    want = Counter(people_key(n) for n in expected)
    got = Counter(people_key(n) for n in found)
    both = want & got
    for key, count in (want | got).items():
        missing = want[key] > got[key]
        for n in range(count):
            ok = n < both[key]
            detail = "missing" if missing else "extra"
            score.add(name, ok, where, f"{detail} {key!r}", given=ok or missing, found=ok or not missing)


def score_in_order(
    score: Score, where: str, name: str, found: list[Any], expected: list[Any], same: Any
) -> None:
    """In-order matching (longest common subsequence) of two lists of values; `same(found,
    expected)` says whether two agree. Extra and missing values are wrong."""
    rows, cols = len(expected), len(found)
    table = [[0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(cols - 1, -1, -1):
            if same(found[j], expected[i]):
                table[i][j] = table[i + 1][j + 1] + 1
            else:
                table[i][j] = max(table[i + 1][j], table[i][j + 1])
    matched = table[0][0]
    for n in range(max(rows, cols)):
        detail = f"expected {expected}, found {found}" if n == matched else "(same)"
        score.add(name, n < matched, where, detail, given=n < rows, found=n < cols)


def _scalar(score: Score, where: str, name: str, found: Any, want: Any, ok: bool) -> None:
    given, got = want not in (None, ""), found not in (None, "")
    score.add(name, ok if (given or got) else True, where, f"{found!r} != {want!r}", given=given, found=got)


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, dt.date) else (str(value) if value else None)


def _time(value: Any) -> str | None:
    """A time or range as `HH:MM` or `HH:MM-HH:MM` (`9:00` and `09:00` are one time)."""
    if not value:
        return None
    text = str(value).replace("–", "-").replace(" ", "")
    return re.sub(r"(?<!\d)(\d):", r"0\1:", text)


def score_document(imported: Imported | None, expected: dict[str, Any], where: str) -> Score:
    """Points of one document against what a person read from it. `imported` is None when
    the importer refused the document (as not minutes)."""
    score = Score()
    if expected.get("kind") == "not-minutes":
        refused = imported is None
        score.add(
            "refused", refused, where, "imported a document that is not minutes", given=True, found=refused
        )
        return score
    if imported is None:
        score.add("refused", False, where, "refused minutes", given=False, found=True)
        imported = Imported()
    if "group" in expected:  # the JSON truths of tests/data do not score the group
        want = expected.get("group")
        ok = _contains(_group_key(imported.group), _group_key(want))
        _scalar(score, where, "group", imported.group, want, ok)
    date, want_date = _iso(imported.date), _iso(expected.get("date"))
    _scalar(score, where, "date", date, want_date, date == want_date)
    time, want_time = _time(imported.time), _time(expected.get("time"))
    _scalar(score, where, "time", time, want_time, time == want_time)
    place_ok = _contains(text_key(imported.place), text_key(expected.get("place")))
    if "group" not in expected:  # the JSON truths: the place exactly
        place_ok = text_key(imported.place) == text_key(expected.get("place"))
    _scalar(score, where, "place", imported.place, expected.get("place"), place_ok)
    for name in LISTS:
        found = [p["name"] for p in getattr(imported, name)]
        score_people(score, where, name, found, list(expected.get(name) or []))
    for name in ("moderator", "recorder"):
        if name == "moderator" and "group" not in expected:
            continue  # the JSON truths do not score the moderator
        got, want = getattr(imported, name), expected.get(name)
        same = (people_key(got) if got else None) == (people_key(want) if want else None)
        _scalar(score, where, name, got, want, same)
    _score_tasks(score, where, imported, expected)
    _score_next(score, where, imported, expected.get("next_meeting"))
    return score


def _score_tasks(score: Score, where: str, imported: Imported, expected: dict[str, Any]) -> None:
    if "task_deadlines" in expected:  # the JSON truths: deadlines only
        dues = [t["due"] for t in imported.tasks]
        score_in_order(score, where, "task_deadlines", dues, expected["task_deadlines"], _same_deadline)
        return
    tasks = list(expected.get("tasks") or [])
    count, want_count = len(imported.tasks) or None, len(tasks) or None
    _scalar(score, where, "task_count", count, want_count, count == want_count)
    dues = [t["due"] for t in imported.tasks if t["due"]]
    want_dues = [t["due"] for t in tasks if t.get("due")]
    score_in_order(score, where, "task_deadlines", dues, want_dues, _same_deadline)
    owners = [t["owner"] for t in imported.tasks if t["owner"]]
    want_owners = [t["owner"] for t in tasks if t.get("owner")]
    score_in_order(score, where, "task_owners", owners, want_owners, _same_owner)


def _score_next(score: Score, where: str, imported: Imported, expected: dict[str, Any] | None) -> None:
    found = imported.next_meeting
    got_date = found["date"] if found else None
    got_time = found["time"] if found else None
    want_date = _iso(expected.get("date")) if expected else None
    want_time = _time(expected.get("time")) if expected else None
    _scalar(score, where, "next_date", got_date, want_date, got_date == want_date)
    if expected is not None or got_time is not None:
        _scalar(score, where, "next_time", got_time, want_time, _time(got_time) == want_time)
