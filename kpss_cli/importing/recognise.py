"""What a legacy minutes document says: group, date, time, place, attendance, recorder,
moderator, agenda, tasks and the next meeting. Nothing is invented: what is not found stays
empty and is named in `warnings`."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field

from ..core.i18n import _
from ..core.names import fold, is_title_only, person_key, split_people, strip_titles
from ..core.people import FIRST_NAMES, surname_nominative
from ..core.vocabulary import WEEKDAYS
from .agenda import AGENDA_LABEL, find_agenda
from .clean import clean
from .group import find_group_why
from .nextmeeting import NEXT, NextMeetingDict, find_next_meeting
from .people import (
    DECLINED_ENDINGS as _DECLINED_ENDINGS,
)
from .people import (
    PRESENCE_HEADING,
    PersonDict,
    chair_of_named_body,
    is_attendance_heading,
    is_role,
    looks_like_name,
    looks_like_one_person,
    looks_like_people_line,
    names_in_text,
    nominative_name,
    parse_people,
    parse_person,
    presence_kind,
    represented,
    role_then_person,
    same_titled_surname,
    stand_ins_first,
    without_class_first,
)
from .sentences import (
    HELD_LATER_AFTER_DAY,
    HELD_VERB,
    announced_meeting,
    association_of_members_meeting,
    place_and_day_under_title,
    recorder_beside_a_name,
)
from .tasks import TaskDict, find_tasks
from .text import (
    AGENDA_HEADING,
    CAPITAL,
    LOWER,
    OTHER_LABEL_WORDS,
    SMALL,
    label_pattern,
    label_value,
    loose,
    lost_letters_restored,
    plain,
    rx,
    squash,
)
from .when import DateHit, TimeHit, find_dates, find_time, leftover, without_dates


@dataclass
class Imported:
    """A legacy document read as minutes; every field may be empty when the text does not say."""

    group: str | None = None
    date: dt.date | None = None
    time: str | None = None  # `HH:MM` or `HH:MM-HH:MM`
    place: str | None = None
    present: list[PersonDict] = field(default_factory=list)
    excused: list[PersonDict] = field(default_factory=list)
    absent: list[PersonDict] = field(default_factory=list)
    guests: list[PersonDict] = field(default_factory=list)
    attendance_sheet: bool = False  # "dle prezenční listiny"
    recorder: str | None = None
    moderator: str | None = None
    agenda: list[str] = field(default_factory=list)
    tasks: list[TaskDict] = field(default_factory=list)
    next_meeting: NextMeetingDict | None = None
    body: str = ""  # the original text without page furniture
    # Values read from a guess (the narrative, a declined form, a yearless date): field -> why.
    guesses: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    source_name: str = ""
    looks_like_minutes: bool = True  # False for a talk, a plan, an invitation…
    # True when not minutes because the text only attaches them as a file (`Zápis zde.`, `Přiložené soubory`)
    attaches_minutes: bool = False


# --- labels ------------------------------------------------------------------------------------

# The words of other labels that may follow an attendance label on its line (`Přítomno: 8 členů zapsal: …`).
# (not the chair named with the members, the colon theirs: `Přítomni předsedající a členové komise: …`)
_OTHER_LABEL_IN_QUALIFIER = (
    r"\b(?:zapsal|zapisoval|zapisovatel|ověřil|ověřovatel|řídil|předsedal|předsedající(?!\s+a\s))"
)

ATTENDANCE_LABELS: dict[str, list[re.Pattern[str]]] = {
    "absent": [
        label_pattern(
            r"nepřítomn[iíaoéýá]|nepřítomi|nepřítomen|neomluven[iíaoyéá]?|chyběl[iay]?|bez omluvy|nepřišl[iay]|nepřišel|neúčast|"
            r"nedostavil[aiy]? se|"
            r"(?:členové|zástupci)[^:|]{0,30}?\snepřítomn[iíaoéýá]",  # `Členové ŘS nepřítomni (omluveni):`
            qualifier=40,
            foreign=_OTHER_LABEL_IN_QUALIFIER,
        )
    ],
    "excused": [
        label_pattern(
            # `Předem se řádně omluvil: Ing. Milan Horňáček, …` (who apologised before the meeting)
            r"omluven[iíaoyéá]?|omluvil[iay]? se|omluvení|omluvenky|(?:předem|včas)\s+se\s+(?:řádně\s+)?omluvil[iay]?",
            qualifier=40,
            foreign=_OTHER_LABEL_IN_QUALIFIER,
        )
    ],
    "guests": [
        label_pattern(
            # `Návštěva: Dominik, KI, Samson` (visitors of a council)
            # `Stálý host: pan místostarosta Pešek Pavel` (a guest at every meeting)
            r"(?:stál[ýáíé]\s+)?host[éey]?|přizv[aá]n[íiy](?: hosté)?|další účastníci|ostatní účastníci|návštěv[ay]",
            qualifier=30,
            foreign=_OTHER_LABEL_IN_QUALIFIER,
        )
    ],
    "present": [
        label_pattern(
            # `Dle prezenční listiny přítomni: names` names them all the same.
            r"(?:(?:dle|podle)\s+prezenční\s+listiny\s+)?(?:přítomn[iíaoéýá]|přítomi|přítomen|přítomné)|"
            r"za účasti|"  # `Za účasti: Vlasta Málková, p. Komárková`
            r"(?:členové|zástupci|za)\s[^:|]{0,30}?\spřítomn[iíaoéýá]",  # `Za PS Senioři přítomni:`
            qualifier=40,
            foreign=_OTHER_LABEL_IN_QUALIFIER,
        ),
        label_pattern(
            r"účastníci(?: jednání| setkání| schůzky)?|účastnice|zúčastnění|z?účastnil[iay]? se(?: jednání| setkání)?|"
            r"(?:(?:jednání|schůzky|schůze|setkání|zasedání|porady)\s+)?se\s+zúčastnil[iay]?|účast|prezence(?:\s+členů)?|"
            r"prezenční\s+listina|"  # `Prezenční listina: ♦ Radek Pupák, předseda klubu ♦ …` (the sheet itself, written out)
            r"náhradní(?:ci|ce|k)|"  # substitutes who attended: `Náhradníci: Kujanová za Velemínskou`
            # `STÁLÍ ZÁSTUPCI:`, `Pověření zástupci: Božena Danihelová (za Lenku Kurovou, …)`: deputies who attended
            r"(?:stálí|stálé|pověření|pověřené)\s+zástup(?:ci|kyně)|"
            # `Přišli později : ŠLAPANSKÝ František, Ing. (16.06 hod.)`: members who came late are present
            r"přišl[iay]\s+později|přišel\s+později|později\s+přišl[iay]"
        ),
    ],
}
DATE_LABEL = label_pattern(
    r"datum, čas a místo(?: konání| jednání)?|datum, místo a čas|datum a místo(?: konání| jednání)?|"
    r"datum a čas(?: konání| jednání)?|datum/čas|datum a hodina(?: konání| jednání)?|datum(?: konání| jednání| setkání| schůzky| zasedání)?|"
    r"termín(?: a místo)? (?:konání|jednání|setkání|schůzky)|den konání|den a čas|kdy|konáno dne|konané dne|"
    r"konáno|dne|datum a doba konání|konání|den a místo jednání(?: komise| výboru)?"
)
TIME_LABEL = label_pattern(
    r"čas(?: jednání| konání| zahájení| setkání)?|časové rozvržení|hodina|od[-–]do|od|doba (?:jednání|konání)|"
    r"začátek(?: jednání| setkání)?|zahájení(?: jednání| setkání)?"
)
END_LABEL = label_pattern(
    r"konec(?: jednání| setkání)?|ukončení(?: jednání| setkání)?|ukončeno|jednání ukončeno"
)
PLACE_LABEL = label_pattern(
    r"místo a čas(?: konání| jednání)?|místo a datum(?: konání| jednání)?|"
    r"místo(?: jednání| konání| setkání| schůzky| zasedání)?|kde|adresa|místnost|"
    r"den a místo jednání(?: komise| výboru)?"  # `Den a místo jednání komise: , Libeňský zámeček` (the day lost)
)
RECORDER_LABEL = label_pattern(
    r"zapsal[a]?|zapisovatel(?:ka)?|sepsal[a]?|zapsáno|(?:zápis|záznam) (?:provedl|pořídil|vyhotovil|zpracoval|sepsal|"
    r"napsal|zapsal|vypracoval)[a]?|vypracoval[a]?|zpracoval[a]?|vyhotovil[a]?|"
    r"za\s[^:|]{1,30}?\szapsal[a]?|"  # `Za výbor MO zapsala` and the name on the next line
    # `Zapsal dne 6.12.2006` alone on its line, the name on the next (no colon after the day)
    r"zapsal[a]?\s+dne\s+\d{1,2}\s*\.\s*\d{1,2}\s*\.\s*\d{4}",
    qualifier=25,  # `Zapsala dne 16. 2. 2023:`, `Zapsal a ověřil:`
)
_RECORDER_FREE = (
    rx(r"^(?:zapsal[a]?|zapsal\s?\(a\)|zapisovatel(?:ka)?)\s+(?!se\b|jsem\b)(?P<value>.+)$"),
    # `…, zápis pořídila Lenka Marková.`, `Zápis vyhotovil Bc. Jan Dub`: in a sentence.
    # `Zápis z jednání vypracuje paní Gabriela Sodomková.`: the future, the meeting named.
    rx(
        r"\bzápis\s+(?:(?:z|ze)\s+(?:jednání|zasedání|schůze|setkání)\s+)?"
        r"(?:(?:pořídil|vyhotovil|sepsal|zapsal|zpracoval|vypracoval|napsal)[a]?|vypracuje|zpracuje|pořídí|vyhotoví|sepíše)"
        r"\s+(?P<value>.+)$"
    ),
    # `…, že zápis ze zasedání provedou pracovnice obecního úřadu p. Ilona Jahodářová a p. Miluše Malíková`:
    # who will write it, after lower-case words of their job (the first of two)
    rx(
        r"\bzápis\b[^.;]{0,60}?\b(?:provede|provedou|pořídí|vyhotoví|zpracuje|zpracují)\s+"
        rf"(?:{SMALL}+\s+){{0,4}}(?:p\.|pí\.?|paní|pan)\s*(?P<value>(?-i:{CAPITAL}){SMALL}+\s+(?-i:{CAPITAL}){SMALL}+)"
    ),
    # `Setkání řídila Mgr. Irena Šustková. Zapisovala Bc. Romana Bártová, DiS.`; after the day the
    # minutes were written (`Dne 11. 5. 2023 zapsal Josef Hák`; not any year: `Kroniku za rok 2023 zapsala …`)
    rx(
        r"(?:^|[.;]\s+|\bdne\s*:?\s*\d{1,2}\.\s*\d{1,2}\.\s*\d{4}\s*,?\s+)(?:zapisoval[a]?|zapsal[a]?)\s+"
        rf"(?P<value>(?-i:{CAPITAL}).+)$"
    ),
    # `Dne: 6. 1. 2014; zapsal: Petr Kozohorský`, `Přítomno: 8 členů zapsal: Kozohorský Petr`; not a web
    # page's byline (`Zveřejněno: 2. 10. 2007, zapsal: Lukáš Fišer, přečteno: 2525x`: who put the page up)
    rx(
        rf"(?:[;,]|\s)\s*zapsal[a]?\s*:\s*(?!.*\b(?:přečteno|zobrazeno|počet\s+zobrazení)\b)"
        rf"(?P<value>(?-i:{CAPITAL}).+)$"
    ),
    # `Zápis: Jitka Svobodová` at the end: a name (two capitalised words) after `Zápis:` is who wrote it;
    # so after a dash, also after the opener's name (`Petr Kulíšek, zápis – Jana Bitnerová`); not the
    # roles handed out for the next meeting (`Na příštím setkání: moderace – …, zápis – Jana Bednářová`)
    rx(
        rf"(?:^|^(?:(?!\bpříšt).)*?,\s+)zápis\s*[:–—-]\s*(?P<value>(?-i:{CAPITAL}){SMALL}+\.?\s+(?-i:{CAPITAL}).*)$"
    ),
    # `Jednání řídila a zapsala Mgr. Tereza Dvořáčková.`
    rx(r"\b(?:řídil|vedl|moderoval)[a]?\s+a\s+(?:zapsal|zapisoval)[a]?\s+(?P<value>.+)$"),
    # `Zapisováním byla pověřena Bc. Jana Nová`
    rx(r"\bzapisováním\b(?:\s+zápisu)?\s+(?:byl[a]?\s+)?pověřen[a]?\s+(?P<value>.+)$"),
    # `Zapisovatelem byl určen Zdeněk Hába, ověřovatelem …`, `Zapisovatelkou byla zvolena …`,
    # `Zpracovatelem zápisu byla určena pí Jana Vodolánová, skrutátorem …`
    rx(
        r"\b(?:zapisovatel(?:em|kou)|zpracovatel(?:em|kou)(?=\s+zápisu))\s+(?:zápisu\s+|jednání\s+)?(?:byl[a]?\s+|je\s+)?"
        r"(?:určen[a]?|zvolen[a]?|jmenován[a]?|schválen[a]?|navržen[a]?)\s+(?P<value>.+)$"
    ),
    # `Určení a schválení zapisovatele jednání: Mojmír Dostál`, `Volba zapisovatelky: …`
    rx(
        r"^(?:určení|volba|schválení|jmenování)(?:\s+a\s+\w+)?\s+zapisovatel(?:e|ky)"
        r"(?:\s+(?:jednání|zápisu))?\s*:\s*(?P<value>.+)$"
    ),
)
MODERATOR_LABEL = label_pattern(
    r"moderátor(?:ka)?|moderoval[a]?|moderace|řídil[a]?|jednání řídil[a]?|předsedající|předsedal[a]?|"
    r"facilitátor(?:ka)?|facilitace|vedoucí jednání|jednání vedl[a]?|vedl[a]? jednání|vedení jednání|"
    r"předseda|předsedkyně|(?:komisi|výboru|jednání|zasedání|schůzi)\s+předsedal[a]?|"
    r"(?:zasedání|schůzi|schůze|setkání)\s+řídil[a]?"  # `Zasedání řídil: MUDr. Jan Jařab`
)
_MODERATOR_FREE = (
    rx(
        r"\b(?:jednání|setkání|schůzku|schůzi|zasedání)\s+(?:zahájil[a]?\s+a\s+)?(?:řídil|vedl|moderoval)[a]?"
        r"\s*:?\s+(?P<value>.+)$"
    ),
)
_INLINE_PLACE = rx(r"\s(?:místo(?: jednání| konání| setkání)?)\s*:\s*(?P<value>\S.*)$")
_ANY_INLINE_LABEL = rx(
    r"(?:^|\s)(?:zápis\s+)?(?:ověřil[a]?|ověřovatel(?:ka|é)?|schválil[a]?|podpis|datum|dne|místo|moderátor(?:ka)?|"
    r"zapsal[a]?|zapisovatel(?:ka)?|řídil[a]?|předsedající)\s?:"
)
_WRITING = rx(
    r"zapsal|zapisovatel|sepsal|vytvořen|vytvořil|vyhotoven|vyhotovil|schválil|schválen|ověřil|ověřen|"
    r"publikován|zveřejněn|aktualizován|vložen|vytištěn|tisk|datum (?:vytvoření|zápisu|vyhotovení|schválení)|"
    r"\bv\s+(?!(?:"
    + "|".join(accusative for _, accusative in WEEKDAYS)
    + r")\b)\w+(?:\s+\w+)?\s+dne|platnost|účinnost|rozeslán|odeslán|registrační|usnesení|č\.\s*j\.|čj\.|"
    r"změněn|upraven|revize|verze|\bautor(?:ka)?\b|přečteno|zobrazeno"
)
_MEETING_WORDS = rx(r"\bzápis|\bjednání|\bsetkání|\bschůz|\bzasedání|\bporad[ayě]|\bkonan|\bkonal|\bsešl")
# What stands before the meeting day: `ze dne`, `konaného v pondělí dne`, `se konala ve čtvrtek`.
_ON_DAY = rx(
    r"\b(?:ze\s+)?dne\s*$|(?:konan|konal|proběhl|uskutečnil|uskutečněn|sešl)\w*\s+(?:se\s+)?"
    r"(?:(?:v|ve)\s+\w+\s+)?(?:dne\s*)?$"
)
# A line that opens with the weekday and the day of the meeting, under the title: `Ve středu
# 15. 5. 2024 od 9 hodin v malém sále …` (a day named so is the day of a meeting, not of writing).
_WEEKDAY_FIRST = rx(
    r"^(?:v|ve)\s+(?:" + "|".join(accusative for _, accusative in WEEKDAYS) + r")\s+(?:dne\s+)?\d{1,2}\s*\."
)


def _weekday_heading(line: str, hit: DateHit) -> bool:
    """True for `Ve středu 15. 5. 2024 od 9 hodin …`: the weekday and the day open the line and a
    time follows the day — a line of the head. `Ve čtvrtek 11. ledna se na radnici sešla …`
    (a news report's sentence, no time) is none."""
    if not _WEEKDAY_FIRST.match(line[: hit.end]):
        return False
    timing = find_time(line[hit.end :])
    return timing is not None and timing.start <= 12


# The second line of a title: `ze dne 30. 8. 2022, od 13:30 hod., v zasedací místnosti …`.
_DAY_FIRST = rx(r"^(?:ze\s+dne\s+|dne\s+|konan\w*\s+(?:dne\s+)?|konal\w*\s+se\s+(?:dne\s+)?)\d{1,2}\s*\.")
# A place after the day and time of a title or sentence: `… 9:00 v zasedací místnosti MěÚ`.
_PLACE_AFTER = rx(
    r"^\s*(?:hod(?:in)?\.?|h\b\.?)?\s*,?\s*(?:konan\w+\s+|konal\w*\s+se\s+|se\s+|proběhl\w*\s+|uskutečnil\w*\s+(?:se\s+)?)?(?P<place>(?:v|ve|na)\s+(?!téma\b|základě\b|dobu\b|rámci\b)\S.+)$"
)
_WEEKDAY_WORDS = "|".join(accusative for _, accusative in WEEKDAYS)
# Where a place named in a sentence ends: `v zasedací místnosti MěÚ, sešla se pracovní skupina`.
_PLACE_END = rx(
    r",?\s+(?:se\s+)?(?:sešl|konal|proběhl|uskutečnil|jednal|zúčastnil)\w*\b.*$"
    # `v zasedací místnosti Charity, Ostravská 69, páté jednání pracovní skupiny`
    r"|,\s+(?:\S+\s+)?(?:jednání|setkání|schůzk[ay]|schůze|zasedání)\b.*$"
    # `v místnosti č. 349 budovy Magistrátu, bylo zahájeno v …`: a clause of its own after a comma
    r"|,\s+(?:bylo|byla|byl|bude)\s+\w+.*$"
    # `ve velkém sále radnice, přítomno 9 členů`: who was there, after a comma
    r"|,\s+(?:přítomn|omluven)\w*\b.*$"
    # `… v místnosti č. 106 /1. patro Z jednání omluveni: posl. …`: a run-on record's attendance label
    r"|\s+(?:(?-i:Z|Ze)\s+(?:jednání|schůze|zasedání)\s+omluven\w*|(?-i:Přítomn|Omluven|Nepřítomn|Hosté)\w*"
    r"(?:\s+[^\W\d_]+){0,2})\s*:.*$"
    # `v zasedací místnosti MěÚ Jilemnice Ve čtvrtek 16. května …`: a transcript's next sentence,
    # which opens with a weekday or a day (`Dne 5.`, `Od 1. 3.`) or with the opening of the meeting
    # (`Na úvod`, `Po přivítání`); a place's own name stays whole (`v restauraci Na růžku`,
    # `v kavárně V zahradě`)
    rf"|\s+(?-i:(?:Ve|V)\s+(?:{_WEEKDAY_WORDS})\b|(?:Dne|Od)\s+\d|(?:Na|Po)\s+(?:úvod|začátku|zahájení|přivítání)\w*\b).*$"
    # `v zasedací místnosti OÚ Hovězí v hodin Deváté jednání …`: a transcript lost the hour (set in
    # superscript), its words end the place
    r"|\s+(?:v|ve|od|o)\s+hod(?:in[ay]?\b|\.)(?!\s*\d).*$"
    # `… 2. patro u odboru ŠIK. Jednání RR bylo zahájeno v hod.`: the transcript's next sentence, about the meeting
    r"|\.\s+(?-i:Jednání|Setkání|Schůze|Zasedání|Porada)\s.*$"
    # `v sále Dělnického domu v Brně Juliánově, Jamborova 65. Prezence: 1) Delegáti: …`: a transcript's
    # next field, a label after the full stop
    rf"|\.\s+(?-i:{CAPITAL}{SMALL}+(?:\s+{SMALL}+)?\s*:).*$"
)
# After the day in a date's label, a place with `v`/`ve` before or after the time (not a weekday,
# a year or a time): ` v hovorně AG v 16.00 hod.`, ` v 17:30 v knihovně AG`.
_TIME_PHRASE = r"(?:,?\s*(?:v|ve|od|o)\s+\d{1,2}[:.]\d{2}(?:\s*(?:[-–—]|do)\s*\d{1,2}[:.]\d{2})?\s*(?:hod(?:in)?\.?|h\.?)?)"
_PLACE_WITH_TIME = re.compile(
    rf"^{_TIME_PHRASE}?\s*,?\s*(?P<place>(?:v|ve)\s+(?!\d|roce\b|době\b|(?:"
    + "|".join(accusative for _, accusative in WEEKDAYS)
    + rf")\b)[^\W\d_]+(?:\s+[^\s\d,;]+){{0,5}}?)\s*{_TIME_PHRASE}?\s*\.?\s*$",
    re.IGNORECASE,
)
# After the day in a `Dne:` label: `, kancelář …, Karla Čapka 1147, Jeseník` (letters first, not a
# weekday, a time or another date).
_PLACE_AFTER_DATE = re.compile(
    # `, 14,00–15,30 hod., klubovna DPS`: a time or a range of times may stand between
    r"^\s*(?:,?\s*(?:od\s+)?\d{1,2}[:.,]\d{2}(?:\s*(?:[-–—]|do)\s*\d{1,2}[:.,]\d{2})?\s*(?:hod(?:in)?\.?)?\s*)?"
    r",\s*(?!od\b|do\b|v\s*\d|ve\s*\d|"
    + "|".join(day for day, _ in WEEKDAYS)
    + r")(?P<place>[^\W\d_]{3,}[^:]*\s[^:]*)$",
    re.IGNORECASE,
)
_NOTHING_AFTER = rx(r"^\s*(?:hod(?:in[ay]?)?\.?|h\.)?\s*[.,;]?\s*$")
# `Jednání se konalo …`, `Setkání proběhlo …`: a sentence saying when and where the meeting was.
_HELD = rx(
    # `Jednání PS Rodina a děti se konalo …`: the body's name may stand between
    # or the body and `, které`/`, jež` (`zasedání Vládního výboru …, které se konalo 28. 11. 2014 …`)
    # and a bracket (`zasedání Poradního sboru … (dále jen „PS“) se konalo …`)
    r"\b(?:jednání|setkání|schůzk[ay]|schůze|zasedání|porada)\s+(?:[^\s.,;:]+\s+){0,6}?"
    r"(?:\([^()]{0,40}\)\s+)?(?:[^\s.,;:]+,\s+(?:které|jež)\s+)?"
    # `Jednání výboru … (dále jen výbor) dne 12. září 2011 se konalo v místnosti …`: the day before the verb
    r"(?:dne\s+\d{1,2}\.\s*(?:\d{1,2}\.|[^\W\d_]+)\s*\d{4}\s+)?(?:se\s+)?"
    r"(?:konal[oa]?|konan(?:[éáý]|ého|ém)|proběhl[oa]?|probíhal[oa]?|uskutečnil[oa]?)(?:\s+se)?\b"
    # the title's next line: `konaného dne 9.11.2010, od 18:00 hodin v budově ZŠ …`
    r"|^\s*konan(?:ého|é|ém|á|ý)\b"
)
# `ZÁPIS ze shromáždění delegátů MÍR, stavební bytové družstvo, konaného dne …`: in a title, the participle
# after a comma, the body's name with commas of its own before it.
_TITLE_HELD = rx(r",\s+konan(?:ého|é|ém|á|ý)\b")


def _title_held(line: str) -> re.Match[str] | None:
    """`_TITLE_HELD` in a line that is the minutes' title; None elsewhere (a sentence about another
    meeting, `zápis z minulého jednání, konaného dne …`, is no title)."""
    return _TITLE_HELD.search(line) if _TITLE_ZAPIS.match(line) or _HEADING_ZAPIS.match(line) else None


# `dne` with no day after it, a time or a place next: the day a transcript lost (set as a field).
_DAY_LOST = re.compile(r"^\s*dne\s+(?=(?:v|ve|od)\s)")
# The day before a place in such a sentence: `se konalo 21. listopadu 2011 v sídle …`.
# (`konaný dne dne 30.7.2018 v Hrabové`: the word doubled by a slip)
_DAY_BEFORE_PLACE = rx(r"^\s*(?:dne\s+){0,2}(?=\d)")
# `konaný dne 11. 4. 2017 a 26. 4. 2017 v Hrabové`: a meeting held on two days, the second after `a`
_SECOND_DAY = rx(r"^\s*a\s+(?=\d{1,2}\.\s*\d{1,2}\.)")
# (`Začátek jednání 16:00 hodin` with no colon after it, as a web page sets it above the attendance)
_STARTED = rx(
    r"\b(?:zahájen[oaí]?|zahájil[ao]?|započal[ao]?|začal[ao]?|začátek\s+(?:jednání|setkání|schůze|zasedání))\b"
)
_ENDED = rx(r"\b(?:ukončen[oaí]?|ukončil[ao]?|skončil[ao]?|skončeno|končilo)\b")
# `Zápis` or `Záznam` (a record: `Záznam z jednání výboru`) opens minutes.
_MINUTES_SIGNS = rx(
    r"\bzápis\b|\b(?:zápis|záznam)\s+z|přítomn|omluven|zapsal|program jednání|jednání (?:se|bylo)"
)
# What a sentence about minutes says after naming them: `Zápis z jednání je uložen v …`, `bude
# zveřejněn`: no title.
# An assembly as the meeting (`ZÁPIS ze shromáždění delegátů …`).
_ASSEMBLY = r"shromáždění\s+(?:delegátů|členů|vlastníků|zástupců)"
_ABOUT_THE_MINUTES = (
    r"(?!.*\b(?:je|jsou|bude|budou|byl[aoy]?)\s+(?:uložen|rozeslán|zveřejněn|schválen|ověř|přílohou|k\s+dispozici|vložen|doplněn|přidán|připojen))"
    # `Zápis ze schůze má být … dostupný`, `Zápis musí obsahovat …`: what minutes must be, said
    # of minutes in general (a guide), right after the meeting's noun
    r"(?!(?:(?:z|ze)\s+\S+\s+(?:\S+\s+)?)?(?:má|mají|musí|může|mohou|by\s+měl[aoy]?|lze)\s+(?:být|obsahovat|mít|\w+ovat|\w+it)\b)"
)
# A title at the start of a line (after a number or a quote of a transcript: `1 Zápis z …`,
# `2. Zápis ze schůze …`), not a sentence about the minutes (`Zápis z jednání je uložen v …`).
_TITLE_ZAPIS = rx(
    r"^(?:\W*)z[áa]pis(?:\s|$)"
    + _ABOUT_THE_MINUTES
    # (`Záznam č. 14 z jednání rady`: the minutes' number before the meeting)
    # (`Zápis č. z jednání …`: a transcript that lost the number's digits keeps `č.` alone)
    + r"|^\W*(?:\d{1,3}\.?\s+)?z[áa](?:pis|znam)\.?\s+(?:č\.\s*(?:\d+(?:\s*/\s*\d{2,4})?\s+)?)?(?:(?:z|ze)\s+)?(?:\d+\.\s*)?"
    # (`ZÁPIS ze shromáždění delegátů …`: an assembly of delegates, members or owners)
    rf"(?:jednání|setkání|schůz|zasedání|porady|{_ASSEMBLY})" + _ABOUT_THE_MINUTES,
    re.MULTILINE,
)
# The title after a heading in capitals on the same line (`1 PRACOVNÍ SKUPINA SENIOŘI Zápis
# setkání …` of a transcript): nothing in lower case before it, so no sentence.
_HEADING_ZAPIS = re.compile(
    rf"^[^{LOWER}\n]{{0,100}}?(?:Zápis|ZÁPIS|Záznam|ZÁZNAM)\s+(?:(?:z|ze|Z|ZE)\s+)?(?:\d+\.\s*)?"
    rf"(?i:jednání|setkání|schůz|zasedání|porady|{_ASSEMBLY})" + _ABOUT_THE_MINUTES,
    re.MULTILINE,
)


# `… ZASTUPITELSTVO JIHOČESKÉHO KRAJE ZÁPIS` ending the line, a form's labels after it: the body in
# capitals, then the word, as a letterhead of minutes sets them.
_BODY_THEN_ZAPIS = re.compile(
    rf"(?:^|(?<=\s))(?:{CAPITAL}{{2,}}\s+){{2,6}}Z[ÁA]PIS[ \t]*\n\s*{CAPITAL}{SMALL}+(?:\s+{SMALL}+)?\s*:",
    re.MULTILINE,
)


def _is_title(text: str) -> bool:
    """True when `text` (lines) holds the title of minutes (see _TITLE_ZAPIS, _HEADING_ZAPIS)."""
    return bool(_TITLE_ZAPIS.search(text) or _HEADING_ZAPIS.search(text) or _BODY_THEN_ZAPIS.search(text))


# A title that numbers the minutes or the meeting (`Zápis č. 2/2010 ze zasedání ZMM`, `Zápis z 5. zasedání
# …`) heads the minutes of one meeting, not a text about minutes in general.
_NUMBERED_TITLE = rx(
    r"^\W*z[áa](?:pis|znam)\s+(?:č\.\s*\d+(?:\s*/\s*\d{2,4})?\s+(?:z|ze)\s|(?:z|ze)\s+\d{1,3}\.\s*"
    r"(?:(?:řádného|mimořádného|veřejného|ustavujícího)\s+)?(?:jednání|setkání|schůz|zasedání))",
    re.MULTILINE,
)


# The title of a document that is not minutes: an invitation, a talk, a plan, a report.
_OTHER_DOCUMENT = rx(
    r"^\W*(?:pozvánka|pozvání|projev|proslov|prezentace|tisková zpráva|výroční zpráva|závěrečná zpráva|"
    r"(?:komunitní|střednědobý|akční|roční)\s+plán|plán\s+(?:rozvoje|sociálních|aktivit|činnosti)|"
    r"strategie|metodika|příručka|leták|harmonogram|dotazník|analýza|vyhodnocení|informace pro|"
    r"program\s+(?:jednání|setkání|schůze|zasedání)(?!\s*:)|"  # `Program jednání PS …` as the title
    r"monitorovací\s+zpráva|zpráva\s+(?:o\s+činnosti|z\s+konference|o\s+plnění)|výzva\s+k|"
    r"vzor(?:ový)?\s+(?:zápisu|zápis)|šablona|formulář)\b",  # `Vzor zápisu ze schůze …`: a model to fill in
    re.MULTILINE,
)
_OTHER_LABEL = re.compile(r"(?:^|\s)(?i:" + "|".join(OTHER_LABEL_WORDS) + r")\s*:")


# `Podobné dokumenty` (a document site's list of other documents) as a heading of its own
_SIMILAR_DOCUMENTS = rx(r"^\W*(?:podobné\s+dokumenty|similar\s+documents)\W*$")


def _only_similar_documents(reader: _Reader) -> bool:
    """True when no more than a title stands before a heading of similar documents: the page shows
    the document's name and a list of others, none of its text."""
    before: list[str] = []
    for line in reader.plains:
        if _SIMILAR_DOCUMENTS.match(line):
            return len(before) <= 1
        if line:
            before.append(line)
    return False


def _declared_other(reader: _Reader) -> bool:
    """True when the first lines name another kind of document (an invitation, a methodology, a
    plan) before any title of minutes: the document says what it is before it quotes minutes."""
    for line in [p for p in reader.plains if p][:6]:
        if _is_title(line):
            return False
        # A title of three words or more (`Metodika práce pracovních skupin`), or a word that only
        # heads such a document (`POZVÁNKA`); not a web menu's `Komunitní plán` above minutes.
        if _OTHER_DOCUMENT.match(line) and (len(line.split()) >= 3 or _ONLY_OTHER.match(line)):
            return True
    return False


_LINKED_MINUTES = rx(
    r"\bzápis\w*\b[^\n]{0,80}\((?:pdf|docx?|odt|rtf)\)|\bzápis\w*\b[^\n]{0,60}\bke\s+stažení\b"
    # `Kompletní zápis z jednání si můžete přečíst zde:` (a report that points to the minutes elsewhere)
    r"|\b(?:kompletní|celý|celé|úplný|úplné|podrobný)\s+(?:znění\s+)?zápis\w*\b[^\n]{0,60}?"
    r"\b(?:zde|najdete|naleznete|přečíst|k\s+dispozici\s+(?:zde|na)|na\s+odkazu|v\s+příloze)\b"
)
# `Zápis zde.`, `Zápis najdete v příloze.`, `Přiložené soubory`, `File: Zápis-schůze-výboru.pdf (729 KB)`: a
# page that offers its minutes as an attached file, a line of its own.
# (`Zápis z minulého jednání v příloze.`: the previous meeting's minutes, attached to these)
_ATTACHED_MINUTES = rx(
    r"^[^\S\n]*(?:zápis\w*(?![^\S\n]+(?:z|ze)[^\S\n]+(?:minul|předchoz|předešl|posledn)\w*)"
    r"(?:[^\S\n]+[^\W\d_]+){0,3}[^\S\n]+(?:zde|v[^\S\n]+příloze)|(?:přiložené|připojené)[^\S\n]+soubory"
    r"|(?:file|soubor)[^\S\n]*:[^\n]{0,120}?\.(?:pdf|docx?|odt|rtf)\b)[^\S\n]*[.:]?[^\S\n]*(?:\([^()\n]{0,20}\))?[^\S\n]*$",
    re.MULTILINE,
)
# What minutes say of their own meeting and a post about one does not: a decision (`Usnesení č. 12/2024:
# Rada obce schvaluje …`, `Usnesení: Výbor schvaluje …`) or the body's business told in the past
# (`Komise projednala žádosti …`, `schválil rozpočet`, `doporučila radě`, `vzala na vědomí`).
_OWN_BUSINESS = rx(
    r"^[^\S\n]*usnesení\b|\busnesení\s+(?:č\.|číslo)"
    r"|\b(?:projednal|schválil|neschválil|doporučil|odsouhlasil|uložil)[aoiy]?\b|\bvzal[aoiy]?\s+na\s+vědomí\b"
    r"|\b(?:schvaluje|neschvaluje|doporučuje|bere\s+na\s+vědomí|ukládá)\b",
    re.MULTILINE,
)
# The labels of a record's fields, each at the start of its line.
_RECORD_LABELS = rx(
    r"^[^\S\n]*(datum|čas|místo|program|úkoly|usnesení|přítomni|zapsal)\w*(?:[^\S\n]+konání)?[^\S\n]*:",
    re.MULTILINE,
)
_ONLY_OTHER = rx(r"^\W*(?:pozvánka|pozvání|projev|proslov|tisková zpráva|metodika)\b")
# `Zápis ze setkání bude vložen po jeho zpracování`: a page that says the minutes are still to come
# tells of the meeting; it is not its minutes.
_MINUTES_TO_COME = rx(
    r"^\W*zápis\w*\b[^\n]{0,60}?\b(?:bude|budou)\s+(?:vložen|zveřejněn|doplněn|přidán|připojen|"
    r"k\s+dispozici)\w*\s+(?:po\b|později|dodatečně|následně|v\s+nejbližší)"
)


def _label_lines(plains: list[str]) -> list[bool]:
    patterns = [
        *(p for group in ATTENDANCE_LABELS.values() for p in group),
        DATE_LABEL,
        TIME_LABEL,
        END_LABEL,
        PLACE_LABEL,
        RECORDER_LABEL,
        MODERATOR_LABEL,
        AGENDA_LABEL,
        _STAFF_LABEL,  # (`Zaměstnanci OÚ: …` ends the list above it: its people are the office's staff)
    ]
    return [bool(line) and any(p.match(line) for p in patterns) for line in plains]


_HEADER_CELL_LABELS = (DATE_LABEL, TIME_LABEL, END_LABEL, PLACE_LABEL, RECORDER_LABEL, MODERATOR_LABEL)


def _row(line: str) -> list[str]:
    """The cells of a `|` table row (empty for any other line)."""
    return [plain(c) for c in line.strip().strip("|").split("|")] if "|" in line else []


def _is_label_row(cells: list[str]) -> bool:
    """True for a table heading row of header labels (`Datum | Čas | Místo`)."""
    return len(cells) >= 2 and all(
        0 < len(c) <= 30 and any(label_value(p, c) == "" for p in _HEADER_CELL_LABELS) for c in cells
    )


def _semicolon_row(line: str) -> list[str]:
    """The cells of a row of a table exported as CSV with semicolons (`Jan Dub;Charita;ano`),
    three or more; empty for any other line."""
    return [c.strip() for c in line.strip().split(";")] if line.count(";") >= 2 and "|" not in line else []


def _unfold_header_tables(lines: list[str]) -> list[str]:
    """`Datum | Čas | Místo` over `26. 4. 2023 | 9:00 | DPS` -> `Datum: 26. 4. 2023`, `Čas: 9:00`,
    `Místo: DPS`: a table with its labels in the heading row, read as labelled lines."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        heading = _row(lines[index])
        values = _row(lines[index + 1]) if index + 1 < len(lines) else []
        if _is_label_row(heading) and len(values) == len(heading):
            out.extend(f"{label.rstrip(' :')}: {value}" for label, value in zip(heading, values, strict=True))
            index += 2
            continue
        cells = [c for c in heading if c]
        if len(cells) == 2 and _is_label_row([cells[0], cells[0]]) and not _is_label_row(cells):
            out.append(f"{cells[0].rstrip(' :')}: {cells[1]}")  # `| Datum | 13. 11. 2023 |`: label, value
            index += 1
            continue
        out.append(lines[index])
        index += 1
    return out


# The office's staff as a label (`Zaměstnanci OÚ:`, `Pracovníci MěÚ:`).
_STAFF = (
    r"(?:Zaměstnanci|Zaměstnankyně|Pracovníci|Pracovnice)\s+"
    r"(?:OÚ|MěÚ|MÚ|ÚMČ|ÚMO|KÚ|úřadu|obecního\s+úřadu|městského\s+úřadu)"
)
# Where one line of a web page holds what were several: a title glued to the menu before it
# (`PřihlášeníZápis ze zasedání …`), or attendance labels run together in a transcript
# (`Zápis ze 70. schůze … Přítomni: Jan Novák, … Omluveni: …`). Labels start with a capital.
_GLUED = re.compile(
    rf"(?<={SMALL})(?=Z[áa](?:pis|znam)\.?\s+(?:z|ze)\s)"
    # (`… pro národnostní menšinyJednání Rady … se uskutečnilo dne …`: the sentence of the meeting glued
    # to the title's last word, a line break lost)
    rf"|(?<={SMALL}{SMALL})(?=(?:Jednání|Zasedání|Setkání|Schůze)\s+{SMALL}*\s*(?:{CAPITAL}|{SMALL}))"
    # `… David Zelený (člen) Nepřítomní členové výboru: …`: a label with its body in a one-line transcript
    # (`Přítomni poslanci: …`, `Omluveni poslanci: …`, `Nepřítomen: …`: who they are after the label)
    # (`Přítomní členové MZ: …`, `Omluvení členové ZO: …`: the body's acronym after the members)
    # (`Přítomní za ÚMČ: …`: whom they are there for after the label)
    r"|(?<=\S)\s+(?=(?:(?:Nep|P)řítomn[iío](?:\s+za\s+[^\s:]{1,12}|\s+(?:členové|zástupci|hosté|poslanci|senátoři|zastupitelé)(?:\s+"
    + SMALL
    # (`Přítomni členové Rady: …`: the body's own name, capitalised, in the genitive)
    + rf"+){{0,2}}(?:\s+{CAPITAL}{{2,4}}|\s+{CAPITAL}{SMALL}{{2,}})?)?|Omluven[iyía]?(?:\s+(?:členové|poslanci|senátoři|zastupitelé)(?:\s+{CAPITAL}{{2,4}})?)?|"
    r"Nepřítomn[iíy]|Nepřítomen|"
    r"Neomluven[iyí]|Hosté|Zapsal[a]?|"
    r"Zapisovatel(?:ka)?|Předsedající|Místo(?: konání| jednání)?|Čas(?: konání| jednání)?|Časové rozvržení|"
    r"Termín konání|Datum(?: a (?:hodina|čas))?(?: konání| jednání)?|Úkol(?:\s+č\.\s*\d+(?:/\d+)?)?|Příští (?:jednání|setkání)|"
    # `… Místo konání: klubovna Prezenční listina: ♦ …`, `… MUDr. Koblása, Program jednání: 1. …`
    r"Prezenční listina|Účast|Program(?: jednání| schůze| zasedání)?|"
    # a Prague commission's form run into one line: `… Komisi předsedal: Mgr. Vít Céza Zapisovatel: …
    # Členové komise, kteří byli přítomní: … Omluvení členové komise: … Pozdní příchody: …`
    r"Den a místo jednání(?: komise| výboru)?|(?:Komisi|Výboru|Jednání|Zasedání) předsedal[a]?|Zasedání bylo|"
    r"Ověřovatel(?:é|ka)?(?: zápisu| průběhu zasedání(?: komise| výboru)?)?|"
    # `… Nepřítomni: Tajemnice: Mgr. Jindřiška Smejkalová Přizváni: Mgr. Martina Berdychová, …`: the
    # invited, and the secretary's label that ends the list before it
    r"Přizván[iíy]|Tajemní(?:k|ce)(?: výboru| komise)?|"
    r"Členové (?:komise|výboru)(?:, kteří byli přítomn[íi])?|Omluvení členové(?: komise| výboru)?|Pozdní příchody|"
    # `… 12 členů. Předem se řádně omluvil: Ing. Milan Horňáček, …`, `… (17.24 hod.) Přišli později : …`,
    # `Stálý host: …`
    r"(?:Předem|Včas) se (?:řádně )?omluvil[aiy]?|Přišl[iay] později|Přišel později|Stál[ýí] host[éi]?|"
    # `… Miroslav Lamač Zaměstnanci OÚ: Ing. A. Schebestová …`, `… Pracovníci MěÚ: …`: the office's staff;
    # `… Návrhová komise: E. Bartečková, …`: the drafting committee (a post, no attendance)
    rf"{_STAFF}|"
    r"Návrhová komise)\s*:)"
    # `ze dne 25. února 2003 v PrazePřítomní členové: …`, `Zasedání řídil: MUDr. Jan JařabProgram:`: a
    # label glued to the lower-case end of the line before it, with no space (a lost line break)
    # (`… místnost č. 259).Přítomní členové Rady:MUDr. …`, `… menšiny).Přítomní hosté:BcA. …`: after a
    # sentence's full stop or a bracket too, the members of a body or the guests)
    rf"|(?:(?<={SMALL})|(?<=[.)]))(?=(?:Přítomn[iíé](?:\s+(?:členové|hosté)(?:\s+{CAPITAL}{SMALL}{{2,}})?)?|"
    r"Omluven[iíy]|Nepřítomn[iíy](?:\s+členové)?|Hosté|Program)\s*:)"
    # `: ♦ Radek Pupák, předseda ♦ Michal Sivák, …`: a list flattened with its bullets, one item a line
    r"|(?<=\S)\s+(?=[♦❖]\s+[^\s♦❖])"
    # `1 MÍR, stavební bytové družstvo, Brno, … v Brně ZÁPIS ze shromáždění delegátů …`: a title in capitals
    # after a letterhead in a transcript's one paragraph (a sentence writes `zápis` in lower case)
    rf"|(?<=\S)\s+(?=ZÁPIS\s+(?:z|ze)\s+{SMALL})"
)


# Letter-spaced headings of exported PDFs: `Z á p i s`, `P O S L A N E C K Á` (four letters
# or more, each alone; running text never has four one-letter words in a row).
_SPACED_TITLE = re.compile(r"(?<!\S)Z ([áÁ]) ([pzPZ]) ([iInN]) ([sSaA]) ?([mM]?)(?=[\s.])")
# (`P r o g r a m :`: a space before the label's colon too)
_SPACED = re.compile(r"(?<!\S)(?:[^\W\d_] ){4,}[^\W\d_](?=\s\S\S|\s?[.,:;]|\s*$)")
# The attendance labels a line may begin with when their colon is lost.
_BARE_ATTENDANCE = r"(?:Přítomn[iío]|Omluven[iyía]?|Nepřítomn[iíy]|Host(?:é|ka|ky)?)"
# `Přítomni. O. Nová, …`: an attendance label with a full stop for its colon.
_STOP_LABEL = re.compile(rf"^(\s*{_BARE_ATTENDANCE})\.\s+(?={CAPITAL})")


# `Přítomni JUDr. Monika Krobová Hášová – předsedkyně komise, Radek Čermák, …`, `Hosté  radní  ing. Jiří
# Nouza`: a Word form's label cell flattened without its colon, the names after it (a title, or a
# whole name and a comma or dash, or the line's end: `Omluven Karel Novák`; surnames alone) or after
# the wide gap of the cell border. `Host Mgr. Daniel Vrána`: one guest's label too.
_BARE_LABEL = re.compile(
    rf"^(\s*{_BARE_ATTENDANCE})(?:\s{{2,}}(?=\S)|\s+(?="
    rf"(?:(?:Mgr|MgA|Bc|BcA|Ing|PhDr|MUDr|JUDr|RNDr|PaedDr|MVDr|doc|prof|ing)\.\s*)+{CAPITAL}{SMALL}+\s+{CAPITAL}"
    # (or a courtesy word before a capitalised name: `Přítomni pp. Jan Dub, …`, `Hosté pí Malá`, `Omluven p. Kos`)
    rf"|(?:pp|p|pí|pan|paní)\.?\s+{CAPITAL}{SMALL}+(?:\s+{CAPITAL}{SMALL}+)?\s*(?:,|\s[-–—]\s|$|\s+(?:ml|st)\.))"
    # (`Hostka`, `Hostky` are surnames too: `Hostka Martin` is a person of a list, so before a bare name
    # they are no label; only before a title, across a cell's gap, or with their colon)
    rf"|(?<!Hostka)(?<!Hostky)\s+(?="
    rf"{CAPITAL}{SMALL}+\s+{CAPITAL}{SMALL}+(?:\s+{CAPITAL}{SMALL}+)?\s*(?:,|\s[-–—]\s|$)"
    # (surnames alone: `Přítomni Muchna, Vavřička, Senft`, `Hosté Plšková` — a list, or one to the end)
    rf"|{CAPITAL}{SMALL}+(?:\s*,\s*{CAPITAL}{SMALL}+)+\s*(?:,|$)|{CAPITAL}{SMALL}+\s*$"
    # (a surname and its initial, as a roll writes them: `Přítomni Novák J., Malá E.`)
    rf"|{CAPITAL}{SMALL}+\s+{CAPITAL}\.(?:\s?{CAPITAL}\.)?\s*(?:,|$)))"
)
# `Přítomni (výbor není usnášeníschopný)`, `Hosté (dle prezenční listiny)`: the label without its colon
# and a note in brackets, alone on its line; the people are on the lines under it.
_BARE_LABEL_NOTE = re.compile(rf"^(\s*{_BARE_ATTENDANCE}\s*\([^()]{{1,36}}\))\s*$")


# `Zapsala Eva Malá`, `Ověřil Ing. Jan Dub`, `Předsedající Jan Novák`, `Čas 16:00`: a header label of a
# role or of the hour without its colon, before one whole name (a title, or two or three capitalised words)
# or an hour; read as the label it is, so that it also ends a list of people above it instead of joining it.
# In the head (before the first item of the agenda) the name may go on after a comma or a dash and the
# hour after anything; below it only the name alone or the hour with its `hod.` or range to the line's
# end is a label (`Předsedající Jiří Horák, který se omluvil, navrhl …`, `Čas 16:00 nevyhovuje, …`).
_BARE_ROLE = (
    r"(\s*(?:Zapsal[a]?|Zapisovatel(?:ka)?|Ověřil[a]?|Ověřovatel(?:é|ka)?|Předsedající|(?:Jednání\s+)?[ŘR]ídil[a]?|"
    r"Moderátor(?:ka)?|Moderoval[a]?))[ \t]+"
)
_BARE_TITLES = r"(?:(?:Mgr|MgA|Bc|BcA|Ing|PhDr|MUDr|JUDr|RNDr|PaedDr|MVDr|doc|prof|ing)\.\s*)+"
_BARE_NAME = rf"{CAPITAL}{SMALL}+\s+{CAPITAL}{SMALL}+(?:\s+{CAPITAL}{SMALL}+)?"
_BARE_HOUR = (
    r"(\s*(?:Čas|Čas\s+(?:konání|jednání|zahájení)|Začátek(?:\s+jednání)?))[ \t]+(?=\d{1,2}[:.]\d{2}(?!\.\d)"
)
_HOUR_ENDS = r"\s*(?:hod(?:in)?\.?|h\.?)?\s*(?:$|[-–—]\s*\d|do\s+\d"
_BARE_HEADER = re.compile(
    rf"^{_BARE_ROLE}(?={_BARE_TITLES}{CAPITAL}{SMALL}+\s+{CAPITAL}|{_BARE_NAME}\s*(?:,|\s[-–—]\s|$))"
    # (in the head also before another label or a comma: `Začátek 15:30, konec 17:00`, `Čas 16:00 Místo: …`)
    rf"|^{_BARE_HOUR}{_HOUR_ENDS}|[,;]|\s+{CAPITAL}))"
)
_BARE_HEADER_ALONE = re.compile(
    rf"^{_BARE_ROLE}(?=(?:{_BARE_TITLES})?{_BARE_NAME}(?:,?\s+(?:Ph\.D|DiS|CSc|MBA)\.?)?\s*$)"
    rf"|^{_BARE_HOUR}{_HOUR_ENDS}))"
)


# `Číslo zasedání: Místo konání: Datum konání: Přítomni: Omluveni: Hosté: Předsedající: …` then the
# values in the same order: a form's labels all first in a one-line transcript, four or more with
# nothing between them. No value can be told to its label, so none is read as one.
_LABEL_RUN = re.compile(rf"(?:(?<=\s)|^)(?:{CAPITAL}{SMALL}+(?:\s+{SMALL}+)?\s*:\s+){{4,}}")


# A line of nothing but a label (`Ověřovatelé:`).
_ALONE_LABEL = re.compile(rf"^\s*{CAPITAL}{SMALL}+(?:\s+{SMALL}+)?\s*:\s*$")
_ONE_LABEL = re.compile(rf"{CAPITAL}{SMALL}+(?:\s+{SMALL}+)?\s*:")


def _split_label_run(line: str) -> list[str]:
    """The line cut before and after such a run, each label of it alone on a line of its own (a
    label with nothing after it), the values after them on the next line."""
    match = _LABEL_RUN.search(line)
    if match is None:
        return [line]
    labels = [m[0] for m in _ONE_LABEL.finditer(match[0])]
    return [line[: match.start()], *labels, *_split_label_run(line[match.end() :])]


# `…07-RNRZ á z n a mz jednání Rady …`: a letter-spaced title glued on both sides by a text layer that
# lost its line breaks (the letter-spaced word is the title's; running text never spells it so).
_GLUED_SPACED_TITLE = re.compile(r"(?<=\S)Z ([áÁ]) ([pzPZ]) ([iInN]) ([sSaA]) ?([mM]?)(?=(?:z|ze)\s)")


def _unglue(lines: list[str]) -> list[str]:
    """Lines split where a web page glued a title or attendance labels to other text; letter-
    spaced words joined; `Přítomni.` read as `Přítomni:`."""
    out: list[str] = []
    lines = [
        part
        for whole in lines
        for part in _GLUED_SPACED_TITLE.sub(lambda m: "\nZ" + "".join(m.groups()) + " ", whole).split("\n")
    ]
    head = True
    listing = False  # right under an attendance label alone on its line, in its numbered list of names
    for line in (part for whole in lines for part in _split_label_run(whole)):
        numbered = AGENDA_HEADING.match(line)
        # `Přítomni:` / `1. Jan Malý` / `2. Eva Nová`: a numbered list of people is no item of the agenda
        if _LIST_LABEL_ALONE.match(line):
            listing = True
        elif (person := _NUMBERED_LINE.match(line)) is not None:  # (`1. Mgr. Jan Malý`: no agenda item)
            listing = listing and _numbered_person(person["title"])
        elif line.strip():
            listing = False
        head = head and (not numbered or listing)
        line = _SPACED_TITLE.sub(lambda m: "Z" + "".join(m.groups()), line)  # `Z á p i s z …`
        line = _SPACED.sub(lambda m: m[0].replace(" ", ""), line)
        line = _STOP_LABEL.sub(r"\1: ", line)
        line = _BARE_LABEL.sub(r"\1: ", line)
        line = _BARE_LABEL_NOTE.sub(r"\1:", line)
        line = (_BARE_HEADER if head else _BARE_HEADER_ALONE).sub(lambda m: f"{m[1] or m[2]}: ", line)
        line = _WIDE_BULLET.sub(r"\1 ", line)
        if len(line) > 200 and len(_FLAT_ITEM.findall(line)) >= 5:
            # `- Uvítání - Volba předsedy - zapisovatelka: Mgr. Eva Malá - …`: a list flattened into
            # one paragraph by a web page; each item on its line again
            out.extend(part for item in _FLAT_ITEM.split(line) for part in _GLUED.split(item))
            continue
        out.extend(_GLUED.split(line) if _GLUED.search(line) else [line])
    # `♦ ♦ ♦ ♦`: a row of bullets whose items the page lost is no line of text
    return ["" if _BULLETS_ONLY.fullmatch(line) else line for line in out]


# An attendance label alone on its line (`Přítomni:`, `Přítomní členové komise:`), its people listed under it.
_NUMBERED_LINE = re.compile(r"^\s*\d{1,2}\s*[.)]\s+(?P<title>\S.*)$")
_LIST_LABEL_ALONE = rx(r"^\s*(?:přítomn|omluven|nepřítomn|hosté|členové)\w*\b[^:]{0,40}:\s*$")


def _numbered_person(title: str) -> bool:
    """True for a numbered line's text that is one whole name (`Jan Malý`, `Mgr. Eva Nová`), not the
    title of an item of the agenda (`Zahájení`, `Různé`)."""
    name = parse_person(title.strip())
    return name is not None and " " in strip_titles(name) and looks_like_name(name)


# `-         Ing. Jana Nová – …`: Word's tab after a bullet, flattened to spaces, is no column.
_WIDE_BULLET = re.compile(r"^(\s*[-–—•·▪])\s{2,}(?=\S)")
_BULLETS_ONLY = re.compile(r"\s*(?:[♦❖•]\s*){2,}")


_FLAT_ITEM = re.compile(r"\s+-\s+(?=\S)")


_HYPHENATED = re.compile(rf"(?<={SMALL}{{2}})-\n(?={SMALL}{{2}})")
# `…, Rostislav Cakl, Martin` / (blank) / `Vetchý, Jan Prokš, …`: a page broke a list of names into
# paragraphs inside one person; a common first name ends the line after a comma, a surname opens the
# next paragraph (across a blank line: `Kovář, Dvořák, Marek` / `Svoboda, Novotná` are five surnames),
# and the entry before it is a full name too (see `_joined_name`).
_NAME_BROKEN = re.compile(
    rf"(?<=,\s)(?P<first>{CAPITAL}{SMALL}+)[ \t]*\n(?:[ \t]*\n){{1,2}}[ \t]*"
    rf"(?P<surname>{CAPITAL}{SMALL}+)(?=[ \t]*(?:,|\n|$))"
)
# `… dne 8.12.2008 v Hradci KrálovéI. Zahájení a seznámení s programem`: a page glued the first
# Roman-numbered item to the line before it; it opens a line of its own.
_GLUED_ROMAN_ITEM = re.compile(rf"(?<={SMALL}{{3}})(?=(?:I{{1,3}}|IV|VI{{0,3}}|IX|X)\.\s+{CAPITAL}{SMALL})")
# `Zápis ze` / `schůze bytového družstva` / `konané dne 3.6.2004 …`: a page that breaks its lines at a
# fixed width broke the title after its preposition; the title is one line again (the word after
# names the meeting, in lower case)
_TITLE_BROKEN = re.compile(
    r"^([ \t]*Z[áa]pis[ \t]+ze?)[ \t]*\n[ \t]*(?=(?:jednání|setkání|schůze|schůzky|zasedání|porady)\b)",
    re.MULTILINE,
)
# `od 16.oo`, `v 9:oo hod.`: the minutes of an hour typed with the letter o
_LETTER_ZEROS = re.compile(r"(?<=\b\d[.:])oo\b|(?<=\b\d\d[.:])oo\b")


def _joined_name(match: re.Match[str]) -> str:
    first, surname = match["first"], match["surname"]
    # the entry before, in the same line: a list of surnames alone breaks no first name from its surname
    before = match.string[: match.start()].rsplit("\n", 1)[-1].rstrip(", ").rsplit(",", 1)[-1].split()
    if len(before) >= 2 and fold(first) in FIRST_NAMES and fold(surname) not in FIRST_NAMES:
        return f"{first} {surname}"
    return match[0]


class _Reader:
    """The document's lines, plain forms, and which of them are labels."""

    def __init__(self, body: str) -> None:
        # `Mgr. Dana Mach-` / `ková`: a word a PDF hyphenated across two lines, joined
        body = _HYPHENATED.sub("", body)
        body = lost_letters_restored(body)  # `P ítomni:` -> `Přítomni:`
        body = _LETTER_ZEROS.sub("00", _NAME_BROKEN.sub(_joined_name, body))
        body = _GLUED_ROMAN_ITEM.sub("\n", body)
        body = _TITLE_BROKEN.sub(r"\1 ", body)
        self.lines = _unfold_header_tables(_unglue(body.split("\n")))
        self.plains = [plain(line) for line in self.lines]
        self.labels = _label_lines(self.plains)

    def value(self, index: int, inline: str) -> tuple[str, int]:
        """A label's value: inline, or the next non-blank line that is not a label."""
        if inline:
            return inline, index
        for j in range(index + 1, min(len(self.plains), index + 6)):
            if not self.plains[j]:
                continue
            if self.labels[j] or _ALONE_LABEL.match(self.plains[j]):
                return "", index  # `Předsedající:` over `Ověřovatelé:`: another label is no value
            return self.plains[j], j
        return "", index

    def first(self, pattern: re.Pattern[str]) -> tuple[str, int] | None:
        for index, line in enumerate(self.plains):
            inline = label_value(pattern, line)
            if inline is not None:
                value, at = self.value(index, inline)
                if value:
                    return value, at
        return None


# --- date, time, place -------------------------------------------------------------------------


# `Setkání OLK v Nirváně dne 9.12. 2013`, `Schůze výboru konaná dne …`: the first line names a meeting
# and gives its day after `dne` (no `Zápis`, no label): the heading of the meeting's record.
_MEETING_HEADING_FIRST = rx(
    r"^(?:setkání|zasedání|schůze|schůzka|jednání|porada)\s+(?!(?:se|bylo|byla|byl|proběhl\w*|konal\w*)\b)"
    r"[^.:;]{1,80}?\bdne\s+\d{1,2}\s*\.\s*\d{1,2}\s*\.\s*\d{4}"
)


def _meeting_heading_first(reader: _Reader) -> bool:
    """True when the first line of text is such a heading (see `_MEETING_HEADING_FIRST`)."""
    first = next((p for p in reader.plains if p), "")
    return _MEETING_HEADING_FIRST.match(first) is not None


def _dated(hits: list[DateHit]) -> DateHit | None:
    return next((h for h in hits if h.year is not None), None)


def _when(result: Imported, reader: _Reader) -> None:
    """Fill in the meeting's date, time and place: labels first, then the title or opening
    sentence, then a date alone near the top."""
    found = reader.first(DATE_LABEL)
    title_place: str | None = None
    if found is not None:
        value = found[0]
        label_line = reader.plains[found[1]] if found[1] < len(reader.plains) else ""
        hit = _dated(find_dates(value))
        if hit is not None:
            result.date = hit.date()
            if (timing := find_time(value)) is not None:
                result.time = timing.value
            if re.search(r"(?i)m[íi]sto", label_line[: label_line.find(":") + 1] or label_line):
                result.place = leftover(value) or None
            elif (after := _PLACE_AFTER_DATE.match(value[hit.end :])) is not None:
                # `Dne: 10.9.2010, kancelář ředitele, Husova 5, Jeseník`: a place after the day.
                result.place = leftover(after["place"]) or None
                if result.place:
                    result.guesses["place"] = _("after the meeting's date (no Místo label)")
            elif (within := _PLACE_WITH_TIME.match(value[hit.end :])) is not None:
                # `Konání: 10. února 2010 v hovorně AG v 16.00 hod.`, `… v 17:30 v knihovně AG`
                result.place = squash(within["place"]).strip(" ,;.")
                result.guesses["place"] = _("after the meeting's date (no Místo label)")
        elif (
            re.search(r"(?i)hodin|čas", label_line[: label_line.find(":") + 1])
            and (timing := find_time(value)) is not None
            and not find_dates(value)
        ):
            # `Datum a hodina konání: od 9.00 hod. v sídle KÚPK`: the day lost, the time and place kept
            result.time = timing.value
            if (within := _PLACE_WITH_TIME.match(value)) is not None:
                result.place = squash(within["place"]).strip(" ,;.")
                result.guesses["place"] = _("after the meeting's time (no Místo label)")
    signs = bool(_MINUTES_SIGNS.search("\n".join(reader.plains[:40]))) or _agenda_and_held(reader)
    if result.date is None and (signs or _meeting_heading_first(reader)):
        title_place = _date_from_title(result, reader)
    if result.date is None and signs:
        title_place = _date_from_header(result, reader) or title_place
    if result.date is None and signs:
        _date_after_weekday(result, reader)
    if result.date is None:
        _date_from_dated_heading(result, reader)
    if (
        (result.date is None or result.place is None)
        and (header := place_and_day_under_title(reader.plains, _is_title)) is not None
        and result.date in (None, header[0])
    ):
        # `Zápis z 1. členské schůze` / `Bezděkov u Police nad Metují dne 1. července 2000, 15:00 hodin`
        result.date, hour, named = header
        result.time = result.time or hour
        if result.place is None:
            result.place = named
            result.guesses["place"] = _(
                "before the meeting's date on the line under the title (no Místo label)"
            )
    if result.date is not None and (result.time is None or result.place is None):
        _day_line(result, reader)
    if result.date is not None and result.time is None:
        _hours_under_day(result, reader)
    held_time, held_place = _held_sentence(reader)
    if held_place is None:
        held_place = _place_before_verb(reader)
    _labelled_time(result, reader, held_time)
    _place(result, reader, title_place or held_place)
    if result.place is None and (when := reader.first(TIME_LABEL)) is not None and find_time(when[0]):
        # `Čas: 15:00 – 16:00, Microsoft Teams`: the place after the time
        named = leftover(when[0]).strip(" ,;")
        if re.search(r"[^\W\d_]{3}", named) and not _HOURS_ONLY.match(named):
            result.place = named
            result.guesses["place"] = _("after the meeting's time (no Místo label)")
    # `Místo: Poradna Nová Šance, Pelhřimov, od 16:00 do 17:30`: a time in the place's value
    where = reader.first(PLACE_LABEL) if result.time is None else None
    if where is not None and (timing := find_time(without_dates(where[0]))) is not None:
        result.time = timing.value


# A line of nothing but the hours: `od 17:00 hod. do 19:00 hod.`, `9:00 – 11:30`.
_HOURS_LINE = rx(
    r"^(?:od\s+)?\d{1,2}[:.]\d{2}\s*(?:hod(?:in)?\.?|h\.?)?\s*(?:do|[-–])\s*\d{1,2}[:.]\d{2}\s*(?:hod(?:in)?\.?|h\.?)?\s*$"
)


def _hours_under_day(result: Imported, reader: _Reader) -> None:
    """The hours on the line right under a line of the head that holds only the meeting's day
    (`Datum` / `17. 12. 2013` / `od 17:00 hod. do 19:00 hod.`, a form flattened to lines)."""
    lines = [p for p in reader.plains if p][:20]
    for index, line in enumerate(lines[:-1]):
        hits = find_dates(line)
        if len(hits) != 1 or hits[0].date() != result.date or leftover(line).strip(" ,.;:"):
            continue
        if _HOURS_LINE.match(lines[index + 1]) and (timing := find_time(lines[index + 1])) is not None:
            result.time = timing.value
        return


# What may stand before the meeting's day repeated on a line of the head: a label, a weekday, `dne`
# (`čtvrtek 7. října 2010, 9 - 12 hodin, …`, `Termín: 19. 11. 2009 od 10,00 hod`).
_DAY_LINE_LEAD = rx(
    r"^(?:[^\W\d_]{3,12}\s*:\s*)?(?:(?:v|ve)\s+)?(?:(?:"
    + "|".join(f"{day}|{accusative}" for day, accusative in WEEKDAYS)
    + r")\s*,?\s*)?(?:dne\s+)?$"
)
_AFTER_HOURS = rx(r"^\s*(?:hod(?:in[ay]?)?\.?|h\.?)?\s*(?P<comma>[.,;]\s*)*")
# The day of a title's sentence or of a record's run-on paragraph: `z jednání stavební komise, konané
# dne 10. 6. 2019, od 18 hodin, velká zasedací místnost radnice.`, `z jednání Rady … (dále jen „Rada“) dne
# 15. května 2003 od 10:00 hodin, Hrzánský palác (Loretánská 9, …) Přítomni členové Rady: …` — `dne` after
# `konané` or after the meeting's noun of the same sentence.
_TITLE_DAY_LEAD = rx(r"(?:\bkonan\w+\s+|\b(?:jednání|zasedání|schůze|setkání)\b[^.:;]{0,120}?\s)dne\s+$")
# Where a place after a comma in such a line ends: the sentence's full stop, the next label (`Přítomni
# členové Rady:`), a bracket closed before a label.
_TITLE_PLACE_END = re.compile(
    rf"(?<=[^\W\d_]{{3}})\.(?:\s|$).*$|\s+{CAPITAL}{SMALL}+(?:\s+[^\W\d_]+){{0,3}}\s*:.*$", re.DOTALL
)

# A finite verb: a past participle (`předsedal`, `byla`, `seznámil`), a form of `být` or `mít`.
_FINITE_VERB = rx(r"\b(?:je|jsou|byl[aoiy]?|měl[aoiy]?|bude|budou|má|mají|[^\W\d_]{2,}[aiyě]l[aoiy]?)\b")


def _names_a_place(value: str) -> bool:
    """True when the words after the comma of a title's sentence name a place: a word of a place among
    their first three (`velká zasedací místnost radnice`, `Hrzánský palác (…)`) and no finite verb
    (`předsedal Jan Novák, přítomen byl zástupce městského úřadu`, `Sál … byl zapůjčen zdarma`)."""
    opening = " ".join(re.sub(r"\d", "", value).split()[:3])
    return bool(_PLACE_WORD.search(opening)) and not _FINITE_VERB.search(value)


def _day_line(result: Imported, reader: _Reader) -> None:
    """The hours and the place on a line of the head that repeats the meeting's day under the
    title: `čtvrtek 7. října 2010, 9 - 12 hodin, jednací místnost MěÚ Frýdlant`, `10. května 2012
    od 13 hodin v budově radnice`; only a line that opens with the day (after a weekday or a label)
    and names the hours right after it."""
    for whole in [p for p in reader.plains if p][:15]:
        hits = find_dates(whole)
        titled = bool(hits) and _TITLE_DAY_LEAD.search(whole[: hits[0].start]) is not None
        # a title's sentence or a record's run-on paragraph: only its first 300 characters after the day
        line = whole[: hits[0].end + 300] if titled else whole
        hits = find_dates(line)
        if len(hits) != 1 or hits[0].date() != result.date or (len(line) > 140 and not titled):
            continue
        if not (titled or _DAY_LINE_LEAD.match(line[: hits[0].start])) or NEXT.search(line):
            continue
        if _WRITING.search(line[hits[0].start :] if titled else line):
            continue
        if _CMS_TIMESTAMP.match(line.strip()):
            continue  # `07.10.2010 10:12`: when a web page published it
        rest = line[hits[0].end :]
        timing = find_time(rest)
        if timing is None or timing.start > 6:
            continue
        if result.time is None:
            result.time = timing.value
        if result.place is not None:
            return
        after = rest[timing.end :]
        lead = _AFTER_HOURS.match(after)
        tail = after[lead.end() if lead else 0 :].strip(" ,;.")
        if (place := _PLACE_AFTER.match(" " + tail)) is not None:
            named = squash(_PLACE_END.sub("", place["place"])).strip(" ,;.")
            if titled and not _PLACE_NOUN.match(named):
                return  # `… od 17 hodin v rámci projektu …`: in a sentence, `v` must open a place
        elif lead is not None and lead["comma"] and re.match(rf"(?-i:{CAPITAL}|{SMALL}{{3}})", tail):
            named = squash(tail)  # `…, 9 - 12 hodin, jednací místnost MěÚ Frýdlant`: after a comma
            if titled:  # in a sentence: up to its end or the next label, and a word of a place (not a number)
                named = squash(_TITLE_PLACE_END.sub("", named)).strip(" ,;.")
                if not _names_a_place(named):
                    return
        else:
            return
        if titled:  # (`Download "… konaného dne …, v sále KD"`: a quoted title's closing quote)
            named = (
                named.strip('"“”„ ') if named.count('"') + named.count("“") + named.count("”") == 1 else named
            )
        if named and len(named) <= 90 and ":" not in named and re.search(r"[^\W\d_]{3}", named):
            result.place = named
            result.guesses["place"] = _("from the line with the meeting's day and hour under the title")
        return


# `Sešli jsme se v klubovně … ve 14 hodin.`: the place first, then the time.
_WE_MET = rx(r"\bsešli\s+jsme\s+se\s+(?P<rest>(?:v|ve|na)\s+.+)$")


def _we_met(line: str) -> tuple[str | None, str | None]:
    """The time and place of `Sešli jsme se v klubovně Senior centra ve 14 hodin.` (None each
    when not said)."""
    match = _WE_MET.search(line)
    if match is None:
        return None, None
    sentence = _END_OF_SENTENCE.split(match["rest"])[0]
    timing = find_time(sentence)
    if timing is None:
        return None, None
    place = re.sub(r"(?i)\s+(?:od|v|ve|o)\s*$", "", sentence[: timing.start]).strip(" ,;.")
    return timing.value, (place if _PLACE_NOUN.match(place) else None)


# The place right after `konané`/`konalo se`, up to the day, a time or the end of the sentence.
_PLACE_HELD = rx(
    # `proběhla na začátku února`, `v průběhu roku`: a time, not a place
    # `proběhlo na zasedání pléna KS MAS`: at another meeting, not a place
    r"^\s+(?P<place>(?:v|ve|na)\s+(?!\d|(?:začátk|konc|počát|průběh|přelom|zasedání|jednání|schůz|setkání|porad)\w*\b|(?:"
    + "|".join(accusative for _, accusative in WEEKDAYS)
    # `č. 349`, `hl. m. Prahy`: a number after `č.` and the full stops of short abbreviations stay in it
    + r")\b)(?:[^.;\d]|(?<=\bč)\.\s*\d+|(?<=\b"
    + SMALL
    + r")\.(?=\s)|(?<=\b"
    + SMALL
    + SMALL
    + r")\.(?=\s))+?)\s*(?=,?\s*(?:dne\b|od\s+\d|v\s+\d|\d)|(?<!\b"
    + SMALL
    + r")(?<!\b"
    + SMALL
    + SMALL
    + r")[.;](?:\s|$)|$)"
)


# `Dne 13. prosince 2012 se v hotelu Chvalská tvrz konalo … zasedání …`: the day first, then the
# place between `se` and the verb.
_PLACE_BEFORE_VERB = rx(
    r"(?:^|[.]\s+)dne\s+\d{1,2}\.\s*(?:\d{1,2}\.|[^\W\d_]+)\s*\d{4}\s+se\s+"
    rf"(?P<place>(?:v|ve|na)\s+(?-i:{SMALL}){{3,}}[^.;,:\d]{{2,70}}?)\s+"
    r"(?:konal[oa]?|konaly|uskutečnil[oa]?|uskutečnily|proběhl[oa]?|proběhly|sešl[aiy]|sešel)\b"
)


def _place_before_verb(reader: _Reader) -> str | None:
    """The place of `Dne 13. prosince 2012 se v hotelu Chvalská tvrz konalo 14. zasedání …` in
    the first lines, unless the sentence is about the next meeting."""
    for line in [p for p in reader.plains if p][:12]:
        if NEXT.search(line) or (match := _PLACE_BEFORE_VERB.search(line)) is None:
            continue
        return squash(match["place"])
    return None


# A line that is a place alone: `v zasedací místnosti RMČ Praha 5, Štefánikova 13`.
_PLACE_ON_ITS_LINE = re.compile(rf"^(?:v|ve|na)\s+{SMALL}{{3,}}\s+[^:]+$")


# `v klubovně Domova Pohoda, Lipová 12. Začátek …`: a street's name after a comma ends the place, and a
# number after it is its house number — not a day (no month after it) nor an hour (no `hod.`).
_STREET_END = re.compile(rf",\s+{CAPITAL}{SMALL}+(?:\s+{CAPITAL}?{SMALL}+)?$")
_HOUSE_NUMBER = re.compile(rf"^\s+\d{{1,4}}(?:/\d{{1,4}})?[a-z]?(?=[,;]|\.?\s*$|\.\s+{CAPITAL})")


def _held_sentence(reader: _Reader) -> tuple[str | None, str | None]:
    """The time and place of `Jednání proběhlo od 9:00 do 11:00 v klubovně.` (each None when
    not said), from the first such sentence that is not about the next meeting."""
    for index, line in enumerate(reader.plains):
        if not NEXT.search(line) and (met := _we_met(line))[0] is not None:
            return met
        if NEXT.search(line) or (match := _HELD.search(line) or _title_held(line)) is None:
            continue
        # (`konaného dne v 16,00 hodin v sále …`: a transcript lost the day after `dne`)
        rest = _DAY_LOST.sub(" ", line[match.end() :])
        lead = _DAY_BEFORE_PLACE.match(rest)
        day = next(iter(find_dates(rest)), None) if lead else None
        if day is not None and lead is not None and day.start <= max(8, lead.end()):
            rest = " " + rest[day.end :].lstrip(" ,")
            if (
                (second := _SECOND_DAY.match(rest)) is not None
                and (other := next(iter(find_dates(rest[second.end() :])), None)) is not None
                and other.start == 0
            ):
                rest = " " + rest[second.end() + other.end :].lstrip(" ,")
        timing = find_time(rest)
        where = _PLACE_HELD.match(rest)
        if where is not None and (timing is None or timing.start >= where.end("place")):
            # `Zápis z výborové schůze konané v klubovně …, dne 2. 1. 2019 od 19h.`: the place first,
            # then the day and the time of the same sentence, if any
            # (the full stops of a day between them end no sentence: `… v Olomouci dne 9.12. od 16:00`)
            same_sentence = timing is not None and not re.search(
                r"[.;](?:\s|$)", without_dates(rest[where.end() : timing.start])
            )
            place = where["place"]
            if _STREET_END.search(place) and (number := _HOUSE_NUMBER.match(rest[where.end("place") :])):
                place += number[0]  # `…, Lipová 12. Začátek jednání …`: the house number is the place's
            return (timing.value if timing and same_sentence else None), _named_place(place)
        if timing is None or timing.start > 40:
            continue
        place = _PLACE_AFTER.match(rest[timing.end :])
        if place is None and _AFTER_HOURS.fullmatch(rest[timing.end :]):
            # `… konaného dne 2. 6. 2010 od 17,00 hodin` / `v zasedací místnosti RMČ, Štefánikova 13`:
            # the title's sentence goes on on the next line with the place
            following = next((p for p in reader.plains[index + 1 : index + 2] if p), "").strip(" ,;.")
            if (
                len(following) <= 90
                and _PLACE_ON_ITS_LINE.match(following)
                and find_time(following) is None
                and not find_dates(following)
            ):
                return timing.value, squash(following)
        return timing.value, _named_place(place["place"]) if place else None
    return None, None


# What `v`/`ve`/`na` after a verb of meeting says when it names no place: the manner, the frame or who
# attended (`proběhlo v příjemné atmosféře`, `v souladu s jednacím řádem`, `v rámci projektu`, `v plném
# počtu`, `v zastoupení starosty`, `ve složení`).
_NO_PLACE = rx(
    r"^(?:v|ve|na)\s+(?:\w+\s+){0,2}?(?:atmosféř|duchu|soulad|rámci|počtu|zastoupení|složení|spoluprác|"
    r"souvislost|návaznost|závislost|znění|rozsahu|délce|pořadí|termínu|čase|režimu\s+(?!on-?line))"
)
# A clause that goes on after the place (`v Domově Lhota, kde nás provedla ředitelka`), or the subject
# after it (`v knihovně koordinátorka Eva Malá`).
_AFTER_PLACE = rx(
    r",\s+(?:kde|který|která|které|jež|jenž|kam|odkud)\b.*$"
    r"|\s+(?:koordinátor(?:ka)?|předsed(?:a|kyně)|místopředsed(?:a|kyně)|starost(?:a|ka)|místostarost(?:a|ka)|"
    r"ředitel(?:ka)?|tajemník|tajemnice|manažer(?:ka)?)\s.*$"
)


def _named_place(text: str) -> str | None:
    """The place a sentence of the meeting names, tidied; None when it names no place (`_NO_PLACE`)."""
    place = squash(_AFTER_PLACE.sub("", _PLACE_END.sub("", text))).strip(" ,;.")
    return None if not place or _NO_PLACE.match(place) else place


def _labelled_time(result: Imported, reader: _Reader, held: str | None) -> None:
    """The time from `Čas:`/`Začátek:`/`Konec:` labels, from a sentence saying when the meeting
    was held, or from `Jednání zahájeno v 9:05` and `ukončeno v 10:40` in the text; a start and
    a later end make a range."""
    if result.time is None:
        start = reader.first(TIME_LABEL)
        first = find_time(start[0]) if start else None
        if start is not None and first is not None and "-" not in first.value:
            # `Časové rozvržení: 9:30 11:30`: two times with only a space between are a range.
            second = find_time(start[0][first.end :])
            if (
                second is not None
                and not start[0][first.end : first.end + second.start].strip()
                and "-" not in second.value
                and second.value > first.value
            ):
                first = TimeHit(f"{first.value}-{second.value}", first.start, second.end)
        result.time = (
            first.value if first is not None else held or _time_after(_STARTED, reader, opening=True)
        )
        if result.time is None and (opened := _time_before_start(reader)) is not None:
            result.time = opened
            result.guesses["time"] = _("from the minutes' narrative (when the meeting was opened)")
    if result.time is None or "-" in result.time:
        return
    end = reader.first(END_LABEL)
    if end is None:  # `Začátek: 10:00, konec: 12:00`: the end label on the start's line
        end = next(
            ((m["value"], n) for n, line in enumerate(reader.plains) if (m := _END_INLINE.search(line))), None
        )
    last = find_time(end[0]) if end else None
    finish = last.value if last is not None else _time_after(_ENDED, reader)
    if finish is not None and "-" not in finish and finish > result.time:
        result.time = f"{result.time}-{finish}"


_HOURS_ONLY = rx(r"^(?:hod(?:in[ay]?)?\.?|h\.?|od|do|až|[-–—\s.,])*$")
_END_INLINE = rx(
    r"^(?:začátek|zahájení|čas)(?:\s+\w+)?\s*:\s*\d{1,2}[:.]\d{2}[^:]{0,12}?[,;]?\s+"
    r"(?:konec|ukončení)(?:\s+[^\W\d]+)?\s*:?\s*(?P<value>\d{1,2}[:.]\d{2}.*)$"
)
# (`v 11:00h`, `v 11.00 hod.`, `v 11:00 h`: the hour's abbreviation glued on or not)
_TIME_BEFORE = re.compile(r"\b(?:v|ve|od)\s+(?P<h>\d{1,2})[:.](?P<m>\d{2})\s*(?:(?:hod(?:in)?|h)\.?\s*)?$")
# `Ve 14:00 hod. přítomné přivítal a jednání výboru zahájil místopředseda …`: the hour opens the sentence
# (at a line's start or after a full stop) and the meeting is opened later in the same sentence, its
# noun before the verb (the hour's abbreviation ends no sentence)
_HOUR_OPENS_SENTENCE = re.compile(
    r"(?:^|[.;]\s+)(?:V|Ve|v|ve)\s+(?P<h>\d{1,2})[:.](?P<m>\d{2})\s*(?:hod(?:in)?\.?|h\.?)?\s+"
    r"(?P<rest>[^.;]{0,120}?)\b(?:jednání|zasedání|schůzi|schůzku|setkání|poradu)\b[^.;]{0,60}?\bzahájil[a]?\b"
)


# What, between the hour opening a sentence and the meeting's opening, says the hour is another
# moment's: a comma (another clause), a later moment (`po příchodu členů`, `poté`), another event that
# took place (`proběhla prohlídka`) or a second hour.
_NOT_THE_OPENINGS_HOUR = rx(
    r",|\b(?:po|poté|následně|pak|později|potom)\b|\b(?:proběhl|konal|uskutečnil|začal|skončil)\w*|\d{1,2}[:.]\d{2}"
)
# The sentence's end after the verb (a second hour there is when it was opened: `… a jednání zahájil
# v 17:20`)
_REST_OF_SENTENCE = re.compile(r"[^.;]*(?:\.\d{2}[^.;]*)*")


def _second_hour_after(line: str, start: int) -> bool:
    """True when the sentence of `line` goes on from `start` to another hour (`… zahájil v 17:20.`)."""
    rest = _REST_OF_SENTENCE.match(line, start)
    return rest is not None and re.search(r"\d{1,2}[:.]\d{2}", rest[0]) is not None


# An item of the agenda heading the paragraph (`2. Den sociálních služeb`, `Ad 2)`): what is opened under
# an item other than the first is the item's event, not the meeting.
_ITEM_AT_START = rx(r"^\s*(?:ad\s*)?(?P<number>\d{1,2})\s*[.)]")


def _under_later_item(reader: _Reader, index: int) -> bool:
    """True when the nearest agenda item at or above line `index` in its paragraph (the lines up to a
    blank one) is numbered 2 or more."""
    for number in range(index, -1, -1):
        line = reader.plains[number]
        if not line.strip():
            return False
        if (item := _ITEM_AT_START.match(line)) is not None:
            return int(item["number"]) >= 2
    return False


def _time_before_start(reader: _Reader) -> str | None:
    """`… přivítala členy a v 11:00 zahájila jednání`: the time just before the meeting is
    opened, outside lines about the next meeting; None when there is none."""
    for index, line in enumerate(reader.plains):
        if NEXT.search(line):
            continue
        for match in _OPENED.finditer(line):
            before = _TIME_BEFORE.search(line[max(0, match.start() - 20) : match.start()].rstrip())
            if before is not None and int(before["h"]) < 24 and int(before["m"]) < 60:
                return f"{int(before['h']):02d}:{before['m']}"
        hour = _HOUR_OPENS_SENTENCE.search(line)
        if (
            hour is not None
            and not _ITEM_BEFORE.search(hour["rest"])
            and not _OTHER_EVENT.search(hour["rest"])
            and not _NOT_THE_OPENINGS_HOUR.search(hour["rest"])
            and not _second_hour_after(line, hour.end())
            and not _under_later_item(reader, index)
            and int(hour["h"]) < 24
            and int(hour["m"]) < 60
        ):
            return f"{int(hour['h']):02d}:{hour['m']}"
    return None


# `Projednávání bodu bylo ukončeno v 17:35`, `Diskuze zahájena v 17:32`: an agenda item or a
# debate began or ended, not the meeting; `Prezentace akcionářů byla zahájena ve 13.30 hod.`: nor does
# the registration of those who came (the meeting begins after it).
_ITEM_BEFORE = rx(
    r"\b(?:bod[ua]?|projednávání|diskus[ez]|diskuz[ea]|rozprava|hlasování|prezentace|prezence|registrace)\b"
    r"[^.;]{0,30}$"
)


# An event other than the meeting, opened or ended in the sentence: a tour, a training, a talk, a
# workshop (`Prohlídku zahájil ředitel domova v 11:00`, `Školení … zahájil vedoucí oddělení v 11:00`).
_OTHER_EVENT = rx(
    r"\b(?:prohlídk|školení|přednášk|workshop|seminář|exkurz|besed|kurz|výstav(?!b)|soutěž|turnaj|koncert|"
    r"vystoupení|promítání|mše|bohoslužb|slavnost|oslav|den\s+otevřených)\w*[^.;]{0,60}$"
)
# The meeting itself as the object of the verb, before it in its sentence (`Jednání zahájil …`)
_MEETING_BEFORE = rx(r"\b(?:jednání|zasedání|schůz\w*|setkání|porad\w*)\b[^.;]{0,60}$")


def _time_after(pattern: re.Pattern[str], reader: _Reader, *, opening: bool = False) -> str | None:
    """The first time written just after `pattern` (`zahájeno v 9.05 hod.`), outside lines
    about the next meeting and sentences about an agenda item or another event; None when there
    is none. An `opening` is none in the paragraph of a later agenda item (`Ad 2) …`)."""
    for index, line in enumerate(reader.plains):
        if NEXT.search(line) or (opening and _under_later_item(reader, index)):
            continue
        for match in pattern.finditer(line):
            before = line[max(0, match.start() - 60) : match.start()]
            if _ITEM_BEFORE.search(before) or _OTHER_EVENT.search(before):
                continue
            timing = find_time(line[match.end() :])
            if (
                timing is not None
                and "-" not in timing.value
                and _just_after(line[match.end() :], timing.start, before)
            ):
                return timing.value
    return None


# A post that names who leads (`starosta obce`, `předsedkyně výboru`): its stem.
_POST = r"(?:starost|místostarost|předsed|místopředsed|primátor|hejtman|ředitel|vedoucí|radní|koordinátor)"
# Between `zahájila` and the time: a person (`p. Mgr. Kratochvílová`), then `v`/`ve`/`od`.
# (`zahájil a řídil starosta obce Ing. Jaroslav KREML v 17:00`: whether they also led it, their post, a
# surname in capitals)
# (`zahájil starosta obce v 18:05 h.`: the post alone, with no name after it)
_NAME_THEN_AT = re.compile(
    r"^\s*(?:a\s+(?:řídil|vedl|moderoval)[a]?\s+)?"
    rf"(?:{_POST}\w*(?:\s+{SMALL}+){{0,2}}\s+)?"
    rf"(?:(?:p\.|pí|pan|paní)\s+)?(?:[A-Z][A-Za-z]{{0,5}}\.\s*)*(?:{CAPITAL}(?:{SMALL}+|{CAPITAL}{{2,}})\s+){{1,3}}"
    r"(?:v|ve|od)\s+$"
)
# (`zahájil starosta obce v 18:05 h.`: the post alone, with no name after it — only when the meeting is
# what was opened, named before the verb: a post opens tours and trainings too)
_POST_THEN_AT = re.compile(
    r"^\s*(?:a\s+(?:řídil|vedl|moderoval)[a]?\s+)?"
    rf"{_POST}\w*(?:\s+{SMALL}+){{0,2}}\s+"
    r"(?:v|ve|od)\s+$"
)


def _just_after(text: str, start: int, before: str = "") -> bool:
    """True when a time at `start` of `text` follows a verb closely: within a few words, or after
    the name of who did it (`zahájila p. Mgr. Kratochvílová v 16.00 hod.`), or after the post of who
    opened the meeting named in `before`, the sentence before the verb (`Zasedání zahájil starosta
    obce v 18:05 h.`)."""
    if start <= 12:
        return True
    if start > 60:
        return False
    head = text[:start]
    return bool(_NAME_THEN_AT.match(head)) or (
        bool(_POST_THEN_AT.match(head)) and _MEETING_BEFORE.search(before.rsplit(". ", 1)[-1]) is not None
    )


def _place(result: Imported, reader: _Reader, title_place: str | None) -> None:
    """The place: a `Místo:` label, a `Místo:` inside a flattened table row, or the place the
    title or opening sentence names."""
    if result.place is not None:
        return
    found_place = reader.first(PLACE_LABEL)
    if found_place is None:
        # `Datum: 12. 3. 2019 Čas: 13:00 Místo: MěÚ` (a table row flattened into one line)
        for number, line in enumerate(reader.plains):
            if (inline := _INLINE_PLACE.search(line)) is not None and not NEXT.search(line):
                found_place = (inline["value"], number)
                break
    if found_place is None and (bare := _place_without_colon(reader)) is not None:
        result.place = bare
        result.guesses["place"] = _("from a Místo label that lost its colon")
        return
    if found_place is not None:
        value = found_place[0]
        after = found_place[1] + 1
        continued = after < len(reader.plains) and bool(reader.plains[after]) and not reader.labels[after]
        if value.endswith(",") and continued:
            value = f"{value} {reader.plains[after]}"  # `Sychrova 16,` / `zasedací místnost`
        if find_dates(value) or find_time(without_dates(value)):
            value = leftover(value)
        if _LABEL_ONLY.match(value):
            value = ""  # `Místo konání: Předsedající: Přítomno:`: a table flattened, its values elsewhere
        if _PLACE_ELSEWHERE.match(squash(value).strip(" .,;")):
            value = ""  # `Místo: viz pozvánka`: the place is told elsewhere, not here
        result.place = squash(value).strip(" ,;") or None
    if result.place is None and title_place:
        result.place = title_place
    if result.place is None:
        result.place = _place_in_title(reader) or _place_at_head(reader) or _online(reader)
    if result.place is None and (opened_in := _place_after_opening(reader)) is not None:
        result.place = opened_in
        result.guesses["place"] = _("from the minutes' narrative (where the meeting was opened)")
    if result.place is not None:
        result.place = _without_closing_quote(result.place)


# `Místo konání Městský úřad Kolín`, `… v 9:30 h Místo MAS Vyhlídky, Mělník, Zasedací sál MěÚ, Nám. Míru 51
# Program …`: a form's place label whose colon a transcript lost, before a capitalised value. `Místo`
# alone also means "instead of" (`Místo předsedy řídil …`), so after it the value must name a place.
_BARE_PLACE_LABEL = re.compile(
    rf"(?:^|(?<=\s))(?:Místo|MÍSTO)(?P<long>\s+(?i:konání|jednání|setkání|schůzky|zasedání))?\s+"
    rf"(?P<value>(?:{CAPITAL}|\d).+)$"
)
_PLACE_WORD = rx(
    r"(?:úřad|ÚMČ|MěÚ|OÚ|MÚ|KÚ|sál|místnost|zasedac|budov|klubovn|sídl|radnic|kancelář|knihovn|palác|"
    r"\bnám\.|náměstí|\bul\.|ulice|čp\.|č\.\s?p\.|\b\d{1,4}\b)"
)
# Where such a value ends: the next label of the form, with or without its colon.
_AFTER_BARE_PLACE = re.compile(
    rf"\s+(?=(?:Program|PROGRAM|Usnesení|Hlasování|Ověřovatel\w*|Zapsal[a]?|Přítomn[iíoé]|Omluven[iíyaé]?|Hosté|Účast|Zahájení|Čas|Datum|Termín|"
    rf"Zapisovatel(?:ka)?|Předsedající|Řídil[a]?)(?!{SMALL})|{CAPITAL}{SMALL}+(?:\s+{SMALL}+){{0,3}}\s*:)"
)


def _place_without_colon(reader: _Reader) -> str | None:
    """The place after a `Místo` label without its colon (see `_BARE_PLACE_LABEL`), up to the next
    label; None when there is none or `Místo` alone is not followed by words of a place."""
    for line in reader.plains:
        if NEXT.search(line) or (match := _BARE_PLACE_LABEL.search(line)) is None:
            continue
        value = _AFTER_BARE_PLACE.split(match["value"], maxsplit=1)[0]
        value = squash(value).strip(" ,;.")
        if not value or len(value) > 120 or (not match["long"] and not _PLACE_WORD.search(value)):
            continue
        if find_dates(value) or find_time(without_dates(value)):
            continue
        return value
    return None


def _without_closing_quote(place: str) -> str:
    """`V MĚSTSKÉ HALE ROHÁČ"` (read from a document site's `Download "Zápis … V MĚSTSKÉ HALE ROHÁČ"`):
    a quotation mark that closes what the place did not open, and the full stop before it, are the
    line's, not the place's."""
    stripped = place.rstrip()
    if stripped.endswith(('"', "“")) and stripped.count('"') + stripped.count("„") + stripped.count("“") == 1:
        return stripped[:-1].rstrip(" .,;") or place
    return place


# How a place named in a sentence begins (`v klubovně`, `v zasedací místnosti`, `v sídle`, `v Domě
# dětí`), unlike other phrases with `v` (`v souladu s programem`, `v plném počtu`).
_PLACE_NOUN = rx(
    r"^(?:v|ve|na)\s+(?:(?:malé|velké|hlavní|společensk|konferenčn|obřadn)\w*\s+)?"
    r"(?:zasedac|budov|sídl|kancelář|místnost|sál|přízem|prostor|klubovn|knihovn|areál|učebn|jídeln|"
    rf"salonk|centr|dom[ěu]|zařízení|objekt|kuchyňk|(?-i:{CAPITAL}))"
)


# `2. Vyhodnocení setkání jubilantů` / `Setkání bylo zahájeno v 14:00 ve velkém sále …`: an item of
# the agenda that reports an event; only the opening's own item (or none) tells of the meeting
# (`12. zasedání zastupitelstva obce` as the title is the meeting's own)
_OPENING_ITEM = rx(
    r"\b(?:zahájení|úvod|přivítání)|^(?:(?:řádné|mimořádné|veřejné)\s+)?(?:jednání|zasedání|schůze|setkání|porada)\b"
)


def _opens_the_minutes(reader: _Reader, number: int, noun: str) -> bool:
    """True when a passive opening (`Setkání bylo zahájeno v …`) at line `number` is of the meeting
    itself: `setkání` only in minutes of a `setkání` (else an event the minutes report), and not
    under an item of the agenda other than the opening."""
    title = fold(" ".join(reader.plains[:3]))
    if fold(noun) == "setkani" and "setkani" not in title:
        return False
    heading = next((m for p in reversed(reader.plains[:number]) if (m := AGENDA_HEADING.match(p))), None)
    return heading is None or bool(_OPENING_ITEM.search(heading["title"]))


def _place_after_opening(reader: _Reader) -> str | None:
    """`… zahájil jednání v 15.00 hod. v klubovně K-centra, Palackého 3.`: the place named right
    after the time the meeting was opened, outside lines about the next meeting; None if none."""
    for number, line in enumerate(reader.plains):
        if NEXT.search(line):
            continue
        passive = [m for m in _OPENED_PASSIVE.finditer(line) if _opens_the_minutes(reader, number, m[1])]
        for match in [*_OPENED.finditer(line), *_OPENED_BY.finditer(line), *passive]:
            rest = line[match.end() :]
            timing = find_time(rest)
            if timing is None or not (timing.start <= 6 or _NAME_THEN_AT.match(rest[: timing.start])):
                continue
            place = _PLACE_AFTER.match(rest[timing.end :])
            if place is not None and _PLACE_NOUN.match(place["place"]):
                named = _SENTENCE.split(_PLACE_END.sub("", place["place"]))[0]
                return _named_place(re.split(r"\.\s|\.$", named)[0])
    return None


_PLACE_ELSEWHERE = rx(
    r"^(?:(?:viz|dle|podle|jako\s+obvykle)\b.*|neuveden\w*|nebylo\s+uvedeno|nezjištěn\w*|[-–—x?]+)$"
)
_LABEL_ONLY = re.compile(rf"^\s*{CAPITAL}[\w ]{{1,30}}:(?:\s|$)")

# `Zápis ze 79. schůze VV ŠSČR v Praze`: a town at the end of the title (capitalised, in the
# locative after `v`/`ve`), or before the date there.
_TOWN_IN_TITLE = re.compile(
    rf"\s(?P<place>(?:v|ve)\s+{CAPITAL}{SMALL}+(?:\s+(?:nad|pod|u)\s+{CAPITAL}{SMALL}+)?)"
    r"\s*(?:$|[,\s]+\d{1,2}\.)"
)
# `Jednání Komise bylo konané online`, `Setkání proběhlo on-line formou`.
_ONLINE = rx(
    r"(?:\b(?:jednání|setkání|schůz\w*|zasedání|porada)\b[^.]{0,40}?\b(?:konan\w*|konal\w*|proběhl\w*|"
    r"uskutečnil\w*(?:\s+se)?)|\bkonan\w*)\s+(?:formou\s+|jako\s+)?(?P<online>on-?line)\b"
)


def _place_in_title(reader: _Reader) -> str | None:
    for line in [p for p in reader.plains if p][:15]:
        if _is_title(line) and (town := _TOWN_IN_TITLE.search(line[:200])) is not None:
            return town["place"]
    for line in [p for p in reader.plains if p][:15]:
        if not _is_title(line):
            continue
        if (held := _HELD_AT_IN_TITLE.search(line[:300])) is not None:
            return squash(held["place"])
        hits = find_dates(line[:200])
        after = _PLACE_AFTER_TITLE_DAY.match(line[hits[-1].end :]) if hits else None
        if after is not None and _VENUE.search(after["place"]) and not _NO_VENUE.match(after["place"]):
            return squash(after["place"])
    return None


# `Zápis ze zasedání … uskutečněného v sídle sdružení Třanovice čp. 1 dne`: where the meeting was
# held, between the participle and the day (or the end of the title).
_HELD_AT_IN_TITLE = rx(
    r"\b(?:konan|uskutečněn|pořádan)\w*\s+(?P<place>(?:v|ve)\s+(?:sídle|budově|zasedací|místnosti|sále|klubovně|"
    r"kanceláři|prostorách)\b[^,;:]{2,80}?)\s*(?:\bdne\b|\d{1,2}\.\s*\d|\bod\s+\d|$)"
)
# `Zápis z jednání VH MAS 27. září 2022, KD Zbrašov, Teplice nad Bečvou č.p. 99`: the place after the
# title's day and a comma, to the end of the line.
_PLACE_AFTER_TITLE_DAY = re.compile(rf"^\s*,\s*(?P<place>{CAPITAL}[^:]{{2,80}}?)\s*$")
# … when it reads as a place: a venue's noun (`KD`, `kulturní dům`, `zasedací místnost`, `sál`,
# `budova`, `úřad`, `klubovna`), a house number (`č.p. 99`, `Masarykova 12`) or `v …`; not a label
# or a name that is none (`Zapsala Petra Malá`, `Číslo jednací MMH/1234/2024`, `Komunitní plánování
# sociálních služeb ORP Hranice`).
_VENUE = rx(
    r"^(?:v|ve)\s|\b(?:(?-i:KD|OÚ|MÚ|MěÚ|ÚMČ|KC|DPS)|kulturní\w*\s+d[ůo]m\w*|zasedací\w*|místnost\w*|sál\w*|"
    r"budov\w*|úřad\w*|klubovn\w*|knihovn\w*|radnic\w*|far[aye]|faře|sokolovn\w*|hasičsk\w+\s+zbrojnic\w*|"
    r"restaura\w*|hotel\w*|jídeln\w*|učebn\w*|kancelář\w*|sídl[eo])\b"
    rf"|\bč\.\s*p\.|\bčp\.|\b(?-i:{CAPITAL}{SMALL}+)\s+\d{{1,4}}(?:/\d{{1,4}})?\s*(?:,|$)"
)
_NO_VENUE = rx(
    r"^(?:zaps\w*|zapisovatel\w*|číslo|č\.\s*j|čj|přítomn\w*|ověř\w*|komunitní\s+plánování|kpss)\b"
)


# `Praha, 10. února 2015 Přítomni: …`, `Hanušovice, Přítomni: …` (its day lost): a town, a comma,
# the day, then the attendance at once — how minutes of a network's board head their first page.
# Not the day the minutes were written (`V Ostravě 9. března 2020`: a preposition, no attendance after).
_TOWN_FIRST = re.compile(
    rf"^(?:\d{{1,3}}\s+)?(?P<town>{CAPITAL}{SMALL}+(?:\s+(?:(?:nad|pod|na|u)\s+)?{CAPITAL}{SMALL}+){{0,2}}),"
    r"\s*(?P<day>[^:]{0,30}?)\s*(?:$|(?=(?:Přítomn[iíoa]|Prezence)\s*:))"
)
_ATTENDANCE_NEXT = rx(r"^(?:přítomn[iíoa]|prezence)\s*:")


def _place_at_head(reader: _Reader) -> str | None:
    lines = [p for p in reader.plains if p][:15]
    for number, line in enumerate(lines):
        head = _TOWN_FIRST.match(line)
        if head is None or (head["day"] and not find_dates(head["day"])):
            continue
        after = line[head.end() :] or (lines[number + 1] if number + 1 < len(lines) else "")
        if _ATTENDANCE_NEXT.match(after):
            return head["town"]
    return None


def _online(reader: _Reader) -> str | None:
    return next((m["online"] for line in reader.plains[:60] if (m := _ONLINE.search(line))), None)


# A bare time right after the title's day and ending the line (no `od`, `v`, `hod.`): a stamp of the
# page; it is the meeting's start only at an hour a meeting can begin.
_STAMP_AFTER_DAY = re.compile(r"^\s*(?P<hour>\d{1,2}):\d{2}\s*$")


# `Synchronní on-line zasedání školské rady 19. října 2020`: a heading of the meeting and its
# body in the genitive that ends with the day (no `dne`, no `Zápis`).
# (`Schůzka spolku rodičů 25.4.2019  od 16.00`: the hour it began may close the line after the day)
_MEETING_THEN_BODY = rx(
    rf"\b(?:zasedání|jednání|schůze|schůzka|setkání)\s+{SMALL}+(?:\s+{SMALL}+){{0,4}}\s*$"
)
_ONLY_HOURS_AFTER = rx(r"^\s*,?\s*(?:od|v|ve)\s+\d{1,2}[.:]\d{2}\s*(?:hod(?:in[ay]?)?\.?|h\.?)?\s*$")


def _day_ends_title(number: int, line: str, hit: DateHit) -> bool:
    """True when the day ends one of the first lines (or only its hour follows), right after a
    meeting noun and its body (see `_MEETING_THEN_BODY`)."""
    rest = line[hit.end :]
    return (
        number < 3
        and len(line) <= 100
        and (not rest.strip(" .") or _ONLY_HOURS_AFTER.match(rest) is not None)
        and _MEETING_THEN_BODY.search(line[: hit.start]) is not None
    )


# `Zápis z minulého jednání ze dne 6. 3. 2019 byl schválen`: the day of an earlier meeting.
_PREVIOUS_MEETING = rx(
    r"\b(?:minul|předchozí|předešl|posledn|loňsk)\w*\s+(?:\w+\s+){0,2}?"
    r"(?:jednání|setkání|schůz\w*|zasedání|porad\w*)\b[^.;]{0,40}$"
)
# A sentence of the narrative before a day (`… shrnula akci ze dne`, `… informoval o akci dne`): a person
# (capitalised) and a verb in the past before it.
_TOLD_DAY = re.compile(
    rf"^(?:(?:[Pp]an|[Pp]aní|p\.|pí)\s+{CAPITAL}{SMALL}+|{CAPITAL}{SMALL}+\s+{CAPITAL}{SMALL}+)\s+{SMALL}+l[aioy]?\s+\S"
)


# `Zápis a usnesení z XX. veřejného zasedání … ze dne 23. června 2005`: the minutes with their
# resolutions; `usnesení` here names the document, not a resolution's own day.
_MINUTES_AND_RESOLUTIONS = rx(r"^\W*(?:\d{1,3}\.?\s+)?z[áa]pis\s+a\s+usnesení\b")


def _date_from_title(result: Imported, reader: _Reader) -> str | None:
    """`Zápis z jednání … ze dne 29. března 2018 od 14:00 v zasedací místnosti …` or
    `Schůzka se konala ve čtvrtek 22. září 2022 v 10 hodin v …`: fills in the date (and time),
    and returns the place named after them (None when there is none)."""
    lines = [p for p in reader.plains if p][:15]
    for number, line in enumerate(lines):
        heading = any(_weekday_heading(line, h) for h in find_dates(line)[:1])
        if not (_MEETING_WORDS.search(line) or heading or _DAY_FIRST.match(line)):
            continue
        # Writing or next-meeting words count before the date, not after it (a one-line
        # transcript holds the whole document after the date: `… program byl schválen`).
        # (`Setkání OLK v Nirváně dne …` heading the text: the place before `dne` of a meeting's
        # heading, not of a signature's `V Praze dne …`)
        heading_first = number == 0 and _MEETING_HEADING_FIRST.match(line) is not None
        hits = [
            h
            for h in find_dates(line)
            if h.year is not None
            and (heading_first or not _WRITING.search(_MINUTES_AND_RESOLUTIONS.sub("", line[: h.start])))
            and not NEXT.search(line[: h.start])
            and not _PREVIOUS_MEETING.search(line[: h.start])
        ]
        if not hits:
            continue
        on_day = [
            h
            for h in hits
            if _ON_DAY.search(line[: h.start])
            or _weekday_heading(line, h)
            or _day_ends_title(number, line, h)
        ]
        if not on_day and not re.search(r"(?i)z[áa](?:pis|znam)", line):
            continue
        if not on_day:
            # `… Zápis ze zasedání obce Hasiči slavili … V NEDĚLI 11. KVĚTNA 2008 SE KONALY OSLAVY …` (a
            # newsletter's contents line): a day told as an event's, the verb after it, is not the
            # minutes' day; their own heading below gives it
            hits = [h for h in hits if not _HELD_AFTER_DAY.match(line[h.end :])]
            if not hits:
                continue
        hit = on_day[0] if on_day else hits[0]
        if len({h.date() for h in hits}) >= 2 and not on_day:
            continue  # `od 1.1.2018 do 31.12.2019`: a period, not a meeting day (one day twice is none)
        result.date = hit.date()
        rest = line[hit.end :]
        if (stamp := _STAMP_AFTER_DAY.match(rest)) is not None and not 6 <= int(stamp["hour"]) < 22:
            rest = ""  # `… klubu, 16.11.2018 23:00`: when the page was written, not when the meeting began
        if (timing := find_time(rest)) is not None and timing.start < 15:
            if result.time is None:
                result.time = timing.value
            rest = rest[timing.end :]
        elif (lost := _LOST_HOUR.match(rest)) is not None:
            # `… konaného dne 19. března 2014 v hodin v banketce …`: a transcript lost the hour, which
            # the document site's `Download "…"` line of the same title still gives
            rest = " " + rest[lost.end() :]
            if result.time is None:
                result.time = _hour_in_download_line(reader, hit)
        following = lines[number + 1] if number + 1 < len(lines) else ""
        if _NOTHING_AFTER.match(rest) and not _WRITING.search(following) and not find_dates(following):
            rest = " " + following  # `konaná 16. května 2023 od 14:00` / `v zasedací místnosti …`
        place = _PLACE_AFTER.match(rest)
        if place is None:
            break  # (a transcript may still give the place where it lost the day, below)
        named = squash(_PLACE_END.sub("", place["place"]))
        if (timing := find_time(named)) is not None:
            # `Dne 29. března 2013 v budově MPSV od 9:30 hod. do 12:30 hod.`: the time after the place
            if result.time is None:
                result.time = timing.value
            named = re.sub(r"(?i)\s+(?:od|v|ve|o)\s*$", "", named[: timing.start])
        return named.strip(" ,;.") or None
    for line in lines:
        # `…, konaného dne od hod., v zasedací místnosti Karla Čapka (N2.903) …`: a transcript
        # lost the day (and the hour) of the title, not the place after them
        if (lost := _LOST_DAY_PLACE.search(line)) is not None and _MEETING_WORDS.search(line[: lost.start()]):
            return squash(_PLACE_END.sub("", lost["place"])).strip(" ,;.") or None
    return None


_LOST_HOUR = rx(r"^\s*,?\s*(?:v|ve|od)\s+hod(?:in[ay]?|\.)?(?=[\s,.]|$)")
_DOWNLOAD_LINE = re.compile(r'^\s*Download\s+"')


def _hour_in_download_line(reader: _Reader, hit: DateHit) -> str | None:
    """The hour right after the meeting's day in a document site's `Download "Zápis … dne 19. března
    2014 v 17.00 hodin …"` line; None when it gives none."""
    for line in reader.plains:
        if not _DOWNLOAD_LINE.match(line):
            continue
        for other in find_dates(line):
            if other.year is not None and other.date() == hit.date():
                timing = find_time(line[other.end :])
                if timing is not None and timing.start < 15 and "-" not in timing.value:
                    return timing.value
    return None


# (`Jednání bylo svoláno na úterý od hod. v zasedací místnosti MěÚ …`: the day after `svoláno na` lost too)
_LOST_DAY_PLACE = rx(
    r"\b(?:(?:konan\w*|ze)\s+dne|svolán[oa]?\s+na\s+(?:" + _WEEKDAY_WORDS + r"))\s+"
    r"(?:od\s+hod(?:in)?\.?\s*)?,?\s*(?P<place>(?:v|ve)\s+(?!\d)"
    r"(?:zasedací|jednací|malé|velké|budově|sídle|místnosti|sále|zasedačce|kanceláři)\b.*)$"
)


# `28.05.2018 05:40`: when a web page published the minutes (zero-padded, to the minute),
# not when the meeting was.
_CMS_TIMESTAMP = re.compile(r"^\d{2}\.\d{2}\.\d{4}\s+\d{2}:\d{2}(?::\d{2})?$")


# `Dana Dvořáková | 21.07.2023`: a web page's byline, its author and when it was published.
_BYLINE = re.compile(rf"^{CAPITAL}{SMALL}+\s+{CAPITAL}{SMALL}+\s*\|\s*\d{{1,2}}\.\s*\d{{1,2}}\.\s*\d{{4}}$")
_DEADLINE_BEFORE = rx(r"\bdo\s*$")  # `Termín: 19. 6. 2023` at the top is the meeting's day


def _date_from_header(result: Imported, reader: _Reader) -> str | None:
    """A date alone on a line near the top (`12. 3. 2019`), not a writing or publishing date:
    fills in the date (and time) and returns what else the line names as the place
    (`12. 4. 2023, 9:00 – 11:00, MěÚ Vsetín`), or None."""
    for line in [p for p in reader.plains if p][:15]:
        if _WRITING.search(line) or _CMS_TIMESTAMP.match(line) or NEXT.search(line) or _BYLINE.match(line):
            continue  # `Další jednání ŘS: 25. 10. 2022` is the next meeting's day
        if _TOLD_DAY.search(line):
            continue  # `Paní Malá shrnula akci ze dne 20. 3. 2019.`: a sentence of what was said
        hits = [h for h in find_dates(line) if h.year is not None]
        rest = leftover(line)
        if len(hits) == 1 and _DEADLINE_BEFORE.search(line[: hits[0].start]):
            continue  # `5) Volby připraví výbor do 15. 10. 2010.`: a task's deadline
        if len(hits) == 1 and len(rest) <= 25:
            result.date = hits[0].date()
            if (timing := find_time(line)) is not None:
                result.time = timing.value
            named = re.sub(r"(?i)^(?:(?:ze|z|konan\w*|konal\w*|se)\b\W*)+", "", rest)
            if re.search(r":\s*$", line[: hits[0].start]):
                # `Termín: 3. 4. 2019, 14:00 – 16:00`: the label of the day is no place
                named = leftover(line[hits[0].end :])
            return named if re.search(r"[^\W\d_]{3}", named) and timing is not None else None
    return None


def _date_after_weekday(result: Imported, reader: _Reader) -> None:
    """`Čtvrtek, 20. července 2023, 12:00 – on-line jednání přes Microsoft Teams`: a line near the top
    that opens with the weekday and the day (the hour right after it), when nothing else gave the day."""
    for line in [p for p in reader.plains if p][:15]:
        hits = [h for h in find_dates(line) if h.year is not None]
        if len(hits) != 1 or len(line) > 140 or NEXT.search(line) or _WRITING.search(line):
            continue
        if _WEEKDAY_LEAD.match(line[: hits[0].start]):
            result.date = hits[0].date()
            timing = find_time(line[hits[0].end :])
            if timing is not None and timing.start <= 6:
                result.time = timing.value
            return


_WEEKDAY_LEAD = rx(r"^\s*(?:" + "|".join(day for day, _ in WEEKDAYS) + r")\s*,?\s*(?:dne\s+)?$")

# `20.12.2022 – výborová schůze`, `Členská schůze – 14. 4. 2022`: the heading of one meeting's entry on a
# page that keeps a body's minutes of a year one under another — the day and the meeting's noun alone
# on a line: a body's meeting (`schůze`, `jednání`, `zasedání`) with an adjective of the meeting before the
# noun or the body's name after it (`jednání výboru`); `setkání`, `schůzka` or a noun with other words after
# it (`Setkání seniorů`, `Pracovní schůzka`) head an event's news as well.
_BODY_MEETING_NOUN = r"(?:schůze|jednání|zasedání)"
_DATED_MEETING_NOUN = (
    rf"(?:(?:(?:řádná|mimořádná|výborová|členská|výroční|valná|pracovní|společná)\s+)?{_BODY_MEETING_NOUN}"
    rf"|{_BODY_MEETING_NOUN}\s+(?:výbor\w*|rad[yě]|komise|skupiny|sboru|zastupitelstva|spolku|představenstva|"
    r"členů|(?-i:[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ]{2,6}))(?:\s+[^\s\d.,:;]+){0,3})"
)
_DATED_MEETING_HEADING = rx(
    rf"^\s*(?P<day>\d{{1,2}}\.\s*\d{{1,2}}\.\s*\d{{4}})\s*[-–—:]\s*{_DATED_MEETING_NOUN}\s*$"
    rf"|^\s*{_DATED_MEETING_NOUN}\s*[-–—:]\s*(?P<after>\d{{1,2}}\.\s*\d{{1,2}}\.\s*\d{{4}})\s*$"
)


# `Zveme všechny členy`, `Výbor zve …`, `Pozvánka`, `se bude konat`, and a meeting told in the future
# (`Členská schůze se uskuteční …`, `Příští schůze proběhne …`): an entry that invites to the meeting, not
# its record
_INVITES = rx(
    r"(?m)\bzve(?:me|te)?\b|^\W*pozvánka\b|\bbude\s+konat\b|\bkoná\s+se\b"
    r"|\b(?:schůze|schůzka|jednání|zasedání|setkání|hromada)(?:[^\S\n]+[^\s.,;:]+){0,3}?[^\S\n]+(?:se[^\S\n]+)?"
    r"(?:uskuteční|proběhne|bude)\b"
)


def _date_from_dated_heading(result: Imported, reader: _Reader) -> None:
    """The day of a meeting's entry headed `20.12.2022 – výborová schůze` among the first lines, when
    nothing else gave the day and the entry invites to nothing (see `_DATED_MEETING_HEADING`); a
    guess, marked."""
    if _INVITES.search("\n".join(reader.plains[:40])):
        return
    for line in [p for p in reader.plains if p][:6]:
        if (match := _DATED_MEETING_HEADING.match(line)) is None:
            continue
        hit = next(iter(find_dates(match["day"] or match["after"])), None)
        if hit is not None and hit.year is not None:
            result.date = hit.date()
            result.guesses["date"] = _("from the heading of the meeting's entry (no title)")
        return


# --- people ------------------------------------------------------------------------------------


def _cut_at_other_label(value: str) -> str:
    match = _OTHER_LABEL.search(value)
    return value[: match.start()] if match and match.start() > 0 else value


def _continues(line: str, previous: str) -> bool:
    """True when a line after an attendance label still lists people."""
    if previous.rstrip().endswith((",", ";")):
        return True
    line = re.sub(r"^\s*\(\d{1,3}\)\s*", "", line.strip(" |"))  # `(2) Jan Novák, Eva Nová |`: a count first
    line = without_class_first(line)  # `2.A – paní Helena Wohanková`
    if same_titled_surname(line, previous):
        return True  # `MUDr. Tomek (komise …)` under `MUDr. Říhová, MUDr. Doležal.`
    if _two_people(line) or role_then_person(_LIST_NUMBER.sub("", line)):
        return True  # `Zuzana Malcová a Květoslava Gabrielová`, `vedoucí Domova Anna Horká`
    if not looks_like_people_line(line):
        return "prezenční" in line.lower() or "prezencni" in line.lower()
    body = re.sub(r"^\s*(?:\d{1,3}|[a-z])\s*[.)]\s+", "", line)
    head = body.split(",")[0].split("(")[0].split(" – ")[0].split(" - ")[0]
    head = re.sub(r"(?<=\b[^\W\d_])\.(?=[^\W\d_])", ". ", head)  # `V.Kotíková`: an initial glued on
    return "," in body or len(strip_titles(head).split()) >= 2


# (`Přítomno bylo 7 členů, omluvili se: …`: the verb of those who apologised opens the excused too)
_EXCUSED_WORD = re.compile(r"(?<!ne)omluven|\bomluvil[aiy]?\s+se\b|\bse\s+omluvil")
# Sub-headings inside a list of those present: `Za MěÚ: …`, `Za poskytovatele: …`.
# Also an acronym of a body (`VV SH ČMS: R. Dudek, …`).
_SUBGROUP = re.compile(
    loose(
        r"^(?:(?i:za\s+[^:]{1,40}|zástupci[^:]{0,40}|poskytovatel[éi][^:]{0,30}|zadavatel[éi]?[^:]{0,30}|"
        rf"uživatel[éi][^:]{{0,30}}|veřejnost|členové[^:]{{0,30}})|(?:{CAPITAL}{{2,6}}\s+){{0,3}}"
        # or a role of those under it in lower case (`učitelky: pí Zátopková, Kopečná`), two joined by `a`
        # (`předsedající a členové komise: …`)
        rf"{CAPITAL}{{2,6}}|{SMALL}{{3,}}(?:\s+{SMALL}+){{0,2}}(?:\s+a\s+{SMALL}{{3,}}(?:\s+{SMALL}+){{0,2}})?)\s*:\s*"
    )
)


# `Přítomní za ÚMČ:`, `Přítomni za MěÚ:`: those present for the municipality's office (its staff)
# beside the body's members; folded (`umc`, `meu`), as the head of a label is.
# Their list is read as guests (kind `_OFFICE`, stored with the guests); when the minutes have no
# other list of those present (a small village, where the office's people are the members) they are
# moved to the present at the end of `_attendance`.
_OFFICE = "office"
_FOR_THE_OFFICE = re.compile(r"\bpritomn\w*\s+za\s+(?:umc|umo|meu|mu|ou|ku|kru|urad\w*|magistrat\w*)\b")


# `Zaměstnanci OÚ: Ing. A. Schebestová`, `Pracovníci MěÚ: …`: the office's staff named by their label
# alone (no `přítomni`), read as `Přítomní za OÚ:` is.
_STAFF_LABEL = rx(rf"^{_STAFF}\s*:\s*(?P<value>.*)$")


_DASH_BEFORE_NAME = re.compile(rf"\s[-–—]\s+(?={CAPITAL}|[A-Z][a-z]{{1,5}}\.)")


def _attendance_label(line: str) -> tuple[str, str] | None:
    """The kind of attendance list a line opens, and the value after its label; None when
    the line is no attendance label. `Nepřítomni – omluveni:` opens the excused."""
    if (staff := _STAFF_LABEL.match(line)) is not None:
        return _OFFICE, staff["value"]
    if (counted := _COUNTED_NAMED.match(line)) is not None:
        return "present", counted["value"]
    for name, patterns in ATTENDANCE_LABELS.items():
        for pattern in patterns:
            inline = label_value(pattern, line)
            if inline is not None:
                # (the label ends at its colon, or at a dash before a name: `Přítomni – Jan Dub, Eva Malá.
                # Hosté – Petr Kos` opens those present)
                dash = _DASH_BEFORE_NAME.search(line)
                head = fold(line[: line.find(":")] if ":" in line else line[: dash.start()] if dash else line)
                if _EXCUSED_WORD.search(head):
                    return "excused", inline
                if name == "present" and re.search(r"\bhost", head):
                    return "guests", inline  # `Přítomní hosté:`
                if name == "present" and _FOR_THE_OFFICE.search(head):
                    # `Přítomní za ÚMČ: Radana Šímová, tajemnice ÚMČ`: the office's staff — guests
                    # beside the members' own list, else the members themselves (see `_OFFICE`)
                    return _OFFICE, inline
                return name, inline
    return None


# `Přítomno 13 členů a to př. Cyprián, př. Czinege, …`: a count of those present, then (`a to`,
# "namely") who they were — a label without a colon.
_COUNTED_NAMED = rx(
    r"^(?:bylo\s+)?přítomn[oi]\s+(?:bylo\s+)?\d{1,3}\s+(?:člen(?:ů|ové|ek|ky)|účastník(?:ů|ci)|zastupitel(?:ů|é))"
    r"\s*,?\s+a\s+to\s*:?\s+(?P<value>\S.*)$"
)


# `Přítomni: dle prezenční listiny přítomno 14 zastupitelů, omluven Tomáš Dušek`: the excused after
# a comma on the line of those present, in lower case; also with the verb and a colon (`Přítomno: 7
# členů, omluvili se: Karel Dub, Ivana Horká`).
_EXCUSED_AFTER = re.compile(
    r"[,;]\s*(?:a\s+)?(?:omluven[aiyé]?|omluvil[aiy]?\s+se|se\s+omluvil[aiy]?)\s*:?\s+"
    rf"(?=(?:{CAPITAL}|[A-Z][a-z]{{1,5}}\.))"
)


# `Přítomni: Neplechová, Blatná, host Holíková`: the guests after a comma, in lower case, no colon.
_GUEST_AFTER = re.compile(
    rf"(?:[,;]\s*(?:a\s+)?|\s+a\s+)host(?:é|ka|ky|)\s+(?=(?:{CAPITAL}|[A-Z][a-z]{{1,5}}\.))"
)


def _inline_parts(kind: str, inline: str) -> list[tuple[str, str]]:
    """`Jana Nová, Petr Malý, host: Ing. Eva Veselá` -> the present and the guests; a label of
    anything else (`Zapsal:`) ends the value."""
    inline = _BARE_IN_LIST.sub(r" \1:", inline)
    if kind in ("present", _OFFICE) and (guest := _GUEST_AFTER.search(inline)) is not None:
        return [
            *_inline_parts(kind, inline[: guest.start()]),
            *_inline_parts("guests", inline[guest.end() :]),
        ]
    if (
        kind == "present"
        and (staff := _STAFF_AFTER.search(inline)) is not None
        and _MEMBER_COUNT.match(inline[: staff.start()])
    ):
        # (the one person after the post; those after the next comma are the members' list again)
        person, comma, rest = inline[staff.end() :].partition(",")
        return [
            *_inline_parts(kind, inline[: staff.start()]),
            ("guests", person),
            *(_inline_parts(kind, rest) if comma else []),
        ]
    if kind in ("present", _OFFICE) and (excused := _EXCUSED_AFTER.search(inline)) is not None:
        return [
            *_inline_parts(kind, inline[: excused.start()]),
            *_inline_parts("excused", inline[excused.end() :]),
        ]
    parts: list[tuple[str, str]] = []
    rest = inline
    while True:
        match = _OTHER_LABEL.search(rest)
        end = next((e for e in _LIST_END.finditer(rest) if _attendance_label(e["label"] or "") is None), None)
        if end is not None and (match is None or end.start() < match.start()):
            parts.append((kind, rest[: end.start()]))  # `… Jana Průšová. Delegující člen: …`
            break
        if (
            match is not None
            and match.start() == 0
            and (empty := _attendance_label(rest.strip())) is not None
        ):
            kind, rest = empty  # `Přítomni: Omluven: Jan Novák`: an empty label gets nobody
            continue
        if match is None or match.start() == 0:
            parts.append((kind, rest))
            break
        parts.append((kind, rest[: match.start()]))
        other = _attendance_label(rest[match.start() :].strip())
        if other is None:
            # `… Tajemník výboru: Alena Křetínská Hosté: Ing. Jiří Rozbořil …`: a label of something
            # else stands between two lists; the next attendance label goes on
            later = (
                (m, found)
                for m in _OTHER_LABEL.finditer(rest, match.end())
                if (found := _attendance_label(rest[m.start() :].strip())) is not None
            )
            nxt = next(later, None)
            if nxt is None:
                return [(k, text) for k, text in parts if text.strip(" ,;")]
            other = nxt[1]
        kind, rest = other
    return [
        (k, cut) for k, text in parts if (cut := _LABEL_AFTER_NAME.split(text, maxsplit=1)[0]).strip(" ,;")
    ]


# `Přítomno: 6 členů zastupitelstva, pracovnice OÚ J. Tomanová`: after the members, the office's staff by
# their post (no label): no members, read as guests (as `Přítomní za ÚMČ:` beside the members' list).
# Only after a count of the members: among named members (`Jan Dub, tajemnice OÚ Jana Nová, …`) the
# post may be a member's own.
_MEMBER_COUNT = re.compile(r"^\s*\d{1,3}\s+(?:člen(?:ů|ové|y|ek)|zastupitel(?:ů|é)|radní(?:ch)?)\b[^,;]*$")
_STAFF_AFTER = re.compile(
    r"[,;]\s*(?:a\s+)?(?:pracovnice|pracovník|pracovníci|zaměstnan(?:ec|kyně|ci)|tajemník|tajemnice)\s+"
    r"(?:OÚ|MěÚ|MÚ|ÚMČ|ÚMO|obecního\s+úřadu|městského\s+úřadu|úřadu)\s+"
    rf"(?=(?:[A-Z][a-z]{{0,5}}\.\s*)*{CAPITAL})"
)
# `Přítomni: Petr Malý, Jana Nová Omluveni Hosté: Eva Malá`: a one-paragraph transcript runs an
# attendance label without its colon (or with nothing after it) into the list; it is read as a label.
# (not `Přítomní za ÚMČ: …`: the label goes on with whom they are there for, then its colon)
_BARE_IN_LIST = re.compile(
    rf"(?<=\S)\s+({_BARE_ATTENDANCE})(?=\s|$)(?!\s*:)(?!\s+(?:bylo\s+)?\d)(?!\s+za\s+[^\s:]{{1,12}}\s*:)"
)
# `… Jana Nová Hlasování v pořadí: …`, `… Ing. Eva Malá Usnesení č. 1`: the label of something else
# right after the last name ends the list (not a role after a dash or comma: `Jana Nová – Zapsala`).
# (also a section in capitals: `… pí Skalická PROGRAM JEDNÁNÍ 01. Zahájení …`)
_OTHER_LABEL_WORD = (
    r"(?:Hlasování|Program|Usnesení|Ověřovatel(?:é|ka|ky)?|Zapsal[a]?|HLASOVÁNÍ|PROGRAM|USNESENÍ)"
)
_LABEL_AFTER_NAME = re.compile(rf"(?<={SMALL})\s+(?={_OTHER_LABEL_WORD}(?!{SMALL}))")


# What ends an inline list of people in a one-line transcript: a full stop and a label of
# something else (`… Mgr. Jana Průšová. Delegující (delegovaný) člen: …`), or a count of those
# present (`… PhDr. Ludmila Vostřáková Přítomno 14 (na část jednání 13) z 19 členů`).
_LIST_END = re.compile(
    # (after a bracket too, and glued by a transcript that lost the space: `… Daniel (Policejní škola).Sekretariát
    # Rady:Mgr. Eva Holková`)
    rf"(?:(?<={SMALL}{{3}})\.\s+|(?<={SMALL}{{3}}\))\.\s*|(?<={SMALL}{{3}})\.(?={CAPITAL}{SMALL}{{4,}}))(?P<label>{CAPITAL}{SMALL}+(?:\s+[^\s:,;.]+){{0,3}}(?<!\s{CAPITAL}{{2}})(?<!\s{CAPITAL}{{3}})(?<!\s{CAPITAL}{{4}})\s*:)"
    r"|\s+Přítomn[oiy]\s+(?:bylo\s+)?\d"
    # `… Ing. Štěpán Hubačka ZO je tím usnášeníschopné.`: the quorum's sentence after the last name
    # `… JUDr. Jana Špičková Na zasedání 23. Zastupitelstva … je přítomno 17 členů`: a sentence about the
    # meeting opened by a capitalised preposition after the last name
    rf"|\s+(?=(?:Na|V|Ve|Při|Během|Po)\s+(?:{SMALL}+\s+){{0,2}}(?:zasedání|jednání|schůzi|setkání)\s)"
    # (not inside a bracket: `Klára (celkem přítomno 7 ze 7 členů, Komise byla usnášeníschopná)`)
    rf"|\s+(?![^()]*\))(?=(?:{CAPITAL}{{2,5}}|Zastupitelstvo|Komise|Výbor|Rada|Zasedání|Jednání)\s+(?:je|jsou|bylo|byl[ao]?)\s+"
    r"(?:[^\W\d_]+\s+){0,2}?(?:usnášení\s?schopn|schopn[éáýo]\s+usnášení))"
)
# The acronym of a body inside an inline list (`… Kurt Kocián KRK: p. Petr Halfar MAS: p. Dagmar
# Quisková`): a sub-label, read as a comma.
# `za školskou radu – pan Martin Knotek`: whom the people after the dash stand for
_SUBGROUP_DASH = re.compile(r"^(?i:za)\s+(?:[^\W\d_]+\s+){0,3}?[^\W\d_]+\s+[-–—]\s+(?=\S)")
_INLINE_SUBGROUP = re.compile(rf"\s+(?:{CAPITAL}{{2,6}}\s+){{0,2}}{CAPITAL}{{2,6}}\s*:\s+(?=\S)")


# `Město Boskovice: …`, `Rodinné centrum Boskovice: …`: an organisation, capitalised at both ends
# (not `Schůzi řídila: …`, a label of a role), then a colon.
_ORG_BEFORE_PEOPLE = re.compile(
    rf"^(?P<org>{CAPITAL}(?:[^:,;()]{{0,48}}\s)?{CAPITAL}[^\s:,;()]*)\s*:\s+(?=\S)"
)


# `ZKO Frýdlant n.Ostravicí, Ing. Gavlasová Bohumila, Cviček Karel`: the branch first, then its people.
_ACRONYM_ORG_FIRST = re.compile(rf"^(?P<org>{CAPITAL}{{2,6}}\s+{CAPITAL}[^,:;()]{{1,40}}),\s+(?=\S)")
# A Roman-numbered item of the minutes (`I.Úvod`, `II. Schválení programu`): `I.` is no initial when
# a word of an agenda follows it.
_ROMAN_ITEM = re.compile(
    r"^\s*(?:I|II|III|IV|V|VI|VII|VIII|IX|X)\.\s*(?:Úvod|Zahájení|Program|Schválení|Kontrola|Různé|Diskus[ez]|"
    r"Diskuz[ez]|Závěr|Informace|Volba|Projednání|Návrh)\w*\b"
)
# `Výbor KV:`, `Delegáti ZKO:`: a sub-heading of the attendance, nothing after its colon.
_COLON_HEADING = re.compile(rf"^{CAPITAL}[^:]{{1,40}}:\s*$")


# A list's line that ends with a lone initial (`…, J. Matoušková, R.`): the name goes on on the next line.
_TRAILING_INITIAL = re.compile(rf"(?:^|(?<=[\s,])){CAPITAL}\.$")


def _list_lines(reader: _Reader, index: int, inline: str, *, colon: bool = False) -> tuple[list[str], int]:
    """The lines of the list a label on line `index` opens, and the index after them; with
    `colon`, sub-headings with a colon (`Výbor KV:`, `Revizní komise:`) stay inside the list."""
    chunk: list[str] = []
    previous = inline
    j = index + 1
    blanks = 0
    while j < len(reader.plains) and j - index < 80:
        if _CAPITALS_SECTION.match(reader.plains[j]):
            break
        current = _SUBGROUP.sub("", _SUBGROUP_DASH.sub("", stand_ins_first(reader.plains[j])))
        # `pan Martin Knotek (OÚ). Místo pana Knotka byl přítomen …`: a sentence after the person ends the list
        stop = _SENTENCE_STOP.search(current)
        if (
            stop is not None
            and looks_like_people_line(current[: stop.start()])
            and re.match(rf"\s+{CAPITAL}{SMALL}+\s+{SMALL}", current[stop.end() - 1 :])
        ):
            current = current[: stop.start()]
        # `Charita Blansko: Mgr. Věra Kupková`: the organisation of the people after it
        org = (
            (_ORG_BEFORE_PEOPLE.match(current) or _ACRONYM_ORG_FIRST.match(current))
            if not reader.labels[j]
            else None
        )
        if org is not None and looks_like_people_line(current[org.end() :]):
            people = split_people(current[org.end() :])
            current = ", ".join(f"{person} ({org['org']})" for person in people)
        if not current:
            blanks += 1
            if blanks > 3 or (
                (chunk or inline)
                and not previous.rstrip().endswith(",")
                and not _TRAILING_INITIAL.search(previous.rstrip())
                and not _person_follows(reader, j)
                and not _heading_follows(reader, j, colon=colon)
            ):
                break
            j += 1
            continue
        # `Výkonný výbor (VV):               Jiří Hýža (JH), …`: a sub-label of the list, its people
        # after the wide gap of a flattened table cell
        gap = _GAP_SUBLABEL.match(reader.lines[j]) if not reader.labels[j] else None
        if gap is not None and looks_like_people_line(_without_hours(plain(reader.lines[j][gap.end() :]))):
            current = plain(reader.lines[j][gap.end() :])
        else:
            gap = None
        current = _without_hours(current)
        if chunk and (for_whom := _FOR_WHOM_UNDER.match(current)) is not None:
            # `Zuzana Malcová a Květoslava Gabrielová`, `za Zdeňka Nováka (MK)`: whom they stand in for
            rest = (for_whom["rest"] or "").strip("() ")
            chunk[-1] = f"{chunk[-1]} (za {for_whom['who']}{', ' + rest if rest else ''})"
            j += 1
            continue
        current = _with_open_bracket(current)
        cells = _columns(reader.lines[j]) if gap is None else []
        probe = cells[0] if len(cells) >= 2 else current  # `Jana Nová<TAB>Charita`
        if chunk and not reader.labels[j] and _role_under_name(reader, j, current):
            # `Ing. Jiří Čeřovský` / `místostarosta, předseda ŘS`: the role on the line under the name
            chunk[-1] = f"{chunk[-1]} – {current}"
            j += 1
            continue
        # After a sub-label (`Za rodiče: p. Dvořák`) one surname is a person too.
        sub_labelled = current != reader.plains[j] and looks_like_people_line(current)
        if _ROMAN_ITEM.match(current):
            break  # `I.Úvod`, `II. Schválení programu jednání`: the first item of the minutes, no person
        if same_titled_surname(probe, previous) and _signs_off(reader, j):
            break  # `MUDr. Kos` under the last list, nothing but a post after it: who signs, no one more
        if reader.labels[j] or NEXT.search(current) or not (_continues(probe, previous) or sub_labelled):
            if _heading_in_list(reader, j, current, colon=colon):
                j += 1  # `Vedení ZŠ`, `1.A – zástupce bude zvolen`: a heading or no one, people under it
                continue
            break
        # A table row keeps its cells; a lone border (`Jan Novák, Eva Nová |`, a one-cell row of an
        # exported table) is no column.
        table_row = gap is None and (len([c for c in _row(reader.lines[j]) if c]) >= 2 or len(cells) >= 2)
        chunk.append(reader.lines[j] if table_row else current.strip(" |"))
        previous = current
        blanks = 0
        j += 1
    return chunk, j


_COURTESY_FIRST = re.compile(rf"^(?:p|pí|pan|paní|sl|pp)\.?\s+{CAPITAL}")


def _role_under_name(reader: _Reader, index: int, line: str) -> bool:
    """True for a short line in lower case (a role) between two lines of one person each."""
    if not line[:1].islower() or len(line) > 80 or ":" in line or _COURTESY_FIRST.match(line):
        return False  # `pí Soukupová M.` under `pí Losová M.` is the next person
    if role_then_person(line):
        return False  # `vedoucí Domova Anna Horká`: the next person, the role before the name
    if not looks_like_one_person(reader.plains[index - 1]):
        return False
    following = next((p for p in reader.plains[index + 1 : index + 3] if p), "")
    return (
        not following
        or looks_like_one_person(following)
        or bool(reader.labels[index + 1 : index + 2] == [True])
    )


def _heading_in_list(reader: _Reader, index: int, line: str, *, colon: bool = False) -> bool:
    """True for a short line inside an attendance list that names no one (a sub-heading such as
    `Vedení ZŠ` or `Výbor SRPŠ`, or `1.A – zástupce bude zvolen na třídních schůzkách`) when the
    next line with text lists people."""
    if colon and _COLON_HEADING.match(line):
        line = line.rstrip(" :")  # `Revizní komise:` (nothing after its colon) heads the people under it
    line = _LIST_NUMBER.sub("", line)
    if reader.labels[index] or ":" in line or len(line) > 80 or looks_like_people_line(line):
        return False
    if names_in_text(line) or NEXT.search(line) or line.rstrip().endswith((".", "!", "?")):
        return False
    following = next(
        (j for j in range(index + 1, min(len(reader.plains), index + 3)) if reader.plains[j]), None
    )
    if following is None or reader.labels[following]:
        return False
    under = _without_org(_SUBGROUP.sub("", stand_ins_first(_LIST_NUMBER.sub("", reader.plains[following]))))
    # (`rodiče žáků` / `starostka obce Jana Malá`: the person under it may be named after her office)
    return looks_like_people_line(under) or role_then_person(under)


def _without_org(line: str) -> str:
    """`ZKO Brantice, Čeplová Dagmar` -> `Čeplová Dagmar`: the people after their branch."""
    org = _ACRONYM_ORG_FIRST.match(line)
    return line[org.end() :] if org is not None else line


def _heading_follows(reader: _Reader, index: int, *, colon: bool = False) -> bool:
    """True when the next paragraph after the blank line `index` is a heading inside the list
    (see `_heading_in_list`)."""
    following = next(
        (j for j in range(index + 1, min(len(reader.plains), index + 3)) if reader.plains[j]), None
    )
    return following is not None and _heading_in_list(
        reader, following, reader.plains[following], colon=colon
    )


# `Lýdie Poláčková (Moravskoslezský kraj)`: two capitalised words and a bracket, nothing else — the
# shape of a paragraph of one person whose first name is not a common one.
_NAME_AND_BRACKET = re.compile(
    rf"^(?:[A-Z][A-Za-z]{{0,6}}\.\s*)*{CAPITAL}{SMALL}+(?:-{CAPITAL}{SMALL}+)?\s+{CAPITAL}{SMALL}+(?:-{CAPITAL}{SMALL}+)?"
    rf"(?:,\s+{SMALL}[^()]{{0,60}})?\s+\([^()]{{1,60}}\)$"  # `Milan Kováč, stálý zástupce Květy Jačové (…)`
)
# `ZA KANCELÁŘ: David Beňák` under `HOSTÉ:` of a page whose labels are in capitals: a new section of
# its own (a word of six capitals or more is no acronym of a body, as `VV SH ČMS:` is).
# `Jiří Hýža (JH) do 13:20, Jiří Bobek (JB) od 14:00`: when a person came or left, no part of them.
_HOURS_AFTER = re.compile(
    r"(?:(?<=[^\W\d_])|(?<=\)))\s+(?:od|do)\s+\d{1,2}[:.]\d{2}(?:\s*(?:hod\.?|h))?(?=\s*(?:,|;|$))"
)


def _without_hours(line: str) -> str:
    return _HOURS_AFTER.sub("", line)


_GAP_SUBLABEL = re.compile(rf"^\s*{CAPITAL}[^:\n]{{1,40}}?:[ \t]{{3,}}(?=\S)")
_CAPITALS_SECTION = re.compile(rf"^\s*(?:{CAPITAL}+\s+){{0,3}}{CAPITAL}{{6,}}(?:\s+{CAPITAL}+){{0,3}}\s*:")


def _same_shape_as_before(reader: _Reader, index: int, line: str) -> bool:
    """True when `line` and the paragraph before the blank line `index` both have the shape of one
    person and a bracket (`Karel Holomek (Jihomoravský kraj)`, blank, `Lýdie Poláčková (…)`)."""
    before = next(
        (reader.plains[j] for j in range(index - 1, max(-1, index - 4), -1) if reader.plains[j]), ""
    )
    return bool(_NAME_AND_BRACKET.match(line.strip())) and bool(
        _NAME_AND_BRACKET.match(_with_open_bracket(before.strip()))
    )


def _person_follows(reader: _Reader, index: int) -> bool:
    """True when the next paragraph after the blank line `index` holds one person (lists with
    one person per paragraph: `Mgr. Jana Nová – vedoucí OSV`, blank, `Petr Malý (MěÚ)`)."""
    for j in range(index + 1, min(len(reader.plains), index + 4)):
        if reader.plains[j]:
            line = _without_org(
                _SUBGROUP.sub("", stand_ins_first(_with_open_bracket(reader.plains[j])))
            )  # `Za starosty KSH: V. Švubová`
            if (gap := _GAP_SUBLABEL.match(reader.lines[j])) is not None and not reader.labels[j]:
                line = _without_hours(
                    plain(reader.lines[j][gap.end() :])
                )  # `Kontrolní komise:    Jiří Bobek (JB)`
                return looks_like_people_line(line)
            return (
                not reader.labels[j]
                and not NEXT.search(line)
                and (
                    looks_like_one_person(line)
                    or (line != reader.plains[j] and looks_like_people_line(line))
                    or _same_shape_as_before(reader, index, line)
                    # `Zuzana Malcová a Květoslava Gabrielová`: two deputies for one member
                    or _two_people(line)
                    or _FOR_WHOM_UNDER.match(line) is not None
                    # `MUDr. Tomek (komise …)` after a blank under `MUDr. Říhová, MUDr. Doležal.`
                    or same_titled_surname(line, _line_before(reader, index))
                )
            )
    return False


def _signs_off(reader: _Reader, index: int) -> bool:
    """True when nothing but a post (`předseda komise`) follows line `index` in the minutes: the name on it
    signs them."""
    return all(not line or is_role(line) for line in reader.plains[index + 1 :])


def _line_before(reader: _Reader, index: int) -> str:
    """The last line with text before line `index`."""
    return next((reader.plains[k] for k in range(index - 1, max(-1, index - 4), -1) if reader.plains[k]), "")


_TWO_PEOPLE = re.compile(r"\s+a\s+")


def _with_open_bracket(line: str) -> str:
    """`Věra Pelíšková MMR)` -> `Věra Pelíšková (MMR)`; other lines unchanged."""
    lost = _LOST_OPEN_BRACKET.match(line)
    return f"{lost['name']} ({lost['org'].strip()})" if lost is not None else line


def _two_people(line: str) -> bool:
    """`Zuzana Malcová a Květoslava Gabrielová`: one person, `a`, and another full name."""
    pair = _TWO_PEOPLE.split(line.strip(), maxsplit=1)
    return (
        len(pair) == 2
        and looks_like_one_person(pair[0])
        and looks_like_name(pair[1])
        and len(strip_titles(pair[1]).split()) >= 2
    )


# `Zuzana Malcová a Květoslava Gabrielová` / `za Zdeňka Nováka (MK)`: whom the deputies above stand
# in for, on a line of its own (a member named in the accusative, then the body).
_FOR_WHOM_UNDER = re.compile(
    rf"^za\s+(?P<who>(?:[A-Z][a-z]{{0,6}}\.\s*)*{CAPITAL}{SMALL}+\s+{CAPITAL}{SMALL}+)\s*(?P<rest>\([^()]*\))?\s*$"
)
# `Věra Pelíšková MMR)`: a body whose opening bracket the page lost
_LOST_OPEN_BRACKET = re.compile(
    rf"^(?P<name>(?:[A-Z][a-z]{{0,6}}\.\s*)*{CAPITAL}{SMALL}+(?:\s+{CAPITAL}{SMALL}+){{1,2}})\s+(?P<org>[^()]+)\)\s*,?\s*$"
)


def _not_excused(absent: list[PersonDict], excused: list[PersonDict]) -> list[PersonDict]:
    """`Nepřítomni: A, B, C` then `Omluveni: B, C`: those excused are not also absent without excuse."""
    excused_keys = {fold(strip_titles(p["name"])).strip(" ,.") for p in excused}
    return [p for p in absent if fold(strip_titles(p["name"])).strip(" ,.") not in excused_keys]


_EMAIL = re.compile(r"\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*")
# The mark of attendance after a row's e-mail: `/+`, `/-`, `omluvena`, `omluven/omluven`, `, /omluvena`.
# A bare `+` or `-` stands on its own (`… cz -`, `… cz +,`): `jana@… - Charita Kopřivnice` is a dash
# before the row's organisation.
_ROLL_MARK = re.compile(
    r"^[\s,]*(?P<mark>/\s*[+-]|[+-](?=\s*(?:$|[,;|]))|(?:/\s*)?omluven\w*(?:\s*/\s*omluven\w*)?)(?=\s|$|[,;|])",
    re.IGNORECASE,
)


def _email_roll(result: Imported, reader: _Reader) -> None:
    """`Přítomni: Přítomen Členové … Ing. Jan Kos jan.kos@obec.cz /+ Mgr. Eva Malá mala@… omluvena …
    Hosté zasedání Ing. Petr Beneš petr@… /- …`: a form's attendance table run into one line, each row
    a name, an e-mail and a mark (`+` present, `-` not there, `omluven` excused); a sub-heading with
    `host` turns the rows after it to guests (a guest marked `-` did not come). Read only when three
    rows or more carry a mark: then the table is the attendance, whatever else was read of it."""
    for line in reader.plains:
        found = _attendance_label(line)
        if found is None or found[0] != "present" or len(_EMAIL.findall(found[1])) < 3:
            continue
        segments = _EMAIL.split(found[1])
        rows: list[tuple[str, str, str]] = []  # (list, name, mark)
        under = "present"
        for number, segment in enumerate(segments):
            if number > 0 and (marked := _ROLL_MARK.match(segment)) is not None and rows and not rows[-1][2]:
                rows[-1] = (rows[-1][0], rows[-1][1], marked["mark"].lstrip("/ ").lower())
            if number == len(segments) - 1:
                break  # what follows the last e-mail names no one with an address (an excerpt's end)
            hits = names_in_text(segment)
            if not hits or segment[hits[-1][1] :].strip(" ,"):
                return  # a row without a name right before its e-mail: no such table
            start, _end, name = hits[-1]
            if re.search(r"\bhost", fold(segment[:start])):
                under = "guests"
            rows.append((under, name, ""))
        if sum(1 for row in rows if row[2]) < 3:
            return
        # (only the lists the form fills: `Omluveni:` and `Hosté:` on lines of their own keep theirs)
        lists: dict[str, list[PersonDict]] = {}
        for kind, name, mark in rows:
            if mark.startswith("omluven"):
                kind = "excused"
            elif mark == "-":
                if kind == "guests":
                    lists.setdefault(kind, [])
                    continue  # a guest invited who did not come
                kind = "absent"
            elif mark != "+":
                continue  # no mark: not known whether they came
            lists.setdefault(kind, []).append({"name": name, "org": None, "role": None})
        for kind, people in lists.items():
            setattr(result, kind, people)
        return


# `Zapsal: Místo konání: Zasedání řídil: RNDr. I. Řehůřková Centrum hygieny … v Brně Doc. J. Ruprich,
# předseda výboru`: a form's labels run together, their values after them in the same order.
_STACKED_LABEL = rx(
    r"(?P<label>zapsal[a]?|zapisovatel(?:ka)?|místo(?:\s+konání|\s+jednání)?|"
    r"(?:zasedání|jednání|schůzi)\s+řídil[a]?|řídil[a]?|předsedající)\s*:\s*"
)
_INITIALLED = re.compile(rf"(?:[A-Z][A-Za-z]{{0,5}}\.\s*)*{CAPITAL}\.\s*{CAPITAL}{SMALL}+")


def _person_at(text: str) -> tuple[int, int, str] | None:
    """The first name in `text` written in full or with an initial (`RNDr. I. Řehůřková`)."""
    hits = names_in_text(text)
    if (initialled := _INITIALLED.search(text)) is not None:
        hits.append((initialled.start(), initialled.end(), initialled[0]))
    return min(hits, default=None)


def _stacked_labels(reader: _Reader) -> dict[str, str]:
    """The recorder, place and moderator of labels run together (see `_STACKED_LABEL`): each person's
    label takes the name where the values have reached, the place what stands before the next name.
    Nothing when the values do not fall so."""
    for at in range(len(reader.plains)):
        text = " ".join(p for p in reader.plains[at : at + 3] if p)
        kinds: list[str] = []
        pos = 0
        while (label := _STACKED_LABEL.match(text, pos)) is not None:
            word = fold(label["label"])
            kinds.append(
                "place" if word.startswith("misto") else "recorder" if word.startswith("zap") else "moderator"
            )
            pos = label.end()
        if len(kinds) < 2 or len(set(kinds)) < len(kinds):
            continue
        rest, values = text[pos:], {}
        for number, kind in enumerate(kinds):
            person = _person_at(rest)
            if kind != "place":
                if person is None or rest[: person[0]].strip(" ,"):
                    return {}
                values[kind], rest = person[2], rest[person[1] :].lstrip(" ,")
                continue
            # (up to the next name when a person's label follows, else up to a comma)
            end = person[0] if number + 1 < len(kinds) and person is not None else len(rest.split(",")[0])
            if not (place := rest[:end].strip(" ,")):
                return {}
            values[kind], rest = place, rest[end:].lstrip(" ,")
        return values
    return {}


# women's first names that end in neither `a` nor `e`
_WOMEN_OTHERWISE = frozenset(
    {"dagmar", "ingrid", "miriam", "ester", "ruth", "rut", "karin", "carmen", "edith", "judith", "judit"}
    | {"margit", "doris", "astrid", "nikol", "gertrud"}
)


def _a_woman(first: str) -> bool:
    folded = fold(first)
    if folded in _WOMEN_OTHERWISE:
        return True
    return folded.endswith(("a", "e")) and folded not in {"vojta", "ilja", "rene"}


def _unmerge(result: Imported, reader: _Reader) -> None:
    """`Mgr. Vít Céza Vejchodská, Ph.D.`: a man's first name and surname, then a woman's surname (her
    first name lost in a transcript) are two people. The second is named as the minutes name her in
    full elsewhere (`Ověřovatel: Ing. et Ing. Eliška Vejchodská, Ph.D.`) when they do so once, else
    by the surname (and what follows it). A guess."""
    for kind in ("present", "excused", "absent", "guests"):
        people: list[PersonDict] = []
        for person in getattr(result, kind):
            people.append(person)
            words = strip_titles(person["name"]).split()
            if not (
                len(words) == 3
                and fold(words[0]) in FIRST_NAMES
                and not _a_woman(words[0])
                # (`Krejčí`, `Janků` in `-í`, `-ů` may begin a woman's double surname too)
                and not words[1].endswith(("á", "í", "ů"))
                and words[2].endswith("á")
                and not {fold(words[1]), fold(words[2])} & FIRST_NAMES
            ):
                continue
            cut = person["name"].rindex(words[2])
            full = {
                found
                for line in reader.plains
                for _, _, found in names_in_text(line)
                if (parts := strip_titles(found).split())[-1] == words[2]
                and len(parts) == 2
                and _a_woman(parts[0])
            }
            people[-1] = person.copy()
            people[-1]["name"] = person["name"][:cut].rstrip(" ,")
            people.append(
                {"name": full.pop() if len(full) == 1 else person["name"][cut:], "org": None, "role": None}
            )
            result.guesses[f"{kind}.{len(people)}"] = _(
                "two people a transcript ran together (a man's name, then a woman's surname)"
            )
        setattr(result, kind, people)


def _attendance(result: Imported, reader: _Reader) -> None:
    """Fill in the present, excused, absent and guests from their labelled lists."""
    seen: dict[str, set[str]] = {key: set() for key in ATTENDANCE_LABELS}
    # Where the lists under `Přítomni:` ended: a sub-heading with a colon right after them (`Hosté: …`,
    # blank, `Delegáti ZKO:`) goes on with those present.
    present_block_end = -1
    # (the text before `byli přítomni také:` and the names after it)
    also: list[tuple[str, str]] = []
    index = 0
    while index < len(reader.plains):
        found = _attendance_label(reader.plains[index])
        # `Kdy: …` / `Kde: …` / `Kdo: names`: the head in questions; elsewhere `Kdo:` owns a task
        who = _WHO.match(reader.plains[index]) if found is None else None
        if who is not None and any(
            _WHEN_WHERE.match(line) for line in reader.plains[max(0, index - 3) : index]
        ):
            found = ("present", who["value"])
        if found is None and is_attendance_heading(reader.lines[index]):
            heading = (
                _row(reader.lines[index])
                or _semicolon_row(reader.lines[index])
                or _columns(reader.lines[index])
            )
            presence = next(
                (n for n, cell in enumerate(heading) if PRESENCE_HEADING.match(cell.strip(" :"))), None
            )
            if presence is not None:  # `Jméno | Organizace | Přítomen/a`: each row says where it belongs
                chunk, end = _list_lines(reader, index, "")
                for row in chunk:
                    # raw cells: `plain` would take a `✓` for a bullet
                    cells = (
                        [c.strip() for c in row.strip().strip("|").split("|")]
                        if "|" in row
                        else _semicolon_row(row) or _columns(row)
                    )
                    if presence < len(cells) and (kind := presence_kind(cells[presence])) is not None:
                        rest = [cell for n, cell in enumerate(cells) if n != presence]
                        _store(result, seen, kind, " | ".join(rest))
                index = max(end, index + 1)
                continue
            found = ("present", "")  # `Č. | Jméno a příjmení | Organizace | Podpis`
        if (
            found is None
            and 0 <= index - present_block_end <= 3
            and _COLON_HEADING.match(reader.plains[index])
            and not reader.labels[index]
            and _heading_in_list(reader, index, reader.plains[index], colon=True)
        ):
            found = ("present", "")
        if found is None and _MET_INTRODUCED.search(reader.plains[index]):
            found = ("present", "")  # `Dne … se v kanceláři … sešli:` and the list below
        if found is None and _GUESTS_INTRODUCED.search(reader.plains[index]):
            found = ("guests", "")  # `… přivítala přítomné hosty, jimiž byli:` and a list
        if found is None and (guests := _GUESTS_IN_SENTENCE.search(reader.plains[index])) is not None:
            # `K bodu 2 byli přizváni hosté, jimiž byli: Mgr. Jan Hrubý (ASZ) a Ing. Eva Malá.`
            _store(result, seen, "guests", _SENTENCE_STOP.split(guests["value"])[0])
            index += 1
            continue
        if found is None and (presented := _GUESTS_PRESENTED.search(reader.plains[index])) is not None:
            # `… a představil hosty: paní Mgr. Karpovičovou (krizové řízení), paní Bc. Vanickou (…) a …`
            guests_named = [
                name
                for part in re.split(
                    r",\s+|\s+a\s+", re.sub(r"\([^)]*\)", "", _SENTENCE_STOP.split(presented["value"])[0])
                )
                if (name := _guest_named(part)) is not None
            ]
            if guests_named:
                _store(result, seen, "guests", ", ".join(guests_named))
                result.guesses["guests"] = _("guests turned from the accusative (představil hosty: …)")
        if found is None and (apology := _EXCUSED_IN_SENTENCE.search(reader.plains[index])) is not None:
            named = _RELATIVE_CLAUSE.sub(
                "", _SENTENCE_STOP.split(_EXCUSE_REASON.sub("", apology["value"]))[0]
            )
            _store(result, seen, "excused", _LAST_AND.sub(", ", named))
        if (
            found is None
            and (counted := _COUNTED_EXCUSED.search(reader.plains[index])) is not None
            and (named := _leading_names(counted["value"]))
        ):
            # `…, 3 členové omluveni Ing. J. Pinc, M. Hora, D. Valterová, dne v 17:20 hod podal …`
            _store(result, seen, "excused", named)
        if found is None and (listed := _LIST_IN_SENTENCE.search(reader.plains[index])) is not None:
            # `Přítomno bylo 7 členů, omluvili se: Mgr. Jan Holub, Ing. Eva Malá.`
            words = fold(listed["label"])
            kind = (
                "excused"
                if "omluv" in words
                else "absent"
                if words.startswith(("ne", "chyb"))
                else "guests"
                if "host" in words
                else "present"
            )
            named = _SENTENCE_STOP.split(listed["value"])[0]
            if kind == "present" and re.search(r"\b(?:take|rovnez|dale)$", words):
                # `byli přítomni také: …`: guests beside a `Přítomni:` list anywhere, read after the loop
                # (the text up to the names: `… na minulé schůzi byli přítomni také:` tells of another meeting)
                also.append((reader.plains[index][: listed.start("value")], named))
                index += 1
                continue
            if kind == "excused":  # `… a posl. K. Valachová a na dopoledne posl. Volný`
                named = _LAST_AND.sub(", ", _PART_OF_THE_DAY.sub("", named))
            _store(result, seen, kind, named)
            index += 1
            continue
        if found is None:
            index += 1
            continue
        kind, inline = found
        if _EVERYONE.match(inline):
            # `přítomní: plné složení`, `Přítomni: všichni členové`: nobody named inline; the names
            # listed under it (one a line, or numbered) are read, and what follows that is no list of
            # people (`1. Zhodnocení aktivit` / `• Vítání Ježíška - povedené`) is not
            chunk, end = _list_lines(reader, index, "", colon=kind == "present")
            if chunk and all(_listed_person(line) for line in chunk):
                _store(result, seen, kind, "\n".join(chunk))
                if kind == "present":
                    present_block_end = max(end, index + 1)
                index = max(end, index + 1)
            else:
                index += 1
            continue
        if not inline and (marked := _marked_rows(reader, index)):
            # `✔ Mgr. Jana Nová` / `✘ Ing. Eva Malá (omluvena)`: each line marked came or not
            for row_kind, text in marked[0]:
                _store(result, seen, row_kind, text)
            index = marked[1]
            continue
        cells = _columns(reader.lines[index])
        if inline and len(cells) >= 3 and (label := _attendance_label(cells[0])) is not None and not label[1]:
            inline = "\t".join(
                cells[1:]
            )  # `Přítomní:<TAB>Jana Nová<TAB>Charita`: a table row after the label
        inline = _INLINE_SUBGROUP.sub(", ", _SUBGROUP.sub("", stand_ins_first(inline))) if inline else ""
        if len(_BRACKETS.findall(inline)) >= 2 and not re.search(r"\)\s*[,;]", inline):
            # `Ing. Marie Kousalíková (předsedkyně) Mgr. Ludmila Štvánová (místopředsedkyně) …`: a
            # transcript lost the line breaks; each bracket ends a person
            inline = _ROLE_THEN_NAME.sub("), ", inline)
        if inline and len(_POST_BEFORE_NAME.findall(inline)) >= 2 and ";" not in inline:
            # `Mgr. Jan Dub starosta Eva Malá, MBA 1. místostarosta Ing. Petr Kos člen rady …`: a transcript
            # lost the commas; each post in lower case after a name ends that person
            inline = _POST_BEFORE_NAME.sub(_end_person_at_post, inline)
        inline = _ARRIVAL.sub("", inline)  # `JUDr. Pošpíšil do 10 hod.`: until when, no part of the name
        inline = _AND_OTHERS.sub("", inline)  # `…, Mgr. Eva Malá (ČMOS) a další hosté dle prezenční listiny`
        if (counted := _COUNT_THEN_NAMES.match(inline)) is not None:
            # `Omluveni: 2 členové zastupitelstva (Michal Hekele a Ivana Šindlová přijdou později)`
            inline = _LAST_AND.sub(", ", _VERB_AFTER_NAMES.sub("", counted["names"]))
        surnames_before = bool(result.present) and all(" " not in p["name"] for p in result.present)
        if not inline and (lone := _lone_names_under(reader, index, surnames_before)) is not None:
            # `Přítomni:` / `Muchna` / `Vavřička` / `Kratochvílová` …: one surname a line; the list goes
            # on as any other after them (`DK: Havlová, Čadek`)
            chunk, end = _list_lines(reader, lone[1] - 1, lone[0][-1], colon=kind == "present")
            chunk = [*lone[0], *chunk]
        else:
            chunk, end = _list_lines(reader, index, inline, colon=kind == "present")
        initial = _TRAILING_INITIAL.search(inline.rstrip()) if inline else None
        if initial is not None and chunk and re.match(rf"{CAPITAL}{SMALL}", chunk[0]):
            # `…, J. Matoušková, R.` / (blank) / `Peterková, Mgr. H. Šupová`: a name broken after its initial
            inline = inline.rstrip()[: initial.start()]
            chunk[0] = f"{initial[0]} {chunk[0]}"
        parts = _inline_parts(kind, _without_hours(inline)) if inline else []
        if chunk:
            last_kind = parts[-1][0] if parts else kind
            parts.append((last_kind, "\n".join(chunk)))
        for part_kind, text in parts:
            _store(result, seen, part_kind, text)
        if kind == "present" or (kind in ("guests", _OFFICE) and 0 <= index - present_block_end <= 3):
            present_block_end = max(end, index + 1)
        index = max(end, index + 1)
    _present_also(result, seen, also)
    if not result.present and seen.get(_OFFICE):
        _office_present(result, seen[_OFFICE])


# `Ing. Michal Zamrazil (dále jen „MZ“) zahájil v 18:30 hod. schůzi výboru …`: a whole name (titles, two or
# three capitalised words, an alias in brackets) that opens the line and the meeting.
_OPENER_FIRST = re.compile(
    rf"^\s*(?P<who>{_BARE_TITLES}?{_BARE_NAME})\s*(?:\([^()]{{0,40}}\)\s*)?"
    r"(?:zahájil|řídil|vedl)[a]?\s"
)


# `Na minulém jednání …`, `na předchozí schůzi …`: the sentence tells of another meeting than this one.
_ANOTHER_MEETING_BEFORE = rx(
    r"\b(?:na|při|z)\s+(?:minul|předchozí|předešl|poslední|loňsk|příští|dalším|další)\w*\s+"
    r"(?:jednání|schůz\w*|zasedání|setkání|poradě|poradu|valné\s+hromadě)\b"
)


def _present_also(result: Imported, seen: dict[str, set[str]], also: list[tuple[str, str]]) -> None:
    """Those a sentence says were `přítomni také:`: guests when a list of those present stands anywhere in
    the minutes (before or after it); else those present, after whoever opened the meeting in that sentence
    (`X zahájil schůzi …, kdy byli přítomni také: Y, Z`: X was there too)."""
    for before, named in also:
        if _ANOTHER_MEETING_BEFORE.search(before):
            continue  # `Na minulém jednání byli přítomni také: …`: another meeting's people
        if result.present or result.attendance_sheet:
            # (beside those the attendance sheet lists, `Přítomni: dle prezenční listiny`, they are guests too)
            _store(result, seen, "guests", named)
            continue
        if (opener := _OPENER_FIRST.match(before)) is not None:
            _store(result, seen, "present", opener["who"])
        _store(result, seen, "present", named)


# One capitalised word a line that heads a part of minutes, not a surname (`Program` / `Rozpočet` / …).
_HEADING_WORDS = {
    fold(word)
    for word in (  # noqa: SIM905 - a word list reads better as text
        "Program Úvod Různé Diskuse Diskuze Závěr Rozpočet Členové Hosté Omluveni Přítomni Informace "
        "Úkoly Hlasování Pro Proti Zdržel Výsledek Usnesení Schváleno Ověřovatelé Zapisovatel Zapsal "
        "Zahájení Kontrola Schválení Volba Ukončení Nikdo Žádní Žádné "
        "Průběh Jednání Bod Body Zpráva Zprávy Podklady Příloha Přílohy Host Veřejnost Nepřítomni"
    ).split()
}
# A word of a common noun's form, no surname's: `Veřejnost`, `Účetní`, `Společenství`.
_COMMON_NOUN_FORM = re.compile(r"(?:\w{3}ost|\w{2}ní|ství)$")


def _lone_name(line: str, next_line: str = "") -> str | None:
    word = line.strip(" ,;")
    if (
        not word
        or " " in word
        or not looks_like_name(word)
        or fold(word) in _HEADING_WORDS
        or is_role(word)  # `Starosta`, `Účetní`
        or _COMMON_NOUN_FORM.search(word)
    ):
        return None
    if next_line[:1].islower():
        return None  # `Městská` / `policie – …`: an adjective wrapped before its noun
    return word


def _line_after(reader: _Reader, j: int) -> str:
    return reader.plains[j + 1].strip() if j + 1 < len(reader.plains) else ""


def _list_goes_on(reader: _Reader, j: int) -> bool:
    """True when the line after `j` is blank, a label, a lone name or the end: a lone word after a blank
    line is a name only then (`Nepřítomni:` / blank / `Průběh` / prose: a heading, the list has ended)."""
    if j + 1 >= len(reader.plains) or reader.labels[j + 1] or not reader.plains[j + 1].strip():
        return True
    return _lone_name(reader.plains[j + 1], _line_after(reader, j + 1)) is not None


# The number of a list's item before a person (`1. Polák`, `2) rodiče žáků`).
_LIST_NUMBER = re.compile(r"^\s*(\d{1,2})[.)]\s+(?=\S)")


def _lone_names_under(
    reader: _Reader, index: int, surnames_before: bool = False
) -> tuple[list[str], int] | None:
    """Lines right under an attendance label, each one capitalised word that reads as a name (a
    surname), and the index after them; None otherwise (one word alone may be a heading). A blank line
    may stand under the label and between the names (a word processor's spaced paragraphs)."""
    names: list[str] = []
    j = index + 1
    while j < len(reader.plains) and not reader.labels[j]:
        line = reader.plains[j]
        if (number := _LIST_NUMBER.match(line)) is not None and int(number[1]) == len(names) + 1:
            line = line[number.end() :]  # `1. Polák` / `2. Novotná`: a numbered list, counted from one
        if not line.strip():
            ahead = (
                j + 1 < len(reader.plains)
                and not reader.labels[j + 1]
                and _lone_name(reader.plains[j + 1], _line_after(reader, j + 1))
                and _list_goes_on(reader, j + 1)
            )
            if ahead and (names or j == index + 1):
                j += 1
                continue
            break
        if (word := _lone_name(line, _line_after(reader, j))) is None:
            break
        names.append(word)
        j += 1
    # one-word lines are as often places (`Mýto`, `Zbiroh`), bodies (`Arkáda`, `Domino`) or headings
    # (`Katalog`, `Dotazník`): a list of surnames only where some word is a name by its form (a surname
    # in `-ová`, `-ský`, `-cká`, `-ček`, `-ička`) or a known first name; one or two lines only where
    # every word is a surname by its form, or where the minutes wrote those present so already
    # (`Přítomni:` / `Novák` / `Dvořáková` / `Sýkora`, then `Omluveni:` / `Horká`)
    if not any(_SURNAME_FORM.search(w) or fold(w) in FIRST_NAMES for w in names) and not surnames_before:
        return None
    if len(names) >= 3:
        return names, j
    if names and (surnames_before or all(_SURNAME_FORM.search(w) for w in names)):
        return names, j
    return None


_SURNAME_FORM = re.compile(r"(?:ová|[sc]k[áý]|ček|ička)$")


def _listed_person(line: str) -> bool:
    """`2. Eva Malá`, `Jan Kos, Charita`: one person on a line of a list (its number first)."""
    body = re.sub(r"^\s*(?:\d{1,3}\s*[.)]|[-•*–])\s*", "", line).split(",")[0]
    return looks_like_one_person(body.strip())


_EVERYONE = rx(
    r"^\s*(?:(?:plné|kompletní|úplné)\s+složení|v\s+plném\s+(?:počtu|složení)|všichni(?:\s+členové)?"
    r"(?:\s+(?:výboru|rady|komise|skupiny|spolku))?)\s*[.,;]?\s*$"
)


def _office_present(result: Imported, office: set[str]) -> None:
    """Those present for the office (`Přítomni za OÚ: …`) as the only list of those present: the
    present, not guests (a village's office's people are its members); their guesses move along."""
    guests: list[PersonDict] = []
    guesses = {k: v for k, v in result.guesses.items() if not k.startswith(("guests.", "present."))}
    for n, person in enumerate(result.guests, start=1):
        target = result.present if person_key(person["name"]) in office else guests
        target.append(person)
        if (why := result.guesses.get(f"guests.{n}")) is not None:
            guesses[f"{'present' if target is result.present else 'guests'}.{len(target)}"] = why
    result.guests = guests
    result.guesses = guesses


# A post in lower case (its ordinal, whose it is) between two people of a list run together: the post
# ends the person before it (see `_attendance`); a title or a capitalised first name and surname follow.
_POST_BEFORE_NAME = re.compile(
    r"(?<=\w)\s+(?P<post>(?:\d\.\s+)?(?:místo)?(?:starost(?:a|ka)|předsed(?:a|kyně)|primátor(?:ka)?)|"
    r"člen(?:ka)?\s+(?:rady|komise|výboru|zastupitelstva)|tajemn(?:ík|ice)(?:\s+(?:MěÚ|MÚ|OÚ|ÚMČ|úřadu))?|radní)"
    # (whose post it is, capitalised: `předseda Sokola Jan Dub`, `předseda Finančního výboru Karel Vrba`)
    rf"\s+(?P<whose>(?:{CAPITAL}{SMALL}+\s+){{1,2}})?(?=(?:[A-Z][A-Za-z]{{0,6}}\.\s*)*{CAPITAL}{SMALL}+\s+{CAPITAL}{SMALL})"
)


_RUN_ON_LABEL = re.compile(r"(?i:" + "|".join(OTHER_LABEL_WORDS) + r")\b")


def _end_person_at_post(match: re.Match[str]) -> str:
    """The post and what ends the person before it (see `_POST_BEFORE_NAME`): capitalised words after the
    post that are no first name, before one that is (`předseda Sokola Jan Dub`), say whose post it is and
    belong to it, not to the next person's name."""
    whose = match["whose"] or ""
    # (`místostarostka Hosté Petr Kos`: a label the transcript ran on, not whose post it is)
    if whose and fold(whose.split()[0]) not in FIRST_NAMES and _RUN_ON_LABEL.match(whose) is None:
        after = match.string[match.end() :].split(maxsplit=1)
        if after and fold(after[0]) in FIRST_NAMES:
            return f" {match['post']} {whose.strip()}, "
    return f" {match['post']}, {whose}"


_ROLE_THEN_NAME = re.compile(rf"\)\s+(?=(?:[A-Z][A-Za-z]{{0,5}}\.\s*)*{CAPITAL}{SMALL}+\s+{CAPITAL})")
_BRACKETS = re.compile(r"\([^()]*\)")
_ARRIVAL = rx(r"\s+(?:do|od)\s+\d{1,2}(?:[:.]\d{2})?\s*(?:hod(?:in)?\b\.?|h\b\.?)")
_COUNT_THEN_NAMES = re.compile(rf"^\s*\d{{1,3}}\s+{SMALL}[^()]{{0,60}}\((?P<names>[^()]+)\)")
_VERB_AFTER_NAMES = re.compile(rf"\s+(?:se\s+)?{SMALL}+(?:ou|í|e|l[aiy]?)(?:\s+{SMALL}+)*\s*$")
_AND_OTHERS = rx(
    r"\s*,?\s+a\s+(?:další|ostatní)\s+(?:hosté|účastníci|členové|zástupci)?\s*(?:dle|podle)\b.*$"
)
_MET_INTRODUCED = rx(
    r"\b(?:sešl[iy]|zúčastnil[iy](?:\s+se)?|se\s+zúčastnil[iy]|byl[iy]\s+přítomn[iíy])\s*:\s*$"
)
_WHO = rx(r"^kdo\s*:\s*(?P<value>\S.*)$")
_WHEN_WHERE = rx(r"^(?:kdy|kde)\s*:")
_CAME_MARK = re.compile(r"^\s*[✔✓☑]\s*")
_MISSED_MARK = re.compile(r"^\s*[✘✗☒×]\s*")


def _marked_rows(reader: _Reader, index: int) -> tuple[list[tuple[str, str]], int] | None:
    """The lines under an attendance label when each is marked `✔` (came) or `✘` (did not:
    excused with `omluven`, else absent), and the index after them; None when they are not."""
    rows: list[tuple[str, str]] = []
    j = index + 1
    while j < len(reader.lines) and (reader.lines[j].strip() or not rows):
        raw = reader.lines[j]
        if not raw.strip():
            j += 1
            continue
        if _CAME_MARK.match(raw):
            rows.append(("present", _CAME_MARK.sub("", raw)))
        elif _MISSED_MARK.match(raw):
            text = _MISSED_MARK.sub("", raw)
            rows.append(("excused" if _EXCUSED_WORD.search(fold(text)) else "absent", text))
        else:
            break
        j += 1
    return (rows, j) if rows else None


# A roll call without a label, one member a line with what they did after the name, written surname
# first or not: `Bešťák Luboš přítomen` / `Duchková Stanislava přítomna` / `Jindrová Magdalena`.
_ROLL_CALL_ROW = re.compile(
    rf"^\s*(?P<name>(?:(?:[A-Z][A-Za-z]{{0,5}}\.\s*)*){CAPITAL}{SMALL}+(?:-{CAPITAL}{SMALL}+)?"
    rf"(?:\s+{CAPITAL}{SMALL}+(?:-{CAPITAL}{SMALL}+)?){{1,2}})"
    r"(?:\s*[-–—,:]?\s+(?P<mark>přítomen|přítomna|přítomno|omluven[a]?|nepřítomen|nepřítomna))?\s*$"
)


def _roll_call(result: Imported, reader: _Reader) -> None:
    """The members of a roll call (see `_ROLL_CALL_ROW`): three lines or more in a row, most of
    them marked; a line without a mark says nothing of its member, who is left out."""
    index = 0
    lines = reader.plains
    while index < len(lines):
        rows: list[re.Match[str]] = []
        while index < len(lines) and (row := _ROLL_CALL_ROW.match(lines[index])) is not None:
            rows.append(row)
            index += 1
        marked = [row for row in rows if row["mark"]]
        if len(rows) >= 3 and 2 * len(marked) > len(rows):
            seen: dict[str, set[str]] = {key: set() for key in ATTENDANCE_LABELS}
            for row in marked:
                mark = fold(row["mark"])
                kind = (
                    "excused"
                    if mark.startswith("omluven")
                    else "absent"
                    if mark.startswith("ne")
                    else "present"
                )
                _store(result, seen, kind, row["name"])
            return
        index += 1


# A sentence that ends by introducing the guests: `… přivítal hosty, jimiž byli:`.
_GUESTS_INTRODUCED = rx(
    r"\bhost[éeya]\w*\s*,?\s*(?:jimiž|kterými|kterým[i]?|a\s+to)\s+(?:byl[iya]?|jsou)\s*:\s*$"
)
_GUESTS_IN_SENTENCE = rx(
    r"\bhost[éeya]\w*\s*,?\s*(?:jimiž|kterými|kterým[i]?|a\s+to)\s+(?:byl[iya]?|jsou)\s*:\s*(?P<value>\S.+)$"
)
# `Dále představil hosty: paní Mgr. Karpovičovou (…), …`: guests named in the accusative.
_GUESTS_PRESENTED = rx(r"\b(?:představil|přivítal)[a]?\s+(?:\w+\s+)?host[ye]\s*:\s*(?P<value>\S.+)$")
_COURTESY_ACCUSATIVE = rx(r"^(?P<courtesy>paní|pí\.?|pana|p\.)?\s*(?P<name>.+)$")
_HER_SURNAME = re.compile(rf"^(?P<titles>(?:[A-Z][A-Za-z]{{0,5}}\.\s*)*)(?P<stem>{CAPITAL}{SMALL}+)ou$")


def _guest_named(text: str) -> str | None:
    """`paní Mgr. Karpovičovou (krizové řízení)` in the nominative (`Mgr. Karpovičová`); a name with
    its first name declines by it, a woman's surname alone from `-ou` to `-á`; None otherwise."""
    found = _COURTESY_ACCUSATIVE.match(squash(re.sub(r"\([^)]*\)", "", text)).strip(" .,;"))
    if found is None:
        return None
    if (full := nominative_name(found["name"], "accusative")) is not None:
        return full
    hers = _HER_SURNAME.match(found["name"])
    if hers is not None and (found["courtesy"] or "").lower().startswith("p") and found["courtesy"] != "pana":
        return f"{hers['titles']}{hers['stem']}á"
    return None


# A list of people after a label inside a sentence, with its colon (`…, omluvili se: …`).
# `Omluvil se Josef Dušek.`, `Omluvily se Eva Malá a Jana Nová.`: the excused without a colon.
# `Omluveni jsou pí. Fialová, p. Mazanec a p. Kala, který se …`: the same with `jsou`, courtesy words.
# `Z jednání se omluvil p. Novák J.`, `Z jednání je omluvena paní Nováková J.`, `Omluvena paní Nováková
# J. (nemoc)`: the same after where from, with `se` or `je` before the verb, or the participle alone.
_EXCUSED_IN_SENTENCE = rx(
    r"(?:^|[.;]\s+)(?:(?:z|na)\s+(?:jednání|setkání|schůz\w+|zasedání)\s+|jednání\s+)?"
    r"(?:omluvil[aiy]?\s+se|se\s+omluvil[aiy]?|(?:(?:je|jsou|byl[aiy]?)\s+)?omluven[iaoyí]?(?:\s+(?:jsou|je|byl[aiy]?))?)"
    r"(?:\s+(?:z|na)\s+(?:jednání|setkání|schůze|zasedání))?\s+"
    rf"(?P<value>(?:(?:p|pí|pan|paní)\.?\s*)?(?-i:{CAPITAL}).+)$"
)
# `… paní Nováková J. z důvodu nemoci`: the reason after the excused is no name.
_EXCUSE_REASON = rx(
    r"\s+(?:z\s+důvodu|ze?\s+(?:zdravotních|pracovních|rodinných|osobních)|pro\s+nemoc|kvůli)\b.*$"
)
# `… a na dopoledne posl. Volný`, `na část jednání Jan Kos`: excused for a part of the meeting only.
_PART_OF_THE_DAY = rx(r"(?<=\s)na\s+(?:dopoledne|odpoledne|část\s+(?:jednání|zasedání|schůze|dne))\s+")
# `pí. Fialová, p. Mazanec a p. Kala`: the last name of a sentence's list after `a`.
_LAST_AND = re.compile(rf"\s+a\s+(?=(?:p|pí|pan|paní|posl)\.?\s|(?:[A-Z][a-z]{{0,4}}\.\s*)*{CAPITAL}{SMALL})")
# `…, p. Kala, který se možná dostaví později`: a relative clause ends a list of names.
_RELATIVE_CLAUSE = rx(r",\s+(?:kter[ýáéří]\w*|jenž|jež|již)\b.*$")
_LIST_IN_SENTENCE = rx(
    r"(?:[,;.]\s+(?:na\s+(?:jednání|setkání|schůzce|zasedání)\s+)?"
    # `… v místnosti č. 106 /1. patro Z jednání omluveni: posl. …`: a run-on record's label, capitalised
    r"|\s(?-i:Z|Ze)\s+(?:jednání|schůze|zasedání)\s+(?=omluven[iíy]\s*:))"
    # `…, že do zahájení zasedání se omluvili členové zastupitelstva: J. Zahradník, M. Kuba.`
    r"(?P<label>(?:[^\W\d_]+\s+){0,4}?se\s+omluvil[iy]\s+(?:všichni\s+)?"
    r"(?:členové|zastupitelé|radní|poslanci|senátoři)(?:\s+[^\W\d_]+){0,2}|"
    r"omluvil[iy]?\s+se|omluven[iíy]|nepřítomn[iíy]|chyběl[iy]|hosté|přítomn[iíy]\s+byl[iy]|"
    # `…, kdy této schůze byly přítomni také: JUDr. Karel Polák (…), Ing. Jan Marek (…).`
    r"(?:[^\W\d_]+\s+){0,3}?byl[iy]\s+přítomn[iíy](?:\s+(?:také|rovněž|dále))?)"
    r"\s*:\s*(?P<value>\S.+)$"
)
# `bylo přítomno 11 členů, 3 členové omluveni Ing. J. Pinc, M. Hora, D. Valterová, …`, `2 zastupitelé byli
# omluveni: Jan Kos a Eva Malá.`: a count of members, then the excused named in the same sentence.
_COUNTED_EXCUSED = rx(
    r"(?:^|[,.;]\s+|\s+a\s+)\d{1,2}\s+(?:členov[ée]|člen[ůy]?|zastupitel\w*|radn[íý]\w*|poslan\w*|senátor\w*)"
    r"(?:\s+[^\W\d_]+){0,2}?\s+(?:(?:byl[iyo]?|jsou|je)\s+)?omluven[iíyo]?\s*:?\s+"
    rf"(?P<value>(?:(?:p|pí|pan|paní)\.?\s*)?(?:[A-Z][A-Za-z]{{0,5}}\.\s*)*(?-i:{CAPITAL}).+)$"
)


def _leading_names(text: str) -> str:
    """The names that open `text`, up to the first piece between commas (or before `a`) that is no
    name (`Ing. J. Pinc, M. Hora, D. Valterová, dne v 17:20 hod podal …` -> the three), joined by
    commas; the sentence ends them too."""
    sentence = _SENTENCE.split(_SENTENCE_STOP.split(text)[0])[0]
    names: list[str] = []
    for piece in re.split(r",\s*|\s+a\s+", sentence):
        piece = piece.strip(" .;")
        # `Eva Malá. Program …`: a full stop after a name (not after a title, `doc. Jan Kos`) ends it
        last, *after = _END_OF_SENTENCE.split(piece, maxsplit=1)
        if after and looks_like_name(last):
            names.append(last)
            break
        if not piece or not looks_like_name(piece):
            break
        names.append(piece)
    return ", ".join(names)


# The full stop that ends a sentence of names: after a bracket or a word of four letters or more
# (`Ing.`, `Mgr.`, `PhDr.` are titles of the next name; `posl.` before a member of parliament's name
# is no end).
_SENTENCE_STOP = re.compile(rf"(?:(?<=\))|(?<={SMALL}{{4}})(?<!posl))\.(?:\s|$)")
# `(omluven)` after a name, also as the last word of a table cell (`členka omluvena`).
_EXCUSED_NOTE = rx(r"^(?:.*[\s,])?\(?\s*omluven[aáýi]?\s*\)?$")


# `– nedorazila`, `(nepřítomen)`, `nepřišel` after a name in a list: that person did not come.
_ABSENT_NOTE = rx(
    r"^\(?\s*(?:nedorazil[aoiy]?|nepřišel|nepřišl[aoiy]|nepřítomen|nepřítomn[aáéíý]|(?:se\s+)?nedostavil[aoiy]?"
    r"(?:\s+se)?)\s*\)?\.?$"
)
_FOR_AN_ITEM = rx(r"\bk\s+bod(?:u|ům)\s+(?:č\.\s*)?\d")


def _store(result: Imported, seen: dict[str, set[str]], kind: str, text: str) -> None:
    """Add the people of one list to `kind`; `Jan Novák (omluven)` goes to the excused."""
    people, sheet = parse_people(text)
    result.attendance_sheet |= sheet
    office = kind == _OFFICE
    for person in people:
        target = "guests" if office else kind
        if kind in ("excused", "absent") and represented(person):
            # `Omluven: Mgr. Jan Dub (zastoupen Mgr. Evou Lví)`: the member stays excused; the one who
            # represented them was there
            _store_one(
                result, seen, kind, {"name": person["substitute_for"], "org": person["org"], "role": None}
            )
            target = "present"
        if any(_EXCUSED_NOTE.match(detail or "") for detail in (person["org"], person["role"])):
            target = "excused"
            person = {**person, "org": None, "role": None}
        elif any(_ABSENT_NOTE.match(detail or "") for detail in (person["org"], person["role"])):
            if kind in ("guests", _OFFICE):
                continue  # `Hosté: …, Bc. Eva Lví – nedorazila`: a guest invited who did not come
            target = "absent" if kind == "present" else kind  # `Přítomni: …, Petr Dub (nepřítomen)`
            person = {**person, "org": None, "role": None}
        elif kind == "present" and any(
            _FOR_AN_ITEM.search(detail or "") for detail in (person["org"], person["role"])
        ):
            target = "guests"  # `Jitka Hejhalová – k bodu 1`: there for one item of the agenda
        if _store_one(result, seen, target, person) and office and target == "guests":
            seen.setdefault(_OFFICE, set()).add(person_key(person["name"]))


def _store_one(result: Imported, seen: dict[str, set[str]], target: str, person: PersonDict) -> bool:
    """Add one person to the list `target`, unless already there; True when added."""
    key = person_key(person["name"])
    if not key or key in seen[target]:
        return False
    seen[target].add(key)
    people_there: list[PersonDict] = getattr(result, target)
    if (why := person.pop("guess", None)) is not None:
        result.guesses[f"{target}.{len(people_there) + 1}"] = why
    people_there.append(person)
    return True


_COLUMNS = re.compile(r"\t+|\s{3,}")
_SIGNATURE_LINE = re.compile(r"^[\s.…_\-–—]*$")  # the dotted line a signature goes on


def _columns(raw: str) -> list[str]:
    """The cells of a line laid out in columns with tabs or runs of spaces."""
    return [plain(c) for c in _COLUMNS.split(raw.strip()) if c.strip()]


def _under(reader: _Reader, index: int, column: int) -> str:
    """The value under a label that stands in `column` of a signature block:
    the same column of the next line with text that is not a dotted signature line."""
    for j in range(index + 1, min(len(reader.lines), index + 6)):
        if _SIGNATURE_LINE.match(reader.lines[j]):
            continue
        cells = _columns(reader.lines[j])
        return cells[column] if column < len(cells) else ""
    return ""


def _label_value(reader: _Reader, index: int, pattern: re.Pattern[str]) -> str | None:
    """The value of `pattern`'s label on line `index` (also as one column of several), or None."""
    inline = label_value(pattern, reader.plains[index])
    cells = _columns(reader.lines[index])
    if inline is not None and (len(cells) < 2 or _ANY_INLINE_LABEL.search(cells[1]) is None):
        if (other := _ANY_INLINE_LABEL.search(inline)) is not None:
            inline = inline[: other.start()]  # `Zapsal: Jan Novák   Ověřil: Petr Malý`
        value, _ = reader.value(index, _cut_at_other_label(inline))
        if not value or _SIGNATURE_LINE.match(value):
            value = _under(reader, index, 0)
        return value
    for column, cell in enumerate(cells if len(cells) >= 2 else []):
        # `Zapsala:            Schválil:` with the names under the labels; `Místo:<TAB>MěÚ<TAB>Řídil:<TAB>
        # Bc. Martin Dvořák`: label and value side by side.
        if (cell_value := label_value(pattern, cell)) is not None:
            beside = cells[column + 1] if column + 1 < len(cells) else ""
            if (
                not cell_value
                and beside
                and _ANY_INLINE_LABEL.search(f" {beside}") is None
                and ":" not in beside
            ):
                return beside
            return cell_value or _under(reader, index, column)
    return None


# A long value that opens with a lower-case word (not `paní`, `pan`, `pí`) is running text, not
# a name: the value of another label, or a paragraph (`dne 3. 5., K. Malá` is short, so kept).
_RUNNING_TEXT = re.compile(rf"^(?!(?:pan|paní|pí|slečna)\b){SMALL}{{2,}}\b(?!\.).{{70,}}$")


_END_OF_SENTENCE = re.compile(rf"(?<={SMALL}{{3}})\.\s+(?={CAPITAL})")


# `Zapisovatelka: Jana Langová Hlasování v pořadí: PRO NÁVRH …`, `Zapsal: Petr Malý Usnesení č. 1 …`: a
# one-paragraph transcript runs the next label into the name; the name ends where a label with a
# colon (a capitalised word, up to three lower-case ones, the colon) or a capitalised label word begins.
_LABEL_WORD = (
    rf"(?:{_OTHER_LABEL_WORD}|Přítomn[iíoé]|Nepřítomn[iíoé]|Omluven[iíyaé]?|Neomluven[iíyaé]?|Hosté|"
    r"Ověřil[a]?|Zapisovatel(?:ka)?|Předsedající|Řídil[a]?|Schválil[a]?|"
    r"Místo|Datum|Zahájení|Příloh[ay]?|Návrhová)"
)
_NEXT_LABEL = re.compile(rf"\s+(?={CAPITAL}{SMALL}+(?:\s+{SMALL}+){{0,3}}\s*:|{_LABEL_WORD}(?!{SMALL}))")


# `předseda:` as a result of an election (`Volba předsedy … – všichni byli zvoleni – předseda: …`).
_CHAIR_LABEL = rx(r"^\W*(?:místo)?předsed(?:a|kyně)\b")
_ELECTED = rx(r"\bvolb[ayě]\b|\bvolil[iy]?\b|\bzvolen[aiyo]?\b|\bzvolil[aiy]?\b")
_CHAIR_IN_A_LIST = rx(r"^\s*(?:předseda|předsedkyně|místopředsed\w*)\s+[-–—]\s")
# `paní Marcela Petránková – zapisuje průběh ŠR`: who takes the minutes, by their role in the list.
_WRITES_THE_MINUTES = rx(r"\b(?:zapisuje|zapisovatel(?:ka)?|zapisovala|zapisoval)\b")


# `Předsedkyně komise zahájila jednání`, `Jednání zahájil předseda výboru`: the meeting opened by a role.
_OPENED_BY_ROLE = rx(
    r"(?:^|[.;]\s+|\)\s*)(?P<role>předsed(?:a|kyně)|koordinátor(?:ka)?|starost(?:a|ka)|ředitel(?:ka)?|vedoucí)"
    r"(?:\s+[^\W\d_]+){0,3}?\s+(?:zahájil[a]?|řídil[a]?|vedl[a]?)\s+(?:a\s+řídil[a]?\s+)?(?:jednání|setkání|schůzi|zasedání)"
    r"|\b(?:jednání|setkání|schůzi|zasedání)\s+(?:zahájil[a]?|řídil[a]?|vedl[a]?)\s+"
    r"(?P<role_after>předsed(?:a|kyně)|koordinátor(?:ka)?|starost(?:a|ka)|ředitel(?:ka)?|vedoucí)"
    r"(?:\s+[^\W\d_]+){0,3}?\s*(?:[.,;]|\s+a\s|$)"
)


def _opener_by_role(reader: _Reader, result: Imported) -> str | None:
    """The one person of those present whose role (`Mgr. Jana Nová (předsedkyně)`) is the role that
    opened or led the meeting in the narrative (`Předsedkyně komise zahájila jednání`); None when no
    sentence says so or no one, or more than one, has that role."""
    for line in reader.plains:
        if (match := _OPENED_BY_ROLE.search(line)) is None or NEXT.search(line):
            continue
        role = fold(match["role"] or match["role_after"])[:6]  # `predse`, `koordi`, `staros` …
        holders = [
            person["name"]
            for person in result.present
            if any(
                fold(word).startswith(role)
                for word in f"{person['role'] or ''} {person['org'] or ''}".split()[:1]
            )
        ]
        return holders[0] if len(holders) == 1 else None
    return None


def _recorder_in_attendance(result: Imported) -> str | None:
    """The one person of the attendance whose role says they take the minutes, or None."""
    writers = [
        person["name"]
        for kind in ("present", "guests")
        for person in getattr(result, kind)
        if _WRITES_THE_MINUTES.search(f"{person['role'] or ''} {person['org'] or ''}")
    ]
    return writers[0] if len(writers) == 1 else None


# A role handed out by its noun (`moderace – …`, `Zapisovatel: …`), not told done (`Zapsala: …`, `řídil …`).
_HANDED_ROLE = rx(
    r"^\W*(?:moderace|moderátor(?:ka)?|moderuje|facilitace|facilitátor(?:ka)?|řízení|zápis|zapisovatel(?:ka)?|"
    r"zapisuje)\s*[:–—-]"
)
# A next meeting's heading on its own line: `Příští setkání`, `Na příštím jednání:`, `Další schůzka
# 3. 6. 2021 v 16:00` (a short line, no sentence).
# (after its noun only a colon, a date or nothing: `Příští jednání se uskuteční 14. 5.` and `Příští
# setkání bude v květnu` are sentences, and the role lines under them sign these minutes)
_NEXT_HEADING = rx(
    r"^\W*(?:na\s+)?(?:příští|další|nejbližší)\w*\s+\w+\s*(?::|(?=\d)|$)(?:[^.]|(?<=\d)\.){0,60}$"
)
# A role handed out in the form `role – name`, or by a bullet or an activity's noun in lower case
# (`- moderace: …`); `Zapisovatel: Jana Horká` is a label of these minutes unless right under a heading
# that ends in its colon (`Na příštím jednání:`).
_HANDED_FORM = re.compile(r"^\s*(?:[-–—•*]\s*\S|[^\W\d]+\s*[-–—]|(?-i:[a-zěščřžýáíéůú]))")


def _next_meetings_role(reader: _Reader, index: int) -> bool:
    """True for a line that hands out a role by its noun (`moderace – Eva Horká`) under a heading of
    the next meeting, on the lines right above it (other roles between): the next meeting's, not this one's."""
    if not _HANDED_ROLE.match(reader.plains[index]):
        return False
    j = index - 1
    while j >= 0 and _HANDED_ROLE.match(reader.plains[j]):
        j -= 1
    blank = j >= 0 and not reader.plains[j].strip()
    if blank:
        j -= 1  # (one blank line under the heading)
    if j < 0 or not (_NEXT_HEADING.match(reader.plains[j]) and NEXT.search(reader.plains[j])):
        return False
    handed = _HANDED_FORM.match(reader.plains[index]) is not None
    return handed or (not blank and reader.plains[j].rstrip().endswith(":"))


def _one_person(reader: _Reader, pattern: re.Pattern[str], free: tuple[re.Pattern[str], ...]) -> list[str]:
    """Every name given for a one-person role (recorder, moderator), in order."""
    names: list[str] = []
    for index, line in enumerate(reader.plains):
        if _next_meetings_role(reader, index):
            continue  # `Příští setkání` / `moderace – Eva Horká` / `zápis – Petr Sýkora`: roles handed out
        if pattern is MODERATOR_LABEL and _CHAIR_IN_A_LIST.match(line):
            continue  # `Předseda – pan Salava` in a list of members: the body's chair, not the meeting's
        if (
            pattern is MODERATOR_LABEL
            and _CHAIR_LABEL.match(line)
            and _ELECTED.search(" ".join(reader.plains[max(0, index - 2) : index + 1]))
        ):
            continue  # `Volba předsedy … zvoleni: předseda: Mgr. Jana Nová`: the body's new chair, not who led
        value = _label_value(reader, index, pattern)
        if value is None:
            match = next((m for f in free if (m := f.search(line)) is not None), None)
            if match is None or _OTHER_MEETING_TOLD.search(line[: match.start()]):
                continue  # (`se zúčastnila jednání mikroregionu, jednání vedl …`: another meeting's chair)
            value = match["value"]
        if pattern is RECORDER_LABEL and _NOT_THERE.search(value):
            # `Zapisovatelka Jana Nová – nemocná, zápis pořídil Petr Malý`: the recorder by role did not
            # write these minutes; whoever the line says wrote them did (or nobody it names)
            deed = next((m for f in (_WROTE_INSTEAD, *free[1:]) if (m := f.search(value)) is not None), None)
            if deed is None:
                continue
            value = deed["value"]
        # The first column; a one-cell row of an exported table (`Milan Paluska |`) without its border;
        # the sentence only (`moderoval Mgr. Jan Dub. Na setkání byli přítomni: …`).
        value = re.split(r"\s{3,}|\t", value.strip())[0].strip(" |") if value else value
        value = _END_OF_SENTENCE.split(value)[0] if value else value
        value = _NEXT_LABEL.split(value, maxsplit=1)[0] if value else value
        value = _NAME_THEN_NARRATIVE.sub(r"\g<name>", value) if value else value
        if value and _ALONE_LABEL.match(value):
            continue  # `Předsedající:` over `Přítomno:` (a form's labels one a line): no value
        if value and _RUNNING_TEXT.match(value):
            continue  # `Zapisovatel: zasedací místnost č. 306 … Ing. …`: values of a flattened table
        name = parse_person(value) if value else None
        if name and looks_like_name(name):
            if pattern is RECORDER_LABEL and (pair := _two_recorders(value)) is not None:
                name = pair  # `Zapsal: Tomáš Sedláček (předseda SK) a Petr Bláha (člen SK)`: both wrote them
            names.append(name)
    return names


# `Zapisovatelka: Mgr. Miroslava Kubešová Zasedání Zastupitelstva … bylo zahájeno …`: a transcript ran the
# label and the narrative into one line; the name ends where a capitalised noun of the meeting, or of a
# part of the minutes, opens the narrative.
_NAME_THEN_NARRATIVE = re.compile(
    rf"^(?P<name>(?:[A-Z][A-Za-z]{{0,5}}\.\s*)*{CAPITAL}{SMALL}+(?:\s+{CAPITAL}{SMALL}+){{1,2}})\s+"
    # (whole words: `Marie Nová Starostová`, `Jana Nová Hostová` are names of three words, no post)
    r"(?:Zasedání|Jednání|Schůze|Setkání|Program(?:u)?|Ověřovatel(?:é|ka|ky|ů)?|Přítomn[iíoéý]|Omluven[iíoaéy]?|"
    r"Host(?:é|ů|ia)?|Starost(?:a|ka)|Předsed(?:a|kyně|ající))\b.*$"
)
# `Jana Nová – nemocná`, `Jana Nová (omluvena)`, `Jana Nová je nepřítomna`: the person named was not there.
_NOT_THERE = rx(
    r"^[^,;:]{3,60}?(?:\s[-–—]\s*|\s*[(,]\s*(?:(?:je|byl[a]?)\s+)?|\s+(?:je|byl[a]?)\s+)"
    # (in lower case and no label: `Zapsal: Petr Malý, Nepřítomni: …` runs on into the next label)
    r"(?-i:nemocn|omluven|nepřítomn|indisponován|chyběl|na\s+dovolené\b|v\s+pracovní\s+neschopnosti\b)(?!\w*\s*:)"
    # (nor a state of others named after it in its clause: `Zapsal: Petr Kos, omluveni Jana Bílá a Eva Nová`)
    rf"(?![^,;()]*?(?-i:{CAPITAL}{SMALL}+\s+{CAPITAL}{SMALL}))"
)
# `…, zapsal Petr Malý`, `…, zápis pořídila Eva Malá`: who wrote them instead, after a comma.
_WROTE_INSTEAD = rx(
    r"[,;]\s*(?:zápis\s+)?(?:zapsal|zapisoval|pořídil|vyhotovil|sepsal)[a]?\s+"
    rf"(?P<value>(?:{_BARE_TITLES})?(?-i:{CAPITAL}).+)$"
)
_AND_BETWEEN_NAMES = re.compile(r"(?<=[)\w.])\s+a\s+(?=\S)")
# `Petr Kos, omluveni …`: a comma, then a word in lower case opens another clause after the name.
_CLAUSE_AFTER_NAME = re.compile(rf"[,;]\s*{SMALL}{{2,}}")
_VERIFIER_ROLE = rx(r"\(\s*ověřovatel")


def _two_recorders(value: str) -> str | None:
    """`Tomáš Sedláček (předseda SK) a Petr Bláha (člen SK)` -> `Tomáš Sedláček a Petr Bláha`: two
    people joined by `a` under one recorder's label, each a whole name; None otherwise."""
    parts = _AND_BETWEEN_NAMES.split(value.strip(" .;"))
    if len(parts) != 2 or _VERIFIER_ROLE.search(parts[1]):
        return None  # (`Jana Nová a Marie Veselá (ověřovatelka)`: the second verified them)
    if _CLAUSE_AFTER_NAME.search(parts[0]):
        return None  # (`Petr Kos, omluveni Jana Bílá a Eva Nová`: the second is in another clause)
    names = [parse_person(part) for part in parts]
    if not all(n and looks_like_name(n) and len(n.split()) >= 2 for n in names):
        return None
    return f"{names[0]} a {names[1]}"


def _best(names: list[str]) -> str | None:
    """The first name given, or a fuller form of it given elsewhere (`Z. Nová` -> `Zuzana Nová`)."""
    if not names:
        return None
    best = names[0]
    surname = person_key(best).split(" ")[-1]
    for other in names[1:]:
        if person_key(other).split(" ")[-1] == surname and len(strip_titles(other)) > len(strip_titles(best)):
            best = other
    return best


# `Zpracováním zápisu pověřil paní Janu Nekardovou`: the recorder in the accusative.
_ENTRUSTED = rx(
    r"\b(?:zpracováním|pořízením|vyhotovením|sepsáním|psaním|zapisováním)\s+zápisu\b(?:[^.]|(?<=\d)\.){0,80}?\bpověřil[a]?\s+"
    rf"(?:{SMALL}+\s+){{0,3}}?(?:paní|pana|p\.|pí)?\s*(?P<who>(?-i:(?:[A-Z][A-Za-z]{{0,5}}\.\s*)*{CAPITAL}\w+\s+{CAPITAL}\w+))"
)


# `Na funkci zapisovatele navrhuje p. Petru Tomíčkovou`, `Za zapisovatelku určil paní Janu Novou`,
# `Zapisovateli určil Ing. Jana Houšku a paní …` (the first of two): the recorder proposed or named
# in the accusative.
_PROPOSED_RECORDER = rx(
    r"\b(?:(?:na\s+funkci|za|jako)\s+zapisovatel(?:e|ku|ky)|zapisovatel(?:em|kou|i))\s+(?:byl[a]?\s+)?"
    r"(?:navrhuje|navrhl[a]?|určuje|určil[a]?|jmenuje|jmenoval[a]?|volí|zvolil[a]?)\s+"
    rf"(?:paní|pana|p\.|pí)?\s*(?P<who>(?-i:(?:[A-Z][A-Za-z]{{0,5}}\.\s*)*{CAPITAL}\w+\s+{CAPITAL}\w+))"
)


# `Členové schválili Zdeňku Svobodovou jako zapisovatele`: the recorder elected, in the accusative
# before the role.
_ELECTED_AS_RECORDER = rx(
    r"\b(?:schválil|zvolil|určil|jmenoval|navrhl)[aiy]?\s+(?:paní|pana|p\.|pí)?\s*"
    rf"(?P<who>(?-i:(?:[A-Z][A-Za-z]{{0,5}}\.\s*)*{CAPITAL}\w+\s+{CAPITAL}\w+))\s+"
    r"(?:jako|za)\s+zapisovatel(?:e|ku|ky)\b"
)

# A role told in a sentence, the name after it in the nominative: `zapisovatelem je Pavel Brázda`,
# `Zapisovatelkou byla Jana Nová`, `jako zapisovatel byl zvolen místostarosta obce, ing. Josef
# Zvěřina`, `předsedajícím je Oldřich Bednář`, `Předsedající schůze byla Eva Malá`.
_ROLE_VERB = r"(?:je|byl[a]?|bude)\s+(?:(?:určen|zvolen|jmenován|schválen|navržen|pověřen)[a]?\s+)?"
_RECORDER_SENTENCE = rx(
    r"\b(?:zapisovatel(?:em|kou)|(?:jako|za)\s+zapisovatel(?:ka|e|ku)?)\s+"
    rf"(?:(?:zápisu|jednání|schůze|zasedání|setkání)\s+)?{_ROLE_VERB}"
)
_MODERATOR_SENTENCE = rx(
    r"\b(?:předsedající(?:m|ho)?|(?:jako|za)\s+předsedající(?:ho)?)\s+"
    rf"(?:(?:jednání|schůze|zasedání|setkání|shromáždění)\s+)?{_ROLE_VERB}"
)
# What may stand between the verb and the name: lower-case words of an office, a comma, a courtesy
# word or a lower-case title (`místostarosta obce, ing. `, `paní `).
_SENTENCE_LEAD_IN = re.compile(
    rf"^\s*(?:{SMALL}+\s+){{0,4}}?(?:{SMALL}+,\s+)?(?:(?:pan|paní|p\.|pí\.?|ing\.|mgr\.|bc\.)\s*)*$"
)


# `Ing. Michal Zamrazil (dále jen „MZ“) … JUDr. Karel Polák (dále jen „KP“) … navrhl, aby … zapisovatelem a
# ověřovatelem KP`: the recorder named by the initials the minutes defined for a person.
_ALIAS_DEFINED = re.compile(
    rf"(?P<name>(?:[A-Z][A-Za-z]{{0,5}}\.\s*)*{CAPITAL}{SMALL}+\s+{CAPITAL}{SMALL}+)\s*"
    r"\(\s*dále\s+jen\s+[„\"“]?(?P<alias>[A-ZČŘŠŽÝÁÍÉÚŮ]{2,4})[“\"”]?\s*\)"
)
_RECORDER_ALIAS = rx(
    r"\bzapisovatel(?:em|kou)(?:\s+a\s+ověřovatel(?:em|kou))?\s+(?:(?:je|byl[a]?|bude)\s+)?"
    r"(?-i:(?P<alias>[A-ZČŘŠŽÝÁÍÉÚŮ]{2,4}))\b"
)


def _recorder_by_alias(reader: _Reader) -> str | None:
    """The recorder named by initials the minutes defined (`… (dále jen „KP“)`, `zapisovatelem … KP`)."""
    text = " ".join(reader.plains)
    # only a person's initials: a title or a known first name before the surname (not `Charita Opava
    # (dále jen „CO“)`, an organisation)
    aliases = {
        match["alias"]: match["name"]
        for match in _ALIAS_DEFINED.finditer(text)
        if "." in match["name"] or fold(match["name"].split()[0]) in FIRST_NAMES
    }
    if aliases and (match := _RECORDER_ALIAS.search(text)) is not None:
        return aliases.get(match["alias"])
    return None


def _role_in_sentence(reader: _Reader, pattern: re.Pattern[str]) -> str | None:
    """The person a sentence names in a role (`zapisovatelem je Pavel Brázda`, `předsedajícím byl
    …`), as written; None when no sentence says so of a name written in full."""
    for line in reader.plains:
        for match in pattern.finditer(line):
            rest = line[match.end() : match.end() + 160]
            for start, _end, name in names_in_text(rest):
                if _SENTENCE_LEAD_IN.match(rest[:start]):
                    return name
                break
    return None


# `Omluvil Ing. Miroslava Mouchu a pana Pavla Kurku.`: the chair excused members by name, in the
# accusative, in a sentence of its own (not `omluvil se`, nor `omluvil neúčast …`, `omluvil nepřítomné`).
_APOLOGISED_FOR = re.compile(
    rf"(?:^|[.;]\s+)(?:[^\s.;]+\s+){{0,3}}?(?i:omluvil[a]?)\s+(?!(?i:se)\b)"
    rf"(?P<who>(?:(?:(?i:pana|paní|p\.|pí)\s*)?(?:[A-Z][A-Za-z]{{0,5}}\.\s*)*{CAPITAL}\w+\s+{CAPITAL}\w+"
    rf"(?:,\s+|\s+a\s+)?)+)(?=[.;]|$)"
)


def _excused_in_accusative(reader: _Reader) -> list[str]:
    """The members the chair excused by name (`Omluvil Ing. Miroslava Mouchu a pana Pavla Kurku.`),
    in the nominative; empty when no sentence says so or a name does not decline."""
    for line in reader.plains:
        if (match := _APOLOGISED_FOR.search(line)) is None:
            continue
        parts = [p.strip() for p in re.split(r",\s+|\s+a\s+", match["who"]) if p.strip()]
        names = [
            nominative_name(found["name"], "accusative")
            if (found := _COURTESY_ACCUSATIVE.match(part))
            else None
            for part in parts
        ]
        if names and all(names):
            return [name for name in names if name]
    return []


# `hejtman J. Běhounek omluvil neúčast P. Pacala`, `omluvila nepřítomnost paní Novákové J. a Ing. Petra
# Nováka`: the members the chair excused, in the genitive after the noun of their absence.
_APOLOGISED_ABSENCE = re.compile(
    r"(?i:omluvil[a]?)\s+(?:(?i:také|též|rovněž|i)\s+)?(?i:neúčast|nepřítomnost|absenci)\s+"
    r"(?:(?i:člen[ae]?|členky|zastupitel[ae]?|radní(?:ho)?)\s+)?"
    rf"(?P<who>(?:(?:(?i:pana|paní|p\.|pí\.?)\s*)?(?:[A-Z][A-Za-z]{{0,5}}\.\s*)*{CAPITAL}\w+"
    rf"(?:\s+{CAPITAL}\w+)?(?:\s+[A-Z]\.)?(?:,\s+|\s+a\s+)?)+)"
)
# `p.` in lower case only: `P. Pacala` is an initial.
_COURTESY_GENITIVE = re.compile(r"^(?P<courtesy>[Pp]aní|[Pp]í\.?|[Pp]ana|p\.)?\s*(?P<name>.+)$")
_INITIAL = re.compile(r"^[A-Z][a-z]?\.$")


def _genitive_person(part: str) -> str | None:
    """`paní Novákové J.`, `P. Pacala`, `Ing. Petra Nováka` in the nominative (`Nováková J.`, `P. Pacal`,
    `Ing. Petr Novák`): by the first name when there is one, else the surname alone by its ending
    (or `paní`/`pana`); None when it is no name."""
    found = _COURTESY_GENITIVE.match(part.strip(" ,"))
    if found is None:
        return None
    name = found["name"].strip()
    if (whole := nominative_name(name, "genitive")) is not None:
        return whole
    words = name.split()
    surnames = [n for n, w in enumerate(words) if not _INITIAL.match(w) and not is_title_only(w)]
    if len(surnames) != 1 or (len(words) < 2 and not found["courtesy"]):  # `P. Pacala`, `pana Kubíčka`
        return None
    courtesy = (found["courtesy"] or "").lower()
    gender = "f" if courtesy.startswith(("paní", "pí")) else "m" if courtesy == "pana" else None
    words[surnames[0]] = surname_nominative(words[surnames[0]], "genitive", gender)
    return " ".join(words)


# `…, L. Michalec (SOSaD) omluven`, `Ing. Jana Malá omluvena.`: a name, its organisation in brackets, then
# the participle after it, closing its clause.
_EXCUSED_AFTER_NAME = re.compile(
    rf"(?:^|[,;.]\s+|\s[-–—]\s+)(?P<who>(?:[A-Z][A-Za-z]{{0,5}}\.\s*)*{CAPITAL}{SMALL}+(?:\s+{CAPITAL}{SMALL}+)?)"
    r"(?:\s*\([^()]{1,40}\))?\s+(?:je\s+|byl[a]?\s+)?omluven[aáý]?(?=\s*(?:[,;.]|$))"
)


def _excused_after_name(reader: _Reader) -> list[str]:
    """The people a clause names with `omluven` after them (`L. Michalec (SOSaD) omluven`); empty when
    none, or when what stands before it is no name."""
    found: list[str] = []
    for line in reader.plains:
        for match in _EXCUSED_AFTER_NAME.finditer(line):
            who = match["who"].strip()
            if len(who.split()) >= 2 and looks_like_name(who) and who not in found:
                found.append(who)
    return found


def _excused_in_genitive(reader: _Reader) -> list[str]:
    """The members the chair excused by the noun of their absence (`omluvil neúčast P. Pacala`), in
    the nominative; empty when no sentence says so or a name does not decline."""
    for line in reader.plains:
        if (match := _APOLOGISED_ABSENCE.search(line)) is None:
            continue
        parts = [p.strip() for p in re.split(r",\s+|\s+a\s+", match["who"]) if p.strip()]
        names = [_genitive_person(part) for part in parts]
        if names and all(names):
            return [name for name in names if name]
    return []


def _recorder_entrusted(reader: _Reader) -> str | None:
    """The person the chair entrusted with the minutes (`Zpracováním zápisu … pověřil paní Janu
    Nekardovou`, `Na funkci zapisovatele navrhuje p. Petru Tomíčkovou`, `schválili zapisovatelku
    Krystynu Novákovou`), in the nominative; None when no sentence says so or the name does not
    decline."""
    for line in reader.plains:
        if (
            match := _ENTRUSTED.search(line)
            or _PROPOSED_RECORDER.search(line)
            or _ELECTED_AS_RECORDER.search(line)
            or _APPROVED_RECORDER.search(line)
        ) is not None:
            return nominative_name(match["who"], "accusative") or _woman_in_accusative(match["who"])
    return None


# `Účastníci jednomyslně schválili zapisovatelku Krystynu Novákovou`, `zvolili za zapisovatele Ing.
# Jana Nováka`: the verb, the role in the accusative, then the person in the accusative.
_APPROVED_RECORDER = rx(
    r"\b(?:schválil|zvolil|určil|jmenoval|navrhl)[aiy]?\s+(?:(?:za|jako)\s+)?zapisovatel(?:e|ku)\s+"
    rf"(?:paní|pana|p\.|pí)?\s*(?P<who>(?-i:(?:[A-Z][A-Za-z]{{0,5}}\.\s*)*{CAPITAL}\w+\s+{CAPITAL}\w+))"
)
# `Krystynu Novákovou`, `Krystyna Novákovou`: a woman's surname in `-ovou`, her first name in `-u`
# (or left in the nominative); her first name need not be a common one.
_WOMAN_ACCUSATIVE = re.compile(
    rf"^(?P<title>(?:[A-Z][A-Za-z]{{0,5}}\.\s*)*)(?P<first>{CAPITAL}{SMALL}+)[ua]\s+(?P<last>{CAPITAL}{SMALL}+)ovou$"
)


def _woman_in_accusative(who: str) -> str | None:
    """`Krystynu Novákovou` -> `Krystyna Nováková` (see `_WOMAN_ACCUSATIVE`); None otherwise."""
    woman = _WOMAN_ACCUSATIVE.match(squash(who))
    return f"{woman['title']}{woman['first']}a {woman['last']}ová" if woman is not None else None


# `Vedením zasedání místopředsedkyně pověřila ředitelku Krystyna Novákovou`: the chair handed the
# leading of the meeting to someone, named in the accusative.
_LEADING_ENTRUSTED = rx(
    r"\bvedením\s+(?:jednání|zasedání|schůze|setkání|porady)\b(?:[^.]){0,60}?\bpověřil[a]?\s+"
    rf"(?:{SMALL}+\s+){{0,2}}?(?:paní|pana|p\.|pí)?\s*(?P<who>(?-i:(?:[A-Z][A-Za-z]{{0,5}}\.\s*)*{CAPITAL}\w+\s+{CAPITAL}\w+))"
)


def _leading_entrusted(reader: _Reader) -> str | None:
    """Who the chair entrusted with leading the meeting (`_LEADING_ENTRUSTED`), in the nominative."""
    for line in reader.plains:
        if (match := _LEADING_ENTRUSTED.search(line)) is not None:
            return nominative_name(match["who"], "accusative") or _woman_in_accusative(match["who"])
    return None


# --- the moderator in the narrative ---------------------------------------------------------------

_MEETING_NOUN = r"(?:jednání|setkání|schůzi|schůzku|zasedání|poradu)"
# `Jednání zahájil vedoucí skupiny Mgr. Petr Malý`, `Slova se ujala Bc. Jana Nová`: the name after.
# The meeting noun may have its genitive after it: `Zasedání Rady vlády pro seniory řídil Ing. …`.
_OPENED_BY = rx(
    rf"\b{_MEETING_NOUN}(?:\s+[^\s,.;:]+){{0,8}}?\s+(?:zahájil[a]?\s+a\s+)?(?:zahájil|vedl|řídil|moderoval)[a]?\b|"
    r"\bslova\s+se\s+(?:hned\s+)?ujal[a]?\b|"
    # `Zahájení jednání provedl předseda Ing. František Winter`, `Zahájení provedl místopředseda …`
    r"\bzahájení(?:\s+(?:jednání|setkání|schůze|schůzky|zasedání|porady))?\s+provedl[a]?\b|"
    # `Jednání bylo zahájeno v 8.45 hod. a řídil jej předseda sdružení, p. Ing. Kořínek`: the meeting
    # as a pronoun after it was named
    rf"\b{_MEETING_NOUN}\b(?:[^.;]|\.(?=\d)|(?<=hod)\.){{0,80}}?\ba\s+(?:řídil|vedl)[a]?\s+(?:jej|ho)\b|"
    # `- v 16:30 zahájil jednání předseda výboru bytové politiky ZHMP Bohumil Zoufalík.`: the verb first,
    # who did it after the meeting noun (read only when nothing but their post stands between)
    rf"(?P<verb_first>\b(?:zahájil|řídil|vedl)[a]?\s+(?:a\s+(?:řídil|vedl)[a]?\s+)?{_MEETING_NOUN}\b)"
)
# An academic title and a surname (`Ing. Kořínek`): a person, as minutes name one they all know.
_TITLE_AND_SURNAME = re.compile(
    # (`Zasedání zahájil ing. Zima.`: transcripts write the title in lower case)
    r"(?<![\w.])(?:(?:Mgr|mgr|Bc|bc|Ing|ing|MUDr|PhDr|JUDr|RNDr|PaedDr|MgA|BcA|Dr|doc|prof)\.\s*)+"
    rf"{CAPITAL}{SMALL}{{2,}}(?:-{CAPITAL}{SMALL}+)?(?=[\s,;]|\.?$|\.\s)"
)
# What may stand between the verb and the name: a time (`v 17:05`), lower-case words of a role,
# an ordinal and the body it belongs to (`1. místopředseda Rady`), no punctuation.
_ROLE_LEAD_IN = re.compile(
    r"^\s*(?:v\s+\d{1,2}[:.]\d{2}\s*(?:hod\.?\s*)?)?"
    # `koordinátorka KPSS`, `předseda ŘS`: an acronym of the body may stand in the role
    rf"(?:(?:{SMALL}+|\d{{1,2}}\.|{CAPITAL}{SMALL}+|{CAPITAL}{{2,6}})\s+){{0,8}}"
    # `zahájil a řídil starosta obce, pan Jaromír Lenoch`: a comma, then the courtesy word
    rf"(?:{SMALL}+,\s+(?:pan|paní|p\.|pí\.?)\s*)?"
    # `… řídil předseda výboru posl. V. Koníček`: the abbreviation of a deputy's office before the name
    r"(?:(?:posl|sen)\.\s*)?$"
)
# A post and whose it is, right after the meeting noun (`předseda výboru bytové politiky ZHMP`): a word of a
# post first, then lower-case words or an acronym, no conjunction or verb between.
_POST_LEAD_IN = re.compile(
    r"^\s+(?:předsed|místopředsed|předsedající|starost|místostarost|primátor|hejtman|ředitel|vedoucí|"
    r"koordinátor|radní|náměst)\w*"
    rf"(?:\s+(?!a\b|i\b)(?:{SMALL}+|{CAPITAL}{{2,6}})){{0,6}}\s*,?\s*(?:(?:pan|paní|p\.|pí\.?)\s*)?$"
)
# Reported speech before a verb of leading a meeting (`… informovala, že na kraji vedl jednání …`).
_REPORTED = rx(r",?\s+že\s")
# A name with initials (`V. Novotný`, `P. Strejc`), as minutes of a board often write it.
_INITIALS_NAME = re.compile(
    rf"(?<![\w.])(?:{CAPITAL}\.\s?){{1,2}}{CAPITAL}{SMALL}+(?:-{CAPITAL}{SMALL}+)?(?!\w)"
)
# A surname as short minutes write it after the verb, with an initial or `st.`/`ml.` (a father and
# a son of one name), a courtesy word before it (`bratr`, as firemen write): `Jednání zahájil
# v 19.35 hodin Bárta V. st.`, `… zahájil bratr Bárta st.`.
_SURNAME_OPENER = re.compile(
    r"^\s*(?:v\s+\d{1,2}(?:[:.]\d{2})?\s*(?:hodin|hod\.?|h\.?)?\s+)?"
    r"(?:(?:bratr|sestra|pan|paní|p\.|pí\.?)\s*)?"
    # (a title is no surname: `zahájila p. Mgr. Kratochvílová` is read as a name in full elsewhere)
    r"(?!(?:Mgr|Bc|Ing|MUDr|PhDr|JUDr|RNDr|PaedDr|MgA|BcA|Dr|DiS)\.)"
    rf"(?P<name>{CAPITAL}{SMALL}+(?:\s+{CAPITAL}\.)?(?:\s+(?:st|ml)\.)?)(?=[\s,;]|\.?$|\.\s)"
)
# A word that opens another clause: a conjunction, a relative pronoun, or a verb in the past tense
# (`zapisovala`, `pořídila`, `vedl`).
_CLAUSE_WORD = (
    r"(?:a|i|ale|nebo|že|aby|když|kdy|kde|jak|zatímco|poté|pak|který|která|které|což|zápis)\b"
    rf"|{SMALL}*(?:al|il|el|ěl|ul|yl|dl|tl|sl)[aoiy]?\b"
)
# `Zasedání zahájil v 19,05 hod. starosta obce p. Novotný, přivítal …`: a post, a courtesy word and a
# surname alone ending the clause — the post says who; a surname alone without it is too little.
_POST_THEN_SURNAME = re.compile(
    r"^\s*(?:v\s+\d{1,2}(?:[:.,]\d{2})?\s*(?:hodin|hod\.?|h\.?)?\s+)?"
    rf"{_POST}\w*"
    # (the words of whose post it is, `obce`, `výboru`: no conjunction or verb, which would open the next
    # clause — `Schůzi řídil předseda výboru a zapisovala p. Malá` names the recorder)
    # (no comma before the courtesy word: `řídil jej předseda sdružení, pan Kořínek` names no one for sure)
    rf"(?:\s+(?!{_CLAUSE_WORD}){SMALL}+){{0,3}}\s+(?:pan|paní|p\.|pí\.?)\s*"
    # (a title is no surname: `předseda sdružení, p. Ing. Kořínek` is read as a titled name elsewhere)
    r"(?!(?:Mgr|Bc|Ing|MUDr|PhDr|JUDr|RNDr|PaedDr|MgA|BcA|Dr|DiS|Doc|Prof)\.)"
    rf"(?P<name>{CAPITAL}{SMALL}{{2,}})(?=\s*[,;]|\.?\s*$|\.\s|\s+a\s)"
)
# `Vedoucí skupiny Mgr. Jana Nová přivítala členy a v 11:00 zahájila jednání`, `… zahájil
# 12. zasedání Rady`: the name before.
# Also `Pan Mrzílek se ujal řízení zasedání`. Who welcomes those present and then takes them
# through the agenda leads the meeting (`… přivítal přítomné. Seznámil senátory s programem`,
# `… všechny přítomné úvodem přivítal a poté přistoupil k jednotlivým bodům`, `… přistoupil k programu
# jednání`); a welcome alone does not say so (`… přivítala všechny přítomné a představila nové členy`),
# nor another subject's verb (`… a informovala, že domov přistoupil k programu Značka kvality`): the
# program is the meeting's agenda, and no `že` or `který` clause stands between.
# The full stop of a title or a short abbreviation (`Mgr.`, `Bc.`, `PhDr.`) inside a sentence.
_TITLE_STOP = r"(?:(?<=\b[A-Z][a-z])|(?<=\b[A-Z][a-z]{2})|(?<=\b[A-Z][A-Za-z]{3}))\."
_TAKES_THROUGH = (
    r"(?:(?:dále|poté|následně|pak)\s+)?(?:seznámil[a]?\s+(?:\w+\s+){0,3}s\s+programem|"
    r"přistoupil[a]?\s+k\s+(?:(?:\w+\s+){0,2}bod|programu(?=\s+(?:jednání|schůze|zasedání|setkání)\b|\s*(?:[.,;:]|$)))|(?:nastínil|představil|přednesl)[a]?\s+(?:návrh\s+)?program)"
)
_OPENED = rx(
    # (a time may stand between: `Milan Farář zahájil v 19h schůzi`)
    rf"\b(?:zahájil|vedl|řídil)[a]?\s+(?:v\s+\d{{1,2}}(?:[:.]\d{{2}})?\s*(?:h|hod)?\.?\s+)?(?:\d{{1,3}}\.\s*)?(?:\w+\s+)?{_MEETING_NOUN}\b|"
    r"\b(?:se\s+ujal[a]?|ujal[a]?\s+se)\s+řízení\s+(?:jednání|zasedání|schůze|schůzky|setkání|porady)\b|"
    r"(?:\bpřivítal[a]?\s+(?:všechny\s+)?přítomné|\b(?:všechny\s+)?přítomné\s+(?:\w+\s+)?přivítal[a]?)\b"
    # (in the same sentence, however long — a title's full stop ends none: `… představil vedoucí
    # skupiny, … Mgr. Tomáše Jurčíka a seznámil s programem` — or in the next one)
    rf"(?=(?:(?!\b(?:že|kter[ýáéí])\b)(?:[^.]|{_TITLE_STOP})){{0,250}}?(?:\.\s+)?{_TAKES_THROUGH}"
    # `… přivítal přítomné na společné schůzce … Pro účastníky shrnul závěry z poslední schůzky a
    # předal slovo koordinátorce`: who gives the floor after the welcome leads the meeting
    rf"|(?:[^.]|{_TITLE_STOP}){{0,250}}?(?:\.\s+(?:[^.]|{_TITLE_STOP}){{0,120}}?)?\bpředal[a]?\s+slovo\b)"
)
# The reading time a blog or a news site puts under a headline: `7 minut čtení`, `Čtení na 5 min`.
_READING_TIME = rx(
    r"^\s*(?:\d{1,2}\s+(?:minut[ay]?|min\.?)\s+čtení|čtení\s+na\s+\d{1,2}\s+min(?:ut)?\.?)\s*$", re.M
)
# The salutation of a letter on a line of its own: `Vážené přítelkyně, vážení přátelé,`, `Milí členové,`.
_LETTER = rx(r"(?:^|\n)\s*(?:vážen[áéíý]|milí|milé|drazí|dobrý\s+den)\b[^\n]{0,80}[,!]\s*(?:\n|$)")
_WELCOMED = rx(r"\bzahájil|\bzahájen|\bpřivítal")
# `MUDr. Jiří Veselý, předseda výboru … přivítal přítomné členy, uvítal hosty a zahájil a dále řídil
# jednání výboru`: the name, then its role after a comma, then (in the same sentence) the opening.
_NAME_ROLE_OPENED = rx(
    r",\s+(?:místo)?(?:předsed(?:a|kyně)|vedoucí|starost(?:a|ka)|ředitel(?:ka)?|koordinátor(?:ka)?)\b"
    rf"(?:[^.;:]|{_TITLE_STOP}){{0,200}}?\b(?:zahájil|řídil|vedl)[a]?"
    r"(?:\s+a\s+(?:dále\s+|také\s+)?(?:zahájil|řídil|vedl)[a]?)?\s+(?:\w+\s+)?"
    rf"{_MEETING_NOUN}\b"
)
_LEAD_IN = re.compile(rf"^(?:\s*{SMALL}+){{0,8}}\s*$")  # lower-case words only: `vedoucí pracovní skupiny`
_SENTENCE = re.compile(rf"[.!?]\s+(?={CAPITAL}{SMALL}+\s+{SMALL})")


# `Předseda komise MUDr. Antoine Katra přivítal všechny přítomné členy komise …` and, a line or two
# later (under an item's heading), `MUDr. Antoine Katra seznámil přítomné členy s návrhem programu`:
# who welcomed those present and then takes them through the agenda leads the meeting.
_WELCOMED_ALL = rx(r"^(?P<before>.{0,80}?)\s+přivítal[a]?\s+(?:všechny\s+)?přítomné\b")
_THROUGH_AGENDA = rx(r"^\s*seznámil[a]?\s+(?:\w+\s+){0,3}s\s+(?:návrhem\s+)?program(?:em|u)\b")


def _welcomer_then_agenda(reader: _Reader, line: str) -> str | None:
    """The person of `_WELCOMED_ALL` when one of the next three lines starts with the same
    name and `_THROUGH_AGENDA`; None otherwise."""
    welcomed = _WELCOMED_ALL.match(line)
    if welcomed is None:
        return None
    named = names_in_text(welcomed["before"])
    if not named or welcomed["before"][named[-1][1] :].strip():
        return None  # the name right before the verb
    name = named[-1][2]
    plains = [p for p in reader.plains if p]
    try:
        index = plains.index(line)
    except ValueError:
        return None
    for following in plains[index + 1 : index + 4]:
        if following.startswith(name) and _THROUGH_AGENDA.match(following[len(name) :]):
            return name
    return None


# `Zasedání zahájeno v 18:15 hod. Starosta města Ivo Kurhajec přivítal přítomné …`: the opening told
# without who opened it, and the next sentence names who welcomed those present — who opened it.
_OPENED_BY_NOBODY = rx(
    r"\b(?:jednání|zasedání|schůze|schůzka|setkání|porada)\s+(?:bylo\s+|byla\s+|byl\s+)?zahájen[oa]?"
    r"(?:\s+(?:v|ve|od)\s+\d{1,2}(?:[:.]\d{2})?\s*(?:hod(?:in)?\.?|h\.?)?)?\s*[.;]?\s*$"
)


def _welcomer_after_opening(reader: _Reader) -> str | None:
    """The one who welcomed those present (`_WELCOMED_ALL`, the name right before the verb) in the
    sentence right after one that says the meeting was opened and not by whom; None otherwise."""
    plains = [p for p in reader.plains if p]
    for index, line in enumerate(plains):
        if NEXT.search(line):
            continue
        for stop in re.finditer(r"[.;]\s+|$", line):
            if stop.start() == 0 or not _OPENED_BY_NOBODY.search(line[: stop.end()]):
                continue
            # the next sentence, on this line or (the opening ending it) on the next one
            after = line[stop.end() :] or (plains[index + 1] if index + 1 < len(plains) else "")
            welcomed = _WELCOMED_ALL.match(after)
            if welcomed is None or _END_OF_SENTENCE.search(welcomed["before"]):
                break
            named = names_in_text(welcomed["before"])
            if named and not welcomed["before"][named[-1][1] :].strip():
                return named[-1][2]
            break
    return None


def _cut_at_the_end(name: str | None, reader: _Reader) -> bool:
    """True when `name`, read from a sentence, ends where the text stops mid-sentence (no full
    stop after it): an excerpt cut inside the name (`… řídil starosta obce Ing. Lad`)."""
    last = next((p for p in reversed(reader.plains) if p.strip()), "").rstrip()
    if not name or not last or last[-1] in ".!?)\"“”'’:;," or not last.endswith(name):
        return False
    # A first name and a surname in full (`předseda výboru Petr Malý`, `Malý Petr`) is no cut-off
    # excerpt though no full stop follows: only a name that ends in a stump (`Ing. Lad`) is.
    words = strip_titles(name).split()
    if len(words) >= 2 and any(
        fold(first) in FIRST_NAMES and len(surname) >= 4
        for first, surname in ((words[0], words[-1]), (words[-1], words[0]))
    ):
        return False
    # (the name named once, in a sentence: not a signature's label at the end, `Ověřila: Mgr. Petra Kotrbová`)
    before = last[: -len(name)]
    return (
        ":" not in before[-40:]
        and sum(len(re.findall(rf"(?<!\w){re.escape(name)}(?!\w)", p)) for p in reader.plains) == 1
    )


def _unwrapped(plains: list[str]) -> list[str]:
    """The lines, each that goes on in lower case from an unfinished line above it joined to it:
    `Schůzi` / `bytového družstva zahájil předseda …`, text broken at a fixed width."""
    joined: list[str] = []
    for number, line in enumerate(plains):
        above = plains[number - 1].rstrip() if number else ""
        if above and line[:1].islower() and not above.endswith((".", ":", ";", "!", "?")):
            line = f"{above} {line}"
        joined.append(line)
    return joined


# Another meeting told of before (`Pan Dub informoval o výroční schůzi hasičů. Schůzi zahájil starosta SDH …`,
# `se zúčastnila jednání mikroregionu, jednání vedl …`): who opened or led it after this leads no meeting of ours.
_OTHER_MEETING_TOLD = rx(
    rf"\b(?:(?:informoval|referoval|hovořil)[aoiy]?\s+o\s+(?:{SMALL}+[éí]\s+){{0,2}}"
    r"(?:schůzi|jednání|zasedání|setkání|valné\s+hromadě|konferenci|poradě|shromáždění)|"
    rf"(?:zúčastnil|účastnil)[aoiy]?\s+(?:se\s+)?(?:{SMALL}+(?:é|í|ého)\s+){{0,2}}"
    r"(?:schůze|jednání|zasedání|setkání|valné\s+hromady|konference|porady|shromáždění))\b"
)


def _chair_of_named_body(reader: _Reader) -> str | None:
    """`Schůzi zahájila předsedkyně Klubu Diana Míla Gruberová.` -> `Míla Gruberová` (`chair_of_named_body`);
    not in a sentence about the next meeting."""
    for line in _unwrapped(reader.plains):
        if (found := chair_of_named_body(line)) is not None and not NEXT.search(line):
            return found[1]
    return None


def _narrative_moderator(reader: _Reader) -> str | None:
    """The person the narrative says opened or led the meeting, in the nominative; None when
    no sentence says so of a name written in full."""
    for line in _unwrapped(reader.plains):
        if len(line) <= 120 and NEXT.search(line):
            continue  # about the next meeting (a long line of a transcript: only near the verb)
        for match in _OPENED_BY.finditer(line):
            if NEXT.search(line[max(0, match.start() - 80) : match.end() + 80]):
                continue
            if _OTHER_MEETING_TOLD.search(line[: match.start()]):
                continue  # (the meeting is one told of, not this one)
            if match[0].lower().startswith("slova") and not _WELCOMED.search(line):
                continue  # `slova se ujal` alone: a speaker, not who led the meeting
            rest = line[match.end() : match.end() + 160]
            if match["verb_first"] is not None:
                # (`Koordinátorka informovala, že na krajském úřadě vedl jednání náměstek hejtmana …`:
                # reported speech tells of another meeting, not who led this one)
                if _REPORTED.search(line[: match.start()].rsplit(". ", 1)[-1]):
                    continue
                # (`… zahájil jednání a předal slovo Ing. Petru Malému`: who spoke next, no post before them)
                found = names_in_text(rest)[:1]
                if found and _POST_LEAD_IN.match(rest[: found[0][0]]):
                    return found[0][2]
                continue
            for start, _end, name in names_in_text(rest):
                if _LEAD_IN.match(rest[:start]) or _ROLE_LEAD_IN.match(rest[:start]):
                    return name
                break
            initials = _INITIALS_NAME.search(rest)
            if (
                initials is not None
                and _ROLE_LEAD_IN.match(rest[: initials.start()])
                and not fold(initials[0]).endswith(_DECLINED_ENDINGS)
            ):
                return initials[0]  # `Schůzi zahájil v 17:05 předseda V. Novotný.`
            surname = _SURNAME_OPENER.match(rest)
            if (
                surname is not None
                and "." in surname["name"]  # a surname alone (`pan Malý`) is too little
                and not fold(surname["name"].split()[0]).endswith(_DECLINED_ENDINGS)
            ):
                return surname["name"]  # `Jednání zahájil v 19.35 hodin Bárta V. st.`
            posted = _POST_THEN_SURNAME.match(rest)
            if posted is not None and not fold(posted["name"]).endswith(_DECLINED_ENDINGS):
                return posted["name"]
            titled = _TITLE_AND_SURNAME.search(rest)
            if (
                titled is not None
                and _ROLE_LEAD_IN.match(rest[: titled.start()])
                and not fold(titled[0].split()[-1]).endswith(_DECLINED_ENDINGS)
                # (`ing. Rudolf Klas`: a first name, the surname after it, is no surname alone)
                and not re.match(rf"\s+{CAPITAL}{SMALL}", rest[titled.end() :])
            ):
                return titled[0]  # `… a řídil jej předseda sdružení, p. Ing. Kořínek.`
        for match in _OPENED.finditer(line):
            before = line[: match.start()]
            role = _ROLE_SUBJECT_END.search(before)
            if role is not None and _POST_UNNAMED_AFTER.search(before[: role.start()]) is not None:
                continue  # `… PaedDr. David Holman Starosta zahájil jednání`: the post is the subject, unnamed
            sentences = list(_SENTENCE.finditer(before))
            sentence = before[sentences[-1].end() :] if sentences else before
            found = names_in_text(sentence)
            if found and re.search(r"[,.;:]", sentence[: found[0][0]]) is None:
                return found[0][2]
            # `Předseda senátu, P. Strejc, zahájil zasedání`: initials right before the verb.
            if (just := re.search(rf"({_INITIALS_NAME.pattern}),?\s*$", before)) is not None:
                return just[1]
            if (subject := _subject_before(before)) is not None:
                return subject
        if (welcomer := _welcomer_then_agenda(reader, line)) is not None:
            return welcomer
        for match in _NAME_ROLE_OPENED.finditer(line):
            before = line[: match.start()]
            named = [n for start, end, n in names_in_text(before) if not before[end:].strip()]
            if named and not fold(named[-1]).endswith(_DECLINED_ENDINGS):
                return named[-1]
    return None


# `Program jednání byl zahájen v 16:13 hod. v prostorách …`: the opening told in the passive (the
# meeting's noun its first group), and after it the place (`_place_after_opening`) or, as in
# `Zasedání … bylo zahájeno v 18.00 hodin dosavadním starostou p. Stanislavem Freslem`, the one who
# opened the meeting in the instrumental after the passive, with a role before the name.
# `Zastupitelstvo obce Zbilidy bylo zahájeno … starostou obce Romanem Hejdukem`: the body itself.
_OPENED_PASSIVE = rx(
    r"\b(jednání|zasedání|schůze|schůzka|setkání|porada|zastupitelstvo|valná\s+hromada)\b[^.;]{0,150}?\b(?:bylo|byla|byl)\s+zahájen[oa]?\b"
)
_BY_WHOM = re.compile(
    # (the hour may be lost in a transcript: `bylo zahájeno v hodin starostou obce, panem …`)
    r"^\s*(?:(?:v|ve|od)\s+(?:\d{1,2}(?:[:.]\d{2})?\s*(?:hod(?:in)?\.?|h\.?)?|hod(?:in)?\.?)\s*)?,?\s*"
    # the role, lower-case words with a noun in the instrumental (`dosavadním starostou města`), and a
    # comma before the name after it (`starostou obce, panem Liborem Kašpárkem`)
    rf"(?P<role>(?:{SMALL}+\s+){{0,3}}?{SMALL}+(?:ou|em|ím|ým|í)(?:\s+{SMALL}+){{0,2}}),?\s+"
    r"(?:(?:p|pí)\.\s*|panem\s+|paní\s+)?"
    rf"(?P<name>(?:[A-Z][A-Za-z]{{0,5}}\.\s*)*{CAPITAL}{SMALL}+(?:em|ou|ím|ým)\s+{CAPITAL}{SMALL}+(?:em|ou|ím|ým))\b"
)


def _passive_moderator(reader: _Reader) -> str | None:
    """Who the passive says opened the meeting (`bylo zahájeno … starostou p. Stanislavem
    Freslem`), in the nominative; None when no sentence says so of a name in full."""
    for line in reader.plains:
        if NEXT.search(line):
            continue
        for match in _OPENED_PASSIVE.finditer(line):
            by_whom = _BY_WHOM.match(line[match.end() : match.end() + 200])
            if by_whom is not None and (name := nominative_name(by_whom["name"], "instrumental")) is not None:
                return name
    return None


# The word of a role that opens the subject of `… zahájil jednání` (`Předseda Rady vlády …`).
_ROLE_NOUN = rx(
    r"\b(?:místo)?(?:předsed(?:a|kyně)|starost(?:a|ka))\b|\b(?:vedoucí|koordinátor(?:ka)?|ředitel(?:ka)?|"
    r"primátor(?:ka)?|hejtman(?:ka)?|děkan(?:ka)?|velitel(?:ka)?|náměst(?:ek|kyně))\b"
)
_COURTESY_END = rx(r"(?:\b(?:pan|paní)|\b(?:p|pí)\.)\s*$")
# A capitalised post (and whose it is) right before the verb: `Starosta zahájil jednání`,
# `Předsedkyně komise zahájila …` — the subject is the post, no name; a name before it belongs to what
# precedes (`Ověřovatel zápisu: PaedDr. David Holman Starosta zahájil …`, a transcript's run-on line).
_ROLE_SUBJECT_END = re.compile(
    rf"(?<![\w.])(?:Místo(?:předsed(?:a|kyně)|starost(?:a|ka))|Předsed(?:a|kyně)|Starost(?:a|ka))(?:\s+{SMALL}+){{0,2}}\s*$"
)
# What comes before such a post when it names no one: nothing, the end of a sentence, or a label's value
# (`Ověřovatel: Eva Malá`) the transcript ran on into it. A name joined to the post otherwise (`Jan Dub –
# Předseda komise zahájil`, `Pan Jan Dub Starosta obce zahájil`) is the subject in apposition.
_POST_UNNAMED_AFTER = re.compile(r"^\s*$|[.!?]\s*$|:\s")


def _subject_before(before: str) -> str | None:
    """The name right before the verb in a transcript that runs sentences together
    (`… Petra Tomíčková Předseda MAS p. Josef Teuer všechny přítomné úvodem přivítal`): the last
    name, with only lower-case words between it and the verb and only words of a role (and
    `p.`, `pí.`) between it and the text before."""
    found = names_in_text(before)
    if not found:
        return None
    start, end, name = found[-1]
    if not re.fullmatch(rf"(?:\s+{SMALL}+){{0,4}}\s*", before[end:]):
        return None
    lead = before[found[-2][1] if len(found) >= 2 else 0 : start]
    lead = _COURTESY_END.sub("", lead)
    lead = re.split(r"[,.;:]", lead)[-1]
    # `Přítomni: dle podpisové listiny Předseda Rady vlády pro … Jiří Dienstbier zahájil`: the role
    # starts the subject; what stands before it ends a label or a heading.
    roles = list(_ROLE_NOUN.finditer(lead))
    if roles:
        lead = lead[roles[-1].start() :]
    return name if _ROLE_LEAD_IN.match(lead) else None


# A surname after a title or `pan`/`paní` (`Mgr. Čermáková`, `paní Nová`), as the narrative
# names someone already listed.
_TITLED_SURNAME = re.compile(
    r"(?:(?<![\w.])(?:[A-Z][A-Za-z]{0,5}\.\s*)+|\b(?:[Pp]an|[Pp]aní|p\.|pí)\s+(?:[A-Z][A-Za-z]{0,5}\.\s*)*)"
    rf"(?P<surname>{CAPITAL}{SMALL}{{2,}}(?:-{CAPITAL}{SMALL}+)?)(?![\w.])"
)


def _in_full(name: str | None, present: list[PersonDict]) -> str | None:
    """A surname alone (`Horká`, from `vedla paní Horká`) as the attendance list writes that
    person (`Jana Horká`), when exactly one person present has that surname; else as it was."""
    if name is None or len(strip_titles(name).split()) != 1:
        return name
    surname = fold(strip_titles(name).strip(" ,."))
    found = {p["name"] for p in present if fold(strip_titles(p["name"]).split()[-1].strip(",")) == surname}
    return found.pop() if len(found) == 1 else name


def _moderator_by_surname(reader: _Reader, present: list[PersonDict]) -> str | None:
    """`Předsedkyně komise Mgr. Čermáková oficiálně zahájila setkání`: a surname in the sentence
    that says who opened or led the meeting, which is the surname of exactly one person present;
    that person's name as the list writes it. None otherwise."""
    by_surname: dict[str, set[str]] = {}
    for person in present:
        words = strip_titles(person["name"]).split()
        if words:
            by_surname.setdefault(fold(words[-1].strip(",")), set()).add(person["name"])
    for line in reader.plains:
        if NEXT.search(line):
            continue
        sentences = re.split(rf"(?<={SMALL}{{3}})\.\s+", line)
        for number, sentence in enumerate(sentences):
            # with the next sentence, which may say the one who welcomed went on through the agenda
            window = ". ".join(sentences[number : number + 2])
            opened = _OPENED.search(window)
            if not ((opened is not None and opened.start() < len(sentence)) or _OPENED_BY.search(sentence)):
                continue
            if _OTHER_MEETING_TOLD.search(sentence):
                continue  # (`Pan Dub informoval o výroční schůzi hasičů … Schůzi zahájil …`: another meeting)
            found = {
                name
                for match in _TITLED_SURNAME.finditer(sentence)
                for name in by_surname.get(fold(match["surname"]), set())
            }
            if len(found) == 1:
                return found.pop()
    return None


# --- the whole document -----------------------------------------------------------------------


def _warnings(result: Imported, looks_like_minutes: bool, next_decided: bool) -> list[str]:
    warnings: list[str] = []
    if not looks_like_minutes and result.attaches_minutes:
        warnings.append(
            _(
                "this looks like a post that attaches its minutes as a file (`Zápis zde.`, `Přiložené "
                "soubory`), not the minutes' text: import the attached file instead"
            )
        )
    elif not looks_like_minutes:
        warnings.append(
            _(
                "this does not look like minutes (no 'Zápis', attendance or recorder found): "
                "check the document before importing it"
            )
        )
    if result.group is None:
        warnings.append(_("no group found: fill in `group` (or import with --group)"))
    if result.date is None:
        warnings.append(_("no meeting date found: fill in `date`"))
    if result.time is None:
        warnings.append(_("no meeting time found: fill in `time`"))
    if result.place is None:
        warnings.append(_("no meeting place found: fill in `place`"))
    if not result.present:
        if result.attendance_sheet:
            warnings.append(
                _("attendance is only 'dle prezenční listiny': fill in `present` from the attendance sheet")
            )
        elif result.excused or result.absent or result.guests:
            warnings.append(_("nobody present found: fill in `present`"))
        else:
            warnings.append(_("no attendance found: fill in `present` (and `excused`, `absent`, `guests`)"))
    if result.recorder is None:
        warnings.append(_("no recorder found: fill in `recorder`"))
    if result.moderator is None:
        warnings.append(_("no moderator found: fill in `moderator` if the meeting had one"))
    if not result.agenda:
        warnings.append(_("no agenda found: fill in `agenda`"))
    if not result.tasks:
        warnings.append(_("no tasks found: add `tasks` if the meeting set any"))
    if result.next_meeting is None and not next_decided:
        warnings.append(_("no next meeting found: fill in `next_meeting` if it was agreed"))
    for task in result.tasks:
        if task["owner"] is None or task["due"] is None:
            text = task["task"][:40]
            if task["owner"] is None and task["due"] is None:
                warning = _("task {text!r} has no owner and due: fill in its `owner` and `due`")
            elif task["owner"] is None:
                warning = _("task {text!r} has no owner: fill in its `owner`")
            else:
                warning = _("task {text!r} has no due: fill in its `due`")
            warnings.append(warning.format(text=text))
    return warnings


# A finite verb in the past right before the day: `Výroční schůze … se konala 7.3.2024`, as a report tells of
# a meeting (minutes head it: `ze dne`, `konaného dne`, `Datum:`).
_TOLD_HELD = rx(
    r"(?:\bse\s+(?:konal|uskutečnil|sešl)[aoiy]?|\b(?:konal|uskutečnil|sešl)[aoiy]?\s+se|\bproběhl[aoiy]?)"
    r"\s+(?:(?:v|ve)\s+\w+\s+)?(?:dne\s+)?$"
)

# `Dne 21. listopadu 2011 se konalo 13. zasedání …`: the day, then the verb, as a report tells it.
_HELD_AFTER_DAY = rx(rf"^\s*(?:se\s+{HELD_VERB}|proběhl[aoiy]?)\b")


# A web page's date stamp: the day alone on its line, or with when it was published.
_STAMP_LINE = rx(
    r"^\W*\d{1,2}\.\s*(?:\d{1,2}\.|\w+)\s*\d{4}\W*(?:(?:publikováno|zveřejněno|vloženo|aktualizováno)\s*:?"
    r"\s*\d{1,2}\.\s*(?:\d{1,2}\.|\w+)\s*\d{4}\W*)?$"
)


# `Jednání rady seniorů ze dne 12. 4. 2023`: a heading that gives the day as minutes head it
_DAY_OF_TITLE = rx(r"(?:\b(?:ze\s+)?dne|\bkonan\w*(?:\s+dne)?)\s*$")
# A blank to fill in: dots, an ellipsis or underscores in a run (`………`, `.....`, `____`).
_BLANK = re.compile(r"(?:\.\s?){4,}|…{2,}|_{3,}|…\s*$")


def _blank_form(reader: _Reader) -> bool:
    """True when the title of the first lines and at least two labels hold blanks to fill in."""
    lines = [p for p in reader.plains if p][:20]
    titled = any(_BLANK.search(line) and _is_title(line) for line in lines)
    blanks = sum(1 for line in lines if ":" in line and _BLANK.search(line.split(":", 1)[1]))
    return titled and blanks >= 2


# What minutes have and a news item has not: a label of the minutes' own (`Program:`, `Přítomno: 8
# členů`, `K bodu 2:`) or a numbered agenda (`1. Úvod` then `2. …` on the lines after).
_MINUTES_FRAME = rx(
    r"^\W*(?:program(?:\s+jednání|\s+setkání)?|přítomn\w*|omluven\w*|nepřítomn\w*|hosté|zapsal\w*|"
    r"ověřil\w*|usnesení|k\s+bodu\s+\d{1,2})\s*:"
)
_AGENDA_ITEM = re.compile(r"^\s*(?P<number>\d{1,2})\s*[.)]\s+\S")


def _minutes_frame(reader: _Reader) -> bool:
    """True when the text has a label of minutes or a numbered agenda (`1.`, then `2.` on a later
    line, as lines of their own): the shape of minutes, which a news item about a meeting lacks."""
    return any(_MINUTES_FRAME.match(line) for line in reader.plains) or _numbered_agenda(reader)


def _numbered_agenda(reader: _Reader) -> bool:
    """True when items `1.` then `2.` stand as lines of their own: a numbered agenda."""
    numbers = (int(m["number"]) for line in reader.plains if (m := _AGENDA_ITEM.match(line)))
    return (1, 2) in itertools.pairwise(numbers)


def _agenda_and_held(reader: _Reader) -> bool:
    """True when the text has a numbered agenda (`1. Zahájení`, `2. …` as lines of their own) and,
    in its first lines, a sentence of the meeting held (`Jednání komise proběhlo 12. 3. 2024 …`):
    minutes with neither a title nor a label, whose only day is told in that sentence."""
    if any(_NEWS_VOICE.search(line) for line in reader.plains):
        return False  # the agenda reported (`Na programu byly tyto body:`) to readers greeted: news
    return _numbered_agenda(reader) and any(
        _HELD.search(line) for line in reader.plains[:12] if not _AGENDA_ITEM.match(line)
    )


# A report's voice: the agenda told in the past (`Na programu byly tyto body:`, `Projednány byly`),
# the readers greeted or invited (`Těšíme se na vás`, `Srdečně zveme`, `Přijďte`).
_NEWS_VOICE = rx(
    r"\b(?:na\s+programu|na\s+pořadu)\s+byl[aoyi]?\b|\bprojednány\s+byly\b|\btěšíme\s+se\b|"
    r"\bsrdečně\s+(?:zveme|vás\s+zveme)\b|\bpřijďte\b"
)


# A heading of the meeting of a body, without `Zápis` (`Zasedání zastupitelstva obce Žďár nad Metují`,
# `Schůze výboru spolku …`), as a transcript's title or the first words of its paragraph.
_MEETING_OF_BODY = rx(
    r"^\W*(?:\d{1,3}\s+)?(?:(?:veřejné|řádné|mimořádné)\s+)?(?:zasedání|schůze|jednání)\s+"
    r"(?:zastupitelstva|rady|výboru|komise|představenstva|valné\s+hromady)\b"
)
# What the minutes record of the meeting itself, as an invitation or a news item does not: attendance as a
# label (`Přítomno: 6 členů`), a numbered resolution that decides (`Usnesení č. 01/2014 Zastupitelstvo …
# schvaluje …`), and the chair's conduct in the past (`Starosta přivítal …`, `konstatoval, že schůze je
# usnášeníschopná`).
# (the label followed by a count or a name: `Přítomni: předseda a členové výboru (seznam bude doplněn)` of an
# invitation lists no one)
_ATTENDANCE_LABEL = rx(rf"(?:^|\s)přítomn[oiíé]\w*\s*:\s*(?=\d|(?-i:{CAPITAL})|(?:dle|podle)\s+prezen)")
# A news item's byline (`Text: Eva Horká, foto: Karel Dub`).
_NEWS_BYLINE = rx(r"(?:^|\n)\s*(?:text|foto|autor|autorka)\s*:\s*\S")
_NUMBERED_DECISION = rx(
    r"\busnesení\s+(?:č\.|číslo)\s*\d[^.]{0,200}?\b(?:schvaluje|neschvaluje|bere\s+na\s+vědomí|ukládá|volí|"
    r"jmenuje|souhlasí|zamítá)\b"
)
_CONDUCT_TOLD = rx(
    r"\b(?:přivítal[a]?|konstatoval[a]?|zahájil[a]?|určil[a]?\s+ověřovatel\w*)\b|\busnášení\s?schopn\w*"
)


def _record_of_meeting(reader: _Reader, body: str) -> bool:
    """True for minutes with no `Zápis` title and no day (a transcript lost it) that still record their
    meeting: a heading of a body's meeting in the first lines, attendance under a label, a numbered
    resolution that decides and the chair's conduct told in the past — all four; an invitation has no
    attendance or resolutions, a news item no labels or numbered resolutions."""
    # kpss: odhad – four signs together, seen in one transcript (`346`); each alone is common elsewhere
    first = [line for line in reader.plains if line][:12]
    return bool(
        any(_MEETING_OF_BODY.match(line) for line in first)
        and _ATTENDANCE_LABEL.search(body[:3000])
        and _NUMBERED_DECISION.search(body)
        and _CONDUCT_TOLD.search(body)
        and not any(_OTHER_DOCUMENT.search(line) for line in first)
        and not _NEWS_VOICE.search(body)
        and not _NEWS_BYLINE.search(body)
    )


# A news item's byline under its headline: the day it was posted, a comma, its author's name, the section in
# brackets (`31.07.2017, Ondřej Sýkora (Klub důchodců)`).
_DATED_BYLINE = re.compile(
    rf"^\W*\d{{1,2}}\.\s?\d{{1,2}}\.\s?\d{{4}}\s*,\s*(?P<author>{CAPITAL}{SMALL}+\s+{CAPITAL}{SMALL}+)"
    r"\s*(?:\([^()]{1,60}\))?\s*$"
)
# The first person plural of a report (`jsme se sešli`, `seznámila nás`, `uctili jsme`).
_WE_TOLD = rx(r"\b(?:jsme|nás|nám|naše|našich|našeho)\b")


def _report_with_byline(reader: _Reader, result: Imported) -> bool:
    """True for a report of a meeting for readers, not its minutes: a dated byline with an author in the first
    lines, the meeting told in the first person plural (three times at least), and nothing minutes record
    under labels — no label of minutes or numbered agenda, no attendance, recorder, agenda or tasks."""
    first = [line for line in reader.plains if line][:6]
    if not any(_DATED_BYLINE.match(line) for line in first):
        return False
    if _minutes_frame(reader) or result.present or result.excused or result.absent or result.guests:
        return False
    if result.attendance_sheet or result.recorder or result.agenda or result.tasks:
        return False
    return sum(len(_WE_TOLD.findall(line)) for line in reader.plains) >= 3


def _told_as_news(reader: _Reader, day: dt.date | None) -> bool:
    """True when the meeting's day is written only after `se konala`/`proběhlo` (a report of
    the meeting, not its minutes); False when it stands anywhere else too, or nowhere."""
    if day is None or _agenda_and_held(reader):
        # (minutes that open with `Jednání proběhlo 12. 3. 2024` above a numbered agenda tell their
        # day so too; a news report of a meeting has no agenda of its own)
        return False
    told = False
    numbered = _numbered_agenda(reader)
    # a page stamp or headline with the day is read past only on a page without the shape of minutes
    news_page = not _minutes_frame(reader)
    first = next((n for n, line in enumerate(reader.plains) if line), -1)
    for n, line in enumerate(reader.plains):
        for hit in find_dates(line):
            if hit.date(day.year) != day:
                continue
            if news_page and (
                _STAMP_LINE.match(line)
                or (n == first and not _is_title(line) and not _DAY_OF_TITLE.search(line[: hit.start]))
            ):
                # `24. 11. 2015` / `25. 6. 2020, publikováno: 25. 6. 2020` under a headline, and the
                # headline itself (`3. Jednání Pracovní skupiny … 24. listopadu 2015`): a news page's
                # own stamp and title, not a line of minutes
                continue
            if not (
                _TOLD_HELD.search(line[: hit.start])
                or _HELD_AFTER_DAY.match(line[hit.end :])
                # (the verb further on tells a report only where no numbered agenda of minutes follows:
                # `Dne 3. 5. 2016 se v zasedací místnosti sešli členové komise.` / `Program: 1. Úvod 2. …`)
                or (HELD_LATER_AFTER_DAY.match(line[hit.end :]) and not numbered)
            ):
                return False
            told = True
    return told


def recognise(text: str, *, source_name: str = "", group_hint: str | None = None) -> Imported:
    """Read the facts of a minutes document from its text (see the module docstring)."""
    body = clean(text)
    reader = _Reader(body)
    result = Imported(body=body, source_name=source_name)
    if group_hint and group_hint.strip():
        result.group = squash(group_hint)
    else:
        result.group, why = find_group_why(reader.lines)
        if result.group and why:
            result.guesses["group"] = why
        if (
            result.group is None
            and (association := association_of_members_meeting(reader.plains)) is not None
        ):
            result.group = association
            result.guesses["group"] = _(
                "the association whose members' meeting it was (členská schůze spolku …)"
            )
    _when(result, reader)
    _attendance(result, reader)
    _email_roll(result, reader)
    _unmerge(result, reader)
    if not result.excused and (apologised := _excused_in_accusative(reader)):
        result.excused = [{"name": name, "org": None, "role": None} for name in apologised]
        result.guesses["excused"] = _("excused turned from the accusative (omluvil …)")
    if not result.excused and (absences := _excused_in_genitive(reader)):
        result.excused = [{"name": name, "org": None, "role": None} for name in absences]
        result.guesses["excused"] = _("excused turned from the genitive (omluvil neúčast …)")
    if not (result.present or result.excused or result.absent):
        _roll_call(result, reader)
    # (after the roll call: `Filípková Jana omluvena` one member a line is a roll call's row)
    if not result.excused and (after := _excused_after_name(reader)):
        result.excused = [{"name": name, "org": None, "role": None} for name in after]
        result.guesses["excused"] = _("from the minutes' narrative (a name, then omluven)")
    result.absent = _not_excused(result.absent, result.excused)
    result.recorder = _best(_one_person(reader, RECORDER_LABEL, _RECORDER_FREE))
    if result.recorder is None and (entrusted := _recorder_entrusted(reader)) is not None:
        result.recorder = entrusted
        result.guesses["recorder"] = _("recorder turned from the accusative (pověřil …)")
    if result.recorder is None and (told := _role_in_sentence(reader, _RECORDER_SENTENCE)) is not None:
        result.recorder = told
        result.guesses["recorder"] = _("from a sentence of the minutes (zapisovatelem je …)")
    if result.recorder is None and (aliased := _recorder_by_alias(reader)) is not None:
        result.recorder = aliased
        result.guesses["recorder"] = _("recorder named by the initials the minutes defined (dále jen …)")
    if result.recorder is None and (writer := _recorder_in_attendance(result)) is not None:
        result.recorder = writer
        result.guesses["recorder"] = _("from the role beside a name in the attendance (zapisuje …)")
    if result.recorder is None and (
        beside := recorder_beside_a_name(reader.plains, [person["name"] for person in result.present])
    ):
        # (a person the attendance gives twice, the recorder's role on the line the list merged away)
        result.recorder = beside
        result.guesses["recorder"] = _("from the role beside a name in the attendance (zapisuje …)")
    result.moderator = _best(_one_person(reader, MODERATOR_LABEL, _MODERATOR_FREE))
    if result.moderator is None and (told := _role_in_sentence(reader, _MODERATOR_SENTENCE)) is not None:
        result.moderator = told
        result.guesses["moderator"] = _("from a sentence of the minutes (předsedajícím je …)")
    if result.moderator is None and (handed := _leading_entrusted(reader)) is not None:
        result.moderator = handed  # who led it, not who opened it and handed it over
        result.guesses["moderator"] = _("from the minutes' narrative (who opened or led the meeting)")
    if result.moderator is None and (narrated := _narrative_moderator(reader)) is not None:
        result.moderator = narrated
        result.guesses["moderator"] = _("from the minutes' narrative (who opened or led the meeting)")
    if result.moderator is None and (chair := _chair_of_named_body(reader)) is not None:
        result.moderator = chair
        result.guesses["moderator"] = _("from the minutes' narrative (who opened or led the meeting)")
    if result.moderator is None and (opener := _passive_moderator(reader)) is not None:
        result.moderator = opener
        result.guesses["moderator"] = _(
            "from the minutes' narrative (who opened the meeting), turned from the instrumental"
        )
    if result.moderator is None and (welcomer := _welcomer_after_opening(reader)) is not None:
        result.moderator = welcomer
        result.guesses["moderator"] = _(
            "from the minutes' narrative (who welcomed those present right after the opening)"
        )
    if "moderator" in result.guesses and _cut_at_the_end(result.moderator, reader):
        result.moderator = None  # `… zahájil a řídil starosta obce Ing. Lad` where the excerpt stops
        del result.guesses["moderator"]
    # (labels run together each read the whole run as their value: the stack's order decides instead)
    for kind, value in _stacked_labels(reader).items():
        setattr(result, kind, value)
        result.guesses.pop(kind, None)
    result.moderator = _in_full(result.moderator, result.present)
    result.recorder = _in_full(result.recorder, result.present)
    if result.moderator is None and (known := _moderator_by_surname(reader, result.present)) is not None:
        result.moderator = known
        result.guesses["moderator"] = _(
            "from the minutes' narrative (a surname) and the list of those present"
        )
    if result.moderator is None and (chair := _opener_by_role(reader, result)) is not None:
        result.moderator = chair
        result.guesses["moderator"] = _(
            "from the minutes' narrative (the role that opened the meeting) and the role beside a name in the "
            "attendance"
        )
    result.agenda = find_agenda(reader.lines)
    # (who attended, by every word of their names: a name after a verb of a task owns it only if here; a
    # surname glued to its initial, `M.Česneková`, also alone)
    attending = frozenset(
        fold(word)
        for name in (
            *(person["name"] for person in (*result.present, *result.excused, *result.guests)),
            result.moderator or "",
            result.recorder or "",
        )
        for word in (*name.split(), *re.findall(r"(?<=\.)[^\W\d_]{2,}", name))
    )
    result.tasks = find_tasks(reader.lines, result.date, attending)
    for number, task in enumerate(result.tasks, start=1):
        if (why := task.pop("guess", None)) is not None:
            result.guesses[f"tasks.{number}"] = why
    found = find_next_meeting(reader.lines, result.date, result.group)
    result.next_meeting = found.meeting
    if found.guess and found.meeting:
        result.guesses["next_meeting"] = found.guess
    if (
        result.next_meeting is None
        and (announced := announced_meeting(reader.plains, result.date, _is_title)) is not None
    ):
        # `Schůze 3.11 2018 bude mimořádně na tenisovém kurtu.` above the minutes of 6. 10. 2018
        result.next_meeting = {"date": announced.isoformat(), "time": None, "place": None}
        result.guesses["next_meeting"] = _("from a notice of the meeting to come (Schůze … bude …)")
    # (a link to the minutes as a file, `Zápis ze schůze … (pdf)`, is no title of this text)
    # (nor is a question: `Zápis ze schůze nebo jednání: Co musí obsahovat a jak je napsat?` heads an article)
    head = "\n".join(
        [p for p in reader.plains if p and not _LINKED_MINUTES.search(p) and not p.endswith("?")][:15]
    )
    # A page that lists titles of other minutes (`Podobné dokumenty`) has many titles and no date,
    # no attendance, no recorder and no agenda: no title of its own.
    gives_more = bool(result.date or result.excused or result.guests or result.agenda)
    listing = sum(1 for line in reader.plains[:40] if line and _is_title(line)) >= 3 and not gives_more
    titled = bool(_is_title(head)) and not listing
    # A title alone, with no date, time, place, people, agenda or tasks under it, heads a text
    # about minutes (`Zápis z jednání ŠR` / `Zápis je jednou z možností, jak …`), not minutes.
    gives_anything = bool(
        gives_more
        or result.time
        or result.place
        or result.present
        or result.absent
        or result.attendance_sheet
        or result.recorder
        or result.moderator
        or result.tasks
        or result.next_meeting
        or _NUMBERED_TITLE.search(head)
    )
    # (A title with next to nothing under it stays minutes that lack their facts: the user is told which.)
    titled = titled and (gives_anything or sum(1 for p in reader.plains if p) <= 3)
    recorded = _record_of_meeting(reader, body)
    strong = bool(titled or result.present or result.attendance_sheet or result.recorder or recorded)
    # (a day with an agenda or with tasks, `Úkoly` / `• Koupit megafon (Martin Šmída)`, is a record of
    # a meeting too: a report of one gives neither)
    weak = bool(
        _MINUTES_SIGNS.search(body[:3000]) or (result.date is not None and (result.agenda or result.tasks))
    )
    # Words of minutes alone (`přítomných`, `omluvil`) also fill a news report of a meeting:
    # without a title, attendance or a recorder, the text must give the meeting's date too.
    looks_like_minutes = strong or (
        weak
        and result.date is not None
        and _OTHER_DOCUMENT.search(head) is None
        # a post that tells of a meeting and links its minutes (`Zápis ze schůze … (pdf)`) is none —
        # unless it is a record set out under labels (`Datum:`, `Místo:`, `Program:`, `Úkoly:`), as
        # short minutes that point to the full ones are; a report does not write them
        and (
            _LINKED_MINUTES.search(body) is None
            or len({fold(label) for label in _RECORD_LABELS.findall(body)}) >= 3
        )
        # nor a report that gives the day only as told (`Výroční schůze … se konala 7.3.2024 …`)
        and not _told_as_news(reader, result.date)
    )
    # `Zápis z VČS s přílohami …` / `Vážené přítelkyně, vážení přátelé,` / `konečně jsem shromáždil …`:
    # a letter that sends minutes (a salutation under the title, no attendance, no recorder) is none.
    if _LETTER.search("\n".join([p for p in reader.plains if p][:4])) and not (
        result.present
        or result.excused
        or result.absent
        or result.guests
        or result.attendance_sheet
        or result.recorder
    ):
        looks_like_minutes = False
    if (
        not titled
        and result.date is None
        and not (
            result.excused
            or result.absent
            or result.guests
            or result.recorder
            or result.moderator
            or result.agenda
            or result.tasks
            or result.time
            or result.place
            or result.attendance_sheet
            or recorded
        )
    ):
        # `Setkání u premiéra vlády` / … / `Za KPV byli přítomni — předsedkyně N. Kavalírová, …`: a news item
        # that says who was there gives only those present; minutes give a title, a day or more of a meeting
        looks_like_minutes = False
    if _READING_TIME.search(head) and not strong:
        looks_like_minutes = False  # `7 minut čtení` under a headline: an article (about minutes, say)
    if not titled and _report_with_byline(reader, result):
        # (`Zápis z výroční schůze` above the byline: a club's minutes told as `we`, still minutes)
        looks_like_minutes = False  # `31.07.2017, Ondřej Sýkora (Klub důchodců)` / `… jsme se sešli …`
    if not titled and result.date is None and len(set(_one_person(reader, RECORDER_LABEL, ()))) >= 2:
        # `SOCIÁLNĚ - KULTURNÍ KOMISE` / `Členové: …` / `Zapisovatelka: Hana Carvová` / `KOMISE SPRÁVY
        # MAJETKU` / … / `Zapisovatel: …`: a town's page of its commissions names each one's recorder and
        # no meeting's day — a roster of bodies, not minutes (minutes have one recorder).
        looks_like_minutes = False
    if _ATTACHED_MINUTES.search(body) and not (
        result.present
        or result.excused
        or result.absent
        or result.guests
        or result.attendance_sheet
        or result.recorder
        or result.moderator
        or result.agenda
        or result.tasks
        or result.next_meeting
        or _OWN_BUSINESS.search(body)
    ):
        # `Zápis z výborové schůze 28. 12. 2023` / `Dne 28. 12. 2023 se konala online schůze výboru …` /
        # `Zápis zde.` / `Přiložené soubory`: a post that tells of a meeting under its minutes' title and
        # attaches them as a file, with nothing of minutes of its own — no attendance, recorder, agenda,
        # tasks, decision, business of the body or next meeting — is no minutes (narrative minutes that
        # attach their attendance sheet, `Soubor: Prezenční listina.pdf`, give those)
        looks_like_minutes = False
        result.attaches_minutes = True
    if _only_similar_documents(reader):
        # `Zápis z jednání finančního výboru ze dne 17.4.2012` / `Podobné dokumenty` / other titles: a
        # document site that shows a title and then other documents shows no minutes (the title's day
        # and the other titles' `Přítomni:` or `Zapsal:` are none of this text).
        looks_like_minutes = False
    if _MINUTES_TO_COME.search(body) and not (
        result.present or result.excused or result.attendance_sheet or result.recorder
    ):
        looks_like_minutes = False
    if _declared_other(reader):
        # `Metodika …` or `Pozvánka na jednání …` before any title of minutes: labels of minutes in it
        # (`Přítomni: jména přítomných`, `3.1 Zápis z jednání`) describe minutes, they are none.
        looks_like_minutes = False
    if result.date is None and _blank_form(reader):
        # `Zápis z jednání pracovní skupiny ………` / `Datum: ………` / `Přítomni: ………`: a form to fill in
        # (a template, a guide's example) gives blanks where minutes give their facts
        looks_like_minutes = False
    result.looks_like_minutes = looks_like_minutes
    result.warnings = _warnings(result, looks_like_minutes, found.decided)
    if found.note:
        result.warnings.append(found.note)
    return result
