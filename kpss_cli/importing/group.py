"""The group or body that met, from the title or the letterhead of the minutes."""

from __future__ import annotations

import itertools
import re

from ..core.i18n import N_, _
from ..core.names import fold
from ..core.vocabulary import MONTHS_GENITIVE, MONTHS_NOMINATIVE
from .people import chair_of_named_body
from .text import CAPITAL, LOWER, OTHER_LABEL_WORDS, SMALL, UPPER, loose, plain, rx, squash

# A sentence goes on after the meeting noun with a verb (`Jana Nová zápis z jednání poslala …`,
# `Zápis z jednání byl schválen`): no title.
# (not a noun of a doer in `-tel`: `Zápis ze setkání obyvatel obce …`; not a noun with `o` before
# the `l`, which no past form has: `Zápis ze schůze kola soutěže`, `… oddílu sokola`; nor a plural
# in `-ely`, which the loose match cannot tell from `-ěly` (`… kapely Rovina`): the past forms stay,
# `byl`, `poslala`, `měla`, `byly`, `schválily`, `poslaly`, and the few in `-ěly` by name)
_VERB_AFTER = rf"(?!(?-i:{SMALL}+(?<!te)(?<!o)(?:l|l[aoi])|{SMALL}+[aiy]ly|m[ěe]ly|cht[ěe]ly|mus[ea]ly|{SMALL}+(?:uje|ují)|je|jsou|bude|budou)\b)"
# `Zápis ze zasedání Číslo zasedání: 12 …`: a label after the meeting noun, no body.
# (a label is a capitalised word and lower-case ones: not `… pracovní skupiny Senioři: 12. 3.`)
_LABEL_AHEAD = rf"(?!(?-i:{CAPITAL}{SMALL}+(?:\s+{SMALL}+){{1,2}})\s*:)"
# `Zápis z jednání zastupitelstva kraje byl ověř[en] …`: a sentence about minutes, the verb a few
# words after the body.
_SAID_OF = r"(?![^.:;]{0,80}?\s(?:byl[aoy]?|je|jsou|bude|budou)\s+(?:ověř|schválen|uložen|rozeslán|zveřejněn|zaslán|předán))"
_TITLE = rx(
    # `Zápis` starts the line (after a transcript's number) or, capitalised, heads text inside a
    # line (`Download "Zápis z …"`); `zápis` in lower case inside a line is a sentence's word.
    # `Zápis schůze výboru MO`: the meeting in the genitive right after `zápis`, without `z`
    # `Průběh zasedání Zastupitelstva …` and `Z Á P I S č. 4 / 2011 ze …` also head minutes.
    # `Stenografický záznam 4. ZASEDÁNÍ ZASTUPITELSTVA MČ PRAHA 1`: a verbatim record heads them too.
    # `Zápis a usnesení z XX. veřejného zasedání …`: the minutes and the resolutions in one document
    r"(?:^|(?:^\W*(?:\d{1,3}\.?\s+)?\b(?:stenografick\w+\s+)?(?:zápis|záznam|průběh)|\b(?-i:Zápis|ZÁPIS|Záznam|ZÁZNAM|Průběh))\w*\.?\s+"
    r"(?:a\s+usnesení\s+)?"
    # `Zápis (č. KRP 4/2004) z mimořádného zasedání …`: the number in brackets
    # (`Zápis č. z jednání …`: a transcript that lost the digits of the number keeps `č.` alone)
    # (`Z á p i s č í s l o 37/2013 ze schůze …`: the number's word written out, `číslo`, as `č.`)
    r"(?:(?:č\.|číslo)\s*\d+\s*/\s*\d+\s+|(?:č\.|číslo\s)\s*(?:(?!ze?\s)\S+\s+)?|\(č\.[^()\n]{1,20}\)\s+)?)"
    # (the meeting's number in Roman numerals too: `z XX. veřejného zasedání`)
    # (`Zápis č. 10 zasedání Sociálního výboru`: after the minutes' number, the meeting noun without `z`)
    r"(?:(?:z|ze)\s+|(?=\d{1,3}\.\s*\w)|(?<=[smh\d]\s)(?=(?:jednání|schůze|zasedání)\s))(?:\d{1,3}\.\s*|(?-i:[IVXL]{1,6})\.\s+)?"
    # `z ustavujícího zasedání`, `z veřejného jednání`: an adjective of the meeting.
    # (`ze zahajovací schůzky`, `z ustavující schůze`: a soft adjective ends in `-í` as `pracovní` does)
    rf"(?:{SMALL}+(?:ého|ího|í|é)\s+)?"  # `z pracovní schůzky`, `z mimořádné schůze`
    r"(?:jednání|setkání|schůzky|schůze|zasedání|porady)\s+"
    + _VERB_AFTER
    + _LABEL_AHEAD
    + _SAID_OF
    + r"(?P<rest>.+)$"
)
_HEADER_GROUP = rx(
    r"(?:^|[-–—:|]\s*)(?P<group>(?:(?:řídicí|řídící|koordinační|pracovní|odborná|tematická|expertní)\s+)+"
    r"(?:pracovní\s+)?skupin[ay](?:\s+[^-–—|,.]{0,60})?|PS\s+[^-–—|,.]{2,60}|pracovní\s+skupin[ay]\s+[^-–—|,.]{2,60})"
    r"\s*(?:,\s*(?:KPSS|ORP|SO\s+ORP|města|obce|kraje)\b[^-–—|,]{0,40})?$"  # `…, KPSS Prostějov`: whose group it is
)
_SECTION_WORDS = r"(?:(?:ne)?přítomn\w*|omluven\w*|host[éy]|zahájení|prezence|program\w*|schválení|úvod)\b"
_CUT = rx(
    r"(?:^|\s+)(?:ze\s+dne|konané(?:ho)?|konan[éý]|dne|které|jež|v\s+(?:zasedací|budově|sídle|místnosti)|od\s+\d)\b.*$"
    # a comma ends the name, unless an enumeration follows (`Rodina, děti a mládež`, `pro vědu,
    # vzdělání, kulturu, mládež a tělovýchovu`); the minutes' own sections are no such enumeration
    # (`komise pro seniory, přítomní a omluvení členové`, `…, zahájení, prezence a schválení programu`)
    rf"|\s*(?:,(?=\s+{_SECTION_WORDS})|,(?!(?:\s+{SMALL}+,){{0,4}}\s+{SMALL}+(?:\s+{SMALL}+)?\s+a\s+{SMALL}+(?:\s+{SMALL}+)?"
    rf"(?:\s*(?:$|[,(–—-])|\s+(?:konan\w*|dne|ze\s+dne)\b))|\().*$|\s+\d{{1,2}}\.\s*\d{{1,2}}\..*$|\s+\d{{1,2}}\.\s*(?:"
    + "|".join(MONTHS_GENITIVE)
    + r").*$"
    r"|\s+č\.\s*\d.*$"
    # `ZMM Doc. jak je to s …?`: a transcript runs the title into a speaker's turn (a title, then lower case)
    rf"|\s+(?-i:Doc|Ing|Mgr|MUDr|JUDr|PhDr|RNDr|Bc|Prof|Dr)\.\s+(?-i:{SMALL}).*$"
    r"|\s+[–—]\s.*$"  # `… Senioři – Bruntál`, `… A RODINA – MĚSTO BOSKOVICE`: a town or a date after a dash  # `Zastupitelstva města X č. 1/2018`: the number of the meeting
)
# Before the body: the meeting's number or year (`jednání 01/2001 městského …`, `zasedání roku
# 2014 Zastupitelstva …`).
# `jednání mezi zástupci České pošty a …`: the parties of talks, without the preposition.
_LEAD = rx(r"^(?:(?:roku|v\s+roce)\s+\d{4}|č\.\s*\d+(?:/\d+)?|\d+/\d+|mezi)\s+")
# What is no name of a body: a month and year (`Zápis ze schůze září 2022`, the month it belongs
# to), or a number (`Zápis ze schůze 3`).
# A preposition opening what follows the meeting noun: its topic or whom it was with, not the body
# that met (`Zápis z jednání o rozpočtu`, `… k projektu Senioři`, `… s vedením města`).
_TOPIC = rx(r"^(?:o|k|ke|s|se|na|nad|ohledně|ve\s+věci|k\s+projektu|u|při)\s+\S")
_NO_BODY = rx(r"^(?:(?:" + "|".join(MONTHS_NOMINATIVE) + r")\b.*|[\d\s./]+|č\.\s*\d+\S*)$")
_GENITIVE = {
    "skupiny": "skupina",
    "zástupců": "zástupci",  # `Zápis jednání zástupců obcí lokality Horka`: representatives who met
    "komise": "komise",
    "rady": "rada",
    "výboru": "výbor",
    "týmu": "tým",
    "senátu": "senát",
    "sboru": "sbor",
    "fóra": "fórum",
    "kolegia": "kolegium",
    "platformy": "platforma",
    "sítě": "síť",
    "zastupitelstva": "zastupitelstvo",
    "shromáždění": "shromáždění",
    "skupin": "skupiny",  # `společného jednání pracovních skupin …` (plural)
    "konference": "konference",
    "představenstva": "představenstvo",  # `Zápis ze schůze představenstva klubu …`
    "předsednictva": "předsednictvo",
    "hromady": "hromada",  # `Zápis z valné hromady společnosti …`
    "spolku": "spolek",  # `Zápis ze schůze Spolku rodičů …`, `… Okrašlovacího spolku Stupárovice`
    # bodies and the people who met, as titles name them after `z jednání`, `ze setkání`, `ze schůze`
    "orgánu": "orgán",  # `Řídícího orgánu MAS …`
    "klubu": "klub",
    "svazu": "svaz",
    "svazku": "svazek",  # `Svazku obcí Brdy`
    "mikroregionu": "mikroregion",
    "sněmu": "sněm",
    "parlamentu": "parlament",
    "pléna": "plénum",
    "grémia": "grémium",
    "kuratoria": "kuratorium",
    "družstva": "družstvo",
    "představitelů": "představitelé",  # `setkání představitelů obcí …`
    "členů": "členové",
    "starostů": "starostové",
    "poskytovatelů": "poskytovatelé",
    "zastupitelů": "zastupitelé",
    "delegátů": "delegáti",
}
# Plural nouns of people: the adjectives before them are left as written.
_PLURAL = {"zástupci", "představitelé", "členové", "starostové", "poskytovatelé", "zastupitelé", "delegáti"}
_FEMININE = {"skupina", "komise", "rada", "platforma", "síť", "konference", "hromada"}
_NEUTER = {
    "fórum",
    "kolegium",
    "zastupitelstvo",
    "shromáždění",
    "představenstvo",
    "předsednictvo",
    "plénum",
    "grémium",
    "kuratorium",
    "družstvo",
}
# The adjectives before the noun, genitive to nominative by the noun's gender: `Výkonného
# výboru` -> `Výkonný výbor`, `Republikové rady` -> `Republiková rada`, `Řídícího týmu` ->
# `Řídící tým`.
_ADJECTIVE_GENITIVE = re.compile(r"(?:ého|ího|ích|é)$")


# What may stand before the noun of the body in the genitive: an adjective (`Výkonného`, `pracovních`,
# `Dozorčí`), an ordinal (`2.`), a quotation mark.
# `Řídící a realizační skupiny`, `Ústavně právního výboru`: adjectives joined by `a`, an adverb before one.
_GENITIVE_BEFORE = re.compile(r"(?:ého|ího|ích|ých|é|í|ě|^a|^i|^obou|\d\.|[\"„“,])$", re.IGNORECASE)


def _adjective(word: str, noun: str) -> str:
    ending = _ADJECTIVE_GENITIVE.search(word)
    if ending is None or len(word) < 4 or not word[:1].isalpha():
        return word
    stem = word[: ending.start()]
    if ending[0] in ("ího", "ích"):  # `Řídícího týmu`, `pracovních skupin`
        return stem + "í"
    if noun in _FEMININE:
        return stem + "á" if ending[0] == "é" else word
    if ending[0] == "ého":
        return stem + ("é" if noun in _NEUTER else "ý")
    return word


_WORKING_GROUP_ANY_CASE = rx(r"^(?:pracovní\s+skupin[ay]|pracovních\s+skupin|PS)\s+(?=\S)")
_WORKING_GROUP = re.compile(
    r"^(?i:" + loose(r"pracovní\s+skupin[ay]|pracovních\s+skupin|PS") + rf")\s+(?=[{UPPER}\"„])"
)
# A web page's category or breadcrumb: `Zveřejněno v: Zápisy řídící skupiny`, `úvod»Zápisy
# pracovní skupiny Senioři»Zápis ze dne …` (the group in the genitive after `Zápisy`).
_CATEGORY = rx(
    r"(?:^|[»>/|:]\s*)zápisy\s+(?:z\s+jednání\s+|ze\s+setkání\s+)?(?P<group>"
    r"(?:(?:řídicí|řídící|koordinační|pracovní|odborné|tematické|realizační)\s+(?:a\s+\w+\s+)?)+"
    r"(?:pracovní\s+)?skupiny(?:\s+[^»>/|,.\d]{0,60}?)?)\s*(?:$|[»>/|])"
)
_MONTH_NAMES = "|".join(sorted({*MONTHS_GENITIVE, *MONTHS_NOMINATIVE}, key=len, reverse=True))
# A function word or a meeting's noun in capitals is no acronym of a body (`Zápis ZE DNE …`).
_NO_ACRONYM = (
    r"(?!(?:ZE|DNE|ZÁPIS|SCHŮZE|SCHŮZKY|JEDNÁNÍ|ZASEDÁNÍ|SETKÁNÍ|PORADA|PORADY|RADY|RADA|VÝBORU|KOMISE|"
    r"SKUPINY|HROMADY|VALNÉ|ČLENSKÉ|MĚSTA|OBCE|KONANÉ|KONANÉHO)\b)"
)
# `Zápis ŘS KPSS 3.7.2014`, `Zápis PS Senioři 12. 3. 2019`: an abbreviated group before the date.
_SHORT_TITLE = re.compile(
    # `Zápis PS Děti a rodina, Hodonín, 12. 12. 2023`: a town may stand between
    # `Zápis SRPŠ ze dne 7. 11. 2023`: any acronym of a body, `ze dne` before the day
    rf"^(?i:z[áa]pis)\s+(?:z\s+)?(?P<group>(?:ŘS|RS|PS|KS|ŘG|KPSS|{_NO_ACRONYM}{CAPITAL}{{2,6}}(?=\s+(?i:ze\s+dne|dne)\b))\b[^\d,:;()]{{0,50}}?)"
    # (the month in digits or by its name: `Zápis ŘS KPSS 3. července 2014`)
    rf"(?:,\s*{CAPITAL}[^\d,:;()]{{1,30}})?,?\s+(?i:(?:ze\s+)?dne\s+)?\d{{1,2}}\s*\.\s*(?:\d{{1,2}}\s*\.|(?i:{_MONTH_NAMES})\s+\d{{4}})"
)
_PS_AFTER_TITLE = rx(r"^z[áa]pis\b[^:]{0,40}?\b(?P<group>(?-i:PS)\s+[^|:]{2,80})$")
# A label that names the group: `Název jednání: PS Senioři`, `Pracovní skupina: Senioři`.
_NAME_LABEL = rx(
    # also as a row of a two-column table: `| Jednání | Pracovní skupina Rodina a děti |`
    r"^\|?\s*(?:název\s+(?:jednání|skupiny|pracovní\s+skupiny)|pracovní\s+skupina|skupina|jednání)\s*[:|]\s*"
    r"(?P<group>[^|:]{2,80}?)\s*(?:\||$)"
)
# A letterhead or site title that names the body itself (`Sdružení pro rozvoj Šluknovska`,
# `Komise sociální a zdravotní`), when no title names the group.
_BODY_LETTERHEAD = rx(
    r"^(?:sdružení|spolek|svaz|komise|výbor|rada|fórum|platforma|kolegium|senát|"
    r"(?:řídicí|řídící|koordinační|pracovní)\s+skupina)\s+[^\d:|»/]{3,90}$"
)
# `…, místní organizace Kbely, IČ: 75097486`: the registration number after an association's name
_REGISTRATION = rx(r",?\s*IČO?\s*:?\s*\d{6,8}\s*$")
# `Zápis z výborové schůze konané …`: the committee named only by the adjective of its meeting.
_COMMITTEE_OF = rx(
    rf"\bvýborové\s+schůze\s+(?=(?:klubu|spolku|sdružení|svazu|jednoty|sboru|oddílu|(?-i:{CAPITAL}{SMALL}))\w*\s+\w)"
)
_COMMITTEE_MEETING = rx(r"\bz[áa]pis\w*\s+(?:z|ze)\s+výborové\s+schůze\b")
_MEETING_TITLE = rx(r"^(?:setkání|jednání|schůzka|zasedání|porada)\s+\w+")
_MEETING_WITH = rx(r"\s(?:s|se)\s+\w")
_GENERIC_ASSEMBLY = rx(r"\bshromáždění\s+(?:členů|delegátů|vlastníků)\s*$")
_MEETING_OF = rx(
    r"^(?:setkání|jednání|schůzka|zasedání|porada)\s+(?=(?:zastupitelstva|rady|výboru|komise|představenstva|senátu)\b)"
)
# `Jednání zahájeno v 10:00. Z jednání pořízen audio záznam.` (a transcript titled by its first
# sentence): the meeting noun, then what happened to it (or who opened it: `Jednání zahájil předseda …`)
# — no body's name.
_MEETING_SENTENCE = rx(
    r"^\w+\s+(?:(?:bylo|byla|byl|se)\s+)?(?:zahájen|ukončen|přerušen|proběhl|pokračoval|začal|skončil|konal|zahájil|řídil|vedl|moderoval)\w*\b"
)
# `Zasedání školské rady 6.9.2016`, `Schůze Výboru SRPŠ – 12.10.2010`, `Schůzka spolku rodičů 25.4.2019`:
# a title without `Zápis`, the body in the genitive and the day after it (not a sentence: `Jednání
# komise proběhlo 12. 3. 2024`).
_DATED_MEETING_TITLE = rx(
    r"^(?:zasedání|schůze|schůzka|jednání|setkání)\s+"
    r"(?![^\d]*?\b(?:konal|proběhl|uskutečnil|sešl|sešel|probíhal)\w*\b)"
    r"(?P<rest>(?!\d)[^\d]{3,80}?\s*[-–—,]?\s*\d{1,2}\.\s*\d{1,2}\.\s*(?:\d{4}|\d{2}(?![\d.:])).*)$"
)
# `Zápis z 8.rady města ze dne 21.2.2011`: the ordinal of the meeting before the body itself.
# `Zápis ze zastupitelstva obce Koclířov č.7/2008`: the body itself after `ze`, without a meeting.
_ORDINAL_BODY = rx(
    r"(?:^\W*(?:\d{1,3}\.?\s+)?\bz[áa]pis|\b(?-i:Zápis|ZÁPIS))\w*\s+(?:z|ze)\s+(?:\d{1,3}\.\s*)?"
    # `Zápis z mimořádné valné hromady společnosti Tereos TTD, a.s.`: a general meeting is the body
    # itself; what kind of it (řádná, mimořádná) is no part of the name
    r"(?:(?:řádné|mimořádné|výroční|náhradní)\s+(?=valné\s))?"
    # `Zápis z pastorační rady - 25.09.2017`, `Zápis ze školské rady konané …`: a body's adjective first
    # (not `Zápis z jednání zastupitelstva …`: a meeting noun in `-ání` is no adjective);
    # `Zápis z farní rady` alone on its line, the day on the next
    rf"(?P<rest>(?:(?-i:{SMALL}+(?:(?<!á)ní|ské|cké|ého|ího))\s+)?"
    # (`ZÁPIS ze shromáždění delegátů MÍR, …`: a cooperative's assembly of delegates is a body itself)
    r"(?:rady|zastupitelstva|výboru|komise|senátu|valné\s+hromady|shromáždění\s+(?:delegátů|členů|vlastníků))(?:\s+"
    + _VERB_AFTER
    + r".+|(?P<alone>\s*$)))$"
)


# `Zápis z VV z 28. 4. 2020`, `Zápis z RR 26. 5. 2015`: the body's acronym alone after `z`, then the day.
_ACRONYM_TITLE = re.compile(
    # (`Zápis PRF 11.9.2023`: the acronym straight after the word, without `z`)
    # (`ZÁPIS ZE SCHŮZE 12. 3. 2024`: `ze` in capitals, and a function word or a meeting's noun is no acronym)
    rf"^\W*(?:Zápis|ZÁPIS)\s+(?:(?i:z|ze)\s+)?(?P<group>{_NO_ACRONYM}{CAPITAL}{{2,6}}(?:\s+{_NO_ACRONYM}{CAPITAL}{{2,6}})?)\s+"
    r"(?:(?i:z|ze)\s+)?(?:(?i:dne)\s+)?\d{1,2}\s*\.\s*(?:\d{1,2}\s*\.\s*(?:\d{4}|\d{2}(?![\d.:]))|(?i:"
    + _MONTH_NAMES
    + r")\s+\d{4})"
)
_PREPOSITION = r"(?:v|ve|na|od|do|u|k|ke|s|se|o|po|při|pod|nad|před|za|mezi|dne)"
_NOT_PREPOSITION = rf"(?!{_PREPOSITION}\b)"
# `18. 1. 2022 zasedala pastorační rada farnosti.`, `Dne 3. 5. 2021 se sešel výbor spolku.`: a post
# whose first sentence gives the day, then the body that met (in the nominative).
_BODY_MET = rx(
    r"^(?:dne\s+)?\d{1,2}\.\s*\d{1,2}\.\s*\d{4}\s+(?:zasedal[aoiy]?|jednal[aoiy]?|se\s+sešl[aoiy]?|se\s+sešel)\s+"
    r"(?P<group>(?:[^\W\d_]+\s+){0,3}(?:rada|výbor|komise|skupina|zastupitelstvo|kolegium|předsednictvo)"
    # (the name ends at a preposition: `se sešla řídící skupina v zasedací místnosti.`)
    rf"(?:\s+{_NOT_PREPOSITION}[^\W\d_]+){{0,3}}?)(?:\s*[.,]|\s+{_PREPOSITION}\s)"
)
_DAY_LOST = rx(r"\b(?:ze\s+)?dne\s*$")
# The day right after the body of a title: `… obce Hovězí konaného dne 29. dubna 2008`, `… ze dne 3. 4.`.
# (the meeting's number may stand between: `… rady kraje č. 26/2020, které se konalo dne 1. 9. 2020`)
_DAY_AFTER_BODY = rx(
    r"^\s*(?:č\.\s*[\w/.-]+\s*)?,?\s*"
    r"(?:(?:konan\w*|konal\w*\s+se|(?:které|jež)\s+se\s+konal\w*)\s+(?:(?:v|ve)\s+\w+\s+)?(?:dne\s+)?|(?:ze\s+)?dne\s+)"
    r"\d{1,2}\s*\.\s*(?:\d{1,2}\s*\.|[^\W\d_]{4,9})"
)


def _own_day(rest: str) -> bool:
    """True when the day of the meeting follows the body named in a title's `rest`."""
    cut = _CUT.search(rest)
    return cut is not None and _DAY_AFTER_BODY.match(rest[cut.start() :]) is not None


_WITH_DAY = rx(r"\bdne\s+\d{1,2}\s*\.\s*\d{1,2}\s*\.\s*\d{4}")


_ACRONYM = re.compile(r"[^AEIOUYÁÉĚÍÓÚŮÝaeiouyáéěíóúůý]{2,5}|ORP|OSPOD|ÚMČ|MěÚ|PS|MČ|KÚ|SML|MMB")


def _nominative(text: str) -> str:
    words = text.split()
    for n, word in enumerate(words):
        lower = word.lower()
        if lower in _GENITIVE:
            noun = _GENITIVE[lower]
            if not all(_GENITIVE_BEFORE.search(before) for before in words[:n]):
                # `členů Místní akční skupiny`: a word before that is no adjective is the head, in a case
                # this table does not know; turning a later noun would make a name no one wrote
                break
            words[n] = noun if word.islower() else noun.capitalize()
            if noun not in _PLURAL:
                words[:n] = [_adjective(before, noun) for before in words[:n]]
            # `výboru zdravotního Zastupitelstva …` -> `výbor zdravotní Zastupitelstva …`: an adjective
            # after the noun, in lower case, before a capital or at the end (`výboru rodičovského
            # sdružení` keeps it: there it goes with the next noun)
            after = words[n + 1] if n + 1 < len(words) else ""
            following = words[n + 2] if n + 2 < len(words) else ""
            if after.islower() and (not following or following[:1].isupper()):
                words[n + 1] = _adjective(after, noun)
            # `Komise bezpečnostní, prevence kriminality a protidrogové` -> `… a protidrogová`: the
            # last of adjectives after the noun, joined by `a`, agrees with it too
            last = len(words) - 1
            if (
                last >= n + 3
                and words[last - 1] == "a"
                and words[last].islower()
                and re.search(r"[íé],?$", after)
                and _ADJECTIVE_GENITIVE.search(words[last])
            ):
                words[last] = _adjective(words[last], noun)
            break
    return " ".join(words)


_DECLINED_WHY = N_("group name turned from the genitive (skupiny) to the nominative")


# A form's label of the body that met, alone on its line (the name on the next one).
_BODY_LABEL = rx(r"\s*(?:spolek|sdružení|orgán|název\s+(?:spolku|sdružení|orgánu))\s*:\s*")
# An association's legal form, written out before its name (`občanského sdružení Spolku Fakt-Um`) or
# abbreviated after it (`… Fakt-Um o. s.`, `… z. s.`): no part of the name.
_LEGAL_FORM_BEFORE = rx(rf"^občansk\w+\s+sdružení\s+(?=(?-i:{CAPITAL}))")
_LEGAL_FORM_AFTER = rx(r",?\s+(?:o\.\s?s|z\.\s?s|z\.\s?ú|o\.\s?p\.\s?s)\.?$")


# (a function word after them is no place: `KOMISE PRO ROZVOJ OBCE A ŽIVOTNÍ PROSTŘEDÍ`, `… MĚSTA A
# CESTOVNÍHO RUCHU` keep `a` in lower case)
_FUNCTION_WORD = (
    r"(?:a|i|o|u|k|ke|s|se|v|ve|z|ze|na|do|za|pro|po|při|od|nad|pod|před|mezi|bez|ani|nebo|či|že|jako|dne)\b"
)
_PLACE_AFTER = re.compile(
    rf"(\b(?:MČ|ORP|města|obce|městyse|kraje|městské\s+části)\s+)(?!{_FUNCTION_WORD})(\w)"
)


# A letterhead line of an association's name with its legal form after it (`České Heřmanice, z.s.`), and the
# line above it when the name was broken over two (`TJ Sokol`): a few words, no label, digits or sentence.
_LETTERHEAD_PART = re.compile(rf"^{CAPITAL}[^\d:;!?|/@]{{1,60}}$")
# A line that names a meeting, not an association (`Valná hromada`, `Členská schůze`): never part of the name.
_MEETING_NAME_LINE = rx(
    r"^(?:\w+\s+)?(?:valná\s+hromada|schůze|schůzka|zasedání|jednání|setkání|shromáždění|porada)\b"
)
# A letterhead is only a name: not a label before it (`Pořadatel Spolek rodičů …`) nor a sentence that names
# it (`Projekt podpořil Nadační fond …`, a verb in the past among its words in lower case).
_LETTERHEAD_LABEL = rx(
    r"^(?:pořadatel\w*|spolupořadatel\w*|organizátor\w*|partne\w*|projekt\w*|zřizovatel\w*|provozovatel\w*|"
    r"příjemce|žadatel\w*|dodavatel\w*|sponzor\w*|podpořil\w*|za\b|pro\b|ve\s+spolupráci)\b"
)
# (not `-el`: `Klub přátel`, `Spolek učitel…` are names)
_LETTERHEAD_VERB = re.compile(rf"(?<!\w){SMALL}{{3,}}(?:il|al|ěl|yl)[aoiy]?(?!\w)")


def _legal_letterhead(above: str, line: str) -> str | None:
    """The association named by a letterhead line that ends with its legal form (`, z.s.`), with a short
    line above it joined (`TJ Sokol` / `České Heřmanice, z.s.`); None otherwise."""
    if not (_LEGAL_FORM_AFTER.search(line) and _LETTERHEAD_PART.match(line)) or len(line.split()) > 8:
        return None
    if _LETTERHEAD_LABEL.match(line) or _LETTERHEAD_VERB.search(line):
        return None
    if (
        _LETTERHEAD_PART.match(above)
        and not _MEETING_NAME_LINE.match(above)
        and len(above.split()) <= 3
        and not above.endswith((".", ","))
        and not _ZAPIS_WORD.search(above)
    ):
        line = f"{above} {line}"
    name = squash(_LEGAL_FORM_AFTER.sub("", line)).strip(" ,")
    return name if len(name.split()) >= 2 else None


def _tidy_why(text: str) -> tuple[str | None, str | None]:
    """The group name tidied, and why it is a guess (a genitive turned nominative) or None."""
    # `pracovní skupiny ………`: a form's blank is no part of a name
    text = re.sub(r"\s*(?:(?:\.\s?){4,}|…|_{3,}).*$", "", squash(text))
    text = _LEAD.sub("", squash(text).strip(' -–—:;,."„“'))
    # `jednání se zástupci obcí`: those met with, the instrumental plural the same as the nominative
    text = re.sub(r"(?i)^(?:s|se)\s+(?=zástupci\b)", "", text)
    if _TOPIC.match(text):
        return None, None  # `jednání o rozpočtu`, `jednání s vedením města`: what or whom about, no body
    text = _LEGAL_FORM_AFTER.sub("", _LEGAL_FORM_BEFORE.sub("", text))
    if not text or len(text) > 120 or _NO_BODY.match(text):
        return None, None
    letters = [c for c in text if c.isalpha()]
    shouted = bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
    # Only short words in capitals (`ÚŘS`, `OPS S a OPS OZP`) are acronyms, not a shouted name.
    acronyms = all(
        len(w.strip(",.()")) <= 4 and len(re.findall("[AEIOUYÁÉĚÍÓÚŮÝ]", w)) <= 1 for w in text.split()
    )
    if shouted and not acronyms:
        text = " ".join(w if _ACRONYM.fullmatch(w) else w.lower() for w in text.split())
        # `ZASTUPITELSTVA MČ PRAHA 1`, `… MĚSTA JESENÍK`: the place after them keeps its capital
        text = _PLACE_AFTER.sub(lambda m: m[1] + m[2].upper(), text)
    if _WORKING_GROUP.match(text):  # `pracovní skupiny Senioři` -> `Senioři`
        return _WORKING_GROUP.sub("", text).strip('"„“ '), None
    if shouted and (named := _WORKING_GROUP_ANY_CASE.match(text)) is not None:
        # `PS DĚTI, MLÁDEŽ A RODINA` lowered to `PS děti, …`: the name after the abbreviation
        rest = text[named.end() :].strip('"„“ ')
        return (rest[:1].upper() + rest[1:]) or None, None
    nominative = _nominative(text)
    why = _(_DECLINED_WHY) if nominative != text else None
    return nominative[0].upper() + nominative[1:], why


def _words(group: str) -> set[str]:
    return set(re.sub(r"\bpracovn[íi] skupin[ay]\b", "ps", fold(group)).split())


# Other words that head a record of a meeting: `Zpráva o jednání Pracovní skupiny …`, `STENOZÁPIS z 27.
# zasedání Zastupitelstva …`, `Stenografický záznam z …` read as `Zápis z …`.
_TITLE_SYNONYM = rx(
    r"^(?P<lead>\W*(?:\d{1,3}\.?\s+)?)(?:zpráva\s+o(?=\s+(?:jednání|zasedání|setkání)\s)|stenozápis(?=\s+(?:z|ze)\s)|"
    r"stenografický\s+záznam(?=\s+(?:z|ze)\s))"
)
# `Závěry z jednání schůzky výboru Senior klubu ze dne 19.9.2012`: the conclusions of a meeting head the
# record when they open one of its first lines (`2. Závěry z jednání Republikové rady …` is an item of the
# agenda; `Závěry z jednání pracovní skupiny:` under the attendance heads a part of the minutes)
_CONCLUSIONS_TITLE = rx(
    r"^(?P<lead>\W*)závěry(?=\s+(?:z|ze)\s+(?:jednání|zasedání|setkání|schůze|schůzky|porady)\s)(?!.*:\s*$)"
)
_ZAPIS_WORD = rx(r"\bz[áa](?:pis|znam)")
_MEETING_HEADING = rx(
    r"^(?P<lead>\W*)(?!(?:příští|další|následující|nejbližší)\b)(?:[^\W\d_][\w-]*\s+){0,3}?"
    # (`… dne 13.03.18`: a year of two digits after a day and month in digits)
    r"(?=(?:zasedání|jednání|schůze)\s+[^\W\d_].{3,80}?\s\d{1,2}\.\s*(?:(?:\d{1,2}\.|[^\W\d_]{4,9})\s*\d{4}|\d{1,2}\.\s*\d{2})\s*$)"
)
# `Výbor pro výchovu a vzdělávání ZHMP zápis z jednání ze dne …`, `ZASTUPITELSTVO PLZEŇSKÉHO KRAJE Zápis ze
# zasedání`: the body before the title on its line.
_BODY_BEFORE_TITLE = rx(
    r"^\W*(?:\d{1,3}\s+)?(?P<group>(?:výbor|komise|rada|zastupitelstvo|senát|kolegium|sbor|"
    r"(?:řídicí|řídící|koordinační|pracovní)\s+skupina)\b[^:.]{2,80}?)\s+z[áa]pis\s+(?:z|ze)\s+"
    r"(?:jednání|zasedání|schůze|setkání)\b"
)
# `Zápis z Krajské konference`: a conference (or a general assembly) is itself the body that met.
_CONFERENCE = rx(rf"^\W*z[áa]pis\s+(?:z|ze)\s+(?P<group>(?:(?-i:{CAPITAL}){SMALL}+\s+){{1,2}}konference)\s*$")


# `Usnesení 1/61: Výbor NS MAS schvaluje …`: a resolution names the body that passed it, in the
# nominative — when no title names it (a transcript that lost its title).
_RESOLVING_BODY = re.compile(
    r"\b(?i:usnesení)(?:\s+(?:č\.\s*)?[\w/.-]{1,15})?\s*:\s*"
    r"(?P<group>(?:Výbor|Rada|Komise|Zastupitelstvo|Valná\s+hromada|Předsednictvo|Představenstvo|"
    r"Pracovní\s+skupina|Řídící\s+skupina|Řídicí\s+skupina)(?:\s+(?!(?:schvaluje|bere|doporučuje|souhlasí|"
    r"ukládá|volí|jmenuje|zamítá|nesouhlasí|pověřuje)\b)[^\s,.;:]+){1,5}?)"
    r"\s+(?:schvaluje|bere\s+na\s+vědomí|doporučuje|souhlasí|ukládá|volí|jmenuje|zamítá|nesouhlasí|pověřuje)\b"
)


# `… zahájil jednání předseda výboru bytové politiky ZHMP Bohumil Zoufalík`, `Předsedkyně sociální
# komise Mgr. Jana Horká zahájila jednání`: the body named only in the title of the chair who opened
# or led the meeting (a chair merely present may be another body's, so only the one who opened it).
_CHAIR = r"(?:místo)?předsed(?:a|kyně|ající)\s+(?P<body>[^,.;:()]{3,90})"
_OPENING = r"(?:zahájil|řídil|vedl|moderoval)[a]?"
_CHAIR_AFTER = rx(rf"\b{_OPENING}\s+(?:\S+\s+){{0,2}}?{_CHAIR}")
_CHAIR_BEFORE = rx(rf"^\W*{_CHAIR}[^;]{{0,60}}?\s{_OPENING}\b")
_CHAIRED_NOUNS = {"výboru", "komise", "rady", "skupiny"}
_CHAIR_ADJECTIVE = re.compile(rf"^{SMALL}+(?:ého|ího|ích|é|í)$")  # `finančního`, `sociální` (komise)
# A complement after the noun (`pro sociální věci`, `bytové politiky`, `ZHMP`, `města Brna`) ends
# where the chair's name begins (a title, a capitalised word that is no acronym) or at a verb.
_COMPLEMENT = re.compile(rf"^(?:{SMALL}+|{CAPITAL}{{2,6}})$")
_VERB_END = re.compile(r"l[aoiy]?$")
# `předsedkyně komise paní Jitka Hanáková`, `předseda komise p. Novák`: a courtesy word or a title
# in lower case opens the chair's name, no complement
_BEFORE_A_NAME = {"pan", "paní", "p", "pí", "sl", "slečna", "doc", "prof", "mudr", "judr", "phdr", "rndr"}


def _chaired_body(lines: list[str]) -> str | None:
    for line in lines:
        text = plain(line)
        for match in [*_CHAIR_AFTER.finditer(text), *_CHAIR_BEFORE.finditer(text)]:
            words = match["body"].split()
            noun = next((n for n, word in enumerate(words[:4]) if word.lower() in _CHAIRED_NOUNS), None)
            if noun is None or not all(_CHAIR_ADJECTIVE.search(w) for w in words[:noun]):
                continue
            end = noun + 1
            while (
                end < len(words)
                and _COMPLEMENT.match(words[end])
                and not _VERB_END.search(words[end])
                and words[end].lower() not in _BEFORE_A_NAME
            ):
                end += 1
            if noun == 0 and end == 1:
                continue  # `předseda komise Jan Kos`: which commission is not said
            body = _nominative(" ".join(words[:end]))
            return body[:1].upper() + body[1:]
    return None


def _named_body_chaired(lines: list[str]) -> str | None:
    """`Schůzi zahájila předsedkyně Klubu Diana Míla Gruberová.` -> `Klub Diana` (see `chair_of_named_body`)."""
    for line in lines:
        if (found := chair_of_named_body(plain(line))) is not None:
            return found[0]
    return None


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split()).upper()


# `Zápis z jednání komise při Radě města Litoměřice` / `Zdravého města a místní Agendy 21`: the title
# names whom the commission serves, and its own name goes on on the next line.
_SERVING = rx(r"^(?P<noun>komise|výbor|pracovní\s+skupina)\s+při\s+(?:radě|zastupitelstvu)\b")
_LETTER = f"[{LOWER}{UPPER}]"
# Only what carries a name on: its noun written out (`Komise projektu Zdravé město …`), its purpose
# (`pro rodinu a seniory`), a genitive (`Zdravého města a místní Agendy 21`) or adjectives alone
# (`sociální a zdravotní`); not any capitalised line (`Program jednání`, `Místo konání MěÚ …`).
_NAME_GOES_ON = re.compile(
    rf"^(?:(?i:komise|výbor|pracovní\s+skupina|pro)\s|{_LETTER}+(?:ého|ího|ých|ích)\s"
    rf"|{_LETTER}+[íá](?:(?:,\s*|\s+[ai]\s+){_LETTER}+[íá])*$)[^:]{{0,80}}(?<![.:;])$"
)
# A label of the minutes' head, with its colon lost or on the next line: never a name.
_HEAD_LABEL = rx(
    r"^(?:"
    + "|".join(OTHER_LABEL_WORDS)
    + r"|prezenční|konán\w*|čas|začátek|termín|zahájení|pořad\w*|jednání|přítomno|zápis\w*)\b"
)
_SERVED_NAME_WHY = N_("the commission's own name from the line under the title (komise při Radě …)")


def _served_body_named(group: str, head: list[str]) -> tuple[str | None, str | None] | None:
    """The commission's own name on the line under a title that ends with whom it serves (`komise
    při Radě města X`), in the nominative; None when the title is no such one or the next line no name."""
    if (serving := _SERVING.match(group)) is None:
        return None
    for line, following in itertools.pairwise(head):
        if not (_TITLE.search(line) and line.rstrip().endswith(group.split()[-1])):
            continue
        following = _CUT.sub("", following).strip()
        if _HEAD_LABEL.match(following) or not _NAME_GOES_ON.match(following) or len(following.split()) > 10:
            return None
        own = (
            following
            if following.lower().startswith(serving["noun"].lower())
            else f"{serving['noun']} {following}"
        )
        found = _tidy_why(own)[0]
        return (found, _(_SERVED_NAME_WHY)) if found else None
    return None


# `Zápis ze schůzky KK dne 5.1.2011:` / `Zapsala: …` / `Komise pro kulturu, volný čas a sociální věci`: a
# title naming the body by its acronym, and a line of a body's name (a letterhead's shape) within the next
# three, in whose main words (`pro`, `a`… aside) the acronym's letters are the initials of words that follow
# one another (`K`omise pro `k`ulturu, volný čas …: KK; Výbor pro `s`ociální `v`ěci obce …: SV). A guess:
# the name may go on after them. Not an item of the agenda (under `Program:`, or with a dash and what is
# reported: `Komise pro rodinu a mládež – zpráva o činnosti`), nor a sentence (`… doporučila navýšení`).
_BODY_UNDER_TITLE_WHY = N_("the body's name written out under a title that names it by an acronym")
_PROGRAM_LABEL = rx(r"^(?:návrh\s+)?program\b")


def _body_under_title(acronym: str, head: list[str]) -> str | None:
    at = next((n for n, line in enumerate(head) if _TITLE.search(line) and acronym in line.split()), None)
    if at is None:
        return None
    for line in head[at + 1 : at + 4]:
        if _PROGRAM_LABEL.match(line):
            return None
        name = squash(line).strip(" ,;")
        if not _BODY_LETTERHEAD.match(name) or name.endswith(".") or len(name.split()) > 10:
            continue
        words = re.findall(r"[^\W\d_]+", name)
        if re.search(r"\s[-–—]\s", name) or any(_A_VERB.search(word) for word in words):
            continue
        initials = "".join(word[0] for word in words if word not in _NO_INITIAL).upper()
        if acronym in initials:
            return name
    return None


def find_group(lines: list[str]) -> str | None:
    """The group named in the title (`Zápis z jednání pracovní skupiny Senioři`) or letterhead."""
    return find_group_why(lines)[0]


# `Vědecký výbor pro potraviny. ZÁPIS ZE ZASEDÁNÍ VVP č. 17 / 2007`: the title names the body by its
# acronym, a line of the head writes it out — the name whose initials (function words aside) spell it.
_NAME_RUN = re.compile(rf"{CAPITAL}{SMALL}+(?:\s+(?:{CAPITAL}{SMALL}+|{SMALL}+))+")
_NO_INITIAL = {"pro", "a", "v", "ve", "na", "z", "ze", "o", "s", "se", "k", "ke", "při", "u", "do"}
# a verb in the past tense or of being: what a sentence has and a body's name has not (`přátel`,
# `obyvatel` are nouns)
_A_VERB = re.compile(
    rf"^(?:{SMALL}{{2,}}(?:al|il|ěl|ul|yl|ál|(?<!t)el)[aoiy]?|je|jsou|bude|budou|byl[aoiy]?)$"
)


def _spelled_out(acronym: str, head: list[str]) -> str | None:
    for line in head:
        for match in _NAME_RUN.finditer(line):
            words = match[0].split()
            if any(_A_VERB.search(word) for word in words):
                break  # `Koordinátorka přivítala starostku Sedlákovou a …`: a sentence, not a name
            for end in range(len(words), 1, -1):
                if words[end - 1] in _NO_INITIAL:
                    continue  # `… sociálních služeb v Kroměříži`: the name ends before the place
                if "".join(w[0] for w in words[:end] if w not in _NO_INITIAL).upper() == acronym:
                    return " ".join(words[:end])
    return None


def find_group_why(lines: list[str]) -> tuple[str | None, str | None]:
    """The group (see `find_group`) and why it is a guess — a genitive turned nominative, or
    the category of a web page rather than the minutes' own title — or None when it is not."""
    group, why = _find_group_why(lines)
    if group and re.fullmatch(rf"{CAPITAL}{{3,6}}", group):
        head = [plain(line) for line in lines if line.strip()][:15]
        if (spelled := _spelled_out(group, head)) is not None:
            return spelled, None
    return group, why


# The adjective of an organisation's top body (`centrální představenstvo`, `hlavní výbor`): the one body
# of its kind that the organisation's acronym names (`Představenstvo ČLK`). Others (`kontrolní`,
# `revizní`, `finanční`) tell a different body of the same organisation.
_TOP_BODY = rx(r"(?:centráln|ústředn|hlavn|celostátn|republikov)\w*")
# The first line of the attendance or the agenda: a title below it is an item of the minutes.
_PART_OPENS = rx(r"\W*(?:přítomn|omluven|nepřítomn|hosté|program|pořad\s+jednání)\w*\b")


def _whose_by_acronym(first: str, later: str) -> bool:
    """True when `later` is the last noun of `first` and an acronym after it (`Centrální
    představenstvo`, `Představenstvo ČLK`): the same body, named by whose it is — when `first` names
    the organisation's top body."""
    match = re.fullmatch(rf"(?P<noun>{CAPITAL}{SMALL}+)\s+{CAPITAL}{{2,6}}", later)
    words = first.split()
    return (
        match is not None
        and len(words) == 2
        and _TOP_BODY.fullmatch(words[0]) is not None
        and fold(words[-1]) == fold(match["noun"])
    )


def _named_fuller(body: str | None, title: str, head: list[str]) -> bool:
    """True when a line of the head other than `title` opens with `body` (`Komise`, from `Zápis z
    komise` alone on its line) and names it in more words (`Komise pro sociální věci a
    zdravotnictví`, `Rada seniorů města Písek`): the title's bare noun is then no name of its own."""
    name = fold(body or "")
    return any(
        line != title
        and fold(line).startswith(name + " ")
        and len(line.split()) <= 10
        and not line.rstrip().endswith(".")  # (a sentence: `Komise doporučuje …`)
        for line in head
    )


# `zápis z 026. schůze [vvvkm] Parlament … 8. volební období ZÁPIS z 8. schůze výboru pro …`: a site's
# field of its own before the document's title on one line; the title inside the line is the minutes'.
_LINE_OPENS_TITLE = rx(r"^\W*(?:\d{1,3}\.?\s+)?z[áa](?:pis|znam)\b")
_INNER_TITLE = re.compile(r"(?<=\s)(?:ZÁPIS|Zápis|ZÁZNAM|Záznam)\s+(?:z|ze)\s+(?=\S)")


def _inner_title(line: str) -> str:
    """The line from the last capitalised title inside it when it opens with a title that names no
    body and that inner title names one; the line as it is otherwise (`Zápis z jednání komise … –
    Komise projednala Zápis ze zasedání Zastupitelstva …`: the later title is a thing discussed)."""
    if not _LINE_OPENS_TITLE.match(line):
        return line
    inner = [m for m in _INNER_TITLE.finditer(line) if m.start() > 0]
    if not inner:
        return line
    opening = line[: inner[0].start()]
    # (a site's field names its own body: `schůze [vzsp] Parlament České republiky …`)
    if "[" not in opening and _names_body(opening):
        return line
    rest = line[inner[-1].start() :]
    return rest if _names_body(rest) else line


def _names_body(title: str) -> bool:
    """True when a title (`Zápis z jednání komise pro seniory …`) names the body that met."""
    match = _TITLE.search(title)
    return match is not None and bool(body := _CUT.sub("", match["rest"])) and bool(_tidy_why(body)[0])


# `20.12.2022 – výborová schůze` / `Výbor SDH se usnesl dne 20.12.2022 …` / … `Výbor SDH Žákava předem
# děkuje …`: a committee's meeting whose head names no body, the committee named as the subject of what it
# resolved, in the fullest form the text writes it (a town after it). A guess: no title says so.
_COMMITTEE_HEADING = rx(r"\bvýborov(?:á|é)\s+schůz(?:e|ky)\b")
_COMMITTEE_SUBJECT = re.compile(
    rf"^(?P<name>Výbor\s+(?:{CAPITAL}{{2,6}}|{CAPITAL}{SMALL}+)(?:\s+(?:{CAPITAL}{{2,6}}|{CAPITAL}{SMALL}+)){{0,2}}?)\s+"
    r"(?:se\s+usnesl|rozhodl|schválil|projednal|odsouhlasil|doporučil)[aoiy]?\b"
)
# (`Výbor SDH se usnesl na …` at the top is a sentence of what the body did, no letterhead)
_BODY_ACTS = re.compile(r"\s(?:se\s+usnesl|rozhodl|schválil|projednal|odsouhlasil|doporučil)[aoiy]?\b")
_COMMITTEE_ACTING_WHY = N_("the committee named as the subject of what it resolved (Výbor … se usnesl)")


# (`Výbor MAS Podlipansko schválil naši žádost …`, `… nám schválil dotaci`: another body that decided
# for the association; `Výbor SDH …` and `Výbor MAS …` in one text: which one met, it does not say)
_FOR_US = re.compile(r"\b(?:náš|naš(?:e|i|í|eho|emu|em|ím|ich|imi?)|nám|nás)\b", re.IGNORECASE)
_A_COMMITTEE = re.compile(rf"\bVýbor\s+(?P<word>{CAPITAL}{{2,6}}\b|{CAPITAL}{SMALL}+)")


def _committee_acting(lines: list[str]) -> str | None:
    plains = [plain(line) for line in lines]
    found = next(((m, line) for line in plains if (m := _COMMITTEE_SUBJECT.match(line)) is not None), None)
    if found is None or _FOR_US.search(found[1]):
        return None
    name = found[0]["name"]
    if len({m["word"] for line in plains for m in _A_COMMITTEE.finditer(line)}) > 1:
        return None
    fuller = re.compile(rf"\b{re.escape(name)}\s+(?P<town>{CAPITAL}{SMALL}+)(?=\s+{SMALL}|[,.]|$)")
    return next((f"{name} {m['town']}" for line in plains if (m := fuller.search(line)) is not None), name)


def _find_group_why(lines: list[str]) -> tuple[str | None, str | None]:
    head = [_TITLE_SYNONYM.sub(r"\g<lead>Zápis", plain(line)) for line in lines if line.strip()][:15]
    head[:3] = [_CONCLUSIONS_TITLE.sub(r"\g<lead>Zápis", line) for line in head[:3]]
    head = [_inner_title(line) for line in head]
    # `Zápis z výborové schůze klubu chovatelů …`: the committee of the association named after it
    head = [_COMMITTEE_OF.sub("schůze výboru ", line) for line in head]
    # `Synchronní on-line zasedání školské rady 19. října 2020`: one of the first lines heads the
    # meeting of a body and ends with its day; read as `Zápis zasedání školské rady …`
    head[:3] = [
        line if _ZAPIS_WORD.search(line) else _MEETING_HEADING.sub(r"\g<lead>Zápis ", line)
        for line in head[:3]
    ]
    titled = [
        (found, line, _own_day(match["rest"]))
        for line in head
        if (match := _TITLE.search(line) or _ORDINAL_BODY.search(line))
        and (rest := _CUT.sub("", match["rest"]))
        and (found := _tidy_why(rest))[0]
        and not (
            match.re is _ORDINAL_BODY and match["alone"] is not None and _named_fuller(found[0], line, head)
        )
        # (`Zápis ze shromáždění členů` alone: an assembly of whose members the title does not say)
        and not (match.re is _ORDINAL_BODY and match["alone"] is not None and _GENERIC_ASSEMBLY.search(line))
    ]
    # A web page's title whose day was dropped (`Zápis z jednání … komise ze dne`) above the
    # minutes' own heading with the day (`Zápis z porady sociální komise dne 10.9.2012`): the heading.
    if (
        len(titled) >= 2
        and _DAY_LOST.search(titled[0][1])
        and (dated := next((t for t in titled[1:] if _WITH_DAY.search(t[1])), None))
    ):
        return dated[0]
    # A newsletter's contents (`… Zápis ze zasedání obce Hasiči slavili 115 let …`) or a page title
    # without a day above the minutes' own heading that gives the day right after the body (`Zápis z
    # 9. zasedání Zastupitelstva obce Hovězí konaného dne 29. dubna 2008`): the heading.
    if (
        len(titled) >= 2
        and not titled[0][2]
        and (dated := next((t for t in titled[1:] if t[2]), None)) is not None
    ):
        return dated[0]
    titles = [found for found, _line, _day in titled]
    for line, following in itertools.pairwise(head):
        # `Z á p i s` / `z Regionální rady seniorů …`: the title's two lines, the body without a
        # meeting noun.
        body = re.match(rf"^(?:z|ze)\s+(?P<rest>{CAPITAL}.{{3,}})$", following)
        if (
            body is not None
            and re.fullmatch(r"(?i)z[áa](?:pis|znam)\.?", line)
            and (rest := _CUT.sub("", body["rest"]))
            and (found := _tidy_why(rest))[0]
        ):
            titles.append(found)
        # `Zápis z jednání` / `Územní řídicí skupiny`: the meeting noun ends the title's first line
        # and the body in the genitive makes the next one.
        if (
            re.fullmatch(
                r"(?i)z[áa](?:pis|znam)\s+ze?\s+(?:jednání|zasedání|schůze|schůzky|setkání|"
                r"shromáždění\s+(?:členů|delegátů|vlastníků))",
                line,
            )
            and re.fullmatch(rf"{CAPITAL}[^:\d]{{3,80}}", following)
            and not following.endswith(".")
            and len(following.split()) <= 8
            and (found := _tidy_why(following))[0]
        ):
            titles.append(found)
    if titles and (named := _served_body_named(titles[0][0] or "", head)) is not None:
        return named
    if titles:
        # A page title with the body's acronym (`Zápis z jednání ÚŘS`) above its name written out
        # (`Územní řídicí skupiny`): the name, when its words' initials spell the acronym.
        if (acronym := titles[0][0] or "") and re.fullmatch(rf"{CAPITAL}{{2,5}}", acronym):
            spelled = next((t for t in titles[1:] if _initials(t[0] or "") == acronym), None)
            if spelled is not None:
                return spelled
            # (a name whose initials spell an acronym of three letters or more exactly is read after, by
            # `_spelled_out` in `find_group_why`)
            spelled_later = len(acronym) >= 3 and _spelled_out(acronym, head) is not None
            if not spelled_later and (written := _body_under_title(acronym, head)) is not None:
                return written, _(_BODY_UNDER_TITLE_WHY)
        # A page title `… PS pro financování` above the document's own `… Pracovní skupiny pro
        # tvorbu systému financování …`: the full name, when it holds every word of the short one.
        short = _words(titles[0][0] or "")
        fuller = next((t for t in titles[1:] if short < _words(t[0] or "")), None)
        # `Zápis z jednání centrálního představenstva 18.6.2020` above `Zápis z jednání představenstva ČLK`:
        # the same body's noun, the later title saying whose body it is by an acronym
        # (only a title above the attendance and the agenda: below them, `2. Zápis z jednání výboru ZO` is an item)
        opened = next((i for i, line in enumerate(head) if _PART_OPENS.match(line)), len(head))
        return fuller or next(
            (
                t
                for t, line, _day in titled[1:]
                if head.index(line) < opened and _whose_by_acronym(titles[0][0] or "", t[0] or "")
            ),
            titles[0],
        )
    for line in head:
        match = _BODY_BEFORE_TITLE.match(line) or _CONFERENCE.match(line)
        if match and (found := _tidy_why(match["group"]))[0]:
            return found
    if any(_COMMITTEE_MEETING.search(line) for line in head):
        return "Výbor", _("from the words `výborová schůze` (the title does not name the association)")
    for line in head:
        match = _HEADER_GROUP.search(line)
        if match and (found := _tidy_why(match["group"]))[0]:
            return found
    for line in head:
        match = _PS_AFTER_TITLE.match(line)  # `Zápis – online setkání PS Duševní zdraví, 25. 1. 2022`
        if match and (found := _tidy_why(_CUT.sub("", match["group"])))[0]:
            return found
    for line in head:
        match = _NAME_LABEL.match(line)  # `Název jednání: PS Senioři | Datum: …`
        if match and (found := _tidy_why(match["group"]))[0]:
            return found
    for line, following in itertools.pairwise(head):
        # `Spolek:` / `Okrašlovací spolek Stupárovice, z.s,`: a form's label of the body alone on its
        # line, the name under it (blank lines between)
        if (
            _BODY_LABEL.fullmatch(line)
            and not _BODY_LABEL.fullmatch(following)
            and ":" not in following
            and (found := _tidy_why(_CUT.sub("", following)))[0]
        ):
            return found
    for line in head[:5]:
        match = _ACRONYM_TITLE.match(line)  # `Zápis z VV z 28. 4. 2020`
        if match:
            return match["group"], None
    for line in head:
        match = _SHORT_TITLE.search(line)
        if match and (found := _tidy_why(match["group"]))[0]:
            return found
    for line in head[:3]:
        match = _BODY_MET.match(line)  # `18. 1. 2022 zasedala pastorační rada farnosti.`
        if match:  # the subject of the verb: already in the nominative
            subject = squash(match["group"])
            return subject[:1].upper() + subject[1:], None
    for line in head:
        match = _CATEGORY.search(line)
        if match and (group := _tidy_why(match["group"])[0]):
            return group, _("from the web page's category (Zápisy …), not from the minutes' title")
    for line in head[:3]:
        match = _DATED_MEETING_TITLE.match(line)  # `Zasedání školské rady 6.9.2016`
        if match and (rest := _CUT.sub("", match["rest"])) and (found := _tidy_why(rest))[0]:
            return found
    for line in head[:3]:
        if (
            _MEETING_TITLE.match(line)
            and len(line) <= 120
            and not re.search(r"\d{4}", line)
            and not _MEETING_SENTENCE.match(line)
            # (`Setkání zastupitelstva s občany`: a meeting with someone is not the body's own session)
            and not _MEETING_WITH.search(line)
        ):
            # `Zasedání zastupitelstva obce …`: the body in the genitive after the meeting noun is the group
            return _tidy_why(_MEETING_OF.sub("", line))
    for line in head[:4]:
        line = _REGISTRATION.sub("", line)
        if _BODY_LETTERHEAD.match(line) and not _BODY_ACTS.search(line):
            return squash(line).strip(" -–—:;,."), _(
                "from the page's or document's letterhead (the name of the association or body)"
            )
    for above, line in itertools.pairwise(["", *head[:4]]):
        if (name := _legal_letterhead(above, line)) is not None:
            return name, _("from the page's or document's letterhead (the name of the association or body)")
    for line in lines:
        if (resolved := _RESOLVING_BODY.search(plain(line))) is not None:
            return squash(resolved["group"]), _("from a resolution (the body that passed it)")
    if (chaired := _chaired_body(lines)) is not None:
        return chaired, _("from the title of the chair who opened the meeting (předseda … výboru)")
    if (club := _named_body_chaired(lines)) is not None:
        return club, _("from the title of the chair who opened the meeting (předsedkyně Klubu …)")
    if any(_COMMITTEE_HEADING.search(line) for line in head) and (committee := _committee_acting(lines)):
        return committee, _(_COMMITTEE_ACTING_WHY)
    return None, None
