"""The community plan (FORMAT.md 1.1): plan files, links from minutes, the state of each item
on a day, `kpss plan`, `kpss plan import`, `kpss monitor` and the checks of the plan.

The archive below is a plan of 3 priorities, 9 measures and 2 indicators, with minutes that
link tasks to it and record progress; the expected counts are worked out by hand in the
comments, from FORMAT.md's rule."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kpss_cli.core.model import Minutes, Progress, Task
from kpss_cli.core.plan import Plan, PlanItem
from kpss_cli.plan.state import links, states

from .conftest import Invoke, minutes, write

PLAN = """\
plan: Komunitní plán města Test 2025–2027
period: 2025-2027
levels: [Priorita, Opatření]
items:
  - id: "1"
    title: Senioři
    group: seniori
    items:
      - id: "1.1"
        title: Pečovatelská služba
        indicators:
          - {name: počet klientů, unit: osob, baseline: 120, target: 150, year: 2027}
      - {id: "1.2", title: Odlehčovací služba}
      - {id: "1.3", title: Senior taxi}
  - id: "2"
    title: Osoby se zdravotním postižením
    group: ozp
    items:
      - {id: "2.1", title: Osobní asistence}
      - {id: "2.2", title: Chráněné bydlení}
      - {id: "2.3", title: Bezbariérová doprava}
  - id: "3"
    název: Rodina
    skupina: rodina
    položky:
      - {id: "3.1", název: Prevence}
      - id: "3.2"
        název: Dětský psycholog
        ukazatele:
          - {název: čekací doba, jednotka: týdnů, výchozí: 12, cíl: 4, rok: 2027}
      - {id: "3.3", název: Volný čas}
"""

# (path, front matter, body)
MINUTES = [
    (
        "seniori/2026-02-10.md",
        """group: Senioři
date: 2026-02-10
tasks:
  - {task: Zjistit kapacity pečovatelské služby, owner: Nová, due: 2026-12, measure: "1.1"}
  - {task: Oslovit domov pro seniory, owner: Malý, due: 2026-05, opatření: "1.2"}
plnění:
  - {opatření: "1.1", stav: rozpracováno, hodnota: 130}""",
        "",
    ),
    (
        "seniori/2026-06-10.md",
        """group: Senioři
date: 2026-06-10
updates:
  - {id: "seniori/2026-02-10#2", status: done}
progress:
  - {measure: "1.1", value: 140}
  - {measure: "1.3", state: cancelled, note: město službu nezaplatí}""",
        "",
    ),
    (
        "seniori/2026-09-10.md",
        """group: Senioři
date: 2026-09-10
progress:
  - {measure: "1.2", state: naplněno}
  - {measure: "1.1", state: done, value: 150, indicator: počet klientů}""",
        "",
    ),
    (
        "ozp/2025-11-01.md",
        """group: OZP
date: 2025-11-01
tasks:
  - {task: Projednat zastávky s dopravním podnikem, owner: Holub, due: 2026-03, measure: "2.3"}""",
        "",
    ),
    (
        "ozp/2026-03-01.md",
        "group: OZP\ndate: 2026-03-01",
        "# Zápis\n\n**Úkol:** Zmapovat osobní asistenci v obcích\n**Zajistí:** Vaněk\n"
        "**Termín:** 2026-10\n**Opatření:** 2.1 – osobní asistence\n",
    ),
    (
        "ozp/2026-10-01.md",
        """group: OZP
date: 2026-10-01
progress:
  - {measure: "2.2", state: nenaplněno, note: dotace nepřidělena}""",
        "",
    ),
    (
        "rodina/2026-04-01.md",
        """group: Rodina
date: 2026-04-01
plnění:
  - {opatření: "3.2", stav: rozpracováno, hodnota: 8, ukazatel: čekací doba}
usnesení:
  - Skupina schvaluje postup k opatření 3.3 (mapa volnočasových aktivit).
  - Skupina bere na vědomí zprávu o činnosti za rok 2025.""",
        "",
    ),
    (
        "rodina/2027-01-15.md",
        """group: Rodina
date: 2027-01-15
progress:
  - {measure: "3.1", state: done}""",
        "",
    ),
]

# On 2026-12-31, by FORMAT.md's rule:
#   1.1 done (latest entry with a state: 2026-09-10), value 150 of 150: reached
#   1.2 done (2026-09-10)      1.3 cancelled (2026-06-10)
#   2.1 in_progress (a linked task set 2026-03-01, no entry)
#   2.2 not_done (entry)       2.3 in_progress (a task of 2025)
#   3.1 not_done (its entry is of 2027)    3.2 in_progress, value 8 of 4 (down): not reached
#   3.3 not_done (a decision names it, but no entry nor task)
#   1: no entry; children done, done, cancelled: not all done, one done -> in_progress
#   2: children in_progress, not_done, in_progress -> in_progress
#   3: children not_done, in_progress, not_done -> in_progress
STATES_2026 = {
    "1": "in_progress",
    "1.1": "done",
    "1.2": "done",
    "1.3": "cancelled",
    "2": "in_progress",
    "2.1": "in_progress",
    "2.2": "not_done",
    "2.3": "in_progress",
    "3": "in_progress",
    "3.1": "not_done",
    "3.2": "in_progress",
    "3.3": "not_done",
}


@pytest.fixture(scope="module")
def town(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("plan") / "archive"
    write(
        root / "kpss.yaml",
        "groups:\n  - {slug: seniori, name: Senioři}\n  - {slug: ozp, name: OZP}\n"
        "  - {slug: rodina, name: Rodina}\n",
    )
    write(root / "plan" / "kp-2025-2027.yaml", PLAN)
    for path, front, body in MINUTES:
        write(root / path, minutes(front, body))
    return root


def _json(invoke: Invoke, *args: str) -> object:
    result = invoke(*args)
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return json.loads(result.stdout)


def test_plan_json_gives_every_item_with_its_state(invoke: Invoke, town: Path) -> None:
    rows = _json(invoke, "plan", "-a", str(town), "--as-of", "2026-12-31", "-f", "json")
    assert isinstance(rows, list)
    assert [r["id"] for r in rows] == [
        "1",
        "1.1",
        "1.2",
        "1.3",
        "2",
        "2.1",
        "2.2",
        "2.3",
        "3",
        "3.1",
        "3.2",
        "3.3",
    ]
    assert {r["id"]: r["state"] for r in rows} == STATES_2026
    by_id = {r["id"]: r for r in rows}
    assert [r["level"] for r in rows].count("Opatření") == 9
    assert (by_id["1.1"]["depth"], by_id["1.1"]["parent"], by_id["1.1"]["group"]) == (1, "1", "seniori")
    assert by_id["3.2"]["group"] == "rodina"  # inherited, and written with Czech keys
    # Tasks set up to the day, on the item and below it; open ones on that day.
    assert (by_id["1"]["tasks"], by_id["1"]["open_tasks"]) == (2, 1)
    assert (by_id["2"]["tasks"], by_id["2"]["open_tasks"]) == (2, 2)
    assert (by_id["1.1"]["state_since"], by_id["1.1"]["state_minutes"]) == (
        "2026-09-10",
        "seniori/2026-09-10",
    )
    assert by_id["2.1"]["state_since"] is None
    [clients] = by_id["1.1"]["indicators"]
    assert (clients["value"], clients["target"], clients["unit"], clients["reached"]) == (
        150,
        150,
        "osob",
        True,
    )
    [waiting] = by_id["3.2"]["indicators"]
    assert (waiting["value"], waiting["baseline"], waiting["target"], waiting["reached"]) == (8, 12, 4, False)
    assert sum(len(r["indicators"]) for r in rows) == 2


def test_the_state_follows_the_day(invoke: Invoke, town: Path) -> None:
    def on(day: str) -> dict[str, str]:
        rows = _json(invoke, "plan", "-a", str(town), "--as-of", day, "-f", "json")
        assert isinstance(rows, list)
        return {r["id"]: r["state"] for r in rows}

    # 2026-05-01: 1.1 from its February entry; 1.2 has a linked task and no entry; 1.3 nothing yet.
    # 2.1 its task is not yet set (2026-03-01 is after), 2.3's task of 2025 is.
    early = on("2026-02-28")
    assert (early["1.1"], early["1.2"], early["1.3"], early["1"]) == (
        "in_progress",
        "in_progress",
        "not_done",
        "in_progress",
    )
    assert (early["2.1"], early["2.2"], early["2.3"]) == ("not_done", "not_done", "in_progress")
    # On the day of a meeting its entries count (up to D, inclusive).
    assert on("2026-06-10")["1.3"] == "cancelled"
    # Before the plan's first link: nothing is under way.
    assert set(on("2025-01-01").values()) == {"not_done"}
    # 2027: 3.1's entry of 2027-01-15 counts.
    assert on("2027-02-01")["3.1"] == "done"


def test_plan_filters_by_group_level_and_state(invoke: Invoke, town: Path) -> None:
    def ids(*args: str) -> list[str]:
        rows = _json(invoke, "plan", "-a", str(town), "--as-of", "2026-12-31", "-f", "json", *args)
        assert isinstance(rows, list)
        return [r["id"] for r in rows]

    assert ids("--group", "ozp") == ["2", "2.1", "2.2", "2.3"]
    assert ids("--group", "OZP") == ["2", "2.1", "2.2", "2.3"]  # the name in kpss.yaml
    assert len(ids("--level", "Opatření")) == 9
    assert ids("--level", "1") == ["1", "2", "3"]
    assert ids("--state", "done") == ["1.1", "1.2"]
    assert ids("--state", "naplněno") == ["1.1", "1.2"]
    assert ids("--state", "not_done", "--level", "opatreni") == ["2.2", "3.1", "3.3"]
    bad = invoke("plan", "-a", str(town), "--state", "hotovo")
    assert bad.exit_code == 2 and bad.stderr.startswith("kpss: error: --state: 'hotovo'")
    bad = invoke("plan", "-a", str(town), "--level", "Aktivita")
    assert bad.exit_code == 2 and "Priorita, Opatření" in bad.stderr


@pytest.mark.parametrize("fmt", ["table", "jsonl", "csv", "tsv", "md"])
def test_plan_in_every_format(invoke: Invoke, town: Path, fmt: str) -> None:
    result = invoke("plan", "-a", str(town), "--as-of", "2026-12-31", "-f", fmt)
    assert (result.exit_code, result.stderr) == (0, "")
    assert "Pečovatelská služba" in result.stdout
    if fmt == "csv":
        assert (
            result.stdout.splitlines()[0] == "id,parent,level,title,group,state,state_since,tasks,open_tasks"
        )
        assert len(result.stdout.splitlines()) == 13
    if fmt == "table":
        assert "  1.1 Pečovatelská služba" in result.stdout  # the tree, indented


def test_monitor_json_matches_hand_counts(invoke: Invoke, town: Path) -> None:
    report = _json(
        invoke, "monitor", "--year", "2026", "-a", str(town), "--as-of", "2027-03-01", "-f", "json"
    )
    assert isinstance(report, dict)
    assert (report["year"], report["day"]) == (2026, "2026-12-31")
    assert report["plan"]["period"] == "2025–2027"
    assert report["overall"] == {
        "measures": 9,
        "done": 2,
        "in_progress": 3,
        "not_done": 3,
        "cancelled": 1,
        "shares": {"done": 22.2, "in_progress": 33.3, "not_done": 33.3, "cancelled": 11.1},
    }
    per = {
        p["id"]: (p["measures"], p["done"], p["in_progress"], p["not_done"], p["cancelled"])
        for p in report["priorities"]
    }
    assert per == {"1": (3, 2, 0, 0, 1), "2": (3, 0, 2, 1, 0), "3": (3, 0, 1, 2, 0)}
    assert report["priorities"][0]["shares"]["done"] == 66.7
    # No activity in 2026: 2.3 (its task is of 2025) and 3.1 (its entry is of 2027); first.
    assert report["inactive"] == 2
    order = [m["id"] for m in report["measures"]]
    assert order == ["2.3", "3.1", "1.1", "1.2", "1.3", "2.1", "2.2", "3.2", "3.3"]
    by_id = {m["id"]: m for m in report["measures"]}
    assert {i: m["state"] for i, m in by_id.items()} == {i: s for i, s in STATES_2026.items() if "." in i}
    assert by_id["2.3"]["state"] == "in_progress" and not by_id["2.3"]["active"]
    one = by_id["1.1"]
    assert one["minutes"] == ["seniori/2026-02-10", "seniori/2026-06-10", "seniori/2026-09-10"]
    assert [(e["date"], e["state"], e["value"]) for e in one["progress"]] == [
        ("2026-02-10", "in_progress", 130),
        ("2026-06-10", None, 140),
        ("2026-09-10", "done", 150),
    ]
    assert [(t["id"], t["status"]) for t in one["tasks"]] == [("seniori/2026-02-10#1", "open")]
    assert [(t["id"], t["status"]) for t in by_id["1.2"]["tasks"]] == [("seniori/2026-02-10#2", "done")]
    assert by_id["1.2"]["minutes"] == ["seniori/2026-02-10", "seniori/2026-06-10", "seniori/2026-09-10"]
    assert [t["id"] for t in by_id["2.1"]["tasks"]] == ["ozp/2026-03-01#1"]  # a body block's Opatření:
    assert [d["text"] for d in by_id["3.3"]["decisions"]] == [
        "Skupina schvaluje postup k opatření 3.3 (mapa volnočasových aktivit)."
    ]
    assert by_id["3.3"]["active"] and by_id["3.3"]["state"] == "not_done"
    assert (by_id["3.2"]["indicators"][0]["value"], by_id["3.2"]["group_name"]) == (8, "Rodina")


def test_monitor_of_a_year_no_plan_covers(invoke: Invoke, town: Path) -> None:
    result = invoke("monitor", "--year", "2030", "-a", str(town), "-f", "json")
    assert (result.exit_code, result.stdout) == (2, "")
    assert (
        result.stderr
        == "kpss: error: no plan covers 2030 (plans: kp-2025-2027 (2025–2027)); name one with --plan\n"
    )
    chosen = _json(
        invoke, "monitor", "--year", "2030", "-a", str(town), "--plan", "kp-2025-2027", "-f", "json"
    )
    assert isinstance(chosen, dict) and chosen["inactive"] == 9


def test_monitor_within_the_year_takes_today(invoke: Invoke, town: Path) -> None:
    report = _json(
        invoke, "monitor", "--year", "2026", "-a", str(town), "--as-of", "2026-07-01", "-f", "json"
    )
    assert isinstance(report, dict)
    assert report["day"] == "2026-07-01"
    by_id = {m["id"]: m for m in report["measures"]}
    # 1.1 and 1.2 are not yet done on 1 July (their entries are of September).
    assert (by_id["1.1"]["state"], by_id["1.2"]["state"]) == ("in_progress", "in_progress")
    assert by_id["1.1"]["indicators"][0]["value"] == 140  # a value-only entry
    assert by_id["1.2"]["tasks"][0]["status"] == "done"  # done on 2026-06-10


def test_monitor_as_czech_documents_and_csv(invoke: Invoke, town: Path) -> None:
    args = ("monitor", "--year", "2026", "-a", str(town), "--as-of", "2027-03-01")
    md = invoke(*args)
    assert (md.exit_code, md.stderr) == (0, "")
    assert md.stdout.startswith("# Monitoring plnění komunitního plánu za rok 2026\n")
    assert (
        "| **Celkem** | **9** | **2 (22,2 %)** | **3 (33,3 %)** | **3 (33,3 %)** | **1 (11,1 %)** |"
        in md.stdout
    )
    assert "Bez činnosti v roce 2026: 2 opatření" in md.stdout
    assert md.stdout.index("### 2.3 ") < md.stdout.index("### 3.1 ") < md.stdout.index("### 1.1 ")
    assert "- **počet klientů:** 150 z cílových 150 osob (výchozí 120), cíl dosažen" in md.stdout
    html = invoke(*args, "-f", "html")
    assert html.exit_code == 0 and html.stdout.startswith("<!DOCTYPE html>")
    assert "<h3>2.3 Bezbariérová doprava</h3>" in html.stdout and "nenaplněno" in html.stdout
    english = invoke(*args, "--lang", "en")
    assert english.stdout.startswith("# Monitoring of the community plan, 2026\n")
    csv = invoke(*args, "-f", "csv")
    lines = csv.stdout.splitlines()
    assert lines[0] == "id,title,priority,group,state,active,indicators,minutes,tasks,open_tasks,decisions"
    assert lines[1] == "2.3,Bezbariérová doprava,2,ozp,in_progress,false,,0,1,1,0"
    assert "1.1,Pečovatelská služba,1,seniori,done,true,počet klientů: 150 / 150 osob,3,1,1,0" in lines


def test_monitor_uses_the_archives_own_template_sandboxed(invoke: Invoke, tmp_path: Path, town: Path) -> None:
    import shutil

    root = tmp_path / "own"
    shutil.copytree(town, root)
    write(root / "templates" / "monitor.md.j2", "{{ overall.done }} of {{ overall.measures }}\n")
    assert invoke("monitor", "--year", "2026", "-a", str(root), "--as-of", "2027-03-01").stdout == "2 of 9\n"
    write(root / "templates" / "monitor.md.j2", "{{ ''.__class__.__mro__ }}\n")
    refused = invoke("monitor", "--year", "2026", "-a", str(root), "--as-of", "2027-03-01")
    assert refused.exit_code == 2 and refused.stderr.startswith("kpss: error: ")


def test_warm_runs_answer_from_the_index_the_same(
    invoke: Invoke, tmp_path: Path, town: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    root = tmp_path / "warm"
    shutil.copytree(town, root)
    args = ("monitor", "--year", "2026", "-a", str(root), "--as-of", "2027-03-01", "-f", "json")
    cold = invoke(*args).stdout
    from kpss_cli.minutes import parse

    calls: list[str] = []
    original = parse.parse_minutes

    def counting(*a: object, **k: object) -> object:
        calls.append(str(a[1]))
        return original(*a, **k)  # type: ignore[arg-type]

    monkeypatch.setattr(parse, "parse_minutes", counting)
    warm = invoke(*args).stdout
    monkeypatch.undo()
    assert warm == cold
    assert calls == []  # links and progress came from the index
    assert invoke("--no-cache", *args).stdout == cold


def test_links_and_progress_in_show_and_tasks(invoke: Invoke, town: Path) -> None:
    shown = _json(invoke, "show", "seniori/2026-06-10", "-a", str(town), "-f", "json")
    assert isinstance(shown, dict)
    assert shown["progress"] == [
        {"measure": "1.1", "state": None, "value": 140, "indicator": None, "note": None, "line": 7},
        {
            "measure": "1.3",
            "state": "cancelled",
            "value": None,
            "indicator": None,
            "note": "město službu nezaplatí",
            "line": 8,
        },
    ]
    tasks = _json(invoke, "tasks", "--all", "-a", str(town), "-f", "json")
    assert isinstance(tasks, list)
    assert {t["id"]: t["measure"] for t in tasks} == {
        "ozp/2025-11-01#1": "2.3",
        "seniori/2026-02-10#1": "1.1",
        "seniori/2026-02-10#2": "1.2",
        "ozp/2026-03-01#1": "2.1",
    }


# --- the rule itself, on records ------------------------------------------------------------


def _item(item_id: str, children: list[PlanItem] | None = None) -> PlanItem:
    depth = item_id.count(".")
    return PlanItem(
        item_id, item_id, depth, "x", parent=item_id.rpartition(".")[0] or None, children=children
    )


def _record(day: str, progress: list[Progress], tasks: list[str] | None = None) -> Minutes:
    record = Minutes(id=f"g/{day}", path=f"g/{day}.md", group="g", date=dt.date.fromisoformat(day))
    record.progress = progress
    for n, measure in enumerate(tasks or [], start=1):
        record.tasks.append(
            Task(
                f"g/{day}#{n}",
                "t",
                None,
                None,
                None,
                "none",
                "open",
                "open",
                1,
                "body",
                record.id,
                "g",
                "g",
                record.date,
                record.path,
                None,
                measure,
            )
        )
    return record


def test_a_parent_without_its_own_entry() -> None:
    plan = Plan("p", "P", 2025, 2027, ["a", "b", "c"])
    plan.items = [
        _item("1", [_item("1.1"), _item("1.2")]),
        _item("2", [_item("2.1"), _item("2.2")]),
        _item("3", [_item("3.1", [_item("3.1.1")])]),
        _item("4", [_item("4.1")]),
    ]
    records = [
        _record(
            "2026-01-10", [Progress("1.1", "done"), Progress("1.2", "done"), Progress("2.1", "cancelled")]
        ),
        _record(
            "2026-02-10", [Progress("2.2", "not_done"), Progress("4", "cancelled"), Progress("4.1", "done")]
        ),
        _record("2026-03-10", [], tasks=["2", "3.1.1"]),
        # Same day, later file id: its entry wins over 2026-01-10's.
        _record("2026-05-01", [Progress("1.2", "in_progress")]),
        _record("2026-05-01", [Progress("1.2", "done")]),
    ]
    records[-1].id = "h/2026-05-01"
    linked = links([plan], records, [t for r in records for t in r.tasks])[plan.id]
    found = states(plan, linked, dt.date(2026, 4, 1))
    assert found["1"] == "done"  # every child done
    # No child done or under way (cancelled, not done): a task linked to the parent itself.
    assert found["2"] == "in_progress"
    assert (found["3.1.1"], found["3.1"], found["3"]) == ("in_progress",) * 3  # a task two levels down
    assert (found["4"], found["4.1"]) == ("cancelled", "done")  # its own entry wins over its children
    later = states(plan, linked, dt.date(2026, 5, 1))
    assert (later["1.2"], later["1"]) == ("done", "done")
    before = states(plan, linked, dt.date(2026, 1, 9))
    assert set(before.values()) == {"not_done"}


# --- bad plan files ---------------------------------------------------------------------------


BAD_PLAN = """\
plan: Chybný plán
period: 2025-2027
levels: [Priorita, Opatření]
items:
  - id: "1"
    title: Senioři
    group: seniori
    items:
      - {id: "1.1", title: Pečovatelská služba}
      - {id: "1.1", title: Znovu 1.1}
      - id: "1.2"
        title: Odlehčovací služba
        items:
          - {id: "1.2.1", title: Příliš hluboko}
  - {id: "A", title: Cyklus, parent: "B"}
  - {id: "B", title: Cyklus, parent: "A"}
  - {id: "2", title: Rodina, group: rodina}
  - {id: "2.1", title: Prevence, parent: "2"}
  - {id: "2.2", title: Aktivita, parent: "2", level: Aktivita}
"""


def test_a_bad_plan_is_reported_by_line_and_the_rest_is_read(invoke: Invoke, tmp_path: Path) -> None:
    root = tmp_path / "bad"
    write(root / "plan" / "kp.yaml", BAD_PLAN)
    write(
        root / "g" / "2026-01-01.md",
        minutes("group: G\ndate: 2026-01-01\ntasks: [{task: T, measure: '2.1'}]"),
    )
    result = invoke("plan", "-a", str(root), "--as-of", "2026-06-01", "-f", "csv")
    assert result.exit_code == 2
    shown = f"{root}/plan/kp.yaml"
    assert result.stderr.splitlines() == [
        f"kpss: error: {shown}:10: id '1.1' is already used on line 9; each item needs its own id",
        f"kpss: error: {shown}:14: item 1.2.1 is at level 3, but the plan has 2 levels (Priorita, Opatření)",
        f"kpss: error: {shown}:15: a cycle of parents: A → B → A",
        f"kpss: error: {shown}:19: item 2.2 says level 'Aktivita' (not one of Priorita, Opatření), but its place makes it 'Opatření'",
    ]
    ids = [line.split(",")[0] for line in result.stdout.splitlines()[1:]]
    assert ids == ["1", "1.1", "1.2", "2", "2.1"]
    assert "2.1,2,Opatření,Prevence,rodina,in_progress" in result.stdout
    checked = invoke("check", "-a", str(root), "--as-of", "2026-06-01")
    assert checked.exit_code == 2
    codes = [line.rsplit("[", 1)[1] for line in checked.stdout.splitlines()]
    assert codes == ["plan-duplicate-id]", "plan-unknown-level]", "plan-cycle]", "plan-unknown-level]"]


def test_a_plan_that_is_not_yaml_leaves_the_other_plans(invoke: Invoke, tmp_path: Path) -> None:
    root = tmp_path / "two"
    write(root / "plan" / "a-broken.yaml", "plan: x\nlevels: [a, b\n")
    write(
        root / "plan" / "b.yaml",
        "plan: Dobrý\nperiod: 2026\nlevels: [P, O]\nitems: [{id: '1', title: Jedna}]\n",
    )
    result = invoke("plan", "-a", str(root), "--as-of", "2026-06-01", "-f", "csv")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"kpss: error: {root}/plan/a-broken.yaml:")
    assert result.stdout.splitlines()[1].startswith("1,,P,Jedna,,not_done")


def test_no_plan_is_a_clear_error(invoke: Invoke, tmp_path: Path) -> None:
    write(tmp_path / "none" / "g" / "2026-01-01.md", minutes("group: G\ndate: 2026-01-01"))
    result = invoke("plan", "-a", str(tmp_path / "none"))
    assert result.exit_code == 2
    assert result.stderr.startswith("kpss: error: the archive has no plan: write one in plan/")


def test_bad_progress_entries(invoke: Invoke, tmp_path: Path) -> None:
    root = tmp_path / "progress"
    write(
        root / "plan" / "p.yaml",
        "plan: P\nperiod: 2026\nlevels: [P, O]\nitems: [{id: '1', title: A, group: g}]\n",
    )
    write(
        root / "g" / "2026-01-01.md",
        minutes(
            "group: G\ndate: 2026-01-01\nprogress:\n  - {measure: '1', state: hotovo}\n  - {state: done}\n"
            "  - {measure: '1'}\n  - {measure: '1', state: zrušeno}"
        ),
    )
    result = invoke("check", "-a", str(root), "--as-of", "2026-06-01")
    shown = f"{root}/g/2026-01-01.md"
    assert result.stdout.splitlines() == [
        f"{shown}:5: error: unknown state 'hotovo' of 1 (write naplněno, rozpracováno, nenaplněno or zrušeno) [bad-progress]",
        f"{shown}:6: error: a progress entry has no 'measure' (opatření) [bad-progress]",
        f"{shown}:7: error: the progress entry of 1 has no 'state' nor 'value' [bad-progress]",
    ]
    assert result.exit_code == 2
    rows = _json_rows(invoke("plan", "-a", str(root), "--as-of", "2026-06-01", "-f", "json").stdout)
    assert rows[0]["state"] == "cancelled"  # the good entry still counts


def _json_rows(text: str) -> list[dict[str, object]]:
    rows = json.loads(text)
    assert isinstance(rows, list)
    return rows


# --- kpss check ---------------------------------------------------------------------------------


def test_check_reports_the_plans_gaps(invoke: Invoke, tmp_path: Path) -> None:
    root = tmp_path / "gaps"
    write(
        root / "plan" / "kp.yaml",
        """plan: Plán
period: 2025-2027
levels: [Priorita, Opatření]
items:
  - id: "1"
    title: Bez skupiny
    items:
      - id: "1.1"
        title: Opatření bez skupiny
        indicators:
          - {name: počet klientů, baseline: 1, target: 5}
      - {id: "1.2", title: Opatření se skupinou, group: g}
""",
    )
    write(
        root / "plan" / "old.yaml",
        "plan: Starý\nperiod: 2019-2021\nlevels: [P, O]\nitems: [{id: '1', title: A, items: [{id: '1.1', title: B}]}]\n",
    )
    write(
        root / "g" / "2026-01-01.md",
        minutes(
            "group: G\ndate: 2026-01-01\ntasks:\n  - {task: A, measure: '1.1'}\n  - {task: B, measure: '9.9'}\n"
            "progress:\n  - {measure: '7', state: done}\n  - {measure: '1.2', value: 3}\n"
            "  - {measure: '1.1', value: 3, indicator: počet lůžek}"
        ),
    )
    result = invoke("check", "-a", str(root), "--as-of", "2026-06-01")
    assert result.exit_code == 0, result.stderr
    plan, shown = f"{root}/plan/kp.yaml", f"{root}/g/2026-01-01.md"
    assert result.stdout.splitlines() == [
        f"{shown}:6: warning: task g/2026-01-01#2 serves '9.9', which Plán ({plan}) does not have [unknown-measure]",
        f"{shown}:8: warning: progress of '7', which Plán ({plan}) does not have [unknown-measure]",
        f"{shown}:9: warning: a value without 'indicator' for 1.2, whose indicators are: none [progress-unknown-indicator]",
        f"{shown}:10: warning: indicator 'počet lůžek' for 1.1, whose indicators are: počet klientů [progress-unknown-indicator]",
        f"{plan}:8: warning: Opatření 1.1 has no responsible group (skupina), nor has any item above it [plan-no-group]",
        f"{plan}:11: warning: indicator 'počet klientů' of 1.1 has values but no unit (jednotka) [indicator-no-unit]",
    ]  # the old plan (2019-2021) is not current: its measure without a group is not reported
    explained = invoke("check", "--explain", "unknown-measure")
    assert explained.exit_code == 0 and "measure" in explained.stdout


# --- kpss plan import -----------------------------------------------------------------------------

CSV = """\
Číslo;Název;Skupina;Ukazatel;Jednotka;Výchozí hodnota;Cílová hodnota;Rok
1;Senioři;seniori;;;;;
1.1;Pečovatelská služba;;počet klientů;osob;120;150;2027
;;;počet hodin;hodin;"12 500";"15 000,5";2027
1.2;Odlehčovací služba: "víkendy";;;;;;
2;Rodina;rodina;;;;;
2.1;Dětský psycholog;;čekací doba;týdnů;12;4;2027
"""


@pytest.mark.parametrize("encoding", ["cp1250", "utf-8-sig"])
def test_import_a_czech_excel_csv(invoke: Invoke, tmp_path: Path, encoding: str) -> None:
    root = tmp_path / "imported"
    root.mkdir()
    source = tmp_path / "KP 2025-2027.csv"
    source.write_bytes(CSV.replace("\n", "\r\n").encode(encoding))
    result = invoke("plan", "import", str(source), "-a", str(root))
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == f"{root}/plan/kp-2025-2027.yaml\n"
    rows = _json_rows(invoke("plan", "-a", str(root), "--as-of", "2026-01-01", "-f", "json").stdout)
    assert [(r["id"], r["parent"], r["level"], r["group"]) for r in rows] == [
        ("1", None, "Priorita", "seniori"),
        ("1.1", "1", "Opatření", "seniori"),
        ("1.2", "1", "Opatření", "seniori"),
        ("2", None, "Priorita", "rodina"),
        ("2.1", "2", "Opatření", "rodina"),
    ]
    assert rows[2]["title"] == 'Odlehčovací služba: "víkendy"'
    assert [(i["name"], i["unit"], i["baseline"], i["target"], i["year"]) for i in rows[1]["indicators"]] == [
        ("počet klientů", "osob", 120, 150, 2027),
        ("počet hodin", "hodin", 12500, 15000.5, 2027),
    ]
    text = (root / "plan" / "kp-2025-2027.yaml").read_text(encoding="utf-8")
    assert "period: 2025-2027\n" in text  # read from the file's name
    again = invoke("plan", "import", str(source), "-a", str(root))
    assert again.exit_code == 2 and "already exists; nothing was written" in again.stderr
    assert (root / "plan" / "kp-2025-2027.yaml").read_text(encoding="utf-8") == text


def test_import_refuses_a_table_with_a_duplicate_id(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "plan.csv"
    source.write_text("id,title\n1,A\n1.1,B\n1.1,C\n", encoding="utf-8")
    result = invoke("plan", "import", str(source), "-a", str(tmp_path), "--stdout")
    assert result.exit_code == 2
    assert result.stderr == f"kpss: error: {source}:4: id '1.1' is already used on line 3\n"


def test_import_with_levels_and_stdout(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "plan.csv"
    source.write_text("id,title,level\n1,A,Cíl\n1.1,B,Aktivita\n", encoding="utf-8")
    result = invoke(
        "plan", "import", str(source), "--stdout", "--period", "2026-2028", "--name", "Akční plán"
    )
    assert result.exit_code == 0
    assert 'plan: "Akční plán"\nperiod: 2026-2028\nlevels: ["Cíl", "Aktivita"]\n' in result.stdout
    assert not (tmp_path / "plan").exists()


def test_import_an_xlsx_workbook(invoke: Invoke, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [
        ["Číslo", "Název", "Skupina", "Ukazatel", "Jednotka", "Výchozí", "Cíl", "Rok"],
        ["1", "Senioři", "seniori", None, None, None, None, None],
        [1.1, "Pečovatelská služba", None, "počet klientů", "osob", 120, 150, 2027],
        ["1.2", "Odlehčovací služba", None, None, None, None, None, None],
    ]:
        sheet.append(row)
    source = tmp_path / "plan.xlsx"
    book.save(source)
    root = tmp_path / "xlsx"
    root.mkdir()
    result = invoke("plan", "import", str(source), "-a", str(root), "--period", "2025-2027")
    assert (result.exit_code, result.stderr) == (0, "")
    rows = _json_rows(invoke("plan", "-a", str(root), "--as-of", "2026-01-01", "-f", "json").stdout)
    assert [r["id"] for r in rows] == ["1", "1.1", "1.2"]
    assert rows[1]["indicators"][0]["target"] == 150


def test_import_xlsx_without_openpyxl_says_what_to_install(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "plan.xlsx"
    source.write_bytes(b"PK")
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # as when it is not installed
    result = invoke("plan", "import", str(source), "--stdout")
    assert result.exit_code == 2
    assert "pip install 'kpss[xlsx]'" in result.stderr


def test_the_examples_plan_shows_something_real(invoke: Invoke, examples: Path) -> None:
    report = _json(
        invoke,
        "monitor",
        "--year",
        "2026",
        "-a",
        str(examples),
        "--as-of",
        "2026-11-22",
        "-f",
        "json",
    )
    assert isinstance(report, dict)
    assert report["overall"]["measures"] == 12
    assert report["inactive"] >= 1 and all(not m["active"] for m in report["measures"][: report["inactive"]])
    assert any(m["tasks"] for m in report["measures"]) and any(m["progress"] for m in report["measures"])


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("150", 150),
        ("-3", -3),
        ("12,5", 12.5),
        ("12.5", 12.5),
        ("1 250", 1250),
        ("15 000,5", 15000.5),
        ("+-1", "+-1"),
        ("²", "²"),
        ("1e5", "1e5"),
        ("1,2,3", "1,2,3"),
        ("ano", "ano"),
        (7, 7),
        ("", None),
    ],
)
def test_indicator_values_as_written(written: object, read: object) -> None:
    from kpss_cli.core.plan import read_value

    assert read_value(written) == read


def test_a_flat_plan_names_parents_in_any_order(invoke: Invoke, tmp_path: Path) -> None:
    root = tmp_path / "flat"
    chain = "\n".join(f'  - {{id: "c{i}", title: Řetěz, parent: "c{i + 1}"}}' for i in range(2999))
    chain += '\n  - {id: "c2999", title: Řetěz}'
    write(
        root / "plan" / "flat.yaml",
        "plán: Plochý\nobdobí: 2026\núrovně: [Priorita, Opatření]\npoložky:\n"
        '  - {id: "1.2", název: Druhé, nadřazená: "1"}\n'
        '  - {id: "1.1", název: První, nadřazená: "1"}\n'
        '  - {id: "1", název: Priorita, skupina: g}\n'
        f"{chain}\n",
    )
    result = invoke("plan", "-a", str(root), "--as-of", "2026-06-01", "-f", "csv")
    assert result.exit_code == 2  # the chain is 3000 levels deep: c2997 is at level 3 (c2999 at the top)
    assert result.stderr == (
        f"kpss: error: {root}/plan/flat.yaml:3005: item c2997 is at level 3, but the plan has 2 levels "
        "(Priorita, Opatření)\n"
    )
    ids = [line.split(",")[0] for line in result.stdout.splitlines()[1:]]
    assert ids == ["1", "1.2", "1.1", "c2999", "c2998"]


_KEYS = [
    "id",
    "title",
    "items",
    "parent",
    "level",
    "indicators",
    "group",
    "název",
    "položky",
    "cíl",
    "name",
    "unit",
]
_SCALARS = (
    st.none() | st.booleans() | st.integers(-5, 5) | st.sampled_from(["1", "1.1", "2", "a", "Opatření", ""])
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(_KEYS), inner, max_size=5),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None)
@given(levels=st.lists(st.sampled_from(["Priorita", "Opatření", "Aktivita", ""]), max_size=5), items=_VALUES)
def test_any_plan_file_is_read_or_reported_never_a_crash(
    tmp_path_factory: pytest.TempPathFactory, levels: list[str], items: object
) -> None:
    from kpss_cli.store.plan import read_plan

    path = tmp_path_factory.mktemp("any") / "p.yaml"
    path.write_text(
        json.dumps({"plan": "P", "period": "2025-2027", "levels": levels, "items": items}), encoding="utf-8"
    )
    problems: list[object] = []
    plan = read_plan(str(path), "p.yaml", problems)  # type: ignore[arg-type]
    if plan is not None:
        ids = [item.id for item in plan.walk()]
        assert len(ids) == len(set(ids))
        assert all(item.depth < len(plan.levels) for item in plan.walk())
