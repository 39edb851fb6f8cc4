"""Every finding kpss reports about minutes: its code, severity and explanation.

`kpss check --explain CODE` prints the explanation; `check: {disable: [CODE]}` in kpss.yaml
switches a warning off. The wording of findings lives here and in the places that raise them.
"""

from __future__ import annotations

from ..core.i18n import N_
from ..core.model import Value


class Code(Value):
    """A kind of finding. (A Value, not a dataclass: a warm `kpss check` imports this module,
    and `dataclasses` alone takes some 6 ms to import.)"""

    __slots__ = ("severity", "summary", "explanation")

    def __init__(self, severity: str, summary: str, explanation: str) -> None:
        self.severity = severity  # "error" | "warning"
        self.summary = summary  # marked with N_, translated where shown
        self.explanation = explanation  # marked with N_, translated where shown


# The severities as a table and `--explain` show them (the data formats keep the English word).
SEVERITIES = {"error": N_("error"), "warning": N_("warning")}

CODES: dict[str, Code] = {
    # --- errors: the file, or a value in it, cannot be used -----------------------------------
    "yaml": Code(
        "error",
        N_("the front matter is not valid YAML"),
        N_(
            "The lines between the two `---` are YAML. A colon inside a value, a tab for indenting or an "
            'unclosed bracket or quote breaks it. Put values with `: ` in quotes (`place: "Radnice: sál"`), '
            "indent with spaces, close what you open. The line named is where YAML noticed the problem."
        ),
    ),
    "duplicate-key": Code(
        "error",
        N_("a key is given twice"),
        N_(
            "Each key may appear once. A Czech alias counts as its English key: `date` and `datum` "
            "in one file are a duplicate. Keep one and delete the other."
        ),
    ),
    "front-matter-unclosed": Code(
        "error",
        N_("the front matter is not closed"),
        N_(
            "Minutes start with a line `---`, then the front matter, then another line `---` (or `...`). "
            "Add the closing line before the body."
        ),
    ),
    "front-matter-not-mapping": Code(
        "error",
        N_("the front matter is not a list of keys"),
        N_("The front matter must be `key: value` lines (a YAML mapping), not a list or a single value."),
    ),
    "missing-group": Code(
        "error",
        N_("`group` is missing"),
        N_(
            "Every minutes file names the body that met: `group: Řídicí skupina` (or `skupina:`).",
        ),
    ),
    "missing-date": Code(
        "error",
        N_("`date` is missing"),
        N_("Every minutes file has the meeting date: `date: 2021-12-15` or `datum: 15. 12. 2021`."),
    ),
    "bad-date": Code(
        "error",
        N_("a date that is not a date"),
        N_(
            "Write dates as `2021-12-15` or `15. 12. 2021` (day first). The day must exist: 30 February "
            "does not."
        ),
    ),
    "bad-time": Code(
        "error",
        N_("a time that is not a time"),
        N_("Write times as `14:00`, `9:30`, `14.00` or a range `14:00-16:00`; hours 0-24, minutes 0-59."),
    ),
    "bad-status": Code(
        "error",
        N_("an unknown status of the minutes"),
        N_(
            "`status` (stav) is `draft` (koncept) or `approved` (schváleno).",
        ),
    ),
    "bad-task": Code(
        "error",
        N_("a task kpss cannot read"),
        N_(
            "A task in the front matter is a mapping with at least `task` (úkol), usually also `owner` "
            "(zajistí) and `due` (termín).",
        ),
    ),
    "bad-task-status": Code(
        "error",
        N_("an unknown task status"),
        N_(
            "A task's status is `open` (otevřený, trvá), `done` (splněno) or `cancelled` (zrušeno).",
        ),
    ),
    "bad-update": Code(
        "error",
        N_("a status update kpss cannot read"),
        N_(
            "Each item of `updates` (kontrola úkolů) names a task and its new status: "
            "`{id: ridici/2021-12-15#2, status: done, note: …}`.",
        ),
    ),
    "bad-person": Code(
        "error",
        N_("a person kpss cannot read"),
        N_("A person is `Name`, `Name (Organisation)` or a mapping `{name, org, role}`."),
    ),
    "bad-agenda": Code(
        "error",
        N_("an agenda item kpss cannot read"),
        N_("An agenda item is a string or a mapping `{title, presenter}`."),
    ),
    "bad-next-meeting": Code(
        "error",
        N_("a next meeting kpss cannot read"),
        N_(
            "`next_meeting` (příští jednání) is a string like `2022-01-19 14:00` or a mapping `{date, time, place}`.",
        ),
    ),
    "duplicate-task-id": Code(
        "error",
        N_("two tasks with one id"),
        N_(
            "Task ids must be unique across the archive. Two tasks with the same explicit `id` cannot be "
            "told apart: rename one."
        ),
    ),
    "too-large": Code(
        "error",
        N_("the file is too large to be minutes"),
        N_("Minutes files are limited to 5 MiB. Move attachments out of the archive and link to them."),
    ),
    "unreadable": Code("error", N_("the file or folder cannot be read"), N_("Check its permissions.")),
    # --- warnings: readable, but probably not what was meant ------------------------------------
    "encoding": Code(
        "warning",
        N_("the file is not UTF-8"),
        N_(
            "The file was read as Windows-1250, the encoding of old Czech Word exports. Save it as UTF-8 "
            "to be sure every letter is right."
        ),
    ),
    "symlink-outside": Code(
        "warning",
        N_("a link to a file outside the archive"),
        N_("kpss does not follow links that lead out of the archive. Copy the file in instead."),
    ),
    "not-minutes": Code(
        "warning",
        N_("a Markdown file without front matter"),
        N_(
            "Every `.md` file in the archive should be minutes, starting with `---` front matter. "
            "`kpss import` converts legacy minutes. README.md files are left alone."
        ),
    ),
    "bad-deadline": Code(
        "warning",
        N_("a deadline kpss cannot read"),
        N_(
            "The task is kept, but it has no deadline and is never overdue. Accepted forms: `2022-01-31`, "
            "`31. 1. 2022`, `01/22`, `2022-01`, `leden 2022`, `01-02/22`, `Q1 2022`, `1. čtvrtletí 2022`, "
            "`2022`, `do příštího jednání`, `průběžně`, and, read from the meeting's date, `31. 3.`, "
            "`15. ledna`, `v březnu`, `do konce roku`, `do konce měsíce`, `ihned`, `do 14 dnů`, `do měsíce`.",
        ),
    ),
    "deadline-before-meeting": Code(
        "warning",
        N_("a deadline before the meeting that set it"),
        N_("A classic typo: `01/21` written in December 2021 instead of `01/22`. Correct the year."),
    ),
    "next-meeting-before-meeting": Code(
        "warning",
        N_("the next meeting is dated before this one"),
        N_("`next_meeting` should be after the meeting's own `date`; check the year."),
    ),
    "unknown-task": Code(
        "warning",
        N_("an update names a task that does not exist"),
        N_(
            "The id in `updates` or in a checklist line `- [x] ID` must be an existing task id, "
            "`minutes-id#N` (see `kpss tasks --all`). The update is ignored until it names one."
        ),
    ),
    "update-before-task": Code(
        "warning",
        N_("an update older than its task"),
        N_("A meeting can only review tasks set at earlier meetings. The update is ignored; check the id."),
    ),
    "attendance-conflict": Code(
        "warning",
        N_("a person in two attendance lists"),
        N_("Somebody is listed as present and also as excused or absent. Keep the one that is true."),
    ),
    "recorder-not-present": Code(
        "warning",
        N_("the recorder is not among those present"),
        N_("Whoever wrote the minutes was at the meeting: add them to `present`, or fix the spelling."),
    ),
    "unknown-person": Code(
        "warning",
        N_("a name that is not a member of the group"),
        N_(
            "The name is not among the group's members on the meeting date (`members` in kpss.yaml, "
            "with their `from`/`to`, and the minutes' `membership` joins and leaves). Fix a typo (the closest member "
            "is suggested), add the person to the members, list them as a guest, or add an `aliases` "
            "entry for a changed name. A comma too many splits one name in two."
        ),
    ),
    "unknown-group": Code(
        "warning",
        N_("a group that kpss.yaml does not know"),
        N_(
            "The `group` matches no group's name, slug or folder in kpss.yaml; reports will list it "
            "apart. Fix the name or add the group."
        ),
    ),
    "duplicate-meeting": Code(
        "warning",
        N_("two minutes of one group on one date"),
        N_("Usually a copy of a file. Delete one, or correct its date."),
    ),
    "bad-schedule": Code(
        "error",
        N_("a group's schedule kpss cannot read"),
        N_(
            "The `schedule` of a group in kpss.yaml has a date that is no date or a rule that is no RRULE "
            "(`FREQ=MONTHLY;BYDAY=+3WE`). Until it is fixed, the group's planned meetings are unknown: "
            "no next meeting, no missing minutes. Correct it as the message says."
        ),
    ),
    "missing-minutes": Code(
        "warning",
        N_("a scheduled meeting without minutes"),
        N_(
            "The schedule in kpss.yaml plans a meeting on a past date and the archive has no minutes of "
            "it. Add the minutes, or remove the date from the schedule if the meeting did not take place."
        ),
    ),
    "old-draft": Code(
        "warning",
        N_("minutes still a draft after 30 days"),
        N_("Minutes are approved at the next meeting. Change `status: draft` to `approved` once they are."),
    ),
    # --- the community plan (plan/*.yaml and the links to it from minutes) -------------------
    "bad-progress": Code(
        "error",
        N_("a progress entry cannot be read"),
        N_(
            "`progress` (plnění) lists entries `{measure, state, value, indicator, note}`: `measure` names "
            "the plan item's id and `state` is naplněno, rozpracováno, nenaplněno or zrušeno (done, "
            "in_progress, not_done, cancelled). An entry may give only a `value`."
        ),
    ),
    "plan-yaml": Code(
        "error",
        N_("a plan file is not valid YAML"),
        N_(
            "A plan in plan/ is YAML. Put values with `: ` in quotes, indent with spaces, close what you open."
        ),
    ),
    "plan-invalid": Code(
        "error",
        N_("a plan file, or one of its items, cannot be read"),
        N_(
            "A plan names its `levels` (2 to 4) and lists `items`, each with an `id` and a `title` "
            "(docs/plan.md). The item named is left out; the rest of the plan is read."
        ),
    ),
    "plan-duplicate-id": Code(
        "error",
        N_("an id is used twice in one plan"),
        N_(
            "Each item of a plan has its own id, never reused: minutes link to items by it. Renumber "
            "one of them (the second is left out until then)."
        ),
    ),
    "plan-cycle": Code(
        "error",
        N_("items of a plan are each other's parents"),
        N_(
            "An item's `parent` leads back to itself. Fix the `parent` of one of them; until then they "
            "are left out."
        ),
    ),
    "plan-unknown-level": Code(
        "error",
        N_("an item is at a level the plan does not have"),
        N_(
            "A plan has the levels its `levels` list names. An item nested deeper, or whose `level` "
            "names another level, is left out: add the level or move the item."
        ),
    ),
    "unknown-measure": Code(
        "warning",
        N_("a task or progress entry names an item the plan does not have"),
        N_(
            "`measure` (opatření) names the id of an item of the plan whose period covers the meeting. "
            "Correct the id (a typo such as 1.12 for 1.1.2), or add the item to the plan."
        ),
    ),
    "plan-no-group": Code(
        "warning",
        N_("a measure of the current plan has no responsible group"),
        N_("Give the measure, or an item above it, a `group` (skupina): the group that reports on it."),
    ),
    "indicator-no-unit": Code(
        "warning",
        N_("an indicator has values but no unit"),
        N_("Give the indicator a `unit` (jednotka): 150 means nothing until it is 150 osob or 150 hodin."),
    ),
    "progress-unknown-indicator": Code(
        "warning",
        N_("a progress value names no indicator of its item"),
        N_(
            "A `value` belongs to one of the item's indicators: name it with `indicator` (ukazatel), "
            "unless the item has just one."
        ),
    ),
    # --- membership over time (kpss.yaml's members, minutes' `membership`) ---------------------
    "bad-membership": Code(
        "error",
        N_("a member or membership entry cannot be read"),
        N_(
            "A member in kpss.yaml is `Name`, `Name (Organisation)` or a mapping with `name` and "
            "optionally `org`, `role`, `voting` (true or false), `from` and `to` (dates, `to` not "
            "before `from`). A `membership` (členství) entry of minutes is `{name, org, role, joined}` "
            "or `{name, left}`, the date defaulting to the meeting's. The entry is left out; the rest holds."
        ),
    ),
    "bad-quorum": Code(
        "error",
        N_("a quorum that is no share"),
        N_(
            "`quorum` is the share of the voting members that must be exceeded: `0.5`, `0,6`, `60 %` "
            "or `2/3` (at least 0, less than 1). Until it is fixed, more than half is needed."
        ),
    ),
    "overlapping-membership": Code(
        "warning",
        N_("one person is a member twice in one role"),
        N_(
            "Two periods of membership of the same person in the same role overlap (kpss.yaml's "
            "`from`/`to`, or a `joined` of minutes while still a member). The later entry is left "
            "out. End the first with `to`, or give the second a different `role`."
        ),
    ),
    "left-non-member": Code(
        "warning",
        N_("someone leaves a group they are not a member of"),
        N_(
            "A `membership` entry with `left` names a person who is not a member of the group on "
            "that day. Check the spelling of the name (or an `aliases` entry), and the date."
        ),
    ),
    "substitute-for-non-member": Code(
        "warning",
        N_("a substitute stands in for someone who is not a member"),
        N_(
            "`Name (za Name)` or `{name, for}` names the member represented. That person is not a "
            "member of the group on the meeting date, so the substitute counts for nobody. Fix the "
            "name (declined forms such as `za Marii Novou` are understood) or the membership."
        ),
    ),
    "former-member": Code(
        "warning",
        N_("a member who left is still listed"),
        N_(
            "The person's membership ended before the meeting, but the minutes list them as present, "
            "excused or absent. List them as a guest, or correct the date they left."
        ),
    ),
    "decision-without-quorum": Code(
        "warning",
        N_("a decision taken without a quorum"),
        N_(
            "The minutes record decisions (`decisions`, usnesení, or a vote in the text), but no more "
            "than the `quorum` share of the group's voting members on that day came, in person or "
            "through a substitute. The decision may not be valid under the rules of procedure."
        ),
    ),
}
