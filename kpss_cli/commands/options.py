"""Every option that more than one place reads, declared once: its flags, help, environment
variable, and the parameter it fills.

The Typer commands build their options from these (app.option), and the quick path
(quick.py) reads the same table to know which command lines it may answer. No Typer here, so
the quick path can import it.
"""

from __future__ import annotations

from ..core.i18n import N_
from ..core.model import Value


class Spec(Value):
    """One option: its flags (the long one first), the parameter it fills, its help, the
    environment variable that stands in for it, and whether it takes a value."""

    __slots__ = ("flags", "dest", "help", "envvar", "takes_value", "metavar", "numbers", "choices")

    def __init__(
        self,
        flags: tuple[str, ...],
        dest: str,
        help: str,
        envvar: str | None = None,
        takes_value: bool = True,
        metavar: str | None = None,
        numbers: tuple[int, int] | None = None,
        choices: tuple[str, ...] | None = None,
    ) -> None:
        self.flags = flags
        self.dest = dest
        self.help = help
        self.envvar = envvar
        self.takes_value = takes_value
        self.metavar = metavar  # what the help calls its value (`--as-of DATE`), marked with N_
        self.numbers = numbers  # (least, most) when the value is a whole number
        self.choices = choices  # the values it takes, when they are few


# Options of kpss itself (read before the command, accepted after it too: commands/argv.py).
DEBUG = Spec(("--debug",), "debug", N_("Show tracebacks of errors."), takes_value=False)
NO_CACHE = Spec(
    ("--no-cache",),
    "no_cache",
    N_("Read every file afresh; neither use nor update the index."),
    "KPSS_NO_CACHE",
    takes_value=False,
)

EXCEL = Spec(
    ("--excel",),
    "excel",
    N_("CSV that Czech Excel opens as is (UTF-8 BOM, `;`, CRLF); wherever --format csv works."),
    takes_value=False,
)

# Options that many commands share.
ARCHIVE = Spec(
    ("--archive", "-a"),
    "archive",
    N_("The archive folder. Default: the nearest folder upwards with kpss.yaml."),
    "KPSS_ARCHIVE",
    metavar=N_("FOLDER"),
)
AS_OF = Spec(
    ("--as-of",),
    "as_of",
    N_("Take this date as today (2027-03-05, 5. 3. 2027, zítra…)."),
    "KPSS_TODAY",
    metavar=N_("DATE"),
)
GROUP = Spec(
    ("--group", "-g"),
    "group",
    N_("Only this group: its slug or name (case and accents ignored)."),
    metavar=N_("GROUP"),
)
SINCE = Spec(("--since",), "since", N_("Only meetings on or after this date."), metavar=N_("DATE"))
UNTIL = Spec(("--until",), "until", N_("Only meetings on or before this date."), metavar=N_("DATE"))
FORMAT = Spec(("--format", "-f"), "fmt", N_("Output format."))
DATE = Spec(("--date", "-d"), "date", N_("Meeting date. Default: the next one known."), metavar=N_("DATE"))
TEMPLATE = Spec(
    ("--template",),
    "template",
    N_("Render with this Jinja template: a name (as in templates/) or a file."),
    metavar=N_("TEMPLATE"),
)
LANG = Spec(
    ("--lang",),
    "lang",
    N_("Language of the document: cs or en (default: kpss.yaml's, else cs)."),
    metavar="cs|en",
)
IDS = Spec(("--ids",), "ids", N_("Show the tasks' ids in the document."), takes_value=False)
PUBLIC = Spec(
    ("--public",),
    "public",
    N_(
        "A public copy: private people (guests, anyone not a member) by initials or role (kpss.yaml `privacy`)."
    ),
    takes_value=False,
)

# Options of `kpss tasks` (the quick path answers them too).
OVERDUE = Spec(("--overdue",), "overdue", N_("Only open tasks past their deadline."), takes_value=False)
OPEN = Spec(("--open",), "open_", N_("Open tasks (the default)."), takes_value=False)
DONE = Spec(("--done",), "done", N_("Done tasks."), takes_value=False)
CANCELLED = Spec(("--cancelled",), "cancelled", N_("Cancelled tasks."), takes_value=False)
ALL = Spec(("--all",), "all_", N_("Tasks of every status."), takes_value=False)
OWNER = Spec(
    ("--owner",),
    "owner",
    N_("Only tasks of this person (a surname is enough; titles, case, accents ignored)."),
    metavar=N_("NAME"),
)
DUE_BEFORE = Spec(("--due-before",), "due_before", N_("Only deadlines before this date."), metavar=N_("DATE"))
DUE_AFTER = Spec(("--due-after",), "due_after", N_("Only deadlines after this date."), metavar=N_("DATE"))
FAIL_IF_ANY = Spec(
    ("--fail-if-any",),
    "fail_if_any",
    N_("Exit 1 when the list is not empty (for cron jobs)."),
    takes_value=False,
)

# Options of `kpss schedule` and `kpss members` (the quick path answers them too).
YEAR = Spec(
    ("--year",),
    "year",
    N_("One calendar year (default: this year; for ics every meeting in the archive and a year ahead)."),
    numbers=(1, 9998),
)
FROM = Spec(("--from",), "from_", N_("From this date (instead of --year)."), metavar=N_("DATE"))
TO = Spec(("--to",), "to", N_("Up to this date (instead of --year)."), metavar=N_("DATE"))
ON = Spec(
    ("--on",),
    "on",
    N_("Who belongs on this day (2026-06-30, 30. 6. 2026, zítra…). Default: today."),
    metavar=N_("DATE"),
)
HISTORY = Spec(
    ("--history",), "history", N_("Every change: who joined and left, and when."), takes_value=False
)

# Options of `kpss plan` and `kpss monitor` (the quick path answers them too).
PLAN = Spec(
    ("--plan", "-p"), "plan_id", N_("The plan: its file name in plan/ without .yaml (default: today's).")
)
LEVEL = Spec(("--level", "-l"), "level", N_("Only items of this level: its name or number (1 = top)."))
STATE = Spec(
    ("--state", "-s"),
    "state",
    N_("Only items in this state: done, in_progress, not_done, cancelled (or Czech)."),
)
MONITOR_YEAR = Spec(("--year", "-y"), "year", N_("The year to report on."), numbers=(1, 9998))

# Options of `kpss remind` (the quick path answers them too).
DRY_RUN = Spec(
    ("--dry-run",),
    "dry_run",
    N_("Write the messages as .eml files into this folder; send nothing, record nothing."),
    metavar=N_("FOLDER"),
)

# Options of `kpss check` (the quick path answers them too).
STRICT = Spec(("--strict",), "strict", N_("Exit 1 when there are warnings."), takes_value=False)

# Options of `kpss export` (the quick path answers them too). Its --archive and --name are
# given once per archive (Typer: lists).
EXPORT_TO = Spec(("--to", "-t"), "to", N_("What to write."), choices=("sqlite", "parquet", "jsonl"))
EXPORT_NAME = Spec(
    ("--name",),
    "name",
    N_(
        "The archive's name in the `archive` column (default: its folder's name); "
        "once per --archive, in the same order."
    ),
)
FORCE = Spec(("--force",), "force", N_("Replace an existing export (atomically)."), takes_value=False)
APPEND = Spec(
    ("--append",), "append", N_("Add the archives to an existing export of the same kind."), takes_value=False
)

# Where global options may stand (commands/argv.py): kpss's own before or after the command;
# the options commands share also before the command, meaning what they mean after it.
FRONT = (DEBUG, NO_CACHE, EXCEL)
ANYWHERE = (ARCHIVE, AS_OF, FORMAT)

# What the quick path answers: `kpss [global flags] COMMAND [its options here]`, each at most
# once; `--as-of` too where the command has none, read as kpss itself reads it then (app.main).
QUICK_GLOBAL = (NO_CACHE,)
QUICK_TASKS = (
    ARCHIVE, OVERDUE, OPEN, DONE, CANCELLED, ALL, OWNER, GROUP, DUE_BEFORE, DUE_AFTER,
    SINCE, UNTIL, AS_OF, FORMAT, FAIL_IF_ANY,
)  # fmt: skip
QUICK = {
    "tasks": QUICK_TASKS,
    "list": (ARCHIVE, GROUP, SINCE, UNTIL, FORMAT),
    "show": (ARCHIVE, FORMAT),
    "check": (ARCHIVE, FORMAT, STRICT, AS_OF),
    "schedule": (ARCHIVE, GROUP, YEAR, FROM, TO, FORMAT, AS_OF),
    "members": (ARCHIVE, ON, HISTORY, FORMAT, AS_OF),
    "attendance": (ARCHIVE, GROUP, SINCE, UNTIL, FORMAT, AS_OF),
    "agenda": (ARCHIVE, DATE, LANG, IDS, AS_OF),  # Markdown, kpss's template, not --public
    "plan": (ARCHIVE, PLAN, GROUP, LEVEL, STATE, FORMAT, AS_OF),
    "monitor": (MONITOR_YEAR, ARCHIVE, PLAN, FORMAT, LANG, AS_OF),
    "remind": (ARCHIVE, DRY_RUN, AS_OF),  # writing the messages into a folder, not sending them
    "export": (ARCHIVE, EXPORT_TO, EXPORT_NAME, FORCE, APPEND),  # one archive
}
# The options a command cannot go without (Typer says so when they are missing).
QUICK_REQUIRED = {"monitor": (MONITOR_YEAR,), "remind": (DRY_RUN,), "export": (EXPORT_TO,)}
# The options a command takes several times (Typer: a list, whose environment variable it
# splits at whitespace): the quick path reads one, and leaves such a value with whitespace
# to Typer.
QUICK_MANY = {"export": (ARCHIVE, EXPORT_NAME)}
